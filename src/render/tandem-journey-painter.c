/* tandem-journey-painter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-journey-painter"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "tandem-item-index.h"
#include "tandem-journey-measures.h"
#include "tandem-labels.h"
#include "tandem-journey-metrics.h"
#include "tandem-journey-painter.h"

/*
 * The one drawing routine for journey figures: the canvas, PNG, SVG and PDF exports, the
 * appendix and printing all call tandem_journey_painter_draw() on a cairo context, so what is
 * on screen is what is on paper.
 *
 * It costs what is visible: the clip rectangle is looked up in each map's index and only the
 * cards and connectors there are drawn; stage and lane headers are found by position.
 *
 * Text is laid out by Pango at the figure's own size, with hinting off, and kept in a cache
 * keyed by what it belongs to: so wrapping and ellipsis are the same at every zoom and on
 * every output, and panning or dragging re-uses the shaped text instead of shaping it again.
 * Pango handles wrapping, ellipsis, any script and right-to-left paragraphs.
 */

#define FONT_FAMILY "Noto Sans, Cantarell, DejaVu Sans, sans-serif"
#define MAX_CACHED_TEXTS 6000
#define FACE_RADIUS 8.0
#define MARKER_SIZE 16.0

typedef enum
{
  FONT_FIGURE_TITLE,
  FONT_MAP_TITLE,
  FONT_HEADER,
  FONT_CARD_TITLE,
  FONT_CARD_BODY,
  FONT_PLACEHOLDER,
  FONT_SMALL,
  FONT_SMALL_BOLD,
  FONT_SMALLEST,
  N_FONTS
} Font;

typedef enum
{
  SLOT_TITLE,
  SLOT_WHO_WHERE,
  SLOT_TIME,
  SLOT_FEELING,
  SLOT_NUMBER,
  SLOT_QUOTES,
  SLOT_LABEL,
  SLOT_HEADER,
  SLOT_CURVE_NUMBER,
} Slot;

typedef struct
{
  gconstpointer owner;
  guint         slot;
} TextKey;

typedef struct
{
  char          *text;
  Font           font;
  int            width;
  int            lines;
  PangoAlignment alignment;
  PangoLayout   *layout;
} TextEntry;

struct _TandemJourneyPainter
{
  GObject               parent_instance;

  PangoContext         *context;
  PangoFontDescription *fonts[N_FONTS];
  GHashTable           *texts;   /* TextKey -> TextEntry */
  GArray               *items;   /* guint, scratch for index queries */
};

G_DEFINE_FINAL_TYPE (TandemJourneyPainter, tandem_journey_painter, G_TYPE_OBJECT)

/* Static strings that own their cached text. */
static const char *emotion_title_owner = "emotion";
static const char *level_owners[5] = { "+2", "+1", "0", "-1", "-2" };
static const char *legend_title_owner = "legend";

/* Auxiliary methods */

static guint
text_key_hash (gconstpointer key)
{
  const TextKey *k = key;

  return g_direct_hash (k->owner) ^ (k->slot * 2654435761u);
}

static gboolean
text_key_equal (gconstpointer a,
                gconstpointer b)
{
  const TextKey *x = a;
  const TextKey *y = b;

  return x->owner == y->owner && x->slot == y->slot;
}

static void
text_entry_free (gpointer data)
{
  TextEntry *entry = data;

  g_free (entry->text);
  g_clear_object (&entry->layout);
  g_free (entry);
}

/* A laid-out text, from the cache when nothing about it changed. @width in points, or -1;
 * @lines: at most this many lines (ellipsized after), 0 for any. */
static PangoLayout *
get_text (TandemJourneyPainter *self,
          gconstpointer         owner,
          guint                 slot,
          const char           *text,
          Font                  font,
          double                width,
          int                   lines,
          PangoAlignment        alignment)
{
  TextKey key = { owner, slot };
  TextEntry *entry = g_hash_table_lookup (self->texts, &key);
  int pango_width = width < 0 ? -1 : (int)(width * PANGO_SCALE);

  if (entry != NULL && entry->font == font && entry->width == pango_width &&
      entry->lines == lines && entry->alignment == alignment && g_str_equal (entry->text, text))
    return entry->layout;

  if (entry == NULL)
    {
      TextKey *new_key = g_new (TextKey, 1);

      if (g_hash_table_size (self->texts) >= MAX_CACHED_TEXTS)
        g_hash_table_remove_all (self->texts);

      *new_key = key;
      entry = g_new0 (TextEntry, 1);
      entry->layout = pango_layout_new (self->context);
      g_hash_table_insert (self->texts, new_key, entry);
    }

  g_free (entry->text);
  entry->text = g_strdup (text);
  entry->font = font;
  entry->width = pango_width;
  entry->lines = lines;
  entry->alignment = alignment;

  pango_layout_set_font_description (entry->layout, self->fonts[font]);
  pango_layout_set_text (entry->layout, text, -1);
  pango_layout_set_width (entry->layout, pango_width);
  pango_layout_set_alignment (entry->layout, alignment);
  pango_layout_set_wrap (entry->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (entry->layout, pango_width < 0 ? PANGO_ELLIPSIZE_NONE
                                                             : PANGO_ELLIPSIZE_END);
  pango_layout_set_height (entry->layout, lines > 0 ? -lines : -1000);

  return entry->layout;
}

static double
text_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return height / (double)PANGO_SCALE;
}

static double
text_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double)PANGO_SCALE;
}

typedef struct
{
  TandemJourneyTextFunc func;
  gpointer              user_data;
} TextHook;

static const cairo_user_data_key_t text_hook_key;

/* Every text of a figure goes through here, so an output that writes text its own way (SVG
 * as <text> elements) gets all of it from one place. */
static void
show_text (cairo_t           *cr,
           PangoLayout       *layout,
           const TandemColor *color,
           double             x,
           double             y)
{
  TextHook *hook = cairo_get_user_data (cr, &text_hook_key);

  tandem_color_set_source (cr, color);
  cairo_move_to (cr, x, y);
  if (hook != NULL)
    hook->func (cr, layout, hook->user_data);
  else
    pango_cairo_show_layout (cr, layout);
}

