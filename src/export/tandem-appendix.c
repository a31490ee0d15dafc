/* tandem-appendix.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-appendix"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "tandem-appendix-private.h"
#include "tandem-appendix.h"
#include "tandem-attachment.h"
#include "tandem-audit-entry.h"
#include "tandem-checklist-item.h"
#include "tandem-checklist-section.h"
#include "tandem-checklist.h"
#include "tandem-condition.h"
#include "tandem-evidence-link.h"
#include "tandem-journey-measures.h"
#include "tandem-labels.h"
#include "tandem-lane.h"
#include "tandem-pdf-tags.h"
#include "tandem-quote.h"
#include "tandem-signoff.h"
#include "tandem-snapshot.h"
#include "tandem-stage.h"
#include "tandem-step.h"

/*
 * The appendix to the pre-consultation business case: who was involved, how, what the board
 * concluded, and how the patient's journey changes. It is built as a TandemFlow from the
 * document, then written as a PDF or printed, page for page the same.
 */

#define AUDIT_EXTRACT 60

typedef struct
{
  const char *name;
  gsize       offset;
  const char *title;
  const char *description;
} Part;

static const Part parts[] = {
  { "summary", G_STRUCT_OFFSET (TandemAppendixOptions, summary),
    N_("Project summary"), N_("The proposed change and the conditions that apply") },
  { "checklists", G_STRUCT_OFFSET (TandemAppendixOptions, checklists),
    N_("Checklist answers"), N_("Every item with its status, rating, evidence and comments") },
  { "decisions", G_STRUCT_OFFSET (TandemAppendixOptions, decisions),
    N_("Decisions and sign-offs"), N_("The board’s decision on each checklist, with void sign-offs marked") },
  { "audit", G_STRUCT_OFFSET (TandemAppendixOptions, audit),
    N_("Audit trail"), N_("An extract of who changed which answer, when") },
  { "journeys", G_STRUCT_OFFSET (TandemAppendixOptions, journeys),
    N_("Journey figures"), N_("The before and after maps of each journey") },
  { "measures", G_STRUCT_OFFSET (TandemAppendixOptions, measures),
    N_("Journey measures"), N_("Steps, hand-offs, waiting and time, before against after") },
  { "steps", G_STRUCT_OFFSET (TandemAppendixOptions, step_lists),
    N_("Journeys as text"), N_("The steps in order: the accessible alternative to the figures") },
  { "quotes", G_STRUCT_OFFSET (TandemAppendixOptions, quotes),
    N_("Quotes"), N_("People’s own words, only where they agreed to be quoted") },
  { "engagement", G_STRUCT_OFFSET (TandemAppendixOptions, engagement_log),
    N_("Engagement log"), N_("Who took part at each stage, how, and with what support") },
  { "reach", G_STRUCT_OFFSET (TandemAppendixOptions, reach),
    N_("Reach of groups"), N_("Groups against stages, and the gaps in words") },
  { "ladder", G_STRUCT_OFFSET (TandemAppendixOptions, ladder),
    N_("Ladder profile"), N_("The rungs the record shows at each stage beside the self-assessment") },
  { "you-said", G_STRUCT_OFFSET (TandemAppendixOptions, you_said),
    N_("You said, we did"), N_("Each theme, the response and why, and when it was fed back") },
};

guint
tandem_appendix_get_n_parts (void)
{
  return G_N_ELEMENTS (parts);
}

const char *
tandem_appendix_get_part_title (guint part)
{
  g_return_val_if_fail (part < G_N_ELEMENTS (parts), NULL);
  return _(parts[part].title);
}

const char *
tandem_appendix_get_part_description (guint part)
{
  g_return_val_if_fail (part < G_N_ELEMENTS (parts), NULL);
  return _(parts[part].description);
}

#define PART(options, part) (*(gboolean *)((char *)(options) + (part)->offset))

gboolean
tandem_appendix_options_get_part (const TandemAppendixOptions *options,
                                  guint                        part)
{
  g_return_val_if_fail (part < G_N_ELEMENTS (parts), FALSE);
  return PART (options, &parts[part]);
}

void
tandem_appendix_options_set_part (TandemAppendixOptions *options,
                                  guint                  part,
                                  gboolean               included)
{
  g_return_if_fail (part < G_N_ELEMENTS (parts));
  PART (options, &parts[part]) = !!included;
}

/* Options */

void
tandem_appendix_options_init (TandemAppendixOptions *options)
{
  memset (options, 0, sizeof *options);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    PART (options, &parts[i]) = TRUE;

  options->figure_paper = TANDEM_PAPER_A4;
}

void
tandem_appendix_options_clear (TandemAppendixOptions *options)
{
  g_clear_pointer (&options->date, g_free);
  g_clear_pointer (&options->chosen_checklists, g_strfreev);
}

/**
 * tandem_appendix_options_set_checklists:
 * @list: comma-separated checklist titles or numbers (1 is the first)
 *
 * Chooses which checklists go into the appendix; whether each one exists is checked against
 * the document with tandem_appendix_options_check_checklists().
 */
gboolean
tandem_appendix_options_set_checklists (TandemAppendixOptions  *options,
                                        const char             *list,
                                        GError                **error)
{
  g_auto(GStrv) names = g_strsplit (list, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_strstrip (names[i]);
      if (names[i][0] != '\0')
        g_strv_builder_add (builder, names[i]);
    }

  g_clear_pointer (&options->chosen_checklists, g_strfreev);
  options->chosen_checklists = g_strv_builder_end (builder);
  if (options->chosen_checklists[0] == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("--pdf-checklists names no checklist. Give their titles or numbers, "
                     "separated by commas, such as “1,3”."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
checklist_matches (TandemChecklist *checklist,
                   guint            index,
                   const char      *name)
{
  g_autofree char *number = g_strdup_printf ("%u", index + 1);

  return g_str_equal (name, number) ||
         g_utf8_collate (name, tandem_checklist_get_title (checklist)) == 0;
}

static gboolean
checklist_chosen (const TandemAppendixOptions *options,
                  TandemChecklist             *checklist,
                  guint                        index)
{
  if (options->chosen_checklists == NULL)
    return TRUE;

  for (guint i = 0; options->chosen_checklists[i] != NULL; i++)
    if (checklist_matches (checklist, index, options->chosen_checklists[i]))
      return TRUE;

  return FALSE;
}

/**
 * tandem_appendix_options_check_checklists:
 *
 * Returns: %FALSE, with a sentence listing the document's checklists, when a chosen
 *   checklist is not in @document
 */
gboolean
tandem_appendix_options_check_checklists (const TandemAppendixOptions  *options,
                                          TandemDocument               *document,
                                          GError                      **error)
{
  TandemList *checklists = tandem_document_get_checklists (document);

  for (guint i = 0; options->chosen_checklists != NULL && options->chosen_checklists[i] != NULL; i++)
    {
      gboolean found = FALSE;
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint j = 0; j < tandem_list_get_n (checklists); j++)
        {
          TandemChecklist *checklist = tandem_list_get (checklists, j);

          found |= checklist_matches (checklist, j, options->chosen_checklists[i]);
          g_string_append_printf (known, "%s%u “%s”", j > 0 ? ", " : "", j + 1,
                                  tandem_checklist_get_title (checklist));
        }

      if (!found)
        {
          if (known->len == 0)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("There is no checklist “%s”: this project has no checklists."),
                         options->chosen_checklists[i]);
          else
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("There is no checklist “%s”. Choose from: %s."),
                         options->chosen_checklists[i], known->str);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * tandem_appendix_parts_help:
 *
 * Returns: the names of the parts, for --help
 */
const char *
tandem_appendix_parts_help (void)
{
  static char *help;

  if (help == NULL)
    {
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        g_string_append_printf (text, "%s%s", i ? "," : "", parts[i].name);
      help = g_string_free (text, FALSE);
    }

  return help;
}

/**
 * tandem_appendix_options_set_parts:
 * @parts: a comma-separated list of part names; only those are included
 */
gboolean
tandem_appendix_options_set_parts (TandemAppendixOptions  *options,
                                   const char             *list,
                                   GError                **error)
{
  g_auto(GStrv) names = g_strsplit (list, ",", -1);
  TandemAppendixOptions chosen = *options;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    PART (&chosen, &parts[i]) = FALSE;

  for (guint j = 0; names[j] != NULL; j++)
    {
      g_autofree char *name = g_strstrip (g_strdup (names[j]));
      gboolean found = FALSE;

      if (name[0] == '\0')
        continue;

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          if (g_str_equal (name, parts[i].name))
            {
              PART (&chosen, &parts[i]) = TRUE;
              found = TRUE;
            }
        }

      if (!found)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not a part of the appendix; choose from %s."),
                       name, tandem_appendix_parts_help ());
          return FALSE;
        }
    }

  *options = chosen;

  return TRUE;
}

