/* tandem-audit-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-audit-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-enums.h"
#include "tandem-field-macros.h"

#include "tandem-audit-entry.h"

/*
 * One line of a checklist’s audit trail: who changed what, when, from what to what.
 */

struct _TandemAuditEntry
{
  TandemObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemAuditEntry, tandem_audit_entry, TANDEM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TIMESTAMP,
  PROP_WHO,
  PROP_SUBJECT_ID,
  PROP_SUBJECT,
  PROP_FIELD,
  PROP_OLD_VALUE,
  PROP_NEW_VALUE,
  PROP_ROLE,
  PROP_ORIGIN,
  PROP_PREV_HASH,
  PROP_HASH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tandem_audit_entry_class_init (TandemAuditEntryClass *klass)
{
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  tandem_object_class_set_kind (tandem_class, "audit_entry");

  properties[PROP_TIMESTAMP] = TANDEM_PARAM_STRING ("timestamp", TANDEM_FIELD_TIMESTAMP);
  properties[PROP_WHO] = TANDEM_PARAM_STRING ("who", TANDEM_FIELD_TEXT);
  properties[PROP_SUBJECT_ID] = TANDEM_PARAM_STRING ("subject-id", TANDEM_FIELD_TEXT);
  properties[PROP_SUBJECT] = TANDEM_PARAM_STRING ("subject", TANDEM_FIELD_TEXT);
  properties[PROP_FIELD] = TANDEM_PARAM_STRING ("field", TANDEM_FIELD_TEXT);
  properties[PROP_OLD_VALUE] = TANDEM_PARAM_STRING ("old-value", TANDEM_FIELD_LONG_TEXT);
  properties[PROP_NEW_VALUE] = TANDEM_PARAM_STRING ("new-value", TANDEM_FIELD_LONG_TEXT);

  properties[PROP_ROLE] = TANDEM_PARAM_STRING ("role", TANDEM_FIELD_TEXT);
  properties[PROP_ORIGIN] = TANDEM_PARAM_STRING ("origin", TANDEM_FIELD_TEXT);
  properties[PROP_PREV_HASH] = TANDEM_PARAM_STRING ("prev-hash", TANDEM_FIELD_TEXT);
  properties[PROP_HASH] = TANDEM_PARAM_STRING ("hash", TANDEM_FIELD_TEXT);

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);
}

static void
tandem_audit_entry_init (TandemAuditEntry *self)
{
}

TandemAuditEntry *
tandem_audit_entry_new (void)
{
  return g_object_new (TANDEM_TYPE_AUDIT_ENTRY, NULL);
}

TANDEM_STRING_FIELD (TandemAuditEntry, tandem_audit_entry, timestamp, PROP_TIMESTAMP)
TANDEM_STRING_FIELD (TandemAuditEntry, tandem_audit_entry, who, PROP_WHO)
TANDEM_STRING_FIELD (TandemAuditEntry, tandem_audit_entry, subject_id, PROP_SUBJECT_ID)
TANDEM_STRING_FIELD (TandemAuditEntry, tandem_audit_entry, subject, PROP_SUBJECT)
TANDEM_STRING_FIELD (TandemAuditEntry, tandem_audit_entry, field, PROP_FIELD)
TANDEM_STRING_FIELD (TandemAuditEntry, tandem_audit_entry, old_value, PROP_OLD_VALUE)
TANDEM_STRING_FIELD (TandemAuditEntry, tandem_audit_entry, new_value, PROP_NEW_VALUE)
TANDEM_STRING_FIELD (TandemAuditEntry, tandem_audit_entry, role, PROP_ROLE)
TANDEM_STRING_FIELD (TandemAuditEntry, tandem_audit_entry, origin, PROP_ORIGIN)
TANDEM_STRING_FIELD (TandemAuditEntry, tandem_audit_entry, prev_hash, PROP_PREV_HASH)
TANDEM_STRING_FIELD (TandemAuditEntry, tandem_audit_entry, hash, PROP_HASH)
