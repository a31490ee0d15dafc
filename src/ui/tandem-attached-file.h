/* tandem-attached-file.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-document.h"

G_BEGIN_DECLS

void tandem_open_attached_file (GtkWidget      *widget,
                                TandemDocument *document,
                                const char     *blob,
                                const char     *name,
                                const char     *content_type);

G_END_DECLS
