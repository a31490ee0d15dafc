/* tandem-file-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-file-writer"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tandem-file-writer.h"

/*
 * The one way Tandem writes a file: documents, JSON, templates, PDF, PNG and SVG exports,
 * recovery copies and attachment copies all come here, so a full disk, a killed process or a
 * power cut can never cost the user the file they had.
 *
 * The bytes go to a hidden temporary file beside the target, named
 * “.NAME.tandem-tmp-XXXXXX” so that it can be recognised later. Every write, fsync and close
 * is checked; only when all succeeded is the temporary given the old file's mode (and owner
 * and group, where the user may set them), synced, and renamed over the target, and then the
 * folder is synced so that the rename itself is on disk. On any failure the temporary is
 * removed and the old file has not been touched.
 *
 * The temporary is held with flock() while it is written. A process that is killed in the
 * middle leaves its temporary behind, but the kernel drops its lock; the next save or open of
 * that document removes temporaries that it can lock, and so never one that a running save is
 * still writing.
 *
 * A symbolic link is followed: the file it points to is replaced and the link stays a link.
 * A hard link is not: rename() gives the name a new file, so other names of the old file keep
 * the old content. That is what every editor that saves safely does (gedit, LibreOffice,
 * Vim with “backupcopy=no”); writing in place would put the old content at risk instead.
 */

#define TEMP_MARK "tandem-tmp-"
#define MAX_LINKS 40
/* Temporaries of Tandem versions that did not lock them: removed only once clearly old. */
#define LEGACY_AGE_SECONDS 60

struct _TandemFileWriter
{
  char    *target;      /* the file replaced: the end of any chain of symbolic links */
  char    *folder;
  char    *temp_path;
  char    *display_name;
  int      fd;
  guint    mode;
  uid_t    uid;
  gid_t    gid;
  guint    have_owner : 1;
  guint    committed : 1;
  int      saved_errno;
  GError  *error;       /* the first failure; later calls repeat it */
};

/* Auxiliary methods */

static guint
get_umask (void)
{
  static gsize mask;

  if (g_once_init_enter (&mask))
    {
      g_autofree char *status = NULL;
      guint value = 022;

      /* umask() cannot be read without being set, which would race with other threads. */
      if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
        {
          const char *line = strstr (status, "\nUmask:");

          if (line != NULL)
            value = strtoul (line + 7, NULL, 8) & 0777;
        }

      g_once_init_leave (&mask, value | 0x10000);
    }

  return mask & 0777;
}

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *display_name,
                 const char  *folder)
{
  g_autofree char *folder_name = g_filename_display_name (folder);
  GIOErrorEnum code = g_io_error_from_errno (saved_errno);

  switch (saved_errno)
    {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("There is not enough space in “%s” to write “%s”; nothing there was "
                     "changed. Free some space or choose another place."),
                   folder_name, display_name);
      break;

    case EACCES:
    case EPERM:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("You are not allowed to write “%s” in “%s”. Choose a folder of your own."),
                   display_name, folder_name);
      break;

    case EROFS:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                   _("“%s” is on a disk that cannot be written to, so “%s” was not written. "
                     "Choose another place."), folder_name, display_name);
      break;

    case ENOENT:
    case ENOTDIR:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The folder “%s” does not exist, so “%s” cannot be written there. Choose "
                     "another place."), folder_name, display_name);
      break;

    case ELOOP:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                   _("“%s” is a symbolic link that leads round in a circle, so it was not "
                     "written. Choose another name."), display_name);
      break;

    default:
      g_set_error (error, G_IO_ERROR, code,
                   _("Could not write “%s”: %s. Nothing in “%s” was changed."),
                   display_name, g_strerror (saved_errno), folder_name);
      break;
    }
}

/* Records the first failure and copies it to @error. */
static gboolean
fail (TandemFileWriter  *writer,
      int                saved_errno,
      GError           **error)
{
  if (writer->error == NULL)
    {
      writer->saved_errno = saved_errno;
      set_errno_error (&writer->error, saved_errno, writer->display_name, writer->folder);
    }

  if (error != NULL)
    *error = g_error_copy (writer->error);

  return FALSE;
}

