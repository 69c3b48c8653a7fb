/* test-safe-file.c: atomic writes through locked temporary files, and the
 * cleaning of what killed writers leave. */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rig-safe-file.h"

typedef struct
{
  char *dir;
  GFile *folder;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("rigwire-safe-XXXXXX", &error);
  g_assert_no_error (error);
  f->folder = g_file_new_for_path (f->dir);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      if (g_remove (path) != 0)
        g_rmdir (path);
    }
  g_rmdir (f->dir);
  g_object_unref (f->folder);
  g_free (f->dir);
}

static guint
count_entries (Fixture *f)
{
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static char *
path_in (Fixture *f, const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
write_ok (GFile *file, const char *text)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GError) error = NULL;

  g_assert_true (rig_safe_file_write_bytes (file, bytes, &error));
  g_assert_no_error (error);
}

static void
assert_contents (const char *path, const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

/* A new file gets 0666 less the umask; a replaced one keeps its mode; no
 * temporary file stays behind. */
static void
test_write (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "rig.rigwire");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  mode_t mask = umask (022);
  struct stat st;

  umask (mask);
  write_ok (file, "first");
  assert_contents (path, "first");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~mask);

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  write_ok (file, "second");
  assert_contents (path, "second");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_assert_cmpuint (count_entries (f), ==, 1);
}

/* Through a symbolic link the file it points at is written; the link stays. */
static void
test_write_through_link (Fixture *f, gconstpointer data)
{
  g_autofree char *real = path_in (f, "real.rigwire");
  g_autofree char *link = path_in (f, "link.rigwire");
  g_autoptr (GFile) file = g_file_new_for_path (link);
  struct stat st;

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.rigwire", link), ==, 0);
  write_ok (file, "new");
  g_assert_cmpint (lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  assert_contents (real, "new");
  g_assert_cmpuint (count_entries (f), ==, 2);
}

/* A folder in the way is refused; nothing is left. */
static void
test_write_over_folder (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "taken");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GBytes) bytes = g_bytes_new_static ("x", 1);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_false (rig_safe_file_write_bytes (file, bytes, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_cmpuint (count_entries (f), ==, 1);
}

/* An aborted write leaves the target as it was. */
static void
test_abort (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "sheet.pdf");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  RigSafeFile *safe;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  safe = rig_safe_file_open (file, &error);
  g_assert_no_error (error);
  g_assert_true (
      g_output_stream_write_all (rig_safe_file_get_stream (safe), "new", 3, NULL, NULL, &error));
  g_assert_cmpuint (count_entries (f), ==, 2);
  rig_safe_file_abort (safe);
  assert_contents (path, "old");
  g_assert_cmpuint (count_entries (f), ==, 1);
}

/* The pattern is matched exactly. */
static void
test_is_temporary (void)
{
  g_assert_true (rig_safe_file_is_temporary (".rig.rigwire.Ab12Cd.rigwire-tmp"));
  g_assert_true (rig_safe_file_is_temporary (".sheet.pdf.zzzzzz.rigwire-tmp"));
  g_assert_true (rig_safe_file_is_temporary (".x.000000.rigwire-tmp"));
  /* Names people or other programs use. */
  g_assert_false (rig_safe_file_is_temporary (".x.rigwire-backup"));
  g_assert_false (rig_safe_file_is_temporary (".rig.rigwire-Ab12Cd"));
  g_assert_false (rig_safe_file_is_temporary ("rig.rigwire.Ab12Cd.rigwire-tmp"));
  g_assert_false (rig_safe_file_is_temporary (".rig.Ab12C.rigwire-tmp"));
  g_assert_false (rig_safe_file_is_temporary (".rig.Ab12Cde.rigwire-tmp"));
  g_assert_false (rig_safe_file_is_temporary (".rig.Ab-2Cd.rigwire-tmp"));
  g_assert_false (rig_safe_file_is_temporary (".rig.Ab12Cd.rigwire-tmp~"));
  g_assert_false (rig_safe_file_is_temporary (".Ab12Cd.rigwire-tmp"));
  g_assert_false (rig_safe_file_is_temporary (""));
}

/* Cleaning takes what a killed writer left, and nothing else: not a write
 * under way, not a look-alike name, not a folder. */
static void
test_clean_folder (Fixture *f, gconstpointer data)
{
  g_autofree char *left = path_in (f, ".rig.rigwire.Ab12Cd.rigwire-tmp");
  g_autofree char *backup = path_in (f, ".x.rigwire-backup");
  g_autofree char *folder = path_in (f, ".y.rigwire.Zz99Zz.rigwire-tmp");
  g_autofree char *target = path_in (f, "live.rigwire");
  g_autoptr (GFile) file = g_file_new_for_path (target);
  g_autoptr (GError) error = NULL;
  RigSafeFile *live;

  g_assert_true (g_file_set_contents (left, "torn", -1, NULL));
  g_assert_true (g_file_set_contents (backup, "mine", -1, NULL));
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  live = rig_safe_file_open (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (f), ==, 4);

  g_assert_cmpuint (rig_safe_file_clean_folder (f->folder), ==, 1);
  g_assert_false (g_file_test (left, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_entries (f), ==, 3); /* the live write's file stays */

  g_assert_true (rig_safe_file_commit (live, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (rig_safe_file_clean_folder (f->folder), ==, 0);
  g_assert_cmpuint (count_entries (f), ==, 3);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/safe-file/write", test_write);
  ADD ("/safe-file/write-through-link", test_write_through_link);
  ADD ("/safe-file/write-over-folder", test_write_over_folder);
  ADD ("/safe-file/abort", test_abort);
  ADD ("/safe-file/clean-folder", test_clean_folder);
#undef ADD
  g_test_add_func ("/safe-file/is-temporary", test_is_temporary);
  return g_test_run ();
}
