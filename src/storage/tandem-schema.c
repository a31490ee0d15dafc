/* tandem-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-schema"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-storage-private.h"
#include "tandem-storage-resources.h"

/*
 * The schema of a Tandem file at version N is exactly what scripts 1.sql to N.sql create.
 * New files are created by running every script in turn, older files are migrated by running
 * the scripts after their version (in memory, so the file on disk changes only on save), and
 * an untrusted file is accepted only when its sqlite_schema matches, row for row, the schema
 * those scripts create for its version.
 */

static const char *const *
load_default_scripts (guint *n_scripts)
{
  /* The scripts point into the resource's bytes, so those are kept as long as the program
   * runs; holding them here rather than dropping them says so (and tells a leak checker). */
  static GPtrArray *kept;
  GPtrArray *scripts = g_ptr_array_new ();

  kept = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);

  for (guint version = 1; ; version++)
    {
      g_autofree char *path = g_strdup_printf (RESOURCE_PREFIX "/schema/%u.sql", version);
      GBytes *bytes = g_resources_lookup_data (path, 0, NULL);

      if (bytes == NULL)
        break;

      /* Resources are NUL-terminated and live as long as the program. */
      g_ptr_array_add (scripts, (gpointer)g_bytes_get_data (bytes, NULL));
      g_ptr_array_add (kept, bytes);
    }

  *n_scripts = scripts->len;
  g_ptr_array_add (scripts, NULL);

  return (const char *const *)g_ptr_array_free (scripts, FALSE);
}

const TandemSchemaSet *
_tandem_schema_get_default (void)
{
  static TandemSchemaSet set;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      tandem_storage_register_resource ();
      set.scripts = load_default_scripts (&set.n_scripts);
      g_assert (set.n_scripts == TANDEM_SCHEMA_VERSION);
      g_once_init_leave (&initialized, 1);
    }

  return &set;
}

gboolean
_tandem_sqlite_exec (sqlite3     *db,
                     const char  *sql,
                     GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_FAILED,
                   "SQLite: %s", message ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

/**
 * _tandem_storage_harden:
 *
 * What we do to every connection, trusted or not: no triggers, no views, no extension
 * loading, functions in the schema are not trusted, the schema cannot be written by SQL,
 * and lengths are limited so that a hostile file cannot make us allocate without bound.
 */
void
_tandem_storage_harden (sqlite3 *db)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_WRITABLE_SCHEMA, 0, NULL);
  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, TANDEM_BLOB_MAX + 1024);
  sqlite3_limit (db, SQLITE_LIMIT_SQL_LENGTH, 100000);
  sqlite3_limit (db, SQLITE_LIMIT_COLUMN, 100);
  sqlite3_limit (db, SQLITE_LIMIT_EXPR_DEPTH, 100);
  sqlite3_limit (db, SQLITE_LIMIT_COMPOUND_SELECT, 10);
  sqlite3_limit (db, SQLITE_LIMIT_VDBE_OP, 100000);
  sqlite3_limit (db, SQLITE_LIMIT_FUNCTION_ARG, 8);
  sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 2);
  sqlite3_limit (db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 100);
  sqlite3_limit (db, SQLITE_LIMIT_VARIABLE_NUMBER, 100);
  sqlite3_limit (db, SQLITE_LIMIT_TRIGGER_DEPTH, 1);
}

