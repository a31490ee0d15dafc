/* test-checklist-keyboard.c: a checklist that flows by keyboard, in a real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-checklist-item.h"
#include "tandem-checklist-page.h"
#include "tandem-item-editor.h"
#include "tandem-new-checklist-dialog.h"
#include "tandem-overview-page.h"
#include "tandem-signoff.h"
#include "tandem-test-util.h"
#include "tandem-ui-test-util.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

/*
 * Keys the window binds are looked up and activated as GTK does for a key press reaching the
 * focused widget (tandem_ui_test_press_key); keys whose handling depends on
 * GTK's own widgets (the sidebar's list) are sent as real key presses through the X server
 * with xdotool.
 */

static GtkWidget *
focus_of (TandemWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static TandemChecklistPage *
create_checklist (TandemWindow *window,
                  const char   *template_id)
{
  GtkWidget *dialog;
  GtkWidget *page;

  dialog = GTK_WIDGET (tandem_window_new_checklist (window));
  tandem_ui_test_iterate ();
  if (template_id != NULL)
    tandem_new_checklist_dialog_select (TANDEM_NEW_CHECKLIST_DIALOG (dialog),
                                        tandem_template_find_builtin (template_id));
  tandem_ui_test_press_button (tandem_ui_test_find_widget (dialog, GTK_TYPE_BUTTON, "C_reate"));
  tandem_ui_test_settle (GTK_WIDGET (window));
  page = tandem_window_get_visible_page (window);
  g_assert_true (TANDEM_IS_CHECKLIST_PAGE (page));

  return TANDEM_CHECKLIST_PAGE (page);
}

static TandemWindow *
new_window (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();

  tandem_document_set_reviewer (tandem_window_get_document (window), "Asha Patel");
  tandem_document_set_reviewer_role (tandem_window_get_document (window), "Chair");
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  tandem_ui_test_settle (GTK_WIDGET (window));

  return window;
}

static void
close_window (TandemWindow *window)
{
  TandemDocument *document = tandem_window_get_document (window);

  while (tandem_document_can_undo (document))
    tandem_document_undo (document);
  tandem_ui_test_close_window (window);
}

static GtkWidget *
find_by_class (GtkWidget  *root,
               const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
focus_inside (TandemWindow *window,
              GtkWidget    *area)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && (focus == area || gtk_widget_is_ancestor (focus, area));
}

/* Shown on screen, not only set visible: mapped and inside what its scrolled window shows. */
static gboolean
on_screen (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) || !gtk_widget_is_drawable (widget))
    return FALSE;
  if (scrolled == NULL)
    return TRUE;
  if (!gtk_widget_compute_bounds (widget, scrolled, &bounds))
    return FALSE;

  return bounds.origin.y + bounds.size.height > 0 &&
         bounds.origin.y < gtk_widget_get_height (scrolled);
}

/* Sidebar */

typedef struct
{
  TandemWindow *window;
  GtkWidget    *before;
} FocusMove;

static gboolean
focus_moved (gpointer data)
{
  FocusMove *move = data;

  return focus_of (move->window) != move->before;
}

static gboolean
page_is_checklist (gpointer data)
{
  return TANDEM_IS_CHECKLIST_PAGE (tandem_window_get_visible_page (data));
}

