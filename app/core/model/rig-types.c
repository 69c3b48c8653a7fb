/* rig-types.c: names of the model's enumerations (their nicks, from the
 * GEnum types of rig-enum-types.h, and their labels), and what the values mean. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rig-types.h"

/* The GEnum class of @type, kept for the life of the program. */
static GEnumClass *
enum_class (GType type)
{
  GEnumClass *klass = g_type_class_peek (type);

  return klass != NULL ? klass : g_type_class_ref (type);
}

const char *
rig_enum_to_nick (GType type, int value)
{
  GEnumValue *found = g_enum_get_value (enum_class (type), value);

  return found != NULL ? found->value_nick : NULL;
}

int
rig_enum_from_nick (GType type, const char *nick)
{
  GEnumValue *found;

  if (nick == NULL)
    return -1;
  found = g_enum_get_value_by_nick (enum_class (type), nick);
  return found != NULL ? found->value : -1;
}

/* The nicks come from the GEnum types; the labels, for people, from the
 * tables below. */
#define RIG_DEFINE_NICKS(TypeName, prefix, type, labels)                                           \
  const char *rig_##prefix##_to_nick (TypeName value)                                              \
  {                                                                                                \
    return rig_enum_to_nick (type, (int) value);                                                   \
  }                                                                                                \
  int rig_##prefix##_from_nick (const char *nick) { return rig_enum_from_nick (type, nick); }      \
  const char *rig_##prefix##_to_label (TypeName value)                                             \
  {                                                                                                \
    if ((guint) value >= G_N_ELEMENTS (labels))                                                    \
      return NULL;                                                                                 \
    return _ (labels[value]);                                                                      \
  }

