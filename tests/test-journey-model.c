/* test-journey-model.c: journey order, measures worked out by hand, editing, the clipboard,
 * JSON round trips and bad journey JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tandem-document.h"
#include "tandem-journey-clip.h"
#include "tandem-journey-fixture.h"
#include "tandem-json.h"
#include "tandem-quote.h"
#include "tandem-storage.h"
#include "tandem-journey-measures.h"
#include "tandem-labels.h"
#include "tandem-lane.h"
#include "tandem-stage.h"
#include "tandem-step.h"
#include "tandem-vote.h"

static TandemStep *
add_step (TandemJourney    *journey,
          TandemJourneyMap *map,
          guint             stage,
          guint             lane,
          double            order,
          const char       *title,
          const char       *role,
          const char       *place,
          double            wait,
          double            duration,
          TandemFeeling     feeling,
          gboolean          pain)
{
  g_autoptr(TandemStep) step = tandem_step_new ();

  tandem_step_set_title (step, title);
  tandem_step_set_role (step, role);
  tandem_step_set_place (step, place);
  tandem_step_set_wait_minutes (step, wait);
  tandem_step_set_duration_minutes (step, duration);
  tandem_step_set_feeling (step, feeling);
  tandem_step_set_pain_point (step, pain);
  tandem_step_set_order (step, order);
  tandem_step_set_stage (step, tandem_object_get_id (tandem_list_get (tandem_journey_get_stages (journey), stage)));
  tandem_step_set_lane (step, tandem_object_get_id (tandem_list_get (tandem_journey_get_lanes (journey), lane)));
  tandem_list_append (tandem_journey_map_get_steps (map), step);

  return step;
}

static void
test_measures (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  g_autoptr(TandemJourney) journey = tandem_journey_new_with_defaults ("Feverish child");
  TandemJourneyMap *before;
  TandemJourneyMeasures m;
  g_autoptr(GPtrArray) ordered = NULL;

  tandem_document_begin (document, "Add");
  tandem_list_append (tandem_document_get_journeys (document), journey);
  before = tandem_journey_get_map (journey, TANDEM_MAP_SIDE_BEFORE);

  /* Added out of order on purpose; journey order is stage, then order. */
  add_step (journey, before, 2, 1, 0, "Seen by nurse", "Nurse", "Walk-in centre", 120, 15,
            TANDEM_FEELING_NEUTRAL, FALSE);
  add_step (journey, before, 0, 0, 0, "Child has a fever", "Parent", "Home", 0, 0,
            TANDEM_FEELING_BAD, FALSE);
  add_step (journey, before, 1, 0, 1, "Queue", "Parent", " walk-in centre ", 0, 0,
            TANDEM_FEELING_VERY_BAD, TRUE);
  add_step (journey, before, 1, 0, 0, "Travel by bus", "Parent", "Bus", 20, 25,
            TANDEM_FEELING_BAD, FALSE);
  add_step (journey, before, 3, 1, 0, "Sent to GP", "GP receptionist", "GP surgery", 1440, 10,
            TANDEM_FEELING_BAD, TRUE);
  tandem_document_commit (document);

  ordered = tandem_journey_map_steps_in_order (before);
  g_assert_cmpstr (tandem_step_get_title (g_ptr_array_index (ordered, 0)), ==, "Child has a fever");
  g_assert_cmpstr (tandem_step_get_title (g_ptr_array_index (ordered, 1)), ==, "Travel by bus");
  g_assert_cmpstr (tandem_step_get_title (g_ptr_array_index (ordered, 2)), ==, "Queue");
  g_assert_cmpstr (tandem_step_get_title (g_ptr_array_index (ordered, 3)), ==, "Seen by nurse");

  tandem_journey_map_measure (before, &m);
  g_assert_cmpuint (m.n_steps, ==, 5);
  /* fever→bus (same lane, same role): no; bus→queue: no; queue→nurse: lane changes;
   * nurse→GP receptionist: same lane, different role. */
  g_assert_cmpuint (m.n_handoffs, ==, 2);
  g_assert_cmpfloat (m.total_wait_minutes, ==, 1580);
  g_assert_cmpfloat (m.total_time_minutes, ==, 1580 + 50);
  g_assert_cmpuint (m.n_places, ==, 4);  /* home, bus, walk-in centre (twice), GP surgery */
  g_assert_cmpuint (m.n_pain_points, ==, 2);
  g_assert_cmpint (m.lowest_feeling, ==, TANDEM_FEELING_VERY_BAD);
}


/* Hand-offs follow the journey's path, the connectors, not the numbers on the cards. Modelled on
 * the sample: the nurse tells the parent to see their own GP (staff lane); a branch sends a
 * letter to the GP practice (behind the scenes) while the parent travels home (patient lane),
 * and a loop back sends the family back to ring the GP. In journey order the letter is
 * followed by "travels home", a change of lane that no one lives through: the letter does not
 * hand the parent on. Steps that no connector joins follow one another in journey order. */
static void
test_handoffs_along_path (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  g_autoptr(TandemJourney) journey = tandem_journey_new_with_defaults ("Feverish child");
  TandemJourneyMap *before;
  TandemJourneyMeasures m;
  TandemStep *rings, *nurse, *told, *letter, *home, *eight, *gp;

  tandem_document_begin (document, "Add");
  tandem_list_append (tandem_document_get_journeys (document), journey);
  before = tandem_journey_get_map (journey, TANDEM_MAP_SIDE_BEFORE);

  rings = add_step (journey, before, 1, 0, 0, "Rings the GP", "Parent", "Home", 0, 5,
                    TANDEM_FEELING_BAD, FALSE);
  nurse = add_step (journey, before, 2, 1, 0, "Seen by a nurse", "Nurse", "Walk-in centre", 0, 5,
                    TANDEM_FEELING_NEUTRAL, FALSE);
  told = add_step (journey, before, 3, 1, 0, "Told to see their own GP", "Nurse", "Walk-in centre",
                   0, 5, TANDEM_FEELING_BAD, FALSE);
  letter = add_step (journey, before, 3, 2, 1, "Letter to the GP practice", "Administrator", "",
                     0, 5, TANDEM_FEELING_UNKNOWN, FALSE);
  home = add_step (journey, before, 4, 0, 0, "Travels home", "Parent", "Bus", 0, 5,
                   TANDEM_FEELING_BAD, FALSE);
  eight = add_step (journey, before, 4, 0, 1, "Rings the GP at 8 am", "Parent", "Home", 0, 5,
                    TANDEM_FEELING_BAD, FALSE);
  gp = add_step (journey, before, 4, 1, 2, "Seen by the GP", "GP", "GP surgery", 0, 5,
                 TANDEM_FEELING_GOOD, FALSE);
  tandem_document_commit (document);

  /* No connectors yet: the path is journey order. rings→nurse, told→letter, letter→home and
   * 8 am→GP change lane: 4. */
  tandem_journey_map_measure (before, &m);
  g_assert_cmpuint (m.n_handoffs, ==, 4);

  tandem_document_begin (document, "Connect");
  tandem_journey_map_connect (before, rings, nurse, TANDEM_CONNECTOR_KIND_NEXT);
  tandem_journey_map_connect (before, nurse, told, TANDEM_CONNECTOR_KIND_NEXT);
  tandem_journey_map_connect (before, told, home, TANDEM_CONNECTOR_KIND_NEXT);
  tandem_journey_map_connect (before, told, letter, TANDEM_CONNECTOR_KIND_BRANCH);
  tandem_journey_map_connect (before, home, eight, TANDEM_CONNECTOR_KIND_NEXT);
  tandem_document_commit (document);

  /* rings→nurse, told→home, told→letter (the branch hands the case to the office), and the
   * 8 am call, not joined to anything, follows "travels home" and goes on to the GP: 8 am→GP.
   * letter→home is no hand-off: "travels home" already has the path into it. (Four, as in
   * journey order, but not the same four.) */
  tandem_journey_map_measure (before, &m);
  g_assert_cmpuint (m.n_handoffs, ==, 4);
  g_assert_cmpuint (m.n_steps, ==, 7);

  /* The loop back is lived through: the nurse sends the family back to the phone. */
  tandem_document_begin (document, "Loop");
  tandem_journey_map_connect (before, told, rings, TANDEM_CONNECTOR_KIND_LOOP);
  tandem_document_commit (document);
  tandem_journey_map_measure (before, &m);
  g_assert_cmpuint (m.n_handoffs, ==, 5);

  /* Path, not order: once the 8 am call goes straight from the nurse's advice, the journey
   * passes told→8 am (a hand-off) and no longer home→8 am. */
  tandem_document_begin (document, "Rejoin");
  tandem_list_remove_object (tandem_journey_map_get_connectors (before),
                             tandem_journey_map_find_connector (before, home, eight));
  tandem_journey_map_connect (before, told, eight, TANDEM_CONNECTOR_KIND_BRANCH);
  tandem_journey_map_connect (before, eight, gp, TANDEM_CONNECTOR_KIND_NEXT);
  tandem_document_commit (document);
  tandem_journey_map_measure (before, &m);
  /* rings→nurse, told→home, told→letter, told→rings, told→8 am, 8 am→GP. */
  g_assert_cmpuint (m.n_handoffs, ==, 6);
}

