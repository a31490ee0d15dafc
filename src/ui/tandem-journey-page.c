/* tandem-journey-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-journey-page"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "tandem-document.h"
#include "tandem-journey-canvas.h"
#include "tandem-journey-edit.h"
#include "tandem-journey-export.h"
#include "tandem-journey-measures-view.h"
#include "tandem-journey-overview.h"
#include "tandem-journey-page.h"
#include "tandem-journey-step-list.h"
#include "tandem-journey-structure-window.h"
#include "tandem-personal-data-dialog.h"
#include "tandem-step-panel.h"

/*
 * The page of one journey: a toolbar, the canvas (or the same steps as a list, for screen
 * readers and for those who prefer a table), and a side panel with the details of the
 * selected step and the comparison of the two maps. The canvas, the list and the side panel
 * share one TandemJourneySelection, so they always agree on what is selected.
 */

struct _TandemJourneyPage
{
  AdwBin               parent_instance;

  TandemJourney       *journey;
  TandemJourneyCanvas *canvas;
  GtkWidget           *overview;
  GtkWidget           *step_list;
  GtkWidget           *step_panel;
  GtkWidget           *measures;
  char                *display;
  char                *last_message;
  guint                view_controls_source;
  GCancellable        *export_cancellable;  /* exports still running when the page goes */
  gboolean             panel_width_chosen;  /* dragged by the user: no longer proportionate */
  gboolean             placing_panel;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *display_stack;
  GtkScrolledWindow   *scrolled_window;
  GtkOverlay          *map_overlay;
  GtkBox              *list_box;
  GtkPaned            *side_paned;
  GtkRevealer         *side_revealer;
  GtkStack            *side_stack;
  GtkBox              *step_box;
  GtkBox              *compare_box;
  GtkButton           *zoom_button;
};

G_DEFINE_FINAL_TYPE (TandemJourneyPage, tandem_journey_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_JOURNEY,
  PROP_SHOW,
  PROP_DISPLAY,
  PROP_ARRANGEMENT,
  PROP_SIDE_PANEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary methods */

static const char *
show_to_string (TandemJourneyShow show)
{
  return show == TANDEM_JOURNEY_SHOW_BEFORE ? "before"
         : show == TANDEM_JOURNEY_SHOW_AFTER ? "after" : "both";
}

static TandemJourneyShow
show_from_string (const char *text)
{
  if (g_strcmp0 (text, "after") == 0)
    return TANDEM_JOURNEY_SHOW_AFTER;
  if (g_strcmp0 (text, "both") == 0)
    return TANDEM_JOURNEY_SHOW_BOTH;

  return TANDEM_JOURNEY_SHOW_BEFORE;
}

static void
show_toast (TandemJourneyPage *self,
            const char        *message,
            gboolean           offer_undo)
{
  AdwToast *toast = adw_toast_new (message);

  g_free (self->last_message);
  self->last_message = g_strdup (message);

  if (offer_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_list_map (TandemJourneyPage *self)
{
  tandem_journey_step_list_set_map (TANDEM_JOURNEY_STEP_LIST (self->step_list),
                                    tandem_journey_canvas_get_current_map (self->canvas));
}

/* Callbacks */

static void
on_canvas_message_cb (TandemJourneyPage *self,
                      const char        *message,
                      gboolean           offer_undo)
{
  show_toast (self, message, offer_undo);
}

static gboolean
update_view_controls_cb (gpointer user_data)
{
  TandemJourneyPage *self = user_data;
  g_autofree char *label = g_strdup_printf ("%.0f%%", tandem_journey_canvas_get_zoom (self->canvas) * 100);

  self->view_controls_source = 0;
  gtk_button_set_label (self->zoom_button, label);
  gtk_widget_set_visible (self->overview, tandem_journey_canvas_wants_overview (self->canvas));

  return G_SOURCE_REMOVE;
}

static void
on_canvas_zoom_cb (TandemJourneyPage *self)
{
  /* The canvas settles its zoom and size while it is being laid out; the label and the
   * overview change size, so they follow once that is done. */
  if (self->view_controls_source == 0)
    self->view_controls_source = g_idle_add (update_view_controls_cb, self);
}

static void
on_canvas_show_cb (TandemJourneyPage *self)
{
  update_list_map (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW]);
}

static void
on_focus_changed_cb (TandemJourneyPage *self)
{
  if (tandem_journey_canvas_get_show (self->canvas) == TANDEM_JOURNEY_SHOW_BOTH)
    update_list_map (self);
}

static void
on_step_added_cb (TandemJourneyPage *self)
{
  tandem_step_panel_focus_title (TANDEM_STEP_PANEL (self->step_panel));
}

static void
on_copy_response_cb (AdwMessageDialog  *dialog,
                     const char        *response,
                     TandemJourneyPage *self)
{
  if (g_str_equal (response, "replace"))
    tandem_journey_page_copy_before_to_after (self);
}

typedef struct
{
  TandemJourneyPage *self;
  GFile             *file;
} ExportState;

static void
export_state_free (ExportState *state)
{
  g_object_unref (state->self);
  g_object_unref (state->file);
  g_free (state);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportState, export_state_free)

static void
on_exported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ExportState) state = user_data;
  TandemJourneyPage *self = state->self;
  GFile *file = state->file;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_assert (TANDEM_IS_JOURNEY_PAGE (self));

  ok = tandem_journey_export_to_file_finish (result, &error);

  /* The page closed while the map was being drawn (dispose cancelled): nobody to tell. */
  if (self->export_cancellable == NULL)
    return;

  if (!ok)
    show_toast (self, error->message, FALSE);
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("Saved the journey map as “%s”"), name);

      show_toast (self, message, FALSE);
    }
}

