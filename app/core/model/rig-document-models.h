/* rig-document-models.h: the device models a document uses, counted.
 *
 * Between rig-document.c and rig-document-models.c only. The document keeps
 * a table of model id -> the model and how many devices and adapters use it,
 * so that it can say which model an id names and keep the rule that two
 * different models never share an id in one document.
 */
#pragma once

#include "rig-cable.h"
#include "rig-document.h"

G_BEGIN_DECLS

GHashTable *
_rig_model_uses_new (void);
void
_rig_model_uses_add (GHashTable *uses, RigDeviceModel *model);
void
_rig_model_uses_remove (GHashTable *uses, RigDeviceModel *model);
void
_rig_model_uses_add_spec (GHashTable *uses, const RigCableSpec *spec);
void
_rig_model_uses_remove_spec (GHashTable *uses, const RigCableSpec *spec);
RigDeviceModel *
_rig_model_uses_find (GHashTable *uses, const char *id);

G_END_DECLS
