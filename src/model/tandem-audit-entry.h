/* tandem-audit-entry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"
#include "tandem-list.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_AUDIT_ENTRY (tandem_audit_entry_get_type ())

G_DECLARE_FINAL_TYPE (TandemAuditEntry, tandem_audit_entry, TANDEM, AUDIT_ENTRY, TandemObject)

TandemAuditEntry *tandem_audit_entry_new            (void);
const char       *tandem_audit_entry_get_timestamp  (TandemAuditEntry *self);
void              tandem_audit_entry_set_timestamp  (TandemAuditEntry *self,
                                                     const char *value);
const char       *tandem_audit_entry_get_who        (TandemAuditEntry *self);
void              tandem_audit_entry_set_who        (TandemAuditEntry *self,
                                                     const char *value);
const char       *tandem_audit_entry_get_subject_id (TandemAuditEntry *self);
void              tandem_audit_entry_set_subject_id (TandemAuditEntry *self,
                                                     const char *value);
const char       *tandem_audit_entry_get_subject    (TandemAuditEntry *self);
void              tandem_audit_entry_set_subject    (TandemAuditEntry *self,
                                                     const char *value);
const char       *tandem_audit_entry_get_field      (TandemAuditEntry *self);
void              tandem_audit_entry_set_field      (TandemAuditEntry *self,
                                                     const char *value);
const char       *tandem_audit_entry_get_old_value  (TandemAuditEntry *self);
void              tandem_audit_entry_set_old_value  (TandemAuditEntry *self,
                                                     const char *value);
const char       *tandem_audit_entry_get_new_value  (TandemAuditEntry *self);
void              tandem_audit_entry_set_new_value  (TandemAuditEntry *self,
                                                     const char *value);

const char       *tandem_audit_entry_get_role       (TandemAuditEntry *self);
void              tandem_audit_entry_set_role       (TandemAuditEntry *self,
                                                     const char *value);
const char       *tandem_audit_entry_get_origin     (TandemAuditEntry *self);
void              tandem_audit_entry_set_origin     (TandemAuditEntry *self,
                                                     const char *value);
const char       *tandem_audit_entry_get_prev_hash  (TandemAuditEntry *self);
void              tandem_audit_entry_set_prev_hash  (TandemAuditEntry *self,
                                                     const char *value);
const char       *tandem_audit_entry_get_hash       (TandemAuditEntry *self);
void              tandem_audit_entry_set_hash       (TandemAuditEntry *self,
                                                     const char *value);

G_END_DECLS
