/* test-export-async.c: exports and imports run off the main thread, can be cancelled, and
 * give what the synchronous calls give
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "tandem-appendix.h"
#include "tandem-journey-export.h"
#include "tandem-journey-fixture.h"
#include "tandem-storage.h"
#include "tandem-template.h"
#include "tandem-test-util.h"

static TandemDocument *large;   /* generated once: an appendix of a few hundred pages */

/* Auxiliary methods */

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static void
on_result_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);

  return contents;
}

/* An exported image, with what differs between two exports of the same map taken out:
 * cairo numbers the surfaces of an SVG with a counter of the whole process. */
static char *
read_image (const char *path,
            gsize      *length)
{
  g_autoptr(GRegex) counter = g_regex_new ("surface[0-9]+", 0, 0, NULL);
  g_autofree char *contents = read_file (path, length);
  char *image;

  if (!g_str_has_suffix (path, ".svg"))
    return g_steal_pointer (&contents);

  image = g_regex_replace_literal (counter, contents, *length, 0, "surface", 0, NULL);
  *length = strlen (image);

  return image;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (listing) != NULL)
    n++;

  return n;
}

static TandemDocument *
get_large_document (void)
{
  if (large == NULL)
    large = tandem_test_generate_document (2000);

  return large;
}

/* The appendix */

typedef struct
{
  GArray       *fractions;
  GCancellable *cancel_at_half;
  gboolean      finished;
  gint64        cancelled_at;
} Progress;

static GThread *main_thread;

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  Progress *progress = user_data;

  /* In the caller's thread, never after the result. */
  g_assert_true (g_thread_self () == main_thread);
  g_assert_false (progress->finished);
  g_array_append_val (progress->fractions, fraction);

  if (progress->cancel_at_half != NULL && fraction >= 0.5 && progress->cancelled_at == 0)
    {
      progress->cancelled_at = g_get_monotonic_time ();
      g_cancellable_cancel (progress->cancel_at_half);
    }
}

