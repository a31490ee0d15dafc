/* test-window.c: the application in a real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "tandem-attachment-cache.h"
#include "tandem-condition.h"
#include "tandem-overview-page.h"
#include "tandem-storage.h"
#include "tandem-test-util.h"
#include "tandem-ui-test-util.h"

static char *scratch;

static char *
scratch_path (const char *name)
{
  return g_build_filename (scratch, name, NULL);
}

static AdwEntryRow *
title_row (TandemWindow *window)
{
  GtkWidget *page = tandem_window_get_visible_page (window);

  g_assert_true (TANDEM_IS_OVERVIEW_PAGE (page));
  return ADW_ENTRY_ROW (tandem_ui_test_find_widget (page, ADW_TYPE_ENTRY_ROW, "_Title"));
}

/* As a user types: one insertion per character, through the entry. */
static void
type_text (GtkEditable *editable,
           const char  *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (editable));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = -1;
      char buffer[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), buffer);
      position = gtk_editable_get_position (editable);
      gtk_editable_insert_text (editable, buffer, -1, &position);
      gtk_editable_set_position (editable, position);
    }
}

static void
activate (TandemWindow *window,
          const char   *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  tandem_ui_test_iterate ();
}

static void
test_edit_undo_save_reopen (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  AdwEntryRow *row = title_row (window);
  g_autofree char *path = scratch_path ("created.tandem");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TandemWindow *reopened;

  g_assert_true (tandem_window_is_pristine (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Untitled Project — Tandem");

  type_text (GTK_EDITABLE (row), "Riverside");
  g_assert_cmpstr (tandem_document_get_title (document), ==, "Riverside");
  /* Typing into one field is one undo step; the title shows the unsaved-changes marker. */
  g_assert_cmpuint (tandem_document_get_undo_depth (document), ==, 1);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "*Riverside"));

  activate (window, "win.undo");
  g_assert_cmpstr (tandem_document_get_title (document), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  g_assert_false (tandem_document_get_modified (document));

  activate (window, "win.redo");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Riverside");

  tandem_window_save_to (window, file);
  tandem_ui_test_wait_idle (window);
  g_assert_null (tandem_ui_test_find_dialog (GTK_WINDOW (window)));
  g_assert_false (tandem_document_get_modified (document));
  g_assert_true (g_file_equal (tandem_window_get_file (window), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "created — Tandem");

  /* Saved files are remembered in the desktop's recent files, as Tandem documents. */
  {
    g_autofree char *uri = g_file_get_uri (file);
    GtkRecentInfo *info = gtk_recent_manager_lookup_item (gtk_recent_manager_get_default (), uri, NULL);

    g_assert_nonnull (info);
    g_assert_cmpstr (gtk_recent_info_get_mime_type (info), ==, "application/x-tandem");
    gtk_recent_info_unref (info);
  }

  /* Opening the same file again presents the window that has it. */
  tandem_application_open_file (tandem_ui_test_get_application (), file);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (tandem_ui_test_get_application ()))), ==, 1);

  tandem_ui_test_close_window (window);

  reopened = tandem_ui_test_new_window ();
  tandem_window_load (reopened, file);
  tandem_ui_test_wait_idle (reopened);
  g_assert_cmpstr (tandem_document_get_title (tandem_window_get_document (reopened)), ==, "Riverside");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row (reopened))), ==, "Riverside");
  g_assert_false (tandem_document_can_undo (tandem_window_get_document (reopened)));
  tandem_ui_test_close_window (reopened);
}

