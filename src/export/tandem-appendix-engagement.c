/* tandem-appendix-engagement.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-appendix"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-activity.h"
#include "tandem-activity-group.h"
#include "tandem-appendix.h"
#include "tandem-appendix-private.h"
#include "tandem-checklist-item.h"
#include "tandem-engagement.h"
#include "tandem-evidence-link.h"
#include "tandem-group.h"
#include "tandem-journey.h"
#include "tandem-journey-map.h"
#include "tandem-labels.h"
#include "tandem-quote.h"
#include "tandem-step.h"
#include "tandem-theme.h"
#include "tandem-theme-link.h"

/*
 * The engagement evidence of the appendix: who was involved at each stage (the log), who was
 * reached and who was missed (the reach of groups, with the gaps in words), the rungs of the
 * ladder the record shows beside what T5 claims, and "you said, we did". Every number and
 * sentence comes from tandem-engagement.c, so the appendix says what the window shows.
 * Counts only: the log holds no participant's name, so none can print.
 */

static char *
format_count (guint n)
{
  /* Thousands grouped as the reader expects ("1,327"). */
  return g_strdup_printf ("%'u", n);
}

static char *
join_groups (TandemDocument *document,
             TandemActivity *activity)
{
  TandemList *groups = tandem_activity_get_groups (activity);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < tandem_list_get_n (groups); i++)
    {
      TandemObject *group = tandem_document_lookup (document,
                                                    tandem_activity_group_get_group (tandem_list_get (groups, i)));

      if (!TANDEM_IS_GROUP (group))
        continue;
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, tandem_group_get_name (TANDEM_GROUP (group)));
    }

  if (text->len == 0)
    g_string_append (text, C_("groups reached", "Not recorded"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
has_engagement (TandemDocument *document)
{
  return tandem_list_get_n (tandem_document_get_activities (document)) > 0 ||
         tandem_list_get_n (tandem_document_get_groups (document)) > 0 ||
         tandem_list_get_n (tandem_document_get_themes (document)) > 0;
}

/* The log */

static void
add_log (TandemFlow     *flow,
         TandemDocument *document)
{
  const double fractions[] = { 0.13, 0.24, 0.14, 0.08, 0.17, 0.12, 0.12 };
  const char *header[] = { _("Date"), _("Activity"), _("Method and place"), _("People"),
                           _("Groups reached"), _("Support offered"), _("Rung reached") };
  TandemList *activities = tandem_document_get_activities (document);
  g_autoptr(GString) none = g_string_new (NULL);
  guint people = 0;
  guint n = tandem_list_get_n (activities);
  g_autofree char *total = NULL;
  g_autofree char *summary = NULL;

  tandem_flow_heading (flow, 2, _("Engagement log by stage"), TRUE);

  for (guint i = 0; i < n; i++)
    people += (guint)tandem_activity_get_participants (tandem_list_get (activities, i));

  total = format_count (people);
  /* TRANSLATORS: the first %u is a number of activities, %s a number of people */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u activity, with %s people taking part. Tandem keeps "
                                          "counts only, never names or contact details.",
                                          "%u activities, with %s people taking part. Tandem keeps "
                                          "counts only, never names or contact details.", n),
                             n, total);
  tandem_flow_text (flow, TANDEM_FLOW_BODY, summary);

  for (guint s = 0; s < TANDEM_N_CHANGE_STAGES; s++)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new ();
      g_autofree char *caption = NULL;
      TandemFlowTable *table;

      for (guint i = 0; i < n; i++)
        {
          TandemActivity *activity = tandem_list_get (activities, i);

          if (tandem_activity_get_stage (activity) == s)
            g_ptr_array_add (rows, activity);
        }

      if (rows->len == 0)
        {
          if (none->len > 0)
            g_string_append (none, ", ");
          g_string_append (none, tandem_change_stage_to_label (s));
          continue;
        }

      tandem_flow_heading (flow, 3, tandem_change_stage_to_label (s), FALSE);
      {
        g_autofree char *key = g_strdup_printf ("engagement-stage-%u", s);

        tandem_flow_anchor (flow, key);
      }
      /* TRANSLATORS: a table's caption; %s is a stage of the change, such as "Options" */
      caption = g_strdup_printf (_("Engagement activities at the stage “%s”"),
                                 tandem_change_stage_to_label (s));
      table = tandem_flow_table_new (G_N_ELEMENTS (fractions), fractions, caption);
      tandem_flow_table_add_row (table, TRUE, header, NULL);

      for (guint i = 0; i < rows->len; i++)
        {
          TandemActivity *activity = g_ptr_array_index (rows, i);
          const char *notes = tandem_activity_get_notes (activity);
          const char *place = tandem_activity_get_place (activity);
          g_autofree char *date = tandem_activity_get_date (activity)[0]
            ? tandem_format_date (tandem_activity_get_date (activity))
            : g_strdup (C_("date", "Not recorded"));
          g_autofree char *what = notes[0]
            ? g_strdup_printf ("%s\n%s", tandem_activity_get_title (activity), notes)
            : g_strdup (tandem_activity_get_title (activity));
          g_autofree char *how = place[0]
            ? g_strdup_printf ("%s, %s",
                               tandem_engagement_method_to_label (tandem_activity_get_method (activity)),
                               place)
            : g_strdup (tandem_engagement_method_to_label (tandem_activity_get_method (activity)));
          g_autofree char *count = format_count ((guint)tandem_activity_get_participants (activity));
          g_autofree char *groups = join_groups (document, activity);
          g_autofree char *support = tandem_support_describe (tandem_activity_get_support (activity));
          const char *cells[] = { date, what, how, count, groups, support,
                                  tandem_ladder_rung_to_label (tandem_activity_get_rung (activity)) };

          tandem_flow_table_add_row (table, FALSE, cells, NULL);
        }

      tandem_flow_table (flow, table);
    }

  if (none->len > 0)
    {
      /* TRANSLATORS: %s is a list of stages of the change, such as "Decision, Evaluation" */
      g_autofree char *text = g_strdup_printf (_("No activity is recorded at these stages: %s."),
                                               none->str);

      tandem_flow_text (flow, TANDEM_FLOW_BODY, text);
    }
}

