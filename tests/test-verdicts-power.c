/* test-verdicts-power.c: power and loudness verdicts (issue #10), each class
 * with a rig where the verdict fires and a near miss where it must not, named
 * after the physics (doc/physics.md §5, §6.4). Built from the real catalog
 * where it has the model. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-catalog.h"
#include "rig-document-private.h"
#include "rig-format.h"
#include "rig-test-rigs.h"

/* Adds a device of the catalog's model @id. */
static const char *
cat_add (RigDocument *doc, const char *id, const char *label)
{
  RigDeviceModel *model = rig_catalog_lookup (rig_test_builtin_catalog (), id);
  RigCommand *command;
  g_autoptr (GError) error = NULL;
  const char *created;

  g_assert_nonnull (model);
  command = rig_command_add_device (model, label, 0, 0);
  g_assert_true (rig_history_apply (rig_test_history (doc), command, &error));
  g_assert_no_error (error);
  created = rig_command_get_created_id (command);
  /* The id lives as long as the device does. */
  return rig_document_find_device (doc, created)->id;
}

/* The only diagnostic of @code in @diags (asserted), borrowed. */
static const RigDiagnostic *
only (GPtrArray *diags, const char *code)
{
  const RigDiagnostic *found = NULL;

  for (guint i = 0; i < diags->len; i++)
    {
      const RigDiagnostic *d = diags->pdata[i];
      if (g_str_equal (d->code, code))
        {
          if (found != NULL)
            rig_test_dump (diags);
          g_assert_null (found);
          found = d;
        }
    }
  if (found == NULL)
    rig_test_dump (diags);
  g_assert_nonnull (found);
  return found;
}

static void
assert_text (const RigDiagnostic *d, const char *what)
{
  g_autofree char *all = g_strjoin ("\n", d->message, d->why, d->hear, d->fix, NULL);

  if (strstr (all, what) == NULL)
    g_error ("“%s” is not in the texts of %s:\n%s", what, d->code, all);
}

static void
assert_no_text (const RigDiagnostic *d, const char *what)
{
  g_autofree char *all = g_strjoin ("\n", d->message, d->why, d->hear, d->fix, NULL);

  if (strstr (all, what) != NULL)
    g_error ("“%s” should not be in the texts of %s:\n%s", what, d->code, all);
}

static void
assert_clean_of (RigDocument *doc, const char *code)
{
  g_autoptr (GPtrArray) diags = rig_test_check (doc);

  if (rig_test_count (diags, code) != 0)
    {
      rig_test_dump (diags);
      g_error ("%s fires on the near miss", code);
    }
}

/* Plugs @dev's mains inlet into a new wall outlet. */
static void
plug_in (RigDocument *doc, const char *dev)
{
  const char *wall = cat_add (doc, "wall-outlet", "Wall outlet");

  rig_test_connect (doc, wall, "outlet-1", dev, "mains-in");
}

/* ---- supplies (physics.md §5.3) ----------------------------------------- */

/* A 36 W amplifier on a 12 V 1 A adapter: the watts do not cover the draw. */
static void
test_supply_watts_must_cover_the_draw (void)
{
  for (int fixed = 0; fixed < 2; fixed++)
    {
      g_autoptr (RigDocument) doc = rig_document_new ();
      const char *amp = cat_add (doc, "amp-mini", "Mini amp");
      const char *psu = cat_add (doc, fixed ? "psu-12v-3a" : "psu-12v-1a", "Adapter");
      g_autoptr (GPtrArray) diags = NULL;
      const RigDiagnostic *d;

      rig_test_connect (doc, psu, "dc-out", amp, "dc-in");
      if (fixed)
        {
          assert_clean_of (doc, "power.supply-budget");
          assert_clean_of (doc, "power.supply-voltage");
          continue;
        }
      diags = rig_test_check (doc);
      d = only (diags, "power.supply-budget");
      g_assert_cmpint (d->severity, ==, RIG_SEVERITY_WARNING);
      g_assert_true (rig_diagnostic_concerns_device (d, amp));
      assert_text (d, "36 W");
      assert_text (d, "12 W");
      assert_text (d, "12 V × 1 A");
      g_assert_cmpuint (rig_test_count (diags, "power.usb-budget"), ==, 0);
    }
}

/* An amplifier whose inlet states no draw takes its output / 0.85: 2 × 20 W
 * is about 47 W, more than 12 W; as a 2 × 4 W amplifier (9.4 W), it fits. */
static void
test_supply_amp_draw_from_output_power (void)
{
  for (int fixed = 0; fixed < 2; fixed++)
    {
      g_autoptr (RigDocument) doc = rig_document_new ();
      const char *amp = rig_test_add (doc, "amp-dc", "Mini amp");
      const char *psu = rig_test_add (doc, "psu-12v", "Adapter");
      g_autoptr (GPtrArray) diags = NULL;
      const RigDiagnostic *d;

      if (fixed)
        rig_test_set_figure (doc, amp, RIG_FIGURE_AMP_POWER, 4);
      rig_test_connect (doc, psu, "out", amp, "dc-in");
      if (fixed)
        {
          assert_clean_of (doc, "power.supply-budget");
          continue;
        }
      diags = rig_test_check (doc);
      d = only (diags, "power.supply-budget");
      assert_text (d, "47.1 W");
      assert_text (d, "0.85");
    }
}

