/* tandem-item-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-item-editor"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tandem-attached-file.h"
#include "tandem-attachment.h"
#include "tandem-audit-entry.h"
#include "tandem-binding.h"
#include "tandem-checklist-labels.h"
#include "tandem-checklist-section.h"
#include "tandem-dialogs.h"
#include "tandem-document.h"
#include "tandem-enums.h"
#include "tandem-evidence-link.h"
#include "tandem-item-editor.h"
#include "tandem-link-chooser.h"
#include "tandem-reverse-model.h"
#include "tandem-storage.h"
#include "tandem-untrusted-file.h"

/*
 * Everything about one question of a checklist: the question and the guidance for judging
 * it, and the reviewer's answer (status, rating, rung, owner, due date, evidence with links
 * and attached files, comments, the action needed) with the history of that answer. The
 * editor is reused as the user moves from question to question: it is bound to one item at a
 * time, and every change goes through the document's transactions, so it can be undone.
 */

struct _TandemItemEditor
{
  AdwBin               parent_instance;

  TandemChecklistItem *item;
  GListStore          *evidence_parts;
  GtkCustomFilter     *history_filter;
  GtkFilterListModel  *history;
  guint                updating_calendar : 1;
  guint                updating_ladder : 1;
  char                *due_shown;   /* the due date the entry shows, "YYYY-MM-DD" */
  guint                reveal_tick;
  guint                reveal_frames;

  /* Template widgets */
  GtkLabel            *section_label;
  GtkLabel            *question_label;
  GtkWidget           *condition_box;
  GtkLabel            *condition_label;
  GtkWidget           *guidance_box;
  GtkLabel            *guidance_label;
  AdwComboRow         *status_row;
  AdwComboRow         *rag_row;
  GtkWidget           *rag_pill;
  AdwComboRow         *rung_row;
  GtkWidget           *ladder_group;
  GtkGrid             *ladder_grid;
  GtkWidget           *rungs[TANDEM_LADDER_RUNG_CO_PRODUCTION + 1];
  AdwEntryRow         *owner_row;
  AdwEntryRow         *due_row;
  GtkMenuButton       *due_button;
  GtkPopover          *due_popover;
  GtkCalendar         *due_calendar;
  GtkWidget           *action_group;
  GtkTextView         *action_view;
  GtkTextView         *evidence_view;
  GtkListBox          *links_list;
  GtkFlowBox          *chips_box;
  GtkMenuButton       *link_item_button;
  GtkLabel            *link_message;
  GtkCustomFilter     *web_filter;     /* links to web and mail addresses: rows */
  GtkCustomFilter     *target_filter;  /* links to something of the project: chips */
  AdwEntryRow         *new_link_row;
  GtkLabel            *attach_limit_label;
  GtkTextView         *comments_view;
  AdwPreferencesGroup *history_group;
  GtkToggleButton     *history_toggle;
  GtkListBox          *history_list;
};

G_DEFINE_FINAL_TYPE (TandemItemEditor, tandem_item_editor, ADW_TYPE_BIN)

/* Auxiliary methods */

static TandemDocument *
get_document (TandemItemEditor *self)
{
  return self->item != NULL ? tandem_object_get_document (TANDEM_OBJECT (self->item)) : NULL;
}

static void
update_dynamic (TandemItemEditor *self)
{
  TandemChecklistItem *item = self->item;
  TandemItemStatus status;
  const char *due;
  gboolean overdue;
  GDate today;

  if (item == NULL)
    return;

  status = tandem_checklist_item_get_status (item);
  due = tandem_checklist_item_get_due_date (item);
  tandem_get_today (&today);
  overdue = tandem_checklist_item_is_overdue (item, &today);

  tandem_rag_pill_set (self->rag_pill, tandem_checklist_item_get_rag (item));

  /* A rating set by hand against the status is an override, shown with its reason. */
  if (tandem_checklist_item_rating_disagrees (item))
    {
      const char *reason = tandem_checklist_item_get_rating_reason (item);
      /* TRANSLATORS: under the rating, when it disagrees with the status */
      g_autofree char *subtitle = reason[0] != '\0'
        ? g_strdup_printf (_("Override: %s"), reason)
        : g_strdup (_("Override, no reason given"));

      g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rag_row), escaped);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rag_row), "");
    }

  self->updating_ladder = TRUE;
  for (guint rung = TANDEM_LADDER_RUNG_COERCION; rung <= TANDEM_LADDER_RUNG_CO_PRODUCTION; rung++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->rungs[rung]),
                                  tandem_checklist_item_get_ladder_rung (item) == rung);
  self->updating_ladder = FALSE;

  /* An action is asked for when the answer falls short; one already written stays shown. */
  gtk_widget_set_visible (self->action_group,
                          status == TANDEM_ITEM_STATUS_NOT_MET ||
                          status == TANDEM_ITEM_STATUS_PARTLY_MET ||
                          tandem_checklist_item_get_action (item)[0] != '\0');

  /* The entry is filled again only when the date itself changed, so that changing another
   * field does not throw away a date being typed. */
  if (g_strcmp0 (self->due_shown, due) != 0)
    {
      g_autofree char *date = tandem_format_date (due);

      g_free (self->due_shown);
      self->due_shown = g_strdup (due);
      gtk_editable_set_text (GTK_EDITABLE (self->due_row), date);
      gtk_widget_remove_css_class (GTK_WIDGET (self->due_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->due_row), NULL);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->due_row),
                                 overdue ? _("_Due date, overdue") : _("_Due date (such as 15/12/2026)"));

  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->due_row), "overdue-row");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_row), "overdue-row");
}

