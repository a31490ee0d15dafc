/* tandem-journey-canvas.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-journey-canvas"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tandem-journey-canvas-private.h"
#include "tandem-journey-clip.h"
#include "tandem-journey-edit.h"
#include "tandem-journey-measures.h"
#include "tandem-labels.h"
#include "tandem-link-chooser.h"
#include "tandem-journey-metrics.h"
#include "tandem-json.h"
#include "tandem-storage.h"
#include "tandem-untrusted-file.h"

/*
 * The journey canvas: the view of a journey's before map, after map or both, drawn by the
 * painter of src/render, with the selection and the tools that edit it.
 *
 * As in gaphas and sysprof's charts, the parts are kept apart: the model (the journey, through
 * a TandemJourneyFigure that lays it out), the view (this widget: zoom, scrolling, drawing),
 * the selection (TandemJourneySelection, shared with the list of steps and the side panel)
 * and the tools, which are event controllers (tandem-journey-tools.c). Every hit-test goes
 * through tandem_journey_figure_lookup(). The canvas redraws when the document says it
 * changed, not when a tool thinks it did.
 *
 * The keyboard does everything the pointer does, because facilitators capture a workshop
 * fastest by typing: Enter adds the next step and opens its title, typing replaces the
 * title of the focused step, Tab and the arrows move, Alt+arrows move the step, Delete
 * removes. The widget is a GtkScrollable, so GtkScrolledWindow gives it scrollbars and
 * kinetic scrolling; zoom is its own.
 */

#define ZOOM_STEP 1.25
#define ENSURE_MARGIN 32.0

struct _TandemJourneyCanvasClass
{
  GtkWidgetClass parent_class;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (TandemJourneyCanvas, tandem_journey_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

enum {
  PROP_0,
  PROP_JOURNEY,
  PROP_SHOW,
  PROP_ARRANGEMENT,
  PROP_ZOOM,
  PROP_OVERFLOWS,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  SHOW_MESSAGE,
  VIEWPORT_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void end_editing (TandemJourneyCanvas *self);
static TandemStep *add_step_with_text (TandemJourneyCanvas *self,
                                       const char          *initial_text);

/* Auxiliary methods */

static void
show_message (TandemJourneyCanvas *self,
              const char          *message,
              gboolean             offer_undo)
{
  g_signal_emit (self, signals[SHOW_MESSAGE], 0, message, offer_undo);
}

char *
_tandem_journey_canvas_new_merge_key (TandemJourneyCanvas *self,
                                      const char          *what)
{
  return g_strdup_printf ("canvas-%p-%s-%u", (gpointer)self, what, ++self->serial);
}

/* What is under a point, seen as the user sees it: where lane or stage titles are pinned to the
 * edge of the view, the point is on those titles, not on the cards beneath. */
gboolean
_tandem_journey_canvas_lookup (TandemJourneyCanvas *self,
                               double               fx,
                               double               fy,
                               TandemJourneyHit    *hit)
{
  cairo_rectangle_t viewport;

  tandem_journey_canvas_get_viewport (self, &viewport);

  for (guint side = 0; side < 2; side++)
    {
      TandemJourneyLayout *layout = tandem_journey_figure_get_layout (self->figure, side);
      cairo_rectangle_t bounds, grid;
      gboolean pin_lanes, pin_stages;
      double header_y;

      if (layout == NULL)
        continue;

      tandem_journey_layout_get_bounds (layout, &bounds);
      tandem_journey_layout_get_grid_rect (layout, &grid);
      tandem_journey_layout_get_pinned_headers (layout, &viewport, &pin_lanes, &pin_stages);
      header_y = grid.y - TANDEM_JOURNEY_STAGE_HEADER_HEIGHT;

      if (pin_lanes && fx >= viewport.x && fx < viewport.x + TANDEM_JOURNEY_LANE_HEADER_WIDTH &&
          fy >= grid.y && fy < bounds.y + bounds.height)
        fx = bounds.x + (fx - viewport.x);

      if (pin_stages && fy >= viewport.y && fy < viewport.y + TANDEM_JOURNEY_STAGE_HEADER_HEIGHT &&
          fx >= bounds.x && fx < bounds.x + bounds.width)
        fy = header_y + (fy - viewport.y);
    }

  return tandem_journey_figure_lookup (self->figure, fx, fy, _tandem_journey_canvas_tolerance (self),
                                       hit);
}

double
_tandem_journey_canvas_tolerance (TandemJourneyCanvas *self)
{
  /* Four pixels on screen, whatever the zoom. */
  return 4.0 / self->zoom;
}

static TandemJourneyMap *
map_of (gpointer object)
{
  if (TANDEM_IS_STEP (object))
    return tandem_journey_map_for_step (object);
  if (TANDEM_IS_CONNECTOR (object))
    return TANDEM_JOURNEY_MAP (tandem_object_get_parent (object));

  return NULL;
}

static gboolean
map_is_shown (TandemJourneyCanvas *self,
              TandemJourneyMap    *map)
{
  return map != NULL && tandem_journey_figure_get_layout_for_map (self->figure, map) != NULL;
}

static TandemStep *
get_focus_step (TandemJourneyCanvas *self)
{
  TandemObject *focus = tandem_journey_selection_get_focus (self->selection);

  if (TANDEM_IS_STEP (focus) && tandem_object_get_parent (focus) != NULL &&
      map_is_shown (self, map_of (focus)))
    return TANDEM_STEP (focus);

  return NULL;
}

static void
configure_adjustments (TandemJourneyCanvas *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double figure_width, figure_height, content_width, content_height;

  tandem_journey_figure_get_size (self->figure, &figure_width, &figure_height);
  content_width = figure_width * self->zoom;
  content_height = figure_height * self->zoom;

  /* A figure narrower than the view is centred; one shorter starts at the top. */
  self->offset_x = content_width < width ? floor ((width - content_width) / 2) : 0;
  self->offset_y = 0;

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              CLAMP (gtk_adjustment_get_value (self->hadjustment), 0,
                                     MAX (0, content_width - width)),
                              0, MAX (content_width, width), width * 0.1, width * 0.9, width);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (gtk_adjustment_get_value (self->vadjustment), 0,
                                     MAX (0, content_height - height)),
                              0, MAX (content_height, height), height * 0.1, height * 0.9, height);
}

static double
hvalue (TandemJourneyCanvas *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
vvalue (TandemJourneyCanvas *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

void
_tandem_journey_canvas_view_to_figure (TandemJourneyCanvas *self,
                                       double               vx,
                                       double               vy,
                                       double              *fx,
                                       double              *fy)
{
  *fx = (vx - self->offset_x + hvalue (self)) / self->zoom;
  *fy = (vy - self->offset_y + vvalue (self)) / self->zoom;
}

void
_tandem_journey_canvas_figure_to_view (TandemJourneyCanvas *self,
                                       double               fx,
                                       double               fy,
                                       double              *vx,
                                       double              *vy)
{
  *vx = fx * self->zoom - hvalue (self) + self->offset_x;
  *vy = fy * self->zoom - vvalue (self) + self->offset_y;
}

static void
ensure_visible (TandemJourneyCanvas     *self,
                const cairo_rectangle_t *rect)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  configure_adjustments (self);

  if (self->hadjustment != NULL && width > 0)
    {
      double value = gtk_adjustment_get_value (self->hadjustment);
      double left = rect->x * self->zoom - ENSURE_MARGIN;
      double right = (rect->x + rect->width) * self->zoom + ENSURE_MARGIN;

      if (right - value > width)
        value = right - width;
      if (left < value)
        value = left;
      gtk_adjustment_set_value (self->hadjustment, value);
    }

  if (self->vadjustment != NULL && height > 0)
    {
      double value = gtk_adjustment_get_value (self->vadjustment);
      double top = rect->y * self->zoom - ENSURE_MARGIN;
      double bottom = (rect->y + rect->height) * self->zoom + ENSURE_MARGIN;

      if (bottom - value > height)
        value = bottom - height;
      if (top < value)
        value = top;
      gtk_adjustment_set_value (self->vadjustment, value);
    }
}

static void
ensure_step_visible (TandemJourneyCanvas *self,
                     TandemStep          *step)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) / self->zoom;
  double height = gtk_widget_get_height (GTK_WIDGET (self)) / self->zoom;
  cairo_rectangle_t rect;

  if (step == NULL || !tandem_journey_figure_get_step_rect (self->figure, step, &rect))
    return;

  /* Clear of the lane and stage titles pinned to the edges of the view, too (see
   * tandem_journey_layout_get_pinned_headers()). */
  if (TANDEM_JOURNEY_LANE_HEADER_WIDTH <= width / 3)
    {
      rect.x -= TANDEM_JOURNEY_LANE_HEADER_WIDTH;
      rect.width += TANDEM_JOURNEY_LANE_HEADER_WIDTH;
    }
  if (TANDEM_JOURNEY_STAGE_HEADER_HEIGHT <= height / 4)
    {
      rect.y -= TANDEM_JOURNEY_STAGE_HEADER_HEIGHT;
      rect.height += TANDEM_JOURNEY_STAGE_HEADER_HEIGHT;
    }
  ensure_visible (self, &rect);
}

