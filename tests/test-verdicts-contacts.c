/* test-verdicts-contacts.c: phone contacts and direction, judged per contact
 * from the plug that actually meets the socket (doc/physics.md §2.1, §2.2,
 * §3.1-3.3, §4.2), and plugs that cannot meet (§2.3, §2.6).
 *
 * Each class has a rig where the verdict fires and a near miss where it must
 * not, built from the built-in catalog's models where they exist.
 *
 * RIG_TEST_DUMP=1 prints every rig's diagnostics.
 */
#include "config.h"

#include <string.h>

#include "rig-catalog.h"
#include "rig-command.h"
#include "rig-rule.h"
#include "rig-test-models.h"

static RigCatalog *
catalog (void)
{
  static RigCatalog *cat;

  if (cat == NULL)
    {
      g_autoptr (GError) error = NULL;
      cat = rig_catalog_new ();
      g_assert_true (rig_catalog_load_builtin (cat, &error));
      g_assert_no_error (error);
    }
  return cat;
}

/* Adds a device of catalog model @id (or of test model @id when the catalog
 * has none); the id lives as long as @doc. */
static const char *
add (RigDocument *doc, const char *id, const char *label)
{
  RigDeviceModel *model = rig_catalog_lookup (catalog (), id);
  RigCommand *command;
  g_autoptr (GError) error = NULL;
  GStringChunk *chunk = g_object_get_data (G_OBJECT (doc), "contacts-ids");

  if (model == NULL)
    return rig_test_add (doc, id, label);
  command = rig_command_add_device (model, label, 0, 0);
  if (!rig_history_apply (rig_test_history (doc), command, &error))
    g_error ("%s", error->message);
  if (chunk == NULL)
    {
      chunk = g_string_chunk_new (256);
      g_object_set_data_full (G_OBJECT (doc), "contacts-ids", chunk,
                              (GDestroyNotify) g_string_chunk_free);
    }
  return g_string_chunk_insert_const (chunk, rig_command_get_created_id (command));
}

/* A cable with phone plugs of @sa/@pa and @sb/@pb (conductors from the
 * poles of the shorter end). */
static const char *
phone_cable (RigDocument *doc, const char *a, const char *ja, RigPhoneSize sa, RigPoles pa,
             const char *b, const char *jb, RigPhoneSize sb, RigPoles pb)
{
  RigCableSpec spec;
  guint conductors = MIN (rig_poles_contacts (pa), rig_poles_contacts (pb));
  const char *id;

  rig_test_spec_phone (&spec, sa, pa, sb, pb, conductors);
  id = rig_test_connect_spec (doc, a, ja, b, jb, &spec);
  rig_cable_spec_clear (&spec);
  return id;
}

static const char *
aux_cable (RigDocument *doc, const char *a, const char *ja, const char *b, const char *jb)
{
  return phone_cable (doc, a, ja, RIG_PHONE_SIZE_3_5, RIG_POLES_TRS, b, jb, RIG_PHONE_SIZE_3_5,
                      RIG_POLES_TRS);
}

/* A captive plug straight into a socket. */
static const char *
direct (RigDocument *doc, const char *a, const char *ja, const char *b, const char *jb)
{
  RigCableSpec spec;
  const char *id;

  rig_cable_spec_init (&spec, RIG_CABLE_KIND_DIRECT);
  id = rig_test_connect_spec (doc, a, ja, b, jb, &spec);
  rig_cable_spec_clear (&spec);
  return id;
}

static const RigDiagnostic *
assert_fires (GPtrArray *diags, const char *code, const char *object, RigSeverity severity)
{
  const RigDiagnostic *d = rig_test_find (diags, code, object);

  if (d == NULL)
    {
      g_printerr ("expected %s on %s\n", code, object ? object : "(any)");
      rig_test_dump (diags);
    }
  g_assert_nonnull (d);
  g_assert_cmpstr (rig_severity_to_nick (d->severity), ==, rig_severity_to_nick (severity));
  return d;
}

static void
assert_silent (GPtrArray *diags, const char *code)
{
  if (rig_test_count (diags, code) != 0)
    {
      g_printerr ("expected no %s\n", code);
      rig_test_dump (diags);
    }
  g_assert_cmpuint (rig_test_count (diags, code), ==, 0);
}

