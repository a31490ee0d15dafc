/* tandem-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-application"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-application.h"
#include "tandem-attachment-cache.h"
#include "tandem-cli.h"
#include "tandem-recovery.h"
#include "tandem-startup-trace.h"
#include "tandem-window.h"

struct _TandemApplication
{
  AdwApplication  parent_instance;

  GtkRecentManager *recent_manager;
  GMenu            *recent_menu;
  gboolean          skip_activate;
  gboolean          recovery_checked;
  guint             n_opening;  /* files being identified before they open */
};

G_DEFINE_FINAL_TYPE (TandemApplication, tandem_application, ADW_TYPE_APPLICATION)

#define TANDEM_MIME_TYPE "application/x-tandem"
#define MAX_RECENT 10

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check that FILE is a valid, current Tandem document; exit 0 if so"), NULL },
  { "export-json", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the whole of FILE as JSON to OUT"), N_("OUT") },
  { "import-json", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Read the JSON file IN and save it as the Tandem document FILE"), N_("IN") },
  { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the PCBC appendix of FILE as a PDF to OUT"), N_("OUT") },
  { "export-feedback", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the feedback report for the people who took part in FILE as a PDF to OUT"),
    N_("OUT") },
  { "pdf-parts", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf: only these parts, from summary,checklists,decisions,audit,journeys,"
       "measures,steps,quotes,engagement,reach,ladder,you-said"), N_("LIST") },
  { "pdf-date", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf: the date to show, for the same bytes every time (default: "
       "SOURCE_DATE_EPOCH, else today)"), N_("YYYY-MM-DD") },
  { "pdf-paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf: paper for the journey figures, a4 (default) or a3"), N_("SIZE") },
  { "pdf-checklists", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf: only these checklists, by title or number (1 is the first), "
       "separated by commas"), N_("LIST") },
  { "export-map", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Draw a journey of FILE into OUT, a .png, .svg or .pdf file"), N_("OUT") },
  { "journey", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-map: the journey to draw, by number (1 is the first, the default) or "
       "title"), N_("TITLE") },
  { "map", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-map: before, after or both (the default, one above the other)"),
    N_("MAP") },
  { "merge", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    N_("Merge the answers, sign-offs and new checklists of the copy OTHER into FILE (may be "
       "given several times); exit 0 if merged, 5 if merged with conflicts kept as in FILE"),
    N_("OTHER") },
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the engagement activities (or, with --csv=themes, the themes) of FILE as CSV "
       "for spreadsheets to OUT"), N_("OUT") },
  { "csv", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-csv: activities (the default) or themes"), N_("WHAT") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

/* Auxiliary methods */

/* The window that has @file open. Paths are not enough: a symbolic link, a second mount of
 * the same share or a hard link reach the same file by another name, so @file_id (the file
 * system's identity of the file, G_FILE_ATTRIBUTE_ID_FILE) is compared too when known. */
static TandemWindow *
find_window_for_file (TandemApplication *self,
                      GFile             *file,
                      const char        *file_id)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      GFile *window_file;
      const char *window_id;

      if (!TANDEM_IS_WINDOW (l->data))
        continue;

      window_file = tandem_window_get_file (l->data);
      window_id = tandem_window_get_file_id (l->data);
      if (window_file != NULL &&
          (g_file_equal (window_file, file) ||
           (file_id != NULL && window_id != NULL && g_str_equal (file_id, window_id))))
        return l->data;
    }

  return NULL;
}

static TandemWindow *
find_pristine_window (TandemApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (TANDEM_IS_WINDOW (active) && tandem_window_is_pristine (TANDEM_WINDOW (active)))
    return TANDEM_WINDOW (active);

  return NULL;
}

static void
rebuild_recent_menu (TandemApplication *self)
{
  g_autolist(GtkRecentInfo) items = gtk_recent_manager_get_items (self->recent_manager);
  GPtrArray *sorted = g_ptr_array_new ();
  guint n = 0;

  g_menu_remove_all (self->recent_menu);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), TANDEM_MIME_TYPE) == 0 &&
          gtk_recent_info_exists (info))
        g_ptr_array_add (sorted, info);
    }

  /* Most recently used first. */
  for (guint i = 0; i < sorted->len; i++)
    for (guint j = i + 1; j < sorted->len; j++)
      {
        GtkRecentInfo *a = g_ptr_array_index (sorted, i);
        GtkRecentInfo *b = g_ptr_array_index (sorted, j);

        if (g_date_time_compare (gtk_recent_info_get_modified (a),
                                 gtk_recent_info_get_modified (b)) < 0)
          {
            sorted->pdata[i] = b;
            sorted->pdata[j] = a;
          }
      }

  for (guint i = 0; i < sorted->len && n < MAX_RECENT; i++, n++)
    {
      GtkRecentInfo *info = g_ptr_array_index (sorted, i);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      label = g_strdup (gtk_recent_info_get_display_name (info));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "app.open-uri", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
    }

  g_ptr_array_unref (sorted);
}

