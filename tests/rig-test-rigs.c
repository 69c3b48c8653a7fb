/* rig-test-rigs.c: for every rule code, a rig that raises it and its near
 * miss, built through edit commands (tests/test-rules.c runs every case,
 * tests/test-rule-conformance.c one per registered rule).
 *
 * A case's build function makes the rig on @doc: with @fixed FALSE it raises
 * the case's code on the object whose id it returns; with @fixed TRUE it is
 * the near miss, the same rig with the smallest change that puts it right,
 * and raises no diagnostic of that code at all.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-format.h"
#include "rig-test-rigs.h"

#define ADD(model, label) rig_test_add (doc, model, label)
#define CONNECT(a, ja, b, jb) rig_test_connect (doc, a, ja, b, jb)

/* ---- connector ---------------------------------------------------------- */

static const char *
connector_family (RigDocument *doc, gboolean fixed)
{
  const char *phone = ADD ("phone-ctia", "Phone");
  const char *amp = ADD ("amp-integrated", "Amp");
  RigCableSpec spec;
  const char *cable;

  /* An ordinary aux cable (3.5 mm at both ends) cannot go into RCA sockets;
   * the fix is the 3.5 mm to 2 × RCA cable the editor picks. */
  rig_test_spec_phone (&spec, RIG_PHONE_SIZE_3_5, RIG_POLES_TRS, RIG_PHONE_SIZE_3_5, RIG_POLES_TRS,
                       3);
  cable = fixed ? CONNECT (phone, "headset", amp, "in-cd")
                : rig_test_connect_spec (doc, phone, "headset", amp, "in-cd", &spec);
  return cable;
}

static const char *
connector_family_wireless (RigDocument *doc, gboolean fixed)
{
  const char *phone = ADD ("phone-ctia", "Phone");
  const char *spk = ADD ("speaker-active", "Speaker");
  RigCableSpec spec;

  rig_cable_spec_init (&spec, RIG_CABLE_KIND_WIRELESS);
  return rig_test_connect_spec (doc, phone, "bt", spk, fixed ? "bt" : "aux-in", &spec);
}

static const char *
connector_size (RigDocument *doc, gboolean fixed)
{
  const char *amp = ADD ("amp-integrated", "Amp");
  const char *hp = ADD ("headphones-32", "Headphones");
  const char *src = ADD ("cd-player", "CD");
  RigCableSpec spec;
  const char *cable;

  CONNECT (src, "line-out", amp, "in-cd");
  rig_cable_spec_init (&spec, RIG_CABLE_KIND_DIRECT);
  if (fixed)
    rig_cable_spec_add_adapter (&spec, rig_test_model ("adapter-35-635"), RIG_END_FROM);
  cable = rig_test_connect_spec (doc, amp, "hp-out", hp, "plug", &spec);
  rig_cable_spec_clear (&spec);
  return cable;
}

static const char *
connector_gender (RigDocument *doc, gboolean fixed)
{
  const char *phone = ADD ("phone-ctia", "Phone");
  const char *spk = ADD ("speaker-active", "Speaker");
  RigCableSpec spec;

  /* Socket straight into socket; the fix is a cable. */
  rig_cable_spec_init (&spec, RIG_CABLE_KIND_DIRECT);
  return fixed ? CONNECT (phone, "headset", spk, "aux-in")
               : rig_test_connect_spec (doc, phone, "headset", spk, "aux-in", &spec);
}

static const char *
connector_poles (RigDocument *doc, gboolean fixed)
{
  const char *phone = ADD ("phone-ctia", "Phone");
  const char *spk = ADD ("speaker-active", "Speaker");
  RigCableSpec spec;

  /* A TS (mono) cable on a stereo link. */
  rig_test_spec_phone (&spec, RIG_PHONE_SIZE_3_5, fixed ? RIG_POLES_TRS : RIG_POLES_TS,
                       RIG_PHONE_SIZE_3_5, fixed ? RIG_POLES_TRS : RIG_POLES_TS, fixed ? 3 : 2);
  rig_test_connect_spec (doc, phone, "headset", spk, "aux-in", &spec);
  return g_intern_string ("d2:aux-in");
}

static const char *
connector_poles_mic (RigDocument *doc, gboolean fixed)
{
  const char *phone = ADD ("phone-ctia", "Phone");
  const char *hs = ADD ("headset-ctia", "Headset");
  RigCableSpec spec;

  /* A TRS extension cable between a phone and a headset: the mic is lost;
   * the fix is a TRRS extension. */
  rig_test_spec_phone (&spec, RIG_PHONE_SIZE_3_5, fixed ? RIG_POLES_TRRS : RIG_POLES_TRS,
                       RIG_PHONE_SIZE_3_5, fixed ? RIG_POLES_TRRS : RIG_POLES_TRS, fixed ? 4 : 3);
  spec.ends[1].gender = RIG_GENDER_SOCKET;
  return rig_test_connect_spec (doc, phone, "headset", hs, "plug", &spec);
}

static const char *
connector_poles_balanced (RigDocument *doc, gboolean fixed)
{
  const char *iface = ADD ("interface", "Interface");
  const char *mon = ADD ("monitor", "Monitor");
  const char *pc = ADD ("laptop", "Laptop");
  RigCableSpec spec;

  CONNECT (pc, "usb-c", iface, "usb");
  /* A TS cable on balanced jacks works, unbalanced: information only. */
  rig_test_spec_phone (&spec, RIG_PHONE_SIZE_6_35, fixed ? RIG_POLES_TRS : RIG_POLES_TS,
                       RIG_PHONE_SIZE_6_35, fixed ? RIG_POLES_TRS : RIG_POLES_TS, fixed ? 3 : 2);
  return rig_test_connect_spec (doc, iface, "out-l", mon, "trs-in", &spec);
}