static void
assert_text (const RigDiagnostic *d, const char *needle)
{
  g_autofree char *all = g_strjoin ("\n", d->message, d->why, d->hear, d->fix, NULL);

  if (strstr (all, needle) == NULL)
    g_printerr ("expected “%s” in:\n%s\n", needle, all);
  g_assert_nonnull (strstr (all, needle));
}

static void
assert_text_lacks (const RigDiagnostic *d, const char *needle)
{
  g_autofree char *all = g_strjoin ("\n", d->message, d->why, d->hear, d->fix, NULL);

  if (strstr (all, needle) != NULL)
    g_printerr ("unexpected “%s” in:\n%s\n", needle, all);
  g_assert_null (strstr (all, needle));
}

/* ---- 1. direction per contact (§2.2, §3.1, §3.2) ----------------------- */

/* Two phones joined by a TRS aux cable: each TRS plug grounds its phone's
 * mic contact, so only the two outputs meet. */
static void
test_trs_plug_grounds_headset_mic_two_phones (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *a = add (doc, "phone-ctia", "Phone A");
  const char *b = add (doc, "phone-ctia", "Phone B");
  const char *cable = aux_cable (doc, a, "headset", b, "headset");
  g_autoptr (GPtrArray) diags = rig_test_check_named (doc, "two phones, TRS");
  const RigDiagnostic *d;

  d = assert_fires (diags, RIG_CODE_SIGNAL_OUTPUT_TO_OUTPUT, cable, RIG_SEVERITY_ERROR);
  assert_text (d, "Phone A");
  assert_text (d, "Phone B");
  /* 1 V across 1 Ω + 1 Ω (physics.md §3.2). */
  assert_text (d, "500 mA");
  assert_text (d, "mic contact");
  assert_silent (diags, RIG_CODE_SIGNAL_LINE_INTO_MIC);
  assert_silent (diags, RIG_CODE_SIGNAL_INPUT_TO_INPUT);
}

/* A TRRS cable between two phones: left/right meet left/right (outputs),
 * mic meets mic; still never a line feeding a mic. */
static void
test_trrs_cable_joins_outputs_and_mics (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *a = add (doc, "phone-ctia", "Phone A");
  const char *b = add (doc, "phone-ctia", "Phone B");
  const char *cable = phone_cable (doc, a, "headset", RIG_PHONE_SIZE_3_5, RIG_POLES_TRRS, b,
                                   "headset", RIG_PHONE_SIZE_3_5, RIG_POLES_TRRS);
  g_autoptr (GPtrArray) diags = rig_test_check_named (doc, "two phones, TRRS");

  assert_fires (diags, RIG_CODE_SIGNAL_OUTPUT_TO_OUTPUT, cable, RIG_SEVERITY_ERROR);
  assert_silent (diags, RIG_CODE_SIGNAL_LINE_INTO_MIC);
}

/* Two phones joined by whatever cable the editor picks for two headset
 * sockets: outputs joined either way. */
static void
test_default_cable_between_phones_joins_outputs (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *a = add (doc, "phone-ctia", "Phone A");
  const char *b = add (doc, "phone-ctia", "Phone B");
  const char *cable = rig_test_connect (doc, a, "headset", b, "headset");
  g_autoptr (GPtrArray) diags = rig_test_check_named (doc, "two phones, default cable");

  assert_fires (diags, RIG_CODE_SIGNAL_OUTPUT_TO_OUTPUT, cable, RIG_SEVERITY_ERROR);
  assert_silent (diags, RIG_CODE_SIGNAL_LINE_INTO_MIC);
}

/* A Y-cable (headphone splitter) joining two phones' headset outputs into
 * one aux input: the outputs fight. */
static void
test_y_cable_joins_two_phone_outputs (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *a = add (doc, "phone-ctia", "Phone A");
  const char *b = add (doc, "phone-ctia", "Phone B");
  const char *y = add (doc, "splitter-headphone", "Y-cable");
  const char *spk = add (doc, "speaker-bluetooth", "Speaker");
  const char *ca, *cb;
  g_autoptr (GPtrArray) diags = NULL;

  ca = aux_cable (doc, a, "headset", y, "socket-1");
  cb = aux_cable (doc, b, "headset", y, "socket-2");
  direct (doc, y, "plug", spk, "aux-in");
  diags = rig_test_check_named (doc, "Y-cable, two phones");
  assert_fires (diags, RIG_CODE_SIGNAL_OUTPUT_TO_OUTPUT, ca, RIG_SEVERITY_ERROR);
  assert_fires (diags, RIG_CODE_SIGNAL_OUTPUT_TO_OUTPUT, cb, RIG_SEVERITY_ERROR);
  assert_silent (diags, RIG_CODE_SIGNAL_LINE_INTO_MIC);
  assert_silent (diags, RIG_CODE_CONNECTOR_GENDER);
}

