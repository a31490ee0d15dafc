/* tandem-step-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-step-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-binding.h"
#include "tandem-document.h"
#include "tandem-journey-edit.h"
#include "tandem-journey-measures.h"
#include "tandem-dialogs.h"
#include "tandem-labels.h"
#include "tandem-link-chooser.h"
#include "tandem-quote.h"
#include "tandem-step-panel.h"
#include "tandem-vote.h"

/*
 * The side panel of a journey page: every field of the focused step, its quotes (the words,
 * who said them, whether they agreed to be quoted, and in which session), the connectors to
 * the steps that follow, and the "replaced by" links between the two maps. With no step
 * focused, it edits the journey's title and description.
 *
 * The rows are made once and bound again to each step the focus moves to (the bindings go
 * through transactions, see tandem-binding.c). Lists that change shape, such as quotes and
 * connectors, are rebuilt only when their members change, never while one of their fields is
 * being typed into.
 */

typedef struct
{
  TandemStepPanel *panel;
  AdwActionRow    *row;
  GtkEntry        *entry;
  GtkDropDown     *unit;
  const char      *property;
  const char      *unit_property;
  const char      *undo_label;
  TandemStep      *step_shown;  /* unowned, only compared */
  gboolean         updating;
} TimeRow;

struct _TandemStepPanel
{
  AdwBin                  parent_instance;

  TandemJourneyCanvas    *canvas;  /* weak */
  TandemJourney          *journey;
  TandemDocument         *document;
  TandemJourneySelection *selection;
  TandemStep             *step;

  GtkStack               *stack;
  AdwPreferencesGroup    *step_group;
  AdwEntryRow            *title_row;
  AdwEntryRow            *role_row;
  AdwEntryRow            *place_row;
  TimeRow                 wait;
  TimeRow                 duration;
  AdwComboRow            *feeling_row;
  GtkSwitch              *touchpoint_switch;
  GtkSwitch              *pain_switch;
  AdwComboRow            *stage_row;
  AdwComboRow            *lane_row;
  GtkTextView            *description_view;
  GtkBox                 *quotes_box;
  GtkListBox             *votes_list;
  AdwComboRow            *vote_feeling_row;
  AdwEntryRow            *vote_label_row;
  char                   *votes_signature;
  GtkListBox             *connectors_list;
  AdwComboRow            *connect_row;
  GPtrArray              *connect_targets;
  AdwPreferencesGroup    *replacements_group;
  GtkListBox             *replacements_list;
  AdwComboRow            *replace_row;
  GPtrArray              *replace_targets;
  AdwEntryRow            *journey_title_row;
  GtkTextView            *journey_description_view;

  char                   *places_signature;
  char                   *links_signature;
  char                   *targets_signature;
  gulong                  quotes_changed_id;
  TandemList             *quotes;
  guint                   updating : 1;
};

G_DEFINE_FINAL_TYPE (TandemStepPanel, tandem_step_panel, ADW_TYPE_BIN)

static void rebuild_quotes (TandemStepPanel *self);

/* Auxiliary methods */

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static GtkListBox *
boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  return GTK_LIST_BOX (list);
}

static GtkWidget *
framed_text_view (GtkTextView **view,
                  const char   *label)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *text = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text), GTK_WRAP_WORD_CHAR);
  /* Tab goes on to the next field, as in every other field of the panel; a tab character
   * means nothing in a description. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (text), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text), 10);
  gtk_widget_set_size_request (text, -1, 72);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_frame_set_child (GTK_FRAME (frame), text);
  gtk_widget_add_css_class (frame, "view");
  *view = GTK_TEXT_VIEW (text);

  return frame;
}

static char *
step_label (TandemStep *step)
{
  TandemJourneyMap *map = tandem_journey_map_for_step (step);
  g_autoptr(GPtrArray) ordered = map ? tandem_journey_map_steps_in_order (map) : NULL;
  const char *title = tandem_step_get_title (step);
  guint index = 0;

  if (ordered != NULL)
    g_ptr_array_find (ordered, step, &index);

  /* TRANSLATORS: a step in a list: its number in the journey and its title */
  return g_strdup_printf (_("%u · %s"), index + 1, title[0] ? title : _("Untitled step"));
}

/* Times: a number and a unit (minutes, hours, days) over a field in minutes
 *
 * The number is kept as typed and the unit says what it means: choosing "hours" after
 * typing 4 makes it 4 hours, it never converts 4 minutes into "0.1" hours. Nothing is
 * written back unless the text changes, so tabbing through changes nothing, and the text
 * shown is always exactly what is stored (see tandem_time_format_exact()). The unit chosen
 * for a step is remembered while the window is open; otherwise a time is shown in the
 * largest unit in which it is a whole number.
 */

static TandemTimeUnit
time_row_get_unit (TimeRow *time)
{
  return MIN (gtk_drop_down_get_selected (time->unit), TANDEM_N_TIME_UNITS - 1);
}

static void
time_row_show_error (TimeRow    *time,
                     const char *message)
{
  adw_action_row_set_subtitle (time->row, message ? message : "");
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (time->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (time->entry), "error");
}

static void
time_row_from_model (TimeRow *time)
{
  TandemStep *step = time->panel->step;
  g_autofree char *text = NULL;
  double minutes, shown;
  TandemTimeUnit unit;

  if (step == NULL || time->updating)
    return;

  g_object_get (step, time->property, &minutes, time->unit_property, &unit, NULL);

  /* The text already says this (perhaps "2." on the way to "2.5"): leave it alone. */
  if (time->step_shown == step &&
      tandem_time_parse (gtk_editable_get_text (GTK_EDITABLE (time->entry)),
                         time_row_get_unit (time), &shown, NULL) &&
      shown == minutes)
    return;

  /* The unit it was typed in, kept with the step; only a time that unit cannot show exactly
   * (set by other means) is shown in the largest unit that can. */
  if ((text = tandem_time_format_exact (minutes, unit)) == NULL)
    {
      unit = tandem_time_unit_for_minutes (minutes);
      g_free (text);
      text = tandem_time_format_exact (minutes, unit);
    }

  time->updating = TRUE;
  time->step_shown = step;
  gtk_drop_down_set_selected (time->unit, unit);
  gtk_editable_set_text (GTK_EDITABLE (time->entry), text ? text : "");
  time_row_show_error (time, NULL);
  time->updating = FALSE;
}

/* The number typed, in the unit chosen, to the model; a text that is not a time is kept as
 * typed, said to be wrong, and changes nothing. */