/* Callbacks */

static void
on_recent_manager_changed_cb (TandemApplication *self,
                              GtkRecentManager  *manager)
{
  rebuild_recent_menu (self);
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  gtk_window_present (tandem_application_new_window (user_data));
}

static void
on_open_response_cb (GtkNativeDialog   *dialog,
                     int                response,
                     TandemApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          tandem_application_open_file (self, file);
        }
    }

  g_object_unref (dialog);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TandemApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) tandem_filter = tandem_application_new_file_filter ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  gtk_file_filter_set_name (all_filter, _("All Files"));
  gtk_file_filter_add_pattern (all_filter, "*");

  dialog = gtk_file_chooser_native_new (_("Open Project"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), tandem_filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all_filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), tandem_filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_uri_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  tandem_application_open_file (user_data, file);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TandemApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window asks about its own unsaved changes; Cancel in any keeps it open. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  TandemApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Tandem developers", NULL };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Tandem"));
  adw_about_window_set_application_icon (about, APPLICATION_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Tandem developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_comments (about,
                                 _("Board assurance checklists, patient journeys before and after "
                                   "a change, and the appendix for the pre-consultation business "
                                   "case: co-production in NHS service change, in one file."));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_copyright (about, "© 2026 The Tandem developers");
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  gtk_window_present (GTK_WINDOW (about));
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TandemApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *help_dir = g_getenv ("TANDEM_HELP_DIR");
  const char *page = parameter ? g_variant_get_string (parameter, NULL) : "index";
  g_autofree char *uri = NULL;

  /* Running from the build tree, help is not installed where yelp looks for "help:";
   * yelp reads a folder of Mallard pages given as "ghelp:FOLDER?PAGE". */
  if (help_dir != NULL)
    uri = g_strdup_printf ("ghelp:%s/C?%s", help_dir, page);
  else if (g_str_equal (page, "index"))
    uri = g_strdup ("help:tandem");
  else
    uri = g_strdup_printf ("help:tandem/%s", page);

  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

static const GActionEntry app_actions[] = {
  { "new-window", new_window_action },
  { "open", open_action },
  { "open-uri", open_uri_action, "s" },
  { "quit", quit_action },
  { "about", about_action },
  { "help", help_action },
  { "help-page", help_action, "s" },
};

/* GApplication */

static int
tandem_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  TandemCliOptions cli = { 0 };
  g_autoptr(GFile) cwd = g_file_new_for_path (".");
  g_auto(GStrv) files = NULL;
  g_auto(GStrv) merge = NULL;
  int status = -1;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("Tandem %s\n", PACKAGE_VERSION);
      return 0;
    }

  cli.check = g_variant_dict_contains (options, "check");
  g_variant_dict_lookup (options, "export-json", "^ay", &cli.export_json);
  g_variant_dict_lookup (options, "import-json", "^ay", &cli.import_json);
  g_variant_dict_lookup (options, "export-pdf", "^ay", &cli.export_pdf);
  g_variant_dict_lookup (options, "export-feedback", "^ay", &cli.export_feedback);
  g_variant_dict_lookup (options, "pdf-parts", "s", &cli.pdf_parts);
  g_variant_dict_lookup (options, "pdf-date", "s", &cli.pdf_date);
  g_variant_dict_lookup (options, "pdf-paper", "s", &cli.pdf_paper);
  g_variant_dict_lookup (options, "pdf-checklists", "s", &cli.pdf_checklists);
  g_variant_dict_lookup (options, "export-map", "^ay", &cli.export_map);
  g_variant_dict_lookup (options, "journey", "s", &cli.journey);
  g_variant_dict_lookup (options, "map", "s", &cli.map);
  g_variant_dict_lookup (options, "export-csv", "^ay", &cli.export_csv);
  g_variant_dict_lookup (options, "csv", "s", &cli.csv);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay", &files);
  g_variant_dict_lookup (options, "merge", "^aay", &merge);
  cli.files = files;
  cli.merge = merge;

  if (tandem_cli_wants_headless (&cli))
    {
      status = tandem_cli_run (&cli, cwd);
    }
  else if (files != NULL && files[0] != NULL)
    {
      g_autoptr(GPtrArray) gfiles = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; files[i] != NULL; i++)
        g_ptr_array_add (gfiles, g_file_resolve_relative_path (cwd, files[i]));

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("tandem: %s\n", error->message);
          status = 1;
        }
      else
        {
          g_application_open (app, (GFile **)gfiles->pdata, gfiles->len, "");
          if (g_application_get_is_remote (app))
            status = 0;
          else
            TANDEM_APPLICATION (app)->skip_activate = TRUE;
        }
    }

  g_free (cli.export_json);
  g_free (cli.export_csv);
  g_free (cli.csv);
  g_free (cli.import_json);
  g_free (cli.export_pdf);
  g_free (cli.export_feedback);
  g_free (cli.pdf_parts);
  g_free (cli.pdf_date);
  g_free (cli.pdf_paper);
  g_free (cli.pdf_checklists);
  g_free (cli.export_map);
  g_free (cli.journey);
  g_free (cli.map);

  return status;
}

