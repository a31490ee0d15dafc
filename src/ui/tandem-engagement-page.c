/* tandem-engagement-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-engagement-page"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "tandem-attached-file.h"
#include "tandem-activity-file.h"
#include "tandem-activity.h"
#include "tandem-attachment.h"
#include "tandem-binding.h"
#include "tandem-dialogs.h"
#include "tandem-engagement-page.h"
#include "tandem-engagement.h"
#include "tandem-enums.h"
#include "tandem-group.h"
#include "tandem-labels.h"
#include "tandem-untrusted-file.h"

/*
 * The engagement log: the project's activities in a list beside the editor of the chosen one,
 * entered by keyboard like the questions of a checklist. Enter in an activity's title adds
 * the next one (with the same date, stage and method, as a day of events is typed in a row)
 * and puts the cursor in its title; Tab goes through the fields in reading order. Every
 * change goes through the document's undo; a field that cannot be read (a date that is not a
 * date, a count that is not a number) keeps what was typed, marked, with one sentence saying
 * what to type, and the activity keeps its last good value.
 *
 * A GtkListView, not a GtkListBox: a log can hold thousands of activities.
 */

struct _TandemEngagementPage
{
  AdwBin              parent_instance;

  TandemDocument     *document;
  TandemActivity     *activity;   /* the one in the editor */

  GtkSingleSelection *selection;
  GtkListView        *list_view;
  GtkLabel           *summary_label;
  GtkStack           *editor_stack;

  AdwEntryRow        *title_row;
  AdwEntryRow        *date_row;
  GtkLabel           *date_error;
  AdwComboRow        *stage_row;
  AdwComboRow        *method_row;
  AdwEntryRow        *place_row;
  AdwEntryRow        *participants_row;
  GtkLabel           *participants_error;
  AdwComboRow        *rung_row;
  AdwExpanderRow     *groups_row;
  GPtrArray          *group_rows;   /* rows inside groups_row */
  AdwExpanderRow     *support_row;
  GtkSwitch          *support_switches[TANDEM_N_SUPPORTS];
  GtkTextView        *notes_view;
  GtkListBox         *files_list;

  guint               updating : 1;
};

G_DEFINE_FINAL_TYPE (TandemEngagementPage, tandem_engagement_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void bind_activity (TandemEngagementPage *self,
                           TandemActivity       *activity);

/* Words */

static char *
describe_activity (TandemActivity *activity)
{
  g_autofree char *date = NULL;
  g_autofree char *people = NULL;
  const char *iso = tandem_activity_get_date (activity);
  int n = tandem_activity_get_participants (activity);

  date = iso[0] != '\0' ? tandem_format_short_date (iso) : g_strdup (_("No date"));
  /* TRANSLATORS: under an activity of the engagement log: how many took part */
  people = n > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d person", "%d people", n), n)
                 : g_strdup (_("not counted"));

  /* TRANSLATORS: date · stage of the change · method · people taking part */
  return g_strdup_printf (_("%s · %s · %s · %s"), date,
                          tandem_change_stage_to_label (tandem_activity_get_stage (activity)),
                          tandem_engagement_method_to_label (tandem_activity_get_method (activity)),
                          people);
}

static const char *
activity_title (TandemActivity *activity)
{
  const char *title = tandem_activity_get_title (activity);

  return title[0] != '\0' ? title : _("Untitled activity");
}

static void
update_summary (TandemEngagementPage *self)
{
  TandemList *activities = tandem_document_get_activities (self->document);
  guint n = tandem_list_get_n (activities);
  guint people = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    people += tandem_activity_get_participants (tandem_list_get (activities, i));

  if (n == 0)
    text = g_strdup (_("No activities yet. Add one for each workshop, interview, survey or "
                       "visit; Tandem keeps counts only, never names."));
  else
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity",
                                                             "%u activities", n), n);
      g_autofree char *taking = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u person taking part",
                                                              "%u people taking part", people),
                                                 people);

      /* TRANSLATORS: "12 activities, 340 people taking part" */
      text = g_strdup_printf (_("%s, %s"), count, taking);
    }

  gtk_label_set_text (self->summary_label, text);
}

/* List rows */

