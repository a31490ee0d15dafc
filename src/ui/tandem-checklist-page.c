/* tandem-checklist-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-checklist-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-audit-entry.h"
#include "tandem-binding.h"
#include "tandem-checklist-item.h"
#include "tandem-checklist-labels.h"
#include "tandem-checklist-page.h"
#include "tandem-checklist-row.h"
#include "tandem-checklist-section.h"
#include "tandem-condition.h"
#include "tandem-dialogs.h"
#include "tandem-enums.h"
#include "tandem-document.h"
#include "tandem-item-editor.h"
#include "tandem-reason-dialog.h"
#include "tandem-reverse-model.h"
#include "tandem-signoff.h"
#include "tandem-template.h"

/*
 * The page of one board assurance checklist. At the top: its title, what it is for, how far
 * it is answered and the board's decision. Below, three views:
 *
 * - Questions: the sections and their questions in a one-column GtkGridView, filtered by
 *   status, owner, overdue and search, beside the editor of the chosen question. A grid view
 *   rather than a GtkListView because in GTK 4.8 a list view keeps 200 rows built whatever
 *   its height, while a grid view keeps about as many as fit on screen (30 rows); with
 *   hundreds of questions that is the difference between a page that opens at once and one
 *   that does not. It is the same list widget family: same models, keyboard and actions. Questions whose project
 *   condition is off are left out, and the page says how many and why.
 * - Decision and Sign-off: the decision, its conditions and the sign-offs, voided ones struck
 *   through with when and why.
 * - History: the audit trail of the checklist, newest first.
 *
 * Keyboard: arrows move through the questions; Enter goes to the answer; Ctrl+1 to Ctrl+6
 * set the status of the chosen question; Alt+Down and Alt+Up move to the next or previous
 * question from anywhere on the page; Ctrl+F searches.
 */

struct _TandemChecklistPage
{
  AdwBin               parent_instance;

  TandemChecklist     *checklist;
  TandemDocument      *document;  /* weak */

  GListStore          *parts;     /* GListModel: [section], its items, [section], ... */
  GtkFilterListModel  *filtered;
  GtkCustomFilter     *filter;
  GtkSingleSelection  *selection;
  GtkStringList       *owners;
  char                *conditions_state;

  /* What the last change did that the user must hear about or give a reason for (set as a
   * transaction closes, acted on once it is committed; undo and redo set none of these). */
  GPtrArray           *pending_voided;   /* TandemSignoff */
  gboolean             pending_decision;
  TandemChecklistItem *pending_rating;   /* weak: checked again before use */
  char                *search_text;   /* case-folded */
  char                *owner_text;    /* NULL: anyone; "": nobody */
  int                  status_filter; /* -1: any */
  gboolean             overdue_only;
  GDate                today;

  /* Short windows (800×600 on a projector) get a header of two lines: the summary of answers
   * goes on the progress line, the description and its source into a tooltip. */
  gboolean             compact;
  guint                compact_idle;
  char                *summary;          /* "4 of 13 answered" */
  char                *compact_summary;  /* "4 of 13 answered · 2 met · 9 not started" */

  /* Template widgets */
  GtkWidget           *header_box;
  GtkEditableLabel    *title_label;
  GtkLabel            *decision_pill;
  GtkLabel            *description_label;
  GtkLabel            *source_label;
  GtkProgressBar      *progress_bar;
  GtkLabel            *progress_label;
  GtkFlowBox          *counts_box;
  GtkWidget           *hidden_box;
  GtkLabel            *hidden_label;
  AdwViewStack        *view_stack;
  GtkPaned            *paned;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *status_filter_dropdown;
  GtkDropDown         *owner_filter;
  GtkToggleButton     *overdue_toggle;
  GtkLabel            *results_label;
  GtkStack            *list_stack;
  GtkGridView         *list_view;
  GtkStack            *editor_stack;
  AdwStatusPage       *none_page;
  TandemItemEditor    *editor;
  AdwComboRow         *decision_row;
  GtkWidget           *conditions_group;
  GtkTextView         *conditions_view;
  GtkListBox          *signoffs_list;
  AdwEntryRow         *signoff_name_row;
  AdwEntryRow         *signoff_role_row;
  AdwActionRow        *signoff_date_row;
  GtkMenuButton       *signoff_date_button;
  GtkCalendar         *signoff_calendar;
  GtkTextView         *declaration_view;
  GtkStack            *history_stack;
  GtkGridView         *history_view;
};

G_DEFINE_FINAL_TYPE (TandemChecklistPage, tandem_checklist_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CHECKLIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_header (TandemChecklistPage *self);

/* Filtering */

static gboolean
text_matches (const char *text,
              const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL || text[0] == '\0')
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
item_visible (TandemChecklistPage *self,
              TandemChecklistItem *item)
{
  const char *needle = self->search_text;

  if (!tandem_checklist_item_is_applicable (item))
    return FALSE;

  if (self->status_filter >= 0 && (int)tandem_checklist_item_get_status (item) != self->status_filter)
    return FALSE;

  if (self->owner_text != NULL &&
      g_strcmp0 (tandem_checklist_item_get_owner (item), self->owner_text) != 0)
    return FALSE;

  if (self->overdue_only && !tandem_checklist_item_is_overdue (item, &self->today))
    return FALSE;

  if (needle != NULL && needle[0] != '\0' &&
      !text_matches (tandem_checklist_item_get_question (item), needle) &&
      !text_matches (tandem_checklist_item_get_guidance (item), needle) &&
      !text_matches (tandem_checklist_item_get_evidence (item), needle) &&
      !text_matches (tandem_checklist_item_get_comments (item), needle) &&
      !text_matches (tandem_checklist_item_get_owner (item), needle) &&
      !text_matches (tandem_checklist_item_get_action (item), needle))
    return FALSE;

  return TRUE;
}

static gboolean
filter_func (gpointer object,
             gpointer user_data)
{
  TandemChecklistPage *self = user_data;

  if (TANDEM_IS_CHECKLIST_ITEM (object))
    return item_visible (self, object);

  /* A section shows while any of its questions does. */
  if (TANDEM_IS_CHECKLIST_SECTION (object))
    {
      TandemList *items = tandem_checklist_section_get_items (object);

      for (guint i = 0; i < tandem_list_get_n (items); i++)
        {
          if (item_visible (self, tandem_list_get (items, i)))
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
filters_active (TandemChecklistPage *self)
{
  return (self->search_text != NULL && self->search_text[0] != '\0') ||
         self->status_filter >= 0 || self->owner_text != NULL || self->overdue_only;
}

static guint
count_visible_items (TandemChecklistPage *self)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->filtered)); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (TANDEM_IS_CHECKLIST_ITEM (object))
        n++;
    }

  return n;
}

static void
update_results (TandemChecklistPage *self)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  TandemProgress progress;

  gtk_stack_set_visible_child_name (self->list_stack, n_rows > 0 ? "list" : "empty");

  if (filters_active (self))
    {
      g_autofree char *text = NULL;

      tandem_checklist_get_progress (self->checklist, NULL, &progress);
      /* TRANSLATORS: “Showing 4 of 13 questions” */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Showing %u of %u question",
                                           "Showing %u of %u questions", progress.applicable),
                              count_visible_items (self), progress.applicable);
      gtk_label_set_text (self->results_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->results_label), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->results_label), FALSE);
    }
}

static void
refilter (TandemChecklistPage *self)
{
  tandem_get_today (&self->today);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_results (self);
}

/* The list */

static void
rebuild_parts (TandemChecklistPage *self)
{
  TandemList *sections = tandem_checklist_get_sections (self->checklist);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < tandem_list_get_n (sections); i++)
    {
      TandemChecklistSection *section = tandem_list_get (sections, i);
      GListStore *heading = g_list_store_new (TANDEM_TYPE_OBJECT);

      g_list_store_append (heading, section);
      g_ptr_array_add (parts, heading);
      g_ptr_array_add (parts, g_object_ref (tandem_checklist_section_get_items (section)));
    }

  g_list_store_splice (self->parts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->parts)),
                       parts->pdata, parts->len);
}

static void
on_setup_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, tandem_checklist_row_new ());
}

