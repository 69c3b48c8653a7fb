/* test-cli.c: the headless command line (rigwire --check, --list-rules,
 * --export, --hear). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <json-glib/json-glib.h>

#include <cairo.h>

#include "rig-cli-export.h"
#include "rig-cli.h"
#include "rig-diagnostic.h"

typedef struct
{
  int status;
  char *out;
  char *err;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_free (run->out);
  g_free (run->err);
}

/* Runs rig_cli_run() on a NULL-terminated argument list, capturing output. */
static CliRun
run_cli (const char *first, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  CliRun run = { 0 };
  size_t out_len = 0, err_len = 0;
  FILE *out = open_memstream (&run.out, &out_len);
  FILE *err = open_memstream (&run.err, &err_len);
  va_list ap;

  g_ptr_array_add (args, (char *) "rigwire");
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run.status = rig_cli_run (args->len - 1, (char **) args->pdata, rig_cli_export, out, err);
  fclose (out);
  fclose (err);
  return run;
}

static char *
example (const char *name)
{
  return g_build_filename (g_getenv ("RIGWIRE_SOURCE_DIR"), "resources", "examples", name, NULL);
}

/* Which arguments are a headless command, and which open the editor (-1). */
static void
test_dispatch (void)
{
  CliRun run = run_cli ("x.rigwire", NULL);

  g_assert_cmpint (run.status, ==, -1);
  cli_run_clear (&run);
  run = run_cli ("--example", NULL);
  g_assert_cmpint (run.status, ==, -1);
  cli_run_clear (&run);
  /* After "--", "--check" is a file name. */
  run = run_cli ("--", "--check", NULL);
  g_assert_cmpint (run.status, ==, -1);
  cli_run_clear (&run);
  run = run_cli ("--exporter", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--exporter"));
  cli_run_clear (&run);
  run = run_cli ("--format=json", "x.rigwire", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--format goes with --check"));
  cli_run_clear (&run);
  run = run_cli ("--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "rigwire " PACKAGE_VERSION "\n");
  cli_run_clear (&run);
}

/* A program without rig_cli_export() linked (`rigwire`) is told to hand an
 * export over, once the arguments that need no exporter are checked. */
static void
test_dispatch_export_elsewhere (void)
{
  g_auto (RigCliOptions) options = { 0 };
  char *files[] = { "x.rigwire", NULL };

  options.export_out = g_strdup ("x.pdf");
  options.files = g_strdupv (files);
  g_assert_cmpint (rig_cli_dispatch (&options, NULL, stdout, stderr), ==, RIG_CLI_EXPORT_ELSEWHERE);
}

/* Runs the real program with no display; returns its exit status. */
static int
spawn_program (const char *const *args, char **out, char **err)
{
  const char *program = g_getenv ("RIGWIRE_PROGRAM");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) envp = g_get_environ ();
  g_autoptr (GError) error = NULL;
  int wait_status;

  g_assert_nonnull (program);
  g_ptr_array_add (argv, (char *) program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, out,
                               err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

/* --help lists every option, the export ones under --help-export, with
 * examples; --version answers; neither needs a display. */
static void
test_program_help (void)
{
  static const char *const main_options[]
      = { "--check",   "--format",      "--list-rules", "--export", "--version",
          "--example", "--help-export", "Examples:",    NULL };
  static const char *const export_options[]
      = { "--sheet",     "--diagram-only", "--page", "--landscape", "--scale",
          "--greyscale", "--revision",     "--dpi",  NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (spawn_program ((const char *[]){ "--help", NULL }, &out, &err), ==, 0);
  for (guint i = 0; main_options[i] != NULL; i++)
    if (strstr (out, main_options[i]) == NULL)
      g_error ("--help does not mention %s:\n%s", main_options[i], out);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (spawn_program ((const char *[]){ "--help-export", NULL }, &out, &err), ==, 0);
  for (guint i = 0; export_options[i] != NULL; i++)
    if (strstr (out, export_options[i]) == NULL)
      g_error ("--help-export does not mention %s:\n%s", export_options[i], out);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (spawn_program ((const char *[]){ "--version", NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "rigwire " PACKAGE_VERSION "\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The editor without a display says how to work without one. */
  g_assert_cmpint (spawn_program ((const char *[]){ "x.rigwire", NULL }, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "no display"));
  g_assert_nonnull (strstr (err, "rigwire --check FILE"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* An unknown option is refused, saying which. */
  g_assert_cmpint (spawn_program ((const char *[]){ "--frobnicate", NULL }, &out, &err), !=, 0);
  g_assert_nonnull (strstr (err, "--frobnicate"));
}

static void
test_list_rules (void)
{
  CliRun run = run_cli ("--list-rules", NULL);
  guint n_rules = 0;
  const RigRuleInfo *rules = rig_rules_list (&n_rules);
  g_auto (GStrv) lines = NULL;

  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n_rules + 1); /* trailing newline */
  for (guint i = 0; i < n_rules; i++)
    {
      g_assert_true (g_str_has_prefix (lines[i], rules[i].code));
      g_assert_nonnull (strstr (lines[i], rig_severity_to_nick (rules[i].severity)));
    }
  g_assert_nonnull (strstr (run.out, "power.passive-unamplified"));
  cli_run_clear (&run);
}

static void
test_check_clean (void)
{
  g_autofree char *path = example ("car.rigwire");
  CliRun run = run_cli ("--check", path, NULL);

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_suffix (run.out, "1 file checked: 0 errors, 0 warnings, 0 info\n"));
  cli_run_clear (&run);
}

static void
test_check_errors (void)
{
  g_autofree char *lesson = example ("lesson-aux-vs-headphone.rigwire");
  g_autofree char *clean = example ("car.rigwire");
  CliRun run = run_cli ("--check", lesson, clean, NULL);
  g_auto (GStrv) lines = NULL;
  g_autofree char *expected_first = NULL;
  guint n;

  g_assert_cmpint (run.status, ==, 1);
  lines = g_strsplit (run.out, "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, >=, 3);

  /* Compiler style, errors first. */
  expected_first = g_strdup_printf ("%s: error: [connector.size] Cable A-001:", lesson);
  g_assert_true (g_str_has_prefix (lines[0], expected_first));
  for (guint i = 1; i + 2 < n; i++)
    g_assert_true (g_str_has_prefix (lines[i], lesson));
  g_assert_nonnull (strstr (run.out, ": warning: [connector.headset-standard] Cable A-002:"));
  g_assert_cmpstr (lines[n - 2], ==, "2 files checked: 1 error, 1 warning, 0 info");
  cli_run_clear (&run);
}

static void
test_check_unreadable (void)
{
  g_autofree char *clean = example ("car.rigwire");
  CliRun run = run_cli ("--check", clean, "/nonexistent/missing.rigwire", NULL);

  g_assert_cmpint (run.status, ==, 2);
  /* In plain words, the path said once. */
  g_assert_cmpstr (run.err, ==,
                   "/nonexistent/missing.rigwire: cannot read: Could not open missing.rigwire: "
                   "there is no such file.\n");
  g_assert_nonnull (
      strstr (run.out, "2 files checked: 0 errors, 0 warnings, 0 info, 1 unreadable"));
  cli_run_clear (&run);
}

static void
test_bad_arguments (void)
{
  g_autofree char *clean = example ("car.rigwire");
  CliRun run = run_cli ("--check", NULL);

  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--check needs at least one FILE"));
  cli_run_clear (&run);

  run = run_cli ("--check", "--format=xml", clean, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "unknown --format “xml”"));
  cli_run_clear (&run);
}

static void
test_check_json (void)
{
  g_autofree char *lesson = example ("lesson-aux-power-speakers.rigwire");
  CliRun run = run_cli ("--check", "--format=json", lesson, "/nonexistent.rigwire", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root, *file, *missing, *diagnostic;
  JsonArray *files, *diagnostics;

  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  files = json_object_get_array_member (root, "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 2);

  file = json_array_get_object_element (files, 0);
  g_assert_cmpstr (json_object_get_string_member (file, "file"), ==, lesson);
  g_assert_cmpint (json_object_get_int_member (file, "errors"), ==, 1);
  diagnostics = json_object_get_array_member (file, "diagnostics");
  g_assert_cmpuint (json_array_get_length (diagnostics), ==, 1);
  diagnostic = json_array_get_object_element (diagnostics, 0);
  g_assert_cmpstr (json_object_get_string_member (diagnostic, "code"), ==,
                   "power.passive-unamplified");
  g_assert_cmpstr (json_object_get_string_member (diagnostic, "severity"), ==, "error");
  g_assert_cmpstr (
      json_array_get_string_element (json_object_get_array_member (diagnostic, "cables"), 0), ==,
      "c1");
  g_assert_cmpuint (strlen (json_object_get_string_member (diagnostic, "why")), >, 20);
  g_assert_cmpuint (strlen (json_object_get_string_member (diagnostic, "hear")), >, 10);
  g_assert_cmpuint (strlen (json_object_get_string_member (diagnostic, "fix")), >, 10);

  missing = json_array_get_object_element (files, 1);
  g_assert_true (json_object_has_member (missing, "error"));
  g_assert_false (json_object_has_member (missing, "diagnostics"));
  cli_run_clear (&run);
}

/* The real program, with no display at all. */
static void
test_program_without_display (void)
{
  g_autofree char *lesson = example ("lesson-aux-power-speakers.rigwire");
  const char *program = g_getenv ("RIGWIRE_PROGRAM");
  const char *argv[] = { program, "--check", lesson, NULL };
  g_auto (GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int wait_status;

  g_assert_nonnull (program);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 1);
  g_assert_nonnull (strstr (out, "error: [power.passive-unamplified] Cable A-001:"));
  g_assert_cmpstr (err, ==, "");
}

/* `rigwire` maps no drawing library, nor GTK: every command but --export
 * starts without them, and --export is handed to rigwire-export
 * (rig-cli-export.h; /cli/export/without-display runs it that way). The
 * dynamic loader lists what it would load (LD_TRACE_LOADED_OBJECTS, what
 * ldd uses) and runs nothing. */
static void
test_program_libraries (void)
{
  const char *program = g_getenv ("RIGWIRE_PROGRAM");
  const char *argv[] = { program, NULL };
  const char *drawing[] = { "libcairo", "libpango", "libpng", "libgtk", "libadwaita" };
  g_auto (GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int wait_status;

  g_assert_nonnull (program);
  envp = g_environ_setenv (envp, "LD_TRACE_LOADED_OBJECTS", "1", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                               &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);
  g_assert_nonnull (strstr (out, "libglib-2.0.so"));
  g_assert_nonnull (strstr (out, "libxml2.so"));
  for (guint i = 0; i < G_N_ELEMENTS (drawing); i++)
    if (strstr (out, drawing[i]) != NULL)
      g_error ("rigwire loads %s:\n%s", drawing[i], out);
}

/* ---- --export ------------------------------------------------------------ */

static char *
temp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("rigwire-test-cli-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_files (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (listing != NULL && g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_rmdir (path) != 0)
        g_unlink (path);
    }
  g_rmdir (dir);
}

static char *
pdfinfo (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

static void
test_export_formats (void)
{
  g_autofree char *lesson = example ("lesson-aux-vs-headphone.rigwire");
  g_autofree char *dir = temp_dir ();
  const char *const names[] = { "sheet.png", "sheet.svg", "sheet.pdf", "SHEET.PDF" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *out = g_build_filename (dir, names[i], NULL);
      CliRun run = run_cli ("--export", out, lesson, NULL);

      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_true (g_str_has_prefix (run.out, out));
      g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
      cli_run_clear (&run);
    }
  /* A PNG or SVG says it holds the first page of several. */
  {
    g_autofree char *out = g_build_filename (dir, "sheet.png", NULL);
    CliRun run = run_cli ("--export", out, lesson, NULL);

    g_assert_nonnull (strstr (run.out, "page 1 of 2"));
    cli_run_clear (&run);
  }
  g_assert_cmpuint (count_files (dir), ==, G_N_ELEMENTS (names));
  remove_dir (dir);
}

static void
test_export_options (void)
{
  g_autofree char *car = example ("car.rigwire");
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "letter.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "small.png", NULL);
  g_autofree char *info = NULL;
  cairo_surface_t *image;
  CliRun run;

  run = run_cli ("--export", pdf, "--page=letter", "--landscape", "--diagram-only", "--greyscale",
                 "--revision=B", car, NULL);
  g_assert_cmpint (run.status, ==, 0);
  cli_run_clear (&run);
  info = pdfinfo (pdf);
  g_assert_nonnull (strstr (info, "Page size:       792 x 612 pts"));
  g_assert_nonnull (strstr (info, "Pages:           1"));

  /* --dpi sets the PNG's size: A4 at 72 dpi is 596 x 842 pixels. */
  run = run_cli ("--export", png, "--dpi=72", "--sheet", car, NULL);
  g_assert_cmpint (run.status, ==, 0);
  cli_run_clear (&run);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 596);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 842);
  cairo_surface_destroy (image);

  /* A fixed scale tiles the diagram. */
  run = run_cli ("--export", pdf, "--scale=100%", "--diagram-only", car, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "2 pages"));
  cli_run_clear (&run);
  remove_dir (dir);
}

/* A pipe named like a rig is refused before it is read: reading it would
 * block forever (meson's timeout fails this test if it does). */
static void
test_check_not_regular (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *pipe = g_build_filename (dir, "pipe.rigwire", NULL);
  CliRun run;

  g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
  run = run_cli ("--check", pipe, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "pipe.rigwire is not a regular file."));
  cli_run_clear (&run);

  run = run_cli ("--export", "out.pdf", pipe, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "pipe.rigwire is not a regular file."));
  cli_run_clear (&run);
  remove_dir (dir);
}

/* Each mistake: exit 2, a message, and no OUT (nor a temporary file). */
static void
test_export_errors (void)
{
  g_autofree char *car = example ("car.rigwire");
  g_autofree char *dir = temp_dir ();
  g_autofree char *out = g_build_filename (dir, "sheet.pdf", NULL);
  g_autofree char *jpg = g_build_filename (dir, "sheet.jpg", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "sheet.pdf", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.svg", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.rigwire", NULL);
  const struct
  {
    const char *args[6];
    const char *message;
  } cases[] = {
    { { "--export", jpg, car }, "cannot tell the format of" },
    { { "--export", out, "/nonexistent/missing.rigwire" }, "cannot read" },
    { { "--export", out, broken }, "cannot read" },
    { { "--export", missing, car }, "Could not write" },
    { { "--export", "/proc/rigwire-test.pdf", car }, "Could not write" },
    { { "--export", folder, "--format=tiff", car }, "unknown --format “tiff”" },
    { { "--export", out, "--format=svg", car }, "--format goes with --export to a folder" },
    { { "--export", out }, "needs exactly one FILE" },
    { { "--export", out, car, car }, "needs exactly one FILE" },
    { { "--export", out, "--page=b5", car }, "unknown --page “b5”" },
    { { "--export", out, "--dpi=5", car }, "--dpi=5 is out of range" },
    { { "--export", out, "--scale=huge", car }, "unknown --scale “huge”" },
    { { "--export", out, "--sheet", "--diagram-only", car }, "not both" },
    { { "--export", out, "--check", car }, "not both" },
  };

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (broken, "<rig>not a rig", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *const *a = cases[i].args;
      CliRun run = run_cli (a[0], a[1], a[2], a[3], a[4], a[5], NULL);

      if (run.status != 2 || strstr (run.err, cases[i].message) == NULL)
        g_error ("case %u: exit %d, stderr “%s”, expected “%s”", i, run.status, run.err,
                 cases[i].message);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (jpg, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
      g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
      g_assert_cmpuint (count_files (folder), ==, 0);
      g_assert_cmpuint (count_files (dir), ==, 2); /* the folder and the broken rig */
      cli_run_clear (&run);
    }
  g_assert_false (g_file_test ("/proc/rigwire-test.pdf", G_FILE_TEST_EXISTS));
  remove_dir (dir);
}

/* The number of pages pdfinfo reads in the PDF at @path. */
static guint
pdf_pages (const char *path)
{
  g_autofree char *info = pdfinfo (path);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

/* --export=FOLDER/ FILE...: each rig's sheet into the folder (made if
 * missing), on two workers, each reported in the order given; one that
 * cannot be read is said so in its turn, and the others are written. */
static void
test_export_many (void)
{
  g_autofree char *car = example ("car.rigwire");
  g_autofree char *lesson = example ("lesson-aux-vs-headphone.rigwire");
  g_autofree char *studio = example ("home-studio.rigwire");
  g_autofree char *dir = temp_dir ();
  g_autofree char *broken = g_build_filename (dir, "broken.rigwire", NULL);
  g_autofree char *sheets = g_build_filename (dir, "sheets", G_DIR_SEPARATOR_S, NULL);
  const char *names[] = { "car", "lesson-aux-vs-headphone", "home-studio" };
  g_autofree char *expected = NULL;
  GString *lines = g_string_new (NULL);
  CliRun run;

  g_assert_true (g_file_set_contents (broken, "<rig>not a rig", -1, NULL));
  run = run_cli ("--export", sheets, "--jobs=2", car, lesson, broken, studio, NULL);
  g_assert_cmpint (run.status, ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = g_strconcat (names[i], ".pdf", NULL);
      g_autofree char *path = g_build_filename (sheets, name, NULL);
      guint n_pages = pdf_pages (path);

      g_string_append_printf (lines, "%s: %u %s\n", path, n_pages, n_pages == 1 ? "page" : "pages");
      g_assert_cmpuint (n_pages, >=, 1);
    }
  /* In the order given, each as one export of it alone says. */
  expected = g_string_free (lines, FALSE);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_true (g_str_has_prefix (run.err, broken));
  g_assert_nonnull (strstr (run.err, "cannot read"));
  g_assert_cmpuint (count_files (sheets), ==, G_N_ELEMENTS (names));
  cli_run_clear (&run);

  /* Another format. */
  run = run_cli ("--export", sheets, "--format=svg", lesson, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "lesson-aux-vs-headphone.svg: page 1 of 2"));
  g_assert_cmpuint (count_files (sheets), ==, G_N_ELEMENTS (names) + 1);
  cli_run_clear (&run);

  /* Two rigs of the same name: neither is written. */
  run = run_cli ("--export", sheets, "--format=png", car, broken, car, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "would both be written to"));
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpuint (count_files (sheets), ==, G_N_ELEMENTS (names) + 1);
  cli_run_clear (&run);
  remove_dir (sheets);
  remove_dir (dir);
}

/* Copies the example @name into @dir as @as; returns its path. */
static char *
copy_example (const char *name, const char *dir, const char *as)
{
  g_autofree char *from = example (name);
  g_autofree char *contents = NULL;
  char *to = g_build_filename (dir, as, NULL);
  gsize len;

  g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (to, contents, (gssize) len, NULL));
  return to;
}

/* A folder among --check's or --export's FILEs stands for the .rigwire
 * files in it, by name, as for --grade: not hidden ones, nor other files.
 * One with none is said so (exit 2), not taken for a clean rig. */
static void
test_folders (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *empty = g_build_filename (dir, "empty", NULL);
  g_autofree char *class = g_build_filename (dir, "class", NULL);
  g_autofree char *sheets = g_build_filename (dir, "sheets", G_DIR_SEPARATOR_S, NULL);
  g_autofree char *car = example ("car.rigwire");
  g_autofree char *a = NULL, *b = NULL, *hidden = NULL, *notes = NULL;
  g_autofree char *expected = NULL, *b_sheet = NULL;
  CliRun run;

  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (class, 0700), ==, 0);
  b = copy_example ("lesson-aux-vs-headphone.rigwire", class, "b.rigwire");
  a = copy_example ("car.rigwire", class, "a.rigwire");
  hidden = g_build_filename (class, ".draft.rigwire", NULL);
  notes = g_build_filename (class, "notes.txt", NULL);
  g_assert_true (g_file_set_contents (hidden, "<rig>not a rig", -1, NULL));
  g_assert_true (g_file_set_contents (notes, "not a rig", -1, NULL));

  /* a.rigwire (clean) before b.rigwire (an error and a warning); a file
   * given beside the folder keeps its place. */
  run = run_cli ("--check", "--jobs=2", class, car, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, b));
  g_assert_true (g_str_has_suffix (run.out, "3 files checked: 1 error, 1 warning, 0 info\n"));
  cli_run_clear (&run);

  run = run_cli ("--check", empty, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "rigwire: --check found no .rigwire files to check\n");
  cli_run_clear (&run);

  /* In order of their names: a.pdf, then b.pdf. */
  run = run_cli ("--export", sheets, "--jobs=2", class, NULL);
  g_assert_cmpint (run.status, ==, 0);
  b_sheet = g_build_filename (sheets, "b.pdf", NULL);
  expected
      = g_strdup_printf ("%sa.pdf: 1 page\n%s: %u pages\n", sheets, b_sheet, pdf_pages (b_sheet));
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpuint (count_files (sheets), ==, 2);
  cli_run_clear (&run);

  run = run_cli ("--export", sheets, empty, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==, "rigwire: --export found no .rigwire files to export\n");
  cli_run_clear (&run);

  remove_dir (sheets);
  remove_dir (class);
  remove_dir (empty);
  remove_dir (dir);
}

/* The real program exports with no display at all. */
static void
test_export_without_display (void)
{
  g_autofree char *lesson = example ("lesson-aux-power-speakers.rigwire");
  g_autofree char *dir = temp_dir ();
  g_autofree char *out = g_build_filename (dir, "lesson.pdf", NULL);
  const char *program = g_getenv ("RIGWIRE_PROGRAM");
  const char *argv[] = { program, "--export", out, lesson, NULL };
  const char *bad_argv[] = { program, "--export", out, "/nonexistent.rigwire", NULL };
  g_auto (GStrv) envp = g_get_environ ();
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int wait_status;

  g_assert_nonnull (program);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  g_unlink (out);

  g_clear_pointer (&err, g_free);
  g_assert_true (g_spawn_sync (NULL, (char **) bad_argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                               NULL, NULL, &err, &wait_status, &error));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 2);
  g_assert_nonnull (strstr (err, "cannot read"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  remove_dir (dir);
}

/* ---- --hear ------------------------------------------------------------ */

static guint32
u32 (const guint8 *p)
{
  return p[0] | p[1] << 8 | p[2] << 16 | (guint32) p[3] << 24;
}

/* A valid 16-bit stereo 48 kHz WAV file of 4 to 6 seconds; its data. */
static GBytes *
assert_wav (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize size = 0;
  const guint8 *p;
  guint32 data;

  g_assert_true (g_file_get_contents (path, &contents, &size, &error));
  g_assert_no_error (error);
  p = (const guint8 *) contents;
  g_assert_cmpuint (size, >, 44);
  g_assert_true (memcmp (p, "RIFF", 4) == 0 && memcmp (p + 8, "WAVEfmt ", 8) == 0);
  g_assert_cmpuint (u32 (p + 4), ==, size - 8);
  g_assert_cmpuint (p[20] | p[21] << 8, ==, 1); /* PCM */
  g_assert_cmpuint (p[22] | p[23] << 8, ==, 2);
  g_assert_cmpuint (u32 (p + 24), ==, 48000);
  g_assert_cmpuint (u32 (p + 28), ==, 48000 * 4);
  g_assert_cmpuint (p[34] | p[35] << 8, ==, 16);
  g_assert_true (memcmp (p + 36, "data", 4) == 0);
  data = u32 (p + 40);
  g_assert_cmpuint (data, ==, size - 44);
  g_assert_cmpuint (data % 4, ==, 0);
  g_assert_cmpfloat (data / 4 / 48000.0, >=, 4);
  g_assert_cmpfloat (data / 4 / 48000.0, <=, 6);
  return g_bytes_new_take (contents, size);
}

/* The RMS of the samples of a WAV file's data, full scale 1. */
static double
wav_rms (GBytes *wav)
{
  gsize size;
  const guint8 *p = g_bytes_get_data (wav, &size);
  double sum = 0;
  gsize n = (size - 44) / 2;

  for (gsize i = 0; i < n; i++)
    {
      double v = (gint16) (p[44 + 2 * i] | p[45 + 2 * i] << 8) / 32768.0;
      sum += v * v;
    }
  return sqrt (sum / n);
}

static void
test_hear_quieter_by_the_rules_db (void)
{
  g_autofree char *rig = example ("lesson-aux-power-speakers.rigwire");
  g_autofree char *dir = g_dir_make_tmp ("rigwire-hear-cli-XXXXXX", NULL);
  g_autofree char *wired = g_build_filename (dir, "wired.wav", NULL);
  g_autofree char *right = g_build_filename (dir, "right.wav", NULL);
  CliRun a = run_cli ("--hear", wired, "--cable", "A-001", rig, NULL);
  CliRun b = run_cli ("--hear", right, "--cable", "A-001", "--reference", rig, NULL);
  g_autoptr (GBytes) wav_a = NULL;
  g_autoptr (GBytes) wav_b = NULL;

  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpint (b.status, ==, 0);
  g_assert_nonnull (strstr (a.out, "power.passive-unamplified"));
  g_assert_nonnull (strstr (a.out, "dB quieter"));
  wav_a = assert_wav (wired);
  wav_b = assert_wav (right);
  g_assert_cmpuint (g_bytes_get_size (wav_a), ==, g_bytes_get_size (wav_b));
  /* The passive speaker on a phone is quieter than the right rig by the
   * rule's figure, which the command prints. */
  {
    const char *said = strstr (a.out, "] ");
    double db = g_ascii_strtod (said + 2, NULL);
    double measured = 20 * log10 (wav_rms (wav_a) / wav_rms (wav_b));
    g_assert_cmpfloat (db, >, 10);
    g_assert_cmpfloat (fabs (measured + db), <, 0.5);
  }
  cli_run_clear (&a);
  cli_run_clear (&b);
  g_unlink (wired);
  g_unlink (right);
  g_rmdir (dir);
}

static void
test_hear_errors (void)
{
  g_autofree char *rig = example ("lesson-aux-vs-headphone.rigwire");
  g_autofree char *dir = g_dir_make_tmp ("rigwire-hear-cli-XXXXXX", NULL);
  g_autofree char *wav = g_build_filename (dir, "out.wav", NULL);
  g_autofree char *txt = g_build_filename (dir, "out.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.rigwire", NULL);
  struct
  {
    const char *args[8];
    const char *says;
  } cases[] = {
    /* A cable whose only problem makes no sound of its own (a plug that does not fit). */
    { { "--hear", wav, "--cable", "A-001", rig }, "no problem you would hear" },
    { { "--hear", wav, "--cable", "A-099", rig }, "no cable" },
    { { "--hear", wav, rig }, "--cable" },
    { { "--hear", wav, "--cable", "A-002" }, "one FILE" },
    { { "--cable", "A-002", rig }, "--hear OUT" },
    { { "--hear", txt, "--cable", "A-002", rig }, ".wav" },
    { { "--hear", wav, "--cable", "A-002", missing }, "cannot read" },
    { { "--hear", wav, "--check", "--cable", "A-002", rig }, "alone" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *const *a = cases[i].args;
      CliRun run = run_cli (a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], NULL);

      g_test_message ("case %u: %s", i, run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, cases[i].says));
      g_assert_false (g_file_test (wav, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
      cli_run_clear (&run);
    }
  g_rmdir (dir);
}

/* The real program renders with no display at all. */
static void
test_hear_without_display (void)
{
  g_autofree char *rig = example ("lesson-aux-vs-headphone.rigwire");
  g_autofree char *dir = g_dir_make_tmp ("rigwire-hear-cli-XXXXXX", NULL);
  g_autofree char *wav = g_build_filename (dir, "headset.wav", NULL);
  const char *args[] = { "--hear", wav, "--cable", "A-002", rig, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GBytes) bytes = NULL;

  g_assert_cmpint (spawn_program (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "connector.headset-standard"));
  bytes = assert_wav (wav);
  g_unlink (wav);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/dispatch", test_dispatch);
  g_test_add_func ("/cli/dispatch/export-elsewhere", test_dispatch_export_elsewhere);
  g_test_add_func ("/cli/program-help", test_program_help);
  g_test_add_func ("/cli/list-rules", test_list_rules);
  g_test_add_func ("/cli/check/clean", test_check_clean);
  g_test_add_func ("/cli/check/errors", test_check_errors);
  g_test_add_func ("/cli/check/unreadable", test_check_unreadable);
  g_test_add_func ("/cli/check/not-regular", test_check_not_regular);
  g_test_add_func ("/cli/check/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli/check/json", test_check_json);
  g_test_add_func ("/cli/program-without-display", test_program_without_display);
  g_test_add_func ("/cli/program-libraries", test_program_libraries);
  g_test_add_func ("/cli/export/formats", test_export_formats);
  g_test_add_func ("/cli/export/options", test_export_options);
  g_test_add_func ("/cli/export/errors", test_export_errors);
  g_test_add_func ("/cli/export/many", test_export_many);
  g_test_add_func ("/cli/folders", test_folders);
  g_test_add_func ("/cli/export/without-display", test_export_without_display);
  g_test_add_func ("/cli/hear/quieter-by-the-rules-db", test_hear_quieter_by_the_rules_db);
  g_test_add_func ("/cli/hear/errors", test_hear_errors);
  g_test_add_func ("/cli/hear/without-display", test_hear_without_display);

  return g_test_run ();
}
