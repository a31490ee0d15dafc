/* tandem-storage.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-storage"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tandem-attachment.h"
#include "tandem-checklist.h"
#include "tandem-document-private.h"
#include "tandem-file-writer.h"
#include "tandem-list-private.h"
#include "tandem-object-private.h"
#include "tandem-storage-private.h"

/*
 * Reading and writing .tandem files.
 *
 * A file from someone else is untrusted input. Before SQLite sees it we check that it is a
 * regular, non-empty file with a SQLite header, Tandem's application id, a version we know
 * and the length its header promises. SQLite then opens it read-only and immutable (no
 * journal, no locks, nothing written beside it) on a hardened connection, runs quick_check,
 * and we compare its schema with the one our scripts make for its version. Older files are
 * copied into memory and migrated there. Every value read is checked against the field it
 * fills: type, range, length, dates; then references between objects and each class's own
 * rules. Any failure is one sentence naming the file and what to do, and no document is
 * returned, so the caller's open document is untouched.
 *
 * Saving writes a complete new database to a hidden temporary file in the same folder,
 * syncs it, gives it the old file's permissions and renames it over the old file.
 */

G_DEFINE_QUARK (tandem-storage-error-quark, tandem_storage_error)

/* Kinds */

static char *
column_name (GParamSpec *pspec)
{
  return g_strdelimit (g_strdup (pspec->name), "-", '_');
}

static void
add_kind (GPtrArray            *kinds,
          GType                 type,
          const TandemKindInfo *parent,
          GParamSpec           *parent_list)
{
  TandemObjectClass *klass = g_type_class_ref (type);
  TandemKindInfo *info = g_new0 (TandemKindInfo, 1);
  GParamSpec **fields;
  guint n_fields;

  for (guint i = 0; i < kinds->len; i++)
    {
      if (((TandemKindInfo *)g_ptr_array_index (kinds, i))->type == type)
        g_error ("%s is held by more than one list; each kind must have one place",
                 g_type_name (type));
    }

  info->type = type;
  info->kind = tandem_object_class_get_kind (klass);
  info->parent = parent;
  info->parent_list = parent_list;
  info->columns = g_ptr_array_new ();
  info->column_names = g_ptr_array_new ();
  info->column_kinds = g_array_new (FALSE, FALSE, sizeof (TandemFieldKind));
  info->lists = g_ptr_array_new ();
  info->list_names = g_ptr_array_new ();
  info->list_kinds = g_ptr_array_new ();
  g_ptr_array_add (kinds, info);

  g_assert (info->kind != NULL);

  fields = tandem_object_class_list_fields (klass, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      if (tandem_param_get_field_kind (fields[i]) == TANDEM_FIELD_CHILDREN)
        {
          g_ptr_array_add (info->lists, fields[i]);
          g_ptr_array_add (info->list_names, column_name (fields[i]));
        }
      else
        {
          TandemFieldKind kind = tandem_param_get_field_kind (fields[i]);

          g_ptr_array_add (info->columns, fields[i]);
          g_ptr_array_add (info->column_names, column_name (fields[i]));
          g_array_append_val (info->column_kinds, kind);
        }
    }

  for (guint i = 0; i < info->lists->len; i++)
    {
      GParamSpec *list = g_ptr_array_index (info->lists, i);
      guint before = kinds->len;

      add_kind (kinds, tandem_param_get_child_type (list), info, list);
      g_ptr_array_add (info->list_kinds, g_ptr_array_index (kinds, before));
    }
}

/**
 * _tandem_storage_get_kinds:
 *
 * Returns: every kind of saved object, parents before children, the project first
 */
const TandemKindInfo *const *
_tandem_storage_get_kinds (guint *n_kinds)
{
  static GPtrArray *kinds;

  if (g_once_init_enter (&kinds))
    {
      GPtrArray *array = g_ptr_array_new ();

      add_kind (array, TANDEM_TYPE_DOCUMENT, NULL, NULL);
      g_once_init_leave (&kinds, array);
    }

  *n_kinds = kinds->len;
  return (const TandemKindInfo *const *)kinds->pdata;
}

const TandemKindInfo *
_tandem_storage_lookup_kind (GType type)
{
  guint n_kinds;
  const TandemKindInfo *const *kinds = _tandem_storage_get_kinds (&n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    {
      if (kinds[i]->type == type)
        return kinds[i];
    }

  return NULL;
}

/**
 * _tandem_storage_set_too_many_objects:
 *
 * The one sentence for a file over %TANDEM_MAX_OBJECTS, said by both readers.
 */
void
_tandem_storage_set_too_many_objects (GError **error)
{
  g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_TOO_LARGE,
               _("It holds more than %'u objects (steps, connectors, questions and the rest), "
                 "more than Tandem opens. Ask for the project in smaller parts, such as one "
                 "journey to a file."), (guint)TANDEM_MAX_OBJECTS);
}

/* Reading values */

/**
 * _tandem_storage_kind_words:
 *
 * What a kind of object is called in a sentence to the user: the kinds themselves are the
 * file's table names ("activity_group"), not words. Used by both readers.
 */
