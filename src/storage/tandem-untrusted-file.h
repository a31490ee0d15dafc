/* tandem-untrusted-file.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GBytes *tandem_untrusted_file_read        (GFile                *file,
                                           gsize                 max_size,
                                           const char           *what,
                                           char                **display_name,
                                           GCancellable         *cancellable,
                                           GError              **error);
void    tandem_untrusted_file_read_async  (GFile                *file,
                                           gsize                 max_size,
                                           const char           *what,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GBytes *tandem_untrusted_file_read_finish (GAsyncResult         *result,
                                           char                **display_name,
                                           GError              **error);

void    tandem_untrusted_stream_read_async  (GInputStream         *stream,
                                           gsize                 max_size,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GBytes *tandem_untrusted_stream_read_finish (GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
