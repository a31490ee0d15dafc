/* tandem-labels.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-types.h"

G_BEGIN_DECLS

/* Words for the model's values, translated, as every view shows them: the window, the
 * appendix, the audit trail. Colour is never shown without its word. */
const char *tandem_item_status_to_label  (TandemItemStatus    status);
const char *tandem_rag_to_label          (TandemRag           rag);
guint32     tandem_rag_to_rgb            (TandemRag           rag);
const char *tandem_decision_to_label     (TandemDecision      decision);
const char *tandem_ladder_rung_to_label  (TandemLadderRung    rung);
const char *tandem_feeling_to_label      (TandemFeeling       feeling);
const char *tandem_feeling_to_score_text     (TandemFeeling       feeling);
const char *tandem_project_status_to_label (TandemProjectStatus status);
const char *tandem_paper_purpose_to_label (TandemPaperPurpose purpose);
const char *tandem_connector_kind_to_label (TandemConnectorKind kind);
char       *tandem_format_minutes        (double              minutes);
char       *tandem_format_timestamp      (const char         *timestamp);
char       *tandem_format_local_timestamp (const char        *timestamp);
char       *tandem_format_date           (const char         *iso_date);
char       *tandem_format_short_date     (const char         *iso_date);
char       *tandem_parse_date            (const char         *text,
                                          GError            **error);
char       *tandem_audit_entry_describe  (TandemAuditEntry   *entry);

G_END_DECLS
