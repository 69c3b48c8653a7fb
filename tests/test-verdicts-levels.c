/* test-verdicts-levels.c: signal.clipping and signal.level-mismatch
 * (physics.md §9), each case a rig where the rule fires, with its dB numbers,
 * and a near miss where it does not. Models are written in the rigs
 * themselves so that every figure is in view. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-rule.h"
#include "rig-test-models.h"

/* A source of @peak V (and @nominal V) on RCA, with nothing else said. */
#define SOURCE_MODEL(peak, nominal, signal)                                                        \
  "<model id=\"t-src\" name=\"Source\" category=\"source\" power=\"battery\">"                     \
  "<jack id=\"out\" name=\"Out\" connector=\"rca\" gender=\"socket\" direction=\"out\" "           \
  "signal=\"" signal "\" max-output-voltage=\"" peak "\" nominal-level=\"" nominal "\"/></model>"

#define DEVICES(second_model, settings)                                                            \
  "<devices><device id=\"d1\" model=\"t-src\" label=\"Source\" x=\"0\" y=\"0\"/>"                  \
  "<device id=\"d2\" model=\"" second_model "\" label=\"Desk\" x=\"300\" y=\"0\">" settings        \
  "</device></devices><cables>" RIG_XML_PLUGS ("c1", "d1", "out", "rca", "d2", "in",               \
                                               "rca") "</cables>"

static const RigDiagnostic *
expect (const char *body, const char *code, RigSeverity severity)
{
  g_autoptr (GPtrArray) diags = rig_test_check_rig (body);
  const RigDiagnostic *d = rig_test_find (diags, code, NULL);

  if (d == NULL)
    g_error ("no %s", code);
  g_assert_cmpint (d->severity, ==, severity);
  /* The array goes, the diagnostic stays with the caller's reference. */
  return rig_diagnostic_ref ((RigDiagnostic *) d);
}

static void
expect_none (const char *body, const char *code)
{
  g_autoptr (GPtrArray) diags = rig_test_check_rig (body);

  g_assert_false (rig_test_has (diags, code, NULL));
}

static void
assert_says (const RigDiagnostic *d, const char *field, const char *words)
{
  if (strstr (field, words) == NULL)
    g_error ("%s: “%s” does not say “%s”", d->code, field, words);
}

/* A mixer: a mic input with a gain knob, a main volume, a main out of
 * +20 dBu (7.75 V) at most. */
#define MIXER                                                                                      \
  "<model id=\"t-mixer\" name=\"Mixer\" category=\"mixer\" power=\"battery\">"                     \
  "<jack id=\"in\" name=\"Mic in\" connector=\"rca\" gender=\"socket\" direction=\"in\" "          \
  "signal=\"mic\" input-impedance=\"3000\" clip-level=\"2.45\"/>"                                  \
  "<jack id=\"main\" name=\"Main out\" connector=\"rca\" gender=\"socket\" direction=\"out\" "     \
  "signal=\"line-pro\" max-output-voltage=\"7.75\"/>"                                              \
  "<control id=\"gain\" name=\"Gain\" kind=\"gain\" min=\"10\" max=\"60\" default=\"30\"/>"        \
  "<control id=\"master\" name=\"Master\" kind=\"volume\" min=\"-80\" max=\"10\" default=\"0\"/>"  \
  "<route from=\"in\" to=\"main\" controls=\"gain master\"/></model>"

static void
test_clipping_turned_up_mixer (void)
{
  /* 5 mV + 60 dB = 5 V nominal, peaks 15 dB above: 28.1 V against the
   * output's 7.75 V, 11.2 dB over; turn Gain down 12 dB, from 60 to 48. */
  const RigDiagnostic *d = expect ("<models>" SOURCE_MODEL ("0.0281", "0.005", "mic") MIXER
                                   "</models>" DEVICES ("t-mixer", "<setting control=\"gain\" "
                                                                   "value=\"60\"/>"),
                                   RIG_CODE_SIGNAL_CLIPPING, RIG_SEVERITY_WARNING);

  assert_says (d, d->message, "11.2 dB over what the output can give");
  assert_says (d, d->why, "28.1 V");
  assert_says (d, d->fix, "Turn Gain on Desk down by at least 12 dB (from 60 dB to 48 dB)");
  rig_diagnostic_unref ((RigDiagnostic *) d);
}

static void
test_clipping_mixer_near_miss (void)
{
  /* At 40 dB: 0.5 V nominal, peaks of 2.81 V, under 7.75 V. */
  expect_none ("<models>" SOURCE_MODEL ("0.0281", "0.005", "mic") MIXER
               "</models>" DEVICES ("t-mixer", "<setting control=\"gain\" value=\"40\"/>"),
               RIG_CODE_SIGNAL_CLIPPING);
}

