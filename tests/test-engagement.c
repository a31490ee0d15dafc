/* test-engagement.c: the engagement record (issue 11): model, links, file and JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "tandem-activity.h"
#include "tandem-activity-group.h"
#include "tandem-builtin-groups.h"
#include "tandem-checklist.h"
#include "tandem-checklist-item.h"
#include "tandem-checklist-section.h"
#include "tandem-document.h"
#include "tandem-engagement.h"
#include "tandem-evidence-link.h"
#include "tandem-group.h"
#include "tandem-journey.h"
#include "tandem-journey-map.h"
#include "tandem-json.h"
#include "tandem-merge.h"
#include "tandem-quote.h"
#include "tandem-step.h"
#include "tandem-storage.h"
#include "tandem-template.h"
#include "tandem-test-util.h"
#include "tandem-theme.h"
#include "tandem-theme-link.h"

static TandemGroup *
add_group (TandemDocument *document,
           const char     *name,
           gboolean        most_affected)
{
  g_autoptr(TandemGroup) group = tandem_group_new ();

  tandem_group_set_name (group, name);
  tandem_group_set_most_affected (group, most_affected);
  tandem_list_append (tandem_document_get_groups (document), group);
  return group;
}

static TandemActivity *
add_activity (TandemDocument    *document,
              const char        *title,
              TandemChangeStage  stage,
              int                people,
              TandemLadderRung   rung,
              TandemGroup       *group)
{
  g_autoptr(TandemActivity) activity = tandem_activity_new ();

  tandem_activity_set_title (activity, title);
  tandem_activity_set_stage (activity, stage);
  tandem_activity_set_participants (activity, people);
  tandem_activity_set_rung (activity, rung);
  tandem_list_append (tandem_document_get_activities (document), activity);
  if (group != NULL)
    tandem_activity_set_reaches_group (activity, group, TRUE);
  return activity;
}

/* Homeless people, most affected, first reached at consultation; parents reached early;
 * carers never. */
static TandemDocument *
make_document (TandemGroup **homeless,
               TandemGroup **parents,
               TandemGroup **carers)
{
  TandemDocument *document = tandem_document_new_project ();

  tandem_document_begin (document, "Engagement");
  *homeless = add_group (document, "People experiencing homelessness", TRUE);
  *parents = add_group (document, "Parents of young children", TRUE);
  *carers = add_group (document, "Carers", FALSE);
  add_activity (document, "Big Conversation 1", TANDEM_CHANGE_STAGE_CASE_FOR_CHANGE, 40,
                TANDEM_LADDER_RUNG_CONSULTING, *parents);
  add_activity (document, "Options workshop", TANDEM_CHANGE_STAGE_OPTIONS, 12,
                TANDEM_LADDER_RUNG_CO_DESIGN, *parents);
  add_activity (document, "Day centre visit", TANDEM_CHANGE_STAGE_CONSULTATION, 9,
                TANDEM_LADDER_RUNG_CONSULTING, *homeless);
  add_activity (document, "Online survey", TANDEM_CHANGE_STAGE_CONSULTATION, 300,
                TANDEM_LADDER_RUNG_CONSULTING, NULL);
  tandem_document_commit (document);

  return document;
}

static void
test_reach (void)
{
  TandemGroup *homeless, *parents, *carers;
  g_autoptr(TandemDocument) document = make_document (&homeless, &parents, &carers);
  g_autoptr(TandemReach) reach = tandem_reach_new (document);
  g_autoptr(GPtrArray) gaps = NULL;
  const TandemReachCell *cell;

  g_assert_cmpuint (tandem_reach_get_n_groups (reach), ==, 3);
  g_assert_true (tandem_reach_get_group (reach, 1) == parents);

  cell = tandem_reach_get_cell (reach, 1, TANDEM_CHANGE_STAGE_CASE_FOR_CHANGE);
  g_assert_cmpuint (cell->activities, ==, 1);
  g_assert_cmpuint (cell->people, ==, 40);
  g_assert_cmpuint (tandem_reach_get_total (reach, 1).people, ==, 52);
  g_assert_cmpuint (tandem_reach_get_cell (reach, 0, TANDEM_CHANGE_STAGE_CONSULTATION)->people,
                    ==, 9);
  g_assert_cmpuint (tandem_reach_get_total (reach, 2).activities, ==, 0);
  g_assert_cmpuint (tandem_reach_get_unassigned (reach), ==, 1);

  /* Most affected first, each gap a sentence; parents have none. */
  gaps = tandem_reach_dup_gaps (reach);
  g_assert_cmpuint (gaps->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (gaps, 0), ==,
                   "People experiencing homelessness: among those most affected; not reached "
                   "before consultation (first reached at: Consultation).");
  g_assert_cmpstr (g_ptr_array_index (gaps, 1), ==, "Carers: not reached at any stage.");
  g_assert_null (tandem_reach_dup_gap (reach, 1));
}

