/* tandem-journey-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-journey-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-document.h"
#include "tandem-journey-edit.h"
#include "tandem-journey-measures.h"

/*
 * Editing operations on journeys, shared by the canvas, the list of steps, the clipboard and
 * the tests. Each one changes the model inside the transaction the caller opened, so that a
 * user action is one undo step however many objects it touches.
 *
 * A step's place within its stage is its "order", a number. Inserting between two steps takes
 * the number halfway between theirs; when two neighbours get too close for that (after many
 * insertions at the same spot), the stage's steps are numbered 0, 1, 2… again first.
 */

#define ORDER_MIN        (-1000000.0)
#define ORDER_MAX        (1000000.0)
#define ORDER_MIN_GAP    (1e-6)

/* Auxiliary methods */

static int
compare_by_order (gconstpointer a,
                  gconstpointer b)
{
  TandemStep *x = *(TandemStep **)a;
  TandemStep *y = *(TandemStep **)b;
  double ox = tandem_step_get_order (x);
  double oy = tandem_step_get_order (y);

  return ox < oy ? -1 : (ox > oy ? 1 : 0);
}

static gboolean
ptr_array_contains (GPtrArray *array,
                    gpointer   item)
{
  return array != NULL && g_ptr_array_find (array, item, NULL);
}

static void
renumber (GPtrArray *steps)
{
  for (guint i = 0; i < steps->len; i++)
    tandem_step_set_order (g_ptr_array_index (steps, i), i);
}

static void
remove_references_to (TandemJourneyMap *map,
                      TandemStep       *step)
{
  TandemJourney *journey = tandem_journey_for_object (TANDEM_OBJECT (map));
  TandemList *connectors = tandem_journey_map_get_connectors (map);
  const char *id = tandem_object_get_id (TANDEM_OBJECT (step));

  for (guint i = tandem_list_get_n (connectors); i > 0; i--)
    {
      TandemConnector *connector = tandem_list_get (connectors, i - 1);

      if (g_str_equal (tandem_connector_get_from_step (connector), id) ||
          g_str_equal (tandem_connector_get_to_step (connector), id))
        tandem_list_remove (connectors, i - 1);
    }

  if (journey != NULL)
    {
      TandemList *replacements = tandem_journey_get_replacements (journey);

      for (guint i = tandem_list_get_n (replacements); i > 0; i--)
        {
          TandemReplacement *replacement = tandem_list_get (replacements, i - 1);

          if (g_str_equal (tandem_replacement_get_before_step (replacement), id) ||
              g_str_equal (tandem_replacement_get_after_step (replacement), id))
            tandem_list_remove (replacements, i - 1);
        }
    }
}

/* A deep copy with fresh ids; @ids maps each old id to the new one, so that references
 * between the copies can be pointed at each other afterwards. */
static TandemObject *
duplicate (TandemObject *object,
           GHashTable   *ids)
{
  TandemObject *copy = g_object_new (G_OBJECT_TYPE (object), NULL);
  GParamSpec **fields;
  guint n_fields;

  g_hash_table_insert (ids, g_strdup (tandem_object_get_id (object)),
                       g_strdup (tandem_object_get_id (copy)));

  fields = tandem_object_class_list_fields (TANDEM_OBJECT_GET_CLASS (object), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      if (tandem_param_get_field_kind (fields[i]) == TANDEM_FIELD_CHILDREN)
        {
          TandemList *from = tandem_object_get_list (object, fields[i]);
          TandemList *to = tandem_object_get_list (copy, fields[i]);

          for (guint j = 0; j < tandem_list_get_n (from); j++)
            {
              g_autoptr(TandemObject) child = duplicate (tandem_list_get (from, j), ids);
              tandem_list_append (to, child);
            }
        }
      else
        {
          g_auto(GValue) value = G_VALUE_INIT;

          g_value_init (&value, fields[i]->value_type);
          g_object_get_property (G_OBJECT (object), fields[i]->name, &value);
          g_object_set_property (G_OBJECT (copy), fields[i]->name, &value);
        }
    }

  return copy;
}

