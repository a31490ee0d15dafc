/* tandem-journey-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-journey-export"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "tandem-appendix.h"
#include "tandem-snapshot.h"
#include "tandem-file-writer.h"
#include "tandem-journey-export.h"
#include "tandem-journey-painter.h"

/*
 * Journey maps as PNG, SVG and PDF, drawn by the same painter as the canvas. The image is
 * made in memory and then written with tandem_file_replace_contents(), which writes a
 * temporary file beside the target and renames it over: a failure never leaves half an image
 * behind, and an existing file is only replaced by a complete one.
 */

/* Cairo image surfaces stop at 32767 pixels a side. */
#define MAX_PNG_SIDE 32000.0

/* Auxiliary methods */

static cairo_status_t
write_to_bytes (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  if (status == CAIRO_STATUS_NO_MEMORY)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("There is not enough memory to draw the map. Export one map at a time, or "
                   "as SVG or PDF."));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("The map could not be drawn (%s)."), cairo_status_to_string (status));

  return FALSE;
}

static char *
pdf_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) now = NULL;

  /* Reproducible builds and tests give the date; otherwise it is now. */
  if (epoch != NULL && epoch[0] != '\0')
    now = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
  else
    now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Public API */

void
tandem_journey_export_options_init (TandemJourneyExportOptions *options)
{
  options->show = TANDEM_JOURNEY_SHOW_BOTH;
  options->arrangement = TANDEM_JOURNEY_ARRANGE_ABOVE_BELOW;
  options->png_scale = 0;
}

/**
 * tandem_image_format_for_file:
 *
 * Returns: %TRUE when @file's name ends in .png, .svg or .pdf (any case)
 */
gboolean
tandem_image_format_for_file (GFile             *file,
                              TandemImageFormat *format)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (g_str_has_suffix (lower, ".png"))
    *format = TANDEM_IMAGE_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = TANDEM_IMAGE_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = TANDEM_IMAGE_FORMAT_PDF;
  else
    return FALSE;

  return TRUE;
}

/**
 * tandem_journey_render:
 *
 * Draws the maps of @journey that @options asks for, with the journey's title and the key.
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error set to a sentence
 */
GBytes *
tandem_journey_render (TandemJourney                    *journey,
                       TandemImageFormat                 format,
                       const TandemJourneyExportOptions *options,
                       GError                          **error)
{
  g_autoptr(TandemJourneyFigure) figure = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  TandemJourneyExportOptions defaults;
  /* A painter of its own rather than the shared one: exports run on worker threads. */
  g_autoptr(TandemJourneyPainter) painter = tandem_journey_painter_new ();
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;
  double width, height, scale = 1;

  g_return_val_if_fail (TANDEM_IS_JOURNEY (journey), NULL);

  if (options == NULL)
    {
      tandem_journey_export_options_init (&defaults);
      options = &defaults;
    }

  figure = tandem_journey_figure_new (journey, options->show);
  tandem_journey_figure_set_arrangement (figure, options->arrangement);
  tandem_journey_figure_set_show_title (figure, TRUE);
  tandem_journey_figure_set_show_legend (figure, TRUE);
  tandem_journey_figure_get_size (figure, &width, &height);

  switch (format)
    {
    case TANDEM_IMAGE_FORMAT_PNG:
      scale = options->png_scale > 0 ? options->png_scale : 2.0;
      scale = MIN (scale, MAX_PNG_SIDE / MAX (width, height));
      if (scale < 0.5)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("The map is too large for a PNG image (%.0f by %.0f points). Export it "
                         "as SVG or PDF instead."), width, height);
          return NULL;
        }
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)ceil (width * scale),
                                            (int)ceil (height * scale));
      break;

    case TANDEM_IMAGE_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_bytes, bytes, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      break;

    case TANDEM_IMAGE_FORMAT_PDF:
      {
        g_autofree char *title = g_strdup_printf (_("Journey map: %s"),
                                                  tandem_journey_get_title (journey));
        g_autofree char *creator = g_strdup_printf ("Tandem %s", PACKAGE_VERSION);
        g_autofree char *date = pdf_date ();

        surface = cairo_pdf_surface_create_for_stream (write_to_bytes, bytes, width, height);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
      }
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  if (!check_status (cairo_surface_status (surface), error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  tandem_journey_painter_draw (painter, cr, figure, NULL);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == TANDEM_IMAGE_FORMAT_PNG)
    {
      cairo_surface_flush (surface);
      status = cairo_surface_write_to_png_stream (surface, write_to_bytes, bytes);
    }

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_status (status, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * tandem_journey_export:
 *
 * Draws the maps into @file, whose name says the format (.png, .svg or .pdf). The file is
 * replaced only by a complete image.
 */
gboolean
tandem_journey_export (TandemJourney                    *journey,
                       GFile                            *file,
                       const TandemJourneyExportOptions *options,
                       GError                          **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GBytes) bytes = NULL;
  TandemImageFormat format;

  g_return_val_if_fail (TANDEM_IS_JOURNEY (journey), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!tandem_image_format_for_file (file, &format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” does not end in .png, .svg or .pdf, the kinds of file Tandem can draw "
                     "a journey map into."), name);
      return FALSE;
    }

  bytes = tandem_journey_render (journey, format, options, error);
  if (bytes == NULL)
    return FALSE;

  /* The writer's sentence already names the file and what to do. */
  if (!tandem_file_replace_contents (file, g_bytes_get_data (bytes, NULL),
                                     g_bytes_get_size (bytes), error))
    return FALSE;

  return TRUE;
}