static const char *
connector_headset_standard (RigDocument *doc, gboolean fixed)
{
  const char *phone = ADD ("phone-ctia", "Phone");
  const char *hs = ADD ("headset-omtp", "Headset");
  RigCableSpec spec;
  const char *cable;

  rig_cable_spec_init (&spec, RIG_CABLE_KIND_DIRECT);
  if (fixed)
    rig_cable_spec_add_adapter (&spec, rig_test_model ("adapter-ctia-omtp"), RIG_END_FROM);
  cable = rig_test_connect_spec (doc, phone, "headset", hs, "plug", &spec);
  rig_cable_spec_clear (&spec);
  return cable;
}

/* ---- signal ------------------------------------------------------------- */

static const char *
signal_input_to_input (RigDocument *doc, gboolean fixed)
{
  const char *a = ADD (fixed ? "phone-ctia" : "speaker-active", "Speaker A");
  const char *amp = ADD ("amp-integrated", "Amp");

  return CONNECT (a, fixed ? "headset" : "aux-in", amp, "aux-in");
}

static const char *
signal_output_to_output (RigDocument *doc, gboolean fixed)
{
  const char *pc = ADD ("pc", "PC");
  const char *other = ADD (fixed ? "speaker-active" : "tv", "Other");

  return CONNECT (pc, "line-out", other, fixed ? "aux-in" : "hp-out");
}

static const char *
signal_mic_into_line (RigDocument *doc, gboolean fixed)
{
  const char *mic = ADD ("mic-dynamic", "Mic");
  const char *dest = ADD (fixed ? "mixer" : "monitor", "Desk");

  return CONNECT (mic, "out", dest, fixed ? "mic-1" : "xlr-in");
}

static const char *
signal_line_into_mic (RigDocument *doc, gboolean fixed)
{
  const char *a = ADD ("mixer", "Desk A");
  const char *b = ADD (fixed ? "monitor" : "mixer", "Desk B");

  return CONNECT (a, "main-l", b, fixed ? "xlr-in" : "mic-2");
}

static const char *
signal_instrument_into_line (RigDocument *doc, gboolean fixed)
{
  const char *gtr = ADD ("guitar", "Guitar");
  const char *dest = ADD (fixed ? "interface" : "mixer", "Desk");

  return CONNECT (gtr, "out", dest, fixed ? "inst" : "line-3");
}

static const char *
signal_phono_into_line (RigDocument *doc, gboolean fixed)
{
  const char *tt = ADD ("turntable", "Turntable");
  const char *amp = ADD ("amp-integrated", "Amp");

  return CONNECT (tt, "out", amp, fixed ? "in-phono" : "in-cd");
}

static const char *
signal_line_into_phono (RigDocument *doc, gboolean fixed)
{
  const char *cd = ADD ("cd-player", "CD");
  const char *amp = ADD ("amp-integrated", "Amp");

  return CONNECT (cd, "line-out", amp, fixed ? "in-cd" : "in-phono");
}

static const char *
signal_speaker_into_line (RigDocument *doc, gboolean fixed)
{
  const char *amp = ADD ("amp-integrated", "Amp");
  const char *spk = ADD ("speaker-active", "Powered");

  return CONNECT (amp, fixed ? "pre-out" : "spk-l", spk, "rca-in");
}

static const char *
signal_speaker_into_headphones (RigDocument *doc, gboolean fixed)
{
  const char *amp = ADD ("amp-integrated", "Amp");
  const char *hp = ADD ("headphones-32", "Headphones");
  RigCableSpec spec;

  rig_test_spec_plain (&spec, RIG_CONNECTOR_SPEAKER_TERMINAL, RIG_CONNECTOR_PHONE);
  spec.ends[1].gender = RIG_GENDER_SOCKET;
  spec.ends[1].size = RIG_PHONE_SIZE_3_5;
  spec.ends[1].poles = RIG_POLES_TRS;
  if (fixed)
    {
      spec.ends[0].connector = RIG_CONNECTOR_PHONE;
      spec.ends[0].size = RIG_PHONE_SIZE_6_35;
      spec.ends[0].poles = RIG_POLES_TRS;
    }
  return rig_test_connect_spec (doc, amp, fixed ? "hp-out" : "spk-l", hp, "plug", &spec);
}

static const char *
signal_digital_analog (RigDocument *doc, gboolean fixed)
{
  const char *cd = ADD ("cd-player", "CD");
  const char *amp = ADD ("amp-integrated", "Amp");

  /* Coaxial S/PDIF and analog line out are both RCA sockets. */
  return CONNECT (cd, fixed ? "line-out" : "coax-out", amp, "in-cd");
}

static const char *
signal_channels (RigDocument *doc, gboolean fixed)
{
  const char *cd = ADD ("cd-player", "CD");
  const char *sub = ADD (fixed ? "speaker-active" : "subwoofer", "Sub");

  return CONNECT (cd, "line-out", sub, fixed ? "rca-in" : "lfe-in");
}

