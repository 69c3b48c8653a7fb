/* test-hear-cli.c: rigwire --hear OUT --cable NUMBER FILE, through the
 * command line's API and the real program with no display. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "rig-cli.h"

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

/* rig_cli_run() on a NULL-terminated argument list, capturing its output. */
static Run
hear (const char *first, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  Run run = { 0 };
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
  run.status = rig_cli_run (args->len - 1, (char **) args->pdata, out, err);
  fclose (out);
  fclose (err);
  return run;
}

static char *
example (const char *name)
{
  return g_build_filename (g_getenv ("RIGWIRE_SOURCE_DIR"), "resources", "examples", name, NULL);
}

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
test_passive_speaker_cable_is_heard_quieter (void)
{
  g_autofree char *rig = example ("lesson-aux-power-speakers.rigwire");
  g_autofree char *dir = g_dir_make_tmp ("rigwire-hear-cli-XXXXXX", NULL);
  g_autofree char *wired = g_build_filename (dir, "wired.wav", NULL);
  g_autofree char *right = g_build_filename (dir, "right.wav", NULL);
  g_auto (Run) a = hear ("--hear", wired, "--cable", "A-001", rig, NULL);
  g_auto (Run) b = hear ("--hear", right, "--cable", "A-001", "--reference", rig, NULL);
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
  g_unlink (wired);
  g_unlink (right);
  g_rmdir (dir);
}

static void
test_wrong_arguments_write_nothing (void)
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
      g_auto (Run) run = hear (a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], NULL);

      g_test_message ("case %u: %s", i, run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, cases[i].says));
      g_assert_false (g_file_test (wav, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
    }
  g_rmdir (dir);
}

/* The real program renders with no display at all. */
static void
test_program_hears_without_a_display (void)
{
  g_autofree char *rig = example ("lesson-aux-vs-headphone.rigwire");
  g_autofree char *dir = g_dir_make_tmp ("rigwire-hear-cli-XXXXXX", NULL);
  g_autofree char *wav = g_build_filename (dir, "headset.wav", NULL);
  const char *argv[]
      = { g_getenv ("RIGWIRE_PROGRAM"), "--hear", wav, "--cable", "A-002", rig, NULL };
  g_auto (GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  int status = -1;

  g_assert_nonnull (argv[0]);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "connector.headset-standard"));
  bytes = assert_wav (wav);
  g_unlink (wav);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hear-cli/passive-speaker-cable-heard-quieter",
                   test_passive_speaker_cable_is_heard_quieter);
  g_test_add_func ("/hear-cli/wrong-arguments-write-nothing", test_wrong_arguments_write_nothing);
  g_test_add_func ("/hear-cli/program-hears-without-a-display",
                   test_program_hears_without_a_display);
  return g_test_run ();
}
