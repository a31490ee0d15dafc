/* tandem-journey-palette.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-journey-palette"

#include "config.h"

#include "tandem-journey-palette.h"

/*
 * Colours from the GNOME palette, chosen to stay calm on a projector: a white or near-black
 * page, grey structure, and colour only where it means something. Feelings run from red
 * through orange and grey to green, which people read at a glance; the faces and words make
 * them readable without colour too. High contrast drops tints and thickens lines.
 */

static void
set (TandemColor *color,
     guint32      rgb,
     double       alpha)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = alpha;
}

void
tandem_journey_palette_init (TandemJourneyPalette *palette,
                             gboolean              dark,
                             gboolean              high_contrast)
{
  palette->dark = dark;
  palette->high_contrast = high_contrast;
  palette->line_width = high_contrast ? 2.0 : 1.0;

  if (!dark)
    {
      set (&palette->background, 0xffffff, 1);
      set (&palette->title_text, 0x1e1e1e, 1);
      set (&palette->header_background, 0xebebed, 1);
      set (&palette->header_text, 0x1e1e1e, 1);
      set (&palette->grid_line, 0x000000, high_contrast ? 0.6 : 0.12);
      set (&palette->lane_tint, 0x000000, high_contrast ? 0 : 0.025);
      set (&palette->text, 0x1e1e1e, 1);
      set (&palette->dim_text, 0x1e1e1e, high_contrast ? 1 : 0.68);
      set (&palette->card_background, 0xffffff, 1);
      set (&palette->card_border, 0x000000, high_contrast ? 1 : 0.22);
      set (&palette->card_shadow, 0x000000, high_contrast ? 0 : 0.08);
      set (&palette->accent, 0x1c71d8, 1);
      set (&palette->feeling[TANDEM_FEELING_UNKNOWN], 0xdeddda, 1);
      set (&palette->feeling[TANDEM_FEELING_VERY_BAD], 0xc01c28, 1);
      set (&palette->feeling[TANDEM_FEELING_BAD], 0xf57900, 1);
      set (&palette->feeling[TANDEM_FEELING_NEUTRAL], 0xc0bfbc, 1);
      set (&palette->feeling[TANDEM_FEELING_GOOD], 0x57e389, 1);
      set (&palette->feeling[TANDEM_FEELING_VERY_GOOD], 0x26a269, 1);
      set (&palette->pain_point, 0xc01c28, 1);
      set (&palette->touchpoint, 0xe5a50a, 1);
      set (&palette->connector, 0x3d3846, 0.85);
      set (&palette->loop, 0x813d9c, 1);
      set (&palette->replacement, 0x1a8a9c, 1);
      set (&palette->curve, 0x3d3846, 1);
      set (&palette->emotion_band, 0x000000, high_contrast ? 0 : 0.035);
      set (&palette->label_background, 0xffffff, 1);
    }
  else
    {
      set (&palette->background, 0x1e1e1e, 1);
      set (&palette->title_text, 0xffffff, 1);
      set (&palette->header_background, 0x303030, 1);
      set (&palette->header_text, 0xffffff, 1);
      set (&palette->grid_line, 0xffffff, high_contrast ? 0.6 : 0.12);
      set (&palette->lane_tint, 0xffffff, high_contrast ? 0 : 0.025);
      set (&palette->text, 0xffffff, 1);
      set (&palette->dim_text, 0xffffff, high_contrast ? 1 : 0.72);
      set (&palette->card_background, 0x363636, 1);
      set (&palette->card_border, 0xffffff, high_contrast ? 1 : 0.2);
      set (&palette->card_shadow, 0x000000, high_contrast ? 0 : 0.35);
      set (&palette->accent, 0x78aeed, 1);
      set (&palette->feeling[TANDEM_FEELING_UNKNOWN], 0x5e5c64, 1);
      set (&palette->feeling[TANDEM_FEELING_VERY_BAD], 0xff7b63, 1);
      set (&palette->feeling[TANDEM_FEELING_BAD], 0xffa348, 1);
      set (&palette->feeling[TANDEM_FEELING_NEUTRAL], 0x9a9996, 1);
      set (&palette->feeling[TANDEM_FEELING_GOOD], 0x8ff0a4, 1);
      set (&palette->feeling[TANDEM_FEELING_VERY_GOOD], 0x33d17a, 1);
      set (&palette->pain_point, 0xff7b63, 1);
      set (&palette->touchpoint, 0xf8e45c, 1);
      set (&palette->connector, 0xdeddda, 0.85);
      set (&palette->loop, 0xdc8add, 1);
      set (&palette->replacement, 0x5bc8d9, 1);
      set (&palette->curve, 0xf6f5f4, 1);
      set (&palette->emotion_band, 0xffffff, high_contrast ? 0 : 0.04);
      set (&palette->label_background, 0x1e1e1e, 1);
    }

  palette->selection_fill = palette->accent;
  palette->selection_fill.alpha = 0.12;
  palette->focus_ring = palette->accent;
  palette->focus_ring.alpha = high_contrast ? 1 : 0.6;
}

/**
 * tandem_journey_palette_set_accent:
 *
 * Uses the desktop's accent colour for selection and focus.
 */
void
tandem_journey_palette_set_accent (TandemJourneyPalette *palette,
                                   double                red,
                                   double                green,
                                   double                blue)
{
  palette->accent.red = red;
  palette->accent.green = green;
  palette->accent.blue = blue;
  palette->accent.alpha = 1;
  palette->selection_fill = palette->accent;
  palette->selection_fill.alpha = 0.12;
  palette->focus_ring = palette->accent;
  palette->focus_ring.alpha = palette->high_contrast ? 1 : 0.6;
}

void
tandem_color_set_source (cairo_t           *cr,
                         const TandemColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

void
tandem_color_set_source_alpha (cairo_t           *cr,
                               const TandemColor *color,
                               double             alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}
