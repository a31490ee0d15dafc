/* bench-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <string.h>
#include <unistd.h>

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

/* Medians of runs that are not one function call: a whole process, say. Sorts @values. */
double
bench_median (double *values,
              guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);

  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

void
bench_print_series (const char *name,
                    double     *values,
                    guint       n,
                    const char *unit)
{
  double median = bench_median (values, n);

  g_print ("%-44s median %8.1f %s   (min %.1f, max %.1f, %u runs)\n",
           name, median, unit, values[0], values[n - 1], n);
}

/* The load average, to print beside wall-clock figures from a shared machine. */
char *
bench_uptime (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("unknown");

  fields = g_strsplit (text, " ", 4);
  if (g_strv_length (fields) < 4)
    return g_strdup ("unknown");

  return g_strdup_printf ("%s %s %s", fields[0], fields[1], fields[2]);
}

/**
 * bench_run_process:
 * @env: (nullable): extra NAME=VALUE settings on top of this process's environment
 *
 * Runs @argv to its end, timed from just before the launch, with its peak memory (from
 * wait4()) and the moments it wrote as "tandem-trace: WHAT MONOTONIC-µs" lines, which share
 * this process's monotonic clock.
 */
gboolean
bench_run_process (const char * const *argv,
                   const char * const *env,
                   BenchProcess       *out)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autoptr(GString) all = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  struct rusage usage;
  int fds[2];
  gint64 start;
  pid_t pid;
  int status;

  memset (out, 0, sizeof *out);
  out->marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      envp = g_environ_setenv (envp, pair[0], pair[1] ? pair[1] : "", TRUE);
    }

  if (pipe (fds) != 0)
    return FALSE;

  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid < 0)
    return FALSE;
  if (pid == 0)
    {
      dup2 (fds[1], STDERR_FILENO);
      close (fds[0]);
      close (fds[1]);
      execve (argv[0], (char **)argv, envp);
      _exit (127);
    }

  close (fds[1]);
  for (;;)
    {
      char buffer[4096];
      ssize_t n = read (fds[0], buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      g_string_append_len (all, buffer, n);
    }
  close (fds[0]);

  while (wait4 (pid, &status, 0, &usage) < 0)
    {
      if (errno != EINTR)
        return FALSE;
    }

  out->wall_ms = (g_get_monotonic_time () - start) / 1000.0;
  out->max_rss_kb = usage.ru_maxrss;
  out->status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;

  lines = g_strsplit (all->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char what[64];
      gint64 when;

      if (sscanf (lines[i], "tandem-trace: %63s %" G_GINT64_FORMAT, what, &when) == 2)
        {
          double *ms = g_new (double, 1);

          *ms = (when - start) / 1000.0;
          g_hash_table_replace (out->marks, g_strdup (what), ms);
        }
      else if (lines[i][0] != '\0')
        g_string_append_printf (errors, "%s\n", lines[i]);
    }

  out->errors = g_string_free (g_steal_pointer (&errors), FALSE);

  return TRUE;
}

/* Milliseconds after the launch at which the process said @what, or -1. */
double
bench_process_mark (BenchProcess *process,
                    const char   *what)
{
  double *ms = g_hash_table_lookup (process->marks, what);

  return ms ? *ms : -1;
}

void
bench_process_clear (BenchProcess *process)
{
  g_clear_pointer (&process->marks, g_hash_table_unref);
  g_clear_pointer (&process->errors, g_free);
}
