/* rig-rules-connector.c: does the plug go in, and do the contacts line up?
 *
 * Per cable, at each end, from the device's jack outward through the cable's
 * adapters to the cable's own connector (physics.md §2.6): every place where
 * two connectors meet is a *mate* (walk_mates()), and each rule looks at
 * every mate in turn.
 *
 * connector.family           plug and socket of different families (physics.md §2.6)
 * connector.size             phone connectors of different sizes (physics.md §2.1)
 * connector.family           also a cable that is not made: optical to coaxial, USB to
 *                            analog, speaker to line (physics.md §2.5, §2.6)
 * connector.gender           plug to plug, socket to socket, XLR pins to pins or
 *                            contacts to contacts (physics.md §2.3)
 * connector.poles            pole counts that lose or short a contact
 *                            (physics.md §2.1, when pole counts differ)
 * connector.headset-standard CTIA meets OMTP through 4-pole contacts (physics.md §2.2)
 *
 * A cable is straight through: the contacts of its plug at one end carry what
 * the jack at the other end puts on them, so a cable end "inherits" the far
 * jack's wiring when the pole counts agree.
 */
#include "config.h"

#include <math.h>

#include "rig-rule-i18n.h"
#include "rig-rules.h"

typedef struct
{
  RigConnector connector;
  RigPhoneSize size; /* NONE: not a phone connector, or not stated */
  RigPoles poles;    /* NONE: not stated */
  RigWiring wiring;  /* NONE: not known */
  RigGender gender;
  RigPins pins;          /* XLR: male or female (physics.md §2.3); else NONE */
  gboolean pins_assumed; /* a cable end whose pins the file does not state */
  const RigJack *origin; /* the device jack whose contacts this face carries */
  RigDevNode *origin_dev;
  gboolean is_jack;    /* a device's own jack (else an adapter's or the cable's) */
  const char *adapter; /* the adapter's name when the face is an adapter's */
} Face;

static Face
face_of_jack (RigDevNode *dev, int j)
{
  const RigJack *jack = rig_dev_jack (dev, j);
  Face f = { 0 };

  f.connector = jack->connector;
  f.size = jack->size;
  f.poles = jack->poles;
  f.wiring = jack->wiring;
  f.gender = jack->gender;
  f.pins = rig_jack_pins (jack);
  f.origin = jack;
  f.origin_dev = dev;
  f.is_jack = TRUE;
  return f;
}

static char *
face_describe (const Face *f)
{
  if (f->connector == RIG_CONNECTOR_PHONE)
    {
      if (f->size != RIG_PHONE_SIZE_NONE && f->poles != RIG_POLES_NONE)
        return g_strdup_printf ("%s %s", rig_phone_size_to_label (f->size),
                                rig_poles_to_label (f->poles));
      if (f->size != RIG_PHONE_SIZE_NONE)
        return g_strdup (rig_phone_size_to_label (f->size));
    }
  return g_strdup (rig_connector_to_label (f->connector));
}

static const char *
gender_word (RigGender gender)
{
  return gender == RIG_GENDER_PLUG ? _ ("plug") : _ ("socket");
}

/* A TRRS headset plug whose mic would be lost (physics.md §2.2: "the mic input is
 * dead", "the mic is not connected"). */
static gboolean
face_carries_mic (const Face *f)
{
  return f->origin_dev != NULL && (f->origin_dev->info->flags & RIG_MODEL_HEADSET)
         && (f->origin->wiring == RIG_WIRING_HEADSET_CTIA
             || f->origin->wiring == RIG_WIRING_HEADSET_OMTP);
}

static gboolean
is_headset_wiring (RigWiring w)
{
  return w == RIG_WIRING_HEADSET_CTIA || w == RIG_WIRING_HEADSET_OMTP;
}

/* A face carrying a balanced output (physics.md §4.2: only a balanced
 * source loses its cold leg's half of the signal to a grounding plug). */
static gboolean
face_is_balanced_source (const Face *f)
{
  return f != NULL && f->origin != NULL && rig_jack_is_output (f->origin)
         && rig_jack_is_balanced (f->origin);
}

/* A microphone on a plug with no headset wiring: an electret lavalier's TRS
 * plug carries its capsule on tip and ring (physics.md §2.2). */
static gboolean
face_is_mic_plug (const Face *f)
{
  return f != NULL && f->origin != NULL && f->origin->signal == RIG_SIGNAL_MIC
         && rig_jack_is_output (f->origin) && !is_headset_wiring (f->origin->wiring);
}

typedef struct
{
  RigRegion *region;
  RigCabNode *cable;
  guint end; /* the end being checked */
} Ctx;

static void
emit (Ctx *ctx, const char *code, RigSeverity severity, char *detail, char *why, char *hear,
      char *fix)
{
  RigDiagBuilder b;
  g_autofree char *head = rig_text_cable (ctx->cable);

  rig_diag_init (&b);
  rig_diag_add_cable (&b, ctx->cable);
  rig_diag_add_jack (&b, ctx->cable->dev[ctx->end], ctx->cable->jack[ctx->end]);
  /* Translators: a cable's line, then what is wrong with it. */
  rig_diag_emit (ctx->region, &b, code, severity, g_strdup_printf (_ ("%s: %s"), head, detail), why,
                 hear, fix);
  g_free (detail);
}

/* Whether a cable (of any kind that is made) could join the cable's two
 * device jacks (physics.md §2.5, §2.6). */
static gboolean
jacks_joinable (const RigCabNode *cable)
{
  const RigJack *a = rig_dev_jack (cable->dev[0], cable->jack[0]);
  const RigJack *b = rig_dev_jack (cable->dev[1], cable->jack[1]);

  return rig_connectors_cable_exists (a->connector, a->size, b->connector, b->size);
}

