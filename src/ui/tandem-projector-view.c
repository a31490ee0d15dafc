/* tandem-projector-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-projector-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "tandem-journey-canvas-private.h"
#include "tandem-journey-edit.h"
#include "tandem-journey-measures.h"
#include "tandem-journey-metrics.h"
#include "tandem-labels.h"
#include "tandem-projector-view.h"
#include "tandem-quote.h"

/*
 * Projector mode: a journey shown to a workshop room. It is a second journey canvas on the same
 * journey, so the map is drawn by the same painter as on screen and in every export, only at a
 * projector scale: card titles at least TANDEM_PROJECTOR_MIN_TITLE_PX pixels, times the
 * desktop's text scaling. Beside it a panel shows the current step's feeling, pain point and
 * the quotes whose speakers consented, in large text.
 *
 * The keys are read in the capture phase, before the canvas sees them: the arrows (and Page
 * Up/Down, which presentation clickers send) walk the steps in journey order rather than
 * across the map, S shows one stage at a time, Esc leaves. Everything else (Enter adds a step
 * after the current one with the title editor open, F2, P, T, Delete, Ctrl+Z) is the canvas's
 * own capture, unchanged, so a room can go on adding steps while they are projected.
 *
 * The window puts this view in place of its whole content and asks for full screen; leaving
 * (the "leave" signal) gives the content back as it was.
 */

#define MAX_PROJECTOR_ZOOM 3.0   /* a small map filling a wall helps no one */

struct _TandemProjectorView
{
  AdwBin               parent_instance;

  TandemJourneyCanvas *source;   /* the page's canvas, for what it shows */
  TandemJourneyCanvas *canvas;
  TandemDocument      *document;
  GtkWidget           *scrolled;
  GtkWidget           *veil;
  GtkWidget           *whole_button;
  GtkWidget           *stage_button;
  GtkWidget           *title_label;

  GtkWidget           *position_label;
  GtkWidget           *step_title_label;
  GtkWidget           *place_label;
  GtkWidget           *feeling_label;
  GtkWidget           *pain_label;
  GtkWidget           *quotes_box;
  GtkWidget           *withheld_label;

  gboolean             one_stage;
  gboolean             framing;
  int                  canvas_width;
  int                  canvas_height;
  guint                frame_source;
  guint                leave_source;
};

G_DEFINE_FINAL_TYPE (TandemProjectorView, tandem_projector_view, ADW_TYPE_BIN)

