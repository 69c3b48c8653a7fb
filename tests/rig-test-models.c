/* rig-test-models.c: device models for the tests, built in code, and helpers
 * that build rigs through edit commands.
 *
 * Figures are typical of real devices (doc/physics.md §1):
 * phones give about 1 V from a 1 Ω headphone output, hi-fi amplifiers have
 * output impedances well under 0.1 Ω, mic inputs are about 2 kΩ, line inputs
 * 10 to 47 kΩ, Hi-Z inputs 1 MΩ, passive pickups about 10 kΩ.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rig-command.h"
#include "rig-format.h"
#include "rig-test-models.h"

/* ---- building models ---------------------------------------------------- */

static RigDeviceModel *
model_new (const char *id, const char *name, RigCategory category, RigPowerSource power)
{
  RigDeviceModel *m = rig_device_model_new (id, name, category);
  m->figures[RIG_FIGURE_POWER_SOURCE] = power;
  return m;
}

/* Adds a jack and returns it; valid until the next jack is added. */
static RigJack *
jack (RigDeviceModel *m, const char *id, const char *name, RigConnector connector, RigGender gender,
      RigDirection direction, RigSignal signal, guint channels)
{
  RigJack j;

  rig_jack_init (&j);
  j.id = (char *) id;
  j.name = (char *) name;
  j.connector = connector;
  j.gender = gender;
  j.direction = direction;
  j.signal = signal;
  j.channels = channels;
  return rig_device_model_add_jack (m, &j);
}

static RigJack *
phone (RigDeviceModel *m, const char *id, const char *name, RigPhoneSize size, RigWiring wiring,
       RigGender gender, RigDirection direction, RigSignal signal, guint channels)
{
  RigJack *j = jack (m, id, name, RIG_CONNECTOR_PHONE, gender, direction, signal, channels);
  j->size = size;
  j->wiring = wiring;
  j->poles = rig_wiring_poles (wiring);
  return j;
}

static void
rating (RigJack *j, double load, double watts)
{
  j->ratings[j->n_ratings].load_ohms = load;
  j->ratings[j->n_ratings].watts = watts;
  j->n_ratings++;
}

static void
route (RigDeviceModel *m, const char *from, const char *to)
{
  rig_device_model_add_route (m, from, to);
}

#define S RIG_GENDER_SOCKET
#define P RIG_GENDER_PLUG
#define IN RIG_DIRECTION_IN
#define OUT RIG_DIRECTION_OUT
#define BOTH RIG_DIRECTION_BOTH

static RigDeviceModel *
make_phone (gboolean ctia)
{
  RigDeviceModel *m = model_new (ctia ? "phone-ctia" : "phone-omtp",
                                 ctia ? "Smartphone (3.5 mm CTIA headset jack)"
                                      : "Older phone (3.5 mm OMTP headset jack)",
                                 RIG_CATEGORY_SOURCE, RIG_POWER_SOURCE_BATTERY);
  RigJack *j;

  m->figures[RIG_FIGURE_BATTERY] = 1;
  j = phone (m, "headset", "Headphone out", RIG_PHONE_SIZE_3_5,
             ctia ? RIG_WIRING_HEADSET_CTIA : RIG_WIRING_HEADSET_OMTP, S, BOTH,
             RIG_SIGNAL_HEADPHONE, 2);
  j->output_impedance = 1;
  j->max_output_voltage = 1.0;
  j->input_impedance = 2200;
  j->plugin_power = RIG_SUPPLY_SUPPLIES;
  j = jack (m, "usb", "USB-C", RIG_CONNECTOR_USB_C, S, BOTH, RIG_SIGNAL_USB_AUDIO, 2);
  j->power_supplied_v = 5;
  j->power_supplied_w = 2.5;
  jack (m, "bt", "Bluetooth", RIG_CONNECTOR_BLUETOOTH, S, BOTH, RIG_SIGNAL_BLUETOOTH, 2);
  return m;
}

static RigDeviceModel *
make_laptop (void)
{
  RigDeviceModel *m = model_new ("laptop", "Laptop", RIG_CATEGORY_SOURCE, RIG_POWER_SOURCE_BATTERY);
  RigJack *j;

  m->figures[RIG_FIGURE_BATTERY] = 1;
  j = phone (m, "headset", "Headphone out", RIG_PHONE_SIZE_3_5, RIG_WIRING_HEADSET_CTIA, S, BOTH,
             RIG_SIGNAL_HEADPHONE, 2);
  j->output_impedance = 2;
  j->max_output_voltage = 1.0;
  j->input_impedance = 2200;
  j->plugin_power = RIG_SUPPLY_SUPPLIES;
  j = jack (m, "usb-a", "USB-A port", RIG_CONNECTOR_USB_A, S, BOTH, RIG_SIGNAL_USB_AUDIO, 2);
  j->power_supplied_v = 5;
  j->power_supplied_w = 2.5;
  j = jack (m, "usb-c", "USB-C port", RIG_CONNECTOR_USB_C, S, BOTH, RIG_SIGNAL_USB_AUDIO, 2);
  j->power_supplied_v = 5;
  j->power_supplied_w = 15;
  jack (m, "bt", "Bluetooth", RIG_CONNECTOR_BLUETOOTH, S, BOTH, RIG_SIGNAL_BLUETOOTH, 2);
  return m;
}

static RigDeviceModel *
make_pc (void)
{
  RigDeviceModel *m = model_new ("pc", "Desktop PC", RIG_CATEGORY_SOURCE, RIG_POWER_SOURCE_MAINS);
  RigJack *j;

  m->figures[RIG_FIGURE_EARTHED] = 1;
  j = phone (m, "line-out", "Line out", RIG_PHONE_SIZE_3_5, RIG_WIRING_STEREO, S, OUT,
             RIG_SIGNAL_LINE_CONSUMER, 2);
  j->output_impedance = 100;
  j->max_output_voltage = 1.0;
  j = phone (m, "mic-in", "Mic in", RIG_PHONE_SIZE_3_5, RIG_WIRING_STEREO, S, IN, RIG_SIGNAL_MIC,
             1);
  j->input_impedance = 2200;
  j->plugin_power = RIG_SUPPLY_SUPPLIES;
  for (int i = 1; i <= 2; i++)
    {
      j = jack (m, i == 1 ? "usb-1" : "usb-2", i == 1 ? "USB port 1" : "USB port 2",
                RIG_CONNECTOR_USB_A, S, BOTH, RIG_SIGNAL_USB_AUDIO, 2);
      j->power_supplied_v = 5;
      j->power_supplied_w = 2.5;
    }
  jack (m, "optical-out", "Optical out", RIG_CONNECTOR_TOSLINK, S, OUT, RIG_SIGNAL_SPDIF, 2);
  return m;
}

