/* tandem-journey-measures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-journey-measures"

#include "config.h"

#include <string.h>

#include "tandem-journey-measures.h"
#include "tandem-step.h"

/*
 * Journey order and the measures compared between the before and the after map. Journey
 * order is the order of the stages, then each step's order within its stage; lanes say who
 * or where, not when.
 */

typedef struct
{
  TandemStep *step;
  int         stage;
  double      order;
  guint       position;
} Sortable;

static int
compare_sortable (gconstpointer a,
                  gconstpointer b)
{
  const Sortable *x = a;
  const Sortable *y = b;

  if (x->stage != y->stage)
    return x->stage < y->stage ? -1 : 1;
  if (x->order != y->order)
    return x->order < y->order ? -1 : 1;
  return x->position < y->position ? -1 : (x->position > y->position ? 1 : 0);
}

/**
 * tandem_journey_map_steps_in_order:
 *
 * Returns: (transfer container) (element-type TandemStep): the map's steps in journey order
 */
GPtrArray *
tandem_journey_map_steps_in_order (TandemJourneyMap *map)
{
  TandemJourney *journey = tandem_journey_for_object (TANDEM_OBJECT (map));
  TandemList *steps = tandem_journey_map_get_steps (map);
  guint n = tandem_list_get_n (steps);
  g_autofree Sortable *sortable = g_new0 (Sortable, n);
  g_autoptr(GHashTable) stage_index = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *ordered = g_ptr_array_sized_new (n);

  /* Stage positions once, not a search of the stages for each step: maps get large. */
  if (journey != NULL)
    {
      TandemList *stages = tandem_journey_get_stages (journey);

      for (guint i = 0; i < tandem_list_get_n (stages); i++)
        g_hash_table_insert (stage_index, (gpointer)tandem_object_get_id (tandem_list_get (stages, i)),
                             GINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < n; i++)
    {
      TandemStep *step = tandem_list_get (steps, i);

      sortable[i].step = step;
      sortable[i].stage = GPOINTER_TO_INT (g_hash_table_lookup (stage_index,
                                                                tandem_step_get_stage (step))) - 1;
      sortable[i].order = tandem_step_get_order (step);
      sortable[i].position = i;
    }

  /* An empty map has no array at all (g_new0 of nothing is NULL), which qsort must not get. */
  if (n > 1)
    qsort (sortable, n, sizeof (Sortable), compare_sortable);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (ordered, sortable[i].step);

  return ordered;
}

/**
 * tandem_feeling_to_score:
 *
 * Returns: -2 (very bad) to +2 (very good); 0 for unknown, which callers check first
 */
int
tandem_feeling_to_score (TandemFeeling feeling)
{
  switch (feeling)
    {
    case TANDEM_FEELING_VERY_BAD:
      return -2;
    case TANDEM_FEELING_BAD:
      return -1;
    case TANDEM_FEELING_GOOD:
      return 1;
    case TANDEM_FEELING_VERY_GOOD:
      return 2;
    case TANDEM_FEELING_NEUTRAL:
    case TANDEM_FEELING_UNKNOWN:
    default:
      return 0;
    }
}

static gboolean
is_handoff (TandemStep *a,
            TandemStep *b)
{
  const char *role_a = tandem_step_get_role (a);
  const char *role_b = tandem_step_get_role (b);

  if (g_strcmp0 (tandem_step_get_lane (a), tandem_step_get_lane (b)) != 0)
    return TRUE;

  return role_a[0] != '\0' && role_b[0] != '\0' && g_utf8_collate (role_a, role_b) != 0;
}

void
tandem_journey_map_measure (TandemJourneyMap      *map,
                            TandemJourneyMeasures *measures)
{
  g_autoptr(GPtrArray) ordered = tandem_journey_map_steps_in_order (map);
  g_autoptr(GHashTable) places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int lowest = G_MAXINT;

  memset (measures, 0, sizeof *measures);
  measures->lowest_feeling = TANDEM_FEELING_UNKNOWN;
  measures->n_steps = ordered->len;

  for (guint i = 0; i < ordered->len; i++)
    {
      TandemStep *step = g_ptr_array_index (ordered, i);
      g_autofree char *place = g_strstrip (g_utf8_casefold (tandem_step_get_place (step), -1));
      TandemFeeling feeling = tandem_step_get_feeling (step);

      if (i > 0 && is_handoff (g_ptr_array_index (ordered, i - 1), step))
        measures->n_handoffs++;

      measures->total_wait_minutes += tandem_step_get_wait_minutes (step);
      measures->total_time_minutes += tandem_step_get_wait_minutes (step) +
                                      tandem_step_get_duration_minutes (step);

      if (place[0] != '\0')
        g_hash_table_add (places, g_steal_pointer (&place));

      if (tandem_step_get_pain_point (step))
        measures->n_pain_points++;
      if (tandem_step_get_touchpoint (step))
        measures->n_touchpoints++;

      if (feeling != TANDEM_FEELING_UNKNOWN && tandem_feeling_to_score (feeling) < lowest)
        {
          lowest = tandem_feeling_to_score (feeling);
          measures->lowest_feeling = feeling;
        }
    }

  measures->n_places = g_hash_table_size (places);
}

