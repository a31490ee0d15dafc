/* tandem-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-appendix-dialog.h"
#include "tandem-feedback-export.h"
#include "tandem-attachment-cache.h"
#include "tandem-application.h"
#include "tandem-checklist.h"
#include "tandem-checklist-page.h"
#include "tandem-checklist-progress.h"
#include "tandem-dialogs.h"
#include "tandem-journey.h"
#include "tandem-lock.h"
#include "tandem-csv-import-dialog.h"
#include "tandem-merge-dialog.h"
#include "tandem-new-checklist-dialog.h"
#include "tandem-journey-page.h"
#include "tandem-step.h"
#include "tandem-overview-page.h"
#include "tandem-personal-data-dialog.h"
#include "tandem-engagement-page.h"
#include "tandem-ladder-page.h"
#include "tandem-reach-page.h"
#include "tandem-sidebar-entry.h"
#include "tandem-preferences-window.h"
#include "tandem-projector-view.h"
#include "tandem-reviewer-dialog.h"
#include "tandem-startup-trace.h"
#include "tandem-themes-page.h"
#include "tandem-storage.h"
#include "tandem-window.h"

/*
 * A window shows one document: a sidebar of its parts beside the page of the selected part.
 * It owns the document's file handling: open, save, save as, close with unsaved changes, and
 * the recovery copy written every few seconds while there are unsaved changes. All disk work
 * happens on worker threads; the window only starts it and shows the outcome.
 *
 * Two people, one file: while a document is open the window holds its lock file (see
 * tandem-lock.c). Opening a document someone else has open says who and since when, and
 * offers to open it read-only or as a copy. The window also keeps the stamp of the file as it
 * read or last wrote it (inode, time, size and a SHA-256 of the contents), and before saving
 * over it checks that the file still holds those contents: a change made elsewhere is never
 * silently overwritten, and a sync client putting back the same bytes is not a change.
 */

/* How a document that someone else has open is opened. */
typedef enum
{
  OPEN_NORMAL,
  OPEN_READ_ONLY,
  OPEN_COPY,
} OpenMode;

#define RECOVERY_DELAY_SECONDS 3

struct _TandemWindow
{
  AdwApplicationWindow  parent_instance;

  TandemDocument       *document;
  GFile                *file;
  TandemRecovery       *recovery;
  TandemLock           *lock;   /* of file, while this window has it open */
  char                 *stamp;  /* of file, as last read or written; NULL when unknown */
  char                 *file_id;  /* the file system's identity of file, from the stamp */
  GCancellable         *cancellable;
  GSettings            *settings;
  char                 *last_error;

  GListStore           *sidebar_roots;
  GListStore           *sidebar_parts;  /* of GListModel, flattened into the sidebar */
  GListStore           *sidebar_engagement;  /* of TandemSidebarEntry: the engagement pages */
  GHashTable           *pages;  /* TandemObject* -> GtkWidget* (weak: the stack owns pages) */
  guint                 sidebar_key;  /* a key moving the focus in the sidebar, while it is handled */

  guint                 recovery_source;
  guint                 saving : 1;
  guint                 loading : 1;
  guint                 writing_recovery : 1;
  guint                 discard_after_recovery : 1;
  guint                 close_after_save : 1;
  guint                 close_confirmed : 1;
  guint                 read_only : 1;
  guint                 was_fullscreen : 1;  /* before projector mode */
  guint                 fullscreen_requested : 1;

  /* Projector mode: the view shown in place of the content, which waits here meanwhile */
  GtkWidget            *projector;
  GtkWidget            *projected_content;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkWidget           *undo_button;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkStack             *stack;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *primary_menu_button;
  GMenu                *recent_submenu;
  GtkRevealer          *recovery_banner;
  GtkLabel             *recovery_banner_label;
};

G_DEFINE_FINAL_TYPE (TandemWindow, tandem_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void save_as (TandemWindow *self);
static GtkListBoxRow *sidebar_row_of (TandemWindow *self,
                                      gpointer      object);
static void leave_projector (TandemWindow *self);
static void set_document (TandemWindow   *self,
                          TandemDocument *document);

/* Auxiliary methods */

static char *
get_display_name (TandemWindow *self)
{
  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);

      if (g_str_has_suffix (basename, ".tandem"))
        basename[strlen (basename) - strlen (".tandem")] = '\0';

      return g_filename_display_name (basename);
    }

  if (self->document != NULL && tandem_document_get_title (self->document)[0] != '\0')
    return g_strdup (tandem_document_get_title (self->document));

  return g_strdup (_("Untitled Project"));
}

