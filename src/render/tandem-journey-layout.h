/* tandem-journey-layout.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "tandem-connector.h"
#include "tandem-journey.h"
#include "tandem-journey-map.h"
#include "tandem-journey-route.h"
#include "tandem-lane.h"
#include "tandem-stage.h"
#include "tandem-step.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_JOURNEY_LAYOUT (tandem_journey_layout_get_type ())

G_DECLARE_FINAL_TYPE (TandemJourneyLayout, tandem_journey_layout, TANDEM, JOURNEY_LAYOUT, GObject)

typedef struct
{
  TandemStage *stage;
  double       x;
  double       width;
  double       card_width;
  guint        n_slots;
  double       spread;       /* room added between its cards for connector labels */
} TandemStageGeometry;

typedef struct
{
  TandemLane *lane;
  double      y;
  double      height;
  double      card_height;
} TandemLaneGeometry;

typedef struct
{
  TandemStep        *step;
  cairo_rectangle_t  rect;
  guint              stage;
  guint              lane;
  guint              slot;
  double             shift;        /* room added before it in its stage, for labels */
  guint              number;       /* 1-based, in journey order */
  gboolean           has_feeling;
  int                score;        /* -2 … +2 */
  TandemPoint        curve;        /* the point on the emotion curve, when it has a feeling */
  gboolean           print;        /* drawn as a compact printed card */
} TandemCardGeometry;

typedef struct
{
  TandemConnector   *connector;
  guint              from;         /* card indices */
  guint              to;
  cairo_rectangle_t  region;       /* the route stays inside */
  gboolean           routed;
  gboolean           avoids_cards; /* FALSE when the neighbourhood was too crowded to search */
  GArray            *points;       /* TandemPoint, once routed */
  cairo_rectangle_t  label;        /* empty without a label */
  double             from_offset;  /* where it leaves and arrives, from the middle of the side */
  double             to_offset;
} TandemConnectorGeometry;

typedef enum
{
  TANDEM_JOURNEY_HIT_NONE,
  TANDEM_JOURNEY_HIT_STEP,
  TANDEM_JOURNEY_HIT_STEP_EDGE,
  TANDEM_JOURNEY_HIT_CONNECTOR,
  TANDEM_JOURNEY_HIT_REPLACEMENT,
  TANDEM_JOURNEY_HIT_STAGE,
  TANDEM_JOURNEY_HIT_STAGE_EDGE,
  TANDEM_JOURNEY_HIT_LANE,
  TANDEM_JOURNEY_HIT_LANE_EDGE,
  TANDEM_JOURNEY_HIT_CELL,
  TANDEM_JOURNEY_HIT_MAP,
} TandemJourneyHitKind;

/**
 * TandemJourneyHit:
 * @kind: what is under the point
 * @map: the map it is on, if any
 * @object: the step, connector, replacement, stage or lane
 * @stage: for a cell or a step, its stage
 * @lane: for a cell or a step, its lane
 */
typedef struct
{
  TandemJourneyHitKind  kind;
  TandemJourneyMap     *map;
  TandemObject         *object;
  TandemStage          *stage;
  TandemLane           *lane;
} TandemJourneyHit;

/**
 * TandemJourneySnap:
 * @map: the map the point is over
 * @stage: the stage (column) under the point, or the nearest
 * @lane: the lane (row) under the point, or the nearest
 * @index: where a step dropped there goes among the stage's steps, in journey order, not
 *   counting the steps being moved
 * @marker: where to show that place: a thin bar between cards
 *
 * Where a point lands on a map: tandem_journey_map_order_at() turns @index into an order.
 */
typedef struct
{
  TandemJourneyMap  *map;
  TandemStage       *stage;
  TandemLane        *lane;
  guint              index;
  cairo_rectangle_t  marker;
} TandemJourneySnap;

/* Items in the index: the kind in the top bits, the card or connector index below. */
#define TANDEM_JOURNEY_ITEM_CARD      1u
#define TANDEM_JOURNEY_ITEM_CONNECTOR 2u
#define TANDEM_JOURNEY_ITEM(kind, i)  (((kind) << 24) | (i))
#define TANDEM_JOURNEY_ITEM_KIND(item) ((item) >> 24)
#define TANDEM_JOURNEY_ITEM_INDEX(item) ((item) & 0xffffff)

