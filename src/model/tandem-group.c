/* tandem-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-group"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-enums.h"
#include "tandem-field-macros.h"

#include "tandem-group.h"

/*
 * A group of people the change may affect: one from the built-in list (its key says which,
 * so the list can be updated without losing the user's edits) or one the user added (no
 * key). The user marks the groups the change affects most; the reach view states their gaps.
 */

struct _TandemGroup
{
  TandemObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemGroup, tandem_group, TANDEM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_BUILTIN_KEY,
  PROP_DESCRIPTION,
  PROP_MOST_AFFECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tandem_group_class_init (TandemGroupClass *klass)
{
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  tandem_object_class_set_kind (tandem_class, "engagement_group");

  properties[PROP_NAME] = TANDEM_PARAM_STRING ("name", TANDEM_FIELD_TEXT);
  properties[PROP_BUILTIN_KEY] = TANDEM_PARAM_STRING ("builtin-key", TANDEM_FIELD_TEXT);
  properties[PROP_DESCRIPTION] = TANDEM_PARAM_STRING ("description", TANDEM_FIELD_LONG_TEXT);
  properties[PROP_MOST_AFFECTED] = TANDEM_PARAM_BOOLEAN ("most-affected", FALSE);

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);
}

static void
tandem_group_init (TandemGroup *self)
{
}

TandemGroup *
tandem_group_new (void)
{
  return g_object_new (TANDEM_TYPE_GROUP, NULL);
}

TANDEM_STRING_FIELD (TandemGroup, tandem_group, name, PROP_NAME)
TANDEM_STRING_FIELD (TandemGroup, tandem_group, builtin_key, PROP_BUILTIN_KEY)
TANDEM_STRING_FIELD (TandemGroup, tandem_group, description, PROP_DESCRIPTION)
TANDEM_SCALAR_FIELD (TandemGroup, tandem_group, most_affected, PROP_MOST_AFFECTED, gboolean, boolean)

gboolean
tandem_group_is_builtin (TandemGroup *self)
{
  g_return_val_if_fail (TANDEM_IS_GROUP (self), FALSE);

  return tandem_group_get_builtin_key (self)[0] != '\0';
}