static void
test_sidebar_follows_activation (void)
{
  TandemWindow *window = new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  GtkListBox *sidebar;
  GtkListBoxRow *overview_row;
  FocusMove move = { window, NULL };

  create_checklist (window, NULL);
  create_checklist (window, "t4-gunning-principles");
  sidebar = GTK_LIST_BOX (find_by_class (GTK_WIDGET (window), "navigation-sidebar"));
  g_assert_nonnull (sidebar);

  g_assert_true (tandem_window_select_object (window, TANDEM_OBJECT (document)));
  tandem_ui_test_settle (GTK_WIDGET (window));
  overview_row = gtk_list_box_get_row_at_index (sidebar, 0);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (overview_row)));
  tandem_ui_test_settle (GTK_WIDGET (window));

  /* Down and Tab move the focus through the sidebar and open nothing. */
  move.before = focus_of (window);
  if (!tandem_ui_test_real_key (GTK_WIDGET (window), "Down", focus_moved, &move))
    {
      g_test_skip ("Real key presses need xdotool and an X11 display");
      close_window (window);
      return;
    }
  g_assert_true (focus_of (window) == GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 1)));
  g_assert_true (TANDEM_IS_OVERVIEW_PAGE (tandem_window_get_visible_page (window)));
  g_assert_true (gtk_list_box_get_selected_row (sidebar) == overview_row);

  move.before = focus_of (window);
  tandem_ui_test_real_key (GTK_WIDGET (window), "Tab", focus_moved, &move);
  g_assert_true (focus_of (window) != move.before);
  g_assert_true (TANDEM_IS_OVERVIEW_PAGE (tandem_window_get_visible_page (window)));
  g_assert_true (gtk_list_box_get_selected_row (sidebar) == overview_row);

  /* Enter opens the row with the focus. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 1))));
  tandem_ui_test_settle (GTK_WIDGET (window));
  tandem_ui_test_real_key (GTK_WIDGET (window), "Return", page_is_checklist, window);
  g_assert_true (TANDEM_IS_CHECKLIST_PAGE (tandem_window_get_visible_page (window)));
  g_assert_true (gtk_list_box_get_selected_row (sidebar) == gtk_list_box_get_row_at_index (sidebar, 1));

  close_window (window);
}

/* Alt+Down and Alt+Up, Escape, F6, Ctrl+F */

static void
test_moving_keeps_the_field (void)
{
  TandemWindow *window = new_window ();
  TandemChecklistPage *page = create_checklist (window, NULL);
  GtkWidget *editor = tandem_ui_test_find_widget (GTK_WIDGET (page), TANDEM_TYPE_ITEM_EDITOR, NULL);
  GtkWidget *comments;
  TandemChecklistItem *first = tandem_checklist_page_get_selected_item (page);
  gint64 deadline;

  g_assert_nonnull (first);
  /* The comments are the last field, well below the top of a question. */
  comments = tandem_ui_test_find_widget (gtk_widget_get_ancestor (tandem_ui_test_find_widget (editor, GTK_TYPE_LABEL, "Comments and Questions"),
                                                                  ADW_TYPE_PREFERENCES_GROUP),
                                         GTK_TYPE_TEXT_VIEW, NULL);
  g_assert_nonnull (comments);
  g_assert_true (gtk_widget_grab_focus (comments));
  tandem_ui_test_settle (GTK_WIDGET (window));
  g_assert_true (on_screen (comments));

  for (guint i = 0; i < 3; i++)
    {
      tandem_ui_test_press_key (GTK_WIDGET (window), i < 2 ? GDK_KEY_Down : GDK_KEY_Up, GDK_ALT_MASK);
      /* The same field of the new question, brought into view once it is laid out. */
      g_assert_true (focus_of (window) == comments);
      deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
      while (!on_screen (comments) && g_get_monotonic_time () < deadline)
        tandem_ui_test_settle (GTK_WIDGET (window));
      g_assert_true (on_screen (comments));
    }
  g_assert_true (tandem_checklist_page_get_selected_item (page) != first);

  close_window (window);
}

