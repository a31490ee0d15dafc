/* test-storage.c: the .tandem file: round trips, atomic saves and every bad input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tandem-attachment.h"
#include "tandem-checklist.h"
#include "tandem-checklist-item.h"
#include "tandem-checklist-section.h"
#include "tandem-condition.h"
#include "tandem-json.h"
#include "tandem-storage-private.h"
#include "tandem-template.h"
#include "tandem-untrusted-file.h"
#include "tandem-test-util.h"

typedef struct
{
  char *dir;
  char *path;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = tandem_test_make_temp_dir ();
  fixture->path = g_build_filename (fixture->dir, "project.tandem", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tandem_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_object_unref (fixture->file);
}

static TandemDocument *
make_sample (void)
{
  TandemDocument *document = tandem_document_new ();
  g_autoptr(TandemCondition) beds = tandem_condition_new ("beds-reduced",
                                                          "Beds are reduced significantly");
  g_autoptr(TandemCondition) capital = tandem_condition_new ("capital-needed", "Capital is needed");

  tandem_document_begin (document, "Sample");
  tandem_document_set_title (document, "Riverside town centre urgent care");
  tandem_document_set_organisation (document, "Riverside ICB (fictional)");
  tandem_document_set_programme (document, "Urgent and emergency care");
  tandem_document_set_version (document, "0.3");
  tandem_document_set_summary (document, "Move the walk-in centre to an urgent treatment centre.\n"
                                         "Second paragraph with “quotes”, ünïcödé and עברית.");
  tandem_document_set_status (document, TANDEM_PROJECT_STATUS_FOR_REVIEW);
  tandem_document_set_fictional (document, TRUE);
  tandem_condition_set_enabled (capital, TRUE);
  tandem_list_append (tandem_document_get_conditions (document), beds);
  tandem_list_append (tandem_document_get_conditions (document), capital);
  tandem_document_commit (document);

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
save_or_die (TandemDocument *document,
             GFile          *file)
{
  g_autoptr(GError) error = NULL;

  tandem_storage_save (document, file, NULL, &error);
  g_assert_no_error (error);
}

static char *
read_bytes (const char *path,
            gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);

  return data;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_test_message ("in %s: %s", dir, name);
      n++;
    }

  return n;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TandemDocument) document = make_sample ();
  g_autoptr(TandemDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (tandem_document_get_modified (document));
  save_or_die (document, fixture->file);
  g_assert_false (tandem_document_get_modified (document));

  reopened = tandem_storage_load (fixture->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (tandem_document_get_modified (reopened));
  g_assert_false (tandem_document_can_undo (reopened));

  before = to_json (document);
  after = to_json (reopened);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (tandem_document_get_title (reopened), ==, "Riverside town centre urgent care");
  g_assert_cmpint (tandem_document_get_status (reopened), ==, TANDEM_PROJECT_STATUS_FOR_REVIEW);
  g_assert_true (tandem_document_condition_is_on (reopened, "capital-needed"));
  g_assert_false (tandem_document_condition_is_on (reopened, "beds-reduced"));
}

static void
test_file_header (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TandemDocument) document = make_sample ();
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  save_or_die (document, fixture->file);

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, TANDEM_APPLICATION_ID);
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, TANDEM_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_save_is_atomic (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TandemDocument) document = make_sample ();
  g_autoptr(TandemDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  save_or_die (document, fixture->file);
  g_assert_cmpint (g_chmod (fixture->path, 0640), ==, 0);

  tandem_test_edit_title (document, "Second version");
  save_or_die (document, fixture->file);

  /* One file, complete, with the permissions it had; no journal, WAL or temporary file. */
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  reopened = tandem_storage_load (fixture->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_document_get_title (reopened), ==, "Second version");

  /* Opening leaves nothing beside the file either. */
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
}

static void
test_new_file_mode (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TandemDocument) document = make_sample ();
  mode_t mask = umask (022);
  GStatBuf st;

  umask (mask);
  save_or_die (document, fixture->file);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  /* Not the 0600 of the temporary file: what any new file in the folder would get. */
  g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~mask);
}