static void
update_title (TandemWindow *self)
{
  g_autofree char *name = get_display_name (self);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;
  gboolean modified = self->document != NULL && tandem_document_get_modified (self->document);

  /* The asterisk is the unsaved-changes marker users know from other editors. */
  title = modified ? g_strdup_printf ("*%s", name) : g_strdup (name);
  if (self->read_only)
    {
      g_autofree char *plain = g_steal_pointer (&title);
      /* TRANSLATORS: the window title of a document opened read-only */
      title = g_strdup_printf (_("%s (read-only)"), plain);
    }

  if (self->file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);
      g_autofree char *path = parent ? g_file_get_path (parent) : NULL;
      const char *home = g_get_home_dir ();

      if (path != NULL && g_str_has_prefix (path, home) && home[1] != '\0')
        subtitle = g_strdup_printf ("~%s", path + strlen (home));
      else
        subtitle = g_strdup (path);
    }
  else
    subtitle = g_strdup (_("Not saved yet"));

  if (modified)
    {
      g_autofree char *plain = g_steal_pointer (&subtitle);
      subtitle = g_strdup_printf (_("%s — unsaved changes"), plain);
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  window_title = g_strdup_printf ("%s — %s", title, _("Tandem"));
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_actions (TandemWindow *self)
{
  gboolean have = self->document != NULL;
  gboolean busy = self->saving || self->loading;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 have && !busy && tandem_document_can_undo (self->document));
  /* Undo says what it takes back: "Undo Move Step “Triage”". */
  if (self->undo_button != NULL)
    {
      const char *label = have ? tandem_document_get_undo_label (self->document) : NULL;
      g_autofree char *tooltip = label ? g_strdup_printf (_("Undo %s"), label) : NULL;

      gtk_widget_set_tooltip_text (self->undo_button, tooltip ? tooltip : _("Undo"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->undo_button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      tooltip ? tooltip : "", -1);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 have && !busy && tandem_document_can_redo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", have && !busy && !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", have && !busy);
}

static void
show_error (TandemWindow *self,
            const char   *heading,
            const char   *body)
{
  AdwMessageDialog *dialog;

  g_free (self->last_error);
  self->last_error = g_strdup (body);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_file (TandemWindow *self,
          GFile        *file)
{
  if (g_set_object (&self->file, file))
    {
      update_title (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
}

/* Sidebar and pages */

static void
on_sidebar_title_cb (GObject    *item,
                     GParamSpec *pspec,
                     GtkWidget  *row)
{
  g_autofree char *title = NULL;

  g_object_get (item, "title", &title, NULL);
  tandem_set_accessible_label (row, title != NULL && title[0] != '\0' ? title : _("Untitled"));
}

/* The icons of the sidebar only decorate the words beside them. */
static void
hide_images (GtkWidget *root)
{
  if (GTK_IS_IMAGE (root))
    tandem_hide_from_accessibility (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    hide_images (child);
}

static GtkWidget *
create_sidebar_row (gpointer item,
                    gpointer user_data)
{
  GtkWidget *row = gtk_list_box_row_new ();
  const char *icon_name;
  GtkWidget *label;
  GtkWidget *box;

  g_object_set_data_full (G_OBJECT (row), "tandem-object", g_object_ref (item), g_object_unref);

  /* Each row is named for screen readers by what it opens, and keeps its name as it is renamed. */
  if (TANDEM_IS_DOCUMENT (item))
    tandem_set_accessible_label (row, _("Project Overview"));
  else if (TANDEM_IS_SIDEBAR_ENTRY (item))
    tandem_set_accessible_label (row, tandem_sidebar_entry_get_title (item));
  else
    {
      g_signal_connect_object (item, "notify::title", G_CALLBACK (on_sidebar_title_cb), row, 0);
      on_sidebar_title_cb (item, NULL, row);
    }

  if (TANDEM_IS_CHECKLIST (item))
    {
      /* Checklists show how far they are answered under their title. */
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), tandem_checklist_sidebar_row_content (item));
      hide_images (row);
      return row;
    }

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new (NULL);

  if (TANDEM_IS_DOCUMENT (item))
    {
      icon_name = "document-properties-symbolic";
      gtk_label_set_text (GTK_LABEL (label), _("Project Overview"));
    }
  else if (TANDEM_IS_SIDEBAR_ENTRY (item))
    {
      icon_name = tandem_sidebar_entry_get_icon_name (item);
      gtk_label_set_text (GTK_LABEL (label), tandem_sidebar_entry_get_title (item));
    }
  else
    {
      icon_name = TANDEM_IS_CHECKLIST (item) ? "view-list-bullet-symbolic" : "mail-send-receive-symbolic";
      g_object_bind_property (item, "title", label, "label", G_BINDING_SYNC_CREATE);
    }

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  hide_images (row);

  return row;
}

static const char *
sidebar_section_title (gpointer item)
{
  if (TANDEM_IS_CHECKLIST (item))
    return _("Checklists");
  if (TANDEM_IS_JOURNEY (item))
    return _("Journeys");
  if (TANDEM_IS_SIDEBAR_ENTRY (item))
    return tandem_sidebar_entry_get_section (item);

  return NULL;
}

static void
sidebar_header_func (GtkListBoxRow *row,
                     GtkListBoxRow *before,
                     gpointer       user_data)
{
  gpointer item = g_object_get_data (G_OBJECT (row), "tandem-object");
  gpointer previous = before ? g_object_get_data (G_OBJECT (before), "tandem-object") : NULL;
  const char *title = sidebar_section_title (item);

  /* A heading where the section changes (not the type: the fixed pages share one type). */
  if (title != NULL &&
      (previous == NULL || g_strcmp0 (sidebar_section_title (previous), title) != 0))
    {
      GtkWidget *header = gtk_label_new (title);

      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_add_css_class (header, "dim-label");
      gtk_widget_set_margin_start (header, 12);
      gtk_widget_set_margin_top (header, 12);
      gtk_widget_set_margin_bottom (header, 6);
      gtk_list_box_row_set_header (row, header);
    }
  else
    {
      gtk_list_box_row_set_header (row, NULL);
    }
}

static GtkWidget *
create_page (TandemWindow *self,
             gpointer      object)
{
  if (TANDEM_IS_SIDEBAR_ENTRY (object))
    return tandem_sidebar_entry_new_page (object, self->document);
  if (TANDEM_IS_DOCUMENT (object))
    return tandem_overview_page_new (TANDEM_DOCUMENT (object));
  if (TANDEM_IS_CHECKLIST (object))
    return tandem_checklist_page_new (TANDEM_CHECKLIST (object));
  if (TANDEM_IS_JOURNEY (object))
    return tandem_journey_page_new (TANDEM_JOURNEY (object));

  return adw_status_page_new ();
}

static void
on_page_destroyed_cb (gpointer  data,
                      GObject  *where_the_object_was)
{
  TandemWindow *self = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (value == (gpointer)where_the_object_was)
        g_hash_table_iter_remove (&iter);
    }
}

/* Shows the page of a sidebar item: an object of the document or a TandemSidebarEntry. */
static void
show_item (TandemWindow *self,
           gpointer      object)
{
  GtkWidget *page;

  page = g_hash_table_lookup (self->pages, object);
  if (page == NULL)
    {
      page = create_page (self, object);
      gtk_stack_add_child (self->stack, page);
      g_hash_table_insert (self->pages, object, page);
      g_object_weak_ref (G_OBJECT (page), on_page_destroyed_cb, self);
    }

  gtk_stack_set_visible_child (self->stack, page);

  /* Before anything can be recorded in a checklist's history: who is answering? Not when
   * the document already has a reviewer (set by a test or another window). */
  if (TANDEM_IS_CHECKLIST (object) &&
      tandem_document_get_reviewer (self->document)[0] == '\0' &&
      tandem_reviewer_dialog_needed (self->settings))
    tandem_reviewer_dialog_present (GTK_WINDOW (self), self->settings);
}

void
tandem_window_show_object (TandemWindow *self,
                           TandemObject *object)
{
  g_return_if_fail (TANDEM_IS_WINDOW (self));
  g_return_if_fail (TANDEM_IS_OBJECT (object));

  show_item (self, object);
}

/* The pages of the engagement record, in the order of the sidebar. One line adds a page. */
static void
add_engagement_entries (GListStore *store)
{
  static const struct
  {
    const char            *id;
    const char            *title;
    const char            *icon_name;
    TandemSidebarPageFunc  new_page;
  } entries[] = {
    { "engagement-log", N_("Engagement Log"), "x-office-calendar-symbolic",
      tandem_engagement_page_new },
    { "groups-and-reach", N_("Groups and Reach"), "system-users-symbolic", tandem_reach_page_new },
    { "ladder-profile", N_("Ladder Profile"), "view-continuous-symbolic", tandem_ladder_page_new },
    { "you-said-we-did", N_("You Said, We Did"), "chat-message-new-symbolic",
      tandem_themes_page_new },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(TandemSidebarEntry) entry =
        tandem_sidebar_entry_new (entries[i].id, _("Engagement"), _(entries[i].title),
                                  entries[i].icon_name, entries[i].new_page);

      g_list_store_append (store, entry);
    }
}

/**
 * tandem_window_select_page:
 * @page_id: the id of a fixed page of the sidebar, such as "engagement-log"
 *
 * Chooses that page in the sidebar, which shows it.
 *
 * Returns: (transfer none) (nullable): the page shown, or %NULL when there is none of that id
 */
GtkWidget *
tandem_window_select_page (TandemWindow *self,
                           const char   *page_id)
{
  g_return_val_if_fail (TANDEM_IS_WINDOW (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sidebar_engagement)); i++)
    {
      g_autoptr(TandemSidebarEntry) entry =
        g_list_model_get_item (G_LIST_MODEL (self->sidebar_engagement), i);
      GtkListBoxRow *row;

      if (!g_str_equal (tandem_sidebar_entry_get_id (entry), page_id))
        continue;

      row = sidebar_row_of (self, (gpointer)entry);
      if (row == NULL)
        return NULL;
      self->sidebar_key = 0;
      gtk_list_box_select_row (self->sidebar, row);
      return g_hash_table_lookup (self->pages, entry);
    }

  return NULL;
}

/**
 * tandem_window_select_object:
 *
 * Chooses @object in the sidebar, which shows its page.
 *
 * Returns: %FALSE when the sidebar does not list @object
 */
gboolean
tandem_window_select_object (TandemWindow *self,
                             TandemObject *object)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (TANDEM_IS_WINDOW (self), FALSE);

  row = sidebar_row_of (self, object);
  if (row == NULL)
    return FALSE;

  self->sidebar_key = 0;
  gtk_list_box_select_row (self->sidebar, row);
  return TRUE;
}

/* A page whose object left the document (a checklist deleted, or its creation undone) gives
 * way to the project overview. */