static void
on_bind_row_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  TandemObject *object = gtk_list_item_get_item (list_item);
  gboolean is_item = TANDEM_IS_CHECKLIST_ITEM (object);

  /* Headings can be chosen too, so that the arrow keys pass through them (a row that cannot be
   * chosen cannot take the focus in GTK 4.8); choosing one shows the section's summary. */
  gtk_list_item_set_activatable (list_item, is_item);
  tandem_checklist_row_set_object (TANDEM_CHECKLIST_ROW (gtk_list_item_get_child (list_item)),
                                   object);

  /* The focus is on the list's own item widget around the row, which has no name of its own
   * and would be read as “GtkListItemWidget”: name it by the question and its answer. */
  {
    GtkWidget *item_widget = gtk_widget_get_parent (gtk_list_item_get_child (list_item));
    g_autofree char *name = NULL;

    if (is_item)
      /* TRANSLATORS: how a screen reader reads a question in the list, “Question text: Met” */
      name = g_strdup_printf (_("%s: %s"), tandem_checklist_item_get_question (TANDEM_CHECKLIST_ITEM (object)),
                              tandem_item_status_to_label (tandem_checklist_item_get_status (TANDEM_CHECKLIST_ITEM (object))));
    else if (TANDEM_IS_CHECKLIST_SECTION (object))
      name = g_strdup (tandem_checklist_section_get_title (TANDEM_CHECKLIST_SECTION (object)));

    if (item_widget != NULL && name != NULL)
      tandem_set_accessible_label (item_widget, name);
  }
}

static void
on_unbind_row_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  tandem_checklist_row_set_object (TANDEM_CHECKLIST_ROW (gtk_list_item_get_child (list_item)),
                                   NULL);
}

static guint
find_position (TandemChecklistPage *self,
               gpointer             object)
{
  GListModel *model = G_LIST_MODEL (self->filtered);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (item == object)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* GTK 4.8 has no call to move the keyboard focus to an item of a list (that came in 4.12), so
 * focus the row's widget once it is built: the list follows the focus. */
static gboolean
focus_row (TandemChecklistPage *self,
           gpointer             object)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (TANDEM_IS_CHECKLIST_ROW (row) &&
          tandem_checklist_row_get_object (TANDEM_CHECKLIST_ROW (row)) == object)
        return gtk_widget_grab_focus (child);
    }

  return FALSE;
}

static gboolean
focus_in_list (TandemChecklistPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == GTK_WIDGET (self->list_view) ||
                           gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)));
}

static void
select_position (TandemChecklistPage *self,
                 guint                position,
                 gboolean             grab_focus)
{
  gboolean follow = grab_focus || focus_in_list (self);

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  /* The keyboard focus moves with the choice when it was in the list, so that Enter and the
   * arrow keys carry on from the question now chosen. */
  if (follow)
    {
      g_autoptr(GObject) object = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

      if (!focus_row (self, object))
        {
          /* Not built yet: lay the list out, then try again. */
          gtk_widget_measure (GTK_WIDGET (self->list_view), GTK_ORIENTATION_VERTICAL, -1,
                              NULL, NULL, NULL, NULL);
          if (!focus_row (self, object))
            gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
        }
    }
}

/* Moves to the next (or previous) question that is shown, skipping section headings. */
static void
move_selection (TandemChecklistPage *self,
                int                  direction)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (model);
  guint selected = gtk_single_selection_get_selected (self->selection);
  int position;

  if (n == 0)
    return;

  position = selected == GTK_INVALID_LIST_POSITION ? (direction > 0 ? -1 : (int)n) : (int)selected;

  for (position += direction; position >= 0 && position < (int)n; position += direction)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, position);

      if (TANDEM_IS_CHECKLIST_ITEM (object))
        {
          select_position (self, position, FALSE);
          return;
        }
    }

  gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
on_selection_changed_cb (TandemChecklistPage *self)
{
  gpointer object = gtk_single_selection_get_selected_item (self->selection);

  if (TANDEM_IS_CHECKLIST_ITEM (object))
    {
      tandem_item_editor_set_item (self->editor, object);
      gtk_stack_set_visible_child_name (self->editor_stack, "editor");
    }
  else if (TANDEM_IS_CHECKLIST_SECTION (object))
    {
      TandemProgress progress = { 0 };
      g_autofree char *summary = NULL;
      g_autofree char *description = NULL;

      tandem_checklist_section_progress (object, &self->today, &progress);
      summary = tandem_progress_describe (&progress);
      description = g_strdup_printf ("%s%s%s", tandem_checklist_section_get_description (object),
                                     tandem_checklist_section_get_description (object)[0] ? "\n\n" : "",
                                     summary);
      tandem_item_editor_set_item (self->editor, NULL);
      adw_status_page_set_title (self->none_page, tandem_checklist_section_get_title (object));
      adw_status_page_set_description (self->none_page, description);
      gtk_stack_set_visible_child_name (self->editor_stack, "none");
    }
  else
    {
      tandem_item_editor_set_item (self->editor, NULL);
      adw_status_page_set_title (self->none_page, _("Choose a Question"));
      adw_status_page_set_description (self->none_page, _("Its guidance and your answer appear here."));
      gtk_stack_set_visible_child_name (self->editor_stack, "none");
    }
}

static void
on_list_activate_cb (TandemChecklistPage *self,
                     guint                position)
{
  gtk_single_selection_set_selected (self->selection, position);
  tandem_item_editor_focus_status (self->editor);
}

/* Header */

static void
add_count (TandemChecklistPage *self,
           guint                count,
           const char          *label,
           const char          *css_class)
{
  g_autofree char *text = g_strdup_printf ("%u %s", count, label);
  GtkWidget *chip = gtk_label_new (text);

  gtk_widget_add_css_class (chip, "count-chip");
  gtk_widget_add_css_class (chip, css_class);
  if (count == 0)
    gtk_widget_add_css_class (chip, "zero");
  gtk_flow_box_append (self->counts_box, chip);
}

static char *
conditions_state (TandemDocument *document)
{
  TandemList *conditions = tandem_document_get_conditions (document);
  GString *state = g_string_new (NULL);

  for (guint i = 0; i < tandem_list_get_n (conditions); i++)
    {
      TandemCondition *condition = tandem_list_get (conditions, i);

      g_string_append_printf (state, "%s=%d;", tandem_condition_get_key (condition),
                              tandem_condition_get_enabled (condition));
    }

  return g_string_free (state, FALSE);
}

static void
update_hidden_note (TandemChecklistPage *self)
{
  TandemList *sections = tandem_checklist_get_sections (self->checklist);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *text = NULL;
  guint hidden = 0;

  for (guint i = 0; i < tandem_list_get_n (sections); i++)
    {
      TandemList *items = tandem_checklist_section_get_items (tandem_list_get (sections, i));

      for (guint j = 0; j < tandem_list_get_n (items); j++)
        {
          TandemChecklistItem *item = tandem_list_get (items, j);
          g_autofree char *label = NULL;
          gboolean seen = FALSE;

          if (tandem_checklist_item_is_applicable (item))
            continue;

          hidden++;
          label = tandem_checklist_condition_label (item);
          for (guint k = 0; k < labels->len && !seen; k++)
            seen = g_str_equal (g_ptr_array_index (labels, k), label);
          if (!seen)
            g_ptr_array_add (labels, g_steal_pointer (&label));
        }
    }

  gtk_widget_set_visible (self->hidden_box, hidden > 0);
  if (hidden == 0)
    return;

  for (guint k = 0; k < labels->len; k++)
    g_string_append_printf (names, "%s“%s”", k > 0 ? ", " : "", (char *)g_ptr_array_index (labels, k));

  /* TRANSLATORS: %u questions; %s lists project conditions, such as “Beds are reduced” */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u question is left out because it applies only when %s. "
                                       "Switch it on in the project conditions if it applies.",
                                       "%u questions are left out because they apply only when %s. "
                                       "Switch it on in the project conditions if it applies.",
                                       hidden),
                          hidden, names->str);
  gtk_label_set_text (self->hidden_label, text);
}

