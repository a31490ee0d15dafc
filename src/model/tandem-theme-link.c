/* tandem-theme-link.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-theme-link"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-enums.h"
#include "tandem-field-macros.h"
#include "tandem-document.h"
#include "tandem-activity.h"
#include "tandem-group.h"
#include "tandem-quote.h"
#include "tandem-step.h"

#include "tandem-theme-link.h"

/*
 * What a theme points to: an activity or a group it came from, a quote from a journey that
 * says it in someone's words, or a step of an after map that carries the change. What it is
 * follows from the target's kind.
 */

struct _TandemThemeLink
{
  TandemObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemThemeLink, tandem_theme_link, TANDEM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
tandem_theme_link_validate (TandemObject  *object,
                            GError       **error)
{
  TandemDocument *document = tandem_object_get_document (object);
  const char *id = tandem_theme_link_get_target (TANDEM_THEME_LINK (object));
  TandemObject *target;

  if (document == NULL || id[0] == '\0')
    return TRUE;

  target = tandem_document_lookup (document, id);
  if (target != NULL && !TANDEM_IS_ACTIVITY (target) && !TANDEM_IS_GROUP (target) &&
      !TANDEM_IS_QUOTE (target) && !TANDEM_IS_STEP (target))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("A theme links to “%.64s”, which is not an activity, a group, a quote or "
                     "a journey step; a theme can link only to activities, groups, quotes and "
                     "journey steps."),
                   id);
      return FALSE;
    }

  return TRUE;
}

static void
tandem_theme_link_class_init (TandemThemeLinkClass *klass)
{
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  tandem_class->validate = tandem_theme_link_validate;

  tandem_object_class_set_kind (tandem_class, "theme_link");

  properties[PROP_TARGET] = TANDEM_PARAM_STRING ("target", TANDEM_FIELD_REFERENCE);

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);
}

static void
tandem_theme_link_init (TandemThemeLink *self)
{
}

TandemThemeLink *
tandem_theme_link_new (void)
{
  return g_object_new (TANDEM_TYPE_THEME_LINK, NULL);
}

TANDEM_STRING_FIELD (TandemThemeLink, tandem_theme_link, target, PROP_TARGET)