static void
time_row_to_model (TimeRow *time)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  double minutes, stored;

  if (!tandem_time_parse (gtk_editable_get_text (GTK_EDITABLE (time->entry)),
                          time_row_get_unit (time), &minutes, &error))
    {
      time_row_show_error (time, error->message);
      return;
    }

  time_row_show_error (time, NULL);
  g_object_get (time->panel->step, time->property, &stored, NULL);
  if (stored == minutes)
    return;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, minutes);
  time->updating = TRUE;
  tandem_set_property_undoable (TANDEM_OBJECT (time->panel->step), time->property, &value,
                                time->undo_label, TRUE);
  time->updating = FALSE;
}

static void
on_time_text_changed_cb (GtkEditable *editable,
                         TimeRow     *time)
{
  g_autofree char *text = NULL;

  if (time->updating || time->panel->step == NULL)
    return;

  /* Empty on the way to another number (select all, type) is not "none" yet: that is
   * decided when the field is left or Enter is pressed. */
  text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  if (text[0] == '\0')
    {
      time_row_show_error (time, NULL);
      return;
    }

  time_row_to_model (time);
}

static void
on_time_committed_cb (TimeRow *time)
{
  if (time->updating || time->panel->step == NULL)
    return;

  time_row_to_model (time);
}

static void
on_time_unit_changed_cb (GtkDropDown *unit,
                         GParamSpec  *pspec,
                         TimeRow     *time)
{
  TandemDocument *document;
  TandemTimeUnit stored;

  if (time->updating || time->panel->step == NULL)
    return;

  document = tandem_object_get_document (TANDEM_OBJECT (time->panel->step));

  g_object_get (time->panel->step, time->unit_property, &stored, NULL);
  if (stored == time_row_get_unit (time))
    return;

  /* The unit is kept with the step; with the number it qualifies, one undo step. */
  tandem_document_begin (document, time->undo_label);
  time->updating = TRUE;
  g_object_set (time->panel->step, time->unit_property, time_row_get_unit (time), NULL);
  time->updating = FALSE;
  time_row_to_model (time);
  tandem_document_commit (document);
}

static AdwActionRow *
make_time_row (TandemStepPanel *self,
               TimeRow         *time,
               const char      *title,
               const char      *property,
               const char      *undo_label,
               const char      *unit_label)
{
  const char *unit_names[] = { _("minutes"), _("hours"), _("days"), NULL };
  GtkEventController *focus;

  time->panel = self;
  time->property = property;
  time->unit_property = g_str_equal (property, "wait-minutes") ? "wait-unit" : "duration-unit";
  time->undo_label = undo_label;
  time->row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (time->row), title);

  time->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_input_purpose (time->entry, GTK_INPUT_PURPOSE_NUMBER);
  gtk_editable_set_width_chars (GTK_EDITABLE (time->entry), 6);
  gtk_editable_set_alignment (GTK_EDITABLE (time->entry), 1.0);
  gtk_widget_set_valign (GTK_WIDGET (time->entry), GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (time->entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, time->row, NULL, -1);
  g_signal_connect (time->entry, "changed", G_CALLBACK (on_time_text_changed_cb), time);
  g_signal_connect_swapped (time->entry, "activate", G_CALLBACK (on_time_committed_cb), time);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_time_committed_cb), time);
  gtk_widget_add_controller (GTK_WIDGET (time->entry), focus);

  time->unit = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (unit_names));
  gtk_widget_set_valign (GTK_WIDGET (time->unit), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (time->unit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  unit_label, -1);
  /* The drop-down's own button is what takes the focus; it has to say what it is for too. */
  {
    GtkWidget *toggle = find_descendant (GTK_WIDGET (time->unit), GTK_TYPE_TOGGLE_BUTTON);

    if (toggle != NULL)
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      unit_label, -1);
  }
  g_signal_connect (time->unit, "notify::selected", G_CALLBACK (on_time_unit_changed_cb), time);

  adw_action_row_add_suffix (time->row, GTK_WIDGET (time->entry));
  adw_action_row_add_suffix (time->row, GTK_WIDGET (time->unit));
  adw_action_row_set_activatable_widget (time->row, GTK_WIDGET (time->entry));

  return time->row;
}

/* A button with a mnemonic whose accessible name is the words alone: GTK 4.8 names it after
 * the label as written, so a screen reader said "_Link Link". */
static GtkWidget *
mnemonic_button (const char *label)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  g_autoptr(GString) name = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (name, *p);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name->str, -1);

  return button;
}

/* Choices */

static gboolean
focus_selected_choice_cb (gpointer user_data)
{
  g_autoptr(AdwComboRow) row = user_data;
  GtkWidget *popover = find_descendant (GTK_WIDGET (row), GTK_TYPE_POPOVER);
  GtkWidget *list = popover ? find_descendant (popover, GTK_TYPE_LIST_VIEW) : NULL;
  guint selected = adw_combo_row_get_selected (row);
  GtkWidget *child;

  if (list == NULL || !gtk_widget_get_mapped (list) || selected == GTK_INVALID_LIST_POSITION)
    return G_SOURCE_REMOVE;

  /* A short list has a row widget for each choice, in order. */
  child = gtk_widget_get_first_child (list);
  for (guint i = 0; child != NULL && i < selected; i++)
    child = gtk_widget_get_next_sibling (child);
  if (child != NULL)
    gtk_widget_grab_focus (child);

  return G_SOURCE_REMOVE;
}

static void
on_choice_popover_map_cb (GtkWidget   *popover,
                          AdwComboRow *row)
{
  /* The keyboard starts on the current choice, so that Down goes on to the next feeling
   * rather than from the top (libadwaita 1.2 focuses the first row). After the popover has
   * given the focus to its first row, hence from an idle. */
  g_idle_add (focus_selected_choice_cb, g_object_ref (row));
}

static void
start_on_selected (AdwComboRow *row)
{
  GtkWidget *popover = find_descendant (GTK_WIDGET (row), GTK_TYPE_POPOVER);

  if (popover != NULL)
    g_signal_connect_object (popover, "map", G_CALLBACK (on_choice_popover_map_cb), row,
                             G_CONNECT_AFTER);
}

/* Stage and lane */

