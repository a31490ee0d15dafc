/* tandem-sidebar-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-sidebar-page"

#include "config.h"

#include "tandem-sidebar-page.h"

/*
 * A row of the window's sidebar that opens a page of the whole project rather than one object
 * of it ("You said, we did"; the engagement log and reach pages can use the same). The page is a
 * widget type with a construct-only "document" property, made when the row is first chosen.
 * The item has a "title" like the document's objects, so the sidebar names and labels it the
 * same way.
 */

struct _TandemSidebarPage
{
  GObject  parent_instance;

  GType    page_type;
  char    *title;
  char    *icon_name;
  char    *section;
};

G_DEFINE_FINAL_TYPE (TandemSidebarPage, tandem_sidebar_page, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tandem_sidebar_page_finalize (GObject *object)
{
  TandemSidebarPage *self = TANDEM_SIDEBAR_PAGE (object);

  g_free (self->title);
  g_free (self->icon_name);
  g_free (self->section);

  G_OBJECT_CLASS (tandem_sidebar_page_parent_class)->finalize (object);
}

static void
tandem_sidebar_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TandemSidebarPage *self = TANDEM_SIDEBAR_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_sidebar_page_class_init (TandemSidebarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_sidebar_page_finalize;
  object_class->get_property = tandem_sidebar_page_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_sidebar_page_init (TandemSidebarPage *self)
{
}

TandemSidebarPage *
tandem_sidebar_page_new (GType       page_type,
                         const char *title,
                         const char *icon_name,
                         const char *section)
{
  TandemSidebarPage *self;

  g_return_val_if_fail (g_type_is_a (page_type, GTK_TYPE_WIDGET), NULL);

  self = g_object_new (TANDEM_TYPE_SIDEBAR_PAGE, NULL);
  self->page_type = page_type;
  self->title = g_strdup (title);
  self->icon_name = g_strdup (icon_name);
  self->section = g_strdup (section);

  return self;
}

GType
tandem_sidebar_page_get_page_type (TandemSidebarPage *self)
{
  g_return_val_if_fail (TANDEM_IS_SIDEBAR_PAGE (self), G_TYPE_INVALID);

  return self->page_type;
}

const char *
tandem_sidebar_page_get_title (TandemSidebarPage *self)
{
  g_return_val_if_fail (TANDEM_IS_SIDEBAR_PAGE (self), NULL);

  return self->title;
}

const char *
tandem_sidebar_page_get_icon_name (TandemSidebarPage *self)
{
  g_return_val_if_fail (TANDEM_IS_SIDEBAR_PAGE (self), NULL);

  return self->icon_name;
}

const char *
tandem_sidebar_page_get_section (TandemSidebarPage *self)
{
  g_return_val_if_fail (TANDEM_IS_SIDEBAR_PAGE (self), NULL);

  return self->section;
}

/**
 * tandem_sidebar_page_create:
 *
 * Returns: (transfer floating): a new page of @document
 */
GtkWidget *
tandem_sidebar_page_create (TandemSidebarPage *self,
                            TandemDocument    *document)
{
  g_return_val_if_fail (TANDEM_IS_SIDEBAR_PAGE (self), NULL);
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (document), NULL);

  return g_object_new (self->page_type, "document", document, NULL);
}
