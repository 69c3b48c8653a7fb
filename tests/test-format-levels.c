/* test-format-levels.c: the format's levels, gain controls, routes' gains
 * and devices' settings (issue #11): they read, save and read again the same,
 * are refused with the file and line when wrong, and travel through copy and
 * paste; a file without them saves as before. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-format.h"
#include "rig-fragment.h"
#include "rig-history.h"
#include "rig-test-models.h"

#define NS "xmlns=\"https://rigwire.github.io/ns/rigwire/1\""

static const char preamp_rig[]
    = "<models>"
      "<model id=\"t-pre\" name=\"Preamp\" category=\"converter\" power=\"battery\">"
      "<jack id=\"in\" name=\"Mic in\" connector=\"xlr\" gender=\"socket\" direction=\"in\" "
      "signal=\"mic\" clip-level=\"2.45\"/>"
      "<jack id=\"out\" name=\"Line out\" connector=\"xlr\" gender=\"socket\" direction=\"out\" "
      "signal=\"line-pro\" nominal-level=\"1.228\" noise-level=\"0.0001\"/>"
      "<jack id=\"amp-in\" name=\"Amp in\" connector=\"rca\" gender=\"socket\" direction=\"in\" "
      "signal=\"line-consumer\" input-sensitivity=\"0.775\"/>"
      "<control id=\"gain\" name=\"Gain\" kind=\"gain\" min=\"0\" max=\"60\" default=\"40\"/>"
      "<control id=\"pad\" name=\"Pad\" kind=\"pad\" min=\"-20\" max=\"0\" default=\"0\"/>"
      "<route from=\"in\" to=\"out\" gain=\"6\" controls=\"pad   gain\"/>"
      "<route from=\"amp-in\" to=\"out\"/>"
      "</model></models><devices>"
      "<device id=\"d1\" model=\"t-pre\" label=\"Preamp\" x=\"0\" y=\"0\">"
      "<setting control=\"gain\" value=\"52.5\"/><setting control=\"pad\" value=\"-20\"/>"
      "</device></devices><cables/>";

static void
test_levels_read (void)
{
  g_autoptr (RigDocument) doc = rig_test_load_rig (preamp_rig);
  RigDevice *pre = rig_document_find_device (doc, "d1");
  const RigDeviceModel *m = pre->model;

  g_assert_cmpfloat (rig_device_model_find_jack (m, "in")->clip_level, ==, 2.45);
  g_assert_cmpfloat (rig_device_model_find_jack (m, "out")->nominal_level, ==, 1.228);
  g_assert_cmpfloat (rig_device_model_find_jack (m, "out")->noise_level, ==, 0.0001);
  g_assert_cmpfloat (rig_device_model_find_jack (m, "amp-in")->input_sensitivity, ==, 0.775);
  g_assert_cmpuint (m->n_controls, ==, 2);
  g_assert_cmpint (m->controls[1].kind, ==, RIG_CONTROL_PAD);
  g_assert_cmpfloat (m->routes[0].gain_db, ==, 6);
  /* Repeated spaces between ids are one separator. */
  g_assert_cmpuint (g_strv_length (m->routes[0].controls), ==, 2);
  g_assert_cmpstr (m->routes[0].controls[1], ==, "gain");
  g_assert_true (isnan (m->routes[1].gain_db));
  g_assert_null (m->routes[1].controls);
  /* 6 + 52.5 − 20 dB as set. */
  g_assert_cmpfloat (rig_device_route_gain_db (pre, &m->routes[0]), ==, 38.5);
  g_assert_true (isnan (rig_device_route_gain_db (pre, &m->routes[1])));
}

static void
test_levels_round_trip (void)
{
  g_autoptr (RigDocument) doc = rig_test_load_rig (preamp_rig);
  g_autoptr (GBytes) bytes = rig_format_save_bytes (doc);
  const char *text = g_bytes_get_data (bytes, NULL);

  rig_test_assert_round_trip (doc);
  /* The writer's fixed order: jacks, then controls, then routes; settings
   * after the device's overrides. */
  g_assert_nonnull (strstr (text, "clip-level=\"2.45\""));
  g_assert_nonnull (strstr (text, "controls=\"pad gain\""));
  g_assert_true (strstr (text, "<control id=\"pad\"") < strstr (text, "<route "));
  g_assert_true (strstr (text, "<jack id=\"amp-in\"") < strstr (text, "<control id=\"gain\""));
  g_assert_nonnull (strstr (text, "<setting control=\"gain\" value=\"52.5\"/>"));
}

