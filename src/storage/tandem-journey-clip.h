/* tandem-journey-clip.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tandem-journey-map.h"
#include "tandem-step.h"

G_BEGIN_DECLS

/* The clipboard format for steps: JSON in the interchange format, with the titles of the
 * stages and lanes they were in, so that pasting into another journey can find them. */
#define TANDEM_JOURNEY_CLIP_MIME_TYPE "application/x-tandem-steps+json"
#define TANDEM_JOURNEY_CLIP_FORMAT    "tandem-steps"
#define TANDEM_JOURNEY_CLIP_MAX_LINES 200

char     *tandem_journey_clip_copy       (GPtrArray        *steps,
                                          gsize            *length);
char     *tandem_journey_clip_copy_text  (GPtrArray        *steps);
gboolean  tandem_journey_clip_paste      (TandemJourneyMap *map,
                                          const char       *data,
                                          gsize             length,
                                          TandemStep       *after,
                                          GPtrArray        *pasted,
                                          GError          **error);
gboolean  tandem_journey_clip_paste_text (TandemJourneyMap *map,
                                          const char       *text,
                                          TandemStep       *after,
                                          GPtrArray        *pasted,
                                          GError          **error);

G_END_DECLS
