/* test-checklist-trust.c: sign-offs that verify, a hash-chained audit trail, forgeries found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "tandem-audit-entry.h"
#include "tandem-checklist-item.h"
#include "tandem-checklist-section.h"
#include "tandem-json.h"
#include "tandem-signoff.h"
#include "tandem-storage.h"
#include "tandem-template.h"
#include "tandem-test-util.h"

static TandemChecklistItem *
item_at (TandemChecklist *checklist,
         guint            index)
{
  TandemList *sections = tandem_checklist_get_sections (checklist);

  /* Counted across sections, in order. */
  for (guint i = 0; i < tandem_list_get_n (sections); i++)
    {
      TandemList *items = tandem_checklist_section_get_items (tandem_list_get (sections, i));

      if (index < tandem_list_get_n (items))
        return tandem_list_get (items, index);
      index -= tandem_list_get_n (items);
    }

  g_assert_not_reached ();
}

static TandemChecklist *
first_checklist (TandemDocument *document)
{
  return tandem_list_get (tandem_document_get_checklists (document), 0);
}

static void
sign (TandemDocument  *document,
      TandemChecklist *checklist,
      const char      *name,
      const char      *role)
{
  g_autoptr(TandemSignoff) signoff = tandem_signoff_new ();

  tandem_signoff_set_name (signoff, name);
  tandem_signoff_set_role (signoff, role);
  /* Typed by nobody: the model records the moment, whatever the caller put here. */
  tandem_signoff_set_signed_at (signoff, "2001-01-01T00:00:00Z");
  tandem_document_begin (document, "Sign Off");
  tandem_list_append (tandem_checklist_get_signoffs (checklist), signoff);
  tandem_document_commit (document);
}

static void
answer (TandemDocument      *document,
        TandemChecklistItem *item,
        TandemItemStatus     status)
{
  tandem_document_begin (document, "Answer");
  tandem_checklist_item_set_status (item, status);
  tandem_document_commit (document);
}

/* A board checklist with two answers, a sign-off voided by a later answer (Jo) and one that
 * stands (Sam). */
static TandemDocument *
make_signed_project (void)
{
  TandemDocument *document = tandem_document_new_project ();
  TandemChecklist *board;

  tandem_document_set_fixed_time (document, "2026-11-23T10:00:00Z");
  tandem_document_set_reviewer (document, "Asha Patel");
  tandem_document_set_reviewer_role (document, "Board secretary");
  board = tandem_template_instantiate (tandem_template_find_builtin ("t1-board-assurance"),
                                       document, "New");

  answer (document, item_at (board, 0), TANDEM_ITEM_STATUS_MET);
  sign (document, board, "Jo Barnes", "Chair");
  answer (document, item_at (board, 1), TANDEM_ITEM_STATUS_NOT_MET);
  tandem_document_set_fixed_time (document, "2026-11-23T11:00:00Z");
  sign (document, board, "Sam Okafor", "Non-executive director");

  return document;
}

static void
test_signoff_records (void)
{
  g_autoptr(TandemDocument) document = make_signed_project ();
  TandemChecklist *board = first_checklist (document);
  TandemList *signoffs = tandem_checklist_get_signoffs (board);
  TandemSignoff *jo = tandem_list_get (signoffs, 0);
  TandemSignoff *sam = tandem_list_get (signoffs, 1);
  TandemList *audit = tandem_checklist_get_audit (board);
  g_autofree char *answers = tandem_checklist_hash_answers (board);
  TandemAuditEntry *first = tandem_list_get (audit, 0);

  /* The moment of signing is the model's, not what the caller typed. */
  g_assert_cmpstr (tandem_signoff_get_signed_at (jo), ==, "2026-11-23T10:00:00Z");
  g_assert_cmpstr (tandem_signoff_get_signed_at (sam), ==, "2026-11-23T11:00:00Z");
  g_assert_cmpstr (tandem_signoff_get_voided_at (jo), !=, "");
  g_assert_cmpstr (tandem_signoff_get_voided_at (sam), ==, "");

  /* The standing sign-off holds the hash of the answers as they are; a SHA-256 in hex. */
  g_assert_cmpstr (tandem_signoff_get_answers_hash (sam), ==, answers);
  g_assert_cmpuint (strlen (answers), ==, 64);
  g_assert_cmpstr (tandem_signoff_get_answers_hash (jo), !=, answers);

  /* Name and role of the reviewer with every entry; each entry chained to the one before. */
  g_assert_cmpstr (tandem_audit_entry_get_who (first), ==, "Asha Patel");
  g_assert_cmpstr (tandem_audit_entry_get_role (first), ==, "Board secretary");
  g_assert_cmpstr (tandem_audit_entry_get_prev_hash (first), ==, "");
  for (guint i = 1; i < tandem_list_get_n (audit); i++)
    g_assert_cmpstr (tandem_audit_entry_get_prev_hash (tandem_list_get (audit, i)), ==,
                     tandem_audit_entry_get_hash (tandem_list_get (audit, i - 1)));
  g_assert_cmpstr (tandem_checklist_get_audit_head (board), ==,
                   tandem_audit_entry_get_hash (tandem_list_get (audit, tandem_list_get_n (audit) - 1)));

  g_assert_true (tandem_checklist_verify (board, NULL));
  g_assert_null (tandem_document_describe_trust (document));
}