/* Why no cable joins connectors @x and @y (physics.md §2.5, §2.6). */
static const char *
no_cable_reason (RigConnector x, RigConnector y)
{
  if (x == RIG_CONNECTOR_TOSLINK || y == RIG_CONNECTOR_TOSLINK)
    return _ ("an optical cable carries light and fits only optical jacks; coaxial and optical "
              "S/PDIF are joined only by a powered converter.");
  if (rig_connector_is_usb (x) || rig_connector_is_usb (y))
    return _ ("USB carries audio as data, not as a voltage: an analog jack is reached only "
              "through a converter (a DAC or an audio interface).");
  if (x == RIG_CONNECTOR_SPEAKER_TERMINAL || y == RIG_CONNECTOR_SPEAKER_TERMINAL
      || x == RIG_CONNECTOR_SPEAKON || y == RIG_CONNECTOR_SPEAKON)
    return _ ("speaker cables carry speaker level to speakers; between speaker and line or "
              "headphone jacks sits an amplifier or a line output converter.");
  return _ ("the two carry different things (audio, data or power).");
}

/* The device that joins two jacks no cable joins (physics.md §2.5, §2.6),
 * named with the rig's own jacks; NULL when there is none (power and audio). */
static char *
converter_fix (const RigCabNode *cable)
{
  const RigJack *j0 = rig_dev_jack (cable->dev[0], cable->jack[0]);
  const RigJack *j1 = rig_dev_jack (cable->dev[1], cable->jack[1]);
  gboolean swap = !rig_jack_is_output (j0) && rig_jack_is_output (j1);
  const RigJack *src = swap ? j1 : j0, *snk = swap ? j0 : j1;
  g_autofree char *ts = rig_text_jack (cable->dev[swap ? 1 : 0], cable->jack[swap ? 1 : 0]);
  g_autofree char *tk = rig_text_jack (cable->dev[swap ? 0 : 1], cable->jack[swap ? 0 : 1]);
  const char *device;

  if (src->signal == RIG_SIGNAL_POWER || snk->signal == RIG_SIGNAL_POWER)
    return NULL;
  if (src->signal == RIG_SIGNAL_SPDIF && snk->signal == RIG_SIGNAL_SPDIF)
    device = src->connector == RIG_CONNECTOR_TOSLINK
                 ? _ ("an optical-to-coaxial S/PDIF converter (a small powered box)")
                 : _ ("a coaxial-to-optical S/PDIF converter (a small powered box)");
  else if (rig_signal_is_digital (src->signal) && !rig_signal_is_digital (snk->signal))
    device = src->signal == RIG_SIGNAL_USB_AUDIO ? _ ("a USB DAC or an audio interface")
                                                 : _ ("a DAC (digital in, analog out)");
  else if (!rig_signal_is_digital (src->signal) && rig_signal_is_digital (snk->signal))
    device = snk->signal == RIG_SIGNAL_USB_AUDIO
                 ? _ ("an audio interface (analog in, USB out)")
                 : _ ("an analog-to-digital converter (analog in, S/PDIF out)");
  else if (src->signal == RIG_SIGNAL_SPEAKER && snk->signal != RIG_SIGNAL_SPEAKER)
    device = _ ("a line output converter (speaker level in, line level out)");
  else if (snk->signal == RIG_SIGNAL_SPEAKER && src->signal != RIG_SIGNAL_SPEAKER)
    device = _ ("an amplifier");
  else
    return NULL;
  /* Translators: "Add <a device> between them: a cable from <jack> into it,
   * another from it to <jack>." */
  return g_strdup_printf (_ ("Add %s between them: a cable from %s into it, another from it to "
                             "%s."),
                          device, ts, tk);
}

static char *
family_fix (Ctx *ctx, const Face *a, const Face *b)
{
  RigConnector x = a->connector, y = b->connector;
  g_autofree char *da = face_describe (a);
  g_autofree char *db = face_describe (b);

  if (!jacks_joinable (ctx->cable))
    {
      char *fix = converter_fix (ctx->cable);
      if (fix != NULL)
        return fix;
    }
#define PAIR(p, q) ((x == (p) && y == (q)) || (x == (q) && y == (p)))
  if (x == RIG_CONNECTOR_BLUETOOTH || y == RIG_CONNECTOR_BLUETOOTH)
    return g_strdup (_ ("Bluetooth has no plug: pair it with another Bluetooth device, or put a "
                        "Bluetooth transmitter or receiver on the wired jack."));
  if (PAIR (RIG_CONNECTOR_PHONE, RIG_CONNECTOR_RCA))
    return g_strdup (_ ("Use a 3.5 mm to 2 × RCA cable (the usual “Y” cable), or an RCA to "
                        "phone adapter."));
  if (PAIR (RIG_CONNECTOR_PHONE, RIG_CONNECTOR_XLR3))
    return g_strdup (_ ("Use an XLR to 6.35 mm TRS cable (or a combo socket that takes both)."));
  if (PAIR (RIG_CONNECTOR_SPEAKER_TERMINAL, RIG_CONNECTOR_SPEAKON))
    return g_strdup (_ ("Use speaker cable with a Speakon plug at one end and bare wire or "
                        "banana plugs at the other."));
  if (rig_connector_is_usb (x) && rig_connector_is_usb (y))
    return g_strdup_printf (_ ("Use a USB cable with a %s plug at this end (for example USB-C "
                               "to USB-A), or a %s to %s adapter."),
                            rig_connector_to_label (x), rig_connector_to_label (y),
                            rig_connector_to_label (x));
#undef PAIR
  return g_strdup_printf (_ ("Use a cable with a %s connector at this end, or a %s to %s "
                             "adapter."),
                          da, db, da);
}

/* Whether @a (toward the device) and @b (outward) mate: the same family, the
 * same size, a plug and a socket. The walk stops where they do not. */
static gboolean
sizes_differ (const Face *a, const Face *b)
{
  return a->connector == RIG_CONNECTOR_PHONE && a->size != RIG_PHONE_SIZE_NONE
         && b->size != RIG_PHONE_SIZE_NONE && a->size != b->size;
}

/* Whether two connectors of one family are of opposite kinds: on XLR, male
 * pins and female contacts (physics.md §2.3), whichever is the cable's;
 * otherwise a plug and a socket. */
