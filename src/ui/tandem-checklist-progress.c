/* tandem-checklist-progress.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-checklist-progress"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-checklist-labels.h"
#include "tandem-checklist-progress.h"
#include "tandem-document.h"

/*
 * A thin progress bar with a short caption (“9 of 13 answered”) that follows a checklist as
 * it is answered; shown under each checklist in the sidebar. Counts are worked out again
 * after every change to the document, which is cheap next to drawing them.
 */

struct _TandemChecklistProgress
{
  GtkWidget        parent_instance;

  TandemChecklist *checklist;
  TandemDocument  *document;  /* weak: the one we listen to */

  GtkWidget       *bar;
  GtkWidget       *caption;
};

G_DEFINE_FINAL_TYPE (TandemChecklistProgress, tandem_checklist_progress, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHECKLIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Callbacks */

static void
on_document_changed_cb (TandemChecklistProgress *self)
{
  tandem_checklist_progress_update (self);
}

/* GObject */

static void
set_checklist (TandemChecklistProgress *self,
               TandemChecklist         *checklist)
{
  g_set_object (&self->checklist, checklist);

  self->document = tandem_object_get_document (TANDEM_OBJECT (checklist));
  if (self->document != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (self->document), (gpointer *)&self->document);
      g_signal_connect_object (self->document, "changed", G_CALLBACK (on_document_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  tandem_checklist_progress_update (self);
}

static void
tandem_checklist_progress_dispose (GObject *object)
{
  TandemChecklistProgress *self = (TandemChecklistProgress *)object;

  if (self->document != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->document), (gpointer *)&self->document);
      self->document = NULL;
    }

  g_clear_pointer (&self->bar, gtk_widget_unparent);
  g_clear_pointer (&self->caption, gtk_widget_unparent);
  g_clear_object (&self->checklist);

  G_OBJECT_CLASS (tandem_checklist_progress_parent_class)->dispose (object);
}

static void
tandem_checklist_progress_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  TandemChecklistProgress *self = TANDEM_CHECKLIST_PROGRESS (object);

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
tandem_checklist_progress_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  TandemChecklistProgress *self = TANDEM_CHECKLIST_PROGRESS (object);

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
tandem_checklist_progress_class_init (TandemChecklistProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_checklist_progress_dispose;
  object_class->get_property = tandem_checklist_progress_get_property;
  object_class->set_property = tandem_checklist_progress_set_property;

  properties[PROP_CHECKLIST] =
    g_param_spec_object ("checklist", NULL, NULL,
                         TANDEM_TYPE_CHECKLIST,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "checklistprogress");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tandem_checklist_progress_init (TandemChecklistProgress *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);

  self->bar = gtk_progress_bar_new ();
  gtk_widget_set_hexpand (self->bar, TRUE);
  gtk_widget_set_valign (self->bar, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->bar, GTK_WIDGET (self));

  self->caption = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->caption, "caption");
  gtk_widget_add_css_class (self->caption, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (self->caption), 1);
  gtk_widget_set_parent (self->caption, GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
tandem_checklist_progress_new (TandemChecklist *checklist)
{
  return g_object_new (TANDEM_TYPE_CHECKLIST_PROGRESS, "checklist", checklist, NULL);
}

TandemChecklist *
tandem_checklist_progress_get_checklist (TandemChecklistProgress *self)
{
  g_return_val_if_fail (TANDEM_IS_CHECKLIST_PROGRESS (self), NULL);

  return self->checklist;
}

void
tandem_checklist_progress_update (TandemChecklistProgress *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *caption = NULL;
  TandemProgress progress;
  GDate today;

  g_return_if_fail (TANDEM_IS_CHECKLIST_PROGRESS (self));

  if (self->checklist == NULL)
    return;

  tandem_get_today (&today);
  tandem_checklist_get_progress (self->checklist, &today, &progress);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->bar),
                                 tandem_progress_get_fraction (&progress));

  /* TRANSLATORS: a short caption in the sidebar, “9/13” answered */
  caption = g_strdup_printf (C_("progress", "%u/%u"), progress.answered, progress.applicable);
  gtk_label_set_text (GTK_LABEL (self->caption), caption);

  summary = tandem_progress_describe (&progress);
  if (progress.not_met > 0 || progress.overdue > 0)
    {
      g_autofree char *plain = g_steal_pointer (&summary);

      /* TRANSLATORS: “9 of 13 answered; 1 not met, 2 overdue” */
      summary = g_strdup_printf (_("%s; %u not met, %u overdue"), plain, progress.not_met,
                                 progress.overdue);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, summary, -1);
}

/**
 * tandem_checklist_sidebar_row_content:
 *
 * Returns: (transfer floating): what the sidebar shows for a checklist: its title, and
 *   under it how far it is answered
 */
GtkWidget *
tandem_checklist_sidebar_row_content (TandemChecklist *checklist)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *progress = tandem_checklist_progress_new (checklist);

  g_object_bind_property (checklist, "title", label, "label", G_BINDING_SYNC_CREATE);
  /* Long titles are cut short in the sidebar; the whole title is a hover away. */
  g_object_bind_property (checklist, "title", label, "tooltip-text", G_BINDING_SYNC_CREATE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_widget_set_margin_top (column, 3);
  gtk_widget_set_margin_bottom (column, 3);

  gtk_box_append (GTK_BOX (column), label);
  gtk_box_append (GTK_BOX (column), progress);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("view-list-bullet-symbolic"));
  gtk_box_append (GTK_BOX (box), column);

  return box;
}
