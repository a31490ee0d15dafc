/* tandem-feedback-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-feedback"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-activity.h"
#include "tandem-feedback-report.h"
#include "tandem-labels.h"
#include "tandem-quote.h"
#include "tandem-snapshot.h"
#include "tandem-theme-link.h"
#include "tandem-theme.h"

/*
 * The feedback report for the people who took part: for each theme, what they said, what the
 * team did and why, then what happens next and how to get in touch. It is written for the
 * public, not the board, in the NHS content style: short sentences, active voice, no jargon,
 * and large print (body text 12.5 pt). It is the appendix's flow with its text scaled, so it
 * is tagged as the appendix is (one Document, H1/H2/H3, P, /Lang, the title shown).
 *
 * No names: the engagement record holds none, and the report leaves out the project's staff
 * names too (report author, sponsor). Quotes print only with the speaker's consent.
 */

/* 10 pt body text times this: 12.5 pt. */
#define TEXT_SCALE 1.25

/**
 * tandem_feedback_report_check:
 *
 * Returns: %FALSE, with a sentence saying what to do, when @document has nothing to feed back
 *   (no themes). A report that tells participants "nothing was recorded" would read as though
 *   their views were lost, so Tandem asks for themes first rather than write one.
 */
gboolean
tandem_feedback_report_check (TandemDocument  *document,
                              GError         **error)
{
  if (tandem_list_get_n (tandem_document_get_themes (document)) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("This project has no themes yet, so the feedback report would have "
                             "nothing to say. Add what people said as themes under “You said, "
                             "we did”, then export it again."));
      return FALSE;
    }

  return TRUE;
}

static GDateTime *
report_date (const char *date)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  int y, m, d;

  if (date != NULL && sscanf (date, "%d-%d-%d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
    return g_date_time_new_utc (y, m, d, 0, 0, 0);

  if (epoch != NULL && epoch[0] != '\0')
    {
      gint64 seconds = g_ascii_strtoll (epoch, NULL, 10);

      if (seconds > 0)
        return g_date_time_new_from_unix_utc (seconds);
    }

  return g_date_time_new_now_utc ();
}

/* The quotes people agreed to share, in their own words. The speaker's role ("parent") is
 * left out as well as any name: in a report sent back to a small group, a role can say who
 * it was. */
static void
add_quotes (TandemFlow     *flow,
            TandemDocument *document,
            TandemTheme    *theme)
{
  TandemList *links = tandem_theme_get_links (theme);

  for (guint i = 0; i < tandem_list_get_n (links); i++)
    {
      TandemObject *target = tandem_document_lookup (document,
                                                     tandem_theme_link_get_target (tandem_list_get (links, i)));
      g_autofree char *text = NULL;

      if (!TANDEM_IS_QUOTE (target) || !tandem_quote_get_consent (TANDEM_QUOTE (target)))
        continue;

      text = g_strdup_printf ("“%s”", tandem_quote_get_text (TANDEM_QUOTE (target)));
      tandem_flow_text (flow, TANDEM_FLOW_QUOTE, text);
    }
}

static const char *
we_did_sentence (TandemThemeResponse response)
{
  switch (response)
    {
    case TANDEM_THEME_RESPONSE_ADOPTED:
      return _("We changed our plans.");
    case TANDEM_THEME_RESPONSE_PARTLY_ADOPTED:
      return _("We changed part of our plans.");
    case TANDEM_THEME_RESPONSE_NOT_ADOPTED:
      return _("We did not change our plans.");
    case TANDEM_THEME_RESPONSE_BEING_CONSIDERED:
      return _("We are still looking at this. We have not decided yet.");
    case TANDEM_THEME_RESPONSE_NONE:
    default:
      return _("We have not decided what to do yet.");
    }
}

static void
add_theme (TandemFlow     *flow,
           TandemDocument *document,
           TandemTheme    *theme)
{
  TandemThemeResponse response = tandem_theme_get_response (theme);
  const char *said = tandem_theme_get_said (theme);
  const char *change = tandem_theme_get_change (theme);
  const char *reason = tandem_theme_get_reason (theme);
  int raised_by = tandem_theme_get_raised_by (theme);

  tandem_flow_heading (flow, 2, tandem_theme_get_title (theme), FALSE);

  tandem_flow_heading (flow, 3, _("You said"), FALSE);
  if (said[0] != '\0')
    tandem_flow_text (flow, TANDEM_FLOW_BODY, said);
  if (raised_by > 1)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d person told us this.",
                                      "%d people told us this.", raised_by), raised_by);

      tandem_flow_text (flow, TANDEM_FLOW_BODY, text);
    }
  add_quotes (flow, document, theme);

  tandem_flow_heading (flow, 3, _("We did"), FALSE);
  tandem_flow_text (flow, TANDEM_FLOW_BODY, we_did_sentence (response));
  if (change[0] != '\0' && response != TANDEM_THEME_RESPONSE_NOT_ADOPTED)
    tandem_flow_text (flow, TANDEM_FLOW_BODY, change);

  tandem_flow_heading (flow, 3, _("Why"), FALSE);
  if (reason[0] != '\0')
    tandem_flow_text (flow, TANDEM_FLOW_BODY, reason);
  else if (response == TANDEM_THEME_RESPONSE_ADOPTED)
    tandem_flow_text (flow, TANDEM_FLOW_BODY, _("You told us this mattered, and we agreed."));
  else if (response == TANDEM_THEME_RESPONSE_NONE ||
           response == TANDEM_THEME_RESPONSE_BEING_CONSIDERED)
    tandem_flow_text (flow, TANDEM_FLOW_BODY,
                      _("We need more time to look at this. We will tell you what we decide."));
  else
    /* Not or partly adopted with no reason: flagged in the window and the appendix; here
     * the reader is told plainly rather than given nothing. */
    tandem_flow_text (flow, TANDEM_FLOW_BODY,
                      _("We have not written down the reason yet. Please ask us and we will "
                        "tell you."));

  if (tandem_theme_get_fed_back_date (theme)[0] != '\0')
    {
      g_autofree char *date = tandem_format_date (tandem_theme_get_fed_back_date (theme));
      g_autofree char *text = g_strdup_printf (_("We first told people about this on %s."), date);

      tandem_flow_text (flow, TANDEM_FLOW_BODY, text);
    }
}

