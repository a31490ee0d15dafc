/* tandem-stage.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"
#include "tandem-list.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_STAGE (tandem_stage_get_type ())

G_DECLARE_FINAL_TYPE (TandemStage, tandem_stage, TANDEM, STAGE, TandemObject)

TandemStage *tandem_stage_new       (void);
const char  *tandem_stage_get_title (TandemStage *self);
void         tandem_stage_set_title (TandemStage *self,
                                     const char *value);
double       tandem_stage_get_width (TandemStage *self);
void         tandem_stage_set_width (TandemStage *self,
                                     double value);

G_END_DECLS
