/* rig-types.h: the enumerations of the Rigwire model and their file names.
 *
 * Each enumeration is a GEnum type (rig-enum-types.h, made by glib-mkenums:
 * RIG_TYPE_CONNECTOR, ...). Every value has a stable nick, the string used in
 * .rigwire files and catalog XML: the nicks are the file format, so a value's
 * nick never changes (a "nick" annotation sets it where glib-mkenums would
 * guess otherwise). rig_*_from_nick() returns -1 for an unknown nick, so
 * loaders can report the bad value; rig_*_to_nick() never returns NULL for a
 * valid value. The RIG_N_* counts are not values (they are skipped).
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  RIG_CONNECTOR_PHONE, /* TS/TRS/TRRS/TRRRS "jack" family */
  RIG_CONNECTOR_RCA,
  RIG_CONNECTOR_XLR3,             /*< nick=xlr >*/
  RIG_CONNECTOR_SPEAKER_TERMINAL, /* binding posts, spring clips, bare wire, banana */
  RIG_CONNECTOR_SPEAKON,
  RIG_CONNECTOR_USB_A,
  RIG_CONNECTOR_USB_B,
  RIG_CONNECTOR_USB_MICRO_B,
  RIG_CONNECTOR_USB_C,
  RIG_CONNECTOR_TOSLINK,
  RIG_CONNECTOR_DC_BARREL,
  RIG_CONNECTOR_IEC,       /* mains inlet / outlet */
  RIG_CONNECTOR_BLUETOOTH, /* wireless link, no physical contact */
  RIG_N_CONNECTORS         /*< skip >*/
} RigConnector;

typedef enum
{
  RIG_PHONE_SIZE_NONE, /* not a phone connector */
  RIG_PHONE_SIZE_2_5,  /*< nick=2.5 >*/
  RIG_PHONE_SIZE_3_5,  /*< nick=3.5 >*/
  RIG_PHONE_SIZE_4_4,  /*< nick=4.4 >*/
  RIG_PHONE_SIZE_6_35, /*< nick=6.35 >*/
  RIG_N_PHONE_SIZES    /*< skip >*/
} RigPhoneSize;

typedef enum
{
  RIG_POLES_NONE, /* not a phone connector */
  RIG_POLES_TS,
  RIG_POLES_TRS,
  RIG_POLES_TRRS,
  RIG_POLES_TRRRS,
  RIG_N_POLES /*< skip >*/
} RigPoles;

/* How the contacts of a phone connector are used (physics.md §2.1, §2.2). */
typedef enum
{
  RIG_WIRING_NONE,            /* not a phone connector */
  RIG_WIRING_MONO,            /* TS: signal, ground */
  RIG_WIRING_STEREO,          /* TRS: left, right, ground */
  RIG_WIRING_BALANCED,        /* TRS: hot, cold, ground */
  RIG_WIRING_INSERT,          /* TRS: send, return, ground */
  RIG_WIRING_HEADSET_CTIA,    /* TRRS: left, right, ground, mic */
  RIG_WIRING_HEADSET_OMTP,    /* TRRS: left, right, mic, ground */
  RIG_WIRING_BALANCED_STEREO, /* TRRRS 4.4 mm: L+, L-, R+, R-, ground */
  /* 2.5 mm TRRS: L+, L-, R+, R-, no ground */
  RIG_WIRING_BALANCED_STEREO_2_5, /*< nick=balanced-stereo-2.5 >*/
  RIG_N_WIRINGS                   /*< skip >*/
} RigWiring;

/* What a contact of a phone connector carries. */
typedef enum
{
  RIG_CONTACT_NONE,
  RIG_CONTACT_SIGNAL,
  RIG_CONTACT_LEFT,
  RIG_CONTACT_RIGHT,
  RIG_CONTACT_HOT,
  RIG_CONTACT_COLD,
  RIG_CONTACT_SEND,
  RIG_CONTACT_RETURN,
  RIG_CONTACT_MIC,
  RIG_CONTACT_GROUND,
  RIG_CONTACT_LEFT_PLUS,
  RIG_CONTACT_LEFT_MINUS,
  RIG_CONTACT_RIGHT_PLUS,
  RIG_CONTACT_RIGHT_MINUS,
} RigContact;

typedef enum
{
  RIG_GENDER_SOCKET, /* the jack receives a plug (most device jacks) */
  RIG_GENDER_PLUG,   /* a captive plug: headphones, dongles, adapters */
  RIG_N_GENDERS      /*< skip >*/
} RigGender;

/* The pin gender of a connector that has one besides plug or socket: XLR
 * (physics.md §2.3). Device outputs have male pins, inputs female contacts; a
 * standard cable is female at one end and male at the other. */
typedef enum
{
  RIG_PINS_NONE,   /* no pin gender, or not stated */
  RIG_PINS_MALE,   /* pins */
  RIG_PINS_FEMALE, /* contacts that take pins */
  RIG_N_PINS       /*< skip >*/
} RigPins;

typedef enum
{
  RIG_DIRECTION_IN,
  RIG_DIRECTION_OUT,
  RIG_DIRECTION_BOTH, /* USB, a TRRS headset socket (stereo out + mic in), pass-through */
  RIG_N_DIRECTIONS    /*< skip >*/
} RigDirection;