/* Reach */

/* Seven stages across a portrait page: the long words of a stage's name get soft hyphens at
 * their syllables, so that a narrow column breaks them where a reader expects
 * ("Imple-mentation"), not after any letter. Only the English words are known; a translation
 * is shown as it is. */
static char *
hyphenate (const char *label)
{
  static const struct { const char *word; const char *hyphenated; } known[] = {
    { "Consultation", "Con\u00ADsul\u00ADta\u00ADtion" },
    { "consultation", "con\u00ADsul\u00ADta\u00ADtion" },
    { "Implementation", "Im\u00ADple\u00ADmen\u00ADta\u00ADtion" },
    { "Evaluation", "Eval\u00ADu\u00ADa\u00ADtion" },
    { "Decision", "De\u00ADci\u00ADsion" },
  };
  g_auto(GStrv) words = g_strsplit (label, " ", -1);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (words[i], "-", -1);

      if (i > 0)
        g_string_append_c (text, ' ');
      for (guint j = 0; parts[j] != NULL; j++)
        {
          const char *shown = parts[j];

          for (guint k = 0; k < G_N_ELEMENTS (known); k++)
            if (g_str_equal (parts[j], known[k].word))
              shown = known[k].hyphenated;
          if (j > 0)
            g_string_append_c (text, '-');
          g_string_append (text, shown);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_reach (TandemFlow     *flow,
           TandemDocument *document)
{
  double fractions[2 + TANDEM_N_CHANGE_STAGES];
  const char *header[2 + TANDEM_N_CHANGE_STAGES];
  g_autoptr(TandemReach) reach = tandem_reach_new (document);
  g_autoptr(GPtrArray) gaps = tandem_reach_dup_gaps (reach);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  char *stage_headers[TANDEM_N_CHANGE_STAGES];
  TandemFlowTable *table;
  guint n_groups = tandem_reach_get_n_groups (reach);

  tandem_flow_heading (flow, 2, _("Reach of groups, and the gaps"), TRUE);

  if (n_groups == 0)
    {
      tandem_flow_text (flow, TANDEM_FLOW_BODY,
                        _("The project has no list of groups, so who was reached and who was "
                          "missed cannot be shown."));
      return;
    }

  tandem_flow_text (flow, TANDEM_FLOW_LABEL, _("Gaps"));
  if (gaps->len == 0)
    tandem_flow_text (flow, TANDEM_FLOW_BODY,
                      _("Every group was reached, and every group most affected was reached "
                        "before consultation."));
  for (guint i = 0; i < gaps->len; i++)
    tandem_flow_list_item (flow, g_ptr_array_index (gaps, i));

  if (tandem_reach_get_unassigned (reach) > 0)
    {
      guint unassigned = tandem_reach_get_unassigned (reach);
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u activity does not say which groups it reached; its "
                                      "people are not counted below.",
                                      "%u activities do not say which groups they reached; their "
                                      "people are not counted below.", unassigned),
                         unassigned);

      tandem_flow_text (flow, TANDEM_FLOW_SMALL, text);
    }

  /* Seven stages across a portrait page: long words get soft hyphens so that a narrow column
   * breaks them where a reader expects ("Imple-mentation"), not after any letter. */
  fractions[0] = 0.20;
  fractions[1] = 0.10;
  header[0] = _("Group");
  header[1] = _("Most affected");
  for (guint s = 0; s < TANDEM_N_CHANGE_STAGES; s++)
    {
      fractions[2 + s] = 0.70 / TANDEM_N_CHANGE_STAGES;
      stage_headers[s] = hyphenate (tandem_change_stage_to_label (s));
      header[2 + s] = stage_headers[s];
    }

  table = tandem_flow_table_new (G_N_ELEMENTS (fractions), fractions,
                                 _("Groups against stages: the number of activities that "
                                   "reached each group, and in brackets the people who took "
                                   "part in them"));
  tandem_flow_table_add_row (table, TRUE, header, NULL);
  for (guint s = 0; s < TANDEM_N_CHANGE_STAGES; s++)
    g_ptr_array_add (kept, stage_headers[s]);

  for (guint row = 0; row < n_groups; row++)
    {
      TandemGroup *group = tandem_reach_get_group (reach, row);
      char *cells_text[TANDEM_N_CHANGE_STAGES] = { NULL };
      const char *cells[2 + TANDEM_N_CHANGE_STAGES];

      cells[0] = tandem_group_get_name (group);
      cells[1] = tandem_group_get_most_affected (group) ? _("Yes") : _("No");
      for (guint s = 0; s < TANDEM_N_CHANGE_STAGES; s++)
        {
          const TandemReachCell *cell = tandem_reach_get_cell (reach, row, s);
          g_autofree char *people = format_count (cell->people);

          cells_text[s] = cell->activities == 0 ? g_strdup ("—")
                                                : g_strdup_printf ("%u (%s)", cell->activities,
                                                                   people);
          cells[2 + s] = cells_text[s];
        }

      tandem_flow_table_add_row (table, FALSE, cells, NULL);

      for (guint s = 0; s < TANDEM_N_CHANGE_STAGES; s++)
        g_free (cells_text[s]);
    }

  tandem_flow_table (flow, table);
  tandem_flow_text (flow, TANDEM_FLOW_SMALL,
                    _("“—” means no activity reached the group at that stage. An activity that "
                      "reached several groups counts its people under each."));
}

