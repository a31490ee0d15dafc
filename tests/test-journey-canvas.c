/* test-journey-canvas.c: journeys in a real window under Xvfb, by keyboard and pointer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "tandem-journey-canvas-private.h"
#include "tandem-journey-clip.h"
#include "tandem-journey-edit.h"
#include "tandem-journey-fixture.h"
#include "tandem-journey-measures.h"
#include "tandem-journey-measures-view.h"
#include "tandem-journey-metrics.h"
#include "tandem-journey-overview.h"
#include "tandem-journey-page.h"
#include "tandem-journey-step-list.h"
#include "tandem-journey-structure-window.h"
#include "tandem-labels.h"
#include "tandem-quote.h"
#include "tandem-step-panel.h"
#include "tandem-vote.h"
#include "tandem-storage.h"
#include "tandem-test-util.h"
#include "tandem-ui-test-util.h"

/*
 * Keys are dispatched as GTK dispatches them to the focused widget: its own shortcuts first
 * (the class bindings, such as Return or Alt+Right), then its key controllers (Tab, arrows,
 * typing). Pointer tools are driven through their gestures' signals with view coordinates.
 * When xdotool is present, one test also sends real key presses through the X server.
 *
 * With TANDEM_SCREENSHOT_DIR set, the tests also save pictures of the window on the way.
 */

typedef struct
{
  TandemWindow        *window;
  TandemDocument      *document;
  TandemJourneyPage   *page;
  TandemJourneyCanvas *canvas;
  TandemJourney       *journey;
} Fixture;

/* Auxiliary methods */

static gboolean
shortcut_matches (GtkShortcut     *shortcut,
                  guint            keyval,
                  GdkModifierType  modifiers)
{
  GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    return gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
           gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;

  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      GtkShortcutTrigger *first = gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger));
      GtkShortcutTrigger *second = gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger));

      return (GTK_IS_KEYVAL_TRIGGER (first) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (first)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (first)) == modifiers) ||
             (GTK_IS_KEYVAL_TRIGGER (second) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (second)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (second)) == modifiers);
    }

  return FALSE;
}

/* A key press on @widget: its shortcuts, then its key controllers, then its ancestors'. */
static gboolean
press (GtkWidget       *widget,
       guint            keyval,
       GdkModifierType  modifiers)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (w);
      gboolean handled = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;

          for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);

              if (shortcut_matches (shortcut, keyval, modifiers) &&
                  gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, w,
                                                gtk_shortcut_get_arguments (shortcut)))
                {
                  tandem_ui_test_iterate ();
                  return TRUE;
                }
            }
        }

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
            continue;

          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, modifiers, &handled);
          if (handled)
            {
              tandem_ui_test_iterate ();
              return TRUE;
            }
        }
    }

  return FALSE;
}

static void
type_into (GtkWidget  *editable,
           const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      char buffer[8] = { 0 };
      int position = gtk_editable_get_position (GTK_EDITABLE (editable));

      g_unichar_to_utf8 (g_utf8_get_char (p), buffer);
      gtk_editable_insert_text (GTK_EDITABLE (editable), buffer, -1, &position);
      gtk_editable_set_position (GTK_EDITABLE (editable), position);
    }
  tandem_ui_test_iterate ();
}

static void
wait_for_frames (GtkWidget *widget,
                 guint      n)
{
  tandem_ui_test_wait_for_frames (widget, n);
}

static void
screenshot (Fixture    *f,
            const char *name)
{
  tandem_ui_test_screenshot (GTK_WINDOW (f->window), name);
}

static TandemJourneyMap *
map_of (Fixture       *f,
        TandemMapSide  side)
{
  return tandem_journey_get_map (f->journey, side);
}

static const char *
title_at (TandemJourneyMap *map,
          guint             index)
{
  g_autoptr(GPtrArray) ordered = tandem_journey_map_steps_in_order (map);

  return index < ordered->len ? tandem_step_get_title (g_ptr_array_index (ordered, index)) : NULL;
}

static TandemStep *
focused_step (Fixture *f)
{
  TandemObject *focus = tandem_journey_selection_get_focus (tandem_journey_canvas_get_selection (f->canvas));

  return TANDEM_IS_STEP (focus) ? TANDEM_STEP (focus) : NULL;
}

static void
set_up_page (Fixture *f)
{
  GtkWidget *page = tandem_window_get_visible_page (f->window);

  g_assert_true (TANDEM_IS_JOURNEY_PAGE (page));
  f->page = TANDEM_JOURNEY_PAGE (page);
  f->canvas = tandem_journey_page_get_canvas (f->page);
  f->journey = tandem_journey_page_get_journey (f->page);

  /* Wait for the canvas to have its size, so that pointer positions mean something. */
  while (gtk_widget_get_width (GTK_WIDGET (f->canvas)) <= 1)
    g_main_context_iteration (NULL, TRUE);
  tandem_ui_test_iterate ();
}

static TandemWindow *
new_window (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();

  /* Wide enough for the sidebar beside the journey, as on a laptop. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  tandem_ui_test_iterate ();

  return window;
}

static void
fixture_new_journey (Fixture       *f,
                     gconstpointer  data)
{
  f->window = new_window ();
  f->document = tandem_window_get_document (f->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-journey", NULL));
  tandem_ui_test_iterate ();
  set_up_page (f);
}

static void
fixture_sample (Fixture       *f,
                gconstpointer  data)
{
  f->window = new_window ();
  f->page = TANDEM_JOURNEY_PAGE (tandem_ui_test_open_sample_journey (f->window));
  f->document = tandem_window_get_document (f->window);
  set_up_page (f);
}

static int
window_width (Fixture *f)
{
  return gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (f->window)));
}

static int
window_height (Fixture *f)
{
  return gdk_surface_get_height (gtk_native_get_surface (GTK_NATIVE (f->window)));
}

/* The sample in a window of 1400×900, a laptop's screen less the desktop's own bars. */
static void
fixture_sample_1400x900 (Fixture       *f,
                         gconstpointer  data)
{
  fixture_sample (f, data);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  /* The window on screen is that size; its widget is a little smaller, inside the frame that
   * takes the pointer for resizing. */
  while (window_height (f) != 900)
    g_main_context_iteration (NULL, TRUE);
  wait_for_frames (GTK_WIDGET (f->window), 2);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* Leave without the "unsaved changes" question. */
  tandem_document_mark_saved (f->document, tandem_document_get_state (f->document));
  tandem_ui_test_close_window (f->window);
}

/* The middle of @step's card, in the canvas's own coordinates. */
static void
card_point (Fixture    *f,
            TandemStep *step,
            double      fx,
            double      fy,
            double     *vx,
            double     *vy)
{
  cairo_rectangle_t rect;

  g_assert_true (tandem_journey_figure_get_step_rect (tandem_journey_canvas_get_figure (f->canvas),
                                                      step, &rect));
  _tandem_journey_canvas_figure_to_view (f->canvas, rect.x + rect.width * fx,
                                         rect.y + rect.height * fy, vx, vy);
}

static GtkGesture *
primary_drag (Fixture *f)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->canvas));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_PRIMARY)
        return GTK_GESTURE (controller);
    }

  g_assert_not_reached ();
}

/* A drag with the primary button, in steps, as the pointer moves. */
static void
drag (Fixture *f,
      double   x,
      double   y,
      double   dx,
      double   dy)
{
  GtkGesture *gesture = primary_drag (f);

  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  for (guint i = 1; i <= 5; i++)
    {
      g_signal_emit_by_name (gesture, "drag-update", dx * i / 5, dy * i / 5);
      tandem_ui_test_iterate ();
    }
  g_signal_emit_by_name (gesture, "drag-end", dx, dy);
  tandem_ui_test_iterate ();
}

/* Tests */

