/* test-csv.c: engagement logs from spreadsheets, in and out as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tandem-activity.h"
#include "tandem-csv.h"
#include "tandem-document.h"
#include "tandem-engagement.h"
#include "tandem-group.h"
#include "tandem-json.h"
#include "tandem-list.h"
#include "tandem-test-util.h"
#include "tandem-theme.h"

static TandemDocument *
load_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "sample",
                                                 "riverside.json", NULL);
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  TandemDocument *document;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  document = tandem_json_read_document (data, length, &error);
  g_assert_no_error (error);

  return document;
}

static char *
snapshot (TandemDocument *document)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  char *json = tandem_json_write_document (document, &length, &error);

  g_assert_no_error (error);
  return json;
}

static GBytes *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "csv", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  return g_bytes_new_take (data, length);
}

static TandemCsvImport *
preview (TandemDocument *document,
         const char     *name,
         GError        **error)
{
  g_autoptr(GBytes) bytes = read_fixture (name);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return tandem_csv_import_new (document, data, size, error);
}

/* A file that cannot be read at all: its sentence, and the project as it was. */
static void
assert_file_refused (const char *name,
                     const char *words)
{
  g_autoptr(TandemDocument) document = load_sample ();
  g_autofree char *before = snapshot (document);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCsvImport) import = preview (document, name, &error);

  g_assert_null (import);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_test_message ("%s: %s", name, error->message);
  g_assert_nonnull (strstr (error->message, words));
  after = snapshot (document);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (tandem_document_can_undo (document));
}

/* A file with bad rows: each problem's sentence; nothing imported unless the bad rows are
 * left out. */
static void
assert_row_problem (const char *name,
                    guint       row,
                    const char *column,
                    const char *words)
{
  g_autoptr(TandemDocument) document = load_sample ();
  g_autofree char *before = snapshot (document);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCsvImport) import = preview (document, name, &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (tandem_csv_import_get_n_bad_rows (import), >, 0);

  for (guint i = 0; i < tandem_csv_import_get_n_problems (import); i++)
    {
      const TandemCsvProblem *problem = tandem_csv_import_get_problem (import, i);
      g_autofree char *sentence = tandem_csv_import_describe_problem (import, i);

      g_test_message ("%s: %s", name, sentence);
      if (problem->row == row && g_strcmp0 (problem->column, column) == 0 &&
          strstr (problem->message, words) != NULL)
        found = TRUE;
    }
  g_assert_true (found);

  g_assert_cmpuint (tandem_csv_import_apply (import, FALSE, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "leave"));
  after = snapshot (document);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (tandem_document_can_undo (document));
}

static void
test_latin1 (void)
{
  assert_file_refused ("latin1.csv", "line 2 has a character in another encoding");
  assert_file_refused ("latin1.csv", "CSV UTF-8");
}

static void
test_no_header (void)
{
  assert_file_refused ("no-header.csv", "does not name its columns");
}

static void
test_no_stage_column (void)
{
  assert_file_refused ("no-stage-column.csv", "no “Stage” column");
}

static void
test_open_quote (void)
{
  assert_file_refused ("open-quote.csv", "quote mark");
}

static void
test_empty (void)
{
  assert_file_refused ("empty.csv", "The file is empty");
}

static void
test_bad_date (void)
{
  assert_row_problem ("bad-date.csv", 3, "Date", "there is no such day");
  assert_row_problem ("bad-date.csv", 4, "Date", "“next Tuesday” is not a date");
}

static void
test_negative_count (void)
{
  assert_row_problem ("negative-count.csv", 2, "Number of people", "“-4” is a negative number");
}

static void
test_unknown_stage (void)
{
  assert_row_problem ("unknown-stage.csv", 2, "Stage",
                      "“Planning” is not a stage Tandem knows; write one of: Case for change, "
                      "Options, Pre-consultation, Consultation, Decision, Implementation, "
                      "Evaluation.");
}