static void
update_list_row (TandemActivity *activity,
                 GParamSpec     *pspec,
                 GtkWidget      *box)
{
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autofree char *description = describe_activity (activity);
  g_autofree char *accessible = NULL;

  gtk_label_set_text (GTK_LABEL (title), activity_title (activity));
  gtk_label_set_text (GTK_LABEL (subtitle), description);
  accessible = g_strdup_printf ("%s, %s", activity_title (activity), description);
  tandem_set_accessible_label (gtk_widget_get_parent (box) ? gtk_widget_get_parent (box) : box,
                               accessible);
}

static void
on_setup_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 TandemEngagementPage     *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_item_set_child (item, box);
}

static void
on_bind_row_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                TandemEngagementPage     *self)
{
  TandemActivity *activity = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);

  g_signal_connect_object (activity, "notify", G_CALLBACK (update_list_row), box, 0);
  update_list_row (activity, NULL, box);
}

static void
on_unbind_row_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  TandemEngagementPage     *self)
{
  TandemActivity *activity = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);

  if (activity != NULL)
    g_signal_handlers_disconnect_by_func (activity, update_list_row, box);
}

/* Adding and choosing */

TandemActivity *
tandem_engagement_page_get_selected (TandemEngagementPage *self)
{
  g_return_val_if_fail (TANDEM_IS_ENGAGEMENT_PAGE (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

void
tandem_engagement_page_select (TandemEngagementPage *self,
                               guint                 position)
{
  g_return_if_fail (TANDEM_IS_ENGAGEMENT_PAGE (self));

  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                position);
}

/**
 * tandem_engagement_page_add_activity:
 *
 * Adds an activity after the last one, with the date, stage and method of the one chosen,
 * chooses it and puts the cursor in its title.
 */
void
tandem_engagement_page_add_activity (TandemEngagementPage *self)
{
  TandemList *activities = tandem_document_get_activities (self->document);
  TandemActivity *previous = tandem_engagement_page_get_selected (self);
  g_autoptr(TandemActivity) activity = tandem_activity_new ();

  if (previous != NULL)
    {
      tandem_activity_set_date (activity, tandem_activity_get_date (previous));
      tandem_activity_set_stage (activity, tandem_activity_get_stage (previous));
      tandem_activity_set_method (activity, tandem_activity_get_method (previous));
    }

  tandem_document_break_merge (self->document);
  tandem_document_begin (self->document, _("Add Activity"));
  tandem_list_append (activities, activity);
  tandem_document_commit (self->document);

  tandem_engagement_page_select (self, tandem_list_get_n (activities) - 1);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
on_remove_clicked_cb (TandemEngagementPage *self)
{
  TandemActivity *activity = self->activity;
  g_autofree char *toast = NULL;

  if (activity == NULL)
    return;

  /* Themes and evidence may point to the activity: the links go in the same undo step, and
   * the toast says what they were, as for every other linked object. */
  {
    g_autofree char *links = tandem_engagement_describe_links (self->document,
                                                               TANDEM_OBJECT (activity));

    toast = links != NULL
              ? g_strdup_printf (_("“%s” removed. %s"), activity_title (activity), links)
              : g_strdup_printf (_("“%s” removed"), activity_title (activity));
  }
  tandem_engagement_remove (self->document, TANDEM_OBJECT (activity), _("Remove Activity"));
  tandem_show_toast (GTK_WIDGET (self), toast, TRUE);
}

static void
on_selection_changed_cb (TandemEngagementPage *self)
{
  bind_activity (self, tandem_engagement_page_get_selected (self));
}

static void
on_list_activate_cb (TandemEngagementPage *self,
                     guint                 position)
{
  tandem_engagement_page_select (self, position);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/* Fields that are read, not bound */

static void
show_field_error (AdwEntryRow *row,
                  GtkLabel    *label,
                  const char  *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_label_set_text (label, message);
      gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
date_from_model (TandemEngagementPage *self)
{
  const char *iso = self->activity ? tandem_activity_get_date (self->activity) : "";
  g_autofree char *shown = NULL;
  int year, month, day;

  /* Shown as it is typed, so that what is shown can be edited and read back. */
  if (sscanf (iso, "%d-%d-%d", &year, &month, &day) == 3)
    shown = g_strdup_printf ("%02d/%02d/%04d", day, month, year);
  else
    shown = g_strdup (iso);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), shown);
  self->updating = FALSE;
  show_field_error (self->date_row, self->date_error, NULL);
}

/* A typed date, read the UK way round like every date in Tandem. */
static void
on_date_apply_cb (TandemEngagementPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (self->activity == NULL || self->updating)
    return;

  if (stripped[0] == '\0')
    iso = g_strdup ("");
  else
    iso = tandem_parse_date (text, &error);

  if (iso == NULL)
    {
      show_field_error (self->date_row, self->date_error, error->message);
      return;
    }

  show_field_error (self->date_row, self->date_error, NULL);
  if (g_strcmp0 (iso, tandem_activity_get_date (self->activity)) == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, iso);
  tandem_document_break_merge (self->document);
  tandem_set_property_undoable (TANDEM_OBJECT (self->activity), "date", &value,
                                _("Change Activity Date"), FALSE);
  date_from_model (self);
}

static void
participants_from_model (TandemEngagementPage *self)
{
  g_autofree char *text = NULL;

  if (self->activity != NULL && tandem_activity_get_participants (self->activity) > 0)
    text = g_strdup_printf ("%d", tandem_activity_get_participants (self->activity));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->participants_row)),
                 text ? text : "") == 0)
    return;

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->participants_row), text ? text : "");
  self->updating = FALSE;
  show_field_error (self->participants_row, self->participants_error, NULL);
}

