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
#include "tandem-lane.h"
#include "tandem-stage.h"
#include "tandem-step.h"

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


/* Before: nine steps (see tandem-journey-fixture.c). In journey order: fever (patient lane),
 * rings GP, two buses, queues (patient), nurse (staff), told to see GP (staff), travels home,
 * rings GP at 8 am (patient), GP two days later (staff).
 * Hand-offs: queues→nurse, told→travels, 8 am→GP: 3 (each a change of lane; the nurse twice
 * in a row is not one).
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
  g_assert_cmpuint (b.n_handoffs, ==, 3);
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

  /* Fresh ids, the same fields and quotes, connectors between the copies, and the links to
   * the old after steps gone with them. */
  for (guint i = 0; i < 9; i++)
    {
      TandemStep *copy = tandem_list_get (copied, i);
      TandemStep *original = tandem_list_get (tandem_journey_map_get_steps (before), i);

      g_assert_cmpstr (tandem_object_get_id (TANDEM_OBJECT (copy)), !=,
                       tandem_object_get_id (TANDEM_OBJECT (original)));
      g_assert_cmpstr (tandem_step_get_title (copy), ==, tandem_step_get_title (original));
      g_assert_cmpfloat (tandem_step_get_wait_minutes (copy), ==, tandem_step_get_wait_minutes (original));
      g_assert_cmpuint (tandem_list_get_n (tandem_step_get_quotes (copy)), ==,
                        tandem_list_get_n (tandem_step_get_quotes (original)));
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
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_get_replacements (journey)), ==, 0);

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
  tandem_document_commit (document);

  first = export (document);
  imported = tandem_json_read_document (first, strlen (first), &error);
  g_assert_no_error (error);
  second = export (imported);
  g_assert_cmpstr (first, ==, second);

  g_assert_cmpuint (tandem_list_get_n (tandem_document_get_journeys (imported)), ==, 1);
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
mutate_unknown_feeling (JsonObject *journey)
{
  JsonObject *step = member_object (member_object (journey, "maps", 0), "steps", 1);

  json_object_set_string_member (step, "feeling", "furious");
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/journey/model/measures", test_measures);
  g_test_add_func ("/journey/model/measures-before-after", test_measures_before_after);
  g_test_add_func ("/journey/edit/add-after", test_add_after);
  g_test_add_func ("/journey/edit/order-renumbering", test_order_renumbering);
  g_test_add_func ("/journey/edit/move", test_move);
  g_test_add_func ("/journey/edit/remove-steps", test_remove_steps);
  g_test_add_func ("/journey/edit/remove-stage-and-lane", test_remove_stage);
  g_test_add_func ("/journey/edit/copy-map", test_copy_map);
  g_test_add_func ("/journey/json/round-trip", test_json_round_trip);
  g_test_add_func ("/journey/json/round-trip-sample", test_json_round_trip_sample);
  g_test_add_func ("/journey/json/bad-journeys", test_json_bad_journeys);
  g_test_add_func ("/journey/clip/between-maps", test_clip_between_maps);
  g_test_add_func ("/journey/clip/between-journeys", test_clip_between_journeys);
  g_test_add_func ("/journey/clip/text", test_clip_text);
  g_test_add_func ("/journey/clip/bad", test_clip_bad);

  return g_test_run ();
}
