/* tandem-dialogs.h: small dialogs and notices shared by the pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void tandem_show_error       (GtkWidget  *widget,
                              const char *heading,
                              const char *body);
void tandem_show_toast       (GtkWidget  *widget,
                              const char *title,
                              gboolean    offer_undo);
const char *tandem_get_last_toast (GtkWidget *widget);
void tandem_set_accessible_label (GtkWidget  *widget,
                                  const char *label);
void tandem_hide_from_accessibility (GtkWidget *widget);
void tandem_name_menu_buttons (GtkWidget *root);
void tandem_open_uri         (GtkWidget  *widget,
                              const char *uri);

G_END_DECLS