static void
test_new_journey (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_cmpuint (tandem_list_get_n (tandem_document_get_journeys (f->document)), ==, 1);
  g_assert_cmpstr (tandem_journey_get_title (f->journey), ==, "New journey");
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_get_stages (f->journey)), ==, 5);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->canvas)));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Journey map");

  /* One undo step takes it away again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpuint (tandem_list_get_n (tandem_document_get_journeys (f->document)), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  g_assert_cmpuint (tandem_list_get_n (tandem_document_get_journeys (f->document)), ==, 1);
}

/* Capturing a journey as people tell it: Enter, a title, Enter; again and again. */
static void
test_keyboard_capture (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *canvas = GTK_WIDGET (f->canvas);
  GtkWidget *editor = tandem_journey_canvas_get_editor (f->canvas);
  TandemJourneyMap *before = map_of (f, TANDEM_MAP_SIDE_BEFORE);
  const char *titles[] = { "Child has a fever", "Calls 111", "Gets a booked slot", "Seen once" };
  guint depth = tandem_document_get_undo_depth (f->document);
  TandemStep *step;
  g_autofree char *description = NULL;

  /* Enter opens a step; Enter after its title saves it and opens the next one, as in an
   * outliner, so typing straight on goes into the new step. */
  g_assert_true (press (canvas, GDK_KEY_Return, 0));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_assert_true (tandem_journey_canvas_is_editing (f->canvas));
      g_assert_true (gtk_widget_has_focus (editor));
      type_into (editor, titles[i]);
      g_assert_true (press (editor, GDK_KEY_Return, 0));
    }

  /* Enter on the new, empty step ends the capture and takes it away. */
  g_assert_true (tandem_journey_canvas_is_editing (f->canvas));
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_steps (before)), ==, 5);
  g_assert_true (press (editor, GDK_KEY_Return, 0));
  g_assert_false (tandem_journey_canvas_is_editing (f->canvas));
  g_assert_true (gtk_widget_has_focus (canvas));
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_steps (before)), ==, 4);

  /* Each step and its title is one undo step; they follow each other in one cell. */
  g_assert_cmpuint (tandem_document_get_undo_depth (f->document), ==, depth + 4);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_cmpstr (title_at (before, i), ==, titles[i]);
  screenshot (f, "capture");

  /* The focus is on the last step; the screen reader hears about it. */
  step = focused_step (f);
  g_assert_cmpstr (tandem_step_get_title (step), ==, "Seen once");
  description = tandem_journey_canvas_describe_step (f->canvas, step);
  g_assert_true (g_str_has_prefix (description, "Step 4 of 4 on the before map: Seen once."));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       description);

  /* Tab and Shift+Tab, Home and End go through the journey. */
  g_assert_true (press (canvas, GDK_KEY_Home, 0));
  g_assert_cmpstr (tandem_step_get_title (focused_step (f)), ==, "Child has a fever");
  g_assert_true (press (canvas, GDK_KEY_Tab, 0));
  g_assert_cmpstr (tandem_step_get_title (focused_step (f)), ==, "Calls 111");
  g_assert_true (press (canvas, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_cmpstr (tandem_step_get_title (focused_step (f)), ==, "Child has a fever");
  g_assert_true (press (canvas, GDK_KEY_End, 0));
  g_assert_cmpstr (tandem_step_get_title (focused_step (f)), ==, "Seen once");

  /* Arrows move to the nearest card that way. */
  g_assert_true (press (canvas, GDK_KEY_Left, 0));
  g_assert_cmpstr (tandem_step_get_title (focused_step (f)), ==, "Gets a booked slot");

  /* Alt+Down moves the step to the lane below, Alt+Right to the next place (here the next
   * stage, as it is the last of its stage). Moving one step again and again is one undo
   * step, as typing into one field is. */
  depth = tandem_document_get_undo_depth (f->document);
  step = focused_step (f);
  g_assert_true (press (canvas, GDK_KEY_Down, GDK_ALT_MASK));
  g_assert_cmpstr (tandem_step_get_lane (step), ==,
                   tandem_object_get_id (tandem_list_get (tandem_journey_get_lanes (f->journey), 1)));
  g_assert_true (press (canvas, GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_true (press (canvas, GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_cmpstr (tandem_step_get_stage (step), ==,
                   tandem_object_get_id (tandem_list_get (tandem_journey_get_stages (f->journey), 1)));
  g_assert_cmpstr (title_at (before, 3), ==, "Gets a booked slot");
  g_assert_cmpuint (tandem_document_get_undo_depth (f->document), ==, depth + 1);
  screenshot (f, "moved");

  /* F2 edits the title as it is; Escape leaves it. Typing on a selected step never types
   * over its title: it says how to edit it. */
  g_assert_true (press (canvas, GDK_KEY_F2, 0));
  g_assert_true (tandem_journey_canvas_is_editing (f->canvas));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, "Gets a booked slot");
  g_assert_true (press (editor, GDK_KEY_Escape, 0));
  g_assert_false (tandem_journey_canvas_is_editing (f->canvas));
  g_assert_cmpstr (tandem_step_get_title (step), ==, "Gets a booked slot");

  g_assert_true (press (canvas, GDK_KEY_G, 0));
  g_assert_false (tandem_journey_canvas_is_editing (f->canvas));
  g_assert_cmpstr (tandem_step_get_title (step), ==, "Gets a booked slot");
  g_assert_cmpstr (tandem_journey_page_get_last_message (f->page), ==,
                   "To change the title of the selected step press F2; to add a step after it "
                   "press Enter.");
  g_assert_true (press (canvas, GDK_KEY_F2, 0));
  gtk_editable_delete_text (GTK_EDITABLE (editor), 0, -1);
  type_into (editor, "Gets a same-day slot");
  g_assert_true (press (editor, GDK_KEY_Escape, 0));
  g_assert_cmpstr (tandem_step_get_title (step), ==, "Gets a booked slot");

  /* Escape on a new step that has no title yet takes the step away. */
  g_assert_true (press (canvas, GDK_KEY_Return, 0));
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_steps (before)), ==, 5);
  g_assert_true (press (editor, GDK_KEY_Escape, 0));
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_steps (before)), ==, 4);
  tandem_journey_canvas_focus_step (f->canvas, step);

  /* Ctrl+L joins the focused step to the next one. */
  g_assert_true (press (canvas, GDK_KEY_Home, 0));
  g_assert_true (press (canvas, GDK_KEY_l, GDK_CONTROL_MASK));
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_connectors (before)), ==, 1);
}

/* Several voices in the side panel: votes are added with a feeling and a label, listed, and
 * removed, each an undo step; with several, the step's feeling row shows their median and
 * cannot flatten them. The times' units are the step's, shown again when it is shown again. */
static void
test_votes_in_panel (Fixture       *f,
                     gconstpointer  data)
{
  TandemJourneyMap *before = map_of (f, TANDEM_MAP_SIDE_BEFORE);
  TandemStepPanel *panel = TANDEM_STEP_PANEL (tandem_journey_page_get_step_panel (f->page));
  g_autoptr(GPtrArray) ordered = tandem_journey_map_steps_in_order (before);
  TandemStep *step = g_ptr_array_index (ordered, 1);
  TandemStep *other = g_ptr_array_index (ordered, 2);
  GtkWidget *feeling_row, *votes, *label_row;
  GtkWidget *remove;

  tandem_journey_canvas_focus_step (f->canvas, step);
  tandem_ui_test_iterate ();
  feeling_row = tandem_step_panel_get_row (panel, "feeling");
  votes = tandem_step_panel_get_row (panel, "votes");
  label_row = tandem_step_panel_get_row (panel, "vote-label");
  g_assert_cmpuint (tandem_list_get_n (tandem_step_get_votes (step)), ==, 1);
  g_assert_true (gtk_widget_get_sensitive (feeling_row));

  adw_combo_row_set_selected (ADW_COMBO_ROW (tandem_step_panel_get_row (panel, "vote-feeling")), 4);
  gtk_editable_set_text (GTK_EDITABLE (label_row), "Parent A");
  g_signal_emit_by_name (label_row, "entry-activated");
  tandem_ui_test_iterate ();

  g_assert_cmpuint (tandem_list_get_n (tandem_step_get_votes (step)), ==, 2);
  g_assert_cmpint (tandem_vote_get_feeling (tandem_list_get (tandem_step_get_votes (step), 1)), ==,
                   TANDEM_FEELING_VERY_GOOD);
  g_assert_cmpstr (tandem_vote_get_label (tandem_list_get (tandem_step_get_votes (step), 1)), ==,
                   "Parent A");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (label_row)), ==, "");
  g_assert_false (gtk_widget_get_sensitive (feeling_row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (feeling_row)), ==,
                   "The median of 2 votes; change the votes below");
  g_assert_nonnull (tandem_ui_test_find_widget (votes, ADW_TYPE_ACTION_ROW, "Vote 2: Very good"));

  /* Remove by its button, reachable by Tab and named for a screen reader. */
  remove = tandem_ui_test_find_widget (tandem_ui_test_find_widget (votes, ADW_TYPE_ACTION_ROW,
                                                                   "Vote 2: Very good"),
                                       GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (remove);
  g_assert_true (gtk_widget_get_focusable (remove));
  g_signal_emit_by_name (remove, "clicked");
  tandem_ui_test_iterate ();
  g_assert_cmpuint (tandem_list_get_n (tandem_step_get_votes (step)), ==, 1);
  g_assert_true (gtk_widget_get_sensitive (feeling_row));

  tandem_document_undo (f->document);
  tandem_ui_test_iterate ();
  g_assert_cmpuint (tandem_list_get_n (tandem_step_get_votes (step)), ==, 2);
  g_assert_nonnull (tandem_ui_test_find_widget (votes, ADW_TYPE_ACTION_ROW, "Vote 2: Very good"));

  /* 1.5 hours stays 1.5 hours: the unit is the step's, not the window's. */
  {
    GtkWidget *unit = tandem_step_panel_get_row (panel, "wait-unit");
    GtkWidget *wait = tandem_step_panel_get_row (panel, "wait");
    GtkWidget *entry = GTK_IS_EDITABLE (wait) ? wait
                       : tandem_ui_test_find_widget (wait, GTK_TYPE_ENTRY, NULL);

    gtk_drop_down_set_selected (GTK_DROP_DOWN (unit), TANDEM_TIME_UNIT_HOURS);
    gtk_editable_set_text (GTK_EDITABLE (entry), "1.5");
    tandem_ui_test_iterate ();
    g_assert_cmpfloat (tandem_step_get_wait_minutes (step), ==, 90);
    g_assert_cmpint (tandem_step_get_wait_unit (step), ==, TANDEM_TIME_UNIT_HOURS);

    tandem_journey_canvas_focus_step (f->canvas, other);
    tandem_ui_test_iterate ();
    tandem_journey_canvas_focus_step (f->canvas, step);
    tandem_ui_test_iterate ();
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (unit)), ==, TANDEM_TIME_UNIT_HOURS);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "1.5");
  }
}

/* Single keys mark the selected step; Backspace never removes a step, Delete does and
 * says so, with Undo. */