static void
drop_orphan_pages (TandemWindow *self)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->stack);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      /* The fixed pages show the whole project: they never leave it. */
      if (!TANDEM_IS_OBJECT (key))
        continue;
      if (tandem_object_get_document (key) == self->document &&
          tandem_document_lookup (self->document, tandem_object_get_id (key)) == key)
        continue;

      if (value == visible)
        {
          GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
          gboolean had_focus = focus == NULL || gtk_widget_is_ancestor (focus, value) ||
                               !gtk_widget_get_mapped (focus);

          tandem_window_select_object (self, TANDEM_OBJECT (self->document));

          /* The stack hands the focus of a page that goes to the first field of the next, the
           * project title with all its text selected, where one key press would wipe it. The
           * overview's row in the sidebar is a safe place. */
          if (had_focus || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (self)),
                                                   GTK_WIDGET (self->stack)))
            {
              GtkListBoxRow *row = sidebar_row_of (self, TANDEM_OBJECT (self->document));

              if (row != NULL)
                gtk_widget_grab_focus (GTK_WIDGET (row));
            }
        }
    }
}

static void
clear_pages (TandemWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stack))) != NULL)
    gtk_stack_remove (self->stack, child);

  g_hash_table_remove_all (self->pages);
}

/* Recovery */

static void write_recovery (TandemWindow *self);

static void
on_recovery_written_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(TandemWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->writing_recovery = FALSE;

  /* A copy that cannot be written means a crash now would lose the unsaved work: say so, and
   * why, until a copy is written or the work is saved. */
  if (!tandem_recovery_save_finish (TANDEM_RECOVERY (object), result, &error))
    {
      g_autofree char *text =
        g_strdup_printf (_("Your unsaved changes cannot be backed up, so a crash would lose "
                           "them. Save now to keep them. %s"), error->message);

      gtk_label_set_text (self->recovery_banner_label, text);
      gtk_revealer_set_reveal_child (self->recovery_banner, TRUE);
    }
  else
    {
      gtk_revealer_set_reveal_child (self->recovery_banner, FALSE);
    }

  if (self->discard_after_recovery || self->document == NULL ||
      !tandem_document_get_modified (self->document))
    {
      self->discard_after_recovery = FALSE;
      tandem_recovery_discard (TANDEM_RECOVERY (object));
    }
}

static gboolean
on_recovery_timeout_cb (gpointer user_data)
{
  TandemWindow *self = user_data;

  self->recovery_source = 0;
  write_recovery (self);

  return G_SOURCE_REMOVE;
}

static void
write_recovery (TandemWindow *self)
{
  g_autofree char *original = NULL;

  if (self->document == NULL || !tandem_document_get_modified (self->document))
    return;

  if (self->writing_recovery)
    {
      /* Try again once the copy being written is done. */
      if (self->recovery_source == 0)
        self->recovery_source = g_timeout_add_seconds (RECOVERY_DELAY_SECONDS,
                                                       on_recovery_timeout_cb, self);
      return;
    }

  if (self->recovery == NULL)
    self->recovery = tandem_recovery_new ();

  original = self->file ? g_file_get_path (self->file) : NULL;
  self->writing_recovery = TRUE;
  tandem_recovery_save_async (self->recovery, self->document, original, NULL,
                              on_recovery_written_cb, g_object_ref (self));
}

static void
discard_recovery (TandemWindow *self)
{
  g_clear_handle_id (&self->recovery_source, g_source_remove);

  /* Nothing unsaved is left to back up. */
  gtk_revealer_set_reveal_child (self->recovery_banner, FALSE);

  if (self->recovery == NULL)
    return;

  if (self->writing_recovery)
    self->discard_after_recovery = TRUE;
  else
    tandem_recovery_discard (self->recovery);
}

/* Callbacks */

static void
on_document_changed_cb (TandemWindow   *self,
                        TandemDocument *document)
{
  drop_orphan_pages (self);

  if (tandem_document_get_modified (document) && self->recovery_source == 0)
    self->recovery_source = g_timeout_add_seconds (RECOVERY_DELAY_SECONDS,
                                                   on_recovery_timeout_cb, self);
}

static void
on_document_modified_cb (TandemWindow   *self,
                         GParamSpec     *pspec,
                         TandemDocument *document)
{
  update_title (self);

  if (!tandem_document_get_modified (document))
    discard_recovery (self);
}

static void
on_document_history_cb (TandemWindow   *self,
                        GParamSpec     *pspec,
                        TandemDocument *document)
{
  update_actions (self);
}

static void
on_document_title_cb (TandemWindow   *self,
                      GParamSpec     *pspec,
                      TandemDocument *document)
{
  if (self->file == NULL)
    update_title (self);
}

static gpointer
shown_object (TandemWindow *self)
{
  GtkWidget *visible;
  GHashTableIter iter;
  gpointer key, value;

  /* Nothing is shown while the window is taken apart. */
  if (self->pages == NULL || self->stack == NULL)
    return NULL;

  visible = gtk_stack_get_visible_child (self->stack);
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (value == visible)
      return key;

  return NULL;
}

static GtkListBoxRow *
sidebar_row_of (TandemWindow *self,
                gpointer      object)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar, i)) != NULL; i++)
    if (g_object_get_data (G_OBJECT (row), "tandem-object") == (gpointer)object)
      return row;

  return NULL;
}

/* The sidebar follows activation, not the focus: Tab and the arrow keys only move the focus
 * through it (a page that opened at each row passed would take the focus from the sidebar and
 * ask who is reviewing on the way), and Enter, Space or a click open the page. GtkListBox
 * selects the row its cursor moves to, so a selection made while such a key is handled is
 * put back. */
static gboolean
on_sidebar_key_pressed_cb (TandemWindow          *self,
                           guint                  keyval,
                           guint                  keycode,
                           GdkModifierType        state,
                           GtkEventControllerKey *controller)
{
  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      self->sidebar_key = keyval;
      break;
    default:
      self->sidebar_key = 0;
      break;
    }

  return FALSE;
}

static void
on_sidebar_key_released_cb (TandemWindow *self)
{
  self->sidebar_key = 0;
}

static void
on_sidebar_row_selected_cb (TandemWindow  *self,
                            GtkListBoxRow *row)
{
  gpointer object;
  gpointer shown;

  if (row == NULL)
    return;

  object = g_object_get_data (G_OBJECT (row), "tandem-object");
  shown = shown_object (self);

  if (self->sidebar_key != 0 && shown != NULL && object != shown)
    {
      GtkListBoxRow *shown_row = sidebar_row_of (self, shown);

      if (shown_row != NULL)
        {
          gtk_list_box_select_row (self->sidebar, shown_row);
          return;
        }
    }

  if (object != NULL)
    show_item (self, object);
}

static void
on_sidebar_row_activated_cb (TandemWindow  *self,
                             GtkListBoxRow *row)
{
  /* The row under the cursor when Enter or Space opens it. */
  self->sidebar_key = 0;
  if (gtk_list_box_get_selected_row (self->sidebar) != row)
    gtk_list_box_select_row (self->sidebar, row);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_clicked_cb (TandemWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Two people, one file */

static void
release_lock (TandemWindow *self)
{
  g_autoptr(GError) error = NULL;

  /* On the main thread on purpose: the lock must be gone before the application exits, and
   * releasing it is one small read and one unlink. */
  if (self->lock != NULL && !tandem_lock_release (self->lock, &error))
    g_warning ("%s", error->message);
  g_clear_object (&self->lock);
}

static char *
format_since (GDateTime *since)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (since);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* TRANSLATORS: when someone opened a document today, as in “since 14:02 today” */
    return g_date_time_format (local, _("%H:%M today"));

  /* TRANSLATORS: when someone opened a document, as in “since 3 December 2026, 14:02” */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

/* Takes @stamp (see tandem_lock_stamp_document()), which begins with the file's identity. */
static void
set_stamp (TandemWindow *self,
           char         *stamp)
{
  const char *space = stamp ? strchr (stamp, ' ') : NULL;

  g_free (self->stamp);
  g_free (self->file_id);
  self->stamp = stamp;
  self->file_id = space ? g_strndup (stamp, space - stamp) : NULL;
}

static char *
dup_lock_name (TandemWindow *self)
{
  g_autofree char *name = NULL;

  if (self->settings != NULL)
    name = g_strstrip (g_settings_get_string (self->settings, "reviewer-name"));

  return name != NULL && name[0] != '\0' ? g_steal_pointer (&name) : NULL;
}

static void
stamp_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_task_return_pointer (task, tandem_lock_stamp_document (task_data, NULL), g_free);
}

/* Stamps @file on a worker thread; the callback gets the stamp with g_task_propagate_pointer(). */
static void
stamp_async (TandemWindow        *self,
             GFile               *file,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);

  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, stamp_thread);
}

