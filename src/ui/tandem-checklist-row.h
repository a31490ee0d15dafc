/* tandem-checklist-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-object.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CHECKLIST_ROW (tandem_checklist_row_get_type ())

G_DECLARE_FINAL_TYPE (TandemChecklistRow, tandem_checklist_row, TANDEM, CHECKLIST_ROW, AdwBin)

GtkWidget    *tandem_checklist_row_new        (void);
TandemObject *tandem_checklist_row_get_object (TandemChecklistRow *self);
void          tandem_checklist_row_set_object (TandemChecklistRow *self,
                                               TandemObject       *object);

G_END_DECLS
