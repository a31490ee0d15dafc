/* tandem-condition.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CONDITION (tandem_condition_get_type ())

G_DECLARE_FINAL_TYPE (TandemCondition, tandem_condition, TANDEM, CONDITION, TandemObject)

TandemCondition *tandem_condition_new         (const char      *key,
                                               const char      *label);
const char      *tandem_condition_get_key     (TandemCondition *self);
const char      *tandem_condition_get_label   (TandemCondition *self);
void             tandem_condition_set_label   (TandemCondition *self,
                                               const char      *label);
gboolean         tandem_condition_get_enabled (TandemCondition *self);
void             tandem_condition_set_enabled (TandemCondition *self,
                                               gboolean         enabled);
gboolean         tandem_condition_key_is_valid (const char     *key);

G_END_DECLS