gboolean
_tandem_schema_create (sqlite3                *db,
                       const TandemSchemaSet  *set,
                       int                     version,
                       GError                **error)
{
  g_return_val_if_fail (version >= 1 && (guint)version <= set->n_scripts, FALSE);

  for (int i = 0; i < version; i++)
    {
      if (!_tandem_sqlite_exec (db, set->scripts[i], error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_tandem_schema_migrate (sqlite3                *db,
                        const TandemSchemaSet  *set,
                        int                     from_version,
                        int                     to_version,
                        GError                **error)
{
  g_return_val_if_fail (from_version >= 1 && to_version <= (int)set->n_scripts, FALSE);

  if (!_tandem_sqlite_exec (db, "BEGIN", error))
    return FALSE;

  for (int version = from_version; version < to_version; version++)
    {
      if (!_tandem_sqlite_exec (db, set->scripts[version], error))
        {
          _tandem_sqlite_exec (db, "ROLLBACK", NULL);
          g_prefix_error (error, _("Could not upgrade from version %d to %d: "),
                          version, version + 1);
          return FALSE;
        }
    }

  return _tandem_sqlite_exec (db, "COMMIT", error);
}

static GPtrArray *
read_schema_rows (sqlite3  *db,
                  GError  **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT type, name, tbl_name, sql FROM main.sqlite_schema "
                          "ORDER BY type, name",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_DAMAGED,
                   "%s", sqlite3_errmsg (db));
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *)sqlite3_column_text (stmt, 0);
      const char *name = (const char *)sqlite3_column_text (stmt, 1);
      const char *table = (const char *)sqlite3_column_text (stmt, 2);
      const char *sql = (const char *)sqlite3_column_text (stmt, 3);

      g_ptr_array_add (rows, g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s",
                                              type ? type : "", name ? name : "",
                                              table ? table : "", sql ? sql : ""));
    }

  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_DAMAGED,
                   "%s", sqlite3_errmsg (db));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static char *
describe_row (const char *row)
{
  g_auto(GStrv) parts = g_strsplit (row, "\x1f", 4);
  const char *name = parts[1] ? parts[1] : "";

  if (g_strcmp0 (parts[0], "table") == 0)
    return g_strdup_printf (_("a table named “%s”"), name);
  else if (g_strcmp0 (parts[0], "index") == 0)
    return g_strdup_printf (_("an index named “%s”"), name);
  else if (g_strcmp0 (parts[0], "trigger") == 0)
    return g_strdup_printf (_("a trigger named “%s”"), name);
  else if (g_strcmp0 (parts[0], "view") == 0)
    return g_strdup_printf (_("a view named “%s”"), name);
  else
    return g_strdup_printf (_("an entry named “%s”"), name);
}

/**
 * _tandem_schema_matches:
 * @difference: (out) (optional): on mismatch, a phrase naming the first difference
 *
 * Returns: %TRUE when the schema of @db is exactly that of @version. A mismatch is not an
 *   error: @error is set only when the schema could not be read at all.
 */
gboolean
_tandem_schema_matches (sqlite3                *db,
                        const TandemSchemaSet  *set,
                        int                     version,
                        char                  **difference,
                        GError                **error)
{
  g_autoptr(GPtrArray) actual = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  sqlite3 *reference = NULL;

  if (difference != NULL)
    *difference = NULL;

  if (sqlite3_open_v2 (":memory:", &reference, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_FAILED,
                   "%s", sqlite3_errmsg (reference));
      sqlite3_close (reference);
      return FALSE;
    }

  if (!_tandem_schema_create (reference, set, version, error) ||
      (expected = read_schema_rows (reference, error)) == NULL)
    {
      sqlite3_close (reference);
      return FALSE;
    }
  sqlite3_close (reference);

  if ((actual = read_schema_rows (db, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < MAX (actual->len, expected->len); i++)
    {
      const char *a = i < actual->len ? g_ptr_array_index (actual, i) : NULL;
      const char *e = i < expected->len ? g_ptr_array_index (expected, i) : NULL;

      if (g_strcmp0 (a, e) == 0)
        continue;

      if (difference != NULL)
        {
          gboolean found_a = FALSE;

          /* Prefer naming what the file has that we do not make. */
          for (guint j = 0; a != NULL && j < expected->len; j++)
            found_a |= g_str_equal (a, g_ptr_array_index (expected, j));

          if (a != NULL && !found_a)
            {
              g_autofree char *what = describe_row (a);
              *difference = g_strdup_printf (_("it contains %s that Tandem does not make"), what);
            }
          else
            {
              g_autofree char *what = describe_row (e);
              *difference = g_strdup_printf (_("%s is missing or different"), what);
            }
        }

      return FALSE;
    }

  return TRUE;
}
