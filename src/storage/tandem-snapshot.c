/* tandem-snapshot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-snapshot"

#include "config.h"

#include <errno.h>
#include <sys/resource.h>

#include <glib/gi18n.h>

#include "tandem-document-private.h"
#include "tandem-object-private.h"
#include "tandem-snapshot.h"
#include "tandem-storage-private.h"

/*
 * A snapshot is a plain copy of every saved field, taken on the main thread in one pass (a
 * few milliseconds for ten thousand objects) so that the SQLite work can run on a worker
 * thread while the user goes on editing. Stored files are referenced, not copied: those
 * added since the document was read are held in memory (GBytes are immutable and
 * thread-safe), the others are copied from the file the document came from by SQLite itself.
 */

typedef struct
{
  char   *id;
  char   *parent_id;
  guint   position;
  GValue *values;  /* one per column of the kind */
} Row;

typedef struct
{
  const TandemKindInfo *info;
  GArray               *rows;
} KindRows;

struct _TandemSnapshot
{
  guint64     state;
  GPtrArray  *kinds;        /* KindRows, in the order of _tandem_storage_get_kinds() */
  GHashTable *blobs;        /* hash -> GBytes, or NULL when in blob_source */
  char       *blob_source;
};

static void
kind_rows_free (gpointer data)
{
  KindRows *kind_rows = data;

  for (guint i = 0; i < kind_rows->rows->len; i++)
    {
      Row *row = &g_array_index (kind_rows->rows, Row, i);

      for (guint j = 0; j < kind_rows->info->columns->len; j++)
        g_value_unset (&row->values[j]);
      g_free (row->values);
      g_free (row->id);
      g_free (row->parent_id);
    }

  g_array_unref (kind_rows->rows);
  g_free (kind_rows);
}

static void
add_object (TandemSnapshot *snapshot,
            TandemObject   *object,
            const char     *parent_id,
            guint           position,
            guint           kind_index)
{
  KindRows *kind_rows = g_ptr_array_index (snapshot->kinds, kind_index);
  const TandemKindInfo *info = kind_rows->info;
  TandemDocument *document = tandem_object_get_document (object);
  Row row;

  row.id = g_strdup (tandem_object_get_id (object));
  row.parent_id = g_strdup (parent_id);
  row.position = position;
  row.values = g_new0 (GValue, info->columns->len);

  for (guint i = 0; i < info->columns->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (info->columns, i);
      const GValue *field = _tandem_object_peek_field (object, pspec);

      g_value_init (&row.values[i], pspec->value_type);
      if (field != NULL)
        g_value_copy (field, &row.values[i]);
      else
        g_object_get_property (G_OBJECT (object), pspec->name, &row.values[i]);

      if (tandem_param_get_field_kind (pspec) == TANDEM_FIELD_BLOB)
        {
          const char *hash = g_value_get_string (&row.values[i]);

          if (hash != NULL && hash[0] != '\0' && !g_hash_table_contains (snapshot->blobs, hash))
            {
              GBytes *bytes = tandem_document_get_memory_blob (document, hash);

              g_hash_table_insert (snapshot->blobs, g_strdup (hash),
                                   bytes ? g_bytes_ref (bytes) : NULL);
            }
        }
    }

  g_array_append_val (kind_rows->rows, row);

  for (guint i = 0; i < info->lists->len; i++)
    {
      const TandemKindInfo *child_info = g_ptr_array_index (info->list_kinds, i);
      TandemList *list;
      guint child_index = 0;

      for (guint k = 0; k < snapshot->kinds->len; k++)
        {
          if (((KindRows *)g_ptr_array_index (snapshot->kinds, k))->info == child_info)
            child_index = k;
        }

      list = tandem_object_peek_list (object, g_ptr_array_index (info->lists, i));

      for (guint j = 0; list != NULL && j < tandem_list_get_n (list); j++)
        add_object (snapshot, tandem_list_get (list, j), row.id, j, child_index);
    }
}

static void
blob_free (gpointer data)
{
  if (data != NULL)
    g_bytes_unref (data);
}

/**
 * _tandem_snapshot_new:
 *
 * Returns: (transfer full): a copy of what @document would save, and its state
 */
