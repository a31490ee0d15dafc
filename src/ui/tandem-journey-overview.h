/* tandem-journey-overview.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-journey-canvas.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_JOURNEY_OVERVIEW (tandem_journey_overview_get_type ())

G_DECLARE_FINAL_TYPE (TandemJourneyOverview, tandem_journey_overview, TANDEM, JOURNEY_OVERVIEW, GtkWidget)

GtkWidget *tandem_journey_overview_new          (TandemJourneyCanvas *canvas);
void       tandem_journey_overview_get_map_rect (TandemJourneyOverview *self,
                                                 graphene_rect_t       *rect);

G_END_DECLS
