/* tandem-evidence-link.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-object.h"
#include "tandem-list.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_EVIDENCE_LINK (tandem_evidence_link_get_type ())

G_DECLARE_FINAL_TYPE (TandemEvidenceLink, tandem_evidence_link, TANDEM, EVIDENCE_LINK, TandemObject)

TandemEvidenceLink *tandem_evidence_link_new       (void);
const char         *tandem_evidence_link_get_uri   (TandemEvidenceLink *self);
void                tandem_evidence_link_set_uri   (TandemEvidenceLink *self,
                                                    const char *value);
const char         *tandem_evidence_link_get_title (TandemEvidenceLink *self);
void                tandem_evidence_link_set_title (TandemEvidenceLink *self,
                                                    const char *value);
const char         *tandem_evidence_link_get_target (TandemEvidenceLink *self);
void                tandem_evidence_link_set_target (TandemEvidenceLink *self,
                                                     const char *value);
gboolean            tandem_evidence_link_check_target (TandemDocument  *document,
                                                       const char      *target,
                                                       GError         **error);
gboolean            tandem_evidence_link_check_uri (const char  *uri,
                                                    GError     **error);
gboolean            tandem_evidence_link_can_open  (TandemEvidenceLink *self);
char               *tandem_evidence_link_dup_kept_text (TandemEvidenceLink *self);

G_END_DECLS