TandemSnapshot *
_tandem_snapshot_new (TandemDocument *document)
{
  TandemSnapshot *snapshot = g_new0 (TandemSnapshot, 1);
  const TandemKindInfo *const *kinds;
  guint n_kinds;

  kinds = _tandem_storage_get_kinds (&n_kinds);

  snapshot->state = tandem_document_get_state (document);
  snapshot->kinds = g_ptr_array_new_with_free_func (kind_rows_free);
  snapshot->blobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, blob_free);
  snapshot->blob_source = g_strdup (_tandem_document_get_blob_source (document));

  for (guint i = 0; i < n_kinds; i++)
    {
      KindRows *kind_rows = g_new0 (KindRows, 1);

      kind_rows->info = kinds[i];
      kind_rows->rows = g_array_new (FALSE, FALSE, sizeof (Row));
      g_ptr_array_add (snapshot->kinds, kind_rows);
    }

  add_object (snapshot, TANDEM_OBJECT (document), NULL, 0, 0);

  return snapshot;
}

void
_tandem_snapshot_free (TandemSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_ptr_array_unref (snapshot->kinds);
  g_hash_table_unref (snapshot->blobs);
  g_free (snapshot->blob_source);
  g_free (snapshot);
}

/**
 * _tandem_snapshot_to_document:
 *
 * Builds a document of its own from @snapshot, on any thread (the worker that needs it): the
 * same fields, ids and order, with no history, unmodified. Stored files added since the
 * original was read come along in memory; the others are read from the same file.
 *
 * Returns: (transfer full): the document
 */
TandemDocument *
_tandem_snapshot_to_document (TandemSnapshot *snapshot)
{
  TandemDocument *document = NULL;
  GHashTableIter iter;
  GBytes *bytes;

  g_return_val_if_fail (snapshot != NULL, NULL);

  /* Kinds come parents first, and each kind's rows in the order of their lists (they were
   * added depth first), so appending rebuilds every list as it was. */
  for (guint k = 0; k < snapshot->kinds->len; k++)
    {
      KindRows *kind_rows = g_ptr_array_index (snapshot->kinds, k);
      const TandemKindInfo *info = kind_rows->info;

      for (guint r = 0; r < kind_rows->rows->len; r++)
        {
          Row *row = &g_array_index (kind_rows->rows, Row, r);
          g_autoptr(TandemObject) object = NULL;

          if (info->parent == NULL)
            {
              g_assert (document == NULL);
              document = g_object_new (TANDEM_TYPE_DOCUMENT, "id", row->id, NULL);
              _tandem_document_begin_loading (document);
              object = g_object_ref (TANDEM_OBJECT (document));
            }
          else
            {
              object = g_object_new (info->type, "id", row->id, NULL);
            }

          for (guint i = 0; i < info->columns->len; i++)
            _tandem_object_load_field (object, g_ptr_array_index (info->columns, i),
                                       &row->values[i]);

          if (info->parent != NULL)
            {
              TandemObject *parent = tandem_document_lookup (document, row->parent_id);

              g_assert (parent != NULL);
              tandem_list_append (tandem_object_get_list (parent, info->parent_list), object);
            }
        }
    }

  g_assert (document != NULL);

  _tandem_document_set_blob_source (document, snapshot->blob_source);
  g_hash_table_iter_init (&iter, snapshot->blobs);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&bytes))
    {
      if (bytes != NULL)
        g_free (tandem_document_add_blob (document, bytes));
    }

  _tandem_document_end_loading (document);

  return document;
}

guint64
_tandem_snapshot_get_state (TandemSnapshot *snapshot)
{
  return snapshot->state;
}

/* Whether the last failure of @db was a disk, quota or file-size limit that was full. SQLite
 * reports only ENOSPC as SQLITE_FULL; a quota (EDQUOT) or the file size limit (EFBIG) comes
 * back as SQLITE_IOERR_WRITE, and by then the errno it keeps may be another call's (0). A
 * failed write under a file size limit is that limit. */
static gboolean
is_out_of_space (sqlite3 *db)
{
  int system_errno = sqlite3_system_errno (db);
  struct rlimit limit;

  if (sqlite3_errcode (db) == SQLITE_FULL || system_errno == ENOSPC || system_errno == EFBIG ||
      system_errno == EDQUOT)
    return TRUE;

  return sqlite3_extended_errcode (db) == SQLITE_IOERR_WRITE &&
         getrlimit (RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY;
}

static gboolean
sqlite_error (sqlite3  *db,
              GError  **error)
{
  if (is_out_of_space (db))
    g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_NO_SPACE,
                 _("There is not enough space."));
  else
    g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_FAILED,
                 "%s.", sqlite3_errmsg (db));

  return FALSE;
}

