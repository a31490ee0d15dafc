/* tandem-reason-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* @reason is NULL when the user cancelled. */
typedef void (*TandemReasonFunc) (const char *reason,
                                  gpointer    user_data);

GtkWidget *tandem_reason_dialog_present (GtkWidget        *widget,
                                         const char       *heading,
                                         const char       *body,
                                         const char       *accept_label,
                                         TandemReasonFunc  func,
                                         gpointer          user_data,
                                         GDestroyNotify    destroy);

G_END_DECLS
