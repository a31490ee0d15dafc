/* test-window.c: the application in a real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "tandem-attachment-cache.h"
#include "tandem-condition.h"
#include "tandem-lock.h"
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

/* Files given to the application are identified on a worker thread before they open. */
static void
wait_for_open (TandemApplication *app)
{
  while (tandem_application_is_opening (app))
    g_main_context_iteration (NULL, TRUE);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    {
      if (TANDEM_IS_WINDOW (l->data))
        tandem_ui_test_wait_idle (l->data);
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
  wait_for_open (app);
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_true (g_file_equal (tandem_window_get_file (window), a));

  /* ...a window with a file is not: the next file gets a window of its own. */
  tandem_application_open_file (app, b);
  wait_for_open (app);
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
  wait_for_open (app);
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

/* The board paper's cover fields are edited on the overview; a meeting date is typed as a
 * UK date, kept as typed while it is not one yet, and undone as any edit. */
static void
test_board_paper_on_overview (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  GtkWidget *page = tandem_window_get_visible_page (window);
  GtkWidget *meeting = tandem_ui_test_find_widget (page, ADW_TYPE_ENTRY_ROW, "_Meeting");
  GtkWidget *date = tandem_ui_test_find_widget (page, ADW_TYPE_ENTRY_ROW,
                                                "Meeting _date, such as 14/01/2027");
  GtkWidget *classification = tandem_ui_test_find_widget (page, ADW_TYPE_ENTRY_ROW,
                                                          "_Classification, such as OFFICIAL");
  GtkWidget *purpose = tandem_ui_test_find_widget (page, ADW_TYPE_COMBO_ROW, "P_urpose");

  g_assert_nonnull (meeting);
  g_assert_nonnull (date);
  g_assert_nonnull (purpose);

  gtk_editable_set_text (GTK_EDITABLE (meeting), "Trust Board (public)");
  gtk_editable_set_text (GTK_EDITABLE (classification), "OFFICIAL");
  adw_combo_row_set_selected (ADW_COMBO_ROW (purpose), TANDEM_PAPER_PURPOSE_DECISION);
  tandem_ui_test_iterate ();
  g_assert_cmpstr (tandem_document_get_meeting (document), ==, "Trust Board (public)");
  g_assert_cmpstr (tandem_document_get_classification (document), ==, "OFFICIAL");
  g_assert_cmpint (tandem_document_get_paper_purpose (document), ==, TANDEM_PAPER_PURPOSE_DECISION);

  /* On the way to a date: nothing stored, the text kept and marked. */
  gtk_editable_set_text (GTK_EDITABLE (date), "14/01/20");
  tandem_ui_test_iterate ();
  g_assert_cmpstr (tandem_document_get_meeting_date (document), ==, "");
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "14/01/20");

  gtk_editable_set_text (GTK_EDITABLE (date), "14/01/2027");
  tandem_ui_test_iterate ();
  g_assert_cmpstr (tandem_document_get_meeting_date (document), ==, "2027-01-14");
  g_assert_false (gtk_widget_has_css_class (date, "error"));
  gtk_editable_set_text (GTK_EDITABLE (date), "31/02/2027");
  tandem_ui_test_iterate ();
  g_assert_cmpstr (tandem_document_get_meeting_date (document), ==, "2027-01-14");

  /* Emptied and left with Enter: no meeting date. */
  gtk_editable_set_text (GTK_EDITABLE (date), "");
  tandem_ui_test_iterate ();
  g_assert_cmpstr (tandem_document_get_meeting_date (document), ==, "2027-01-14");
  g_signal_emit_by_name (date, "entry-activated");
  g_assert_cmpstr (tandem_document_get_meeting_date (document), ==, "");

  /* Typing in one field is one undo step: undo goes back to before the date was typed,
   * and the step before it is the purpose. */
  activate (window, "win.undo");
  g_assert_cmpstr (tandem_document_get_meeting_date (document), ==, "");
  g_assert_cmpint (tandem_document_get_paper_purpose (document), ==, TANDEM_PAPER_PURPOSE_DECISION);
  gtk_editable_set_text (GTK_EDITABLE (date), "2027-01-15");
  tandem_ui_test_iterate ();
  g_assert_cmpstr (tandem_document_get_meeting_date (document), ==, "2027-01-15");
  activate (window, "win.undo");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "");
  activate (window, "win.redo");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "15/01/2027");
  tandem_ui_test_close_window (window);
}

