/* tandem-flow.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-flow"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "tandem-file-writer.h"
#include "tandem-flow.h"
#include "tandem-pdf-tags.h"

/*
 * A small pagination engine for the appendix: a flow of blocks (headings, paragraphs, tables,
 * figures, whole pages) laid out once onto pages, then drawn onto any cairo context: a PDF
 * surface, or a printer through GtkPrintOperation, so that the print and the PDF have the
 * same pages. Text is shaped by Pango with hinting off, so measurements do not depend on the
 * output. Long text flows onto following pages at line boundaries; tables repeat their header
 * row; a figure too large to be legible on one page is split into parts (a journey map
 * between its stages, by its caller; another figure into overlapping tiles). Nothing is ever
 * drawn over a figure: the parts say themselves that they continue.
 */

#define A4_SHORT 595.2756
#define A4_LONG  841.8898
#define A3_LONG  1190.5512
#define MARGIN_SIDE 56.7
#define MARGIN_TOP 72.0
#define MARGIN_BOTTOM 64.0
#define CELL_PADDING 4.0
#define FIGURE_OVERLAP 0.08
#define FIGURE_CAPTION_ROOM 36.0   /* two lines of a 9 pt caption, and the space above */
#define FONT_FAMILY "Noto Sans, DejaVu Sans, sans-serif"

typedef enum
{
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_SPACE,
  BLOCK_PAGE_BREAK,
  BLOCK_TABLE,
  BLOCK_FIGURE,
  BLOCK_CUSTOM_PAGE,
  BLOCK_CONTENTS,
} BlockKind;

typedef struct
{
  PangoLayout *layout;
  guint32      fill;
  gboolean     has_fill;
} Cell;

typedef struct
{
  Cell    *cells;
  gboolean header;
  double   height;
} Row;

struct _TandemFlowTable
{
  guint    n_columns;
  double  *fractions;
  char    *caption;
  GArray  *rows;  /* Row */
  guint    number;
  gboolean plain;  /* the caption is shown as it is, without "Table N:" */
};

typedef struct
{
  char                *caption;
  double               width;
  double               height;
  double               min_scale;
  TandemFlowFigureFunc func;
  gpointer             data;
  GDestroyNotify       destroy;
  guint                number;
  PangoLayout         *caption_layout;
  char                *alt;  /* what the figure shows, for readers who cannot see it */
  GArray              *parts;      /* double x, width, height: side by side, a page each */
} Figure;

typedef struct _Block
{
  BlockKind           kind;
  PangoLayout        *layout;
  double              indent;
  double              space_before;
  double              space_after;
  int                 level;
  gboolean            in_contents;
  gboolean            keep_with_next;  /* headings, captions, labels: never alone at a foot */
  gboolean            list_item;
  struct _Block      *caption_of;      /* a caption: the table block it belongs to */
  guint               id;
  TandemFlowTable    *table;
  Figure             *figure;
  TandemFlowPageFunc  page_func;
  gpointer            page_data;
  GDestroyNotify      page_destroy;
  char               *ref_key;      /* a reference: the anchor whose page it names */
  char               *ref_text;     /* ... its text, "{page}" standing for the page number */
  char               *ref_no_page;  /* ... its text when the anchor is not in the flow */
} Block;

typedef enum
{
  FRAGMENT_TEXT,
  FRAGMENT_ROW,
  FRAGMENT_FIGURE,
  FRAGMENT_CUSTOM,
  FRAGMENT_CONTENTS_TITLE,
  FRAGMENT_CONTENTS_ENTRY,
} FragmentKind;

typedef struct
{
  FragmentKind kind;
  Block       *block;
  double       x;
  double       y;
  double       offset;   /* into the block's text or row, in points */
  double       height;
  guint        row;
  gboolean     first;    /* the first fragment of its block: where links point */
  double       tile_x, tile_y, tile_width, tile_height, scale;
  guint        part, n_parts;
} Fragment;

typedef struct
{
  double  width;
  double  height;
  GArray *fragments;  /* Fragment */
  gboolean custom;
} Page;

struct _TandemFlow
{
  TandemPaper   figure_paper;
  PangoFontMap *font_map;
  PangoContext *context;
  GPtrArray    *blocks;   /* Block */
  GPtrArray    *pages;    /* Page */
  GHashTable   *heading_pages;  /* block id -> page index + 1 */
  GHashTable   *anchors;        /* key -> block id of a heading, for references */
  char         *header;
  char         *footer_note;
  guint         next_id;
  guint         n_tables;
  guint         n_figures;
  gboolean      paginated;
  Block        *open_table;  /* while writing a tagged PDF: the table whose rows are being drawn */
  GCancellable *cancellable;
  TandemFlowProgressFunc progress_func;
  gpointer      progress_data;
  gboolean      open_toc;    /* ... whether the contents entries' TOC is open */
  /* ... the contents entries (TOCI) open inside it, outermost first: each one's heading
   * level, and whether it holds a TOC of the entries under it */
  int           toc_levels[4];
  gboolean      toc_nested[4];
  guint         toc_depth;
  gboolean      open_list;   /* ... whether a list (L) is open */
  GPtrArray    *figure_alts; /* ... the /Alt of each Figure element begun, in order */
  double        text_scale;  /* every font size times this; 1 for the appendix */
};

/* Flows with more blocks than this (a journey of a few thousand steps written out as text)
 * shape their paragraphs again when drawing rather than hold every paragraph's glyphs. */
#define RESHAPE_ABOVE_BLOCKS 8192

/* Auxiliary methods */

static PangoLayout *
make_layout (TandemFlow  *flow,
             const char  *font,
             const char  *markup,
             double       width)
{
  PangoLayout *layout = pango_layout_new (flow->context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  if (flow->text_scale != 1.0)
    pango_font_description_set_size (description,
                                     (int)(pango_font_description_get_size (description) *
                                           flow->text_scale));
  pango_layout_set_font_description (layout, description);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_markup (layout, markup, -1);

  return layout;
}

static double
content_width_portrait (void)
{
  return A4_SHORT - 2 * MARGIN_SIDE;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return height / (double)PANGO_SCALE;
}

static const char *
style_font (TandemFlowStyle style)
{
  switch (style)
    {
    case TANDEM_FLOW_SMALL:
      return FONT_FAMILY " 8.5";
    case TANDEM_FLOW_LABEL:
      return FONT_FAMILY " Bold 9";
    case TANDEM_FLOW_CAPTION:
      return FONT_FAMILY " Italic 9";
    case TANDEM_FLOW_QUOTE:
      return FONT_FAMILY " Italic 10";
    case TANDEM_FLOW_BODY:
    case TANDEM_FLOW_STRUCK:
    default:
      return FONT_FAMILY " 10";
    }
}

static Block *
add_block (TandemFlow *flow,
           BlockKind   kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->id = ++flow->next_id;
  g_ptr_array_add (flow->blocks, block);
  flow->paginated = FALSE;

  return block;
}

static void
table_free (TandemFlowTable *table)
{
  for (guint i = 0; i < table->rows->len; i++)
    {
      Row *row = &g_array_index (table->rows, Row, i);

      for (guint j = 0; j < table->n_columns; j++)
        g_clear_object (&row->cells[j].layout);
      g_free (row->cells);
    }

  g_array_unref (table->rows);
  g_free (table->fractions);
  g_free (table->caption);
  g_free (table);
}

static void
block_free (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
  g_clear_pointer (&block->table, table_free);

  if (block->figure != NULL)
    {
      if (block->figure->destroy != NULL)
        block->figure->destroy (block->figure->data);
      g_clear_object (&block->figure->caption_layout);
      g_clear_pointer (&block->figure->parts, g_array_unref);
      g_free (block->figure->caption);
      g_free (block->figure->alt);
      g_free (block->figure);
    }

  if (block->page_destroy != NULL)
    block->page_destroy (block->page_data);

  g_free (block->ref_key);
  g_free (block->ref_text);
  g_free (block->ref_no_page);

  g_free (block);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->fragments);
  g_free (page);
}

/* Public API: building */

/**
 * tandem_flow_new:
 * @figure_paper: the paper of the landscape pages that hold figures
 */
