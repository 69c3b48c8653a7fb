/* rig-cable.c: cables and their specifications. */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-cable.h"

const char *
rig_cable_kind_to_nick (RigCableKind kind)
{
  return rig_enum_to_nick (RIG_TYPE_CABLE_KIND, (int) kind);
}

int
rig_cable_kind_from_nick (const char *nick)
{
  return rig_enum_from_nick (RIG_TYPE_CABLE_KIND, nick);
}

void
rig_cable_spec_init (RigCableSpec *spec, RigCableKind kind)
{
  memset (spec, 0, sizeof *spec);
  spec->kind = kind;
  spec->length_m = NAN;
  spec->gauge_awg = NAN;
  for (guint i = 0; i < 2; i++)
    {
      spec->ends[i].gender = RIG_GENDER_PLUG;
      spec->ends[i].plugs = 1;
    }
}

void
rig_cable_spec_clear (RigCableSpec *spec)
{
  for (guint i = 0; i < spec->n_adapters; i++)
    rig_device_model_unref (spec->adapters[i].model);
  g_clear_pointer (&spec->adapters, g_free);
  spec->n_adapters = 0;
}

void
rig_cable_spec_copy (RigCableSpec *dest, const RigCableSpec *src)
{
  *dest = *src;
  dest->adapters = g_memdup2 (src->adapters, sizeof (RigAdapter) * src->n_adapters);
  for (guint i = 0; i < dest->n_adapters; i++)
    rig_device_model_ref (dest->adapters[i].model);
}

