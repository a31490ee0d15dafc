/* bench-exports.c: the journey-map and appendix exports, whole process, 100 to 100,000 cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Budgets (issue 13): one journey map of N cards in 5 stages × 4 lanes with N − 1 connectors,
 * exported by the real program from the command line, start-up included:
 *   tandem --export-map=x.pdf --map=before FILE   under 60, 120, 220 and 950 ms
 *   tandem --export-pdf=x.pdf FILE                under 150, 300, 1,000 and 4,000 ms
 * for N = 100, 500, 2,000 and 10,000; from 2,000 to 10,000 cards at most 5.5 times as long;
 * peak RSS of the 10,000-card runs under 100 MiB (map) and 150 MiB (appendix); the appendix
 * of 100,000 cards under 30 s (run once), with memory growing linearly (kB per card printed).
 * The projects are written as JSON and imported with `tandem --import-json` (not timed).
 * Every PDF written is checked to hold every card's title (pdftotext). Prints medians, ranges
 * and peak RSS; never fails on time (the machine may be busy), but fails on a wrong PDF.
 *
 * TANDEM_BENCH_SIZES="100,500" limits the sizes and TANDEM_BENCH_DIR=DIR keeps the projects
 * and PDFs in DIR (for profiling one of them).
 */

#include "config.h"

#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bench-util.h"
#include "tandem-test-util.h"

extern char **environ;

static const char *titles[] = {
  "Notices a lump and worries about it", "Books an appointment online",
  "Waits for a call back from the practice", "Seen by the practice nurse",
  "Referred to the hospital clinic", "Letter arrives with the date",
};

/* The workload of the issue: N cards in the 5 stages × 4 lanes of a journey, each card
 * joined to the next by a connector. Every title is different (a number and a full stop at its end), so the
 * check of the PDF's text can tell a card that is missing from one drawn twice. */
static char *
card_title (guint i)
{
  return g_strdup_printf ("%s, card %u.", titles[i % G_N_ELEMENTS (titles)], i + 1);
}

static void
append_id (GString    *json,
           const char *kind,
           guint       n)
{
  g_string_append_printf (json, "\"%s-%08u-4d1e-8a5c-%012u\"", kind, n, n);
}

/* The project as the JSON Tandem itself writes (format version 5), read in with
 * `tandem --import-json` as a team moving from another tool would: building 100,000 steps
 * through the model API one by one takes far longer than the exports being measured. */
static void
write_project (const char *tandem,
               const char *dir,
               const char *path,
               guint       n_cards)
{
  g_autoptr(GString) json = g_string_sized_new ((gsize)n_cards * 700);
  g_autofree char *json_path = g_strdup_printf ("%s/journey-%u.json", dir, n_cards);
  g_autofree char *import_arg = g_strdup_printf ("--import-json=%s", json_path);
  const char *argv[] = { tandem, import_arg, path, NULL };
  static const char *stages[] = {
    "Noticing a problem", "Getting help", "Assessment", "Treatment", "Going home",
  };
  static const char *lanes[] = {
    "Patient and family", "Front-line staff", "Behind the scenes", "Places and systems",
  };
  g_autoptr(GError) error = NULL;
  int status;

  g_string_append (json, "{\n\"format\" : \"tandem\",\n\"version\" : 5,\n\"project\" : {\n\"id\" : ");
  append_id (json, "project", 0);
  g_string_append (json, ",\n\"title\" : \"Exports at scale\",\n\"journeys\" : [{\n\"id\" : ");
  append_id (json, "journey", 0);
  g_string_append (json, ",\n\"title\" : \"Large journey\",\n\"stages\" : [");
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      g_string_append_printf (json, "%s{\"id\":", i ? "," : "");
      append_id (json, "stage", i);
      g_string_append_printf (json, ",\"title\":\"%s\",\"width\":260.0}", stages[i]);
    }
  g_string_append (json, "],\n\"lanes\" : [");
  for (guint i = 0; i < G_N_ELEMENTS (lanes); i++)
    {
      g_string_append_printf (json, "%s{\"id\":", i ? "," : "");
      append_id (json, "lane", i);
      g_string_append_printf (json, ",\"title\":\"%s\",\"height\":150.0}", lanes[i]);
    }
  g_string_append (json, "],\n\"maps\" : [{\n\"id\" : ");
  append_id (json, "map", 0);
  g_string_append (json, ",\n\"side\" : \"before\",\n\"steps\" : [");
  for (guint i = 0; i < n_cards; i++)
    {
      g_autofree char *title = card_title (i);

      g_string_append_printf (json, "%s{\n\"id\" : ", i ? "," : "");
      append_id (json, "step", i);
      g_string_append_printf (json, ",\n\"title\" : \"%s\",\n\"stage\" : ", title);
      append_id (json, "stage", (guint)((guint64)i * G_N_ELEMENTS (stages) / n_cards));
      g_string_append (json, ",\n\"lane\" : ");
      append_id (json, "lane", i % G_N_ELEMENTS (lanes));
      g_string_append_printf (json, ",\n\"order\" : %u.0}", i);
    }
  g_string_append (json, "],\n\"connectors\" : [");
  for (guint i = 0; i + 1 < n_cards; i++)
    {
      g_string_append_printf (json, "%s{\n\"id\" : ", i ? "," : "");
      append_id (json, "connector", i);
      g_string_append (json, ",\n\"from_step\" : ");
      append_id (json, "step", i);
      g_string_append (json, ",\n\"to_step\" : ");
      append_id (json, "step", i + 1);
      g_string_append (json, ",\n\"kind\" : \"next\"}");
    }
  g_string_append (json, "]}]}]\n}\n}\n");

  if (!g_file_set_contents (json_path, json->str, json->len, &error))
    g_error ("%s", error->message);
  g_unlink (path);
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                     NULL, &status, &error))
    g_error ("%s", error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("tandem --import-json %s: %s", json_path, error->message);
  g_unlink (json_path);
}

