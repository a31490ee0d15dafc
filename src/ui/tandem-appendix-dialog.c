/* tandem-appendix-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-appendix-dialog"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "tandem-appendix-dialog.h"
#include "tandem-checklist.h"

/*
 * The PCBC appendix from the window: a dialog choosing its parts (all on by default) and the
 * paper of the journey figures, then either a PDF (written on a worker thread from a copy of
 * the document) or a print through GtkPrintOperation with the very same pages.
 *
 * A large appendix takes seconds to write. While it is written the dialog stays open with a
 * progress bar, stops being modal so that the user can go on working in the window, and its
 * Cancel button (or closing it) stops the export: no file is left behind.
 *
 * GTK's print path draws onto a plain cairo surface: the PDF a printer, or "Print to File",
 * gets has the same pages but no structure tree, so a screen reader cannot follow it. Where
 * the user prints, the dialog says so and offers the tagged PDF instead: in the Print
 * Appendix dialog, and in a tab of GTK's print dialog.
 */

struct _TandemAppendixDialog
{
  AdwWindow                    parent_instance;

  TandemDocument              *document;
  TandemAppendixDialogPurpose  purpose;
  GPtrArray                   *switches;
  GPtrArray                   *checklist_switches;  /* one per checklist, in order */
  AdwComboRow                 *paper_row;
  GtkButton                   *go_button;
  GtkWidget                   *options_page;
  GtkWidget                   *progress_box;
  GtkWidget                   *accessible_group;  /* printing: the offer of the tagged PDF */
  GtkProgressBar              *progress_bar;
  GCancellable                *cancellable;  /* while exporting */
};

G_DEFINE_FINAL_TYPE (TandemAppendixDialog, tandem_appendix_dialog, ADW_TYPE_WINDOW)

static void choose_export_file (TandemAppendixDialog *self);
static void set_options        (TandemAppendixDialog        *self,
                                const TandemAppendixOptions *options);

static void
copy_options (TandemAppendixOptions       *copy,
              const TandemAppendixOptions *options)
{
  *copy = *options;
  copy->date = g_strdup (options->date);
  copy->chosen_checklists = g_strdupv (options->chosen_checklists);
}

/* The Export Appendix dialog with the parts the user chose for printing, already asking
 * where to save the PDF. */
static void
export_instead (GtkWindow                   *parent,
                TandemDocument              *document,
                const TandemAppendixOptions *options)
{
  TandemAppendixDialog *dialog = tandem_appendix_dialog_new (parent, document,
                                                             TANDEM_APPENDIX_DIALOG_EXPORT);

  set_options (dialog, options);
  gtk_window_present (GTK_WINDOW (dialog));
  choose_export_file (dialog);
}

/* The sentence and the button, for both places that offer the tagged PDF. */
static const char *
accessible_notice (void)
{
  return _("Printed copies and PDFs made by printing are not accessible to screen readers.");
}

/* Printing */

typedef struct
{
  TandemFlow            *flow;
  TandemDocument        *document;  /* (nullable): to export instead */
  TandemAppendixOptions  options;
  gboolean               export_instead;
} PrintData;

static void
print_data_free (gpointer data)
{
  PrintData *print = data;

  tandem_flow_free (print->flow);
  g_clear_object (&print->document);
  tandem_appendix_options_clear (&print->options);
  g_free (print);
}

/* In GTK's print dialog: leave it, as Cancel does, and export the tagged PDF instead. */
static void
on_print_export_instead_clicked_cb (GtkButton *button,
                                    PrintData *print)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  print->export_instead = TRUE;
  if (GTK_IS_DIALOG (root))
    gtk_dialog_response (GTK_DIALOG (root), GTK_RESPONSE_CANCEL);
}

static GObject *
on_print_create_custom_widget_cb (GtkPrintOperation *operation,
                                  PrintData         *print)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label = gtk_label_new (accessible_notice ());
  GtkWidget *detail = gtk_label_new (_("Export the appendix as a PDF instead: it has headings, "
                                       "bookmarks and descriptions of the figures that screen "
                                       "readers use, with the same pages."));
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Export _Accessible PDF…"));

  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (detail), 60);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect (button, "clicked", G_CALLBACK (on_print_export_instead_clicked_cb), print);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_box_append (GTK_BOX (box), button);

  return G_OBJECT (box);
}