static void
relink (TandemObject *object,
        GHashTable   *ids)
{
  GParamSpec **fields;
  guint n_fields;

  fields = tandem_object_class_list_fields (TANDEM_OBJECT_GET_CLASS (object), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      TandemFieldKind kind = tandem_param_get_field_kind (fields[i]);

      if (kind == TANDEM_FIELD_REFERENCE)
        {
          const char *target = g_hash_table_lookup (ids, tandem_object_get_string (object,
                                                                                   fields[i]));
          if (target != NULL)
            g_object_set (object, fields[i]->name, target, NULL);
        }
      else if (kind == TANDEM_FIELD_CHILDREN)
        {
          TandemList *list = tandem_object_get_list (object, fields[i]);

          for (guint j = 0; j < tandem_list_get_n (list); j++)
            relink (tandem_list_get (list, j), ids);
        }
    }
}

/* Public API */

/**
 * tandem_journey_map_for_step:
 *
 * Returns: (transfer none) (nullable): the map @step is on
 */
TandemJourneyMap *
tandem_journey_map_for_step (TandemStep *step)
{
  TandemObject *parent = tandem_object_get_parent (TANDEM_OBJECT (step));

  return TANDEM_IS_JOURNEY_MAP (parent) ? TANDEM_JOURNEY_MAP (parent) : NULL;
}

/**
 * tandem_journey_map_steps_in_stage:
 *
 * Returns: (transfer container) (element-type TandemStep): the steps of @map in the stage
 *   @stage_id, in order
 */
GPtrArray *
tandem_journey_map_steps_in_stage (TandemJourneyMap *map,
                                   const char       *stage_id)
{
  TandemList *steps = tandem_journey_map_get_steps (map);
  GPtrArray *result = g_ptr_array_new ();

  for (guint i = 0; i < tandem_list_get_n (steps); i++)
    {
      TandemStep *step = tandem_list_get (steps, i);

      if (g_strcmp0 (tandem_step_get_stage (step), stage_id) == 0)
        g_ptr_array_add (result, step);
    }

  /* g_ptr_array_sort is a stable merge sort, so equal orders keep the list's order. */
  g_ptr_array_sort (result, compare_by_order);

  return result;
}

/**
 * tandem_journey_map_order_at:
 * @index: where among the stage's steps (those in @exclude left out) a step should go; 0 is
 *   first, and anything past the last is last
 * @exclude: (nullable) (element-type TandemStep): steps being moved
 *
 * The order a step needs to land at @index in its stage. May renumber the stage's other
 * steps, so call it inside a transaction, just before setting the order.
 */
double
tandem_journey_map_order_at (TandemJourneyMap *map,
                             const char       *stage_id,
                             guint             index,
                             GPtrArray        *exclude)
{
  g_autoptr(GPtrArray) all = tandem_journey_map_steps_in_stage (map, stage_id);
  g_autoptr(GPtrArray) steps = g_ptr_array_new ();
  double before, after;

  for (guint i = 0; i < all->len; i++)
    {
      if (!ptr_array_contains (exclude, g_ptr_array_index (all, i)))
        g_ptr_array_add (steps, g_ptr_array_index (all, i));
    }

  if (steps->len == 0)
    return 0.0;

  index = MIN (index, steps->len);

  if (index == 0)
    {
      before = tandem_step_get_order (g_ptr_array_index (steps, 0));
      if (before - 1.0 < ORDER_MIN)
        {
          renumber (steps);
          before = 0.0;
        }
      return before - 1.0;
    }

  if (index == steps->len)
    {
      after = tandem_step_get_order (g_ptr_array_index (steps, steps->len - 1));
      if (after + 1.0 > ORDER_MAX)
        {
          renumber (steps);
          after = steps->len - 1;
        }
      return after + 1.0;
    }

  before = tandem_step_get_order (g_ptr_array_index (steps, index - 1));
  after = tandem_step_get_order (g_ptr_array_index (steps, index));
  if (after - before < ORDER_MIN_GAP)
    {
      renumber (steps);
      before = index - 1;
      after = index;
    }

  return (before + after) / 2.0;
}

/**
 * tandem_journey_map_add_step:
 *
 * Adds an untitled step; call inside a transaction.
 *
 * Returns: (transfer none): the new step
 */