static RigDeviceModel *
make_tv (void)
{
  RigDeviceModel *m = model_new ("tv", "Television", RIG_CATEGORY_SOURCE, RIG_POWER_SOURCE_MAINS);
  RigJack *j;

  m->keywords = g_strdup ("tv television");
  m->figures[RIG_FIGURE_EARTHED] = 0;
  jack (m, "optical-out", "Optical out", RIG_CONNECTOR_TOSLINK, S, OUT, RIG_SIGNAL_SPDIF, 2);
  j = phone (m, "hp-out", "Headphone out", RIG_PHONE_SIZE_3_5, RIG_WIRING_STEREO, S, OUT,
             RIG_SIGNAL_HEADPHONE, 2);
  j->output_impedance = 24; /* article 003's figure */
  j->max_output_voltage = 1.0;
  jack (m, "bt", "Bluetooth", RIG_CONNECTOR_BLUETOOTH, S, OUT, RIG_SIGNAL_BLUETOOTH, 2);
  return m;
}

static RigDeviceModel *
make_cd (void)
{
  RigDeviceModel *m
      = model_new ("cd-player", "CD player", RIG_CATEGORY_SOURCE, RIG_POWER_SOURCE_MAINS);
  RigJack *j;

  m->figures[RIG_FIGURE_EARTHED] = 0;
  j = jack (m, "line-out", "Line out", RIG_CONNECTOR_RCA, S, OUT, RIG_SIGNAL_LINE_CONSUMER, 2);
  j->output_impedance = 100;
  j->max_output_voltage = 2.0;
  j = jack (m, "coax-out", "Coaxial digital out", RIG_CONNECTOR_RCA, S, OUT, RIG_SIGNAL_SPDIF, 2);
  return m;
}

static RigDeviceModel *
make_tube_pre (void)
{
  RigDeviceModel *m
      = model_new ("tube-pre", "Vintage tube preamp", RIG_CATEGORY_SOURCE, RIG_POWER_SOURCE_MAINS);
  RigJack *j;

  j = jack (m, "out", "Line out", RIG_CONNECTOR_RCA, S, OUT, RIG_SIGNAL_LINE_CONSUMER, 2);
  j->output_impedance = 5000;
  j->max_output_voltage = 2.0;
  return m;
}

static RigDeviceModel *
make_passive (const char *id, const char *name, double z, double watts, gboolean link)
{
  RigDeviceModel *m = model_new (id, name, RIG_CATEGORY_PASSIVE_SPEAKER, RIG_POWER_SOURCE_NONE);
  RigJack *j;

  m->figures[RIG_FIGURE_NOMINAL_IMPEDANCE] = z;
  m->figures[RIG_FIGURE_POWER_HANDLING] = watts;
  m->figures[RIG_FIGURE_SENSITIVITY] = 87;
  j = jack (m, "in", "Speaker in", RIG_CONNECTOR_SPEAKER_TERMINAL, S, IN, RIG_SIGNAL_SPEAKER, 1);
  j->input_impedance = z;
  if (link)
    {
      jack (m, "link", "Link out", RIG_CONNECTOR_SPEAKER_TERMINAL, S, OUT, RIG_SIGNAL_SPEAKER, 1);
      route (m, "in", "link");
    }
  return m;
}

static RigDeviceModel *
make_active (void)
{
  RigDeviceModel *m = model_new ("speaker-active", "Powered speakers", RIG_CATEGORY_ACTIVE_SPEAKER,
                                 RIG_POWER_SOURCE_MAINS);
  RigJack *j;

  m->figures[RIG_FIGURE_EARTHED] = 0;
  j = phone (m, "aux-in", "Aux in", RIG_PHONE_SIZE_3_5, RIG_WIRING_STEREO, S, IN,
             RIG_SIGNAL_LINE_CONSUMER, 2);
  j->input_impedance = 10000;
  j = jack (m, "rca-in", "RCA in", RIG_CONNECTOR_RCA, S, IN, RIG_SIGNAL_LINE_CONSUMER, 2);
  j->input_impedance = 10000;
  jack (m, "bt", "Bluetooth", RIG_CONNECTOR_BLUETOOTH, S, IN, RIG_SIGNAL_BLUETOOTH, 2);
  return m;
}

static RigDeviceModel *
make_monitor (void)
{
  RigDeviceModel *m = model_new ("monitor", "Studio monitor", RIG_CATEGORY_ACTIVE_SPEAKER,
                                 RIG_POWER_SOURCE_MAINS);
  RigJack *j;

  m->figures[RIG_FIGURE_EARTHED] = 1;
  j = jack (m, "xlr-in", "XLR in", RIG_CONNECTOR_XLR3, S, IN, RIG_SIGNAL_LINE_PRO, 1);
  j->input_impedance = 20000;
  j = phone (m, "trs-in", "TRS in", RIG_PHONE_SIZE_6_35, RIG_WIRING_BALANCED, S, IN,
             RIG_SIGNAL_LINE_PRO, 1);
  j->input_impedance = 20000;
  return m;
}

static RigDeviceModel *
make_subwoofer (void)
{
  RigDeviceModel *m = model_new ("subwoofer", "Active subwoofer", RIG_CATEGORY_ACTIVE_SPEAKER,
                                 RIG_POWER_SOURCE_MAINS);
  RigJack *j;

  m->figures[RIG_FIGURE_EARTHED] = 0;
  j = jack (m, "lfe-in", "LFE in", RIG_CONNECTOR_RCA, S, IN, RIG_SIGNAL_LINE_CONSUMER, 1);
  j->input_impedance = 10000;
  return m;
}

static RigDeviceModel *
make_fx (void)
{
  RigDeviceModel *m
      = model_new ("fx-unit", "Reverb unit", RIG_CATEGORY_ACCESSORY, RIG_POWER_SOURCE_MAINS);
  RigJack *j;

  j = phone (m, "in", "Input", RIG_PHONE_SIZE_6_35, RIG_WIRING_BALANCED, S, IN, RIG_SIGNAL_LINE_PRO,
             1);
  j->input_impedance = 10000;
  j = phone (m, "out", "Output", RIG_PHONE_SIZE_6_35, RIG_WIRING_BALANCED, S, OUT,
             RIG_SIGNAL_LINE_PRO, 1);
  j->output_impedance = 100;
  route (m, "in", "out");
  return m;
}