static TandemChecklistItem *
add_t5 (TandemDocument *document)
{
  g_autoptr(TandemChecklist) checklist = tandem_checklist_new ();
  g_autoptr(TandemChecklistSection) section = tandem_checklist_section_new ();
  const char *keys[] = { "case-for-change", "long-list", "evaluation-criteria",
                         "consultation-design", "decision" };
  TandemChecklistItem *first = NULL;

  tandem_checklist_set_template_id (checklist, "t5-ladder-of-coproduction");
  tandem_list_append (tandem_checklist_get_sections (checklist), section);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(TandemChecklistItem) item = tandem_checklist_item_new ();

      tandem_checklist_item_set_key (item, keys[i]);
      tandem_checklist_item_set_uses_ladder (item, TRUE);
      tandem_list_append (tandem_checklist_section_get_items (section), item);
      if (first == NULL)
        first = item;
    }
  tandem_list_append (tandem_document_get_checklists (document), checklist);
  return first;
}

static void
test_ladder_profile (void)
{
  TandemGroup *homeless, *parents, *carers;
  g_autoptr(TandemDocument) document = make_document (&homeless, &parents, &carers);
  g_autoptr(GArray) rows = NULL;
  TandemChecklistItem *case_for_change;
  const TandemLadderRow *row;
  g_autofree char *sentence = NULL;

  tandem_document_begin (document, "T5");
  case_for_change = add_t5 (document);
  /* Claimed co-production for the case for change; the record says consulting. */
  tandem_checklist_item_set_ladder_rung (case_for_change, TANDEM_LADDER_RUNG_CO_PRODUCTION);
  tandem_document_commit (document);

  rows = tandem_ladder_profile_new (document);
  g_assert_cmpuint (rows->len, ==, TANDEM_N_CHANGE_STAGES);

  row = &g_array_index (rows, TandemLadderRow, TANDEM_CHANGE_STAGE_CASE_FOR_CHANGE);
  g_assert_cmpint (row->recorded, ==, TANDEM_LADDER_RUNG_CONSULTING);
  g_assert_cmpint (row->claimed, ==, TANDEM_LADDER_RUNG_CO_PRODUCTION);
  g_assert_true (row->claim_item == case_for_change);
  g_assert_cmpint (row->agreement, ==, TANDEM_LADDER_AGREEMENT_CLAIM_ABOVE);
  g_assert_true (tandem_ladder_row_disagrees (row));
  sentence = tandem_ladder_row_describe (row);
  g_assert_cmpstr (sentence, ==, "The self-assessment claims Co-production, but the highest "
                                 "rung any activity reached is Consulting.");

  row = &g_array_index (rows, TandemLadderRow, TANDEM_CHANGE_STAGE_OPTIONS);
  g_assert_cmpint (row->recorded, ==, TANDEM_LADDER_RUNG_CO_DESIGN);
  g_assert_cmpint (row->agreement, ==, TANDEM_LADDER_AGREEMENT_NO_CLAIM);
  g_assert_false (tandem_ladder_row_disagrees (row));

  row = &g_array_index (rows, TandemLadderRow, TANDEM_CHANGE_STAGE_CONSULTATION);
  g_assert_cmpuint (row->n_activities, ==, 2);
  g_assert_cmpuint (row->people, ==, 309);
  g_assert_cmpuint (row->n_at_rung[TANDEM_LADDER_RUNG_CONSULTING], ==, 2);

  row = &g_array_index (rows, TandemLadderRow, TANDEM_CHANGE_STAGE_EVALUATION);
  g_assert_cmpint (row->agreement, ==, TANDEM_LADDER_AGREEMENT_NOTHING);
  g_clear_pointer (&sentence, g_free);
  sentence = tandem_ladder_row_describe (row);
  g_assert_cmpstr (sentence, ==, "No activity recorded and no self-assessment.");

  /* An activity with no rung recorded: the sentence must not say there was no activity. */
  {
    g_autoptr(TandemActivity) activity = tandem_activity_new ();

    tandem_document_begin (document, "Evaluation");
    tandem_activity_set_title (activity, "Follow-up survey");
    tandem_activity_set_stage (activity, TANDEM_CHANGE_STAGE_EVALUATION);
    tandem_list_append (tandem_document_get_activities (document), activity);
    tandem_document_commit (document);
  }
  g_clear_pointer (&rows, g_array_unref);
  rows = tandem_ladder_profile_new (document);
  row = &g_array_index (rows, TandemLadderRow, TANDEM_CHANGE_STAGE_EVALUATION);
  g_assert_cmpint (row->agreement, ==, TANDEM_LADDER_AGREEMENT_NOTHING);
  g_assert_cmpuint (row->n_activities, ==, 1);
  g_clear_pointer (&sentence, g_free);
  sentence = tandem_ladder_row_describe (row);
  g_assert_cmpstr (sentence, ==, "No rung recorded for its activities and no self-assessment.");
}

