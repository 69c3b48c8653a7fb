/* rig-device.h: a device instance placed on a rig. Owned by its RigDocument;
 * change it only through edit commands (rig-command.h). */
#pragma once

#include "rig-device-model.h"

G_BEGIN_DECLS

typedef struct
{
  char *id;    /* stable within the document: "d1", "d2", ... */
  char *label; /* "Bookshelf L" */
  RigDeviceModel *model;
  double x, y; /* top-left corner on the canvas, in canvas units (1 unit = 1 px at 100%) */
  double overrides[RIG_N_FIGURES]; /* NAN where the model's figure applies */
  double *settings; /* one per model control, dB; NAN: the control's default; NULL: none */
} RigDevice;

RigDevice *
rig_device_new (const char *id, RigDeviceModel *model, const char *label, double x, double y);
RigDevice *
rig_device_copy (const RigDevice *device);
void
rig_device_free (RigDevice *device);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RigDevice, rig_device_free)

/* The override if set, else the model's figure (NAN if neither). */
double
rig_device_get_figure (const RigDevice *device, RigFigure figure);
RigPowerSource
rig_device_get_power_source (const RigDevice *device);

const RigJack *
rig_device_find_jack (const RigDevice *device, const char *jack_id);

/* Power per channel of an amplifier output jack into @load_ohms, with the
 * device's RIG_FIGURE_AMP_POWER override applied. */
double
rig_device_jack_power_at_load (const RigDevice *device, const RigJack *jack, double load_ohms);

/* The setting of the model's control @index (dB): the device's own, else the
 * control's default. */
double
rig_device_get_control_db (const RigDevice *device, guint index);

/* The gain of @route (one of the device's model's) as the device is set: its
 * fixed gain (0 when unstated) plus its controls' settings, dB; NAN when the
 * route states neither a gain nor a control. */
double
rig_device_route_gain_db (const RigDevice *device, const RigRoute *route);

gboolean
rig_device_equal (const RigDevice *a, const RigDevice *b);

G_END_DECLS