static void
tandem_application_startup (GApplication *app)
{
  TandemApplication *self = TANDEM_APPLICATION (app);
  const char *new_window_accels[] = { "<Control>n", NULL };
  const char *open_accels[] = { "<Control>o", NULL };
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *help_accels[] = { "F1", NULL };
  const char *undo_accels[] = { "<Control>z", NULL };
  const char *redo_accels[] = { "<Control><Shift>z", "<Control>y", NULL };

  G_APPLICATION_CLASS (tandem_application_parent_class)->startup (app);

  /* Copies of attachments that a Tandem which crashed or was killed left in the cache. */
  tandem_attachment_cache_clean_abandoned_async (NULL, NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.undo", undo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.redo", redo_accels);

  self->recent_manager = gtk_recent_manager_get_default ();
  self->recent_menu = g_menu_new ();
  g_signal_connect_object (self->recent_manager, "changed",
                           G_CALLBACK (on_recent_manager_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);

  /* Running from the build tree ("meson devenv"), the icons are not installed yet. */
  if (g_getenv ("TANDEM_ICON_DIR") != NULL)
    gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    g_getenv ("TANDEM_ICON_DIR"));

  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
tandem_application_activate (GApplication *app)
{
  TandemApplication *self = TANDEM_APPLICATION (app);
  GtkWindow *window;

  if (self->skip_activate)
    {
      self->skip_activate = FALSE;
      tandem_application_check_recovery (self);
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = tandem_application_new_window (self);

  gtk_window_present (window);
  tandem_startup_trace_frame (GTK_WIDGET (window), "first-frame", TRUE);
  tandem_application_check_recovery (self);
}

static void
tandem_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    tandem_application_open_file (TANDEM_APPLICATION (app), files[i]);
}

static void
tandem_application_dispose (GObject *object)
{
  TandemApplication *self = (TandemApplication *)object;

  g_clear_object (&self->recent_menu);

  G_OBJECT_CLASS (tandem_application_parent_class)->dispose (object);
}

static void
tandem_application_class_init (TandemApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = tandem_application_dispose;

  app_class->handle_local_options = tandem_application_handle_local_options;
  app_class->startup = tandem_application_startup;
  app_class->activate = tandem_application_activate;
  app_class->open = tandem_application_open;
}

static void
tandem_application_init (TandemApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("Opens Tandem documents (.tandem) in windows. With one of the options below, works on "
      "FILE without a display and exits: 0 on success, 1 on failure, 2 for a usage mistake, "
      "3 from --check for a valid document in an older format, 4 from --check when a "
      "checklist's history or sign-offs were changed outside Tandem and cannot be verified, "
      "6 from --check when its text holds personal data (each named on a warning line)."));
}

/* Public API */