static void
test_theme_flags (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new_project ();
  g_autoptr(TandemTheme) theme = tandem_theme_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *words = NULL;

  tandem_document_begin (document, "Theme");
  tandem_theme_set_title (theme, "Travel to the hospital");
  tandem_list_append (tandem_document_get_themes (document), theme);
  tandem_document_commit (document);

  g_assert_cmpint (tandem_theme_get_flags (theme), ==,
                   TANDEM_THEME_FLAG_NO_RESPONSE | TANDEM_THEME_FLAG_NOT_FED_BACK);
  words = tandem_theme_flags_describe (tandem_theme_get_flags (theme));
  g_assert_cmpstr (words, ==, "No response recorded; Not fed back to the people who took part");

  tandem_document_begin (document, "Respond");
  tandem_theme_set_response (theme, TANDEM_THEME_RESPONSE_NOT_ADOPTED);
  tandem_theme_set_reason (theme, "   ");
  tandem_theme_set_fed_back_date (theme, "2026-03-01");
  tandem_document_commit (document);
  g_assert_cmpint (tandem_theme_get_flags (theme), ==, TANDEM_THEME_FLAG_NO_REASON);
  g_assert_false (tandem_theme_check_response (theme, &error));
  g_assert_nonnull (strstr (error->message, "needs a reason"));
  g_clear_error (&error);

  tandem_document_begin (document, "Reason");
  tandem_theme_set_reason (theme, "The hospital site has the diagnostics.");
  tandem_document_commit (document);
  g_assert_cmpint (tandem_theme_get_flags (theme), ==, TANDEM_THEME_FLAG_NONE);
  g_assert_true (tandem_theme_check_response (theme, &error));
}

static void
test_support (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new_project ();
  g_autoptr(TandemActivity) activity = tandem_activity_new ();
  g_autofree char *words = NULL;

  tandem_document_begin (document, "Add");
  tandem_list_append (tandem_document_get_activities (document), activity);
  tandem_document_commit (document);

  tandem_document_begin (document, "Support");
  tandem_activity_set_support (activity, TANDEM_SUPPORT_BSL | TANDEM_SUPPORT_TRAVEL);
  tandem_document_commit (document);
  g_assert_true (tandem_activity_has_support (activity, TANDEM_SUPPORT_BSL));
  g_assert_false (tandem_activity_has_support (activity, TANDEM_SUPPORT_PAYMENT));
  words = tandem_support_describe (tandem_activity_get_support (activity));
  g_assert_cmpstr (words, ==, "Travel, BSL");

  /* One undo step takes back every kind of support set together. */
  g_assert_true (tandem_document_undo (document));
  g_assert_cmpint (tandem_activity_get_support (activity), ==, TANDEM_SUPPORT_NONE);
}