static void
places_from_model (TandemStepPanel *self)
{
  TandemList *stages = tandem_journey_get_stages (self->journey);
  TandemList *lanes = tandem_journey_get_lanes (self->journey);
  g_autoptr(GString) signature = g_string_new (NULL);

  for (guint i = 0; i < tandem_list_get_n (stages); i++)
    g_string_append_printf (signature, "%s\x1f", tandem_stage_get_title (tandem_list_get (stages, i)));
  g_string_append_c (signature, '\x1e');
  for (guint i = 0; i < tandem_list_get_n (lanes); i++)
    g_string_append_printf (signature, "%s\x1f", tandem_lane_get_title (tandem_list_get (lanes, i)));

  self->updating = TRUE;

  if (g_strcmp0 (signature->str, self->places_signature) != 0)
    {
      g_autoptr(GtkStringList) stage_names = gtk_string_list_new (NULL);
      g_autoptr(GtkStringList) lane_names = gtk_string_list_new (NULL);

      for (guint i = 0; i < tandem_list_get_n (stages); i++)
        gtk_string_list_append (stage_names, tandem_stage_get_title (tandem_list_get (stages, i)));
      for (guint i = 0; i < tandem_list_get_n (lanes); i++)
        gtk_string_list_append (lane_names, tandem_lane_get_title (tandem_list_get (lanes, i)));

      adw_combo_row_set_model (self->stage_row, G_LIST_MODEL (stage_names));
      adw_combo_row_set_model (self->lane_row, G_LIST_MODEL (lane_names));
      g_free (self->places_signature);
      self->places_signature = g_string_free (g_steal_pointer (&signature), FALSE);
    }

  if (self->step != NULL)
    {
      int stage = tandem_journey_stage_index (self->journey, tandem_step_get_stage (self->step));
      int lane = tandem_journey_lane_index (self->journey, tandem_step_get_lane (self->step));

      adw_combo_row_set_selected (self->stage_row, stage >= 0 ? (guint)stage : GTK_INVALID_LIST_POSITION);
      adw_combo_row_set_selected (self->lane_row, lane >= 0 ? (guint)lane : GTK_INVALID_LIST_POSITION);
    }

  self->updating = FALSE;
}

static void
on_place_selected_cb (AdwComboRow     *row,
                      GParamSpec      *pspec,
                      TandemStepPanel *self)
{
  gboolean is_stage = row == self->stage_row;
  TandemList *list = is_stage ? tandem_journey_get_stages (self->journey)
                              : tandem_journey_get_lanes (self->journey);
  TandemObject *object = tandem_list_get (list, adw_combo_row_get_selected (row));
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating || self->step == NULL || object == NULL)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, tandem_object_get_id (object));

  if (is_stage)
    {
      TandemJourneyMap *map = tandem_journey_map_for_step (self->step);
      g_autoptr(GPtrArray) exclude = g_ptr_array_new ();

      if (g_str_equal (tandem_step_get_stage (self->step), tandem_object_get_id (object)))
        return;

      /* A step moved to another stage goes at its end. */
      g_ptr_array_add (exclude, self->step);
      tandem_document_begin (self->document, _("Move Step"));
      tandem_step_set_order (self->step,
                             tandem_journey_map_order_at (map, tandem_object_get_id (object),
                                                          G_MAXUINT, exclude));
      tandem_step_set_stage (self->step, tandem_object_get_id (object));
      tandem_document_commit (self->document);
    }
  else
    {
      tandem_set_property_undoable (TANDEM_OBJECT (self->step), "lane", &value, _("Move Step"),
                                    FALSE);
    }
}

/* Quotes */

static void
on_remove_quote_clicked_cb (GtkButton   *button,
                            TandemQuote *quote)
{
  TandemDocument *document = tandem_object_get_document (TANDEM_OBJECT (quote));
  TandemObject *step = tandem_object_get_parent (TANDEM_OBJECT (quote));
  g_autofree char *links = NULL;
  GtkWidget *overlay;

  if (document == NULL || !TANDEM_IS_STEP (step))
    return;

  /* Asked before the removal; the button goes with the quote, the window's overlay stays. */
  {
    g_autoptr(GPtrArray) removed = g_ptr_array_new ();

    g_ptr_array_add (removed, quote);
    links = tandem_link_describe_removal (document, removed);
  }
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_TOAST_OVERLAY);
  tandem_document_begin (document, _("Remove Quote"));
  tandem_list_remove_object (tandem_step_get_quotes (TANDEM_STEP (step)), quote);
  tandem_document_commit (document);

  /* Themes and evidence that linked to the quote lost those links in the same undo step. */
  if (links != NULL && overlay != NULL)
    tandem_show_toast (overlay, links, TRUE);
}

static GtkWidget *
make_quote (TandemStepPanel *self,
            TandemQuote     *quote,
            guint            index)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *heading_text = g_strdup_printf (_("Quote %u"), index + 1);
  g_autofree char *remove_label = g_strdup_printf (_("Remove quote %u"), index + 1);
  GtkWidget *heading = gtk_label_new (heading_text);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkListBox *list = boxed_list ();
  GtkTextView *text_view;
  GtkWidget *row, *consent;
  GtkWidget *text_row = gtk_list_box_row_new ();

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_quote_clicked_cb), quote, 0);
  gtk_box_append (GTK_BOX (heading_box), heading);
  gtk_box_append (GTK_BOX (heading_box), remove);
  gtk_box_append (GTK_BOX (box), heading_box);

  text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (text_view, FALSE);
  gtk_text_view_set_top_margin (text_view, 10);
  gtk_text_view_set_bottom_margin (text_view, 10);
  gtk_text_view_set_left_margin (text_view, 12);
  gtk_text_view_set_right_margin (text_view, 12);
  gtk_widget_set_size_request (GTK_WIDGET (text_view), -1, 56);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The exact words"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (text_view), "quote-text");
  tandem_bind_text_view (text_view, TANDEM_OBJECT (quote), "text", _("Edit Quote"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (text_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (text_row), GTK_WIDGET (text_view));
  gtk_list_box_append (list, text_row);

  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Said by (a role, not a name)"));
  tandem_bind_editable (GTK_EDITABLE (row), TANDEM_OBJECT (quote), "speaker-role",
                        _("Edit Who Said It"));
  gtk_list_box_append (list, row);

  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Session"));
  tandem_bind_editable (GTK_EDITABLE (row), TANDEM_OBJECT (quote), "session", _("Edit Session"));
  gtk_list_box_append (list, row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Consent to quote given"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Only quotes with consent go into the appendix"));
  consent = gtk_switch_new ();
  gtk_widget_set_valign (consent, GTK_ALIGN_CENTER);
  tandem_bind_switch (GTK_SWITCH (consent), TANDEM_OBJECT (quote), "consent",
                      _("Change Consent"));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (consent), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  row, NULL, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), consent);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), consent);
  gtk_list_box_append (list, row);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (list));

  return box;
}

static void
rebuild_quotes (TandemStepPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->quotes_box))) != NULL)
    gtk_box_remove (self->quotes_box, child);

  if (self->step == NULL)
    return;

  for (guint i = 0; i < tandem_list_get_n (tandem_step_get_quotes (self->step)); i++)
    gtk_box_append (self->quotes_box,
                    make_quote (self, tandem_list_get (tandem_step_get_quotes (self->step), i), i));

  if (tandem_list_get_n (tandem_step_get_quotes (self->step)) == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No quotes yet. People's own words make a journey "
                                          "real to a board; add them with the role of who said "
                                          "them."));

      gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
      gtk_label_set_xalign (GTK_LABEL (empty), 0);
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_box_append (self->quotes_box, empty);
    }
}

