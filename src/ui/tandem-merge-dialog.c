/* tandem-merge-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-merge-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-attachment.h"
#include "tandem-checklist-item.h"
#include "tandem-checklist-labels.h"
#include "tandem-dialogs.h"
#include "tandem-evidence-link.h"
#include "tandem-labels.h"
#include "tandem-merge-dialog.h"
#include "tandem-storage.h"

/*
 * "Merge Answers": another reviewer's copy beside this one, question by question. Each row
 * shows both answers side by side; where they differ the row is marked, and the fields that
 * differ are in bold. The user picks one of the two cards; "yours" is picked to begin with,
 * so nothing is overwritten unless the user chooses. "Choose field by field" under a row that
 * differs has a pair of choices per field that differs (their status, your evidence), each
 * side saying who last changed it and when, from that copy's audit trail. Checklists only in
 * the other copy can be brought in. Merging is one undoable step; the audit trail records
 * what came from which file and reviewer (see tandem-merge.c).
 */

struct _TandemMergeDialog
{
  AdwWindow           parent_instance;

  TandemMerge        *merge;
  char               *source_name;
  GtkCustomFilter    *filter;

  AdwWindowTitle     *window_title;
  GtkWidget          *merge_button;
  GtkWidget          *take_all_button;
  GtkLabel           *summary_label;
  GtkWidget          *notes_box;
  GtkCheckButton     *only_differences;
  GtkStack           *content_stack;
  GtkListView        *entries_view;
  AdwStatusPage      *empty_page;

  GCancellable       *cancellable;  /* while the other copy's attached files are read */
};

G_DEFINE_FINAL_TYPE (TandemMergeDialog, tandem_merge_dialog, ADW_TYPE_WINDOW)

enum {
  MERGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Auxiliary methods */

static char *
their_name (TandemMergeDialog *self,
            TandemMergeEntry  *entry)
{
  const char *reviewer = entry ? tandem_merge_entry_get_their_reviewer (entry) : NULL;

  if (reviewer != NULL)
    /* TRANSLATORS: whose answer, “Answer from Dr B Smith” */
    return g_strdup_printf (_("Answer from %s"), reviewer);

  /* TRANSLATORS: the answer in the copy being merged, “Answer in “Chair copy.tandem”” */
  return g_strdup_printf (_("Answer in “%s”"), self->source_name);
}

static void
update_buttons (TandemMergeDialog *self)
{
  guint chosen = tandem_merge_get_n_chosen (self->merge);
  guint differ = tandem_merge_get_n_disagreements (self->merge);
  g_autofree char *label = NULL;
  g_autofree char *take = NULL;

  if (chosen == 0)
    label = g_strdup (_("_Merge"));
  else
    /* TRANSLATORS: the button that merges, “Take 3 Answers” */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Take %u Answer", "_Take %u Answers",
                                          chosen), chosen);
  gtk_button_set_label (GTK_BUTTON (self->merge_button), label);

  /* Sign-offs and checklists only the other copy has come across even with no answer taken. */
  if (chosen == 0 && tandem_merge_get_n_new_signoffs (self->merge) > 0)
    chosen = 1;
  for (guint i = 0; chosen == 0 && i < tandem_merge_get_n_new_checklists (self->merge); i++)
    chosen = tandem_merge_get_bring_in (self->merge, i);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.merge", chosen > 0);
  gtk_widget_set_tooltip_text (self->merge_button,
                               chosen > 0 ? NULL : _("Choose the other answer for at least one question first"));

  take = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Take _All %u Different Answer",
                                       "Take _All %u Different Answers", differ), differ);
  gtk_button_set_label (GTK_BUTTON (self->take_all_button), take);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.take-all", differ > 0);
}

static void
add_field (GtkWidget  *box,
           const char *title,
           const char *value,
           gboolean    differs)
{
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *text = NULL;

  if (value == NULL || value[0] == '\0')
    value = _("—");

  /* TRANSLATORS: a field of an answer in the merge dialog, “Owner: Head of engagement” */
  text = g_strdup_printf (_("%s: %s"), title, value);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 4);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (differs)
    gtk_widget_add_css_class (label, "differs");
  gtk_box_append (GTK_BOX (box), label);
}