static void
update_palette (TandemJourneyCanvas *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA accent;

  tandem_journey_palette_init (&self->state.palette, adw_style_manager_get_dark (manager),
                               adw_style_manager_get_high_contrast (manager));

  /* Selection and focus in the desktop's accent colour, as everywhere else. */
  if (gtk_style_context_lookup_color (context, "accent_color", &accent))
    tandem_journey_palette_set_accent (&self->state.palette, accent.red, accent.green,
                                       accent.blue);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tandem_journey_canvas_describe_step:
 *
 * Returns: (transfer full): @step in words, for screen readers: where it is in the journey
 *   and everything the card shows
 */
char *
tandem_journey_canvas_describe_step (TandemJourneyCanvas *self,
                                     TandemStep          *step)
{
  TandemJourneyMap *map = tandem_journey_map_for_step (step);
  TandemJourneyLayout *layout = map ? tandem_journey_figure_get_layout_for_map (self->figure, map)
                                    : NULL;
  const TandemCardGeometry *card = layout ? tandem_journey_layout_find_card (layout, step) : NULL;
  TandemStage *stage = tandem_journey_find_stage (self->journey, tandem_step_get_stage (step));
  TandemLane *lane = tandem_journey_find_lane (self->journey, tandem_step_get_lane (step));
  GString *text = g_string_new (NULL);
  const char *title = tandem_step_get_title (step);
  guint n_quotes = tandem_list_get_n (tandem_step_get_quotes (step));
  gboolean before = map != NULL && tandem_journey_map_get_side (map) == TANDEM_MAP_SIDE_BEFORE;

  if (card != NULL)
    g_string_append_printf (text, before ? _("Step %u of %u on the before map: ")
                                         : _("Step %u of %u on the after map: "),
                            card->number, tandem_journey_layout_get_n_cards (layout));

  g_string_append_printf (text, "%s.", title[0] ? title : _("Untitled step"));
  if (stage != NULL)
    g_string_append_printf (text, " %s %s.", _("Stage:"), tandem_stage_get_title (stage));
  if (lane != NULL)
    g_string_append_printf (text, " %s %s.", _("Lane:"), tandem_lane_get_title (lane));
  if (tandem_step_get_role (step)[0] != '\0')
    g_string_append_printf (text, " %s %s.", _("Who:"), tandem_step_get_role (step));
  if (tandem_step_get_place (step)[0] != '\0')
    g_string_append_printf (text, " %s %s.", _("Where:"), tandem_step_get_place (step));
  if (tandem_step_get_wait_minutes (step) > 0)
    {
      g_autofree char *wait = tandem_format_minutes (tandem_step_get_wait_minutes (step));
      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("Waits %s before it."), wait);
    }
  if (tandem_step_get_duration_minutes (step) > 0)
    {
      g_autofree char *duration = tandem_format_minutes (tandem_step_get_duration_minutes (step));
      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("Takes %s."), duration);
    }
  if (tandem_step_get_feeling (step) != TANDEM_FEELING_UNKNOWN)
    g_string_append_printf (text, " %s %s.", _("Felt:"),
                            tandem_feeling_to_label (tandem_step_get_feeling (step)));
  if (tandem_step_get_touchpoint (step))
    g_string_append_printf (text, " %s.", _("Touchpoint"));
  if (tandem_step_get_pain_point (step))
    g_string_append_printf (text, " %s.", _("Pain point"));
  if (n_quotes > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u quote.", "%u quotes.",
                                                 n_quotes), n_quotes);
    }

  return g_string_free (text, FALSE);
}

static void
update_accessible (TandemJourneyCanvas *self)
{
  TandemStep *step = get_focus_step (self);
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  /* An announcement is about one step: once the focus moves on, it is old news. */
  if (self->announcement != NULL && step != self->announced_step)
    g_clear_pointer (&self->announcement, g_free);

  if (step != NULL)
    {
      const char *title = tandem_step_get_title (step);

      description = tandem_journey_canvas_describe_step (self, step);
      /* GTK 4.8 has no live regions: a screen reader speaks a change of the focused widget's
       * name, not of its description. So what just happened (a move, an undo) leads the
       * name, and the name says where the step is now, so that a move always changes it. */
      if (self->announcement != NULL)
        label = g_strdup_printf (_("%s Journey map, step: %s"), self->announcement,
                                 title[0] ? title : _("Untitled step"));
      else
        label = g_strdup_printf (_("Journey map, step: %s"), title[0] ? title : _("Untitled step"));
    }
  else
    {
      label = g_strdup (_("Journey map"));
      description = g_strdup (_("No step has the focus. Press Enter to add a step, or Tab to "
                                "go to the first one."));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static TandemJourneyMap *
current_map (TandemJourneyCanvas *self)
{
  TandemStep *step = get_focus_step (self);
  TandemJourneyShow show = tandem_journey_figure_get_show (self->figure);

  if (step != NULL)
    return tandem_journey_map_for_step (step);

  if (show == TANDEM_JOURNEY_SHOW_BEFORE)
    return tandem_journey_get_map (self->journey, TANDEM_MAP_SIDE_BEFORE);
  if (show == TANDEM_JOURNEY_SHOW_AFTER)
    return tandem_journey_get_map (self->journey, TANDEM_MAP_SIDE_AFTER);

  return tandem_journey_get_map (self->journey, self->current_side);
}

void
_tandem_journey_canvas_select_steps (TandemJourneyCanvas *self,
                                     GPtrArray           *steps,
                                     TandemStep          *focus)
{
  tandem_journey_selection_set_items (self->selection, steps);
  tandem_journey_selection_set_focus (self->selection, focus);
}

/* The cards of the layouts shown, in journey order: the before map's, then the after map's. */
static GPtrArray *
visible_cards (TandemJourneyCanvas *self)
{
  GPtrArray *cards = g_ptr_array_new ();

  for (guint side = 0; side < 2; side++)
    {
      TandemJourneyLayout *layout = tandem_journey_figure_get_layout (self->figure, side);

      if (layout == NULL)
        continue;

      for (guint k = 0; k < tandem_journey_layout_get_n_cards (layout); k++)
        g_ptr_array_add (cards, (gpointer)tandem_journey_layout_get_card (layout, k));
    }

  return cards;
}

static void
focus_step (TandemJourneyCanvas *self,
            TandemStep          *step,
            gboolean             extend)
{
  if (step == NULL)
    return;

  if (extend)
    {
      tandem_journey_selection_select (self->selection, step);
      tandem_journey_selection_set_focus (self->selection, step);
    }
  else
    {
      tandem_journey_selection_select_only (self->selection, step);
    }

  self->current_side = tandem_journey_map_get_side (tandem_journey_map_for_step (step));
  ensure_step_visible (self, step);
}

/* Editing a title in place */

static void
apply_editor_font (TandemJourneyCanvas *self)
{
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
  double size = TANDEM_IS_STEP (self->editing) ? TANDEM_JOURNEY_FONT_CARD_TITLE
                                                : TANDEM_JOURNEY_FONT_HEADER;

  pango_attr_list_insert (attributes, pango_attr_size_new_absolute (size * self->zoom * PANGO_SCALE));
  pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_SEMIBOLD));
  gtk_text_set_attributes (GTK_TEXT (self->editor), attributes);
}

static gboolean
editor_rect (TandemJourneyCanvas *self,
             cairo_rectangle_t   *rect)
{
  TandemJourneyLayout *layout;
  cairo_rectangle_t viewport;
  gboolean pin_lanes, pin_stages;
  double left, top;

  if (TANDEM_IS_STEP (self->editing))
    {
      cairo_rectangle_t card;

      if (!tandem_journey_figure_get_step_rect (self->figure, TANDEM_STEP (self->editing), &card))
        return FALSE;

      rect->x = card.x + TANDEM_JOURNEY_CARD_PAD;
      rect->y = card.y + TANDEM_JOURNEY_CARD_PAD - 5;
      rect->width = card.width - 2 * TANDEM_JOURNEY_CARD_PAD;
      rect->height = TANDEM_JOURNEY_FONT_CARD_TITLE * 2;
      return TRUE;
    }

  /* A stage or lane: its header on the first map shown. */
  tandem_journey_canvas_get_viewport (self, &viewport);
  for (guint side = 0; side < 2; side++)
    {
      layout = tandem_journey_figure_get_layout (self->figure, side);
      if (layout == NULL)
        continue;

      for (guint i = 0; TANDEM_IS_STAGE (self->editing) && i < tandem_journey_layout_get_n_stages (layout); i++)
        {
          const TandemStageGeometry *stage = tandem_journey_layout_get_stage (layout, i);
          cairo_rectangle_t grid;

          if (stage->stage != TANDEM_STAGE (self->editing))
            continue;

          /* Over the title as it is seen: pinned to the top of the view, and clear of lane
           * titles pinned to its left. */
          tandem_journey_layout_get_grid_rect (layout, &grid);
          tandem_journey_layout_get_pinned_headers (layout, &viewport, &pin_lanes, &pin_stages);
          left = MAX (stage->x, pin_lanes ? viewport.x + TANDEM_JOURNEY_LANE_HEADER_WIDTH : viewport.x);
          left = MIN (left, stage->x + stage->width - 120);
          left = MAX (left, stage->x);
          rect->x = left + 6;
          rect->y = (pin_stages ? viewport.y : grid.y - TANDEM_JOURNEY_STAGE_HEADER_HEIGHT) + 8;
          rect->width = stage->x + stage->width - left - 12;
          rect->height = TANDEM_JOURNEY_STAGE_HEADER_HEIGHT - 16;
          return TRUE;
        }

      for (guint i = 0; TANDEM_IS_LANE (self->editing) && i < tandem_journey_layout_get_n_lanes (layout); i++)
        {
          const TandemLaneGeometry *lane = tandem_journey_layout_get_lane (layout, i);
          cairo_rectangle_t bounds;

          if (lane->lane != TANDEM_LANE (self->editing))
            continue;

          tandem_journey_layout_get_bounds (layout, &bounds);
          tandem_journey_layout_get_pinned_headers (layout, &viewport, &pin_lanes, &pin_stages);
          top = MAX (lane->y, pin_stages ? viewport.y + TANDEM_JOURNEY_STAGE_HEADER_HEIGHT : viewport.y);
          top = MAX (MIN (top, lane->y + lane->height - TANDEM_JOURNEY_FONT_HEADER * 2.2 - 12), lane->y);
          rect->x = (pin_lanes ? viewport.x : bounds.x) + 6;
          rect->y = top + 6;
          rect->width = TANDEM_JOURNEY_LANE_HEADER_WIDTH - 12;
          rect->height = TANDEM_JOURNEY_FONT_HEADER * 2.2;
          return TRUE;
        }
    }

  return FALSE;
}

