/* tandem-journey-canvas.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-journey.h"
#include "tandem-journey-figure.h"
#include "tandem-journey-selection.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_JOURNEY_CANVAS (tandem_journey_canvas_get_type ())

G_DECLARE_FINAL_TYPE (TandemJourneyCanvas, tandem_journey_canvas, TANDEM, JOURNEY_CANVAS, GtkWidget)

#define TANDEM_JOURNEY_CANVAS_MIN_ZOOM 0.1
#define TANDEM_JOURNEY_CANVAS_MAX_ZOOM 4.0

GtkWidget              *tandem_journey_canvas_new             (TandemJourney          *journey);
TandemJourney          *tandem_journey_canvas_get_journey     (TandemJourneyCanvas    *self);
TandemJourneySelection *tandem_journey_canvas_get_selection   (TandemJourneyCanvas    *self);
TandemJourneyFigure    *tandem_journey_canvas_get_figure      (TandemJourneyCanvas    *self);
TandemJourneyShow       tandem_journey_canvas_get_show        (TandemJourneyCanvas    *self);
void                    tandem_journey_canvas_set_show        (TandemJourneyCanvas    *self,
                                                               TandemJourneyShow       show);
TandemJourneyArrangement tandem_journey_canvas_get_arrangement (TandemJourneyCanvas   *self);
void                    tandem_journey_canvas_set_arrangement (TandemJourneyCanvas    *self,
                                                               TandemJourneyArrangement arrangement);
double                  tandem_journey_canvas_get_zoom        (TandemJourneyCanvas    *self);
double                  tandem_journey_canvas_get_title_pixels (TandemJourneyCanvas   *self);
void                    tandem_journey_canvas_announce        (TandemJourneyCanvas    *self,
                                                               const char             *message);
void                    tandem_journey_canvas_set_zoom        (TandemJourneyCanvas    *self,
                                                               double                  zoom);
void                    tandem_journey_canvas_zoom_to_fit     (TandemJourneyCanvas    *self);
gboolean                tandem_journey_canvas_get_overflows   (TandemJourneyCanvas    *self);
gboolean                tandem_journey_canvas_wants_overview  (TandemJourneyCanvas    *self);
TandemJourneyMap       *tandem_journey_canvas_get_current_map (TandemJourneyCanvas    *self);
TandemStep             *tandem_journey_canvas_add_step        (TandemJourneyCanvas    *self);
void                    tandem_journey_canvas_edit_title      (TandemJourneyCanvas    *self,
                                                               TandemObject           *object,
                                                               const char             *initial_text);
gboolean                tandem_journey_canvas_is_editing      (TandemJourneyCanvas    *self);
GtkWidget              *tandem_journey_canvas_get_editor      (TandemJourneyCanvas    *self);
void                    tandem_journey_canvas_commit_editing  (TandemJourneyCanvas    *self);
void                    tandem_journey_canvas_focus_step      (TandemJourneyCanvas    *self,
                                                               TandemStep             *step);
void                    tandem_journey_canvas_get_viewport    (TandemJourneyCanvas    *self,
                                                               cairo_rectangle_t      *area);
void                    tandem_journey_canvas_center_on       (TandemJourneyCanvas    *self,
                                                               double                  x,
                                                               double                  y);
void                    tandem_journey_canvas_paste_data      (TandemJourneyCanvas    *self,
                                                               const char             *mime_type,
                                                               const char             *data,
                                                               gsize                   length);
char                   *tandem_journey_canvas_describe_step   (TandemJourneyCanvas    *self,
                                                               TandemStep             *step);

G_END_DECLS
