/* bench-scale.c: a project of 100,000 steps, imported, checked and opened in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Budgets (issue 13): a project of 100,000 steps with 99,999 connectors (one journey map of
 * 5 stages × 4 lanes, titles as a team writes them) imports with `tandem --import-json` in
 * under 3 s, checks with `tandem --check` in under 1 s, and opens in the window in under 2 s
 * with its first frame under 100 ms after that; memory grows linearly (compare 20,000). A
 * file over the limit of 1,000,000 objects is refused within 2 s. Whole processes, timed from
 * outside; the window part needs a display (run under xvfb-run) and is skipped without one.
 * Prints medians, ranges, peak memory and the load average; does not fail on time.
 *
 *   bench-scale TANDEM
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bench-util.h"
#include "tandem-test-util.h"

#define RUNS 5

static const char *const titles[] = {
  "Child has a high temperature",
  "Rings the GP surgery: closed until morning",
  "Takes two buses to the walk-in centre",
  "Waits at reception with a poorly toddler",
  "Triage nurse checks temperature and breathing",
  "Told to see the GP tomorrow",
  "Calls NHS 111 and is given a booked time",
  "Seen by the urgent care doctor",
  "Collects the prescription from the pharmacy",
  "Goes home with a care plan",
};

static gboolean short_ids;

/* Ids as Tandem makes them (UUID-long), or as short as another tool may write them. */
static void
append_id (GString    *json,
           const char *kind,
           guint       n)
{
  if (short_ids)
    g_string_append_printf (json, "\"%c%u\"", kind[0], n);
  else
    g_string_append_printf (json, "\"%s-%08u-4d1e-8a5c-%012u\"", kind, n, n);
}

/* The JSON Tandem itself writes for such a project, so that an import reads what an export
 * would give; @compact leaves out the spaces and the fields that may be left out, and gives
 * short ids, as another tool may, to fit a million steps under the 256 MB any JSON may be. */
static GString *
generate (guint    n_steps,
          gboolean compact)
{
  GString *json = g_string_sized_new ((gsize)n_steps * (compact ? 120 : 620));
  const char *nl = compact ? "" : "\n";
  const char *sp = compact ? "" : " ";

  short_ids = compact;
  g_string_append_printf (json, "{%s\"format\"%s:%s\"tandem\",%s\"version\"%s:%s5,%s"
                          "\"project\"%s:%s{%s\"id\"%s:%s", nl, sp, sp, nl, sp, sp, nl,
                          sp, sp, nl, sp, sp);
  append_id (json, "project", 0);
  g_string_append_printf (json, ",%s\"title\"%s:%s\"Riverside urgent care at scale\",%s"
                          "\"journeys\"%s:%s[{%s\"id\"%s:%s", nl, sp, sp, nl, sp, sp, nl, sp, sp);
  append_id (json, "journey", 0);
  g_string_append_printf (json, ",%s\"title\"%s:%s\"A parent with a feverish child\",%s"
                          "\"stages\"%s:%s[", nl, sp, sp, nl, sp, sp);
  for (guint i = 0; i < 5; i++)
    {
      g_string_append_printf (json, "%s{\"id\":", i ? "," : "");
      append_id (json, "stage", i);
      g_string_append_printf (json, ",\"title\":\"Stage %u\",\"width\":260.0}", i + 1);
    }
  g_string_append_printf (json, "],%s\"lanes\"%s:%s[", nl, sp, sp);
  for (guint i = 0; i < 4; i++)
    {
      g_string_append_printf (json, "%s{\"id\":", i ? "," : "");
      append_id (json, "lane", i);
      g_string_append_printf (json, ",\"title\":\"Lane %u\",\"height\":150.0}", i + 1);
    }
  g_string_append_printf (json, "],%s\"maps\"%s:%s[{%s\"id\"%s:%s", nl, sp, sp, nl, sp, sp);
  append_id (json, "map", 0);
  g_string_append_printf (json, ",%s\"side\"%s:%s\"before\",%s\"steps\"%s:%s[", nl, sp, sp, nl,
                          sp, sp);

  for (guint i = 0; i < n_steps; i++)
    {
      g_string_append_printf (json, "%s{%s\"id\"%s:%s", i ? "," : "", nl, sp, sp);
      append_id (json, "step", i);
      if (compact)
        g_string_append_printf (json, ",\"title\":\"%s\"", titles[i % G_N_ELEMENTS (titles)]);
      else
        g_string_append_printf (json, ",\n\"title\" : \"%s\",\n\"description\" : \"\",\n"
                                "\"role\" : \"Parent\",\n\"place\" : \"Home\",\n"
                                "\"duration_minutes\" : 10.0,\n\"wait_minutes\" : 0.0,\n"
                                "\"duration_unit\" : \"minutes\",\n\"wait_unit\" : \"minutes\",\n"
                                "\"touchpoint\" : false,\n\"pain_point\" : false",
                                titles[i % G_N_ELEMENTS (titles)]);
      g_string_append_printf (json, ",%s\"stage\"%s:%s", nl, sp, sp);
      append_id (json, "stage", (guint)((guint64)i * 5 / n_steps));
      g_string_append_printf (json, ",%s\"lane\"%s:%s", nl, sp, sp);
      append_id (json, "lane", i % 4);
      if (compact)
        g_string_append (json, "}");
      else
        g_string_append_printf (json, ",\n\"order\" : %u.0}", i);
    }

  g_string_append_printf (json, "],%s\"connectors\"%s:%s[", nl, sp, sp);
  for (guint i = 0; i + 1 < n_steps; i++)
    {
      g_string_append_printf (json, "%s{%s\"id\"%s:%s", i ? "," : "", nl, sp, sp);
      append_id (json, "connector", i);
      g_string_append_printf (json, ",%s\"from_step\"%s:%s", nl, sp, sp);
      append_id (json, "step", i);
      g_string_append_printf (json, ",%s\"to_step\"%s:%s", nl, sp, sp);
      append_id (json, "step", i + 1);
      if (!compact)
        g_string_append (json, ",\n\"kind\" : \"next\",\n\"label\" : \"\"");
      g_string_append (json, "}");
    }

  g_string_append_printf (json, "]}]}]}%s}%s", nl, nl);

  return json;
}