static char *
list_names (TandemList *list)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < tandem_list_get_n (list); i++)
    {
      TandemObject *object = tandem_list_get (list, i);
      const char *name;

      if (TANDEM_IS_EVIDENCE_LINK (object))
        {
          name = tandem_evidence_link_get_title (TANDEM_EVIDENCE_LINK (object));
          if (name[0] == '\0')
            name = tandem_evidence_link_get_uri (TANDEM_EVIDENCE_LINK (object));
        }
      else
        name = tandem_attachment_get_name (TANDEM_ATTACHMENT (object));

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", name);
    }

  return g_string_free (names, FALSE);
}

/* Fills one card with one reviewer's answer. Fields either reviewer filled in are shown on
 * both cards, so that the two line up. */
static void
fill_card (GtkWidget        *box,
           TandemMergeEntry *entry,
           TandemObject     *object,
           TandemObject     *other,
           const char       *heading_text)
{
  GtkWidget *heading = gtk_label_new (heading_text);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_ellipsize (GTK_LABEL (heading), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_box_append (GTK_BOX (box), heading);

  if (TANDEM_IS_CHECKLIST (object))
    {
      TandemChecklist *checklist = TANDEM_CHECKLIST (object);
      TandemChecklist *other_checklist = TANDEM_CHECKLIST (other);

      add_field (box, _("Decision"), tandem_decision_to_label (tandem_checklist_get_decision (checklist)),
                 tandem_merge_entry_differs_in (entry, "decision"));
      if (tandem_checklist_get_decision_conditions (checklist)[0] != '\0' ||
          tandem_checklist_get_decision_conditions (other_checklist)[0] != '\0')
        add_field (box, _("Conditions"), tandem_checklist_get_decision_conditions (checklist),
                   tandem_merge_entry_differs_in (entry, "decision-conditions"));
      return;
    }

  {
    TandemChecklistItem *item = TANDEM_CHECKLIST_ITEM (object);
    TandemChecklistItem *other_item = TANDEM_CHECKLIST_ITEM (other);
    GtkWidget *answer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *status = gtk_label_new (tandem_item_status_to_label (tandem_checklist_item_get_status (item)));
    GtkWidget *pill = tandem_rag_pill_new ();

#define EITHER(getter) (getter (item)[0] != '\0' || getter (other_item)[0] != '\0')

    tandem_rag_pill_set (pill, tandem_checklist_item_get_rag (item));
    gtk_widget_add_css_class (status, "heading");
    if (tandem_merge_entry_differs_in (entry, "status") ||
        tandem_merge_entry_differs_in (entry, "rag-override"))
      gtk_widget_add_css_class (answer, "differs");
    gtk_box_append (GTK_BOX (answer), status);
    gtk_box_append (GTK_BOX (answer), pill);
    gtk_box_append (GTK_BOX (box), answer);

    if (tandem_checklist_item_get_uses_ladder (item))
      add_field (box, _("Rung"), tandem_ladder_rung_to_label (tandem_checklist_item_get_ladder_rung (item)),
                 tandem_merge_entry_differs_in (entry, "ladder-rung"));
    if (EITHER (tandem_checklist_item_get_evidence))
      add_field (box, _("Evidence"), tandem_checklist_item_get_evidence (item),
                 tandem_merge_entry_differs_in (entry, "evidence"));
    if (tandem_list_get_n (tandem_checklist_item_get_links (item)) +
        tandem_list_get_n (tandem_checklist_item_get_links (other_item)) > 0)
      {
        g_autofree char *names = list_names (tandem_checklist_item_get_links (item));
        add_field (box, _("Links"), names, tandem_merge_entry_differs_in (entry, "links"));
      }
    if (tandem_list_get_n (tandem_checklist_item_get_attachments (item)) +
        tandem_list_get_n (tandem_checklist_item_get_attachments (other_item)) > 0)
      {
        g_autofree char *names = list_names (tandem_checklist_item_get_attachments (item));
        add_field (box, _("Attached"), names, tandem_merge_entry_differs_in (entry, "attachments"));
      }
    if (EITHER (tandem_checklist_item_get_owner))
      add_field (box, _("Owner"), tandem_checklist_item_get_owner (item),
                 tandem_merge_entry_differs_in (entry, "owner"));
    if (EITHER (tandem_checklist_item_get_due_date))
      {
        g_autofree char *date = tandem_format_date (tandem_checklist_item_get_due_date (item));
        add_field (box, _("Due"), date, tandem_merge_entry_differs_in (entry, "due-date"));
      }
    if (EITHER (tandem_checklist_item_get_comments))
      add_field (box, _("Comments"), tandem_checklist_item_get_comments (item),
                 tandem_merge_entry_differs_in (entry, "comments"));
    if (EITHER (tandem_checklist_item_get_action))
      add_field (box, _("Action"), tandem_checklist_item_get_action (item),
                 tandem_merge_entry_differs_in (entry, "action"));

#undef EITHER
  }
}

/* Rows */

typedef struct
{
  TandemMergeDialog *dialog;
  GtkWidget        *title;
  GtkWidget        *badge;
  GtkWidget        *mine;
  GtkWidget        *theirs;
  GtkWidget        *mine_box;
  GtkWidget        *theirs_box;
  GtkWidget        *expander;
  GtkWidget        *fields_box;
  TandemMergeEntry *entry;  /* while bound */
  gulong            notify_id;
  gboolean          syncing;
} RowWidgets;

/* One field's value as the user reads it. */
static char *
field_value_text (TandemObject *object,
                  const char   *field)
{
  g_autofree char *text = NULL;

  if (TANDEM_IS_CHECKLIST_ITEM (object))
    {
      TandemChecklistItem *item = TANDEM_CHECKLIST_ITEM (object);

      if (g_str_equal (field, "status"))
        text = g_strdup (tandem_item_status_to_label (tandem_checklist_item_get_status (item)));
      else if (g_str_equal (field, "rag-override"))
        text = g_strdup (tandem_checklist_item_get_rag_override (item) == TANDEM_RAG_NONE
                         ? _("Set from the status")
                         : tandem_rag_to_label (tandem_checklist_item_get_rag_override (item)));
      else if (g_str_equal (field, "ladder-rung"))
        text = g_strdup (tandem_ladder_rung_to_label (tandem_checklist_item_get_ladder_rung (item)));
      else if (g_str_equal (field, "due-date"))
        text = tandem_format_date (tandem_checklist_item_get_due_date (item));
      else if (g_str_equal (field, "links"))
        text = list_names (tandem_checklist_item_get_links (item));
      else if (g_str_equal (field, "attachments"))
        text = list_names (tandem_checklist_item_get_attachments (item));
    }
  else if (g_str_equal (field, "decision"))
    text = g_strdup (tandem_decision_to_label (tandem_checklist_get_decision (TANDEM_CHECKLIST (object))));

  if (text == NULL)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (object), field, (g_value_init (&value, G_TYPE_STRING), &value));
      text = g_value_dup_string (&value);
    }

  if (text == NULL || text[0] == '\0')
    return g_strdup (_("—"));

  /* Long answers are cut for the choice; the cards above show them whole. */
  if (g_utf8_strlen (text, -1) > 120)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, 119);
      return g_strconcat (cut, "…", NULL);
    }

  return g_steal_pointer (&text);
}

