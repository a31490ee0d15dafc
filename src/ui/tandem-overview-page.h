/* tandem-overview-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-document.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_OVERVIEW_PAGE (tandem_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (TandemOverviewPage, tandem_overview_page, TANDEM, OVERVIEW_PAGE, AdwBin)

GtkWidget      *tandem_overview_page_new          (TandemDocument     *document);
TandemDocument *tandem_overview_page_get_document (TandemOverviewPage *self);
void            tandem_overview_page_focus_conditions (TandemOverviewPage *self);
void            tandem_overview_page_focus_title  (TandemOverviewPage *self);

G_END_DECLS