static void
run_or_die (const char * const *argv,
            const char * const *env,
            BenchProcess       *run,
            int                 expected)
{
  if (!bench_run_process (argv, env, run) || run->status != expected)
    g_error ("%s %s exited with %d, not %d: %s", argv[0], argv[1], run->status, expected,
             run->errors ? run->errors : "");
}

static void
measure_file_commands (const char *tandem,
                       const char *dir,
                       guint       n_steps)
{
  g_autofree char *json_path = g_strdup_printf ("%s/steps-%u.json", dir, n_steps);
  g_autofree char *path = g_strdup_printf ("%s/steps-%u.tandem", dir, n_steps);
  g_autofree char *import_arg = g_strdup_printf ("--import-json=%s", json_path);
  g_autoptr(GString) json = generate (n_steps, FALSE);
  const char *import_argv[] = { tandem, import_arg, path, NULL };
  const char *check_argv[] = { tandem, "--check", path, NULL };
  double import_ms[RUNS], import_mb[RUNS], check_ms[RUNS], check_mb[RUNS];
  g_autofree char *label = NULL;
  GStatBuf st;

  if (!g_file_set_contents (json_path, json->str, json->len, NULL))
    g_error ("could not write %s", json_path);

  for (guint i = 0; i < RUNS; i++)
    {
      BenchProcess run;

      run_or_die (import_argv, NULL, &run, 0);
      import_ms[i] = run.wall_ms;
      import_mb[i] = run.max_rss_kb / 1024.0;
      bench_process_clear (&run);

      run_or_die (check_argv, NULL, &run, 0);
      check_ms[i] = run.wall_ms;
      check_mb[i] = run.max_rss_kb / 1024.0;
      bench_process_clear (&run);
    }

  g_stat (path, &st);
  g_print ("%u steps: JSON %.1f MiB, .tandem %.1f MiB\n", n_steps, json->len / 1048576.0,
           st.st_size / 1048576.0);
  label = g_strdup_printf ("--import-json, %u steps", n_steps);
  bench_print_series (label, import_ms, RUNS, "ms");
  g_free (label);
  label = g_strdup_printf ("--import-json, %u steps, peak memory", n_steps);
  bench_print_series (label, import_mb, RUNS, "MB");
  g_free (label);
  label = g_strdup_printf ("--check, %u steps", n_steps);
  bench_print_series (label, check_ms, RUNS, "ms");
  g_free (label);
  label = g_strdup_printf ("--check, %u steps, peak memory", n_steps);
  bench_print_series (label, check_mb, RUNS, "MB");
}

