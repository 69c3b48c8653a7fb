/* test-model.c: jacks, device models, devices and cable specs. */
#include "config.h"

#include <math.h>

#include "rig-cable.h"
#include "rig-device.h"
#include "rig-error.h"

static RigJack
phone_jack (const char *id, RigPhoneSize size, RigWiring wiring, RigGender gender,
            RigDirection direction, RigSignal signal)
{
  RigJack jack;

  rig_jack_init (&jack);
  jack.id = (char *) id;
  jack.name = (char *) id;
  jack.connector = RIG_CONNECTOR_PHONE;
  jack.size = size;
  jack.wiring = wiring;
  jack.poles = rig_wiring_poles (wiring);
  jack.gender = gender;
  jack.direction = direction;
  jack.signal = signal;
  jack.channels = 2;
  return jack;
}

/* The error domain's name is what a GError shows in logs and in bug reports. */
static void
test_error_domain_name (void)
{
  g_assert_cmpstr (g_quark_to_string (RIG_ERROR), ==, "rig-error-quark");
}

static void
test_nicks_round_trip (void)
{
  for (int i = 0; i < RIG_N_CONNECTORS; i++)
    g_assert_cmpint (rig_connector_from_nick (rig_connector_to_nick (i)), ==, i);
  for (int i = 0; i < RIG_N_WIRINGS; i++)
    g_assert_cmpint (rig_wiring_from_nick (rig_wiring_to_nick (i)), ==, i);
  for (int i = 0; i < RIG_N_SIGNALS; i++)
    g_assert_cmpint (rig_signal_from_nick (rig_signal_to_nick (i)), ==, i);
  for (int i = 0; i < RIG_N_CATEGORIES; i++)
    g_assert_cmpint (rig_category_from_nick (rig_category_to_nick (i)), ==, i);
  for (int i = 0; i < RIG_N_FIGURES; i++)
    g_assert_cmpint (rig_figure_from_nick (rig_figure_to_nick (i)), ==, i);
  g_assert_cmpint (rig_connector_from_nick ("banana-split"), ==, -1);
  g_assert_cmpint (rig_connector_from_nick (NULL), ==, -1);
  g_assert_null (rig_connector_to_nick (RIG_N_CONNECTORS));
}

static void
test_wiring_contacts (void)
{
  /* physics.md §2.2: CTIA has ground on ring 2 and mic on the sleeve,
   * OMTP the other way round. */
  g_assert_cmpint (rig_wiring_contact (RIG_WIRING_HEADSET_CTIA, 2), ==, RIG_CONTACT_GROUND);
  g_assert_cmpint (rig_wiring_contact (RIG_WIRING_HEADSET_CTIA, 3), ==, RIG_CONTACT_MIC);
  g_assert_cmpint (rig_wiring_contact (RIG_WIRING_HEADSET_OMTP, 2), ==, RIG_CONTACT_MIC);
  g_assert_cmpint (rig_wiring_contact (RIG_WIRING_HEADSET_OMTP, 3), ==, RIG_CONTACT_GROUND);
  g_assert_cmpint (rig_wiring_contact (RIG_WIRING_BALANCED_STEREO, 3), ==, RIG_CONTACT_RIGHT_MINUS);
  g_assert_cmpint (rig_wiring_contact (RIG_WIRING_MONO, 1), ==, RIG_CONTACT_GROUND);
  g_assert_cmpint (rig_wiring_poles (RIG_WIRING_BALANCED_STEREO), ==, RIG_POLES_TRRRS);
  g_assert_cmpuint (rig_poles_contacts (RIG_POLES_TRRRS), ==, 5);
}

