/* tandem-projector-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-journey-canvas.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PROJECTOR_VIEW (tandem_projector_view_get_type ())

G_DECLARE_FINAL_TYPE (TandemProjectorView, tandem_projector_view, TANDEM, PROJECTOR_VIEW, AdwBin)

/* The smallest card title in projector mode, in pixels at the desktop's normal text size: read
 * from the back of a workshop room on a 1920×1080 projector. */
#define TANDEM_PROJECTOR_MIN_TITLE_PX 24.0

GtkWidget           *tandem_projector_view_new               (TandemJourneyCanvas *source);
TandemJourneyCanvas *tandem_projector_view_get_canvas        (TandemProjectorView *self);
TandemStep          *tandem_projector_view_get_current_step  (TandemProjectorView *self);
gboolean             tandem_projector_view_get_one_stage     (TandemProjectorView *self);
void                 tandem_projector_view_set_one_stage     (TandemProjectorView *self,
                                                              gboolean             one_stage);
void                 tandem_projector_view_walk              (TandemProjectorView *self,
                                                              int                  delta);
double               tandem_projector_view_get_text_scale    (TandemProjectorView *self);
double               tandem_projector_view_get_title_pixels  (TandemProjectorView *self);
void                 tandem_projector_view_record_feeling    (TandemProjectorView *self,
                                                              TandemFeeling        feeling);
void                 tandem_projector_view_start             (TandemProjectorView *self,
                                                              TandemStep          *step);

G_END_DECLS
