/* tandem-item-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-item-index"

#include "config.h"

#include <math.h>
#include <string.h>

#include "tandem-item-index.h"

/*
 * An index of item bounds on a uniform grid of square cells, so that painting a clip
 * rectangle or hit-testing a point costs what is near it, not what is on the whole map.
 * Journey maps are flat and evenly filled (cards in a grid of stages and lanes), which suits
 * a uniform grid better than a tree: insertion is O(cells covered) and a query visits only
 * the cells under the area. Items that would cover very many cells (a connector running the
 * length of the map) are kept in a short list that every query checks instead.
 *
 * An item is a number chosen by the caller (the layout encodes a kind and an index in it).
 */

#define MAX_CELLS_PER_ITEM 256

typedef struct
{
  guint             item;
  cairo_rectangle_t bounds;
} Entry;

struct _TandemItemIndex
{
  double      cell_size;
  GArray     *entries;   /* Entry */
  GHashTable *cells;     /* packed cell coordinates -> GArray of entry indices */
  GArray     *oversized; /* entry indices */
  GArray     *stamps;    /* guint per entry: the query that last reported it */
  guint       stamp;
};

/* Auxiliary methods */

static inline gint64
cell_of (double value,
         double cell_size)
{
  return (gint64)floor (value / cell_size);
}

static inline gint64
pack (gint64 cx,
      gint64 cy)
{
  return (gint64)(((guint64)(cx & 0xffffffff) << 32) | (guint64)(cy & 0xffffffff));
}

static guint
pack_hash (gconstpointer key)
{
  gint64 v = *(const gint64 *)key;

  return (guint)(v ^ (v >> 29) ^ (v >> 41));
}

/* Public API */

gboolean
tandem_rectangle_intersects (const cairo_rectangle_t *a,
                             const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

gboolean
tandem_rectangle_contains (const cairo_rectangle_t *r,
                           double                   x,
                           double                   y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

void
tandem_rectangle_union (cairo_rectangle_t       *r,
                        const cairo_rectangle_t *other)
{
  double x1 = MIN (r->x, other->x);
  double y1 = MIN (r->y, other->y);
  double x2 = MAX (r->x + r->width, other->x + other->width);
  double y2 = MAX (r->y + r->height, other->y + other->height);

  r->x = x1;
  r->y = y1;
  r->width = x2 - x1;
  r->height = y2 - y1;
}

void
tandem_rectangle_inflate (cairo_rectangle_t *r,
                          double             dx,
                          double             dy)
{
  r->x -= dx;
  r->y -= dy;
  r->width += 2 * dx;
  r->height += 2 * dy;
}

/**
 * tandem_item_index_new:
 * @cell_size: the side of a cell, in the units of the bounds; about the size of a typical
 *   item works best
 */
TandemItemIndex *
tandem_item_index_new (double cell_size)
{
  TandemItemIndex *self = g_new0 (TandemItemIndex, 1);

  g_return_val_if_fail (cell_size > 0, NULL);

  self->cell_size = cell_size;
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->cells = g_hash_table_new_full (pack_hash, g_int64_equal, g_free,
                                       (GDestroyNotify)g_array_unref);
  self->oversized = g_array_new (FALSE, FALSE, sizeof (guint));
  self->stamps = g_array_new (FALSE, TRUE, sizeof (guint));

  return self;
}

void
tandem_item_index_free (TandemItemIndex *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->entries);
  g_hash_table_unref (self->cells);
  g_array_unref (self->oversized);
  g_array_unref (self->stamps);
  g_free (self);
}

void
tandem_item_index_clear (TandemItemIndex *self)
{
  GHashTableIter iter;
  gpointer cell;

  /* Keep the cells and their arrays: a layout is made again after every edit, mostly over
   * the same cells, and allocating them all again would cost more than the layout. */
  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, NULL, &cell))
    g_array_set_size (cell, 0);

  g_array_set_size (self->entries, 0);
  g_array_set_size (self->oversized, 0);
  g_array_set_size (self->stamps, 0);
  self->stamp = 0;
}

