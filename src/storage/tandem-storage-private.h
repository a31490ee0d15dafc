/* tandem-storage-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "tandem-snapshot.h"
#include "tandem-storage.h"

G_BEGIN_DECLS

/* The most model objects (steps, connectors, questions and the rest) Tandem opens from one
 * file, .tandem or JSON. Both readers count before they build anything, so a file over the
 * limit is refused in a moment, not after it was read whole. */
#define TANDEM_MAX_OBJECTS 1000000

void                   _tandem_storage_set_too_many_objects (GError **error);

/* The json-glib tree of text tandem_json_check_syntax() accepted (tandem-json-tree.c). */
JsonNode              *_tandem_json_build_tree (const char *data,
                                                gsize       length);

/* How one kind of model object maps to a table and to JSON: computed once from the model's
 * class fields, walking down from TandemDocument. */
typedef struct _TandemKindInfo TandemKindInfo;

struct _TandemKindInfo
{
  GType                 type;
  const char           *kind;         /* table name and JSON object name */
  const TandemKindInfo *parent;       /* NULL for the project */
  GParamSpec           *parent_list;  /* the parent's children field that holds this kind */
  GPtrArray            *columns;      /* GParamSpec*: saved fields that are not children */
  GPtrArray            *column_names; /* char*: columns in SQL/JSON spelling (a_b) */
  GArray               *column_kinds; /* TandemFieldKind of each column */
  GPtrArray            *lists;        /* GParamSpec*: children fields */
  GPtrArray            *list_names;   /* char* */
  GPtrArray            *list_kinds;   /* TandemKindInfo* of the children, same order */
};

const TandemKindInfo *const *_tandem_storage_get_kinds   (guint *n_kinds);
const TandemKindInfo        *_tandem_storage_lookup_kind (GType  type);

/* Schema scripts and checks (tandem-schema.c) */
typedef struct
{
  const char *const *scripts;  /* scripts[0] creates version 1, scripts[i] migrates i to i+1 */
  guint              n_scripts;
} TandemSchemaSet;

const TandemSchemaSet *_tandem_schema_get_default     (void);
gboolean               _tandem_schema_create          (sqlite3                *db,
                                                       const TandemSchemaSet  *set,
                                                       int                     version,
                                                       GError                **error);
gboolean               _tandem_schema_migrate         (sqlite3                *db,
                                                       const TandemSchemaSet  *set,
                                                       int                     from_version,
                                                       int                     to_version,
                                                       GError                **error);
gboolean               _tandem_schema_matches         (sqlite3                *db,
                                                       const TandemSchemaSet  *set,
                                                       int                     version,
                                                       char                  **difference,
                                                       GError                **error);
void                   _tandem_storage_harden         (sqlite3                *db);
gboolean               _tandem_sqlite_exec            (sqlite3                *db,
                                                       const char             *sql,
                                                       GError                **error);

/* Loading from an open database (tandem-storage.c); used by tests with synthetic schemas. */
TandemDocument        *_tandem_storage_read_database  (sqlite3                *db,
                                                       const char             *display_name,
                                                       GError                **error);

/* Links an older Tandem allowed, kept as text when a file is opened (tandem-kept-links.c). */
void                   _tandem_storage_keep_links_as_text (TandemDocument *document);

/* Snapshots (tandem-snapshot.h): a copy of the document's saved fields made on the main
 * thread, written to a new SQLite file on a worker thread (tandem-snapshot.c). */
guint64                _tandem_snapshot_get_state     (TandemSnapshot  *snapshot);
gboolean               _tandem_snapshot_write         (TandemSnapshot  *snapshot,
                                                       const char      *path,
                                                       GCancellable    *cancellable,
                                                       GError         **error);

/* Writes a snapshot to @path atomically (temporary file, sync, rename). */
gboolean               _tandem_storage_write_snapshot (TandemSnapshot  *snapshot,
                                                       const char      *path,
                                                       GCancellable    *cancellable,
                                                       GError         **error);

/* Finishing touches on a document after it was read (ids unique, references resolve,
 * validate() on every object); shared by the SQLite and JSON readers. */
gboolean               _tandem_storage_check_document (TandemDocument  *document,
                                                       GError         **error);
gboolean               _tandem_storage_set_column     (GObject         *object,
                                                       GParamSpec      *pspec,
                                                       GValue          *value,
                                                       GError         **error);

const char *_tandem_storage_kind_words (const char *kind);

G_END_DECLS
