/* tandem-overview-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-overview-page"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "tandem-binding.h"
#include "tandem-condition.h"
#include "tandem-dialogs.h"
#include "tandem-engagement.h"
#include "tandem-group.h"
#include "tandem-overview-page.h"
#include "tandem-reach-page.h"

/*
 * The project overview: the project's own fields, its conditions and the gaps in the reach of
 * its engagement (the same sentences as the Groups and Reach page and the appendix).
 */

struct _TandemOverviewPage
{
  AdwBin           parent_instance;

  TandemDocument  *document;

  AdwEntryRow     *title_row;
  AdwEntryRow     *organisation_row;
  AdwEntryRow     *programme_row;
  AdwEntryRow     *version_row;
  AdwComboRow     *status_row;
  GtkSwitch       *fictional_switch;
  GtkTextView     *summary_view;
  AdwEntryRow     *meeting_row;
  AdwEntryRow     *meeting_date_row;
  AdwEntryRow     *agenda_item_row;
  AdwEntryRow     *report_author_row;
  AdwEntryRow     *executive_sponsor_row;
  AdwComboRow     *paper_purpose_row;
  AdwEntryRow     *classification_row;
  gboolean         updating_date;
  GtkListBox      *conditions_list;
  AdwEntryRow     *new_condition_row;
  GtkWidget       *gaps_group;
  GPtrArray       *gap_rows;
  guint            gaps_id;
  gboolean         gaps_stale;
};

G_DEFINE_FINAL_TYPE (TandemOverviewPage, tandem_overview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary methods */

static char *
key_from_label (TandemDocument *document,
                const char     *label)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *ascii = g_str_to_ascii (label, NULL);
  g_autofree char *candidate = NULL;
  guint n = 1;

  for (const char *p = ascii; *p != '\0' && key->len < 48; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (key, g_ascii_tolower (*p));
      else if (key->len > 0 && key->str[key->len - 1] != '-')
        g_string_append_c (key, '-');
    }

  while (key->len > 0 && key->str[key->len - 1] == '-')
    g_string_truncate (key, key->len - 1);

  if (key->len == 0)
    g_string_append (key, "condition");

  candidate = g_strdup (key->str);
  while (tandem_document_find_condition (document, candidate) != NULL)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", key->str, ++n);
    }

  return g_steal_pointer (&candidate);
}

/* The meeting date as typed, 14/01/2027 or 2027-01-14, to "YYYY-MM-DD"; empty is none.
 * Returns: %FALSE if @text is not a date */
static gboolean
parse_meeting_date (const char  *text,
                    char       **iso)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  unsigned day, month, year;
  char end;

  if (copy[0] == '\0')
    {
      *iso = g_strdup ("");
      return TRUE;
    }

  if (sscanf (copy, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3 &&
      sscanf (copy, "%2u/%2u/%4u%c", &day, &month, &year, &end) != 3)
    return FALSE;

  if (year < 1900 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  *iso = g_strdup_printf ("%04u-%02u-%02u", year, month, day);
  return TRUE;
}

static void
meeting_date_from_model (TandemOverviewPage *self)
{
  const char *stored = tandem_document_get_meeting_date (self->document);
  g_autofree char *shown = NULL;
  unsigned day, month, year;

  /* What the field says already means the stored date: leave the typing alone. */
  if (parse_meeting_date (gtk_editable_get_text (GTK_EDITABLE (self->meeting_date_row)), &shown) &&
      g_strcmp0 (shown, stored) == 0)
    return;

  g_clear_pointer (&shown, g_free);
  if (sscanf (stored, "%4u-%2u-%2u", &year, &month, &day) == 3)
    shown = g_strdup_printf ("%02u/%02u/%04u", day, month, year);

  self->updating_date = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->meeting_date_row), shown ? shown : "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->meeting_date_row), "error");
  self->updating_date = FALSE;
}

/* Callbacks */

static void
meeting_date_to_model (TandemOverviewPage *self,
                       gboolean            committed)
{
  g_autofree char *iso = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating_date || self->document == NULL)
    return;

  /* A text that is not a date yet is kept as typed, marked, and changes nothing. */
  if (!parse_meeting_date (gtk_editable_get_text (GTK_EDITABLE (self->meeting_date_row)), &iso))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->meeting_date_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->meeting_date_row),
                                   _("This is not a date; type it as 14/01/2027, or leave it "
                                     "empty."));
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->meeting_date_row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->meeting_date_row), NULL);

  /* Empty on the way to another date (select all, type) is not "none" yet: that is decided
   * when the field is left or Enter is pressed. */
  if ((iso[0] == '\0' && !committed) ||
      g_strcmp0 (iso, tandem_document_get_meeting_date (self->document)) == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, iso);
  self->updating_date = TRUE;
  tandem_set_property_undoable (TANDEM_OBJECT (self->document), "meeting-date", &value,
                                _("Edit Meeting Date"), TRUE);
  self->updating_date = FALSE;
}

static void
on_meeting_date_changed_cb (TandemOverviewPage *self)
{
  meeting_date_to_model (self, FALSE);
}