TandemApplication *
tandem_application_new (void)
{
  return g_object_new (TANDEM_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * tandem_application_new_window:
 *
 * Returns: (transfer none): a new window with a new, empty project
 */
GtkWindow *
tandem_application_new_window (TandemApplication *self)
{
  TandemWindow *window = tandem_window_new (self);

  return GTK_WINDOW (window);
}

/**
 * tandem_application_open_file:
 *
 * Shows @file: the window that already has it, or the current window if it holds an empty
 * untouched project, or a new window.
 */
static void
open_file_now (TandemApplication *self,
               GFile             *file,
               const char        *file_id)
{
  TandemWindow *window;

  if ((window = find_window_for_file (self, file, file_id)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  if ((window = find_pristine_window (self)) == NULL)
    window = tandem_window_new (self);

  tandem_window_load (window, file);
  gtk_window_present (GTK_WINDOW (window));
  tandem_startup_trace_frame (GTK_WIDGET (window), "first-frame", FALSE);
}

static void
on_file_id_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TandemApplication) self = user_data;
  g_autoptr(GFileInfo) info = NULL;

  /* A file that cannot be queried is opened anyway, so that opening it says why. */
  info = g_file_query_info_finish (G_FILE (object), result, NULL);
  open_file_now (self, G_FILE (object),
                 info ? g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILE) : NULL);
  self->n_opening--;
  g_application_release (G_APPLICATION (self));
}

/**
 * tandem_application_open_file:
 *
 * Shows @file: the window that already has it (by any name: a symbolic link to it is the same
 * file), or the current window if it holds an empty untouched project, or a new window. The
 * file is identified on a worker thread, so the window may appear after this returns.
 */
void
tandem_application_open_file (TandemApplication *self,
                              GFile             *file)
{
  TandemWindow *window;

  g_return_if_fail (TANDEM_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  if ((window = find_window_for_file (self, file, NULL)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  /* Held until the file is known, so that `tandem FILE` does not quit before its window. */
  g_application_hold (G_APPLICATION (self));
  self->n_opening++;
  g_file_query_info_async (file, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, NULL, on_file_id_cb, g_object_ref (self));
}

/**
 * tandem_application_is_opening:
 *
 * Returns: %TRUE while a file asked for with tandem_application_open_file() is not yet in a
 *   window
 */
gboolean
tandem_application_is_opening (TandemApplication *self)
{
  g_return_val_if_fail (TANDEM_IS_APPLICATION (self), FALSE);

  return self->n_opening > 0;
}

/**
 * tandem_application_new_file_filter:
 *
 * Returns: (transfer full): the file chooser filter for Tandem documents
 */
GtkFileFilter *
tandem_application_new_file_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Tandem Documents"));
  gtk_file_filter_add_mime_type (filter, TANDEM_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "tandem");

  return filter;
}

/**
 * tandem_application_add_recent:
 *
 * Remembers @file in the desktop's recent files, as a Tandem document.
 */
void
tandem_application_add_recent (TandemApplication *self,
                               GFile             *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = { 0 };
  const char *groups[] = { "Tandem", NULL };

  data.display_name = NULL;
  data.mime_type = (char *)TANDEM_MIME_TYPE;
  data.app_name = (char *)g_get_application_name ();
  data.app_exec = (char *)"tandem %u";
  data.groups = (char **)groups;
  gtk_recent_manager_add_full (self->recent_manager, uri, &data);
}

GMenuModel *
tandem_application_get_recent_menu (TandemApplication *self)
{
  return G_MENU_MODEL (self->recent_menu);
}

/* Recovery */

static void
on_recovery_response_cb (AdwMessageDialog  *dialog,
                         const char        *response,
                         TandemApplication *self)
{
  GPtrArray *entries = g_object_get_data (G_OBJECT (dialog), "entries");

  for (guint i = 0; i < entries->len; i++)
    {
      TandemRecoveryEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (response, "recover"))
        {
          TandemWindow *window = find_pristine_window (self);

          if (window == NULL)
            window = tandem_window_new (self);
          tandem_window_recover (window, entry);
          gtk_window_present (GTK_WINDOW (window));
        }
      else if (g_str_equal (response, "discard"))
        {
          tandem_recovery_entry_discard (entry);
        }
    }
}

/**
 * tandem_application_check_recovery:
 *
 * Once per run, offers back the work of Tandem sessions that ended without saving.
 */
void
tandem_application_check_recovery (TandemApplication *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) body = NULL;
  GtkWindow *parent;
  AdwMessageDialog *dialog;

  if (self->recovery_checked)
    return;
  self->recovery_checked = TRUE;

  entries = tandem_recovery_list_abandoned ();
  if (entries->len == 0)
    return;

  body = g_string_new (ngettext ("Tandem closed without saving this project:",
                                 "Tandem closed without saving these projects:",
                                 entries->len));
  for (guint i = 0; i < entries->len; i++)
    {
      TandemRecoveryEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *when = tandem_recovery_entry_describe_time (entry);

      g_string_append_printf (body, "\n• %s (%s)", tandem_recovery_entry_get_title (entry), when);
    }
  g_string_append (body, "\n\n");
  g_string_append (body, _("Recover opens each one in a window; save it to keep it. Discard "
                           "deletes the unsaved changes for good."));

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Recover Unsaved Work?"), NULL));
  adw_message_dialog_set_body (dialog, body->str);
  adw_message_dialog_add_responses (dialog,
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "recover");
  adw_message_dialog_set_close_response (dialog, "later");
  g_object_set_data_full (G_OBJECT (dialog), "entries", g_steal_pointer (&entries),
                          (GDestroyNotify)g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_recovery_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
