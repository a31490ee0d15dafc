/* bench-util.h: timing helpers for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tandem-document.h"

G_BEGIN_DECLS

/* Runs @func @runs times and prints the median, the fastest and the slowest in ms. */
double bench_median_ms (const char *name,
                        guint       runs,
                        void      (*func) (gpointer),
                        gpointer    data);
double bench_median_ms_cleanup (const char *name,
                                guint       runs,
                                void      (*func) (gpointer),
                                void      (*cleanup) (gpointer),
                                gpointer    data);
gsize  bench_heap_bytes (void);
void   bench_save_and_open (const char     *save_label,
                            const char     *open_label,
                            TandemDocument *document,
                            GFile          *file,
                            guint           runs);

/* One run of the tandem program, timed from outside (bench-scale.c, bench-startup.c). */
typedef struct
{
  double      wall_ms;      /* from just before the launch to the exit */
  glong       max_rss_kb;   /* the child's peak resident memory */
  int         status;       /* exit status, or -1 when it did not exit normally */
  GHashTable *marks;        /* "first-frame" etc. (TANDEM_TRACE_STARTUP) -> ms after launch */
  char       *errors;       /* what it wrote to stderr, trace lines left out */
} BenchProcess;

gboolean bench_run_process   (const char * const *argv,
                              const char * const *env,
                              BenchProcess       *out);
void     bench_process_clear (BenchProcess       *process);
double   bench_process_mark  (BenchProcess       *process,
                              const char         *what);
double   bench_median        (double             *values,
                              guint               n);
void     bench_print_series  (const char         *name,
                              double             *values,
                              guint               n,
                              const char         *unit);
char    *bench_uptime        (void);

G_END_DECLS
