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
 * @n_handoffs: connectors (of any kind) joining steps in different lanes, or with different
 *   people (both roles given and not the same); steps not joined by connectors follow one
 *   another in journey order
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

/**
 * TandemMeasure:
 *
 * The rows of the comparison, in the order a board reads them.
 */
typedef enum
{
  TANDEM_MEASURE_STEPS,
  TANDEM_MEASURE_HANDOFFS,
  TANDEM_MEASURE_WAIT,
  TANDEM_MEASURE_TIME,
  TANDEM_MEASURE_PLACES,
  TANDEM_MEASURE_PAIN_POINTS,
  TANDEM_MEASURE_TOUCHPOINTS,
  TANDEM_MEASURE_LOWEST_FEELING,
  TANDEM_N_MEASURES
} TandemMeasure;

/**
 * TandemMeasureRow:
 * @measure: which row
 * @name: what is measured, "Hand-offs"
 * @before: the value before, as shown: "3", "2 days 11 hours 45 minutes", "Very bad (−2)"
 * @after: the value after, as shown
 * @change: the difference, worded from the shown values so that it always agrees with them:
 *   "3 fewer", "2 hours less", "Better", "No change", "Not comparable"
 * @phrase: (nullable): the change for a sentence, "3 fewer hand-offs", or %NULL when there
 *   is none
 */
typedef struct
{
  TandemMeasure  measure;
  const char    *name;
  char          *before;
  char          *after;
  char          *change;
  char          *phrase;
} TandemMeasureRow;

/**
 * TandemComparison:
 * @rows: (element-type TandemMeasureRow): one row a #TandemMeasure
 * @summary: one sentence saying what changes
 * @definitions: how the measures are counted, to print with them
 *
 * The comparison of a journey's before map with its after map, worded once for every place
 * it is shown or printed, so that the screen and the board pack say the same.
 */
typedef struct
{
  GPtrArray *rows;
  char      *summary;
  const char *definitions;
} TandemComparison;

TandemComparison *tandem_journey_compare         (TandemJourney          *journey);
void              tandem_comparison_free         (TandemComparison       *comparison);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemComparison, tandem_comparison_free)

GPtrArray *tandem_journey_map_steps_in_order (TandemJourneyMap       *map);
void       tandem_journey_map_measure        (TandemJourneyMap       *map,
                                              TandemJourneyMeasures  *measures);
int        tandem_feeling_to_score           (TandemFeeling           feeling);

G_END_DECLS
