/* test-json.c: the JSON interchange format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "tandem-condition.h"
#include "tandem-json.h"
#include "tandem-snapshot.h"
#include "tandem-storage.h"
#include "tandem-storage-private.h"
#include "tandem-test-util.h"

static TandemDocument *
make_sample (void)
{
  TandemDocument *document = tandem_test_generate_document (50);

  tandem_document_begin (document, "Sample");
  tandem_document_set_summary (document, "Line one\nLine two with “quotes”, tabs\tand عربى.");
  tandem_document_set_status (document, TANDEM_PROJECT_STATUS_APPROVED);
  tandem_document_set_fictional (document, TRUE);
  tandem_document_commit (document);

  return document;
}

static char *
export (TandemDocument *document)
{
  g_autoptr(GError) error = NULL;
  char *json = tandem_json_write_document (document, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (json);

  return json;
}

static void
test_round_trip_bytes (void)
{
  g_autoptr(TandemDocument) document = make_sample ();
  g_autoptr(TandemDocument) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = export (document);
  g_autofree char *second = NULL;

  imported = tandem_json_read_document (first, strlen (first), &error);
  g_assert_no_error (error);
  g_assert_false (tandem_document_get_modified (imported));
  second = export (imported);

  g_assert_cmpstr (first, ==, second);
  g_assert_cmpstr (tandem_document_get_summary (imported), ==, tandem_document_get_summary (document));
}

static void
test_round_trip_through_file (void)
{
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *json_path = g_build_filename (dir, "a.json", NULL);
  g_autofree char *json_path2 = g_build_filename (dir, "b.json", NULL);
  g_autofree char *tandem_path = g_build_filename (dir, "a.tandem", NULL);
  g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
  g_autoptr(GFile) json_file2 = g_file_new_for_path (json_path2);
  g_autoptr(GFile) tandem_file = g_file_new_for_path (tandem_path);
  g_autoptr(TandemDocument) document = make_sample ();
  g_autoptr(TandemDocument) imported = NULL;
  g_autoptr(TandemDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_true (tandem_json_export (document, json_file, &error));
  imported = tandem_json_import (json_file, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_storage_save (imported, tandem_file, NULL, &error));
  reopened = tandem_storage_load (tandem_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_json_export (reopened, json_file2, &error));

  g_file_get_contents (json_path, &first, NULL, NULL);
  g_file_get_contents (json_path2, &second, NULL, NULL);
  g_assert_cmpstr (first, ==, second);

  tandem_test_remove_tree (dir);
}

typedef struct
{
  const char *name;
  const char *json;
  const char *fragment;
} BadCase;

static void
test_bad_input (void)
{
  g_autofree char *long_title = NULL;
  g_autofree char *long_case = NULL;
  g_autoptr(GString) deep = g_string_new ("{\"format\":\"tandem\",\"version\":" G_STRINGIFY (TANDEM_SCHEMA_VERSION) ",\"project\":");
  BadCase cases[] = {
    { "not json", "this is not JSON", NULL },
    { "empty", "", NULL },
    { "array root", "[1, 2, 3]", "object" },
    { "wrong format", "{\"format\":\"recipes\",\"version\":" G_STRINGIFY (TANDEM_SCHEMA_VERSION) ",\"project\":{\"id\":\"p\"}}", "format" },
    { "newer version", "{\"format\":\"tandem\",\"version\":99,\"project\":{\"id\":\"p\"}}", "newer" },
    { "no project", "{\"format\":\"tandem\",\"version\":1}", "project" },
    { "unknown top member", "{\"format\":\"tandem\",\"version\":" G_STRINGIFY (TANDEM_SCHEMA_VERSION) ",\"project\":{\"id\":\"p\"},\"x\":1}", "“x”" },
    { "missing id", "{\"format\":\"tandem\",\"version\":" G_STRINGIFY (TANDEM_SCHEMA_VERSION) ",\"project\":{\"title\":\"T\"}}", "id" },
    { "unknown field", NULL, "“colour”" },
    { "wrong type", NULL, "/project/title" },
    { "bad enum", NULL, "“maybe”" },
    { "boolean as number", NULL, "true or false" },
    { "list not array", NULL, "Expected a list" },
    { "duplicate id", NULL, "used twice" },
    { "bad condition key", NULL, "condition key" },
    { "overlong", NULL, "at most" },
    { "deep", NULL, "levels deep" },
    { "version 0", "{\"format\":\"tandem\",\"version\":0,\"project\":{\"id\":\"p\"}}", "“version” is 0, but Tandem file formats are numbered from 1" },
    { "version -1", "{\"format\":\"tandem\",\"version\":-1,\"project\":{\"id\":\"p\"}}", "“version” is -1," },
    { "version beyond 32 bits", "{\"format\":\"tandem\",\"version\":4294967297,\"project\":{\"id\":\"p\"}}", "format 4294967297;" },
    { "version beyond 64 bits", "{\"format\":\"tandem\",\"version\":99999999999999999999999,\"project\":{\"id\":\"p\"}}", "the number 99999999999999999999999 is beyond the range of numbers Tandem reads" },
    { "fractional version", "{\"format\":\"tandem\",\"version\":1.5,\"project\":{\"id\":\"p\"}}", "“version” is 1.5, which is not" },
    { "version as text", "{\"format\":\"tandem\",\"version\":\"3\",\"project\":{\"id\":\"p\"}}", "should be a whole number" },
  };
  const char *members[] = {
    ",\"colour\":\"red\"",
    ",\"title\":5",
    ",\"status\":\"maybe\"",
    ",\"fictional\":1",
    ",\"conditions\":{}",
    ",\"conditions\":[{\"id\":\"p\",\"key\":\"a\",\"label\":\"A\"}]",
    ",\"conditions\":[{\"id\":\"c\",\"key\":\"Not Valid\",\"label\":\"A\"}]",
  };

  long_title = g_strnfill (TANDEM_TEXT_MAX + 1, 'x');
  long_case = g_strdup_printf ("{\"format\":\"tandem\",\"version\":" G_STRINGIFY (TANDEM_SCHEMA_VERSION) ",\"project\":"
                               "{\"id\":\"p\",\"title\":\"%s\"}}", long_title);
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = NULL;
      g_autoptr(TandemDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      if (cases[i].json != NULL)
        json = g_strdup (cases[i].json);
      else if (i - 8 < G_N_ELEMENTS (members))
        json = g_strdup_printf ("{\"format\":\"tandem\",\"version\":" G_STRINGIFY (TANDEM_SCHEMA_VERSION) ",\"project\":"
                                "{\"id\":\"p\"%s}}", members[i - 8]);
      else if (g_str_equal (cases[i].name, "overlong"))
        json = g_strdup (long_case);
      else
        json = g_strdup (deep->str);

      document = tandem_json_read_document (json, strlen (json), &error);
      g_assert_null (document);
      g_assert_nonnull (error);
      g_test_message ("%s: %s", cases[i].name, error->message);
      if (cases[i].fragment != NULL && strstr (error->message, cases[i].fragment) == NULL)
        g_error ("%s: “%s” does not mention “%s”", cases[i].name, error->message,
                 cases[i].fragment);
    }
}

static void
test_import_bad_file (void)
{
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "broken.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/none.json");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "{\"format\":", -1, NULL);
  g_assert_null (tandem_json_import (file, &error));
  g_assert_nonnull (strstr (error->message, "broken.json"));
  g_clear_error (&error);

  g_assert_null (tandem_json_import (missing, &error));
  g_assert_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (tandem_json_import (folder, &error));
  g_assert_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_IS_DIRECTORY);

  tandem_test_remove_tree (dir);
}

typedef struct
{
  const char *name;
  const char *json;
  const char *fragment;
} SyntaxCase;

/* Appends @n opening brackets and as many closing ones: deep enough to exhaust the stack of
 * a parser that recurses, if anything lets it through. */
