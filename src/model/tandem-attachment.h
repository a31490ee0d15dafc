/* tandem-attachment.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"
#include "tandem-list.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_ATTACHMENT (tandem_attachment_get_type ())

G_DECLARE_FINAL_TYPE (TandemAttachment, tandem_attachment, TANDEM, ATTACHMENT, TandemObject)

TandemAttachment *tandem_attachment_new              (void);
const char       *tandem_attachment_get_name         (TandemAttachment *self);
void              tandem_attachment_set_name         (TandemAttachment *self,
                                                      const char *value);
int               tandem_attachment_get_size         (TandemAttachment *self);
void              tandem_attachment_set_size         (TandemAttachment *self,
                                                      int value);
const char       *tandem_attachment_get_content_type (TandemAttachment *self);
void              tandem_attachment_set_content_type (TandemAttachment *self,
                                                      const char *value);
const char       *tandem_attachment_get_blob         (TandemAttachment *self);
void              tandem_attachment_set_blob         (TandemAttachment *self,
                                                      const char *value);

char             *tandem_attachment_clean_name       (const char *name);
char             *tandem_attachment_describe_risk    (const char *name,
                                                      const char *content_type);

G_END_DECLS