static void
start_editing (TandemJourneyCanvas *self,
               TandemObject        *object,
               const char          *initial_text,
               gboolean             is_new,
               const char          *merge_key)
{
  g_autofree char *title = NULL;
  cairo_rectangle_t rect;

  if (self->editing != NULL)
    end_editing (self);

  self->editing = g_object_ref (object);
  self->editing_new = is_new;
  g_free (self->editing_merge_key);
  self->editing_merge_key = g_strdup (merge_key);
  self->state.editing = TANDEM_IS_STEP (object) ? TANDEM_STEP (object) : NULL;

  if (editor_rect (self, &rect))
    ensure_visible (self, &rect);

  g_object_get (object, "title", &title, NULL);
  apply_editor_font (self);
  gtk_editable_set_text (GTK_EDITABLE (self->editor), initial_text ? initial_text : title);
  gtk_widget_set_visible (self->editor, TRUE);
  gtk_widget_grab_focus (self->editor);
  if (initial_text != NULL)
    gtk_editable_set_position (GTK_EDITABLE (self->editor), -1);
  else
    gtk_editable_select_region (GTK_EDITABLE (self->editor), 0, -1);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
end_editing (TandemJourneyCanvas *self)
{
  gboolean had_focus;

  if (self->editing == NULL)
    return;

  had_focus = gtk_widget_has_focus (self->editor);
  g_clear_object (&self->editing);
  g_clear_pointer (&self->editing_merge_key, g_free);
  self->editing_new = FALSE;
  self->state.editing = NULL;
  gtk_widget_set_visible (self->editor, FALSE);
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tandem_journey_canvas_commit_editing:
 *
 * Saves the title being edited in place, if any: as part of adding the step when it was
 * added for this edit, so that adding and naming a step is one undo step.
 */
void
tandem_journey_canvas_commit_editing (TandemJourneyCanvas *self)
{
  g_autoptr(TandemObject) object = NULL;
  g_autofree char *text = NULL;
  g_autofree char *old = NULL;
  g_autofree char *merge_key = NULL;
  gboolean is_new;

  g_return_if_fail (TANDEM_IS_JOURNEY_CANVAS (self));

  if (self->editing == NULL)
    return;

  object = g_object_ref (self->editing);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor))));
  merge_key = g_strdup (self->editing_merge_key);
  is_new = self->editing_new;
  end_editing (self);

  if (tandem_object_get_parent (object) == NULL)
    return;

  g_object_get (object, "title", &old, NULL);
  if (g_strcmp0 (old, text) == 0)
    return;

  if (is_new && merge_key != NULL)
    tandem_document_begin_merge (self->document,
                                 TANDEM_IS_STEP (object) ? _("Add Step")
                                 : TANDEM_IS_STAGE (object) ? _("Add Stage") : _("Add Lane"),
                                 merge_key);
  else
    tandem_document_begin (self->document,
                           TANDEM_IS_STEP (object) ? _("Edit Step Title")
                           : TANDEM_IS_STAGE (object) ? _("Rename Stage") : _("Rename Lane"));
  g_object_set (object, "title", text, NULL);
  tandem_document_commit (self->document);
}

static void
cancel_editing (TandemJourneyCanvas *self)
{
  g_autoptr(TandemObject) object = NULL;
  gboolean is_new = self->editing_new;

  if (self->editing == NULL)
    return;

  object = g_object_ref (self->editing);
  end_editing (self);

  /* Escape on a step added for this edit takes the step away again, and the focus goes back
   * to the step before it, where the capture left off. */
  if (is_new && tandem_object_get_parent (object) != NULL &&
      tandem_document_can_undo (self->document) && !tandem_document_in_transaction (self->document))
    {
      g_autoptr(TandemStep) previous = NULL;

      if (TANDEM_IS_STEP (object))
        {
          TandemJourneyMap *map = tandem_journey_map_for_step (TANDEM_STEP (object));
          g_autoptr(GPtrArray) ordered = map ? tandem_journey_map_steps_in_order (map) : NULL;
          guint index;

          if (ordered != NULL && g_ptr_array_find (ordered, object, &index) && ordered->len > 1)
            previous = g_object_ref (g_ptr_array_index (ordered, index > 0 ? index - 1 : 1));
        }

      tandem_document_undo (self->document);
      if (previous != NULL && tandem_object_get_parent (TANDEM_OBJECT (previous)) != NULL)
        focus_step (self, previous, FALSE);
    }
}

static void
on_editor_activate_cb (TandemJourneyCanvas *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor))));
  gboolean is_step = TANDEM_IS_STEP (self->editing);

  /* As in an outliner: Enter on a new step with nothing typed ends the capture... */
  if (is_step && self->editing_new && text[0] == '\0')
    {
      cancel_editing (self);
      return;
    }

  /* ...and otherwise saves the title and opens the next step at once, so that whatever is
   * typed next goes into the new step, never over the one before. The editor takes the focus
   * before this returns, so a key already on its way lands in it. */
  tandem_journey_canvas_commit_editing (self);
  if (is_step)
    add_step_with_text (self, "");
}

static gboolean
on_editor_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          TandemJourneyCanvas   *self)
{
  if (keyval == GDK_KEY_Escape)
    {
      cancel_editing (self);
      return TRUE;
    }

  /* Tab saves the title and goes on to the next step, as in a table. */
  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_ISO_Left_Tab)
    {
      TandemStep *step = TANDEM_IS_STEP (self->editing) ? TANDEM_STEP (self->editing) : NULL;

      tandem_journey_canvas_commit_editing (self);
      if (step != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self),
                                    keyval == GDK_KEY_Tab ? "canvas.focus-next"
                                                          : "canvas.focus-previous", NULL);
      return TRUE;
    }

  return FALSE;
}

static void
on_editor_focus_leave_cb (TandemJourneyCanvas *self)
{
  /* Clicking elsewhere keeps what was typed. */
  if (self->editing != NULL)
    tandem_journey_canvas_commit_editing (self);
}

/* Adding steps */

TandemStep *
_tandem_journey_canvas_add_step_at (TandemJourneyCanvas     *self,
                                    const TandemJourneySnap *snap)
{
  g_autofree char *key = _tandem_journey_canvas_new_merge_key (self, "add-step");
  TandemStep *step;

  tandem_journey_canvas_commit_editing (self);

  tandem_document_begin_merge (self->document, _("Add Step"), key);
  step = tandem_journey_map_add_step (snap->map,
                                      tandem_object_get_id (TANDEM_OBJECT (snap->stage)),
                                      tandem_object_get_id (TANDEM_OBJECT (snap->lane)),
                                      tandem_journey_map_order_at (snap->map,
                                                                   tandem_object_get_id (TANDEM_OBJECT (snap->stage)),
                                                                   snap->index, NULL));
  tandem_document_commit (self->document);

  focus_step (self, step, FALSE);
  start_editing (self, TANDEM_OBJECT (step), "", TRUE, key);

  return step;
}

static TandemStep *
add_step_with_text (TandemJourneyCanvas *self,
                    const char          *initial_text)
{
  g_autofree char *key = NULL;
  TandemJourneyMap *map;
  TandemStep *after, *step;

  tandem_journey_canvas_commit_editing (self);

  map = current_map (self);
  if (map == NULL)
    return NULL;

  after = get_focus_step (self);
  if (after != NULL && tandem_journey_map_for_step (after) != map)
    after = NULL;

  if (tandem_list_get_n (tandem_journey_get_stages (self->journey)) == 0 ||
      tandem_list_get_n (tandem_journey_get_lanes (self->journey)) == 0)
    {
      show_message (self, _("Add a stage and a lane first: a step goes in a stage, in a lane."),
                    FALSE);
      return NULL;
    }

  key = _tandem_journey_canvas_new_merge_key (self, "add-step");
  tandem_document_begin_merge (self->document, _("Add Step"), key);
  step = tandem_journey_map_add_step_after (map, after);
  tandem_document_commit (self->document);

  focus_step (self, step, FALSE);
  start_editing (self, TANDEM_OBJECT (step), initial_text, TRUE, key);

  return step;
}

/* Actions */

static void
add_step_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  add_step_with_text (TANDEM_JOURNEY_CANVAS (widget), "");
}

static void
edit_title_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TandemJourneyCanvas *self = TANDEM_JOURNEY_CANVAS (widget);
  TandemStep *step = get_focus_step (self);

  if (self->editing != NULL)
    return;

  if (self->context_object != NULL && (TANDEM_IS_STAGE (self->context_object) ||
                                       TANDEM_IS_LANE (self->context_object)))
    start_editing (self, self->context_object, NULL, FALSE, NULL);
  else if (step != NULL)
    start_editing (self, TANDEM_OBJECT (step), NULL, FALSE, NULL);
}

static GPtrArray *
selected_of_kind (TandemJourneyCanvas *self,
                  GType                type)
{
  g_autoptr(GPtrArray) items = tandem_journey_selection_get_items (self->selection);
  GPtrArray *result = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    {
      TandemObject *object = g_ptr_array_index (items, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (object, type) && tandem_object_get_parent (object) != NULL)
        g_ptr_array_add (result, object);
    }

  return result;
}

/* The step to focus once @removed are gone: the next one in the journey, or the one before. */
static TandemStep *
step_after_removal (TandemJourneyCanvas *self,
                    GPtrArray           *removed)
{
  TandemStep *focus = get_focus_step (self);
  TandemJourneyMap *map = focus ? tandem_journey_map_for_step (focus) : NULL;
  g_autoptr(GPtrArray) ordered = NULL;
  guint index;

  if (map == NULL)
    return NULL;

  ordered = tandem_journey_map_steps_in_order (map);
  if (!g_ptr_array_find (ordered, focus, &index))
    return NULL;

  for (guint i = index + 1; i < ordered->len; i++)
    if (!g_ptr_array_find (removed, g_ptr_array_index (ordered, i), NULL))
      return g_ptr_array_index (ordered, i);

  for (guint i = index; i > 0; i--)
    if (!g_ptr_array_find (removed, g_ptr_array_index (ordered, i - 1), NULL))
      return g_ptr_array_index (ordered, i - 1);

  return NULL;
}