static void
update_condition (TandemItemEditor *self)
{
  g_autofree char *condition = NULL;
  g_autofree char *text = NULL;

  if (self->item == NULL)
    return;

  condition = tandem_checklist_condition_label (self->item);
  gtk_widget_set_visible (self->condition_box, condition != NULL);
  if (condition == NULL)
    return;

  /* TRANSLATORS: %s is a project condition, such as “Beds are reduced significantly” */
  text = g_strdup_printf (_("This question applies only while “%s” is switched on in the "
                            "project overview."), condition);
  gtk_label_set_text (self->condition_label, text);
}

static TandemChecklistSection *
get_section (TandemChecklistItem *item)
{
  TandemObject *parent = tandem_object_get_parent (TANDEM_OBJECT (item));

  return TANDEM_IS_CHECKLIST_SECTION (parent) ? TANDEM_CHECKLIST_SECTION (parent) : NULL;
}

static void
add_child (TandemItemEditor *self,
           TandemList       *list,
           TandemObject     *child,
           const char       *undo_label)
{
  TandemDocument *document = tandem_object_get_document (TANDEM_OBJECT (tandem_list_get_owner (list)));

  if (document == NULL)
    return;

  tandem_document_begin (document, undo_label);
  tandem_list_append (list, child);
  tandem_document_commit (document);
}

/* Evidence links and attachments */

static void
on_remove_clicked_cb (GtkButton    *button,
                      TandemObject *child)
{
  TandemDocument *document = tandem_object_get_document (child);
  TandemObject *parent = tandem_object_get_parent (child);
  gboolean link = TANDEM_IS_EVIDENCE_LINK (child);
  TandemList *list;

  if (document == NULL || !TANDEM_IS_CHECKLIST_ITEM (parent))
    return;

  list = link ? tandem_checklist_item_get_links (TANDEM_CHECKLIST_ITEM (parent))
              : tandem_checklist_item_get_attachments (TANDEM_CHECKLIST_ITEM (parent));

  tandem_document_begin (document, link ? _("Remove Link") : _("Remove Attached File"));
  tandem_list_remove_object (list, child);
  tandem_document_commit (document);
}

/* An attached file comes from whoever shared the project: opened as a read-only copy, and one
 * the desktop would run only after a question (tandem-attached-file.c). */
static void
open_attachment (TandemItemEditor *self,
                 TandemAttachment *attachment)
{
  tandem_open_attached_file (GTK_WIDGET (self),
                             tandem_object_get_document (TANDEM_OBJECT (attachment)),
                             tandem_attachment_get_blob (attachment),
                             tandem_attachment_get_name (attachment),
                             tandem_attachment_get_content_type (attachment));
}

static void
open_link (TandemItemEditor   *self,
           TandemEvidenceLink *link)
{
  g_autoptr(GError) error = NULL;

  /* Checked again here, though a document never holds such a link: opening is the step
   * that could do harm. */
  if (!tandem_evidence_link_check_uri (tandem_evidence_link_get_uri (link), &error))
    {
      tandem_show_error (GTK_WIDGET (self), _("Could Not Open the Link"), error->message);
      return;
    }

  tandem_open_uri (GTK_WIDGET (self), tandem_evidence_link_get_uri (link));
}

static void
on_evidence_row_activated_cb (TandemItemEditor *self,
                              GtkListBoxRow    *row)
{
  TandemObject *child = g_object_get_data (G_OBJECT (row), "tandem-object");

  if (TANDEM_IS_EVIDENCE_LINK (child))
    open_link (self, TANDEM_EVIDENCE_LINK (child));
  else if (TANDEM_IS_ATTACHMENT (child))
    open_attachment (self, TANDEM_ATTACHMENT (child));
}

static GtkWidget *
create_evidence_row (gpointer item,
                     gpointer user_data)
{
  TandemObject *child = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *remove_label = NULL;
  const char *title;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (TANDEM_IS_EVIDENCE_LINK (child))
    {
      TandemEvidenceLink *link = TANDEM_EVIDENCE_LINK (child);
      const char *uri = tandem_evidence_link_get_uri (link);
      gboolean is_mail = g_ascii_strncasecmp (uri, "mailto:", 7) == 0;

      title = tandem_evidence_link_get_title (link);
      if (title[0] == '\0')
        title = uri;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (title != uri)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), uri);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (is_mail ? "mail-unread-symbolic"
                                                                       : "web-browser-symbolic"));
      gtk_widget_set_tooltip_text (row, is_mail ? _("Write to this address")
                                                : _("Open the web page"));
      remove_label = g_strdup_printf (_("Remove the link “%s”"), title);
    }
  else
    {
      TandemAttachment *attachment = TANDEM_ATTACHMENT (child);
      g_autofree char *size = g_format_size (tandem_attachment_get_size (attachment));
      g_autofree char *subtitle = NULL;

      title = tandem_attachment_get_name (attachment);
      /* TRANSLATORS: under the name of an attached file: its size */
      subtitle = g_strdup_printf (_("%s, kept in the project"), size);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("mail-attachment-symbolic"));
      gtk_widget_set_tooltip_text (row, _("Open a copy of the attached file"));
      remove_label = g_strdup_printf (_("Remove the attached file “%s”"), title);
    }

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), child, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  g_object_set_data_full (G_OBJECT (row), "tandem-object", g_object_ref (child), g_object_unref);

  return row;
}

/* Evidence linked to the project's activities, themes, steps and quotes */

static gboolean
is_target_link (gpointer item,
                gpointer user_data)
{
  return tandem_evidence_link_get_target (item)[0] != '\0';
}

static gboolean
is_web_link (gpointer item,
             gpointer user_data)
{
  return !is_target_link (item, user_data);
}

static TandemObject *
evidence_target (TandemEvidenceLink *link)
{
  TandemDocument *document = tandem_object_get_document (TANDEM_OBJECT (link));

  return document != NULL ? tandem_document_lookup (document, tandem_evidence_link_get_target (link))
                          : NULL;
}