static void
test_unknown_method (void)
{
  g_autoptr(TandemDocument) document = load_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCsvImport) import = preview (document, "unknown-method.csv", &error);
  g_autofree char *weather = NULL;
  g_autofree char *when = NULL;

  assert_row_problem ("unknown-method.csv", 2, "Method",
                      "“Knitting circle” is not a method Tandem knows; write one of: Workshop, "
                      "Interview, Focus group, Survey, Drop-in,");
  assert_row_problem ("unknown-method.csv", 2, "Ladder",
                      "“Top rung” is not a rung of the ladder; write one of: Not assessed, "
                      "Coercion,");

  /* The preview names the columns it leaves out, and why. */
  g_assert_no_error (error);
  g_assert_null (tandem_csv_import_get_match (import, 4));
  weather = tandem_csv_import_describe_column (import, 4);
  g_assert_cmpstr (weather, ==, "Column 5, “Weather”: not a column Tandem knows; left out.");
  when = tandem_csv_import_describe_column (import, 5);
  g_assert_cmpstr (when, ==, "Column 6, “When”: left out, because an earlier column is read as "
                             "Date.");
}

/* Leaving the bad rows out imports the rest, in one undo step. */
static void
test_leave_out_bad_rows (void)
{
  g_autoptr(TandemDocument) document = load_sample ();
  g_autofree char *before = snapshot (document);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCsvImport) import = preview (document, "bad-date.csv", &error);
  TandemList *activities = tandem_document_get_activities (document);
  guint n = tandem_list_get_n (activities);

  g_assert_no_error (error);
  g_assert_cmpuint (tandem_csv_import_get_n_rows (import), ==, 3);
  g_assert_cmpuint (tandem_csv_import_get_n_bad_rows (import), ==, 2);
  g_assert_cmpuint (tandem_csv_import_apply (import, TRUE, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_list_get_n (activities), ==, n + 1);
  g_assert_cmpstr (tandem_activity_get_date (tandem_list_get (activities, n)), ==, "2026-01-12");

  g_assert_cmpstr (tandem_document_get_undo_label (document), ==, "Import engagement log");
  g_assert_true (tandem_document_undo (document));
  after = snapshot (document);
  g_assert_cmpstr (before, ==, after);
}

static void
test_good_files (void)
{
  const char *names[] = { "good-bom.csv", "good-no-bom.csv" };

  for (guint f = 0; f < G_N_ELEMENTS (names); f++)
    {
      g_autoptr(TandemDocument) document = load_sample ();
      g_autoptr(GError) error = NULL;
      g_autoptr(TandemCsvImport) import = preview (document, names[f], &error);
      TandemList *activities = tandem_document_get_activities (document);
      guint n = tandem_list_get_n (activities);
      TandemActivity *first, *second;

      g_assert_no_error (error);
      g_assert_cmpuint (tandem_csv_import_get_n_bad_rows (import), ==, 0);
      /* The headers, whatever their case or spacing, read as Tandem's columns. */
      g_assert_cmpstr (tandem_csv_import_get_header (import, 0), ==,
                       f == 0 ? "Date" : "date");
      g_assert_cmpstr (tandem_csv_import_get_match (import, 0), ==, "Date");
      g_assert_cmpstr (tandem_csv_import_get_match (import, 1), ==, "Activity");
      g_assert_cmpstr (tandem_csv_import_get_match (import, 2), ==, "Stage");

      g_assert_cmpuint (tandem_csv_import_apply (import, FALSE, &error), ==, 2);
      g_assert_no_error (error);
      first = tandem_list_get (activities, n);
      second = tandem_list_get (activities, n + 1);
      g_assert_cmpstr (tandem_activity_get_title (first), ==, "Drop-in at the library");
      g_assert_cmpstr (tandem_activity_get_date (first), ==, "2026-01-12");
      g_assert_cmpint (tandem_activity_get_stage (first), ==,
                       TANDEM_CHANGE_STAGE_CASE_FOR_CHANGE);
      g_assert_cmpint (tandem_activity_get_participants (first), ==, 14);
      g_assert_cmpint (tandem_activity_get_stage (second), ==, TANDEM_CHANGE_STAGE_OPTIONS);
      g_assert_cmpint (tandem_activity_get_participants (second), ==, f == 0 ? 230 : 1200);
      g_assert_cmpstr (tandem_activity_get_date (second), ==, "2026-02-03");
      g_assert_cmpuint (tandem_list_get_n (tandem_activity_get_groups (first)), ==,
                        f == 0 ? 2 : 1);
    }
}

