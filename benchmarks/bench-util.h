/* bench-util.h: timing helpers for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs @func @runs times and prints the median, the fastest and the slowest in ms. */
double bench_median_ms (const char *name,
                        guint       runs,
                        void      (*func) (gpointer),
                        gpointer    data);
gsize  bench_heap_bytes (void);

G_END_DECLS