static void
test_jack_validate (void)
{
  RigJack jack = phone_jack ("out", RIG_PHONE_SIZE_3_5, RIG_WIRING_STEREO, RIG_GENDER_SOCKET,
                             RIG_DIRECTION_OUT, RIG_SIGNAL_HEADPHONE);
  g_autoptr (GError) error = NULL;

  g_assert_true (rig_jack_validate (&jack, &error));
  g_assert_no_error (error);

  jack.poles = RIG_POLES_TRRS; /* stereo wiring on a TRRS connector */
  g_assert_false (rig_jack_validate (&jack, &error));
  g_assert_error (error, RIG_ERROR, RIG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“out”"));
  g_clear_error (&error);

  jack.poles = RIG_POLES_TRS;
  jack.output_impedance = -3;
  g_assert_false (rig_jack_validate (&jack, &error));
  g_assert_error (error, RIG_ERROR, RIG_ERROR_INVALID);
  g_clear_error (&error);

  jack.output_impedance = 1;
  jack.phantom = RIG_SUPPLY_SUPPLIES; /* phantom on a phone jack */
  g_assert_false (rig_jack_validate (&jack, &error));
  g_assert_error (error, RIG_ERROR, RIG_ERROR_INVALID);
}

static void
test_power_at_load (void)
{
  RigJack jack;

  rig_jack_init (&jack);
  jack.direction = RIG_DIRECTION_OUT;
  jack.ratings[0] = (RigPowerRating){ 8, 50 };
  jack.ratings[1] = (RigPowerRating){ 4, 80 };
  jack.n_ratings = 2;

  g_assert_cmpfloat_with_epsilon (rig_jack_power_at_load (&jack, 8), 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (rig_jack_power_at_load (&jack, 4), 80, 1e-9);
  /* 16 Ω from the 8 Ω rating at constant voltage: half the power. */
  g_assert_cmpfloat_with_epsilon (rig_jack_power_at_load (&jack, 16), 25, 1e-9);
  /* 6 Ω from the 8 Ω rating. */
  g_assert_cmpfloat_with_epsilon (rig_jack_power_at_load (&jack, 6), 50.0 * 8 / 6, 1e-9);
  g_assert_true (isnan (rig_jack_power_at_load (&jack, 0)));
}

static RigDeviceModel *
make_amp (void)
{
  RigDeviceModel *model = rig_device_model_new ("amp", "Amplifier", RIG_CATEGORY_AMPLIFIER);
  RigJack in = phone_jack ("in", RIG_PHONE_SIZE_3_5, RIG_WIRING_STEREO, RIG_GENDER_SOCKET,
                           RIG_DIRECTION_IN, RIG_SIGNAL_LINE_CONSUMER);
  RigJack out;

  rig_jack_init (&out);
  out.id = (char *) "spk-l";
  out.name = (char *) "Speaker L";
  out.connector = RIG_CONNECTOR_SPEAKER_TERMINAL;
  out.direction = RIG_DIRECTION_OUT;
  out.signal = RIG_SIGNAL_SPEAKER;
  out.ratings[0] = (RigPowerRating){ 8, 50 };
  out.n_ratings = 1;

  rig_device_model_add_jack (model, &in);
  rig_device_model_add_jack (model, &out);
  rig_device_model_add_route (model, "in", "spk-l");
  model->figures[RIG_FIGURE_POWER_SOURCE] = RIG_POWER_SOURCE_MAINS;
  return model;
}

static void
test_model_validate (void)
{
  g_autoptr (RigDeviceModel) model = make_amp ();
  g_autoptr (GError) error = NULL;

  g_assert_true (rig_device_model_validate (model, &error));
  g_assert_no_error (error);
  g_assert_true (rig_device_model_routes (model, "in", "spk-l"));
  g_assert_false (rig_device_model_routes (model, "spk-l", "in"));
  g_assert_cmpint (rig_device_model_jack_index (model, "spk-l"), ==, 1);

  rig_device_model_add_route (model, "in", "nowhere");
  g_assert_false (rig_device_model_validate (model, &error));
  g_assert_error (error, RIG_ERROR, RIG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "nowhere"));
}

static void
test_model_duplicate_jack (void)
{
  g_autoptr (RigDeviceModel) model = make_amp ();
  g_autoptr (GError) error = NULL;

  rig_device_model_add_jack (model, &model->jacks[0]);
  g_assert_false (rig_device_model_validate (model, &error));
  g_assert_error (error, RIG_ERROR, RIG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "two jacks"));
}

