/* tandem-attachment-cache.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tandem-document.h"

G_BEGIN_DECLS

char  *tandem_attachment_cache_folder_for      (TandemDocument  *document);
char  *tandem_attachment_cache_write           (const char      *folder,
                                                const char      *hash,
                                                const char      *name,
                                                GBytes          *bytes,
                                                GError         **error);
void     tandem_attachment_cache_release_async   (TandemDocument       *document,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean tandem_attachment_cache_release_finish  (GAsyncResult         *result,
                                                  GError              **error);
guint    tandem_attachment_cache_clean_abandoned (void);
void     tandem_attachment_cache_clean_abandoned_async (GAsyncReadyCallback callback,
                                                        gpointer            user_data);

G_END_DECLS
