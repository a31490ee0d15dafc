/* tandem-csv.h: engagement logs kept in spreadsheets, in and out as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tandem-document.h"

G_BEGIN_DECLS

typedef struct _TandemCsvImport TandemCsvImport;

/* One problem of one row: @row is the spreadsheet's row number (the header is row 1). */
typedef struct
{
  guint  row;
  char  *column;
  char  *message;
} TandemCsvProblem;

TandemCsvImport        *tandem_csv_import_new              (TandemDocument   *document,
                                                            const char       *data,
                                                            gsize             size,
                                                            GError          **error);
void                    tandem_csv_import_free             (TandemCsvImport  *self);
guint                   tandem_csv_import_get_n_columns    (TandemCsvImport  *self);
const char             *tandem_csv_import_get_header       (TandemCsvImport  *self,
                                                            guint             column);
const char             *tandem_csv_import_get_match        (TandemCsvImport  *self,
                                                            guint             column);
char                   *tandem_csv_import_describe_column  (TandemCsvImport  *self,
                                                            guint             column);
guint                   tandem_csv_import_get_n_rows       (TandemCsvImport  *self);
guint                   tandem_csv_import_get_n_bad_rows   (TandemCsvImport  *self);
guint                   tandem_csv_import_get_n_problems   (TandemCsvImport  *self);
const TandemCsvProblem *tandem_csv_import_get_problem      (TandemCsvImport  *self,
                                                            guint             i);
char                   *tandem_csv_import_describe_problem (TandemCsvImport  *self,
                                                            guint             i);
GPtrArray              *tandem_csv_import_get_new_groups   (TandemCsvImport  *self);
char                   *tandem_csv_import_describe_new_groups (TandemCsvImport *self);
guint                   tandem_csv_import_apply            (TandemCsvImport  *self,
                                                            gboolean          leave_out_bad,
                                                            GError          **error);

GBytes                 *tandem_csv_export_activities       (TandemDocument   *document);
GBytes                 *tandem_csv_export_themes           (TandemDocument   *document);
gboolean                tandem_csv_write                   (GBytes           *csv,
                                                            const char       *path,
                                                            GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemCsvImport, tandem_csv_import_free)

G_END_DECLS