TandemFlow *
tandem_flow_new (TandemPaper figure_paper)
{
  TandemFlow *flow = g_new0 (TandemFlow, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  flow->figure_paper = figure_paper;
  flow->text_scale = 1.0;
  flow->font_map = pango_cairo_font_map_new ();
  flow->context = pango_font_map_create_context (flow->font_map);
  pango_cairo_context_set_resolution (flow->context, 72.0);

  /* Metrics that do not depend on the output device: the print matches the PDF. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (flow->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (flow->context, FALSE);

  flow->blocks = g_ptr_array_new_with_free_func (block_free);
  flow->pages = g_ptr_array_new_with_free_func (page_free);
  flow->heading_pages = g_hash_table_new (NULL, NULL);
  flow->anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return flow;
}

void
tandem_flow_free (TandemFlow *flow)
{
  if (flow == NULL)
    return;

  g_ptr_array_unref (flow->pages);
  g_ptr_array_unref (flow->blocks);
  g_hash_table_unref (flow->heading_pages);
  g_hash_table_unref (flow->anchors);
  g_clear_pointer (&flow->figure_alts, g_ptr_array_unref);
  g_object_unref (flow->context);
  g_object_unref (flow->font_map);
  g_free (flow->header);
  g_free (flow->footer_note);
  g_clear_object (&flow->cancellable);
  g_free (flow);
}

/**
 * tandem_flow_set_cancellable:
 * @cancellable: (nullable): stops tandem_flow_write_pdf() between two pages
 *
 * A long appendix takes seconds to write; the user may change their mind. The writer checks
 * @cancellable before each page and, when it is cancelled, removes what it has written and
 * fails with %G_IO_ERROR_CANCELLED. Set on the flow rather than passed to the writer so that
 * whoever builds the flow (on a worker thread) holds one object for the whole export.
 */
void
tandem_flow_set_cancellable (TandemFlow   *flow,
                             GCancellable *cancellable)
{
  g_set_object (&flow->cancellable, cancellable);
}

/**
 * tandem_flow_set_progress_func:
 * @func: (nullable): called after each page that tandem_flow_write_pdf() writes, on the
 *   writer's thread, with the fraction of the pages written
 */
void
tandem_flow_set_progress_func (TandemFlow             *flow,
                               TandemFlowProgressFunc  func,
                               gpointer                user_data)
{
  flow->progress_func = func;
  flow->progress_data = user_data;
}

/**
 * tandem_flow_set_text_scale:
 * @scale: every font size is multiplied by this, 1 by default
 *
 * Larger print for readers other than the board: the feedback report for participants sets
 * its body text to 12.5 pt this way. Call it before adding anything: blocks are laid out as
 * they are added.
 */
void
tandem_flow_set_text_scale (TandemFlow *flow,
                            double      scale)
{
  g_return_if_fail (scale > 0);
  g_return_if_fail (flow->blocks->len == 0);

  flow->text_scale = scale;
}

PangoContext *
tandem_flow_get_context (TandemFlow *flow)
{
  return flow->context;
}

/**
 * tandem_flow_set_running_text:
 * @header: the text at the top of every page but the cover
 * @footer_note: (nullable): a note at the bottom left of every page, beside "Page X of Y"
 */
void
tandem_flow_set_running_text (TandemFlow *flow,
                              const char *header,
                              const char *footer_note)
{
  g_free (flow->header);
  g_free (flow->footer_note);
  flow->header = g_strdup (header);
  flow->footer_note = g_strdup (footer_note);
}

void
tandem_flow_custom_page (TandemFlow         *flow,
                         TandemFlowPageFunc  func,
                         gpointer            user_data,
                         GDestroyNotify      destroy)
{
  Block *block = add_block (flow, BLOCK_CUSTOM_PAGE);

  block->page_func = func;
  block->page_data = user_data;
  block->page_destroy = destroy;
}

/**
 * tandem_flow_contents:
 *
 * The table of contents: every heading added with @in_contents, with its page number and a
 * link to it. Its place in the flow is here; its entries are known once laid out.
 */
void
tandem_flow_contents (TandemFlow *flow)
{
  add_block (flow, BLOCK_CONTENTS);
}

void
tandem_flow_heading (TandemFlow *flow,
                     int         level,
                     const char *text,
                     gboolean    in_contents)
{
  static const char *fonts[] = {
    FONT_FAMILY " Bold 18", FONT_FAMILY " Bold 14", FONT_FAMILY " Bold 11.5",
  };
  g_autofree char *markup = g_markup_escape_text (text, -1);
  Block *block = add_block (flow, BLOCK_HEADING);

  level = CLAMP (level, 1, 3);
  block->level = level;
  block->keep_with_next = TRUE;
  block->in_contents = in_contents;
  block->space_before = level == 1 ? 0 : (level == 2 ? 16 : 12);
  block->space_after = level == 1 ? 10 : 6;
  block->layout = make_layout (flow, fonts[level - 1], markup, content_width_portrait ());
}

void
tandem_flow_markup (TandemFlow      *flow,
                    TandemFlowStyle  style,
                    const char      *markup)
{
  Block *block = add_block (flow, BLOCK_PARAGRAPH);
  g_autofree char *struck = NULL;

  if (style == TANDEM_FLOW_STRUCK)
    markup = struck = g_strdup_printf ("<s>%s</s>", markup);

  block->indent = style == TANDEM_FLOW_QUOTE ? 18 : 0;
  block->space_after = style == TANDEM_FLOW_LABEL ? 1 : 5;
  block->keep_with_next = style == TANDEM_FLOW_LABEL;
  block->layout = make_layout (flow, style_font (style), markup,
                               content_width_portrait () - 2 * block->indent);
}

void
tandem_flow_text (TandemFlow      *flow,
                  TandemFlowStyle  style,
                  const char      *text)
{
  g_autofree char *markup = g_markup_escape_text (text ? text : "", -1);

  tandem_flow_markup (flow, style, markup);
}

/**
 * tandem_flow_labelled:
 *
 * A small bold label and, under it, text that may run over many pages.
 */
void
tandem_flow_labelled (TandemFlow *flow,
                      const char *label,
                      const char *text)
{
  tandem_flow_text (flow, TANDEM_FLOW_LABEL, label);
  tandem_flow_text (flow, TANDEM_FLOW_BODY, text);
}

/**
 * tandem_flow_keep_with_next:
 *
 * Keeps the paragraph just added on the page of what follows it, as a heading is: for a
 * paragraph that acts as the title of the next ones.
 */
void
tandem_flow_keep_with_next (TandemFlow *flow)
{
  g_return_if_fail (flow->blocks->len > 0);
  ((Block *)g_ptr_array_index (flow->blocks, flow->blocks->len - 1))->keep_with_next = TRUE;
}

/**
 * tandem_flow_list_item:
 *
 * One item of a bulleted list; items added one after another make one list.
 */
void
tandem_flow_list_item (TandemFlow *flow,
                       const char *text)
{
  Block *block;

  tandem_flow_text (flow, TANDEM_FLOW_BODY, text);
  block = g_ptr_array_index (flow->blocks, flow->blocks->len - 1);
  block->list_item = TRUE;
  block->indent = 12;
  block->space_after = 2;
  pango_layout_set_width (block->layout, (int)((content_width_portrait () - 12) * PANGO_SCALE));
}

/**
 * tandem_flow_anchor:
 * @key: a name for the heading just added, unique in the flow
 *
 * Lets tandem_flow_reference_item() name the page of the heading just added.
 */
void
tandem_flow_anchor (TandemFlow *flow,
                    const char *key)
{
  Block *block;

  g_return_if_fail (flow->blocks->len > 0);

  block = g_ptr_array_index (flow->blocks, flow->blocks->len - 1);
  g_return_if_fail (block->kind == BLOCK_HEADING);

  g_hash_table_insert (flow->anchors, g_strdup (key), GUINT_TO_POINTER (block->id));
}

static char *
reference_text (const char *text,
                const char *page)
{
  g_auto(GStrv) parts = g_strsplit (text, "{page}", -1);

  return g_strjoinv (page, parts);
}

/**
 * tandem_flow_reference_item:
 * @text: the item, with "{page}" where the page of the heading anchored as @key goes
 * @no_page: the item when nothing in the flow is anchored as @key
 * @key: an anchor, added before or after (see tandem_flow_anchor())
 *
 * A list item that refers to another part of the document by its page, which is known only
 * once the flow is paginated: it is laid out with room for a three-digit number and written
 * with the real one, as a link to the heading.
 */
void
tandem_flow_reference_item (TandemFlow *flow,
                            const char *text,
                            const char *no_page,
                            const char *key)
{
  g_autofree char *placeholder = reference_text (text, "000");
  Block *block;

  tandem_flow_list_item (flow, placeholder);
  block = g_ptr_array_index (flow->blocks, flow->blocks->len - 1);
  block->ref_key = g_strdup (key);
  block->ref_text = g_strdup (text);
  block->ref_no_page = g_strdup (no_page);
}

/* Writes a reference's page into its text; returns the heading it names, or NULL. */
static Block *
resolve_reference (TandemFlow *flow,
                   Block      *block)
{
  gpointer id = g_hash_table_lookup (flow->anchors, block->ref_key);
  guint page = id != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (flow->heading_pages, id)) : 0;
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autofree char *text = page > 0 ? reference_text (block->ref_text, number)
                                   : g_strdup (block->ref_no_page);

  pango_layout_set_text (block->layout, text, -1);

  if (page == 0)
    return NULL;

  for (guint i = 0; i < flow->blocks->len; i++)
    {
      Block *heading = g_ptr_array_index (flow->blocks, i);

      if (heading->id == GPOINTER_TO_UINT (id))
        return heading;
    }

  return NULL;
}

void
tandem_flow_space (TandemFlow *flow,
                   double      points)
{
  add_block (flow, BLOCK_SPACE)->space_after = points;
}

void
tandem_flow_page_break (TandemFlow *flow)
{
  add_block (flow, BLOCK_PAGE_BREAK);
}

/**
 * tandem_flow_table_new:
 * @fractions: the share of the width of each column, adding up to 1
 * @caption: (nullable): shown above the table as "Table N: caption"
 */
TandemFlowTable *
tandem_flow_table_new (guint         n_columns,
                       const double *fractions,
                       const char   *caption)
{
  TandemFlowTable *table = g_new0 (TandemFlowTable, 1);

  table->n_columns = n_columns;
  table->fractions = g_memdup2 (fractions, n_columns * sizeof (double));
  table->caption = g_strdup (caption);
  table->rows = g_array_new (FALSE, TRUE, sizeof (Row));

  return table;
}

/**
 * tandem_flow_table_set_plain_caption:
 * @caption: what the table shows, in a few words
 *
 * A caption shown as it is, without a number: for the many small tables that repeat one
 * shape (a question's status), which a reader does not look up by number but which a screen
 * reader still announces by their caption. It is tagged as the Caption inside the Table.
 */
void
tandem_flow_table_set_plain_caption (TandemFlowTable *table,
                                     const char      *caption)
{
  g_free (table->caption);
  table->caption = g_strdup (caption);
  table->plain = TRUE;
}

/**
 * tandem_flow_table_add_row:
 * @texts: plain text of each cell
 * @fills: (nullable): 0xRRGGBB background of each cell, 0 for none
 */
void
tandem_flow_table_add_row (TandemFlowTable   *table,
                           gboolean           header,
                           const char * const *texts,
                           const guint32     *fills)
{
  Row row = { 0 };

  row.header = header;
  row.cells = g_new0 (Cell, table->n_columns);
  for (guint i = 0; i < table->n_columns; i++)
    {
      /* Laid out when the table is added to a flow, which knows the fonts. */
      row.cells[i].layout = (PangoLayout *)g_strdup (texts[i] ? texts[i] : "");
      if (fills != NULL && fills[i] != 0)
        {
          row.cells[i].fill = fills[i];
          row.cells[i].has_fill = TRUE;
        }
    }

  g_array_append_val (table->rows, row);
}

void
tandem_flow_table (TandemFlow      *flow,
                   TandemFlowTable *table)
{
  double width = content_width_portrait ();
  Block *caption_block = NULL;
  Block *block;

  if (table->caption != NULL)
    {
      g_autofree char *caption = NULL;

      if (table->plain)
        caption = g_strdup (table->caption);
      else
        {
          table->number = ++flow->n_tables;
          caption = g_strdup_printf (_("Table %u: %s"), table->number, table->caption);
        }
      tandem_flow_text (flow, TANDEM_FLOW_CAPTION, caption);
      caption_block = g_ptr_array_index (flow->blocks, flow->blocks->len - 1);
      caption_block->level = -1;
      caption_block->keep_with_next = TRUE;
    }

  for (guint i = 0; i < table->rows->len; i++)
    {
      Row *row = &g_array_index (table->rows, Row, i);

      row->height = 0;
      for (guint j = 0; j < table->n_columns; j++)
        {
          g_autofree char *text = (char *)row->cells[j].layout;
          g_autofree char *markup = g_markup_escape_text (text, -1);
          double cell_width = width * table->fractions[j] - 2 * CELL_PADDING;

          row->cells[j].layout = make_layout (flow, row->header ? FONT_FAMILY " Bold 9"
                                                                : FONT_FAMILY " 9",
                                              markup, cell_width);
          row->height = MAX (row->height, layout_height (row->cells[j].layout) + 2 * CELL_PADDING);
        }
    }

  block = add_block (flow, BLOCK_TABLE);
  block->table = table;
  if (caption_block != NULL)
    caption_block->caption_of = block;  /* tagged as the Caption inside the Table */
  block->space_after = 10;
}

/**
 * tandem_flow_figure:
 * @natural_width, @natural_height: the figure's size in its own units
 * @min_scale: the smallest scale at which its text is still legible; a figure that would
 *   need less to fit a page is split into parts instead
 *
 * A numbered figure on landscape pages of its own.
 */
void
tandem_flow_figure (TandemFlow           *flow,
                    const char           *caption,
                    double                natural_width,
                    double                natural_height,
                    double                min_scale,
                    TandemFlowFigureFunc  func,
                    gpointer              user_data,
                    GDestroyNotify        destroy)
{
  Block *block = add_block (flow, BLOCK_FIGURE);
  Figure *figure = g_new0 (Figure, 1);

  figure->caption = g_strdup (caption);
  figure->width = MAX (natural_width, 1);
  figure->height = MAX (natural_height, 1);
  figure->min_scale = min_scale;
  figure->func = func;
  figure->data = user_data;
  figure->destroy = destroy;
  figure->number = ++flow->n_figures;
  block->figure = figure;
  block->in_contents = TRUE;
  block->level = 2;  /* listed in the contents under the heading before it */
}

/**
 * tandem_flow_figure_set_alt:
 * @alt: what the last figure added shows, in words: the PDF's alternative text for it
 */
void
tandem_flow_figure_set_alt (TandemFlow *flow,
                            const char *alt)
{
  Block *block = flow->blocks->len > 0 ? g_ptr_array_index (flow->blocks, flow->blocks->len - 1)
                                       : NULL;

  g_return_if_fail (block != NULL && block->kind == BLOCK_FIGURE);
  g_free (block->figure->alt);
  block->figure->alt = g_strdup (alt);
}

/**
 * tandem_flow_figure_parts:
 * @widths: (array length=n_parts): the width of each part, in the figure's units
 * @heights: (array length=n_parts): the height of each part
 * @min_scale: as for tandem_flow_figure(); the parts are chosen by the caller to fit a page
 *   at this scale
 *
 * A numbered figure in parts, each on a landscape page of its own at the same scale: a
 * journey map split between stages. The parts lie side by side in the figure's units, so
 * that @func draws part k when asked for the area from the sum of the widths before it.
 */
void
tandem_flow_figure_parts (TandemFlow           *flow,
                          const char           *caption,
                          guint                 n_parts,
                          const double         *widths,
                          const double         *heights,
                          double                min_scale,
                          TandemFlowFigureFunc  func,
                          gpointer              user_data,
                          GDestroyNotify        destroy)
{
  Figure *figure;
  double x = 0, height = 0;

  g_return_if_fail (n_parts > 0);

  tandem_flow_figure (flow, caption, 1, 1, min_scale, func, user_data, destroy);
  figure = ((Block *)g_ptr_array_index (flow->blocks, flow->blocks->len - 1))->figure;
  figure->parts = g_array_new (FALSE, FALSE, 3 * sizeof (double));
  for (guint k = 0; k < n_parts; k++)
    {
      double part[3] = { x, MAX (widths[k], 1), MAX (heights[k], 1) };

      g_array_append_val (figure->parts, part);
      x += part[1];
      height = MAX (height, part[2]);
    }
  figure->width = x;
  figure->height = height;
}

/**
 * tandem_flow_get_figure_area:
 *
 * The room for a figure on its landscape page, in points, with a caption of up to two lines
 * below it: what a figure must fit at its scale to take one page.
 */
void
tandem_flow_get_figure_area (TandemFlow *flow,
                             double     *width,
                             double     *height)
{
  double long_side = flow->figure_paper == TANDEM_PAPER_A3 ? A3_LONG : A4_LONG;
  double short_side = flow->figure_paper == TANDEM_PAPER_A3 ? A4_LONG : A4_SHORT;

  *width = long_side - 2 * MARGIN_SIDE;
  *height = short_side - MARGIN_TOP - MARGIN_BOTTOM - FIGURE_CAPTION_ROOM;
}

/* Pagination */

typedef struct
{
  TandemFlow *flow;
  Page       *page;
  double      y;
  double      bottom;
} Cursor;

static Page *
new_page (Cursor  *cursor,
          double   width,
          double   height)
{
  Page *page = g_new0 (Page, 1);

  page->width = width;
  page->height = height;
  page->fragments = g_array_new (FALSE, TRUE, sizeof (Fragment));
  g_ptr_array_add (cursor->flow->pages, page);

  cursor->page = page;
  cursor->y = MARGIN_TOP;
  cursor->bottom = height - MARGIN_BOTTOM;

  return page;
}

static void
ensure_portrait (Cursor *cursor)
{
  if (cursor->page == NULL || cursor->page->custom || cursor->page->width != A4_SHORT)
    new_page (cursor, A4_SHORT, A4_LONG);
}

static void
break_page (Cursor *cursor)
{
  if (cursor->page == NULL || cursor->page->fragments->len > 0)
    new_page (cursor, A4_SHORT, A4_LONG);
}

static void
add_fragment (Cursor   *cursor,
              Fragment *fragment)
{
  g_array_append_val (cursor->page->fragments, *fragment);
}

/* The offsets (from the top of @layout) where its lines end. */
static GArray *
line_bottoms (PangoLayout *layout)
{
  GArray *bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      double bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      bottom = (logical.y + logical.height) / (double)PANGO_SCALE;
      g_array_append_val (bottoms, bottom);
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);

  return bottoms;
}

