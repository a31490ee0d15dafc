/* tandem-appendix.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-document.h"
#include "tandem-flow.h"

G_BEGIN_DECLS

/**
 * TandemAppendixOptions:
 * @date: (nullable): the date shown on the cover and in the PDF's metadata, YYYY-MM-DD;
 *   %NULL for SOURCE_DATE_EPOCH when it is set, otherwise today
 *
 * What goes into the appendix; everything by default.
 */
typedef struct
{
  gboolean    summary;
  gboolean    checklists;
  gboolean    decisions;
  gboolean    journeys;
  gboolean    measures;
  gboolean    step_lists;
  gboolean    quotes;
  gboolean    audit;
  gboolean    engagement_log;
  gboolean    reach;
  gboolean    ladder;
  gboolean    you_said;
  TandemPaper figure_paper;
  char       *date;
  GStrv       chosen_checklists;  /* (nullable): titles or 1-based numbers; NULL: all */
} TandemAppendixOptions;

void        tandem_appendix_options_init       (TandemAppendixOptions        *options);
void        tandem_appendix_options_clear      (TandemAppendixOptions        *options);
gboolean    tandem_appendix_options_set_parts  (TandemAppendixOptions        *options,
                                                const char                   *parts,
                                                GError                      **error);
gboolean    tandem_appendix_options_set_date   (TandemAppendixOptions        *options,
                                                const char                   *date,
                                                GError                      **error);
gboolean    tandem_appendix_options_set_paper  (TandemAppendixOptions        *options,
                                                const char                   *paper,
                                                GError                      **error);
gboolean    tandem_appendix_options_set_checklists (TandemAppendixOptions    *options,
                                                const char                   *list,
                                                GError                      **error);
gboolean    tandem_appendix_options_check_checklists (const TandemAppendixOptions *options,
                                                TandemDocument               *document,
                                                GError                      **error);
const char *tandem_appendix_parts_help         (void);
guint       tandem_appendix_get_n_parts        (void);
const char *tandem_appendix_get_part_title     (guint                         part);
const char *tandem_appendix_get_part_description (guint                       part);
gboolean    tandem_appendix_options_get_part   (const TandemAppendixOptions  *options,
                                                guint                         part);
void        tandem_appendix_options_set_part   (TandemAppendixOptions        *options,
                                                guint                         part,
                                                gboolean                      included);

TandemFlow *tandem_appendix_build              (TandemDocument               *document,
                                                const TandemAppendixOptions  *options);
gboolean    tandem_appendix_write_pdf          (TandemDocument               *document,
                                                const TandemAppendixOptions  *options,
                                                const char                   *path,
                                                GError                      **error);

void        tandem_appendix_export_async       (TandemDocument               *document,
                                                const TandemAppendixOptions  *options,
                                                GFile                        *file,
                                                GCancellable                 *cancellable,
                                                TandemFlowProgressFunc        progress,
                                                gpointer                      progress_data,
                                                GAsyncReadyCallback           callback,
                                                gpointer                      user_data);
gboolean    tandem_appendix_export_finish      (GAsyncResult                 *result,
                                                GError                      **error);
void        tandem_appendix_build_async        (TandemDocument               *document,
                                                const TandemAppendixOptions  *options,
                                                GCancellable                 *cancellable,
                                                GAsyncReadyCallback           callback,
                                                gpointer                      user_data);
TandemFlow *tandem_appendix_build_finish       (GAsyncResult                 *result,
                                                GError                      **error);

G_END_DECLS