static char *
build_insert (const TandemKindInfo *info)
{
  GString *sql = g_string_new (NULL);
  guint n = info->columns->len + 1;

  g_string_append_printf (sql, "INSERT INTO \"%s\" (id", info->kind);
  if (info->parent != NULL)
    {
      g_string_append (sql, ", parent_id, position");
      n += 2;
    }
  for (guint i = 0; i < info->column_names->len; i++)
    g_string_append_printf (sql, ", \"%s\"", (const char *)g_ptr_array_index (info->column_names, i));
  g_string_append (sql, ") VALUES (?");
  for (guint i = 1; i < n; i++)
    g_string_append (sql, ", ?");
  g_string_append (sql, ")");

  return g_string_free (sql, FALSE);
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);
      sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_STATIC);
    }
  else if (type == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
  else if (type == G_TYPE_INT)
    sqlite3_bind_int (stmt, index, g_value_get_int (value));
  else if (type == G_TYPE_DOUBLE)
    sqlite3_bind_double (stmt, index, g_value_get_double (value));
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
      GEnumValue *enum_value = g_enum_get_value (enum_class, g_value_get_enum (value));

      /* Nicks are static strings owned by the enum type. */
      sqlite3_bind_text (stmt, index, enum_value ? enum_value->value_nick : "", -1, SQLITE_STATIC);
    }
  else
    g_assert_not_reached ();
}

static gboolean
write_rows (sqlite3   *db,
            KindRows  *kind_rows,
            GError   **error)
{
  const TandemKindInfo *info = kind_rows->info;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;

  if (kind_rows->rows->len == 0)
    return TRUE;

  sql = build_insert (info);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return sqlite_error (db, error);

  for (guint i = 0; i < kind_rows->rows->len; i++)
    {
      Row *row = &g_array_index (kind_rows->rows, Row, i);
      int index = 1;

      sqlite3_bind_text (stmt, index++, row->id, -1, SQLITE_STATIC);
      if (info->parent != NULL)
        {
          sqlite3_bind_text (stmt, index++, row->parent_id, -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, index++, row->position);
        }

      for (guint j = 0; j < info->columns->len; j++)
        bind_value (stmt, index++, &row->values[j]);

      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite_error (db, error);
          sqlite3_finalize (stmt);
          return FALSE;
        }

      sqlite3_reset (stmt);
    }

  sqlite3_finalize (stmt);

  return TRUE;
}

