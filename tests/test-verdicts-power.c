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

static RigCatalog *
catalog (void)
{
  static RigCatalog *builtin;

  if (builtin == NULL)
    {
      g_autoptr (GError) error = NULL;
      builtin = rig_catalog_new ();
      g_assert_true (rig_catalog_load_builtin (builtin, &error));
      g_assert_no_error (error);
    }
  return builtin;
}

/* Adds a device of the catalog's model @id. */
static const char *
cat_add (RigDocument *doc, const char *id, const char *label)
{
  RigDeviceModel *model = rig_catalog_lookup (catalog (), id);
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
  return g_test_run ();
}
