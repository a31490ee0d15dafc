/* tandem-appendix-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-appendix.h"
#include "tandem-document.h"

G_BEGIN_DECLS

typedef enum
{
  TANDEM_APPENDIX_DIALOG_EXPORT,
  TANDEM_APPENDIX_DIALOG_PRINT,
} TandemAppendixDialogPurpose;

#define TANDEM_TYPE_APPENDIX_DIALOG (tandem_appendix_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TandemAppendixDialog, tandem_appendix_dialog, TANDEM, APPENDIX_DIALOG, AdwWindow)

TandemAppendixDialog *tandem_appendix_dialog_new         (GtkWindow                   *parent,
                                                          TandemDocument              *document,
                                                          TandemAppendixDialogPurpose  purpose);
void                  tandem_appendix_dialog_get_options (TandemAppendixDialog        *self,
                                                          TandemAppendixOptions       *options);
void                  tandem_appendix_dialog_export_to_file (TandemAppendixDialog     *self,
                                                          GFile                       *file);
GCancellable         *tandem_appendix_dialog_get_cancellable (TandemAppendixDialog    *self);

void                  tandem_appendix_print              (GtkWindow                   *parent,
                                                          TandemDocument              *document,
                                                          const TandemAppendixOptions *options,
                                                          gboolean                     preview);

gboolean              tandem_appendix_print_to_file      (GtkWindow                   *parent,
                                                          TandemDocument              *document,
                                                          const TandemAppendixOptions *options,
                                                          const char                  *path,
                                                          GError                     **error);

G_END_DECLS