static void
on_chip_clicked_cb (GtkButton          *button,
                    TandemEvidenceLink *link)
{
  tandem_link_target_open (GTK_WIDGET (button), evidence_target (link));
}

static GtkWidget *
create_chip (gpointer item,
             gpointer user_data)
{
  TandemEvidenceLink *link = item;
  TandemObject *target = evidence_target (link);
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *open = gtk_button_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name (tandem_link_target_icon_name (target));
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *kind = gtk_label_new (NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  g_autofree char *open_label = NULL;
  g_autofree char *remove_label = NULL;

  if (target != NULL)
    {
      title = tandem_link_target_dup_title (target);
      /* TRANSLATORS: a chip: what the evidence links to, and its kind: "Waiting times · Theme" */
      text = g_strdup_printf (_("%s · %s"), title, tandem_link_target_kind_label (target));
      /* TRANSLATORS: %s is the chip's text */
      open_label = g_strdup_printf (_("Open %s"), text);
      gtk_widget_set_tooltip_text (open, _("Open what this evidence links to"));
    }
  else
    {
      title = g_strdup (_("Removed from the project"));
      text = g_strdup (title);
      open_label = g_strdup (_("Linked item, removed from the project"));
      gtk_widget_add_css_class (chip, "broken");
      gtk_widget_set_tooltip_text (open, _("What this evidence linked to is no longer in the "
                                           "project; remove the link."));
    }

  /* The title may be cut short; the kind never is. */
  gtk_label_set_text (GTK_LABEL (label), title);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_text (GTK_LABEL (kind), target != NULL ? tandem_link_target_kind_label (target) : "");
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_widget_set_visible (kind, target != NULL);
  tandem_hide_from_accessibility (icon);
  gtk_box_append (GTK_BOX (content), icon);
  gtk_box_append (GTK_BOX (content), label);
  gtk_box_append (GTK_BOX (content), kind);
  gtk_button_set_child (GTK_BUTTON (open), content);
  gtk_widget_add_css_class (open, "flat");
  tandem_set_accessible_label (open, open_label);
  g_signal_connect_object (open, "clicked", G_CALLBACK (on_chip_clicked_cb), link, 0);

  remove_label = g_strdup_printf (_("Remove the link to “%s”"), title);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove the link"));
  tandem_set_accessible_label (remove, remove_label);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), link, 0);

  gtk_widget_add_css_class (chip, "tandem-chip");
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (chip), open);
  gtk_box_append (GTK_BOX (chip), remove);
  g_object_set_data_full (G_OBJECT (chip), "tandem-object", g_object_ref (link), g_object_unref);

  return chip;
}

/**
 * tandem_item_editor_link_target:
 *
 * Links the answer's evidence to @target, an activity, theme, step or quote of the same
 * project; a quote said without consent is refused with a sentence under the evidence.
 *
 * Returns: %FALSE, with the sentence shown, when @target cannot be linked
 */
gboolean
tandem_item_editor_link_target (TandemItemEditor *self,
                                TandemObject     *target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemEvidenceLink) link = NULL;
  TandemDocument *document = get_document (self);
  TandemList *links;
  const char *id;

  g_return_val_if_fail (TANDEM_IS_ITEM_EDITOR (self), FALSE);
  g_return_val_if_fail (TANDEM_IS_OBJECT (target), FALSE);

  if (document == NULL)
    return FALSE;

  id = tandem_object_get_id (target);
  if (!tandem_link_target_check_quote (target, &error) ||
      !tandem_evidence_link_check_target (document, id, &error))
    {
      gtk_label_set_text (self->link_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->link_message), TRUE);
      return FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->link_message), FALSE);

  links = tandem_checklist_item_get_links (self->item);
  for (guint i = 0; i < tandem_list_get_n (links); i++)
    if (g_strcmp0 (tandem_evidence_link_get_target (tandem_list_get (links, i)), id) == 0)
      return TRUE;

  link = tandem_evidence_link_new ();
  tandem_evidence_link_set_target (link, id);
  add_child (self, links, TANDEM_OBJECT (link), _("Link Evidence"));
  return TRUE;
}

/* The list of web links and files says "none yet" only when there are no chips either. */
static void
update_evidence_visibility (TandemItemEditor *self)
{
  GListModel *rows = G_LIST_MODEL (self->evidence_parts);
  guint n_rows = 0;
  gboolean any_chip = gtk_flow_box_get_child_at_index (self->chips_box, 0) != NULL;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GListModel) part = g_list_model_get_item (rows, i);

      n_rows += g_list_model_get_n_items (part);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->links_list), n_rows > 0 || !any_chip);
  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), any_chip);
}

static void
on_link_chosen_cb (TandemItemEditor *self,
                   TandemObject     *target)
{
  tandem_item_editor_link_target (self, target);
}

static void
on_document_changed_for_chips_cb (TandemItemEditor *self)
{
  /* Undo can bring back a removed target: the chips say again what they point to. */
  gtk_filter_changed (GTK_FILTER (self->target_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* The ladder */

static const char *
rung_meaning (TandemLadderRung rung)
{
  switch (rung)
    {
    case TANDEM_LADDER_RUNG_CO_PRODUCTION:
      return _("An equal relationship: people who use services and those responsible for them "
               "share power and work together from start to finish.");
    case TANDEM_LADDER_RUNG_CO_DESIGN:
      return _("People who use services design them with staff, from their experience and ideas, "
               "but have less say in what is finally done.");
    case TANDEM_LADDER_RUNG_ENGAGING:
      return _("People have more chances to give their views and may influence some decisions, "
               "as far as the organisation allows.");
    case TANDEM_LADDER_RUNG_CONSULTING:
      return _("People are asked what they think, but may not be able to change the outcome.");
    case TANDEM_LADDER_RUNG_INFORMING:
      return _("People are told about services and about decisions already made.");
    case TANDEM_LADDER_RUNG_EDUCATING:
      return _("People are helped to understand services as they are designed and run.");
    case TANDEM_LADDER_RUNG_COERCION:
      return _("People are passive recipients of services, with no say.");
    case TANDEM_LADDER_RUNG_NONE:
    default:
      return "";
    }
}

static void
on_rung_toggled_cb (GtkToggleButton  *button,
                    TandemItemEditor *self)
{
  TandemLadderRung rung = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "tandem-rung"));
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating_ladder || self->item == NULL || !gtk_toggle_button_get_active (button))
    return;

  g_value_init (&value, TANDEM_TYPE_LADDER_RUNG);
  g_value_set_enum (&value, rung);
  tandem_set_property_undoable (TANDEM_OBJECT (self->item), "ladder-rung", &value, _("Change Rung"),
                                FALSE);
}