gboolean
tandem_appendix_options_set_date (TandemAppendixOptions  *options,
                                  const char             *date,
                                  GError                **error)
{
  int y, m, d;
  char end;

  if (sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 || strlen (date) != 10 ||
      !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a date; write it as YYYY-MM-DD, for example 2026-11-23."),
                   date);
      return FALSE;
    }

  g_free (options->date);
  options->date = g_strdup (date);

  return TRUE;
}

gboolean
tandem_appendix_options_set_paper (TandemAppendixOptions  *options,
                                   const char             *paper,
                                   GError                **error)
{
  if (g_ascii_strcasecmp (paper, "a4") == 0)
    options->figure_paper = TANDEM_PAPER_A4;
  else if (g_ascii_strcasecmp (paper, "a3") == 0)
    options->figure_paper = TANDEM_PAPER_A3;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a paper size for journey figures; choose a4 or a3."), paper);
      return FALSE;
    }

  return TRUE;
}

/* The date of the appendix: fixed, SOURCE_DATE_EPOCH, or now. */
static GDateTime *
appendix_date (const TandemAppendixOptions *options)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  if (options->date != NULL)
    {
      int y, m, d;

      sscanf (options->date, "%d-%d-%d", &y, &m, &d);
      return g_date_time_new_utc (y, m, d, 0, 0, 0);
    }

  if (epoch != NULL && epoch[0] != '\0')
    {
      gint64 seconds = g_ascii_strtoll (epoch, NULL, 10);

      if (seconds > 0)
        return g_date_time_new_from_unix_utc (seconds);
    }

  return g_date_time_new_now_utc ();
}

/* Dates and times: one style everywhere in the appendix, "15 December 2026", and times in
 * the reader's time zone with the zone named, "15 December 2026, 14:05 GMT". */

static char *
format_date (const char *iso_date)
{
  g_autofree char *text = tandem_format_date (iso_date);

  return text[0] != '\0' ? g_steal_pointer (&text) : g_strdup (iso_date ? iso_date : "");
}

static char *
format_time (const char *timestamp)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (timestamp == NULL || timestamp[0] == '\0')
    return g_strdup ("");

  time = g_date_time_new_from_iso8601 (timestamp, NULL);
  if (time == NULL)
    return g_strdup (timestamp);
  local = g_date_time_to_local (time);

  /* TRANSLATORS: a time in the appendix, such as “15 December 2026, 14:05 GMT”; see
   * g_date_time_format() */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M %Z"));
}

/* Several voices on one step, in words: ", the median of 5 votes: 2 very bad, 1 bad and 2
 * good". Nothing for a step with one vote or none. */
static void
append_spread (GString    *line,
               TandemStep *step)
{
  TandemFeelingSpread spread;
  g_autoptr(GPtrArray) counted = g_ptr_array_new_with_free_func (g_free);

  if (!tandem_step_get_spread (step, &spread) || spread.n_votes < 2)
    return;

  for (int feeling = TANDEM_FEELING_VERY_BAD; feeling <= TANDEM_FEELING_VERY_GOOD; feeling++)
    if (spread.counts[feeling] > 0)
      g_ptr_array_add (counted, g_strdup_printf ("%u %s", spread.counts[feeling],
                                               tandem_feeling_to_label (feeling)));

  g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, ", the median of %u vote:",
                                             ", the median of %u votes:", spread.n_votes),
                          spread.n_votes);
  for (guint i = 0; i < counted->len; i++)
    g_string_append_printf (line, "%s%s",
                            i == 0 ? " " : i + 1 == counted->len ? _(" and ") : ", ",
                            (const char *)g_ptr_array_index (counted, i));
}

/* Cover */

typedef struct
{
  char     *title;
  char     *organisation;
  char     *programme;
  char     *version;
  char     *date;
  char     *status;
  char     *board;           /* the board paper's fields, markup; empty when none is set */
  char     *classification;
  gboolean  fictional;
} Cover;

static void
cover_free (gpointer data)
{
  Cover *cover = data;

  g_free (cover->title);
  g_free (cover->organisation);
  g_free (cover->programme);
  g_free (cover->version);
  g_free (cover->date);
  g_free (cover->status);
  g_free (cover->board);
  g_free (cover->classification);
  g_free (cover);
}

/* Shows @markup as the structure element @tag of the tagged PDF (no tag when printing): the cover's text is a heading and paragraphs, its bands are decoration. */
static double
show_text (cairo_t      *cr,
           PangoContext *context,
           const char   *tag,
           const char   *font,
           const char   *markup,
           double        x,
           double        y,
           double        width)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  int height;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  tandem_flow_tag_begin (cr, tag);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  tandem_flow_tag_end (cr, tag);
  pango_layout_get_size (layout, NULL, &height);

  return height / (double)PANGO_SCALE;
}