/**
 * tandem_feedback_report_build:
 * @date: (nullable): the report's date, YYYY-MM-DD; %NULL for SOURCE_DATE_EPOCH or today
 *
 * Returns: (transfer full): the report as a flow of pages
 */
TandemFlow *
tandem_feedback_report_build (TandemDocument *document,
                              const char     *date)
{
  TandemFlow *flow = tandem_flow_new (TANDEM_PAPER_A4);
  TandemList *themes = tandem_document_get_themes (document);
  TandemList *activities = tandem_document_get_activities (document);
  const char *project = tandem_document_get_title (document);
  const char *organisation = tandem_document_get_organisation (document);
  g_autoptr(GDateTime) when = report_date (date);
  g_autofree char *iso = g_date_time_format (when, "%Y-%m-%d");
  g_autofree char *today = tandem_format_date (iso);
  g_autofree char *title = NULL;
  guint n_activities = tandem_list_get_n (activities);
  guint people = 0;

  if (project[0] == '\0')
    project = _("Untitled project");

  tandem_flow_set_text_scale (flow, TEXT_SCALE);
  title = g_strdup_printf (_("%s: what you told us and what we did"), project);
  tandem_flow_set_running_text (flow, title,
                                tandem_document_get_fictional (document)
                                  ? _("<b>Fictional demonstration data</b>") : NULL);

  for (guint i = 0; i < n_activities; i++)
    people += (guint)MAX (0, tandem_activity_get_participants (tandem_list_get (activities, i)));

  tandem_flow_heading (flow, 1, title, FALSE);
  {
    g_autofree char *text = g_strdup_printf (_("Report date: %s"), today);

    tandem_flow_text (flow, TANDEM_FLOW_BODY, text);
  }
  tandem_flow_text (flow, TANDEM_FLOW_BODY,
                    _("Thank you for taking part. This report tells you what people said, what "
                      "we did about it and why."));
  if (n_activities > 0 && people > 0)
    {
      g_autofree char *events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event",
                                                              "%u events", n_activities),
                                                 n_activities);
      /* TRANSLATORS: %1$s is a number of people, %2$s “11 events” */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u person took part in %s.",
                                                            "%u people took part in %s.", people),
                                               people, events);

      tandem_flow_text (flow, TANDEM_FLOW_BODY, text);
    }
  tandem_flow_text (flow, TANDEM_FLOW_BODY,
                    _("We do not name anyone in this report. We only use people’s own words "
                      "when they agreed."));

  for (guint i = 0; i < tandem_list_get_n (themes); i++)
    add_theme (flow, document, tandem_list_get (themes, i));

  tandem_flow_heading (flow, 2, _("What happens next"), FALSE);
  {
    const char *meeting = tandem_document_get_meeting (document);
    const char *meeting_date = tandem_document_get_meeting_date (document);
    g_autofree char *text = NULL;

    if (meeting[0] != '\0' && meeting_date[0] != '\0')
      {
        g_autofree char *day = tandem_format_date (meeting_date);

        text = g_strdup_printf (_("The %s will look at our plans and what you told us on %s. "
                                  "It will then decide what to do."), meeting, day);
      }
    else
      text = g_strdup (_("The board will look at our plans and what you told us. It will then "
                         "decide what to do."));
    tandem_flow_text (flow, TANDEM_FLOW_BODY, text);
  }
  tandem_flow_text (flow, TANDEM_FLOW_BODY,
                    _("We will keep working on what we have not decided yet. We will tell "
                      "you what the board decides."));

  tandem_flow_heading (flow, 2, _("How to get in touch"), FALSE);
  {
    g_autofree char *text = NULL;

    /* The project has no contact field: the organisation is the most a reader can go on. */
    if (organisation[0] != '\0')
      text = g_strdup_printf (_("If you have a question, or you think we got something wrong, "
                                "please contact the project team at %s. You can ask for this "
                                "report in another format or language."), organisation);
    else
      text = g_strdup (_("If you have a question, or you think we got something wrong, please "
                         "contact the project team. You can ask for this report in another "
                         "format or language."));
    tandem_flow_text (flow, TANDEM_FLOW_BODY, text);
  }

  return flow;
}