static void
remove_selection (TandemJourneyCanvas *self,
                  const char          *label)
{
  g_autoptr(GPtrArray) steps = selected_of_kind (self, TANDEM_TYPE_STEP);
  g_autoptr(GPtrArray) connectors = selected_of_kind (self, TANDEM_TYPE_CONNECTOR);
  g_autoptr(GPtrArray) replacements = selected_of_kind (self, TANDEM_TYPE_REPLACEMENT);
  TandemStep *next;
  g_autofree char *message = NULL;

  if (steps->len + connectors->len + replacements->len == 0)
    return;

  next = step_after_removal (self, steps);
  /* Removing says what went, and offers it back; cutting does not, the steps are on the
   * clipboard. Worded now, while the steps are still there. */
  if (label == NULL)
    {
      if (steps->len == 1)
        {
          const char *title = tandem_step_get_title (g_ptr_array_index (steps, 0));

          message = title[0] ? g_strdup_printf (_("Removed the step “%s”"), title)
                             : g_strdup (_("Removed an untitled step"));
        }
      else if (steps->len > 1)
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Removed %u step",
                                                "Removed %u steps", steps->len), steps->len);
      else if (connectors->len > 0)
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Removed %u connector",
                                                "Removed %u connectors", connectors->len),
                                   connectors->len);
      else
        message = g_strdup (_("Removed the “replaced by” link"));

      /* Themes and evidence that link to the steps lose those links in the same undo step. */
      if (steps->len > 0)
        {
          g_autofree char *links = tandem_link_describe_removal (self->document, steps);
          g_autofree char *step_message = g_steal_pointer (&message);

          message = links != NULL ? g_strconcat (step_message, ". ", links, NULL)
                                  : g_steal_pointer (&step_message);
        }
    }

  if (label == NULL)
    label = steps->len > 1 ? _("Remove Steps")
            : steps->len == 1 ? _("Remove Step")
            : connectors->len > 0 ? _("Remove Connector") : _("Remove Link");

  tandem_document_begin (self->document, label);
  for (guint i = 0; i < connectors->len; i++)
    {
      TandemConnector *connector = g_ptr_array_index (connectors, i);
      TandemObject *map = tandem_object_get_parent (TANDEM_OBJECT (connector));

      if (map != NULL)
        tandem_list_remove_object (tandem_journey_map_get_connectors (TANDEM_JOURNEY_MAP (map)),
                                   connector);
    }
  for (guint i = 0; i < replacements->len; i++)
    tandem_list_remove_object (tandem_journey_get_replacements (self->journey),
                               g_ptr_array_index (replacements, i));
  for (guint side = 0; side < 2; side++)
    {
      TandemJourneyMap *map = tandem_journey_get_map (self->journey, side);
      g_autoptr(GPtrArray) on_map = g_ptr_array_new ();

      for (guint i = 0; map != NULL && i < steps->len; i++)
        if (tandem_journey_map_for_step (g_ptr_array_index (steps, i)) == map)
          g_ptr_array_add (on_map, g_ptr_array_index (steps, i));

      if (on_map->len > 0)
        tandem_journey_map_remove_steps (map, on_map);
    }
  tandem_document_commit (self->document);

  tandem_journey_selection_prune (self->selection);
  if (next != NULL)
    focus_step (self, next, FALSE);

  /* Said once the focus has moved, so that it is the last thing a screen reader hears. */
  if (message != NULL)
    show_message (self, message, TRUE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemJourneyCanvas *self = TANDEM_JOURNEY_CANVAS (widget);

  if (self->editing != NULL)
    return;

  remove_selection (self, NULL);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TandemJourneyCanvas *self = TANDEM_JOURNEY_CANVAS (widget);
  g_autoptr(GPtrArray) cards = visible_cards (self);
  g_autoptr(GPtrArray) steps = g_ptr_array_new ();
  TandemJourneyMap *map = current_map (self);

  if (self->editing != NULL)
    return;

  /* All the steps of the map being worked on; with both maps shown, of that map. */
  for (guint i = 0; i < cards->len; i++)
    {
      TandemStep *step = ((TandemCardGeometry *)g_ptr_array_index (cards, i))->step;

      if (tandem_journey_map_for_step (step) == map)
        g_ptr_array_add (steps, step);
    }

  tandem_journey_selection_set_items (self->selection, steps);
  if (get_focus_step (self) == NULL && steps->len > 0)
    tandem_journey_selection_set_focus (self->selection, g_ptr_array_index (steps, 0));
}

/* The selected steps of one map, the focused step's map first: what copy takes. */
static GPtrArray *
steps_to_copy (TandemJourneyCanvas *self)
{
  g_autoptr(GPtrArray) steps = selected_of_kind (self, TANDEM_TYPE_STEP);
  GPtrArray *result = g_ptr_array_new ();
  TandemStep *focus = get_focus_step (self);
  TandemJourneyMap *map;

  if (steps->len == 0)
    return result;

  map = focus && tandem_journey_selection_contains (self->selection, focus)
        ? tandem_journey_map_for_step (focus)
        : tandem_journey_map_for_step (g_ptr_array_index (steps, 0));

  for (guint i = 0; i < steps->len; i++)
    if (tandem_journey_map_for_step (g_ptr_array_index (steps, i)) == map)
      g_ptr_array_add (result, g_ptr_array_index (steps, i));

  return result;
}

static gboolean
copy_selection (TandemJourneyCanvas *self)
{
  g_autoptr(GPtrArray) steps = steps_to_copy (self);
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) provider = NULL;
  g_autoptr(GBytes) json_bytes = NULL;
  g_autoptr(GBytes) text_bytes = NULL;
  char *json, *text;
  gsize length;

  if (steps->len == 0)
    return FALSE;

  json = tandem_journey_clip_copy (steps, &length);
  text = tandem_journey_clip_copy_text (steps);
  json_bytes = g_bytes_new_take (json, length);
  text_bytes = g_bytes_new_take (text, strlen (text));

  providers[0] = gdk_content_provider_new_for_bytes (TANDEM_JOURNEY_CLIP_MIME_TYPE, json_bytes);
  providers[1] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", text_bytes);
  provider = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);

  return TRUE;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemJourneyCanvas *self = TANDEM_JOURNEY_CANVAS (widget);

  if (self->editing == NULL)
    copy_selection (self);
}

static void
cut_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TandemJourneyCanvas *self = TANDEM_JOURNEY_CANVAS (widget);

  if (self->editing == NULL && copy_selection (self))
    {
      g_autoptr(GPtrArray) steps = steps_to_copy (self);

      tandem_journey_selection_set_items (self->selection, steps);
      remove_selection (self, _("Cut"));
    }
}

/**
 * tandem_journey_canvas_paste_data:
 * @mime_type: Tandem's clipboard format or text/plain
 *
 * Pastes steps into the map being worked on, after the focused step, as one undo step. What
 * cannot be pasted is said in a message and changes nothing.
 */
void
tandem_journey_canvas_paste_data (TandemJourneyCanvas *self,
                                  const char          *mime_type,
                                  const char          *data,
                                  gsize                length)
{
  g_autoptr(GPtrArray) pasted = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  TandemJourneyMap *map = current_map (self);
  TandemStep *after = get_focus_step (self);
  gboolean ok;

  g_return_if_fail (TANDEM_IS_JOURNEY_CANVAS (self));

  if (map == NULL)
    return;
  if (after != NULL && tandem_journey_map_for_step (after) != map)
    after = NULL;

  tandem_document_begin (self->document, _("Paste"));
  if (g_strcmp0 (mime_type, TANDEM_JOURNEY_CLIP_MIME_TYPE) == 0)
    ok = tandem_journey_clip_paste (map, data, length, after, pasted, &error);
  else
    {
      g_autofree char *text = g_strndup (data, length);
      ok = tandem_journey_clip_paste_text (map, text, after, pasted, &error);
    }

  if (!ok)
    {
      tandem_document_rollback (self->document);
      show_message (self, error->message, FALSE);
      return;
    }
  tandem_document_commit (self->document);

  _tandem_journey_canvas_select_steps (self, pasted,
                                       pasted->len > 0 ? g_ptr_array_index (pasted, 0) : NULL);
  if (pasted->len > 0)
    ensure_step_visible (self, g_ptr_array_index (pasted, pasted->len - 1));
}

typedef struct
{
  TandemJourneyCanvas *self;
  char                *mime_type;
} PasteData;

static void
paste_data_free (PasteData *paste)
{
  g_clear_object (&paste->self);
  g_free (paste->mime_type);
  g_free (paste);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PasteData, paste_data_free)

static void
on_paste_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PasteData) paste = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize length;

  bytes = tandem_untrusted_stream_read_finish (result, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_TOO_LARGE))
        show_message (paste->self, _("The clipboard holds more than Tandem can paste at once."),
                      FALSE);
      else
        show_message (paste->self, _("Could not read the clipboard."), FALSE);
      return;
    }

  data = g_bytes_get_data (bytes, &length);
  if (paste->self->document != NULL)
    tandem_journey_canvas_paste_data (paste->self, paste->mime_type, data, length);
}

static void
on_clipboard_read_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(TandemJourneyCanvas) self = user_data;
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GError) error = NULL;
  const char *mime_type = NULL;
  PasteData *paste;

  input = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, &mime_type, &error);
  if (input == NULL)
    {
      show_message (self, _("The clipboard holds nothing Tandem can paste."), FALSE);
      return;
    }

  /* Another program offers the clipboard, and may offer it without end: read it to the
   * most that a paste can be, no further. */
  paste = g_new0 (PasteData, 1);
  paste->self = g_steal_pointer (&self);
  paste->mime_type = g_strdup (mime_type);
  tandem_untrusted_stream_read_async (input, TANDEM_JSON_MAX_SIZE, NULL, on_paste_read_cb, paste);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TandemJourneyCanvas *self = TANDEM_JOURNEY_CANVAS (widget);
  static const char *mime_types[] = { TANDEM_JOURNEY_CLIP_MIME_TYPE, "text/plain;charset=utf-8",
                                      "text/plain", NULL };

  if (self->editing != NULL)
    return;

  gdk_clipboard_read_async (gtk_widget_get_clipboard (widget), mime_types, G_PRIORITY_DEFAULT,
                            NULL, on_clipboard_read_cb, g_object_ref (self));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemJourneyCanvas *self = TANDEM_JOURNEY_CANVAS (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double cx = width / 2.0;
  double cy = height / 2.0;
  TandemStep *step = get_focus_step (self);
  gboolean about_step = FALSE;
  cairo_rectangle_t rect;

  /* From the keyboard or the toolbar, zoom about the step being worked on while it is in
   * view, so that it stays in view; otherwise about the middle of the view. */
  if (step != NULL && tandem_journey_figure_get_step_rect (self->figure, step, &rect))
    {
      double vx, vy;

      _tandem_journey_canvas_figure_to_view (self, rect.x + rect.width / 2,
                                             rect.y + rect.height / 2, &vx, &vy);
      if (vx >= 0 && vx <= width && vy >= 0 && vy <= height)
        {
          cx = vx;
          cy = vy;
          about_step = TRUE;
        }
    }

  if (g_str_equal (action_name, "canvas.zoom-in"))
    _tandem_journey_canvas_zoom_at (self, self->zoom * ZOOM_STEP, cx, cy);
  else if (g_str_equal (action_name, "canvas.zoom-out"))
    _tandem_journey_canvas_zoom_at (self, self->zoom / ZOOM_STEP, cx, cy);
  else if (g_str_equal (action_name, "canvas.zoom-reset"))
    _tandem_journey_canvas_zoom_at (self, 1.0, cx, cy);
  else
    tandem_journey_canvas_zoom_to_fit (self);

  if (about_step)
    ensure_step_visible (self, step);
}

