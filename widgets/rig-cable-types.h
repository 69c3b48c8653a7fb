/* rig-cable-types.h: the cable types the inspector offers for a cable.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rig-cable.h"
#include "rig-jack.h"

G_BEGIN_DECLS

/* The same kind of cable, whatever its length, gauge and adapters. */
gboolean
rig_cable_types_same (const RigCableSpec *a, const RigCableSpec *b);

/* "3.5 mm TRS to 2 × RCA": the type alone. */
char *
rig_cable_types_describe (const RigCableSpec *spec);

/* Appends a copy of @spec to @candidates (RigCableSpec) unless it has the
 * same type already. */
void
rig_cable_types_add (GArray *candidates, const RigCableSpec *spec);

/* The cables a student may pick for these jacks: the one that fits first,
 * then plausible wrong ones: a direct plug-in, 2-, 3- and 4-conductor phone
 * plugs, a single RCA plug for a pair, speaker wire. The cable's own type
 * (@current) is always among them. */
void
rig_cable_types_build (GArray *candidates, const RigCableSpec *current, const RigJack *from,
                       const RigJack *to);

/* Clears every spec of @candidates and empties it. */
void
rig_cable_types_clear (GArray *candidates);

G_END_DECLS
