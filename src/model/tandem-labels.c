/* tandem-labels.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-labels"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "tandem-labels.h"

const char *
tandem_item_status_to_label (TandemItemStatus status)
{
  switch (status)
    {
    case TANDEM_ITEM_STATUS_NOT_STARTED:
      return _("Not started");
    case TANDEM_ITEM_STATUS_IN_PROGRESS:
      return _("In progress");
    case TANDEM_ITEM_STATUS_MET:
      return _("Met");
    case TANDEM_ITEM_STATUS_PARTLY_MET:
      return _("Partly met");
    case TANDEM_ITEM_STATUS_NOT_MET:
      return _("Not met");
    case TANDEM_ITEM_STATUS_NOT_APPLICABLE:
      return _("Not applicable");
    default:
      return "";
    }
}

const char *
tandem_rag_to_label (TandemRag rag)
{
  switch (rag)
    {
    case TANDEM_RAG_RED:
      return _("Red");
    case TANDEM_RAG_AMBER:
      return _("Amber");
    case TANDEM_RAG_GREEN:
      return _("Green");
    case TANDEM_RAG_NONE:
    default:
      return _("No rating");
    }
}

/**
 * tandem_rag_to_rgb:
 *
 * Returns: a light background for the rating, 0xRRGGBB, that dark text reads well on (in
 *   print too); 0 for none
 */
guint32
tandem_rag_to_rgb (TandemRag rag)
{
  switch (rag)
    {
    case TANDEM_RAG_RED:
      return 0xF4B9B9;
    case TANDEM_RAG_AMBER:
      return 0xFADB9A;
    case TANDEM_RAG_GREEN:
      return 0xBFE5C2;
    case TANDEM_RAG_NONE:
    default:
      return 0;
    }
}

const char *
tandem_decision_to_label (TandemDecision decision)
{
  switch (decision)
    {
    case TANDEM_DECISION_UNDECIDED:
      return _("Undecided");
    case TANDEM_DECISION_PROCEED:
      return _("Proceed");
    case TANDEM_DECISION_PROCEED_WITH_CONDITIONS:
      return _("Proceed with conditions");
    case TANDEM_DECISION_DO_NOT_PROCEED:
      return _("Do not proceed");
    default:
      return "";
    }
}

const char *
tandem_ladder_rung_to_label (TandemLadderRung rung)
{
  switch (rung)
    {
    case TANDEM_LADDER_RUNG_NONE:
      return _("Not assessed");
    case TANDEM_LADDER_RUNG_COERCION:
      return _("Coercion");
    case TANDEM_LADDER_RUNG_EDUCATING:
      return _("Educating");
    case TANDEM_LADDER_RUNG_INFORMING:
      return _("Informing");
    case TANDEM_LADDER_RUNG_CONSULTING:
      return _("Consulting");
    case TANDEM_LADDER_RUNG_ENGAGING:
      return _("Engaging");
    case TANDEM_LADDER_RUNG_CO_DESIGN:
      return _("Co-design");
    case TANDEM_LADDER_RUNG_CO_PRODUCTION:
      return _("Co-production");
    default:
      return "";
    }
}

const char *
tandem_feeling_to_label (TandemFeeling feeling)
{
  switch (feeling)
    {
    case TANDEM_FEELING_VERY_BAD:
      return _("Very bad");
    case TANDEM_FEELING_BAD:
      return _("Bad");
    case TANDEM_FEELING_NEUTRAL:
      return _("Neither good nor bad");
    case TANDEM_FEELING_GOOD:
      return _("Good");
    case TANDEM_FEELING_VERY_GOOD:
      return _("Very good");
    case TANDEM_FEELING_UNKNOWN:
    default:
      return _("Not recorded");
    }
}

/**
 * tandem_feeling_to_score_text:
 *
 * Returns: the feeling's score on the five-point scale, "−2" to "+2", shown beside its word
 */
const char *
tandem_feeling_to_score_text (TandemFeeling feeling)
{
  switch (feeling)
    {
    case TANDEM_FEELING_VERY_BAD:
      return "−2";
    case TANDEM_FEELING_BAD:
      return "−1";
    case TANDEM_FEELING_NEUTRAL:
      return "0";
    case TANDEM_FEELING_GOOD:
      return "+1";
    case TANDEM_FEELING_VERY_GOOD:
      return "+2";
    case TANDEM_FEELING_UNKNOWN:
    default:
      return "";
    }
}

const char *
tandem_project_status_to_label (TandemProjectStatus status)
{
  switch (status)
    {
    case TANDEM_PROJECT_STATUS_DRAFT:
      return _("Draft");
    case TANDEM_PROJECT_STATUS_FOR_REVIEW:
      return _("For review");
    case TANDEM_PROJECT_STATUS_APPROVED:
      return _("Approved");
    case TANDEM_PROJECT_STATUS_WITHDRAWN:
      return _("Withdrawn");
    default:
      return "";
    }
}

const char *
tandem_connector_kind_to_label (TandemConnectorKind kind)
{
  switch (kind)
    {
    case TANDEM_CONNECTOR_KIND_NEXT:
      return _("Next step");
    case TANDEM_CONNECTOR_KIND_BRANCH:
      return _("Branch");
    case TANDEM_CONNECTOR_KIND_LOOP:
      return _("Loop back");
    default:
      return "";
    }
}

/**
 * tandem_format_minutes:
 *
 * Returns: (transfer full): a duration in the words people use: "45 minutes", "2 hours
 *   30 minutes", "3 days"
 */
char *
tandem_format_minutes (double minutes)
{
  long total = lround (minutes);
  long days = total / (24 * 60);
  long hours = (total % (24 * 60)) / 60;
  long mins = total % 60;

  if (total <= 0)
    return g_strdup (_("none"));

  if (days > 0 && hours == 0 && mins == 0)
    return g_strdup_printf (ngettext ("%ld day", "%ld days", days), days);
  if (days > 0)
    {
      g_autofree char *d = g_strdup_printf (ngettext ("%ld day", "%ld days", days), days);
      g_autofree char *h = g_strdup_printf (ngettext ("%ld hour", "%ld hours", hours), hours);

      return hours > 0 ? g_strdup_printf ("%s %s", d, h) : g_strdup (d);
    }
  if (hours > 0)
    {
      g_autofree char *h = g_strdup_printf (ngettext ("%ld hour", "%ld hours", hours), hours);
      g_autofree char *m = g_strdup_printf (ngettext ("%ld minute", "%ld minutes", mins), mins);

      return mins > 0 ? g_strdup_printf ("%s %s", h, m) : g_strdup (h);
    }

  return g_strdup_printf (ngettext ("%ld minute", "%ld minutes", mins), mins);
}

/**
 * tandem_format_timestamp:
 * @timestamp: "YYYY-MM-DDTHH:MM:SSZ", as the model records times
 *
 * Returns: (transfer full): the time as people read it, "2 November 2026, 09:00 UTC"; the
 *   text itself when it is not such a time
 */
char *
tandem_format_timestamp (const char *timestamp)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;

  if (timestamp == NULL || timestamp[0] == '\0')
    return g_strdup ("");

  time = g_date_time_new_from_iso8601 (timestamp, NULL);
  if (time == NULL)
    return g_strdup (timestamp);

  /* TRANSLATORS: a time in the audit trail and sign-offs, see g_date_time_format() */
  text = g_date_time_format (time, _("%e %B %Y, %H:%M UTC"));
  return g_strdup (g_strstrip (text));
}
