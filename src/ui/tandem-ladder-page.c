/* tandem-ladder-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-ladder-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-dialogs.h"
#include "tandem-engagement.h"
#include "tandem-labels.h"
#include "tandem-ladder-page.h"

/*
 * The ladder profile: for each stage of the change, the highest rung of the ladder of
 * co-production that the activities reached, beside the rung T5's self-assessment claims.
 * Where the two disagree the row says so in a word ("Disagrees") and a sentence, with an
 * icon beside them: never by colour alone. Everything comes from tandem_ladder_profile_new(),
 * as in the appendix.
 */

struct _TandemLadderPage
{
  AdwBin          parent_instance;

  TandemDocument *document;
  GtkLabel       *summary_label;
  AdwActionRow   *rows[TANDEM_N_CHANGE_STAGES];
  GtkLabel       *recorded_labels[TANDEM_N_CHANGE_STAGES];
  GtkLabel       *claimed_labels[TANDEM_N_CHANGE_STAGES];
  GtkLabel       *verdict_labels[TANDEM_N_CHANGE_STAGES];
  GtkImage       *verdict_icons[TANDEM_N_CHANGE_STAGES];
  guint           refresh_id;
  gboolean        stale;
};

G_DEFINE_FINAL_TYPE (TandemLadderPage, tandem_ladder_page, ADW_TYPE_BIN)

static const char *
verdict (const TandemLadderRow *row)
{
  switch (row->agreement)
    {
    case TANDEM_LADDER_AGREEMENT_AGREES:
      return _("Agrees");
    case TANDEM_LADDER_AGREEMENT_NO_CLAIM:
      return _("No claim");
    case TANDEM_LADDER_AGREEMENT_NO_RECORD:
      return _("No record");
    case TANDEM_LADDER_AGREEMENT_CLAIM_ABOVE:
    case TANDEM_LADDER_AGREEMENT_CLAIM_BELOW:
      return _("Disagrees");
    case TANDEM_LADDER_AGREEMENT_NOTHING:
    default:
      return _("Nothing yet");
    }
}

void
tandem_ladder_page_refresh (TandemLadderPage *self)
{
  g_autoptr(GArray) profile = NULL;
  g_autoptr(GString) disagree = g_string_new (NULL);
  guint n_disagree = 0;

  g_return_if_fail (TANDEM_IS_LADDER_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->stale = FALSE;
  profile = tandem_ladder_profile_new (self->document);

  for (guint i = 0; i < profile->len && i < TANDEM_N_CHANGE_STAGES; i++)
    {
      const TandemLadderRow *row = &g_array_index (profile, TandemLadderRow, i);
      g_autofree char *sentence = tandem_ladder_row_describe (row);
      g_autofree char *recorded = NULL;
      g_autofree char *claimed = NULL;
      g_autofree char *counts = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *accessible = NULL;
      gboolean disagrees = tandem_ladder_row_disagrees (row);
      const char *stage = tandem_change_stage_to_label (row->stage);

      /* TRANSLATORS: the highest rung the activities of a stage reached */
      recorded = g_strdup_printf (_("Record: %s"),
                                  row->recorded == TANDEM_LADDER_RUNG_NONE
                                    ? _("none") : tandem_ladder_rung_to_label (row->recorded));
      /* TRANSLATORS: the rung T5's self-assessment claims for a stage */
      claimed = g_strdup_printf (_("Claim: %s"),
                                 row->claimed == TANDEM_LADDER_RUNG_NONE
                                   ? _("none") : tandem_ladder_rung_to_label (row->claimed));
      counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity, %u people",
                                             "%u activities, %u people", row->n_activities),
                                row->n_activities, row->people);
      /* TRANSLATORS: "2 activities, 31 people. The self-assessment claims …" */
      subtitle = g_strdup_printf (_("%s. %s"), counts, sentence);

      adw_action_row_set_subtitle (self->rows[i], subtitle);
      gtk_label_set_text (self->recorded_labels[i], recorded);
      gtk_label_set_text (self->claimed_labels[i], claimed);
      gtk_label_set_text (self->verdict_labels[i], verdict (row));
      gtk_widget_set_visible (GTK_WIDGET (self->verdict_icons[i]), disagrees);
      if (disagrees)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->verdict_labels[i]), "warning");
          if (n_disagree++ > 0)
            g_string_append (disagree, _(", "));
          g_string_append (disagree, stage);
        }
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_labels[i]), "warning");

      /* TRANSLATORS: accessible name of a stage of the ladder profile */
      accessible = g_strdup_printf (_("%s: %s. %s, %s. %s"), stage, verdict (row), recorded,
                                    claimed, sentence);
      tandem_set_accessible_label (GTK_WIDGET (self->rows[i]), accessible);
      g_object_set_data_full (G_OBJECT (self->rows[i]), "tandem-verdict",
                              g_strdup (verdict (row)), g_free);
    }

  if (n_disagree == 0)
    gtk_label_set_text (self->summary_label,
                        _("The self-assessment and the record of activities do not disagree at "
                          "any stage."));
  else
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The self-assessment and the record disagree at %u stage: "
                                      "%s.",
                                      "The self-assessment and the record disagree at %u stages: "
                                      "%s.", n_disagree), n_disagree, disagree->str);

      gtk_label_set_text (self->summary_label, text);
    }
}

