/* test-checklist-window.c: board assurance checklists in a real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tandem-attachment.h"
#include "tandem-audit-entry.h"
#include "tandem-checklist-item.h"
#include "tandem-checklist-page.h"
#include "tandem-checklist-progress.h"
#include "tandem-checklist-row.h"
#include "tandem-checklist-section.h"
#include "tandem-condition.h"
#include "tandem-item-editor.h"
#include "tandem-merge-dialog.h"
#include "tandem-new-checklist-dialog.h"
#include "tandem-overview-page.h"
#include "tandem-signoff.h"
#include "tandem-storage.h"
#include "tandem-test-util.h"
#include "tandem-ui-test-util.h"

/*
 * The keyboard is driven as GTK drives it: a key press goes to the focused widget through the
 * shortcut controllers a real key press reaches (tandem_ui_test_press_key), and Tab moves the
 * focus with gtk_widget_child_focus() (tandem_ui_test_tab_to); a key nobody binds fails the
 * test.
 */

static char *scratch;

static char *
scratch_path (const char *name)
{
  return g_build_filename (scratch, name, NULL);
}

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
  GtkWidget *create;
  GtkWidget *page;

  dialog = GTK_WIDGET (tandem_window_new_checklist (window));
  tandem_ui_test_iterate ();
  g_assert_true (TANDEM_IS_NEW_CHECKLIST_DIALOG (dialog));

  /* The board assurance checklist is chosen to begin with. */
  g_assert_cmpstr (tandem_template_get_id (tandem_new_checklist_dialog_get_selected (TANDEM_NEW_CHECKLIST_DIALOG (dialog))),
                   ==, "t1-board-assurance");
  if (template_id != NULL)
    tandem_new_checklist_dialog_select (TANDEM_NEW_CHECKLIST_DIALOG (dialog),
                                        tandem_template_find_builtin (template_id));

  create = tandem_ui_test_find_widget (dialog, GTK_TYPE_BUTTON, "C_reate");
  g_assert_nonnull (create);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  tandem_ui_test_press_button (create);
  /* Creating closes the dialog. */
  g_assert_null (dialog);

  page = tandem_window_get_visible_page (window);
  g_assert_true (TANDEM_IS_CHECKLIST_PAGE (page));
  gtk_test_widget_wait_for_draw (page);

  return TANDEM_CHECKLIST_PAGE (page);
}

