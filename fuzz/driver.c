/* driver.c: runs a fuzz target once on each file of a corpus, without libFuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As GLib's fuzzing/driver.c does: when the targets are built with gcc, or without
 * -Dfuzzing=true, this main() replays the seeds (and the inputs that once crashed Tandem)
 * through LLVMFuzzerTestOneInput, so that every test run keeps the targets compiling and
 * proves that none of those inputs crashes, hangs or trips an assertion today.
 *
 * Usage: fuzz-TARGET FILE-OR-FOLDER...
 */

#include "config.h"

#include <glib.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static guint n_run;

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *)a, *(const char *const *)b);
}

static gboolean
run_path (const char *path)
{
  g_autoptr(GError) error = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        {
          g_printerr ("%s\n", error->message);
          return FALSE;
        }

      /* In name order, so that a failure is found again in the same place. */
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
      g_ptr_array_sort (names, compare_paths);

      for (guint i = 0; i < names->len; i++)
        {
          const char *child = g_ptr_array_index (names, i);

          if (g_file_test (child, G_FILE_TEST_IS_REGULAR) && !run_path (child))
            return FALSE;
        }

      return TRUE;
    }
  else
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          g_printerr ("%s\n", error->message);
          return FALSE;
        }

      /* A copy of exactly @length bytes, so that AddressSanitizer sees any read past the end
       * the way it would under libFuzzer. */
      {
        g_autofree guint8 *copy = g_memdup2 (contents, length);

        printf ("# %s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
        fflush (stdout);
        LLVMFuzzerTestOneInput (copy, length);
        n_run++;
      }

      return TRUE;
    }
}

int
main (int   argc,
      char *argv[])
{
  if (argc < 2)
    {
      g_printerr ("Usage: %s FILE-OR-FOLDER...\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    {
      if (!run_path (argv[i]))
        return 1;
    }

  if (n_run == 0)
    {
      g_printerr ("No inputs found in the corpus: nothing was tested.\n");
      return 1;
    }

  printf ("%u inputs run\n", n_run);

  return 0;
}
