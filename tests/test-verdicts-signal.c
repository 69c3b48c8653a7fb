/* test-verdicts-signal.c: the verdicts of signal, impedance, ground and
 * topology, each class from its physics (doc/physics.md §4, §6, §7): a rig
 * where the verdict fires and the near miss where it must not; and a scan of
 * every diagnostic text of the rule cases and the examples for references
 * users cannot see and stray capitals. */
#include "config.h"

#include <string.h>

#include "rig-command.h"
#include "rig-format.h"
#include "rig-test-rigs.h"

#define ADD(model, label) rig_test_add (doc, model, label)
#define CONNECT(a, ja, b, jb) rig_test_connect (doc, a, ja, b, jb)

/* The first diagnostic of @code in @doc, or NULL; @diags keeps it. */
static RigDiagnostic *
find (GPtrArray *diags, const char *code)
{
  for (guint i = 0; i < diags->len; i++)
    if (g_str_equal (((RigDiagnostic *) diags->pdata[i])->code, code))
      return diags->pdata[i];
  return NULL;
}

/* The diagnostic of @code in @diags graded @severity; with NONE, asserts
 * there is none and returns NULL. */
static RigDiagnostic *
expect (GPtrArray *diags, const char *code, RigSeverity severity)
{
  RigDiagnostic *d = find (diags, code);

  if (severity == RIG_SEVERITY_NONE)
    {
      if (d != NULL)
        rig_test_dump (diags);
      g_assert_null (d);
      return NULL;
    }
  if (d == NULL)
    rig_test_dump (diags);
  g_assert_nonnull (d);
  g_assert_cmpint (d->severity, ==, severity);
  return d;
}

static void
assert_text (const RigDiagnostic *d, const char *part)
{
  g_autofree char *all = g_strjoin ("\n", d->message, d->why, d->hear, d->fix, NULL);
  if (strstr (all, part) == NULL)
    g_error ("%s: \"%s\" not in:\n%s", d->code, part, all);
}

static void
assert_not_text (const RigDiagnostic *d, const char *part)
{
  g_autofree char *all = g_strjoin ("\n", d->message, d->why, d->hear, d->fix, NULL);
  if (strstr (all, part) != NULL)
    g_error ("%s: \"%s\" should not be in:\n%s", d->code, part, all);
}

/* Models of this file. */
static RigDeviceModel *
keyboard_model (void)
{
  static RigDeviceModel *m;
  if (m == NULL)
    {
      RigJack j;
      m = rig_device_model_new ("test-keyboard", "Keyboard", RIG_CATEGORY_INSTRUMENT);
      m->figures[RIG_FIGURE_POWER_SOURCE] = RIG_POWER_SOURCE_MAINS;
      m->figures[RIG_FIGURE_EARTHED] = 0;
      for (int side = 0; side < 2; side++)
        {
          rig_jack_init (&j);
          j.id = (char *) (side ? "out-r" : "out-l");
          j.name = (char *) (side ? "Line out R" : "Line out L");
          j.connector = RIG_CONNECTOR_PHONE;
          j.size = RIG_PHONE_SIZE_6_35;
          j.wiring = RIG_WIRING_MONO;
          j.poles = rig_wiring_poles (j.wiring);
          j.gender = RIG_GENDER_SOCKET;
          j.direction = RIG_DIRECTION_OUT;
          j.signal = RIG_SIGNAL_LINE_CONSUMER;
          j.channels = 1;
          j.output_impedance = 470;
          j.max_output_voltage = 2;
          rig_device_model_add_jack (m, &j);
        }
    }
  return m;
}

static const char *
add_model (RigDocument *doc, RigDeviceModel *model, const char *label)
{
  RigCommand *command = rig_command_add_device (model, label, 0, 0);

  g_assert_true (rig_history_apply (rig_test_history (doc), command, NULL));
  return g_intern_string (rig_command_get_created_id (command));
}

/* ---- ground loops (§7.3) ------------------------------------------------ */

static void
test_ground_loop_needs_two_references (void)
{
  for (int earthed = 0; earthed < 2; earthed++)
    {
      g_autoptr (RigDocument) doc = rig_document_new ();
      const char *kb = add_model (doc, keyboard_model (), "Keyboard");
      const char *mixer = ADD ("mixer", "Mixer");
      g_autoptr (GPtrArray) diags = NULL;
      RigDiagnostic *d;

      CONNECT (kb, "out-l", mixer, "line-3");
      CONNECT (kb, "out-r", mixer, "return");
      rig_test_set_figure (doc, kb, RIG_FIGURE_EARTHED, earthed);
      diags = rig_test_check (doc);
      d = find (diags, "signal.ground-loop");
      if (!earthed)
        {
          /* One earthed device (the mixer) in the loop: no hum loop. */
          g_assert_null (d);
          continue;
        }
      g_assert_nonnull (d);
      g_assert_cmpint (d->severity, ==, RIG_SEVERITY_WARNING);
      assert_text (d, "Mixer and Keyboard are earthed through their mains plugs");
      assert_text (d, "mains earth");
      assert_not_text (d, "computer");
    }
}