static void
draw_cover (cairo_t      *cr,
            PangoContext *context,
            double        width,
            double        height,
            gpointer      user_data)
{
  Cover *cover = user_data;
  double x = 64, y = 150, text_width = width - 128;
  g_autofree char *title = g_markup_escape_text (cover->title, -1);
  g_autofree char *details = NULL;

  /* A band of colour across the top, as on NHS documents: decoration, an artifact in the PDF. */
  tandem_flow_tag_begin (cr, TANDEM_PDF_TAG_DECORATION);
  cairo_set_source_rgb (cr, 0.0, 0.37, 0.72);
  cairo_rectangle (cr, 0, 0, width, 96);
  cairo_fill (cr);
  tandem_flow_tag_end (cr, TANDEM_PDF_TAG_DECORATION);
  cairo_set_source_rgb (cr, 1, 1, 1);
  show_text (cr, context, "P", "Noto Sans, DejaVu Sans Bold 13",
             _("Appendix to the pre-consultation business case"), x, 38, text_width);

  /* A protective marking is printed at the top and the foot of the page, as the Government
   * Security Classifications ask. */
  if (cover->classification[0] != '\0')
    {
      g_autofree char *marking = g_markup_printf_escaped ("<b>%s</b>", cover->classification);

      show_text (cr, context, "P", "Noto Sans, DejaVu Sans 11", marking, x, 64, text_width);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
      show_text (cr, context, "P", "Noto Sans, DejaVu Sans 11", marking, x, height - 80,
                 text_width);
    }

  if (cover->fictional)
    {
      tandem_flow_tag_begin (cr, TANDEM_PDF_TAG_DECORATION);
      cairo_set_source_rgb (cr, 0.75, 0.1, 0.1);
      cairo_rectangle (cr, x - 8, 112, text_width + 16, 26);
      cairo_fill (cr);
      tandem_flow_tag_end (cr, TANDEM_PDF_TAG_DECORATION);
      cairo_set_source_rgb (cr, 1, 1, 1);
      show_text (cr, context, "P", "Noto Sans, DejaVu Sans Bold 11",
                 _("FICTIONAL DEMONSTRATION DATA — NOT A REAL PROPOSAL"), x, 117, text_width);
    }

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
  y += show_text (cr, context, "H1", "Noto Sans, DejaVu Sans Bold 28", title, x, y, text_width) + 24;

  /* What a board paper says first: which meeting, which item, who wrote it, who sponsors it
   * and why it comes. Only the fields the project has. */
  if (cover->board[0] != '\0')
    y += show_text (cr, context, "P", "Noto Sans, DejaVu Sans 12", cover->board, x, y,
                    text_width) + 20;

  details = g_markup_printf_escaped ("<b>%s</b>\n%s\n\n<b>%s</b>\n%s\n\n<b>%s</b>\n%s\n\n"
                                     "<b>%s</b>\n%s\n\n<b>%s</b>\n%s",
                                     _("Organisation"), cover->organisation[0] ? cover->organisation : "—",
                                     _("Programme"), cover->programme[0] ? cover->programme : "—",
                                     _("Version"), cover->version[0] ? cover->version : "—",
                                     _("Date"), cover->date,
                                     _("Status"), cover->status);
  show_text (cr, context, "P", "Noto Sans, DejaVu Sans 12", details, x, y, text_width);

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.38);
  {
    g_autofree char *made = g_strdup_printf (_("Made with Tandem %s"), PACKAGE_VERSION);
    show_text (cr, context, "P", "Noto Sans, DejaVu Sans 8", made, x, height - 56, text_width);
  }
}

/* Summary */

static void
add_summary (TandemFlow     *flow,
             TandemDocument *document)
{
  TandemList *conditions = tandem_document_get_conditions (document);
  const char *summary = tandem_document_get_summary (document);

  tandem_flow_heading (flow, 1, _("About the proposed change"), TRUE);

  if (summary[0] != '\0')
    {
      g_auto(GStrv) paragraphs = g_strsplit (summary, "\n\n", -1);

      for (guint i = 0; paragraphs[i] != NULL; i++)
        tandem_flow_text (flow, TANDEM_FLOW_BODY, paragraphs[i]);
    }
  else
    tandem_flow_text (flow, TANDEM_FLOW_BODY, _("Nobody has written a summary yet."));

  if (tandem_list_get_n (conditions) > 0)
    {
      const double fractions[] = { 0.78, 0.22 };
      const char *header[] = { _("Condition"), _("Applies") };
      TandemFlowTable *table = tandem_flow_table_new (2, fractions,
                                                      _("Conditions of the proposal that decide which checklist questions apply"));

      tandem_flow_table_add_row (table, TRUE, header, NULL);
      for (guint i = 0; i < tandem_list_get_n (conditions); i++)
        {
          TandemCondition *condition = tandem_list_get (conditions, i);
          const char *row[] = { tandem_condition_get_label (condition),
                                tandem_condition_get_enabled (condition) ? _("Yes") : _("No") };

          tandem_flow_table_add_row (table, FALSE, row, NULL);
        }
      tandem_flow_space (flow, 6);
      tandem_flow_table (flow, table);
    }
}

/* Checklists */

static char *
count_text (guint n)
{
  return g_strdup_printf ("%u", n);
}

static void
add_checklist_summary (TandemFlow      *flow,
                       TandemChecklist *checklist,
                       const GDate     *today)
{
  const double fractions[] = { 0.28, 0.08, 0.07, 0.09, 0.08, 0.07, 0.11, 0.12, 0.10 };
  const char *header[] = { _("Section"), _("Apply"), _("Met"), _("Partly met"), _("Not met"),
                           _("Does not apply"), _("In progress"), _("Not started"), _("Overdue") };
  /* The status columns in order; each is counted on its own by the model. */
  const TandemItemStatus columns[] = { TANDEM_ITEM_STATUS_MET, TANDEM_ITEM_STATUS_PARTLY_MET,
                                       TANDEM_ITEM_STATUS_NOT_MET,
                                       TANDEM_ITEM_STATUS_NOT_APPLICABLE,
                                       TANDEM_ITEM_STATUS_IN_PROGRESS,
                                       TANDEM_ITEM_STATUS_NOT_STARTED };
  g_autofree char *caption = g_strdup_printf (_("Summary of “%s” by section"),
                                              tandem_checklist_get_title (checklist));
  TandemFlowTable *table = tandem_flow_table_new (9, fractions, caption);
  TandemList *sections = tandem_checklist_get_sections (checklist);
  TandemProgress total;

  tandem_flow_table_add_row (table, TRUE, header, NULL);

  for (guint i = 0; i <= tandem_list_get_n (sections); i++)
    {
      TandemProgress progress = { 0 };
      /* g_autofree on an array would free only its first string. */
      g_auto(GStrv) c = g_new0 (char *, 8 + 1);
      const char *row[9];
      guint32 fills[9] = { 0 };
      const char *name;

      if (i < tandem_list_get_n (sections))
        {
          TandemChecklistSection *section = tandem_list_get (sections, i);

          tandem_checklist_section_progress (section, today, &progress);
          name = tandem_checklist_section_get_title (section);
        }
      else
        {
          tandem_checklist_get_progress (checklist, today, &total);
          progress = total;
          name = _("All sections");
        }

      c[0] = count_text (progress.applicable);
      for (guint j = 0; j < G_N_ELEMENTS (columns); j++)
        c[j + 1] = count_text (tandem_progress_get_count (&progress, columns[j]));
      c[7] = count_text (progress.overdue);
      row[0] = name;
      for (guint j = 0; j < 8; j++)
        row[j + 1] = c[j];
      if (progress.not_met > 0)
        fills[4] = tandem_rag_to_rgb (TANDEM_RAG_RED);
      if (progress.overdue > 0)
        fills[8] = tandem_rag_to_rgb (TANDEM_RAG_AMBER);

      tandem_flow_table_add_row (table, FALSE, row, fills);
    }

  tandem_flow_table (flow, table);
}

