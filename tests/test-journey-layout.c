/* test-journey-layout.c: the geometry of journey maps: slots, hit-testing, snapping, routing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "tandem-item-index.h"
#include "tandem-journey-figure.h"
#include "tandem-journey-fixture.h"
#include "tandem-journey-measures.h"
#include "tandem-journey-metrics.h"
#include "tandem-journey-route.h"

typedef struct
{
  TandemDocument      *document;
  TandemJourney       *journey;
  TandemJourneyFigure *figure;
  TandemJourneyLayout *layout;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->document = tandem_document_new ();
  f->journey = tandem_test_feverish_child (f->document);
  f->figure = tandem_journey_figure_new (f->journey, TANDEM_JOURNEY_SHOW_BEFORE);
  f->layout = tandem_journey_figure_get_layout (f->figure, TANDEM_MAP_SIDE_BEFORE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->figure);
  g_clear_object (&f->document);
}

static TandemStep *
step_titled (TandemJourney *journey,
             TandemMapSide  side,
             const char    *title)
{
  TandemList *steps = tandem_journey_map_get_steps (tandem_journey_get_map (journey, side));

  for (guint i = 0; i < tandem_list_get_n (steps); i++)
    if (g_str_equal (tandem_step_get_title (tandem_list_get (steps, i)), title))
      return tandem_list_get (steps, i);

  g_assert_not_reached ();
}

static const TandemCardGeometry *
card_titled (Fixture    *f,
             const char *title)
{
  return tandem_journey_layout_find_card (f->layout,
                                          step_titled (f->journey, TANDEM_MAP_SIDE_BEFORE, title));
}

/* Each step has its own slot in its stage, in journey order, so that left to right is the
 * order of the journey whatever the lane. */
static void
test_slots (Fixture       *f,
            gconstpointer  data)
{
  guint n = tandem_journey_layout_get_n_cards (f->layout);
  const TandemStageGeometry *getting_help = tandem_journey_layout_get_stage (f->layout, 1);
  const TandemStageGeometry *going_home = tandem_journey_layout_get_stage (f->layout, 4);
  const TandemStageGeometry *treatment = tandem_journey_layout_get_stage (f->layout, 3);
  const TandemCardGeometry *rings = card_titled (f, "Rings the GP surgery: closed");
  const TandemCardGeometry *buses = card_titled (f, "Two buses to the walk-in centre");
  const TandemCardGeometry *nurse = card_titled (f, "Seen by a nurse");
  double card_width = 260 - 2 * TANDEM_JOURNEY_CELL_PAD_X;

  g_assert_cmpuint (n, ==, 9);
  for (guint k = 0; k + 1 < n; k++)
    {
      const TandemCardGeometry *a = tandem_journey_layout_get_card (f->layout, k);
      const TandemCardGeometry *b = tandem_journey_layout_get_card (f->layout, k + 1);

      g_assert_cmpuint (a->number, ==, k + 1);
      g_assert_cmpfloat (a->rect.x + a->rect.width, <, b->rect.x);
      g_assert_cmpfloat (a->curve.x, <, b->curve.x);
    }

  /* Two steps in "Getting help": two slots, the stage grows to hold them. The connector
   * between them is labelled "No answer", so the gap between them grows to hold the label
   * rather than have it cover the cards. */
  g_assert_cmpuint (getting_help->n_slots, ==, 2);
  g_assert_cmpfloat (getting_help->card_width, ==, card_width);
  g_assert_cmpfloat (getting_help->spread, >, 0);
  g_assert_cmpfloat (getting_help->width, ==,
                     2 * TANDEM_JOURNEY_CELL_PAD_X + 2 * card_width + TANDEM_JOURNEY_SLOT_GAP +
                     getting_help->spread);
  g_assert_cmpfloat (rings->rect.x, ==, getting_help->x + TANDEM_JOURNEY_CELL_PAD_X);
  g_assert_cmpfloat (rings->shift, ==, 0);
  g_assert_cmpfloat (buses->shift, ==, getting_help->spread);
  g_assert_cmpfloat (buses->rect.x, ==,
                     rings->rect.x + card_width + TANDEM_JOURNEY_SLOT_GAP + buses->shift);
  {
    const TandemConnectorGeometry *no_answer = NULL;

    for (guint i = 0; i < tandem_journey_layout_get_n_connectors (f->layout); i++)
      {
        const TandemConnectorGeometry *c = tandem_journey_layout_route_connector (f->layout, i);

        if (g_str_equal (tandem_connector_get_label (c->connector), "No answer"))
          no_answer = c;
      }
    g_assert_nonnull (no_answer);
    g_assert_cmpfloat (no_answer->label.x, >, rings->rect.x + rings->rect.width);
    g_assert_cmpfloat (no_answer->label.x + no_answer->label.width, <, buses->rect.x);
  }
  /* Without labels, cards keep the usual gap. */
  g_assert_cmpfloat (going_home->spread, ==, 0);
  g_assert_cmpuint (going_home->n_slots, ==, 3);
  g_assert_cmpuint (treatment->n_slots, ==, 1);
  g_assert_cmpfloat (treatment->width, ==, 260);

  /* Lanes are rows: the nurse is in the second lane. */
  g_assert_cmpfloat (nurse->rect.y, ==, tandem_journey_layout_get_lane (f->layout, 1)->y +
                                        TANDEM_JOURNEY_CELL_PAD_Y);
  g_assert_cmpfloat (nurse->rect.height, ==,
                     tandem_journey_layout_get_lane (f->layout, 1)->height -
                     2 * TANDEM_JOURNEY_CELL_PAD_Y);

  /* The emotion curve: neutral is the middle level, very bad the lowest. */
  g_assert_true (nurse->has_feeling);
  g_assert_cmpfloat (nurse->curve.y, ==, tandem_journey_layout_get_emotion_level_y (f->layout, 0));
  g_assert_cmpfloat (card_titled (f, "Queues to book in")->curve.y, >, nurse->curve.y);
}

