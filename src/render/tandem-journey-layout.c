/* tandem-journey-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-journey-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "tandem-item-index.h"
#include "tandem-journey-layout.h"
#include "tandem-journey-measures.h"
#include "tandem-journey-metrics.h"

/*
 * The geometry of one journey map: where its stages, lanes, cards, connectors and emotion
 * curve go. Nothing here draws or measures text, so a layout of thousands of steps is cheap
 * and is simply rebuilt after each change of the model.
 *
 * Time runs left to right. Each step has its own column ("slot") within its stage, in
 * journey order, whatever its lane: so a card's horizontal position follows the journey, a
 * hand-off shows as a move to another row, and the emotion curve below the lanes passes
 * exactly under the cards it describes. A stage is as wide as its width says, or wider when
 * its steps need the room. A card is as wide as its stage's width allows (within limits) and
 * as tall as its lane.
 *
 * Cards and connectors go into an index of their bounds, which is how painting a clip and
 * hit-testing a point stay proportional to what is near, not to the whole map. Connectors
 * are routed around cards only when first needed (painted or hit-tested), and their routes
 * are kept until the next update.
 */

#define INDEX_CELL_SIZE 256.0

/* Beyond this many cards near a connector, routing falls back to a route with two bends. */
#define MAX_ROUTE_OBSTACLES 80

struct _TandemJourneyLayout
{
  GObject            parent_instance;

  TandemJourneyMap  *map;

  double             x;
  double             y;
  double             width;
  double             height;
  double             grid_x;
  double             grid_y;
  double             grid_width;
  double             grid_height;

  GArray            *stages;        /* TandemStageGeometry */
  GArray            *natural;       /* double: width each stage needs on its own */
  GArray            *lanes;         /* TandemLaneGeometry */
  GArray            *cards;         /* TandemCardGeometry */
  GArray            *connectors;    /* TandemConnectorGeometry */
  GHashTable        *card_of_step;  /* TandemStep* -> index + 1 */
  TandemItemIndex   *index;
  GArray            *scratch;       /* guint, for queries */

  gboolean           print;         /* the compact cards of a printed page */
  guint              first_stage;   /* the stages laid out: a part of a map split over pages */
  guint              n_stages;      /* G_MAXUINT: to the last */
  double             pad_x;         /* TANDEM_JOURNEY_CELL_PAD_X, or less in print */
  double             slot_gap;      /* TANDEM_JOURNEY_SLOT_GAP, or less in print */
  guint              n_all_stages;  /* the journey's, in range or not */
  double             pad_y;         /* TANDEM_JOURNEY_CELL_PAD_Y, or less in print */
  double             header_width;  /* of the lane titles */
  double             emotion_top;   /* the emotion band's metrics */
  double             emotion_step;
  double             emotion_height;
};

G_DEFINE_FINAL_TYPE (TandemJourneyLayout, tandem_journey_layout, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MAP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary methods */

static void
clear_connector (gpointer data)
{
  TandemConnectorGeometry *connector = data;

  g_clear_pointer (&connector->points, g_array_unref);
}

static double
label_width_estimate (const char *label)
{
  /* Only for the index and hit-testing; the painter measures the real text. */
  return MIN (g_utf8_strlen (label, -1), 40) * TANDEM_JOURNEY_FONT_SMALL * 0.6 + 14;
}

static void
place_label (TandemConnectorGeometry *geometry)
{
  const char *label = tandem_connector_get_label (geometry->connector);
  TandemPoint *points = (TandemPoint *)(gpointer)geometry->points->data;
  double best = -1, mx = 0, my = 0, w, h;

  memset (&geometry->label, 0, sizeof geometry->label);
  if (label[0] == '\0' || geometry->points->len < 2)
    return;

  /* On the middle of the longest segment, where it is most clearly this connector's. */
  for (guint k = 0; k + 1 < geometry->points->len; k++)
    {
      double length = fabs (points[k + 1].x - points[k].x) + fabs (points[k + 1].y - points[k].y);

      if (length > best)
        {
          best = length;
          mx = (points[k].x + points[k + 1].x) / 2;
          my = (points[k].y + points[k + 1].y) / 2;
        }
    }

  w = label_width_estimate (label);
  h = TANDEM_JOURNEY_FONT_SMALL * 1.3 + 6;
  geometry->label.x = mx - w / 2;
  geometry->label.y = my - h / 2;
  geometry->label.width = w;
  geometry->label.height = h;
}

static int
find_column (GArray  *array,
             gsize    element_size,
             gsize    offset_pos,
             gsize    offset_size,
             double   v)
{
  guint lo = 0, hi = array->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const char *element = array->data + mid * element_size;
      double start = *(const double *)(element + offset_pos);
      double size = *(const double *)(element + offset_size);

      if (v < start)
        hi = mid;
      else if (v >= start + size)
        lo = mid + 1;
      else
        return mid;
    }

  return -1;
}

/* GObject */

static void
tandem_journey_layout_finalize (GObject *object)
{
  TandemJourneyLayout *self = (TandemJourneyLayout *)object;

  g_clear_object (&self->map);
  g_clear_pointer (&self->stages, g_array_unref);
  g_clear_pointer (&self->natural, g_array_unref);
  g_clear_pointer (&self->lanes, g_array_unref);
  g_clear_pointer (&self->cards, g_array_unref);
  g_clear_pointer (&self->connectors, g_array_unref);
  g_clear_pointer (&self->card_of_step, g_hash_table_unref);
  g_clear_pointer (&self->index, tandem_item_index_free);
  g_clear_pointer (&self->scratch, g_array_unref);

  G_OBJECT_CLASS (tandem_journey_layout_parent_class)->finalize (object);
}

