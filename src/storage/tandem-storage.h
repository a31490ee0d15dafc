/* tandem-storage.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tandem-document.h"

G_BEGIN_DECLS

/* The number in PRAGMA application_id that marks a SQLite file as a Tandem document: "TAND". */
#define TANDEM_APPLICATION_ID 0x54414E44

/* PRAGMA user_version of the files this build writes. */
#define TANDEM_SCHEMA_VERSION 6

/* A stored attachment may be at most this large. */
#define TANDEM_BLOB_MAX TANDEM_ATTACHMENT_MAX_SIZE

#define TANDEM_STORAGE_ERROR (tandem_storage_error_quark ())

typedef enum
{
  TANDEM_STORAGE_ERROR_NOT_FOUND,
  TANDEM_STORAGE_ERROR_IS_DIRECTORY,
  TANDEM_STORAGE_ERROR_NOT_TANDEM,
  TANDEM_STORAGE_ERROR_OTHER_PROGRAM,
  TANDEM_STORAGE_ERROR_NEWER_VERSION,
  TANDEM_STORAGE_ERROR_DAMAGED,
  TANDEM_STORAGE_ERROR_UNEXPECTED_SCHEMA,
  TANDEM_STORAGE_ERROR_INVALID_CONTENT,
  TANDEM_STORAGE_ERROR_READ_ONLY,
  TANDEM_STORAGE_ERROR_NO_SPACE,
  TANDEM_STORAGE_ERROR_FOLDER_MISSING,
  TANDEM_STORAGE_ERROR_TOO_LARGE,
  TANDEM_STORAGE_ERROR_FAILED,
} TandemStorageError;

GQuark          tandem_storage_error_quark     (void);

TandemDocument *tandem_storage_load            (GFile                *file,
                                                GCancellable         *cancellable,
                                                GError              **error);
void            tandem_storage_load_async      (GFile                *file,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
TandemDocument *tandem_storage_load_finish     (GAsyncResult         *result,
                                                GError              **error);
int             tandem_storage_peek_version    (GFile                *file,
                                                GError              **error);
guint           tandem_storage_get_links_kept_as_text (TandemDocument *document);

gboolean        tandem_storage_save            (TandemDocument       *document,
                                                GFile                *file,
                                                GCancellable         *cancellable,
                                                GError              **error);
void            tandem_storage_save_async      (TandemDocument       *document,
                                                GFile                *file,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean        tandem_storage_save_finish     (TandemDocument       *document,
                                                GAsyncResult         *result,
                                                GError              **error);

GBytes         *tandem_storage_read_blob       (TandemDocument       *document,
                                                const char           *hash,
                                                GError              **error);
char           *tandem_storage_dup_blob_source (TandemDocument       *document);
GBytes         *tandem_storage_read_blob_from_file (const char       *path,
                                                const char           *hash,
                                                GError              **error);
void            tandem_storage_read_blobs_async (TandemDocument      *document,
                                                const char * const   *hashes,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean        tandem_storage_read_blobs_finish (GAsyncResult       *result,
                                                GHashTable          **blobs,
                                                GError              **error);

G_END_DECLS