/* Lanes take the height of what they hold: the tallest card, or a thin band for a lane with
 * no step, which still shows its title and takes a dropped step. */
static void
test_lane_heights (Fixture       *f,
                   gconstpointer  data)
{
  TandemJourneyMap *before = tandem_journey_get_map (f->journey, TANDEM_MAP_SIDE_BEFORE);
  guint n_lanes = tandem_journey_layout_get_n_lanes (f->layout);
  const TandemLaneGeometry *empty = NULL;
  TandemJourneyHit hit;
  TandemJourneySnap snap;
  cairo_rectangle_t grid;
  TandemStep *nurse;
  double short_height, long_height;

  for (guint i = 0; i < n_lanes; i++)
    {
      const TandemLaneGeometry *lane = tandem_journey_layout_get_lane (f->layout, i);
      double tallest = 0;
      gboolean holds = FALSE;

      for (guint k = 0; k < tandem_journey_layout_get_n_cards (f->layout); k++)
        {
          const TandemCardGeometry *card = tandem_journey_layout_get_card (f->layout, k);

          if (card->lane != i)
            continue;
          holds = TRUE;
          tallest = MAX (tallest, card->rect.height);
          /* Each card inside its lane. */
          g_assert_cmpfloat (card->rect.y, >=, lane->y);
          g_assert_cmpfloat (card->rect.y + card->rect.height, <=, lane->y + lane->height);
        }

      if (holds)
        {
          g_assert_cmpfloat (lane->height, ==, tallest + 2 * TANDEM_JOURNEY_CELL_PAD_Y);
          g_assert_cmpfloat (tallest, >=, TANDEM_JOURNEY_CARD_MIN_HEIGHT);
          /* No taller than its content: the model's default of 150 is not a floor. */
          g_assert_cmpfloat (lane->height, <, 150);
        }
      else
        {
          g_assert_cmpfloat (lane->height, ==, TANDEM_JOURNEY_EMPTY_LANE_HEIGHT);
          empty = lane;
        }
      if (i > 0)
        g_assert_cmpfloat (lane->y, ==, tandem_journey_layout_get_lane (f->layout, i - 1)->y +
                                        tandem_journey_layout_get_lane (f->layout, i - 1)->height);
    }

  /* The feverish child's before map has nothing in "Places and systems". */
  g_assert_nonnull (empty);
  tandem_journey_layout_get_grid_rect (f->layout, &grid);
  g_assert_true (tandem_journey_layout_lookup (f->layout, grid.x - 40, empty->y + empty->height / 2,
                                               1, &hit));
  g_assert_cmpint (hit.kind, ==, TANDEM_JOURNEY_HIT_LANE);
  g_assert_true (hit.object == TANDEM_OBJECT (empty->lane));
  g_assert_true (tandem_journey_layout_snap (f->layout, grid.x + 30, empty->y + empty->height / 2,
                                             NULL, &snap));
  g_assert_true (snap.lane == empty->lane);

  /* A longer title wraps to more lines: its lane grows, the others do not. */
  nurse = step_titled (f->journey, TANDEM_MAP_SIDE_BEFORE, "Seen by a nurse");
  short_height = tandem_journey_layout_get_lane (f->layout, 1)->height;
  tandem_document_begin (f->document, "Retitle");
  tandem_step_set_title (nurse, "Seen by a nurse who takes a history, checks the temperature, "
                                "listens to the chest and explains what happens next");
  tandem_document_commit (f->document);
  tandem_journey_layout_update (f->layout, 0, 0, NULL, 0);
  long_height = tandem_journey_layout_get_lane (f->layout, 1)->height;
  g_assert_cmpfloat (long_height, >, short_height + 2 * TANDEM_JOURNEY_FONT_CARD_TITLE);
  g_assert_cmpfloat (tandem_journey_layout_find_card (f->layout, nurse)->rect.height, ==,
                     long_height - 2 * TANDEM_JOURNEY_CELL_PAD_Y);

  /* A step put into the empty lane makes it a lane of cards. */
  tandem_document_begin (f->document, "Add");
  tandem_test_add_step (f->journey, TANDEM_MAP_SIDE_BEFORE, 0, n_lanes - 1, 5, "Record made");
  tandem_document_commit (f->document);
  tandem_journey_layout_update (f->layout, 0, 0, NULL, 0);
  g_assert_cmpfloat (tandem_journey_layout_get_lane (f->layout, n_lanes - 1)->height, >=,
                     TANDEM_JOURNEY_CARD_MIN_HEIGHT + 2 * TANDEM_JOURNEY_CELL_PAD_Y);
  g_assert_true (before != NULL);
}

