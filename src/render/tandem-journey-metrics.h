/* tandem-journey-metrics.h: the sizes a journey figure is built from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Units are points (1/72 inch) at scale 1: a PDF page uses them as they are, and the canvas at
 * 100% shows one unit as one logical pixel. Text sizes are chosen so that a map at 100% is
 * readable from the back of a workshop room on a projector, and a map scaled to fit a
 * landscape A4 page stays at 6 pt or more for typical journeys. */

#define TANDEM_JOURNEY_FIGURE_TITLE_HEIGHT 52.0   /* journey title above the maps, exports */
#define TANDEM_JOURNEY_MAP_TITLE_HEIGHT    44.0   /* "Before: the journey today" */
#define TANDEM_JOURNEY_STAGE_HEADER_HEIGHT 48.0
#define TANDEM_JOURNEY_LANE_HEADER_WIDTH   176.0
#define TANDEM_JOURNEY_EMOTION_HEIGHT      150.0
#define TANDEM_JOURNEY_EMOTION_TOP         34.0    /* first level line below the band's top */
#define TANDEM_JOURNEY_EMOTION_STEP        24.0    /* between level lines */
#define TANDEM_JOURNEY_MAP_GAP             64.0    /* between the two maps of "both" */
#define TANDEM_JOURNEY_MARGIN              24.0    /* around the figure */

#define TANDEM_JOURNEY_CELL_PAD_X          20.0   /* half the slot gap, so stages keep it too */
#define TANDEM_JOURNEY_CELL_PAD_Y          12.0
#define TANDEM_JOURNEY_SLOT_GAP            40.0   /* room for an arrow between neighbours */
#define TANDEM_JOURNEY_CARD_MIN_WIDTH      150.0
#define TANDEM_JOURNEY_CARD_MAX_WIDTH      320.0
#define TANDEM_JOURNEY_CARD_MIN_HEIGHT     84.0
#define TANDEM_JOURNEY_CARD_PAD            10.0
#define TANDEM_JOURNEY_CARD_RADIUS         8.0
#define TANDEM_JOURNEY_CARD_EDGE           7.0     /* the band along a card's edge that connects */
#define TANDEM_JOURNEY_RESIZE_GRIP         6.0
#define TANDEM_JOURNEY_CARD_BOTTOM_ROW     16.0    /* the feeling's face and the markers */
#define TANDEM_JOURNEY_EMPTY_LANE_HEIGHT   40.0    /* a lane with no steps: its title, one line */
#define TANDEM_JOURNEY_LANE_DEFAULT_HEIGHT 150.0   /* the model's default: not chosen by hand */

#define TANDEM_JOURNEY_LEGEND_ROW_HEIGHT   30.0
#define TANDEM_JOURNEY_LEGEND_ENTRY_WIDTH  172.0
#define TANDEM_JOURNEY_LEGEND_TITLE_HEIGHT 30.0

/* Printed maps (the appendix): compact cards, all their text of the smallest size, so that
 * the sample's maps fit one A4 page each with every text at 7 pt or more. */
#define TANDEM_JOURNEY_PRINT_CARD_WIDTH    78.0
#define TANDEM_JOURNEY_PRINT_CARD_MIN_HEIGHT 44.0
#define TANDEM_JOURNEY_PRINT_CARD_PAD      4.0
#define TANDEM_JOURNEY_PRINT_CELL_PAD_X    3.0
#define TANDEM_JOURNEY_PRINT_CELL_PAD_Y    4.0
#define TANDEM_JOURNEY_PRINT_SLOT_GAP      8.0
#define TANDEM_JOURNEY_PRINT_TITLE_LINES   6
#define TANDEM_JOURNEY_PRINT_LANE_HEADER_WIDTH 96.0
#define TANDEM_JOURNEY_PRINT_EMOTION_TOP   14.0    /* "How it felt" beside the levels */
#define TANDEM_JOURNEY_PRINT_EMOTION_STEP  13.0
#define TANDEM_JOURNEY_PRINT_EMOTION_HEIGHT 78.0
#define TANDEM_JOURNEY_PRINT_MARGIN        8.0
#define TANDEM_JOURNEY_PRINT_LEGEND_ENTRY_WIDTH 164.0
#define TANDEM_JOURNEY_PRINT_LEGEND_ROW_HEIGHT 20.0
#define TANDEM_JOURNEY_PRINT_LEGEND_TITLE_HEIGHT 22.0

/* Font sizes, in units */
#define TANDEM_JOURNEY_FONT_FIGURE_TITLE   22.0
#define TANDEM_JOURNEY_FONT_MAP_TITLE      18.0
#define TANDEM_JOURNEY_FONT_HEADER         14.0
#define TANDEM_JOURNEY_FONT_CARD_TITLE     14.0
#define TANDEM_JOURNEY_FONT_CARD_BODY      12.0
#define TANDEM_JOURNEY_FONT_SMALL          11.0
#define TANDEM_JOURNEY_FONT_SMALLEST       11.0