/* Before: nine steps (see tandem-journey-fixture.c). In journey order: fever (patient lane),
 * rings GP, two buses, queues (patient), nurse (staff), told to see GP (staff), travels home,
 * rings GP at 8 am (patient), GP two days later (staff).
 * Hand-offs, along the connectors: queues→nurse, told→travels, 8 am→GP, and the loop back
 * told→rings (the nurse sends the parent back to the phone): 4 (each a change of lane; the
 * nurse twice in a row is not one).
 * Waits: 20 + 25 + 150 + 10 + 840 + 2880 = 3925. Durations: 30+10+50+5+15+5+50+30+10 = 205,
 * so the total time is 4130.
 * Places: home, bus, walk-in centre (also written "walk-in Centre "), GP surgery: 4.
 * Pain points: rings, buses, queues, told, 8 am: 5. Touchpoints: fever, nurse, GP: 3.
 *
 * After: fever, calls 111 (patient), books slot (behind the scenes), travels (patient), GP
 * (staff), home (patient). Hand-offs: 111→books, books→travels, travels→GP, GP→home: 4.
 * Waits 10 + 90 + 10 + 10 = 120; durations 30+15+5+25+20+25 = 120; time 240.
 * Places: home, NHS 111, bus, urgent treatment centre: 4. No pain points, 2 touchpoints,
 * worst feeling bad. */
static void
test_measures_before_after (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_feverish_child (document);
  TandemJourneyMeasures b, a;

  tandem_journey_map_measure (tandem_journey_get_map (journey, TANDEM_MAP_SIDE_BEFORE), &b);
  tandem_journey_map_measure (tandem_journey_get_map (journey, TANDEM_MAP_SIDE_AFTER), &a);

  g_assert_cmpuint (b.n_steps, ==, 9);
  g_assert_cmpuint (b.n_handoffs, ==, 4);
  g_assert_cmpfloat (b.total_wait_minutes, ==, 3925);
  g_assert_cmpfloat (b.total_time_minutes, ==, 4130);
  g_assert_cmpuint (b.n_places, ==, 4);
  g_assert_cmpuint (b.n_pain_points, ==, 5);
  g_assert_cmpuint (b.n_touchpoints, ==, 3);
  g_assert_cmpint (b.lowest_feeling, ==, TANDEM_FEELING_VERY_BAD);

  g_assert_cmpuint (a.n_steps, ==, 6);
  g_assert_cmpuint (a.n_handoffs, ==, 4);
  g_assert_cmpfloat (a.total_wait_minutes, ==, 120);
  g_assert_cmpfloat (a.total_time_minutes, ==, 240);
  g_assert_cmpuint (a.n_places, ==, 4);
  g_assert_cmpuint (a.n_pain_points, ==, 0);
  g_assert_cmpuint (a.n_touchpoints, ==, 2);
  g_assert_cmpint (a.lowest_feeling, ==, TANDEM_FEELING_BAD);
}

static const TandemMeasureRow *
comparison_row (TandemComparison *comparison,
                TandemMeasure     measure)
{
  const TandemMeasureRow *row = g_ptr_array_index (comparison->rows, measure);

  g_assert_cmpint (row->measure, ==, measure);
  return row;
}

/* One wording of the comparison for the panel and the appendix; totals rounded to the
 * minute, never cut, and a difference that agrees with the two columns. */
static void
test_comparison (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_feverish_child (document);
  g_autoptr(TandemComparison) comparison = tandem_journey_compare (journey);
  const TandemMeasureRow *row;

  g_assert_cmpuint (comparison->rows->len, ==, TANDEM_N_MEASURES);

  /* 3925 minutes is 2 days 17 hours 25 minutes, not "2 days 17 hours". */
  row = comparison_row (comparison, TANDEM_MEASURE_WAIT);
  g_assert_cmpstr (row->name, ==, "Total waiting");
  g_assert_cmpstr (row->before, ==, "2 days 17 hours 25 minutes");
  g_assert_cmpstr (row->after, ==, "2 hours");
  g_assert_cmpstr (row->change, ==, "2 days 15 hours 25 minutes less");
  g_assert_cmpstr (row->phrase, ==, "2 days 15 hours 25 minutes less waiting");

  row = comparison_row (comparison, TANDEM_MEASURE_STEPS);
  g_assert_cmpstr (row->before, ==, "9");
  g_assert_cmpstr (row->after, ==, "6");
  g_assert_cmpstr (row->change, ==, "3 fewer");
  row = comparison_row (comparison, TANDEM_MEASURE_HANDOFFS);
  g_assert_cmpstr (row->before, ==, "4");
  g_assert_cmpstr (row->after, ==, "4");
  g_assert_cmpstr (row->change, ==, "No change");
  g_assert_null (row->phrase);
  row = comparison_row (comparison, TANDEM_MEASURE_PLACES);
  g_assert_cmpstr (row->change, ==, "No change");
  g_assert_null (row->phrase);
  row = comparison_row (comparison, TANDEM_MEASURE_LOWEST_FEELING);
  g_assert_cmpstr (row->name, ==, "Worst moment");
  g_assert_cmpstr (row->change, ==, "Better");

  g_assert_cmpstr (comparison->summary, ==,
                   "After the change: 3 fewer steps, 2 days 15 hours 25 minutes "
                   "less waiting, 5 fewer pain points and the worst moment is “Bad” instead of "
                   "“Very bad”.");
  g_assert_nonnull (strstr (comparison->definitions, "A hand-off is counted along the journey’s path"));
  g_assert_nonnull (strstr (comparison->definitions, "the median of their votes"));

  /* Several voices: the worst moment is the median of each step's votes. One more person
   * saying the after map's worst step was very bad, against two who found it good, does not
   * make it the worst moment; two more saying so do. */
  {
    TandemStep *worst_after = NULL;
    g_autoptr(TandemComparison) voted = NULL;
    g_autoptr(GPtrArray) after_steps =
      tandem_journey_map_steps_in_order (tandem_journey_get_map (journey, TANDEM_MAP_SIDE_AFTER));

    for (guint i = 0; i < after_steps->len; i++)
      if (tandem_step_get_feeling (g_ptr_array_index (after_steps, i)) == TANDEM_FEELING_BAD)
        worst_after = g_ptr_array_index (after_steps, i);
    g_assert_nonnull (worst_after);

    tandem_step_add_vote (worst_after, TANDEM_FEELING_GOOD, NULL);
    tandem_step_add_vote (worst_after, TANDEM_FEELING_VERY_BAD, NULL);
    voted = tandem_journey_compare (journey);
    g_assert_cmpstr (comparison_row (voted, TANDEM_MEASURE_LOWEST_FEELING)->after, ==,
                     comparison_row (comparison, TANDEM_MEASURE_LOWEST_FEELING)->after);

    tandem_step_add_vote (worst_after, TANDEM_FEELING_VERY_BAD, NULL);
    tandem_comparison_free (voted);
    voted = tandem_journey_compare (journey);
    g_assert_cmpstr (comparison_row (voted, TANDEM_MEASURE_LOWEST_FEELING)->change, ==,
                     "No change");
    tandem_document_undo (document);
    tandem_document_undo (document);
    tandem_document_undo (document);
  }

  /* 3 days 11 hours 45 minutes is said in full; fractions of a minute round, and the change
   * is worked out from the rounded totals so that it agrees with them. */
  {
    g_autofree char *full = tandem_format_minutes (3 * 1440 + 11 * 60 + 45);
    g_autofree char *rounded = tandem_format_minutes (59.6);

    g_assert_cmpstr (full, ==, "3 days 11 hours 45 minutes");
    g_assert_cmpstr (rounded, ==, "1 hour");
  }

  tandem_document_begin (document, "Times");
  {
    TandemList *before = tandem_journey_map_get_steps (tandem_journey_get_map (journey, TANDEM_MAP_SIDE_BEFORE));
    TandemList *after = tandem_journey_map_get_steps (tandem_journey_get_map (journey, TANDEM_MAP_SIDE_AFTER));

    for (guint i = 0; i < tandem_list_get_n (before); i++)
      tandem_step_set_wait_minutes (tandem_list_get (before, i), i == 0 ? 10.4 : 0);
    for (guint i = 0; i < tandem_list_get_n (after); i++)
      tandem_step_set_wait_minutes (tandem_list_get (after, i), i == 0 ? 10.6 : 0);
  }
  tandem_document_commit (document);
  g_clear_pointer (&comparison, tandem_comparison_free);
  comparison = tandem_journey_compare (journey);
  row = comparison_row (comparison, TANDEM_MEASURE_WAIT);
  g_assert_cmpstr (row->before, ==, "10 minutes");
  g_assert_cmpstr (row->after, ==, "11 minutes");
  g_assert_cmpstr (row->change, ==, "1 minute more");
}