static void
on_meeting_date_committed_cb (TandemOverviewPage *self)
{
  meeting_date_to_model (self, TRUE);
}

/* The gaps, computed by the model as for the reach view and the appendix. */
static void
update_gaps (TandemOverviewPage *self)
{
  g_autoptr(TandemReach) reach = tandem_reach_new (self->document);
  guint n_gaps;

  self->gaps_stale = FALSE;
  /* As on the Groups and Reach page, so the overview's own fields stay near. */
  n_gaps = tandem_reach_add_gap_rows (ADW_PREFERENCES_GROUP (self->gaps_group), self->gap_rows,
                                      reach, FALSE);

  /* A project that lists no groups has nothing to say here yet. */
  gtk_widget_set_visible (self->gaps_group, n_gaps > 0);
}

static gboolean
update_gaps_cb (gpointer data)
{
  TandemOverviewPage *self = data;

  self->gaps_id = 0;
  update_gaps (self);

  return G_SOURCE_REMOVE;
}

static void
on_map_cb (TandemOverviewPage *self)
{
  if (self->gaps_stale)
    update_gaps (self);
}

static void
on_document_changed_cb (TandemOverviewPage *self)
{
  meeting_date_from_model (self);
  /* Once after the changes of a main-loop turn, and only in sight: typing changes the document
   * at each key, on this page or another. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->gaps_stale = TRUE;
  else if (self->gaps_id == 0)
    self->gaps_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_gaps_cb, self, NULL);
}

static void
on_remove_condition_clicked_cb (GtkButton       *button,
                                TandemCondition *condition)
{
  TandemDocument *document = tandem_object_get_document (TANDEM_OBJECT (condition));

  if (document == NULL)
    return;

  tandem_document_begin (document, _("Remove Condition"));
  tandem_list_remove_object (tandem_document_get_conditions (document), condition);
  tandem_document_commit (document);
}

static void
on_switch_active_cb (GtkSwitch  *toggle,
                     GParamSpec *pspec,
                     GtkWidget  *row)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_CHECKED,
                               gtk_switch_get_active (toggle), -1);
}

/* A row with a switch is one stop for Tab, as AdwSwitchRow of later libadwaita is: the row
 * takes the focus and Space turns the switch, which takes no focus of its own; the row says
 * whether it is on. Otherwise Tab stops twice on the same setting. */
static void
make_switch_row (GtkWidget *row,
                 GtkSwitch *toggle)
{
  gtk_widget_set_can_focus (GTK_WIDGET (toggle), FALSE);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_switch_active_cb), row, 0);
  on_switch_active_cb (toggle, NULL, row);
}

static GtkWidget *
create_condition_row (gpointer item,
                      gpointer user_data)
{
  TandemCondition *condition = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *remove_label = NULL;

  g_object_bind_property (condition, "label", row, "title", G_BINDING_SYNC_CREATE);
  gtk_widget_set_tooltip_text (row, tandem_condition_get_key (condition));

  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  tandem_bind_switch (GTK_SWITCH (toggle), TANDEM_OBJECT (condition), "enabled",
                      _("Switch Condition"));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (toggle),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  remove_label = g_strdup_printf (_("Remove the condition “%s”"),
                                  tandem_condition_get_label (condition));
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_condition_clicked_cb),
                           condition, 0);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  make_switch_row (row, GTK_SWITCH (toggle));

  return row;
}

static void
on_new_condition_apply_cb (TandemOverviewPage *self)
{
  const char *label = gtk_editable_get_text (GTK_EDITABLE (self->new_condition_row));
  g_autofree char *stripped = g_strstrip (g_strdup (label));
  g_autofree char *key = NULL;
  g_autoptr(TandemCondition) condition = NULL;

  if (stripped[0] == '\0')
    return;

  key = key_from_label (self->document, stripped);
  condition = tandem_condition_new (key, stripped);
  tandem_condition_set_enabled (condition, TRUE);

  tandem_document_begin (self->document, _("Add Condition"));
  tandem_list_append (tandem_document_get_conditions (self->document), condition);
  tandem_document_commit (self->document);

  gtk_editable_set_text (GTK_EDITABLE (self->new_condition_row), "");
}

