/* tandem-lock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-lock"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tandem-lock.h"

/*
 * Who has a document open, and since when: a small lock file beside the document, as office
 * suites keep (LibreOffice's “.~lock.NAME#”), so that a second person opening the same file
 * from a shared drive, or a second Tandem on the same computer, is told before two sets of
 * changes meet and the last save silently wins.
 *
 * The lock file is “.~lock.NAME#” in the document's folder (NAME is the document's file
 * name), a key file holding the display name, login, host, process id and the moment it was
 * taken. It is created whole or not at all: written to a temporary file, then hard-linked to
 * its name, which fails when the name exists, even over NFS and SMB, where O_EXCL has been
 * unreliable. On file systems without hard links it is created with O_CREAT | O_EXCL and then
 * written; a reader that finds it empty or damaged treats it as abandoned (below).
 *
 * A lock is stale, and taken over without asking, when it names this computer and its
 * process is no longer running, or when it cannot be read at all (a crash of a Tandem
 * without hard links between creating and writing it). A lock from another computer is never
 * presumed stale: Tandem cannot know whether that process runs.
 *
 * This is advice between cooperating programs, not a guard: another program can still write
 * the document. That is why the window also checks, before saving, that the file on disk is
 * the one it read (tandem_lock_stamp_document()).
 */

#define LOCK_GROUP "Tandem Lock"
#define LOCK_MAX_SIZE 4096
#define FIELD_MAX_CHARS 100

struct _TandemLock
{
  GObject    parent_instance;

  GFile     *file;      /* the lock file */
  char      *name;
  char      *login;
  char      *host;
  gint64     pid;
  GDateTime *since;
};

G_DEFINE_FINAL_TYPE (TandemLock, tandem_lock, G_TYPE_OBJECT)

G_DEFINE_QUARK (tandem-lock-error-quark, tandem_lock_error)

/* Auxiliary methods */

/* Text from a lock file written by anyone: valid, one line, and short enough for a dialog. */
static char *
clean_field (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *clean = g_string_new (NULL);
  guint n = 0;

  for (const char *p = valid; *p != '\0' && n < FIELD_MAX_CHARS; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || g_unichar_type (c) == G_UNICODE_FORMAT)
        continue;
      g_string_append_unichar (clean, c);
    }

  return g_string_free (clean, FALSE);
}

static TandemLock *
lock_new (GFile      *file,
          const char *name,
          const char *login,
          const char *host,
          gint64      pid,
          GDateTime  *since)
{
  TandemLock *self = g_object_new (TANDEM_TYPE_LOCK, NULL);

  self->file = g_object_ref (file);
  self->name = clean_field (name);
  self->login = clean_field (login);
  self->host = clean_field (host);
  self->pid = pid;
  self->since = g_date_time_ref (since);

  return self;
}

static char *
lock_to_data (TandemLock *self,
              gsize      *length)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *since = g_date_time_format (self->since, "%Y-%m-%dT%H:%M:%SZ");

  g_key_file_set_string (key_file, LOCK_GROUP, "Name", self->name);
  g_key_file_set_string (key_file, LOCK_GROUP, "Login", self->login);
  g_key_file_set_string (key_file, LOCK_GROUP, "Host", self->host);
  g_key_file_set_int64 (key_file, LOCK_GROUP, "Pid", self->pid);
  g_key_file_set_string (key_file, LOCK_GROUP, "Since", since);

  return g_key_file_to_data (key_file, length, NULL);
}

/* Reads at most LOCK_MAX_SIZE bytes of a regular file: a lock file is small, and one that is
 * not (or is a FIFO or a device) is not a lock Tandem wrote. */
static char *
read_small (const char  *path,
            GError     **error)
{
  char buffer[LOCK_MAX_SIZE + 1];
  struct stat st;
  gssize n;
  int fd;

  fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s",
                   g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > LOCK_MAX_SIZE)
    {
      close (fd);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "not a lock file Tandem wrote");
      return NULL;
    }

  do
    n = read (fd, buffer, LOCK_MAX_SIZE);
  while (n < 0 && errno == EINTR);
  close (fd);

  if (n < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, g_strerror (errno));
      return NULL;
    }

  buffer[n] = '\0';
  return g_strndup (buffer, n);
}