static void
test_resize (Fixture       *f,
             gconstpointer  data)
{
  TandemStage *treatment = tandem_list_get (tandem_journey_get_stages (f->journey), 3);
  TandemLane *staff = tandem_list_get (tandem_journey_get_lanes (f->journey), 1);
  const TandemCardGeometry *told;

  tandem_document_begin (f->document, "Resize");
  tandem_stage_set_width (treatment, 300);
  tandem_lane_set_height (staff, 200);
  tandem_document_commit (f->document);
  tandem_journey_figure_invalidate (f->figure);
  f->layout = tandem_journey_figure_get_layout (f->figure, TANDEM_MAP_SIDE_BEFORE);

  told = card_titled (f, "Told to see their own GP");
  g_assert_cmpfloat (told->rect.width, ==, 300 - 2 * TANDEM_JOURNEY_CELL_PAD_X);
  g_assert_cmpfloat (told->rect.height, ==, 200 - 2 * TANDEM_JOURNEY_CELL_PAD_Y);

  /* Too narrow for a card: the card keeps its smallest width and the stage makes room. */
  tandem_document_begin (f->document, "Resize");
  tandem_stage_set_width (treatment, 80);
  tandem_document_commit (f->document);
  tandem_journey_figure_invalidate (f->figure);
  f->layout = tandem_journey_figure_get_layout (f->figure, TANDEM_MAP_SIDE_BEFORE);
  told = card_titled (f, "Told to see their own GP");
  g_assert_cmpfloat (told->rect.width, ==, TANDEM_JOURNEY_CARD_MIN_WIDTH);
  g_assert_cmpfloat (tandem_journey_layout_get_stage (f->layout, 3)->width, ==,
                     TANDEM_JOURNEY_CARD_MIN_WIDTH + 2 * TANDEM_JOURNEY_CELL_PAD_X);
}

