/* tandem-journey-figure.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-journey-figure"

#include "config.h"

#include <math.h>
#include <string.h>

#include "tandem-document.h"
#include "tandem-item-index.h"
#include "tandem-journey-figure.h"
#include "tandem-journey-metrics.h"

/*
 * A journey figure: the before map, the after map or both, as they appear on the canvas, in
 * an exported image and in the appendix. It places each map's layout, the "replaced by" links
 * between the two maps, an optional title and the key. Coordinates are in points from the
 * figure's top left corner; whoever paints it chooses the scale.
 *
 * The figure does not watch the model: the canvas calls tandem_journey_figure_invalidate()
 * after each change of the document, and the geometry is computed again on next use.
 *
 * Printed (the appendix), a figure uses the print layout (tandem_journey_figure_set_print()):
 * compact cards, all their text of the smallest size, so that at the scale where that is 7 pt
 * the sample's 10-step before map and 8-step after map are one A4 page each. A map wider than
 * a page is split between stages (tandem_journey_figure_split()): a part shows whole stages,
 * so no card, lane or emotion curve is ever cut, and repeats the lane titles, the stage
 * headers and the key, saying in its corner that it is continued.
 *
 * Printed maps run left to right on landscape pages rather than top to bottom on portrait
 * ones, because: it is the same picture as the canvas and the workshop wall, which board
 * members and participants may have seen; time reads left to right as on every timeline in
 * the pack; the emotion curve stays under the cards it describes, where a portrait page would
 * put it beside them; and the one painter draws screen and print, where turning the map would
 * be a second drawing to keep faithful. Landscape pages cost width, not height, so steps are
 * what splits a map: a split between stages keeps each part a readable piece of the journey.
 */

struct _TandemJourneyFigure
{
  GObject                   parent_instance;

  TandemJourney            *journey;
  TandemJourneyShow         show;
  TandemJourneyArrangement  arrangement;
  guint                     show_title : 1;
  guint                     show_legend : 1;
  guint                     valid : 1;
  guint                     print : 1;
  guint                     first_stage;
  guint                     n_stages;

  TandemJourneyLayout      *layouts[2];    /* indexed by TandemMapSide; NULL when not shown */
  double                    width;
  double                    height;
  cairo_rectangle_t         title_rect;
  cairo_rectangle_t         legend_rect;
  GArray                   *legend;        /* TandemLegendEntry, shown in this order */
  guint                     legend_columns;
  GArray                   *replacements;  /* TandemReplacementGeometry */
};