static void
on_export_response_cb (GtkNativeDialog   *dialog,
                       int                response,
                       TandemJourneyPage *self)
{
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  TandemJourneyExportOptions options;
  TandemImageFormat format;
  GtkFileFilter *filter;
  guint format_id;
  const char *which;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_object_unref (dialog);
      return;
    }

  chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  which = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "maps");

  /* The format chosen in the dialog decides what is written, and the name is made to say so:
   * one rule, whatever was typed (see tandem_image_file_for_format()). */
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
  format_id = filter != NULL ? GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (filter), "format"))
                             : 0;
  /* A portal may hand back a filter of its own, without our mark: then the name decides. */
  if (format_id > 0)
    format = format_id - 1;
  else if (!tandem_image_format_for_file (chosen, &format))
    format = TANDEM_IMAGE_FORMAT_PDF;
  file = tandem_image_file_for_format (chosen, format);

  tandem_journey_export_options_init (&options);
  options.show = which ? show_from_string (which) : tandem_journey_canvas_get_show (self->canvas);
  options.arrangement = tandem_journey_canvas_get_arrangement (self->canvas);

  tandem_journey_page_export_to_file (self, file, &options);

  g_object_unref (dialog);
}

/* Actions */

static void
add_step_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TandemJourneyPage *self = TANDEM_JOURNEY_PAGE (widget);

  if (g_strcmp0 (self->display, "list") == 0)
    tandem_journey_step_list_add_step (TANDEM_JOURNEY_STEP_LIST (self->step_list));
  else
    tandem_journey_canvas_add_step (self->canvas);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemJourneyPage *self = TANDEM_JOURNEY_PAGE (widget);
  g_autofree char *canvas_action = g_strdup_printf ("canvas.%s", action_name + strlen ("journey."));

  gtk_widget_activate_action (GTK_WIDGET (self->canvas), canvas_action, NULL);
}

static void
edit_structure_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TandemJourneyPage *self = TANDEM_JOURNEY_PAGE (widget);
  GtkWidget *window = tandem_journey_structure_window_new (self->journey);

  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (window));
}

static void
copy_before_to_after_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  TandemJourneyPage *self = TANDEM_JOURNEY_PAGE (widget);
  TandemJourneyMap *after = tandem_journey_get_map (self->journey, TANDEM_MAP_SIDE_AFTER);
  guint n = after ? tandem_list_get_n (tandem_journey_map_get_steps (after)) : 0;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (n == 0)
    {
      tandem_journey_page_copy_before_to_after (self);
      return;
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The after map has %u step. Starting it again from a copy "
                                       "of the before map replaces it. You can undo this.",
                                       "The after map has %u steps. Starting it again from a copy "
                                       "of the before map replaces them. You can undo this.", n),
                          n);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Replace the After Map?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "replace", _("_Replace"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_copy_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkFileFilter *
make_filter (const char        *name,
             const char        *mime_type,
             TandemImageFormat  format)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, tandem_image_format_get_suffix (format) + 1);
  /* One more than the format, so that no mark (a portal's own filter) is told apart. */
  g_object_set_data (G_OBJECT (filter), "format", GUINT_TO_POINTER (format + 1));

  return filter;
}