/* Volts must match: 12 V into a 5 V inlet damages it (error); 5 V on a 12 V
 * amplifier will not start it (error); the matching adapter is clean. */
static void
test_supply_volts_must_match (void)
{
  {
    g_autoptr (RigDocument) doc = rig_document_new ();
    const char *rx = rig_test_add (doc, "bt-receiver", "Receiver");
    const char *psu = cat_add (doc, "psu-12v-1a", "Adapter");
    g_autoptr (GPtrArray) diags = NULL;
    const RigDiagnostic *d;

    rig_test_connect (doc, psu, "dc-out", rx, "dc-in");
    diags = rig_test_check (doc);
    d = only (diags, "power.supply-voltage");
    g_assert_cmpint (d->severity, ==, RIG_SEVERITY_ERROR);
    g_assert_true (rig_diagnostic_concerns_device (d, rx));
    assert_text (d, "5 V");
    assert_text (d, "12 V");
    assert_text (d, "damaged");
  }
  {
    g_autoptr (RigDocument) doc = rig_document_new ();
    const char *amp = cat_add (doc, "amp-mini", "Mini amp");
    const char *psu = rig_test_add (doc, "dc-adapter", "Adapter");
    g_autoptr (GPtrArray) diags = NULL;
    const RigDiagnostic *d;

    rig_test_connect (doc, psu, "out", amp, "dc-in");
    diags = rig_test_check (doc);
    d = only (diags, "power.supply-voltage");
    g_assert_cmpint (d->severity, ==, RIG_SEVERITY_ERROR);
    assert_text (d, "only 5 V");
    assert_text (d, "does not start");
  }
  {
    g_autoptr (RigDocument) doc = rig_document_new ();
    const char *rx = rig_test_add (doc, "bt-receiver", "Receiver");
    const char *psu = rig_test_add (doc, "dc-adapter", "Adapter");

    rig_test_connect (doc, psu, "out", rx, "dc-in");
    assert_clean_of (doc, "power.supply-voltage");
  }
}

/* ---- mains through an inlet (physics.md §5.4) --------------------------- */

/* A powered monitor with a signal but no mains cord is off; plugged into an
 * outlet it is on. */
static void
test_mains_inlet_must_be_plugged_in (void)
{
  for (int fixed = 0; fixed < 2; fixed++)
    {
      g_autoptr (RigDocument) doc = rig_document_new ();
      const char *cd = cat_add (doc, "cd-player", "CD player");
      const char *mon = cat_add (doc, "studio-monitor", "Monitor");
      g_autoptr (GPtrArray) diags = NULL;
      const RigDiagnostic *d;

      rig_test_connect (doc, cd, "line-out", mon, "rca-in");
      if (fixed)
        {
          plug_in (doc, mon);
          assert_clean_of (doc, "power.unpowered");
          continue;
        }
      diags = rig_test_check (doc);
      d = only (diags, "power.unpowered");
      g_assert_cmpint (d->severity, ==, RIG_SEVERITY_ERROR);
      g_assert_true (rig_diagnostic_concerns_device (d, mon));
      assert_text (d, "Monitor mains inlet (IEC)");
      assert_text (d, "wall outlet or a power strip");
    }
}

/* A power strip gives nothing until its own plug is in a wall outlet. */
static void
test_mains_strip_supplies_nothing_unplugged (void)
{
  for (int fixed = 0; fixed < 2; fixed++)
    {
      g_autoptr (RigDocument) doc = rig_document_new ();
      const char *cd = cat_add (doc, "cd-player", "CD player");
      const char *sub = cat_add (doc, "subwoofer-powered", "Subwoofer");
      const char *strip = cat_add (doc, "power-strip", "Power strip");
      g_autoptr (GPtrArray) diags = NULL;
      const RigDiagnostic *d;

      rig_test_connect (doc, cd, "line-out", sub, "line-in");
      rig_test_connect (doc, strip, "outlet-1", sub, "mains-in");
      if (fixed)
        {
          const char *wall = cat_add (doc, "wall-outlet", "Wall outlet");
          rig_test_connect (doc, strip, "mains-plug", wall, "outlet-1");
          assert_clean_of (doc, "power.unpowered");
          continue;
        }
      diags = rig_test_check (doc);
      g_assert_cmpuint (rig_test_count (diags, "power.unpowered"), ==, 2);
      g_assert_true (rig_test_has (diags, "power.unpowered", sub));
      g_assert_true (rig_test_has (diags, "power.unpowered", strip));
      for (guint i = 0; i < diags->len; i++)
        {
          d = diags->pdata[i];
          if (g_str_equal (d->code, "power.unpowered") && rig_diagnostic_concerns_device (d, sub))
            {
              assert_text (d, "Power strip");
              assert_text (d, "not plugged in");
            }
        }
    }
}

/* A mains device with no inlet has a captive cord: assumed plugged in. */
static void
test_mains_captive_cord_assumed_plugged_in (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *cd = cat_add (doc, "cd-player", "CD player");
  const char *amp = cat_add (doc, "amp-integrated", "Amp");

  rig_test_connect (doc, cd, "line-out", amp, "in-cd");
  assert_clean_of (doc, "power.unpowered");
}

