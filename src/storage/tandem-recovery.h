/* tandem-recovery.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tandem-document.h"

G_BEGIN_DECLS

typedef struct _TandemRecoveryEntry TandemRecoveryEntry;

GPtrArray      *tandem_recovery_list_abandoned        (void);
const char     *tandem_recovery_entry_get_title       (TandemRecoveryEntry  *entry);
const char     *tandem_recovery_entry_get_original    (TandemRecoveryEntry  *entry);
char           *tandem_recovery_entry_describe_time   (TandemRecoveryEntry  *entry);
TandemDocument *tandem_recovery_entry_load            (TandemRecoveryEntry  *entry,
                                                       GError              **error);
void            tandem_recovery_entry_discard         (TandemRecoveryEntry  *entry);
void            tandem_recovery_entry_free            (TandemRecoveryEntry  *entry);

#define TANDEM_TYPE_RECOVERY (tandem_recovery_get_type ())

G_DECLARE_FINAL_TYPE (TandemRecovery, tandem_recovery, TANDEM, RECOVERY, GObject)

TandemRecovery *tandem_recovery_new                  (void);
TandemRecovery *tandem_recovery_new_adopting         (TandemRecoveryEntry  *entry);
const char     *tandem_recovery_get_path             (TandemRecovery       *self);
void            tandem_recovery_save_async           (TandemRecovery       *self,
                                                      TandemDocument       *document,
                                                      const char           *original_path,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean        tandem_recovery_save_finish          (TandemRecovery       *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void            tandem_recovery_discard              (TandemRecovery       *self);
gboolean        tandem_recovery_has_copy             (TandemRecovery       *self);

G_END_DECLS