static void
test_marks_and_delete (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *canvas = GTK_WIDGET (f->canvas);
  TandemJourneyMap *before = map_of (f, TANDEM_MAP_SIDE_BEFORE);
  TandemStepPanel *panel = TANDEM_STEP_PANEL (tandem_journey_page_get_step_panel (f->page));
  g_autoptr(GPtrArray) ordered = tandem_journey_map_steps_in_order (before);
  TandemStep *step = g_ptr_array_index (ordered, 1);
  g_autofree char *title = g_strdup (tandem_step_get_title (step));
  g_autofree char *message = NULL;
  guint n = tandem_list_get_n (tandem_journey_map_get_steps (before));
  gboolean pain = tandem_step_get_pain_point (step);
  gboolean touch = tandem_step_get_touchpoint (step);
  const guint keys[] = { GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4, GDK_KEY_5, GDK_KEY_KP_2 };
  const TandemFeeling feelings[] = { TANDEM_FEELING_VERY_BAD, TANDEM_FEELING_BAD,
                                     TANDEM_FEELING_NEUTRAL, TANDEM_FEELING_GOOD,
                                     TANDEM_FEELING_VERY_GOOD, TANDEM_FEELING_BAD };

  gtk_widget_grab_focus (canvas);
  tandem_journey_canvas_focus_step (f->canvas, step);
  tandem_ui_test_iterate ();

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_assert_true (press (canvas, keys[i], 0));
      g_assert_cmpint (tandem_step_get_feeling (step), ==, feelings[i]);
      g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (tandem_step_panel_get_row (panel, "feeling"))),
                        ==, feelings[i]);
    }
  g_assert_false (tandem_journey_canvas_is_editing (f->canvas));
  g_assert_cmpstr (tandem_step_get_title (step), ==, title);

  /* Choosing in the panel by keyboard starts on the feeling the step has. */
  {
    GtkWidget *row = tandem_step_panel_get_row (panel, "feeling");
    GtkWidget *focus, *list;
    guint index = 0;

    g_assert_true (gtk_widget_activate (row));
    tandem_ui_test_iterate ();
    focus = gtk_root_get_focus (GTK_ROOT (f->window));
    g_assert_nonnull (focus);
    list = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_VIEW);
    g_assert_nonnull (list);
    while (gtk_widget_get_parent (focus) != list)
      focus = gtk_widget_get_parent (focus);
    for (GtkWidget *w = gtk_widget_get_first_child (list); w != focus; w = gtk_widget_get_next_sibling (w))
      index++;
    g_assert_cmpuint (index, ==, TANDEM_FEELING_BAD);
    gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (list, GTK_TYPE_POPOVER)));
    gtk_widget_grab_focus (canvas);
    tandem_ui_test_iterate ();
  }

  g_assert_true (press (canvas, GDK_KEY_p, 0));
  g_assert_cmpint (tandem_step_get_pain_point (step), ==, !pain);
  g_assert_true (press (canvas, GDK_KEY_P, GDK_SHIFT_MASK));
  g_assert_cmpint (tandem_step_get_pain_point (step), ==, pain);
  g_assert_true (press (canvas, GDK_KEY_t, 0));
  g_assert_cmpint (tandem_step_get_touchpoint (step), ==, !touch);
  g_assert_cmpstr (tandem_step_get_title (step), ==, title);

  /* Backspace leaves the step where it is. */
  press (canvas, GDK_KEY_BackSpace, 0);
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_steps (before)), ==, n);

  /* Delete removes it, names it in a toast, and the toast's Undo brings it back. */
  g_assert_true (press (canvas, GDK_KEY_Delete, 0));
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_steps (before)), ==, n - 1);
  message = g_strdup_printf ("Removed the step “%s”", title);
  g_assert_cmpstr (tandem_journey_page_get_last_message (f->page), ==, message);
  g_assert_nonnull (focused_step (f));
  screenshot (f, "removed-toast");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_steps (before)), ==, n);
  g_assert_cmpstr (title_at (before, 1), ==, title);
}

/* Removing a stage of a new, empty journey leaves the page drawn (it went blank until the
 * window was resized: "Trying to snapshot TandemJourneyPage without a current allocation"). */
static void
test_remove_stage_of_empty_journey (Fixture       *f,
                                    gconstpointer  data)
{
  GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);

  /* GTK only warns when it draws a widget that has lost its allocation: make that fail. */
  g_log_set_always_fatal (fatal | G_LOG_LEVEL_WARNING);
  tandem_ui_test_iterate ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->page)), >, 0);

  /* As a facilitator does it: in the Stages and Lanes window. */
  {
    GtkWidget *window = NULL;
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkListBox *stages;
    GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->canvas));

    /* Scrolled to the right end, so that a narrower map moves the view. */
    gtk_adjustment_set_value (h, gtk_adjustment_get_upper (h));
    tandem_ui_test_iterate ();
    g_assert_cmpfloat (gtk_adjustment_get_value (h), >, 0);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "journey.edit-structure", NULL));
    tandem_ui_test_iterate ();
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) candidate = g_list_model_get_item (toplevels, i);

        if (TANDEM_IS_JOURNEY_STRUCTURE_WINDOW (candidate))
          window = GTK_WIDGET (candidate);
      }
    g_assert_nonnull (window);
    stages = tandem_journey_structure_window_get_list (TANDEM_JOURNEY_STRUCTURE_WINDOW (window), TRUE);
    {
      GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (stages, 1));
      GtkWidget *found = NULL;
      GPtrArray *stack = g_ptr_array_new ();

      g_ptr_array_add (stack, row);
      while (stack->len > 0 && found == NULL)
        {
          GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

          if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_widget_get_tooltip_text (w), "Remove stage") == 0)
            found = w;
          for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
            g_ptr_array_add (stack, c);
        }
      g_ptr_array_unref (stack);
      g_assert_nonnull (found);
      g_signal_emit_by_name (found, "clicked");
    }
    tandem_ui_test_iterate ();
    gtk_window_destroy (GTK_WINDOW (window));
    tandem_ui_test_iterate ();
  }

  g_assert_cmpuint (tandem_list_get_n (tandem_journey_get_stages (f->journey)), ==, 4);

  /* And as on the map: the stage title's menu, Remove. */
  {
    TandemJourneyHit hit = { TANDEM_JOURNEY_HIT_STAGE, NULL,
                             tandem_list_get (tandem_journey_get_stages (f->journey), 0), NULL, NULL };

    _tandem_journey_canvas_popup_menu (f->canvas, &hit, 200, 60);
    tandem_ui_test_iterate ();
    /* As choosing the item does: the menu closes, and its action runs. */
    gtk_popover_popdown (GTK_POPOVER (f->canvas->context_menu));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.structure", "s", "remove"));
    tandem_ui_test_iterate ();
  }
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_get_stages (f->journey)), ==, 3);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->page)), >, 0);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->canvas)), >, 0);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->canvas)));
  screenshot (f, "empty-journey-stage-removed");
  g_log_set_always_fatal (fatal);
}

/* Dragging a card is one undo step, and it lands where the pointer says. */
static void
test_drag (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) in_order = NULL;
  TandemJourneyMap *before;
  TandemStep *nurse;
  TandemLane *places;
  TandemStage *treatment;
  guint depth;
  double x, y, tx, ty;

  before = map_of (f, TANDEM_MAP_SIDE_BEFORE);
  nurse = tandem_list_get (tandem_journey_map_get_steps (before), 4);
  g_assert_cmpstr (tandem_step_get_title (nurse), ==, "Seen by a nurse");
  places = tandem_list_get (tandem_journey_get_lanes (f->journey), 3);
  treatment = tandem_list_get (tandem_journey_get_stages (f->journey), 3);

  /* From the nurse's card to "Places and systems" in "Treatment". */
  card_point (f, nurse, 0.5, 0.5, &x, &y);
  {
    TandemJourneyLayout *layout = tandem_journey_figure_get_layout (tandem_journey_canvas_get_figure (f->canvas),
                                                                    TANDEM_MAP_SIDE_BEFORE);
    const TandemStageGeometry *stage = tandem_journey_layout_get_stage (layout, 3);
    const TandemLaneGeometry *lane = tandem_journey_layout_get_lane (layout, 3);

    _tandem_journey_canvas_figure_to_view (f->canvas, stage->x + stage->width - 10,
                                           lane->y + lane->height / 2, &tx, &ty);
  }

  depth = tandem_document_get_undo_depth (f->document);
  drag (f, x, y, tx - x, ty - y);

  g_assert_cmpstr (tandem_step_get_stage (nurse), ==, tandem_object_get_id (TANDEM_OBJECT (treatment)));
  g_assert_cmpstr (tandem_step_get_lane (nurse), ==, tandem_object_get_id (TANDEM_OBJECT (places)));
  g_assert_cmpuint (tandem_document_get_undo_depth (f->document), ==, depth + 1);
  g_assert_cmpstr (tandem_document_get_undo_label (f->document), ==, "Move Step “Seen by a nurse”");
  screenshot (f, "dragged");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  in_order = tandem_journey_map_steps_in_order (before);
  g_assert_cmpstr (tandem_step_get_title (g_ptr_array_index (in_order, 4)), ==, "Seen by a nurse");
  g_assert_cmpuint (tandem_document_get_undo_depth (f->document), ==, depth);
}

static void
test_rubber_band_and_connect (Fixture       *f,
                              gconstpointer  data)
{
  TandemJourneySelection *selection = tandem_journey_canvas_get_selection (f->canvas);
  TandemJourneyMap *before = map_of (f, TANDEM_MAP_SIDE_BEFORE);
  g_autoptr(GPtrArray) ordered = tandem_journey_map_steps_in_order (before);
  TandemStep *first = g_ptr_array_index (ordered, 0);
  TandemStep *second = g_ptr_array_index (ordered, 1);
  TandemStep *fourth = g_ptr_array_index (ordered, 3);
  guint n_connectors = tandem_list_get_n (tandem_journey_map_get_connectors (before));
  double x1, y1, x2, y2;

  /* A rubber band from the empty lane below over the first two cards selects them. */
  card_point (f, first, -0.05, 1.6, &x1, &y1);
  card_point (f, second, 0.5, 0.5, &x2, &y2);
  drag (f, x1, y1, x2 - x1, y2 - y1);
  g_assert_cmpuint (tandem_journey_selection_get_n_items (selection), ==, 2);
  g_assert_true (tandem_journey_selection_contains (selection, first));
  g_assert_true (tandem_journey_selection_contains (selection, second));

  /* From the right edge of the first card to the fourth card: a connector. */
  card_point (f, first, 1.0, 0.5, &x1, &y1);
  x1 -= 2;
  card_point (f, fourth, 0.5, 0.5, &x2, &y2);
  drag (f, x1, y1, x2 - x1, y2 - y1);
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_connectors (before)), ==, n_connectors + 1);
  g_assert_nonnull (tandem_journey_map_find_connector (before, first, fourth));
  g_assert_cmpstr (tandem_document_get_undo_label (f->document), ==, "Connect Steps");
}

static void
test_resize_stage (Fixture       *f,
                   gconstpointer  data)
{
  TandemJourneyLayout *layout = tandem_journey_figure_get_layout (tandem_journey_canvas_get_figure (f->canvas),
                                                                  TANDEM_MAP_SIDE_BEFORE);
  const TandemStageGeometry *treatment = tandem_journey_layout_get_stage (layout, 3);
  TandemStage *stage = treatment->stage;
  cairo_rectangle_t grid;
  guint depth = tandem_document_get_undo_depth (f->document);
  double x, y;

  tandem_journey_layout_get_grid_rect (layout, &grid);
  _tandem_journey_canvas_figure_to_view (f->canvas, treatment->x + treatment->width - 1,
                                         grid.y - 20, &x, &y);
  drag (f, x, y, 60, 0);

  /* Its cards grow with it (so the stage's own width, 260 by default, grows), and the whole
   * drag is one undo step. */
  g_assert_cmpfloat (tandem_stage_get_width (stage), >, 260);
  g_assert_cmpuint (tandem_document_get_undo_depth (f->document), ==, depth + 1);
  g_assert_cmpstr (tandem_document_get_undo_label (f->document), ==, "Resize Stage");
}

