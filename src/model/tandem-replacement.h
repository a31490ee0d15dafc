/* tandem-replacement.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"
#include "tandem-list.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_REPLACEMENT (tandem_replacement_get_type ())

G_DECLARE_FINAL_TYPE (TandemReplacement, tandem_replacement, TANDEM, REPLACEMENT, TandemObject)

TandemReplacement *tandem_replacement_new             (void);
const char        *tandem_replacement_get_before_step (TandemReplacement *self);
void               tandem_replacement_set_before_step (TandemReplacement *self,
                                                       const char *value);
const char        *tandem_replacement_get_after_step  (TandemReplacement *self);
void               tandem_replacement_set_after_step  (TandemReplacement *self,
                                                       const char *value);

G_END_DECLS