static void
test_no_login_name (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();

  /* Nothing is ever attributed to the login account. */
  g_assert_cmpstr (tandem_document_get_reviewer (document), ==, "");
  g_assert_cmpstr (tandem_document_get_reviewer_role (document), ==, "");
}

/* Export, let @forge change the JSON, import. */
typedef void (*ForgeFunc) (JsonObject *checklist);

static TandemDocument *
forge (TandemDocument *document,
       ForgeFunc       func)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *data = NULL;
  g_autofree char *forged = NULL;
  JsonObject *project;
  TandemDocument *result;
  gsize length;

  data = tandem_json_write_document (document, &length, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);

  project = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                           "project");
  func (json_array_get_object_element (json_object_get_array_member (project, "checklists"), 0));

  forged = json_to_string (json_parser_get_root (parser), TRUE);
  result = tandem_json_read_document (forged, strlen (forged), &error);
  /* A forged record still opens: nothing is lost, it is only marked. */
  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static void
revive_voided_signoff (JsonObject *checklist)
{
  JsonObject *jo = json_array_get_object_element (json_object_get_array_member (checklist, "signoffs"), 0);

  json_object_set_string_member (jo, "voided_at", "");
  json_object_set_string_member (jo, "void_reason", "");
}

static void
edit_answer (JsonObject *checklist)
{
  JsonObject *section = json_array_get_object_element (json_object_get_array_member (checklist, "sections"), 0);
  JsonObject *item = json_array_get_object_element (json_object_get_array_member (section, "items"), 1);

  json_object_set_string_member (item, "status", "met");
}

static void
remove_middle_entry (JsonObject *checklist)
{
  json_array_remove_element (json_object_get_array_member (checklist, "audit"), 1);
}

static void
remove_last_entry (JsonObject *checklist)
{
  JsonArray *audit = json_object_get_array_member (checklist, "audit");

  json_array_remove_element (audit, json_array_get_length (audit) - 1);
}

static void
backdate_signoff (JsonObject *checklist)
{
  JsonObject *sam = json_array_get_object_element (json_object_get_array_member (checklist, "signoffs"), 1);

  json_object_set_string_member (sam, "signed_at", "2026-11-01T09:00:00Z");
}

static void
nothing (JsonObject *checklist)
{
}

static void
test_forgeries_found (void)
{
  g_autoptr(TandemDocument) document = make_signed_project ();
  struct {
    const char *what;
    ForgeFunc   func;
    gboolean    signoffs_marked;
  } cases[] = {
    { "voided sign-off revived", revive_voided_signoff, TRUE },
    { "answer edited", edit_answer, TRUE },
    { "audit entry removed from the middle", remove_middle_entry, TRUE },
    { "last audit entry removed", remove_last_entry, TRUE },
    { "sign-off back-dated", backdate_signoff, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TandemDocument) forged = forge (document, cases[i].func);
      g_autoptr(GPtrArray) unverified = NULL;
      g_autofree char *sentence = NULL;

      g_test_message ("%s", cases[i].what);
      g_assert_false (tandem_checklist_verify (first_checklist (forged), &unverified));
      g_assert_cmpuint (unverified->len, >=, 1);
      sentence = tandem_document_describe_trust (forged);
      g_assert_nonnull (sentence);
      g_assert_nonnull (strstr (sentence, "changed outside Tandem"));
      /* One sentence. */
      g_assert_null (strchr (sentence, '\n'));
    }

  /* Untouched, the same round trip verifies. */
  {
    g_autoptr(TandemDocument) same = forge (document, nothing);

    g_assert_true (tandem_checklist_verify (first_checklist (same), NULL));
  }
}