static void
test_views_and_zoom (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (f->page);
  double zoom;

  g_assert_true (gtk_widget_activate_action (page, "journey.show", "s", "after"));
  g_assert_cmpint (tandem_journey_canvas_get_show (f->canvas), ==, TANDEM_JOURNEY_SHOW_AFTER);
  screenshot (f, "after");
  g_assert_true (gtk_widget_activate_action (page, "journey.show", "s", "both"));
  g_assert_cmpint (tandem_journey_canvas_get_show (f->canvas), ==, TANDEM_JOURNEY_SHOW_BOTH);
  screenshot (f, "both");

  /* One zoom for both maps. */
  zoom = tandem_journey_canvas_get_zoom (f->canvas);
  g_assert_true (press (GTK_WIDGET (f->canvas), GDK_KEY_plus, GDK_CONTROL_MASK));
  g_assert_cmpfloat (tandem_journey_canvas_get_zoom (f->canvas), >, zoom);
  g_assert_true (press (GTK_WIDGET (f->canvas), GDK_KEY_minus, GDK_CONTROL_MASK));
  g_assert_cmpfloat (fabs (tandem_journey_canvas_get_zoom (f->canvas) - zoom), <, 1e-9);
  g_assert_true (press (GTK_WIDGET (f->canvas), GDK_KEY_0, GDK_CONTROL_MASK));
  g_assert_cmpfloat (tandem_journey_canvas_get_zoom (f->canvas), <, zoom);
  g_assert_false (tandem_journey_canvas_get_overflows (f->canvas));
  screenshot (f, "both-fit");

  g_assert_true (press (GTK_WIDGET (f->canvas), GDK_KEY_1, GDK_CONTROL_MASK));
  g_assert_cmpfloat (tandem_journey_canvas_get_zoom (f->canvas), ==, 1.0);
  g_assert_true (tandem_journey_canvas_get_overflows (f->canvas));

  /* Zooming from the keyboard keeps the step being worked on where it is on screen. */
  {
    TandemStep *step = tandem_list_get (tandem_journey_map_get_steps (map_of (f, TANDEM_MAP_SIDE_BEFORE)), 1);
    cairo_rectangle_t rect;
    double x0, y0, x1, y1;

    tandem_journey_canvas_focus_step (f->canvas, step);
    tandem_ui_test_iterate ();
    g_assert_true (tandem_journey_figure_get_step_rect (tandem_journey_canvas_get_figure (f->canvas), step, &rect));
    _tandem_journey_canvas_figure_to_view (f->canvas, rect.x + rect.width / 2, rect.y + rect.height / 2, &x0, &y0);
    for (guint i = 0; i < 3; i++)
      g_assert_true (press (GTK_WIDGET (f->canvas), GDK_KEY_plus, GDK_CONTROL_MASK));
    tandem_ui_test_iterate ();
    g_assert_cmpfloat (tandem_journey_canvas_get_zoom (f->canvas), >, 1.5);
    _tandem_journey_canvas_figure_to_view (f->canvas, rect.x, rect.y, &x0, &y0);
    _tandem_journey_canvas_figure_to_view (f->canvas, rect.x + rect.width, rect.y + rect.height, &x1, &y1);
    g_assert_cmpfloat (x0, >=, 0);
    g_assert_cmpfloat (y0, >=, 0);
    g_assert_cmpfloat (x1, <=, gtk_widget_get_width (GTK_WIDGET (f->canvas)));
    g_assert_cmpfloat (y1, <=, gtk_widget_get_height (GTK_WIDGET (f->canvas)));
    g_assert_true (press (GTK_WIDGET (f->canvas), GDK_KEY_1, GDK_CONTROL_MASK));
  }

  /* Showing one map unselects what is on the other. */
  {
    TandemStep *after_step = tandem_list_get (tandem_journey_map_get_steps (map_of (f, TANDEM_MAP_SIDE_AFTER)), 0);

    tandem_journey_canvas_focus_step (f->canvas, after_step);
    g_assert_true (gtk_widget_activate_action (page, "journey.show", "s", "before"));
    g_assert_cmpuint (tandem_journey_selection_get_n_items (tandem_journey_canvas_get_selection (f->canvas)), ==, 0);
    g_assert_null (focused_step (f));
  }
}

static void
test_clipboard (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *canvas = GTK_WIDGET (f->canvas);
  TandemJourneyMap *before = map_of (f, TANDEM_MAP_SIDE_BEFORE);
  TandemJourneyMap *after = map_of (f, TANDEM_MAP_SIDE_AFTER);
  guint n_after = tandem_list_get_n (tandem_journey_map_get_steps (after));
  g_autoptr(GPtrArray) ordered = tandem_journey_map_steps_in_order (before);
  TandemStep *nurse = g_ptr_array_index (ordered, 4);

  /* Copy on the before map, paste on the after map, through the real clipboard. */
  tandem_journey_canvas_focus_step (f->canvas, nurse);
  g_assert_true (press (canvas, GDK_KEY_c, GDK_CONTROL_MASK));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "journey.show", "s", "after"));
  tandem_journey_canvas_focus_step (f->canvas, tandem_list_get (tandem_journey_map_get_steps (after), 1));
  g_assert_true (press (canvas, GDK_KEY_v, GDK_CONTROL_MASK));

  for (guint i = 0; i < 1000 && tandem_list_get_n (tandem_journey_map_get_steps (after)) == n_after; i++)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_steps (after)), ==, n_after + 1);
  g_assert_cmpstr (tandem_step_get_title (focused_step (f)), ==, "Seen by a nurse");
  g_assert_true (tandem_journey_map_for_step (focused_step (f)) == after);
  g_assert_cmpstr (tandem_object_get_id (TANDEM_OBJECT (focused_step (f))), !=,
                   tandem_object_get_id (TANDEM_OBJECT (nurse)));
  g_assert_cmpstr (tandem_document_get_undo_label (f->document), ==, "Paste");

  /* Cut takes the steps off the map, as one undo step. */
  g_assert_true (press (canvas, GDK_KEY_x, GDK_CONTROL_MASK));
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_steps (after)), ==, n_after);
  g_assert_cmpstr (tandem_document_get_undo_label (f->document), ==, "Cut");

  /* Text that is not steps: each line a step. Bad data says so and changes nothing. */
  tandem_journey_canvas_paste_data (f->canvas, "text/plain;charset=utf-8", "- One\n- Two\n", 12);
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_steps (after)), ==, n_after + 2);
  tandem_journey_canvas_paste_data (f->canvas, TANDEM_JOURNEY_CLIP_MIME_TYPE, "{ broken", 8);
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_steps (after)), ==, n_after + 2);
  g_assert_cmpstr (tandem_journey_page_get_last_message (f->page), ==,
                   "The clipboard does not hold steps Tandem can paste.");
}

static void
test_copy_before_to_after (Fixture       *f,
                           gconstpointer  data)
{
  TandemJourneyMap *before = map_of (f, TANDEM_MAP_SIDE_BEFORE);
  TandemJourneyMap *after = map_of (f, TANDEM_MAP_SIDE_AFTER);
  guint depth = tandem_document_get_undo_depth (f->document);
  AdwMessageDialog *dialog;

  /* The after map has steps: the user is asked first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "journey.copy-before-to-after", NULL));
  dialog = tandem_ui_test_find_dialog (GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "replace");
  tandem_ui_test_iterate ();

  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_steps (after)), ==,
                    tandem_list_get_n (tandem_journey_map_get_steps (before)));
  g_assert_cmpuint (tandem_document_get_undo_depth (f->document), ==, depth + 1);
  g_assert_cmpint (tandem_journey_canvas_get_show (f->canvas), ==, TANDEM_JOURNEY_SHOW_AFTER);
}

static void
test_list_view (Fixture       *f,
                gconstpointer  data)
{
  TandemJourneyStepList *list = TANDEM_JOURNEY_STEP_LIST (tandem_journey_page_get_step_list (f->page));
  TandemJourneySelection *selection = tandem_journey_canvas_get_selection (f->canvas);
  TandemJourneyMap *before = map_of (f, TANDEM_MAP_SIDE_BEFORE);
  g_autoptr(GPtrArray) ordered = tandem_journey_map_steps_in_order (before);
  GListModel *model = tandem_journey_step_list_get_model (list);
  GtkSelectionModel *rows;
  TandemStep *added;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "journey.display", "s", "list"));
  g_assert_true (tandem_journey_step_list_get_map (list) == before);

  /* The rows are the steps in journey order. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, ordered->len);
  for (guint i = 0; i < ordered->len; i++)
    {
      g_autoptr(TandemStep) row = g_list_model_get_item (model, i);
      g_assert_true (row == g_ptr_array_index (ordered, i));
    }
  screenshot (f, "list");

  /* Selecting a row selects the step on the canvas, and the other way round. */
  rows = gtk_column_view_get_model (GTK_COLUMN_VIEW (tandem_journey_step_list_get_view (list)));
  gtk_selection_model_select_item (rows, 2, TRUE);
  g_assert_true (tandem_journey_selection_contains (selection, g_ptr_array_index (ordered, 2)));
  g_assert_true (focused_step (f) == g_ptr_array_index (ordered, 2));
  tandem_journey_canvas_focus_step (f->canvas, g_ptr_array_index (ordered, 5));
  g_assert_true (gtk_selection_model_is_selected (rows, 5));
  g_assert_false (gtk_selection_model_is_selected (rows, 2));

  /* Adding from the list: after the focused step, in the list at once. */
  added = tandem_journey_step_list_add_step (list);
  g_assert_nonnull (added);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, ordered->len + 1);
  {
    g_autoptr(TandemStep) row = g_list_model_get_item (model, 6);
    g_assert_true (row == added);
  }

  /* Moving a step re-sorts the rows. */
  tandem_document_begin (f->document, "Move");
  tandem_journey_map_move_step (before, added, TANDEM_STEP_MOVE_EARLIER);
  tandem_document_commit (f->document);
  {
    g_autoptr(TandemStep) row = g_list_model_get_item (model, 5);
    g_assert_true (row == added);
  }
}

