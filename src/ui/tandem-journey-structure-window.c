/* tandem-journey-structure-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-journey-structure-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-binding.h"
#include "tandem-document.h"
#include "tandem-journey-edit.h"
#include "tandem-journey-structure-window.h"

/*
 * The stages and lanes of a journey, shared by its two maps: add, rename, reorder, resize
 * and remove them with the keyboard (the canvas does the same with the pointer, on the
 * headers). Every change is a transaction of the document, so Ctrl+Z works here too.
 */

struct _TandemJourneyStructureWindow
{
  AdwPreferencesWindow  parent_instance;

  TandemJourney        *journey;
  TandemDocument       *document;
  GtkListBox           *stages_list;
  GtkListBox           *lanes_list;
  GtkWidget            *add_stage_button;
  GtkWidget            *add_lane_button;
};

G_DEFINE_FINAL_TYPE (TandemJourneyStructureWindow, tandem_journey_structure_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* Auxiliary methods */

static TandemList *
list_of (TandemJourneyStructureWindow *self,
         TandemObject                 *object)
{
  return TANDEM_IS_STAGE (object) ? tandem_journey_get_stages (self->journey)
                                  : tandem_journey_get_lanes (self->journey);
}

static void
focus_button (TandemJourneyStructureWindow *self,
              TandemObject                 *object,
              const char                   *which)
{
  GtkListBox *list = TANDEM_IS_STAGE (object) ? self->stages_list : self->lanes_list;
  int index = tandem_list_index_of (list_of (self, object), object);
  GtkListBoxRow *row = index >= 0 ? gtk_list_box_get_row_at_index (list, index) : NULL;
  GtkWidget *button = row ? g_object_get_data (G_OBJECT (row), which) : NULL;

  /* After a move the row is made again; keep the keyboard on the same button. */
  if (button != NULL && gtk_widget_get_sensitive (button))
    gtk_widget_grab_focus (button);
  else if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Callbacks */

static void
on_move_clicked_cb (GtkButton    *button,
                    TandemObject *object)
{
  TandemJourneyStructureWindow *self = g_object_get_data (G_OBJECT (button), "window");
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  TandemList *list = list_of (self, object);
  int index = tandem_list_index_of (list, object);
  int to = index + delta;

  if (index < 0 || to < 0 || to >= (int)tandem_list_get_n (list))
    return;

  tandem_document_begin (self->document, TANDEM_IS_STAGE (object) ? _("Move Stage") : _("Move Lane"));
  tandem_list_move (list, index, to);
  tandem_document_commit (self->document);

  focus_button (self, object, delta < 0 ? "up-button" : "down-button");
}

static void
on_remove_clicked_cb (GtkButton    *button,
                      TandemObject *object)
{
  TandemJourneyStructureWindow *self = g_object_get_data (G_OBJECT (button), "window");
  guint n = tandem_journey_count_steps_in (self->journey, object);
  gboolean is_stage = TANDEM_IS_STAGE (object);
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;
  GtkListBox *list = is_stage ? self->stages_list : self->lanes_list;
  int index = tandem_list_index_of (list_of (self, object), object);
  GtkListBoxRow *next;

  g_object_get (object, "title", &title, NULL);

  tandem_document_begin (self->document, is_stage ? _("Remove Stage") : _("Remove Lane"));
  if (is_stage)
    tandem_journey_remove_stage (self->journey, TANDEM_STAGE (object));
  else
    tandem_journey_remove_lane (self->journey, TANDEM_LANE (object));
  tandem_document_commit (self->document);

  /* The focus was on a button of the row that went: give it to the row that took its place
   * (the one before, if it was the last), or to the add button when the list is empty, so
   * that the keyboard stays where the user was working and a screen reader says where. */
  next = gtk_list_box_get_row_at_index (list, index);
  if (next == NULL && index > 0)
    next = gtk_list_box_get_row_at_index (list, index - 1);
  if (next != NULL)
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (next), "remove-button"));
  else
    gtk_widget_grab_focus (is_stage ? self->add_stage_button : self->add_lane_button);

  if (n > 0 && is_stage)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Removed the stage “%s” and its %u step",
                                            "Removed the stage “%s” and its %u steps", n), title, n);
  else if (n > 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Removed the lane “%s” and its %u step",
                                            "Removed the lane “%s” and its %u steps", n), title, n);
  else
    message = g_strdup_printf (is_stage ? _("Removed the stage “%s”") : _("Removed the lane “%s”"),
                               title);

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "structure.undo");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
on_size_changed_cb (GtkSpinButton *spin,
                    TandemObject  *object)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (g_object_get_data (G_OBJECT (spin), "updating"))
    return;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, gtk_spin_button_get_value (spin));
  tandem_set_property_undoable (object, TANDEM_IS_STAGE (object) ? "width" : "height", &value,
                                TANDEM_IS_STAGE (object) ? _("Resize Stage") : _("Resize Lane"),
                                TRUE);
}