const char *
_tandem_storage_kind_words (const char *kind)
{
  static const struct { const char *kind; const char *words; } names[] = {
    { "project", N_("project") },
    { "checklist", N_("checklist") },
    { "checklist_section", N_("checklist section") },
    { "checklist_item", N_("checklist question") },
    { "attachment", N_("attached file") },
    { "evidence_link", N_("evidence link") },
    { "audit_entry", N_("entry of a checklist’s history") },
    { "signoff", N_("sign-off") },
    { "condition", N_("condition") },
    { "journey", N_("journey") },
    { "journey_map", N_("journey map") },
    { "stage", N_("stage") },
    { "lane", N_("lane") },
    { "step", N_("step") },
    { "quote", N_("quote") },
    { "vote", N_("vote") },
    { "connector", N_("connector") },
    { "replacement", N_("“replaced by” link") },
    { "engagement_group", N_("group") },
    { "activity", N_("engagement activity") },
    { "activity_group", N_("group an activity reached") },
    { "activity_file", N_("file attached to an activity") },
    { "theme", N_("theme") },
    { "theme_link", N_("link of a theme") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (names[i].kind, kind) == 0)
      return _(names[i].words);

  return kind;
}

static const char *
object_description (const TandemKindInfo *info)
{
  return _tandem_storage_kind_words (info->kind);
}

/* The name of an attached file from a file is untrusted: bidirectional controls that would
 * disguise its type are dropped by both readers, as they are when a file is attached. */
static void
clean_loaded_value (GObject    *object,
                    GParamSpec *pspec,
                    GValue     *value)
{
  if (TANDEM_IS_ATTACHMENT (object) && g_str_equal (pspec->name, "name") &&
      G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) != NULL)
    {
      g_autofree char *clean = tandem_attachment_clean_name (g_value_get_string (value));

      g_value_take_string (value, g_steal_pointer (&clean));
    }
}

/**
 * _tandem_storage_set_column:
 *
 * Checks @value (already of the field's type) against what @pspec allows and moves it into
 * @object, leaving @value unset: no copy of the text. Used by both the SQLite and JSON
 * readers, so both refuse the same things.
 */
gboolean
_tandem_storage_set_column (GObject     *object,
                            GParamSpec  *pspec,
                            GValue      *value,
                            GError     **error)
{
  if (G_VALUE_HOLDS_STRING (value))
    {
      if (!tandem_field_check_text (pspec, g_value_get_string (value), error))
        return FALSE;
    }
  else
    {
      /* Validation clamps in place: check a copy, so the message can name the real value. */
      g_auto(GValue) checked = G_VALUE_INIT;

      g_value_init (&checked, G_VALUE_TYPE (value));
      g_value_copy (value, &checked);

      if (g_param_value_validate (pspec, &checked))
        {
          g_autofree char *contents = g_strdup_value_contents (value);

          g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_INVALID_CONTENT,
                       _("The field “%s” holds %s, which is outside what Tandem allows."),
                       pspec->name, contents);
          return FALSE;
        }
    }

  clean_loaded_value (object, pspec, value);
  _tandem_object_take_field (TANDEM_OBJECT (object), pspec, value);

  return TRUE;
}

/* Reads one column into @value, checked against what its field allows; TRUE when it may be
 * stored as it is. */
static gboolean
read_sqlite_value (sqlite3_stmt     *stmt,
                   int               column,
                   GParamSpec       *pspec,
                   TandemFieldKind   kind,
                   GValue           *value,
                   GError          **error)
{
  int type = sqlite3_column_type (stmt, column);
  GType value_type = pspec->value_type;

  g_value_init (value, value_type);

  if (value_type == G_TYPE_STRING)
    {
      const char *text;
      int length;

      if (type != SQLITE_TEXT)
        goto wrong_type;
      text = (const char *)sqlite3_column_text (stmt, column);
      length = sqlite3_column_bytes (stmt, column);
      if (!tandem_field_check_text_len (pspec, kind, text, length, error))
        return FALSE;
      g_value_take_string (value, g_strndup (text, length));
      return TRUE;
    }
  else if (value_type == G_TYPE_BOOLEAN)
    {
      sqlite3_int64 v;

      if (type != SQLITE_INTEGER)
        goto wrong_type;
      v = sqlite3_column_int64 (stmt, column);
      if (v != 0 && v != 1)
        goto wrong_type;
      g_value_set_boolean (value, v == 1);
    }
  else if (value_type == G_TYPE_INT)
    {
      sqlite3_int64 v;

      if (type != SQLITE_INTEGER)
        goto wrong_type;
      v = sqlite3_column_int64 (stmt, column);
      if (v < G_MININT || v > G_MAXINT)
        goto wrong_type;
      g_value_set_int (value, (int)v);
    }
  else if (value_type == G_TYPE_DOUBLE)
    {
      double v;

      if (type != SQLITE_FLOAT && type != SQLITE_INTEGER)
        goto wrong_type;
      v = sqlite3_column_double (stmt, column);
      if (!isfinite (v))
        goto wrong_type;
      g_value_set_double (value, v);
    }
  else if (G_TYPE_IS_ENUM (value_type))
    {
      /* The pspec holds a reference to its enumeration class. */
      GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      const char *nick;
      GEnumValue *enum_value;

      if (type != SQLITE_TEXT)
        goto wrong_type;
      nick = (const char *)sqlite3_column_text (stmt, column);
      enum_value = g_enum_get_value_by_nick (enum_class, nick);
      if (enum_value == NULL)
        {
          g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_INVALID_CONTENT,
                       _("The field “%s” holds “%.40s”, which is not one of the values Tandem "
                         "knows."), pspec->name, nick);
          return FALSE;
        }
      g_value_set_enum (value, enum_value->value);
      return TRUE;
    }
  else
    {
      g_assert_not_reached ();
    }

  /* Numbers: within the field's range. */
  {
    g_auto(GValue) checked = G_VALUE_INIT;

    g_value_init (&checked, value_type);
    g_value_copy (value, &checked);
    if (g_param_value_validate (pspec, &checked))
      {
        g_autofree char *contents = g_strdup_value_contents (value);

        g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_INVALID_CONTENT,
                     _("The field “%s” holds %s, which is outside what Tandem allows."),
                     pspec->name, contents);
        return FALSE;
      }
  }

  return TRUE;

