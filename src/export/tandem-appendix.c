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

/* Cover */

typedef struct
{
  char     *title;
  char     *organisation;
  char     *programme;
  char     *version;
  char     *date;
  char     *status;
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
  g_free (cover);
}

static double
show_text (cairo_t      *cr,
           PangoContext *context,
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
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
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

  /* A band of colour across the top, as on NHS documents. */
  cairo_set_source_rgb (cr, 0.0, 0.37, 0.72);
  cairo_rectangle (cr, 0, 0, width, 96);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  show_text (cr, context, "Noto Sans, DejaVu Sans Bold 13",
             _("Appendix to the pre-consultation business case"), x, 38, text_width);

  if (cover->fictional)
    {
      cairo_set_source_rgb (cr, 0.75, 0.1, 0.1);
      cairo_rectangle (cr, x - 8, 112, text_width + 16, 26);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      show_text (cr, context, "Noto Sans, DejaVu Sans Bold 11",
                 _("FICTIONAL DEMONSTRATION DATA — NOT A REAL PROPOSAL"), x, 117, text_width);
    }

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
  y += show_text (cr, context, "Noto Sans, DejaVu Sans Bold 28", title, x, y, text_width) + 24;

  details = g_markup_printf_escaped ("<b>%s</b>\n%s\n\n<b>%s</b>\n%s\n\n<b>%s</b>\n%s\n\n"
                                     "<b>%s</b>\n%s\n\n<b>%s</b>\n%s",
                                     _("Organisation"), cover->organisation[0] ? cover->organisation : "—",
                                     _("Programme"), cover->programme[0] ? cover->programme : "—",
                                     _("Version"), cover->version[0] ? cover->version : "—",
                                     _("Date"), cover->date,
                                     _("Status"), cover->status);
  show_text (cr, context, "Noto Sans, DejaVu Sans 12", details, x, y, text_width);

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.38);
  {
    g_autofree char *made = g_strdup_printf (_("Made with Tandem %s"), PACKAGE_VERSION);
    show_text (cr, context, "Noto Sans, DejaVu Sans 8", made, x, height - 56, text_width);
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
    tandem_flow_text (flow, TANDEM_FLOW_BODY, _("No summary has been written."));

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
  const double fractions[] = { 0.37, 0.09, 0.07, 0.09, 0.08, 0.07, 0.13, 0.10 };
  const char *header[] = { _("Section"), _("Apply"), _("Met"), _("Partly met"), _("Not met"),
                           _("N/A"), _("Not started"), _("Overdue") };
  g_autofree char *caption = g_strdup_printf (_("Summary of “%s” by section"),
                                              tandem_checklist_get_title (checklist));
  TandemFlowTable *table = tandem_flow_table_new (8, fractions, caption);
  TandemList *sections = tandem_checklist_get_sections (checklist);
  TandemProgress total;

  tandem_flow_table_add_row (table, TRUE, header, NULL);

  for (guint i = 0; i <= tandem_list_get_n (sections); i++)
    {
      TandemProgress progress = { 0 };
      /* g_autofree on an array would free only its first string. */
      g_auto(GStrv) c = g_new0 (char *, 7 + 1);
      const char *row[8];
      guint32 fills[8] = { 0 };
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
      c[1] = count_text (progress.met);
      c[2] = count_text (progress.partly_met);
      c[3] = count_text (progress.not_met);
      c[4] = count_text (progress.not_applicable);
      c[5] = count_text (progress.not_started + progress.in_progress);
      c[6] = count_text (progress.overdue);
      row[0] = name;
      for (guint j = 0; j < 7; j++)
        row[j + 1] = c[j];
      if (progress.not_met > 0)
        fills[4] = tandem_rag_to_rgb (TANDEM_RAG_RED);
      if (progress.overdue > 0)
        fills[7] = tandem_rag_to_rgb (TANDEM_RAG_AMBER);

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
      g_autofree char *note = g_strdup_printf (_("Applies because: %s."),
                                               c ? tandem_condition_get_label (c) : condition);

      tandem_flow_text (flow, TANDEM_FLOW_SMALL, note);
    }

  due = g_strdup (tandem_checklist_item_get_due_date (item));
  if (due[0] != '\0' && tandem_checklist_item_is_overdue (item, today))
    {
      g_autofree char *plain = g_steal_pointer (&due);
      due = g_strdup_printf (_("%s (overdue)"), plain);
      fills[3] = tandem_rag_to_rgb (TANDEM_RAG_AMBER);
    }

  rag_text = tandem_checklist_item_get_rag_override (item) != TANDEM_RAG_NONE
    ? g_strdup_printf (_("%s (set by reviewer)"), tandem_rag_to_label (rag))
    : g_strdup (tandem_rag_to_label (rag));

  row[0] = tandem_item_status_to_label (status);
  row[1] = rag_text;
  row[2] = tandem_checklist_item_get_owner (item)[0] ? tandem_checklist_item_get_owner (item) : "—";
  row[3] = due[0] ? due : "—";
  fills[1] = tandem_rag_to_rgb (rag);

  table = tandem_flow_table_new (4, fractions, NULL);
  tandem_flow_table_add_row (table, TRUE, header, NULL);
  tandem_flow_table_add_row (table, FALSE, row, fills);
  tandem_flow_table (flow, table);

  if (tandem_checklist_item_get_uses_ladder (item))
    {
      g_autofree char *rung = g_strdup_printf (_("Rung of the ladder of co-production reached: %s"),
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
            ? g_strdup_printf ("• %s — %s", title, tandem_evidence_link_get_uri (link))
            : g_strdup_printf ("• %s", tandem_evidence_link_get_uri (link));

          tandem_flow_text (flow, TANDEM_FLOW_BODY, line);
        }
    }

  if (tandem_list_get_n (attachments) > 0)
    {
      tandem_flow_text (flow, TANDEM_FLOW_LABEL, _("Attached files (in the Tandem project)"));
      for (guint i = 0; i < tandem_list_get_n (attachments); i++)
        {
          TandemAttachment *attachment = tandem_list_get (attachments, i);
          g_autofree char *size = g_format_size (tandem_attachment_get_size (attachment));
          g_autofree char *line = g_strdup_printf ("• %s (%s)", tandem_attachment_get_name (attachment), size);

          tandem_flow_text (flow, TANDEM_FLOW_BODY, line);
        }
    }

  if (tandem_checklist_item_get_comments (item)[0] != '\0')
    tandem_flow_labelled (flow, _("Comments"), tandem_checklist_item_get_comments (item));

  if (tandem_checklist_item_get_action (item)[0] != '\0')
    tandem_flow_labelled (flow, status == TANDEM_ITEM_STATUS_NOT_MET ? _("Action, because this is not met")
                                                                     : _("Action"),
                          tandem_checklist_item_get_action (item));
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

  if (tandem_list_get_n (signoffs) == 0)
    {
      tandem_flow_text (flow, TANDEM_FLOW_BODY, _("Nobody has signed off this checklist."));
      return;
    }

  for (guint i = 0; i < tandem_list_get_n (signoffs); i++)
    {
      TandemSignoff *signoff = tandem_list_get (signoffs, i);
      gboolean voided = tandem_signoff_get_voided_at (signoff)[0] != '\0';
      g_autofree char *who = g_strdup_printf (_("Signed off by %s, %s, on %s"),
                                              tandem_signoff_get_name (signoff),
                                              tandem_signoff_get_role (signoff),
                                              tandem_signoff_get_date (signoff)[0]
                                                ? tandem_signoff_get_date (signoff) : "—");

      tandem_flow_text (flow, voided ? TANDEM_FLOW_STRUCK : TANDEM_FLOW_LABEL, who);
      if (tandem_signoff_get_declaration (signoff)[0] != '\0')
        tandem_flow_text (flow, voided ? TANDEM_FLOW_STRUCK : TANDEM_FLOW_BODY,
                          tandem_signoff_get_declaration (signoff));
      if (voided)
        {
          g_autofree char *when = tandem_format_timestamp (tandem_signoff_get_voided_at (signoff));
          g_autofree char *why = g_strdup_printf (_("VOID since %s: %s"), when,
                                                  tandem_signoff_get_void_reason (signoff));
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
      g_autofree char *when = tandem_format_timestamp (tandem_audit_entry_get_timestamp (entry));
      g_autofree char *what = tandem_audit_entry_describe (entry);
      const char *row[4];

      row[0] = when;
      row[1] = tandem_audit_entry_get_who (entry);
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

static char *
difference_text (double before,
                 double after,
                 gboolean minutes)
{
  double delta = after - before;
  g_autofree char *amount = NULL;

  if (delta == 0)
    return g_strdup (_("no change"));

  amount = minutes ? tandem_format_minutes (fabs (delta)) : g_strdup_printf ("%g", fabs (delta));

  return delta < 0 ? g_strdup_printf (_("%s fewer"), amount) : g_strdup_printf (_("%s more"), amount);
}

static void
add_measures (TandemFlow    *flow,
              TandemJourney *journey)
{
  TandemJourneyMap *before = tandem_journey_get_map (journey, TANDEM_MAP_SIDE_BEFORE);
  TandemJourneyMap *after = tandem_journey_get_map (journey, TANDEM_MAP_SIDE_AFTER);
  TandemJourneyMeasures b, a;
  const double fractions[] = { 0.28, 0.24, 0.24, 0.24 };
  const char *header[] = { _("Measure"), _("Before"), _("After"), _("Difference") };
  g_autofree char *caption = g_strdup_printf (_("The journey “%s” before and after the change"),
                                              tandem_journey_get_title (journey));
  TandemFlowTable *table;

  if (before == NULL || after == NULL)
    return;

  tandem_journey_map_measure (before, &b);
  tandem_journey_map_measure (after, &a);
  table = tandem_flow_table_new (4, fractions, caption);
  tandem_flow_table_add_row (table, TRUE, header, NULL);

#define COUNT_ROW(label, field) \
  G_STMT_START { \
    g_autofree char *x = g_strdup_printf ("%u", b.field); \
    g_autofree char *y = g_strdup_printf ("%u", a.field); \
    g_autofree char *d = difference_text (b.field, a.field, FALSE); \
    const char *row[] = { label, x, y, d }; \
    tandem_flow_table_add_row (table, FALSE, row, NULL); \
  } G_STMT_END
#define TIME_ROW(label, field) \
  G_STMT_START { \
    g_autofree char *x = tandem_format_minutes (b.field); \
    g_autofree char *y = tandem_format_minutes (a.field); \
    g_autofree char *d = difference_text (b.field, a.field, TRUE); \
    const char *row[] = { label, x, y, d }; \
    tandem_flow_table_add_row (table, FALSE, row, NULL); \
  } G_STMT_END

  COUNT_ROW (_("Steps"), n_steps);
  COUNT_ROW (_("Hand-offs"), n_handoffs);
  TIME_ROW (_("Total waiting"), total_wait_minutes);
  TIME_ROW (_("Total time"), total_time_minutes);
  COUNT_ROW (_("Places visited"), n_places);
  COUNT_ROW (_("Pain points"), n_pain_points);
  COUNT_ROW (_("Touchpoints"), n_touchpoints);

#undef COUNT_ROW
#undef TIME_ROW

  {
    g_autofree char *x = g_strdup_printf ("%s (%s)", tandem_feeling_to_label (b.lowest_feeling),
                                          tandem_feeling_to_score_text (b.lowest_feeling));
    g_autofree char *y = g_strdup_printf ("%s (%s)", tandem_feeling_to_label (a.lowest_feeling),
                                          tandem_feeling_to_score_text (a.lowest_feeling));
    int delta = tandem_feeling_to_score (a.lowest_feeling) - tandem_feeling_to_score (b.lowest_feeling);
    const char *d = b.lowest_feeling == TANDEM_FEELING_UNKNOWN || a.lowest_feeling == TANDEM_FEELING_UNKNOWN
      ? "—" : delta > 0 ? _("better") : delta < 0 ? _("worse") : _("no change");
    const char *row[] = { _("Lowest feeling"), x, y, d };

    tandem_flow_table_add_row (table, FALSE, row, NULL);
  }

  tandem_flow_table (flow, table);
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
      tandem_flow_text (flow, TANDEM_FLOW_BODY, _("No steps have been mapped."));
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
      g_string_append (line, ".");
      if (tandem_step_get_pain_point (step))
        g_string_append (line, _(" A pain point."));
      if (tandem_step_get_touchpoint (step))
        g_string_append (line, _(" A touchpoint."));
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
    _tandem_appendix_add_journey_figures (flow, journey);

  if (options->step_lists)
    {
      tandem_flow_heading (flow, 2, _("The journey as text"), TRUE);
      tandem_flow_text (flow, TANDEM_FLOW_SMALL,
                        _("The steps of each map in journey order: the same content as the figures, "
                          "for readers who cannot see them."));
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
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (date), g_date_time_get_month (date),
                  g_date_time_get_year (date));

  cover->title = g_strdup (tandem_document_get_title (document)[0]
                           ? tandem_document_get_title (document) : _("Untitled project"));
  cover->organisation = g_strdup (tandem_document_get_organisation (document));
  cover->programme = g_strdup (tandem_document_get_programme (document));
  cover->version = g_strdup (tandem_document_get_version (document));
  cover->date = g_date_time_format (date, "%e %B %Y");
  g_strstrip (cover->date);
  cover->status = g_strdup (tandem_project_status_to_label (tandem_document_get_status (document)));
  cover->fictional = tandem_document_get_fictional (document);

  header = tandem_document_get_version (document)[0]
    ? g_strdup_printf ("%s — %s %s", cover->title, _("version"), tandem_document_get_version (document))
    : g_strdup (cover->title);
  tandem_flow_set_running_text (flow, header,
                                cover->fictional ? _("<b>Fictional demonstration data</b>") : NULL);

  tandem_flow_custom_page (flow, draw_cover, cover, cover_free);
  tandem_flow_contents (flow);

  if (options->summary)
    {
      tandem_flow_page_break (flow);
      add_summary (flow, document);
    }

  if (options->checklists || options->decisions || options->audit)
    for (guint i = 0; i < tandem_list_get_n (checklists); i++)
      add_checklist (flow, tandem_list_get (checklists, i), options, &today);

  if (options->journeys || options->measures || options->step_lists)
    for (guint i = 0; i < tandem_list_get_n (journeys); i++)
      add_journey (flow, tandem_list_get (journeys, i), options);

  return flow;
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

  ok = tandem_flow_write_pdf (flow, path, &metadata, error);
  tandem_flow_free (flow);

  return ok;
}

typedef struct
{
  TandemSnapshot        *snapshot;
  TandemAppendixOptions  options;
  char                  *path;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  _tandem_snapshot_free (export->snapshot);
  tandem_appendix_options_clear (&export->options);
  g_free (export->path);
  g_free (export);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *export = task_data;
  g_autoptr(TandemDocument) document = _tandem_snapshot_to_document (export->snapshot);
  GError *error = NULL;

  if (tandem_appendix_write_pdf (document, &export->options, export->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * tandem_appendix_export_async:
 *
 * Takes a snapshot of @document now and writes its appendix to @file on a worker thread.
 */
void
tandem_appendix_export_async (TandemDocument              *document,
                              const TandemAppendixOptions *options,
                              GFile                       *file,
                              GCancellable                *cancellable,
                              GAsyncReadyCallback          callback,
                              gpointer                     user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportData *export = g_new0 (ExportData, 1);

  g_task_set_source_tag (task, tandem_appendix_export_async);

  /* The user goes on editing while the worker writes: it works on a copy of its own, built
   * from a snapshot taken now (the same copy saving uses). */
  export->snapshot = _tandem_snapshot_new (document);
  export->options = *options;
  export->options.date = g_strdup (options->date);
  export->path = g_file_get_path (file);
  g_task_set_task_data (task, export, export_data_free);

  if (export->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Tandem can only write the appendix to a folder on this computer."));
      return;
    }

  g_task_run_in_thread (task, export_thread);
}

gboolean
tandem_appendix_export_finish (GAsyncResult  *result,
                               GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
