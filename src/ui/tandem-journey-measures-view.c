/* tandem-journey-measures-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-journey-measures-view"

#include "config.h"

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

#define N_ROWS TANDEM_N_MEASURES

#define N_COLUMNS 4

struct _TandemJourneyMeasuresView
{
  AdwBin          parent_instance;

  TandemJourney  *journey;
  GtkLabel       *summary;
  GtkLabel       *definitions;
  GtkLabel       *cells[N_ROWS][N_COLUMNS];
  guint           update_source;
};

G_DEFINE_FINAL_TYPE (TandemJourneyMeasuresView, tandem_journey_measures_view, ADW_TYPE_BIN)

/* Auxiliary methods */

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
        GtkWidget *label = gtk_label_new ("");

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

  note = gtk_label_new (NULL);
  self->definitions = GTK_LABEL (note);
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
  g_autoptr(TandemComparison) comparison = NULL;

  g_return_if_fail (TANDEM_IS_JOURNEY_MEASURES_VIEW (self));

  g_clear_handle_id (&self->update_source, g_source_remove);

  /* The model words the comparison, so that the appendix prints what is shown here. */
  comparison = tandem_journey_compare (self->journey);
  for (guint i = 0; i < comparison->rows->len && i < N_ROWS; i++)
    {
      TandemMeasureRow *row = g_ptr_array_index (comparison->rows, i);

      gtk_label_set_text (self->cells[i][0], row->name);
      set_row (self, i, row->before, row->after, row->change);
    }

  gtk_label_set_text (self->summary, comparison->summary);
  gtk_label_set_text (self->definitions, comparison->definitions);
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