/* Checked as it is typed: digits only, at most the model's limit. What cannot be read stays
 * in the field, marked; the activity keeps its last good count. */
static void
on_participants_changed_cb (TandemEngagementPage *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  guint64 n = 0;

  if (self->activity == NULL || self->updating)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->participants_row))));

  /* An emptied field is read when it is left: selecting the count and typing over it passes
   * through an empty field, which must not wipe the count on the way. */
  if (text[0] == '\0')
    {
      show_field_error (self->participants_row, self->participants_error, NULL);
      return;
    }

  if (!g_ascii_string_to_unsigned (text, 10, 0, TANDEM_ACTIVITY_MAX_PARTICIPANTS, &n, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS))
        message = g_strdup_printf (_("“%s” is more people than one activity can record (at most "
                                     "%d). Type the number who took part in this activity."),
                                   text, TANDEM_ACTIVITY_MAX_PARTICIPANTS);
      else
        message = g_strdup_printf (_("“%s” is not a number of people. Type a whole number such "
                                     "as 12, or leave it empty when nobody counted."), text);
      show_field_error (self->participants_row, self->participants_error, message);
      return;
    }

  show_field_error (self->participants_row, self->participants_error, NULL);
  if ((int)n == tandem_activity_get_participants (self->activity))
    return;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, (int)n);
  self->updating = TRUE;
  tandem_set_property_undoable (TANDEM_OBJECT (self->activity), "participants", &value,
                                _("Change Number Taking Part"), TRUE);
  self->updating = FALSE;
}

/* Left empty: nobody counted. */
static void
on_participants_left_cb (TandemEngagementPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->participants_row));
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->activity == NULL || self->updating || text[0] != '\0' ||
      tandem_activity_get_participants (self->activity) == 0)
    return;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, 0);
  self->updating = TRUE;
  tandem_set_property_undoable (TANDEM_OBJECT (self->activity), "participants", &value,
                                _("Change Number Taking Part"), FALSE);
  self->updating = FALSE;
}

/* Groups reached */

static void
on_group_toggled_cb (GtkCheckButton       *check,
                     TandemEngagementPage *self)
{
  TandemGroup *group = g_object_get_data (G_OBJECT (check), "tandem-group");
  gboolean active = gtk_check_button_get_active (check);

  if (self->updating || self->activity == NULL || group == NULL ||
      active == tandem_activity_reaches_group (self->activity, group))
    return;

  tandem_document_break_merge (self->document);
  tandem_document_begin (self->document,
                         active ? _("Mark Group Reached") : _("Unmark Group Reached"));
  tandem_activity_set_reaches_group (self->activity, group, active);
  tandem_document_commit (self->document);
}

static void
update_groups_subtitle (TandemEngagementPage *self)
{
  TandemList *groups = tandem_document_get_groups (self->document);
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = 0;

  if (self->activity == NULL)
    return;

  for (guint i = 0; i < tandem_list_get_n (groups); i++)
    {
      TandemGroup *group = tandem_list_get (groups, i);

      if (!tandem_activity_reaches_group (self->activity, group))
        continue;
      if (n++ > 0)
        g_string_append (names, _(", "));
      g_string_append (names, tandem_group_get_name (group));
    }

  /* Nothing to open while the project lists no groups. */
  adw_expander_row_set_enable_expansion (self->groups_row, tandem_list_get_n (groups) > 0);
  adw_expander_row_set_subtitle (self->groups_row,
                                 n > 0 ? names->str
                                       : (tandem_list_get_n (groups) > 0
                                            ? _("None marked")
                                            : _("The project has no groups yet: add them on the "
                                                "Groups and Reach page")));
}