/* Who last changed the field in one copy, and when, from that copy's audit trail. */
static char *
describe_change (TandemMergeDialog *self,
                 TandemMergeEntry  *entry,
                 gboolean           theirs,
                 const char        *field)
{
  TandemAuditEntry *change = tandem_merge_get_last_change (self->merge, entry, theirs, field);
  g_autofree char *when = NULL;
  const char *who;
  const char *role;

  if (change == NULL)
    return g_strdup (_("No change recorded in this copy’s history"));

  who = tandem_audit_entry_get_who (change);
  role = tandem_audit_entry_get_role (change);
  when = tandem_format_local_timestamp (tandem_audit_entry_get_timestamp (change));

  if (who[0] == '\0')
    /* TRANSLATORS: when a field was last changed, by nobody named */
    return g_strdup_printf (_("Changed %s"), when);
  if (role[0] == '\0')
    /* TRANSLATORS: “Changed by Jo Barnes, 24 Nov 2026 09:00” */
    return g_strdup_printf (_("Changed by %s, %s"), who, when);

  /* TRANSLATORS: “Changed by Jo Barnes (Chair), 24 Nov 2026 09:00” */
  return g_strdup_printf (_("Changed by %s (%s), %s"), who, role, when);
}

static GtkWidget *
field_choice_new (const char *choice,
                  const char *change)
{
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (choice);
  GtkWidget *caption = gtk_label_new (change);
  g_autofree char *accessible = g_strdup_printf ("%s. %s", choice, change);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), box);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);

  return button;
}