static void
add_item (TandemFlow          *flow,
          TandemChecklistItem *item,
          const GDate         *today)
{
  TandemDocument *document = tandem_object_get_document (TANDEM_OBJECT (item));
  TandemItemStatus status = tandem_checklist_item_get_status (item);
  TandemRag rag = tandem_checklist_item_get_rag (item);
  const double fractions[] = { 0.22, 0.22, 0.36, 0.20 };
  const char *header[] = { _("Status"), _("Rating"), _("Owner"), _("Due") };
  g_autofree char *due = NULL;
  g_autofree char *rag_text = NULL;
  const char *row[4];
  guint32 fills[4] = { 0 };
  TandemFlowTable *table;
  TandemList *links = tandem_checklist_item_get_links (item);
  TandemList *attachments = tandem_checklist_item_get_attachments (item);
  const char *condition = tandem_checklist_item_get_condition (item);

  tandem_flow_heading (flow, 3, tandem_checklist_item_get_question (item), FALSE);

  if (condition[0] != '\0' && document != NULL)
    {
      TandemCondition *c = tandem_document_find_condition (document, condition);
      g_autofree char *note = g_strdup_printf (_("This question applies because the condition “%s” is on."),
                                               c ? tandem_condition_get_label (c) : condition);

      tandem_flow_text (flow, TANDEM_FLOW_SMALL, note);
    }

  due = format_date (tandem_checklist_item_get_due_date (item));
  if (due[0] != '\0' && tandem_checklist_item_is_overdue (item, today))
    {
      g_autofree char *plain = g_steal_pointer (&due);
      due = g_strdup_printf (_("%s (overdue)"), plain);
      fills[3] = tandem_rag_to_rgb (TANDEM_RAG_AMBER);
    }

  if (tandem_checklist_item_rating_disagrees (item))
    rag_text = tandem_checklist_item_get_rating_reason (item)[0] != '\0'
      ? g_strdup_printf (_("%s (override: %s)"), tandem_rag_to_label (rag),
                         tandem_checklist_item_get_rating_reason (item))
      : g_strdup_printf (_("%s (override, no reason given)"), tandem_rag_to_label (rag));
  else
    rag_text = tandem_checklist_item_get_rag_override (item) != TANDEM_RAG_NONE
      ? g_strdup_printf (_("%s (set by a reviewer)"), tandem_rag_to_label (rag))
      : g_strdup (tandem_rag_to_label (rag));

  row[0] = tandem_item_status_to_label (status);
  row[1] = rag_text;
  row[2] = tandem_checklist_item_get_owner (item)[0] ? tandem_checklist_item_get_owner (item) : "—";
  row[3] = due[0] ? due : "—";
  fills[1] = tandem_rag_to_rgb (rag);

  table = tandem_flow_table_new (4, fractions, NULL);
  /* Unnumbered: the question's heading above says which question; a screen reader moving
   * from table to table hears what each one is. */
  tandem_flow_table_set_plain_caption (table, _("Progress on this question"));
  tandem_flow_table_add_row (table, TRUE, header, NULL);
  tandem_flow_table_add_row (table, FALSE, row, fills);
  tandem_flow_table (flow, table);

  if (tandem_checklist_item_get_uses_ladder (item))
    {
      g_autofree char *rung = g_strdup_printf (_("How far people were involved, on the ladder of co-production: %s"),
                                               tandem_ladder_rung_to_label (tandem_checklist_item_get_ladder_rung (item)));
      tandem_flow_text (flow, TANDEM_FLOW_BODY, rung);
    }

  if (tandem_checklist_item_get_evidence (item)[0] != '\0')
    tandem_flow_labelled (flow, _("Evidence"), tandem_checklist_item_get_evidence (item));

  if (tandem_list_get_n (links) > 0)
    {
      tandem_flow_text (flow, TANDEM_FLOW_LABEL, _("Evidence links"));
      for (guint i = 0; i < tandem_list_get_n (links); i++)
        {
          TandemEvidenceLink *link = tandem_list_get (links, i);
          const char *title = tandem_evidence_link_get_title (link);
          g_autofree char *line = title[0]
            ? g_strdup_printf ("%s — %s", title, tandem_evidence_link_get_uri (link))
            : g_strdup (tandem_evidence_link_get_uri (link));

          if (tandem_evidence_link_get_target (link)[0] != '\0')
            _tandem_appendix_add_evidence_target (flow, link);
          else
            tandem_flow_list_item (flow, line);
        }
    }

  if (tandem_list_get_n (attachments) > 0)
    {
      tandem_flow_text (flow, TANDEM_FLOW_LABEL, _("Attached files (kept in the Tandem project, not in this appendix)"));
      for (guint i = 0; i < tandem_list_get_n (attachments); i++)
        {
          TandemAttachment *attachment = tandem_list_get (attachments, i);
          g_autofree char *size = g_format_size (tandem_attachment_get_size (attachment));
          g_autofree char *line = g_strdup_printf ("%s (%s)", tandem_attachment_get_name (attachment), size);

          tandem_flow_list_item (flow, line);
        }
    }

  if (tandem_checklist_item_get_comments (item)[0] != '\0')
    tandem_flow_labelled (flow, _("Comments"), tandem_checklist_item_get_comments (item));

  if (tandem_checklist_item_get_action (item)[0] != '\0')
    tandem_flow_labelled (flow, status == TANDEM_ITEM_STATUS_NOT_MET ? _("Action needed, because this is not met")
                                                                     : _("Action"),
                          tandem_checklist_item_get_action (item));
}

/* The board's view first: one page with every checklist's counts by status, its decision,
 * its sign-offs and whether they verify. */