static void
on_print_request_page_setup_cb (GtkPrintOperation *operation,
                                GtkPrintContext   *context,
                                int                page,
                                GtkPageSetup      *setup,
                                PrintData         *print)
{
  double width, height;

  /* Journey figures are on landscape pages, as in the PDF. */
  tandem_flow_get_page_size (print->flow, page, &width, &height);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
on_print_draw_page_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page,
                       PrintData         *print)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, scale;

  tandem_flow_get_page_size (print->flow, page, &width, &height);

  /* Our pages are laid out in points for A4; fit them to the printer's paper. */
  scale = MIN (gtk_print_context_get_width (context) / width,
               gtk_print_context_get_height (context) / height);
  cairo_scale (cr, scale, scale);
  tandem_flow_draw_page (print->flow, cr, page, FALSE);
}

/* Prints @flow (taken over), laid out already, from @document with @options. */
static GtkPrintOperationResult
run_print_flow (GtkWindow                   *parent,
                TandemFlow                  *flow,
                TandemDocument              *document,
                const TandemAppendixOptions *options,
                GtkPrintOperationAction      action,
                const char                  *export_path,
                GError                     **error)
{
  const char *title = tandem_document_get_title (document);
  GtkPrintOperationResult result;
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  PrintData *print = g_new0 (PrintData, 1);
  g_autofree char *name = g_strdup_printf (_("%s — appendix"), title);

  print->flow = flow;
  print->document = g_object_ref (document);
  copy_options (&print->options, options);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, tandem_flow_paginate (print->flow));
  gtk_print_operation_set_job_name (operation, name);
  gtk_print_operation_set_embed_page_setup (operation, FALSE);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  g_object_set_data_full (G_OBJECT (operation), "print", print, print_data_free);

  g_signal_connect (operation, "request-page-setup", G_CALLBACK (on_print_request_page_setup_cb), print);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_print_draw_page_cb), print);

  /* A tab of the print dialog says what printing loses, and offers the tagged PDF. */
  if (action == GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG)
    {
      gtk_print_operation_set_custom_tab_label (operation, _("Accessible PDF"));
      g_signal_connect (operation, "create-custom-widget",
                        G_CALLBACK (on_print_create_custom_widget_cb), print);
    }

  result = gtk_print_operation_run (operation, action, parent, error);

  if (result == GTK_PRINT_OPERATION_RESULT_CANCEL && print->export_instead)
    export_instead (parent, print->document, &print->options);

  return result;
}

static GtkPrintOperationResult
run_print (GtkWindow                   *parent,
           TandemDocument              *document,
           const TandemAppendixOptions *options,
           GtkPrintOperationAction      action,
           const char                  *export_path,
           GError                     **error)
{
  return run_print_flow (parent, tandem_appendix_build (document, options), document, options,
                         action, export_path, error);
}

typedef struct
{
  GtkWindow             *parent;
  TandemDocument        *document;
  TandemAppendixOptions  options;
  gboolean               preview;
} PrintLater;

static void
print_later_free (PrintLater *later)
{
  g_object_unref (later->parent);
  g_object_unref (later->document);
  tandem_appendix_options_clear (&later->options);
  g_free (later);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrintLater, print_later_free)

