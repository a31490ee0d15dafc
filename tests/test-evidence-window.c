/* test-evidence-window.c: links and attached files in the item editor, in a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "tandem-attachment.h"
#include "tandem-checklist.h"
#include "tandem-checklist-item.h"
#include "tandem-checklist-page.h"
#include "tandem-checklist-section.h"
#include "tandem-evidence-link.h"
#include "tandem-item-editor.h"
#include "tandem-new-checklist-dialog.h"
#include "tandem-storage.h"
#include "tandem-test-util.h"
#include "tandem-ui-test-util.h"

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
  tandem_ui_test_press_button (create);

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

/* A project saved by an older Tandem with a link to a file and one to a shared drive. */
static GFile *
save_older_project (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "older.tandem", NULL);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(TandemDocument) older = tandem_document_new ();
  g_autoptr(TandemChecklist) checklist = tandem_checklist_new ();
  g_autoptr(TandemChecklistSection) section = tandem_checklist_section_new ();
  g_autoptr(TandemChecklistItem) item = tandem_checklist_item_new ();
  const char *uris[] = { "https://www.example.org/board", "file:///home/ann/minutes.odt",
                         "smb://server/share/survey.xlsx" };
  g_autoptr(GError) error = NULL;

  tandem_document_begin (older, "Older");
  tandem_checklist_set_title (checklist, "Checklist");
  tandem_checklist_section_set_title (section, "Section");
  tandem_checklist_item_set_question (item, "Was the public involved?");
  tandem_checklist_item_set_evidence (item, "Two workshops.");
  for (guint i = 0; i < G_N_ELEMENTS (uris); i++)
    {
      g_autoptr(TandemEvidenceLink) link = tandem_evidence_link_new ();

      tandem_evidence_link_set_uri (link, uris[i]);
      tandem_list_append (tandem_checklist_item_get_links (item), link);
    }
  tandem_list_append (tandem_checklist_section_get_items (section), item);
  tandem_list_append (tandem_checklist_get_sections (checklist), section);
  tandem_list_append (tandem_document_get_checklists (older), checklist);
  tandem_document_commit (older);

  g_assert_true (tandem_storage_save (older, file, NULL, &error));
  g_assert_no_error (error);

  return file;
}

static void
test_older_links_kept_as_text (void)
{
  g_autofree char *dir = tandem_test_make_temp_dir ();
  g_autoptr(GFile) file = save_older_project (dir);
  TandemWindow *window = tandem_ui_test_new_window ();
  TandemDocument *document;
  TandemChecklist *checklist;
  TandemChecklistSection *section;
  TandemChecklistItem *item;

  tandem_window_load (window, file);
  tandem_ui_test_wait_idle (window);

  /* It opens, without a question... */
  g_assert_null (tandem_ui_test_find_dialog (GTK_WINDOW (window)));
  g_assert_true (g_file_equal (tandem_window_get_file (window), file));
  document = tandem_window_get_document (window);
  checklist = tandem_list_get (tandem_document_get_checklists (document), 0);
  section = tandem_list_get (tandem_checklist_get_sections (checklist), 0);
  item = tandem_list_get (tandem_checklist_section_get_items (section), 0);

  /* ...the web link is a link, the other two are lines of the answer's evidence... */
  g_assert_cmpuint (tandem_list_get_n (tandem_checklist_item_get_links (item)), ==, 1);
  g_assert_cmpstr (tandem_checklist_item_get_evidence (item), ==,
                   "Two workshops.\n"
                   "Link kept as text, because Tandem opens only web and mail links: "
                   "file:///home/ann/minutes.odt\n"
                   "Link kept as text, because Tandem opens only web and mail links: "
                   "smb://server/share/survey.xlsx");

  /* ...the window says so once, and the project is unsaved until saved with the change. */
  g_assert_nonnull (tandem_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                                "2 links to files were kept as text in their "
                                                "answers; Tandem opens only web and mail "
                                                "links"));
  g_assert_true (tandem_document_get_modified (document));

  tandem_ui_test_close_window (window);
  tandem_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  tandem_ui_test_init (&argc, &argv);
  tandem_ui_test_set_reviewer ("Sam Reviewer", "Board secretary");

  g_test_add_func ("/evidence/window/link-entry", test_link_entry);
  g_test_add_func ("/evidence/window/risky-attachment", test_risky_attachment_asks);
  g_test_add_func ("/evidence/window/older-links-kept-as-text", test_older_links_kept_as_text);

  return g_test_run ();
}
