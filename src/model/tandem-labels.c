/* tandem-labels.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-labels"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "tandem-audit-entry.h"
#include "tandem-enums.h"
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

/**
 * tandem_paper_purpose_to_label:
 *
 * Returns: why the paper comes to the board, as a board paper's cover says it ("For
 *   decision"), or "" for none
 */
const char *
tandem_paper_purpose_to_label (TandemPaperPurpose purpose)
{
  switch (purpose)
    {
    case TANDEM_PAPER_PURPOSE_DECISION:
      return _("For decision");
    case TANDEM_PAPER_PURPOSE_ASSURANCE:
      return _("For assurance");
    case TANDEM_PAPER_PURPOSE_INFORMATION:
      return _("For information");
    case TANDEM_PAPER_PURPOSE_NONE:
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
 * Returns: (transfer full): a duration to the nearest minute, in the words people use, every
 *   unit said: "45 minutes", "2 hours 30 minutes", "3 days 11 hours 45 minutes" (never cut
 *   to "3 days 11 hours"); "none" for nothing
 */
char *
tandem_format_minutes (double minutes)
{
  long total = lround (MAX (minutes, 0));
  long days = total / (24 * 60);
  long hours = (total % (24 * 60)) / 60;
  long mins = total % 60;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (total == 0)
    return g_strdup (_("none"));

  if (days > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%ld day", "%ld days", days), days));
  if (hours > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%ld hour", "%ld hours", hours), hours));
  if (mins > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%ld minute", "%ld minutes", mins), mins));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" ", (char **)parts->pdata);
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

/**
 * tandem_format_date:
 * @iso_date: "YYYY-MM-DD"
 *
 * Returns: (transfer full): the date as people write it, such as “3 May 2026”, or an empty
 *   string
 */
char *
tandem_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  if (iso_date == NULL || sscanf (iso_date, "%d-%d-%d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return g_strdup ("");

  date = g_date_time_new_local (y, m, d, 12, 0, 0);
  if (date == NULL)
    return g_strdup ("");

  /* TRANSLATORS: a date, such as “3 May 2026”; see the strftime manual page */
  return g_date_time_format (date, _("%-d %B %Y"));
}

/* The month a word names, 1 to 12, or 0: English names and their first three letters (and
 * "Sept"), and the names of the user's language as dates are shown to them, so that a date
 * copied from the window reads back. */
static int
month_from_word (const char *word)
{
  static const char *english[] = { "january", "february", "march", "april", "may", "june", "july",
                                   "august", "september", "october", "november", "december" };
  g_autofree char *folded = g_utf8_casefold (word, -1);
  g_autofree char *bare = NULL;

  /* "Dec." as some people write it */
  if (g_str_has_suffix (folded, "."))
    folded[strlen (folded) - 1] = '\0';
  if (folded[0] == '\0')
    return 0;

  for (int m = 1; m <= 12; m++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc (2000, m, 1, 12, 0, 0);
      g_autofree char *full = g_date_time_format (date, "%B");
      g_autofree char *abbreviated = g_date_time_format (date, "%b");
      g_autofree char *full_folded = g_utf8_casefold (full, -1);
      g_autofree char *abbreviated_folded = g_utf8_casefold (abbreviated, -1);

      if (g_str_equal (folded, english[m - 1]) ||
          (strlen (folded) == 3 && g_str_has_prefix (english[m - 1], folded)) ||
          g_str_equal (folded, full_folded) || g_str_equal (folded, abbreviated_folded) ||
          (m == 9 && g_str_equal (folded, "sept")))
        return m;
    }

  return 0;
}

/**
 * tandem_parse_date:
 * @text: a date as a person types it: "15/12/2026", "15 Dec 2026", "15 December 2026" or
 *   "2026-12-15"
 * @error: return location for one sentence saying what is wrong and what to type
 *
 * Dates are read the British way round, day before month, as the NHS writes them.
 *
 * Returns: (transfer full) (nullable): the date as "YYYY-MM-DD", "" for empty text, or %NULL
 */
char *
tandem_parse_date (const char  *text,
                   GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto(GStrv) words = NULL;
  int d = 0, m = 0, y = 0;
  char end;
  gboolean read = FALSE;

  if (copy[0] == '\0')
    return g_strdup ("");

  if (strlen (copy) == 10 && copy[4] == '-' &&
      sscanf (copy, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3)
    read = TRUE;
  else if (sscanf (copy, "%2d/%2d/%d%c", &d, &m, &y, &end) == 3 ||
           sscanf (copy, "%2d.%2d.%d%c", &d, &m, &y, &end) == 3 ||
           sscanf (copy, "%2d-%2d-%d%c", &d, &m, &y, &end) == 3)
    read = TRUE;
  else
    {
      g_autoptr(GRegex) spaces = g_regex_new ("[\\s,]+", 0, 0, NULL);

      words = g_regex_split (spaces, copy, 0);
      if (g_strv_length (words) == 3 && sscanf (words[0], "%2d%c", &d, &end) == 1 &&
          sscanf (words[2], "%d%c", &y, &end) == 1)
        {
          m = month_from_word (words[1]);
          read = m != 0;
        }
    }

  if (!read || y < 1000 || y > 9999)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* TRANSLATORS: %s is what was typed for a date */
                   _("“%s” is not a date Tandem can read: type the day, month and four-figure "
                     "year, such as 15/12/2026 or 15 Dec 2026."), copy);
      return NULL;
    }

  if (!g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* TRANSLATORS: %s is what was typed for a date, such as 31/02/2026 */
                   _("“%s” is not a day in the calendar: check the day and the month "
                     "(the day comes first, as in 15/12/2026)."), copy);
      return NULL;
    }

  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/**
 * tandem_format_short_date:
 * @iso_date: "YYYY-MM-DD"
 *
 * Returns: (transfer full): the date in few characters, such as “3 May” this year or
 *   “3 May 2027” in another, or an empty string
 */
char *
tandem_format_short_date (const char *iso_date)
{
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int y, m, d;

  if (iso_date == NULL || sscanf (iso_date, "%d-%d-%d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return g_strdup ("");

  date = g_date_time_new_local (y, m, d, 12, 0, 0);
  if (date == NULL)
    return g_strdup ("");

  if (y == g_date_time_get_year (now))
    /* TRANSLATORS: a date this year, such as “3 May”; see strftime */
    return g_date_time_format (date, _("%-d %b"));

  /* TRANSLATORS: a date in another year, such as “3 May 2027”; see strftime */
  return g_date_time_format (date, _("%-d %b %Y"));
}

/**
 * tandem_format_local_timestamp:
 * @iso_timestamp: "YYYY-MM-DDTHH:MM:SSZ"
 *
 * Returns: (transfer full): the time in the local time zone, such as “3 May 2026, 14:05”
 */
char *
tandem_format_local_timestamp (const char *iso_timestamp)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso_timestamp == NULL || iso_timestamp[0] == '\0')
    return g_strdup ("");

  utc = g_date_time_new_from_iso8601 (iso_timestamp, NULL);
  if (utc == NULL)
    return g_strdup (iso_timestamp);

  local = g_date_time_to_local (utc);

  /* TRANSLATORS: a date and time, such as “3 May 2026, 14:05”; see strftime */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

static const char *
field_label (const char *field)
{
  static const struct {
    const char *field;
    const char *label;
  } labels[] = {
    { "status", N_("the status") },
    { "rag-override", N_("the rating") },
    { "evidence", N_("the evidence") },
    { "owner", N_("the owner") },
    { "due-date", N_("the due date") },
    { "comments", N_("the comments") },
    { "action", N_("the action") },
    { "ladder-rung", N_("the rung of the ladder") },
    { "decision", N_("the decision") },
    { "decision-conditions", N_("the conditions of the decision") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (g_str_equal (labels[i].field, field))
        return _(labels[i].label);
    }

  return field;
}

/* Values are stored as they were (enumeration nicks, dates, text); say them in words. */
static char *
value_label (const char *field,
             const char *value)
{
  GType type = G_TYPE_INVALID;

  if (value == NULL || value[0] == '\0')
    return g_strdup (_("nothing"));

  if (g_str_equal (field, "status"))
    type = TANDEM_TYPE_ITEM_STATUS;
  else if (g_str_equal (field, "rag-override"))
    type = TANDEM_TYPE_RAG;
  else if (g_str_equal (field, "decision"))
    type = TANDEM_TYPE_DECISION;
  else if (g_str_equal (field, "ladder-rung"))
    type = TANDEM_TYPE_LADDER_RUNG;

  if (type != G_TYPE_INVALID)
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
      GEnumValue *enum_value = g_enum_get_value_by_nick (enum_class, value);

      if (enum_value == NULL)
        return g_strdup (value);
      if (type == TANDEM_TYPE_ITEM_STATUS)
        return g_strdup_printf ("“%s”", tandem_item_status_to_label (enum_value->value));
      if (type == TANDEM_TYPE_RAG)
        return g_strdup_printf ("“%s”", enum_value->value == TANDEM_RAG_NONE
                                        ? _("from the status")
                                        : tandem_rag_to_label (enum_value->value));
      if (type == TANDEM_TYPE_DECISION)
        return g_strdup_printf ("“%s”", tandem_decision_to_label (enum_value->value));
      return g_strdup_printf ("“%s”", tandem_ladder_rung_to_label (enum_value->value));
    }

  if (g_str_equal (field, "due-date"))
    return tandem_format_date (value);

  /* Long text is cut to its beginning; the full text is in the item. */
  if (g_utf8_strlen (value, -1) > 60)
    {
      g_autofree char *start = g_utf8_substring (value, 0, 57);
      return g_strdup_printf ("“%s…”", g_strstrip (start));
    }

  return g_strdup_printf ("“%s”", value);
}

/**
 * tandem_audit_entry_describe:
 *
 * Returns: (transfer full): what happened, such as “changed the status from “Not started”
 *   to “Met””, to follow the name of who did it
 */
char *
tandem_audit_entry_describe (TandemAuditEntry *entry)
{
  const char *field = tandem_audit_entry_get_field (entry);
  const char *old_value = tandem_audit_entry_get_old_value (entry);
  const char *new_value = tandem_audit_entry_get_new_value (entry);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (g_str_equal (field, "signed"))
    return g_strdup_printf (_("signed off as %s"), new_value);
  if (g_str_equal (field, "removed"))
    return g_strdup_printf (_("removed the sign-off of %s"), old_value);
  if (g_str_equal (field, "voided-at"))
    return g_strdup (_("voided the sign-off by changing an answer"));
  if (g_str_equal (field, "evidence_link"))
    return old_value[0] == '\0' ? g_strdup_printf (_("added the link %s"), new_value)
                                : g_strdup_printf (_("removed the link %s"), old_value);
  if (g_str_equal (field, "attachment"))
    return old_value[0] == '\0' ? g_strdup_printf (_("attached “%s”"), new_value)
                                : g_strdup_printf (_("removed the attachment “%s”"), old_value);

  from = value_label (field, old_value);
  to = value_label (field, new_value);

  /* Free text and dates start empty: "set" and "cleared" read better than "from nothing". */
  if (old_value[0] == '\0')
    /* TRANSLATORS: “set the owner to “Engagement lead”” */
    return g_strdup_printf (_("set %s to %s"), field_label (field), to);
  if (new_value[0] == '\0')
    /* TRANSLATORS: “cleared the due date (was 3 May 2026)” */
    return g_strdup_printf (_("cleared %s (was %s)"), field_label (field), from);

  /* TRANSLATORS: “changed the status from “Not started” to “Met”” */
  return g_strdup_printf (_("changed %s from %s to %s"), field_label (field), from, to);
}
