/* tandem-reach-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-reach-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-binding.h"
#include "tandem-builtin-groups.h"
#include "tandem-dialogs.h"
#include "tandem-engagement.h"
#include "tandem-group.h"
#include "tandem-reach-page.h"

/*
 * Groups and reach: the gaps first, stated in words (what the board must notice), then the
 * reach of each group at each stage of the change, then the project's list of groups, which
 * the user edits. Every figure and sentence comes from tandem_reach_new(), as in the
 * appendix, so the screen and the paper say the same.
 *
 * The built-in groups are added on the user's word ("Add the Built-in Groups"), not when the
 * page is first shown: looking at a page must not change the project (a reviewer who only
 * reads would be asked to save), and a team that keeps its own list should not have to
 * remove 33 rows first.
 */

struct _TandemReachPage
{
  AdwBin          parent_instance;

  TandemDocument *document;
  GtkWidget      *gaps_group;
  GPtrArray      *gap_rows;
  GtkGrid        *grid;
  GtkLabel       *unassigned_label;
  GtkListBox     *groups_list;
  GtkWidget      *builtin_button;
  GtkWidget      *empty_label;
  guint           refresh_id;
  gboolean        stale;
};

G_DEFINE_FINAL_TYPE (TandemReachPage, tandem_reach_page, ADW_TYPE_BIN)

/* The reach view and the gaps */

static GtkWidget *
grid_label (const char *text,
            gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), heading ? 0.0 : 0.5);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), heading ? GTK_JUSTIFY_LEFT : GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_start (label, 4);
  gtk_widget_set_margin_end (label, 4);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  if (heading)
    gtk_widget_add_css_class (label, "heading");

  return label;
}

/* "2 · 31": activities, then people; the accessible name says it in full. */
static GtkWidget *
cell_label (TandemGroup            *group,
            const char             *column,
            const TandemReachCell  *cell)
{
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *activities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity",
                                                              "%u activities", cell->activities),
                                                 cell->activities);
  g_autofree char *people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person",
                                                          "%u people", cell->people),
                                             cell->people);
  GtkWidget *label;

  if (cell->activities == 0)
    {
      text = g_strdup ("–");
      /* TRANSLATORS: accessible name of a cell of the reach view: group, stage */
      accessible = g_strdup_printf (_("%s, %s: not reached"), tandem_group_get_name (group),
                                    column);
    }
  else
    {
      text = g_strdup_printf ("%s\n%s", activities, people);
      /* TRANSLATORS: accessible name of a cell of the reach view: group, stage, counts */
      accessible = g_strdup_printf (_("%s, %s: %s, %s"), tandem_group_get_name (group), column,
                                    activities, people);
    }

  label = grid_label (text, FALSE);
  gtk_widget_add_css_class (label, "caption");
  if (cell->activities == 0)
    gtk_widget_add_css_class (label, "dim-label");
  tandem_set_accessible_label (label, accessible);

  return label;
}

static void
clear_grid (TandemReachPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
}

