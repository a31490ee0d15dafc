/* tandem-template.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tandem-checklist.h"
#include "tandem-document.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_TEMPLATE (tandem_template_get_type ())

G_DECLARE_FINAL_TYPE (TandemTemplate, tandem_template, TANDEM, TEMPLATE, GObject)

/* "format" of a checklist template in the JSON interchange format. */
#define TANDEM_TEMPLATE_FORMAT "tandem-template"

/* The oldest "version" a template can have: checklists arrived in schema version 2. */
#define TANDEM_TEMPLATE_MIN_VERSION 2

/* The largest template file Tandem reads; the built-in ones are about 10 kB. */
#define TANDEM_TEMPLATE_MAX_SIZE (1024 * 1024)

/* How deeply a template may nest: project, checklist, section, item and their lists. */
#define TANDEM_TEMPLATE_MAX_DEPTH 16

TandemTemplate  *tandem_template_new_from_data    (const char       *data,
                                                   gsize             length,
                                                   GError          **error);
TandemTemplate  *tandem_template_new_from_file    (GFile            *file,
                                                   GError          **error);
GListModel      *tandem_template_get_builtin      (void);
TandemTemplate  *tandem_template_find_builtin     (const char       *template_id);

const char      *tandem_template_get_id           (TandemTemplate   *self);
int              tandem_template_get_version      (TandemTemplate   *self);
const char      *tandem_template_get_title        (TandemTemplate   *self);
const char      *tandem_template_get_description  (TandemTemplate   *self);
const char      *tandem_template_get_source       (TandemTemplate   *self);
guint            tandem_template_get_n_items      (TandemTemplate   *self);
TandemChecklist *tandem_template_get_checklist    (TandemTemplate   *self);
guint            tandem_template_get_n_conditions (TandemTemplate   *self);
void             tandem_template_get_condition    (TandemTemplate   *self,
                                                   guint             index,
                                                   const char      **key,
                                                   const char      **label);

TandemChecklist *tandem_template_instantiate      (TandemTemplate   *self,
                                                   TandemDocument   *document,
                                                   const char       *undo_label);

char            *tandem_template_write_checklist  (TandemChecklist  *checklist,
                                                   gsize            *length,
                                                   GError          **error);
char            *tandem_template_write            (TandemTemplate   *self,
                                                   gsize            *length,
                                                   GError          **error);
gboolean         tandem_template_export           (TandemChecklist  *checklist,
                                                   GFile            *file,
                                                   GError          **error);
void             tandem_template_clear_answers    (TandemChecklist  *checklist);

void             tandem_template_import_async     (GFile               *file,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
TandemTemplate  *tandem_template_import_finish    (GAsyncResult        *result,
                                                   GError             **error);
void             tandem_template_export_async     (TandemChecklist     *checklist,
                                                   GFile               *file,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean         tandem_template_export_finish    (GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