static TandemStep *
find_titled (TandemJourney *journey,
             TandemMapSide  side,
             const char    *title)
{
  TandemList *steps = tandem_journey_map_get_steps (tandem_journey_get_map (journey, side));

  for (guint i = 0; i < tandem_list_get_n (steps); i++)
    if (g_str_equal (tandem_step_get_title (tandem_list_get (steps, i)), title))
      return tandem_list_get (steps, i);

  return NULL;
}

static const char *
title_at (TandemJourneyMap *map,
          guint             index)
{
  g_autoptr(GPtrArray) ordered = tandem_journey_map_steps_in_order (map);

  return index < ordered->len ? tandem_step_get_title (g_ptr_array_index (ordered, index)) : NULL;
}

static void
test_add_after (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_feverish_child (document);
  TandemJourneyMap *before = tandem_journey_get_map (journey, TANDEM_MAP_SIDE_BEFORE);
  TandemStep *rings = find_titled (journey, TANDEM_MAP_SIDE_BEFORE, "Rings the GP surgery: closed");
  TandemStep *added;

  tandem_document_begin (document, "Add");
  added = tandem_journey_map_add_step_after (before, rings);
  tandem_step_set_title (added, "Looks up symptoms online");
  tandem_document_commit (document);

  /* Same stage and lane, right after it. */
  g_assert_cmpstr (tandem_step_get_stage (added), ==, tandem_step_get_stage (rings));
  g_assert_cmpstr (tandem_step_get_lane (added), ==, tandem_step_get_lane (rings));
  g_assert_cmpstr (title_at (before, 1), ==, "Rings the GP surgery: closed");
  g_assert_cmpstr (title_at (before, 2), ==, "Looks up symptoms online");
  g_assert_cmpstr (title_at (before, 3), ==, "Two buses to the walk-in centre");

  /* With nothing to follow: after the last step of the journey. */
  tandem_document_begin (document, "Add");
  added = tandem_journey_map_add_step_after (before, NULL);
  tandem_step_set_title (added, "Better");
  tandem_document_commit (document);
  g_assert_cmpstr (title_at (before, 10), ==, "Better");

  tandem_document_undo (document);
  tandem_document_undo (document);
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_steps (before)), ==, 9);
}

static void
test_order_renumbering (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_add_journey (document, "Squeeze");
  TandemJourneyMap *map = tandem_journey_get_map (journey, TANDEM_MAP_SIDE_BEFORE);
  g_autoptr(GPtrArray) steps = NULL;
  TandemStep *first, *last;

  tandem_document_begin (document, "Add");
  first = tandem_test_add_step (journey, TANDEM_MAP_SIDE_BEFORE, 0, 0, 0, "first");
  last = tandem_test_add_step (journey, TANDEM_MAP_SIDE_BEFORE, 0, 0, 1, "last");
  tandem_document_commit (document);

  /* Always between "first" and the one after it: the gap halves each time, until the stage
   * is numbered again. */
  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *title = g_strdup_printf ("%u", i);
      TandemStep *step;

      tandem_document_begin (document, "Add");
      step = tandem_journey_map_add_step (map, tandem_step_get_stage (first), tandem_step_get_lane (first),
                                          tandem_journey_map_order_at (map, tandem_step_get_stage (first),
                                                                       1, NULL));
      tandem_step_set_title (step, title);
      tandem_document_commit (document);
    }

  steps = tandem_journey_map_steps_in_stage (map, tandem_step_get_stage (first));
  g_assert_cmpuint (steps->len, ==, 82);
  g_assert_true (g_ptr_array_index (steps, 0) == first);
  g_assert_true (g_ptr_array_index (steps, 81) == last);
  g_assert_cmpstr (tandem_step_get_title (g_ptr_array_index (steps, 1)), ==, "79");
  for (guint i = 0; i + 1 < steps->len; i++)
    g_assert_cmpfloat (tandem_step_get_order (g_ptr_array_index (steps, i)), <,
                       tandem_step_get_order (g_ptr_array_index (steps, i + 1)));
}

static void
test_move (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_feverish_child (document);
  TandemJourneyMap *before = tandem_journey_get_map (journey, TANDEM_MAP_SIDE_BEFORE);
  TandemStep *rings = find_titled (journey, TANDEM_MAP_SIDE_BEFORE, "Rings the GP surgery: closed");
  TandemStep *fever = find_titled (journey, TANDEM_MAP_SIDE_BEFORE, "Child has a high temperature");
  TandemStep *gp = find_titled (journey, TANDEM_MAP_SIDE_BEFORE, "Seen by the GP two days later");
  TandemList *stages = tandem_journey_get_stages (journey);
  TandemList *lanes = tandem_journey_get_lanes (journey);
  guint depth;

  /* Later within its stage: after the buses. */
  tandem_document_begin (document, "Move");
  g_assert_true (tandem_journey_map_move_step (before, rings, TANDEM_STEP_MOVE_LATER));
  tandem_document_commit (document);
  g_assert_cmpstr (title_at (before, 1), ==, "Two buses to the walk-in centre");
  g_assert_cmpstr (title_at (before, 2), ==, "Rings the GP surgery: closed");

  /* Later again: into the next stage, at its start. */
  tandem_document_begin (document, "Move");
  g_assert_true (tandem_journey_map_move_step (before, rings, TANDEM_STEP_MOVE_LATER));
  tandem_document_commit (document);
  g_assert_cmpstr (tandem_step_get_stage (rings), ==, tandem_object_get_id (tandem_list_get (stages, 2)));
  g_assert_cmpstr (title_at (before, 2), ==, "Rings the GP surgery: closed");
  g_assert_cmpstr (title_at (before, 3), ==, "Queues to book in");

  /* Earlier: back to the end of "Getting help". */
  tandem_document_begin (document, "Move");
  g_assert_true (tandem_journey_map_move_step (before, rings, TANDEM_STEP_MOVE_EARLIER));
  tandem_document_commit (document);
  g_assert_cmpstr (tandem_step_get_stage (rings), ==, tandem_object_get_id (tandem_list_get (stages, 1)));
  g_assert_cmpstr (title_at (before, 2), ==, "Rings the GP surgery: closed");

  /* Down a lane, and up again. */
  tandem_document_begin (document, "Move");
  g_assert_true (tandem_journey_map_move_step (before, rings, TANDEM_STEP_MOVE_DOWN));
  tandem_document_commit (document);
  g_assert_cmpstr (tandem_step_get_lane (rings), ==, tandem_object_get_id (tandem_list_get (lanes, 1)));
  tandem_document_begin (document, "Move");
  g_assert_true (tandem_journey_map_move_step (before, rings, TANDEM_STEP_MOVE_UP));
  tandem_document_commit (document);
  g_assert_cmpstr (tandem_step_get_lane (rings), ==, tandem_object_get_id (tandem_list_get (lanes, 0)));

  /* Nowhere to go: nothing changes, nothing to undo. */
  depth = tandem_document_get_undo_depth (document);
  tandem_document_begin (document, "Move");
  g_assert_false (tandem_journey_map_move_step (before, fever, TANDEM_STEP_MOVE_EARLIER));
  g_assert_false (tandem_journey_map_move_step (before, fever, TANDEM_STEP_MOVE_UP));
  g_assert_false (tandem_journey_map_move_step (before, gp, TANDEM_STEP_MOVE_LATER));
  tandem_document_commit (document);
  g_assert_cmpuint (tandem_document_get_undo_depth (document), ==, depth);
}