static void
apply_compact (TandemChecklistPage *self)
{
  const char *description = gtk_label_get_text (self->description_label);
  const char *source = tandem_checklist_get_source (self->checklist);
  g_autofree char *tooltip = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->description_label), !self->compact && description[0] != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->source_label), !self->compact && source[0] != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->counts_box), !self->compact);
  gtk_label_set_text (self->progress_label,
                      self->compact && self->compact_summary != NULL ? self->compact_summary
                                                                     : self->summary);
  gtk_label_set_ellipsize (self->progress_label, self->compact ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);

  /* What the short header leaves out stays a hover away. */
  if (self->compact)
    tooltip = g_strjoin ("\n\n", self->compact_summary != NULL ? self->compact_summary : "",
                         description, gtk_label_get_text (self->source_label), NULL);
  gtk_widget_set_tooltip_text (self->header_box, tooltip);
  if (self->compact)
    gtk_widget_add_css_class (self->header_box, "compact");
  else
    gtk_widget_remove_css_class (self->header_box, "compact");
}

static gboolean
apply_compact_idle (gpointer data)
{
  TandemChecklistPage *self = data;

  self->compact_idle = 0;
  if (self->checklist != NULL)
    apply_compact (self);

  return G_SOURCE_REMOVE;
}

static void
page_measure (GtkWidget      *widget,
              GtkOrientation  orientation,
              int             for_size,
              int            *minimum,
              int            *natural,
              int            *minimum_baseline,
              int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  *minimum = *natural = 0;
  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline,
                        natural_baseline);
}

/* The page lays its child out as AdwBin does, and learns its height on the way (a layout
 * manager's widget gets no size_allocate). Changing what is shown while being laid out would
 * lay out again at once: the change waits for an idle. Two heights, so that a window at the
 * edge does not flip back and forth. */
static void
page_allocate (GtkWidget *widget,
               int        width,
               int        height,
               int        baseline)
{
  TandemChecklistPage *self = TANDEM_CHECKLIST_PAGE (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  gboolean compact = self->compact ? height < 760 : height < 700;

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);

  if (compact != self->compact)
    {
      self->compact = compact;
      if (self->compact_idle == 0)
        self->compact_idle = g_idle_add (apply_compact_idle, self);
    }
}

static void
update_header (TandemChecklistPage *self)
{
  TandemDecision decision = tandem_checklist_get_decision (self->checklist);
  g_autofree char *summary = NULL;
  g_autofree char *decision_text = NULL;
  g_autoptr(GString) description = g_string_new (tandem_checklist_get_description (self->checklist));
  g_autoptr(GString) compact = g_string_new (NULL);
  TandemProgress progress;
  GtkWidget *child;

  tandem_get_today (&self->today);
  tandem_checklist_get_progress (self->checklist, &self->today, &progress);

  gtk_progress_bar_set_fraction (self->progress_bar, tandem_progress_get_fraction (&progress));
  summary = tandem_progress_describe (&progress);
  gtk_label_set_text (self->progress_label, summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, summary, -1);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->counts_box))) != NULL)
    gtk_flow_box_remove (self->counts_box, child);
  g_free (self->summary);
  self->summary = g_strdup (summary);
  g_string_assign (compact, summary);
  {
    /* One chip per status, each counted on its own by the model. */
    static const struct { TandemItemStatus status; const char *label; const char *css; } chips[] = {
      { TANDEM_ITEM_STATUS_MET, N_("met"), "chip-met" },
      { TANDEM_ITEM_STATUS_PARTLY_MET, N_("partly met"), "chip-partly-met" },
      { TANDEM_ITEM_STATUS_NOT_MET, N_("not met"), "chip-not-met" },
      { TANDEM_ITEM_STATUS_NOT_APPLICABLE, N_("not applicable"), "chip-not-applicable" },
      { TANDEM_ITEM_STATUS_IN_PROGRESS, N_("in progress"), "chip-in-progress" },
      { TANDEM_ITEM_STATUS_NOT_STARTED, N_("not started"), "chip-not-started" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (chips); i++)
      {
        guint count = tandem_progress_get_count (&progress, chips[i].status);

        add_count (self, count, _(chips[i].label), chips[i].css);
        if (count > 0)
          /* TRANSLATORS: one part of the one-line summary, “ · 2 met” */
          g_string_append_printf (compact, _(" · %u %s"), count, _(chips[i].label));
      }
  }
  add_count (self, progress.overdue, _("overdue"), "chip-overdue");
  if (progress.overdue > 0)
    g_string_append_printf (compact, _(" · %u %s"), progress.overdue, _("overdue"));
  g_free (self->compact_summary);
  self->compact_summary = g_strdup (compact->str);

  /* The reason for a decision taken over open questions is shown with it. */
  if (tandem_checklist_get_decision_reason (self->checklist)[0] != '\0')
    {
      /* TRANSLATORS: under the decision */
      g_autofree char *reason = g_strdup_printf (_("Reason: %s"),
                                                 tandem_checklist_get_decision_reason (self->checklist));
      g_autofree char *escaped = g_markup_escape_text (reason, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->decision_row), escaped);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->decision_row), "");
    }

  /* TRANSLATORS: the board's decision on a checklist, “Decision: Proceed” */
  decision_text = g_strdup_printf (_("Decision: %s"), tandem_decision_to_label (decision));
  gtk_label_set_text (self->decision_pill, decision_text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->decision_pill), "decision-proceed");
  gtk_widget_remove_css_class (GTK_WIDGET (self->decision_pill), "decision-conditions");
  gtk_widget_remove_css_class (GTK_WIDGET (self->decision_pill), "decision-stop");
  if (decision == TANDEM_DECISION_PROCEED)
    gtk_widget_add_css_class (GTK_WIDGET (self->decision_pill), "decision-proceed");
  else if (decision == TANDEM_DECISION_PROCEED_WITH_CONDITIONS)
    gtk_widget_add_css_class (GTK_WIDGET (self->decision_pill), "decision-conditions");
  else if (decision == TANDEM_DECISION_DO_NOT_PROCEED)
    gtk_widget_add_css_class (GTK_WIDGET (self->decision_pill), "decision-stop");

  gtk_widget_set_visible (self->conditions_group,
                          decision == TANDEM_DECISION_PROCEED_WITH_CONDITIONS ||
                          tandem_checklist_get_decision_conditions (self->checklist)[0] != '\0');

  gtk_label_set_text (self->description_label, description->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->description_label), description->str);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description->len > 0);

  if (tandem_checklist_get_source (self->checklist)[0] != '\0')
    {
      /* TRANSLATORS: where a checklist's questions come from */
      g_autofree char *source = g_strdup_printf (_("Source: %s"),
                                                 tandem_checklist_get_source (self->checklist));

      gtk_label_set_text (self->source_label, source);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->source_label), source);
    }
  apply_compact (self);
  update_hidden_note (self);
}

static int
compare_owners (gconstpointer a,
                gconstpointer b)
{
  return g_utf8_collate (*(const char **)a, *(const char **)b);
}