static gboolean
is_selected (const TandemJourneyPaintState *state,
             gconstpointer                  object)
{
  return state->selected != NULL && g_hash_table_contains (state->selected, object);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static gboolean
visible (const cairo_rectangle_t *clip,
         double                   x,
         double                   y,
         double                   w,
         double                   h)
{
  return x < clip->x + clip->width && clip->x < x + w && y < clip->y + clip->height &&
         clip->y < y + h;
}

/* Symbols: shapes that say what they mean without colour. */

static void
draw_face (cairo_t                    *cr,
           const TandemJourneyPalette *palette,
           double                      cx,
           double                      cy,
           double                      r,
           int                         score)
{
  TandemFeeling feeling = score <= -2 ? TANDEM_FEELING_VERY_BAD :
                          score == -1 ? TANDEM_FEELING_BAD :
                          score == 0 ? TANDEM_FEELING_NEUTRAL :
                          score == 1 ? TANDEM_FEELING_GOOD : TANDEM_FEELING_VERY_GOOD;
  double mouth_y = cy + r * (score < 0 ? 0.5 : 0.3);
  double bend = score * r * 0.22;

  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  tandem_color_set_source (cr, &palette->feeling[feeling]);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0.12, 0.12, 0.12, 0.9);
  cairo_set_line_width (cr, MAX (1.0, r * 0.14));
  cairo_stroke (cr);

  cairo_arc (cr, cx - r * 0.35, cy - r * 0.25, r * 0.14, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_arc (cr, cx + r * 0.35, cy - r * 0.25, r * 0.14, 0, 2 * G_PI);
  cairo_fill (cr);

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, cx - r * 0.45, mouth_y);
  cairo_curve_to (cr, cx - r * 0.2, mouth_y + bend, cx + r * 0.2, mouth_y + bend,
                  cx + r * 0.45, mouth_y);
  cairo_stroke (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

static void
draw_pain_marker (cairo_t                    *cr,
                  const TandemJourneyPalette *palette,
                  double                      x,
                  double                      y,
                  double                      size)
{
  /* A warning triangle with an exclamation mark. */
  cairo_new_path (cr);
  cairo_move_to (cr, x + size / 2, y);
  cairo_line_to (cr, x + size, y + size * 0.92);
  cairo_line_to (cr, x, y + size * 0.92);
  cairo_close_path (cr);
  tandem_color_set_source (cr, &palette->pain_point);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x + size / 2 - size * 0.06, y + size * 0.3, size * 0.12, size * 0.34);
  cairo_fill (cr);
  cairo_arc (cr, x + size / 2, y + size * 0.76, size * 0.07, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
draw_touch_marker (cairo_t                    *cr,
                   const TandemJourneyPalette *palette,
                   double                      x,
                   double                      y,
                   double                      size)
{
  double cx = x + size / 2, cy = y + size / 2 + size * 0.04;
  double outer = size / 2, inner = size * 0.21;

  /* A five-pointed star, the usual mark of a moment that matters. */
  cairo_new_path (cr);
  for (int k = 0; k < 10; k++)
    {
      double angle = -G_PI / 2 + k * G_PI / 5;
      double radius = k % 2 == 0 ? outer : inner;

      cairo_line_to (cr, cx + radius * cos (angle), cy + radius * sin (angle));
    }
  cairo_close_path (cr);
  tandem_color_set_source (cr, &palette->touchpoint);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0.12, 0.12, 0.12, 0.85);
  cairo_set_line_width (cr, 1);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

static void
draw_quote_marker (cairo_t           *cr,
                   const TandemColor *color,
                   double             x,
                   double             y,
                   double             size)
{
  /* A speech bubble. */
  cairo_new_path (cr);
  rounded_rect (cr, x, y + 1, size, size * 0.7, size * 0.18);
  cairo_move_to (cr, x + size * 0.25, y + 1 + size * 0.68);
  cairo_line_to (cr, x + size * 0.2, y + 1 + size * 0.98);
  cairo_line_to (cr, x + size * 0.5, y + 1 + size * 0.68);
  tandem_color_set_source (cr, color);
  cairo_set_line_width (cr, 1.4);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

static void
arrow_head (cairo_t *cr,
            double   x,
            double   y,
            double   dx,
            double   dy,
            double   length,
            double   half_width)
{
  double d = hypot (dx, dy);

  if (d < 0.001)
    return;

  dx /= d;
  dy /= d;
  cairo_new_path (cr);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x - dx * length - dy * half_width, y - dy * length + dx * half_width);
  cairo_line_to (cr, x - dx * length + dy * half_width, y - dy * length - dx * half_width);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
set_connector_style (cairo_t                    *cr,
                     const TandemJourneyPalette *palette,
                     TandemConnectorKind         kind,
                     gboolean                    selected)
{
  static const double dashes[] = { 7.0, 5.0 };
  static const double dots[] = { 0.1, 5.0 };

  cairo_set_line_width (cr, (selected ? 3.0 : 2.0) * MAX (1.0, palette->line_width * 0.75));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  switch (kind)
    {
    case TANDEM_CONNECTOR_KIND_BRANCH:
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      tandem_color_set_source (cr, selected ? &palette->accent : &palette->connector);
      break;

    case TANDEM_CONNECTOR_KIND_LOOP:
      cairo_set_dash (cr, dots, 2, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_width (cr, selected ? 4.0 : 3.0);
      tandem_color_set_source (cr, selected ? &palette->accent : &palette->loop);
      break;

    case TANDEM_CONNECTOR_KIND_NEXT:
    default:
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      tandem_color_set_source (cr, selected ? &palette->accent : &palette->connector);
      break;
    }
}

/* A polyline with rounded bends, ending @shorten before its last point. */
static void
polyline_path (cairo_t           *cr,
               const TandemPoint *p,
               guint              n,
               double             shorten)
{
  TandemPoint end;
  double dx, dy, d;

  if (n < 2)
    return;

  end = p[n - 1];
  dx = p[n - 1].x - p[n - 2].x;
  dy = p[n - 1].y - p[n - 2].y;
  d = hypot (dx, dy);
  if (d > shorten && d > 0)
    {
      end.x -= dx / d * shorten;
      end.y -= dy / d * shorten;
    }

  cairo_new_path (cr);
  cairo_move_to (cr, p[0].x, p[0].y);
  for (guint k = 1; k + 1 < n; k++)
    {
      double in = hypot (p[k].x - p[k - 1].x, p[k].y - p[k - 1].y);
      double out = hypot (p[k + 1].x - p[k].x, p[k + 1].y - p[k].y);
      double r = MIN (8.0, MIN (in, out) / 2);

      if (in < 0.01 || out < 0.01)
        continue;

      cairo_line_to (cr, p[k].x - (p[k].x - p[k - 1].x) / in * r,
                     p[k].y - (p[k].y - p[k - 1].y) / in * r);
      cairo_curve_to (cr, p[k].x, p[k].y, p[k].x, p[k].y,
                      p[k].x + (p[k + 1].x - p[k].x) / out * r,
                      p[k].y + (p[k + 1].y - p[k].y) / out * r);
    }
  cairo_line_to (cr, end.x, end.y);
}

/* Parts of the figure */

/* A title stays in view while any of its stage is: it starts at @left when the stage begins
 * further left, and stops at the end of the stage. */
static void
draw_stage_title (TandemJourneyPainter       *self,
                  cairo_t                    *cr,
                  const TandemStageGeometry  *stage,
                  double                      header_y,
                  double                      left,
                  const TandemJourneyPalette *palette)
{
  PangoLayout *text = get_text (self, stage->stage, SLOT_HEADER,
                                tandem_stage_get_title (stage->stage), FONT_HEADER,
                                stage->width - 24, 2, PANGO_ALIGN_LEFT);
  double x = MAX (stage->x, left) + 12;

  x = MAX (MIN (x, stage->x + stage->width - 12 - text_width (text)), stage->x + 12);
  show_text (cr, text, &palette->header_text, x,
             header_y + (TANDEM_JOURNEY_STAGE_HEADER_HEIGHT - text_height (text)) / 2);
}

/* Likewise down the lane: from @top when the lane begins higher up. */
static void
draw_lane_title (TandemJourneyPainter       *self,
                 cairo_t                    *cr,
                 const TandemLaneGeometry   *lane,
                 double                      x,
                 double                      width,
                 double                      top,
                 const TandemJourneyPalette *palette)
{
  /* Printed (a narrower column), lane titles are of the smallest size, like the cards. */
  gboolean print = width < TANDEM_JOURNEY_LANE_HEADER_WIDTH;
  double size = print ? TANDEM_JOURNEY_FONT_SMALL : TANDEM_JOURNEY_FONT_HEADER;
  int lines = MAX (1, (int)((lane->height - (print ? 10 : 20)) / (size * 1.35)));
  PangoLayout *text = get_text (self, lane->lane, SLOT_HEADER, tandem_lane_get_title (lane->lane),
                                print ? FONT_SMALL_BOLD : FONT_HEADER, width - (print ? 16 : 24), lines,
                                PANGO_ALIGN_LEFT);
  double inset = print ? 6 : 12;
  double y = MAX (lane->y, top) + inset;

  y = MAX (MIN (y, lane->y + lane->height - inset - text_height (text)), lane->y + inset);
  show_text (cr, text, &palette->header_text, x + (print ? 8 : 12), y);
}

static void
draw_map_structure (TandemJourneyPainter          *self,
                    cairo_t                       *cr,
                    TandemJourneyLayout           *layout,
                    const cairo_rectangle_t       *clip,
                    const TandemJourneyPaintState *state)
{
  const TandemJourneyPalette *palette = &state->palette;
  TandemJourneyMap *map = tandem_journey_layout_get_map (layout);
  cairo_rectangle_t bounds, title, grid;
  guint n_stages = tandem_journey_layout_get_n_stages (layout);
  guint n_lanes = tandem_journey_layout_get_n_lanes (layout);
  double header_y;
  double header_width = tandem_journey_layout_get_lane_header_width (layout);
  int first_stage, first_lane;

  tandem_journey_layout_get_bounds (layout, &bounds);
  tandem_journey_layout_get_title_rect (layout, &title);
  tandem_journey_layout_get_grid_rect (layout, &grid);
  header_y = grid.y - TANDEM_JOURNEY_STAGE_HEADER_HEIGHT;

  if (title.height > 0 && visible (clip, title.x, title.y, title.width, title.height))
    {
      gboolean before = tandem_journey_map_get_side (map) == TANDEM_MAP_SIDE_BEFORE;
      PangoLayout *text = get_text (self, map, SLOT_TITLE,
                                    before ? _("Before: the journey today")
                                           : _("After: the journey once the change is made"),
                                    FONT_MAP_TITLE, title.width - 8, 1, PANGO_ALIGN_LEFT);

      show_text (cr, text, &palette->title_text, title.x + 4,
                 title.y + title.height - 10 - text_height (text));
    }

  /* Headers: a band across the top and down the left. */
  tandem_color_set_source (cr, &palette->header_background);
  cairo_rectangle (cr, bounds.x, header_y, bounds.width, TANDEM_JOURNEY_STAGE_HEADER_HEIGHT);
  cairo_rectangle (cr, bounds.x, grid.y, header_width, grid.height);
  cairo_fill (cr);

  /* Printed, the title is the figure's caption, and a part of a map split over pages says
   * so in the corner above the lane titles: never over the map. */
  if (title.height == 0)
    {
      gboolean from_before, goes_on;
      const char *note = NULL;

      tandem_journey_layout_get_continuation (layout, &from_before, &goes_on);
      /* Short enough for the corner, whole: the caption gives the part's number. */
      if (from_before)
        note = _("Continued from the previous page");
      else if (goes_on)
        note = _("Continued on the next page");
      if (note != NULL)
        {
          PangoLayout *text = get_text (self, map, SLOT_TITLE, note, FONT_SMALL_BOLD,
                                        header_width - 12, 3, PANGO_ALIGN_LEFT);

          show_text (cr, text, &palette->header_text, bounds.x + 6,
                     header_y + (TANDEM_JOURNEY_STAGE_HEADER_HEIGHT - text_height (text)) / 2);
        }
    }

  first_stage = tandem_journey_layout_stage_at (layout, MAX (clip->x, grid.x));
  first_lane = tandem_journey_layout_lane_at (layout, MAX (clip->y, grid.y));

  /* Every other lane is tinted, so a row is easy to follow across a wide map. */
  if (palette->lane_tint.alpha > 0)
    {
      tandem_color_set_source (cr, &palette->lane_tint);
      for (guint i = MAX (first_lane, 0); i < n_lanes; i++)
        {
          const TandemLaneGeometry *lane = tandem_journey_layout_get_lane (layout, i);

          if (lane->y > clip->y + clip->height)
            break;
          if (i % 2 == 1)
            cairo_rectangle (cr, grid.x, lane->y, grid.width, lane->height);
        }
      cairo_fill (cr);
    }

  cairo_set_line_width (cr, palette->line_width);
  tandem_color_set_source (cr, &palette->grid_line);
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = MAX (first_stage, 0); i < n_stages; i++)
    {
      const TandemStageGeometry *stage = tandem_journey_layout_get_stage (layout, i);
      double x = stage->x + stage->width;

      if (stage->x > clip->x + clip->width)
        break;

      cairo_move_to (cr, round (x) - 0.5, header_y);
      cairo_line_to (cr, round (x) - 0.5, grid.y + grid.height);
    }
  cairo_move_to (cr, grid.x - 0.5, header_y);
  cairo_line_to (cr, grid.x - 0.5, grid.y + grid.height);

  for (guint i = MAX (first_lane, 0); i < n_lanes; i++)
    {
      const TandemLaneGeometry *lane = tandem_journey_layout_get_lane (layout, i);
      double y = lane->y + lane->height;

      if (lane->y > clip->y + clip->height)
        break;

      cairo_move_to (cr, bounds.x, round (y) - 0.5);
      cairo_line_to (cr, grid.x + grid.width, round (y) - 0.5);
    }
  cairo_move_to (cr, bounds.x, grid.y - 0.5);
  cairo_line_to (cr, grid.x + grid.width, grid.y - 0.5);
  cairo_stroke (cr);

  /* Stage titles, in the header band. */
  if (visible (clip, bounds.x, header_y, bounds.width, TANDEM_JOURNEY_STAGE_HEADER_HEIGHT))
    {
      for (guint i = MAX (first_stage, 0); i < n_stages; i++)
        {
          const TandemStageGeometry *stage = tandem_journey_layout_get_stage (layout, i);

          if (stage->x > clip->x + clip->width)
            break;

          draw_stage_title (self, cr, stage, header_y, clip->x, palette);
        }
    }

  /* Lane titles, down the left. */
  if (visible (clip, bounds.x, grid.y, header_width, grid.height))
    {
      for (guint i = MAX (first_lane, 0); i < n_lanes; i++)
        {
          const TandemLaneGeometry *lane = tandem_journey_layout_get_lane (layout, i);

          if (lane->y > clip->y + clip->height)
            break;

          draw_lane_title (self, cr, lane, bounds.x, header_width, clip->y, palette);
        }
    }
}

static void
draw_connector (TandemJourneyPainter          *self,
                cairo_t                       *cr,
                TandemJourneyLayout           *layout,
                guint                          index,
                const cairo_rectangle_t       *clip,
                const TandemJourneyPaintState *state,
                gboolean                       labels)
{
  const TandemJourneyPalette *palette = &state->palette;
  const TandemConnectorGeometry *geometry = tandem_journey_layout_route_connector (layout, index);
  const TandemPoint *p = (const TandemPoint *)(gconstpointer)geometry->points->data;
  guint n = geometry->points->len;
  TandemConnectorKind kind = tandem_connector_get_kind (geometry->connector);
  gboolean selected = is_selected (state, geometry->connector) ||
                      state->hovered == (TandemObject *)geometry->connector;
  const char *label = tandem_connector_get_label (geometry->connector);
  cairo_rectangle_t bounds = { p[0].x, p[0].y, 0, 0 };

  if (n < 2)
    return;

  for (guint k = 1; k < n; k++)
    {
      cairo_rectangle_t point = { p[k].x, p[k].y, 0, 0 };
      tandem_rectangle_union (&bounds, &point);
    }
  tandem_rectangle_union (&bounds, &geometry->label);
  tandem_rectangle_inflate (&bounds, 12, 12);
  if (!tandem_rectangle_intersects (&bounds, clip))
    return;

  if (!labels)
    {
      set_connector_style (cr, palette, kind, selected);
      polyline_path (cr, p, n, 8);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      arrow_head (cr, p[n - 1].x, p[n - 1].y, p[n - 1].x - p[n - 2].x, p[n - 1].y - p[n - 2].y,
                  11, 5.5);
    }
  /* Labels go above the cards, which short connectors pass between. */
  else if (label[0] != '\0')
    {
      PangoLayout *text = get_text (self, geometry->connector, SLOT_LABEL, label, FONT_SMALL_BOLD,
                                    200, 1, PANGO_ALIGN_LEFT);
      double w = text_width (text) + 12, h = text_height (text) + 4;
      double cx = geometry->label.x + geometry->label.width / 2;
      double cy = geometry->label.y + geometry->label.height / 2;

      rounded_rect (cr, cx - w / 2, cy - h / 2, w, h, h / 2);
      tandem_color_set_source (cr, &palette->label_background);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 1.5);
      tandem_color_set_source (cr, kind == TANDEM_CONNECTOR_KIND_LOOP ? &palette->loop
                                                                       : &palette->connector);
      cairo_stroke (cr);
      show_text (cr, text, &palette->text, cx - w / 2 + 6, cy - h / 2 + 2);
    }
}

/* Times on a card, short: “45 min”, “2 h 30 min”, “3 days”, “1 day 4 h”. Waits run from
 * minutes to weeks, so days are the largest unit, and minutes are dropped past a day, as
 * nobody counts them then. Elsewhere times are in full words (tandem_format_minutes()). */
static char *
format_minutes_short (double minutes)
{
  guint64 total = (guint64)MAX (0.0, round (minutes));
  guint64 days = total / 1440;
  guint64 hours = (total % 1440) / 60;
  guint64 mins = total % 60;

  if (days > 0 && hours > 0)
    /* TRANSLATORS: a duration, “1 day 4 h” */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GUINT64_FORMAT " day %" G_GUINT64_FORMAT " h",
                                         "%" G_GUINT64_FORMAT " days %" G_GUINT64_FORMAT " h", days),
                            days, hours);
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GUINT64_FORMAT " day",
                                         "%" G_GUINT64_FORMAT " days", days), days);
  if (hours > 0 && mins > 0)
    /* TRANSLATORS: a duration, “2 h 30 min” */
    return g_strdup_printf (_("%" G_GUINT64_FORMAT " h %" G_GUINT64_FORMAT " min"), hours, mins);
  if (hours > 0)
    return g_strdup_printf (_("%" G_GUINT64_FORMAT " h"), hours);

  return g_strdup_printf (_("%" G_GUINT64_FORMAT " min"), mins);
}