static const char *
signal_channels_conductors (RigDocument *doc, gboolean fixed)
{
  const char *phone = ADD ("phone-ctia", "Phone");
  const char *spk = ADD ("speaker-active", "Speaker");
  RigCableSpec spec;

  /* TRS plugs on a 2-conductor cable. */
  rig_test_spec_phone (&spec, RIG_PHONE_SIZE_3_5, RIG_POLES_TRS, RIG_PHONE_SIZE_3_5, RIG_POLES_TRS,
                       fixed ? 3 : 2);
  return rig_test_connect_spec (doc, phone, "headset", spk, "aux-in", &spec);
}

static const char *
signal_balance (RigDocument *doc, gboolean fixed)
{
  const char *amp = ADD ("amp-integrated", "Amp");
  const char *iface = ADD ("interface", "Interface");
  const char *mon = ADD ("monitor", "Monitor");
  const char *laptop = ADD ("laptop", "Laptop");
  const char *cd = ADD ("cd-player", "CD");

  CONNECT (laptop, "usb-c", iface, "usb");
  CONNECT (cd, "line-out", amp, "in-cd");
  /* A stereo headphone out into a balanced input: the centre cancels. */
  return fixed ? CONNECT (iface, "out-l", mon, "trs-in") : CONNECT (amp, "hp-out", mon, "trs-in");
}

static const char *
signal_cable_length (RigDocument *doc, gboolean fixed)
{
  const char *phone = ADD ("phone-ctia", "Phone");
  const char *spk = ADD ("speaker-active", "Speaker");
  const char *cable = CONNECT (phone, "headset", spk, "aux-in");

  /* Physics.md §7.2: a long unbalanced line risks hum beyond about 10 m; 8 m
   * is routine (the treble corner of a line output is in the MHz). */
  rig_test_set_length (doc, cable, fixed ? 8 : 15);
  return cable;
}

static const char *
signal_cable_length_speaker (RigDocument *doc, gboolean fixed)
{
  const char *phone = ADD ("phone-ctia", "Phone");
  const char *amp = ADD ("amp-integrated", "Amp");
  const char *spk = ADD ("speaker-8", "Bookshelf");
  const char *cable;
  RigCableSpec spec;

  CONNECT (phone, "headset", amp, "aux-in");
  cable = CONNECT (amp, "spk-l", spk, "in");
  rig_cable_spec_copy (&spec, &rig_document_find_cable (doc, cable)->spec);
  /* 20 m of 18 AWG: 0.84 Ω there and back, 10% of 8 Ω. */
  spec.length_m = 20;
  spec.gauge_awg = fixed ? 12 : 18;
  rig_test_set_spec (doc, cable, &spec);
  rig_cable_spec_clear (&spec);
  return cable;
}

static const char *
signal_cable_length_usb (RigDocument *doc, gboolean fixed)
{
  const char *laptop = ADD ("laptop", "Laptop");
  const char *iface = ADD ("interface", "Interface");
  const char *cable = CONNECT (laptop, "usb-a", iface, "usb");

  rig_test_set_length (doc, cable, fixed ? 3 : 6);
  return cable;
}

static const char *
signal_ground_loop (RigDocument *doc, gboolean fixed)
{
  const char *pc = ADD ("pc", "PC");
  const char *spk = ADD ("speaker-usb", "USB speakers");

  /* Article 000: the PC powers the speakers and feeds their aux input. */
  CONNECT (pc, "usb-1", spk, "usb-power");
  if (fixed)
    {
      const char *iso = ADD ("isolator", "Isolator");
      CONNECT (pc, "line-out", iso, "in");
      return CONNECT (iso, "out", spk, "aux-in");
    }
  return CONNECT (pc, "line-out", spk, "aux-in");
}

static const char *
signal_ground_loop_earthed (RigDocument *doc, gboolean fixed)
{
  const char *pc = ADD ("pc", "PC");
  const char *amp = ADD ("amp-integrated", "Amp");

  /* Two earthed devices joined by an unbalanced cable; the fix lifts the
   * amplifier's earth (a 2-pin plug). */
  if (fixed)
    rig_test_set_figure (doc, amp, RIG_FIGURE_EARTHED, 0);
  return CONNECT (pc, "line-out", amp, "aux-in");
}

static const char *
signal_bluetooth_latency (RigDocument *doc, gboolean fixed)
{
  const char *src = ADD (fixed ? "phone-ctia" : "tv", "Source");
  const char *hp = ADD ("bt-headphones", "Headphones");

  return CONNECT (src, "bt", hp, "bt");
}

/* ---- power -------------------------------------------------------------- */

static const char *
power_passive_unamplified (RigDocument *doc, gboolean fixed)
{
  const char *phone = ADD ("phone-ctia", "Phone");
  const char *spk = ADD ("speaker-8", "Bookshelf L");
  RigCableSpec spec;

  if (fixed)
    {
      const char *amp = ADD ("amp-integrated", "Amp");
      CONNECT (phone, "headset", amp, "aux-in");
      return CONNECT (amp, "spk-l", spk, "in");
    }
  /* 3.5 mm to bare wire: plugs in, but there is no amplifier. */
  rig_test_spec_plain (&spec, RIG_CONNECTOR_PHONE, RIG_CONNECTOR_SPEAKER_TERMINAL);
  spec.ends[0].size = RIG_PHONE_SIZE_3_5;
  spec.ends[0].poles = RIG_POLES_TRS;
  return rig_test_connect_spec (doc, phone, "headset", spk, "in", &spec);
}

