/* tandem-journey-fixture.h: small journeys built in code, shared by the journey tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-document.h"
#include "tandem-journey.h"
#include "tandem-journey-edit.h"

G_BEGIN_DECLS

TandemStep    *tandem_test_add_step        (TandemJourney    *journey,
                                            TandemMapSide     side,
                                            guint             stage,
                                            guint             lane,
                                            double            order,
                                            const char       *title);
TandemJourney *tandem_test_add_journey     (TandemDocument   *document,
                                            const char       *title);
TandemJourney *tandem_test_feverish_child  (TandemDocument   *document);
TandemJourney *tandem_test_large_journey   (TandemDocument   *document,
                                            guint             n_steps,
                                            guint             n_stages);

G_END_DECLS
