/* test-model.c: the model, transactions and generic undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-condition.h"
#include "tandem-document.h"
#include "tandem-labels.h"
#include "tandem-test-util.h"

static void
on_notify_count_cb (GObject    *object,
                    GParamSpec *pspec,
                    guint      *count)
{
  (*count)++;
}

static void
test_object_ids (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  g_autoptr(TandemCondition) a = tandem_condition_new ("a", "A");
  g_autoptr(TandemCondition) b = tandem_condition_new ("b", "B");
  g_autoptr(TandemCondition) named = g_object_new (TANDEM_TYPE_CONDITION, "id", "fixed-id", NULL);

  g_assert_nonnull (tandem_object_get_id (TANDEM_OBJECT (a)));
  g_assert_cmpstr (tandem_object_get_id (TANDEM_OBJECT (a)), !=, tandem_object_get_id (TANDEM_OBJECT (b)));
  g_assert_cmpstr (tandem_object_get_id (TANDEM_OBJECT (named)), ==, "fixed-id");
  g_assert_true (g_uuid_string_is_valid (tandem_object_get_id (TANDEM_OBJECT (a))));

  tandem_document_begin (document, "Add");
  tandem_list_append (tandem_document_get_conditions (document), a);
  tandem_document_commit (document);

  g_assert_true (tandem_object_get_document (TANDEM_OBJECT (a)) == document);
  g_assert_true (tandem_object_get_parent (TANDEM_OBJECT (a)) == TANDEM_OBJECT (document));
  g_assert_true (tandem_document_lookup (document, tandem_object_get_id (TANDEM_OBJECT (a))) ==
                 TANDEM_OBJECT (a));
  g_assert_null (tandem_document_lookup (document, tandem_object_get_id (TANDEM_OBJECT (b))));
}

static void
test_undo_redo_property (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();

  g_assert_false (tandem_document_can_undo (document));
  g_assert_false (tandem_document_get_modified (document));

  tandem_test_edit_title (document, "First");
  tandem_test_edit_title (document, "Second");

  g_assert_cmpstr (tandem_document_get_undo_label (document), ==, "Edit Title");
  g_assert_true (tandem_document_undo (document));
  g_assert_cmpstr (tandem_document_get_title (document), ==, "First");
  g_assert_true (tandem_document_undo (document));
  g_assert_cmpstr (tandem_document_get_title (document), ==, "");
  g_assert_false (tandem_document_undo (document));
  g_assert_true (tandem_document_redo (document));
  g_assert_cmpstr (tandem_document_get_title (document), ==, "First");
  g_assert_true (tandem_document_redo (document));
  g_assert_cmpstr (tandem_document_get_title (document), ==, "Second");
  g_assert_false (tandem_document_redo (document));
}

static void
test_undo_list (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemList *conditions = tandem_document_get_conditions (document);
  g_autoptr(TandemCondition) a = tandem_condition_new ("a", "A");
  g_autoptr(TandemCondition) b = tandem_condition_new ("b", "B");
  g_autoptr(TandemCondition) c = tandem_condition_new ("c", "C");

  tandem_document_begin (document, "Add");
  tandem_list_append (conditions, a);
  tandem_list_append (conditions, b);
  tandem_list_append (conditions, c);
  tandem_document_commit (document);

  tandem_document_begin (document, "Move");
  tandem_list_move (conditions, 0, 2);
  tandem_document_commit (document);
  g_assert_true (tandem_list_get (conditions, 0) == b);
  g_assert_true (tandem_list_get (conditions, 2) == a);

  tandem_document_begin (document, "Remove and rename");
  tandem_list_remove_object (conditions, c);
  tandem_condition_set_label (b, "Bee");
  tandem_document_commit (document);
  g_assert_cmpuint (tandem_list_get_n (conditions), ==, 2);
  g_assert_null (tandem_document_lookup (document, tandem_object_get_id (TANDEM_OBJECT (c))));

  tandem_document_undo (document);
  g_assert_cmpuint (tandem_list_get_n (conditions), ==, 3);
  g_assert_true (tandem_list_get (conditions, 1) == c);
  g_assert_cmpstr (tandem_condition_get_label (b), ==, "B");
  g_assert_true (tandem_document_lookup (document, tandem_object_get_id (TANDEM_OBJECT (c))) ==
                 TANDEM_OBJECT (c));

  tandem_document_undo (document);
  g_assert_true (tandem_list_get (conditions, 0) == a);
  g_assert_true (tandem_list_get (conditions, 1) == b);
  g_assert_true (tandem_list_get (conditions, 2) == c);

  tandem_document_undo (document);
  g_assert_cmpuint (tandem_list_get_n (conditions), ==, 0);
  g_assert_null (tandem_object_get_parent (TANDEM_OBJECT (a)));

  tandem_document_redo (document);
  tandem_document_redo (document);
  tandem_document_redo (document);
  g_assert_cmpuint (tandem_list_get_n (conditions), ==, 2);
  g_assert_true (tandem_list_get (conditions, 0) == b);
  g_assert_true (tandem_list_get (conditions, 1) == a);
  g_assert_cmpstr (tandem_condition_get_label (b), ==, "Bee");
}

static void
test_nested (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();

  tandem_document_begin (document, "Outer");
  tandem_document_set_title (document, "T");
  tandem_document_begin (document, "Inner");
  tandem_document_set_organisation (document, "O");
  tandem_document_commit (document);
  g_assert_true (tandem_document_in_transaction (document));
  tandem_document_set_programme (document, "P");
  tandem_document_commit (document);

  g_assert_cmpuint (tandem_document_get_undo_depth (document), ==, 1);
  g_assert_cmpstr (tandem_document_get_undo_label (document), ==, "Outer");
  tandem_document_undo (document);
  g_assert_cmpstr (tandem_document_get_title (document), ==, "");
  g_assert_cmpstr (tandem_document_get_organisation (document), ==, "");
  g_assert_cmpstr (tandem_document_get_programme (document), ==, "");
}

static void
test_empty_transaction (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();

  tandem_document_begin (document, "Nothing");
  tandem_document_set_title (document, "");
  tandem_document_commit (document);

  g_assert_false (tandem_document_can_undo (document));
  g_assert_false (tandem_document_get_modified (document));
}

static void
test_rollback (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  g_autoptr(TandemCondition) a = tandem_condition_new ("a", "A");

  tandem_test_edit_title (document, "Kept");

  tandem_document_begin (document, "Abandoned");
  tandem_document_set_title (document, "Lost");
  tandem_list_append (tandem_document_get_conditions (document), a);
  tandem_document_rollback (document);

  g_assert_cmpstr (tandem_document_get_title (document), ==, "Kept");
  g_assert_cmpuint (tandem_list_get_n (tandem_document_get_conditions (document)), ==, 0);
  g_assert_cmpuint (tandem_document_get_undo_depth (document), ==, 1);
}

static void
type_into_title (TandemDocument *document,
                 const char     *text)
{
  g_autoptr(GString) typed = g_string_new (tandem_document_get_title (document));

  for (const char *p = text; *p; p++)
    {
      g_string_append_c (typed, *p);
      tandem_document_begin_merge (document, "Edit Title", "title");
      tandem_document_set_title (document, typed->str);
      tandem_document_commit (document);
    }
}

static void
test_typing_is_one_step (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();

  type_into_title (document, "Riverside");
  g_assert_cmpuint (tandem_document_get_undo_depth (document), ==, 1);
  g_assert_cmpstr (tandem_document_get_title (document), ==, "Riverside");

  /* Leaving the field starts a new step. */
  tandem_document_break_merge (document);
  type_into_title (document, " ICB");
  g_assert_cmpuint (tandem_document_get_undo_depth (document), ==, 2);

  tandem_document_undo (document);
  g_assert_cmpstr (tandem_document_get_title (document), ==, "Riverside");
  tandem_document_undo (document);
  g_assert_cmpstr (tandem_document_get_title (document), ==, "");
}

