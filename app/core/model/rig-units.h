/* rig-units.h: figures with their units, written one way everywhere.
 *
 * Tooltips, the inspector, the sheet and the rules' texts all write a figure
 * through these, so 22000 Ω reads "22 kΩ" and 1000000 Ω "1 MΩ" wherever a
 * user meets it. Numbers keep two or three significant digits ("12.6",
 * "0.32", "1"), with the SI prefix that keeps them between 1 and 1000. A
 * figure that is not set (NAN) reads "?".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *
rig_units_number (double value); /* "12.6", "0.32", "1", "∞" */
char *
rig_units_ohms (double ohms); /* "8 Ω", "47 kΩ", "1 MΩ" */
char *
rig_units_volts (double volts); /* "12.6 V", "10 mV" */
char *
rig_units_watts (double watts); /* "20 W", "500 mW", "1.2 kW" */
char *
rig_units_db (double db); /* "3.5" (one decimal, no unit: "dB", "dB SPL" follow) */
char *
rig_units_metres (double metres); /* "3 m", "1.5 m" */

/* A supply or a draw: "12 V, 36 W", "5 V", "10 W" (unset figures left out;
 * "?" when both are). */
char *
rig_units_supply (double volts, double watts);

/* @value in @unit by its symbol: "Ω", "V", "W" and "V RMS" take prefixes,
 * anything else ("dB", "m", "") is written after the plain number. */
char *
rig_units_format (double value, const char *unit);

G_END_DECLS