static void
measure_window (const char *tandem,
                const char *dir,
                guint       n_steps)
{
  g_autofree char *path = g_strdup_printf ("%s/steps-%u.tandem", dir, n_steps);
  g_autofree char *data_env = g_strdup_printf ("XDG_DATA_HOME=%s/data", dir);
  g_autofree char *config_env = g_strdup_printf ("XDG_CONFIG_HOME=%s/config", dir);
  g_autofree char *cache_env = g_strdup_printf ("XDG_CACHE_HOME=%s/cache", dir);
  g_autofree char *state_env = g_strdup_printf ("XDG_STATE_HOME=%s/state", dir);
  const char *argv[] = { tandem, path, NULL };
  const char *env[] = { "TANDEM_TRACE_STARTUP=quit", "GSK_RENDERER=cairo", data_env,
                        config_env, cache_env, state_env, NULL };
  double shown[RUNS], frame[RUNS], rss[RUNS];
  g_autofree char *label = NULL;

  for (guint i = 0; i < RUNS; i++)
    {
      BenchProcess run;

      run_or_die (argv, env, &run, 0);
      if (bench_process_mark (&run, "document-frame") < 0)
        g_error ("the window never showed %s: %s", path, run.errors);
      shown[i] = bench_process_mark (&run, "document-shown");
      frame[i] = bench_process_mark (&run, "document-frame") - shown[i];
      rss[i] = run.max_rss_kb / 1024.0;
      bench_process_clear (&run);
    }

  label = g_strdup_printf ("window, %u steps: launch to shown", n_steps);
  bench_print_series (label, shown, RUNS, "ms");
  g_free (label);
  label = g_strdup_printf ("window, %u steps: then its first frame", n_steps);
  bench_print_series (label, frame, RUNS, "ms");
  g_free (label);
  label = g_strdup_printf ("window, %u steps: peak memory", n_steps);
  bench_print_series (label, rss, RUNS, "MB");
}

static void
measure_refusal (const char *tandem,
                 const char *dir)
{
  g_autofree char *json_path = g_strdup_printf ("%s/over.json", dir);
  g_autofree char *out_path = g_strdup_printf ("%s/over.tandem", dir);
  g_autofree char *import_arg = g_strdup_printf ("--import-json=%s", json_path);
  g_autoptr(GString) json = generate (1000000, TRUE);
  const char *argv[] = { tandem, import_arg, out_path, NULL };
  double ms[RUNS], mb[RUNS];

  if (!g_file_set_contents (json_path, json->str, json->len, NULL))
    g_error ("could not write %s", json_path);
  g_print ("1,000,000 steps (compact JSON, %.1f MiB)\n", json->len / 1048576.0);

  for (guint i = 0; i < RUNS; i++)
    {
      BenchProcess run;

      run_or_die (argv, NULL, &run, 1);
      if (strstr (run.errors, "more than") == NULL)
        g_error ("not refused for its size: %s", run.errors);
      ms[i] = run.wall_ms;
      mb[i] = run.max_rss_kb / 1024.0;
      bench_process_clear (&run);
    }

  bench_print_series ("--import-json refuses 1,000,000 steps", ms, RUNS, "ms");
  bench_print_series ("--import-json refuses 1,000,000 steps, memory", mb, RUNS, "MB");
  g_unlink (json_path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *load = NULL;
  gboolean display = g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL;
  const guint sizes[] = { 20000, 100000 };

  if (argc != 2)
    g_error ("usage: bench-scale TANDEM");

  dir = tandem_test_make_temp_dir ();
  load = bench_uptime ();
  g_print ("scale (load average %s)\n", load);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      measure_file_commands (argv[1], dir, sizes[i]);
      if (display)
        measure_window (argv[1], dir, sizes[i]);
    }
  if (!display)
    g_print ("window: no display; run the benchmarks under xvfb-run to measure it\n");

  measure_refusal (argv[1], dir);

  g_free (load);
  load = bench_uptime ();
  g_print ("(load average at the end %s)\n", load);

  tandem_test_remove_tree (dir);

  return 0;
}
