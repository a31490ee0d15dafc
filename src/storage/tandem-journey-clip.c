/* tandem-journey-clip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-journey-clip"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tandem-journey-clip.h"
#include "tandem-journey-edit.h"
#include "tandem-journey-measures.h"
#include "tandem-json.h"
#include "tandem-storage.h"

/*
 * Cut, copy and paste of steps, within a map, between the before and after maps and between
 * journeys (and Tandem windows). A copy is the steps as tandem_json_serialize() writes them,
 * their quotes inside, the connectors between them, and the titles of their stages and
 * lanes; plain text (one title a line) goes on the clipboard beside it for other programs.
 *
 * Pasting reads the JSON as strictly as a file, gives every pasted object a fresh id, and
 * finds each step's stage and lane: the same one when pasting into the same journey, else
 * one with the same title, else the stage and lane of the step pasted after. Steps from one
 * stage go right after the focused step; steps of several stages go at the end of theirs.
 * Pasting happens inside the caller's transaction, which rolls back if the paste fails.
 */

#define MAX_DEPTH 16

/* Auxiliary methods */

static void
add_named (JsonBuilder  *builder,
           TandemObject *object)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, tandem_object_get_id (object));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, TANDEM_IS_STAGE (object)
                                          ? tandem_stage_get_title (TANDEM_STAGE (object))
                                          : tandem_lane_get_title (TANDEM_LANE (object)));
  json_builder_end_object (builder);
}

static gboolean
clip_error (GError     **error,
            const char  *message)
{
  g_set_error_literal (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_INVALID_CONTENT,
                       message);
  return FALSE;
}

/* The titles of the stages or lanes named in the copy: id -> casefolded title. */
static GHashTable *
read_titles (JsonObject *root,
             const char *member)
{
  GHashTable *titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonNode *node = json_object_get_member (root, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return titles;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);
      JsonObject *object;
      const char *id, *title;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      object = json_node_get_object (element);
      id = json_object_get_string_member_with_default (object, "id", NULL);
      title = json_object_get_string_member_with_default (object, "title", NULL);
      if (id != NULL && title != NULL)
        g_hash_table_insert (titles, g_strdup (id), g_utf8_casefold (title, -1));
    }

  return titles;
}

/* The stage or lane of this journey for @id in the copy: itself, or one titled the same. */
static TandemObject *
find_place (TandemList *list,
            const char *id,
            GHashTable *titles)
{
  TandemObject *same = tandem_list_find (list, id);
  const char *title;

  if (same != NULL)
    return same;

  title = g_hash_table_lookup (titles, id);
  if (title == NULL)
    return NULL;

  for (guint i = 0; i < tandem_list_get_n (list); i++)
    {
      TandemObject *object = tandem_list_get (list, i);
      g_autofree char *raw = NULL;
      g_autofree char *folded = NULL;

      g_object_get (object, "title", &raw, NULL);
      folded = g_utf8_casefold (raw, -1);
      if (g_str_equal (folded, title))
        return object;
    }

  return NULL;
}

static int
compare_by_order (gconstpointer a,
                  gconstpointer b)
{
  double x = tandem_step_get_order (*(TandemStep **)a);
  double y = tandem_step_get_order (*(TandemStep **)b);

  return x < y ? -1 : (x > y ? 1 : 0);
}

/* Puts @steps (all for @stage) into @map at @index of the stage, in their order. */
static void
insert_in_stage (TandemJourneyMap *map,
                 const char       *stage,
                 guint             index,
                 GPtrArray        *steps,
                 GPtrArray        *pasted)
{
  g_ptr_array_sort (steps, compare_by_order);

  for (guint k = 0; k < steps->len; k++)
    {
      TandemStep *step = g_ptr_array_index (steps, k);

      tandem_step_set_order (step, tandem_journey_map_order_at (map, stage, index + k, NULL));
      tandem_list_append (tandem_journey_map_get_steps (map), step);
      g_ptr_array_add (pasted, step);
    }
}

/* The same pointers without the references (g_ptr_array_copy() keeps the free function). */
static GPtrArray *
borrow (GPtrArray *array)
{
  GPtrArray *copy = g_ptr_array_sized_new (array->len);

  for (guint i = 0; i < array->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (array, i));

  return copy;
}

static gboolean
is_pasted (GPtrArray  *pasted,
           const char *id)
{
  for (guint i = 0; i < pasted->len; i++)
    {
      if (g_str_equal (tandem_object_get_id (g_ptr_array_index (pasted, i)), id))
        return TRUE;
    }

  return FALSE;
}

