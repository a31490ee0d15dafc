/* tandem-document-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-document.h"

G_BEGIN_DECLS

/* While loading, the storage layer builds the tree without recording changes. */
void     _tandem_document_begin_loading   (TandemDocument *self);
void     _tandem_document_end_loading     (TandemDocument *self);
gboolean _tandem_document_is_loading      (TandemDocument *self);
gboolean _tandem_document_is_reading      (TandemDocument *self);

void     _tandem_document_record_property (TandemDocument *self,
                                           TandemObject   *object,
                                           GParamSpec     *pspec,
                                           const GValue   *old_value,
                                           const GValue   *new_value);
void     _tandem_document_record_list     (TandemDocument *self,
                                           TandemList     *list,
                                           TandemChangeKind kind,
                                           guint           position,
                                           TandemObject   *object);
void     _tandem_document_index_add       (TandemDocument *self,
                                           TandemObject   *object);
void     _tandem_document_index_remove    (TandemDocument *self,
                                           TandemObject   *object);

/* Where stored files that are not in memory can be read from: the file the document was
 * opened from or last saved to. */
void        _tandem_document_set_blob_source (TandemDocument *self,
                                              const char     *path);
const char *_tandem_document_get_blob_source (TandemDocument *self);
void        _tandem_document_add_memory_blob (TandemDocument *self,
                                              const char     *hash,
                                              GBytes         *bytes);

/* The undo step the open transaction will be folded into when it commits, if any. */
TandemTransaction *_tandem_document_get_merge_target (TandemDocument *self);

G_END_DECLS