static void
rebuild_groups (TandemEngagementPage *self)
{
  TandemList *groups = tandem_document_get_groups (self->document);

  for (guint i = 0; i < self->group_rows->len; i++)
    adw_expander_row_remove (self->groups_row, g_ptr_array_index (self->group_rows, i));
  g_ptr_array_set_size (self->group_rows, 0);

  if (self->activity == NULL)
    return;

  self->updating = TRUE;
  for (guint i = 0; i < tandem_list_get_n (groups); i++)
    {
      TandemGroup *group = tandem_list_get (groups, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_group_get_name (group));
      if (tandem_group_get_most_affected (group))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Among those most affected"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   tandem_activity_reaches_group (self->activity, group));
      g_object_set_data_full (G_OBJECT (check), "tandem-group", g_object_ref (group),
                              g_object_unref);
      tandem_set_accessible_label (check, tandem_group_get_name (group));
      g_signal_connect (check, "toggled", G_CALLBACK (on_group_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (self->groups_row, row);
      g_ptr_array_add (self->group_rows, row);
    }
  self->updating = FALSE;

  update_groups_subtitle (self);
}

/* The checks follow undo and the other pages without being built again (the focus stays). */
static void
groups_from_model (TandemEngagementPage *self)
{
  TandemList *groups = tandem_document_get_groups (self->document);

  if (self->activity == NULL)
    return;

  if (self->group_rows->len != tandem_list_get_n (groups))
    {
      rebuild_groups (self);
      return;
    }

  self->updating = TRUE;
  for (guint i = 0; i < self->group_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->group_rows, i);
      TandemGroup *group = tandem_list_get (groups, i);
      GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

      if (g_object_get_data (G_OBJECT (check), "tandem-group") != group ||
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                     tandem_group_get_name (group)) != 0)
        {
          self->updating = FALSE;
          rebuild_groups (self);
          return;
        }
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   tandem_activity_reaches_group (self->activity, group));
    }
  self->updating = FALSE;
  update_groups_subtitle (self);
}

/* Attached files, as in a checklist answer's evidence */

static void
on_remove_file_clicked_cb (GtkButton            *button,
                           TandemEngagementPage *self)
{
  TandemActivityFile *file = g_object_get_data (G_OBJECT (button), "tandem-file");
  TandemList *files;

  if (self->activity == NULL || file == NULL)
    return;

  files = tandem_activity_get_attachments (self->activity);
  tandem_document_begin (self->document, _("Remove Attached File"));
  tandem_list_remove_object (files, TANDEM_OBJECT (file));
  tandem_document_commit (self->document);
  tandem_show_toast (GTK_WIDGET (self), _("Attached file removed"), TRUE);
}

/* Opening an attached file: the same steps and the same warning as the evidence of a checklist
 * answer (tandem-attached-file.c). */
static void
open_attachment (TandemEngagementPage *self,
                 TandemActivityFile   *attachment)
{
  tandem_open_attached_file (GTK_WIDGET (self),
                             tandem_object_get_document (TANDEM_OBJECT (attachment)),
                             tandem_activity_file_get_blob (attachment),
                             tandem_activity_file_get_name (attachment),
                             tandem_activity_file_get_content_type (attachment));
}

static void
on_file_row_activated_cb (AdwActionRow         *row,
                          TandemEngagementPage *self)
{
  TandemActivityFile *file = g_object_get_data (G_OBJECT (row), "tandem-file");

  if (file != NULL)
    open_attachment (self, file);
}

