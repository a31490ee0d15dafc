/* tandem-journey-step-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-journey-step-list"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-binding.h"
#include "tandem-document.h"
#include "tandem-journey-edit.h"
#include "tandem-journey-measures.h"
#include "tandem-dialogs.h"
#include "tandem-labels.h"
#include "tandem-link-chooser.h"
#include "tandem-journey-step-list.h"

/*
 * The steps of one map as a table, in journey order: the accessible alternative to the
 * canvas, and a quick way to check a journey line by line. It edits the same model (titles
 * in place, the rest in the side panel) and shares the canvas's selection, so selecting a
 * row selects the card and the other way round.
 *
 * The rows are the map's own list of steps, sorted by stage and order; each cell shows one
 * field and refreshes itself when the document changes.
 */

typedef char *(*CellText) (TandemJourneyStepList *self,
                           TandemStep            *step,
                           guint                  position);

struct _TandemJourneyStepList
{
  GtkWidget               parent_instance;

  TandemJourneyCanvas    *canvas;    /* weak */
  TandemJourney          *journey;
  TandemDocument         *document;
  TandemJourneyMap       *map;
  TandemJourneySelection *selection;

  GtkWidget              *box;
  GtkLabel               *heading;
  GtkColumnView          *view;
  GtkSortListModel       *sorted;
  GtkMultiSelection      *multi;
  GtkSorter              *sorter;

  guint                   updating : 1;
};

G_DEFINE_FINAL_TYPE (TandemJourneyStepList, tandem_journey_step_list, GTK_TYPE_WIDGET)

enum {
  STEP_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Auxiliary methods */

static int
compare_steps (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  TandemJourneyStepList *self = user_data;
  int sa = tandem_journey_stage_index (self->journey, tandem_step_get_stage ((TandemStep *)a));
  int sb = tandem_journey_stage_index (self->journey, tandem_step_get_stage ((TandemStep *)b));
  double oa = tandem_step_get_order ((TandemStep *)a);
  double ob = tandem_step_get_order ((TandemStep *)b);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (oa != ob)
    return oa < ob ? -1 : 1;

  return 0;
}

static char *
text_number (TandemJourneyStepList *self,
             TandemStep            *step,
             guint                  position)
{
  return g_strdup_printf ("%u", position + 1);
}

static char *
text_stage (TandemJourneyStepList *self,
            TandemStep            *step,
            guint                  position)
{
  TandemStage *stage = tandem_journey_find_stage (self->journey, tandem_step_get_stage (step));

  return g_strdup (stage ? tandem_stage_get_title (stage) : "");
}

static char *
text_lane (TandemJourneyStepList *self,
           TandemStep            *step,
           guint                  position)
{
  TandemLane *lane = tandem_journey_find_lane (self->journey, tandem_step_get_lane (step));

  return g_strdup (lane ? tandem_lane_get_title (lane) : "");
}

static char *
text_role (TandemJourneyStepList *self,
           TandemStep            *step,
           guint                  position)
{
  return g_strdup (tandem_step_get_role (step));
}

static char *
text_place (TandemJourneyStepList *self,
            TandemStep            *step,
            guint                  position)
{
  return g_strdup (tandem_step_get_place (step));
}

static char *
text_wait (TandemJourneyStepList *self,
           TandemStep            *step,
           guint                  position)
{
  return tandem_step_get_wait_minutes (step) > 0
         ? tandem_format_minutes (tandem_step_get_wait_minutes (step)) : g_strdup ("");
}

static char *
text_duration (TandemJourneyStepList *self,
               TandemStep            *step,
               guint                  position)
{
  return tandem_step_get_duration_minutes (step) > 0
         ? tandem_format_minutes (tandem_step_get_duration_minutes (step)) : g_strdup ("");
}

static char *
text_feeling (TandemJourneyStepList *self,
              TandemStep            *step,
              guint                  position)
{
  return tandem_step_get_feeling (step) == TANDEM_FEELING_UNKNOWN
         ? g_strdup ("") : g_strdup (tandem_feeling_to_label (tandem_step_get_feeling (step)));
}

static char *
text_marks (TandemJourneyStepList *self,
            TandemStep            *step,
            guint                  position)
{
  gboolean touch = tandem_step_get_touchpoint (step);
  gboolean pain = tandem_step_get_pain_point (step);

  if (touch && pain)
    return g_strdup_printf ("%s, %s", _("Touchpoint"), _("Pain point"));
  if (touch)
    return g_strdup (_("Touchpoint"));
  if (pain)
    return g_strdup (_("Pain point"));

  return g_strdup ("");
}

static char *
text_quotes (TandemJourneyStepList *self,
             TandemStep            *step,
             guint                  position)
{
  guint n = tandem_list_get_n (tandem_step_get_quotes (step));

  return n > 0 ? g_strdup_printf ("%u", n) : g_strdup ("");
}

static void
sync_to_view (TandemJourneyStepList *self)
{
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));

  if (self->updating)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TandemStep) step = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

      if (tandem_journey_selection_contains (self->selection, step))
        gtk_bitset_add (selected, i);
    }

  mask = gtk_bitset_new_range (0, n);
  self->updating = TRUE;
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->multi), selected, mask);
  self->updating = FALSE;
}