static void
test_hit (Fixture       *f,
          gconstpointer  data)
{
  const TandemCardGeometry *nurse = card_titled (f, "Seen by a nurse");
  const TandemStageGeometry *stage = tandem_journey_layout_get_stage (f->layout, 2);
  const TandemLaneGeometry *lane = tandem_journey_layout_get_lane (f->layout, 2);
  const cairo_rectangle_t *r = &nurse->rect;
  double cx = r->x + r->width / 2, cy = r->y + r->height / 2;
  cairo_rectangle_t grid;
  TandemJourneyHit hit;

  tandem_journey_layout_get_grid_rect (f->layout, &grid);

  /* The middle of a card is the card; its edge starts a connector. */
  g_assert_true (tandem_journey_figure_lookup (f->figure, cx, cy, 2, &hit));
  g_assert_cmpint (hit.kind, ==, TANDEM_JOURNEY_HIT_STEP);
  g_assert_true (hit.object == TANDEM_OBJECT (nurse->step));
  g_assert_true (hit.stage == stage->stage);

  g_assert_true (tandem_journey_figure_lookup (f->figure, r->x + 2, cy, 2, &hit));
  g_assert_cmpint (hit.kind, ==, TANDEM_JOURNEY_HIT_STEP_EDGE);

  /* Just outside, within the tolerance: still the edge; beyond it: the empty cell. */
  g_assert_true (tandem_journey_figure_lookup (f->figure, r->x + r->width + 3, r->y + 3, 4, &hit));
  g_assert_cmpint (hit.kind, ==, TANDEM_JOURNEY_HIT_STEP_EDGE);
  g_assert_true (hit.object == TANDEM_OBJECT (nurse->step));
  g_assert_true (tandem_journey_figure_lookup (f->figure, r->x + r->width / 2, r->y - 9, 1, &hit));
  g_assert_cmpint (hit.kind, !=, TANDEM_JOURNEY_HIT_STEP);
  g_assert_cmpint (hit.kind, !=, TANDEM_JOURNEY_HIT_STEP_EDGE);

  /* An empty cell, with its stage and lane. */
  g_assert_true (tandem_journey_figure_lookup (f->figure, stage->x + stage->width / 2,
                                               lane->y + lane->height / 2, 2, &hit));
  g_assert_cmpint (hit.kind, ==, TANDEM_JOURNEY_HIT_CELL);
  g_assert_true (hit.stage == stage->stage);
  g_assert_true (hit.lane == lane->lane);

  /* Headers and the grips that resize them. */
  g_assert_true (tandem_journey_figure_lookup (f->figure, stage->x + 30, grid.y - 10, 2, &hit));
  g_assert_cmpint (hit.kind, ==, TANDEM_JOURNEY_HIT_STAGE);
  g_assert_true (hit.object == TANDEM_OBJECT (stage->stage));
  g_assert_true (tandem_journey_figure_lookup (f->figure, stage->x + stage->width - 1, grid.y - 10,
                                               2, &hit));
  g_assert_cmpint (hit.kind, ==, TANDEM_JOURNEY_HIT_STAGE_EDGE);
  g_assert_true (hit.object == TANDEM_OBJECT (stage->stage));
  g_assert_true (tandem_journey_figure_lookup (f->figure, grid.x - 40, lane->y + 30, 2, &hit));
  g_assert_cmpint (hit.kind, ==, TANDEM_JOURNEY_HIT_LANE);
  g_assert_true (tandem_journey_figure_lookup (f->figure, grid.x - 40, lane->y + lane->height + 1,
                                               2, &hit));
  g_assert_cmpint (hit.kind, ==, TANDEM_JOURNEY_HIT_LANE_EDGE);
  g_assert_true (hit.object == TANDEM_OBJECT (lane->lane));

  /* A point on the emotion curve selects its step. */
  g_assert_true (tandem_journey_figure_lookup (f->figure, nurse->curve.x + 3, nurse->curve.y - 2,
                                               2, &hit));
  g_assert_cmpint (hit.kind, ==, TANDEM_JOURNEY_HIT_STEP);
  g_assert_true (hit.object == TANDEM_OBJECT (nurse->step));

  /* Far outside the maps: nothing. */
  g_assert_false (tandem_journey_figure_lookup (f->figure, -500, -500, 4, &hit));
  g_assert_cmpint (hit.kind, ==, TANDEM_JOURNEY_HIT_NONE);
}

