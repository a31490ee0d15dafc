/* tandem-appendix-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-flow.h"
#include "tandem-appendix.h"
#include "tandem-evidence-link.h"
#include "tandem-journey.h"

G_BEGIN_DECLS

void _tandem_appendix_add_journey_figures (TandemFlow    *flow,
                                           TandemJourney *journey,
                                           gboolean       with_text);
GPtrArray *_tandem_appendix_split_map (TandemJourney *journey,
                                       TandemMapSide  side,
                                       double         area_width,
                                       double         area_height);

void  _tandem_appendix_add_engagement (TandemFlow                  *flow,
                                      TandemDocument              *document,
                                      const TandemAppendixOptions *options);
void  _tandem_appendix_add_evidence_target (TandemFlow         *flow,
                                           TandemEvidenceLink *link);

G_END_DECLS
