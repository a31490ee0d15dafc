/* tandem-snapshot.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-document.h"

G_BEGIN_DECLS

/*
 * The one way to hand a document to a worker thread: a snapshot taken on the main thread (a
 * plain copy of every saved field), which the worker writes to a file (saving, recovery) or
 * turns back into a document of its own (exports). Shared with the layers above storage.
 */
typedef struct _TandemSnapshot TandemSnapshot;

TandemSnapshot *_tandem_snapshot_new         (TandemDocument *document);
void            _tandem_snapshot_free        (TandemSnapshot *snapshot);
TandemDocument *_tandem_snapshot_to_document (TandemSnapshot *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemSnapshot, _tandem_snapshot_free)

G_END_DECLS
