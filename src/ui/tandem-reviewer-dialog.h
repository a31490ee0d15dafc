/* tandem-reviewer-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

gboolean   tandem_reviewer_dialog_needed  (GSettings *settings);
GtkWidget *tandem_reviewer_dialog_present (GtkWindow *parent,
                                           GSettings *settings);

G_END_DECLS