static void
test_escape_f6_search (void)
{
  TandemWindow *window = new_window ();
  TandemChecklistPage *page = create_checklist (window, NULL);
  GtkWidget *editor = tandem_ui_test_find_widget (GTK_WIDGET (page), TANDEM_TYPE_ITEM_EDITOR, NULL);
  GtkWidget *list = tandem_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_GRID_VIEW, NULL);
  GtkWidget *search = tandem_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, NULL);
  GtkWidget *owner = tandem_ui_test_find_widget (editor, ADW_TYPE_ENTRY_ROW, "_Owner");
  TandemChecklistItem *item = tandem_checklist_page_get_selected_item (page);

  /* Escape from a field of the answer: back to the list, on the same question. */
  gtk_widget_grab_focus (owner);
  tandem_ui_test_settle (GTK_WIDGET (window));
  tandem_ui_test_press_key (GTK_WIDGET (window), GDK_KEY_Escape, 0);
  g_assert_true (focus_inside (window, list));
  g_assert_true (tandem_checklist_page_get_selected_item (page) == item);

  /* F6 and Shift+F6 go between the list and the answer, never to something hidden. */
  tandem_ui_test_press_key (GTK_WIDGET (window), GDK_KEY_F6, GDK_SHIFT_MASK);
  g_assert_true (focus_inside (window, editor));
  g_assert_true (on_screen (focus_of (window)));
  tandem_ui_test_press_key (GTK_WIDGET (window), GDK_KEY_F6, GDK_SHIFT_MASK);
  g_assert_true (focus_inside (window, list));
  g_assert_true (on_screen (focus_of (window)));
  tandem_ui_test_press_key (GTK_WIDGET (window), GDK_KEY_F6, 0);
  g_assert_true (focus_inside (window, editor));
  g_assert_true (on_screen (focus_of (window)));

  /* Ctrl+F from a field of the answer, and from the Decision view. */
  gtk_widget_grab_focus (owner);
  tandem_ui_test_settle (GTK_WIDGET (window));
  tandem_ui_test_press_key (GTK_WIDGET (window), GDK_KEY_f, GDK_CONTROL_MASK);
  g_assert_true (focus_inside (window, search));

  tandem_checklist_page_show_view (page, "decision");
  tandem_ui_test_settle (GTK_WIDGET (window));
  gtk_widget_grab_focus (tandem_ui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW, "_Decision"));
  tandem_ui_test_settle (GTK_WIDGET (window));
  tandem_ui_test_press_key (GTK_WIDGET (window), GDK_KEY_f, GDK_CONTROL_MASK);
  g_assert_true (focus_inside (window, search));
  g_assert_true (on_screen (search));

  close_window (window);
}

/* Project Conditions and Delete Checklist leave the focus somewhere safe */

static void
assert_title_safe (TandemWindow *window)
{
  GtkWidget *focus = focus_of (window);

  g_assert_nonnull (focus);
  g_assert_null (gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW) != NULL &&
                 g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW))),
                              "_Title") ? focus : NULL);
  g_assert_true (on_screen (focus));
}

static void
test_safe_focus (void)
{
  TandemWindow *window = new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  TandemChecklistPage *page = create_checklist (window, NULL);
  GtkWidget *focus;
  GtkWidget *overview;

  tandem_document_begin (document, "Edit Title");
  tandem_document_set_title (document, "Ward 7 closure");
  tandem_document_commit (document);
  gtk_widget_grab_focus (tandem_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_GRID_VIEW, NULL));
  tandem_ui_test_settle (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "win.show-overview", NULL));
  tandem_ui_test_settle (GTK_WIDGET (window));
  overview = tandem_window_get_visible_page (window);
  g_assert_true (TANDEM_IS_OVERVIEW_PAGE (overview));
  assert_title_safe (window);
  /* On the conditions: the first one, or the field that adds one. */
  focus = focus_of (window);
  g_assert_true (gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_GROUP) ==
                 gtk_widget_get_ancestor (tandem_ui_test_find_widget (overview, ADW_TYPE_ENTRY_ROW, "_Add a condition"),
                                          ADW_TYPE_PREFERENCES_GROUP));

  g_assert_true (tandem_window_select_object (window, TANDEM_OBJECT (tandem_checklist_page_get_checklist (page))));
  tandem_ui_test_settle (GTK_WIDGET (window));
  gtk_widget_grab_focus (tandem_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_GRID_VIEW, NULL));
  tandem_ui_test_settle (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "checklist.delete", NULL));
  tandem_ui_test_settle (GTK_WIDGET (window));
  g_assert_true (TANDEM_IS_OVERVIEW_PAGE (tandem_window_get_visible_page (window)));
  assert_title_safe (window);
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus_of (window)));
  g_assert_cmpstr (tandem_document_get_title (document), ==, "Ward 7 closure");

  close_window (window);
}