G_DEFINE_FINAL_TYPE (TandemJourneyFigure, tandem_journey_figure, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_JOURNEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary methods */

static void
bezier_point (const TandemPoint *p,
              double             t,
              TandemPoint       *out)
{
  double u = 1 - t;

  out->x = u * u * u * p[0].x + 3 * u * u * t * p[1].x + 3 * u * t * t * p[2].x + t * t * t * p[3].x;
  out->y = u * u * u * p[0].y + 3 * u * u * t * p[1].y + 3 * u * t * t * p[2].y + t * t * t * p[3].y;
}

static void
place_replacements (TandemJourneyFigure *self)
{
  TandemJourneyLayout *before = self->layouts[TANDEM_MAP_SIDE_BEFORE];
  TandemJourneyLayout *after = self->layouts[TANDEM_MAP_SIDE_AFTER];
  TandemList *replacements = tandem_journey_get_replacements (self->journey);
  TandemDocument *document = tandem_object_get_document (TANDEM_OBJECT (self->journey));

  g_array_set_size (self->replacements, 0);
  if (before == NULL || after == NULL)
    return;

  for (guint i = 0; i < tandem_list_get_n (replacements); i++)
    {
      TandemReplacement *replacement = tandem_list_get (replacements, i);
      TandemReplacementGeometry geometry = { replacement };
      TandemStep *from_step = NULL, *to_step = NULL;
      const TandemCardGeometry *from, *to;
      double x1, y1, x2, y2;

      if (document != NULL)
        {
          TandemObject *a = tandem_document_lookup (document,
                                                    tandem_replacement_get_before_step (replacement));
          TandemObject *b = tandem_document_lookup (document,
                                                    tandem_replacement_get_after_step (replacement));

          from_step = TANDEM_IS_STEP (a) ? TANDEM_STEP (a) : NULL;
          to_step = TANDEM_IS_STEP (b) ? TANDEM_STEP (b) : NULL;
        }
      else
        {
          from_step = tandem_list_find (tandem_journey_map_get_steps (tandem_journey_layout_get_map (before)),
                                        tandem_replacement_get_before_step (replacement));
          to_step = tandem_list_find (tandem_journey_map_get_steps (tandem_journey_layout_get_map (after)),
                                      tandem_replacement_get_after_step (replacement));
        }

      if (from_step == NULL || to_step == NULL ||
          (from = tandem_journey_layout_find_card (before, from_step)) == NULL ||
          (to = tandem_journey_layout_find_card (after, to_step)) == NULL)
        continue;

      if (self->arrangement == TANDEM_JOURNEY_ARRANGE_ABOVE_BELOW)
        {
          x1 = from->rect.x + from->rect.width / 2;
          y1 = from->rect.y + from->rect.height;
          x2 = to->rect.x + to->rect.width / 2;
          y2 = to->rect.y;
          geometry.points[1].x = x1;
          geometry.points[1].y = y1 + (y2 - y1) / 3;
          geometry.points[2].x = x2;
          geometry.points[2].y = y2 - (y2 - y1) / 3;
        }
      else
        {
          /* Side by side, the link leaves from under the card and swings below the cards
           * between, rather than over the connectors that leave from the card's sides. */
          cairo_rectangle_t grid;
          double below;

          tandem_journey_layout_get_grid_rect (before, &grid);
          below = grid.y + grid.height + TANDEM_JOURNEY_EMOTION_HEIGHT / 2;
          x1 = from->rect.x + from->rect.width / 2;
          y1 = from->rect.y + from->rect.height;
          x2 = to->rect.x + to->rect.width / 2;
          y2 = to->rect.y + to->rect.height;
          geometry.points[1].x = x1 + (x2 - x1) / 4;
          geometry.points[1].y = below;
          geometry.points[2].x = x2 - (x2 - x1) / 4;
          geometry.points[2].y = below;
        }

      geometry.points[0].x = x1;
      geometry.points[0].y = y1;
      geometry.points[3].x = x2;
      geometry.points[3].y = y2;

      geometry.bounds.x = geometry.points[0].x;
      geometry.bounds.y = geometry.points[0].y;
      geometry.bounds.width = 0;
      geometry.bounds.height = 0;
      for (guint k = 1; k < 4; k++)
        {
          cairo_rectangle_t p = { geometry.points[k].x, geometry.points[k].y, 0, 0 };
          tandem_rectangle_union (&geometry.bounds, &p);
        }
      tandem_rectangle_inflate (&geometry.bounds, 8, 8);

      g_array_append_val (self->replacements, geometry);
    }
}

static double
legend_entry_width (TandemJourneyFigure *self)
{
  return self->print ? TANDEM_JOURNEY_PRINT_LEGEND_ENTRY_WIDTH : TANDEM_JOURNEY_LEGEND_ENTRY_WIDTH;
}

static double
legend_row_height (TandemJourneyFigure *self)
{
  return self->print ? TANDEM_JOURNEY_PRINT_LEGEND_ROW_HEIGHT : TANDEM_JOURNEY_LEGEND_ROW_HEIGHT;
}

static void
place_legend (TandemJourneyFigure *self,
              double               x,
              double               y,
              double               width)
{
  static const TandemLegendEntry entries[] = {
    TANDEM_LEGEND_FEELING_VERY_GOOD, TANDEM_LEGEND_FEELING_GOOD, TANDEM_LEGEND_FEELING_NEUTRAL,
    TANDEM_LEGEND_FEELING_BAD, TANDEM_LEGEND_FEELING_VERY_BAD, TANDEM_LEGEND_TOUCHPOINT,
    TANDEM_LEGEND_PAIN_POINT, TANDEM_LEGEND_QUOTES, TANDEM_LEGEND_NUMBER, TANDEM_LEGEND_NEXT,
    TANDEM_LEGEND_BRANCH, TANDEM_LEGEND_LOOP, TANDEM_LEGEND_REPLACED_BY,
  };
  guint rows;

  g_array_set_size (self->legend, 0);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      if (entries[i] == TANDEM_LEGEND_REPLACED_BY && self->show != TANDEM_JOURNEY_SHOW_BOTH)
        continue;
      g_array_append_val (self->legend, entries[i]);
    }

  self->legend_columns = MAX (1, (guint)floor ((width - 16) / legend_entry_width (self)));
  self->legend_columns = MIN (self->legend_columns, self->legend->len);
  rows = (self->legend->len + self->legend_columns - 1) / self->legend_columns;

  self->legend_rect.x = x;
  self->legend_rect.y = y;
  self->legend_rect.width = MAX (width, self->legend_columns * legend_entry_width (self) + 16);
  self->legend_rect.height = (self->print ? TANDEM_JOURNEY_PRINT_LEGEND_TITLE_HEIGHT
                                          : TANDEM_JOURNEY_LEGEND_TITLE_HEIGHT) +
                             rows * legend_row_height (self) + 8;
}