static TandemFileWriter *
fail_new (TandemFileWriter  *writer,
          int                saved_errno,
          GError           **error)
{
  fail (writer, saved_errno, error);
  tandem_file_writer_free (writer);

  return NULL;
}

/* The file a chain of symbolic links ends at, whether or not that file exists yet. */
static char *
resolve_links (const char  *path,
               int         *saved_errno)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *link = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      link = g_file_read_link (current, NULL);
      if (link == NULL)
        return g_steal_pointer (&current);

      if (g_path_is_absolute (link))
        {
          g_free (current);
          current = g_steal_pointer (&link);
        }
      else
        {
          g_autofree char *folder = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (folder, link, NULL);
        }
    }

  *saved_errno = ELOOP;
  return NULL;
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

static gboolean
is_alnum_run (const char *text,
              gsize       length)
{
  if (strlen (text) != length)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (text[i]))
      return FALSE;

  return TRUE;
}

/* Whether @fd holds what a killed save of an older Tandem left: empty or a SQLite file. */
static gboolean
looks_like_legacy_temporary (int          fd,
                             const char  *suffix,
                             struct stat *st)
{
  static const char header[16] = "SQLite format 3";
  char bytes[16];
  gboolean mixed = FALSE;

  if (!is_alnum_run (suffix, 6))
    return FALSE;

  /* g_mkstemp() draws from letters and digits; a suffix of lower-case letters alone is more
   * likely a word (“.project.tandem.backup”) that someone chose, so leave it. */
  for (guint i = 0; i < 6; i++)
    if (!g_ascii_islower (suffix[i]))
      mixed = TRUE;
  if (!mixed)
    return FALSE;

  if (g_get_real_time () / G_USEC_PER_SEC - st->st_mtime < LEGACY_AGE_SECONDS)
    return FALSE;

  if (st->st_size == 0)
    return TRUE;

  return pread (fd, bytes, sizeof bytes, 0) == sizeof bytes &&
         memcmp (bytes, header, sizeof header) == 0;
}

/**
 * tandem_file_writer_clean_stale:
 * @path: a file Tandem writes
 *
 * Removes the temporary files that saves of @path killed part-way left beside it: those
 * named as this writer names them (or as older Tandems did), owned by the user, and not
 * locked by a save still running.
 *
 * Returns: how many were removed
 */
guint
tandem_file_writer_clean_stale (const char *path)
{
  g_autofree char *target = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  int saved_errno = 0;
  guint removed = 0;

  g_return_val_if_fail (path != NULL, 0);

  target = resolve_links (path, &saved_errno);
  if (target == NULL)
    return 0;

  folder = g_path_get_dirname (target);
  basename = g_path_get_basename (target);
  prefix = g_strdup_printf (".%s.", basename);

  dir = g_dir_open (folder, 0, NULL);
  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *entry = NULL;
      const char *suffix;
      struct stat st;
      gboolean ours;
      int fd;

      if (!g_str_has_prefix (name, prefix))
        continue;

      suffix = name + strlen (prefix);
      ours = g_str_has_prefix (suffix, TEMP_MARK) &&
             is_alnum_run (suffix + strlen (TEMP_MARK), 6);
      if (!ours && !is_alnum_run (suffix, 6))
        continue;

      entry = g_build_filename (folder, name, NULL);
      fd = g_open (entry, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
      if (fd < 0)
        continue;

      /* A lock we can take means no running save holds this file. Checking the name still
       * points at what we locked stops us removing a file that replaced it meanwhile. */
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == getuid () &&
          (ours || looks_like_legacy_temporary (fd, suffix, &st)) &&
          flock (fd, LOCK_EX | LOCK_NB) == 0 && same_file (fd, entry) &&
          g_unlink (entry) == 0)
        removed++;

      close (fd);
    }

  return removed;
}

/**
 * tandem_file_writer_new:
 * @path: the file to write; a symbolic link is followed and the file it points to replaced
 * @mode: the permissions of the new file, or %TANDEM_FILE_WRITER_KEEP_MODE
 *
 * Starts writing @path: checks that it can be replaced and creates the temporary file,
 * locked, beside it. Write with tandem_file_writer_write() or through
 * tandem_file_writer_get_fd() / tandem_file_writer_get_temp_path(), then call
 * tandem_file_writer_commit(). Freeing a writer that was not committed removes the temporary
 * and leaves @path as it was.
 *
 * Returns: (transfer full) (nullable): the writer, or %NULL with @error set to a sentence
 *   naming the file and what to do
 */