static void
on_save_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_save_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TandemDocument) document = make_sample ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemDocument) reopened = NULL;

  tandem_storage_save_async (document, fixture->file, NULL, on_save_done_cb, &result);

  /* An edit made while the worker thread writes is not in the file and stays unsaved. */
  tandem_test_edit_title (document, "Typed during the save");

  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (tandem_storage_save_finish (document, result, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_document_get_modified (document));

  reopened = tandem_storage_load (fixture->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_document_get_title (reopened), ==, "Riverside town centre urgent care");

  /* Undoing the edit returns to what was saved. */
  tandem_document_undo (document);
  g_assert_false (tandem_document_get_modified (document));
}

/* Bad input: each case checks the error code, that the sentence names the file, and (for
 * saves) that the file on disk is unchanged. */

static void
assert_open_fails (GFile       *file,
                   int          code,
                   const char  *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemDocument) document = NULL;
  g_autofree char *basename = g_file_get_basename (file);

  document = tandem_storage_load (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, TANDEM_STORAGE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, basename));
  if (fragment != NULL)
    g_assert_nonnull (strstr (error->message, fragment));
}

static void
test_open_text_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_file_set_contents (fixture->path, "These are my meeting notes, not a project.\n", -1, NULL);
  assert_open_fails (fixture->file, TANDEM_STORAGE_ERROR_NOT_TANDEM, "not a Tandem document");
}

static void
test_open_empty_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_file_set_contents (fixture->path, "", 0, NULL);
  assert_open_fails (fixture->file, TANDEM_STORAGE_ERROR_NOT_TANDEM, "empty");
}

static void
test_open_truncated (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TandemDocument) document = tandem_test_generate_document (2000);
  GStatBuf st;

  save_or_die (document, fixture->file);
  g_stat (fixture->path, &st);
  g_assert_cmpint (truncate (fixture->path, st.st_size / 2), ==, 0);

  assert_open_fails (fixture->file, TANDEM_STORAGE_ERROR_DAMAGED, NULL);
}

static void
test_open_corrupted_page (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TandemDocument) document = tandem_test_generate_document (2000);
  g_autofree char *bytes = NULL;
  gsize length;

  save_or_die (document, fixture->file);
  bytes = read_bytes (fixture->path, &length);
  /* Scribble over a page in the middle, header intact. */
  memset (bytes + length / 2, 0xA5, 4096);
  g_file_set_contents (fixture->path, bytes, length, NULL);

  assert_open_fails (fixture->file, TANDEM_STORAGE_ERROR_DAMAGED, "damaged");
}

static void
test_open_other_program (Fixture       *fixture,
                         gconstpointer  data)
{
  sqlite3 *db = NULL;

  sqlite3_open (fixture->path, &db);
  sqlite3_exec (db, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');",
                NULL, NULL, NULL);
  sqlite3_close (db);

  assert_open_fails (fixture->file, TANDEM_STORAGE_ERROR_OTHER_PROGRAM, "another program");
}

