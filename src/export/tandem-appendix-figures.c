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
 * drawing routine as the canvas, so the appendix shows what the workshop saw. Each map is a
 * figure of its own with the key; the flow scales it to its landscape page, or splits it into
 * overlapping parts when its smallest text would fall below 6 pt.
 */

#define MIN_TEXT_POINTS 6.0

typedef struct
{
  TandemDocument       *document; /* the journey's: a flow may outlive whoever built it */
  TandemJourneyFigure  *figure;
  TandemJourneyPainter *painter;  /* one per figure: pages may be drawn off the main thread */
} Figure;

static void
figure_free (gpointer data)
{
  Figure *figure = data;

  g_clear_object (&figure->figure);
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

  /* Made by the thread that draws, as its Pango font map is that thread's: a flow laid out
   * on a worker thread may be printed from the main one. */
  if (figure->painter == NULL)
    figure->painter = tandem_journey_painter_new ();

  /* The flow has clipped @cr to the part to draw; the painter draws only what meets it. */
  tandem_journey_painter_draw (figure->painter, cr, figure->figure, NULL);
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
  double width, height;

  if (map == NULL || tandem_list_get_n (tandem_journey_map_get_steps (map)) == 0)
    return;

  figure = g_new0 (Figure, 1);
  g_set_object (&figure->document, tandem_object_get_document (TANDEM_OBJECT (journey)));
  figure->figure = tandem_journey_figure_new (journey, side == TANDEM_MAP_SIDE_BEFORE
                                                       ? TANDEM_JOURNEY_SHOW_BEFORE
                                                       : TANDEM_JOURNEY_SHOW_AFTER);
  tandem_journey_figure_set_show_legend (figure->figure, TRUE);
  tandem_journey_figure_get_size (figure->figure, &width, &height);

  caption = g_strdup_printf (side == TANDEM_MAP_SIDE_BEFORE
                             ? _("The journey “%s” before the change")
                             : _("The journey “%s” after the change"),
                             tandem_journey_get_title (journey));

  tandem_flow_figure (flow, caption, width, height,
                      MIN_TEXT_POINTS / tandem_journey_figure_get_min_text_size (figure->figure),
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
