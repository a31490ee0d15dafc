/* tandem-builtin-groups.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tandem-document.h"
#include "tandem-group.h"

G_BEGIN_DECLS

GPtrArray *tandem_builtin_groups_parse  (GBytes          *bytes,
                                         GError         **error);
GPtrArray *tandem_builtin_groups_get    (void);
guint      tandem_builtin_groups_add_to (TandemDocument  *document);

G_END_DECLS
