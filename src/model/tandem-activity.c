/* tandem-activity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-activity"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-activity-group.h"
#include "tandem-activity-file.h"
#include "tandem-enums.h"
#include "tandem-field-macros.h"
#include "tandem-group.h"

#include "tandem-activity.h"

/*
 * One engagement activity of the project: a workshop, a survey, an outreach visit. It keeps
 * counts only (how many took part), never who: Tandem stores no participant's name or contact.
 * The groups it reached are child objects that refer to the project's groups, so that a group
 * can be renamed in one place; the support offered is one yes-or-no field per kind of support,
 * which reads plainly in the file and in JSON.
 */

struct _TandemActivity
{
  TandemObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemActivity, tandem_activity, TANDEM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DATE,
  PROP_STAGE,
  PROP_METHOD,
  PROP_PLACE,
  PROP_PARTICIPANTS,
  PROP_SUPPORT_PAYMENT,
  PROP_SUPPORT_TRAVEL,
  PROP_SUPPORT_CHILDCARE,
  PROP_SUPPORT_INTERPRETER,
  PROP_SUPPORT_BSL,
  PROP_SUPPORT_EASY_READ,
  PROP_SUPPORT_ACCESSIBLE_VENUE,
  PROP_SUPPORT_ONLINE_OPTION,
  PROP_SUPPORT_EVENING_OR_WEEKEND,
  PROP_RUNG,
  PROP_NOTES,
  PROP_GROUPS,
  PROP_ATTACHMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tandem_activity_class_init (TandemActivityClass *klass)
{
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  tandem_object_class_set_kind (tandem_class, "activity");

  properties[PROP_TITLE] = TANDEM_PARAM_STRING ("title", TANDEM_FIELD_TEXT);
  properties[PROP_DATE] = TANDEM_PARAM_STRING ("date", TANDEM_FIELD_DATE);
  properties[PROP_STAGE] = TANDEM_PARAM_ENUM ("stage", TANDEM_TYPE_CHANGE_STAGE, TANDEM_CHANGE_STAGE_CASE_FOR_CHANGE);
  properties[PROP_METHOD] = TANDEM_PARAM_ENUM ("method", TANDEM_TYPE_ENGAGEMENT_METHOD, TANDEM_ENGAGEMENT_METHOD_WORKSHOP);
  properties[PROP_PLACE] = TANDEM_PARAM_STRING ("place", TANDEM_FIELD_TEXT);
  properties[PROP_PARTICIPANTS] = TANDEM_PARAM_INT ("participants", 0, TANDEM_ACTIVITY_MAX_PARTICIPANTS, 0);
  properties[PROP_SUPPORT_PAYMENT] = TANDEM_PARAM_BOOLEAN ("support-payment", FALSE);
  properties[PROP_SUPPORT_TRAVEL] = TANDEM_PARAM_BOOLEAN ("support-travel", FALSE);
  properties[PROP_SUPPORT_CHILDCARE] = TANDEM_PARAM_BOOLEAN ("support-childcare", FALSE);
  properties[PROP_SUPPORT_INTERPRETER] = TANDEM_PARAM_BOOLEAN ("support-interpreter", FALSE);
  properties[PROP_SUPPORT_BSL] = TANDEM_PARAM_BOOLEAN ("support-bsl", FALSE);
  properties[PROP_SUPPORT_EASY_READ] = TANDEM_PARAM_BOOLEAN ("support-easy-read", FALSE);
  properties[PROP_SUPPORT_ACCESSIBLE_VENUE] = TANDEM_PARAM_BOOLEAN ("support-accessible-venue", FALSE);
  properties[PROP_SUPPORT_ONLINE_OPTION] = TANDEM_PARAM_BOOLEAN ("support-online-option", FALSE);
  properties[PROP_SUPPORT_EVENING_OR_WEEKEND] = TANDEM_PARAM_BOOLEAN ("support-evening-or-weekend", FALSE);
  properties[PROP_RUNG] = TANDEM_PARAM_ENUM ("rung", TANDEM_TYPE_LADDER_RUNG, TANDEM_LADDER_RUNG_NONE);
  properties[PROP_NOTES] = TANDEM_PARAM_STRING ("notes", TANDEM_FIELD_LONG_TEXT);
  properties[PROP_GROUPS] = tandem_param_children ("groups", NULL, TANDEM_TYPE_ACTIVITY_GROUP);
  properties[PROP_ATTACHMENTS] = tandem_param_children ("attachments", NULL, TANDEM_TYPE_ACTIVITY_FILE);

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);
}

static void
tandem_activity_init (TandemActivity *self)
{
}

TandemActivity *
tandem_activity_new (void)
{
  return g_object_new (TANDEM_TYPE_ACTIVITY, NULL);
}

