/* tandem-journey-tools.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-journey-tools"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "tandem-journey-canvas-private.h"
#include "tandem-journey-edit.h"
#include "tandem-journey-metrics.h"
#include "tandem-quote.h"

/*
 * The pointer tools of the journey canvas, as event controllers: what a press does depends
 * on what tandem_journey_figure_lookup() finds under it.
 *
 *   on a card             drag moves the selected steps, snapping to a stage, lane and place
 *   on a card's edge      drag draws a connector to another card (or to an empty cell, which
 *                         makes a new step there)
 *   on a header's edge    drag resizes the stage or lane
 *   elsewhere             drag selects with a rubber band (Ctrl or Shift adds)
 *   middle button, or     pans
 *     Space held
 *   double-click          edits a title; on an empty cell, adds a step there
 *   Ctrl+scroll, pinch    zooms
 *
 * Moving steps draws them where they would go without touching the model, and only the drop
 * changes it, in one transaction: a drag is one undo step. Resizing changes the model as the
 * pointer moves (so the layout follows) with one merge key per drag, which also makes one
 * undo step.
 */

#define DRAG_THRESHOLD 4.0

/* Auxiliary methods */

static void
reset_tool (TandemJourneyCanvas *self)
{
  self->tool = TANDEM_TOOL_NONE;
  self->moved = FALSE;
  self->state.dragging = FALSE;
  self->state.show_drop = FALSE;
  self->state.connecting = FALSE;
  self->state.rubber_band = FALSE;
  g_clear_pointer (&self->press_selection, g_ptr_array_unref);
  if (self->drag_merge_key != NULL)
    {
      g_clear_pointer (&self->drag_merge_key, g_free);
      tandem_document_break_merge (self->document);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static GdkModifierType
current_modifiers (GtkGesture *gesture)
{
  return gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture)) &
         (GDK_CONTROL_MASK | GDK_SHIFT_MASK);
}

static void
press_on_step (TandemJourneyCanvas *self,
               TandemStep          *step,
               GdkModifierType      modifiers)
{
  self->press_was_selected = tandem_journey_selection_contains (self->selection, step);

  if (modifiers != 0)
    {
      if (!self->press_was_selected)
        tandem_journey_selection_select (self->selection, step);
      tandem_journey_selection_set_focus (self->selection, step);
    }
  else if (!self->press_was_selected)
    {
      tandem_journey_selection_select_only (self->selection, step);
    }
  else
    {
      tandem_journey_selection_set_focus (self->selection, step);
    }
}

/* A press and release without moving, on a step. */
static void
click_on_step (TandemJourneyCanvas *self,
               TandemStep          *step,
               GdkModifierType      modifiers)
{
  if ((modifiers & GDK_CONTROL_MASK) && self->press_was_selected)
    tandem_journey_selection_unselect (self->selection, step);
  else if (modifiers == 0)
    tandem_journey_selection_select_only (self->selection, step);
}

static double
stage_width_for (const TandemStageGeometry *geometry,
                 double                     column_width)
{
  guint n = geometry->n_slots;
  double card;

  /* The column follows the pointer: with cards in it, by making its cards wider or
   * narrower; past the widest cards, by adding room. */
  if (n == 0)
    return column_width;

  card = (column_width - 2 * TANDEM_JOURNEY_CELL_PAD_X - (n - 1) * TANDEM_JOURNEY_SLOT_GAP -
          geometry->spread) / n;
  if (card <= TANDEM_JOURNEY_CARD_MIN_WIDTH)
    return TANDEM_JOURNEY_CARD_MIN_WIDTH + 2 * TANDEM_JOURNEY_CELL_PAD_X;
  if (card <= TANDEM_JOURNEY_CARD_MAX_WIDTH)
    return card + 2 * TANDEM_JOURNEY_CELL_PAD_X;

  return column_width;
}

static const TandemStageGeometry *
find_stage_geometry (TandemJourneyCanvas *self,
                     TandemJourneyMap    *map,
                     TandemStage         *stage)
{
  TandemJourneyLayout *layout = tandem_journey_figure_get_layout_for_map (self->figure, map);

  for (guint i = 0; layout != NULL && i < tandem_journey_layout_get_n_stages (layout); i++)
    {
      const TandemStageGeometry *geometry = tandem_journey_layout_get_stage (layout, i);

      if (geometry->stage == stage)
        return geometry;
    }

  return NULL;
}

