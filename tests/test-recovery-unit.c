/* test-recovery-unit.c: recovery copies of unsaved work, without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "tandem-recovery.h"
#include "tandem-test-util.h"

/* Each test has its own XDG_DATA_HOME (G_TEST_OPTION_ISOLATE_DIRS). */

static char *
recovery_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), "tandem", "recovery", NULL);
}

static void
on_written_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
write_copy (TandemRecovery  *recovery,
            TandemDocument  *document,
            const char      *original,
            GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tandem_recovery_save_async (recovery, document, original, NULL, on_written_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return tandem_recovery_save_finish (recovery, result, error);
}

static TandemDocument *
make_document (const char *title)
{
  TandemDocument *document = tandem_test_generate_document (10);

  tandem_test_edit_title (document, title);

  return document;
}

/* Writes a copy and ends its owner as a crash would: files stay, the lock goes. */
static char *
abandon_copy (const char *title,
              const char *original)
{
  g_autoptr(TandemDocument) document = make_document (title);
  TandemRecovery *recovery = tandem_recovery_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  gpointer alive = recovery;
  gint64 deadline;

  g_assert_true (write_copy (recovery, document, original, &error));
  g_assert_no_error (error);
  basename = g_path_get_basename (tandem_recovery_get_path (recovery));

  /* The worker thread's task may hold the last reference for a moment; the lock goes only
   * when the object does. */
  g_object_add_weak_pointer (G_OBJECT (recovery), &alive);
  g_object_unref (recovery);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_atomic_pointer_get (&alive) != NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_thread_yield ();
    }
  g_assert_null (g_atomic_pointer_get (&alive));

  return g_strndup (basename, strlen (basename) - strlen (".tandem"));
}

static char *
file_of (const char *id,
         const char *suffix)
{
  g_autofree char *folder = recovery_folder ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (folder, name, NULL);
}