static void
test_chain_survives_save_and_json (void)
{
  g_autoptr(TandemDocument) document = make_signed_project ();
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "board.tandem", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TandemDocument) reopened = NULL;
  g_autoptr(TandemDocument) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize length;

  /* Undo an answer after the sign-off, so undo's own entries are in the trail. */
  answer (document, item_at (first_checklist (document), 2), TANDEM_ITEM_STATUS_PARTLY_MET);
  g_assert_cmpuint (tandem_checklist_count_active_signoffs (first_checklist (document)), ==, 0);
  tandem_document_undo (document);
  g_assert_cmpuint (tandem_checklist_count_active_signoffs (first_checklist (document)), ==, 1);
  g_assert_true (tandem_checklist_verify (first_checklist (document), NULL));

  g_assert_true (tandem_storage_save (document, file, NULL, &error));
  g_assert_no_error (error);
  reopened = tandem_storage_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_checklist_verify (first_checklist (reopened), NULL));
  g_assert_null (tandem_document_describe_trust (reopened));

  first = tandem_json_write_document (reopened, &length, &error);
  g_assert_no_error (error);
  imported = tandem_json_read_document (first, length, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_checklist_verify (first_checklist (imported), NULL));
  second = tandem_json_write_document (imported, &length, &error);
  g_assert_cmpstr (first, ==, second);

  /* Answering in the reopened document carries the chain on. */
  tandem_document_set_reviewer (reopened, "Asha Patel");
  answer (reopened, item_at (first_checklist (reopened), 3), TANDEM_ITEM_STATUS_MET);
  g_assert_true (tandem_checklist_verify (first_checklist (reopened), NULL));

  tandem_test_remove_tree (dir);
}

/* A document written by schema version 3, committed: it opens, migrates, and its sign-off
 * and trail are chained as they were, so that later changes are detected. */
static void
test_version_3_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "schema-v3-signed.tandem", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  TandemChecklist *board;
  TandemSignoff *signoff;

  g_assert_cmpint (tandem_storage_peek_version (file, NULL), ==, 3);
  document = tandem_storage_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (tandem_document_get_modified (document));

  board = first_checklist (document);
  signoff = tandem_list_get (tandem_checklist_get_signoffs (board), 0);
  g_assert_cmpstr (tandem_signoff_get_name (signoff), ==, "Jo Barnes");
  g_assert_cmpstr (tandem_signoff_get_date (signoff), ==, "2026-11-20");
  g_assert_cmpstr (tandem_signoff_get_answers_hash (signoff), !=, "");
  /* The old history is left as it was; the upgrade adds one entry, which says so. */
  {
    TandemList *audit = tandem_checklist_get_audit (board);
    TandemAuditEntry *old_entry = tandem_list_get (audit, 2);
    TandemAuditEntry *upgrade = tandem_list_get (audit, 3);

    g_assert_cmpuint (tandem_list_get_n (audit), ==, 4);
    g_assert_cmpstr (tandem_audit_entry_get_new_value (old_entry), ==, "Jo Barnes (Chair)");
    g_assert_cmpstr (tandem_audit_entry_get_origin (upgrade), ==, "upgrade");
    g_assert_cmpstr (tandem_audit_entry_get_who (upgrade), ==, "");
    g_assert_nonnull (strstr (tandem_audit_entry_get_new_value (upgrade), "answers SHA-256"));
  }
  g_assert_true (tandem_checklist_verify (board, NULL));
  g_assert_null (tandem_document_describe_trust (document));

  /* After the upgrade, a change voids the sign-off and the chain goes on. */
  tandem_document_set_reviewer (document, "Asha Patel");
  answer (document, item_at (board, 1), TANDEM_ITEM_STATUS_MET);
  g_assert_cmpuint (tandem_checklist_count_active_signoffs (board), ==, 0);
  g_assert_true (tandem_checklist_verify (board, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checklist/trust/signoff-records", test_signoff_records);
  g_test_add_func ("/checklist/trust/no-login-name", test_no_login_name);
  g_test_add_func ("/checklist/trust/forgeries-found", test_forgeries_found);
  g_test_add_func ("/checklist/trust/chain-survives-save-and-json", test_chain_survives_save_and_json);
  g_test_add_func ("/checklist/trust/version-3-fixture", test_version_3_fixture);

  return g_test_run ();
}
