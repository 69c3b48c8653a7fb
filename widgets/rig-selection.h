/* rig-selection.h: what is selected in an editor window: devices and cables,
 * by id. Shared by the canvas, the inspector and the problems list; emits
 * "changed" once per change. Ids that stop existing (the objects were deleted)
 * are dropped with rig_selection_prune(). */
#pragma once

#include <glib-object.h>

#include "rig-document.h"

G_BEGIN_DECLS

#define RIG_TYPE_SELECTION (rig_selection_get_type ())
G_DECLARE_FINAL_TYPE (RigSelection, rig_selection, RIG, SELECTION, GObject)

RigSelection *
rig_selection_new (void);

gboolean
rig_selection_is_empty (RigSelection *self);
guint
rig_selection_get_n_devices (RigSelection *self);
guint
rig_selection_get_n_cables (RigSelection *self);

gboolean
rig_selection_has_device (RigSelection *self, const char *device_id);
gboolean
rig_selection_has_cable (RigSelection *self, const char *cable_id);

/* NULL-terminated, in the order selected; free with g_strfreev(). */
char **
rig_selection_get_devices (RigSelection *self);
char **
rig_selection_get_cables (RigSelection *self);

/* The only selected device or cable, or NULL when there are none or several
 * (the inspector shows one object). */
const char *
rig_selection_get_single_device (RigSelection *self);
const char *
rig_selection_get_single_cable (RigSelection *self);

void
rig_selection_clear (RigSelection *self);
/* Replaces the selection with these ids (either may be NULL). */
void
rig_selection_set (RigSelection *self, const char *const *device_ids, const char *const *cable_ids);
void
rig_selection_add_device (RigSelection *self, const char *device_id);
void
rig_selection_add_cable (RigSelection *self, const char *cable_id);
/* Adds if absent, removes if present (Ctrl-click). */
void
rig_selection_toggle_device (RigSelection *self, const char *device_id);
void
rig_selection_toggle_cable (RigSelection *self, const char *cable_id);

/* Drops ids @document no longer has. */
void
rig_selection_prune (RigSelection *self, RigDocument *document);

G_END_DECLS