/* ---- loudness (physics.md §5.1, §5.2) ----------------------------------- */

/* 10 W into 87 dB speakers at a 1 m desk: 97 dB SPL from each, 100 dB from
 * the pair, above the 95 dB peaks: clean. The same amplifier at 5 W across a
 * living room at 4 m: 82 dB from each, 85 dB together: short. */
static void
test_loudness_desk_clean_living_room_short (void)
{
  for (int desk = 0; desk < 2; desk++)
    {
      g_autoptr (RigDocument) doc = rig_document_new ();
      const char *cd = cat_add (doc, "cd-player", "CD player");
      const char *amp = cat_add (doc, "amp-mini", "Mini amp");
      const char *psu = cat_add (doc, "psu-12v-3a", "Adapter");
      const char *l = cat_add (doc, "speaker-bookshelf", "Left speaker");
      const char *r = cat_add (doc, "speaker-bookshelf", "Right speaker");
      g_autoptr (GPtrArray) diags = NULL;
      const RigDiagnostic *d;

      rig_test_connect (doc, psu, "dc-out", amp, "dc-in");
      rig_test_connect (doc, cd, "line-out", amp, "rca-in");
      rig_test_connect (doc, amp, "spk-l", l, "in");
      rig_test_connect (doc, amp, "spk-r", r, "in");
      if (desk)
        {
          rig_test_set_figure (doc, l, RIG_FIGURE_LISTENING_DISTANCE, 1);
          rig_test_set_figure (doc, r, RIG_FIGURE_LISTENING_DISTANCE, 1);
          assert_clean_of (doc, "power.amp-underpowered");
          continue;
        }
      /* 2 × 5 W into 8 Ω. */
      rig_test_set_figure (doc, amp, RIG_FIGURE_AMP_POWER, 10);
      _rig_document_set_listening_distance (doc, 4, NULL);
      diags = rig_test_check (doc);
      d = only (diags, "power.amp-underpowered");
      g_assert_cmpint (d->severity, ==, RIG_SEVERITY_WARNING);
      g_assert_true (rig_diagnostic_concerns_device (d, l));
      g_assert_true (rig_diagnostic_concerns_device (d, r));
      assert_text (d, "5 W");
      assert_text (d, "81.9 dB SPL at 4 m");
      assert_text (d, "Together: 85 dB SPL");
      assert_text (d, "95 dB");
      assert_no_text (d, "tweeter");
      assert_no_text (d, "assumed");
    }
}

/* A rig that sets no distance is judged at the default, said as assumed:
 * 10 W into 87 dB at 2.5 m make 89 dB alone. */
static void
test_loudness_default_distance_is_said (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *cd = cat_add (doc, "cd-player", "CD player");
  const char *amp = cat_add (doc, "amp-mini", "Mini amp");
  const char *spk = cat_add (doc, "speaker-bookshelf", "Speaker");
  g_autoptr (GPtrArray) diags = NULL;
  const RigDiagnostic *d;

  rig_test_connect (doc, cd, "line-out", amp, "rca-in");
  rig_test_connect (doc, amp, "spk-l", spk, "in");
  g_assert_true (isnan (rig_document_get_listening_distance (doc)));
  diags = rig_test_check (doc);
  d = only (diags, "power.amp-underpowered");
  assert_text (d, "2.5 m (assumed");
  assert_text (d, "89 dB");
}

/* Overpowering is the amplifier's watts into the load against the speaker's
 * power handling: 300 W on a speaker that handles 50 W fires; 50 W does not. */
static void
test_overpowered_against_power_handling (void)
{
  for (int fixed = 0; fixed < 2; fixed++)
    {
      g_autoptr (RigDocument) doc = rig_document_new ();
      const char *cd = cat_add (doc, "cd-player", "CD player");
      const char *amp = cat_add (doc, fixed ? "amp-integrated" : "amp-power", "Amp");
      const char *spk = cat_add (doc, "speaker-bookshelf", "Speaker");
      g_autoptr (GPtrArray) diags = NULL;
      const RigDiagnostic *d;

      if (fixed)
        rig_test_connect (doc, cd, "line-out", amp, "in-cd");
      rig_test_connect (doc, amp, "spk-l", spk, "in");
      if (fixed)
        {
          assert_clean_of (doc, "power.amp-overpowered");
          continue;
        }
      diags = rig_test_check (doc);
      d = only (diags, "power.amp-overpowered");
      assert_text (d, "300 W");
      assert_text (d, "50 W");
      assert_text (d, "dB SPL");
    }
}

/* ---- speakers on the wrong output (physics.md §5.1) --------------------- */

/* A phone on a passive 87 dB speaker: milliwatts, quiet but audible, not
 * silence; the near miss puts an amplifier between them. */