/* Exporting on a worker thread */

typedef struct
{
  TandemSnapshot             *snapshot;    /* taken now, so the user can go on editing */
  char                       *journey_id;  /* the journey to draw, found in the worker's copy */
  GFile                      *file;
  TandemJourneyExportOptions  options;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  _tandem_snapshot_free (export->snapshot);
  g_free (export->journey_id);
  g_clear_object (&export->file);
  g_free (export);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *export = task_data;
  g_autoptr(TandemDocument) document = NULL;
  TandemObject *journey;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* The worker's own document, built from the snapshot (the same copy saving uses). */
  document = _tandem_snapshot_to_document (export->snapshot);
  journey = tandem_document_lookup (document, export->journey_id);
  g_assert (TANDEM_IS_JOURNEY (journey));

  if (tandem_journey_export (TANDEM_JOURNEY (journey), export->file, &export->options, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * tandem_journey_export_to_file_async:
 * @options: (nullable): as for tandem_journey_export()
 * @cancellable: (nullable): cancelled before the drawing starts, nothing is written; a map is
 *   drawn and written in one go, in about a second for the largest
 *
 * Takes a snapshot of the document of @journey now and draws the maps into @file on a worker thread, as
 * tandem_journey_export() does.
 */
void
tandem_journey_export_to_file_async (TandemJourney                    *journey,
                                     GFile                            *file,
                                     const TandemJourneyExportOptions *options,
                                     GCancellable                     *cancellable,
                                     GAsyncReadyCallback               callback,
                                     gpointer                          user_data)
{
  g_autoptr(GTask) task = NULL;
  TandemDocument *document;
  ExportData *export;

  g_return_if_fail (TANDEM_IS_JOURNEY (journey));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  document = tandem_object_get_document (TANDEM_OBJECT (journey));
  g_return_if_fail (TANDEM_IS_DOCUMENT (document));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tandem_journey_export_to_file_async);

  export = g_new0 (ExportData, 1);
  export->snapshot = _tandem_snapshot_new (document);
  export->journey_id = g_strdup (tandem_object_get_id (TANDEM_OBJECT (journey)));
  export->file = g_file_dup (file);
  if (options != NULL)
    export->options = *options;
  else
    tandem_journey_export_options_init (&export->options);
  g_task_set_task_data (task, export, export_data_free);

  g_task_run_in_thread (task, export_thread);
}

/**
 * tandem_journey_export_to_file_finish:
 *
 * Returns: %TRUE when @file holds the maps; otherwise @error is a sentence naming the file
 */
gboolean
tandem_journey_export_to_file_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        tandem_journey_export_to_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
