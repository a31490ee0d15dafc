/* tandem-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "tandem-condition.h"
#include "tandem-test-util.h"

/**
 * tandem_test_generate_document:
 * @n_objects: about how many model objects to make
 *
 * A large document made of everything the model has, for benchmarks and tests. Later model
 * classes extend it, so the benchmark keeps measuring what real documents hold.
 */
TandemDocument *
tandem_test_generate_document (guint n_objects)
{
  TandemDocument *document = tandem_document_new ();
  TandemList *conditions = tandem_document_get_conditions (document);

  tandem_document_begin (document, "Generate");
  tandem_document_set_title (document, "Generated project for measurements");
  tandem_document_set_organisation (document, "Benchmark ICB");
  tandem_document_set_programme (document, "Performance");
  tandem_document_set_version (document, "1.0");
  tandem_document_set_summary (document, "A generated project with many objects.");

  for (guint i = 1; i < n_objects; i++)
    {
      g_autofree char *key = g_strdup_printf ("condition-%u", i);
      g_autofree char *label = g_strdup_printf ("Generated condition number %u, which is "
                                                "described in a sentence of ordinary length",
                                                i);
      g_autoptr(TandemCondition) condition = tandem_condition_new (key, label);

      tandem_condition_set_enabled (condition, i % 3 == 0);
      tandem_list_append (conditions, condition);
    }

  tandem_document_commit (document);

  return document;
}

char *
tandem_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("tandem-test-XXXXXX", &error);

  g_assert_no_error (error);

  return path;
}

void
tandem_test_remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                                G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (enumerator != NULL &&
         (info = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        tandem_test_remove_tree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }

  g_chmod (path, 0700);
  g_rmdir (path);
}

char *
tandem_test_build_path (const char *first,
                        ...)
{
  va_list args;
  char *path;

  va_start (args, first);
  path = g_build_filename_valist (first, &args);
  va_end (args);

  return path;
}

void
tandem_test_edit_title (TandemDocument *document,
                        const char     *title)
{
  tandem_document_begin (document, "Edit Title");
  tandem_document_set_title (document, title);
  tandem_document_commit (document);
}
