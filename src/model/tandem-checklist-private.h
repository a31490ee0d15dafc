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

G_END_DECLS
