/* test-verdicts-loudness-path.c: loudness at the listener from the path's
 * levels (physics.md §5.1, §9). An amplifier plays no louder than what feeds
 * it lets it: V_out,max = min(sqrt(P·R), V_source,peak ·
 * 10^((gain + volume at maximum)/20)). power.amp-underpowered and
 * impedance.headphone-drive judge that, each with a rig where the source is
 * the limit (its dB asserted) and a near miss with a hotter source. Every
 * figure is in the rigs themselves. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-rule.h"
#include "rig-test-models.h"

/* A source of @peak V on RCA. */
#define SOURCE_MODEL(peak)                                                                         \
  "<model id=\"t-src\" name=\"Phone\" category=\"source\" power=\"battery\">"                      \
  "<jack id=\"out\" name=\"Out\" connector=\"rca\" gender=\"socket\" direction=\"out\" "           \
  "signal=\"line-consumer\" max-output-voltage=\"" peak "\"/></model>"

/* An amplifier of 50 W into 8 Ω (20 V) whose input needs @sens V for it:
 * 20·log10(20 / 2) = 20 dB of gain with a 2 V sensitivity. Its volume
 * defaults to −30 dB: judged at its maximum, 0 dB. */
#define AMP_MODEL(sens)                                                                            \
  "<model id=\"t-amp\" name=\"Amp\" category=\"amplifier\" power=\"battery\">"                     \
  "<jack id=\"in\" name=\"In\" connector=\"rca\" gender=\"socket\" direction=\"in\" "              \
  "signal=\"line-consumer\" input-sensitivity=\"" sens "\"/>"                                      \
  "<jack id=\"spk\" name=\"Speaker out\" connector=\"speaker-terminal\" gender=\"socket\" "        \
  "direction=\"out\" signal=\"speaker\"><rating load=\"8\" power=\"50\"/></jack>"                  \
  "<control id=\"vol\" name=\"Volume\" kind=\"volume\" min=\"-80\" max=\"0\" default=\"-30\"/>"    \
  "<route from=\"in\" to=\"spk\" controls=\"vol\"/></model>"

/* An 8 Ω speaker of @sens dB SPL at 1 W, 1 m. */
#define SPEAKER_MODEL(sens)                                                                        \
  "<model id=\"t-spk\" name=\"Speaker\" category=\"passive-speaker\" power=\"none\">"              \
  "<figures nominal-impedance=\"8\" sensitivity=\"" sens "\"/>"                                    \
  "<jack id=\"in\" name=\"Speaker in\" connector=\"speaker-terminal\" gender=\"socket\" "          \
  "direction=\"in\" signal=\"speaker\"/></model>"

#define SPK_CABLE                                                                                  \
  RIG_XML_PLUGS ("c2", "d2", "spk", "speaker-terminal", "d3", "in", "speaker-terminal")

/* Phone → amplifier → speaker, at the default distance of 2.5 m. */
#define AMP_RIG(src_peak, amp_sens, spk_sens)                                                      \
  "<models>" SOURCE_MODEL (src_peak) AMP_MODEL (amp_sens) SPEAKER_MODEL (                          \
      spk_sens) "</models><devices><device id=\"d1\" model=\"t-src\" label=\"Phone\" x=\"0\" "     \
                "y=\"0\"/>"                                                                        \
                "<device id=\"d2\" model=\"t-amp\" label=\"Amp\" x=\"300\" y=\"0\"/>"              \
                "<device id=\"d3\" model=\"t-spk\" label=\"Speaker\" x=\"600\" "                   \
                "y=\"0\"/></devices><cables>" RIG_XML_PLUGS ("c1", "d1", "out", "rca", "d2", "in", \
                                                             "rca") SPK_CABLE "</cables>"

/* The amplifier and speaker alone: nothing feeds the amplifier. */
#define AMP_ALONE(spk_sens)                                                                        \
  "<models>" AMP_MODEL ("2")                                                                       \
      SPEAKER_MODEL (spk_sens) "</models><devices><device id=\"d2\" model=\"t-amp\" "              \
                               "label=\"Amp\" x=\"300\" y=\"0\"/>"                                 \
                               "<device id=\"d3\" model=\"t-spk\" label=\"Speaker\" x=\"600\" "    \
                               "y=\"0\"/></devices><cables>" SPK_CABLE "</cables>"

/* The @code verdict on the rig @body, a new reference; NULL when the rule
 * says nothing. */
static RigDiagnostic *
verdict (const char *body, const char *code)
{
  g_autoptr (GPtrArray) diags = rig_test_check_rig (body);
  const RigDiagnostic *d = rig_test_find (diags, code, NULL);

  return d != NULL ? rig_diagnostic_ref ((RigDiagnostic *) d) : NULL;
}

