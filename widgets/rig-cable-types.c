/* rig-cable-types.c: the cable types the inspector offers for a cable: the
 * one that fits its jacks first, then plausible wrong ones, so a student can
 * try them and see what the checks say.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rig-cable-types.h"

static guint
spec_conductors (const RigCableSpec *spec)
{
  if (spec->ends[0].plugs == 2 && spec->ends[1].plugs == 2)
    return 4;
  return MAX (rig_connector_conductors (spec->ends[0].connector, spec->ends[0].poles),
              rig_connector_conductors (spec->ends[1].connector, spec->ends[1].poles));
}

static gboolean
cable_end_equal (const RigCableEnd *a, const RigCableEnd *b)
{
  return a->connector == b->connector && a->size == b->size && a->poles == b->poles
         && a->gender == b->gender && a->plugs == b->plugs;
}

/* The kind of an XLR cable (physics.md §2.3): standard (female to male, or
 * not stated: a standard cable is assumed), or the same pins at both ends. */
static RigPins
same_pins (const RigCableSpec *spec)
{
  return spec->ends[0].pins == spec->ends[1].pins ? spec->ends[0].pins : RIG_PINS_NONE;
}

/* The same kind of cable, whatever its length, gauge and adapters. */
gboolean
rig_cable_types_same (const RigCableSpec *a, const RigCableSpec *b)
{
  if (a->kind != b->kind)
    return FALSE;
  if (a->kind != RIG_CABLE_KIND_CABLE)
    return TRUE;
  return cable_end_equal (&a->ends[0], &b->ends[0]) && cable_end_equal (&a->ends[1], &b->ends[1])
         && a->conductors == b->conductors && same_pins (a) == same_pins (b);
}

/* "3.5 mm TRS to 2 × RCA": the type alone. */
char *
rig_cable_types_describe (const RigCableSpec *spec)
{
  RigCableSpec bare = *spec;

  bare.length_m = NAN;
  bare.gauge_awg = NAN;
  bare.adapters = NULL;
  bare.n_adapters = 0;
  return rig_cable_spec_describe (&bare);
}

void
rig_cable_types_add (GArray *candidates, const RigCableSpec *spec)
{
  RigCableSpec copy;

  for (guint i = 0; i < candidates->len; i++)
    if (rig_cable_types_same (&g_array_index (candidates, RigCableSpec, i), spec))
      return;
  rig_cable_spec_copy (&copy, spec);
  g_array_append_val (candidates, copy);
}

static gboolean
jack_is_speaker (const RigJack *jack)
{
  return jack->connector == RIG_CONNECTOR_SPEAKER_TERMINAL
         || jack->connector == RIG_CONNECTOR_SPEAKON || jack->signal == RIG_SIGNAL_SPEAKER;
}

/* Adds @spec when it is a cable that is made (physics.md §2.6): the list
 * offers nothing that cannot be bought. */
static void
add_made (GArray *candidates, const RigCableSpec *spec)
{
  if (rig_cable_spec_exists (spec))
    rig_cable_types_add (candidates, spec);
}

/* The cables a student may pick for these jacks: the one that fits first,
 * then plausible wrong ones: a direct plug-in, 2-, 3- and 4-conductor phone
 * plugs, a single RCA plug for a pair, speaker wire; where no cable joins the
 * two jacks, the cable of each one's own kind. Only cables that are made;
 * the cable's own type is always among them. */
void
rig_cable_types_build (GArray *candidates, const RigCableSpec *current, const RigJack *from,
                       const RigJack *to)
{
  RigCableSpec sensible;
  RigCableSpec spec;

  rig_cable_spec_init_for_jacks (&sensible, from, to);
  add_made (candidates, &sensible);
  if (!rig_connectors_cable_exists (from->connector, from->size, to->connector, to->size))
    {
      /* The other jack's own cable: it fits there and not at @from. */
      RigCableEnd swap;

      rig_cable_spec_init_for_jacks (&spec, to, from);
      swap = spec.ends[0];
      spec.ends[0] = spec.ends[1];
      spec.ends[1] = swap;
      add_made (candidates, &spec);
      rig_cable_spec_clear (&spec);
    }

  if (from->gender != to->gender && from->connector != RIG_CONNECTOR_BLUETOOTH
      && to->connector != RIG_CONNECTOR_BLUETOOTH)
    {
      rig_cable_spec_init (&spec, RIG_CABLE_KIND_DIRECT);
      rig_cable_types_add (candidates, &spec);
    }

  if (sensible.kind == RIG_CABLE_KIND_CABLE)
    {
      static const RigPoles poles[] = { RIG_POLES_TS, RIG_POLES_TRS, RIG_POLES_TRRS };
      gboolean has_phone = sensible.ends[0].connector == RIG_CONNECTOR_PHONE
                           || sensible.ends[1].connector == RIG_CONNECTOR_PHONE;
      gboolean has_pair = sensible.ends[0].plugs == 2 || sensible.ends[1].plugs == 2;

      for (guint p = 0; has_phone && p < G_N_ELEMENTS (poles); p++)
        {
          spec = sensible;
          for (guint i = 0; i < 2; i++)
            if (spec.ends[i].connector == RIG_CONNECTOR_PHONE)
              spec.ends[i].poles = poles[p];
          spec.conductors = spec_conductors (&spec);
          add_made (candidates, &spec);
        }

      if (has_pair)
        {
          spec = sensible;
          for (guint i = 0; i < 2; i++)
            if (spec.ends[i].connector == RIG_CONNECTOR_RCA)
              spec.ends[i].plugs = 1;
          spec.conductors = spec_conductors (&spec);
          add_made (candidates, &spec);
        }
    }

  if (jack_is_speaker (from) || jack_is_speaker (to))
    {
      rig_cable_spec_init (&spec, RIG_CABLE_KIND_CABLE);
      for (guint i = 0; i < 2; i++)
        spec.ends[i].connector = RIG_CONNECTOR_SPEAKER_TERMINAL;
      spec.conductors = 2;
      spec.gauge_awg = 16;
      add_made (candidates, &spec);
    }

  rig_cable_types_add (candidates, current);
  rig_cable_spec_clear (&sensible);
}

void
rig_cable_types_clear (GArray *candidates)
{
  for (guint i = 0; i < candidates->len; i++)
    rig_cable_spec_clear (&g_array_index (candidates, RigCableSpec, i));
  g_array_set_size (candidates, 0);
}