static char *
time_text (TandemStep *step)
{
  double wait = tandem_step_get_wait_minutes (step);
  double duration = tandem_step_get_duration_minutes (step);
  g_autofree char *wait_text = wait > 0 ? format_minutes_short (wait) : NULL;
  g_autofree char *duration_text = duration > 0 ? format_minutes_short (duration) : NULL;

  if (wait_text != NULL && duration_text != NULL)
    /* TRANSLATORS: on a card: the wait before a step, then how long it takes */
    return g_strdup_printf (_("Waits %s · takes %s"), wait_text, duration_text);
  if (wait_text != NULL)
    return g_strdup_printf (_("Waits %s"), wait_text);
  if (duration_text != NULL)
    return g_strdup_printf (_("Takes %s"), duration_text);

  return NULL;
}

static char *
who_where_text (TandemStep *step)
{
  const char *role = tandem_step_get_role (step);
  const char *place = tandem_step_get_place (step);

  if (role[0] != '\0' && place[0] != '\0')
    /* TRANSLATORS: on a card: who is involved · where it happens */
    return g_strdup_printf (_("%s · %s"), role, place);
  if (role[0] != '\0')
    return g_strdup (role);
  if (place[0] != '\0')
    return g_strdup (place);

  return NULL;
}

static void
draw_card (TandemJourneyPainter          *self,
           cairo_t                       *cr,
           const TandemCardGeometry      *card,
           double                         dx,
           double                         dy,
           const TandemJourneyPaintState *state)
{
  const TandemJourneyPalette *palette = &state->palette;
  TandemStep *step = card->step;
  double x = card->rect.x + dx, y = card->rect.y + dy;
  double w = card->rect.width, h = card->rect.height;
  /* A printed card is compact: its text all of the smallest size, narrower margins, and the
   * details wrapped rather than cut (its lane is as tall as it needs). */
  gboolean print = card->print;
  double pad = print ? TANDEM_JOURNEY_PRINT_CARD_PAD : TANDEM_JOURNEY_CARD_PAD;
  double strip = print ? 4 : 6;
  double x0 = x + (print ? strip + 2 : pad + 4), cw = x + w - (print ? 3 : pad) - x0;
  double bottom_y = y + h - pad - 2 * FACE_RADIUS;
  double cursor = y + pad - 1;
  double title_line = (print ? TANDEM_JOURNEY_FONT_SMALL : TANDEM_JOURNEY_FONT_CARD_TITLE) * 1.3;
  double body_line = (print ? TANDEM_JOURNEY_FONT_SMALL : TANDEM_JOURNEY_FONT_CARD_BODY) * 1.35;
  /* Printed, the title is the card's only text: regular weight keeps long words whole. */
  Font title_font = print ? FONT_SMALL : FONT_CARD_TITLE;
  Font body_font = print ? FONT_SMALL : FONT_CARD_BODY;
  double number_room = 30;
  double markers_x = x + w - pad;
  double available;
  gboolean selected = is_selected (state, step);
  g_autofree char *who_where = print ? NULL : who_where_text (step);
  g_autofree char *time = print ? NULL : time_text (step);
  g_autofree char *number = g_strdup_printf ("%u", card->number);
  guint n_quotes = tandem_list_get_n (tandem_step_get_quotes (step));
  PangoLayout *text;
  int title_lines;
  int who_where_lines = 1, time_lines = 1;

  /* The card */
  if (palette->card_shadow.alpha > 0)
    {
      rounded_rect (cr, x, y + 2, w, h, TANDEM_JOURNEY_CARD_RADIUS);
      tandem_color_set_source (cr, &palette->card_shadow);
      cairo_fill (cr);
    }

  rounded_rect (cr, x, y, w, h, TANDEM_JOURNEY_CARD_RADIUS);
  tandem_color_set_source (cr, &palette->card_background);
  cairo_fill_preserve (cr);
  if (selected)
    {
      tandem_color_set_source (cr, &palette->selection_fill);
      cairo_fill_preserve (cr);
    }

  /* A strip down the left in the feeling's colour, inside the rounded corners. With several
   * votes the strip is their spread: a bar of the counts, best at the top as on the curve. */
  if (card->has_feeling)
    {
      TandemFeelingSpread spread;
      double top = y;

      tandem_step_get_spread (step, &spread);
      cairo_save (cr);
      cairo_clip (cr);
      for (int feeling = TANDEM_FEELING_VERY_GOOD; feeling >= TANDEM_FEELING_VERY_BAD; feeling--)
        {
          double part = h * spread.counts[feeling] / MAX (1, spread.n_votes);

          if (spread.counts[feeling] == 0)
            continue;
          cairo_rectangle (cr, x, top, strip, part);
          tandem_color_set_source (cr, &palette->feeling[feeling]);
          cairo_fill (cr);
          top += part;
        }
      cairo_restore (cr);
    }
  cairo_new_path (cr);

  /* The number in journey order, small in the top right corner. */
  /* Printed, it begins the title, so that the title has the card's whole width. */
  text = get_text (self, step, SLOT_NUMBER, number, FONT_SMALLEST, 26, 1, PANGO_ALIGN_RIGHT);
  if (print)
    number_room = 0;
  else
    show_text (cr, text, &palette->dim_text, x + w - pad - 26, y + pad - 1);

  /* Title, then who and where, then the times; the title gives up lines first, then the
   * details, so that a short card still says what the step is. */
  available = bottom_y - 4 - cursor;
  if (who_where != NULL && available - body_line < title_line * 2 && time != NULL)
    g_clear_pointer (&who_where, g_free);
  if (time != NULL && available - body_line < title_line)
    g_clear_pointer (&time, g_free);
  if (print)
    {
      /* Details take two lines only when they need them and the card has the room. */
      double room = available - (who_where ? body_line : 0) - (time ? body_line : 0) - title_line;
      int extra = (int)(room / body_line);

      who_where_lines = who_where != NULL && extra > 0 ? 2 : 1;
      extra -= who_where_lines - 1;
      time_lines = time != NULL && extra > 0 ? 2 : 1;
      available -= (who_where ? who_where_lines * body_line : 0) + (time ? time_lines * body_line : 0);
    }
  else
    available -= (who_where ? body_line : 0) + (time ? body_line : 0);
  title_lines = MAX (1, (int)(available / title_line));

  if (state->editing != step)
    {
      const char *title = tandem_step_get_title (step);
      g_autofree char *numbered = NULL;

      if (print && title[0] != '\0')
        title = numbered = g_strdup_printf ("%s  %s", number, title);

      if (title[0] != '\0')
        text = get_text (self, step, SLOT_TITLE, title, title_font, cw - number_room, title_lines,
                         PANGO_ALIGN_LEFT);
      else
        text = get_text (self, step, SLOT_TITLE, _("Untitled step"), FONT_PLACEHOLDER, cw - 30,
                         1, PANGO_ALIGN_LEFT);
      show_text (cr, text, title[0] != '\0' ? &palette->text : &palette->dim_text, x0, cursor);
      cursor += MIN (text_height (text), title_lines * title_line) + 3;
    }
  else
    {
      cursor += title_line + 3;
    }

  if (who_where != NULL)
    {
      text = get_text (self, step, SLOT_WHO_WHERE, who_where, body_font, cw, who_where_lines,
                       PANGO_ALIGN_LEFT);
      show_text (cr, text, &palette->dim_text, x0, cursor);
      cursor += MIN (text_height (text), who_where_lines * body_line);
    }

  if (time != NULL)
    {
      text = get_text (self, step, SLOT_TIME, time, body_font, cw, time_lines, PANGO_ALIGN_LEFT);
      show_text (cr, text, &palette->text, x0, cursor);
    }

  /* Markers from the right: pain point, touchpoint, quotes. */
  if (tandem_step_get_pain_point (step))
    {
      markers_x -= MARKER_SIZE;
      draw_pain_marker (cr, palette, markers_x, bottom_y + 1, MARKER_SIZE);
      markers_x -= 5;
    }
  if (tandem_step_get_touchpoint (step))
    {
      markers_x -= MARKER_SIZE;
      draw_touch_marker (cr, palette, markers_x, bottom_y, MARKER_SIZE);
      markers_x -= 5;
    }
  if (n_quotes > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", n_quotes);

      text = get_text (self, step, SLOT_QUOTES, count, FONT_SMALL_BOLD, -1, 0, PANGO_ALIGN_LEFT);
      markers_x -= text_width (text);
      show_text (cr, text, &palette->text, markers_x, bottom_y + FACE_RADIUS - text_height (text) / 2);
      markers_x -= MARKER_SIZE + 2;
      draw_quote_marker (cr, &palette->text, markers_x, bottom_y + 1, MARKER_SIZE - 2);
      markers_x -= 5;
    }

  if (card->has_feeling)
    {
      draw_face (cr, palette, x0 + FACE_RADIUS, bottom_y + FACE_RADIUS, FACE_RADIUS, card->score);
    }
  /* Printed, the face is the feeling (the key names it): its name would not fit whole. */
  if (card->has_feeling && !print)
    {
      guint n_votes = tandem_list_get_n (tandem_step_get_votes (step));
      g_autofree char *feeling = NULL;

      /* Several voices: the median, and how many it stands for (short, to fit a card; the
       * strip beside it shows the spread). */
      if (n_votes > 1)
        feeling = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u vote)",
                                                "%s (%u votes)", n_votes),
                                   tandem_feeling_to_label (tandem_step_get_feeling (step)),
                                   n_votes);
      else
        feeling = g_strdup (tandem_feeling_to_label (tandem_step_get_feeling (step)));

      text = get_text (self, step, SLOT_FEELING, feeling,
                       body_font, MAX (10, markers_x - (x0 + 2 * FACE_RADIUS + 5)), 1,
                       PANGO_ALIGN_LEFT);
      show_text (cr, text, &palette->text, x0 + 2 * FACE_RADIUS + 5,
                 bottom_y + FACE_RADIUS - text_height (text) / 2);
    }

  /* Border, selection and focus. */
  rounded_rect (cr, x + 0.5, y + 0.5, w - 1, h - 1, TANDEM_JOURNEY_CARD_RADIUS);
  cairo_set_line_width (cr, palette->line_width);
  tandem_color_set_source (cr, state->hovered == (TandemObject *)step && !selected
                               ? &palette->dim_text : &palette->card_border);
  cairo_stroke (cr);

  if (selected)
    {
      rounded_rect (cr, x + 1.25, y + 1.25, w - 2.5, h - 2.5, TANDEM_JOURNEY_CARD_RADIUS - 1);
      cairo_set_line_width (cr, 2.5);
      tandem_color_set_source (cr, &palette->accent);
      cairo_stroke (cr);
    }

  if (state->focus_visible && state->focused == (TandemObject *)step)
    {
      rounded_rect (cr, x - 4, y - 4, w + 8, h + 8, TANDEM_JOURNEY_CARD_RADIUS + 4);
      cairo_set_line_width (cr, 2.5);
      tandem_color_set_source (cr, &palette->focus_ring);
      cairo_stroke (cr);
    }
}

