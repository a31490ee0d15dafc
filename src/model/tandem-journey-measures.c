/* tandem-journey-measures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-journey-measures"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "tandem-labels.h"

#include "tandem-connector.h"
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

/* Hand-offs are counted along the journey's path: each connector (next step, branch or loop
 * back, all of them lived through by someone) joining two steps that are a hand-off. Steps
 * not yet joined follow one another in journey order: a step that no connector leaves goes on
 * to the next step in journey order if no connector enters that one, so that a map typed
 * step by step without connectors still counts, and the end of a branch (a letter sent to
 * the GP) is not counted as handing the patient on to whatever comes next on the cards. */
static guint
count_handoffs (TandemJourneyMap *map,
                GPtrArray        *ordered)
{
  TandemList *connectors = tandem_journey_map_get_connectors (map);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) leaves = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) enters = g_hash_table_new (NULL, NULL);
  guint n = 0;

  for (guint i = 0; i < ordered->len; i++)
    {
      TandemObject *step = g_ptr_array_index (ordered, i);

      g_hash_table_insert (by_id, (gpointer)tandem_object_get_id (step), step);
    }

  for (guint i = 0; i < tandem_list_get_n (connectors); i++)
    {
      TandemConnector *connector = tandem_list_get (connectors, i);
      TandemStep *from = g_hash_table_lookup (by_id, tandem_connector_get_from_step (connector));
      TandemStep *to = g_hash_table_lookup (by_id, tandem_connector_get_to_step (connector));

      /* A connector to a step that is not on this map joins nothing (the file is checked on
       * load; this keeps a half-edited map from counting it). */
      if (from == NULL || to == NULL || from == to)
        continue;

      g_hash_table_add (leaves, from);
      g_hash_table_add (enters, to);
      if (is_handoff (from, to))
        n++;
    }

  for (guint i = 0; i + 1 < ordered->len; i++)
    {
      TandemStep *step = g_ptr_array_index (ordered, i);
      TandemStep *next = g_ptr_array_index (ordered, i + 1);

      if (!g_hash_table_contains (leaves, step) && !g_hash_table_contains (enters, next) &&
          is_handoff (step, next))
        n++;
    }

  return n;
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
  measures->n_handoffs = count_handoffs (map, ordered);
}


/* The comparison, worded once */

static void
measure_row_free (TandemMeasureRow *row)
{
  g_free (row->before);
  g_free (row->after);
  g_free (row->change);
  g_free (row->phrase);
  g_free (row);
}

void
tandem_comparison_free (TandemComparison *comparison)
{
  if (comparison == NULL)
    return;

  g_clear_pointer (&comparison->rows, g_ptr_array_unref);
  g_free (comparison->summary);
  g_free (comparison);
}

static TandemMeasureRow *
add_row (GPtrArray     *rows,
         TandemMeasure  measure,
         const char    *name)
{
  TandemMeasureRow *row = g_new0 (TandemMeasureRow, 1);

  row->measure = measure;
  row->name = name;
  g_ptr_array_add (rows, row);

  return row;
}

/* The phrase for the sentence, "3 fewer hand-offs"; a macro so that the formats stay literal. */
#define COUNT_PHRASE(before, after, fewer, more) \
  ((after) == (before) ? NULL \
   : (after) < (before) ? g_strdup_printf (fewer, (before) - (after)) \
   : g_strdup_printf (more, (after) - (before)))

/* @phrase: (transfer full) (nullable) */
static void
count_row (GPtrArray     *rows,
           TandemMeasure  measure,
           const char    *name,
           guint          before,
           guint          after,
           char          *phrase)
{
  TandemMeasureRow *row = add_row (rows, measure, name);
  guint difference = after > before ? after - before : before - after;

  row->before = g_strdup_printf ("%u", before);
  row->after = g_strdup_printf ("%u", after);
  row->phrase = phrase;

  if (difference == 0)
    row->change = g_strdup (_("No change"));
  else if (after < before)
    /* TRANSLATORS: “3 fewer”, about steps, hand-offs, places… */
    row->change = g_strdup_printf (_("%u fewer"), difference);
  else
    row->change = g_strdup_printf (_("%u more"), difference);
}