TANDEM_STRING_FIELD (TandemActivity, tandem_activity, title, PROP_TITLE)
TANDEM_STRING_FIELD (TandemActivity, tandem_activity, date, PROP_DATE)
TANDEM_SCALAR_FIELD (TandemActivity, tandem_activity, stage, PROP_STAGE, TandemChangeStage, enum)
TANDEM_SCALAR_FIELD (TandemActivity, tandem_activity, method, PROP_METHOD, TandemEngagementMethod, enum)
TANDEM_STRING_FIELD (TandemActivity, tandem_activity, place, PROP_PLACE)
TANDEM_SCALAR_FIELD (TandemActivity, tandem_activity, participants, PROP_PARTICIPANTS, int, int)
TANDEM_SCALAR_FIELD (TandemActivity, tandem_activity, rung, PROP_RUNG, TandemLadderRung, enum)
TANDEM_STRING_FIELD (TandemActivity, tandem_activity, notes, PROP_NOTES)
TANDEM_LIST_FIELD (TandemActivity, tandem_activity, groups, PROP_GROUPS)
TANDEM_LIST_FIELD (TandemActivity, tandem_activity, attachments, PROP_ATTACHMENTS)

/**
 * tandem_activity_support_pspec:
 * @one: exactly one kind of support
 *
 * Returns: (transfer none): the yes-or-no field that keeps @one, or %NULL
 */
GParamSpec *
tandem_activity_support_pspec (TandemSupport one)
{
  /* The class of a static type lives as long as the program once made. */
  g_type_class_unref (g_type_class_ref (TANDEM_TYPE_ACTIVITY));

  for (guint i = 0; i < TANDEM_N_SUPPORTS; i++)
    {
      if (one == (TandemSupport)(1u << i))
        return properties[PROP_SUPPORT_PAYMENT + i];
    }

  return NULL;
}

gboolean
tandem_activity_has_support (TandemActivity *self,
                             TandemSupport   one)
{
  GParamSpec *pspec = tandem_activity_support_pspec (one);

  g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), FALSE);
  g_return_val_if_fail (pspec != NULL, FALSE);

  return tandem_object_get_boolean (TANDEM_OBJECT (self), pspec);
}

void
tandem_activity_set_has_support (TandemActivity *self,
                                 TandemSupport   one,
                                 gboolean        offered)
{
  GParamSpec *pspec = tandem_activity_support_pspec (one);

  g_return_if_fail (TANDEM_IS_ACTIVITY (self));
  g_return_if_fail (pspec != NULL);

  tandem_object_set_boolean (TANDEM_OBJECT (self), pspec, offered);
}

/**
 * tandem_activity_get_support:
 *
 * Returns: every kind of support offered, as flags
 */
TandemSupport
tandem_activity_get_support (TandemActivity *self)
{
  TandemSupport support = TANDEM_SUPPORT_NONE;

  g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), TANDEM_SUPPORT_NONE);

  for (guint i = 0; i < TANDEM_N_SUPPORTS; i++)
    {
      if (tandem_object_get_boolean (TANDEM_OBJECT (self), properties[PROP_SUPPORT_PAYMENT + i]))
        support |= 1u << i;
    }

  return support;
}

/**
 * tandem_activity_set_support:
 *
 * Sets every yes-or-no field of support at once; call inside a transaction so that undo takes
 * them back together.
 */
void
tandem_activity_set_support (TandemActivity *self,
                             TandemSupport   support)
{
  g_return_if_fail (TANDEM_IS_ACTIVITY (self));

  for (guint i = 0; i < TANDEM_N_SUPPORTS; i++)
    tandem_object_set_boolean (TANDEM_OBJECT (self), properties[PROP_SUPPORT_PAYMENT + i],
                               (support & (1u << i)) != 0);
}

gboolean
tandem_activity_reaches_group (TandemActivity *self,
                               TandemGroup    *group)
{
  TandemList *groups;

  g_return_val_if_fail (TANDEM_IS_ACTIVITY (self), FALSE);
  g_return_val_if_fail (TANDEM_IS_GROUP (group), FALSE);

  groups = tandem_activity_get_groups (self);
  for (guint i = 0; i < tandem_list_get_n (groups); i++)
    {
      TandemActivityGroup *link = tandem_list_get (groups, i);

      if (g_strcmp0 (tandem_activity_group_get_group (link),
                     tandem_object_get_id (TANDEM_OBJECT (group))) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * tandem_activity_set_reaches_group:
 *
 * Adds or removes the activity's reference to @group; call inside a transaction.
 */
void
tandem_activity_set_reaches_group (TandemActivity *self,
                                   TandemGroup    *group,
                                   gboolean        reached)
{
  TandemList *groups;
  const char *id;

  g_return_if_fail (TANDEM_IS_ACTIVITY (self));
  g_return_if_fail (TANDEM_IS_GROUP (group));

  groups = tandem_activity_get_groups (self);
  id = tandem_object_get_id (TANDEM_OBJECT (group));

  for (guint i = tandem_list_get_n (groups); i > 0; i--)
    {
      TandemActivityGroup *link = tandem_list_get (groups, i - 1);

      if (g_strcmp0 (tandem_activity_group_get_group (link), id) == 0)
        {
          if (reached)
            return;
          tandem_list_remove (groups, i - 1);
        }
    }

  if (reached)
    {
      g_autoptr(TandemActivityGroup) link = tandem_activity_group_new ();

      tandem_activity_group_set_group (link, id);
      tandem_list_append (groups, link);
    }
}
