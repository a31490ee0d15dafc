/* tandem-step-panel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-journey-canvas.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_STEP_PANEL (tandem_step_panel_get_type ())

G_DECLARE_FINAL_TYPE (TandemStepPanel, tandem_step_panel, TANDEM, STEP_PANEL, AdwBin)

GtkWidget  *tandem_step_panel_new         (TandemJourneyCanvas *canvas);
TandemStep *tandem_step_panel_get_step    (TandemStepPanel     *self);
void        tandem_step_panel_focus_title (TandemStepPanel     *self);
GtkWidget  *tandem_step_panel_get_row     (TandemStepPanel     *self,
                                           const char          *name);
void        tandem_step_panel_add_quote   (TandemStepPanel     *self);

G_END_DECLS