static void
show_print_error (GtkWindow  *parent,
                  GError     *error)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent,
                                                                         _("Could Not Print"),
                                                                         error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_print_laid_out_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(PrintLater) later = user_data;
  g_autoptr(GError) error = NULL;
  TandemFlow *flow;

  flow = tandem_appendix_build_finish (result, &error);

  /* The window closed meanwhile: there is nothing to print from. */
  if (!gtk_widget_get_realized (GTK_WIDGET (later->parent)))
    {
      tandem_flow_free (flow);
      return;
    }

  if (flow == NULL ||
      run_print_flow (later->parent, flow, later->document, &later->options,
                      later->preview ? GTK_PRINT_OPERATION_ACTION_PREVIEW
                                     : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                      NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_print_error (later->parent, error);
}

/**
 * tandem_appendix_print:
 * @preview: show the print preview instead of the print dialog
 *
 * Prints the appendix with the same pagination as the PDF. The pages are laid out first on a
 * worker thread, from a copy of @document (a second or two for thousands of pages), then
 * the print dialog or the preview opens.
 */
void
tandem_appendix_print (GtkWindow                   *parent,
                       TandemDocument              *document,
                       const TandemAppendixOptions *options,
                       gboolean                     preview)
{
  PrintLater *later = g_new0 (PrintLater, 1);

  later->parent = g_object_ref (parent);
  later->document = g_object_ref (document);
  copy_options (&later->options, options);
  later->preview = preview;
  tandem_appendix_build_async (document, options, NULL, on_print_laid_out_cb, later);
}

/**
 * tandem_appendix_print_to_file:
 *
 * Runs the print operation without a dialog, into a PDF file: what the printer would get.
 */
gboolean
tandem_appendix_print_to_file (GtkWindow                   *parent,
                               TandemDocument              *document,
                               const TandemAppendixOptions *options,
                               const char                  *path,
                               GError                     **error)
{
  return run_print (parent, document, options, GTK_PRINT_OPERATION_ACTION_EXPORT, path, error)
         == GTK_PRINT_OPERATION_RESULT_APPLY;
}

/* Exporting */

typedef struct
{
  TandemAppendixDialog *self;
  GtkWindow            *parent;
  GApplication         *application;  /* held until the worker is done, even if cancelled */
} ExportState;

static void
export_state_free (ExportState *state)
{
  g_object_unref (state->self);
  g_clear_object (&state->parent);
  if (state->application != NULL)
    g_application_release (state->application);
  g_clear_object (&state->application);
  g_free (state);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportState, export_state_free)

static void
on_export_progress_cb (double   fraction,
                       gpointer user_data)
{
  TandemAppendixDialog *self = user_data;
  g_autofree char *text = NULL;

  g_assert (TANDEM_IS_APPENDIX_DIALOG (self));

  /* TRANSLATORS: on the progress bar while the appendix is written, “42% written” */
  text = g_strdup_printf (_("%.0f%% written"), floor (fraction * 100));
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ExportState) state = user_data;
  TandemAppendixDialog *self = state->self;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_assert (TANDEM_IS_APPENDIX_DIALOG (self));

  ok = tandem_appendix_export_finish (result, &error);
  g_clear_object (&self->cancellable);

  /* Cancelled by the user: nothing was written, and there is nothing more to say. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (!ok)
    {
      AdwMessageDialog *dialog;
      g_autofree char *body = g_strdup_printf (_("The appendix was not written: %s. Choose another "
                                                 "place or name, and try again."), error->message);

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (state->parent,
                                                           _("Could Not Export the Appendix"),
                                                           body));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    {
      g_object_set_data (G_OBJECT (state->parent), "tandem-appendix-exported",
                         GINT_TO_POINTER (TRUE));
      gtk_widget_activate_action (GTK_WIDGET (state->parent), "win.show-toast", "s",
                                  _("Appendix exported as a PDF"));
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

/* Closing the dialog while it exports is cancelling the export. A window that is destroyed
 * is unrealized, whoever still holds it (the export does). */
static void
on_unrealize_cb (TandemAppendixDialog *self)
{
  g_assert (TANDEM_IS_APPENDIX_DIALOG (self));

  g_cancellable_cancel (self->cancellable);
}

/* The project's window is closing: so does this dialog, which cancels the export. (The
 * export holds the window, so "destroy-with-parent" alone would wait for it.) */
static void
on_parent_unrealize_cb (TandemAppendixDialog *self)
{
  g_assert (TANDEM_IS_APPENDIX_DIALOG (self));

  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * tandem_appendix_dialog_export_to_file:
 *
 * Starts writing the appendix with the options chosen to @file, as the Export button does
 * once a file is chosen: the dialog shows the progress until the PDF is written, then closes.
 */
void
tandem_appendix_dialog_export_to_file (TandemAppendixDialog *self,
                                       GFile                *file)
{
  GtkApplication *application;
  ExportState *state;
  TandemAppendixOptions options;

  g_return_if_fail (TANDEM_IS_APPENDIX_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->cancellable == NULL);

  state = g_new0 (ExportState, 1);
  state->self = g_object_ref (self);
  state->parent = g_object_ref (gtk_window_get_transient_for (GTK_WINDOW (self)));
  self->cancellable = g_cancellable_new ();

  /* The application does not quit under a worker still writing: a cancelled export takes
   * a page's time to remove what it wrote. */
  application = gtk_window_get_application (state->parent);
  if (application != NULL)
    {
      state->application = g_object_ref (G_APPLICATION (application));
      g_application_hold (state->application);
    }
  g_signal_connect_object (state->parent, "unrealize", G_CALLBACK (on_parent_unrealize_cb), self,
                           G_CONNECT_SWAPPED);

  /* The options stay on view, but cannot change what is already being written. */
  gtk_widget_set_sensitive (self->options_page, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->go_button), FALSE);
  gtk_widget_set_visible (self->progress_box, TRUE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Laying out the pages…"));
  gtk_window_set_modal (GTK_WINDOW (self), FALSE);
  gtk_window_set_title (GTK_WINDOW (self), _("Exporting Appendix"));

  tandem_appendix_dialog_get_options (self, &options);
  tandem_appendix_export_async (self->document, &options, file, self->cancellable,
                                on_export_progress_cb, self, on_export_done_cb, state);
  tandem_appendix_options_clear (&options);
}

/**
 * tandem_appendix_dialog_get_cancellable:
 *
 * Returns: (transfer none) (nullable): what the Cancel button cancels while exporting
 */
GCancellable *
tandem_appendix_dialog_get_cancellable (TandemAppendixDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_APPENDIX_DIALOG (self), NULL);

  return self->cancellable;
}

static void
on_save_response_cb (GtkNativeDialog      *chooser,
                     int                   response,
                     TandemAppendixDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      tandem_appendix_dialog_export_to_file (self, file);
    }

  g_object_unref (chooser);
}

