/* tandem-feedback-export.h: exporting the feedback report from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-document.h"

G_BEGIN_DECLS

void tandem_feedback_export_choose  (GtkWindow      *parent,
                                     TandemDocument *document);
void tandem_feedback_export_to_file (GtkWindow      *parent,
                                     TandemDocument *document,
                                     GFile          *file);

G_END_DECLS