/* Answers the "why?" of the dialog open on @window with @reason (or cancels with NULL). */
static void
give_reason (TandemWindow *window,
             const char   *heading,
             const char   *reason)
{
  AdwMessageDialog *dialog = tandem_ui_test_find_dialog (GTK_WINDOW (window));
  GtkWidget *entry;

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  entry = tandem_ui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "_Reason");
  g_assert_nonnull (entry);
  /* No reason, no recording. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "accept"));
  if (reason != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), reason);
      adw_message_dialog_response (dialog, "accept");
    }
  else
    {
      adw_message_dialog_response (dialog, "cancel");
    }
  gtk_window_close (GTK_WINDOW (dialog));
  tandem_ui_test_iterate ();
}

static void
test_keyboard_answer_sign_save_reopen (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  g_autofree char *path = scratch_path ("board.tandem");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TandemChecklistPage *page;
  TandemChecklist *checklist;
  TandemChecklistItem *items[3];
  g_auto(GStrv) ids = g_new0 (char *, 4);
  GtkWidget *editor;
  GtkWidget *list;
  TandemWindow *reopened;
  TandemDocument *saved;
  TandemChecklist *saved_checklist;
  TandemProgress progress;

  tandem_document_set_fixed_time (document, "2026-11-23T10:00:00Z");
  tandem_document_set_reviewer (document, "Asha Patel");

  page = create_checklist (window, NULL);
  checklist = tandem_checklist_page_get_checklist (page);
  g_assert_cmpstr (tandem_checklist_get_template_id (checklist), ==, "t1-board-assurance");
  g_assert_cmpuint (tandem_checklist_page_get_n_visible (page), ==, 13);
  editor = tandem_checklist_page_get_editor (page);
  list = tandem_checklist_page_get_list_view (page);

  /* The first question is chosen; the keyboard starts in the list. */
  gtk_widget_grab_focus (list);
  tandem_ui_test_iterate ();
  items[0] = tandem_checklist_page_get_selected_item (page);
  g_assert_nonnull (items[0]);
  g_assert_true (tandem_item_editor_get_item (TANDEM_ITEM_EDITOR (editor)) == items[0]);

  /* First question: Ctrl+3 is Met. */
  tandem_ui_test_press_key (GTK_WIDGET (window), GDK_KEY_3, GDK_CONTROL_MASK);
  g_assert_cmpint (tandem_checklist_item_get_status (items[0]), ==, TANDEM_ITEM_STATUS_MET);

  /* Second question: Alt+Down, Ctrl+5 (Not met), Enter to the answer, Tab to the evidence
   * and type it. */
  tandem_ui_test_press_key (GTK_WIDGET (window), GDK_KEY_Down, GDK_ALT_MASK);
  items[1] = tandem_checklist_page_get_selected_item (page);
  g_assert_true (items[1] != items[0]);
  /* The keyboard focus moved with the choice. */
  g_assert_true (tandem_checklist_row_get_object (TANDEM_CHECKLIST_ROW (gtk_widget_get_first_child (focus_of (window)))) ==
                 (gpointer)items[1]);
  tandem_ui_test_press_key (GTK_WIDGET (window), GDK_KEY_5, GDK_CONTROL_MASK);
  g_assert_cmpint (tandem_checklist_item_get_status (items[1]), ==, TANDEM_ITEM_STATUS_NOT_MET);
  g_assert_cmpint (tandem_checklist_item_get_rag (items[1]), ==, TANDEM_RAG_RED);

  gtk_widget_grab_focus (list);
  tandem_ui_test_press_key (GTK_WIDGET (window), GDK_KEY_Return, 0);
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), editor));
  tandem_ui_test_tab_to (GTK_WIDGET (window), tandem_ui_test_find_widget (editor, GTK_TYPE_TEXT_VIEW, NULL) /* action */);
  tandem_ui_test_type_text (GTK_WIDGET (window), "Hold sessions with carers' groups.");
  g_assert_cmpstr (tandem_checklist_item_get_action (items[1]), ==, "Hold sessions with carers' groups.");

  /* Third question: back to the list, Alt+Down twice past the section heading if need be,
   * Ctrl+4 (Partly met), and the owner typed in. */
  gtk_widget_grab_focus (list);
  tandem_ui_test_press_key (GTK_WIDGET (window), GDK_KEY_Down, GDK_ALT_MASK);
  items[2] = tandem_checklist_page_get_selected_item (page);
  g_assert_true (items[2] != items[1]);
  tandem_ui_test_press_key (GTK_WIDGET (window), GDK_KEY_4, GDK_CONTROL_MASK);
  tandem_ui_test_press_key (GTK_WIDGET (window), GDK_KEY_Return, 0);
  tandem_ui_test_tab_to (GTK_WIDGET (window), tandem_ui_test_find_widget (editor, ADW_TYPE_ENTRY_ROW, "_Owner"));
  tandem_ui_test_type_text (GTK_WIDGET (window), "Engagement lead");
  g_assert_cmpstr (tandem_checklist_item_get_owner (items[2]), ==, "Engagement lead");
  g_assert_cmpint (tandem_checklist_item_get_status (items[2]), ==, TANDEM_ITEM_STATUS_PARTLY_MET);

  /* Progress, on the page and in the sidebar. */
  tandem_checklist_get_progress (checklist, NULL, &progress);
  g_assert_cmpuint (progress.answered, ==, 3);
  g_assert_nonnull (tandem_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "3 of 13 answered"));
  g_assert_nonnull (tandem_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "3/13"));
  /* "In progress" has its own chip, apart from "not started". */
  g_assert_nonnull (tandem_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "0 in progress"));
  g_assert_nonnull (tandem_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "10 not started"));

  /* Every answer is in the audit trail, with who did it. */
  g_assert_cmpuint (tandem_list_get_n (tandem_checklist_get_audit (checklist)), ==, 5);
  g_assert_cmpstr (tandem_audit_entry_get_who (tandem_list_get (tandem_checklist_get_audit (checklist), 0)),
                   ==, "Asha Patel");

  /* Sign off, on the Decision and Sign-off view. */
  tandem_checklist_page_show_view (page, "decision");
  tandem_ui_test_iterate ();
  {
    GtkWidget *name = tandem_ui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "_Name");
    GtkWidget *role = tandem_ui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW,
                                                  "_Role, such as Non-executive director");
    GtkWidget *sign = tandem_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Sign Off");

    /* The name starts as the reviewer's. */
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Asha Patel");
    tandem_ui_test_tab_to (GTK_WIDGET (window), role);
    tandem_ui_test_type_text (GTK_WIDGET (window), "Non-executive director");
    tandem_ui_test_tab_to (GTK_WIDGET (window), sign);
    tandem_ui_test_press_button (focus_of (window));
  }
  /* Ten questions are open: signing off asks why, and keeps the reason. */
  g_assert_cmpuint (tandem_checklist_count_active_signoffs (checklist), ==, 0);
  give_reason (window, "Sign Off With Questions Open?", "Interim sign-off for the May board.");
  g_assert_cmpuint (tandem_checklist_count_active_signoffs (checklist), ==, 1);
  g_assert_cmpstr (tandem_signoff_get_reason (tandem_list_get (tandem_checklist_get_signoffs (checklist), 0)),
                   ==, "Interim sign-off for the May board.");

  /* Save, close, open again: everything is there. */
  for (guint i = 0; i < 3; i++)
    ids[i] = g_strdup (tandem_object_get_id (TANDEM_OBJECT (items[i])));
  tandem_window_save_to (window, file);
  tandem_ui_test_wait_idle (window);
  g_assert_false (tandem_document_get_modified (document));
  tandem_ui_test_close_window (window);

  reopened = tandem_ui_test_new_window ();
  tandem_window_load (reopened, file);
  tandem_ui_test_wait_idle (reopened);
  saved = tandem_window_get_document (reopened);
  saved_checklist = tandem_list_get (tandem_document_get_checklists (saved), 0);
  g_assert_nonnull (saved_checklist);
  g_assert_cmpstr (tandem_checklist_get_template_id (saved_checklist), ==, "t1-board-assurance");
  g_assert_cmpuint (tandem_checklist_count_active_signoffs (saved_checklist), ==, 1);
  g_assert_cmpstr (tandem_signoff_get_role (tandem_list_get (tandem_checklist_get_signoffs (saved_checklist), 0)),
                   ==, "Non-executive director");
  g_assert_cmpuint (tandem_list_get_n (tandem_checklist_get_audit (saved_checklist)), ==, 6);

  {
    TandemChecklistItem *again[3];

    for (guint i = 0; i < 3; i++)
      {
        again[i] = TANDEM_CHECKLIST_ITEM (tandem_document_lookup (saved, ids[i]));
        g_assert_nonnull (again[i]);
      }
    g_assert_cmpint (tandem_checklist_item_get_status (again[0]), ==, TANDEM_ITEM_STATUS_MET);
    g_assert_cmpint (tandem_checklist_item_get_status (again[1]), ==, TANDEM_ITEM_STATUS_NOT_MET);
    g_assert_cmpstr (tandem_checklist_item_get_action (again[1]), ==, "Hold sessions with carers' groups.");
    g_assert_cmpstr (tandem_checklist_item_get_owner (again[2]), ==, "Engagement lead");
  }

  /* And the page shows it. */
  g_assert_true (tandem_window_select_object (reopened, TANDEM_OBJECT (saved_checklist)));
  tandem_ui_test_iterate ();
  page = TANDEM_CHECKLIST_PAGE (tandem_window_get_visible_page (reopened));
  g_assert_true (tandem_checklist_page_get_checklist (page) == saved_checklist);
  g_assert_nonnull (tandem_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "3 of 13 answered"));

  tandem_ui_test_close_window (reopened);
}

