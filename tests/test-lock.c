/* test-lock.c: the lock file that says who has a document open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <utime.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "tandem-lock.h"
#include "tandem-test-util.h"

static char *scratch;

static GFile *
document_file (const char *name)
{
  g_autofree char *path = g_build_filename (scratch, name, NULL);

  g_file_set_contents (path, "not read by the lock", -1, NULL);
  return g_file_new_for_path (path);
}

static char *
lock_path (GFile *document)
{
  g_autoptr(GFile) lock = tandem_lock_file_for (document);

  return g_file_get_path (lock);
}

static void
write_foreign_lock (GFile      *document,
                    const char *host,
                    gint64      pid)
{
  g_autofree char *path = lock_path (document);
  g_autofree char *data = g_strdup_printf ("[Tandem Lock]\nName=Ann Other\nLogin=aother\n"
                                           "Host=%s\nPid=%" G_GINT64_FORMAT "\n"
                                           "Since=2026-01-05T09:30:00Z\n", host, pid);

  g_assert_true (g_file_set_contents (path, data, -1, NULL));
}

/* The id of a process that has ended on this computer. */
static GPid
dead_pid (void)
{
  pid_t pid = fork ();

  if (pid == 0)
    _exit (0);
  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (waitpid (pid, NULL, 0), ==, pid);

  return pid;
}

