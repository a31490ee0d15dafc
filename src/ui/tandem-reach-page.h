/* tandem-reach-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-document.h"
#include "tandem-engagement.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_REACH_PAGE (tandem_reach_page_get_type ())

G_DECLARE_FINAL_TYPE (TandemReachPage, tandem_reach_page, TANDEM, REACH_PAGE, AdwBin)

GtkWidget *tandem_reach_page_new (TandemDocument *document);
GtkWidget *tandem_reach_page_get_cell (TandemReachPage *self,
                                       guint            row,
                                       int              stage);
GtkWidget *tandem_reach_page_get_gaps (TandemReachPage *self);
GtkWidget *tandem_reach_page_get_groups (TandemReachPage *self);
void       tandem_reach_page_refresh (TandemReachPage *self);
void       tandem_reach_page_remove_group (TandemReachPage *self,
                                           TandemGroup     *group);

guint      tandem_reach_add_gap_rows (AdwPreferencesGroup *group,
                                      GPtrArray           *rows,
                                      TandemReach         *reach,
                                      gboolean             open_others);

G_END_DECLS
