/* rig-tidy.h: where Tidy Up puts each card: the rig laid out by signal flow.
 *
 * Sources on the left, listeners on the right, in layers: each device one
 * layer right of the furthest device that feeds it (longest path from the
 * sources, signal cycles broken where found). In a layer, cards keep the
 * order of the devices that feed them (the mean of their places, one sweep
 * left to right) and stand one under the other. Power gear (outlets, power
 * strips, supplies) forms a row under the rest, and power cables do not
 * shape the layers. The rig keeps its top left corner, and positions fall
 * on the 20-unit grid.
 */
#pragma once

#include "rig-layout.h"

G_BEGIN_DECLS

/* The new top left corner of every device's card: device id (borrowed from
 * the document) -> RigPoint * (owned by the table). Empty for an empty rig. */
GHashTable *
rig_tidy_positions (RigLayout *layout);

G_END_DECLS
