/* tandem-journey-measures-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-journey-measures-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "tandem-document.h"
#include "tandem-journey-measures.h"
#include "tandem-labels.h"
#include "tandem-journey-measures-view.h"

/*
 * Before against after: the measures of the two maps side by side with the difference, and
 * a sentence saying what changes, which is what a board reads first. The model computes the
 * measures (tandem-journey-measures.c); this only words them.
 */

enum {
  ROW_STEPS,
  ROW_HANDOFFS,
  ROW_WAIT,
  ROW_TIME,
  ROW_PLACES,
  ROW_PAIN_POINTS,
  ROW_TOUCHPOINTS,
  ROW_LOWEST_FEELING,
  N_ROWS
};

#define N_COLUMNS 4

struct _TandemJourneyMeasuresView
{
  AdwBin          parent_instance;

  TandemJourney  *journey;
  GtkLabel       *summary;
  GtkLabel       *cells[N_ROWS][N_COLUMNS];
  guint           update_source;
};

G_DEFINE_FINAL_TYPE (TandemJourneyMeasuresView, tandem_journey_measures_view, ADW_TYPE_BIN)

/* Auxiliary methods */

static char *
count_change (int difference)
{
  if (difference == 0)
    return g_strdup (_("No change"));

  if (difference < 0)
    /* TRANSLATORS: “3 fewer”, about steps, hand-offs, places… */
    return g_strdup_printf (_("%d fewer"), -difference);

  return g_strdup_printf (_("%d more"), difference);
}

static char *
time_change (double difference)
{
  g_autofree char *amount = tandem_format_minutes (fabs (difference));

  if (fabs (difference) < 0.5)
    return g_strdup (_("No change"));
  if (difference < 0)
    /* TRANSLATORS: “2 h 30 min less” */
    return g_strdup_printf (_("%s less"), amount);

  return g_strdup_printf (_("%s more"), amount);
}

static void
set_row (TandemJourneyMeasuresView *self,
         guint                      row,
         const char                *before,
         const char                *after,
         const char                *change)
{
  gtk_label_set_text (self->cells[row][1], before);
  gtk_label_set_text (self->cells[row][2], after);
  gtk_label_set_text (self->cells[row][3], change);
}

static void
set_count_row (TandemJourneyMeasuresView *self,
               guint                      row,
               guint                      before,
               guint                      after)
{
  g_autofree char *b = g_strdup_printf ("%u", before);
  g_autofree char *a = g_strdup_printf ("%u", after);
  g_autofree char *change = count_change ((int)after - (int)before);

  set_row (self, row, b, a, change);
}

static void
set_time_row (TandemJourneyMeasuresView *self,
              guint                      row,
              double                     before,
              double                     after)
{
  g_autofree char *b = tandem_format_minutes (before);
  g_autofree char *a = tandem_format_minutes (after);
  g_autofree char *change = time_change (after - before);

  set_row (self, row, b, a, change);
}

static gboolean
update_cb (gpointer user_data)
{
  TandemJourneyMeasuresView *self = user_data;

  self->update_source = 0;
  tandem_journey_measures_view_update (self);

  return G_SOURCE_REMOVE;
}

static void
on_document_changed_cb (TandemJourneyMeasuresView *self)
{
  /* Typing changes the document at each key; measure once it settles. */
  if (self->update_source == 0)
    self->update_source = g_timeout_add (150, update_cb, self);
}

/* GObject */

static void
tandem_journey_measures_view_dispose (GObject *object)
{
  TandemJourneyMeasuresView *self = (TandemJourneyMeasuresView *)object;

  g_clear_handle_id (&self->update_source, g_source_remove);

  G_OBJECT_CLASS (tandem_journey_measures_view_parent_class)->dispose (object);
}

static void
tandem_journey_measures_view_finalize (GObject *object)
{
  TandemJourneyMeasuresView *self = (TandemJourneyMeasuresView *)object;

  g_clear_object (&self->journey);

  G_OBJECT_CLASS (tandem_journey_measures_view_parent_class)->finalize (object);
}

static void
tandem_journey_measures_view_class_init (TandemJourneyMeasuresViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tandem_journey_measures_view_dispose;
  object_class->finalize = tandem_journey_measures_view_finalize;
}

