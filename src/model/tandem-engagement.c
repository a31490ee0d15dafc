/* tandem-engagement.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-engagement"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-activity.h"
#include "tandem-activity-group.h"
#include "tandem-checklist.h"
#include "tandem-checklist-item.h"
#include "tandem-checklist-section.h"
#include "tandem-document.h"
#include "tandem-document-private.h"
#include "tandem-evidence-link.h"
#include "tandem-group.h"
#include "tandem-labels.h"
#include "tandem-list.h"
#include "tandem-object-private.h"
#include "tandem-theme.h"
#include "tandem-theme-link.h"

#include "tandem-engagement.h"

/*
 * What the engagement record says, computed here once so that the window, the overview and
 * the appendix say the same thing in the same words: the reach of groups and its gaps, the
 * ladder profile beside T5, the flags of "you said, we did", and what links to what.
 */

#define T5_TEMPLATE_ID "t5-ladder-of-coproduction"

/* The stages before the formal consultation: a group most affected and first heard at the
 * consultation was not involved while the options were still open. */
#define STAGES_BEFORE_CONSULTATION 3

const char *
tandem_change_stage_to_label (TandemChangeStage stage)
{
  switch (stage)
    {
    case TANDEM_CHANGE_STAGE_CASE_FOR_CHANGE:
      return _("Case for change");
    case TANDEM_CHANGE_STAGE_OPTIONS:
      return _("Options");
    case TANDEM_CHANGE_STAGE_PRE_CONSULTATION:
      return _("Pre-consultation");
    case TANDEM_CHANGE_STAGE_CONSULTATION:
      return _("Consultation");
    case TANDEM_CHANGE_STAGE_DECISION:
      return _("Decision");
    case TANDEM_CHANGE_STAGE_IMPLEMENTATION:
      return _("Implementation");
    case TANDEM_CHANGE_STAGE_EVALUATION:
      return _("Evaluation");
    case TANDEM_N_CHANGE_STAGES:
    default:
      return "";
    }
}

const char *
tandem_engagement_method_to_label (TandemEngagementMethod method)
{
  switch (method)
    {
    case TANDEM_ENGAGEMENT_METHOD_WORKSHOP:
      return _("Workshop");
    case TANDEM_ENGAGEMENT_METHOD_INTERVIEW:
      return _("Interview");
    case TANDEM_ENGAGEMENT_METHOD_FOCUS_GROUP:
      return _("Focus group");
    case TANDEM_ENGAGEMENT_METHOD_SURVEY:
      return _("Survey");
    case TANDEM_ENGAGEMENT_METHOD_DROP_IN:
      return _("Drop-in");
    case TANDEM_ENGAGEMENT_METHOD_OUTREACH_VISIT:
      return _("Outreach visit");
    case TANDEM_ENGAGEMENT_METHOD_ONLINE_EVENT:
      return _("Online event");
    case TANDEM_ENGAGEMENT_METHOD_CITIZENS_PANEL:
      return _("Citizens’ panel");
    case TANDEM_ENGAGEMENT_METHOD_PUBLIC_MEETING:
      return _("Public meeting");
    case TANDEM_ENGAGEMENT_METHOD_OTHER:
      return _("Other");
    case TANDEM_N_ENGAGEMENT_METHODS:
    default:
      return "";
    }
}

const char *
tandem_support_to_label (TandemSupport one)
{
  switch (one)
    {
    case TANDEM_SUPPORT_PAYMENT:
      return _("Payment for time");
    case TANDEM_SUPPORT_TRAVEL:
      return _("Travel");
    case TANDEM_SUPPORT_CHILDCARE:
      return _("Childcare");
    case TANDEM_SUPPORT_INTERPRETER:
      return _("Interpreter");
    case TANDEM_SUPPORT_BSL:
      return _("BSL");
    case TANDEM_SUPPORT_EASY_READ:
      return _("Easy read");
    case TANDEM_SUPPORT_ACCESSIBLE_VENUE:
      return _("Accessible venue");
    case TANDEM_SUPPORT_ONLINE_OPTION:
      return _("Online option");
    case TANDEM_SUPPORT_EVENING_OR_WEEKEND:
      return _("Evening or weekend time");
    case TANDEM_SUPPORT_NONE:
    default:
      return "";
    }
}

