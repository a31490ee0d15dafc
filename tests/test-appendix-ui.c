/* test-appendix-ui.c: exporting and printing the appendix from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "tandem-appendix-dialog.h"
#include "tandem-checklist.h"
#include "tandem-storage.h"
#include "tandem-test-util.h"
#include "tandem-ui-test-util.h"

static char *scratch;
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

static TandemAppendixDialog *
find_appendix_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  tandem_ui_test_iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (TANDEM_IS_APPENDIX_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return TANDEM_APPENDIX_DIALOG (window);
    }

  return NULL;
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *out = NULL;
  g_autofree char *command = g_strdup_printf ("pdfinfo '%s'", path);
  const char *pages;

  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, NULL, NULL));
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);

  return (guint)atoi (pages + strlen ("Pages:"));
}

static void
on_exported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_appendix_export_finish (result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_dialog_and_export (void)
{
  TandemWindow *window = open_sample ();
  TandemAppendixDialog *dialog;
  TandemAppendixOptions options;
  g_autofree char *path = g_build_filename (scratch, "appendix.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *row;
  gboolean done = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-appendix", NULL));
  dialog = find_appendix_dialog ();
  g_assert_nonnull (dialog);

  /* Everything is included unless the user says otherwise. */
  tandem_appendix_dialog_get_options (dialog, &options);
  for (guint i = 0; i < tandem_appendix_get_n_parts (); i++)
    g_assert_true (tandem_appendix_options_get_part (&options, i));
  tandem_appendix_options_clear (&options);

  /* Switching off "Audit trail" as a keyboard user would: Space on its switch. */
  row = tandem_ui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Audit trail");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate (tandem_ui_test_find_widget (row, GTK_TYPE_SWITCH, NULL)));
  tandem_appendix_dialog_get_options (dialog, &options);
  g_assert_false (options.audit);
  g_assert_true (options.checklists);
  /* Every checklist goes in unless switched off. */
  g_assert_null (options.chosen_checklists);
  {
    TandemList *checklists = tandem_document_get_checklists (tandem_window_get_document (window));
    TandemAppendixOptions some;

    g_assert_cmpuint (tandem_list_get_n (checklists), >=, 1);
    row = tandem_ui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                      tandem_checklist_get_title (tandem_list_get (checklists, 0)));
    g_assert_nonnull (row);
    g_assert_true (gtk_widget_activate (tandem_ui_test_find_widget (row, GTK_TYPE_SWITCH, NULL)));
    tandem_appendix_dialog_get_options (dialog, &some);
    g_assert_nonnull (some.chosen_checklists);
    g_assert_false (g_strv_contains ((const char *const *)some.chosen_checklists, "1"));
    tandem_appendix_options_clear (&some);
    g_assert_true (gtk_widget_activate (tandem_ui_test_find_widget (row, GTK_TYPE_SWITCH, NULL)));
  }

  tandem_appendix_export_async (tandem_window_get_document (window), &options, file, NULL,
                                on_exported_cb, &done);
  tandem_appendix_options_clear (&options);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (pdf_pages (path), >=, 3);

  gtk_window_destroy (GTK_WINDOW (dialog));
  tandem_ui_test_close_window (window);
}

static void
test_print_has_the_same_pages (void)
{
  TandemWindow *window = open_sample ();
  TandemDocument *document = tandem_window_get_document (window);
  g_autofree char *printed = g_build_filename (scratch, "printed.pdf", NULL);
  g_autofree char *exported = g_build_filename (scratch, "exported.pdf", NULL);
  g_autoptr(GError) error = NULL;
  TandemAppendixOptions options;

  tandem_appendix_options_init (&options);
  tandem_appendix_options_set_date (&options, "2026-11-23", NULL);

  g_assert_true (tandem_appendix_print_to_file (GTK_WINDOW (window), document, &options, printed,
                                                &error));
  g_assert_no_error (error);
  g_assert_true (tandem_appendix_write_pdf (document, &options, exported, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (pdf_pages (printed), ==, pdf_pages (exported));

  tandem_appendix_options_clear (&options);
  tandem_ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tandem_ui_test_init (&argc, &argv);
  scratch = tandem_test_make_temp_dir ();
  sample_path = argc > 1 ? argv[1] : g_getenv ("TANDEM_SAMPLE");
  g_assert_nonnull (sample_path);

  g_test_add_func ("/appendix/ui/dialog-and-export", test_dialog_and_export);
  g_test_add_func ("/appendix/ui/print-same-pages", test_print_has_the_same_pages);

  status = g_test_run ();
  tandem_test_remove_tree (scratch);

  return status;
}