static void
test_side_panel (Fixture       *f,
                 gconstpointer  data)
{
  TandemStepPanel *panel = TANDEM_STEP_PANEL (tandem_journey_page_get_step_panel (f->page));
  TandemJourneyMap *before = map_of (f, TANDEM_MAP_SIDE_BEFORE);
  g_autoptr(GPtrArray) ordered = tandem_journey_map_steps_in_order (before);
  TandemStep *step = g_ptr_array_index (ordered, 3);
  GtkWidget *quotes;
  TandemQuote *quote;

  tandem_journey_canvas_focus_step (f->canvas, step);
  tandem_ui_test_iterate ();
  g_assert_true (tandem_step_panel_get_step (panel) == step);
  screenshot (f, "side-panel");

  /* Every field goes to the model, as an undoable change. */
  gtk_editable_set_text (GTK_EDITABLE (tandem_step_panel_get_row (panel, "role")), "Receptionist");
  g_assert_cmpstr (tandem_step_get_role (step), ==, "Receptionist");
  gtk_editable_set_text (GTK_EDITABLE (tandem_step_panel_get_row (panel, "place")), "Reception desk");
  g_assert_cmpstr (tandem_step_get_place (step), ==, "Reception desk");

  gtk_drop_down_set_selected (GTK_DROP_DOWN (tandem_step_panel_get_row (panel, "wait-unit")), 1);
  gtk_editable_set_text (GTK_EDITABLE (tandem_step_panel_get_row (panel, "wait")), "2.5");
  g_assert_cmpfloat (tandem_step_get_wait_minutes (step), ==, 150);

  adw_combo_row_set_selected (ADW_COMBO_ROW (tandem_step_panel_get_row (panel, "feeling")), 5);
  g_assert_cmpint (tandem_step_get_feeling (step), ==, TANDEM_FEELING_VERY_GOOD);
  gtk_switch_set_active (GTK_SWITCH (tandem_step_panel_get_row (panel, "pain-point")), FALSE);
  g_assert_false (tandem_step_get_pain_point (step));
  adw_combo_row_set_selected (ADW_COMBO_ROW (tandem_step_panel_get_row (panel, "lane")), 2);
  g_assert_cmpstr (tandem_step_get_lane (step), ==,
                   tandem_object_get_id (tandem_list_get (tandem_journey_get_lanes (f->journey), 2)));

  /* Quotes: the words, who said them, the session, and consent to quote. */
  tandem_step_panel_add_quote (panel);
  tandem_ui_test_iterate ();
  g_assert_cmpuint (tandem_list_get_n (tandem_step_get_quotes (step)), ==, 1);
  /* The cursor is in the new quote's words, ready to type them; Tab leaves them. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

    g_assert_true (GTK_IS_TEXT_VIEW (focus));
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "The exact words");
    g_assert_false (gtk_text_view_get_accepts_tab (GTK_TEXT_VIEW (focus)));
    g_assert_false (gtk_text_view_get_accepts_tab (GTK_TEXT_VIEW (tandem_step_panel_get_row (panel, "description"))));
  }
  quote = tandem_list_get (tandem_step_get_quotes (step), 0);
  quotes = tandem_step_panel_get_row (panel, "quotes");
  gtk_editable_set_text (GTK_EDITABLE (tandem_ui_test_find_widget (quotes, ADW_TYPE_ENTRY_ROW,
                                                                   "Said by (a role, not a name)")),
                         "Parent");
  gtk_editable_set_text (GTK_EDITABLE (tandem_ui_test_find_widget (quotes, ADW_TYPE_ENTRY_ROW, "Session")),
                         "Big Conversation session 2");
  gtk_switch_set_active (GTK_SWITCH (tandem_ui_test_find_widget (quotes, GTK_TYPE_SWITCH, NULL)), TRUE);
  g_assert_cmpstr (tandem_quote_get_speaker_role (quote), ==, "Parent");
  g_assert_cmpstr (tandem_quote_get_session (quote), ==, "Big Conversation session 2");
  g_assert_true (tandem_quote_get_consent (quote));

  /* A connector to another step, through the panel. */
  {
    guint n = tandem_list_get_n (tandem_journey_map_get_connectors (before));
    GtkWidget *connect = tandem_step_panel_get_row (panel, "connect");

    adw_combo_row_set_selected (ADW_COMBO_ROW (connect), 0);
    g_signal_emit_by_name (tandem_ui_test_find_widget (connect, GTK_TYPE_BUTTON, "Co_nnect"), "clicked");
    g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_connectors (before)), ==, n + 1);
  }
  screenshot (f, "side-panel-edited");

  /* All of it undoes. */
  while (tandem_document_can_undo (f->document))
    tandem_document_undo (f->document);
  tandem_ui_test_iterate ();
  g_assert_cmpuint (tandem_list_get_n (tandem_step_get_quotes (step)), ==, 0);
}

static const char *
time_text (TandemStepPanel *panel,
           const char      *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (tandem_step_panel_get_row (panel, name)));
}

static guint
time_unit (TandemStepPanel *panel,
           const char      *name)
{
  g_autofree char *unit_name = g_strconcat (name, "-unit", NULL);

  return gtk_drop_down_get_selected (GTK_DROP_DOWN (tandem_step_panel_get_row (panel, unit_name)));
}

static void
set_time_unit (TandemStepPanel *panel,
               const char      *name,
               TandemTimeUnit   unit)
{
  g_autofree char *unit_name = g_strconcat (name, "-unit", NULL);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (tandem_step_panel_get_row (panel, unit_name)), unit);
  tandem_ui_test_iterate ();
}

/* Type into a time field as a user does: focus it, replace its text, and Tab away. */
static void
type_time (Fixture         *f,
           TandemStepPanel *panel,
           const char      *name,
           const char      *text)
{
  GtkWidget *entry = tandem_step_panel_get_row (panel, name);

  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_widget_grab_focus (GTK_WIDGET (f->canvas));
  tandem_ui_test_iterate ();
}

/* Wait and duration keep what was typed, in the unit chosen (the cases a new user found). */
static void
test_times_as_typed (Fixture       *f,
                     gconstpointer  data)
{
  TandemStepPanel *panel = TANDEM_STEP_PANEL (tandem_journey_page_get_step_panel (f->page));
  TandemJourneyMap *before = map_of (f, TANDEM_MAP_SIDE_BEFORE);
  g_autoptr(GPtrArray) ordered = tandem_journey_map_steps_in_order (before);
  TandemStep *step = g_ptr_array_index (ordered, 2);
  TandemStep *other = g_ptr_array_index (ordered, 3);
  guint depth;

  tandem_journey_canvas_focus_step (f->canvas, step);
  tandem_ui_test_iterate ();

  /* 4 minutes, then "hours": 4 hours, never 0.1 hours and then 6 minutes. */
  set_time_unit (panel, "wait", TANDEM_TIME_UNIT_MINUTES);
  type_time (f, panel, "wait", "4");
  g_assert_cmpfloat (tandem_step_get_wait_minutes (step), ==, 4);
  set_time_unit (panel, "wait", TANDEM_TIME_UNIT_HOURS);
  g_assert_cmpstr (time_text (panel, "wait"), ==, "4");
  g_assert_cmpfloat (tandem_step_get_wait_minutes (step), ==, 240);
  set_time_unit (panel, "wait", TANDEM_TIME_UNIT_MINUTES);
  g_assert_cmpstr (time_text (panel, "wait"), ==, "4");
  g_assert_cmpfloat (tandem_step_get_wait_minutes (step), ==, 4);

  /* Tabbing through the fields, or showing another step and back, changes nothing. */
  depth = tandem_document_get_undo_depth (f->document);
  gtk_widget_grab_focus (tandem_step_panel_get_row (panel, "wait"));
  gtk_widget_grab_focus (tandem_step_panel_get_row (panel, "duration"));
  gtk_widget_grab_focus (GTK_WIDGET (f->canvas));
  tandem_journey_canvas_focus_step (f->canvas, other);
  tandem_ui_test_iterate ();
  tandem_journey_canvas_focus_step (f->canvas, step);
  tandem_ui_test_iterate ();
  g_assert_cmpuint (tandem_document_get_undo_depth (f->document), ==, depth);
  g_assert_cmpfloat (tandem_step_get_wait_minutes (step), ==, 4);
  g_assert_cmpstr (time_text (panel, "wait"), ==, "4");
  g_assert_cmpuint (time_unit (panel, "wait"), ==, TANDEM_TIME_UNIT_MINUTES);

  /* 15 minutes is shown as 15 minutes, not as days that round to 0. */
  type_time (f, panel, "duration", "15");
  g_assert_cmpfloat (tandem_step_get_duration_minutes (step), ==, 15);
  tandem_journey_canvas_focus_step (f->canvas, other);
  tandem_ui_test_iterate ();
  tandem_journey_canvas_focus_step (f->canvas, step);
  tandem_ui_test_iterate ();
  g_assert_cmpstr (time_text (panel, "duration"), ==, "15");
  g_assert_cmpuint (time_unit (panel, "duration"), ==, TANDEM_TIME_UNIT_MINUTES);
  g_assert_cmpfloat (tandem_step_get_duration_minutes (step), ==, 15);

  /* "hours", then "0.1": 6 minutes, shown again as 0.1 hours, the unit chosen. */
  set_time_unit (panel, "duration", TANDEM_TIME_UNIT_HOURS);
  type_time (f, panel, "duration", "0.1");
  g_assert_cmpfloat (tandem_step_get_duration_minutes (step), ==, 6);
  tandem_journey_canvas_focus_step (f->canvas, other);
  tandem_ui_test_iterate ();
  tandem_journey_canvas_focus_step (f->canvas, step);
  tandem_ui_test_iterate ();
  g_assert_cmpstr (time_text (panel, "duration"), ==, "0.1");
  g_assert_cmpuint (time_unit (panel, "duration"), ==, TANDEM_TIME_UNIT_HOURS);

  /* 2.5 days, a decimal comma, and undo showing the time it was. */
  set_time_unit (panel, "duration", TANDEM_TIME_UNIT_DAYS);
  type_time (f, panel, "duration", "2,5");
  g_assert_cmpfloat (tandem_step_get_duration_minutes (step), ==, 3600);
  tandem_document_undo (f->document);
  tandem_ui_test_iterate ();
  g_assert_cmpfloat (tandem_step_get_duration_minutes (step), !=, 3600);
  g_assert_cmpstr (time_text (panel, "duration"), !=, "2,5");

  /* What is not a time is said to be wrong, kept as typed, and changes nothing. */
  depth = tandem_document_get_undo_depth (f->document);
  type_time (f, panel, "wait", "about 3");
  g_assert_cmpfloat (tandem_step_get_wait_minutes (step), ==, 4);
  g_assert_cmpstr (time_text (panel, "wait"), ==, "about 3");
  g_assert_cmpuint (tandem_document_get_undo_depth (f->document), ==, depth);
  g_assert_true (gtk_widget_has_css_class (tandem_step_panel_get_row (panel, "wait"), "error"));
  {
    GtkWidget *row = gtk_widget_get_ancestor (tandem_step_panel_get_row (panel, "wait"),
                                              ADW_TYPE_ACTION_ROW);

    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                     "“about 3” is not a number of minutes; type a number such as 2 or 1.5, "
                     "or leave it empty for none.");
  }
  screenshot (f, "time-error");
  type_time (f, panel, "wait", "3");
  g_assert_cmpfloat (tandem_step_get_wait_minutes (step), ==, 3);
  g_assert_false (gtk_widget_has_css_class (tandem_step_panel_get_row (panel, "wait"), "error"));

  /* An emptied field means none, once it is left. */
  type_time (f, panel, "wait", "");
  g_assert_cmpfloat (tandem_step_get_wait_minutes (step), ==, 0);
}