static void
on_size_notify_cb (TandemObject  *object,
                   GParamSpec    *pspec,
                   GtkSpinButton *spin)
{
  double size;

  g_object_get (object, pspec->name, &size, NULL);
  g_object_set_data (G_OBJECT (spin), "updating", GINT_TO_POINTER (TRUE));
  gtk_spin_button_set_value (spin, size);
  g_object_set_data (G_OBJECT (spin), "updating", NULL);
}

static GtkWidget *
icon_button (TandemJourneyStructureWindow *self,
             TandemObject                 *object,
             const char                   *icon,
             const char                   *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "window", self);

  return button;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  TandemJourneyStructureWindow *self = user_data;
  TandemObject *object = item;
  gboolean is_stage = TANDEM_IS_STAGE (object);
  TandemList *list = list_of (self, object);
  int index = tandem_list_index_of (list, object);
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *spin, *up, *down, *remove;
  g_autofree char *signal = g_strdup_printf ("notify::%s", is_stage ? "width" : "height");
  double size;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), is_stage ? _("Stage") : _("Lane"));
  tandem_bind_editable (GTK_EDITABLE (row), object, "title",
                        is_stage ? _("Rename Stage") : _("Rename Lane"));

  g_object_get (object, is_stage ? "width" : "height", &size, NULL);
  spin = gtk_spin_button_new_with_range (is_stage ? 80 : 60, 4000, 10);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), size);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (spin, is_stage ? _("Width, in points") : _("Height, in points"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  is_stage ? _("Width") : _("Height"), -1);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_size_changed_cb), object, 0);
  g_signal_connect_object (object, signal, G_CALLBACK (on_size_notify_cb), spin, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), spin);

  up = icon_button (self, object, is_stage ? "go-previous-symbolic" : "go-up-symbolic",
                    is_stage ? _("Move earlier") : _("Move up"));
  g_object_set_data (G_OBJECT (up), "delta", GINT_TO_POINTER (-1));
  gtk_widget_set_sensitive (up, index > 0);
  g_signal_connect_object (up, "clicked", G_CALLBACK (on_move_clicked_cb), object, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), up);

  down = icon_button (self, object, is_stage ? "go-next-symbolic" : "go-down-symbolic",
                      is_stage ? _("Move later") : _("Move down"));
  g_object_set_data (G_OBJECT (down), "delta", GINT_TO_POINTER (1));
  gtk_widget_set_sensitive (down, index + 1 < (int)tandem_list_get_n (list));
  g_signal_connect_object (down, "clicked", G_CALLBACK (on_move_clicked_cb), object, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), down);

  remove = icon_button (self, object, "user-trash-symbolic", is_stage ? _("Remove stage")
                                                                      : _("Remove lane"));
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), object, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

  g_object_set_data (G_OBJECT (row), "up-button", up);
  g_object_set_data (G_OBJECT (row), "down-button", down);
  g_object_set_data (G_OBJECT (row), "remove-button", remove);

  return row;
}

