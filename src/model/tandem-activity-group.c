/* tandem-activity-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-activity-group"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-enums.h"
#include "tandem-field-macros.h"
#include "tandem-document.h"
#include "tandem-group.h"

#include "tandem-activity-group.h"

/*
 * That an activity reached one of the project's groups: a reference to the group, so that
 * the reach matrix can count it and a renamed group stays one group.
 */

struct _TandemActivityGroup
{
  TandemObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemActivityGroup, tandem_activity_group, TANDEM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_GROUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
tandem_activity_group_validate (TandemObject  *object,
                                GError       **error)
{
  TandemDocument *document = tandem_object_get_document (object);
  const char *id = tandem_activity_group_get_group (TANDEM_ACTIVITY_GROUP (object));
  TandemObject *target;

  if (document == NULL || id[0] == '\0')
    return TRUE;

  target = tandem_document_lookup (document, id);
  if (target != NULL && !TANDEM_IS_GROUP (target))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("An activity says it reached “%.64s”, which is not a group of people; "
                     "choose one of the project’s groups instead."),
                   id);
      return FALSE;
    }

  return TRUE;
}

static void
tandem_activity_group_class_init (TandemActivityGroupClass *klass)
{
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  tandem_class->validate = tandem_activity_group_validate;

  tandem_object_class_set_kind (tandem_class, "activity_group");

  properties[PROP_GROUP] = TANDEM_PARAM_STRING ("group", TANDEM_FIELD_REFERENCE);

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);
}

static void
tandem_activity_group_init (TandemActivityGroup *self)
{
}

TandemActivityGroup *
tandem_activity_group_new (void)
{
  return g_object_new (TANDEM_TYPE_ACTIVITY_GROUP, NULL);
}

TANDEM_STRING_FIELD (TandemActivityGroup, tandem_activity_group, group, PROP_GROUP)