/* The ladder drawn as a ladder: the top rung first, with where each rung sits ("doing with",
 * "doing for", "doing to") beside it. */
static void
build_ladder (TandemItemEditor *self)
{
  static const struct {
    const char       *label;
    TandemLadderRung  top;
    int               n_rungs;
  } groups[] = {
    { N_("Doing with"), TANDEM_LADDER_RUNG_CO_PRODUCTION, 2 },
    { N_("Doing for"), TANDEM_LADDER_RUNG_ENGAGING, 3 },
    { N_("Doing to"), TANDEM_LADDER_RUNG_EDUCATING, 2 },
  };
  GtkToggleButton *first = NULL;
  int row = 0;

  for (int rung = TANDEM_LADDER_RUNG_CO_PRODUCTION; rung >= TANDEM_LADDER_RUNG_COERCION; rung--, row++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (tandem_ladder_rung_to_label (rung));

      gtk_widget_set_tooltip_text (button, rung_meaning (rung));
      gtk_widget_set_hexpand (button, TRUE);
      gtk_widget_add_css_class (button, "rung");
      if (first != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      else
        first = GTK_TOGGLE_BUTTON (button);
      g_object_set_data (G_OBJECT (button), "tandem-rung", GUINT_TO_POINTER (rung));
      g_signal_connect (button, "toggled", G_CALLBACK (on_rung_toggled_cb), self);
      gtk_grid_attach (self->ladder_grid, button, 0, row, 1, 1);
      self->rungs[rung] = button;
    }

  row = 0;
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      GtkWidget *label = gtk_label_new (_(groups[i].label));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "ladder-group");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->ladder_grid, label, 1, row, 1, groups[i].n_rungs);
      row += groups[i].n_rungs;
    }
}

/* History */

static GtkWidget *
create_history_row (gpointer item,
                    gpointer user_data)
{
  TandemAuditEntry *entry = item;
  g_autofree char *what = tandem_audit_entry_describe (entry);
  g_autofree char *title = NULL;
  g_autofree char *when = tandem_format_local_timestamp (tandem_audit_entry_get_timestamp (entry));
  GtkWidget *row = adw_action_row_new ();

  /* TRANSLATORS: “Dr A Reviewer changed the status from “Not started” to “Met”” */
  title = g_strdup_printf (_("%s %s"), tandem_audit_entry_get_who (entry), what);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static gboolean
history_filter_func (gpointer item,
                     gpointer user_data)
{
  TandemItemEditor *self = user_data;

  return self->item != NULL &&
         g_strcmp0 (tandem_audit_entry_get_subject_id (item),
                    tandem_object_get_id (TANDEM_OBJECT (self->item))) == 0;
}

/* The history is summed up in a line and shown on request: its rows are long sentences that
 * cost more to lay out than the rest of the editor, and most of the time nobody reads them. */
static void
update_history (TandemItemEditor *self)
{
  guint n = self->history ? g_list_model_get_n_items (G_LIST_MODEL (self->history)) : 0;
  gboolean shown = gtk_toggle_button_get_active (self->history_toggle);
  g_autofree char *summary = NULL;

  if (n == 0)
    summary = g_strdup (_("No changes yet."));
  else
    {
      g_autoptr(TandemAuditEntry) last = g_list_model_get_item (G_LIST_MODEL (self->history), 0);
      g_autofree char *when = tandem_format_local_timestamp (tandem_audit_entry_get_timestamp (last));

      /* TRANSLATORS: “5 changes; the last by Asha Patel on 3 May 2026, 14:05.” */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change; the last by %s on %s.",
                                              "%u changes; the last by %s on %s.", n),
                                 n, tandem_audit_entry_get_who (last), when);
    }
  adw_preferences_group_set_description (self->history_group, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->history_toggle), n > 0);

  gtk_widget_set_visible (GTK_WIDGET (self->history_list), shown && n > 0);
  if (shown && self->history != NULL)
    gtk_list_box_bind_model (self->history_list, G_LIST_MODEL (self->history), create_history_row,
                             self, NULL);
  else
    gtk_list_box_bind_model (self->history_list, NULL, NULL, NULL, NULL);
}

static void
on_history_toggled_cb (TandemItemEditor *self)
{
  gtk_button_set_label (GTK_BUTTON (self->history_toggle),
                        gtk_toggle_button_get_active (self->history_toggle) ? _("_Hide") : _("_Show"));
  update_history (self);
}

static void
on_history_changed_cb (TandemItemEditor *self)
{
  update_history (self);
}

/* The page is the bin's child; it is not a template child, so that disposing the template
 * does not take it from under the bin. */
static GtkWidget *
get_scrolled (TandemItemEditor *self)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (self));
  GtkWidget *scrolled = child != NULL ? gtk_widget_get_first_child (child) : NULL;

  return GTK_IS_SCROLLED_WINDOW (scrolled) ? scrolled : NULL;
}

/* Tick callbacks run before the frame's layout: on the second tick the first layout of the
 * new question is done and the focused field's place is known. */