/**
 * tandem_support_describe:
 *
 * Returns: (transfer full): the support offered, in words, separated by commas; "None" for none
 */
char *
tandem_support_describe (TandemSupport support)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < TANDEM_N_SUPPORTS; i++)
    {
      if ((support & (1u << i)) == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, tandem_support_to_label (1u << i));
    }

  if (text->len == 0)
    g_string_append (text, C_("support offered", "None"));

  return g_string_free (text, FALSE);
}

const char *
tandem_theme_response_to_label (TandemThemeResponse response)
{
  switch (response)
    {
    case TANDEM_THEME_RESPONSE_NONE:
      return _("No response yet");
    case TANDEM_THEME_RESPONSE_ADOPTED:
      return _("Adopted");
    case TANDEM_THEME_RESPONSE_PARTLY_ADOPTED:
      return _("Partly adopted");
    case TANDEM_THEME_RESPONSE_NOT_ADOPTED:
      return _("Not adopted");
    case TANDEM_THEME_RESPONSE_BEING_CONSIDERED:
      return _("Still being considered");
    default:
      return "";
    }
}

/* Reach */

struct _TandemReach
{
  GPtrArray       *groups;  /* TandemGroup, owned */
  TandemReachCell *cells;   /* groups->len × TANDEM_N_CHANGE_STAGES */
  guint            unassigned;  /* activities that name no group */
};

/**
 * tandem_reach_new:
 *
 * Counts, for every group of the project and every stage, the activities that reached the
 * group and the people who took part in them.
 *
 * Returns: (transfer full): the reach matrix; free with tandem_reach_free()
 */
TandemReach *
tandem_reach_new (TandemDocument *document)
{
  TandemReach *reach;
  TandemList *groups;
  TandemList *activities;
  g_autoptr(GHashTable) rows = NULL;

  g_return_val_if_fail (TANDEM_IS_DOCUMENT (document), NULL);

  reach = g_new0 (TandemReach, 1);
  reach->groups = g_ptr_array_new_with_free_func (g_object_unref);
  rows = g_hash_table_new (g_str_hash, g_str_equal);

  groups = tandem_document_get_groups (document);
  for (guint i = 0; i < tandem_list_get_n (groups); i++)
    {
      TandemGroup *group = tandem_list_get (groups, i);

      g_hash_table_insert (rows, (gpointer)tandem_object_get_id (TANDEM_OBJECT (group)),
                           GUINT_TO_POINTER (reach->groups->len + 1));
      g_ptr_array_add (reach->groups, g_object_ref (group));
    }

  reach->cells = g_new0 (TandemReachCell, MAX (reach->groups->len, 1) * TANDEM_N_CHANGE_STAGES);

  activities = tandem_document_get_activities (document);
  for (guint i = 0; i < tandem_list_get_n (activities); i++)
    {
      TandemActivity *activity = tandem_list_get (activities, i);
      TandemList *reached = tandem_activity_get_groups (activity);
      TandemChangeStage stage = tandem_activity_get_stage (activity);
      guint people = (guint)tandem_activity_get_participants (activity);
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

      if (tandem_list_get_n (reached) == 0)
        reach->unassigned++;

      for (guint j = 0; j < tandem_list_get_n (reached); j++)
        {
          TandemActivityGroup *link = tandem_list_get (reached, j);
          gpointer row = g_hash_table_lookup (rows, tandem_activity_group_get_group (link));
          TandemReachCell *cell;

          /* The same group named twice is one group reached once. */
          if (row == NULL || !g_hash_table_add (seen, row))
            continue;

          cell = &reach->cells[(GPOINTER_TO_UINT (row) - 1) * TANDEM_N_CHANGE_STAGES + stage];
          cell->activities++;
          cell->people += people;
        }
    }

  return reach;
}

void
tandem_reach_free (TandemReach *reach)
{
  if (reach == NULL)
    return;

  g_ptr_array_unref (reach->groups);
  g_free (reach->cells);
  g_free (reach);
}

guint
tandem_reach_get_n_groups (TandemReach *reach)
{
  return reach->groups->len;
}

/**
 * tandem_reach_get_group:
 *
 * Returns: (transfer none): the group of @row
 */