static RigDeviceModel *
make_usb_speaker (void)
{
  RigDeviceModel *m = model_new ("speaker-usb", "USB desk speakers", RIG_CATEGORY_ACTIVE_SPEAKER,
                                 RIG_POWER_SOURCE_USB);
  RigJack *j;

  j = phone (m, "aux-in", "Aux in", RIG_PHONE_SIZE_3_5, RIG_WIRING_STEREO, S, IN,
             RIG_SIGNAL_LINE_CONSUMER, 2);
  j->input_impedance = 10000;
  j = jack (m, "usb-power", "USB power plug", RIG_CONNECTOR_USB_A, P, IN, RIG_SIGNAL_POWER, 1);
  j->power_required_v = 5;
  j->power_required_w = 2;
  return m;
}

static RigDeviceModel *
make_amp (void)
{
  RigDeviceModel *m = model_new ("amp-integrated", "Integrated amplifier", RIG_CATEGORY_AMPLIFIER,
                                 RIG_POWER_SOURCE_MAINS);
  RigJack *j;
  const char *inputs[] = { "in-cd", "in-phono", "aux-in" };

  m->figures[RIG_FIGURE_EARTHED] = 1;
  m->figures[RIG_FIGURE_AMP_POWER] = 50;
  j = jack (m, "in-cd", "CD in", RIG_CONNECTOR_RCA, S, IN, RIG_SIGNAL_LINE_CONSUMER, 2);
  j->input_impedance = 47000;
  j = jack (m, "in-phono", "Phono in", RIG_CONNECTOR_RCA, S, IN, RIG_SIGNAL_PHONO, 2);
  j->input_impedance = 47000;
  j = phone (m, "aux-in", "Aux in", RIG_PHONE_SIZE_3_5, RIG_WIRING_STEREO, S, IN,
             RIG_SIGNAL_LINE_CONSUMER, 2);
  j->input_impedance = 47000;
  for (int side = 0; side < 2; side++)
    {
      j = jack (m, side ? "spk-r" : "spk-l", side ? "Speaker out R" : "Speaker out L",
                RIG_CONNECTOR_SPEAKER_TERMINAL, S, OUT, RIG_SIGNAL_SPEAKER, 1);
      j->output_impedance = 0.05;
      j->min_load = 4;
      rating (j, 8, 50);
      rating (j, 4, 80);
    }
  j = phone (m, "hp-out", "Headphone out", RIG_PHONE_SIZE_6_35, RIG_WIRING_STEREO, S, OUT,
             RIG_SIGNAL_HEADPHONE, 2);
  j->output_impedance = 1;
  j->max_output_voltage = 5;
  j = jack (m, "pre-out", "Pre out", RIG_CONNECTOR_RCA, S, OUT, RIG_SIGNAL_LINE_CONSUMER, 2);
  j->output_impedance = 100;
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      route (m, inputs[i], "spk-l");
      route (m, inputs[i], "spk-r");
      route (m, inputs[i], "hp-out");
      route (m, inputs[i], "pre-out");
    }
  return m;
}

static RigDeviceModel *
make_tube_amp (void)
{
  RigDeviceModel *m = model_new ("amp-tube", "Tube amplifier (2 × 30 W)", RIG_CATEGORY_AMPLIFIER,
                                 RIG_POWER_SOURCE_MAINS);
  RigJack *j;

  j = jack (m, "in", "Line in", RIG_CONNECTOR_RCA, S, IN, RIG_SIGNAL_LINE_CONSUMER, 2);
  j->input_impedance = 100000;
  for (int side = 0; side < 2; side++)
    {
      j = jack (m, side ? "spk-r" : "spk-l", side ? "Speaker out R" : "Speaker out L",
                RIG_CONNECTOR_SPEAKER_TERMINAL, S, OUT, RIG_SIGNAL_SPEAKER, 1);
      j->output_impedance = 2;
      j->min_load = 4;
      rating (j, 8, 30);
    }
  route (m, "in", "spk-l");
  route (m, "in", "spk-r");
  return m;
}

static RigDeviceModel *
make_hp_amp (void)
{
  RigDeviceModel *m = model_new ("hp-amp", "Headphone amplifier", RIG_CATEGORY_HEADPHONE_AMPLIFIER,
                                 RIG_POWER_SOURCE_MAINS);
  RigJack *j;

  m->figures[RIG_FIGURE_EARTHED] = 0;
  j = jack (m, "in", "Line in", RIG_CONNECTOR_RCA, S, IN, RIG_SIGNAL_LINE_CONSUMER, 2);
  j->input_impedance = 47000;
  j = phone (m, "aux-in", "Aux in", RIG_PHONE_SIZE_3_5, RIG_WIRING_STEREO, S, IN,
             RIG_SIGNAL_LINE_CONSUMER, 2);
  j->input_impedance = 10000;
  j = phone (m, "out", "Headphone out", RIG_PHONE_SIZE_6_35, RIG_WIRING_STEREO, S, OUT,
             RIG_SIGNAL_HEADPHONE, 2);
  j->output_impedance = 0.5;
  j->max_output_voltage = 7;
  route (m, "in", "out");
  route (m, "aux-in", "out");
  return m;
}

static RigDeviceModel *
make_headphones (const char *id, const char *name, double z, double sens, RigPhoneSize size)
{
  RigDeviceModel *m = model_new (id, name, RIG_CATEGORY_HEADPHONES, RIG_POWER_SOURCE_NONE);

  m->figures[RIG_FIGURE_NOMINAL_IMPEDANCE] = z;
  m->figures[RIG_FIGURE_SENSITIVITY] = sens;
  phone (m, "plug", "Plug", size, RIG_WIRING_STEREO, P, IN, RIG_SIGNAL_HEADPHONE, 2);
  return m;
}

static RigDeviceModel *
make_headset (gboolean ctia)
{
  RigDeviceModel *m = model_new (ctia ? "headset-ctia" : "headset-omtp",
                                 ctia ? "Headset (CTIA)" : "Headset (OMTP)",
                                 RIG_CATEGORY_HEADPHONES, RIG_POWER_SOURCE_NONE);
  RigJack *j;

  m->figures[RIG_FIGURE_NOMINAL_IMPEDANCE] = 32;
  m->figures[RIG_FIGURE_SENSITIVITY] = 100;
  j = phone (m, "plug", "Plug", RIG_PHONE_SIZE_3_5,
             ctia ? RIG_WIRING_HEADSET_CTIA : RIG_WIRING_HEADSET_OMTP, P, BOTH,
             RIG_SIGNAL_HEADPHONE, 2);
  j->output_impedance = 1000; /* the electret mic */
  j->plugin_power = RIG_SUPPLY_REQUIRES;
  return m;
}

