/* tandem-ladder-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-document.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_LADDER_PAGE (tandem_ladder_page_get_type ())

G_DECLARE_FINAL_TYPE (TandemLadderPage, tandem_ladder_page, TANDEM, LADDER_PAGE, AdwBin)

GtkWidget *tandem_ladder_page_new (TandemDocument *document);
GtkWidget *tandem_ladder_page_get_row (TandemLadderPage *self,
                                       int               stage);
void       tandem_ladder_page_refresh (TandemLadderPage *self);

G_END_DECLS
