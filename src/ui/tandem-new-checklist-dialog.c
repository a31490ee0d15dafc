/* tandem-new-checklist-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-new-checklist-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-dialogs.h"
#include "tandem-new-checklist-dialog.h"

/*
 * "New Checklist": the eight built-in templates with what each is for and where it comes
 * from, and a way to import a template someone shared. Creating adds the checklist to the
 * document in one undoable step, with any project conditions its questions need.
 */

struct _TandemNewChecklistDialog
{
  AdwWindow        parent_instance;

  TandemDocument  *document;
  TandemTemplate  *selected;
  GtkCheckButton  *group;  /* the first radio button; others join its group */

  AdwPreferencesGroup *imported_group;
  GtkListBox      *imported_list;
  GtkListBox      *templates_list;
  GtkWidget       *create_button;
  GCancellable    *cancellable;  /* imports being read */
};

G_DEFINE_FINAL_TYPE (TandemNewChecklistDialog, tandem_new_checklist_dialog, ADW_TYPE_WINDOW)

enum {
  CHECKLIST_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Auxiliary methods */

static void
set_selected (TandemNewChecklistDialog *self,
              TandemTemplate           *template)
{
  g_set_object (&self->selected, template);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create", template != NULL);
}

static void
on_check_toggled_cb (GtkCheckButton           *check,
                     TandemNewChecklistDialog *self)
{
  if (gtk_check_button_get_active (check))
    set_selected (self, g_object_get_data (G_OBJECT (check), "tandem-template"));
}

static GtkWidget *
create_row (TandemNewChecklistDialog *self,
            TandemTemplate           *template,
            const char               *origin)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *count = gtk_label_new (NULL);
  g_autofree char *count_text = NULL;
  g_autoptr(GString) subtitle = g_string_new (tandem_template_get_description (template));

  if (origin != NULL)
    g_string_append_printf (subtitle, "\n%s", origin);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_template_get_title (template));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_widget_set_tooltip_text (row, tandem_template_get_source (template));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (self->group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->group);
  else
    self->group = GTK_CHECK_BUTTON (check);
  g_object_set_data_full (G_OBJECT (check), "tandem-template", g_object_ref (template), g_object_unref);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), self);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  row, NULL, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);

  count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions",
                                             tandem_template_get_n_items (template)),
                                tandem_template_get_n_items (template));
  gtk_label_set_text (GTK_LABEL (count), count_text);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "caption");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);

  g_object_set_data (G_OBJECT (row), "tandem-check", check);

  return row;
}

/* Callbacks */

