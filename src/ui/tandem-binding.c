/* tandem-binding.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-binding"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-binding.h"
#include "tandem-document.h"

/*
 * Two-way bindings between widgets and model properties that go through the document's
 * transactions. A change in the widget becomes an undoable change of the model; typing into
 * one field is merged into one undo step until the field loses focus. A change of the model
 * (undo, redo, another view) updates the widget. The widgets' own undo is switched off so that
 * Ctrl+Z always means the document's undo.
 */

typedef struct
{
  GtkWidget    *widget;   /* not owned */
  TandemObject *object;   /* owned */
  GParamSpec   *pspec;
  char         *label;
  char         *merge_key;
  gulong        notify_id;
  gulong        widget_id;
  gpointer      widget_instance;
  guint         updating : 1;
} Binding;

static GQuark binding_quark;

static void
binding_free (gpointer data)
{
  Binding *binding = data;

  if (binding->notify_id != 0)
    g_signal_handler_disconnect (binding->object, binding->notify_id);

  /* The widget side matters only when a live widget is bound again; when the widget (or its
   * text buffer) is being destroyed, its handlers are already gone. */
  if (binding->widget_instance != NULL)
    {
      g_object_remove_weak_pointer (binding->widget_instance, &binding->widget_instance);
      if (g_signal_handler_is_connected (binding->widget_instance, binding->widget_id))
        g_signal_handler_disconnect (binding->widget_instance, binding->widget_id);
    }
  g_clear_object (&binding->object);
  g_free (binding->label);
  g_free (binding->merge_key);
  g_free (binding);
}

/**
 * tandem_set_property_undoable:
 * @merge: whether consecutive changes of this property merge into one undo step
 *
 * Sets a property of a model object in a transaction of its own.
 */
void
tandem_set_property_undoable (TandemObject *object,
                              const char   *property,
                              const GValue *value,
                              const char   *undo_label,
                              gboolean      merge)
{
  TandemDocument *document = tandem_object_get_document (object);
  g_autofree char *merge_key = NULL;

  if (document == NULL)
    {
      g_object_set_property (G_OBJECT (object), property, value);
      return;
    }

  if (merge)
    merge_key = g_strdup_printf ("%s:%s", tandem_object_get_id (object), property);

  tandem_document_begin_merge (document, undo_label, merge_key);
  g_object_set_property (G_OBJECT (object), property, value);
  tandem_document_commit (document);
}

static void
commit_value (Binding      *binding,
              const GValue *value,
              gboolean      merge)
{
  binding->updating = TRUE;
  tandem_set_property_undoable (binding->object, binding->pspec->name, value, binding->label,
                                merge);
  binding->updating = FALSE;
}

static Binding *
binding_new (GtkWidget    *widget,
             TandemObject *object,
             const char   *property,
             const char   *undo_label)
{
  Binding *binding = g_new0 (Binding, 1);

  if (binding_quark == 0)
    binding_quark = g_quark_from_static_string ("tandem-binding");

  binding->widget = widget;
  binding->object = g_object_ref (object);
  binding->pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  binding->label = g_strdup (undo_label);
  g_assert (binding->pspec != NULL);

  g_object_set_qdata_full (G_OBJECT (widget), binding_quark, binding, binding_free);

  return binding;
}

static void
connect_notify (Binding  *binding,
                GCallback callback)
{
  g_autofree char *signal = g_strdup_printf ("notify::%s", binding->pspec->name);

  binding->notify_id = g_signal_connect_swapped (binding->object, signal, callback, binding);
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   GtkWidget               *widget)
{
  Binding *binding = g_object_get_qdata (G_OBJECT (widget), binding_quark);
  TandemDocument *document;

  if (binding == NULL)
    return;

  document = tandem_object_get_document (binding->object);
  if (document != NULL)
    tandem_document_break_merge (document);
}

/* Leaving the field ends the undo step that typing into it builds up. */
static void
add_focus_break (GtkWidget *widget)
{
  GtkEventController *focus;

  if (g_object_get_data (G_OBJECT (widget), "tandem-focus-break") != NULL)
    return;

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave_cb), widget);
  gtk_widget_add_controller (widget, focus);
  g_object_set_data (G_OBJECT (widget), "tandem-focus-break", GINT_TO_POINTER (TRUE));
}

/* Editable */

static void
editable_from_model (Binding *binding)
{
  g_autofree char *text = NULL;

  if (binding->updating)
    return;

  g_object_get (binding->object, binding->pspec->name, &text, NULL);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (binding->widget)), text ? text : "") != 0)
    {
      binding->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (binding->widget), text ? text : "");
      binding->updating = FALSE;
    }
}

static void
on_editable_changed_cb (GtkEditable *editable,
                        Binding     *binding)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (binding->updating)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, gtk_editable_get_text (editable));
  commit_value (binding, &value, TRUE);
}