/* Shows the entry's choices, cards and fields, without reacting to them as the user's. */
static void
sync_row (RowWidgets *widgets)
{
  TandemMergeEntry *entry = widgets->entry;

  if (entry == NULL)
    return;

  widgets->syncing = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (widgets->theirs),
                                tandem_merge_entry_get_take_theirs (entry));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (widgets->mine),
                                !tandem_merge_entry_get_take_theirs (entry));

  for (GtkWidget *row = gtk_widget_get_first_child (widgets->fields_box); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *field = g_object_get_data (G_OBJECT (row), "tandem-field");
      GtkWidget *theirs = g_object_get_data (G_OBJECT (row), "tandem-theirs");
      GtkWidget *mine = g_object_get_data (G_OBJECT (row), "tandem-mine");
      gboolean take = tandem_merge_entry_get_take_field (entry, field);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (theirs), take);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (mine), !take);
    }
  widgets->syncing = FALSE;
}

static void
on_field_toggled_cb (GtkCheckButton *button,
                     RowWidgets     *widgets)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (button));
  const char *field = g_object_get_data (G_OBJECT (row), "tandem-field");

  if (widgets->syncing || widgets->entry == NULL || !gtk_check_button_get_active (button))
    return;

  tandem_merge_entry_set_take_field (widgets->entry, field,
                                     GTK_WIDGET (button) == g_object_get_data (G_OBJECT (row),
                                                                               "tandem-theirs"));
}

static void
fill_fields (RowWidgets       *widgets,
             TandemMergeEntry *entry)
{
  TandemMergeDialog *self = widgets->dialog;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widgets->fields_box)) != NULL)
    gtk_box_remove (GTK_BOX (widgets->fields_box), child);

  for (guint i = 0; i < tandem_merge_entry_get_n_differences (entry); i++)
    {
      const char *field = tandem_merge_entry_get_difference (entry, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *heading = gtk_label_new (tandem_merge_field_label (field));
      g_autofree char *mine_value = field_value_text (tandem_merge_entry_get_ours (entry), field);
      g_autofree char *their_value = field_value_text (tandem_merge_entry_get_theirs (entry), field);
      g_autofree char *mine_change = describe_change (self, entry, FALSE, field);
      g_autofree char *their_change = describe_change (self, entry, TRUE, field);
      /* TRANSLATORS: one side of a field in the merge dialog, “Keep yours: Partly met” */
      g_autofree char *mine_text = g_strdup_printf (_("Keep yours: %s"), mine_value);
      /* TRANSLATORS: the other side of a field, “Take the other copy’s: Met” */
      g_autofree char *their_text = g_strdup_printf (_("Take the other copy’s: %s"), their_value);
      GtkWidget *mine = field_choice_new (mine_text, mine_change);
      GtkWidget *theirs = field_choice_new (their_text, their_change);

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_check_button_set_group (GTK_CHECK_BUTTON (theirs), GTK_CHECK_BUTTON (mine));
      gtk_box_append (GTK_BOX (row), heading);
      gtk_box_append (GTK_BOX (row), mine);
      gtk_box_append (GTK_BOX (row), theirs);
      g_object_set_data (G_OBJECT (row), "tandem-field", (gpointer)field);
      g_object_set_data (G_OBJECT (row), "tandem-mine", mine);
      g_object_set_data (G_OBJECT (row), "tandem-theirs", theirs);
      g_signal_connect (mine, "toggled", G_CALLBACK (on_field_toggled_cb), widgets);
      g_signal_connect (theirs, "toggled", G_CALLBACK (on_field_toggled_cb), widgets);
      gtk_widget_add_css_class (row, "merge-field");
      gtk_box_append (GTK_BOX (widgets->fields_box), row);
    }
}

static void
on_card_toggled_cb (GtkToggleButton *button,
                    RowWidgets      *widgets)
{
  if (widgets->syncing || widgets->entry == NULL || !gtk_toggle_button_get_active (button))
    return;

  tandem_merge_entry_set_take_theirs (widgets->entry, button == GTK_TOGGLE_BUTTON (widgets->theirs));
}

static void
row_widgets_free (gpointer data)
{
  RowWidgets *widgets = data;

  g_clear_signal_handler (&widgets->notify_id, widgets->entry);
  g_free (widgets);
}

static GtkWidget *
card_new (GtkWidget **content)
{
  GtkWidget *button = gtk_toggle_button_new ();

  *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_button_set_child (GTK_BUTTON (button), *content);
  gtk_widget_add_css_class (button, "answer-card");
  gtk_widget_set_hexpand (button, TRUE);

  return button;
}