static void
tandem_journey_measures_view_init (TandemJourneyMeasuresView *self)
{
  const char *names[N_ROWS] = {
    _("Steps"), _("Hand-offs"), _("Total waiting"), _("Total time"), _("Places visited"),
    _("Pain points"), _("Touchpoints"), _("Worst moment"),
  };
  const char *headers[N_COLUMNS] = { _("Measure"), _("Before"), _("After"), _("Change") };
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *note;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Before and After the Change"));

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_selectable (self->summary, TRUE);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->summary), 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->summary));

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 10);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Measures before and after the change"), -1);

  for (guint column = 0; column < N_COLUMNS; column++)
    {
      GtkWidget *label = gtk_label_new (headers[column]);

      gtk_widget_add_css_class (label, "heading");
      gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
      gtk_grid_attach (GTK_GRID (grid), label, column, 0, 1, 1);
    }

  for (guint row = 0; row < N_ROWS; row++)
    for (guint column = 0; column < N_COLUMNS; column++)
      {
        GtkWidget *label = gtk_label_new (column == 0 ? names[row] : "");

        gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
        gtk_label_set_wrap (GTK_LABEL (label), TRUE);
        gtk_label_set_selectable (GTK_LABEL (label), column > 0);
        if (column > 0)
          gtk_widget_add_css_class (label, "numeric");
        if (column == 0)
          gtk_widget_set_hexpand (label, TRUE);
        gtk_grid_attach (GTK_GRID (grid), label, column, row + 1, 1, 1);
        self->cells[row][column] = GTK_LABEL (label);
      }

  gtk_frame_set_child (GTK_FRAME (frame), grid);
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);

  note = gtk_label_new (_("A hand-off is a move to another lane or to other people between one "
                          "step and the next. Total time counts the waits and the steps "
                          "themselves. The worst moment is the lowest feeling recorded."));
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_add_css_class (note, "caption");
  gtk_widget_set_margin_top (note, 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), note);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_bin_set_child (ADW_BIN (self), page);
}

/* Public API */

GtkWidget *
tandem_journey_measures_view_new (TandemJourney *journey)
{
  TandemJourneyMeasuresView *self;

  g_return_val_if_fail (TANDEM_IS_JOURNEY (journey), NULL);

  self = g_object_new (TANDEM_TYPE_JOURNEY_MEASURES_VIEW, NULL);
  self->journey = g_object_ref (journey);
  g_signal_connect_object (tandem_object_get_document (TANDEM_OBJECT (journey)), "changed",
                           G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);
  tandem_journey_measures_view_update (self);

  return GTK_WIDGET (self);
}

/**
 * tandem_journey_measures_view_update:
 *
 * Measures both maps again now.
 */