static void
add_board_view (TandemFlow                  *flow,
                TandemDocument              *document,
                const TandemAppendixOptions *options,
                const GDate                 *today)
{
  TandemList *checklists = tandem_document_get_checklists (document);
  /* Wide enough for the longest word of each header ("Does", "progress"): never broken inside. */
  const double fractions[] = { 0.16, 0.06, 0.08, 0.07, 0.09, 0.10, 0.09, 0.16, 0.19 };
  const char *header[] = { _("Checklist"), _("Met"), _("Partly met"), _("Not met"), _("Does not apply"),
                           _("In progress"), _("Not started"), _("Decision"), _("Sign-offs") };
  const TandemItemStatus columns[] = { TANDEM_ITEM_STATUS_MET, TANDEM_ITEM_STATUS_PARTLY_MET,
                                       TANDEM_ITEM_STATUS_NOT_MET,
                                       TANDEM_ITEM_STATUS_NOT_APPLICABLE,
                                       TANDEM_ITEM_STATUS_IN_PROGRESS,
                                       TANDEM_ITEM_STATUS_NOT_STARTED };
  TandemFlowTable *table;

  tandem_flow_heading (flow, 1, _("The board’s view"), TRUE);
  table = tandem_flow_table_new (9, fractions,
                                 _("Every checklist: questions that apply by status, the decision "
                                   "and its sign-offs"));
  tandem_flow_table_add_row (table, TRUE, header, NULL);

  for (guint i = 0; i < tandem_list_get_n (checklists); i++)
    {
      TandemChecklist *checklist = tandem_list_get (checklists, i);
      TandemList *signoffs = tandem_checklist_get_signoffs (checklist);
      g_autoptr(GPtrArray) unverified = NULL;
      g_autoptr(GString) signed_text = g_string_new (NULL);
      /* g_autofree on an array would free only its first string. */
      g_auto(GStrv) c = g_new0 (char *, 6 + 1);
      guint32 fills[9] = { 0 };
      TandemProgress progress;
      const char *row[9];
      guint standing = tandem_checklist_count_active_signoffs (checklist);
      guint voided = tandem_list_get_n (signoffs) - standing;

      if (!checklist_chosen (options, checklist, i))
        continue;

      tandem_checklist_get_progress (checklist, today, &progress);
      tandem_checklist_verify (checklist, &unverified);
      for (guint j = 0; j < G_N_ELEMENTS (columns); j++)
        c[j] = count_text (tandem_progress_get_count (&progress, columns[j]));

      if (tandem_list_get_n (signoffs) == 0)
        g_string_append (signed_text, _("None"));
      else
        /* TRANSLATORS: “2 standing, 1 voided” */
        g_string_append_printf (signed_text, _("%u standing, %u voided"), standing, voided);
      if (unverified->len > 0)
        {
          /* TRANSLATORS: appended to the sign-off counts */
          g_string_append_printf (signed_text, _("; %u cannot be verified: changed outside Tandem"),
                                  unverified->len);
          fills[8] = tandem_rag_to_rgb (TANDEM_RAG_RED);
        }

      row[0] = tandem_checklist_get_title (checklist);
      for (guint j = 0; j < 6; j++)
        row[j + 1] = c[j];
      row[7] = tandem_decision_to_label (tandem_checklist_get_decision (checklist));
      row[8] = signed_text->str;
      if (progress.not_met > 0)
        fills[3] = tandem_rag_to_rgb (TANDEM_RAG_RED);
      tandem_flow_table_add_row (table, FALSE, row, fills);
    }

  tandem_flow_table (flow, table);
}

static void
add_decision (TandemFlow      *flow,
              TandemChecklist *checklist)
{
  TandemList *signoffs = tandem_checklist_get_signoffs (checklist);
  g_autofree char *decision = g_strdup_printf (_("Decision: %s"),
                                               tandem_decision_to_label (tandem_checklist_get_decision (checklist)));

  tandem_flow_heading (flow, 2, _("Decision and sign-off"), TRUE);
  tandem_flow_text (flow, TANDEM_FLOW_BODY, decision);

  if (tandem_checklist_get_decision_conditions (checklist)[0] != '\0')
    tandem_flow_labelled (flow, _("Conditions of the decision"),
                          tandem_checklist_get_decision_conditions (checklist));
  if (tandem_checklist_get_decision_reason (checklist)[0] != '\0')
    tandem_flow_labelled (flow, _("Reason for the decision while questions are open"),
                          tandem_checklist_get_decision_reason (checklist));

  if (tandem_list_get_n (signoffs) == 0)
    {
      tandem_flow_text (flow, TANDEM_FLOW_BODY, _("Nobody has signed off this checklist."));
      return;
    }

  for (guint i = 0; i < tandem_list_get_n (signoffs); i++)
    {
      TandemSignoff *signoff = tandem_list_get (signoffs, i);
      gboolean voided = tandem_signoff_get_voided_at (signoff)[0] != '\0';
      g_autofree char *signed_at = format_time (tandem_signoff_get_signed_at (signoff));
      /* The moment of signing is the clock's; the meeting date, if any, the user's. */
      g_autofree char *who = g_strdup_printf (_("Signed off by %s, %s, at %s"),
                                              tandem_signoff_get_name (signoff),
                                              tandem_signoff_get_role (signoff),
                                              signed_at);

      tandem_flow_text (flow, voided ? TANDEM_FLOW_STRUCK : TANDEM_FLOW_LABEL, who);
      if (!tandem_checklist_signoff_verifies (checklist, signoff))
        tandem_flow_text (flow, TANDEM_FLOW_LABEL,
                          _("This sign-off cannot be verified: changed outside Tandem."));
      if (tandem_signoff_get_date (signoff)[0] != '\0')
        {
          g_autofree char *meeting = format_date (tandem_signoff_get_date (signoff));

          tandem_flow_labelled (flow, _("Meeting date"), meeting);
        }
      if (tandem_signoff_get_declaration (signoff)[0] != '\0')
        tandem_flow_text (flow, voided ? TANDEM_FLOW_STRUCK : TANDEM_FLOW_BODY,
                          tandem_signoff_get_declaration (signoff));
      if (tandem_signoff_get_reason (signoff)[0] != '\0')
        tandem_flow_labelled (flow, _("Reason for signing off while questions are open"),
                              tandem_signoff_get_reason (signoff));
      if (voided)
        {
          g_autofree char *when = format_time (tandem_signoff_get_voided_at (signoff));
          g_autofree char *why = g_strdup_printf (_("This sign-off was withdrawn (void) on %s. Reason: %s"),
                                                  when, tandem_signoff_get_void_reason (signoff));
          tandem_flow_text (flow, TANDEM_FLOW_BODY, why);
        }
    }
}

static void
add_audit (TandemFlow      *flow,
           TandemChecklist *checklist)
{
  TandemList *audit = tandem_checklist_get_audit (checklist);
  guint n = tandem_list_get_n (audit);
  guint first = n > AUDIT_EXTRACT ? n - AUDIT_EXTRACT : 0;
  const double fractions[] = { 0.17, 0.17, 0.33, 0.33 };
  const char *header[] = { _("When"), _("Who"), _("About"), _("What happened") };
  g_autofree char *caption = NULL;
  TandemFlowTable *table;

  if (n == 0)
    return;

  tandem_flow_heading (flow, 2, _("Audit trail"), TRUE);
  caption = n > AUDIT_EXTRACT
    ? g_strdup_printf (_("The last %u of %u changes to “%s”"), AUDIT_EXTRACT, n,
                       tandem_checklist_get_title (checklist))
    : g_strdup_printf (_("Every change to “%s”"), tandem_checklist_get_title (checklist));
  table = tandem_flow_table_new (4, fractions, caption);
  tandem_flow_table_add_row (table, TRUE, header, NULL);

  for (guint i = first; i < n; i++)
    {
      TandemAuditEntry *entry = tandem_list_get (audit, i);
      g_autofree char *when = format_time (tandem_audit_entry_get_timestamp (entry));
      g_autofree char *what = tandem_audit_entry_describe (entry);
      g_autofree char *who = NULL;
      const char *row[4];

      /* Name and role; never a login name. */
      who = tandem_audit_entry_get_role (entry)[0] != '\0'
        ? g_strdup_printf (_("%s (%s)"), tandem_audit_entry_get_who (entry)[0]
                                           ? tandem_audit_entry_get_who (entry) : _("Name not given"),
                           tandem_audit_entry_get_role (entry))
        : g_strdup (tandem_audit_entry_get_who (entry)[0] ? tandem_audit_entry_get_who (entry)
                                                           : _("Name not given"));
      if (tandem_audit_entry_get_origin (entry)[0] != '\0')
        {
          g_autofree char *plain = g_steal_pointer (&what);
          what = g_strdup_printf ("%s (%s)", plain, tandem_audit_entry_get_origin (entry));
        }
      row[0] = when;
      row[1] = who;
      row[2] = tandem_audit_entry_get_subject (entry);
      row[3] = what;
      tandem_flow_table_add_row (table, FALSE, row, NULL);
    }

  tandem_flow_table (flow, table);
}