static void
fill_grid (TandemReachPage *self,
           TandemReach     *reach)
{
  guint n = tandem_reach_get_n_groups (reach);

  clear_grid (self);
  gtk_grid_attach (self->grid, grid_label (_("Group"), TRUE), 0, 0, 1, 1);
  for (int stage = 0; stage < TANDEM_N_CHANGE_STAGES; stage++)
    {
      GtkWidget *label = grid_label (tandem_change_stage_to_label (stage), TRUE);

      gtk_label_set_xalign (GTK_LABEL (label), 0.5);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      /* Narrow enough for the nine columns to fit; words are not broken. */
      gtk_label_set_max_width_chars (GTK_LABEL (label), 11);
      gtk_grid_attach (self->grid, label, stage + 1, 0, 1, 1);
    }
  gtk_grid_attach (self->grid, grid_label (_("All stages"), TRUE), TANDEM_N_CHANGE_STAGES + 1, 0,
                   1, 1);

  for (guint row = 0; row < n; row++)
    {
      TandemGroup *group = tandem_reach_get_group (reach, row);
      TandemReachCell total = tandem_reach_get_total (reach, row);
      g_autofree char *gap = tandem_reach_dup_gap (reach, row);
      GtkWidget *name;

      if (tandem_group_get_most_affected (group))
        {
          /* In words, not by colour or weight alone. */
          g_autofree char *text = g_strdup_printf (_("%s (most affected)"),
                                                   tandem_group_get_name (group));

          name = grid_label (text, FALSE);
          gtk_widget_add_css_class (name, "heading");
        }
      else
        name = grid_label (tandem_group_get_name (group), FALSE);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_justify (GTK_LABEL (name), GTK_JUSTIFY_LEFT);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 24);
      gtk_widget_set_size_request (name, 170, -1);
      if (gap != NULL)
        gtk_widget_set_tooltip_text (name, gap);
      gtk_grid_attach (self->grid, name, 0, row + 1, 1, 1);

      for (int stage = 0; stage < TANDEM_N_CHANGE_STAGES; stage++)
        gtk_grid_attach (self->grid,
                         cell_label (group, tandem_change_stage_to_label (stage),
                                     tandem_reach_get_cell (reach, row, stage)),
                         stage + 1, row + 1, 1, 1);
      gtk_grid_attach (self->grid, cell_label (group, _("all stages"), &total),
                       TANDEM_N_CHANGE_STAGES + 1, row + 1, 1, 1);
    }

  if (n == 0)
    gtk_grid_attach (self->grid, grid_label (_("The project has no groups yet."), FALSE), 0, 1,
                     TANDEM_N_CHANGE_STAGES + 2, 1);
}

/**
 * tandem_reach_add_gap_rows:
 * @group: where the rows go
 * @rows: (element-type GtkWidget): the rows added before, removed first; receives the new ones
 * @reach: the reach of the project's groups
 * @open_others: whether the folded row of the other gaps starts open when no most affected
 *   group has a gap
 *
 * The gaps in words, as the model states them (tandem_reach_dup_gaps()), for the reach page
 * and the overview alike: those among the most affected in sight, the others, which on a new
 * project are most of the built-in list, folded under one row so what follows stays near.
 *
 * Returns: how many gaps there are
 */
guint
tandem_reach_add_gap_rows (AdwPreferencesGroup *group,
                           GPtrArray           *rows,
                           TandemReach         *reach,
                           gboolean             open_others)
{
  g_autoptr(GPtrArray) gaps = tandem_reach_dup_gaps (reach);
  guint n_affected = 0;
  GtkWidget *others = NULL;

  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);

  for (guint row = 0; row < tandem_reach_get_n_groups (reach); row++)
    {
      g_autofree char *gap = tandem_reach_dup_gap (reach, row);

      if (gap != NULL && tandem_group_get_most_affected (tandem_reach_get_group (reach, row)))
        n_affected++;
    }

  for (guint i = 0; i < gaps->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (gaps, i));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (icon, "warning");
      tandem_hide_from_accessibility (icon);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

      if (i < n_affected)
        {
          adw_preferences_group_add (group, row);
          g_ptr_array_add (rows, row);
          continue;
        }

      if (others == NULL)
        {
          g_autofree char *title =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more group not reached in time",
                                          "%u more groups not reached in time",
                                          gaps->len - n_affected), gaps->len - n_affected);

          others = adw_expander_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (others), title);
          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (others),
                                         _("Groups not marked as most affected"));
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (others), open_others && n_affected == 0);
          adw_preferences_group_add (group, others);
          g_ptr_array_add (rows, others);
        }
      adw_expander_row_add_row (ADW_EXPANDER_ROW (others), row);
    }

  return gaps->len;
}

static void
fill_gaps (TandemReachPage *self,
           TandemReach     *reach)
{
  guint unassigned = tandem_reach_get_unassigned (reach);
  guint n_gaps = tandem_reach_add_gap_rows (ADW_PREFERENCES_GROUP (self->gaps_group),
                                            self->gap_rows, reach, TRUE);

  if (n_gaps == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     tandem_reach_get_n_groups (reach) == 0
                                       ? _("No gaps can be stated until the project lists the "
                                           "groups it means to reach.")
                                       : _("No gaps: every group was reached, and every group "
                                           "among those most affected before consultation."));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->gaps_group), row);
      g_ptr_array_add (self->gap_rows, row);
    }

  if (unassigned > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u activity names no group; it counts under none.",
                                      "%u activities name no group; they count under none.",
                                      unassigned), unassigned);

      gtk_label_set_text (self->unassigned_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unassigned_label), unassigned > 0);
}