/* The largest line end after @from that is at most @limit, or @from if there is none. */
static double
cut_at_line (GArray *bottoms,
             double  from,
             double  limit)
{
  double cut = from;

  for (guint i = 0; i < bottoms->len; i++)
    {
      double bottom = g_array_index (bottoms, double, i);

      if (bottom > from + 0.01 && bottom <= limit + 0.01)
        cut = bottom;
    }

  return cut;
}

static double
first_lines_height (Block *block,
                    guint  n_lines)
{
  g_autoptr(GArray) bottoms = NULL;

  if (block == NULL)
    return 0;

  if (block->kind == BLOCK_TABLE && block->table->rows->len > 0)
    {
      double height = g_array_index (block->table->rows, Row, 0).height;

      if (block->table->rows->len > 1)
        height += g_array_index (block->table->rows, Row, 1).height;
      return height;
    }

  if (block->layout == NULL)
    return 0;

  bottoms = line_bottoms (block->layout);
  return g_array_index (bottoms, double, MIN (n_lines, bottoms->len) - 1);
}

/* The height that must fit below the foot of the block before @index for it not to be left
 * alone there: a heading, caption or label with whatever it keeps with, or the first two
 * lines of a paragraph or the first rows of a table. */
static double
keep_height (TandemFlow *flow,
             guint       index)
{
  Block *block = index < flow->blocks->len ? g_ptr_array_index (flow->blocks, index) : NULL;

  if (block == NULL)
    return 0;
  if (block->kind == BLOCK_SPACE)
    return block->space_after + keep_height (flow, index + 1);
  if (block->keep_with_next && block->layout != NULL)
    return block->space_before + layout_height (block->layout) + block->space_after +
           keep_height (flow, index + 1);

  return first_lines_height (block, 2);
}