static void
on_row_activated_cb (TandemNewChecklistDialog *self,
                     GtkListBoxRow            *row)
{
  GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "tandem-check");

  /* Activating the chosen template again creates it: a double click, or Enter twice. */
  if (gtk_check_button_get_active (check))
    gtk_widget_activate_action (GTK_WIDGET (self), "dialog.create", NULL);
  else
    gtk_check_button_set_active (check, TRUE);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemNewChecklistDialog *self = TANDEM_NEW_CHECKLIST_DIALOG (widget);
  TandemChecklist *checklist;

  if (self->selected == NULL || self->document == NULL)
    return;

  checklist = tandem_template_instantiate (self->selected, self->document, _("New Checklist"));
  g_signal_emit (self, signals[CHECKLIST_CREATED], 0, checklist);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_import_response_cb (GtkNativeDialog          *dialog,
                       int                       response,
                       TandemNewChecklistDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      tandem_new_checklist_dialog_import_file_async (self, file, NULL, NULL);
    }

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemNewChecklistDialog *self = TANDEM_NEW_CHECKLIST_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  gtk_file_filter_set_name (filter, _("Checklist Templates"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  dialog = gtk_file_chooser_native_new (_("Import a Template"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* GObject */

/* A window that is destroyed is unrealized, whoever still holds it. */
static void
on_unrealize_cb (TandemNewChecklistDialog *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
tandem_new_checklist_dialog_dispose (GObject *object)
{
  TandemNewChecklistDialog *self = (TandemNewChecklistDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_NEW_CHECKLIST_DIALOG);
  g_clear_object (&self->document);
  g_clear_object (&self->selected);

  G_OBJECT_CLASS (tandem_new_checklist_dialog_parent_class)->dispose (object);
}

static void
tandem_new_checklist_dialog_class_init (TandemNewChecklistDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_new_checklist_dialog_dispose;

  /**
   * TandemNewChecklistDialog::checklist-created:
   * @checklist: the new checklist, in the document
   */
  signals[CHECKLIST_CREATED] =
    g_signal_new ("checklist-created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, TANDEM_TYPE_CHECKLIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/tandem-new-checklist-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemNewChecklistDialog, imported_group);
  gtk_widget_class_bind_template_child (widget_class, TandemNewChecklistDialog, imported_list);
  gtk_widget_class_bind_template_child (widget_class, TandemNewChecklistDialog, templates_list);
  gtk_widget_class_bind_template_child (widget_class, TandemNewChecklistDialog, create_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "dialog.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "dialog.create", NULL);
}

static void
tandem_new_checklist_dialog_init (TandemNewChecklistDialog *self)
{
  GListModel *builtin;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "unrealize", G_CALLBACK (on_unrealize_cb), NULL);
  set_selected (self, NULL);

  builtin = tandem_template_get_builtin ();
  for (guint i = 0; i < g_list_model_get_n_items (builtin); i++)
    {
      g_autoptr(TandemTemplate) template = g_list_model_get_item (builtin, i);

      gtk_list_box_append (self->templates_list, create_row (self, template, NULL));
    }

  /* The board assurance checklist is what most people come for. */
  if (g_list_model_get_n_items (builtin) > 0)
    gtk_check_button_set_active (self->group, TRUE);
}

/* Public API */

TandemNewChecklistDialog *
tandem_new_checklist_dialog_new (GtkWindow      *parent,
                                 TandemDocument *document)
{
  TandemNewChecklistDialog *self;

  g_return_val_if_fail (TANDEM_IS_DOCUMENT (document), NULL);

  self = g_object_new (TANDEM_TYPE_NEW_CHECKLIST_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);

  return self;
}

/**
 * tandem_new_checklist_dialog_get_selected:
 *
 * Returns: (transfer none) (nullable): the template chosen
 */
TandemTemplate *
tandem_new_checklist_dialog_get_selected (TandemNewChecklistDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_NEW_CHECKLIST_DIALOG (self), NULL);

  return self->selected;
}

void
tandem_new_checklist_dialog_select (TandemNewChecklistDialog *self,
                                    TandemTemplate           *template)
{
  g_return_if_fail (TANDEM_IS_NEW_CHECKLIST_DIALOG (self));

  for (GtkWidget *list = GTK_WIDGET (self->imported_list); list != NULL;
       list = list == GTK_WIDGET (self->imported_list) ? GTK_WIDGET (self->templates_list) : NULL)
    {
      for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "tandem-check");

          if (check != NULL && g_object_get_data (G_OBJECT (check), "tandem-template") == template)
            gtk_check_button_set_active (check, TRUE);
        }
    }
}

static void
on_template_imported_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TandemNewChecklistDialog *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  g_autoptr(TandemTemplate) template = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *origin = NULL;
  GtkWidget *row;

  g_assert (TANDEM_IS_NEW_CHECKLIST_DIALOG (self));

  template = tandem_template_import_finish (result, &error);

  /* The dialog was closed while the file was read. */
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                               _("The dialog was closed."));
      return;
    }

  if (template == NULL)
    {
      tandem_show_error (GTK_WIDGET (self), _("Could Not Import the Template"), error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  name = g_file_get_basename (file);
  /* TRANSLATORS: under an imported template's description */
  origin = g_strdup_printf (_("Imported from “%s”"), name);
  row = create_row (self, template, origin);
  gtk_list_box_prepend (self->imported_list, row);
  gtk_widget_set_visible (GTK_WIDGET (self->imported_group), TRUE);
  gtk_check_button_set_active (g_object_get_data (G_OBJECT (row), "tandem-check"), TRUE);
  gtk_widget_grab_focus (self->create_button);

  g_task_return_boolean (task, TRUE);
}

/**
 * tandem_new_checklist_dialog_import_file_async:
 *
 * Reads a template from @file on a worker thread and offers it, chosen, at the top of the
 * list. When the file is not a template Tandem can use, a dialog says why and nothing
 * changes.
 */
void
tandem_new_checklist_dialog_import_file_async (TandemNewChecklistDialog *self,
                                               GFile                    *file,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  user_data)
{
  GTask *task;

  g_return_if_fail (TANDEM_IS_NEW_CHECKLIST_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, tandem_new_checklist_dialog_import_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  tandem_template_import_async (file, self->cancellable, on_template_imported_cb, task);
}

/**
 * tandem_new_checklist_dialog_import_file_finish:
 *
 * Returns: whether the template was read and offered
 */
gboolean
tandem_new_checklist_dialog_import_file_finish (TandemNewChecklistDialog  *self,
                                                GAsyncResult              *result,
                                                GError                   **error)
{
  g_return_val_if_fail (TANDEM_IS_NEW_CHECKLIST_DIALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