static const char *
power_passive_through_splitter (RigDocument *doc, gboolean fixed)
{
  const char *phone = ADD ("phone-ctia", "Phone");
  const char *split = ADD ("splitter", "Splitter");
  const char *hp = ADD ("headphones-32", "Headphones");
  RigCableSpec spec;

  CONNECT (phone, "headset", split, "plug");
  CONNECT (split, "a", hp, "plug");
  if (fixed)
    return NULL;
  {
    const char *spk = ADD ("speaker-8", "Bookshelf");
    rig_test_spec_plain (&spec, RIG_CONNECTOR_PHONE, RIG_CONNECTOR_SPEAKER_TERMINAL);
    spec.ends[0].size = RIG_PHONE_SIZE_3_5;
    spec.ends[0].poles = RIG_POLES_TRS;
    rig_test_connect_spec (doc, split, "b", spk, "in", &spec);
    return spk;
  }
}

static const char *
power_headphone_amp_to_speaker (RigDocument *doc, gboolean fixed)
{
  const char *cd = ADD ("cd-player", "CD");
  const char *amp = ADD (fixed ? "amp-integrated" : "hp-amp", "Amp");
  const char *spk = ADD ("speaker-8", "Bookshelf");
  RigCableSpec spec;

  CONNECT (cd, "line-out", amp, fixed ? "in-cd" : "in");
  if (fixed)
    return CONNECT (amp, "spk-l", spk, "in");
  rig_test_spec_plain (&spec, RIG_CONNECTOR_PHONE, RIG_CONNECTOR_SPEAKER_TERMINAL);
  spec.ends[0].size = RIG_PHONE_SIZE_6_35;
  spec.ends[0].poles = RIG_POLES_TRS;
  return rig_test_connect_spec (doc, amp, "out", spk, "in", &spec);
}

static const char *
power_unpowered (RigDocument *doc, gboolean fixed)
{
  const char *phone = ADD ("phone-ctia", "Phone");
  const char *spk = ADD ("speaker-usb", "USB speakers");

  CONNECT (phone, "headset", spk, "aux-in");
  if (fixed)
    {
      const char *laptop = ADD ("laptop", "Laptop");
      CONNECT (laptop, "usb-a", spk, "usb-power");
    }
  return spk;
}

static const char *
power_unpowered_battery (RigDocument *doc, gboolean fixed)
{
  const char *phone = ADD ("phone-ctia", "Phone");
  const char *spk = ADD ("speaker-active", "Speaker");

  CONNECT (phone, "headset", spk, "aux-in");
  rig_test_set_figure (doc, phone, RIG_FIGURE_BATTERY, fixed ? 1 : 0);
  return phone;
}

static const char *
power_unpowered_dc (RigDocument *doc, gboolean fixed)
{
  const char *phone = ADD ("phone-ctia", "Phone");
  const char *rx = ADD ("bt-receiver", "Receiver");
  const char *amp = ADD ("amp-integrated", "Amp");

  CONNECT (phone, "bt", rx, "bt");
  CONNECT (rx, "out", amp, "in-cd");
  if (fixed)
    {
      const char *psu = ADD ("dc-adapter", "Adapter");
      CONNECT (psu, "out", rx, "dc-in");
    }
  return rx;
}

static const char *
power_not_a_power_source (RigDocument *doc, gboolean fixed)
{
  const char *phone = ADD ("phone-ctia", "Phone");
  const char *spk = ADD ("speaker-usb", "USB speakers");
  RigCableSpec spec;

  CONNECT (phone, "headset", spk, "aux-in");
  if (fixed)
    {
      const char *laptop = ADD ("laptop", "Laptop");
      return CONNECT (laptop, "usb-a", spk, "usb-power");
    }
  /* "Charging" the speaker from the phone's aux: a 3.5 mm to USB socket lead. */
  rig_test_spec_plain (&spec, RIG_CONNECTOR_PHONE, RIG_CONNECTOR_USB_A);
  spec.ends[0].size = RIG_PHONE_SIZE_3_5;
  spec.ends[0].poles = RIG_POLES_TRS;
  spec.ends[1].gender = RIG_GENDER_SOCKET;
  {
    /* A second phone: the first one's jack is taken. */
    const char *other = ADD ("phone-ctia", "Phone 2");
    return rig_test_connect_spec (doc, other, "headset", spk, "usb-power", &spec);
  }
}

static const char *
power_phantom_missing (RigDocument *doc, gboolean fixed)
{
  const char *mic = ADD ("mic-condenser", "Condenser");
  const char *mixer = ADD ("mixer", "Mixer");

  CONNECT (mic, "out", mixer, "mic-1");
  if (fixed)
    rig_test_set_figure (doc, mixer, RIG_FIGURE_PHANTOM_ON, 1);
  return mic;
}

static const char *
power_phantom_missing_aux (RigDocument *doc, gboolean fixed)
{
  const char *mic = ADD ("mic-condenser", "Condenser");
  const char *dest = ADD (fixed ? "interface" : "pc", "Computer");
  RigCableSpec spec;

  if (fixed)
    {
      const char *laptop = ADD ("laptop", "Laptop");
      CONNECT (laptop, "usb-c", dest, "usb");
      rig_test_set_figure (doc, dest, RIG_FIGURE_PHANTOM_ON, 1);
      CONNECT (mic, "out", dest, "in-1");
      return mic;
    }
  /* XLR to 3.5 mm into a computer's mic socket: never any phantom. */
  rig_test_spec_plain (&spec, RIG_CONNECTOR_XLR3, RIG_CONNECTOR_PHONE);
  spec.ends[1].size = RIG_PHONE_SIZE_3_5;
  spec.ends[1].poles = RIG_POLES_TRS;
  rig_test_connect_spec (doc, mic, "out", dest, "mic-in", &spec);
  return mic;
}

