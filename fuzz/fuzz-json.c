/* fuzz-json.c: libFuzzer target for the JSON importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-json.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = tandem_json_read_document ((const char *)data, size, &error);
  g_assert ((document == NULL) != (error == NULL));

  /* What was accepted must write and read back the same. */
  if (document != NULL)
    {
      g_autofree char *first = tandem_json_write_document (document, NULL, NULL);
      g_autoptr(TandemDocument) again = NULL;
      g_autofree char *second = NULL;

      g_assert (first != NULL);
      again = tandem_json_read_document (first, strlen (first), NULL);
      g_assert (again != NULL);
      second = tandem_json_write_document (again, NULL, NULL);
      g_assert (g_strcmp0 (first, second) == 0);
    }

  return 0;
}