static void
choose_export_file (GtkWidget *widget)
{
  TandemJourneyPage *self = TANDEM_JOURNEY_PAGE (widget);
  const char *ids[] = { "before", "after", "both", NULL };
  const char *labels[] = { _("Before"), _("After"), _("Both"), NULL };
  g_autoptr(GtkFileFilter) pdf = make_filter (_("PDF Document"), "application/pdf",
                                                TANDEM_IMAGE_FORMAT_PDF);
  g_autoptr(GtkFileFilter) png = make_filter (_("PNG Image"), "image/png",
                                                TANDEM_IMAGE_FORMAT_PNG);
  g_autoptr(GtkFileFilter) svg = make_filter (_("SVG Drawing"), "image/svg+xml",
                                                TANDEM_IMAGE_FORMAT_SVG);
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export Journey Map"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), pdf);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), png);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), svg);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "maps", _("Maps"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "maps",
                               show_to_string (tandem_journey_canvas_get_show (self->canvas)));

  name = g_strdup_printf ("%s.pdf", tandem_journey_get_title (self->journey)[0]
                                    ? tandem_journey_get_title (self->journey) : _("Journey"));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Personal data in this journey is named first (issue 11, point 9). */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemJourneyPage *self = TANDEM_JOURNEY_PAGE (widget);

  tandem_personal_data_confirm (widget, tandem_object_get_document (TANDEM_OBJECT (self->journey)),
                                TANDEM_OBJECT (self->journey), _("_Export Anyway"),
                                choose_export_file);
}

/* GObject */

static void
tandem_journey_page_dispose (GObject *object)
{
  TandemJourneyPage *self = (TandemJourneyPage *)object;

  g_clear_handle_id (&self->view_controls_source, g_source_remove);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_JOURNEY_PAGE);

  G_OBJECT_CLASS (tandem_journey_page_parent_class)->dispose (object);
}

static void
tandem_journey_page_finalize (GObject *object)
{
  TandemJourneyPage *self = (TandemJourneyPage *)object;

  g_clear_object (&self->journey);
  g_clear_pointer (&self->display, g_free);
  g_clear_pointer (&self->last_message, g_free);

  G_OBJECT_CLASS (tandem_journey_page_parent_class)->finalize (object);
}

static void
tandem_journey_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TandemJourneyPage *self = TANDEM_JOURNEY_PAGE (object);

  switch (prop_id)
    {
    case PROP_JOURNEY:
      g_value_set_object (value, self->journey);
      break;

    case PROP_SHOW:
      g_value_set_string (value, show_to_string (tandem_journey_canvas_get_show (self->canvas)));
      break;

    case PROP_DISPLAY:
      g_value_set_string (value, self->display);
      break;

    case PROP_ARRANGEMENT:
      g_value_set_string (value, tandem_journey_canvas_get_arrangement (self->canvas) ==
                                 TANDEM_JOURNEY_ARRANGE_ABOVE_BELOW ? "above-below" : "side-by-side");
      break;

    case PROP_SIDE_PANEL:
      g_value_set_boolean (value, gtk_revealer_get_reveal_child (self->side_revealer));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_display (TandemJourneyPage *self,
             const char        *display)
{
  if (g_strcmp0 (display, "list") != 0)
    display = "map";

  if (g_strcmp0 (self->display, display) == 0)
    return;

  g_free (self->display);
  self->display = g_strdup (display);
  gtk_stack_set_visible_child_name (self->display_stack, display);

  if (g_str_equal (display, "list"))
    {
      update_list_map (self);
      gtk_widget_grab_focus (self->step_list);
    }
  else
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY]);
}

