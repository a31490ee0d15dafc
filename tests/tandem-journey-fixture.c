/* tandem-journey-fixture.c: small journeys built in code, shared by the journey tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-journey-fixture.h"
#include "tandem-quote.h"

/* Call inside a transaction. */
TandemStep *
tandem_test_add_step (TandemJourney *journey,
                      TandemMapSide  side,
                      guint          stage,
                      guint          lane,
                      double         order,
                      const char    *title)
{
  TandemStep *step;

  step = tandem_journey_map_add_step (tandem_journey_get_map (journey, side),
                                      tandem_object_get_id (tandem_list_get (tandem_journey_get_stages (journey), stage)),
                                      tandem_object_get_id (tandem_list_get (tandem_journey_get_lanes (journey), lane)),
                                      order);
  tandem_step_set_title (step, title);

  return step;
}

TandemJourney *
tandem_test_add_journey (TandemDocument *document,
                         const char     *title)
{
  g_autoptr(TandemJourney) journey = tandem_journey_new_with_defaults (title);

  tandem_document_begin (document, "Add journey");
  tandem_list_append (tandem_document_get_journeys (document), journey);
  tandem_document_commit (document);

  return journey;
}

static TandemStep *
step (TandemJourney *journey,
      TandemMapSide  side,
      guint          stage,
      guint          lane,
      double         order,
      const char    *title,
      const char    *role,
      const char    *place,
      double         wait,
      double         duration,
      TandemFeeling  feeling,
      gboolean       touchpoint,
      gboolean       pain_point)
{
  TandemStep *s = tandem_test_add_step (journey, side, stage, lane, order, title);

  tandem_step_set_role (s, role);
  tandem_step_set_place (s, place);
  tandem_step_set_wait_minutes (s, wait);
  tandem_step_set_duration_minutes (s, duration);
  tandem_step_set_feeling (s, feeling);
  tandem_step_set_touchpoint (s, touchpoint);
  tandem_step_set_pain_point (s, pain_point);

  return s;
}

static void
quote (TandemStep *s,
       const char *text,
       const char *role,
       gboolean    consent,
       const char *session)
{
  g_autoptr(TandemQuote) q = tandem_quote_new ();

  tandem_quote_set_text (q, text);
  tandem_quote_set_speaker_role (q, role);
  tandem_quote_set_consent (q, consent);
  tandem_quote_set_session (q, session);
  tandem_list_append (tandem_step_get_quotes (s), q);
}

/**
 * tandem_test_feverish_child:
 *
 * The journey of DOMAIN.md's sample, with measures worked out by hand in
 * test-journey-model.c. Before: nine steps, nine connectors and a loop back; after: six.
 */
TandemJourney *
tandem_test_feverish_child (TandemDocument *document)
{
  TandemJourney *journey = tandem_test_add_journey (document, "A feverish child");
  TandemMapSide B = TANDEM_MAP_SIDE_BEFORE, A = TANDEM_MAP_SIDE_AFTER;
  TandemJourneyMap *before = tandem_journey_get_map (journey, B);
  TandemJourneyMap *after = tandem_journey_get_map (journey, A);
  TandemStep *b[9], *a[6];
  TandemConnector *c;

  tandem_document_begin (document, "Fill journey");

  b[0] = step (journey, B, 0, 0, 0, "Child has a high temperature", "Parent", "Home", 0, 30,
               TANDEM_FEELING_BAD, TRUE, FALSE);
  b[1] = step (journey, B, 1, 0, 0, "Rings the GP surgery: closed", "Parent", "Home", 0, 10,
               TANDEM_FEELING_BAD, FALSE, TRUE);
  b[2] = step (journey, B, 1, 0, 1, "Two buses to the walk-in centre", "Parent", "Bus", 20, 50,
               TANDEM_FEELING_BAD, FALSE, TRUE);
  b[3] = step (journey, B, 2, 0, 0, "Queues to book in", "Parent", "Walk-in centre", 25, 5,
               TANDEM_FEELING_VERY_BAD, FALSE, TRUE);
  b[4] = step (journey, B, 2, 1, 1, "Seen by a nurse", "Nurse", "walk-in Centre ", 150, 15,
               TANDEM_FEELING_NEUTRAL, TRUE, FALSE);
  b[5] = step (journey, B, 3, 1, 0, "Told to see their own GP", "Nurse", "Walk-in centre", 0, 5,
               TANDEM_FEELING_VERY_BAD, FALSE, TRUE);
  b[6] = step (journey, B, 4, 0, 0, "Travels home", "Parent", "Bus", 10, 50,
               TANDEM_FEELING_BAD, FALSE, FALSE);
  b[7] = step (journey, B, 4, 0, 1, "Rings the GP at 8 am", "Parent", "Home", 840, 30,
               TANDEM_FEELING_VERY_BAD, FALSE, TRUE);
  b[8] = step (journey, B, 4, 1, 2, "Seen by the GP two days later", "GP", "GP surgery", 2880, 10,
               TANDEM_FEELING_GOOD, TRUE, FALSE);

  quote (b[0], "I didn't know if it was serious enough for A&E.", "Parent", TRUE,
         "Big Conversation session 2");
  quote (b[4], "The nurse was lovely, but we'd waited nearly three hours.", "Parent", TRUE,
         "Big Conversation session 2");
  quote (b[4], "Half the children we see need their own GP.", "Nurse practitioner", FALSE,
         "Staff workshop 1");

  for (guint i = 0; i + 1 < 9; i++)
    tandem_journey_map_connect (before, b[i], b[i + 1], TANDEM_CONNECTOR_KIND_NEXT);
  c = tandem_journey_map_find_connector (before, b[1], b[2]);
  tandem_connector_set_label (c, "No answer");
  c = tandem_journey_map_connect (before, b[5], b[1], TANDEM_CONNECTOR_KIND_LOOP);
  tandem_connector_set_label (c, "Sent back to GP");

  a[0] = step (journey, A, 0, 0, 0, "Child has a high temperature", "Parent", "Home", 0, 30,
               TANDEM_FEELING_BAD, FALSE, FALSE);
  a[1] = step (journey, A, 1, 0, 0, "Calls NHS 111", "Parent", "Home", 10, 15,
               TANDEM_FEELING_NEUTRAL, TRUE, FALSE);
  a[2] = step (journey, A, 1, 2, 1, "Books a same-day slot", "NHS 111 clinician", "NHS 111", 0, 5,
               TANDEM_FEELING_UNKNOWN, FALSE, FALSE);
  a[3] = step (journey, A, 2, 0, 0, "Travels at the booked time", "Parent", "Bus", 90, 25,
               TANDEM_FEELING_NEUTRAL, FALSE, FALSE);
  a[4] = step (journey, A, 2, 1, 1, "Seen on time by a GP", "GP", "Urgent treatment centre", 10, 20,
               TANDEM_FEELING_GOOD, TRUE, FALSE);
  a[5] = step (journey, A, 4, 0, 0, "Travels home", "Parent", "Bus", 10, 25,
               TANDEM_FEELING_GOOD, FALSE, FALSE);

  for (guint i = 0; i + 1 < 6; i++)
    tandem_journey_map_connect (after, a[i], a[i + 1], TANDEM_CONNECTOR_KIND_NEXT);

  tandem_journey_add_replacement (journey, b[1], a[1]);
  tandem_journey_add_replacement (journey, b[4], a[4]);
  tandem_journey_add_replacement (journey, b[8], a[4]);

  tandem_document_commit (document);

  return journey;
}