enum {
  LEAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Auxiliary methods */

/* The steps shown, in journey order: the before map's, then the after map's. */
static GPtrArray *
ordered_steps (TandemProjectorView *self)
{
  TandemJourney *journey = tandem_journey_canvas_get_journey (self->canvas);
  TandemJourneyShow show = tandem_journey_canvas_get_show (self->canvas);
  GPtrArray *steps = g_ptr_array_new_with_free_func (g_object_unref);

  for (TandemMapSide side = TANDEM_MAP_SIDE_BEFORE; side <= TANDEM_MAP_SIDE_AFTER; side++)
    {
      g_autoptr(GPtrArray) ordered = NULL;

      if (!(show & (side == TANDEM_MAP_SIDE_BEFORE ? TANDEM_JOURNEY_SHOW_BEFORE
                                                     : TANDEM_JOURNEY_SHOW_AFTER)))
        continue;

      ordered = tandem_journey_map_steps_in_order (tandem_journey_get_map (journey, side));
      for (guint i = 0; i < ordered->len; i++)
        g_ptr_array_add (steps, g_object_ref (g_ptr_array_index (ordered, i)));
    }

  return steps;
}

/* The stage column of @step, as a figure rectangle from the stage header to the curve. */
static gboolean
stage_rect (TandemProjectorView *self,
            TandemStep          *step,
            cairo_rectangle_t   *rect)
{
  TandemJourneyFigure *figure = tandem_journey_canvas_get_figure (self->canvas);
  TandemJourneyMap *map = step ? tandem_journey_map_for_step (step) : NULL;
  TandemJourneyLayout *layout = map ? tandem_journey_figure_get_layout_for_map (figure, map) : NULL;
  cairo_rectangle_t bounds;

  if (layout == NULL)
    return FALSE;

  tandem_journey_layout_get_bounds (layout, &bounds);
  for (guint k = 0; k < tandem_journey_layout_get_n_cards (layout); k++)
    {
      const TandemCardGeometry *card = tandem_journey_layout_get_card (layout, k);
      const TandemStageGeometry *stage;

      if (card->step != step)
        continue;

      stage = tandem_journey_layout_get_stage (layout, card->stage);
      rect->x = stage->x;
      rect->width = stage->width;
      rect->y = bounds.y;
      rect->height = bounds.height;
      return TRUE;
    }

  return FALSE;
}

/* The desktop's text scaling (Settings → Accessibility → Large Text, or the text scaling
 * factor), as GTK sees it: gtk-xft-dpi is in 1024ths of a dot per inch, 96 being normal. */
static double
text_scale (TandemProjectorView *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  int dpi = 0;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  if (dpi <= 0)
    return 1.0;

  return CLAMP (dpi / 1024.0 / 96.0, 0.5, 3.0);
}

static double
min_zoom (TandemProjectorView *self)
{
  return TANDEM_PROJECTOR_MIN_TITLE_PX * text_scale (self) / TANDEM_JOURNEY_FONT_CARD_TITLE;
}

/* Scrolls @step to the middle of the part of the view beside the pinned lane titles, across;
 * up and down it only has to be in view. */
static void
center_step (TandemProjectorView *self,
             TandemStep          *step)
{
  TandemJourneyFigure *figure = tandem_journey_canvas_get_figure (self->canvas);
  cairo_rectangle_t rect, viewport;

  tandem_journey_canvas_focus_step (self->canvas, step);
  if (!tandem_journey_figure_get_step_rect (figure, step, &rect))
    return;

  tandem_journey_canvas_get_viewport (self->canvas, &viewport);
  tandem_journey_canvas_center_on (self->canvas,
                                   rect.x + rect.width / 2 - TANDEM_JOURNEY_LANE_HEADER_WIDTH / 2,
                                   viewport.y + viewport.height / 2);
}

/* Zoom and scroll for the current step: the whole map as large as fits, never below the
 * projector scale (then the view follows the step), or the step's stage alone, in the middle
 * when it fits at that scale and following the step when it does not. */
static void
frame (TandemProjectorView *self)
{
  TandemStep *step = tandem_projector_view_get_current_step (self);
  double width = gtk_widget_get_width (GTK_WIDGET (self->canvas));
  double height = gtk_widget_get_height (GTK_WIDGET (self->canvas));
  double lowest = min_zoom (self);
  double highest = MAX (lowest, MAX_PROJECTOR_ZOOM);
  double zoom;
  cairo_rectangle_t rect;

  if (width <= 1 || height <= 1 || self->framing)
    return;

  self->framing = TRUE;
  if (self->one_stage && stage_rect (self, step, &rect))
    {
      /* Room for the lane titles too, which stay pinned at the left edge. */
      double room = rect.width + 2 * TANDEM_JOURNEY_LANE_HEADER_WIDTH;

      zoom = CLAMP (MIN (width / room, height / rect.height), lowest, highest);
      tandem_journey_canvas_set_zoom (self->canvas, zoom);
      if (room * zoom <= width + 1)
        {
          tandem_journey_canvas_focus_step (self->canvas, step);
          tandem_journey_canvas_center_on (self->canvas, rect.x + rect.width / 2,
                                           rect.height * zoom <= height
                                           ? rect.y + rect.height / 2 : rect.y + height / zoom / 2);
          if (rect.height * zoom > height)
            tandem_journey_canvas_focus_step (self->canvas, step);
        }
      else
        {
          center_step (self, step);
        }
    }
  else
    {
      double figure_width, figure_height;

      tandem_journey_figure_get_size (tandem_journey_canvas_get_figure (self->canvas),
                                      &figure_width, &figure_height);
      zoom = CLAMP (MIN (width / figure_width, height / figure_height), lowest, highest);
      tandem_journey_canvas_set_zoom (self->canvas, zoom);
      if (step != NULL)
        center_step (self, step);
    }
  self->framing = FALSE;

  gtk_widget_queue_draw (self->veil);
}

static const char *
feeling_text (TandemFeeling feeling)
{
  if (feeling == TANDEM_FEELING_UNKNOWN)
    return _("Not recorded yet");

  return tandem_feeling_to_label (feeling);
}

static void
update_panel (TandemProjectorView *self)
{
  TandemStep *step = tandem_projector_view_get_current_step (self);
  g_autoptr(GPtrArray) steps = ordered_steps (self);
  GtkWidget *child;
  guint index = 0, withheld = 0;

  gtk_label_set_text (GTK_LABEL (self->title_label),
                      tandem_journey_get_title (tandem_journey_canvas_get_journey (self->canvas)));

  while ((child = gtk_widget_get_first_child (self->quotes_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->quotes_box), child);

  if (step == NULL || !g_ptr_array_find (steps, step, &index))
    {
      gtk_label_set_text (GTK_LABEL (self->position_label), "");
      gtk_label_set_text (GTK_LABEL (self->step_title_label),
                          steps->len == 0 ? _("No steps yet: press Enter to add the first one.")
                                          : _("Press → to go to the first step."));
      gtk_label_set_text (GTK_LABEL (self->place_label), "");
      gtk_widget_set_visible (self->feeling_label, FALSE);
      gtk_widget_set_visible (self->pain_label, FALSE);
      gtk_widget_set_visible (self->withheld_label, FALSE);
      return;
    }

  {
    TandemJourney *journey = tandem_journey_canvas_get_journey (self->canvas);
    TandemJourneyMap *map = tandem_journey_map_for_step (step);
    TandemStage *stage = tandem_journey_find_stage (journey, tandem_step_get_stage (step));
    TandemLane *lane = tandem_journey_find_lane (journey, tandem_step_get_lane (step));
    g_autofree char *position = NULL;
    g_autofree char *place = NULL;
    g_autofree char *feeling = NULL;
    const char *title = tandem_step_get_title (step);

    /* Translators: "Step 3 of 10 · The journey today" */
    position = g_strdup_printf (_("Step %u of %u · %s"), index + 1, steps->len,
                                tandem_journey_map_get_side (map) == TANDEM_MAP_SIDE_BEFORE
                                ? _("The journey today") : _("After the change"));
    gtk_label_set_text (GTK_LABEL (self->position_label), position);
    gtk_label_set_text (GTK_LABEL (self->step_title_label),
                        title != NULL && title[0] != '\0' ? title : _("(No title yet)"));

    /* Translators: a stage of the journey, then who does the step, as "Referral · GP" */
    place = g_strdup_printf (_("%s · %s"),
                             stage ? tandem_stage_get_title (stage) : "",
                             lane ? tandem_lane_get_title (lane) : "");
    gtk_label_set_text (GTK_LABEL (self->place_label), place);

    /* Translators: how the step felt, as "How it felt: Bad" */
    feeling = g_strdup_printf (_("How it felt: %s"), feeling_text (tandem_step_get_feeling (step)));
    gtk_label_set_text (GTK_LABEL (self->feeling_label), feeling);
    gtk_widget_set_visible (self->feeling_label, TRUE);
    gtk_widget_set_visible (self->pain_label, tandem_step_get_pain_point (step));
  }

  /* Only what a speaker agreed to share is ever shown to a room; the others are counted, so
   * that the facilitator knows why a quote they remember is missing. */
  {
    TandemList *quotes = tandem_step_get_quotes (step);

    for (guint i = 0; i < tandem_list_get_n (quotes); i++)
      {
        TandemQuote *quote = tandem_list_get (quotes, i);
        const char *role = tandem_quote_get_speaker_role (quote);
        g_autofree char *text = NULL;
        GtkWidget *label;

        if (!tandem_quote_get_consent (quote))
          {
            withheld++;
            continue;
          }

        /* Translators: a quote in the projector's panel, in typographic quotation marks */
        text = g_strdup_printf (_("“%s”"), tandem_quote_get_text (quote));
        label = gtk_label_new (text);
        gtk_label_set_wrap (GTK_LABEL (label), TRUE);
        gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_widget_add_css_class (label, "projector-quote");
        gtk_box_append (GTK_BOX (self->quotes_box), label);

        if (role != NULL && role[0] != '\0')
          {
            g_autofree char *by = g_strdup_printf (_("— %s"), role);

            label = gtk_label_new (by);
            gtk_label_set_xalign (GTK_LABEL (label), 0);
            gtk_label_set_wrap (GTK_LABEL (label), TRUE);
            gtk_widget_add_css_class (label, "projector-speaker");
            gtk_box_append (GTK_BOX (self->quotes_box), label);
          }
      }
  }

  if (withheld > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u quote is not shown: no consent to share it.",
                                                            "%u quotes are not shown: no consent to share them.",
                                                            withheld), withheld);
      gtk_label_set_text (GTK_LABEL (self->withheld_label), text);
    }
  gtk_widget_set_visible (self->withheld_label, withheld > 0);
}