static void
ensure_layout (TandemJourneyFigure *self)
{
  TandemMapSide sides[2] = { TANDEM_MAP_SIDE_BEFORE, TANDEM_MAP_SIDE_AFTER };
  /* Printed, the page has margins of its own. */
  double margin = self->print ? TANDEM_JOURNEY_PRINT_MARGIN : TANDEM_JOURNEY_MARGIN;
  double x = margin, y = margin;
  double content_width = 0, bottom = y;
  gboolean both;

  if (self->valid)
    return;
  self->valid = TRUE;

  for (guint i = 0; i < 2; i++)
    {
      TandemJourneyMap *map = tandem_journey_get_map (self->journey, sides[i]);
      gboolean wanted = (self->show & (1 << i)) != 0 && map != NULL;

      if (self->layouts[i] != NULL &&
          (!wanted || tandem_journey_layout_get_map (self->layouts[i]) != map))
        g_clear_object (&self->layouts[i]);
      if (wanted && self->layouts[i] == NULL)
        self->layouts[i] = tandem_journey_layout_new (map);
      if (self->layouts[i] != NULL)
        {
          tandem_journey_layout_set_print (self->layouts[i], self->print);
          tandem_journey_layout_set_stage_range (self->layouts[i], self->first_stage, self->n_stages);
        }
    }

  if (self->show_title)
    {
      self->title_rect.x = x;
      self->title_rect.y = y;
      self->title_rect.height = TANDEM_JOURNEY_FIGURE_TITLE_HEIGHT;
      y += TANDEM_JOURNEY_FIGURE_TITLE_HEIGHT;
    }

  both = self->layouts[0] != NULL && self->layouts[1] != NULL;

  if (both && self->arrangement == TANDEM_JOURNEY_ARRANGE_ABOVE_BELOW)
    {
      guint n = tandem_list_get_n (tandem_journey_get_stages (self->journey));
      g_autofree double *widths = g_new0 (double, n);
      g_autofree double *other = g_new0 (double, n);
      cairo_rectangle_t a, b;

      /* Line the stages up: each is as wide as the wider of its two maps needs. */
      tandem_journey_layout_update (self->layouts[0], x, y, NULL, 0);
      tandem_journey_layout_update (self->layouts[1], x, y, NULL, 0);
      tandem_journey_layout_get_natural_stage_widths (self->layouts[0], widths, n);
      tandem_journey_layout_get_natural_stage_widths (self->layouts[1], other, n);
      for (guint i = 0; i < n; i++)
        widths[i] = MAX (widths[i], other[i]);

      tandem_journey_layout_update (self->layouts[0], x, y, widths, n);
      tandem_journey_layout_get_bounds (self->layouts[0], &a);
      tandem_journey_layout_update (self->layouts[1], x, a.y + a.height + TANDEM_JOURNEY_MAP_GAP,
                                    widths, n);
      tandem_journey_layout_get_bounds (self->layouts[1], &b);
      content_width = MAX (a.width, b.width);
      bottom = b.y + b.height;
    }
  else
    {
      for (guint i = 0; i < 2; i++)
        {
          cairo_rectangle_t bounds;

          if (self->layouts[i] == NULL)
            continue;

          tandem_journey_layout_update (self->layouts[i], x, y, NULL, 0);
          tandem_journey_layout_get_bounds (self->layouts[i], &bounds);
          x = bounds.x + bounds.width + TANDEM_JOURNEY_MAP_GAP;
          content_width = bounds.x + bounds.width - margin;
          bottom = MAX (bottom, bounds.y + bounds.height);
        }
    }

  place_replacements (self);

  content_width = MAX (content_width, 400);
  if (self->show_legend)
    {
      place_legend (self, margin, bottom + margin, content_width);
      bottom = self->legend_rect.y + self->legend_rect.height;
      content_width = MAX (content_width, self->legend_rect.width);
    }
  else
    {
      g_array_set_size (self->legend, 0);
    }

  self->title_rect.width = content_width;
  self->width = content_width + 2 * margin;
  self->height = bottom + margin;
}