wrong_type:
  g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_INVALID_CONTENT,
               _("The field “%s” holds a value of the wrong kind."), pspec->name);
  return FALSE;
}

static char *
build_select (const TandemKindInfo *info)
{
  GString *sql = g_string_new ("SELECT id");

  if (info->parent != NULL)
    g_string_append (sql, ", parent_id, position");

  for (guint i = 0; i < info->column_names->len; i++)
    g_string_append_printf (sql, ", \"%s\"", (const char *)g_ptr_array_index (info->column_names, i));

  /* Tandem writes children in their order, so rowid order is list order; a file whose
   * positions say otherwise is put in order after reading (see read_kind()). Sorting every
   * table here would cost a third of the time it takes to open a document. */
  g_string_append_printf (sql, " FROM \"%s\" ORDER BY rowid", info->kind);

  return g_string_free (sql, FALSE);
}

static gboolean
check_id (const char  *id,
          GError     **error)
{
  gsize len = id ? strlen (id) : 0;

  if (len == 0 || len > 64 || !g_utf8_validate (id, len, NULL))
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_INVALID_CONTENT,
                   _("An object has a missing or malformed id."));
      return FALSE;
    }

  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_iscntrl (id[i]))
        {
          g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_INVALID_CONTENT,
                       _("An object has a malformed id."));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_kind (sqlite3               *db,
           const TandemKindInfo  *info,
           TandemDocument       **document,
           guint                 *n_objects,
           GError               **error)
{
  g_autofree char *sql = build_select (info);
  guint first_column = info->parent != NULL ? 3 : 1;
  g_autoptr(GHashTable) positions = NULL;  /* TandemList -> GArray of positions, as read */
  gboolean disordered = FALSE;
  sqlite3_stmt *stmt = NULL;
  gboolean ret = FALSE;
  guint n_rows = 0;
  int rc;

  positions = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_array_unref);

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_DAMAGED,
                   "%s", sqlite3_errmsg (db));
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *)sqlite3_column_text (stmt, 0);
      g_autoptr(GObject) object = NULL;

      if (++(*n_objects) > TANDEM_MAX_OBJECTS)
        {
          _tandem_storage_set_too_many_objects (error);
          goto out;
        }

      if (!check_id (id, error))
        goto out;

      if (info->parent == NULL)
        {
          if (++n_rows > 1)
            {
              g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_INVALID_CONTENT,
                           _("It describes more than one project."));
              goto out;
            }
          *document = g_object_new (TANDEM_TYPE_DOCUMENT, "id", id, NULL);
          _tandem_document_begin_loading (*document);
          object = g_object_ref (G_OBJECT (*document));
        }
      else
        {
          object = g_object_new (info->type, "id", id, NULL);
        }

      for (guint i = 0; i < info->columns->len; i++)
        {
          GParamSpec *pspec = g_ptr_array_index (info->columns, i);
          TandemFieldKind kind = g_array_index (info->column_kinds, TandemFieldKind, i);
          g_auto(GValue) value = G_VALUE_INIT;

          if (!read_sqlite_value (stmt, first_column + i, pspec, kind, &value, error))
            {
              g_prefix_error (error, _("In one %s: "), object_description (info));
              goto out;
            }

          /* Only attachments have names to clean: not a type check for every value read. */
          if (info->type == TANDEM_TYPE_ATTACHMENT)
            clean_loaded_value (object, pspec, &value);
          _tandem_object_take_field (TANDEM_OBJECT (object), pspec, &value);
        }

      if (info->parent != NULL)
        {
          const char *parent_id = (const char *)sqlite3_column_text (stmt, 1);
          TandemObject *parent = tandem_document_lookup (*document, parent_id);
          TandemList *list;

          if (tandem_document_lookup (*document, id) != NULL)
            {
              g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_INVALID_CONTENT,
                           _("Two objects share the id “%s”."), id);
              goto out;
            }

          if (parent == NULL || !G_TYPE_CHECK_INSTANCE_TYPE (parent, info->parent->type))
            {
              g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_INVALID_CONTENT,
                           _("One %s belongs to something that is not in the file."),
                           object_description (info));
              goto out;
            }

          list = tandem_object_get_list (parent, info->parent_list);
          tandem_list_append (list, object);

          {
            sqlite3_int64 position = sqlite3_column_int64 (stmt, 2);
            GArray *seen = g_hash_table_lookup (positions, list);

            if (seen == NULL)
              {
                seen = g_array_new (FALSE, FALSE, sizeof (sqlite3_int64));
                g_hash_table_insert (positions, list, seen);
              }
            if (seen->len > 0 && g_array_index (seen, sqlite3_int64, seen->len - 1) >= position)
              disordered = TRUE;
            g_array_append_val (seen, position);
          }
        }
    }

  if (disordered)
    {
      GHashTableIter iter;
      TandemList *list;
      GArray *seen;

      g_hash_table_iter_init (&iter, positions);
      while (g_hash_table_iter_next (&iter, (gpointer *)&list, (gpointer *)&seen))
        _tandem_list_sort_loaded (list, (const gint64 *)seen->data);
    }

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_DAMAGED,
                   "%s", sqlite3_errmsg (db));
      goto out;
    }

  if (info->parent == NULL && *document == NULL)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_INVALID_CONTENT,
                   _("It has no project in it."));
      goto out;
    }

  ret = TRUE;

out:
  sqlite3_finalize (stmt);
  return ret;
}

typedef struct
{
  TandemDocument *document;
  sqlite3        *db;
  GHashTable     *seen;
  GHashTable     *verified;
  GError         *error;
} CheckState;

typedef enum
{
  BLOB_MISSING,
  BLOB_CHANGED,
  BLOB_OK,
} BlobState;

