/* tandem-merge.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

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

G_END_DECLS