static void
connect_next_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TandemJourneyCanvas *self = TANDEM_JOURNEY_CANVAS (widget);
  TandemStep *step = get_focus_step (self);
  g_autoptr(GPtrArray) ordered = NULL;
  TandemJourneyMap *map;
  guint index;

  if (self->editing != NULL || step == NULL)
    return;

  map = tandem_journey_map_for_step (step);
  ordered = tandem_journey_map_steps_in_order (map);
  if (!g_ptr_array_find (ordered, step, &index) || index + 1 >= ordered->len)
    {
      show_message (self, _("This is the last step; there is no next step to connect it to."),
                    FALSE);
      return;
    }

  if (tandem_journey_map_find_connector (map, step, g_ptr_array_index (ordered, index + 1)))
    return;

  tandem_document_begin (self->document, _("Connect Steps"));
  tandem_journey_map_connect (map, step, g_ptr_array_index (ordered, index + 1),
                              TANDEM_CONNECTOR_KIND_NEXT);
  tandem_document_commit (self->document);
}


static void
move_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TandemJourneyCanvas *self = TANDEM_JOURNEY_CANVAS (widget);
  const char *direction = g_variant_get_string (parameter, NULL);
  TandemStep *step = get_focus_step (self);
  g_autofree char *key = NULL;
  g_autofree char *label = NULL;
  TandemStepMove move;
  gboolean moved;

  if (self->editing != NULL || step == NULL)
    return;

  if (g_str_equal (direction, "earlier"))
    move = TANDEM_STEP_MOVE_EARLIER;
  else if (g_str_equal (direction, "later"))
    move = TANDEM_STEP_MOVE_LATER;
  else if (g_str_equal (direction, "up"))
    move = TANDEM_STEP_MOVE_UP;
  else
    move = TANDEM_STEP_MOVE_DOWN;

  /* Moving the same step again and again is one undo step. */
  key = g_strdup_printf ("move-step-%s", tandem_object_get_id (TANDEM_OBJECT (step)));
  /* Named, so that Undo can say what it takes back. */
  label = tandem_step_get_title (step)[0] != '\0'
          ? g_strdup_printf (_("Move Step “%s”"), tandem_step_get_title (step))
          : g_strdup (_("Move Step"));
  tandem_document_begin_merge (self->document, label, key);
  moved = tandem_journey_map_move_step (tandem_journey_map_for_step (step), step, move);
  tandem_document_commit (self->document);

  if (moved)
    {
      g_autofree char *where = tandem_journey_canvas_describe_step (self, step);
      g_autofree char *message = g_strdup_printf (_("Moved. %s"), where);

      ensure_step_visible (self, step);
      tandem_journey_canvas_announce (self, message);
    }
  else
    gtk_widget_error_bell (widget);
}

static void
focus_move_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TandemJourneyCanvas *self = TANDEM_JOURNEY_CANVAS (widget);
  g_autoptr(GPtrArray) cards = visible_cards (self);
  TandemStep *focus = get_focus_step (self);
  gboolean forward = g_str_equal (action_name, "canvas.focus-next");
  guint index;

  if (cards->len == 0)
    return;

  for (index = 0; index < cards->len; index++)
    if (((TandemCardGeometry *)g_ptr_array_index (cards, index))->step == focus)
      break;

  if (index == cards->len)
    index = forward ? 0 : cards->len - 1;
  else if (forward && index + 1 < cards->len)
    index++;
  else if (!forward && index > 0)
    index--;

  focus_step (self, ((TandemCardGeometry *)g_ptr_array_index (cards, index))->step, FALSE);
}

static void
connector_kind_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TandemJourneyCanvas *self = TANDEM_JOURNEY_CANVAS (widget);
  const char *kind = g_variant_get_string (parameter, NULL);
  TandemConnector *connector;

  if (!TANDEM_IS_CONNECTOR (self->context_object))
    return;

  connector = TANDEM_CONNECTOR (self->context_object);
  tandem_document_begin (self->document, _("Change Connector"));
  tandem_connector_set_kind (connector, g_str_equal (kind, "branch") ? TANDEM_CONNECTOR_KIND_BRANCH
                                        : g_str_equal (kind, "loop") ? TANDEM_CONNECTOR_KIND_LOOP
                                        : TANDEM_CONNECTOR_KIND_NEXT);
  tandem_document_commit (self->document);
}

static void
structure_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TandemJourneyCanvas *self = TANDEM_JOURNEY_CANVAS (widget);
  const char *what = g_variant_get_string (parameter, NULL);
  TandemObject *object = self->context_object;
  gboolean is_stage = TANDEM_IS_STAGE (object);
  TandemList *list;
  int index;

  if (object == NULL || (!is_stage && !TANDEM_IS_LANE (object)) ||
      tandem_object_get_parent (object) == NULL)
    return;

  list = is_stage ? tandem_journey_get_stages (self->journey) : tandem_journey_get_lanes (self->journey);
  index = tandem_list_index_of (list, object);

  if (g_str_equal (what, "rename"))
    {
      start_editing (self, object, NULL, FALSE, NULL);
    }
  else if (g_str_equal (what, "add-before") || g_str_equal (what, "add-after"))
    {
      g_autofree char *key = _tandem_journey_canvas_new_merge_key (self, "add-structure");
      guint position = index + (g_str_equal (what, "add-after") ? 1 : 0);
      TandemObject *added;

      tandem_document_begin_merge (self->document, is_stage ? _("Add Stage") : _("Add Lane"), key);
      added = is_stage ? TANDEM_OBJECT (tandem_journey_add_stage (self->journey, position, _("New stage")))
                       : TANDEM_OBJECT (tandem_journey_add_lane (self->journey, position, _("New lane")));
      tandem_document_commit (self->document);
      start_editing (self, added, NULL, TRUE, key);
    }
  else if (g_str_equal (what, "move-earlier") || g_str_equal (what, "move-later"))
    {
      int to = index + (g_str_equal (what, "move-later") ? 1 : -1);

      if (to < 0 || to >= (int)tandem_list_get_n (list))
        return;

      tandem_document_begin (self->document, is_stage ? _("Move Stage") : _("Move Lane"));
      tandem_list_move (list, index, to);
      tandem_document_commit (self->document);
    }
  else if (g_str_equal (what, "remove"))
    {
      guint n = tandem_journey_count_steps_in (self->journey, object);
      g_autofree char *title = NULL;
      g_autofree char *message = NULL;

      g_object_get (object, "title", &title, NULL);
      tandem_document_begin (self->document, is_stage ? _("Remove Stage") : _("Remove Lane"));
      if (is_stage)
        tandem_journey_remove_stage (self->journey, TANDEM_STAGE (object));
      else
        tandem_journey_remove_lane (self->journey, TANDEM_LANE (object));
      tandem_document_commit (self->document);

      if (n > 0 && is_stage)
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Removed the stage “%s” and its %u step",
                                                "Removed the stage “%s” and its %u steps", n),
                                   title, n);
      else if (n > 0)
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Removed the lane “%s” and its %u step",
                                                "Removed the lane “%s” and its %u steps", n),
                                   title, n);
      else
        message = g_strdup_printf (is_stage ? _("Removed the stage “%s”")
                                            : _("Removed the lane “%s”"), title);
      show_message (self, message, TRUE);
    }
}

static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TandemJourneyCanvas *self = TANDEM_JOURNEY_CANVAS (widget);
  TandemStep *step = get_focus_step (self);
  TandemJourneyHit hit = { TANDEM_JOURNEY_HIT_NONE };
  double vx = gtk_widget_get_width (widget) / 2.0, vy = gtk_widget_get_height (widget) / 2.0;
  cairo_rectangle_t rect;

  if (self->editing != NULL)
    return;

  if (step != NULL && tandem_journey_figure_get_step_rect (self->figure, step, &rect))
    {
      hit.kind = TANDEM_JOURNEY_HIT_STEP;
      hit.object = TANDEM_OBJECT (step);
      hit.map = tandem_journey_map_for_step (step);
      _tandem_journey_canvas_figure_to_view (self, rect.x + rect.width / 2, rect.y + rect.height,
                                             &vx, &vy);
    }

  _tandem_journey_canvas_popup_menu (self, &hit, vx, vy);
}

/* Keyboard */

static void
set_selected_feeling (TandemJourneyCanvas *self,
                      TandemFeeling        feeling)
{
  g_autoptr(GPtrArray) steps = selected_of_kind (self, TANDEM_TYPE_STEP);
  g_autofree char *key = NULL;

  if (steps->len == 0)
    return;

  /* Pressing 1 to 5 while trying out feelings is one undo step, as typing is. */
  key = g_strdup_printf ("feeling-keys:%s",
                         tandem_object_get_id (TANDEM_OBJECT (g_ptr_array_index (steps, 0))));
  tandem_document_begin_merge (self->document, _("Change How It Felt"), key);
  for (guint i = 0; i < steps->len; i++)
    tandem_step_set_feeling (g_ptr_array_index (steps, i), feeling);
  tandem_document_commit (self->document);
}

/* On for all the selected steps, or off for all if they all have it already. */
static void
toggle_selected_flag (TandemJourneyCanvas *self,
                      const char          *property)
{
  g_autoptr(GPtrArray) steps = selected_of_kind (self, TANDEM_TYPE_STEP);
  gboolean all = TRUE;

  if (steps->len == 0)
    return;

  for (guint i = 0; i < steps->len; i++)
    {
      gboolean value;

      g_object_get (g_ptr_array_index (steps, i), property, &value, NULL);
      all = all && value;
    }

  tandem_document_begin (self->document, g_str_equal (property, "pain-point")
                                         ? _("Change Pain Point") : _("Change Touchpoint"));
  for (guint i = 0; i < steps->len; i++)
    g_object_set (g_ptr_array_index (steps, i), property, !all, NULL);
  tandem_document_commit (self->document);
}

