/* tandem-engagement.h: what the engagement record says, computed once for every view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-types.h"

G_BEGIN_DECLS

/* Words for the engagement values, translated. */
const char *tandem_change_stage_to_label       (TandemChangeStage      stage);
const char *tandem_engagement_method_to_label  (TandemEngagementMethod method);
const char *tandem_support_to_label            (TandemSupport          one);
const char *tandem_theme_response_to_label     (TandemThemeResponse    response);
char       *tandem_support_describe            (TandemSupport          support);

/* The reach matrix: the project's groups (rows, in the document's order) against the stages
 * of the change (columns), with the number of activities that reached the group at the stage
 * and the number of people who took part in them. An activity that reached several groups
 * counts its people under each: the log keeps counts per activity, not per group. */
typedef struct
{
  guint activities;
  guint people;
} TandemReachCell;

typedef struct _TandemReach TandemReach;

TandemReach           *tandem_reach_new           (TandemDocument *document);
void                   tandem_reach_free          (TandemReach    *reach);
guint                  tandem_reach_get_n_groups  (TandemReach    *reach);
TandemGroup           *tandem_reach_get_group     (TandemReach    *reach,
                                                   guint           row);
const TandemReachCell *tandem_reach_get_cell      (TandemReach    *reach,
                                                   guint           row,
                                                   TandemChangeStage stage);
TandemReachCell        tandem_reach_get_total     (TandemReach    *reach,
                                                   guint           row);
guint                  tandem_reach_get_unassigned (TandemReach   *reach);
char                  *tandem_reach_dup_gap       (TandemReach    *reach,
                                                   guint           row);
GPtrArray             *tandem_reach_dup_gaps      (TandemReach    *reach);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemReach, tandem_reach_free)

/* The ladder profile: for each stage of the change, the highest rung the activities reached,
 * beside the rung claimed in T5's self-assessment (the checklist made from the template
 * t5-ladder-of-coproduction), so the board sees where the claim and the record disagree. */
typedef enum
{
  TANDEM_LADDER_AGREEMENT_NOTHING,           /* no claim and no activity */
  TANDEM_LADDER_AGREEMENT_AGREES,            /* the claim is the highest rung recorded */
  TANDEM_LADDER_AGREEMENT_NO_CLAIM,          /* activities, but no claim for the stage */
  TANDEM_LADDER_AGREEMENT_NO_RECORD,         /* a claim, but no activity with a rung */
  TANDEM_LADDER_AGREEMENT_CLAIM_ABOVE,       /* the claim is higher than any activity */
  TANDEM_LADDER_AGREEMENT_CLAIM_BELOW,       /* an activity reached higher than claimed */
} TandemLadderAgreement;

typedef struct
{
  TandemChangeStage      stage;
  guint                  n_activities;
  guint                  people;
  TandemLadderRung       recorded;    /* highest rung of the stage's activities */
  guint                  n_at_rung[TANDEM_LADDER_RUNG_CO_PRODUCTION + 1];
  TandemLadderRung       claimed;     /* T5's answer, NONE when not assessed */
  TandemChecklistItem   *claim_item;  /* (nullable) (transfer none) the T5 question */
  TandemLadderAgreement  agreement;
} TandemLadderRow;

GArray     *tandem_ladder_profile_new            (TandemDocument *document);
char       *tandem_ladder_row_describe           (const TandemLadderRow *row);
gboolean    tandem_ladder_row_disagrees          (const TandemLadderRow *row);
TandemChangeStage tandem_ladder_stage_for_t5_key (const char     *key,
                                                  gboolean       *found);

/* Flags of a theme that the board should see. */
typedef enum
{
  TANDEM_THEME_FLAG_NONE = 0,
  TANDEM_THEME_FLAG_NO_RESPONSE = 1 << 0,     /* no response recorded */
  TANDEM_THEME_FLAG_NOT_FED_BACK = 1 << 1,    /* not fed back to the people who took part */
  TANDEM_THEME_FLAG_NO_REASON = 1 << 2,       /* not adopted (or partly), with no reason */
} TandemThemeFlags;

TandemThemeFlags tandem_theme_get_flags       (TandemTheme     *theme);
char            *tandem_theme_flags_describe  (TandemThemeFlags flags);
gboolean         tandem_theme_check_response  (TandemTheme     *theme,
                                               GError         **error);

/* Links between objects: an activity's groups, a theme's sources, quotes and steps, and an
 * answer's evidence. Removing something that is linked says what links to it; removing it
 * removes the links in the same undo step, so undo restores both. */
GPtrArray *tandem_engagement_find_links_to    (TandemDocument *document,
                                               TandemObject   *target);
char      *tandem_engagement_describe_links   (TandemDocument *document,
                                               TandemObject   *target);
void       tandem_engagement_remove           (TandemDocument *document,
                                               TandemObject   *object,
                                               const char     *label);
guint      tandem_engagement_drop_broken_links (TandemDocument *document);
void       _tandem_engagement_drop_dangling_links (TandemDocument    *document,
                                                   TandemTransaction *transaction);

G_END_DECLS
