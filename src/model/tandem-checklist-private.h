/* tandem-checklist-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-checklist.h"
#include "tandem-document.h"

G_BEGIN_DECLS

/* The audit trail is append-only: undo and redo leave its entries (and the chain's head)
 * alone and instead add entries saying what they changed. */
gboolean _tandem_checklist_is_append_only_change (const TandemChange *change);
void     _tandem_checklist_after_replay          (TandemDocument     *document,
                                                  TandemTransaction  *transaction,
                                                  gboolean            backwards);
void     _tandem_checklist_chain_from            (TandemChecklist    *self,
                                                  guint               from);

/* While a merge applies another copy's answers, the audit entries the transaction makes are
 * attributed to that copy: see tandem-merge.c. */
typedef struct
{
  const char *origin;       /* "merge: <file name>" */
  GHashTable *attribution;  /* "subject-id\x1ffield" -> the other copy's TandemAuditEntry */
  GHashTable *imported;     /* TandemSignoff* brought in from the other copy */
  const char *void_reason;  /* why an imported sign-off over other answers does not stand */
} TandemProvenance;

void     _tandem_document_set_provenance         (TandemDocument     *document,
                                                  TandemProvenance   *provenance);
char    *_tandem_provenance_key                  (const char         *subject_id,
                                                  const char         *field);

G_END_DECLS
