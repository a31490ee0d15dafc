/* tandem-journey-palette.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "tandem-types.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} TandemColor;

/**
 * TandemJourneyPalette:
 *
 * The colours of a journey figure. The canvas fills it from the desktop's style (dark, high
 * contrast, accent colour); exports use the light one. Colour never carries meaning alone:
 * every feeling also has a face and a word, every marker a shape, every connector kind a
 * line style.
 */
typedef struct
{
  gboolean    dark;
  gboolean    high_contrast;
  double      line_width;        /* 1, or thicker in high contrast */

  TandemColor background;
  TandemColor title_text;
  TandemColor header_background;
  TandemColor header_text;
  TandemColor grid_line;
  TandemColor lane_tint;
  TandemColor text;
  TandemColor dim_text;
  TandemColor card_background;
  TandemColor card_border;
  TandemColor card_shadow;
  TandemColor accent;
  TandemColor selection_fill;
  TandemColor focus_ring;
  TandemColor feeling[6];        /* indexed by TandemFeeling */
  TandemColor pain_point;
  TandemColor touchpoint;
  TandemColor connector;
  TandemColor loop;
  TandemColor replacement;
  TandemColor curve;
  TandemColor emotion_band;
  TandemColor label_background;
} TandemJourneyPalette;

void tandem_journey_palette_init       (TandemJourneyPalette *palette,
                                        gboolean              dark,
                                        gboolean              high_contrast);
void tandem_journey_palette_set_accent (TandemJourneyPalette *palette,
                                        double                red,
                                        double                green,
                                        double                blue);
void tandem_color_set_source           (cairo_t              *cr,
                                        const TandemColor    *color);
void tandem_color_set_source_alpha     (cairo_t              *cr,
                                        const TandemColor    *color,
                                        double                alpha);

G_END_DECLS