static guint
index_after (TandemJourneyMap *map,
             TandemStep       *after)
{
  g_autoptr(GPtrArray) in_stage = tandem_journey_map_steps_in_stage (map,
                                                                     tandem_step_get_stage (after));
  guint index = in_stage->len;

  g_ptr_array_find (in_stage, after, &index);

  return MIN (index + 1, in_stage->len);
}

/* Public API */

/**
 * tandem_journey_clip_copy:
 * @steps: (element-type TandemStep): steps of one map
 *
 * Returns: (transfer full): the steps in the clipboard format
 */
char *
tandem_journey_clip_copy (GPtrArray *steps,
                          gsize     *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) stages = g_ptr_array_new ();
  g_autoptr(GPtrArray) lanes = g_ptr_array_new ();
  g_autoptr(JsonNode) root = NULL;
  TandemJourneyMap *map = NULL;
  TandemJourney *journey = NULL;

  for (guint i = 0; i < steps->len; i++)
    g_hash_table_add (ids, (gpointer)tandem_object_get_id (g_ptr_array_index (steps, i)));

  if (steps->len > 0)
    {
      map = tandem_journey_map_for_step (g_ptr_array_index (steps, 0));
      journey = map ? tandem_journey_for_object (TANDEM_OBJECT (map)) : NULL;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, TANDEM_JOURNEY_CLIP_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, TANDEM_SCHEMA_VERSION);

  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < steps->len; i++)
    {
      TandemStep *step = g_ptr_array_index (steps, i);

      json_builder_add_value (builder, tandem_json_serialize (TANDEM_OBJECT (step)));

      if (journey != NULL)
        {
          TandemStage *stage = tandem_journey_find_stage (journey, tandem_step_get_stage (step));
          TandemLane *lane = tandem_journey_find_lane (journey, tandem_step_get_lane (step));

          if (stage != NULL && !g_ptr_array_find (stages, stage, NULL))
            g_ptr_array_add (stages, stage);
          if (lane != NULL && !g_ptr_array_find (lanes, lane, NULL))
            g_ptr_array_add (lanes, lane);
        }
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "connectors");
  json_builder_begin_array (builder);
  if (map != NULL)
    {
      TandemList *connectors = tandem_journey_map_get_connectors (map);

      for (guint i = 0; i < tandem_list_get_n (connectors); i++)
        {
          TandemConnector *connector = tandem_list_get (connectors, i);

          if (g_hash_table_contains (ids, tandem_connector_get_from_step (connector)) &&
              g_hash_table_contains (ids, tandem_connector_get_to_step (connector)))
            json_builder_add_value (builder, tandem_json_serialize (TANDEM_OBJECT (connector)));
        }
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "stages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < stages->len; i++)
    add_named (builder, g_ptr_array_index (stages, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "lanes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < lanes->len; i++)
    add_named (builder, g_ptr_array_index (lanes, i));
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return tandem_json_to_string (root, length);
}

/**
 * tandem_journey_clip_copy_text:
 * @steps: (element-type TandemStep): steps of one map
 *
 * Returns: (transfer full): the steps as text for other programs, one a line, in journey
 *   order, with who and where
 */
char *
tandem_journey_clip_copy_text (GPtrArray *steps)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GPtrArray) ordered = NULL;
  TandemJourneyMap *map;

  if (steps->len == 0)
    return g_string_free (text, FALSE);

  map = tandem_journey_map_for_step (g_ptr_array_index (steps, 0));
  ordered = map ? tandem_journey_map_steps_in_order (map) : borrow (steps);

  for (guint i = 0; i < ordered->len; i++)
    {
      TandemStep *step = g_ptr_array_index (ordered, i);
      const char *role = tandem_step_get_role (step);
      const char *place = tandem_step_get_place (step);

      if (!g_ptr_array_find (steps, step, NULL))
        continue;

      g_string_append (text, tandem_step_get_title (step));
      if (role[0] != '\0' || place[0] != '\0')
        g_string_append_printf (text, " (%s%s%s)", role, role[0] && place[0] ? ", " : "", place);
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

/**
 * tandem_journey_clip_paste:
 * @after: (nullable): the step to paste after
 * @pasted: (element-type TandemStep): receives the new steps
 *
 * Pastes steps copied by tandem_journey_clip_copy() into @map, inside the caller's
 * transaction.
 *
 * Returns: %FALSE with @error set to a sentence when the data is not steps Tandem can paste
 *   (the caller then rolls back)
 */
gboolean
tandem_journey_clip_paste (TandemJourneyMap *map,
                           const char       *data,
                           gsize             length,
                           TandemStep       *after,
                           GPtrArray        *pasted,
                           GError          **error)
{
  TandemJourney *journey = tandem_journey_for_object (TANDEM_OBJECT (map));
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) stage_titles = NULL;
  g_autoptr(GHashTable) lane_titles = NULL;
  g_autoptr(GHashTable) by_stage = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonNode *node, *connectors_node;
  JsonArray *array;
  gint64 version;
  TandemObject *fallback_stage, *fallback_lane;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (TANDEM_IS_JOURNEY_MAP (map), FALSE);
  g_return_val_if_fail (journey != NULL, FALSE);

  if (length > TANDEM_JSON_MAX_SIZE)
    return clip_error (error, _("The clipboard holds more than Tandem can paste at once."));

  if (!tandem_json_check_syntax (data, length, MAX_DEPTH, NULL) ||
      !json_parser_load_from_data (parser, data, length, NULL) ||
      (node = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return clip_error (error, _("The clipboard does not hold steps Tandem can paste."));

  root = json_node_get_object (node);
  if (g_strcmp0 (json_object_get_string_member_with_default (root, "format", ""),
                 TANDEM_JOURNEY_CLIP_FORMAT) != 0)
    return clip_error (error, _("The clipboard does not hold steps Tandem can paste."));

  if (json_object_get_int_member_with_default (root, "version", G_MAXINT) > TANDEM_SCHEMA_VERSION)
    return clip_error (error, _("These steps were copied from a newer version of Tandem. Please "
                                "update Tandem to paste them."));

  version = json_object_get_int_member_with_default (root, "version", TANDEM_SCHEMA_VERSION);

  node = json_object_get_member (root, "steps");
  connectors_node = json_object_get_member (root, "connectors");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      (connectors_node != NULL && !JSON_NODE_HOLDS_ARRAY (connectors_node)))
    return clip_error (error, _("The clipboard does not hold steps Tandem can paste."));

  stage_titles = read_titles (root, "stages");
  lane_titles = read_titles (root, "lanes");
  fallback_stage = after ? tandem_list_find (tandem_journey_get_stages (journey),
                                             tandem_step_get_stage (after))
                         : tandem_list_get (tandem_journey_get_stages (journey), 0);
  fallback_lane = after ? tandem_list_find (tandem_journey_get_lanes (journey),
                                            tandem_step_get_lane (after))
                        : tandem_list_get (tandem_journey_get_lanes (journey), 0);
  if (fallback_stage == NULL || fallback_lane == NULL)
    return clip_error (error, _("This journey needs a stage and a lane before steps can be "
                                "pasted into it."));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("/steps/%u", i);
      TandemObject *stage, *lane;
      TandemStep *step;
      GPtrArray *group;

      tandem_json_renew_ids (element, TANDEM_TYPE_STEP, ids);
      step = TANDEM_STEP (tandem_json_deserialize_version (element, TANDEM_TYPE_STEP, path,
                                                           version, &local_error));
      if (step == NULL)
        {
          g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_INVALID_CONTENT,
                       _("The steps on the clipboard cannot be pasted: %s"), local_error->message);
          return FALSE;
        }
      g_ptr_array_add (steps, step);

      stage = find_place (tandem_journey_get_stages (journey), tandem_step_get_stage (step),
                          stage_titles);
      lane = find_place (tandem_journey_get_lanes (journey), tandem_step_get_lane (step),
                         lane_titles);
      tandem_step_set_stage (step, tandem_object_get_id (stage ? stage : fallback_stage));
      tandem_step_set_lane (step, tandem_object_get_id (lane ? lane : fallback_lane));

      group = g_hash_table_lookup (by_stage, tandem_step_get_stage (step));
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (by_stage, g_strdup (tandem_step_get_stage (step)), group);
        }
      g_ptr_array_add (group, step);
    }

  if (steps->len == 0)
    return clip_error (error, _("The clipboard holds no steps."));

  /* Steps of one stage go right after @after, in its stage; otherwise each stage's steps
   * go at the end of that stage. */
  if (g_hash_table_size (by_stage) == 1 && after != NULL)
    {
      GPtrArray *group = borrow (steps);

      for (guint k = 0; k < group->len; k++)
        tandem_step_set_stage (g_ptr_array_index (group, k), tandem_step_get_stage (after));
      insert_in_stage (map, tandem_step_get_stage (after), index_after (map, after), group, pasted);
      g_ptr_array_unref (group);
    }
  else
    {
      g_hash_table_iter_init (&iter, by_stage);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_autoptr(GPtrArray) in_stage = tandem_journey_map_steps_in_stage (map, key);

          insert_in_stage (map, key, in_stage->len, value, pasted);
        }
    }

  if (connectors_node != NULL)
    {
      array = json_node_get_array (connectors_node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *path = g_strdup_printf ("/connectors/%u", i);
          g_autoptr(TandemObject) connector = NULL;

          tandem_json_relink (element, TANDEM_TYPE_CONNECTOR, ids);
          tandem_json_renew_ids (element, TANDEM_TYPE_CONNECTOR, ids);
          connector = tandem_json_deserialize (element, TANDEM_TYPE_CONNECTOR, path, &local_error);
          if (connector == NULL)
            {
              g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_INVALID_CONTENT,
                           _("The steps on the clipboard cannot be pasted: %s"),
                           local_error->message);
              return FALSE;
            }

          /* Only connectors between two different pasted steps come along. */
          if (!is_pasted (pasted, tandem_connector_get_from_step (TANDEM_CONNECTOR (connector))) ||
              !is_pasted (pasted, tandem_connector_get_to_step (TANDEM_CONNECTOR (connector))) ||
              g_str_equal (tandem_connector_get_from_step (TANDEM_CONNECTOR (connector)),
                           tandem_connector_get_to_step (TANDEM_CONNECTOR (connector))))
            continue;

          tandem_list_append (tandem_journey_map_get_connectors (map), connector);
        }
    }

  return TRUE;
}

