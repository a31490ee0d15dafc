/* tandem-feedback-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-feedback"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-dialogs.h"
#include "tandem-feedback-export.h"
#include "tandem-feedback-report.h"

/*
 * File ▸ Export Feedback Report…: a file chooser, then the report is written on a worker
 * thread from a snapshot (as the appendix is), so the window stays usable; a toast says when
 * it is done, an error dialog says why not. It has no options, so it needs no dialog of its
 * own.
 */

typedef struct
{
  GtkWindow    *parent;
  GApplication *application;
} ExportState;

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ExportState *state = user_data;
  g_autoptr(GError) error = NULL;

  if (!tandem_feedback_report_export_finish (result, &error))
    {
      if (gtk_widget_get_realized (GTK_WIDGET (state->parent)))
        tandem_show_error (GTK_WIDGET (state->parent), _("Could Not Export the Feedback Report"),
                           error->message);
    }
  else
    {
      g_object_set_data (G_OBJECT (state->parent), "tandem-feedback-exported",
                         GINT_TO_POINTER (TRUE));
      gtk_widget_activate_action (GTK_WIDGET (state->parent), "win.show-toast", "s",
                                  _("Feedback report exported as a PDF"));
    }

  if (state->application != NULL)
    {
      g_application_release (state->application);
      g_object_unref (state->application);
    }
  g_object_unref (state->parent);
  g_free (state);
}

/**
 * tandem_feedback_export_to_file:
 *
 * Writes the feedback report of @document to @file on a worker thread, as the menu item does
 * once a file is chosen.
 */
void
tandem_feedback_export_to_file (GtkWindow      *parent,
                                TandemDocument *document,
                                GFile          *file)
{
  ExportState *state = g_new0 (ExportState, 1);
  GtkApplication *application = gtk_window_get_application (parent);

  state->parent = g_object_ref (parent);
  /* The application does not quit under a worker still writing. */
  if (application != NULL)
    {
      state->application = g_object_ref (G_APPLICATION (application));
      g_application_hold (state->application);
    }

  tandem_feedback_report_export_async (document, file, NULL, on_export_done_cb, state);
}

typedef struct
{
  GtkWindow      *parent;
  TandemDocument *document;
} ChooseState;

static void
on_save_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  ChooseState *state = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      tandem_feedback_export_to_file (state->parent, state->document, file);
    }

  g_object_unref (state->parent);
  g_object_unref (state->document);
  g_free (state);
  g_object_unref (chooser);
}

/**
 * tandem_feedback_export_choose:
 *
 * Asks where to save the feedback report, then writes it. A project with no themes is told
 * so at once, before any file is chosen.
 */
void
tandem_feedback_export_choose (GtkWindow      *parent,
                               TandemDocument *document)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  ChooseState *state;

  if (!tandem_feedback_report_check (document, &error))
    {
      tandem_show_error (GTK_WIDGET (parent), _("Nothing to Feed Back Yet"), error->message);
      return;
    }

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");

  chooser = gtk_file_chooser_native_new (_("Export Feedback Report"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = g_strdup_printf (_("%s — feedback report.pdf"),
                          tandem_document_get_title (document)[0]
                            ? tandem_document_get_title (document) : _("Project"));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  state = g_new0 (ChooseState, 1);
  state->parent = g_object_ref (parent);
  state->document = g_object_ref (document);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response_cb), state);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