static void
add_checklist (TandemFlow                  *flow,
               TandemChecklist             *checklist,
               const TandemAppendixOptions *options,
               const GDate                 *today)
{
  TandemList *sections = tandem_checklist_get_sections (checklist);
  g_autofree char *heading = g_strdup_printf (_("Checklist: %s"), tandem_checklist_get_title (checklist));

  tandem_flow_page_break (flow);
  tandem_flow_heading (flow, 1, heading, TRUE);

  if (tandem_checklist_get_description (checklist)[0] != '\0')
    tandem_flow_text (flow, TANDEM_FLOW_BODY, tandem_checklist_get_description (checklist));
  if (tandem_checklist_get_source (checklist)[0] != '\0')
    {
      g_autofree char *source = g_strdup_printf (_("Source: %s"), tandem_checklist_get_source (checklist));
      tandem_flow_text (flow, TANDEM_FLOW_SMALL, source);
    }

  add_checklist_summary (flow, checklist, today);

  if (options->checklists)
    {
      for (guint i = 0; i < tandem_list_get_n (sections); i++)
        {
          TandemChecklistSection *section = tandem_list_get (sections, i);
          TandemList *items = tandem_checklist_section_get_items (section);
          guint skipped = 0;

          tandem_flow_heading (flow, 2, tandem_checklist_section_get_title (section), TRUE);
          if (tandem_checklist_section_get_description (section)[0] != '\0')
            tandem_flow_text (flow, TANDEM_FLOW_SMALL, tandem_checklist_section_get_description (section));

          for (guint j = 0; j < tandem_list_get_n (items); j++)
            {
              TandemChecklistItem *item = tandem_list_get (items, j);

              if (tandem_checklist_item_is_applicable (item))
                add_item (flow, item, today);
              else
                skipped++;
            }

          if (skipped > 0)
            {
              g_autofree char *note = g_strdup_printf (ngettext ("%u question in this section does not apply to this proposal, because its condition is off.",
                                                                 "%u questions in this section do not apply to this proposal, because their conditions are off.",
                                                                 skipped), skipped);
              tandem_flow_text (flow, TANDEM_FLOW_SMALL, note);
            }
        }
    }

  if (options->decisions)
    add_decision (flow, checklist);

  if (options->audit)
    add_audit (flow, checklist);
}

/* Journeys */

static void
add_measures (TandemFlow    *flow,
              TandemJourney *journey)
{
  const double fractions[] = { 0.28, 0.24, 0.24, 0.24 };
  const char *header[] = { _("Measure"), _("Before"), _("After"), _("Change") };
  g_autofree char *caption = g_strdup_printf (_("The journey “%s” before and after the change"),
                                              tandem_journey_get_title (journey));
  g_autoptr(TandemComparison) comparison = NULL;
  TandemFlowTable *table;

  if (tandem_journey_get_map (journey, TANDEM_MAP_SIDE_BEFORE) == NULL ||
      tandem_journey_get_map (journey, TANDEM_MAP_SIDE_AFTER) == NULL)
    return;

  /* Worded by the model, as the measures panel shows it: the board reads what the room saw. */
  comparison = tandem_journey_compare (journey);
  tandem_flow_text (flow, TANDEM_FLOW_BODY, comparison->summary);

  table = tandem_flow_table_new (4, fractions, caption);
  tandem_flow_table_add_row (table, TRUE, header, NULL);
  for (guint i = 0; i < comparison->rows->len; i++)
    {
      TandemMeasureRow *row = g_ptr_array_index (comparison->rows, i);
      const char *cells[] = { row->name, row->before, row->after, row->change };

      tandem_flow_table_add_row (table, FALSE, cells, NULL);
    }
  tandem_flow_table (flow, table);

  tandem_flow_text (flow, TANDEM_FLOW_SMALL, comparison->definitions);
}

static void
add_step_list (TandemFlow                  *flow,
               TandemJourney               *journey,
               TandemJourneyMap            *map,
               const TandemAppendixOptions *options)
{
  g_autoptr(GPtrArray) steps = tandem_journey_map_steps_in_order (map);
  gboolean before = tandem_journey_map_get_side (map) == TANDEM_MAP_SIDE_BEFORE;

  tandem_flow_heading (flow, 3, before ? _("Steps before the change") : _("Steps after the change"),
                       FALSE);

  if (steps->len == 0)
    {
      tandem_flow_text (flow, TANDEM_FLOW_BODY, _("Nobody has added steps to this map yet."));
      return;
    }

  for (guint i = 0; i < steps->len; i++)
    {
      TandemStep *step = g_ptr_array_index (steps, i);
      TandemStage *stage = tandem_journey_find_stage (journey, tandem_step_get_stage (step));
      TandemLane *lane = tandem_journey_find_lane (journey, tandem_step_get_lane (step));
      TandemList *quotes = tandem_step_get_quotes (step);
      g_autoptr(GString) line = g_string_new (NULL);
      g_autofree char *wait = tandem_format_minutes (tandem_step_get_wait_minutes (step));
      g_autofree char *took = tandem_format_minutes (tandem_step_get_duration_minutes (step));
      g_autofree char *markup = NULL;

      g_string_append_printf (line, "%u. %s", i + 1, tandem_step_get_title (step));
      markup = g_markup_printf_escaped ("<b>%s</b>", line->str);
      tandem_flow_markup (flow, TANDEM_FLOW_BODY, markup);
      tandem_flow_keep_with_next (flow);  /* the step's title stays with its details */

      g_string_truncate (line, 0);
      g_string_append_printf (line, _("Stage: %s. Lane: %s."), stage ? tandem_stage_get_title (stage) : "—",
                              lane ? tandem_lane_get_title (lane) : "—");
      if (tandem_step_get_role (step)[0])
        g_string_append_printf (line, _(" Who: %s."), tandem_step_get_role (step));
      if (tandem_step_get_place (step)[0])
        g_string_append_printf (line, _(" Where: %s."), tandem_step_get_place (step));
      g_string_append_printf (line, _(" Waited: %s. Took: %s."), wait, took);
      g_string_append_printf (line, _(" Felt: %s"), tandem_feeling_to_label (tandem_step_get_feeling (step)));
      if (tandem_step_get_feeling (step) != TANDEM_FEELING_UNKNOWN)
        g_string_append_printf (line, " (%s)", tandem_feeling_to_score_text (tandem_step_get_feeling (step)));
      append_spread (line, step);
      g_string_append (line, ".");
      if (tandem_step_get_pain_point (step))
        g_string_append (line, _(" This is a pain point: a step that goes badly for people."));
      if (tandem_step_get_touchpoint (step))
        g_string_append (line, _(" This is a touchpoint: a step where people deal with the service."));
      tandem_flow_text (flow, TANDEM_FLOW_SMALL, line->str);

      if (tandem_step_get_description (step)[0])
        tandem_flow_text (flow, TANDEM_FLOW_BODY, tandem_step_get_description (step));

      for (guint j = 0; options->quotes && j < tandem_list_get_n (quotes); j++)
        {
          TandemQuote *quote = tandem_list_get (quotes, j);
          g_autofree char *said = NULL;

          /* Only the words of people who agreed to be quoted. */
          if (!tandem_quote_get_consent (quote))
            continue;

          said = tandem_quote_get_session (quote)[0]
            ? g_strdup_printf ("“%s” — %s, %s", tandem_quote_get_text (quote),
                               tandem_quote_get_speaker_role (quote), tandem_quote_get_session (quote))
            : g_strdup_printf ("“%s” — %s", tandem_quote_get_text (quote),
                               tandem_quote_get_speaker_role (quote));
          tandem_flow_text (flow, TANDEM_FLOW_QUOTE, said);
        }
    }
}