static GtkWidget *
create_file_row (gpointer item,
                 gpointer user_data)
{
  TandemEngagementPage *self = user_data;
  TandemActivityFile *file = item;
  g_autofree char *size = g_format_size (tandem_activity_file_get_size (file));
  g_autofree char *remove_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_activity_file_get_name (file));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("mail-attachment-symbolic"));
  remove_label = g_strdup_printf (_("Remove the attached file “%s”"),
                                  tandem_activity_file_get_name (file));
  gtk_widget_set_tooltip_text (remove, remove_label);
  tandem_set_accessible_label (remove, remove_label);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data_full (G_OBJECT (remove), "tandem-file", g_object_ref (file), g_object_unref);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_file_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  /* Enter or a click opens a read-only copy. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Open a copy of the attached file"));
  g_object_set_data_full (G_OBJECT (row), "tandem-file", g_object_ref (file), g_object_unref);
  g_signal_connect (row, "activated", G_CALLBACK (on_file_row_activated_cb), self);

  return row;
}

typedef struct
{
  TandemEngagementPage *self;
  TandemActivity       *activity;
  char                 *name;
} AttachData;

static void
attach_data_free (AttachData *attach)
{
  g_clear_object (&attach->self);
  g_clear_object (&attach->activity);
  g_free (attach->name);
  g_free (attach);
}

static void
on_attach_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  AttachData *attach = user_data;
  TandemDocument *document = tandem_object_get_document (TANDEM_OBJECT (attach->activity));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TandemActivityFile) file = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *clean_name = NULL;
  gsize size;

  bytes = tandem_untrusted_file_read_finish (result, NULL, &error);
  if (bytes == NULL)
    {
      tandem_show_error (GTK_WIDGET (attach->self), _("Could Not Attach the File"),
                         error->message);
      attach_data_free (attach);
      return;
    }

  /* The activity may have been removed while the file was read. */
  if (document == NULL)
    {
      attach_data_free (attach);
      return;
    }

  size = g_bytes_get_size (bytes);
  clean_name = tandem_attachment_clean_name (attach->name);
  content_type = g_content_type_guess (attach->name, g_bytes_get_data (bytes, NULL),
                                       MIN (size, 4096), NULL);
  hash = tandem_document_add_blob (document, bytes);

  file = g_object_new (TANDEM_TYPE_ACTIVITY_FILE, NULL);
  tandem_activity_file_set_name (file, clean_name);
  tandem_activity_file_set_size (file, (int)size);
  tandem_activity_file_set_content_type (file, content_type ? content_type : "");
  tandem_activity_file_set_blob (file, hash);

  tandem_document_begin (document, _("Attach File"));
  tandem_list_append (tandem_activity_get_attachments (attach->activity), file);
  tandem_document_commit (document);

  attach_data_free (attach);
}

static void
on_attach_info_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  AttachData *attach = user_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_info_finish (G_FILE (object), result, &error);
  if (info == NULL)
    {
      tandem_show_error (GTK_WIDGET (attach->self), _("Could Not Attach the File"),
                         error->message);
      attach_data_free (attach);
      return;
    }

  if (g_file_info_get_size (info) > TANDEM_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is %.1f MB. Files attached to a project can be at most %d MB, "
                           "so that the project stays easy to send. Put the file where your "
                           "readers can reach it and say where in the notes."),
                         g_file_info_get_display_name (info),
                         g_file_info_get_size (info) / (1024.0 * 1024.0),
                         TANDEM_ATTACHMENT_MAX_SIZE / (1024 * 1024));

      tandem_show_error (GTK_WIDGET (attach->self), _("The File Is Too Large to Attach"), message);
      attach_data_free (attach);
      return;
    }

  attach->name = g_strdup (g_file_info_get_display_name (info));
  tandem_untrusted_file_read_async (G_FILE (object), TANDEM_ATTACHMENT_MAX_SIZE,
                                    _("a file to attach"), NULL, on_attach_loaded_cb, attach);
}

/**
 * tandem_engagement_page_attach_file:
 *
 * Attaches a copy of @file to the chosen activity, read off the main thread with the same
 * limits as the evidence of a checklist answer.
 */
void
tandem_engagement_page_attach_file (TandemEngagementPage *self,
                                    GFile                *file)
{
  AttachData *attach;

  g_return_if_fail (TANDEM_IS_ENGAGEMENT_PAGE (self));

  if (self->activity == NULL)
    return;

  attach = g_new0 (AttachData, 1);
  attach->self = g_object_ref (self);
  attach->activity = g_object_ref (self->activity);
  g_file_query_info_async (file,
                           G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                           G_FILE_ATTRIBUTE_STANDARD_SIZE,
                           G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT, NULL, on_attach_info_cb,
                           attach);
}

