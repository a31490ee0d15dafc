/* tandem-vote.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-vote"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "tandem-enums.h"
#include "tandem-field-macros.h"

#include "tandem-vote.h"

/*
 * One participant's feeling about a step, given anonymously (experience-based co-design polls
 * a room: "how did this step feel?"). A vote holds a feeling and, optionally, a label that
 * tells votes apart such as "Parent A"; never a name, which the interface says where the label
 * is typed. A step's feeling is the median of its votes (see tandem_step_get_feeling()).
 */

struct _TandemVote
{
  TandemObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemVote, tandem_vote, TANDEM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FEELING,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A vote is a feeling someone gave: "not recorded" is the absence of votes, not a vote. */
static gboolean
tandem_vote_validate (TandemObject  *object,
                      GError       **error)
{
  TandemVote *self = TANDEM_VOTE (object);

  if (tandem_vote_get_feeling (self) == TANDEM_FEELING_UNKNOWN)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("A vote on a step has no feeling; each vote must be a feeling from very "
                     "bad to very good (remove the vote if nobody gave one)."));
      return FALSE;
    }

  return TRUE;
}

static void
tandem_vote_class_init (TandemVoteClass *klass)
{
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  tandem_class->validate = tandem_vote_validate;

  tandem_object_class_set_kind (tandem_class, "vote");

  properties[PROP_FEELING] = TANDEM_PARAM_ENUM ("feeling", TANDEM_TYPE_FEELING, TANDEM_FEELING_UNKNOWN);
  properties[PROP_LABEL] = TANDEM_PARAM_STRING ("label", TANDEM_FIELD_TEXT);

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);
}

static void
tandem_vote_init (TandemVote *self)
{
}

/**
 * tandem_vote_new:
 * @feeling: the feeling given, not %TANDEM_FEELING_UNKNOWN
 * @label: (nullable): what tells this vote apart, such as "Parent A"; never a name
 */
TandemVote *
tandem_vote_new (TandemFeeling  feeling,
                 const char    *label)
{
  TandemVote *self = g_object_new (TANDEM_TYPE_VOTE, NULL);

  /* Not yet in a document, so these record nothing. */
  tandem_vote_set_feeling (self, feeling);
  if (label != NULL)
    tandem_vote_set_label (self, label);

  return self;
}

TANDEM_SCALAR_FIELD (TandemVote, tandem_vote, feeling, PROP_FEELING, TandemFeeling, enum)
TANDEM_STRING_FIELD (TandemVote, tandem_vote, label, PROP_LABEL)