static void
test_phone_on_passive_speaker_quiet_not_silent (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *phone = cat_add (doc, "phone-ctia", "Phone");
  const char *spk = cat_add (doc, "speaker-bookshelf", "Speaker");
  RigCableSpec spec;
  g_autoptr (GPtrArray) diags = NULL;
  const RigDiagnostic *d;

  rig_test_spec_plain (&spec, RIG_CONNECTOR_PHONE, RIG_CONNECTOR_SPEAKER_TERMINAL);
  spec.ends[0].size = RIG_PHONE_SIZE_3_5;
  spec.ends[0].poles = RIG_POLES_TRS;
  rig_test_connect_spec (doc, phone, "headset", spk, "in", &spec);
  rig_test_set_figure (doc, spk, RIG_FIGURE_LISTENING_DISTANCE, 1);
  diags = rig_test_check (doc);
  d = only (diags, "power.passive-unamplified");
  /* Rated 40 mW into 16 Ω at most: no more current into 8 Ω, 20 mW, 70 dB
   * SPL at 1 m on the 87 dB speaker (physics.md §5.1). */
  assert_text (d, "20 mW into this 8 Ω speaker");
  assert_text (d, "70 dB SPL at 1 m");
  assert_text (d, "Quiet but audible");
  assert_no_text (d, "Silence");
}

/* A headphone amplifier on a speaker: its power into the speaker's 8 Ω and the
 * SPL, no "well under 1 W (rated 1.5 W ...)". */
static void
test_headphone_amp_power_into_speaker_impedance (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *hpa = cat_add (doc, "headphone-amp-desktop", "Headphone amp");
  const char *spk = cat_add (doc, "speaker-bookshelf", "Speaker");
  RigCableSpec spec;
  g_autoptr (GPtrArray) diags = NULL;
  const RigDiagnostic *d;

  rig_test_spec_plain (&spec, RIG_CONNECTOR_PHONE, RIG_CONNECTOR_SPEAKER_TERMINAL);
  spec.ends[0].size = RIG_PHONE_SIZE_6_35;
  spec.ends[0].poles = RIG_POLES_TRS;
  rig_test_connect_spec (doc, hpa, "headphones", spk, "in", &spec);
  diags = rig_test_check (doc);
  d = only (diags, "power.headphone-amp-to-speaker");
  assert_no_text (d, "well under 1 W");
  /* 1.5 W into 32 Ω is 217 mA; into 8 Ω that current gives 375 mW. */
  assert_text (d, "rated 1.5 W into 32 Ω");
  assert_text (d, "375 mW into this 8 Ω speaker");
  assert_text (d, "dB SPL");
}

/* ---- headphone drive (physics.md §6.4) ---------------------------------- */

/* One target, peaks of 95 dB SPL: 600 Ω at 90 dB/mW on a 1 V phone make 92 dB
 * and fire, without "too quiet" beside a level above the average; 300 Ω at
 * 97.8 dB/mW make 103 dB: clean. */
static void
test_headphone_drive_one_target (void)
{
  for (int fixed = 0; fixed < 2; fixed++)
    {
      g_autoptr (RigDocument) doc = rig_document_new ();
      g_autoptr (GPtrArray) diags = NULL;
      const RigDiagnostic *d;

      rig_test_rule_case_for ("impedance.headphone-drive")->build (doc, fixed);
      if (fixed)
        {
          assert_clean_of (doc, "impedance.headphone-drive");
          continue;
        }
      diags = rig_test_check (doc);
      d = only (diags, "impedance.headphone-drive");
      assert_text (d, "95 dB SPL");
      assert_text (d, "92.2 dB SPL");
      assert_text (d, "3.16 mW");
      assert_no_text (d, "100 dB");
      assert_no_text (d, "Too quiet");
      assert_no_text (d, "normal listening");
    }
}

/* ---- powered subwoofers' high-level inputs (physics.md §4.3) ------------ */

/* A receiver's speaker output into the subwoofer's high-level input is what
 * it is for; into its LFE line input it overloads. */
static void
test_subwoofer_high_level_input_takes_speaker_level (void)
{
  for (int wrong = 0; wrong < 2; wrong++)
    {
      g_autoptr (RigDocument) doc = rig_document_new ();
      const char *avr = cat_add (doc, "av-receiver", "Receiver");
      const char *sub = cat_add (doc, "subwoofer-powered", "Subwoofer");
      g_autoptr (GPtrArray) diags = NULL;
      const RigDiagnostic *d;
      RigCableSpec spec;

      plug_in (doc, sub);
      rig_test_connect (doc, cat_add (doc, "cd-player", "CD player"), "line-out", avr, "in-cd");
      if (!wrong)
        {
          rig_test_connect (doc, avr, "spk-fl", sub, "hl-in-l");
          diags = rig_test_check (doc);
          if (diags->len != 0)
            rig_test_dump (diags);
          /* Nothing at all: not even topology.no-signal. */
          g_assert_cmpuint (diags->len, ==, 0);
          g_assert_cmpuint (rig_test_count (diags, "power.unpowered"), ==, 0);
          continue;
        }
      rig_test_spec_plain (&spec, RIG_CONNECTOR_SPEAKER_TERMINAL, RIG_CONNECTOR_RCA);
      rig_test_connect_spec (doc, avr, "spk-fl", sub, "lfe-in", &spec);
      diags = rig_test_check (doc);
      d = only (diags, "signal.speaker-into-line");
      g_assert_cmpint (d->severity, ==, RIG_SEVERITY_ERROR);
      assert_text (d, "Subwoofer high-level in L (speaker level)");
    }
}

/* ---- the listening distance in the file --------------------------------- */