/* GObject */

static void
tandem_journey_figure_finalize (GObject *object)
{
  TandemJourneyFigure *self = (TandemJourneyFigure *)object;

  g_clear_object (&self->journey);
  g_clear_object (&self->layouts[0]);
  g_clear_object (&self->layouts[1]);
  g_clear_pointer (&self->legend, g_array_unref);
  g_clear_pointer (&self->replacements, g_array_unref);

  G_OBJECT_CLASS (tandem_journey_figure_parent_class)->finalize (object);
}

static void
tandem_journey_figure_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TandemJourneyFigure *self = TANDEM_JOURNEY_FIGURE (object);

  switch (prop_id)
    {
    case PROP_JOURNEY:
      g_value_set_object (value, self->journey);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_journey_figure_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TandemJourneyFigure *self = TANDEM_JOURNEY_FIGURE (object);

  switch (prop_id)
    {
    case PROP_JOURNEY:
      self->journey = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_journey_figure_class_init (TandemJourneyFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_journey_figure_finalize;
  object_class->get_property = tandem_journey_figure_get_property;
  object_class->set_property = tandem_journey_figure_set_property;

  properties[PROP_JOURNEY] =
    g_param_spec_object ("journey", NULL, NULL,
                         TANDEM_TYPE_JOURNEY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_journey_figure_init (TandemJourneyFigure *self)
{
  self->show = TANDEM_JOURNEY_SHOW_BEFORE;
  self->show_legend = TRUE;
  self->n_stages = G_MAXUINT;
  self->legend = g_array_new (FALSE, FALSE, sizeof (TandemLegendEntry));
  self->replacements = g_array_new (FALSE, FALSE, sizeof (TandemReplacementGeometry));
}

/* Public API */

TandemJourneyFigure *
tandem_journey_figure_new (TandemJourney     *journey,
                           TandemJourneyShow  show)
{
  TandemJourneyFigure *self;

  g_return_val_if_fail (TANDEM_IS_JOURNEY (journey), NULL);

  self = g_object_new (TANDEM_TYPE_JOURNEY_FIGURE, "journey", journey, NULL);
  self->show = show;

  return self;
}

/**
 * tandem_journey_figure_get_journey:
 *
 * Returns: (transfer none): the journey shown
 */
TandemJourney *
tandem_journey_figure_get_journey (TandemJourneyFigure *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_FIGURE (self), NULL);

  return self->journey;
}

TandemJourneyShow
tandem_journey_figure_get_show (TandemJourneyFigure *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_FIGURE (self), TANDEM_JOURNEY_SHOW_BEFORE);

  return self->show;
}

void
tandem_journey_figure_set_show (TandemJourneyFigure *self,
                                TandemJourneyShow    show)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_FIGURE (self));
  g_return_if_fail (show != 0 && (show & ~TANDEM_JOURNEY_SHOW_BOTH) == 0);

  if (self->show != show)
    {
      self->show = show;
      self->valid = FALSE;
    }
}

