/* tandem-dialogs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-dialogs.h"

/**
 * tandem_show_error:
 *
 * Shows @body, a sentence saying what went wrong and what to do, in a dialog over the window
 * of @widget. The last one shown is kept on the window for tests ("tandem-last-error").
 */
void
tandem_show_error (GtkWidget  *widget,
                   const char *heading,
                   const char *body)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;

  if (root != NULL)
    g_object_set_data_full (G_OBJECT (root), "tandem-last-error", g_strdup (body), g_free);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * tandem_show_toast:
 * @offer_undo: whether the toast has an Undo button (for changes made without asking)
 */
void
tandem_show_toast (GtkWidget  *widget,
                   const char *title,
                   gboolean    offer_undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (widget);
      GtkWindow *parent = GTK_IS_WINDOW (root) ? gtk_window_get_transient_for (GTK_WINDOW (root)) : NULL;

      /* From a dialog: the toast goes on the window behind it. */
      if (parent != NULL)
        {
          GtkWidget *content = gtk_window_get_child (parent);

          if (ADW_IS_APPLICATION_WINDOW (parent))
            content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (parent));
          if (ADW_IS_TOAST_OVERLAY (content))
            overlay = content;
        }
    }

  if (overlay == NULL)
    return;

  toast = adw_toast_new (title);
  if (offer_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/**
 * tandem_open_uri:
 *
 * Opens a web page or a file with the desktop's default application.
 */
void
tandem_open_uri (GtkWidget  *widget,
                 const char *uri)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  /* GTK 4.8 has no GtkUriLauncher; gtk_show_uri() goes through the portal when sandboxed. */
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}
