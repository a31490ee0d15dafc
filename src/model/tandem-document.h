/* tandem-document.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"
#include "tandem-list.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_DOCUMENT (tandem_document_get_type ())

G_DECLARE_FINAL_TYPE (TandemDocument, tandem_document, TANDEM, DOCUMENT, TandemObject)

TandemDocument      *tandem_document_new                 (void);
TandemDocument      *tandem_document_new_project         (void);

const char          *tandem_document_get_title           (TandemDocument *self);
void                 tandem_document_set_title           (TandemDocument *self,
                                                          const char     *title);
const char          *tandem_document_get_organisation    (TandemDocument *self);
void                 tandem_document_set_organisation    (TandemDocument *self,
                                                          const char     *organisation);
const char          *tandem_document_get_programme       (TandemDocument *self);
void                 tandem_document_set_programme       (TandemDocument *self,
                                                          const char     *programme);
const char          *tandem_document_get_version         (TandemDocument *self);
void                 tandem_document_set_version         (TandemDocument *self,
                                                          const char     *version);
const char          *tandem_document_get_summary         (TandemDocument *self);
void                 tandem_document_set_summary         (TandemDocument *self,
                                                          const char     *summary);
TandemProjectStatus  tandem_document_get_status          (TandemDocument *self);
void                 tandem_document_set_status          (TandemDocument *self,
                                                          TandemProjectStatus status);
gboolean             tandem_document_get_fictional       (TandemDocument *self);
void                 tandem_document_set_fictional       (TandemDocument *self,
                                                          gboolean        fictional);
const char          *tandem_document_get_meeting         (TandemDocument *self);
void                 tandem_document_set_meeting         (TandemDocument *self,
                                                          const char     *value);
const char          *tandem_document_get_meeting_date    (TandemDocument *self);
void                 tandem_document_set_meeting_date    (TandemDocument *self,
                                                          const char     *value);
const char          *tandem_document_get_agenda_item     (TandemDocument *self);
void                 tandem_document_set_agenda_item     (TandemDocument *self,
                                                          const char     *value);
const char          *tandem_document_get_report_author   (TandemDocument *self);
void                 tandem_document_set_report_author   (TandemDocument *self,
                                                          const char     *value);
const char          *tandem_document_get_executive_sponsor (TandemDocument *self);
void                 tandem_document_set_executive_sponsor (TandemDocument *self,
                                                          const char     *value);
const char          *tandem_document_get_classification  (TandemDocument *self);
void                 tandem_document_set_classification  (TandemDocument *self,
                                                          const char     *value);
TandemPaperPurpose   tandem_document_get_paper_purpose   (TandemDocument *self);
void                 tandem_document_set_paper_purpose   (TandemDocument *self,
                                                          TandemPaperPurpose purpose);
TandemList          *tandem_document_get_conditions      (TandemDocument *self);
TandemList          *tandem_document_get_checklists      (TandemDocument *self);
TandemList          *tandem_document_get_journeys        (TandemDocument *self);
TandemList          *tandem_document_get_groups          (TandemDocument *self);
TandemList          *tandem_document_get_activities      (TandemDocument *self);
TandemList          *tandem_document_get_themes          (TandemDocument *self);
TandemCondition     *tandem_document_find_condition      (TandemDocument *self,
                                                          const char     *key);
gboolean             tandem_document_condition_is_on     (TandemDocument *self,
                                                          const char     *key);

char                *tandem_document_add_blob            (TandemDocument *self,
                                                          GBytes         *bytes);
GBytes              *tandem_document_get_memory_blob     (TandemDocument *self,
                                                          const char     *hash);

const char          *tandem_document_get_reviewer        (TandemDocument *self);
void                 tandem_document_set_reviewer        (TandemDocument *self,
                                                          const char     *reviewer);
const char          *tandem_document_get_reviewer_role   (TandemDocument *self);
void                 tandem_document_set_reviewer_role   (TandemDocument *self,
                                                          const char     *role);
char                *tandem_document_now                 (TandemDocument *self);
void                 tandem_document_set_fixed_time      (TandemDocument *self,
                                                          const char     *timestamp);

TandemObject        *tandem_document_lookup              (TandemDocument *self,
                                                          const char     *id);
guint                tandem_document_get_n_objects       (TandemDocument *self);

/* Transactions and undo */
void                 tandem_document_begin               (TandemDocument *self,
                                                          const char     *label);
void                 tandem_document_begin_merge         (TandemDocument *self,
                                                          const char     *label,
                                                          const char     *merge_key);
void                 tandem_document_commit              (TandemDocument *self);
void                 tandem_document_rollback            (TandemDocument *self);
gboolean             tandem_document_in_transaction      (TandemDocument *self);
void                 tandem_document_break_merge         (TandemDocument *self);
gboolean             tandem_document_can_undo            (TandemDocument *self);
gboolean             tandem_document_can_redo            (TandemDocument *self);
const char          *tandem_document_get_undo_label      (TandemDocument *self);
const char          *tandem_document_get_redo_label      (TandemDocument *self);
TandemTransaction   *tandem_document_peek_undo           (TandemDocument *self);
gboolean             tandem_document_undo                (TandemDocument *self);
gboolean             tandem_document_redo                (TandemDocument *self);
guint                tandem_document_get_undo_depth      (TandemDocument *self);

/* "Changed since save" follows the position in the undo history. */
gboolean             tandem_document_get_modified        (TandemDocument *self);
guint64              tandem_document_get_state           (TandemDocument *self);
void                 tandem_document_mark_saved          (TandemDocument *self,
                                                          guint64         state);
void                 tandem_document_mark_unsaved        (TandemDocument *self);

/* Transactions as seen by observers (the audit trail, autosave). */
typedef enum
{
  TANDEM_CHANGE_PROPERTY,
  TANDEM_CHANGE_INSERT,
  TANDEM_CHANGE_REMOVE,
} TandemChangeKind;

typedef struct
{
  TandemChangeKind  kind;
  TandemObject     *object;    /* changed object, or the inserted or removed child */
  GParamSpec       *pspec;     /* TANDEM_CHANGE_PROPERTY */
  GValue            old_value; /* TANDEM_CHANGE_PROPERTY */
  GValue            new_value; /* TANDEM_CHANGE_PROPERTY */
  TandemList       *list;      /* TANDEM_CHANGE_INSERT and TANDEM_CHANGE_REMOVE */
  guint             position;
} TandemChange;

const char          *tandem_transaction_get_label        (TandemTransaction *transaction);
guint                tandem_transaction_get_n_changes    (TandemTransaction *transaction);
const TandemChange  *tandem_transaction_get_change       (TandemTransaction *transaction,
                                                          guint              index);

G_END_DECLS
