/* rig-jack.h: the specification of one jack on a device model.
 *
 * A RigJack is a plain value owned by its RigDeviceModel; it is immutable once
 * the model is loaded. Electrical figures that a jack does not have are NAN
 * (use rig_figure_is_set()).
 */
#pragma once

#include <glib.h>
#include <math.h>

#include "rig-types.h"

G_BEGIN_DECLS

#define RIG_MAX_POWER_RATINGS 4

/* Continuous (RMS) power per channel into a given load. */
typedef struct
{
  double load_ohms;
  double watts;
} RigPowerRating;

typedef struct
{
  char *id;   /* unique within the model, [a-z0-9-]+ */
  char *name; /* human readable, e.g. "Headphone out" */

  RigConnector connector;
  RigPhoneSize size; /* phone connectors only */
  RigPoles poles;    /* phone connectors only */
  RigWiring wiring;  /* phone connectors only */
  RigGender gender;
  RigDirection direction;
  RigSignal signal;
  guint channels; /* 1 mono, 2 stereo, 6 for 5.1 over S/PDIF ... */

  double output_impedance;   /* Ω, outputs */
  double input_impedance;    /* Ω, inputs */
  double max_output_voltage; /* V RMS, outputs */

  /* Levels (physics.md §4.1; issue #11), all V RMS, NAN when the catalog does
   * not say (the trace then takes the signal class's default and says so). */
  double nominal_level;     /* an output's nominal level; an input's design (nominal) level */
  double clip_level;        /* inputs: the level at which the input clips (gain at its lowest) */
  double input_sensitivity; /* amplifier inputs: the input level that drives the rated power */
  double noise_level;       /* outputs: the noise floor at the output, unweighted */

  /* Amplifier outputs (speaker or headphone): power per channel at rated loads. */
  RigPowerRating ratings[RIG_MAX_POWER_RATINGS];
  guint n_ratings;
  double min_load; /* Ω, the lowest load the output accepts */

  RigSupply phantom;      /* P48 on XLR mic inputs / condenser mics */
  RigSupply plugin_power; /* 2-5 V on 3.5 mm mic inputs / electret mics */

  double power_supplied_v; /* a jack that supplies power: USB port, DC out, outlet */
  double power_supplied_w;
  double power_required_v; /* a jack that needs power: USB inlet, DC inlet */
  double power_required_w;

  /* XLR only (physics.md §2.3): NONE when the file does not say; see
   * rig_jack_pins(). */
  RigPins pins;
} RigJack;

static inline gboolean
rig_figure_is_set (double value)
{
  return !isnan (value);
}

/* A jack with every figure unset (NAN) and counts zero. */
void
rig_jack_init (RigJack *jack);
void
rig_jack_clear (RigJack *jack);
void
rig_jack_copy (RigJack *dest, const RigJack *src);

gboolean
rig_jack_is_phone (const RigJack *jack);
gboolean
rig_jack_is_output (const RigJack *jack); /* OUT or BOTH */
gboolean
rig_jack_is_input (const RigJack *jack); /* IN or BOTH */
gboolean
rig_jack_supplies_power (const RigJack *jack);
gboolean
rig_jack_requires_power (const RigJack *jack);

/* The pin gender of an XLR jack (physics.md §2.3): as stated, else from its
 * direction: an output has male pins, an input female contacts; a jack that
 * is both (an adapter's) is female as a socket, male as a plug. NONE for a
 * connector without pin gender. */
RigPins
rig_jack_pins (const RigJack *jack);

/* Power per channel into @load_ohms, scaled at constant voltage (P ∝ 1/Z) from
 * the rating whose load is nearest; NAN for a jack with no ratings. */
double
rig_jack_power_at_load (const RigJack *jack, double load_ohms);

/* A short description of the connector for glyphs and schedules:
 * "3.5 mm TRRS (CTIA)", "RCA", "XLR", "USB-C". Free with g_free(). */
char *
rig_jack_describe_connector (const RigJack *jack);

/* The jack's name as users read it: translated when the catalog's translation
 * has it (rig-catalog-text.h), else the name itself; the id when the jack has
 * no name. Files keep jack->name. Never NULL for a valid jack. */
const char *
rig_jack_get_display_name (const RigJack *jack);

/* Checks the jack's own consistency (phone jacks have size, poles and a wiring
 * that fits the poles; non-phone jacks have none; amplifier ratings positive...).
 * On failure sets @error (RIG_ERROR_INVALID) with a sentence naming the jack. */
gboolean
rig_jack_validate (const RigJack *jack, GError **error);

G_END_DECLS