static void
test_ground_loop_reference_stays_in_its_block (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *kb = add_model (doc, keyboard_model (), "Keyboard");
  const char *mixer = ADD ("mixer", "Mixer");
  const char *amp = ADD ("amp-integrated", "Amp");
  const char *a = CONNECT (kb, "out-l", mixer, "line-3");
  const char *b = CONNECT (kb, "out-r", mixer, "return");
  const char *c = CONNECT (mixer, "phones", amp, "aux-in");
  g_autoptr (GPtrArray) diags = rig_test_check (doc);

  /* The mixer and the amplifier, both earthed, hum through Cable c; the
   * two-pin keyboard's ring meets that loop only at the mixer: no simple
   * cycle takes both, so it hums not. */
  g_assert_true (rig_test_has (diags, "signal.ground-loop", c));
  g_assert_false (rig_test_has (diags, "signal.ground-loop", a));
  g_assert_false (rig_test_has (diags, "signal.ground-loop", b));
}

static void
test_ground_loop_power_over_cable (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *pc = ADD ("pc", "PC");
  const char *spk = ADD ("speaker-usb", "USB speakers");
  g_autoptr (GPtrArray) diags = NULL;
  RigDiagnostic *d;

  rig_test_set_figure (doc, pc, RIG_FIGURE_EARTHED, 0);
  CONNECT (pc, "usb-1", spk, "usb-power");
  CONNECT (pc, "line-out", spk, "aux-in");
  diags = rig_test_check (doc);
  d = find (diags, "signal.ground-loop");
  g_assert_nonnull (d);
  assert_text (d, "PC powers USB speakers");
  assert_text (d, "separate charger");
}

static void
test_ground_loop_battery_device_is_no_loop (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *kb = add_model (doc, keyboard_model (), "Keyboard");
  const char *amp = ADD ("hp-amp", "Headphone amp");
  g_autoptr (GPtrArray) diags = NULL;

  /* Two audio cables to a two-pin device: nothing drives the ring. */
  rig_test_set_figure (doc, kb, RIG_FIGURE_EARTHED, 1);
  CONNECT (kb, "out-l", amp, "in");
  CONNECT (kb, "out-r", amp, "aux-in");
  diags = rig_test_check (doc);
  g_assert_null (find (diags, "signal.ground-loop"));
}

/* ---- rule of eighths (§6.3, §6.4) --------------------------------------- */

