/* bench-engagement.c: a large engagement record (issue 11, point 12)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Budgets: a project with 2,000 activities, 60 groups and 500 themes opens and saves in under
 * 100 ms each, and its appendix writes in under 2 s. The reach view's budget (50 ms) is for the
 * window; this measures its model part, tandem_reach_new() and the gap sentences, which the
 * view draws from. Also the search for personal data that runs before every export. Prints
 * medians and the load average; never fails on time.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bench-util.h"
#include "tandem-activity.h"
#include "tandem-appendix.h"
#include "tandem-engagement.h"
#include "tandem-group.h"
#include "tandem-personal-data.h"
#include "tandem-storage.h"
#include "tandem-test-util.h"
#include "tandem-theme.h"
#include "tandem-theme-link.h"

#define N_ACTIVITIES 2000
#define N_GROUPS     60
#define N_THEMES     500

typedef struct
{
  TandemDocument        *document;
  TandemAppendixOptions  options;
  char                  *path;
} Context;

static void
print_load (const char *when)
{
  g_autofree char *load = NULL;

  if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
    g_print ("load average %s: %s", when, load);
}

/* Text of the length people type: a few sentences per activity, a paragraph per theme. */
static TandemDocument *
generate (void)
{
  TandemDocument *document = tandem_document_new_project ();
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autoptr(GPtrArray) activities = g_ptr_array_new ();
  GRand *rand = g_rand_new_with_seed (11);

  tandem_document_begin (document, "Generate");
  tandem_document_set_title (document, "Engagement benchmark");

  for (guint i = 0; i < N_GROUPS; i++)
    {
      g_autoptr(TandemGroup) group = tandem_group_new ();
      g_autofree char *name = g_strdup_printf ("Group %u of people the change affects", i + 1);

      tandem_group_set_name (group, name);
      tandem_group_set_description (group, "Who they are, where they live and how to reach them.");
      tandem_group_set_most_affected (group, i % 8 == 0);
      tandem_list_append (tandem_document_get_groups (document), group);
      g_ptr_array_add (groups, group);
    }

  for (guint i = 0; i < N_ACTIVITIES; i++)
    {
      g_autoptr(TandemActivity) activity = tandem_activity_new ();
      g_autofree char *title = g_strdup_printf ("Drop-in session %u at the community centre", i + 1);
      g_autofree char *date = g_strdup_printf ("2026-%02u-%02u", 1 + i % 12, 1 + i % 28);
      guint n_groups = 1 + g_rand_int_range (rand, 0, 4);

      tandem_activity_set_title (activity, title);
      tandem_activity_set_date (activity, date);
      tandem_activity_set_stage (activity, i % TANDEM_N_CHANGE_STAGES);
      tandem_activity_set_method (activity, i % TANDEM_N_ENGAGEMENT_METHODS);
      tandem_activity_set_place (activity, "Riverside Community Centre, main hall");
      tandem_activity_set_participants (activity, g_rand_int_range (rand, 3, 120));
      tandem_activity_set_rung (activity, 1 + i % 7);
      tandem_activity_set_notes (activity,
                                 "People described their last visit to the walk-in centre, how "
                                 "long they waited and how they got there. Several had no car "
                                 "and two buses each way; parents brought children with them.");
      tandem_list_append (tandem_document_get_activities (document), activity);
      tandem_activity_set_support (activity, TANDEM_SUPPORT_TRAVEL | TANDEM_SUPPORT_CHILDCARE);
      for (guint g = 0; g < n_groups; g++)
        tandem_activity_set_reaches_group (activity,
                                           g_ptr_array_index (groups, g_rand_int_range (rand, 0, N_GROUPS)),
                                           TRUE);
      g_ptr_array_add (activities, activity);
    }

  for (guint i = 0; i < N_THEMES; i++)
    {
      g_autoptr(TandemTheme) theme = tandem_theme_new ();
      g_autofree char *title = g_strdup_printf ("Theme %u: getting to the hospital", i + 1);

      tandem_theme_set_title (theme, title);
      tandem_theme_set_said (theme, "It takes two buses to get there and the last one leaves "
                                    "before the evening clinic ends. Parking costs too much for "
                                    "people who come every week.");
      tandem_theme_set_raised_by (theme, g_rand_int_range (rand, 1, 300));
      tandem_theme_set_response (theme, 1 + i % 4);
      tandem_theme_set_change (theme, "The evening clinic moves to the town centre site, on the "
                                      "bus routes, and parking is free for weekly patients.");
      tandem_theme_set_reason (theme, i % 4 == 2 ? "The budget for transport is set nationally." : "");
      if (i % 5 != 0)
        {
          tandem_theme_set_fed_back_date (theme, "2026-06-01");
          tandem_theme_set_fed_back_how (theme, "Newsletter and a drop-in");
        }
      tandem_list_append (tandem_document_get_themes (document), theme);
      for (guint l = 0; l < 3; l++)
        {
          g_autoptr(TandemThemeLink) link = tandem_theme_link_new ();
          TandemObject *target = g_ptr_array_index (activities, g_rand_int_range (rand, 0, N_ACTIVITIES));

          tandem_theme_link_set_target (link, tandem_object_get_id (target));
          tandem_list_append (tandem_theme_get_links (theme), link);
        }
    }

  tandem_document_commit (document);
  g_rand_free (rand);

  return document;
}

