/* rig-levels.c: the level table of the signal classes (physics.md §1,
 * §4.1). */
#include "config.h"

#include <math.h>

#include "rig-jack.h"
#include "rig-levels.h"

typedef struct
{
  double nominal; /* V RMS */
  double peak;    /* V RMS, NAN when the class has no typical peak */
} Level;

static Level
level_of (RigSignal signal)
{
  switch (signal)
    {
      case RIG_SIGNAL_MIC:
        return (Level){ 0.005, NAN }; /* 1-10 mV */
      case RIG_SIGNAL_PHONO:
        return (Level){ 0.005, NAN }; /* MM, about 5 mV at 1 kHz */
      case RIG_SIGNAL_INSTRUMENT:
        return (Level){ 0.3, 1.0 }; /* 0.1-1 V */
      case RIG_SIGNAL_LINE_CONSUMER:
        return (Level){ 0.316, 2.0 }; /* -10 dBV, peaks to 2 V (CD/DAC full scale) */
      case RIG_SIGNAL_LINE_PRO:
        return (Level){ 1.228, 12.28 }; /* +4 dBu, peaks to +24 dBu */
      case RIG_SIGNAL_HEADPHONE:
        return (Level){ 1.0, 2.0 }; /* phones 0.1-2 V */
      case RIG_SIGNAL_SPEAKER:
        return (Level){ 20.0, NAN }; /* 3-30 V and more */
      case RIG_SIGNAL_SPDIF:
      case RIG_SIGNAL_USB_AUDIO:
      case RIG_SIGNAL_BLUETOOTH:
      case RIG_SIGNAL_POWER:
      case RIG_N_SIGNALS:
      default:
        return (Level){ NAN, NAN };
    }
}

double
rig_level_nominal_volts (RigSignal signal)
{
  return level_of (signal).nominal;
}

double
rig_level_peak_volts (RigSignal signal)
{
  return level_of (signal).peak;
}

double
rig_level_source_peak (const RigJack *jack, RigSignal signal, gboolean *assumed)
{
  double peak = level_of (signal).peak;

  *assumed = FALSE;
  if (rig_figure_is_set (jack->max_output_voltage) && jack->max_output_voltage > 0)
    return jack->max_output_voltage;
  *assumed = TRUE;
  return isnan (peak) ? level_of (signal).nominal : peak;
}

double
rig_level_programme_nominal (RigSignal signal, double peak)
{
  double nominal
      = level_of (signal == RIG_SIGNAL_HEADPHONE ? RIG_SIGNAL_LINE_CONSUMER : signal).nominal;

  if (rig_figure_is_set (peak) && peak > 0)
    nominal = MIN (nominal, peak * pow (10, -10.0 / 20));
  return nominal;
}

double
rig_level_mic_input_clip (const RigJack *jack)
{
  if (jack->connector == RIG_CONNECTOR_XLR3 || jack->wiring == RIG_WIRING_BALANCED
      || jack->phantom != RIG_SUPPLY_NONE)
    return 0.7746 * pow (10, 10.0 / 20); /* +10 dBu */
  return 0.1;                            /* -20 dBV */
}

double
rig_level_dbu (double volts)
{
  return 20 * log10 (volts / 0.7746);
}

double
rig_level_dbv (double volts)
{
  return 20 * log10 (volts);
}

double
rig_level_input_clip (const RigJack *jack, gboolean *assumed)
{
  *assumed = FALSE;
  if (rig_figure_is_set (jack->clip_level) && jack->clip_level > 0)
    return jack->clip_level;
  *assumed = TRUE;
  switch (jack->signal)
    {
      case RIG_SIGNAL_MIC:
        return rig_level_mic_input_clip (jack);
      case RIG_SIGNAL_LINE_CONSUMER:
        return 2.0; /* many consumer inputs clip near 2 V */
      case RIG_SIGNAL_LINE_PRO:
        return 0.7746 * pow (10, 24.0 / 20); /* +24 dBu */
      case RIG_SIGNAL_INSTRUMENT:
        return 0.7746 * pow (10, 10.0 / 20); /* +10 dBu, a Hi-Z preamp at its lowest gain */
      default:
        *assumed = FALSE;
        return NAN;
    }
}

double
rig_level_input_nominal (const RigJack *jack, gboolean *assumed)
{
  *assumed = FALSE;
  if (rig_figure_is_set (jack->nominal_level) && jack->nominal_level > 0)
    return jack->nominal_level;
  if (jack->signal != RIG_SIGNAL_LINE_CONSUMER && jack->signal != RIG_SIGNAL_LINE_PRO)
    return NAN;
  *assumed = TRUE;
  return level_of (jack->signal).nominal;
}

double
rig_level_amp_sensitivity (const RigJack *jack, gboolean *assumed)
{
  *assumed = FALSE;
  if (rig_figure_is_set (jack->input_sensitivity) && jack->input_sensitivity > 0)
    return jack->input_sensitivity;
  *assumed = TRUE;
  if (jack->signal == RIG_SIGNAL_LINE_PRO || jack->wiring == RIG_WIRING_BALANCED)
    return level_of (RIG_SIGNAL_LINE_PRO).nominal;
  return 0.5; /* consumer hi-fi power amps: 0.2-1 V for full power */
}
