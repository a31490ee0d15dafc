/* test-journey-model.c: journey order and measures on maps worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-document.h"
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/journey/model/measures", test_measures);

  return g_test_run ();
}
