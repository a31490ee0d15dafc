/* tandem-activity-file.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"
#include "tandem-list.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_ACTIVITY_FILE (tandem_activity_file_get_type ())

G_DECLARE_FINAL_TYPE (TandemActivityFile, tandem_activity_file, TANDEM, ACTIVITY_FILE, TandemObject)

TandemActivityFile *tandem_activity_file_new (void);
const char *tandem_activity_file_get_name (TandemActivityFile *self);
void tandem_activity_file_set_name (TandemActivityFile *self,
    const char *value);
int tandem_activity_file_get_size (TandemActivityFile *self);
void tandem_activity_file_set_size (TandemActivityFile *self,
    int value);
const char *tandem_activity_file_get_content_type (TandemActivityFile *self);
void tandem_activity_file_set_content_type (TandemActivityFile *self,
    const char *value);
const char *tandem_activity_file_get_blob (TandemActivityFile *self);
void tandem_activity_file_set_blob (TandemActivityFile *self,
    const char *value);

G_END_DECLS