/* A desktop PC's headphone out into a laptop's combo jack over a TRS cable:
 * the combo jack's mic contact is grounded, its outputs meet the PC's. */
static void
test_headphone_out_into_combo_jack (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *pc = add (doc, "desktop-pc", "PC");
  const char *laptop = add (doc, "laptop", "Laptop");
  const char *cable = aux_cable (doc, pc, "headphones", laptop, "headset");
  g_autoptr (GPtrArray) diags = rig_test_check_named (doc, "PC into combo jack");
  const RigDiagnostic *d;

  d = assert_fires (diags, RIG_CODE_SIGNAL_OUTPUT_TO_OUTPUT, cable, RIG_SEVERITY_ERROR);
  assert_text (d, "PC");
  assert_text (d, "Laptop");
  assert_silent (diags, RIG_CODE_SIGNAL_LINE_INTO_MIC);
}

/* Near misses: a phone into an aux input, a headset into a phone. */
static void
test_headset_jack_near_misses_clean (void)
{
  {
    g_autoptr (RigDocument) doc = rig_document_new ();
    const char *phone = add (doc, "phone-ctia", "Phone");
    const char *spk = add (doc, "speaker-bluetooth", "Speaker");
    g_autoptr (GPtrArray) diags = NULL;

    aux_cable (doc, phone, "headset", spk, "aux-in");
    diags = rig_test_check_named (doc, "phone into aux");
    assert_silent (diags, RIG_CODE_SIGNAL_OUTPUT_TO_OUTPUT);
    assert_silent (diags, RIG_CODE_SIGNAL_INPUT_TO_INPUT);
    assert_silent (diags, RIG_CODE_SIGNAL_LINE_INTO_MIC);
    assert_silent (diags, RIG_CODE_CONNECTOR_POLES);
  }
  {
    g_autoptr (RigDocument) doc = rig_document_new ();
    const char *phone = add (doc, "phone-ctia", "Phone");
    const char *hs = add (doc, "headset-ctia", "Headset");
    g_autoptr (GPtrArray) diags = NULL;

    direct (doc, hs, "plug", phone, "headset");
    diags = rig_test_check_named (doc, "headset into phone");
    g_assert_cmpuint (diags->len, ==, 0);
  }
}

/* A headset splitter on a phone: the lavalier on its mic socket meets only
 * the phone's mic contact, never the headphones on its other socket. */
static void
test_splitter_mic_socket_meets_only_mic_contact (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *phone = add (doc, "phone-ctia", "Phone");
  const char *split = add (doc, "adapter-headset-split", "Splitter");
  const char *hp = add (doc, "headphones-32", "Headphones");
  const char *lav = add (doc, "mic-lavalier", "Lav");
  g_autoptr (GPtrArray) diags = NULL;

  direct (doc, split, "plug", phone, "headset");
  direct (doc, hp, "plug", split, "headphones");
  direct (doc, lav, "plug", split, "mic");
  diags = rig_test_check_named (doc, "headset splitter with lav");
  assert_silent (diags, RIG_CODE_SIGNAL_MIC_INTO_LINE);
  assert_silent (diags, RIG_CODE_POWER_PHANTOM_MISSING);
  assert_silent (diags, RIG_CODE_SIGNAL_OUTPUT_TO_OUTPUT);
  assert_silent (diags, RIG_CODE_SIGNAL_CHANNELS);
}

/* A headset on a PC's separate sockets through a headset adapter: the PC's
 * headphone out reaches the earpieces, never its own mic input. */
static void
test_headset_adapter_keeps_headphone_out_off_mic_in (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *pc = add (doc, "desktop-pc", "PC");
  const char *join = add (doc, "adapter-headset-join", "Adapter");
  const char *hs = add (doc, "headset-ctia", "Headset");
  g_autoptr (GPtrArray) diags = NULL;

  direct (doc, join, "headphones", pc, "headphones");
  direct (doc, join, "mic", pc, "mic-in");
  direct (doc, hs, "plug", join, "socket");
  diags = rig_test_check_named (doc, "headset adapter on a PC");
  assert_silent (diags, RIG_CODE_SIGNAL_LINE_INTO_MIC);
  assert_silent (diags, RIG_CODE_SIGNAL_OUTPUT_TO_OUTPUT);
}

