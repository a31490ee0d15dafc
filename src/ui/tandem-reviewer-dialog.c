/* tandem-reviewer-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-reviewer-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-reviewer-dialog.h"

/*
 * "Who is answering?": asked once, the first time a checklist is shown and no name is set,
 * before anything can be recorded in its history. Name and role go to GSettings
 * ("reviewer-name", "reviewer-role"), where Preferences shows them. Nothing is ever taken
 * from the login account: a board record must not say "root" signed it.
 */

/* Asked once per run at most, even when the user chooses Later. */
static gboolean asked;

/**
 * tandem_reviewer_dialog_needed:
 *
 * Returns: whether to ask: no name is set and it was not asked in this run
 */
gboolean
tandem_reviewer_dialog_needed (GSettings *settings)
{
  g_autofree char *name = NULL;

  if (settings == NULL || asked)
    return FALSE;

  name = g_settings_get_string (settings, "reviewer-name");
  g_strstrip (name);

  return name[0] == '\0';
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                GSettings        *settings)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "tandem-name");
  GtkEditable *role = g_object_get_data (G_OBJECT (dialog), "tandem-role");
  g_autofree char *name_text = NULL;
  g_autofree char *role_text = NULL;

  /* Closing after a response emits the close response too: answer once. */
  if (g_object_get_data (G_OBJECT (dialog), "tandem-answered") != NULL)
    return;
  g_object_set_data (G_OBJECT (dialog), "tandem-answered", GINT_TO_POINTER (TRUE));

  if (!g_str_equal (response, "save"))
    return;

  name_text = g_strstrip (g_strdup (gtk_editable_get_text (name)));
  role_text = g_strstrip (g_strdup (gtk_editable_get_text (role)));
  g_settings_set_string (settings, "reviewer-role", role_text);
  g_settings_set_string (settings, "reviewer-name", name_text);
}

static void
on_name_changed_cb (GtkEditable      *name,
                    AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (name)));

  adw_message_dialog_set_response_enabled (dialog, "save", text[0] != '\0');
}

static void
on_entry_activated_cb (GtkWidget        *row,
                       AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "save"))
    {
      adw_message_dialog_response (dialog, "save");
      /* As the button does: respond, then close. */
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

static GtkWidget *
entry_row (GtkWidget  *list,
           const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  return row;
}

/**
 * tandem_reviewer_dialog_present:
 *
 * Returns: (transfer none): the dialog, for tests
 */
GtkWidget *
tandem_reviewer_dialog_present (GtkWindow *parent,
                                GSettings *settings)
{
  GtkWidget *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *name;
  GtkWidget *role;
  g_autofree char *role_text = g_settings_get_string (settings, "reviewer-role");

  asked = TRUE;

  dialog = adw_message_dialog_new (parent, _("Who Is Answering?"),
                                   _("Your name and role are recorded with every answer, "
                                     "decision and sign-off you make, so that the board can see "
                                     "who said what. You can change them in Preferences."));
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  name = entry_row (list, _("_Name"));
  role = entry_row (list, _("_Role, such as Non-executive director"));
  gtk_editable_set_text (GTK_EDITABLE (role), role_text);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Later"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", FALSE);

  g_object_set_data (G_OBJECT (dialog), "tandem-name", name);
  g_object_set_data (G_OBJECT (dialog), "tandem-role", role);
  g_signal_connect (name, "changed", G_CALLBACK (on_name_changed_cb), dialog);
  g_object_set_data_full (G_OBJECT (dialog), "tandem-settings", g_object_ref (settings),
                          g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), settings);
  /* Enter in either field saves, as in any form. */
  g_signal_connect (name, "entry-activated", G_CALLBACK (on_entry_activated_cb), dialog);
  g_signal_connect (role, "entry-activated", G_CALLBACK (on_entry_activated_cb), dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name);

  return dialog;
}
