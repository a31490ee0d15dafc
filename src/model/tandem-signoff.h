/* tandem-signoff.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"
#include "tandem-list.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_SIGNOFF (tandem_signoff_get_type ())

G_DECLARE_FINAL_TYPE (TandemSignoff, tandem_signoff, TANDEM, SIGNOFF, TandemObject)

TandemSignoff *tandem_signoff_new             (void);
const char    *tandem_signoff_get_name        (TandemSignoff *self);
void           tandem_signoff_set_name        (TandemSignoff *self,
                                               const char *value);
const char    *tandem_signoff_get_role        (TandemSignoff *self);
void           tandem_signoff_set_role        (TandemSignoff *self,
                                               const char *value);
const char    *tandem_signoff_get_date        (TandemSignoff *self);
void           tandem_signoff_set_date        (TandemSignoff *self,
                                               const char *value);
const char    *tandem_signoff_get_declaration (TandemSignoff *self);
void           tandem_signoff_set_declaration (TandemSignoff *self,
                                               const char *value);
const char    *tandem_signoff_get_signed_at   (TandemSignoff *self);
void           tandem_signoff_set_signed_at   (TandemSignoff *self,
                                               const char *value);
const char    *tandem_signoff_get_voided_at   (TandemSignoff *self);
void           tandem_signoff_set_voided_at   (TandemSignoff *self,
                                               const char *value);
const char    *tandem_signoff_get_void_reason (TandemSignoff *self);
void           tandem_signoff_set_void_reason (TandemSignoff *self,
                                               const char *value);
const char    *tandem_signoff_get_reason      (TandemSignoff *self);
void           tandem_signoff_set_reason      (TandemSignoff *self,
                                               const char *value);
const char    *tandem_signoff_get_answers_hash (TandemSignoff *self);
void           tandem_signoff_set_answers_hash (TandemSignoff *self,
                                                const char *value);

G_END_DECLS