TandemGroup *
tandem_reach_get_group (TandemReach *reach,
                        guint        row)
{
  g_return_val_if_fail (row < reach->groups->len, NULL);

  return g_ptr_array_index (reach->groups, row);
}

const TandemReachCell *
tandem_reach_get_cell (TandemReach       *reach,
                       guint              row,
                       TandemChangeStage  stage)
{
  g_return_val_if_fail (row < reach->groups->len, NULL);
  g_return_val_if_fail (stage < TANDEM_N_CHANGE_STAGES, NULL);

  return &reach->cells[row * TANDEM_N_CHANGE_STAGES + stage];
}

/**
 * tandem_reach_get_total:
 *
 * Returns: the activities and people of @row over every stage
 */
TandemReachCell
tandem_reach_get_total (TandemReach *reach,
                        guint        row)
{
  TandemReachCell total = { 0, 0 };

  g_return_val_if_fail (row < reach->groups->len, total);

  for (guint s = 0; s < TANDEM_N_CHANGE_STAGES; s++)
    {
      total.activities += reach->cells[row * TANDEM_N_CHANGE_STAGES + s].activities;
      total.people += reach->cells[row * TANDEM_N_CHANGE_STAGES + s].people;
    }

  return total;
}

/**
 * tandem_reach_get_unassigned:
 *
 * Returns: how many activities name no group (their people are counted nowhere in the matrix)
 */
guint
tandem_reach_get_unassigned (TandemReach *reach)
{
  return reach->unassigned;
}

/**
 * tandem_reach_dup_gap:
 *
 * The gap of one group, in words, such as “People experiencing homelessness: among those most
 * affected; not reached before consultation.”
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL when the group has no gap
 */
char *
tandem_reach_dup_gap (TandemReach *reach,
                      guint        row)
{
  TandemGroup *group;
  const char *name;
  gboolean most_affected;
  TandemReachCell total;
  guint before = 0;
  int first = -1;

  g_return_val_if_fail (row < reach->groups->len, NULL);

  group = g_ptr_array_index (reach->groups, row);
  name = tandem_group_get_name (group);
  most_affected = tandem_group_get_most_affected (group);
  total = tandem_reach_get_total (reach, row);

  for (guint s = 0; s < TANDEM_N_CHANGE_STAGES; s++)
    {
      const TandemReachCell *cell = &reach->cells[row * TANDEM_N_CHANGE_STAGES + s];

      if (cell->activities > 0 && first < 0)
        first = (int)s;
      if (s < STAGES_BEFORE_CONSULTATION)
        before += cell->activities;
    }

  if (total.activities == 0)
    {
      if (most_affected)
        /* TRANSLATORS: %s is a group of people, such as "People experiencing homelessness" */
        return g_strdup_printf (_("%s: among those most affected; not reached at any stage."),
                                name);
      /* TRANSLATORS: %s is a group of people */
      return g_strdup_printf (_("%s: not reached at any stage."), name);
    }

  if (most_affected && before == 0)
    /* TRANSLATORS: %s is a group of people; the second %s is the first stage at which the
     * group was reached, such as "Consultation" */
    return g_strdup_printf (_("%s: among those most affected; not reached before consultation "
                              "(first reached at: %s)."),
                            name, tandem_change_stage_to_label ((TandemChangeStage)first));

  return NULL;
}

/**
 * tandem_reach_dup_gaps:
 *
 * The gaps of every group, most affected groups first, each a sentence.
 *
 * Returns: (transfer full) (element-type utf8): the sentences, possibly none
 */
GPtrArray *
tandem_reach_dup_gaps (TandemReach *reach)
{
  GPtrArray *gaps = g_ptr_array_new_with_free_func (g_free);

  for (int pass = 0; pass < 2; pass++)
    {
      for (guint row = 0; row < reach->groups->len; row++)
        {
          TandemGroup *group = g_ptr_array_index (reach->groups, row);
          char *gap;

          if (tandem_group_get_most_affected (group) != (pass == 0))
            continue;

          gap = tandem_reach_dup_gap (reach, row);
          if (gap != NULL)
            g_ptr_array_add (gaps, gap);
        }
    }

  return gaps;
}

/* Ladder profile */