static gboolean
write_blobs (sqlite3         *db,
             TandemSnapshot  *snapshot,
             GError         **error)
{
  GHashTableIter iter;
  const char *hash;
  GBytes *bytes;
  sqlite3_stmt *insert = NULL;
  sqlite3_stmt *copy = NULL;
  gboolean attached = FALSE;
  gboolean ret = FALSE;

  if (g_hash_table_size (snapshot->blobs) == 0)
    return TRUE;

  if (sqlite3_prepare_v2 (db, "INSERT INTO main.blob (hash, data) VALUES (?1, ?2)", -1,
                          &insert, NULL) != SQLITE_OK)
    return sqlite_error (db, error);

  g_hash_table_iter_init (&iter, snapshot->blobs);
  while (g_hash_table_iter_next (&iter, (gpointer *)&hash, (gpointer *)&bytes))
    {
      if (bytes != NULL)
        {
          gsize size;
          gconstpointer data = g_bytes_get_data (bytes, &size);

          sqlite3_bind_text (insert, 1, hash, -1, SQLITE_STATIC);
          sqlite3_bind_blob64 (insert, 2, data ? data : "", size, SQLITE_STATIC);
          if (sqlite3_step (insert) != SQLITE_DONE)
            {
              sqlite_error (db, error);
              goto out;
            }
          sqlite3_reset (insert);
          continue;
        }

      if (!attached)
        {
          g_autofree char *uri = NULL;
          g_autofree char *full_uri = NULL;
          sqlite3_stmt *attach = NULL;
          int rc;

          if (snapshot->blob_source == NULL ||
              (uri = g_filename_to_uri (snapshot->blob_source, NULL, NULL)) == NULL)
            {
              g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_NOT_FOUND,
                           _("An attached file is missing from the document."));
              goto out;
            }

          full_uri = g_strconcat (uri, "?mode=ro&immutable=1", NULL);
          if (sqlite3_prepare_v2 (db, "ATTACH DATABASE ?1 AS source", -1, &attach, NULL)
              != SQLITE_OK)
            {
              sqlite_error (db, error);
              goto out;
            }
          sqlite3_bind_text (attach, 1, full_uri, -1, SQLITE_STATIC);
          rc = sqlite3_step (attach);
          sqlite3_finalize (attach);
          if (rc != SQLITE_DONE)
            {
              g_autofree char *name = g_filename_display_basename (snapshot->blob_source);

              g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_NOT_FOUND,
                           _("The attached files could not be copied from “%s”, the file this "
                             "document was opened from (%s)."), name, sqlite3_errmsg (db));
              goto out;
            }
          attached = TRUE;

          if (sqlite3_prepare_v2 (db,
                                  "INSERT INTO main.blob (hash, data) "
                                  "SELECT hash, data FROM source.blob WHERE hash = ?1",
                                  -1, &copy, NULL) != SQLITE_OK)
            {
              sqlite_error (db, error);
              goto out;
            }
        }

      sqlite3_bind_text (copy, 1, hash, -1, SQLITE_STATIC);
      if (sqlite3_step (copy) != SQLITE_DONE)
        {
          sqlite_error (db, error);
          goto out;
        }
      sqlite3_reset (copy);

      if (sqlite3_changes (db) != 1)
        {
          g_autofree char *name = g_filename_display_basename (snapshot->blob_source);

          g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_NOT_FOUND,
                       _("An attached file is no longer in “%s”, the file this document was "
                         "opened from; it may have been replaced since."), name);
          goto out;
        }
    }

  ret = TRUE;

out:
  sqlite3_finalize (insert);
  sqlite3_finalize (copy);

  return ret;
}

/**
 * _tandem_snapshot_write:
 * @path: an empty or missing file; it is overwritten
 *
 * Writes a complete Tandem database. Safe to call from a worker thread.
 */
gboolean
_tandem_snapshot_write (TandemSnapshot  *snapshot,
                        const char      *path,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autofree char *pragmas = NULL;
  sqlite3 *db = NULL;
  gboolean ret = FALSE;

  if (sqlite3_open_v2 (path, &db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX |
                       SQLITE_OPEN_URI | SQLITE_OPEN_PRIVATECACHE,
                       NULL) != SQLITE_OK)
    {
      sqlite_error (db, error);
      sqlite3_close (db);
      return FALSE;
    }

  _tandem_storage_harden (db);

  /* A fresh file that is renamed into place only when complete needs no journal on disk: the old file
   * is the rollback. Syncing is done once, by the caller, after the last write. */
  pragmas = g_strdup_printf ("PRAGMA journal_mode=MEMORY;"
                             "PRAGMA synchronous=OFF;"
                             "PRAGMA locking_mode=EXCLUSIVE;"
                             "PRAGMA application_id=%d;"
                             "PRAGMA user_version=%d;",
                             TANDEM_APPLICATION_ID, TANDEM_SCHEMA_VERSION);

  if (!_tandem_sqlite_exec (db, pragmas, NULL) ||
      !_tandem_sqlite_exec (db, "BEGIN", NULL))
    {
      sqlite_error (db, error);
      goto out;
    }

  if (!_tandem_schema_create (db, _tandem_schema_get_default (), TANDEM_SCHEMA_VERSION, error))
    goto out;

  for (guint i = 0; i < snapshot->kinds->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;

      if (!write_rows (db, g_ptr_array_index (snapshot->kinds, i), error))
        goto out;
    }

  if (!write_blobs (db, snapshot, error))
    goto out;

  if (!_tandem_sqlite_exec (db, "COMMIT", NULL))
    {
      sqlite_error (db, error);
      goto out;
    }

  ret = TRUE;

out:
  /* Whichever step met the full disk (the schema, a row, the commit), say so plainly rather
   * than with SQLite's “disk I/O error”. */
  if (!ret && error != NULL && *error != NULL &&
      !g_error_matches (*error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_NO_SPACE) &&
      !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      is_out_of_space (db))
    {
      g_clear_error (error);
      sqlite_error (db, error);
    }

  sqlite3_close (db);

  return ret;
}
