/* tandem-cli.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit statuses of the headless commands. */
typedef enum
{
  TANDEM_CLI_OK = 0,
  TANDEM_CLI_FAILED = 1,
  TANDEM_CLI_USAGE = 2,
  TANDEM_CLI_OLDER_FORMAT = 3,
  TANDEM_CLI_UNVERIFIED = 4,
  TANDEM_CLI_CONFLICTS = 5,
  TANDEM_CLI_PERSONAL_DATA = 6,
} TandemCliStatus;

typedef struct
{
  gboolean     check;
  char        *export_json;
  char        *import_json;
  char        *export_pdf;
  char        *export_feedback;
  char        *pdf_parts;
  char        *pdf_date;
  char        *pdf_paper;
  char        *pdf_checklists;
  char        *export_map;
  char        *journey;
  char        *map;
  char       **merge;
  char        *export_csv;
  char        *csv;
  char       **files;
} TandemCliOptions;

gboolean        tandem_cli_wants_headless (const TandemCliOptions *options);
TandemCliStatus tandem_cli_run            (const TandemCliOptions *options,
                                           GFile                  *cwd);

G_END_DECLS