static void
update_owners (TandemChecklistPage *self)
{
  TandemList *sections = tandem_checklist_get_sections (self->checklist);
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_current = g_list_model_get_n_items (G_LIST_MODEL (self->owners));
  gboolean same;
  guint selected;

  for (guint i = 0; i < tandem_list_get_n (sections); i++)
    {
      TandemList *items = tandem_checklist_section_get_items (tandem_list_get (sections, i));

      for (guint j = 0; j < tandem_list_get_n (items); j++)
        {
          const char *owner = tandem_checklist_item_get_owner (tandem_list_get (items, j));

          if (owner[0] != '\0' && g_hash_table_add (seen, (gpointer)owner))
            g_ptr_array_add (owners, (gpointer)owner);
        }
    }

  g_ptr_array_sort (owners, compare_owners);

  /* The first two entries are "Anyone" and "No owner"; rebuild only when owners changed, so
   * that typing an owner's name does not reset the drop-down. */
  same = n_current == owners->len + 2;
  for (guint i = 0; same && i < owners->len; i++)
    same = g_str_equal (gtk_string_list_get_string (self->owners, i + 2),
                        g_ptr_array_index (owners, i));
  if (same)
    return;

  g_ptr_array_add (owners, NULL);
  selected = 0;
  if (self->owner_text != NULL && self->owner_text[0] == '\0')
    selected = 1;
  for (guint i = 0; self->owner_text != NULL && owners->pdata[i] != NULL; i++)
    {
      if (g_str_equal (owners->pdata[i], self->owner_text))
        selected = i + 2;
    }

  g_signal_handlers_block_matched (self->owner_filter, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_string_list_splice (self->owners, 2, n_current - 2, (const char *const *)owners->pdata);
  gtk_drop_down_set_selected (self->owner_filter, selected);
  g_signal_handlers_unblock_matched (self->owner_filter, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  if (selected == 0 && self->owner_text != NULL && self->owner_text[0] != '\0')
    {
      g_clear_pointer (&self->owner_text, g_free);
      refilter (self);
    }
}

/* Trust prompts: whose sign-off a change voids, and reasons for decisions over open
 * questions and for ratings that disagree with their status. */

static void
on_before_commit_cb (TandemChecklistPage *self,
                     TandemTransaction   *transaction)
{
  guint n = tandem_transaction_get_n_changes (transaction);

  for (guint i = 0; i < n; i++)
    {
      const TandemChange *change = tandem_transaction_get_change (transaction, i);

      if (change->kind != TANDEM_CHANGE_PROPERTY)
        continue;

      if (TANDEM_IS_SIGNOFF (change->object) &&
          tandem_object_get_parent (change->object) == TANDEM_OBJECT (self->checklist) &&
          g_str_equal (change->pspec->name, "voided-at") &&
          g_value_get_string (&change->new_value) != NULL &&
          g_value_get_string (&change->new_value)[0] != '\0')
        g_ptr_array_add (self->pending_voided, g_object_ref (change->object));
      else if (change->object == TANDEM_OBJECT (self->checklist) &&
               g_str_equal (change->pspec->name, "decision"))
        self->pending_decision = TRUE;
      else if (TANDEM_IS_CHECKLIST_ITEM (change->object) &&
               tandem_checklist_item_get_checklist (TANDEM_CHECKLIST_ITEM (change->object)) == self->checklist &&
               (g_str_equal (change->pspec->name, "rag-override") ||
                g_str_equal (change->pspec->name, "status")))
        self->pending_rating = TANDEM_CHECKLIST_ITEM (change->object);
    }
}

static void
on_void_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     TandemDocument   *document)
{
  /* Answer once, even when a close follows the response. */
  if (g_object_get_data (G_OBJECT (dialog), "tandem-answered") != NULL)
    return;
  g_object_set_data (G_OBJECT (dialog), "tandem-answered", GINT_TO_POINTER (TRUE));

  if (g_str_equal (response, "undo") && tandem_document_can_undo (document))
    tandem_document_undo (document);
}

static void
tell_voided (TandemChecklistPage *self)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GPtrArray) voided = g_steal_pointer (&self->pending_voided);

  self->pending_voided = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < voided->len; i++)
    {
      TandemSignoff *signoff = g_ptr_array_index (voided, i);

      if (names->len > 0)
        g_string_append (names, _(", "));
      if (tandem_signoff_get_role (signoff)[0] != '\0')
        g_string_append_printf (names, _("%s (%s)"), tandem_signoff_get_name (signoff),
                                tandem_signoff_get_role (signoff));
      else
        g_string_append (names, tandem_signoff_get_name (signoff));
    }

  if (voided->len == 0)
    return;

  /* With a decision recorded, the sign-off is the board's on that decision: ask. */
  if (tandem_checklist_get_decision (self->checklist) != TANDEM_DECISION_UNDECIDED)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      g_autofree char *body = g_strdup_printf (_("This change voids the sign-off of %s on the "
                                                 "board’s decision “%s”. Undo the change to keep "
                                                 "the sign-off standing."),
                                               names->str,
                                               tandem_decision_to_label (tandem_checklist_get_decision (self->checklist)));
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Void the Board’s Sign-Off?"), body);

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "undo", _("_Undo Change"),
                                        "keep", _("_Keep Change and Void"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "undo");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "undo");
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_void_response_cb),
                               self->document, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    {
      /* TRANSLATORS: a notice with Undo; %s names who signed, “Jo Smith (Chair)” */
      g_autofree char *text = g_strdup_printf (_("This change voided the sign-off of %s"),
                                               names->str);
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
      AdwToast *toast = adw_toast_new (text);

      /* Ahead of any other notice: this one is about somebody else's signature. */
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      adw_toast_set_timeout (toast, 10);
      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      else
        g_object_unref (toast);
    }
}

typedef struct
{
  TandemChecklistPage *page;
  GWeakRef             object;
  const char          *field;
} ReasonRequest;

static void
reason_request_free (gpointer data)
{
  ReasonRequest *request = data;

  g_weak_ref_clear (&request->object);
  g_object_unref (request->page);
  g_free (request);
}

static void
on_reason_cb (const char *reason,
              gpointer    user_data)
{
  ReasonRequest *request = user_data;
  TandemDocument *document = request->page->document;
  g_autoptr(GObject) object = g_weak_ref_get (&request->object);

  if (document == NULL || object == NULL)
    return;

  if (reason == NULL)
    {
      /* No reason, no decision: the change is taken back. */
      if (tandem_document_can_undo (document))
        tandem_document_undo (document);
      return;
    }

  tandem_document_begin (document, _("Give Reason"));
  tandem_object_set_string (TANDEM_OBJECT (object),
                            g_object_class_find_property (G_OBJECT_GET_CLASS (object), request->field),
                            reason);
  tandem_document_commit (document);
}

static void
ask_reason (TandemChecklistPage *self,
            GObject             *object,
            const char          *field,
            const char          *heading,
            const char          *body)
{
  ReasonRequest *request = g_new0 (ReasonRequest, 1);

  request->page = g_object_ref (self);
  g_weak_ref_init (&request->object, object);
  request->field = field;
  tandem_reason_dialog_present (GTK_WIDGET (self), heading, body, _("_Record with Reason"),
                                on_reason_cb, request, reason_request_free);
}

static char *
describe_open (TandemChecklist *checklist)
{
  gboolean gate = FALSE;
  guint open = tandem_checklist_count_open_questions (checklist, &gate);

  if (gate)
    /* TRANSLATORS: why a reason is asked for */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u question that applies, the decision gate among "
                                         "them, is not met or not answered.",
                                         "%u questions that apply, the decision gate among "
                                         "them, are not met or not answered.", open), open);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u question that applies is not met or not answered.",
                                       "%u questions that apply are not met or not answered.",
                                       open), open);
}

static void
ask_reasons (TandemChecklistPage *self)
{
  TandemDecision decision = tandem_checklist_get_decision (self->checklist);
  TandemChecklistItem *item = self->pending_rating;
  gboolean decision_changed = self->pending_decision;

  self->pending_decision = FALSE;
  self->pending_rating = NULL;

  if (decision_changed &&
      (decision == TANDEM_DECISION_PROCEED || decision == TANDEM_DECISION_PROCEED_WITH_CONDITIONS) &&
      tandem_checklist_count_open_questions (self->checklist, NULL) > 0 &&
      tandem_checklist_get_decision_reason (self->checklist)[0] == '\0')
    {
      g_autofree char *open = describe_open (self->checklist);
      g_autofree char *body = g_strdup_printf (_("%s Why does the board record “%s”? The reason "
                                                 "is kept with the decision and printed."),
                                               open, tandem_decision_to_label (decision));

      ask_reason (self, G_OBJECT (self->checklist), "decision-reason",
                  _("Proceed With Questions Open?"), body);
      return;
    }

  if (item != NULL && tandem_checklist_item_get_checklist (item) == self->checklist &&
      tandem_checklist_item_rating_disagrees (item) &&
      tandem_checklist_item_get_rating_reason (item)[0] == '\0')
    {
      g_autofree char *body = g_strdup_printf (_("The rating “%s” disagrees with the status “%s”. "
                                                 "Why is it set by hand? The reason is shown with "
                                                 "the rating and printed."),
                                               tandem_rag_to_label (tandem_checklist_item_get_rag (item)),
                                               tandem_item_status_to_label (tandem_checklist_item_get_status (item)));

      ask_reason (self, G_OBJECT (item), "rating-reason", _("Override the Rating?"), body);
    }
}