/* Removing a linked group says what links to it; removal takes the links, undo brings both. */
static void
test_remove_linked (void)
{
  TandemGroup *homeless, *parents, *carers;
  g_autoptr(TandemDocument) document = make_document (&homeless, &parents, &carers);
  g_autoptr(TandemTheme) theme = tandem_theme_new ();
  g_autoptr(TandemThemeLink) link = tandem_theme_link_new ();
  g_autoptr(GPtrArray) links = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *id = g_strdup (tandem_object_get_id (TANDEM_OBJECT (parents)));
  TandemActivity *first = tandem_list_get (tandem_document_get_activities (document), 0);

  tandem_document_begin (document, "Theme");
  tandem_theme_link_set_target (link, id);
  tandem_list_append (tandem_theme_get_links (theme), link);
  tandem_list_append (tandem_document_get_themes (document), theme);
  tandem_document_commit (document);

  links = tandem_engagement_find_links_to (document, TANDEM_OBJECT (parents));
  g_assert_cmpuint (links->len, ==, 3);
  sentence = tandem_engagement_describe_links (document, TANDEM_OBJECT (parents));
  g_assert_cmpstr (sentence, ==, "2 activities and 1 theme link to this. Removing it removes "
                                 "those links; Undo brings both back.");
  g_assert_null (tandem_engagement_describe_links (document, TANDEM_OBJECT (carers)));

  tandem_engagement_remove (document, TANDEM_OBJECT (parents), "Remove group");
  g_assert_null (tandem_document_lookup (document, id));
  g_assert_false (tandem_activity_reaches_group (first, parents));
  g_assert_cmpuint (tandem_list_get_n (tandem_theme_get_links (theme)), ==, 0);

  g_assert_true (tandem_document_undo (document));
  g_assert_true (tandem_document_lookup (document, id) == TANDEM_OBJECT (parents));
  g_assert_true (tandem_activity_reaches_group (first, parents));
  g_assert_cmpuint (tandem_list_get_n (tandem_theme_get_links (theme)), ==, 1);
}

/* A step removed by any editor takes the links to it (and to its quotes) in the same undo
 * step, so the file never refers to what is gone. */