static void
test_appendix_same_as_sync (void)
{
  g_autoptr(TandemDocument) document = tandem_test_generate_document (300);
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *sync_path = g_build_filename (dir, "sync.pdf", NULL);
  g_autofree char *async_path = g_build_filename (dir, "async.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (async_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sync_bytes = NULL;
  g_autofree char *async_bytes = NULL;
  gsize sync_length, async_length;
  TandemAppendixOptions options;

  tandem_appendix_options_init (&options);
  tandem_appendix_options_set_date (&options, "2026-11-23", NULL);

  g_assert_true (tandem_appendix_write_pdf (document, &options, sync_path, &error));
  g_assert_no_error (error);

  tandem_appendix_export_async (document, &options, file, NULL, NULL, NULL, on_result_cb, &result);
  g_assert_true (tandem_appendix_export_finish (wait_for_result (&result), &error));
  g_assert_no_error (error);

  /* The same pages, byte for byte: the worker writes from a faithful copy. */
  sync_bytes = read_file (sync_path, &sync_length);
  async_bytes = read_file (async_path, &async_length);
  g_assert_cmpuint (async_length, >, 10000);
  g_assert_cmpmem (async_bytes, async_length, sync_bytes, sync_length);

  tandem_appendix_options_clear (&options);
  tandem_test_remove_tree (dir);
}

static void
test_appendix_progress (void)
{
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "appendix.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { g_array_new (FALSE, FALSE, sizeof (double)), NULL, FALSE, 0 };
  TandemAppendixOptions options;
  double last = 0;

  tandem_appendix_options_init (&options);
  tandem_appendix_export_async (get_large_document (), &options, file, NULL, on_progress_cb,
                                &progress, on_result_cb, &result);
  g_assert_true (tandem_appendix_export_finish (wait_for_result (&result), &error));
  g_assert_no_error (error);
  progress.finished = TRUE;

  /* Reported in the caller's main loop, many times, never going back, ending at 1. */
  g_test_message ("%u reports of progress", progress.fractions->len);
  g_assert_cmpuint (progress.fractions->len, >=, 2);
  for (guint i = 0; i < progress.fractions->len; i++)
    {
      double fraction = g_array_index (progress.fractions, double, i);

      g_assert_cmpfloat (fraction, >, last);
      g_assert_cmpfloat (fraction, <=, 1.0);
      last = fraction;
    }
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* Nothing is reported after the result. */
  while (g_main_context_iteration (NULL, FALSE));

  g_array_unref (progress.fractions);
  tandem_appendix_options_clear (&options);
  tandem_test_remove_tree (dir);
}

static void
test_appendix_cancel (void)
{
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "appendix.pdf", NULL);
  g_autofree char *kept = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { g_array_new (FALSE, FALSE, sizeof (double)), cancellable, FALSE, 0 };
  TandemAppendixOptions options;

  tandem_appendix_options_init (&options);

  /* Cancelled half-way: no file, no temporary, and the result says cancelled. */
  tandem_appendix_export_async (get_large_document (), &options, file, cancellable,
                                on_progress_cb, &progress, on_result_cb, &result);
  g_assert_false (tandem_appendix_export_finish (wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_cancellable_is_cancelled (cancellable));
  g_test_message ("cancelled at %.0f%%, the result %.0f ms later",
                  g_array_index (progress.fractions, double, progress.fractions->len - 1) * 100,
                  (g_get_monotonic_time () - progress.cancelled_at) / 1e3);
  g_assert_cmpfloat (g_array_index (progress.fractions, double, progress.fractions->len - 1), <,
                     1.0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir), ==, 0);

  /* Cancelled over an existing file: that file is left as it was. */
  g_clear_object (&result);
  g_clear_error (&error);
  g_array_set_size (progress.fractions, 0);
  progress.cancelled_at = 0;
  g_cancellable_reset (cancellable);
  g_assert_true (g_file_set_contents (path, "the appendix sent last month", -1, NULL));
  tandem_appendix_export_async (get_large_document (), &options, file, cancellable,
                                on_progress_cb, &progress, on_result_cb, &result);
  g_assert_false (tandem_appendix_export_finish (wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  kept = read_file (path, NULL);
  g_assert_cmpstr (kept, ==, "the appendix sent last month");
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* Cancelled before it starts: nothing is written either. */
  g_clear_object (&result);
  g_clear_error (&error);
  g_unlink (path);
  tandem_appendix_export_async (get_large_document (), &options, file, cancellable, NULL, NULL,
                                on_result_cb, &result);
  g_assert_false (tandem_appendix_export_finish (wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_files (dir), ==, 0);

  g_array_unref (progress.fractions);
  tandem_appendix_options_clear (&options);
  tandem_test_remove_tree (dir);
}

static void
test_appendix_laid_out_off_thread (void)
{
  TandemDocument *document = tandem_test_generate_document (300);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  TandemAppendixOptions options;
  TandemFlow *expected;
  TandemFlow *flow;
  cairo_t *cr;

  tandem_appendix_options_init (&options);
  tandem_appendix_options_set_date (&options, "2026-11-23", NULL);
  expected = tandem_appendix_build (document, &options);

  tandem_appendix_build_async (document, &options, NULL, on_result_cb, &result);
  flow = tandem_appendix_build_finish (wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (flow);

  /* The same pages, and the flow holds what its figures need: it can be drawn here, on the
   * main thread (as GtkPrintOperation does), after the document is gone. */
  g_assert_cmpuint (tandem_flow_get_n_pages (flow), ==, tandem_flow_paginate (expected));
  g_assert_cmpuint (tandem_flow_get_n_figures (flow), >, 0);
  g_object_unref (document);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 60, 84);
  cr = cairo_create (surface);
  cairo_scale (cr, 0.1, 0.1);
  for (guint i = 0; i < tandem_flow_get_n_pages (flow); i++)
    tandem_flow_draw_page (flow, cr, i, FALSE);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  tandem_flow_free (flow);
  tandem_flow_free (expected);
  tandem_appendix_options_clear (&options);
}

/* Journey maps */

static void
test_journey_same_as_sync (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_feverish_child (document);
  g_autofree char *dir = tandem_test_make_temp_dir ();
  const char *formats[] = { "png", "svg", "pdf" };
  TandemJourneyExportOptions options;

  tandem_journey_export_options_init (&options);
  options.show = TANDEM_JOURNEY_SHOW_BOTH;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *sync_path = g_strdup_printf ("%s/sync.%s", dir, formats[i]);
      g_autofree char *async_path = g_strdup_printf ("%s/async.%s", dir, formats[i]);
      g_autoptr(GFile) sync_file = g_file_new_for_path (sync_path);
      g_autoptr(GFile) async_file = g_file_new_for_path (async_path);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *sync_bytes = NULL;
      g_autofree char *async_bytes = NULL;
      gsize sync_length, async_length;

      g_assert_true (tandem_journey_export (journey, sync_file, &options, &error));
      g_assert_no_error (error);

      tandem_journey_export_to_file_async (journey, async_file, &options, NULL, on_result_cb,
                                           &result);

      /* Editing the map while it is drawn changes nothing in the file: the worker draws
       * from the copy taken when the export began. */
      tandem_document_begin (document, "Rename");
      tandem_journey_set_title (journey, "Renamed while exporting");
      tandem_document_commit (document);

      g_assert_true (tandem_journey_export_to_file_finish (wait_for_result (&result), &error));
      g_assert_no_error (error);
      tandem_document_undo (document);

      sync_bytes = read_image (sync_path, &sync_length);
      async_bytes = read_image (async_path, &async_length);
      g_assert_cmpuint (async_length, >, 1000);
      g_assert_cmpmem (async_bytes, async_length, sync_bytes, sync_length);
    }

  tandem_test_remove_tree (dir);
}

static void
test_journey_errors_and_cancel (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_feverish_child (document);
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *jpeg = g_build_filename (dir, "map.jpg", NULL);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autoptr(GFile) jpeg_file = g_file_new_for_path (jpeg);
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* The same sentence as the synchronous export. */
  tandem_journey_export_to_file_async (journey, jpeg_file, NULL, NULL, on_result_cb, &result);
  g_assert_false (tandem_journey_export_to_file_finish (wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, ".png, .svg or .pdf"));

  /* Cancelled before the drawing starts: nothing is written. */
  g_clear_object (&result);
  g_clear_error (&error);
  g_cancellable_cancel (cancellable);
  tandem_journey_export_to_file_async (journey, png_file, NULL, cancellable, on_result_cb,
                                       &result);
  g_assert_false (tandem_journey_export_to_file_finish (wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_files (dir), ==, 0);

  tandem_test_remove_tree (dir);
}

/* Templates */

static void
test_template_export_and_import (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new_project ();
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autofree char *sync_path = g_build_filename (dir, "sync.json", NULL);
  g_autofree char *async_path = g_build_filename (dir, "async.json", NULL);
  g_autoptr(GFile) sync_file = g_file_new_for_path (sync_path);
  g_autoptr(GFile) async_file = g_file_new_for_path (async_path);
  g_autoptr(TandemTemplate) sync_template = NULL;
  g_autoptr(TandemTemplate) async_template = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sync_bytes = NULL;
  g_autofree char *async_bytes = NULL;
  g_autofree char *sync_text = NULL;
  g_autofree char *async_text = NULL;
  TandemChecklist *checklist;

  checklist = tandem_template_instantiate (tandem_template_find_builtin ("t8-legal-duties"),
                                           document, "New");

  /* Exported: the same bytes either way, even when the checklist is renamed meanwhile. */
  g_assert_true (tandem_template_export (checklist, sync_file, &error));
  g_assert_no_error (error);
  tandem_template_export_async (checklist, async_file, NULL, on_result_cb, &result);
  tandem_document_begin (document, "Rename");
  tandem_checklist_set_title (checklist, "Renamed while exporting");
  tandem_document_commit (document);
  g_assert_true (tandem_template_export_finish (wait_for_result (&result), &error));
  g_assert_no_error (error);
  sync_bytes = read_file (sync_path, NULL);
  async_bytes = read_file (async_path, NULL);
  g_assert_cmpstr (async_bytes, ==, sync_bytes);

  /* Imported: the same template either way. */
  g_clear_object (&result);
  sync_template = tandem_template_new_from_file (sync_file, &error);
  g_assert_no_error (error);
  tandem_template_import_async (async_file, NULL, on_result_cb, &result);
  async_template = tandem_template_import_finish (wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_true (TANDEM_IS_TEMPLATE (async_template));
  sync_text = tandem_template_write (sync_template, NULL, &error);
  async_text = tandem_template_write (async_template, NULL, &error);
  g_assert_cmpstr (async_text, ==, sync_text);

  tandem_test_remove_tree (dir);
}

static void
test_template_import_refused (void)
{
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) sync_error = NULL;
  g_autoptr(GError) error = NULL;

  /* The same sentence as the synchronous import. */
  g_assert_null (tandem_template_new_from_file (folder, &sync_error));
  tandem_template_import_async (folder, NULL, on_result_cb, &result);
  g_assert_null (tandem_template_import_finish (wait_for_result (&result), &error));
  g_assert_error (error, TANDEM_STORAGE_ERROR, sync_error->code);
  g_assert_cmpstr (error->message, ==, sync_error->message);

  g_clear_object (&result);
  g_clear_error (&error);
  g_cancellable_cancel (cancellable);
  tandem_template_import_async (folder, cancellable, on_result_cb, &result);
  g_assert_null (tandem_template_import_finish (wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  tandem_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();

  /* PDFs carry their date: the same one for both ways of exporting. */
  g_setenv ("SOURCE_DATE_EPOCH", "1795000000", TRUE);

  g_test_add_func ("/export/async/appendix/same-as-sync", test_appendix_same_as_sync);
  g_test_add_func ("/export/async/appendix/progress", test_appendix_progress);
  g_test_add_func ("/export/async/appendix/cancel", test_appendix_cancel);
  g_test_add_func ("/export/async/appendix/laid-out-off-thread", test_appendix_laid_out_off_thread);
  g_test_add_func ("/export/async/journey/same-as-sync", test_journey_same_as_sync);
  g_test_add_func ("/export/async/journey/errors-and-cancel", test_journey_errors_and_cancel);
  g_test_add_func ("/export/async/template/export-and-import", test_template_export_and_import);
  g_test_add_func ("/export/async/template/import-refused", test_template_import_refused);

  status = g_test_run ();
  g_clear_object (&large);

  return status;
}