static void
alter_saved_file (Fixture    *fixture,
                  const char *sql)
{
  g_autoptr(TandemDocument) document = make_sample ();
  sqlite3 *db = NULL;
  char *message = NULL;

  save_or_die (document, fixture->file);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
test_open_newer_version (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", TANDEM_SCHEMA_VERSION + 1);

  alter_saved_file (fixture, sql);
  assert_open_fails (fixture->file, TANDEM_STORAGE_ERROR_NEWER_VERSION, "newer version");
}

static void
test_open_extra_table (Fixture       *fixture,
                       gconstpointer  data)
{
  alter_saved_file (fixture, "CREATE TABLE payload (x TEXT)");
  assert_open_fails (fixture->file, TANDEM_STORAGE_ERROR_UNEXPECTED_SCHEMA, "“payload”");
}

static void
test_open_extra_trigger (Fixture       *fixture,
                         gconstpointer  data)
{
  alter_saved_file (fixture, "CREATE TRIGGER steal AFTER INSERT ON condition "
                             "BEGIN DELETE FROM project; END");
  assert_open_fails (fixture->file, TANDEM_STORAGE_ERROR_UNEXPECTED_SCHEMA, "trigger");
}

static void
test_open_extra_view (Fixture       *fixture,
                      gconstpointer  data)
{
  alter_saved_file (fixture, "CREATE VIEW everything AS SELECT * FROM project");
  assert_open_fails (fixture->file, TANDEM_STORAGE_ERROR_UNEXPECTED_SCHEMA, "view");
}

static void
test_open_changed_column (Fixture       *fixture,
                          gconstpointer  data)
{
  alter_saved_file (fixture, "ALTER TABLE project ADD COLUMN secret TEXT");
  assert_open_fails (fixture->file, TANDEM_STORAGE_ERROR_UNEXPECTED_SCHEMA, NULL);
}

static void
test_open_overlong_field (Fixture       *fixture,
                          gconstpointer  data)
{
  alter_saved_file (fixture, "UPDATE project SET title = printf('%.*c', 100000, 'x')");
  assert_open_fails (fixture->file, TANDEM_STORAGE_ERROR_INVALID_CONTENT, "at most");
}

static void
test_open_bad_values (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *cases[] = {
    "UPDATE project SET status = 'maybe'",
    "UPDATE project SET fictional = 7",
    "UPDATE condition SET parent_id = 'nobody'",
    "UPDATE condition SET id = (SELECT id FROM project) WHERE key = 'beds-reduced'",
    "UPDATE condition SET key = 'capital-needed'",
    "UPDATE condition SET label = CAST(X'C328' AS TEXT)",
    "DELETE FROM project",
    "INSERT INTO project (id) VALUES ('second')",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case: %s", cases[i]);
      g_unlink (fixture->path);
      alter_saved_file (fixture, cases[i]);
      assert_open_fails (fixture->file, TANDEM_STORAGE_ERROR_INVALID_CONTENT, NULL);
    }
}

/* A file of more objects than Tandem opens is refused on their count, before any is read:
 * the rows added here belong to nothing, which reading them would find first. */
static void
test_open_too_many_objects (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf (
    "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
    "INSERT INTO condition (id, parent_id, position, key, label) "
    "SELECT printf('c%%07u', i), 'nobody', i, printf('k%%u', i), '' FROM n",
    (guint)TANDEM_MAX_OBJECTS);

  alter_saved_file (fixture, sql);
  assert_open_fails (fixture->file, TANDEM_STORAGE_ERROR_TOO_LARGE, "objects");
}

static void
test_open_positions_out_of_rowid_order (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(TandemDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  TandemList *conditions;

  /* Another tool may store rows in any order: the positions decide. */
  alter_saved_file (fixture, "UPDATE condition SET position = 1 - position");
  reopened = tandem_storage_load (fixture->file, NULL, &error);
  g_assert_no_error (error);

  conditions = tandem_document_get_conditions (reopened);
  g_assert_cmpuint (tandem_list_get_n (conditions), ==, 2);
  g_assert_cmpstr (tandem_condition_get_key (tandem_list_get (conditions, 0)), ==, "capital-needed");
  g_assert_cmpstr (tandem_condition_get_key (tandem_list_get (conditions, 1)), ==, "beds-reduced");
}

static void
test_open_user_version (Fixture       *fixture,
                        gconstpointer  data)
{
  /* SQLite stores user_version in 32 bits and writes 0 for a number too large to fit: none of
   * these is about the file being short, which is what they were once called. */
  const struct {
    const char *sql;
    const char *fragment;
  } cases[] = {
    { "PRAGMA user_version = 0", "says it is in file format 0, which no version of Tandem" },
    { "PRAGMA user_version = -1", "says it is in file format -1, which no version of Tandem" },
    { "PRAGMA user_version = 99999999999999999999999", "file format 0," },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      gsize before_length, after_length;

      g_test_message ("case: %s", cases[i].sql);
      g_unlink (fixture->path);
      alter_saved_file (fixture, cases[i].sql);
      before = read_bytes (fixture->path, &before_length);
      assert_open_fails (fixture->file, TANDEM_STORAGE_ERROR_DAMAGED, cases[i].fragment);
      after = read_bytes (fixture->path, &after_length);
      g_assert_cmpmem (before, before_length, after, after_length);
    }
}

static void
test_open_changed_attachment (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(TandemDocument) document = tandem_document_new_project ();
  g_autoptr(TandemAttachment) attachment = tandem_attachment_new ();
  g_autoptr(TandemAttachment) again = tandem_attachment_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static ("Minutes of the programme board\n", 31);
  g_autoptr(TandemDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *sql = NULL;
  TandemChecklist *checklist;
  TandemChecklistItem *item;
  sqlite3 *db = NULL;

  checklist = tandem_template_instantiate (tandem_template_find_builtin ("t1-board-assurance"),
                                           document, "New");
  item = tandem_list_get (tandem_checklist_section_get_items (
           tandem_list_get (tandem_checklist_get_sections (checklist), 0)), 0);
  hash = tandem_document_add_blob (document, bytes);
  tandem_attachment_set_name (attachment, "minutes.txt");
  tandem_attachment_set_size (attachment, 31);
  tandem_attachment_set_blob (attachment, hash);
  tandem_attachment_set_name (again, "minutes again.txt");
  tandem_attachment_set_size (again, 31);
  tandem_attachment_set_blob (again, hash);
  tandem_document_begin (document, "Attach");
  tandem_list_append (tandem_checklist_item_get_attachments (item), attachment);
  tandem_list_append (tandem_checklist_item_get_attachments (item), again);
  tandem_document_commit (document);
  save_or_die (document, fixture->file);

  /* Intact, it opens: two attachments sharing one stored file. */
  reopened = tandem_storage_load (fixture->file, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&reopened);

  /* The same length, other bytes: only the hash can tell. */
  sql = g_strdup_printf ("UPDATE blob SET data = CAST('Minutes of the programme boarD\n' AS BLOB) "
                         "WHERE hash = '%s'", hash);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);

  assert_open_fails (fixture->file, TANDEM_STORAGE_ERROR_INVALID_CONTENT,
                     "The attached file “minutes.txt” has been changed since Tandem saved it");
}

static void
test_open_folder (Fixture       *fixture,
                  gconstpointer  data)
{
  g_mkdir (fixture->path, 0755);
  assert_open_fails (fixture->file, TANDEM_STORAGE_ERROR_IS_DIRECTORY, "folder");
}

static void
test_open_not_regular (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");

  /* A pipe is refused at once, where reading it would wait for a writer for ever. */
  g_assert_cmpint (mkfifo (fixture->path, 0600), ==, 0);
  assert_open_fails (fixture->file, TANDEM_STORAGE_ERROR_NOT_TANDEM, "not a regular file");
  assert_open_fails (zero, TANDEM_STORAGE_ERROR_NOT_TANDEM, "not a regular file");
}

static void
test_open_missing (Fixture       *fixture,
                   gconstpointer  data)
{
  assert_open_fails (fixture->file, TANDEM_STORAGE_ERROR_NOT_FOUND, "does not exist");
}

static void
test_open_leaves_file_alone (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(TandemDocument) document = make_sample ();
  g_autoptr(TandemDocument) reopened = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  save_or_die (document, fixture->file);
  g_chmod (fixture->path, 0444);
  before = read_bytes (fixture->path, &before_length);

  reopened = tandem_storage_load (fixture->file, NULL, NULL);
  g_assert_nonnull (reopened);

  after = read_bytes (fixture->path, &after_length);
  g_assert_cmpmem (before, before_length, after, after_length);
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
}

static void
assert_save_fails (TandemDocument *document,
                   GFile          *file,
                   int             code,
                   const char     *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  gboolean was_modified = tandem_document_get_modified (document);

  g_assert_false (tandem_storage_save (document, file, NULL, &error));
  g_assert_error (error, TANDEM_STORAGE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, basename));
  if (fragment != NULL)
    g_assert_nonnull (strstr (error->message, fragment));
  g_assert_cmpint (tandem_document_get_modified (document), ==, was_modified);
}

static void
test_save_read_only (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TandemDocument) document = make_sample ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  save_or_die (document, fixture->file);
  g_chmod (fixture->path, 0444);
  before = read_bytes (fixture->path, &before_length);

  tandem_test_edit_title (document, "Changed");
  assert_save_fails (document, fixture->file, TANDEM_STORAGE_ERROR_READ_ONLY, "read-only");

  after = read_bytes (fixture->path, &after_length);
  g_assert_cmpmem (before, before_length, after, after_length);
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
}