static void
build (TandemJourneyPage *self)
{
  self->canvas = TANDEM_JOURNEY_CANVAS (tandem_journey_canvas_new (self->journey));
  gtk_scrolled_window_set_child (self->scrolled_window, GTK_WIDGET (self->canvas));
  g_signal_connect_object (self->canvas, "show-message", G_CALLBACK (on_canvas_message_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "notify::zoom", G_CALLBACK (on_canvas_zoom_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "notify::show", G_CALLBACK (on_canvas_show_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (tandem_journey_canvas_get_selection (self->canvas), "notify::focus",
                           G_CALLBACK (on_focus_changed_cb), self, G_CONNECT_SWAPPED);
  self->overview = tandem_journey_overview_new (self->canvas);
  gtk_widget_set_halign (self->overview, GTK_ALIGN_END);
  gtk_widget_set_valign (self->overview, GTK_ALIGN_END);
  gtk_widget_set_margin_end (self->overview, 18);
  gtk_widget_set_margin_bottom (self->overview, 18);
  g_signal_connect_object (self->canvas, "notify::overflows", G_CALLBACK (on_canvas_zoom_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_visible (self->overview, FALSE);
  gtk_overlay_add_overlay (self->map_overlay, self->overview);

  self->step_list = tandem_journey_step_list_new (self->canvas);
  gtk_widget_set_vexpand (self->step_list, TRUE);
  gtk_box_append (self->list_box, self->step_list);

  /* As wide as the divider leaves it (place_side_panel()), not a fixed width. */
  self->step_panel = tandem_step_panel_new (self->canvas);
  gtk_widget_set_hexpand (self->step_panel, TRUE);
  gtk_box_append (self->step_box, self->step_panel);

  self->measures = tandem_journey_measures_view_new (self->journey);
  gtk_widget_set_hexpand (self->measures, TRUE);
  gtk_box_append (self->compare_box, self->measures);

  update_view_controls_cb (self);

  g_signal_connect_object (self->step_list, "step-added", G_CALLBACK (on_step_added_cb), self,
                           G_CONNECT_SWAPPED);

  update_list_map (self);
}

static void
tandem_journey_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TandemJourneyPage *self = TANDEM_JOURNEY_PAGE (object);

  switch (prop_id)
    {
    case PROP_JOURNEY:
      self->journey = g_value_dup_object (value);
      build (self);
      break;

    case PROP_SHOW:
      tandem_journey_canvas_set_show (self->canvas, show_from_string (g_value_get_string (value)));
      break;

    case PROP_DISPLAY:
      set_display (self, g_value_get_string (value));
      break;

    case PROP_ARRANGEMENT:
      tandem_journey_canvas_set_arrangement (self->canvas,
                                             g_strcmp0 (g_value_get_string (value), "above-below") == 0
                                             ? TANDEM_JOURNEY_ARRANGE_ABOVE_BELOW
                                             : TANDEM_JOURNEY_ARRANGE_SIDE_BY_SIDE);
      g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_SIDE_PANEL:
      /* Hidden, not only folded away, so that the divider goes with it. */
      gtk_revealer_set_reveal_child (self->side_revealer, g_value_get_boolean (value));
      gtk_widget_set_visible (GTK_WIDGET (self->side_revealer), g_value_get_boolean (value));
      g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_journey_page_class_init (TandemJourneyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_journey_page_dispose;
  object_class->finalize = tandem_journey_page_finalize;
  object_class->get_property = tandem_journey_page_get_property;
  object_class->set_property = tandem_journey_page_set_property;

  properties[PROP_JOURNEY] =
    g_param_spec_object ("journey", NULL, NULL,
                         TANDEM_TYPE_JOURNEY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHOW] =
    g_param_spec_string ("show", NULL, NULL, "before",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DISPLAY] =
    g_param_spec_string ("display", NULL, NULL, "map",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ARRANGEMENT] =
    g_param_spec_string ("arrangement", NULL, NULL, "side-by-side",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SIDE_PANEL] =
    g_param_spec_boolean ("side-panel", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/tandem-journey-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemJourneyPage, display_stack);
  gtk_widget_class_bind_template_child (widget_class, TandemJourneyPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, TandemJourneyPage, map_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemJourneyPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, TandemJourneyPage, side_paned);
  gtk_widget_class_bind_template_child (widget_class, TandemJourneyPage, side_revealer);
  gtk_widget_class_bind_template_child (widget_class, TandemJourneyPage, side_stack);
  gtk_widget_class_bind_template_child (widget_class, TandemJourneyPage, step_box);
  gtk_widget_class_bind_template_child (widget_class, TandemJourneyPage, compare_box);
  gtk_widget_class_bind_template_child (widget_class, TandemJourneyPage, zoom_button);

  gtk_widget_class_install_property_action (widget_class, "journey.show", "show");
  gtk_widget_class_install_property_action (widget_class, "journey.display", "display");
  gtk_widget_class_install_property_action (widget_class, "journey.arrangement", "arrangement");
  gtk_widget_class_install_property_action (widget_class, "journey.side-panel", "side-panel");
  gtk_widget_class_install_action (widget_class, "journey.add-step", NULL, add_step_action);
  gtk_widget_class_install_action (widget_class, "journey.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "journey.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "journey.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "journey.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "journey.edit-structure", NULL,
                                   edit_structure_action);
  gtk_widget_class_install_action (widget_class, "journey.copy-before-to-after", NULL,
                                   copy_before_to_after_action);
  gtk_widget_class_install_action (widget_class, "journey.export", NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "journey.side-panel", NULL);
}

/* The side panel takes a share of the page (a fixed 360 px left a laptop's map too small to
 * read at Fit, and broke words when the text is large): a fifth, between 240 and 400 px,
 * until its divider is dragged; then it keeps the width chosen. */
#define SIDE_PANEL_SHARE 0.2
#define SIDE_PANEL_MIN   240
#define SIDE_PANEL_MAX   400

static void
place_side_panel (TandemJourneyPage *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->side_paned));
  int panel;

  if (self->panel_width_chosen || width <= 1)
    return;

  panel = CLAMP ((int)(width * SIDE_PANEL_SHARE), SIDE_PANEL_MIN, SIDE_PANEL_MAX);
  self->placing_panel = TRUE;
  gtk_paned_set_position (self->side_paned, MAX (0, width - panel));
  self->placing_panel = FALSE;
}

static void
on_paned_max_position_cb (GtkPaned          *paned,
                          GParamSpec        *pspec,
                          TandemJourneyPage *self)
{
  place_side_panel (self);
}

static void
on_divider_drag_begin_cb (GtkGestureDrag    *gesture,
                          double             x,
                          double             y,
                          TandemJourneyPage *self)
{
  /* A press on the divider (a few pixels either side of it), not anywhere on the page. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->side_revealer)) &&
      fabs (x - gtk_paned_get_position (self->side_paned)) <= 8)
    self->panel_width_chosen = TRUE;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
tandem_journey_page_init (TandemJourneyPage *self)
{
  self->display = g_strdup ("map");

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Not a template child: dispose_template() would unparent it under AdwBin's feet. */
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));

  g_signal_connect_object (self->side_paned, "notify::max-position",
                           G_CALLBACK (on_paned_max_position_cb), self, 0);
  {
    GtkGesture *divider = gtk_gesture_drag_new ();

    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (divider), GTK_PHASE_CAPTURE);
    g_signal_connect_object (divider, "drag-begin", G_CALLBACK (on_divider_drag_begin_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->side_paned), GTK_EVENT_CONTROLLER (divider));
  }

  /* Zoom keys work wherever the focus is while the journey is shown (the side panel, the
   * sidebar, the header bar), not only on the map; GTK skips them while the page is hidden. */
  {
    const struct { const char *trigger; const char *action; } zoom_keys[] = {
      { "<Control>plus|<Control>equal", "journey.zoom-in" },
      { "<Control>KP_Add", "journey.zoom-in" },
      { "<Control>minus|<Control>KP_Subtract", "journey.zoom-out" },
      { "<Control>0|<Control>KP_0", "journey.zoom-fit" },
      { "<Control>1|<Control>KP_1", "journey.zoom-reset" },
    };
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
    for (guint i = 0; i < G_N_ELEMENTS (zoom_keys); i++)
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                            gtk_shortcut_new (gtk_shortcut_trigger_parse_string (zoom_keys[i].trigger),
                                                              gtk_named_action_new (zoom_keys[i].action)));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }
}

/* Public API */

GtkWidget *
tandem_journey_page_new (TandemJourney *journey)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY (journey), NULL);

  return g_object_new (TANDEM_TYPE_JOURNEY_PAGE, "journey", journey, NULL);
}

