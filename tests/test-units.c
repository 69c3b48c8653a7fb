/* test-units.c: figures with their units read one way everywhere
 * (rig-units.h), against hand-written expectations. */
#include "config.h"

#include <math.h>

#include "rig-units.h"

typedef char *(*Format) (double value);

static void
assert_formats (Format format, double value, const char *expected)
{
  g_autofree char *text = format (value);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_ohms (void)
{
  assert_formats (rig_units_ohms, 8, "8 Ω");
  assert_formats (rig_units_ohms, 0.13, "0.13 Ω"); /* wire: no milliohms */
  assert_formats (rig_units_ohms, 22000, "22 kΩ");
  assert_formats (rig_units_ohms, 47000, "47 kΩ");
  assert_formats (rig_units_ohms, 1e6, "1 MΩ"); /* not "1000 kΩ", not "1e+06 Ω" */
  assert_formats (rig_units_ohms, 470000, "470 kΩ");
  assert_formats (rig_units_ohms, 999.96, "1 kΩ"); /* rounded before the prefix */
  assert_formats (rig_units_ohms, NAN, "? Ω");
}

static void
test_volts_and_watts (void)
{
  assert_formats (rig_units_volts, 0.316, "0.32 V"); /* −10 dBV, not "316 mV" */
  assert_formats (rig_units_volts, 1.228, "1.23 V");
  assert_formats (rig_units_volts, 0.005, "5 mV");
  assert_formats (rig_units_volts, 28.3, "28.3 V");
  assert_formats (rig_units_watts, 0.031, "31 mW");
  assert_formats (rig_units_watts, 0.5, "500 mW");
  assert_formats (rig_units_watts, 36, "36 W");
  assert_formats (rig_units_watts, 3680, "3.68 kW");
}

static void
test_numbers_and_others (void)
{
  g_autofree char *supply = rig_units_supply (12, 36);
  g_autofree char *draw = rig_units_supply (NAN, 10);
  g_autofree char *rms = rig_units_format (2, "V RMS");
  g_autofree char *db = rig_units_format (97.8, "dB");
  g_autofree char *plain = rig_units_format (2.5, "");

  assert_formats (rig_units_number, 12.6, "12.6");
  assert_formats (rig_units_number, 100, "100");
  assert_formats (rig_units_number, 0.0047, "0.0047");
  assert_formats (rig_units_number, INFINITY, "∞");
  assert_formats (rig_units_db, -6.02, "-6");
  assert_formats (rig_units_db, 1.26, "1.3");
  assert_formats (rig_units_metres, 1.5, "1.5 m");
  g_assert_cmpstr (supply, ==, "12 V, 36 W");
  g_assert_cmpstr (draw, ==, "10 W");
  g_assert_cmpstr (rms, ==, "2 V RMS");
  g_assert_cmpstr (db, ==, "97.8 dB");
  g_assert_cmpstr (plain, ==, "2.5");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/units/ohms", test_ohms);
  g_test_add_func ("/units/volts-and-watts", test_volts_and_watts);
  g_test_add_func ("/units/numbers-and-others", test_numbers_and_others);
  return g_test_run ();
}