static void
test_figure_validate (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rig_figure_validate (RIG_FIGURE_NOMINAL_IMPEDANCE, 8, NULL));
  g_assert_true (rig_figure_validate (RIG_FIGURE_NOMINAL_IMPEDANCE, NAN, NULL));
  g_assert_false (rig_figure_validate (RIG_FIGURE_NOMINAL_IMPEDANCE, -8, &error));
  g_assert_error (error, RIG_ERROR, RIG_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rig_figure_validate (RIG_FIGURE_POWER_HANDLING, 1e9, NULL));
  g_assert_false (rig_figure_validate (RIG_FIGURE_POWER_HANDLING, INFINITY, NULL));
  g_assert_false (rig_figure_validate (RIG_FIGURE_BATTERY, 0.5, NULL));
  g_assert_false (rig_figure_validate (RIG_FIGURE_POWER_SOURCE, RIG_N_POWER_SOURCES, NULL));
  g_assert_true (rig_figure_validate (RIG_FIGURE_POWER_SOURCE, RIG_POWER_SOURCE_USB, NULL));
}

static void
test_device_overrides (void)
{
  g_autoptr (RigDeviceModel) model = make_amp ();
  g_autoptr (RigDevice) device = rig_device_new ("d1", model, NULL, 10, 20);
  g_autoptr (RigDevice) copy = NULL;
  const RigJack *out = rig_device_find_jack (device, "spk-l");

  g_assert_cmpstr (device->label, ==, "Amplifier");
  g_assert_cmpint (rig_device_get_power_source (device), ==, RIG_POWER_SOURCE_MAINS);
  g_assert_cmpfloat_with_epsilon (rig_device_jack_power_at_load (device, out, 8), 50, 1e-9);

  device->overrides[RIG_FIGURE_AMP_POWER] = 100; /* scales every rating */
  g_assert_cmpfloat_with_epsilon (rig_device_jack_power_at_load (device, out, 8), 100, 1e-9);
  device->overrides[RIG_FIGURE_POWER_SOURCE] = RIG_POWER_SOURCE_BATTERY;
  g_assert_cmpint (rig_device_get_power_source (device), ==, RIG_POWER_SOURCE_BATTERY);

  copy = rig_device_copy (device);
  g_assert_true (rig_device_equal (device, copy));
  copy->x += 1;
  g_assert_false (rig_device_equal (device, copy));
}