TandemFileWriter *
tandem_file_writer_new (const char  *path,
                        int          mode,
                        GError     **error)
{
  g_autoptr(TandemFileWriter) writer = NULL;
  g_autofree char *basename = NULL;
  GStatBuf st;
  int saved_errno = 0;

  g_return_val_if_fail (path != NULL, NULL);

  writer = g_new0 (TandemFileWriter, 1);
  writer->fd = -1;
  writer->display_name = g_filename_display_basename (path);
  writer->folder = g_path_get_dirname (path);

  writer->target = resolve_links (path, &saved_errno);
  if (writer->target == NULL)
    return fail_new (g_steal_pointer (&writer), saved_errno, error);

  g_free (writer->folder);
  writer->folder = g_path_get_dirname (writer->target);
  basename = g_path_get_basename (writer->target);

  if (g_stat (writer->folder, &st) != 0 || !S_ISDIR (st.st_mode))
    return fail_new (g_steal_pointer (&writer), ENOENT, error);

  if (g_stat (writer->target, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                       _("“%s” is a folder, so nothing can be written with that name. Choose "
                         "another name."), writer->display_name);
          return NULL;
        }

      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("“%s” is not an ordinary file, so Tandem will not replace it. Choose "
                         "another name."), writer->display_name);
          return NULL;
        }

      if ((st.st_mode & 0222) == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                       _("“%s” is read-only, so it was not replaced. Choose another name, or "
                         "make it writable first."), writer->display_name);
          return NULL;
        }

      writer->mode = st.st_mode & 07777;
      writer->uid = st.st_uid;
      writer->gid = st.st_gid;
      writer->have_owner = TRUE;
    }
  else
    {
      writer->mode = 0666 & ~get_umask ();
    }

  if (mode >= 0)
    writer->mode = mode & 07777;

  tandem_file_writer_clean_stale (writer->target);

  /* A cleaner in another process may remove our file between its creation and our lock; if
   * the name no longer leads to what we locked, start again with a fresh name. */
  for (guint attempt = 0; attempt < 5; attempt++)
    {
      g_clear_pointer (&writer->temp_path, g_free);
      writer->temp_path = g_strdup_printf ("%s/.%s." TEMP_MARK "XXXXXX", writer->folder,
                                           basename);
      writer->fd = g_mkstemp_full (writer->temp_path, O_RDWR | O_CLOEXEC, 0600);
      if (writer->fd < 0)
        {
          saved_errno = errno;
          g_clear_pointer (&writer->temp_path, g_free);
          return fail_new (g_steal_pointer (&writer), saved_errno, error);
        }

      if (flock (writer->fd, LOCK_EX | LOCK_NB) == 0 && same_file (writer->fd, writer->temp_path))
        return g_steal_pointer (&writer);

      if (same_file (writer->fd, writer->temp_path))
        g_unlink (writer->temp_path);
      close (writer->fd);
      writer->fd = -1;
      g_clear_pointer (&writer->temp_path, g_free);
    }

  return fail_new (g_steal_pointer (&writer), EAGAIN, error);
}

/**
 * tandem_file_writer_get_fd:
 *
 * Returns: the open, locked temporary file, for code that writes through its own stream;
 *   the writer closes it
 */
int
tandem_file_writer_get_fd (TandemFileWriter *writer)
{
  return writer->fd;
}

/**
 * tandem_file_writer_get_temp_path:
 *
 * Returns: the path of the temporary file, for a library that opens files by name (SQLite)
 */
const char *
tandem_file_writer_get_temp_path (TandemFileWriter *writer)
{
  return writer->temp_path;
}

const char *
tandem_file_writer_get_target (TandemFileWriter *writer)
{
  return writer->target;
}

/**
 * tandem_file_writer_get_errno:
 *
 * Returns: the errno of the first failure, or 0
 */
int
tandem_file_writer_get_errno (TandemFileWriter *writer)
{
  return writer->saved_errno;
}