/* A signed checklist is not deleted without a question naming who signed. */
static void
test_delete_signed_asks (void)
{
  TandemWindow *window = new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  TandemChecklistPage *page = create_checklist (window, NULL);
  TandemChecklist *checklist = tandem_checklist_page_get_checklist (page);
  g_autoptr(TandemSignoff) signoff = tandem_signoff_new ();
  AdwMessageDialog *dialog;

  tandem_signoff_set_name (signoff, "Jo Barnes");
  tandem_signoff_set_role (signoff, "Chair");
  tandem_document_begin (document, "Sign Off");
  tandem_list_append (tandem_checklist_get_signoffs (checklist), signoff);
  tandem_document_commit (document);
  tandem_ui_test_settle (GTK_WIDGET (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "checklist.delete", NULL));
  tandem_ui_test_settle (GTK_WIDGET (window));
  dialog = tandem_ui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Jo Barnes (Chair)"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  tandem_ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpuint (tandem_list_get_n (tandem_document_get_checklists (document)), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "checklist.delete", NULL));
  tandem_ui_test_settle (GTK_WIDGET (window));
  dialog = tandem_ui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  tandem_ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpuint (tandem_list_get_n (tandem_document_get_checklists (document)), ==, 0);

  close_window (window);
}

/* Ctrl+Shift+N adds a checklist, from anywhere in the window. */
static void
test_new_checklist_key (void)
{
  TandemWindow *window = new_window ();
  GtkWindow *dialog;

  gtk_widget_grab_focus (find_by_class (GTK_WIDGET (window), "navigation-sidebar"));
  tandem_ui_test_settle (GTK_WIDGET (window));
  tandem_ui_test_press_key (GTK_WIDGET (window), GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  dialog = GTK_WINDOW (tandem_ui_test_find_dialog (GTK_WINDOW (window)));
  if (dialog == NULL)
    {
      GList *toplevels = gtk_window_list_toplevels ();

      for (GList *l = toplevels; l != NULL; l = l->next)
        if (TANDEM_IS_NEW_CHECKLIST_DIALOG (l->data))
          dialog = l->data;
      g_list_free (toplevels);
    }
  g_assert_true (TANDEM_IS_NEW_CHECKLIST_DIALOG (dialog));
  gtk_window_destroy (dialog);

  close_window (window);
}

/* Due dates */

static void
test_typed_due_date (void)
{
  TandemWindow *window = new_window ();
  TandemChecklistPage *page = create_checklist (window, NULL);
  GtkWidget *editor = tandem_ui_test_find_widget (GTK_WIDGET (page), TANDEM_TYPE_ITEM_EDITOR, NULL);
  GtkWidget *due = tandem_ui_test_find_widget (editor, ADW_TYPE_ENTRY_ROW, "_Due date (such as 15/12/2026)");
  TandemChecklistItem *item = tandem_checklist_page_get_selected_item (page);
  const struct { const char *typed; const char *iso; } dates[] = {
    { "15/12/2026", "2026-12-15" }, { "16 Dec 2026", "2026-12-16" },
    { "17 December 2026", "2026-12-17" }, { "2026-12-18", "2026-12-18" },
  };
  GtkWidget *calendar;
  GtkWidget *button;
  g_autoptr(GListModel) controllers = NULL;
  GtkEventController *keys = NULL;
  gboolean handled;

  g_assert_nonnull (due);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (due), dates[i].typed);
      g_signal_emit_by_name (due, "apply");
      tandem_ui_test_settle (GTK_WIDGET (window));
      g_assert_cmpstr (tandem_checklist_item_get_due_date (item), ==, dates[i].iso);
      g_assert_false (gtk_widget_has_css_class (due, "error"));
    }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "18 December 2026");

  /* A bad date changes nothing, keeps what was typed and says what to type. */
  gtk_editable_set_text (GTK_EDITABLE (due), "31/02/2026");
  g_signal_emit_by_name (due, "apply");
  tandem_ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpstr (tandem_checklist_item_get_due_date (item), ==, "2026-12-18");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "31/02/2026");
  g_assert_true (gtk_widget_has_css_class (due, "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (due), "“31/02/2026” is not a day in the calendar"));

  /* The calendar's arrows start at the due date: Right, Space picks the day after. */
  button = tandem_ui_test_find_widget (due, GTK_TYPE_MENU_BUTTON, NULL);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  tandem_ui_test_settle (GTK_WIDGET (window));
  calendar = tandem_ui_test_find_widget (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                                         GTK_TYPE_CALENDAR, NULL);
  controllers = gtk_widget_observe_controllers (calendar);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) == GTK_PHASE_CAPTURE)
        keys = GTK_EVENT_CONTROLLER (controller);
    }
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Right, 0, 0, &handled);
  g_assert_true (handled);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_space, 0, 0, &handled);
  tandem_ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpstr (tandem_checklist_item_get_due_date (item), ==, "2026-12-26");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "26 December 2026");
  g_assert_false (gtk_widget_has_css_class (due, "error"));

  /* With no due date, they start at today. */
  gtk_editable_set_text (GTK_EDITABLE (due), "");
  g_signal_emit_by_name (due, "apply");
  tandem_ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpstr (tandem_checklist_item_get_due_date (item), ==, "");
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  tandem_ui_test_settle (GTK_WIDGET (window));
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Right, 0, 0, &handled);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
  tandem_ui_test_settle (GTK_WIDGET (window));
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
    g_autofree char *iso = g_date_time_format (tomorrow, "%Y-%m-%d");

    g_assert_cmpstr (tandem_checklist_item_get_due_date (item), ==, iso);
  }

  close_window (window);
}

