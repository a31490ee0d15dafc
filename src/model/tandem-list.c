/* tandem-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-list"

#include "config.h"

#include <stdlib.h>

#include "tandem-document-private.h"
#include "tandem-list-private.h"
#include "tandem-object-private.h"

/*
 * TandemList is an ordered collection of model objects owned by another model object. It is a
 * GListModel, so list widgets bind to it directly, and every insert and remove is recorded in
 * the document's transaction, so that undo works for collections as it does for properties.
 */

struct _TandemList
{
  GObject       parent_instance;

  TandemObject *owner;      /* not owned */
  GType         item_type;
  GPtrArray    *items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TandemList, tandem_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* GListModel */

static GType
tandem_list_get_item_type_iface (GListModel *model)
{
  return TANDEM_LIST (model)->item_type;
}

static guint
tandem_list_get_n_items (GListModel *model)
{
  return TANDEM_LIST (model)->items->len;
}

static gpointer
tandem_list_get_item (GListModel *model,
                      guint       position)
{
  TandemList *self = TANDEM_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = tandem_list_get_item_type_iface;
  iface->get_n_items = tandem_list_get_n_items;
  iface->get_item = tandem_list_get_item;
}

/* Auxiliary methods */

static TandemDocument *
get_document (TandemList *self)
{
  return self->owner != NULL ? tandem_object_get_document (self->owner) : NULL;
}

/* GObject */

static void
tandem_list_finalize (GObject *object)
{
  TandemList *self = (TandemList *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_list_parent_class)->finalize (object);
}

static void
tandem_list_class_init (TandemListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_list_finalize;
}

static void
tandem_list_init (TandemList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Public API */

/**
 * tandem_list_new:
 * @owner: the object that holds the list as one of its fields
 * @item_type: the type of the children, a subtype of #TandemObject
 *
 * Returns: (transfer full): a new empty list
 */
TandemList *
tandem_list_new (TandemObject *owner,
                 GType         item_type)
{
  TandemList *self;

  g_return_val_if_fail (TANDEM_IS_OBJECT (owner), NULL);
  g_return_val_if_fail (g_type_is_a (item_type, TANDEM_TYPE_OBJECT), NULL);

  self = g_object_new (TANDEM_TYPE_LIST, NULL);
  self->owner = owner;
  self->item_type = item_type;
  _tandem_object_register_list (owner, self);

  return self;
}

TandemObject *
tandem_list_get_owner (TandemList *self)
{
  g_return_val_if_fail (TANDEM_IS_LIST (self), NULL);

  return self->owner;
}

GType
tandem_list_get_item_type (TandemList *self)
{
  g_return_val_if_fail (TANDEM_IS_LIST (self), G_TYPE_INVALID);

  return self->item_type;
}

guint
tandem_list_get_n (TandemList *self)
{
  g_return_val_if_fail (TANDEM_IS_LIST (self), 0);

  return self->items->len;
}

/**
 * tandem_list_get:
 *
 * Returns: (transfer none) (nullable): the object at @position
 */
gpointer
tandem_list_get (TandemList *self,
                 guint       position)
{
  g_return_val_if_fail (TANDEM_IS_LIST (self), NULL);

  if (position >= self->items->len)
    return NULL;

  return g_ptr_array_index (self->items, position);
}

void
_tandem_list_insert_unrecorded (TandemList *self,
                                guint       position,
                                gpointer    object)
{
  TandemDocument *document = get_document (self);

  g_ptr_array_insert (self->items, position, g_object_ref (object));
  _tandem_object_attach (object, document, self->owner);

  /* Nobody can be watching a document that is still being read from a file. */
  if (document == NULL || !_tandem_document_is_reading (document))
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

void
_tandem_list_remove_unrecorded (TandemList *self,
                                guint       position)
{
  g_autoptr(TandemObject) object = g_object_ref (g_ptr_array_index (self->items, position));

  g_ptr_array_remove_index (self->items, position);
  _tandem_object_detach (object);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

/**
 * tandem_list_insert:
 *
 * Inserts @object at @position inside the document's open transaction. @object must not be
 * in a list already.
 */
void
tandem_list_insert (TandemList *self,
                    guint       position,
                    gpointer    object)
{
  TandemDocument *document;

  g_return_if_fail (TANDEM_IS_LIST (self));
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (object, self->item_type));
  g_return_if_fail (tandem_object_get_parent (object) == NULL);
  g_return_if_fail (position <= self->items->len);

  document = get_document (self);
  if (document != NULL)
    _tandem_document_record_list (document, self, TANDEM_CHANGE_INSERT, position, object);

  _tandem_list_insert_unrecorded (self, position, object);
}

void
tandem_list_append (TandemList *self,
                    gpointer    object)
{
  g_return_if_fail (TANDEM_IS_LIST (self));

  tandem_list_insert (self, self->items->len, object);
}

void
tandem_list_remove (TandemList *self,
                    guint       position)
{
  TandemDocument *document;

  g_return_if_fail (TANDEM_IS_LIST (self));
  g_return_if_fail (position < self->items->len);

  document = get_document (self);
  if (document != NULL)
    _tandem_document_record_list (document, self, TANDEM_CHANGE_REMOVE, position,
                                  g_ptr_array_index (self->items, position));

  _tandem_list_remove_unrecorded (self, position);
}

gboolean
tandem_list_remove_object (TandemList *self,
                           gpointer    object)
{
  int position = tandem_list_index_of (self, object);

  if (position < 0)
    return FALSE;

  tandem_list_remove (self, position);
  return TRUE;
}

/**
 * tandem_list_move:
 *
 * Moves the object at @from so that it ends up at position @to.
 */
void
tandem_list_move (TandemList *self,
                  guint       from,
                  guint       to)
{
  g_autoptr(TandemObject) object = NULL;

  g_return_if_fail (TANDEM_IS_LIST (self));
  g_return_if_fail (from < self->items->len);
  g_return_if_fail (to < self->items->len);

  if (from == to)
    return;

  object = g_object_ref (g_ptr_array_index (self->items, from));
  tandem_list_remove (self, from);
  tandem_list_insert (self, to, object);
}

int
tandem_list_index_of (TandemList *self,
                      gpointer    object)
{
  guint index;

  g_return_val_if_fail (TANDEM_IS_LIST (self), -1);

  if (g_ptr_array_find (self->items, object, &index))
    return index;

  return -1;
}

/**
 * tandem_list_find:
 *
 * Returns: (transfer none) (nullable): the child with the given id
 */
gpointer
tandem_list_find (TandemList *self,
                  const char *id)
{
  g_return_val_if_fail (TANDEM_IS_LIST (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      TandemObject *object = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (tandem_object_get_id (object), id) == 0)
        return object;
    }

  return NULL;
}

typedef struct
{
  gint64   key;
  guint    index;
  gpointer item;
} SortEntry;

static int
compare_sort_entries (gconstpointer a,
                      gconstpointer b)
{
  const SortEntry *x = a;
  const SortEntry *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index ? 1 : 0);
}

void
_tandem_list_sort_loaded (TandemList   *self,
                          const gint64 *keys)
{
  guint n = self->items->len;
  g_autofree SortEntry *entries = g_new (SortEntry, n);

  for (guint i = 0; i < n; i++)
    {
      entries[i].key = keys[i];
      entries[i].index = i;
      entries[i].item = g_ptr_array_index (self->items, i);
    }

  qsort (entries, n, sizeof (SortEntry), compare_sort_entries);

  for (guint i = 0; i < n; i++)
    self->items->pdata[i] = entries[i].item;
}
