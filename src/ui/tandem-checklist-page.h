/* tandem-checklist-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-checklist.h"
#include "tandem-checklist-item.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CHECKLIST_PAGE (tandem_checklist_page_get_type ())

G_DECLARE_FINAL_TYPE (TandemChecklistPage, tandem_checklist_page, TANDEM, CHECKLIST_PAGE, AdwBin)

GtkWidget           *tandem_checklist_page_new              (TandemChecklist     *checklist);
TandemChecklist     *tandem_checklist_page_get_checklist    (TandemChecklistPage *self);
TandemChecklistItem *tandem_checklist_page_get_selected_item (TandemChecklistPage *self);
gboolean             tandem_checklist_page_select_item      (TandemChecklistPage *self,
                                                             TandemChecklistItem *item);
void                 tandem_checklist_page_show_view        (TandemChecklistPage *self,
                                                             const char          *name);
GtkWidget           *tandem_checklist_page_get_list_view    (TandemChecklistPage *self);
GtkWidget           *tandem_checklist_page_get_editor       (TandemChecklistPage *self);
guint                tandem_checklist_page_get_n_visible    (TandemChecklistPage *self);
void                 tandem_checklist_page_set_search       (TandemChecklistPage *self,
                                                             const char          *text);
void                 tandem_checklist_page_export_template  (TandemChecklistPage *self,
                                                             GFile               *file);

G_END_DECLS