/**
 * tandem_ladder_stage_for_t5_key:
 * @key: the key of a question of T5
 * @found: (out): whether @key is one of T5's stages
 *
 * T5 asks about five moments of the change; the long list and the evaluation criteria both
 * belong to the options stage of the log, and the consultation's design to pre-consultation.
 */
TandemChangeStage
tandem_ladder_stage_for_t5_key (const char *key,
                                gboolean   *found)
{
  static const struct { const char *key; TandemChangeStage stage; } map[] = {
    { "case-for-change", TANDEM_CHANGE_STAGE_CASE_FOR_CHANGE },
    { "long-list", TANDEM_CHANGE_STAGE_OPTIONS },
    { "evaluation-criteria", TANDEM_CHANGE_STAGE_OPTIONS },
    { "consultation-design", TANDEM_CHANGE_STAGE_PRE_CONSULTATION },
    { "decision", TANDEM_CHANGE_STAGE_DECISION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    {
      if (g_strcmp0 (key, map[i].key) == 0)
        {
          *found = TRUE;
          return map[i].stage;
        }
    }

  *found = FALSE;
  return TANDEM_CHANGE_STAGE_CASE_FOR_CHANGE;
}

static TandemLadderAgreement
agreement_of (const TandemLadderRow *row)
{
  if (row->claimed == TANDEM_LADDER_RUNG_NONE)
    return row->recorded == TANDEM_LADDER_RUNG_NONE ? TANDEM_LADDER_AGREEMENT_NOTHING
                                                    : TANDEM_LADDER_AGREEMENT_NO_CLAIM;
  if (row->recorded == TANDEM_LADDER_RUNG_NONE)
    return TANDEM_LADDER_AGREEMENT_NO_RECORD;
  if (row->claimed > row->recorded)
    return TANDEM_LADDER_AGREEMENT_CLAIM_ABOVE;
  if (row->claimed < row->recorded)
    return TANDEM_LADDER_AGREEMENT_CLAIM_BELOW;
  return TANDEM_LADDER_AGREEMENT_AGREES;
}

/**
 * tandem_ladder_profile_new:
 *
 * One row for each stage of the change, in order. When T5 answers two questions for one
 * stage (the long list and the evaluation criteria are both options), the row shows the
 * higher claim and its question, because that is the claim the record must bear out.
 *
 * Returns: (transfer full) (element-type TandemLadderRow): TANDEM_N_CHANGE_STAGES rows
 */
GArray *
tandem_ladder_profile_new (TandemDocument *document)
{
  GArray *rows;
  TandemList *activities;
  TandemList *checklists;

  g_return_val_if_fail (TANDEM_IS_DOCUMENT (document), NULL);

  rows = g_array_sized_new (FALSE, TRUE, sizeof (TandemLadderRow), TANDEM_N_CHANGE_STAGES);
  g_array_set_size (rows, TANDEM_N_CHANGE_STAGES);

  for (guint s = 0; s < TANDEM_N_CHANGE_STAGES; s++)
    g_array_index (rows, TandemLadderRow, s).stage = s;

  activities = tandem_document_get_activities (document);
  for (guint i = 0; i < tandem_list_get_n (activities); i++)
    {
      TandemActivity *activity = tandem_list_get (activities, i);
      TandemLadderRow *row = &g_array_index (rows, TandemLadderRow,
                                             tandem_activity_get_stage (activity));
      TandemLadderRung rung = tandem_activity_get_rung (activity);

      row->n_activities++;
      row->people += (guint)tandem_activity_get_participants (activity);
      row->n_at_rung[rung]++;
      if (rung > row->recorded)
        row->recorded = rung;
    }

  checklists = tandem_document_get_checklists (document);
  for (guint c = 0; c < tandem_list_get_n (checklists); c++)
    {
      TandemChecklist *checklist = tandem_list_get (checklists, c);
      TandemList *sections;

      if (g_strcmp0 (tandem_checklist_get_template_id (checklist), T5_TEMPLATE_ID) != 0)
        continue;

      sections = tandem_checklist_get_sections (checklist);
      for (guint s = 0; s < tandem_list_get_n (sections); s++)
        {
          TandemList *items = tandem_checklist_section_get_items (tandem_list_get (sections, s));

          for (guint i = 0; i < tandem_list_get_n (items); i++)
            {
              TandemChecklistItem *item = tandem_list_get (items, i);
              gboolean found;
              TandemChangeStage stage =
                tandem_ladder_stage_for_t5_key (tandem_checklist_item_get_key (item), &found);
              TandemLadderRow *row;
              TandemLadderRung claimed;

              if (!found || !tandem_checklist_item_get_uses_ladder (item))
                continue;

              row = &g_array_index (rows, TandemLadderRow, stage);
              claimed = tandem_checklist_item_get_ladder_rung (item);
              if (row->claim_item == NULL || claimed > row->claimed)
                {
                  row->claimed = claimed;
                  row->claim_item = item;
                }
            }
        }

      /* One self-assessment is the project's claim. */
      break;
    }

  for (guint s = 0; s < TANDEM_N_CHANGE_STAGES; s++)
    {
      TandemLadderRow *row = &g_array_index (rows, TandemLadderRow, s);

      row->agreement = agreement_of (row);
    }

  return rows;
}

/**
 * tandem_ladder_row_disagrees:
 *
 * Returns: %TRUE when the claim and the record disagree: the claim is above or below the
 *   highest rung recorded, or there is a claim and no record of any activity at a rung
 */
gboolean
tandem_ladder_row_disagrees (const TandemLadderRow *row)
{
  return row->agreement == TANDEM_LADDER_AGREEMENT_CLAIM_ABOVE ||
         row->agreement == TANDEM_LADDER_AGREEMENT_CLAIM_BELOW ||
         row->agreement == TANDEM_LADDER_AGREEMENT_NO_RECORD;
}

/**
 * tandem_ladder_row_describe:
 *
 * Returns: (transfer full): the row's agreement in a sentence
 */
char *
tandem_ladder_row_describe (const TandemLadderRow *row)
{
  const char *claimed = tandem_ladder_rung_to_label (row->claimed);
  const char *recorded = tandem_ladder_rung_to_label (row->recorded);

  switch (row->agreement)
    {
    case TANDEM_LADDER_AGREEMENT_NOTHING:
      /* Activities may be recorded with no rung: then "no activity" would not be true. */
      if (row->n_activities > 0)
        return g_strdup (_("No rung recorded for its activities and no self-assessment."));
      return g_strdup (_("No activity recorded and no self-assessment."));
    case TANDEM_LADDER_AGREEMENT_AGREES:
      return g_strdup_printf (_("The record bears out the self-assessment (%s)."), claimed);
    case TANDEM_LADDER_AGREEMENT_NO_CLAIM:
      return g_strdup_printf (_("Activities reached %s; the self-assessment says nothing "
                                "for this stage."), recorded);
    case TANDEM_LADDER_AGREEMENT_NO_RECORD:
      return g_strdup_printf (_("The self-assessment claims %s, but no activity at this "
                                "stage records a rung."), claimed);
    case TANDEM_LADDER_AGREEMENT_CLAIM_ABOVE:
      return g_strdup_printf (_("The self-assessment claims %s, but the highest rung any "
                                "activity reached is %s."), claimed, recorded);
    case TANDEM_LADDER_AGREEMENT_CLAIM_BELOW:
      return g_strdup_printf (_("The self-assessment claims %s, but an activity reached "
                                "%s."), claimed, recorded);
    default:
      return g_strdup ("");
    }
}

/* Themes */

/**
 * tandem_theme_get_flags:
 *
 * Returns: what the board should notice about @theme: no response, not fed back, or not
 *   adopted (wholly or in part) without a reason
 */
TandemThemeFlags
tandem_theme_get_flags (TandemTheme *theme)
{
  TandemThemeFlags flags = TANDEM_THEME_FLAG_NONE;
  TandemThemeResponse response;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (TANDEM_IS_THEME (theme), TANDEM_THEME_FLAG_NONE);

  response = tandem_theme_get_response (theme);
  reason = g_strstrip (g_strdup (tandem_theme_get_reason (theme)));

  if (response == TANDEM_THEME_RESPONSE_NONE)
    flags |= TANDEM_THEME_FLAG_NO_RESPONSE;
  if (tandem_theme_get_fed_back_date (theme)[0] == '\0')
    flags |= TANDEM_THEME_FLAG_NOT_FED_BACK;
  if ((response == TANDEM_THEME_RESPONSE_NOT_ADOPTED ||
       response == TANDEM_THEME_RESPONSE_PARTLY_ADOPTED) && reason[0] == '\0')
    flags |= TANDEM_THEME_FLAG_NO_REASON;

  return flags;
}

/**
 * tandem_theme_flags_describe:
 *
 * Returns: (transfer full): the flags in words, separated by "; ", or an empty string
 */
char *
tandem_theme_flags_describe (TandemThemeFlags flags)
{
  GString *text = g_string_new (NULL);

  if (flags & TANDEM_THEME_FLAG_NO_RESPONSE)
    g_string_append (text, _("No response recorded"));
  if (flags & TANDEM_THEME_FLAG_NO_REASON)
    g_string_append_printf (text, "%s%s", text->len ? "; " : "",
                            _("Not adopted, and no reason given"));
  if (flags & TANDEM_THEME_FLAG_NOT_FED_BACK)
    g_string_append_printf (text, "%s%s", text->len ? "; " : "",
                            _("Not fed back to the people who took part"));

  return g_string_free (text, FALSE);
}

/**
 * tandem_theme_check_response:
 *
 * What the window checks before it accepts a response: a theme not adopted (wholly or in
 * part) needs its reason. A file may hold such a theme (it is flagged, not refused), because
 * the reason may still be being written.
 *
 * Returns: %FALSE with a sentence when the reason is missing
 */
gboolean
tandem_theme_check_response (TandemTheme  *theme,
                             GError      **error)
{
  if (tandem_theme_get_flags (theme) & TANDEM_THEME_FLAG_NO_REASON)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The theme “%s” is not adopted in full, so it needs a reason: say why, "
                     "so that the people who raised it and the board can see it."),
                   tandem_theme_get_title (theme));
      return FALSE;
    }

  return TRUE;
}