/* A line out into a computer's dedicated TRS mic input is still line level
 * into a mic input: the mic input's contacts all meet the line out's. */
static void
test_line_out_into_dedicated_mic_input (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *cd = add (doc, "desktop-pc", "PC");
  const char *pc2 = add (doc, "desktop-pc", "Recorder PC");
  const char *cable = aux_cable (doc, cd, "line-out", pc2, "mic-in");
  g_autoptr (GPtrArray) diags = rig_test_check_named (doc, "line out into mic in");

  assert_fires (diags, RIG_CODE_SIGNAL_LINE_INTO_MIC, cable, RIG_SEVERITY_WARNING);
  assert_silent (diags, RIG_CODE_SIGNAL_OUTPUT_TO_OUTPUT);
}

/* ---- 2. a headset jack's stereo into a balanced input (§4.2) ------------ */

static void
test_headset_stereo_into_balanced_input_hears_difference (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *phone = add (doc, "phone-ctia", "Phone");
  const char *mon = add (doc, "studio-monitor", "Monitor");
  const char *cable = phone_cable (doc, phone, "headset", RIG_PHONE_SIZE_3_5, RIG_POLES_TRS, mon,
                                   "trs-in", RIG_PHONE_SIZE_6_35, RIG_POLES_TRS);
  g_autoptr (GPtrArray) diags = rig_test_check_named (doc, "phone into balanced input");
  const RigDiagnostic *d;

  d = assert_fires (diags, RIG_CODE_SIGNAL_BALANCE, cable, RIG_SEVERITY_WARNING);
  assert_text (d, "Phone");
  assert_text (d, "Monitor");
  assert_silent (diags, RIG_CODE_SIGNAL_CHANNELS);
  assert_silent (diags, RIG_CODE_CONNECTOR_POLES);
}

/* Near miss: the same phone into a stereo aux input. */
static void
test_headset_stereo_into_stereo_input_clean (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *phone = add (doc, "phone-ctia", "Phone");
  const char *spk = add (doc, "speaker-bluetooth", "Speaker");
  g_autoptr (GPtrArray) diags = NULL;

  aux_cable (doc, phone, "headset", spk, "aux-in");
  diags = rig_test_check_named (doc, "phone into stereo aux");
  assert_silent (diags, RIG_CODE_SIGNAL_BALANCE);
  assert_silent (diags, RIG_CODE_SIGNAL_CHANNELS);
}

/* ---- 3. a TRS lavalier in a CTIA phone (§2.2) -------------------------- */

static void
test_trs_lavalier_sleeve_shorts_phone_mic (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *lav = add (doc, "mic-lavalier", "Lav");
  const char *phone = add (doc, "phone-ctia", "Phone");
  const char *cable = direct (doc, lav, "plug", phone, "headset");
  g_autoptr (GPtrArray) diags = rig_test_check_named (doc, "TRS lav into phone");
  const RigDiagnostic *d;

  d = assert_fires (diags, RIG_CODE_CONNECTOR_POLES, cable, RIG_SEVERITY_ERROR);
  assert_text (d, "Phone");
  assert_text (d, "Lav");
  assert_text (d, "TRRS");
  assert_silent (diags, RIG_CODE_SIGNAL_OUTPUT_TO_OUTPUT);
}

/* A TRRS lavalier (capsule on the CTIA mic contact), built here: the catalog
 * sells only the TRS one. */
static RigDeviceModel *
trrs_lavalier (void)
{
  static RigDeviceModel *m;

  if (m == NULL)
    {
      RigJack j;

      m = rig_device_model_new ("mic-lavalier-trrs", "Lavalier microphone (TRRS, for phones)",
                                RIG_CATEGORY_MICROPHONE);
      m->figures[RIG_FIGURE_POWER_SOURCE] = RIG_POWER_SOURCE_PHANTOM;
      rig_jack_init (&j);
      j.id = (char *) "plug";
      j.name = (char *) "Mic plug";
      j.connector = RIG_CONNECTOR_PHONE;
      j.size = RIG_PHONE_SIZE_3_5;
      j.poles = RIG_POLES_TRRS;
      j.wiring = RIG_WIRING_HEADSET_CTIA;
      j.gender = RIG_GENDER_PLUG;
      j.direction = RIG_DIRECTION_OUT;
      j.signal = RIG_SIGNAL_MIC;
      j.channels = 1;
      j.output_impedance = 1000;
      j.max_output_voltage = 0.01;
      j.plugin_power = RIG_SUPPLY_REQUIRES;
      rig_device_model_add_jack (m, &j);
    }
  return m;
}

