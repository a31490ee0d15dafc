/* bench-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <malloc.h>
#include <stdlib.h>

#include "bench-util.h"
#include "tandem-storage.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : (x > y ? 1 : 0);
}

/* The machine is shared and noisy: report the median, with the spread beside it.
 * @cleanup, when given, runs after each timed call without being timed (freeing what was
 * opened, say). */
double
bench_median_ms_cleanup (const char *name,
                         guint       runs,
                         void      (*func) (gpointer),
                         void      (*cleanup) (gpointer),
                         gpointer    data)
{
  g_autofree double *times = g_new0 (double, runs);
  double median;

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      func (data);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;

      if (cleanup != NULL)
        cleanup (data);
    }

  qsort (times, runs, sizeof (double), compare_doubles);
  median = runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;

  g_print ("%-44s median %8.2f ms   (min %.2f, max %.2f, %u runs)\n",
           name, median, times[0], times[runs - 1], runs);

  return median;
}

/* Bytes in use on the heap now (glibc). */
gsize
bench_heap_bytes (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
}

double
bench_median_ms (const char *name,
                 guint       runs,
                 void      (*func) (gpointer),
                 gpointer    data)
{
  return bench_median_ms_cleanup (name, runs, func, NULL, data);
}

typedef struct
{
  TandemDocument *document;
  GFile          *file;
  TandemDocument *opened;
} StorageRun;

static void
save_once (gpointer data)
{
  StorageRun *run = data;
  g_autoptr(GError) error = NULL;

  if (!tandem_storage_save (run->document, run->file, NULL, &error))
    g_error ("%s", error->message);
}

static void
open_once (gpointer data)
{
  StorageRun *run = data;
  g_autoptr(GError) error = NULL;

  run->opened = tandem_storage_load (run->file, NULL, &error);
  if (run->opened == NULL)
    g_error ("%s", error->message);
}

static void
close_opened (gpointer data)
{
  StorageRun *run = data;

  g_clear_object (&run->opened);
}

/**
 * bench_save_and_open:
 *
 * Medians of saving @document to @file and of opening it again. The document opened is freed
 * after the clock stops: opening lasts until it can be shown.
 */
void
bench_save_and_open (const char     *save_label,
                     const char     *open_label,
                     TandemDocument *document,
                     GFile          *file,
                     guint           runs)
{
  StorageRun run = { document, file, NULL };

  bench_median_ms (save_label, runs, save_once, &run);
  bench_median_ms_cleanup (open_label, runs, open_once, close_opened, &run);
}