static void
place_text (Cursor *cursor,
            Block  *block,
            double  keep_next)
{
  double height = layout_height (block->layout);
  double keep = 0;
  double offset = 0;
  g_autoptr(GArray) bottoms = line_bottoms (block->layout);
  gboolean first = TRUE;

  ensure_portrait (cursor);

  if (cursor->y > MARGIN_TOP)
    cursor->y += block->space_before;

  /* A heading, caption or label stays with what follows it, and the first page of a
   * paragraph has at least two of its lines (no orphans). */
  if (block->keep_with_next)
    keep = MIN (keep_next, (cursor->bottom - MARGIN_TOP) / 3) + block->space_after;

  if (cursor->y + MIN (height, first_lines_height (block, 2)) + keep > cursor->bottom &&
      cursor->y > MARGIN_TOP)
    new_page (cursor, A4_SHORT, A4_LONG);

  while (offset < height - 0.01)
    {
      Fragment fragment = { 0 };
      double cut = cut_at_line (bottoms, offset, offset + (cursor->bottom - cursor->y));

      if (cut <= offset)
        {
          if (cursor->y <= MARGIN_TOP)
            cut = cut_at_line (bottoms, offset, G_MAXDOUBLE);  /* a line taller than a page */
          else
            {
              new_page (cursor, A4_SHORT, A4_LONG);
              continue;
            }
        }

      /* No widows: a paragraph that goes on to the next page takes at least two lines there,
       * as long as at least two stay here. */
      if (cut < height - 0.01)
        {
          guint here = 0, there = 0;
          double previous = offset;

          for (guint i = 0; i < bottoms->len; i++)
            {
              double bottom = g_array_index (bottoms, double, i);

              if (bottom > offset + 0.01 && bottom <= cut + 0.01)
                {
                  here++;
                  if (bottom < cut - 0.01)
                    previous = bottom;
                }
              else if (bottom > cut + 0.01)
                there++;
            }
          if (there == 1 && here >= 3)
            cut = previous;
        }

      fragment.kind = FRAGMENT_TEXT;
      fragment.block = block;
      fragment.x = MARGIN_SIDE + block->indent;
      fragment.y = cursor->y;
      fragment.offset = offset;
      fragment.height = cut - offset;
      fragment.first = first;
      add_fragment (cursor, &fragment);

      if (first && block->kind == BLOCK_HEADING)
        g_hash_table_insert (cursor->flow->heading_pages, GUINT_TO_POINTER (block->id),
                             GUINT_TO_POINTER (cursor->flow->pages->len));

      first = FALSE;
      cursor->y += cut - offset;
      offset = cut;

      if (offset < height - 0.01)
        new_page (cursor, A4_SHORT, A4_LONG);
    }

  cursor->y += block->space_after;

  /* Placed, in a long flow: give back the shaped lines until the block is drawn. Holding
   * them for every paragraph until the pages are written makes memory grow with the glyphs
   * of the whole appendix: about 5 kB a step (peak RSS 1.8 GB at 100,000 steps, 1.3 GB
   * giving them back).
   * Shaping again when the page is drawn costs about a sixth more time, so a flow of
   * ordinary length keeps them. */
  if (cursor->flow->blocks->len > RESHAPE_ABOVE_BLOCKS)
    pango_layout_context_changed (block->layout);
}

static void
place_row (Cursor          *cursor,
           Block           *block,
           guint            row_index,
           double           offset,
           double           height,
           gboolean         first)
{
  Fragment fragment = { 0 };

  fragment.kind = FRAGMENT_ROW;
  fragment.block = block;
  fragment.row = row_index;
  fragment.x = MARGIN_SIDE;
  fragment.y = cursor->y;
  fragment.offset = offset;
  fragment.height = height;
  fragment.first = first;
  add_fragment (cursor, &fragment);
  cursor->y += height;
}

static void
place_table (Cursor *cursor,
             Block  *block)
{
  TandemFlowTable *table = block->table;
  double header_height = 0;
  guint header_row = G_MAXUINT;

  ensure_portrait (cursor);

  for (guint i = 0; i < table->rows->len; i++)
    {
      Row *row = &g_array_index (table->rows, Row, i);
      double content = cursor->bottom - MARGIN_TOP - header_height;

      if (row->header)
        {
          if (cursor->y + row->height + (i + 1 < table->rows->len
                                         ? g_array_index (table->rows, Row, i + 1).height : 0)
              > cursor->bottom && cursor->y > MARGIN_TOP)
            new_page (cursor, A4_SHORT, A4_LONG);
          header_row = i;
          header_height = row->height;
          place_row (cursor, block, i, 0, row->height, i == 0);
          continue;
        }

      if (cursor->y + row->height > cursor->bottom && row->height <= content)
        {
          new_page (cursor, A4_SHORT, A4_LONG);
          if (header_row != G_MAXUINT)
            place_row (cursor, block, header_row, 0, header_height, FALSE);
        }

      if (cursor->y + row->height <= cursor->bottom + 0.01)
        {
          place_row (cursor, block, i, 0, row->height, i == 0);
          continue;
        }

      /* A row taller than a page: split it at line ends, repeating the header. */
      {
        g_autoptr(GArray) bottoms = g_array_new (FALSE, FALSE, sizeof (double));
        double offset = 0;

        for (guint j = 0; j < table->n_columns; j++)
          {
            g_autoptr(GArray) cell = line_bottoms (row->cells[j].layout);

            for (guint k = 0; k < cell->len; k++)
              {
                double bottom = g_array_index (cell, double, k) + CELL_PADDING;
                g_array_append_val (bottoms, bottom);
              }
          }

        while (offset < row->height - 0.01)
          {
            double cut = cut_at_line (bottoms, offset, offset + (cursor->bottom - cursor->y));

            if (offset + (cursor->bottom - cursor->y) >= row->height)
              cut = row->height;

            if (cut <= offset)
              {
                new_page (cursor, A4_SHORT, A4_LONG);
                if (header_row != G_MAXUINT)
                  place_row (cursor, block, header_row, 0, header_height, FALSE);
                continue;
              }

            place_row (cursor, block, i, offset, cut - offset, offset == 0);
            offset = cut;
          }
      }
    }

  cursor->y += block->space_after;
}

