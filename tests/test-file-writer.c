/* test-file-writer.c: the one function that writes every file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "tandem-appendix.h"
#include "tandem-file-writer.h"
#include "tandem-journey-export.h"
#include "tandem-journey-fixture.h"
#include "tandem-json.h"
#include "tandem-storage.h"
#include "tandem-template.h"
#include "tandem-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = tandem_test_make_temp_dir ();
  fixture->path = g_build_filename (fixture->dir, "project.tandem", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tandem_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Auxiliary methods */

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected);
}

/* Names in @dir that start with a dot: temporaries. */
static guint
count_hidden (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (name[0] == '.')
        {
          g_test_message ("hidden in %s: %s", dir, name);
          n++;
        }
    }

  return n;
}

/* What SQLite's first page starts with, as a killed save leaves it. */
static void
write_database (const char *path)
{
  static const char header[32] = "SQLite format 3";
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, header, sizeof header, &error);
  g_assert_no_error (error);
}

static void
make_old (const char *path)
{
  struct utimbuf times = { .actime = 1000000000, .modtime = 1000000000 };

  g_assert_cmpint (utime (path, &times), ==, 0);
}

/* Tests */

static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  write_file (fixture->path, "old");
  g_assert_cmpint (g_chmod (fixture->path, 0640), ==, 0);

  g_assert_true (tandem_file_write_contents (fixture->path, "new", 3,
                                             TANDEM_FILE_WRITER_KEEP_MODE, &error));
  g_assert_no_error (error);
  assert_contents (fixture->path, "new");
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_assert_cmpuint (count_hidden (fixture->dir), ==, 0);
}

static void
test_abandon (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TandemFileWriter *writer;

  write_file (fixture->path, "old");

  writer = tandem_file_writer_new (fixture->path, TANDEM_FILE_WRITER_KEEP_MODE, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_file_writer_write (writer, "half", 4, &error));
  g_assert_cmpuint (count_hidden (fixture->dir), ==, 1);

  /* Freed without a commit: the old file stays, the temporary goes. */
  tandem_file_writer_free (writer);
  assert_contents (fixture->path, "old");
  g_assert_cmpuint (count_hidden (fixture->dir), ==, 0);
}

static void
test_full_disk (Fixture       *fixture,
                gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autofree char *big = g_strnfill (256 * 1024, 'x');
      g_autoptr(GError) error = NULL;
      struct rlimit limit;

      write_file (fixture->path, "the work of last week");

      /* Files may not grow past 64 KiB: writes fail as they do on a full disk. */
      signal (SIGXFSZ, SIG_IGN);
      limit.rlim_cur = 64 * 1024;
      limit.rlim_max = RLIM_INFINITY;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (tandem_file_write_contents (fixture->path, big, strlen (big),
                                                  TANDEM_FILE_WRITER_KEEP_MODE, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "project.tandem"));
      g_assert_nonnull (strstr (error->message, "not enough space"));
      assert_contents (fixture->path, "the work of last week");
      g_assert_cmpuint (count_hidden (fixture->dir), ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Every writer of the application with the disk full: a sentence naming the file, the old
 * file unchanged, nothing left beside it. */
static void
test_full_disk_every_writer (Fixture       *fixture,
                             gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(TandemDocument) document = tandem_test_generate_document (400);
      TandemJourney *journey = tandem_test_feverish_child (document);
      GListModel *builtin = tandem_template_get_builtin ();
      g_autoptr(TandemTemplate) template = g_list_model_get_item (builtin, 0);
      TandemChecklist *checklist = tandem_template_instantiate (template, document, "Add");
      const char *names[] = { "export.json", "template.json", "map.png", "map.svg", "map.pdf",
                              "appendix.pdf" };
      TandemJourneyExportOptions journey_options;
      TandemAppendixOptions appendix_options;
      struct rlimit limit;

      tandem_journey_export_options_init (&journey_options);
      tandem_appendix_options_init (&appendix_options);

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);

          write_file (path, "the work of last week");
        }

      signal (SIGXFSZ, SIG_IGN);
      limit.rlim_cur = 1024;
      limit.rlim_max = RLIM_INFINITY;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_autoptr(GError) error = NULL;
          gboolean written;

          switch (i)
            {
            case 0:
              written = tandem_json_export (document, file, &error);
              break;
            case 1:
              written = tandem_template_export (checklist, file, &error);
              break;
            case 2: case 3: case 4:
              written = tandem_journey_export (journey, file, &journey_options, &error);
              break;
            default:
              written = tandem_appendix_write_pdf (document, &appendix_options, path, &error);
              break;
            }

          g_test_message ("%s: %s", names[i], error ? error->message : "written");
          g_assert_false (written);
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
          g_assert_nonnull (strstr (error->message, names[i]));
          g_assert_nonnull (strstr (error->message, "not enough space"));
          assert_contents (path, "the work of last week");
          g_assert_cmpuint (count_hidden (fixture->dir), ==, 0);
        }

      tandem_appendix_options_clear (&appendix_options);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_full_filesystem (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *mount = g_build_filename (fixture->dir, "small-disk", NULL);
  g_autofree char *path = g_build_filename (mount, "export.json", NULL);
  g_autofree char *command = NULL;
  g_autofree char *big = g_strnfill (256 * 1024, 'x');
  g_autoptr(GError) error = NULL;
  gboolean written;
  int status = -1;

  g_mkdir (mount, 0755);
  command = g_strdup_printf ("mount -t tmpfs -o size=128k tmpfs '%s'", mount);
  if (getuid () != 0 || !g_spawn_command_line_sync (command, NULL, NULL, &status, NULL) ||
      status != 0)
    {
      g_test_skip ("a small tmpfs cannot be mounted here; the RLIMIT_FSIZE case covers this");
      return;
    }

  write_file (path, "the work of last week");
  written = tandem_file_write_contents (path, big, strlen (big), TANDEM_FILE_WRITER_KEEP_MODE,
                                        &error);

  /* Unmount before asserting, so that a failure does not leave the mount behind. */
  {
    g_autofree char *contents = NULL;
    guint hidden = count_hidden (mount);

    g_file_get_contents (path, &contents, NULL, NULL);
    g_free (command);
    command = g_strdup_printf ("umount '%s'", mount);
    g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);

    g_assert_false (written);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
    g_assert_cmpstr (contents, ==, "the work of last week");
    g_assert_cmpuint (hidden, ==, 0);
  }
}

