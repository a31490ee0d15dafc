/* test-personal-data-window.c: the window asks before exporting a project whose text holds
 * personal data (issue 11, point 9)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-activity.h"
#include "tandem-appendix-dialog.h"
#include "tandem-journey.h"
#include "tandem-journey-map.h"
#include "tandem-journey-page.h"
#include "tandem-quote.h"
#include "tandem-step.h"
#include "tandem-test-util.h"
#include "tandem-ui-test-util.h"

static const char *sample_path;

static TandemWindow *
open_sample (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  g_autoptr(GFile) file = g_file_new_for_path (sample_path);

  tandem_window_load (window, file);
  tandem_ui_test_wait_idle (window);
  g_assert_nonnull (tandem_window_get_file (window));

  return window;
}

static gboolean
appendix_dialog_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gboolean shown = FALSE;

  tandem_ui_test_iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (TANDEM_IS_APPENDIX_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          shown = TRUE;
          gtk_window_destroy (window);
        }
    }

  return shown;
}

/* For a person to look at: TANDEM_TEST_SCREENSHOT=dialog.png */
static void
save_screenshot (GtkWidget *widget)
{
  const char *path = g_getenv ("TANDEM_TEST_SCREENSHOT");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  if (path == NULL)
    return;

  for (guint i = 0; i < 20; i++)
    tandem_ui_test_iterate ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* As a click on the button would: the response, then the dialog goes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  tandem_ui_test_iterate ();
}

static TandemQuote *
first_quote (TandemDocument *document,
             TandemJourney **journey_out)
{
  TandemJourney *journey = tandem_list_get (tandem_document_get_journeys (document), 0);
  TandemJourneyMap *map = tandem_journey_get_map (journey, TANDEM_MAP_SIDE_BEFORE);
  TandemList *steps = tandem_journey_map_get_steps (map);

  *journey_out = journey;
  for (guint i = 0; i < tandem_list_get_n (steps); i++)
    {
      TandemList *quotes = tandem_step_get_quotes (tandem_list_get (steps, i));

      if (tandem_list_get_n (quotes) > 0)
        return tandem_list_get (quotes, 0);
    }

  g_assert_not_reached ();
}

static void
test_asks_before_export (void)
{
  TandemWindow *window = open_sample ();
  TandemDocument *document = tandem_window_get_document (window);
  TandemActivity *activity = tandem_list_get (tandem_document_get_activities (document), 0);
  TandemJourney *journey;
  TandemQuote *quote = first_quote (document, &journey);
  g_autofree char *activity_where = NULL;
  g_autofree char *said = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *row, *go_to;

  /* Nothing personal in the sample: Export Appendix goes straight to its dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-appendix", NULL));
  g_assert_null (tandem_ui_test_find_dialog (GTK_WINDOW (window)));
  g_assert_true (appendix_dialog_shown ());

  tandem_document_begin (document, "Edit notes");
  tandem_activity_set_notes (activity, "Call-back list: alice.jones@example.com");
  said = g_strconcat (tandem_quote_get_text (quote), " My NHS number is 943 476 5919.", NULL);
  tandem_quote_set_text (quote, said);
  tandem_document_commit (document);
  activity_where = g_strdup_printf ("Activity “%s”, notes", tandem_activity_get_title (activity));

  /* The question names each finding and what kind, never the whole of it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-appendix", NULL));
  dialog = tandem_ui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Personal Data in the Project");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "proceed"), ==,
                   "_Export Anyway");
  row = tandem_ui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, activity_where);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "an email address (a…@…)");
  save_screenshot (GTK_WIDGET (dialog));

  /* Cancel: nothing is exported. */
  respond (dialog, "cancel");
  g_assert_false (appendix_dialog_shown ());

  /* Export Anyway: the export dialog comes as before. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-appendix", NULL));
  dialog = tandem_ui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  respond (dialog, "proceed");
  g_assert_true (appendix_dialog_shown ());

  /* Print asks the same, with its own words. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  dialog = tandem_ui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "proceed"), ==,
                   "_Print Anyway");

  /* Go To opens the page that holds the quote and drops the export. */
  {
    g_autofree char *quote_where = NULL;
    GtkWidget *quote_row;
    TandemStep *step = TANDEM_STEP (tandem_object_get_parent (TANDEM_OBJECT (quote)));

    quote_where = g_strdup_printf ("Journey “%s”, a quote on step “%s”, the words",
                                   tandem_journey_get_title (journey), tandem_step_get_title (step));
    quote_row = tandem_ui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, quote_where);
    g_assert_nonnull (quote_row);
    go_to = tandem_ui_test_find_widget (quote_row, GTK_TYPE_BUTTON, "_Go To");
    g_assert_nonnull (go_to);
    tandem_ui_test_press_button (go_to);
    tandem_ui_test_iterate ();
    g_assert_null (tandem_ui_test_find_dialog (GTK_WINDOW (window)));
    g_assert_false (appendix_dialog_shown ());
    g_assert_true (TANDEM_IS_JOURNEY_PAGE (tandem_window_get_visible_page (window)));
  }

  /* A journey's map export asks only about that journey. */
  g_assert_true (gtk_widget_activate_action (tandem_window_get_visible_page (window),
                                             "journey.export", NULL));
  dialog = tandem_ui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_null (tandem_ui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                             activity_where));
  respond (dialog, "cancel");

  /* With the text fixed, nothing is asked. */
  tandem_document_begin (document, "Edit notes");
  tandem_activity_set_notes (activity, "Call-back list kept by the library.");
  tandem_quote_set_text (quote, "We waited for hours.");
  tandem_document_commit (document);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-appendix", NULL));
  g_assert_null (tandem_ui_test_find_dialog (GTK_WINDOW (window)));
  g_assert_true (appendix_dialog_shown ());

  tandem_window_save_to (window, tandem_window_get_file (window));
  tandem_ui_test_wait_idle (window);
  tandem_ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *scratch = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  tandem_ui_test_init (&argc, &argv);
  scratch = tandem_test_make_temp_dir ();
  g_assert_nonnull (g_getenv ("TANDEM_SAMPLE"));
  /* A copy, since the test edits the project. */
  g_assert_true (g_file_get_contents (g_getenv ("TANDEM_SAMPLE"), &contents, &length, NULL));
  copy = g_build_filename (scratch, "riverside.tandem", NULL);
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  sample_path = copy;

  g_test_add_func ("/personal-data/window/asks-before-export", test_asks_before_export);

  return g_test_run ();
}