static void
draw_placeholder (cairo_t                    *cr,
                  const TandemJourneyPalette *palette,
                  const cairo_rectangle_t    *rect)
{
  static const double dashes[] = { 4.0, 4.0 };

  rounded_rect (cr, rect->x + 0.5, rect->y + 0.5, rect->width - 1, rect->height - 1,
                TANDEM_JOURNEY_CARD_RADIUS);
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_set_line_width (cr, 1.5);
  tandem_color_set_source (cr, &palette->dim_text);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;

  return x < y ? -1 : (x > y ? 1 : 0);
}

typedef enum
{
  PASS_CONNECTORS,
  PASS_CARDS,
  PASS_LABELS,
  N_PASSES
} Pass;

static void
draw_items (TandemJourneyPainter          *self,
            cairo_t                       *cr,
            TandemJourneyLayout           *layout,
            const cairo_rectangle_t       *clip,
            const TandemJourneyPaintState *state,
            Pass                           pass)
{
  g_array_set_size (self->items, 0);
  tandem_journey_layout_query (layout, clip, self->items);
  /* Journey order within each kind, so that later cards overlap earlier ones the same way
   * whatever the clip. */
  g_array_sort (self->items, compare_items);

  for (guint k = 0; k < self->items->len; k++)
    {
      guint item = g_array_index (self->items, guint, k);
      guint index = TANDEM_JOURNEY_ITEM_INDEX (item);

      if (pass != PASS_CARDS && TANDEM_JOURNEY_ITEM_KIND (item) == TANDEM_JOURNEY_ITEM_CONNECTOR)
        {
          draw_connector (self, cr, layout, index, clip, state, pass == PASS_LABELS);
        }
      else if (pass == PASS_CARDS && TANDEM_JOURNEY_ITEM_KIND (item) == TANDEM_JOURNEY_ITEM_CARD)
        {
          const TandemCardGeometry *card = tandem_journey_layout_get_card (layout, index);

          if (state->dragging && is_selected (state, card->step))
            draw_placeholder (cr, &state->palette, &card->rect);
          else
            draw_card (self, cr, card, 0, 0, state);
        }
    }
}