static void
set_document (TandemOverviewPage *self,
              TandemDocument     *document)
{
  g_set_object (&self->document, document);

  tandem_bind_editable (GTK_EDITABLE (self->title_row), TANDEM_OBJECT (document), "title",
                        _("Edit Title"));
  tandem_bind_editable (GTK_EDITABLE (self->organisation_row), TANDEM_OBJECT (document),
                        "organisation", _("Edit Organisation"));
  tandem_bind_editable (GTK_EDITABLE (self->programme_row), TANDEM_OBJECT (document),
                        "programme", _("Edit Programme"));
  tandem_bind_editable (GTK_EDITABLE (self->version_row), TANDEM_OBJECT (document), "version",
                        _("Edit Version"));
  tandem_bind_combo_enum (self->status_row, TANDEM_OBJECT (document), "status",
                          _("Change Status"));
  tandem_bind_switch (self->fictional_switch, TANDEM_OBJECT (document), "fictional",
                      _("Change Fictional Data"));
  tandem_bind_text_view (self->summary_view, TANDEM_OBJECT (document), "summary",
                         _("Edit Summary"));
  tandem_bind_editable (GTK_EDITABLE (self->meeting_row), TANDEM_OBJECT (document), "meeting",
                        _("Edit Meeting"));
  tandem_bind_editable (GTK_EDITABLE (self->agenda_item_row), TANDEM_OBJECT (document),
                        "agenda-item", _("Edit Agenda Item"));
  tandem_bind_editable (GTK_EDITABLE (self->report_author_row), TANDEM_OBJECT (document),
                        "report-author", _("Edit Report Author"));
  tandem_bind_editable (GTK_EDITABLE (self->executive_sponsor_row), TANDEM_OBJECT (document),
                        "executive-sponsor", _("Edit Executive Sponsor"));
  tandem_bind_combo_enum (self->paper_purpose_row, TANDEM_OBJECT (document), "paper-purpose",
                          _("Change Purpose"));
  tandem_bind_editable (GTK_EDITABLE (self->classification_row), TANDEM_OBJECT (document),
                        "classification", _("Edit Classification"));
  meeting_date_from_model (self);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_meeting_date_committed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->meeting_date_row), focus);
  }
  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_list_box_bind_model (self->conditions_list,
                           G_LIST_MODEL (tandem_document_get_conditions (document)),
                           create_condition_row, self, NULL);

  self->gap_rows = g_ptr_array_new ();
  update_gaps (self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

/* GObject */

static void
tandem_overview_page_dispose (GObject *object)
{
  TandemOverviewPage *self = (TandemOverviewPage *)object;

  if (self->conditions_list != NULL)
    gtk_list_box_bind_model (self->conditions_list, NULL, NULL, NULL, NULL);
  g_clear_handle_id (&self->gaps_id, g_source_remove);
  g_clear_pointer (&self->gap_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (tandem_overview_page_parent_class)->dispose (object);
}

static void
tandem_overview_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TandemOverviewPage *self = TANDEM_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_overview_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TandemOverviewPage *self = TANDEM_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_overview_page_class_init (TandemOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_overview_page_dispose;
  object_class->get_property = tandem_overview_page_get_property;
  object_class->set_property = tandem_overview_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TANDEM_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/tandem-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemOverviewPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, TandemOverviewPage, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, TandemOverviewPage, programme_row);
  gtk_widget_class_bind_template_child (widget_class, TandemOverviewPage, version_row);
  gtk_widget_class_bind_template_child (widget_class, TandemOverviewPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, TandemOverviewPage, fictional_switch);
  gtk_widget_class_bind_template_child (widget_class, TandemOverviewPage, summary_view);
  gtk_widget_class_bind_template_child (widget_class, TandemOverviewPage, conditions_list);
  gtk_widget_class_bind_template_child (widget_class, TandemOverviewPage, new_condition_row);
  gtk_widget_class_bind_template_child (widget_class, TandemOverviewPage, gaps_group);
  gtk_widget_class_bind_template_child (widget_class, TandemOverviewPage, meeting_row);
  gtk_widget_class_bind_template_child (widget_class, TandemOverviewPage, meeting_date_row);
  gtk_widget_class_bind_template_child (widget_class, TandemOverviewPage, agenda_item_row);
  gtk_widget_class_bind_template_child (widget_class, TandemOverviewPage, report_author_row);
  gtk_widget_class_bind_template_child (widget_class, TandemOverviewPage, executive_sponsor_row);
  gtk_widget_class_bind_template_child (widget_class, TandemOverviewPage, paper_purpose_row);
  gtk_widget_class_bind_template_child (widget_class, TandemOverviewPage, classification_row);
  gtk_widget_class_bind_template_callback (widget_class, on_new_condition_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_meeting_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_meeting_date_committed_cb);
}

static void
tandem_overview_page_init (TandemOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  make_switch_row (gtk_widget_get_ancestor (GTK_WIDGET (self->fictional_switch), ADW_TYPE_ACTION_ROW),
                   self->fictional_switch);
}

GtkWidget *
tandem_overview_page_new (TandemDocument *document)
{
  return g_object_new (TANDEM_TYPE_OVERVIEW_PAGE, "document", document, NULL);
}

TandemDocument *
tandem_overview_page_get_document (TandemOverviewPage *self)
{
  g_return_val_if_fail (TANDEM_IS_OVERVIEW_PAGE (self), NULL);

  return self->document;
}

void
tandem_overview_page_focus_title (TandemOverviewPage *self)
{
  g_return_if_fail (TANDEM_IS_OVERVIEW_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/**
 * tandem_overview_page_focus_conditions:
 *
 * Moves the keyboard focus to the project conditions, the first one or else the field that
 * adds one, and scrolls them into view.
 */
void
tandem_overview_page_focus_conditions (TandemOverviewPage *self)
{
  GtkListBoxRow *first;

  g_return_if_fail (TANDEM_IS_OVERVIEW_PAGE (self));

  first = gtk_list_box_get_row_at_index (self->conditions_list, 0);
  if (first != NULL && gtk_widget_grab_focus (GTK_WIDGET (first)))
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self->new_condition_row));
}
