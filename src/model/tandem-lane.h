/* tandem-lane.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"
#include "tandem-list.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_LANE (tandem_lane_get_type ())

G_DECLARE_FINAL_TYPE (TandemLane, tandem_lane, TANDEM, LANE, TandemObject)

TandemLane *tandem_lane_new        (void);
const char *tandem_lane_get_title  (TandemLane *self);
void        tandem_lane_set_title  (TandemLane *self,
                                    const char *value);
double      tandem_lane_get_height (TandemLane *self);
void        tandem_lane_set_height (TandemLane *self,
                                    double value);

G_END_DECLS
