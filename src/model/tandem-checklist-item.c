/* tandem-checklist-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-checklist-item"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "tandem-enums.h"
#include "tandem-field-macros.h"

#include "tandem-attachment.h"
#include "tandem-checklist.h"
#include "tandem-document.h"
#include "tandem-checklist-item.h"
#include "tandem-evidence-link.h"

/*
 * One question of a checklist and the reviewer’s answer to it.
 */

struct _TandemChecklistItem
{
  TandemObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemChecklistItem, tandem_checklist_item, TANDEM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_QUESTION,
  PROP_GUIDANCE,
  PROP_CONDITION,
  PROP_USES_LADDER,
  PROP_STATUS,
  PROP_RAG_OVERRIDE,
  PROP_EVIDENCE,
  PROP_OWNER,
  PROP_DUE_DATE,
  PROP_COMMENTS,
  PROP_ACTION,
  PROP_LADDER_RUNG,
  PROP_RATING_REASON,
  PROP_LINKS,
  PROP_ATTACHMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tandem_checklist_item_class_init (TandemChecklistItemClass *klass)
{
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  tandem_object_class_set_kind (tandem_class, "checklist_item");

  properties[PROP_KEY] = TANDEM_PARAM_STRING ("key", TANDEM_FIELD_TEXT);
  properties[PROP_QUESTION] = TANDEM_PARAM_STRING ("question", TANDEM_FIELD_TEXT);
  properties[PROP_GUIDANCE] = TANDEM_PARAM_STRING ("guidance", TANDEM_FIELD_LONG_TEXT);
  properties[PROP_CONDITION] = TANDEM_PARAM_STRING ("condition", TANDEM_FIELD_TEXT);
  properties[PROP_USES_LADDER] = TANDEM_PARAM_BOOLEAN ("uses-ladder", FALSE);
  properties[PROP_STATUS] = TANDEM_PARAM_ENUM ("status", TANDEM_TYPE_ITEM_STATUS, TANDEM_ITEM_STATUS_NOT_STARTED);
  properties[PROP_RAG_OVERRIDE] = TANDEM_PARAM_ENUM ("rag-override", TANDEM_TYPE_RAG, TANDEM_RAG_NONE);
  properties[PROP_EVIDENCE] = TANDEM_PARAM_STRING ("evidence", TANDEM_FIELD_LONG_TEXT);
  properties[PROP_OWNER] = TANDEM_PARAM_STRING ("owner", TANDEM_FIELD_TEXT);
  properties[PROP_DUE_DATE] = TANDEM_PARAM_STRING ("due-date", TANDEM_FIELD_DATE);
  properties[PROP_COMMENTS] = TANDEM_PARAM_STRING ("comments", TANDEM_FIELD_LONG_TEXT);
  properties[PROP_ACTION] = TANDEM_PARAM_STRING ("action", TANDEM_FIELD_LONG_TEXT);
  properties[PROP_LADDER_RUNG] = TANDEM_PARAM_ENUM ("ladder-rung", TANDEM_TYPE_LADDER_RUNG, TANDEM_LADDER_RUNG_NONE);
  properties[PROP_RATING_REASON] = TANDEM_PARAM_STRING ("rating-reason", TANDEM_FIELD_LONG_TEXT);
  properties[PROP_LINKS] = tandem_param_children ("links", NULL, TANDEM_TYPE_EVIDENCE_LINK);
  properties[PROP_ATTACHMENTS] = tandem_param_children ("attachments", NULL, TANDEM_TYPE_ATTACHMENT);

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);
}

static void
tandem_checklist_item_init (TandemChecklistItem *self)
{
}

TandemChecklistItem *
tandem_checklist_item_new (void)
{
  return g_object_new (TANDEM_TYPE_CHECKLIST_ITEM, NULL);
}

TANDEM_STRING_FIELD (TandemChecklistItem, tandem_checklist_item, key, PROP_KEY)
TANDEM_STRING_FIELD (TandemChecklistItem, tandem_checklist_item, question, PROP_QUESTION)
TANDEM_STRING_FIELD (TandemChecklistItem, tandem_checklist_item, guidance, PROP_GUIDANCE)
TANDEM_STRING_FIELD (TandemChecklistItem, tandem_checklist_item, condition, PROP_CONDITION)
TANDEM_SCALAR_FIELD (TandemChecklistItem, tandem_checklist_item, uses_ladder, PROP_USES_LADDER, gboolean, boolean)
TANDEM_SCALAR_FIELD (TandemChecklistItem, tandem_checklist_item, status, PROP_STATUS, TandemItemStatus, enum)
TANDEM_SCALAR_FIELD (TandemChecklistItem, tandem_checklist_item, rag_override, PROP_RAG_OVERRIDE, TandemRag, enum)
TANDEM_STRING_FIELD (TandemChecklistItem, tandem_checklist_item, evidence, PROP_EVIDENCE)
TANDEM_STRING_FIELD (TandemChecklistItem, tandem_checklist_item, owner, PROP_OWNER)
TANDEM_STRING_FIELD (TandemChecklistItem, tandem_checklist_item, due_date, PROP_DUE_DATE)
TANDEM_STRING_FIELD (TandemChecklistItem, tandem_checklist_item, comments, PROP_COMMENTS)
TANDEM_STRING_FIELD (TandemChecklistItem, tandem_checklist_item, action, PROP_ACTION)
TANDEM_SCALAR_FIELD (TandemChecklistItem, tandem_checklist_item, ladder_rung, PROP_LADDER_RUNG, TandemLadderRung, enum)
TANDEM_STRING_FIELD (TandemChecklistItem, tandem_checklist_item, rating_reason, PROP_RATING_REASON)
TANDEM_LIST_FIELD (TandemChecklistItem, tandem_checklist_item, links, PROP_LINKS)
TANDEM_LIST_FIELD (TandemChecklistItem, tandem_checklist_item, attachments, PROP_ATTACHMENTS)