guint
tandem_item_index_get_n (TandemItemIndex *self)
{
  return self->entries->len;
}

void
tandem_item_index_insert (TandemItemIndex         *self,
                          guint                    item,
                          const cairo_rectangle_t *bounds)
{
  Entry entry = { item, *bounds };
  guint position = self->entries->len;
  gint64 x1, y1, x2, y2;

  if (!(bounds->width >= 0 && bounds->height >= 0) || !isfinite (bounds->x) ||
      !isfinite (bounds->y))
    return;

  g_array_append_val (self->entries, entry);
  g_array_set_size (self->stamps, self->entries->len);

  x1 = cell_of (bounds->x, self->cell_size);
  y1 = cell_of (bounds->y, self->cell_size);
  x2 = cell_of (bounds->x + bounds->width, self->cell_size);
  y2 = cell_of (bounds->y + bounds->height, self->cell_size);

  if ((x2 - x1 + 1) * (y2 - y1 + 1) > MAX_CELLS_PER_ITEM)
    {
      g_array_append_val (self->oversized, position);
      return;
    }

  for (gint64 cy = y1; cy <= y2; cy++)
    for (gint64 cx = x1; cx <= x2; cx++)
      {
        gint64 key = pack (cx, cy);
        GArray *cell = g_hash_table_lookup (self->cells, &key);

        if (cell == NULL)
          {
            cell = g_array_sized_new (FALSE, FALSE, sizeof (guint), 4);
            g_hash_table_insert (self->cells, g_memdup2 (&key, sizeof key), cell);
          }
        g_array_append_val (cell, position);
      }
}

static inline void
report (TandemItemIndex         *self,
        guint                    position,
        const cairo_rectangle_t *area,
        GArray                  *items)
{
  guint *stamp = &g_array_index (self->stamps, guint, position);
  const Entry *entry;

  if (*stamp == self->stamp)
    return;
  *stamp = self->stamp;

  entry = &g_array_index (self->entries, Entry, position);
  /* Touching counts: a point query is an area of size zero. */
  if (entry->bounds.x <= area->x + area->width && area->x <= entry->bounds.x + entry->bounds.width &&
      entry->bounds.y <= area->y + area->height && area->y <= entry->bounds.y + entry->bounds.height)
    g_array_append_val (items, entry->item);
}

/**
 * tandem_item_index_query:
 * @items: (element-type guint): receives the items whose bounds meet @area, each once, in
 *   the order they were inserted within each cell
 */
void
tandem_item_index_query (TandemItemIndex         *self,
                         const cairo_rectangle_t *area,
                         GArray                  *items)
{
  gint64 x1, y1, x2, y2;

  if (++self->stamp == 0)
    {
      /* The counter wrapped after four billion queries: start the stamps afresh. */
      memset (self->stamps->data, 0, sizeof (guint) * self->stamps->len);
      self->stamp = 1;
    }

  for (guint i = 0; i < self->oversized->len; i++)
    report (self, g_array_index (self->oversized, guint, i), area, items);

  x1 = cell_of (area->x, self->cell_size);
  y1 = cell_of (area->y, self->cell_size);
  x2 = cell_of (area->x + area->width, self->cell_size);
  y2 = cell_of (area->y + area->height, self->cell_size);

  /* A query larger than the map visits cells that cannot exist; walk the table instead. */
  if ((double)(x2 - x1 + 1) * (double)(y2 - y1 + 1) > g_hash_table_size (self->cells) * 2.0)
    {
      for (guint i = 0; i < self->entries->len; i++)
        report (self, i, area, items);
      return;
    }

  for (gint64 cy = y1; cy <= y2; cy++)
    for (gint64 cx = x1; cx <= x2; cx++)
      {
        gint64 key = pack (cx, cy);
        GArray *cell = g_hash_table_lookup (self->cells, &key);

        if (cell == NULL)
          continue;

        for (guint i = 0; i < cell->len; i++)
          report (self, g_array_index (cell, guint, i), area, items);
      }
}