static void
place_figure (Cursor *cursor,
              Block  *block)
{
  Figure *figure = block->figure;
  double long_side = cursor->flow->figure_paper == TANDEM_PAPER_A3 ? A3_LONG : A4_LONG;
  double short_side = cursor->flow->figure_paper == TANDEM_PAPER_A3 ? A4_LONG : A4_SHORT;
  double area_width = long_side - 2 * MARGIN_SIDE;
  double caption_height;
  double area_height;
  double fit, scale;
  double tile_width, tile_height;
  guint columns, rows;

  figure->caption_layout = make_layout (cursor->flow, FONT_FAMILY " Italic 9", "", area_width);
  {
    g_autofree char *text = g_strdup_printf (_("Figure %u: %s (part 99 of 99)"),
                                             figure->number, figure->caption);
    pango_layout_set_text (figure->caption_layout, text, -1);
    caption_height = layout_height (figure->caption_layout) + 8;
  }
  area_height = short_side - MARGIN_TOP - MARGIN_BOTTOM - caption_height;

  if (figure->parts != NULL)
    {
      /* One scale for every part, so that the same text is the same size on every page. */
      scale = 1.5;
      for (guint k = 0; k < figure->parts->len; k++)
        {
          const double *part = (const double *)(gpointer)figure->parts->data + 3 * k;

          scale = MIN (scale, MIN (area_width / part[1], area_height / part[2]));
        }
      for (guint k = 0; k < figure->parts->len; k++)
        {
          const double *part = (const double *)(gpointer)figure->parts->data + 3 * k;
          Fragment fragment = { 0 };

          new_page (cursor, long_side, short_side);
          fragment.kind = FRAGMENT_FIGURE;
          fragment.block = block;
          fragment.x = MARGIN_SIDE;
          fragment.y = MARGIN_TOP;
          fragment.tile_x = part[0];
          fragment.tile_width = part[1];
          fragment.tile_height = part[2];
          fragment.scale = scale;
          fragment.part = k + 1;
          fragment.n_parts = figure->parts->len;
          fragment.height = area_height;
          fragment.first = k == 0;
          add_fragment (cursor, &fragment);
          /* The contents and the links to the figure go to its first part. */
          if (fragment.first)
            g_hash_table_insert (cursor->flow->heading_pages, GUINT_TO_POINTER (block->id),
                                 GUINT_TO_POINTER (cursor->flow->pages->len));
        }
      cursor->page = NULL;
      return;
    }

  fit = MIN (area_width / figure->width, area_height / figure->height);
  scale = MIN (MAX (fit, figure->min_scale), 1.5);

  if (scale <= fit + 1e-9)
    {
      columns = rows = 1;
      tile_width = figure->width;
      tile_height = figure->height;
    }
  else
    {
      /* Parts overlap a little, so that nothing falls between two pages. */
      double visible_width = area_width / scale;
      double visible_height = area_height / scale;
      double step_x = visible_width * (1 - FIGURE_OVERLAP);
      double step_y = visible_height * (1 - FIGURE_OVERLAP);

      columns = figure->width <= visible_width ? 1 : (guint)ceil ((figure->width - visible_width) / step_x) + 1;
      rows = figure->height <= visible_height ? 1 : (guint)ceil ((figure->height - visible_height) / step_y) + 1;
      tile_width = MIN (visible_width, figure->width);
      tile_height = MIN (visible_height, figure->height);
    }

  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c < columns; c++)
      {
        Fragment fragment = { 0 };
        double step_x = columns > 1 ? (figure->width - tile_width) / (columns - 1) : 0;
        double step_y = rows > 1 ? (figure->height - tile_height) / (rows - 1) : 0;

        new_page (cursor, long_side, short_side);
        fragment.kind = FRAGMENT_FIGURE;
        fragment.block = block;
        fragment.x = MARGIN_SIDE;
        fragment.y = MARGIN_TOP;
        fragment.tile_x = c * step_x;
        fragment.tile_y = r * step_y;
        fragment.tile_width = tile_width;
        fragment.tile_height = tile_height;
        fragment.scale = scale;
        fragment.part = r * columns + c + 1;
        fragment.n_parts = rows * columns;
        fragment.height = area_height;
        fragment.first = r == 0 && c == 0;
        add_fragment (cursor, &fragment);
        if (fragment.first)
          g_hash_table_insert (cursor->flow->heading_pages, GUINT_TO_POINTER (block->id),
                               GUINT_TO_POINTER (cursor->flow->pages->len));
      }

  /* What follows goes on a portrait page again. */
  cursor->page = NULL;
}

static guint
count_contents_entries (TandemFlow *flow)
{
  guint n = 0;

  for (guint i = 0; i < flow->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (flow->blocks, i);

      if ((block->kind == BLOCK_HEADING || block->kind == BLOCK_FIGURE) && block->in_contents)
        n++;
    }

  return n;
}

#define CONTENTS_LINE 17.0

static void
place_contents (Cursor *cursor,
                Block  *block)
{
  guint n = count_contents_entries (cursor->flow);
  guint index = 0;
  Fragment title = { 0 };

  break_page (cursor);
  ensure_portrait (cursor);

  title.kind = FRAGMENT_CONTENTS_TITLE;
  title.block = block;
  title.x = MARGIN_SIDE;
  title.y = cursor->y;
  title.height = 36;
  add_fragment (cursor, &title);
  cursor->y += title.height;

  for (guint i = 0; i < cursor->flow->blocks->len && index < n; i++)
    {
      Block *heading = g_ptr_array_index (cursor->flow->blocks, i);
      Fragment fragment = { 0 };

      if ((heading->kind != BLOCK_HEADING && heading->kind != BLOCK_FIGURE) ||
          !heading->in_contents)
        continue;

      if (cursor->y + CONTENTS_LINE > cursor->bottom)
        new_page (cursor, A4_SHORT, A4_LONG);

      fragment.kind = FRAGMENT_CONTENTS_ENTRY;
      fragment.block = heading;
      fragment.x = MARGIN_SIDE + (heading->level - 1) * 16;
      fragment.y = cursor->y;
      fragment.height = CONTENTS_LINE;
      add_fragment (cursor, &fragment);
      cursor->y += CONTENTS_LINE;
      index++;
    }

  cursor->page = NULL;
}

/**
 * tandem_flow_paginate:
 *
 * Returns: the number of pages
 */
