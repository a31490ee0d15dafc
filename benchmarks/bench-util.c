/* bench-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <malloc.h>
#include <stdlib.h>

#include "bench-util.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : (x > y ? 1 : 0);
}

/* The machine is shared and noisy: report the median, with the spread beside it. */
double
bench_median_ms (const char *name,
                 guint       runs,
                 void      (*func) (gpointer),
                 gpointer    data)
{
  g_autofree double *times = g_new0 (double, runs);
  double median;

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      func (data);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
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