static void
set_true (gboolean *flag)
{
  *flag = TRUE;
}

static void
test_measures_and_structure (Fixture       *f,
                             gconstpointer  data)
{
  TandemJourneyMeasuresView *measures = TANDEM_JOURNEY_MEASURES_VIEW (tandem_journey_page_get_measures (f->page));
  TandemJourneyMeasures b, a;
  g_autofree char *before_steps = NULL;
  g_autofree char *after_steps = NULL;
  GtkWidget *window;
  GtkListBox *stages;

  tandem_journey_map_measure (map_of (f, TANDEM_MAP_SIDE_BEFORE), &b);
  tandem_journey_map_measure (map_of (f, TANDEM_MAP_SIDE_AFTER), &a);
  before_steps = g_strdup_printf ("%u", b.n_steps);
  after_steps = g_strdup_printf ("%u", a.n_steps);

  g_assert_cmpstr (tandem_journey_measures_view_get_cell (measures, 0, 1), ==, before_steps);
  g_assert_cmpstr (tandem_journey_measures_view_get_cell (measures, 0, 2), ==, after_steps);
  g_assert_true (g_str_has_suffix (tandem_journey_measures_view_get_cell (measures, 0, 3), "fewer"));
  g_assert_true (g_str_has_prefix (tandem_journey_measures_view_get_summary (measures), "After the change: "));
  g_assert_cmpstr (tandem_journey_measures_view_get_cell (measures, 7, 3), ==, "Better");

  /* Show the comparison in the side panel. */
  {
    GtkWidget *page = gtk_widget_get_parent (GTK_WIDGET (measures));

    gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (page)), page);
    screenshot (f, "measures");
  }

  /* Stages and lanes, by keyboard in their own window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "journey.edit-structure", NULL));
  tandem_ui_test_iterate ();
  window = NULL;
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) candidate = g_list_model_get_item (toplevels, i);

        if (TANDEM_IS_JOURNEY_STRUCTURE_WINDOW (candidate))
          window = GTK_WIDGET (candidate);
      }
  }
  g_assert_nonnull (window);
  stages = tandem_journey_structure_window_get_list (TANDEM_JOURNEY_STRUCTURE_WINDOW (window), TRUE);

  /* Move the second stage down: one undo step, by the row's own button. */
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (stages, 1);
    TandemStage *second = tandem_list_get (tandem_journey_get_stages (f->journey), 1);

    g_signal_emit_by_name (g_object_get_data (G_OBJECT (row), "down-button"), "clicked");
    g_assert_true (tandem_list_get (tandem_journey_get_stages (f->journey), 2) == second);
    g_assert_cmpstr (tandem_document_get_undo_label (f->document), ==, "Move Stage");
  }

  /* Removing a stage leaves the keyboard on the row that took its place, then on the row
   * before when it was the last, then on the add button: never nowhere. */
  {
    GtkListBox *lanes = tandem_journey_structure_window_get_list (TANDEM_JOURNEY_STRUCTURE_WINDOW (window),
                                                                  FALSE);
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (lanes, 1);
    GtkWidget *focus;
    guint n = tandem_list_get_n (tandem_journey_get_lanes (f->journey));

    g_signal_emit_by_name (g_object_get_data (G_OBJECT (row), "remove-button"), "clicked");
    tandem_ui_test_iterate ();
    g_assert_cmpuint (tandem_list_get_n (tandem_journey_get_lanes (f->journey)), ==, n - 1);
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (gtk_list_box_get_row_at_index (lanes, 1))));

    while (tandem_list_get_n (tandem_journey_get_lanes (f->journey)) > 0)
      {
        guint last = tandem_list_get_n (tandem_journey_get_lanes (f->journey)) - 1;

        row = gtk_list_box_get_row_at_index (lanes, last);
        g_signal_emit_by_name (g_object_get_data (G_OBJECT (row), "remove-button"), "clicked");
        tandem_ui_test_iterate ();
        focus = gtk_root_get_focus (GTK_ROOT (window));
        g_assert_nonnull (focus);
        if (last > 0)
          g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (gtk_list_box_get_row_at_index (lanes, last - 1))));
        else
          g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (focus)), ==, "Add _Lane");
      }
  }

  /* Tab goes round the whole window, its close button included. */
  {
    gboolean reached_close = FALSE;

    for (guint i = 0; i < 200 && !reached_close; i++)
      {
        GtkWidget *focus;

        if (!gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD))
          gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);
        focus = gtk_root_get_focus (GTK_ROOT (window));
        reached_close = focus != NULL && GTK_IS_BUTTON (focus) &&
                        gtk_widget_get_ancestor (focus, GTK_TYPE_WINDOW_CONTROLS) != NULL;
      }
    g_assert_true (reached_close);
  }

  /* Ctrl+W closes it, as Esc does. */
  {
    gboolean destroyed = FALSE;

    g_signal_connect_swapped (window, "destroy", G_CALLBACK (set_true), &destroyed);
    g_assert_true (press (gtk_root_get_focus (GTK_ROOT (window)), GDK_KEY_w, GDK_CONTROL_MASK));
    tandem_ui_test_iterate ();
    g_assert_true (destroyed);
  }
}

/* The canvas as it is drawn now, as pixels: what a user would see change. */
static GBytes *
render_canvas (Fixture *f)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (f->canvas));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (f->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (f->canvas));
  gsize stride = (gsize)width * 4;
  guchar *pixels;

  /* Let the canvas redraw with its new palette first. */
  wait_for_frames (GTK_WIDGET (f->window), 2);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (f->window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);

  return g_bytes_new_take (pixels, stride * height);
}

static void
test_dark_and_high_contrast (Fixture       *f,
                             gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) a11y = NULL;
  g_autoptr(GBytes) light = NULL;
  g_autoptr(GBytes) dark = NULL;
  g_autoptr(GBytes) contrast = NULL;

  /* libadwaita follows the desktop's high-contrast setting (the memory GSettings backend of
   * the tests, since there is no settings portal here); its schema is in
   * gsettings-desktop-schemas. */
  schema = source ? g_settings_schema_source_lookup (source, "org.gnome.desktop.a11y.interface",
                                                     TRUE) : NULL;
  if (schema == NULL)
    {
      if (g_getenv ("TANDEM_TEST_STRICT") != NULL)
        g_test_fail_printf ("the org.gnome.desktop.a11y.interface schema is missing: install "
                            "gsettings-desktop-schemas");
      else
        g_test_skip ("the org.gnome.desktop.a11y.interface schema is missing: install "
                     "gsettings-desktop-schemas");
      return;
    }
  a11y = g_settings_new_full (schema, NULL, NULL);

  tandem_journey_canvas_focus_step (f->canvas, tandem_list_get (tandem_journey_map_get_steps (map_of (f, TANDEM_MAP_SIDE_BEFORE)), 2));
  g_assert_false (adw_style_manager_get_high_contrast (manager));
  light = render_canvas (f);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  tandem_ui_test_iterate ();
  g_assert_true (f->canvas->state.palette.dark);
  g_assert_false (f->canvas->state.palette.high_contrast);
  dark = render_canvas (f);
  g_assert_false (g_bytes_equal (light, dark));
  screenshot (f, "dark");

  /* High contrast on top of dark: thicker lines, opaque borders, and different pixels. */
  g_settings_set_boolean (a11y, "high-contrast", TRUE);
  while (!adw_style_manager_get_high_contrast (manager))
    g_main_context_iteration (NULL, TRUE);
  tandem_ui_test_iterate ();
  g_assert_true (f->canvas->state.palette.dark);
  g_assert_true (f->canvas->state.palette.high_contrast);
  g_assert_cmpfloat (f->canvas->state.palette.line_width, ==, 2.0);
  g_assert_cmpfloat (f->canvas->state.palette.card_border.alpha, ==, 1.0);
  contrast = render_canvas (f);
  g_assert_false (g_bytes_equal (dark, contrast));
  screenshot (f, "dark-high-contrast");

  g_settings_reset (a11y, "high-contrast");
  while (adw_style_manager_get_high_contrast (manager))
    g_main_context_iteration (NULL, TRUE);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  tandem_ui_test_iterate ();
  g_assert_false (f->canvas->state.palette.dark);
  g_assert_false (f->canvas->state.palette.high_contrast);
  g_assert_cmpfloat (f->canvas->state.palette.line_width, ==, 1.0);
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static const char *
keysym_for (gunichar c)
{
  static char buffer[8];

  if (c == ' ')
    return "space";
  buffer[g_unichar_to_utf8 (c, buffer)] = '\0';
  return buffer;
}

