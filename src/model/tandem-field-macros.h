/* tandem-field-macros.h: typed accessors for classes with generic fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"

/* Each expands to a getter and a setter over tandem_object_get_*() and tandem_object_set_*(),
 * which record the change in the document's open transaction. */

#define TANDEM_STRING_FIELD(Type, prefix, name, PROP)                           \
const char *                                                                    \
prefix##_get_##name (Type *self)                                                \
{                                                                               \
  return tandem_object_get_string (TANDEM_OBJECT (self), properties[PROP]);     \
}                                                                               \
void                                                                            \
prefix##_set_##name (Type       *self,                                          \
                     const char *value)                                         \
{                                                                               \
  tandem_object_set_string (TANDEM_OBJECT (self), properties[PROP], value);     \
}

#define TANDEM_SCALAR_FIELD(Type, prefix, name, PROP, ctype, kind)              \
ctype                                                                           \
prefix##_get_##name (Type *self)                                                \
{                                                                               \
  return (ctype)tandem_object_get_##kind (TANDEM_OBJECT (self), properties[PROP]); \
}                                                                               \
void                                                                            \
prefix##_set_##name (Type  *self,                                               \
                     ctype  value)                                              \
{                                                                               \
  tandem_object_set_##kind (TANDEM_OBJECT (self), properties[PROP], value);     \
}

#define TANDEM_LIST_FIELD(Type, prefix, name, PROP)                             \
TandemList *                                                                    \
prefix##_get_##name (Type *self)                                                \
{                                                                               \
  return tandem_object_get_list (TANDEM_OBJECT (self), properties[PROP]);       \
}

#define TANDEM_PARAM_STRING(name, kind)                                         \
  tandem_param_field (g_param_spec_string (name, NULL, NULL, NULL,              \
                                           (G_PARAM_READWRITE |                 \
                                            G_PARAM_EXPLICIT_NOTIFY |           \
                                            G_PARAM_STATIC_STRINGS)), kind)

#define TANDEM_PARAM_BOOLEAN(name, default_value)                               \
  tandem_param_field (g_param_spec_boolean (name, NULL, NULL, default_value,    \
                                            (G_PARAM_READWRITE |                \
                                             G_PARAM_EXPLICIT_NOTIFY |          \
                                             G_PARAM_STATIC_STRINGS)),          \
                      TANDEM_FIELD_VALUE)

#define TANDEM_PARAM_ENUM(name, type, default_value)                            \
  tandem_param_field (g_param_spec_enum (name, NULL, NULL, type, default_value, \
                                         (G_PARAM_READWRITE |                   \
                                          G_PARAM_EXPLICIT_NOTIFY |             \
                                          G_PARAM_STATIC_STRINGS)),             \
                      TANDEM_FIELD_VALUE)

#define TANDEM_PARAM_INT(name, min, max, default_value)                         \
  tandem_param_field (g_param_spec_int (name, NULL, NULL, min, max,             \
                                        default_value,                          \
                                        (G_PARAM_READWRITE |                    \
                                         G_PARAM_EXPLICIT_NOTIFY |              \
                                         G_PARAM_STATIC_STRINGS)),              \
                      TANDEM_FIELD_VALUE)

#define TANDEM_PARAM_DOUBLE(name, min, max, default_value)                      \
  tandem_param_field (g_param_spec_double (name, NULL, NULL, min, max,          \
                                           default_value,                       \
                                           (G_PARAM_READWRITE |                 \
                                            G_PARAM_EXPLICIT_NOTIFY |           \
                                            G_PARAM_STATIC_STRINGS)),           \
                      TANDEM_FIELD_VALUE)