static gboolean
reveal_focus_tick (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  TandemItemEditor *self = TANDEM_ITEM_EDITOR (widget);
  GtkWidget *scrolled = get_scrolled (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double value, page, top, bottom;

  if (++self->reveal_frames < 2)
    return G_SOURCE_CONTINUE;

  self->reveal_tick = 0;

  if (scrolled == NULL || focus == NULL || !gtk_widget_is_ancestor (focus, scrolled))
    return G_SOURCE_REMOVE;

  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (GTK_IS_VIEWPORT (content) && gtk_viewport_get_child (GTK_VIEWPORT (content)) != NULL)
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (!gtk_widget_compute_bounds (focus, content, &bounds))
    return G_SOURCE_REMOVE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  top = bounds.origin.y - 12;
  bottom = MIN (bounds.origin.y + bounds.size.height + 12, top + page);

  if (top < value)
    gtk_adjustment_set_value (adjustment, top);
  else if (bottom > value + page)
    gtk_adjustment_set_value (adjustment, bottom - page);

  return G_SOURCE_REMOVE;
}

/* Callbacks *//* Callbacks */

static void
on_due_popover_show_cb (TandemItemEditor *self)
{
  const char *due;
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  if (self->item == NULL)
    return;

  due = tandem_checklist_item_get_due_date (self->item);
  if (sscanf (due, "%d-%d-%d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
    date = g_date_time_new_local (y, m, d, 12, 0, 0);
  if (date == NULL)
    date = g_date_time_new_now_local ();

  self->updating_calendar = TRUE;
  gtk_calendar_select_day (self->due_calendar, date);
  self->updating_calendar = FALSE;
}

static void
set_due_date (TandemItemEditor *self,
              const char       *due)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->item == NULL)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, due);
  /* Moving through the calendar with the arrow keys is one undo step. */
  tandem_set_property_undoable (TANDEM_OBJECT (self->item), "due-date", &value,
                                _("Change Due Date"), TRUE);
}

static void
on_due_day_selected_cb (TandemItemEditor *self)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = NULL;

  if (self->updating_calendar)
    return;

  date = gtk_calendar_get_date (self->due_calendar);
  iso = g_date_time_format (date, "%Y-%m-%d");
  set_due_date (self, iso);
}

/* A typed date, read the UK way round; a date that cannot be read keeps what was typed, marked,
 * with one sentence saying what to type. */
static void
on_due_apply_cb (TandemItemEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->due_row));
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;

  if (self->item == NULL)
    return;

  iso = tandem_parse_date (text, &error);
  if (iso == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->due_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->due_row), error->message);
      tandem_show_toast (GTK_WIDGET (self), error->message, FALSE);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->due_row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->due_row), NULL);
  if (get_document (self) != NULL)
    tandem_document_break_merge (get_document (self));
  if (g_strcmp0 (iso, tandem_checklist_item_get_due_date (self->item)) != 0)
    set_due_date (self, iso);
  else
    {
      /* Typed again as it was: show it the usual way. */
      g_clear_pointer (&self->due_shown, g_free);
      update_dynamic (self);
    }

  /* A new typed date is a step of its own for Undo. */
  if (get_document (self) != NULL)
    tandem_document_break_merge (get_document (self));
}

/* GtkCalendar 4.8 keeps its keyboard cursor apart from the chosen day and offers no call to
 * move it, so the cursor starts wherever it was last left (a leftover 29 October). The arrow
 * keys here move the chosen day itself, which starts at the due date or today; Space or Enter
 * takes it. */
static gboolean
on_due_calendar_key_cb (TandemItemEditor      *self,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkEventControllerKey *controller)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->due_calendar);
  g_autoptr(GDateTime) moved = NULL;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      moved = g_date_time_add_days (date, gtk_widget_get_direction (GTK_WIDGET (self->due_calendar)) == GTK_TEXT_DIR_RTL ? 1 : -1);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      moved = g_date_time_add_days (date, gtk_widget_get_direction (GTK_WIDGET (self->due_calendar)) == GTK_TEXT_DIR_RTL ? -1 : 1);
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      moved = g_date_time_add_weeks (date, -1);
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      moved = g_date_time_add_weeks (date, 1);
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      moved = g_date_time_add_months (date, -1);
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      moved = g_date_time_add_months (date, 1);
      break;
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      on_due_day_selected_cb (self);
      if (get_document (self) != NULL)
        tandem_document_break_merge (get_document (self));
      gtk_popover_popdown (self->due_popover);
      return TRUE;
    default:
      return FALSE;
    }

  self->updating_calendar = TRUE;
  gtk_calendar_select_day (self->due_calendar, moved);
  self->updating_calendar = FALSE;

  return TRUE;
}

static void
on_due_clear_clicked_cb (TandemItemEditor *self)
{
  set_due_date (self, "");
  gtk_popover_popdown (self->due_popover);
}

static void
on_due_done_clicked_cb (TandemItemEditor *self)
{
  TandemDocument *document = get_document (self);

  /* The arrow keys only move the shown date (see on_due_calendar_key_cb): Done takes it. */
  if (self->item != NULL)
    on_due_day_selected_cb (self);

  if (document != NULL)
    tandem_document_break_merge (document);
  gtk_popover_popdown (self->due_popover);
}

/* The link as typed, made whole ("www.example.org" is a web address), or NULL with a sentence
 * saying why it cannot be a link. */