static void
tandem_journey_layout_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TandemJourneyLayout *self = TANDEM_JOURNEY_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_MAP:
      g_value_set_object (value, self->map);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_journey_layout_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TandemJourneyLayout *self = TANDEM_JOURNEY_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_MAP:
      self->map = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_journey_layout_class_init (TandemJourneyLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_journey_layout_finalize;
  object_class->get_property = tandem_journey_layout_get_property;
  object_class->set_property = tandem_journey_layout_set_property;

  properties[PROP_MAP] =
    g_param_spec_object ("map", NULL, NULL,
                         TANDEM_TYPE_JOURNEY_MAP,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* How far apart two connectors at one side of a card run, in map units. */
#define PORT_SPACING 12.0

/* The n-th connector at a card's side: the middle first, then one on each side of it. */
static double
port_offset (guint                     rank,
             const cairo_rectangle_t  *card)
{
  double offset = ((rank + 1) / 2) * PORT_SPACING * (rank % 2 == 1 ? -1 : 1);
  double room = MIN (card->width, card->height) / 2 - PORT_SPACING / 2;

  return CLAMP (offset, -MAX (room, 0), MAX (room, 0));
}

/* Two connectors into one card (a next step and a loop back into it, say) would arrive at the
 * middle of the same side and share a line into it. Each connector at a card gets a port of
 * its own: the next-step connectors first, so that the journey's main line stays straight,
 * then the branches and loop backs beside them. Computed once per layout, in the connectors'
 * order, so the routes stay the same whichever is routed first. */
static void
assign_ports (TandemJourneyLayout *self)
{
  g_autofree guint *n_in = g_new0 (guint, self->cards->len);
  g_autofree guint *n_out = g_new0 (guint, self->cards->len);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->connectors->len; i++)
      {
        TandemConnectorGeometry *geometry = &g_array_index (self->connectors,
                                                            TandemConnectorGeometry, i);
        gboolean next = tandem_connector_get_kind (geometry->connector) ==
                        TANDEM_CONNECTOR_KIND_NEXT;

        if (next != (pass == 0))
          continue;

        geometry->from_offset = port_offset (n_out[geometry->from]++,
                                             &g_array_index (self->cards, TandemCardGeometry,
                                                             geometry->from).rect);
        geometry->to_offset = port_offset (n_in[geometry->to]++,
                                           &g_array_index (self->cards, TandemCardGeometry,
                                                           geometry->to).rect);
      }
}


/* A label on a connector between neighbouring cards of a lane would cover the cards: the
 * gap before the second card grows to hold it. Cards are in journey order, so the room
 * added before a card moves every later card of its stage. */
static void
make_room_for_labels (TandemJourneyLayout *self,
                      GHashTable          *card_of_id)
{
  TandemList *connectors = tandem_journey_map_get_connectors (self->map);
  g_autofree double *extra = g_new0 (double, self->cards->len + 1);

  for (guint i = 0; i < tandem_list_get_n (connectors); i++)
    {
      TandemConnector *connector = tandem_list_get (connectors, i);
      const char *label = tandem_connector_get_label (connector);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (card_of_id,
                                                          tandem_connector_get_from_step (connector)));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (card_of_id,
                                                        tandem_connector_get_to_step (connector)));
      const TandemCardGeometry *a, *b;
      double gap;

      if (label[0] == '\0' || from == 0 || to == 0)
        continue;

      a = &g_array_index (self->cards, TandemCardGeometry, from - 1);
      b = &g_array_index (self->cards, TandemCardGeometry, to - 1);
      if (a->lane != b->lane)
        continue;

      if (a->stage == b->stage && b->slot == a->slot + 1)
        gap = self->slot_gap;
      else if (b->stage == a->stage + 1 && b->slot == 0 &&
               a->slot + 1 == g_array_index (self->stages, TandemStageGeometry, a->stage).n_slots)
        gap = 2 * self->pad_x;
      else
        continue;

      /* Room for the label and a little of the arrow either side of it. */
      extra[to - 1] = MAX (extra[to - 1], label_width_estimate (label) + 16 - gap);
    }

  for (guint k = 0; k < self->cards->len; k++)
    {
      TandemCardGeometry *card = &g_array_index (self->cards, TandemCardGeometry, k);
      TandemStageGeometry *stage = &g_array_index (self->stages, TandemStageGeometry, card->stage);

      stage->spread += extra[k];
      card->shift = stage->spread;
    }
}

/* How tall a card needs to be for what it shows, as the painter draws it: the title over
 * as many lines as it wraps to (up to four), who and where, the times, and the row of the
 * feeling and markers. Text is not measured here (the layout stays cheap for thousands of
 * steps): an average character width stands in, generous enough that a title is rarely cut. */
static double
card_height_for (TandemStep *step,
                 double      card_width,
                 gboolean    print)
{
  double pad = print ? TANDEM_JOURNEY_PRINT_CARD_PAD : TANDEM_JOURNEY_CARD_PAD;
  double title_font = print ? TANDEM_JOURNEY_FONT_SMALL : TANDEM_JOURNEY_FONT_CARD_TITLE;
  double body_font = print ? TANDEM_JOURNEY_FONT_SMALL : TANDEM_JOURNEY_FONT_CARD_BODY;
  double title_width = print ? card_width - 9 : card_width - 2 * pad - 4 - 30;
  /* Narrow printed cards lose more of each line to word wrapping. */
  double per_line = MAX (1, floor (title_width / (title_font * (print ? 0.6 : 0.56))));
  /* Printed, the title begins with the step's number. */
  double title_lines = CLAMP (ceil ((g_utf8_strlen (tandem_step_get_title (step), -1) +
                                     (print ? 4 : 0)) / per_line),
                              1, print ? TANDEM_JOURNEY_PRINT_TITLE_LINES : 4);
  double height = pad - 1 + title_lines * title_font * 1.3 + 3;
  double details = 0;

  /* Printed cards leave who, where and the times to the step list that follows the figure. */
  if (!print && (tandem_step_get_role (step)[0] != '\0' || tandem_step_get_place (step)[0] != '\0'))
    details++;
  if (!print && (tandem_step_get_wait_minutes (step) > 0 ||
                 tandem_step_get_duration_minutes (step) > 0))
    details++;
  height += details * body_font * 1.35;
  height += 4 + TANDEM_JOURNEY_CARD_BOTTOM_ROW + pad;

  return ceil (MAX (height, print ? TANDEM_JOURNEY_PRINT_CARD_MIN_HEIGHT
                                  : TANDEM_JOURNEY_CARD_MIN_HEIGHT));
}

/* Printed, the figure's caption names the map: the title's room goes to the map. */
static double
title_height (TandemJourneyLayout *self)
{
  return self->print ? 0 : TANDEM_JOURNEY_MAP_TITLE_HEIGHT;
}

/* Cards are as wide as their stage allows on screen; printed, a fixed width chosen so that a
 * typical map fits a page with its text legible (see tandem-journey-figure.c). */
