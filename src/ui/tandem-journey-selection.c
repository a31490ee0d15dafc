/* tandem-journey-selection.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-journey-selection"

#include "config.h"

#include "tandem-journey-selection.h"
#include "tandem-step.h"

/*
 * What is selected on a journey canvas (steps, connectors, "replaced by" links) and which
 * step has the focus, shared by the canvas, the list of steps and the side panel so that all
 * three show the same thing. Like gaphas' selection, it knows nothing of drawing: the views
 * listen to "changed" and to notify::focus.
 *
 * The focus is the step the keyboard acts on; it is usually selected too, but need not be
 * (Ctrl+click can unselect it).
 */

struct _TandemJourneySelection
{
  GObject       parent_instance;

  GHashTable   *items;   /* TandemObject* -> itself, owned */
  GPtrArray    *order;   /* in the order they were selected */
  TandemObject *focus;
};

G_DEFINE_FINAL_TYPE (TandemJourneySelection, tandem_journey_selection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FOCUS,
  PROP_N_ITEMS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Auxiliary methods */

static gboolean
add (TandemJourneySelection *self,
     gpointer                object)
{
  if (g_hash_table_contains (self->items, object))
    return FALSE;

  g_hash_table_add (self->items, g_object_ref (object));
  g_ptr_array_add (self->order, object);
  return TRUE;
}

static gboolean
remove_item (TandemJourneySelection *self,
             gpointer                object)
{
  if (!g_hash_table_contains (self->items, object))
    return FALSE;

  g_ptr_array_remove (self->order, object);
  g_hash_table_remove (self->items, object);
  return TRUE;
}

static void
emit_changed (TandemJourneySelection *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* GObject */

static void
tandem_journey_selection_finalize (GObject *object)
{
  TandemJourneySelection *self = (TandemJourneySelection *)object;

  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_object (&self->focus);

  G_OBJECT_CLASS (tandem_journey_selection_parent_class)->finalize (object);
}

static void
tandem_journey_selection_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  TandemJourneySelection *self = TANDEM_JOURNEY_SELECTION (object);

  switch (prop_id)
    {
    case PROP_FOCUS:
      g_value_set_object (value, self->focus);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, g_hash_table_size (self->items));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_journey_selection_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  TandemJourneySelection *self = TANDEM_JOURNEY_SELECTION (object);

  switch (prop_id)
    {
    case PROP_FOCUS:
      tandem_journey_selection_set_focus (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_journey_selection_class_init (TandemJourneySelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_journey_selection_finalize;
  object_class->get_property = tandem_journey_selection_get_property;
  object_class->set_property = tandem_journey_selection_set_property;

  properties[PROP_FOCUS] =
    g_param_spec_object ("focus", NULL, NULL,
                         TANDEM_TYPE_OBJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TandemJourneySelection::changed:
   *
   * The set of selected objects changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tandem_journey_selection_init (TandemJourneySelection *self)
{
  self->items = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->order = g_ptr_array_new ();
}

/* Public API */

TandemJourneySelection *
tandem_journey_selection_new (void)
{
  return g_object_new (TANDEM_TYPE_JOURNEY_SELECTION, NULL);
}

gboolean
tandem_journey_selection_contains (TandemJourneySelection *self,
                                   gpointer                object)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_SELECTION (self), FALSE);

  return object != NULL && g_hash_table_contains (self->items, object);
}

guint
tandem_journey_selection_get_n_items (TandemJourneySelection *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_SELECTION (self), 0);

  return g_hash_table_size (self->items);
}

/**
 * tandem_journey_selection_get_items:
 *
 * Returns: (transfer container) (element-type TandemObject): the selected objects, in the
 *   order they were selected
 */
GPtrArray *
tandem_journey_selection_get_items (TandemJourneySelection *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_SELECTION (self), NULL);

  return g_ptr_array_copy (self->order, NULL, NULL);
}

/**
 * tandem_journey_selection_get_steps:
 *
 * Returns: (transfer container) (element-type TandemStep): the selected steps
 */
GPtrArray *
tandem_journey_selection_get_steps (TandemJourneySelection *self)
{
  GPtrArray *steps = g_ptr_array_new ();

  g_return_val_if_fail (TANDEM_IS_JOURNEY_SELECTION (self), steps);

  for (guint i = 0; i < self->order->len; i++)
    {
      if (TANDEM_IS_STEP (g_ptr_array_index (self->order, i)))
        g_ptr_array_add (steps, g_ptr_array_index (self->order, i));
    }

  return steps;
}

/**
 * tandem_journey_selection_get_set:
 *
 * Returns: (transfer none): the selected objects as a set, for the painter
 */
GHashTable *
tandem_journey_selection_get_set (TandemJourneySelection *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_SELECTION (self), NULL);

  return self->items;
}

/**
 * tandem_journey_selection_get_focus:
 *
 * Returns: (transfer none) (nullable): the object the keyboard acts on
 */
TandemObject *
tandem_journey_selection_get_focus (TandemJourneySelection *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_SELECTION (self), NULL);

  return self->focus;
}

