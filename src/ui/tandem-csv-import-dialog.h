/* tandem-csv-import-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-csv.h"
#include "tandem-document.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CSV_IMPORT_DIALOG (tandem_csv_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TandemCsvImportDialog, tandem_csv_import_dialog, TANDEM,
                      CSV_IMPORT_DIALOG, AdwWindow)

GtkWidget *tandem_csv_import_dialog_new      (GtkWindow       *parent,
                                              TandemCsvImport *import,
                                              const char      *display_name);
void       tandem_csv_import_dialog_choose   (GtkWindow       *parent,
                                              TandemDocument  *document);
void       tandem_csv_export_choose          (GtkWindow       *parent,
                                              TandemDocument  *document,
                                              gboolean         themes);

G_END_DECLS
