/* tandem-quote.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-quote"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-enums.h"
#include "tandem-field-macros.h"

#include "tandem-quote.h"

/*
 * The exact words of a person about a step, with who said it (a role, never a name unless consented).
 */

struct _TandemQuote
{
  TandemObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemQuote, tandem_quote, TANDEM_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_SPEAKER_ROLE,
  PROP_CONSENT,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tandem_quote_class_init (TandemQuoteClass *klass)
{
  TandemObjectClass *tandem_class = TANDEM_OBJECT_CLASS (klass);

  tandem_object_class_set_kind (tandem_class, "quote");

  properties[PROP_TEXT] = TANDEM_PARAM_STRING ("text", TANDEM_FIELD_LONG_TEXT);
  properties[PROP_SPEAKER_ROLE] = TANDEM_PARAM_STRING ("speaker-role", TANDEM_FIELD_TEXT);
  properties[PROP_CONSENT] = TANDEM_PARAM_BOOLEAN ("consent", FALSE);
  properties[PROP_SESSION] = TANDEM_PARAM_STRING ("session", TANDEM_FIELD_TEXT);

  tandem_object_class_install_fields (tandem_class, N_PROPS, properties);
}

static void
tandem_quote_init (TandemQuote *self)
{
}

TandemQuote *
tandem_quote_new (void)
{
  return g_object_new (TANDEM_TYPE_QUOTE, NULL);
}

TANDEM_STRING_FIELD (TandemQuote, tandem_quote, text, PROP_TEXT)
TANDEM_STRING_FIELD (TandemQuote, tandem_quote, speaker_role, PROP_SPEAKER_ROLE)
TANDEM_SCALAR_FIELD (TandemQuote, tandem_quote, consent, PROP_CONSENT, gboolean, boolean)
TANDEM_STRING_FIELD (TandemQuote, tandem_quote, session, PROP_SESSION)