static RigDeviceModel *
make_mic (const char *id, const char *name, RigSupply phantom, double zout, const char *keywords)
{
  RigDeviceModel *m = model_new (id, name, RIG_CATEGORY_MICROPHONE,
                                 phantom == RIG_SUPPLY_REQUIRES ? RIG_POWER_SOURCE_PHANTOM
                                                                : RIG_POWER_SOURCE_NONE);
  RigJack *j;

  m->keywords = g_strdup (keywords);
  j = jack (m, "out", "XLR out", RIG_CONNECTOR_XLR3, S, OUT, RIG_SIGNAL_MIC, 1);
  j->output_impedance = zout;
  j->phantom = phantom;
  return m;
}

static RigDeviceModel *
make_mixer (void)
{
  RigDeviceModel *m
      = model_new ("mixer", "Mixer (4 channels)", RIG_CATEGORY_MIXER, RIG_POWER_SOURCE_MAINS);
  RigJack *j;
  const char *ins[] = { "mic-1", "mic-2", "line-3", "return" };

  m->figures[RIG_FIGURE_EARTHED] = 1;
  for (int i = 1; i <= 2; i++)
    {
      j = jack (m, i == 1 ? "mic-1" : "mic-2", i == 1 ? "Mic 1" : "Mic 2", RIG_CONNECTOR_XLR3, S,
                IN, RIG_SIGNAL_MIC, 1);
      j->input_impedance = 3000;
      j->phantom = RIG_SUPPLY_SUPPLIES;
    }
  j = phone (m, "line-3", "Line 3", RIG_PHONE_SIZE_6_35, RIG_WIRING_BALANCED, S, IN,
             RIG_SIGNAL_LINE_PRO, 1);
  j->input_impedance = 10000;
  j = phone (m, "return", "FX return", RIG_PHONE_SIZE_6_35, RIG_WIRING_BALANCED, S, IN,
             RIG_SIGNAL_LINE_PRO, 1);
  j->input_impedance = 10000;
  j = phone (m, "send", "FX send", RIG_PHONE_SIZE_6_35, RIG_WIRING_BALANCED, S, OUT,
             RIG_SIGNAL_LINE_PRO, 1);
  j->output_impedance = 100;
  for (int side = 0; side < 2; side++)
    {
      j = jack (m, side ? "main-r" : "main-l", side ? "Main out R" : "Main out L",
                RIG_CONNECTOR_XLR3, S, OUT, RIG_SIGNAL_LINE_PRO, 1);
      j->output_impedance = 100;
      j->max_output_voltage = 8;
    }
  j = phone (m, "phones", "Phones", RIG_PHONE_SIZE_6_35, RIG_WIRING_STEREO, S, OUT,
             RIG_SIGNAL_HEADPHONE, 2);
  j->output_impedance = 10;
  j->max_output_voltage = 3;
  for (guint i = 0; i < G_N_ELEMENTS (ins); i++)
    {
      route (m, ins[i], "main-l");
      route (m, ins[i], "main-r");
      route (m, ins[i], "phones");
      if (strcmp (ins[i], "return") != 0)
        route (m, ins[i], "send");
    }
  return m;
}

static RigDeviceModel *
make_interface (const char *id, double watts)
{
  RigDeviceModel *m = model_new (id, watts > 3 ? "Audio interface (8 channels)" : "Audio interface",
                                 RIG_CATEGORY_INTERFACE, RIG_POWER_SOURCE_USB);
  RigJack *j;

  for (int i = 1; i <= 2; i++)
    {
      j = jack (m, i == 1 ? "in-1" : "in-2", i == 1 ? "Input 1" : "Input 2", RIG_CONNECTOR_XLR3, S,
                IN, RIG_SIGNAL_MIC, 1);
      j->input_impedance = 3000;
      j->phantom = RIG_SUPPLY_SUPPLIES;
    }
  j = phone (m, "inst", "Instrument in", RIG_PHONE_SIZE_6_35, RIG_WIRING_MONO, S, IN,
             RIG_SIGNAL_INSTRUMENT, 1);
  j->input_impedance = 1e6;
  for (int side = 0; side < 2; side++)
    {
      j = phone (m, side ? "out-r" : "out-l", side ? "Output R" : "Output L", RIG_PHONE_SIZE_6_35,
                 RIG_WIRING_BALANCED, S, OUT, RIG_SIGNAL_LINE_PRO, 1);
      j->output_impedance = 100;
    }
  j = phone (m, "phones", "Phones", RIG_PHONE_SIZE_6_35, RIG_WIRING_STEREO, S, OUT,
             RIG_SIGNAL_HEADPHONE, 2);
  j->output_impedance = 10;
  j->max_output_voltage = 4;
  j = jack (m, "usb", "USB-C", RIG_CONNECTOR_USB_C, S, BOTH, RIG_SIGNAL_USB_AUDIO, 2);
  j->power_required_v = 5;
  j->power_required_w = watts;
  route (m, "in-1", "usb");
  route (m, "in-2", "usb");
  route (m, "inst", "usb");
  route (m, "usb", "out-l");
  route (m, "usb", "out-r");
  route (m, "usb", "phones");
  return m;
}

static RigDeviceModel *
make_turntable (void)
{
  RigDeviceModel *m
      = model_new ("turntable", "Turntable", RIG_CATEGORY_SOURCE, RIG_POWER_SOURCE_MAINS);
  RigJack *j;

  j = jack (m, "out", "Phono out", RIG_CONNECTOR_RCA, S, OUT, RIG_SIGNAL_PHONO, 2);
  j->output_impedance = 1000;
  return m;
}

static RigDeviceModel *
make_phono_pre (void)
{
  RigDeviceModel *m
      = model_new ("phono-preamp", "Phono preamp", RIG_CATEGORY_CONVERTER, RIG_POWER_SOURCE_MAINS);
  RigJack *j;

  j = jack (m, "in", "Phono in", RIG_CONNECTOR_RCA, S, IN, RIG_SIGNAL_PHONO, 2);
  j->input_impedance = 47000;
  j = jack (m, "out", "Line out", RIG_CONNECTOR_RCA, S, OUT, RIG_SIGNAL_LINE_CONSUMER, 2);
  j->output_impedance = 100;
  route (m, "in", "out");
  return m;
}

