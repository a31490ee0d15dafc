/* tandem-item-index.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _TandemItemIndex TandemItemIndex;

TandemItemIndex *tandem_item_index_new    (double                   cell_size);
void             tandem_item_index_free   (TandemItemIndex         *self);
void             tandem_item_index_clear  (TandemItemIndex         *self);
void             tandem_item_index_insert (TandemItemIndex         *self,
                                           guint                    item,
                                           const cairo_rectangle_t *bounds);
void             tandem_item_index_query  (TandemItemIndex         *self,
                                           const cairo_rectangle_t *area,
                                           GArray                  *items);
guint            tandem_item_index_get_n  (TandemItemIndex         *self);

gboolean         tandem_rectangle_intersects (const cairo_rectangle_t *a,
                                              const cairo_rectangle_t *b);
gboolean         tandem_rectangle_contains   (const cairo_rectangle_t *r,
                                              double                   x,
                                              double                   y);
void             tandem_rectangle_union      (cairo_rectangle_t       *r,
                                              const cairo_rectangle_t *other);
void             tandem_rectangle_inflate    (cairo_rectangle_t       *r,
                                              double                   dx,
                                              double                   dy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemItemIndex, tandem_item_index_free)

G_END_DECLS
