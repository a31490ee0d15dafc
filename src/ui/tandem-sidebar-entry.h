/* tandem-sidebar-entry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-document.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_SIDEBAR_ENTRY (tandem_sidebar_entry_get_type ())

G_DECLARE_FINAL_TYPE (TandemSidebarEntry, tandem_sidebar_entry, TANDEM, SIDEBAR_ENTRY, GObject)

/* Makes the page of an entry for @document. */
typedef GtkWidget *(*TandemSidebarPageFunc) (TandemDocument *document);

TandemSidebarEntry *tandem_sidebar_entry_new         (const char            *id,
                                                      const char            *section,
                                                      const char            *title,
                                                      const char            *icon_name,
                                                      TandemSidebarPageFunc  new_page);
const char         *tandem_sidebar_entry_get_id      (TandemSidebarEntry    *self);
const char         *tandem_sidebar_entry_get_section (TandemSidebarEntry    *self);
const char         *tandem_sidebar_entry_get_title   (TandemSidebarEntry    *self);
const char         *tandem_sidebar_entry_get_icon_name (TandemSidebarEntry  *self);
GtkWidget          *tandem_sidebar_entry_new_page    (TandemSidebarEntry    *self,
                                                      TandemDocument        *document);

G_END_DECLS
