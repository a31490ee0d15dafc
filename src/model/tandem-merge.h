/* tandem-merge.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tandem-audit-entry.h"
#include "tandem-checklist.h"
#include "tandem-document.h"
#include "tandem-merge-entry.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_MERGE (tandem_merge_get_type ())

G_DECLARE_FINAL_TYPE (TandemMerge, tandem_merge, TANDEM, MERGE, GObject)

#define TANDEM_MERGE_ERROR (tandem_merge_error_quark ())

typedef enum
{
  TANDEM_MERGE_ERROR_DIFFERENT_PROJECT,
  TANDEM_MERGE_ERROR_SAME_DOCUMENT,
  TANDEM_MERGE_ERROR_BLOB,
} TandemMergeError;

/**
 * TandemMergeBlobFunc:
 *
 * Reads a stored file of the other copy (the model cannot read files itself).
 *
 * Returns: (transfer full) (nullable): the contents, or %NULL with @error set
 */
typedef GBytes *(*TandemMergeBlobFunc) (TandemDocument  *document,
                                        const char      *hash,
                                        gpointer         user_data,
                                        GError         **error);

/**
 * TandemMergeConflict:
 * @entry: the answer
 * @field: the field both copies changed (or neither copy's trail explains)
 *
 * A field tandem_merge_choose_by_history() left at this copy's value.
 */
typedef struct
{
  TandemMergeEntry *entry;
  const char       *field;
} TandemMergeConflict;

GQuark            tandem_merge_error_quark        (void);

TandemMerge      *tandem_merge_new                (TandemDocument       *ours,
                                                   TandemDocument       *theirs,
                                                   GError              **error);
TandemDocument   *tandem_merge_get_ours           (TandemMerge          *self);
TandemDocument   *tandem_merge_get_theirs         (TandemMerge          *self);
GListModel       *tandem_merge_get_entries        (TandemMerge          *self);
guint             tandem_merge_get_n_disagreements (TandemMerge         *self);
guint             tandem_merge_get_n_chosen       (TandemMerge          *self);
const char *const *tandem_merge_get_notes         (TandemMerge          *self);
GStrv             tandem_merge_dup_blob_hashes    (TandemMerge          *self);
gboolean          tandem_merge_apply              (TandemMerge          *self,
                                                   const char           *undo_label,
                                                   TandemMergeBlobFunc   read_blob,
                                                   gpointer              user_data,
                                                   GError              **error);
void              tandem_merge_set_source_name    (TandemMerge          *self,
                                                   const char           *name);
guint             tandem_merge_get_n_new_checklists (TandemMerge        *self);
TandemChecklist  *tandem_merge_get_new_checklist  (TandemMerge          *self,
                                                   guint                 i);
gboolean          tandem_merge_get_bring_in       (TandemMerge          *self,
                                                   guint                 i);
void              tandem_merge_set_bring_in       (TandemMerge          *self,
                                                   guint                 i,
                                                   gboolean              bring_in);
guint             tandem_merge_get_n_new_signoffs (TandemMerge          *self);
TandemAuditEntry *tandem_merge_get_last_change    (TandemMerge          *self,
                                                   TandemMergeEntry     *entry,
                                                   gboolean              theirs,
                                                   const char           *field);
gboolean          tandem_merge_changed_since_parting (TandemMerge       *self,
                                                   TandemMergeEntry     *entry,
                                                   gboolean              theirs,
                                                   const char           *field);
GPtrArray        *tandem_merge_choose_by_history  (TandemMerge          *self);
const char       *tandem_merge_field_label        (const char           *field);
char             *tandem_merge_describe_value     (TandemMergeEntry     *entry,
                                                   gboolean              theirs,
                                                   const char           *field);

G_END_DECLS