static void
on_go_clicked_cb (TandemAppendixDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (self->purpose == TANDEM_APPENDIX_DIALOG_PRINT)
    {
      TandemAppendixOptions options;

      tandem_appendix_dialog_get_options (self, &options);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      tandem_appendix_print (parent, self->document, &options, FALSE);
      tandem_appendix_options_clear (&options);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else
    choose_export_file (self);
}

/* Asks where to save the PDF, then exports. */
static void
choose_export_file (TandemAppendixDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");

  chooser = gtk_file_chooser_native_new (_("Export Appendix"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = g_strdup_printf (_("%s — appendix.pdf"),
                          tandem_document_get_title (self->document)[0]
                            ? tandem_document_get_title (self->document) : _("Project"));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* In the Print Appendix dialog: the same parts, exported as the tagged PDF instead. */
static void
on_export_instead_clicked_cb (TandemAppendixDialog *self)
{
  self->purpose = TANDEM_APPENDIX_DIALOG_EXPORT;
  gtk_window_set_title (GTK_WINDOW (self), _("Export Appendix"));
  gtk_button_set_label (self->go_button, _("_Export…"));
  gtk_widget_set_visible (self->accessible_group, FALSE);
  choose_export_file (self);
}

/* GObject */

static void
tandem_appendix_dialog_dispose (GObject *object)
{
  TandemAppendixDialog *self = (TandemAppendixDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);
  g_clear_pointer (&self->switches, g_ptr_array_unref);
  g_clear_pointer (&self->checklist_switches, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_appendix_dialog_parent_class)->dispose (object);
}

static void
tandem_appendix_dialog_class_init (TandemAppendixDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_appendix_dialog_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_appendix_dialog_init (TandemAppendixDialog *self)
{
  self->switches = g_ptr_array_new ();
  self->checklist_switches = g_ptr_array_new ();
}

/**
 * tandem_appendix_dialog_new:
 *
 * Returns: (transfer none): a modal dialog for @parent
 */
TandemAppendixDialog *
tandem_appendix_dialog_new (GtkWindow                   *parent,
                            TandemDocument              *document,
                            TandemAppendixDialogPurpose  purpose)
{
  TandemAppendixDialog *self;
  GtkWidget *toolbar, *header, *cancel, *page, *parts_group, *paper_group, *content;
  g_autoptr(GtkStringList) papers = gtk_string_list_new (NULL);
  TandemAppendixOptions defaults;

  self = g_object_new (TANDEM_TYPE_APPENDIX_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       "default-width", 520,
                       "default-height", 760,
                       "title", purpose == TANDEM_APPENDIX_DIALOG_PRINT ? _("Print Appendix")
                                                                        : _("Export Appendix"),
                       NULL);
  self->document = g_object_ref (document);
  self->purpose = purpose;

  tandem_appendix_options_init (&defaults);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->go_button = GTK_BUTTON (gtk_button_new_with_mnemonic (purpose == TANDEM_APPENDIX_DIALOG_PRINT
                                                                ? _("_Print…") : _("_Export…")));
  gtk_widget_add_css_class (GTK_WIDGET (self->go_button), "suggested-action");
  g_signal_connect_swapped (self->go_button, "clicked", G_CALLBACK (on_go_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->go_button));
  gtk_box_append (GTK_BOX (content), header);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  parts_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (parts_group), _("Include"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (parts_group),
                                         _("The appendix to attach to the pre-consultation business "
                                           "case: who was involved, how, what the board concluded and "
                                           "how the journey changes."));

  for (guint i = 0; i < tandem_appendix_get_n_parts (); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_appendix_get_part_title (i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), tandem_appendix_get_part_description (i));
      gtk_switch_set_active (GTK_SWITCH (toggle), tandem_appendix_options_get_part (&defaults, i));
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (parts_group), row);
      g_ptr_array_add (self->switches, toggle);
    }

  /* Printing: say first what a printed copy loses, and offer what does not. */
  if (purpose == TANDEM_APPENDIX_DIALOG_PRINT)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Export _Accessible PDF…"));

      self->accessible_group = adw_preferences_group_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), accessible_notice ());
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("The exported PDF has the same pages, with headings, bookmarks "
                                     "and descriptions of the figures."));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("dialog-information-symbolic"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_export_instead_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->accessible_group), row);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                                ADW_PREFERENCES_GROUP (self->accessible_group));
    }

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (parts_group));

  /* Which checklists go in, all of them unless the user says otherwise. */
  if (tandem_list_get_n (tandem_document_get_checklists (document)) > 0)
    {
      TandemList *checklists = tandem_document_get_checklists (document);
      GtkWidget *checklists_group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (checklists_group), _("Checklists"));
      for (guint i = 0; i < tandem_list_get_n (checklists); i++)
        {
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *toggle = gtk_switch_new ();
          g_autofree char *title = g_markup_escape_text (tandem_checklist_get_title (tandem_list_get (checklists, i)), -1);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
          gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (checklists_group), row);
          g_ptr_array_add (self->checklist_switches, toggle);
        }
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (checklists_group));
    }

  paper_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (paper_group), _("Journey Figures"));
  gtk_string_list_append (papers, _("A4 landscape"));
  gtk_string_list_append (papers, _("A3 landscape"));
  self->paper_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->paper_row), _("Paper"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->paper_row),
                               _("A map too large to read on one page is split into overlapping parts"));
  adw_combo_row_set_model (self->paper_row, G_LIST_MODEL (papers));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (paper_group), GTK_WIDGET (self->paper_row));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (paper_group));
  gtk_box_append (GTK_BOX (content), page);
  self->options_page = page;

  /* Shown while exporting, under the options. */
  self->progress_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (self->progress_box, 24);
  gtk_widget_set_margin_end (self->progress_box, 24);
  gtk_widget_set_margin_top (self->progress_box, 12);
  gtk_widget_set_margin_bottom (self->progress_box, 24);
  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->progress_bar, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Export progress"), -1);
  gtk_box_append (GTK_BOX (self->progress_box), GTK_WIDGET (self->progress_bar));
  gtk_widget_set_visible (self->progress_box, FALSE);
  gtk_box_append (GTK_BOX (content), self->progress_box);
  g_signal_connect (self, "unrealize", G_CALLBACK (on_unrealize_cb), NULL);

  toolbar = content;
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  tandem_appendix_options_clear (&defaults);

  return self;
}