static double
card_width_for (TandemJourneyLayout       *self,
                const TandemStageGeometry *stage)
{
  if (self->print)
    return TANDEM_JOURNEY_PRINT_CARD_WIDTH;

  return CLAMP (tandem_stage_get_width (stage->stage) - 2 * TANDEM_JOURNEY_CELL_PAD_X,
                TANDEM_JOURNEY_CARD_MIN_WIDTH, TANDEM_JOURNEY_CARD_MAX_WIDTH);
}

/* Lanes take the height of what they hold: as tall as their tallest card, or a thin band
 * with the title when they hold nothing, so that a map is no taller than its content. A
 * height the user chose by dragging the lane's edge (anything but the default) is kept as
 * the least height, so that room made on purpose, to add steps, stays. */
static void
place_lanes (TandemJourneyLayout *self)
{
  g_autofree double *content = g_new0 (double, self->lanes->len + 1);
  double position = self->grid_y;

  for (guint k = 0; k < self->cards->len; k++)
    {
      const TandemCardGeometry *card = &g_array_index (self->cards, TandemCardGeometry, k);
      const TandemStageGeometry *stage = &g_array_index (self->stages, TandemStageGeometry,
                                                         card->stage);

      content[card->lane] = MAX (content[card->lane],
                                 card_height_for (card->step, card_width_for (self, stage), self->print));
    }

  for (guint i = 0; i < self->lanes->len; i++)
    {
      TandemLaneGeometry *geometry = &g_array_index (self->lanes, TandemLaneGeometry, i);
      double chosen = tandem_lane_get_height (geometry->lane);

      /* The lane's title, wrapped in its column, needs its lines too (printed, of the
       * smallest size: see draw_lane_title()). */
      double size = self->print ? TANDEM_JOURNEY_FONT_SMALL : TANDEM_JOURNEY_FONT_HEADER;
      double per_line = MAX (1, floor ((self->header_width - (self->print ? 16 : 24)) /
                                       (size * (self->print ? 0.62 : 0.55))));
      double title_lines = ceil (g_utf8_strlen (tandem_lane_get_title (geometry->lane), -1) / per_line);
      double title_height = (self->print ? 10 : 20) + MAX (1, title_lines) * size * 1.35;

      if (content[i] > 0)
        geometry->height = content[i] + 2 * self->pad_y;
      else
        geometry->height = TANDEM_JOURNEY_EMPTY_LANE_HEIGHT;
      geometry->height = MAX (geometry->height, ceil (title_height));
      if (!self->print && fabs (chosen - TANDEM_JOURNEY_LANE_DEFAULT_HEIGHT) > 0.5)
        geometry->height = MAX (geometry->height, chosen);

      geometry->y = position;
      geometry->card_height = geometry->height - 2 * self->pad_y;
      position += geometry->height;
    }
  self->grid_height = position - self->grid_y;
}

static void
tandem_journey_layout_init (TandemJourneyLayout *self)
{
  self->stages = g_array_new (FALSE, TRUE, sizeof (TandemStageGeometry));
  self->natural = g_array_new (FALSE, TRUE, sizeof (double));
  self->lanes = g_array_new (FALSE, TRUE, sizeof (TandemLaneGeometry));
  self->cards = g_array_new (FALSE, TRUE, sizeof (TandemCardGeometry));
  self->connectors = g_array_new (FALSE, TRUE, sizeof (TandemConnectorGeometry));
  g_array_set_clear_func (self->connectors, clear_connector);
  self->card_of_step = g_hash_table_new (NULL, NULL);
  self->index = tandem_item_index_new (INDEX_CELL_SIZE);
  self->scratch = g_array_new (FALSE, FALSE, sizeof (guint));
  self->n_stages = G_MAXUINT;
  tandem_journey_layout_set_print (self, FALSE);
}

/* Public API */

TandemJourneyLayout *
tandem_journey_layout_new (TandemJourneyMap *map)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_MAP (map), NULL);

  return g_object_new (TANDEM_TYPE_JOURNEY_LAYOUT, "map", map, NULL);
}

/**
 * tandem_journey_layout_get_map:
 *
 * Returns: (transfer none): the map laid out
 */
TandemJourneyMap *
tandem_journey_layout_get_map (TandemJourneyLayout *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_LAYOUT (self), NULL);

  return self->map;
}

/**
 * tandem_journey_layout_set_print:
 *
 * Whether the map is laid out for a printed page: compact cards of a fixed width, whose text
 * is all of the smallest size, and lanes that ignore the heights dragged on screen. Takes
 * effect at the next update.
 */
void
tandem_journey_layout_set_print (TandemJourneyLayout *self,
                                 gboolean             print)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_LAYOUT (self));

  self->print = !!print;
  self->pad_x = print ? TANDEM_JOURNEY_PRINT_CELL_PAD_X : TANDEM_JOURNEY_CELL_PAD_X;
  self->pad_y = print ? TANDEM_JOURNEY_PRINT_CELL_PAD_Y : TANDEM_JOURNEY_CELL_PAD_Y;
  self->slot_gap = print ? TANDEM_JOURNEY_PRINT_SLOT_GAP : TANDEM_JOURNEY_SLOT_GAP;
  self->header_width = print ? TANDEM_JOURNEY_PRINT_LANE_HEADER_WIDTH
                             : TANDEM_JOURNEY_LANE_HEADER_WIDTH;
  self->emotion_top = print ? TANDEM_JOURNEY_PRINT_EMOTION_TOP : TANDEM_JOURNEY_EMOTION_TOP;
  self->emotion_step = print ? TANDEM_JOURNEY_PRINT_EMOTION_STEP : TANDEM_JOURNEY_EMOTION_STEP;
  self->emotion_height = print ? TANDEM_JOURNEY_PRINT_EMOTION_HEIGHT : TANDEM_JOURNEY_EMOTION_HEIGHT;
}

/**
 * tandem_journey_layout_get_lane_header_width:
 *
 * The width of the column of lane titles, left of the grid.
 */
double
tandem_journey_layout_get_lane_header_width (TandemJourneyLayout *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_LAYOUT (self), 0);

  return self->header_width;
}

gboolean
tandem_journey_layout_get_print (TandemJourneyLayout *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_LAYOUT (self), FALSE);

  return self->print;
}

/**
 * tandem_journey_layout_set_stage_range:
 * @first: the first stage laid out
 * @n: how many, or %G_MAXUINT for all from @first
 *
 * Lays out only some stages: one part of a map split over pages between stages. Cards keep
 * their numbers in the whole journey; connectors to a step in another part are left out (the
 * numbers say where the journey goes on). Takes effect at the next update.
 */