static RigDeviceModel *
make_guitar (void)
{
  RigDeviceModel *m
      = model_new ("guitar", "Electric guitar", RIG_CATEGORY_INSTRUMENT, RIG_POWER_SOURCE_NONE);
  RigJack *j;

  j = phone (m, "out", "Output", RIG_PHONE_SIZE_6_35, RIG_WIRING_MONO, S, OUT,
             RIG_SIGNAL_INSTRUMENT, 1);
  j->output_impedance = 10000;
  return m;
}

static RigDeviceModel *
make_di (void)
{
  RigDeviceModel *m
      = model_new ("di-box", "DI box (passive)", RIG_CATEGORY_CONVERTER, RIG_POWER_SOURCE_NONE);
  RigJack *j;

  m->isolates_ground = TRUE;
  j = phone (m, "in", "Input", RIG_PHONE_SIZE_6_35, RIG_WIRING_MONO, S, IN, RIG_SIGNAL_INSTRUMENT,
             1);
  j->input_impedance = 200000;
  j = phone (m, "thru", "Thru", RIG_PHONE_SIZE_6_35, RIG_WIRING_MONO, S, OUT, RIG_SIGNAL_INSTRUMENT,
             1);
  j = jack (m, "out", "XLR out", RIG_CONNECTOR_XLR3, S, OUT, RIG_SIGNAL_MIC, 1);
  j->output_impedance = 150;
  route (m, "in", "out");
  route (m, "in", "thru");
  return m;
}

static RigDeviceModel *
make_splitter (void)
{
  RigDeviceModel *m
      = model_new ("splitter", "Headphone splitter", RIG_CATEGORY_ADAPTER, RIG_POWER_SOURCE_NONE);

  phone (m, "plug", "Plug", RIG_PHONE_SIZE_3_5, RIG_WIRING_STEREO, P, IN, RIG_SIGNAL_HEADPHONE, 2);
  phone (m, "a", "Socket A", RIG_PHONE_SIZE_3_5, RIG_WIRING_STEREO, S, OUT, RIG_SIGNAL_HEADPHONE,
         2);
  phone (m, "b", "Socket B", RIG_PHONE_SIZE_3_5, RIG_WIRING_STEREO, S, OUT, RIG_SIGNAL_HEADPHONE,
         2);
  route (m, "plug", "a");
  route (m, "plug", "b");
  return m;
}

static RigDeviceModel *
make_isolator (void)
{
  RigDeviceModel *m
      = model_new ("isolator", "Ground-loop isolator", RIG_CATEGORY_ADAPTER, RIG_POWER_SOURCE_NONE);

  m->isolates_ground = TRUE;
  phone (m, "in", "In", RIG_PHONE_SIZE_3_5, RIG_WIRING_STEREO, S, IN, RIG_SIGNAL_LINE_CONSUMER, 2);
  phone (m, "out", "Out", RIG_PHONE_SIZE_3_5, RIG_WIRING_STEREO, S, OUT, RIG_SIGNAL_LINE_CONSUMER,
         2);
  route (m, "in", "out");
  return m;
}

static RigDeviceModel *
make_series_link (void)
{
  RigDeviceModel *m = model_new ("series-link", "Speaker series link", RIG_CATEGORY_ADAPTER,
                                 RIG_POWER_SOURCE_NONE);

  m->keywords = g_strdup ("series speaker wiring");
  jack (m, "in", "In", RIG_CONNECTOR_SPEAKER_TERMINAL, S, IN, RIG_SIGNAL_SPEAKER, 1);
  jack (m, "a", "Out A", RIG_CONNECTOR_SPEAKER_TERMINAL, S, OUT, RIG_SIGNAL_SPEAKER, 1);
  jack (m, "b", "Out B", RIG_CONNECTOR_SPEAKER_TERMINAL, S, OUT, RIG_SIGNAL_SPEAKER, 1);
  route (m, "in", "a");
  route (m, "in", "b");
  return m;
}

static RigDeviceModel *
make_bt_tx (void)
{
  RigDeviceModel *m = model_new ("bt-transmitter", "Bluetooth transmitter", RIG_CATEGORY_CONVERTER,
                                 RIG_POWER_SOURCE_USB);
  RigJack *j;

  j = phone (m, "in", "Aux in", RIG_PHONE_SIZE_3_5, RIG_WIRING_STEREO, S, IN,
             RIG_SIGNAL_LINE_CONSUMER, 2);
  j->input_impedance = 10000;
  jack (m, "optical-in", "Optical in", RIG_CONNECTOR_TOSLINK, S, IN, RIG_SIGNAL_SPDIF, 2);
  jack (m, "bt", "Bluetooth", RIG_CONNECTOR_BLUETOOTH, S, OUT, RIG_SIGNAL_BLUETOOTH, 2);
  j = jack (m, "usb-power", "USB power", RIG_CONNECTOR_USB_MICRO_B, S, IN, RIG_SIGNAL_POWER, 1);
  j->power_required_v = 5;
  j->power_required_w = 0.5;
  route (m, "in", "bt");
  route (m, "optical-in", "bt");
  return m;
}

static RigDeviceModel *
make_bt_rx (void)
{
  RigDeviceModel *m = model_new ("bt-receiver", "Bluetooth receiver", RIG_CATEGORY_CONVERTER,
                                 RIG_POWER_SOURCE_DC);
  RigJack *j;

  jack (m, "bt", "Bluetooth", RIG_CONNECTOR_BLUETOOTH, S, IN, RIG_SIGNAL_BLUETOOTH, 2);
  j = jack (m, "out", "Line out", RIG_CONNECTOR_RCA, S, OUT, RIG_SIGNAL_LINE_CONSUMER, 2);
  j->output_impedance = 100;
  j = jack (m, "dc-in", "DC in", RIG_CONNECTOR_DC_BARREL, S, IN, RIG_SIGNAL_POWER, 1);
  j->power_required_v = 5;
  j->power_required_w = 1;
  route (m, "bt", "out");
  return m;
}

static RigDeviceModel *
make_dc_adapter (void)
{
  RigDeviceModel *m = model_new ("dc-adapter", "DC power adapter (5 V)", RIG_CATEGORY_POWER,
                                 RIG_POWER_SOURCE_MAINS);
  RigJack *j;

  j = jack (m, "out", "DC plug", RIG_CONNECTOR_DC_BARREL, P, OUT, RIG_SIGNAL_POWER, 1);
  j->power_supplied_v = 5;
  j->power_supplied_w = 10;
  return m;
}

