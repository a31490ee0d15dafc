/* tandem-personal-data-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-personal-data-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-personal-data.h"
#include "tandem-personal-data-dialog.h"
#include "tandem-window.h"

/*
 * The question the window asks before anything leaves the project (Export Appendix, Print,
 * Export Journey Map) when its text looks like it holds personal data: each finding says where
 * it is and what kind, never the whole of it (the screen may be shared in a meeting), with Go
 * To to open the page that holds it. The user decides: Cancel, or export anyway. One place for
 * the hooks, so the pages that export call one function.
 */

typedef struct
{
  GtkWidget                 *widget;
  TandemPersonalDataProceed  proceed;
} Pending;

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->widget);
  g_free (pending);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                Pending          *pending)
{
  if (g_strcmp0 (response, "proceed") == 0)
    pending->proceed (pending->widget);
}

/* Shows the nearest object holding the finding that the window's sidebar lists (its checklist
 * or journey), and closes the question: the export waits until the text is fixed. */
static void
on_go_to_clicked_cb (GtkButton *button,
                     gpointer   user_data)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (user_data);
  TandemObject *object = g_object_get_data (G_OBJECT (button), "object");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (TANDEM_IS_WINDOW (parent))
    {
      for (TandemObject *o = object; o != NULL; o = tandem_object_get_parent (o))
        {
          if (tandem_window_select_object (TANDEM_WINDOW (parent), o))
            break;
        }
    }

  /* A response given in code does not close the dialog as a button of its own would. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static GtkWidget *
make_list (AdwMessageDialog *dialog,
           GPtrArray        *findings)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  /* The dialog gives its extra child only the height it asks for at least: ask for room for a
   * few findings, so that the list does not open with one half-hidden row. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled),
                                              MIN (findings->len, 3) * 90);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Personal data found"), -1);

  for (guint i = 0; i < findings->len; i++)
    {
      TandemPersonalDataFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *where = tandem_personal_data_finding_dup_where (finding);
      g_autofree char *hint = tandem_personal_data_finding_dup_hint (finding);
      g_autofree char *what = g_strdup_printf (_("%s (%s)"),
                                               tandem_personal_data_kind_to_label (finding->kind),
                                               hint);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *go_to = gtk_button_new_with_mnemonic (_("_Go To"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), where);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), what);
      gtk_widget_set_valign (go_to, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (go_to), "object", g_object_ref (finding->object),
                              g_object_unref);
      g_signal_connect (go_to, "clicked", G_CALLBACK (on_go_to_clicked_cb), dialog);
      gtk_accessible_update_property (GTK_ACCESSIBLE (go_to), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      where, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), go_to);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  return scrolled;
}

/**
 * tandem_personal_data_confirm:
 * @widget: what asks (its window is the dialog's parent); passed to @proceed
 * @scope: (nullable): only findings inside this object count (a journey for its map)
 * @proceed_label: the button that goes ahead, e.g. "_Export Anyway"
 *
 * Calls @proceed at once when there is nothing to say; otherwise asks first, and calls it only
 * if the user chooses @proceed_label.
 */
void
tandem_personal_data_confirm (GtkWidget                 *widget,
                              TandemDocument            *document,
                              TandemObject              *scope,
                              const char                *proceed_label,
                              TandemPersonalDataProceed  proceed)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) findings = g_ptr_array_new ();
  AdwMessageDialog *dialog;
  Pending *pending;
  g_autofree char *body = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (TANDEM_IS_DOCUMENT (document));

  all = tandem_personal_data_find (document);
  for (guint i = 0; i < all->len; i++)
    {
      TandemPersonalDataFinding *finding = g_ptr_array_index (all, i);

      if (scope == NULL || tandem_object_is_ancestor (scope, finding->object))
        g_ptr_array_add (findings, finding);
    }

  if (findings->len == 0)
    {
      proceed (widget);
      return;
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "This text looks like personal data. Tandem keeps no "
                                       "participant’s details: remove it before sharing, or "
                                       "export anyway if it is meant to be there (a team’s "
                                       "own contact details, for example).",
                                       "These %u pieces of text look like personal data. Tandem "
                                       "keeps no participant’s details: remove them before "
                                       "sharing, or export anyway if they are meant to be there "
                                       "(a team’s own contact details, for example).",
                                       findings->len), findings->len);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Personal Data in the Project"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "proceed", proceed_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "proceed", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_extra_child (dialog, make_list (dialog, findings));

  pending = g_new0 (Pending, 1);
  pending->widget = g_object_ref (widget);
  pending->proceed = proceed;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response_cb), pending,
                         (GClosureNotify)(void (*) (void))pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