static char *
normalize_uri (const char  *text,
               GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *uri = NULL;

  if (stripped[0] == '\0')
    return NULL;

  if (g_path_is_absolute (stripped) || g_str_has_prefix (stripped, "\\\\"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is a file, and Tandem links only to web pages and mail addresses. "
                     "Use Attach File to keep a copy of the file with the project."), stripped);
      return NULL;
    }

  if (g_uri_peek_scheme (stripped) == NULL && strchr (stripped, '@') != NULL &&
      strchr (stripped, '/') == NULL)
    uri = g_strconcat ("mailto:", stripped, NULL);
  else if (g_uri_peek_scheme (stripped) == NULL)
    uri = g_strconcat ("https://", stripped, NULL);
  else
    uri = g_strdup (stripped);

  if (!g_uri_is_valid (uri, G_URI_FLAGS_NONE, NULL) || strlen (uri) > TANDEM_TEXT_MAX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a web address Tandem can open. Write it as it appears in your "
                     "browser, such as https://www.example.org/report.pdf."), stripped);
      return NULL;
    }

  if (!tandem_evidence_link_check_uri (uri, error))
    return NULL;

  return g_steal_pointer (&uri);
}

static void
on_new_link_apply_cb (TandemItemEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->new_link_row));
  g_autofree char *uri = NULL;
  g_autoptr(TandemEvidenceLink) link = NULL;
  g_autoptr(GError) error = NULL;

  if (self->item == NULL || text[0] == '\0')
    return;

  uri = normalize_uri (text, &error);
  if (uri == NULL && error == NULL)
    return;
  if (uri == NULL)
    {
      /* The text stays in the entry, to be corrected. */
      tandem_show_error (GTK_WIDGET (self), _("Could Not Add the Link"), error->message);
      return;
    }

  link = tandem_evidence_link_new ();
  tandem_evidence_link_set_uri (link, uri);
  add_child (self, tandem_checklist_item_get_links (self->item), TANDEM_OBJECT (link),
             _("Add Link"));
  gtk_editable_set_text (GTK_EDITABLE (self->new_link_row), "");
}

typedef struct
{
  TandemItemEditor    *self;
  TandemChecklistItem *item;
  char                *name;
} AttachData;

static void
attach_data_free (gpointer data)
{
  AttachData *attach = data;

  g_clear_object (&attach->self);
  g_clear_object (&attach->item);
  g_free (attach->name);
  g_free (attach);
}

static char *
too_large_message (const char *name,
                   goffset     size)
{
  /* Megabytes of 1024 × 1024 bytes, like the limit, so that the two compare. */
  g_autofree char *actual = g_strdup_printf (_("%.1f MB"), size / (1024.0 * 1024.0));

  return g_strdup_printf (_("“%s” is %s. Files attached to a project can be at most %d MB, so "
                            "that the project stays easy to send. Put the file where your readers "
                            "can reach it on the web or your intranet, and add its web address "
                            "instead."), name, actual,
                          TANDEM_ATTACHMENT_MAX_SIZE / (1024 * 1024));
}

static gboolean
attach_to_item (TandemChecklistItem  *item,
                const char           *name,
                GBytes               *bytes,
                GError              **error)
{
  TandemDocument *document = tandem_object_get_document (TANDEM_OBJECT (item));
  g_autoptr(TandemAttachment) attachment = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *clean_name = tandem_attachment_clean_name (name);
  gsize size = g_bytes_get_size (bytes);

  if (document == NULL)
    return TRUE;

  if (size > TANDEM_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *message = too_large_message (name, size);

      g_set_error_literal (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_TOO_LARGE, message);
      return FALSE;
    }

  content_type = g_content_type_guess (name, g_bytes_get_data (bytes, NULL), MIN (size, 4096),
                                       NULL);
  hash = tandem_document_add_blob (document, bytes);

  attachment = tandem_attachment_new ();
  tandem_attachment_set_name (attachment, clean_name);
  tandem_attachment_set_size (attachment, (int)size);
  tandem_attachment_set_content_type (attachment, content_type ? content_type : "");
  tandem_attachment_set_blob (attachment, hash);

  tandem_document_begin (document, _("Attach File"));
  tandem_list_append (tandem_checklist_item_get_attachments (item), attachment);
  tandem_document_commit (document);

  return TRUE;
}

static void
on_attach_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  AttachData *attach = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = tandem_untrusted_file_read_finish (result, NULL, &error);
  if (bytes == NULL)
    {
      tandem_show_error (GTK_WIDGET (attach->self), _("Could Not Attach the File"), error->message);
      attach_data_free (attach);
      return;
    }

  if (!attach_to_item (attach->item, attach->name, bytes, &error))
    tandem_show_error (GTK_WIDGET (attach->self), _("Could Not Attach the File"), error->message);

  attach_data_free (attach);
}

/* The file's name and size are asked for off the main thread too: on a network share or a
 * sleeping disk even that can take seconds. */
static void
on_attach_info_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  AttachData *attach = user_data;
  GFile *file = G_FILE (object);
  TandemItemEditor *self = attach->self;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_info_finish (file, result, &error);
  if (info == NULL)
    {
      tandem_show_error (GTK_WIDGET (self), _("Could Not Attach the File"), error->message);
      attach_data_free (attach);
    }
  else if (g_file_info_get_size (info) > TANDEM_ATTACHMENT_MAX_SIZE)
    {
      /* Refused before reading: there is no point loading 200 MB to say no. */
      g_autofree char *message = too_large_message (g_file_info_get_display_name (info),
                                                    g_file_info_get_size (info));

      tandem_show_error (GTK_WIDGET (self), _("The File Is Too Large to Attach"), message);
      attach_data_free (attach);
    }
  else
    {
      attach->name = g_strdup (g_file_info_get_display_name (info));
      /* The size above was only a first answer: a device or a file still growing says less
       * than it holds, and a pipe would never end. The reader refuses what is not a regular
       * file and stops at the limit. */
      tandem_untrusted_file_read_async (file, TANDEM_ATTACHMENT_MAX_SIZE, _("a file to attach"),
                                        NULL, on_attach_loaded_cb, attach);
    }
}