/* Real key presses through the X server, when xdotool is there to send them: a journey of
 * ten steps typed at full speed, as a facilitator keeps up with a room. Every key is queued
 * at once, so keys arrive while the step before is still being saved and the next opened;
 * each must land in the step it was typed for. */
static void
test_real_keys (Fixture       *f,
                gconstpointer  data)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *xdotool = tandem_test_require_program ("xdotool", "xdotool");
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  TandemJourneyMap *before = map_of (f, TANDEM_MAP_SIDE_BEFORE);
  const char *titles[] = { "Fever at night", "Rings GP", "Calls 111", "Nurse rings back",
                           "Bus to centre", "Queue", "Seen by nurse", "Sent to GP",
                           "GP next day", "Home again" };
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gint64 deadline;
  guint wake;
  int status;

  if (xdotool == NULL || !GDK_IS_X11_SURFACE (surface))
    {
      g_test_skip ("Real key presses need xdotool and an X11 display");
      return;
    }

  gtk_window_present (GTK_WINDOW (f->window));
  gtk_widget_grab_focus (GTK_WIDGET (f->canvas));
  tandem_ui_test_iterate ();

  g_ptr_array_add (argv, g_strdup (xdotool));
  g_ptr_array_add (argv, g_strdup ("key"));
  g_ptr_array_add (argv, g_strdup ("--window"));
  g_ptr_array_add (argv, g_strdup_printf ("%lu", (gulong)gdk_x11_surface_get_xid (surface)));
  g_ptr_array_add (argv, g_strdup ("--delay"));
  g_ptr_array_add (argv, g_strdup ("0"));
  g_ptr_array_add (argv, g_strdup ("Return"));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      for (const char *p = titles[i]; *p != '\0'; p = g_utf8_next_char (p))
        g_ptr_array_add (argv, g_strdup (keysym_for (g_utf8_get_char (p))));
      g_ptr_array_add (argv, g_strdup ("Return"));
    }
  /* Enter on the empty step after the last one ends the capture. */
  g_ptr_array_add (argv, g_strdup ("Return"));
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  /* Let the X server deliver them all (bounded, so that a lost key fails rather than hangs). */
  wake = g_timeout_add (20, wake_cb, NULL);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline &&
         (tandem_journey_canvas_is_editing (f->canvas) ||
          tandem_list_get_n (tandem_journey_map_get_steps (before)) < G_N_ELEMENTS (titles)))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  tandem_ui_test_iterate ();

  g_assert_false (tandem_journey_canvas_is_editing (f->canvas));
  g_assert_cmpuint (tandem_list_get_n (tandem_journey_map_get_steps (before)), ==, G_N_ELEMENTS (titles));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_cmpstr (title_at (before, i), ==, titles[i]);
  g_assert_cmpstr (tandem_step_get_title (focused_step (f)), ==, titles[G_N_ELEMENTS (titles) - 1]);
  screenshot (f, "real-keys");
#else
  g_test_skip ("Real key presses need X11");
#endif
}

/* Ctrl+minus, Ctrl+plus and Ctrl+0 work wherever the focus is on the journey page, sent as
 * real key presses (the shortcuts are the window's, which only real events reach). */
static void
test_zoom_keys_anywhere (Fixture       *f,
                         gconstpointer  data)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  TandemStepPanel *panel = TANDEM_STEP_PANEL (tandem_journey_page_get_step_panel (f->page));
  g_autofree char *window_id = NULL;
  const char *keys[] = { "ctrl+minus", "ctrl+plus", "ctrl+0" };
  g_autofree char *title = g_strdup (tandem_journey_get_title (f->journey));
  double zoom;

  if (xdotool == NULL)
    return;
  if (!GDK_IS_X11_SURFACE (surface))
    {
      g_test_skip ("Real key presses need an X11 display");
      return;
    }

  window_id = g_strdup_printf ("%lu", (gulong)gdk_x11_surface_get_xid (surface));
  gtk_window_present (GTK_WINDOW (f->window));
  tandem_journey_selection_select_only (tandem_journey_canvas_get_selection (f->canvas), NULL);
  tandem_ui_test_iterate ();
  tandem_step_panel_focus_title (panel);
  tandem_ui_test_iterate ();
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (f->canvas)));

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *argv[] = { xdotool, "key", "--window", window_id, keys[i], NULL };
      g_autoptr(GError) error = NULL;
      gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
      guint wake = g_timeout_add (20, wake_cb, NULL);
      int status;

      zoom = tandem_journey_canvas_get_zoom (f->canvas);
      g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                                   NULL, NULL, NULL, &status, &error));
      while (g_get_monotonic_time () < deadline && tandem_journey_canvas_get_zoom (f->canvas) == zoom)
        g_main_context_iteration (NULL, TRUE);
      g_source_remove (wake);

      if (i == 0)
        g_assert_cmpfloat (tandem_journey_canvas_get_zoom (f->canvas), <, zoom);
      else if (i == 1)
        g_assert_cmpfloat (tandem_journey_canvas_get_zoom (f->canvas), >, zoom);
      else
        g_assert_cmpfloat (tandem_journey_canvas_get_zoom (f->canvas), !=, zoom);
    }

  /* The title being typed keeps the focus, and is not changed by the keys. */
  g_assert_cmpstr (tandem_journey_get_title (f->journey), ==, title);
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (f->canvas)));
#else
  g_test_skip ("Real key presses need X11");
#endif
}