/* Loading */

/* Said once, as the project opens: the links are text in the answers now, and saving keeps
 * them that way (see tandem-kept-links.c). */
static void
announce_kept_links (TandemWindow   *self,
                     TandemDocument *document)
{
  guint n = tandem_storage_get_links_kept_as_text (document);
  g_autofree char *message = NULL;

  if (n == 0)
    return;

  message = g_strdup_printf (ngettext ("%u link to a file was kept as text in its answer; "
                                       "Tandem opens only web and mail links",
                                       "%u links to files were kept as text in their answers; "
                                       "Tandem opens only web and mail links", n), n);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* A record changed outside Tandem still opens; one sentence says so, and stays until closed. */
static void
report_trust (TandemWindow *self)
{
  g_autofree char *sentence = tandem_document_describe_trust (self->document);
  AdwToast *toast;

  if (sentence == NULL)
    return;

  g_free (self->last_error);
  self->last_error = g_strdup (sentence);
  toast = adw_toast_new (sentence);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_load_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TandemWindow *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  OpenMode mode = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "mode"));
  TandemLock *lock = g_object_get_data (G_OBJECT (task), "lock");
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  self->loading = FALSE;
  update_actions (self);

  document = tandem_storage_load_finish (result, &error);
  if (document == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      if (lock != NULL)
        tandem_lock_release (lock, NULL);
      /* Cancelled: the window is closing, with nobody to tell. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, heading, error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  discard_recovery (self);
  g_clear_object (&self->recovery);
  release_lock (self);
  g_set_object (&self->lock, lock);
  set_stamp (self, mode == OPEN_COPY ? NULL
                                      : g_strdup (g_object_get_data (G_OBJECT (task), "stamp")));
  self->read_only = mode == OPEN_READ_ONLY;
  tandem_startup_trace_mark ("document-read");
  set_document (self, document);
  announce_kept_links (self, document);
  report_trust (self);
  tandem_startup_trace_mark ("document-shown");
  tandem_startup_trace_frame (GTK_WIDGET (self), "document-frame", TRUE);

  if (mode == OPEN_COPY)
    {
      /* A copy belongs to no file until it is saved under a name of its own. */
      set_file (self, NULL);
      tandem_document_mark_unsaved (document);
      update_title (self);
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("This is a copy. Save it under a new name "
                                                    "to keep it.")));
    }
  else
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      set_file (self, file);
      tandem_application_add_recent (TANDEM_APPLICATION (app), file);
    }

  g_task_return_boolean (task, TRUE);
}

static void
start_load (TandemWindow *self,
            GTask        *task)
{
  self->loading = TRUE;
  update_actions (self);
  tandem_startup_trace_mark ("document-requested");
  tandem_storage_load_async (g_task_get_task_data (task), self->cancellable, on_load_done_cb,
                             task);
}

static void
on_held_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     TandemWindow     *self)
{
  GTask *task = g_object_steal_data (G_OBJECT (dialog), "tandem-task");

  g_assert (TANDEM_IS_WINDOW (self));

  if (task == NULL)
    return;

  if (g_str_equal (response, "read-only") || g_str_equal (response, "copy"))
    {
      OpenMode mode = g_str_equal (response, "copy") ? OPEN_COPY : OPEN_READ_ONLY;

      g_object_set_data (G_OBJECT (task), "mode", GINT_TO_POINTER (mode));
      start_load (self, task);
      return;
    }

  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Not opened");
  g_object_unref (task);
}

/* Says who has the document open and since when, and lets the user choose: look without
 * changing it, work on a copy, or leave it. Owns @task. */
static void
ask_about_holder (TandemWindow *self,
                  GTask        *task,
                  TandemLock   *holder)
{
  GFile *file = g_task_get_task_data (task);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *who = tandem_lock_describe (holder);
  g_autofree char *since = format_since (tandem_lock_get_since (holder));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  heading = g_strdup_printf (_("“%s” Is Open Elsewhere"), name);
  if (tandem_lock_is_ours (holder))
    body = g_strdup_printf (_("Another window of Tandem has had it open since %s. If both "
                              "make changes, whichever saves last overwrites the other."), since);
  else
    /* TRANSLATORS: the first %s is a person (“Ann Smith (asmith on pc-12)”), the second a time */
    body = g_strdup_printf (_("%s has had it open since %s. If you both make changes, whoever "
                              "saves last overwrites the other’s work. Open it read-only to "
                              "look at it, or open a copy to work on separately."), who, since);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "copy", _("Open a _Copy"),
                                    "read-only", _("Open _Read-Only"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "read-only", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "read-only");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "tandem-task", task, g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_held_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_lock_taken_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  TandemWindow *self = g_task_get_source_object (task);
  g_autoptr(TandemLock) lock = NULL;
  g_autoptr(TandemLock) holder = NULL;
  g_autoptr(GError) error = NULL;
  char *stamp = NULL;

  lock = tandem_lock_take_finish (result, &holder, &stamp, &error);
  g_object_set_data_full (G_OBJECT (task), "stamp", stamp, g_free);

  if (lock == NULL && holder != NULL &&
      g_error_matches (error, TANDEM_LOCK_ERROR, TANDEM_LOCK_ERROR_HELD) &&
      !g_cancellable_is_cancelled (self->cancellable))
    {
      self->loading = FALSE;
      update_actions (self);
      ask_about_holder (self, task, holder);
      return;
    }

  /* A folder where no lock can be written (read-only, or not on a mounted drive) still lets
   * the document be read; there is nobody to tell about it. */
  if (lock == NULL && error != NULL)
    g_debug ("Opening without a lock: %s", error->message);
  if (lock != NULL)
    g_object_set_data_full (G_OBJECT (task), "lock", g_steal_pointer (&lock), g_object_unref);

  start_load (self, task);
}

/**
 * tandem_window_load:
 *
 * Reads @file and, when it is a valid document, shows it in place of the current one.
 * When it is not, a dialog says why and the current document stays as it was.
 */
void
tandem_window_load (TandemWindow *self,
                    GFile        *file)
{
  g_autofree char *lock_name = NULL;
  GTask *task;

  g_return_if_fail (TANDEM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  lock_name = dup_lock_name (self);
  task = g_task_new (self, self->cancellable, NULL, NULL);
  g_task_set_source_tag (task, tandem_window_load);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  /* The lock first: who else has it open decides whether and how it is read. */
  self->loading = TRUE;
  update_actions (self);
  tandem_lock_take_async (file, lock_name, self->cancellable, on_lock_taken_cb, task);
}

static void
on_recover_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TandemWindow *self = g_task_get_source_object (task);
  TandemRecovery *recovery = g_task_get_task_data (task);
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *original;

  self->loading = FALSE;
  update_actions (self);

  document = tandem_storage_load_finish (result, &error);
  if (document == NULL)
    {
      show_error (self, _("Could Not Recover Unsaved Work"), error->message);
      return;
    }

  original = g_object_get_data (G_OBJECT (task), "original");
  set_document (self, document);
  tandem_document_mark_unsaved (document);
  if (original != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (original);
      set_file (self, file);
    }
  else
    set_file (self, NULL);

  g_set_object (&self->recovery, recovery);
  update_title (self);

  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Unsaved work recovered. Save it to keep it.")));
}

