/* tandem-checklist-labels.h: words for the checklist model's values, shared by the
 * checklist page, the merge dialog and the sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-audit-entry.h"
#include "tandem-checklist.h"
#include "tandem-labels.h"
#include "tandem-checklist-item.h"

G_BEGIN_DECLS

const char *tandem_rag_css_class            (TandemRag               rag);
const char *tandem_ladder_rung_group        (TandemLadderRung        rung);

GtkWidget  *tandem_rag_pill_new             (void);
void        tandem_rag_pill_set             (GtkWidget              *pill,
                                             TandemRag               rag);

void        tandem_get_today                (GDate                  *today);
char       *tandem_progress_describe        (const TandemProgress   *progress);
char       *tandem_checklist_condition_label (TandemChecklistItem   *item);

G_END_DECLS
