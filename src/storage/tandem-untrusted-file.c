/* tandem-untrusted-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-untrusted-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tandem-storage.h"
#include "tandem-untrusted-file.h"

/*
 * The one way Tandem reads a file that comes from someone else and is read whole (JSON,
 * a checklist template, a file to attach). Such a "file" may be anything a path can name:
 * a pipe that never ends or never starts (open() on a FIFO waits for a writer), a device
 * such as /dev/zero, a file that keeps growing while it is read, a folder. Its size before
 * reading proves nothing, so:
 *
 *  - refuse what is not a regular file before opening it, then open without waiting
 *    (O_NONBLOCK) and check again what was opened (fstat), in case it changed between;
 *  - read at most @max_size + 1 bytes, so that a file that grew is refused too, never
 *    read on without bound.
 *
 * Every refusal is a sentence naming the file and what it should have been. A stream from
 * someone else (the clipboard) is read the same way: to its end or to the limit.
 */

#define CHUNK_SIZE (64 * 1024)

/* Auxiliary methods */

static const char *
describe_special (mode_t mode)
{
  if (S_ISFIFO (mode))
    return _("a pipe");
  if (S_ISSOCK (mode))
    return _("a socket");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");

  return _("not a regular file");
}

static gboolean
check_mode (mode_t       mode,
            const char  *name,
            const char  *what,
            GError     **error)
{
  if (S_ISDIR (mode))
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder, not %s."), name, what);
      return FALSE;
    }

  if (!S_ISREG (mode))
    {
      /* TRANSLATORS: the second %s is "a pipe", "a socket" or "a device" */
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_NOT_TANDEM,
                   _("“%s” is %s, not %s. Choose a file saved on disk."),
                   name, describe_special (mode), what);
      return FALSE;
    }

  return TRUE;
}

static void
set_too_large (GError     **error,
               const char  *name,
               gsize        max_size,
               const char  *what)
{
  g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_TOO_LARGE,
               _("“%s” is larger than %lu MB, far larger than %s can be. Check that you "
                 "chose the right file."),
               name, (unsigned long)(max_size / (1024 * 1024)), what);
}

static void
set_error_from_errno (GError     **error,
                      int          saved_errno,
                      const char  *name)
{
  if (saved_errno == ENOENT || saved_errno == ENOTDIR)
    g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_NOT_FOUND,
                 _("“%s” does not exist. Check the name and try again."), name);
  else if (saved_errno == EACCES || saved_errno == EPERM)
    g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_FAILED,
                 _("Could not read “%s”: you do not have permission to read it."), name);
  else
    g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_FAILED,
                 _("Could not read “%s”: %s."), name, g_strerror (saved_errno));
}

typedef gssize (*ReadFunc) (gpointer       source,
                           void          *buffer,
                           gsize          count,
                           GCancellable  *cancellable,
                           GError       **error);

static gssize
read_fd (gpointer       source,
         void          *buffer,
         gsize          count,
         GCancellable  *cancellable,
         GError       **error)
{
  int fd = GPOINTER_TO_INT (source);
  gssize n_read;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;

  do
    n_read = read (fd, buffer, count);
  while (n_read < 0 && errno == EINTR);

  if (n_read < 0)
    {
      int saved_errno = errno;
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
    }

  return n_read;
}

static gssize
read_stream (gpointer       source,
             void          *buffer,
             gsize          count,
             GCancellable  *cancellable,
             GError       **error)
{
  return g_input_stream_read (source, buffer, count, cancellable, error);
}

/* Reads from @source until its end or @max_size + 1 bytes, whichever comes first. */
static GBytes *
read_bounded (ReadFunc       read_func,
              gpointer       source,
              gsize          max_size,
              gsize          size_hint,
              const char    *name,
              const char    *what,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GByteArray) array = g_byte_array_sized_new (MIN (size_hint, max_size) + 1);
  g_autoptr(GError) local_error = NULL;
  gsize length;

  for (;;)
    {
      gsize room = MIN ((gsize)CHUNK_SIZE, max_size + 1 - array->len);
      gsize start = array->len;
      gssize n_read;

      g_byte_array_set_size (array, start + room);
      n_read = read_func (source, array->data + start, room, cancellable, &local_error);
      if (n_read < 0)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_FAILED,
                         _("Could not read “%s”: %s."), name, local_error->message);
          return NULL;
        }
      g_byte_array_set_size (array, start + n_read);

      if (n_read == 0)
        break;

      if (array->len > max_size)
        {
          set_too_large (error, name, max_size, what);
          return NULL;
        }
    }

  /* A zero byte after the end, not counted in the size, so that callers may read it as text. */
  length = array->len;
  g_byte_array_append (array, (const guint8 *)"", 1);

  return g_bytes_new_take (g_byte_array_free (g_steal_pointer (&array), FALSE), length);
}