/* Tab stops once on each control: the due date's field and its calendar, the switch rows. */
static guint
tab_stops_inside (TandemWindow *window,
                  GtkWidget    *area)
{
  guint stops = 0;

  for (guint i = 0; i < 40 && !focus_inside (window, area); i++)
    gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
  g_assert_true (focus_inside (window, area));

  while (focus_inside (window, area))
    {
      stops++;
      g_assert_cmpuint (stops, <, 10);
      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
    }

  return stops;
}

static void
test_tab_stops (void)
{
  TandemWindow *window = new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  TandemChecklistPage *page = create_checklist (window, NULL);
  GtkWidget *editor = tandem_ui_test_find_widget (GTK_WIDGET (page), TANDEM_TYPE_ITEM_EDITOR, NULL);
  GtkWidget *due = tandem_ui_test_find_widget (editor, ADW_TYPE_ENTRY_ROW, "_Due date (such as 15/12/2026)");
  GtkWidget *owner = tandem_ui_test_find_widget (editor, ADW_TYPE_ENTRY_ROW, "_Owner");
  GtkWidget *overview;
  GtkWidget *fictional;

  /* The typed date and the calendar button: two controls, one stop each. */
  gtk_widget_grab_focus (owner);
  tandem_ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpuint (tab_stops_inside (window, due), ==, 2);

  g_assert_true (tandem_window_select_object (window, TANDEM_OBJECT (document)));
  tandem_ui_test_settle (GTK_WIDGET (window));
  overview = tandem_window_get_visible_page (window);
  fictional = tandem_ui_test_find_widget (overview, ADW_TYPE_ACTION_ROW, "_Fictional demonstration data");
  g_assert_nonnull (fictional);
  tandem_overview_page_focus_title (TANDEM_OVERVIEW_PAGE (overview));
  tandem_ui_test_settle (GTK_WIDGET (window));
  g_assert_cmpuint (tab_stops_inside (window, fictional), ==, 1);

  /* The row turns the switch. */
  g_assert_false (tandem_document_get_fictional (document));
  g_assert_true (gtk_widget_activate (fictional));
  tandem_ui_test_settle (GTK_WIDGET (window));
  g_assert_true (tandem_document_get_fictional (document));

  close_window (window);
}