/**
 * tandem_window_recover:
 *
 * Shows the unsaved work of an ended session, marked as unsaved, belonging to the file it
 * was made from. The recovery copy stays until it is saved or discarded.
 */
void
tandem_window_recover (TandemWindow        *self,
                       TandemRecoveryEntry *entry)
{
  g_autoptr(TandemRecovery) recovery = tandem_recovery_new_adopting (entry);
  g_autoptr(GFile) file = g_file_new_for_path (tandem_recovery_get_path (recovery));
  GTask *task;

  task = g_task_new (self, self->cancellable, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (recovery), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "original",
                          g_strdup (tandem_recovery_entry_get_original (entry)), g_free);

  self->loading = TRUE;
  update_actions (self);
  tandem_storage_load_async (file, self->cancellable, on_recover_done_cb, task);
}

static void
finish_save (TandemWindow *self,
             GFile        *file)
{
  set_file (self, file);
  update_title (self);
  tandem_application_add_recent (TANDEM_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                                 file);

  if (!tandem_document_get_modified (self->document))
    discard_recovery (self);

  if (self->close_after_save)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
on_saved_stamp_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TandemWindow *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);

  /* What was just written is what the next save expects to find. */
  set_stamp (self, g_task_propagate_pointer (G_TASK (result), NULL));

  self->saving = FALSE;
  update_actions (self);
  finish_save (self, file);
}

static void
on_save_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TandemWindow *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  TandemLock *new_lock = g_object_get_data (G_OBJECT (task), "lock");
  g_autoptr(GError) error = NULL;

  if (!tandem_storage_save_finish (TANDEM_DOCUMENT (object), result, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);

      if (new_lock != NULL)
        tandem_lock_release (new_lock, NULL);
      self->saving = FALSE;
      update_actions (self);
      self->close_after_save = FALSE;
      show_error (self, heading, error->message);
      return;
    }

  /* Saved under another name: this window now has that file open, and its own. */
  if (new_lock != NULL)
    {
      release_lock (self);
      self->lock = g_object_ref (new_lock);
    }
  if (self->read_only && (self->file == NULL || !g_file_equal (file, self->file)))
    self->read_only = FALSE;

  stamp_async (self, file, on_saved_stamp_cb, g_steal_pointer (&task));
}

static void
write_document (TandemWindow *self,
                GTask        *task)
{
  self->saving = TRUE;
  update_actions (self);
  tandem_storage_save_async (self->document, g_task_get_task_data (task), NULL, on_save_done_cb,
                             task);
}

static void
on_changed_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        TandemWindow     *self)
{
  GTask *task = g_object_steal_data (G_OBJECT (dialog), "tandem-task");

  g_assert (TANDEM_IS_WINDOW (self));

  if (task == NULL)
    return;

  if (g_str_equal (response, "overwrite"))
    {
      write_document (self, task);
      return;
    }

  g_object_unref (task);
  if (g_str_equal (response, "save-as"))
    save_as (self);
  else
    self->close_after_save = FALSE;
}

/* The file is no longer the one this window read or last wrote: someone else saved it, or
 * another program changed it. Their work is not thrown away without asking. Owns @task. */
static void
ask_about_change (TandemWindow *self,
                  GTask        *task)
{
  GFile *file = g_task_get_task_data (task);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *heading = g_strdup_printf (_("“%s” Changed on Disk"), name);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (self), heading,
    _("Someone else, or another program, has changed the file since you opened it. If you "
      "save over it, their changes are lost. Save your version under another name to keep "
      "both.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "tandem-task", task, g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_changed_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void on_target_locked_cb (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data);

/* Whether the file still holds what this window read or last wrote; on a worker thread. */
static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *expected = g_object_get_data (G_OBJECT (task), "expected");
  g_autoptr(GError) error = NULL;
  gboolean changed;

  changed = !tandem_lock_stamp_matches (expected, task_data, NULL, &error);

  /* A file that is gone (moved away, deleted) is simply written again. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    changed = FALSE;

  g_task_return_boolean (task, changed);
}

static void
on_stamp_checked_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  TandemWindow *self = g_task_get_source_object (task);
  gboolean changed = g_task_propagate_boolean (G_TASK (result), NULL);

  if (changed)
    {
      self->saving = FALSE;
      update_actions (self);
      ask_about_change (self, task);
      return;
    }

  /* Not locked yet (recovered work, or a folder where the lock could not be written when it
   * was opened): take it now, and do not write over someone who has it open. */
  if (self->lock == NULL)
    {
      g_autofree char *lock_name = dup_lock_name (self);

      tandem_lock_take_async (g_task_get_task_data (task), lock_name, NULL, on_target_locked_cb,
                              task);
      return;
    }

  write_document (self, task);
}

static void
on_target_locked_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  TandemWindow *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  g_autoptr(TandemLock) lock = NULL;
  g_autoptr(TandemLock) holder = NULL;
  g_autoptr(GError) error = NULL;

  lock = tandem_lock_take_finish (result, &holder, NULL, &error);
  if (lock == NULL && holder != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *name = g_filename_display_name (basename);
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);
      g_autofree char *who = tandem_lock_describe (holder);
      g_autofree char *since = format_since (tandem_lock_get_since (holder));
      g_autofree char *body = NULL;

      /* TRANSLATORS: the first %s is a person (“Ann Smith (asmith on pc-12)”), the second a time */
      body = g_strdup_printf (_("%s has had this file open since %s, and would lose their work "
                                "or yours. Save under another name."), who, since);
      self->saving = FALSE;
      self->close_after_save = FALSE;
      update_actions (self);
      show_error (self, heading, body);
      g_object_unref (task);
      return;
    }

  if (lock != NULL)
    g_object_set_data_full (G_OBJECT (task), "lock", g_steal_pointer (&lock), g_object_unref);
  write_document (self, task);
}

/**
 * tandem_window_save_to:
 *
 * Saves the document to @file, atomically, on a worker thread. On failure a dialog says
 * why, and the document and the file on disk are unchanged. Saving over the open file first
 * checks that nobody changed it since it was read, and asks if they did; saving to another
 * file first takes that file's lock.
 */
void
tandem_window_save_to (TandemWindow *self,
                       GFile        *file)
{
  gboolean same_file;
  GTask *task;

  g_return_if_fail (TANDEM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->saving)
    return;

  same_file = self->file != NULL && g_file_equal (file, self->file);
  if (same_file && self->read_only)
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), basename);

      self->close_after_save = FALSE;
      show_error (self, heading,
                  _("This document is open read-only, because someone else has it open. Use "
                    "Save As to keep your changes in a file of your own."));
      return;
    }

  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  self->saving = TRUE;
  update_actions (self);

  if (same_file && self->stamp != NULL)
    {
      g_autoptr(GTask) check = g_task_new (self, NULL, on_stamp_checked_cb, task);

      g_task_set_task_data (check, g_object_ref (file), g_object_unref);
      g_object_set_data_full (G_OBJECT (check), "expected", g_strdup (self->stamp), g_free);
      g_task_run_in_thread (check, check_thread);
    }
  else if (same_file && self->lock != NULL)
    {
      write_document (self, task);
    }
  else
    {
      g_autofree char *lock_name = dup_lock_name (self);

      tandem_lock_take_async (file, lock_name, NULL, on_target_locked_cb, task);
    }
}

static void
on_save_as_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        TandemWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *basename = g_file_get_basename (chosen);
      g_autoptr(GFile) file = NULL;

      if (!g_str_has_suffix (basename, ".tandem"))
        {
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          g_autofree char *name = g_strconcat (basename, ".tandem", NULL);

          file = g_file_get_child (parent, name);
        }
      else
        file = g_object_ref (chosen);

      tandem_window_save_to (self, file);
    }
  else
    {
      self->close_after_save = FALSE;
    }

  g_object_unref (dialog);
}