static char *
with_brackets (const char *prefix,
               guint       n)
{
  GString *text = g_string_new (prefix);

  for (guint i = 0; i < n; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < n; i++)
    g_string_append_c (text, ']');

  return g_string_free (text, FALSE);
}

static void
test_strict_syntax (void)
{
  /* json-glib accepts comments and single quotes; both once hid brackets from the depth
   * count, and 100,000 of them crashed the import. Everything that is not RFC 8259 JSON is
   * refused with a sentence, before json-glib sees it. */
  g_autofree char *comment_brackets = with_brackets ("/*\"*/", 100000);
  g_autofree char *quote_brackets = with_brackets ("['\"',", 100000);
  g_autofree char *line_comment_brackets = with_brackets ("//\"\n", 100000);
  g_autofree char *plain_brackets = with_brackets ("", 100000);
  const SyntaxCase cases[] = {
    { "comment hiding brackets", comment_brackets, "comments are not allowed" },
    { "single quote hiding brackets", quote_brackets, "single quotes" },
    { "line comment hiding brackets", line_comment_brackets, "comments are not allowed" },
    { "brackets", plain_brackets, "levels deep" },
    { "nul escape", "{\"format\":\"tan\\u0000dem\"}", "\\u0000" },
    { "nul escape in a name", "{\"a\\u0000b\":1}", "\\u0000" },
    { "raw nul", "{\"format\":\"tan\0dem\"}", "zero bytes" },
    { "raw control character", "{\"format\":\"tan\tdem\"}", "control character" },
    { "raw line break", "{\"format\":\"tan\ndem\"}", "Line 1, column 15" },
    { "lone high surrogate", "[\"\\ud800\"]", "surrogate" },
    { "lone low surrogate", "[\"\\udc00x\"]", "surrogate" },
    { "bad escape", "[\"\\x41\"]", "“\\x”" },
    { "short unicode escape", "[\"\\u12\"]", "four hexadecimal" },
    { "unclosed string", "[\"abc", "not closed" },
    { "single-quoted name", "{'format':1}", "single quotes" },
    { "unquoted name", "{format:1}", "name of a member" },
    { "trailing comma", "[1,2,]", "a value" },
    { "trailing comma in object", "{\"a\":1,}", "name of a member" },
    { "missing colon", "{\"a\" 1}", "“:”" },
    { "leading zero", "[01]", "“,” or “]”" },
    { "plus sign", "[+1]", "a value" },
    { "bare dot", "[1.]", "number" },
    { "hex number", "[0x10]", "“,” or “]”" },
    { "NaN", "[NaN]", "a value" },
    { "Infinity", "[-Infinity]", "number" },
    { "beyond 64 bits", "[-9223372036854775809]", "beyond the range" },
    { "beyond a double", "[1e999]", "beyond the range" },
    { "cut off", "{\"a\":[1,2", "cut off" },
    { "two values", "{} {}", "more after the end" },
    { "byte order mark", "\xEF\xBB\xBF{}", "byte order mark" },
    { "not UTF-8", "[\"\xff\"]", "UTF-8" },
    { "only space", " \n\t ", "empty" },
    { "second line", "{\n  \"a\": 1,\n  /* note */\n}", "Line 3, column 3" },
  };
  const char *good[] = {
    "{}", "[]", "0", "-0", "1.5e+3", "-0.25E-2", "true", "false", "null", "\"\"",
    " \t\r\n{ \"a\" : [ 1 , { } , [ ] , \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\" ] } ",
    "[\"عربى “quotes”\"]", "[9223372036854775807,-9223372036854775808,1e308,0.5e-400]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TandemDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      gsize length = strlen (cases[i].json);

      /* The raw zero byte case is the only one whose length strlen() does not give. */
      if (g_str_equal (cases[i].name, "raw nul"))
        length = sizeof "{\"format\":\"tan\0dem\"}" - 1;

      document = tandem_json_read_document (cases[i].json, length, &error);
      g_assert_null (document);
      g_assert_nonnull (error);
      g_test_message ("%s: %s", cases[i].name, error->message);
      if (strstr (error->message, cases[i].fragment) == NULL)
        g_error ("%s: “%s” does not mention “%s”", cases[i].name, error->message,
                 cases[i].fragment);
    }

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      if (!tandem_json_check_syntax (good[i], strlen (good[i]), 64, &error))
        g_error ("“%s” is JSON but was refused: %s", good[i], error->message);
    }
}

