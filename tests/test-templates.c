/* test-templates.c: the built-in checklist templates, importing and exporting templates, and
 * broken or hostile template files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "tandem-checklist-item.h"
#include "tandem-checklist-section.h"
#include "tandem-condition.h"
#include "tandem-signoff.h"
#include "tandem-storage.h"
#include "tandem-template.h"
#include "tandem-test-util.h"

static const char *builtin_ids[] = {
  "t1-board-assurance",
  "t2-senate-readiness",
  "t3-service-change-tests",
  "t4-gunning-principles",
  "t5-ladder-of-coproduction",
  "t6-ten-principles",
  "t7-principles-of-coproduction",
  "t8-legal-duties",
};

#define ITEMS \
  "[{\"id\":\"i1\",\"key\":\"q1\",\"question\":\"Q1?\",\"guidance\":\"G\"}," \
  "{\"id\":\"i2\",\"key\":\"q2\",\"question\":\"Q2?\",\"condition\":\"beds-reduced\"}]"
#define SECTIONS \
  "[{\"id\":\"s\",\"key\":\"s1\",\"title\":\"Section\",\"items\":" ITEMS "}]"
#define CONDITIONS "[{\"key\":\"beds-reduced\",\"label\":\"Beds are reduced\"}]"

/* A small, valid template; each bad case changes one thing in it. */
static const char *base_template =
  "{\"format\":\"tandem-template\",\"version\":3,\"conditions\":" CONDITIONS ","
  "\"checklist\":{\"id\":\"c\",\"title\":\"Test\",\"template_id\":\"t-test\","
  "\"template_version\":1,\"sections\":" SECTIONS "}}";

static TandemChecklistItem *
first_item (TandemChecklist *checklist,
            guint            section,
            guint            index)
{
  TandemList *sections = tandem_checklist_get_sections (checklist);

  return tandem_list_get (tandem_checklist_section_get_items (tandem_list_get (sections, section)),
                          index);
}

static void
test_builtin (void)
{
  GListModel *builtin = tandem_template_get_builtin ();

  g_assert_cmpuint (g_list_model_get_n_items (builtin), ==, G_N_ELEMENTS (builtin_ids));

  for (guint i = 0; i < G_N_ELEMENTS (builtin_ids); i++)
    {
      g_autoptr(TandemTemplate) template = g_list_model_get_item (builtin, i);
      TandemChecklist *checklist = tandem_template_get_checklist (template);
      TandemList *sections = tandem_checklist_get_sections (checklist);
      g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_cmpstr (tandem_template_get_id (template), ==, builtin_ids[i]);
      g_assert_true (tandem_template_find_builtin (builtin_ids[i]) == template);
      g_assert_cmpint (tandem_template_get_version (template), ==, 1);
      g_assert_cmpstr (tandem_template_get_title (template), !=, "");
      g_assert_cmpuint (strlen (tandem_template_get_description (template)), >, 40);
      g_assert_cmpuint (strlen (tandem_template_get_source (template)), >, 20);
      g_assert_cmpuint (tandem_template_get_n_items (template), >=, 4);

      /* Every item has a key, a question and guidance for the reviewer. */
      for (guint s = 0; s < tandem_list_get_n (sections); s++)
        {
          TandemList *items = tandem_checklist_section_get_items (tandem_list_get (sections, s));

          for (guint j = 0; j < tandem_list_get_n (items); j++)
            {
              TandemChecklistItem *item = tandem_list_get (items, j);

              g_assert_true (g_hash_table_add (keys, (gpointer)tandem_checklist_item_get_key (item)));
              g_assert_true (g_str_has_suffix (tandem_checklist_item_get_question (item), "?"));
              g_assert_cmpuint (strlen (tandem_checklist_item_get_guidance (item)), >, 60);
              g_assert_cmpint (tandem_checklist_item_get_status (item), ==,
                               TANDEM_ITEM_STATUS_NOT_STARTED);
              /* Only the ladder self-assessment records rungs. */
              g_assert_cmpint (tandem_checklist_item_get_uses_ladder (item), ==,
                               g_str_equal (builtin_ids[i], "t5-ladder-of-coproduction"));
            }
        }
    }
}

