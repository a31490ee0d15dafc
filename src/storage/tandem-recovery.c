/* tandem-recovery.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-recovery"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tandem-file-writer.h"
#include "tandem-recovery.h"
#include "tandem-storage-private.h"

/*
 * Recovery copies of unsaved work, in $XDG_DATA_HOME/tandem/recovery. Each open document
 * that has unsaved changes has three files there, named by a random id:
 *
 *   ID.tandem  a complete document, written like any save (temporary file and rename)
 *   ID.ini     its title, the file it belongs to, and when it was written
 *   ID.lock    locked with flock() for as long as the owning process lives
 *
 * A lock the kernel has released (the process ended, however it ended) marks the copy as
 * abandoned; the next start offers it back. Writing happens on a worker thread.
 *
 * The copies hold health service data, so the folder is 0700 and every file 0600; both are
 * set again on every start, in case an older Tandem or the user loosened them. Each save
 * writes ID.ini before ID.tandem (both through the one file writer), so a crash between the
 * two leaves either an .ini without a copy, which is removed, or a copy with the .ini of its
 * previous save, which is offered. A copy whose .ini is missing or damaged is offered too,
 * under a plain title: unsaved work is never thrown away for want of its label.
 */

struct _TandemRecoveryEntry
{
  char      *id;
  char      *title;
  char      *original;
  GDateTime *written;
};

struct _TandemRecovery
{
  GObject  parent_instance;

  char    *id;
  char    *document_path;
  char    *info_path;
  char    *lock_path;
  int      lock_fd;
  gboolean has_copy;
};

G_DEFINE_FINAL_TYPE (TandemRecovery, tandem_recovery, G_TYPE_OBJECT)

/* Auxiliary methods */

static char *
recovery_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "tandem", "recovery", NULL);
}

static char *
recovery_file (const char *id,
               const char *suffix)
{
  g_autofree char *dir = recovery_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

static int
lock_id (const char *id)
{
  g_autofree char *path = recovery_file (id, ".lock");
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    return -1;

  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      return -1;
    }

  return fd;
}

/* The folder exists, belongs to the user only, and so do the files in it. */
static void
tighten_folder (void)
{
  g_autofree char *dir_path = recovery_dir ();
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_mkdir_with_parents (dir_path, 0700);
  g_chmod (dir_path, 0700);

  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      GStatBuf st;

      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && (st.st_mode & 0077) != 0)
        g_chmod (path, st.st_mode & 0700);
    }
}

static void
remove_files (const char *id)
{
  const char *suffixes[] = { ".tandem", ".ini", ".lock" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = recovery_file (id, suffixes[i]);
      g_unlink (path);
    }
}

/* Entries */

void
tandem_recovery_entry_free (TandemRecoveryEntry *entry)
{
  g_free (entry->id);
  g_free (entry->title);
  g_free (entry->original);
  g_clear_pointer (&entry->written, g_date_time_unref);
  g_free (entry);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const TandemRecoveryEntry *first = *(TandemRecoveryEntry **)a;
  const TandemRecoveryEntry *second = *(TandemRecoveryEntry **)b;

  if (first->written == NULL || second->written == NULL)
    return (first->written == NULL) - (second->written == NULL);

  return g_date_time_compare (second->written, first->written);
}

/**
 * tandem_recovery_list_abandoned:
 *
 * Returns: (transfer full) (element-type TandemRecoveryEntry): the recovery copies whose
 *   owning process has ended, newest first
 */