static GtkWidget *
find_by_action (GtkWidget  *root,
                const char *action)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_action (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_overview (GtkWidget *widget)
{
  if (TANDEM_IS_JOURNEY_OVERVIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_overview (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What a screen reader says for the controls of the journey page. */
static void
test_accessible_names (Fixture       *f,
                       gconstpointer  data)
{
  TandemStepPanel *panel = TANDEM_STEP_PANEL (tandem_journey_page_get_step_panel (f->page));
  const struct { const char *action; const char *label; } buttons[] = {
    { "journey.zoom-out", "Zoom out" },
    { "journey.zoom-in", "Zoom in" },
    { "journey.zoom-fit", "Fit the whole journey in the window" },
  };
  GtkWidget *more;

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = find_by_action (GTK_WIDGET (f->page), buttons[i].action);

      g_assert_nonnull (button);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           buttons[i].label);
    }

  more = tandem_ui_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_nonnull (more);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (more), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "More journey actions");

  /* The unit drop-downs: the drop-down and the button in it that takes the focus. */
  tandem_journey_canvas_focus_step (f->canvas, tandem_list_get (tandem_journey_map_get_steps (map_of (f, TANDEM_MAP_SIDE_BEFORE)), 0));
  tandem_ui_test_iterate ();
  {
    GtkWidget *unit = tandem_step_panel_get_row (panel, "wait-unit");
    GtkWidget *toggle = tandem_ui_test_find_widget (unit, GTK_TYPE_TOGGLE_BUTTON, NULL);

    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (unit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Unit of the wait");
    g_assert_nonnull (toggle);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Unit of the wait");
    toggle = tandem_ui_test_find_widget (tandem_step_panel_get_row (panel, "duration-unit"),
                                         GTK_TYPE_TOGGLE_BUTTON, NULL);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Unit of the time it takes");
  }

  /* Buttons with a mnemonic are named by their words, without the underscore. */
  {
    GtkWidget *connect = tandem_ui_test_find_widget (tandem_step_panel_get_row (panel, "connect"),
                                                     GTK_TYPE_BUTTON, "Co_nnect");

    g_assert_nonnull (connect);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (connect), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Connect");
  }

  /* The header bar's Save, which read "_Save Save". */
  {
    GtkWidget *save = find_by_action (GTK_WIDGET (f->window), "win.save");

    g_assert_true (GTK_IS_BUTTON (save));
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL, "Save");
  }
}

/* The overview of a map far wider than tall is not a strip of a pixel: the map takes its
 * height and it shows the stretch around the view. It moves out of the way of the key. */
static void
test_overview_of_a_wide_map (Fixture       *f,
                             gconstpointer  data)
{
  TandemJourneyFigure *figure = tandem_journey_canvas_get_figure (f->canvas);
  GtkWidget *overview;
  graphene_rect_t map, bounds;
  cairo_rectangle_t view, legend;
  double figure_width, figure_height;

  tandem_document_begin (f->document, "Many steps");
  for (guint i = 0; i < 150; i++)
    tandem_test_add_step (f->journey, TANDEM_MAP_SIDE_BEFORE, 4, i % 2, 10 + i, "Another call");
  tandem_document_commit (f->document);
  tandem_ui_test_iterate ();
  g_assert_true (press (GTK_WIDGET (f->canvas), GDK_KEY_1, GDK_CONTROL_MASK));
  tandem_ui_test_iterate ();

  overview = find_overview (GTK_WIDGET (f->page));
  g_assert_nonnull (overview);
  g_assert_true (gtk_widget_get_visible (overview));
  tandem_journey_figure_get_size (figure, &figure_width, &figure_height);
  g_assert_cmpfloat (figure_width / figure_height, >, 15);

  tandem_journey_overview_get_map_rect (TANDEM_JOURNEY_OVERVIEW (overview), &map);
  g_assert_cmpint (gtk_widget_get_height (overview), >=, 90);
  g_assert_cmpfloat (map.size.height, >=, gtk_widget_get_height (overview) - 1);
  g_assert_cmpfloat (map.size.width, >, gtk_widget_get_width (overview));
  screenshot (f, "overview-wide");

  /* The stretch shown follows the view: the view's middle is inside the overview. */
  tandem_journey_canvas_get_viewport (f->canvas, &view);
  {
    double scale = map.size.height / figure_height;
    double middle = map.origin.x + (view.x + view.width / 2) * scale;

    g_assert_cmpfloat (middle, >=, 0);
    g_assert_cmpfloat (middle, <=, gtk_widget_get_width (overview));
  }

  /* With the key in view, the overview is at the top, clear of it. */
  g_assert_true (tandem_journey_figure_get_legend_rect (figure, &legend));
  tandem_journey_canvas_center_on (f->canvas, view.x + view.width / 2,
                                   legend.y + legend.height / 2);
  tandem_ui_test_iterate ();
  tandem_journey_canvas_get_viewport (f->canvas, &view);
  g_assert_cmpfloat (view.y + view.height, >, legend.y);
  g_assert_cmpint (gtk_widget_get_valign (overview), ==, GTK_ALIGN_START);
  g_assert_true (gtk_widget_compute_bounds (overview, GTK_WIDGET (f->canvas), &bounds));
  {
    double top, bottom, ignored;

    _tandem_journey_canvas_figure_to_view (f->canvas, 0, legend.y, &ignored, &top);
    _tandem_journey_canvas_figure_to_view (f->canvas, 0, legend.y + legend.height, &ignored, &bottom);
    g_assert_true (bounds.origin.y + bounds.size.height <= top || bounds.origin.y >= bottom);
  }
  screenshot (f, "overview-clear-of-key");
}

/* The canvas's Fit shows the sample's whole before map in a 1400×900 window, side panel open,
 * with card titles at least 9 px high: readable on a laptop in a workshop. The title's size
 * is measured as drawn: the font the painter chose for card titles at this zoom. */
static void
test_fit_sample (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (f->page);
  GtkWidget *canvas = GTK_WIDGET (f->canvas);
  gboolean side_panel = FALSE;
  double figure_width, figure_height;

  /* GTK keeps a window within its screen; build-aux/test gives Xvfb a 1920×1080 one. */
  if (window_width (f) < 1400)
    {
      g_test_skip ("The screen is narrower than 1400 px; run Xvfb with -screen 0 1920x1080x24");
      return;
    }
  g_assert_cmpint (window_width (f), ==, 1400);
  g_assert_cmpint (window_height (f), ==, 900);

  g_object_get (page, "side-panel", &side_panel, NULL);
  g_assert_true (side_panel);
  g_assert_cmpint (tandem_journey_canvas_get_show (f->canvas), ==, TANDEM_JOURNEY_SHOW_BEFORE);

  g_assert_true (gtk_widget_activate_action (page, "journey.zoom-fit", NULL));
  wait_for_frames (GTK_WIDGET (f->window), 2);

  tandem_journey_figure_get_size (tandem_journey_canvas_get_figure (f->canvas), &figure_width,
                                  &figure_height);
  g_test_message ("canvas %d×%d, figure %.0f×%.0f, zoom %.3f, titles %.1f px",
                  gtk_widget_get_width (canvas), gtk_widget_get_height (canvas), figure_width,
                  figure_height, tandem_journey_canvas_get_zoom (f->canvas),
                  tandem_journey_canvas_get_title_pixels (f->canvas));
  g_assert_false (tandem_journey_canvas_get_overflows (f->canvas));
  screenshot (f, "fit-1400x900");
  g_assert_cmpfloat (tandem_journey_canvas_get_title_pixels (f->canvas), >=, 9.0);
  /* The whole map is the compact cards of a printed page: full cards would be 4 px. */
  g_assert_true (tandem_journey_figure_get_print (tandem_journey_canvas_get_figure (f->canvas)));

  /* Zooming in brings the full cards back, as soon as their titles are readable. */
  g_assert_true (gtk_widget_activate_action (page, "journey.zoom-reset", NULL));
  g_assert_false (tandem_journey_figure_get_print (tandem_journey_canvas_get_figure (f->canvas)));
  g_assert_cmpfloat (tandem_journey_canvas_get_title_pixels (f->canvas), ==,
                     TANDEM_JOURNEY_FONT_CARD_TITLE);

  /* The side panel is a share of the page, not a fixed 360 px; its divider can be dragged. */
  {
    GtkWidget *panel = tandem_journey_page_get_step_panel (f->page);
    GtkWidget *paned = gtk_widget_get_ancestor (panel, GTK_TYPE_PANED);

    g_assert_nonnull (paned);
    g_assert_cmpint (gtk_widget_get_width (panel), <, 360);
    g_assert_cmpint (gtk_widget_get_width (panel), >=, 240);
    gtk_paned_set_position (GTK_PANED (paned), gtk_widget_get_width (paned) - 420);
    wait_for_frames (GTK_WIDGET (f->window), 2);
    g_assert_cmpint (gtk_widget_get_width (panel), >=, 400);
  }
}

/* Undo says what it takes back, and shows where: a step moved in a journey that is no longer
 * shown is brought back into view, selected. */
static void
test_undo_names_and_shows (Fixture       *f,
                           gconstpointer  data)
{
  TandemJourneyMap *before = map_of (f, TANDEM_MAP_SIDE_BEFORE);
  g_autoptr(GPtrArray) ordered = tandem_journey_map_steps_in_order (before);
  TandemStep *step = g_ptr_array_index (ordered, 3);
  g_autofree char *title = g_strdup (tandem_step_get_title (step));
  g_autofree char *expected = g_strdup_printf ("Undo Move Step “%s”", title);
  GtkWidget *undo = NULL;
  GtkWidget *page;
  double order = tandem_step_get_order (step);
  g_autofree char *stage_before = g_strdup (tandem_step_get_stage (step));

  tandem_journey_canvas_focus_step (f->canvas, step);
  gtk_widget_grab_focus (GTK_WIDGET (f->canvas));
  tandem_ui_test_iterate ();
  g_assert_true (press (GTK_WIDGET (f->canvas), GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_true (g_strcmp0 (tandem_step_get_stage (step), stage_before) != 0 ||
                 tandem_step_get_order (step) != order);
  g_assert_cmpstr (tandem_document_get_undo_label (f->document), ==, expected + strlen ("Undo "));
  /* A screen reader hears the move: GTK 4.8 speaks a change of the focused map's name. */
  {
    g_autofree char *where = tandem_journey_canvas_describe_step (f->canvas, step);
    g_autofree char *label = g_strdup_printf ("Moved. %s Journey map, step: %s", where, title);

    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         label);
  }

  /* The header bar's Undo button says so. */
  {
    GtkWidget *stack[64];
    guint n = 0;

    stack[n++] = GTK_WIDGET (f->window);
    while (n > 0 && undo == NULL)
      {
        GtkWidget *w = stack[--n];

        if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), "win.undo") == 0)
          undo = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && n < G_N_ELEMENTS (stack);
             c = gtk_widget_get_next_sibling (c))
          stack[n++] = c;
      }
  }
  g_assert_nonnull (undo);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo), ==, expected);

  /* Elsewhere (the project overview), Undo brings the journey back with the step selected. */
  tandem_journey_canvas_focus_step (f->canvas, g_ptr_array_index (ordered, 0));
  tandem_window_show_object (f->window, TANDEM_OBJECT (f->document));
  tandem_ui_test_iterate ();
  g_assert_false (tandem_window_get_visible_page (f->window) == GTK_WIDGET (f->page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  tandem_ui_test_iterate ();
  g_assert_cmpstr (tandem_step_get_stage (step), ==, stage_before);
  g_assert_cmpfloat (tandem_step_get_order (step), ==, order);
  page = tandem_window_get_visible_page (f->window);
  g_assert_true (page == GTK_WIDGET (f->page));
  g_assert_true (focused_step (f) == step);
  {
    g_autofree char *label = g_strdup_printf ("Undone: Move Step “%s”. Journey map, step: %s",
                                              title, title);

    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         label);
  }
  /* Once the focus moves on, the map's name is the step's again. */
  tandem_journey_canvas_focus_step (f->canvas, g_ptr_array_index (ordered, 0));
  tandem_ui_test_iterate ();
  {
    g_autofree char *label = g_strdup_printf ("Journey map, step: %s",
                                              tandem_step_get_title (g_ptr_array_index (ordered, 0)));

    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         label);
  }
  screenshot (f, "undo-shows-where");
}

int
main (int   argc,
      char *argv[])
{
  /* The accessible description is checked, so accessibility has to be there, without a bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  tandem_ui_test_init (&argc, &argv);

#define ADD(path, setup, func) g_test_add (path, Fixture, NULL, setup, func, fixture_tear_down)
  ADD ("/journey/ui/new-journey", fixture_new_journey, test_new_journey);
  ADD ("/journey/ui/keyboard-capture", fixture_new_journey, test_keyboard_capture);
  ADD ("/journey/ui/remove-stage-of-empty-journey", fixture_new_journey,
       test_remove_stage_of_empty_journey);
  ADD ("/journey/ui/marks-and-delete", fixture_sample, test_marks_and_delete);
  ADD ("/journey/ui/votes-in-panel", fixture_sample, test_votes_in_panel);
  ADD ("/journey/ui/drag-is-one-undo-step", fixture_sample, test_drag);
  ADD ("/journey/ui/rubber-band-and-connect", fixture_sample, test_rubber_band_and_connect);
  ADD ("/journey/ui/resize-stage", fixture_sample, test_resize_stage);
  ADD ("/journey/ui/views-and-zoom", fixture_sample, test_views_and_zoom);
  ADD ("/journey/ui/fit-sample-1400x900", fixture_sample_1400x900, test_fit_sample);
  ADD ("/journey/ui/undo-names-and-shows", fixture_sample, test_undo_names_and_shows);
  ADD ("/journey/ui/clipboard", fixture_sample, test_clipboard);
  ADD ("/journey/ui/copy-before-to-after", fixture_sample, test_copy_before_to_after);
  ADD ("/journey/ui/list-view", fixture_sample, test_list_view);
  ADD ("/journey/ui/side-panel", fixture_sample, test_side_panel);
  ADD ("/journey/ui/times-as-typed", fixture_sample, test_times_as_typed);
  ADD ("/journey/ui/measures-and-structure", fixture_sample, test_measures_and_structure);
  ADD ("/journey/ui/dark-and-high-contrast", fixture_sample, test_dark_and_high_contrast);
  ADD ("/journey/ui/zoom-keys-anywhere", fixture_sample, test_zoom_keys_anywhere);
  ADD ("/journey/ui/accessible-names", fixture_sample, test_accessible_names);
  ADD ("/journey/ui/real-keys", fixture_new_journey, test_real_keys);
  ADD ("/journey/ui/overview-of-a-wide-map", fixture_sample, test_overview_of_a_wide_map);
#undef ADD

  return g_test_run ();
}
