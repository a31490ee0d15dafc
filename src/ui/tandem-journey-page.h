/* tandem-journey-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-journey.h"
#include "tandem-journey-canvas.h"
#include "tandem-journey-export.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_JOURNEY_PAGE (tandem_journey_page_get_type ())

G_DECLARE_FINAL_TYPE (TandemJourneyPage, tandem_journey_page, TANDEM, JOURNEY_PAGE, AdwBin)

GtkWidget           *tandem_journey_page_new        (TandemJourney     *journey);
TandemJourney       *tandem_journey_page_get_journey (TandemJourneyPage *self);
TandemJourneyCanvas *tandem_journey_page_get_canvas (TandemJourneyPage *self);
GtkWidget           *tandem_journey_page_get_step_list (TandemJourneyPage *self);
GtkWidget           *tandem_journey_page_get_step_panel (TandemJourneyPage *self);
GtkWidget           *tandem_journey_page_get_measures (TandemJourneyPage *self);
void                 tandem_journey_page_copy_before_to_after (TandemJourneyPage *self);
const char          *tandem_journey_page_get_last_message (TandemJourneyPage *self);
void                 tandem_journey_page_export_to_file (TandemJourneyPage             *self,
                                                         GFile                         *file,
                                                         const TandemJourneyExportOptions *options);

void               tandem_journey_page_reveal         (TandemJourneyPage *self,
                                                       TandemObject      *object,
                                                       const char        *what);

G_END_DECLS