GPtrArray *
tandem_recovery_list_abandoned (void)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify)tandem_recovery_entry_free);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *dir_path = recovery_dir ();
  g_autoptr(GDir) dir = NULL;
  GHashTableIter iter;
  const char *name;
  gpointer key;

  tighten_folder ();

  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return entries;

  /* Every id that has any of its files here: a copy, its .ini or only its lock. */
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      const char *dot = strrchr (name, '.');
      g_autofree char *id = NULL;

      if (dot == NULL || (strcmp (dot, ".tandem") != 0 && strcmp (dot, ".ini") != 0 &&
                          strcmp (dot, ".lock") != 0))
        continue;

      id = g_strndup (name, dot - name);
      if (g_uuid_string_is_valid (id))
        g_hash_table_add (ids, g_steal_pointer (&id));
    }

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *id = key;
      g_autofree char *info_path = recovery_file (id, ".ini");
      g_autofree char *document_path = recovery_file (id, ".tandem");
      g_autoptr(GKeyFile) key_file = g_key_file_new ();
      g_autofree char *written = NULL;
      TandemRecoveryEntry *entry;
      int fd;

      fd = lock_id (id);
      if (fd < 0)
        continue;  /* a running Tandem owns it */

      if (!g_file_test (document_path, G_FILE_TEST_IS_REGULAR))
        {
          /* An .ini or a lock with no copy: a crash before the first copy was complete. */
          remove_files (id);
          close (fd);
          continue;
        }
      close (fd);

      entry = g_new0 (TandemRecoveryEntry, 1);
      entry->id = g_strdup (id);
      if (g_key_file_load_from_file (key_file, info_path, G_KEY_FILE_NONE, NULL))
        {
          entry->title = g_key_file_get_string (key_file, "Recovery", "Title", NULL);
          entry->original = g_key_file_get_string (key_file, "Recovery", "Original", NULL);
          written = g_key_file_get_string (key_file, "Recovery", "Written", NULL);
          entry->written = written ? g_date_time_new_from_iso8601 (written, NULL) : NULL;
        }
      else
        {
          GStatBuf st;

          /* No label for the copy (missing or damaged): offer it anyway, dated by the file. */
          if (g_stat (document_path, &st) == 0)
            entry->written = g_date_time_new_from_unix_utc (st.st_mtime);
        }

      if (entry->title == NULL || entry->title[0] == '\0' ||
          !g_utf8_validate (entry->title, -1, NULL))
        {
          g_free (entry->title);
          entry->title = g_strdup (_("Untitled project"));
        }
      if (entry->original != NULL && entry->original[0] == '\0')
        g_clear_pointer (&entry->original, g_free);
      g_ptr_array_add (entries, entry);
    }

  g_ptr_array_sort (entries, compare_newest_first);

  return entries;
}

const char *
tandem_recovery_entry_get_title (TandemRecoveryEntry *entry)
{
  return entry->title;
}

/**
 * tandem_recovery_entry_get_original:
 *
 * Returns: (nullable): the path of the file the unsaved work belongs to, if it had one
 */
const char *
tandem_recovery_entry_get_original (TandemRecoveryEntry *entry)
{
  return entry->original;
}

char *
tandem_recovery_entry_describe_time (TandemRecoveryEntry *entry)
{
  g_autoptr(GDateTime) local = NULL;

  if (entry->written == NULL)
    return g_strdup (_("time unknown"));

  local = g_date_time_to_local (entry->written);
  /* TRANSLATORS: when a recovery copy was written, see g_date_time_format() */
  return g_date_time_format (local, _("%e %B %Y at %H:%M"));
}

TandemDocument *
tandem_recovery_entry_load (TandemRecoveryEntry  *entry,
                            GError              **error)
{
  g_autofree char *path = recovery_file (entry->id, ".tandem");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return tandem_storage_load (file, NULL, error);
}

void
tandem_recovery_entry_discard (TandemRecoveryEntry *entry)
{
  int fd = lock_id (entry->id);

  /* Only if nobody adopted it meanwhile. */
  if (fd >= 0)
    {
      remove_files (entry->id);
      close (fd);
    }
}

/* TandemRecovery */

static void
tandem_recovery_finalize (GObject *object)
{
  TandemRecovery *self = (TandemRecovery *)object;

  if (self->lock_fd >= 0)
    {
      if (!self->has_copy)
        g_unlink (self->lock_path);
      close (self->lock_fd);
    }

  g_free (self->id);
  g_free (self->document_path);
  g_free (self->info_path);
  g_free (self->lock_path);

  G_OBJECT_CLASS (tandem_recovery_parent_class)->finalize (object);
}

static void
tandem_recovery_class_init (TandemRecoveryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_recovery_finalize;
}

static void
tandem_recovery_init (TandemRecovery *self)
{
  self->lock_fd = -1;
}