static void
test_removed_step_drops_links (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new_project ();
  g_autoptr(TandemJourney) journey = tandem_journey_new_with_defaults ("Journey");
  g_autoptr(TandemStep) step = tandem_step_new ();
  g_autoptr(TandemQuote) quote = tandem_quote_new ();
  g_autoptr(TandemTheme) theme = tandem_theme_new ();
  g_autoptr(TandemThemeLink) to_step = tandem_theme_link_new ();
  g_autoptr(TandemThemeLink) to_quote = tandem_theme_link_new ();
  TandemList *steps;
  g_autofree char *path = NULL;
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  tandem_document_begin (document, "Build");
  tandem_list_append (tandem_document_get_journeys (document), journey);
  steps = tandem_journey_map_get_steps (tandem_journey_get_map (journey, TANDEM_MAP_SIDE_AFTER));
  tandem_list_append (steps, step);
  tandem_list_append (tandem_step_get_quotes (step), quote);
  tandem_theme_link_set_target (to_step, tandem_object_get_id (TANDEM_OBJECT (step)));
  tandem_theme_link_set_target (to_quote, tandem_object_get_id (TANDEM_OBJECT (quote)));
  tandem_list_append (tandem_theme_get_links (theme), to_step);
  tandem_list_append (tandem_theme_get_links (theme), to_quote);
  tandem_list_append (tandem_document_get_themes (document), theme);
  tandem_document_commit (document);

  tandem_document_begin (document, "Remove step");
  tandem_list_remove_object (steps, step);
  tandem_document_commit (document);
  g_assert_cmpuint (tandem_list_get_n (tandem_theme_get_links (theme)), ==, 0);

  /* Saves: nothing refers to what is gone. */
  path = g_build_filename (dir, "p.tandem", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (tandem_storage_save (document, file, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (tandem_document_undo (document));
  g_assert_cmpuint (tandem_list_get_n (tandem_theme_get_links (theme)), ==, 2);
  g_assert_cmpint (tandem_list_index_of (steps, step), ==, 0);
  tandem_test_remove_tree (dir);
}

static void
test_evidence_targets (void)
{
  TandemGroup *homeless, *parents, *carers;
  g_autoptr(TandemDocument) document = make_document (&homeless, &parents, &carers);
  TandemActivity *activity = tandem_list_get (tandem_document_get_activities (document), 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_evidence_link_check_target (document,
                                                    tandem_object_get_id (TANDEM_OBJECT (activity)),
                                                    &error));
  g_assert_no_error (error);

  g_assert_false (tandem_evidence_link_check_target (document, "gone", &error));
  g_assert_cmpstr (error->message, ==, "The evidence links to “gone”, which is not in this "
                                       "project; it may have been removed. Remove the link, or "
                                       "link to something that is in the project.");
  g_clear_error (&error);

  g_assert_false (tandem_evidence_link_check_target (document,
                                                     tandem_object_get_id (TANDEM_OBJECT (carers)),
                                                     &error));
  g_assert_nonnull (strstr (error->message, "evidence can link only to engagement activities, "
                                            "themes, journey steps and quotes"));
}

static void
test_builtin_groups (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new_project ();
  g_autoptr(GPtrArray) builtin = tandem_builtin_groups_get ();
  gboolean homeless = FALSE;
  guint added;
  struct { const char *json; const char *fragment; } bad[] = {
    { "[]", "not a JSON object" },
    { "{\"format\":\"recipes\",\"groups\":[]}", "tandem-groups" },
    { "{\"format\":\"tandem-groups\"}", "no “groups” array" },
    { "{\"format\":\"tandem-groups\",\"groups\":[1]}", "Group 1 of the list of groups is not an object" },
    { "{\"format\":\"tandem-groups\",\"groups\":[{\"key\":\"a\"}]}", "needs a “key” and a “name”" },
    { "{\"format\":\"tandem-groups\",\"groups\":[{\"key\":\"a\",\"name\":\"A\"},"
      "{\"key\":\"a\",\"name\":\"B\"}]}", "more than one group" },
  };

  /* Drawn from the seeds, Core20PLUS5 and inclusion health, and the protected characteristics. */
  g_assert_cmpuint (builtin->len, >=, 30);
  for (guint i = 0; i < builtin->len; i++)
    {
      TandemGroup *group = g_ptr_array_index (builtin, i);

      g_assert_true (tandem_group_is_builtin (group));
      if (g_str_equal (tandem_group_get_name (group), "People experiencing homelessness"))
        homeless = TRUE;
    }
  g_assert_true (homeless);

  tandem_document_begin (document, "Groups");
  added = tandem_builtin_groups_add_to (document);
  tandem_document_commit (document);
  g_assert_cmpuint (added, ==, builtin->len);

  /* Again: nothing twice. */
  tandem_document_begin (document, "Groups");
  g_assert_cmpuint (tandem_builtin_groups_add_to (document), ==, 0);
  tandem_document_commit (document);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i].json, strlen (bad[i].json));
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) groups = tandem_builtin_groups_parse (bytes, &error);

      g_assert_null (groups);
      g_assert_nonnull (error);
      if (strstr (error->message, bad[i].fragment) == NULL)
        g_error ("“%s” does not mention “%s”", error->message, bad[i].fragment);
    }
}