/* An attached file is stored under the SHA-256 of its bytes: a file whose bytes no longer
 * match was changed by something other than Tandem, and would be exported as a JSON file
 * Tandem itself refuses. Each blob is hashed once, however many objects refer to it. */
static BlobState
check_blob (CheckState *state,
            const char *hash)
{
  sqlite3_stmt *stmt = NULL;
  BlobState blob = BLOB_MISSING;

  if (g_hash_table_contains (state->verified, hash))
    return BLOB_OK;

  if (sqlite3_prepare_v2 (state->db, "SELECT data FROM blob WHERE hash = ?1", -1, &stmt, NULL)
      != SQLITE_OK)
    return BLOB_MISSING;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *actual = NULL;
      const void *data = sqlite3_column_blob (stmt, 0);
      int size = sqlite3_column_bytes (stmt, 0);

      actual = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data ? data : "", size);
      blob = g_str_equal (actual, hash) ? BLOB_OK : BLOB_CHANGED;
    }
  sqlite3_finalize (stmt);

  if (blob == BLOB_OK)
    g_hash_table_add (state->verified, g_strdup (hash));

  return blob;
}


static gboolean
is_sha256 (const char *hash)
{
  if (strlen (hash) != 64)
    return FALSE;

  for (guint i = 0; i < 64; i++)
    {
      if (!g_ascii_isxdigit (hash[i]) || g_ascii_isupper (hash[i]))
        return FALSE;
    }

  return TRUE;
}

static void
check_object_cb (TandemObject *object,
                 gpointer      user_data)
{
  CheckState *state = user_data;
  const TandemKindInfo *info;

  if (state->error != NULL)
    return;

  if (!g_hash_table_add (state->seen, (gpointer)tandem_object_get_id (object)))
    {
      g_set_error (&state->error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_INVALID_CONTENT,
                   _("Two objects share the id “%s”."), tandem_object_get_id (object));
      return;
    }

  info = _tandem_storage_lookup_kind (G_OBJECT_TYPE (object));

  for (guint i = 0; i < info->columns->len; i++)
    {
      TandemFieldKind kind = g_array_index (info->column_kinds, TandemFieldKind, i);
      GParamSpec *pspec = g_ptr_array_index (info->columns, i);
      g_autofree char *text = NULL;

      if (kind != TANDEM_FIELD_REFERENCE && kind != TANDEM_FIELD_BLOB)
        continue;

      text = tandem_object_dup_string_field (object, pspec);
      if (text == NULL || text[0] == '\0')
        continue;

      if (kind == TANDEM_FIELD_REFERENCE && tandem_document_lookup (state->document, text) == NULL)
        {
          g_set_error (&state->error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_INVALID_CONTENT,
                       _("One %s refers to “%.64s”, which is not in the document."),
                       _tandem_storage_kind_words (tandem_object_get_kind (object)), text);
          return;
        }

      if (kind == TANDEM_FIELD_BLOB)
        {
          BlobState blob = BLOB_MISSING;

          if (is_sha256 (text))
            {
              if (tandem_document_get_memory_blob (state->document, text) != NULL)
                blob = BLOB_OK;
              else if (state->db != NULL)
                blob = check_blob (state, text);
            }

          if (blob == BLOB_MISSING)
            {
              g_set_error (&state->error, TANDEM_STORAGE_ERROR,
                           TANDEM_STORAGE_ERROR_INVALID_CONTENT,
                           _("One %s refers to an attached file that is not in the document."),
                           _tandem_storage_kind_words (tandem_object_get_kind (object)));
              return;
            }

          if (blob == BLOB_CHANGED)
            {
              GParamSpec *name_pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object),
                                                                     "name");
              g_autofree char *name = name_pspec != NULL
                                        ? tandem_object_dup_string_field (object, name_pspec)
                                        : NULL;

              g_set_error (&state->error, TANDEM_STORAGE_ERROR,
                           TANDEM_STORAGE_ERROR_INVALID_CONTENT,
                           _("The attached file “%.64s” has been changed since Tandem saved it: "
                             "its contents no longer match their SHA-256 checksum."),
                           name != NULL ? name : "");
              return;
            }
        }
    }

  if (!tandem_object_validate (object, &state->error))
    return;
}

static gboolean
check_document (TandemDocument  *document,
                sqlite3         *db,
                GError         **error)
{
  CheckState state = { document, db, NULL, NULL, NULL };

  state.seen = g_hash_table_new (g_str_hash, g_str_equal);
  state.verified = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  _tandem_object_foreach (TANDEM_OBJECT (document), check_object_cb, &state);
  g_hash_table_unref (state.seen);
  g_hash_table_unref (state.verified);

  if (state.error != NULL)
    {
      g_propagate_error (error, state.error);
      return FALSE;
    }

  return TRUE;
}

gboolean
_tandem_storage_check_document (TandemDocument  *document,
                                GError         **error)
{
  return check_document (document, NULL, error);
}

/**
 * _tandem_storage_read_database:
 *
 * Builds a document from a database whose schema was already checked.
 *
 * Returns: (transfer full) (nullable): the document, unmodified, with an empty history
 */
TandemDocument *
_tandem_storage_read_database (sqlite3     *db,
                               const char  *display_name,
                               GError     **error)
{
  g_autoptr(TandemDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  const TandemKindInfo *const *kinds;
  guint n_kinds;
  guint n_objects = 0;

  kinds = _tandem_storage_get_kinds (&n_kinds);

  if (!_tandem_sqlite_exec (db, "BEGIN", error))
    return NULL;

  for (guint i = 0; i < n_kinds && local_error == NULL; i++)
    read_kind (db, kinds[i], &document, &n_objects, &local_error);

  /* Links to files from an older Tandem become text, before the check would refuse them. */
  if (local_error == NULL)
    _tandem_storage_keep_links_as_text (document);
  if (local_error == NULL)
    check_document (document, db, &local_error);

  _tandem_sqlite_exec (db, "COMMIT", NULL);

  if (document != NULL)
    _tandem_document_end_loading (document);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&document);
}

