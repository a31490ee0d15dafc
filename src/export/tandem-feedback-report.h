/* tandem-feedback-report.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-document.h"
#include "tandem-flow.h"

G_BEGIN_DECLS

gboolean    tandem_feedback_report_check      (TandemDocument       *document,
                                               GError              **error);
TandemFlow *tandem_feedback_report_build      (TandemDocument       *document,
                                               const char           *date);
gboolean    tandem_feedback_report_write_pdf  (TandemDocument       *document,
                                               const char           *date,
                                               const char           *path,
                                               GError              **error);
void        tandem_feedback_report_export_async  (TandemDocument       *document,
                                                  GFile                *file,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean    tandem_feedback_report_export_finish (GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