static void
test_cable_for_jacks (void)
{
  RigJack phone = phone_jack ("hp", RIG_PHONE_SIZE_3_5, RIG_WIRING_HEADSET_CTIA, RIG_GENDER_SOCKET,
                              RIG_DIRECTION_BOTH, RIG_SIGNAL_HEADPHONE);
  RigJack aux = phone_jack ("aux", RIG_PHONE_SIZE_3_5, RIG_WIRING_STEREO, RIG_GENDER_SOCKET,
                            RIG_DIRECTION_IN, RIG_SIGNAL_LINE_CONSUMER);
  RigJack rca, spk, headphones;
  RigCableSpec spec;
  g_autofree char *text = NULL;

  /* Phone headset socket to an aux in: the ordinary 3.5 mm TRS aux cable. */
  rig_cable_spec_init_for_jacks (&spec, &phone, &aux);
  g_assert_cmpint (spec.kind, ==, RIG_CABLE_KIND_CABLE);
  g_assert_cmpint (spec.ends[0].poles, ==, RIG_POLES_TRS);
  g_assert_cmpint (spec.ends[1].poles, ==, RIG_POLES_TRS);
  g_assert_cmpint (spec.ends[0].gender, ==, RIG_GENDER_PLUG);
  g_assert_cmpuint (spec.conductors, ==, 3);
  text = rig_cable_spec_describe (&spec);
  g_assert_cmpstr (text, ==, "3.5 mm TRS cable");
  g_clear_pointer (&text, g_free);
  rig_cable_spec_clear (&spec);

  /* To an RCA pair: a 3.5 mm TRS to 2 x RCA cable. */
  rig_jack_init (&rca);
  rca.id = (char *) "rca";
  rca.connector = RIG_CONNECTOR_RCA;
  rca.channels = 2;
  rca.direction = RIG_DIRECTION_IN;
  rca.signal = RIG_SIGNAL_LINE_CONSUMER;
  rig_cable_spec_init_for_jacks (&spec, &aux, &rca);
  g_assert_cmpuint (spec.ends[1].plugs, ==, 2);
  text = rig_cable_spec_describe (&spec);
  g_assert_cmpstr (text, ==, "3.5 mm TRS to 2 × RCA");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (rig_cable_number_prefix (&aux, &rca), ==, "A");
  rig_cable_spec_clear (&spec);

  /* Between speaker terminals: speaker wire, 16 AWG. */
  rig_jack_init (&spk);
  spk.connector = RIG_CONNECTOR_SPEAKER_TERMINAL;
  spk.signal = RIG_SIGNAL_SPEAKER;
  rig_cable_spec_init_for_jacks (&spec, &spk, &spk);
  g_assert_cmpfloat (spec.gauge_awg, ==, 16);
  g_assert_cmpstr (rig_cable_number_prefix (&spk, &spk), ==, "S");
  rig_cable_spec_clear (&spec);

  /* Captive headphone plug in a socket: no cable at all. */
  headphones = phone_jack ("plug", RIG_PHONE_SIZE_3_5, RIG_WIRING_STEREO, RIG_GENDER_PLUG,
                           RIG_DIRECTION_IN, RIG_SIGNAL_HEADPHONE);
  rig_cable_spec_init_for_jacks (&spec, &phone, &headphones);
  g_assert_cmpint (spec.kind, ==, RIG_CABLE_KIND_DIRECT);
  rig_cable_spec_clear (&spec);
}

static void
test_cable_copy_equal (void)
{
  g_autoptr (RigDeviceModel) adapter
      = rig_device_model_new ("adapter-35-to-635", "3.5 to 6.35", RIG_CATEGORY_ADAPTER);
  RigCableSpec spec;
  g_autoptr (RigCable) cable = NULL;
  g_autoptr (RigCable) copy = NULL;

  rig_cable_spec_init (&spec, RIG_CABLE_KIND_CABLE);
  spec.length_m = 1.5;
  rig_cable_spec_add_adapter (&spec, adapter, RIG_END_TO);
  cable = rig_cable_new ("c1", "A-001", "d1", "out", "d2", "in", &spec);
  rig_cable_spec_clear (&spec);

  copy = rig_cable_copy (cable);
  g_assert_true (rig_cable_equal (cable, copy));
  g_assert_true (copy->spec.adapters[0].model == adapter);
  copy->spec.length_m = 2;
  g_assert_false (rig_cable_equal (cable, copy));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/error-domain", test_error_domain_name);
  g_test_add_func ("/model/nicks", test_nicks_round_trip);
  g_test_add_func ("/model/wiring-contacts", test_wiring_contacts);
  g_test_add_func ("/model/jack/validate", test_jack_validate);
  g_test_add_func ("/model/jack/power-at-load", test_power_at_load);
  g_test_add_func ("/model/device-model/validate", test_model_validate);
  g_test_add_func ("/model/device-model/duplicate-jack", test_model_duplicate_jack);
  g_test_add_func ("/model/figure/validate", test_figure_validate);
  g_test_add_func ("/model/device/overrides", test_device_overrides);
  g_test_add_func ("/model/cable/for-jacks", test_cable_for_jacks);
  g_test_add_func ("/model/cable/copy-equal", test_cable_copy_equal);

  return g_test_run ();
}