static void
test_lavalier_near_misses_clean (void)
{
  {
    g_autoptr (RigDocument) doc = rig_document_new ();
    const char *lav = add (doc, "mic-lavalier", "Lav");
    const char *pc = add (doc, "desktop-pc", "PC");
    g_autoptr (GPtrArray) diags = NULL;

    direct (doc, lav, "plug", pc, "mic-in");
    diags = rig_test_check_named (doc, "TRS lav into PC mic in");
    assert_silent (diags, RIG_CODE_CONNECTOR_POLES);
    assert_silent (diags, RIG_CODE_SIGNAL_OUTPUT_TO_OUTPUT);
  }
  {
    g_autoptr (RigDocument) doc = rig_document_new ();
    RigCommand *command = rig_command_add_device (trrs_lavalier (), "Lav", 0, 0);
    const char *phone = add (doc, "phone-ctia", "Phone");
    g_autofree char *lav = NULL;
    g_autoptr (GPtrArray) diags = NULL;

    g_assert_true (rig_history_apply (rig_test_history (doc), command, NULL));
    lav = g_strdup (rig_command_get_created_id (command));
    direct (doc, lav, "plug", phone, "headset");
    diags = rig_test_check_named (doc, "TRRS lav into phone");
    assert_silent (diags, RIG_CODE_CONNECTOR_POLES);
    assert_silent (diags, RIG_CODE_SIGNAL_OUTPUT_TO_OUTPUT);
    assert_silent (diags, RIG_CODE_SIGNAL_LINE_INTO_MIC);
    assert_silent (diags, RIG_CODE_POWER_PHANTOM_MISSING);
  }
}

/* ---- 4. only a balanced source loses the cold leg's 6 dB (§4.2) -------- */

static void
assert_no_6db (GPtrArray *diags)
{
  for (guint i = 0; i < diags->len; i++)
    {
      const RigDiagnostic *d = g_ptr_array_index (diags, i);
      assert_text_lacks (d, "6 dB");
    }
}

/* A keyboard's TS line out into a mixer's balanced line input: full level. */
static void
test_unbalanced_into_balanced_loses_nothing (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *kb = add (doc, "keyboard", "Keyboard");
  const char *mixer = add (doc, "mixer-small", "Mixer");
  g_autoptr (GPtrArray) diags = NULL;

  phone_cable (doc, kb, "out-l", RIG_PHONE_SIZE_6_35, RIG_POLES_TS, mixer, "line-1",
               RIG_PHONE_SIZE_6_35, RIG_POLES_TS);
  diags = rig_test_check_named (doc, "keyboard TS into mixer");
  assert_no_6db (diags);
  assert_silent (diags, RIG_CODE_CONNECTOR_POLES);
  assert_silent (diags, RIG_CODE_SIGNAL_BALANCE);
}

/* The keyboard on a TRS cable: its TS socket grounds the ring, which is the
 * mixer input's cold leg; still full level. */
static void
test_unbalanced_on_trs_cable_loses_nothing (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *kb = add (doc, "keyboard", "Keyboard");
  const char *mixer = add (doc, "mixer-small", "Mixer");
  g_autoptr (GPtrArray) diags = NULL;

  phone_cable (doc, kb, "out-l", RIG_PHONE_SIZE_6_35, RIG_POLES_TRS, mixer, "line-1",
               RIG_PHONE_SIZE_6_35, RIG_POLES_TRS);
  diags = rig_test_check_named (doc, "keyboard TRS cable into mixer");
  assert_no_6db (diags);
  assert_silent (diags, RIG_CODE_CONNECTOR_POLES);
}

/* A balanced output on a TRS-to-TS cable into an unbalanced TS input: the
 * TS socket grounds the cold leg, 6 dB is lost. */