typedef enum
{
  RIG_SIGNAL_MIC,
  RIG_SIGNAL_INSTRUMENT,
  RIG_SIGNAL_LINE_CONSUMER,
  RIG_SIGNAL_LINE_PRO,
  RIG_SIGNAL_PHONO,
  RIG_SIGNAL_HEADPHONE,
  RIG_SIGNAL_SPEAKER,
  RIG_SIGNAL_SPDIF,
  RIG_SIGNAL_USB_AUDIO,
  RIG_SIGNAL_BLUETOOTH,
  RIG_SIGNAL_POWER,
  RIG_N_SIGNALS /*< skip >*/
} RigSignal;

typedef enum
{
  RIG_CATEGORY_SOURCE,
  RIG_CATEGORY_AMPLIFIER,
  RIG_CATEGORY_HEADPHONE_AMPLIFIER,
  RIG_CATEGORY_PASSIVE_SPEAKER,
  RIG_CATEGORY_ACTIVE_SPEAKER,
  RIG_CATEGORY_HEADPHONES,
  RIG_CATEGORY_MICROPHONE,
  RIG_CATEGORY_INSTRUMENT,
  RIG_CATEGORY_MIXER,
  RIG_CATEGORY_INTERFACE,
  RIG_CATEGORY_CONVERTER,
  RIG_CATEGORY_ADAPTER,
  RIG_CATEGORY_ACCESSORY,
  RIG_CATEGORY_POWER,
  RIG_N_CATEGORIES /*< skip >*/
} RigCategory;

typedef enum
{
  RIG_POWER_SOURCE_NONE,    /* needs no power (passive speaker, dynamic mic, cable) */
  RIG_POWER_SOURCE_MAINS,   /* plugged into the wall; assumed available */
  RIG_POWER_SOURCE_USB,     /* needs a USB jack with power-required connected to a supplying port */
  RIG_POWER_SOURCE_BATTERY, /* runs while a battery is fitted */
  RIG_POWER_SOURCE_DC,      /* needs a DC barrel inlet connected to a supply */
  RIG_POWER_SOURCE_PHANTOM, /* powered by its audio jack: phantom or plug-in power */
  RIG_N_POWER_SOURCES       /*< skip >*/
} RigPowerSource;

/* Phantom (P48) and plug-in power on a jack. */
typedef enum
{
  RIG_SUPPLY_NONE,
  RIG_SUPPLY_SUPPLIES,
  RIG_SUPPLY_REQUIRES,
  RIG_N_SUPPLIES /*< skip >*/
} RigSupply;

#include "rig-enum-types.h"

#define RIG_DECLARE_NICKS(TypeName, prefix)                                                        \
  const char *rig_##prefix##_to_nick (TypeName value);                                             \
  int rig_##prefix##_from_nick (const char *nick);                                                 \
  const char *rig_##prefix##_to_label (TypeName value);

RIG_DECLARE_NICKS (RigConnector, connector)
RIG_DECLARE_NICKS (RigPhoneSize, phone_size)
RIG_DECLARE_NICKS (RigPoles, poles)
RIG_DECLARE_NICKS (RigWiring, wiring)
RIG_DECLARE_NICKS (RigGender, gender)
RIG_DECLARE_NICKS (RigPins, pins)
RIG_DECLARE_NICKS (RigDirection, direction)
RIG_DECLARE_NICKS (RigSignal, signal)
RIG_DECLARE_NICKS (RigCategory, category)
RIG_DECLARE_NICKS (RigPowerSource, power_source)
RIG_DECLARE_NICKS (RigSupply, supply)

#undef RIG_DECLARE_NICKS

/* For the nick functions of the model's GEnum types: the nick of @value of
 * the enum @type (NULL if not a value), and the value of @nick (-1 if none). */
const char *
rig_enum_to_nick (GType type, int value);
int
rig_enum_from_nick (GType type, const char *nick);

/* The number of contacts of a pole count (TS = 2 ... TRRRS = 5), 0 for NONE. */
guint
rig_poles_contacts (RigPoles poles);

/* The pole count a wiring needs (STEREO -> TRS, HEADSET_CTIA -> TRRS ...). */
RigPoles
rig_wiring_poles (RigWiring wiring);

/* What contact @index (0 = tip) carries for @wiring. */
RigContact
rig_wiring_contact (RigWiring wiring, guint index);

/* TRUE for the analog audio signal classes (everything but S/PDIF, USB, Bluetooth, power). */
gboolean
rig_signal_is_analog (RigSignal signal);
gboolean
rig_signal_is_digital (RigSignal signal);

/* TRUE for connector families that carry one channel per plug (RCA) or that are not audio. */
gboolean
rig_connector_is_phone (RigConnector connector);
gboolean
rig_connector_is_usb (RigConnector connector);
/* TRUE for connector families with a pin gender (XLR), physics.md §2.3. */
gboolean
rig_connector_has_pins (RigConnector connector);
/* The pin gender that mates with @pins (MALE <-> FEMALE; NONE stays NONE). */
RigPins
rig_pins_mate (RigPins pins);

/* Compares object ids the way people count: "d2" < "d10", "A-002" < "A-010".
 * Total: equal only for equal strings. NULL sorts first. */
int
rig_id_compare (const char *a, const char *b);

G_END_DECLS
