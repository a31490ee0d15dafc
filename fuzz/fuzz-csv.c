/* fuzz-csv.c: libFuzzer target for importing an engagement log from a spreadsheet's CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-csv.h"
#include "tandem-document.h"
#include "tandem-json.h"
#include "tandem-list.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(TandemDocument) document = tandem_document_new_project ();
  g_autoptr(TandemCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  guint n_rows, n_bad, added;
  gsize length;

  import = tandem_csv_import_new (document, (const char *)data, size, &error);
  g_assert ((import == NULL) == (error != NULL));
  if (import == NULL)
    return 0;

  /* Every column and problem can be described without reading out of bounds. */
  for (guint i = 0; i < tandem_csv_import_get_n_columns (import); i++)
    g_free (tandem_csv_import_describe_column (import, i));
  for (guint i = 0; i < tandem_csv_import_get_n_problems (import); i++)
    g_free (tandem_csv_import_describe_problem (import, i));
  g_free (tandem_csv_import_describe_new_groups (import));

  n_rows = tandem_csv_import_get_n_rows (import);
  n_bad = tandem_csv_import_get_n_bad_rows (import);
  added = tandem_csv_import_apply (import, TRUE, &error);
  g_assert (added == n_rows - n_bad);
  g_assert ((added == 0) == (error != NULL));
  g_clear_error (&error);
  g_assert (tandem_list_get_n (tandem_document_get_activities (document)) == added);

  /* What was imported is a valid project: it saves, and reads back. */
  json = tandem_json_write_document (document, &length, &error);
  g_assert (json != NULL);
  {
    g_autoptr(TandemDocument) back = tandem_json_read_document (json, length, &error);

    if (back == NULL)
      g_error ("An imported log does not read back: %s", error->message);
  }

  if (added > 0)
    {
      g_autoptr(GBytes) csv = tandem_csv_export_activities (document);

      g_assert (g_bytes_get_size (csv) > 3);
    }

  return 0;
}