static void
on_add_quote_clicked_cb (TandemStepPanel *self)
{
  tandem_step_panel_add_quote (self);
}

/* Connectors and "replaced by" links */

static void
on_remove_object_clicked_cb (GtkButton    *button,
                             TandemObject *object)
{
  TandemDocument *document = tandem_object_get_document (object);
  TandemObject *parent = tandem_object_get_parent (object);
  const char *label = g_object_get_data (G_OBJECT (button), "undo-label");

  if (document == NULL || parent == NULL)
    return;

  tandem_document_begin (document, label);
  if (TANDEM_IS_CONNECTOR (object))
    tandem_list_remove_object (tandem_journey_map_get_connectors (TANDEM_JOURNEY_MAP (parent)), object);
  else
    tandem_list_remove_object (tandem_journey_get_replacements (TANDEM_JOURNEY (parent)), object);
  tandem_document_commit (document);
}

static GtkWidget *
remove_button (TandemObject *object,
               const char   *accessible_label,
               const char   *undo_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  g_object_set_data (G_OBJECT (button), "undo-label", (gpointer)undo_label);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_object_clicked_cb), object, 0);

  return button;
}

static TandemStep *
find_step (TandemStepPanel *self,
           const char      *id)
{
  TandemObject *object = tandem_document_lookup (self->document, id);

  return TANDEM_IS_STEP (object) ? TANDEM_STEP (object) : NULL;
}

static char *
links_signature (TandemStepPanel *self)
{
  GString *signature = g_string_new (NULL);
  TandemJourneyMap *map;
  TandemList *list;
  const char *id;

  if (self->step == NULL)
    return g_string_free (signature, FALSE);

  map = tandem_journey_map_for_step (self->step);
  id = tandem_object_get_id (TANDEM_OBJECT (self->step));
  g_string_append (signature, id);

  list = tandem_journey_map_get_connectors (map);
  for (guint i = 0; i < tandem_list_get_n (list); i++)
    {
      TandemConnector *connector = tandem_list_get (list, i);

      if (g_str_equal (tandem_connector_get_from_step (connector), id) ||
          g_str_equal (tandem_connector_get_to_step (connector), id))
        g_string_append_printf (signature, "|%s", tandem_object_get_id (TANDEM_OBJECT (connector)));
    }

  list = tandem_journey_get_replacements (self->journey);
  for (guint i = 0; i < tandem_list_get_n (list); i++)
    {
      TandemReplacement *replacement = tandem_list_get (list, i);

      if (g_str_equal (tandem_replacement_get_before_step (replacement), id) ||
          g_str_equal (tandem_replacement_get_after_step (replacement), id))
        g_string_append_printf (signature, "|%s", tandem_object_get_id (TANDEM_OBJECT (replacement)));
    }

  return g_string_free (signature, FALSE);
}

