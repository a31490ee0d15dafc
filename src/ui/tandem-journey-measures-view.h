/* tandem-journey-measures-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-journey.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_JOURNEY_MEASURES_VIEW (tandem_journey_measures_view_get_type ())

G_DECLARE_FINAL_TYPE (TandemJourneyMeasuresView, tandem_journey_measures_view, TANDEM, JOURNEY_MEASURES_VIEW, AdwBin)

GtkWidget  *tandem_journey_measures_view_new         (TandemJourney             *journey);
void        tandem_journey_measures_view_update      (TandemJourneyMeasuresView *self);
const char *tandem_journey_measures_view_get_cell    (TandemJourneyMeasuresView *self,
                                                      guint                      row,
                                                      guint                      column);
const char *tandem_journey_measures_view_get_summary (TandemJourneyMeasuresView *self);

G_END_DECLS