/* Opening files */

static gboolean
set_error_from_errno (GError     **error,
                      int          saved_errno,
                      const char  *display_name,
                      gboolean     writing)
{
  switch (saved_errno)
    {
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_NOT_FOUND,
                   _("“%s” does not exist. It may have been moved, renamed or deleted."),
                   display_name);
      break;

    case EACCES:
    case EPERM:
      g_set_error (error, TANDEM_STORAGE_ERROR,
                   writing ? TANDEM_STORAGE_ERROR_READ_ONLY : TANDEM_STORAGE_ERROR_FAILED,
                   writing ? _("You are not allowed to save “%s” there. Use Save As to save a "
                               "copy in a folder of your own.")
                           : _("You are not allowed to read “%s”. Ask its owner to share it "
                               "with you."),
                   display_name);
      break;

    case EROFS:
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_READ_ONLY,
                   _("“%s” is on a disk that cannot be written to. Use Save As to save a copy "
                     "somewhere else."), display_name);
      break;

    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_NO_SPACE,
                   _("There is not enough space to save “%s”. Free some space, or use Save As "
                     "to save it somewhere else. The file on disk has not been changed."),
                   display_name);
      break;

    default:
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_FAILED,
                   writing ? _("Could not save “%s”: %s. The file on disk has not been changed.")
                           : _("Could not read “%s”: %s."),
                   display_name, g_strerror (saved_errno));
      break;
    }

  return FALSE;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) | ((guint32)p[2] << 8) | p[3];
}

/* Checks what can be checked before SQLite reads the file, and returns its version. */
static int
check_header (const char  *path,
              const char  *display_name,
              GError     **error)
{
  guint8 header[100];
  GStatBuf st;
  guint32 page_size;
  guint32 n_pages;
  gint32 version;
  ssize_t n_read;
  int fd;

  if (g_stat (path, &st) != 0)
    return set_error_from_errno (error, errno, display_name, FALSE), -1;

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder, not a Tandem document. Open a .tandem file instead."),
                   display_name);
      return -1;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_NOT_TANDEM,
                   _("“%s” is not a regular file, so it cannot be a Tandem document."),
                   display_name);
      return -1;
    }

  if (st.st_size == 0)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_NOT_TANDEM,
                   _("“%s” is empty, so there is no project in it. If you expected one, look for "
                     "another copy, or for recovered work when Tandem starts."), display_name);
      return -1;
    }

  /* Without waiting, and checked again once open: a pipe put in the file's place since the
   * stat above would otherwise block here for ever. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    return set_error_from_errno (error, errno, display_name, FALSE), -1;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_NOT_TANDEM,
                   _("“%s” is not a regular file, so it cannot be a Tandem document."),
                   display_name);
      return -1;
    }
  n_read = read (fd, header, sizeof header);
  close (fd);

  if (n_read != sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_NOT_TANDEM,
                   _("“%s” is not a Tandem document. Tandem documents are made by Tandem and "
                     "end in .tandem; if someone sent you this file, ask them to save it from "
                     "Tandem."), display_name);
      return -1;
    }

  if (read_be32 (header + 68) != TANDEM_APPLICATION_ID)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_OTHER_PROGRAM,
                   _("“%s” is a database made by another program, not a Tandem document."),
                   display_name);
      return -1;
    }

  version = (gint32)read_be32 (header + 60);

  if (version > TANDEM_SCHEMA_VERSION)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_NEWER_VERSION,
                   _("“%s” was made by a newer version of Tandem (file format %d; this version "
                     "reads up to %d). Please update Tandem to open it."),
                   display_name, version, TANDEM_SCHEMA_VERSION);
      return -1;
    }

  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = read_be32 (header + 28);

  /* SQLite keeps user_version as a signed 32-bit number; PRAGMA user_version writes 0 for
   * what does not fit. No Tandem ever wrote 0 or less, so this is not about length. */
  if (version < 1)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_DAMAGED,
                   _("“%s” says it is in file format %d, which no version of Tandem writes: it "
                     "was changed by another program or damaged. Ask for a copy saved by "
                     "Tandem."), display_name, version);
      return -1;
    }

  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_DAMAGED,
                   _("“%s” is damaged: its header gives a page size SQLite never uses. Ask for "
                     "the file again, or open another copy."), display_name);
      return -1;
    }

  if (read_be32 (header + 24) == read_be32 (header + 92) &&
      (guint64)st.st_size < (guint64)page_size * n_pages)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_DAMAGED,
                   _("“%s” is incomplete or damaged: it is shorter than it should be, perhaps "
                     "cut off while it was copied. Ask for the file again, or open another "
                     "copy."), display_name);
      return -1;
    }

  return version;
}

/**
 * tandem_storage_peek_version:
 *
 * Returns: the file format version of @file, or -1 with @error set when it is not a
 *   Tandem document this version can read
 */
int
tandem_storage_peek_version (GFile   *file,
                             GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *display_name = NULL;

  if (path == NULL)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_FAILED,
                   _("Tandem can only open files on this computer."));
      return -1;
    }

  display_name = g_filename_display_basename (path);

  return check_header (path, display_name, error);
}

