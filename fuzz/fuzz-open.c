/* fuzz-open.c: libFuzzer target for opening untrusted .tandem files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Build: meson setup _fuzz -Dfuzzing=true (with CC=clang), then
 *        _fuzz/fuzz/fuzz-open -max_total_time=60 CORPUS tests/fixtures
 */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "tandem-storage.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static char *path;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    path = g_strdup_printf ("%s/tandem-fuzz-%d.tandem", g_get_tmp_dir (), getpid ());

  if (!g_file_set_contents (path, (const char *)data, size, NULL))
    return 0;

  file = g_file_new_for_path (path);
  document = tandem_storage_load (file, NULL, &error);

  /* Either a document or a sentence; never both, never neither. */
  g_assert ((document == NULL) != (error == NULL));

  return 0;
}
