/* tandem-lock.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TANDEM_LOCK_ERROR (tandem_lock_error_quark ())

typedef enum
{
  TANDEM_LOCK_ERROR_HELD,    /* someone else has the document open */
  TANDEM_LOCK_ERROR_FAILED,  /* the lock file could not be written (a read-only folder) */
} TandemLockError;

#define TANDEM_TYPE_LOCK (tandem_lock_get_type ())

G_DECLARE_FINAL_TYPE (TandemLock, tandem_lock, TANDEM, LOCK, GObject)

GQuark      tandem_lock_error_quark    (void);

GFile      *tandem_lock_file_for       (GFile                *document);
TandemLock *tandem_lock_take           (GFile                *document,
                                        const char           *display_name,
                                        TandemLock          **holder,
                                        GError              **error);
void        tandem_lock_take_async     (GFile                *document,
                                        const char           *display_name,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
TandemLock *tandem_lock_take_finish    (GAsyncResult         *result,
                                        TandemLock          **holder,
                                        char                **stamp,
                                        GError              **error);
TandemLock *tandem_lock_read           (GFile                *document,
                                        GError              **error);
gboolean    tandem_lock_release        (TandemLock           *self,
                                        GError              **error);

const char *tandem_lock_get_name       (TandemLock           *self);
const char *tandem_lock_get_login      (TandemLock           *self);
const char *tandem_lock_get_host       (TandemLock           *self);
gint64      tandem_lock_get_pid        (TandemLock           *self);
GDateTime  *tandem_lock_get_since      (TandemLock           *self);
gboolean    tandem_lock_is_ours        (TandemLock           *self);
gboolean    tandem_lock_is_stale       (TandemLock           *self);
char       *tandem_lock_describe       (TandemLock           *self);

char       *tandem_lock_stamp_document (GFile                *document,
                                        GError              **error);
gboolean    tandem_lock_stamp_matches  (const char           *stamp,
                                        GFile                *document,
                                        char                **current,
                                        GError              **error);

G_END_DECLS
