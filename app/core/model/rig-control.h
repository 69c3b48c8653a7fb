/* rig-control.h: a control on a device model that sets the gain of a path
 * through it: a volume knob, a preamp's gain, a pad switch (physics.md §4.1;
 * issue #11). A control's setting is in dB; a model gives its range and the
 * setting a new device starts at, and each device instance keeps its own
 * setting (RigDevice.settings). Routes name the controls that act on them
 * (RigRoute.controls), so a mixer's channel gain and its master volume both
 * act on the mic input's way to the main out. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RIG_CONTROL_VOLUME, /* a volume or level knob: at most 0 dB, usually down to −∞ (min) */
  RIG_CONTROL_GAIN,   /* a preamp's gain: adds dB to a weak signal */
  RIG_CONTROL_PAD,    /* a switch: either its max (off, 0 dB) or its min (engaged, e.g. −20 dB) */
  RIG_N_CONTROL_KINDS /*< skip >*/
} RigControlKind;

/* The widest range a control may have, dB. */
#define RIG_CONTROL_MIN_DB (-120.0)
#define RIG_CONTROL_MAX_DB (120.0)

typedef struct
{
  char *id;   /* unique within the model, [a-z0-9-]+ */
  char *name; /* "Master volume", "Gain 1" */
  RigControlKind kind;
  double min_db;     /* the lowest setting */
  double max_db;     /* the highest setting */
  double default_db; /* the setting of a new device; min ≤ default ≤ max */
} RigControl;

const char *
rig_control_kind_to_nick (RigControlKind kind); /* "volume", "gain", "pad" */
int
rig_control_kind_from_nick (const char *nick); /* -1 if unknown */

void
rig_control_copy (RigControl *dest, const RigControl *src);
void
rig_control_clear (RigControl *control);
gboolean
rig_control_equal (const RigControl *a, const RigControl *b);

/* The control's name as users read it (translated like jack names), else its id. */
const char *
rig_control_get_display_name (const RigControl *control);

/* Whether @setting_db is a setting the control can take: within its range,
 * and for a pad one of its two ends. NAN (the default) is always valid. */
gboolean
rig_control_accepts (const RigControl *control, double setting_db);

/* The control's own consistency: an id, a known kind, min ≤ default ≤ max
 * within ±120 dB. Sets RIG_ERROR_INVALID with a sentence naming it. */
gboolean
rig_control_validate (const RigControl *control, GError **error);

G_END_DECLS
