/* tandem-sidebar-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-document.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_SIDEBAR_PAGE (tandem_sidebar_page_get_type ())

G_DECLARE_FINAL_TYPE (TandemSidebarPage, tandem_sidebar_page, TANDEM, SIDEBAR_PAGE, GObject)

TandemSidebarPage *tandem_sidebar_page_new           (GType              page_type,
                                                      const char        *title,
                                                      const char        *icon_name,
                                                      const char        *section);
GType              tandem_sidebar_page_get_page_type (TandemSidebarPage *self);
const char        *tandem_sidebar_page_get_title     (TandemSidebarPage *self);
const char        *tandem_sidebar_page_get_icon_name (TandemSidebarPage *self);
const char        *tandem_sidebar_page_get_section   (TandemSidebarPage *self);
GtkWidget         *tandem_sidebar_page_create        (TandemSidebarPage *self,
                                                      TandemDocument    *document);

G_END_DECLS
