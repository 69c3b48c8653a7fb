/* test-trace.c: the level trace (physics.md §9) against hand-computed
 * numbers: dBu and dBV, a cable's divider and an input's headroom, an
 * amplifier's gain from its sensitivity and volume. The verdicts are in
 * test-verdicts-levels.c, the format in test-format-levels.c. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-levels.h"
#include "rig-rule.h"
#include "rig-test-models.h"
#include "rig-trace.h"

static void
test_trace_db_conversions (void)
{
  static const struct
  {
    double volts, dbv, dbu;
  } table[] = {
    { 1.0, 0.0, 2.2 },     { 0.316, -10.0, -7.8 }, { 1.228, 1.8, 4.0 },
    { 0.7746, -2.2, 0.0 }, { 2.0, 6.0, 8.2 },      { 12.28, 21.8, 24.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_assert_cmpfloat_with_epsilon (rig_level_dbv (table[i].volts), table[i].dbv, 0.05);
      g_assert_cmpfloat_with_epsilon (rig_level_dbu (table[i].volts), table[i].dbu, 0.05);
    }
}

/* A source of @max V peak through @zout Ω into a recorder's consumer line
 * input of 10 kΩ that clips at 2 V. */
static char *
source_into_recorder (const char *max, const char *nominal)
{
  return g_strdup_printf (
      "<models>"
      "<model id=\"t-src\" name=\"Source\" category=\"source\" power=\"battery\">"
      "<jack id=\"out\" name=\"Out\" connector=\"rca\" gender=\"socket\" direction=\"out\" "
      "signal=\"line-consumer\" output-impedance=\"10\" max-output-voltage=\"%s\" "
      "nominal-level=\"%s\"/></model>"
      "<model id=\"t-rec\" name=\"Recorder\" category=\"interface\" power=\"battery\">"
      "<jack id=\"in\" name=\"In\" connector=\"rca\" gender=\"socket\" direction=\"in\" "
      "signal=\"line-consumer\" input-impedance=\"10000\" clip-level=\"2\"/></model>"
      "</models><devices>"
      "<device id=\"d1\" model=\"t-src\" label=\"Player\" x=\"0\" y=\"0\"/>"
      "<device id=\"d2\" model=\"t-rec\" label=\"Recorder\" x=\"300\" y=\"0\"/>"
      "</devices><cables>" RIG_XML_PLUGS ("c1", "d1", "out", "rca", "d2", "in", "rca") "</cables>",
      max, nominal);
}