static void
test_remove_steps (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_feverish_child (document);
  TandemJourneyMap *before = tandem_journey_get_map (journey, TANDEM_MAP_SIDE_BEFORE);
  g_autoptr(GPtrArray) steps = g_ptr_array_new ();

  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_connectors (before)), ==, 9);
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_get_replacements (journey)), ==, 3);

  /* The nurse has two connectors and a "replaced by" link; they go with the step. */
  g_ptr_array_add (steps, find_titled (journey, TANDEM_MAP_SIDE_BEFORE, "Seen by a nurse"));
  tandem_document_begin (document, "Remove");
  tandem_journey_map_remove_steps (before, steps);
  tandem_document_commit (document);

  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_steps (before)), ==, 8);
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_connectors (before)), ==, 7);
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_get_replacements (journey)), ==, 2);

  g_assert_true (tandem_document_undo (document));
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_steps (before)), ==, 9);
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_connectors (before)), ==, 9);
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_get_replacements (journey)), ==, 3);
}

static void
test_remove_stage (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_feverish_child (document);
  TandemStage *going_home = tandem_list_get (tandem_journey_get_stages (journey), 4);
  TandemLane *behind = tandem_list_get (tandem_journey_get_lanes (journey), 2);

  /* Three steps before and one after are in "Going home"; one after is behind the scenes. */
  g_assert_cmpuint (tandem_journey_count_steps_in (journey, TANDEM_OBJECT (going_home)), ==, 4);
  g_assert_cmpuint (tandem_journey_count_steps_in (journey, TANDEM_OBJECT (behind)), ==, 1);

  tandem_document_begin (document, "Remove");
  tandem_journey_remove_stage (journey, going_home);
  tandem_journey_remove_lane (journey, behind);
  tandem_document_commit (document);

  g_assert_cmpuint (tandem_list_get_n (tandem_journey_get_stages (journey)), ==, 4);
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_get_lanes (journey)), ==, 3);
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_steps (tandem_journey_get_map (journey, TANDEM_MAP_SIDE_BEFORE))), ==, 6);
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_steps (tandem_journey_get_map (journey, TANDEM_MAP_SIDE_AFTER))), ==, 4);

  tandem_document_undo (document);
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_get_stages (journey)), ==, 5);
  g_assert_cmpuint (tandem_journey_count_steps_in (journey, TANDEM_OBJECT (going_home)), ==, 4);
}

static void
test_copy_map (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_feverish_child (document);
  TandemJourneyMap *before = tandem_journey_get_map (journey, TANDEM_MAP_SIDE_BEFORE);
  TandemJourneyMap *after = tandem_journey_get_map (journey, TANDEM_MAP_SIDE_AFTER);
  TandemList *copied, *connectors;
  g_autoptr(GError) error = NULL;

  tandem_document_begin (document, "Copy");
  tandem_journey_map_copy_from (after, before);
  tandem_document_commit (document);

  copied = tandem_journey_map_get_steps (after);
  connectors = tandem_journey_map_get_connectors (after);
  g_assert_cmpuint (tandem_list_get_n (copied), ==, 9);
  g_assert_cmpuint (tandem_list_get_n (connectors), ==, 9);

  /* Fresh ids, the same fields but no quotes (they describe today's service), connectors
   * between the copies, the links to the old after steps gone with them, and each before
   * step "replaced by" its copy. */
  for (guint i = 0, quoted = 0; i < 9; i++)
    {
      TandemStep *copy = tandem_list_get (copied, i);
      TandemStep *original = tandem_list_get (tandem_journey_map_get_steps (before), i);

      g_assert_cmpstr (tandem_object_get_id (TANDEM_OBJECT (copy)), !=,
                       tandem_object_get_id (TANDEM_OBJECT (original)));
      g_assert_cmpstr (tandem_step_get_title (copy), ==, tandem_step_get_title (original));
      g_assert_cmpfloat (tandem_step_get_wait_minutes (copy), ==, tandem_step_get_wait_minutes (original));
      g_assert_cmpuint (tandem_list_get_n (tandem_step_get_quotes (copy)), ==, 0);
      quoted += tandem_list_get_n (tandem_step_get_quotes (original));
      if (i == 8)
        g_assert_cmpuint (quoted, >, 0);
      g_assert_nonnull (tandem_journey_find_replacement (journey, original, copy));
      g_assert_true (tandem_document_lookup (document, tandem_object_get_id (TANDEM_OBJECT (copy))) ==
                     TANDEM_OBJECT (copy));
    }
  for (guint i = 0; i < 9; i++)
    {
      TandemConnector *connector = tandem_list_get (connectors, i);

      g_assert_nonnull (tandem_list_find (copied, tandem_connector_get_from_step (connector)));
      g_assert_nonnull (tandem_list_find (copied, tandem_connector_get_to_step (connector)));
      g_assert_true (tandem_object_validate (TANDEM_OBJECT (connector), &error));
    }
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_get_replacements (journey)), ==, 9);

  /* One undo step brings the after map back. */
  tandem_document_undo (document);
  g_assert_cmpuint (tandem_list_get_n (copied), ==, 6);
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_get_replacements (journey)), ==, 3);
}

/* JSON */

static char *
export (TandemDocument *document)
{
  g_autoptr(GError) error = NULL;
  char *json = tandem_json_write_document (document, NULL, &error);

  g_assert_no_error (error);
  return json;
}