/* Ladder */

static char *
rungs_in_words (const TandemLadderRow *row)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (int rung = TANDEM_LADDER_RUNG_CO_PRODUCTION; rung >= TANDEM_LADDER_RUNG_NONE; rung--)
    {
      if (row->n_at_rung[rung] == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, "%s %u", tandem_ladder_rung_to_label (rung),
                              row->n_at_rung[rung]);
    }

  if (text->len == 0)
    g_string_append (text, "—");

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_ladder (TandemFlow     *flow,
            TandemDocument *document)
{
  const double fractions[] = { 0.16, 0.11, 0.18, 0.13, 0.14, 0.28 };
  const char *header[] = { _("Stage"), _("Activities"), _("Rungs reached (activities)"),
                           _("Highest rung in the record"), _("Self-assessment (T5)"),
                           _("Record and claim") };
  g_autoptr(GArray) rows = tandem_ladder_profile_new (document);
  TandemFlowTable *table;
  guint n_disagree = 0;

  tandem_flow_heading (flow, 2, _("Ladder of co-production: the record beside the claim"), TRUE);

  for (guint i = 0; i < rows->len; i++)
    n_disagree += tandem_ladder_row_disagrees (&g_array_index (rows, TandemLadderRow, i)) ? 1 : 0;

  if (n_disagree > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "At %u stage the rungs recorded for the activities and the "
                                      "self-assessment disagree.",
                                      "At %u stages the rungs recorded for the activities and the "
                                      "self-assessment disagree.", n_disagree),
                         n_disagree);

      tandem_flow_text (flow, TANDEM_FLOW_BODY, text);
    }
  else
    tandem_flow_text (flow, TANDEM_FLOW_BODY,
                      _("The rungs recorded for the activities and the self-assessment do not "
                        "disagree at any stage."));

  table = tandem_flow_table_new (G_N_ELEMENTS (fractions), fractions,
                                 _("The rungs of the ladder of co-production reached at each "
                                   "stage, from the engagement log, beside the self-assessment "
                                   "(T5)"));
  tandem_flow_table_add_row (table, TRUE, header, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      const TandemLadderRow *row = &g_array_index (rows, TandemLadderRow, i);
      g_autofree char *count = g_strdup_printf ("%u", row->n_activities);
      g_autofree char *rungs = rungs_in_words (row);
      g_autofree char *said = tandem_ladder_row_describe (row);
      g_autofree char *agreement = tandem_ladder_row_disagrees (row)
        ? g_strdup_printf ("%s %s", _("Disagree:"), said)
        : g_strdup (said);
      const char *cells[] = {
        tandem_change_stage_to_label (row->stage),
        count,
        rungs,
        row->n_activities > 0 ? tandem_ladder_rung_to_label (row->recorded) : "—",
        row->claim_item != NULL ? tandem_ladder_rung_to_label (row->claimed) : _("Not asked"),
        agreement,
      };

      tandem_flow_table_add_row (table, FALSE, cells, NULL);
    }

  tandem_flow_table (flow, table);
  tandem_flow_text (flow, TANDEM_FLOW_SMALL,
                    _("The self-assessment asks about five moments: the long list and the "
                      "evaluation criteria both belong to the options stage (the higher claim is "
                      "shown), and the design of the consultation to pre-consultation."));
}

