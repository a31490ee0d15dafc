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

G_END_DECLS