static void
test_json_round_trip (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  g_autoptr(TandemDocument) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  TandemJourney *journey = tandem_test_feverish_child (document);
  TandemStep *nurse = find_titled (journey, TANDEM_MAP_SIDE_BEFORE, "Seen by a nurse");

  /* Everything a journey holds: odd numbers, every kind of text, widths and heights. */
  tandem_document_begin (document, "Edit");
  tandem_step_set_order (nurse, 1.0 / 3.0);
  tandem_step_set_description (nurse, "Triage.\nThen “examination” — \t in كلينيك and in בית.");
  tandem_stage_set_width (tandem_list_get (tandem_journey_get_stages (journey), 2), 333.25);
  tandem_lane_set_height (tandem_list_get (tandem_journey_get_lanes (journey), 1), 171.5);
  tandem_journey_map_set_notes (tandem_journey_get_map (journey, TANDEM_MAP_SIDE_AFTER), "Session 3");
  tandem_step_set_wait_minutes (nurse, 90);
  tandem_step_set_wait_unit (nurse, TANDEM_TIME_UNIT_HOURS);
  tandem_step_set_duration_unit (nurse, TANDEM_TIME_UNIT_DAYS);
  tandem_step_add_vote (nurse, TANDEM_FEELING_VERY_BAD, "Parent A");
  tandem_step_add_vote (nurse, TANDEM_FEELING_GOOD, "");
  tandem_document_set_meeting (document, "Riverside ICB Board, public session");
  tandem_document_set_meeting_date (document, "2027-01-14");
  tandem_document_set_paper_purpose (document, TANDEM_PAPER_PURPOSE_ASSURANCE);
  tandem_document_set_classification (document, "OFFICIAL");
  tandem_document_commit (document);

  first = export (document);
  imported = tandem_json_read_document (first, strlen (first), &error);
  g_assert_no_error (error);
  second = export (imported);
  g_assert_cmpstr (first, ==, second);

  g_assert_cmpuint (tandem_list_get_n (tandem_document_get_journeys (imported)), ==, 1);
  nurse = TANDEM_STEP (tandem_document_lookup (imported,
                                               tandem_object_get_id (TANDEM_OBJECT (nurse))));
  g_assert_cmpint (tandem_step_get_wait_unit (nurse), ==, TANDEM_TIME_UNIT_HOURS);
  g_assert_cmpint (tandem_step_get_duration_unit (nurse), ==, TANDEM_TIME_UNIT_DAYS);
  g_assert_cmpuint (tandem_list_get_n (tandem_step_get_votes (nurse)), ==, 3);
  g_assert_cmpint (tandem_document_get_paper_purpose (imported), ==, TANDEM_PAPER_PURPOSE_ASSURANCE);
  g_assert_cmpstr (tandem_document_get_meeting_date (imported), ==, "2027-01-14");
}

/* Several voices: votes are counted, the step's feeling is their median, the curve gets the
 * exact median and the range; every vote is one undo step; a step with several votes is not
 * flattened by "set the feeling"; a step with one vote is the single feeling it always was. */
static void
test_votes (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_feverish_child (document);
  TandemStep *step = find_titled (journey, TANDEM_MAP_SIDE_BEFORE, "Seen by a nurse");
  TandemFeelingSpread spread;
  TandemFeeling single = tandem_step_get_feeling (step);
  guint depth;

  /* The fixture's single feeling is one vote. */
  g_assert_cmpint (single, !=, TANDEM_FEELING_UNKNOWN);
  g_assert_cmpuint (tandem_list_get_n (tandem_step_get_votes (step)), ==, 1);

  tandem_document_begin (document, "Feel");
  g_assert_true (tandem_step_set_feeling (step, TANDEM_FEELING_BAD));
  tandem_document_commit (document);
  g_assert_cmpuint (tandem_list_get_n (tandem_step_get_votes (step)), ==, 1);
  g_assert_cmpint (tandem_step_get_feeling (step), ==, TANDEM_FEELING_BAD);

  /* A room polled: each key press is one vote and one undo step, no transaction needed. */
  depth = tandem_document_get_undo_depth (document);
  tandem_step_add_vote (step, TANDEM_FEELING_VERY_BAD, "Parent A");
  tandem_step_add_vote (step, TANDEM_FEELING_GOOD, NULL);
  tandem_step_add_vote (step, TANDEM_FEELING_GOOD, NULL);
  g_assert_cmpuint (tandem_document_get_undo_depth (document), ==, depth + 3);

  g_assert_true (tandem_step_get_spread (step, &spread));
  g_assert_cmpuint (spread.n_votes, ==, 4);
  g_assert_cmpuint (spread.counts[TANDEM_FEELING_VERY_BAD], ==, 1);
  g_assert_cmpuint (spread.counts[TANDEM_FEELING_BAD], ==, 1);
  g_assert_cmpuint (spread.counts[TANDEM_FEELING_GOOD], ==, 2);
  g_assert_cmpint (spread.lowest, ==, TANDEM_FEELING_VERY_BAD);
  g_assert_cmpint (spread.highest, ==, TANDEM_FEELING_GOOD);
  /* very bad, bad, good, good: the median lies between bad and good; the feeling shown is
   * the lower of the two. */
  g_assert_cmpfloat (spread.median_value, ==, (TANDEM_FEELING_BAD + TANDEM_FEELING_GOOD) / 2.0);
  g_assert_cmpint (tandem_step_get_feeling (step), ==, TANDEM_FEELING_BAD);

  /* Several voices are not overwritten by one. */
  tandem_document_begin (document, "Feel");
  g_assert_false (tandem_step_set_feeling (step, TANDEM_FEELING_VERY_GOOD));
  tandem_document_commit (document);
  g_assert_cmpuint (tandem_list_get_n (tandem_step_get_votes (step)), ==, 4);

  g_assert_true (tandem_document_undo (document));
  g_assert_cmpuint (tandem_list_get_n (tandem_step_get_votes (step)), ==, 3);
  g_assert_cmpint (tandem_step_get_feeling (step), ==, TANDEM_FEELING_BAD);
  g_assert_true (tandem_document_undo (document));
  g_assert_true (tandem_document_undo (document));
  g_assert_cmpuint (tandem_list_get_n (tandem_step_get_votes (step)), ==, 1);
  g_assert_true (tandem_document_redo (document));
  g_assert_cmpuint (tandem_list_get_n (tandem_step_get_votes (step)), ==, 2);
  g_assert_cmpstr (tandem_vote_get_label (tandem_list_get (tandem_step_get_votes (step), 1)),
                   ==, "Parent A");

  /* No votes: not recorded. */
  tandem_document_begin (document, "Clear");
  tandem_list_remove (tandem_step_get_votes (step), 1);
  g_assert_true (tandem_step_set_feeling (step, TANDEM_FEELING_UNKNOWN));
  tandem_document_commit (document);
  g_assert_false (tandem_step_get_spread (step, &spread));
  g_assert_cmpint (tandem_step_get_feeling (step), ==, TANDEM_FEELING_UNKNOWN);
}

/* A file of format 4 as JSON: its single feeling is one vote, and its times get the units
 * Tandem showed for them, as the SQLite migration does (tests/test-storage.c). */
static void
test_json_format_4 (void)
{
  const char *json =
    "{ \"format\": \"tandem\", \"version\": 4, \"project\": { \"id\": \"p\", \"journeys\": [ {"
    "  \"id\": \"j\", \"stages\": [ { \"id\": \"s\" } ], \"lanes\": [ { \"id\": \"l\" } ],"
    "  \"maps\": [ { \"id\": \"m\", \"side\": \"before\", \"steps\": ["
    "    { \"id\": \"a\", \"stage\": \"s\", \"lane\": \"l\", \"feeling\": \"bad\","
    "      \"wait_minutes\": 2880, \"duration_minutes\": 90 },"
    "    { \"id\": \"b\", \"stage\": \"s\", \"lane\": \"l\", \"feeling\": \"unknown\","
    "      \"wait_minutes\": 120 } ] } ] } ] } }";
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemDocument) document = tandem_json_read_document (json, strlen (json), &error);
  TandemStep *a, *b;

  g_assert_no_error (error);
  a = TANDEM_STEP (tandem_document_lookup (document, "a"));
  b = TANDEM_STEP (tandem_document_lookup (document, "b"));
  g_assert_cmpuint (tandem_list_get_n (tandem_step_get_votes (a)), ==, 1);
  g_assert_cmpstr (tandem_object_get_id (tandem_list_get (tandem_step_get_votes (a), 0)), ==, "a-vote");
  g_assert_cmpint (tandem_step_get_feeling (a), ==, TANDEM_FEELING_BAD);
  g_assert_cmpint (tandem_step_get_wait_unit (a), ==, TANDEM_TIME_UNIT_DAYS);
  g_assert_cmpint (tandem_step_get_duration_unit (a), ==, TANDEM_TIME_UNIT_MINUTES);
  g_assert_cmpuint (tandem_list_get_n (tandem_step_get_votes (b)), ==, 0);
  g_assert_cmpint (tandem_step_get_wait_unit (b), ==, TANDEM_TIME_UNIT_HOURS);
  g_assert_false (tandem_document_get_modified (document));
}

