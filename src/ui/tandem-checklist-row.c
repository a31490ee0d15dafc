/* tandem-checklist-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-checklist-row"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-checklist-item.h"
#include "tandem-checklist-labels.h"
#include "tandem-checklist-row.h"
#include "tandem-checklist-section.h"
#include "tandem-document.h"

/*
 * One row of the checklist page's list: a section heading with its progress, or a question
 * with its answer at a glance (status and rating in words, owner, due date, evidence, the
 * condition it depends on). Rows are recycled by the list view, so a row shows whichever
 * object it is given and lets go of the previous one.
 */

struct _TandemChecklistRow
{
  AdwBin        parent_instance;

  TandemObject *object;
  gulong        handler;
  gpointer      handler_instance;  /* weak */

  /* Built on first use: a recycled row is usually given the same kind of object again. */
  GtkWidget    *section_box;
  GtkWidget    *item_box;

  /* Section */
  GtkWidget    *section_title;
  GtkWidget    *section_progress;
  GtkWidget    *section_caption;

  /* Item */
  GtkWidget    *question;
  GtkWidget    *status;
  GtkWidget    *rag;
  GtkWidget    *due;
  GtkWidget    *details;
  GtkWidget    *condition;
};

G_DEFINE_FINAL_TYPE (TandemChecklistRow, tandem_checklist_row, ADW_TYPE_BIN)

/* Auxiliary methods */

static GtkWidget *
caption_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");

  return label;
}

static void
set_label (GtkWidget  *label,
           const char *text)
{
  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  gtk_widget_set_visible (label, text != NULL && text[0] != '\0');
}

static GtkWidget *
build_section (TandemChecklistRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->section_title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->section_title), 0);
  gtk_label_set_wrap (GTK_LABEL (self->section_title), TRUE);
  gtk_widget_add_css_class (self->section_title, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->section_title),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);

  self->section_progress = gtk_progress_bar_new ();
  gtk_widget_set_valign (self->section_progress, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (self->section_progress, 80, -1);

  self->section_caption = caption_label ();
  gtk_widget_add_css_class (self->section_caption, "dim-label");

  gtk_box_append (GTK_BOX (line), self->section_progress);
  gtk_box_append (GTK_BOX (line), self->section_caption);
  gtk_box_append (GTK_BOX (box), self->section_title);
  gtk_box_append (GTK_BOX (box), line);
  gtk_widget_add_css_class (box, "section-row");

  return box;
}

/* Few widgets, because the list may hold hundreds of rows and each is measured: the question,
 * one line with the answer (status and rating in words, due date), one line of details, and
 * the condition when there is one. */
static GtkWidget *
build_item (TandemChecklistRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *answer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->question = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->question), 0);
  gtk_label_set_wrap (GTK_LABEL (self->question), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->question), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (self->question), 3);
  gtk_label_set_ellipsize (GTK_LABEL (self->question), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->question, "question");

  self->status = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->status, "caption-heading");
  self->rag = tandem_rag_pill_new ();
  self->due = caption_label ();
  gtk_widget_set_margin_start (self->due, 6);
  gtk_box_append (GTK_BOX (answer), self->status);
  gtk_box_append (GTK_BOX (answer), self->rag);
  gtk_box_append (GTK_BOX (answer), self->due);

  self->details = caption_label ();
  gtk_widget_add_css_class (self->details, "dim-label");
  self->condition = caption_label ();
  gtk_widget_add_css_class (self->condition, "condition-tag");

  gtk_box_append (GTK_BOX (box), self->question);
  gtk_box_append (GTK_BOX (box), answer);
  gtk_box_append (GTK_BOX (box), self->details);
  gtk_box_append (GTK_BOX (box), self->condition);
  gtk_widget_add_css_class (box, "item-row");

  return box;
}

