/* tandem-activity.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"
#include "tandem-list.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_ACTIVITY (tandem_activity_get_type ())

G_DECLARE_FINAL_TYPE (TandemActivity, tandem_activity, TANDEM, ACTIVITY, TandemObject)

/* The most people one activity can record; a survey of a whole area stays well below. */
#define TANDEM_ACTIVITY_MAX_PARTICIPANTS 10000000

TandemActivity         *tandem_activity_new              (void);
const char             *tandem_activity_get_title        (TandemActivity *self);
void                    tandem_activity_set_title        (TandemActivity *self,
                                                          const char     *value);
const char             *tandem_activity_get_date         (TandemActivity *self);
void                    tandem_activity_set_date         (TandemActivity *self,
                                                          const char     *value);
TandemChangeStage       tandem_activity_get_stage        (TandemActivity *self);
void                    tandem_activity_set_stage        (TandemActivity *self,
                                                          TandemChangeStage value);
TandemEngagementMethod  tandem_activity_get_method       (TandemActivity *self);
void                    tandem_activity_set_method       (TandemActivity *self,
                                                          TandemEngagementMethod value);
const char             *tandem_activity_get_place        (TandemActivity *self);
void                    tandem_activity_set_place        (TandemActivity *self,
                                                          const char     *value);
int                     tandem_activity_get_participants (TandemActivity *self);
void                    tandem_activity_set_participants (TandemActivity *self,
                                                          int             value);
TandemLadderRung        tandem_activity_get_rung         (TandemActivity *self);
void                    tandem_activity_set_rung         (TandemActivity *self,
                                                          TandemLadderRung value);
const char             *tandem_activity_get_notes        (TandemActivity *self);
void                    tandem_activity_set_notes        (TandemActivity *self,
                                                          const char     *value);
TandemSupport           tandem_activity_get_support      (TandemActivity *self);
void                    tandem_activity_set_support      (TandemActivity *self,
                                                          TandemSupport   support);
gboolean                tandem_activity_has_support      (TandemActivity *self,
                                                          TandemSupport   one);
void                    tandem_activity_set_has_support  (TandemActivity *self,
                                                          TandemSupport   one,
                                                          gboolean        offered);
GParamSpec             *tandem_activity_support_pspec    (TandemSupport   one);
TandemList             *tandem_activity_get_groups       (TandemActivity *self);
TandemList             *tandem_activity_get_attachments  (TandemActivity *self);
gboolean                tandem_activity_reaches_group    (TandemActivity *self,
                                                          TandemGroup    *group);
void                    tandem_activity_set_reaches_group (TandemActivity *self,
                                                          TandemGroup    *group,
                                                          gboolean        reached);

G_END_DECLS