static gboolean
kinds_mate (RigGender ga, RigPins pa, RigGender gb, RigPins pb)
{
  if (pa != RIG_PINS_NONE && pb != RIG_PINS_NONE)
    return pa != pb;
  return ga != gb;
}

/* XLR pins meet pins, or contacts contacts (physics.md §2.3). */
static gboolean
pins_clash (const Face *a, const Face *b)
{
  return a->connector == b->connector && a->pins != RIG_PINS_NONE && a->pins == b->pins;
}

static gboolean
faces_fit (const Face *a, const Face *b)
{
  return a->connector == b->connector && !sizes_differ (a, b)
         && kinds_mate (a->gender, a->pins, b->gender, b->pins);
}

/* connector.family at one mate (physics.md §2.6: a plug only mates with a
 * socket of its own family). */
static void
mate_family (Ctx *ctx, const Face *a, const Face *b, const Face *far)
{
  g_autofree char *da = NULL;
  g_autofree char *db = NULL;
  const char *where = rig_text_label (ctx->cable->dev[ctx->end]);

  if (a->connector == b->connector)
    return;
  da = face_describe (a);
  db = face_describe (b);
  emit (ctx, RIG_CODE_CONNECTOR_FAMILY, RIG_SEVERITY_ERROR,
        g_strdup_printf (_ ("%s %s meets %s %s at %s"), db, gender_word (b->gender), da,
                         gender_word (a->gender), where),
        jacks_joinable (ctx->cable)
            ? g_strdup_printf (_ ("%s and %s are different kinds of connector: one cannot go "
                                  "into the other, and no adapter in the chain joins them."),
                               db, da)
            : g_strdup_printf (_ ("%s and %s are different kinds of connector, and no cable or "
                                  "adapter joins them: %s"),
                               db, da, no_cable_reason (a->connector, b->connector)),
        g_strdup (_ ("Nothing: they cannot be plugged together.")), family_fix (ctx, a, b));
}

/* connector.family of a cable that is not made (physics.md §2.5, §2.6): an
 * optical to RCA cable, USB to analog, speaker terminals to line jacks. TRUE
 * when it is reported (the mates are then moot). */
static gboolean
cable_not_made (RigRegion *region, RigCabNode *cable)
{
  const RigCableSpec *spec = &cable->cable->spec;
  Ctx ctx = { region, cable, 0 };
  g_autofree char *name = NULL;
  char *fix;

  if (rig_cable_spec_exists (spec))
    return FALSE;
  name = rig_cable_spec_describe (spec);
  fix = converter_fix (cable);
  if (fix == NULL)
    fix = g_strdup (_ ("Use the cable that fits each jack, with the device that joins them in "
                       "between, or connect these jacks to jacks of their own kind."));
  emit (&ctx, RIG_CODE_CONNECTOR_FAMILY, RIG_SEVERITY_ERROR,
        g_strdup_printf (_ ("there is no such cable as “%s”"), name),
        g_strdup_printf (_ ("No cable is made with %s at one end and %s at the other: %s"),
                         rig_connector_to_label (spec->ends[0].connector),
                         rig_connector_to_label (spec->ends[1].connector),
                         no_cable_reason (spec->ends[0].connector, spec->ends[1].connector)),
        g_strdup (_ ("Nothing: the cable cannot be bought or made.")), fix);
  return TRUE;
}

/* connector.size at one mate (physics.md §2.1: a plug only mates with a
 * socket of the same size). */
static void
mate_size (Ctx *ctx, const Face *a, const Face *b, const Face *far)
{
  const char *where = rig_text_label (ctx->cable->dev[ctx->end]);
  const char *sa, *sb;

  if (a->connector != b->connector || !sizes_differ (a, b))
    return;
  sa = rig_phone_size_to_label (a->size);
  sb = rig_phone_size_to_label (b->size);
  emit (ctx, RIG_CODE_CONNECTOR_SIZE, RIG_SEVERITY_ERROR,
        g_strdup_printf (_ ("%s %s meets %s %s at %s"), sb, gender_word (b->gender), sa,
                         gender_word (a->gender), where),
        g_strdup_printf (_ ("Phone connectors only mate with the same size: a %s plug does "
                            "not fit a %s socket."),
                         b->gender == RIG_GENDER_PLUG ? sb : sa,
                         b->gender == RIG_GENDER_PLUG ? sa : sb),
        g_strdup (_ ("Nothing: the plug does not go in (or rattles loose with no "
                     "contact).")),
        g_strdup_printf (_ ("Fit a %s to %s adapter (%s plug, %s socket), or use a cable "
                            "with a %s plug."),
                         sb, sa, a->gender == RIG_GENDER_SOCKET ? sa : sb,
                         a->gender == RIG_GENDER_SOCKET ? sb : sa, sa));
}

static const char *
pins_word (RigPins pins)
{
  return pins == RIG_PINS_MALE ? _ ("male") : _ ("female");
}

/* What to do about XLR pins that meet pins of their own gender, from the
 * pins of the two device jacks (physics.md §2.3). @changer: the cable is
 * itself a gender changer, so the fix does not offer one. */
