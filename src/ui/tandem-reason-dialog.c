/* tandem-reason-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-reason-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-reason-dialog.h"

/*
 * Asks why: recording "Proceed" or signing off while questions are open, or a rating set by
 * hand that disagrees with the status. The decision is not taken until a reason is given;
 * Cancel leaves things as they were.
 */

typedef struct
{
  TandemReasonFunc func;
  gpointer         user_data;
  GDestroyNotify   destroy;
  GtkEditable     *entry;
  gboolean         answered;
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  if (request->destroy != NULL)
    request->destroy (request->user_data);
  g_free (request);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                Request          *request)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (request->entry)));

  /* Closing after a response emits the close response too: answer once. */
  if (request->answered)
    return;
  request->answered = TRUE;

  request->func (g_str_equal (response, "accept") && reason[0] != '\0' ? reason : NULL,
                 request->user_data);
}

static void
on_changed_cb (GtkEditable      *entry,
               AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "accept", text[0] != '\0');
}

static void
on_activated_cb (GtkWidget        *entry,
                 AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "accept"))
    {
      adw_message_dialog_response (dialog, "accept");
      /* As the button does: respond, then close. */
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

/**
 * tandem_reason_dialog_present:
 * @func: called once with the reason, or %NULL when cancelled
 *
 * Returns: (transfer none): the dialog, for tests
 */
GtkWidget *
tandem_reason_dialog_present (GtkWidget        *widget,
                              const char       *heading,
                              const char       *body,
                              const char       *accept_label,
                              TandemReasonFunc  func,
                              gpointer          user_data,
                              GDestroyNotify    destroy)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *entry = adw_entry_row_new ();
  Request *request = g_new0 (Request, 1);

  request->func = func;
  request->user_data = user_data;
  request->destroy = destroy;
  request->entry = GTK_EDITABLE (entry);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("_Reason"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (entry), TRUE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "accept", accept_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "accept", FALSE);

  g_signal_connect (entry, "changed", G_CALLBACK (on_changed_cb), dialog);
  g_signal_connect (entry, "entry-activated", G_CALLBACK (on_activated_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response_cb), request,
                         (GClosureNotify)request_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);

  return dialog;
}
