/* test-format-util.c: see test-format-util.h. */
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
#include "rig-xml.h"

#include "test-format-util.h"

/* Helpers ====================================================================== */

void
assert_error (const GError *error, int code, const char *file_name, const char *phrase)
{
  g_assert_nonnull (error);
  g_test_message ("error: %s", error->message);
  g_assert_error (error, RIG_ERROR, code);
  if (file_name != NULL && !g_str_has_prefix (error->message, file_name))
    g_error ("“%s” does not start with the file name “%s”", error->message, file_name);
  if (phrase != NULL && strstr (error->message, phrase) == NULL)
    g_error ("“%s” does not say “%s”", error->message, phrase);
}

/* @text with @old replaced (exactly once) by @new. */
char *
replace_once (const char *text, const char *old, const char *new)
{
  const char *at = strstr (text, old);
  GString *out;

  if (at == NULL)
    g_error ("“%s” is not in the text", old);
  g_assert_null (strstr (at + 1, old));
  out = g_string_new_len (text, at - text);
  g_string_append (out, new);
  g_string_append (out, at + strlen (old));
  return g_string_free (out, FALSE);
}

char *
make_temp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("rigwire-format-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_chmod (path, 0700);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* A small valid rig used by the bad-input tests, each of which breaks one thing. */
const char base_rig[]
    = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<rig xmlns=\"" NS "\" format-version=\"1\">\n"
      "  <models>\n"
      "    <model id=\"amp\" name=\"Amplifier\" category=\"amplifier\" power=\"mains\">\n"
      "      <jack id=\"in\" name=\"Line in\" connector=\"rca\" gender=\"socket\" direction=\"in\" "
      "signal=\"line-consumer\" channels=\"2\"/>\n"
      "      <jack id=\"spk\" name=\"Speaker out\" connector=\"speaker-terminal\" "
      "gender=\"socket\" "
      "direction=\"out\" signal=\"speaker\" channels=\"1\">\n"
      "        <rating load=\"8\" power=\"20\"/>\n"
      "      </jack>\n"
      "      <route from=\"in\" to=\"spk\"/>\n"
      "    </model>\n"
      "    <model id=\"phone\" name=\"Phone\" category=\"source\" power=\"battery\">\n"
      "      <jack id=\"headset\" name=\"Headset\" connector=\"phone\" size=\"3.5\" poles=\"trrs\" "
      "wiring=\"headset-ctia\" gender=\"socket\" direction=\"both\" signal=\"headphone\" "
      "channels=\"2\"/>\n"
      "    </model>\n"
      "    <model id=\"speaker\" name=\"Speaker\" category=\"passive-speaker\">\n"
      "      <figures nominal-impedance=\"8\"/>\n"
      "      <jack id=\"terminals\" name=\"Terminals\" connector=\"speaker-terminal\" "
      "gender=\"socket\" direction=\"in\" signal=\"speaker\" channels=\"1\"/>\n"
      "    </model>\n"
      "  </models>\n"
      "  <devices>\n"
      "    <device id=\"d1\" model=\"phone\" label=\"Phone\" x=\"0\" y=\"0\"/>\n"
      "    <device id=\"d2\" model=\"amp\" label=\"Amp\" x=\"200\" y=\"0\"/>\n"
      "    <device id=\"d3\" model=\"speaker\" label=\"Left\" x=\"400\" y=\"0\"/>\n"
      "    <device id=\"d4\" model=\"speaker\" label=\"Right\" x=\"400\" y=\"200\"/>\n"
      "  </devices>\n"
      "  <cables>\n"
      "    <cable id=\"c1\" number=\"A-001\" kind=\"cable\" from-device=\"d1\" "
      "from-jack=\"headset\" "
      "to-device=\"d2\" to-jack=\"in\" conductors=\"3\">\n"
      "      <end side=\"from\" connector=\"phone\" size=\"3.5\" poles=\"trs\" gender=\"plug\"/>\n"
      "      <end side=\"to\" connector=\"rca\" gender=\"plug\" plugs=\"2\"/>\n"
      "    </cable>\n"
      "    <cable id=\"c2\" number=\"S-001\" kind=\"cable\" from-device=\"d2\" from-jack=\"spk\" "
      "to-device=\"d3\" to-jack=\"terminals\" gauge=\"16\">\n"
      "      <end side=\"from\" connector=\"speaker-terminal\" gender=\"plug\"/>\n"
      "      <end side=\"to\" connector=\"speaker-terminal\" gender=\"plug\"/>\n"
      "    </cable>\n"
      "  </cables>\n"
      "</rig>\n";

/* <model> ======================================================================= */

RigDeviceModel *
build_full_model (void)
{
  RigDeviceModel *model
      = rig_device_model_new ("amp-2.x_full", "Amp “full” & <co>", RIG_CATEGORY_AMPLIFIER);
  RigJack jack;

  model->description = g_strdup ("Every field.\nTwo lines, a tab\there.");
  model->keywords = g_strdup ("amp hifi test");
  model->isolates_ground = TRUE;
  model->figures[RIG_FIGURE_NOMINAL_IMPEDANCE] = 8;
  model->figures[RIG_FIGURE_POWER_HANDLING] = 120;
  model->figures[RIG_FIGURE_SENSITIVITY] = 88.5;
  model->figures[RIG_FIGURE_AMP_POWER] = 50;
  model->figures[RIG_FIGURE_POWER_SOURCE] = RIG_POWER_SOURCE_MAINS;
  model->figures[RIG_FIGURE_BATTERY] = 0;
  model->figures[RIG_FIGURE_EARTHED] = 1;
  model->figures[RIG_FIGURE_PHANTOM_ON] = 1;

  rig_jack_init (&jack);
  jack.id = (char *) "mic-in";
  jack.name = (char *) "Mic in";
  jack.connector = RIG_CONNECTOR_XLR3;
  jack.gender = RIG_GENDER_SOCKET;
  jack.direction = RIG_DIRECTION_IN;
  jack.signal = RIG_SIGNAL_MIC;
  jack.input_impedance = 2000;
  jack.phantom = RIG_SUPPLY_SUPPLIES;
  rig_device_model_add_jack (model, &jack);

  rig_jack_init (&jack);
  jack.id = (char *) "phones";
  jack.name = (char *) "Phones\t\"out\"";
  jack.connector = RIG_CONNECTOR_PHONE;
  jack.size = RIG_PHONE_SIZE_4_4;
  jack.poles = RIG_POLES_TRRRS;
  jack.wiring = RIG_WIRING_BALANCED_STEREO;
  jack.gender = RIG_GENDER_SOCKET;
  jack.direction = RIG_DIRECTION_BOTH;
  jack.signal = RIG_SIGNAL_HEADPHONE;
  jack.channels = 2;
  jack.output_impedance = 0.5;
  jack.max_output_voltage = 8.25;
  jack.min_load = 16;
  jack.plugin_power = RIG_SUPPLY_REQUIRES;
  jack.ratings[0] = (RigPowerRating){ 32, 1.5 };
  jack.ratings[1] = (RigPowerRating){ 300, 0.25 };
  jack.n_ratings = 2;
  rig_device_model_add_jack (model, &jack);

  rig_jack_init (&jack);
  jack.id = (char *) "spk";
  jack.name = (char *) "Speaker";
  jack.connector = RIG_CONNECTOR_SPEAKER_TERMINAL;
  jack.gender = RIG_GENDER_SOCKET;
  jack.direction = RIG_DIRECTION_OUT;
  jack.signal = RIG_SIGNAL_SPEAKER;
  jack.output_impedance = 0.01;
  for (guint i = 0; i < RIG_MAX_POWER_RATINGS; i++)
    jack.ratings[i] = (RigPowerRating){ 16.0 / (1 << i), 25.0 * (1 << i) };
  jack.n_ratings = RIG_MAX_POWER_RATINGS;
  rig_device_model_add_jack (model, &jack);

  rig_jack_init (&jack);
  jack.id = (char *) "usb";
  jack.name = (char *) "USB";
  jack.connector = RIG_CONNECTOR_USB_C;
  jack.gender = RIG_GENDER_PLUG;
  jack.direction = RIG_DIRECTION_BOTH;
  jack.signal = RIG_SIGNAL_USB_AUDIO;
  jack.channels = 6;
  jack.power_supplied_v = 5;
  jack.power_supplied_w = 7.5;
  jack.power_required_v = 20;
  jack.power_required_w = 65;
  rig_device_model_add_jack (model, &jack);

  rig_device_model_add_route (model, "mic-in", "phones");
  rig_device_model_add_route (model, "usb", "spk");
  return model;
}

RigDocument *
build_document (void)
{
  RigDocument *document = rig_document_new ();
  g_autoptr (RigDeviceModel) amp = build_full_model ();
  g_autoptr (RigDeviceModel) adapter = NULL;
  RigDevice *device;
  RigCableSpec spec;
  RigJack jack;

  adapter = rig_device_model_new ("xlr-adapter", "XLR adapter", RIG_CATEGORY_ADAPTER);
  rig_jack_init (&jack);
  jack.id = (char *) "a";
  jack.name = (char *) "A";
  jack.connector = RIG_CONNECTOR_XLR3;
  jack.gender = RIG_GENDER_PLUG;
  jack.direction = RIG_DIRECTION_BOTH;
  jack.signal = RIG_SIGNAL_MIC;
  rig_device_model_add_jack (adapter, &jack);

  _rig_document_set_metadata (document, "T <&> \"q\"", "Ünïcode author", "Line 1\r\nLine 2\n\t",
                              NULL);
  _rig_document_set_revision (document, "rev. <3> & \"B\"", NULL);

  device = rig_device_new ("d1", amp, "First & <best>", 10.5, -20.25);
  device->overrides[RIG_FIGURE_POWER_SOURCE] = RIG_POWER_SOURCE_BATTERY;
  device->overrides[RIG_FIGURE_AMP_POWER] = 33.3333333;
  _rig_document_insert_device (document, device, G_MAXUINT, NULL);
  _rig_document_insert_device (document, rig_device_new ("d2", amp, "Second", 100, 100), G_MAXUINT,
                               NULL);
  _rig_document_insert_device (document, rig_device_new ("d10", amp, "", 1e-3, 1e5), 0, NULL);

  rig_cable_spec_init_for_jacks (&spec, rig_device_model_find_jack (amp, "phones"),
                                 rig_device_model_find_jack (amp, "phones"));
  spec.length_m = 2.5;
  rig_cable_spec_add_adapter (&spec, adapter, RIG_END_TO);
  rig_cable_spec_add_adapter (&spec, adapter, RIG_END_FROM);
  _rig_document_insert_cable (document,
                              rig_cable_new ("c1", "A-001", "d1", "phones", "d2", "phones", &spec),
                              G_MAXUINT, NULL);
  rig_cable_spec_clear (&spec);

  rig_cable_spec_init (&spec, RIG_CABLE_KIND_DIRECT);
  _rig_document_insert_cable (
      document, rig_cable_new ("c2", "D-001", "d1", "usb", "d10", "usb", &spec), G_MAXUINT, NULL);
  rig_cable_spec_clear (&spec);

  /* Two cables on one speaker terminal: allowed. */
  rig_cable_spec_init (&spec, RIG_CABLE_KIND_CABLE);
  spec.ends[0].connector = spec.ends[1].connector = RIG_CONNECTOR_SPEAKER_TERMINAL;
  spec.gauge_awg = 14;
  _rig_document_insert_cable (
      document, rig_cable_new ("c3", "S-001", "d1", "spk", "d2", "spk", &spec), G_MAXUINT, NULL);
  _rig_document_insert_cable (
      document, rig_cable_new ("c4", "S-002", "d1", "spk", "d10", "spk", &spec), G_MAXUINT, NULL);
  rig_cable_spec_clear (&spec);

  _rig_document_reserve_ids (document);
  return document;
}