static GBytes *
read_native (const char    *path,
             gsize          max_size,
             const char    *what,
             const char    *name,
             GCancellable  *cancellable,
             GError       **error)
{
  GBytes *bytes;
  GStatBuf st;
  struct stat fst;
  int fd;

  /* Before opening: opening some devices does something, and a pipe would wait. */
  if (g_stat (path, &st) != 0)
    {
      set_error_from_errno (error, errno, name);
      return NULL;
    }
  if (!check_mode (st.st_mode, name, what, error))
    return NULL;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_error_from_errno (error, errno, name);
      return NULL;
    }

  /* What was opened, not what the path named a moment ago. */
  if (fstat (fd, &fst) != 0 || !check_mode (fst.st_mode, name, what, error))
    {
      if (error != NULL && *error == NULL)
        set_error_from_errno (error, errno, name);
      close (fd);
      return NULL;
    }

  if ((guint64)fst.st_size > max_size)
    {
      close (fd);
      set_too_large (error, name, max_size, what);
      return NULL;
    }

  bytes = read_bounded (read_fd, GINT_TO_POINTER (fd), max_size, fst.st_size, name, what,
                       cancellable, error);
  close (fd);

  return bytes;
}

static GBytes *
read_gfile (GFile         *file,
            gsize          max_size,
            const char    *what,
            char         **display_name,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  GBytes *bytes;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                                  G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                  G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info != NULL && g_file_info_get_display_name (info) != NULL)
    {
      g_free (name);
      name = g_strdup (g_file_info_get_display_name (info));
    }

  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_NOT_FOUND,
                     _("“%s” does not exist. Check the name and try again."), name);
      else
        g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_FAILED,
                     _("Could not read “%s”: %s."), name, local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      check_mode (S_IFDIR, name, what, error);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      check_mode (0, name, what, error);
      return NULL;
    }

  if ((guint64)g_file_info_get_size (info) > max_size)
    {
      set_too_large (error, name, max_size, what);
      return NULL;
    }

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_FAILED,
                   _("Could not read “%s”: %s."), name, local_error->message);
      return NULL;
    }

  bytes = read_bounded (read_stream, stream, max_size, g_file_info_get_size (info), name,
                        what, cancellable, error);
  if (bytes != NULL && display_name != NULL)
    *display_name = g_steal_pointer (&name);

  return bytes;
}

/**
 * tandem_untrusted_file_read:
 * @max_size: the most bytes that @file may hold
 * @what: what @file should be, for sentences: "a Tandem JSON file"
 * @display_name: (out) (optional): the name of @file to use in sentences
 *
 * Reads all of a file that comes from someone else, refusing anything that is not a
 * regular file and stopping at @max_size. May be called from a worker thread.
 *
 * Returns: (transfer full): the contents, followed by a zero byte not counted in their
 *   size, or %NULL with @error set to a sentence naming the file
 */
GBytes *
tandem_untrusted_file_read (GFile         *file,
                            gsize          max_size,
                            const char    *what,
                            char         **display_name,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  GBytes *bytes;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (what != NULL, NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    return read_gfile (file, max_size, what, display_name, cancellable, error);

  name = g_filename_display_basename (path);
  bytes = read_native (path, max_size, what, name, cancellable, error);
  if (bytes != NULL && display_name != NULL)
    *display_name = g_steal_pointer (&name);

  return bytes;
}

typedef struct
{
  GFile *file;
  gsize  max_size;
  char  *what;
  char  *display_name;
} ReadData;

static void
read_data_free (gpointer data)
{
  ReadData *read = data;

  g_clear_object (&read->file);
  g_free (read->what);
  g_free (read->display_name);
  g_free (read);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *read = task_data;
  GError *error = NULL;
  GBytes *bytes;

  bytes = tandem_untrusted_file_read (read->file, read->max_size, read->what,
                                      &read->display_name, cancellable, &error);
  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify)g_bytes_unref);
}