static void
test_headphone_output_by_swing (void)
{
  const struct
  {
    const char *headphones;
    RigSeverity severity; /* NONE: no diagnostic */
  } cases[] = {
    /* 24 Ω TV output: 32 Ω headphones rising to 54 Ω swing 1.7 dB. */
    { "headphones-32", RIG_SEVERITY_WARNING },
    /* 300 Ω on 24 Ω: 12.5 times, 0.3 dB of swing. */
    { "headphones-300", RIG_SEVERITY_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (RigDocument) doc = rig_document_new ();
      g_autoptr (GPtrArray) diags = NULL;
      RigDiagnostic *d;

      CONNECT (ADD ("tv", "TV"), "hp-out", ADD (cases[i].headphones, "Headphones"), "plug");
      diags = rig_test_check (doc);
      d = expect (diags, "impedance.headphone-output", cases[i].severity);
      if (d != NULL)
        assert_text (d, "1.7 dB");
    }
}

static void
test_headphone_output_modest_ratio_is_info (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *tv = ADD ("tv", "TV");
  g_autoptr (GPtrArray) diags = NULL;
  RigDiagnostic *d;
  RigDeviceModel *m = rig_test_model ("tv");
  double saved = m->jacks[1].output_impedance;

  /* A 47 Ω receiver socket on 300 Ω headphones: 1.3 dB down, 0.5 dB of
   * swing across their curve. A note, not a warning. */
  g_assert_cmpstr (m->jacks[1].id, ==, "hp-out");
  m->jacks[1].output_impedance = 47;
  CONNECT (tv, "hp-out", ADD ("headphones-300", "Headphones"), "plug");
  diags = rig_test_check (doc);
  m->jacks[1].output_impedance = saved;
  d = find (diags, "impedance.headphone-output");
  g_assert_nonnull (d);
  g_assert_cmpint (d->severity, ==, RIG_SEVERITY_INFO);
  assert_text (d, "1.3 dB down");
  assert_text (d, "0.5 dB");
}

static void
test_damping_by_swing (void)
{
  const struct
  {
    const char *amp, *in;
    RigSeverity severity;
  } cases[] = {
    /* A 2 Ω tube output on 8 Ω (6.4 to 24 Ω assumed): 1.7 dB of swing. */
    { "amp-tube", "in", RIG_SEVERITY_WARNING },
    /* A solid-state amp: far under 1/8. */
    { "amp-integrated", "in-cd", RIG_SEVERITY_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (RigDocument) doc = rig_document_new ();
      const char *amp = ADD (cases[i].amp, "Amp");
      g_autoptr (GPtrArray) diags = NULL;
      RigDiagnostic *d;

      CONNECT (ADD ("cd-player", "CD"), "line-out", amp, cases[i].in);
      CONNECT (amp, "spk-l", ADD ("speaker-8", "Bookshelf"), "in");
      diags = rig_test_check (doc);
      d = expect (diags, "impedance.damping", cases[i].severity);
      if (d != NULL)
        assert_text (d, "1.7 dB");
    }
}

static void
test_damping_modest_is_info (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  RigDeviceModel *m = rig_test_model ("amp-tube");
  const char *amp = ADD ("amp-tube", "Amp");
  double saved = m->jacks[1].output_impedance;
  g_autoptr (GPtrArray) diags = NULL;
  RigDiagnostic *d;

  /* 1.2 Ω on 8 Ω: DF 6.7, under the rule of eighths, but 1.1 dB of swing. */
  g_assert_cmpstr (m->jacks[1].id, ==, "spk-l");
  m->jacks[1].output_impedance = 1.2;
  CONNECT (ADD ("cd-player", "CD"), "line-out", amp, "in");
  CONNECT (amp, "spk-l", ADD ("speaker-8", "Bookshelf"), "in");
  diags = rig_test_check (doc);
  m->jacks[1].output_impedance = saved;
  d = find (diags, "impedance.damping");
  g_assert_nonnull (d);
  g_assert_cmpint (d->severity, ==, RIG_SEVERITY_INFO);
}

static void
test_iem_on_high_output_impedance (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  RigDeviceModel *m = rig_test_model ("headphones-32");
  char *saved = m->keywords;
  g_autoptr (GPtrArray) diags = NULL;
  RigDiagnostic *d;

  RigDeviceModel *mixer = rig_test_model ("mixer");
  RigJack *phones = (RigJack *) rig_device_model_find_jack (mixer, "phones");
  RigPhoneSize saved_size = phones->size;

  /* In-ear monitors, 32 Ω swinging from 16 to 64 Ω, on the mixer's 10 Ω
   * phones output: 3.2 times, and 2.9 dB of swing. (The IEMs' 3.5 mm plug
   * must fit the socket, or there is no link to judge.) */
  m->keywords = (char *) "iem in-ear";
  phones->size = RIG_PHONE_SIZE_3_5;
  CONNECT (ADD ("mixer", "Mixer"), "phones", ADD ("headphones-32", "IEMs"), "plug");
  diags = rig_test_check (doc);
  m->keywords = saved;
  phones->size = saved_size;
  d = find (diags, "impedance.headphone-output");
  g_assert_nonnull (d);
  g_assert_cmpint (d->severity, ==, RIG_SEVERITY_WARNING);
  assert_text (d, "in-ear");
}

/* ---- bridging by class (§6.1) ------------------------------------------- */

static void
test_mic_link_designed_for_five_times (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (GPtrArray) diags = NULL;

  /* A dynamic mic into a 3 kΩ mic input: normal practice. */
  CONNECT (ADD ("mic-dynamic", "Mic"), "out", ADD ("mixer", "Mixer"), "mic-1");
  diags = rig_test_check (doc);
  g_assert_null (find (diags, "impedance.bridging"));
}

static void
test_mic_link_below_twice (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  RigDeviceModel *m = rig_test_model ("mixer");
  double saved = m->jacks[0].input_impedance;
  g_autoptr (GPtrArray) diags = NULL;
  RigDiagnostic *d;

  /* A 300 Ω ribbon into a 500 Ω input: 1.7 times, 4.1 dB lost. */
  g_assert_cmpstr (m->jacks[0].id, ==, "mic-1");
  m->jacks[0].input_impedance = 500;
  CONNECT (ADD ("mic-ribbon", "Mic"), "out", ADD ("mixer", "Mixer"), "mic-1");
  diags = rig_test_check (doc);
  m->jacks[0].input_impedance = saved;
  d = find (diags, "impedance.bridging");
  g_assert_nonnull (d);
  g_assert_cmpint (d->severity, ==, RIG_SEVERITY_WARNING);
  assert_text (d, "at least 2 times");
  assert_text (d, "4.1 dB");
}

/* ---- cable length (§7.1, §7.2) ------------------------------------------ */

typedef struct
{
  const char *source, *source_jack, *dest, *dest_jack;
  double near_miss, firing; /* metres */
  const char *says, *never_says;
} LengthCase;

/* A passive pickup (about 50 kΩ in the treble) on 6 m of 100 pF/m: the
 * corner at 5.3 kHz, the stage norm; on 10 m, 3.2 kHz, plainly dull. */
static const LengthCase pickup_corner
    = { "guitar", "out", "interface", "inst", 6, 10, "3.2 kHz", "hum" };
/* A line output loses no treble at any home length (its corner is in the
 * MHz); beyond about 10 m an unbalanced run risks hum. */
static const LengthCase line_hum
    = { "cd-player", "line-out", "subwoofer", "lfe-in", 8, 15, "hum", "muffled" };

static void
test_cable_length (gconstpointer data)
{
  const LengthCase *lc = data;

  for (int fire = 0; fire < 2; fire++)
    {
      g_autoptr (RigDocument) doc = rig_document_new ();
      const char *c = CONNECT (ADD (lc->source, "Source"), lc->source_jack, ADD (lc->dest, "Dest"),
                               lc->dest_jack);
      g_autoptr (GPtrArray) diags = NULL;
      RigDiagnostic *d;

      rig_test_set_length (doc, c, fire ? lc->firing : lc->near_miss);
      diags = rig_test_check (doc);
      d = expect (diags, "signal.cable-length", fire ? RIG_SEVERITY_WARNING : RIG_SEVERITY_NONE);
      if (d == NULL)
        continue;
      assert_text (d, lc->says);
      assert_text (d, "assumed");
      assert_not_text (d, lc->never_says);
    }
}

/* ---- unwired devices (§7.4) --------------------------------------------- */

static void
test_unwired_listener_gets_no_verdict (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *spk = ADD ("speaker-usb", "USB speakers");
  g_autoptr (GPtrArray) diags = NULL;

  ADD ("speaker-8", "Bookshelf");
  ADD ("headphones-32", "Headphones");
  /* Charging from a phone is no audio wiring. */
  CONNECT (ADD ("laptop", "Laptop"), "usb-a", spk, "usb-power");
  diags = rig_test_check (doc);
  g_assert_cmpuint (rig_test_count (diags, "topology.no-signal"), ==, 0);
}

/* ---- line into a mic input (§4.1, §4.3) --------------------------------- */

static void
test_line_into_mic_by_headroom (void)
{
  g_autoptr (RigDocument) pro = rig_document_new ();
  g_autoptr (RigDocument) consumer = rig_document_new ();
  g_autoptr (GPtrArray) dp = NULL;
  g_autoptr (GPtrArray) dc = NULL;
  RigDiagnostic *d;

  /* Pro line (+4 dBu, peaks to 8 V = +20.3 dBu) into an XLR preamp that
   * clips near +10 dBu at minimum gain: the peaks clip. */
  {
    RigDocument *doc = pro;
    CONNECT (ADD ("mixer", "Desk A"), "main-l", ADD ("mixer", "Desk B"), "mic-2");
  }
  dp = rig_test_check (pro);
  d = find (dp, "signal.line-into-mic");
  g_assert_nonnull (d);
  g_assert_cmpint (d->severity, ==, RIG_SEVERITY_WARNING);
  assert_text (d, "1.23 V");
  assert_text (d, "peaks go");
  assert_text (d, "+10 dBu");
  assert_text (d, "Distortion on loud passages"); /* the nominal level fits */

  /* Consumer line peaking at 1 V (+2.2 dBu): clean at the lowest gain. */
  {
    RigDocument *doc = consumer;
    CONNECT (ADD ("pc", "PC"), "line-out", ADD ("mixer", "Mixer"), "mic-1");
  }
  dc = rig_test_check (consumer);
  d = find (dc, "signal.line-into-mic");
  g_assert_nonnull (d);
  g_assert_cmpint (d->severity, ==, RIG_SEVERITY_INFO);
  assert_text (d, "0.32 V");
}

static void
test_line_into_small_mic_input (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (GPtrArray) diags = NULL;
  RigDiagnostic *d;

  /* A CD player's −10 dBV into a computer's 3.5 mm mic input (about 0.1 V
   * at the lowest gain): the nominal level alone is 10 dB over. */
  CONNECT (ADD ("cd-player", "CD"), "line-out", ADD ("pc", "PC"), "mic-in");
  diags = rig_test_check (doc);
  d = find (diags, "signal.line-into-mic");
  g_assert_nonnull (d);
  g_assert_cmpint (d->severity, ==, RIG_SEVERITY_WARNING);
  assert_text (d, "3.5 mm mic input");
  assert_text (d, "nominal level alone is 10 dB over");
  assert_text (d, "even with the gain at its lowest");
}

/* A fix names only jacks the rig's devices have, or a device to add. */
static void
test_fix_names_own_jacks (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *mixer = ADD ("mixer", "Mixer");
  g_autoptr (GPtrArray) diags = NULL;
  RigDiagnostic *d;

  CONNECT (ADD ("mic-dynamic", "Mic"), "out", mixer, "line-3");
  CONNECT (ADD ("guitar", "Guitar"), "out", mixer, "return");
  CONNECT (ADD ("mic-dynamic", "Vocal mic"), "out", ADD ("monitor", "Monitor"), "xlr-in");
  diags = rig_test_check (doc);
  d = expect (diags, "signal.instrument-into-line", RIG_SEVERITY_WARNING);
  assert_text (d, "DI out → Mixer mic 1");
  g_assert_cmpuint (rig_test_count (diags, "signal.mic-into-line"), ==, 2);
  for (guint i = 0; i < diags->len; i++)
    {
      d = diags->pdata[i];
      if (!g_str_equal (d->code, "signal.mic-into-line"))
        continue;
      if (strstr (d->message, "Monitor") != NULL)
        assert_text (d, "a mixer's or an audio interface's XLR input");
      else
        assert_text (d, "Plug Mic into Mixer mic 1 instead");
    }
}

/* ---- words (every text) ------------------------------------------------- */

/* TRUE when @text at @p starts a device label or jack name of @doc. */
static gboolean
starts_a_name (RigDocument *doc, const char *p)
{
  for (guint i = 0; i < rig_document_get_n_devices (doc); i++)
    {
      RigDevice *dev = rig_document_get_device (doc, i);
      const char *label = dev->label;
      if (label != NULL && g_str_has_prefix (p, label))
        return TRUE;
      if (g_str_has_prefix (p, dev->model->name))
        return TRUE;
      for (guint j = 0; j < dev->model->n_jacks; j++)
        if (g_str_has_prefix (p, dev->model->jacks[j].name))
          return TRUE;
    }
  return g_str_has_prefix (p, "Cable ");
}

/* Every finding, reported at the end. */
static GString *findings;

static void
scan_text (RigDocument *doc, const char *where, const char *code, const char *text)
{
  static const char *const hidden[] = { "article", "physics.md", "doc §", "§", "Article", NULL };

  if (text == NULL)
    return;
  for (guint i = 0; hidden[i] != NULL; i++)
    if (strstr (text, hidden[i]) != NULL)
      g_string_append_printf (findings, "%s: %s cites \"%s\" users cannot see: %s\n", where, code,
                              hidden[i], text);
  /* A stray capital: "(Headphone level)", ", Use". A capital after "(" or
   * mid-sentence must start a name of the rig or an acronym. */
  for (const char *p = text; *p != '\0'; p++)
    {
      const char *w;
      if (*p == '(')
        w = p + 1;
      else if ((*p == ',' || *p == ';' || *p == ':') && p[1] == ' ')
        w = p + 2;
      else
        continue;
      if (g_ascii_isupper (w[0]) && g_ascii_islower (w[1]) && !starts_a_name (doc, w)
          && !g_str_has_prefix (w, "Hi-Z") && !g_str_has_prefix (w, "Bluetooth"))
        g_string_append_printf (findings, "%s: %s has a stray capital at \"%.20s\": %s\n", where,
                                code, w, text);
    }
}

static void
scan_doc (RigDocument *doc, const char *where)
{
  g_autoptr (GPtrArray) diags = rig_test_check (doc);

  for (guint i = 0; i < diags->len; i++)
    {
      RigDiagnostic *d = diags->pdata[i];
      scan_text (doc, where, d->code, d->message);
      scan_text (doc, where, d->code, d->why);
      scan_text (doc, where, d->code, d->hear);
      scan_text (doc, where, d->code, d->fix);
    }
}

static void
test_texts_cite_nothing_hidden (void)
{
  guint n;
  const RigTestRuleCase *cases = rig_test_rule_cases (&n);
  g_auto (GStrv) names = NULL;

  findings = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    for (int fixed = 0; fixed < 2; fixed++)
      {
        g_autoptr (RigDocument) doc = rig_document_new ();
        cases[i].build (doc, fixed);
        scan_doc (doc, cases[i].path);
      }
  names = g_resources_enumerate_children ("/io/github/rigwire/Rigwire/examples/",
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert_nonnull (names);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat ("/io/github/rigwire/Rigwire/examples/", names[i], NULL);
      g_autoptr (GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      g_autoptr (RigDocument) doc = NULL;
      g_autoptr (GError) error = NULL;

      g_assert_nonnull (bytes);
      doc = rig_format_load_bytes (bytes, names[i], NULL, &error);
      g_assert_no_error (error);
      scan_doc (doc, names[i]);
      /* A lesson's own words too: its title and notes. */
      scan_text (doc, names[i], "title", rig_document_get_title (doc));
      scan_text (doc, names[i], "notes", rig_document_get_notes (doc));
    }
  if (findings->len > 0)
    g_printerr ("%s", findings->str);
  g_assert_cmpuint (findings->len, ==, 0);
  g_string_free (findings, TRUE);
}

/* physics.md §3, §2.3: a cable whose plugs cannot meet touches nothing, so
 * it closes no ground loop; joined properly, the same rig (USB speakers
 * powered by the laptop that feeds them) has one. */
static void
test_ground_loop_not_through_an_unfit_cable (void)
{
  const char *devices = "<devices>" RIG_XML_DEV ("d1", "laptop", "Laptop")
      RIG_XML_DEV ("d2", "speaker-computer-usb", "Speakers") "</devices>";
  g_autofree char *unfit = g_strconcat (
      devices,
      "<cables>" RIG_XML_DIRECT (
          "c1", "d2", "usb-power", "d1",
          "usb-a-1") "<cable id=\"c2\" number=\"X-002\" kind=\"cable\" from-device=\"d1\" "
                     "from-jack=\"headset\" "
                     "to-device=\"d2\" to-jack=\"aux-in\" conductors=\"3\"><end side=\"from\" "
                     "connector=\"phone\" size=\"3.5\" poles=\"trs\" gender=\"plug\"/><end "
                     "side=\"to\" "
                     "connector=\"phone\" size=\"3.5\" poles=\"trs\" "
                     "gender=\"plug\"/></cable></cables>",
      NULL);
  g_autofree char *fit
      = g_strconcat (devices,
                     "<cables>" RIG_XML_DIRECT ("c1", "d2", "usb-power", "d1", "usb-a-1")
                         RIG_XML_DIRECT ("c2", "d2", "aux-in", "d1", "headset") "</cables>",
                     NULL);
  g_autoptr (GPtrArray) bad = rig_test_check_rig (unfit);
  g_autoptr (GPtrArray) good = rig_test_check_rig (fit);
  RigDiagnostic *d;

  d = expect (bad, "connector.gender", RIG_SEVERITY_ERROR);
  assert_text (d, "plug meets plug");
  expect (bad, "signal.ground-loop", RIG_SEVERITY_NONE);
  expect (bad, "power.unpowered", RIG_SEVERITY_NONE);
  expect (bad, "topology.no-signal", RIG_SEVERITY_NONE);
  expect (good, "signal.ground-loop", RIG_SEVERITY_WARNING);
}

/* physics.md §7.3: a loop closed only by a battery laptop's supply return
 * carries its whine and clicks, not mains hum; the same loop on a desktop
 * PC on mains hums. */
static void
test_ground_loop_hear_follows_its_references (void)
{
  g_autoptr (GPtrArray) laptop
      = rig_test_check_rig ("<devices>" RIG_XML_DEV ("d1", "laptop", "Laptop") RIG_XML_DEV (
          "d2", "speaker-computer-usb",
          "Speakers") "</devices><cables>" RIG_XML_DIRECT ("c1", "d2", "usb-power", "d1", "usb-a-1")
                                RIG_XML_DIRECT ("c2", "d2", "aux-in", "d1", "headset") "</cables>");
  g_autoptr (GPtrArray) desktop = rig_test_check_rig (
      "<devices>" RIG_XML_DEV ("d1", "desktop-pc", "PC") RIG_XML_DEV (
          "d2", "speaker-computer-usb",
          "Speakers") "</devices><cables>" RIG_XML_DIRECT ("c1", "d2", "usb-power", "d1", "usb-a-3")
          RIG_XML_DIRECT ("c2", "d2", "aux-in", "d1", "line-out") "</cables>");
  RigDiagnostic *d;

  d = expect (laptop, "signal.ground-loop", RIG_SEVERITY_WARNING);
  assert_text (d, "Whine, clicks and buzz that follow what Laptop is doing");
  assert_text (d, "no mains hum");
  assert_not_text (d, "50 or 60 Hz");

  d = expect (desktop, "signal.ground-loop", RIG_SEVERITY_WARNING);
  assert_text (d, "50 or 60 Hz hum");
  assert_text (d, "whine and clicks from PC");
}

/* physics.md §4.1, §4.3: a phone's headphone out sent down a line has
 * consumer line's nominal level (0.32 V) and peaks at its stated 1 V: that
 * overloads a computer's 3.5 mm mic input by 10 dB; its line input is the
 * near miss. */
static void
test_line_into_mic_nominal_from_class_peak_from_source (void)
{
  g_autoptr (GPtrArray) pc = rig_test_check_rig (
      "<devices>" RIG_XML_DEV ("d1", "phone-ctia", "Phone")
          RIG_XML_DEV ("d2", "desktop-pc", "PC") "</devices><cables>" RIG_XML_PLUGS (
              "c1", "d1", "headset", "phone", "d2", "mic-in", "phone") "</cables>");
  g_autoptr (GPtrArray) line = rig_test_check_rig (
      "<devices>" RIG_XML_DEV ("d1", "phone-ctia", "Phone")
          RIG_XML_DEV ("d2", "desktop-pc", "PC") "</devices><cables>" RIG_XML_PLUGS (
              "c1", "d1", "headset", "phone", "d2", "line-in", "phone") "</cables>");
  RigDiagnostic *d;

  d = expect (pc, "signal.line-into-mic", RIG_SEVERITY_WARNING);
  assert_text (d, "about 0.32 V (−7.8 dBu) nominal");
  assert_text (d, "peaks up to 1 V (+2.2 dBu), its stated maximum output");
  assert_text (d, "10 dB over");
  assert_not_text (d, "1 V (+2.2 dBu) nominal");
  expect (line, "signal.line-into-mic", RIG_SEVERITY_NONE);
}

/* physics.md §7.4: headphones on a mixer's headphone output hear nothing
 * when nothing feeds the mixer: the fix names the mixer's free inputs; a
 * source on one of them is the near miss. */
static void
test_no_signal_names_the_upstream_inputs (void)
{
  g_autoptr (GPtrArray) bare = rig_test_check_rig (
      "<devices>" RIG_XML_DEV ("d1", "mixer-small", "Mixer")
          RIG_XML_DEV ("d2", "headphones-250", "Headphones") "</devices><cables>" RIG_XML_DIRECT (
              "c1", "d1", "headphones", "d2", "plug") "</cables>");
  g_autoptr (GPtrArray) fed = rig_test_check_rig (
      "<devices>" RIG_XML_DEV ("d1", "mixer-small", "Mixer")
          RIG_XML_DEV ("d2", "headphones-250", "Headphones")
              RIG_XML_DEV ("d3", "mic-dynamic", "Mic") "</devices><cables>" RIG_XML_DIRECT (
                  "c1", "d1", "headphones", "d2", "plug")
                  RIG_XML_PLUGS ("c2", "d3", "out", "xlr", "d1", "mic-1", "xlr") "</cables>");
  RigDiagnostic *d;

  d = expect (bare, "topology.no-signal", RIG_SEVERITY_ERROR);
  assert_text (d, "connected to an output of Mixer, but nothing feeds Mixer");
  assert_text (d, "to an input of Mixer: Mixer mic in 1");
  assert_not_text (d, "into a headphone output");
  expect (fed, "topology.no-signal", RIG_SEVERITY_NONE);
}

/* Two jacks are "both", three "all". */
static void
test_two_joined_jacks_are_both (void)
{
  g_autoptr (GPtrArray) outs = rig_test_check_rig (
      "<devices>" RIG_XML_DEV ("d1", "phone-ctia", "Phone A")
          RIG_XML_DEV ("d2", "phone-ctia", "Phone B") "</devices><cables>" RIG_XML_PLUGS (
              "c1", "d1", "headset", "phone", "d2", "headset", "phone") "</cables>");
  g_autoptr (GPtrArray) ins = rig_test_check_rig (
      "<devices>" RIG_XML_DEV ("d1", "desktop-pc", "PC A")
          RIG_XML_DEV ("d2", "desktop-pc", "PC B") "</devices><cables>" RIG_XML_PLUGS (
              "c1", "d1", "line-in", "phone", "d2", "line-in", "phone") "</cables>");
  RigDiagnostic *d;

  d = expect (outs, "signal.output-to-output", RIG_SEVERITY_ERROR);
  assert_text (d, "Phone A headset jack and Phone B headset jack both send");
  assert_text (d, "Give Phone A headset jack and Phone B headset jack each an input");
  assert_not_text (d, "all send");
  d = expect (ins, "signal.input-to-input", RIG_SEVERITY_ERROR);
  assert_text (d, "are both inputs");
  assert_not_text (d, "are all inputs");
}

/* physics.md §3.1, §6.2: only the inputs a source's contacts touch load
 * it: a recorder on a headset splitter's mic socket is no load on the
 * phone's headphone output; a second pair of headphones on a headphone
 * splitter is. */
static void
test_parallel_load_counts_inputs_in_contact (void)
{
  g_autoptr (GPtrArray) mic_side = rig_test_check_rig (
      "<devices>" RIG_XML_DEV ("d1", "phone-ctia", "Phone")
          RIG_XML_DEV ("d2", "adapter-headset-split", "Splitter")
              RIG_XML_DEV ("d3", "headphones-32", "Headphones")
                  RIG_XML_DEV ("d4", "desktop-pc", "PC") "</devices><cables>" RIG_XML_DIRECT (
                      "c1", "d2", "plug", "d1", "headset")
                      RIG_XML_DIRECT ("c2", "d3", "plug", "d2", "headphones") RIG_XML_PLUGS (
                          "c3", "d2", "mic", "phone", "d4", "line-in", "phone") "</cables>");
  g_autoptr (GPtrArray) two_pairs = rig_test_check_rig (
      "<devices>" RIG_XML_DEV ("d1", "phone-ctia", "Phone") RIG_XML_DEV (
          "d2", "splitter-headphone", "Splitter") RIG_XML_DEV ("d3", "headphones-32", "Pair A")
          RIG_XML_DEV ("d4", "headphones-32", "Pair B") "</devices><cables>" RIG_XML_DIRECT (
              "c1", "d2", "plug", "d1", "headset")
              RIG_XML_DIRECT ("c2", "d3", "plug", "d2", "socket-1")
                  RIG_XML_DIRECT ("c3", "d4", "plug", "d2", "socket-2") "</cables>");
  RigDiagnostic *d;

  expect (mic_side, "impedance.parallel-load", RIG_SEVERITY_NONE);
  d = find (two_pairs, "impedance.parallel-load");
  g_assert_nonnull (d);
  assert_text (d, "2 inputs");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/verdicts/ground-loop/needs-two-references",
                   test_ground_loop_needs_two_references);
  g_test_add_func ("/verdicts/ground-loop/power-over-cable", test_ground_loop_power_over_cable);
  g_test_add_func ("/verdicts/ground-loop/reference-stays-in-its-block",
                   test_ground_loop_reference_stays_in_its_block);
  g_test_add_func ("/verdicts/ground-loop/two-pin-device-is-no-loop",
                   test_ground_loop_battery_device_is_no_loop);
  g_test_add_func ("/verdicts/headphone-output/level-swing", test_headphone_output_by_swing);
  g_test_add_func ("/verdicts/headphone-output/modest-ratio-is-info",
                   test_headphone_output_modest_ratio_is_info);
  g_test_add_func ("/verdicts/damping/level-swing", test_damping_by_swing);
  g_test_add_func ("/verdicts/damping/modest-ratio-is-info", test_damping_modest_is_info);
  g_test_add_func ("/verdicts/headphone-output/iem-on-high-impedance",
                   test_iem_on_high_output_impedance);
  g_test_add_func ("/verdicts/bridging/mic-link-designed-ratio",
                   test_mic_link_designed_for_five_times);
  g_test_add_func ("/verdicts/bridging/mic-link-below-twice", test_mic_link_below_twice);
  g_test_add_data_func ("/verdicts/cable-length/pickup-treble-corner", &pickup_corner,
                        test_cable_length);
  g_test_add_data_func ("/verdicts/cable-length/line-hum-not-treble", &line_hum, test_cable_length);
  g_test_add_func ("/verdicts/no-signal/unwired-is-no-verdict",
                   test_unwired_listener_gets_no_verdict);
  g_test_add_func ("/verdicts/line-into-mic/headroom", test_line_into_mic_by_headroom);
  g_test_add_func ("/verdicts/line-into-mic/small-mic-input", test_line_into_small_mic_input);
  g_test_add_func ("/verdicts/texts/fix-names-own-jacks", test_fix_names_own_jacks);
  g_test_add_func ("/verdicts/ground-loop/not-through-an-unfit-cable",
                   test_ground_loop_not_through_an_unfit_cable);
  g_test_add_func ("/verdicts/parallel-load/counts-inputs-in-contact",
                   test_parallel_load_counts_inputs_in_contact);
  g_test_add_func ("/verdicts/ground-loop/hear-follows-its-references",
                   test_ground_loop_hear_follows_its_references);
  g_test_add_func ("/verdicts/line-into-mic/nominal-from-class-peak-from-source",
                   test_line_into_mic_nominal_from_class_peak_from_source);
  g_test_add_func ("/verdicts/no-signal/names-the-upstream-inputs",
                   test_no_signal_names_the_upstream_inputs);
  g_test_add_func ("/verdicts/texts/two-joined-jacks-are-both", test_two_joined_jacks_are_both);
  g_test_add_func ("/verdicts/texts/cite-nothing-hidden", test_texts_cite_nothing_hidden);
  return g_test_run ();
}
