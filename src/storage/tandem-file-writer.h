/* tandem-file-writer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Use the mode of the file being replaced, or 0666 less the umask for a new file. */
#define TANDEM_FILE_WRITER_KEEP_MODE (-1)

typedef struct _TandemFileWriter TandemFileWriter;

TandemFileWriter *tandem_file_writer_new           (const char        *path,
                                                    int                mode,
                                                    GError           **error);
int               tandem_file_writer_get_fd        (TandemFileWriter  *writer);
const char       *tandem_file_writer_get_temp_path (TandemFileWriter  *writer);
const char       *tandem_file_writer_get_target    (TandemFileWriter  *writer);
int               tandem_file_writer_get_errno     (TandemFileWriter  *writer);
gboolean          tandem_file_writer_write         (TandemFileWriter  *writer,
                                                    const void        *data,
                                                    gsize              size,
                                                    GError           **error);
gboolean          tandem_file_writer_commit        (TandemFileWriter  *writer,
                                                    GError           **error);
void              tandem_file_writer_free          (TandemFileWriter  *writer);

gboolean          tandem_file_write_contents       (const char        *path,
                                                    const void        *data,
                                                    gsize              size,
                                                    int                mode,
                                                    GError           **error);
gboolean          tandem_file_replace_contents     (GFile             *file,
                                                    const void        *data,
                                                    gsize              size,
                                                    GError           **error);
guint             tandem_file_writer_clean_stale   (const char        *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemFileWriter, tandem_file_writer_free)

G_END_DECLS
