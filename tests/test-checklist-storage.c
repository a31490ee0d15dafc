/* test-checklist-storage.c: checklists saved in .tandem files and JSON, attachments included
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-attachment.h"
#include "tandem-checklist-item.h"
#include "tandem-checklist-section.h"
#include "tandem-evidence-link.h"
#include "tandem-json.h"
#include "tandem-signoff.h"
#include "tandem-storage.h"
#include "tandem-template.h"
#include "tandem-test-util.h"

static TandemChecklistItem *
item_at (TandemChecklist *checklist,
         guint            section,
         guint            index)
{
  TandemList *sections = tandem_checklist_get_sections (checklist);

  return tandem_list_get (tandem_checklist_section_get_items (tandem_list_get (sections, section)),
                          index);
}

/* A project with two answered checklists: every kind of answer, a link, an attached file, a
 * sign-off voided by a later change, a decision with conditions, and the audit trail. */
static TandemDocument *
make_answered_project (char **hash)
{
  TandemDocument *document = tandem_document_new_project ();
  g_autoptr(TandemEvidenceLink) link = tandem_evidence_link_new ();
  g_autoptr(TandemAttachment) attachment = tandem_attachment_new ();
  g_autoptr(TandemSignoff) signoff = tandem_signoff_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static ("Minutes of the programme board, 3 May\n", 38);
  TandemChecklist *board;
  TandemChecklist *ladder;
  TandemChecklistItem *item;

  tandem_document_set_fixed_time (document, "2026-11-23T10:00:00Z");
  tandem_document_set_reviewer (document, "Asha Patel");
  board = tandem_template_instantiate (tandem_template_find_builtin ("t1-board-assurance"), document, "New");
  ladder = tandem_template_instantiate (tandem_template_find_builtin ("t5-ladder-of-coproduction"), document, "New");

  *hash = tandem_document_add_blob (document, bytes);
  tandem_evidence_link_set_uri (link, "https://example.org/healthwatch-report.pdf");
  tandem_evidence_link_set_title (link, "Healthwatch report");
  tandem_attachment_set_name (attachment, "minutes.txt");
  tandem_attachment_set_size (attachment, 38);
  tandem_attachment_set_content_type (attachment, "text/plain");
  tandem_attachment_set_blob (attachment, *hash);
  tandem_signoff_set_name (signoff, "Jo Barnes");
  tandem_signoff_set_role (signoff, "Chair");
  tandem_signoff_set_date (signoff, "2026-11-23");
  tandem_signoff_set_declaration (signoff, "I have read the evidence.");
  tandem_signoff_set_signed_at (signoff, "2026-11-23T10:00:00Z");

  item = item_at (board, 0, 0);
  tandem_document_begin (document, "Answer");
  tandem_checklist_item_set_status (item, TANDEM_ITEM_STATUS_PARTLY_MET);
  tandem_checklist_item_set_rag_override (item, TANDEM_RAG_RED);
  tandem_checklist_item_set_evidence (item, "Complaints and “Waiting to be seen”.\nSecond line.");
  tandem_checklist_item_set_owner (item, "Head of engagement");
  tandem_checklist_item_set_due_date (item, "2026-12-15");
  tandem_checklist_item_set_comments (item, "Ask about seldom-heard groups.");
  tandem_checklist_item_set_action (item, "Two more sessions.");
  tandem_list_append (tandem_checklist_item_get_links (item), link);
  tandem_list_append (tandem_checklist_item_get_attachments (item), attachment);
  tandem_checklist_set_decision (board, TANDEM_DECISION_PROCEED_WITH_CONDITIONS);
  tandem_checklist_set_decision_conditions (board, "Report back in January.");
  tandem_checklist_item_set_status (item_at (ladder, 0, 2), TANDEM_ITEM_STATUS_MET);
  tandem_checklist_item_set_ladder_rung (item_at (ladder, 0, 2), TANDEM_LADDER_RUNG_CO_DESIGN);
  tandem_document_commit (document);

  tandem_document_begin (document, "Sign Off");
  tandem_list_append (tandem_checklist_get_signoffs (board), signoff);
  tandem_document_commit (document);

  tandem_document_begin (document, "Change");
  tandem_checklist_item_set_status (item_at (board, 1, 0), TANDEM_ITEM_STATUS_NOT_MET);
  tandem_document_commit (document);

  g_assert_cmpstr (tandem_signoff_get_voided_at (signoff), !=, "");

  return document;
}

static char *
to_json (TandemDocument *document)
{
  g_autoptr(GError) error = NULL;
  char *json = tandem_json_write_document (document, NULL, &error);

  g_assert_no_error (error);

  return json;
}