/**
 * tandem_test_large_journey:
 *
 * A journey of @n_steps on its before map (and a copy on its after map), spread over
 * @n_stages stages and the four default lanes, each step joined to the next: for
 * benchmarks and for tests of what painting costs.
 */
TandemJourney *
tandem_test_large_journey (TandemDocument *document,
                           guint           n_steps,
                           guint           n_stages)
{
  TandemJourney *journey = tandem_test_add_journey (document, "Large journey");
  TandemJourneyMap *before = tandem_journey_get_map (journey, TANDEM_MAP_SIDE_BEFORE);
  TandemStep *previous = NULL;
  static const char *titles[] = {
    "Notices a lump and worries about it", "Books an appointment online",
    "Waits for a call back from the practice", "Seen by the practice nurse",
    "Referred to the hospital clinic", "Letter arrives with the date",
  };
  static const TandemFeeling feelings[] = {
    TANDEM_FEELING_BAD, TANDEM_FEELING_NEUTRAL, TANDEM_FEELING_VERY_BAD, TANDEM_FEELING_GOOD,
    TANDEM_FEELING_UNKNOWN, TANDEM_FEELING_VERY_GOOD,
  };

  tandem_document_begin (document, "Fill journey");

  while (tandem_list_get_n (tandem_journey_get_stages (journey)) < n_stages)
    {
      g_autofree char *title = g_strdup_printf ("Stage %u",
                                                tandem_list_get_n (tandem_journey_get_stages (journey)) + 1);
      tandem_journey_add_stage (journey, G_MAXUINT, title);
    }

  for (guint i = 0; i < n_steps; i++)
    {
      guint stage = (guint)((guint64)i * n_stages / n_steps);
      TandemStep *s = step (journey, TANDEM_MAP_SIDE_BEFORE, stage, (i * 7 / 3) % 4, i,
                            titles[i % G_N_ELEMENTS (titles)], i % 2 ? "Patient" : "Nurse",
                            i % 3 ? "Home" : "Hospital", (i % 5) * 30, 15,
                            feelings[i % G_N_ELEMENTS (feelings)], i % 7 == 0, i % 11 == 0);

      if (i % 13 == 0)
        quote (s, "It felt like nobody was talking to each other.", "Patient", TRUE, "Session 1");
      if (previous != NULL)
        tandem_journey_map_connect (before, previous, s, i % 17 == 0 ? TANDEM_CONNECTOR_KIND_BRANCH
                                                                     : TANDEM_CONNECTOR_KIND_NEXT);
      previous = s;
    }

  tandem_journey_map_copy_from (tandem_journey_get_map (journey, TANDEM_MAP_SIDE_AFTER), before);
  tandem_document_commit (document);

  return journey;
}
