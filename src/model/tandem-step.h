/* tandem-step.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"
#include "tandem-list.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_STEP (tandem_step_get_type ())

G_DECLARE_FINAL_TYPE (TandemStep, tandem_step, TANDEM, STEP, TandemObject)

TandemStep   *tandem_step_new                  (void);
const char   *tandem_step_get_title            (TandemStep *self);
void          tandem_step_set_title            (TandemStep *self,
                                                const char *value);
const char   *tandem_step_get_description      (TandemStep *self);
void          tandem_step_set_description      (TandemStep *self,
                                                const char *value);
const char   *tandem_step_get_role             (TandemStep *self);
void          tandem_step_set_role             (TandemStep *self,
                                                const char *value);
const char   *tandem_step_get_place            (TandemStep *self);
void          tandem_step_set_place            (TandemStep *self,
                                                const char *value);
double        tandem_step_get_duration_minutes (TandemStep *self);
void          tandem_step_set_duration_minutes (TandemStep *self,
                                                double value);
double        tandem_step_get_wait_minutes     (TandemStep *self);
void          tandem_step_set_wait_minutes     (TandemStep *self,
                                                double value);
TandemTimeUnit tandem_step_get_duration_unit  (TandemStep *self);
void          tandem_step_set_duration_unit    (TandemStep *self,
                                                TandemTimeUnit value);
TandemTimeUnit tandem_step_get_wait_unit      (TandemStep *self);
void          tandem_step_set_wait_unit        (TandemStep *self,
                                                TandemTimeUnit value);
TandemFeeling tandem_step_get_feeling          (TandemStep *self);
gboolean      tandem_step_set_feeling          (TandemStep *self,
                                                TandemFeeling value);
gboolean      tandem_step_get_touchpoint       (TandemStep *self);
void          tandem_step_set_touchpoint       (TandemStep *self,
                                                gboolean value);
gboolean      tandem_step_get_pain_point       (TandemStep *self);
void          tandem_step_set_pain_point       (TandemStep *self,
                                                gboolean value);
const char   *tandem_step_get_stage            (TandemStep *self);
void          tandem_step_set_stage            (TandemStep *self,
                                                const char *value);
const char   *tandem_step_get_lane             (TandemStep *self);
void          tandem_step_set_lane             (TandemStep *self,
                                                const char *value);
double        tandem_step_get_order            (TandemStep *self);
void          tandem_step_set_order            (TandemStep *self,
                                                double value);
TandemList   *tandem_step_get_quotes           (TandemStep *self);
TandemList   *tandem_step_get_votes            (TandemStep *self);
TandemVote   *tandem_step_add_vote             (TandemStep    *self,
                                                TandemFeeling  feeling,
                                                const char    *label);

/**
 * TandemFeelingSpread:
 * @n_votes: how many votes the step holds
 * @counts: the number of votes for each feeling, indexed by #TandemFeeling
 * @lowest: the worst feeling given
 * @highest: the best feeling given
 * @median: the median vote, the lower middle one when @n_votes is even
 * @median_value: the exact median, as a #TandemFeeling value that may end in .5
 *
 * The feelings of several people about one step. With no votes, the feelings are
 * %TANDEM_FEELING_UNKNOWN and the counts 0.
 */
typedef struct
{
  guint         n_votes;
  guint         counts[TANDEM_FEELING_VERY_GOOD + 1];
  TandemFeeling lowest;
  TandemFeeling highest;
  TandemFeeling median;
  double        median_value;
} TandemFeelingSpread;

gboolean      tandem_step_get_spread           (TandemStep          *self,
                                                TandemFeelingSpread *spread);

#define TANDEM_STEP_MAX_MINUTES 5256000.0

double          tandem_time_unit_minutes       (TandemTimeUnit  unit);
gboolean        tandem_time_parse              (const char     *text,
                                                TandemTimeUnit  unit,
                                                double         *minutes,
                                                GError        **error);
char           *tandem_time_format_exact       (double          minutes,
                                                TandemTimeUnit  unit);
TandemTimeUnit  tandem_time_unit_for_minutes   (double          minutes);

G_END_DECLS