static const TandemLaneGeometry *
find_lane_geometry (TandemJourneyCanvas *self,
                    TandemJourneyMap    *map,
                    TandemLane          *lane)
{
  TandemJourneyLayout *layout = tandem_journey_figure_get_layout_for_map (self->figure, map);

  for (guint i = 0; layout != NULL && i < tandem_journey_layout_get_n_lanes (layout); i++)
    {
      const TandemLaneGeometry *geometry = tandem_journey_layout_get_lane (layout, i);

      if (geometry->lane == lane)
        return geometry;
    }

  return NULL;
}

static int
compare_targets (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  GHashTable *targets = user_data;
  double x = *(double *)g_hash_table_lookup (targets, *(gpointer *)a);
  double y = *(double *)g_hash_table_lookup (targets, *(gpointer *)b);

  return x < y ? -1 : (x > y ? 1 : 0);
}

/**
 * _tandem_journey_canvas_move_selection:
 * @dx: how far the steps were dragged, in figure units
 * @dy: how far the steps were dragged, in figure units
 *
 * Drops the selected steps where a drag by (@dx, @dy) put them: each snaps to the stage,
 * lane and place under its middle, on its own map. One transaction.
 */
void
_tandem_journey_canvas_move_selection (TandemJourneyCanvas *self,
                                       double               dx,
                                       double               dy)
{
  g_autoptr(GPtrArray) steps = tandem_journey_selection_get_steps (self->selection);
  g_autoptr(GHashTable) targets = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  gboolean open = FALSE;

  for (guint side = 0; side < 2; side++)
    {
      TandemJourneyLayout *layout = tandem_journey_figure_get_layout (self->figure, side);
      g_autoptr(GPtrArray) moving = g_ptr_array_new ();
      g_autoptr(GPtrArray) exclude = NULL;
      g_autoptr(GHashTable) placed = g_hash_table_new (NULL, NULL);
      TandemJourneyMap *map;

      if (layout == NULL)
        continue;

      map = tandem_journey_layout_get_map (layout);
      for (guint i = 0; i < steps->len; i++)
        {
          TandemStep *step = g_ptr_array_index (steps, i);
          const TandemCardGeometry *card = tandem_journey_layout_find_card (layout, step);
          double *x;

          if (card == NULL)
            continue;

          x = g_new (double, 1);
          *x = card->rect.x + card->rect.width / 2 + dx;
          g_hash_table_insert (targets, step, x);
          g_ptr_array_add (moving, step);
        }

      if (moving->len == 0)
        continue;

      /* Left to right, so that steps dropped in one gap keep their order. */
      g_ptr_array_sort_with_data (moving, compare_targets, targets);
      exclude = g_ptr_array_copy (moving, NULL, NULL);

      if (!open)
        {
          const char *title = tandem_step_get_title (g_ptr_array_index (steps, 0));
          g_autofree char *label =
            steps->len > 1 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Move %u Step",
                                                           "Move %u Steps", steps->len), steps->len)
            : title[0] != '\0' ? g_strdup_printf (_("Move Step “%s”"), title)
            : g_strdup (_("Move Step"));

          /* Named, so that Undo can say what it takes back. */
          tandem_document_begin (self->document, label);
          open = TRUE;
        }

      for (guint i = 0; i < moving->len; i++)
        {
          TandemStep *step = g_ptr_array_index (moving, i);
          const TandemCardGeometry *card = tandem_journey_layout_find_card (layout, step);
          TandemJourneySnap snap;
          const char *stage_id;
          guint index;

          if (!tandem_journey_layout_snap (layout, card->rect.x + card->rect.width / 2 + dx,
                                           card->rect.y + card->rect.height / 2 + dy, moving, &snap))
            continue;

          stage_id = tandem_object_get_id (TANDEM_OBJECT (snap.stage));
          index = snap.index + GPOINTER_TO_UINT (g_hash_table_lookup (placed, snap.stage));
          g_ptr_array_remove (exclude, step);

          tandem_step_set_order (step, tandem_journey_map_order_at (map, stage_id, index, exclude));
          tandem_step_set_stage (step, stage_id);
          tandem_step_set_lane (step, tandem_object_get_id (TANDEM_OBJECT (snap.lane)));
          g_hash_table_insert (placed, snap.stage,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (placed, snap.stage)) + 1));
        }
    }

  if (open)
    tandem_document_commit (self->document);
}

/* Primary button */