static const char *
power_phantom_unbalanced (RigDocument *doc, gboolean fixed)
{
  const char *mic = ADD ("mic-ribbon", "Ribbon");
  const char *mixer = ADD ("mixer", "Mixer");

  rig_test_set_figure (doc, mixer, RIG_FIGURE_PHANTOM_ON, fixed ? 0 : 1);
  CONNECT (mic, "out", mixer, "mic-1");
  return mic;
}

static const char *
power_phantom_unbalanced_adapter (RigDocument *doc, gboolean fixed)
{
  const char *cd = ADD ("cd-player", "CD");
  const char *mixer = ADD ("mixer", "Mixer");
  RigCableSpec spec;

  rig_test_set_figure (doc, mixer, RIG_FIGURE_PHANTOM_ON, fixed ? 0 : 1);
  rig_test_spec_plain (&spec, RIG_CONNECTOR_RCA, RIG_CONNECTOR_XLR3);
  spec.ends[0].plugs = 2;
  return rig_test_connect_spec (doc, cd, "line-out", mixer, "mic-2", &spec);
}

static const char *
power_amp_underpowered (RigDocument *doc, gboolean fixed)
{
  const char *cd = ADD ("cd-player", "CD");
  const char *amp = ADD ("amp-integrated", "Amp");
  const char *spk = ADD ("speaker-8", "Bookshelf");

  CONNECT (cd, "line-out", amp, "in-cd");
  CONNECT (amp, "spk-l", spk, "in");
  if (!fixed)
    rig_test_set_figure (doc, amp, RIG_FIGURE_AMP_POWER, 10);
  return spk;
}

static const char *
power_amp_overpowered (RigDocument *doc, gboolean fixed)
{
  const char *cd = ADD ("cd-player", "CD");
  const char *amp = ADD ("amp-integrated", "Amp");
  const char *spk = ADD ("speaker-8", "Bookshelf");

  CONNECT (cd, "line-out", amp, "in-cd");
  CONNECT (amp, "spk-l", spk, "in");
  rig_test_set_figure (doc, spk, RIG_FIGURE_POWER_HANDLING, fixed ? 50 : 20);
  return spk;
}

static const char *
power_usb_budget (RigDocument *doc, gboolean fixed)
{
  const char *laptop = ADD ("laptop", "Laptop");
  const char *iface = ADD ("interface-8", "Interface");

  /* 4.5 W from a 2.5 W USB-A port; the USB-C port gives 15 W. */
  return CONNECT (laptop, fixed ? "usb-c" : "usb-a", iface, "usb");
}

/* A 12 V adapter on a 5 V inlet (physics.md §5.3); the near miss, the 5 V
 * adapter. */
static const char *
power_supply_voltage (RigDocument *doc, gboolean fixed)
{
  const char *rx = ADD ("bt-receiver", "Receiver");
  const char *psu = ADD (fixed ? "dc-adapter" : "psu-12v", "Adapter");

  CONNECT (psu, "out", rx, "dc-in");
  return rx;
}

/* A 2 × 20 W class-D amplifier (about 47 W at full power) on a 12 V 1 A
 * adapter (12 W); the near miss, the same amplifier turned into a 2 × 4 W one
 * (9.4 W). */
static const char *
power_supply_budget (RigDocument *doc, gboolean fixed)
{
  const char *amp = ADD ("amp-dc", "Mini amp");
  const char *psu = ADD ("psu-12v", "Adapter");

  if (fixed)
    rig_test_set_figure (doc, amp, RIG_FIGURE_AMP_POWER, 4);
  CONNECT (psu, "out", amp, "dc-in");
  return amp;
}

/* ---- impedance ---------------------------------------------------------- */

static const char *
impedance_below_minimum_load (RigDocument *doc, gboolean fixed)
{
  const char *cd = ADD ("cd-player", "CD");
  const char *amp = ADD ("amp-integrated", "Amp");
  guint n = fixed ? 2 : 3;

  CONNECT (cd, "line-out", amp, "in-cd");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("Speaker %u", i + 1);
      CONNECT (amp, "spk-l", ADD ("speaker-8", label), "in");
    }
  return amp;
}

static const char *
impedance_below_minimum_load_chain (RigDocument *doc, gboolean fixed)
{
  const char *cd = ADD ("cd-player", "CD");
  const char *amp = ADD ("amp-integrated", "Amp");
  const char *a = ADD ("tower-4", "Tower A");
  const char *b = ADD ("tower-4", "Tower B");

  CONNECT (cd, "line-out", amp, "in-cd");
  if (fixed)
    {
      /* In series: 4 + 4 = 8 Ω. */
      const char *link = ADD ("series-link", "Series link");
      CONNECT (amp, "spk-l", link, "in");
      CONNECT (link, "a", a, "in");
      CONNECT (link, "b", b, "in");
    }
  else
    {
      /* In parallel: 2 Ω. */
      CONNECT (amp, "spk-l", a, "in");
      CONNECT (amp, "spk-l", b, "in");
    }
  return amp;
}

static const char *
impedance_below_minimum_load_daisy (RigDocument *doc, gboolean fixed)
{
  const char *cd = ADD ("cd-player", "CD");
  const char *amp = ADD ("amp-integrated", "Amp");
  const char *a = ADD ("speaker-8-link", "Front");
  const char *b = ADD ("speaker-8-link", "Middle");
  const char *c = ADD ("speaker-8", "Back");

  CONNECT (cd, "line-out", amp, "in-cd");
  CONNECT (amp, "spk-l", a, "in");
  CONNECT (a, "link", b, "in");
  if (!fixed)
    CONNECT (b, "link", c, "in");
  else
    CONNECT (amp, "spk-r", c, "in");
  return amp;
}