static void
test_json_round_trip_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "sample", "riverside.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(TandemDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  TandemJourney *journey;
  TandemJourneyMeasures b, a;

  document = tandem_json_import (file, &error);
  g_assert_no_error (error);

  first = export (document);
  again = tandem_json_read_document (first, strlen (first), &error);
  g_assert_no_error (error);
  second = export (again);
  g_assert_cmpstr (first, ==, second);

  /* The sample's journey, as DOMAIN.md tells it. */
  journey = tandem_list_get (tandem_document_get_journeys (document), 0);
  g_assert_nonnull (journey);
  tandem_journey_map_measure (tandem_journey_get_map (journey, TANDEM_MAP_SIDE_BEFORE), &b);
  tandem_journey_map_measure (tandem_journey_get_map (journey, TANDEM_MAP_SIDE_AFTER), &a);
  g_assert_cmpuint (a.n_steps, <, b.n_steps);
  g_assert_cmpfloat (a.total_wait_minutes, <, b.total_wait_minutes);
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_get_replacements (journey)), >, 3);
}

typedef void (*Mutate) (JsonObject *journey);

static JsonObject *
member_object (JsonObject *object,
               const char *list,
               guint       index)
{
  return json_array_get_object_element (json_object_get_array_member (object, list), index);
}

static void
mutate_dangling_connector (JsonObject *journey)
{
  JsonObject *connector = member_object (member_object (journey, "maps", 0), "connectors", 0);

  json_object_set_string_member (connector, "to_step", "00000000-0000-4000-8000-00000000dead");
}

static void
mutate_connector_across_maps (JsonObject *journey)
{
  JsonObject *connector = member_object (member_object (journey, "maps", 0), "connectors", 0);
  JsonObject *after_step = member_object (member_object (journey, "maps", 1), "steps", 0);

  json_object_set_string_member (connector, "to_step", json_object_get_string_member (after_step, "id"));
}

static void
mutate_connector_to_itself (JsonObject *journey)
{
  JsonObject *connector = member_object (member_object (journey, "maps", 0), "connectors", 0);

  json_object_set_string_member (connector, "to_step",
                                 json_object_get_string_member (connector, "from_step"));
}

static void
mutate_unknown_lane (JsonObject *journey)
{
  JsonObject *step = member_object (member_object (journey, "maps", 0), "steps", 2);

  json_object_set_string_member (step, "lane", "no-such-lane");
}

static void
mutate_stage_as_lane (JsonObject *journey)
{
  JsonObject *step = member_object (member_object (journey, "maps", 0), "steps", 2);

  json_object_set_string_member (step, "lane", json_object_get_string_member (step, "stage"));
}

static void
mutate_no_stage (JsonObject *journey)
{
  JsonObject *step = member_object (member_object (journey, "maps", 0), "steps", 2);

  json_object_set_string_member (step, "stage", "");
}

static void
mutate_absurd_order (JsonObject *journey)
{
  JsonObject *step = member_object (member_object (journey, "maps", 0), "steps", 3);

  json_object_set_double_member (step, "order", 1e300);
}

static void
mutate_negative_width (JsonObject *journey)
{
  json_object_set_double_member (member_object (journey, "stages", 0), "width", -250);
}

static void
mutate_huge_height (JsonObject *journey)
{
  json_object_set_double_member (member_object (journey, "lanes", 1), "height", 1e9);
}

static void
mutate_negative_wait (JsonObject *journey)
{
  JsonObject *step = member_object (member_object (journey, "maps", 0), "steps", 1);

  json_object_set_double_member (step, "wait_minutes", -30);
}

static void
mutate_huge_title (JsonObject *journey)
{
  JsonObject *step = member_object (member_object (journey, "maps", 0), "steps", 1);
  g_autofree char *huge = g_strnfill (5000, 'x');

  json_object_set_string_member (step, "title", huge);
}

static void
mutate_huge_quote (JsonObject *journey)
{
  JsonObject *step = member_object (member_object (journey, "maps", 0), "steps", 0);
  JsonObject *quote = member_object (step, "quotes", 0);
  g_autofree char *huge = g_strnfill (2 * 1024 * 1024, 'y');

  json_object_set_string_member (quote, "text", huge);
}

static void
mutate_replacement_same_map (JsonObject *journey)
{
  JsonObject *replacement = member_object (journey, "replacements", 0);
  JsonObject *before_step = member_object (member_object (journey, "maps", 0), "steps", 4);

  json_object_set_string_member (replacement, "after_step",
                                 json_object_get_string_member (before_step, "id"));
}

static void
mutate_two_before_maps (JsonObject *journey)
{
  json_object_set_string_member (member_object (journey, "maps", 1), "side", "before");
}

static void
set_one_vote (JsonObject *journey,
              const char *feeling)
{
  JsonObject *step = member_object (member_object (journey, "maps", 0), "steps", 1);
  JsonArray *votes = json_array_new ();
  JsonObject *vote = json_object_new ();

  json_object_set_string_member (vote, "id", "vote-under-test");
  json_object_set_string_member (vote, "feeling", feeling);
  json_array_add_object_element (votes, vote);
  json_object_set_array_member (step, "votes", votes);
}

static void
mutate_unknown_feeling (JsonObject *journey)
{
  set_one_vote (journey, "furious");
}

static void
mutate_vote_without_feeling (JsonObject *journey)
{
  set_one_vote (journey, "unknown");
}

static void
mutate_feeling_of_old_format (JsonObject *journey)
{
  json_object_set_string_member (member_object (member_object (journey, "maps", 0), "steps", 1),
                                 "feeling", "bad");
}

static void
test_json_bad_journeys (void)
{
  struct {
    const char *name;
    Mutate      mutate;
    const char *fragment;
  } cases[] = {
    { "dangling connector", mutate_dangling_connector, "not in the document" },
    { "connector across maps", mutate_connector_across_maps, "not on its map" },
    { "connector to itself", mutate_connector_to_itself, "to itself" },
    { "unknown lane", mutate_unknown_lane, "no-such-lane" },
    { "stage used as lane", mutate_stage_as_lane, "lane that the journey does not have" },
    { "no stage", mutate_no_stage, "stage that the journey does not have" },
    { "absurd order", mutate_absurd_order, "order" },
    { "negative width", mutate_negative_width, "width" },
    { "huge lane height", mutate_huge_height, "height" },
    { "negative wait", mutate_negative_wait, "wait" },
    { "huge title", mutate_huge_title, "5000 bytes" },
    { "huge quote", mutate_huge_quote, "text" },
    { "replaced by a before step", mutate_replacement_same_map, "replaced by" },
    { "two before maps", mutate_two_before_maps, "two before maps" },
    { "unknown feeling", mutate_unknown_feeling, "furious" },
    { "vote without feeling", mutate_vote_without_feeling, "has no feeling" },
    { "feeling of format 4 in format 5", mutate_feeling_of_old_format, "“feeling” is not a field of this step" },
  };
  g_autoptr(TandemDocument) document = tandem_document_new ();
  g_autofree char *good = NULL;

  tandem_test_feverish_child (document);
  good = export (document);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(TandemDocument) read = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *bad = NULL;
      JsonObject *journey;

      g_assert_true (json_parser_load_from_data (parser, good, -1, NULL));
      journey = member_object (json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                                              "project"), "journeys", 0);
      cases[i].mutate (journey);
      json_generator_set_root (generator, json_parser_get_root (parser));
      bad = json_generator_to_data (generator, NULL);

      read = tandem_json_read_document (bad, strlen (bad), &error);
      g_assert_null (read);
      g_assert_nonnull (error);
      g_test_message ("%s: %s", cases[i].name, error->message);
      if (strstr (error->message, cases[i].fragment) == NULL)
        g_error ("%s: “%s” does not mention “%s”", cases[i].name, error->message, cases[i].fragment);
      /* A sentence: a capital letter or a quotation mark first, a full stop last. */
      g_assert_true (g_unichar_isupper (g_utf8_get_char (error->message)));
      g_assert_true (g_str_has_suffix (error->message, ".") || g_str_has_suffix (error->message, "”"));
    }
}