/* Whitespace and soft hyphens removed, so a title wrapped over two lines still matches. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x00AD && c != '-' && c != 0x2010)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static void
check_titles (const char *pdftotext,
              const char *pdf,
              guint       n_cards)
{
  const char *argv[] = { pdftotext, "-raw", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autofree gboolean *found = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  guint missing = 0;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                     NULL, &status, &error))
    g_error ("%s", error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("pdftotext %s: %s", pdf, error->message);

  /* Each title ends with ",card N." once squeezed: find every such ending, and check that the
   * text before it is the rest of card N's title. One pass over the text, however many cards
   * (a search of the whole text for each title would cost cards × text). */
  text = squeeze (out);
  found = g_new0 (gboolean, n_cards);
  for (const char *p = strstr (text, ",card"); p != NULL; p = strstr (p + 1, ",card"))
    {
      char *end;
      guint64 number = g_ascii_strtoull (p + 5, &end, 10);
      g_autofree char *title = NULL;
      g_autofree char *needle = NULL;
      gsize length;

      if (end == p + 5 || *end != '.' || number == 0 || number > n_cards)
        continue;
      title = card_title (number - 1);
      needle = squeeze (title);
      length = strlen (needle);
      if ((gsize)(end + 1 - text) >= length && memcmp (end + 1 - length, needle, length) == 0)
        found[number - 1] = TRUE;
    }
  for (guint i = 0; i < n_cards; i++)
    {
      if (!found[i] && missing++ < 5)
        {
          g_autofree char *title = card_title (i);

          g_printerr ("%s: no “%s” in its text\n", pdf, title);
        }
    }
  if (missing > 0)
    g_error ("%s: %u of %u card titles are missing from the PDF's text", pdf, missing, n_cards);
}

/* One run of the program, timed from before the spawn to after its exit; its peak RSS in
 * @max_rss_kb. */
static double
run_once (const char * const *argv,
          long               *max_rss_kb)
{
  posix_spawn_file_actions_t actions;
  struct rusage usage;
  gint64 start;
  double ms;
  pid_t pid;
  int status;

  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  start = g_get_monotonic_time ();
  if (posix_spawn (&pid, argv[0], &actions, NULL, (char **)argv, environ) != 0)
    g_error ("could not start %s", argv[0]);
  if (wait4 (pid, &status, 0, &usage) != pid)
    g_error ("wait4 failed");
  ms = (g_get_monotonic_time () - start) / 1000.0;
  posix_spawn_file_actions_destroy (&actions);

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s %s %s failed (status %d)", argv[0], argv[1], argv[2], status);
  *max_rss_kb = usage.ru_maxrss;

  return ms;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : (x > y ? 1 : 0);
}

/* Median of @runs runs, with the range and the largest peak RSS beside it. */
static double
measure (const char         *label,
         const char * const *argv,
         guint               runs,
         double              budget_ms,
         long               *peak_kb)
{
  g_autofree double *times = g_new0 (double, runs);
  long peak = 0;
  double median;

  for (guint i = 0; i < runs; i++)
    {
      long rss;

      times[i] = run_once (argv, &rss);
      peak = MAX (peak, rss);
    }
  qsort (times, runs, sizeof (double), compare_doubles);
  median = runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;

  g_print ("%-34s median %8.1f ms (min %.1f, max %.1f, %u runs)  budget %5.0f ms %s  "
           "peak RSS %5.1f MiB\n", label, median, times[0], times[runs - 1], runs, budget_ms,
           median < budget_ms ? "met" : "MISSED", peak / 1024.0);
  *peak_kb = peak;

  return median;
}