static void
on_setup_entry_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   TandemMergeDialog        *self)
{
  RowWidgets *widgets = g_new0 (RowWidgets, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *cards = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  widgets->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (widgets->title), 0);
  gtk_label_set_wrap (GTK_LABEL (widgets->title), TRUE);
  gtk_widget_set_hexpand (widgets->title, TRUE);
  gtk_widget_add_css_class (widgets->title, "heading");
  widgets->badge = gtk_label_new (NULL);
  gtk_widget_set_valign (widgets->badge, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (top), widgets->title);
  gtk_box_append (GTK_BOX (top), widgets->badge);

  gtk_box_set_homogeneous (GTK_BOX (cards), TRUE);
  widgets->mine = card_new (&widgets->mine_box);
  widgets->theirs = card_new (&widgets->theirs_box);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (widgets->theirs), GTK_TOGGLE_BUTTON (widgets->mine));
  g_signal_connect (widgets->mine, "toggled", G_CALLBACK (on_card_toggled_cb), widgets);
  g_signal_connect (widgets->theirs, "toggled", G_CALLBACK (on_card_toggled_cb), widgets);
  gtk_box_append (GTK_BOX (cards), widgets->mine);
  gtk_box_append (GTK_BOX (cards), widgets->theirs);

  widgets->dialog = self;
  widgets->fields_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (widgets->fields_box, 6);
  gtk_widget_set_margin_start (widgets->fields_box, 12);
  widgets->expander = gtk_expander_new_with_mnemonic (_("Choose _field by field"));
  gtk_expander_set_child (GTK_EXPANDER (widgets->expander), widgets->fields_box);

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), cards);
  gtk_box_append (GTK_BOX (box), widgets->expander);
  gtk_widget_add_css_class (box, "merge-row");

  g_object_set_data_full (G_OBJECT (box), "tandem-widgets", widgets, row_widgets_free);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
on_bind_entry_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  TandemMergeDialog        *self)
{
  TandemMergeEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  RowWidgets *widgets = g_object_get_data (G_OBJECT (box), "tandem-widgets");
  TandemObject *ours = tandem_merge_entry_get_ours (entry);
  TandemObject *theirs = tandem_merge_entry_get_theirs (entry);
  TandemChecklist *checklist = tandem_merge_entry_get_checklist (entry);
  gboolean agrees = tandem_merge_entry_get_agrees (entry);
  g_autofree char *title = NULL;
  g_autofree char *name = their_name (self, entry);
  g_autofree char *mine_label = NULL;
  g_autofree char *theirs_label = NULL;

  g_clear_signal_handler (&widgets->notify_id, widgets->entry);
  widgets->entry = NULL;

  if (tandem_merge_entry_is_decision (entry))
    /* TRANSLATORS: “Board assurance of co-production: the decision” */
    title = g_strdup_printf (_("%s: the decision"), tandem_checklist_get_title (checklist));
  else
    title = g_strdup (tandem_checklist_item_get_question (TANDEM_CHECKLIST_ITEM (ours)));
  gtk_label_set_text (GTK_LABEL (widgets->title), title);

  gtk_label_set_text (GTK_LABEL (widgets->badge), agrees ? _("Same answer") : _("Different answers"));
  gtk_widget_remove_css_class (widgets->badge, agrees ? "disagree-badge" : "agree-badge");
  gtk_widget_add_css_class (widgets->badge, agrees ? "agree-badge" : "disagree-badge");
  if (agrees)
    gtk_widget_remove_css_class (box, "disagrees");
  else
    gtk_widget_add_css_class (box, "disagrees");

  fill_card (widgets->mine_box, entry, ours, theirs, _("Your answer"));
  fill_card (widgets->theirs_box, entry, theirs, ours, name);

  fill_fields (widgets, entry);
  gtk_widget_set_visible (widgets->expander, !agrees);
  gtk_widget_set_sensitive (widgets->theirs, !agrees);

  /* TRANSLATORS: accessible names of the two cards: “Keep your answer: Met” */
  mine_label = g_strdup_printf (_("Keep your answer to “%s”"), title);
  theirs_label = g_strdup_printf (_("Take %s to “%s”"), name, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widgets->mine), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  mine_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widgets->theirs), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  theirs_label, -1);

  widgets->entry = entry;
  sync_row (widgets);
  widgets->notify_id = g_signal_connect_swapped (entry, "notify::take-theirs",
                                                 G_CALLBACK (sync_row), widgets);
}