static void
test_modified_follows_undo (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  guint notifications = 0;

  g_signal_connect (document, "notify::modified", G_CALLBACK (on_notify_count_cb),
                    &notifications);

  tandem_test_edit_title (document, "A");
  g_assert_true (tandem_document_get_modified (document));
  g_assert_cmpuint (notifications, ==, 1);

  tandem_document_mark_saved (document, tandem_document_get_state (document));
  g_assert_false (tandem_document_get_modified (document));
  g_assert_cmpuint (notifications, ==, 2);

  tandem_test_edit_title (document, "B");
  g_assert_true (tandem_document_get_modified (document));

  /* Undo back to the saved state: no longer modified. */
  tandem_document_undo (document);
  g_assert_false (tandem_document_get_modified (document));
  /* Undo past it: modified again. */
  tandem_document_undo (document);
  g_assert_true (tandem_document_get_modified (document));
  tandem_document_redo (document);
  g_assert_false (tandem_document_get_modified (document));

  /* A new edit after undoing past the save point makes it unreachable. */
  tandem_document_undo (document);
  tandem_test_edit_title (document, "C");
  g_assert_true (tandem_document_get_modified (document));
  tandem_document_undo (document);
  g_assert_true (tandem_document_get_modified (document));
}

static void
test_typing_after_save_is_new_step (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();

  type_into_title (document, "Draft");
  tandem_document_mark_saved (document, tandem_document_get_state (document));

  type_into_title (document, " two");
  g_assert_true (tandem_document_get_modified (document));
  g_assert_cmpuint (tandem_document_get_undo_depth (document), ==, 2);

  tandem_document_undo (document);
  g_assert_false (tandem_document_get_modified (document));
  g_assert_cmpstr (tandem_document_get_title (document), ==, "Draft");
}