void
tandem_untrusted_file_read_async (GFile               *file,
                                  gsize                max_size,
                                  const char          *what,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadData *read;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (what != NULL);

  read = g_new0 (ReadData, 1);
  read->file = g_object_ref (file);
  read->max_size = max_size;
  read->what = g_strdup (what);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tandem_untrusted_file_read_async);
  g_task_set_task_data (task, read, read_data_free);
  g_task_run_in_thread (task, read_thread);
}

/**
 * tandem_untrusted_file_read_finish:
 * @display_name: (out) (optional): the name of the file, for sentences
 *
 * Returns: (transfer full): the contents, or %NULL with @error set to a sentence
 */
GBytes *
tandem_untrusted_file_read_finish (GAsyncResult  *result,
                                   char         **display_name,
                                   GError       **error)
{
  GBytes *bytes;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        tandem_untrusted_file_read_async, NULL);

  bytes = g_task_propagate_pointer (G_TASK (result), error);
  if (bytes != NULL && display_name != NULL)
    {
      ReadData *read = g_task_get_task_data (G_TASK (result));
      *display_name = g_steal_pointer (&read->display_name);
    }

  return bytes;
}

/* Streams: the clipboard */

typedef struct
{
  GInputStream *stream;
  GByteArray   *array;
  gsize         max_size;
} StreamData;

static void
stream_data_free (gpointer data)
{
  StreamData *read = data;

  g_clear_object (&read->stream);
  g_clear_pointer (&read->array, g_byte_array_unref);
  g_free (read);
}

static void read_next_chunk (GTask *task);

static void
on_chunk_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StreamData *read = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  GError *error = NULL;
  gsize length;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      length = read->array->len;
      g_byte_array_append (read->array, (const guint8 *)"", 1);
      g_task_return_pointer (task,
                             g_bytes_new_take (g_byte_array_free (g_steal_pointer (&read->array),
                                                                  FALSE),
                                               length),
                             (GDestroyNotify)g_bytes_unref);
      return;
    }

  g_byte_array_append (read->array, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  if (read->array->len > read->max_size)
    {
      g_task_return_new_error (task, TANDEM_STORAGE_ERROR, TANDEM_STORAGE_ERROR_TOO_LARGE,
                               _("It holds more than %lu MB, more than Tandem reads."),
                               (unsigned long)(read->max_size / (1024 * 1024)));
      return;
    }

  read_next_chunk (g_steal_pointer (&task));
}

static void
read_next_chunk (GTask *task)
{
  StreamData *read = g_task_get_task_data (task);
  gsize room = MIN ((gsize)CHUNK_SIZE, read->max_size + 1 - read->array->len);

  g_input_stream_read_bytes_async (read->stream, room, g_task_get_priority (task),
                                   g_task_get_cancellable (task), on_chunk_read_cb, task);
}

/**
 * tandem_untrusted_stream_read_async:
 * @stream: a stream from someone else, such as the clipboard
 * @max_size: the most bytes to accept
 *
 * Reads @stream to its end without blocking, as long as it holds at most @max_size bytes: a
 * program offering an endless clipboard is refused at the limit, not read until memory runs
 * out.
 */
void
tandem_untrusted_stream_read_async (GInputStream        *stream,
                                    gsize                max_size,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;
  StreamData *read;

  g_return_if_fail (G_IS_INPUT_STREAM (stream));

  read = g_new0 (StreamData, 1);
  read->stream = g_object_ref (stream);
  read->array = g_byte_array_new ();
  read->max_size = max_size;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tandem_untrusted_stream_read_async);
  g_task_set_task_data (task, read, stream_data_free);
  read_next_chunk (task);
}

/**
 * tandem_untrusted_stream_read_finish:
 *
 * Returns: (transfer full): the contents, followed by a zero byte not counted in their size,
 *   or %NULL with @error set
 */
GBytes *
tandem_untrusted_stream_read_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        tandem_untrusted_stream_read_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