static void
update_section (TandemChecklistRow *self)
{
  TandemChecklistSection *section = TANDEM_CHECKLIST_SECTION (self->object);
  g_autofree char *caption = NULL;
  g_autoptr(GString) text = NULL;
  TandemProgress progress = { 0 };
  GDate today;

  tandem_get_today (&today);
  tandem_checklist_section_progress (section, &today, &progress);

  gtk_label_set_text (GTK_LABEL (self->section_title), tandem_checklist_section_get_title (section));
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->section_progress),
                                 tandem_progress_get_fraction (&progress));

  caption = tandem_progress_describe (&progress);
  text = g_string_new (caption);
  if (progress.not_met > 0)
    g_string_append_printf (text, _(" · %u not met"), progress.not_met);
  if (progress.partly_met > 0)
    g_string_append_printf (text, _(" · %u partly met"), progress.partly_met);
  if (progress.overdue > 0)
    g_string_append_printf (text, _(" · %u overdue"), progress.overdue);
  gtk_label_set_text (GTK_LABEL (self->section_caption), text->str);
}

static void
update_item (TandemChecklistRow *self)
{
  TandemChecklistItem *item = TANDEM_CHECKLIST_ITEM (self->object);
  TandemItemStatus status = tandem_checklist_item_get_status (item);
  const char *owner = tandem_checklist_item_get_owner (item);
  const char *due = tandem_checklist_item_get_due_date (item);
  g_autofree char *condition = tandem_checklist_item_get_condition (item)[0] != '\0'
                               ? tandem_checklist_condition_label (item) : NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *condition_text = NULL;
  g_autoptr(GString) details = g_string_new (NULL);
  gboolean overdue = FALSE;
  guint n_evidence;

  gtk_label_set_text (GTK_LABEL (self->question), tandem_checklist_item_get_question (item));
  gtk_label_set_text (GTK_LABEL (self->status), tandem_item_status_to_label (status));
  tandem_rag_pill_set (self->rag, tandem_checklist_item_get_rag (item));
  if (tandem_checklist_item_rating_disagrees (item))
    {
      /* TRANSLATORS: a rating set by hand against the status, “Red (override)” */
      g_autofree char *text = g_strdup_printf (_("%s (override)"),
                                               tandem_rag_to_label (tandem_checklist_item_get_rag (item)));
      gtk_label_set_text (GTK_LABEL (self->rag), text);
    }
  gtk_widget_set_visible (self->rag, status != TANDEM_ITEM_STATUS_NOT_STARTED ||
                                     tandem_checklist_item_get_rag_override (item) != TANDEM_RAG_NONE);

  if (due[0] != '\0')
    {
      g_autofree char *date = tandem_format_short_date (due);
      GDate today;

      tandem_get_today (&today);
      overdue = tandem_checklist_item_is_overdue (item, &today);
      due_text = overdue ? g_strdup_printf (_("Overdue since %s"), date)
                         : g_strdup_printf (_("Due %s"), date);
    }
  set_label (self->due, due_text);
  if (overdue)
    gtk_widget_add_css_class (self->due, "overdue");
  else
    gtk_widget_remove_css_class (self->due, "overdue");

  /* Details, separated by middle dots: owner, rung, evidence. */
  if (owner[0] != '\0')
    g_string_append (details, owner);

  if (tandem_checklist_item_get_uses_ladder (item))
    {
      TandemLadderRung rung = tandem_checklist_item_get_ladder_rung (item);

      if (details->len > 0)
        g_string_append (details, " · ");
      if (rung == TANDEM_LADDER_RUNG_NONE)
        g_string_append (details, _("No rung chosen"));
      else
        {
          g_autofree char *group = g_utf8_strdown (tandem_ladder_rung_group (rung), -1);

          /* TRANSLATORS: a rung of the ladder and where it sits, “Consulting (doing for)” */
          g_string_append_printf (details, _("%s (%s)"), tandem_ladder_rung_to_label (rung), group);
        }
    }

  n_evidence = tandem_list_get_n (tandem_checklist_item_get_links (item)) +
               tandem_list_get_n (tandem_checklist_item_get_attachments (item));
  if (n_evidence > 0 || tandem_checklist_item_get_evidence (item)[0] != '\0')
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      if (n_evidence > 0)
        g_string_append_printf (details, g_dngettext (GETTEXT_PACKAGE, "%u document",
                                                      "%u documents", n_evidence), n_evidence);
      else
        g_string_append (details, _("Evidence noted"));
    }
  set_label (self->details, details->str);

  if (condition != NULL)
    /* TRANSLATORS: the project condition a question depends on */
    condition_text = g_strdup_printf (_("Only if: %s"), condition);
  set_label (self->condition, condition_text);
}