TandemStep *
tandem_journey_map_add_step (TandemJourneyMap *map,
                             const char       *stage_id,
                             const char       *lane_id,
                             double            order)
{
  g_autoptr(TandemStep) step = tandem_step_new ();

  g_return_val_if_fail (TANDEM_IS_JOURNEY_MAP (map), NULL);

  tandem_step_set_stage (step, stage_id);
  tandem_step_set_lane (step, lane_id);
  tandem_step_set_order (step, CLAMP (order, ORDER_MIN, ORDER_MAX));
  tandem_list_append (tandem_journey_map_get_steps (map), step);

  return step;
}

/**
 * tandem_journey_map_add_step_after:
 * @after: (nullable): the step the new one follows, in the same stage and lane; %NULL for
 *   after the last step of the journey, or the first cell of an empty map
 *
 * Returns: (transfer none) (nullable): the new step, or %NULL when the journey has no stage
 *   or no lane to put it in
 */
TandemStep *
tandem_journey_map_add_step_after (TandemJourneyMap *map,
                                   TandemStep       *after)
{
  TandemJourney *journey = tandem_journey_for_object (TANDEM_OBJECT (map));
  g_autoptr(GPtrArray) in_stage = NULL;
  TandemStage *stage;
  TandemLane *lane;
  guint index = 0;

  g_return_val_if_fail (TANDEM_IS_JOURNEY_MAP (map), NULL);
  g_return_val_if_fail (journey != NULL, NULL);

  if (after == NULL)
    {
      g_autoptr(GPtrArray) ordered = tandem_journey_map_steps_in_order (map);

      if (ordered->len > 0)
        after = g_ptr_array_index (ordered, ordered->len - 1);
    }

  if (after == NULL)
    {
      stage = tandem_list_get (tandem_journey_get_stages (journey), 0);
      lane = tandem_list_get (tandem_journey_get_lanes (journey), 0);
      if (stage == NULL || lane == NULL)
        return NULL;

      return tandem_journey_map_add_step (map, tandem_object_get_id (TANDEM_OBJECT (stage)),
                                          tandem_object_get_id (TANDEM_OBJECT (lane)), 0.0);
    }

  in_stage = tandem_journey_map_steps_in_stage (map, tandem_step_get_stage (after));
  g_ptr_array_find (in_stage, after, &index);

  return tandem_journey_map_add_step (map, tandem_step_get_stage (after),
                                      tandem_step_get_lane (after),
                                      tandem_journey_map_order_at (map,
                                                                   tandem_step_get_stage (after),
                                                                   index + 1, NULL));
}

/**
 * tandem_journey_map_remove_steps:
 * @steps: (element-type TandemStep): steps of @map
 *
 * Removes @steps with the connectors and "replaced by" links that join them.
 */
void
tandem_journey_map_remove_steps (TandemJourneyMap *map,
                                 GPtrArray        *steps)
{
  TandemList *list = tandem_journey_map_get_steps (map);

  for (guint i = 0; i < steps->len; i++)
    {
      g_autoptr(TandemStep) step = g_object_ref (g_ptr_array_index (steps, i));

      if (tandem_list_index_of (list, step) < 0)
        continue;

      remove_references_to (map, step);
      tandem_list_remove_object (list, step);
    }
}

/**
 * tandem_journey_map_move_step:
 *
 * Moves @step one place earlier or later in the journey (crossing into the neighbouring
 * stage at either end of its stage), or to the lane above or below.
 *
 * Returns: %FALSE when there is nowhere to go (the first step of the first stage moving
 *   earlier, the top lane moving up…), and nothing changed
 */
