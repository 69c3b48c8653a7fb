/* rig-document-rules.h: what a document may hold.
 *
 * One rule, used by the file loader (io/rig-format.c) and by every edit
 * command (edit/), so that the editor can never make a document that the
 * loader refuses:
 * - a position is a finite number within ±RIG_POSITION_LIMIT canvas units;
 * - a jack that takes one plug holds at most one cable (speaker terminals
 *   take several wires: physics.md §2.4);
 * - a cable joins two different jacks of devices in the document, with at
 *   most RIG_CABLE_MAX_ADAPTERS adapters;
 * - two different device models never share an id (rig_document_resolve_model()).
 */
#pragma once

#include "rig-document.h"

G_BEGIN_DECLS

/* Canvas units (1 unit is a pixel at 100 %): ten million each way, room for
 * any rig, and small enough that geometry stays exact and fast. */
#define RIG_POSITION_LIMIT 10000000.0

/* Adapters on one cable: no real cable has more than a few, and checking a
 * file's adapters takes time in the square of their number. */
#define RIG_CABLE_MAX_ADAPTERS 64

gboolean
rig_position_is_valid (double x, double y);
/* Sets @error (RIG_ERROR_INVALID) unless (@x, @y) is a valid position. */
gboolean
rig_position_check (double x, double y, GError **error);

/* Whether @jack takes several cables: speaker terminals (binding posts and
 * spring clips hold several wires, for a second speaker or bi-wiring). Every
 * other jack takes one plug, and a Bluetooth jack one link. */
gboolean
rig_jack_takes_several_cables (const RigJack *jack);

/* The cable, other than @ignore_cable_id (may be NULL), that occupies the
 * jack @jack_id of device @device_id, or NULL when a cable may end there
 * (the jack is free or takes several cables). */
RigCable *
rig_document_jack_occupant (RigDocument *self, const char *device_id, const char *jack_id,
                            const char *ignore_cable_id);

/* Sets @error (RIG_ERROR_OCCUPIED) unless a cable (@cable_id, NULL for a new
 * one) may end at that jack, in words a user understands. */
gboolean
rig_document_check_jack_free (RigDocument *self, const char *device_id, const char *jack_id,
                              const char *cable_id, GError **error);

/* Sets @error (RIG_ERROR_TOO_LARGE) when @spec has more adapters than a
 * cable may have. */
gboolean
rig_cable_spec_check_adapters (const RigCableSpec *spec, GError **error);

G_END_DECLS