static void
test_take_read_release (void)
{
  g_autoptr(GFile) document = document_file ("riverside.tandem");
  g_autofree char *path = lock_path (document);
  g_autoptr(TandemLock) lock = NULL;
  g_autoptr(TandemLock) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  struct stat st;

  g_assert_true (g_str_has_suffix (path, "/.~lock.riverside.tandem#"));

  lock = tandem_lock_take (document, "Bea Reviewer", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lock);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  /* Readable by the others on a shared drive, who need to see who has it. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);

  read = tandem_lock_read (document, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_lock_get_name (read), ==, "Bea Reviewer");
  g_assert_cmpstr (tandem_lock_get_login (read), ==, g_get_user_name ());
  g_assert_cmpstr (tandem_lock_get_host (read), ==, g_get_host_name ());
  g_assert_cmpint (tandem_lock_get_pid (read), ==, getpid ());
  g_assert_true (g_date_time_equal (tandem_lock_get_since (read), tandem_lock_get_since (lock)));
  g_assert_true (tandem_lock_is_ours (read));
  g_assert_false (tandem_lock_is_stale (read));
  described = tandem_lock_describe (read);
  g_assert_nonnull (strstr (described, "Bea Reviewer"));
  g_assert_nonnull (strstr (described, g_get_host_name ()));

  /* No temporary file is left beside the document. */
  {
    g_autoptr(GDir) dir = g_dir_open (scratch, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".~lock.tandem-"));
  }

  g_assert_true (tandem_lock_release (lock, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_held_by_this_process (void)
{
  g_autoptr(GFile) document = document_file ("twice.tandem");
  g_autoptr(TandemLock) first = NULL;
  g_autoptr(TandemLock) second = NULL;
  g_autoptr(TandemLock) holder = NULL;
  g_autoptr(GError) error = NULL;

  first = tandem_lock_take (document, "First", NULL, &error);
  g_assert_no_error (error);

  /* Only one writer: a second take, even from the same process, finds the first. */
  second = tandem_lock_take (document, "Second", &holder, &error);
  g_assert_null (second);
  g_assert_error (error, TANDEM_LOCK_ERROR, TANDEM_LOCK_ERROR_HELD);
  g_assert_nonnull (holder);
  g_assert_cmpstr (tandem_lock_get_name (holder), ==, "First");
  g_assert_true (tandem_lock_is_ours (holder));

  g_assert_true (tandem_lock_release (first, NULL));
}

static void
test_foreign_host (void)
{
  g_autoptr(GFile) document = document_file ("shared.tandem");
  g_autofree char *path = lock_path (document);
  g_autoptr(TandemLock) lock = NULL;
  g_autoptr(TandemLock) holder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) expected = g_date_time_new_utc (2026, 1, 5, 9, 30, 0);
  g_autofree char *described = NULL;

  /* Another computer's process cannot be checked, so even a pid that is dead here holds. */
  write_foreign_lock (document, "pc-0417.trust.nhs.uk", dead_pid ());

  lock = tandem_lock_take (document, "Bea", &holder, &error);
  g_assert_null (lock);
  g_assert_error (error, TANDEM_LOCK_ERROR, TANDEM_LOCK_ERROR_HELD);
  g_assert_nonnull (holder);
  g_assert_false (tandem_lock_is_ours (holder));
  g_assert_false (tandem_lock_is_stale (holder));
  g_assert_cmpstr (tandem_lock_get_host (holder), ==, "pc-0417.trust.nhs.uk");
  g_assert_true (g_date_time_equal (tandem_lock_get_since (holder), expected));
  described = tandem_lock_describe (holder);
  g_assert_cmpstr (described, ==, "Ann Other (aother on pc-0417.trust.nhs.uk)");

  /* The other person's lock is untouched. */
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_unlink (path);
}

static void
test_same_host_live_process (void)
{
  g_autoptr(GFile) document = document_file ("live.tandem");
  g_autofree char *path = lock_path (document);
  g_autoptr(TandemLock) holder = NULL;
  g_autoptr(TandemLock) lock = NULL;
  g_autoptr(GError) error = NULL;

  /* Another Tandem on this computer: our parent process is certainly running. */
  write_foreign_lock (document, g_get_host_name (), getppid ());

  lock = tandem_lock_take (document, "Bea", &holder, &error);
  g_assert_null (lock);
  g_assert_error (error, TANDEM_LOCK_ERROR, TANDEM_LOCK_ERROR_HELD);
  g_assert_false (tandem_lock_is_stale (holder));
  g_unlink (path);
}

static void
test_stale_taken_over (void)
{
  g_autoptr(GFile) document = document_file ("stale.tandem");
  g_autoptr(TandemLock) lock = NULL;
  g_autoptr(TandemLock) holder = NULL;
  g_autoptr(TandemLock) read = NULL;
  g_autoptr(GError) error = NULL;

  /* A Tandem on this computer that ended without closing the document. */
  write_foreign_lock (document, g_get_host_name (), dead_pid ());
  read = tandem_lock_read (document, NULL);
  g_assert_true (tandem_lock_is_stale (read));

  lock = tandem_lock_take (document, "Bea", &holder, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lock);
  g_assert_null (holder);
  g_clear_object (&read);
  read = tandem_lock_read (document, NULL);
  g_assert_cmpstr (tandem_lock_get_name (read), ==, "Bea");
  g_assert_true (tandem_lock_release (lock, NULL));
}

static void
test_damaged_taken_over (void)
{
  static const char *contents[] = {
    "",
    "[Tandem Lock]\nName=Half written\n",
    "\x01\x02 not a key file",
  };

  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autoptr(GFile) document = document_file ("damaged.tandem");
      g_autofree char *path = lock_path (document);
      g_autoptr(TandemLock) lock = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_set_contents (path, contents[i], -1, NULL));
      g_assert_null (tandem_lock_read (document, NULL));
      lock = tandem_lock_take (document, "Bea", NULL, &error);
      g_assert_no_error (error);
      g_assert_true (tandem_lock_release (lock, NULL));
    }
}

static void
test_release_keeps_a_newer_holder (void)
{
  g_autoptr(GFile) document = document_file ("taken.tandem");
  g_autofree char *path = lock_path (document);
  g_autoptr(TandemLock) lock = NULL;

  lock = tandem_lock_take (document, "Bea", NULL, NULL);
  g_assert_nonnull (lock);

  /* Someone removed ours and took their own: releasing ours leaves theirs. */
  write_foreign_lock (document, "elsewhere", 42);
  g_assert_true (tandem_lock_release (lock, NULL));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_unlink (path);
}

