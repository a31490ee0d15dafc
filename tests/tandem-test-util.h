/* tandem-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-document.h"

G_BEGIN_DECLS

TandemDocument *tandem_test_generate_document (guint        n_objects);
char           *tandem_test_make_temp_dir     (void);
void            tandem_test_remove_tree       (const char  *path);
char           *tandem_test_build_path        (const char  *first,
                                               ...) G_GNUC_NULL_TERMINATED;
void            tandem_test_edit_title        (TandemDocument *document,
                                               const char     *title);
char           *tandem_test_require_program   (const char     *program,
                                               const char     *package);

G_END_DECLS