static void
test_import_not_regular (void)
{
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *fifo_path = g_build_filename (dir, "pipe.json", NULL);
  g_autofree char *out_path = g_build_filename (dir, "deep.json", NULL);
  g_autofree char *deep = with_brackets ("/*\"*/", 100000);
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GFile) fifo = g_file_new_for_path (fifo_path);
  g_autoptr(GFile) deep_file = g_file_new_for_path (out_path);
  g_autoptr(GError) error = NULL;

  /* A device never ends: refused before reading, not read until memory runs out. */
  g_assert_null (tandem_json_import (zero, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "“zero” is a device, not a Tandem JSON file"));
  g_clear_error (&error);

  /* A pipe with no writer: refused at once, where reading it would wait for ever. */
  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);
  g_assert_null (tandem_json_import (fifo, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "“pipe.json” is a pipe, not a Tandem JSON file"));
  g_clear_error (&error);

  /* The crashing file of issue 8, through the file importer, names the file. */
  g_assert_true (g_file_set_contents (out_path, deep, -1, NULL));
  g_assert_null (tandem_json_import (deep_file, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "“deep.json” is not a valid Tandem JSON file. "
                                            "Line 1, column 1: comments are not allowed"));

  tandem_test_remove_tree (dir);
}

static void
test_serialize_object (void)
{
  g_autoptr(TandemCondition) condition = tandem_condition_new ("beds-reduced", "Beds reduced");
  g_autoptr(JsonNode) node = tandem_json_serialize (TANDEM_OBJECT (condition));
  g_autoptr(TandemObject) copy = NULL;
  g_autoptr(GError) error = NULL;

  copy = tandem_json_deserialize (node, TANDEM_TYPE_CONDITION, "/condition", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_object_get_id (copy), ==, tandem_object_get_id (TANDEM_OBJECT (condition)));
  g_assert_cmpstr (tandem_condition_get_label (TANDEM_CONDITION (copy)), ==, "Beds reduced");
}

