/* tandem-journey-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-journey-export"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pango.h>

#include "tandem-appendix.h"
#include "tandem-snapshot.h"
#include "tandem-file-writer.h"
#include "tandem-journey-export.h"
#include "tandem-journey-measures.h"
#include "tandem-journey-metrics.h"
#include "tandem-journey-painter.h"
#include "tandem-labels.h"
#include "tandem-pdf-tags.h"
#include "tandem-stage.h"
#include "tandem-step.h"

/*
 * Journey maps as PNG, SVG and PDF, drawn by the same painter as the canvas. The image is
 * made in memory and then written with tandem_file_replace_contents(), which writes a
 * temporary file beside the target and renames it over: a failure never leaves half an image
 * behind, and an existing file is only replaced by a complete one.
 */

/* Cairo image surfaces stop at 32767 pixels a side. */
#define MAX_PNG_SIDE 32000.0

/* PDF readers refuse pages over 200 inches a side (the limit of PDF 1.6's user space). */
#define MAX_PDF_SIDE 14400.0

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

/* SVG text as <text> elements
 *
 * cairo 1.16's SVG surface writes every glyph as a path in <defs>, so an exported map cannot
 * be searched, copied from or edited as text in Inkscape. The painter draws all its text
 * through one function, and here that function is replaced: cairo draws the shapes, and each
 * line of each text is written as a <text> element with its font, size, colour and baseline,
 * in a group laid on top of cairo's drawing. The lines are Pango's, so wrapping and ellipsis
 * are exactly those of the PNG and the canvas. */

static void
append_number (GString *string,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Never the locale's decimal comma: SVG numbers use a point. */
  g_string_append (string, g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

/* "Noto Sans,Cantarell,sans-serif" as CSS: names with spaces quoted, generic names not. */
static void
append_font_family (GString    *svg,
                    const char *families)
{
  g_auto(GStrv) names = g_strsplit (families != NULL ? families : "sans-serif", ",", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (names[i]));
      g_autofree char *escaped = g_markup_escape_text (name, -1);

      if (name[0] == '\0')
        continue;
      if (svg->str[svg->len - 1] != '"')
        g_string_append (svg, ", ");
      if (strchr (name, ' ') != NULL)
        g_string_append_printf (svg, "'%s'", escaped);
      else
        g_string_append (svg, escaped);
    }
}

/* The text a line shows, in logical order: an ellipsized part stands as "…". */
static char *
line_text (PangoLayoutLine *line,
           const char      *text)
{
  GString *shown = g_string_new (NULL);
  int start = line->start_index;
  int end = line->start_index + line->length;
  int gap_start = end, gap_end = end;

  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;

      if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
        {
          gap_start = run->item->offset;
          gap_end = run->item->offset + run->item->length;
        }
    }

  g_string_append_len (shown, text + start, gap_start - start);
  if (gap_start < end)
    {
      g_string_append (shown, "…");
      g_string_append_len (shown, text + gap_end, end - gap_end);
    }

  while (shown->len > 0 && (shown->str[shown->len - 1] == '\n' ||
                            shown->str[shown->len - 1] == '\r'))
    g_string_truncate (shown, shown->len - 1);

  return g_string_free (shown, FALSE);
}