static TandemStep *
nearest_in_direction (TandemJourneyCanvas *self,
                      TandemStep          *from,
                      guint                keyval)
{
  g_autoptr(GPtrArray) cards = visible_cards (self);
  cairo_rectangle_t rect;
  TandemStep *best = NULL;
  double best_score = G_MAXDOUBLE, cx, cy;

  if (!tandem_journey_figure_get_step_rect (self->figure, from, &rect))
    return NULL;

  cx = rect.x + rect.width / 2;
  cy = rect.y + rect.height / 2;

  for (guint i = 0; i < cards->len; i++)
    {
      const TandemCardGeometry *card = g_ptr_array_index (cards, i);
      double dx = card->rect.x + card->rect.width / 2 - cx;
      double dy = card->rect.y + card->rect.height / 2 - cy;
      double along, across, score;

      switch (keyval)
        {
        case GDK_KEY_Left:
        case GDK_KEY_KP_Left:
          along = -dx, across = fabs (dy);
          break;
        case GDK_KEY_Right:
        case GDK_KEY_KP_Right:
          along = dx, across = fabs (dy);
          break;
        case GDK_KEY_Up:
        case GDK_KEY_KP_Up:
          along = -dy, across = fabs (dx);
          break;
        case GDK_KEY_Down:
        case GDK_KEY_KP_Down:
        default:
          along = dy, across = fabs (dx);
          break;
        }

      if (along < 1)
        continue;

      /* Straight ahead counts more than sideways: stay in the lane, or in the column. */
      score = along + 3 * across;
      if (score < best_score)
        {
          best_score = score;
          best = card->step;
        }
    }

  return best;
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   TandemJourneyCanvas   *self)
{
  GdkModifierType modifiers = state & gtk_accelerator_get_default_mod_mask ();
  TandemStep *focus = get_focus_step (self);
  gunichar character;

  if (self->editing != NULL)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
    case GDK_KEY_KP_Tab:
      if (modifiers & GDK_CONTROL_MASK)
        return FALSE;  /* Ctrl+Tab leaves the canvas, as from a text view */
      gtk_widget_activate_action (GTK_WIDGET (self),
                                  (modifiers & GDK_SHIFT_MASK) || keyval == GDK_KEY_ISO_Left_Tab
                                  ? "canvas.focus-previous" : "canvas.focus-next", NULL);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_Right:
    case GDK_KEY_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Up:
    case GDK_KEY_KP_Down:
      if (modifiers & ~GDK_SHIFT_MASK)
        return FALSE;
      if (focus == NULL)
        {
          gtk_widget_activate_action (GTK_WIDGET (self), "canvas.focus-next", NULL);
          return TRUE;
        }
      {
        TandemStep *next = nearest_in_direction (self, focus, keyval);

        if (next != NULL)
          focus_step (self, next, (modifiers & GDK_SHIFT_MASK) != 0);
        else
          gtk_widget_error_bell (GTK_WIDGET (self));
      }
      return TRUE;

    case GDK_KEY_Home:
    case GDK_KEY_End:
      {
        g_autoptr(GPtrArray) cards = visible_cards (self);
        TandemJourneyMap *map = current_map (self);
        TandemStep *target = NULL;

        for (guint i = 0; i < cards->len; i++)
          {
            TandemStep *step = ((TandemCardGeometry *)g_ptr_array_index (cards, i))->step;

            if (tandem_journey_map_for_step (step) != map)
              continue;
            if (keyval == GDK_KEY_End || target == NULL)
              target = step;
          }
        focus_step (self, target, FALSE);
      }
      return TRUE;

    case GDK_KEY_Escape:
      if (self->tool != TANDEM_TOOL_NONE)
        return FALSE;
      /* Nothing selected: the panel shows the journey, and Enter adds at the end. */
      tandem_journey_selection_select_only (self->selection, NULL);
      return TRUE;

    case GDK_KEY_space:
      if (modifiers != 0)
        return FALSE;
      /* Space held down turns the pointer into a hand that pans. */
      self->space_held = TRUE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
      return TRUE;

    default:
      break;
    }

  character = gdk_keyval_to_unicode (keyval);
  if (character == 0 || !g_unichar_isprint (character) ||
      (modifiers & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  /* With nothing selected, typing starts a new step. */
  if (focus == NULL)
    {
      char text[7] = { 0 };

      g_unichar_to_utf8 (character, text);
      add_step_with_text (self, text);
      return TRUE;
    }

  /* With a step selected, single keys mark it: 1 to 5 how it felt, P a pain point, T a
   * touchpoint. Other letters never type over its title (F2 edits it, Enter adds a step). */
  if (character >= '1' && character <= '5')
    {
      set_selected_feeling (self, TANDEM_FEELING_VERY_BAD + (character - '1'));
      return TRUE;
    }
  if (g_unichar_tolower (character) == 'p' || g_unichar_tolower (character) == 't')
    {
      toggle_selected_flag (self, g_unichar_tolower (character) == 'p' ? "pain-point" : "touchpoint");
      return TRUE;
    }

  /* Once for a burst of typing, not a message a letter. */
  gtk_widget_error_bell (GTK_WIDGET (self));
  if (g_get_monotonic_time () - self->title_hint_time > 5 * G_USEC_PER_SEC)
    {
      self->title_hint_time = g_get_monotonic_time ();
      show_message (self, _("To change the title of the selected step press F2; to add a step "
                            "after it press Enter."), FALSE);
    }
  return TRUE;

  return FALSE;
}

static void
on_key_released_cb (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    TandemJourneyCanvas   *self)
{
  if (keyval == GDK_KEY_space && self->space_held)
    {
      self->space_held = FALSE;
      gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
    }
}

static void
on_focus_changed_cb (TandemJourneyCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Callbacks */

static void
on_document_changed_cb (TandemJourneyCanvas *self,
                        TandemDocument      *document)
{
  tandem_journey_figure_invalidate (self->figure);
  tandem_journey_selection_prune (self->selection);

  /* An undo can take away the step whose title is being edited. */
  if (self->editing != NULL && tandem_object_get_parent (self->editing) == NULL)
    end_editing (self);

  update_accessible (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_selection_changed_cb (TandemJourneyCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_selection_focus_cb (TandemJourneyCanvas *self)
{
  TandemStep *step = get_focus_step (self);

  if (step != NULL)
    self->current_side = tandem_journey_map_get_side (tandem_journey_map_for_step (step));

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_adjustment_value_changed_cb (TandemJourneyCanvas *self)
{
  /* A value clamped by the allocation itself (the map became narrower, as when a stage is
   * removed) is already taken into account: asking for another allocation from inside this
   * one leaves the widgets above without a current allocation, and the page undrawn. */
  if (!self->allocating)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[VIEWPORT_CHANGED], 0);
}

static void
on_style_changed_cb (TandemJourneyCanvas *self)
{
  update_palette (self);
}

static void
on_root_focus_visible_cb (TandemJourneyCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GtkWidget */

static void
tandem_journey_canvas_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  TandemJourneyCanvas *self = TANDEM_JOURNEY_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  tandem_color_set_source (cr, &self->state.palette.background);
  cairo_paint (cr);

  cairo_translate (cr, self->offset_x - hvalue (self), self->offset_y - vvalue (self));
  cairo_scale (cr, self->zoom, self->zoom);

  self->state.selected = tandem_journey_selection_get_set (self->selection);
  self->state.focused = tandem_journey_selection_get_focus (self->selection);
  self->state.focus_visible = gtk_widget_has_visible_focus (widget);

  tandem_journey_painter_draw (self->painter, cr, self->figure, &self->state);

  /* Scrolled past the titles of lanes or stages: they stay at the edge of the view. */
  {
    cairo_rectangle_t viewport;

    tandem_journey_canvas_get_viewport (self, &viewport);
    tandem_journey_painter_draw_pinned_headers (self->painter, cr, self->figure, &self->state,
                                                &viewport);
  }
  cairo_destroy (cr);

  if (gtk_widget_get_visible (self->editor))
    gtk_widget_snapshot_child (widget, self->editor, snapshot);
}

static void
tandem_journey_canvas_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  *minimum = 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 500;
}

static void
tandem_journey_canvas_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  TandemJourneyCanvas *self = TANDEM_JOURNEY_CANVAS (widget);
  cairo_rectangle_t rect;

  /* The first time there is room, show as much of the journey as stays readable. */
  if (!self->zoom_initialized && width > 1 && height > 1)
    {
      double figure_width, figure_height;

      tandem_journey_figure_get_size (self->figure, &figure_width, &figure_height);
      self->zoom = CLAMP (MIN (width / figure_width, height / figure_height), 0.75, 1.0);
      self->zoom_initialized = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }

  self->allocating = TRUE;
  configure_adjustments (self);
  self->allocating = FALSE;

  /* A widget with a popover child has to place it in its own allocation (GTK's rule). */
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
  g_signal_emit (self, signals[VIEWPORT_CHANGED], 0);
  if (self->overflows != tandem_journey_canvas_get_overflows (self))
    {
      self->overflows = !self->overflows;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERFLOWS]);
    }

  if (gtk_widget_get_visible (self->editor) && editor_rect (self, &rect))
    {
      GtkAllocation allocation;
      int min_height;
      double vx, vy;

      gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
      _tandem_journey_canvas_figure_to_view (self, rect.x, rect.y, &vx, &vy);
      allocation.x = floor (vx);
      allocation.y = floor (vy);
      allocation.width = MAX (40, ceil (rect.width * self->zoom));
      allocation.height = MAX (min_height, ceil (rect.height * self->zoom));
      gtk_widget_size_allocate (self->editor, &allocation, -1);
    }
}

static void
tandem_journey_canvas_root (GtkWidget *widget)
{
  TandemJourneyCanvas *self = TANDEM_JOURNEY_CANVAS (widget);

  GTK_WIDGET_CLASS (tandem_journey_canvas_parent_class)->root (widget);

  g_signal_connect_object (gtk_widget_get_root (widget), "notify::focus-visible",
                           G_CALLBACK (on_root_focus_visible_cb), self, G_CONNECT_SWAPPED);
  update_palette (self);
}

static void
tandem_journey_canvas_unroot (GtkWidget *widget)
{
  TandemJourneyCanvas *self = TANDEM_JOURNEY_CANVAS (widget);

  g_signal_handlers_disconnect_by_func (gtk_widget_get_root (widget), on_root_focus_visible_cb,
                                        self);

  GTK_WIDGET_CLASS (tandem_journey_canvas_parent_class)->unroot (widget);
}

static void
tandem_journey_canvas_css_changed (GtkWidget         *widget,
                                   GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (tandem_journey_canvas_parent_class)->css_changed (widget, change);

  update_palette (TANDEM_JOURNEY_CANVAS (widget));
}

/* GtkScrollable */

static void
set_adjustment (TandemJourneyCanvas  *self,
                GtkAdjustment       **slot,
                GtkAdjustment        *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed_cb, self);

  g_set_object (slot, adjustment);
  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (on_adjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* GObject */

static void
tandem_journey_canvas_dispose (GObject *object)
{
  TandemJourneyCanvas *self = (TandemJourneyCanvas *)object;

  if (self->document != NULL)
    g_clear_signal_handler (&self->document_changed_id, self->document);

  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_object (&self->editing);

  G_OBJECT_CLASS (tandem_journey_canvas_parent_class)->dispose (object);
}

static void
tandem_journey_canvas_finalize (GObject *object)
{
  TandemJourneyCanvas *self = (TandemJourneyCanvas *)object;

  g_clear_object (&self->journey);
  g_clear_object (&self->document);
  g_clear_object (&self->figure);
  g_clear_object (&self->painter);
  g_clear_object (&self->selection);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_pointer (&self->press_selection, g_ptr_array_unref);
  g_clear_pointer (&self->drag_merge_key, g_free);
  g_clear_pointer (&self->announcement, g_free);
  g_clear_pointer (&self->editing_merge_key, g_free);

  G_OBJECT_CLASS (tandem_journey_canvas_parent_class)->finalize (object);
}

static void
tandem_journey_canvas_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TandemJourneyCanvas *self = TANDEM_JOURNEY_CANVAS (object);

  switch (prop_id)
    {
    case PROP_JOURNEY:
      g_value_set_object (value, self->journey);
      break;

    case PROP_SHOW:
      g_value_set_int (value, tandem_journey_canvas_get_show (self));
      break;

    case PROP_ARRANGEMENT:
      g_value_set_int (value, tandem_journey_canvas_get_arrangement (self));
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_OVERFLOWS:
      g_value_set_boolean (value, tandem_journey_canvas_get_overflows (self));
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_journey (TandemJourneyCanvas *self,
             TandemJourney       *journey)
{
  g_assert (self->journey == NULL);

  self->journey = g_object_ref (journey);
  self->document = g_object_ref (tandem_object_get_document (TANDEM_OBJECT (journey)));
  self->figure = tandem_journey_figure_new (journey, TANDEM_JOURNEY_SHOW_BEFORE);
  self->document_changed_id = g_signal_connect_swapped (self->document, "changed",
                                                        G_CALLBACK (on_document_changed_cb), self);
  update_accessible (self);
}

static void
tandem_journey_canvas_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TandemJourneyCanvas *self = TANDEM_JOURNEY_CANVAS (object);

  switch (prop_id)
    {
    case PROP_JOURNEY:
      set_journey (self, g_value_get_object (value));
      break;

    case PROP_SHOW:
      tandem_journey_canvas_set_show (self, g_value_get_int (value));
      break;

    case PROP_ARRANGEMENT:
      tandem_journey_canvas_set_arrangement (self, g_value_get_int (value));
      break;

    case PROP_ZOOM:
      tandem_journey_canvas_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_journey_canvas_class_init (TandemJourneyCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_journey_canvas_dispose;
  object_class->finalize = tandem_journey_canvas_finalize;
  object_class->get_property = tandem_journey_canvas_get_property;
  object_class->set_property = tandem_journey_canvas_set_property;

  widget_class->snapshot = tandem_journey_canvas_snapshot;
  widget_class->measure = tandem_journey_canvas_measure;
  widget_class->size_allocate = tandem_journey_canvas_size_allocate;
  widget_class->root = tandem_journey_canvas_root;
  widget_class->unroot = tandem_journey_canvas_unroot;
  widget_class->css_changed = tandem_journey_canvas_css_changed;

  properties[PROP_JOURNEY] =
    g_param_spec_object ("journey", NULL, NULL,
                         TANDEM_TYPE_JOURNEY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHOW] =
    g_param_spec_int ("show", NULL, NULL,
                      TANDEM_JOURNEY_SHOW_BEFORE, TANDEM_JOURNEY_SHOW_BOTH,
                      TANDEM_JOURNEY_SHOW_BEFORE,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ARRANGEMENT] =
    g_param_spec_int ("arrangement", NULL, NULL,
                      TANDEM_JOURNEY_ARRANGE_SIDE_BY_SIDE, TANDEM_JOURNEY_ARRANGE_ABOVE_BELOW,
                      TANDEM_JOURNEY_ARRANGE_SIDE_BY_SIDE,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         TANDEM_JOURNEY_CANVAS_MIN_ZOOM, TANDEM_JOURNEY_CANVAS_MAX_ZOOM, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_OVERFLOWS] =
    g_param_spec_boolean ("overflows", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * TandemJourneyCanvas::show-message:
   * @message: a sentence for the user
   * @offer_undo: whether the message should offer to undo what was just done
   */
  signals[SHOW_MESSAGE] = g_signal_new ("show-message", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  /**
   * TandemJourneyCanvas::viewport-changed:
   *
   * The part of the figure in view moved or changed size.
   */
  signals[VIEWPORT_CHANGED] = g_signal_new ("viewport-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "canvas.add-step", NULL, add_step_action);
  gtk_widget_class_install_action (widget_class, "canvas.edit-title", NULL, edit_title_action);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "canvas.cut", NULL, cut_action);
  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.connect-next", NULL, connect_next_action);
  gtk_widget_class_install_action (widget_class, "canvas.move-step", "s", move_step_action);
  gtk_widget_class_install_action (widget_class, "canvas.focus-next", NULL, focus_move_action);
  gtk_widget_class_install_action (widget_class, "canvas.focus-previous", NULL, focus_move_action);
  gtk_widget_class_install_action (widget_class, "canvas.connector-kind", "s", connector_kind_action);
  gtk_widget_class_install_action (widget_class, "canvas.structure", "s", structure_action);
  gtk_widget_class_install_action (widget_class, "canvas.context-menu", NULL, context_menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "canvas.add-step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "canvas.add-step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "canvas.edit-title", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK,
                                       "canvas.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "canvas.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "canvas.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "canvas.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "canvas.connect-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "canvas.move-step", "s", "earlier");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "canvas.move-step", "s", "later");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "canvas.move-step", "s", "up");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "canvas.move-step", "s", "down");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "canvas.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "canvas.context-menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "journeycanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tandem_journey_canvas_init (TandemJourneyCanvas *self)
{
  GtkEventController *controller;

  self->zoom = 1.0;
  self->painter = tandem_journey_painter_new ();
  self->selection = tandem_journey_selection_new ();
  tandem_journey_paint_state_init (&self->state);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  g_signal_connect_object (self->selection, "changed", G_CALLBACK (on_selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::focus", G_CALLBACK (on_selection_focus_cb),
                           self, G_CONNECT_SWAPPED);

  self->editor = gtk_text_new ();
  gtk_widget_add_css_class (self->editor, "journey-title-editor");
  gtk_text_set_max_length (GTK_TEXT (self->editor), TANDEM_TEXT_MAX / 4);
  gtk_widget_set_visible (self->editor, FALSE);
  gtk_widget_set_parent (self->editor, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"), -1);
  g_signal_connect_swapped (self->editor, "activate", G_CALLBACK (on_editor_activate_cb), self);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_editor_key_pressed_cb), self);
  gtk_widget_add_controller (self->editor, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_editor_focus_leave_cb), self);
  gtk_widget_add_controller (self->editor, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  g_signal_connect (controller, "key-released", G_CALLBACK (on_key_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (on_focus_changed_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (on_style_changed_cb), self, G_CONNECT_SWAPPED);

  _tandem_journey_canvas_add_tools (self);
}

/* Public API */

GtkWidget *
tandem_journey_canvas_new (TandemJourney *journey)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY (journey), NULL);
  g_return_val_if_fail (tandem_object_get_document (TANDEM_OBJECT (journey)) != NULL, NULL);

  return g_object_new (TANDEM_TYPE_JOURNEY_CANVAS, "journey", journey, NULL);
}

/**
 * tandem_journey_canvas_get_journey:
 *
 * Returns: (transfer none): the journey shown
 */
TandemJourney *
tandem_journey_canvas_get_journey (TandemJourneyCanvas *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_CANVAS (self), NULL);

  return self->journey;
}

/**
 * tandem_journey_canvas_get_selection:
 *
 * Returns: (transfer none): what is selected, shared with the list and the side panel
 */
TandemJourneySelection *
tandem_journey_canvas_get_selection (TandemJourneyCanvas *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_CANVAS (self), NULL);

  return self->selection;
}

/**
 * tandem_journey_canvas_get_figure:
 *
 * Returns: (transfer none): the figure drawn, as laid out now
 */
TandemJourneyFigure *
tandem_journey_canvas_get_figure (TandemJourneyCanvas *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_CANVAS (self), NULL);

  return self->figure;
}

TandemJourneyShow
tandem_journey_canvas_get_show (TandemJourneyCanvas *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_CANVAS (self), TANDEM_JOURNEY_SHOW_BEFORE);

  return tandem_journey_figure_get_show (self->figure);
}

/**
 * tandem_journey_canvas_set_show:
 *
 * Shows the before map, the after map or both. What was selected on a map that is no longer
 * shown is unselected, so that the keyboard never acts on what cannot be seen.
 */
void
tandem_journey_canvas_set_show (TandemJourneyCanvas *self,
                                TandemJourneyShow    show)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  TandemObject *focus;

  g_return_if_fail (TANDEM_IS_JOURNEY_CANVAS (self));

  if (tandem_journey_figure_get_show (self->figure) == show)
    return;

  tandem_journey_canvas_commit_editing (self);
  tandem_journey_figure_set_show (self->figure, show);
  if (show != TANDEM_JOURNEY_SHOW_BOTH)
    self->current_side = show == TANDEM_JOURNEY_SHOW_BEFORE ? TANDEM_MAP_SIDE_BEFORE
                                                            : TANDEM_MAP_SIDE_AFTER;

  items = tandem_journey_selection_get_items (self->selection);
  for (guint i = 0; i < items->len; i++)
    {
      TandemObject *object = g_ptr_array_index (items, i);

      if (map_is_shown (self, map_of (object)))
        g_ptr_array_add (kept, object);
    }
  focus = tandem_journey_selection_get_focus (self->selection);
  if (focus != NULL && !map_is_shown (self, map_of (focus)))
    tandem_journey_selection_set_focus (self->selection, NULL);
  if (kept->len != items->len)
    tandem_journey_selection_set_items (self->selection, kept);

  update_accessible (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW]);
}

TandemJourneyArrangement
tandem_journey_canvas_get_arrangement (TandemJourneyCanvas *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_CANVAS (self), TANDEM_JOURNEY_ARRANGE_SIDE_BY_SIDE);

  return tandem_journey_figure_get_arrangement (self->figure);
}

void
tandem_journey_canvas_set_arrangement (TandemJourneyCanvas      *self,
                                       TandemJourneyArrangement  arrangement)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_CANVAS (self));

  if (tandem_journey_figure_get_arrangement (self->figure) == arrangement)
    return;

  tandem_journey_figure_set_arrangement (self->figure, arrangement);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARRANGEMENT]);
}

