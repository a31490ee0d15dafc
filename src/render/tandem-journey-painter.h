/* tandem-journey-painter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tandem-journey-figure.h"
#include "tandem-journey-palette.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_JOURNEY_PAINTER (tandem_journey_painter_get_type ())

G_DECLARE_FINAL_TYPE (TandemJourneyPainter, tandem_journey_painter, TANDEM, JOURNEY_PAINTER, GObject)

/**
 * TandemJourneyPaintState:
 * @palette: the colours
 * @selected: (nullable): the selected objects (steps, connectors, links), as a set
 * @focused: (nullable): the object with the keyboard focus
 * @focus_visible: whether to draw the focus ring (after keyboard use, as GTK does)
 * @hovered: (nullable): the object under the pointer
 * @editing: (nullable): the step whose title is being edited over its card
 * @dragging: whether the selected steps are being dragged by (@drag_dx, @drag_dy)
 * @show_drop: whether to mark @drop, where dragged steps would land
 * @connecting: whether a connector is being drawn from @connect_from to @connect_to
 * @rubber_band: whether a selection rectangle @band is being drawn
 *
 * What the canvas adds to the model when painting: selection, focus and what the pointer is
 * doing. Exports use tandem_journey_paint_state_init() alone.
 */
typedef struct
{
  TandemJourneyPalette  palette;
  GHashTable           *selected;
  TandemObject         *focused;
  gboolean              focus_visible;
  TandemObject         *hovered;
  TandemStep           *editing;
  gboolean              dragging;
  double                drag_dx;
  double                drag_dy;
  gboolean              show_drop;
  cairo_rectangle_t     drop;
  gboolean              connecting;
  TandemPoint           connect_from;
  TandemPoint           connect_to;
  gboolean              rubber_band;
  cairo_rectangle_t     band;
} TandemJourneyPaintState;

/* Draws @layout in @cr's source at the current point, as pango_cairo_show_layout() would. */
typedef void (*TandemJourneyTextFunc) (cairo_t     *cr,
                                       PangoLayout *layout,
                                       gpointer     user_data);

void                  tandem_journey_paint_state_init (TandemJourneyPaintState       *state);

TandemJourneyPainter *tandem_journey_painter_new      (void);
TandemJourneyPainter *tandem_journey_painter_get_default (void);
const char           *tandem_journey_painter_get_font_family (TandemJourneyPainter   *self);
void                  tandem_journey_painter_draw     (TandemJourneyPainter          *self,
                                                       cairo_t                       *cr,
                                                       TandemJourneyFigure           *figure,
                                                       const TandemJourneyPaintState *state);
void                  tandem_journey_painter_draw_pinned_headers (TandemJourneyPainter *self,
                                                       cairo_t                       *cr,
                                                       TandemJourneyFigure           *figure,
                                                       const TandemJourneyPaintState *state,
                                                       const cairo_rectangle_t       *viewport);
void                  tandem_journey_painter_draw_overview (TandemJourneyPainter    *self,
                                                       cairo_t                       *cr,
                                                       TandemJourneyFigure           *figure,
                                                       const TandemJourneyPalette    *palette);
void                  tandem_journey_paint            (cairo_t                       *cr,
                                                       TandemJourneyFigure           *figure,
                                                       double                         x,
                                                       double                         y,
                                                       double                         scale);
void                  tandem_journey_painter_set_text_func (cairo_t               *cr,
                                                       TandemJourneyTextFunc  func,
                                                       gpointer               user_data);
void                  tandem_journey_painter_clear_cache (TandemJourneyPainter       *self);

G_END_DECLS