/* The clipboard */

static void
test_clip_between_maps (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_feverish_child (document);
  TandemJourneyMap *after = tandem_journey_get_map (journey, TANDEM_MAP_SIDE_AFTER);
  TandemStep *rings = find_titled (journey, TANDEM_MAP_SIDE_BEFORE, "Rings the GP surgery: closed");
  TandemStep *buses = find_titled (journey, TANDEM_MAP_SIDE_BEFORE, "Two buses to the walk-in centre");
  TandemStep *calls = find_titled (journey, TANDEM_MAP_SIDE_AFTER, "Calls NHS 111");
  g_autoptr(GPtrArray) copied = g_ptr_array_new ();
  g_autoptr(GPtrArray) pasted = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_ptr_array_add (copied, buses);
  g_ptr_array_add (copied, rings);
  data = tandem_journey_clip_copy (copied, &length);
  text = tandem_journey_clip_copy_text (copied);
  g_assert_cmpstr (text, ==, "Rings the GP surgery: closed (Parent, Home)\n"
                             "Two buses to the walk-in centre (Parent, Bus)\n");

  /* Into the after map, after "Calls NHS 111", in journey order, with their connector. */
  tandem_document_begin (document, "Paste");
  g_assert_true (tandem_journey_clip_paste (after, data, length, calls, pasted, &error));
  g_assert_no_error (error);
  tandem_document_commit (document);

  g_assert_cmpuint (pasted->len, ==, 2);
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_steps (after)), ==, 8);
  g_assert_cmpstr (title_at (after, 1), ==, "Calls NHS 111");
  g_assert_cmpstr (title_at (after, 2), ==, "Rings the GP surgery: closed");
  g_assert_cmpstr (title_at (after, 3), ==, "Two buses to the walk-in centre");
  for (guint i = 0; i < pasted->len; i++)
    {
      TandemStep *step = g_ptr_array_index (pasted, i);

      g_assert_null (tandem_list_find (tandem_journey_map_get_steps (tandem_journey_get_map (journey, TANDEM_MAP_SIDE_BEFORE)),
                                       tandem_object_get_id (TANDEM_OBJECT (step))));
      g_assert_cmpstr (tandem_step_get_lane (step), ==, tandem_step_get_lane (rings));
    }
  g_assert_nonnull (tandem_journey_map_find_connector (after, g_ptr_array_index (pasted, 0),
                                                       g_ptr_array_index (pasted, 1)));

  /* Pasting again gives other ids again. */
  g_ptr_array_set_size (pasted, 0);
  tandem_document_begin (document, "Paste");
  g_assert_true (tandem_journey_clip_paste (after, data, length, NULL, pasted, &error));
  tandem_document_commit (document);
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_steps (after)), ==, 10);

  /* The result is a valid document: every id unique, every reference resolved. */
  {
    g_autofree char *json = export (document);
    g_autoptr(TandemDocument) reread = tandem_json_read_document (json, strlen (json), &error);

    g_assert_no_error (error);
    g_assert_nonnull (reread);
  }
}

static void
test_clip_between_journeys (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_feverish_child (document);
  TandemJourney *other = tandem_test_add_journey (document, "Another");
  TandemJourneyMap *target = tandem_journey_get_map (other, TANDEM_MAP_SIDE_BEFORE);
  TandemStep *nurse = find_titled (journey, TANDEM_MAP_SIDE_BEFORE, "Seen by a nurse");
  TandemStep *told = find_titled (journey, TANDEM_MAP_SIDE_BEFORE, "Told to see their own GP");
  g_autoptr(GPtrArray) copied = g_ptr_array_new ();
  g_autoptr(GPtrArray) pasted = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  /* The other journey calls its staff lane differently, in another case; its "Treatment"
   * stage is gone. */
  tandem_document_begin (document, "Rename");
  tandem_lane_set_title (tandem_list_get (tandem_journey_get_lanes (other), 1), "FRONT-LINE STAFF");
  tandem_journey_remove_stage (other, tandem_list_get (tandem_journey_get_stages (other), 3));
  tandem_document_commit (document);

  g_ptr_array_add (copied, nurse);
  g_ptr_array_add (copied, told);
  data = tandem_journey_clip_copy (copied, &length);

  tandem_document_begin (document, "Paste");
  g_assert_true (tandem_journey_clip_paste (target, data, length, NULL, pasted, &error));
  tandem_document_commit (document);

  /* Stages and lanes found by title; a stage it lacks falls back to its first. */
  g_assert_cmpuint (pasted->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      TandemStep *step = g_ptr_array_index (pasted, i);

      g_assert_cmpstr (tandem_step_get_lane (step), ==,
                       tandem_object_get_id (tandem_list_get (tandem_journey_get_lanes (other), 1)));
      g_assert_true (tandem_object_validate (TANDEM_OBJECT (step), &error));
      g_assert_no_error (error);
      g_assert_cmpuint (tandem_list_get_n (tandem_step_get_quotes (step)), ==,
                        g_str_equal (tandem_step_get_title (step), "Seen by a nurse") ? 2 : 0);
    }
  g_assert_cmpstr (tandem_step_get_stage (find_titled (other, TANDEM_MAP_SIDE_BEFORE, "Seen by a nurse")), ==,
                   tandem_object_get_id (tandem_list_get (tandem_journey_get_stages (other), 2)));
  g_assert_cmpstr (tandem_step_get_stage (find_titled (other, TANDEM_MAP_SIDE_BEFORE, "Told to see their own GP")), ==,
                   tandem_object_get_id (tandem_list_get (tandem_journey_get_stages (other), 0)));
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_connectors (target)), ==, 1);
}

static void
test_clip_text (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_feverish_child (document);
  TandemJourneyMap *after = tandem_journey_get_map (journey, TANDEM_MAP_SIDE_AFTER);
  TandemStep *calls = find_titled (journey, TANDEM_MAP_SIDE_AFTER, "Calls NHS 111");
  g_autoptr(GPtrArray) pasted = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  tandem_document_begin (document, "Paste");
  g_assert_true (tandem_journey_clip_paste_text (after, "- Gets advice\n\n  2. Is called back  \n• Feels reassured\n",
                                                 calls, pasted, &error));
  tandem_document_commit (document);

  g_assert_cmpuint (pasted->len, ==, 3);
  g_assert_cmpstr (title_at (after, 2), ==, "Gets advice");
  g_assert_cmpstr (title_at (after, 3), ==, "Is called back");
  g_assert_cmpstr (title_at (after, 4), ==, "Feels reassured");
  g_assert_cmpstr (tandem_step_get_lane (g_ptr_array_index (pasted, 0)), ==, tandem_step_get_lane (calls));
}