static gboolean
double_equal (double a, double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static gboolean
end_equal (const RigCableEnd *a, const RigCableEnd *b)
{
  return a->connector == b->connector && a->size == b->size && a->poles == b->poles
         && a->gender == b->gender && a->plugs == b->plugs && a->pins == b->pins;
}

gboolean
rig_cable_spec_equal (const RigCableSpec *a, const RigCableSpec *b)
{
  if (a->kind != b->kind || a->conductors != b->conductors
      || !double_equal (a->length_m, b->length_m) || !double_equal (a->gauge_awg, b->gauge_awg)
      || a->n_adapters != b->n_adapters)
    return FALSE;
  if (a->kind == RIG_CABLE_KIND_CABLE
      && (!end_equal (&a->ends[0], &b->ends[0]) || !end_equal (&a->ends[1], &b->ends[1])))
    return FALSE;
  for (guint i = 0; i < a->n_adapters; i++)
    if (a->adapters[i].end != b->adapters[i].end
        || !rig_device_model_equal (a->adapters[i].model, b->adapters[i].model))
      return FALSE;
  return TRUE;
}

void
rig_cable_spec_add_adapter (RigCableSpec *spec, RigDeviceModel *model, RigEnd end)
{
  spec->adapters = g_renew (RigAdapter, spec->adapters, spec->n_adapters + 1);
  spec->adapters[spec->n_adapters].model = rig_device_model_ref (model);
  spec->adapters[spec->n_adapters].end = end;
  spec->n_adapters++;
}

guint
rig_connector_conductors (RigConnector connector, RigPoles poles)
{
  switch (connector)
    {
      case RIG_CONNECTOR_PHONE:
        return rig_poles_contacts (poles);
      case RIG_CONNECTOR_RCA:
      case RIG_CONNECTOR_SPEAKER_TERMINAL:
      case RIG_CONNECTOR_DC_BARREL:
        return 2;
      case RIG_CONNECTOR_XLR3:
      case RIG_CONNECTOR_IEC:
        return 3;
      case RIG_CONNECTOR_SPEAKON:
      case RIG_CONNECTOR_USB_A:
      case RIG_CONNECTOR_USB_B:
      case RIG_CONNECTOR_USB_MICRO_B:
      case RIG_CONNECTOR_USB_C:
        return 4;
      case RIG_CONNECTOR_TOSLINK:
      case RIG_CONNECTOR_BLUETOOTH:
      case RIG_N_CONNECTORS:
      default:
        return 0;
    }
}

/* The pole count a sensible cable has at a phone jack: the ordinary aux cable
 * (TRS) for stereo and headset sockets, TS for mono, the jack's own otherwise. */
static RigPoles
cable_poles_for (const RigJack *jack, const RigJack *other)
{
  if (jack->wiring == RIG_WIRING_HEADSET_CTIA || jack->wiring == RIG_WIRING_HEADSET_OMTP)
    {
      /* Headset to headset keeps the mic; anything else is plain stereo. */
      if (other->connector == RIG_CONNECTOR_PHONE && other->poles == RIG_POLES_TRRS)
        return RIG_POLES_TRRS;
      return RIG_POLES_TRS;
    }
  if (other->connector == RIG_CONNECTOR_PHONE
      && rig_poles_contacts (other->poles) < rig_poles_contacts (jack->poles)
      && other->wiring != RIG_WIRING_HEADSET_CTIA && other->wiring != RIG_WIRING_HEADSET_OMTP)
    return other->poles;
  return jack->poles;
}

static gboolean
is_analog_audio (RigConnector c)
{
  return c == RIG_CONNECTOR_PHONE || c == RIG_CONNECTOR_RCA || c == RIG_CONNECTOR_XLR3;
}

static gboolean
is_speaker_cable_end (RigConnector c)
{
  return c == RIG_CONNECTOR_SPEAKER_TERMINAL || c == RIG_CONNECTOR_SPEAKON;
}

/* A USB cable's host end and device end (USB-C is either). */
static gboolean
is_usb_host_end (RigConnector c)
{
  return c == RIG_CONNECTOR_USB_A || c == RIG_CONNECTOR_USB_C;
}

static gboolean
is_usb_device_end (RigConnector c)
{
  return c == RIG_CONNECTOR_USB_B || c == RIG_CONNECTOR_USB_MICRO_B || c == RIG_CONNECTOR_USB_C;
}

/* One direction of rig_connectors_cable_exists(). */
static gboolean
cable_joins (RigConnector a, RigPhoneSize size_a, RigConnector b)
{
  if (is_analog_audio (a) && is_analog_audio (b))
    return TRUE;
  if (is_speaker_cable_end (a) && is_speaker_cable_end (b))
    return TRUE;
  /* Bare wire takes any plug on a lead (a 3.5 mm plug to bare wire ends). */
  if (is_analog_audio (a) && b == RIG_CONNECTOR_SPEAKER_TERMINAL)
    return TRUE;
  /* Instrument amplifier speaker cables: a 6.35 mm plug to Speakon. */
  if (a == RIG_CONNECTOR_PHONE && b == RIG_CONNECTOR_SPEAKON)
    return size_a == RIG_PHONE_SIZE_6_35 || size_a == RIG_PHONE_SIZE_NONE;
  if (is_usb_host_end (a) && is_usb_device_end (b))
    return TRUE;
  /* USB power cables with a barrel plug. */
  return is_usb_host_end (a) && b == RIG_CONNECTOR_DC_BARREL;
}

gboolean
rig_connectors_cable_exists (RigConnector a, RigPhoneSize size_a, RigConnector b,
                             RigPhoneSize size_b)
{
  if (a == RIG_CONNECTOR_BLUETOOTH || b == RIG_CONNECTOR_BLUETOOTH)
    return FALSE;
  if (a == b && a != RIG_CONNECTOR_USB_A && a != RIG_CONNECTOR_USB_B
      && a != RIG_CONNECTOR_USB_MICRO_B)
    return TRUE;
  return cable_joins (a, size_a, b) || cable_joins (b, size_b, a);
}

gboolean
rig_cable_spec_exists (const RigCableSpec *spec)
{
  if (spec->kind != RIG_CABLE_KIND_CABLE)
    return TRUE;
  return rig_connectors_cable_exists (spec->ends[0].connector, spec->ends[0].size,
                                      spec->ends[1].connector, spec->ends[1].size);
}

RigPins
rig_cable_end_pins (const RigCableSpec *spec, RigEnd end, const RigPins pins[2], gboolean *assumed)
{
  const RigCableEnd *e = &spec->ends[end];
  const RigCableEnd *o = &spec->ends[1 - end];
  gboolean from_female;

  if (assumed != NULL)
    *assumed = FALSE;
  if (spec->kind != RIG_CABLE_KIND_CABLE || !rig_connector_has_pins (e->connector))
    return RIG_PINS_NONE;
  if (e->pins != RIG_PINS_NONE)
    return e->pins;
  if (assumed != NULL)
    *assumed = TRUE;
  if (rig_connector_has_pins (o->connector) && o->pins != RIG_PINS_NONE)
    return rig_pins_mate (o->pins);
  /* A standard cable, its female end toward the male pins of an output. */
  from_female = !(pins[RIG_END_TO] == RIG_PINS_MALE && pins[RIG_END_FROM] != RIG_PINS_MALE);
  return (end == RIG_END_FROM) == from_female ? RIG_PINS_FEMALE : RIG_PINS_MALE;
}

void
rig_cable_spec_init_for_jacks (RigCableSpec *spec, const RigJack *from, const RigJack *to)
{
  const RigJack *jacks[2] = { from, to };
  gboolean joined;

  if (from->connector == RIG_CONNECTOR_BLUETOOTH || to->connector == RIG_CONNECTOR_BLUETOOTH)
    {
      rig_cable_spec_init (spec, RIG_CABLE_KIND_WIRELESS);
      return;
    }
  if (from->gender != to->gender)
    {
      rig_cable_spec_init (spec, RIG_CABLE_KIND_DIRECT);
      return;
    }

  rig_cable_spec_init (spec, RIG_CABLE_KIND_CABLE);
  joined = rig_connectors_cable_exists (from->connector, from->size, to->connector, to->size);
  for (guint i = 0; i < 2; i++)
    {
      /* No cable joins the families: the one that fits @from, at both ends. */
      const RigJack *jack = joined ? jacks[i] : from;
      RigCableEnd *end = &spec->ends[i];

      end->connector = jack->connector;
      /* A USB-A cable has USB-C at its other end, USB-B or Micro-USB USB-A. */
      if (!joined && i == 1
          && !rig_connectors_cable_exists (from->connector, from->size, from->connector,
                                           from->size))
        end->connector
            = from->connector == RIG_CONNECTOR_USB_A ? RIG_CONNECTOR_USB_C : RIG_CONNECTOR_USB_A;
      /* Opposite pins to each jack; a standard cable when one jack is used twice. */
      end->pins = (joined || i == 0) ? rig_pins_mate (rig_jack_pins (jack))
                                     : rig_pins_mate (spec->ends[0].pins);
      end->gender = jack->gender == RIG_GENDER_SOCKET ? RIG_GENDER_PLUG : RIG_GENDER_SOCKET;
      end->plugs = (jack->connector == RIG_CONNECTOR_RCA && jack->channels == 2) ? 2 : 1;
      if (jack->connector == RIG_CONNECTOR_PHONE)
        {
          end->size = jack->size;
          end->poles = joined ? cable_poles_for (jack, jacks[1 - i]) : jack->poles;
        }
    }

  spec->conductors = MAX (rig_connector_conductors (spec->ends[0].connector, spec->ends[0].poles),
                          rig_connector_conductors (spec->ends[1].connector, spec->ends[1].poles));
  /* A pair of RCA plugs shares one ground: 3 conductors to a TRS end. */
  if (spec->ends[0].plugs == 2 && spec->ends[1].plugs == 2)
    spec->conductors = 4;
  if (spec->ends[0].connector == RIG_CONNECTOR_SPEAKER_TERMINAL
      || spec->ends[1].connector == RIG_CONNECTOR_SPEAKER_TERMINAL
      || spec->ends[0].connector == RIG_CONNECTOR_SPEAKON)
    spec->gauge_awg = 16;
}

static char *
describe_end (const RigCableEnd *end)
{
  if (end->connector == RIG_CONNECTOR_PHONE)
    return g_strdup_printf ("%s %s", rig_phone_size_to_label (end->size),
                            rig_poles_to_label (end->poles));
  if (end->plugs == 2)
    return g_strdup_printf (_ ("2 × %s"), rig_connector_to_label (end->connector));
  return g_strdup (rig_connector_to_label (end->connector));
}

char *
rig_cable_spec_describe (const RigCableSpec *spec)
{
  GString *out = g_string_new (NULL);

  switch (spec->kind)
    {
      case RIG_CABLE_KIND_DIRECT:
        g_string_append (out, _ ("Plugged in directly"));
        break;
      case RIG_CABLE_KIND_WIRELESS:
        g_string_append (out, _ ("Bluetooth link"));
        break;
      case RIG_CABLE_KIND_CABLE:
      case RIG_N_CABLE_KINDS:
      default:
        if (spec->ends[0].connector == RIG_CONNECTOR_SPEAKER_TERMINAL
            && spec->ends[1].connector == RIG_CONNECTOR_SPEAKER_TERMINAL)
          {
            g_string_append (out, _ ("Speaker wire"));
          }
        else
          {
            g_autofree char *a = describe_end (&spec->ends[0]);
            g_autofree char *b = describe_end (&spec->ends[1]);
            if (g_strcmp0 (a, b) == 0)
              /* Translators: a cable with the same connector at both ends. */
              g_string_append_printf (out, _ ("%s cable"), a);
            else
              g_string_append_printf (out, _ ("%s to %s"), a, b);
          }
        /* Only a cable that is not standard says its pins (physics.md §2.3). */
        if (spec->ends[0].pins != RIG_PINS_NONE && spec->ends[0].pins == spec->ends[1].pins)
          g_string_append (out, spec->ends[0].pins == RIG_PINS_FEMALE ? _ (", female at both ends")
                                                                      : _ (", male at both ends"));
        if (spec->conductors == 2 && spec->ends[0].connector == RIG_CONNECTOR_PHONE)
          g_string_append (out, _ (", 2 conductors"));
        if (rig_figure_is_set (spec->gauge_awg))
          g_string_append_printf (out, _ (", %g AWG"), spec->gauge_awg);
        if (rig_figure_is_set (spec->length_m))
          g_string_append_printf (out, _ (", %g m"), spec->length_m);
        break;
    }

  for (guint i = 0; i < spec->n_adapters; i++)
    g_string_append_printf (out, _ (" + %s"), spec->adapters[i].model->name);

  return g_string_free (out, FALSE);
}

RigCable *
rig_cable_new (const char *id, const char *number, const char *from_device, const char *from_jack,
               const char *to_device, const char *to_jack, const RigCableSpec *spec)
{
  RigCable *cable = g_new0 (RigCable, 1);

  cable->id = g_strdup (id);
  cable->number = g_strdup (number);
  cable->device[RIG_END_FROM] = g_strdup (from_device);
  cable->jack[RIG_END_FROM] = g_strdup (from_jack);
  cable->device[RIG_END_TO] = g_strdup (to_device);
  cable->jack[RIG_END_TO] = g_strdup (to_jack);
  if (spec != NULL)
    rig_cable_spec_copy (&cable->spec, spec);
  else
    rig_cable_spec_init (&cable->spec, RIG_CABLE_KIND_CABLE);
  return cable;
}

RigCable *
rig_cable_copy (const RigCable *cable)
{
  return rig_cable_new (cable->id, cable->number, cable->device[0], cable->jack[0],
                        cable->device[1], cable->jack[1], &cable->spec);
}

void
rig_cable_free (RigCable *cable)
{
  if (cable == NULL)
    return;
  g_free (cable->id);
  g_free (cable->number);
  for (guint i = 0; i < 2; i++)
    {
      g_free (cable->device[i]);
      g_free (cable->jack[i]);
    }
  rig_cable_spec_clear (&cable->spec);
  g_free (cable);
}

gboolean
rig_cable_equal (const RigCable *a, const RigCable *b)
{
  return g_strcmp0 (a->id, b->id) == 0 && g_strcmp0 (a->number, b->number) == 0
         && g_strcmp0 (a->device[0], b->device[0]) == 0 && g_strcmp0 (a->jack[0], b->jack[0]) == 0
         && g_strcmp0 (a->device[1], b->device[1]) == 0 && g_strcmp0 (a->jack[1], b->jack[1]) == 0
         && rig_cable_spec_equal (&a->spec, &b->spec);
}

static const char *const prefix_letters[] = {
  [RIG_CABLE_PREFIX_ANALOG] = "A",
  [RIG_CABLE_PREFIX_DIGITAL] = "D",
  [RIG_CABLE_PREFIX_POWER] = "P",
  [RIG_CABLE_PREFIX_SPEAKER] = "S",
};
G_STATIC_ASSERT (G_N_ELEMENTS (prefix_letters) == RIG_N_CABLE_PREFIXES);

const char *
rig_cable_prefix_to_letter (RigCablePrefix prefix)
{
  return (guint) prefix < RIG_N_CABLE_PREFIXES ? prefix_letters[prefix] : NULL;
}

RigCablePrefix
rig_cable_prefix_for_jacks (const RigJack *from, const RigJack *to)
{
  if (from == NULL || to == NULL)
    return RIG_CABLE_PREFIX_ANALOG;
  if (from->signal == RIG_SIGNAL_POWER || to->signal == RIG_SIGNAL_POWER)
    return RIG_CABLE_PREFIX_POWER;
  if (from->signal == RIG_SIGNAL_SPEAKER || to->signal == RIG_SIGNAL_SPEAKER)
    return RIG_CABLE_PREFIX_SPEAKER;
  if (rig_signal_is_digital (from->signal) || rig_signal_is_digital (to->signal))
    return RIG_CABLE_PREFIX_DIGITAL;
  return RIG_CABLE_PREFIX_ANALOG;
}

const char *
rig_cable_number_prefix (const RigJack *from, const RigJack *to)
{
  return rig_cable_prefix_to_letter (rig_cable_prefix_for_jacks (from, to));
}