static void
update_stage_buttons (TandemProjectorView *self)
{
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->whole_button), !self->one_stage);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->stage_button), self->one_stage);
}

/* Callbacks */

static void
on_focus_cb (TandemProjectorView *self)
{
  update_panel (self);
  if (!tandem_journey_canvas_is_editing (self->canvas))
    frame (self);
  gtk_widget_queue_draw (self->veil);
}

static gboolean
leave_idle_cb (gpointer user_data)
{
  TandemProjectorView *self = user_data;

  self->leave_source = 0;
  g_signal_emit (self, signals[LEAVE], 0);
  return G_SOURCE_REMOVE;
}

static void
on_document_changed_cb (TandemProjectorView *self)
{
  TandemJourney *journey = tandem_journey_canvas_get_journey (self->canvas);

  /* The journey itself went (an undo of adding it, or removing it): nothing is left to show.
   * Leaving replaces this view, so not from inside the document's signal. */
  if (tandem_object_get_parent (TANDEM_OBJECT (journey)) == NULL)
    {
      if (self->leave_source == 0)
        self->leave_source = g_idle_add (leave_idle_cb, self);
      return;
    }

  update_panel (self);
  gtk_widget_queue_draw (self->veil);
}

/* What the canvas says (such as "Add a stage and a lane first"), over the projected map. */
static void
on_canvas_message_cb (TandemProjectorView *self,
                      const char          *message,
                      gboolean             offer_undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;

  toast = adw_toast_new (message);
  if (offer_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* The panel tells the title as it is typed, so the room reads it while it is being written. */
static void
on_editor_text_cb (TandemProjectorView *self)
{
  const char *text;

  if (!tandem_journey_canvas_is_editing (self->canvas))
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (tandem_journey_canvas_get_editor (self->canvas)));
  if (text != NULL && text[0] != '\0')
    gtk_label_set_text (GTK_LABEL (self->step_title_label), text);
}

static void
on_dpi_changed_cb (TandemProjectorView *self)
{
  frame (self);
}

static gboolean
frame_idle_cb (gpointer user_data)
{
  TandemProjectorView *self = user_data;

  self->frame_source = 0;
  frame (self);
  return G_SOURCE_REMOVE;
}

static void
on_viewport_changed_cb (TandemProjectorView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (self->canvas));

  /* The map's size changes once the window is full screen (when the window manager has done
   * it) and when the text size changes: frame again, after this allocation. */
  if ((width != self->canvas_width || height != self->canvas_height) && self->frame_source == 0)
    self->frame_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, frame_idle_cb, self, NULL);
  self->canvas_width = width;
  self->canvas_height = height;

  gtk_widget_queue_draw (self->veil);
}

