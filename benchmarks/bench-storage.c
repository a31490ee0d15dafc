/* bench-storage.c: open and save of a large document; memory over many undoable edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Budget (issue 2): open and save of a document of 10,000 model objects each under 100 ms.
 * Prints medians; does not fail on time.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bench-util.h"
#include "tandem-storage.h"
#include "tandem-test-util.h"

typedef struct
{
  TandemDocument *document;
  GFile          *file;
} Context;

static void
measure_edits (guint n_edits)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  gsize before, after;
  gint64 start;
  double elapsed;

  before = bench_heap_bytes ();
  start = g_get_monotonic_time ();

  for (guint i = 0; i < n_edits; i++)
    {
      g_autofree char *title = g_strdup_printf ("Riverside town centre urgent care, draft %u", i);

      /* Each edit its own undo step, as when the user leaves the field between edits. */
      tandem_document_break_merge (document);
      tandem_document_begin_merge (document, "Edit Title", "title");
      tandem_document_set_title (document, title);
      tandem_document_commit (document);
    }

  elapsed = (g_get_monotonic_time () - start) / 1000.0;
  after = bench_heap_bytes ();

  g_print ("%-44s %u undo steps, heap +%.1f KiB (%.0f bytes per edit), %.1f ms in all\n",
           "memory over undoable edits", tandem_document_get_undo_depth (document),
           (after - before) / 1024.0, (double)(after - before) / n_edits, elapsed);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "large.tandem", NULL);
  Context context;
  GStatBuf st;

  context.document = tandem_test_generate_document (10000);
  context.file = g_file_new_for_path (path);

  if (!tandem_storage_save (context.document, context.file, NULL, NULL))
    g_error ("could not save %s", path);
  g_stat (path, &st);
  g_print ("document: %u model objects, %.1f MiB on disk\n",
           tandem_document_get_n_objects (context.document), st.st_size / 1048576.0);

  bench_save_and_open ("save 10,000 objects (atomic, with fsync)",
                       "open 10,000 objects (checked, untrusted)",
                       context.document, context.file, 15);
  measure_edits (10000);

  g_object_unref (context.document);
  g_object_unref (context.file);
  tandem_test_remove_tree (dir);

  return 0;
}
