/* tandem-csv-import-dialog.c: the preview before an engagement log comes in from a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows how each column of the file was read (and which were left out), every problem row by
 * row, and the groups the import would add. Nothing changes until the user chooses "Import N
 * Activities" (only when every row is right) or "Leave Out the N Bad Rows"; either is one undo
 * step. The file choosers for import and for the two CSV exports live here too, so that the
 * window only names the actions.
 */

#define G_LOG_DOMAIN "tandem-csv-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-dialogs.h"

#include "tandem-csv-import-dialog.h"

/* The largest spreadsheet file read: an engagement log is thousands of rows, not millions. */
#define MAX_CSV_SIZE (64 * 1024 * 1024)

struct _TandemCsvImportDialog
{
  AdwWindow        parent_instance;

  TandemCsvImport *import;
  GtkWidget       *summary;
  GtkWidget       *import_button;
  GtkWidget       *leave_out_button;
};

G_DEFINE_FINAL_TYPE (TandemCsvImportDialog, tandem_csv_import_dialog, ADW_TYPE_WINDOW)

static void
tandem_csv_import_dialog_finalize (GObject *object)
{
  TandemCsvImportDialog *self = TANDEM_CSV_IMPORT_DIALOG (object);

  g_clear_pointer (&self->import, tandem_csv_import_free);

  G_OBJECT_CLASS (tandem_csv_import_dialog_parent_class)->finalize (object);
}

static void
tandem_csv_import_dialog_class_init (TandemCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tandem_csv_import_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_csv_import_dialog_init (TandemCsvImportDialog *self)
{
}

static void
apply (TandemCsvImportDialog *self,
       gboolean               leave_out_bad)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint added;

  added = tandem_csv_import_apply (self->import, leave_out_bad, &error);
  if (error != NULL)
    {
      tandem_show_error (GTK_WIDGET (self), _("Could Not Import the Engagement Log"),
                         error->message);
      return;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity imported",
                                       "%u activities imported", added), added);
  tandem_show_toast (GTK_WIDGET (self), text, TRUE);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_import_clicked (TandemCsvImportDialog *self)
{
  apply (self, FALSE);
}

static void
on_leave_out_clicked (TandemCsvImportDialog *self)
{
  apply (self, TRUE);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle,
         const char *icon)
{
  GtkWidget *row = adw_action_row_new ();

  /* Text from the file: shown as written, never read as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (icon != NULL)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));

  return row;
}

/**
 * tandem_csv_import_dialog_new:
 * @import: (transfer full): the preview of the file
 */
GtkWidget *
tandem_csv_import_dialog_new (GtkWindow       *parent,
                              TandemCsvImport *import,
                              const char      *display_name)
{
  TandemCsvImportDialog *self = g_object_new (TANDEM_TYPE_CSV_IMPORT_DIALOG,
                                              "transient-for", parent,
                                              "modal", TRUE,
                                              "default-width", 640,
                                              "default-height", 640,
                                              "title", _("Import Engagement Log"),
                                              NULL);
  guint n_rows = tandem_csv_import_get_n_rows (import);
  guint n_bad = tandem_csv_import_get_n_bad_rows (import);
  guint n_good = n_rows - n_bad;
  g_autofree char *summary = NULL;
  g_autofree char *groups = NULL;
  g_autofree char *import_label = NULL;
  g_autofree char *leave_label = NULL;
  GtkWidget *box, *header, *page, *group, *scrolled, *buttons, *cancel, *content;

  self->import = import;

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Import Engagement Log"),
                                                         display_name));
  gtk_box_append (GTK_BOX (content), header);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  if (n_bad == 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u activity is ready to import.",
                                            "%u activities are ready to import.", n_rows),
                               n_rows);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u of %u rows has a problem. Correct the file in "
                                            "your spreadsheet and import it again, or leave "
                                            "the bad rows out.",
                                            "%u of %u rows have problems. Correct the file in "
                                            "your spreadsheet and import it again, or leave "
                                            "the bad rows out.", n_bad), n_bad, n_rows);
  groups = tandem_csv_import_describe_new_groups (import);
  if (groups != NULL)
    {
      g_autofree char *both = g_strconcat (summary, " ", groups, NULL);

      g_free (summary);
      summary = g_steal_pointer (&both);
    }
  self->summary = gtk_label_new (summary);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_box_append (GTK_BOX (box), self->summary);

  if (tandem_csv_import_get_n_problems (import) > 0)
    {
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Problems"));
      for (guint i = 0; i < tandem_csv_import_get_n_problems (import); i++)
        {
          const TandemCsvProblem *problem = tandem_csv_import_get_problem (import, i);
          g_autofree char *title = g_strdup_printf (_("Row %u, %s"), problem->row,
                                                    problem->column);

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     new_row (title, problem->message,
                                              "dialog-warning-symbolic"));
        }
      gtk_box_append (GTK_BOX (box), group);
    }

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Columns"));
  for (guint i = 0; i < tandem_csv_import_get_n_columns (import); i++)
    {
      const char *name = tandem_csv_import_get_header (import, i);
      const char *match = tandem_csv_import_get_match (import, i);
      g_autofree char *title = *name != '\0' ? g_strdup (name)
                                             : g_strdup_printf (_("Column %u"), i + 1);
      g_autofree char *subtitle = match != NULL
                                  ? g_strdup_printf (_("Read as %s"), match)
                                  : g_strdup (_("Left out"));
      g_autofree char *described = tandem_csv_import_describe_column (import, i);
      GtkWidget *row = new_row (title, subtitle, NULL);

      gtk_widget_set_tooltip_text (row, described);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (GTK_BOX (box), group);

  page = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (page), box);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), page);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (content), scrolled);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 12);
  gtk_widget_set_margin_bottom (buttons, 12);
  gtk_widget_set_margin_start (buttons, 12);
  gtk_widget_set_margin_end (buttons, 12);

  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_box_append (GTK_BOX (buttons), cancel);

  leave_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Leave Out the Bad Row",
                                              "_Leave Out the %u Bad Rows", n_bad), n_bad);
  self->leave_out_button = gtk_button_new_with_mnemonic (leave_label);
  gtk_widget_set_visible (self->leave_out_button, n_bad > 0 && n_good > 0);
  g_signal_connect_swapped (self->leave_out_button, "clicked",
                            G_CALLBACK (on_leave_out_clicked), self);
  gtk_box_append (GTK_BOX (buttons), self->leave_out_button);

  import_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %u Activity",
                                               "_Import %u Activities", n_good),
                                  n_good);
  self->import_button = gtk_button_new_with_mnemonic (import_label);
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  /* Only when every row is right: leaving rows out is a choice the user makes by name. */
  gtk_widget_set_sensitive (self->import_button, n_bad == 0 && n_rows > 0);
  gtk_widget_set_visible (self->import_button, n_bad == 0);
  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (on_import_clicked), self);
  gtk_box_append (GTK_BOX (buttons), self->import_button);
  gtk_box_append (GTK_BOX (content), buttons);

  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_window_set_default_widget (GTK_WINDOW (self),
                                 n_bad == 0 ? self->import_button : cancel);

  return GTK_WIDGET (self);
}

