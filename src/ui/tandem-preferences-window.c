/* tandem-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-preferences-window.h"

/*
 * Preferences: the name and role the audit trail records with the user's answers, decisions
 * and sign-offs. Stored in GSettings ("reviewer-name", "reviewer-role"); windows apply them
 * to their documents. Never filled in from the login account.
 */

struct _TandemPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  AdwEntryRow          *name_row;
  AdwEntryRow          *role_row;
};

G_DEFINE_FINAL_TYPE (TandemPreferencesWindow, tandem_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
tandem_preferences_window_dispose (GObject *object)
{
  TandemPreferencesWindow *self = (TandemPreferencesWindow *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tandem_preferences_window_parent_class)->dispose (object);
}

static void
tandem_preferences_window_class_init (TandemPreferencesWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tandem_preferences_window_dispose;
}

static void
tandem_preferences_window_init (TandemPreferencesWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_page_set_title (page, _("General"));
  adw_preferences_page_set_icon_name (page, "preferences-system-symbolic");

  adw_preferences_group_set_title (group, _("Who Is Answering"));
  adw_preferences_group_set_description (group,
                                         _("Recorded with your answers, decisions and sign-offs "
                                           "in the history of each checklist, so that others "
                                           "can see who said what."));

  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("_Name in the history"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->name_row), TRUE);
  adw_preferences_group_add (group, GTK_WIDGET (self->name_row));

  self->role_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->role_row),
                                 _("_Role, such as Non-executive director"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->role_row), TRUE);
  adw_preferences_group_add (group, GTK_WIDGET (self->role_row));

  adw_preferences_page_add (page, group);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 360);
}

TandemPreferencesWindow *
tandem_preferences_window_new (GtkWindow *parent,
                               GSettings *settings)
{
  TandemPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (TANDEM_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "reviewer-name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "reviewer-role", self->role_row, "text", G_SETTINGS_BIND_DEFAULT);

  return self;
}