static TandemLock *
lock_parse (GFile       *file,
            const char  *data,
            GError     **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *name = NULL;
  g_autofree char *login = NULL;
  g_autofree char *host = NULL;
  g_autofree char *since_text = NULL;
  g_autoptr(GDateTime) since = NULL;
  gint64 pid;

  if (!g_key_file_load_from_data (key_file, data, -1, G_KEY_FILE_NONE, error))
    return NULL;

  name = g_key_file_get_string (key_file, LOCK_GROUP, "Name", NULL);
  login = g_key_file_get_string (key_file, LOCK_GROUP, "Login", NULL);
  host = g_key_file_get_string (key_file, LOCK_GROUP, "Host", NULL);
  since_text = g_key_file_get_string (key_file, LOCK_GROUP, "Since", NULL);
  pid = g_key_file_get_int64 (key_file, LOCK_GROUP, "Pid", NULL);

  if (since_text != NULL)
    since = g_date_time_new_from_iso8601 (since_text, NULL);

  if (host == NULL || host[0] == '\0' || since == NULL || pid <= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "incomplete lock file");
      return NULL;
    }

  return lock_new (file, name, login, host, pid, since);
}

static TandemLock *
read_lock_file (GFile   *lock_file,
                GError **error)
{
  g_autofree char *path = g_file_get_path (lock_file);
  g_autofree char *data = read_small (path, error);

  if (data == NULL)
    return NULL;

  return lock_parse (lock_file, data, error);
}

static gboolean
same_holder (TandemLock *a,
             TandemLock *b)
{
  return a->pid == b->pid && g_str_equal (a->host, b->host) &&
         g_date_time_equal (a->since, b->since);
}

/* Creates @path holding @data, or fails with EEXIST when it exists: whole or not at all. */
static int
create_exclusive (const char  *path,
                  const char  *data,
                  gsize        length)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp = g_build_filename (dir, ".~lock.tandem-XXXXXX", NULL);
  int saved_errno = 0;
  int fd;

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    return errno;

  if (write (fd, data, length) != (gssize)length)
    saved_errno = errno ? errno : EIO;
  if (close (fd) != 0 && saved_errno == 0)
    saved_errno = errno;
  /* mkstemp makes 0600; others on a shared drive need to read who holds the document. */
  if (saved_errno == 0)
    g_chmod (tmp, 0644);

  if (saved_errno == 0 && link (tmp, path) != 0)
    saved_errno = errno;
  g_unlink (tmp);

  if (saved_errno == EPERM || saved_errno == ENOTSUP || saved_errno == ENOSYS ||
      saved_errno == EOPNOTSUPP || saved_errno == EXDEV || saved_errno == EMLINK)
    {
      /* No hard links here (FAT, some SMB mounts): the next best thing. */
      saved_errno = 0;
      fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
      if (fd < 0)
        return errno;
      if (write (fd, data, length) != (gssize)length)
        saved_errno = errno ? errno : EIO;
      if (close (fd) != 0 && saved_errno == 0)
        saved_errno = errno;
      if (saved_errno != 0)
        g_unlink (path);
    }

  return saved_errno;
}

static void
take_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *document = task_data;
  const char *display_name = g_object_get_data (G_OBJECT (task), "display-name");
  g_autoptr(TandemLock) lock = NULL;
  g_autoptr(TandemLock) holder = NULL;
  g_autoptr(GError) error = NULL;
  char *stamp;

  /* Stamped before the document is read: a change between this and the reading shows as a
   * change at the next save, which asks; the other order could miss one. */
  stamp = tandem_lock_stamp_document (document, NULL);
  g_object_set_data_full (G_OBJECT (task), "stamp", stamp, g_free);

  lock = tandem_lock_take (document, display_name, &holder, &error);
  if (holder != NULL)
    g_object_set_data_full (G_OBJECT (task), "holder", g_steal_pointer (&holder),
                            g_object_unref);

  if (lock == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&lock), g_object_unref);
}

/* GObject */

static void
tandem_lock_finalize (GObject *object)
{
  TandemLock *self = (TandemLock *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->login, g_free);
  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->since, g_date_time_unref);

  G_OBJECT_CLASS (tandem_lock_parent_class)->finalize (object);
}

