/* bench-appendix.c: the PCBC appendix of the large benchmark document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Budget (issue 5): 100 pages in under 2 s. Prints the pages and medians; never fails on time.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bench-util.h"
#include "tandem-appendix.h"
#include "tandem-test-util.h"

typedef struct
{
  TandemDocument        *document;
  TandemAppendixOptions  options;
  char                  *path;
  guint                  pages;
} Context;

static void
export_once (gpointer data)
{
  Context *context = data;
  g_autoptr(GError) error = NULL;

  if (!tandem_appendix_write_pdf (context->document, &context->options, context->path, &error))
    g_error ("%s", error->message);
}

static void
layout_once (gpointer data)
{
  Context *context = data;
  TandemFlow *flow = tandem_appendix_build (context->document, &context->options);

  context->pages = tandem_flow_paginate (flow);
  tandem_flow_free (flow);
}

static void
measure (const char *name,
         guint       n_objects,
         guint       runs)
{
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *label = NULL;
  Context context = { 0 };
  GStatBuf st;
  double median;

  context.document = tandem_test_generate_document (n_objects);
  tandem_appendix_options_init (&context.options);
  tandem_appendix_options_set_date (&context.options, "2026-11-23", NULL);
  context.path = g_build_filename (dir, "appendix.pdf", NULL);

  layout_once (&context);
  label = g_strdup_printf ("%s: lay out %u pages", name, context.pages);
  bench_median_ms (label, runs, layout_once, &context);
  g_free (label);
  label = g_strdup_printf ("%s: write the PDF of %u pages", name, context.pages);
  median = bench_median_ms (label, runs, export_once, &context);
  g_stat (context.path, &st);
  g_print ("%-44s %.0f ms per 100 pages, %.1f MiB\n", "", median * 100 / context.pages,
           st.st_size / 1048576.0);

  tandem_appendix_options_clear (&context.options);
  g_object_unref (context.document);
  g_free (context.path);
  tandem_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  measure ("1,000 objects", 1000, 7);
  measure ("10,000 objects", 10000, 3);

  return 0;
}