/* "How it felt" and the five levels, in the column of lane titles starting at @x. */
static void
draw_emotion_labels (TandemJourneyPainter       *self,
                     cairo_t                    *cr,
                     TandemJourneyLayout        *layout,
                     double                      x,
                     const TandemJourneyPalette *palette)
{
  double header_width = tandem_journey_layout_get_lane_header_width (layout);
  cairo_rectangle_t band;
  PangoLayout *text;

  tandem_journey_layout_get_emotion_rect (layout, &band);

  /* Printed, it is small and beside the levels, whose faces are at the column's right. */
  if (tandem_journey_layout_get_print (layout))
    {
      text = get_text (self, emotion_title_owner, SLOT_HEADER, _("How it felt"), FONT_SMALL_BOLD,
                       header_width - 40, 2, PANGO_ALIGN_LEFT);
      show_text (cr, text, &palette->header_text, x + 8, band.y + 8);
    }
  else
    {
      text = get_text (self, emotion_title_owner, SLOT_HEADER, _("How it felt"), FONT_HEADER,
                       header_width - 24, 1, PANGO_ALIGN_LEFT);
      show_text (cr, text, &palette->header_text, x + 12, band.y + 8);
    }

  for (int score = 2; score >= -2; score--)
    {
      double y = round (tandem_journey_layout_get_emotion_level_y (layout, score)) + 0.5;
      TandemFeeling feeling = score == 2 ? TANDEM_FEELING_VERY_GOOD :
                              score == 1 ? TANDEM_FEELING_GOOD :
                              score == 0 ? TANDEM_FEELING_NEUTRAL :
                              score == -1 ? TANDEM_FEELING_BAD : TANDEM_FEELING_VERY_BAD;

      /* Printed, the levels are the faces of the key: their names would not fit whole. */
      if (!tandem_journey_layout_get_print (layout))
        {
          text = get_text (self, level_owners[2 - score], SLOT_HEADER,
                           tandem_feeling_to_label (feeling), FONT_SMALL, header_width - 50, 1,
                           PANGO_ALIGN_RIGHT);
          show_text (cr, text, &palette->dim_text, x + 12, y - text_height (text) / 2);
        }
      draw_face (cr, palette, x + header_width - 16, y, 6, score);
    }
}

static void
draw_emotion (TandemJourneyPainter          *self,
              cairo_t                       *cr,
              TandemJourneyLayout           *layout,
              const cairo_rectangle_t       *clip,
              const TandemJourneyPaintState *state)
{
  static const double dashes[] = { 2.0, 4.0 };
  const TandemJourneyPalette *palette = &state->palette;
  cairo_rectangle_t band, grid;
  guint n = tandem_journey_layout_get_n_cards (layout);
  guint first = 0;
  gboolean started = FALSE;
  PangoLayout *text;

  tandem_journey_layout_get_emotion_rect (layout, &band);
  tandem_journey_layout_get_grid_rect (layout, &grid);
  if (!tandem_rectangle_intersects (&band, clip))
    return;

  tandem_color_set_source (cr, &palette->emotion_band);
  cairo_rectangle (cr, band.x, band.y, band.width, band.height);
  cairo_fill (cr);

  draw_emotion_labels (self, cr, layout, band.x, palette);

  cairo_set_line_width (cr, palette->line_width);
  for (int score = 2; score >= -2; score--)
    {
      double y = round (tandem_journey_layout_get_emotion_level_y (layout, score)) + 0.5;

      cairo_set_dash (cr, score == 0 ? NULL : dashes, score == 0 ? 0 : 2, 0);
      tandem_color_set_source (cr, &palette->grid_line);
      cairo_move_to (cr, MAX (grid.x, clip->x), y);
      cairo_line_to (cr, MIN (grid.x + grid.width, clip->x + clip->width), y);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);

  /* The curve through the feelings in journey order, which is also left to right. Start at
   * the last point before the clip so the line enters it. */
  {
    guint lo = 0, hi = n;

    while (lo < hi)
      {
        guint mid = (lo + hi) / 2;

        if (tandem_journey_layout_get_card (layout, mid)->curve.x < clip->x)
          lo = mid + 1;
        else
          hi = mid;
      }
    first = lo;
    while (first > 0 && !tandem_journey_layout_get_card (layout, first - 1)->has_feeling)
      first--;
    if (first > 0)
      first--;
  }

  /* Where several people voted, the range of their feelings: a band from the lowest to the
   * highest vote around the curve of medians, narrowing to the line where one voice spoke. */
  {
    g_autoptr(GArray) low = g_array_new (FALSE, FALSE, sizeof (TandemPoint));
    g_autoptr(GArray) high = g_array_new (FALSE, FALSE, sizeof (TandemPoint));
    gboolean spread_out = FALSE;

    for (guint k = first; k < n; k++)
      {
        const TandemCardGeometry *card = tandem_journey_layout_get_card (layout, k);
        TandemFeelingSpread spread;
        TandemPoint p;

        if (!card->has_feeling)
          continue;

        tandem_step_get_spread (card->step, &spread);
        spread_out |= spread.lowest != spread.highest;
        p.x = card->curve.x;
        p.y = tandem_journey_layout_get_emotion_level_y (layout,
                                                          tandem_feeling_to_score (spread.lowest));
        g_array_append_val (low, p);
        p.y = tandem_journey_layout_get_emotion_level_y (layout,
                                                          tandem_feeling_to_score (spread.highest));
        g_array_append_val (high, p);

        if (card->curve.x > clip->x + clip->width)
          break;
      }

    if (spread_out && low->len > 0)
      {
        cairo_new_path (cr);
        for (guint i = 0; i < high->len; i++)
          cairo_line_to (cr, g_array_index (high, TandemPoint, i).x,
                         g_array_index (high, TandemPoint, i).y);
        for (guint i = low->len; i-- > 0;)
          cairo_line_to (cr, g_array_index (low, TandemPoint, i).x,
                         g_array_index (low, TandemPoint, i).y);
        cairo_close_path (cr);
        cairo_set_source_rgba (cr, palette->curve.red, palette->curve.green, palette->curve.blue,
                               0.22);
        cairo_fill (cr);
      }
  }

  cairo_new_path (cr);
  for (guint k = first; k < n; k++)
    {
      const TandemCardGeometry *card = tandem_journey_layout_get_card (layout, k);

      if (!card->has_feeling)
        continue;

      if (!started)
        cairo_move_to (cr, card->curve.x, card->curve.y);
      else
        cairo_line_to (cr, card->curve.x, card->curve.y);
      started = TRUE;

      if (card->curve.x > clip->x + clip->width)
        break;
    }
  cairo_set_line_width (cr, 2.5 * MAX (1.0, palette->line_width * 0.75));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  tandem_color_set_source (cr, &palette->curve);
  cairo_stroke (cr);

  for (guint k = first; k < n; k++)
    {
      const TandemCardGeometry *card = tandem_journey_layout_get_card (layout, k);
      g_autofree char *number = NULL;
      gboolean highlight;

      if (card->curve.x > clip->x + clip->width + FACE_RADIUS)
        break;
      if (!card->has_feeling || card->curve.x < clip->x - 20)
        continue;

      highlight = is_selected (state, card->step) || state->focused == (TandemObject *)card->step;
      if (highlight)
        {
          cairo_arc (cr, card->curve.x, card->curve.y, FACE_RADIUS + 3, 0, 2 * G_PI);
          tandem_color_set_source (cr, &palette->accent);
          cairo_fill (cr);
        }
      draw_face (cr, palette, card->curve.x, card->curve.y, FACE_RADIUS, card->score);

      number = g_strdup_printf ("%u", card->number);
      text = get_text (self, card->step, SLOT_CURVE_NUMBER, number, FONT_SMALLEST, 30, 1,
                       PANGO_ALIGN_CENTER);
      show_text (cr, text, &palette->dim_text, card->curve.x - 15,
                 card->curve.y + (card->score <= -2 ? -FACE_RADIUS - 2 - text_height (text)
                                                    : FACE_RADIUS + 2));
    }
}

static void
draw_replacements (TandemJourneyPainter          *self,
                   cairo_t                       *cr,
                   TandemJourneyFigure           *figure,
                   const cairo_rectangle_t       *clip,
                   const TandemJourneyPaintState *state)
{
  static const double dashes[] = { 8.0, 5.0 };
  const TandemJourneyPalette *palette = &state->palette;
  guint n = tandem_journey_figure_get_n_replacements (figure);

  for (guint i = 0; i < n; i++)
    {
      const TandemReplacementGeometry *g = tandem_journey_figure_get_replacement (figure, i);
      gboolean selected = is_selected (state, g->replacement) ||
                          state->hovered == (TandemObject *)g->replacement;
      gboolean related = FALSE;
      const TandemColor *color = selected ? &palette->accent : &palette->replacement;

      /* Links recede until one of their steps is selected, so a busy comparison stays calm. */
      if (state->selected != NULL && !selected)
        {
          GHashTableIter iter;
          gpointer key;

          g_hash_table_iter_init (&iter, state->selected);
          while (!related && g_hash_table_iter_next (&iter, &key, NULL))
            related = TANDEM_IS_STEP (key) &&
                      (g_str_equal (tandem_object_get_id (key),
                                    tandem_replacement_get_before_step (g->replacement)) ||
                       g_str_equal (tandem_object_get_id (key),
                                    tandem_replacement_get_after_step (g->replacement)));
        }

      if (!tandem_rectangle_intersects (&g->bounds, clip))
        continue;

      cairo_new_path (cr);
      cairo_move_to (cr, g->points[0].x, g->points[0].y);
      cairo_curve_to (cr, g->points[1].x, g->points[1].y, g->points[2].x, g->points[2].y,
                      g->points[3].x, g->points[3].y);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_set_line_width (cr, selected || related ? 3.0 : 1.75);
      tandem_color_set_source_alpha (cr, color, selected || related ? 1.0 : 0.6);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      tandem_color_set_source (cr, color);
      cairo_arc (cr, g->points[0].x, g->points[0].y, 4, 0, 2 * G_PI);
      cairo_fill (cr);
      arrow_head (cr, g->points[3].x, g->points[3].y, g->points[3].x - g->points[2].x,
                  g->points[3].y - g->points[2].y, 11, 5.5);
    }
}