double
tandem_journey_canvas_get_zoom (TandemJourneyCanvas *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_CANVAS (self), 1.0);

  return self->zoom;
}

/**
 * tandem_journey_canvas_announce:
 * @message: what just happened to the focused step, as sentences ending with a full stop
 *
 * Tells a screen reader what changed, which it would not otherwise notice: GTK 4.8 has no
 * gtk_accessible_announce() and no live regions, so the message leads the map's accessible
 * name (a change of the focused widget's name is spoken) until the focus moves on; with GTK
 * 4.14 or later it is announced as well.
 */
void
tandem_journey_canvas_announce (TandemJourneyCanvas *self,
                                const char          *message)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_CANVAS (self));

  g_free (self->announcement);
  self->announcement = g_strdup (message);
  self->announced_step = get_focus_step (self);
  update_accessible (self);
#if GTK_CHECK_VERSION (4, 14, 0)
  gtk_accessible_announce (GTK_ACCESSIBLE (self), message,
                           GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
#endif
}

/**
 * tandem_journey_canvas_get_title_pixels:
 *
 * Returns: the height of the card titles as drawn, in pixels: the size of the font the painter
 *   gives them (smaller on compact cards) times the zoom
 */
double
tandem_journey_canvas_get_title_pixels (TandemJourneyCanvas *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_CANVAS (self), 0);

  return (tandem_journey_figure_get_print (self->figure) ? TANDEM_JOURNEY_FONT_SMALL
                                                         : TANDEM_JOURNEY_FONT_CARD_TITLE) *
         self->zoom;
}

