/* tandem-sidebar-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-sidebar-entry"

#include "config.h"

#include "tandem-sidebar-entry.h"

/*
 * A fixed page of the sidebar that is not one object of the document but a view of the whole
 * project (the engagement log, the reach of groups, the ladder profile, ...). The window lists
 * these under their section heading and keeps one page per entry, as it does per checklist.
 */

struct _TandemSidebarEntry
{
  GObject                parent_instance;

  char                  *id;
  char                  *section;
  char                  *title;
  char                  *icon_name;
  TandemSidebarPageFunc  new_page;
};

G_DEFINE_FINAL_TYPE (TandemSidebarEntry, tandem_sidebar_entry, G_TYPE_OBJECT)

static void
tandem_sidebar_entry_finalize (GObject *object)
{
  TandemSidebarEntry *self = TANDEM_SIDEBAR_ENTRY (object);

  g_free (self->id);
  g_free (self->section);
  g_free (self->title);
  g_free (self->icon_name);

  G_OBJECT_CLASS (tandem_sidebar_entry_parent_class)->finalize (object);
}

static void
tandem_sidebar_entry_class_init (TandemSidebarEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tandem_sidebar_entry_finalize;
}

static void
tandem_sidebar_entry_init (TandemSidebarEntry *self)
{
}

/**
 * tandem_sidebar_entry_new:
 * @section: the heading the entry is listed under, translated
 * @title: what the row says, translated
 */
TandemSidebarEntry *
tandem_sidebar_entry_new (const char            *id,
                          const char            *section,
                          const char            *title,
                          const char            *icon_name,
                          TandemSidebarPageFunc  new_page)
{
  TandemSidebarEntry *self = g_object_new (TANDEM_TYPE_SIDEBAR_ENTRY, NULL);

  self->id = g_strdup (id);
  self->section = g_strdup (section);
  self->title = g_strdup (title);
  self->icon_name = g_strdup (icon_name);
  self->new_page = new_page;

  return self;
}

const char *
tandem_sidebar_entry_get_id (TandemSidebarEntry *self)
{
  g_return_val_if_fail (TANDEM_IS_SIDEBAR_ENTRY (self), NULL);
  return self->id;
}

const char *
tandem_sidebar_entry_get_section (TandemSidebarEntry *self)
{
  g_return_val_if_fail (TANDEM_IS_SIDEBAR_ENTRY (self), NULL);
  return self->section;
}

const char *
tandem_sidebar_entry_get_title (TandemSidebarEntry *self)
{
  g_return_val_if_fail (TANDEM_IS_SIDEBAR_ENTRY (self), NULL);
  return self->title;
}

const char *
tandem_sidebar_entry_get_icon_name (TandemSidebarEntry *self)
{
  g_return_val_if_fail (TANDEM_IS_SIDEBAR_ENTRY (self), NULL);
  return self->icon_name;
}

GtkWidget *
tandem_sidebar_entry_new_page (TandemSidebarEntry *self,
                               TandemDocument     *document)
{
  g_return_val_if_fail (TANDEM_IS_SIDEBAR_ENTRY (self), NULL);
  return self->new_page (document);
}
