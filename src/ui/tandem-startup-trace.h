/* tandem-startup-trace.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean tandem_startup_trace_enabled (void);
void     tandem_startup_trace_mark    (const char *what);
void     tandem_startup_trace_frame   (GtkWidget  *window,
                                       const char *what,
                                       gboolean    last);

G_END_DECLS