static void
on_attach_response_cb (GtkNativeDialog      *dialog,
                       int                   response,
                       TandemEngagementPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      tandem_engagement_page_attach_file (self, file);
    }

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
on_attach_clicked_cb (TandemEngagementPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Attach a File"), GTK_WINDOW (root),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_attach_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The editor */

static void
on_activity_notify_cb (TandemEngagementPage *self,
                       GParamSpec           *pspec)
{
  if (g_str_equal (pspec->name, "date"))
    date_from_model (self);
  else if (g_str_equal (pspec->name, "participants") && !self->updating)
    participants_from_model (self);
}

static void
bind_activity (TandemEngagementPage *self,
               TandemActivity       *activity)
{
  if (self->activity == activity)
    return;

  if (self->activity != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->activity, self);
      g_signal_handlers_disconnect_by_data (tandem_activity_get_groups (self->activity), self);
    }
  g_set_object (&self->activity, activity);

  tandem_unbind (GTK_WIDGET (self->title_row));
  tandem_unbind (GTK_WIDGET (self->stage_row));
  tandem_unbind (GTK_WIDGET (self->method_row));
  tandem_unbind (GTK_WIDGET (self->place_row));
  tandem_unbind (GTK_WIDGET (self->rung_row));
  tandem_unbind (GTK_WIDGET (self->notes_view));
  for (guint i = 0; i < TANDEM_N_SUPPORTS; i++)
    tandem_unbind (GTK_WIDGET (self->support_switches[i]));

  if (activity == NULL)
    {
      gtk_list_box_bind_model (self->files_list, NULL, NULL, NULL, NULL);
      rebuild_groups (self);
      gtk_stack_set_visible_child_name (self->editor_stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->editor_stack, "editor");
  tandem_bind_editable (GTK_EDITABLE (self->title_row), TANDEM_OBJECT (activity), "title",
                        _("Change Activity Title"));
  tandem_bind_combo_enum (self->stage_row, TANDEM_OBJECT (activity), "stage",
                          _("Change Stage of the Change"));
  tandem_bind_combo_enum (self->method_row, TANDEM_OBJECT (activity), "method",
                          _("Change Method"));
  tandem_bind_editable (GTK_EDITABLE (self->place_row), TANDEM_OBJECT (activity), "place",
                        _("Change Place"));
  tandem_bind_combo_enum (self->rung_row, TANDEM_OBJECT (activity), "rung",
                          _("Change Rung Reached"));
  tandem_bind_text_view (self->notes_view, TANDEM_OBJECT (activity), "notes",
                         _("Change Activity Notes"));
  for (guint i = 0; i < TANDEM_N_SUPPORTS; i++)
    tandem_bind_switch (self->support_switches[i], TANDEM_OBJECT (activity),
                        tandem_activity_support_pspec (1u << i)->name, _("Change Support Offered"));

  date_from_model (self);
  participants_from_model (self);
  show_field_error (self->participants_row, self->participants_error, NULL);
  g_signal_connect_object (activity, "notify", G_CALLBACK (on_activity_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (tandem_activity_get_groups (activity), "items-changed",
                           G_CALLBACK (groups_from_model), self, G_CONNECT_SWAPPED);
  rebuild_groups (self);
  gtk_list_box_bind_model (self->files_list,
                           G_LIST_MODEL (tandem_activity_get_attachments (activity)),
                           create_file_row, self, NULL);
}

/* Enter in the title adds the next activity, as Enter adds the next line of a list. */
static void
on_title_activated_cb (TandemEngagementPage *self)
{
  tandem_engagement_page_add_activity (self);
}

static void
on_document_changed_cb (TandemEngagementPage *self)
{
  update_summary (self);
  groups_from_model (self);
}

/* Building */

static AdwComboRow *
new_enum_combo (const char  *title,
                GType        enum_type,
                const char *(*to_label) (int))
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (enum_type);
  GtkStringList *labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  for (guint i = 0; i < enum_class->n_values; i++)
    gtk_string_list_append (labels, to_label (enum_class->values[i].value));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_object_unref (labels);

  return ADW_COMBO_ROW (row);
}

static AdwEntryRow *
new_entry_row (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);

  return ADW_ENTRY_ROW (row);
}

static GtkLabel *
new_error_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_visible (label, FALSE);

  return GTK_LABEL (label);
}

static GtkWidget *
new_group (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  return group;
}

static const char *
stage_label (int value)
{
  return tandem_change_stage_to_label (value);
}

static const char *
method_label (int value)
{
  return tandem_engagement_method_to_label (value);
}