static void
on_unbind_entry_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    TandemMergeDialog        *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  RowWidgets *widgets = g_object_get_data (G_OBJECT (box), "tandem-widgets");

  g_clear_signal_handler (&widgets->notify_id, widgets->entry);
  widgets->entry = NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  TandemMergeDialog *self = user_data;

  return !gtk_check_button_get_active (self->only_differences) ||
         !tandem_merge_entry_get_agrees (item);
}

static void
update_content (TandemMergeDialog *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->entries_view));

  gtk_stack_set_visible_child_name (self->content_stack,
                                    g_list_model_get_n_items (model) > 0 ? "list" : "empty");
}

/* Callbacks */

static void
on_only_differences_toggled_cb (TandemMergeDialog *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_content (self);
}

static void
on_entry_choice_cb (TandemMergeDialog *self)
{
  update_buttons (self);
}

static void
set_all (TandemMergeDialog *self,
         gboolean           take_theirs)
{
  GListModel *entries = tandem_merge_get_entries (self->merge);
  GtkSelectionModel *model = gtk_list_view_get_model (self->entries_view);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(TandemMergeEntry) entry = g_list_model_get_item (entries, i);

      if (!tandem_merge_entry_get_agrees (entry))
        tandem_merge_entry_set_take_theirs (entry, take_theirs);
    }

  /* Rows show the choice when bound: bind them again. */
  g_list_model_items_changed (G_LIST_MODEL (model), 0, g_list_model_get_n_items (G_LIST_MODEL (model)),
                              g_list_model_get_n_items (G_LIST_MODEL (model)));
}

static void
take_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  set_all (TANDEM_MERGE_DIALOG (widget), g_str_equal (action_name, "dialog.take-all"));
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  tandem_merge_dialog_apply_async (TANDEM_MERGE_DIALOG (widget), NULL, NULL);
}

/* A window that is destroyed is unrealized, whoever still holds it: the answers are not
 * merged into a dialog nobody sees. */
static void
on_unrealize_cb (TandemMergeDialog *self)
{
  g_cancellable_cancel (self->cancellable);
}

/* GObject */

static void
tandem_merge_dialog_dispose (GObject *object)
{
  TandemMergeDialog *self = (TandemMergeDialog *)object;

  if (self->entries_view != NULL)
    gtk_list_view_set_model (self->entries_view, NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_MERGE_DIALOG);
  g_clear_object (&self->merge);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->source_name, g_free);

  G_OBJECT_CLASS (tandem_merge_dialog_parent_class)->dispose (object);
}

static void
tandem_merge_dialog_class_init (TandemMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_merge_dialog_dispose;

  /**
   * TandemMergeDialog::merged:
   * @n_answers: how many answers were taken from the other copy
   */
  signals[MERGED] =
    g_signal_new ("merged",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/tandem-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemMergeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TandemMergeDialog, merge_button);
  gtk_widget_class_bind_template_child (widget_class, TandemMergeDialog, take_all_button);
  gtk_widget_class_bind_template_child (widget_class, TandemMergeDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TandemMergeDialog, notes_box);
  gtk_widget_class_bind_template_child (widget_class, TandemMergeDialog, only_differences);
  gtk_widget_class_bind_template_child (widget_class, TandemMergeDialog, content_stack);
  gtk_widget_class_bind_template_child (widget_class, TandemMergeDialog, entries_view);
  gtk_widget_class_bind_template_child (widget_class, TandemMergeDialog, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_only_differences_toggled_cb);

  gtk_widget_class_install_action (widget_class, "dialog.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "dialog.take-all", NULL, take_all_action);
  gtk_widget_class_install_action (widget_class, "dialog.keep-all", NULL, take_all_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_merge_dialog_init (TandemMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "unrealize", G_CALLBACK (on_unrealize_cb), NULL);
}

static void
on_bring_in_toggled_cb (GtkCheckButton    *button,
                        TandemMergeDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "tandem-index"));

  tandem_merge_set_bring_in (self->merge, index, gtk_check_button_get_active (button));
  update_buttons (self);
}

