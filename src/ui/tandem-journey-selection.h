/* tandem-journey-selection.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "tandem-object.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_JOURNEY_SELECTION (tandem_journey_selection_get_type ())

G_DECLARE_FINAL_TYPE (TandemJourneySelection, tandem_journey_selection, TANDEM, JOURNEY_SELECTION, GObject)

TandemJourneySelection *tandem_journey_selection_new          (void);
gboolean                tandem_journey_selection_contains     (TandemJourneySelection *self,
                                                               gpointer                object);
guint                   tandem_journey_selection_get_n_items  (TandemJourneySelection *self);
GPtrArray              *tandem_journey_selection_get_items    (TandemJourneySelection *self);
GPtrArray              *tandem_journey_selection_get_steps    (TandemJourneySelection *self);
GHashTable             *tandem_journey_selection_get_set      (TandemJourneySelection *self);
TandemObject           *tandem_journey_selection_get_focus    (TandemJourneySelection *self);
void                    tandem_journey_selection_set_focus    (TandemJourneySelection *self,
                                                               gpointer                object);
void                    tandem_journey_selection_select       (TandemJourneySelection *self,
                                                               gpointer                object);
void                    tandem_journey_selection_select_only  (TandemJourneySelection *self,
                                                               gpointer                object);
void                    tandem_journey_selection_unselect     (TandemJourneySelection *self,
                                                               gpointer                object);
void                    tandem_journey_selection_toggle       (TandemJourneySelection *self,
                                                               gpointer                object);
void                    tandem_journey_selection_set_items    (TandemJourneySelection *self,
                                                               GPtrArray              *objects);
void                    tandem_journey_selection_clear        (TandemJourneySelection *self);
void                    tandem_journey_selection_prune        (TandemJourneySelection *self);

G_END_DECLS
