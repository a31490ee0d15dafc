/* tandem-ui-test-util.c: a real application and real windows for UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "tandem-test-util.h"
#include "tandem-ui-test-util.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

static TandemApplication *application;

static char *private_home;

static void
remove_private_home (void)
{
  tandem_test_remove_tree (private_home);
  g_clear_pointer (&private_home, g_free);
}

/* Recent files, recovery copies, caches and settings that the windows write go to an empty home
 * of this process's own, never to the developer's. Not G_TEST_OPTION_ISOLATE_DIRS: that points
 * the user folders at /dev/null outside a test and at a new folder for each test, while one
 * application (and GTK's recent-files list, which keeps its path) serves every test here. Set
 * before GTK or GLib first look the folders up. */
static void
use_private_home (void)
{
  g_autoptr(GError) error = NULL;
  const struct { const char *variable; const char *folder; } dirs[] = {
    { "XDG_DATA_HOME", "data" }, { "XDG_CONFIG_HOME", "config" }, { "XDG_CACHE_HOME", "cache" },
    { "XDG_STATE_HOME", "state" },
  };

  private_home = g_dir_make_tmp ("tandem-ui-test-home-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("HOME", private_home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (private_home, dirs[i].folder, NULL);

      g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
      g_setenv (dirs[i].variable, path, TRUE);
    }
  atexit (remove_private_home);
}

/**
 * tandem_ui_test_init:
 *
 * Starts GTK and registers a real TandemApplication (not unique, so tests may run side by
 * side), without running its main loop: tests iterate it themselves.
 */
TandemApplication *
tandem_ui_test_init (int    *argc,
                     char ***argv)
{
  g_autoptr(GError) error = NULL;

  use_private_home ();
  gtk_test_init (argc, argv, NULL);

  /* Switches and other widgets then change state at once, not at the end of an animation. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  application = tandem_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  return application;
}

TandemApplication *
tandem_ui_test_get_application (void)
{
  return application;
}

/* A button activates on the next frames, as a real press does: wait for its "clicked". The
 * click may close the dialog that holds the button, so it is kept alive until we are done with
 * it rather than guessing afterwards whether the pointer is still good. */
void
tandem_ui_test_press_button (GtkWidget *button)
{
  g_autoptr(GtkWidget) held = g_object_ref (button);
  gboolean clicked = FALSE;
  gulong handler;

  handler = g_signal_connect_swapped (held, "clicked", G_CALLBACK (g_nullify_pointer), &clicked);
  clicked = TRUE;
  g_assert_true (gtk_widget_activate (held));
  while (clicked)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (held, handler);
  tandem_ui_test_iterate ();
}

/* As a reviewer who has already said who they are: the first checklist shown then asks
 * nothing (tests of that question itself leave the name empty). */
void
tandem_ui_test_set_reviewer (const char *name,
                             const char *role)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_set_string (settings, "reviewer-name", name);
  g_settings_set_string (settings, "reviewer-role", role);
}

void
tandem_ui_test_iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

TandemWindow *
tandem_ui_test_new_window (void)
{
  TandemWindow *window = TANDEM_WINDOW (tandem_application_new_window (application));

  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  tandem_ui_test_iterate ();

  return window;
}

/* Waits for the window's file work (on worker threads) to finish; no sleeping. */
void
tandem_ui_test_wait_idle (TandemWindow *window)
{
  while (tandem_window_is_busy (window))
    g_main_context_iteration (NULL, TRUE);
  tandem_ui_test_iterate ();
}

AdwMessageDialog *
tandem_ui_test_find_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  tandem_ui_test_iterate ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          (parent == NULL || gtk_window_get_transient_for (window) == parent))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

void
tandem_ui_test_close_window (TandemWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  tandem_ui_test_iterate ();
}

static gboolean
widget_matches (GtkWidget  *widget,
                GType       type,
                const char *text)
{
  if (!G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return FALSE;

  if (text == NULL)
    return TRUE;

  if (ADW_IS_PREFERENCES_ROW (widget))
    return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), text) == 0;
  if (GTK_IS_BUTTON (widget))
    return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0;
  if (GTK_IS_LABEL (widget))
    return g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;

  return FALSE;
}

/**
 * tandem_ui_test_find_widget:
 *
 * Returns: (transfer none) (nullable): the first descendant of @root of @type whose title or
 *   label is @title_or_label (or any, when %NULL), depth first
 */