/* Callbacks */

static void
on_view_selection_changed_cb (TandemJourneyStepList *self,
                              guint                  position,
                              guint                  n_items)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint index;
  TandemObject *focus;

  if (self->updating)
    return;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->multi));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &index); ok;
       ok = gtk_bitset_iter_next (&iter, &index))
    g_ptr_array_add (steps, g_list_model_get_item (G_LIST_MODEL (self->sorted), index));

  self->updating = TRUE;
  tandem_journey_selection_set_items (self->selection, steps);
  focus = tandem_journey_selection_get_focus (self->selection);
  if (steps->len > 0 && (focus == NULL || !g_ptr_array_find (steps, focus, NULL)))
    tandem_journey_selection_set_focus (self->selection, g_ptr_array_index (steps, steps->len - 1));
  self->updating = FALSE;
}

static void
on_document_changed_cb (TandemJourneyStepList *self)
{
  gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
  sync_to_view (self);
}

static void
refresh_cell (GtkWidget *widget)
{
  TandemJourneyStepList *self = g_object_get_data (G_OBJECT (widget), "step-list");
  GtkListItem *item = g_object_get_data (G_OBJECT (widget), "list-item");
  CellText func = g_object_get_data (G_OBJECT (widget), "text-func");
  TandemStep *step = item ? gtk_list_item_get_item (item) : NULL;
  g_autofree char *text = NULL;

  if (step == NULL || func == NULL)
    return;

  text = func (self, step, gtk_list_item_get_position (item));
  if (GTK_IS_LABEL (widget))
    gtk_label_set_text (GTK_LABEL (widget), text);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             TandemJourneyStepList    *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  g_object_set_data (G_OBJECT (label), "step-list", self);
  g_object_set_data (G_OBJECT (label), "list-item", item);
  g_object_set_data (G_OBJECT (label), "text-func", g_object_get_data (G_OBJECT (factory), "text-func"));
  if (g_object_get_data (G_OBJECT (factory), "numeric"))
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            TandemJourneyStepList    *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  gulong id;

  refresh_cell (label);
  id = g_signal_connect_object (self->document, "changed", G_CALLBACK (refresh_cell), label,
                                G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (label), "changed-id", GSIZE_TO_POINTER (id));
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TandemJourneyStepList    *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (label), "changed-id"));

  if (id != 0)
    g_signal_handler_disconnect (self->document, id);
  g_object_set_data (G_OBJECT (label), "changed-id", NULL);
}

/* The title column edits in place. */

static void
on_title_editing_cb (GtkEditableLabel *label,
                     GParamSpec       *pspec,
                     GtkListItem      *item)
{
  TandemStep *step = gtk_list_item_get_item (item);
  g_auto(GValue) value = G_VALUE_INIT;

  if (step == NULL || gtk_editable_label_get_editing (label))
    return;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (label)), tandem_step_get_title (step)) == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, gtk_editable_get_text (GTK_EDITABLE (label)));
  tandem_set_property_undoable (TANDEM_OBJECT (step), "title", &value, _("Edit Step Title"), FALSE);
}

static void
refresh_title (GtkWidget *label)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (label), "list-item");
  TandemStep *step = item ? gtk_list_item_get_item (item) : NULL;

  if (step != NULL && !gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (label)) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (label)), tandem_step_get_title (step)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (label), tandem_step_get_title (step));
}

static void
on_title_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   TandemJourneyStepList    *self)
{
  GtkWidget *label = gtk_editable_label_new ("");

  g_object_set_data (G_OBJECT (label), "list-item", item);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (label), 40);
  g_signal_connect (label, "notify::editing", G_CALLBACK (on_title_editing_cb), item);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Title"), -1);
  gtk_list_item_set_child (item, label);
}