static void
set_id (TandemRecovery *self,
        const char     *id)
{
  tighten_folder ();

  self->id = g_strdup (id);
  self->document_path = recovery_file (id, ".tandem");
  self->info_path = recovery_file (id, ".ini");
  self->lock_path = recovery_file (id, ".lock");
  self->lock_fd = lock_id (id);
}

/**
 * tandem_recovery_new:
 *
 * Returns: (transfer full): the recovery slot of one open document; nothing is written
 *   until the first tandem_recovery_save_async()
 */
TandemRecovery *
tandem_recovery_new (void)
{
  TandemRecovery *self = g_object_new (TANDEM_TYPE_RECOVERY, NULL);
  g_autofree char *id = g_uuid_string_random ();

  set_id (self, id);

  return self;
}

/**
 * tandem_recovery_new_adopting:
 *
 * Takes over an abandoned copy, so that it stays until the recovered work is saved or
 * discarded, and another Tandem does not offer it too.
 */
TandemRecovery *
tandem_recovery_new_adopting (TandemRecoveryEntry *entry)
{
  TandemRecovery *self = g_object_new (TANDEM_TYPE_RECOVERY, NULL);

  set_id (self, entry->id);
  self->has_copy = TRUE;

  return self;
}

const char *
tandem_recovery_get_path (TandemRecovery *self)
{
  return self->document_path;
}

gboolean
tandem_recovery_has_copy (TandemRecovery *self)
{
  return self->has_copy;
}

typedef struct
{
  TandemSnapshot *snapshot;
  char           *title;
  char           *original;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  _tandem_snapshot_free (save->snapshot);
  g_free (save->title);
  g_free (save->original);
  g_free (save);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TandemRecovery *self = source_object;
  SaveData *save = task_data;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *written = g_date_time_format_iso8601 (now);
  g_autofree char *info = NULL;
  GError *error = NULL;
  gsize length;

  g_key_file_set_string (key_file, "Recovery", "Title", save->title);
  g_key_file_set_string (key_file, "Recovery", "Original", save->original ? save->original : "");
  g_key_file_set_string (key_file, "Recovery", "Written", written);
  info = g_key_file_to_data (key_file, &length, NULL);

  /* The label first, then the copy: see the top of this file for why this order. */
  if (!tandem_file_write_contents (self->info_path, info, length, 0600, &error) ||
      !_tandem_storage_write_snapshot (save->snapshot, self->document_path, cancellable, &error))
    {
      g_autofree char *folder = recovery_dir ();
      g_autofree char *folder_name = g_filename_display_name (folder);

      /* The window shows this in its banner: about the folder, not our file names. */
      g_debug ("Could not write the recovery copy: %s", error->message);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE) ||
          g_error_matches (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_NO_SPACE))
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                                 _("There is not enough space in “%s” for the recovery copy. "
                                   "Free some space."), folder_name);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                                 _("The recovery folder “%s” cannot be written to; check that it "
                                   "is a folder you may write in."), folder_name);
      g_clear_error (&error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * tandem_recovery_save_async:
 * @original_path: (nullable): the file the document belongs to
 *
 * Writes a recovery copy of @document. The copy of its content is taken now; the writing
 * happens on a worker thread.
 */
void
tandem_recovery_save_async (TandemRecovery      *self,
                            TandemDocument      *document,
                            const char          *original_path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *save;

  g_return_if_fail (TANDEM_IS_RECOVERY (self));
  g_return_if_fail (TANDEM_IS_DOCUMENT (document));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tandem_recovery_save_async);

  save = g_new0 (SaveData, 1);
  save->snapshot = _tandem_snapshot_new (document);
  save->title = g_strdup (tandem_document_get_title (document));
  save->original = g_strdup (original_path);
  g_task_set_task_data (task, save, save_data_free);

  self->has_copy = TRUE;
  g_task_run_in_thread (task, save_thread);
}

gboolean
tandem_recovery_save_finish (TandemRecovery  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * tandem_recovery_discard:
 *
 * Removes the recovery copy, after a save or when the user discards the changes.
 */
void
tandem_recovery_discard (TandemRecovery *self)
{
  g_return_if_fail (TANDEM_IS_RECOVERY (self));

  if (!self->has_copy)
    return;

  g_unlink (self->document_path);
  g_unlink (self->info_path);
  self->has_copy = FALSE;
}