gboolean
tandem_journey_map_move_step (TandemJourneyMap *map,
                              TandemStep       *step,
                              TandemStepMove    move)
{
  TandemJourney *journey = tandem_journey_for_object (TANDEM_OBJECT (map));
  TandemList *stages, *lanes;
  g_autoptr(GPtrArray) in_stage = NULL;
  g_autoptr(GPtrArray) exclude = g_ptr_array_new ();
  const char *stage_id = tandem_step_get_stage (step);
  guint index = 0;
  int stage_index, lane_index;

  g_return_val_if_fail (journey != NULL, FALSE);

  stages = tandem_journey_get_stages (journey);
  lanes = tandem_journey_get_lanes (journey);
  stage_index = tandem_journey_stage_index (journey, stage_id);
  lane_index = tandem_journey_lane_index (journey, tandem_step_get_lane (step));
  in_stage = tandem_journey_map_steps_in_stage (map, stage_id);
  g_ptr_array_find (in_stage, step, &index);
  g_ptr_array_add (exclude, step);

  switch (move)
    {
    case TANDEM_STEP_MOVE_EARLIER:
      if (index > 0)
        {
          tandem_step_set_order (step, tandem_journey_map_order_at (map, stage_id, index - 1,
                                                                    exclude));
          return TRUE;
        }
      if (stage_index <= 0)
        return FALSE;
      stage_id = tandem_object_get_id (tandem_list_get (stages, stage_index - 1));
      tandem_step_set_order (step, tandem_journey_map_order_at (map, stage_id, G_MAXUINT,
                                                                exclude));
      tandem_step_set_stage (step, stage_id);
      return TRUE;

    case TANDEM_STEP_MOVE_LATER:
      if (index + 1 < in_stage->len)
        {
          tandem_step_set_order (step, tandem_journey_map_order_at (map, stage_id, index + 1,
                                                                    exclude));
          return TRUE;
        }
      if (stage_index < 0 || (guint)stage_index + 1 >= tandem_list_get_n (stages))
        return FALSE;
      stage_id = tandem_object_get_id (tandem_list_get (stages, stage_index + 1));
      tandem_step_set_order (step, tandem_journey_map_order_at (map, stage_id, 0, exclude));
      tandem_step_set_stage (step, stage_id);
      return TRUE;

    case TANDEM_STEP_MOVE_UP:
      if (lane_index <= 0)
        return FALSE;
      tandem_step_set_lane (step, tandem_object_get_id (tandem_list_get (lanes, lane_index - 1)));
      return TRUE;

    case TANDEM_STEP_MOVE_DOWN:
      if (lane_index < 0 || (guint)lane_index + 1 >= tandem_list_get_n (lanes))
        return FALSE;
      tandem_step_set_lane (step, tandem_object_get_id (tandem_list_get (lanes, lane_index + 1)));
      return TRUE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * tandem_journey_map_find_connector:
 *
 * Returns: (transfer none) (nullable): the connector from @from to @to
 */
TandemConnector *
tandem_journey_map_find_connector (TandemJourneyMap *map,
                                   TandemStep       *from,
                                   TandemStep       *to)
{
  TandemList *connectors = tandem_journey_map_get_connectors (map);
  const char *from_id = tandem_object_get_id (TANDEM_OBJECT (from));
  const char *to_id = tandem_object_get_id (TANDEM_OBJECT (to));

  for (guint i = 0; i < tandem_list_get_n (connectors); i++)
    {
      TandemConnector *connector = tandem_list_get (connectors, i);

      if (g_str_equal (tandem_connector_get_from_step (connector), from_id) &&
          g_str_equal (tandem_connector_get_to_step (connector), to_id))
        return connector;
    }

  return NULL;
}

/**
 * tandem_journey_map_connect:
 *
 * Joins @from to @to, unless they are joined already or are the same step.
 *
 * Returns: (transfer none) (nullable): the connector, new or existing; %NULL for a step and
 *   itself
 */
TandemConnector *
tandem_journey_map_connect (TandemJourneyMap    *map,
                            TandemStep          *from,
                            TandemStep          *to,
                            TandemConnectorKind  kind)
{
  g_autoptr(TandemConnector) connector = NULL;
  TandemConnector *existing;

  if (from == to)
    return NULL;

  existing = tandem_journey_map_find_connector (map, from, to);
  if (existing != NULL)
    return existing;

  connector = tandem_connector_new ();
  tandem_connector_set_from_step (connector, tandem_object_get_id (TANDEM_OBJECT (from)));
  tandem_connector_set_to_step (connector, tandem_object_get_id (TANDEM_OBJECT (to)));
  tandem_connector_set_kind (connector, kind);
  tandem_list_append (tandem_journey_map_get_connectors (map), connector);

  return connector;
}

/**
 * tandem_journey_map_copy_from:
 *
 * Replaces the steps and connectors of @map with copies of those of @source (fresh ids,
 * connectors joining the copies), without their quotes. From the before map to the after map,
 * each before step is linked as "replaced by" its copy. Used for "start the after map from a
 * copy of the before map".
 */
void
tandem_journey_map_copy_from (TandemJourneyMap *map,
                              TandemJourneyMap *source)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) old_steps = g_ptr_array_new ();
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  TandemList *steps = tandem_journey_map_get_steps (map);
  TandemList *connectors = tandem_journey_map_get_connectors (map);
  TandemJourney *journey = tandem_journey_for_object (TANDEM_OBJECT (map));

  g_return_if_fail (map != source);

  for (guint i = 0; i < tandem_list_get_n (steps); i++)
    g_ptr_array_add (old_steps, tandem_list_get (steps, i));
  tandem_journey_map_remove_steps (map, old_steps);
  while (tandem_list_get_n (connectors) > 0)
    tandem_list_remove (connectors, 0);

  for (guint i = 0; i < tandem_list_get_n (tandem_journey_map_get_steps (source)); i++)
    g_ptr_array_add (copies, duplicate (tandem_list_get (tandem_journey_map_get_steps (source), i),
                                        ids));
  for (guint i = 0; i < tandem_list_get_n (tandem_journey_map_get_connectors (source)); i++)
    g_ptr_array_add (copies,
                     duplicate (tandem_list_get (tandem_journey_map_get_connectors (source), i),
                                ids));

  /* Point the copied connectors at the copied steps before they go into the document. */
  for (guint i = 0; i < copies->len; i++)
    relink (g_ptr_array_index (copies, i), ids);

  /* Quotes are people's words about the service as it is: they stay with the steps they
   * describe, and are not said again of a service that does not exist yet. */
  for (guint i = 0; i < copies->len; i++)
    if (TANDEM_IS_STEP (g_ptr_array_index (copies, i)))
      {
        TandemList *quotes = tandem_step_get_quotes (g_ptr_array_index (copies, i));

        while (tandem_list_get_n (quotes) > 0)
          tandem_list_remove (quotes, 0);
      }

  for (guint i = 0; i < copies->len; i++)
    {
      TandemObject *copy = g_ptr_array_index (copies, i);

      tandem_list_append (TANDEM_IS_STEP (copy) ? steps : connectors, copy);
    }

  /* From the before map to the after map, each step is "replaced by" its copy to begin with,
   * for the group to change as they redesign it. */
  if (journey != NULL &&
      tandem_journey_map_get_side (source) == TANDEM_MAP_SIDE_BEFORE &&
      tandem_journey_map_get_side (map) == TANDEM_MAP_SIDE_AFTER)
    {
      TandemList *originals = tandem_journey_map_get_steps (source);

      for (guint i = 0; i < tandem_list_get_n (originals); i++)
        {
          TandemStep *original = tandem_list_get (originals, i);
          const char *copy_id = g_hash_table_lookup (ids, tandem_object_get_id (TANDEM_OBJECT (original)));
          TandemObject *copy = copy_id ? tandem_list_find (steps, copy_id) : NULL;

          if (TANDEM_IS_STEP (copy))
            tandem_journey_add_replacement (journey, original, TANDEM_STEP (copy));
        }
    }
}

