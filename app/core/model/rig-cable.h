/* rig-cable.h: a cable (or a direct plug-in, or a wireless link) between two
 * jacks of a rig. Owned by its RigDocument; change it only through commands. */
#pragma once

#include "rig-device-model.h"

G_BEGIN_DECLS

typedef enum
{
  RIG_CABLE_KIND_CABLE,    /* a cable with a connector at each end */
  RIG_CABLE_KIND_DIRECT,   /* a captive plug straight into a socket: no cable */
  RIG_CABLE_KIND_WIRELESS, /* a Bluetooth pairing */
  RIG_N_CABLE_KINDS        /*< skip >*/
} RigCableKind;

const char *
rig_cable_kind_to_nick (RigCableKind kind);
int
rig_cable_kind_from_nick (const char *nick);

typedef enum
{
  RIG_END_FROM = 0,
  RIG_END_TO = 1,
} RigEnd;

/* One end of a cable: what mates with the jack (or with the last adapter). */
typedef struct
{
  RigConnector connector;
  RigPhoneSize size; /* phone only */
  RigPoles poles;    /* phone only */
  RigGender gender;  /* PLUG for ordinary cables, SOCKET for extension cables */
  guint plugs;       /* 1, or 2 for a pair (the RCA end of a 3.5 mm to 2 x RCA cable) */
  RigPins pins;      /* XLR only; NONE: not stated, a standard cable (see rig_cable_end_pins()) */
} RigCableEnd;

/* An adapter in the chain at one end, listed from the device jack outward. */
typedef struct
{
  RigDeviceModel *model; /* category RIG_CATEGORY_ADAPTER */
  RigEnd end;
} RigAdapter;

typedef struct
{
  RigCableKind kind;
  RigCableEnd ends[2]; /* [RIG_END_FROM], [RIG_END_TO]; CABLE kind only */
  guint conductors;    /* 0 when not stated */
  double length_m;     /* NAN when not stated */
  double gauge_awg;    /* speaker wire; NAN when not stated */
  RigAdapter *adapters;
  guint n_adapters;
} RigCableSpec;

/* The wires a connector carries, per plug (the poles count for phone plugs;
 * 0 for optical and wireless links). */
guint
rig_connector_conductors (RigConnector connector, RigPoles poles);

void
rig_cable_spec_init (RigCableSpec *spec, RigCableKind kind);
void
rig_cable_spec_clear (RigCableSpec *spec);
void
rig_cable_spec_copy (RigCableSpec *dest, const RigCableSpec *src);
gboolean
rig_cable_spec_equal (const RigCableSpec *a, const RigCableSpec *b);
void
rig_cable_spec_add_adapter (RigCableSpec *spec, RigDeviceModel *model, RigEnd end);

/* The cable a person would pick to join these two jacks: the same connector at
 * each end as the jack (opposite gender, and opposite pin gender on XLR),
 * conductors from the poles, speaker wire (16 AWG) between speaker terminals,
 * DIRECT when one side is a captive plug, WIRELESS between Bluetooth jacks.
 * Length is left unset. When no cable joins the two families
 * (rig_connectors_cable_exists()), a cable of @from's family at both ends
 * (but USB-A to USB-C, USB-B or Micro-USB to USB-A): one that is made,
 * and that the checks find does not fit @to. */
void
rig_cable_spec_init_for_jacks (RigCableSpec *spec, const RigJack *from, const RigJack *to);

/* Whether a cable with a @a connector at one end and a @b connector at the
 * other is made (physics.md §2.5, §2.6): analog audio connectors (phone, RCA,
 * XLR) join each other; speaker terminals take bare wire, so any of these
 * plugs on a lead, and Speakon; Speakon also joins 6.35 mm phone plugs
 * (instrument speaker cables); a USB cable has a host end
 * (USB-A or USB-C) and a device end (USB-B, Micro-USB or USB-C), and USB power
 * cables end in a DC barrel; optical (TOSLINK), mains and DC barrel cables
 * join only their own kind. Sizes matter for the speaker cables only (pass
 * RIG_PHONE_SIZE_NONE when unknown). Nothing else is a cable: going between
 * optical and coaxial S/PDIF, or USB and analog audio, takes a device. */
gboolean
rig_connectors_cable_exists (RigConnector a, RigPhoneSize size_a, RigConnector b,
                             RigPhoneSize size_b);

/* Whether @spec is a cable that is made: always for DIRECT and WIRELESS; for
 * a CABLE, rig_connectors_cable_exists() of its two ends. */
gboolean
rig_cable_spec_exists (const RigCableSpec *spec);

/* The pin gender of the XLR connector at @end of a CABLE (physics.md §2.3):
 * as stated; else a standard cable (female at one end, male at the other),
 * the opposite of the other end when that is stated, else with its female
 * end toward the output's male pins (@pins: the pin gender each end meets,
 * NONE if unknown; the female end at FROM when neither or both are male).
 * Sets @assumed (if not NULL) when the file did not state it. NONE for an
 * end without pin gender. */
RigPins
rig_cable_end_pins (const RigCableSpec *spec, RigEnd end, const RigPins pins[2], gboolean *assumed);

/* "3.5 mm TRS to 2 x RCA", "Speaker wire 16 AWG, 3 m", "Direct", "Bluetooth".
 * Free with g_free(). */
char *
rig_cable_spec_describe (const RigCableSpec *spec);

typedef struct
{
  char *id;        /* stable within the document: "c1", "c2", ... */
  char *number;    /* "A-003": prefix by what it carries, see rig_cable_number_prefix() */
  char *device[2]; /* device ids at [RIG_END_FROM] and [RIG_END_TO] */
  char *jack[2];   /* jack ids on those devices */
  RigCableSpec spec;
} RigCable;

RigCable *
rig_cable_new (const char *id, const char *number, const char *from_device, const char *from_jack,
               const char *to_device, const char *to_jack, const RigCableSpec *spec);
RigCable *
rig_cable_copy (const RigCable *cable);
void
rig_cable_free (RigCable *cable);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RigCable, rig_cable_free)

gboolean
rig_cable_equal (const RigCable *a, const RigCable *b);

/* What a cable number's prefix says the cable carries: "A-003" is analog
 * audio. The letters are the file format (cable numbers are saved as written). */
typedef enum
{
  RIG_CABLE_PREFIX_ANALOG,  /* "A": analog audio below speaker level */
  RIG_CABLE_PREFIX_DIGITAL, /* "D": S/PDIF, USB audio, Bluetooth */
  RIG_CABLE_PREFIX_POWER,   /* "P": DC, USB power, mains */
  RIG_CABLE_PREFIX_SPEAKER, /* "S": speaker level */
  RIG_N_CABLE_PREFIXES      /*< skip >*/
} RigCablePrefix;

/* The letter of @prefix ("A", "D", "P", "S"); NULL for an invalid value. */
const char *
rig_cable_prefix_to_letter (RigCablePrefix prefix);

/* The prefix for a cable joining these jacks; ANALOG when either is NULL
 * (a jack that is gone). */
RigCablePrefix
rig_cable_prefix_for_jacks (const RigJack *from, const RigJack *to);

/* The letter of rig_cable_prefix_for_jacks(): "A" analog audio, "S" speaker
 * level, "D" digital audio, "P" power. */
const char *
rig_cable_number_prefix (const RigJack *from, const RigJack *to);

G_END_DECLS