static void
save_as (TandemWindow *self)
{
  g_autoptr(GtkFileFilter) filter = tandem_application_new_file_filter ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Save Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  if (self->file != NULL)
    {
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), self->file, NULL);
    }
  else
    {
      g_autofree char *display = get_display_name (self);
      name = g_strdup_printf ("%s.tandem", display);
      g_strdelimit (name, "/\\:", '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }

  g_signal_connect (dialog, "response", G_CALLBACK (on_save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  if (self->file == NULL)
    save_as (self);
  else
    tandem_window_save_to (self, self->file);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (TANDEM_WINDOW (widget));
}

static void
present_appendix_export (GtkWidget *widget)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (tandem_appendix_dialog_new (GTK_WINDOW (self), self->document,
                                                              TANDEM_APPENDIX_DIALOG_EXPORT)));
}

static void
present_feedback_export (GtkWidget *widget)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  tandem_feedback_export_choose (GTK_WINDOW (self), self->document);
}

/* The report goes to the public: personal data in the project is named first. */
static void
export_feedback_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  tandem_personal_data_confirm (widget, TANDEM_WINDOW (widget)->document, NULL,
                                _("_Export Anyway"), present_feedback_export);
}

static void
present_appendix_print (GtkWidget *widget)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (tandem_appendix_dialog_new (GTK_WINDOW (self), self->document,
                                                              TANDEM_APPENDIX_DIALOG_PRINT)));
}

/* Personal data in the project is named first (issue 11, point 9). */
static void
export_appendix_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  tandem_personal_data_confirm (widget, TANDEM_WINDOW (widget)->document, NULL,
                                _("_Export Anyway"), present_appendix_export);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  tandem_personal_data_confirm (widget, TANDEM_WINDOW (widget)->document, NULL,
                                _("_Print Anyway"), present_appendix_print);
}

static void
print_preview_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  TandemAppendixOptions options;
  AdwToast *toast;

  tandem_appendix_options_init (&options);
  tandem_appendix_print (GTK_WINDOW (self), self->document, &options, TRUE);
  tandem_appendix_options_clear (&options);

  /* The preview shows what a printer gets, untagged: say so, and offer what is not. */
  toast = adw_toast_new (_("Printed copies are not accessible to screen readers"));
  adw_toast_set_button_label (toast, _("Export _Accessible PDF…"));
  adw_toast_set_action_name (toast, "win.export-appendix");
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (g_variant_get_string (parameter, NULL)));
}

/* The step (or else the journey) the transaction changed first, if it changed a journey. */
static TandemObject *
undone_step_or_journey (TandemTransaction *transaction)
{
  TandemObject *journey = NULL;

  for (guint i = 0; transaction != NULL && i < tandem_transaction_get_n_changes (transaction); i++)
    {
      TandemObject *object = tandem_transaction_get_change (transaction, i)->object;

      for (TandemObject *o = object; o != NULL; o = tandem_object_get_parent (o))
        {
          if (TANDEM_IS_STEP (o))
            return o;
          if (TANDEM_IS_JOURNEY (o) && journey == NULL)
            journey = o;
        }
    }

  return journey;
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  g_autoptr(TandemObject) where = NULL;
  g_autoptr(TandemJourney) journey = NULL;
  g_autofree char *what = NULL;

  if (self->document == NULL || tandem_document_in_transaction (self->document))
    return;

  /* Found before the undo, which may take the step, and its link to the journey, away. */
  where = undone_step_or_journey (tandem_document_peek_undo (self->document));
  if (tandem_document_get_undo_label (self->document) != NULL)
    what = g_strdup_printf (_("Undone: %s."), tandem_document_get_undo_label (self->document));
  if (where != NULL)
    {
      g_object_ref (where);
      journey = tandem_journey_for_object (where);
      if (journey != NULL)
        g_object_ref (journey);
    }
  tandem_document_undo (self->document);

  /* Undo shows where it happened, also in a journey that is not shown: an edit taken back out
   * of sight would be a change behind the user's back. */
  if (journey != NULL &&
      tandem_document_lookup (self->document, tandem_object_get_id (TANDEM_OBJECT (journey))) != NULL)
    {
      GtkWidget *page;

      tandem_window_show_object (self, TANDEM_OBJECT (journey));
      page = tandem_window_get_visible_page (self);
      if (TANDEM_IS_JOURNEY_PAGE (page))
        tandem_journey_page_reveal (TANDEM_JOURNEY_PAGE (page), where, what);
    }
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  if (self->document != NULL && !tandem_document_in_transaction (self->document))
    tandem_document_redo (self->document);
}

static void
on_checklist_created_cb (TandemWindow    *self,
                         TandemChecklist *checklist)
{
  tandem_window_select_object (self, TANDEM_OBJECT (checklist));
}

/**
 * tandem_window_new_checklist:
 *
 * Shows the New Checklist dialog, which offers the built-in templates and importing one.
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
tandem_window_new_checklist (TandemWindow *self)
{
  TandemNewChecklistDialog *dialog;

  g_return_val_if_fail (TANDEM_IS_WINDOW (self), NULL);

  dialog = tandem_new_checklist_dialog_new (GTK_WINDOW (self), self->document);
  g_signal_connect_object (dialog, "checklist-created", G_CALLBACK (on_checklist_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

static void
new_checklist_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  tandem_window_new_checklist (TANDEM_WINDOW (widget));
}

static void
show_overview_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  GtkWidget *page;

  tandem_window_select_object (self, TANDEM_OBJECT (self->document));

  /* Asked for from the note on left-out questions: the conditions are what the user came for,
   * and the focus must not land in the title with its text selected. */
  page = g_hash_table_lookup (self->pages, self->document);
  if (TANDEM_IS_OVERVIEW_PAGE (page))
    tandem_overview_page_focus_conditions (TANDEM_OVERVIEW_PAGE (page));
}

/* Projector mode */

static void
leave_projector (TandemWindow *self)
{
  g_autoptr(GtkWidget) content = NULL;
  g_autoptr(TandemStep) step = NULL;
  GtkWidget *page;

  if (self->projector == NULL)
    return;

  step = tandem_projector_view_get_current_step (TANDEM_PROJECTOR_VIEW (self->projector));
  if (step != NULL)
    g_object_ref (step);
  tandem_journey_canvas_commit_editing (tandem_projector_view_get_canvas (TANDEM_PROJECTOR_VIEW (self->projector)));

  /* The content comes back as it was left: the sidebar, the page, its side panel. */
  content = g_steal_pointer (&self->projected_content);
  self->projector = NULL;
  adw_toast_overlay_set_child (self->toast_overlay, content);
  if (!self->was_fullscreen)
    {
      gtk_window_unfullscreen (GTK_WINDOW (self));
      self->fullscreen_requested = FALSE;
    }

  /* The map where the room left off. */
  page = tandem_window_get_visible_page (self);
  if (TANDEM_IS_JOURNEY_PAGE (page))
    {
      TandemJourneyCanvas *canvas = tandem_journey_page_get_canvas (TANDEM_JOURNEY_PAGE (page));

      gtk_widget_grab_focus (GTK_WIDGET (canvas));
      if (step != NULL && tandem_object_get_parent (TANDEM_OBJECT (step)) != NULL)
        tandem_journey_canvas_focus_step (canvas, step);
    }
}