/* The first time a checklist is shown with no name set, the reviewer is asked for a name
 * and role, which the history then records; never the login name. */
static void
test_first_use_asks_who (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  TandemWindow *window = tandem_ui_test_new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  TandemChecklistPage *page;
  TandemChecklist *checklist;
  TandemAuditEntry *entry;
  GtkWidget *dialog;
  GtkWidget *name;
  GtkWidget *role;

  tandem_document_set_fixed_time (document, "2026-11-23T10:00:00Z");
  g_assert_cmpstr (tandem_document_get_reviewer (document), ==, "");
  page = create_checklist (window, NULL);
  checklist = tandem_checklist_page_get_checklist (page);
  tandem_ui_test_iterate ();

  dialog = GTK_WIDGET (tandem_ui_test_find_dialog (GTK_WINDOW (window)));
  g_assert_nonnull (dialog);
  name = tandem_ui_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "_Name");
  role = tandem_ui_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "_Role, such as Non-executive director");
  g_assert_nonnull (name);
  g_assert_nonnull (role);
  /* Nothing is filled in from the account. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  gtk_editable_set_text (GTK_EDITABLE (name), "Priya Shah");
  gtk_editable_set_text (GTK_EDITABLE (role), "Non-executive director");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  gtk_window_close (GTK_WINDOW (dialog));
  tandem_ui_test_iterate ();

  /* It lives in the settings Preferences shows, and the window applies it. */
  {
    g_autofree char *stored = g_settings_get_string (settings, "reviewer-name");

    g_assert_cmpstr (stored, ==, "Priya Shah");
  }
  g_assert_cmpstr (tandem_document_get_reviewer (document), ==, "Priya Shah");
  g_assert_cmpstr (tandem_document_get_reviewer_role (document), ==, "Non-executive director");

  gtk_widget_grab_focus (tandem_checklist_page_get_list_view (page));
  tandem_ui_test_press_key (GTK_WIDGET (window), GDK_KEY_3, GDK_CONTROL_MASK);
  entry = tandem_list_get (tandem_checklist_get_audit (checklist), 0);
  g_assert_cmpstr (tandem_audit_entry_get_who (entry), ==, "Priya Shah");
  g_assert_cmpstr (tandem_audit_entry_get_role (entry), ==, "Non-executive director");

  /* The history shows name and role. */
  tandem_checklist_page_show_view (page, "history");
  tandem_ui_test_iterate ();
  g_assert_nonnull (tandem_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL,
                                                "<b>Priya Shah (Non-executive director)</b> changed the status from “Not started” to “Met”"));

  /* Asked once. */
  tandem_checklist_page_show_view (page, "questions");
  g_settings_reset (settings, "reviewer-name");
  g_settings_reset (settings, "reviewer-role");
  while (tandem_document_can_undo (document))
    tandem_document_undo (document);
  tandem_ui_test_close_window (window);
}

/* A project whose record was changed outside Tandem opens, says so in one sentence, and
 * marks the sign-off. */