static void
test_balanced_into_ts_input_loses_6db (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *iface = add (doc, "interface-2x2", "Interface");
  const char *amp = add (doc, "guitar-amp-combo", "Combo");
  const char *cable = phone_cable (doc, iface, "out-l", RIG_PHONE_SIZE_6_35, RIG_POLES_TRS, amp,
                                   "input", RIG_PHONE_SIZE_6_35, RIG_POLES_TRS);
  g_autoptr (GPtrArray) diags = rig_test_check_named (doc, "balanced out into TS input");
  const RigDiagnostic *d;

  d = assert_fires (diags, RIG_CODE_CONNECTOR_POLES, cable, RIG_SEVERITY_INFO);
  assert_text (d, "6 dB");
  assert_text (d, "Interface");
}

/* A guitar into an interface's line/instrument TRS input over a TS cable. */
static void
test_guitar_ts_into_hiz_loses_nothing (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *gtr = add (doc, "guitar-electric", "Guitar");
  const char *iface = add (doc, "interface-2x2", "Interface");
  g_autoptr (GPtrArray) diags = NULL;

  phone_cable (doc, gtr, "out", RIG_PHONE_SIZE_6_35, RIG_POLES_TS, iface, "inst-1",
               RIG_PHONE_SIZE_6_35, RIG_POLES_TS);
  diags = rig_test_check_named (doc, "guitar TS into Hi-Z");
  assert_no_6db (diags);
}

/* A balanced output into a balanced input over a TS cable: the output's
 * cold leg is grounded, 6 dB is lost. */
static void
test_balanced_source_over_ts_loses_6db (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *iface = add (doc, "interface-2x2", "Interface");
  const char *mon = add (doc, "studio-monitor", "Monitor");
  const char *cable = phone_cable (doc, iface, "out-l", RIG_PHONE_SIZE_6_35, RIG_POLES_TS, mon,
                                   "trs-in", RIG_PHONE_SIZE_6_35, RIG_POLES_TS);
  g_autoptr (GPtrArray) diags = rig_test_check_named (doc, "balanced out, TS cable");
  const RigDiagnostic *d;

  d = assert_fires (diags, RIG_CODE_CONNECTOR_POLES, cable, RIG_SEVERITY_INFO);
  assert_text (d, "6 dB");
}

/* ---- 5. plugs that cannot meet carry nothing (§2.3, §2.6) -------------- */

static void
assert_only_connector (GPtrArray *diags, const char *cable)
{
  for (guint i = 0; i < diags->len; i++)
    {
      const RigDiagnostic *d = g_ptr_array_index (diags, i);
      if (!rig_diagnostic_concerns_cable (d, cable))
        continue;
      if (!g_str_has_prefix (d->code, "connector."))
        {
          g_printerr ("moot verdict %s on %s\n", d->code, cable);
          rig_test_dump (diags);
        }
      g_assert_true (g_str_has_prefix (d->code, "connector."));
    }
}

/* A keyboard's mono out on a cable whose plug meets the headphones' plug:
 * plug meets plug, and nothing else is said of that cable. */
static void
test_plug_meets_plug_only_impossibility (void)
{
  for (int fixed = 0; fixed < 2; fixed++)
    {
      g_autoptr (RigDocument) doc = rig_document_new ();
      const char *kb = add (doc, "keyboard", "Keyboard");
      const char *hp = add (doc, "headphones-32", "Headphones");
      RigCableSpec spec;
      const char *cable;
      g_autoptr (GPtrArray) diags = NULL;

      rig_test_spec_phone (&spec, RIG_PHONE_SIZE_6_35, RIG_POLES_TS, RIG_PHONE_SIZE_3_5,
                           RIG_POLES_TRS, 2);
      if (fixed)
        spec.ends[1].gender = RIG_GENDER_SOCKET; /* an extension end */
      cable = rig_test_connect_spec (doc, kb, "out-l", hp, "plug", &spec);
      rig_cable_spec_clear (&spec);
      diags = rig_test_check_named (doc, fixed ? "keyboard to headphones, socket end"
                                               : "plug meets plug");
      if (!fixed)
        {
          assert_fires (diags, RIG_CODE_CONNECTOR_GENDER, cable, RIG_SEVERITY_ERROR);
          assert_only_connector (diags, cable);
        }
      else
        {
          /* Near miss: the cable fits, and the moot verdict becomes real. */
          assert_silent (diags, RIG_CODE_CONNECTOR_GENDER);
          assert_fires (diags, RIG_CODE_SIGNAL_CHANNELS, cable, RIG_SEVERITY_WARNING);
        }
    }
}

