/* test-cli-trace.c: rigwire --trace, the real program with no display: its
 * text and JSON, and exit statuses as --check gives them. */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* The program with @args (NULL-terminated), no display, its exit status. */
static void
trace (Run *run, const char *const *args)
{
  g_autoptr (GStrvBuilder) argv = g_strv_builder_new ();
  g_auto (GStrv) env = g_get_environ ();
  g_auto (GStrv) full = NULL;
  g_autoptr (GError) error = NULL;
  int wait;

  g_strv_builder_add (argv, g_getenv ("RIGWIRE_PROGRAM"));
  g_strv_builder_addv (argv, (const char **) args);
  full = g_strv_builder_end (argv);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  g_spawn_sync (NULL, full, env, G_SPAWN_DEFAULT, NULL, NULL, &run->out, &run->err, &wait, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait));
  run->status = WEXITSTATUS (wait);
}

static char *
rig (const char *name)
{
  return g_build_filename (g_getenv ("RIGWIRE_SOURCE_DIR"), "resources", "examples", name, NULL);
}

static void
test_text_of_a_clean_rig (void)
{
  g_autofree char *file = rig ("home-theater.rigwire");
  const char *args[] = { "--trace", file, NULL };
  g_auto (Run) run = { 0 };

  trace (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  /* The TV's optical output into the receiver, to the front left speaker. */
  g_assert_nonnull (strstr (run.out, "path 1: TV → Front left"));
  g_assert_nonnull (strstr (run.out, "→ cable D-001 AV receiver Optical in (in)"));
  g_assert_nonnull (strstr (run.out, "loudness at the listener"));
  g_assert_nonnull (strstr (run.out, "1 file traced: 6 paths"));
}

static void
test_exit_status_as_check (void)
{
  g_autofree char *broken = rig ("lesson-aux-power-speakers.rigwire");
  const char *errors[] = { "--trace", broken, NULL };
  const char *unreadable[] = { "--trace", "/nonexistent/gone.rigwire", NULL };
  const char *no_file[] = { "--trace", NULL };
  const char *both[] = { "--trace", "--check", broken, NULL };
  const char *format[] = { "--trace", "--format=xml", broken, NULL };
  g_auto (Run) a = { 0 };
  g_auto (Run) b = { 0 };
  g_auto (Run) c = { 0 };
  g_auto (Run) d = { 0 };
  g_auto (Run) e = { 0 };

  trace (&a, errors);
  g_assert_cmpint (a.status, ==, 1); /* a passive speaker on a phone: an error */
  trace (&b, unreadable);
  g_assert_cmpint (b.status, ==, 2);
  g_assert_nonnull (strstr (b.err, "cannot read"));
  trace (&c, no_file);
  g_assert_cmpint (c.status, ==, 2);
  trace (&d, both);
  g_assert_cmpint (d.status, ==, 2);
  trace (&e, format);
  g_assert_cmpint (e.status, ==, 2);
  g_assert_nonnull (strstr (e.err, "xml"));
}

static void
test_json (void)
{
  g_autofree char *file = rig ("lesson-aux-power-speakers.rigwire");
  const char *args[] = { "--trace", "--format=json", file, NULL };
  g_auto (Run) run = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *entry, *stage;
  JsonArray *paths;

  trace (&run, args);
  g_assert_cmpint (run.status, ==, 1);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  entry = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "files"),
      0);
  paths = json_object_get_array_member (entry, "paths");
  g_assert_cmpuint (json_array_get_length (paths), ==, 4);
  /* The phone's 1 V through 1 Ω into the 8 Ω speaker: 8/9 V. */
  stage = json_array_get_object_element (
      json_object_get_array_member (json_array_get_object_element (paths, 0), "stages"), 1);
  g_assert_cmpstr (json_object_get_string_member (stage, "direction"), ==, "in");
  g_assert_cmpfloat_with_epsilon (
      json_object_get_double_member (json_object_get_object_member (stage, "peak"), "volts"),
      8.0 / 9.0, 1e-6);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/trace/text-of-a-clean-rig", test_text_of_a_clean_rig);
  g_test_add_func ("/cli/trace/exit-status-as-check", test_exit_status_as_check);
  g_test_add_func ("/cli/trace/json", test_json);
  return g_test_run ();
}
