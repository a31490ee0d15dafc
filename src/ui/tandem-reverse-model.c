/* tandem-reverse-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-reverse-model"

#include "config.h"

#include "tandem-reverse-model.h"

/*
 * A list model that shows another in reverse order, so that histories (which grow at the
 * end) list the newest first without sorting.
 */

struct _TandemReverseModel
{
  GObject     parent_instance;

  GListModel *model;
  guint       n_items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TandemReverseModel, tandem_reverse_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
tandem_reverse_model_get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (TANDEM_REVERSE_MODEL (model)->model);
}

static guint
tandem_reverse_model_get_n_items (GListModel *model)
{
  return TANDEM_REVERSE_MODEL (model)->n_items;
}

static gpointer
tandem_reverse_model_get_item (GListModel *model,
                               guint       position)
{
  TandemReverseModel *self = TANDEM_REVERSE_MODEL (model);

  if (position >= self->n_items)
    return NULL;

  return g_list_model_get_item (self->model, self->n_items - 1 - position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = tandem_reverse_model_get_item_type;
  iface->get_n_items = tandem_reverse_model_get_n_items;
  iface->get_item = tandem_reverse_model_get_item;
}

static void
on_items_changed_cb (TandemReverseModel *self,
                     guint               position,
                     guint               removed,
                     guint               added,
                     GListModel         *model)
{
  guint before = self->n_items;

  self->n_items = before - removed + added;
  g_list_model_items_changed (G_LIST_MODEL (self), before - position - removed, removed, added);
}

static void
tandem_reverse_model_dispose (GObject *object)
{
  TandemReverseModel *self = (TandemReverseModel *)object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (tandem_reverse_model_parent_class)->dispose (object);
}

static void
tandem_reverse_model_class_init (TandemReverseModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tandem_reverse_model_dispose;
}

static void
tandem_reverse_model_init (TandemReverseModel *self)
{
}

/**
 * tandem_reverse_model_new:
 *
 * Returns: (transfer full): @model, last item first
 */
TandemReverseModel *
tandem_reverse_model_new (GListModel *model)
{
  TandemReverseModel *self = g_object_new (TANDEM_TYPE_REVERSE_MODEL, NULL);

  self->model = g_object_ref (model);
  self->n_items = g_list_model_get_n_items (model);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed_cb), self);

  return self;
}