static void
test_instantiate (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemTemplate *template = tandem_template_find_builtin ("t3-service-change-tests");
  TandemChecklist *checklist;
  TandemChecklistItem *beds;
  TandemChecklistItem *original;
  TandemProgress progress;

  g_assert_null (tandem_document_find_condition (document, "beds-reduced"));

  checklist = tandem_template_instantiate (template, document, "New Checklist");
  g_assert_nonnull (checklist);
  g_assert_cmpuint (tandem_list_get_n (tandem_document_get_checklists (document)), ==, 1);
  g_assert_cmpstr (tandem_checklist_get_template_id (checklist), ==, "t3-service-change-tests");
  g_assert_cmpint (tandem_checklist_get_template_version (checklist), ==, 1);

  /* Fresh ids, the same keys. */
  original = first_item (tandem_template_get_checklist (template), 0, 0);
  g_assert_cmpstr (tandem_object_get_id (TANDEM_OBJECT (first_item (checklist, 0, 0))), !=,
                   tandem_object_get_id (TANDEM_OBJECT (original)));
  g_assert_cmpstr (tandem_checklist_item_get_key (first_item (checklist, 0, 0)), ==,
                   tandem_checklist_item_get_key (original));
  g_assert_cmpstr (tandem_object_get_id (TANDEM_OBJECT (checklist)), !=, "t3-service-change-tests");

  /* The condition it names was added, switched off, so the bed question does not apply. */
  g_assert_nonnull (tandem_document_find_condition (document, "beds-reduced"));
  g_assert_false (tandem_condition_get_enabled (tandem_document_find_condition (document,
                                                                                "beds-reduced")));
  beds = first_item (checklist, 1, 0);
  g_assert_cmpstr (tandem_checklist_item_get_condition (beds), ==, "beds-reduced");
  g_assert_false (tandem_checklist_item_is_applicable (beds));
  tandem_checklist_get_progress (checklist, NULL, &progress);
  g_assert_cmpuint (progress.applicable, ==, 4);

  /* One step: undo takes away the checklist and the condition together. */
  g_assert_cmpuint (tandem_document_get_undo_depth (document), ==, 1);
  tandem_document_undo (document);
  g_assert_cmpuint (tandem_list_get_n (tandem_document_get_checklists (document)), ==, 0);
  g_assert_null (tandem_document_find_condition (document, "beds-reduced"));

  /* An existing condition is kept as it is. */
  {
    g_autoptr(TandemCondition) on = tandem_condition_new ("beds-reduced", "Fewer beds");

    tandem_condition_set_enabled (on, TRUE);
    tandem_document_begin (document, "Add");
    tandem_list_append (tandem_document_get_conditions (document), on);
    tandem_document_commit (document);

    checklist = tandem_template_instantiate (template, document, "New Checklist");
    g_assert_cmpuint (tandem_list_get_n (tandem_document_get_conditions (document)), ==, 1);
    g_assert_cmpstr (tandem_condition_get_label (on), ==, "Fewer beds");
    g_assert_true (tandem_checklist_item_is_applicable (first_item (checklist, 1, 0)));
  }
}