static void
test_listening_distance_round_trip (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (RigDocument) copy = NULL;
  g_autoptr (RigDocument) loaded = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  const char *spk = rig_test_add (doc, "speaker-8", "Speaker");

  /* Unset by default, and not written. */
  bytes = rig_format_save_bytes (doc);
  g_assert_null (strstr (g_bytes_get_data (bytes, NULL), "listening-distance"));
  g_clear_pointer (&bytes, g_bytes_unref);

  _rig_document_set_listening_distance (doc, 3.5, NULL);
  rig_test_set_figure (doc, spk, RIG_FIGURE_LISTENING_DISTANCE, 1.2);
  copy = rig_document_copy (doc);
  g_assert_true (rig_document_content_equal (doc, copy));
  rig_test_assert_round_trip (doc);
  bytes = rig_format_save_bytes (doc);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "listening-distance=\"3.5\""));
  loaded = rig_format_load_bytes (bytes, "test.rigwire", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (rig_document_get_listening_distance (loaded), ==, 3.5);
  g_assert_cmpfloat (
      rig_device_get_figure (rig_document_find_device (loaded, spk), RIG_FIGURE_LISTENING_DISTANCE),
      ==, 1.2);
  g_assert_true (rig_document_content_equal (doc, loaded));

  _rig_document_set_listening_distance (copy, 2, NULL);
  g_assert_false (rig_document_content_equal (doc, copy));
}

static void
test_listening_distance_bad_value_refused (void)
{
  static const char *const bad[] = { "0", "-1", "5000", "far" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strdup_printf (
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<rig xmlns=\"https://rigwire.github.io/ns/rigwire/1\" format-version=\"1\" "
          "listening-distance=\"%s\">\n  <title>t</title>\n</rig>\n",
          bad[i]);
      g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr (GError) error = NULL;
      g_autoptr (RigDocument) loaded = rig_format_load_bytes (bytes, "bad.rigwire", NULL, &error);

      g_assert_null (loaded);
      g_assert_nonnull (error);
    }
}

/* A change of the setting rechecks the rig. */
static void
test_listening_distance_change_rechecks (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (RigValidator) validator = NULL;
  const char *cd = cat_add (doc, "cd-player", "CD player");
  const char *amp = cat_add (doc, "amp-mini", "Mini amp");
  const char *spk = cat_add (doc, "speaker-bookshelf", "Speaker");
  RigChange *change;

  rig_test_connect (doc, cd, "line-out", amp, "rca-in");
  rig_test_connect (doc, amp, "spk-l", spk, "in");
  validator = rig_validator_new (doc);
  g_assert_cmpint (rig_validator_get_device_status (validator, spk), ==, RIG_SEVERITY_WARNING);
  change = rig_change_new ();
  _rig_document_set_listening_distance (doc, 1, change);
  g_assert_true (change->flags & RIG_CHANGE_SETTINGS);
  _rig_document_emit_changed (doc, change);
  rig_change_free (change);
  g_assert_cmpint (rig_validator_get_device_status (validator, spk), ==, RIG_SEVERITY_NONE);
}

/* ---- issue #10, second review ------------------------------------------- */

static const char ribbon_adapter[]
    = "<models><model id=\"adapter-ts-to-xlr\" name=\"6.35 mm TS to XLR male adapter\" "
      "category=\"adapter\" power=\"none\">"
      "<jack id=\"socket\" name=\"6.35 mm TS socket\" connector=\"phone\" size=\"6.35\" "
      "poles=\"ts\" wiring=\"mono\" gender=\"socket\" direction=\"both\" signal=\"line-pro\" "
      "channels=\"1\"/>"
      "<jack id=\"xlr\" name=\"XLR plug\" connector=\"xlr\" gender=\"plug\" pins=\"male\" "
      "direction=\"both\" signal=\"line-pro\" channels=\"1\"/>"
      "<route from=\"socket\" to=\"xlr\"/><route from=\"xlr\" to=\"socket\"/></model></models>";

/* physics.md §5.5: equal DC on both legs leaves a balanced ribbon untouched
 * (advice only); an adapter that grounds one leg puts DC through it. */
static void
test_phantom_ribbon_at_risk_only_unbalanced (void)
{
  g_autofree char *unbalanced = g_strconcat (
      ribbon_adapter,
      "<devices><device id=\"d1\" model=\"mixer-small\" label=\"Mixer\" x=\"0\" y=\"0\"><override "
      "figure=\"phantom-on\" value=\"1\"/></device>" RIG_XML_DEV (
          "d2", "mic-ribbon-passive",
          "Ribbon") "</devices><cables><cable id=\"c1\" number=\"X-001\" kind=\"cable\" "
                    "from-device=\"d2\" from-jack=\"out\" "
                    "to-device=\"d1\" to-jack=\"mic-1\"><end side=\"from\" "
                    "connector=\"xlr\" gender=\"plug\" "
                    "pins=\"female\"/><end side=\"to\" connector=\"phone\" "
                    "size=\"6.35\" poles=\"ts\" "
                    "gender=\"plug\"/><adapter model=\"adapter-ts-to-xlr\" "
                    "end=\"to\"/></cable></cables>",
      NULL);
  const char *balanced
      = "<devices><device id=\"d1\" model=\"mixer-small\" label=\"Mixer\" x=\"0\" "
        "y=\"0\"><override "
        "figure=\"phantom-on\" value=\"1\"/></device>" RIG_XML_DEV (
            "d2", "mic-ribbon-passive",
            "Ribbon") "</devices><cables><cable id=\"c1\" number=\"X-001\" kind=\"cable\" "
                      "from-device=\"d2\" "
                      "from-jack=\"out\" "
                      "to-device=\"d1\" to-jack=\"mic-1\"><end side=\"from\" connector=\"xlr\" "
                      "gender=\"plug\"/><end side=\"to\" connector=\"xlr\" "
                      "gender=\"plug\"/></cable></cables>";
  g_autoptr (GPtrArray) bad = rig_test_check_rig (unbalanced);
  g_autoptr (GPtrArray) good = rig_test_check_rig (balanced);
  const RigDiagnostic *d;

  d = only (bad, "power.phantom-unbalanced");
  g_assert_cmpint (d->severity, ==, RIG_SEVERITY_ERROR);
  g_assert_true (rig_diagnostic_concerns_device (d, "d2"));
  assert_text (d, "unbalanced connection");
  assert_text (d, "Mixer");

  d = only (good, "power.phantom-unbalanced");
  g_assert_cmpint (d->severity, ==, RIG_SEVERITY_INFO);
  assert_text (d, "same 48 V");
  assert_text (d, "Advice, not a fault");
  assert_no_text (d, "destroy");
}

