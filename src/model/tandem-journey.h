/* tandem-journey.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"
#include "tandem-list.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_JOURNEY (tandem_journey_get_type ())

G_DECLARE_FINAL_TYPE (TandemJourney, tandem_journey, TANDEM, JOURNEY, TandemObject)

TandemJourney *tandem_journey_new              (void);
const char    *tandem_journey_get_title        (TandemJourney *self);
void           tandem_journey_set_title        (TandemJourney *self,
                                                const char *value);
const char    *tandem_journey_get_description  (TandemJourney *self);
void           tandem_journey_set_description  (TandemJourney *self,
                                                const char *value);
TandemList    *tandem_journey_get_stages       (TandemJourney *self);
TandemList    *tandem_journey_get_lanes        (TandemJourney *self);
TandemList    *tandem_journey_get_maps         (TandemJourney *self);
TandemList    *tandem_journey_get_replacements (TandemJourney *self);

TandemJourney    *tandem_journey_new_with_defaults (const char    *title);
TandemJourneyMap *tandem_journey_get_map           (TandemJourney *self,
                                                    TandemMapSide  side);
TandemStage      *tandem_journey_find_stage        (TandemJourney *self,
                                                    const char    *id);
TandemLane       *tandem_journey_find_lane         (TandemJourney *self,
                                                    const char    *id);
int               tandem_journey_stage_index       (TandemJourney *self,
                                                    const char    *stage_id);
int               tandem_journey_lane_index        (TandemJourney *self,
                                                    const char    *lane_id);
TandemJourney    *tandem_journey_for_object        (TandemObject  *object);

G_END_DECLS