static sqlite3 *
open_untrusted (const char  *path,
                const char  *display_name,
                GError     **error)
{
  g_autofree char *uri = NULL;
  g_autofree char *full_uri = NULL;
  sqlite3 *db = NULL;

  uri = g_filename_to_uri (path, NULL, error);
  if (uri == NULL)
    return NULL;

  /* immutable: no locks, no journal, nothing is ever written next to someone else's file. */
  full_uri = g_strconcat (uri, "?mode=ro&immutable=1", NULL);

  if (sqlite3_open_v2 (full_uri, &db,
                       SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX |
                       SQLITE_OPEN_PRIVATECACHE,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_FAILED,
                   _("Could not open “%s”: %s."), display_name,
                   db ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
      sqlite3_close (db);
      return NULL;
    }

  _tandem_storage_harden (db);

  return db;
}

static gboolean
quick_check (sqlite3     *db,
             const char  *display_name,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  if (!ok)
    g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_DAMAGED,
                 _("“%s” is damaged and cannot be opened. Open another copy, or ask the person "
                   "who sent it to save it again."), display_name);

  return ok;
}

/* Counts the rows of every table that holds model objects, which SQLite does from each
 * table's tree without reading the rows, and refuses a file with more than Tandem opens.
 * The tables are those the schema check just found, so their names are ours. A count that
 * fails is left to quick_check to explain. */
static gboolean
check_object_count (sqlite3     *db,
                    const char  *display_name,
                    GError     **error)
{
  const TandemKindInfo *const *kinds;
  sqlite3_int64 n_objects = 0;
  guint n_kinds;

  kinds = _tandem_storage_get_kinds (&n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", kinds[i]->kind);
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        n_objects += sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
    }

  if (n_objects > TANDEM_MAX_OBJECTS)
    {
      g_autoptr(GError) local_error = NULL;

      _tandem_storage_set_too_many_objects (&local_error);
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_TOO_LARGE,
                   _("“%s” cannot be opened. %s"), display_name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static sqlite3 *
copy_to_memory (sqlite3  *db,
                GError  **error)
{
  sqlite3 *memory = NULL;
  sqlite3_backup *backup;

  if (sqlite3_open_v2 (":memory:", &memory, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
      != SQLITE_OK)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_FAILED,
                   "%s", sqlite3_errmsg (memory));
      sqlite3_close (memory);
      return NULL;
    }

  _tandem_storage_harden (memory);

  backup = sqlite3_backup_init (memory, "main", db, "main");
  if (backup == NULL || sqlite3_backup_step (backup, -1) != SQLITE_DONE)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_FAILED,
                   "%s", sqlite3_errmsg (memory));
      sqlite3_backup_finish (backup);
      sqlite3_close (memory);
      return NULL;
    }
  sqlite3_backup_finish (backup);

  return memory;
}

/**
 * tandem_storage_load:
 *
 * Reads a .tandem file, which may come from anyone. May be called from a worker thread.
 *
 * Returns: (transfer full): a new, unmodified document, or %NULL with @error set to a
 *   sentence for the user
 */
TandemDocument *
tandem_storage_load (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *display_name = NULL;
  g_autofree char *difference = NULL;
  g_autoptr(GError) local_error = NULL;
  TandemDocument *document = NULL;
  sqlite3 *db = NULL;
  int version;

  if (path == NULL)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_FAILED,
                   _("Tandem can only open files on this computer; copy the file to a folder "
                     "here first."));
      return NULL;
    }

  display_name = g_filename_display_basename (path);

  if ((version = check_header (path, display_name, error)) < 0)
    return NULL;

  if ((db = open_untrusted (path, display_name, error)) == NULL)
    return NULL;

  /* The schema is read from the first page alone; the count walks only each table's tree.
   * Both come before quick_check, which reads every page: a file over the limit is refused
   * in a moment, however large. */
  if (!_tandem_schema_matches (db, _tandem_schema_get_default (), version, &difference,
                               &local_error))
    {
      if (local_error != NULL)
        g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_DAMAGED,
                     _("“%s” is damaged and cannot be opened (%s)."),
                     display_name, local_error->message);
      else
        g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_UNEXPECTED_SCHEMA,
                     _("“%s” has been changed by another program: %s. Tandem will not open it, "
                       "to keep you safe. Ask for a copy saved by Tandem."),
                     display_name, difference);
      goto out;
    }

  if (!check_object_count (db, display_name, error) || !quick_check (db, display_name, error))
    goto out;

  if (version < TANDEM_SCHEMA_VERSION)
    {
      sqlite3 *memory = copy_to_memory (db, error);

      if (memory == NULL)
        goto out;

      sqlite3_close (db);
      db = memory;

      if (!_tandem_schema_migrate (db, _tandem_schema_get_default (), version,
                                   TANDEM_SCHEMA_VERSION, error))
        {
          g_prefix_error (error, _("“%s” could not be upgraded: "), display_name);
          goto out;
        }
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  document = _tandem_storage_read_database (db, display_name, &local_error);

  if (document == NULL)
    {
      if (local_error->domain == TANDEM_STORAGE_ERROR &&
          local_error->code == TANDEM_STORAGE_ERROR_DAMAGED)
        g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_DAMAGED,
                     _("“%s” is damaged and cannot be opened (%s)."),
                     display_name, local_error->message);
      else
        g_set_error (error, TANDEM_STORAGE_ERROR,
                     local_error->domain == TANDEM_STORAGE_ERROR
                       ? local_error->code : TANDEM_STORAGE_ERROR_INVALID_CONTENT,
                     _("“%s” cannot be opened because something in it is not valid. %s "
                       "It may have been changed by another program; ask for a copy saved by "
                       "Tandem."),
                     display_name, local_error->message);
      goto out;
    }

  _tandem_document_set_blob_source (document, path);

  /* Files from before schema 4 had no hashes: chain their trails as they are now. */
  if (version < 4)
    tandem_document_seal_legacy (document);

