/* tandem-condition.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-condition"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tandem-condition.h"
#include "tandem-document.h"
#include "tandem-object-private.h"

/*
 * A project-level condition, such as "beds are reduced significantly". Checklist items that
 * name a condition by its key apply only while the condition is on.
 */

struct _TandemCondition
{
  TandemObject parent_instance;

  char        *key;
  char        *label;
  gboolean     enabled;
};

G_DEFINE_FINAL_TYPE (TandemCondition, tandem_condition, TANDEM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_LABEL,
  PROP_ENABLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
tandem_condition_validate (TandemObject  *object,
                           GError       **error)
{
  TandemCondition *self = TANDEM_CONDITION (object);

  if (!tandem_condition_key_is_valid (self->key))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The condition key “%s” is not valid: use lower-case letters, digits and "
                     "hyphens."), self->key ? self->key : "");
      return FALSE;
    }

  return TRUE;
}

static void
tandem_condition_finalize (GObject *object)
{
  TandemCondition *self = (TandemCondition *)object;

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (tandem_condition_parent_class)->finalize (object);
}

static void
tandem_condition_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TandemCondition *self = TANDEM_CONDITION (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, tandem_condition_get_key (self));
      break;

    case PROP_LABEL:
      g_value_set_string (value, tandem_condition_get_label (self));
      break;

    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_condition_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TandemCondition *self = TANDEM_CONDITION (object);

  switch (prop_id)
    {
    case PROP_KEY:
      _tandem_object_set_string (TANDEM_OBJECT (self), &self->key, g_value_get_string (value),
                                 pspec);
      break;

    case PROP_LABEL:
      tandem_condition_set_label (self, g_value_get_string (value));
      break;

    case PROP_ENABLED:
      tandem_condition_set_enabled (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_condition_class_init (TandemConditionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  object_class->finalize = tandem_condition_finalize;
  object_class->get_property = tandem_condition_get_property;
  object_class->set_property = tandem_condition_set_property;

  tandem_class->validate = tandem_condition_validate;
  tandem_object_class_set_kind (tandem_class, "condition");

  properties[PROP_KEY] =
    tandem_param_field (g_param_spec_string ("key", NULL, NULL,
                                             NULL,
                                             (G_PARAM_READWRITE |
                                              G_PARAM_EXPLICIT_NOTIFY |
                                              G_PARAM_STATIC_STRINGS)),
                        TANDEM_FIELD_TEXT);

  properties[PROP_LABEL] =
    tandem_param_field (g_param_spec_string ("label", NULL, NULL,
                                             NULL,
                                             (G_PARAM_READWRITE |
                                              G_PARAM_EXPLICIT_NOTIFY |
                                              G_PARAM_STATIC_STRINGS)),
                        TANDEM_FIELD_TEXT);

  properties[PROP_ENABLED] =
    tandem_param_field (g_param_spec_boolean ("enabled", NULL, NULL,
                                              FALSE,
                                              (G_PARAM_READWRITE |
                                               G_PARAM_EXPLICIT_NOTIFY |
                                               G_PARAM_STATIC_STRINGS)),
                        TANDEM_FIELD_VALUE);

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);
}

static void
tandem_condition_init (TandemCondition *self)
{
}

TandemCondition *
tandem_condition_new (const char *key,
                      const char *label)
{
  return g_object_new (TANDEM_TYPE_CONDITION,
                       "key", key,
                       "label", label,
                       NULL);
}

const char *
tandem_condition_get_key (TandemCondition *self)
{
  g_return_val_if_fail (TANDEM_IS_CONDITION (self), NULL);

  return self->key ? self->key : "";
}

const char *
tandem_condition_get_label (TandemCondition *self)
{
  g_return_val_if_fail (TANDEM_IS_CONDITION (self), NULL);

  return self->label ? self->label : "";
}

void
tandem_condition_set_label (TandemCondition *self,
                            const char      *label)
{
  g_return_if_fail (TANDEM_IS_CONDITION (self));

  _tandem_object_set_string (TANDEM_OBJECT (self), &self->label, label, properties[PROP_LABEL]);
}

gboolean
tandem_condition_get_enabled (TandemCondition *self)
{
  g_return_val_if_fail (TANDEM_IS_CONDITION (self), FALSE);

  return self->enabled;
}

void
tandem_condition_set_enabled (TandemCondition *self,
                              gboolean         enabled)
{
  g_return_if_fail (TANDEM_IS_CONDITION (self));

  _tandem_object_set_boolean (TANDEM_OBJECT (self), &self->enabled, !!enabled,
                              properties[PROP_ENABLED]);
}

/**
 * tandem_condition_key_is_valid:
 *
 * Keys are what templates use to name a condition, so they are kept simple:
 * lower-case ASCII letters, digits and hyphens, 1 to 64 characters.
 */
gboolean
tandem_condition_key_is_valid (const char *key)
{
  gsize len;

  if (key == NULL || key[0] == '\0')
    return FALSE;

  len = strlen (key);
  if (len > 64)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_islower (key[i]) && !g_ascii_isdigit (key[i]) && key[i] != '-')
        return FALSE;
    }

  return TRUE;
}