static void
projector_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  GtkWidget *page = tandem_window_get_visible_page (self);
  TandemJourneyCanvas *canvas;
  TandemObject *focus;

  if (self->projector != NULL)
    return;

  if (!TANDEM_IS_JOURNEY_PAGE (page))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Projector mode shows a journey: choose one in "
                                                    "the sidebar first.")));
      return;
    }

  canvas = tandem_journey_page_get_canvas (TANDEM_JOURNEY_PAGE (page));
  tandem_journey_canvas_commit_editing (canvas);
  focus = tandem_journey_selection_get_focus (tandem_journey_canvas_get_selection (canvas));

  /* The whole content makes way (sidebar, header bar, side panel), and is kept as it is to
   * come back unchanged; the toasts stay, above the projected map. */
  self->projector = tandem_projector_view_new (canvas);
  g_signal_connect_object (self->projector, "leave", G_CALLBACK (leave_projector), self,
                           G_CONNECT_SWAPPED);
  self->projected_content = g_object_ref (adw_toast_overlay_get_child (self->toast_overlay));
  self->was_fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
  adw_toast_overlay_set_child (self->toast_overlay, self->projector);
  gtk_window_fullscreen (GTK_WINDOW (self));
  self->fullscreen_requested = TRUE;

  tandem_projector_view_start (TANDEM_PROJECTOR_VIEW (self->projector),
                               TANDEM_IS_STEP (focus) ? TANDEM_STEP (focus) : NULL);
}

static void
on_merged_cb (TandemWindow *self,
              guint         n_answers)
{
  g_autofree char *text = NULL;
  AdwToast *toast;

  /* TRANSLATORS: a notice after merging answers from another reviewer's copy */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer merged", "%u answers merged",
                                       n_answers), n_answers);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_merge_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TandemWindow *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  g_autoptr(TandemDocument) theirs = NULL;
  g_autoptr(TandemMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (name);
  g_autofree char *heading = g_strdup_printf (_("Could Not Merge Answers from “%s”"), display);
  TandemMergeDialog *dialog;

  theirs = tandem_storage_load_finish (result, &error);
  if (theirs != NULL)
    merge = tandem_merge_new (self->document, theirs, &error);

  if (merge == NULL)
    {
      show_error (self, heading, error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  dialog = tandem_merge_dialog_new (GTK_WINDOW (self), merge, display);
  g_signal_connect_object (dialog, "merged", G_CALLBACK (on_merged_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  g_task_return_pointer (task, g_object_ref (dialog), g_object_unref);
}

/**
 * tandem_window_merge_from_async:
 *
 * Reads another reviewer's copy of the project and shows their answers beside these in the
 * Merge Answers dialog. When @file cannot be read or is not a copy of this project, a dialog
 * says why and nothing changes.
 */
void
tandem_window_merge_from_async (TandemWindow        *self,
                                GFile               *file,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (TANDEM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, tandem_window_merge_from_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  tandem_storage_load_async (file, self->cancellable, on_merge_loaded_cb, task);
}

/**
 * tandem_window_merge_from_finish:
 *
 * Returns: (transfer full) (nullable): the Merge Answers dialog, or %NULL with @error set
 */
GtkWindow *
tandem_window_merge_from_finish (TandemWindow  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_merge_chosen_cb (GtkNativeDialog *dialog,
                    int              response,
                    TandemWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      tandem_window_merge_from_async (self, file, NULL, NULL);
    }

  g_object_unref (dialog);
}

static void
merge_answers_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  gtk_file_filter_set_name (filter, _("Tandem Documents"));
  gtk_file_filter_add_mime_type (filter, "application/x-tandem");
  gtk_file_filter_add_suffix (filter, "tandem");

  dialog = gtk_file_chooser_native_new (_("Merge Answers from Another Copy"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Compare"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_merge_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
import_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  if (self->document != NULL)
    tandem_csv_import_dialog_choose (GTK_WINDOW (self), self->document);
}

static void
present_activities_csv_export (GtkWidget *widget)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  tandem_csv_export_choose (GTK_WINDOW (self), self->document, FALSE);
}

static void
present_themes_csv_export (GtkWidget *widget)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  tandem_csv_export_choose (GTK_WINDOW (self), self->document, TRUE);
}

/* A spreadsheet carries the activities and themes whole: personal data is named first. */
static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  if (self->document != NULL)
    tandem_personal_data_confirm (widget, self->document, NULL, _("_Export Anyway"),
                                  g_str_equal (action_name, "win.export-themes-csv")
                                    ? present_themes_csv_export
                                    : present_activities_csv_export);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  if (self->settings != NULL)
    gtk_window_present (GTK_WINDOW (tandem_preferences_window_new (GTK_WINDOW (self),
                                                                   self->settings)));
}

static void
apply_reviewer_name (TandemWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;

  if (self->settings == NULL || self->document == NULL)
    return;

  name = g_settings_get_string (self->settings, "reviewer-name");
  g_strstrip (name);
  tandem_document_set_reviewer (self->document, name[0] != '\0' ? name : NULL);
  role = g_settings_get_string (self->settings, "reviewer-role");
  g_strstrip (role);
  tandem_document_set_reviewer_role (self->document, role);
}

static void
new_journey_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  TandemList *journeys = tandem_document_get_journeys (self->document);
  guint n = tandem_list_get_n (journeys);
  g_autofree char *title = n == 0 ? g_strdup (_("New journey"))
                                  : g_strdup_printf (_("New journey %u"), n + 1);
  g_autoptr(TandemJourney) journey = tandem_journey_new_with_defaults (title);
  GtkWidget *page;

  tandem_document_begin (self->document, _("New Journey"));
  tandem_list_append (journeys, journey);
  tandem_document_commit (self->document);

  tandem_window_select_object (self, TANDEM_OBJECT (journey));

  /* Straight to the map, where Enter adds the first step. */
  page = tandem_window_get_visible_page (self);
  if (TANDEM_IS_JOURNEY_PAGE (page))
    gtk_widget_grab_focus (GTK_WIDGET (tandem_journey_page_get_canvas (TANDEM_JOURNEY_PAGE (page))));
}

static void
on_close_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      TandemWindow     *self)
{
  if (g_str_equal (response, "discard"))
    {
      discard_recovery (self);
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      if (self->file == NULL || self->read_only)
        save_as (self);
      else
        tandem_window_save_to (self, self->file);
    }
}

static gboolean
tandem_window_close_request (GtkWindow *window)
{
  TandemWindow *self = TANDEM_WINDOW (window);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->close_confirmed || self->document == NULL ||
      (!tandem_document_get_modified (self->document) && !self->saving))
    {
      if (self->settings != NULL)
        {
          int width, height;

          gtk_window_get_default_size (window, &width, &height);
          g_settings_set (self->settings, "window-size", "(ii)", width, height);
          g_settings_set_boolean (self->settings, "window-maximized",
                                  gtk_window_is_maximized (window));
        }

      release_lock (self);

      return GTK_WINDOW_CLASS (tandem_window_parent_class)->close_request (window);
    }

  if (self->saving)
    {
      self->close_after_save = TRUE;
      return TRUE;
    }

  name = get_display_name (self);
  body = g_strdup_printf (_("“%s” has changes that are not saved. If you close without saving, "
                            "they are lost."), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            TandemWindow  *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    tandem_application_open_file (TANDEM_APPLICATION (app), l->data);

  return files != NULL;
}

/* Document */

static void
set_document (TandemWindow   *self,
              TandemDocument *document)
{
  GtkListBoxRow *first;

  /* Another document (as when recovering one): the projected journey is not in it. */
  leave_projector (self);

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_clear_handle_id (&self->recovery_source, g_source_remove);
      /* The document is closed here: copies of its attachments go (health data). */
      tandem_attachment_cache_release_async (self->document, NULL, NULL);
    }

  clear_pages (self);
  g_set_object (&self->document, document);

  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::modified", G_CALLBACK (on_document_modified_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::can-undo", G_CALLBACK (on_document_history_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::can-redo", G_CALLBACK (on_document_history_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::undo-label", G_CALLBACK (on_document_history_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::title", G_CALLBACK (on_document_title_cb), self,
                           G_CONNECT_SWAPPED);
  apply_reviewer_name (self);

  /* The sidebar lists the overview, then the checklists, the journeys and the engagement
   * record. */
  g_list_store_remove_all (self->sidebar_parts);
  g_list_store_remove_all (self->sidebar_roots);
  g_list_store_append (self->sidebar_roots, document);
  g_list_store_append (self->sidebar_parts, self->sidebar_roots);
  g_list_store_append (self->sidebar_parts, tandem_document_get_checklists (document));
  g_list_store_append (self->sidebar_parts, tandem_document_get_journeys (document));
  g_list_store_append (self->sidebar_parts, self->sidebar_engagement);

  first = gtk_list_box_get_row_at_index (self->sidebar, 0);
  gtk_list_box_select_row (self->sidebar, first);
  tandem_window_show_object (self, TANDEM_OBJECT (document));

  update_title (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* GObject */

static void
tandem_window_dispose (GObject *object)
{
  TandemWindow *self = (TandemWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->recovery_source, g_source_remove);
  if (self->document != NULL)
    tandem_attachment_cache_release_async (self->document, NULL, NULL);
  release_lock (self);

  /* The template's widgets are disposed where they belong. */
  if (self->projector != NULL)
    {
      adw_toast_overlay_set_child (self->toast_overlay, self->projected_content);
      g_clear_object (&self->projected_content);
      self->projector = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_WINDOW);

  G_OBJECT_CLASS (tandem_window_parent_class)->dispose (object);
}

static void
tandem_window_finalize (GObject *object)
{
  TandemWindow *self = (TandemWindow *)object;

  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->recovery);
  g_clear_pointer (&self->stamp, g_free);
  g_clear_pointer (&self->file_id, g_free);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->sidebar_roots);
  g_clear_object (&self->sidebar_parts);
  g_clear_object (&self->sidebar_engagement);
  /* A page can outlive its window, kept by an export still finishing: its weak reference must
   * not call back into a window that is gone. */
  {
    GHashTableIter iter;
    gpointer page;

    g_hash_table_iter_init (&iter, self->pages);
    while (g_hash_table_iter_next (&iter, NULL, &page))
      g_object_weak_unref (page, on_page_destroyed_cb, self);
  }
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->last_error, g_free);

  G_OBJECT_CLASS (tandem_window_parent_class)->finalize (object);
}

