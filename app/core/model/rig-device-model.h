/* rig-device-model.h: a device model from the catalog (or embedded in a rig).
 *
 * A RigDeviceModel is an immutable, reference-counted value: the catalog and
 * every document that uses it hold references. Its fields are public for
 * reading; never change them once the model is built.
 */
#pragma once

#include <glib-object.h>

#include "rig-control.h"
#include "rig-jack.h"

G_BEGIN_DECLS

/* Device-level figures. A model gives defaults; a device instance may override
 * each one (RigDevice.overrides). Unset figures are NAN. */
typedef enum
{
  RIG_FIGURE_NOMINAL_IMPEDANCE,  /* Ω: speakers and headphones */
  RIG_FIGURE_POWER_HANDLING,     /* W continuous (RMS): speakers */
  RIG_FIGURE_SENSITIVITY,        /* dB SPL at 1 W / 1 m (speakers) or per mW (headphones) */
  RIG_FIGURE_AMP_POWER,          /* W per channel at each amplifier output's first rating;
                                    overriding it scales all of that output's ratings */
  RIG_FIGURE_POWER_SOURCE,       /* a RigPowerSource, stored as a double */
  RIG_FIGURE_BATTERY,            /* 1 if a charged battery is fitted, 0 if not */
  RIG_FIGURE_EARTHED,            /* 1 if the mains plug is earthed (3-pin), 0 if not */
  RIG_FIGURE_PHANTOM_ON,         /* 1 if the device's phantom-capable inputs have 48 V on */
  RIG_FIGURE_LISTENING_DISTANCE, /* m from this speaker or headphones to its listener; unset:
                                    the rig's listening distance (rig-document.h) */
  RIG_N_FIGURES                  /*< skip >*/
} RigFigure;

const char *
rig_figure_to_nick (RigFigure figure); /* "nominal-impedance", ... */
int
rig_figure_from_nick (const char *nick); /* -1 if unknown */
const char *
rig_figure_to_label (RigFigure figure);
const char *
rig_figure_unit (RigFigure figure); /* "Ω", "W", "dB", "" */

/* Refuses values a user or a file must not set: negative or zero impedances,
 * absurd powers (> 100 kW), a power source that is not a RigPowerSource, a
 * boolean that is not 0 or 1. NAN (unset) is always valid. */
gboolean
rig_figure_validate (RigFigure figure, double value, GError **error);

/* Internal routing: signal, power or ground entering @from_jack leaves by
 * @to_jack (an amplifier's input to its speaker outputs, a splitter's plug to
 * both sockets, a DAC's USB input to its line out). */
typedef struct
{
  char *from_jack;
  char *to_jack;
  /* The gain of this way through the device (issue #11): a fixed gain in dB
   * (NAN: unstated), plus the sum of the settings of the controls it names
   * (NULL: none). A route with neither states no gain: the level trace
   * decides (a passive split passes the level, a DAC's output starts anew). */
  double gain_db;
  char **controls; /* control ids of this model, NULL-terminated, or NULL */
} RigRoute;

typedef struct _RigDeviceModel RigDeviceModel;

struct _RigDeviceModel
{
  /*< private >*/
  gatomicrefcount ref_count;
  GHashTable *jack_index; /* jack id (borrowed) -> index + 1, the first jack of each id */
  guint jacks_allocated;
  guint routes_allocated;
  guint controls_allocated;

  /*< public, read-only >*/
  char *id;          /* unique in a catalog, [a-z0-9-]+ */
  char *name;        /* "Smartphone (3.5 mm headset jack)" */
  char *description; /* one or two sentences, may be NULL */
  char *keywords;    /* extra search words, may be NULL */
  RigCategory category;

  RigJack *jacks;
  guint n_jacks;

  RigRoute *routes;
  guint n_routes;

  RigControl *controls; /* volume, gain and pad controls, in the order they are shown */
  guint n_controls;

  double figures[RIG_N_FIGURES];
  gboolean isolates_ground; /* ground-loop isolator, DI box with ground lift */
};

GType
rig_device_model_get_type (void) G_GNUC_CONST;
#define RIG_TYPE_DEVICE_MODEL (rig_device_model_get_type ())

/* A new model with no jacks and every figure unset; for builders (the XML
 * reader, tests). Fill it in, then rig_device_model_validate() it. */
RigDeviceModel *
rig_device_model_new (const char *id, const char *name, RigCategory category);
RigDeviceModel *
rig_device_model_ref (RigDeviceModel *model);
void
rig_device_model_unref (RigDeviceModel *model);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RigDeviceModel, rig_device_model_unref)

/* Builders: only before the model is shared. The jack is copied; finding a
 * jack by its id costs the same however many jacks the model has. */
RigJack *
rig_device_model_add_jack (RigDeviceModel *model, const RigJack *jack);
void
rig_device_model_add_route (RigDeviceModel *model, const char *from_jack, const char *to_jack);
/* A route with a fixed gain (NAN: unstated) and the controls acting on it
 * (NULL-terminated ids, or NULL); the ids are copied. */
void
rig_device_model_add_route_full (RigDeviceModel *model, const char *from_jack, const char *to_jack,
                                 double gain_db, const char *const *controls);
/* The control is copied. */
void
rig_device_model_add_control (RigDeviceModel *model, const RigControl *control);

/* The index of the control with id @control_id, -1 if none. */
int
rig_device_model_control_index (const RigDeviceModel *model, const char *control_id);
const RigControl *
rig_device_model_find_control (const RigDeviceModel *model, const char *control_id);

const RigJack *
rig_device_model_find_jack (const RigDeviceModel *model, const char *jack_id);
int
rig_device_model_jack_index (const RigDeviceModel *model, const char *jack_id); /* -1 if none */

/* Whether the model routes @from_jack to @to_jack. */
gboolean
rig_device_model_routes (const RigDeviceModel *model, const char *from_jack, const char *to_jack);

/* The id of a jack that route @route names and the model does not have (the
 * from jack first), or NULL when both exist. The one check of routes: the
 * validation below and the XML reader (which reports the <route>'s line) use it. */
const char *
rig_device_model_route_missing_jack (const RigDeviceModel *model, guint route);

/* The model's own consistency: every jack valid, jack ids unique, routes name
 * existing jacks and controls, controls valid with unique ids, figures valid for the category;
 * linear in the number of jacks and routes. Sets RIG_ERROR_INVALID with a sentence naming the model
 * and what is wrong. */
gboolean
rig_device_model_validate (const RigDeviceModel *model, GError **error);

/* What users read of a model, in their language when the catalog's
 * translation has it (rig-catalog-text.h), else the model's own text: for
 * the palette, the inspector, the canvas, the sheets and the diagnostics.
 * Files, ids and the rules' own logic keep the source fields. The
 * description and keywords may be NULL, as the fields may. */
const char *
rig_device_model_get_display_name (const RigDeviceModel *model);
const char *
rig_device_model_get_display_description (const RigDeviceModel *model);
const char *
rig_device_model_get_display_keywords (const RigDeviceModel *model);

/* TRUE when both models have the same controls (volume, gain, pad), in the
 * same order. */
gboolean
rig_device_model_same_controls (const RigDeviceModel *a, const RigDeviceModel *b);

/* TRUE when both models describe the same device (same id and every field). */
gboolean
rig_device_model_equal (const RigDeviceModel *a, const RigDeviceModel *b);

G_END_DECLS
