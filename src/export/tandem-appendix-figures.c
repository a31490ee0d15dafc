/* tandem-appendix-figures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-appendix"

#include "config.h"

#include "tandem-appendix-private.h"

/*
 * The journey figures of the appendix, drawn by the journey painter (src/render) — the same
 * drawing routine as the canvas. Until the painter is merged, this adds nothing.
 */

void
_tandem_appendix_add_journey_figures (TandemFlow    *flow,
                                      TandemJourney *journey)
{
}