static const char *
rung_label (int value)
{
  return value == TANDEM_LADDER_RUNG_NONE ? _("Not recorded") : tandem_ladder_rung_to_label (value);
}

static GtkWidget *
build_editor (TandemEngagementPage *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group;
  GtkWidget *box;
  GtkWidget *frame;
  GtkWidget *button;
  GtkEventController *focus;

  /* What and when */
  group = new_group (_("Activity"), NULL);
  self->title_row = new_entry_row (_("_Title"));
  g_signal_connect_swapped (self->title_row, "entry-activated",
                            G_CALLBACK (on_title_activated_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->title_row));

  self->date_row = new_entry_row (_("_Date, such as 14/01/2027"));
  /* Read on Enter or when left, like the meeting date of the overview: an apply button would
   * stay lit after each date shown from the model. */
  g_signal_connect_swapped (self->date_row, "entry-activated", G_CALLBACK (on_date_apply_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_date_apply_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->date_row), focus);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->date_row));

  self->stage_row = new_enum_combo (_("_Stage of the change"), TANDEM_TYPE_CHANGE_STAGE,
                                    stage_label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->stage_row));
  self->method_row = new_enum_combo (_("_Method"), TANDEM_TYPE_ENGAGEMENT_METHOD, method_label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->method_row));
  self->place_row = new_entry_row (_("_Place"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->place_row));
  self->participants_row = new_entry_row (_("_Number taking part"));
  adw_entry_row_set_input_purpose (self->participants_row, GTK_INPUT_PURPOSE_DIGITS);
  g_signal_connect_swapped (self->participants_row, "changed",
                            G_CALLBACK (on_participants_changed_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_participants_left_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->participants_row), focus);
  g_signal_connect_swapped (self->participants_row, "entry-activated",
                            G_CALLBACK (on_participants_left_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->participants_row));
  self->rung_row = new_enum_combo (_("_Rung of the ladder reached"), TANDEM_TYPE_LADDER_RUNG,
                                   rung_label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->rung_row));

  /* The sentences under the fields they are about (a preferences group takes rows only in a
   * list, so they sit in their own group just below). */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->date_error = new_error_label ();
  self->participants_error = new_error_label ();
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->date_error));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->participants_error));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  /* Who */
  group = new_group (_("Who Took Part"), _("Counts only: Tandem keeps no participant's name or "
                                           "contact details."));
  self->groups_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->groups_row), _("_Groups reached"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->groups_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->groups_row));

  self->support_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->support_row), _("_Support offered"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->support_row), TRUE);
  adw_expander_row_set_subtitle (self->support_row,
                                 _("What helped people take part: payment, travel, childcare, "
                                   "interpreters, BSL, easy read and more"));
  for (guint i = 0; i < TANDEM_N_SUPPORTS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();
      const char *label = tandem_support_to_label (1u << i);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      tandem_set_accessible_label (toggle, label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      adw_expander_row_add_row (self->support_row, row);
      self->support_switches[i] = GTK_SWITCH (toggle);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->support_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  /* Notes */
  group = new_group (_("Notes"), _("What happened and what people said, in your words. Put "
                                   "what people said as themes on the You Said, We Did page."));
  self->notes_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->notes_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->notes_view, FALSE);
  gtk_text_view_set_top_margin (self->notes_view, 8);
  gtk_text_view_set_bottom_margin (self->notes_view, 8);
  gtk_text_view_set_left_margin (self->notes_view, 8);
  gtk_text_view_set_right_margin (self->notes_view, 8);
  gtk_widget_set_size_request (GTK_WIDGET (self->notes_view), -1, 96);
  tandem_set_accessible_label (GTK_WIDGET (self->notes_view), _("Notes"));
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->notes_view));
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  /* Files */
  group = new_group (_("Attached Files"), _("Reports, photographs of flip charts, the "
                                            "survey's questions. Each file is kept inside "
                                            "the project."));
  button = gtk_button_new_with_mnemonic (_("_Attach File…"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_attach_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  self->files_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->files_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->files_list), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->files_list));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  /* Removing */
  group = new_group (NULL, NULL);
  button = gtk_button_new_with_mnemonic (_("_Remove Activity"));
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  return page;
}