static char *
pins_fix (Ctx *ctx, gboolean changer)
{
  const RigJack *j[2];
  g_autofree char *t0 = rig_text_jack (ctx->cable->dev[0], ctx->cable->jack[0]);
  g_autofree char *t1 = rig_text_jack (ctx->cable->dev[1], ctx->cable->jack[1]);

  for (guint i = 0; i < 2; i++)
    j[i] = rig_dev_jack (ctx->cable->dev[i], ctx->cable->jack[i]);
  if (changer && rig_jack_pins (j[0]) == RIG_PINS_MALE && rig_jack_pins (j[1]) == RIG_PINS_MALE)
    return g_strdup_printf (_ ("%s and %s are both outputs: take this cable out and connect one "
                               "of them to an input (female XLR) with a standard cable (female "
                               "to male) instead."),
                            t0, t1);
  if (changer && rig_jack_pins (j[0]) == RIG_PINS_FEMALE && rig_jack_pins (j[1]) == RIG_PINS_FEMALE)
    return g_strdup_printf (_ ("%s and %s are both inputs: take this cable out and feed one of "
                               "them from an output (male XLR) with a standard cable (female "
                               "to male) instead."),
                            t0, t1);
  if (rig_jack_pins (j[0]) == RIG_PINS_MALE && rig_jack_pins (j[1]) == RIG_PINS_MALE)
    return g_strdup_printf (_ ("%s and %s are both outputs: connect one of them to an input "
                               "(female XLR) instead. A female-to-female gender changer would "
                               "make the plugs fit, but it joins two outputs, which is almost "
                               "always a mistake."),
                            t0, t1);
  if (rig_jack_pins (j[0]) == RIG_PINS_FEMALE && rig_jack_pins (j[1]) == RIG_PINS_FEMALE)
    return g_strdup_printf (_ ("%s and %s are both inputs: feed one of them from an output "
                               "(male XLR) instead. A male-to-male gender changer would make the "
                               "plugs fit, but two inputs give each other no signal."),
                            t0, t1);
  return g_strdup_printf (_ ("Use a standard XLR cable the right way round: its female end on "
                             "the output's male pins, its male end into the input (%s, %s)."),
                          t0, t1);
}

/* connector.gender where XLR pins meet pins, or contacts contacts
 * (physics.md §2.3: outputs male, inputs female, a standard cable female to
 * male). */
static void
mate_pins (Ctx *ctx, const Face *a, const Face *b)
{
  const Face *end = a->is_jack ? b : a;
  g_autofree char *jack = rig_text_jack (ctx->cable->dev[ctx->end], ctx->cable->jack[ctx->end]);
  const char *p = pins_word (a->pins);
  char *why;

  why = g_strdup_printf (_ ("The XLR at %s has %s %s, and so has the connector that meets it: "
                            "an XLR joins only male pins to female contacts. Outputs have male "
                            "pins and inputs female ones, and a standard cable runs from its "
                            "female end (at an output) to its male end (at an input)."),
                         jack, p, a->pins == RIG_PINS_MALE ? _ ("pins") : _ ("contacts"));
  if (end->pins_assumed)
    {
      char *more = g_strdup_printf (
          _ ("%s The file does not say which end of the cable is which: a standard cable is "
             "assumed."),
          why);
      g_free (why);
      why = more;
    }
  emit (ctx, RIG_CODE_CONNECTOR_GENDER, RIG_SEVERITY_ERROR,
        g_strdup_printf (_ ("%s XLR meets %s XLR at %s"), p, p, jack), why,
        g_strdup (_ ("Nothing: they cannot be joined.")), pins_fix (ctx, FALSE));
}

/* connector.gender at one mate (physics.md §2.3). */
static void
mate_gender (Ctx *ctx, const Face *a, const Face *b, const Face *far)
{
  g_autofree char *da = NULL;
  g_autofree char *db = NULL;
  const char *where = rig_text_label (ctx->cable->dev[ctx->end]);
  gboolean plugs = a->gender == RIG_GENDER_PLUG;

  if (a->connector != b->connector || sizes_differ (a, b))
    return;
  if (pins_clash (a, b))
    mate_pins (ctx, a, b);
  if (kinds_mate (a->gender, a->pins, b->gender, b->pins) || pins_clash (a, b))
    return;
  da = face_describe (a);
  db = face_describe (b);
  emit (ctx, RIG_CODE_CONNECTOR_GENDER, RIG_SEVERITY_ERROR,
        g_strdup_printf (plugs ? _ ("plug meets plug at %s") : _ ("socket meets socket at %s"),
                         where),
        g_strdup_printf (plugs ? _ ("A %s plug meets a %s plug: there is no socket for either "
                                    "to go into.")
                               : _ ("A %s socket meets a %s socket: there is no plug to join "
                                    "them."),
                         da, db),
        g_strdup (_ ("Nothing: they cannot be joined.")),
        plugs ? g_strdup_printf (_ ("Use an extension cable with a %s socket at this end, or "
                                    "plug the plug straight into a socket."),
                                 da)
              : g_strdup_printf (_ ("Use a cable with a %s plug at each end."), da));
}

/* What connector.poles says when a plug and a socket of one size have
 * different contacts. */
typedef struct
{
  RigSeverity severity;
  char *why, *hear, *fix;
  RigHearFigures sound; /* what it sounds like (rig_diag_set_hear()) */
} PolesText;

typedef enum
{
  POLES_GENERAL,   /* no case of its own: the general text */
  POLES_EXPLAINED, /* @t holds the case's texts */
  POLES_HARMLESS,  /* nothing is lost */
} PolesCase;

/* The 6 dB of a balanced output whose cold leg is grounded (physics.md
 * §4.2); @src the output's device, @input the receiving device when its
 * input is balanced too (a TRS cable then keeps the level), else NULL. */
static void
poles_cold_grounded (PolesText *t, const char *src, const char *input)
{
  t->severity = RIG_SEVERITY_INFO;
  t->why = g_strdup_printf (_ ("%s has a balanced output, but its cold leg is grounded here: "
                               "only the hot leg reaches the input, half the voltage "
                               "(−6 dB); the link works, unbalanced."),
                            src);
  t->hear = g_strdup (_ ("Sound, about 6 dB quieter, with more hum on long cables."));
  t->sound = (RigHearFigures){ RIG_HEAR_LEVEL, { 20 * log10 (0.5), 0 } }; /* half the voltage */
  t->fix = input != NULL ? g_strdup (_ ("Use a TRS (balanced) cable between balanced jacks."))
                         : g_strdup (_ ("Turn the input gain up by about 6 dB, or use a "
                                        "balanced input."));
}

