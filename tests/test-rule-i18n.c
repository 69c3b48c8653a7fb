/* test-rule-i18n.c: the rules' texts follow the language of each check.
 *
 * The rules look each translation up once per judgement of a region
 * (rig-rule-i18n.h). These prove that the texts a check gives are in the
 * language set when it runs, and that a language changed between two
 * checks changes the texts of the next: nothing looked up for one check is
 * kept for another. The translation is a test language, "xx", made here.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "rig-test-models.h"
#include "rig-validator.h"

static const char translation[] = "msgid \"\"\n"
                                  "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                                  "\n"
                                  "msgid \"%s: no power\"\n"
                                  "msgstr \"%s: xx-no-power\"\n";

static char *locale_dir;

static char *
xx_path (const char *leaf)
{
  return g_build_filename (locale_dir, "xx", "LC_MESSAGES", leaf, NULL);
}

/* The test language, compiled with msgfmt; FALSE when there is none. */
static gboolean
translation_new (void)
{
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  g_autofree char *dir = NULL;
  g_autofree char *po = NULL;
  g_autofree char *mo = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (msgfmt == NULL)
    return FALSE;
  locale_dir = g_dir_make_tmp ("rigwire-rule-i18n-XXXXXX", &error);
  g_assert_no_error (error);
  dir = g_build_filename (locale_dir, "xx", "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  po = xx_path ("test.po");
  mo = xx_path (GETTEXT_PACKAGE ".mo");
  g_file_set_contents (po, translation, -1, &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char *[]){ msgfmt, "-o", mo, po, NULL }, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return TRUE;
}

static void
translation_free (void)
{
  const char *leaves[] = { "test.po", GETTEXT_PACKAGE ".mo" };
  g_autofree char *dir = g_build_filename (locale_dir, "xx", "LC_MESSAGES", NULL);
  g_autofree char *xx = g_build_filename (locale_dir, "xx", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (leaves); i++)
    {
      g_autofree char *path = xx_path (leaves[i]);
      g_remove (path);
    }
  g_rmdir (dir);
  g_rmdir (xx);
  g_rmdir (locale_dir);
  g_clear_pointer (&locale_dir, g_free);
}

/* The message of the power.unpowered diagnostic of @device in @diags. */
static const char *
unpowered_message (GPtrArray *diags, const char *device)
{
  const RigDiagnostic *d = rig_test_find (diags, "power.unpowered", device);

  g_assert_nonnull (d);
  return d->message;
}

/* A check in one language, then in another, then in the first again: each
 * speaks the language it runs in, the full check and the validator alike. */
static void
test_each_check_speaks_its_language (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *phone = rig_test_add (doc, "phone-ctia", "Phone");
  const char *spk = rig_test_add (doc, "speaker-usb", "USB speakers");
  const char *const languages[] = { "xx", "C", "xx" };

  rig_test_connect (doc, phone, "headset", spk, "aux-in");
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      gboolean xx = strcmp (languages[i], "xx") == 0;
      const char *want = xx ? "USB speakers: xx-no-power" : "USB speakers: no power";
      g_autoptr (GPtrArray) full = NULL;
      g_autoptr (RigValidator) validator = NULL;
      g_autoptr (GPtrArray) kept = NULL;

      /* gettext() keeps what it found until the locale is set again. */
      g_setenv ("LANGUAGE", languages[i], TRUE);
      setlocale (LC_ALL, "");
      full = rig_test_check (doc);
      g_assert_cmpstr (unpowered_message (full, spk), ==, want);
      validator = rig_validator_new (doc);
      kept = rig_validator_get_diagnostics (validator);
      g_assert_cmpstr (unpowered_message (kept, spk), ==, want);
    }
}

static void
skip_without_msgfmt (void)
{
  g_test_skip ("no msgfmt to compile the test translation");
}

int
main (int argc, char **argv)
{
  int status;

  g_setenv ("LANGUAGE", "xx", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  if (!translation_new ())
    {
      g_test_add_func ("/rule-i18n/no-msgfmt", skip_without_msgfmt);
      return g_test_run ();
    }
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE); /* as main() does: the rules' _() is gettext() */
  g_test_add_func ("/rule-i18n/each-check-speaks-its-language",
                   test_each_check_speaks_its_language);
  status = g_test_run ();
  translation_free ();
  return status;
}