static const char *
legend_label (TandemLegendEntry entry)
{
  switch (entry)
    {
    case TANDEM_LEGEND_FEELING_VERY_GOOD:
      return tandem_feeling_to_label (TANDEM_FEELING_VERY_GOOD);
    case TANDEM_LEGEND_FEELING_GOOD:
      return tandem_feeling_to_label (TANDEM_FEELING_GOOD);
    case TANDEM_LEGEND_FEELING_NEUTRAL:
      return tandem_feeling_to_label (TANDEM_FEELING_NEUTRAL);
    case TANDEM_LEGEND_FEELING_BAD:
      return tandem_feeling_to_label (TANDEM_FEELING_BAD);
    case TANDEM_LEGEND_FEELING_VERY_BAD:
      return tandem_feeling_to_label (TANDEM_FEELING_VERY_BAD);
    case TANDEM_LEGEND_TOUCHPOINT:
      return _("Touchpoint");
    case TANDEM_LEGEND_PAIN_POINT:
      return _("Pain point");
    case TANDEM_LEGEND_QUOTES:
      return _("Quotes");
    case TANDEM_LEGEND_NUMBER:
      return _("Order in the journey");
    case TANDEM_LEGEND_NEXT:
      return tandem_connector_kind_to_label (TANDEM_CONNECTOR_KIND_NEXT);
    case TANDEM_LEGEND_BRANCH:
      return tandem_connector_kind_to_label (TANDEM_CONNECTOR_KIND_BRANCH);
    case TANDEM_LEGEND_LOOP:
      return tandem_connector_kind_to_label (TANDEM_CONNECTOR_KIND_LOOP);
    case TANDEM_LEGEND_REPLACED_BY:
      return _("Replaced by");
    case TANDEM_N_LEGEND_ENTRIES:
    default:
      return "";
    }
}

static void
draw_legend (TandemJourneyPainter          *self,
             cairo_t                       *cr,
             TandemJourneyFigure           *figure,
             const cairo_rectangle_t       *clip,
             const TandemJourneyPaintState *state)
{
  const TandemJourneyPalette *palette = &state->palette;
  cairo_rectangle_t rect;
  guint n;
  PangoLayout *text;

  if (!tandem_journey_figure_get_legend_rect (figure, &rect) ||
      !tandem_rectangle_intersects (&rect, clip))
    return;

  rounded_rect (cr, rect.x + 0.5, rect.y + 0.5, rect.width - 1, rect.height - 1, 6);
  cairo_set_line_width (cr, palette->line_width);
  tandem_color_set_source (cr, &palette->grid_line);
  cairo_stroke (cr);

  text = get_text (self, legend_title_owner, SLOT_HEADER, _("Key"),
                   tandem_journey_figure_get_print (figure) ? FONT_SMALL_BOLD : FONT_HEADER, -1, 0,
                   PANGO_ALIGN_LEFT);
  show_text (cr, text, &palette->header_text, rect.x + 12,
             rect.y + (tandem_journey_figure_get_print (figure) ? 5 : 8));

  n = tandem_journey_figure_get_n_legend_entries (figure);
  for (guint i = 0; i < n; i++)
    {
      TandemLegendEntry entry;
      cairo_rectangle_t r;
      double cy, sx;

      tandem_journey_figure_get_legend_entry (figure, i, &entry, &r);
      cy = r.y + r.height / 2;
      sx = r.x + 6;

      switch (entry)
        {
        case TANDEM_LEGEND_FEELING_VERY_GOOD:
        case TANDEM_LEGEND_FEELING_GOOD:
        case TANDEM_LEGEND_FEELING_NEUTRAL:
        case TANDEM_LEGEND_FEELING_BAD:
        case TANDEM_LEGEND_FEELING_VERY_BAD:
          draw_face (cr, palette, sx + 12, cy, FACE_RADIUS, 2 - (int)entry);
          break;

        case TANDEM_LEGEND_TOUCHPOINT:
          draw_touch_marker (cr, palette, sx + 4, cy - MARKER_SIZE / 2, MARKER_SIZE);
          break;

        case TANDEM_LEGEND_PAIN_POINT:
          draw_pain_marker (cr, palette, sx + 4, cy - MARKER_SIZE / 2, MARKER_SIZE);
          break;

        case TANDEM_LEGEND_QUOTES:
          draw_quote_marker (cr, &palette->text, sx + 5, cy - MARKER_SIZE / 2, MARKER_SIZE - 2);
          break;

        case TANDEM_LEGEND_NUMBER:
          {
            PangoLayout *digit = get_text (self, legend_label (entry), SLOT_NUMBER, "3",
                                           FONT_SMALLEST, -1, 0, PANGO_ALIGN_LEFT);
            show_text (cr, digit, &palette->dim_text, sx + 9, cy - text_height (digit) / 2);
          }
          break;

        case TANDEM_LEGEND_NEXT:
        case TANDEM_LEGEND_BRANCH:
        case TANDEM_LEGEND_LOOP:
          set_connector_style (cr, palette,
                               entry == TANDEM_LEGEND_NEXT ? TANDEM_CONNECTOR_KIND_NEXT :
                               entry == TANDEM_LEGEND_BRANCH ? TANDEM_CONNECTOR_KIND_BRANCH
                                                             : TANDEM_CONNECTOR_KIND_LOOP,
                               FALSE);
          cairo_move_to (cr, sx, cy);
          cairo_line_to (cr, sx + 20, cy);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          arrow_head (cr, sx + 28, cy, 1, 0, 9, 4.5);
          break;

        case TANDEM_LEGEND_REPLACED_BY:
          {
            static const double dashes[] = { 6.0, 4.0 };

            tandem_color_set_source (cr, &palette->replacement);
            cairo_arc (cr, sx + 2, cy, 3, 0, 2 * G_PI);
            cairo_fill (cr);
            cairo_set_dash (cr, dashes, 2, 0);
            cairo_set_line_width (cr, 2.5);
            cairo_move_to (cr, sx + 2, cy);
            cairo_line_to (cr, sx + 20, cy);
            cairo_stroke (cr);
            cairo_set_dash (cr, NULL, 0, 0);
            arrow_head (cr, sx + 28, cy, 1, 0, 9, 4.5);
          }
          break;

        case TANDEM_N_LEGEND_ENTRIES:
        default:
          break;
        }

      text = get_text (self, legend_label (entry), SLOT_LABEL, legend_label (entry), FONT_SMALL,
                       r.width - 44, 1, PANGO_ALIGN_LEFT);
      show_text (cr, text, &palette->text, r.x + 40, cy - text_height (text) / 2);
    }
}

static void
draw_overlays (TandemJourneyPainter          *self,
               cairo_t                       *cr,
               TandemJourneyFigure           *figure,
               const cairo_rectangle_t       *clip,
               const TandemJourneyPaintState *state)
{
  static const double dashes[] = { 5.0, 4.0 };
  const TandemJourneyPalette *palette = &state->palette;

  if (state->show_drop)
    {
      rounded_rect (cr, state->drop.x, state->drop.y, state->drop.width, state->drop.height, 2);
      tandem_color_set_source (cr, &palette->accent);
      cairo_fill (cr);
    }

  /* Dragged cards follow the pointer, above everything else. */
  if (state->dragging && state->selected != NULL)
    {
      for (guint side = 0; side < 2; side++)
        {
          TandemJourneyLayout *layout = tandem_journey_figure_get_layout (figure, side);
          guint n;

          if (layout == NULL)
            continue;

          n = tandem_journey_layout_get_n_cards (layout);
          for (guint k = 0; k < n; k++)
            {
              const TandemCardGeometry *card = tandem_journey_layout_get_card (layout, k);

              if (is_selected (state, card->step) &&
                  visible (clip, card->rect.x + state->drag_dx, card->rect.y + state->drag_dy,
                           card->rect.width, card->rect.height))
                draw_card (self, cr, card, state->drag_dx, state->drag_dy, state);
            }
        }
    }

  if (state->connecting)
    {
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_set_line_width (cr, 2);
      tandem_color_set_source (cr, &palette->accent);
      cairo_move_to (cr, state->connect_from.x, state->connect_from.y);
      cairo_line_to (cr, state->connect_to.x, state->connect_to.y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      arrow_head (cr, state->connect_to.x, state->connect_to.y,
                  state->connect_to.x - state->connect_from.x,
                  state->connect_to.y - state->connect_from.y, 11, 5.5);
    }

  if (state->rubber_band)
    {
      cairo_rectangle (cr, state->band.x, state->band.y, state->band.width, state->band.height);
      tandem_color_set_source (cr, &palette->selection_fill);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 1);
      tandem_color_set_source (cr, &palette->accent);
      cairo_stroke (cr);
    }
}


/* Headers that stay in view */

static void
shadow (cairo_t *cr,
        double   x,
        double   y,
        double   dx,
        double   dy,
        double   length,
        gboolean dark)
{
  cairo_pattern_t *gradient = cairo_pattern_create_linear (x, y, x + dx, y + dy);

  cairo_pattern_add_color_stop_rgba (gradient, 0, 0, 0, 0, dark ? 0.45 : 0.12);
  cairo_pattern_add_color_stop_rgba (gradient, 1, 0, 0, 0, 0);
  cairo_set_source (cr, gradient);
  if (dx != 0)
    cairo_rectangle (cr, x, y, dx, length);
  else
    cairo_rectangle (cr, x, y, length, dy);
  cairo_fill (cr);
  cairo_pattern_destroy (gradient);
}

