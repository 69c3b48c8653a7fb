/* test-format-save.c: saving files atomically, and cleaning up after saves
 * that were killed. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <fcntl.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rig-catalog.h"
#include "rig-document-private.h"
#include "rig-error.h"
#include "rig-format.h"
#include "rig-history.h"
#include "rig-safe-file.h"
#include "rig-xml.h"

#include "test-format-util.h"

static guint
count_dir_entries (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Saving ========================================================================== */

static void
test_save_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "rig.rigwire", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (RigDocument) document = build_document ();
  g_autoptr (RigDocument) loaded = NULL;
  g_autoptr (GBytes) expected = rig_format_save_bytes (document);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  struct stat st;
  mode_t mask = umask (022);

  umask (mask);

  /* A new file: 0666 less the umask. */
  g_assert_true (rig_format_save_file (document, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (rig_document_get_file (document), file));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~mask);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpmem (contents, len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);

  /* Over an existing file: its permissions stay. */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (rig_format_save_file (document, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);

  /* And it loads, naming its file. */
  loaded = rig_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (rig_document_get_file (loaded), file));
  {
    g_autoptr (GBytes) again = rig_format_save_bytes (loaded);
    g_assert_true (g_bytes_equal (again, expected));
  }

  remove_tree (dir);
}

static void
test_save_through_symlink (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *target = g_build_filename (dir, "real.rigwire", NULL);
  g_autofree char *link = g_build_filename (dir, "link.rigwire", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (link);
  g_autoptr (RigDocument) document = build_document ();
  g_autoptr (GError) error = NULL;

  g_file_set_contents (target, "old", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (symlink ("real.rigwire", link), ==, 0);
  g_assert_true (rig_format_save_file (document, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpuint (count_dir_entries (dir), ==, 2);
  remove_tree (dir);
}

static void
test_save_missing_dir (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "no", "such", "folder", "rig.rigwire", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (RigDocument) document = build_document ();
  g_autoptr (GError) error = NULL;

  g_assert_false (rig_format_save_file (document, file, &error));
  assert_error (error, RIG_ERROR_IO, NULL, "rig.rigwire");
  g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
  g_assert_null (rig_document_get_file (document));
  g_assert_cmpuint (count_dir_entries (dir), ==, 0);
  remove_tree (dir);
}

/* A failure half way through writing (here: the file size limit) leaves the
 * old file as it was and no temporary file. This works as root too. */
static void
test_save_write_failure (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = make_temp_dir ();
      g_autofree char *path = g_build_filename (dir, "rig.rigwire", NULL);
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autoptr (RigDocument) document = build_document ();
      g_autoptr (GError) error = NULL;
      g_autofree char *contents = NULL;
      struct rlimit limit = { 100, 100 };

      g_file_set_contents (path, "old contents", -1, &error);
      g_assert_no_error (error);
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (rig_format_save_file (document, file, &error));
      assert_error (error, RIG_ERROR_IO, NULL, "Could not save rig.rigwire");
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "old contents");
      g_assert_cmpuint (count_dir_entries (dir), ==, 1);
      g_assert_null (rig_document_get_file (document));
      remove_tree (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* An unwritable folder: the save fails, the old file stays, no temporary file
 * is left. Root writes anywhere, so under root the child process that saves
 * drops to the "nobody" user first. */
static char *
unwritable_dir_path (pid_t parent)
{
  g_autofree char *name = g_strdup_printf ("rigwire-format-unwritable-%d", (int) parent);

  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static void
test_save_unwritable_dir (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr (GFile) file = NULL;
      g_autoptr (RigDocument) document = build_document ();
      g_autoptr (GError) error = NULL;

      dir = unwritable_dir_path (getppid ());
      path = g_build_filename (dir, "rig.rigwire", NULL);
      file = g_file_new_for_path (path);
      if (geteuid () == 0)
        {
          g_assert_cmpint (setgid (65534), ==, 0);
          g_assert_cmpint (setuid (65534), ==, 0);
        }
      g_assert_false (rig_format_save_file (document, file, &error));
      assert_error (error, RIG_ERROR_IO, NULL, "Could not save rig.rigwire");
      g_assert_nonnull (strstr (error->message, g_strerror (EACCES)));
      return;
    }

  dir = unwritable_dir_path (getpid ());
  path = g_build_filename (dir, "rig.rigwire", NULL);
  remove_tree (dir);
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old contents");
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);
  remove_tree (dir);
  g_test_trap_assert_passed ();
}

/* The temporary file a save uses is in the same folder, hidden, and of the
 * one pattern the cleanup looks for (rig-safe-file.h): watch the folder
 * while saving. */
static void
test_temp_name_pattern (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "studio.rigwire", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) folder = g_file_new_for_path (dir);
  g_autoptr (RigDocument) document = build_document ();
  g_autoptr (GError) error = NULL;
  g_autofree char *temp_name = NULL;
  char buffer[4096] __attribute__ ((aligned (__alignof__(struct inotify_event))));
  int watch = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  ssize_t len;

  g_assert_cmpint (watch, >=, 0);
  g_assert_cmpint (inotify_add_watch (watch, dir, IN_CREATE), >=, 0);
  g_assert_true (rig_format_save_file (document, file, &error));
  g_assert_no_error (error);

  len = read (watch, buffer, sizeof buffer);
  g_assert_cmpint (len, >, 0);
  for (char *p = buffer; p < buffer + len && temp_name == NULL;)
    {
      const struct inotify_event *event = (const struct inotify_event *) p;

      if (event->len > 0 && g_str_has_prefix (event->name, ".studio.rigwire."))
        temp_name = g_strdup (event->name);
      p += sizeof (struct inotify_event) + event->len;
    }
  close (watch);
  g_assert_nonnull (temp_name);
  g_assert_cmpuint (strlen (temp_name), ==, strlen (".studio.rigwire.XXXXXX.rigwire-tmp"));
  g_assert_true (rig_safe_file_is_temporary (temp_name));
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);

  /* A temporary file of that name, left by a killed save, is cleaned up. */
  {
    g_autofree char *temp_path = g_build_filename (dir, temp_name, NULL);

    g_assert_true (g_file_set_contents (temp_path, "<rig", -1, NULL));
    g_assert_cmpuint (rig_safe_file_clean_folder (folder), ==, 1);
    g_assert_false (g_file_test (temp_path, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  }
  remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/save/file", test_save_file);
  g_test_add_func ("/format/save/through-symlink", test_save_through_symlink);
  g_test_add_func ("/format/save/missing-dir", test_save_missing_dir);
  g_test_add_func ("/format/save/write-failure", test_save_write_failure);
  g_test_add_func ("/format/save/unwritable-dir", test_save_unwritable_dir);
  g_test_add_func ("/format/save/temp-name", test_temp_name_pattern);

  return g_test_run ();
}