static void
test_unverified_signoff_marked (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  g_autofree char *path = scratch_path ("forged.tandem");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TandemChecklistPage *page;
  TandemChecklist *checklist;
  TandemWindow *reopened;
  sqlite3 *db = NULL;

  tandem_document_set_reviewer (document, "Jo Barnes");
  tandem_document_set_reviewer_role (document, "Chair");
  page = create_checklist (window, "t4-gunning-principles");
  checklist = tandem_checklist_page_get_checklist (page);
  gtk_widget_activate_action (GTK_WIDGET (page), "checklist.sign-off", NULL);
  tandem_ui_test_iterate ();
  give_reason (window, "Sign Off With Questions Open?", "Test");
  g_assert_cmpuint (tandem_checklist_count_active_signoffs (checklist), ==, 1);
  g_assert_true (tandem_storage_save (document, file, NULL, &error));
  g_assert_no_error (error);

  /* Outside Tandem, an answer is changed under the standing sign-off. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE checklist_item SET status = 'met'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  reopened = tandem_ui_test_new_window ();
  tandem_document_set_reviewer (tandem_window_get_document (reopened), "Jo Barnes");
  tandem_window_load (reopened, file);
  tandem_ui_test_wait_idle (reopened);
  g_assert_nonnull (strstr (tandem_window_get_last_error (reopened), "changed outside Tandem"));
  checklist = tandem_list_get (tandem_document_get_checklists (tandem_window_get_document (reopened)), 0);
  tandem_document_set_reviewer (tandem_window_get_document (reopened), "Jo Barnes");
  g_assert_true (tandem_window_select_object (reopened, TANDEM_OBJECT (checklist)));
  tandem_ui_test_iterate ();
  page = TANDEM_CHECKLIST_PAGE (tandem_window_get_visible_page (reopened));
  tandem_checklist_page_show_view (page, "decision");
  tandem_ui_test_iterate ();
  g_assert_nonnull (tandem_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "Cannot be verified"));

  tandem_ui_test_close_window (reopened);
  while (tandem_document_can_undo (document))
    tandem_document_undo (document);
  tandem_ui_test_close_window (window);
}

/* "Proceed" over open questions, and a rating against its status, ask why; the reason is
 * kept and shown. A change that voids the board's sign-off on its decision asks first. */
static void
test_reasons_and_final_signoff (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  TandemChecklistPage *page;
  TandemChecklist *checklist;
  TandemChecklistItem *item;
  TandemSignoff *signoff;
  AdwMessageDialog *dialog;

  tandem_document_set_reviewer (document, "Jo Barnes");
  tandem_document_set_reviewer_role (document, "Chair");
  page = create_checklist (window, "t4-gunning-principles");
  checklist = tandem_checklist_page_get_checklist (page);
  item = tandem_checklist_page_get_selected_item (page);

  /* Proceed with nothing answered: why? Cancel takes the decision back. */
  tandem_document_begin (document, "Change Decision");
  tandem_checklist_set_decision (checklist, TANDEM_DECISION_PROCEED);
  tandem_document_commit (document);
  tandem_ui_test_iterate ();
  give_reason (window, "Proceed With Questions Open?", NULL);
  g_assert_cmpint (tandem_checklist_get_decision (checklist), ==, TANDEM_DECISION_UNDECIDED);

  tandem_document_begin (document, "Change Decision");
  tandem_checklist_set_decision (checklist, TANDEM_DECISION_PROCEED);
  tandem_document_commit (document);
  tandem_ui_test_iterate ();
  give_reason (window, "Proceed With Questions Open?", "Urgent: winter pressures");
  g_assert_cmpint (tandem_checklist_get_decision (checklist), ==, TANDEM_DECISION_PROCEED);
  g_assert_cmpstr (tandem_checklist_get_decision_reason (checklist), ==, "Urgent: winter pressures");
  tandem_checklist_page_show_view (page, "decision");
  tandem_ui_test_iterate ();
  g_assert_nonnull (tandem_ui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW, "_Decision"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (tandem_ui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW, "_Decision"))),
                   ==, "Reason: Urgent: winter pressures");

  /* Met and Red: an override, with its reason. */
  tandem_document_begin (document, "Answer");
  tandem_checklist_item_set_status (item, TANDEM_ITEM_STATUS_MET);
  tandem_document_commit (document);
  tandem_ui_test_iterate ();
  tandem_document_begin (document, "Change Rating");
  tandem_checklist_item_set_rag_override (item, TANDEM_RAG_RED);
  tandem_document_commit (document);
  tandem_ui_test_iterate ();
  give_reason (window, "Override the Rating?", "Evidence is a single survey");
  g_assert_true (tandem_checklist_item_rating_disagrees (item));
  g_assert_cmpstr (tandem_checklist_item_get_rating_reason (item), ==, "Evidence is a single survey");

  /* The board signs off its decision (with a reason: questions are open). */
  gtk_widget_activate_action (GTK_WIDGET (page), "checklist.sign-off", NULL);
  tandem_ui_test_iterate ();
  give_reason (window, "Sign Off With Questions Open?", "As minuted");
  signoff = tandem_list_get (tandem_checklist_get_signoffs (checklist), 0);
  g_assert_cmpstr (tandem_signoff_get_voided_at (signoff), ==, "");

  /* A change that would void it asks first, naming whose; Undo keeps it standing. */
  tandem_document_begin (document, "Answer");
  tandem_checklist_item_set_status (item, TANDEM_ITEM_STATUS_PARTLY_MET);
  tandem_document_commit (document);
  tandem_ui_test_iterate ();
  dialog = tandem_ui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Void the Board’s Sign-Off?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Jo Barnes (Chair)"));
  adw_message_dialog_response (dialog, "undo");
  gtk_window_close (GTK_WINDOW (dialog));
  tandem_ui_test_iterate ();
  g_assert_cmpint (tandem_checklist_item_get_status (item), ==, TANDEM_ITEM_STATUS_MET);
  g_assert_cmpstr (tandem_signoff_get_voided_at (signoff), ==, "");
  g_assert_true (tandem_checklist_verify (checklist, NULL));

  while (tandem_document_can_undo (document))
    tandem_document_undo (document);
  tandem_ui_test_close_window (window);
}

static void
test_changing_an_answer_voids_signoff (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  TandemChecklistPage *page;
  TandemChecklist *checklist;
  TandemSignoff *signoff;

  tandem_document_set_reviewer (document, "Jo Barnes");
  page = create_checklist (window, "t4-gunning-principles");
  checklist = tandem_checklist_page_get_checklist (page);

  gtk_widget_activate_action (GTK_WIDGET (page), "checklist.sign-off", NULL);
  tandem_ui_test_iterate ();
  /* Cancelled: no reason, no sign-off. */
  give_reason (window, "Sign Off With Questions Open?", NULL);
  g_assert_cmpuint (tandem_list_get_n (tandem_checklist_get_signoffs (checklist)), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "checklist.sign-off", NULL);
  tandem_ui_test_iterate ();
  give_reason (window, "Sign Off With Questions Open?", "Agreed at the meeting");
  signoff = tandem_list_get (tandem_checklist_get_signoffs (checklist), 0);
  g_assert_nonnull (signoff);

  gtk_widget_grab_focus (tandem_checklist_page_get_list_view (page));
  tandem_ui_test_press_key (GTK_WIDGET (window), GDK_KEY_6, GDK_CONTROL_MASK);
  g_assert_cmpstr (tandem_signoff_get_voided_at (signoff), !=, "");
  /* The user is told whose sign-off it voided, with Undo at hand. */
  {
    GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_TOAST_OVERLAY);

    g_assert_nonnull (overlay);
    g_assert_nonnull (tandem_ui_test_find_widget (overlay, GTK_TYPE_LABEL,
                                                  "This change voided the sign-off of Jo Barnes"));
  }

  /* It stays on the Decision view, struck through, saying why. */
  tandem_checklist_page_show_view (page, "decision");
  tandem_ui_test_iterate ();
  {
    g_autofree char *struck = g_strdup_printf ("<s>%s</s>", tandem_signoff_get_name (signoff));
    GtkWidget *row = tandem_ui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, struck);

    g_assert_nonnull (row);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Voided on"));
    g_assert_nonnull (tandem_ui_test_find_widget (row, GTK_TYPE_LABEL, "Voided"));
  }

  /* Undo brings the sign-off back. */
  tandem_document_undo (document);
  tandem_ui_test_iterate ();
  g_assert_cmpstr (tandem_signoff_get_voided_at (signoff), ==, "");

  while (tandem_document_can_undo (document))
    tandem_document_undo (document);
  tandem_ui_test_close_window (window);
}