static const char *const connector_labels[] = {
  [RIG_CONNECTOR_PHONE] = N_ ("Phone jack"),
  [RIG_CONNECTOR_RCA] = N_ ("RCA"),
  [RIG_CONNECTOR_XLR3] = N_ ("XLR"),
  [RIG_CONNECTOR_SPEAKER_TERMINAL] = N_ ("Speaker terminals"),
  [RIG_CONNECTOR_SPEAKON] = N_ ("Speakon"),
  [RIG_CONNECTOR_USB_A] = N_ ("USB-A"),
  [RIG_CONNECTOR_USB_B] = N_ ("USB-B"),
  [RIG_CONNECTOR_USB_MICRO_B] = N_ ("Micro-USB"),
  [RIG_CONNECTOR_USB_C] = N_ ("USB-C"),
  [RIG_CONNECTOR_TOSLINK] = N_ ("Optical (TOSLINK)"),
  [RIG_CONNECTOR_DC_BARREL] = N_ ("DC barrel"),
  [RIG_CONNECTOR_IEC] = N_ ("Mains"),
  [RIG_CONNECTOR_BLUETOOTH] = N_ ("Bluetooth"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (connector_labels) == RIG_N_CONNECTORS);

static const char *const phone_size_labels[] = {
  [RIG_PHONE_SIZE_NONE] = N_ ("None"),    [RIG_PHONE_SIZE_2_5] = N_ ("2.5 mm"),
  [RIG_PHONE_SIZE_3_5] = N_ ("3.5 mm"),   [RIG_PHONE_SIZE_4_4] = N_ ("4.4 mm"),
  [RIG_PHONE_SIZE_6_35] = N_ ("6.35 mm"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (phone_size_labels) == RIG_N_PHONE_SIZES);

static const char *const poles_labels[] = {
  [RIG_POLES_NONE] = N_ ("None"), [RIG_POLES_TS] = N_ ("TS"),       [RIG_POLES_TRS] = N_ ("TRS"),
  [RIG_POLES_TRRS] = N_ ("TRRS"), [RIG_POLES_TRRRS] = N_ ("TRRRS"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (poles_labels) == RIG_N_POLES);

static const char *const wiring_labels[] = {
  [RIG_WIRING_NONE] = N_ ("None"),
  [RIG_WIRING_MONO] = N_ ("Mono"),
  [RIG_WIRING_STEREO] = N_ ("Stereo"),
  [RIG_WIRING_BALANCED] = N_ ("Balanced mono"),
  [RIG_WIRING_INSERT] = N_ ("Insert (send/return)"),
  [RIG_WIRING_HEADSET_CTIA] = N_ ("Headset (CTIA)"),
  [RIG_WIRING_HEADSET_OMTP] = N_ ("Headset (OMTP)"),
  [RIG_WIRING_BALANCED_STEREO] = N_ ("Balanced stereo"),
  [RIG_WIRING_BALANCED_STEREO_2_5] = N_ ("Balanced stereo (2.5 mm)"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (wiring_labels) == RIG_N_WIRINGS);

static const char *const gender_labels[] = {
  [RIG_GENDER_SOCKET] = N_ ("Socket"),
  [RIG_GENDER_PLUG] = N_ ("Plug"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (gender_labels) == RIG_N_GENDERS);

static const char *const pins_labels[] = {
  [RIG_PINS_NONE] = N_ ("None"),
  [RIG_PINS_MALE] = N_ ("Male"),
  [RIG_PINS_FEMALE] = N_ ("Female"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (pins_labels) == RIG_N_PINS);

static const char *const direction_labels[] = {
  [RIG_DIRECTION_IN] = N_ ("Input"),
  [RIG_DIRECTION_OUT] = N_ ("Output"),
  [RIG_DIRECTION_BOTH] = N_ ("Input and output"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (direction_labels) == RIG_N_DIRECTIONS);

static const char *const signal_labels[] = {
  [RIG_SIGNAL_MIC] = N_ ("Microphone level"),
  [RIG_SIGNAL_INSTRUMENT] = N_ ("Instrument (Hi-Z)"),
  [RIG_SIGNAL_LINE_CONSUMER] = N_ ("Consumer line level"),
  [RIG_SIGNAL_LINE_PRO] = N_ ("Pro line level"),
  [RIG_SIGNAL_PHONO] = N_ ("Phono (turntable)"),
  [RIG_SIGNAL_HEADPHONE] = N_ ("Headphone level"),
  [RIG_SIGNAL_SPEAKER] = N_ ("Speaker level"),
  [RIG_SIGNAL_SPDIF] = N_ ("S/PDIF digital"),
  [RIG_SIGNAL_USB_AUDIO] = N_ ("USB audio"),
  [RIG_SIGNAL_BLUETOOTH] = N_ ("Bluetooth audio"),
  [RIG_SIGNAL_POWER] = N_ ("Power"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (signal_labels) == RIG_N_SIGNALS);

static const char *const category_labels[] = {
  [RIG_CATEGORY_SOURCE] = N_ ("Sources"),
  [RIG_CATEGORY_AMPLIFIER] = N_ ("Amplifiers"),
  [RIG_CATEGORY_HEADPHONE_AMPLIFIER] = N_ ("Headphone amplifiers"),
  [RIG_CATEGORY_PASSIVE_SPEAKER] = N_ ("Passive speakers"),
  [RIG_CATEGORY_ACTIVE_SPEAKER] = N_ ("Active speakers"),
  [RIG_CATEGORY_HEADPHONES] = N_ ("Headphones"),
  [RIG_CATEGORY_MICROPHONE] = N_ ("Microphones"),
  [RIG_CATEGORY_INSTRUMENT] = N_ ("Instruments"),
  [RIG_CATEGORY_MIXER] = N_ ("Mixers"),
  [RIG_CATEGORY_INTERFACE] = N_ ("Audio interfaces"),
  [RIG_CATEGORY_CONVERTER] = N_ ("Converters"),
  [RIG_CATEGORY_ADAPTER] = N_ ("Adapters and splitters"),
  [RIG_CATEGORY_ACCESSORY] = N_ ("Accessories"),
  [RIG_CATEGORY_POWER] = N_ ("Power"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (category_labels) == RIG_N_CATEGORIES);

static const char *const power_source_labels[] = {
  [RIG_POWER_SOURCE_NONE] = N_ ("Needs no power"),
  [RIG_POWER_SOURCE_MAINS] = N_ ("Mains"),
  [RIG_POWER_SOURCE_USB] = N_ ("USB"),
  [RIG_POWER_SOURCE_BATTERY] = N_ ("Battery"),
  [RIG_POWER_SOURCE_DC] = N_ ("DC supply"),
  [RIG_POWER_SOURCE_PHANTOM] = N_ ("Phantom or plug-in power"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (power_source_labels) == RIG_N_POWER_SOURCES);

static const char *const supply_labels[] = {
  [RIG_SUPPLY_NONE] = N_ ("None"),
  [RIG_SUPPLY_SUPPLIES] = N_ ("Supplies"),
  [RIG_SUPPLY_REQUIRES] = N_ ("Requires"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (supply_labels) == RIG_N_SUPPLIES);

RIG_DEFINE_NICKS (RigConnector, connector, RIG_TYPE_CONNECTOR, connector_labels)
RIG_DEFINE_NICKS (RigPhoneSize, phone_size, RIG_TYPE_PHONE_SIZE, phone_size_labels)
RIG_DEFINE_NICKS (RigPoles, poles, RIG_TYPE_POLES, poles_labels)
RIG_DEFINE_NICKS (RigWiring, wiring, RIG_TYPE_WIRING, wiring_labels)
RIG_DEFINE_NICKS (RigGender, gender, RIG_TYPE_GENDER, gender_labels)
RIG_DEFINE_NICKS (RigPins, pins, RIG_TYPE_PINS, pins_labels)
RIG_DEFINE_NICKS (RigDirection, direction, RIG_TYPE_DIRECTION, direction_labels)
RIG_DEFINE_NICKS (RigSignal, signal, RIG_TYPE_SIGNAL, signal_labels)
RIG_DEFINE_NICKS (RigCategory, category, RIG_TYPE_CATEGORY, category_labels)
RIG_DEFINE_NICKS (RigPowerSource, power_source, RIG_TYPE_POWER_SOURCE, power_source_labels)
RIG_DEFINE_NICKS (RigSupply, supply, RIG_TYPE_SUPPLY, supply_labels)

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

/* Contacts from the tip to the sleeve (physics.md §2.1, §2.2). */
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

gboolean
rig_connector_has_pins (RigConnector connector)
{
  return connector == RIG_CONNECTOR_XLR3;
}

RigPins
rig_pins_mate (RigPins pins)
{
  switch (pins)
    {
      case RIG_PINS_MALE:
        return RIG_PINS_FEMALE;
      case RIG_PINS_FEMALE:
        return RIG_PINS_MALE;
      case RIG_PINS_NONE:
      case RIG_N_PINS:
      default:
        return RIG_PINS_NONE;
    }
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