/* One stage at a time: the other stages stay where they are, under a veil, so the room keeps
 * its bearings in the map. */
static void
draw_veil (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  TandemProjectorView *self = user_data;
  const TandemColor *background = &self->canvas->state.palette.background;
  TandemStep *step = tandem_projector_view_get_current_step (self);
  TandemJourneyLayout *layout;
  cairo_rectangle_t rect, bounds;
  double zoom = tandem_journey_canvas_get_zoom (self->canvas);
  double x1, y1, x2, y2, lanes_right, unused;

  if (!self->one_stage || !stage_rect (self, step, &rect))
    return;

  /* The lane titles stay clear, where they are or pinned at the left edge. */
  layout = tandem_journey_figure_get_layout_for_map (tandem_journey_canvas_get_figure (self->canvas),
                                                     tandem_journey_map_for_step (step));
  tandem_journey_layout_get_bounds (layout, &bounds);
  _tandem_journey_canvas_figure_to_view (self->canvas, bounds.x + TANDEM_JOURNEY_LANE_HEADER_WIDTH,
                                         bounds.y, &lanes_right, &unused);
  lanes_right = MAX (lanes_right, TANDEM_JOURNEY_LANE_HEADER_WIDTH * zoom);

  _tandem_journey_canvas_figure_to_view (self->canvas, rect.x, rect.y, &x1, &y1);
  _tandem_journey_canvas_figure_to_view (self->canvas, rect.x + rect.width,
                                         rect.y + rect.height, &x2, &y2);
  x1 = MAX (x1, lanes_right);
  x2 = MAX (x2, lanes_right);

  cairo_set_source_rgba (cr, background->red, background->green, background->blue, 0.85);
  if (x1 > lanes_right)
    cairo_rectangle (cr, lanes_right, 0, x1 - lanes_right, height);
  if (x2 < width)
    cairo_rectangle (cr, x2, 0, width - x2, height);
  cairo_fill (cr);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   TandemProjectorView   *self)
{
  GdkModifierType modifiers = state & gtk_accelerator_get_default_mod_mask ();

  /* While a title is typed, the keys are the editor's (Esc cancels it, not projector mode). */
  if (tandem_journey_canvas_is_editing (self->canvas))
    return FALSE;

  if ((modifiers & ~GDK_SHIFT_MASK) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Escape:
      g_signal_emit (self, signals[LEAVE], 0);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Page_Down:
      tandem_projector_view_walk (self, 1);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Page_Up:
      tandem_projector_view_walk (self, -1);
      return TRUE;

    case GDK_KEY_Home:
      tandem_projector_view_walk (self, G_MININT);
      return TRUE;

    case GDK_KEY_End:
      tandem_projector_view_walk (self, G_MAXINT);
      return TRUE;

    case GDK_KEY_s:
    case GDK_KEY_S:
      tandem_projector_view_set_one_stage (self, !self->one_stage);
      return TRUE;

    case GDK_KEY_1:
    case GDK_KEY_2:
    case GDK_KEY_3:
    case GDK_KEY_4:
    case GDK_KEY_5:
    case GDK_KEY_KP_1:
    case GDK_KEY_KP_2:
    case GDK_KEY_KP_3:
    case GDK_KEY_KP_4:
    case GDK_KEY_KP_5:
      {
        guint digit = gdk_keyval_to_unicode (keyval) - '0';

        tandem_projector_view_record_feeling (self, TANDEM_FEELING_VERY_BAD + (digit - 1));
      }
      return TRUE;

    default:
      return FALSE;
    }
}