static void
test_hit_connector (Fixture       *f,
                    gconstpointer  data)
{
  gboolean found_label = FALSE;

  for (guint i = 0; i < tandem_journey_layout_get_n_connectors (f->layout); i++)
    {
      const TandemConnectorGeometry *c = tandem_journey_layout_route_connector (f->layout, i);
      const TandemPoint *p = (const TandemPoint *)(gconstpointer)c->points->data;
      TandemJourneyHit hit;
      double mx = 0, my = 0, longest = -1;

      for (guint k = 0; k + 1 < c->points->len; k++)
        {
          double length = fabs (p[k + 1].x - p[k].x) + fabs (p[k + 1].y - p[k].y);

          if (length > longest)
            {
              longest = length;
              mx = (p[k].x + p[k + 1].x) / 2;
              my = (p[k].y + p[k + 1].y) / 2;
            }
        }

      /* The middle of the longest segment is the connector, a pixel off too. */
      g_assert_true (tandem_journey_figure_lookup (f->figure, mx + 1, my + 1, 3, &hit));
      g_assert_cmpint (hit.kind, ==, TANDEM_JOURNEY_HIT_CONNECTOR);
      g_assert_true (hit.object == TANDEM_OBJECT (c->connector));

      if (c->label.width > 0)
        {
          found_label = TRUE;
          g_assert_true (tandem_journey_figure_lookup (f->figure, c->label.x + 2,
                                                       c->label.y + c->label.height / 2, 1, &hit));
          g_assert_true (hit.object == TANDEM_OBJECT (c->connector) ||
                         hit.kind == TANDEM_JOURNEY_HIT_STEP ||
                         hit.kind == TANDEM_JOURNEY_HIT_STEP_EDGE);
        }
    }

  g_assert_true (found_label);
}

static void
test_snap (Fixture       *f,
           gconstpointer  data)
{
  const TandemStageGeometry *getting_help = tandem_journey_layout_get_stage (f->layout, 1);
  const TandemLaneGeometry *patient = tandem_journey_layout_get_lane (f->layout, 0);
  const TandemLaneGeometry *places = tandem_journey_layout_get_lane (f->layout, 3);
  const TandemCardGeometry *rings = card_titled (f, "Rings the GP surgery: closed");
  const TandemCardGeometry *buses = card_titled (f, "Two buses to the walk-in centre");
  g_autoptr(GPtrArray) exclude = g_ptr_array_new ();
  TandemJourneySnap snap;
  double y = patient->y + 20;

  /* Before the first card of the stage, between the two, after the last. */
  g_assert_true (tandem_journey_figure_snap (f->figure, rings->rect.x + 10, y, NULL, &snap));
  g_assert_true (snap.stage == getting_help->stage);
  g_assert_true (snap.lane == patient->lane);
  g_assert_cmpuint (snap.index, ==, 0);

  g_assert_true (tandem_journey_figure_snap (f->figure, buses->rect.x + 10, places->y + 10, NULL,
                                             &snap));
  g_assert_cmpuint (snap.index, ==, 1);
  g_assert_true (snap.lane == places->lane);
  g_assert_cmpfloat (snap.marker.x + 2, >, rings->rect.x + rings->rect.width);
  g_assert_cmpfloat (snap.marker.x + 2, <, buses->rect.x);

  g_assert_true (tandem_journey_figure_snap (f->figure, getting_help->x + getting_help->width - 2, y,
                                             NULL, &snap));
  g_assert_cmpuint (snap.index, ==, 2);

  /* The step being moved does not count. */
  g_ptr_array_add (exclude, rings->step);
  g_assert_true (tandem_journey_figure_snap (f->figure, getting_help->x + getting_help->width - 2, y,
                                             exclude, &snap));
  g_assert_cmpuint (snap.index, ==, 1);

  /* Outside the grid: the nearest stage and lane. */
  g_assert_true (tandem_journey_figure_snap (f->figure, -100, -100, NULL, &snap));
  g_assert_true (snap.stage == tandem_list_get (tandem_journey_get_stages (f->journey), 0));
  g_assert_true (snap.lane == patient->lane);
}

/* No segment of a route passes through a card other than its two ends. */
static void
assert_routes_avoid_cards (TandemJourneyLayout *layout)
{
  for (guint i = 0; i < tandem_journey_layout_get_n_connectors (layout); i++)
    {
      const TandemConnectorGeometry *c = tandem_journey_layout_route_connector (layout, i);
      const TandemPoint *p = (const TandemPoint *)(gconstpointer)c->points->data;
      const TandemCardGeometry *from = tandem_journey_layout_get_card (layout, c->from);
      const TandemCardGeometry *to = tandem_journey_layout_get_card (layout, c->to);

      g_assert_true (c->avoids_cards);
      g_assert_cmpuint (c->points->len, >=, 2);

      /* Starts on the edge of one card and ends on the edge of the other. */
      g_assert_true (p[0].x >= from->rect.x - 0.01 && p[0].x <= from->rect.x + from->rect.width + 0.01);
      g_assert_true (p[0].y >= from->rect.y - 0.01 && p[0].y <= from->rect.y + from->rect.height + 0.01);
      g_assert_true (p[c->points->len - 1].x >= to->rect.x - 0.01 &&
                     p[c->points->len - 1].x <= to->rect.x + to->rect.width + 0.01);

      for (guint k = 0; k + 1 < c->points->len; k++)
        g_assert_true (fabs (p[k].x - p[k + 1].x) < 0.01 || fabs (p[k].y - p[k + 1].y) < 0.01);

      for (guint k = 0; k < tandem_journey_layout_get_n_cards (layout); k++)
        {
          const TandemCardGeometry *card = tandem_journey_layout_get_card (layout, k);

          if (k == c->from || k == c->to)
            continue;
          g_assert_false (tandem_route_crosses (p, c->points->len, &card->rect));
        }
    }
}