/* The plug has fewer contacts than the socket. */
static PolesCase
poles_fewer (const Face *plug, const Face *socket, const Face *far, const char *owner, PolesText *t)
{
  guint pc = rig_poles_contacts (plug->poles), sc = rig_poles_contacts (socket->poles);

  if (pc < sc && plug->poles == RIG_POLES_TS && socket->wiring == RIG_WIRING_BALANCED)
    {
      /* On a balanced output, or on an input fed by one, the cold leg is
       * grounded; an unbalanced source into a balanced input keeps its full
       * level (physics.md §4.2). */
      if (face_is_balanced_source (socket))
        poles_cold_grounded (t, owner,
                             far != NULL && far->origin != NULL
                                     && rig_jack_is_balanced (far->origin)
                                 ? rig_text_label (far->origin_dev)
                                 : NULL);
      else if (face_is_balanced_source (far))
        poles_cold_grounded (t, rig_text_label (far->origin_dev), owner);
      else
        return POLES_HARMLESS;
    }
  else if (pc < sc && plug->poles == RIG_POLES_TS && socket->wiring == RIG_WIRING_STEREO)
    {
      gboolean output = socket->origin != NULL && rig_jack_is_output (socket->origin);
      t->why = output ? g_strdup_printf (_ ("A TS (mono) plug has no ring: its sleeve touches "
                                            "the socket's ring and shorts the right channel of "
                                            "%s to ground."),
                                         owner)
                      : g_strdup_printf (_ ("A TS (mono) plug has no ring: its sleeve grounds "
                                            "the socket's ring, so the right input of %s gets "
                                            "nothing."),
                                         owner);
      t->hear = g_strdup (output ? _ ("Only the left channel; the right is lost, and the "
                                      "output strains against the short.")
                                 : _ ("Only the left channel: one side is silent."));
      t->fix = g_strdup (_ ("Use a TRS (stereo) cable."));
      t->sound = (RigHearFigures){ RIG_HEAR_CHANNEL_LOST, { 1, 0 } };
    }
  else if (pc < sc && is_headset_wiring (socket->wiring) && plug->poles == RIG_POLES_TS)
    {
      t->why = g_strdup_printf (_ ("A TS plug in the TRRS headset socket of %s shorts the right "
                                   "channel and the mic contact to ground."),
                                owner);
      t->hear = g_strdup (_ ("Only the left channel, and the mic is dead."));
      t->sound = (RigHearFigures){ RIG_HEAR_CHANNEL_LOST, { 1, 0 } };
      t->fix = g_strdup (_ ("Use a TRS cable for sound, or a TRRS cable to keep the mic."));
    }
  else if (pc < sc && is_headset_wiring (socket->wiring) && plug->poles == RIG_POLES_TRS
           && face_is_mic_plug (far))
    {
      /* A TRS lavalier in a phone: its capsule meets the outputs, the mic
       * contact is grounded. */
      const char *mic = rig_text_label (far->origin_dev);
      t->severity = RIG_SEVERITY_ERROR;
      t->why = g_strdup_printf (_ ("The TRS plug of %s carries its capsule on tip and ring, "
                                   "which in the headset socket of %s meet the left and right "
                                   "outputs; the plug's sleeve bridges the socket's ground and "
                                   "mic contacts, so the mic input is shorted."),
                                mic, owner);
      t->hear = g_strdup_printf (_ ("Nothing from %s: %s hears no microphone."), mic, owner);
      t->fix = g_strdup_printf (_ ("Use a TRRS lavalier made for phones, or a TRS-to-TRRS "
                                   "adapter between %s and %s."),
                                mic, owner);
    }
  else if (pc < sc && is_headset_wiring (socket->wiring) && plug->poles == RIG_POLES_TRS)
    {
      /* Harmless unless the far side has a mic to lose. */
      if (far == NULL || !face_carries_mic (far))
        return POLES_HARMLESS;
      t->why = g_strdup_printf (_ ("A TRS plug's sleeve bridges the ground and mic contacts of "
                                   "the headset socket of %s: the sound works, the mic input "
                                   "is shorted."),
                                owner);
      t->hear = g_strdup (_ ("Sound plays, but nobody hears you: the mic is dead."));
      t->fix = g_strdup (_ ("Use a TRRS (4-pole) cable to keep the mic."));
    }
  else
    return POLES_GENERAL;
  return POLES_EXPLAINED;
}

/* The plug has more contacts than the socket. */
static PolesCase
poles_more (const Face *plug, const Face *socket, const char *owner, const char *pl, PolesText *t)
{
  guint pc = rig_poles_contacts (plug->poles), sc = rig_poles_contacts (socket->poles);

  if (pc > sc && socket->poles == RIG_POLES_TS)
    {
      if (plug->wiring == RIG_WIRING_BALANCED)
        {
          /* Cold grounded by the TS socket: 6 dB only when the plug
           * carries a balanced output (physics.md §4.2). */
          if (!face_is_balanced_source (plug))
            return POLES_HARMLESS;
          poles_cold_grounded (t, rig_text_label (plug->origin_dev), NULL);
        }
      else
        {
          t->why = g_strdup_printf (_ ("A mono (TS) socket has no ring contact: only the tip "
                                       "(left channel) of the %s plug connects, the right "
                                       "channel is left open or shorted."),
                                    pl);
          t->hear = g_strdup (_ ("Only the left channel: one side is lost."));
          t->sound = (RigHearFigures){ RIG_HEAR_CHANNEL_LOST, { 1, 0 } };
          t->fix = g_strdup (_ ("Use a stereo-to-mono cable or adapter that sums both channels, "
                                "or an input that takes stereo."));
        }
    }
  else if (pc > sc && plug->poles == RIG_POLES_TRRS && is_headset_wiring (plug->wiring)
           && socket->poles == RIG_POLES_TRS)
    {
      if (!face_carries_mic (plug))
        return POLES_HARMLESS;
      t->why = g_strdup_printf (_ ("A TRS socket has no mic contact: the headset's sound plays "
                                   "in %s, but its mic is not connected."),
                                owner);
      t->hear = g_strdup (_ ("Sound plays, but the mic does not work."));
      t->fix = g_strdup (_ ("Plug the headset into a TRRS headset socket, or use a headset "
                            "splitter (separate headphone and mic plugs) on a computer with two "
                            "jacks."));
    }
  else if (pc > sc && plug->poles == RIG_POLES_TRRS && socket->poles == RIG_POLES_TRS
           && !is_headset_wiring (plug->wiring) && plug->wiring == RIG_WIRING_NONE)
    {
      /* A 4-pole cable plug carrying plain stereo: the extra ring idles. */
      return POLES_HARMLESS;
    }
  else
    return POLES_GENERAL;
  return POLES_EXPLAINED;
}