static void
test_export (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new_project ();
  g_autoptr(TandemSignoff) signoff = tandem_signoff_new ();
  g_autoptr(TandemTemplate) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  TandemChecklist *checklist;
  TandemChecklistItem *item;
  gsize length;

  checklist = tandem_template_instantiate (tandem_template_find_builtin ("t8-legal-duties"),
                                           document, "New");
  item = first_item (checklist, 0, 0);
  tandem_signoff_set_name (signoff, "Chair");
  tandem_document_begin (document, "Answer");
  tandem_checklist_item_set_status (item, TANDEM_ITEM_STATUS_NOT_MET);
  tandem_checklist_item_set_evidence (item, "Minutes of 3 May");
  tandem_checklist_item_set_owner (item, "Head of engagement");
  tandem_checklist_set_decision (checklist, TANDEM_DECISION_PROCEED);
  tandem_list_append (tandem_checklist_get_signoffs (checklist), signoff);
  tandem_document_commit (document);

  first = tandem_template_write_checklist (checklist, &length, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (first, "Minutes of 3 May"));
  g_assert_null (strstr (first, "Head of engagement"));
  g_assert_null (strstr (first, "Chair"));
  g_assert_nonnull (strstr (first, "\"format\" : \"tandem-template\""));
  g_assert_nonnull (strstr (first, "substantial-change"));

  reread = tandem_template_new_from_data (first, length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_template_get_id (reread), ==, "t8-legal-duties");
  g_assert_cmpuint (tandem_template_get_n_items (reread), ==,
                    tandem_template_get_n_items (tandem_template_find_builtin ("t8-legal-duties")));
  g_assert_cmpuint (tandem_template_get_n_conditions (reread), ==, 1);
  g_assert_cmpint (tandem_checklist_get_decision (tandem_template_get_checklist (reread)), ==,
                   TANDEM_DECISION_UNDECIDED);

  /* Export, import, export gives the same bytes. */
  second = tandem_template_write (reread, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, second);

  /* The document itself still has its answers. */
  g_assert_cmpint (tandem_checklist_item_get_status (item), ==, TANDEM_ITEM_STATUS_NOT_MET);
}

static void
test_export_to_file (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new_project ();
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "legal.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TandemTemplate) reread = NULL;
  g_autoptr(GError) error = NULL;
  TandemChecklist *checklist;

  checklist = tandem_template_instantiate (tandem_template_find_builtin ("t4-gunning-principles"),
                                           document, "New");
  g_assert_true (tandem_template_export (checklist, file, &error));
  g_assert_no_error (error);
  reread = tandem_template_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_template_get_title (reread), ==, "Gunning principles");

  tandem_test_remove_tree (dir);
}

typedef struct
{
  const char *name;
  const char *from;  /* replaced in the base template, or NULL for a whole text */
  const char *to;
  const char *fragment;
} BadCase;

static char *
replace (const char *text,
         const char *from,
         const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);

  return g_strdup_printf ("%.*s%s%s", (int)(at - text), text, to, at + strlen (from));
}

static void
check_refused (const char *name,
               const char *text,
               gsize       length,
               const char *fragment)
{
  g_autoptr(TandemTemplate) template = NULL;
  g_autoptr(GError) error = NULL;

  template = tandem_template_new_from_data (text, length, &error);
  if (template != NULL || error == NULL || strstr (error->message, fragment) == NULL)
    g_error ("Case “%s”: expected an error with “%s”, got %s", name, fragment,
             error ? error->message : "a template");
  g_assert_error (error, TANDEM_STORAGE_ERROR, error->code);
  g_test_message ("%s: %s", name, error->message);
}