static void
on_document_changed_cb (TandemChecklistPage *self)
{
  g_autofree char *state = NULL;

  if (self->document == NULL || tandem_object_get_document (TANDEM_OBJECT (self->checklist)) == NULL)
    return;

  tell_voided (self);
  ask_reasons (self);

  update_header (self);
  update_owners (self);

  /* Answers do not make the list jump under the user's hands; only a change of the project
   * conditions, which decides what applies, filters again by itself. */
  state = conditions_state (self->document);
  if (g_strcmp0 (state, self->conditions_state) != 0)
    {
      g_free (self->conditions_state);
      self->conditions_state = g_steal_pointer (&state);
      refilter (self);
    }
  else
    {
      update_results (self);
    }
}

static void
on_filters_changed_cb (TandemChecklistPage *self)
{
  guint status = gtk_drop_down_get_selected (self->status_filter_dropdown);
  guint owner = gtk_drop_down_get_selected (self->owner_filter);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (search));

  /* The drop-downs report their first selection while the template is being built. */
  if (self->filter == NULL)
    return;

  g_free (self->search_text);
  self->search_text = g_utf8_casefold (stripped, -1);
  self->status_filter = (status == 0 || status == GTK_INVALID_LIST_POSITION) ? -1 : (int)status - 1;
  self->overdue_only = gtk_toggle_button_get_active (self->overdue_toggle);

  g_clear_pointer (&self->owner_text, g_free);
  if (owner == 1)
    self->owner_text = g_strdup ("");
  else if (owner >= 2 && owner != GTK_INVALID_LIST_POSITION)
    self->owner_text = g_strdup (gtk_string_list_get_string (self->owners, owner));

  refilter (self);

  /* Keep a question chosen when there is one to choose. */
  if (!TANDEM_IS_CHECKLIST_ITEM (gtk_single_selection_get_selected_item (self->selection)))
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      move_selection (self, 1);
    }
}

static void
on_stop_search_cb (TandemChecklistPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Sign-offs */

static void
update_signoff_row (AdwActionRow  *row,
                    GParamSpec    *pspec,
                    TandemSignoff *signoff)
{
  const char *name = tandem_signoff_get_name (signoff);
  const char *role = tandem_signoff_get_role (signoff);
  const char *voided = tandem_signoff_get_voided_at (signoff);
  g_autofree char *who = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *date = tandem_format_local_timestamp (tandem_signoff_get_signed_at (signoff));
  g_autofree char *subtitle = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "tandem-icon");
  GtkWidget *badge = g_object_get_data (G_OBJECT (row), "tandem-badge");
  TandemChecklist *checklist = TANDEM_CHECKLIST (tandem_object_get_parent (TANDEM_OBJECT (signoff)));

  /* TRANSLATORS: who signed off, “Jo Smith, Non-executive director” */
  who = role[0] != '\0' ? g_strdup_printf (_("%s, %s"), name, role) : g_strdup (name);
  escaped = g_markup_escape_text (who, -1);

  /* The meeting date is the user's, and labelled so; the moment of signing is the clock's. */
  if (tandem_signoff_get_date (signoff)[0] != '\0')
    {
      g_autofree char *meeting = tandem_format_date (tandem_signoff_get_date (signoff));
      /* TRANSLATORS: the optional date of the meeting a sign-off was agreed at */
      g_string_append_printf (notes, _(" Meeting date: %s."), meeting);
    }
  if (tandem_signoff_get_reason (signoff)[0] != '\0')
    /* TRANSLATORS: why someone signed off while questions were not met or not answered */
    g_string_append_printf (notes, _(" Reason: %s"), tandem_signoff_get_reason (signoff));

  if (checklist != NULL && !tandem_checklist_signoff_verifies (checklist, signoff))
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      /* TRANSLATORS: a sign-off whose record does not match its hashes */
      subtitle = g_strdup_printf (_("Signed at %s. Cannot be verified: changed outside Tandem.%s"),
                                  date, notes->str);
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "dialog-error-symbolic");
      gtk_label_set_text (GTK_LABEL (badge), C_("sign-off", "Cannot be verified"));
      gtk_widget_remove_css_class (badge, "stands-badge");
      gtk_widget_add_css_class (badge, "voided-badge");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Sign-off cannot be verified: changed outside Tandem"), -1);
    }
  else if (voided[0] == '\0')
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      /* TRANSLATORS: “Signed at 3 May 2026, 14:05: I have reviewed …” */
      subtitle = g_strdup_printf (_("Signed at %s: %s%s"), date,
                                  tandem_signoff_get_declaration (signoff), notes->str);
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "emblem-ok-symbolic");
      gtk_label_set_text (GTK_LABEL (badge), C_("sign-off", "Stands"));
      gtk_widget_remove_css_class (badge, "voided-badge");
      gtk_widget_add_css_class (badge, "stands-badge");
      gtk_widget_remove_css_class (GTK_WIDGET (row), "voided");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Sign-off stands"), -1);
    }
  else
    {
      g_autofree char *struck = g_strdup_printf ("<s>%s</s>", escaped);
      g_autofree char *when = tandem_format_local_timestamp (voided);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), struck);
      /* TRANSLATORS: “Signed at 3 May 2026, 14:05. Voided on 4 May 2026, 09:12: An answer changed…” */
      subtitle = g_strdup_printf (_("Signed at %s. Voided on %s: %s%s"), date, when,
                                  tandem_signoff_get_void_reason (signoff), notes->str);
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "dialog-warning-symbolic");
      gtk_label_set_text (GTK_LABEL (badge), C_("sign-off", "Voided"));
      gtk_widget_remove_css_class (badge, "stands-badge");
      gtk_widget_add_css_class (badge, "voided-badge");
      gtk_widget_add_css_class (GTK_WIDGET (row), "voided");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Sign-off voided"), -1);
    }

  {
    g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle, -1);
    adw_action_row_set_subtitle (row, escaped_subtitle);
  }
}

static void
on_signoff_document_changed_cb (AdwActionRow *row)
{
  TandemSignoff *signoff = g_object_get_data (G_OBJECT (row), "tandem-signoff");

  if (tandem_object_get_parent (TANDEM_OBJECT (signoff)) != NULL)
    update_signoff_row (row, NULL, signoff);
}

static GtkWidget *
create_signoff_row (gpointer item,
                    gpointer user_data)
{
  TandemSignoff *signoff = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *badge;

  /* Markup for the strike-through; the text itself is escaped. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), TRUE);
  badge = gtk_label_new (NULL);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  g_object_set_data (G_OBJECT (row), "tandem-icon", icon);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  g_object_set_data (G_OBJECT (row), "tandem-badge", badge);
  g_object_set_data_full (G_OBJECT (row), "tandem-signoff", g_object_ref (signoff), g_object_unref);
  /* Whether it verifies is known once the change is complete (with its audit entries), so
   * rows follow the document's changes, not the sign-off's fields one by one. */
  if (tandem_object_get_document (TANDEM_OBJECT (signoff)) != NULL)
    g_signal_connect_object (tandem_object_get_document (TANDEM_OBJECT (signoff)), "changed",
                             G_CALLBACK (on_signoff_document_changed_cb), row, G_CONNECT_SWAPPED);
  update_signoff_row (ADW_ACTION_ROW (row), NULL, signoff);

  return row;
}

static void
set_signoff_date (TandemChecklistPage *self,
                  GDateTime           *date)
{
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");
  g_autofree char *text = tandem_format_date (iso);

  g_object_set_data_full (G_OBJECT (self->signoff_date_button), "tandem-date",
                          g_steal_pointer (&iso), g_free);
  gtk_menu_button_set_label (self->signoff_date_button, text);
}

static void
on_signoff_day_selected_cb (TandemChecklistPage *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->signoff_calendar);

  set_signoff_date (self, date);
}

static void
on_signoff_form_changed_cb (TandemChecklistPage *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->signoff_name_row));
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.sign-off", stripped[0] != '\0');
}