/* A device with its own captive mains plug, not in an outlet: its plug goes
 * into an outlet or a strip; only a power strip has outlets of its own. */
static void
test_unplugged_captive_plug_is_not_a_strip (void)
{
  g_autoptr (GPtrArray) speakers = rig_test_check_rig (
      "<devices>" RIG_XML_DEV ("d1", "laptop", "Laptop")
          RIG_XML_DEV ("d2", "speaker-computer-active",
                       "Speakers") "</devices><cables>" RIG_XML_DIRECT ("c1", "d2", "aux-in", "d1",
                                                                        "headset") "</cables>");
  g_autoptr (GPtrArray) strip = rig_test_check_rig (
      "<devices>" RIG_XML_DEV ("d1", "laptop", "Laptop")
          RIG_XML_DEV ("d2", "speaker-computer-active", "Speakers")
              RIG_XML_DEV ("d3", "power-strip", "Strip") "</devices><cables>" RIG_XML_DIRECT (
                  "c1", "d2", "aux-in", "d1", "headset")
                  RIG_XML_DIRECT ("c2", "d2", "mains-plug", "d3", "outlet-1") "</cables>");
  g_autoptr (GPtrArray) plugged = rig_test_check_rig (
      "<devices>" RIG_XML_DEV ("d1", "laptop", "Laptop")
          RIG_XML_DEV ("d2", "speaker-computer-active", "Speakers")
              RIG_XML_DEV ("d3", "wall-outlet", "Wall") "</devices><cables>" RIG_XML_DIRECT (
                  "c1", "d2", "aux-in", "d1", "headset")
                  RIG_XML_DIRECT ("c2", "d2", "mains-plug", "d3", "outlet-1") "</cables>");
  const RigDiagnostic *d;

  d = only (speakers, "power.unpowered");
  g_assert_true (rig_diagnostic_concerns_device (d, "d2"));
  assert_text (d, "into a wall outlet or a power strip");
  assert_no_text (d, "outlets give nothing");

  d = NULL;
  for (guint i = 0; i < strip->len; i++)
    if (g_str_equal (((RigDiagnostic *) strip->pdata[i])->code, "power.unpowered")
        && rig_diagnostic_concerns_device (strip->pdata[i], "d3"))
      d = strip->pdata[i];
  g_assert_nonnull (d);
  assert_text (d, "its outlets give nothing");

  g_assert_cmpuint (rig_test_count (plugged, "power.unpowered"), ==, 0);
}

/* The volts a device needs and the volts its supply gives, said that way
 * round; a supply of the wrong voltage states the draw at the device's own
 * volts in the budget (physics.md §5.3). */
static void
test_supply_voltage_reads_need_then_supply (void)
{
  g_autoptr (GPtrArray) high = rig_test_check_rig (
      "<devices>" RIG_XML_DEV ("d1", "pedal-effect", "Pedal")
          RIG_XML_DEV ("d2", "psu-12v-1a", "Adapter") "</devices><cables>" RIG_XML_DIRECT (
              "c1", "d2", "dc-out", "d1", "dc-in") "</cables>");
  g_autoptr (GPtrArray) low = rig_test_check_rig (
      "<devices>" RIG_XML_DEV ("d1", "phono-preamp", "Preamp")
          RIG_XML_DEV ("d2", "pedal-power-supply", "Supply") "</devices><cables>" RIG_XML_DC (
              "c1", "d2", "out-1", "d1", "dc-in") "</cables>");
  g_autoptr (GPtrArray) right = rig_test_check_rig (
      "<devices>" RIG_XML_DEV ("d1", "pedal-effect", "Pedal")
          RIG_XML_DEV ("d2", "pedal-power-supply", "Supply") "</devices><cables>" RIG_XML_DC (
              "c1", "d2", "out-1", "d1", "dc-in") "</cables>");
  const RigDiagnostic *d;

  d = only (high, "power.supply-voltage");
  g_assert_cmpint (d->severity, ==, RIG_SEVERITY_ERROR);
  assert_text (d, "Pedal needs 9 V; the supply gives 12 V");
  assert_no_text (d, "from a supply of");

  d = only (low, "power.supply-voltage");
  assert_text (d, "Preamp needs 12 V; the supply gives 9 V");
  d = only (low, "power.supply-budget");
  assert_text (d, "12 V × 0.25 A = 3 W");
  assert_text (d, "right voltage");
  assert_no_text (d, "9 V × 0.33 A");
  assert_no_text (d, "same voltage");

  g_assert_cmpuint (rig_test_count (right, "power.supply-voltage"), ==, 0);
  g_assert_cmpuint (rig_test_count (right, "power.supply-budget"), ==, 0);
}