/**
 * tandem_journey_page_get_journey:
 *
 * Returns: (transfer none): the journey shown
 */
TandemJourney *
tandem_journey_page_get_journey (TandemJourneyPage *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_PAGE (self), NULL);

  return self->journey;
}

/**
 * tandem_journey_page_get_canvas:
 *
 * Returns: (transfer none): the canvas
 */
TandemJourneyCanvas *
tandem_journey_page_get_canvas (TandemJourneyPage *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_PAGE (self), NULL);

  return self->canvas;
}

/**
 * tandem_journey_page_get_step_list:
 *
 * Returns: (transfer none): the list of steps in journey order
 */
GtkWidget *
tandem_journey_page_get_step_list (TandemJourneyPage *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_PAGE (self), NULL);

  return self->step_list;
}

/**
 * tandem_journey_page_get_step_panel:
 *
 * Returns: (transfer none): the side panel that edits the selected step
 */
GtkWidget *
tandem_journey_page_get_step_panel (TandemJourneyPage *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_PAGE (self), NULL);

  return self->step_panel;
}

/**
 * tandem_journey_page_get_measures:
 *
 * Returns: (transfer none): the comparison of the two maps
 */
GtkWidget *
tandem_journey_page_get_measures (TandemJourneyPage *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_PAGE (self), NULL);

  return self->measures;
}