/* At 800×600, a laptop with a projector, the questions get most of the height. */
static void
screenshot (TandemWindow *window,
            const char   *name)
{
#ifdef GDK_WINDOWING_X11
  const char *dir = g_getenv ("TANDEM_SCREENSHOT_DIR");
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *import = g_find_program_in_path ("import");
  g_autofree char *file = g_strdup_printf ("%s.png", name);
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;

  if (dir == NULL || import == NULL || !GDK_IS_X11_SURFACE (surface))
    return;

  path = g_build_filename (dir, file, NULL);
  id = g_strdup_printf ("%lu", (gulong)gdk_x11_surface_get_xid (surface));
  {
    const char *argv[] = { import, "-window", id, path, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL);
  }
#endif
}

static void
test_compact_header (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  TandemChecklistPage *page;
  GtkWidget *header;
  int window_height;

  tandem_document_set_reviewer (tandem_window_get_document (window), "Asha Patel");
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
  tandem_ui_test_settle (GTK_WIDGET (window));
  page = create_checklist (window, NULL);
  /* The window is narrow enough to show the sidebar or the page: open the page from it. */
  {
    GtkListBox *sidebar = GTK_LIST_BOX (find_by_class (GTK_WIDGET (window), "navigation-sidebar"));

    g_assert_true (gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 1))));
  }
  tandem_ui_test_settle (GTK_WIDGET (window));
  tandem_ui_test_settle (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  screenshot (window, "checklist-800x600");

  header = find_by_class (GTK_WIDGET (page), "checklist-header");
  g_assert_nonnull (header);
  window_height = gtk_widget_get_height (GTK_WIDGET (window));
  /* The header is made short once the page knows its height: a layout later. */
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (gtk_widget_get_height (header) >= window_height / 5 && g_get_monotonic_time () < deadline)
      tandem_ui_test_settle (GTK_WIDGET (window));
  }
  screenshot (window, "checklist-800x600-settled");
  g_assert_cmpint (window_height, <=, 620);
  g_test_message ("header %d of %d pixels", gtk_widget_get_height (header), window_height);
  g_assert_cmpint (gtk_widget_get_height (header), <, window_height / 5);

  close_window (window);
}

/* Accessible names. GTK 4.8 cannot read a name back, so the names Tandem sets are also kept on
 * the widget (tandem_set_accessible_label()) and checked here, beside the tooltips and labels
 * GTK reads out itself. */
static gboolean
has_text_inside (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_text (GTK_LABEL (widget))[0] != '\0')
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_text_inside (child))
      return TRUE;

  return FALSE;
}

static gboolean
named (GtkWidget *widget)
{
  const char *label = g_object_get_data (G_OBJECT (widget), "tandem-accessible-label");
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  return (label != NULL && label[0] != '\0') || (tooltip != NULL && tooltip[0] != '\0');
}