/* connector.poles at one mate (physics.md §2.1, when pole counts differ: TS
 * on stereo, stereo in mono, TRS in a headset socket, a headset plug in a TRS
 * socket; INFO for a TS plug on a balanced input). Marks the cable, so that
 * signal.balance and signal.channels leave its links alone. */
static void
mate_poles (Ctx *ctx, const Face *a, const Face *b, const Face *far)
{
  const Face *plug = a->gender == RIG_GENDER_PLUG ? a : b;
  const Face *socket = plug == a ? b : a;
  guint pc = rig_poles_contacts (plug->poles), sc = rig_poles_contacts (socket->poles);
  const char *where = rig_text_label (ctx->cable->dev[ctx->end]);
  const char *owner, *pl, *sl;
  PolesText t = { RIG_SEVERITY_WARNING, NULL, NULL, NULL, { RIG_HEAR_NONE, { 0, 0 } } };
  PolesCase found;

  if (!faces_fit (a, b) || a->connector != RIG_CONNECTOR_PHONE || a->poles == RIG_POLES_NONE
      || b->poles == RIG_POLES_NONE || a->poles == b->poles)
    return;
  /* The common harmless cases first, before any text is built: a TRS plug
   * in a headset socket with no mic to lose, a 4-pole plug carrying plain
   * stereo in a TRS socket. */
  if (pc < sc && is_headset_wiring (socket->wiring) && plug->poles == RIG_POLES_TRS
      && (far == NULL || !face_carries_mic (far)) && !face_is_mic_plug (far))
    return;
  if (pc > sc && plug->poles == RIG_POLES_TRRS && socket->poles == RIG_POLES_TRS
      && !face_carries_mic (plug)
      && (is_headset_wiring (plug->wiring) || plug->wiring == RIG_WIRING_NONE))
    return;
  owner = rig_text_label (socket->origin_dev ? socket->origin_dev : ctx->cable->dev[ctx->end]);
  pl = rig_poles_to_label (plug->poles);
  sl = rig_poles_to_label (socket->poles);

  found = pc < sc ? poles_fewer (plug, socket, far, owner, &t) : POLES_GENERAL;
  if (found == POLES_GENERAL && pc > sc)
    found = poles_more (plug, socket, owner, pl, &t);
  if (found == POLES_HARMLESS)
    return;
  if (found == POLES_GENERAL)
    {
      t.why = g_strdup_printf (_ ("The %s plug and the %s socket have different contacts: "
                                  "some are left open, others shorted together."),
                               pl, sl);
      t.hear = g_strdup (_ ("Missing or one-sided sound, possibly none."));
      t.fix = g_strdup_printf (_ ("Use a %s plug here, or an adapter wired for it."), sl);
    }

  ctx->cable->flags |= RIG_CAB_POLES_ISSUE;
  rig_diag_set_hear (ctx->region, t.sound.kind, t.sound.value[0], t.sound.value[1]);
  emit (ctx, RIG_CODE_CONNECTOR_POLES, t.severity,
        g_strdup_printf (_ ("%s plug in a %s socket at %s"), pl, sl, where), t.why, t.hear, t.fix);
}

typedef void (*MateFunc) (Ctx *ctx, const Face *a, const Face *b, const Face *far);

/* Walks the adapters at @end outward from @face, calling @on_mate (if not NULL)
 * where each meets the last. FALSE if one does not fit. */
static gboolean
apply_adapters (Ctx *ctx, Face *face, MateFunc on_mate)
{
  const RigCableSpec *spec = &ctx->cable->cable->spec;

  for (guint i = 0; i < spec->n_adapters; i++)
    {
      const RigAdapter *adapter = &spec->adapters[i];
      const RigDeviceModel *model = adapter->model;
      int mate = -1, other = -1;

      if ((guint) adapter->end != ctx->end)
        continue;
      for (guint j = 0; j < model->n_jacks && mate < 0; j++)
        {
          const RigJack *aj = &model->jacks[j];
          if (aj->connector == face->connector
              && kinds_mate (aj->gender, rig_jack_pins (aj), face->gender, face->pins)
              && (face->connector != RIG_CONNECTOR_PHONE || face->size == RIG_PHONE_SIZE_NONE
                  || aj->size == face->size))
            mate = (int) j;
        }
      if (mate < 0)
        {
          /* Report against the adapter's first jack. */
          Face af = { 0 };
          if (model->n_jacks > 0)
            {
              const RigJack *aj = &model->jacks[0];
              af.connector = aj->connector;
              af.size = aj->size;
              af.poles = aj->poles;
              af.wiring = aj->wiring;
              af.gender = aj->gender;
              af.pins = rig_jack_pins (aj);
              af.adapter = rig_device_model_get_display_name (model);
              if (on_mate != NULL)
                on_mate (ctx, face, &af, NULL);
            }
          return FALSE;
        }
      {
        const RigJack *aj = &model->jacks[mate];
        Face af = *face;
        af.connector = aj->connector;
        af.size = aj->size;
        af.poles = aj->poles;
        af.wiring = aj->wiring;
        af.gender = aj->gender;
        af.pins = rig_jack_pins (aj);
        af.is_jack = FALSE;
        af.adapter = rig_device_model_get_display_name (model);
        if (on_mate != NULL)
          on_mate (ctx, face, &af, NULL);
      }
      for (guint j = 0; j < model->n_jacks && other < 0; j++)
        if ((int) j != mate)
          other = (int) j;
      if (other < 0)
        return FALSE;
      {
        const RigJack *oj = &model->jacks[other];
        face->connector = oj->connector;
        face->size = oj->size;
        face->poles = oj->poles;
        face->wiring = oj->wiring;
        face->gender = oj->gender;
        face->pins = rig_jack_pins (oj);
        face->is_jack = FALSE;
        face->adapter = rig_device_model_get_display_name (model);
      }
    }
  return TRUE;
}

