/* rig-change.h: what one edit command changed in a document.
 *
 * RigDocument::changed carries one RigChange per applied, undone or redone
 * command, so that the validator and the canvas update only what it names.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RIG_CHANGE_DEVICES_ADDED = 1 << 0,
  RIG_CHANGE_DEVICES_REMOVED = 1 << 1,
  RIG_CHANGE_DEVICES_MOVED = 1 << 2,   /* position only: no effect on validation */
  RIG_CHANGE_DEVICES_CHANGED = 1 << 3, /* label or figures */
  RIG_CHANGE_CABLES_ADDED = 1 << 4,
  RIG_CHANGE_CABLES_REMOVED = 1 << 5,
  RIG_CHANGE_CABLES_CHANGED = 1 << 6, /* spec, ends, number */
  RIG_CHANGE_METADATA = 1 << 7,       /* title, author, notes */
  RIG_CHANGE_ALL = 1 << 8,            /* the whole document was replaced (load) */
  RIG_CHANGE_SETTINGS = 1 << 9,       /* a rig setting the rules read (listening distance) */
} RigChangeFlags;

typedef struct
{
  RigChangeFlags flags;
  /* Ids (char *) of the devices added, removed, moved or changed, and of the
   * devices at both ends (before and after) of every cable added, removed or
   * changed. Each id at most once. */
  GPtrArray *devices;
  /* Ids (char *) of the cables added, removed or changed, including the cables
   * removed along with a removed device. Each id at most once. */
  GPtrArray *cables;

  /*< private >*/
  GHashTable *seen; /* "d:ID" and "c:ID" keys, for uniqueness */
} RigChange;

RigChange *
rig_change_new (void);
void
rig_change_free (RigChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RigChange, rig_change_free)

void
rig_change_add_device (RigChange *change, RigChangeFlags flag, const char *device_id);
void
rig_change_add_cable (RigChange *change, RigChangeFlags flag, const char *cable_id);
gboolean
rig_change_has_device (const RigChange *change, const char *device_id);
gboolean
rig_change_has_cable (const RigChange *change, const char *cable_id);
/* Adds everything @other names into @change. */
void
rig_change_merge (RigChange *change, const RigChange *other);

G_END_DECLS
