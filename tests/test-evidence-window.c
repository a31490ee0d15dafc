/* test-evidence-window.c: links and attached files in the item editor, in a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "tandem-attachment.h"
#include "tandem-checklist-item.h"
#include "tandem-checklist-page.h"
#include "tandem-evidence-link.h"
#include "tandem-item-editor.h"
#include "tandem-new-checklist-dialog.h"
#include "tandem-test-util.h"
#include "tandem-ui-test-util.h"

/* A button activates on the next frames, as a real press does: wait for its "clicked". */
static void
press_button (GtkWidget *button)
{
  gboolean clicked = FALSE;
  gulong handler;

  handler = g_signal_connect_swapped (button, "clicked", G_CALLBACK (g_nullify_pointer), &clicked);
  clicked = TRUE;
  g_assert_true (gtk_widget_activate (button));
  while (clicked)
    g_main_context_iteration (NULL, TRUE);
  if (GTK_IS_WIDGET (button) && g_signal_handler_is_connected (button, handler))
    g_signal_handler_disconnect (button, handler);
  tandem_ui_test_iterate ();
}

static TandemItemEditor *
new_checklist_editor (TandemWindow *window)
{
  GtkWidget *dialog = GTK_WIDGET (tandem_window_new_checklist (window));
  GtkWidget *create;
  GtkWidget *page;

  tandem_ui_test_iterate ();
  g_assert_true (TANDEM_IS_NEW_CHECKLIST_DIALOG (dialog));
  create = tandem_ui_test_find_widget (dialog, GTK_TYPE_BUTTON, "C_reate");
  g_assert_nonnull (create);
  press_button (create);

  page = tandem_window_get_visible_page (window);
  g_assert_true (TANDEM_IS_CHECKLIST_PAGE (page));
  gtk_test_widget_wait_for_draw (page);

  return TANDEM_ITEM_EDITOR (tandem_checklist_page_get_editor (TANDEM_CHECKLIST_PAGE (page)));
}

/* Types a link into the entry and applies it, as the user does; returns the dialog, if any. */
static AdwMessageDialog *
add_link (TandemWindow     *window,
          TandemItemEditor *editor,
          const char       *text)
{
  GtkWidget *row = tandem_ui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                               "Add a _web or mail address");

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");

  return tandem_ui_test_find_dialog (GTK_WINDOW (window));
}

static void
close_dialog (AdwMessageDialog *dialog,
              const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  tandem_ui_test_iterate ();
}

static void
test_link_entry (void)
{
  static const struct {
    const char *typed;
    const char *says;
  } refused[] = {
    { "file:///usr/bin/xterm", "http, https and mailto" },
    { "smb://server/share/evidence.docx", "http, https and mailto" },
    { "/home/reviewer/evidence.pdf", "Attach File" },
    { "javascript:alert(1)", "http, https and mailto" },
  };
  TandemWindow *window = tandem_ui_test_new_window ();
  TandemItemEditor *editor = new_checklist_editor (window);
  TandemChecklistItem *item = tandem_item_editor_get_item (editor);
  TandemList *links = tandem_checklist_item_get_links (item);
  GtkWidget *row = tandem_ui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                               "Add a _web or mail address");
  AdwMessageDialog *dialog;

  /* There is no way to link to a file any more: files are attached. */
  g_assert_null (tandem_ui_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON,
                                             "_Link to File…"));

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      dialog = add_link (window, editor, refused[i].typed);
      g_assert_nonnull (dialog);
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Add the Link");
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), refused[i].says));
      close_dialog (dialog, "close");

      /* Nothing added, and what was typed stays to be corrected. */
      g_assert_cmpuint (tandem_list_get_n (links), ==, 0);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, refused[i].typed);
    }

  g_assert_null (add_link (window, editor, "www.example.org/report.pdf"));
  g_assert_cmpuint (tandem_list_get_n (links), ==, 1);
  g_assert_cmpstr (tandem_evidence_link_get_uri (tandem_list_get (links, 0)), ==,
                   "https://www.example.org/report.pdf");

  g_assert_null (add_link (window, editor, "engagement@example.nhs.uk"));
  g_assert_cmpuint (tandem_list_get_n (links), ==, 2);
  g_assert_cmpstr (tandem_evidence_link_get_uri (tandem_list_get (links, 1)), ==,
                   "mailto:engagement@example.nhs.uk");

  tandem_ui_test_close_window (window);
}

static void
test_risky_attachment_asks (void)
{
  TandemWindow *window = tandem_ui_test_new_window ();
  TandemItemEditor *editor = new_checklist_editor (window);
  TandemChecklistItem *item = tandem_item_editor_get_item (editor);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("[Desktop Entry]\nExec=xterm\n", 27);
  g_autoptr(GError) error = NULL;
  g_autofree char *copies = NULL;
  TandemAttachment *attachment;
  GtkWidget *row;
  AdwMessageDialog *dialog;

  /* A name that would show as “invoiceknil.pdf” keeps none of its direction controls. */
  g_assert_true (tandem_item_editor_attach_bytes (editor, "invoice\u202Efdp.desktop", bytes,
                                                  &error));
  g_assert_no_error (error);
  tandem_ui_test_iterate ();
  attachment = tandem_list_get (tandem_checklist_item_get_attachments (item), 0);
  g_assert_cmpstr (tandem_attachment_get_name (attachment), ==, "invoicefdp.desktop");

  row = tandem_ui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW,
                                    "invoicefdp.desktop");
  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);

  /* Asked first, naming the type; Cancel opens nothing and makes no copy. */
  dialog = tandem_ui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Open “invoicefdp.desktop”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "can run programs"));
  g_assert_true (adw_message_dialog_has_response (dialog, "open"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  close_dialog (dialog, "cancel");

  copies = g_build_filename (g_get_user_cache_dir (), "tandem", "attachments",
                             tandem_attachment_get_blob (attachment), NULL);
  g_assert_false (g_file_test (copies, G_FILE_TEST_EXISTS));

  tandem_document_undo (tandem_window_get_document (window));
  tandem_ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  tandem_ui_test_init (&argc, &argv);

  g_test_add_func ("/evidence/window/link-entry", test_link_entry);
  g_test_add_func ("/evidence/window/risky-attachment", test_risky_attachment_asks);

  return g_test_run ();
}