/* The name starts as the reviewer's, and follows the preference until the user types another. */
static void
update_signoff_name (TandemChecklistPage *self)
{
  const char *shown = gtk_editable_get_text (GTK_EDITABLE (self->signoff_name_row));
  const char *filled = g_object_get_data (G_OBJECT (self->signoff_name_row), "tandem-filled");
  const char *reviewer;

  if (self->document == NULL || (shown[0] != '\0' && g_strcmp0 (shown, filled) != 0))
    return;

  reviewer = tandem_document_get_reviewer (self->document);
  g_object_set_data_full (G_OBJECT (self->signoff_name_row), "tandem-filled", g_strdup (reviewer),
                          g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->signoff_name_row), reviewer);
  if (gtk_editable_get_text (GTK_EDITABLE (self->signoff_role_row))[0] == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->signoff_role_row),
                           tandem_document_get_reviewer_role (self->document));
}

static void
reset_signoff_form (TandemChecklistPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  update_signoff_name (self);
  gtk_calendar_select_day (self->signoff_calendar, now);
  /* No meeting date until one is chosen: the moment of signing is recorded anyway. */
  g_object_set_data (G_OBJECT (self->signoff_date_button), "tandem-date", NULL);
  /* TRANSLATORS: no meeting date chosen */
  gtk_menu_button_set_label (self->signoff_date_button, C_("meeting date", "None"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->declaration_view),
                            _("I have read the evidence for this checklist and I am satisfied that "
                              "the answers recorded here are a fair assessment."), -1);
}

static void
sign_off (TandemChecklistPage *self,
          const char          *reason)
{
  g_autoptr(TandemSignoff) signoff = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  g_autofree char *declaration = NULL;
  g_autofree char *toast = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->declaration_view);
  GtkTextIter start, end;

  if (self->document == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->signoff_name_row))));
  role = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->signoff_role_row))));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  declaration = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (name[0] == '\0')
    return;

  signoff = tandem_signoff_new ();
  tandem_signoff_set_name (signoff, name);
  tandem_signoff_set_role (signoff, role);
  tandem_signoff_set_date (signoff, g_object_get_data (G_OBJECT (self->signoff_date_button), "tandem-date"));
  tandem_signoff_set_declaration (signoff, declaration);
  tandem_signoff_set_reason (signoff, reason);
  /* The moment of signing and the answers it covers are recorded by the model. */

  tandem_document_begin (self->document, _("Sign Off"));
  tandem_list_append (tandem_checklist_get_signoffs (self->checklist), signoff);
  tandem_document_commit (self->document);

  /* TRANSLATORS: a notice after signing off */
  toast = g_strdup_printf (_("Signed off as %s"), name);
  tandem_show_toast (GTK_WIDGET (self), toast, TRUE);
}

static void
on_signoff_reason_cb (const char *reason,
                      gpointer    user_data)
{
  if (reason != NULL)
    sign_off (TANDEM_CHECKLIST_PAGE (user_data), reason);
}

static void
sign_off_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TandemChecklistPage *self = TANDEM_CHECKLIST_PAGE (widget);
  g_autofree char *open = NULL;
  g_autofree char *body = NULL;

  if (self->document == NULL)
    return;

  /* Signing off over questions that are not met or not answered needs a reason. */
  if (tandem_checklist_count_open_questions (self->checklist, NULL) == 0)
    {
      sign_off (self, "");
      return;
    }

  open = describe_open (self->checklist);
  body = g_strdup_printf (_("%s Why do you sign off now? The reason is kept with your "
                            "sign-off and printed."), open);
  tandem_reason_dialog_present (widget, _("Sign Off With Questions Open?"), body,
                                _("_Sign Off with Reason"), on_signoff_reason_cb,
                                g_object_ref (self), g_object_unref);
}

/* History */

static void
on_setup_history_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *what = gtk_label_new (NULL);
  GtkWidget *when = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (what), 0);
  gtk_label_set_wrap (GTK_LABEL (what), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (what), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (when), 0);
  gtk_label_set_wrap (GTK_LABEL (when), TRUE);
  gtk_widget_add_css_class (when, "caption");
  gtk_widget_add_css_class (when, "dim-label");
  gtk_box_append (GTK_BOX (box), what);
  gtk_box_append (GTK_BOX (box), when);
  gtk_widget_add_css_class (box, "history-row");
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
on_bind_history_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  TandemAuditEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *what = gtk_widget_get_first_child (box);
  GtkWidget *when = gtk_widget_get_next_sibling (what);
  g_autofree char *description = tandem_audit_entry_describe (entry);
  g_autofree char *time = tandem_format_local_timestamp (tandem_audit_entry_get_timestamp (entry));
  g_autofree char *line = NULL;
  g_autofree char *detail = NULL;

  {
    const char *name = tandem_audit_entry_get_who (entry);
    const char *role = tandem_audit_entry_get_role (entry);
    const char *origin = tandem_audit_entry_get_origin (entry);
    g_autofree char *plain = NULL;
    g_autofree char *who = NULL;
    g_autofree char *escaped = NULL;

    /* Name and role; never a login name, so an entry without a name says so. */
    if (name[0] == '\0')
      name = g_str_equal (origin, "upgrade") ? "Tandem" : _("Name not given");
    /* TRANSLATORS: who made a change, “Jo Smith (Chair)” */
    plain = role[0] != '\0' ? g_strdup_printf (_("%s (%s)"), name, role) : g_strdup (name);
    who = g_markup_escape_text (plain, -1);
    if (g_str_equal (origin, "undo") || g_str_equal (origin, "redo") ||
        g_str_equal (origin, "upgrade"))
      {
        /* TRANSLATORS: an audit entry made by Undo, Redo, or when a file from an older
         * version was first opened, “changed the status … (undo)” */
        g_autofree char *marked = g_strdup_printf (g_str_equal (origin, "undo") ? _("%s (undo)")
                                                   : g_str_equal (origin, "redo") ? _("%s (redo)")
                                                   : _("%s (recorded when upgrading the file)"),
                                                   description);
        g_free (description);
        description = g_steal_pointer (&marked);
      }
    escaped = g_markup_escape_text (description, -1);

    /* TRANSLATORS: “Dr A Reviewer changed the status from “Not started” to “Met””; the first
     * %s is the name, in bold */
    line = g_strdup_printf (_("<b>%s</b> %s"), who, escaped);
  }
  /* TRANSLATORS: what was changed and when, “Who was involved? · 3 May 2026, 14:05” */
  detail = g_strdup_printf (_("%s · %s"), tandem_audit_entry_get_subject (entry), time);
  gtk_label_set_markup (GTK_LABEL (what), line);
  gtk_label_set_text (GTK_LABEL (when), detail);
}

/* The history can be long; its rows are made only once somebody looks at it. */
static void
on_view_changed_cb (TandemChecklistPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(TandemReverseModel) audit = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "decision") == 0)
    update_signoff_name (self);

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "history") != 0 ||
      gtk_grid_view_get_model (self->history_view) != NULL)
    return;

  audit = tandem_reverse_model_new (G_LIST_MODEL (tandem_checklist_get_audit (self->checklist)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&audit)));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_history_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_history_cb), self);
  gtk_grid_view_set_factory (self->history_view, factory);
  gtk_grid_view_set_model (self->history_view, GTK_SELECTION_MODEL (selection));
}

static void
on_audit_changed_cb (TandemChecklistPage *self)
{
  gtk_stack_set_visible_child_name (self->history_stack,
                                    tandem_list_get_n (tandem_checklist_get_audit (self->checklist)) > 0
                                    ? "list" : "empty");
}

/* Actions */

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TandemChecklistPage *self = TANDEM_CHECKLIST_PAGE (widget);
  TandemChecklistItem *item = tandem_checklist_page_get_selected_item (self);
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (TANDEM_TYPE_ITEM_STATUS);
  GEnumValue *value = g_enum_get_value_by_nick (enum_class, g_variant_get_string (parameter, NULL));
  g_auto(GValue) gvalue = G_VALUE_INIT;

  if (item == NULL || value == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  g_value_init (&gvalue, TANDEM_TYPE_ITEM_STATUS);
  g_value_set_enum (&gvalue, value->value);
  tandem_set_property_undoable (TANDEM_OBJECT (item), "status", &gvalue, _("Change Status"), FALSE);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move_selection (TANDEM_CHECKLIST_PAGE (widget), g_str_equal (action_name, "checklist.next") ? 1 : -1);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TandemChecklistPage *self = TANDEM_CHECKLIST_PAGE (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "questions");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TandemChecklistPage *self = TANDEM_CHECKLIST_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_filter_dropdown, 0);
  gtk_drop_down_set_selected (self->owner_filter, 0);
  gtk_toggle_button_set_active (self->overdue_toggle, FALSE);
  on_filters_changed_cb (self);
}