static void
on_attach_response_cb (GtkNativeDialog  *dialog,
                       int               response,
                       TandemItemEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->item != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      tandem_item_editor_attach_file (self, file);
    }

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
on_attach_clicked_cb (TandemItemEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Attach a File"), GTK_WINDOW (root),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_attach_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_document_changed_cb (TandemItemEditor *self)
{
  update_condition (self);
}

/* GObject */

static void
unbind_item (TandemItemEditor *self)
{
  TandemDocument *document = get_document (self);

  if (self->item == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->item, self);
  g_signal_handlers_disconnect_by_data (tandem_checklist_item_get_attachments (self->item), self);
  if (document != NULL)
    g_signal_handlers_disconnect_by_data (document, self);

  tandem_unbind (GTK_WIDGET (self->status_row));
  tandem_unbind (GTK_WIDGET (self->rag_row));
  tandem_unbind (GTK_WIDGET (self->rung_row));
  tandem_unbind (GTK_WIDGET (self->owner_row));
  tandem_unbind (GTK_WIDGET (self->evidence_view));
  tandem_unbind (GTK_WIDGET (self->comments_view));
  tandem_unbind (GTK_WIDGET (self->action_view));
  gtk_list_box_bind_model (self->links_list, NULL, NULL, NULL, NULL);
  gtk_flow_box_bind_model (self->chips_box, NULL, NULL, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->link_message), FALSE);
  gtk_list_box_bind_model (self->history_list, NULL, NULL, NULL, NULL);
  g_list_store_remove_all (self->evidence_parts);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);

  g_clear_object (&self->item);
  g_clear_pointer (&self->due_shown, g_free);
}

static void
tandem_item_editor_dispose (GObject *object)
{
  TandemItemEditor *self = (TandemItemEditor *)object;

  unbind_item (self);
  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
  self->reveal_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_ITEM_EDITOR);
  g_clear_object (&self->evidence_parts);
  g_clear_object (&self->history_filter);
  g_clear_object (&self->web_filter);
  g_clear_object (&self->target_filter);

  G_OBJECT_CLASS (tandem_item_editor_parent_class)->dispose (object);
}

static void
tandem_item_editor_class_init (TandemItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_item_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/tandem-item-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, section_label);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, question_label);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, condition_box);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, condition_label);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, guidance_box);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, guidance_label);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, rag_row);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, rag_pill);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, rung_row);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, ladder_group);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, ladder_grid);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, due_button);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, due_popover);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, due_calendar);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, action_group);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, action_view);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, evidence_view);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, links_list);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, new_link_row);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, chips_box);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, link_item_button);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, link_message);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, attach_limit_label);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, comments_view);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, history_group);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, history_toggle);
  gtk_widget_class_bind_template_child (widget_class, TandemItemEditor, history_list);
  gtk_widget_class_bind_template_callback (widget_class, on_history_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_due_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_due_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_due_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_due_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_due_done_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_link_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_attach_clicked_cb);
}