static void
rebuild_links (TandemStepPanel *self)
{
  TandemJourneyMap *map;
  TandemList *list;
  const char *id;
  gboolean before;

  clear_list_box (self->connectors_list);
  clear_list_box (self->replacements_list);

  if (self->step == NULL)
    return;

  map = tandem_journey_map_for_step (self->step);
  before = tandem_journey_map_get_side (map) == TANDEM_MAP_SIDE_BEFORE;
  id = tandem_object_get_id (TANDEM_OBJECT (self->step));

  list = tandem_journey_map_get_connectors (map);
  for (guint i = 0; i < tandem_list_get_n (list); i++)
    {
      TandemConnector *connector = tandem_list_get (list, i);
      gboolean outgoing = g_str_equal (tandem_connector_get_from_step (connector), id);
      TandemStep *other;
      g_autofree char *other_label = NULL;
      g_autofree char *title = NULL;
      GtkWidget *row, *kind, *label;

      if (!outgoing && !g_str_equal (tandem_connector_get_to_step (connector), id))
        continue;

      other = find_step (self, outgoing ? tandem_connector_get_to_step (connector)
                                        : tandem_connector_get_from_step (connector));
      if (other == NULL)
        continue;

      other_label = step_label (other);
      title = g_strdup_printf (outgoing ? _("On to %s") : _("From %s"), other_label);

      row = adw_expander_row_new ();
      /* Plain text before the title is set: a step called "A&E" is not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                     tandem_connector_kind_to_label (tandem_connector_get_kind (connector)));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   remove_button (TANDEM_OBJECT (connector), _("Remove connector"),
                                                  _("Remove Connector")));

      kind = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind), _("Kind"));
      {
        const char *kinds[] = { tandem_connector_kind_to_label (TANDEM_CONNECTOR_KIND_NEXT),
                                tandem_connector_kind_to_label (TANDEM_CONNECTOR_KIND_BRANCH),
                                tandem_connector_kind_to_label (TANDEM_CONNECTOR_KIND_LOOP), NULL };
        g_autoptr(GtkStringList) model = gtk_string_list_new (kinds);

        adw_combo_row_set_model (ADW_COMBO_ROW (kind), G_LIST_MODEL (model));
      }
      tandem_bind_combo_enum (ADW_COMBO_ROW (kind), TANDEM_OBJECT (connector), "kind",
                              _("Change Connector"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), kind);

      label = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (label), _("Label, such as “if urgent”"));
      tandem_bind_editable (GTK_EDITABLE (label), TANDEM_OBJECT (connector), "label",
                            _("Edit Connector Label"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), label);

      gtk_list_box_append (self->connectors_list, row);
    }

  adw_preferences_group_set_title (self->replacements_group,
                                   before ? _("Replaced By") : _("Replaces"));
  adw_preferences_group_set_description (self->replacements_group,
                                         before ? _("Steps of the after map that take the place of this one")
                                                : _("Steps of the before map that this one takes the place of"));

  list = tandem_journey_get_replacements (self->journey);
  for (guint i = 0; i < tandem_list_get_n (list); i++)
    {
      TandemReplacement *replacement = tandem_list_get (list, i);
      const char *mine = before ? tandem_replacement_get_before_step (replacement)
                                : tandem_replacement_get_after_step (replacement);
      TandemStep *other;
      g_autofree char *other_label = NULL;
      GtkWidget *row;

      if (!g_str_equal (mine, id))
        continue;

      other = find_step (self, before ? tandem_replacement_get_after_step (replacement)
                                      : tandem_replacement_get_before_step (replacement));
      if (other == NULL)
        continue;

      other_label = step_label (other);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), other_label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 remove_button (TANDEM_OBJECT (replacement), _("Remove link"),
                                                _("Remove Link")));
      gtk_list_box_append (self->replacements_list, row);
    }
}

static void
targets_from_model (TandemStepPanel *self)
{
  g_autoptr(GString) signature = g_string_new (NULL);
  g_autoptr(GtkStringList) connect_names = NULL;
  g_autoptr(GtkStringList) replace_names = NULL;
  TandemJourneyMap *map, *other_map;
  g_autoptr(GPtrArray) ordered = NULL;
  g_autoptr(GPtrArray) others = NULL;

  if (self->step == NULL)
    return;

  map = tandem_journey_map_for_step (self->step);
  other_map = tandem_journey_get_map (self->journey,
                                      tandem_journey_map_get_side (map) == TANDEM_MAP_SIDE_BEFORE
                                      ? TANDEM_MAP_SIDE_AFTER : TANDEM_MAP_SIDE_BEFORE);
  ordered = tandem_journey_map_steps_in_order (map);
  others = other_map ? tandem_journey_map_steps_in_order (other_map) : g_ptr_array_new ();

  g_string_append (signature, tandem_object_get_id (TANDEM_OBJECT (self->step)));
  for (guint i = 0; i < ordered->len; i++)
    g_string_append_printf (signature, "|%s", tandem_step_get_title (g_ptr_array_index (ordered, i)));
  g_string_append_c (signature, '#');
  for (guint i = 0; i < others->len; i++)
    g_string_append_printf (signature, "|%s", tandem_step_get_title (g_ptr_array_index (others, i)));

  if (g_strcmp0 (signature->str, self->targets_signature) == 0)
    return;

  g_free (self->targets_signature);
  self->targets_signature = g_strdup (signature->str);

  connect_names = gtk_string_list_new (NULL);
  g_ptr_array_set_size (self->connect_targets, 0);
  for (guint i = 0; i < ordered->len; i++)
    {
      TandemStep *step = g_ptr_array_index (ordered, i);
      g_autofree char *label = NULL;

      if (step == self->step)
        continue;

      label = step_label (step);
      gtk_string_list_append (connect_names, label);
      g_ptr_array_add (self->connect_targets, g_object_ref (step));
    }

  replace_names = gtk_string_list_new (NULL);
  g_ptr_array_set_size (self->replace_targets, 0);
  for (guint i = 0; i < others->len; i++)
    {
      g_autofree char *label = step_label (g_ptr_array_index (others, i));

      gtk_string_list_append (replace_names, label);
      g_ptr_array_add (self->replace_targets, g_object_ref (g_ptr_array_index (others, i)));
    }

  adw_combo_row_set_model (self->connect_row, G_LIST_MODEL (connect_names));
  adw_combo_row_set_model (self->replace_row, G_LIST_MODEL (replace_names));
}

static void
on_connect_clicked_cb (TandemStepPanel *self)
{
  guint selected = adw_combo_row_get_selected (self->connect_row);
  TandemJourneyMap *map;
  TandemStep *target;

  if (self->step == NULL || selected >= self->connect_targets->len)
    return;

  target = g_ptr_array_index (self->connect_targets, selected);
  map = tandem_journey_map_for_step (self->step);
  if (tandem_journey_map_find_connector (map, self->step, target) != NULL)
    return;

  tandem_document_begin (self->document, _("Connect Steps"));
  tandem_journey_map_connect (map, self->step, target, TANDEM_CONNECTOR_KIND_NEXT);
  tandem_document_commit (self->document);
}

static void
on_replace_clicked_cb (TandemStepPanel *self)
{
  guint selected = adw_combo_row_get_selected (self->replace_row);
  TandemStep *other, *before, *after;

  if (self->step == NULL || selected >= self->replace_targets->len)
    return;

  other = g_ptr_array_index (self->replace_targets, selected);
  if (tandem_journey_map_get_side (tandem_journey_map_for_step (self->step)) == TANDEM_MAP_SIDE_BEFORE)
    before = self->step, after = other;
  else
    before = other, after = self->step;

  if (tandem_journey_find_replacement (self->journey, before, after) != NULL)
    return;

  tandem_document_begin (self->document, _("Link Replaced Step"));
  tandem_journey_add_replacement (self->journey, before, after);
  tandem_document_commit (self->document);
}

/* Binding to the focused step */

static void
update_heading (TandemStepPanel *self)
{
  guint n = tandem_journey_selection_get_n_items (self->selection);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  if (self->step == NULL)
    return;

  title = step_label (self->step);
  {
    g_autofree char *full = g_strdup_printf (
      tandem_journey_map_get_side (tandem_journey_map_for_step (self->step)) == TANDEM_MAP_SIDE_BEFORE
      ? _("Step %s, before") : _("Step %s, after"), title);

    /* The group's title is markup in libadwaita 1.2: a step called "A&E" must show as typed. */
    g_autofree char *escaped = g_markup_escape_text (full, -1);

    adw_preferences_group_set_title (self->step_group, escaped);
  }

  if (n > 1)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u step is selected; these are the fields of the "
                                                "focused one.",
                                                "%u steps are selected; these are the fields of "
                                                "the focused one.", n), n);
  adw_preferences_group_set_description (self->step_group, description);
}

/* How it felt: the median of the step's votes. With one vote or none, choosing a feeling
 * sets it; with several, the row shows their median and says where to change them. */
static void
feeling_from_model (TandemStepPanel *self)
{
  TandemFeelingSpread spread;
  g_autofree char *subtitle = NULL;

  if (self->step == NULL)
    return;

  tandem_step_get_spread (self->step, &spread);
  if (spread.n_votes > 1)
    subtitle = g_strdup_printf (ngettext ("The median of %u vote; change the votes below",
                                          "The median of %u votes; change the votes below",
                                          spread.n_votes), spread.n_votes);

  self->updating = TRUE;
  adw_combo_row_set_selected (self->feeling_row, spread.median);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->feeling_row), subtitle ? subtitle : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->feeling_row), spread.n_votes <= 1);
  self->updating = FALSE;
}

static void
on_feeling_selected_cb (TandemStepPanel *self)
{
  guint selected = adw_combo_row_get_selected (self->feeling_row);
  g_autofree char *merge_key = NULL;

  if (self->updating || self->step == NULL || selected > TANDEM_FEELING_VERY_GOOD ||
      selected == (guint)tandem_step_get_feeling (self->step))
    return;

  merge_key = g_strdup_printf ("%s:feeling", tandem_object_get_id (TANDEM_OBJECT (self->step)));
  tandem_document_begin_merge (self->document, _("Change How It Felt"), merge_key);
  tandem_step_set_feeling (self->step, selected);
  tandem_document_commit (self->document);
}