static void
on_drag_begin_cb (GtkGestureDrag      *gesture,
                  double               x,
                  double               y,
                  TandemJourneyCanvas *self)
{
  GdkModifierType modifiers = current_modifiers (GTK_GESTURE (gesture));
  TandemJourneyHit *hit = &self->press_hit;

  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));

  reset_tool (self);
  self->press_modifiers = modifiers;
  _tandem_journey_canvas_view_to_figure (self, x, y, &self->press_x, &self->press_y);

  if (self->space_held)
    {
      self->tool = TANDEM_TOOL_PAN;
      self->pan_h = gtk_adjustment_get_value (self->hadjustment);
      self->pan_v = gtk_adjustment_get_value (self->vadjustment);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      return;
    }

  _tandem_journey_canvas_lookup (self, self->press_x, self->press_y, hit);
  if (hit->map != NULL)
    self->current_side = tandem_journey_map_get_side (hit->map);

  switch (hit->kind)
    {
    case TANDEM_JOURNEY_HIT_STEP_EDGE:
      press_on_step (self, TANDEM_STEP (hit->object), modifiers);
      self->tool = modifiers == 0 ? TANDEM_TOOL_CONNECT : TANDEM_TOOL_MOVE;
      break;

    case TANDEM_JOURNEY_HIT_STEP:
      press_on_step (self, TANDEM_STEP (hit->object), modifiers);
      self->tool = TANDEM_TOOL_MOVE;
      break;

    case TANDEM_JOURNEY_HIT_CONNECTOR:
    case TANDEM_JOURNEY_HIT_REPLACEMENT:
      if (modifiers & GDK_CONTROL_MASK)
        tandem_journey_selection_toggle (self->selection, hit->object);
      else
        {
          tandem_journey_selection_select_only (self->selection, NULL);
          tandem_journey_selection_select (self->selection, hit->object);
        }
      break;

    case TANDEM_JOURNEY_HIT_STAGE_EDGE:
      {
        const TandemStageGeometry *geometry = find_stage_geometry (self, hit->map,
                                                                   TANDEM_STAGE (hit->object));

        if (geometry != NULL)
          {
            self->tool = TANDEM_TOOL_RESIZE_STAGE;
            self->resize_start = geometry->width;
            self->drag_merge_key = _tandem_journey_canvas_new_merge_key (self, "resize");
          }
      }
      break;

    case TANDEM_JOURNEY_HIT_LANE_EDGE:
      {
        const TandemLaneGeometry *geometry = find_lane_geometry (self, hit->map,
                                                                 TANDEM_LANE (hit->object));

        if (geometry != NULL)
          {
            self->tool = TANDEM_TOOL_RESIZE_LANE;
            self->resize_start = geometry->height;
            self->drag_merge_key = _tandem_journey_canvas_new_merge_key (self, "resize");
          }
      }
      break;

    case TANDEM_JOURNEY_HIT_STAGE:
    case TANDEM_JOURNEY_HIT_LANE:
      break;

    case TANDEM_JOURNEY_HIT_CELL:
    case TANDEM_JOURNEY_HIT_MAP:
    case TANDEM_JOURNEY_HIT_NONE:
    default:
      self->tool = TANDEM_TOOL_RUBBER_BAND;
      if (modifiers != 0)
        self->press_selection = tandem_journey_selection_get_items (self->selection);
      else
        self->press_selection = g_ptr_array_new ();
      break;
    }
}

