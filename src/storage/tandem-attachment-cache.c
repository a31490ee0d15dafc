/* tandem-attachment-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-attachment-cache"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tandem-attachment-cache.h"
#include "tandem-file-writer.h"

/*
 * Copies of attached files, written so that another application can open them. They are
 * health service documents, so they must not stay in the cache once the project is closed:
 *
 *   $XDG_CACHE_HOME/tandem/attachments/SESSION/.lock       flock()ed while this process lives
 *   $XDG_CACHE_HOME/tandem/attachments/SESSION/DOC/HASH/NAME   one read-only copy
 *
 * SESSION is one per running Tandem, DOC one per open document. Closing a document removes
 * its DOC folder; a Tandem that ended without closing (a crash, a kill) leaves its SESSION
 * unlocked, and the next start removes it, with any folder of an older Tandem (named by hash
 * directly under attachments/). A viewer that still has a copy open keeps reading it: on Linux
 * removing a name does not take the file from under an open descriptor.
 */

#define DOCUMENT_KEY "tandem-attachment-cache-key"

static GMutex session_lock;
static char *session_id;
static int session_fd = -1;

/* Auxiliary methods */

static char *
cache_root (void)
{
  return g_build_filename (g_get_user_cache_dir (), "tandem", "attachments", NULL);
}

static const char *
get_session_id (void)
{
  g_mutex_lock (&session_lock);
  if (session_id == NULL)
    session_id = g_uuid_string_random ();
  g_mutex_unlock (&session_lock);

  return session_id;
}

static gboolean
same_file (int         fd,
           const char *path)
{
  struct stat by_fd;
  GStatBuf by_path;

  return fstat (fd, &by_fd) == 0 && g_lstat (path, &by_path) == 0 &&
         by_fd.st_dev == by_path.st_dev && by_fd.st_ino == by_path.st_ino;
}

/* Creates this process's session folder and holds its lock for as long as the process lives. */
static gboolean
prepare_session (GError **error)
{
  g_autofree char *root = cache_root ();
  g_autofree char *folder = g_build_filename (root, get_session_id (), NULL);
  g_autofree char *lock = g_build_filename (folder, ".lock", NULL);
  gboolean ok = TRUE;

  g_mutex_lock (&session_lock);

  if (session_fd < 0)
    {
      int fd = -1;

      if (g_mkdir_with_parents (folder, 0700) == 0)
        fd = g_open (lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

      /* A start-up cleaner could take the lock between the open and ours; if the name no
       * longer leads to what we locked, it removed the folder, so we have no session yet. */
      if (fd >= 0 && (flock (fd, LOCK_EX | LOCK_NB) != 0 || !same_file (fd, lock)))
        {
          close (fd);
          fd = -1;
          errno = EAGAIN;
        }

      if (fd < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not make a folder for the copy in “%s”: %s."), root,
                       g_strerror (saved_errno));
          ok = FALSE;
        }
      else
        {
          session_fd = fd;
        }
    }

  g_mutex_unlock (&session_lock);

  return ok;
}

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

static gboolean
is_hash (const char *name)
{
  if (strlen (name) != 64)
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;

  return TRUE;
}

/**
 * tandem_attachment_cache_folder_for:
 *
 * Returns: (transfer full): the folder where copies of @document's attachments go; it is
 *   made when the first copy is written. Call on the main thread.
 */
char *
tandem_attachment_cache_folder_for (TandemDocument *document)
{
  g_autofree char *root = cache_root ();
  const char *key;

  g_return_val_if_fail (TANDEM_IS_DOCUMENT (document), NULL);

  key = g_object_get_data (G_OBJECT (document), DOCUMENT_KEY);
  if (key == NULL)
    {
      char *id = g_uuid_string_random ();

      g_object_set_data_full (G_OBJECT (document), DOCUMENT_KEY, id, g_free);
      key = id;
    }

  return g_build_filename (root, get_session_id (), key, NULL);
}

/**
 * tandem_attachment_cache_write:
 * @folder: from tandem_attachment_cache_folder_for()
 * @name: a safe file name, without folders
 *
 * Writes a read-only copy of @bytes (the attachment @hash) in @folder, unless it is there
 * already. Blocks: call on a worker thread.
 *
 * Returns: (transfer full): the path of the copy
 */
char *
tandem_attachment_cache_write (const char  *folder,
                               const char  *hash,
                               const char  *name,
                               GBytes      *bytes,
                               GError     **error)
{
  g_autofree char *dir = g_build_filename (folder, hash, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gconstpointer data;
  gsize size;

  if (!prepare_session (error))
    return NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not make a folder for the copy: %s."), g_strerror (saved_errno));
      return NULL;
    }

  /* Named by its hash, a copy that is there already has these very bytes: the writer never
   * leaves half a file under the real name. */
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&path);

  data = g_bytes_get_data (bytes, &size);

  /* Read-only, so that nobody edits the copy thinking the change goes into the project. */
  if (!tandem_file_write_contents (path, data, size, 0400, error))
    return NULL;

  return g_steal_pointer (&path);
}

static void
release_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  remove_tree (task_data);
  g_task_return_boolean (task, TRUE);
}

/**
 * tandem_attachment_cache_release_async:
 *
 * Removes the copies of @document's attachments, on a worker thread; for when the document
 * is closed.
 */
void
tandem_attachment_cache_release_async (TandemDocument      *document,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *key;

  g_return_if_fail (TANDEM_IS_DOCUMENT (document));

  task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (task, tandem_attachment_cache_release_async);

  key = g_object_get_data (G_OBJECT (document), DOCUMENT_KEY);
  if (key == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_task_set_task_data (task, tandem_attachment_cache_folder_for (document), g_free);
  /* A document shown again later gets a fresh folder. */
  g_object_set_data (G_OBJECT (document), DOCUMENT_KEY, NULL);
  g_task_run_in_thread (task, release_thread);
}

gboolean
tandem_attachment_cache_release_finish (GAsyncResult  *result,
                                        GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * tandem_attachment_cache_clean_abandoned:
 *
 * Removes the copies that Tandems which ended without closing their documents left behind:
 * session folders whose lock is free, and the hash-named folders of older versions. Blocks.
 *
 * Returns: how many folders were removed
 */
guint
tandem_attachment_cache_clean_abandoned (void)
{
  g_autofree char *root = cache_root ();
  g_autoptr(GDir) dir = g_dir_open (root, 0, NULL);
  const char *name;
  guint removed = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *folder = g_build_filename (root, name, NULL);
      g_autofree char *lock = g_build_filename (folder, ".lock", NULL);
      int fd;

      if (is_hash (name))
        {
          remove_tree (folder);
          removed++;
          continue;
        }

      if (!g_uuid_string_is_valid (name) || g_strcmp0 (name, session_id) == 0)
        continue;

      fd = g_open (lock, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0);
      if (fd < 0)
        continue;

      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          remove_tree (folder);
          removed++;
        }
      close (fd);
    }

  return removed;
}

static void
clean_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_task_return_int (task, tandem_attachment_cache_clean_abandoned ());
}

/**
 * tandem_attachment_cache_clean_abandoned_async:
 *
 * tandem_attachment_cache_clean_abandoned() on a worker thread, for start-up.
 */
void
tandem_attachment_cache_clean_abandoned_async (GAsyncReadyCallback callback,
                                               gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, callback, user_data);

  g_task_set_source_tag (task, tandem_attachment_cache_clean_abandoned_async);
  g_task_run_in_thread (task, clean_thread);
}
