/* test-catalog-i18n.c: the catalog and the examples read translated, and
 * files keep the source strings.
 *
 * The test writes a tiny translation for a made-up language ("xx") into a
 * temporary directory, compiles it with msgfmt (MSGFMT names it, else the
 * one on the PATH; the tests are skipped without one) and binds the text domain there, so it needs
 * neither an installed locale nor an installed catalog.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "rig-catalog.h"
#include "rig-command.h"
#include "rig-format.h"
#include "rig-history.h"
#include "rig-test-models.h"

static const char translation[]
    = "msgid \"\"\n"
      "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
      "\n"
      "msgid \"Headphones (32 Ω)\"\n"
      "msgstr \"Xx-casque (32 Ω)\"\n"
      "\n"
      "msgid \"Closed-back consumer headphones, 32 Ω and 100 dB SPL/mW: loud enough from any "
      "phone or laptop.\"\n"
      "msgstr \"Xx-casque fermé.\"\n"
      "\n"
      "msgid \"headphones closed consumer 32 ohm 3.5 portable\"\n"
      "msgstr \"xxcasque xxferme\"\n"
      "\n"
      "msgid \"Headphone plug\"\n"
      "msgstr \"Xx-fiche\"\n"
      "\n"
      "msgid \"Car audio\"\n"
      "msgstr \"Xx-autoradio\"\n";

static char *locale_dir;

/* Compiles the translation into LOCALE_DIR/xx/LC_MESSAGES/rigwire.mo. */
static gboolean
make_translation (void)
{
  g_autofree char *msgfmt = g_strdup (g_getenv ("MSGFMT"));
  g_autoptr (GError) error = NULL;
  g_autofree char *messages = NULL;
  g_autofree char *po = NULL;
  g_autofree char *mo = NULL;
  int status = 0;

  if (msgfmt == NULL || *msgfmt == '\0')
    {
      g_free (msgfmt);
      msgfmt = g_find_program_in_path ("msgfmt");
    }
  if (msgfmt == NULL)
    return FALSE;
  locale_dir = g_dir_make_tmp ("rigwire-i18n-XXXXXX", &error);
  g_assert_no_error (error);
  messages = g_build_filename (locale_dir, "xx", "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);
  po = g_build_filename (locale_dir, "xx.po", NULL);
  mo = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_file_set_contents (po, translation, -1, &error);
  g_assert_no_error (error);
  {
    const char *argv[] = { msgfmt, "-o", mo, po, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                  &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));
  return TRUE;
}

static void
remove_translation (void)
{
  g_autofree char *messages = NULL;
  g_autofree char *po = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *xx = NULL;

  if (locale_dir == NULL)
    return;
  xx = g_build_filename (locale_dir, "xx", NULL);
  messages = g_build_filename (xx, "LC_MESSAGES", NULL);
  mo = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  po = g_build_filename (locale_dir, "xx.po", NULL);
  g_remove (mo);
  g_remove (po);
  g_rmdir (messages);
  g_rmdir (xx);
  g_rmdir (locale_dir);
  g_clear_pointer (&locale_dir, g_free);
}

static RigDeviceModel *
catalog_model (const char *id)
{
  RigDeviceModel *model = rig_catalog_lookup (rig_test_builtin_catalog (), id);

  g_assert_nonnull (model);
  return model;
}

/* The model and its jack read translated; what has no translation, and the
 * fields themselves, stay the source strings. */
static void
test_display_texts (void)
{
  RigDeviceModel *model = catalog_model ("headphones-32");
  RigDeviceModel *other = catalog_model ("av-receiver");
  const RigJack *plug = rig_device_model_find_jack (model, "plug");

  g_assert_cmpstr (rig_device_model_get_display_name (model), ==, "Xx-casque (32 Ω)");
  g_assert_cmpstr (rig_device_model_get_display_description (model), ==, "Xx-casque fermé.");
  g_assert_cmpstr (rig_device_model_get_display_keywords (model), ==, "xxcasque xxferme");
  g_assert_nonnull (plug);
  g_assert_cmpstr (rig_jack_get_display_name (plug), ==, "Xx-fiche");

  g_assert_cmpstr (model->name, ==, "Headphones (32 Ω)");
  g_assert_cmpstr (plug->name, ==, "Headphone plug");
  g_assert_true (rig_device_model_get_display_name (other) == other->name);
  g_assert_true (rig_jack_get_display_name (&other->jacks[0]) == other->jacks[0].name);
}

/* A saved rig holds the catalog's words, whatever the user's language. */
static void
test_save_keeps_source (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (RigHistory) history = rig_history_new (doc);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  gsize size = 0;

  rig_history_apply (
      history, rig_command_add_device (catalog_model ("headphones-32"), "Mine", 0, 0), &error);
  g_assert_no_error (error);
  bytes = rig_format_save_bytes (doc);
  text = g_strndup (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "name=\"Headphones (32 Ω)\""));
  g_assert_nonnull (strstr (text, "name=\"Headphone plug\""));
  g_assert_nonnull (strstr (text, "label=\"Mine\""));
  g_assert_null (strstr (text, "Xx-"));
  g_assert_null (strstr (text, "xxcasque"));

  /* A device placed without a label gets one in the user's language: from
   * then on it is the user's own text, saved as it is. */
  rig_history_apply (
      history, rig_command_add_device (catalog_model ("headphones-32"), NULL, 0, 100), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rig_document_get_device (doc, 1)->label, ==, "Xx-casque 1");
}

/* An example opened as an example reads translated; loading the same bytes
 * as a file of one's own keeps the author's words. */
static void
test_example_title (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_resources_lookup_data (
      "/io/github/rigwire/Rigwire/examples/car.rigwire", G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_autoptr (RigDocument) own = NULL;
  g_autoptr (RigDocument) example = NULL;
  g_autofree char *notes = NULL;

  g_assert_no_error (error);
  own = rig_format_load_bytes (bytes, "car.rigwire", rig_test_builtin_catalog (), &error);
  g_assert_no_error (error);
  example = rig_format_load_bytes (bytes, "car.rigwire", rig_test_builtin_catalog (), &error);
  g_assert_no_error (error);
  notes = g_strdup (rig_document_get_notes (example));
  rig_format_translate_example (example);

  g_assert_cmpstr (rig_document_get_title (own), ==, "Car audio");
  g_assert_cmpstr (rig_document_get_title (example), ==, "Xx-autoradio");
  g_assert_cmpstr (rig_document_get_notes (example), ==, notes);
}

static void
skip_without_msgfmt (void)
{
  g_test_skip ("no msgfmt to compile the test translation");
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "xx", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (!make_translation ())
    {
      g_test_add_func ("/catalog-i18n/no-msgfmt", skip_without_msgfmt);
      return g_test_run ();
    }
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/catalog-i18n/display-texts", test_display_texts);
  g_test_add_func ("/catalog-i18n/save-keeps-source", test_save_keeps_source);
  g_test_add_func ("/catalog-i18n/example-title", test_example_title);
  {
    int status = g_test_run ();

    remove_translation ();
    return status;
  }
}