static void
test_routes_avoid_cards (Fixture       *f,
                         gconstpointer  data)
{
  TandemJourneyMap *before = tandem_journey_get_map (f->journey, TANDEM_MAP_SIDE_BEFORE);
  TandemStep *first = step_titled (f->journey, TANDEM_MAP_SIDE_BEFORE, "Child has a high temperature");
  TandemStep *last = step_titled (f->journey, TANDEM_MAP_SIDE_BEFORE, "Rings the GP at 8 am");

  assert_routes_avoid_cards (f->layout);

  /* A long loop back across the lane, over the cards between. */
  tandem_document_begin (f->document, "Connect");
  tandem_journey_map_connect (before, last, first, TANDEM_CONNECTOR_KIND_LOOP);
  tandem_document_commit (f->document);
  tandem_journey_figure_invalidate (f->figure);
  f->layout = tandem_journey_figure_get_layout (f->figure, TANDEM_MAP_SIDE_BEFORE);
  assert_routes_avoid_cards (f->layout);
}

/* Checks that connectors into one card arrive apart, and those leaving one card leave apart;
 * returns how many pairs share a card they arrive at. */
static guint
assert_ports_apart (TandemJourneyLayout *layout)
{
  guint n = tandem_journey_layout_get_n_connectors (layout);
  guint shared = 0;

  for (guint i = 0; i < n; i++)
    tandem_journey_layout_route_connector (layout, i);

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        const TandemConnectorGeometry *a = tandem_journey_layout_get_connector (layout, i);
        const TandemConnectorGeometry *b = tandem_journey_layout_get_connector (layout, j);
        const TandemPoint *a_end = &g_array_index (a->points, TandemPoint, a->points->len - 1);
        const TandemPoint *b_end = &g_array_index (b->points, TandemPoint, b->points->len - 1);
        const TandemPoint *a_start = &g_array_index (a->points, TandemPoint, 0);
        const TandemPoint *b_start = &g_array_index (b->points, TandemPoint, 0);

        if (a->to == b->to)
          {
            shared++;
            g_assert_cmpfloat (fabs (a_end->x - b_end->x) + fabs (a_end->y - b_end->y), >=, 8);
          }
        if (a->from == b->from)
          g_assert_cmpfloat (fabs (a_start->x - b_start->x) + fabs (a_start->y - b_start->y), >=, 8);
      }

  return shared;
}

/* Two connectors into one card (the next step and a loop back, into "Rings the GP surgery")
 * arrive side by side, not along one line; so do two leaving one card. On the screen and in
 * the compact printed layout, where both once arrived at the middle of the card's foot. */
static void
test_connectors_have_ports_of_their_own (Fixture       *f,
                                         gconstpointer  data)
{
  /* The fixture has such a card, so the test can fail. */
  g_assert_cmpuint (assert_ports_apart (f->layout), >=, 1);

  tandem_journey_figure_set_print (f->figure, TRUE);
  f->layout = tandem_journey_figure_get_layout (f->figure, TANDEM_MAP_SIDE_BEFORE);
  g_assert_cmpuint (assert_ports_apart (f->layout), >=, 1);
}

static void
test_route_around_a_wall (void)
{
  /* From left to right with a column of cards between: the route goes round the end. */
  cairo_rectangle_t from = { 0, 100, 100, 80 };
  cairo_rectangle_t to = { 400, 100, 100, 80 };
  cairo_rectangle_t wall[] = { { 200, 0, 100, 80 }, { 200, 104, 100, 80 }, { 200, 208, 100, 80 } };
  cairo_rectangle_t region = { -40, -40, 580, 400 };
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (TandemPoint));

  g_assert_true (tandem_route_orthogonal (&from, &to, wall, G_N_ELEMENTS (wall), &region, 20, 12,
                                          points));
  for (guint i = 0; i < G_N_ELEMENTS (wall); i++)
    g_assert_false (tandem_route_crosses ((TandemPoint *)(gpointer)points->data, points->len,
                                          &wall[i]));

  /* Walled in on every side within the region: no route, so the two-bend fallback. */
  {
    cairo_rectangle_t box[] = { { -40, -40, 580, 30 }, { -40, 330, 580, 30 },
                                { 150, -40, 30, 400 } };

    g_assert_false (tandem_route_orthogonal (&from, &to, box, G_N_ELEMENTS (box), &region, 20, 12,
                                             points));
    g_assert_cmpuint (points->len, >=, 2);
  }
}