typedef struct
{
  GtkWindow      *parent;
  TandemDocument *document;
  char           *display_name;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_object_unref (data->parent);
  g_object_unref (data->document);
  g_free (data->display_name);
  g_free (data);
}

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  ImportData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), data->display_name);
  TandemCsvImport *import = NULL;
  gsize length = 0;

  if (g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      if (length > MAX_CSV_SIZE)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("The file is larger than 64 MB, too large for an engagement log. Check "
                       "that you chose the right file."));
      else
        import = tandem_csv_import_new (data->document, contents, length, &error);
    }

  if (import == NULL)
    tandem_show_error (GTK_WIDGET (data->parent), heading, error->message);
  else
    gtk_window_present (GTK_WINDOW (tandem_csv_import_dialog_new (data->parent, import,
                                                                   data->display_name)));

  import_data_free (data);
}

static void
on_import_chosen_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  ImportData *data = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *name = g_file_get_basename (file);

      data->display_name = g_filename_display_name (name);
      g_file_load_contents_async (file, NULL, on_loaded_cb, data);
    }
  else
    import_data_free (data);

  g_object_unref (dialog);
}

static GtkFileFilter *
csv_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spreadsheets saved as CSV"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");

  return filter;
}

/* "Import Engagement Log…": choose a file, read it, show the preview. */
void
tandem_csv_import_dialog_choose (GtkWindow      *parent,
                                 TandemDocument *document)
{
  g_autoptr(GtkFileFilter) filter = csv_filter ();
  GtkFileChooserNative *dialog;
  ImportData *data = g_new0 (ImportData, 1);

  data->parent = g_object_ref (parent);
  data->document = g_object_ref (document);

  dialog = gtk_file_chooser_native_new (_("Import Engagement Log"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Preview"),
                                        _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_chosen_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

typedef struct
{
  GtkWindow *parent;
  GBytes    *csv;
} ExportData;

static void
on_export_chosen_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  ExportData *data = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     _("Tandem can only write to a folder on this computer; choose another "
                       "folder."));

      if (path == NULL || !tandem_csv_write (data->csv, path, &error))
        tandem_show_error (GTK_WIDGET (data->parent), _("Could Not Export"), error->message);
      else
        tandem_show_toast (GTK_WIDGET (data->parent), _("Exported as CSV"), FALSE);
    }

  g_object_unref (data->parent);
  g_bytes_unref (data->csv);
  g_free (data);
  g_object_unref (dialog);
}

/* "Export Activities as CSV…" and "Export Themes as CSV…". The file is made now, so that it
 * holds the project as it was when the user chose the command. */
void
tandem_csv_export_choose (GtkWindow      *parent,
                          TandemDocument *document,
                          gboolean        themes)
{
  g_autoptr(GtkFileFilter) filter = csv_filter ();
  GtkFileChooserNative *dialog;
  ExportData *data = g_new0 (ExportData, 1);

  data->parent = g_object_ref (parent);
  data->csv = themes ? tandem_csv_export_themes (document)
                     : tandem_csv_export_activities (document);

  dialog = gtk_file_chooser_native_new (themes ? _("Export Themes as CSV")
                                               : _("Export Activities as CSV"),
                                        parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog),
                                     themes ? _("themes.csv") : _("activities.csv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_chosen_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
