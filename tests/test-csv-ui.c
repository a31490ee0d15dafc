/* test-csv-ui.c: the preview of an engagement log imported from a spreadsheet, in a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tandem-activity.h"
#include "tandem-csv-import-dialog.h"
#include "tandem-list.h"
#include "tandem-test-util.h"
#include "tandem-ui-test-util.h"
#include "tandem-window.h"

static TandemCsvImport *
preview (TandemDocument *document,
         const char     *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "csv", name, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  TandemCsvImport *import;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  import = tandem_csv_import_new (document, data, length, &error);
  g_assert_no_error (error);

  return import;
}

/* Every label, button label and row title and subtitle under @widget, one a line. */
static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
show (GtkWidget *dialog)
{
  gtk_window_present (GTK_WINDOW (dialog));
  while (!gtk_widget_get_mapped (dialog))
    g_main_context_iteration (NULL, TRUE);
  tandem_ui_test_iterate ();

  /* TANDEM_TEST_SCREENSHOT=DIR: a picture of the screen, to look at. */
  if (g_getenv ("TANDEM_TEST_SCREENSHOT") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("TANDEM_TEST_SCREENSHOT"),
                                                strrchr (g_test_get_path (), '/') + 1, NULL);
      g_autofree char *command = g_strdup_printf ("import -window root %s.png", path);

      g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
    }
}

/* Bad rows: each problem is shown with its row and column; the only way in is to leave the
 * bad rows out, which imports the good one in one undo step. */
static void
test_bad_rows (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  TandemList *activities = tandem_document_get_activities (document);
  guint n = tandem_list_get_n (activities);
  GtkWidget *dialog = tandem_csv_import_dialog_new (GTK_WINDOW (window),
                                                    preview (document, "bad-date.csv"),
                                                    "bad-date.csv");
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *leave_out;
  GtkWidget *import;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  show (dialog);
  collect_text (dialog, text);
  g_test_message ("%s", text->str);

  g_assert_nonnull (strstr (text->str, "2 of 3 rows have problems"));
  g_assert_nonnull (strstr (text->str, "Row 3, Date\n"));
  g_assert_nonnull (strstr (text->str, "“31/02/2026” is not a date: there is no such day."));
  g_assert_nonnull (strstr (text->str, "Row 4, Date\n"));
  g_assert_nonnull (strstr (text->str, "Read as Activity"));

  import = find_button (dialog, "_Import 1 Activity");
  g_assert_nonnull (import);
  g_assert_false (gtk_widget_get_visible (import));
  leave_out = find_button (dialog, "_Leave Out the 2 Bad Rows");
  g_assert_nonnull (leave_out);
  g_assert_true (gtk_widget_get_visible (leave_out));
  g_assert_cmpuint (tandem_list_get_n (activities), ==, n);

  tandem_ui_test_press_button (leave_out);
  g_assert_null (dialog);
  g_assert_cmpuint (tandem_list_get_n (activities), ==, n + 1);
  g_assert_cmpstr (tandem_activity_get_title (tandem_list_get (activities, n)), ==, "Drop-in");
  g_assert_cmpstr (tandem_document_get_undo_label (document), ==, "Import engagement log");

  tandem_document_undo (document);
  g_assert_cmpuint (tandem_list_get_n (activities), ==, n);
  tandem_ui_test_close_window (window);
}

/* A good file: the columns as read, and one button that imports every row. */
static void
test_good_file (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  TandemList *activities = tandem_document_get_activities (document);
  guint n = tandem_list_get_n (activities);
  GtkWidget *dialog = tandem_csv_import_dialog_new (GTK_WINDOW (window),
                                                    preview (document, "good-no-bom.csv"),
                                                    "good-no-bom.csv");
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *import;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  show (dialog);
  collect_text (dialog, text);

  g_assert_nonnull (strstr (text->str, "2 activities are ready to import."));
  g_assert_nonnull (strstr (text->str, "number_of_people\nRead as Number of people\n"));
  g_assert_false (gtk_widget_get_visible (find_button (dialog, "_Leave Out the 0 Bad Rows")));

  import = find_button (dialog, "_Import 2 Activities");
  g_assert_true (gtk_widget_get_visible (import));
  g_assert_true (gtk_widget_get_sensitive (import));
  tandem_ui_test_press_button (import);
  g_assert_null (dialog);
  g_assert_cmpuint (tandem_list_get_n (activities), ==, n + 2);

  tandem_document_undo (document);
  tandem_ui_test_close_window (window);
}