/* The face of the cable's own connector at @end, carrying the contacts of the
 * far side's face @far. */
static Face
face_of_end (const RigCableEnd *end, const Face *far)
{
  Face f = { 0 };

  f.connector = end->connector;
  f.size = end->connector == RIG_CONNECTOR_PHONE ? end->size : RIG_PHONE_SIZE_NONE;
  f.poles = end->connector == RIG_CONNECTOR_PHONE ? end->poles : RIG_POLES_NONE;
  f.gender = end->gender;
  f.origin = far->origin;
  f.origin_dev = far->origin_dev;
  if (f.poles != RIG_POLES_NONE && f.poles == far->poles)
    f.wiring = far->wiring;
  return f;
}

/* connector.headset-standard (physics.md §2.2: "CTIA plug in an OMTP socket: ground
 * and mic are swapped ... Fix: a CTIA/OMTP swap adapter"). */
static void
headset_standard (Ctx *ctx, const Face *a, const Face *b)
{
  RigDiagBuilder builder;
  g_autofree char *head = NULL;
  const char *la, *lb;

  if (!is_headset_wiring (a->wiring) || !is_headset_wiring (b->wiring) || a->wiring == b->wiring)
    return;
  la = rig_text_label (ctx->cable->dev[0]);
  lb = rig_text_label (ctx->cable->dev[1]);
  head = rig_text_cable (ctx->cable);

  rig_diag_init (&builder);
  rig_diag_add_cable (&builder, ctx->cable);
  rig_diag_add_jack (&builder, ctx->cable->dev[0], ctx->cable->jack[0]);
  rig_diag_add_jack (&builder, ctx->cable->dev[1], ctx->cable->jack[1]);
  rig_diag_set_hear (ctx->region, RIG_HEAR_DIFFERENCE, -1, 0);
  rig_diag_emit (
      ctx->region, &builder, RIG_CODE_CONNECTOR_HEADSET_STANDARD, RIG_SEVERITY_WARNING,
      g_strdup_printf (_ ("%s: CTIA meets OMTP"), head),
      g_strdup_printf (_ ("%s is wired CTIA (ground on the second ring, mic on the sleeve) and "
                          "%s OMTP (mic on the second ring, ground on the sleeve): their ground "
                          "and mic contacts are swapped."),
                       a->wiring == RIG_WIRING_HEADSET_CTIA ? la : lb,
                       a->wiring == RIG_WIRING_HEADSET_CTIA ? lb : la),
      g_strdup (_ ("Thin, hollow sound with the voices gone (only the difference between left "
                   "and right reaches your ears) until the mic button is held; the mic does "
                   "not work.")),
      g_strdup (_ ("Put a CTIA/OMTP swap adapter between them.")));
}

/* connector.family's own cases: a wireless link to a wired jack, a cable to
 * a Bluetooth jack. TRUE when the cable is wireless or ends on Bluetooth (no
 * mate to walk). */
static gboolean
bluetooth_family (RigRegion *region, RigCabNode *cable, gboolean report)
{
  const RigCableSpec *spec = &cable->cable->spec;
  Ctx ctx = { region, cable, 0 };
  Face jf[2];

  /* The question alone, asked by every walk: no faces to build. */
  if (!report)
    return spec->kind == RIG_CABLE_KIND_WIRELESS
           || rig_dev_jack (cable->dev[0], cable->jack[0])->connector == RIG_CONNECTOR_BLUETOOTH
           || rig_dev_jack (cable->dev[1], cable->jack[1])->connector == RIG_CONNECTOR_BLUETOOTH;
  for (guint i = 0; i < 2; i++)
    jf[i] = face_of_jack (cable->dev[i], cable->jack[i]);

  if (spec->kind == RIG_CABLE_KIND_WIRELESS)
    {
      for (guint i = 0; i < 2; i++)
        if (jf[i].connector != RIG_CONNECTOR_BLUETOOTH)
          {
            g_autofree char *d = face_describe (&jf[i]);
            ctx.end = i;
            emit (&ctx, RIG_CODE_CONNECTOR_FAMILY, RIG_SEVERITY_ERROR,
                  g_strdup_printf (_ ("a Bluetooth link to the %s of %s"), d,
                                   rig_text_label (cable->dev[i])),
                  g_strdup_printf (_ ("A Bluetooth pairing needs Bluetooth at both ends; %s is a "
                                      "wired %s jack."),
                                   rig_text_label (cable->dev[i]), d),
                  g_strdup (_ ("Nothing: there is nothing to pair with.")),
                  g_strdup (_ ("Connect a Bluetooth receiver (or transmitter) to the wired jack "
                               "and pair with that.")));
            return TRUE;
          }
      return TRUE;
    }

  for (guint i = 0; i < 2; i++)
    if (jf[i].connector == RIG_CONNECTOR_BLUETOOTH)
      {
        ctx.end = i;
        emit (&ctx, RIG_CODE_CONNECTOR_FAMILY, RIG_SEVERITY_ERROR,
              g_strdup_printf (_ ("a cable to the Bluetooth link of %s"),
                               rig_text_label (cable->dev[i])),
              g_strdup (_ ("Bluetooth is wireless: it has no socket for a cable.")),
              g_strdup (_ ("Nothing.")),
              g_strdup (_ ("Pair the two devices over Bluetooth instead of drawing a cable, or "
                           "use their wired jacks.")));
        return TRUE;
      }

  return FALSE;
}

/* Walks every mate of @cable, from each device's jack outward, calling @mate
 * (if not NULL) at each, and stops at one that does not fit. TRUE when the
 * whole cable fits and its two outer faces meet through four contacts, as
 * connector.headset-standard wants; @outer: the outer faces. */