static void
test_index_follows_area (void)
{
  g_autoptr(TandemDocument) document = tandem_document_new ();
  TandemJourney *journey = tandem_test_large_journey (document, 2000, 40);
  g_autoptr(TandemJourneyFigure) figure = tandem_journey_figure_new (journey, TANDEM_JOURNEY_SHOW_BEFORE);
  TandemJourneyLayout *layout = tandem_journey_figure_get_layout (figure, TANDEM_MAP_SIDE_BEFORE);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (guint));
  cairo_rectangle_t view = { 3000, 0, 1920, 1080 };
  cairo_rectangle_t everything = { -1e6, -1e6, 2e6, 2e6 };
  guint cards = 0, connectors = 0, all_cards = 0;

  tandem_journey_layout_query (layout, &view, items);
  for (guint i = 0; i < items->len; i++)
    {
      guint item = g_array_index (items, guint, i);
      const cairo_rectangle_t *r;

      if (TANDEM_JOURNEY_ITEM_KIND (item) == TANDEM_JOURNEY_ITEM_CONNECTOR)
        {
          connectors++;
          continue;
        }

      cards++;
      r = &tandem_journey_layout_get_card (layout, TANDEM_JOURNEY_ITEM_INDEX (item))->rect;
      g_assert_true (tandem_rectangle_intersects (r, &view) ||
                     r->x + r->width == view.x || r->y + r->height == view.y);
    }

  /* A screenful holds a screenful of cards, out of two thousand. */
  g_assert_cmpuint (cards, >, 5);
  g_assert_cmpuint (cards, <, 120);
  g_assert_cmpuint (connectors, <, 200);

  g_array_set_size (items, 0);
  tandem_journey_layout_query (layout, &everything, items);
  for (guint i = 0; i < items->len; i++)
    all_cards += TANDEM_JOURNEY_ITEM_KIND (g_array_index (items, guint, i)) == TANDEM_JOURNEY_ITEM_CARD;
  g_assert_cmpuint (all_cards, ==, 2000);
}

static void
test_both_aligned (Fixture       *f,
                   gconstpointer  data)
{
  TandemJourneyLayout *before, *after;
  cairo_rectangle_t a, b;

  tandem_journey_figure_set_show (f->figure, TANDEM_JOURNEY_SHOW_BOTH);
  tandem_journey_figure_set_arrangement (f->figure, TANDEM_JOURNEY_ARRANGE_ABOVE_BELOW);
  before = tandem_journey_figure_get_layout (f->figure, TANDEM_MAP_SIDE_BEFORE);
  after = tandem_journey_figure_get_layout (f->figure, TANDEM_MAP_SIDE_AFTER);

  /* One above the other, each stage as wide on both maps. */
  for (guint i = 0; i < tandem_journey_layout_get_n_stages (before); i++)
    {
      g_assert_cmpfloat (tandem_journey_layout_get_stage (before, i)->x, ==,
                         tandem_journey_layout_get_stage (after, i)->x);
      g_assert_cmpfloat (tandem_journey_layout_get_stage (before, i)->width, ==,
                         tandem_journey_layout_get_stage (after, i)->width);
    }
  tandem_journey_layout_get_bounds (before, &a);
  tandem_journey_layout_get_bounds (after, &b);
  g_assert_cmpfloat (b.y, >=, a.y + a.height);
  g_assert_cmpuint (tandem_journey_figure_get_n_replacements (f->figure), ==, 3);

  /* Side by side: the after map to the right. */
  tandem_journey_figure_set_arrangement (f->figure, TANDEM_JOURNEY_ARRANGE_SIDE_BY_SIDE);
  before = tandem_journey_figure_get_layout (f->figure, TANDEM_MAP_SIDE_BEFORE);
  after = tandem_journey_figure_get_layout (f->figure, TANDEM_MAP_SIDE_AFTER);
  tandem_journey_layout_get_bounds (before, &a);
  tandem_journey_layout_get_bounds (after, &b);
  g_assert_cmpfloat (b.x, >=, a.x + a.width);
  g_assert_cmpfloat (b.y, ==, a.y);

  /* "Replaced by" links are hit between the maps. */
  {
    const TandemReplacementGeometry *g = tandem_journey_figure_get_replacement (f->figure, 0);
    double t = 0.5, u = 0.5;
    double x = u * u * u * g->points[0].x + 3 * u * u * t * g->points[1].x +
               3 * u * t * t * g->points[2].x + t * t * t * g->points[3].x;
    double y = u * u * u * g->points[0].y + 3 * u * u * t * g->points[1].y +
               3 * u * t * t * g->points[2].y + t * t * t * g->points[3].y;
    TandemJourneyHit hit;

    g_assert_true (tandem_journey_figure_lookup (f->figure, x, y, 2, &hit));
    g_assert_true (hit.kind == TANDEM_JOURNEY_HIT_REPLACEMENT || hit.kind == TANDEM_JOURNEY_HIT_STEP ||
                   hit.kind == TANDEM_JOURNEY_HIT_CONNECTOR);
  }
}