static void
tandem_item_editor_init (TandemItemEditor *self)
{
  g_autofree char *limit_text = NULL;
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  tandem_name_menu_buttons (GTK_WIDGET (self));

  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_due_calendar_key_cb), self,
                             G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->due_calendar), keys);
  }
  build_ladder (self);

  self->evidence_parts = g_list_store_new (G_TYPE_LIST_MODEL);
  self->history_filter = gtk_custom_filter_new (history_filter_func, self, NULL);

  /* TRANSLATORS: %d is the largest size of an attached file in megabytes */
  limit_text = g_strdup_printf (_("Attached files are kept inside the project file, up to %d MB "
                                  "each. Linked files stay where they are."),
                                TANDEM_ATTACHMENT_MAX_SIZE / (1024 * 1024));
  gtk_label_set_text (self->attach_limit_label, limit_text);

  placeholder = gtk_label_new (_("No links or attached files yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->links_list, placeholder);
  g_signal_connect_swapped (self->links_list, "row-activated",
                            G_CALLBACK (on_evidence_row_activated_cb), self);

  self->web_filter = gtk_custom_filter_new (is_web_link, NULL, NULL);
  self->target_filter = gtk_custom_filter_new (is_target_link, NULL, NULL);
  {
    GtkWidget *chooser = tandem_link_chooser_new (TANDEM_LINK_KIND_ACTIVITY | TANDEM_LINK_KIND_THEME |
                                                  TANDEM_LINK_KIND_STEP | TANDEM_LINK_KIND_QUOTE,
                                                  _("Search activities, themes, steps and quotes"));

    g_signal_connect_object (chooser, "chosen", G_CALLBACK (on_link_chosen_cb), self,
                             G_CONNECT_SWAPPED);
    gtk_menu_button_set_popover (self->link_item_button, chooser);
  }

}

/* Public API */

GtkWidget *
tandem_item_editor_new (void)
{
  return g_object_new (TANDEM_TYPE_ITEM_EDITOR, NULL);
}

/**
 * tandem_item_editor_get_item:
 *
 * Returns: (transfer none) (nullable): the item being edited
 */
TandemChecklistItem *
tandem_item_editor_get_item (TandemItemEditor *self)
{
  g_return_val_if_fail (TANDEM_IS_ITEM_EDITOR (self), NULL);

  return self->item;
}

void
tandem_item_editor_set_item (TandemItemEditor    *self,
                             TandemChecklistItem *item)
{
  TandemChecklistSection *section;
  TandemChecklist *checklist;
  TandemDocument *document;
  g_autoptr(GtkFlattenListModel) evidence = NULL;
  g_autoptr(TandemReverseModel) reversed = NULL;
  TandemObject *object = TANDEM_OBJECT (item);

  g_return_if_fail (TANDEM_IS_ITEM_EDITOR (self));
  g_return_if_fail (item == NULL || TANDEM_IS_CHECKLIST_ITEM (item));

  if (self->item == item)
    return;

  unbind_item (self);
  if (item == NULL)
    return;

  self->item = g_object_ref (item);
  document = tandem_object_get_document (object);
  section = get_section (item);
  checklist = tandem_checklist_item_get_checklist (item);

  gtk_label_set_text (self->section_label, section ? tandem_checklist_section_get_title (section) : "");
  gtk_label_set_text (self->question_label, tandem_checklist_item_get_question (item));
  gtk_label_set_text (self->guidance_label, tandem_checklist_item_get_guidance (item));
  gtk_widget_set_visible (self->guidance_box, tandem_checklist_item_get_guidance (item)[0] != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->rung_row), tandem_checklist_item_get_uses_ladder (item));
  gtk_widget_set_visible (self->ladder_group, tandem_checklist_item_get_uses_ladder (item));

  tandem_bind_combo_enum (self->status_row, object, "status", _("Change Status"));
  tandem_bind_combo_enum (self->rag_row, object, "rag-override", _("Change Rating"));
  tandem_bind_combo_enum (self->rung_row, object, "ladder-rung", _("Change Rung"));
  tandem_bind_editable (GTK_EDITABLE (self->owner_row), object, "owner", _("Edit Owner"));
  tandem_bind_text_view (self->evidence_view, object, "evidence", _("Edit Evidence"));
  tandem_bind_text_view (self->comments_view, object, "comments", _("Edit Comments"));
  tandem_bind_text_view (self->action_view, object, "action", _("Edit Action"));

  {
    TandemList *links = tandem_checklist_item_get_links (item);
    g_autoptr(GtkFilterListModel) web = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (links)),
                                                                   g_object_ref (GTK_FILTER (self->web_filter)));
    g_autoptr(GtkFilterListModel) targets = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (links)),
                                                                       g_object_ref (GTK_FILTER (self->target_filter)));

    g_list_store_append (self->evidence_parts, web);
    gtk_flow_box_bind_model (self->chips_box, G_LIST_MODEL (targets), create_chip, self, NULL);
    g_signal_connect_object (web, "items-changed", G_CALLBACK (update_evidence_visibility), self,
                             G_CONNECT_SWAPPED);
    g_signal_connect_object (targets, "items-changed", G_CALLBACK (update_evidence_visibility),
                             self, G_CONNECT_SWAPPED);
    g_signal_connect_object (tandem_checklist_item_get_attachments (item), "items-changed",
                             G_CALLBACK (update_evidence_visibility), self, G_CONNECT_SWAPPED);
    tandem_link_chooser_set_document (TANDEM_LINK_CHOOSER (gtk_menu_button_get_popover (self->link_item_button)),
                                      document);
    if (document != NULL)
      g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed_for_chips_cb),
                               self, G_CONNECT_SWAPPED);
  }
  g_list_store_append (self->evidence_parts, tandem_checklist_item_get_attachments (item));
  evidence = gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->evidence_parts)));
  gtk_list_box_bind_model (self->links_list, G_LIST_MODEL (evidence), create_evidence_row, self, NULL);
  update_evidence_visibility (self);

  if (checklist != NULL)
    {
      reversed = tandem_reverse_model_new (G_LIST_MODEL (tandem_checklist_get_audit (checklist)));
      self->history = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (reversed)),
                                                 g_object_ref (GTK_FILTER (self->history_filter)));
      gtk_filter_changed (GTK_FILTER (self->history_filter), GTK_FILTER_CHANGE_DIFFERENT);
      g_signal_connect_object (self->history, "items-changed", G_CALLBACK (on_history_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  update_history (self);

  g_signal_connect_object (item, "notify", G_CALLBACK (update_dynamic), self, G_CONNECT_SWAPPED);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed_cb), self,
                             G_CONNECT_SWAPPED);

  update_dynamic (self);
  update_condition (self);

  /* A new question starts at its top, unless the keyboard is in one of its fields (Alt+Down
   * from the comments of one question to the next): then the focus stays in the same field,
   * now the new question's, and that field is brought into view once the new question is laid
   * out. */
  {
    GtkWidget *scrolled = get_scrolled (self);
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

    if (focus != NULL && scrolled != NULL && gtk_widget_is_ancestor (focus, scrolled))
      {
        self->reveal_frames = 0;
        if (self->reveal_tick == 0)
          self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_focus_tick,
                                                            NULL, NULL);
      }
    else if (scrolled != NULL)
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
  }
}

void
tandem_item_editor_focus_status (TandemItemEditor *self)
{
  g_return_if_fail (TANDEM_IS_ITEM_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->status_row));
}

/**
 * tandem_item_editor_attach_bytes:
 *
 * Attaches a file's contents to the item being edited, as Attach File does once the file is
 * read; used by drag and drop and tests.
 */
gboolean
tandem_item_editor_attach_bytes (TandemItemEditor  *self,
                                 const char        *name,
                                 GBytes            *bytes,
                                 GError           **error)
{
  g_return_val_if_fail (TANDEM_IS_ITEM_EDITOR (self), FALSE);

  if (self->item == NULL)
    return TRUE;

  return attach_to_item (self->item, name, bytes, error);
}

/**
 * tandem_item_editor_attach_file:
 *
 * Attaches @file to the item being edited, as Attach File does once the file is chosen: its
 * size is checked and its contents read without blocking the window, then it is attached
 * as one undoable step; a dialog says why when it cannot be.
 */
void
tandem_item_editor_attach_file (TandemItemEditor *self,
                                GFile            *file)
{
  AttachData *attach;

  g_return_if_fail (TANDEM_IS_ITEM_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->item == NULL)
    return;

  attach = g_new0 (AttachData, 1);
  attach->self = g_object_ref (self);
  attach->item = g_object_ref (self->item);
  g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                                 G_FILE_ATTRIBUTE_STANDARD_SIZE,
                           G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT, NULL,
                           on_attach_info_cb, attach);
}