/* A warning of @code on @body. */
static RigDiagnostic *
warns (const char *body, const char *code)
{
  RigDiagnostic *d = verdict (body, code);

  if (d == NULL)
    g_error ("no %s", code);
  g_assert_cmpint (d->severity, ==, RIG_SEVERITY_WARNING);
  return d;
}

static void
quiet (const char *body, const char *code)
{
  g_autoptr (RigDiagnostic) d = verdict (body, code);

  if (d != NULL)
    g_error ("%s: %s", code, d->message);
}

/* @field holds @words. */
static void
says (const char *field, const char *words)
{
  if (strstr (field, words) == NULL)
    g_error ("“%s” does not say “%s”", field, words);
}

static void
says_db (const char *field, const char *format, double db)
{
  g_autofree char *db_t = rig_text_db (db);
  g_autofree char *words = g_strdup_printf (format, db_t);

  says (field, words);
}

static void
test_amp_source_limits (void)
{
  /* 1 V peaks + 20 dB = 10 V of the amplifier's 20 V: 10²/8 = 12.5 W of
   * 50 W; 88 + 10·log10(12.5) − 20·log10(2.5) = 91.0 dB SPL, where the
   * full 50 W would give 97.0, past the 95 wanted. */
  double spl = 88 + 10 * log10 (12.5) - 20 * log10 (2.5);
  g_autoptr (RigDiagnostic) d = warns (AMP_RIG ("1", "2", "88"), RIG_CODE_POWER_AMP_UNDERPOWERED);

  g_assert_cmpfloat_with_epsilon (spl, 91.01, 0.01);
  says_db (d->message, "peaks of %s dB SPL at the listener", spl);
  says (d->why, "Phone's peaks of 1 V drive Amp to only 12.5 W of its 50 W");
  says_db (d->fix, "about %s dB more level", 95 - spl);
  says (d->fix, "a preamp");
  says (d->fix, "Its power is enough");
  g_assert_null (strstr (d->fix, "Use an amplifier giving"));
  g_assert_null (strstr (d->why, "peak level is assumed"));
}

static void
test_amp_hotter_source_near_miss (void)
{
  /* 2 V peaks reach the rated 20 V: 97.0 dB SPL. */
  quiet (AMP_RIG ("2", "2", "88"), RIG_CODE_POWER_AMP_UNDERPOWERED);
}

static void
test_amp_more_sensitive_near_miss (void)
{
  /* The same 1 V phone into an amplifier made for 1 V: full power. */
  quiet (AMP_RIG ("1", "1", "88"), RIG_CODE_POWER_AMP_UNDERPOWERED);
}

static void
test_amp_source_and_power_short (void)
{
  /* An 82 dB speaker: 85.0 dB SPL from the phone, 91.0 at full power,
   * itself short: the fix names the level (20·log10(20 / 10) = 6 dB) and
   * the power both. */
  double spl = 82 + 10 * log10 (12.5) - 20 * log10 (2.5);
  g_autoptr (RigDiagnostic) d = warns (AMP_RIG ("1", "2", "82"), RIG_CODE_POWER_AMP_UNDERPOWERED);

  says_db (d->message, "peaks of %s dB SPL at the listener", spl);
  says_db (d->fix, "%s dB more takes it to its full power", 20 * log10 (2.0));
  says (d->fix, "per channel into 8 Ω");
}

static void
test_amp_without_source_as_rated (void)
{
  /* Nothing feeds it: judged at its rating, as before (91.0 dB SPL from
   * 50 W into an 82 dB speaker). */
  double spl = 82 + 10 * log10 (50) - 20 * log10 (2.5);
  g_autoptr (RigDiagnostic) d = warns (AMP_ALONE ("82"), RIG_CODE_POWER_AMP_UNDERPOWERED);

  says_db (d->message, "peaks of %s dB SPL at the listener", spl);
  says (d->fix, "Use an amplifier giving about");
  quiet (AMP_ALONE ("88"), RIG_CODE_POWER_AMP_UNDERPOWERED);
}

/* A DAC with a line out of @peak V. */
#define DAC_MODEL(peak)                                                                            \
  "<model id=\"t-dac\" name=\"DAC\" category=\"source\" power=\"battery\">"                        \
  "<jack id=\"out\" name=\"Line out\" connector=\"rca\" gender=\"socket\" direction=\"out\" "      \
  "signal=\"line-consumer\" max-output-voltage=\"" peak "\"/></model>"

/* A headphone amplifier of unity gain (its volume defaults to −20 dB, 0 at
 * most) and 7 V out of 1 Ω. */