TandemJourneyArrangement
tandem_journey_figure_get_arrangement (TandemJourneyFigure *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_FIGURE (self), TANDEM_JOURNEY_ARRANGE_SIDE_BY_SIDE);

  return self->arrangement;
}

void
tandem_journey_figure_set_arrangement (TandemJourneyFigure      *self,
                                       TandemJourneyArrangement  arrangement)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_FIGURE (self));

  if (self->arrangement != arrangement)
    {
      self->arrangement = arrangement;
      self->valid = FALSE;
    }
}

gboolean
tandem_journey_figure_get_show_title (TandemJourneyFigure *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_FIGURE (self), FALSE);

  return self->show_title;
}

/**
 * tandem_journey_figure_set_show_title:
 *
 * Whether the journey's title heads the figure; exports show it, the canvas has it in the
 * page instead.
 */
void
tandem_journey_figure_set_show_title (TandemJourneyFigure *self,
                                      gboolean             show_title)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_FIGURE (self));

  if (self->show_title != !!show_title)
    {
      self->show_title = !!show_title;
      self->valid = FALSE;
    }
}

gboolean
tandem_journey_figure_get_show_legend (TandemJourneyFigure *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_FIGURE (self), FALSE);

  return self->show_legend;
}

void
tandem_journey_figure_set_show_legend (TandemJourneyFigure *self,
                                       gboolean             show_legend)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_FIGURE (self));

  if (self->show_legend != !!show_legend)
    {
      self->show_legend = !!show_legend;
      self->valid = FALSE;
    }
}

/**
 * tandem_journey_figure_set_print:
 *
 * Lays the maps out for a printed page: see tandem_journey_layout_set_print().
 */
void
tandem_journey_figure_set_print (TandemJourneyFigure *self,
                                 gboolean             print)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_FIGURE (self));

  if (self->print != !!print)
    {
      self->print = !!print;
      self->valid = FALSE;
    }
}

gboolean
tandem_journey_figure_get_print (TandemJourneyFigure *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_FIGURE (self), FALSE);

  return self->print;
}

/**
 * tandem_journey_figure_set_stage_range:
 * @n: how many stages, or %G_MAXUINT for all from @first
 *
 * Shows one part of the maps: the stages from @first, as split by
 * tandem_journey_figure_split().
 */
void
tandem_journey_figure_set_stage_range (TandemJourneyFigure *self,
                                       guint                first,
                                       guint                n)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_FIGURE (self));

  self->first_stage = first;
  self->n_stages = n;
  self->valid = FALSE;
}

static gboolean
part_fits (TandemJourneyFigure *part,
           guint                first,
           guint                n,
           double               max_width,
           double               max_height)
{
  double width, height;

  tandem_journey_figure_set_stage_range (part, first, n);
  tandem_journey_figure_get_size (part, &width, &height);

  return width <= max_width && height <= max_height;
}

/**
 * tandem_journey_figure_split:
 * @max_width: (in points at scale 1) the widest a part may be
 * @max_height: the tallest
 *
 * Splits the figure between stages into parts that each fit @max_width by @max_height: as
 * many whole stages in a part as fit, in order. A part is never cut through a stage, so never
 * through a card, a lane or the emotion curve. A stage too large on its own is a part of its
 * own (the only case where a part is larger than asked).
 *
 * Returns: (transfer full) (element-type TandemStageRange): the parts, in order
 */