static void
test_hostile_lock_file (void)
{
  g_autoptr(GFile) document = document_file ("hostile.tandem");
  g_autofree char *path = lock_path (document);
  g_autofree char *long_name = g_strnfill (5000, 'x');
  g_autofree char *data = NULL;
  g_autoptr(TandemLock) holder = NULL;

  /* Control and direction characters are not shown; a huge file is not read. */
  data = g_strdup_printf ("[Tandem Lock]\nName=Ann\\n\u202EOther\nLogin=a\nHost=h\nPid=7\n"
                          "Since=2026-01-05T09:30:00Z\n");
  g_assert_true (g_file_set_contents (path, data, -1, NULL));
  holder = tandem_lock_read (document, NULL);
  g_assert_nonnull (holder);
  g_assert_cmpstr (tandem_lock_get_name (holder), ==, "AnnOther");
  g_clear_object (&holder);

  g_clear_pointer (&data, g_free);
  data = g_strdup_printf ("[Tandem Lock]\nName=%s\nHost=h\nPid=7\nSince=2026-01-05T09:30:00Z\n",
                          long_name);
  g_assert_true (g_file_set_contents (path, data, -1, NULL));
  g_assert_null (tandem_lock_read (document, NULL));
  g_unlink (path);

  /* A FIFO in its place is not waited on. */
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  g_assert_null (tandem_lock_read (document, NULL));
  g_unlink (path);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = g_build_filename (scratch, "read-only", NULL);
  g_autofree char *path = g_build_filename (dir, "locked-out.tandem", NULL);
  g_autoptr(GFile) document = g_file_new_for_path (path);
  g_autoptr(TandemLock) lock = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root writes into read-only folders");
      return;
    }

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "x", -1, NULL));
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);

  lock = tandem_lock_take (document, "Bea", NULL, &error);
  g_assert_null (lock);
  g_assert_error (error, TANDEM_LOCK_ERROR, TANDEM_LOCK_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "read-only"));  /* the folder's name */

  g_chmod (dir, 0700);
}

static void
test_stamp (void)
{
  g_autoptr(GFile) document = document_file ("stamped.tandem");
  g_autofree char *path = g_file_get_path (document);
  g_autofree char *tmp = g_strconcat (path, ".new", NULL);
  g_autofree char *first = tandem_lock_stamp_document (document, NULL);
  g_autofree char *again = tandem_lock_stamp_document (document, NULL);
  g_autofree char *current = NULL;
  g_autoptr(GError) error = NULL;
  struct utimbuf times = { 1000000000, 1000000000 };

  g_assert_nonnull (first);
  g_assert_cmpstr (first, ==, again);
  g_assert_true (tandem_lock_stamp_matches (first, document, &current, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (current, ==, first);
  g_clear_pointer (&current, g_free);

  /* Touched, or replaced by an identical copy (as sync clients do): the same contents. */
  g_assert_cmpint (utime (path, &times), ==, 0);
  g_assert_true (tandem_lock_stamp_matches (first, document, &current, NULL));
  g_assert_cmpstr (current, !=, first);
  g_clear_pointer (&current, g_free);
  g_assert_true (g_file_set_contents (tmp, "not read by the lock", -1, NULL));
  g_assert_cmpint (g_rename (tmp, path), ==, 0);
  g_assert_true (tandem_lock_stamp_matches (first, document, NULL, NULL));

  /* Same size, different bytes, written in place with the old time put back. */
  g_assert_true (g_file_set_contents_full (path, "NOT READ BY THE LOCK", -1,
                                           G_FILE_SET_CONTENTS_NONE, 0644, NULL));
  g_assert_false (tandem_lock_stamp_matches (first, document, NULL, NULL));

  /* Replaced by rename with other contents, as a save does. */
  g_assert_true (g_file_set_contents (tmp, "another project entirely", -1, NULL));
  g_assert_cmpint (g_rename (tmp, path), ==, 0);
  g_assert_false (tandem_lock_stamp_matches (first, document, NULL, NULL));

  /* Gone: not a match, and the error says so. */
  g_unlink (path);
  g_assert_false (tandem_lock_stamp_matches (first, document, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  scratch = tandem_test_make_temp_dir ();

  g_test_add_func ("/lock/take-read-release", test_take_read_release);
  g_test_add_func ("/lock/held-by-this-process", test_held_by_this_process);
  g_test_add_func ("/lock/foreign-host", test_foreign_host);
  g_test_add_func ("/lock/same-host-live", test_same_host_live_process);
  g_test_add_func ("/lock/stale", test_stale_taken_over);
  g_test_add_func ("/lock/damaged", test_damaged_taken_over);
  g_test_add_func ("/lock/release-keeps-newer-holder", test_release_keeps_a_newer_holder);
  g_test_add_func ("/lock/hostile", test_hostile_lock_file);
  g_test_add_func ("/lock/read-only-folder", test_read_only_folder);
  g_test_add_func ("/lock/stamp", test_stamp);

  status = g_test_run ();
  tandem_test_remove_tree (scratch);

  return status;
}
