/* tandem-copy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-copy"

#include "config.h"

#include "tandem-copy.h"
#include "tandem-document.h"
#include "tandem-list.h"

/*
 * Deep copies of model objects, generic over their fields like storage is: a new model
 * class is copied correctly by declaring its fields. Templates use this to make a fresh
 * checklist (new ids, same item keys); merging uses it to bring evidence links and
 * attachments over from another reviewer's copy.
 */

/**
 * tandem_object_copy:
 * @object: a model object other than a document
 *
 * Copies @object and all its children. The copy belongs to no document, so it can be set up
 * freely and then inserted in a transaction.
 *
 * Returns: (transfer full) (type TandemObject): the copy
 */
gpointer
tandem_object_copy (TandemObject    *object,
                    TandemCopyFlags  flags)
{
  g_autoptr(TandemObject) copy = NULL;
  GParamSpec **fields;
  guint n_fields;

  g_return_val_if_fail (TANDEM_IS_OBJECT (object), NULL);
  g_return_val_if_fail (!TANDEM_IS_DOCUMENT (object), NULL);

  if (flags & TANDEM_COPY_KEEP_IDS)
    copy = g_object_new (G_OBJECT_TYPE (object), "id", tandem_object_get_id (object), NULL);
  else
    copy = g_object_new (G_OBJECT_TYPE (object), NULL);

  fields = tandem_object_class_list_fields (TANDEM_OBJECT_GET_CLASS (object), &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      GParamSpec *pspec = fields[i];

      if (tandem_param_get_field_kind (pspec) == TANDEM_FIELD_CHILDREN)
        {
          /* Empty lists may not exist yet; do not make them just to copy nothing. */
          TandemList *from = tandem_object_peek_list (object, pspec);
          TandemList *to;

          if (from == NULL || tandem_list_get_n (from) == 0)
            continue;

          to = tandem_object_get_list (copy, pspec);
          for (guint j = 0; j < tandem_list_get_n (from); j++)
            {
              g_autoptr(TandemObject) child = tandem_object_copy (tandem_list_get (from, j), flags);

              tandem_list_append (to, child);
            }
        }
      else
        {
          g_auto(GValue) value = G_VALUE_INIT;

          g_value_init (&value, pspec->value_type);
          g_object_get_property (G_OBJECT (object), pspec->name, &value);
          g_object_set_property (G_OBJECT (copy), pspec->name, &value);
        }
    }

  return g_steal_pointer (&copy);
}
