/* tandem-json.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "tandem-document.h"

G_BEGIN_DECLS

/* The JSON interchange format: "format": "tandem", "version": the schema version. */
#define TANDEM_JSON_FORMAT "tandem"

/* The largest JSON document Tandem reads, stored files included. */
#define TANDEM_JSON_MAX_SIZE (256 * 1024 * 1024)

char           *tandem_json_write_document (TandemDocument  *document,
                                            gsize           *length,
                                            GError         **error);
TandemDocument *tandem_json_read_document  (const char      *data,
                                            gsize            length,
                                            GError         **error);
gboolean        tandem_json_export         (TandemDocument  *document,
                                            GFile           *file,
                                            GError         **error);
TandemDocument *tandem_json_import         (GFile           *file,
                                            GError         **error);

/* Single objects (and their children) in the same format; used by templates and the clipboard. */
JsonNode       *tandem_json_serialize      (TandemObject    *object);
TandemObject   *tandem_json_deserialize    (JsonNode        *node,
                                            GType            type,
                                            const char      *path,
                                            GError         **error);
TandemObject   *tandem_json_deserialize_version (JsonNode    *node,
                                                 GType        type,
                                                 const char  *path,
                                                 gint64       version,
                                                 GError     **error);
gboolean        tandem_json_check_syntax   (const char      *data,
                                            gsize            length,
                                            guint            max_depth,
                                            GError         **error);
char           *tandem_json_schema_generate (void);
char           *tandem_json_to_string      (JsonNode        *node,
                                            gsize           *length);
void            tandem_json_renew_ids      (JsonNode        *node,
                                            GType            type,
                                            GHashTable      *ids);
void            tandem_json_relink         (JsonNode        *node,
                                            GType            type,
                                            GHashTable      *ids);

G_END_DECLS