static void
tandem_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TandemWindow *self = TANDEM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_window_class_init (TandemWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tandem_window_dispose;
  object_class->finalize = tandem_window_finalize;
  object_class->get_property = tandem_window_get_property;

  window_class->close_request = tandem_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TANDEM_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/tandem-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, recent_submenu);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, recovery_banner);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, recovery_banner_label);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.export-appendix", NULL, export_appendix_action);
  gtk_widget_class_install_action (widget_class, "win.export-feedback", NULL, export_feedback_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-preview", NULL, print_preview_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.new-checklist", NULL, new_checklist_action);
  gtk_widget_class_install_action (widget_class, "win.merge-answers", NULL, merge_answers_action);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, import_csv_action);
  gtk_widget_class_install_action (widget_class, "win.export-activities-csv", NULL,
                                   export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.export-themes-csv", NULL,
                                   export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.show-overview", NULL, show_overview_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.new-journey", NULL, new_journey_action);
  gtk_widget_class_install_action (widget_class, "win.projector", NULL, projector_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-appendix", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-checklist", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.projector", NULL);
}

static void
on_settings_bound (TandemWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  int width, height;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  /* Without an installed schema (a test, an uninstalled build) the window still works. */
  if (schema == NULL)
    return;

  self->settings = g_settings_new_full (schema, NULL, NULL);
  g_signal_connect_object (self->settings, "changed::reviewer-name",
                           G_CALLBACK (apply_reviewer_name), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::reviewer-role",
                           G_CALLBACK (apply_reviewer_name), self, G_CONNECT_SWAPPED);
  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
tandem_window_init (TandemWindow *self)
{
  g_autoptr(GtkFlattenListModel) flattened = NULL;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->pages = g_hash_table_new (NULL, NULL);
  self->sidebar_roots = g_list_store_new (TANDEM_TYPE_OBJECT);
  self->sidebar_parts = g_list_store_new (G_TYPE_LIST_MODEL);
  self->sidebar_engagement = g_list_store_new (TANDEM_TYPE_SIDEBAR_ENTRY);
  add_engagement_entries (self->sidebar_engagement);
  flattened = gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->sidebar_parts)));
  gtk_list_box_bind_model (self->sidebar, G_LIST_MODEL (flattened), create_sidebar_row, self, NULL);
  gtk_list_box_set_header_func (self->sidebar, sidebar_header_func, NULL, NULL);
  tandem_name_menu_buttons (GTK_WIDGET (self));
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_sidebar_key_pressed_cb), self,
                             G_CONNECT_SWAPPED);
    g_signal_connect_object (keys, "key-released", G_CALLBACK (on_sidebar_key_released_cb), self,
                             G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->sidebar), keys);
  }

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  on_settings_bound (self);
}

/* Public API */

TandemWindow *
tandem_window_new (TandemApplication *application)
{
  TandemWindow *self;
  g_autoptr(TandemDocument) document = tandem_document_new_project ();
  GMenuModel *recent;

  self = g_object_new (TANDEM_TYPE_WINDOW, "application", application, NULL);

  recent = tandem_application_get_recent_menu (application);
  if (recent != NULL)
    g_menu_append_section (self->recent_submenu, NULL, recent);

  set_document (self, document);

  return self;
}

/**
 * tandem_window_get_document:
 *
 * Returns: (transfer none): the document shown
 */
TandemDocument *
tandem_window_get_document (TandemWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * tandem_window_get_file:
 *
 * Returns: (transfer none) (nullable): where the document is saved
 */
GFile *
tandem_window_get_file (TandemWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_WINDOW (self), NULL);

  return self->file;
}

/**
 * tandem_window_get_file_id:
 *
 * Returns: (nullable): the file system's identity of the open file (device and inode), which
 *   tells the same file reached by another name
 */
const char *
tandem_window_get_file_id (TandemWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_WINDOW (self), NULL);

  return self->file_id;
}

/**
 * tandem_window_is_read_only:
 *
 * Returns: %TRUE when the document was opened read-only, because someone else has it open
 */
gboolean
tandem_window_is_read_only (TandemWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_WINDOW (self), FALSE);

  return self->read_only;
}

/**
 * tandem_window_is_pristine:
 *
 * Returns: %TRUE when the window holds a new project nobody has touched, which opening a
 *   file may replace
 */
gboolean
tandem_window_is_pristine (TandemWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_WINDOW (self), FALSE);

  return self->file == NULL && !self->loading &&
         !tandem_document_get_modified (self->document) &&
         !tandem_document_can_undo (self->document);
}

gboolean
tandem_window_is_busy (TandemWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_WINDOW (self), FALSE);

  return self->saving || self->loading || self->writing_recovery;
}

GtkWidget *
tandem_window_get_visible_page (TandemWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child (self->stack);
}

/**
 * tandem_window_get_projector:
 *
 * Returns: (transfer none) (nullable): the projector view, while in projector mode
 */
GtkWidget *
tandem_window_get_projector (TandemWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_WINDOW (self), NULL);

  return self->projector;
}

/**
 * tandem_window_get_fullscreen_requested:
 *
 * Returns: whether the window last asked to be full screen, for tests: without a window
 *   manager (as under Xvfb) the request is never granted, so the state would not tell
 */
gboolean
tandem_window_get_fullscreen_requested (TandemWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_WINDOW (self), FALSE);

  return self->fullscreen_requested;
}

/**
 * tandem_window_get_last_error:
 *
 * Returns: (nullable): the text of the last error shown, for tests
 */
const char *
tandem_window_get_last_error (TandemWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_WINDOW (self), NULL);

  return self->last_error;
}