static gboolean
refresh_cb (gpointer data)
{
  TandemLadderPage *self = data;

  self->refresh_id = 0;
  tandem_ladder_page_refresh (self);

  return G_SOURCE_REMOVE;
}

static void on_map_cb (GtkWidget *widget,
                       gpointer   data);

/* A page out of sight is brought up to date when it is shown again: typing in the log must not
 * build the reach of every group again at each key. */
static void
on_document_changed_cb (TandemLadderPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_cb, self, NULL);
}

static void
on_map_cb (GtkWidget *widget,
           gpointer   data)
{
  TandemLadderPage *self = (TandemLadderPage *)widget;

  if (self->stale)
    tandem_ladder_page_refresh (self);
}

static GtkLabel *
suffix_label (GtkWidget *box,
              int        width)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), width);
  gtk_label_set_max_width_chars (GTK_LABEL (label), width);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);

  return GTK_LABEL (label);
}

static void
build (TandemLadderPage *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Ladder Profile"));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Ladder Profile"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("For each stage of the change, the highest rung of the "
                                           "ladder of co-production the activities in the "
                                           "engagement log reached, beside the rung claimed in "
                                           "the T5 self-assessment checklist."));

  /* What the board must notice, under the heading and above the stages. */
  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "heading");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->summary_label));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  group = adw_preferences_group_new ();

  for (int stage = 0; stage < TANDEM_N_CHANGE_STAGES; stage++)
    {
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     tandem_change_stage_to_label (stage));
      adw_action_row_set_subtitle_lines (row, 0);
      gtk_widget_add_css_class (icon, "warning");
      tandem_hide_from_accessibility (icon);
      adw_action_row_add_prefix (row, icon);
      self->verdict_icons[stage] = GTK_IMAGE (icon);
      {
        GtkWidget *pair = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
        GtkWidget *verdict_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

        gtk_widget_set_valign (pair, GTK_ALIGN_CENTER);
        self->recorded_labels[stage] = suffix_label (pair, 20);
        self->claimed_labels[stage] = suffix_label (pair, 20);
        adw_action_row_add_suffix (row, pair);
        self->verdict_labels[stage] = suffix_label (verdict_box, 11);
        adw_action_row_add_suffix (row, verdict_box);
      }
      gtk_widget_add_css_class (GTK_WIDGET (self->verdict_labels[stage]), "heading");
      self->rows[stage] = row;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (row));
    }

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_bin_set_child (ADW_BIN (self), page);

  g_signal_connect_object (self->document, "changed", G_CALLBACK (on_document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  tandem_ladder_page_refresh (self);
}

static void
tandem_ladder_page_dispose (GObject *object)
{
  TandemLadderPage *self = TANDEM_LADDER_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  G_OBJECT_CLASS (tandem_ladder_page_parent_class)->dispose (object);
  g_clear_object (&self->document);
}

static void
tandem_ladder_page_class_init (TandemLadderPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tandem_ladder_page_dispose;
}

static void
tandem_ladder_page_init (TandemLadderPage *self)
{
}

GtkWidget *
tandem_ladder_page_new (TandemDocument *document)
{
  TandemLadderPage *self = g_object_new (TANDEM_TYPE_LADDER_PAGE, NULL);

  self->document = g_object_ref (document);
  build (self);

  return GTK_WIDGET (self);
}

/**
 * tandem_ladder_page_get_row:
 *
 * Returns: (transfer none): the row of @stage; its data "tandem-verdict" holds the word shown
 */
GtkWidget *
tandem_ladder_page_get_row (TandemLadderPage *self,
                            int               stage)
{
  g_return_val_if_fail (TANDEM_IS_LADDER_PAGE (self), NULL);
  g_return_val_if_fail (stage >= 0 && stage < TANDEM_N_CHANGE_STAGES, NULL);

  return GTK_WIDGET (self->rows[stage]);
}