GArray *
tandem_journey_figure_split (TandemJourneyFigure *self,
                             double               max_width,
                             double               max_height)
{
  g_autoptr(TandemJourneyFigure) part = NULL;
  GArray *parts = g_array_new (FALSE, FALSE, sizeof (TandemStageRange));
  guint n = tandem_list_get_n (tandem_journey_get_stages (self->journey));
  guint first = 0, guess = 1;

  g_return_val_if_fail (TANDEM_IS_JOURNEY_FIGURE (self), parts);

  part = tandem_journey_figure_new (self->journey, self->show);
  part->arrangement = self->arrangement;
  part->show_title = self->show_title;
  part->show_legend = self->show_legend;
  part->print = self->print;

  while (first < n)
    {
      TandemStageRange range = { first, 1 };
      guint lo = 1, hi = n - first, step = 1;

      /* The longest run of whole stages that fits. Most parts are about as large as the one
       * before, so that is tried first; then the run grows by doubling steps, and the last
       * that fitted and the first that did not are halved between. The work follows the
       * size of the parts, not the length of the rest of the map. */
      if (MIN (guess, hi) > 1)
        {
          if (part_fits (part, first, MIN (guess, hi), max_width, max_height))
            lo = MIN (guess, hi);
          else
            hi = MIN (guess, hi) - 1;
        }
      while (lo < hi)
        {
          guint try = MIN (lo + step, hi);

          if (!part_fits (part, first, try, max_width, max_height))
            {
              hi = try - 1;
              break;
            }
          lo = try;
          step *= 2;
        }
      while (lo < hi)
        {
          guint mid = (lo + hi + 1) / 2;

          if (part_fits (part, first, mid, max_width, max_height))
            lo = mid;
          else
            hi = mid - 1;
        }

      range.n = lo;
      g_array_append_val (parts, range);
      first += lo;
      guess = lo;
    }

  return parts;
}

/**
 * tandem_journey_figure_invalidate:
 *
 * The model changed: the geometry is computed again on next use.
 */
void
tandem_journey_figure_invalidate (TandemJourneyFigure *self)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_FIGURE (self));

  self->valid = FALSE;
}

/**
 * tandem_journey_figure_get_size:
 *
 * The natural size of the figure, in points, margins included.
 */
void
tandem_journey_figure_get_size (TandemJourneyFigure *self,
                                double              *width,
                                double              *height)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_FIGURE (self));

  ensure_layout (self);

  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}

/**
 * tandem_journey_figure_get_layout:
 *
 * Returns: (transfer none) (nullable): the layout of the before or after map, if shown
 */
TandemJourneyLayout *
tandem_journey_figure_get_layout (TandemJourneyFigure *self,
                                  TandemMapSide        side)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_FIGURE (self), NULL);
  g_return_val_if_fail (side <= TANDEM_MAP_SIDE_AFTER, NULL);

  ensure_layout (self);

  return self->layouts[side];
}

/**
 * tandem_journey_figure_get_layout_for_map:
 *
 * Returns: (transfer none) (nullable): the layout of @map, if shown
 */
TandemJourneyLayout *
tandem_journey_figure_get_layout_for_map (TandemJourneyFigure *self,
                                          TandemJourneyMap    *map)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_FIGURE (self), NULL);

  ensure_layout (self);

  for (guint i = 0; i < 2; i++)
    {
      if (self->layouts[i] != NULL && tandem_journey_layout_get_map (self->layouts[i]) == map)
        return self->layouts[i];
    }

  return NULL;
}

gboolean
tandem_journey_figure_get_title_rect (TandemJourneyFigure *self,
                                      cairo_rectangle_t   *rect)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_FIGURE (self), FALSE);

  ensure_layout (self);
  *rect = self->title_rect;

  return self->show_title;
}

gboolean
tandem_journey_figure_get_legend_rect (TandemJourneyFigure *self,
                                       cairo_rectangle_t   *rect)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_FIGURE (self), FALSE);

  ensure_layout (self);
  *rect = self->legend_rect;

  return self->show_legend;
}