/* Two people, one file */

/* As a click on a button of the dialog does: the response, then the dialog closes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
}

static char *
lock_path_for (GFile *file)
{
  g_autoptr(GFile) lock = tandem_lock_file_for (file);

  return g_file_get_path (lock);
}

static void
write_foreign_lock (GFile      *file,
                    const char *host,
                    gint64      pid)
{
  g_autofree char *path = lock_path_for (file);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *since = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *data = g_strdup_printf ("[Tandem Lock]\nName=Ann Other\nLogin=aother\n"
                                           "Host=%s\nPid=%" G_GINT64_FORMAT "\nSince=%s\n",
                                           host, pid, since);

  g_assert_true (g_file_set_contents (path, data, -1, NULL));
}

static GFile *
saved_document (const char *name,
                const char *title)
{
  g_autofree char *path = scratch_path (name);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(TandemDocument) doc = tandem_document_new ();

  tandem_test_edit_title (doc, title);
  g_assert_true (tandem_storage_save (doc, file, NULL, NULL));

  return file;
}

static char *
title_on_disk (GFile *file)
{
  g_autoptr(TandemDocument) doc = tandem_storage_load (file, NULL, NULL);

  g_assert_nonnull (doc);
  return g_strdup (tandem_document_get_title (doc));
}

static void
test_lock_taken_and_released (void)
{
  g_autoptr(GFile) file = saved_document ("locked.tandem", "Locked");
  g_autofree char *lock_path = lock_path_for (file);
  TandemWindow *window = tandem_ui_test_new_window ();
  g_autoptr(TandemLock) holder = NULL;

  tandem_window_load (window, file);
  tandem_ui_test_wait_idle (window);
  g_assert_null (tandem_ui_test_find_dialog (GTK_WINDOW (window)));

  /* While it is open, the lock beside it says this Tandem has it. */
  holder = tandem_lock_read (file, NULL);
  g_assert_nonnull (holder);
  g_assert_true (tandem_lock_is_ours (holder));

  tandem_ui_test_close_window (window);
  g_assert_false (g_file_test (lock_path, G_FILE_TEST_EXISTS));
}

static AdwMessageDialog *
open_held (TandemWindow *window,
           GFile        *file)
{
  AdwMessageDialog *dialog;

  tandem_window_load (window, file);
  tandem_ui_test_wait_idle (window);

  dialog = tandem_ui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_suffix (adw_message_dialog_get_heading (dialog), "” Is Open Elsewhere"));
  /* Who, from where, and since when. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "Ann Other (aother on pc-0417.trust.nhs.uk) has had it open since"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "today"));
  g_assert_true (adw_message_dialog_has_response (dialog, "read-only"));
  g_assert_true (adw_message_dialog_has_response (dialog, "copy"));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));

  return dialog;
}

static void
test_lock_held_read_only (void)
{
  g_autoptr(GFile) file = saved_document ("held.tandem", "Theirs");
  g_autofree char *lock_path = lock_path_for (file);
  g_autofree char *copy_path = scratch_path ("mine.tandem");
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autofree char *lock_before = NULL;
  g_autofree char *lock_after = NULL;
  g_autofree char *on_disk = NULL;
  g_autoptr(TandemLock) mine = NULL;
  TandemWindow *window = tandem_ui_test_new_window ();
  AdwMessageDialog *dialog;

  write_foreign_lock (file, "pc-0417.trust.nhs.uk", 4242);
  g_file_get_contents (lock_path, &lock_before, NULL, NULL);

  dialog = open_held (window, file);
  respond (dialog, "read-only");
  tandem_ui_test_wait_idle (window);

  g_assert_cmpstr (tandem_document_get_title (tandem_window_get_document (window)), ==, "Theirs");
  g_assert_true (tandem_window_is_read_only (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "held (read-only) — Tandem");

  /* Saving is refused, through the action and directly, and the file is untouched. */
  type_text (GTK_EDITABLE (title_row (window)), " and mine");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  tandem_ui_test_wait_idle (window);
  g_assert_null (tandem_ui_test_find_dialog (GTK_WINDOW (window)));
  tandem_window_save_to (window, file);
  tandem_ui_test_wait_idle (window);
  dialog = tandem_ui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Save As"));
  respond (dialog, "close");
  on_disk = title_on_disk (file);
  g_assert_cmpstr (on_disk, ==, "Theirs");

  /* Save As works, and the window now has a file of its own. */
  tandem_window_save_to (window, copy);
  tandem_ui_test_wait_idle (window);
  g_assert_null (tandem_ui_test_find_dialog (GTK_WINDOW (window)));
  g_assert_false (tandem_window_is_read_only (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "mine — Tandem");
  mine = tandem_lock_read (copy, NULL);
  g_assert_true (tandem_lock_is_ours (mine));

  /* Their lock was never touched. */
  tandem_ui_test_close_window (window);
  g_file_get_contents (lock_path, &lock_after, NULL, NULL);
  g_assert_cmpstr (lock_after, ==, lock_before);
  g_unlink (lock_path);
}

