/* tandem-journey-edit.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-connector.h"
#include "tandem-journey.h"
#include "tandem-journey-map.h"
#include "tandem-lane.h"
#include "tandem-replacement.h"
#include "tandem-stage.h"
#include "tandem-step.h"

G_BEGIN_DECLS

/**
 * TandemStepMove:
 * @TANDEM_STEP_MOVE_EARLIER: one place earlier in journey order, into the previous stage at
 *   the start of a stage
 * @TANDEM_STEP_MOVE_LATER: one place later, into the next stage at the end of a stage
 * @TANDEM_STEP_MOVE_UP: to the lane above, same stage and place
 * @TANDEM_STEP_MOVE_DOWN: to the lane below
 *
 * The moves of a step by keyboard (Alt+arrows).
 */
typedef enum
{
  TANDEM_STEP_MOVE_EARLIER,
  TANDEM_STEP_MOVE_LATER,
  TANDEM_STEP_MOVE_UP,
  TANDEM_STEP_MOVE_DOWN,
} TandemStepMove;

GPtrArray       *tandem_journey_map_steps_in_stage  (TandemJourneyMap *map,
                                                     const char       *stage_id);
double           tandem_journey_map_order_at        (TandemJourneyMap *map,
                                                     const char       *stage_id,
                                                     guint             index,
                                                     GPtrArray        *exclude);
TandemStep      *tandem_journey_map_add_step        (TandemJourneyMap *map,
                                                     const char       *stage_id,
                                                     const char       *lane_id,
                                                     double            order);
TandemStep      *tandem_journey_map_add_step_after  (TandemJourneyMap *map,
                                                     TandemStep       *after);
void             tandem_journey_map_remove_steps    (TandemJourneyMap *map,
                                                     GPtrArray        *steps);
gboolean         tandem_journey_map_move_step       (TandemJourneyMap *map,
                                                     TandemStep       *step,
                                                     TandemStepMove    move);
TandemConnector *tandem_journey_map_find_connector  (TandemJourneyMap *map,
                                                     TandemStep       *from,
                                                     TandemStep       *to);
TandemConnector *tandem_journey_map_connect         (TandemJourneyMap *map,
                                                     TandemStep       *from,
                                                     TandemStep       *to,
                                                     TandemConnectorKind kind);
void             tandem_journey_map_copy_from       (TandemJourneyMap *map,
                                                     TandemJourneyMap *source);
TandemJourneyMap *tandem_journey_map_for_step       (TandemStep       *step);

TandemStage     *tandem_journey_add_stage           (TandemJourney    *journey,
                                                     guint             position,
                                                     const char       *title);
TandemLane      *tandem_journey_add_lane            (TandemJourney    *journey,
                                                     guint             position,
                                                     const char       *title);
guint            tandem_journey_count_steps_in      (TandemJourney    *journey,
                                                     TandemObject     *stage_or_lane);
void             tandem_journey_remove_stage        (TandemJourney    *journey,
                                                     TandemStage      *stage);
void             tandem_journey_remove_lane         (TandemJourney    *journey,
                                                     TandemLane       *lane);
TandemReplacement *tandem_journey_find_replacement  (TandemJourney    *journey,
                                                     TandemStep       *before,
                                                     TandemStep       *after);
TandemReplacement *tandem_journey_add_replacement   (TandemJourney    *journey,
                                                     TandemStep       *before,
                                                     TandemStep       *after);

G_END_DECLS