static void
svg_text_cb (cairo_t     *cr,
             PangoLayout *layout,
             gpointer     user_data)
{
  GString *svg = user_data;
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  const char *text = pango_layout_get_text (layout);
  double red = 0, green = 0, blue = 0, alpha = 1;
  double x0, y0, size, unit_x = 1, unit_y = 0;
  PangoLayoutIter *iter;

  cairo_get_current_point (cr, &x0, &y0);
  cairo_pattern_get_rgba (cairo_get_source (cr), &red, &green, &blue, &alpha);
  cairo_user_to_device_distance (cr, &unit_x, &unit_y);
  size = pango_font_description_get_size (font) / (double)PANGO_SCALE * hypot (unit_x, unit_y);

  /* One <text> per text, a <tspan> per line: a wrapped title stays one piece of text to search
   * for and to edit. */
  g_string_append (svg, "<text font-family=\"");
  append_font_family (svg, pango_font_description_get_family (font));
  g_string_append (svg, "\" font-size=\"");
  append_number (svg, size);
  g_string_append_printf (svg, "\" font-weight=\"%d\"", pango_font_description_get_weight (font));
  if (pango_font_description_get_style (font) != PANGO_STYLE_NORMAL)
    g_string_append (svg, " font-style=\"italic\"");
  g_string_append_printf (svg, " fill=\"#%02x%02x%02x\"", (int)round (red * 255),
                          (int)round (green * 255), (int)round (blue * 255));
  if (alpha < 1)
    {
      g_string_append (svg, " fill-opacity=\"");
      append_number (svg, alpha);
      g_string_append (svg, "\"");
    }
  g_string_append (svg, " xml:space=\"preserve\">");

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      g_autofree char *shown = line_text (line, text);
      g_autofree char *escaped = NULL;
      PangoRectangle logical;
      gboolean rtl = line->resolved_dir == PANGO_DIRECTION_RTL;
      double x, y;

      if (shown[0] == '\0')
        continue;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      x = x0 + (rtl ? logical.x + logical.width : logical.x) / (double)PANGO_SCALE;
      y = y0 + pango_layout_iter_get_baseline (iter) / (double)PANGO_SCALE;
      cairo_user_to_device (cr, &x, &y);
      escaped = g_markup_escape_text (shown, -1);

      g_string_append (svg, "<tspan x=\"");
      append_number (svg, x);
      g_string_append (svg, "\" y=\"");
      append_number (svg, y);
      g_string_append (svg, "\"");
      if (rtl)
        g_string_append (svg, " direction=\"rtl\"");
      g_string_append_printf (svg, ">%s</tspan>", escaped);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  g_string_append (svg, "</text>\n");
}

/* cairo's document with a <title> first and the texts last, so they lie over the shapes. */
static GBytes *
assemble_svg (GByteArray *shapes,
              const char *title,
              GString    *texts,
              GError    **error)
{
  const char *data = (const char *)shapes->data;
  g_autoptr(GString) svg = g_string_new_len (data, shapes->len);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  const char *open = g_strstr_len (svg->str, svg->len, "<svg");
  const char *open_end = open != NULL ? strchr (open, '>') : NULL;
  const char *close = g_strrstr (svg->str, "</svg>");
  gsize title_at, texts_at;

  if (open_end == NULL || close == NULL || close < open_end)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The map could not be drawn as SVG (cairo wrote no <svg> element)."));
      return NULL;
    }

  /* Offsets, not pointers: inserting moves the string. The later place first. */
  title_at = open_end + 1 - svg->str;
  texts_at = close - svg->str;
  g_string_insert (svg, texts_at, "</g>\n");
  g_string_insert (svg, texts_at, texts->str);
  g_string_insert (svg, texts_at, "<g id=\"text\">\n");
  g_string_insert (svg, title_at, "</title>");
  g_string_insert (svg, title_at, escaped);
  g_string_insert (svg, title_at, "\n<title>");

  return g_bytes_new (svg->str, svg->len);
}

/* A tagged PDF and pages that fit
 *
 * Each page is one Figure of the structure tree, with the alternative text the appendix gives
 * the same map; tandem_pdf_tags_apply() adds what cairo 1.16 cannot write (the Document root,
 * /Alt, /Lang, MarkInfo). A map wider or taller than a reader accepts is cut into pages,
 * between stages where one fits, each page after the first showing the lane titles again at
 * its left edge (and the stage titles at its top), as the canvas does when scrolled. */

typedef struct
{
  cairo_rectangle_t viewport;  /* the part of the figure on the page */
  double            inset_x;   /* where it starts on the page: after the repeated lane titles */
  double            inset_y;
} PdfPage;

/* Where to cut along one side: the largest boundary in @cuts that leaves a part no longer than
 * @room after @from, or @from + @room when no boundary does. */
static double
next_cut (GArray *cuts,
          double  from,
          double  room,
          double  end)
{
  double best = -1;

  if (end - from <= room)
    return end;

  for (guint i = 0; i < cuts->len; i++)
    {
      double cut = g_array_index (cuts, double, i);

      /* Not so close to the start that a page holds a sliver. */
      if (cut > from + room / 4 && cut <= from + room && cut > best)
        best = cut;
    }

  return best > 0 ? best : from + room;
}

/* The pages of @figure; a single page when it fits. This is a small splitter of its own; it is
 * to be unified with the appendix's figure parts (tandem-journey-figure.c). */