static void
test_quoted (void)
{
  g_autoptr(TandemDocument) document = load_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCsvImport) import = preview (document, "quoted.csv", &error);
  TandemList *activities = tandem_document_get_activities (document);
  guint n = tandem_list_get_n (activities);
  TandemActivity *activity;

  g_assert_no_error (error);
  g_assert_cmpuint (tandem_csv_import_apply (import, FALSE, &error), ==, 1);
  activity = tandem_list_get (activities, n);
  g_assert_cmpstr (tandem_activity_get_title (activity), ==, "Drop-in, with tea");
  g_assert_cmpstr (tandem_activity_get_place (activity), ==, "Library, High Street");
  g_assert_cmpstr (tandem_activity_get_notes (activity), ==,
                   "First line\r\nsecond line, with \"quotes\"");
}

/* Groups the project has match by name in any case; built-in ones and new ones are added, and
 * the preview says so before anything changes. */
static void
test_new_groups (void)
{
  g_autoptr(TandemDocument) document = load_sample ();
  const char *csv = "Date,Activity,Stage,Groups reached\n"
                    "12/01/2026,Walk,Options,\"parents of young children; Choir members\"\n"
                    "13/01/2026,Talk,Options,\"Gypsy, Roma and Traveller communities, Choir "
                    "members\"\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCsvImport) import = tandem_csv_import_new (document, csv, strlen (csv),
                                                             &error);
  TandemList *groups = tandem_document_get_groups (document);
  TandemList *activities = tandem_document_get_activities (document);
  guint n_groups = tandem_list_get_n (groups);
  guint n = tandem_list_get_n (activities);
  g_autofree char *sentence = NULL;

  g_assert_no_error (error);
  sentence = tandem_csv_import_describe_new_groups (import);
  g_assert_cmpstr (sentence, ==, "This project has no group called Choir members: importing "
                                 "adds it.");
  g_assert_cmpuint (tandem_csv_import_apply (import, FALSE, &error), ==, 2);
  g_assert_cmpuint (tandem_list_get_n (groups), ==, n_groups + 1);
  g_assert_cmpstr (tandem_group_get_name (tandem_list_get (groups, n_groups)), ==,
                   "Choir members");
  g_assert_cmpuint (tandem_list_get_n (tandem_activity_get_groups (tandem_list_get (activities,
                                                                                     n + 1))),
                    ==, 2);
}