out:
  sqlite3_close (db);

  return document;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  TandemDocument *document = tandem_storage_load (task_data, cancellable, &error);

  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Opening a document in the window removes what killed saves of it left beside it (hidden
   * full copies). The headless tandem_storage_load() leaves the folder alone: --check and the
   * exports promise to change nothing but their output. */
  {
    g_autofree char *path = g_file_get_path (task_data);

    tandem_file_writer_clean_stale (path);
  }

  g_task_return_pointer (task, document, g_object_unref);
}

void
tandem_storage_load_async (GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tandem_storage_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * tandem_storage_load_finish:
 *
 * Returns: (transfer full): the document
 */
TandemDocument *
tandem_storage_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Saving */

/* The writer's failure in the sentences of a document save, which offer Save As. */
static gboolean
set_save_error (GError           **error,
                TandemFileWriter  *writer,
                GError            *writer_error,
                const char        *display_name)
{
  int saved_errno = writer ? tandem_file_writer_get_errno (writer) : 0;

  if (saved_errno != 0)
    return set_error_from_errno (error, saved_errno, display_name, TRUE);

  if (g_error_matches (writer_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_READ_ONLY,
                 _("“%s” is read-only, so it was not changed. Use Save As to save your "
                   "work as a new file."), display_name);
  else if (g_error_matches (writer_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_IS_DIRECTORY,
                 _("“%s” is a folder, so the document cannot be saved with that name. "
                   "Choose another name."), display_name);
  else
    g_set_error_literal (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_FAILED,
                         writer_error->message);

  return FALSE;
}

/* Saving goes through the one file writer (tandem-file-writer.c): a locked temporary file
 * beside the target, which SQLite fills by name, then sync, the old file's mode and owner,
 * rename and folder sync. A symbolic link is followed, so the link stays and its target is
 * replaced; other hard links to the old file keep the old content. */
static gboolean
write_atomically (TandemSnapshot  *snapshot,
                  const char      *path,
                  int              mode,
                  GCancellable    *cancellable,
                  GError         **error)
{
  g_autofree char *display_name = g_filename_display_basename (path);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(TandemFileWriter) writer = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;

  if (g_stat (folder, &st) != 0 || !S_ISDIR (st.st_mode))
    {
      g_autofree char *folder_name = g_filename_display_basename (folder);

      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_FOLDER_MISSING,
                   _("The folder “%s” no longer exists, so “%s” cannot be saved there. Use Save "
                     "As to choose another place."), folder_name, display_name);
      return FALSE;
    }

  writer = tandem_file_writer_new (path, mode, &local_error);
  if (writer == NULL)
    return set_save_error (error, NULL, local_error, display_name);

  if (!_tandem_snapshot_write (snapshot, tandem_file_writer_get_temp_path (writer), cancellable,
                               &local_error))
    {
      if (local_error->domain == TANDEM_STORAGE_ERROR &&
          local_error->code == TANDEM_STORAGE_ERROR_NO_SPACE)
        return set_error_from_errno (error, ENOSPC, display_name, TRUE);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not save “%s”; the file on disk has not been "
                                    "changed. "), display_name);
      return FALSE;
    }

  if (!tandem_file_writer_commit (writer, &local_error))
    return set_save_error (error, writer, local_error, display_name);

  return TRUE;
}

gboolean
_tandem_storage_write_snapshot (TandemSnapshot  *snapshot,
                                const char      *path,
                                GCancellable    *cancellable,
                                GError         **error)
{
  return write_atomically (snapshot, path, 0600, cancellable, error);
}

/**
 * tandem_storage_save:
 *
 * Saves @document to @file atomically and, on success, marks it saved. Blocks; the
 * application uses tandem_storage_save_async().
 */
gboolean
tandem_storage_save (TandemDocument  *document,
                     GFile           *file,
                     GCancellable    *cancellable,
                     GError         **error)
{
  g_autoptr(TandemSnapshot) snapshot = NULL;
  g_autofree char *path = g_file_get_path (file);

  g_return_val_if_fail (TANDEM_IS_DOCUMENT (document), FALSE);

  if (path == NULL)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_FAILED,
                   _("Tandem can only save files on this computer."));
      return FALSE;
    }

  snapshot = _tandem_snapshot_new (document);

  if (!write_atomically (snapshot, path, TANDEM_FILE_WRITER_KEEP_MODE, cancellable, error))
    return FALSE;

  tandem_document_mark_saved (document, _tandem_snapshot_get_state (snapshot));
  _tandem_document_set_blob_source (document, path);

  return TRUE;
}

