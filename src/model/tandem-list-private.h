/* tandem-list-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-list.h"

G_BEGIN_DECLS

/* Used by undo and redo, which replay recorded changes without recording them again. */
void _tandem_list_insert_unrecorded (TandemList *self,
                                     guint       position,
                                     gpointer    object);
void _tandem_list_remove_unrecorded (TandemList *self,
                                     guint       position);

/* While a document is read: puts the items in the order of @keys (one per item, in the
 * current order), keeping the current order among equal keys. No signals. */
void _tandem_list_sort_loaded       (TandemList   *self,
                                     const gint64 *keys);

G_END_DECLS