static void
test_symlink (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *real_dir = g_build_filename (fixture->dir, "shared drive", NULL);
  g_autofree char *real = g_build_filename (real_dir, "project.tandem", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.tandem", NULL);
  g_autofree char *second = g_build_filename (fixture->dir, "second-link.tandem", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_mkdir (real_dir, 0755);
  write_file (real, "old");
  g_assert_cmpint (g_chmod (real, 0604), ==, 0);
  g_assert_cmpint (symlink ("shared drive/project.tandem", second), ==, 0);
  g_assert_cmpint (symlink ("second-link.tandem", link), ==, 0);

  g_assert_true (tandem_file_write_contents (link, "new", 3, TANDEM_FILE_WRITER_KEEP_MODE,
                                             &error));
  g_assert_no_error (error);

  /* Both links stay links; the file at the end of them has the new content and its mode. */
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (g_lstat (second, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  assert_contents (real, "new");
  g_assert_cmpint (g_stat (real, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0604);
  g_assert_cmpuint (count_hidden (fixture->dir), ==, 0);
  g_assert_cmpuint (count_hidden (real_dir), ==, 0);
}

static void
test_symlink_loop (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *a = g_build_filename (fixture->dir, "a.json", NULL);
  g_autofree char *b = g_build_filename (fixture->dir, "b.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink ("b.json", a), ==, 0);
  g_assert_cmpint (symlink ("a.json", b), ==, 0);

  g_assert_false (tandem_file_write_contents (a, "x", 1, TANDEM_FILE_WRITER_KEEP_MODE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
  g_assert_nonnull (strstr (error->message, "a.json"));
}

static void
test_document_through_symlink (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(TandemDocument) document = tandem_test_generate_document (10);
  g_autoptr(TandemDocument) reopened = NULL;
  g_autofree char *link = g_build_filename (fixture->dir, "desktop.tandem", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(GFile) real_file = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (tandem_storage_save (document, real_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (symlink ("project.tandem", link), ==, 0);

  tandem_test_edit_title (document, "Saved through the link");
  g_assert_true (tandem_storage_save (document, link_file, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  reopened = tandem_storage_load (real_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_document_get_title (reopened), ==, "Saved through the link");
  g_assert_cmpuint (count_hidden (fixture->dir), ==, 0);
}

static void
test_hard_link (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "other-name.tandem", NULL);
  g_autoptr(GError) error = NULL;

  write_file (fixture->path, "old");
  g_assert_cmpint (link (fixture->path, other), ==, 0);

  /* Documented (help/C/save.page): the name written gets a new file; another hard link to
   * the old file keeps the old content. */
  g_assert_true (tandem_file_write_contents (fixture->path, "new", 3,
                                             TANDEM_FILE_WRITER_KEEP_MODE, &error));
  g_assert_no_error (error);
  assert_contents (fixture->path, "new");
  assert_contents (other, "old");
}

static void
test_owner (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  if (getuid () != 0)
    {
      g_test_skip ("only the superuser can give a file to someone else to test this");
      return;
    }

  write_file (fixture->path, "old");
  g_assert_cmpint (chown (fixture->path, 4321, 4322), ==, 0);
  g_assert_cmpint (g_chmod (fixture->path, 0664), ==, 0);

  g_assert_true (tandem_file_write_contents (fixture->path, "new", 3,
                                             TANDEM_FILE_WRITER_KEEP_MODE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_uid, ==, 4321);
  g_assert_cmpint (st.st_gid, ==, 4322);
  g_assert_cmpint (st.st_mode & 0777, ==, 0664);
}

static void
test_explicit_mode (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  write_file (fixture->path, "old");
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);

  g_assert_true (tandem_file_write_contents (fixture->path, "private", 7, 0600, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "gone", "x.json", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "folder.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (tandem_file_write_contents (missing, "x", 1, TANDEM_FILE_WRITER_KEEP_MODE,
                                              &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "x.json"));
  g_clear_error (&error);

  g_mkdir (folder, 0755);
  g_assert_false (tandem_file_write_contents (folder, "x", 1, TANDEM_FILE_WRITER_KEEP_MODE,
                                              &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "folder.json"));
  g_clear_error (&error);

  g_assert_false (tandem_file_write_contents ("/dev/null", "x", 1,
                                              TANDEM_FILE_WRITER_KEEP_MODE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
}

/* What killed saves leave: removed on the next save, except what a running save holds. */
static void
test_clean_stale (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *killed = g_build_filename (fixture->dir, ".project.tandem.tandem-tmp-Ab12Cd",
                                              NULL);
  g_autofree char *running = g_build_filename (fixture->dir,
                                               ".project.tandem.tandem-tmp-Zz98Yx", NULL);
  g_autofree char *legacy = g_build_filename (fixture->dir, ".project.tandem.Qw3Rt9", NULL);
  g_autofree char *recent_legacy = g_build_filename (fixture->dir, ".project.tandem.Qw3Rt8",
                                                     NULL);
  g_autofree char *backup = g_build_filename (fixture->dir, ".project.tandem.backup", NULL);
  g_autofree char *notes = g_build_filename (fixture->dir, ".project.tandem.Qw3Rt7", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, ".other.tandem.tandem-tmp-Ab12Cd",
                                             NULL);
  g_autoptr(GError) error = NULL;
  int fd;

  write_file (fixture->path, "old");
  write_database (killed);
  write_database (running);
  write_database (legacy);
  write_database (recent_legacy);
  write_database (backup);
  write_file (notes, "my own notes, not a database");
  write_database (other);
  make_old (legacy);
  make_old (backup);
  make_old (notes);

  /* Another process's save in progress holds its temporary locked. */
  fd = g_open (running, O_RDONLY | O_CLOEXEC, 0);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);

  g_assert_true (tandem_file_write_contents (fixture->path, "new", 3,
                                             TANDEM_FILE_WRITER_KEEP_MODE, &error));
  g_assert_no_error (error);

  g_assert_false (g_file_test (killed, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (legacy, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (running, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (recent_legacy, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (notes, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));

  /* Once that save has ended, its leftover goes too. */
  close (fd);
  g_assert_cmpuint (tandem_file_writer_clean_stale (fixture->path), ==, 1);
  g_assert_false (g_file_test (running, G_FILE_TEST_EXISTS));
}

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_open_cleans_stale (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TandemDocument) document = tandem_test_generate_document (10);
  g_autoptr(TandemDocument) opened = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autofree char *killed = g_build_filename (fixture->dir, ".project.tandem.tandem-tmp-Ab12Cd",
                                              NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_storage_save (document, file, NULL, &error));
  g_assert_no_error (error);
  write_database (killed);

  tandem_storage_load_async (file, NULL, on_loaded_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  opened = tandem_storage_load_finish (result, &error);
  g_assert_no_error (error);

  g_assert_false (g_file_test (killed, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/file-writer/replace", test_replace);
  ADD ("/file-writer/abandon", test_abandon);
  ADD ("/file-writer/full-disk", test_full_disk);
  ADD ("/file-writer/full-disk-every-writer", test_full_disk_every_writer);
  ADD ("/file-writer/full-filesystem", test_full_filesystem);
  ADD ("/file-writer/symlink", test_symlink);
  ADD ("/file-writer/symlink-loop", test_symlink_loop);
  ADD ("/file-writer/document-through-symlink", test_document_through_symlink);
  ADD ("/file-writer/hard-link", test_hard_link);
  ADD ("/file-writer/owner", test_owner);
  ADD ("/file-writer/explicit-mode", test_explicit_mode);
  ADD ("/file-writer/refusals", test_refusals);
  ADD ("/file-writer/clean-stale", test_clean_stale);
  ADD ("/file-writer/open-cleans-stale", test_open_cleans_stale);

  return g_test_run ();
}