/* Everything survives a save and a load, and a JSON export and import. */
static void
test_round_trip (void)
{
  TandemGroup *homeless, *parents, *carers;
  g_autoptr(TandemDocument) document = make_document (&homeless, &parents, &carers);
  g_autoptr(TandemTheme) theme = tandem_theme_new ();
  g_autoptr(TandemThemeLink) link = tandem_theme_link_new ();
  g_autoptr(TandemEvidenceLink) evidence = tandem_evidence_link_new ();
  g_autoptr(TandemDocument) loaded = NULL;
  g_autoptr(TandemDocument) imported = NULL;
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "p.tandem", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_loaded = NULL;
  g_autofree char *json_imported = NULL;
  TandemActivity *activity = tandem_list_get (tandem_document_get_activities (document), 0);
  TandemChecklistItem *item;

  tandem_document_begin (document, "More");
  tandem_activity_set_date (activity, "2025-11-04");
  tandem_activity_set_method (activity, TANDEM_ENGAGEMENT_METHOD_OUTREACH_VISIT);
  tandem_activity_set_place (activity, "Riverside library");
  tandem_activity_set_support (activity, TANDEM_SUPPORT_CHILDCARE | TANDEM_SUPPORT_EASY_READ);
  tandem_activity_set_notes (activity, "Crèche provided.");
  tandem_theme_set_title (theme, "Travel");
  tandem_theme_set_said (theme, "The bus takes 40 minutes.");
  tandem_theme_set_raised_by (theme, 23);
  tandem_theme_set_response (theme, TANDEM_THEME_RESPONSE_PARTLY_ADOPTED);
  tandem_theme_set_change (theme, "A shuttle bus at peak times.");
  tandem_theme_set_reason (theme, "All day is not affordable.");
  tandem_theme_set_fed_back_date (theme, "2026-01-10");
  tandem_theme_set_fed_back_how (theme, "Newsletter and drop-in");
  tandem_theme_link_set_target (link, tandem_object_get_id (TANDEM_OBJECT (activity)));
  tandem_list_append (tandem_theme_get_links (theme), link);
  tandem_list_append (tandem_document_get_themes (document), theme);
  item = add_t5 (document);
  tandem_evidence_link_set_title (evidence, "Travel theme");
  tandem_evidence_link_set_target (evidence, tandem_object_get_id (TANDEM_OBJECT (theme)));
  tandem_list_append (tandem_checklist_item_get_links (item), evidence);
  tandem_document_commit (document);

  json = tandem_json_write_document (document, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"support_easy_read\" : true"));
  g_assert_nonnull (strstr (json, "\"response\" : \"partly-adopted\""));

  g_assert_true (tandem_storage_save (document, file, NULL, &error));
  g_assert_no_error (error);
  loaded = tandem_storage_load (file, NULL, &error);
  g_assert_no_error (error);
  json_loaded = tandem_json_write_document (loaded, NULL, &error);
  g_assert_cmpstr (json_loaded, ==, json);

  imported = tandem_json_read_document (json, strlen (json), &error);
  g_assert_no_error (error);
  json_imported = tandem_json_write_document (imported, NULL, &error);
  g_assert_cmpstr (json_imported, ==, json);

  tandem_test_remove_tree (dir);
}