void
tandem_journey_selection_set_focus (TandemJourneySelection *self,
                                    gpointer                object)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_SELECTION (self));
  g_return_if_fail (object == NULL || TANDEM_IS_OBJECT (object));

  if (g_set_object (&self->focus, object))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS]);
}

void
tandem_journey_selection_select (TandemJourneySelection *self,
                                 gpointer                object)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_SELECTION (self));
  g_return_if_fail (TANDEM_IS_OBJECT (object));

  if (add (self, object))
    emit_changed (self);
}

/**
 * tandem_journey_selection_select_only:
 *
 * Selects @object alone and gives it the focus; a plain click or an arrow key.
 */
void
tandem_journey_selection_select_only (TandemJourneySelection *self,
                                      gpointer                object)
{
  gboolean changed;

  g_return_if_fail (TANDEM_IS_JOURNEY_SELECTION (self));
  g_return_if_fail (object == NULL || TANDEM_IS_OBJECT (object));

  changed = self->order->len != (object ? 1u : 0u) ||
            (object != NULL && !g_hash_table_contains (self->items, object));

  if (changed)
    {
      g_ptr_array_set_size (self->order, 0);
      g_hash_table_remove_all (self->items);
      if (object != NULL)
        add (self, object);
    }

  tandem_journey_selection_set_focus (self, object);

  if (changed)
    emit_changed (self);
}

void
tandem_journey_selection_unselect (TandemJourneySelection *self,
                                   gpointer                object)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_SELECTION (self));

  if (remove_item (self, object))
    emit_changed (self);
}

void
tandem_journey_selection_toggle (TandemJourneySelection *self,
                                 gpointer                object)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_SELECTION (self));

  if (!remove_item (self, object))
    add (self, object);

  emit_changed (self);
}

/**
 * tandem_journey_selection_set_items:
 * @objects: (element-type TandemObject): what to select instead
 */
void
tandem_journey_selection_set_items (TandemJourneySelection *self,
                                    GPtrArray              *objects)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_SELECTION (self));

  g_ptr_array_set_size (self->order, 0);
  g_hash_table_remove_all (self->items);
  for (guint i = 0; i < objects->len; i++)
    add (self, g_ptr_array_index (objects, i));

  emit_changed (self);
}

void
tandem_journey_selection_clear (TandemJourneySelection *self)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_SELECTION (self));

  if (self->order->len == 0)
    return;

  g_ptr_array_set_size (self->order, 0);
  g_hash_table_remove_all (self->items);
  emit_changed (self);
}

/**
 * tandem_journey_selection_prune:
 *
 * Drops objects that are no longer in a document (removed, or their addition undone).
 */
void
tandem_journey_selection_prune (TandemJourneySelection *self)
{
  gboolean changed = FALSE;

  g_return_if_fail (TANDEM_IS_JOURNEY_SELECTION (self));

  for (guint i = self->order->len; i > 0; i--)
    {
      TandemObject *object = g_ptr_array_index (self->order, i - 1);

      if (tandem_object_get_parent (object) == NULL)
        changed |= remove_item (self, object);
    }

  if (self->focus != NULL && tandem_object_get_parent (self->focus) == NULL)
    tandem_journey_selection_set_focus (self, NULL);

  if (changed)
    emit_changed (self);
}