/**
 * tandem_reach_page_refresh:
 *
 * Computes the reach again and shows it; done once after the changes of a main-loop turn.
 */
void
tandem_reach_page_refresh (TandemReachPage *self)
{
  g_autoptr(TandemReach) reach = NULL;

  g_return_if_fail (TANDEM_IS_REACH_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->stale = FALSE;
  reach = tandem_reach_new (self->document);
  fill_gaps (self, reach);
  fill_grid (self, reach);
  {
    gboolean empty = tandem_list_get_n (tandem_document_get_groups (self->document)) == 0;

    gtk_widget_set_visible (self->empty_label, empty);
    gtk_widget_set_visible (GTK_WIDGET (self->groups_list), !empty);
    if (empty)
      gtk_widget_add_css_class (self->builtin_button, "suggested-action");
    else
      gtk_widget_remove_css_class (self->builtin_button, "suggested-action");
  }
}

static gboolean
refresh_cb (gpointer data)
{
  TandemReachPage *self = data;

  self->refresh_id = 0;
  tandem_reach_page_refresh (self);

  return G_SOURCE_REMOVE;
}

/* Typing a group's name changes the document at each key: the view is built again once. */
static void on_map_cb (GtkWidget *widget,
                       gpointer   data);

/* A page out of sight is brought up to date when it is shown again: typing in the log must not
 * build the reach of every group again at each key. */
static void
on_document_changed_cb (TandemReachPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_cb, self, NULL);
}

/* The list of groups */

static void
remove_now (TandemReachPage *self,
            TandemGroup     *group)
{
  g_autofree char *toast = g_strdup_printf (_("“%s” removed"), tandem_group_get_name (group));

  tandem_engagement_remove (self->document, TANDEM_OBJECT (group), _("Remove Group"));
  tandem_show_toast (GTK_WIDGET (self), toast, TRUE);
}

static void
on_remove_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       TandemReachPage  *self)
{
  TandemGroup *group = g_object_get_data (G_OBJECT (dialog), "tandem-group");

  if (g_str_equal (response, "remove") && group != NULL &&
      tandem_object_get_document (TANDEM_OBJECT (group)) == self->document)
    remove_now (self, group);
}

/**
 * tandem_reach_page_remove_group:
 *
 * Removes @group; when activities or themes link to it, first says so and asks.
 */
void
tandem_reach_page_remove_group (TandemReachPage *self,
                                TandemGroup     *group)
{
  g_autofree char *links = NULL;
  g_autofree char *heading = NULL;
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (TANDEM_IS_REACH_PAGE (self));

  links = tandem_engagement_describe_links (self->document, TANDEM_OBJECT (group));
  if (links == NULL)
    {
      remove_now (self, group);
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  heading = g_strdup_printf (_("Remove “%s”?"), tandem_group_get_name (group));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   links);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "tandem-group", g_object_ref (group),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_remove_clicked_cb (GtkButton       *button,
                      TandemReachPage *self)
{
  TandemGroup *group = g_object_get_data (G_OBJECT (button), "tandem-group");

  if (group != NULL)
    tandem_reach_page_remove_group (self, group);
}

static void
on_most_affected_cb (GtkCheckButton *check,
                     GParamSpec     *pspec,
                     TandemGroup    *group)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (gtk_check_button_get_active (check) == tandem_group_get_most_affected (group))
    return;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, gtk_check_button_get_active (check));
  tandem_set_property_undoable (TANDEM_OBJECT (group), "most-affected", &value,
                                gtk_check_button_get_active (check)
                                  ? _("Mark Group Most Affected")
                                  : _("Unmark Group Most Affected"), FALSE);
}

static void
on_group_most_affected_notify_cb (TandemGroup    *group,
                                  GParamSpec     *pspec,
                                  GtkCheckButton *check)
{
  gtk_check_button_set_active (check, tandem_group_get_most_affected (group));
}