static const char *
impedance_damping (RigDocument *doc, gboolean fixed)
{
  const char *cd = ADD ("cd-player", "CD");
  const char *amp = ADD (fixed ? "amp-integrated" : "amp-tube", "Amp");
  const char *spk = ADD ("speaker-8", "Bookshelf");

  CONNECT (cd, "line-out", amp, fixed ? "in-cd" : "in");
  return CONNECT (amp, "spk-l", spk, "in");
}

static const char *
impedance_bridging (RigDocument *doc, gboolean fixed)
{
  const char *src = ADD (fixed ? "cd-player" : "tube-pre", "Source");
  const char *spk = ADD ("speaker-active", "Speaker");

  return CONNECT (src, fixed ? "line-out" : "out", spk, "rca-in");
}

static const char *
impedance_headphone_drive (RigDocument *doc, gboolean fixed)
{
  const char *phone = ADD ("phone-ctia", "Phone");
  const char *hp = ADD (fixed ? "headphones-300" : "headphones-600", "Headphones");

  /* 600 Ω at 90 dB/mW on the phone's 1 V: 1.7 mW, 92 dB SPL, short of the
   * 95 dB peaks (physics.md §6.4); 300 Ω at 97.8 dB/mW make 103 dB. */
  if (!fixed)
    rig_test_set_figure (doc, hp, RIG_FIGURE_SENSITIVITY, 90);
  return CONNECT (phone, "headset", hp, "plug");
}

static const char *
impedance_headphone_output (RigDocument *doc, gboolean fixed)
{
  const char *src = ADD (fixed ? "phone-ctia" : "tv", "Source");
  const char *hp = ADD ("headphones-32", "Headphones");

  return CONNECT (src, fixed ? "headset" : "hp-out", hp, "plug");
}

static const char *
impedance_parallel_load (RigDocument *doc, gboolean fixed)
{
  const char *phone = ADD ("phone-ctia", "Phone");
  const char *split = ADD ("splitter", "Splitter");
  const char *a = ADD ("headphones-32", "Headphones A");
  const char *first = CONNECT (phone, "headset", split, "plug");

  CONNECT (split, "a", a, "plug");
  if (!fixed)
    CONNECT (split, "b", ADD ("headphones-32", "Headphones B"), "plug");
  return first;
}

/* ---- topology ----------------------------------------------------------- */

static const char *
topology_no_signal (RigDocument *doc, gboolean fixed)
{
  const char *amp = ADD ("amp-integrated", "Amp");
  const char *spk = ADD ("speaker-8", "Bookshelf");

  CONNECT (amp, "spk-l", spk, "in");
  if (fixed)
    CONNECT (ADD ("phone-ctia", "Phone"), "headset", amp, "aux-in");
  return spk;
}

static const char *
topology_no_signal_alone (RigDocument *doc, gboolean fixed)
{
  const char *spk = ADD ("speaker-active", "Speaker");
  const char *split = ADD ("splitter", "Splitter");

  /* Wired, but the splitter it hangs on has no source (physics.md §7.4). */
  CONNECT (split, "a", spk, "aux-in");
  if (fixed)
    CONNECT (ADD ("phone-ctia", "Phone"), "headset", split, "plug");
  return spk;
}

static const char *
topology_feedback (RigDocument *doc, gboolean fixed)
{
  const char *mixer = ADD ("mixer", "Mixer");
  const char *fx = ADD ("fx-unit", "Reverb");
  const char *mic = ADD ("mic-dynamic", "Mic");

  CONNECT (mic, "out", mixer, "mic-1");
  CONNECT (mixer, "send", fx, "in");
  /* The reverb back into a channel that feeds the send is a loop; into the
   * FX return (not routed to the send) it is the usual effects loop. */
  CONNECT (fx, "out", mixer, fixed ? "return" : "line-3");
  return mixer;
}

/* ---- the cases ---------------------------------------------------------- */

/* signal.clipping: a headphone amp's 7 V into a 2 V aux input (10.9 dB over
 * an assumed clipping point); the fix feeds the CD player's 2 V straight in. */
static const char *
signal_clipping (RigDocument *doc, gboolean fixed)
{
  const char *cd = ADD ("cd-player", "CD");
  const char *spk = ADD ("speaker-active", "Powered");
  const char *amp;

  if (fixed)
    return CONNECT (cd, "line-out", spk, "rca-in");
  amp = ADD ("hp-amp", "Headphone amp");
  CONNECT (cd, "line-out", amp, "in");
  return CONNECT (amp, "out", spk, "rca-in");
}

/* signal.level-mismatch: −10 dBV into a studio monitor's +4 dBu input. */
static const char *
signal_level_mismatch (RigDocument *doc, gboolean fixed)
{
  const char *cd = ADD ("cd-player", "CD");
  const char *spk = ADD (fixed ? "speaker-active" : "monitor", "Speaker");

  return CONNECT (cd, "line-out", spk, fixed ? "rca-in" : "xlr-in");
}

