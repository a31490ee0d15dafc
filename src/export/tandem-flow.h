/* tandem-flow.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

G_BEGIN_DECLS

typedef struct _TandemFlow      TandemFlow;
typedef struct _TandemFlowTable TandemFlowTable;

typedef enum
{
  TANDEM_FLOW_BODY,
  TANDEM_FLOW_SMALL,
  TANDEM_FLOW_LABEL,
  TANDEM_FLOW_CAPTION,
  TANDEM_FLOW_QUOTE,
  TANDEM_FLOW_STRUCK,
} TandemFlowStyle;

typedef enum
{
  TANDEM_PAPER_A4,
  TANDEM_PAPER_A3,
} TandemPaper;

/**
 * TandemFlowFigureFunc:
 * @cr: a context in figure units, already clipped to the part of the figure to draw
 * @x, @y, @width, @height: that part, in figure units, so that the painter draws only what
 *   is visible
 *
 * Draws a figure (a journey map) at its natural size.
 */
typedef void (*TandemFlowFigureFunc) (cairo_t  *cr,
                                      double    x,
                                      double    y,
                                      double    width,
                                      double    height,
                                      gpointer  user_data);

/**
 * TandemFlowPageFunc:
 *
 * Draws a whole page of its own, such as a cover, of @width by @height points.
 */
typedef void (*TandemFlowPageFunc) (cairo_t      *cr,
                                    PangoContext *context,
                                    double        width,
                                    double        height,
                                    gpointer      user_data);

/**
 * TandemFlowProgressFunc:
 * @fraction: the part of the pages written so far, from 0 to 1; it never goes back
 */
typedef void (*TandemFlowProgressFunc) (double    fraction,
                                        gpointer  user_data);

typedef struct
{
  const char *title;
  const char *author;
  const char *subject;
  const char *keywords;
  const char *creator;
  const char *date;   /* ISO 8601 */
} TandemFlowMetadata;

TandemFlow      *tandem_flow_new             (TandemPaper          figure_paper);
void             tandem_flow_free            (TandemFlow          *flow);
PangoContext    *tandem_flow_get_context     (TandemFlow          *flow);
void             tandem_flow_set_text_scale  (TandemFlow          *flow,
                                              double               scale);
void             tandem_flow_set_running_text (TandemFlow         *flow,
                                              const char          *header,
                                              const char          *footer_note);

void             tandem_flow_set_cancellable (TandemFlow          *flow,
                                              GCancellable        *cancellable);
void             tandem_flow_set_progress_func (TandemFlow        *flow,
                                              TandemFlowProgressFunc func,
                                              gpointer             user_data);

void             tandem_flow_custom_page     (TandemFlow          *flow,
                                              TandemFlowPageFunc   func,
                                              gpointer             user_data,
                                              GDestroyNotify       destroy);
void             tandem_flow_contents        (TandemFlow          *flow);
void             tandem_flow_heading         (TandemFlow          *flow,
                                              int                  level,
                                              const char          *text,
                                              gboolean             in_contents);
void             tandem_flow_text            (TandemFlow          *flow,
                                              TandemFlowStyle      style,
                                              const char          *text);
void             tandem_flow_markup          (TandemFlow          *flow,
                                              TandemFlowStyle      style,
                                              const char          *markup);
void             tandem_flow_labelled        (TandemFlow          *flow,
                                              const char          *label,
                                              const char          *text);
void             tandem_flow_list_item       (TandemFlow          *flow,
                                              const char          *text);
void             tandem_flow_keep_with_next  (TandemFlow          *flow);
void             tandem_flow_anchor          (TandemFlow          *flow,
                                              const char          *key);
void             tandem_flow_reference_item  (TandemFlow          *flow,
                                              const char          *text,
                                              const char          *no_page,
                                              const char          *key);
void             tandem_flow_space           (TandemFlow          *flow,
                                              double               points);
void             tandem_flow_page_break      (TandemFlow          *flow);

TandemFlowTable *tandem_flow_table_new       (guint                n_columns,
                                              const double        *fractions,
                                              const char          *caption);
void             tandem_flow_table_set_plain_caption (TandemFlowTable *table,
                                                      const char      *caption);
void             tandem_flow_table_add_row   (TandemFlowTable     *table,
                                              gboolean             header,
                                              const char * const  *texts,
                                              const guint32       *fills);
void             tandem_flow_table           (TandemFlow          *flow,
                                              TandemFlowTable     *table);
void             tandem_flow_figure          (TandemFlow          *flow,
                                              const char          *caption,
                                              double               natural_width,
                                              double               natural_height,
                                              double               min_scale,
                                              TandemFlowFigureFunc func,
                                              gpointer             user_data,
                                              GDestroyNotify       destroy);
void             tandem_flow_get_figure_area (TandemFlow          *flow,
                                              double              *width,
                                              double              *height);
void             tandem_flow_figure_parts    (TandemFlow          *flow,
                                              const char          *caption,
                                              guint                n_parts,
                                              const double        *widths,
                                              const double        *heights,
                                              double               min_scale,
                                              TandemFlowFigureFunc func,
                                              gpointer             user_data,
                                              GDestroyNotify       destroy);

void             tandem_flow_figure_set_alt  (TandemFlow          *flow,
                                              const char          *alt);
void             tandem_flow_tag_begin       (cairo_t             *cr,
                                              const char          *tag);
void             tandem_flow_tag_end         (cairo_t             *cr,
                                              const char          *tag);
guint            tandem_flow_paginate        (TandemFlow          *flow);
guint            tandem_flow_get_n_pages     (TandemFlow          *flow);
void             tandem_flow_get_page_size   (TandemFlow          *flow,
                                              guint                page,
                                              double              *width,
                                              double              *height);
void             tandem_flow_draw_page       (TandemFlow          *flow,
                                              cairo_t             *cr,
                                              guint                page,
                                              gboolean             tagged);
gboolean         tandem_flow_write_pdf       (TandemFlow          *flow,
                                              const char          *path,
                                              const TandemFlowMetadata *metadata,
                                              GError             **error);
guint            tandem_flow_get_n_figures   (TandemFlow          *flow);
guint            tandem_flow_get_n_tables    (TandemFlow          *flow);

G_END_DECLS