static GtkWidget *
create_group_row (gpointer item,
                  gpointer user_data)
{
  TandemReachPage *self = user_data;
  TandemGroup *group = item;
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *check = gtk_check_button_new_with_label (_("Most affected"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *remove_label = g_strdup_printf (_("Remove the group “%s”"),
                                                   tandem_group_get_name (group));
  g_autofree char *check_label = g_strdup_printf (_("“%s” is among those most affected"),
                                                  tandem_group_get_name (group));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 tandem_group_is_builtin (group) ? _("Built-in group")
                                                                 : _("Your group"));
  tandem_bind_editable (GTK_EDITABLE (row), TANDEM_OBJECT (group), "name", _("Rename Group"));
  if (tandem_group_get_description (group)[0] != '\0')
    gtk_widget_set_tooltip_text (row, tandem_group_get_description (group));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), tandem_group_get_most_affected (group));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  tandem_set_accessible_label (check, check_label);
  g_signal_connect_object (check, "notify::active", G_CALLBACK (on_most_affected_cb), group, 0);
  g_signal_connect_object (group, "notify::most-affected",
                           G_CALLBACK (on_group_most_affected_notify_cb), check, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), check);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  tandem_set_accessible_label (remove, remove_label);
  g_object_set_data_full (G_OBJECT (remove), "tandem-group", g_object_ref (group),
                          g_object_unref);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

  g_object_set_data_full (G_OBJECT (row), "tandem-group", g_object_ref (group), g_object_unref);

  return row;
}

static void
on_add_builtin_clicked_cb (TandemReachPage *self)
{
  g_autofree char *toast = NULL;
  guint added;

  tandem_document_begin (self->document, _("Add the Built-in Groups"));
  added = tandem_builtin_groups_add_to (self->document);
  tandem_document_commit (self->document);

  if (added == 0)
    toast = g_strdup (_("The project already has every built-in group"));
  else
    toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u built-in group added",
                                          "%u built-in groups added", added), added);
  tandem_show_toast (GTK_WIDGET (self), toast, added > 0);
}