void
tandem_bind_editable (GtkEditable  *editable,
                      TandemObject *object,
                      const char   *property,
                      const char   *undo_label)
{
  Binding *binding = binding_new (GTK_WIDGET (editable), object, property, undo_label);
  GtkEditable *delegate = gtk_editable_get_delegate (editable);

  gtk_editable_set_enable_undo (editable, FALSE);
  if (GTK_IS_TEXT (delegate))
    gtk_text_set_max_length (GTK_TEXT (delegate), TANDEM_TEXT_MAX / 4);
  else if (GTK_IS_TEXT (editable))
    gtk_text_set_max_length (GTK_TEXT (editable), TANDEM_TEXT_MAX / 4);

  editable_from_model (binding);
  connect_notify (binding, G_CALLBACK (editable_from_model));
  binding->widget_instance = editable;
  g_object_add_weak_pointer (binding->widget_instance, &binding->widget_instance);
  binding->widget_id = g_signal_connect (editable, "changed", G_CALLBACK (on_editable_changed_cb),
                                         binding);
  add_focus_break (GTK_WIDGET (editable));
}

/* Text view */

static void
text_view_from_model (Binding *binding)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (binding->widget));
  g_autofree char *text = NULL;
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  if (binding->updating)
    return;

  g_object_get (binding->object, binding->pspec->name, &text, NULL);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (g_strcmp0 (current, text ? text : "") != 0)
    {
      binding->updating = TRUE;
      gtk_text_buffer_set_text (buffer, text ? text : "", -1);
      binding->updating = FALSE;
    }
}

static void
on_buffer_changed_cb (GtkTextBuffer *buffer,
                      Binding       *binding)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (binding->updating)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_value_init (&value, G_TYPE_STRING);
  g_value_take_string (&value, g_steal_pointer (&text));
  commit_value (binding, &value, TRUE);
}

void
tandem_bind_text_view (GtkTextView  *text_view,
                       TandemObject *object,
                       const char   *property,
                       const char   *undo_label)
{
  Binding *binding = binding_new (GTK_WIDGET (text_view), object, property, undo_label);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);

  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  text_view_from_model (binding);
  connect_notify (binding, G_CALLBACK (text_view_from_model));
  binding->widget_instance = buffer;
  g_object_add_weak_pointer (binding->widget_instance, &binding->widget_instance);
  binding->widget_id = g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed_cb),
                                         binding);
  add_focus_break (GTK_WIDGET (text_view));
}

/* Switch */

static void
switch_from_model (Binding *binding)
{
  gboolean active;

  if (binding->updating)
    return;

  g_object_get (binding->object, binding->pspec->name, &active, NULL);
  binding->updating = TRUE;
  gtk_switch_set_active (GTK_SWITCH (binding->widget), active);
  binding->updating = FALSE;
}

static void
on_switch_active_cb (GtkSwitch  *toggle,
                     GParamSpec *pspec,
                     Binding    *binding)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (binding->updating)
    return;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, gtk_switch_get_active (toggle));
  commit_value (binding, &value, FALSE);
}

void
tandem_bind_switch (GtkSwitch    *toggle,
                    TandemObject *object,
                    const char   *property,
                    const char   *undo_label)
{
  Binding *binding = binding_new (GTK_WIDGET (toggle), object, property, undo_label);

  switch_from_model (binding);
  connect_notify (binding, G_CALLBACK (switch_from_model));
  binding->widget_instance = toggle;
  g_object_add_weak_pointer (binding->widget_instance, &binding->widget_instance);
  binding->widget_id = g_signal_connect (toggle, "notify::active",
                                         G_CALLBACK (on_switch_active_cb), binding);
}

/* Combo row over an enumeration, one entry per value, in order */

static void
combo_from_model (Binding *binding)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (binding->pspec->value_type);
  int value;

  if (binding->updating)
    return;

  g_object_get (binding->object, binding->pspec->name, &value, NULL);

  for (guint i = 0; i < enum_class->n_values; i++)
    {
      if (enum_class->values[i].value == value)
        {
          binding->updating = TRUE;
          adw_combo_row_set_selected (ADW_COMBO_ROW (binding->widget), i);
          binding->updating = FALSE;
        }
    }
}

static void
on_combo_selected_cb (AdwComboRow *row,
                      GParamSpec  *pspec,
                      Binding     *binding)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (binding->pspec->value_type);
  g_auto(GValue) value = G_VALUE_INIT;
  guint selected = adw_combo_row_get_selected (row);

  if (binding->updating || selected >= enum_class->n_values)
    return;

  g_value_init (&value, binding->pspec->value_type);
  g_value_set_enum (&value, enum_class->values[selected].value);
  commit_value (binding, &value, FALSE);
}

void
tandem_bind_combo_enum (AdwComboRow  *row,
                        TandemObject *object,
                        const char   *property,
                        const char   *undo_label)
{
  Binding *binding = binding_new (GTK_WIDGET (row), object, property, undo_label);

  combo_from_model (binding);
  connect_notify (binding, G_CALLBACK (combo_from_model));
  binding->widget_instance = row;
  g_object_add_weak_pointer (binding->widget_instance, &binding->widget_instance);
  binding->widget_id = g_signal_connect (row, "notify::selected",
                                         G_CALLBACK (on_combo_selected_cb), binding);
}

/**
 * tandem_unbind:
 *
 * Disconnects the binding of @widget, if any; used when a list row is recycled.
 */
void
tandem_unbind (GtkWidget *widget)
{
  if (binding_quark != 0)
    g_object_set_qdata (G_OBJECT (widget), binding_quark, NULL);
}