typedef struct
{
  TandemChecklistPage *self;
  char                *name;
} ExportState;

static void
export_state_free (ExportState *state)
{
  g_object_unref (state->self);
  g_free (state->name);
  g_free (state);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportState, export_state_free)

static void
on_template_exported_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(ExportState) state = user_data;
  TandemChecklistPage *self = state->self;
  const char *name = state->name;
  g_autoptr(GError) error = NULL;

  g_assert (TANDEM_IS_CHECKLIST_PAGE (self));

  if (!tandem_template_export_finish (result, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), name);

      tandem_show_error (GTK_WIDGET (self), heading, error->message);
    }
  else
    {
      g_autofree char *toast = g_strdup_printf (_("Template saved as “%s”"), name);

      tandem_show_toast (GTK_WIDGET (self), toast, FALSE);
    }
}

static void
on_export_response_cb (GtkNativeDialog     *dialog,
                       int                  response,
                       TandemChecklistPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      tandem_checklist_page_export_template (self, file);
    }

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_template_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TandemChecklistPage *self = TANDEM_CHECKLIST_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  gtk_file_filter_set_name (filter, _("Checklist Templates"));
  gtk_file_filter_add_suffix (filter, "json");

  dialog = gtk_file_chooser_native_new (_("Export as Template"), GTK_WINDOW (root),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  name = g_strdup_printf ("%s.json", tandem_checklist_get_title (self->checklist));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
delete_checklist (TandemChecklistPage *self)
{
  g_autofree char *toast = NULL;

  if (self->document == NULL)
    return;

  toast = g_strdup_printf (_("“%s” deleted"), tandem_checklist_get_title (self->checklist));

  tandem_document_begin (self->document, _("Delete Checklist"));
  tandem_list_remove_object (tandem_document_get_checklists (self->document), self->checklist);
  tandem_document_commit (self->document);

  /* The page is on its way out: the window gives the toast a place. */
  tandem_show_toast (GTK_WIDGET (self), toast, TRUE);
}

static void
on_delete_response_cb (AdwMessageDialog    *dialog,
                       const char          *response,
                       TandemChecklistPage *self)
{
  if (g_str_equal (response, "delete"))
    delete_checklist (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemChecklistPage *self = TANDEM_CHECKLIST_PAGE (widget);
  TandemList *signoffs;
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = 0;

  if (self->document == NULL)
    return;

  signoffs = tandem_checklist_get_signoffs (self->checklist);
  for (guint i = 0; i < tandem_list_get_n (signoffs); i++)
    {
      TandemSignoff *signoff = tandem_list_get (signoffs, i);

      if (tandem_signoff_get_voided_at (signoff)[0] != '\0')
        continue;
      if (names->len > 0)
        g_string_append (names, _(", "));
      if (tandem_signoff_get_role (signoff)[0] != '\0')
        g_string_append_printf (names, _("%s (%s)"), tandem_signoff_get_name (signoff),
                                tandem_signoff_get_role (signoff));
      else
        g_string_append (names, tandem_signoff_get_name (signoff));
      n++;
    }

  /* Without sign-offs deleting is undoable, so no question first; the notice offers Undo.
   * With them, the checklist is somebody's signed record: ask, naming who signed. */
  if (n == 0)
    {
      delete_checklist (self);
      return;
    }

  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    /* TRANSLATORS: %s is a checklist's title, %s names who signed, “Jo Smith (Chair)” */
    g_autofree char *body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "“%s” has been signed off by %s. Deleting it "
                                                          "deletes the sign-off too.",
                                                          "“%s” has been signed off by %s. Deleting it "
                                                          "deletes their sign-offs too.", n),
                                             tandem_checklist_get_title (self->checklist),
                                             names->str);
    GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                _("Delete a Signed Checklist?"), body);

    adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                      "cancel", _("_Cancel"),
                                      "delete", _("_Delete"),
                                      NULL);
    adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                                ADW_RESPONSE_DESTRUCTIVE);
    adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

/* Escape from anywhere on the questions goes back to the list, on the question being edited. */
static void
back_to_list_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TandemChecklistPage *self = TANDEM_CHECKLIST_PAGE (widget);
  guint selected = gtk_single_selection_get_selected (self->selection);

  adw_view_stack_set_visible_child_name (self->view_stack, "questions");
  if (selected != GTK_INVALID_LIST_POSITION)
    select_position (self, selected, TRUE);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* F6 and Shift+F6 go between the two panes of the questions, the list and the answer, always
 * to something shown. GtkPaned's own F6 can leave the focus on a pane's hidden part. */
static void
cycle_panes_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TandemChecklistPage *self = TANDEM_CHECKLIST_PAGE (widget);
  gboolean answering = tandem_item_editor_get_item (self->editor) != NULL;

  adw_view_stack_set_visible_child_name (self->view_stack, "questions");
  if (focus_in_list (self) && answering)
    tandem_item_editor_focus_status (self->editor);
  else
    back_to_list_action (widget, NULL, NULL);
}

/* GObject */

static void
set_checklist (TandemChecklistPage *self,
               TandemChecklist     *checklist)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkFlattenListModel) flattened = NULL;

  self->checklist = g_object_ref (checklist);
  self->document = tandem_object_get_document (TANDEM_OBJECT (checklist));
  g_return_if_fail (self->document != NULL);
  g_object_add_weak_pointer (G_OBJECT (self->document), (gpointer *)&self->document);

  tandem_bind_editable (GTK_EDITABLE (self->title_label), TANDEM_OBJECT (checklist), "title",
                        _("Rename Checklist"));
  tandem_bind_combo_enum (self->decision_row, TANDEM_OBJECT (checklist), "decision",
                          _("Change Decision"));
  tandem_bind_text_view (self->conditions_view, TANDEM_OBJECT (checklist), "decision-conditions",
                         _("Edit Conditions of the Decision"));

  /* Questions */
  self->parts = g_list_store_new (G_TYPE_LIST_MODEL);
  rebuild_parts (self);
  g_signal_connect_object (tandem_checklist_get_sections (checklist), "items-changed",
                           G_CALLBACK (rebuild_parts), self, G_CONNECT_SWAPPED);

  flattened = gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->parts)));
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_steal_pointer (&flattened)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_row_cb), self);
  gtk_grid_view_set_factory (self->list_view, factory);
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* Decision and sign-off */
  gtk_list_box_bind_model (self->signoffs_list, G_LIST_MODEL (tandem_checklist_get_signoffs (checklist)),
                           create_signoff_row, self, NULL);
  reset_signoff_form (self);

  /* History: its rows are built when the view is first shown. */
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_view_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (tandem_checklist_get_audit (checklist), "items-changed",
                           G_CALLBACK (on_audit_changed_cb), self, G_CONNECT_SWAPPED);
  on_audit_changed_cb (self);

  g_signal_connect_object (self->document, "changed", G_CALLBACK (on_document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "before-commit", G_CALLBACK (on_before_commit_cb), self,
                           G_CONNECT_SWAPPED);
  self->conditions_state = conditions_state (self->document);

  update_header (self);
  update_owners (self);
  refilter (self);
  move_selection (self, 1);
}

static void
tandem_checklist_page_dispose (GObject *object)
{
  TandemChecklistPage *self = (TandemChecklistPage *)object;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_object_remove_weak_pointer (G_OBJECT (self->document), (gpointer *)&self->document);
      self->document = NULL;
    }

  if (self->signoffs_list != NULL)
    gtk_list_box_bind_model (self->signoffs_list, NULL, NULL, NULL, NULL);
  if (self->list_view != NULL)
    gtk_grid_view_set_model (self->list_view, NULL);
  if (self->history_view != NULL)
    gtk_grid_view_set_model (self->history_view, NULL);

  g_clear_handle_id (&self->compact_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_CHECKLIST_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->parts);
  g_clear_object (&self->owners);
  g_clear_object (&self->checklist);
  g_clear_pointer (&self->pending_voided, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_checklist_page_parent_class)->dispose (object);
}

