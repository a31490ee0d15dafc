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
  /* A toast goes away by itself after a few seconds, sooner than a test on a busy machine may
   * look for it: the overlay remembers the last one it was given. */
  g_object_set_data_full (G_OBJECT (overlay), "tandem-last-toast", g_strdup (title), g_free);
}

/**
 * tandem_get_last_toast:
 * @widget: a widget inside the toast overlay, or the overlay
 *
 * Returns: (nullable): the title of the last toast tandem_show_toast() gave the overlay that
 *   holds @widget, for tests
 */
const char *
tandem_get_last_toast (GtkWidget *widget)
{
  GtkWidget *overlay = ADW_IS_TOAST_OVERLAY (widget) ? widget
                       : gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  return overlay != NULL ? g_object_get_data (G_OBJECT (overlay), "tandem-last-toast") : NULL;
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

/**
 * tandem_set_accessible_label:
 *
 * Names @widget for screen readers. GTK 4.8 has no call to read a name back, so the name is
 * also kept on the widget as "tandem-accessible-label", for the tests that check that
 * nothing is read out as a bare type name ("GtkToggleButton").
 */
void
tandem_set_accessible_label (GtkWidget  *widget,
                             const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : "", -1);
  g_object_set_data_full (G_OBJECT (widget), "tandem-accessible-label", g_strdup (label), g_free);
}

/**
 * tandem_hide_from_accessibility:
 *
 * Hides a picture that only decorates a word beside it, so that it is not read as “image”.
 */
void
tandem_hide_from_accessibility (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  g_object_set_data (G_OBJECT (widget), "tandem-accessible-hidden", GINT_TO_POINTER (TRUE));
}

/**
 * tandem_name_menu_buttons:
 *
 * In GTK 4.8 the focus of a GtkMenuButton is the toggle button inside it, which does not
 * take the menu button's tooltip or label as its name and is read as “GtkToggleButton”. This
 * names each such toggle under @root after its menu button.
 */
void
tandem_name_menu_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_MENU_BUTTON (root))
    {
      GtkWidget *toggle = gtk_widget_get_first_child (root);
      const char *name = gtk_menu_button_get_label (GTK_MENU_BUTTON (root));

      if (name == NULL || name[0] == '\0')
        name = gtk_widget_get_tooltip_text (root);
      if (GTK_IS_TOGGLE_BUTTON (toggle) && name != NULL && name[0] != '\0')
        {
          g_autofree char *plain = NULL;

          /* A label with a mnemonic is read without its underline. */
          pango_parse_markup (name, -1, '_', NULL, &plain, NULL, NULL);
          tandem_set_accessible_label (toggle, plain != NULL ? plain : name);
        }
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    tandem_name_menu_buttons (child);
}