static void
build (TandemEngagementPage *self)
{
  GtkWidget *paned = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *heading = gtk_label_new (_("Engagement Log"));
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Activity"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *empty = adw_status_page_new ();
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GListModel *activities;
  GtkWidget *list_view;

  gtk_widget_add_css_class (heading, "title-2");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_set_tooltip_text (add, _("Add an activity; Enter in an activity's title adds the "
                                      "next one"));
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (tandem_engagement_page_add_activity),
                            self);
  gtk_box_append (GTK_BOX (header), heading);
  gtk_box_append (GTK_BOX (header), add);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_box_append (GTK_BOX (side), header);

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "dim-label");
  gtk_widget_set_margin_start (GTK_WIDGET (self->summary_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->summary_label), 12);
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->summary_label));

  activities = G_LIST_MODEL (tandem_document_get_activities (self->document));
  self->selection = gtk_single_selection_new (g_object_ref (activities));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_row_cb), self);
  /* The view takes a reference of its own to each. */
  list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                 g_object_ref (factory));
  self->list_view = GTK_LIST_VIEW (list_view);
  gtk_list_view_set_single_click_activate (self->list_view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  tandem_set_accessible_label (GTK_WIDGET (self->list_view), _("Activities"));
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_list_activate_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (side), scrolled);
  /* The list keeps its width; the editor takes the rest of the window. */
  gtk_widget_set_size_request (side, 360, -1);
  gtk_widget_set_hexpand (side, FALSE);
  gtk_widget_set_hexpand (scrolled, FALSE);
  gtk_box_append (GTK_BOX (paned), side);
  gtk_box_append (GTK_BOX (paned), gtk_separator_new (GTK_ORIENTATION_VERTICAL));

  self->editor_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->editor_stack), TRUE);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "x-office-calendar-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Activities Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Add each workshop, interview, survey, drop-in or visit: "
                                     "when, at which stage of the change, how many took part "
                                     "and which groups they came from."));
  gtk_stack_add_named (self->editor_stack, empty, "empty");
  gtk_stack_add_named (self->editor_stack, build_editor (self), "editor");
  gtk_box_append (GTK_BOX (paned), GTK_WIDGET (self->editor_stack));

  adw_bin_set_child (ADW_BIN (self), paned);

  g_signal_connect_object (self->document, "changed", G_CALLBACK (on_document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_summary (self);
  bind_activity (self, tandem_engagement_page_get_selected (self));
  if (self->activity == NULL)
    gtk_stack_set_visible_child_name (self->editor_stack, "empty");
}

/* GObject */

static void
tandem_engagement_page_constructed (GObject *object)
{
  TandemEngagementPage *self = TANDEM_ENGAGEMENT_PAGE (object);

  G_OBJECT_CLASS (tandem_engagement_page_parent_class)->constructed (object);
  build (self);
}

static void
tandem_engagement_page_dispose (GObject *object)
{
  TandemEngagementPage *self = TANDEM_ENGAGEMENT_PAGE (object);

  if (self->activity != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->activity, self);
      g_signal_handlers_disconnect_by_data (tandem_activity_get_groups (self->activity), self);
      g_clear_object (&self->activity);
    }
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->group_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_engagement_page_parent_class)->dispose (object);
  g_clear_object (&self->document);
}

static void
tandem_engagement_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TandemEngagementPage *self = TANDEM_ENGAGEMENT_PAGE (object);

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
tandem_engagement_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  TandemEngagementPage *self = TANDEM_ENGAGEMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_engagement_page_class_init (TandemEngagementPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = tandem_engagement_page_constructed;
  object_class->dispose = tandem_engagement_page_dispose;
  object_class->get_property = tandem_engagement_page_get_property;
  object_class->set_property = tandem_engagement_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TANDEM_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_engagement_page_init (TandemEngagementPage *self)
{
  self->group_rows = g_ptr_array_new ();
}

GtkWidget *
tandem_engagement_page_new (TandemDocument *document)
{
  return g_object_new (TANDEM_TYPE_ENGAGEMENT_PAGE, "document", document, NULL);
}

TandemDocument *
tandem_engagement_page_get_document (TandemEngagementPage *self)
{
  g_return_val_if_fail (TANDEM_IS_ENGAGEMENT_PAGE (self), NULL);
  return self->document;
}

GtkListView *
tandem_engagement_page_get_list_view (TandemEngagementPage *self)
{
  g_return_val_if_fail (TANDEM_IS_ENGAGEMENT_PAGE (self), NULL);
  return self->list_view;
}