/* Text from the file is shown as written, never read as Pango markup. */
static void
test_text_not_markup (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  GtkWidget *dialog = tandem_csv_import_dialog_new (GTK_WINDOW (window),
                                                    preview (document, "markup.csv"),
                                                    "markup.csv");
  g_autoptr(GString) text = g_string_new (NULL);

  show (dialog);
  collect_text (dialog, text);
  g_assert_nonnull (strstr (text->str, "“<b>soon & later” is not a date"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  tandem_ui_test_close_window (window);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* The main menu's commands, through GTK's own file chooser: Export Activities as CSV… writes
 * the file, and Import Engagement Log… reads it back into the preview. */
static void
test_menu_commands (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  TandemList *activities = tandem_document_get_activities (document);
  g_autofree char *folder_path = tandem_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (folder_path, "activities.csv", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TandemActivity) activity = tandem_activity_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GtkFileChooser *chooser;
  GtkWindow *dialog;

  tandem_document_begin (document, "Add activity");
  tandem_activity_set_title (activity, "+ Stall at the market");
  tandem_activity_set_date (activity, "2026-03-01");
  tandem_list_append (activities, activity);
  tandem_document_commit (document);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-activities-csv",
                                             NULL));
  tandem_ui_test_iterate ();
  chooser = GTK_FILE_CHOOSER (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_nonnull (chooser);
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (chooser, "activities.csv");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "\r\n\"'+ Stall at the market\",\"2026-03-01\""));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-csv", NULL));
  tandem_ui_test_iterate ();
  chooser = GTK_FILE_CHOOSER (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_nonnull (chooser);
  g_assert_true (gtk_file_chooser_set_file (chooser, file, &error));
  g_assert_no_error (error);
  /* The chooser selects the file once it has read the folder. */
  while (TRUE)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (chooser);

      if (chosen != NULL && g_file_equal (chosen, file))
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  while ((dialog = find_toplevel (TANDEM_TYPE_CSV_IMPORT_DIALOG)) == NULL)
    {
      GtkWindow *message = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

      if (message != NULL)
        g_error ("%s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)));
      g_main_context_iteration (NULL, TRUE);
    }

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  tandem_ui_test_press_button (find_button (GTK_WIDGET (dialog), "_Import 1 Activity"));
  g_assert_null (dialog);
  g_assert_cmpuint (tandem_list_get_n (activities), ==, 2);
  g_assert_cmpstr (tandem_activity_get_title (tandem_list_get (activities, 1)), ==,
                   "+ Stall at the market");

  tandem_document_undo (document);
  tandem_document_undo (document);
  tandem_ui_test_close_window (window);
  tandem_test_remove_tree (folder_path);
}

#if defined(__SANITIZE_ADDRESS__)
/* As test-async-ui: GTK's file chooser keeps process-wide singletons LeakSanitizer reports. */
static void
test_menu_commands_skipped (void)
{
  g_test_skip ("GTK's file chooser keeps process-wide singletons that LeakSanitizer reports");
}
#endif

int
main (int   argc,
      char *argv[])
{
  tandem_ui_test_init (&argc, &argv);
  tandem_ui_test_set_reviewer ("Sam Reviewer", "Board secretary");

  g_test_add_func ("/csv/ui/bad-rows", test_bad_rows);
  g_test_add_func ("/csv/ui/good-file", test_good_file);
  g_test_add_func ("/csv/ui/text-not-markup", test_text_not_markup);
#if defined(__SANITIZE_ADDRESS__)
  g_test_add_func ("/csv/ui/menu-commands", test_menu_commands_skipped);
  (void) test_menu_commands;
#else
  g_test_add_func ("/csv/ui/menu-commands", test_menu_commands);
#endif

  return g_test_run ();
}