static void
test_save_state_during_typing (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  guint64 snapshot_state;

  /* A save takes its snapshot, typing goes on into the same undo step, then the save
   * finishes: the document must still count as modified. */
  type_into_title (document, "Ab");
  snapshot_state = tandem_document_get_state (document);
  type_into_title (document, "c");
  tandem_document_mark_saved (document, snapshot_state);

  g_assert_true (tandem_document_get_modified (document));
}

static void
test_change_outside_transaction (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(TandemDocument) document = tandem_document_new ();

      tandem_document_set_title (document, "Oops");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*outside a transaction*");
}

static void
test_removed_object_outlives_document (void)
{
  TandemDocument *document = tandem_document_new ();
  g_autoptr(TandemCondition) kept = tandem_condition_new ("kept", "Kept");

  tandem_document_begin (document, "Add");
  tandem_list_append (tandem_document_get_conditions (document), kept);
  tandem_document_commit (document);
  tandem_document_begin (document, "Remove");
  tandem_list_remove (tandem_document_get_conditions (document), 0);
  tandem_document_commit (document);

  g_object_unref (document);

  /* The undo history held it; it must not point to the freed document. */
  g_assert_null (tandem_object_get_document (TANDEM_OBJECT (kept)));
  tandem_condition_set_label (kept, "Still usable");
}

static void
test_conditions (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  g_autoptr(TandemCondition) beds = tandem_condition_new ("beds-reduced", "Beds reduced");

  g_assert_true (tandem_document_condition_is_on (document, NULL));
  g_assert_false (tandem_document_condition_is_on (document, "beds-reduced"));

  tandem_document_begin (document, "Add");
  tandem_list_append (tandem_document_get_conditions (document), beds);
  tandem_document_commit (document);
  g_assert_false (tandem_document_condition_is_on (document, "beds-reduced"));

  tandem_document_begin (document, "Switch On");
  tandem_condition_set_enabled (beds, TRUE);
  tandem_document_commit (document);
  g_assert_true (tandem_document_condition_is_on (document, "beds-reduced"));

  tandem_document_undo (document);
  g_assert_false (tandem_document_condition_is_on (document, "beds-reduced"));

  g_assert_true (tandem_condition_key_is_valid ("capital-needed"));
  g_assert_false (tandem_condition_key_is_valid ("Capital needed"));
  g_assert_false (tandem_condition_key_is_valid (""));
}