/* A 12 V 1 A adapter (12 W), and a class-D amplifier on 12 V whose inlet
 * states no draw (physics.md §5.3: output / 0.85). */
static RigDeviceModel *
make_psu_12v (void)
{
  RigDeviceModel *m = model_new ("psu-12v", "DC power adapter (12 V 1 A)", RIG_CATEGORY_POWER,
                                 RIG_POWER_SOURCE_MAINS);
  RigJack *j;

  j = jack (m, "out", "DC plug", RIG_CONNECTOR_DC_BARREL, P, OUT, RIG_SIGNAL_POWER, 1);
  j->power_supplied_v = 12;
  j->power_supplied_w = 12;
  return m;
}

static RigDeviceModel *
make_amp_dc (void)
{
  RigDeviceModel *m = model_new ("amp-dc", "Mini class-D amplifier (12 V)", RIG_CATEGORY_AMPLIFIER,
                                 RIG_POWER_SOURCE_DC);
  RigJack *j;

  m->figures[RIG_FIGURE_AMP_POWER] = 20;
  j = jack (m, "in", "Line in", RIG_CONNECTOR_RCA, S, IN, RIG_SIGNAL_LINE_CONSUMER, 2);
  j->input_impedance = 20000;
  j = jack (m, "dc-in", "DC in (12 V)", RIG_CONNECTOR_DC_BARREL, S, IN, RIG_SIGNAL_POWER, 1);
  j->power_required_v = 12;
  for (int side = 0; side < 2; side++)
    {
      j = jack (m, side ? "spk-r" : "spk-l", side ? "Speaker out R" : "Speaker out L",
                RIG_CONNECTOR_SPEAKER_TERMINAL, S, OUT, RIG_SIGNAL_SPEAKER, 1);
      j->output_impedance = 0.1;
      j->min_load = 4;
      rating (j, 4, 20);
      rating (j, 8, 10);
      route (m, "in", side ? "spk-r" : "spk-l");
    }
  return m;
}

static RigDeviceModel *
make_bt_headphones (void)
{
  RigDeviceModel *m = model_new ("bt-headphones", "Bluetooth headphones", RIG_CATEGORY_HEADPHONES,
                                 RIG_POWER_SOURCE_BATTERY);

  m->figures[RIG_FIGURE_BATTERY] = 1;
  m->figures[RIG_FIGURE_NOMINAL_IMPEDANCE] = 32;
  jack (m, "bt", "Bluetooth", RIG_CONNECTOR_BLUETOOTH, S, IN, RIG_SIGNAL_BLUETOOTH, 2);
  return m;
}

static RigDeviceModel *
make_dongle (void)
{
  RigDeviceModel *m = model_new ("usb-dac-dongle", "USB-C to 3.5 mm DAC dongle",
                                 RIG_CATEGORY_CONVERTER, RIG_POWER_SOURCE_USB);
  RigJack *j;

  j = jack (m, "plug", "USB-C plug", RIG_CONNECTOR_USB_C, P, IN, RIG_SIGNAL_USB_AUDIO, 2);
  j->power_required_v = 5;
  j->power_required_w = 0.5;
  j = phone (m, "out", "Headphone out", RIG_PHONE_SIZE_3_5, RIG_WIRING_STEREO, S, OUT,
             RIG_SIGNAL_HEADPHONE, 2);
  j->output_impedance = 1;
  j->max_output_voltage = 1.0;
  route (m, "plug", "out");
  return m;
}

static RigDeviceModel *
make_adapter (const char *id, const char *name, RigPhoneSize plug_size, RigWiring plug_wiring,
              RigPhoneSize socket_size, RigWiring socket_wiring)
{
  RigDeviceModel *m = model_new (id, name, RIG_CATEGORY_ADAPTER, RIG_POWER_SOURCE_NONE);

  phone (m, "plug", "Plug", plug_size, plug_wiring, P, IN, RIG_SIGNAL_HEADPHONE, 2);
  phone (m, "socket", "Socket", socket_size, socket_wiring, S, OUT, RIG_SIGNAL_HEADPHONE, 2);
  route (m, "plug", "socket");
  return m;
}

/* ---- the catalog -------------------------------------------------------- */

static const char *const model_ids[] = {
  "phone-ctia",
  "phone-omtp",
  "laptop",
  "pc",
  "tv",
  "cd-player",
  "tube-pre",
  "speaker-8",
  "speaker-8-link",
  "tower-4",
  "speaker-active",
  "monitor",
  "speaker-usb",
  "amp-integrated",
  "amp-tube",
  "hp-amp",
  "headphones-32",
  "headphones-300",
  "headphones-600",
  "headset-ctia",
  "headset-omtp",
  "mic-dynamic",
  "mic-condenser",
  "mic-ribbon",
  "mixer",
  "interface",
  "interface-8",
  "turntable",
  "phono-preamp",
  "guitar",
  "di-box",
  "splitter",
  "isolator",
  "series-link",
  "bt-transmitter",
  "bt-receiver",
  "dc-adapter",
  "bt-headphones",
  "usb-dac-dongle",
  "adapter-35-635",
  "adapter-635-35",
  "adapter-ctia-omtp",
  "subwoofer",
  "fx-unit",
  "psu-12v",
  "amp-dc",
  NULL,
};

