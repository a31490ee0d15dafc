/* tandem-journey-figure.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-journey-layout.h"
#include "tandem-replacement.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_JOURNEY_FIGURE (tandem_journey_figure_get_type ())

G_DECLARE_FINAL_TYPE (TandemJourneyFigure, tandem_journey_figure, TANDEM, JOURNEY_FIGURE, GObject)

/**
 * TandemJourneyShow:
 *
 * Which maps of a journey a figure shows.
 */
typedef enum
{
  TANDEM_JOURNEY_SHOW_BEFORE = 1 << 0,
  TANDEM_JOURNEY_SHOW_AFTER  = 1 << 1,
  TANDEM_JOURNEY_SHOW_BOTH   = TANDEM_JOURNEY_SHOW_BEFORE | TANDEM_JOURNEY_SHOW_AFTER,
} TandemJourneyShow;

/**
 * TandemJourneyArrangement:
 * @TANDEM_JOURNEY_ARRANGE_SIDE_BY_SIDE: the after map to the right of the before map
 * @TANDEM_JOURNEY_ARRANGE_ABOVE_BELOW: the after map below, with the stages lined up
 */
typedef enum
{
  TANDEM_JOURNEY_ARRANGE_SIDE_BY_SIDE,
  TANDEM_JOURNEY_ARRANGE_ABOVE_BELOW,
} TandemJourneyArrangement;

typedef enum
{
  TANDEM_LEGEND_FEELING_VERY_GOOD,
  TANDEM_LEGEND_FEELING_GOOD,
  TANDEM_LEGEND_FEELING_NEUTRAL,
  TANDEM_LEGEND_FEELING_BAD,
  TANDEM_LEGEND_FEELING_VERY_BAD,
  TANDEM_LEGEND_TOUCHPOINT,
  TANDEM_LEGEND_PAIN_POINT,
  TANDEM_LEGEND_QUOTES,
  TANDEM_LEGEND_NEXT,
  TANDEM_LEGEND_BRANCH,
  TANDEM_LEGEND_LOOP,
  TANDEM_LEGEND_REPLACED_BY,
  TANDEM_LEGEND_NUMBER,
  TANDEM_N_LEGEND_ENTRIES
} TandemLegendEntry;

typedef struct
{
  TandemReplacement *replacement;
  TandemPoint        points[4];   /* a cubic Bézier from the before card to the after card */
  cairo_rectangle_t  bounds;
} TandemReplacementGeometry;

/**
 * TandemStageRange:
 * @first: the first stage of a part of a map split over pages
 * @n: how many stages it holds
 */
typedef struct
{
  guint first;
  guint n;
} TandemStageRange;

TandemJourneyFigure *tandem_journey_figure_new              (TandemJourney            *journey,
                                                             TandemJourneyShow         show);
TandemJourney       *tandem_journey_figure_get_journey      (TandemJourneyFigure      *self);
TandemJourneyShow    tandem_journey_figure_get_show         (TandemJourneyFigure      *self);
void                 tandem_journey_figure_set_show         (TandemJourneyFigure      *self,
                                                             TandemJourneyShow         show);
TandemJourneyArrangement tandem_journey_figure_get_arrangement (TandemJourneyFigure   *self);
void                 tandem_journey_figure_set_arrangement  (TandemJourneyFigure      *self,
                                                             TandemJourneyArrangement  arrangement);
gboolean             tandem_journey_figure_get_show_title   (TandemJourneyFigure      *self);
void                 tandem_journey_figure_set_show_title   (TandemJourneyFigure      *self,
                                                             gboolean                  show_title);
gboolean             tandem_journey_figure_get_show_legend  (TandemJourneyFigure      *self);
void                 tandem_journey_figure_set_show_legend  (TandemJourneyFigure      *self,
                                                             gboolean                  show_legend);
void                 tandem_journey_figure_set_print        (TandemJourneyFigure      *self,
                                                             gboolean                  print);
gboolean             tandem_journey_figure_get_print        (TandemJourneyFigure      *self);
void                 tandem_journey_figure_set_stage_range  (TandemJourneyFigure      *self,
                                                             guint                     first,
                                                             guint                     n);
GArray              *tandem_journey_figure_split            (TandemJourneyFigure      *self,
                                                             double                    max_width,
                                                             double                    max_height);
void                 tandem_journey_figure_invalidate       (TandemJourneyFigure      *self);
void                 tandem_journey_figure_get_size         (TandemJourneyFigure      *self,
                                                             double                   *width,
                                                             double                   *height);
TandemJourneyLayout *tandem_journey_figure_get_layout       (TandemJourneyFigure      *self,
                                                             TandemMapSide             side);
TandemJourneyLayout *tandem_journey_figure_get_layout_for_map (TandemJourneyFigure    *self,
                                                             TandemJourneyMap         *map);
gboolean             tandem_journey_figure_get_title_rect   (TandemJourneyFigure      *self,
                                                             cairo_rectangle_t        *rect);
gboolean             tandem_journey_figure_get_legend_rect  (TandemJourneyFigure      *self,
                                                             cairo_rectangle_t        *rect);
guint                tandem_journey_figure_get_n_legend_entries (TandemJourneyFigure  *self);
void                 tandem_journey_figure_get_legend_entry (TandemJourneyFigure      *self,
                                                             guint                     index,
                                                             TandemLegendEntry        *entry,
                                                             cairo_rectangle_t        *rect);
guint                tandem_journey_figure_get_n_replacements (TandemJourneyFigure    *self);
const TandemReplacementGeometry *tandem_journey_figure_get_replacement (TandemJourneyFigure *self,
                                                             guint                     index);
gboolean             tandem_journey_figure_get_step_rect    (TandemJourneyFigure      *self,
                                                             TandemStep               *step,
                                                             cairo_rectangle_t        *rect);
gboolean             tandem_journey_figure_lookup           (TandemJourneyFigure      *self,
                                                             double                    x,
                                                             double                    y,
                                                             double                    tolerance,
                                                             TandemJourneyHit         *hit);
void                 tandem_journey_figure_query_steps      (TandemJourneyFigure      *self,
                                                             const cairo_rectangle_t  *area,
                                                             GPtrArray                *steps);
gboolean             tandem_journey_figure_snap             (TandemJourneyFigure      *self,
                                                             double                    x,
                                                             double                    y,
                                                             GPtrArray                *exclude,
                                                             TandemJourneySnap        *snap);
double               tandem_journey_figure_get_min_text_size (TandemJourneyFigure     *self);
gboolean             tandem_journey_figure_text_legible_at  (TandemJourneyFigure      *self,
                                                             double                    scale,
                                                             double                    min_points);

G_END_DECLS
