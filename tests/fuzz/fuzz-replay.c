/* fuzz-replay.c: runs a fuzz target over files, for the normal test suite.
 *
 * Usage: fuzz-replay-TARGET FILE|FOLDER...  Every regular file given, and
 * every regular file in a folder given (but hidden ones), is passed once to
 * the target. Prints
 * TAP, one line per input, so meson counts them. A crash aborts the program
 * (the test fails); a hang runs into meson's timeout.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "fuzz-common.h"

static guint n_run;

static void
run_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr (GError) error = NULL;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      printf ("not ok %u %s: %s\n", ++n_run, path, error->message);
      return;
    }
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  printf ("ok %u %s\n", ++n_run, path);
  fflush (stdout);
}

static void
run_path (const char *path)
{
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      run_file (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return;
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.') /* .gitkeep keeps an empty regression folder */
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    if (g_file_test (g_ptr_array_index (names, i), G_FILE_TEST_IS_REGULAR))
      run_file (g_ptr_array_index (names, i));
}

int
main (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    run_path (argv[i]);
  printf ("1..%u\n", n_run);
  return n_run > 0 ? 0 : 1;
}