guint
tandem_journey_figure_get_n_legend_entries (TandemJourneyFigure *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_FIGURE (self), 0);

  ensure_layout (self);

  return self->legend->len;
}

void
tandem_journey_figure_get_legend_entry (TandemJourneyFigure *self,
                                        guint                index,
                                        TandemLegendEntry   *entry,
                                        cairo_rectangle_t   *rect)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_FIGURE (self));

  ensure_layout (self);
  g_return_if_fail (index < self->legend->len);

  *entry = g_array_index (self->legend, TandemLegendEntry, index);
  rect->x = self->legend_rect.x + 8 + (index % self->legend_columns) * legend_entry_width (self);
  rect->y = self->legend_rect.y + (self->print ? TANDEM_JOURNEY_PRINT_LEGEND_TITLE_HEIGHT
                                               : TANDEM_JOURNEY_LEGEND_TITLE_HEIGHT) +
            (index / self->legend_columns) * legend_row_height (self);
  rect->width = legend_entry_width (self);
  rect->height = legend_row_height (self);
}

guint
tandem_journey_figure_get_n_replacements (TandemJourneyFigure *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_FIGURE (self), 0);

  ensure_layout (self);

  return self->replacements->len;
}

const TandemReplacementGeometry *
tandem_journey_figure_get_replacement (TandemJourneyFigure *self,
                                       guint                index)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_FIGURE (self), NULL);

  ensure_layout (self);
  g_return_val_if_fail (index < self->replacements->len, NULL);

  return &g_array_index (self->replacements, TandemReplacementGeometry, index);
}

/**
 * tandem_journey_figure_get_step_rect:
 *
 * Returns: %TRUE when @step is shown, with its card's rectangle in @rect
 */
