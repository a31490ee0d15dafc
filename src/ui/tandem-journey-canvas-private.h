/* tandem-journey-canvas-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-document.h"
#include "tandem-journey-canvas.h"
#include "tandem-journey-painter.h"

G_BEGIN_DECLS

/* What a press on the canvas started; each is a tool (tandem-journey-tools.c). */
typedef enum
{
  TANDEM_TOOL_NONE,
  TANDEM_TOOL_MOVE,
  TANDEM_TOOL_RUBBER_BAND,
  TANDEM_TOOL_CONNECT,
  TANDEM_TOOL_RESIZE_STAGE,
  TANDEM_TOOL_RESIZE_LANE,
  TANDEM_TOOL_PAN,
} TandemTool;

struct _TandemJourneyCanvas
{
  GtkWidget                 parent_instance;

  TandemJourney            *journey;
  TandemDocument           *document;
  TandemJourneyFigure      *figure;
  TandemJourneyPainter     *painter;
  TandemJourneySelection   *selection;
  TandemJourneyPaintState   state;

  GtkAdjustment            *hadjustment;
  GtkAdjustment            *vadjustment;
  double                    zoom;
  double                    offset_x;
  double                    offset_y;
  TandemMapSide             current_side;
  guint                     hscroll_policy : 1;
  guint                     vscroll_policy : 1;
  guint                     zoom_initialized : 1;
  guint                     allocating : 1;
  gint64                    title_hint_time;
  guint                     space_held : 1;
  guint                     overflows : 1;

  /* The title editor shown over a card or header */
  GtkWidget                *editor;
  TandemObject             *editing;
  char                     *editing_merge_key;
  gboolean                  editing_new;

  /* The tool the current press started */
  TandemTool                tool;
  TandemJourneyHit          press_hit;
  double                    press_x;        /* figure coordinates */
  double                    press_y;
  double                    pan_h;
  double                    pan_v;
  double                    resize_start;
  GdkModifierType           press_modifiers;
  gboolean                  press_was_selected;
  gboolean                  moved;
  GPtrArray                *press_selection;
  char                     *drag_merge_key;
  double                    pointer_x;      /* view coordinates, last seen */
  double                    pointer_y;
  double                    pinch_zoom;
  double                    pinch_x;
  double                    pinch_y;

  /* What the context menu acts on */
  TandemObject             *context_object;
  GtkWidget                *context_menu;

  /* What just happened to the focused step (a move, an undo), said before its name */
  char                     *announcement;
  TandemStep               *announced_step;

  guint                     serial;
  gulong                    document_changed_id;
};

void     _tandem_journey_canvas_add_tools        (TandemJourneyCanvas *self);
void     _tandem_journey_canvas_view_to_figure   (TandemJourneyCanvas *self,
                                                  double               vx,
                                                  double               vy,
                                                  double              *fx,
                                                  double              *fy);
void     _tandem_journey_canvas_figure_to_view   (TandemJourneyCanvas *self,
                                                  double               fx,
                                                  double               fy,
                                                  double              *vx,
                                                  double              *vy);
void     _tandem_journey_canvas_zoom_at          (TandemJourneyCanvas *self,
                                                  double               zoom,
                                                  double               vx,
                                                  double               vy);
double   _tandem_journey_canvas_tolerance        (TandemJourneyCanvas *self);
gboolean _tandem_journey_canvas_lookup           (TandemJourneyCanvas *self,
                                                  double               fx,
                                                  double               fy,
                                                  TandemJourneyHit    *hit);
TandemStep *_tandem_journey_canvas_add_step_at   (TandemJourneyCanvas *self,
                                                  const TandemJourneySnap *snap);
void     _tandem_journey_canvas_move_selection   (TandemJourneyCanvas *self,
                                                  double               dx,
                                                  double               dy);
void     _tandem_journey_canvas_popup_menu       (TandemJourneyCanvas *self,
                                                  const TandemJourneyHit *hit,
                                                  double               vx,
                                                  double               vy);
char    *_tandem_journey_canvas_new_merge_key    (TandemJourneyCanvas *self,
                                                  const char          *what);
void     _tandem_journey_canvas_select_steps     (TandemJourneyCanvas *self,
                                                  GPtrArray           *steps,
                                                  TandemStep          *focus);

G_END_DECLS
