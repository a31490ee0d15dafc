/* tandem-journey-measures.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-journey.h"
#include "tandem-journey-map.h"

G_BEGIN_DECLS

/**
 * TandemJourneyMeasures:
 * @n_steps: steps on the map
 * @n_handoffs: consecutive steps (in journey order) in different lanes, or with different
 *   people (both roles given and not the same)
 * @total_wait_minutes: the sum of the waits before each step
 * @total_time_minutes: the sum of each step's duration and the wait before it: the time
 *   from the first step to the end of the last
 * @n_places: different places (ignoring case and surrounding spaces)
 * @n_pain_points: steps marked as pain points
 * @n_touchpoints: steps marked as touchpoints
 * @lowest_feeling: the worst feeling recorded, or %TANDEM_FEELING_UNKNOWN if none
 *
 * What the comparison of a before map with an after map measures.
 */
typedef struct
{
  guint         n_steps;
  guint         n_handoffs;
  double        total_wait_minutes;
  double        total_time_minutes;
  guint         n_places;
  guint         n_pain_points;
  guint         n_touchpoints;
  TandemFeeling lowest_feeling;
} TandemJourneyMeasures;

GPtrArray *tandem_journey_map_steps_in_order (TandemJourneyMap       *map);
void       tandem_journey_map_measure        (TandemJourneyMap       *map,
                                              TandemJourneyMeasures  *measures);
int        tandem_feeling_to_score           (TandemFeeling           feeling);

G_END_DECLS