static GArray *
plan_pdf_pages (TandemJourneyFigure *figure,
                double               width,
                double               height)
{
  g_autoptr(GArray) x_cuts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) y_cuts = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *pages = g_array_new (FALSE, TRUE, sizeof (PdfPage));
  double header_x = TANDEM_JOURNEY_LANE_HEADER_WIDTH;
  double header_y = TANDEM_JOURNEY_STAGE_HEADER_HEIGHT;

  for (guint side = 0; side < 2; side++)
    {
      TandemJourneyLayout *layout = tandem_journey_figure_get_layout (figure, side);
      cairo_rectangle_t bounds;

      if (layout == NULL)
        continue;

      tandem_journey_layout_get_bounds (layout, &bounds);
      for (guint i = 0; i < tandem_journey_layout_get_n_stages (layout); i++)
        {
          const TandemStageGeometry *stage = tandem_journey_layout_get_stage (layout, i);
          double cut = stage->x + stage->width;

          g_array_append_val (x_cuts, cut);
        }
      {
        double top = bounds.y, bottom = bounds.y + bounds.height;

        g_array_append_val (y_cuts, top);
        g_array_append_val (y_cuts, bottom);
      }
    }

  for (double y = 0; y < height;)
    {
      /* Pages after the first repeat the titles, which take room from the content. */
      double inset_y = y > 0 ? header_y : 0;
      double y_end = next_cut (y_cuts, y, MAX_PDF_SIDE - inset_y, height);

      for (double x = 0; x < width;)
        {
          double inset_x = x > 0 ? header_x : 0;
          double x_end = next_cut (x_cuts, x, MAX_PDF_SIDE - inset_x, width);
          PdfPage page = { { x - inset_x, y - inset_y, x_end - x + inset_x, y_end - y + inset_y },
                           inset_x, inset_y };

          g_array_append_val (pages, page);
          x = x_end;
        }
      y = y_end;
    }

  return pages;
}

static GBytes *
render_pdf (TandemJourney        *journey,
            TandemJourneyFigure  *figure,
            TandemJourneyPainter *painter,
            double                width,
            double                height,
            GError              **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GArray) pages = plan_pdf_pages (figure, width, height);
  g_autoptr(GPtrArray) alts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = g_strdup_printf (_("Journey map: %s"),
                                            tandem_journey_get_title (journey));
  g_autofree char *creator = g_strdup_printf ("Tandem %s", PACKAGE_VERSION);
  g_autofree char *date = pdf_date ();
  g_autofree char *summary = NULL;
  TandemJourneyPaintState state;
  TandemPdfTags tags = { "en-GB", alts };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  {
    g_autoptr(GString) text = g_string_new (NULL);
    TandemJourneyShow show = tandem_journey_figure_get_show (figure);

    for (guint side = 0; side < 2; side++)
      {
        TandemJourneyMap *map = tandem_journey_get_map (journey, side);
        g_autofree char *description = NULL;

        if (map == NULL || !(show & (side == TANDEM_MAP_SIDE_BEFORE ? TANDEM_JOURNEY_SHOW_BEFORE
                                                                     : TANDEM_JOURNEY_SHOW_AFTER)))
          continue;
        description = tandem_journey_describe_map (journey, map);
        g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", description);
      }
    summary = g_string_free (g_steal_pointer (&text), FALSE);
  }

  tandem_journey_paint_state_init (&state);
  surface = cairo_pdf_surface_create_for_stream (write_to_bytes, bytes, 1, 1);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);

  if (!check_status (cairo_surface_status (surface), error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  cr = cairo_create (surface);
  for (guint i = 0; i < pages->len; i++)
    {
      PdfPage *page = &g_array_index (pages, PdfPage, i);
      cairo_rectangle_t *viewport = &page->viewport;

      cairo_pdf_surface_set_size (surface, viewport->width, viewport->height);
      cairo_save (cr);
      cairo_translate (cr, -viewport->x, -viewport->y);
      cairo_rectangle (cr, viewport->x, viewport->y, viewport->width, viewport->height);
      cairo_clip (cr);

      cairo_tag_begin (cr, "Figure", "");
      tandem_journey_painter_draw (painter, cr, figure, &state);
      if (page->inset_x > 0 || page->inset_y > 0)
        tandem_journey_painter_draw_pinned_headers (painter, cr, figure, &state, viewport);
      cairo_tag_end (cr, "Figure");
      cairo_restore (cr);
      cairo_show_page (cr);

      if (pages->len == 1)
        g_ptr_array_add (alts, g_strdup (summary));
      else
        g_ptr_array_add (alts, g_strdup_printf (_("Part %u of %u of the map. %s"), i + 1,
                                                pages->len, summary));
    }
  status = cairo_status (cr);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_status (status, error))
    return NULL;

  return tandem_pdf_tags_apply ((const char *)bytes->data, bytes->len, &tags, error);
}

/* Public API */

