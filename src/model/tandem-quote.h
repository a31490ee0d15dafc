/* tandem-quote.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"
#include "tandem-list.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_QUOTE (tandem_quote_get_type ())

G_DECLARE_FINAL_TYPE (TandemQuote, tandem_quote, TANDEM, QUOTE, TandemObject)

TandemQuote *tandem_quote_new              (void);
const char  *tandem_quote_get_text         (TandemQuote *self);
void         tandem_quote_set_text         (TandemQuote *self,
                                            const char *value);
const char  *tandem_quote_get_speaker_role (TandemQuote *self);
void         tandem_quote_set_speaker_role (TandemQuote *self,
                                            const char *value);
gboolean     tandem_quote_get_consent      (TandemQuote *self);
void         tandem_quote_set_consent      (TandemQuote *self,
                                            gboolean value);
const char  *tandem_quote_get_session      (TandemQuote *self);
void         tandem_quote_set_session      (TandemQuote *self,
                                            const char *value);

G_END_DECLS