static const RigTestRuleCase cases[] = {
  { "/rules/connector/family", "connector.family", RIG_SEVERITY_ERROR, connector_family },
  { "/rules/connector/family/wireless", "connector.family", RIG_SEVERITY_ERROR,
    connector_family_wireless },
  { "/rules/connector/gender", "connector.gender", RIG_SEVERITY_ERROR, connector_gender },
  { "/rules/connector/headset-standard", "connector.headset-standard", RIG_SEVERITY_WARNING,
    connector_headset_standard },
  { "/rules/connector/poles", "connector.poles", RIG_SEVERITY_WARNING, connector_poles },
  { "/rules/connector/poles/mic", "connector.poles", RIG_SEVERITY_WARNING, connector_poles_mic },
  { "/rules/connector/poles/balanced", "connector.poles", RIG_SEVERITY_INFO,
    connector_poles_balanced },
  { "/rules/connector/size", "connector.size", RIG_SEVERITY_ERROR, connector_size },
  { "/rules/impedance/below-minimum-load", "impedance.below-minimum-load", RIG_SEVERITY_ERROR,
    impedance_below_minimum_load },
  { "/rules/impedance/below-minimum-load/series", "impedance.below-minimum-load",
    RIG_SEVERITY_ERROR, impedance_below_minimum_load_chain },
  { "/rules/impedance/below-minimum-load/daisy-chain", "impedance.below-minimum-load",
    RIG_SEVERITY_ERROR, impedance_below_minimum_load_daisy },
  { "/rules/impedance/bridging", "impedance.bridging", RIG_SEVERITY_WARNING, impedance_bridging },
  { "/rules/impedance/damping", "impedance.damping", RIG_SEVERITY_WARNING, impedance_damping },
  { "/rules/impedance/headphone-drive", "impedance.headphone-drive", RIG_SEVERITY_WARNING,
    impedance_headphone_drive },
  { "/rules/impedance/headphone-output", "impedance.headphone-output", RIG_SEVERITY_WARNING,
    impedance_headphone_output },
  { "/rules/impedance/parallel-load", "impedance.parallel-load", RIG_SEVERITY_INFO,
    impedance_parallel_load },
  { "/rules/power/amp-overpowered", "power.amp-overpowered", RIG_SEVERITY_WARNING,
    power_amp_overpowered },
  { "/rules/power/amp-underpowered", "power.amp-underpowered", RIG_SEVERITY_WARNING,
    power_amp_underpowered },
  { "/rules/power/headphone-amp-to-speaker", "power.headphone-amp-to-speaker", RIG_SEVERITY_ERROR,
    power_headphone_amp_to_speaker },
  { "/rules/power/not-a-power-source", "power.not-a-power-source", RIG_SEVERITY_ERROR,
    power_not_a_power_source },
  { "/rules/power/passive-unamplified", "power.passive-unamplified", RIG_SEVERITY_ERROR,
    power_passive_unamplified },
  { "/rules/power/passive-unamplified/splitter", "power.passive-unamplified", RIG_SEVERITY_ERROR,
    power_passive_through_splitter },
  { "/rules/power/phantom-missing", "power.phantom-missing", RIG_SEVERITY_ERROR,
    power_phantom_missing },
  { "/rules/power/phantom-missing/aux", "power.phantom-missing", RIG_SEVERITY_ERROR,
    power_phantom_missing_aux },
  { "/rules/power/phantom-unbalanced", "power.phantom-unbalanced", RIG_SEVERITY_INFO,
    power_phantom_unbalanced },
  { "/rules/power/phantom-unbalanced/adapter", "power.phantom-unbalanced", RIG_SEVERITY_WARNING,
    power_phantom_unbalanced_adapter },
  { "/rules/power/unpowered", "power.unpowered", RIG_SEVERITY_ERROR, power_unpowered },
  { "/rules/power/unpowered/battery", "power.unpowered", RIG_SEVERITY_ERROR,
    power_unpowered_battery },
  { "/rules/power/unpowered/dc", "power.unpowered", RIG_SEVERITY_ERROR, power_unpowered_dc },
  { "/rules/power/usb-budget", "power.usb-budget", RIG_SEVERITY_WARNING, power_usb_budget },
  { "/rules/signal/balance", "signal.balance", RIG_SEVERITY_WARNING, signal_balance },
  { "/rules/signal/bluetooth-latency", "signal.bluetooth-latency", RIG_SEVERITY_INFO,
    signal_bluetooth_latency },
  { "/rules/signal/cable-length", "signal.cable-length", RIG_SEVERITY_WARNING,
    signal_cable_length },
  { "/rules/signal/cable-length/speaker-wire", "signal.cable-length", RIG_SEVERITY_WARNING,
    signal_cable_length_speaker },
  { "/rules/signal/cable-length/usb", "signal.cable-length", RIG_SEVERITY_WARNING,
    signal_cable_length_usb },
  { "/rules/signal/channels", "signal.channels", RIG_SEVERITY_WARNING, signal_channels },
  { "/rules/signal/channels/conductors", "signal.channels", RIG_SEVERITY_WARNING,
    signal_channels_conductors },
  { "/rules/signal/digital-analog", "signal.digital-analog", RIG_SEVERITY_ERROR,
    signal_digital_analog },
  { "/rules/signal/ground-loop", "signal.ground-loop", RIG_SEVERITY_WARNING, signal_ground_loop },
  { "/rules/signal/ground-loop/earthed", "signal.ground-loop", RIG_SEVERITY_WARNING,
    signal_ground_loop_earthed },
  { "/rules/signal/input-to-input", "signal.input-to-input", RIG_SEVERITY_ERROR,
    signal_input_to_input },
  { "/rules/signal/instrument-into-line", "signal.instrument-into-line", RIG_SEVERITY_WARNING,
    signal_instrument_into_line },
  { "/rules/signal/line-into-mic", "signal.line-into-mic", RIG_SEVERITY_WARNING,
    signal_line_into_mic },
  { "/rules/signal/line-into-phono", "signal.line-into-phono", RIG_SEVERITY_WARNING,
    signal_line_into_phono },
  { "/rules/signal/mic-into-line", "signal.mic-into-line", RIG_SEVERITY_WARNING,
    signal_mic_into_line },
  { "/rules/signal/output-to-output", "signal.output-to-output", RIG_SEVERITY_ERROR,
    signal_output_to_output },
  { "/rules/signal/phono-into-line", "signal.phono-into-line", RIG_SEVERITY_WARNING,
    signal_phono_into_line },
  { "/rules/signal/speaker-into-line", "signal.speaker-into-line", RIG_SEVERITY_ERROR,
    signal_speaker_into_line },
  { "/rules/signal/speaker-into-line/headphones", "signal.speaker-into-line", RIG_SEVERITY_ERROR,
    signal_speaker_into_headphones },
  { "/rules/topology/feedback", "topology.feedback", RIG_SEVERITY_WARNING, topology_feedback },
  { "/rules/topology/no-signal", "topology.no-signal", RIG_SEVERITY_ERROR, topology_no_signal },
  { "/rules/topology/no-signal/alone", "topology.no-signal", RIG_SEVERITY_ERROR,
    topology_no_signal_alone },
  { "/rules/power/supply-voltage", "power.supply-voltage", RIG_SEVERITY_ERROR,
    power_supply_voltage },
  { "/rules/power/supply-budget", "power.supply-budget", RIG_SEVERITY_WARNING,
    power_supply_budget },
  { "/rules/signal/clipping", "signal.clipping", RIG_SEVERITY_WARNING, signal_clipping },
  { "/rules/signal/level-mismatch", "signal.level-mismatch", RIG_SEVERITY_WARNING,
    signal_level_mismatch },
};