/* You said, we did */

static void
theme_sources (TandemDocument *document,
               TandemTheme    *theme,
               GString        *from,
               GString        *quotes,
               GString        *steps)
{
  TandemList *links = tandem_theme_get_links (theme);

  for (guint i = 0; i < tandem_list_get_n (links); i++)
    {
      TandemObject *target = tandem_document_lookup (document,
                                                     tandem_theme_link_get_target (tandem_list_get (links, i)));

      if (TANDEM_IS_ACTIVITY (target) || TANDEM_IS_GROUP (target))
        {
          if (from->len > 0)
            g_string_append (from, "; ");
          g_string_append (from, TANDEM_IS_ACTIVITY (target)
                                   ? tandem_activity_get_title (TANDEM_ACTIVITY (target))
                                   : tandem_group_get_name (TANDEM_GROUP (target)));
        }
      /* Quotes keep their consent rule here as everywhere: without consent, not printed. */
      else if (TANDEM_IS_QUOTE (target) && tandem_quote_get_consent (TANDEM_QUOTE (target)))
        {
          TandemQuote *quote = TANDEM_QUOTE (target);
          const char *role = tandem_quote_get_speaker_role (quote);

          g_string_append_printf (quotes, "\n“%s”%s%s", tandem_quote_get_text (quote),
                                  role[0] ? " — " : "", role);
        }
      else if (TANDEM_IS_STEP (target))
        {
          if (steps->len > 0)
            g_string_append (steps, "; ");
          g_string_append (steps, tandem_step_get_title (TANDEM_STEP (target)));
        }
    }
}