typedef struct
{
  guint  n_cards;
  double map_budget_ms;
  double appendix_budget_ms;
  guint  runs;
} Size;

/* The last, 100,000 steps (issue 13, point 3: the appendix in under 30 s, memory growing
 * linearly), is run once, and only its appendix. */
static const Size sizes[] = {
  { 100, 60, 150, 9 },
  { 500, 120, 300, 9 },
  { 2000, 220, 1000, 7 },
  { 10000, 950, 4000, 5 },
  { 100000, 0, 30000, 1 },
};

static gboolean
wanted (guint n_cards)
{
  const char *only = g_getenv ("TANDEM_BENCH_SIZES");
  g_auto(GStrv) list = NULL;

  if (only == NULL || *only == '\0')
    return TRUE;
  list = g_strsplit (only, ",", -1);
  for (guint i = 0; list[i] != NULL; i++)
    if (g_ascii_strtoull (list[i], NULL, 10) == n_cards)
      return TRUE;

  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  const char *tandem = g_getenv ("TANDEM");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *keep = g_getenv ("TANDEM_BENCH_DIR");
  g_autofree char *dir = keep != NULL ? g_strdup (keep) : tandem_test_make_temp_dir ();
  double map_ms[G_N_ELEMENTS (sizes)] = { 0 };
  double appendix_ms[G_N_ELEMENTS (sizes)] = { 0 };
  g_autofree char *load = NULL;

  if (tandem == NULL || pdftotext == NULL)
    {
      g_print ("bench-exports: needs $TANDEM and pdftotext (poppler-utils); skipped\n");
      return 77;
    }
  if (keep != NULL && g_mkdir_with_parents (dir, 0700) != 0)
    g_error ("could not make %s", dir);
  if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
    g_print ("load average at the start: %s", load);

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      const Size *size = &sizes[k];
      g_autofree char *project = NULL;
      g_autofree char *map_pdf = NULL;
      g_autofree char *appendix_pdf = NULL;
      g_autofree char *map_arg = NULL;
      g_autofree char *appendix_arg = NULL;
      g_autofree char *label = NULL;
      long peak_kb;

      if (!wanted (size->n_cards))
        continue;

      project = g_strdup_printf ("%s/journey-%u.tandem", dir, size->n_cards);
      map_pdf = g_strdup_printf ("%s/map-%u.pdf", dir, size->n_cards);
      appendix_pdf = g_strdup_printf ("%s/appendix-%u.pdf", dir, size->n_cards);
      write_project (tandem, dir, project, size->n_cards);

      g_print ("\n%u cards, %u connectors\n", size->n_cards, size->n_cards - 1);

      map_arg = g_strdup_printf ("--export-map=%s", map_pdf);
      if (size->map_budget_ms > 0)
        {
          const char *args[] = { tandem, map_arg, "--map=before", project, NULL };

          label = g_strdup_printf ("map export, %u cards", size->n_cards);
          map_ms[k] = measure (label, args, size->runs, size->map_budget_ms, &peak_kb);
          g_clear_pointer (&label, g_free);
          if (size->n_cards == 10000)
            g_print ("%-34s peak RSS %.1f MiB, budget 100 MiB %s\n", "", peak_kb / 1024.0,
                     peak_kb < 100 * 1024 ? "met" : "MISSED");
          check_titles (pdftotext, map_pdf, size->n_cards);
        }

      appendix_arg = g_strdup_printf ("--export-pdf=%s", appendix_pdf);
      {
        const char *args[] = { tandem, appendix_arg, "--pdf-date=2026-11-23", project, NULL };

        label = g_strdup_printf ("appendix, %u cards", size->n_cards);
        appendix_ms[k] = measure (label, args, size->runs, size->appendix_budget_ms, &peak_kb);
        g_clear_pointer (&label, g_free);
        if (size->n_cards == 10000)
          g_print ("%-34s peak RSS %.1f MiB, budget 150 MiB %s\n", "", peak_kb / 1024.0,
                   peak_kb < 150 * 1024 ? "met" : "MISSED");
        g_print ("%-34s %.1f kB of peak RSS per card\n", "", (double)peak_kb / size->n_cards);
        check_titles (pdftotext, appendix_pdf, size->n_cards);
      }
    }

  if (map_ms[2] > 0 && map_ms[3] > 0 && appendix_ms[2] > 0 && appendix_ms[3] > 0)
    g_print ("\n10,000 / 2,000 cards: map export %.2f×, appendix %.2f× (budget 5.5×)\n",
             map_ms[3] / map_ms[2], appendix_ms[3] / appendix_ms[2]);
  g_clear_pointer (&load, g_free);
  if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
    g_print ("load average at the end: %s", load);

  if (keep == NULL)
    tandem_test_remove_tree (dir);

  return 0;
}