static void
test_json_round_trip (void)
{
  g_autofree char *hash = NULL;
  g_autoptr(TandemDocument) document = make_answered_project (&hash);
  g_autoptr(TandemDocument) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = to_json (document);
  g_autofree char *second = NULL;
  TandemChecklist *board;
  TandemChecklistItem *item;
  TandemSignoff *signoff;
  GBytes *blob;

  /* The attached file travels inside the JSON. */
  g_assert_nonnull (strstr (first, "\"blobs\""));
  g_assert_nonnull (strstr (first, hash));

  imported = tandem_json_read_document (first, strlen (first), &error);
  g_assert_no_error (error);
  second = to_json (imported);
  g_assert_cmpstr (first, ==, second);

  board = tandem_list_get (tandem_document_get_checklists (imported), 0);
  item = item_at (board, 0, 0);
  g_assert_cmpint (tandem_checklist_item_get_rag (item), ==, TANDEM_RAG_RED);
  g_assert_cmpstr (tandem_checklist_item_get_due_date (item), ==, "2026-12-15");
  signoff = tandem_list_get (tandem_checklist_get_signoffs (board), 0);
  g_assert_cmpstr (tandem_signoff_get_voided_at (signoff), ==, "2026-11-23T10:00:00Z");
  g_assert_nonnull (strstr (tandem_signoff_get_void_reason (signoff), "Does the proposal describe"));
  blob = tandem_document_get_memory_blob (imported, hash);
  g_assert_nonnull (blob);
  g_assert_cmpuint (g_bytes_get_size (blob), ==, 38);
}

static void
test_tandem_file_round_trip (void)
{
  g_autofree char *hash = NULL;
  g_autoptr(TandemDocument) document = make_answered_project (&hash);
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "board.tandem", NULL);
  g_autofree char *path2 = g_build_filename (dir, "again.tandem", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) file2 = g_file_new_for_path (path2);
  g_autoptr(TandemDocument) loaded = NULL;
  g_autoptr(TandemDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = to_json (document);
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autoptr(GBytes) blob = NULL;

  g_assert_true (tandem_storage_save (document, file, NULL, &error));
  g_assert_no_error (error);
  loaded = tandem_storage_load (file, NULL, &error);
  g_assert_no_error (error);
  second = to_json (loaded);
  g_assert_cmpstr (first, ==, second);

  /* The attached file is read back from the saved file, not from memory. */
  g_assert_null (tandem_document_get_memory_blob (loaded, hash));
  blob = tandem_storage_read_blob (loaded, hash, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (blob), ==, 38);

  /* Saved again from the loaded copy, the file still holds it. */
  g_assert_true (tandem_storage_save (loaded, file2, NULL, &error));
  again = tandem_storage_load (file2, NULL, &error);
  g_assert_no_error (error);
  third = to_json (again);
  g_assert_cmpstr (first, ==, third);

  tandem_test_remove_tree (dir);
}

static void
test_sample_project (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "sample", "riverside.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TandemDocument) sample = NULL;
  g_autoptr(TandemDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  TandemChecklist *checklist;
  TandemProgress progress;
  gboolean evidence = FALSE;
  TandemList *sections;

  sample = tandem_json_import (file, &error);
  g_assert_no_error (error);

  /* The fictional sample has a partly completed board assurance checklist, with evidence and
   * one question not met. */
  checklist = tandem_list_get (tandem_document_get_checklists (sample), 0);
  g_assert_nonnull (checklist);
  g_assert_cmpstr (tandem_checklist_get_template_id (checklist), ==, "t1-board-assurance");
  tandem_checklist_get_progress (checklist, NULL, &progress);
  g_assert_cmpuint (progress.not_met, ==, 1);
  g_assert_cmpuint (progress.answered, >, 0);
  g_assert_cmpuint (progress.answered, <, progress.applicable);
  sections = tandem_checklist_get_sections (checklist);
  for (guint i = 0; i < tandem_list_get_n (sections); i++)
    {
      TandemList *items = tandem_checklist_section_get_items (tandem_list_get (sections, i));

      for (guint j = 0; j < tandem_list_get_n (items); j++)
        evidence |= tandem_list_get_n (tandem_checklist_item_get_attachments (tandem_list_get (items, j))) > 0;
    }
  g_assert_true (evidence);

  /* Its items match the template it was made from, by key. */
  {
    TandemChecklist *template = tandem_template_get_checklist (tandem_template_find_builtin ("t1-board-assurance"));

    g_assert_cmpstr (tandem_checklist_item_get_key (item_at (checklist, 0, 0)), ==,
                     tandem_checklist_item_get_key (item_at (template, 0, 0)));
    g_assert_cmpstr (tandem_checklist_item_get_question (item_at (checklist, 4, 0)), ==,
                     tandem_checklist_item_get_question (item_at (template, 4, 0)));
  }

  first = to_json (sample);
  again = tandem_json_read_document (first, strlen (first), &error);
  g_assert_no_error (error);
  second = to_json (again);
  g_assert_cmpstr (first, ==, second);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checklists/storage/json-round-trip", test_json_round_trip);
  g_test_add_func ("/checklists/storage/tandem-file-round-trip", test_tandem_file_round_trip);
  g_test_add_func ("/checklists/storage/sample-project", test_sample_project);

  return g_test_run ();
}