guint
tandem_flow_paginate (TandemFlow *flow)
{
  Cursor cursor = { flow, NULL, 0, 0 };

  if (flow->paginated)
    return flow->pages->len;

  g_ptr_array_set_size (flow->pages, 0);
  g_hash_table_remove_all (flow->heading_pages);

  for (guint i = 0; i < flow->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (flow->blocks, i);

      /* Laying out 2,000 pages takes a second: stop there when cancelled, unfinished, and
       * the writer stops before its first page. */
      if (g_cancellable_is_cancelled (flow->cancellable))
        return flow->pages->len;

      switch (block->kind)
        {
        case BLOCK_CUSTOM_PAGE:
          {
            Fragment fragment = { 0 };
            Page *page = new_page (&cursor, A4_SHORT, A4_LONG);

            page->custom = TRUE;
            fragment.kind = FRAGMENT_CUSTOM;
            fragment.block = block;
            add_fragment (&cursor, &fragment);
            cursor.page = NULL;
          }
          break;

        case BLOCK_CONTENTS:
          place_contents (&cursor, block);
          break;

        case BLOCK_PAGE_BREAK:
          break_page (&cursor);
          break;

        case BLOCK_SPACE:
          ensure_portrait (&cursor);
          if (cursor.y > MARGIN_TOP)
            cursor.y = MIN (cursor.y + block->space_after, cursor.bottom);
          break;

        case BLOCK_HEADING:
        case BLOCK_PARAGRAPH:
          place_text (&cursor, block, block->keep_with_next ? keep_height (flow, i + 1) : 0);
          break;

        case BLOCK_TABLE:
          place_table (&cursor, block);
          break;

        case BLOCK_FIGURE:
          place_figure (&cursor, block);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  flow->paginated = TRUE;

  return flow->pages->len;
}

guint
tandem_flow_get_n_pages (TandemFlow *flow)
{
  return tandem_flow_paginate (flow);
}

guint
tandem_flow_get_n_figures (TandemFlow *flow)
{
  return flow->n_figures;
}

guint
tandem_flow_get_n_tables (TandemFlow *flow)
{
  return flow->n_tables;
}

void
tandem_flow_get_page_size (TandemFlow *flow,
                           guint       page_index,
                           double     *width,
                           double     *height)
{
  Page *page;

  tandem_flow_paginate (flow);
  page = g_ptr_array_index (flow->pages, page_index);
  *width = page->width;
  *height = page->height;
}

/* Drawing */

/* Draws the lines of @layout that lie between @from and @to (in the layout's coordinates),
 * with the layout's top at @origin_y: only those, so each word is in the PDF once. */
static void
show_lines (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       origin_y,
            double       from,
            double       to)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      double top, bottom, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = logical.y / (double)PANGO_SCALE;
      bottom = (logical.y + logical.height) / (double)PANGO_SCALE;
      baseline = pango_layout_iter_get_baseline (iter) / (double)PANGO_SCALE;

      if (top >= from - 0.01 && bottom <= to + 0.01)
        {
          cairo_move_to (cr, x + logical.x / (double)PANGO_SCALE, origin_y + baseline);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static void
set_colour (cairo_t *cr,
            guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static void
draw_row (cairo_t  *cr,
          Fragment *fragment,
          gboolean  tagged)
{
  TandemFlowTable *table = fragment->block->table;
  Row *row = &g_array_index (table->rows, Row, fragment->row);
  double width = content_width_portrait ();
  double x = fragment->x;

  /* Fills and rules are decoration (the cells' text says what their colour says): drawn
   * first, as one artifact for the row, so that the structure has one element per cell. */
  if (tagged)
    cairo_tag_begin (cr, TANDEM_PDF_TAG_DECORATION, "");
  for (guint j = 0; j < table->n_columns; j++)
    {
      Cell *cell = &row->cells[j];
      double cell_width = width * table->fractions[j];

      if (row->header || cell->has_fill)
        {
          set_colour (cr, row->header ? 0xEBEBED : cell->fill);
          cairo_rectangle (cr, x, fragment->y, cell_width, fragment->height);
          cairo_fill (cr);
        }
      cairo_set_source_rgb (cr, 0.75, 0.75, 0.78);
      cairo_set_line_width (cr, 0.5);
      cairo_rectangle (cr, x, fragment->y, cell_width, fragment->height);
      cairo_stroke (cr);
      x += cell_width;
    }
  if (tagged)
    cairo_tag_end (cr, TANDEM_PDF_TAG_DECORATION);

  x = fragment->x;
  for (guint j = 0; j < table->n_columns; j++)
    {
      Cell *cell = &row->cells[j];

      cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
      if (tagged)
        cairo_tag_begin (cr, row->header ? "TH" : "TD", "");
      show_lines (cr, cell->layout, x + CELL_PADDING,
                  fragment->y - fragment->offset + CELL_PADDING,
                  fragment->offset - CELL_PADDING,
                  fragment->offset - CELL_PADDING + fragment->height);
      if (tagged)
        cairo_tag_end (cr, row->header ? "TH" : "TD");
      x += width * table->fractions[j];
    }
}

static void
draw_figure (TandemFlow *flow,
             cairo_t    *cr,
             Fragment   *fragment)
{
  Figure *figure = fragment->block->figure;
  double width = fragment->tile_width * fragment->scale;
  double height = fragment->tile_height * fragment->scale;
  g_autofree char *caption = NULL;

  if (fragment->n_parts > 1)
    caption = g_strdup_printf (_("Figure %u: %s (part %u of %u)"), figure->number,
                               figure->caption, fragment->part, fragment->n_parts);
  else
    caption = g_strdup_printf (_("Figure %u: %s"), figure->number, figure->caption);

  cairo_save (cr);
  cairo_translate (cr, fragment->x, fragment->y);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_scale (cr, fragment->scale, fragment->scale);
  cairo_translate (cr, -fragment->tile_x, -fragment->tile_y);
  figure->func (cr, fragment->tile_x, fragment->tile_y, fragment->tile_width,
                fragment->tile_height, figure->data);
  cairo_restore (cr);

  cairo_set_source_rgb (cr, 0.3, 0.3, 0.33);
  pango_layout_set_text (figure->caption_layout, caption, -1);
  cairo_move_to (cr, fragment->x, fragment->y + height + 6);
  pango_cairo_show_layout (cr, figure->caption_layout);
}

/* The PDF structure (for screen readers, and because cairo 1.16 writes links correctly only
 * inside a structure tree). What cairo cannot write (the Document root, /Alt, /Lang, TH
 * scopes, artifacts) is added afterwards by tandem-pdf-tags.c. */
static const char *
structure_name (Block *block)
{
  if (block->kind == BLOCK_HEADING)
    return block->level == 1 ? "H1" : (block->level == 2 ? "H2" : "H3");
  if (block->level == -1)
    return "Caption";
  if (block->list_item)
    return "LBody";

  return "P";
}

/* Ends the contents entries open at a level of @level or deeper, each with the TOC of the
 * entries under it. */
static void
close_toc_entries (TandemFlow *flow,
                   cairo_t    *cr,
                   int         level)
{
  while (flow->toc_depth > 0 && flow->toc_levels[flow->toc_depth - 1] >= level)
    {
      flow->toc_depth--;
      if (flow->toc_nested[flow->toc_depth])
        cairo_tag_end (cr, "TOC");
      cairo_tag_end (cr, "TOCI");
    }
}

/* Begins the contents entry of a heading at @level, inside the entry of the heading above it,
 * so that a screen reader walks the contents as the document nests: TOC > TOCI (H1) > TOC >
 * TOCI (H2), as the visual indentation shows. */
static void
open_toc_entry (TandemFlow *flow,
                cairo_t    *cr,
                int         level)
{
  close_toc_entries (flow, cr, level);
  if (flow->toc_depth > 0 && !flow->toc_nested[flow->toc_depth - 1])
    {
      cairo_tag_begin (cr, "TOC", "");
      flow->toc_nested[flow->toc_depth - 1] = TRUE;
    }
  g_assert (flow->toc_depth < G_N_ELEMENTS (flow->toc_levels));
  cairo_tag_begin (cr, "TOCI", "");
  flow->toc_levels[flow->toc_depth] = level;
  flow->toc_nested[flow->toc_depth] = FALSE;
  flow->toc_depth++;
}

/* Ends the table, contents or list whose parts are being drawn, if any. */
static void
close_groups (TandemFlow *flow,
              cairo_t    *cr)
{
  if (flow->open_table != NULL)
    {
      cairo_tag_end (cr, "Table");
      flow->open_table = NULL;
    }
  if (flow->open_toc)
    {
      close_toc_entries (flow, cr, 0);
      cairo_tag_end (cr, "TOC");
      flow->open_toc = FALSE;
    }
  if (flow->open_list)
    {
      cairo_tag_end (cr, "L");
      flow->open_list = FALSE;
    }
}

static char *
dest_name (Block *block)
{
  return g_strdup_printf ("section-%u", block->id);
}

static char *
contents_text (Block *block)
{
  if (block->kind == BLOCK_FIGURE)
    return g_strdup_printf (_("Figure %u: %s"), block->figure->number, block->figure->caption);

  return g_strdup (pango_layout_get_text (block->layout));
}

#define LEADER_STEP 4.0

static void
draw_contents_entry (TandemFlow *flow,
                     cairo_t    *cr,
                     Fragment   *fragment,
                     gboolean    tagged)
{
  Block *entry = fragment->block;
  guint page = GPOINTER_TO_UINT (g_hash_table_lookup (flow->heading_pages,
                                                      GUINT_TO_POINTER (entry->id)));
  gboolean bold = entry->kind == BLOCK_HEADING && entry->level == 1;
  g_autofree char *text = contents_text (entry);
  g_autofree char *markup = g_markup_escape_text (text, -1);
  g_autofree char *page_text = g_strdup_printf ("%u", page);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) number = NULL;
  g_autofree char *attributes = NULL;
  g_autofree char *dest = dest_name (entry);
  double right = A4_SHORT - MARGIN_SIDE;
  double baseline, number_width, title_end, number_y;
  PangoRectangle logical;

  /* The page number in the same family and size as the title, on the same baseline. */
  title = make_layout (flow, bold ? FONT_FAMILY " Bold 10" : FONT_FAMILY " 10", markup,
                       right - fragment->x - 40);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_layout_set_wrap (title, PANGO_WRAP_WORD);
  pango_layout_set_height (title, 0);  /* one line */
  number = make_layout (flow, bold ? FONT_FAMILY " Bold 10" : FONT_FAMILY " 10", page_text, -1);
  pango_layout_set_width (number, -1);

  baseline = fragment->y + pango_layout_get_baseline (title) / (double)PANGO_SCALE;
  number_y = baseline - pango_layout_get_baseline (number) / (double)PANGO_SCALE;
  pango_layout_get_extents (number, NULL, &logical);
  number_width = logical.width / (double)PANGO_SCALE;
  pango_layout_get_extents (title, NULL, &logical);
  title_end = fragment->x + (logical.x + logical.width) / (double)PANGO_SCALE;

  /* Dot leaders, on a grid shared by every entry so that the dots line up down the page:
   * decoration, not text. */
  if (tagged)
    cairo_tag_begin (cr, TANDEM_PDF_TAG_DECORATION, "");
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.48);
  for (double x = ceil ((title_end + 6) / LEADER_STEP) * LEADER_STEP;
       x <= right - number_width - 6; x += LEADER_STEP)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, baseline - 0.6, 0.6, 0, 2 * G_PI);
    }
  cairo_fill (cr);
  if (tagged)
    cairo_tag_end (cr, TANDEM_PDF_TAG_DECORATION);

  if (tagged)
    {
      attributes = g_strdup_printf ("dest='%s'", dest);
      cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
    }

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
  cairo_move_to (cr, fragment->x, fragment->y);
  pango_cairo_show_layout (cr, title);
  cairo_move_to (cr, right - number_width, number_y);
  pango_cairo_show_layout (cr, number);

  if (tagged)
    cairo_tag_end (cr, CAIRO_TAG_LINK);
}

