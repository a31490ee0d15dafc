/* test-projector.c: projector mode in a real window under Xvfb, at a projector's 1920×1080
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
#include "tandem-journey-edit.h"
#include "tandem-journey-measures.h"
#include "tandem-journey-metrics.h"
#include "tandem-journey-page.h"
#include "tandem-projector-view.h"
#include "tandem-quote.h"
#include "tandem-test-util.h"
#include "tandem-ui-test-util.h"

/*
 * Keys are dispatched as GTK dispatches them: first the capture phase from the projector view
 * down (the view reads the arrows, S and Esc there), then the focused widget's shortcuts and
 * key controllers, then its ancestors'.
 *
 * With TANDEM_SCREENSHOT_DIR set, the test also saves pictures of the window on the way.
 */

#define CONSENTED "We sat in the corridor for three hours and nobody said why."
#define WITHHELD  "My neighbour, a nurse, told me the ward was short of staff."

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

  return FALSE;
}

static gboolean
run_controllers (GtkWidget           *w,
                 GtkPropagationPhase  phase,
                 guint                keyval,
                 GdkModifierType      modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (w);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;

      if (GTK_IS_SHORTCUT_CONTROLLER (controller))
        {
          for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);

              if (shortcut_matches (shortcut, keyval, modifiers) &&
                  gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, w,
                                                gtk_shortcut_get_arguments (shortcut)))
                return TRUE;
            }
        }
      else if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, modifiers, &handled);
          if (handled)
            return TRUE;
        }
    }

  return FALSE;
}

/* A key press where the keyboard focus is: capture from the window down, then bubble up. */
static gboolean
press (Fixture         *f,
       guint            keyval,
       GdkModifierType  modifiers)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  gboolean handled = FALSE;

  g_assert_nonnull (focus);
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_insert (path, 0, w);

  for (guint i = 0; i < path->len && !handled; i++)
    handled = run_controllers (g_ptr_array_index (path, i), GTK_PHASE_CAPTURE, keyval, modifiers);
  for (guint i = path->len; i > 0 && !handled; i--)
    handled = run_controllers (g_ptr_array_index (path, i - 1), GTK_PHASE_BUBBLE, keyval, modifiers);

  tandem_ui_test_iterate ();
  return handled;
}

static void
type_into (GtkWidget  *editable,
           const char *text)
{
  int position = gtk_editable_get_position (GTK_EDITABLE (editable));

  gtk_editable_insert_text (GTK_EDITABLE (editable), text, -1, &position);
  gtk_editable_set_position (GTK_EDITABLE (editable), position);
  tandem_ui_test_iterate ();
}

static void
screenshot (Fixture    *f,
            const char *name)
{
  tandem_ui_test_screenshot (GTK_WINDOW (f->window), name);
}

/* All the text the view shows in labels, one line each. */
static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

static char *
shown_text (GtkWidget *view)
{
  GString *text = g_string_new (NULL);

  collect_labels (view, text);
  return g_string_free (text, FALSE);
}

/* The first button below @root whose action or tooltip is @what. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *what)
{
  if (GTK_IS_BUTTON (root) &&
      (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), what) == 0 ||
       g_strcmp0 (gtk_widget_get_tooltip_text (root), what) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, what);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GPtrArray *
before_in_order (Fixture *f)
{
  return tandem_journey_map_steps_in_order (tandem_journey_get_map (f->journey,
                                                                     TANDEM_MAP_SIDE_BEFORE));
}

static void
fixture_sample (Fixture       *f,
                gconstpointer  data)
{
  f->window = tandem_ui_test_new_window ();
  /* A projector's screen. Without a window manager under Xvfb, full screen is asked for but
   * never granted, so the window is given the projector's size itself. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1920, 1080);
  tandem_ui_test_iterate ();
  f->page = TANDEM_JOURNEY_PAGE (tandem_ui_test_open_sample_journey (f->window));
  f->document = tandem_window_get_document (f->window);
  f->canvas = tandem_journey_page_get_canvas (f->page);
  f->journey = tandem_journey_page_get_journey (f->page);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  tandem_document_mark_saved (f->document, tandem_document_get_state (f->document));
  tandem_ui_test_close_window (f->window);
}

static TandemProjectorView *
wait_for_projector (Fixture *f)
{
  TandemProjectorView *view = TANDEM_PROJECTOR_VIEW (tandem_window_get_projector (f->window));
  TandemJourneyCanvas *canvas = tandem_projector_view_get_canvas (view);

  while (gtk_widget_get_width (GTK_WIDGET (canvas)) <= 1)
    g_main_context_iteration (NULL, TRUE);
  tandem_ui_test_iterate ();

  return view;
}

/* Tests */