static void
add_you_said (TandemFlow     *flow,
              TandemDocument *document)
{
  const double fractions[] = { 0.32, 0.09, 0.27, 0.18, 0.14 };
  const char *header[] = { _("You said"), _("Raised by"), _("We did"), _("Why"),
                           _("Fed back") };
  TandemList *themes = tandem_document_get_themes (document);
  guint n = tandem_list_get_n (themes);
  guint counts[TANDEM_THEME_RESPONSE_BEING_CONSIDERED + 1] = { 0 };
  g_autoptr(GPtrArray) flagged = g_ptr_array_new_with_free_func (g_free);
  TandemFlowTable *table;

  tandem_flow_heading (flow, 2, _("You said, we did"), TRUE);
  tandem_flow_anchor (flow, "you-said");

  if (n == 0)
    {
      tandem_flow_text (flow, TANDEM_FLOW_BODY,
                        _("No themes are recorded: the appendix cannot show what people said or "
                          "what changed because of it."));
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      TandemTheme *theme = tandem_list_get (themes, i);
      TandemThemeFlags flags = tandem_theme_get_flags (theme);

      counts[tandem_theme_get_response (theme)]++;
      if (flags != TANDEM_THEME_FLAG_NONE)
        {
          g_autofree char *words = tandem_theme_flags_describe (flags);

          g_ptr_array_add (flagged, g_strdup_printf ("%s: %s.", tandem_theme_get_title (theme),
                                                     words));
        }
    }

  {
    g_autofree char *text =
      /* TRANSLATORS: a summary of the themes and the responses to them */
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "%u theme: %u adopted, %u partly adopted, %u not adopted, %u "
                                    "still being considered, %u without a response.",
                                    "%u themes: %u adopted, %u partly adopted, %u not adopted, %u "
                                    "still being considered, %u without a response.", n),
                       n, counts[TANDEM_THEME_RESPONSE_ADOPTED],
                       counts[TANDEM_THEME_RESPONSE_PARTLY_ADOPTED],
                       counts[TANDEM_THEME_RESPONSE_NOT_ADOPTED],
                       counts[TANDEM_THEME_RESPONSE_BEING_CONSIDERED],
                       counts[TANDEM_THEME_RESPONSE_NONE]);

    tandem_flow_text (flow, TANDEM_FLOW_BODY, text);
  }

  if (flagged->len > 0)
    {
      tandem_flow_text (flow, TANDEM_FLOW_LABEL, _("For the board to notice"));
      for (guint i = 0; i < flagged->len; i++)
        tandem_flow_list_item (flow, g_ptr_array_index (flagged, i));
    }

  table = tandem_flow_table_new (G_N_ELEMENTS (fractions), fractions,
                                 _("You said, we did: each theme, the response to it and why, "
                                   "and when it was fed back"));
  tandem_flow_table_add_row (table, TRUE, header, NULL);

  for (guint i = 0; i < n; i++)
    {
      TandemTheme *theme = tandem_list_get (themes, i);
      TandemThemeResponse response = tandem_theme_get_response (theme);
      g_autoptr(GString) from = g_string_new (NULL);
      g_autoptr(GString) quotes = g_string_new (NULL);
      g_autoptr(GString) steps = g_string_new (NULL);
      g_autofree char *said = NULL;
      g_autofree char *raised = NULL;
      g_autofree char *did = NULL;
      g_autofree char *why = NULL;
      g_autofree char *fed_back = NULL;
      g_autofree char *count = format_count ((guint)tandem_theme_get_raised_by (theme));
      const char *change = tandem_theme_get_change (theme);
      const char *reason = tandem_theme_get_reason (theme);

      theme_sources (document, theme, from, quotes, steps);

      if (from->len > 0)
        {
          /* TRANSLATORS: before the list of activities and groups a theme came from */
          g_string_prepend (from, _("From: "));
          g_string_prepend_c (from, '\n');
        }
      said = g_strdup_printf ("%s\n%s%s%s", tandem_theme_get_title (theme),
                              tandem_theme_get_said (theme), quotes->str, from->str);
      /* TRANSLATORS: how many people raised a theme */
      raised = g_strdup_printf (_("%s people"), count);

      did = g_strdup_printf ("%s%s%s%s%s", tandem_theme_response_to_label (response),
                             change[0] ? "\n" : "", change,
                             steps->len > 0 ? "\n" : "", "");
      if (steps->len > 0)
        {
          g_autofree char *with_steps = g_strdup_printf (_("%sCarried by the after-map steps: %s"),
                                                         did, steps->str);

          g_free (did);
          did = g_steal_pointer (&with_steps);
        }

      if (reason[0] != '\0')
        why = g_strdup (reason);
      else if (response == TANDEM_THEME_RESPONSE_NOT_ADOPTED ||
               response == TANDEM_THEME_RESPONSE_PARTLY_ADOPTED)
        why = g_strdup (_("No reason given"));
      else
        why = g_strdup ("—");

      if (tandem_theme_get_fed_back_date (theme)[0] != '\0')
        {
          g_autofree char *date = tandem_format_date (tandem_theme_get_fed_back_date (theme));
          const char *how = tandem_theme_get_fed_back_how (theme);

          fed_back = how[0] ? g_strdup_printf ("%s\n%s", date, how) : g_strdup (date);
        }
      else
        fed_back = g_strdup (_("Not yet fed back"));

      {
        const char *cells[] = { said, raised, did, why, fed_back };

        tandem_flow_table_add_row (table, FALSE, cells, NULL);
      }
    }

  tandem_flow_table (flow, table);
}

