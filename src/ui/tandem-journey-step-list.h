/* tandem-journey-step-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-journey-canvas.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_JOURNEY_STEP_LIST (tandem_journey_step_list_get_type ())

G_DECLARE_FINAL_TYPE (TandemJourneyStepList, tandem_journey_step_list, TANDEM, JOURNEY_STEP_LIST, GtkWidget)

GtkWidget        *tandem_journey_step_list_new          (TandemJourneyCanvas   *canvas);
TandemJourneyMap *tandem_journey_step_list_get_map      (TandemJourneyStepList *self);
void              tandem_journey_step_list_set_map      (TandemJourneyStepList *self,
                                                         TandemJourneyMap      *map);
GListModel       *tandem_journey_step_list_get_model    (TandemJourneyStepList *self);
GtkWidget        *tandem_journey_step_list_get_view     (TandemJourneyStepList *self);
TandemStep       *tandem_journey_step_list_add_step     (TandemJourneyStepList *self);

G_END_DECLS