/* The copy an export works on, on its worker thread: built from the snapshot that saving
 * uses, the same document, and not touched by edits made after it was taken. */
static void
test_snapshot_copy (void)
{
  g_autoptr(TandemDocument) document = tandem_test_generate_document (2000);
  g_autoptr(TandemSnapshot) snapshot = NULL;
  g_autoptr(TandemDocument) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original_json = NULL;
  g_autofree char *copy_json = NULL;

  original_json = tandem_json_write_document (document, NULL, &error);
  g_assert_no_error (error);

  snapshot = _tandem_snapshot_new (document);
  tandem_test_edit_title (document, "Edited after the snapshot");

  /* Built on a thread of its own, as the export does. */
  {
    GThread *thread = g_thread_new ("snapshot-copy", (GThreadFunc)_tandem_snapshot_to_document,
                                    snapshot);

    copy = g_thread_join (thread);
  }

  g_assert_true (TANDEM_IS_DOCUMENT (copy));
  g_assert_false (tandem_document_get_modified (copy));
  g_assert_false (tandem_document_can_undo (copy));
  g_assert_cmpuint (tandem_document_get_n_objects (copy), ==,
                    tandem_document_get_n_objects (document));
  copy_json = tandem_json_write_document (copy, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (copy_json, ==, original_json);
}

/* The import builds its tree from the strict scan instead of through json-glib's parser: it
 * must be the same tree, value types and duplicate members included. */
static void
test_tree_as_json_glib (void)
{
  const char *cases[] = {
    "{}",
    "[]",
    "{\"a\":1,\"b\":-0,\"c\":12345678901234,\"d\":-9223372036854775808}",
    "[1.5, -2.5e-3, 1E5, 1e+2, 0.0, 3.141592653589793, 1e-300, 123456789.123456789]",
    "{\"t\": true, \"f\": false, \"n\": null}",
    "{\"text\": \"quote \\\" backslash \\\\ slash \\/ \\b\\f\\n\\r\\t\"}",
    "[\"\\u00e9t\\u00E9\", \"\\ud83d\\ude00\", \"café — raw\"]",
    "{\"a\": 1, \"b\": 2, \"a\": 3}",
    " \n\t{ \"nested\" : [ { \"x\" : [ [ ], { } ] } , [ 1 , [ 2 ] ] ] }\r\n",
    "{\"long name that is longer than most names a Tandem file has, to go past the "
    "buffer kept for short ones, and then some more words to be sure of it\": \"v\"}",
    "\"just text\"",
    "42",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonNode) tree = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *actual = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case: %s", cases[i]);
      g_assert_true (tandem_json_check_syntax (cases[i], strlen (cases[i]), 64, &error));
      g_assert_no_error (error);
      g_assert_true (json_parser_load_from_data (parser, cases[i], -1, &error));
      g_assert_no_error (error);

      tree = _tandem_json_build_tree (cases[i], strlen (cases[i]));
      g_assert_nonnull (tree);
      expected = json_to_string (json_parser_get_root (parser), FALSE);
      actual = json_to_string (tree, FALSE);
      g_assert_cmpstr (actual, ==, expected);
      g_assert_true (json_node_equal (tree, json_parser_get_root (parser)));
    }
}

/* A file of more objects than Tandem opens is refused while they are counted, before the
 * rest is read: this one's syntax breaks at its very end, which a whole reading would find
 * and say instead. */
static void
test_too_many_objects (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\":\"tandem\",\"version\":5,"
                                          "\"project\":{\"id\":\"p\",\"conditions\":[");
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < TANDEM_MAX_OBJECTS + 2; i++)
    g_string_append_printf (json, "%s{\"id\":\"c%u\"}", i ? "," : "", i);
  g_string_append (json, "]]");

  document = tandem_json_read_document (json->str, json->len, &error);
  g_assert_null (document);
  g_assert_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "objects"));
  g_assert_nonnull (strstr (error->message, "smaller parts"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/round-trip/bytes", test_round_trip_bytes);
  g_test_add_func ("/json/round-trip/through-file", test_round_trip_through_file);
  g_test_add_func ("/json/bad-input", test_bad_input);
  g_test_add_func ("/json/import/bad-file", test_import_bad_file);
  g_test_add_func ("/json/strict-syntax", test_strict_syntax);
  g_test_add_func ("/json/too-many-objects", test_too_many_objects);
  g_test_add_func ("/json/tree-as-json-glib", test_tree_as_json_glib);
  g_test_add_func ("/json/import/not-regular", test_import_not_regular);
  g_test_add_func ("/json/serialize-object", test_serialize_object);
  g_test_add_func ("/json/snapshot-copy", test_snapshot_copy);

  return g_test_run ();
}