static void
test_conditions_filters_and_search (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  TandemChecklistPage *page = create_checklist (window, "t3-service-change-tests");
  TandemChecklist *checklist = tandem_checklist_page_get_checklist (page);
  TandemCondition *beds = tandem_document_find_condition (document, "beds-reduced");
  TandemChecklistSection *section = tandem_list_get (tandem_checklist_get_sections (checklist), 1);
  TandemChecklistItem *bed_item = tandem_list_get (tandem_checklist_section_get_items (section), 0);
  TandemChecklistItem *first = tandem_checklist_page_get_selected_item (page);
  GtkWidget *row;

  /* The bed question waits for its condition, and the page says why it is missing. */
  g_assert_cmpuint (tandem_checklist_page_get_n_visible (page), ==, 4);
  g_assert_false (tandem_checklist_page_select_item (page, bed_item));

  tandem_document_begin (document, "Beds");
  tandem_condition_set_enabled (beds, TRUE);
  tandem_document_commit (document);
  tandem_ui_test_iterate ();
  g_assert_cmpuint (tandem_checklist_page_get_n_visible (page), ==, 5);
  g_assert_true (tandem_checklist_page_select_item (page, bed_item));
  tandem_ui_test_iterate ();

  /* It says which condition it depends on, in the list and in the editor. */
  row = tandem_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL,
                                    "Only if: Beds are reduced significantly");
  g_assert_nonnull (row);
  g_assert_nonnull (tandem_ui_test_find_widget (tandem_checklist_page_get_editor (page), GTK_TYPE_LABEL,
                                                "This question applies only while “Beds are reduced "
                                                "significantly” is switched on in the project overview."));

  /* Filters: by status, by owner, overdue, and search. */
  tandem_document_begin (document, "Answers");
  tandem_checklist_item_set_status (first, TANDEM_ITEM_STATUS_NOT_MET);
  tandem_checklist_item_set_owner (first, "Medical director");
  tandem_checklist_item_set_due_date (first, "2020-01-01");
  tandem_checklist_item_set_evidence (first, "See the Healthwatch report");
  tandem_document_commit (document);
  tandem_ui_test_iterate ();

  gtk_drop_down_set_selected (GTK_DROP_DOWN (tandem_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, NULL)),
                              1 + TANDEM_ITEM_STATUS_NOT_MET);
  tandem_ui_test_iterate ();
  g_assert_cmpuint (tandem_checklist_page_get_n_visible (page), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (page), "checklist.clear-filters", NULL);
  g_assert_cmpuint (tandem_checklist_page_get_n_visible (page), ==, 5);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_ancestor (tandem_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "_Overdue"),
                                                                            GTK_TYPE_TOGGLE_BUTTON)),
                                TRUE);
  tandem_ui_test_iterate ();
  g_assert_cmpuint (tandem_checklist_page_get_n_visible (page), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (page), "checklist.clear-filters", NULL);

  tandem_checklist_page_set_search (page, "healthwatch");
  g_assert_cmpuint (tandem_checklist_page_get_n_visible (page), ==, 1);
  tandem_checklist_page_set_search (page, "no such words anywhere");
  g_assert_cmpuint (tandem_checklist_page_get_n_visible (page), ==, 0);
  g_assert_nonnull (tandem_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Show All Questions"));
  gtk_widget_activate_action (GTK_WIDGET (page), "checklist.clear-filters", NULL);

  /* By owner: the owners in the checklist are offered. */
  {
    GtkWidget *search = tandem_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, NULL);
    GtkWidget *status = tandem_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, NULL);
    GtkWidget *owner = gtk_widget_get_next_sibling (status);
    GListModel *owners = gtk_drop_down_get_model (GTK_DROP_DOWN (owner));

    g_assert_nonnull (search);
    g_assert_cmpuint (g_list_model_get_n_items (owners), ==, 3);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (owners), 2), ==, "Medical director");
    gtk_drop_down_set_selected (GTK_DROP_DOWN (owner), 2);
    tandem_ui_test_iterate ();
    g_assert_cmpuint (tandem_checklist_page_get_n_visible (page), ==, 1);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (owner), 1);  /* no owner yet */
    tandem_ui_test_iterate ();
    g_assert_cmpuint (tandem_checklist_page_get_n_visible (page), ==, 4);
  }

  while (tandem_document_can_undo (document))
    tandem_document_undo (document);
  tandem_ui_test_close_window (window);
}

static void
on_template_imported_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Imports as the file chooser does (the file is read on a worker thread), and waits. */
static gboolean
import_template (TandemNewChecklistDialog *dialog,
                 GFile                    *file)
{
  g_autoptr(GAsyncResult) result = NULL;

  tandem_new_checklist_dialog_import_file_async (dialog, file, on_template_imported_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return tandem_new_checklist_dialog_import_file_finish (dialog, result, NULL);
}

static void
test_bad_template_changes_nothing (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  g_autofree char *path = scratch_path ("not-a-template.json");
  g_autofree char *good_path = scratch_path ("legal.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  TandemNewChecklistDialog *dialog;
  AdwMessageDialog *error;

  g_assert_true (g_file_set_contents (path, "{\"format\":\"tandem\",\"version\":3,\"project\":{}}", -1, NULL));
  dialog = TANDEM_NEW_CHECKLIST_DIALOG (tandem_window_new_checklist (window));
  tandem_ui_test_iterate ();

  g_assert_false (import_template (dialog, file));
  error = tandem_ui_test_find_dialog (GTK_WINDOW (dialog));
  g_assert_nonnull (error);
  g_assert_cmpstr (adw_message_dialog_get_heading (error), ==, "Could Not Import the Template");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (error), "not-a-template.json"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (error), "whole Tandem project"));
  adw_message_dialog_response (error, "close");
  g_assert_false (tandem_document_can_undo (document));

  /* A good one is offered, chosen, and created as usual. */
  {
    g_autoptr(GError) local_error = NULL;
    g_autoptr(TandemDocument) other = tandem_document_new_project ();
    TandemChecklist *made = tandem_template_instantiate (tandem_template_find_builtin ("t8-legal-duties"),
                                                         other, "New");

    tandem_document_begin (other, "Rename");
    tandem_checklist_set_title (made, "Legal duties, our version");
    tandem_document_commit (other);
    g_assert_true (tandem_template_export (made, good, &local_error));
    g_assert_no_error (local_error);
  }
  g_assert_true (import_template (dialog, good));
  g_assert_cmpstr (tandem_template_get_title (tandem_new_checklist_dialog_get_selected (dialog)), ==,
                   "Legal duties, our version");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  tandem_ui_test_iterate ();
  g_assert_cmpuint (tandem_list_get_n (tandem_document_get_checklists (document)), ==, 1);

  tandem_document_undo (document);
  tandem_ui_test_close_window (window);
}