/**
 * tandem_file_writer_write:
 *
 * Appends @data to the temporary file. After a failure every later write and the commit
 * fail with the same error, so a caller that streams (cairo) may check only at the end.
 */
gboolean
tandem_file_writer_write (TandemFileWriter  *writer,
                          const void        *data,
                          gsize              size,
                          GError           **error)
{
  const char *next = data;

  g_return_val_if_fail (writer != NULL, FALSE);

  if (writer->error != NULL || writer->fd < 0)
    return fail (writer, writer->saved_errno ? writer->saved_errno : EBADF, error);

  while (size > 0)
    {
      gssize written = write (writer->fd, next, MIN (size, G_MAXSSIZE));

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return fail (writer, errno, error);
        }

      /* write() returning 0 for a non-empty buffer means the disk took nothing. */
      if (written == 0)
        return fail (writer, ENOSPC, error);

      next += written;
      size -= written;
    }

  return TRUE;
}

/**
 * tandem_file_writer_commit:
 *
 * Makes the temporary file the target: owner, group and mode of the old file, synced,
 * closed, renamed over the target, folder synced. On failure the target is as it was and
 * freeing the writer removes the temporary.
 */
gboolean
tandem_file_writer_commit (TandemFileWriter  *writer,
                           GError           **error)
{
  int dir_fd;

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (!writer->committed, FALSE);

  if (writer->error != NULL || writer->fd < 0)
    return fail (writer, writer->saved_errno ? writer->saved_errno : EBADF, error);

  /* Owner first: changing it may clear set-id bits that the mode then restores. Only the
   * superuser may give a file away, and a group only to one the user belongs to; otherwise the
   * new file is simply the user's, as any copy they make would be. */
  if (writer->have_owner && fchown (writer->fd, writer->uid, writer->gid) != 0 &&
      errno != EPERM && errno != EINVAL)
    return fail (writer, errno, error);

  if (fchmod (writer->fd, writer->mode) != 0)
    return fail (writer, errno, error);

  /* Delayed allocation (and NFS) report a full disk here rather than at write(). */
  if (fsync (writer->fd) != 0)
    return fail (writer, errno, error);

  if (close (writer->fd) != 0)
    {
      writer->fd = -1;
      return fail (writer, errno, error);
    }
  writer->fd = -1;

  if (g_rename (writer->temp_path, writer->target) != 0)
    return fail (writer, errno, error);

  writer->committed = TRUE;

  /* The rename itself must reach the disk before the file counts as written. Some file
   * systems cannot sync a folder (EINVAL); the file is in place either way. */
  dir_fd = g_open (writer->folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }

  return TRUE;
}

/**
 * tandem_file_writer_free:
 *
 * Frees @writer; if it was not committed, removes the temporary file.
 */
void
tandem_file_writer_free (TandemFileWriter *writer)
{
  if (writer == NULL)
    return;

  if (writer->fd >= 0)
    close (writer->fd);

  if (!writer->committed && writer->temp_path != NULL)
    g_unlink (writer->temp_path);

  g_clear_error (&writer->error);
  g_free (writer->target);
  g_free (writer->folder);
  g_free (writer->temp_path);
  g_free (writer->display_name);
  g_free (writer);
}

/**
 * tandem_file_write_contents:
 * @mode: the permissions of the file, or %TANDEM_FILE_WRITER_KEEP_MODE
 *
 * Replaces @path with @data safely (see the top of this file).
 */
gboolean
tandem_file_write_contents (const char  *path,
                            const void  *data,
                            gsize        size,
                            int          mode,
                            GError     **error)
{
  g_autoptr(TandemFileWriter) writer = NULL;

  writer = tandem_file_writer_new (path, mode, error);

  return writer != NULL &&
         tandem_file_writer_write (writer, data, size, error) &&
         tandem_file_writer_commit (writer, error);
}

/**
 * tandem_file_replace_contents:
 *
 * tandem_file_write_contents() for a #GFile, which must be on this computer.
 */
gboolean
tandem_file_replace_contents (GFile       *file,
                              const void  *data,
                              gsize        size,
                              GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not on this computer. Tandem writes files only to local folders; "
                     "choose one of those."), name);
      return FALSE;
    }

  return tandem_file_write_contents (path, data, size, TANDEM_FILE_WRITER_KEEP_MODE, error);
}