void
tandem_journey_measures_view_update (TandemJourneyMeasuresView *self)
{
  TandemJourneyMap *before_map = tandem_journey_get_map (self->journey, TANDEM_MAP_SIDE_BEFORE);
  TandemJourneyMap *after_map = tandem_journey_get_map (self->journey, TANDEM_MAP_SIDE_AFTER);
  TandemJourneyMeasures before = { 0 }, after = { 0 };
  g_autoptr(GPtrArray) phrases = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) summary = g_string_new (NULL);
  int before_score, after_score;
  const char *change;

  g_return_if_fail (TANDEM_IS_JOURNEY_MEASURES_VIEW (self));

  g_clear_handle_id (&self->update_source, g_source_remove);

  if (before_map != NULL)
    tandem_journey_map_measure (before_map, &before);
  if (after_map != NULL)
    tandem_journey_map_measure (after_map, &after);

  set_count_row (self, ROW_STEPS, before.n_steps, after.n_steps);
  set_count_row (self, ROW_HANDOFFS, before.n_handoffs, after.n_handoffs);
  set_time_row (self, ROW_WAIT, before.total_wait_minutes, after.total_wait_minutes);
  set_time_row (self, ROW_TIME, before.total_time_minutes, after.total_time_minutes);
  set_count_row (self, ROW_PLACES, before.n_places, after.n_places);
  set_count_row (self, ROW_PAIN_POINTS, before.n_pain_points, after.n_pain_points);
  set_count_row (self, ROW_TOUCHPOINTS, before.n_touchpoints, after.n_touchpoints);

  before_score = tandem_feeling_to_score (before.lowest_feeling);
  after_score = tandem_feeling_to_score (after.lowest_feeling);
  if (before.lowest_feeling == TANDEM_FEELING_UNKNOWN || after.lowest_feeling == TANDEM_FEELING_UNKNOWN)
    change = _("Not comparable");
  else if (after_score > before_score)
    change = _("Better");
  else if (after_score < before_score)
    change = _("Worse");
  else
    change = _("No change");
  set_row (self, ROW_LOWEST_FEELING, tandem_feeling_to_label (before.lowest_feeling),
           tandem_feeling_to_label (after.lowest_feeling), change);

  /* The sentence: what changes, in the order a board asks about it. */
  if (after.n_steps == 0)
    {
      gtk_label_set_text (self->summary, before.n_steps == 0
                          ? _("Add steps to the before and after maps to compare them.")
                          : _("The after map has no steps yet. Design the journey after the "
                              "change, or start it from a copy of the before map."));
      return;
    }

  if (after.n_steps != before.n_steps)
    g_ptr_array_add (phrases, g_strdup_printf (after.n_steps < before.n_steps
                                               ? g_dngettext (GETTEXT_PACKAGE, "%d fewer step", "%d fewer steps",
                                                              before.n_steps - after.n_steps)
                                               : g_dngettext (GETTEXT_PACKAGE, "%d more step", "%d more steps",
                                                              after.n_steps - before.n_steps),
                                               ABS ((int)after.n_steps - (int)before.n_steps)));
  if (after.n_handoffs != before.n_handoffs)
    g_ptr_array_add (phrases, g_strdup_printf (after.n_handoffs < before.n_handoffs
                                               ? g_dngettext (GETTEXT_PACKAGE, "%d fewer hand-off", "%d fewer hand-offs",
                                                              before.n_handoffs - after.n_handoffs)
                                               : g_dngettext (GETTEXT_PACKAGE, "%d more hand-off", "%d more hand-offs",
                                                              after.n_handoffs - before.n_handoffs),
                                               ABS ((int)after.n_handoffs - (int)before.n_handoffs)));
  if (fabs (after.total_wait_minutes - before.total_wait_minutes) >= 0.5)
    {
      g_autofree char *amount = tandem_format_minutes (fabs (after.total_wait_minutes -
                                                             before.total_wait_minutes));

      g_ptr_array_add (phrases, g_strdup_printf (after.total_wait_minutes < before.total_wait_minutes
                                                 ? _("%s less waiting") : _("%s more waiting"),
                                                 amount));
    }
  if (after.n_places != before.n_places)
    g_ptr_array_add (phrases, g_strdup_printf (after.n_places < before.n_places
                                               ? g_dngettext (GETTEXT_PACKAGE, "%d fewer place", "%d fewer places",
                                                              before.n_places - after.n_places)
                                               : g_dngettext (GETTEXT_PACKAGE, "%d more place", "%d more places",
                                                              after.n_places - before.n_places),
                                               ABS ((int)after.n_places - (int)before.n_places)));
  if (after.n_pain_points != before.n_pain_points)
    g_ptr_array_add (phrases, g_strdup_printf (after.n_pain_points < before.n_pain_points
                                               ? g_dngettext (GETTEXT_PACKAGE, "%d fewer pain point", "%d fewer pain points",
                                                              before.n_pain_points - after.n_pain_points)
                                               : g_dngettext (GETTEXT_PACKAGE, "%d more pain point", "%d more pain points",
                                                              after.n_pain_points - before.n_pain_points),
                                               ABS ((int)after.n_pain_points - (int)before.n_pain_points)));
  if (before.lowest_feeling != TANDEM_FEELING_UNKNOWN && after.lowest_feeling != TANDEM_FEELING_UNKNOWN &&
      before_score != after_score)
    g_ptr_array_add (phrases, g_strdup_printf (_("the worst moment is “%s” instead of “%s”"),
                                               tandem_feeling_to_label (after.lowest_feeling),
                                               tandem_feeling_to_label (before.lowest_feeling)));

  if (phrases->len == 0)
    {
      gtk_label_set_text (self->summary, _("The measures are the same before and after the change."));
      return;
    }

  g_string_append (summary, _("After the change: "));
  for (guint i = 0; i < phrases->len; i++)
    {
      if (i > 0)
        g_string_append (summary, i + 1 == phrases->len ? _(" and ") : ", ");
      g_string_append (summary, g_ptr_array_index (phrases, i));
    }
  g_string_append_c (summary, '.');
  gtk_label_set_text (self->summary, summary->str);
}

/**
 * tandem_journey_measures_view_get_cell:
 * @row: 0 for steps … 7 for the worst moment
 * @column: 0 for the name, 1 before, 2 after, 3 the change
 *
 * Returns: the text shown, for tests
 */
const char *
tandem_journey_measures_view_get_cell (TandemJourneyMeasuresView *self,
                                       guint                      row,
                                       guint                      column)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_MEASURES_VIEW (self), NULL);
  g_return_val_if_fail (row < N_ROWS && column < N_COLUMNS, NULL);

  return gtk_label_get_text (self->cells[row][column]);
}

const char *
tandem_journey_measures_view_get_summary (TandemJourneyMeasuresView *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_MEASURES_VIEW (self), NULL);

  return gtk_label_get_text (self->summary);
}