/**
 * tandem_feedback_report_write_pdf:
 *
 * Writes the feedback report of @document to @path, atomically, tagged. Fails with the
 * sentence of tandem_feedback_report_check() when there is nothing to feed back.
 */
gboolean
tandem_feedback_report_write_pdf (TandemDocument  *document,
                                  const char      *date,
                                  const char      *path,
                                  GError         **error)
{
  TandemFlow *flow;
  g_autoptr(GDateTime) when = report_date (date);
  g_autofree char *iso = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *title = NULL;
  g_autofree char *creator = g_strdup_printf ("Tandem %s", PACKAGE_VERSION);
  const char *project = tandem_document_get_title (document);
  TandemFlowMetadata metadata = { 0 };
  gboolean ok;

  if (!tandem_feedback_report_check (document, error))
    return FALSE;

  title = g_strdup_printf (_("%s: what you told us and what we did"),
                           project[0] ? project : _("Untitled project"));
  metadata.title = title;
  metadata.author = tandem_document_get_organisation (document);
  metadata.subject = _("Feedback to the people who took part");
  metadata.keywords = _("you said, we did, feedback, NHS service change");
  metadata.creator = creator;
  metadata.date = iso;

  flow = tandem_feedback_report_build (document, date);
  ok = tandem_flow_write_pdf (flow, path, &metadata, error);
  tandem_flow_free (flow);

  return ok;
}

/* Exporting on a worker thread, from a snapshot, as the appendix does. */

typedef struct
{
  TandemSnapshot *snapshot;
  char           *path;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  _tandem_snapshot_free (export->snapshot);
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
  g_autoptr(TandemDocument) document = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  document = _tandem_snapshot_to_document (export->snapshot);
  if (tandem_feedback_report_write_pdf (document, NULL, export->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * tandem_feedback_report_export_async:
 *
 * Takes a snapshot of @document now and writes its feedback report to @file on a worker
 * thread, so the window stays responsive.
 */
void
tandem_feedback_report_export_async (TandemDocument      *document,
                                     GFile               *file,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *export;

  g_return_if_fail (TANDEM_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tandem_feedback_report_export_async);

  export = g_new0 (ExportData, 1);
  export->snapshot = _tandem_snapshot_new (document);
  export->path = g_file_get_path (file);
  g_task_set_task_data (task, export, export_data_free);

  if (export->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Tandem can only write the feedback report to a folder on "
                                 "this computer."));
      return;
    }

  g_task_run_in_thread (task, export_thread);
}

gboolean
tandem_feedback_report_export_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        tandem_feedback_report_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
