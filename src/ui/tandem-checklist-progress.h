/* tandem-checklist-progress.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-checklist.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CHECKLIST_PROGRESS (tandem_checklist_progress_get_type ())

G_DECLARE_FINAL_TYPE (TandemChecklistProgress, tandem_checklist_progress, TANDEM, CHECKLIST_PROGRESS, GtkWidget)

GtkWidget       *tandem_checklist_progress_new           (TandemChecklist         *checklist);
TandemChecklist *tandem_checklist_progress_get_checklist (TandemChecklistProgress *self);
void             tandem_checklist_progress_update        (TandemChecklistProgress *self);

GtkWidget       *tandem_checklist_sidebar_row_content    (TandemChecklist         *checklist);

G_END_DECLS
