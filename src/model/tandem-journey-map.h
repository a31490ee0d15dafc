/* tandem-journey-map.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"
#include "tandem-list.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_JOURNEY_MAP (tandem_journey_map_get_type ())

G_DECLARE_FINAL_TYPE (TandemJourneyMap, tandem_journey_map, TANDEM, JOURNEY_MAP, TandemObject)

TandemJourneyMap *tandem_journey_map_new            (void);
TandemMapSide     tandem_journey_map_get_side       (TandemJourneyMap *self);
void              tandem_journey_map_set_side       (TandemJourneyMap *self,
                                                     TandemMapSide value);
const char       *tandem_journey_map_get_notes      (TandemJourneyMap *self);
void              tandem_journey_map_set_notes      (TandemJourneyMap *self,
                                                     const char *value);
TandemList       *tandem_journey_map_get_steps      (TandemJourneyMap *self);
TandemList       *tandem_journey_map_get_connectors (TandemJourneyMap *self);

G_END_DECLS