static void
update (TandemChecklistRow *self)
{
  if (TANDEM_IS_CHECKLIST_SECTION (self->object))
    update_section (self);
  else if (TANDEM_IS_CHECKLIST_ITEM (self->object))
    update_item (self);
}

static void
disconnect (TandemChecklistRow *self)
{
  if (self->handler_instance != NULL)
    {
      g_signal_handler_disconnect (self->handler_instance, self->handler);
      g_object_remove_weak_pointer (self->handler_instance, &self->handler_instance);
      self->handler_instance = NULL;
    }
  self->handler = 0;
}

static void
show_kind (TandemChecklistRow *self,
           gboolean            section)
{
  GtkWidget **box = section ? &self->section_box : &self->item_box;

  if (*box == NULL)
    *box = g_object_ref_sink (section ? build_section (self) : build_item (self));

  if (adw_bin_get_child (ADW_BIN (self)) != *box)
    adw_bin_set_child (ADW_BIN (self), *box);
}

/* GObject */

static void
tandem_checklist_row_dispose (GObject *object)
{
  TandemChecklistRow *self = (TandemChecklistRow *)object;

  disconnect (self);
  g_clear_object (&self->object);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->section_box);
  g_clear_object (&self->item_box);

  G_OBJECT_CLASS (tandem_checklist_row_parent_class)->dispose (object);
}

static void
tandem_checklist_row_class_init (TandemChecklistRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tandem_checklist_row_dispose;

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "checklistrow");
}

static void
tandem_checklist_row_init (TandemChecklistRow *self)
{
}

/* Public API */

GtkWidget *
tandem_checklist_row_new (void)
{
  return g_object_new (TANDEM_TYPE_CHECKLIST_ROW, NULL);
}

/**
 * tandem_checklist_row_get_object:
 *
 * Returns: (transfer none) (nullable): the section or item shown
 */
TandemObject *
tandem_checklist_row_get_object (TandemChecklistRow *self)
{
  g_return_val_if_fail (TANDEM_IS_CHECKLIST_ROW (self), NULL);

  return self->object;
}

/**
 * tandem_checklist_row_set_object:
 * @object: (nullable): a #TandemChecklistSection or #TandemChecklistItem
 */
void
tandem_checklist_row_set_object (TandemChecklistRow *self,
                                 TandemObject       *object)
{
  g_return_if_fail (TANDEM_IS_CHECKLIST_ROW (self));

  if (self->object == object)
    return;

  disconnect (self);
  g_set_object (&self->object, object);

  if (object == NULL)
    return;

  /* Progress, evidence counts and conditions change without the object itself notifying,
   * so rows follow the document's changes (and undo and redo) as a whole. */
  show_kind (self, TANDEM_IS_CHECKLIST_SECTION (object));
  self->handler_instance = tandem_object_get_document (object);
  if (self->handler_instance != NULL)
    self->handler = g_signal_connect_swapped (self->handler_instance, "changed",
                                              G_CALLBACK (update), self);

  if (self->handler_instance != NULL)
    g_object_add_weak_pointer (self->handler_instance, &self->handler_instance);

  update (self);
}