gboolean
tandem_journey_figure_get_step_rect (TandemJourneyFigure *self,
                                     TandemStep          *step,
                                     cairo_rectangle_t   *rect)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_FIGURE (self), FALSE);

  ensure_layout (self);

  for (guint i = 0; i < 2; i++)
    {
      const TandemCardGeometry *card;

      if (self->layouts[i] == NULL)
        continue;

      card = tandem_journey_layout_find_card (self->layouts[i], step);
      if (card != NULL)
        {
          *rect = card->rect;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * tandem_journey_figure_lookup:
 * @tolerance: in points
 *
 * The one hit-test of the figure: cards, then connectors, then "replaced by" links, then
 * headers, cells and the rest of a map.
 *
 * Returns: %TRUE when something is under the point
 */
gboolean
tandem_journey_figure_lookup (TandemJourneyFigure *self,
                              double               x,
                              double               y,
                              double               tolerance,
                              TandemJourneyHit    *hit)
{
  TandemJourneyHit map_hit = { TANDEM_JOURNEY_HIT_NONE };

  g_return_val_if_fail (TANDEM_IS_JOURNEY_FIGURE (self), FALSE);

  ensure_layout (self);
  memset (hit, 0, sizeof *hit);

  for (guint i = 0; i < 2; i++)
    {
      TandemJourneyHit candidate;

      if (self->layouts[i] == NULL ||
          !tandem_journey_layout_lookup (self->layouts[i], x, y, tolerance, &candidate))
        continue;

      if (candidate.kind == TANDEM_JOURNEY_HIT_STEP || candidate.kind == TANDEM_JOURNEY_HIT_STEP_EDGE ||
          candidate.kind == TANDEM_JOURNEY_HIT_CONNECTOR)
        {
          *hit = candidate;
          return TRUE;
        }

      map_hit = candidate;
    }

  for (guint i = 0; i < self->replacements->len; i++)
    {
      const TandemReplacementGeometry *geometry = &g_array_index (self->replacements,
                                                                  TandemReplacementGeometry, i);
      TandemPoint points[25];

      if (!tandem_rectangle_contains (&geometry->bounds, x, y))
        continue;

      for (guint k = 0; k < G_N_ELEMENTS (points); k++)
        bezier_point (geometry->points, k / 24.0, &points[k]);

      if (tandem_route_distance (points, G_N_ELEMENTS (points), x, y) <= tolerance + 3)
        {
          hit->kind = TANDEM_JOURNEY_HIT_REPLACEMENT;
          hit->object = TANDEM_OBJECT (geometry->replacement);
          return TRUE;
        }
    }

  *hit = map_hit;

  return hit->kind != TANDEM_JOURNEY_HIT_NONE;
}

/**
 * tandem_journey_figure_query_steps:
 * @steps: (element-type TandemStep): receives the steps whose cards meet @area
 */
void
tandem_journey_figure_query_steps (TandemJourneyFigure     *self,
                                   const cairo_rectangle_t *area,
                                   GPtrArray               *steps)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_if_fail (TANDEM_IS_JOURNEY_FIGURE (self));

  ensure_layout (self);

  for (guint i = 0; i < 2; i++)
    {
      if (self->layouts[i] == NULL)
        continue;

      g_array_set_size (items, 0);
      tandem_journey_layout_query (self->layouts[i], area, items);
      for (guint k = 0; k < items->len; k++)
        {
          guint item = g_array_index (items, guint, k);
          const TandemCardGeometry *card;

          if (TANDEM_JOURNEY_ITEM_KIND (item) != TANDEM_JOURNEY_ITEM_CARD)
            continue;

          card = tandem_journey_layout_get_card (self->layouts[i], TANDEM_JOURNEY_ITEM_INDEX (item));
          if (tandem_rectangle_intersects (&card->rect, area))
            g_ptr_array_add (steps, card->step);
        }
    }
}

/**
 * tandem_journey_figure_snap:
 *
 * Where a step put down at (@x, @y) goes: on the map under the point, or the nearest.
 */
gboolean
tandem_journey_figure_snap (TandemJourneyFigure *self,
                            double               x,
                            double               y,
                            GPtrArray           *exclude,
                            TandemJourneySnap   *snap)
{
  TandemJourneyLayout *best = NULL;
  double best_distance = G_MAXDOUBLE;

  g_return_val_if_fail (TANDEM_IS_JOURNEY_FIGURE (self), FALSE);

  ensure_layout (self);

  for (guint i = 0; i < 2; i++)
    {
      cairo_rectangle_t bounds;
      double dx, dy, distance;

      if (self->layouts[i] == NULL)
        continue;

      tandem_journey_layout_get_bounds (self->layouts[i], &bounds);
      dx = MAX (0, MAX (bounds.x - x, x - (bounds.x + bounds.width)));
      dy = MAX (0, MAX (bounds.y - y, y - (bounds.y + bounds.height)));
      distance = hypot (dx, dy);
      if (distance < best_distance)
        {
          best_distance = distance;
          best = self->layouts[i];
        }
    }

  if (best == NULL)
    {
      memset (snap, 0, sizeof *snap);
      return FALSE;
    }

  return tandem_journey_layout_snap (best, x, y, exclude, snap);
}

/**
 * tandem_journey_figure_get_min_text_size:
 *
 * Returns: the size of the smallest text in the figure, in points at scale 1
 */
double
tandem_journey_figure_get_min_text_size (TandemJourneyFigure *self)
{
  return TANDEM_JOURNEY_FONT_SMALLEST;
}

/**
 * tandem_journey_figure_text_legible_at:
 * @scale: how the figure would be scaled (1 = natural size, in points)
 * @min_points: the smallest text size acceptable, such as 6 for a printed appendix
 *
 * Returns: %TRUE when every text of the figure would be at least @min_points at @scale
 */
gboolean
tandem_journey_figure_text_legible_at (TandemJourneyFigure *self,
                                       double               scale,
                                       double               min_points)
{
  return tandem_journey_figure_get_min_text_size (self) * scale >= min_points - 1e-9;
}