/**
 * tandem_journey_painter_draw_pinned_headers:
 * @viewport: the part of the figure in view, in figure coordinates
 *
 * When the canvas is scrolled past a map's lane titles or stage titles, draws them again at
 * the edge of the view, over the map, so that a facilitator always knows which row and column
 * a card is in. Only the canvas calls this; exports show the headers where they are.
 */
void
tandem_journey_painter_draw_pinned_headers (TandemJourneyPainter          *self,
                                            cairo_t                       *cr,
                                            TandemJourneyFigure           *figure,
                                            const TandemJourneyPaintState *state,
                                            const cairo_rectangle_t       *viewport)
{
  const TandemJourneyPalette *palette = &state->palette;

  g_return_if_fail (TANDEM_IS_JOURNEY_PAINTER (self));

  for (guint side = 0; side < 2; side++)
    {
      TandemJourneyLayout *layout = tandem_journey_figure_get_layout (figure, side);
      cairo_rectangle_t bounds, grid, band;
      double header_y, lanes_x, stages_y, lanes_top, stages_left;
      gboolean pin_lanes, pin_stages, draw_lanes, draw_stages;
      guint n_lanes, n_stages;

      if (layout == NULL)
        continue;

      tandem_journey_layout_get_bounds (layout, &bounds);
      tandem_journey_layout_get_grid_rect (layout, &grid);
      tandem_journey_layout_get_emotion_rect (layout, &band);
      if (!tandem_rectangle_intersects (&bounds, viewport))
        continue;

      header_y = grid.y - TANDEM_JOURNEY_STAGE_HEADER_HEIGHT;
      tandem_journey_layout_get_pinned_headers (layout, viewport, &pin_lanes, &pin_stages);
      n_lanes = tandem_journey_layout_get_n_lanes (layout);
      n_stages = tandem_journey_layout_get_n_stages (layout);

      /* Where the titles go: at the edge of the view when pinned, else where they are. With
       * only the other kind pinned, they are drawn again where they are, to keep their words
       * clear of the pinned band. */
      lanes_x = pin_lanes ? viewport->x : bounds.x;
      stages_y = pin_stages ? viewport->y : header_y;
      draw_lanes = pin_lanes || (pin_stages && bounds.x + TANDEM_JOURNEY_LANE_HEADER_WIDTH > viewport->x &&
                                 bounds.x < viewport->x + viewport->width);
      draw_stages = pin_stages || (pin_lanes && grid.y > viewport->y &&
                                   header_y < viewport->y + viewport->height);
      lanes_top = stages_y + TANDEM_JOURNEY_STAGE_HEADER_HEIGHT;
      stages_left = lanes_x + TANDEM_JOURNEY_LANE_HEADER_WIDTH;
      if (!draw_lanes && !draw_stages)
        continue;

      cairo_save (cr);
      cairo_rectangle (cr, bounds.x, bounds.y, bounds.width, bounds.height);
      cairo_clip (cr);
      cairo_set_line_width (cr, palette->line_width);

      if (draw_lanes)
        {
          tandem_color_set_source (cr, &palette->background);
          cairo_rectangle (cr, lanes_x, grid.y, TANDEM_JOURNEY_LANE_HEADER_WIDTH,
                           grid.height + band.height);
          cairo_fill (cr);
          tandem_color_set_source (cr, &palette->header_background);
          cairo_rectangle (cr, lanes_x, grid.y, TANDEM_JOURNEY_LANE_HEADER_WIDTH, grid.height);
          cairo_fill (cr);
          tandem_color_set_source (cr, &palette->emotion_band);
          cairo_rectangle (cr, lanes_x, band.y, TANDEM_JOURNEY_LANE_HEADER_WIDTH, band.height);
          cairo_fill (cr);

          tandem_color_set_source (cr, &palette->grid_line);
          for (guint i = 0; i < n_lanes; i++)
            {
              const TandemLaneGeometry *lane = tandem_journey_layout_get_lane (layout, i);

              cairo_move_to (cr, lanes_x, round (lane->y + lane->height) - 0.5);
              cairo_line_to (cr, lanes_x + TANDEM_JOURNEY_LANE_HEADER_WIDTH,
                             round (lane->y + lane->height) - 0.5);
            }
          cairo_move_to (cr, lanes_x + TANDEM_JOURNEY_LANE_HEADER_WIDTH - 0.5, grid.y);
          cairo_line_to (cr, lanes_x + TANDEM_JOURNEY_LANE_HEADER_WIDTH - 0.5, band.y + band.height);
          cairo_stroke (cr);

          for (guint i = 0; i < n_lanes; i++)
            {
              const TandemLaneGeometry *lane = tandem_journey_layout_get_lane (layout, i);

              if (lane->y + lane->height >= viewport->y && lane->y <= viewport->y + viewport->height)
                draw_lane_title (self, cr, lane, lanes_x, TANDEM_JOURNEY_LANE_HEADER_WIDTH,
                                 draw_stages ? lanes_top : viewport->y,
                                 palette);
            }
          if (band.y <= viewport->y + viewport->height)
            draw_emotion_labels (self, cr, layout, lanes_x, palette);

          if (pin_lanes)
            shadow (cr, lanes_x + TANDEM_JOURNEY_LANE_HEADER_WIDTH, grid.y, 8, 0,
                    grid.height + band.height, palette->dark);
        }

      if (draw_stages)
        {
          int first = tandem_journey_layout_stage_at (layout, MAX (viewport->x, grid.x));

          tandem_color_set_source (cr, &palette->header_background);
          cairo_rectangle (cr, bounds.x, stages_y, bounds.width, TANDEM_JOURNEY_STAGE_HEADER_HEIGHT);
          cairo_fill (cr);

          tandem_color_set_source (cr, &palette->grid_line);
          for (guint i = MAX (first, 0); i < n_stages; i++)
            {
              const TandemStageGeometry *stage = tandem_journey_layout_get_stage (layout, i);

              if (stage->x > viewport->x + viewport->width)
                break;
              cairo_move_to (cr, round (stage->x + stage->width) - 0.5, stages_y);
              cairo_line_to (cr, round (stage->x + stage->width) - 0.5,
                             stages_y + TANDEM_JOURNEY_STAGE_HEADER_HEIGHT);
            }
          cairo_move_to (cr, bounds.x, stages_y + TANDEM_JOURNEY_STAGE_HEADER_HEIGHT - 0.5);
          cairo_line_to (cr, bounds.x + bounds.width, stages_y + TANDEM_JOURNEY_STAGE_HEADER_HEIGHT - 0.5);
          cairo_stroke (cr);

          for (guint i = MAX (first, 0); i < n_stages; i++)
            {
              const TandemStageGeometry *stage = tandem_journey_layout_get_stage (layout, i);

              if (stage->x > viewport->x + viewport->width)
                break;
              draw_stage_title (self, cr, stage, stages_y,
                                draw_lanes ? stages_left : viewport->x, palette);
            }

          if (pin_stages)
            shadow (cr, bounds.x, stages_y + TANDEM_JOURNEY_STAGE_HEADER_HEIGHT, 0, 8, bounds.width,
                    palette->dark);

          /* Where the two meet, the corner stays plain. */
          if (draw_lanes)
            {
              tandem_color_set_source (cr, &palette->header_background);
              cairo_rectangle (cr, lanes_x, stages_y, TANDEM_JOURNEY_LANE_HEADER_WIDTH,
                               TANDEM_JOURNEY_STAGE_HEADER_HEIGHT);
              cairo_fill (cr);
            }
        }

      cairo_restore (cr);
    }
}

/* GObject */

static void
tandem_journey_painter_finalize (GObject *object)
{
  TandemJourneyPainter *self = (TandemJourneyPainter *)object;

  g_clear_pointer (&self->texts, g_hash_table_unref);
  g_clear_pointer (&self->items, g_array_unref);
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (tandem_journey_painter_parent_class)->finalize (object);
}

static void
tandem_journey_painter_class_init (TandemJourneyPainterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_journey_painter_finalize;
}

static PangoFontDescription *
make_font (double      size,
           PangoWeight weight,
           PangoStyle  style)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);

  return font;
}