/* Bad engagement data in JSON is refused with a sentence naming what is wrong. */
static void
test_json_bad_input (void)
{
  struct { const char *name; const char *members; const char *fragment; } cases[] = {
    { "negative people", "\"activities\":[{\"id\":\"a\",\"participants\":-3}]", "participants" },
    { "unknown stage", "\"activities\":[{\"id\":\"a\",\"stage\":\"someday\"}]", "“someday”" },
    { "unknown method", "\"activities\":[{\"id\":\"a\",\"method\":\"seance\"}]", "“seance”" },
    { "bad date", "\"activities\":[{\"id\":\"a\",\"date\":\"last Tuesday\"}]", "date" },
    { "support as text", "\"activities\":[{\"id\":\"a\",\"support_bsl\":\"yes\"}]", "true or false" },
    { "name of a participant", "\"activities\":[{\"id\":\"a\",\"participant_names\":\"Ann\"}]",
      "“participant_names”" },
    { "group missing", "\"activities\":[{\"id\":\"a\",\"groups\":[{\"id\":\"ag\",\"group\":\"nope\"}]}]",
      "“nope”, which is not in the document" },
    { "group is an activity", "\"activities\":[{\"id\":\"a\",\"groups\":[{\"id\":\"ag\",\"group\":\"a\"}]}]",
      "not a group of people" },
    { "theme link missing", "\"themes\":[{\"id\":\"t\",\"links\":[{\"id\":\"tl\",\"target\":\"gone\"}]}]",
      "“gone”, which is not in the document" },
    { "theme links to itself", "\"themes\":[{\"id\":\"t\",\"links\":[{\"id\":\"tl\",\"target\":\"t\"}]}]",
      "a theme can link only to" },
    { "unknown response", "\"themes\":[{\"id\":\"t\",\"response\":\"ignored\"}]", "“ignored”" },
    { "negative raised by", "\"themes\":[{\"id\":\"t\",\"raised_by\":-1}]", "raised_by" },
    { "most affected as number", "\"groups\":[{\"id\":\"g\",\"most_affected\":1}]", "true or false" },
    { "evidence to a group", "\"groups\":[{\"id\":\"g\"}],\"checklists\":[{\"id\":\"c\",\"sections\":"
      "[{\"id\":\"s\",\"items\":[{\"id\":\"i\",\"links\":[{\"id\":\"l\",\"target\":\"g\"}]}]}]}]",
      "evidence can link only to" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"format\":\"tandem\",\"version\":%d,"
                                               "\"project\":{\"id\":\"p\",%s}}",
                                               TANDEM_SCHEMA_VERSION, cases[i].members);
      g_autoptr(TandemDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      document = tandem_json_read_document (json, strlen (json), &error);
      if (document != NULL)
        g_error ("%s: accepted", cases[i].name);
      g_assert_nonnull (error);
      g_test_message ("%s: %s", cases[i].name, error->message);
      if (strstr (error->message, cases[i].fragment) == NULL)
        g_error ("%s: “%s” does not mention “%s”", cases[i].name, error->message,
                 cases[i].fragment);
    }
}

/* A file changed outside Tandem with bad engagement data does not open (nor pass --check,
 * which reads it the same way); the sentence names what is wrong. */
static void
test_bad_file (void)
{
  struct { const char *name; const char *sql; const char *fragment; } cases[] = {
    { "negative count", "UPDATE activity SET participants = -5", "In one engagement activity: " },
    { "unknown stage", "UPDATE activity SET stage = 'someday'", "“someday”" },
    { "unknown response", "UPDATE theme SET response = 'ignored'", "“ignored”" },
    { "date that is not a date", "UPDATE activity SET date = '31/02/2026'", "date" },
    /* Named in words, not by the file's table names ("activity_group"). */
    { "group gone", "DELETE FROM engagement_group",
      "One group an activity reached refers to “" },
    { "theme link to nothing", "UPDATE theme_link SET target = 'gone'",
      "One link of a theme refers to “gone”, which is not in" },
    { "evidence to a group", "UPDATE evidence_link SET target = (SELECT id FROM engagement_group "
      "LIMIT 1)", "evidence can link only to" },
  };
  g_autofree char *dir = tandem_test_make_temp_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TandemGroup *homeless, *parents, *carers;
      g_autoptr(TandemDocument) document = make_document (&homeless, &parents, &carers);
      g_autoptr(TandemDocument) loaded = NULL;
      g_autoptr(TandemTheme) theme = tandem_theme_new ();
      g_autoptr(TandemThemeLink) link = tandem_theme_link_new ();
      g_autoptr(TandemEvidenceLink) evidence = tandem_evidence_link_new ();
      g_autofree char *name = g_strdup_printf ("bad-%u.tandem", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      TandemChecklistItem *item;
      sqlite3 *db = NULL;
      char *message = NULL;

      tandem_document_begin (document, "More");
      tandem_theme_link_set_target (link, tandem_object_get_id (TANDEM_OBJECT (carers)));
      tandem_list_append (tandem_theme_get_links (theme), link);
      tandem_list_append (tandem_document_get_themes (document), theme);
      item = add_t5 (document);
      tandem_evidence_link_set_target (evidence, tandem_object_get_id (TANDEM_OBJECT (theme)));
      tandem_list_append (tandem_checklist_item_get_links (item), evidence);
      tandem_document_commit (document);
      g_assert_true (tandem_storage_save (document, file, NULL, &error));
      g_assert_no_error (error);

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      if (sqlite3_exec (db, cases[i].sql, NULL, NULL, &message) != SQLITE_OK)
        g_error ("%s: %s", cases[i].name, message);
      sqlite3_close (db);

      loaded = tandem_storage_load (file, NULL, &error);
      if (loaded != NULL)
        g_error ("%s: opened", cases[i].name);
      g_test_message ("%s: %s", cases[i].name, error->message);
      if (strstr (error->message, cases[i].fragment) == NULL)
        g_error ("%s: “%s” does not mention “%s”", cases[i].name, error->message,
                 cases[i].fragment);
    }

  tandem_test_remove_tree (dir);
}

/* A merge brings in the other copy's activities, groups and themes that this copy lacks, and
 * undo takes them out again. */
static void
test_merge_keeps_engagement (void)
{
  TandemGroup *homeless, *parents, *carers;
  g_autoptr(TandemDocument) ours = make_document (&homeless, &parents, &carers);
  g_autoptr(TandemDocument) theirs = NULL;
  g_autoptr(TandemMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = tandem_json_write_document (ours, NULL, &error);
  g_autoptr(TandemTheme) theme = tandem_theme_new ();
  g_autoptr(TandemThemeLink) link = tandem_theme_link_new ();
  TandemActivity *visit;
  TandemGroup *their_homeless;
  g_autofree char *theme_id = NULL;

  theirs = tandem_json_read_document (json, strlen (json), &error);
  g_assert_no_error (error);

  tandem_document_begin (theirs, "Their record");
  their_homeless = tandem_list_get (tandem_document_get_groups (theirs), 0);
  visit = add_activity (theirs, "Night shelter visit", TANDEM_CHANGE_STAGE_PRE_CONSULTATION, 7,
                        TANDEM_LADDER_RUNG_ENGAGING, their_homeless);
  tandem_theme_set_title (theme, "Nowhere to wait");
  tandem_theme_link_set_target (link, tandem_object_get_id (TANDEM_OBJECT (visit)));
  tandem_list_append (tandem_theme_get_links (theme), link);
  tandem_list_append (tandem_document_get_themes (theirs), theme);
  tandem_document_commit (theirs);
  theme_id = g_strdup (tandem_object_get_id (TANDEM_OBJECT (theme)));

  merge = tandem_merge_new (ours, theirs, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_merge_apply (merge, "Merge", NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (tandem_list_get_n (tandem_document_get_activities (ours)), ==, 5);
  g_assert_nonnull (tandem_document_lookup (ours, theme_id));
  g_assert_true (tandem_activity_reaches_group (tandem_list_get (tandem_document_get_activities (ours), 4),
                                                homeless));
  {
    g_autoptr(TandemReach) reach = tandem_reach_new (ours);

    /* Now reached before consultation: the gap is gone. */
    g_assert_null (tandem_reach_dup_gap (reach, 0));
  }

  g_assert_true (tandem_document_undo (ours));
  g_assert_cmpuint (tandem_list_get_n (tandem_document_get_activities (ours)), ==, 4);
  g_assert_null (tandem_document_lookup (ours, theme_id));
}

/* A sign-off covers the evidence's target; a link without one hashes as it did before
 * targets existed, so answers signed then still verify. */
static void
test_target_in_answers_hash (void)
{
  TandemGroup *homeless, *parents, *carers;
  g_autoptr(TandemDocument) document = make_document (&homeless, &parents, &carers);
  g_autoptr(TandemEvidenceLink) evidence = tandem_evidence_link_new ();
  TandemActivity *activity = tandem_list_get (tandem_document_get_activities (document), 0);
  TandemChecklistItem *item;
  TandemChecklist *checklist;
  g_autofree char *without = NULL;
  g_autofree char *with = NULL;
  g_autofree char *cleared = NULL;

  tandem_document_begin (document, "T5");
  item = add_t5 (document);
  tandem_evidence_link_set_uri (evidence, "https://example.org/report");
  tandem_list_append (tandem_checklist_item_get_links (item), evidence);
  tandem_document_commit (document);
  checklist = TANDEM_CHECKLIST (tandem_object_get_parent (tandem_object_get_parent (TANDEM_OBJECT (item))));
  without = tandem_checklist_hash_answers (checklist);

  tandem_document_begin (document, "Target");
  tandem_evidence_link_set_target (evidence, tandem_object_get_id (TANDEM_OBJECT (activity)));
  tandem_document_commit (document);
  with = tandem_checklist_hash_answers (checklist);
  g_assert_cmpstr (with, !=, without);

  tandem_document_begin (document, "Clear");
  tandem_evidence_link_set_target (evidence, "");
  tandem_document_commit (document);
  cleared = tandem_checklist_hash_answers (checklist);
  g_assert_cmpstr (cleared, ==, without);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engagement/reach", test_reach);
  g_test_add_func ("/engagement/ladder-profile", test_ladder_profile);
  g_test_add_func ("/engagement/theme-flags", test_theme_flags);
  g_test_add_func ("/engagement/support", test_support);
  g_test_add_func ("/engagement/remove-linked", test_remove_linked);
  g_test_add_func ("/engagement/removed-step-drops-links", test_removed_step_drops_links);
  g_test_add_func ("/engagement/evidence-targets", test_evidence_targets);
  g_test_add_func ("/engagement/builtin-groups", test_builtin_groups);
  g_test_add_func ("/engagement/round-trip", test_round_trip);
  g_test_add_func ("/engagement/json-bad-input", test_json_bad_input);
  g_test_add_func ("/engagement/bad-file", test_bad_file);
  g_test_add_func ("/engagement/merge-keeps-engagement", test_merge_keeps_engagement);
  g_test_add_func ("/engagement/target-in-answers-hash", test_target_in_answers_hash);

  return g_test_run ();
}