typedef struct
{
  TandemSnapshot *snapshot;
  char           *path;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  _tandem_snapshot_free (save->snapshot);
  g_free (save->path);
  g_free (save);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *save = task_data;
  GError *error = NULL;

  if (write_atomically (save->snapshot, save->path, TANDEM_FILE_WRITER_KEEP_MODE, cancellable,
                        &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * tandem_storage_save_async:
 *
 * Copies what is to be saved now, on the calling thread, and writes it on a worker thread;
 * the document may change meanwhile. tandem_storage_save_finish() marks saved the state that
 * was written, so changes made during the save still count as unsaved.
 */
void
tandem_storage_save_async (TandemDocument      *document,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *save;

  g_return_if_fail (TANDEM_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (document, cancellable, callback, user_data);
  g_task_set_source_tag (task, tandem_storage_save_async);

  save = g_new0 (SaveData, 1);
  save->path = g_file_get_path (file);
  if (save->path == NULL)
    {
      save_data_free (save);
      g_task_return_new_error (task, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_FAILED,
                               _("Tandem can only save files on this computer."));
      return;
    }
  save->snapshot = _tandem_snapshot_new (document);
  g_task_set_task_data (task, save, save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
tandem_storage_save_finish (TandemDocument  *document,
                            GAsyncResult    *result,
                            GError         **error)
{
  SaveData *save;

  g_return_val_if_fail (g_task_is_valid (result, document), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  save = g_task_get_task_data (G_TASK (result));
  tandem_document_mark_saved (document, _tandem_snapshot_get_state (save->snapshot));
  _tandem_document_set_blob_source (document, save->path);

  return TRUE;
}

/**
 * tandem_storage_read_blob:
 *
 * Returns: (transfer full): the contents of the stored file with SHA-256 @hash
 */
GBytes *
tandem_storage_read_blob (TandemDocument  *document,
                          const char      *hash,
                          GError         **error)
{
  g_autofree char *source = NULL;
  GBytes *bytes;

  g_return_val_if_fail (TANDEM_IS_DOCUMENT (document), NULL);

  if ((bytes = tandem_document_get_memory_blob (document, hash)) != NULL)
    return g_bytes_ref (bytes);

  source = tandem_storage_dup_blob_source (document);

  return tandem_storage_read_blob_from_file (source, hash, error);
}

/**
 * tandem_storage_dup_blob_source:
 *
 * Returns: (transfer full) (nullable): the file that the stored files of @document not in
 *   memory are read from; take it on the main thread and read with
 *   tandem_storage_read_blob_from_file() on a worker thread
 */
char *
tandem_storage_dup_blob_source (TandemDocument *document)
{
  g_return_val_if_fail (TANDEM_IS_DOCUMENT (document), NULL);

  return g_strdup (_tandem_document_get_blob_source (document));
}

/**
 * tandem_storage_read_blob_from_file:
 * @path: (nullable): a Tandem file, as given by tandem_storage_dup_blob_source()
 *
 * Reads a stored file from a Tandem file without touching any document, so it is safe on a
 * worker thread.
 *
 * Returns: (transfer full): the contents of the stored file with SHA-256 @hash
 */
GBytes *
tandem_storage_read_blob_from_file (const char  *path,
                                    const char  *hash,
                                    GError     **error)
{
  g_autofree char *display_name = NULL;
  sqlite3_stmt *stmt = NULL;
  GBytes *bytes = NULL;
  sqlite3 *db;

  if (path == NULL)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_NOT_FOUND,
                   _("The attached file is not in the document."));
      return NULL;
    }

  display_name = g_filename_display_basename (path);
  if ((db = open_untrusted (path, display_name, error)) == NULL)
    return NULL;

  if (sqlite3_prepare_v2 (db, "SELECT data FROM blob WHERE hash = ?1", -1, &stmt, NULL)
      == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if (bytes == NULL)
    g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_NOT_FOUND,
                 _("The attached file is no longer in “%s”; it may have been changed since it "
                   "was opened."), display_name);

  return bytes;
}

typedef struct
{
  char       *source;   /* the file the stored files not in memory are read from */
  GPtrArray  *hashes;   /* still to read, in order */
  GHashTable *blobs;    /* hash -> GBytes, read so far */
} ReadBlobsData;

static void
read_blobs_data_free (gpointer data)
{
  ReadBlobsData *read = data;

  g_free (read->source);
  g_ptr_array_unref (read->hashes);
  g_clear_pointer (&read->blobs, g_hash_table_unref);
  g_free (read);
}

static void
read_blobs_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ReadBlobsData *read = task_data;

  for (guint i = 0; i < read->hashes->len; i++)
    {
      const char *hash = g_ptr_array_index (read->hashes, i);
      GError *error = NULL;
      GBytes *bytes;

      if (g_task_return_error_if_cancelled (task))
        return;

      bytes = tandem_storage_read_blob_from_file (read->source, hash, &error);
      if (bytes == NULL)
        {
          /* What was read is kept: the caller says which file could not be. */
          g_task_return_error (task, error);
          return;
        }

      g_hash_table_insert (read->blobs, g_strdup (hash), bytes);
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * tandem_storage_read_blobs_async:
 * @hashes: the SHA-256 names of stored files of @document
 *
 * Reads stored files of @document on a worker thread: those in memory are taken now, the
 * others are read from the file @document came from, in the order given, stopping at the
 * first that cannot be read.
 */
void
tandem_storage_read_blobs_async (TandemDocument      *document,
                                 const char * const  *hashes,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadBlobsData *read;

  g_return_if_fail (TANDEM_IS_DOCUMENT (document));
  g_return_if_fail (hashes != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tandem_storage_read_blobs_async);

  read = g_new0 (ReadBlobsData, 1);
  read->source = tandem_storage_dup_blob_source (document);
  read->hashes = g_ptr_array_new_with_free_func (g_free);
  read->blobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify)g_bytes_unref);
  for (guint i = 0; hashes[i] != NULL; i++)
    {
      GBytes *bytes = tandem_document_get_memory_blob (document, hashes[i]);

      if (bytes != NULL)
        g_hash_table_insert (read->blobs, g_strdup (hashes[i]), g_bytes_ref (bytes));
      else
        g_ptr_array_add (read->hashes, g_strdup (hashes[i]));
    }
  g_task_set_task_data (task, read, read_blobs_data_free);

  g_task_run_in_thread (task, read_blobs_thread);
}

/**
 * tandem_storage_read_blobs_finish:
 * @blobs: (out) (transfer full) (optional): the stored files read, hash to #GBytes, even
 *   when one could not be read
 *
 * Returns: %TRUE when every stored file was read; otherwise @error says why the first that
 *   could not be read was not
 */
gboolean
tandem_storage_read_blobs_finish (GAsyncResult  *result,
                                  GHashTable   **blobs,
                                  GError       **error)
{
  ReadBlobsData *read;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tandem_storage_read_blobs_async,
                        FALSE);

  read = g_task_get_task_data (G_TASK (result));
  if (blobs != NULL)
    *blobs = g_hash_table_ref (read->blobs);

  return g_task_propagate_boolean (G_TASK (result), error);
}