static void
tandem_journey_painter_init (TandemJourneyPainter *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Outlines without hinting: text takes the same room at every scale and on every output,
   * so wrapping and ellipsis do not change when zooming or exporting. */
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);

  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_font_options (self->context, options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  cairo_font_options_destroy (options);

  self->fonts[FONT_FIGURE_TITLE] = make_font (TANDEM_JOURNEY_FONT_FIGURE_TITLE, PANGO_WEIGHT_BOLD,
                                              PANGO_STYLE_NORMAL);
  self->fonts[FONT_MAP_TITLE] = make_font (TANDEM_JOURNEY_FONT_MAP_TITLE, PANGO_WEIGHT_BOLD,
                                           PANGO_STYLE_NORMAL);
  self->fonts[FONT_HEADER] = make_font (TANDEM_JOURNEY_FONT_HEADER, PANGO_WEIGHT_BOLD,
                                        PANGO_STYLE_NORMAL);
  self->fonts[FONT_CARD_TITLE] = make_font (TANDEM_JOURNEY_FONT_CARD_TITLE, PANGO_WEIGHT_SEMIBOLD,
                                            PANGO_STYLE_NORMAL);
  self->fonts[FONT_CARD_BODY] = make_font (TANDEM_JOURNEY_FONT_CARD_BODY, PANGO_WEIGHT_NORMAL,
                                           PANGO_STYLE_NORMAL);
  self->fonts[FONT_PLACEHOLDER] = make_font (TANDEM_JOURNEY_FONT_CARD_TITLE, PANGO_WEIGHT_NORMAL,
                                             PANGO_STYLE_ITALIC);
  self->fonts[FONT_SMALL] = make_font (TANDEM_JOURNEY_FONT_SMALL, PANGO_WEIGHT_NORMAL,
                                       PANGO_STYLE_NORMAL);
  self->fonts[FONT_SMALL_BOLD] = make_font (TANDEM_JOURNEY_FONT_SMALL, PANGO_WEIGHT_BOLD,
                                            PANGO_STYLE_NORMAL);
  self->fonts[FONT_SMALLEST] = make_font (TANDEM_JOURNEY_FONT_SMALLEST, PANGO_WEIGHT_NORMAL,
                                          PANGO_STYLE_NORMAL);

  self->texts = g_hash_table_new_full (text_key_hash, text_key_equal, g_free, text_entry_free);
  self->items = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* Public API */

/**
 * tandem_journey_paint_state_init:
 *
 * Nothing selected or moving, light colours: what an export paints.
 */
void
tandem_journey_paint_state_init (TandemJourneyPaintState *state)
{
  memset (state, 0, sizeof *state);
  tandem_journey_palette_init (&state->palette, FALSE, FALSE);
}

TandemJourneyPainter *
tandem_journey_painter_new (void)
{
  return g_object_new (TANDEM_TYPE_JOURNEY_PAINTER, NULL);
}

/**
 * tandem_journey_painter_get_default:
 *
 * Returns: (transfer none): a painter shared by exports on the main thread
 */
TandemJourneyPainter *
tandem_journey_painter_get_default (void)
{
  static TandemJourneyPainter *painter;

  if (painter == NULL)
    painter = tandem_journey_painter_new ();

  return painter;
}

const char *
tandem_journey_painter_get_font_family (TandemJourneyPainter *self)
{
  return FONT_FAMILY;
}

/**
 * tandem_journey_painter_clear_cache:
 *
 * Forgets the laid-out texts; they are laid out again when next painted.
 */
void
tandem_journey_painter_clear_cache (TandemJourneyPainter *self)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_PAINTER (self));

  g_hash_table_remove_all (self->texts);
}

/**
 * tandem_journey_painter_set_text_func:
 * @func: (nullable): called instead of drawing each text, with the text's colour as @cr's
 *   source and its top-left corner as the current point; %NULL to draw text again
 *
 * Hands the texts drawn on @cr to @func. It belongs to the cairo context rather than to the
 * painter, because one painter (the canvas's) draws onto many outputs, and only the output
 * that asked for it should see its texts taken away.
 */
void
tandem_journey_painter_set_text_func (cairo_t               *cr,
                                      TandemJourneyTextFunc  func,
                                      gpointer               user_data)
{
  TextHook *hook = NULL;

  if (func != NULL)
    {
      hook = g_new (TextHook, 1);
      hook->func = func;
      hook->user_data = user_data;
    }

  cairo_set_user_data (cr, &text_hook_key, hook, g_free);
}

/**
 * tandem_journey_painter_draw:
 * @state: (nullable): selection, focus and pointer feedback; %NULL paints the figure as an
 *   export would
 *
 * Paints @figure into @cr in the figure's coordinates (points from its top left corner), as
 * far as @cr's clip reaches. Set up the transformation first to place and scale it.
 */
void
tandem_journey_painter_draw (TandemJourneyPainter          *self,
                             cairo_t                       *cr,
                             TandemJourneyFigure           *figure,
                             const TandemJourneyPaintState *state)
{
  TandemJourneyPaintState plain;
  cairo_rectangle_t clip, title;
  double x1, y1, x2, y2, width, height;

  g_return_if_fail (TANDEM_IS_JOURNEY_PAINTER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (TANDEM_IS_JOURNEY_FIGURE (figure));

  if (state == NULL)
    {
      tandem_journey_paint_state_init (&plain);
      state = &plain;
    }

  tandem_journey_figure_get_size (figure, &width, &height);
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  clip.x = MAX (x1, 0);
  clip.y = MAX (y1, 0);
  clip.width = MIN (x2, width) - clip.x;
  clip.height = MIN (y2, height) - clip.y;
  if (clip.width <= 0 || clip.height <= 0)
    return;

  cairo_save (cr);

  tandem_color_set_source (cr, &state->palette.background);
  cairo_rectangle (cr, clip.x, clip.y, clip.width, clip.height);
  cairo_fill (cr);

  if (tandem_journey_figure_get_title_rect (figure, &title) &&
      tandem_rectangle_intersects (&title, &clip))
    {
      TandemJourney *journey = tandem_journey_figure_get_journey (figure);
      PangoLayout *text = get_text (self, journey, SLOT_TITLE, tandem_journey_get_title (journey),
                                    FONT_FIGURE_TITLE, title.width, 1, PANGO_ALIGN_LEFT);

      show_text (cr, text, &state->palette.title_text, title.x + 4, title.y + 4);
    }

  for (guint side = 0; side < 2; side++)
    {
      TandemJourneyLayout *layout = tandem_journey_figure_get_layout (figure, side);
      cairo_rectangle_t bounds;

      if (layout == NULL)
        continue;

      tandem_journey_layout_get_bounds (layout, &bounds);
      if (tandem_rectangle_intersects (&bounds, &clip))
        draw_map_structure (self, cr, layout, &clip, state);
    }

  draw_replacements (self, cr, figure, &clip, state);

  for (Pass pass = 0; pass < N_PASSES; pass++)
    for (guint side = 0; side < 2; side++)
      {
        TandemJourneyLayout *layout = tandem_journey_figure_get_layout (figure, side);

        if (layout != NULL)
          draw_items (self, cr, layout, &clip, state, pass);
      }

  for (guint side = 0; side < 2; side++)
    {
      TandemJourneyLayout *layout = tandem_journey_figure_get_layout (figure, side);

      if (layout != NULL)
        draw_emotion (self, cr, layout, &clip, state);
    }

  draw_legend (self, cr, figure, &clip, state);
  draw_overlays (self, cr, figure, &clip, state);

  cairo_restore (cr);
}

/**
 * tandem_journey_painter_draw_overview:
 *
 * Paints the figure in outline for an overview: bands, lanes and cards in their feelings'
 * colours, without text. It costs every card, so callers cache the result.
 */
void
tandem_journey_painter_draw_overview (TandemJourneyPainter       *self,
                                      cairo_t                    *cr,
                                      TandemJourneyFigure        *figure,
                                      const TandemJourneyPalette *palette)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_PAINTER (self));

  tandem_color_set_source (cr, &palette->background);
  cairo_paint (cr);

  for (guint side = 0; side < 2; side++)
    {
      TandemJourneyLayout *layout = tandem_journey_figure_get_layout (figure, side);
      cairo_rectangle_t bounds, grid, band;
      guint n;

      if (layout == NULL)
        continue;

      tandem_journey_layout_get_bounds (layout, &bounds);
      tandem_journey_layout_get_grid_rect (layout, &grid);
      tandem_journey_layout_get_emotion_rect (layout, &band);

      tandem_color_set_source (cr, &palette->header_background);
      cairo_rectangle (cr, bounds.x, grid.y - TANDEM_JOURNEY_STAGE_HEADER_HEIGHT, bounds.width,
                       TANDEM_JOURNEY_STAGE_HEADER_HEIGHT);
      cairo_rectangle (cr, bounds.x, grid.y, tandem_journey_layout_get_lane_header_width (layout),
                       grid.height);
      cairo_fill (cr);

      tandem_color_set_source (cr, &palette->emotion_band);
      cairo_rectangle (cr, band.x, band.y, band.width, band.height);
      cairo_fill (cr);

      n = tandem_journey_layout_get_n_cards (layout);
      for (guint k = 0; k < n; k++)
        {
          const TandemCardGeometry *card = tandem_journey_layout_get_card (layout, k);

          cairo_rectangle (cr, card->rect.x, card->rect.y, card->rect.width, card->rect.height);
        }
      tandem_color_set_source (cr, &palette->card_border);
      cairo_fill (cr);

      for (guint k = 0; k < n; k++)
        {
          const TandemCardGeometry *card = tandem_journey_layout_get_card (layout, k);

          tandem_color_set_source (cr, &palette->feeling[tandem_step_get_feeling (card->step)]);
          cairo_rectangle (cr, card->rect.x + 4, card->rect.y + 4, card->rect.width - 8,
                           card->rect.height - 8);
          cairo_fill (cr);
        }
    }
}

/**
 * tandem_journey_paint:
 * @cr: any cairo context: a PDF page, a print page, an image
 * @x: where the figure's top left corner goes, in @cr's units
 * @y: where the figure's top left corner goes, in @cr's units
 * @scale: 1 for the figure's natural size (tandem_journey_figure_get_size(), in points)
 *
 * Paints @figure as exports do, for the appendix and printing. Check
 * tandem_journey_figure_text_legible_at() first to decide whether it fits one page.
 */
void
tandem_journey_paint (cairo_t             *cr,
                      TandemJourneyFigure *figure,
                      double               x,
                      double               y,
                      double               scale)
{
  double width, height;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (TANDEM_IS_JOURNEY_FIGURE (figure));
  g_return_if_fail (scale > 0);

  tandem_journey_figure_get_size (figure, &width, &height);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  tandem_journey_painter_draw (tandem_journey_painter_get_default (), cr, figure, NULL);
  cairo_restore (cr);
}
