/* tandem-builtin-groups.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-builtin-groups"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "tandem-groups-resources.h"
#include "tandem-list.h"

#include "tandem-builtin-groups.h"

/*
 * The built-in list of groups a project starts from, kept as JSON in a resource
 * (data/groups/builtin-groups.json) so that it can be read, reviewed and updated without
 * touching code. Each group has a key that stays the same when its name is reworded, so a
 * project's groups remember which built-in group they came from.
 */

#define GROUPS_PATH RESOURCE_PREFIX "/groups/builtin-groups.json"

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
  return FALSE;
}

/**
 * tandem_builtin_groups_parse:
 * @bytes: a list of groups in the format of data/groups/builtin-groups.json
 *
 * Returns: (transfer full) (element-type TandemGroup): new groups, not in a document, or
 *   %NULL with a sentence saying what is wrong
 */
GPtrArray *
tandem_builtin_groups_parse (GBytes  *bytes,
                             GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  JsonObject *root;
  JsonObject *sources = NULL;
  JsonArray *array;

  if (!json_parser_load_from_data (parser, data, (gssize)size, error))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      fail (error, _("The list of groups is not a JSON object."));
      return NULL;
    }

  root = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (json_object_get_string_member_with_default (root, "format", ""),
                 "tandem-groups") != 0)
    {
      fail (error, _("The list of groups does not say “\"format\": \"tandem-groups\"”."));
      return NULL;
    }

  if (json_object_has_member (root, "sources") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "sources")))
    sources = json_object_get_object_member (root, "sources");

  if (!json_object_has_member (root, "groups") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "groups")))
    {
      fail (error, _("The list of groups has no “groups” array."));
      return NULL;
    }

  array = json_object_get_array_member (root, "groups");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      const char *key;
      const char *name;
      const char *source;
      g_autoptr(TandemGroup) group = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Group %u of the list of groups is not an object."), i + 1);
          return NULL;
        }

      object = json_node_get_object (node);
      key = json_object_get_string_member_with_default (object, "key", "");
      name = json_object_get_string_member_with_default (object, "name", "");
      source = json_object_get_string_member_with_default (object, "source", "");

      if (key == NULL || key[0] == '\0' || name == NULL || name[0] == '\0')
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Group %u of the list of groups needs a “key” and a “name”."), i + 1);
          return NULL;
        }

      if (!g_hash_table_add (keys, (gpointer)key))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The key “%s” is given to more than one group in the list of groups."),
                       key);
          return NULL;
        }

      group = tandem_group_new ();
      tandem_group_set_builtin_key (group, key);
      tandem_group_set_name (group, name);
      if (sources != NULL && source != NULL && json_object_has_member (sources, source))
        tandem_group_set_description (group,
                                      json_object_get_string_member_with_default (sources,
                                                                                  source, ""));
      g_ptr_array_add (groups, g_steal_pointer (&group));
    }

  return g_steal_pointer (&groups);
}

/**
 * tandem_builtin_groups_get:
 *
 * Returns: (transfer full) (element-type TandemGroup): a new copy of the built-in list
 */
GPtrArray *
tandem_builtin_groups_get (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *groups;

  tandem_groups_register_resource ();
  bytes = g_resources_lookup_data (GROUPS_PATH, 0, &error);
  g_assert_no_error (error);

  groups = tandem_builtin_groups_parse (bytes, &error);
  /* The list is part of the program and tested; a broken one is a bug in the build. */
  g_assert_no_error (error);

  return groups;
}

/**
 * tandem_builtin_groups_add_to:
 *
 * Appends to the project's groups each built-in group it does not have yet (by key), in the
 * document's open transaction. Used for a new project, and by "Add the built-in groups".
 *
 * Returns: how many groups were added
 */
guint
tandem_builtin_groups_add_to (TandemDocument *document)
{
  g_autoptr(GPtrArray) builtin = tandem_builtin_groups_get ();
  g_autoptr(GHashTable) have = g_hash_table_new (g_str_hash, g_str_equal);
  TandemList *groups = tandem_document_get_groups (document);
  guint added = 0;

  for (guint i = 0; i < tandem_list_get_n (groups); i++)
    g_hash_table_add (have, (gpointer)tandem_group_get_builtin_key (tandem_list_get (groups, i)));

  for (guint i = 0; i < builtin->len; i++)
    {
      TandemGroup *group = g_ptr_array_index (builtin, i);

      if (g_hash_table_contains (have, tandem_group_get_builtin_key (group)))
        continue;

      tandem_list_append (groups, group);
      added++;
    }

  return added;
}
