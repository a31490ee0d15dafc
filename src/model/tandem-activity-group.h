/* tandem-activity-group.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"
#include "tandem-list.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_ACTIVITY_GROUP (tandem_activity_group_get_type ())

G_DECLARE_FINAL_TYPE (TandemActivityGroup, tandem_activity_group, TANDEM, ACTIVITY_GROUP, TandemObject)

TandemActivityGroup *tandem_activity_group_new (void);
const char *tandem_activity_group_get_group (TandemActivityGroup *self);
void tandem_activity_group_set_group (TandemActivityGroup *self,
    const char *value);

G_END_DECLS