static void
on_new_group_apply_cb (AdwEntryRow     *row,
                       TandemReachPage *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(TandemGroup) group = NULL;

  if (name[0] == '\0')
    return;

  group = g_object_new (TANDEM_TYPE_GROUP, NULL);
  tandem_group_set_name (group, name);
  tandem_document_begin (self->document, _("Add Group"));
  tandem_list_append (tandem_document_get_groups (self->document), group);
  tandem_document_commit (self->document);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
on_map_cb (GtkWidget *widget,
           gpointer   data)
{
  TandemReachPage *self = (TandemReachPage *)widget;

  if (self->stale)
    tandem_reach_page_refresh (self);
}

/* Building */

static void
build (TandemReachPage *self)
{
  /* Not an AdwPreferencesPage: its 600-pixel column would cut the reach view; the view keeps
   * the look of one with a wider clamp. */
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *outer = gtk_scrolled_window_new ();
  GtkWidget *group;
  GtkWidget *scrolled;
  GtkWidget *frame;
  GtkWidget *new_row;
  GtkWidget *box;

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1100);
  adw_clamp_set_child (ADW_CLAMP (clamp), page);
  gtk_widget_set_margin_top (page, 24);
  gtk_widget_set_margin_bottom (page, 24);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (outer), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (outer), clamp);

  self->gaps_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->gaps_group), _("Gaps"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->gaps_group),
                                         _("Groups the record shows were not reached, or reached "
                                           "too late; those most affected first."));
  gtk_box_append (GTK_BOX (page), self->gaps_group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Reach"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Activities and people taking part, for each group at "
                                           "each stage of the change. People of an activity "
                                           "count under every group it reached."));
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 0);
  gtk_grid_set_row_spacing (self->grid, 0);
  gtk_grid_set_column_homogeneous (self->grid, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->grid), "tandem-reach-grid");
  tandem_set_accessible_label (GTK_WIDGET (self->grid), _("Reach of groups by stage"));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->grid));
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  gtk_widget_add_css_class (frame, "view");
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), frame);
  self->unassigned_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->unassigned_label, 0);
  gtk_label_set_wrap (self->unassigned_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->unassigned_label), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->unassigned_label));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  gtk_box_append (GTK_BOX (page), group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("The Project’s Groups"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The groups this change should reach. Mark those it "
                                           "affects most: a gap among them is stated first."));
  self->builtin_button = gtk_button_new_with_mnemonic (_("Add the _Built-in Groups"));
  gtk_widget_set_tooltip_text (self->builtin_button,
                               _("Seldom-heard groups, Core20PLUS5, inclusion health and the "
                                 "protected characteristics; those already listed are kept"));
  g_signal_connect_swapped (self->builtin_button, "clicked",
                            G_CALLBACK (on_add_builtin_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), self->builtin_button);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->empty_label = gtk_label_new (_("No groups yet. Add the built-in list, drawn from the "
                                       "seldom-heard groups, NHS England’s Core20PLUS5 and "
                                       "inclusion-health groups and the protected "
                                       "characteristics, then edit it; or type your own below."));
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0);
  gtk_box_append (GTK_BOX (box), self->empty_label);

  self->groups_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->groups_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->groups_list), "boxed-list");
  tandem_set_accessible_label (GTK_WIDGET (self->groups_list), _("The project’s groups"));
  gtk_list_box_bind_model (self->groups_list,
                           G_LIST_MODEL (tandem_document_get_groups (self->document)),
                           create_group_row, self, NULL);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->groups_list));

  new_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (new_row), _("Add a _group"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (new_row), TRUE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (new_row), TRUE);
  g_signal_connect (new_row, "apply", G_CALLBACK (on_new_group_apply_cb), self);
  g_signal_connect (new_row, "entry-activated", G_CALLBACK (on_new_group_apply_cb), self);
  {
    GtkWidget *list = gtk_list_box_new ();

    gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
    gtk_widget_add_css_class (list, "boxed-list");
    gtk_list_box_append (GTK_LIST_BOX (list), new_row);
    gtk_box_append (GTK_BOX (box), list);
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  gtk_box_append (GTK_BOX (page), group);

  adw_bin_set_child (ADW_BIN (self), outer);

  g_signal_connect_object (self->document, "changed", G_CALLBACK (on_document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  tandem_reach_page_refresh (self);
}

/* GObject */

static void
tandem_reach_page_dispose (GObject *object)
{
  TandemReachPage *self = TANDEM_REACH_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_pointer (&self->gap_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_reach_page_parent_class)->dispose (object);
  g_clear_object (&self->document);
}

static void
tandem_reach_page_class_init (TandemReachPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tandem_reach_page_dispose;
}

static void
tandem_reach_page_init (TandemReachPage *self)
{
  self->gap_rows = g_ptr_array_new ();
}

GtkWidget *
tandem_reach_page_new (TandemDocument *document)
{
  TandemReachPage *self = g_object_new (TANDEM_TYPE_REACH_PAGE, NULL);

  self->document = g_object_ref (document);
  build (self);

  return GTK_WIDGET (self);
}

/**
 * tandem_reach_page_get_cell:
 * @stage: a stage, or TANDEM_N_CHANGE_STAGES for the column of all stages
 *
 * Returns: (transfer none) (nullable): the label of the reach view for a group and a stage
 */
GtkWidget *
tandem_reach_page_get_cell (TandemReachPage *self,
                            guint            row,
                            int              stage)
{
  g_return_val_if_fail (TANDEM_IS_REACH_PAGE (self), NULL);

  return gtk_grid_get_child_at (self->grid, stage + 1, row + 1);
}

/* Returns: (transfer none): the group of sentences stating the gaps */
GtkWidget *
tandem_reach_page_get_gaps (TandemReachPage *self)
{
  g_return_val_if_fail (TANDEM_IS_REACH_PAGE (self), NULL);
  return self->gaps_group;
}

/* Returns: (transfer none): the editable list of the project's groups */
GtkWidget *
tandem_reach_page_get_groups (TandemReachPage *self)
{
  g_return_val_if_fail (TANDEM_IS_REACH_PAGE (self), NULL);
  return GTK_WIDGET (self->groups_list);
}