static void
on_drag_update_cb (GtkGestureDrag      *gesture,
                   double               offset_x,
                   double               offset_y,
                   TandemJourneyCanvas *self)
{
  double dx = offset_x / self->zoom, dy = offset_y / self->zoom;
  double fx = self->press_x + dx, fy = self->press_y + dy;

  if (!self->moved && hypot (offset_x, offset_y) < DRAG_THRESHOLD)
    return;
  self->moved = TRUE;

  switch (self->tool)
    {
    case TANDEM_TOOL_MOVE:
      {
        TandemStep *step = TANDEM_STEP (self->press_hit.object);
        TandemJourneyLayout *layout = tandem_journey_figure_get_layout_for_map (self->figure,
                                                                                self->press_hit.map);
        const TandemCardGeometry *card = layout ? tandem_journey_layout_find_card (layout, step) : NULL;
        g_autoptr(GPtrArray) moving = tandem_journey_selection_get_steps (self->selection);
        TandemJourneySnap snap;

        self->state.dragging = TRUE;
        self->state.drag_dx = dx;
        self->state.drag_dy = dy;
        self->state.show_drop = card != NULL &&
                                tandem_journey_layout_snap (layout,
                                                            card->rect.x + card->rect.width / 2 + dx,
                                                            card->rect.y + card->rect.height / 2 + dy,
                                                            moving, &snap);
        if (self->state.show_drop)
          self->state.drop = snap.marker;
      }
      break;

    case TANDEM_TOOL_RUBBER_BAND:
      {
        g_autoptr(GPtrArray) steps = g_ptr_array_copy (self->press_selection, NULL, NULL);
        g_autoptr(GPtrArray) inside = g_ptr_array_new ();

        self->state.rubber_band = TRUE;
        self->state.band.x = MIN (self->press_x, fx);
        self->state.band.y = MIN (self->press_y, fy);
        self->state.band.width = fabs (dx);
        self->state.band.height = fabs (dy);

        tandem_journey_figure_query_steps (self->figure, &self->state.band, inside);
        for (guint i = 0; i < inside->len; i++)
          if (!g_ptr_array_find (steps, g_ptr_array_index (inside, i), NULL))
            g_ptr_array_add (steps, g_ptr_array_index (inside, i));
        tandem_journey_selection_set_items (self->selection, steps);
      }
      break;

    case TANDEM_TOOL_CONNECT:
      {
        TandemJourneyHit hit;
        cairo_rectangle_t rect;

        tandem_journey_figure_get_step_rect (self->figure, TANDEM_STEP (self->press_hit.object),
                                             &rect);
        self->state.connecting = TRUE;
        self->state.connect_from.x = CLAMP (self->press_x, rect.x, rect.x + rect.width);
        self->state.connect_from.y = CLAMP (self->press_y, rect.y, rect.y + rect.height);
        self->state.connect_to.x = fx;
        self->state.connect_to.y = fy;

        _tandem_journey_canvas_lookup (self, fx, fy, &hit);
        self->state.hovered = (hit.kind == TANDEM_JOURNEY_HIT_STEP ||
                               hit.kind == TANDEM_JOURNEY_HIT_STEP_EDGE) ? hit.object : NULL;
      }
      break;

    case TANDEM_TOOL_RESIZE_STAGE:
      {
        TandemStage *stage = TANDEM_STAGE (self->press_hit.object);
        const TandemStageGeometry *geometry = find_stage_geometry (self, self->press_hit.map, stage);
        double width;

        if (geometry == NULL)
          break;

        width = CLAMP (stage_width_for (geometry, MAX (80.0, self->resize_start + dx)), 80.0, 4000.0);
        tandem_document_begin_merge (self->document, _("Resize Stage"), self->drag_merge_key);
        tandem_stage_set_width (stage, round (width));
        tandem_document_commit (self->document);
      }
      break;

    case TANDEM_TOOL_RESIZE_LANE:
      tandem_document_begin_merge (self->document, _("Resize Lane"), self->drag_merge_key);
      tandem_lane_set_height (TANDEM_LANE (self->press_hit.object),
                              round (CLAMP (self->resize_start + dy, 60.0, 4000.0)));
      tandem_document_commit (self->document);
      break;

    case TANDEM_TOOL_PAN:
      gtk_adjustment_set_value (self->hadjustment, self->pan_h - offset_x);
      gtk_adjustment_set_value (self->vadjustment, self->pan_v - offset_y);
      break;

    case TANDEM_TOOL_NONE:
    default:
      break;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
finish_connect (TandemJourneyCanvas *self,
                double               fx,
                double               fy)
{
  TandemStep *from = TANDEM_STEP (self->press_hit.object);
  TandemJourneyMap *map = tandem_journey_map_for_step (from);
  TandemJourneyHit hit;
  TandemJourneySnap snap;

  _tandem_journey_canvas_lookup (self, fx, fy, &hit);

  if ((hit.kind == TANDEM_JOURNEY_HIT_STEP || hit.kind == TANDEM_JOURNEY_HIT_STEP_EDGE) &&
      hit.object != TANDEM_OBJECT (from) && hit.map == map)
    {
      if (tandem_journey_map_find_connector (map, from, TANDEM_STEP (hit.object)) == NULL)
        {
          tandem_document_begin (self->document, _("Connect Steps"));
          tandem_journey_map_connect (map, from, TANDEM_STEP (hit.object), TANDEM_CONNECTOR_KIND_NEXT);
          tandem_document_commit (self->document);
        }
      return;
    }

  /* Onto an empty cell of the same map: a new step there, joined to this one. */
  if (hit.kind == TANDEM_JOURNEY_HIT_CELL && hit.map == map &&
      tandem_journey_figure_snap (self->figure, fx, fy, NULL, &snap) && snap.map == map)
    {
      g_autofree char *key = _tandem_journey_canvas_new_merge_key (self, "add-step");
      TandemStep *step;

      tandem_document_begin_merge (self->document, _("Add Step"), key);
      step = tandem_journey_map_add_step (map, tandem_object_get_id (TANDEM_OBJECT (snap.stage)),
                                          tandem_object_get_id (TANDEM_OBJECT (snap.lane)),
                                          tandem_journey_map_order_at (map,
                                                                       tandem_object_get_id (TANDEM_OBJECT (snap.stage)),
                                                                       snap.index, NULL));
      tandem_journey_map_connect (map, from, step, TANDEM_CONNECTOR_KIND_NEXT);
      tandem_document_commit (self->document);

      tandem_journey_selection_select_only (self->selection, step);
      tandem_journey_canvas_edit_title (self, TANDEM_OBJECT (step), "");
      /* The title joins the step's undo step, as for any new step. */
      g_free (self->editing_merge_key);
      self->editing_merge_key = g_steal_pointer (&key);
      self->editing_new = TRUE;
    }
}

static void
on_drag_end_cb (GtkGestureDrag      *gesture,
                double               offset_x,
                double               offset_y,
                TandemJourneyCanvas *self)
{
  double dx = offset_x / self->zoom, dy = offset_y / self->zoom;

  switch (self->tool)
    {
    case TANDEM_TOOL_MOVE:
      if (self->moved)
        _tandem_journey_canvas_move_selection (self, dx, dy);
      else
        click_on_step (self, TANDEM_STEP (self->press_hit.object), self->press_modifiers);
      break;

    case TANDEM_TOOL_CONNECT:
      if (self->moved)
        finish_connect (self, self->press_x + dx, self->press_y + dy);
      else
        click_on_step (self, TANDEM_STEP (self->press_hit.object), self->press_modifiers);
      self->state.hovered = NULL;
      break;

    case TANDEM_TOOL_RUBBER_BAND:
      if (!self->moved && self->press_modifiers == 0)
        tandem_journey_selection_select_only (self->selection, NULL);
      break;

    case TANDEM_TOOL_PAN:
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->space_held ? "grab" : NULL);
      break;

    case TANDEM_TOOL_RESIZE_STAGE:
    case TANDEM_TOOL_RESIZE_LANE:
    case TANDEM_TOOL_NONE:
    default:
      break;
    }

  reset_tool (self);
}

static void
on_drag_cancel_cb (GtkGesture          *gesture,
                   GdkEventSequence    *sequence,
                   TandemJourneyCanvas *self)
{
  reset_tool (self);
}

/* Middle button: pan */

static void
on_pan_begin_cb (GtkGestureDrag      *gesture,
                 double               x,
                 double               y,
                 TandemJourneyCanvas *self)
{
  self->pan_h = gtk_adjustment_get_value (self->hadjustment);
  self->pan_v = gtk_adjustment_get_value (self->vadjustment);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
on_pan_update_cb (GtkGestureDrag      *gesture,
                  double               offset_x,
                  double               offset_y,
                  TandemJourneyCanvas *self)
{
  gtk_adjustment_set_value (self->hadjustment, self->pan_h - offset_x);
  gtk_adjustment_set_value (self->vadjustment, self->pan_v - offset_y);
}

static void
on_pan_end_cb (GtkGestureDrag      *gesture,
               double               offset_x,
               double               offset_y,
               TandemJourneyCanvas *self)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

/* Clicks: double-click and the context menu */

static void
on_click_pressed_cb (GtkGestureClick     *gesture,
                     int                  n_press,
                     double               x,
                     double               y,
                     TandemJourneyCanvas *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  TandemJourneyHit hit;
  double fx, fy;

  _tandem_journey_canvas_view_to_figure (self, x, y, &fx, &fy);
  _tandem_journey_canvas_lookup (self, fx, fy, &hit);

  if (button == GDK_BUTTON_SECONDARY)
    {
      if (!gtk_widget_has_focus (GTK_WIDGET (self)))
        gtk_widget_grab_focus (GTK_WIDGET (self));
      _tandem_journey_canvas_popup_menu (self, &hit, x, y);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }

  if (button != GDK_BUTTON_PRIMARY || n_press != 2 || self->space_held)
    return;

  switch (hit.kind)
    {
    case TANDEM_JOURNEY_HIT_STEP:
    case TANDEM_JOURNEY_HIT_STEP_EDGE:
      tandem_journey_selection_select_only (self->selection, hit.object);
      tandem_journey_canvas_edit_title (self, hit.object, NULL);
      break;

    case TANDEM_JOURNEY_HIT_STAGE:
    case TANDEM_JOURNEY_HIT_LANE:
      tandem_journey_canvas_edit_title (self, hit.object, NULL);
      break;

    case TANDEM_JOURNEY_HIT_CELL:
      {
        TandemJourneySnap snap;

        if (tandem_journey_figure_snap (self->figure, fx, fy, NULL, &snap))
          _tandem_journey_canvas_add_step_at (self, &snap);
      }
      break;

    case TANDEM_JOURNEY_HIT_CONNECTOR:
    case TANDEM_JOURNEY_HIT_REPLACEMENT:
    case TANDEM_JOURNEY_HIT_STAGE_EDGE:
    case TANDEM_JOURNEY_HIT_LANE_EDGE:
    case TANDEM_JOURNEY_HIT_MAP:
    case TANDEM_JOURNEY_HIT_NONE:
    default:
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Hover, the cursor and tooltips */

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              TandemJourneyCanvas      *self)
{
  TandemJourneyHit hit;
  TandemObject *hovered = NULL;
  const char *cursor = NULL;
  double fx, fy;

  self->pointer_x = x;
  self->pointer_y = y;

  if (self->tool != TANDEM_TOOL_NONE || self->space_held)
    return;

  _tandem_journey_canvas_view_to_figure (self, x, y, &fx, &fy);
  _tandem_journey_canvas_lookup (self, fx, fy, &hit);

  switch (hit.kind)
    {
    case TANDEM_JOURNEY_HIT_STEP_EDGE:
      hovered = hit.object;
      cursor = "crosshair";
      break;

    case TANDEM_JOURNEY_HIT_STEP:
    case TANDEM_JOURNEY_HIT_CONNECTOR:
    case TANDEM_JOURNEY_HIT_REPLACEMENT:
      hovered = hit.object;
      break;

    case TANDEM_JOURNEY_HIT_STAGE_EDGE:
      cursor = "col-resize";
      break;

    case TANDEM_JOURNEY_HIT_LANE_EDGE:
      cursor = "row-resize";
      break;

    case TANDEM_JOURNEY_HIT_STAGE:
    case TANDEM_JOURNEY_HIT_LANE:
    case TANDEM_JOURNEY_HIT_CELL:
    case TANDEM_JOURNEY_HIT_MAP:
    case TANDEM_JOURNEY_HIT_NONE:
    default:
      break;
    }

  if (g_strcmp0 (cursor, g_object_get_data (G_OBJECT (self), "tandem-cursor")) != 0)
    {
      g_object_set_data (G_OBJECT (self), "tandem-cursor", (gpointer)cursor);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
    }

  if (self->state.hovered != hovered)
    {
      self->state.hovered = hovered;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_motion_leave_cb (GtkEventControllerMotion *controller,
                    TandemJourneyCanvas      *self)
{
  if (self->state.hovered != NULL && self->tool == TANDEM_TOOL_NONE)
    {
      self->state.hovered = NULL;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
on_query_tooltip_cb (GtkWidget           *widget,
                     int                  x,
                     int                  y,
                     gboolean             keyboard,
                     GtkTooltip          *tooltip,
                     TandemJourneyCanvas *self)
{
  TandemJourneyHit hit;
  double fx, fy;

  if (keyboard || self->tool != TANDEM_TOOL_NONE)
    return FALSE;

  _tandem_journey_canvas_view_to_figure (self, x, y, &fx, &fy);
  _tandem_journey_canvas_lookup (self, fx, fy, &hit);

  switch (hit.kind)
    {
    case TANDEM_JOURNEY_HIT_STEP:
      {
        TandemStep *step = TANDEM_STEP (hit.object);
        TandemList *quotes = tandem_step_get_quotes (step);
        const char *description = tandem_step_get_description (step);
        g_autoptr(GString) markup = g_string_new (NULL);
        g_autofree char *title = g_markup_escape_text (tandem_step_get_title (step), -1);

        g_string_append_printf (markup, "<b>%s</b>", title);
        if (description[0] != '\0')
          {
            g_autofree char *short_text = g_utf8_substring (description, 0, 300);
            g_autofree char *escaped = g_markup_escape_text (short_text, -1);

            g_string_append_printf (markup, "\n%s", escaped);
          }
        for (guint i = 0; i < tandem_list_get_n (quotes) && i < 3; i++)
          {
            TandemQuote *quote = tandem_list_get (quotes, i);
            g_autofree char *text = g_markup_escape_text (tandem_quote_get_text (quote), -1);
            g_autofree char *role = g_markup_escape_text (tandem_quote_get_speaker_role (quote), -1);

            g_string_append_printf (markup, "\n<i>“%s”</i> — %s", text, role);
          }
        gtk_tooltip_set_markup (tooltip, markup->str);
      }
      return TRUE;

    case TANDEM_JOURNEY_HIT_STEP_EDGE:
      gtk_tooltip_set_text (tooltip, _("Drag to another step to connect the two"));
      return TRUE;

    case TANDEM_JOURNEY_HIT_STAGE_EDGE:
      gtk_tooltip_set_text (tooltip, _("Drag to make the stage wider or narrower"));
      return TRUE;

    case TANDEM_JOURNEY_HIT_LANE_EDGE:
      gtk_tooltip_set_text (tooltip, _("Drag to make the lane taller or shorter"));
      return TRUE;

    case TANDEM_JOURNEY_HIT_CELL:
      gtk_tooltip_set_text (tooltip, _("Double-click to add a step here"));
      return TRUE;

    case TANDEM_JOURNEY_HIT_CONNECTOR:
    case TANDEM_JOURNEY_HIT_REPLACEMENT:
    case TANDEM_JOURNEY_HIT_STAGE:
    case TANDEM_JOURNEY_HIT_LANE:
    case TANDEM_JOURNEY_HIT_MAP:
    case TANDEM_JOURNEY_HIT_NONE:
    default:
      return FALSE;
    }
}

/* Zoom: Ctrl+scroll and pinch */

static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              TandemJourneyCanvas      *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0)
    return FALSE;  /* plain scrolling is the scrolled window's */

  _tandem_journey_canvas_zoom_at (self, self->zoom * pow (1.25, -dy), self->pointer_x,
                                  self->pointer_y);
  return TRUE;
}

static void
on_zoom_begin_cb (GtkGesture          *gesture,
                  GdkEventSequence    *sequence,
                  TandemJourneyCanvas *self)
{
  self->pinch_zoom = self->zoom;
  gtk_gesture_get_bounding_box_center (gesture, &self->pinch_x, &self->pinch_y);
}

static void
on_zoom_scale_changed_cb (GtkGestureZoom      *gesture,
                          double               scale,
                          TandemJourneyCanvas *self)
{
  _tandem_journey_canvas_zoom_at (self, self->pinch_zoom * scale, self->pinch_x, self->pinch_y);
}

/* The context menu */

static void
add_item (GMenu      *menu,
          const char *label,
          const char *action,
          const char *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  if (target != NULL)
    g_menu_item_set_action_and_target (item, action, "s", target);
  else
    g_menu_item_set_detailed_action (item, action);
  g_menu_append_item (menu, item);
}

static void
on_add_here_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  TandemJourneyCanvas *self = user_data;
  TandemJourneySnap *snap = g_object_get_data (G_OBJECT (action), "snap");

  if (snap != NULL && snap->map != NULL)
    _tandem_journey_canvas_add_step_at (self, snap);
}

void
_tandem_journey_canvas_popup_menu (TandemJourneyCanvas    *self,
                                   const TandemJourneyHit *hit,
                                   double                  vx,
                                   double                  vy)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) first = g_menu_new ();
  g_autoptr(GMenu) second = g_menu_new ();
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkWidget *popover;

  self->context_object = NULL;

  switch (hit->kind)
    {
    case TANDEM_JOURNEY_HIT_STEP:
    case TANDEM_JOURNEY_HIT_STEP_EDGE:
      if (!tandem_journey_selection_contains (self->selection, hit->object))
        tandem_journey_selection_select_only (self->selection, hit->object);
      tandem_journey_selection_set_focus (self->selection, hit->object);
      self->context_object = hit->object;
      add_item (first, _("_Edit Title"), "canvas.edit-title", NULL);
      add_item (first, _("_Add Step After"), "canvas.add-step", NULL);
      add_item (first, _("C_onnect to Next Step"), "canvas.connect-next", NULL);
      add_item (second, _("Cu_t"), "canvas.cut", NULL);
      add_item (second, _("_Copy"), "canvas.copy", NULL);
      add_item (second, _("_Paste"), "canvas.paste", NULL);
      add_item (second, _("_Remove"), "canvas.delete", NULL);
      break;

    case TANDEM_JOURNEY_HIT_CONNECTOR:
      tandem_journey_selection_select_only (self->selection, NULL);
      tandem_journey_selection_select (self->selection, hit->object);
      self->context_object = hit->object;
      add_item (first, _("_Next Step"), "canvas.connector-kind", "next");
      add_item (first, _("_Branch"), "canvas.connector-kind", "branch");
      add_item (first, _("_Loop Back"), "canvas.connector-kind", "loop");
      add_item (second, _("_Remove Connector"), "canvas.delete", NULL);
      break;

    case TANDEM_JOURNEY_HIT_REPLACEMENT:
      tandem_journey_selection_select_only (self->selection, NULL);
      tandem_journey_selection_select (self->selection, hit->object);
      add_item (first, _("_Remove “Replaced By” Link"), "canvas.delete", NULL);
      break;

    case TANDEM_JOURNEY_HIT_STAGE:
    case TANDEM_JOURNEY_HIT_STAGE_EDGE:
      self->context_object = hit->object;
      add_item (first, _("_Rename Stage"), "canvas.structure", "rename");
      add_item (first, _("Add Stage _Before"), "canvas.structure", "add-before");
      add_item (first, _("Add Stage _After"), "canvas.structure", "add-after");
      add_item (second, _("Move _Left"), "canvas.structure", "move-earlier");
      add_item (second, _("Move Righ_t"), "canvas.structure", "move-later");
      add_item (second, _("Re_move Stage"), "canvas.structure", "remove");
      break;

    case TANDEM_JOURNEY_HIT_LANE:
    case TANDEM_JOURNEY_HIT_LANE_EDGE:
      self->context_object = hit->object;
      add_item (first, _("_Rename Lane"), "canvas.structure", "rename");
      add_item (first, _("Add Lane _Above"), "canvas.structure", "add-before");
      add_item (first, _("Add Lane _Below"), "canvas.structure", "add-after");
      add_item (second, _("Move _Up"), "canvas.structure", "move-earlier");
      add_item (second, _("Move _Down"), "canvas.structure", "move-later");
      add_item (second, _("Re_move Lane"), "canvas.structure", "remove");
      break;

    case TANDEM_JOURNEY_HIT_CELL:
    case TANDEM_JOURNEY_HIT_MAP:
    case TANDEM_JOURNEY_HIT_NONE:
    default:
      {
        g_autoptr(GSimpleAction) add_here = g_simple_action_new ("add-here", NULL);
        TandemJourneySnap *snap = g_new0 (TandemJourneySnap, 1);
        double fx, fy;

        _tandem_journey_canvas_view_to_figure (self, vx, vy, &fx, &fy);
        if (hit->kind == TANDEM_JOURNEY_HIT_CELL &&
            tandem_journey_figure_snap (self->figure, fx, fy, NULL, snap))
          {
            g_object_set_data_full (G_OBJECT (add_here), "snap", snap, g_free);
            g_signal_connect (add_here, "activate", G_CALLBACK (on_add_here_cb), self);
            g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (add_here));
            add_item (first, _("_Add Step Here"), "here.add-here", NULL);
          }
        else
          {
            g_free (snap);
            add_item (first, _("_Add Step"), "canvas.add-step", NULL);
          }
        add_item (first, _("_Paste"), "canvas.paste", NULL);
        add_item (second, _("Select _All"), "canvas.select-all", NULL);
        add_item (second, _("_Fit to Window"), "canvas.zoom-fit", NULL);
      }
      break;
    }

  g_menu_append_section (menu, NULL, G_MENU_MODEL (first));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (second));

  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_insert_action_group (popover, "here", G_ACTION_GROUP (group));
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { vx, vy, 1, 1 });
  self->context_menu = popover;
  gtk_popover_popup (GTK_POPOVER (popover));
}

/* Setting up */

void
_tandem_journey_canvas_add_tools (TandemJourneyCanvas *self)
{
  GtkGesture *gesture;
  GtkEventController *controller;

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  g_signal_connect (gesture, "cancel", G_CALLBACK (on_drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_MIDDLE);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_pan_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_pan_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_pan_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_zoom_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_motion_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);
}
