/* tandem-vote.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_VOTE (tandem_vote_get_type ())

G_DECLARE_FINAL_TYPE (TandemVote, tandem_vote, TANDEM, VOTE, TandemObject)

TandemVote    *tandem_vote_new         (TandemFeeling  feeling,
                                        const char    *label);
TandemFeeling  tandem_vote_get_feeling (TandemVote    *self);
void           tandem_vote_set_feeling (TandemVote    *self,
                                        TandemFeeling  value);
const char    *tandem_vote_get_label   (TandemVote    *self);
void           tandem_vote_set_label   (TandemVote    *self,
                                        const char    *value);

G_END_DECLS