static void
add_note_line (TandemMergeDialog *self,
               GtkWidget         *content)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note"), -1);
  gtk_widget_set_hexpand (content, TRUE);
  gtk_box_append (GTK_BOX (line), icon);
  gtk_box_append (GTK_BOX (line), content);
  gtk_box_append (GTK_BOX (self->notes_box), line);
  gtk_widget_set_visible (self->notes_box, TRUE);
}

/* What comes across besides answers: the other copy's sign-offs and its own checklists. */
static void
add_arrivals (TandemMergeDialog *self)
{
  guint n_signoffs = tandem_merge_get_n_new_signoffs (self->merge);

  if (n_signoffs > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u sign-off in the other copy comes "
                                                            "across. It stands only if the answers "
                                                            "after merging are the ones it "
                                                            "covered; otherwise it is recorded as "
                                                            "void, covering answers that differ.",
                                                            "%u sign-offs in the other copy come "
                                                            "across. Each stands only if the "
                                                            "answers after merging are the ones it "
                                                            "covered; otherwise it is recorded as "
                                                            "void, covering answers that differ.",
                                                            n_signoffs), n_signoffs);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      add_note_line (self, label);
    }

  for (guint i = 0; i < tandem_merge_get_n_new_checklists (self->merge); i++)
    {
      TandemChecklist *checklist = tandem_merge_get_new_checklist (self->merge, i);
      /* TRANSLATORS: a choice in the merge dialog; %s is a checklist's title */
      g_autofree char *text = g_strdup_printf (_("Bring in “%s”, which only the other copy has, "
                                                 "with its answers, sign-offs and history"),
                                               tandem_checklist_get_title (checklist));
      GtkWidget *button = gtk_check_button_new ();
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (button),
                                   tandem_merge_get_bring_in (self->merge, i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      text, -1);
      g_object_set_data (G_OBJECT (button), "tandem-index", GUINT_TO_POINTER (i));
      g_signal_connect (button, "toggled", G_CALLBACK (on_bring_in_toggled_cb), self);
      add_note_line (self, button);
    }
}

/* Public API */

/**
 * tandem_merge_dialog_new:
 * @source_name: the other copy's file name, to say where answers come from
 */
TandemMergeDialog *
tandem_merge_dialog_new (GtkWindow   *parent,
                         TandemMerge *merge,
                         const char  *source_name)
{
  TandemMergeDialog *self;
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkFilterListModel) filtered = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *summary = NULL;
  GListModel *entries;
  const char *const *notes;
  guint n_differ;

  g_return_val_if_fail (TANDEM_IS_MERGE (merge), NULL);

  self = g_object_new (TANDEM_TYPE_MERGE_DIALOG, "transient-for", parent, NULL);
  self->merge = g_object_ref (merge);
  self->source_name = g_strdup (source_name);
  tandem_merge_set_source_name (merge, source_name);
  entries = tandem_merge_get_entries (merge);

  /* TRANSLATORS: under the title of the merge dialog, “From “Chair copy.tandem”” */
  subtitle = g_strdup_printf (_("From “%s”"), source_name);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  n_differ = tandem_merge_get_n_disagreements (merge);
  if (n_differ == 0)
    summary = g_strdup_printf (_("“%s” gives the same answers as yours."), source_name);
  else
    /* TRANSLATORS: “2 answers in “Chair copy.tandem” differ from yours.” */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u answer in “%s” differs from yours.",
                                            "%u answers in “%s” differ from yours.", n_differ),
                               n_differ, source_name);
  gtk_label_set_text (self->summary_label, summary);

  notes = tandem_merge_get_notes (merge);
  gtk_widget_set_visible (self->notes_box, notes[0] != NULL);
  for (guint i = 0; notes[i] != NULL; i++)
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *label = gtk_label_new (notes[i]);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");

      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (line), icon);
      gtk_box_append (GTK_BOX (line), label);
      gtk_box_append (GTK_BOX (self->notes_box), line);
    }

  add_arrivals (self);

  adw_status_page_set_description (self->empty_page,
                                   n_differ == 0 ? _("Every answer in the other copy is the same "
                                                     "as yours, or it has none.")
                                                 : _("Clear “Show only different answers” to see "
                                                     "every answer."));

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(TandemMergeEntry) entry = g_list_model_get_item (entries, i);

      g_signal_connect_object (entry, "notify::take-theirs", G_CALLBACK (on_entry_choice_cb), self,
                               G_CONNECT_SWAPPED);
    }

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (entries), g_object_ref (GTK_FILTER (self->filter)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&filtered)));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_entry_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_entry_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_entry_cb), self);
  gtk_list_view_set_factory (self->entries_view, factory);
  gtk_list_view_set_model (self->entries_view, GTK_SELECTION_MODEL (selection));

  update_buttons (self);
  update_content (self);

  return self;
}