/* Two phones on an RCA cable with no adapter: the plugs do not fit the
 * 3.5 mm sockets, so the outputs never meet. */
static void
test_family_mismatch_joins_nothing (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *a = add (doc, "phone-ctia", "Phone A");
  const char *b = add (doc, "phone-ctia", "Phone B");
  RigCableSpec spec;
  const char *cable;
  g_autoptr (GPtrArray) diags = NULL;

  rig_test_spec_plain (&spec, RIG_CONNECTOR_RCA, RIG_CONNECTOR_RCA);
  cable = rig_test_connect_spec (doc, a, "headset", b, "headset", &spec);
  rig_cable_spec_clear (&spec);
  diags = rig_test_check_named (doc, "RCA cable on phones");
  assert_fires (diags, RIG_CODE_CONNECTOR_FAMILY, cable, RIG_SEVERITY_ERROR);
  assert_only_connector (diags, cable);
  assert_silent (diags, RIG_CODE_SIGNAL_OUTPUT_TO_OUTPUT);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/verdicts/contacts/trs-plug-grounds-headset-mic-two-phones",
                   test_trs_plug_grounds_headset_mic_two_phones);
  g_test_add_func ("/verdicts/contacts/trrs-cable-joins-outputs-and-mics",
                   test_trrs_cable_joins_outputs_and_mics);
  g_test_add_func ("/verdicts/contacts/default-cable-between-phones-joins-outputs",
                   test_default_cable_between_phones_joins_outputs);
  g_test_add_func ("/verdicts/contacts/y-cable-joins-two-phone-outputs",
                   test_y_cable_joins_two_phone_outputs);
  g_test_add_func ("/verdicts/contacts/headphone-out-into-combo-jack",
                   test_headphone_out_into_combo_jack);
  g_test_add_func ("/verdicts/contacts/headset-jack-near-misses-clean",
                   test_headset_jack_near_misses_clean);
  g_test_add_func ("/verdicts/contacts/splitter-mic-socket-meets-only-mic-contact",
                   test_splitter_mic_socket_meets_only_mic_contact);
  g_test_add_func ("/verdicts/contacts/headset-adapter-keeps-headphone-out-off-mic-in",
                   test_headset_adapter_keeps_headphone_out_off_mic_in);
  g_test_add_func ("/verdicts/contacts/line-out-into-dedicated-mic-input",
                   test_line_out_into_dedicated_mic_input);
  g_test_add_func ("/verdicts/contacts/headset-stereo-into-balanced-input-hears-difference",
                   test_headset_stereo_into_balanced_input_hears_difference);
  g_test_add_func ("/verdicts/contacts/headset-stereo-into-stereo-input-clean",
                   test_headset_stereo_into_stereo_input_clean);
  g_test_add_func ("/verdicts/contacts/trs-lavalier-sleeve-shorts-phone-mic",
                   test_trs_lavalier_sleeve_shorts_phone_mic);
  g_test_add_func ("/verdicts/contacts/lavalier-near-misses-clean",
                   test_lavalier_near_misses_clean);
  g_test_add_func ("/verdicts/contacts/unbalanced-into-balanced-loses-nothing",
                   test_unbalanced_into_balanced_loses_nothing);
  g_test_add_func ("/verdicts/contacts/unbalanced-on-trs-cable-loses-nothing",
                   test_unbalanced_on_trs_cable_loses_nothing);
  g_test_add_func ("/verdicts/contacts/balanced-into-ts-input-loses-6db",
                   test_balanced_into_ts_input_loses_6db);
  g_test_add_func ("/verdicts/contacts/guitar-ts-into-hiz-loses-nothing",
                   test_guitar_ts_into_hiz_loses_nothing);
  g_test_add_func ("/verdicts/contacts/balanced-source-over-ts-loses-6db",
                   test_balanced_source_over_ts_loses_6db);
  g_test_add_func ("/verdicts/contacts/plug-meets-plug-only-impossibility",
                   test_plug_meets_plug_only_impossibility);
  g_test_add_func ("/verdicts/contacts/family-mismatch-joins-nothing",
                   test_family_mismatch_joins_nothing);

  return g_test_run ();
}
