/* tandem-journey-overview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-journey-overview"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tandem-document.h"
#include "tandem-journey-overview.h"
#include "tandem-journey-painter.h"

/*
 * The overview of a journey canvas when zoomed in: the whole figure in miniature with the
 * part in view outlined. Clicking or dragging in it moves the view there. The miniature is
 * drawn once into an image and again only after the document changes, so scrolling costs
 * one outline.
 */

#define WIDTH 220

struct _TandemJourneyOverview
{
  GtkWidget             parent_instance;

  TandemJourneyCanvas  *canvas;   /* weak */
  TandemJourneyPainter *painter;
  cairo_surface_t      *cache;
  double                scale;
  double                x_offset;
  double                cache_offset;  /* the x_offset the cache was drawn at */
};

G_DEFINE_FINAL_TYPE (TandemJourneyOverview, tandem_journey_overview, GTK_TYPE_WIDGET)

/* Auxiliary methods */

static void
get_scale (TandemJourneyOverview *self,
           int                    width,
           int                    height)
{
  double figure_width, figure_height;

  tandem_journey_figure_get_size (tandem_journey_canvas_get_figure (self->canvas), &figure_width,
                                  &figure_height);
  self->scale = MIN (width / figure_width, height / figure_height);
  self->x_offset = (width - figure_width * self->scale) / 2;

  /* A map much wider than tall would shrink to a strip of a pixel or two: it takes the
   * overview's height instead, and the overview shows the stretch around the view. */
  if (figure_height * self->scale < height - 1)
    {
      cairo_rectangle_t view;

      tandem_journey_canvas_get_viewport (self->canvas, &view);
      self->scale = height / figure_height;
      self->x_offset = CLAMP (width / 2.0 - (view.x + view.width / 2) * self->scale,
                              width - figure_width * self->scale, 0);
      self->x_offset = round (self->x_offset);
    }
}

/* The key is at the bottom of the figure: while it is in view, the overview moves to the top
 * so as not to cover it. */
static void
avoid_key (TandemJourneyOverview *self)
{
  TandemJourneyFigure *figure = tandem_journey_canvas_get_figure (self->canvas);
  cairo_rectangle_t view, legend;
  gboolean key_in_view;

  tandem_journey_canvas_get_viewport (self->canvas, &view);
  key_in_view = tandem_journey_figure_get_legend_rect (figure, &legend) &&
                view.y + view.height > legend.y && view.y < legend.y + legend.height;
  gtk_widget_set_valign (GTK_WIDGET (self), key_in_view ? GTK_ALIGN_START : GTK_ALIGN_END);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 18);
}