static void
check_names (GtkWidget *widget,
             gboolean   in_sidebar,
             GString   *unnamed)
{
  const char *type = G_OBJECT_TYPE_NAME (widget);

  /* GTK names the window's own buttons; a combo row or drop-down shows its value in a list
   * item that never takes the focus and is read through the row. */
  if (!gtk_widget_get_visible (widget) || GTK_IS_WINDOW_CONTROLS (widget) ||
      ADW_IS_COMBO_ROW (widget) || GTK_IS_DROP_DOWN (widget))
    return;

  if (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    {
      /* Read by its own name only: the menu button's tooltip does not reach it. */
      if (g_object_get_data (G_OBJECT (widget), "tandem-accessible-label") == NULL &&
          !has_text_inside (widget))
        g_string_append_printf (unnamed, "%s in %s\n", type,
                                G_OBJECT_TYPE_NAME (gtk_widget_get_ancestor (gtk_widget_get_parent (widget), GTK_TYPE_WIDGET)));
    }
  else if (g_str_equal (type, "GtkListItemWidget") && gtk_widget_get_first_child (widget) != NULL &&
           gtk_widget_get_mapped (widget))
    {
      if (!named (widget))
        g_string_append_printf (unnamed, "%s of %s in %s < %s < %s < %s\n", type,
                                G_OBJECT_TYPE_NAME (gtk_widget_get_first_child (widget)),
                                G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
                                G_OBJECT_TYPE_NAME (gtk_widget_get_parent (gtk_widget_get_parent (widget))),
                                G_OBJECT_TYPE_NAME (gtk_widget_get_parent (gtk_widget_get_parent (gtk_widget_get_parent (widget)))),
                                G_OBJECT_TYPE_NAME (gtk_widget_get_parent (gtk_widget_get_parent (gtk_widget_get_parent (gtk_widget_get_parent (widget))))));
    }
  else if (GTK_IS_LIST_BOX_ROW (widget) && in_sidebar)
    {
      if (!named (widget))
        g_string_append_printf (unnamed, "sidebar row\n");
    }
  else if (GTK_IS_IMAGE (widget) && in_sidebar)
    {
      if (g_object_get_data (G_OBJECT (widget), "tandem-accessible-hidden") == NULL)
        g_string_append_printf (unnamed, "GtkImage in the sidebar\n");
    }
  else if (GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    {
      if (!named (widget) && !has_text_inside (widget))
        g_string_append_printf (unnamed, "%s in %s < %s < %s\n", type,
                                G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
                                G_OBJECT_TYPE_NAME (gtk_widget_get_parent (gtk_widget_get_parent (widget))),
                                G_OBJECT_TYPE_NAME (gtk_widget_get_parent (gtk_widget_get_parent (gtk_widget_get_parent (widget)))));
    }

  in_sidebar = in_sidebar || gtk_widget_has_css_class (widget, "navigation-sidebar");
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_names (child, in_sidebar, unnamed);
}

static void
test_accessible_names (void)
{
  TandemWindow *window = new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  TandemChecklistPage *page;
  g_autoptr(GString) unnamed = g_string_new (NULL);
  const char *views[] = { "questions", "decision", "history" };

  page = create_checklist (window, NULL);
  create_checklist (window, "t4-gunning-principles");
  g_assert_true (tandem_window_select_object (window, TANDEM_OBJECT (tandem_checklist_page_get_checklist (page))));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      tandem_checklist_page_show_view (page, views[i]);
      tandem_ui_test_settle (GTK_WIDGET (window));
      check_names (GTK_WIDGET (window), FALSE, unnamed);
    }
  g_assert_true (tandem_window_select_object (window, TANDEM_OBJECT (document)));
  tandem_ui_test_settle (GTK_WIDGET (window));
  check_names (GTK_WIDGET (window), FALSE, unnamed);

  g_assert_cmpstr (unnamed->str, ==, "");

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  tandem_ui_test_init (&argc, &argv);

  g_test_add_func ("/checklists/keyboard/sidebar-follows-activation", test_sidebar_follows_activation);
  g_test_add_func ("/checklists/keyboard/moving-keeps-the-field", test_moving_keeps_the_field);
  g_test_add_func ("/checklists/keyboard/escape-f6-search", test_escape_f6_search);
  g_test_add_func ("/checklists/keyboard/safe-focus", test_safe_focus);
  g_test_add_func ("/checklists/keyboard/delete-signed-asks", test_delete_signed_asks);
  g_test_add_func ("/checklists/keyboard/new-checklist-key", test_new_checklist_key);
  g_test_add_func ("/checklists/keyboard/typed-due-date", test_typed_due_date);
  g_test_add_func ("/checklists/keyboard/tab-stops", test_tab_stops);
  g_test_add_func ("/checklists/keyboard/compact-header", test_compact_header);
  g_test_add_func ("/checklists/keyboard/accessible-names", test_accessible_names);

  return g_test_run ();
}