/* Links */

typedef struct
{
  GHashTable *targets;  /* ids */
  GPtrArray  *links;
} LinkSearch;

static const char *
link_target (TandemObject *object)
{
  if (TANDEM_IS_ACTIVITY_GROUP (object))
    return tandem_activity_group_get_group (TANDEM_ACTIVITY_GROUP (object));
  if (TANDEM_IS_THEME_LINK (object))
    return tandem_theme_link_get_target (TANDEM_THEME_LINK (object));
  if (TANDEM_IS_EVIDENCE_LINK (object))
    return tandem_evidence_link_get_target (TANDEM_EVIDENCE_LINK (object));
  return NULL;
}

static void
search_list (TandemList *list,
             LinkSearch *search)
{
  for (guint i = 0; i < tandem_list_get_n (list); i++)
    {
      TandemObject *object = tandem_list_get (list, i);
      const char *target = link_target (object);

      if (target != NULL && target[0] != '\0' &&
          g_hash_table_contains (search->targets, target))
        g_ptr_array_add (search->links, g_object_ref (object));
    }
}

/* Every place a link can be: an activity's groups, a theme's links, an answer's evidence. */
static void
search_links (TandemDocument *document,
              LinkSearch     *search)
{
  TandemList *activities = tandem_document_get_activities (document);
  TandemList *themes = tandem_document_get_themes (document);
  TandemList *checklists = tandem_document_get_checklists (document);

  for (guint i = 0; i < tandem_list_get_n (activities); i++)
    search_list (tandem_activity_get_groups (tandem_list_get (activities, i)), search);

  for (guint i = 0; i < tandem_list_get_n (themes); i++)
    search_list (tandem_theme_get_links (tandem_list_get (themes, i)), search);

  for (guint c = 0; c < tandem_list_get_n (checklists); c++)
    {
      TandemList *sections = tandem_checklist_get_sections (tandem_list_get (checklists, c));

      for (guint s = 0; s < tandem_list_get_n (sections); s++)
        {
          TandemList *items = tandem_checklist_section_get_items (tandem_list_get (sections, s));

          for (guint i = 0; i < tandem_list_get_n (items); i++)
            search_list (tandem_checklist_item_get_links (tandem_list_get (items, i)), search);
        }
    }
}