/**
 * tandem_journey_add_stage:
 *
 * Returns: (transfer none): a new stage at @position (clamped to the end)
 */
TandemStage *
tandem_journey_add_stage (TandemJourney *journey,
                          guint          position,
                          const char    *title)
{
  g_autoptr(TandemStage) stage = tandem_stage_new ();
  TandemList *stages = tandem_journey_get_stages (journey);

  tandem_stage_set_title (stage, title);
  tandem_list_insert (stages, MIN (position, tandem_list_get_n (stages)), stage);

  return stage;
}

/**
 * tandem_journey_add_lane:
 *
 * Returns: (transfer none): a new lane at @position (clamped to the end)
 */
TandemLane *
tandem_journey_add_lane (TandemJourney *journey,
                         guint          position,
                         const char    *title)
{
  g_autoptr(TandemLane) lane = tandem_lane_new ();
  TandemList *lanes = tandem_journey_get_lanes (journey);

  tandem_lane_set_title (lane, title);
  tandem_list_insert (lanes, MIN (position, tandem_list_get_n (lanes)), lane);

  return lane;
}

static GPtrArray *
steps_in (TandemJourneyMap *map,
          TandemObject     *stage_or_lane)
{
  TandemList *steps = tandem_journey_map_get_steps (map);
  const char *id = tandem_object_get_id (stage_or_lane);
  gboolean is_stage = TANDEM_IS_STAGE (stage_or_lane);
  GPtrArray *result = g_ptr_array_new ();

  for (guint i = 0; i < tandem_list_get_n (steps); i++)
    {
      TandemStep *step = tandem_list_get (steps, i);
      const char *where = is_stage ? tandem_step_get_stage (step) : tandem_step_get_lane (step);

      if (g_str_equal (where, id))
        g_ptr_array_add (result, step);
    }

  return result;
}