static void
test_save_vanished_folder (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TandemDocument) document = make_sample ();
  g_autofree char *folder = g_build_filename (fixture->dir, "Board papers", NULL);
  g_autofree char *path = g_build_filename (folder, "project.tandem", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_mkdir (folder, 0755);
  save_or_die (document, file);
  tandem_test_remove_tree (folder);

  tandem_test_edit_title (document, "Changed");
  assert_save_fails (document, file, TANDEM_STORAGE_ERROR_FOLDER_MISSING, "no longer exists");
}

static void
test_save_over_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TandemDocument) document = make_sample ();

  g_mkdir (fixture->path, 0755);
  assert_save_fails (document, fixture->file, TANDEM_STORAGE_ERROR_IS_DIRECTORY, "folder");
}

static void
test_save_full_disk (Fixture       *fixture,
                     gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(TandemDocument) small = make_sample ();
      g_autoptr(TandemDocument) big = tandem_test_generate_document (20000);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      gsize before_length, after_length;
      struct rlimit limit;

      save_or_die (small, fixture->file);
      before = read_bytes (fixture->path, &before_length);

      /* Files may not grow past 64 KiB: writes fail as they do on a full disk. */
      signal (SIGXFSZ, SIG_IGN);
      limit.rlim_cur = 64 * 1024;
      limit.rlim_max = RLIM_INFINITY;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      assert_save_fails (big, fixture->file, TANDEM_STORAGE_ERROR_NO_SPACE, "not enough space");

      after = read_bytes (fixture->path, &after_length);
      g_assert_cmpmem (before, before_length, after, after_length);
      g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_save_full_filesystem (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *mount = NULL;
  g_autofree char *command = NULL;
  int status = -1;

  if (g_test_subprocess ())
    {
      /* The assertions run here, so that a failing one cannot leave the mount behind: the
       * parent unmounts whatever happens to this process. */
      g_autoptr(TandemDocument) big = tandem_test_generate_document (20000);
      const char *small_disk = g_getenv ("TANDEM_TEST_SMALL_DISK");
      g_autofree char *path = g_build_filename (small_disk, "project.tandem", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      assert_save_fails (big, file, TANDEM_STORAGE_ERROR_NO_SPACE, "not enough space");
      g_assert_cmpuint (count_entries (small_disk), ==, 0);
      return;
    }

  mount = g_build_filename (fixture->dir, "small-disk", NULL);
  g_mkdir (mount, 0755);
  command = g_strdup_printf ("mount -t tmpfs -o size=128k tmpfs '%s'", mount);
  if (getuid () != 0 || !g_spawn_command_line_sync (command, NULL, NULL, &status, NULL) ||
      status != 0)
    {
      g_test_skip ("a small tmpfs cannot be mounted here; the RLIMIT_FSIZE case covers this");
      return;
    }

  g_setenv ("TANDEM_TEST_SMALL_DISK", mount, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("TANDEM_TEST_SMALL_DISK");

  g_free (command);
  command = g_strdup_printf ("umount '%s'", mount);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_test_trap_assert_passed ();
}

/* Migrations, with a synthetic history so the machinery is tested whatever the real one is. */

static const char *synthetic_scripts[] = {
  "CREATE TABLE note (id TEXT PRIMARY KEY NOT NULL, text TEXT NOT NULL DEFAULT '') STRICT;",
  "ALTER TABLE note ADD COLUMN author TEXT NOT NULL DEFAULT 'unknown';"
  "CREATE TABLE tag (id TEXT PRIMARY KEY NOT NULL, note_id TEXT NOT NULL) STRICT;",
};

static void
test_migration_machinery (void)
{
  TandemSchemaSet set = { synthetic_scripts, G_N_ELEMENTS (synthetic_scripts) };
  g_autoptr(GError) error = NULL;
  g_autofree char *difference = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  sqlite3_open (":memory:", &db);
  g_assert_true (_tandem_schema_create (db, &set, 1, &error));
  g_assert_no_error (error);
  _tandem_sqlite_exec (db, "INSERT INTO note (id, text) VALUES ('n1', 'Hello')", NULL);

  g_assert_true (_tandem_schema_matches (db, &set, 1, NULL, &error));
  g_assert_false (_tandem_schema_matches (db, &set, 2, &difference, &error));
  g_assert_no_error (error);
  g_assert_nonnull (difference);

  g_assert_true (_tandem_schema_migrate (db, &set, 1, 2, &error));
  g_assert_no_error (error);
  g_assert_true (_tandem_schema_matches (db, &set, 2, NULL, &error));

  sqlite3_prepare_v2 (db, "SELECT text, author FROM note", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "Hello");
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 1), ==, "unknown");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_migration_failure_rolls_back (void)
{
  const char *scripts[] = { synthetic_scripts[0], "ALTER TABLE missing ADD COLUMN x TEXT;" };
  TandemSchemaSet set = { scripts, 2 };
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  sqlite3_open (":memory:", &db);
  _tandem_schema_create (db, &set, 1, NULL);
  g_assert_false (_tandem_schema_migrate (db, &set, 1, 2, &error));
  g_assert_nonnull (error);
  g_assert_true (_tandem_schema_matches (db, &set, 1, NULL, NULL));
  sqlite3_close (db);
}

/* Every fixture made by an older (or the current) version opens and reads as expected:
 * tests/fixtures/schema-vN.tandem beside schema-vN.expected.json, the JSON export that a
 * correct migration gives. */
static void
test_migration_fixtures (void)
{
  g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "fixtures", NULL);
  guint found = 0;

  for (int version = 1; version <= TANDEM_SCHEMA_VERSION; version++)
    {
      g_autofree char *name = g_strdup_printf ("schema-v%d.tandem", version);
      g_autofree char *expected_name = g_strdup_printf ("schema-v%d.expected.json", version);
      g_autofree char *path = g_build_filename (fixtures, name, NULL);
      g_autofree char *expected_path = g_build_filename (fixtures, expected_name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(TandemDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *actual = NULL;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;

      found++;
      g_assert_cmpint (tandem_storage_peek_version (file, NULL), ==, version);
      document = tandem_storage_load (file, NULL, &error);
      g_assert_no_error (error);
      g_assert_false (tandem_document_get_modified (document));

      actual = to_json (document);
      g_file_get_contents (expected_path, &expected, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (actual, ==, expected);
    }

  g_assert_cmpuint (found, >=, 1);
}

/* schema-v4.tandem is the sample as the version-4 Tandem built it from data/sample/riverside.json,
 * kept as tests/fixtures/riverside-v3.json since the sample gained its engagement record:
 * reading that JSON (format 3) today gives the same document as migrating the file, so the two
 * ways an old single feeling becomes a vote, and old times get their units, agree. */
static void
test_migration_agrees_with_json (void)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "fixtures", "riverside-v3.json",
                                                   NULL);
  g_autofree char *expected_path = g_test_build_filename (G_TEST_DIST, "fixtures",
                                                          "schema-v4.expected.json", NULL);
  g_autofree char *data = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (sample, &data, &length, &error);
  g_assert_no_error (error);
  document = tandem_json_read_document (data, length, &error);
  g_assert_no_error (error);
  g_file_get_contents (expected_path, &expected, NULL, &error);
  g_assert_no_error (error);
  actual = to_json (document);
  g_assert_cmpstr (actual, ==, expected);
}

/* The one reader of untrusted files: each kind of file that is not a small regular file is
 * refused with its sentence, without waiting and without reading past the limit. */
static void
test_untrusted_read (void)
{
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *good_path = g_build_filename (dir, "good.json", NULL);
  g_autofree char *fifo_path = g_build_filename (dir, "pipe.json", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GFile) fifo = g_file_new_for_path (fifo_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GFile) null_device = g_file_new_for_path ("/dev/null");
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/none.json");
  g_autoptr(GFile) status = g_file_new_for_path ("/proc/self/status");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const struct {
    GFile *file;
    int code;
    const char *message;
  } refusals[] = {
    { fifo, TANDEM_STORAGE_ERROR_NOT_TANDEM,
      "“pipe.json” is a pipe, not a test file. Choose a file saved on disk." },
    { zero, TANDEM_STORAGE_ERROR_NOT_TANDEM,
      "“zero” is a device, not a test file. Choose a file saved on disk." },
    { null_device, TANDEM_STORAGE_ERROR_NOT_TANDEM,
      "“null” is a device, not a test file. Choose a file saved on disk." },
    { folder, TANDEM_STORAGE_ERROR_IS_DIRECTORY, "is a folder, not a test file." },
    { missing, TANDEM_STORAGE_ERROR_NOT_FOUND,
      "“none.json” does not exist. Check the name and try again." },
  };
  gsize length;

  g_assert_true (g_file_set_contents (good_path, "{\"a\":1}", -1, NULL));
  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);

  /* A small regular file: read whole, named, and followed by a zero byte for text. */
  bytes = tandem_untrusted_file_read (good, 1024, "a test file", &name, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "good.json");
  g_assert_cmpmem (g_bytes_get_data (bytes, &length), length, "{\"a\":1}", 7);
  g_assert_cmpint (((const char *)g_bytes_get_data (bytes, NULL))[length], ==, '\0');
  g_clear_pointer (&bytes, g_bytes_unref);

  /* Exactly at the limit is allowed; one byte more is not. */
  bytes = tandem_untrusted_file_read (good, 7, "a test file", NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = tandem_untrusted_file_read (good, 6, "a test file", NULL, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      bytes = tandem_untrusted_file_read (refusals[i].file, 1024, "a test file", NULL, NULL,
                                          &error);
      g_assert_null (bytes);
      g_assert_error (error, TANDEM_STORAGE_ERROR, refusals[i].code);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, refusals[i].message));
      g_clear_error (&error);
    }

  /* A regular file whose size says 0 but that holds more than the limit (as a file still
   * being written may): the read stops at the limit instead of trusting the size. */
  bytes = tandem_untrusted_file_read (status, 16, "a test file", NULL, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "“status” is larger than"));
  g_clear_error (&error);

  tandem_test_remove_tree (dir);
}