/* What Tandem writes, Tandem reads back as it was; Excel sees a BOM, CRLF and no formulas. */
static void
test_round_trip (void)
{
  g_autoptr(TandemDocument) document = load_sample ();
  g_autoptr(TandemDocument) empty = tandem_document_new_project ();
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemCsvImport) import = NULL;
  TandemList *activities = tandem_document_get_activities (document);
  TandemActivity *first = tandem_list_get (activities, 0);
  gsize size;
  const char *data;

  /* A title a spreadsheet would run as a formula. */
  tandem_document_begin (document, "Edit");
  tandem_activity_set_title (first, "=HYPERLINK(\"http://example.com\")");
  tandem_document_commit (document);

  csv = tandem_csv_export_activities (document);
  data = g_bytes_get_data (csv, &size);
  g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF\"Activity\",\"Date\",\"Stage\""));
  g_assert_nonnull (g_strstr_len (data, size, "\r\n\"'=HYPERLINK(\"\"http://example.com\"\")\""));

  import = tandem_csv_import_new (empty, data, size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_csv_import_get_n_bad_rows (import), ==, 0);
  g_assert_cmpuint (tandem_csv_import_apply (import, FALSE, &error), ==,
                    tandem_list_get_n (activities));
  g_assert_no_error (error);

  for (guint i = 0; i < tandem_list_get_n (activities); i++)
    {
      TandemActivity *a = tandem_list_get (activities, i);
      TandemActivity *b = tandem_list_get (tandem_document_get_activities (empty), i);

      g_assert_cmpstr (tandem_activity_get_title (a), ==, tandem_activity_get_title (b));
      g_assert_cmpstr (tandem_activity_get_date (a), ==, tandem_activity_get_date (b));
      g_assert_cmpstr (tandem_activity_get_place (a), ==, tandem_activity_get_place (b));
      g_assert_cmpstr (tandem_activity_get_notes (a), ==, tandem_activity_get_notes (b));
      g_assert_cmpint (tandem_activity_get_stage (a), ==, tandem_activity_get_stage (b));
      g_assert_cmpint (tandem_activity_get_method (a), ==, tandem_activity_get_method (b));
      g_assert_cmpint (tandem_activity_get_rung (a), ==, tandem_activity_get_rung (b));
      g_assert_cmpint (tandem_activity_get_support (a), ==, tandem_activity_get_support (b));
      g_assert_cmpint (tandem_activity_get_participants (a), ==,
                       tandem_activity_get_participants (b));
      g_assert_cmpuint (tandem_list_get_n (tandem_activity_get_groups (a)), ==,
                        tandem_list_get_n (tandem_activity_get_groups (b)));
    }

  /* The same file out again. */
  again = tandem_csv_export_activities (empty);
  if (!g_bytes_equal (csv, again))
    g_test_message ("%.*s\n----\n%.*s", (int)size, data, (int)g_bytes_get_size (again),
                    (const char *)g_bytes_get_data (again, NULL));
  g_assert_true (g_bytes_equal (csv, again));
}

static void
test_export_themes (void)
{
  g_autoptr(TandemDocument) document = load_sample ();
  g_autoptr(GBytes) csv = tandem_csv_export_themes (document);
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "themes.csv", NULL);
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  TandemTheme *theme = tandem_list_get (tandem_document_get_themes (document), 0);

  g_assert_true (tandem_csv_write (csv, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, &size, &error));
  g_assert_cmpmem (written, size, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_assert_true (g_str_has_prefix (written, "\xEF\xBB\xBF\"Theme\",\"What people said\""));
  g_assert_nonnull (strstr (written, tandem_theme_get_title (theme)));
  g_assert_true (g_str_has_suffix (written, "\r\n"));
  tandem_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/refused/latin1", test_latin1);
  g_test_add_func ("/csv/refused/no-header", test_no_header);
  g_test_add_func ("/csv/refused/no-stage-column", test_no_stage_column);
  g_test_add_func ("/csv/refused/open-quote", test_open_quote);
  g_test_add_func ("/csv/refused/empty", test_empty);
  g_test_add_func ("/csv/row/bad-date", test_bad_date);
  g_test_add_func ("/csv/row/negative-count", test_negative_count);
  g_test_add_func ("/csv/row/unknown-stage", test_unknown_stage);
  g_test_add_func ("/csv/row/unknown-method", test_unknown_method);
  g_test_add_func ("/csv/leave-out-bad-rows", test_leave_out_bad_rows);
  g_test_add_func ("/csv/good", test_good_files);
  g_test_add_func ("/csv/quoted", test_quoted);
  g_test_add_func ("/csv/new-groups", test_new_groups);
  g_test_add_func ("/csv/round-trip", test_round_trip);
  g_test_add_func ("/csv/export-themes", test_export_themes);

  return g_test_run ();
}