static void
test_private_files (void)
{
  g_autoptr(TandemDocument) document = make_document ("Ward 7 discharge");
  g_autoptr(TandemRecovery) recovery = tandem_recovery_new ();
  g_autofree char *folder = recovery_folder ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;
  GStatBuf st;

  g_assert_true (write_copy (recovery, document, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_test_message ("%s %o", name, st.st_mode & 0777);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      g_assert_false (name[0] == '.');  /* no temporary left */
      n++;
    }
  g_assert_cmpuint (n, ==, 3);  /* .tandem, .ini, .lock */
}

static void
test_tightens_old_folder (void)
{
  g_autofree char *folder = recovery_folder ();
  g_autofree char *old = g_build_filename (folder, "0b0e1f3c-7a2c-4d1e-9f00-123456789abc.tandem",
                                           NULL);
  g_autoptr(GPtrArray) entries = NULL;
  GStatBuf st;

  /* As an older Tandem left them. */
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (old, "x", 1, NULL));
  g_assert_cmpint (g_chmod (old, 0644), ==, 0);

  entries = tandem_recovery_list_abandoned ();

  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (old, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_lock (void)
{
  g_autoptr(TandemDocument) document = make_document ("Held by a running Tandem");
  g_autoptr(TandemRecovery) recovery = tandem_recovery_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (write_copy (recovery, document, NULL, &error));
  g_assert_no_error (error);

  /* Its owner lives: not offered, and not removed either. */
  entries = tandem_recovery_list_abandoned ();
  g_assert_cmpuint (entries->len, ==, 0);
  g_assert_true (g_file_test (tandem_recovery_get_path (recovery), G_FILE_TEST_IS_REGULAR));
}

static void
test_abandoned (void)
{
  g_autofree char *id = abandon_copy ("Riverside urgent care", "/home/sam/riverside.tandem");
  g_autoptr(GPtrArray) entries = tandem_recovery_list_abandoned ();
  g_autoptr(TandemDocument) recovered = NULL;
  g_autoptr(TandemRecovery) adopted = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  TandemRecoveryEntry *entry;

  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (tandem_recovery_entry_get_title (entry), ==, "Riverside urgent care");
  g_assert_cmpstr (tandem_recovery_entry_get_original (entry), ==, "/home/sam/riverside.tandem");

  recovered = tandem_recovery_entry_load (entry, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_document_get_title (recovered), ==, "Riverside urgent care");

  /* Once adopted, another Tandem does not offer it too. */
  adopted = tandem_recovery_new_adopting (entry);
  again = tandem_recovery_list_abandoned ();
  g_assert_cmpuint (again->len, ==, 0);
}

static void
test_discard (void)
{
  g_autofree char *id = abandon_copy ("Thrown away", NULL);
  g_autoptr(GPtrArray) entries = tandem_recovery_list_abandoned ();
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *copy = file_of (id, ".tandem");
  g_autofree char *info = file_of (id, ".ini");
  g_autofree char *lock = file_of (id, ".lock");

  g_assert_cmpuint (entries->len, ==, 1);
  tandem_recovery_entry_discard (g_ptr_array_index (entries, 0));

  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (info, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  again = tandem_recovery_list_abandoned ();
  g_assert_cmpuint (again->len, ==, 0);
}

static void
test_discard_after_save (void)
{
  g_autoptr(TandemDocument) document = make_document ("Saved at last");
  g_autoptr(TandemRecovery) recovery = tandem_recovery_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (write_copy (recovery, document, NULL, &error));
  g_assert_true (tandem_recovery_has_copy (recovery));

  tandem_recovery_discard (recovery);
  g_assert_false (tandem_recovery_has_copy (recovery));
  g_assert_false (g_file_test (tandem_recovery_get_path (recovery), G_FILE_TEST_EXISTS));
}

static void
test_damaged_ini (void)
{
  g_autofree char *id = abandon_copy ("Label lost", NULL);
  g_autofree char *info = file_of (id, ".ini");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(TandemDocument) recovered = NULL;
  g_autoptr(GError) error = NULL;
  TandemRecoveryEntry *entry;

  g_assert_true (g_file_set_contents (info, "\xff\xfe not a key file [[[", -1, NULL));

  /* The work is still offered, under a plain title. */
  entries = tandem_recovery_list_abandoned ();
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (tandem_recovery_entry_get_title (entry), ==, "Untitled project");
  recovered = tandem_recovery_entry_load (entry, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_document_get_title (recovered), ==, "Label lost");
}

/* A crash between the copy and its .ini, in either order, never orphans a copy. */
static void
test_copy_without_ini (void)
{
  g_autofree char *id = abandon_copy ("Crashed before the label", NULL);
  g_autofree char *info = file_of (id, ".ini");
  g_autoptr(GPtrArray) entries = NULL;

  g_assert_cmpint (g_unlink (info), ==, 0);

  entries = tandem_recovery_list_abandoned ();
  g_assert_cmpuint (entries->len, ==, 1);
}

static void
test_ini_without_copy (void)
{
  g_autofree char *id = abandon_copy ("Crashed before the copy", NULL);
  g_autofree char *copy = file_of (id, ".tandem");
  g_autofree char *info = file_of (id, ".ini");
  g_autofree char *lock = file_of (id, ".lock");
  g_autoptr(GPtrArray) entries = NULL;

  g_assert_cmpint (g_unlink (copy), ==, 0);

  /* Nothing to offer, and nothing left behind. */
  entries = tandem_recovery_list_abandoned ();
  g_assert_cmpuint (entries->len, ==, 0);
  g_assert_false (g_file_test (info, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
}

static void
test_write_fails (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(TandemDocument) document = tandem_test_generate_document (2000);
      g_autoptr(TandemRecovery) recovery = tandem_recovery_new ();
      g_autofree char *folder = recovery_folder ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = NULL;
      struct rlimit limit;
      const char *name;

      signal (SIGXFSZ, SIG_IGN);
      limit.rlim_cur = 16 * 1024;
      limit.rlim_max = RLIM_INFINITY;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      /* The window shows this error's message in its banner. */
      g_assert_false (write_copy (recovery, document, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_nonnull (strstr (error->message, "not enough space"));
      g_assert_nonnull (strstr (error->message, "recovery"));

      dir = g_dir_open (folder, 0, NULL);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_assert_false (name[0] == '.');
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/recovery/private-files", test_private_files);
  g_test_add_func ("/recovery/tightens-old-folder", test_tightens_old_folder);
  g_test_add_func ("/recovery/lock", test_lock);
  g_test_add_func ("/recovery/abandoned", test_abandoned);
  g_test_add_func ("/recovery/discard", test_discard);
  g_test_add_func ("/recovery/discard-after-save", test_discard_after_save);
  g_test_add_func ("/recovery/damaged-ini", test_damaged_ini);
  g_test_add_func ("/recovery/copy-without-ini", test_copy_without_ini);
  g_test_add_func ("/recovery/ini-without-copy", test_ini_without_copy);
  g_test_add_func ("/recovery/write-fails", test_write_fails);

  return g_test_run ();
}