GtkWidget *
tandem_ui_test_find_widget (GtkWidget  *root,
                            GType       type,
                            const char *title_or_label)
{
  if (widget_matches (root, type, title_or_label))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = tandem_ui_test_find_widget (child, type, title_or_label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * tandem_ui_test_settle:
 *
 * Lets @window lay itself out and draw, as it would between two key presses: Tab follows the
 * widgets' positions, which exist only once they are laid out.
 */
void
tandem_ui_test_settle (GtkWidget *window)
{
  tandem_ui_test_iterate ();
  gtk_test_widget_wait_for_draw (window);
  tandem_ui_test_iterate ();
}

static gboolean
shortcut_matches (GtkShortcut     *shortcut,
                  guint            keyval,
                  GdkModifierType  modifiers)
{
  GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
}

static gboolean
try_controllers (GtkWidget          *widget,
                 GtkPropagationPhase phase,
                 guint               keyval,
                 GdkModifierType     modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) != phase)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (shortcut_matches (shortcut, keyval, modifiers) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                            GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }

  return FALSE;
}

/**
 * tandem_ui_test_press_key:
 *
 * Presses a key as GTK delivers one to the focused widget of @window: the shortcut controllers
 * of the capture phase from the window down, then those of the bubble phase from the focus up.
 * GTK 4 cannot synthesise key events in-process, so the key is looked up in the controllers a
 * real key press reaches and what it finds there is activated; a key nobody binds fails the
 * test.
 */
void
tandem_ui_test_press_key (GtkWidget       *window,
                          guint            keyval,
                          GdkModifierType  modifiers)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();

  for (GtkWidget *widget = gtk_root_get_focus (GTK_ROOT (window));
       widget != NULL;
       widget = gtk_widget_get_parent (widget))
    g_ptr_array_insert (chain, 0, widget);

  for (guint i = 0; i < chain->len; i++)
    if (try_controllers (g_ptr_array_index (chain, i), GTK_PHASE_CAPTURE, keyval, modifiers))
      {
        tandem_ui_test_settle (window);
        return;
      }

  for (guint i = chain->len; i > 0; i--)
    if (try_controllers (g_ptr_array_index (chain, i - 1), GTK_PHASE_BUBBLE, keyval, modifiers))
      {
        tandem_ui_test_settle (window);
        return;
      }

  g_error ("No widget from the focus up handles the key %s with modifiers %x",
           gdk_keyval_name (keyval), modifiers);
}

/**
 * tandem_ui_test_tab_to:
 *
 * Tabs until the focus is inside @target, as a keyboard user would; fails after 30 presses.
 */
void
tandem_ui_test_tab_to (GtkWidget *window,
                       GtkWidget *target)
{
  for (guint i = 0; i < 30; i++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

      if (focus != NULL && (focus == target || gtk_widget_is_ancestor (focus, target)))
        return;

      gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);
      tandem_ui_test_settle (window);
    }

  g_error ("Tab never reached a %s", G_OBJECT_TYPE_NAME (target));
}

/**
 * tandem_ui_test_type_text:
 *
 * Types @text into whatever has the focus in @window, one character at a time.
 */
void
tandem_ui_test_type_text (GtkWidget  *window,
                          const char *text)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      char buffer[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), buffer);

      if (GTK_IS_TEXT_VIEW (focus))
        gtk_text_buffer_insert_interactive_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)),
                                                      buffer, -1, TRUE);
      else if (GTK_IS_EDITABLE (focus))
        {
          int position = gtk_editable_get_position (GTK_EDITABLE (focus));

          gtk_editable_insert_text (GTK_EDITABLE (focus), buffer, -1, &position);
          gtk_editable_set_position (GTK_EDITABLE (focus), position);
        }
      else
        g_error ("Cannot type into a %s", G_OBJECT_TYPE_NAME (focus));
    }

  tandem_ui_test_iterate ();
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * tandem_ui_test_real_key:
 *
 * Sends a real key press (an xdotool key name) to @window through the X server and waits up to
 * 10 s until @done says it arrived.
 *
 * Returns: %FALSE when no real key can be sent here (no xdotool, or not X11)
 */
gboolean
tandem_ui_test_real_key (GtkWidget             *window,
                         const char            *key,
                         TandemUiTestCondition  done,
                         gpointer               data)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *window_id = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint wake;
  int status;

  if (xdotool == NULL || !GDK_IS_X11_SURFACE (surface))
    return FALSE;

  window_id = g_strdup_printf ("%lu", (gulong)gdk_x11_surface_get_xid (surface));
  {
    /* Dialogs opened and closed before leave the X focus nowhere, with no window manager to
     * give it back: give it to the window first. */
    const char *argv[] = { xdotool, "windowfocus", window_id, "key", "--window", window_id, key,
                           NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                                 NULL, NULL, NULL, &status, &error));
  }
  g_assert_no_error (error);
  wake = g_timeout_add (20, wake_cb, NULL);
  while (g_get_monotonic_time () < deadline && !done (data))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  tandem_ui_test_settle (window);

  return TRUE;
#else
  return FALSE;
#endif
}