static void
on_title_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  TandemJourneyStepList    *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  gulong id;

  refresh_title (label);
  id = g_signal_connect_object (self->document, "changed", G_CALLBACK (refresh_title), label,
                                G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (label), "changed-id", GSIZE_TO_POINTER (id));
}

static void
add_column (TandemJourneyStepList *self,
            const char            *title,
            CellText               func,
            int                    width,
            gboolean               numeric)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  if (func != NULL)
    {
      g_object_set_data (G_OBJECT (factory), "text-func", func);
      g_object_set_data (G_OBJECT (factory), "numeric", GINT_TO_POINTER (numeric));
      g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
    }
  else
    {
      g_signal_connect (factory, "setup", G_CALLBACK (on_title_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (on_title_bind_cb), self);
    }
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), self);

  column = gtk_column_view_column_new (title, factory);
  /* Fixed widths that fit their usual contents; the title takes the rest, and the table
   * scrolls sideways in a narrow window rather than cut every column short. */
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  else
    gtk_column_view_column_set_expand (column, TRUE);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->view, column);
  g_object_unref (column);
}

/* Actions */

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemJourneyStepList *self = TANDEM_JOURNEY_STEP_LIST (widget);
  g_autoptr(GPtrArray) steps = tandem_journey_selection_get_steps (self->selection);
  g_autoptr(GPtrArray) on_map = g_ptr_array_new ();
  g_autofree char *links = NULL;

  if (self->map == NULL)
    return;

  for (guint i = 0; i < steps->len; i++)
    if (tandem_journey_map_for_step (g_ptr_array_index (steps, i)) == self->map)
      g_ptr_array_add (on_map, g_ptr_array_index (steps, i));

  if (on_map->len == 0)
    return;

  links = tandem_link_describe_removal (self->document, on_map);
  tandem_document_begin (self->document, on_map->len > 1 ? _("Remove Steps") : _("Remove Step"));
  tandem_journey_map_remove_steps (self->map, on_map);
  tandem_document_commit (self->document);

  /* Themes and evidence that linked to the steps lost those links in the same undo step. */
  if (links != NULL)
    tandem_show_toast (GTK_WIDGET (self), links, TRUE);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  tandem_journey_step_list_add_step (TANDEM_JOURNEY_STEP_LIST (widget));
}

/* GObject */

static void
tandem_journey_step_list_dispose (GObject *object)
{
  TandemJourneyStepList *self = (TandemJourneyStepList *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_weak_pointer (&self->canvas);

  G_OBJECT_CLASS (tandem_journey_step_list_parent_class)->dispose (object);
}

static void
tandem_journey_step_list_finalize (GObject *object)
{
  TandemJourneyStepList *self = (TandemJourneyStepList *)object;

  g_clear_object (&self->journey);
  g_clear_object (&self->document);
  g_clear_object (&self->map);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->multi);

  G_OBJECT_CLASS (tandem_journey_step_list_parent_class)->finalize (object);
}

static void
tandem_journey_step_list_class_init (TandemJourneyStepListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_journey_step_list_dispose;
  object_class->finalize = tandem_journey_step_list_finalize;

  /**
   * TandemJourneyStepList::step-added:
   * @step: the new step, selected
   *
   * A step was added from the list; its title wants typing.
   */
  signals[STEP_ADDED] = g_signal_new ("step-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, TANDEM_TYPE_STEP);

  gtk_widget_class_install_action (widget_class, "steps.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "steps.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "steps.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "steps.add", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tandem_journey_step_list_init (TandemJourneyStepList *self)
{
  GtkWidget *header, *scrolled, *button;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (header, "toolbar");
  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "heading");
  gtk_widget_set_hexpand (GTK_WIDGET (self->heading), TRUE);
  gtk_label_set_xalign (self->heading, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->heading), 6);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->heading));

  /* GTK 4.8 names a mnemonic button after its label as written ("_Add Step"): name it. */
  button = gtk_button_new_with_mnemonic (_("_Add Step"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add Step"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "steps.add");
  gtk_widget_set_tooltip_text (button, _("Add a step after the selected one (Insert)"));
  gtk_box_append (GTK_BOX (header), button);

  button = gtk_button_new_with_mnemonic (_("_Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "steps.remove");
  gtk_widget_set_tooltip_text (button, _("Remove the selected steps (Delete)"));
  gtk_box_append (GTK_BOX (header), button);
  gtk_box_append (GTK_BOX (self->box), header);

  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self->box), scrolled);

  self->sorter = GTK_SORTER (gtk_custom_sorter_new (compare_steps, self, NULL));
  self->sorted = gtk_sort_list_model_new (NULL, self->sorter);
  self->multi = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  g_signal_connect_swapped (self->multi, "selection-changed",
                            G_CALLBACK (on_view_selection_changed_cb), self);

  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->multi))));
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Steps in journey order"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));

  add_column (self, _("No."), text_number, 52, TRUE);
  add_column (self, _("Step"), NULL, 0, FALSE);
  add_column (self, _("Stage"), text_stage, 150, FALSE);
  add_column (self, _("Lane"), text_lane, 150, FALSE);
  add_column (self, _("Who"), text_role, 120, FALSE);
  add_column (self, _("Where"), text_place, 150, FALSE);
  add_column (self, _("Wait before"), text_wait, 130, TRUE);
  add_column (self, _("Takes"), text_duration, 120, TRUE);
  add_column (self, _("Felt"), text_feeling, 150, FALSE);
  add_column (self, _("Marked as"), text_marks, 170, FALSE);
  add_column (self, _("Quotes"), text_quotes, 70, TRUE);
}