/* "- item", "* item", "• item", "1. item", "1) item" */
static const char *
skip_bullet (const char *line)
{
  const char *p = line;

  if (g_str_has_prefix (p, "- ") || g_str_has_prefix (p, "* ") || g_str_has_prefix (p, "+ "))
    return p + 2;
  if (g_str_has_prefix (p, "• "))
    return p + strlen ("• ");

  while (g_ascii_isdigit (*p))
    p++;
  if (p > line && (p[0] == '.' || p[0] == ')') && p[1] == ' ')
    return p + 2;

  return line;
}

/**
 * tandem_journey_clip_paste_text:
 * @after: (nullable): the step to paste after; its stage and lane take the new steps
 * @pasted: (element-type TandemStep): receives the new steps
 *
 * Makes a step of each line of @text, such as notes typed elsewhere during a workshop. List
 * bullets and numbers at the start of lines are dropped.
 *
 * Returns: %FALSE with @error set when there is nothing to paste or too much
 */
gboolean
tandem_journey_clip_paste_text (TandemJourneyMap *map,
                                const char       *text,
                                TandemStep       *after,
                                GPtrArray        *pasted,
                                GError          **error)
{
  TandemJourney *journey = tandem_journey_for_object (TANDEM_OBJECT (map));
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_object_unref);
  TandemObject *stage, *lane;
  guint index;

  g_return_val_if_fail (journey != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    return clip_error (error, _("The clipboard holds text Tandem cannot read."));

  stage = after ? tandem_list_find (tandem_journey_get_stages (journey), tandem_step_get_stage (after))
                : tandem_list_get (tandem_journey_get_stages (journey), 0);
  lane = after ? tandem_list_find (tandem_journey_get_lanes (journey), tandem_step_get_lane (after))
               : tandem_list_get (tandem_journey_get_lanes (journey), 0);
  if (stage == NULL || lane == NULL)
    return clip_error (error, _("This journey needs a stage and a lane before steps can be "
                                "pasted into it."));

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *title = g_strstrip (g_strdup (skip_bullet (g_strstrip (lines[i]))));
      TandemStep *step;

      if (title[0] == '\0')
        continue;

      if (steps->len >= TANDEM_JOURNEY_CLIP_MAX_LINES)
        {
          g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_TOO_LARGE,
                       _("The clipboard holds more than %d lines; Tandem pastes at most %d steps "
                         "at a time."), TANDEM_JOURNEY_CLIP_MAX_LINES,
                       TANDEM_JOURNEY_CLIP_MAX_LINES);
          return FALSE;
        }

      if (strlen (title) > TANDEM_TEXT_MAX)
        *g_utf8_find_prev_char (title, title + TANDEM_TEXT_MAX) = '\0';

      step = tandem_step_new ();
      tandem_step_set_title (step, title);
      tandem_step_set_stage (step, tandem_object_get_id (stage));
      tandem_step_set_lane (step, tandem_object_get_id (lane));
      tandem_step_set_order (step, steps->len);
      g_ptr_array_add (steps, step);
    }

  if (steps->len == 0)
    return clip_error (error, _("The clipboard holds no text to make steps of."));

  if (after != NULL)
    index = index_after (map, after);
  else
    {
      g_autoptr(GPtrArray) in_stage = tandem_journey_map_steps_in_stage (map,
                                                                         tandem_object_get_id (stage));
      index = in_stage->len;
    }

  {
    g_autoptr(GPtrArray) group = borrow (steps);
    insert_in_stage (map, tandem_object_get_id (stage), index, group, pasted);
  }

  return TRUE;
}