static void
test_lock_held_copy (void)
{
  g_autoptr(GFile) file = saved_document ("held-copy.tandem", "Shared");
  g_autofree char *lock_path = lock_path_for (file);
  TandemWindow *window = tandem_ui_test_new_window ();
  AdwMessageDialog *dialog;

  write_foreign_lock (file, "pc-0417.trust.nhs.uk", 4242);
  dialog = open_held (window, file);
  respond (dialog, "copy");
  tandem_ui_test_wait_idle (window);

  /* The contents, belonging to no file yet, to be saved under a new name. */
  g_assert_cmpstr (tandem_document_get_title (tandem_window_get_document (window)), ==, "Shared");
  g_assert_null (tandem_window_get_file (window));
  g_assert_false (tandem_window_is_read_only (window));
  g_assert_true (tandem_document_get_modified (tandem_window_get_document (window)));

  tandem_ui_test_close_window (window);
  g_assert_true (g_file_test (lock_path, G_FILE_TEST_IS_REGULAR));
  g_unlink (lock_path);
}

static void
test_lock_held_cancel (void)
{
  g_autoptr(GFile) file = saved_document ("held-cancel.tandem", "Not for now");
  g_autofree char *lock_path = lock_path_for (file);
  TandemWindow *window = tandem_ui_test_new_window ();
  TandemDocument *before = tandem_window_get_document (window);
  AdwMessageDialog *dialog;

  write_foreign_lock (file, "pc-0417.trust.nhs.uk", 4242);
  dialog = open_held (window, file);
  respond (dialog, "cancel");
  tandem_ui_test_wait_idle (window);

  g_assert_true (tandem_window_get_document (window) == before);
  g_assert_null (tandem_window_get_file (window));
  tandem_ui_test_close_window (window);
  g_unlink (lock_path);
}

static void
test_lock_stale_taken_over (void)
{
  g_autoptr(GFile) file = saved_document ("stale.tandem", "Crashed");
  g_autofree char *lock_path = lock_path_for (file);
  g_autoptr(TandemLock) holder = NULL;
  TandemWindow *window = tandem_ui_test_new_window ();
  pid_t pid = fork ();

  /* A Tandem on this computer that ended without closing the document. */
  if (pid == 0)
    _exit (0);
  g_assert_cmpint (waitpid (pid, NULL, 0), ==, pid);
  write_foreign_lock (file, g_get_host_name (), pid);

  tandem_window_load (window, file);
  tandem_ui_test_wait_idle (window);
  g_assert_null (tandem_ui_test_find_dialog (GTK_WINDOW (window)));
  g_assert_cmpstr (tandem_document_get_title (tandem_window_get_document (window)), ==, "Crashed");
  g_assert_false (tandem_window_is_read_only (window));

  holder = tandem_lock_read (file, NULL);
  g_assert_true (tandem_lock_is_ours (holder));
  tandem_ui_test_close_window (window);
  g_assert_false (g_file_test (lock_path, G_FILE_TEST_EXISTS));
}

