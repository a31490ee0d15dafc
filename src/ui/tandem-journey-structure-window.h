/* tandem-journey-structure-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-journey.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_JOURNEY_STRUCTURE_WINDOW (tandem_journey_structure_window_get_type ())

G_DECLARE_FINAL_TYPE (TandemJourneyStructureWindow, tandem_journey_structure_window, TANDEM, JOURNEY_STRUCTURE_WINDOW, AdwPreferencesWindow)

GtkWidget  *tandem_journey_structure_window_new      (TandemJourney                *journey);
GtkListBox *tandem_journey_structure_window_get_list (TandemJourneyStructureWindow *self,
                                                      gboolean                      stages);

G_END_DECLS