/**
 * tandem_journey_describe_map:
 *
 * The alternative text of a map, from the model: what a sighted reader takes from it at a
 * glance (its stages, how many steps, the first and last, the worst moment). The appendix and
 * the PDF export give it to their Figure elements.
 *
 * Returns: (transfer full): sentences
 */
char *
tandem_journey_describe_map (TandemJourney    *journey,
                             TandemJourneyMap *map)
{
  TandemList *stages = tandem_journey_get_stages (journey);
  g_autoptr(GPtrArray) steps = tandem_journey_map_steps_in_order (map);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  guint n_stages = tandem_list_get_n (stages);
  TandemJourneyMeasures measures;

  tandem_journey_map_measure (map, &measures);

  for (guint i = 0; i < n_stages; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                            tandem_stage_get_title (tandem_list_get (stages, i)));

  g_string_append_printf (text, tandem_journey_map_get_side (map) == TANDEM_MAP_SIDE_BEFORE
                                ? _("A map of the journey “%s” before the change.")
                                : _("A map of the journey “%s” after the change."),
                          tandem_journey_get_title (journey));
  g_string_append (text, " ");
  g_string_append_printf (text, ngettext ("It has %u step", "It has %u steps", steps->len),
                          steps->len);
  g_string_append (text, " ");
  g_string_append_printf (text, ngettext ("in %u stage: %s.", "in %u stages: %s.", n_stages),
                          n_stages, names->str);

  if (steps->len > 0)
    {
      g_string_append (text, " ");
      g_string_append_printf (text, _("The first step is “%s” and the last is “%s”."),
                              tandem_step_get_title (g_ptr_array_index (steps, 0)),
                              tandem_step_get_title (g_ptr_array_index (steps, steps->len - 1)));
    }

  if (measures.lowest_feeling != TANDEM_FEELING_UNKNOWN)
    {
      g_string_append (text, " ");
      g_string_append_printf (text, _("The lowest feeling is %s (%s)."),
                              tandem_feeling_to_label (measures.lowest_feeling),
                              tandem_feeling_to_score_text (measures.lowest_feeling));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

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
 * tandem_image_format_get_suffix:
 *
 * Returns: ".png", ".svg" or ".pdf"
 */
const char *
tandem_image_format_get_suffix (TandemImageFormat format)
{
  switch (format)
    {
    case TANDEM_IMAGE_FORMAT_PNG:
      return ".png";
    case TANDEM_IMAGE_FORMAT_SVG:
      return ".svg";
    case TANDEM_IMAGE_FORMAT_PDF:
      return ".pdf";
    default:
      g_return_val_if_reached (".pdf");
    }
}

/**
 * tandem_image_file_for_format:
 *
 * The file the export dialog writes when @format is chosen and @file typed: the chosen format
 * decides, and the name says it. A name ending in another image format's suffix has it
 * replaced ("map.png" as PDF is "map.pdf"); any other name gets the suffix added ("Plan v1.2"
 * is "Plan v1.2.pdf"); a name already right is kept as typed ("MAP.PDF").
 *
 * Returns: (transfer full): a file in @file's folder
 */
GFile *
tandem_image_file_for_format (GFile             *file,
                              TandemImageFormat  format)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *renamed = NULL;
  TandemImageFormat typed;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (tandem_image_format_for_file (file, &typed))
    {
      if (typed == format)
        return g_object_ref (file);
      /* All three suffixes are four bytes long. */
      name[strlen (name) - 4] = '\0';
    }

  renamed = g_strconcat (name, tandem_image_format_get_suffix (format), NULL);

  return parent != NULL ? g_file_get_child (parent, renamed) : g_file_new_for_path (renamed);
}

/**
 * tandem_journey_render:
 *
 * Draws the maps of @journey that @options asks for, with the journey's title and the key.
 * SVG text is written as <text> elements; a PDF is tagged, and split into pages when the
 * figure is larger than a PDF page may be.
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
  g_autoptr(GString) texts = NULL;
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
      texts = g_string_new (NULL);
      break;

    case TANDEM_IMAGE_FORMAT_PDF:
      return render_pdf (journey, figure, painter, width, height, error);

    default:
      g_return_val_if_reached (NULL);
    }

  if (!check_status (cairo_surface_status (surface), error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  cr = cairo_create (surface);
  if (texts != NULL)
    tandem_journey_painter_set_text_func (cr, svg_text_cb, texts);
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

  if (texts != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Journey map: %s"),
                                                tandem_journey_get_title (journey));

      return assemble_svg (bytes, title, texts, error);
    }

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