static void
on_whole_clicked_cb (TandemProjectorView *self)
{
  tandem_projector_view_set_one_stage (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
on_stage_clicked_cb (TandemProjectorView *self)
{
  tandem_projector_view_set_one_stage (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
on_previous_clicked_cb (TandemProjectorView *self)
{
  tandem_projector_view_walk (self, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
on_next_clicked_cb (TandemProjectorView *self)
{
  tandem_projector_view_walk (self, 1);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
on_add_clicked_cb (TandemProjectorView *self)
{
  tandem_journey_canvas_add_step (self->canvas);
}

static void
on_leave_clicked_cb (TandemProjectorView *self)
{
  g_signal_emit (self, signals[LEAVE], 0);
}

static GtkWidget *
bar_button (TandemProjectorView *self,
            const char          *icon_name,
            const char          *label,
            const char          *tooltip,
            GCallback            callback,
            gboolean             toggle)
{
  GtkWidget *button = toggle ? gtk_toggle_button_new () : gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon_name);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_tooltip_text (button, tooltip);
  /* A click leaves the keys with the map, where the arrows and Enter act. */
  gtk_widget_set_focus_on_click (button, FALSE);
  g_signal_connect_swapped (button, "clicked", callback, self);

  return button;
}

static GtkWidget *
panel_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
build (TandemProjectorView *self)
{
  GtkWidget *box, *bar, *linked, *overlay, *body, *panel, *scroller, *spacer;
  GtkEventController *controller;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  adw_bin_set_child (ADW_BIN (self), box);

  /* The bar: a few large buttons for those who would rather click than remember keys. */
  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (bar, "toolbar");
  gtk_widget_add_css_class (bar, "projector-bar");
  gtk_box_append (GTK_BOX (box), bar);

  self->title_label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->title_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->title_label, "projector-journey-title");
  gtk_widget_set_margin_start (self->title_label, 12);
  gtk_box_append (GTK_BOX (bar), self->title_label);

  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (bar), spacer);

  linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (linked, "linked");
  self->whole_button = bar_button (self, "zoom-fit-best-symbolic", _("_Whole Map"),
                                   _("Show the whole map (S)"),
                                   G_CALLBACK (on_whole_clicked_cb), TRUE);
  self->stage_button = bar_button (self, "view-paged-symbolic", _("One S_tage"),
                                   _("Show one stage at a time (S)"),
                                   G_CALLBACK (on_stage_clicked_cb), TRUE);
  gtk_box_append (GTK_BOX (linked), self->whole_button);
  gtk_box_append (GTK_BOX (linked), self->stage_button);
  gtk_box_append (GTK_BOX (bar), linked);

  linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (linked, "linked");
  gtk_box_append (GTK_BOX (linked),
                  bar_button (self, "go-previous-symbolic", _("_Previous"),
                              _("The step before (←)"), G_CALLBACK (on_previous_clicked_cb), FALSE));
  gtk_box_append (GTK_BOX (linked),
                  bar_button (self, "go-next-symbolic", _("_Next"),
                              _("The step after (→)"), G_CALLBACK (on_next_clicked_cb), FALSE));
  gtk_box_append (GTK_BOX (bar), linked);

  gtk_box_append (GTK_BOX (bar),
                  bar_button (self, "list-add-symbolic", _("_Add Step"),
                              _("Add a step after this one (Enter)"),
                              G_CALLBACK (on_add_clicked_cb), FALSE));
  gtk_box_append (GTK_BOX (bar),
                  bar_button (self, "view-restore-symbolic", _("_Leave"),
                              _("Leave projector mode (Esc)"),
                              G_CALLBACK (on_leave_clicked_cb), FALSE));

  /* The map and, beside it, the current step told large. */
  body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_vexpand (body, TRUE);
  gtk_box_append (GTK_BOX (box), body);

  overlay = gtk_overlay_new ();
  gtk_widget_set_hexpand (overlay, TRUE);
  gtk_box_append (GTK_BOX (body), overlay);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled),
                                  GTK_POLICY_EXTERNAL, GTK_POLICY_EXTERNAL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->canvas));
  gtk_overlay_set_child (GTK_OVERLAY (overlay), self->scrolled);

  self->veil = gtk_drawing_area_new ();
  gtk_widget_set_can_target (self->veil, FALSE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->veil), draw_veil, self, NULL);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->veil);

  panel = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_add_css_class (panel, "projector-panel");
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), panel);
  gtk_widget_set_size_request (scroller, 520, -1);
  gtk_widget_set_hexpand (scroller, FALSE);
  gtk_box_append (GTK_BOX (body), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (body), scroller);

  self->position_label = panel_label ("projector-position");
  self->step_title_label = panel_label ("projector-step-title");
  self->place_label = panel_label ("projector-place");
  self->feeling_label = panel_label ("projector-feeling");
  self->pain_label = panel_label ("projector-pain");
  gtk_label_set_text (GTK_LABEL (self->pain_label), _("Pain point"));
  gtk_widget_set_halign (self->pain_label, GTK_ALIGN_START);
  self->quotes_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  self->withheld_label = panel_label ("projector-withheld");

  gtk_box_append (GTK_BOX (panel), self->position_label);
  gtk_box_append (GTK_BOX (panel), self->step_title_label);
  gtk_box_append (GTK_BOX (panel), self->place_label);
  gtk_box_append (GTK_BOX (panel), self->feeling_label);
  gtk_box_append (GTK_BOX (panel), self->pain_label);
  gtk_box_append (GTK_BOX (panel), self->quotes_box);
  gtk_box_append (GTK_BOX (panel), self->withheld_label);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* GObject */