/* Below this, full cards' titles are too small to read on a screen, and the map is drawn
 * with the compact cards of a printed page instead: a title and a number, all text of one
 * size, several times more steps in view (the sample's before map whole in a laptop's
 * window). Zooming in goes back to full cards once their titles are this size again. */
#define COMPACT_TITLE_PIXELS 9.0

static void
set_compact (TandemJourneyCanvas *self,
             gboolean             compact,
             double              *fx,
             double              *fy)
{
  double old_width, old_height, width, height;

  if (tandem_journey_figure_get_print (self->figure) == !!compact)
    return;

  /* The same place of the journey stays in view: the figure's proportions are near enough. */
  tandem_journey_figure_get_size (self->figure, &old_width, &old_height);
  tandem_journey_figure_set_print (self->figure, compact);
  tandem_journey_figure_get_size (self->figure, &width, &height);
  if (fx != NULL && old_width > 0)
    *fx *= width / old_width;
  if (fy != NULL && old_height > 0)
    *fy *= height / old_height;
}

void
_tandem_journey_canvas_zoom_at (TandemJourneyCanvas *self,
                                double               zoom,
                                double               vx,
                                double               vy)
{
  double fx, fy;

  zoom = CLAMP (zoom, TANDEM_JOURNEY_CANVAS_MIN_ZOOM, TANDEM_JOURNEY_CANVAS_MAX_ZOOM);
  self->zoom_initialized = TRUE;
  if (fabs (zoom - self->zoom) < 1e-6)
    return;

  /* Keep the point under (@vx, @vy) where it is. */
  _tandem_journey_canvas_view_to_figure (self, vx, vy, &fx, &fy);
  set_compact (self, TANDEM_JOURNEY_FONT_CARD_TITLE * zoom < COMPACT_TITLE_PIXELS - 1e-6, &fx, &fy);
  self->zoom = zoom;
  configure_adjustments (self);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, fx * zoom + self->offset_x - vx);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, fy * zoom + self->offset_y - vy);

  if (self->editing != NULL)
    apply_editor_font (self);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
tandem_journey_canvas_set_zoom (TandemJourneyCanvas *self,
                                double               zoom)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_CANVAS (self));

  _tandem_journey_canvas_zoom_at (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                                  gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

/**
 * tandem_journey_canvas_zoom_to_fit:
 *
 * Zooms so that the whole figure fits the window, as when showing the journey to a room.
 */
void
tandem_journey_canvas_zoom_to_fit (TandemJourneyCanvas *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double figure_width, figure_height, zoom;

  g_return_if_fail (TANDEM_IS_JOURNEY_CANVAS (self));

  if (width <= 1 || height <= 1)
    return;

  /* Full cards if their titles can be read when the whole figure is in view; otherwise the
   * compact cards, fitted in turn. */
  set_compact (self, FALSE, NULL, NULL);
  tandem_journey_figure_get_size (self->figure, &figure_width, &figure_height);
  zoom = MIN (width / figure_width, height / figure_height);
  if (TANDEM_JOURNEY_FONT_CARD_TITLE * zoom < COMPACT_TITLE_PIXELS - 1e-6)
    {
      set_compact (self, TRUE, NULL, NULL);
      tandem_journey_figure_get_size (self->figure, &figure_width, &figure_height);
      zoom = MIN (width / figure_width, height / figure_height);
    }
  /* Set here rather than by _tandem_journey_canvas_zoom_at(), which would choose the cards
   * by the zoom alone. */
  self->zoom_initialized = TRUE;
  if (fabs (zoom - self->zoom) >= 1e-6)
    {
      self->zoom = CLAMP (zoom, TANDEM_JOURNEY_CANVAS_MIN_ZOOM, TANDEM_JOURNEY_CANVAS_MAX_ZOOM);
      if (self->editing != NULL)
        apply_editor_font (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  configure_adjustments (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
}

/**
 * tandem_journey_canvas_get_overflows:
 *
 * Returns: %TRUE when the figure is larger than the view, which is when an overview helps
 */
gboolean
tandem_journey_canvas_get_overflows (TandemJourneyCanvas *self)
{
  double figure_width, figure_height;

  g_return_val_if_fail (TANDEM_IS_JOURNEY_CANVAS (self), FALSE);

  tandem_journey_figure_get_size (self->figure, &figure_width, &figure_height);

  return figure_width * self->zoom > gtk_widget_get_width (GTK_WIDGET (self)) + 1 ||
         figure_height * self->zoom > gtk_widget_get_height (GTK_WIDGET (self)) + 1;
}

/**
 * tandem_journey_canvas_wants_overview:
 *
 * Returns: %TRUE when so little of the figure is in view that an overview helps to find one's
 *   way: less than two thirds of its width or height
 */
gboolean
tandem_journey_canvas_wants_overview (TandemJourneyCanvas *self)
{
  double figure_width, figure_height;

  g_return_val_if_fail (TANDEM_IS_JOURNEY_CANVAS (self), FALSE);

  tandem_journey_figure_get_size (self->figure, &figure_width, &figure_height);

  return figure_width * self->zoom > 1.5 * gtk_widget_get_width (GTK_WIDGET (self)) ||
         figure_height * self->zoom > 1.5 * gtk_widget_get_height (GTK_WIDGET (self));
}

/**
 * tandem_journey_canvas_get_viewport:
 *
 * The part of the figure in view, in figure coordinates.
 */
void
tandem_journey_canvas_get_viewport (TandemJourneyCanvas *self,
                                    cairo_rectangle_t   *area)
{
  double x2, y2;

  g_return_if_fail (TANDEM_IS_JOURNEY_CANVAS (self));

  _tandem_journey_canvas_view_to_figure (self, 0, 0, &area->x, &area->y);
  _tandem_journey_canvas_view_to_figure (self, gtk_widget_get_width (GTK_WIDGET (self)),
                                         gtk_widget_get_height (GTK_WIDGET (self)), &x2, &y2);
  area->width = x2 - area->x;
  area->height = y2 - area->y;
}

/**
 * tandem_journey_canvas_center_on:
 *
 * Scrolls so that the figure point (@x, @y) is in the middle of the view.
 */
void
tandem_journey_canvas_center_on (TandemJourneyCanvas *self,
                                 double               x,
                                 double               y)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_CANVAS (self));

  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment,
                              x * self->zoom - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment,
                              y * self->zoom - gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

/**
 * tandem_journey_canvas_get_current_map:
 *
 * Returns: (transfer none) (nullable): the map new steps go on: the focused step's, or the
 *   map shown, or the one last clicked when both are shown
 */
TandemJourneyMap *
tandem_journey_canvas_get_current_map (TandemJourneyCanvas *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_CANVAS (self), NULL);

  return current_map (self);
}

/**
 * tandem_journey_canvas_add_step:
 *
 * Adds a step after the focused one (or at the end of the journey) and opens its title.
 *
 * Returns: (transfer none) (nullable): the new step
 */
TandemStep *
tandem_journey_canvas_add_step (TandemJourneyCanvas *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_CANVAS (self), NULL);

  return add_step_with_text (self, "");
}

/**
 * tandem_journey_canvas_edit_title:
 * @object: a step, stage or lane of the journey
 * @initial_text: (nullable): text replacing the title, as when typing starts an edit; %NULL
 *   to edit the title as it is
 */
void
tandem_journey_canvas_edit_title (TandemJourneyCanvas *self,
                                  TandemObject        *object,
                                  const char          *initial_text)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_CANVAS (self));

  start_editing (self, object, initial_text, FALSE, NULL);
}

gboolean
tandem_journey_canvas_is_editing (TandemJourneyCanvas *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_CANVAS (self), FALSE);

  return self->editing != NULL;
}

/**
 * tandem_journey_canvas_get_editor:
 *
 * Returns: (transfer none): the entry used to edit titles in place
 */
GtkWidget *
tandem_journey_canvas_get_editor (TandemJourneyCanvas *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_CANVAS (self), NULL);

  return self->editor;
}

/**
 * tandem_journey_canvas_focus_step:
 *
 * Selects @step alone, gives it the keyboard focus and scrolls to it.
 */
void
tandem_journey_canvas_focus_step (TandemJourneyCanvas *self,
                                  TandemStep          *step)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_CANVAS (self));

  focus_step (self, step, FALSE);
}