static void
test_generated_document (void)
{
  g_autoptr(TandemDocument) document = tandem_test_generate_document (1000);

  g_assert_cmpuint (tandem_document_get_n_objects (document), >=, 1000);
  g_assert_true (tandem_document_undo (document));
  g_assert_cmpuint (tandem_document_get_n_objects (document), ==, 1);
}

/* The undo history belongs to the document; it must not keep the document alive. An edited
 * document used to hold itself through its own history and was never freed. */
static void
test_edited_document_is_freed (void)
{
  TandemDocument *document = tandem_document_new ();
  g_autoptr(TandemCondition) condition = tandem_condition_new ("c", "Condition");

  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *)&document);

  tandem_test_edit_title (document, "Edited");
  tandem_document_begin (document, "Add");
  tandem_list_append (tandem_document_get_conditions (document), condition);
  tandem_document_commit (document);
  tandem_document_begin (document, "Remove");
  tandem_list_remove (tandem_document_get_conditions (document), 0);
  tandem_document_commit (document);
  g_assert_true (tandem_document_undo (document));
  g_assert_true (tandem_document_redo (document));
  g_assert_true (tandem_document_can_undo (document));

  g_object_unref (document);
  g_assert_null (document);
  /* The removed condition outlives it and no longer points to it. */
  g_assert_null (tandem_object_get_document (TANDEM_OBJECT (condition)));
}

/* Due dates are typed as people write them in the UK; a bad one gets a sentence. */
static void
test_parse_date (void)
{
  const struct { const char *text; const char *iso; } good[] = {
    { "15/12/2026", "2026-12-15" }, { "1/2/2026", "2026-02-01" }, { "15.12.2026", "2026-12-15" },
    { "15-12-2026", "2026-12-15" }, { "15 Dec 2026", "2026-12-15" },
    { "15 December 2026", "2026-12-15" }, { " 3 sept 2026 ", "2026-09-03" },
    { "3 Sep, 2026", "2026-09-03" }, { "2026-12-15", "2026-12-15" }, { "", "" },
  };
  const char *bad[] = { "31/02/2026", "15/12/26", "12/15/2026", "tomorrow", "15 Decx 2026",
                        "2026-13-01", "15/12/2026 10:00" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = tandem_parse_date (good[i].text, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (iso, ==, good[i].iso);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = tandem_parse_date (bad[i], &error);
      g_autofree char *typed = g_strstrip (g_strdup (bad[i]));

      g_assert_null (iso);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      /* One sentence that names what was typed and says what to type. */
      g_assert_nonnull (strstr (error->message, typed));
      g_assert_true (g_str_has_suffix (error->message, "."));
      g_assert_nonnull (strstr (error->message, "15/12/2026"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/object/ids", test_object_ids);
  g_test_add_func ("/model/undo/property", test_undo_redo_property);
  g_test_add_func ("/model/undo/list", test_undo_list);
  g_test_add_func ("/model/undo/nested", test_nested);
  g_test_add_func ("/model/undo/empty-transaction", test_empty_transaction);
  g_test_add_func ("/model/undo/rollback", test_rollback);
  g_test_add_func ("/model/undo/typing-is-one-step", test_typing_is_one_step);
  g_test_add_func ("/model/undo/typing-after-save", test_typing_after_save_is_new_step);
  g_test_add_func ("/model/undo/save-during-typing", test_save_state_during_typing);
  g_test_add_func ("/model/undo/outside-transaction", test_change_outside_transaction);
  g_test_add_func ("/model/undo/outlives-document", test_removed_object_outlives_document);
  g_test_add_func ("/model/undo/edited-document-is-freed", test_edited_document_is_freed);
  g_test_add_func ("/model/modified/follows-undo", test_modified_follows_undo);
  g_test_add_func ("/model/conditions", test_conditions);
  g_test_add_func ("/model/parse-date", test_parse_date);
  g_test_add_func ("/model/generated", test_generated_document);

  return g_test_run ();
}