static RigDeviceModel *
build (const char *id)
{
  if (g_str_equal (id, "phone-ctia"))
    return make_phone (TRUE);
  if (g_str_equal (id, "phone-omtp"))
    return make_phone (FALSE);
  if (g_str_equal (id, "laptop"))
    return make_laptop ();
  if (g_str_equal (id, "pc"))
    return make_pc ();
  if (g_str_equal (id, "tv"))
    return make_tv ();
  if (g_str_equal (id, "cd-player"))
    return make_cd ();
  if (g_str_equal (id, "tube-pre"))
    return make_tube_pre ();
  if (g_str_equal (id, "speaker-8"))
    return make_passive ("speaker-8", "Bookshelf speaker (8 Ω)", 8, 50, FALSE);
  if (g_str_equal (id, "speaker-8-link"))
    return make_passive ("speaker-8-link", "Bookshelf speaker with link terminals (8 Ω)", 8, 50,
                         TRUE);
  if (g_str_equal (id, "tower-4"))
    return make_passive ("tower-4", "Tower speaker (4 Ω)", 4, 150, FALSE);
  if (g_str_equal (id, "speaker-active"))
    return make_active ();
  if (g_str_equal (id, "monitor"))
    return make_monitor ();
  if (g_str_equal (id, "subwoofer"))
    return make_subwoofer ();
  if (g_str_equal (id, "fx-unit"))
    return make_fx ();
  if (g_str_equal (id, "speaker-usb"))
    return make_usb_speaker ();
  if (g_str_equal (id, "amp-integrated"))
    return make_amp ();
  if (g_str_equal (id, "amp-tube"))
    return make_tube_amp ();
  if (g_str_equal (id, "hp-amp"))
    return make_hp_amp ();
  if (g_str_equal (id, "headphones-32"))
    return make_headphones ("headphones-32", "Headphones (32 Ω)", 32, 100, RIG_PHONE_SIZE_3_5);
  if (g_str_equal (id, "headphones-300"))
    return make_headphones ("headphones-300", "Headphones (300 Ω)", 300, 97.8, RIG_PHONE_SIZE_3_5);
  if (g_str_equal (id, "headphones-600"))
    return make_headphones ("headphones-600", "Studio headphones (600 Ω)", 600, 97,
                            RIG_PHONE_SIZE_3_5);
  if (g_str_equal (id, "headset-ctia"))
    return make_headset (TRUE);
  if (g_str_equal (id, "headset-omtp"))
    return make_headset (FALSE);
  if (g_str_equal (id, "mic-dynamic"))
    return make_mic ("mic-dynamic", "Dynamic microphone", RIG_SUPPLY_NONE, 200, "vocal");
  if (g_str_equal (id, "mic-condenser"))
    return make_mic ("mic-condenser", "Condenser microphone", RIG_SUPPLY_REQUIRES, 150, "studio");
  if (g_str_equal (id, "mic-ribbon"))
    return make_mic ("mic-ribbon", "Ribbon microphone (vintage)", RIG_SUPPLY_NONE, 300,
                     "ribbon vintage");
  if (g_str_equal (id, "mixer"))
    return make_mixer ();
  if (g_str_equal (id, "interface"))
    return make_interface ("interface", 2.5);
  if (g_str_equal (id, "interface-8"))
    return make_interface ("interface-8", 4.5);
  if (g_str_equal (id, "turntable"))
    return make_turntable ();
  if (g_str_equal (id, "phono-preamp"))
    return make_phono_pre ();
  if (g_str_equal (id, "guitar"))
    return make_guitar ();
  if (g_str_equal (id, "di-box"))
    return make_di ();
  if (g_str_equal (id, "splitter"))
    return make_splitter ();
  if (g_str_equal (id, "isolator"))
    return make_isolator ();
  if (g_str_equal (id, "series-link"))
    return make_series_link ();
  if (g_str_equal (id, "bt-transmitter"))
    return make_bt_tx ();
  if (g_str_equal (id, "bt-receiver"))
    return make_bt_rx ();
  if (g_str_equal (id, "dc-adapter"))
    return make_dc_adapter ();
  if (g_str_equal (id, "bt-headphones"))
    return make_bt_headphones ();
  if (g_str_equal (id, "psu-12v"))
    return make_psu_12v ();
  if (g_str_equal (id, "amp-dc"))
    return make_amp_dc ();
  if (g_str_equal (id, "usb-dac-dongle"))
    return make_dongle ();
  if (g_str_equal (id, "adapter-35-635"))
    return make_adapter ("adapter-35-635", "3.5 mm to 6.35 mm adapter", RIG_PHONE_SIZE_6_35,
                         RIG_WIRING_STEREO, RIG_PHONE_SIZE_3_5, RIG_WIRING_STEREO);
  if (g_str_equal (id, "adapter-635-35"))
    return make_adapter ("adapter-635-35", "6.35 mm to 3.5 mm adapter", RIG_PHONE_SIZE_3_5,
                         RIG_WIRING_STEREO, RIG_PHONE_SIZE_6_35, RIG_WIRING_STEREO);
  if (g_str_equal (id, "adapter-ctia-omtp"))
    return make_adapter ("adapter-ctia-omtp", "CTIA/OMTP swap adapter", RIG_PHONE_SIZE_3_5,
                         RIG_WIRING_HEADSET_CTIA, RIG_PHONE_SIZE_3_5, RIG_WIRING_HEADSET_OMTP);
  return NULL;
}

const char *const *
rig_test_model_ids (void)
{
  return model_ids;
}

RigCatalog *
rig_test_builtin_catalog (void)
{
  static RigCatalog *catalog;

  if (catalog == NULL)
    {
      g_autoptr (GError) error = NULL;

      catalog = rig_catalog_new ();
      g_assert_true (rig_catalog_load_builtin (catalog, &error));
      g_assert_no_error (error);
    }
  return catalog;
}

RigDeviceModel *
rig_test_model (const char *id)
{
  static GHashTable *cache;
  RigDeviceModel *model;

  if (cache == NULL)
    cache = g_hash_table_new (g_str_hash, g_str_equal);
  model = g_hash_table_lookup (cache, id);
  if (model == NULL)
    {
      g_autoptr (GError) error = NULL;

      model = build (id);
      if (model == NULL)
        g_error ("rig-test-models: no model “%s”", id);
      if (!rig_device_model_validate (model, &error))
        g_error ("rig-test-models: %s", error->message);
      g_hash_table_insert (cache, model->id, model);
    }
  return model;
}

/* ---- building rigs ------------------------------------------------------ */

void
rig_test_assert_round_trip (RigDocument *doc)
{
  g_autoptr (GBytes) saved = rig_format_save_bytes (doc);
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) loaded = rig_format_load_bytes (saved, "saved.rigwire", NULL, &error);
  g_autoptr (GBytes) again = NULL;

  g_assert_no_error (error);
  again = rig_format_save_bytes (loaded);
  g_assert_true (g_bytes_equal (saved, again));
}

RigHistory *
rig_test_history (RigDocument *doc)
{
  RigHistory *history = g_object_get_data (G_OBJECT (doc), "rig-test-history");

  if (history == NULL)
    {
      history = rig_history_new (doc);
      g_object_set_data_full (G_OBJECT (doc), "rig-test-history", history, g_object_unref);
    }
  return history;
}

static void
apply (RigDocument *doc, RigCommand *command)
{
  g_autoptr (GError) error = NULL;

  if (!rig_history_apply (rig_test_history (doc), command, &error))
    g_error ("rig-test-models: %s", error->message);
}

