/* tandem-appendix-figures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-appendix"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-appendix-private.h"
#include "tandem-journey-export.h"
#include "tandem-journey-measures.h"
#include "tandem-journey-painter.h"
#include "tandem-labels.h"
#include "tandem-stage.h"
#include "tandem-step.h"

/*
 * The journey figures of the appendix, drawn by the journey painter (src/render) — the same
 * drawing routine as the canvas, so the appendix shows what the workshop saw, laid out for
 * print (compact cards, lanes as tall as their cards). Each map is a figure of its own with
 * the key, on landscape pages, at a scale where its smallest text is 7 pt or more. A map too
 * wide for one page at that scale is split between stages into parts, a page each: every part
 * has the lane titles, the stage headers and the key, and its title says it is continued.
 * Why landscape and left to right: see tandem-journey-figure.c.
 */

#define MIN_TEXT_POINTS 7.0

typedef struct
{
  TandemDocument       *document; /* the journey's: a flow may outlive whoever built it */
  GPtrArray            *parts;    /* TandemJourneyFigure, one per page */
  GArray               *offsets;  /* double: where each part begins in the flow's units */
  TandemJourneyPainter *painter;  /* one per figure: pages may be drawn off the main thread */
} Figure;

static void
figure_free (gpointer data)
{
  Figure *figure = data;

  g_clear_pointer (&figure->parts, g_ptr_array_unref);
  g_clear_pointer (&figure->offsets, g_array_unref);
  g_clear_object (&figure->painter);
  g_clear_object (&figure->document);
  g_free (figure);
}

static void
draw_figure (cairo_t  *cr,
             double    x,
             double    y,
             double    width,
             double    height,
             gpointer  user_data)
{
  Figure *figure = user_data;
  guint k = 0;

  /* The parts lie side by side in the flow's units: the one asked for begins at @x. */
  while (k + 1 < figure->offsets->len && g_array_index (figure->offsets, double, k + 1) <= x + 0.5)
    k++;

  /* Made by the thread that draws, as its Pango font map is that thread's: a flow laid out
   * on a worker thread may be printed from the main one. */
  if (figure->painter == NULL)
    figure->painter = tandem_journey_painter_new ();

  /* The flow has clipped @cr to the part to draw; the painter draws only what meets it. */
  cairo_save (cr);
  cairo_translate (cr, g_array_index (figure->offsets, double, k), 0);
  tandem_journey_painter_draw (figure->painter, cr, g_ptr_array_index (figure->parts, k), NULL);
  cairo_restore (cr);

  /* Each part shows other cards: the painter's shaped text (thousands of cards in a part of a
   * large map) is of no use to the next part, and would be held until the whole appendix is
   * written. A part drawn again (a print preview, then the print) makes a new painter. */
  g_clear_object (&figure->painter);
}

static TandemJourneyFigure *
new_figure (TandemJourney *journey,
            TandemMapSide  side)
{
  TandemJourneyFigure *figure = tandem_journey_figure_new (journey, side == TANDEM_MAP_SIDE_BEFORE
                                                                    ? TANDEM_JOURNEY_SHOW_BEFORE
                                                                    : TANDEM_JOURNEY_SHOW_AFTER);

  tandem_journey_figure_set_show_legend (figure, TRUE);
  tandem_journey_figure_set_print (figure, TRUE);

  return figure;
}

/**
 * _tandem_appendix_split_map:
 * @area_width, @area_height: the room on a page, in points
 *
 * The parts of a map for pages of that room, at the scale where its smallest text is 7 pt.
 *
 * Returns: (transfer full) (element-type TandemJourneyFigure): a figure per part
 */
GPtrArray *
_tandem_appendix_split_map (TandemJourney *journey,
                            TandemMapSide  side,
                            double         area_width,
                            double         area_height)
{
  g_autoptr(TandemJourneyFigure) whole = new_figure (journey, side);
  double scale = MIN_TEXT_POINTS / tandem_journey_figure_get_min_text_size (whole);
  g_autoptr(GArray) ranges = tandem_journey_figure_split (whole, area_width / scale,
                                                          area_height / scale);
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint k = 0; k < ranges->len; k++)
    {
      const TandemStageRange *range = &g_array_index (ranges, TandemStageRange, k);
      TandemJourneyFigure *part = new_figure (journey, side);

      if (ranges->len > 1)
        tandem_journey_figure_set_stage_range (part, range->first, range->n);
      g_ptr_array_add (parts, part);
    }

  return parts;
}

/* The figure's alternative text: the map's description, shared with the PDF export, and where
 * every step is in words. */
static char *
describe_map (TandemJourney    *journey,
              TandemJourneyMap *map,
              gboolean          with_text)
{
  g_autofree char *description = tandem_journey_describe_map (journey, map);

  return g_strconcat (description, " ",
                      with_text
                      ? _("Every step is written out in words in the section “The journey as text” "
                          "of this appendix.")
                      : _("The steps written out in words are left out of this appendix: export it "
                          "with “Journeys as text” to include them."),
                      NULL);
}

static void
add_map (TandemFlow    *flow,
         TandemJourney *journey,
         TandemMapSide  side,
         gboolean       with_text)
{
  TandemJourneyMap *map = tandem_journey_get_map (journey, side);
  Figure *figure;
  g_autofree char *caption = NULL;
  g_autofree double *widths = NULL;
  g_autofree double *heights = NULL;
  double area_width, area_height, offset = 0;

  if (map == NULL || tandem_list_get_n (tandem_journey_map_get_steps (map)) == 0)
    return;

  tandem_flow_get_figure_area (flow, &area_width, &area_height);
  figure = g_new0 (Figure, 1);
  g_set_object (&figure->document, tandem_object_get_document (TANDEM_OBJECT (journey)));
  figure->parts = _tandem_appendix_split_map (journey, side, area_width, area_height);
  figure->offsets = g_array_new (FALSE, FALSE, sizeof (double));
  widths = g_new0 (double, figure->parts->len);
  heights = g_new0 (double, figure->parts->len);
  for (guint k = 0; k < figure->parts->len; k++)
    {
      tandem_journey_figure_get_size (g_ptr_array_index (figure->parts, k), &widths[k], &heights[k]);
      g_array_append_val (figure->offsets, offset);
      offset += widths[k];
    }

  caption = g_strdup_printf (side == TANDEM_MAP_SIDE_BEFORE
                             ? _("The journey “%s” before the change")
                             : _("The journey “%s” after the change"),
                             tandem_journey_get_title (journey));

  tandem_flow_figure_parts (flow, caption, figure->parts->len, widths, heights,
                            MIN_TEXT_POINTS / tandem_journey_figure_get_min_text_size (
                              g_ptr_array_index (figure->parts, 0)),
                            draw_figure, figure, figure_free);
  {
    g_autofree char *alt = describe_map (journey, map, with_text);

    tandem_flow_figure_set_alt (flow, alt);
  }
}

void
_tandem_appendix_add_journey_figures (TandemFlow    *flow,
                                      TandemJourney *journey,
                                      gboolean       with_text)
{
  add_map (flow, journey, TANDEM_MAP_SIDE_BEFORE, with_text);
  add_map (flow, journey, TANDEM_MAP_SIDE_AFTER, with_text);
}
