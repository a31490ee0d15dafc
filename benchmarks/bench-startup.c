/* bench-startup.c: from launch to the first frame of the sample's window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Budget (issue 13): under 400 ms from launch to the first frame showing the sample project,
 * with GSK_RENDERER=cairo, under Xvfb. Also with GTK's default renderer. The whole process is
 * measured from outside: `tandem SAMPLE` with TANDEM_TRACE_STARTUP=quit writes when its
 * window painted its first frame, when the document was read and shown, and when the first
 * frame showing it was painted (src/ui/tandem-startup-trace.c), then quits.
 * Needs a display (run the benchmarks under xvfb-run); prints medians, does not fail on time.
 *
 *   bench-startup TANDEM SAMPLE
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bench-util.h"
#include "tandem-test-util.h"

#define RUNS 9

static void
measure (const char *tandem,
         const char *sample,
         const char *home,
         const char *renderer)
{
  g_autofree char *renderer_env = g_strdup_printf ("GSK_RENDERER=%s", renderer ? renderer : "");
  g_autofree char *data_env = g_strdup_printf ("XDG_DATA_HOME=%s/data", home);
  g_autofree char *config_env = g_strdup_printf ("XDG_CONFIG_HOME=%s/config", home);
  g_autofree char *cache_env = g_strdup_printf ("XDG_CACHE_HOME=%s/cache", home);
  g_autofree char *state_env = g_strdup_printf ("XDG_STATE_HOME=%s/state", home);
  const char *argv[] = { tandem, sample, NULL };
  const char *env[] = { "TANDEM_TRACE_STARTUP=quit", data_env, config_env, cache_env, state_env,
                        renderer ? renderer_env : NULL, NULL };
  double first[RUNS], read[RUNS], frame[RUNS], whole[RUNS], rss[RUNS];
  const char *name = renderer ? renderer : "default";
  g_autofree char *label = NULL;

  for (guint i = 0; i < RUNS; i++)
    {
      BenchProcess run;

      if (!bench_run_process (argv, env, &run) || run.status != 0 ||
          bench_process_mark (&run, "document-frame") < 0)
        g_error ("tandem %s did not show its first frame (status %d): %s", sample, run.status,
                 run.errors ? run.errors : "");

      first[i] = bench_process_mark (&run, "first-frame");
      read[i] = bench_process_mark (&run, "document-read");
      frame[i] = bench_process_mark (&run, "document-frame");
      whole[i] = run.wall_ms;
      rss[i] = run.max_rss_kb / 1024.0;
      bench_process_clear (&run);
    }

  label = g_strdup_printf ("[%s] launch to the window's first frame", name);
  bench_print_series (label, first, RUNS, "ms");
  g_free (label);
  label = g_strdup_printf ("[%s] launch to the sample read", name);
  bench_print_series (label, read, RUNS, "ms");
  g_free (label);
  label = g_strdup_printf ("[%s] launch to the sample's first frame", name);
  bench_print_series (label, frame, RUNS, "ms");
  g_free (label);
  label = g_strdup_printf ("[%s] launch to exit", name);
  bench_print_series (label, whole, RUNS, "ms");
  g_free (label);
  label = g_strdup_printf ("[%s] peak memory", name);
  bench_print_series (label, rss, RUNS, "MB");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *sample = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *load = NULL;
  gsize length;

  if (argc != 3)
    g_error ("usage: bench-startup TANDEM SAMPLE");

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("start-up: no display; run the benchmarks under xvfb-run to measure it\n");
      return 0;
    }

  /* A copy, so that the lock Tandem takes beside it is in a folder of our own. */
  dir = tandem_test_make_temp_dir ();
  sample = g_build_filename (dir, "riverside.tandem", NULL);
  if (!g_file_get_contents (argv[2], &contents, &length, NULL) ||
      !g_file_set_contents (sample, contents, length, NULL))
    g_error ("could not copy %s", argv[2]);

  load = bench_uptime ();
  g_print ("start-up of `tandem riverside.tandem` under %s (load average %s)\n",
           g_getenv ("DISPLAY") ? "X" : "Wayland", load);

  measure (argv[1], sample, dir, "cairo");
  measure (argv[1], sample, dir, NULL);

  tandem_test_remove_tree (dir);

  return 0;
}
