/* rig-types.c: names of the model's enumerations. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rig-types.h"

typedef struct
{
  const char *nick;
  const char *label;
} RigNick;

/* Looks @nick up in a table of @n entries: the index, or -1. */
static int
nick_lookup (const RigNick *table, guint n, const char *nick)
{
  if (nick == NULL)
    return -1;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (table[i].nick, nick) == 0)
      return (int) i;
  return -1;
}

#define RIG_DEFINE_NICKS(TypeName, prefix, table)                                                  \
  const char *rig_##prefix##_to_nick (TypeName value)                                              \
  {                                                                                                \
    if ((guint) value >= G_N_ELEMENTS (table))                                                     \
      return NULL;                                                                                 \
    return table[value].nick;                                                                      \
  }                                                                                                \
  int rig_##prefix##_from_nick (const char *nick)                                                  \
  {                                                                                                \
    return nick_lookup (table, G_N_ELEMENTS (table), nick);                                        \
  }                                                                                                \
  const char *rig_##prefix##_to_label (TypeName value)                                             \
  {                                                                                                \
    if ((guint) value >= G_N_ELEMENTS (table))                                                     \
      return NULL;                                                                                 \
    return _ (table[value].label);                                                                 \
  }

static const RigNick connector_nicks[] = {
  [RIG_CONNECTOR_PHONE] = { "phone", N_ ("Phone jack") },
  [RIG_CONNECTOR_RCA] = { "rca", N_ ("RCA") },
  [RIG_CONNECTOR_XLR3] = { "xlr", N_ ("XLR") },
  [RIG_CONNECTOR_SPEAKER_TERMINAL] = { "speaker-terminal", N_ ("Speaker terminals") },
  [RIG_CONNECTOR_SPEAKON] = { "speakon", N_ ("Speakon") },
  [RIG_CONNECTOR_USB_A] = { "usb-a", N_ ("USB-A") },
  [RIG_CONNECTOR_USB_B] = { "usb-b", N_ ("USB-B") },
  [RIG_CONNECTOR_USB_MICRO_B] = { "usb-micro-b", N_ ("Micro-USB") },
  [RIG_CONNECTOR_USB_C] = { "usb-c", N_ ("USB-C") },
  [RIG_CONNECTOR_TOSLINK] = { "toslink", N_ ("Optical (TOSLINK)") },
  [RIG_CONNECTOR_DC_BARREL] = { "dc-barrel", N_ ("DC barrel") },
  [RIG_CONNECTOR_IEC] = { "iec", N_ ("Mains") },
  [RIG_CONNECTOR_BLUETOOTH] = { "bluetooth", N_ ("Bluetooth") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (connector_nicks) == RIG_N_CONNECTORS);

static const RigNick phone_size_nicks[] = {
  [RIG_PHONE_SIZE_NONE] = { "none", N_ ("None") },
  [RIG_PHONE_SIZE_2_5] = { "2.5", N_ ("2.5 mm") },
  [RIG_PHONE_SIZE_3_5] = { "3.5", N_ ("3.5 mm") },
  [RIG_PHONE_SIZE_4_4] = { "4.4", N_ ("4.4 mm") },
  [RIG_PHONE_SIZE_6_35] = { "6.35", N_ ("6.35 mm") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (phone_size_nicks) == RIG_N_PHONE_SIZES);

static const RigNick poles_nicks[] = {
  [RIG_POLES_NONE] = { "none", N_ ("None") },    [RIG_POLES_TS] = { "ts", N_ ("TS") },
  [RIG_POLES_TRS] = { "trs", N_ ("TRS") },       [RIG_POLES_TRRS] = { "trrs", N_ ("TRRS") },
  [RIG_POLES_TRRRS] = { "trrrs", N_ ("TRRRS") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (poles_nicks) == RIG_N_POLES);

static const RigNick wiring_nicks[] = {
  [RIG_WIRING_NONE] = { "none", N_ ("None") },
  [RIG_WIRING_MONO] = { "mono", N_ ("Mono") },
  [RIG_WIRING_STEREO] = { "stereo", N_ ("Stereo") },
  [RIG_WIRING_BALANCED] = { "balanced", N_ ("Balanced mono") },
  [RIG_WIRING_INSERT] = { "insert", N_ ("Insert (send/return)") },
  [RIG_WIRING_HEADSET_CTIA] = { "headset-ctia", N_ ("Headset (CTIA)") },
  [RIG_WIRING_HEADSET_OMTP] = { "headset-omtp", N_ ("Headset (OMTP)") },
  [RIG_WIRING_BALANCED_STEREO] = { "balanced-stereo", N_ ("Balanced stereo") },
  [RIG_WIRING_BALANCED_STEREO_2_5] = { "balanced-stereo-2.5", N_ ("Balanced stereo (2.5 mm)") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (wiring_nicks) == RIG_N_WIRINGS);

static const RigNick gender_nicks[] = {
  [RIG_GENDER_SOCKET] = { "socket", N_ ("Socket") },
  [RIG_GENDER_PLUG] = { "plug", N_ ("Plug") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (gender_nicks) == RIG_N_GENDERS);

static const RigNick direction_nicks[] = {
  [RIG_DIRECTION_IN] = { "in", N_ ("Input") },
  [RIG_DIRECTION_OUT] = { "out", N_ ("Output") },
  [RIG_DIRECTION_BOTH] = { "both", N_ ("Input and output") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (direction_nicks) == RIG_N_DIRECTIONS);

static const RigNick signal_nicks[] = {
  [RIG_SIGNAL_MIC] = { "mic", N_ ("Microphone level") },
  [RIG_SIGNAL_INSTRUMENT] = { "instrument", N_ ("Instrument (Hi-Z)") },
  [RIG_SIGNAL_LINE_CONSUMER] = { "line-consumer", N_ ("Consumer line level") },
  [RIG_SIGNAL_LINE_PRO] = { "line-pro", N_ ("Pro line level") },
  [RIG_SIGNAL_PHONO] = { "phono", N_ ("Phono (turntable)") },
  [RIG_SIGNAL_HEADPHONE] = { "headphone", N_ ("Headphone level") },
  [RIG_SIGNAL_SPEAKER] = { "speaker", N_ ("Speaker level") },
  [RIG_SIGNAL_SPDIF] = { "spdif", N_ ("S/PDIF digital") },
  [RIG_SIGNAL_USB_AUDIO] = { "usb-audio", N_ ("USB audio") },
  [RIG_SIGNAL_BLUETOOTH] = { "bluetooth", N_ ("Bluetooth audio") },
  [RIG_SIGNAL_POWER] = { "power", N_ ("Power") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (signal_nicks) == RIG_N_SIGNALS);

static const RigNick category_nicks[] = {
  [RIG_CATEGORY_SOURCE] = { "source", N_ ("Sources") },
  [RIG_CATEGORY_AMPLIFIER] = { "amplifier", N_ ("Amplifiers") },
  [RIG_CATEGORY_HEADPHONE_AMPLIFIER] = { "headphone-amplifier", N_ ("Headphone amplifiers") },
  [RIG_CATEGORY_PASSIVE_SPEAKER] = { "passive-speaker", N_ ("Passive speakers") },
  [RIG_CATEGORY_ACTIVE_SPEAKER] = { "active-speaker", N_ ("Active speakers") },
  [RIG_CATEGORY_HEADPHONES] = { "headphones", N_ ("Headphones") },
  [RIG_CATEGORY_MICROPHONE] = { "microphone", N_ ("Microphones") },
  [RIG_CATEGORY_INSTRUMENT] = { "instrument", N_ ("Instruments") },
  [RIG_CATEGORY_MIXER] = { "mixer", N_ ("Mixers") },
  [RIG_CATEGORY_INTERFACE] = { "interface", N_ ("Audio interfaces") },
  [RIG_CATEGORY_CONVERTER] = { "converter", N_ ("Converters") },
  [RIG_CATEGORY_ADAPTER] = { "adapter", N_ ("Adapters and splitters") },
  [RIG_CATEGORY_ACCESSORY] = { "accessory", N_ ("Accessories") },
  [RIG_CATEGORY_POWER] = { "power", N_ ("Power") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (category_nicks) == RIG_N_CATEGORIES);

static const RigNick power_source_nicks[] = {
  [RIG_POWER_SOURCE_NONE] = { "none", N_ ("Needs no power") },
  [RIG_POWER_SOURCE_MAINS] = { "mains", N_ ("Mains") },
  [RIG_POWER_SOURCE_USB] = { "usb", N_ ("USB") },
  [RIG_POWER_SOURCE_BATTERY] = { "battery", N_ ("Battery") },
  [RIG_POWER_SOURCE_DC] = { "dc", N_ ("DC supply") },
  [RIG_POWER_SOURCE_PHANTOM] = { "phantom", N_ ("Phantom or plug-in power") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (power_source_nicks) == RIG_N_POWER_SOURCES);

static const RigNick supply_nicks[] = {
  [RIG_SUPPLY_NONE] = { "none", N_ ("None") },
  [RIG_SUPPLY_SUPPLIES] = { "supplies", N_ ("Supplies") },
  [RIG_SUPPLY_REQUIRES] = { "requires", N_ ("Requires") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (supply_nicks) == RIG_N_SUPPLIES);

RIG_DEFINE_NICKS (RigConnector, connector, connector_nicks)
RIG_DEFINE_NICKS (RigPhoneSize, phone_size, phone_size_nicks)
RIG_DEFINE_NICKS (RigPoles, poles, poles_nicks)
RIG_DEFINE_NICKS (RigWiring, wiring, wiring_nicks)
RIG_DEFINE_NICKS (RigGender, gender, gender_nicks)
RIG_DEFINE_NICKS (RigDirection, direction, direction_nicks)
RIG_DEFINE_NICKS (RigSignal, signal, signal_nicks)
RIG_DEFINE_NICKS (RigCategory, category, category_nicks)
RIG_DEFINE_NICKS (RigPowerSource, power_source, power_source_nicks)
RIG_DEFINE_NICKS (RigSupply, supply, supply_nicks)

guint
rig_poles_contacts (RigPoles poles)
{
  switch (poles)
    {
      case RIG_POLES_TS:
        return 2;
      case RIG_POLES_TRS:
        return 3;
      case RIG_POLES_TRRS:
        return 4;
      case RIG_POLES_TRRRS:
        return 5;
      case RIG_POLES_NONE:
      case RIG_N_POLES:
      default:
        return 0;
    }
}

RigPoles
rig_wiring_poles (RigWiring wiring)
{
  switch (wiring)
    {
      case RIG_WIRING_MONO:
        return RIG_POLES_TS;
      case RIG_WIRING_STEREO:
      case RIG_WIRING_BALANCED:
      case RIG_WIRING_INSERT:
        return RIG_POLES_TRS;
      case RIG_WIRING_HEADSET_CTIA:
      case RIG_WIRING_HEADSET_OMTP:
      case RIG_WIRING_BALANCED_STEREO_2_5:
        return RIG_POLES_TRRS;
      case RIG_WIRING_BALANCED_STEREO:
        return RIG_POLES_TRRRS;
      case RIG_WIRING_NONE:
      case RIG_N_WIRINGS:
      default:
        return RIG_POLES_NONE;
    }
}

/* Contacts from the tip to the sleeve (domain doc, section 2). */
static const RigContact wiring_contacts[RIG_N_WIRINGS][5] = {
  [RIG_WIRING_MONO] = { RIG_CONTACT_SIGNAL, RIG_CONTACT_GROUND },
  [RIG_WIRING_STEREO] = { RIG_CONTACT_LEFT, RIG_CONTACT_RIGHT, RIG_CONTACT_GROUND },
  [RIG_WIRING_BALANCED] = { RIG_CONTACT_HOT, RIG_CONTACT_COLD, RIG_CONTACT_GROUND },
  [RIG_WIRING_INSERT] = { RIG_CONTACT_SEND, RIG_CONTACT_RETURN, RIG_CONTACT_GROUND },
  [RIG_WIRING_HEADSET_CTIA]
  = { RIG_CONTACT_LEFT, RIG_CONTACT_RIGHT, RIG_CONTACT_GROUND, RIG_CONTACT_MIC },
  [RIG_WIRING_HEADSET_OMTP]
  = { RIG_CONTACT_LEFT, RIG_CONTACT_RIGHT, RIG_CONTACT_MIC, RIG_CONTACT_GROUND },
  [RIG_WIRING_BALANCED_STEREO]
  = { RIG_CONTACT_LEFT_PLUS, RIG_CONTACT_LEFT_MINUS, RIG_CONTACT_RIGHT_PLUS,
      RIG_CONTACT_RIGHT_MINUS, RIG_CONTACT_GROUND },
  [RIG_WIRING_BALANCED_STEREO_2_5] = { RIG_CONTACT_LEFT_PLUS, RIG_CONTACT_LEFT_MINUS,
                                       RIG_CONTACT_RIGHT_PLUS, RIG_CONTACT_RIGHT_MINUS },
};

RigContact
rig_wiring_contact (RigWiring wiring, guint index)
{
  if ((guint) wiring >= RIG_N_WIRINGS || index >= 5)
    return RIG_CONTACT_NONE;
  return wiring_contacts[wiring][index];
}

gboolean
rig_signal_is_digital (RigSignal signal)
{
  return signal == RIG_SIGNAL_SPDIF || signal == RIG_SIGNAL_USB_AUDIO
         || signal == RIG_SIGNAL_BLUETOOTH;
}

gboolean
rig_signal_is_analog (RigSignal signal)
{
  return signal != RIG_SIGNAL_POWER && !rig_signal_is_digital (signal);
}

gboolean
rig_connector_is_phone (RigConnector connector)
{
  return connector == RIG_CONNECTOR_PHONE;
}

gboolean
rig_connector_is_usb (RigConnector connector)
{
  return connector == RIG_CONNECTOR_USB_A || connector == RIG_CONNECTOR_USB_B
         || connector == RIG_CONNECTOR_USB_MICRO_B || connector == RIG_CONNECTOR_USB_C;
}

int
rig_id_compare (const char *a, const char *b)
{
  if (a == b)
    return 0;
  if (a == NULL)
    return -1;
  if (b == NULL)
    return 1;

  const char *pa = a, *pb = b;
  while (*pa && *pb)
    {
      if (g_ascii_isdigit (*pa) && g_ascii_isdigit (*pb))
        {
          const char *sa = pa, *sb = pb;
          /* Skip leading zeros, then the longer run of digits is larger. */
          while (*sa == '0' && g_ascii_isdigit (sa[1]))
            sa++;
          while (*sb == '0' && g_ascii_isdigit (sb[1]))
            sb++;
          const char *ea = sa, *eb = sb;
          while (g_ascii_isdigit (*ea))
            ea++;
          while (g_ascii_isdigit (*eb))
            eb++;
          if (ea - sa != eb - sb)
            return (ea - sa) < (eb - sb) ? -1 : 1;
          int c = strncmp (sa, sb, (size_t) (ea - sa));
          if (c != 0)
            return c;
          pa = ea;
          pb = eb;
          continue;
        }
      if (*pa != *pb)
        return (guchar) *pa < (guchar) *pb ? -1 : 1;
      pa++;
      pb++;
    }
  if (*pa || *pb)
    return *pa ? 1 : -1;
  /* Equal by value ("d01" and "d1"): fall back to bytes, to stay total. */
  return strcmp (a, b);
}