static void
test_projector_mode (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) ordered = before_in_order (f);
  GtkWidget *leaflet = gtk_widget_get_ancestor (GTK_WIDGET (f->page), ADW_TYPE_LEAFLET);
  TandemProjectorView *view;
  TandemJourneyCanvas *canvas;
  TandemStep *quoted, *added;
  gboolean side_panel_before;
  guint n_before;

  g_assert_nonnull (leaflet);
  g_assert_cmpuint (ordered->len, >=, 4);
  g_object_get (f->page, "side-panel", &side_panel_before, NULL);

  /* The second step carries one quote shared with consent and one without. */
  quoted = g_ptr_array_index (ordered, 1);
  {
    g_autoptr(TandemQuote) shared = tandem_quote_new ();
    g_autoptr(TandemQuote) withheld = tandem_quote_new ();

    tandem_quote_set_text (shared, CONSENTED);
    tandem_quote_set_speaker_role (shared, "Parent");
    tandem_quote_set_consent (shared, TRUE);
    tandem_quote_set_text (withheld, WITHHELD);
    tandem_quote_set_consent (withheld, FALSE);
    tandem_document_begin (f->document, "Add quotes");
    tandem_list_append (tandem_step_get_quotes (quoted), shared);
    tandem_list_append (tandem_step_get_quotes (quoted), withheld);
    tandem_document_commit (f->document);
  }

  /* F5 on the map: full screen, sidebar and panels gone, the map and the step panel instead. */
  gtk_widget_grab_focus (GTK_WIDGET (f->canvas));
  tandem_ui_test_iterate ();
  g_assert_true (press (f, GDK_KEY_F5, 0));
  g_assert_nonnull (tandem_window_get_projector (f->window));
  view = wait_for_projector (f);
  canvas = tandem_projector_view_get_canvas (view);
  g_assert_true (tandem_window_get_fullscreen_requested (f->window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_false (gtk_widget_get_mapped (leaflet));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         GTK_WIDGET (view)));

  /* Card titles large enough for the back of the room: the painter's title size times the
   * view's scale, at normal text size. */
  g_assert_cmpfloat (tandem_projector_view_get_text_scale (view), ==, 1.0);
  g_assert_cmpfloat (TANDEM_JOURNEY_FONT_CARD_TITLE * tandem_journey_canvas_get_zoom (canvas),
                     >=, 24.0 - 1e-6);
  g_assert_cmpfloat (tandem_projector_view_get_title_pixels (view), >=, 24.0 - 1e-6);
  /* At a projector's size when the screen has it (build-aux/test runs Xvfb at 1920×1080; GTK
   * keeps a window within its monitor), the map has most of the width. */
  {
    GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
    GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface),
                                                              surface);
    GdkRectangle geometry;

    if (monitor != NULL)
      gdk_monitor_get_geometry (monitor, &geometry);
    else
      geometry.width = geometry.height = 0;
    if (geometry.width >= 1920 && geometry.height >= 1080)
      {
        g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), >=, 1900);  /* less the shadow */
        g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), >=, 1300);
      }
    else
      {
        g_test_message ("The screen is %dx%d, smaller than a projector's 1920x1080",
                        geometry.width, geometry.height);
      }
  }

  /* Starting on the first step, the arrows walk the steps in journey order. */
  g_assert_true (tandem_projector_view_get_current_step (view) == g_ptr_array_index (ordered, 0));
  screenshot (f, "projector-whole-map");
  for (guint i = 1; i < ordered->len; i++)
    {
      TandemStep *expected = g_ptr_array_index (ordered, i);
      cairo_rectangle_t rect, viewport;

      g_assert_true (press (f, i % 2 ? GDK_KEY_Right : GDK_KEY_Down, 0));
      g_assert_true (tandem_projector_view_get_current_step (view) == expected);
      /* Highlighted alone, and in view. */
      g_assert_true (tandem_journey_selection_contains (tandem_journey_canvas_get_selection (canvas),
                                                         expected));
      g_assert_cmpuint (g_hash_table_size (tandem_journey_selection_get_set (tandem_journey_canvas_get_selection (canvas))),
                        ==, 1);
      g_assert_true (tandem_journey_figure_get_step_rect (tandem_journey_canvas_get_figure (canvas),
                                                          expected, &rect));
      tandem_journey_canvas_get_viewport (canvas, &viewport);
      /* Clear of the lane titles pinned at the left edge. */
      g_assert_cmpfloat (rect.x, >=, viewport.x + TANDEM_JOURNEY_LANE_HEADER_WIDTH - 1);
      g_assert_cmpfloat (rect.x + rect.width, <=, viewport.x + viewport.width + 1);
      g_assert_cmpfloat (rect.y, >=, viewport.y - 1);
      g_assert_cmpfloat (rect.y + rect.height, <=, viewport.y + viewport.height + 1);
    }
  for (guint i = ordered->len - 1; i > 1; i--)
    g_assert_true (press (f, i % 2 ? GDK_KEY_Left : GDK_KEY_Up, 0));
  g_assert_true (tandem_projector_view_get_current_step (view) == quoted);

  /* Only the quote shared with consent is told to the room; the other is counted. */
  {
    g_autofree char *text = shown_text (GTK_WIDGET (view));

    g_assert_nonnull (strstr (text, CONSENTED));
    g_assert_null (strstr (text, WITHHELD));
    g_assert_nonnull (strstr (text, "1 quote is not shown"));
    g_assert_nonnull (strstr (text, tandem_step_get_title (quoted)));
    g_assert_nonnull (strstr (text, "How it felt: "));
  }
  screenshot (f, "projector-quotes");

  /* Capture goes on: Enter adds a step after the current one, with its title open. */
  n_before = ordered->len;
  g_assert_true (press (f, GDK_KEY_Return, 0));
  g_assert_true (tandem_journey_canvas_is_editing (canvas));
  type_into (tandem_journey_canvas_get_editor (canvas), "Triage nurse calls back");
  /* The panel reads the title as it is typed. */
  {
    g_autofree char *text = shown_text (GTK_WIDGET (view));

    g_assert_nonnull (strstr (text, "Triage nurse calls back\n"));
  }
  screenshot (f, "projector-typing");
  g_assert_true (press (f, GDK_KEY_Return, 0));
  /* Enter opened the next step, as on the canvas; Esc closes that empty one and stays. */
  g_assert_true (tandem_journey_canvas_is_editing (canvas));
  g_assert_true (press (f, GDK_KEY_Escape, 0));
  g_assert_false (tandem_journey_canvas_is_editing (canvas));
  g_assert_nonnull (tandem_window_get_projector (f->window));
  {
    g_autoptr(GPtrArray) now = before_in_order (f);

    g_assert_cmpuint (now->len, ==, n_before + 1);
    g_assert_true (g_ptr_array_index (now, 1) == quoted);
    added = g_ptr_array_index (now, 2);
    g_assert_cmpstr (tandem_step_get_title (added), ==, "Triage nurse calls back");
    g_assert_true (tandem_projector_view_get_current_step (view) == added);
  }

  /* Polling the room: each key 1 to 5 is one anonymous vote for the current step, and one
   * undo takes back one vote. */
  {
    TandemFeelingSpread spread;

    g_assert_cmpuint (tandem_list_get_n (tandem_step_get_votes (added)), ==, 0);
    g_assert_true (press (f, GDK_KEY_2, 0));
    g_assert_true (press (f, GDK_KEY_2, 0));
    g_assert_true (press (f, GDK_KEY_5, 0));
    g_assert_true (press (f, GDK_KEY_KP_1, 0));
    tandem_step_get_spread (added, &spread);
    g_assert_cmpuint (spread.n_votes, ==, 4);
    g_assert_cmpuint (spread.counts[TANDEM_FEELING_BAD], ==, 2);
    g_assert_cmpuint (spread.counts[TANDEM_FEELING_VERY_GOOD], ==, 1);
    g_assert_cmpuint (spread.counts[TANDEM_FEELING_VERY_BAD], ==, 1);
    g_assert_cmpint (tandem_step_get_feeling (added), ==, TANDEM_FEELING_BAD);
    g_assert_true (tandem_document_undo (f->document));
    g_assert_cmpuint (tandem_list_get_n (tandem_step_get_votes (added)), ==, 3);
    g_assert_true (tandem_projector_view_get_current_step (view) == added);
  }

  /* S: the current step's stage alone, still at the projector scale; S again: the whole map. */
  g_assert_false (tandem_projector_view_get_one_stage (view));
  g_assert_true (press (f, GDK_KEY_s, 0));
  g_assert_true (tandem_projector_view_get_one_stage (view));
  g_assert_cmpfloat (tandem_projector_view_get_title_pixels (view), >=, 24.0 - 1e-6);
  {
    TandemJourneyLayout *layout = tandem_journey_figure_get_layout (tandem_journey_canvas_get_figure (canvas),
                                                                    TANDEM_MAP_SIDE_BEFORE);
    cairo_rectangle_t viewport;
    int stage = tandem_journey_stage_index (f->journey, tandem_step_get_stage (added));
    const TandemStageGeometry *geometry = tandem_journey_layout_get_stage (layout, stage);

    double zoom = tandem_journey_canvas_get_zoom (canvas);
    cairo_rectangle_t rect;

    tandem_journey_canvas_get_viewport (canvas, &viewport);
    if ((geometry->width + 2 * TANDEM_JOURNEY_LANE_HEADER_WIDTH) * zoom <=
        gtk_widget_get_width (GTK_WIDGET (canvas)))
      {
        /* A stage that fits at the projector scale is in the middle of the view, whole. */
        g_assert_cmpfloat (geometry->x, >=, viewport.x + TANDEM_JOURNEY_LANE_HEADER_WIDTH - 1);
        g_assert_cmpfloat (geometry->x + geometry->width, <=, viewport.x + viewport.width + 1);
        g_assert_cmpfloat (fabs (geometry->x + geometry->width / 2 -
                                 (viewport.x + viewport.width / 2)), <, 2);
      }

    /* The current step is in view, clear of the pinned lane titles, either way. */
    g_assert_true (tandem_journey_figure_get_step_rect (tandem_journey_canvas_get_figure (canvas),
                                                        added, &rect));
    g_assert_cmpfloat (rect.x, >=, viewport.x + TANDEM_JOURNEY_LANE_HEADER_WIDTH - 1);
    g_assert_cmpfloat (rect.x + rect.width, <=, viewport.x + viewport.width + 1);
  }
  screenshot (f, "projector-one-stage");
  g_assert_true (press (f, GDK_KEY_S, GDK_SHIFT_MASK));
  g_assert_false (tandem_projector_view_get_one_stage (view));

  /* The desktop's large text makes the map larger too. */
  {
    GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (view));
    int dpi;

    g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
    g_object_set (settings, "gtk-xft-dpi", (int) (96 * 1024 * 1.5), NULL);
    tandem_ui_test_iterate ();
    g_assert_cmpfloat (fabs (tandem_projector_view_get_text_scale (view) - 1.5), <, 1e-6);
    g_assert_cmpfloat (tandem_projector_view_get_title_pixels (view), >=, 36.0 - 1e-6);
    g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
    tandem_ui_test_iterate ();
  }

  /* Esc leaves: the window as it was, the page's map on the step the room reached. */
  g_assert_true (press (f, GDK_KEY_Escape, 0));
  g_assert_null (tandem_window_get_projector (f->window));
  g_assert_false (tandem_window_get_fullscreen_requested (f->window));
  tandem_ui_test_iterate ();
  g_assert_true (gtk_widget_get_mapped (leaflet));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
  {
    gboolean side_panel;
    TandemObject *focus = tandem_journey_selection_get_focus (tandem_journey_canvas_get_selection (f->canvas));

    g_object_get (f->page, "side-panel", &side_panel, NULL);
    g_assert_cmpint (side_panel, ==, side_panel_before);
    g_assert_true (focus == TANDEM_OBJECT (added));
    g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->canvas)));
  }
}