static void
assert_refused (const char *body, const char *words)
{
  g_autofree char *text = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rig " NS
                                           " format-version=\"1\">\n"
                                           "<title>t</title>\n%s\n</rig>\n",
                                           body);
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) doc
      = rig_format_load_bytes (bytes, "bad.rigwire", rig_test_builtin_catalog (), &error);

  g_assert_null (doc);
  g_assert_nonnull (error);
  if (!g_str_has_prefix (error->message, "bad.rigwire:4:")
      || strstr (error->message, words) == NULL)
    g_error ("“%s” does not give line 4 and “%s”", error->message, words);
}

/* @preamp_rig with @from replaced by @to. */
static char *
broken (const char *from, const char *to)
{
  g_autoptr (GString) s = g_string_new (preamp_rig);

  g_assert_cmpuint (g_string_replace (s, from, to, 1), ==, 1);
  return g_strdup (s->str);
}

static void
test_levels_refused (void)
{
  static const struct
  {
    const char *from, *to, *words;
  } cases[] = {
    { "value=\"52.5\"", "value=\"70\"", "outside its range of 0 to 60 dB" },
    { "value=\"-20\"", "value=\"-10\"", "either -20 dB or 0 dB" },
    { "control=\"gain\" value", "control=\"trim\" value", "not a control of its model" },
    { "<setting control=\"pad\" value=\"-20\"/>", "<setting control=\"gain\" value=\"1\"/>",
      "twice" },
    { "controls=\"pad   gain\"", "controls=\"pad volume\"", "not one of its controls" },
    { "clip-level=\"2.45\"", "clip-level=\"-1\"", "greater than 0" },
    { "kind=\"gain\" min=\"0\"", "kind=\"knob\" min=\"0\"", "control kind" },
    { "default=\"40\"", "default=\"90\"", "a default setting within it" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = broken (cases[i].from, cases[i].to);
      assert_refused (body, cases[i].words);
    }
}

static void
test_levels_paste_keeps_settings (void)
{
  g_autoptr (RigDocument) doc = rig_test_load_rig (preamp_rig);
  RigHistory *history = rig_test_history (doc);
  const char *ids[] = { "d1", NULL };
  g_autoptr (GBytes) clip = rig_fragment_copy (doc, ids);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) pasted = NULL;
  RigCommand *paste = rig_fragment_paste_command (doc, clip, 40, 40, &pasted, &error);
  RigDevice *copy;

  g_assert_no_error (error);
  g_assert_true (rig_history_apply (history, paste, NULL));
  copy = rig_document_find_device (doc, pasted[0]);
  g_assert_cmpfloat (rig_device_get_control_db (copy, 0), ==, 52.5);
  g_assert_cmpfloat (rig_device_get_control_db (copy, 1), ==, -20);
}

static void
test_levels_old_files_save_unchanged (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("RIGWIRE_SOURCE_DIR"), "resources",
                                            "examples", "home-studio.rigwire", NULL);
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GBytes) saved = NULL;
  g_autoptr (RigDocument) doc = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  bytes = g_bytes_new (text, length);
  doc = rig_format_load_bytes (bytes, "home-studio.rigwire", NULL, &error);
  g_assert_no_error (error);
  saved = rig_format_save_bytes (doc);
  g_assert_true (g_bytes_equal (bytes, saved));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/levels/read", test_levels_read);
  g_test_add_func ("/format/levels/round-trip", test_levels_round_trip);
  g_test_add_func ("/format/levels/refused-with-line", test_levels_refused);
  g_test_add_func ("/format/levels/paste-keeps-settings", test_levels_paste_keeps_settings);
  g_test_add_func ("/format/levels/old-files-save-unchanged", test_levels_old_files_save_unchanged);
  return g_test_run ();
}