/**
 * tandem_appendix_dialog_get_options:
 *
 * Fills @options with the parts chosen; clear them with tandem_appendix_options_clear().
 */
void
tandem_appendix_dialog_get_options (TandemAppendixDialog  *self,
                                    TandemAppendixOptions *options)
{
  tandem_appendix_options_init (options);

  for (guint i = 0; i < self->switches->len; i++)
    tandem_appendix_options_set_part (options, i,
                                      gtk_switch_get_active (g_ptr_array_index (self->switches, i)));

  options->figure_paper = adw_combo_row_get_selected (self->paper_row) == 1 ? TANDEM_PAPER_A3
                                                                            : TANDEM_PAPER_A4;

  /* Checklists by number, as --pdf-checklists takes them; none listed means all. */
  {
    g_autoptr(GStrvBuilder) chosen = g_strv_builder_new ();
    gboolean all = TRUE;

    for (guint i = 0; i < self->checklist_switches->len; i++)
      {
        if (gtk_switch_get_active (g_ptr_array_index (self->checklist_switches, i)))
          {
            g_autofree char *number = g_strdup_printf ("%u", i + 1);
            g_strv_builder_add (chosen, number);
          }
        else
          all = FALSE;
      }

    if (!all)
      options->chosen_checklists = g_strv_builder_end (chosen);
  }
}

/* Shows @options in the switches: the parts, the paper and the checklists chosen. */
static void
set_options (TandemAppendixDialog        *self,
             const TandemAppendixOptions *options)
{
  for (guint i = 0; i < self->switches->len; i++)
    gtk_switch_set_active (g_ptr_array_index (self->switches, i),
                           tandem_appendix_options_get_part (options, i));

  adw_combo_row_set_selected (self->paper_row, options->figure_paper == TANDEM_PAPER_A3 ? 1 : 0);

  for (guint i = 0; i < self->checklist_switches->len; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      gtk_switch_set_active (g_ptr_array_index (self->checklist_switches, i),
                             options->chosen_checklists == NULL ||
                             g_strv_contains ((const char *const *)options->chosen_checklists,
                                              number));
    }
}