static void
test_size_and_legibility (Fixture       *f,
                          gconstpointer  data)
{
  double width, height;

  tandem_journey_figure_get_size (f->figure, &width, &height);
  g_assert_cmpfloat (width, >, 1000);
  g_assert_cmpfloat (height, >, 700);

  g_assert_cmpfloat (tandem_journey_figure_get_min_text_size (f->figure), ==,
                     TANDEM_JOURNEY_FONT_SMALLEST);
  g_assert_true (tandem_journey_figure_text_legible_at (f->figure, 1.0, 6));
  g_assert_true (tandem_journey_figure_text_legible_at (f->figure, 0.6, 6));
  g_assert_false (tandem_journey_figure_text_legible_at (f->figure, 0.5, 6));

  /* The title and the key make the exported figure taller. */
  tandem_journey_figure_set_show_title (f->figure, TRUE);
  {
    double titled;

    tandem_journey_figure_get_size (f->figure, NULL, &titled);
    g_assert_cmpfloat (titled, ==, height + TANDEM_JOURNEY_FIGURE_TITLE_HEIGHT);
  }
}

static void
test_index (void)
{
  g_autoptr(TandemItemIndex) index = tandem_item_index_new (100);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (guint));
  cairo_rectangle_t a = { 10, 10, 20, 20 };
  cairo_rectangle_t b = { 250, 250, 20, 20 };
  cairo_rectangle_t huge = { -50000, 0, 100000, 5 };
  cairo_rectangle_t area = { 0, 0, 50, 50 };
  cairo_rectangle_t bad = { NAN, 0, 10, 10 };

  tandem_item_index_insert (index, 1, &a);
  tandem_item_index_insert (index, 2, &b);
  tandem_item_index_insert (index, 3, &huge);
  tandem_item_index_insert (index, 4, &bad);

  tandem_item_index_query (index, &area, items);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_true (g_array_index (items, guint, 0) == 3 || g_array_index (items, guint, 1) == 3);

  /* Each item once, even when it spans many cells. */
  g_array_set_size (items, 0);
  area = (cairo_rectangle_t) { -1000, 0, 2000, 300 };
  tandem_item_index_query (index, &area, items);
  g_assert_cmpuint (items->len, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/journey/layout/slots", test_slots);
  ADD ("/journey/layout/lane-heights", test_lane_heights);
  ADD ("/journey/layout/resize", test_resize);
  ADD ("/journey/layout/hit-test", test_hit);
  ADD ("/journey/layout/hit-test-connectors", test_hit_connector);
  ADD ("/journey/layout/snap", test_snap);
  ADD ("/journey/layout/routes-avoid-cards", test_routes_avoid_cards);
  ADD ("/journey/figure/both-maps", test_both_aligned);
  ADD ("/journey/figure/size-and-legibility", test_size_and_legibility);
  ADD ("/journey/layout/connector-ports", test_connectors_have_ports_of_their_own);
#undef ADD
  g_test_add_func ("/journey/layout/route-around-a-wall", test_route_around_a_wall);
  g_test_add_func ("/journey/layout/index-follows-area", test_index_follows_area);
  g_test_add_func ("/journey/layout/index", test_index);

  return g_test_run ();
}