/* Removes @object from the list of its parent that holds it, recorded in the open transaction. */
static void
remove_from_parent (TandemObject *object)
{
  TandemObject *owner = tandem_object_get_parent (object);
  GParamSpec **fields;
  guint n_fields;

  fields = tandem_object_class_list_fields (TANDEM_OBJECT_GET_CLASS (owner), &n_fields);
  for (guint f = 0; f < n_fields; f++)
    {
      if (tandem_param_get_field_kind (fields[f]) == TANDEM_FIELD_CHILDREN &&
          tandem_list_remove_object (tandem_object_get_list (owner, fields[f]), object))
        return;
    }
}

static void
add_id_cb (TandemObject *object,
           gpointer      user_data)
{
  g_hash_table_add (user_data, (gpointer)tandem_object_get_id (object));
}

/**
 * tandem_engagement_find_links_to:
 * @target: an object of @document; links to its descendants count too (a journey's steps)
 *
 * Returns: (transfer full) (element-type TandemObject): the links that point to @target or
 *   into it, from outside it: #TandemActivityGroup, #TandemThemeLink and #TandemEvidenceLink
 */
GPtrArray *
tandem_engagement_find_links_to (TandemDocument *document,
                                 TandemObject   *target)
{
  g_autoptr(GHashTable) targets = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *links = g_ptr_array_new_with_free_func (g_object_unref);
  LinkSearch search = { targets, found };

  g_return_val_if_fail (TANDEM_IS_DOCUMENT (document), links);
  g_return_val_if_fail (TANDEM_IS_OBJECT (target), links);

  _tandem_object_foreach (target, add_id_cb, targets);
  search_links (document, &search);

  /* A link inside what is removed goes with it. */
  for (guint i = 0; i < found->len; i++)
    {
      TandemObject *link = g_ptr_array_index (found, i);

      if (!tandem_object_is_ancestor (target, link))
        g_ptr_array_add (links, g_object_ref (link));
    }

  return links;
}