void
tandem_journey_layout_set_stage_range (TandemJourneyLayout *self,
                                       guint                first,
                                       guint                n)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_LAYOUT (self));

  self->first_stage = first;
  self->n_stages = n;
}

/**
 * tandem_journey_layout_get_continuation:
 * @from_before: (out) (optional): whether earlier stages are on an earlier part
 * @goes_on: (out) (optional): whether later stages are on a later part
 *
 * For a part of a map split between stages: what its title says about the others.
 */
void
tandem_journey_layout_get_continuation (TandemJourneyLayout *self,
                                        gboolean            *from_before,
                                        gboolean            *goes_on)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_LAYOUT (self));

  if (from_before != NULL)
    *from_before = self->first_stage > 0 && self->first_stage < self->n_all_stages;
  if (goes_on != NULL)
    *goes_on = self->n_stages != G_MAXUINT && self->first_stage + self->n_stages < self->n_all_stages;
}

/**
 * tandem_journey_layout_update:
 * @x: where the map's top left corner goes
 * @y: where the map's top left corner goes
 * @min_stage_widths: (array length=n_min_stage_widths) (nullable): stages are at least this
 *   wide; used to line up the stages of two maps shown one above the other
 *
 * Computes the geometry again from the model.
 */
void
tandem_journey_layout_update (TandemJourneyLayout *self,
                              double               x,
                              double               y,
                              const double        *min_stage_widths,
                              guint                n_min_stage_widths)
{
  TandemJourney *journey;
  TandemList *stages, *lanes, *connectors;
  g_autoptr(GHashTable) stage_index = NULL;
  g_autoptr(GHashTable) lane_index = NULL;
  g_autoptr(GHashTable) card_of_id = NULL;
  g_autoptr(GPtrArray) ordered = NULL;
  double position;
  guint number = 0;

  g_return_if_fail (TANDEM_IS_JOURNEY_LAYOUT (self));

  g_array_set_size (self->stages, 0);
  g_array_set_size (self->natural, 0);
  g_array_set_size (self->lanes, 0);
  g_array_set_size (self->cards, 0);
  g_array_set_size (self->connectors, 0);
  g_hash_table_remove_all (self->card_of_step);
  tandem_item_index_clear (self->index);

  self->x = x;
  self->y = y;
  self->grid_x = x + self->header_width;
  self->grid_y = y + title_height (self) + TANDEM_JOURNEY_STAGE_HEADER_HEIGHT;
  self->grid_width = 0;
  self->grid_height = 0;

  journey = tandem_journey_for_object (TANDEM_OBJECT (self->map));
  if (journey == NULL)
    {
      self->width = self->header_width;
      self->height = self->grid_y - y + self->emotion_height;
      return;
    }

  stages = tandem_journey_get_stages (journey);
  lanes = tandem_journey_get_lanes (journey);
  self->n_all_stages = tandem_list_get_n (stages);
  stage_index = g_hash_table_new (g_str_hash, g_str_equal);
  lane_index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < tandem_list_get_n (stages); i++)
    {
      TandemStageGeometry geometry = { tandem_list_get (stages, i) };

      /* Stages outside the range are known, so that their steps still count in the numbers. */
      if (i < self->first_stage || i - self->first_stage >= self->n_stages)
        {
          g_hash_table_insert (stage_index, (gpointer)tandem_object_get_id (tandem_list_get (stages, i)),
                               GUINT_TO_POINTER (G_MAXUINT));
          continue;
        }

      g_array_append_val (self->stages, geometry);
      g_hash_table_insert (stage_index, (gpointer)tandem_object_get_id (tandem_list_get (stages, i)),
                           GUINT_TO_POINTER (self->stages->len));
    }

  for (guint i = 0; i < tandem_list_get_n (lanes); i++)
    {
      TandemLaneGeometry geometry = { tandem_list_get (lanes, i) };

      g_array_append_val (self->lanes, geometry);
      g_hash_table_insert (lane_index, (gpointer)tandem_object_get_id (tandem_list_get (lanes, i)),
                           GUINT_TO_POINTER (i + 1));
    }

  /* Cards in journey order: each takes the next slot of its stage. */
  ordered = tandem_journey_map_steps_in_order (self->map);
  for (guint k = 0; k < ordered->len; k++)
    {
      TandemStep *step = g_ptr_array_index (ordered, k);
      guint s = GPOINTER_TO_UINT (g_hash_table_lookup (stage_index, tandem_step_get_stage (step)));
      guint l = GPOINTER_TO_UINT (g_hash_table_lookup (lane_index, tandem_step_get_lane (step)));
      TandemCardGeometry card = { step };
      TandemFeeling feeling = tandem_step_get_feeling (step);

      /* A step in a stage or lane the journey does not have cannot be placed; validation
       * keeps them out of documents, so this is only ever a moment inside an edit. */
      if (s == 0 || l == 0)
        continue;
      number++;
      if (s == G_MAXUINT)
        continue;

      card.stage = s - 1;
      card.lane = l - 1;
      card.slot = g_array_index (self->stages, TandemStageGeometry, s - 1).n_slots++;
      card.number = number;
      card.print = self->print;
      card.has_feeling = feeling != TANDEM_FEELING_UNKNOWN;
      card.score = tandem_feeling_to_score (feeling);
      g_array_append_val (self->cards, card);
      g_hash_table_insert (self->card_of_step, step, GUINT_TO_POINTER (self->cards->len));
    }

  card_of_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint k = 0; k < self->cards->len; k++)
    {
      TandemCardGeometry *card = &g_array_index (self->cards, TandemCardGeometry, k);

      g_hash_table_insert (card_of_id, (gpointer)tandem_object_get_id (TANDEM_OBJECT (card->step)),
                           GUINT_TO_POINTER (k + 1));
    }

  make_room_for_labels (self, card_of_id);
  place_lanes (self);

  position = self->grid_x;
  for (guint i = 0; i < self->stages->len; i++)
    {
      TandemStageGeometry *geometry = &g_array_index (self->stages, TandemStageGeometry, i);
      double width = tandem_stage_get_width (geometry->stage);
      double natural;

      /* Printed, a stage is as wide as its cards: the width chosen on screen is for the
       * screen. An empty stage keeps room for its title. */
      if (self->print)
        {
          /* …but wide enough for its title on two lines, never cut short. */
          const char *text = tandem_stage_get_title (geometry->stage);
          g_auto(GStrv) words = g_strsplit (text, " ", -1);
          double longest = 0;

          for (guint w = 0; words[w] != NULL; w++)
            longest = MAX (longest, g_utf8_strlen (words[w], -1));
          width = MAX (geometry->n_slots == 0 ? TANDEM_JOURNEY_PRINT_CARD_WIDTH : 0,
                       MIN (MAX (g_utf8_strlen (text, -1) / 2.0, longest) *
                            TANDEM_JOURNEY_FONT_HEADER * 0.66 + 28, 240));
        }
      geometry->card_width = card_width_for (self, geometry);
      natural = geometry->n_slots == 0 ? width
                : 2 * self->pad_x + geometry->n_slots * geometry->card_width +
                  (geometry->n_slots - 1) * self->slot_gap + geometry->spread;
      natural = MAX (natural, width);
      g_array_append_val (self->natural, natural);

      geometry->x = position;
      geometry->width = natural;
      if (min_stage_widths != NULL && i < n_min_stage_widths)
        geometry->width = MAX (geometry->width, min_stage_widths[i]);
      position += geometry->width;
    }
  self->grid_width = position - self->grid_x;

  self->width = self->header_width + self->grid_width;
  self->height = (self->grid_y - y) + self->grid_height + self->emotion_height;

  for (guint k = 0; k < self->cards->len; k++)
    {
      TandemCardGeometry *card = &g_array_index (self->cards, TandemCardGeometry, k);
      const TandemStageGeometry *stage = &g_array_index (self->stages, TandemStageGeometry,
                                                         card->stage);
      const TandemLaneGeometry *lane = &g_array_index (self->lanes, TandemLaneGeometry, card->lane);

      card->rect.x = stage->x + self->pad_x +
                     card->slot * (stage->card_width + self->slot_gap) + card->shift;
      card->rect.y = lane->y + self->pad_y;
      card->rect.width = stage->card_width;
      card->rect.height = lane->card_height;
      card->curve.x = card->rect.x + card->rect.width / 2;
      card->curve.y = tandem_journey_layout_get_emotion_level_y (self, card->score);

      tandem_item_index_insert (self->index, TANDEM_JOURNEY_ITEM (TANDEM_JOURNEY_ITEM_CARD, k),
                                &card->rect);
    }

  connectors = tandem_journey_map_get_connectors (self->map);
  for (guint i = 0; i < tandem_list_get_n (connectors); i++)
    {
      TandemConnector *connector = tandem_list_get (connectors, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (card_of_id,
                                                          tandem_connector_get_from_step (connector)));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (card_of_id,
                                                        tandem_connector_get_to_step (connector)));
      TandemConnectorGeometry geometry = { connector };
      cairo_rectangle_t grid = { self->grid_x, self->grid_y, self->grid_width, self->grid_height };
      cairo_rectangle_t bounds;
      double label_w;

      if (from == 0 || to == 0 || from == to)
        continue;

      geometry.from = from - 1;
      geometry.to = to - 1;
      geometry.region = g_array_index (self->cards, TandemCardGeometry, from - 1).rect;
      tandem_rectangle_union (&geometry.region,
                              &g_array_index (self->cards, TandemCardGeometry, to - 1).rect);
      tandem_rectangle_inflate (&geometry.region, 1.5 * TANDEM_JOURNEY_SLOT_GAP,
                                3 * TANDEM_JOURNEY_CELL_PAD_Y);

      /* Keep routes on the grid; the top and bottom lines of the grid are still usable. */
      {
        double x1 = MAX (geometry.region.x, grid.x);
        double y1 = MAX (geometry.region.y, grid.y);
        double x2 = MIN (geometry.region.x + geometry.region.width, grid.x + grid.width);
        double y2 = MIN (geometry.region.y + geometry.region.height, grid.y + grid.height);

        geometry.region.x = x1;
        geometry.region.y = y1;
        geometry.region.width = x2 - x1;
        geometry.region.height = y2 - y1;
      }

      bounds = geometry.region;
      label_w = label_width_estimate (tandem_connector_get_label (connector));
      tandem_rectangle_inflate (&bounds, label_w / 2, TANDEM_JOURNEY_FONT_SMALL);

      g_array_append_val (self->connectors, geometry);
      tandem_item_index_insert (self->index,
                                TANDEM_JOURNEY_ITEM (TANDEM_JOURNEY_ITEM_CONNECTOR,
                                                     self->connectors->len - 1),
                                &bounds);
    }

  assign_ports (self);
}