static void
draw_running_text (TandemFlow *flow,
                   cairo_t    *cr,
                   Page       *page,
                   guint       page_index,
                   gboolean    tagged)
{
  g_autoptr(PangoLayout) header = pango_layout_new (flow->context);
  g_autoptr(PangoLayout) footer = pango_layout_new (flow->context);
  g_autoptr(PangoLayout) note = pango_layout_new (flow->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY " 8");
  g_autofree char *page_text = NULL;
  int width;

  pango_font_description_set_size (font, (int)(8 * PANGO_SCALE * flow->text_scale));

  pango_layout_set_font_description (header, font);
  pango_layout_set_font_description (footer, font);
  pango_layout_set_font_description (note, font);
  pango_layout_set_width (header, (int)((page->width - 2 * MARGIN_SIDE) * PANGO_SCALE));
  pango_layout_set_ellipsize (header, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (header, flow->header ? flow->header : "", -1);

  /* TRANSLATORS: the page number in the footer of the appendix */
  page_text = g_strdup_printf (_("Page %u of %u"), page_index + 1, flow->pages->len);
  pango_layout_set_text (footer, page_text, -1);
  pango_layout_get_size (footer, &width, NULL);

  /* Running headers and footers repeat on every page: a screen reader skips them. */
  if (tagged)
    cairo_tag_begin (cr, TANDEM_PDF_TAG_PAGINATION, "");

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.38);
  cairo_move_to (cr, MARGIN_SIDE, 36);
  pango_cairo_show_layout (cr, header);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_SIDE, 50);
  cairo_line_to (cr, page->width - MARGIN_SIDE, 50);
  cairo_stroke (cr);

  cairo_move_to (cr, page->width - MARGIN_SIDE - width / (double)PANGO_SCALE, page->height - 40);
  pango_cairo_show_layout (cr, footer);

  if (flow->footer_note != NULL)
    {
      pango_layout_set_markup (note, flow->footer_note, -1);
      cairo_set_source_rgb (cr, 0.65, 0.1, 0.1);
      cairo_move_to (cr, MARGIN_SIDE, page->height - 40);
      pango_cairo_show_layout (cr, note);
    }

  if (tagged)
    cairo_tag_end (cr, TANDEM_PDF_TAG_PAGINATION);
}

static char *
figure_alt (Fragment *fragment)
{
  Figure *figure = fragment->block->figure;
  g_autofree char *fallback = g_strdup_printf (_("Figure %u: %s"), figure->number, figure->caption);
  const char *alt = figure->alt != NULL ? figure->alt : fallback;

  if (fragment->n_parts > 1)
    return g_strdup_printf (_("Part %u of %u of figure %u. %s"), fragment->part,
                            fragment->n_parts, figure->number, alt);

  return g_strdup (alt);
}

/* Set on a cairo context while the flow draws a tagged page onto it. */
static const cairo_user_data_key_t tagged_key;

/**
 * tandem_flow_tag_begin:
 * @tag: a structure tag name, as for cairo_tag_begin()
 *
 * For custom pages: begins @tag when the page is being drawn into a tagged PDF, and does
 * nothing when it is printed (where a PDF printer would get half a structure tree).
 */
void
tandem_flow_tag_begin (cairo_t    *cr,
                       const char *tag)
{
  if (cairo_get_user_data (cr, &tagged_key) != NULL)
    cairo_tag_begin (cr, tag, "");
}

void
tandem_flow_tag_end (cairo_t    *cr,
                     const char *tag)
{
  if (cairo_get_user_data (cr, &tagged_key) != NULL)
    cairo_tag_end (cr, tag);
}

/**
 * tandem_flow_draw_page:
 * @tagged: whether to add PDF links and destinations (not for printers)
 *
 * Draws one page, at its size in points, onto @cr.
 */
