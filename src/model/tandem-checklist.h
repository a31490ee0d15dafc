/* tandem-checklist.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"
#include "tandem-list.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CHECKLIST (tandem_checklist_get_type ())

G_DECLARE_FINAL_TYPE (TandemChecklist, tandem_checklist, TANDEM, CHECKLIST, TandemObject)

/**
 * TandemProgress:
 * @applicable: items that apply (their condition, if any, is on)
 * @answered: applicable items with a status other than not started and in progress
 *
 * Counts over the applicable items of a section or a checklist. Read the count of one status
 * with tandem_progress_get_count(): "in progress" is a count of its own.
 */
typedef struct
{
  guint applicable;
  guint not_started;
  guint in_progress;
  guint met;
  guint partly_met;
  guint not_met;
  guint not_applicable;
  guint overdue;
  guint answered;
} TandemProgress;

TandemChecklist *tandem_checklist_new                     (void);
const char      *tandem_checklist_get_title               (TandemChecklist *self);
void             tandem_checklist_set_title               (TandemChecklist *self,
                                                           const char *value);
const char      *tandem_checklist_get_description         (TandemChecklist *self);
void             tandem_checklist_set_description         (TandemChecklist *self,
                                                           const char *value);
const char      *tandem_checklist_get_template_id         (TandemChecklist *self);
void             tandem_checklist_set_template_id         (TandemChecklist *self,
                                                           const char *value);
int              tandem_checklist_get_template_version    (TandemChecklist *self);
void             tandem_checklist_set_template_version    (TandemChecklist *self,
                                                           int value);
const char      *tandem_checklist_get_source              (TandemChecklist *self);
void             tandem_checklist_set_source              (TandemChecklist *self,
                                                           const char *value);
TandemDecision   tandem_checklist_get_decision            (TandemChecklist *self);
void             tandem_checklist_set_decision            (TandemChecklist *self,
                                                           TandemDecision value);
const char      *tandem_checklist_get_decision_conditions (TandemChecklist *self);
void             tandem_checklist_set_decision_conditions (TandemChecklist *self,
                                                           const char *value);
const char      *tandem_checklist_get_decision_reason     (TandemChecklist *self);
void             tandem_checklist_set_decision_reason     (TandemChecklist *self,
                                                           const char *value);
const char      *tandem_checklist_get_audit_head          (TandemChecklist *self);
void             tandem_checklist_set_audit_head          (TandemChecklist *self,
                                                           const char *value);
TandemList      *tandem_checklist_get_sections            (TandemChecklist *self);
TandemList      *tandem_checklist_get_signoffs            (TandemChecklist *self);
TandemList      *tandem_checklist_get_audit               (TandemChecklist *self);

void     tandem_checklist_get_progress         (TandemChecklist        *self,
                                                const GDate            *today,
                                                TandemProgress         *progress);
void     tandem_checklist_section_progress     (TandemChecklistSection *section,
                                                const GDate            *today,
                                                TandemProgress         *progress);
guint    tandem_progress_get_count             (const TandemProgress   *progress,
                                                TandemItemStatus        status);
gboolean tandem_progress_is_answered_status    (TandemItemStatus        status);
double   tandem_progress_get_fraction          (const TandemProgress   *progress);
gboolean tandem_checklist_is_answer_field      (GParamSpec             *pspec);
guint    tandem_checklist_count_active_signoffs (TandemChecklist       *self);
guint    tandem_checklist_count_open_questions  (TandemChecklist       *self,
                                                 gboolean              *gate_open);

/* Trust: see tandem-checklist-trust.c for what is hashed and what it proves. */
char    *tandem_checklist_hash_answers          (TandemChecklist        *self);
gboolean tandem_checklist_verify                (TandemChecklist        *self,
                                                 GPtrArray             **unverified);
gboolean tandem_checklist_signoff_verifies      (TandemChecklist        *self,
                                                 TandemSignoff          *signoff);
char    *tandem_audit_entry_compute_hash        (TandemAuditEntry       *entry,
                                                 const char             *prev_hash);
char    *tandem_signoff_describe_for_audit      (TandemSignoff          *signoff);
char    *tandem_document_describe_trust         (TandemDocument         *document);
void     tandem_document_seal_legacy            (TandemDocument         *document);

G_END_DECLS