/* A desk whose line input clips at 3.9 V, with a 20 dB pad. */
#define PADDED                                                                                     \
  "<model id=\"t-padded\" name=\"Padded\" category=\"interface\" power=\"battery\">"               \
  "<jack id=\"in\" name=\"Line in\" connector=\"rca\" gender=\"socket\" direction=\"in\" "         \
  "signal=\"line-consumer\" clip-level=\"3.9\"/>"                                                  \
  "<jack id=\"out\" name=\"Out\" connector=\"rca\" gender=\"socket\" direction=\"out\" "           \
  "signal=\"line-pro\"/>"                                                                          \
  "<control id=\"pad\" name=\"Pad\" kind=\"pad\" min=\"-20\" max=\"0\" default=\"0\"/>"            \
  "<route from=\"in\" to=\"out\" gain=\"0\" controls=\"pad\"/></model>"

static void
test_clipping_names_the_pad (void)
{
  /* +24 dBu peaks (12.28 V) into 3.9 V: 20·log10(12.28 / 3.9) = 10 dB. */
  const RigDiagnostic *d = expect ("<models>" SOURCE_MODEL ("12.28", "1.228", "line-pro") PADDED
                                   "</models>" DEVICES ("t-padded", ""),
                                   RIG_CODE_SIGNAL_CLIPPING, RIG_SEVERITY_WARNING);

  assert_says (d, d->message, "10 dB over the input's clipping point");
  assert_says (d, d->fix, "Engage Pad on Desk (-20 dB)");
  g_assert_null (strstr (d->why, "assumed"));
  rig_diagnostic_unref ((RigDiagnostic *) d);
}

static void
test_clipping_pad_engaged_near_miss (void)
{
  /* The pad before the preamp lifts the clipping point to 39 V. */
  expect_none ("<models>" SOURCE_MODEL ("12.28", "1.228", "line-pro") PADDED
               "</models>" DEVICES ("t-padded", "<setting control=\"pad\" value=\"-20\"/>"),
               RIG_CODE_SIGNAL_CLIPPING);
}

/* A power amplifier needing 1 V for its rated 100 W into 8 Ω. */
#define AMP                                                                                        \
  "<model id=\"t-amp\" name=\"Amp\" category=\"amplifier\" power=\"battery\">"                     \
  "<jack id=\"in\" name=\"In\" connector=\"rca\" gender=\"socket\" direction=\"in\" "              \
  "signal=\"line-consumer\" input-sensitivity=\"1\"/>"                                             \
  "<jack id=\"spk\" name=\"Speaker out\" connector=\"speaker-terminal\" gender=\"socket\" "        \
  "direction=\"out\" signal=\"speaker\"><rating load=\"8\" power=\"100\"/></jack>"                 \
  "<route from=\"in\" to=\"spk\"/></model>"

static void
test_mismatch_weak_source_into_amplifier (void)
{
  /* Peaks of 0.2 V against 1 V: 20·log10(1 / 0.2) = 14 dB short. */
  const RigDiagnostic *d = expect ("<models>" SOURCE_MODEL ("0.2", "0.05", "line-consumer") AMP
                                   "</models>" DEVICES ("t-amp", ""),
                                   RIG_CODE_SIGNAL_LEVEL_MISMATCH, RIG_SEVERITY_WARNING);

  assert_says (d, d->message, "14 dB short");
  assert_says (d, d->why, "1 V");
  rig_diagnostic_unref ((RigDiagnostic *) d);
}

static void
test_mismatch_amplifier_info_when_close (void)
{
  /* Peaks of 0.4 V: 8 dB short, a note. */
  const RigDiagnostic *d = expect ("<models>" SOURCE_MODEL ("0.4", "0.1", "line-consumer") AMP
                                   "</models>" DEVICES ("t-amp", ""),
                                   RIG_CODE_SIGNAL_LEVEL_MISMATCH, RIG_SEVERITY_INFO);

  assert_says (d, d->message, "8 dB short");
  rig_diagnostic_unref ((RigDiagnostic *) d);
}

static void
test_mismatch_amplifier_near_miss (void)
{
  /* Peaks of 0.6 V: 4.4 dB short, under the 6 dB of a note. */
  expect_none ("<models>" SOURCE_MODEL ("0.6", "0.15", "line-consumer") AMP
               "</models>" DEVICES ("t-amp", ""),
               RIG_CODE_SIGNAL_LEVEL_MISMATCH);
}