/**
 * tandem_journey_layout_get_bounds:
 *
 * The whole map: title, stage headers, lanes and the emotion curve.
 */
void
tandem_journey_layout_get_bounds (TandemJourneyLayout *self,
                                  cairo_rectangle_t   *bounds)
{
  bounds->x = self->x;
  bounds->y = self->y;
  bounds->width = self->width;
  bounds->height = self->height;
}

void
tandem_journey_layout_get_title_rect (TandemJourneyLayout *self,
                                      cairo_rectangle_t   *rect)
{
  rect->x = self->x;
  rect->y = self->y;
  rect->width = self->width;
  rect->height = title_height (self);
}

/**
 * tandem_journey_layout_get_grid_rect:
 *
 * The stage columns by the lane rows, without the headers.
 */
void
tandem_journey_layout_get_grid_rect (TandemJourneyLayout *self,
                                     cairo_rectangle_t   *rect)
{
  rect->x = self->grid_x;
  rect->y = self->grid_y;
  rect->width = self->grid_width;
  rect->height = self->grid_height;
}

/**
 * tandem_journey_layout_get_emotion_rect:
 *
 * The band below the lanes where the emotion curve is drawn, headers column included.
 */
void
tandem_journey_layout_get_emotion_rect (TandemJourneyLayout *self,
                                        cairo_rectangle_t   *rect)
{
  rect->x = self->x;
  rect->y = self->grid_y + self->grid_height;
  rect->width = self->width;
  rect->height = self->emotion_height;
}

/**
 * tandem_journey_layout_get_pinned_headers:
 * @viewport: the part of the figure in view
 * @pin_lanes: (out): whether the lane titles are scrolled out of view on the left and are to be
 *   shown again at the left edge of the view
 * @pin_stages: (out): whether the stage titles are scrolled out of view at the top and are to
 *   be shown again at the top edge of the view
 *
 * Titles are pinned only while they take a modest part of the view: zoomed far in, they
 * would hide the cards a facilitator is working on.
 */