static void
add_journey (TandemFlow                  *flow,
             TandemJourney               *journey,
             const TandemAppendixOptions *options)
{
  g_autofree char *heading = g_strdup_printf (_("Journey: %s"), tandem_journey_get_title (journey));

  tandem_flow_page_break (flow);
  tandem_flow_heading (flow, 1, heading, TRUE);
  if (tandem_journey_get_description (journey)[0] != '\0')
    tandem_flow_text (flow, TANDEM_FLOW_BODY, tandem_journey_get_description (journey));

  if (options->measures)
    {
      tandem_flow_heading (flow, 2, _("What changes: the measures"), TRUE);
      add_measures (flow, journey);
    }

  if (options->journeys)
    _tandem_appendix_add_journey_figures (flow, journey, options->step_lists);

  if (options->step_lists)
    {
      tandem_flow_heading (flow, 2, _("The journey as text"), TRUE);
      tandem_flow_text (flow, TANDEM_FLOW_SMALL,
                        _("This section lists the steps of each map in order. It gives the same "
                          "information as the figures, for people who cannot see them."));
      for (guint side = 0; side < 2; side++)
        {
          TandemJourneyMap *map = tandem_journey_get_map (journey, side);

          if (map != NULL)
            add_step_list (flow, journey, map, options);
        }
    }
}

/* Public API */

/**
 * tandem_appendix_build:
 *
 * Returns: (transfer full): the appendix of @document as a flow of pages
 */
TandemFlow *
tandem_appendix_build (TandemDocument              *document,
                       const TandemAppendixOptions *options)
{
  TandemFlow *flow = tandem_flow_new (options->figure_paper);
  g_autoptr(GDateTime) date = appendix_date (options);
  TandemList *checklists = tandem_document_get_checklists (document);
  TandemList *journeys = tandem_document_get_journeys (document);
  g_autofree char *header = NULL;
  Cover *cover = g_new0 (Cover, 1);
  guint n_chosen;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (date), g_date_time_get_month (date),
                  g_date_time_get_year (date));

  cover->title = g_strdup (tandem_document_get_title (document)[0]
                           ? tandem_document_get_title (document) : _("Untitled project"));
  cover->organisation = g_strdup (tandem_document_get_organisation (document));
  cover->programme = g_strdup (tandem_document_get_programme (document));
  cover->version = g_strdup (tandem_document_get_version (document));
  {
    g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");

    cover->date = format_date (iso);
  }
  cover->status = g_strdup (tandem_project_status_to_label (tandem_document_get_status (document)));
  cover->fictional = tandem_document_get_fictional (document);
  cover->classification = g_strdup (tandem_document_get_classification (document));
  {
    g_autoptr(GString) board = g_string_new (NULL);
    g_autofree char *meeting_date = tandem_document_get_meeting_date (document)[0]
      ? format_date (tandem_document_get_meeting_date (document)) : g_strdup ("");
    const struct {
      const char *label;
      const char *value;
    } fields[] = {
      { _("Meeting"), tandem_document_get_meeting (document) },
      { _("Meeting date"), meeting_date },
      { _("Agenda item"), tandem_document_get_agenda_item (document) },
      { _("Report author"), tandem_document_get_report_author (document) },
      { _("Executive sponsor"), tandem_document_get_executive_sponsor (document) },
      { _("Purpose"), tandem_paper_purpose_to_label (tandem_document_get_paper_purpose (document)) },
    };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        g_autofree char *line = NULL;

        if (fields[i].value[0] == '\0')
          continue;
        line = g_markup_printf_escaped ("%s<b>%s:</b> %s", board->len > 0 ? "\n" : "",
                                        fields[i].label, fields[i].value);
        g_string_append (board, line);
      }
    cover->board = g_string_free (g_steal_pointer (&board), FALSE);
  }

  header = tandem_document_get_version (document)[0]
    ? g_strdup_printf ("%s — %s %s", cover->title, _("version"), tandem_document_get_version (document))
    : g_strdup (cover->title);
  tandem_flow_set_running_text (flow, header,
                                cover->fictional ? _("<b>Fictional demonstration data</b>") : NULL);

  tandem_flow_custom_page (flow, draw_cover, cover, cover_free);
  tandem_flow_contents (flow);

  n_chosen = 0;
  for (guint i = 0; i < tandem_list_get_n (checklists); i++)
    n_chosen += checklist_chosen (options, tandem_list_get (checklists, i), i) ? 1 : 0;

  if ((options->checklists || options->decisions) && n_chosen > 0)
    {
      tandem_flow_page_break (flow);
      add_board_view (flow, document, options, &today);
    }

  if (options->summary)
    {
      tandem_flow_page_break (flow);
      add_summary (flow, document);
    }

  if (options->checklists || options->decisions || options->audit)
    for (guint i = 0; i < tandem_list_get_n (checklists); i++)
      if (checklist_chosen (options, tandem_list_get (checklists, i), i))
        add_checklist (flow, tandem_list_get (checklists, i), options, &today);

  _tandem_appendix_add_engagement (flow, document, options);

  if (options->journeys || options->measures || options->step_lists)
    for (guint i = 0; i < tandem_list_get_n (journeys); i++)
      add_journey (flow, tandem_list_get (journeys, i), options);

  return flow;
}

static gboolean
write_pdf (TandemDocument               *document,
           const TandemAppendixOptions  *options,
           const char                   *path,
           GCancellable                 *cancellable,
           TandemFlowProgressFunc        progress,
           gpointer                      progress_data,
           GError                      **error)
{
  TandemFlow *flow = tandem_appendix_build (document, options);
  g_autoptr(GDateTime) date = appendix_date (options);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *title = g_strdup_printf (_("%s — appendix to the pre-consultation business case"),
                                            tandem_document_get_title (document));
  g_autofree char *creator = g_strdup_printf ("Tandem %s", PACKAGE_VERSION);
  TandemFlowMetadata metadata = { 0 };
  gboolean ok;

  metadata.title = title;
  metadata.author = tandem_document_get_organisation (document);
  metadata.subject = _("Involvement of patients and the public, board assurance and patient journeys");
  metadata.keywords = _("PCBC, co-production, board assurance, patient journey, NHS service change");
  metadata.creator = creator;
  metadata.date = iso;

  tandem_flow_set_cancellable (flow, cancellable);
  tandem_flow_set_progress_func (flow, progress, progress_data);
  ok = tandem_flow_write_pdf (flow, path, &metadata, error);
  tandem_flow_free (flow);

  return ok;
}