static void
tandem_lock_class_init (TandemLockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tandem_lock_finalize;
}

static void
tandem_lock_init (TandemLock *self)
{
}

/* Public API */

/**
 * tandem_lock_file_for:
 *
 * Returns: (transfer full): the lock file of @document: “.~lock.NAME#” beside it
 */
GFile *
tandem_lock_file_for (GFile *document)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (document), NULL);

  parent = g_file_get_parent (document);
  basename = g_file_get_basename (document);
  name = g_strdup_printf (".~lock.%s#", basename);

  return g_file_get_child (parent, name);
}

/**
 * tandem_lock_take:
 * @document: the document to open
 * @display_name: (nullable): the name to show others; the user's real name when %NULL
 * @holder: (out) (optional) (transfer full): who holds the lock, when it is held
 *
 * Takes the lock of @document for this process, taking over a stale one. When someone else
 * holds it, fails with %TANDEM_LOCK_ERROR_HELD and sets @holder; this process itself holding
 * it (another window) counts as someone else. When the lock file cannot be written (a
 * read-only folder), fails with %TANDEM_LOCK_ERROR_FAILED: the document can still be read.
 *
 * Returns: (transfer full) (nullable): the lock, to release when the document is closed
 */
TandemLock *
tandem_lock_take (GFile       *document,
                  const char  *display_name,
                  TandemLock **holder,
                  GError     **error)
{
  g_autoptr(GFile) lock_file = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(TandemLock) lock = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (document), NULL);

  if (holder != NULL)
    *holder = NULL;

  lock_file = tandem_lock_file_for (document);
  path = g_file_get_path (lock_file);
  if (path == NULL)
    {
      g_set_error_literal (error, TANDEM_LOCK_ERROR, TANDEM_LOCK_ERROR_FAILED,
                           _("Only files on this computer or a mounted drive can be locked."));
      return NULL;
    }

  /* Whole seconds, as written: what is read back compares equal. */
  since = g_date_time_new_utc (g_date_time_get_year (now), g_date_time_get_month (now),
                               g_date_time_get_day_of_month (now), g_date_time_get_hour (now),
                               g_date_time_get_minute (now), g_date_time_get_second (now));
  lock = lock_new (lock_file,
                   display_name && display_name[0] ? display_name : g_get_real_name (),
                   g_get_user_name (), g_get_host_name (), getpid (), since);
  data = lock_to_data (lock, &length);

  /* Twice at most: once more after removing a stale lock. */
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(TandemLock) existing = NULL;
      int result = create_exclusive (path, data, length);

      if (result == 0)
        return g_steal_pointer (&lock);

      if (result != EEXIST)
        {
          g_autofree char *folder = g_path_get_dirname (path);
          g_autofree char *display = g_filename_display_name (folder);

          g_set_error (error, TANDEM_LOCK_ERROR, TANDEM_LOCK_ERROR_FAILED,
                       _("Could not note in “%s” that the document is open: %s."),
                       display, g_strerror (result));
          return NULL;
        }

      existing = read_lock_file (lock_file, NULL);
      if (existing == NULL || tandem_lock_is_stale (existing))
        {
          /* Abandoned: its process has ended, or it was never finished. */
          g_debug ("Taking over the stale lock %s", path);
          if (g_unlink (path) != 0 && errno != ENOENT)
            break;
          continue;
        }

      if (holder != NULL)
        *holder = g_object_ref (existing);
      g_set_error (error, TANDEM_LOCK_ERROR, TANDEM_LOCK_ERROR_HELD,
                   _("The document is open in Tandem as %s."), existing->name);
      return NULL;
    }

  g_set_error (error, TANDEM_LOCK_ERROR, TANDEM_LOCK_ERROR_FAILED,
               _("Could not replace the abandoned lock file “%s”."), path);
  return NULL;
}

/**
 * tandem_lock_take_async:
 *
 * Stamps @document (see tandem_lock_stamp_document()) and takes its lock, on a worker thread.
 */