void
tandem_flow_draw_page (TandemFlow *flow,
                       cairo_t    *cr,
                       guint       page_index,
                       gboolean    tagged)
{
  Page *page;

  tandem_flow_paginate (flow);
  g_return_if_fail (page_index < flow->pages->len);
  page = g_ptr_array_index (flow->pages, page_index);

  cairo_save (cr);

  if (!page->custom)
    draw_running_text (flow, cr, page, page_index, tagged);

  for (guint i = 0; i < page->fragments->len; i++)
    {
      Fragment *fragment = &g_array_index (page->fragments, Fragment, i);
      Block *block = fragment->block;

      switch (fragment->kind)
        {
        case FRAGMENT_CUSTOM:
          if (tagged)
            {
              close_groups (flow, cr);
              cairo_tag_begin (cr, "Sect", "");
            }
          cairo_save (cr);
          cairo_set_user_data (cr, &tagged_key, tagged ? GINT_TO_POINTER (1) : NULL, NULL);
          block->page_func (cr, flow->context, page->width, page->height, block->page_data);
          cairo_set_user_data (cr, &tagged_key, NULL, NULL);
          cairo_restore (cr);
          if (tagged)
            cairo_tag_end (cr, "Sect");
          break;

        case FRAGMENT_TEXT:
          if (tagged)
            {
              if (block->caption_of != NULL)
                {
                  /* A table's caption is the first child of its Table element. */
                  close_groups (flow, cr);
                  cairo_tag_begin (cr, "Table", "");
                  flow->open_table = block->caption_of;
                }
              else if (block->list_item)
                {
                  if (!flow->open_list)
                    {
                      close_groups (flow, cr);
                      cairo_tag_begin (cr, "L", "");
                      flow->open_list = TRUE;
                    }
                  cairo_tag_begin (cr, "LI", "");
                  if (fragment->first)
                    cairo_tag_begin (cr, "Lbl", "");
                }
              else
                close_groups (flow, cr);
            }
          if (block->list_item && fragment->first)
            {
              cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
              {
                g_autoptr(PangoLayout) bullet = make_layout (flow, style_font (TANDEM_FLOW_BODY),
                                                             "•", block->indent);

                cairo_move_to (cr, fragment->x - block->indent + 2, fragment->y);
                pango_cairo_show_layout (cr, bullet);
              }
              if (tagged)
                cairo_tag_end (cr, "Lbl");
            }
          if (tagged)
            cairo_tag_begin (cr, structure_name (block), "");
          if (tagged && fragment->first && block->kind == BLOCK_HEADING)
            {
              g_autofree char *dest = dest_name (block);
              g_autofree char *attributes = g_strdup_printf ("name='%s'", dest);

              cairo_tag_begin (cr, CAIRO_TAG_DEST, attributes);
            }
          cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
          if (block->level == -1)
            cairo_set_source_rgb (cr, 0.3, 0.3, 0.33);
          {
            Block *target = block->ref_key != NULL ? resolve_reference (flow, block) : NULL;
            g_autofree char *dest = target != NULL ? dest_name (target) : NULL;
            g_autofree char *link = dest != NULL ? g_strdup_printf ("dest='%s'", dest) : NULL;

            if (tagged && link != NULL)
              cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
            show_lines (cr, block->layout, fragment->x, fragment->y - fragment->offset,
                        fragment->offset, fragment->offset + fragment->height);
            if (tagged && link != NULL)
              cairo_tag_end (cr, CAIRO_TAG_LINK);
          }
          if (tagged && fragment->first && block->kind == BLOCK_HEADING)
            cairo_tag_end (cr, CAIRO_TAG_DEST);
          if (tagged)
            cairo_tag_end (cr, structure_name (block));
          if (tagged && block->list_item)
            cairo_tag_end (cr, "LI");
          break;

        case FRAGMENT_ROW:
          if (tagged && flow->open_table != block)
            {
              close_groups (flow, cr);
              cairo_tag_begin (cr, "Table", "");
              flow->open_table = block;
            }
          if (tagged)
            cairo_tag_begin (cr, "TR", "");
          draw_row (cr, fragment, tagged);
          if (tagged)
            cairo_tag_end (cr, "TR");
          break;

        case FRAGMENT_FIGURE:
          if (tagged)
            {
              close_groups (flow, cr);
              cairo_tag_begin (cr, "Figure", "");
              g_ptr_array_add (flow->figure_alts, figure_alt (fragment));
            }
          if (tagged && fragment->first)
            {
              g_autofree char *dest = dest_name (block);
              g_autofree char *attributes = g_strdup_printf ("name='%s'", dest);

              cairo_tag_begin (cr, CAIRO_TAG_DEST, attributes);
            }
          draw_figure (flow, cr, fragment);
          if (tagged && fragment->first)
            cairo_tag_end (cr, CAIRO_TAG_DEST);
          if (tagged)
            cairo_tag_end (cr, "Figure");
          break;

        case FRAGMENT_CONTENTS_TITLE:
          if (tagged)
            {
              close_groups (flow, cr);
              cairo_tag_begin (cr, "H1", "");
            }
          {
            g_autoptr(PangoLayout) title = make_layout (flow, FONT_FAMILY " Bold 18",
                                                        _("Contents"), content_width_portrait ());
            cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
            cairo_move_to (cr, fragment->x, fragment->y);
            pango_cairo_show_layout (cr, title);
          }
          if (tagged)
            cairo_tag_end (cr, "H1");
          break;

        case FRAGMENT_CONTENTS_ENTRY:
          if (tagged)
            {
              if (!flow->open_toc)
                {
                  close_groups (flow, cr);
                  cairo_tag_begin (cr, "TOC", "");
                  flow->open_toc = TRUE;
                }
              /* Left open for the entries under it; closed by the next at its level. */
              open_toc_entry (flow, cr, block->level);
            }
          draw_contents_entry (flow, cr, fragment, tagged);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  cairo_restore (cr);
}

static void
add_outline (TandemFlow      *flow,
             cairo_surface_t *surface)
{
  int parents[4] = { CAIRO_PDF_OUTLINE_ROOT, 0, 0, 0 };

  for (guint i = 0; i < flow->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (flow->blocks, i);
      g_autofree char *dest = NULL;
      g_autofree char *link = NULL;
      const char *text;
      int parent;

      if (block->kind != BLOCK_HEADING)
        continue;

      dest = dest_name (block);
      link = g_strdup_printf ("dest='%s'", dest);
      text = pango_layout_get_text (block->layout);
      parent = parents[block->level - 1];
      parents[block->level] = cairo_pdf_surface_add_outline (surface, parent, text, link,
                                                             block->level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      for (int l = block->level + 1; l < 4; l++)
        parents[l] = parents[block->level];
    }
}

#define PDF_SINK_SIZE (64 * 1024)

typedef struct
{
  TandemFileWriter *writer;
  GByteArray       *buffer;
} PdfSink;

static gboolean
flush_sink (PdfSink *sink)
{
  gboolean ok = TRUE;

  if (sink->buffer->len > 0)
    ok = tandem_file_writer_write (sink->writer, sink->buffer->data, sink->buffer->len, NULL);
  g_byte_array_set_size (sink->buffer, 0);

  return ok;
}

static cairo_status_t
on_pdf_write_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  PdfSink *sink = closure;

  /* Cairo hands over a PDF in pieces of a few bytes (an operator, a number): a write() each
   * cost more than drawing the pages once the appendix ran to hundreds of pages. They are
   * gathered here and written a buffer at a time; the writer keeps its first error for
   * tandem_file_writer_commit() to report. */
  g_byte_array_append (sink->buffer, data, length);
  if (sink->buffer->len >= PDF_SINK_SIZE)
    return flush_sink (sink) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/* Runs the tagging step (tandem-pdf-tags.cc) over what cairo wrote to the writer's temporary
 * file, and puts the result in its place, before the writer renames it over the target. */
static gboolean
add_pdf_tags (TandemFlow        *flow,
              TandemFileWriter  *writer,
              GError           **error)
{
  TandemPdfTags tags = { "en-GB", flow->figure_alts };
  g_autoptr(GBytes) output = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  int fd = tandem_file_writer_get_fd (writer);

  if (!g_file_get_contents (tandem_file_writer_get_temp_path (writer), &contents, &length, error))
    return FALSE;

  output = tandem_pdf_tags_apply (contents, length, &tags, error);
  if (output == NULL)
    return FALSE;

  if (ftruncate (fd, 0) != 0 || lseek (fd, 0, SEEK_SET) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not finish the PDF: %s. Nothing was written."), g_strerror (saved_errno));
      return FALSE;
    }

  /* A failed write is the writer's error, a sentence naming the file and the folder. */
  if (!tandem_file_writer_write (writer, g_bytes_get_data (output, NULL), g_bytes_get_size (output), NULL))
    return tandem_file_writer_commit (writer, error);

  return TRUE;
}

/* The page on which each block is drawn for the last time, while writing the pages in order. */
static GHashTable *
last_pages (TandemFlow *flow)
{
  GHashTable *last = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < flow->pages->len; i++)
    {
      Page *page = g_ptr_array_index (flow->pages, i);

      for (guint j = 0; j < page->fragments->len; j++)
        g_hash_table_insert (last, g_array_index (page->fragments, Fragment, j).block,
                             GUINT_TO_POINTER (i + 1));
    }

  return last;
}

/* Once page @index is written, the blocks that end on it give back their shaped text (Pango
 * keeps every line's glyphs until told otherwise), as they did once placed (place_text()):
 * memory stays near one page's worth of glyphs however long the appendix. The layouts
 * themselves stay, with their text and width, and shape again if the flow is drawn again. */
static void
release_written (TandemFlow *flow,
                 GHashTable *last,
                 guint       index)
{
  Page *page = g_ptr_array_index (flow->pages, index);

  for (guint j = 0; j < page->fragments->len; j++)
    {
      Block *block = g_array_index (page->fragments, Fragment, j).block;

      if (block == NULL || GPOINTER_TO_UINT (g_hash_table_lookup (last, block)) != index + 1)
        continue;
      if (block->layout != NULL)
        pango_layout_context_changed (block->layout);
      if (block->table != NULL)
        for (guint r = 0; r < block->table->rows->len; r++)
          {
            Row *row = &g_array_index (block->table->rows, Row, r);

            for (guint c = 0; c < block->table->n_columns; c++)
              if (row->cells[c].layout != NULL)
                pango_layout_context_changed (row->cells[c].layout);
          }
    }
}

/**
 * tandem_flow_write_pdf:
 *
 * Writes the flow as a PDF to @path through the file writer: a locked temporary file in the
 * same folder, renamed into place only when cairo and every write have succeeded, so a
 * failure never leaves half a file, nor a temporary, and never changes an existing @path.
 */
gboolean
tandem_flow_write_pdf (TandemFlow                *flow,
                       const char                *path,
                       const TandemFlowMetadata  *metadata,
                       GError                   **error)
{
  g_autoptr(TandemFileWriter) writer = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  gboolean complete = TRUE;
  gboolean cancelled = FALSE;
  g_autoptr(GHashTable) last = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  PdfSink sink;
  cairo_t *cr;

  tandem_flow_paginate (flow);
  last = last_pages (flow);

  writer = tandem_file_writer_new (path, TANDEM_FILE_WRITER_KEEP_MODE, error);
  if (writer == NULL)
    return FALSE;

  sink.writer = writer;
  sink.buffer = buffer = g_byte_array_sized_new (PDF_SINK_SIZE + 4096);
  surface = cairo_pdf_surface_create_for_stream (on_pdf_write_cb, &sink, A4_SHORT, A4_LONG);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  if (metadata != NULL)
    {
      if (metadata->title)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, metadata->title);
      if (metadata->author)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, metadata->author);
      if (metadata->subject)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, metadata->subject);
      if (metadata->keywords)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, metadata->keywords);
      if (metadata->creator)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, metadata->creator);
      if (metadata->date)
        {
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, metadata->date);
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, metadata->date);
        }
    }

  cr = cairo_create (surface);
  cairo_tag_begin (cr, "Document", "");
  flow->open_table = NULL;
  flow->open_toc = flow->open_list = FALSE;
  flow->toc_depth = 0;
  g_clear_pointer (&flow->figure_alts, g_ptr_array_unref);
  flow->figure_alts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < flow->pages->len; i++)
    {
      Page *page = g_ptr_array_index (flow->pages, i);
      g_autofree char *label = g_strdup_printf ("%u", i + 1);

      if (g_cancellable_is_cancelled (flow->cancellable))
        {
          cancelled = TRUE;
          break;
        }

      cairo_pdf_surface_set_size (surface, page->width, page->height);
      cairo_pdf_surface_set_page_label (surface, label);
      tandem_flow_draw_page (flow, cr, i, TRUE);
      if (i + 1 == flow->pages->len)
        close_groups (flow, cr);
      cairo_show_page (cr);
      flush_sink (&sink);  /* so that a full disk is seen here, after the page that hit it */
      release_written (flow, last, i);

      /* Stop at the first error (a full disk, usually). Cairo 1.16 carries on after one and
       * then trips its own assertion (cairo-array.c:226) when the structure tree is closed
       * over pages it never wrote, which would abort the whole application. */
      if (cairo_status (cr) != CAIRO_STATUS_SUCCESS ||
          cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS ||
          tandem_file_writer_get_errno (writer) != 0)
        {
          complete = FALSE;
          break;
        }

      if (flow->progress_func != NULL)
        flow->progress_func ((double)(i + 1) / flow->pages->len, flow->progress_data);
    }

  if (complete)
    {
      /* After the last page: cairo 1.16 fails if the structure closes before it is shown.
       * A cancelled export closes its structure too, so that cairo finishes cleanly; its
       * pages are then thrown away with the temporary file. */
      if (cancelled)
        close_groups (flow, cr);
      cairo_tag_end (cr, "Document");
      if (!cancelled)
        add_outline (flow, surface);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  if (complete)
    cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  flush_sink (&sink);

  /* Cancelled: the pages so far are thrown away with the temporary file (the writer removes
   * it when freed uncommitted), and the file the user chose, if it existed, is left as it
   * was. */
  if (cancelled)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("The export was cancelled."));
      return FALSE;
    }

  /* A failed write is the writer's error, a sentence naming the file and the folder. */
  if (tandem_file_writer_get_errno (writer) != 0)
    return tandem_file_writer_commit (writer, error);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not make the PDF “%s”: %s. Nothing was written."),
                   name, cairo_status_to_string (status));
      return FALSE;
    }

  /* What cairo 1.16 cannot write: /Lang, /Alt, TH scopes, artifacts, one Document root. */
  if (!add_pdf_tags (flow, writer, error))
    return FALSE;

  return tandem_file_writer_commit (writer, error);
}