static void
test_attachments (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  TandemChecklistPage *page = create_checklist (window, NULL);
  TandemItemEditor *editor = TANDEM_ITEM_EDITOR (tandem_checklist_page_get_editor (page));
  TandemChecklistItem *item = tandem_item_editor_get_item (editor);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("Minutes of the programme board", 30);
  g_autofree char *big = NULL;
  g_autoptr(GBytes) too_big = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = scratch_path ("attached.tandem");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TandemDocument) saved = NULL;
  TandemAttachment *attachment;
  GBytes *stored;

  g_assert_true (tandem_item_editor_attach_bytes (editor, "minutes.txt", bytes, &error));
  g_assert_no_error (error);
  tandem_ui_test_iterate ();
  attachment = tandem_list_get (tandem_checklist_item_get_attachments (item), 0);
  g_assert_nonnull (attachment);
  g_assert_cmpint (tandem_attachment_get_size (attachment), ==, 30);

  /* Shown with its name and size. */
  g_assert_nonnull (tandem_ui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "minutes.txt"));

  /* Over the limit: refused with the limit stated, and nothing changes. */
  big = g_malloc0 (TANDEM_ATTACHMENT_MAX_SIZE + 1);
  too_big = g_bytes_new_take (g_steal_pointer (&big), TANDEM_ATTACHMENT_MAX_SIZE + 1);
  g_assert_false (tandem_item_editor_attach_bytes (editor, "video.mp4", too_big, &error));
  g_assert_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "at most 25 MB"));
  g_assert_cmpuint (tandem_list_get_n (tandem_checklist_item_get_attachments (item)), ==, 1);
  g_clear_error (&error);

  /* Saved inside the project file. */
  tandem_window_save_to (window, file);
  tandem_ui_test_wait_idle (window);
  saved = tandem_storage_load (file, NULL, &error);
  g_assert_no_error (error);
  stored = tandem_storage_read_blob (saved, tandem_attachment_get_blob (attachment), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stored, bytes));
  g_bytes_unref (stored);

  tandem_document_undo (document);
  tandem_ui_test_close_window (window);
}

static GtkWindow *merge_dialog;

static void
on_merge_ready_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GError **error = user_data;

  merge_dialog = tandem_window_merge_from_finish (TANDEM_WINDOW (object), result, error);
}

static GtkWindow *
merge_from (TandemWindow  *window,
            GFile         *file,
            GError       **error)
{
  merge_dialog = NULL;
  tandem_window_merge_from_async (window, file, on_merge_ready_cb, error);
  while (merge_dialog == NULL && (error == NULL || *error == NULL))
    g_main_context_iteration (NULL, TRUE);
  tandem_ui_test_iterate ();

  return merge_dialog;
}

