/* tandem-group.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"
#include "tandem-list.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_GROUP (tandem_group_get_type ())

G_DECLARE_FINAL_TYPE (TandemGroup, tandem_group, TANDEM, GROUP, TandemObject)

TandemGroup *tandem_group_new (void);
const char *tandem_group_get_name (TandemGroup *self);
void tandem_group_set_name (TandemGroup *self,
    const char *value);
const char *tandem_group_get_builtin_key (TandemGroup *self);
void tandem_group_set_builtin_key (TandemGroup *self,
    const char *value);
const char *tandem_group_get_description (TandemGroup *self);
void tandem_group_set_description (TandemGroup *self,
    const char *value);
gboolean tandem_group_get_most_affected (TandemGroup *self);
void tandem_group_set_most_affected (TandemGroup *self,
    gboolean value);
gboolean tandem_group_is_builtin (TandemGroup *self);

G_END_DECLS