static void
test_close_asks_about_unsaved_changes (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  AdwMessageDialog *dialog;
  g_autoptr(GtkWidget) keep = g_object_ref (GTK_WIDGET (window));

  type_text (GTK_EDITABLE (title_row (window)), "Unsaved");

  gtk_window_close (GTK_WINDOW (window));
  dialog = tandem_ui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));

  /* Cancel keeps the window and the work. */
  adw_message_dialog_response (dialog, "cancel");
  tandem_ui_test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpstr (tandem_document_get_title (tandem_window_get_document (window)), ==, "Unsaved");

  /* Discard closes it. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = tandem_ui_test_find_dialog (GTK_WINDOW (window));
  adw_message_dialog_response (dialog, "discard");
  tandem_ui_test_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
}

static void
test_close_save_then_close (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  g_autofree char *path = scratch_path ("close-save.tandem");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GtkWidget) keep = g_object_ref (GTK_WIDGET (window));
  g_autoptr(TandemDocument) saved = NULL;
  AdwMessageDialog *dialog;

  tandem_window_save_to (window, file);
  tandem_ui_test_wait_idle (window);
  type_text (GTK_EDITABLE (title_row (window)), "Saved on close");

  gtk_window_close (GTK_WINDOW (window));
  dialog = tandem_ui_test_find_dialog (GTK_WINDOW (window));
  adw_message_dialog_response (dialog, "save");
  tandem_ui_test_wait_idle (window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));

  saved = tandem_storage_load (file, NULL, NULL);
  g_assert_cmpstr (tandem_document_get_title (saved), ==, "Saved on close");
}

static void
test_open_bad_file_keeps_document (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  g_autofree char *path = scratch_path ("notes.tandem");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;

  type_text (GTK_EDITABLE (title_row (window)), "Work in progress");
  g_file_set_contents (path, "meeting notes", -1, NULL);

  tandem_window_load (window, file);
  tandem_ui_test_wait_idle (window);

  dialog = tandem_ui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open “notes.tandem”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not a Tandem document"));
  adw_message_dialog_response (dialog, "close");

  g_assert_cmpstr (tandem_document_get_title (tandem_window_get_document (window)), ==,
                   "Work in progress");
  g_assert_null (tandem_window_get_file (window));

  tandem_document_undo (tandem_window_get_document (window));
  tandem_ui_test_close_window (window);
}

static void
test_save_failure_keeps_everything (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  g_autofree char *path = scratch_path ("readonly.tandem");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;

  tandem_window_save_to (window, file);
  tandem_ui_test_wait_idle (window);
  g_chmod (path, 0444);

  type_text (GTK_EDITABLE (title_row (window)), "Changed");
  tandem_window_save_to (window, file);
  tandem_ui_test_wait_idle (window);

  dialog = tandem_ui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "read-only"));
  adw_message_dialog_response (dialog, "close");
  g_assert_true (tandem_document_get_modified (tandem_window_get_document (window)));

  tandem_document_undo (tandem_window_get_document (window));
  tandem_ui_test_close_window (window);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Runs the main loop until the banner is shown (or hidden), for at most 30 seconds: the
 * recovery copy is written a few seconds after an edit. */
static gboolean
wait_for_banner (GtkRevealer *banner,
                 gboolean     shown)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (gtk_revealer_get_reveal_child (banner) != shown &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  return gtk_revealer_get_reveal_child (banner) == shown;
}

static void
test_recovery_banner (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "tandem", "recovery", NULL);
  g_autofree char *aside = g_strconcat (folder, ".aside", NULL);
  TandemWindow *window;
  GtkRevealer *banner;
  GtkLabel *label;
  gboolean shown;

  if (!g_str_has_prefix (g_get_user_data_dir (), g_get_tmp_dir ()))
    {
      g_test_skip ("this test replaces the recovery folder; run it through build-aux/test, "
                   "which gives it a scratch home");
      return;
    }

  /* A file where the recovery folder should be: no copy can be written. */
  g_mkdir_with_parents (folder, 0700);
  g_assert_cmpint (g_rename (folder, aside), ==, 0);
  g_assert_true (g_file_set_contents (folder, "in the way", -1, NULL));

  window = tandem_ui_test_new_window ();
  banner = GTK_REVEALER (find_named (GTK_WIDGET (window), "recovery-banner"));
  g_assert_nonnull (banner);
  g_assert_false (gtk_revealer_get_reveal_child (banner));

  type_text (GTK_EDITABLE (title_row (window)), " (unsaved)");
  shown = wait_for_banner (banner, TRUE);

  /* Put the folder back before asserting, so that a failure spoils no other test. */
  g_unlink (folder);
  g_rename (aside, folder);

  g_assert_true (shown);
  label = GTK_LABEL (tandem_ui_test_find_widget (GTK_WIDGET (banner), GTK_TYPE_LABEL, NULL));
  g_test_message ("%s", gtk_label_get_text (label));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "cannot be backed up"));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "recovery"));

  /* The next copy that is written takes the banner away. */
  type_text (GTK_EDITABLE (title_row (window)), "!");
  g_assert_true (wait_for_banner (banner, FALSE));

  tandem_ui_test_wait_idle (window);
  while (tandem_document_can_undo (tandem_window_get_document (window)))
    tandem_document_undo (tandem_window_get_document (window));
  tandem_ui_test_close_window (window);
}