const RigTestRuleCase *
rig_test_rule_cases (guint *n_cases)
{
  *n_cases = G_N_ELEMENTS (cases);
  return cases;
}

const RigTestRuleCase *
rig_test_rule_case_for (const char *code)
{
  g_autofree char *path = g_strconcat ("/rules/", code, NULL);

  /* The case named after the code: "/rules/power/unpowered". */
  *strchr (path + strlen ("/rules/"), '.') = '/';
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (g_str_equal (cases[i].path, path) && g_str_equal (cases[i].code, code))
      return &cases[i];
  return NULL;
}

void
rig_test_add_studio_station (RigDocument *doc, guint s)
{
  const char *pc = rig_test_add (doc, "pc", "PC");
  const char *iface = rig_test_add (doc, "interface", "Interface");
  const char *cond = rig_test_add (doc, "mic-condenser", "Vocal mic");
  const char *dyn = rig_test_add (doc, "mic-dynamic", "Amp mic");
  const char *gtr = rig_test_add (doc, "guitar", "Guitar");
  const char *mon_l = rig_test_add (doc, "monitor", "Monitor L");
  const char *mon_r = rig_test_add (doc, "monitor", "Monitor R");
  const char *hp = rig_test_add (doc, "headphones-300", "Headphones");
  const char *iso = rig_test_add (doc, "isolator", "Isolator");
  const char *usb_spk = rig_test_add (doc, "speaker-usb", "Desk speakers");
  RigCableSpec spec;
  const char *aux;

  rig_test_connect (doc, pc, "usb-1", iface, "usb");
  rig_test_connect (doc, cond, "out", iface, "in-1");
  rig_test_connect (doc, dyn, "out", iface, "in-2");
  rig_test_connect (doc, gtr, "out", iface, "inst");
  if (s % 5 == 4)
    {
      /* A TS cable on balanced jacks (information). */
      rig_test_spec_phone (&spec, RIG_PHONE_SIZE_6_35, RIG_POLES_TS, RIG_PHONE_SIZE_6_35,
                           RIG_POLES_TS, 2);
      rig_test_connect_spec (doc, iface, "out-l", mon_l, "trs-in", &spec);
    }
  else
    rig_test_connect (doc, iface, "out-l", mon_l, "trs-in");
  rig_test_connect (doc, iface, "out-r", mon_r, "trs-in");
  rig_cable_spec_init (&spec, RIG_CABLE_KIND_DIRECT);
  rig_cable_spec_add_adapter (&spec, rig_test_model ("adapter-35-635"), RIG_END_FROM);
  rig_test_connect_spec (doc, iface, "phones", hp, "plug", &spec);
  rig_cable_spec_clear (&spec);
  rig_test_connect (doc, pc, "line-out", iso, "in");
  aux = rig_test_connect (doc, iso, "out", usb_spk, "aux-in");
  rig_test_connect (doc, pc, "usb-2", usb_spk, "usb-power");
  /* Phantom on, except in every third station (an error). */
  if (s % 3 != 2)
    rig_test_set_figure (doc, iface, RIG_FIGURE_PHANTOM_ON, 1);
  if (s % 7 == 6)
    rig_test_set_length (doc, aux, 8); /* a long unbalanced cable (a warning) */
}

RigDocument *
rig_test_load_example (const char *name)
{
  g_autofree char *path
      = g_build_filename (g_getenv ("RIGWIRE_SOURCE_DIR"), "resources", "examples", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  RigDocument *document = rig_format_load_file (file, rig_catalog_get_default (), &error);

  g_assert_no_error (error);
  return document;
}