void
tandem_journey_layout_get_pinned_headers (TandemJourneyLayout     *self,
                                          const cairo_rectangle_t *viewport,
                                          gboolean                *pin_lanes,
                                          gboolean                *pin_stages)
{
  double header_y = self->grid_y - TANDEM_JOURNEY_STAGE_HEADER_HEIGHT;

  g_return_if_fail (TANDEM_IS_JOURNEY_LAYOUT (self));

  *pin_lanes = viewport->x > self->x &&
               viewport->x < self->grid_x + self->grid_width - TANDEM_JOURNEY_LANE_HEADER_WIDTH &&
               viewport->y < self->grid_y + self->grid_height + TANDEM_JOURNEY_EMOTION_HEIGHT &&
               viewport->y + viewport->height > self->grid_y &&
               TANDEM_JOURNEY_LANE_HEADER_WIDTH <= viewport->width / 3;
  *pin_stages = viewport->y > header_y &&
                viewport->y < self->grid_y + self->grid_height - TANDEM_JOURNEY_STAGE_HEADER_HEIGHT &&
                viewport->x < self->x + self->width &&
                viewport->x + viewport->width > self->x &&
                TANDEM_JOURNEY_STAGE_HEADER_HEIGHT <= viewport->height / 4;
}

/**
 * tandem_journey_layout_get_emotion_level_y:
 * @score: -2 (very bad) to +2 (very good)
 */
double
tandem_journey_layout_get_emotion_level_y (TandemJourneyLayout *self,
                                           int                  score)
{
  return self->grid_y + self->grid_height + self->emotion_top +
         (2 - CLAMP (score, -2, 2)) * self->emotion_step;
}

/**
 * tandem_journey_layout_get_natural_stage_widths:
 *
 * The width each stage would have on its own, before lining up with another map.
 */
void
tandem_journey_layout_get_natural_stage_widths (TandemJourneyLayout *self,
                                                double              *widths,
                                                guint                n_widths)
{
  for (guint i = 0; i < n_widths && i < self->natural->len; i++)
    widths[i] = g_array_index (self->natural, double, i);
}

guint
tandem_journey_layout_get_n_stages (TandemJourneyLayout *self)
{
  return self->stages->len;
}

const TandemStageGeometry *
tandem_journey_layout_get_stage (TandemJourneyLayout *self,
                                 guint                index)
{
  g_return_val_if_fail (index < self->stages->len, NULL);

  return &g_array_index (self->stages, TandemStageGeometry, index);
}

guint
tandem_journey_layout_get_n_lanes (TandemJourneyLayout *self)
{
  return self->lanes->len;
}

const TandemLaneGeometry *
tandem_journey_layout_get_lane (TandemJourneyLayout *self,
                                guint                index)
{
  g_return_val_if_fail (index < self->lanes->len, NULL);

  return &g_array_index (self->lanes, TandemLaneGeometry, index);
}

guint
tandem_journey_layout_get_n_cards (TandemJourneyLayout *self)
{
  return self->cards->len;
}

const TandemCardGeometry *
tandem_journey_layout_get_card (TandemJourneyLayout *self,
                                guint                index)
{
  g_return_val_if_fail (index < self->cards->len, NULL);

  return &g_array_index (self->cards, TandemCardGeometry, index);
}

/**
 * tandem_journey_layout_find_card:
 *
 * Returns: (nullable): the card of @step, if it is placed on this map
 */
const TandemCardGeometry *
tandem_journey_layout_find_card (TandemJourneyLayout *self,
                                 TandemStep          *step)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->card_of_step, step));

  return index > 0 ? &g_array_index (self->cards, TandemCardGeometry, index - 1) : NULL;
}

guint
tandem_journey_layout_get_n_connectors (TandemJourneyLayout *self)
{
  return self->connectors->len;
}

/**
 * tandem_journey_layout_get_connector:
 *
 * The connector as it is now: its points are %NULL until it is routed.
 */
const TandemConnectorGeometry *
tandem_journey_layout_get_connector (TandemJourneyLayout *self,
                                     guint                index)
{
  g_return_val_if_fail (index < self->connectors->len, NULL);

  return &g_array_index (self->connectors, TandemConnectorGeometry, index);
}

/**
 * tandem_journey_layout_route_connector:
 *
 * The connector with its route, computed now if it was not yet.
 */
const TandemConnectorGeometry *
tandem_journey_layout_route_connector (TandemJourneyLayout *self,
                                       guint                index)
{
  TandemConnectorGeometry *geometry;
  g_autoptr(GArray) obstacles = NULL;
  const TandemCardGeometry *from, *to;

  g_return_val_if_fail (index < self->connectors->len, NULL);

  geometry = &g_array_index (self->connectors, TandemConnectorGeometry, index);
  if (geometry->routed)
    return geometry;

  from = &g_array_index (self->cards, TandemCardGeometry, geometry->from);
  to = &g_array_index (self->cards, TandemCardGeometry, geometry->to);
  obstacles = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));

  g_array_set_size (self->scratch, 0);
  tandem_item_index_query (self->index, &geometry->region, self->scratch);
  for (guint k = 0; k < self->scratch->len; k++)
    {
      guint item = g_array_index (self->scratch, guint, k);
      guint card = TANDEM_JOURNEY_ITEM_INDEX (item);

      if (TANDEM_JOURNEY_ITEM_KIND (item) != TANDEM_JOURNEY_ITEM_CARD ||
          card == geometry->from || card == geometry->to)
        continue;

      g_array_append_val (obstacles, g_array_index (self->cards, TandemCardGeometry, card).rect);
    }

  geometry->points = g_array_new (FALSE, FALSE, sizeof (TandemPoint));
  if (obstacles->len <= MAX_ROUTE_OBSTACLES)
    geometry->avoids_cards = tandem_route_orthogonal_ports (&from->rect, geometry->from_offset,
                                                            &to->rect, geometry->to_offset,
                                                            (cairo_rectangle_t *)(gpointer)obstacles->data,
                                                            obstacles->len, &geometry->region,
                                                            TANDEM_JOURNEY_SLOT_GAP / 2,
                                                            TANDEM_JOURNEY_CELL_PAD_Y,
                                                            geometry->points);
  else
    tandem_route_direct (&from->rect, &to->rect, geometry->points);

  geometry->routed = TRUE;
  place_label (geometry);

  return geometry;
}