/**
 * _tandem_appendix_add_engagement:
 *
 * The engagement evidence, in the parts @options chooses.
 */
void
_tandem_appendix_add_engagement (TandemFlow                  *flow,
                                 TandemDocument              *document,
                                 const TandemAppendixOptions *options)
{
  if (!options->engagement_log && !options->reach && !options->ladder && !options->you_said)
    return;

  tandem_flow_page_break (flow);
  tandem_flow_heading (flow, 1, _("Engagement evidence"), TRUE);

  if (!has_engagement (document))
    {
      tandem_flow_text (flow, TANDEM_FLOW_BODY,
                        _("No engagement activities, groups or themes are recorded in this "
                          "project."));
      return;
    }

  if (options->engagement_log)
    add_log (flow, document);
  if (options->reach)
    add_reach (flow, document);
  if (options->ladder)
    add_ladder (flow, document);
  if (options->you_said)
    add_you_said (flow, document);
}

/**
 * _tandem_appendix_add_evidence_target:
 *
 * How an answer's evidence that points into the project prints: what it is and its title,
 * and where it is in the appendix, with the page when that part is in it.
 */
void
_tandem_appendix_add_evidence_target (TandemFlow         *flow,
                                      TandemEvidenceLink *link)
{
  TandemDocument *document = tandem_object_get_document (TANDEM_OBJECT (link));
  TandemObject *target = document != NULL
    ? tandem_document_lookup (document, tandem_evidence_link_get_target (link))
    : NULL;

  if (TANDEM_IS_THEME (target))
    {
      const char *title = tandem_theme_get_title (TANDEM_THEME (target));
      /* TRANSLATORS: evidence that points to a theme; %s is its title; keep {page} as it is,
       * it becomes the page number */
      g_autofree char *text = g_strdup_printf (_("%s — see “You said, we did”, page {page}"),
                                               title);
      /* TRANSLATORS: as above, when that part is not in the appendix */
      g_autofree char *no_page = g_strdup_printf (_("%s — a theme of “You said, we did” (not "
                                                    "in this appendix)"), title);

      tandem_flow_reference_item (flow, text, no_page, "you-said");
    }
  else if (TANDEM_IS_ACTIVITY (target))
    {
      TandemActivity *activity = TANDEM_ACTIVITY (target);
      TandemChangeStage stage = tandem_activity_get_stage (activity);
      g_autofree char *key = g_strdup_printf ("engagement-stage-%u", stage);
      /* TRANSLATORS: evidence that points to an activity; the first %s is its title, the
       * second the stage; keep {page} as it is */
      g_autofree char *text = g_strdup_printf (_("%s — see the engagement log, “%s”, page "
                                                 "{page}"),
                                               tandem_activity_get_title (activity),
                                               tandem_change_stage_to_label (stage));
      g_autofree char *no_page = g_strdup_printf (_("%s — an activity of the engagement log, "
                                                    "stage “%s” (not in this appendix)"),
                                                  tandem_activity_get_title (activity),
                                                  tandem_change_stage_to_label (stage));

      tandem_flow_reference_item (flow, text, no_page, key);
    }
  else if (TANDEM_IS_STEP (target))
    {
      g_autofree char *text = g_strdup_printf (_("The journey step “%s” (see the journeys)"),
                                               tandem_step_get_title (TANDEM_STEP (target)));

      tandem_flow_list_item (flow, text);
    }
  else if (TANDEM_IS_QUOTE (target))
    {
      TandemQuote *quote = TANDEM_QUOTE (target);
      g_autofree char *text = NULL;

      /* Quotes keep their consent rule: without consent, the words are not printed. */
      if (!tandem_quote_get_consent (quote))
        text = g_strdup (_("A quote from the journeys, not printed: the person did not agree "
                           "to be quoted."));
      else
        text = g_strdup_printf (_("“%s” — %s (see the journeys)"), tandem_quote_get_text (quote),
                                tandem_quote_get_speaker_role (quote));
      tandem_flow_list_item (flow, text);
    }
  else
    tandem_flow_list_item (flow, tandem_evidence_link_get_title (link));
}