/* Copies of attachments opened from a project leave the cache when its window closes. */
static void
test_attachment_copies_go_on_close (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  g_autofree char *folder = tandem_attachment_cache_folder_for (tandem_window_get_document (window));
  g_autoptr(GBytes) bytes = g_bytes_new_static ("board minutes", 13);
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  gint64 deadline;

  /* What opening an attachment writes, without launching another application. */
  copy = tandem_attachment_cache_write (folder, "0123456789abcdef0123456789abcdef0123456789abcdef"
                                        "0123456789abcdef", "minutes.txt", bytes, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));

  tandem_ui_test_close_window (window);

  /* Removed on a worker thread: wait for it, with a deadline. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_file_test (folder, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

static void
test_open_in_pristine_window_and_new_window (void)
{
  TandemApplication *app = tandem_ui_test_get_application ();
  g_autofree char *path_a = scratch_path ("a.tandem");
  g_autofree char *path_b = scratch_path ("b.tandem");
  g_autoptr(GFile) a = g_file_new_for_path (path_a);
  g_autoptr(GFile) b = g_file_new_for_path (path_b);
  g_autoptr(TandemDocument) doc = tandem_document_new ();
  TandemWindow *window = tandem_ui_test_new_window ();
  GList *windows;

  tandem_test_edit_title (doc, "A");
  g_assert_true (tandem_storage_save (doc, a, NULL, NULL));
  tandem_test_edit_title (doc, "B");
  g_assert_true (tandem_storage_save (doc, b, NULL, NULL));

  /* An untouched new project is replaced by the file opened... */
  tandem_application_open_file (app, a);
  tandem_ui_test_wait_idle (window);
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_true (g_file_equal (tandem_window_get_file (window), a));

  /* ...a window with a file is not: the next file gets a window of its own. */
  tandem_application_open_file (app, b);
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_cmpuint (g_list_length (windows), ==, 2);

  for (GList *l = g_list_copy (windows); l != NULL; l = g_list_delete_link (l, l))
    {
      tandem_ui_test_wait_idle (l->data);
      tandem_ui_test_close_window (l->data);
    }
}

static void
test_drop_file_opens_it (void)
{
  TandemApplication *app = tandem_ui_test_get_application ();
  g_autofree char *path = scratch_path ("dropped.tandem");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TandemDocument) doc = tandem_document_new ();
  TandemWindow *window = tandem_ui_test_new_window ();
  GtkDropTarget *drop = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GValue value = G_VALUE_INIT;
  GSList *files;
  gboolean accepted = FALSE;

  tandem_test_edit_title (doc, "Dropped");
  g_assert_true (tandem_storage_save (doc, file, NULL, NULL));

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && drop == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        drop = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (drop);

  files = g_slist_prepend (NULL, file);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_slist_free (files);

  g_assert_true (accepted);
  tandem_ui_test_wait_idle (window);
  g_assert_cmpstr (tandem_document_get_title (tandem_window_get_document (window)), ==, "Dropped");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  tandem_ui_test_close_window (window);
}

static void
test_conditions_on_overview (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  GtkWidget *page = tandem_window_get_visible_page (window);
  AdwEntryRow *add = ADW_ENTRY_ROW (tandem_ui_test_find_widget (page, ADW_TYPE_ENTRY_ROW,
                                                                "_Add a condition"));
  TandemCondition *condition;

  /* A new project starts with the conditions the built-in checklists use, all off. */
  g_assert_nonnull (tandem_document_find_condition (document, "beds-reduced"));
  g_assert_false (tandem_document_condition_is_on (document, "beds-reduced"));

  gtk_editable_set_text (GTK_EDITABLE (add), "Services move between sites");
  g_signal_emit_by_name (add, "apply");
  tandem_ui_test_iterate ();

  condition = tandem_document_find_condition (document, "services-move-between-sites");
  g_assert_nonnull (condition);
  g_assert_true (tandem_condition_get_enabled (condition));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add)), ==, "");

  activate (window, "win.undo");
  g_assert_null (tandem_document_find_condition (document, "services-move-between-sites"));
  tandem_ui_test_close_window (window);
}

static void
test_accelerators (void)
{
  GtkApplication *app = GTK_APPLICATION (tandem_ui_test_get_application ());
  g_auto(GStrv) help = gtk_application_get_accels_for_action (app, "app.help");
  g_auto(GStrv) undo = gtk_application_get_accels_for_action (app, "win.undo");
  g_auto(GStrv) redo = gtk_application_get_accels_for_action (app, "win.redo");

  g_assert_true (g_strv_contains ((const char * const *)help, "F1"));
  g_assert_true (g_strv_contains ((const char * const *)undo, "<Control>z"));
  g_assert_true (g_strv_contains ((const char * const *)redo, "<Shift><Control>z"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tandem_ui_test_init (&argc, &argv);
  scratch = tandem_test_make_temp_dir ();

  g_test_add_func ("/window/edit-undo-save-reopen", test_edit_undo_save_reopen);
  g_test_add_func ("/window/close/asks", test_close_asks_about_unsaved_changes);
  g_test_add_func ("/window/close/save-then-close", test_close_save_then_close);
  g_test_add_func ("/window/open/bad-file", test_open_bad_file_keeps_document);
  g_test_add_func ("/window/save/failure", test_save_failure_keeps_everything);
  g_test_add_func ("/window/recovery/banner", test_recovery_banner);
  g_test_add_func ("/window/close/attachment-copies", test_attachment_copies_go_on_close);
  g_test_add_func ("/window/open/pristine-and-new", test_open_in_pristine_window_and_new_window);
  g_test_add_func ("/window/open/drop", test_drop_file_opens_it);
  g_test_add_func ("/window/overview/conditions", test_conditions_on_overview);
  g_test_add_func ("/window/accelerators", test_accelerators);

  status = g_test_run ();
  tandem_test_remove_tree (scratch);

  return status;
}
