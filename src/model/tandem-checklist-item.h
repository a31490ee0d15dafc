/* tandem-checklist-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"
#include "tandem-list.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CHECKLIST_ITEM (tandem_checklist_item_get_type ())

G_DECLARE_FINAL_TYPE (TandemChecklistItem, tandem_checklist_item, TANDEM, CHECKLIST_ITEM, TandemObject)

TandemChecklistItem *tandem_checklist_item_new              (void);
const char          *tandem_checklist_item_get_key          (TandemChecklistItem *self);
void                 tandem_checklist_item_set_key          (TandemChecklistItem *self,
                                                             const char *value);
const char          *tandem_checklist_item_get_question     (TandemChecklistItem *self);
void                 tandem_checklist_item_set_question     (TandemChecklistItem *self,
                                                             const char *value);
const char          *tandem_checklist_item_get_guidance     (TandemChecklistItem *self);
void                 tandem_checklist_item_set_guidance     (TandemChecklistItem *self,
                                                             const char *value);
const char          *tandem_checklist_item_get_condition    (TandemChecklistItem *self);
void                 tandem_checklist_item_set_condition    (TandemChecklistItem *self,
                                                             const char *value);
gboolean             tandem_checklist_item_get_uses_ladder  (TandemChecklistItem *self);
void                 tandem_checklist_item_set_uses_ladder  (TandemChecklistItem *self,
                                                             gboolean value);
TandemItemStatus     tandem_checklist_item_get_status       (TandemChecklistItem *self);
void                 tandem_checklist_item_set_status       (TandemChecklistItem *self,
                                                             TandemItemStatus value);
TandemRag            tandem_checklist_item_get_rag_override (TandemChecklistItem *self);
void                 tandem_checklist_item_set_rag_override (TandemChecklistItem *self,
                                                             TandemRag value);
const char          *tandem_checklist_item_get_evidence     (TandemChecklistItem *self);
void                 tandem_checklist_item_set_evidence     (TandemChecklistItem *self,
                                                             const char *value);
const char          *tandem_checklist_item_get_owner        (TandemChecklistItem *self);
void                 tandem_checklist_item_set_owner        (TandemChecklistItem *self,
                                                             const char *value);
const char          *tandem_checklist_item_get_due_date     (TandemChecklistItem *self);
void                 tandem_checklist_item_set_due_date     (TandemChecklistItem *self,
                                                             const char *value);
const char          *tandem_checklist_item_get_comments     (TandemChecklistItem *self);
void                 tandem_checklist_item_set_comments     (TandemChecklistItem *self,
                                                             const char *value);
const char          *tandem_checklist_item_get_action       (TandemChecklistItem *self);
void                 tandem_checklist_item_set_action       (TandemChecklistItem *self,
                                                             const char *value);
TandemLadderRung     tandem_checklist_item_get_ladder_rung  (TandemChecklistItem *self);
void                 tandem_checklist_item_set_ladder_rung  (TandemChecklistItem *self,
                                                             TandemLadderRung value);
const char          *tandem_checklist_item_get_rating_reason (TandemChecklistItem *self);
void                 tandem_checklist_item_set_rating_reason (TandemChecklistItem *self,
                                                              const char          *value);
TandemList          *tandem_checklist_item_get_links        (TandemChecklistItem *self);
TandemList          *tandem_checklist_item_get_attachments  (TandemChecklistItem *self);

TandemRag            tandem_checklist_item_get_rag            (TandemChecklistItem *self);
TandemRag            tandem_item_status_get_rag               (TandemItemStatus     status);
gboolean             tandem_checklist_item_is_applicable      (TandemChecklistItem *self);
gboolean             tandem_checklist_item_is_overdue         (TandemChecklistItem *self,
                                                               const GDate         *today);
TandemChecklist     *tandem_checklist_item_get_checklist      (TandemChecklistItem *self);
gboolean             tandem_checklist_item_is_answer_field    (GParamSpec          *pspec);

gboolean             tandem_checklist_item_rating_disagrees (TandemChecklistItem *self);

G_END_DECLS