/* The fix of a USB port that gives too little names what the rig has (a
 * free port that gives enough) or a device to add: a powered hub where the
 * cable carries audio, a charger where it carries power only. */
static void
test_usb_budget_fix_names_what_the_rig_has (void)
{
  g_autoptr (GPtrArray) usb2 = rig_test_check_rig (
      "<devices>" RIG_XML_DEV ("d1", "laptop", "Laptop")
          RIG_XML_DEV ("d2", "interface-4x4", "Interface") "</devices><cables>" RIG_XML_PLUGS (
              "c1", "d1", "usb-a-1", "usb-a", "d2", "usb", "usb-c") "</cables>");
  g_autoptr (GPtrArray) phone = rig_test_check_rig (
      "<devices>" RIG_XML_DEV ("d1", "voice-amp", "Voice amp")
          RIG_XML_DEV ("d2", "phone-ctia", "Phone") "</devices><cables>" RIG_XML_PLUGS (
              "c1", "d2", "usb", "usb-c", "d1", "charge-in", "usb-micro-b") "</cables>");
  g_autoptr (GPtrArray) usb3 = rig_test_check_rig (
      "<devices>" RIG_XML_DEV ("d1", "laptop", "Laptop")
          RIG_XML_DEV ("d2", "interface-4x4", "Interface") "</devices><cables>" RIG_XML_PLUGS (
              "c1", "d1", "usb-a-2", "usb-a", "d2", "usb", "usb-c") "</cables>");
  const RigDiagnostic *d;

  d = only (usb2, "power.usb-budget");
  assert_text (d, "powered USB hub");
  assert_text (d, "Laptop USB-A port (USB 3), which gives 4.5 W");
  assert_no_text (d, "own power supply");
  assert_no_text (d, "USB 3 or USB-C");

  d = only (phone, "power.usb-budget");
  assert_text (d, "Power Voice amp from a USB charger that gives at least 5 W");
  assert_no_text (d, "USB 3 or USB-C");
  assert_no_text (d, "own power supply");

  g_assert_cmpuint (rig_test_count (usb3, "power.usb-budget"), ==, 0);
}

/* physics.md §5.1: two speakers playing together need 3 dB less each (at the
 * default 2.5 m, 19.7 W each instead of 39.4 W for one); the
 * overpowered text sums them as the underpowered verdict does. */
static void
test_overpowered_sums_the_speakers (void)
{
  const char *pair = "<devices>" RIG_XML_DEV ("d2", "amp-power", "Power amp")
      RIG_XML_DEV ("d3", "speaker-bookshelf", "Left") RIG_XML_DEV (
          "d4", "speaker-bookshelf",
          "Right") "</devices><cables>"
                   "<cable id=\"c4\" number=\"X-004\" kind=\"cable\" from-device=\"d2\" "
                   "from-jack=\"spk-l\" "
                   "to-device=\"d3\" "
                   "to-jack=\"in\" length=\"3\" gauge=\"14\"><end side=\"from\" "
                   "connector=\"speaker-terminal\" "
                   "gender=\"plug\"/><end side=\"to\" connector=\"speaker-terminal\" "
                   "gender=\"plug\"/></cable>"
                   "<cable id=\"c5\" number=\"X-005\" kind=\"cable\" from-device=\"d2\" "
                   "from-jack=\"spk-r\" "
                   "to-device=\"d4\" "
                   "to-jack=\"in\" length=\"3\" gauge=\"14\"><end side=\"from\" "
                   "connector=\"speaker-terminal\" "
                   "gender=\"plug\"/><end side=\"to\" connector=\"speaker-terminal\" "
                   "gender=\"plug\"/></cable>"
                   "</cables>";
  const char *one = "<devices>" RIG_XML_DEV ("d2", "amp-power", "Power amp")
      RIG_XML_DEV ("d3", "speaker-bookshelf",
                   "Left") "</devices><cables>"
                           "<cable id=\"c4\" number=\"X-004\" kind=\"cable\" from-device=\"d2\" "
                           "from-jack=\"spk-l\" to-device=\"d3\" "
                           "to-jack=\"in\" length=\"3\" gauge=\"14\"><end "
                           "side=\"from\" connector=\"speaker-terminal\" "
                           "gender=\"plug\"/><end side=\"to\" "
                           "connector=\"speaker-terminal\" gender=\"plug\"/></cable>"
                           "</cables>";
  g_autoptr (GPtrArray) both = rig_test_check_rig (pair);
  g_autoptr (GPtrArray) single = rig_test_check_rig (one);
  const RigDiagnostic *d;

  g_assert_cmpuint (rig_test_count (both, "power.amp-overpowered"), ==, 2);
  for (guint i = 0; i < both->len; i++)
    {
      d = both->pdata[i];
      if (!g_str_equal (d->code, "power.amp-overpowered"))
        continue;
      g_assert_cmpint (d->severity, ==, RIG_SEVERITY_WARNING);
      assert_text (d, "both speakers of Power amp playing together");
      assert_text (d, "19.7 W each");
      assert_no_text (d, "39.4 W");
    }
  d = only (single, "power.amp-overpowered");
  assert_text (d, "take only about 39.4 W");
  assert_no_text (d, "together");
}