static void
on_merged_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Merges as the Merge button does (attached files are read on a worker thread), and waits. */
static gboolean
apply_merge (TandemMergeDialog *dialog)
{
  g_autoptr(GAsyncResult) result = NULL;

  tandem_merge_dialog_apply_async (dialog, on_merged_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return tandem_merge_dialog_apply_finish (dialog, result, NULL);
}

static GtkWidget *
find_label_prefix (GtkWidget  *root,
                   const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (root)), prefix))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_prefix (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Issue 10, point 5: their status, our evidence; each side says who changed it; the trail
 * says where the merged value came from, and the chain verifies after the merge and its undo. */
static void
test_merge_fields (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  TandemChecklistPage *page = create_checklist (window, NULL);
  TandemChecklistItem *item = tandem_checklist_page_get_selected_item (page);
  TandemChecklist *checklist = tandem_checklist_item_get_checklist (item);
  g_autofree char *path = scratch_path ("jo.tandem");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TandemDocument) theirs = NULL;
  g_autoptr(GtkWindow) dialog = NULL;
  g_autoptr(GError) error = NULL;
  TandemChecklistItem *their_item;
  TandemAuditEntry *last;
  TandemList *audit;
  GtkWidget *expander;
  GtkWidget *choice;

  tandem_document_begin (document, "Answer");
  tandem_checklist_item_set_evidence (item, "Our minutes");
  tandem_document_commit (document);
  g_assert_true (tandem_storage_save (document, file, NULL, NULL));
  theirs = tandem_storage_load (file, NULL, NULL);
  their_item = TANDEM_CHECKLIST_ITEM (tandem_document_lookup (theirs, tandem_object_get_id (TANDEM_OBJECT (item))));
  tandem_document_set_reviewer (theirs, "Jo Barnes");
  tandem_document_set_reviewer_role (theirs, "Lay member");
  tandem_document_begin (theirs, "Answer");
  tandem_checklist_item_set_status (their_item, TANDEM_ITEM_STATUS_MET);
  tandem_checklist_item_set_evidence (their_item, "Minutes of 3 May");
  tandem_document_commit (theirs);
  tandem_template_instantiate (tandem_template_find_builtin ("t8-legal-duties"), theirs, "New");
  g_assert_true (tandem_storage_save (theirs, file, NULL, NULL));

  dialog = g_object_ref (merge_from (window, file, &error));
  g_assert_no_error (error);

  /* The checklist only Jo's copy has is offered, and chosen to begin with. */
  {
    GtkWidget *bring = find_label_prefix (GTK_WIDGET (dialog), "Bring in “");

    g_assert_nonnull (bring);
    bring = gtk_widget_get_ancestor (bring, GTK_TYPE_CHECK_BUTTON);
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (bring)));
  }

  /* One expander per differing answer, reachable by keyboard, a pair of choices per field. */
  expander = tandem_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Choose _field by field");
  g_assert_nonnull (expander);
  expander = gtk_widget_get_ancestor (expander, GTK_TYPE_EXPANDER);
  g_assert_nonnull (expander);
  g_assert_true (gtk_widget_get_focusable (expander) || gtk_widget_get_focusable (gtk_widget_get_first_child (expander)));
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  tandem_ui_test_iterate ();
  g_assert_nonnull (tandem_ui_test_find_widget (expander, GTK_TYPE_LABEL, "Status"));
  g_assert_nonnull (tandem_ui_test_find_widget (expander, GTK_TYPE_LABEL, "Evidence"));
  g_assert_nonnull (tandem_ui_test_find_widget (expander, GTK_TYPE_LABEL, "Keep yours: Our minutes"));
  /* Each side says who changed it, from its own history. */
  g_assert_nonnull (find_label_prefix (expander, "Changed by Jo Barnes (Lay member), "));

  /* With TANDEM_SCREENSHOT_DIR set, a picture of the dialog, for people. */
  if (g_getenv ("TANDEM_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *shot = g_build_filename (g_getenv ("TANDEM_SCREENSHOT_DIR"),
                                                "merge-fields.png", NULL);
      const char *argv[] = { "import", "-window", "root", shot, NULL };

      gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

      /* Only for the picture: let the dialog draw what the test changed. */
      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
      g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                    NULL, NULL);
    }

  /* Tab from the expander reaches the field choices. */
  {
    GtkWidget *focus = NULL;

    g_assert_true (gtk_widget_grab_focus (expander));
    for (guint i = 0; i < 6; i++)
      {
        gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_TAB_FORWARD);
        focus = gtk_root_get_focus (GTK_ROOT (dialog));
        if (GTK_IS_CHECK_BUTTON (focus) && gtk_widget_is_ancestor (focus, expander))
          break;
      }
    g_assert_true (GTK_IS_CHECK_BUTTON (focus) && gtk_widget_is_ancestor (focus, expander));
  }

  choice = tandem_ui_test_find_widget (expander, GTK_TYPE_LABEL, "Take the other copy’s: Met");
  g_assert_nonnull (choice);
  choice = gtk_widget_get_ancestor (choice, GTK_TYPE_CHECK_BUTTON);
  g_assert_true (gtk_widget_get_focusable (choice));
  g_assert_true (gtk_widget_grab_focus (choice));
  g_assert_true (gtk_widget_activate (choice));
  tandem_ui_test_iterate ();

  g_assert_true (apply_merge (TANDEM_MERGE_DIALOG (dialog)));
  tandem_ui_test_iterate ();
  g_assert_cmpint (tandem_checklist_item_get_status (item), ==, TANDEM_ITEM_STATUS_MET);
  g_assert_cmpstr (tandem_checklist_item_get_evidence (item), ==, "Our minutes");
  g_assert_cmpuint (tandem_list_get_n (tandem_document_get_checklists (document)), ==, 2);
  g_assert_null (tandem_document_describe_trust (document));

  /* In the trail as Jo's, from her file. */
  audit = tandem_checklist_get_audit (checklist);
  last = tandem_list_get (audit, tandem_list_get_n (audit) - 1);
  g_assert_cmpstr (tandem_audit_entry_get_field (last), ==, "status");
  g_assert_cmpstr (tandem_audit_entry_get_who (last), ==, "Jo Barnes");
  g_assert_cmpstr (tandem_audit_entry_get_role (last), ==, "Lay member");
  g_assert_cmpstr (tandem_audit_entry_get_origin (last), ==, "merge: jo.tandem");
  g_assert_true (tandem_checklist_verify (checklist, NULL));

  tandem_document_undo (document);
  g_assert_cmpint (tandem_checklist_item_get_status (item), ==, TANDEM_ITEM_STATUS_NOT_STARTED);
  g_assert_cmpuint (tandem_list_get_n (tandem_document_get_checklists (document)), ==, 1);
  g_assert_true (tandem_checklist_verify (checklist, NULL));

  while (tandem_document_can_undo (document))
    tandem_document_undo (document);
  tandem_ui_test_close_window (window);
}

