/* tandem-engagement-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-document.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_ENGAGEMENT_PAGE (tandem_engagement_page_get_type ())

G_DECLARE_FINAL_TYPE (TandemEngagementPage, tandem_engagement_page, TANDEM, ENGAGEMENT_PAGE, AdwBin)

GtkWidget      *tandem_engagement_page_new            (TandemDocument       *document);
TandemDocument *tandem_engagement_page_get_document   (TandemEngagementPage *self);
GtkListView    *tandem_engagement_page_get_list_view  (TandemEngagementPage *self);
TandemActivity *tandem_engagement_page_get_selected   (TandemEngagementPage *self);
void            tandem_engagement_page_select         (TandemEngagementPage *self,
                                                       guint                 position);
void            tandem_engagement_page_add_activity   (TandemEngagementPage *self);
void            tandem_engagement_page_attach_file    (TandemEngagementPage *self,
                                                       GFile                *file);

G_END_DECLS