static void
tandem_checklist_page_finalize (GObject *object)
{
  TandemChecklistPage *self = (TandemChecklistPage *)object;

  g_clear_pointer (&self->conditions_state, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->owner_text, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->compact_summary, g_free);

  G_OBJECT_CLASS (tandem_checklist_page_parent_class)->finalize (object);
}

static void
tandem_checklist_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TandemChecklistPage *self = TANDEM_CHECKLIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST:
      g_value_set_object (value, self->checklist);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_checklist_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TandemChecklistPage *self = TANDEM_CHECKLIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST:
      set_checklist (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_checklist_page_class_init (TandemChecklistPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *statuses[] = {
    "not-started", "in-progress", "met", "partly-met", "not-met", "not-applicable",
  };

  object_class->dispose = tandem_checklist_page_dispose;
  object_class->finalize = tandem_checklist_page_finalize;
  object_class->get_property = tandem_checklist_page_get_property;
  object_class->set_property = tandem_checklist_page_set_property;

  properties[PROP_CHECKLIST] =
    g_param_spec_object ("checklist", NULL, NULL,
                         TANDEM_TYPE_CHECKLIST,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TANDEM_TYPE_ITEM_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/tandem-checklist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, decision_pill);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, source_label);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, header_box);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, counts_box);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, hidden_box);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, hidden_label);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, paned);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, search_entry);
  gtk_widget_class_bind_template_child_full (widget_class, "status_filter", FALSE,
                                             G_STRUCT_OFFSET (TandemChecklistPage, status_filter_dropdown));
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, results_label);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, none_page);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, editor);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, decision_row);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, conditions_group);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, conditions_view);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, signoffs_list);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, signoff_name_row);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, signoff_role_row);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, signoff_date_row);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, signoff_date_button);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, signoff_calendar);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, declaration_view);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, history_stack);
  gtk_widget_class_bind_template_child (widget_class, TandemChecklistPage, history_view);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_signoff_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_signoff_form_changed_cb);

  gtk_widget_class_install_action (widget_class, "checklist.set-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "checklist.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "checklist.previous", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "checklist.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "checklist.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "checklist.sign-off", NULL, sign_off_action);
  gtk_widget_class_install_action (widget_class, "checklist.export-template", NULL,
                                   export_template_action);
  gtk_widget_class_install_action (widget_class, "checklist.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "checklist.back-to-list", NULL, back_to_list_action);
  gtk_widget_class_install_action (widget_class, "checklist.cycle-panes", NULL, cycle_panes_action);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "checklist.set-status", "s", statuses[i]);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "checklist.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "checklist.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "checklist.back-to-list", NULL);
}

static void
tandem_checklist_page_init (TandemChecklistPage *self)
{
  static const char *fixed_owners[] = { NULL, NULL, NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  tandem_name_menu_buttons (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (NULL, page_measure, page_allocate));
  self->pending_voided = g_ptr_array_new_with_free_func (g_object_unref);

  fixed_owners[0] = _("Anyone");
  fixed_owners[1] = _("No owner yet");
  self->owners = gtk_string_list_new (fixed_owners);
  gtk_drop_down_set_model (self->owner_filter, G_LIST_MODEL (self->owners));
  self->status_filter = -1;

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));

  /* Taken before the focused widget sees them, so that they work from anywhere on the page:
   * a field or list inside must not eat Ctrl+F, and GtkPaned's own F6 must not run. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();
    const struct { guint keyval; GdkModifierType modifiers; const char *action; } keys[] = {
      { GDK_KEY_f, GDK_CONTROL_MASK, "checklist.focus-search" },
      { GDK_KEY_F6, 0, "checklist.cycle-panes" },
      { GDK_KEY_F6, GDK_SHIFT_MASK, "checklist.cycle-panes" },
    };

    gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                            gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval,
                                                                                      keys[i].modifiers),
                                                              gtk_named_action_new (keys[i].action)));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }

  {
    GtkWidget *placeholder = gtk_label_new (_("No one has signed off yet"));

    gtk_widget_add_css_class (placeholder, "dim-label");
    gtk_widget_set_margin_top (placeholder, 12);
    gtk_widget_set_margin_bottom (placeholder, 12);
    gtk_list_box_set_placeholder (self->signoffs_list, placeholder);
  }
}

/* Public API */

GtkWidget *
tandem_checklist_page_new (TandemChecklist *checklist)
{
  g_return_val_if_fail (TANDEM_IS_CHECKLIST (checklist), NULL);

  return g_object_new (TANDEM_TYPE_CHECKLIST_PAGE, "checklist", checklist, NULL);
}

TandemChecklist *
tandem_checklist_page_get_checklist (TandemChecklistPage *self)
{
  g_return_val_if_fail (TANDEM_IS_CHECKLIST_PAGE (self), NULL);

  return self->checklist;
}

/**
 * tandem_checklist_page_get_selected_item:
 *
 * Returns: (transfer none) (nullable): the question chosen in the list
 */
TandemChecklistItem *
tandem_checklist_page_get_selected_item (TandemChecklistPage *self)
{
  gpointer object;

  g_return_val_if_fail (TANDEM_IS_CHECKLIST_PAGE (self), NULL);

  object = gtk_single_selection_get_selected_item (self->selection);

  return TANDEM_IS_CHECKLIST_ITEM (object) ? object : NULL;
}

/**
 * tandem_checklist_page_select_item:
 *
 * Chooses @item in the list and scrolls to it.
 *
 * Returns: %FALSE when @item is not shown (filtered out, or its condition is off)
 */
gboolean
tandem_checklist_page_select_item (TandemChecklistPage *self,
                                   TandemChecklistItem *item)
{
  guint position;

  g_return_val_if_fail (TANDEM_IS_CHECKLIST_PAGE (self), FALSE);

  position = find_position (self, item);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  adw_view_stack_set_visible_child_name (self->view_stack, "questions");
  select_position (self, position, FALSE);

  return TRUE;
}

/**
 * tandem_checklist_page_show_view:
 * @name: "questions", "decision" or "history"
 */
void
tandem_checklist_page_show_view (TandemChecklistPage *self,
                                 const char          *name)
{
  g_return_if_fail (TANDEM_IS_CHECKLIST_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

GtkWidget *
tandem_checklist_page_get_list_view (TandemChecklistPage *self)
{
  g_return_val_if_fail (TANDEM_IS_CHECKLIST_PAGE (self), NULL);

  return GTK_WIDGET (self->list_view);
}

GtkWidget *
tandem_checklist_page_get_editor (TandemChecklistPage *self)
{
  g_return_val_if_fail (TANDEM_IS_CHECKLIST_PAGE (self), NULL);

  return GTK_WIDGET (self->editor);
}

/**
 * tandem_checklist_page_get_n_visible:
 *
 * Returns: how many questions the list shows
 */
guint
tandem_checklist_page_get_n_visible (TandemChecklistPage *self)
{
  g_return_val_if_fail (TANDEM_IS_CHECKLIST_PAGE (self), 0);

  return count_visible_items (self);
}

void
tandem_checklist_page_set_search (TandemChecklistPage *self,
                                  const char          *text)
{
  g_return_if_fail (TANDEM_IS_CHECKLIST_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  on_filters_changed_cb (self);
}

/**
 * tandem_checklist_page_export_template:
 *
 * Writes the checklist to @file as a template, as Export as Template does once a file is
 * chosen: the template is made at once and written on a worker thread; a toast says when it
 * is written, or a dialog why not.
 */
void
tandem_checklist_page_export_template (TandemChecklistPage *self,
                                       GFile               *file)
{
  ExportState *state;

  g_return_if_fail (TANDEM_IS_CHECKLIST_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  state = g_new0 (ExportState, 1);
  state->self = g_object_ref (self);
  state->name = g_file_get_basename (file);
  tandem_template_export_async (self->checklist, file, NULL, on_template_exported_cb, state);
}