/**
 * tandem_merge_dialog_get_merge:
 *
 * Returns: (transfer none): the comparison shown
 */
TandemMerge *
tandem_merge_dialog_get_merge (TandemMergeDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_MERGE_DIALOG (self), NULL);

  return self->merge;
}

/* While the files are read nothing can be chosen differently; the dialog can still be
 * closed, which cancels. */
static void
set_busy (TandemMergeDialog *self,
          gboolean           busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->content_stack), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->only_differences), !busy);
  if (busy)
    {
      gtk_button_set_label (GTK_BUTTON (self->merge_button), _("Merging…"));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.merge", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.take-all", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.keep-all", FALSE);
    }
  else
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.keep-all", TRUE);
      update_buttons (self);
    }
}

/* The other copy's attached files, read beforehand on a worker thread; one that could not be
 * read is reported by tandem_merge_apply() with the name of its attachment. */
typedef struct
{
  GHashTable *blobs;
  GError     *error;
} ReadBlobs;

static GBytes *
read_blob_cb (TandemDocument  *document,
              const char      *hash,
              gpointer         user_data,
              GError         **error)
{
  ReadBlobs *read = user_data;
  GBytes *bytes = read->blobs != NULL ? g_hash_table_lookup (read->blobs, hash) : NULL;

  if (bytes != NULL)
    return g_bytes_ref (bytes);

  if (read->error != NULL)
    g_propagate_error (error, g_error_copy (read->error));
  else
    g_set_error_literal (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_NOT_FOUND,
                         _("The attached file is not in the document."));

  return NULL;
}

static void
on_blobs_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TandemMergeDialog *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  ReadBlobs read = { NULL, NULL };
  guint chosen;

  g_assert (TANDEM_IS_MERGE_DIALOG (self));

  tandem_storage_read_blobs_finish (result, &read.blobs, &read.error);

  /* Closed while reading: the document is left as it was. */
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                               _("Nothing was merged: the dialog was closed."));
      g_clear_pointer (&read.blobs, g_hash_table_unref);
      g_clear_error (&read.error);
      return;
    }

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  chosen = tandem_merge_get_n_chosen (self->merge);
  if (!tandem_merge_apply (self->merge, _("Merge Answers"), read_blob_cb, &read, &error))
    {
      tandem_show_error (GTK_WIDGET (self), _("Could Not Merge the Answers"), error->message);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    {
      g_signal_emit (self, signals[MERGED], 0, chosen);
      gtk_window_close (GTK_WINDOW (self));
      g_task_return_boolean (task, TRUE);
    }

  g_clear_pointer (&read.blobs, g_hash_table_unref);
  g_clear_error (&read.error);
}

/**
 * tandem_merge_dialog_apply_async:
 *
 * Takes the chosen answers, as the Merge button does, and closes the dialog. The other
 * copy's attached files that come with them (up to 25 MB each) are read first, on a worker
 * thread, while the dialog waits; closing it then cancels. On failure a dialog says why and
 * the document is unchanged.
 */
void
tandem_merge_dialog_apply_async (TandemMergeDialog   *self,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_auto(GStrv) hashes = NULL;
  GTask *task;

  g_return_if_fail (TANDEM_IS_MERGE_DIALOG (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, tandem_merge_dialog_apply_async);

  if (self->cancellable != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, "%s",
                               _("The answers are already being merged."));
      g_object_unref (task);
      return;
    }

  /* Nothing can be chosen differently while the files are read. */
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);

  hashes = tandem_merge_dup_blob_hashes (self->merge);
  tandem_storage_read_blobs_async (tandem_merge_get_theirs (self->merge),
                                   (const char * const *)hashes, self->cancellable,
                                   on_blobs_read_cb, task);
}

/**
 * tandem_merge_dialog_apply_finish:
 *
 * Returns: whether the answers were merged
 */
gboolean
tandem_merge_dialog_apply_finish (TandemMergeDialog  *self,
                                  GAsyncResult       *result,
                                  GError            **error)
{
  g_return_val_if_fail (TANDEM_IS_MERGE_DIALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
