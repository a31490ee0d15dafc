/* tandem-checklist-labels.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-checklist-labels"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-checklist-labels.h"
#include "tandem-condition.h"
#include "tandem-document.h"
#include "tandem-enums.h"

/*
 * The words users see for statuses, ratings, decisions and rungs, and the sentences of the
 * audit trail. A rating is never shown by colour alone: the pill always carries its word.
 */

const char *
tandem_rag_css_class (TandemRag rag)
{
  switch (rag)
    {
    case TANDEM_RAG_RED:
      return "rag-red";
    case TANDEM_RAG_AMBER:
      return "rag-amber";
    case TANDEM_RAG_GREEN:
      return "rag-green";
    case TANDEM_RAG_NONE:
    default:
      return "rag-none";
    }
}

/**
 * tandem_ladder_rung_group:
 *
 * Returns: where the rung sits on the ladder: “doing to”, “doing for” or “doing with”
 */
const char *
tandem_ladder_rung_group (TandemLadderRung rung)
{
  switch (rung)
    {
    case TANDEM_LADDER_RUNG_COERCION:
    case TANDEM_LADDER_RUNG_EDUCATING:
      return _("Doing to");
    case TANDEM_LADDER_RUNG_INFORMING:
    case TANDEM_LADDER_RUNG_CONSULTING:
    case TANDEM_LADDER_RUNG_ENGAGING:
      return _("Doing for");
    case TANDEM_LADDER_RUNG_CO_DESIGN:
    case TANDEM_LADDER_RUNG_CO_PRODUCTION:
      return _("Doing with");
    case TANDEM_LADDER_RUNG_NONE:
    default:
      return "";
    }
}

/**
 * tandem_rag_pill_new:
 *
 * Returns: (transfer floating): a label that shows a rating as its word on its colour
 */
GtkWidget *
tandem_rag_pill_new (void)
{
  GtkWidget *pill = gtk_label_new (NULL);

  gtk_widget_add_css_class (pill, "rag-pill");
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  tandem_rag_pill_set (pill, TANDEM_RAG_NONE);

  return pill;
}

void
tandem_rag_pill_set (GtkWidget *pill,
                     TandemRag  rag)
{
  static const char *classes[] = { "rag-none", "rag-red", "rag-amber", "rag-green" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (pill, classes[i]);

  gtk_widget_add_css_class (pill, tandem_rag_css_class (rag));
  gtk_label_set_text (GTK_LABEL (pill), tandem_rag_to_label (rag));
}

void
tandem_get_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
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

/**
 * tandem_progress_describe:
 *
 * Returns: (transfer full): a short summary, such as “9 of 13 answered”
 */
char *
tandem_progress_describe (const TandemProgress *progress)
{
  if (progress->applicable == 0)
    return g_strdup (_("No questions apply"));

  /* TRANSLATORS: “9 of 13 answered” */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u answered",
                                       "%u of %u answered", progress->applicable),
                          progress->answered, progress->applicable);
}

/**
 * tandem_checklist_condition_label:
 *
 * Returns: (transfer full) (nullable): the label of the project condition @item depends
 *   on, or %NULL when it has none
 */
char *
tandem_checklist_condition_label (TandemChecklistItem *item)
{
  const char *key = tandem_checklist_item_get_condition (item);
  TandemDocument *document = tandem_object_get_document (TANDEM_OBJECT (item));
  TandemCondition *condition;

  if (key[0] == '\0')
    return NULL;

  condition = document != NULL ? tandem_document_find_condition (document, key) : NULL;
  if (condition != NULL && tandem_condition_get_label (condition)[0] != '\0')
    return g_strdup (tandem_condition_get_label (condition));

  return g_strdup (key);
}
