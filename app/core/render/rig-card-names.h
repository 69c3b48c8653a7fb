/* rig-card-names.h: the jack names of each model's cards, as the painter
 * draws them.
 *
 * A port's name goes in its row beside the connector's short name (inputs on
 * the left, outputs on the right), or above it in the bottom band of power
 * jacks. The names of one card are fitted to those rooms together
 * (rig-jack-name-fit.h), once per model: a fit is in canvas units, the same
 * at every zoom and on every surface (screen, PNG, SVG, PDF, print).
 *
 * GTK-free.
 */
#pragma once

#include "rig-jack-name-fit.h"
#include "rig-layout.h"

G_BEGIN_DECLS

typedef struct _RigCardNames RigCardNames;

/* Names measured in @texts (not owned; it must outlive the result): row
 * names in @row_font, bottom band names in @band_font, connectors' short
 * names in @connector_font. */
RigCardNames *
rig_card_names_new (RigTextCache *texts, guint row_font, guint band_font, guint connector_font);
void
rig_card_names_free (RigCardNames *self);

/* The fitted names of the jacks of a card of @model whose shape is @shape:
 * model->n_jacks fits, owned by @self (the model is kept while it lives). */
const RigJackNameFit *
rig_card_names_get (RigCardNames *self, RigDeviceModel *model, const RigCardShape *shape);

/* Where the name of @jack (its port @ps) goes: @room, relative to the card;
 * and the layout of its connector's short name, @connector. */
void
rig_card_names_room (RigCardNames *self, const RigJack *jack, const RigPortShape *ps, RigRect *room,
                     PangoLayout **connector);

G_END_DECLS