static void
test_bad_templates (void)
{
  static const BadCase cases[] = {
    { "not JSON", NULL, "{\"format\": ", "not valid JSON" },
    { "empty", NULL, "", "It is empty" },
    { "not an object", NULL, "[1, 2, 3]", "is a JSON object" },
    { "a whole project", "\"tandem-template\"", "\"tandem\"", "whole Tandem project" },
    { "wrong format", "\"tandem-template\"", "\"recipes\"", "“format” should be" },
    { "missing format", "\"format\":\"tandem-template\",", "", "“format” should be" },
    { "format not text", "\"tandem-template\"", "7", "“format” should be" },
    { "newer version", "\"version\":3", "\"version\":99", "newer version of Tandem" },
    { "unknown old version", "\"version\":3", "\"version\":1", "not a template version" },
    { "version not a number", "\"version\":3", "\"version\":\"three\"", "whole number" },
    { "missing version", "\"version\":3,", "", "whole number" },
    { "unknown member", "\"version\":3,", "\"version\":3,\"colour\":1,", "“colour”" },
    { "misspelt checklist", ",\"checklist\":", ",\"checklists\":", "“checklists”" },
    { "checklist missing", NULL, "{\"format\":\"tandem-template\",\"version\":3}", "no “checklist”" },
    { "checklist wrong type", NULL,
      "{\"format\":\"tandem-template\",\"version\":3,\"checklist\":[]}", "Expected an object" },
    { "missing id", "\"id\":\"c\",", "", "needs an “id”" },
    { "question wrong type", "\"question\":\"Q1?\"", "\"question\":5", "Expected text, found a number" },
    { "uses_ladder wrong type", "\"guidance\":\"G\"", "\"guidance\":\"G\",\"uses_ladder\":\"yes\"",
      "Expected true or false" },
    { "unknown item field", "\"guidance\":\"G\"", "\"guidance\":\"G\",\"colour\":\"red\"", "“colour”" },
    { "bad status", "\"guidance\":\"G\"", "\"guidance\":\"G\",\"status\":\"maybe\"", "“maybe”" },
    { "items not a list", "\"items\":" ITEMS, "\"items\":{}", "Expected a list, found an object" },
    { "sections not a list", "\"sections\":" SECTIONS, "\"sections\":\"all\"", "Expected a list, found text" },
    { "no sections", "\"sections\":" SECTIONS, "\"sections\":[]", "at least one section" },
    { "empty section", "\"items\":" ITEMS, "\"items\":[]", "at least one question" },
    { "untitled section", "\"title\":\"Section\",", "", "needs a title" },
    { "missing question", "\"question\":\"Q1?\",", "", "needs a question" },
    { "missing item key", "\"key\":\"q1\",", "", "needs a “key”" },
    { "duplicate ids", "\"id\":\"i2\"", "\"id\":\"i1\"", "used twice" },
    { "duplicate item keys", "\"key\":\"q2\"", "\"key\":\"q1\"", "question key “q1” is used twice" },
    { "undeclared condition", "\"condition\":\"beds-reduced\"", "\"condition\":\"moon-landing\"",
      "“moon-landing”" },
    { "bad condition key", "{\"key\":\"beds-reduced\"", "{\"key\":\"Beds Reduced\"", "lower-case" },
    { "condition without label", ",\"label\":\"Beds are reduced\"", "", "“label”" },
    { "duplicate condition", "\"label\":\"Beds are reduced\"}",
      "\"label\":\"Beds are reduced\"},{\"key\":\"beds-reduced\",\"label\":\"Again\"}", "listed twice" },
    { "conditions not a list", "\"conditions\":" CONDITIONS, "\"conditions\":{}", "list of conditions" },
    { "condition not an object", "\"conditions\":" CONDITIONS, "\"conditions\":[\"beds\"]", "Each condition" },
    { "no template id", "\"template_id\":\"t-test\",", "", "template_id" },
    { "template version 0", "\"template_version\":1", "\"template_version\":0", "template_version" },
    { "negative template version", "\"template_version\":1", "\"template_version\":-5", "holds -5" },
    { "no title", "\"title\":\"Test\",", "", "needs a title" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cases[i].from != NULL ? replace (base_template, cases[i].from, cases[i].to)
                                                    : g_strdup (cases[i].to);

      check_refused (cases[i].name, text, strlen (text), cases[i].fragment);
    }

  /* The base itself is good, so each case above fails for its own reason. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TandemTemplate) template = tandem_template_new_from_data (base_template,
                                                                        strlen (base_template),
                                                                        &error);
    g_assert_no_error (error);
    g_assert_cmpuint (tandem_template_get_n_items (template), ==, 2);
  }
}

static void
test_hostile_templates (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) huge = g_string_new (base_template);
  g_autofree char *long_question = NULL;
  g_autofree char *long_field = NULL;
  g_autofree char *long_text = g_strnfill (TANDEM_TEXT_MAX + 1, 'a');
  g_autofree char *bad_utf8 = NULL;

  /* Nesting deep enough to exhaust the parser's stack is refused before parsing. */
  g_string_append (deep, "{\"format\":\"tandem-template\",\"version\":3,\"checklist\":");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  check_refused ("too deep", deep->str, deep->len, "nested more than");

  /* Brackets hidden from the count by a comment or a single-quoted string (json-glib
   * accepts both) once overflowed the stack; both are refused as not JSON. */
  {
    const char *prefixes[] = { "/*\"*/", "['\"'," };
    const char *fragments[] = { "comments are not allowed", "not single quotes" };

    for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
      {
        g_autoptr(GString) hidden = g_string_new (prefixes[i]);

        for (guint j = 0; j < 100000; j++)
          g_string_append_c (hidden, '[');
        for (guint j = 0; j < 100000; j++)
          g_string_append_c (hidden, ']');
        check_refused (fragments[i], hidden->str, hidden->len, fragments[i]);
      }
  }

  /* \u0000 would cut a question short without a word. */
  {
    g_autofree char *nul = replace (base_template, "Q1?", "Q1\\u0000 and more?");
    check_refused ("\\u0000", nul, strlen (nul), "\\u0000");
  }

  /* An enormous file is refused before parsing. */
  while (huge->len <= TANDEM_TEMPLATE_MAX_SIZE)
    g_string_append (huge, "                                                                ");
  check_refused ("enormous file", huge->str, huge->len, "larger than");

  /* An enormous string. */
  long_field = g_strdup_printf ("\"question\":\"%s\"", long_text);
  long_question = replace (base_template, "\"question\":\"Q1?\"", long_field);
  check_refused ("enormous string", long_question, strlen (long_question), "at most");

  /* Not UTF-8. */
  bad_utf8 = replace (base_template, "Q1?", "Q\xff\xfe?");
  check_refused ("not UTF-8", bad_utf8, strlen (bad_utf8), "JSON");
}

static void
test_bad_files (void)
{
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *big_path = g_build_filename (dir, "huge.json", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "broken.json", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing.json", NULL);
  g_autoptr(GFile) big = g_file_new_for_path (big_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *fifo_path = g_build_filename (dir, "pipe.json", NULL);
  g_autoptr(GFile) fifo = g_file_new_for_path (fifo_path);
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(TandemDocument) document = tandem_document_new_project ();
  g_autoptr(GError) error = NULL;
  FILE *stream;

  /* A sparse file: refused by its size, without reading it. */
  stream = g_fopen (big_path, "w");
  g_assert_nonnull (stream);
  g_assert_cmpint (fseek (stream, 512 * 1024 * 1024, SEEK_SET), ==, 0);
  fputc ('}', stream);
  fclose (stream);
  g_assert_true (g_file_set_contents (bad_path, "{\"format\":\"tandem-template\"", -1, NULL));

  g_assert_null (tandem_template_new_from_file (big, &error));
  g_assert_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.json"));
  g_clear_error (&error);

  g_assert_null (tandem_template_new_from_file (bad, &error));
  g_assert_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_INVALID_CONTENT);
  g_assert_nonnull (strstr (error->message, "broken.json"));
  g_assert_nonnull (strstr (error->message, "not valid JSON"));
  g_clear_error (&error);

  g_assert_null (tandem_template_new_from_file (missing, &error));
  g_assert_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (tandem_template_new_from_file (folder, &error));
  g_assert_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  /* Not regular files: refused before reading, so a pipe cannot make Tandem wait for ever
   * and a device cannot be read without end. */
  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);
  g_assert_null (tandem_template_new_from_file (fifo, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "“pipe.json” is a pipe, not a checklist template"));
  g_clear_error (&error);

  g_assert_null (tandem_template_new_from_file (zero, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "“zero” is a device, not a checklist template"));
  g_clear_error (&error);

  /* A refused template changes nothing: the document was never touched. */
  g_assert_false (tandem_document_get_modified (document));
  g_assert_false (tandem_document_can_undo (document));
  g_assert_cmpuint (tandem_list_get_n (tandem_document_get_checklists (document)), ==, 0);

  tandem_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/templates/builtin", test_builtin);
  g_test_add_func ("/templates/instantiate", test_instantiate);
  g_test_add_func ("/templates/export", test_export);
  g_test_add_func ("/templates/export-to-file", test_export_to_file);
  g_test_add_func ("/templates/bad", test_bad_templates);
  g_test_add_func ("/templates/hostile", test_hostile_templates);
  g_test_add_func ("/templates/bad-files", test_bad_files);

  return g_test_run ();
}