/* Both totals are rounded to the minute first and the difference is taken between the
 * rounded values, so that before, after and the change always add up as printed. */
static void
time_row (GPtrArray     *rows,
          TandemMeasure  measure,
          const char    *name,
          double         before,
          double         after,
          gboolean       in_sentence)
{
  TandemMeasureRow *row = add_row (rows, measure, name);
  long b = lround (MAX (before, 0));
  long a = lround (MAX (after, 0));
  g_autofree char *amount = tandem_format_minutes (labs (a - b));

  row->before = tandem_format_minutes (b);
  row->after = tandem_format_minutes (a);

  if (a == b)
    row->change = g_strdup (_("No change"));
  else if (a < b)
    /* TRANSLATORS: “2 hours 30 minutes less” */
    row->change = g_strdup_printf (_("%s less"), amount);
  else
    row->change = g_strdup_printf (_("%s more"), amount);

  if (a != b && in_sentence)
    row->phrase = a < b ? g_strdup_printf (_("%s less waiting"), amount)
                        : g_strdup_printf (_("%s more waiting"), amount);
}

static char *
feeling_text (TandemFeeling feeling)
{
  if (feeling == TANDEM_FEELING_UNKNOWN)
    return g_strdup (tandem_feeling_to_label (feeling));

  return g_strdup_printf ("%s (%s)", tandem_feeling_to_label (feeling),
                          tandem_feeling_to_score_text (feeling));
}

/**
 * tandem_journey_compare:
 *
 * Measures both maps of @journey and words the comparison, for the measures panel, the
 * appendix and any other output alike.
 *
 * Returns: (transfer full): the comparison; free with tandem_comparison_free()
 */
