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
 * tandem_progress_describe:
 *
 * Returns: (transfer full): a short summary, such as “9 of 13 answered”
 */
char *
tandem_progress_describe (const TandemProgress *progress)
{
  if (progress->applicable == 0)
    return g_strdup (_("No questions apply"));

  if (progress->in_progress > 0)
    /* TRANSLATORS: “9 of 13 answered, 2 in progress” */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u answered, %u in progress",
                                         "%u of %u answered, %u in progress",
                                         progress->applicable),
                            progress->answered, progress->applicable, progress->in_progress);

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