static void
reach_once (gpointer data)
{
  Context *context = data;
  g_autoptr(TandemReach) reach = tandem_reach_new (context->document);
  g_autoptr(GPtrArray) gaps = tandem_reach_dup_gaps (reach);

  g_assert (tandem_reach_get_n_groups (reach) == N_GROUPS);
}

static void
personal_data_once (gpointer data)
{
  Context *context = data;
  g_autoptr(GPtrArray) findings = tandem_personal_data_find (context->document);

  g_assert (findings->len == 0);
}

static void
layout_once (gpointer data)
{
  Context *context = data;
  TandemFlow *flow = tandem_appendix_build (context->document, &context->options);

  tandem_flow_paginate (flow);
  tandem_flow_free (flow);
}

/* Which part costs what: each engagement part laid out on its own, for whoever works on it. */
static void
measure_parts (Context *context)
{
  static const char * const parts[] = { "engagement", "reach", "ladder", "you-said", NULL };

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *label = g_strdup_printf ("appendix part %s: lay out", parts[i]);
      TandemFlow *flow;
      guint pages;

      tandem_appendix_options_clear (&context->options);
      tandem_appendix_options_init (&context->options);
      tandem_appendix_options_set_date (&context->options, "2026-11-23", NULL);
      if (!tandem_appendix_options_set_parts (&context->options, parts[i], NULL))
        g_error ("no part %s", parts[i]);
      flow = tandem_appendix_build (context->document, &context->options);
      pages = tandem_flow_paginate (flow);
      tandem_flow_free (flow);
      g_free (label);
      label = g_strdup_printf ("appendix part %s: lay out %u pages", parts[i], pages);
      bench_median_ms (label, 3, layout_once, context);
    }
}

static void
appendix_once (gpointer data)
{
  Context *context = data;
  g_autoptr(GError) error = NULL;

  if (!tandem_appendix_write_pdf (context->document, &context->options, context->path, &error))
    g_error ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *file_path = g_build_filename (dir, "engagement.tandem", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(GError) error = NULL;
  Context context = { 0 };
  GStatBuf st;

  print_load ("at the start");
  context.document = generate ();
  if (!tandem_storage_save (context.document, file, NULL, &error))
    g_error ("%s", error->message);
  g_stat (file_path, &st);
  g_print ("document: %u activities, %u groups, %u themes; %u model objects, %.1f MiB on disk\n",
           N_ACTIVITIES, N_GROUPS, N_THEMES, tandem_document_get_n_objects (context.document),
           st.st_size / 1048576.0);

  bench_save_and_open ("save (atomic, with fsync)", "open (checked, untrusted)",
                       context.document, file, 15);
  bench_median_ms ("reach: tandem_reach_new + gaps (model only)", 21, reach_once, &context);
  bench_median_ms ("personal data search (before each export)", 11, personal_data_once, &context);

  tandem_appendix_options_init (&context.options);
  tandem_appendix_options_set_date (&context.options, "2026-11-23", NULL);
  context.path = g_build_filename (dir, "appendix.pdf", NULL);
  bench_median_ms ("appendix, every part (PDF written)", 5, appendix_once, &context);
  g_stat (context.path, &st);
  {
    TandemFlow *flow = tandem_appendix_build (context.document, &context.options);

    g_print ("%-44s %u pages, %.1f MiB\n", "", tandem_flow_paginate (flow),
             st.st_size / 1048576.0);
    tandem_flow_free (flow);
  }
  measure_parts (&context);
  print_load ("at the end");

  tandem_appendix_options_clear (&context.options);
  g_free (context.path);
  g_object_unref (context.document);
  tandem_test_remove_tree (dir);

  return 0;
}