/* Votes: the feelings of several people, each removable, added one at a time. */

static char *
votes_signature (TandemStepPanel *self)
{
  g_autoptr(GString) signature = g_string_new (NULL);
  TandemList *votes;

  if (self->step == NULL)
    return g_strdup ("");

  votes = tandem_step_get_votes (self->step);
  for (guint i = 0; i < tandem_list_get_n (votes); i++)
    {
      TandemVote *vote = tandem_list_get (votes, i);

      g_string_append_printf (signature, "%s\x1f%d\x1f%s\x1e",
                              tandem_object_get_id (TANDEM_OBJECT (vote)),
                              tandem_vote_get_feeling (vote), tandem_vote_get_label (vote));
    }

  return g_string_free (g_steal_pointer (&signature), FALSE);
}

static void
on_remove_vote_clicked_cb (GtkButton  *button,
                           TandemVote *vote)
{
  TandemDocument *document = tandem_object_get_document (TANDEM_OBJECT (vote));
  TandemObject *step = tandem_object_get_parent (TANDEM_OBJECT (vote));

  if (document == NULL || !TANDEM_IS_STEP (step))
    return;

  tandem_document_begin (document, _("Remove Vote"));
  tandem_list_remove_object (tandem_step_get_votes (TANDEM_STEP (step)), TANDEM_OBJECT (vote));
  tandem_document_commit (document);
}

static void
rebuild_votes (TandemStepPanel *self)
{
  g_autofree char *signature = votes_signature (self);
  TandemList *votes;
  guint n;

  if (g_strcmp0 (signature, self->votes_signature) == 0)
    return;
  g_free (self->votes_signature);
  self->votes_signature = g_steal_pointer (&signature);

  clear_list_box (self->votes_list);
  if (self->step == NULL)
    return;

  votes = tandem_step_get_votes (self->step);
  n = tandem_list_get_n (votes);
  gtk_widget_set_visible (GTK_WIDGET (self->votes_list), n > 0);
  for (guint i = 0; i < n; i++)
    {
      TandemVote *vote = tandem_list_get (votes, i);
      const char *feeling = tandem_feeling_to_label (tandem_vote_get_feeling (vote));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *title = g_strdup_printf (_("Vote %u: %s"), i + 1, feeling);
      g_autofree char *remove_label = g_strdup_printf (_("Remove vote %u, %s"), i + 1, feeling);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), tandem_vote_get_label (vote));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_vote_clicked_cb), vote, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->votes_list, row);
    }
}

static void
on_add_vote_clicked_cb (TandemStepPanel *self)
{
  guint selected = adw_combo_row_get_selected (self->vote_feeling_row);
  g_autofree char *label = NULL;

  if (self->step == NULL || selected >= TANDEM_FEELING_VERY_GOOD)
    return;

  label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->vote_label_row))));
  tandem_step_add_vote (self->step, TANDEM_FEELING_VERY_BAD + selected, label);
  gtk_editable_set_text (GTK_EDITABLE (self->vote_label_row), "");
}

static void
on_quotes_changed_cb (TandemStepPanel *self)
{
  rebuild_quotes (self);
}

static void
set_step (TandemStepPanel *self,
          TandemStep      *step)
{
  if (self->step == step)
    return;

  if (self->quotes != NULL)
    {
      g_clear_signal_handler (&self->quotes_changed_id, self->quotes);
      g_clear_object (&self->quotes);
    }

  g_set_object (&self->step, step);
  g_clear_pointer (&self->votes_signature, g_free);
  rebuild_votes (self);
  g_clear_pointer (&self->links_signature, g_free);
  g_clear_pointer (&self->targets_signature, g_free);

  if (step == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      rebuild_quotes (self);
      rebuild_links (self);
      return;
    }

  tandem_bind_editable (GTK_EDITABLE (self->title_row), TANDEM_OBJECT (step), "title",
                        _("Edit Step Title"));
  tandem_bind_editable (GTK_EDITABLE (self->role_row), TANDEM_OBJECT (step), "role",
                        _("Edit Who Is Involved"));
  tandem_bind_editable (GTK_EDITABLE (self->place_row), TANDEM_OBJECT (step), "place",
                        _("Edit Where It Happens"));
  feeling_from_model (self);
  tandem_bind_switch (self->touchpoint_switch, TANDEM_OBJECT (step), "touchpoint",
                      _("Change Touchpoint"));
  tandem_bind_switch (self->pain_switch, TANDEM_OBJECT (step), "pain-point",
                      _("Change Pain Point"));
  tandem_bind_text_view (self->description_view, TANDEM_OBJECT (step), "description",
                         _("Edit Step Description"));
  self->wait.step_shown = NULL;
  self->duration.step_shown = NULL;
  time_row_from_model (&self->wait);
  time_row_from_model (&self->duration);
  places_from_model (self);

  self->quotes = g_object_ref (tandem_step_get_quotes (step));
  self->quotes_changed_id = g_signal_connect_swapped (self->quotes, "items-changed",
                                                      G_CALLBACK (on_quotes_changed_cb), self);
  rebuild_quotes (self);

  self->links_signature = links_signature (self);
  rebuild_links (self);
  targets_from_model (self);
  update_heading (self);

  gtk_stack_set_visible_child_name (self->stack, "step");
}

/* Callbacks */

static void
on_focus_changed_cb (TandemStepPanel *self)
{
  TandemObject *focus = tandem_journey_selection_get_focus (self->selection);

  set_step (self, TANDEM_IS_STEP (focus) && tandem_object_get_parent (focus) != NULL
                  ? TANDEM_STEP (focus) : NULL);
}

static void
on_selection_changed_cb (TandemStepPanel *self)
{
  update_heading (self);
}

static void
on_document_changed_cb (TandemStepPanel *self)
{
  g_autofree char *signature = NULL;

  if (self->step != NULL && tandem_object_get_parent (TANDEM_OBJECT (self->step)) == NULL)
    {
      set_step (self, NULL);
      return;
    }

  if (self->step == NULL)
    return;

  time_row_from_model (&self->wait);
  time_row_from_model (&self->duration);
  feeling_from_model (self);
  rebuild_votes (self);
  places_from_model (self);
  targets_from_model (self);
  update_heading (self);

  signature = links_signature (self);
  if (g_strcmp0 (signature, self->links_signature) != 0)
    {
      g_free (self->links_signature);
      self->links_signature = g_steal_pointer (&signature);
      rebuild_links (self);
    }
}

/* GObject */