/**
 * tandem_journey_count_steps_in:
 *
 * Returns: how many steps, on both maps, are in the stage or lane @stage_or_lane
 */
guint
tandem_journey_count_steps_in (TandemJourney *journey,
                               TandemObject  *stage_or_lane)
{
  TandemList *maps = tandem_journey_get_maps (journey);
  guint n = 0;

  for (guint i = 0; i < tandem_list_get_n (maps); i++)
    {
      g_autoptr(GPtrArray) steps = steps_in (tandem_list_get (maps, i), stage_or_lane);
      n += steps->len;
    }

  return n;
}

static void
remove_stage_or_lane (TandemJourney *journey,
                      TandemObject  *stage_or_lane,
                      TandemList    *list)
{
  TandemList *maps = tandem_journey_get_maps (journey);

  for (guint i = 0; i < tandem_list_get_n (maps); i++)
    {
      TandemJourneyMap *map = tandem_list_get (maps, i);
      g_autoptr(GPtrArray) steps = steps_in (map, stage_or_lane);

      tandem_journey_map_remove_steps (map, steps);
    }

  tandem_list_remove_object (list, stage_or_lane);
}

/**
 * tandem_journey_remove_stage:
 *
 * Removes @stage and, on both maps, the steps in it.
 */
void
tandem_journey_remove_stage (TandemJourney *journey,
                             TandemStage   *stage)
{
  remove_stage_or_lane (journey, TANDEM_OBJECT (stage), tandem_journey_get_stages (journey));
}

/**
 * tandem_journey_remove_lane:
 *
 * Removes @lane and, on both maps, the steps in it.
 */
void
tandem_journey_remove_lane (TandemJourney *journey,
                            TandemLane    *lane)
{
  remove_stage_or_lane (journey, TANDEM_OBJECT (lane), tandem_journey_get_lanes (journey));
}

/**
 * tandem_journey_find_replacement:
 *
 * Returns: (transfer none) (nullable): the link saying @after replaces @before
 */
TandemReplacement *
tandem_journey_find_replacement (TandemJourney *journey,
                                 TandemStep    *before,
                                 TandemStep    *after)
{
  TandemList *replacements = tandem_journey_get_replacements (journey);

  for (guint i = 0; i < tandem_list_get_n (replacements); i++)
    {
      TandemReplacement *replacement = tandem_list_get (replacements, i);

      if (g_str_equal (tandem_replacement_get_before_step (replacement),
                       tandem_object_get_id (TANDEM_OBJECT (before))) &&
          g_str_equal (tandem_replacement_get_after_step (replacement),
                       tandem_object_get_id (TANDEM_OBJECT (after))))
        return replacement;
    }

  return NULL;
}

/**
 * tandem_journey_add_replacement:
 *
 * Says that @after (on the after map) replaces @before (on the before map).
 *
 * Returns: (transfer none): the link, new or existing
 */
TandemReplacement *
tandem_journey_add_replacement (TandemJourney *journey,
                                TandemStep    *before,
                                TandemStep    *after)
{
  g_autoptr(TandemReplacement) replacement = NULL;
  TandemReplacement *existing = tandem_journey_find_replacement (journey, before, after);

  if (existing != NULL)
    return existing;

  replacement = tandem_replacement_new ();
  tandem_replacement_set_before_step (replacement, tandem_object_get_id (TANDEM_OBJECT (before)));
  tandem_replacement_set_after_step (replacement, tandem_object_get_id (TANDEM_OBJECT (after)));
  tandem_list_append (tandem_journey_get_replacements (journey), replacement);

  return replacement;
}