static void
test_merge (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  TandemChecklistPage *page = create_checklist (window, NULL);
  TandemChecklistItem *item = tandem_checklist_page_get_selected_item (page);
  g_autofree char *path = scratch_path ("chair.tandem");
  g_autofree char *other_path = scratch_path ("other-project.tandem");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other_file = g_file_new_for_path (other_path);
  g_autoptr(TandemDocument) theirs = NULL;
  g_autoptr(TandemDocument) other = tandem_document_new_project ();
  g_autoptr(GtkWindow) dialog = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *message;
  TandemChecklistItem *their_item;

  /* Another reviewer's copy of the same file, answered differently. */
  tandem_document_begin (document, "Answer");
  tandem_checklist_item_set_status (item, TANDEM_ITEM_STATUS_PARTLY_MET);
  tandem_document_commit (document);
  g_assert_true (tandem_storage_save (document, file, NULL, NULL));
  theirs = tandem_storage_load (file, NULL, NULL);
  their_item = TANDEM_CHECKLIST_ITEM (tandem_document_lookup (theirs, tandem_object_get_id (TANDEM_OBJECT (item))));
  tandem_document_set_reviewer (theirs, "Jo Barnes");
  tandem_document_begin (theirs, "Answer");
  tandem_checklist_item_set_status (their_item, TANDEM_ITEM_STATUS_MET);
  tandem_checklist_item_set_evidence (their_item, "Minutes of 3 May");
  tandem_document_commit (theirs);
  g_assert_true (tandem_storage_save (theirs, file, NULL, NULL));

  dialog = g_object_ref (merge_from (window, file, &error));
  g_assert_no_error (error);
  g_assert_true (TANDEM_IS_MERGE_DIALOG (dialog));
  g_assert_nonnull (tandem_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                                                "1 answer in “chair.tandem” differs from yours."));
  g_assert_nonnull (tandem_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Different answers"));
  g_assert_nonnull (tandem_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Answer from Jo Barnes"));

  /* Nothing is taken until chosen: Merge is not available yet. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.merge", NULL) &&
                  tandem_checklist_item_get_status (item) != TANDEM_ITEM_STATUS_PARTLY_MET);
  g_assert_cmpint (tandem_checklist_item_get_status (item), ==, TANDEM_ITEM_STATUS_PARTLY_MET);

  /* Choose their card, then merge. */
  {
    GtkWidget *card = tandem_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Answer from Jo Barnes");

    card = gtk_widget_get_ancestor (card, GTK_TYPE_TOGGLE_BUTTON);
    g_assert_nonnull (card);
    tandem_ui_test_press_button (card);
  }
  g_assert_true (apply_merge (TANDEM_MERGE_DIALOG (dialog)));
  tandem_ui_test_iterate ();
  g_assert_cmpint (tandem_checklist_item_get_status (item), ==, TANDEM_ITEM_STATUS_MET);
  g_assert_cmpstr (tandem_checklist_item_get_evidence (item), ==, "Minutes of 3 May");
  g_assert_cmpstr (tandem_document_get_undo_label (document), ==, "Merge Answers");

  /* One undo takes the merge back. */
  tandem_document_undo (document);
  g_assert_cmpint (tandem_checklist_item_get_status (item), ==, TANDEM_ITEM_STATUS_PARTLY_MET);

  /* A copy of a different project is explained, and changes nothing. */
  tandem_test_edit_title (other, "Another project");
  g_assert_true (tandem_storage_save (other, other_file, NULL, NULL));
  g_clear_object (&dialog);
  dialog = merge_from (window, other_file, &error);
  g_assert_null (dialog);
  g_assert_error (error, TANDEM_MERGE_ERROR, TANDEM_MERGE_ERROR_DIFFERENT_PROJECT);
  message = tandem_ui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==,
                   "Could Not Merge Answers from “other-project.tandem”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "different project"));
  adw_message_dialog_response (message, "close");
  g_assert_cmpint (tandem_checklist_item_get_status (item), ==, TANDEM_ITEM_STATUS_PARTLY_MET);

  while (tandem_document_can_undo (document))
    tandem_document_undo (document);
  tandem_ui_test_close_window (window);
}

static void
test_delete_and_undo (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  TandemDocument *document = tandem_window_get_document (window);
  TandemChecklistPage *page = create_checklist (window, "t7-principles-of-coproduction");
  TandemChecklist *checklist = g_object_ref (tandem_checklist_page_get_checklist (page));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "checklist.delete", NULL));
  tandem_ui_test_iterate ();
  g_assert_cmpuint (tandem_list_get_n (tandem_document_get_checklists (document)), ==, 0);
  g_assert_true (TANDEM_IS_OVERVIEW_PAGE (tandem_window_get_visible_page (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  tandem_ui_test_iterate ();
  g_assert_true (tandem_list_get (tandem_document_get_checklists (document), 0) == (gpointer)checklist);
  g_assert_true (tandem_window_select_object (window, TANDEM_OBJECT (checklist)));

  g_object_unref (checklist);
  while (tandem_document_can_undo (document))
    tandem_document_undo (document);
  tandem_ui_test_close_window (window);
}

static void
test_reviewer_name_preference (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  TandemWindow *window;
  TandemDocument *document;

  g_settings_set_string (settings, "reviewer-name", "Dr Sam Reviewer");
  window = tandem_ui_test_new_window ();
  document = tandem_window_get_document (window);
  g_assert_cmpstr (tandem_document_get_reviewer (document), ==, "Dr Sam Reviewer");

  /* A change applies to open windows at once; empty means no name, never the account's. */
  g_settings_set_string (settings, "reviewer-role", "Chair");
  g_settings_set_string (settings, "reviewer-name", "  ");
  tandem_ui_test_iterate ();
  g_assert_cmpstr (tandem_document_get_reviewer (document), ==, "");
  g_assert_cmpstr (tandem_document_get_reviewer_role (document), ==, "Chair");
  g_assert_cmpstr (tandem_document_get_reviewer (document), !=, g_get_user_name ());

  g_settings_reset (settings, "reviewer-name");
  g_settings_reset (settings, "reviewer-role");
  tandem_ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tandem_ui_test_init (&argc, &argv);
  scratch = tandem_test_make_temp_dir ();

  /* First: the question is asked once per run. */
  g_test_add_func ("/checklists/window/first-use-asks-who", test_first_use_asks_who);
  g_test_add_func ("/checklists/window/unverified-signoff-marked", test_unverified_signoff_marked);
  g_test_add_func ("/checklists/window/keyboard-answer-sign-save-reopen",
                   test_keyboard_answer_sign_save_reopen);
  g_test_add_func ("/checklists/window/void-on-change", test_changing_an_answer_voids_signoff);
  g_test_add_func ("/checklists/window/reasons-and-final-signoff", test_reasons_and_final_signoff);
  g_test_add_func ("/checklists/window/conditions-filters-search", test_conditions_filters_and_search);
  g_test_add_func ("/checklists/window/bad-template", test_bad_template_changes_nothing);
  g_test_add_func ("/checklists/window/attachments", test_attachments);
  g_test_add_func ("/checklists/window/merge", test_merge);
  g_test_add_func ("/checklists/window/merge-fields", test_merge_fields);
  g_test_add_func ("/checklists/window/delete-undo", test_delete_and_undo);
  g_test_add_func ("/checklists/window/reviewer-name", test_reviewer_name_preference);

  status = g_test_run ();
  tandem_test_remove_tree (scratch);

  return status;
}