static void
tandem_step_panel_dispose (GObject *object)
{
  TandemStepPanel *self = (TandemStepPanel *)object;

  if (self->quotes != NULL)
    g_clear_signal_handler (&self->quotes_changed_id, self->quotes);
  g_clear_object (&self->quotes);
  g_clear_weak_pointer (&self->canvas);

  G_OBJECT_CLASS (tandem_step_panel_parent_class)->dispose (object);
}

static void
tandem_step_panel_finalize (GObject *object)
{
  TandemStepPanel *self = (TandemStepPanel *)object;

  g_clear_object (&self->step);
  g_clear_object (&self->journey);
  g_clear_object (&self->document);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->connect_targets, g_ptr_array_unref);
  g_clear_pointer (&self->replace_targets, g_ptr_array_unref);
  g_clear_pointer (&self->places_signature, g_free);
  g_clear_pointer (&self->links_signature, g_free);
  g_clear_pointer (&self->votes_signature, g_free);
  g_clear_pointer (&self->targets_signature, g_free);

  G_OBJECT_CLASS (tandem_step_panel_parent_class)->finalize (object);
}

static void
tandem_step_panel_class_init (TandemStepPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tandem_step_panel_dispose;
  object_class->finalize = tandem_step_panel_finalize;
}

static GtkWidget *
switch_row (const char  *title,
            const char  *subtitle,
            GtkSwitch  **toggle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *widget = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  row, NULL, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);
  *toggle = GTK_SWITCH (widget);

  return row;
}