/* The button in the journey's header bar enters projector mode too. */
static void
test_projector_button (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *button = find_button (GTK_WIDGET (f->page), "win.projector");

  g_assert_nonnull (button);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Projector mode");
  g_signal_emit_by_name (button, "clicked");
  tandem_ui_test_iterate ();
  g_assert_nonnull (tandem_window_get_projector (f->window));
  wait_for_projector (f);

  /* The Leave button, for those who do not know Esc. */
  button = find_button (tandem_window_get_projector (f->window), "Leave projector mode (Esc)");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  tandem_ui_test_iterate ();
  g_assert_null (tandem_window_get_projector (f->window));
}

/* Undoing the journey's creation leaves projector mode, with nothing lost or left dangling. */
static void
test_projector_journey_removed (Fixture       *f,
                                gconstpointer  data)
{
  TandemJourneyPage *page;
  guint n = tandem_list_get_n (tandem_document_get_journeys (f->document));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-journey", NULL));
  tandem_ui_test_iterate ();
  page = TANDEM_JOURNEY_PAGE (tandem_window_get_visible_page (f->window));
  g_assert_cmpuint (tandem_list_get_n (tandem_document_get_journeys (f->document)), ==, n + 1);
  g_assert_true (press (f, GDK_KEY_F5, 0));
  wait_for_projector (f);
  (void) page;

  /* An empty journey: Enter adds its first step, named as typed. */
  g_assert_true (press (f, GDK_KEY_Return, 0));
  {
    TandemProjectorView *view = TANDEM_PROJECTOR_VIEW (tandem_window_get_projector (f->window));
    TandemJourneyCanvas *canvas = tandem_projector_view_get_canvas (view);

    g_assert_true (tandem_journey_canvas_is_editing (canvas));
    type_into (tandem_journey_canvas_get_editor (canvas), "Calls 111");
    tandem_journey_canvas_commit_editing (canvas);
    tandem_ui_test_iterate ();
    g_assert_cmpstr (tandem_step_get_title (tandem_projector_view_get_current_step (view)), ==,
                     "Calls 111");
  }

  /* Undo the step, then the journey. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  tandem_ui_test_iterate ();
  g_assert_nonnull (tandem_window_get_projector (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  tandem_ui_test_iterate ();
  g_assert_cmpuint (tandem_list_get_n (tandem_document_get_journeys (f->document)), ==, n);
  g_assert_null (tandem_window_get_projector (f->window));
  g_assert_false (tandem_window_get_fullscreen_requested (f->window));
}

int
main (int   argc,
      char *argv[])
{
  /* The button's accessible name is checked, so accessibility has to be there, without a bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  tandem_ui_test_init (&argc, &argv);

  g_test_add ("/projector/mode", Fixture, NULL, fixture_sample, test_projector_mode,
              fixture_tear_down);
  g_test_add ("/projector/journey-removed", Fixture, NULL, fixture_sample,
              test_projector_journey_removed, fixture_tear_down);
  g_test_add ("/projector/button", Fixture, NULL, fixture_sample, test_projector_button,
              fixture_tear_down);

  return g_test_run ();
}
