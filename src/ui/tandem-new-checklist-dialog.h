/* tandem-new-checklist-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-document.h"
#include "tandem-template.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_NEW_CHECKLIST_DIALOG (tandem_new_checklist_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TandemNewChecklistDialog, tandem_new_checklist_dialog, TANDEM, NEW_CHECKLIST_DIALOG, AdwWindow)

TandemNewChecklistDialog *tandem_new_checklist_dialog_new         (GtkWindow                *parent,
                                                                   TandemDocument           *document);
TandemTemplate           *tandem_new_checklist_dialog_get_selected (TandemNewChecklistDialog *self);
void                      tandem_new_checklist_dialog_select      (TandemNewChecklistDialog *self,
                                                                   TandemTemplate           *template);
void                      tandem_new_checklist_dialog_import_file_async
                                                          (TandemNewChecklistDialog  *self,
                                                           GFile                     *file,
                                                           GAsyncReadyCallback        callback,
                                                           gpointer                   user_data);
gboolean                  tandem_new_checklist_dialog_import_file_finish
                                                          (TandemNewChecklistDialog  *self,
                                                           GAsyncResult              *result,
                                                           GError                   **error);

G_END_DECLS