/**
 * tandem_item_status_get_rag:
 *
 * The rating a status implies: met is green; partly met and in progress amber; not met red;
 * not started and not applicable have none.
 */
TandemRag
tandem_item_status_get_rag (TandemItemStatus status)
{
  switch (status)
    {
    case TANDEM_ITEM_STATUS_MET:
      return TANDEM_RAG_GREEN;

    case TANDEM_ITEM_STATUS_PARTLY_MET:
    case TANDEM_ITEM_STATUS_IN_PROGRESS:
      return TANDEM_RAG_AMBER;

    case TANDEM_ITEM_STATUS_NOT_MET:
      return TANDEM_RAG_RED;

    case TANDEM_ITEM_STATUS_NOT_STARTED:
    case TANDEM_ITEM_STATUS_NOT_APPLICABLE:
    default:
      return TANDEM_RAG_NONE;
    }
}

/**
 * tandem_checklist_item_get_rag:
 *
 * Returns: the reviewer's own rating when they set one, otherwise the one the status implies
 */
TandemRag
tandem_checklist_item_get_rag (TandemChecklistItem *self)
{
  TandemRag override = tandem_checklist_item_get_rag_override (self);

  if (override != TANDEM_RAG_NONE)
    return override;

  return tandem_item_status_get_rag (tandem_checklist_item_get_status (self));
}

/**
 * tandem_checklist_item_rating_disagrees:
 *
 * Returns: %TRUE when the reviewer set a rating by hand that differs from the one the status
 *   implies (Met and Red, say): an override, which needs its reason
 */
gboolean
tandem_checklist_item_rating_disagrees (TandemChecklistItem *self)
{
  TandemRag override = tandem_checklist_item_get_rag_override (self);

  return override != TANDEM_RAG_NONE &&
         override != tandem_item_status_get_rag (tandem_checklist_item_get_status (self));
}

/**
 * tandem_checklist_item_is_applicable:
 *
 * Returns: %TRUE unless the item names a project condition that is off
 */
gboolean
tandem_checklist_item_is_applicable (TandemChecklistItem *self)
{
  TandemDocument *document = tandem_object_get_document (TANDEM_OBJECT (self));
  const char *condition = tandem_checklist_item_get_condition (self);

  if (condition[0] == '\0')
    return TRUE;

  return document != NULL && tandem_document_condition_is_on (document, condition);
}

/**
 * tandem_checklist_item_is_overdue:
 *
 * Returns: %TRUE when the item has a due date before @today and is not yet met (or not
 *   applicable)
 */
gboolean
tandem_checklist_item_is_overdue (TandemChecklistItem *self,
                                  const GDate         *today)
{
  const char *due = tandem_checklist_item_get_due_date (self);
  TandemItemStatus status = tandem_checklist_item_get_status (self);
  GDate date;

  if (due[0] == '\0' || status == TANDEM_ITEM_STATUS_MET ||
      status == TANDEM_ITEM_STATUS_NOT_APPLICABLE)
    return FALSE;

  {
    int y, m, d;

    if (sscanf (due, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
      return FALSE;
    g_date_clear (&date, 1);
    g_date_set_dmy (&date, d, m, y);
  }

  return g_date_compare (&date, today) < 0;
}

/**
 * tandem_checklist_item_get_checklist:
 *
 * Returns: (transfer none) (nullable): the checklist the item is in
 */
TandemChecklist *
tandem_checklist_item_get_checklist (TandemChecklistItem *self)
{
  for (TandemObject *o = TANDEM_OBJECT (self); o != NULL; o = tandem_object_get_parent (o))
    {
      if (TANDEM_IS_CHECKLIST (o))
        return TANDEM_CHECKLIST (o);
    }

  return NULL;
}

/**
 * tandem_checklist_item_is_answer_field:
 *
 * Returns: whether @pspec is part of the reviewer's answer (as opposed to the question), so
 *   that changing it is audited and voids sign-offs
 */
gboolean
tandem_checklist_item_is_answer_field (GParamSpec *pspec)
{
  return pspec == properties[PROP_STATUS] ||
         pspec == properties[PROP_RAG_OVERRIDE] ||
         pspec == properties[PROP_EVIDENCE] ||
         pspec == properties[PROP_OWNER] ||
         pspec == properties[PROP_DUE_DATE] ||
         pspec == properties[PROP_COMMENTS] ||
         pspec == properties[PROP_ACTION] ||
         pspec == properties[PROP_LADDER_RUNG] ||
         pspec == properties[PROP_RATING_REASON];
}