/**
 * tandem_journey_page_copy_before_to_after:
 *
 * Starts the after map from a copy of the before map, replacing what it had, as one undo
 * step, and shows both maps.
 */
void
tandem_journey_page_copy_before_to_after (TandemJourneyPage *self)
{
  TandemJourneyMap *before, *after;
  TandemDocument *document;

  g_return_if_fail (TANDEM_IS_JOURNEY_PAGE (self));

  before = tandem_journey_get_map (self->journey, TANDEM_MAP_SIDE_BEFORE);
  after = tandem_journey_get_map (self->journey, TANDEM_MAP_SIDE_AFTER);
  document = tandem_object_get_document (TANDEM_OBJECT (self->journey));
  if (before == NULL || after == NULL || document == NULL)
    return;

  tandem_journey_canvas_commit_editing (self->canvas);
  tandem_document_begin (document, _("Copy the Before Map"));
  tandem_journey_map_copy_from (after, before);
  tandem_document_commit (document);

  tandem_journey_canvas_set_show (self->canvas, TANDEM_JOURNEY_SHOW_AFTER);
  show_toast (self, _("The after map starts as a copy of the before map"), TRUE);
}

/**
 * tandem_journey_page_export_to_file:
 * @options: (nullable): which maps and how; %NULL for what the canvas shows
 *
 * Draws the maps into @file on a worker thread, as Export does once a file is chosen; a
 * toast says when it is written, or why not.
 */
void
tandem_journey_page_export_to_file (TandemJourneyPage                *self,
                                    GFile                            *file,
                                    const TandemJourneyExportOptions *options)
{
  TandemJourneyExportOptions shown;
  ExportState *state;

  g_return_if_fail (TANDEM_IS_JOURNEY_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (options == NULL)
    {
      tandem_journey_export_options_init (&shown);
      shown.show = tandem_journey_canvas_get_show (self->canvas);
      shown.arrangement = tandem_journey_canvas_get_arrangement (self->canvas);
      options = &shown;
    }

  if (self->export_cancellable == NULL)
    self->export_cancellable = g_cancellable_new ();

  state = g_new0 (ExportState, 1);
  state->self = g_object_ref (self);
  state->file = g_object_ref (file);
  tandem_journey_export_to_file_async (self->journey, file, options, self->export_cancellable,
                                       on_exported_cb, state);
}

/**
 * tandem_journey_page_get_last_message:
 *
 * Returns: (nullable): the last message shown, for tests
 */
const char *
tandem_journey_page_get_last_message (TandemJourneyPage *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_PAGE (self), NULL);

  return self->last_message;
}

/**
 * tandem_journey_page_reveal:
 * @object: a step of the journey, or the journey itself
 * @what: (nullable): what happened there, for a screen reader: "Undone: Move Step “Triage”."
 *
 * Shows where a change happened (after Undo, say): the step selected and scrolled into view,
 * on its map, which is shown if it was not.
 */
void
tandem_journey_page_reveal (TandemJourneyPage *self,
                            TandemObject      *object,
                            const char        *what)
{
  TandemStep *step;
  TandemJourneyMap *map;
  TandemJourneyShow show;
  TandemJourneyShow needed;

  g_return_if_fail (TANDEM_IS_JOURNEY_PAGE (self));

  if (!TANDEM_IS_STEP (object))
    return;

  step = TANDEM_STEP (object);
  map = tandem_journey_map_for_step (step);
  /* A step the undo took away is no longer on any map: the journey shown is all there is. */
  if (map == NULL || tandem_journey_for_object (TANDEM_OBJECT (map)) != self->journey)
    return;

  show = tandem_journey_canvas_get_show (self->canvas);
  needed = tandem_journey_map_get_side (map) == TANDEM_MAP_SIDE_AFTER ? TANDEM_JOURNEY_SHOW_AFTER
                                                                      : TANDEM_JOURNEY_SHOW_BEFORE;
  if ((show & needed) == 0)
    tandem_journey_canvas_set_show (self->canvas, needed);
  tandem_journey_canvas_focus_step (self->canvas, step);
  if (what != NULL)
    tandem_journey_canvas_announce (self->canvas, what);
}