static void
test_save_changed_on_disk (void)
{
  g_autoptr(GFile) file = saved_document ("changed.tandem", "Original");
  TandemWindow *window = tandem_ui_test_new_window ();
  g_autoptr(TandemDocument) theirs = tandem_document_new ();
  g_autofree char *on_disk = NULL;
  AdwMessageDialog *dialog;

  tandem_window_load (window, file);
  tandem_ui_test_wait_idle (window);

  /* A copy of the same bytes put back (as a sync client does) is no change: no question. */
  {
    g_autofree char *path = g_file_get_path (file);
    g_autofree char *tmp = g_strconcat (path, ".synced", NULL);
    g_autofree char *bytes = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
    g_assert_true (g_file_set_contents (tmp, bytes, length, NULL));
    g_assert_cmpint (g_rename (tmp, path), ==, 0);
  }
  tandem_window_save_to (window, file);
  tandem_ui_test_wait_idle (window);
  g_assert_null (tandem_ui_test_find_dialog (GTK_WINDOW (window)));

  type_text (GTK_EDITABLE (title_row (window)), " edited here");

  /* Someone without Tandem's lock (another program, a copy over the share) saves it. */
  tandem_test_edit_title (theirs, "Edited elsewhere");
  g_assert_true (tandem_storage_save (theirs, file, NULL, NULL));

  tandem_window_save_to (window, file);
  tandem_ui_test_wait_idle (window);
  dialog = tandem_ui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“changed.tandem” Changed on Disk");
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));

  /* Cancel: their version stays, and this one stays unsaved. */
  respond (dialog, "cancel");
  tandem_ui_test_wait_idle (window);
  on_disk = title_on_disk (file);
  g_assert_cmpstr (on_disk, ==, "Edited elsewhere");
  g_assert_true (tandem_document_get_modified (tandem_window_get_document (window)));

  /* Overwrite, when the user says so. */
  tandem_window_save_to (window, file);
  tandem_ui_test_wait_idle (window);
  dialog = tandem_ui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  respond (dialog, "overwrite");
  tandem_ui_test_wait_idle (window);
  g_clear_pointer (&on_disk, g_free);
  on_disk = title_on_disk (file);
  g_assert_cmpstr (on_disk, ==, "Original edited here");
  g_assert_false (tandem_document_get_modified (tandem_window_get_document (window)));

  /* What this window wrote is not a change by someone else: the next save does not ask. */
  type_text (GTK_EDITABLE (title_row (window)), "!");
  tandem_window_save_to (window, file);
  tandem_ui_test_wait_idle (window);
  g_assert_null (tandem_ui_test_find_dialog (GTK_WINDOW (window)));
  g_clear_pointer (&on_disk, g_free);
  on_disk = title_on_disk (file);
  g_assert_cmpstr (on_disk, ==, "Original edited here!");

  tandem_ui_test_close_window (window);
}

static void
test_open_symlink_same_window (void)
{
  TandemApplication *app = tandem_ui_test_get_application ();
  g_autoptr(GFile) file = saved_document ("real.tandem", "Real");
  g_autofree char *target = g_file_get_path (file);
  g_autofree char *link_path = scratch_path ("shortcut.tandem");
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  TandemWindow *window = tandem_ui_test_new_window ();

  g_assert_cmpint (symlink (target, link_path), ==, 0);

  tandem_application_open_file (app, file);
  wait_for_open (app);
  g_assert_true (g_file_equal (tandem_window_get_file (window), file));

  /* Another name for the same file presents the window that has it. */
  tandem_application_open_file (app, link);
  wait_for_open (app);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_null (tandem_ui_test_find_dialog (GTK_WINDOW (window)));

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
  g_test_add_func ("/window/overview/board-paper", test_board_paper_on_overview);
  g_test_add_func ("/window/accelerators", test_accelerators);
  g_test_add_func ("/window/lock/taken-and-released", test_lock_taken_and_released);
  g_test_add_func ("/window/lock/held/read-only", test_lock_held_read_only);
  g_test_add_func ("/window/lock/held/copy", test_lock_held_copy);
  g_test_add_func ("/window/lock/held/cancel", test_lock_held_cancel);
  g_test_add_func ("/window/lock/stale", test_lock_stale_taken_over);
  g_test_add_func ("/window/save/changed-on-disk", test_save_changed_on_disk);
  g_test_add_func ("/window/open/symlink-same-window", test_open_symlink_same_window);

  status = g_test_run ();
  tandem_test_remove_tree (scratch);

  return status;
}