/* Public API */

GtkWidget *
tandem_journey_step_list_new (TandemJourneyCanvas *canvas)
{
  TandemJourneyStepList *self;

  g_return_val_if_fail (TANDEM_IS_JOURNEY_CANVAS (canvas), NULL);

  self = g_object_new (TANDEM_TYPE_JOURNEY_STEP_LIST, NULL);
  g_set_weak_pointer (&self->canvas, canvas);
  self->journey = g_object_ref (tandem_journey_canvas_get_journey (canvas));
  self->document = g_object_ref (tandem_object_get_document (TANDEM_OBJECT (self->journey)));
  self->selection = g_object_ref (tandem_journey_canvas_get_selection (canvas));

  g_signal_connect_object (self->document, "changed", G_CALLBACK (on_document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "changed", G_CALLBACK (sync_to_view), self,
                           G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

/**
 * tandem_journey_step_list_get_map:
 *
 * Returns: (transfer none) (nullable): the map listed
 */
TandemJourneyMap *
tandem_journey_step_list_get_map (TandemJourneyStepList *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_STEP_LIST (self), NULL);

  return self->map;
}

void
tandem_journey_step_list_set_map (TandemJourneyStepList *self,
                                  TandemJourneyMap      *map)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_STEP_LIST (self));

  if (!g_set_object (&self->map, map))
    return;

  gtk_label_set_text (self->heading,
                      map == NULL ? "" :
                      tandem_journey_map_get_side (map) == TANDEM_MAP_SIDE_BEFORE
                      ? _("Steps before the change, in journey order")
                      : _("Steps after the change, in journey order"));

  self->updating = TRUE;
  gtk_sort_list_model_set_model (self->sorted,
                                 map ? G_LIST_MODEL (tandem_journey_map_get_steps (map)) : NULL);
  self->updating = FALSE;
  sync_to_view (self);
}

/**
 * tandem_journey_step_list_get_model:
 *
 * Returns: (transfer none): the steps in the order shown
 */
GListModel *
tandem_journey_step_list_get_model (TandemJourneyStepList *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_STEP_LIST (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

/**
 * tandem_journey_step_list_get_view:
 *
 * Returns: (transfer none): the column view
 */
GtkWidget *
tandem_journey_step_list_get_view (TandemJourneyStepList *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_STEP_LIST (self), NULL);

  return GTK_WIDGET (self->view);
}

/**
 * tandem_journey_step_list_add_step:
 *
 * Adds an untitled step after the focused one and selects it.
 *
 * Returns: (transfer none) (nullable): the new step
 */
TandemStep *
tandem_journey_step_list_add_step (TandemJourneyStepList *self)
{
  TandemObject *focus;
  TandemStep *after = NULL, *step;

  g_return_val_if_fail (TANDEM_IS_JOURNEY_STEP_LIST (self), NULL);

  if (self->map == NULL)
    return NULL;

  focus = tandem_journey_selection_get_focus (self->selection);
  if (TANDEM_IS_STEP (focus) && tandem_journey_map_for_step (TANDEM_STEP (focus)) == self->map)
    after = TANDEM_STEP (focus);

  tandem_document_begin (self->document, _("Add Step"));
  step = tandem_journey_map_add_step_after (self->map, after);
  tandem_document_commit (self->document);

  if (step != NULL)
    {
      tandem_journey_selection_select_only (self->selection, step);
      g_signal_emit (self, signals[STEP_ADDED], 0, step);
    }

  return step;
}