static void
tandem_step_panel_init (TandemStepPanel *self)
{
  GtkWidget *page, *group, *button, *none_page;
  const char *feelings[] = { tandem_feeling_to_label (TANDEM_FEELING_UNKNOWN),
                             tandem_feeling_to_label (TANDEM_FEELING_VERY_BAD),
                             tandem_feeling_to_label (TANDEM_FEELING_BAD),
                             tandem_feeling_to_label (TANDEM_FEELING_NEUTRAL),
                             tandem_feeling_to_label (TANDEM_FEELING_GOOD),
                             tandem_feeling_to_label (TANDEM_FEELING_VERY_GOOD), NULL };
  g_autoptr(GtkStringList) feeling_model = gtk_string_list_new (feelings);

  self->connect_targets = g_ptr_array_new_with_free_func (g_object_unref);
  self->replace_targets = g_ptr_array_new_with_free_func (g_object_unref);

  self->stack = GTK_STACK (gtk_stack_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));

  /* With no step: the journey itself */
  none_page = adw_preferences_page_new ();
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Journey"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Select a step to see and change all of it. On the "
                                           "map, Enter adds a step and typing names it."));
  self->journey_title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->journey_title_row), _("Title"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->journey_title_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (none_page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Description"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             framed_text_view (&self->journey_description_view,
                                               _("Description of the journey")));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (none_page), ADW_PREFERENCES_GROUP (group));
  gtk_stack_add_named (self->stack, none_page, "none");

  /* The focused step */
  page = adw_preferences_page_new ();
  self->step_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  self->title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->title_row), _("What happens"));
  adw_preferences_group_add (self->step_group, GTK_WIDGET (self->title_row));

  self->role_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->role_row), _("Who is involved"));
  adw_preferences_group_add (self->step_group, GTK_WIDGET (self->role_row));

  self->place_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->place_row), _("Where it happens"));
  adw_preferences_group_add (self->step_group, GTK_WIDGET (self->place_row));

  adw_preferences_group_add (self->step_group,
                             GTK_WIDGET (make_time_row (self, &self->wait, _("Wait before it"),
                                                        "wait-minutes", _("Change Wait"),
                                                        _("Unit of the wait"))));
  adw_preferences_group_add (self->step_group,
                             GTK_WIDGET (make_time_row (self, &self->duration, _("How long it takes"),
                                                        "duration-minutes", _("Change Time Taken"),
                                                        _("Unit of the time it takes"))));

  self->feeling_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->feeling_row), _("How it felt"));
  adw_combo_row_set_model (self->feeling_row, G_LIST_MODEL (feeling_model));
  adw_preferences_group_add (self->step_group, GTK_WIDGET (self->feeling_row));
  start_on_selected (self->feeling_row);
  g_signal_connect_swapped (self->feeling_row, "notify::selected",
                            G_CALLBACK (on_feeling_selected_cb), self);

  adw_preferences_group_add (self->step_group,
                             switch_row (_("Touchpoint"), _("A moment that mattered to the person"),
                                         &self->touchpoint_switch));
  adw_preferences_group_add (self->step_group,
                             switch_row (_("Pain point"), _("Something that went wrong or hurt"),
                                         &self->pain_switch));

  self->stage_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->stage_row), _("Stage"));
  g_signal_connect (self->stage_row, "notify::selected", G_CALLBACK (on_place_selected_cb), self);
  adw_preferences_group_add (self->step_group, GTK_WIDGET (self->stage_row));

  self->lane_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->lane_row), _("Lane"));
  g_signal_connect (self->lane_row, "notify::selected", G_CALLBACK (on_place_selected_cb), self);
  adw_preferences_group_add (self->step_group, GTK_WIDGET (self->lane_row));
  start_on_selected (self->stage_row);
  start_on_selected (self->lane_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->step_group);

  /* Several voices: one vote per person asked, anonymous. */
  {
    const char *vote_feelings[] = { tandem_feeling_to_label (TANDEM_FEELING_VERY_BAD),
                                    tandem_feeling_to_label (TANDEM_FEELING_BAD),
                                    tandem_feeling_to_label (TANDEM_FEELING_NEUTRAL),
                                    tandem_feeling_to_label (TANDEM_FEELING_GOOD),
                                    tandem_feeling_to_label (TANDEM_FEELING_VERY_GOOD), NULL };
    g_autoptr(GtkStringList) vote_model = gtk_string_list_new (vote_feelings);
    GtkListBox *add_list = boxed_list ();
    GtkWidget *add_button = mnemonic_button (_("Add _Vote"));

    group = adw_preferences_group_new ();
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Votes"));
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
      _("How each person asked felt at this step, one vote each; the step shows their "
        "median. A label only tells votes apart, such as “Parent A”: never type a name."));
    self->votes_list = boxed_list ();
    gtk_widget_set_margin_bottom (GTK_WIDGET (self->votes_list), 12);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->votes_list),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Votes"), -1);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->votes_list));

    self->vote_feeling_row = ADW_COMBO_ROW (adw_combo_row_new ());
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->vote_feeling_row),
                                   _("Feeling of the new vote"));
    adw_combo_row_set_model (self->vote_feeling_row, G_LIST_MODEL (vote_model));
    adw_combo_row_set_selected (self->vote_feeling_row, TANDEM_FEELING_NEUTRAL - 1);
    gtk_list_box_append (add_list, GTK_WIDGET (self->vote_feeling_row));
    start_on_selected (self->vote_feeling_row);

    self->vote_label_row = ADW_ENTRY_ROW (adw_entry_row_new ());
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->vote_label_row),
                                   _("Label, such as Parent A (not a name)"));
    g_signal_connect_swapped (self->vote_label_row, "entry-activated",
                              G_CALLBACK (on_add_vote_clicked_cb), self);
    gtk_list_box_append (add_list, GTK_WIDGET (self->vote_label_row));

    gtk_widget_set_halign (add_button, GTK_ALIGN_END);
    gtk_widget_set_margin_top (add_button, 6);
    g_signal_connect_swapped (add_button, "clicked", G_CALLBACK (on_add_vote_clicked_cb), self);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (add_list));
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add_button);
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  }

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Description"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             framed_text_view (&self->description_view, _("Description")));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Quotes"));
  button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Add a quote"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add a quote"), -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_add_quote_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  self->quotes_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->quotes_box));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Connectors"));
  self->connectors_list = boxed_list ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->connectors_list));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  self->connect_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->connect_row), _("Connect to"));
  button = mnemonic_button (_("Co_nnect"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_connect_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->connect_row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->connect_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  self->replacements_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->replacements_list = boxed_list ();
  adw_preferences_group_add (self->replacements_group, GTK_WIDGET (self->replacements_list));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->replacements_group);

  group = adw_preferences_group_new ();
  self->replace_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->replace_row), _("Link to"));
  button = mnemonic_button (_("_Link"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_replace_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->replace_row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->replace_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  gtk_stack_add_named (self->stack, page, "step");
  gtk_stack_set_visible_child_name (self->stack, "none");
}

/* Public API */

GtkWidget *
tandem_step_panel_new (TandemJourneyCanvas *canvas)
{
  TandemStepPanel *self;

  g_return_val_if_fail (TANDEM_IS_JOURNEY_CANVAS (canvas), NULL);

  self = g_object_new (TANDEM_TYPE_STEP_PANEL, NULL);
  g_set_weak_pointer (&self->canvas, canvas);
  self->journey = g_object_ref (tandem_journey_canvas_get_journey (canvas));
  self->document = g_object_ref (tandem_object_get_document (TANDEM_OBJECT (self->journey)));
  self->selection = g_object_ref (tandem_journey_canvas_get_selection (canvas));

  tandem_bind_editable (GTK_EDITABLE (self->journey_title_row), TANDEM_OBJECT (self->journey),
                        "title", _("Rename Journey"));
  tandem_bind_text_view (self->journey_description_view, TANDEM_OBJECT (self->journey),
                         "description", _("Edit Journey Description"));

  g_signal_connect_object (self->selection, "notify::focus", G_CALLBACK (on_focus_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "changed", G_CALLBACK (on_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "changed", G_CALLBACK (on_document_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

/**
 * tandem_step_panel_get_step:
 *
 * Returns: (transfer none) (nullable): the step shown
 */
TandemStep *
tandem_step_panel_get_step (TandemStepPanel *self)
{
  g_return_val_if_fail (TANDEM_IS_STEP_PANEL (self), NULL);

  return self->step;
}

void
tandem_step_panel_focus_title (TandemStepPanel *self)
{
  g_return_if_fail (TANDEM_IS_STEP_PANEL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->step ? self->title_row : self->journey_title_row));
}

/**
 * tandem_step_panel_get_row:
 * @name: "title", "role", "place", "wait", "duration", "feeling", "touchpoint",
 *   "pain-point", "stage", "lane", "description", "connect" or "replace"
 *
 * Returns: (transfer none) (nullable): the widget that edits @name, for tests
 */
GtkWidget *
tandem_step_panel_get_row (TandemStepPanel *self,
                           const char      *name)
{
  g_return_val_if_fail (TANDEM_IS_STEP_PANEL (self), NULL);

  if (g_str_equal (name, "title"))
    return GTK_WIDGET (self->title_row);
  if (g_str_equal (name, "role"))
    return GTK_WIDGET (self->role_row);
  if (g_str_equal (name, "place"))
    return GTK_WIDGET (self->place_row);
  if (g_str_equal (name, "wait"))
    return GTK_WIDGET (self->wait.entry);
  if (g_str_equal (name, "wait-unit"))
    return GTK_WIDGET (self->wait.unit);
  if (g_str_equal (name, "duration-unit"))
    return GTK_WIDGET (self->duration.unit);
  if (g_str_equal (name, "duration"))
    return GTK_WIDGET (self->duration.entry);
  if (g_str_equal (name, "feeling"))
    return GTK_WIDGET (self->feeling_row);
  if (g_str_equal (name, "votes"))
    return GTK_WIDGET (self->votes_list);
  if (g_str_equal (name, "vote-feeling"))
    return GTK_WIDGET (self->vote_feeling_row);
  if (g_str_equal (name, "vote-label"))
    return GTK_WIDGET (self->vote_label_row);
  if (g_str_equal (name, "touchpoint"))
    return GTK_WIDGET (self->touchpoint_switch);
  if (g_str_equal (name, "pain-point"))
    return GTK_WIDGET (self->pain_switch);
  if (g_str_equal (name, "stage"))
    return GTK_WIDGET (self->stage_row);
  if (g_str_equal (name, "lane"))
    return GTK_WIDGET (self->lane_row);
  if (g_str_equal (name, "description"))
    return GTK_WIDGET (self->description_view);
  if (g_str_equal (name, "connect"))
    return GTK_WIDGET (self->connect_row);
  if (g_str_equal (name, "replace"))
    return GTK_WIDGET (self->replace_row);
  if (g_str_equal (name, "quotes"))
    return GTK_WIDGET (self->quotes_box);

  return NULL;
}

/**
 * tandem_step_panel_add_quote:
 *
 * Adds an empty quote to the step shown and puts the cursor in its words.
 */
void
tandem_step_panel_add_quote (TandemStepPanel *self)
{
  g_autoptr(TandemQuote) quote = NULL;
  GtkWidget *last, *words;

  g_return_if_fail (TANDEM_IS_STEP_PANEL (self));

  if (self->step == NULL)
    return;

  quote = tandem_quote_new ();
  tandem_document_begin (self->document, _("Add Quote"));
  tandem_list_append (tandem_step_get_quotes (self->step), quote);
  tandem_document_commit (self->document);

  /* The new quote's words are the text view of the last quote shown (its Remove button
   * comes first in the Tab order, so moving the focus into the quote would land there). */
  last = gtk_widget_get_last_child (GTK_WIDGET (self->quotes_box));
  words = last != NULL ? find_descendant (last, GTK_TYPE_TEXT_VIEW) : NULL;
  if (words != NULL)
    gtk_widget_grab_focus (words);
}
