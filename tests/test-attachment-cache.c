/* test-attachment-cache.c: copies of attached files do not outlive their document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "tandem-attachment-cache.h"
#include "tandem-test-util.h"

/* Each test has its own XDG_CACHE_HOME (G_TEST_OPTION_ISOLATE_DIRS). */

#define HASH "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

static char *
attachments_folder (void)
{
  return g_build_filename (g_get_user_cache_dir (), "tandem", "attachments", NULL);
}

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
release (TandemDocument *document)
{
  g_autoptr(GAsyncResult) result = NULL;

  tandem_attachment_cache_release_async (document, on_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (tandem_attachment_cache_release_finish (result, NULL));
}

static char *
write_copy (TandemDocument *document,
            const char     *text)
{
  g_autofree char *folder = tandem_attachment_cache_folder_for (document);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  char *path;

  path = tandem_attachment_cache_write (folder, HASH, "minutes.txt", bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (path);

  return path;
}

static void
test_copy_is_private_and_read_only (void)
{
  g_autoptr(TandemDocument) document = tandem_test_generate_document (2);
  g_autofree char *path = write_copy (document, "board minutes");
  g_autofree char *again = write_copy (document, "board minutes");
  g_autofree char *root = attachments_folder ();
  g_autofree char *text = NULL;
  GStatBuf st;

  g_assert_true (g_str_has_prefix (path, root));
  g_assert_cmpstr (path, ==, again);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "board minutes");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0400);
}

static void
test_release_on_close (void)
{
  g_autoptr(TandemDocument) closed = tandem_test_generate_document (2);
  g_autoptr(TandemDocument) still_open = tandem_test_generate_document (2);
  g_autofree char *gone = write_copy (closed, "closed project");
  g_autofree char *kept = write_copy (still_open, "open project");
  g_autofree char *gone_folder = g_path_get_dirname (gone);

  release (closed);

  g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (gone_folder, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));

  /* Releasing twice, or a document with no copies, is harmless. */
  release (closed);
  release (still_open);
  g_assert_false (g_file_test (kept, G_FILE_TEST_EXISTS));
}

static void
make_session (const char *root,
              const char *id,
              int        *lock_fd)
{
  g_autofree char *folder = g_build_filename (root, id, "doc", HASH, NULL);
  g_autofree char *copy = g_build_filename (folder, "report.pdf", NULL);
  g_autofree char *lock = g_build_filename (root, id, ".lock", NULL);
  int fd;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (copy, "patient flow report", -1, NULL));
  g_assert_cmpint (g_chmod (copy, 0400), ==, 0);
  fd = g_open (lock, O_RDWR | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  if (lock_fd != NULL)
    {
      g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);
      *lock_fd = fd;
    }
  else
    {
      close (fd);
    }
}

static void
test_clean_abandoned (void)
{
  g_autoptr(TandemDocument) document = tandem_test_generate_document (2);
  g_autofree char *root = attachments_folder ();
  g_autofree char *ours = write_copy (document, "this process");
  g_autofree char *crashed = g_build_filename (root, "6a1b2c3d-0000-4000-8000-000000000001", NULL);
  g_autofree char *running = g_build_filename (root, "6a1b2c3d-0000-4000-8000-000000000002", NULL);
  g_autofree char *legacy = g_build_filename (root, HASH, NULL);
  g_autofree char *legacy_copy = g_build_filename (legacy, "old.docx", NULL);
  g_autofree char *unrelated = g_build_filename (root, "notes", NULL);
  int running_fd = -1;

  make_session (root, "6a1b2c3d-0000-4000-8000-000000000001", NULL);
  make_session (root, "6a1b2c3d-0000-4000-8000-000000000002", &running_fd);
  g_assert_cmpint (g_mkdir_with_parents (legacy, 0700), ==, 0);
  g_assert_true (g_file_set_contents (legacy_copy, "from an older Tandem", -1, NULL));
  g_assert_cmpint (g_mkdir_with_parents (unrelated, 0700), ==, 0);

  g_assert_cmpuint (tandem_attachment_cache_clean_abandoned (), ==, 2);

  g_assert_false (g_file_test (crashed, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (legacy, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (running, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (ours, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (unrelated, G_FILE_TEST_EXISTS));

  /* Once that Tandem has ended too, its copies go on the next start. */
  close (running_fd);
  g_assert_cmpuint (tandem_attachment_cache_clean_abandoned (), ==, 1);
  g_assert_false (g_file_test (running, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (ours, G_FILE_TEST_EXISTS));

  release (document);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/attachment-cache/private-read-only", test_copy_is_private_and_read_only);
  g_test_add_func ("/attachment-cache/release-on-close", test_release_on_close);
  g_test_add_func ("/attachment-cache/clean-abandoned", test_clean_abandoned);

  return g_test_run ();
}