static void
tandem_projector_view_dispose (GObject *object)
{
  TandemProjectorView *self = TANDEM_PROJECTOR_VIEW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->source);
  g_clear_handle_id (&self->frame_source, g_source_remove);
  g_clear_handle_id (&self->leave_source, g_source_remove);

  G_OBJECT_CLASS (tandem_projector_view_parent_class)->dispose (object);
}

static void
tandem_projector_view_class_init (TandemProjectorViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_projector_view_dispose;

  /**
   * TandemProjectorView::leave:
   *
   * The user asked to leave projector mode (Esc, or the Leave button).
   */
  signals[LEAVE] = g_signal_new ("leave", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "projectorview");
}

static void
tandem_projector_view_init (TandemProjectorView *self)
{
}

/* Public API */

/**
 * tandem_projector_view_new:
 * @source: the page's canvas, whose journey and maps (before, after or both) are projected
 */
GtkWidget *
tandem_projector_view_new (TandemJourneyCanvas *source)
{
  TandemProjectorView *self;

  g_return_val_if_fail (TANDEM_IS_JOURNEY_CANVAS (source), NULL);

  self = g_object_new (TANDEM_TYPE_PROJECTOR_VIEW, NULL);
  self->source = g_object_ref (source);
  self->canvas = TANDEM_JOURNEY_CANVAS (tandem_journey_canvas_new (tandem_journey_canvas_get_journey (source)));
  tandem_journey_canvas_set_show (self->canvas, tandem_journey_canvas_get_show (source));
  tandem_journey_canvas_set_arrangement (self->canvas, tandem_journey_canvas_get_arrangement (source));
  gtk_widget_add_css_class (GTK_WIDGET (self->canvas), "projector");
  self->document = g_object_ref (tandem_object_get_document (TANDEM_OBJECT (tandem_journey_canvas_get_journey (source))));

  build (self);
  update_stage_buttons (self);

  g_signal_connect_object (tandem_journey_canvas_get_selection (self->canvas), "notify::focus",
                           G_CALLBACK (on_focus_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (tandem_journey_canvas_get_editor (self->canvas), "notify::text",
                           G_CALLBACK (on_editor_text_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "show-message", G_CALLBACK (on_canvas_message_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "viewport-changed", G_CALLBACK (on_viewport_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "changed", G_CALLBACK (on_document_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-xft-dpi",
                           G_CALLBACK (on_dpi_changed_cb), self, G_CONNECT_SWAPPED);

  update_panel (self);

  return GTK_WIDGET (self);
}

TandemJourneyCanvas *
tandem_projector_view_get_canvas (TandemProjectorView *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECTOR_VIEW (self), NULL);

  return self->canvas;
}

/**
 * tandem_projector_view_get_current_step:
 *
 * Returns: (transfer none) (nullable): the step highlighted and told in the panel
 */
TandemStep *
tandem_projector_view_get_current_step (TandemProjectorView *self)
{
  TandemObject *focus;

  g_return_val_if_fail (TANDEM_IS_PROJECTOR_VIEW (self), NULL);

  focus = tandem_journey_selection_get_focus (tandem_journey_canvas_get_selection (self->canvas));
  if (TANDEM_IS_STEP (focus) && tandem_object_get_parent (focus) != NULL)
    return TANDEM_STEP (focus);

  return NULL;
}

gboolean
tandem_projector_view_get_one_stage (TandemProjectorView *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECTOR_VIEW (self), FALSE);

  return self->one_stage;
}

/**
 * tandem_projector_view_set_one_stage:
 *
 * Shows the current step's stage alone, the rest of the map veiled, or the whole map.
 */
void
tandem_projector_view_set_one_stage (TandemProjectorView *self,
                                     gboolean             one_stage)
{
  g_return_if_fail (TANDEM_IS_PROJECTOR_VIEW (self));

  self->one_stage = !!one_stage;
  update_stage_buttons (self);

  /* A stage is the current step's: start on the first step when none is current yet. */
  if (self->one_stage && tandem_projector_view_get_current_step (self) == NULL)
    tandem_projector_view_walk (self, 1);
  frame (self);
}

/**
 * tandem_projector_view_walk:
 * @delta: how many steps on in journey order (negative: back); G_MININT and G_MAXINT go to the
 *   first and last
 *
 * Makes another step current: highlighted on the map, told in the panel.
 */
void
tandem_projector_view_walk (TandemProjectorView *self,
                            int                  delta)
{
  g_autoptr(GPtrArray) steps = NULL;
  TandemStep *current;
  guint index;
  gint64 target;

  g_return_if_fail (TANDEM_IS_PROJECTOR_VIEW (self));

  steps = ordered_steps (self);
  if (steps->len == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  current = tandem_projector_view_get_current_step (self);
  if (current == NULL || !g_ptr_array_find (steps, current, &index))
    target = delta < 0 ? (gint64) steps->len - 1 : 0;
  else if (delta == G_MININT)
    target = 0;
  else if (delta == G_MAXINT)
    target = steps->len - 1;
  else
    target = (gint64) index + delta;

  if (target < 0 || target >= steps->len)
    {
      /* At either end of the journey: stay, and say so by the bell rather than wrapping. */
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  tandem_journey_canvas_focus_step (self->canvas, g_ptr_array_index (steps, target));
  frame (self);
}

/**
 * tandem_projector_view_get_text_scale:
 *
 * Returns: the desktop's text scaling factor, 1 for normal text
 */
double
tandem_projector_view_get_text_scale (TandemProjectorView *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECTOR_VIEW (self), 1.0);

  return text_scale (self);
}

/**
 * tandem_projector_view_get_title_pixels:
 *
 * Returns: the height of card titles on the map, in pixels: the painter's font size times the
 *   view's zoom
 */
double
tandem_projector_view_get_title_pixels (TandemProjectorView *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECTOR_VIEW (self), 0);

  return TANDEM_JOURNEY_FONT_CARD_TITLE * tandem_journey_canvas_get_zoom (self->canvas);
}

/**
 * tandem_projector_view_record_feeling:
 * @feeling: what a key 1 to 5 said, from very bad to very good
 *
 * Where a room's answer for the current step goes: one key press is one anonymous vote
 * (several voices per step), so a facilitator can poll the room a hand at a time. Each vote
 * is an undo step of its own, so a key pressed by mistake is taken back with Ctrl+Z.
 */
void
tandem_projector_view_record_feeling (TandemProjectorView *self,
                                      TandemFeeling        feeling)
{
  TandemStep *step;

  g_return_if_fail (TANDEM_IS_PROJECTOR_VIEW (self));

  step = tandem_projector_view_get_current_step (self);
  if (step == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  tandem_step_add_vote (step, feeling, NULL);
  update_panel (self);
}

/**
 * tandem_projector_view_start:
 * @step: (nullable): the step to start on; %NULL for the first
 *
 * Gives the map the keyboard and frames the step, once the view is in its window.
 */
void
tandem_projector_view_start (TandemProjectorView *self,
                             TandemStep          *step)
{
  g_return_if_fail (TANDEM_IS_PROJECTOR_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  if (step != NULL && tandem_object_get_parent (TANDEM_OBJECT (step)) != NULL)
    tandem_journey_canvas_focus_step (self->canvas, step);
  else
    tandem_projector_view_walk (self, 1);
  frame (self);
  update_panel (self);
}