void
tandem_lock_take_async (GFile               *document,
                        const char          *display_name,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (document));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tandem_lock_take_async);
  /* A lock taken is always handed over, even when cancelled meanwhile, so that the caller
   * releases it: one dropped here would stay on disk naming a live process. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, g_object_ref (document), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "display-name", g_strdup (display_name), g_free);
  g_task_run_in_thread (task, take_thread);
}

/**
 * tandem_lock_take_finish:
 * @holder: (out) (optional) (transfer full): who holds the lock, when it is held
 * @stamp: (out) (optional) (transfer full): the document's stamp before the lock was taken
 *
 * Returns: (transfer full) (nullable): the lock, as tandem_lock_take()
 */
TandemLock *
tandem_lock_take_finish (GAsyncResult  *result,
                         TandemLock   **holder,
                         char         **stamp,
                         GError       **error)
{
  GTask *task = G_TASK (result);
  TandemLock *found = g_object_get_data (G_OBJECT (task), "holder");

  g_return_val_if_fail (g_task_get_source_tag (task) == tandem_lock_take_async, NULL);

  if (holder != NULL)
    *holder = found ? g_object_ref (found) : NULL;
  if (stamp != NULL)
    *stamp = g_strdup (g_object_get_data (G_OBJECT (task), "stamp"));

  return g_task_propagate_pointer (task, error);
}

/**
 * tandem_lock_read:
 *
 * Returns: (transfer full) (nullable): who holds the lock of @document, or %NULL with an
 *   error when there is no lock or it cannot be read
 */
TandemLock *
tandem_lock_read (GFile   *document,
                  GError **error)
{
  g_autoptr(GFile) lock_file = NULL;

  g_return_val_if_fail (G_IS_FILE (document), NULL);

  lock_file = tandem_lock_file_for (document);
  return read_lock_file (lock_file, error);
}

/**
 * tandem_lock_release:
 *
 * Removes the lock file, if it is still this lock: one taken over by someone else in the
 * meantime is theirs, and stays.
 */
gboolean
tandem_lock_release (TandemLock  *self,
                     GError     **error)
{
  g_autoptr(TandemLock) current = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (TANDEM_IS_LOCK (self), FALSE);

  current = read_lock_file (self->file, NULL);
  if (current == NULL || !same_holder (current, self))
    return TRUE;

  path = g_file_get_path (self->file);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not remove the lock file “%s”: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

const char *
tandem_lock_get_name (TandemLock *self)
{
  g_return_val_if_fail (TANDEM_IS_LOCK (self), NULL);
  return self->name;
}

const char *
tandem_lock_get_login (TandemLock *self)
{
  g_return_val_if_fail (TANDEM_IS_LOCK (self), NULL);
  return self->login;
}

const char *
tandem_lock_get_host (TandemLock *self)
{
  g_return_val_if_fail (TANDEM_IS_LOCK (self), NULL);
  return self->host;
}

gint64
tandem_lock_get_pid (TandemLock *self)
{
  g_return_val_if_fail (TANDEM_IS_LOCK (self), 0);
  return self->pid;
}

/**
 * tandem_lock_get_since:
 *
 * Returns: (transfer none): when the lock was taken, in UTC
 */
GDateTime *
tandem_lock_get_since (TandemLock *self)
{
  g_return_val_if_fail (TANDEM_IS_LOCK (self), NULL);
  return self->since;
}

/**
 * tandem_lock_is_ours:
 *
 * Returns: %TRUE when the lock was taken by this process
 */
gboolean
tandem_lock_is_ours (TandemLock *self)
{
  g_return_val_if_fail (TANDEM_IS_LOCK (self), FALSE);

  return self->pid == getpid () && g_str_equal (self->host, g_get_host_name ());
}

/**
 * tandem_lock_is_stale:
 *
 * Returns: %TRUE when the lock names this computer and a process that is no longer running
 */
gboolean
tandem_lock_is_stale (TandemLock *self)
{
  g_return_val_if_fail (TANDEM_IS_LOCK (self), FALSE);

  if (!g_str_equal (self->host, g_get_host_name ()))
    return FALSE;
  if (self->pid == getpid ())
    return FALSE;
  if (self->pid > G_MAXINT)
    return TRUE;

  /* EPERM: running, as another user. */
  return kill ((pid_t)self->pid, 0) != 0 && errno == ESRCH;
}

/**
 * tandem_lock_describe:
 *
 * Returns: (transfer full): who holds the lock, for a sentence: “Ann Smith (asmith on pc-12)”
 */
char *
tandem_lock_describe (TandemLock *self)
{
  const char *name;

  g_return_val_if_fail (TANDEM_IS_LOCK (self), NULL);

  name = self->name[0] != '\0' ? self->name : self->login;
  if (name[0] == '\0')
    /* TRANSLATORS: who holds a document open, when the lock file does not say */
    return g_strdup_printf (_("someone on %s"), self->host);

  /* TRANSLATORS: a person's name, their login and their computer's name */
  return g_strdup_printf (_("%s (%s on %s)"), name, self->login, self->host);
}

/* The SHA-256 of the file's contents, read in pieces. */
static char *
digest_document (GFile   *document,
                 GError **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (document, NULL, error);
  g_autoptr(GChecksum) checksum = NULL;
  g_autofree guint8 *buffer = NULL;
  gssize n;

  if (stream == NULL)
    return NULL;

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  buffer = g_malloc (64 * 1024);
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 64 * 1024, NULL, error)) > 0)
    g_checksum_update (checksum, buffer, n);

  if (n < 0)
    return NULL;

  return g_strdup (g_checksum_get_string (checksum));
}