/**
 * tandem_journey_layout_query:
 * @items: (element-type guint): receives the cards and connectors whose bounds meet @area,
 *   as TANDEM_JOURNEY_ITEM() values
 */
void
tandem_journey_layout_query (TandemJourneyLayout     *self,
                             const cairo_rectangle_t *area,
                             GArray                  *items)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_LAYOUT (self));

  tandem_item_index_query (self->index, area, items);
}

int
tandem_journey_layout_stage_at (TandemJourneyLayout *self,
                                double               x)
{
  return find_column (self->stages, sizeof (TandemStageGeometry),
                      G_STRUCT_OFFSET (TandemStageGeometry, x),
                      G_STRUCT_OFFSET (TandemStageGeometry, width), x);
}

int
tandem_journey_layout_lane_at (TandemJourneyLayout *self,
                               double               y)
{
  return find_column (self->lanes, sizeof (TandemLaneGeometry),
                      G_STRUCT_OFFSET (TandemLaneGeometry, y),
                      G_STRUCT_OFFSET (TandemLaneGeometry, height), y);
}

static void
set_hit (TandemJourneyHit     *hit,
         TandemJourneyHitKind  kind,
         TandemJourneyMap     *map,
         gpointer              object,
         TandemStage          *stage,
         TandemLane           *lane)
{
  hit->kind = kind;
  hit->map = map;
  hit->object = object;
  hit->stage = stage;
  hit->lane = lane;
}

/**
 * tandem_journey_layout_lookup:
 * @tolerance: how far from an item a point may be and still hit it (a few pixels of the
 *   screen, in map units)
 *
 * What is under a point: a card (its edge, which starts a connector, or its body), a
 * connector, a stage or lane header (or the edge that resizes it), an empty cell, or another
 * part of the map. Cards are on top of connectors, as they are painted.
 *
 * Returns: %TRUE when the point is on this map
 */
gboolean
tandem_journey_layout_lookup (TandemJourneyLayout *self,
                              double               x,
                              double               y,
                              double               tolerance,
                              TandemJourneyHit    *hit)
{
  cairo_rectangle_t area = { x - tolerance, y - tolerance, 2 * tolerance, 2 * tolerance };
  double best_distance = G_MAXDOUBLE;
  int best_connector = -1;
  int stage, lane;

  g_return_val_if_fail (TANDEM_IS_JOURNEY_LAYOUT (self), FALSE);

  set_hit (hit, TANDEM_JOURNEY_HIT_NONE, NULL, NULL, NULL, NULL);

  if (x < self->x || y < self->y || x >= self->x + self->width || y >= self->y + self->height)
    return FALSE;

  g_array_set_size (self->scratch, 0);
  tandem_item_index_query (self->index, &area, self->scratch);

  /* Cards first: the one under the point, or the nearest within the tolerance. */
  for (guint k = 0; k < self->scratch->len; k++)
    {
      guint item = g_array_index (self->scratch, guint, k);
      const TandemCardGeometry *card;
      const TandemStageGeometry *stage_geometry;
      double inside, dx, dy;

      if (TANDEM_JOURNEY_ITEM_KIND (item) != TANDEM_JOURNEY_ITEM_CARD)
        continue;

      card = &g_array_index (self->cards, TandemCardGeometry, TANDEM_JOURNEY_ITEM_INDEX (item));
      dx = MAX (card->rect.x - x, x - (card->rect.x + card->rect.width));
      dy = MAX (card->rect.y - y, y - (card->rect.y + card->rect.height));
      if (MAX (dx, dy) > tolerance)
        continue;

      /* How deep inside the card the point is: negative outside. */
      inside = -MAX (dx, dy);
      stage_geometry = &g_array_index (self->stages, TandemStageGeometry, card->stage);
      set_hit (hit, inside < TANDEM_JOURNEY_CARD_EDGE ? TANDEM_JOURNEY_HIT_STEP_EDGE
                                                      : TANDEM_JOURNEY_HIT_STEP,
               self->map, card->step, stage_geometry->stage,
               g_array_index (self->lanes, TandemLaneGeometry, card->lane).lane);
      if (inside >= 0)
        return TRUE;
    }
  if (hit->kind != TANDEM_JOURNEY_HIT_NONE)
    return TRUE;

  for (guint k = 0; k < self->scratch->len; k++)
    {
      guint item = g_array_index (self->scratch, guint, k);
      const TandemConnectorGeometry *connector;
      double distance;

      if (TANDEM_JOURNEY_ITEM_KIND (item) != TANDEM_JOURNEY_ITEM_CONNECTOR)
        continue;

      connector = tandem_journey_layout_route_connector (self, TANDEM_JOURNEY_ITEM_INDEX (item));
      distance = tandem_route_distance ((TandemPoint *)(gpointer)connector->points->data,
                                        connector->points->len, x, y);
      if (connector->label.width > 0 && tandem_rectangle_contains (&connector->label, x, y))
        distance = 0;

      if (distance <= tolerance + 2 && distance < best_distance)
        {
          best_distance = distance;
          best_connector = TANDEM_JOURNEY_ITEM_INDEX (item);
        }
    }
  if (best_connector >= 0)
    {
      set_hit (hit, TANDEM_JOURNEY_HIT_CONNECTOR, self->map,
               g_array_index (self->connectors, TandemConnectorGeometry, best_connector).connector,
               NULL, NULL);
      return TRUE;
    }

  stage = tandem_journey_layout_stage_at (self, x);
  lane = tandem_journey_layout_lane_at (self, y);

  /* The stage headers, with a grip on the right edge of each. */
  if (y >= self->grid_y - TANDEM_JOURNEY_STAGE_HEADER_HEIGHT && y < self->grid_y &&
      x >= self->grid_x)
    {
      int near = tandem_journey_layout_stage_at (self, x - TANDEM_JOURNEY_RESIZE_GRIP - tolerance);
      int grip = -1;

      for (guint i = MAX (near, 0); i < self->stages->len; i++)
        {
          const TandemStageGeometry *g = &g_array_index (self->stages, TandemStageGeometry, i);
          double edge = g->x + g->width;

          if (fabs (x - edge) <= TANDEM_JOURNEY_RESIZE_GRIP / 2 + tolerance)
            grip = i;
          if (edge > x + TANDEM_JOURNEY_RESIZE_GRIP + tolerance)
            break;
        }

      if (grip >= 0)
        set_hit (hit, TANDEM_JOURNEY_HIT_STAGE_EDGE, self->map,
                 g_array_index (self->stages, TandemStageGeometry, grip).stage,
                 g_array_index (self->stages, TandemStageGeometry, grip).stage, NULL);
      else if (stage >= 0)
        set_hit (hit, TANDEM_JOURNEY_HIT_STAGE, self->map,
                 g_array_index (self->stages, TandemStageGeometry, stage).stage,
                 g_array_index (self->stages, TandemStageGeometry, stage).stage, NULL);
      else
        set_hit (hit, TANDEM_JOURNEY_HIT_MAP, self->map, NULL, NULL, NULL);
      return TRUE;
    }

  /* The lane headers, with a grip on the bottom edge of each. */
  if (x < self->grid_x && y >= self->grid_y && y < self->grid_y + self->grid_height)
    {
      int near = tandem_journey_layout_lane_at (self, y - TANDEM_JOURNEY_RESIZE_GRIP - tolerance);
      int grip = -1;

      for (guint i = MAX (near, 0); i < self->lanes->len; i++)
        {
          const TandemLaneGeometry *g = &g_array_index (self->lanes, TandemLaneGeometry, i);
          double edge = g->y + g->height;

          if (fabs (y - edge) <= TANDEM_JOURNEY_RESIZE_GRIP / 2 + tolerance)
            grip = i;
          if (edge > y + TANDEM_JOURNEY_RESIZE_GRIP + tolerance)
            break;
        }

      if (grip >= 0)
        set_hit (hit, TANDEM_JOURNEY_HIT_LANE_EDGE, self->map,
                 g_array_index (self->lanes, TandemLaneGeometry, grip).lane, NULL,
                 g_array_index (self->lanes, TandemLaneGeometry, grip).lane);
      else if (lane >= 0)
        set_hit (hit, TANDEM_JOURNEY_HIT_LANE, self->map,
                 g_array_index (self->lanes, TandemLaneGeometry, lane).lane, NULL,
                 g_array_index (self->lanes, TandemLaneGeometry, lane).lane);
      return TRUE;
    }

  /* A point on the emotion curve selects its step; the points run left to right. */
  if (y >= self->grid_y + self->grid_height)
    {
      guint lo = 0, hi = self->cards->len;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (self->cards, TandemCardGeometry, mid).curve.x < x - 9 - tolerance)
            lo = mid + 1;
          else
            hi = mid;
        }

      for (guint k = lo; k < self->cards->len; k++)
        {
          const TandemCardGeometry *card = &g_array_index (self->cards, TandemCardGeometry, k);

          if (card->has_feeling && fabs (card->curve.x - x) <= 9 + tolerance &&
              fabs (card->curve.y - y) <= 9 + tolerance)
            {
              set_hit (hit, TANDEM_JOURNEY_HIT_STEP, self->map, card->step,
                       g_array_index (self->stages, TandemStageGeometry, card->stage).stage,
                       g_array_index (self->lanes, TandemLaneGeometry, card->lane).lane);
              return TRUE;
            }
          if (card->curve.x > x + 9 + tolerance)
            break;
        }
    }

  if (stage >= 0 && lane >= 0)
    set_hit (hit, TANDEM_JOURNEY_HIT_CELL, self->map, NULL,
             g_array_index (self->stages, TandemStageGeometry, stage).stage,
             g_array_index (self->lanes, TandemLaneGeometry, lane).lane);
  else
    set_hit (hit, TANDEM_JOURNEY_HIT_MAP, self->map, NULL, NULL, NULL);

  return TRUE;
}