/**
 * tandem_appendix_write_pdf:
 *
 * Writes the appendix of @document to @path, atomically, with the PDF's metadata.
 */
gboolean
tandem_appendix_write_pdf (TandemDocument               *document,
                           const TandemAppendixOptions  *options,
                           const char                   *path,
                           GError                      **error)
{
  return write_pdf (document, options, path, NULL, NULL, NULL, error);
}

/* Exporting on a worker thread */

typedef struct
{
  TandemSnapshot         *snapshot;   /* taken now; the worker builds its own document */
  TandemAppendixOptions   options;
  char                   *path;
  TandemFlowProgressFunc  progress;
  gpointer                progress_data;

  /* The latest fraction written by the worker, and whether a report of it is already on its
   * way to the caller's main context: at most one report is queued, however fast pages go. */
  GMutex                  lock;
  double                  fraction;
  gboolean                report_queued;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  _tandem_snapshot_free (export->snapshot);
  tandem_appendix_options_clear (&export->options);
  g_free (export->path);
  g_mutex_clear (&export->lock);
  g_free (export);
}

static gboolean
report_progress_cb (gpointer user_data)
{
  GTask *task = user_data;
  ExportData *export = g_task_get_task_data (task);
  double fraction;

  g_mutex_lock (&export->lock);
  fraction = export->fraction;
  export->report_queued = FALSE;
  g_mutex_unlock (&export->lock);

  /* Nothing is reported once the caller has its result, nor after it cancelled. */
  if (!g_task_get_completed (task) && !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    export->progress (fraction, export->progress_data);

  return G_SOURCE_REMOVE;
}

/* Called on the worker thread after each page. */
static void
on_page_written_cb (double   fraction,
                    gpointer user_data)
{
  GTask *task = user_data;
  ExportData *export = g_task_get_task_data (task);
  gboolean queue;

  g_mutex_lock (&export->lock);
  export->fraction = fraction;
  queue = !export->report_queued;
  export->report_queued = TRUE;
  g_mutex_unlock (&export->lock);

  if (queue)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      /* The same priority as the task's result, so that every report queued before the
       * result is dispatched before it. */
      g_source_set_priority (source, g_task_get_priority (task));
      g_source_set_callback (source, report_progress_cb, g_object_ref (task), g_object_unref);
      g_source_set_static_name (source, "[tandem] appendix export progress");
      g_source_attach (source, g_task_get_context (task));
    }
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *export = task_data;
  g_autoptr(TandemDocument) document = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* The worker's own document, built from the snapshot: it never sees the live one. */
  document = _tandem_snapshot_to_document (export->snapshot);
  if (write_pdf (document, &export->options, export->path, cancellable,
                 export->progress != NULL ? on_page_written_cb : NULL, task, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * tandem_appendix_export_async:
 * @cancellable: (nullable): stops the export between two pages; then no file is written and
 *   the result is %G_IO_ERROR_CANCELLED
 * @progress: (nullable) (scope notified): called in the thread-default main context of the
 *   caller, with the fraction of the pages written, until @callback is called
 * @progress_data: for @progress; it must live until @callback is called
 *
 * Takes a snapshot of @document now (the same copy saving uses) and writes its appendix to
 * @file on a worker thread, as g_file_copy_async() copies a file and reports progress.
 */
void
tandem_appendix_export_async (TandemDocument              *document,
                              const TandemAppendixOptions *options,
                              GFile                       *file,
                              GCancellable                *cancellable,
                              TandemFlowProgressFunc       progress,
                              gpointer                     progress_data,
                              GAsyncReadyCallback          callback,
                              gpointer                     user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *export;

  g_return_if_fail (TANDEM_IS_DOCUMENT (document));
  g_return_if_fail (options != NULL);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tandem_appendix_export_async);

  export = g_new0 (ExportData, 1);
  g_mutex_init (&export->lock);
  /* The user goes on editing while the worker writes: it works on a copy of its own, built
   * from a snapshot taken now (the same copy saving uses). */
  export->snapshot = _tandem_snapshot_new (document);
  export->options = *options;
  export->options.date = g_strdup (options->date);
  export->path = g_file_get_path (file);
  export->progress = progress;
  export->progress_data = progress_data;
  g_task_set_task_data (task, export, export_data_free);

  if (export->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Tandem can only write the appendix to a folder on this computer."));
      return;
    }

  g_task_run_in_thread (task, export_thread);
}

typedef struct
{
  TandemSnapshot        *snapshot;   /* taken now; the worker builds its own document */
  TandemAppendixOptions  options;
} BuildData;

static void
build_data_free (gpointer data)
{
  BuildData *build = data;

  _tandem_snapshot_free (build->snapshot);
  tandem_appendix_options_clear (&build->options);
  g_free (build);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BuildData *build = task_data;
  g_autoptr(TandemDocument) document = NULL;
  TandemFlow *flow;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* The flow keeps what it needs of the document (its figures hold a reference). */
  document = _tandem_snapshot_to_document (build->snapshot);
  flow = tandem_appendix_build (document, &build->options);
  tandem_flow_set_cancellable (flow, cancellable);
  tandem_flow_paginate (flow);
  tandem_flow_set_cancellable (flow, NULL);

  if (g_task_return_error_if_cancelled (task))
    tandem_flow_free (flow);
  else
    g_task_return_pointer (task, flow, (GDestroyNotify)tandem_flow_free);
}

/**
 * tandem_appendix_build_async:
 *
 * Copies @document now and lays out its appendix on a worker thread, as
 * tandem_appendix_build() and tandem_flow_paginate() do: a second or two for thousands of
 * pages. The flow holds what it needs of the copy, and can be drawn on the main thread.
 */
void
tandem_appendix_build_async (TandemDocument              *document,
                             const TandemAppendixOptions *options,
                             GCancellable                *cancellable,
                             GAsyncReadyCallback          callback,
                             gpointer                     user_data)
{
  g_autoptr(GTask) task = NULL;
  BuildData *build;

  g_return_if_fail (TANDEM_IS_DOCUMENT (document));
  g_return_if_fail (options != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tandem_appendix_build_async);

  build = g_new0 (BuildData, 1);
  build->snapshot = _tandem_snapshot_new (document);
  build->options = *options;
  build->options.date = g_strdup (options->date);
  g_task_set_task_data (task, build, build_data_free);

  g_task_run_in_thread (task, build_thread);
}

/**
 * tandem_appendix_build_finish:
 *
 * Returns: (transfer full) (nullable): the flow, paginated; free it with tandem_flow_free()
 */
TandemFlow *
tandem_appendix_build_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tandem_appendix_build_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * tandem_appendix_export_finish:
 *
 * Returns: %TRUE when the whole appendix was written; otherwise @error says why, and is
 *   %G_IO_ERROR_CANCELLED when the export was cancelled
 */
gboolean
tandem_appendix_export_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tandem_appendix_export_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