/* Ids handed to tests live as long as their document. */
static const char *
keep (RigDocument *doc, const char *id)
{
  GStringChunk *chunk = g_object_get_data (G_OBJECT (doc), "rig-test-ids");

  if (chunk == NULL)
    {
      chunk = g_string_chunk_new (256);
      g_object_set_data_full (G_OBJECT (doc), "rig-test-ids", chunk,
                              (GDestroyNotify) g_string_chunk_free);
    }
  return g_string_chunk_insert_const (chunk, id);
}

const char *
rig_test_add (RigDocument *doc, const char *model_id, const char *label)
{
  RigCommand *command = rig_command_add_device (rig_test_model (model_id), label, 0, 0);

  apply (doc, command);
  return keep (doc, rig_command_get_created_id (command));
}

const char *
rig_test_connect_spec (RigDocument *doc, const char *from_device, const char *from_jack,
                       const char *to_device, const char *to_jack, const RigCableSpec *spec)
{
  RigCommand *command
      = rig_command_add_cable (from_device, from_jack, to_device, to_jack, spec, NULL);

  apply (doc, command);
  return keep (doc, rig_command_get_created_id (command));
}

const char *
rig_test_connect (RigDocument *doc, const char *from_device, const char *from_jack,
                  const char *to_device, const char *to_jack)
{
  return rig_test_connect_spec (doc, from_device, from_jack, to_device, to_jack, NULL);
}

void
rig_test_set_figure (RigDocument *doc, const char *device_id, RigFigure figure, double value)
{
  apply (doc, rig_command_set_device_figure (device_id, figure, value));
}

void
rig_test_set_spec (RigDocument *doc, const char *cable_id, const RigCableSpec *spec)
{
  apply (doc, rig_command_set_cable_spec (cable_id, spec));
}

void
rig_test_set_length (RigDocument *doc, const char *cable_id, double length_m)
{
  RigCable *cable = rig_document_find_cable (doc, cable_id);
  RigCableSpec spec;

  g_assert_nonnull (cable);
  rig_cable_spec_copy (&spec, &cable->spec);
  spec.length_m = length_m;
  rig_test_set_spec (doc, cable_id, &spec);
  rig_cable_spec_clear (&spec);
}

void
rig_test_remove_cable (RigDocument *doc, const char *cable_id)
{
  const char *ids[] = { cable_id, NULL };
  apply (doc, rig_command_remove_cables (ids));
}

void
rig_test_spec_phone (RigCableSpec *spec, RigPhoneSize size_a, RigPoles poles_a, RigPhoneSize size_b,
                     RigPoles poles_b, guint conductors)
{
  rig_cable_spec_init (spec, RIG_CABLE_KIND_CABLE);
  spec->ends[0].connector = RIG_CONNECTOR_PHONE;
  spec->ends[0].size = size_a;
  spec->ends[0].poles = poles_a;
  spec->ends[1].connector = RIG_CONNECTOR_PHONE;
  spec->ends[1].size = size_b;
  spec->ends[1].poles = poles_b;
  spec->conductors = conductors;
}

void
rig_test_spec_plain (RigCableSpec *spec, RigConnector a, RigConnector b)
{
  rig_cable_spec_init (spec, RIG_CABLE_KIND_CABLE);
  spec->ends[0].connector = a;
  spec->ends[1].connector = b;
}

RigDocument *
rig_test_load_rig (const char *body)
{
  g_autofree char *text
      = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<rig xmlns=\"https://rigwire.github.io/ns/rigwire/1\" "
                         "format-version=\"1\">\n<title>test</title>\n%s\n</rig>\n",
                         body);
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GError) error = NULL;
  RigDocument *doc
      = rig_format_load_bytes (bytes, "test.rigwire", rig_test_builtin_catalog (), &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

GPtrArray *
rig_test_check_rig (const char *body)
{
  g_autoptr (RigDocument) doc = rig_test_load_rig (body);
  return rig_test_check (doc);
}

GPtrArray *
rig_test_check (RigDocument *doc)
{
  return rig_validator_check_full (doc);
}

GPtrArray *
rig_test_check_named (RigDocument *doc, const char *what)
{
  GPtrArray *diags = rig_test_check (doc);

  if (g_getenv ("RIG_TEST_DUMP") != NULL)
    {
      g_printerr ("==== %s\n", what);
      rig_test_dump (diags);
    }
  return diags;
}

const RigDiagnostic *
rig_test_find (GPtrArray *diags, const char *code, const char *object)
{
  for (guint i = 0; i < diags->len; i++)
    {
      const RigDiagnostic *d = g_ptr_array_index (diags, i);
      g_autoptr (GPtrArray) one = g_ptr_array_new ();

      if (!g_str_equal (d->code, code))
        continue;
      g_ptr_array_add (one, (gpointer) d);
      if (object == NULL || rig_test_has (one, code, object))
        return d;
    }
  return NULL;
}

static gboolean
names (char **ids, const char *object)
{
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (ids[i], object))
      return TRUE;
  return FALSE;
}

gboolean
rig_test_has (GPtrArray *diags, const char *code, const char *object)
{
  for (guint i = 0; i < diags->len; i++)
    {
      const RigDiagnostic *d = g_ptr_array_index (diags, i);
      if (!g_str_equal (d->code, code))
        continue;
      if (object == NULL || names (d->cables, object) || names (d->devices, object)
          || names (d->jacks, object))
        return TRUE;
    }
  return FALSE;
}

guint
rig_test_count (GPtrArray *diags, const char *code)
{
  guint n = 0;

  for (guint i = 0; i < diags->len; i++)
    if (g_str_equal (((RigDiagnostic *) g_ptr_array_index (diags, i))->code, code))
      n++;
  return n;
}

void
rig_test_dump (GPtrArray *diags)
{
  for (guint i = 0; i < diags->len; i++)
    {
      const RigDiagnostic *d = g_ptr_array_index (diags, i);
      g_autofree char *c = g_strjoinv (",", d->cables);
      g_autofree char *v = g_strjoinv (",", d->devices);
      g_autofree char *j = g_strjoinv (",", d->jacks);

      g_printerr ("%s %s [%s|%s|%s] %s\n    why: %s\n    hear: %s\n    fix: %s\n",
                  rig_severity_to_nick (d->severity), d->code, c, v, j, d->message, d->why, d->hear,
                  d->fix);
    }
}
