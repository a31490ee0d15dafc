/* tandem-signoff.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-signoff"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-enums.h"
#include "tandem-field-macros.h"

#include "tandem-signoff.h"

/*
 * A sign-off of a checklist; voided, not removed, when an answer changes after it.
 */

struct _TandemSignoff
{
  TandemObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemSignoff, tandem_signoff, TANDEM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ROLE,
  PROP_DATE,
  PROP_DECLARATION,
  PROP_SIGNED_AT,
  PROP_VOIDED_AT,
  PROP_VOID_REASON,
  PROP_REASON,
  PROP_ANSWERS_HASH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tandem_signoff_class_init (TandemSignoffClass *klass)
{
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  tandem_object_class_set_kind (tandem_class, "signoff");

  properties[PROP_NAME] = TANDEM_PARAM_STRING ("name", TANDEM_FIELD_TEXT);
  properties[PROP_ROLE] = TANDEM_PARAM_STRING ("role", TANDEM_FIELD_TEXT);
  properties[PROP_DATE] = TANDEM_PARAM_STRING ("date", TANDEM_FIELD_DATE);
  properties[PROP_DECLARATION] = TANDEM_PARAM_STRING ("declaration", TANDEM_FIELD_LONG_TEXT);
  properties[PROP_SIGNED_AT] = TANDEM_PARAM_STRING ("signed-at", TANDEM_FIELD_TIMESTAMP);
  properties[PROP_VOIDED_AT] = TANDEM_PARAM_STRING ("voided-at", TANDEM_FIELD_TIMESTAMP);
  properties[PROP_VOID_REASON] = TANDEM_PARAM_STRING ("void-reason", TANDEM_FIELD_TEXT);

  properties[PROP_REASON] = TANDEM_PARAM_STRING ("reason", TANDEM_FIELD_LONG_TEXT);
  properties[PROP_ANSWERS_HASH] = TANDEM_PARAM_STRING ("answers-hash", TANDEM_FIELD_TEXT);

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);
}

static void
tandem_signoff_init (TandemSignoff *self)
{
}

TandemSignoff *
tandem_signoff_new (void)
{
  return g_object_new (TANDEM_TYPE_SIGNOFF, NULL);
}

TANDEM_STRING_FIELD (TandemSignoff, tandem_signoff, name, PROP_NAME)
TANDEM_STRING_FIELD (TandemSignoff, tandem_signoff, role, PROP_ROLE)
TANDEM_STRING_FIELD (TandemSignoff, tandem_signoff, date, PROP_DATE)
TANDEM_STRING_FIELD (TandemSignoff, tandem_signoff, declaration, PROP_DECLARATION)
TANDEM_STRING_FIELD (TandemSignoff, tandem_signoff, signed_at, PROP_SIGNED_AT)
TANDEM_STRING_FIELD (TandemSignoff, tandem_signoff, voided_at, PROP_VOIDED_AT)
TANDEM_STRING_FIELD (TandemSignoff, tandem_signoff, void_reason, PROP_VOID_REASON)
TANDEM_STRING_FIELD (TandemSignoff, tandem_signoff, reason, PROP_REASON)
TANDEM_STRING_FIELD (TandemSignoff, tandem_signoff, answers_hash, PROP_ANSWERS_HASH)