static char *
stat_document (GFile   *document,
               GError **error)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (document,
                            G_FILE_ATTRIBUTE_ID_FILE ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;

  return g_strdup_printf ("%s %" G_GUINT64_FORMAT ".%06u %" G_GOFFSET_FORMAT,
                          g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILE),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED),
                          g_file_info_get_attribute_uint32 (info,
                                                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC),
                          g_file_info_get_size (info));
}

/**
 * tandem_lock_stamp_document:
 *
 * What identifies the file as last seen, for noticing a change made by someone else: its
 * device and inode (a save by rename makes a new one), modification time to the microsecond
 * and size, then the SHA-256 of its contents. Reads the whole file: call from a worker thread.
 *
 * Returns: (transfer full) (nullable): the stamp, or %NULL when the file cannot be read
 */
char *
tandem_lock_stamp_document (GFile   *document,
                            GError **error)
{
  g_autofree char *stat = NULL;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (G_IS_FILE (document), NULL);

  if ((stat = stat_document (document, error)) == NULL ||
      (digest = digest_document (document, error)) == NULL)
    return NULL;

  return g_strdup_printf ("%s %s", stat, digest);
}

/**
 * tandem_lock_stamp_matches:
 * @stamp: a stamp from tandem_lock_stamp_document()
 * @current: (out) (optional) (transfer full): the file's stamp now, when it was read
 *
 * Tells whether @document is still what @stamp describes. When the file system says it is
 * the same file, untouched, the contents are not read. When it says otherwise, the contents
 * decide: a file rewritten with the same bytes (by a sync client, a backup tool, touch) is
 * not a change anybody would lose. Blocks: call from a worker thread.
 *
 * Returns: %TRUE when the contents are those @stamp describes; %FALSE when they changed, or
 *   the file cannot be read (@error says why)
 */
gboolean
tandem_lock_stamp_matches (const char  *stamp,
                           GFile       *document,
                           char       **current,
                           GError     **error)
{
  g_autofree char *now_stat = NULL;
  g_autofree char *now = NULL;
  const char *digest;

  g_return_val_if_fail (stamp != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (document), FALSE);

  if (current != NULL)
    *current = NULL;

  digest = strrchr (stamp, ' ');
  if ((now_stat = stat_document (document, error)) == NULL)
    return FALSE;

  if (digest != NULL && strlen (now_stat) == (gsize)(digest - stamp) &&
      strncmp (now_stat, stamp, digest - stamp) == 0)
    {
      if (current != NULL)
        *current = g_strdup (stamp);
      return TRUE;
    }

  if ((now = tandem_lock_stamp_document (document, error)) == NULL)
    return FALSE;

  if (current != NULL)
    *current = g_strdup (now);

  return digest != NULL && g_str_equal (strrchr (now, ' '), digest);
}