/**
 * tandem_engagement_describe_links:
 *
 * What removing @target would unlink, in a sentence for the confirmation, such as “2
 * activities, 1 theme and the evidence of 1 answer link to this. Removing it removes those
 * links; Undo brings both back.”
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL when nothing links to @target
 */
char *
tandem_engagement_describe_links (TandemDocument *document,
                                  TandemObject   *target)
{
  g_autoptr(GPtrArray) links = tandem_engagement_find_links_to (document, target);
  g_autoptr(GHashTable) activities = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) themes = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) answers = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n;

  if (links->len == 0)
    return NULL;

  for (guint i = 0; i < links->len; i++)
    {
      TandemObject *link = g_ptr_array_index (links, i);
      TandemObject *owner = tandem_object_get_parent (link);

      if (TANDEM_IS_ACTIVITY_GROUP (link))
        g_hash_table_add (activities, owner);
      else if (TANDEM_IS_THEME_LINK (link))
        g_hash_table_add (themes, owner);
      else
        g_hash_table_add (answers, owner);
    }

  if ((n = g_hash_table_size (activities)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity",
                                                          "%u activities", n), n));
  if ((n = g_hash_table_size (themes)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u theme",
                                                          "%u themes", n), n));
  if ((n = g_hash_table_size (answers)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "the evidence of %u answer",
                                                          "the evidence of %u answers", n),
                                             n));

  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        g_string_append (text, i + 1 == parts->len ? _(" and ") : ", ");
      g_string_append (text, g_ptr_array_index (parts, i));
    }

  /* The verb agrees with what links: "1 theme links", "2 themes link", "1 activity and 1
   * theme link", and "the evidence of 2 answers links" (the evidence is one). */
  if (parts->len > 1 ||
      g_hash_table_size (activities) > 1 || g_hash_table_size (themes) > 1)
    /* TRANSLATORS: %s is a list such as "2 activities, 1 theme and the evidence of 1 answer" */
    g_string_append (text, _(" link to this."));
  else
    /* TRANSLATORS: after "1 theme" or "the evidence of 2 answers" */
    g_string_append (text, _(" links to this."));

  return g_strdup_printf ("%s %s", text->str,
                          links->len == 1
                            ? _("Removing it removes that link; Undo brings both back.")
                            : _("Removing it removes those links; Undo brings both back."));
}

/**
 * tandem_engagement_remove:
 * @object: an activity, group, theme, step, quote or any other object with a parent list
 * @label: the undo label
 *
 * Removes @object and every link to it in one undo step.
 */