static void
test_trace_cable_divider_and_headroom (void)
{
  g_autofree char *body = source_into_recorder ("7", "0.7");
  g_autoptr (RigDocument) doc = rig_test_load_rig (body);
  g_autoptr (RigTrace) trace = rig_trace_compute (doc);
  const RigTracePath *path;
  double loss = 20 * log10 (10000.0 / 10010.0); /* −0.0087 dB */

  g_assert_cmpuint (trace->n_paths, ==, 1);
  path = trace->paths[0];
  g_assert_cmpstr (path->source_device_id, ==, "d1");
  g_assert_cmpstr (path->listener_device_id, ==, "d2");
  g_assert_cmpuint (path->n_stages, ==, 2);
  g_assert_false (path->stages[0].is_input);
  g_assert_cmpfloat_with_epsilon (path->stages[0].peak_v, 7.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (path->stages[0].nominal_v, 0.7, 1e-9);
  g_assert_true (path->stages[1].is_input);
  g_assert_cmpstr (path->stages[1].cable_id, ==, "c1");
  g_assert_cmpfloat_with_epsilon (path->stages[1].gain_db, loss, 1e-6);
  g_assert_cmpfloat_with_epsilon (path->stages[1].peak_v, 7.0 * 10000 / 10010, 1e-6);
  /* 20·log10(2 / 6.993) = −10.87 dB: it clips. */
  g_assert_cmpfloat_with_epsilon (path->stages[1].headroom_db, -10.874, 0.01);
  g_assert_cmpuint (path->stages[1].assumed & RIG_TRACE_ASSUMED_CLIP, ==, 0);
}

static const char amp_rig[]
    = "<models>"
      "<model id=\"t-src\" name=\"Source\" category=\"source\" power=\"battery\">"
      "<jack id=\"out\" name=\"Out\" connector=\"rca\" gender=\"socket\" direction=\"out\" "
      "signal=\"line-consumer\" max-output-voltage=\"1\" nominal-level=\"0.5\"/></model>"
      "<model id=\"t-amp\" name=\"Amp\" category=\"amplifier\" power=\"battery\">"
      "<jack id=\"in\" name=\"In\" connector=\"rca\" gender=\"socket\" direction=\"in\" "
      "signal=\"line-consumer\" input-sensitivity=\"0.5\" clip-level=\"4\"/>"
      "<jack id=\"spk\" name=\"Speaker out\" connector=\"speaker-terminal\" gender=\"socket\" "
      "direction=\"out\" signal=\"speaker\" min-load=\"4\"><rating load=\"8\" power=\"50\"/></jack>"
      "<control id=\"volume\" name=\"Volume\" kind=\"volume\" min=\"-80\" max=\"0\" "
      "default=\"-10\"/>"
      "<route from=\"in\" to=\"spk\" controls=\"volume\"/></model>"
      "<model id=\"t-spk\" name=\"Speaker\" category=\"passive-speaker\" power=\"none\">"
      "<figures nominal-impedance=\"8\" sensitivity=\"87\"/>"
      "<jack id=\"in\" name=\"In\" connector=\"speaker-terminal\" gender=\"socket\" "
      "direction=\"in\" signal=\"speaker\"/></model>"
      "</models><devices>"
      "<device id=\"d1\" model=\"t-src\" label=\"Player\" x=\"0\" y=\"0\"/>"
      "<device id=\"d2\" model=\"t-amp\" label=\"Amp\" x=\"300\" y=\"0\">"
      "<setting control=\"volume\" value=\"-6\"/></device>"
      "<device id=\"d3\" model=\"t-spk\" label=\"Speaker\" x=\"600\" y=\"0\"/>"
      "</devices><cables>" RIG_XML_PLUGS ("c1", "d1", "out", "rca", "d2", "in", "rca")
          RIG_XML_PLUGS ("c2", "d2", "spk", "speaker-terminal", "d3", "in",
                         "speaker-terminal") "</cables>";

static void
test_trace_amplifier_gain_from_sensitivity (void)
{
  g_autoptr (RigDocument) doc = rig_test_load_rig (amp_rig);
  g_autoptr (RigTrace) trace = rig_trace_compute (doc);
  g_autoptr (RigTrace) through = rig_trace_compute_through (doc, "c1");
  g_autoptr (RigTrace) none = rig_trace_compute_through (doc, "nothing");
  const RigTraceStage *out;
  double gain = 20 * log10 (20.0 / 0.5) - 6; /* sqrt(50·8) = 20 V for 0.5 V in: 32.0 dB, −6 */

  g_assert_cmpuint (trace->n_paths, ==, 1);
  g_assert_cmpuint (through->n_paths, ==, 1);
  g_assert_cmpuint (none->n_paths, ==, 0);
  g_assert_cmpuint (trace->paths[0]->n_stages, ==, 4);
  out = &trace->paths[0]->stages[2];
  g_assert_cmpstr (out->jack_id, ==, "spk");
  g_assert_cmpfloat_with_epsilon (out->gain_db, gain, 1e-6);
  g_assert_cmpfloat_with_epsilon (out->nominal_v, 0.5 * pow (10, gain / 20), 1e-6);
  g_assert_cmpfloat_with_epsilon (out->clip_v, 20.0, 1e-9);
  /* Peaks of 1 V × 20.0 = 20.0 V: exactly the rated swing. */
  /* 10.0 V into 8 Ω (12.6 W), 87 dB at 2.5 m (assumed): 87 + 11.0 − 8.0 dB SPL. */
  g_assert_cmpfloat_with_epsilon (
      trace->paths[0]->spl_nominal_db,
      87 + 10 * log10 (pow (0.5 * pow (10, gain / 20), 2) / 8) - 20 * log10 (2.5), 1e-6);
  g_assert_cmpfloat_with_epsilon (out->headroom_db, 20 * log10 (20.0 / (1.0 * pow (10, gain / 20))),
                                  1e-6);
}

/* A digital link carries no voltage to speak of: the input it reaches has no
 * level (NAN), not the sending output's limit, and the DAC after it starts
 * from its own line out. */
static void
test_trace_digital_link_has_no_level (void)
{
  g_autoptr (RigDocument) doc = rig_test_load_rig (
      "<models>"
      "<model id=\"t-tv\" name=\"TV\" category=\"source\" power=\"battery\">"
      "<jack id=\"opt\" name=\"Optical out\" connector=\"toslink\" gender=\"socket\" "
      "direction=\"out\" signal=\"spdif\"/></model>"
      "<model id=\"t-dac\" name=\"DAC\" category=\"interface\" power=\"battery\">"
      "<jack id=\"opt\" name=\"Optical in\" connector=\"toslink\" gender=\"socket\" "
      "direction=\"in\" signal=\"spdif\"/>"
      "<jack id=\"out\" name=\"Line out\" connector=\"rca\" gender=\"socket\" direction=\"out\" "
      "signal=\"line-consumer\" nominal-level=\"0.316\" max-output-voltage=\"2\"/>"
      "<route from=\"opt\" to=\"out\"/></model>"
      "<model id=\"t-rec\" name=\"Recorder\" category=\"interface\" power=\"battery\">"
      "<jack id=\"in\" name=\"In\" connector=\"rca\" gender=\"socket\" direction=\"in\" "
      "signal=\"line-consumer\" input-impedance=\"10000\" clip-level=\"2\"/></model>"
      "</models><devices>"
      "<device id=\"d1\" model=\"t-tv\" label=\"TV\" x=\"0\" y=\"0\"/>"
      "<device id=\"d2\" model=\"t-dac\" label=\"DAC\" x=\"300\" y=\"0\"/>"
      "<device id=\"d3\" model=\"t-rec\" label=\"Recorder\" x=\"600\" y=\"0\"/>"
      "</devices><cables>" RIG_XML_PLUGS ("c1", "d1", "opt", "toslink", "d2", "opt", "toslink")
          RIG_XML_PLUGS ("c2", "d2", "out", "rca", "d3", "in", "rca") "</cables>");
  g_autoptr (RigTrace) trace = rig_trace_compute (doc);
  const RigTracePath *path;

  g_assert_cmpuint (trace->n_paths, ==, 1);
  path = trace->paths[0];
  g_assert_cmpuint (path->n_stages, ==, 4);
  g_assert_true (path->stages[1].is_input);
  g_assert_true (isnan (path->stages[1].nominal_v));
  g_assert_true (isnan (path->stages[1].peak_v));
  g_assert_cmpfloat_with_epsilon (path->stages[2].nominal_v, 0.316, 1e-9);
  g_assert_true (isfinite (path->stages[3].nominal_v));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/trace/db-conversions", test_trace_db_conversions);
  g_test_add_func ("/trace/digital-link-has-no-level", test_trace_digital_link_has_no_level);
  g_test_add_func ("/trace/cable-divider-and-headroom", test_trace_cable_divider_and_headroom);
  g_test_add_func ("/trace/amplifier-gain-from-sensitivity",
                   test_trace_amplifier_gain_from_sensitivity);
  return g_test_run ();
}