/* A recorder's aux input of 10 kΩ that clips at 2 V; and a desk's +4 dBu
 * input that states no design level (the class's is assumed). */
#define RECORDER                                                                                   \
  "<model id=\"t-rec\" name=\"Recorder\" category=\"interface\" power=\"battery\">"                \
  "<jack id=\"in\" name=\"Aux in\" connector=\"rca\" gender=\"socket\" direction=\"in\" "          \
  "signal=\"line-consumer\" input-impedance=\"10000\" clip-level=\"2\"/></model>"
#define PRO_DESK                                                                                   \
  "<model id=\"t-pro\" name=\"Pro desk\" category=\"interface\" power=\"battery\">"                \
  "<jack id=\"in\" name=\"Line in\" connector=\"rca\" gender=\"socket\" direction=\"in\" "         \
  "signal=\"line-pro\" input-impedance=\"10000\"/></model>"

static void
test_clipping_headphone_amp_into_aux (void)
{
  /* 7 V into 2 V: 20·log10(7 / 2) = 10.9 dB over; turn down 11 dB. */
  const RigDiagnostic *d = expect ("<models>" SOURCE_MODEL ("7", "0.7", "headphone") RECORDER
                                   "</models>" DEVICES ("t-rec", ""),
                                   RIG_CODE_SIGNAL_CLIPPING, RIG_SEVERITY_WARNING);

  assert_says (d, d->message, "10.9 dB over the input's clipping point");
  assert_says (d, d->fix, "11 dB");
  g_assert_null (strstr (d->why, "assumed"));
  rig_diagnostic_unref ((RigDiagnostic *) d);
}

static void
test_clipping_aux_near_miss (void)
{
  /* 1.9 V into 2 V: 0.4 dB to spare. */
  expect_none ("<models>" SOURCE_MODEL ("1.9", "0.316", "headphone") RECORDER
               "</models>" DEVICES ("t-rec", ""),
               RIG_CODE_SIGNAL_CLIPPING);
}

static void
test_mismatch_consumer_into_pro (void)
{
  /* −10 dBV into +4 dBu: 20·log10(1.228 / 0.316) = 11.8 dB short, and the
   * design level is the class's, so the text says it is assumed. */
  const RigDiagnostic *d = expect ("<models>" SOURCE_MODEL ("2", "0.316", "line-consumer") PRO_DESK
                                   "</models>" DEVICES ("t-pro", ""),
                                   RIG_CODE_SIGNAL_LEVEL_MISMATCH, RIG_SEVERITY_WARNING);

  assert_says (d, d->message, "11.8 dB short");
  assert_says (d, d->why, "assumed");
  rig_diagnostic_unref ((RigDiagnostic *) d);
}

static void
test_mismatch_pro_into_pro_near_miss (void)
{
  expect_none ("<models>" SOURCE_MODEL ("12.28", "1.228", "line-pro") PRO_DESK
               "</models>" DEVICES ("t-pro", ""),
               RIG_CODE_SIGNAL_LEVEL_MISMATCH);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/verdicts/levels/clipping/headphone-amp-into-aux",
                   test_clipping_headphone_amp_into_aux);
  g_test_add_func ("/verdicts/levels/clipping/aux-near-miss", test_clipping_aux_near_miss);
  g_test_add_func ("/verdicts/levels/mismatch/consumer-into-pro", test_mismatch_consumer_into_pro);
  g_test_add_func ("/verdicts/levels/mismatch/pro-into-pro-near-miss",
                   test_mismatch_pro_into_pro_near_miss);
  g_test_add_func ("/verdicts/levels/clipping/turned-up-mixer", test_clipping_turned_up_mixer);
  g_test_add_func ("/verdicts/levels/clipping/mixer-near-miss", test_clipping_mixer_near_miss);
  g_test_add_func ("/verdicts/levels/clipping/names-the-pad", test_clipping_names_the_pad);
  g_test_add_func ("/verdicts/levels/clipping/pad-engaged-near-miss",
                   test_clipping_pad_engaged_near_miss);
  g_test_add_func ("/verdicts/levels/mismatch/weak-source-into-amplifier",
                   test_mismatch_weak_source_into_amplifier);
  g_test_add_func ("/verdicts/levels/mismatch/amplifier-info-when-close",
                   test_mismatch_amplifier_info_when_close);
  g_test_add_func ("/verdicts/levels/mismatch/amplifier-near-miss",
                   test_mismatch_amplifier_near_miss);
  return g_test_run ();
}