/**
 * tandem_journey_layout_snap:
 * @exclude: (nullable) (element-type TandemStep): steps being moved, which do not count
 *
 * Where a step put down at a point goes: the stage and lane under it (the nearest when the
 * point is outside the grid) and its place among the stage's steps, from the cards' middles.
 *
 * Returns: %FALSE when the journey has no stage or no lane
 */
gboolean
tandem_journey_layout_snap (TandemJourneyLayout *self,
                            double               x,
                            double               y,
                            GPtrArray           *exclude,
                            TandemJourneySnap   *snap)
{
  const TandemStageGeometry *stage;
  const TandemLaneGeometry *lane;
  const TandemCardGeometry *previous = NULL, *next = NULL;
  int s, l;
  double mx;

  g_return_val_if_fail (TANDEM_IS_JOURNEY_LAYOUT (self), FALSE);

  memset (snap, 0, sizeof *snap);
  if (self->stages->len == 0 || self->lanes->len == 0)
    return FALSE;

  x = CLAMP (x, self->grid_x, self->grid_x + self->grid_width - 0.001);
  y = CLAMP (y, self->grid_y, self->grid_y + self->grid_height - 0.001);
  s = tandem_journey_layout_stage_at (self, x);
  l = tandem_journey_layout_lane_at (self, y);
  if (s < 0 || l < 0)
    return FALSE;

  stage = &g_array_index (self->stages, TandemStageGeometry, s);
  lane = &g_array_index (self->lanes, TandemLaneGeometry, l);
  snap->map = self->map;
  snap->stage = stage->stage;
  snap->lane = lane->lane;

  /* Cards of a stage are consecutive in journey order; count those left of the point. */
  for (guint k = 0; k < self->cards->len; k++)
    {
      const TandemCardGeometry *card = &g_array_index (self->cards, TandemCardGeometry, k);

      if (card->stage != (guint)s ||
          (exclude != NULL && g_ptr_array_find (exclude, card->step, NULL)))
        continue;

      if (card->rect.x + card->rect.width / 2 < x)
        {
          snap->index++;
          previous = card;
        }
      else
        {
          next = card;
          break;
        }
    }

  if (previous != NULL && next != NULL)
    mx = (previous->rect.x + previous->rect.width + next->rect.x) / 2;
  else if (previous != NULL)
    mx = previous->rect.x + previous->rect.width + TANDEM_JOURNEY_SLOT_GAP / 2;
  else if (next != NULL)
    mx = next->rect.x - TANDEM_JOURNEY_SLOT_GAP / 2;
  else
    mx = stage->x + TANDEM_JOURNEY_CELL_PAD_X / 2;

  snap->marker.x = mx - 2;
  snap->marker.y = lane->y + TANDEM_JOURNEY_CELL_PAD_Y;
  snap->marker.width = 4;
  snap->marker.height = lane->card_height;

  return TRUE;
}