static void
add_clicked (TandemJourneyStructureWindow *self,
             gboolean                      stage)
{
  GtkListBox *list = stage ? self->stages_list : self->lanes_list;
  TandemObject *added;
  GtkListBoxRow *row;

  tandem_document_begin (self->document, stage ? _("Add Stage") : _("Add Lane"));
  added = stage ? TANDEM_OBJECT (tandem_journey_add_stage (self->journey, G_MAXUINT, _("New stage")))
                : TANDEM_OBJECT (tandem_journey_add_lane (self->journey, G_MAXUINT, _("New lane")));
  tandem_document_commit (self->document);

  row = gtk_list_box_get_row_at_index (list, tandem_list_index_of (list_of (self, added), added));
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
on_add_stage_clicked_cb (TandemJourneyStructureWindow *self)
{
  add_clicked (self, TRUE);
}

static void
on_add_lane_clicked_cb (TandemJourneyStructureWindow *self)
{
  add_clicked (self, FALSE);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemJourneyStructureWindow *self = TANDEM_JOURNEY_STRUCTURE_WINDOW (widget);

  if (tandem_document_in_transaction (self->document))
    return;

  if (g_str_equal (action_name, "structure.undo"))
    tandem_document_undo (self->document);
  else
    tandem_document_redo (self->document);
}

/* GObject */

static void
tandem_journey_structure_window_dispose (GObject *object)
{
  TandemJourneyStructureWindow *self = (TandemJourneyStructureWindow *)object;

  if (self->stages_list != NULL)
    gtk_list_box_bind_model (self->stages_list, NULL, NULL, NULL, NULL);
  if (self->lanes_list != NULL)
    gtk_list_box_bind_model (self->lanes_list, NULL, NULL, NULL, NULL);

  G_OBJECT_CLASS (tandem_journey_structure_window_parent_class)->dispose (object);
}

static void
tandem_journey_structure_window_finalize (GObject *object)
{
  TandemJourneyStructureWindow *self = (TandemJourneyStructureWindow *)object;

  g_clear_object (&self->journey);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (tandem_journey_structure_window_parent_class)->finalize (object);
}

static void
tandem_journey_structure_window_class_init (TandemJourneyStructureWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_journey_structure_window_dispose;
  object_class->finalize = tandem_journey_structure_window_finalize;

  gtk_widget_class_install_action (widget_class, "structure.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "structure.redo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "structure.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "structure.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static GtkListBox *
add_group (TandemJourneyStructureWindow *self,
           AdwPreferencesPage           *page,
           const char                   *title,
           const char                   *description,
           const char                   *add_label,
           GCallback                     add_callback,
           GtkWidget                   **add_button)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (add_label);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_swapped (button, "clicked", add_callback, self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  *add_button = button;

  return GTK_LIST_BOX (list);
}

/* GTK leaves the window's own close button out of the Tab chain; a user of the keyboard alone
 * (or of a switch) should find it there too, as well as Esc and Ctrl+W. The buttons are made
 * when the window is shown, and again if the desktop's button layout changes. */
static void
make_window_buttons_focusable (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* A widget that cannot take the focus keeps it from its children too. */
      if (GTK_IS_WINDOW_CONTROLS (child))
        gtk_widget_set_can_focus (child, TRUE);
      if (GTK_IS_BUTTON (child) && gtk_widget_get_ancestor (child, GTK_TYPE_WINDOW_CONTROLS) != NULL)
        {
          gtk_widget_set_can_focus (child, TRUE);
          gtk_widget_set_focusable (child, TRUE);
        }
      make_window_buttons_focusable (child);
    }
}

static void
on_map_cb (GtkWidget *widget)
{
  make_window_buttons_focusable (widget);
}

static void
tandem_journey_structure_window_init (TandemJourneyStructureWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());

  gtk_window_set_title (GTK_WINDOW (self), _("Stages and Lanes"));
  gtk_window_set_default_size (GTK_WINDOW (self), 620, 640);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);

  adw_preferences_page_set_title (page, _("Stages and Lanes"));
  self->stages_list = add_group (self, page, _("Stages"),
                                 _("Columns, in time order. Both maps share them."),
                                 _("_Add Stage"), G_CALLBACK (on_add_stage_clicked_cb),
                                 &self->add_stage_button);
  self->lanes_list = add_group (self, page, _("Lanes"),
                                _("Rows: who or where, such as “Patient and family”."),
                                _("Add _Lane"), G_CALLBACK (on_add_lane_clicked_cb),
                                &self->add_lane_button);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);

  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-decoration-layout",
                           G_CALLBACK (make_window_buttons_focusable), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

/* Public API */

GtkWidget *
tandem_journey_structure_window_new (TandemJourney *journey)
{
  TandemJourneyStructureWindow *self;

  g_return_val_if_fail (TANDEM_IS_JOURNEY (journey), NULL);

  self = g_object_new (TANDEM_TYPE_JOURNEY_STRUCTURE_WINDOW, NULL);
  self->journey = g_object_ref (journey);
  self->document = g_object_ref (tandem_object_get_document (TANDEM_OBJECT (journey)));

  gtk_list_box_bind_model (self->stages_list, G_LIST_MODEL (tandem_journey_get_stages (journey)),
                           create_row, self, NULL);
  gtk_list_box_bind_model (self->lanes_list, G_LIST_MODEL (tandem_journey_get_lanes (journey)),
                           create_row, self, NULL);

  return GTK_WIDGET (self);
}

/**
 * tandem_journey_structure_window_get_list:
 *
 * Returns: (transfer none): the list of stages, or of lanes, for tests
 */
GtkListBox *
tandem_journey_structure_window_get_list (TandemJourneyStructureWindow *self,
                                          gboolean                      stages)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_STRUCTURE_WINDOW (self), NULL);

  return stages ? self->stages_list : self->lanes_list;
}
