/* tandem-merge-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-merge.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_MERGE_DIALOG (tandem_merge_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TandemMergeDialog, tandem_merge_dialog, TANDEM, MERGE_DIALOG, AdwWindow)

TandemMergeDialog *tandem_merge_dialog_new       (GtkWindow         *parent,
                                                  TandemMerge       *merge,
                                                  const char        *source_name);
TandemMerge       *tandem_merge_dialog_get_merge (TandemMergeDialog *self);
void               tandem_merge_dialog_apply_async  (TandemMergeDialog   *self,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean           tandem_merge_dialog_apply_finish (TandemMergeDialog   *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

G_END_DECLS