TandemComparison *
tandem_journey_compare (TandemJourney *journey)
{
  TandemJourneyMap *before_map;
  TandemJourneyMap *after_map;
  TandemJourneyMeasures b = { 0 }, a = { 0 };
  TandemComparison *comparison;
  TandemMeasureRow *row;
  g_autoptr(GPtrArray) phrases = g_ptr_array_new ();
  g_autoptr(GString) summary = g_string_new (NULL);
  int before_score, after_score;

  g_return_val_if_fail (TANDEM_IS_JOURNEY (journey), NULL);

  before_map = tandem_journey_get_map (journey, TANDEM_MAP_SIDE_BEFORE);
  after_map = tandem_journey_get_map (journey, TANDEM_MAP_SIDE_AFTER);
  b.lowest_feeling = a.lowest_feeling = TANDEM_FEELING_UNKNOWN;
  if (before_map != NULL)
    tandem_journey_map_measure (before_map, &b);
  if (after_map != NULL)
    tandem_journey_map_measure (after_map, &a);

  comparison = g_new0 (TandemComparison, 1);
  comparison->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)measure_row_free);
  comparison->definitions =
    _("A hand-off is counted along the journey’s path: for each connector (next step, branch "
      "or loop back) from one step to a step in another lane, or to a step where someone else "
      "is involved when both say who. Steps not joined by connectors are taken one after the "
      "other in journey order (the numbers on the cards). Total time counts the waits and the steps "
      "themselves. Times are rounded to the nearest minute. The worst moment is the lowest "
      "feeling recorded; where several people gave their feeling about a step, the step "
      "counts with the median of their votes (the lower of the middle two when their number "
      "is even), so that one voice neither makes nor hides the worst moment.");

  count_row (comparison->rows, TANDEM_MEASURE_STEPS, _("Steps"), b.n_steps, a.n_steps,
             COUNT_PHRASE (b.n_steps, a.n_steps,
                           g_dngettext (GETTEXT_PACKAGE, "%u fewer step", "%u fewer steps",
                                        b.n_steps - a.n_steps),
                           g_dngettext (GETTEXT_PACKAGE, "%u more step", "%u more steps",
                                        a.n_steps - b.n_steps)));
  count_row (comparison->rows, TANDEM_MEASURE_HANDOFFS, _("Hand-offs"), b.n_handoffs, a.n_handoffs,
             COUNT_PHRASE (b.n_handoffs, a.n_handoffs,
                           g_dngettext (GETTEXT_PACKAGE, "%u fewer hand-off", "%u fewer hand-offs",
                                        b.n_handoffs - a.n_handoffs),
                           g_dngettext (GETTEXT_PACKAGE, "%u more hand-off", "%u more hand-offs",
                                        a.n_handoffs - b.n_handoffs)));
  /* Only waiting goes into the sentence: total time follows from it and the steps. */
  time_row (comparison->rows, TANDEM_MEASURE_WAIT, _("Total waiting"),
            b.total_wait_minutes, a.total_wait_minutes, TRUE);
  time_row (comparison->rows, TANDEM_MEASURE_TIME, _("Total time"),
            b.total_time_minutes, a.total_time_minutes, FALSE);
  count_row (comparison->rows, TANDEM_MEASURE_PLACES, _("Places visited"), b.n_places, a.n_places,
             COUNT_PHRASE (b.n_places, a.n_places,
                           g_dngettext (GETTEXT_PACKAGE, "%u fewer place", "%u fewer places",
                                        b.n_places - a.n_places),
                           g_dngettext (GETTEXT_PACKAGE, "%u more place", "%u more places",
                                        a.n_places - b.n_places)));
  count_row (comparison->rows, TANDEM_MEASURE_PAIN_POINTS, _("Pain points"),
             b.n_pain_points, a.n_pain_points,
             COUNT_PHRASE (b.n_pain_points, a.n_pain_points,
                           g_dngettext (GETTEXT_PACKAGE, "%u fewer pain point", "%u fewer pain points",
                                        b.n_pain_points - a.n_pain_points),
                           g_dngettext (GETTEXT_PACKAGE, "%u more pain point", "%u more pain points",
                                        a.n_pain_points - b.n_pain_points)));
  /* Touchpoints are neither good nor bad in number: not in the sentence. */
  count_row (comparison->rows, TANDEM_MEASURE_TOUCHPOINTS, _("Touchpoints"),
             b.n_touchpoints, a.n_touchpoints, NULL);

  row = add_row (comparison->rows, TANDEM_MEASURE_LOWEST_FEELING, _("Worst moment"));
  row->before = feeling_text (b.lowest_feeling);
  row->after = feeling_text (a.lowest_feeling);
  before_score = tandem_feeling_to_score (b.lowest_feeling);
  after_score = tandem_feeling_to_score (a.lowest_feeling);
  if (b.lowest_feeling == TANDEM_FEELING_UNKNOWN || a.lowest_feeling == TANDEM_FEELING_UNKNOWN)
    row->change = g_strdup (_("Not comparable"));
  else if (after_score != before_score)
    {
      row->change = g_strdup (after_score > before_score ? _("Better") : _("Worse"));
      row->phrase = g_strdup_printf (_("the worst moment is “%s” instead of “%s”"),
                                     tandem_feeling_to_label (a.lowest_feeling),
                                     tandem_feeling_to_label (b.lowest_feeling));
    }
  else
    row->change = g_strdup (_("No change"));

  /* The sentence: what changes, in the order a board asks about it. */
  for (guint i = 0; i < comparison->rows->len; i++)
    {
      TandemMeasureRow *r = g_ptr_array_index (comparison->rows, i);

      if (r->phrase != NULL)
        g_ptr_array_add (phrases, r->phrase);
    }

  if (a.n_steps == 0)
    g_string_append (summary, b.n_steps == 0
                     ? _("Add steps to the before and after maps to compare them.")
                     : _("The after map has no steps yet. Design the journey after the "
                         "change, or start it from a copy of the before map."));
  else if (phrases->len == 0)
    g_string_append (summary, _("The measures are the same before and after the change."));
  else
    {
      g_string_append (summary, _("After the change: "));
      for (guint i = 0; i < phrases->len; i++)
        {
          if (i > 0)
            g_string_append (summary, i + 1 == phrases->len ? _(" and ") : ", ");
          g_string_append (summary, g_ptr_array_index (phrases, i));
        }
      g_string_append_c (summary, '.');
    }

  comparison->summary = g_string_free (g_steal_pointer (&summary), FALSE);

  return comparison;
}