void
tandem_engagement_remove (TandemDocument *document,
                          TandemObject   *object,
                          const char     *label)
{
  g_autoptr(GPtrArray) links = NULL;
  TandemObject *parent;

  g_return_if_fail (TANDEM_IS_DOCUMENT (document));
  g_return_if_fail (TANDEM_IS_OBJECT (object));

  parent = tandem_object_get_parent (object);
  g_return_if_fail (parent != NULL);

  links = tandem_engagement_find_links_to (document, object);

  tandem_document_begin (document, label);

  for (guint i = 0; i < links->len; i++)
    remove_from_parent (g_ptr_array_index (links, i));

  remove_from_parent (object);

  tandem_document_commit (document);
}

/**
 * _tandem_engagement_drop_dangling_links:
 *
 * Called as a transaction commits: when it removed objects (a journey step, a quote, a whole
 * journey, by any editor), the links that pointed to them are removed in the same transaction,
 * so that the file never refers to what is gone and undo brings back both.
 */
void
_tandem_engagement_drop_dangling_links (TandemDocument    *document,
                                        TandemTransaction *transaction)
{
  g_autoptr(GHashTable) targets = NULL;
  g_autoptr(GPtrArray) found = NULL;
  guint n = tandem_transaction_get_n_changes (transaction);
  LinkSearch search;

  for (guint i = 0; i < n; i++)
    {
      const TandemChange *change = tandem_transaction_get_change (transaction, i);

      if (change->kind != TANDEM_CHANGE_REMOVE)
        continue;
      /* Still (or again) in the document: moved, not removed. */
      if (tandem_document_lookup (document, tandem_object_get_id (change->object)) != NULL)
        continue;
      if (targets == NULL)
        targets = g_hash_table_new (g_str_hash, g_str_equal);
      _tandem_object_foreach (change->object, add_id_cb, targets);
    }

  if (targets == NULL)
    return;

  found = g_ptr_array_new_with_free_func (g_object_unref);
  search.targets = targets;
  search.links = found;
  search_links (document, &search);

  for (guint i = 0; i < found->len; i++)
    remove_from_parent (g_ptr_array_index (found, i));
}

typedef struct
{
  TandemDocument *document;
  GPtrArray      *links;
} BrokenSearch;

static void
find_broken (TandemList   *list,
             BrokenSearch *search)
{
  for (guint i = 0; i < tandem_list_get_n (list); i++)
    {
      TandemObject *object = tandem_list_get (list, i);
      const char *target = link_target (object);

      if (target != NULL && target[0] != '\0' &&
          tandem_document_lookup (search->document, target) == NULL)
        g_ptr_array_add (search->links, g_object_ref (object));
    }
}

/**
 * tandem_engagement_drop_broken_links:
 *
 * Removes, in the open transaction, every link whose target is not in @document: after a merge
 * has taken another copy's evidence links, say, to a step that copy has and this one does not.
 *
 * Returns: how many links were removed
 */
guint
tandem_engagement_drop_broken_links (TandemDocument *document)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_object_unref);
  BrokenSearch search = { document, links };
  TandemList *activities = tandem_document_get_activities (document);
  TandemList *themes = tandem_document_get_themes (document);
  TandemList *checklists = tandem_document_get_checklists (document);

  for (guint i = 0; i < tandem_list_get_n (activities); i++)
    find_broken (tandem_activity_get_groups (tandem_list_get (activities, i)), &search);
  for (guint i = 0; i < tandem_list_get_n (themes); i++)
    find_broken (tandem_theme_get_links (tandem_list_get (themes, i)), &search);
  for (guint c = 0; c < tandem_list_get_n (checklists); c++)
    {
      TandemList *sections = tandem_checklist_get_sections (tandem_list_get (checklists, c));

      for (guint s = 0; s < tandem_list_get_n (sections); s++)
        {
          TandemList *items = tandem_checklist_section_get_items (tandem_list_get (sections, s));

          for (guint i = 0; i < tandem_list_get_n (items); i++)
            find_broken (tandem_checklist_item_get_links (tandem_list_get (items, i)), &search);
        }
    }

  for (guint i = 0; i < links->len; i++)
    remove_from_parent (g_ptr_array_index (links, i));

  return links->len;
}