static void
invalidate (TandemJourneyOverview *self)
{
  g_clear_pointer (&self->cache, cairo_surface_destroy);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
move_view (TandemJourneyOverview *self,
           double                 x,
           double                 y)
{
  if (self->canvas == NULL || self->scale <= 0)
    return;

  tandem_journey_canvas_center_on (self->canvas, (x - self->x_offset) / self->scale,
                                   y / self->scale);
}

/* Callbacks */

static void
on_view_changed_cb (TandemJourneyOverview *self)
{
  if (self->canvas != NULL)
    avoid_key (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_begin_cb (GtkGestureDrag        *gesture,
                  double                 x,
                  double                 y,
                  TandemJourneyOverview *self)
{
  move_view (self, x, y);
}

static void
on_drag_update_cb (GtkGestureDrag        *gesture,
                   double                 offset_x,
                   double                 offset_y,
                   TandemJourneyOverview *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  move_view (self, x + offset_x, y + offset_y);
}

/* GtkWidget */

static void
tandem_journey_overview_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  TandemJourneyOverview *self = TANDEM_JOURNEY_OVERVIEW (widget);
  double figure_width = 1, figure_height = 1;

  if (self->canvas != NULL)
    tandem_journey_figure_get_size (tandem_journey_canvas_get_figure (self->canvas), &figure_width,
                                    &figure_height);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = WIDTH;
  else
    /* A wide map gets room to be seen: see get_scale(). */
    *minimum = *natural = CLAMP ((int)(WIDTH * figure_height / figure_width), 96, 200);
}

static void
tandem_journey_overview_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  TandemJourneyOverview *self = TANDEM_JOURNEY_OVERVIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale_factor = gtk_widget_get_scale_factor (widget);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  TandemJourneyPalette palette;
  cairo_rectangle_t view;
  cairo_t *cr;

  if (self->canvas == NULL || width <= 0 || height <= 0)
    return;

  tandem_journey_palette_init (&palette, adw_style_manager_get_dark (manager),
                               adw_style_manager_get_high_contrast (manager));
  get_scale (self, width, height);

  /* Showing another stretch of a wide map: draw it again. */
  if (self->cache != NULL && fabs (self->cache_offset - self->x_offset) > 0.5)
    g_clear_pointer (&self->cache, cairo_surface_destroy);

  if (self->cache == NULL)
    {
      cairo_t *cache_cr;

      self->cache = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale_factor,
                                                height * scale_factor);
      cairo_surface_set_device_scale (self->cache, scale_factor, scale_factor);
      cache_cr = cairo_create (self->cache);
      self->cache_offset = self->x_offset;
      cairo_translate (cache_cr, self->x_offset, 0);
      cairo_scale (cache_cr, self->scale, self->scale);
      tandem_journey_painter_draw_overview (self->painter, cache_cr,
                                            tandem_journey_canvas_get_figure (self->canvas),
                                            &palette);
      cairo_destroy (cache_cr);
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_surface (cr, self->cache, 0, 0);
  cairo_paint (cr);

  tandem_journey_canvas_get_viewport (self->canvas, &view);
  cairo_rectangle (cr, self->x_offset + view.x * self->scale + 1, view.y * self->scale + 1,
                   view.width * self->scale - 2, view.height * self->scale - 2);
  tandem_color_set_source_alpha (cr, &palette.accent, 0.15);
  cairo_fill_preserve (cr);
  tandem_color_set_source (cr, &palette.accent);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);

  cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
  tandem_color_set_source (cr, &palette.card_border);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
tandem_journey_overview_size_allocate (GtkWidget *widget,
                                       int        width,
                                       int        height,
                                       int        baseline)
{
  TandemJourneyOverview *self = TANDEM_JOURNEY_OVERVIEW (widget);

  if (self->cache != NULL &&
      (cairo_image_surface_get_width (self->cache) != width * gtk_widget_get_scale_factor (widget) ||
       cairo_image_surface_get_height (self->cache) != height * gtk_widget_get_scale_factor (widget)))
    g_clear_pointer (&self->cache, cairo_surface_destroy);
}

/* GObject */

static void
tandem_journey_overview_dispose (GObject *object)
{
  TandemJourneyOverview *self = (TandemJourneyOverview *)object;

  g_clear_weak_pointer (&self->canvas);
  g_clear_object (&self->painter);
  g_clear_pointer (&self->cache, cairo_surface_destroy);

  G_OBJECT_CLASS (tandem_journey_overview_parent_class)->dispose (object);
}

static void
tandem_journey_overview_class_init (TandemJourneyOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_journey_overview_dispose;

  widget_class->measure = tandem_journey_overview_measure;
  widget_class->snapshot = tandem_journey_overview_snapshot;
  widget_class->size_allocate = tandem_journey_overview_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "journeyoverview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tandem_journey_overview_init (TandemJourneyOverview *self)
{
  GtkGesture *gesture = gtk_gesture_drag_new ();

  self->painter = tandem_journey_painter_new ();

  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Overview: click or drag to move the view"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Overview of the whole journey"), -1);
}

/* Public API */

GtkWidget *
tandem_journey_overview_new (TandemJourneyCanvas *canvas)
{
  TandemJourneyOverview *self;
  TandemJourney *journey = tandem_journey_canvas_get_journey (canvas);

  g_return_val_if_fail (TANDEM_IS_JOURNEY_CANVAS (canvas), NULL);

  self = g_object_new (TANDEM_TYPE_JOURNEY_OVERVIEW, NULL);
  g_set_weak_pointer (&self->canvas, canvas);

  g_signal_connect_object (tandem_object_get_document (TANDEM_OBJECT (journey)), "changed",
                           G_CALLBACK (invalidate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (canvas, "notify::show", G_CALLBACK (invalidate), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (canvas, "notify::arrangement", G_CALLBACK (invalidate), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (canvas, "viewport-changed", G_CALLBACK (on_view_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (invalidate), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

/**
 * tandem_journey_overview_get_map_rect:
 *
 * Where the figure is drawn in the overview, in its own coordinates: wider than the overview
 * when a wide map shows only the stretch around the view.
 */
void
tandem_journey_overview_get_map_rect (TandemJourneyOverview *self,
                                      graphene_rect_t       *rect)
{
  double figure_width = 0, figure_height = 0;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  g_return_if_fail (TANDEM_IS_JOURNEY_OVERVIEW (self));

  graphene_rect_init (rect, 0, 0, 0, 0);
  if (self->canvas == NULL || width <= 0 || height <= 0)
    return;

  get_scale (self, width, height);
  tandem_journey_figure_get_size (tandem_journey_canvas_get_figure (self->canvas), &figure_width,
                                  &figure_height);
  graphene_rect_init (rect, self->x_offset, 0, figure_width * self->scale,
                      figure_height * self->scale);
}