/* physics.md §3: a cable that cannot be plugged in carries nothing, and its
 * connector verdict says so; the device it would power is not also called
 * unpowered. With no cable on its inlet at all, it is. */
static void
test_unpowered_not_through_an_unfit_cable (void)
{
  g_autoptr (GPtrArray) unfit
      = rig_test_check_rig ("<devices>" RIG_XML_DEV ("d1", "laptop", "Laptop") RIG_XML_DEV (
          "d2", "speaker-computer-usb",
          "Speakers") "</devices><cables>" RIG_XML_PLUGS ("c1", "d2", "usb-power", "usb-a", "d1",
                                                          "usb-a-1", "usb-a")
                                RIG_XML_DIRECT ("c2", "d2", "aux-in", "d1", "headset") "</cables>");
  g_autoptr (GPtrArray) none = rig_test_check_rig (
      "<devices>" RIG_XML_DEV ("d1", "laptop", "Laptop")
          RIG_XML_DEV ("d2", "speaker-computer-usb",
                       "Speakers") "</devices><cables>" RIG_XML_DIRECT ("c2", "d2", "aux-in", "d1",
                                                                        "headset") "</cables>");
  const RigDiagnostic *d;

  d = only (unfit, "connector.gender");
  assert_text (d, "plug meets plug");
  g_assert_cmpuint (rig_test_count (unfit, "power.unpowered"), ==, 0);
  d = only (none, "power.unpowered");
  g_assert_true (rig_diagnostic_concerns_device (d, "d2"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/verdicts/power/supply/watts-must-cover-the-draw",
                   test_supply_watts_must_cover_the_draw);
  g_test_add_func ("/verdicts/power/supply/amp-draw-from-output-power",
                   test_supply_amp_draw_from_output_power);
  g_test_add_func ("/verdicts/power/supply/volts-must-match", test_supply_volts_must_match);
  g_test_add_func ("/verdicts/power/mains/inlet-must-be-plugged-in",
                   test_mains_inlet_must_be_plugged_in);
  g_test_add_func ("/verdicts/power/mains/strip-supplies-nothing-unplugged",
                   test_mains_strip_supplies_nothing_unplugged);
  g_test_add_func ("/verdicts/power/mains/captive-cord-assumed-plugged-in",
                   test_mains_captive_cord_assumed_plugged_in);
  g_test_add_func ("/verdicts/power/loudness/desk-clean-living-room-short",
                   test_loudness_desk_clean_living_room_short);
  g_test_add_func ("/verdicts/power/loudness/default-distance-is-said",
                   test_loudness_default_distance_is_said);
  g_test_add_func ("/verdicts/power/loudness/overpowered-against-power-handling",
                   test_overpowered_against_power_handling);
  g_test_add_func ("/verdicts/power/passive/phone-quiet-not-silent",
                   test_phone_on_passive_speaker_quiet_not_silent);
  g_test_add_func ("/verdicts/power/passive/headphone-amp-power-into-speaker-impedance",
                   test_headphone_amp_power_into_speaker_impedance);
  g_test_add_func ("/verdicts/power/headphone-drive/one-target", test_headphone_drive_one_target);
  g_test_add_func ("/verdicts/power/subwoofer/high-level-input-takes-speaker-level",
                   test_subwoofer_high_level_input_takes_speaker_level);
  g_test_add_func ("/verdicts/power/listening-distance/round-trip",
                   test_listening_distance_round_trip);
  g_test_add_func ("/verdicts/power/listening-distance/bad-value-refused",
                   test_listening_distance_bad_value_refused);
  g_test_add_func ("/verdicts/power/listening-distance/change-rechecks",
                   test_listening_distance_change_rechecks);
  g_test_add_func ("/verdicts/power/mains/unpowered-not-through-an-unfit-cable",
                   test_unpowered_not_through_an_unfit_cable);
  g_test_add_func ("/verdicts/power/phantom/ribbon-at-risk-only-unbalanced",
                   test_phantom_ribbon_at_risk_only_unbalanced);
  g_test_add_func ("/verdicts/power/mains/unplugged-captive-plug-is-not-a-strip",
                   test_unplugged_captive_plug_is_not_a_strip);
  g_test_add_func ("/verdicts/power/supply/voltage-reads-need-then-supply",
                   test_supply_voltage_reads_need_then_supply);
  g_test_add_func ("/verdicts/power/supply/usb-budget-fix-names-what-the-rig-has",
                   test_usb_budget_fix_names_what_the_rig_has);
  g_test_add_func ("/verdicts/power/loudness/overpowered-sums-the-speakers",
                   test_overpowered_sums_the_speakers);
  return g_test_run ();
}