/* What cannot be pasted says why, and the document is as it was. */
static void
test_clip_bad (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_feverish_child (document);
  TandemJourneyMap *after = tandem_journey_get_map (journey, TANDEM_MAP_SIDE_AFTER);
  g_autofree char *before_json = export (document);
  g_autoptr(GString) many = g_string_new (NULL);
  guint depth = tandem_document_get_undo_depth (document);
  struct {
    const char *name;
    const char *data;
    gboolean    text;
    const char *fragment;
  } cases[] = {
    { "not JSON", "{ not json", FALSE, "does not hold steps" },
    { "wrong format", "{ \"format\": \"tandem\", \"version\": 3, \"steps\": [] }", FALSE, "does not hold steps" },
    { "newer", "{ \"format\": \"tandem-steps\", \"version\": 99, \"steps\": [] }", FALSE, "newer version" },
    { "no steps", "{ \"format\": \"tandem-steps\", \"version\": 3, \"steps\": [] }", FALSE, "no steps" },
    { "bad step", "{ \"format\": \"tandem-steps\", \"version\": 3, \"steps\": [ { \"id\": \"a\", \"feeling\": \"furious\" } ] }",
      FALSE, "furious" },
    { "bad connector", "{ \"format\": \"tandem-steps\", \"version\": 3, \"steps\": [ { \"id\": \"a\" } ], "
      "\"connectors\": [ { \"id\": \"c\", \"kind\": 7 } ] }", FALSE, "cannot be pasted" },
    { "empty text", "\n  \n", TRUE, "no text" },
    { "too many lines", NULL, TRUE, "at most 200" },
    { "comment hiding brackets", NULL, FALSE, "does not hold steps" },
    { "single quote hiding brackets", NULL, FALSE, "does not hold steps" },
  };
  g_autoptr(GString) comment = g_string_new ("/*\"*/");
  g_autoptr(GString) quote = g_string_new ("['\"',");

  for (guint i = 0; i < 250; i++)
    g_string_append_printf (many, "Step %u\n", i);
  cases[G_N_ELEMENTS (cases) - 3].data = many->str;

  /* Brackets hidden from the nesting count by what json-glib accepts beyond JSON once
   * overflowed the stack on paste. */
  for (guint i = 0; i < 100000; i++)
    {
      g_string_append_c (comment, '[');
      g_string_append_c (quote, '[');
    }
  for (guint i = 0; i < 100000; i++)
    {
      g_string_append_c (comment, ']');
      g_string_append_c (quote, ']');
    }
  cases[G_N_ELEMENTS (cases) - 2].data = comment->str;
  cases[G_N_ELEMENTS (cases) - 1].data = quote->str;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) pasted = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *now = NULL;
      gboolean ok;

      tandem_document_begin (document, "Paste");
      if (cases[i].text)
        ok = tandem_journey_clip_paste_text (after, cases[i].data, NULL, pasted, &error);
      else
        ok = tandem_journey_clip_paste (after, cases[i].data, strlen (cases[i].data), NULL, pasted, &error);
      g_assert_false (ok);
      tandem_document_rollback (document);

      g_test_message ("%s: %s", cases[i].name, error->message);
      if (strstr (error->message, cases[i].fragment) == NULL)
        g_error ("%s: “%s” does not mention “%s”", cases[i].name, error->message, cases[i].fragment);

      now = export (document);
      g_assert_cmpstr (now, ==, before_json);
      g_assert_cmpuint (tandem_document_get_undo_depth (document), ==, depth);
    }
}

/* Times as typed: the number means what the unit says, and shows as it was typed. */
static void
test_time_as_typed (void)
{
  const struct {
    const char     *text;
    TandemTimeUnit  unit;
    double          minutes;
  } good[] = {
    { "4", TANDEM_TIME_UNIT_MINUTES, 4 },
    { "4", TANDEM_TIME_UNIT_HOURS, 240 },
    { "0.1", TANDEM_TIME_UNIT_HOURS, 6 },
    { "1,5", TANDEM_TIME_UNIT_HOURS, 90 },
    { " 15 ", TANDEM_TIME_UNIT_MINUTES, 15 },
    { "2.25", TANDEM_TIME_UNIT_DAYS, 3240 },
    { "", TANDEM_TIME_UNIT_DAYS, 0 },
  };
  const struct {
    const char     *text;
    TandemTimeUnit  unit;
    const char     *message;
  } bad[] = {
    { "abc", TANDEM_TIME_UNIT_HOURS,
      "“abc” is not a number of hours; type a number such as 2 or 1.5, or leave it empty for none." },
    { "1e3", TANDEM_TIME_UNIT_MINUTES, NULL },
    { "0x10", TANDEM_TIME_UNIT_MINUTES, NULL },
    { "inf", TANDEM_TIME_UNIT_MINUTES, NULL },
    { "1.2.3", TANDEM_TIME_UNIT_MINUTES, NULL },
    { "-5", TANDEM_TIME_UNIT_MINUTES, "A time cannot be negative; type 0 or more minutes." },
    { "4000", TANDEM_TIME_UNIT_DAYS, "4000 days is more than ten years; type a shorter time." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      double minutes = -1;

      g_assert_true (tandem_time_parse (good[i].text, good[i].unit, &minutes, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (minutes, ==, good[i].minutes);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      double minutes = 42;

      g_assert_false (tandem_time_parse (bad[i].text, bad[i].unit, &minutes, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      if (bad[i].message != NULL)
        g_assert_cmpstr (error->message, ==, bad[i].message);
      g_assert_cmpfloat (minutes, ==, 42);
    }

  /* Shown exactly, or not at all in a unit that would round it. */
  {
    g_autofree char *a = tandem_time_format_exact (4, TANDEM_TIME_UNIT_MINUTES);
    g_autofree char *b = tandem_time_format_exact (150, TANDEM_TIME_UNIT_HOURS);
    g_autofree char *c = tandem_time_format_exact (6, TANDEM_TIME_UNIT_HOURS);
    g_autofree char *d = tandem_time_format_exact (4, TANDEM_TIME_UNIT_HOURS);
    g_autofree char *e = tandem_time_format_exact (15, TANDEM_TIME_UNIT_DAYS);
    g_autofree char *f = tandem_time_format_exact (0, TANDEM_TIME_UNIT_DAYS);

    g_assert_cmpstr (a, ==, "4");
    g_assert_cmpstr (b, ==, "2.5");
    g_assert_cmpstr (c, ==, "0.1");
    g_assert_null (d);
    g_assert_null (e);
    g_assert_cmpstr (f, ==, "");
  }

  g_assert_cmpint (tandem_time_unit_for_minutes (4), ==, TANDEM_TIME_UNIT_MINUTES);
  g_assert_cmpint (tandem_time_unit_for_minutes (90), ==, TANDEM_TIME_UNIT_MINUTES);
  g_assert_cmpint (tandem_time_unit_for_minutes (240), ==, TANDEM_TIME_UNIT_HOURS);
  g_assert_cmpint (tandem_time_unit_for_minutes (4320), ==, TANDEM_TIME_UNIT_DAYS);
  g_assert_cmpint (tandem_time_unit_for_minutes (2.5), ==, TANDEM_TIME_UNIT_MINUTES);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/journey/model/time-as-typed", test_time_as_typed);
  g_test_add_func ("/journey/model/measures", test_measures);
  g_test_add_func ("/journey/model/handoffs-along-path", test_handoffs_along_path);
  g_test_add_func ("/journey/model/measures-before-after", test_measures_before_after);
  g_test_add_func ("/journey/model/comparison", test_comparison);
  g_test_add_func ("/journey/edit/add-after", test_add_after);
  g_test_add_func ("/journey/edit/order-renumbering", test_order_renumbering);
  g_test_add_func ("/journey/edit/move", test_move);
  g_test_add_func ("/journey/edit/remove-steps", test_remove_steps);
  g_test_add_func ("/journey/edit/remove-stage-and-lane", test_remove_stage);
  g_test_add_func ("/journey/edit/copy-map", test_copy_map);
  g_test_add_func ("/journey/json/round-trip", test_json_round_trip);
  g_test_add_func ("/journey/json/format-4", test_json_format_4);
  g_test_add_func ("/journey/model/votes", test_votes);
  g_test_add_func ("/journey/json/round-trip-sample", test_json_round_trip_sample);
  g_test_add_func ("/journey/json/bad-journeys", test_json_bad_journeys);
  g_test_add_func ("/journey/clip/between-maps", test_clip_between_maps);
  g_test_add_func ("/journey/clip/between-journeys", test_clip_between_journeys);
  g_test_add_func ("/journey/clip/text", test_clip_text);
  g_test_add_func ("/journey/clip/bad", test_clip_bad);

  return g_test_run ();
}