static gboolean
walk_mates (RigRegion *region, RigCabNode *cable, MateFunc mate, Face outer[2])
{
  const RigCableSpec *spec = &cable->cable->spec;
  Ctx ctx = { region, cable, 0 };
  Face ends[2];
  gboolean ok[2], fits = TRUE;

  if (bluetooth_family (region, cable, FALSE))
    return FALSE;
  for (guint i = 0; i < 2; i++)
    {
      outer[i] = face_of_jack (cable->dev[i], cable->jack[i]);
      ctx.end = i;
      ok[i] = apply_adapters (&ctx, &outer[i], mate);
    }

  if (spec->kind == RIG_CABLE_KIND_DIRECT)
    {
      if (!ok[0] || !ok[1])
        return FALSE;
      /* The plug side is the one checked against the socket. */
      ctx.end = outer[0].gender == RIG_GENDER_SOCKET ? 0 : 1;
      if (mate != NULL)
        mate (&ctx, &outer[ctx.end], &outer[1 - ctx.end], &outer[1 - ctx.end]);
      return faces_fit (&outer[ctx.end], &outer[1 - ctx.end]);
    }

  for (guint i = 0; i < 2; i++)
    {
      const RigPins met[2] = { outer[0].pins, outer[1].pins };
      ends[i] = face_of_end (&spec->ends[i], &outer[1 - i]);
      ends[i].pins = rig_cable_end_pins (spec, i, met, &ends[i].pins_assumed);
    }
  for (guint i = 0; i < 2; i++)
    {
      if (!ok[i])
        {
          fits = FALSE;
          continue;
        }
      ctx.end = i;
      if (mate != NULL)
        mate (&ctx, &outer[i], &ends[i], &outer[1 - i]);
      if (!faces_fit (&outer[i], &ends[i]))
        fits = FALSE;
    }
  /* The swap only happens when all four contacts go through. */
  return fits && spec->ends[0].poles == RIG_POLES_TRRS && spec->ends[1].poles == RIG_POLES_TRRS
         && (spec->conductors == 0 || spec->conductors >= 4);
}

void
rig_rule_connector_family (RigRegion *region, RigCabNode *cable)
{
  Face outer[2];

  if (!bluetooth_family (region, cable, TRUE) && !cable_not_made (region, cable))
    walk_mates (region, cable, mate_family, outer);
}

/* connector.size at one mate, and the mark of a cable whose plugs cannot
 * meet (RIG_CAB_UNFIT: a plug and a socket of another family, size or
 * gender, physics.md §2.1, §2.3, §2.6): it carries nothing, so the validator
 * leaves it out of the nets and no net or link rule speaks of what would
 * flow through it (§3). */
static void
mate_size_fit (Ctx *ctx, const Face *a, const Face *b, const Face *far)
{
  mate_size (ctx, a, b, far);
  if (!faces_fit (a, b))
    ctx->cable->flags |= RIG_CAB_UNFIT;
}

void
rig_rule_connector_size (RigRegion *region, RigCabNode *cable)
{
  const RigCableSpec *spec = &cable->cable->spec;
  Face outer[2];

  walk_mates (region, cable, mate_size_fit, outer);
  /* A Bluetooth pairing to a wired jack, a cable to a Bluetooth jack. */
  if (bluetooth_family (region, cable, FALSE)
      && (spec->kind != RIG_CABLE_KIND_WIRELESS
          || rig_dev_jack (cable->dev[0], cable->jack[0])->connector != RIG_CONNECTOR_BLUETOOTH
          || rig_dev_jack (cable->dev[1], cable->jack[1])->connector != RIG_CONNECTOR_BLUETOOTH))
    cable->flags |= RIG_CAB_UNFIT;
}

/* connector.gender of an XLR cable with the same pins at both ends (a
 * gender changer) that fits: it joins two outputs or two inputs, which
 * usually means a mistake (physics.md §2.3). A warning: it can be made. */
static void
gender_changer (RigRegion *region, RigCabNode *cable, const Face outer[2])
{
  const RigCableSpec *spec = &cable->cable->spec;
  Ctx ctx = { region, cable, 0 };
  RigPins pins = spec->ends[0].pins;

  if (spec->kind != RIG_CABLE_KIND_CABLE || !rig_connector_has_pins (spec->ends[0].connector)
      || spec->ends[1].connector != spec->ends[0].connector || pins == RIG_PINS_NONE
      || spec->ends[1].pins != pins || outer[0].pins != rig_pins_mate (pins)
      || outer[1].pins != rig_pins_mate (pins))
    return;
  emit (&ctx, RIG_CODE_CONNECTOR_GENDER, RIG_SEVERITY_WARNING,
        g_strdup_printf (pins == RIG_PINS_FEMALE
                             ? _ ("an XLR cable with female ends at both ends (a gender changer)")
                             : _ ("an XLR cable with male ends at both ends (a gender changer)")),
        g_strdup (pins == RIG_PINS_FEMALE
                      ? _ ("Outputs have male XLR pins and inputs female ones, so a standard "
                           "cable (female to male) never joins two outputs. With female ends at "
                           "both ends the plugs fit, but the cable joins two outputs.")
                      : _ ("Outputs have male XLR pins and inputs female ones, so a standard "
                           "cable (female to male) never joins two inputs. With male ends at "
                           "both ends the plugs fit, but the cable joins two inputs.")),
        g_strdup (_ ("Probably nothing useful: this is almost always a wiring mistake.")),
        pins_fix (&ctx, TRUE));
}

void
rig_rule_connector_gender (RigRegion *region, RigCabNode *cable)
{
  Face outer[2];

  walk_mates (region, cable, mate_gender, outer);
  if (!bluetooth_family (region, cable, FALSE))
    gender_changer (region, cable, outer);
}

void
rig_rule_connector_poles (RigRegion *region, RigCabNode *cable)
{
  Face outer[2];
  walk_mates (region, cable, mate_poles, outer);
}

void
rig_rule_connector_headset_standard (RigRegion *region, RigCabNode *cable)
{
  Ctx ctx = { region, cable, 0 };
  Face outer[2];

  if (walk_mates (region, cable, NULL, outer))
    headset_standard (&ctx, &outer[0], &outer[1]);
}