#define HPA_MODEL                                                                                  \
  "<model id=\"t-hpa\" name=\"Headphone amp\" category=\"headphone-amplifier\" "                   \
  "power=\"battery\">"                                                                             \
  "<jack id=\"in\" name=\"In\" connector=\"rca\" gender=\"socket\" direction=\"in\" "              \
  "signal=\"line-consumer\"/>"                                                                     \
  "<jack id=\"out\" name=\"Headphones\" connector=\"rca\" gender=\"socket\" direction=\"out\" "    \
  "signal=\"headphone\" output-impedance=\"1\" max-output-voltage=\"7\"/>"                         \
  "<control id=\"vol\" name=\"Volume\" kind=\"volume\" min=\"-60\" max=\"0\" default=\"-20\"/>"    \
  "<route from=\"in\" to=\"out\" gain=\"0\" controls=\"vol\"/></model>"

/* 300 Ω headphones of 90 dB SPL/mW. */
#define PHONES_MODEL                                                                               \
  "<model id=\"t-phones\" name=\"Studio headphones\" category=\"headphones\" power=\"none\">"      \
  "<figures nominal-impedance=\"300\" sensitivity=\"90\"/>"                                        \
  "<jack id=\"in\" name=\"Plug\" connector=\"rca\" gender=\"socket\" direction=\"in\" "            \
  "signal=\"headphone\" input-impedance=\"300\"/></model>"

#define HP_RIG(dac_peak)                                                                           \
  "<models>" DAC_MODEL (dac_peak) HPA_MODEL PHONES_MODEL                                           \
      "</models><devices><device id=\"d1\" model=\"t-dac\" label=\"DAC\" x=\"0\" y=\"0\"/>"        \
      "<device id=\"d2\" model=\"t-hpa\" label=\"Headphone amp\" x=\"300\" y=\"0\"/>"              \
      "<device id=\"d3\" model=\"t-phones\" label=\"Headphones\" x=\"600\" y=\"0\"/></devices>"    \
      "<cables>" RIG_XML_PLUGS ("c1", "d1", "out", "rca", "d2", "in", "rca")                       \
          RIG_XML_PLUGS ("c2", "d2", "out", "rca", "d3", "in", "rca") "</cables>"

static void
test_headphones_source_limits (void)
{
  /* For 95 dB SPL, 10^((95 − 90)/10) = 3.16 mW: sqrt(3.16 mW · 300 Ω) =
   * 0.974 V. The DAC's 0.5 V through unity gain, 300/301 of it across the
   * headphones: 0.498 V, 0.828 mW, 89.2 dB SPL; 5.8 dB more level wanted,
   * and the amplifier's 7 V would do. */
  double v = 0.5 * 300 / 301, spl = 90 + 10 * log10 (v * v / 300 * 1000);
  double need = sqrt (pow (10, 0.5) / 1000 * 300);
  g_autoptr (RigDiagnostic) d = warns (HP_RIG ("0.5"), RIG_CODE_IMPEDANCE_HEADPHONE_DRIVE);

  g_assert_cmpfloat_with_epsilon (spl, 89.18, 0.01);
  says_db (d->message, "at most %s dB SPL", spl);
  says (d->why, "Headphone amp could give 7 V, but DAC's peaks of 0.5 V drive it to "
                "only 0.5 V");
  says_db (d->fix, "about %s dB more level", 20 * log10 (need / v));
  says (d->fix, "Its output is enough");
  g_assert_null (strstr (d->fix, "lower impedance"));
}

static void
test_headphones_hotter_source_near_miss (void)
{
  /* 2 V peaks: 1.99 V across the headphones, past the 0.974 V wanted
   * (with the volume at its default −20 dB it would be 0.2 V: judged at its
   * maximum). */
  quiet (HP_RIG ("2"), RIG_CODE_IMPEDANCE_HEADPHONE_DRIVE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/verdicts/loudness-path/amp/source-limits", test_amp_source_limits);
  g_test_add_func ("/verdicts/loudness-path/amp/hotter-source-near-miss",
                   test_amp_hotter_source_near_miss);
  g_test_add_func ("/verdicts/loudness-path/amp/more-sensitive-near-miss",
                   test_amp_more_sensitive_near_miss);
  g_test_add_func ("/verdicts/loudness-path/amp/source-and-power-short",
                   test_amp_source_and_power_short);
  g_test_add_func ("/verdicts/loudness-path/amp/without-source-as-rated",
                   test_amp_without_source_as_rated);
  g_test_add_func ("/verdicts/loudness-path/headphones/source-limits",
                   test_headphones_source_limits);
  g_test_add_func ("/verdicts/loudness-path/headphones/hotter-source-near-miss",
                   test_headphones_hotter_source_near_miss);
  return g_test_run ();
}