TandemJourneyLayout *tandem_journey_layout_new            (TandemJourneyMap      *map);
TandemJourneyMap    *tandem_journey_layout_get_map        (TandemJourneyLayout   *self);
void                 tandem_journey_layout_set_print      (TandemJourneyLayout   *self,
                                                           gboolean               print);
gboolean             tandem_journey_layout_get_print      (TandemJourneyLayout   *self);
double               tandem_journey_layout_get_lane_header_width (TandemJourneyLayout *self);
void                 tandem_journey_layout_set_stage_range (TandemJourneyLayout  *self,
                                                           guint                  first,
                                                           guint                  n);
void                 tandem_journey_layout_get_continuation (TandemJourneyLayout *self,
                                                           gboolean              *from_before,
                                                           gboolean              *goes_on);
void                 tandem_journey_layout_update         (TandemJourneyLayout   *self,
                                                           double                 x,
                                                           double                 y,
                                                           const double          *min_stage_widths,
                                                           guint                  n_min_stage_widths);
void                 tandem_journey_layout_get_bounds     (TandemJourneyLayout   *self,
                                                           cairo_rectangle_t     *bounds);
void                 tandem_journey_layout_get_title_rect (TandemJourneyLayout   *self,
                                                           cairo_rectangle_t     *rect);
void                 tandem_journey_layout_get_grid_rect  (TandemJourneyLayout   *self,
                                                           cairo_rectangle_t     *rect);
void                 tandem_journey_layout_get_emotion_rect (TandemJourneyLayout *self,
                                                           cairo_rectangle_t     *rect);
void                 tandem_journey_layout_get_pinned_headers (TandemJourneyLayout   *self,
                                                           const cairo_rectangle_t *viewport,
                                                           gboolean              *pin_lanes,
                                                           gboolean              *pin_stages);
double               tandem_journey_layout_get_emotion_level_y (TandemJourneyLayout *self,
                                                           int                    score);
void                 tandem_journey_layout_get_natural_stage_widths (TandemJourneyLayout *self,
                                                           double                *widths,
                                                           guint                  n_widths);

guint                         tandem_journey_layout_get_n_stages     (TandemJourneyLayout *self);
const TandemStageGeometry    *tandem_journey_layout_get_stage        (TandemJourneyLayout *self,
                                                                      guint                index);
guint                         tandem_journey_layout_get_n_lanes      (TandemJourneyLayout *self);
const TandemLaneGeometry     *tandem_journey_layout_get_lane         (TandemJourneyLayout *self,
                                                                      guint                index);
guint                         tandem_journey_layout_get_n_cards      (TandemJourneyLayout *self);
const TandemCardGeometry     *tandem_journey_layout_get_card         (TandemJourneyLayout *self,
                                                                      guint                index);
const TandemCardGeometry     *tandem_journey_layout_find_card        (TandemJourneyLayout *self,
                                                                      TandemStep          *step);
guint                         tandem_journey_layout_get_n_connectors (TandemJourneyLayout *self);
const TandemConnectorGeometry *tandem_journey_layout_get_connector   (TandemJourneyLayout *self,
                                                                      guint                index);
const TandemConnectorGeometry *tandem_journey_layout_route_connector (TandemJourneyLayout *self,
                                                                      guint                index);

void                 tandem_journey_layout_query          (TandemJourneyLayout     *self,
                                                           const cairo_rectangle_t *area,
                                                           GArray                  *items);
gboolean             tandem_journey_layout_lookup         (TandemJourneyLayout     *self,
                                                           double                   x,
                                                           double                   y,
                                                           double                   tolerance,
                                                           TandemJourneyHit        *hit);
gboolean             tandem_journey_layout_snap           (TandemJourneyLayout     *self,
                                                           double                   x,
                                                           double                   y,
                                                           GPtrArray               *exclude,
                                                           TandemJourneySnap       *snap);
int                  tandem_journey_layout_stage_at       (TandemJourneyLayout     *self,
                                                           double                   x);
int                  tandem_journey_layout_lane_at        (TandemJourneyLayout     *self,
                                                           double                   y);

G_END_DECLS