static void
on_untrusted_read_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_untrusted_read_async (void)
{
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *fifo_path = g_build_filename (dir, "pipe.json", NULL);
  g_autoptr(GFile) fifo = g_file_new_for_path (fifo_path);
  g_autoptr(GFile) sample = g_file_new_for_path ("/proc/self/status");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);

  tandem_untrusted_file_read_async (fifo, 1024, "a file to attach", NULL, on_untrusted_read_cb,
                                    &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (tandem_untrusted_file_read_finish (result, &name, &error));
  g_assert_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_NOT_TANDEM);
  g_assert_null (name);
  g_clear_error (&error);
  g_clear_object (&result);

  tandem_untrusted_file_read_async (sample, 1024 * 1024, "a file to attach", NULL,
                                    on_untrusted_read_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  bytes = tandem_untrusted_file_read_finish (result, &name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "status");
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);

  tandem_test_remove_tree (dir);
}

static GBytes *
read_stream_or_error (GInputStream  *stream,
                      gsize          max_size,
                      GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tandem_untrusted_stream_read_async (stream, max_size, NULL, on_untrusted_read_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return tandem_untrusted_stream_read_finish (result, error);
}

/* The clipboard is a stream another program writes: read to its end or to the limit. */
static void
test_untrusted_stream (void)
{
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GInputStream) endless = NULL;
  g_autoptr(GInputStream) small = NULL;
  g_autoptr(GInputStream) over = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  small = g_memory_input_stream_new_from_data ("{\"a\":1}", 7, NULL);
  bytes = read_stream_or_error (small, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 7);
  g_assert_cmpint (((const char *)g_bytes_get_data (bytes, NULL))[7], ==, '\0');
  g_clear_pointer (&bytes, g_bytes_unref);

  over = g_memory_input_stream_new_from_data ("{\"a\":1}", 7, NULL);
  g_assert_null (read_stream_or_error (over, 6, &error));
  g_assert_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* A stream without end stops at the limit. */
  endless = G_INPUT_STREAM (g_file_read (zero, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (read_stream_or_error (endless, 1024 * 1024, &error));
  g_assert_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_TOO_LARGE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/storage/round-trip", test_round_trip);
  ADD ("/storage/file-header", test_file_header);
  ADD ("/storage/save/atomic", test_save_is_atomic);
  ADD ("/storage/save/new-file-mode", test_new_file_mode);
  ADD ("/storage/save/async", test_save_async);
  ADD ("/storage/save/read-only", test_save_read_only);
  ADD ("/storage/save/vanished-folder", test_save_vanished_folder);
  ADD ("/storage/save/over-folder", test_save_over_folder);
  ADD ("/storage/save/full-disk", test_save_full_disk);
  ADD ("/storage/save/full-filesystem", test_save_full_filesystem);
  ADD ("/storage/open/text-file", test_open_text_file);
  ADD ("/storage/open/empty", test_open_empty_file);
  ADD ("/storage/open/truncated", test_open_truncated);
  ADD ("/storage/open/corrupted-page", test_open_corrupted_page);
  ADD ("/storage/open/other-program", test_open_other_program);
  ADD ("/storage/open/newer-version", test_open_newer_version);
  ADD ("/storage/open/extra-table", test_open_extra_table);
  ADD ("/storage/open/extra-trigger", test_open_extra_trigger);
  ADD ("/storage/open/extra-view", test_open_extra_view);
  ADD ("/storage/open/changed-column", test_open_changed_column);
  ADD ("/storage/open/overlong-field", test_open_overlong_field);
  ADD ("/storage/open/bad-values", test_open_bad_values);
  ADD ("/storage/open/too-many-objects", test_open_too_many_objects);
  ADD ("/storage/open/positions-out-of-order", test_open_positions_out_of_rowid_order);
  ADD ("/storage/open/user-version", test_open_user_version);
  ADD ("/storage/open/changed-attachment", test_open_changed_attachment);
  ADD ("/storage/open/folder", test_open_folder);
  ADD ("/storage/open/not-regular", test_open_not_regular);
  ADD ("/storage/open/missing", test_open_missing);
  ADD ("/storage/open/leaves-file-alone", test_open_leaves_file_alone);

#undef ADD

  g_test_add_func ("/storage/untrusted-read/sync", test_untrusted_read);
  g_test_add_func ("/storage/untrusted-read/async", test_untrusted_read_async);
  g_test_add_func ("/storage/untrusted-read/stream", test_untrusted_stream);
  g_test_add_func ("/storage/migrate/machinery", test_migration_machinery);
  g_test_add_func ("/storage/migrate/failure-rolls-back", test_migration_failure_rolls_back);
  g_test_add_func ("/storage/migrate/fixtures", test_migration_fixtures);
  g_test_add_func ("/storage/migrate/agrees-with-json", test_migration_agrees_with_json);

  return g_test_run ();
}
