/* test-verdicts-cables.c: cables that exist, digital links and XLR pin
 * gender (physics.md §2.3, §2.5, §2.6).
 *
 * Each class has a rig where the verdict fires (code, object, severity and
 * the rig's own names in the text) and a near miss from the physics where it
 * must not. The rigs use the built-in catalog's models.
 *
 * RIG_TEST_DUMP=1 prints the diagnostics of every rig.
 */
#include "config.h"

#include <string.h>

#include "rig-cable-types.h"
#include "rig-catalog.h"
#include "rig-command.h"
#include "rig-test-models.h"

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

static RigDeviceModel *
model (const char *id)
{
  RigDeviceModel *found = rig_catalog_lookup (catalog (), id);

  g_assert_nonnull (found);
  return found;
}

static const RigJack *
jack (const char *model_id, const char *jack_id)
{
  const RigJack *found = rig_device_model_find_jack (model (model_id), jack_id);

  g_assert_nonnull (found);
  return found;
}

/* Ids live as long as the document. */
static const char *
keep (RigDocument *doc, const char *id)
{
  char *copy = g_strdup (id);

  g_object_set_data_full (G_OBJECT (doc), copy, copy, g_free);
  return copy;
}

/* Adds a catalog device. */
static const char *
add (RigDocument *doc, const char *model_id, const char *label)
{
  RigCommand *command = rig_command_add_device (model (model_id), label, 0, 0);
  g_autoptr (GError) error = NULL;

  g_assert_true (rig_history_apply (rig_test_history (doc), command, &error));
  g_assert_no_error (error);
  return keep (doc, rig_command_get_created_id (command));
}

/* The diagnostics of a full check. */

/* The diagnostic with @code on @object (NULL: any); asserts there is one. */
static const RigDiagnostic *
find (GPtrArray *diags, const char *code, const char *object)
{
  g_assert_true (rig_test_has (diags, code, object));
  for (guint i = 0; i < diags->len; i++)
    {
      const RigDiagnostic *d = g_ptr_array_index (diags, i);
      if (g_str_equal (d->code, code) && rig_diagnostic_concerns_cable (d, object))
        return d;
    }
  for (guint i = 0; i < diags->len; i++)
    {
      const RigDiagnostic *d = g_ptr_array_index (diags, i);
      if (g_str_equal (d->code, code))
        return d;
    }
  g_assert_not_reached ();
}

/* A near miss: a full check of @doc raises no @code (nor @code2, if set). */
static void
assert_clean (RigDocument *doc, const char *code, const char *code2, const char *what)
{
  g_autoptr (GPtrArray) diags = rig_test_check_named (doc, what);

  g_assert_false (rig_test_has (diags, code, NULL));
  if (code2 != NULL)
    g_assert_false (rig_test_has (diags, code2, NULL));
}

static void
assert_says (const char *text, const char *words)
{
  if (strstr (text, words) == NULL)
    g_error ("“%s” does not say “%s”", text, words);
}

/* No cable is made between optical and coaxial S/PDIF: the cable a person
 * picks fits the optical jack and not the coaxial one, and the fix names
 * the converter (physics.md §2.5). Near miss: optical to optical, coaxial
 * to coaxial. */
static void
test_optical_to_coaxial_takes_a_converter (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *cd = add (doc, "cd-player", "CD");
  const char *avr = add (doc, "av-receiver", "Receiver");
  const char *cable = rig_test_connect (doc, cd, "optical-out", avr, "coax-in");
  g_autoptr (GPtrArray) diags = rig_test_check_named (doc, "optical out into coaxial in");
  const RigDiagnostic *d = find (diags, "connector.family", cable);

  g_assert_cmpint (d->severity, ==, RIG_SEVERITY_ERROR);
  assert_says (d->fix, "optical-to-coaxial S/PDIF converter");
  assert_says (d->fix, "CD optical out");
  assert_says (d->fix, "Receiver coaxial digital in");
  assert_says (d->why, "light");

  rig_test_remove_cable (doc, cable);
  rig_test_connect (doc, cd, "optical-out", avr, "optical-in");
  rig_test_connect (doc, cd, "coax-out", avr, "coax-in");
  assert_clean (doc, "connector.family", "signal.digital-analog",
                "optical to optical, coaxial to coaxial");
}

/* An "Optical (TOSLINK) to RCA" cable does not exist: a file that has one is
 * judged wrong, once, naming the converter (physics.md §2.5, §2.6). The near
 * misses (cables that are made) are those of the test above. */
static void
test_optical_to_rca_cable_does_not_exist (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *cd = add (doc, "cd-player", "CD");
  const char *avr = add (doc, "av-receiver", "Receiver");
  RigCableSpec spec;
  const char *cable;
  g_autoptr (GPtrArray) diags = NULL;
  const RigDiagnostic *d;

  rig_test_spec_plain (&spec, RIG_CONNECTOR_TOSLINK, RIG_CONNECTOR_RCA);
  g_assert_false (rig_cable_spec_exists (&spec));
  cable = rig_test_connect_spec (doc, cd, "optical-out", avr, "coax-in", &spec);
  diags = rig_test_check_named (doc, "an optical to RCA cable");
  d = find (diags, "connector.family", cable);
  g_assert_cmpint (d->severity, ==, RIG_SEVERITY_ERROR);
  assert_says (d->message, "there is no such cable as");
  assert_says (d->fix, "optical-to-coaxial S/PDIF converter");
  g_assert_cmpuint (rig_test_count (diags, "connector.family"), ==, 1);
}

/* The drag highlight and the connect menu judge the cable a person would
 * pick: optical to coaxial is an error, optical to optical is not. */
static void
test_digital_pair_not_shown_compatible (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *cd = add (doc, "cd-player", "CD");
  const char *avr = add (doc, "av-receiver", "Receiver");
  g_autoptr (RigValidator) validator = rig_validator_new (doc);

  g_assert_cmpint (rig_validator_judge_connection (validator, cd, "optical-out", avr, "coax-in"),
                   ==, RIG_SEVERITY_ERROR);
  g_assert_cmpint (rig_validator_judge_connection (validator, cd, "coax-out", avr, "optical-in"),
                   ==, RIG_SEVERITY_ERROR);
  g_assert_cmpint (rig_validator_judge_connection (validator, cd, "optical-out", avr, "optical-in"),
                   <, RIG_SEVERITY_WARNING);
  g_assert_cmpint (rig_validator_judge_connection (validator, cd, "coax-out", avr, "coax-in"), <,
                   RIG_SEVERITY_WARNING);
}

/* USB audio is data: no plain cable runs from a USB port to an analog jack;
 * it takes a USB DAC or interface (physics.md §2.5). Near miss: the USB port
 * to the DAC's USB input, the DAC's line out to the analog input. */
static void
test_usb_to_analog_takes_a_dac (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *laptop = add (doc, "laptop", "Laptop");
  const char *avr = add (doc, "av-receiver", "Receiver");
  const char *cable = rig_test_connect (doc, laptop, "usb-a-1", avr, "in-cd");
  g_autoptr (GPtrArray) diags = rig_test_check_named (doc, "USB port into an RCA input");
  const RigDiagnostic *d = find (diags, "connector.family", cable);

  g_assert_cmpint (d->severity, ==, RIG_SEVERITY_ERROR);
  assert_says (d->fix, "USB DAC");
  assert_says (d->fix, "Laptop USB-A port (USB 2.0)");
  assert_says (d->fix, "Receiver CD in");
  /* The plugs cannot meet: that is the verdict, not what the signal would do. */
  g_assert_false (rig_test_has (diags, "signal.digital-analog", NULL));

  rig_test_remove_cable (doc, cable);
  {
    const char *dac = add (doc, "dac-usb", "DAC");

    rig_test_connect (doc, laptop, "usb-a-1", dac, "usb");
    rig_test_connect (doc, dac, "line-out", avr, "in-cd");
    assert_clean (doc, "connector.family", NULL, "USB port to a DAC, DAC to the RCA input");
  }
}

/* Coaxial S/PDIF fits an analog RCA input (the same plug), so the cable is
 * fine and the signal is what is wrong: it takes a DAC (physics.md §2.3,
 * §2.5). Near miss: the player's analog out into the same input. */
static void
test_coaxial_into_analog_rca_fits_but_needs_a_dac (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *cd = add (doc, "cd-player", "CD");
  const char *avr = add (doc, "av-receiver", "Receiver");
  const char *cable = rig_test_connect (doc, cd, "coax-out", avr, "in-cd");
  g_autoptr (GPtrArray) diags
      = rig_test_check_named (doc, "coaxial digital into an analog RCA input");
  const RigDiagnostic *d = find (diags, "signal.digital-analog", cable);

  g_assert_cmpint (d->severity, ==, RIG_SEVERITY_ERROR);
  assert_says (d->fix, "DAC");
  g_assert_false (rig_test_has (diags, "connector.family", NULL));

  rig_test_remove_cable (doc, cable);
  rig_test_connect (doc, cd, "line-out", avr, "in-cd");
  assert_clean (doc, "signal.digital-analog", NULL, "analog out into the analog input");
}

/* Which cables are made (physics.md §2.5, §2.6), as a table. */
static void
test_cables_that_exist (void)
{
  const RigPhoneSize N = RIG_PHONE_SIZE_NONE;
  struct
  {
    RigConnector a;
    RigPhoneSize sa;
    RigConnector b;
    RigPhoneSize sb;
    gboolean made;
  } cases[] = {
    { RIG_CONNECTOR_TOSLINK, N, RIG_CONNECTOR_TOSLINK, N, TRUE },
    { RIG_CONNECTOR_TOSLINK, N, RIG_CONNECTOR_RCA, N, FALSE },
    { RIG_CONNECTOR_TOSLINK, N, RIG_CONNECTOR_PHONE, RIG_PHONE_SIZE_3_5, FALSE },
    { RIG_CONNECTOR_TOSLINK, N, RIG_CONNECTOR_USB_C, N, FALSE },
    { RIG_CONNECTOR_PHONE, RIG_PHONE_SIZE_3_5, RIG_CONNECTOR_RCA, N, TRUE },
    { RIG_CONNECTOR_XLR3, N, RIG_CONNECTOR_PHONE, RIG_PHONE_SIZE_6_35, TRUE },
    { RIG_CONNECTOR_XLR3, N, RIG_CONNECTOR_RCA, N, TRUE },
    { RIG_CONNECTOR_USB_A, N, RIG_CONNECTOR_USB_B, N, TRUE },
    { RIG_CONNECTOR_USB_C, N, RIG_CONNECTOR_USB_C, N, TRUE },
    { RIG_CONNECTOR_USB_A, N, RIG_CONNECTOR_USB_A, N, FALSE },
    { RIG_CONNECTOR_USB_B, N, RIG_CONNECTOR_USB_MICRO_B, N, FALSE },
    { RIG_CONNECTOR_USB_A, N, RIG_CONNECTOR_PHONE, RIG_PHONE_SIZE_3_5, FALSE },
    { RIG_CONNECTOR_USB_C, N, RIG_CONNECTOR_RCA, N, FALSE },
    { RIG_CONNECTOR_USB_A, N, RIG_CONNECTOR_DC_BARREL, N, TRUE },
    { RIG_CONNECTOR_SPEAKER_TERMINAL, N, RIG_CONNECTOR_SPEAKON, N, TRUE },
    { RIG_CONNECTOR_SPEAKER_TERMINAL, N, RIG_CONNECTOR_PHONE, RIG_PHONE_SIZE_3_5, TRUE },
    { RIG_CONNECTOR_SPEAKON, N, RIG_CONNECTOR_PHONE, RIG_PHONE_SIZE_6_35, TRUE },
    { RIG_CONNECTOR_SPEAKON, N, RIG_CONNECTOR_PHONE, RIG_PHONE_SIZE_3_5, FALSE },
    { RIG_CONNECTOR_SPEAKON, N, RIG_CONNECTOR_RCA, N, FALSE },
    { RIG_CONNECTOR_IEC, N, RIG_CONNECTOR_IEC, N, TRUE },
    { RIG_CONNECTOR_IEC, N, RIG_CONNECTOR_DC_BARREL, N, FALSE },
    { RIG_CONNECTOR_DC_BARREL, N, RIG_CONNECTOR_RCA, N, FALSE },
    { RIG_CONNECTOR_BLUETOOTH, N, RIG_CONNECTOR_BLUETOOTH, N, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean ab = rig_connectors_cable_exists (cases[i].a, cases[i].sa, cases[i].b, cases[i].sb);
      gboolean ba = rig_connectors_cable_exists (cases[i].b, cases[i].sb, cases[i].a, cases[i].sa);
      if (ab != cases[i].made || ba != cases[i].made)
        g_error ("%s to %s: made is %d, expected %d", rig_connector_to_nick (cases[i].a),
                 rig_connector_to_nick (cases[i].b), ab, cases[i].made);
    }
}

/* Every jack pair of the catalog: the cable a person would pick and every
 * cable the chooser offers is one that is made (the cable's own type aside). */
static void
test_chooser_offers_only_cables_that_exist (void)
{
  RigCatalog *cat = catalog ();
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (RigCableSpec));
  guint pairs = 0;

  for (guint m = 0; m < rig_catalog_get_n_models (cat); m++)
    for (guint n = 0; n < rig_catalog_get_n_models (cat); n++)
      {
        const RigDeviceModel *ma = rig_catalog_get_model (cat, m);
        const RigDeviceModel *mb = rig_catalog_get_model (cat, n);
        for (guint i = 0; i < ma->n_jacks; i++)
          for (guint j = 0; j < mb->n_jacks; j++)
            {
              RigCableSpec current;

              rig_cable_spec_init_for_jacks (&current, &ma->jacks[i], &mb->jacks[j]);
              if (!rig_cable_spec_exists (&current))
                g_error ("%s %s to %s %s: no such cable", ma->id, ma->jacks[i].id, mb->id,
                         mb->jacks[j].id);
              rig_cable_types_build (candidates, &current, &ma->jacks[i], &mb->jacks[j]);
              for (guint c = 0; c < candidates->len; c++)
                g_assert_true (
                    rig_cable_spec_exists (&g_array_index (candidates, RigCableSpec, c)));
              rig_cable_types_clear (candidates);
              rig_cable_spec_clear (&current);
              pairs++;
            }
      }
  g_assert_cmpuint (pairs, >, 1000);
}

/* Where no cable joins two jacks, the chooser offers the cable of each one's
 * own kind (an optical cable and a coaxial one), and not the one that does
 * not exist. */
static void
test_chooser_optical_to_coaxial (void)
{
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (RigCableSpec));
  const RigJack *optical = jack ("cd-player", "optical-out");
  const RigJack *coax = jack ("av-receiver", "coax-in");
  RigCableSpec current;
  gboolean seen[2] = { FALSE, FALSE };

  rig_cable_spec_init_for_jacks (&current, optical, coax);
  rig_cable_types_build (candidates, &current, optical, coax);
  for (guint c = 0; c < candidates->len; c++)
    {
      const RigCableSpec *s = &g_array_index (candidates, RigCableSpec, c);
      g_autofree char *name = rig_cable_types_describe (s);

      g_assert_cmpint (s->ends[0].connector, ==, s->ends[1].connector);
      seen[s->ends[0].connector == RIG_CONNECTOR_RCA] = TRUE;
      g_assert_null (strstr (name, " to "));
    }
  g_assert_true (seen[0] && seen[1]);
  rig_cable_types_clear (candidates);
  rig_cable_spec_clear (&current);
}

/* Outputs have male XLR pins, inputs female contacts, and a standard cable
 * runs female (at the output) to male (at the input): it joins an output to
 * an input, drawn either way (physics.md §2.3). */
static void
test_xlr_output_to_input_standard_cable (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *mixer = add (doc, "mixer-small", "Mixer");
  const char *left = add (doc, "studio-monitor", "Left monitor");
  const char *right = add (doc, "studio-monitor", "Right monitor");
  const char *a = rig_test_connect (doc, mixer, "main-l", left, "xlr-in");
  RigCableSpec plain;
  g_autoptr (GPtrArray) diags = NULL;
  const RigCable *cable = rig_document_find_cable (doc, a);

  g_assert_cmpint (rig_jack_pins (jack ("mixer-small", "main-l")), ==, RIG_PINS_MALE);
  g_assert_cmpint (rig_jack_pins (jack ("studio-monitor", "xlr-in")), ==, RIG_PINS_FEMALE);
  g_assert_cmpint (cable->spec.ends[RIG_END_FROM].pins, ==, RIG_PINS_FEMALE);
  g_assert_cmpint (cable->spec.ends[RIG_END_TO].pins, ==, RIG_PINS_MALE);
  /* An old file's cable, drawn from the input: a standard cable is assumed,
   * turned the way it fits. */
  rig_test_spec_plain (&plain, RIG_CONNECTOR_XLR3, RIG_CONNECTOR_XLR3);
  rig_test_connect_spec (doc, right, "xlr-in", mixer, "main-r", &plain);
  diags = rig_test_check_named (doc, "XLR outputs to inputs");
  g_assert_false (rig_test_has (diags, "connector.gender", NULL));
}

/* Output to output (male to male) cannot be made with a standard cable: a
 * connector.gender error that explains pins and says the gender changer
 * usually means a mistake (physics.md §2.3). */
static void
test_xlr_output_to_output_is_male_to_male (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *mixer = add (doc, "mixer-small", "Mixer");
  const char *pa = add (doc, "speaker-pa-active", "PA");
  RigCableSpec plain;
  const char *cable;
  g_autoptr (GPtrArray) diags = NULL;
  const RigDiagnostic *d;

  rig_test_spec_plain (&plain, RIG_CONNECTOR_XLR3, RIG_CONNECTOR_XLR3);
  cable = rig_test_connect_spec (doc, mixer, "main-l", pa, "link-out", &plain);
  diags = rig_test_check_named (doc, "standard XLR cable from an output to an output");
  d = find (diags, "connector.gender", cable);
  g_assert_cmpint (d->severity, ==, RIG_SEVERITY_ERROR);
  assert_says (d->message, "male XLR meets male XLR at PA link out (XLR)");
  assert_says (d->why, "male pins");
  assert_says (d->why, "standard cable is assumed");
  assert_says (d->fix, "Mixer main out L and PA link out (XLR) are both outputs");
  assert_says (d->fix, "gender changer");
  assert_says (d->fix, "mistake");
}

/* Stated pins: a cable turned the wrong way round (male end at the output)
 * meets male with male at the output, and female with female at the input. */
static void
test_xlr_cable_turned_round (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *mic = add (doc, "mic-dynamic", "Mic");
  const char *mixer = add (doc, "mixer-small", "Mixer");
  RigCableSpec spec;
  const char *cable;
  g_autoptr (GPtrArray) diags = NULL;
  const RigDiagnostic *d;

  rig_test_spec_plain (&spec, RIG_CONNECTOR_XLR3, RIG_CONNECTOR_XLR3);
  spec.ends[RIG_END_FROM].pins = RIG_PINS_MALE;
  spec.ends[RIG_END_TO].pins = RIG_PINS_FEMALE;
  cable = rig_test_connect_spec (doc, mic, "out", mixer, "mic-1", &spec);
  diags = rig_test_check_named (doc, "XLR cable turned round");
  d = find (diags, "connector.gender", cable);
  g_assert_cmpint (d->severity, ==, RIG_SEVERITY_ERROR);
  g_assert_null (strstr (d->why, "assumed"));
  assert_says (d->fix, "right way round");
  g_assert_cmpuint (rig_test_count (diags, "connector.gender"), ==, 2);
}

/* The chooser offers no standard cable between two outputs: only the
 * female-female one, which fits and is warned as the mistake it usually is. */
static void
test_xlr_gender_changer_is_warned (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *mixer = add (doc, "mixer-small", "Mixer");
  const char *pa = add (doc, "speaker-pa-active", "PA");
  const char *cable = rig_test_connect (doc, mixer, "main-l", pa, "link-out");
  const RigCable *c = rig_document_find_cable (doc, cable);
  g_autoptr (GPtrArray) diags = rig_test_check_named (doc, "female-female XLR between outputs");
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (RigCableSpec));
  const RigDiagnostic *d = find (diags, "connector.gender", cable);

  g_assert_cmpint (c->spec.ends[0].pins, ==, RIG_PINS_FEMALE);
  g_assert_cmpint (c->spec.ends[1].pins, ==, RIG_PINS_FEMALE);
  g_assert_cmpint (d->severity, ==, RIG_SEVERITY_WARNING);
  assert_says (d->message, "female ends at both ends");
  rig_cable_types_build (candidates, &c->spec, jack ("mixer-small", "main-l"),
                         jack ("speaker-pa-active", "link-out"));
  for (guint i = 0; i < candidates->len; i++)
    {
      const RigCableSpec *s = &g_array_index (candidates, RigCableSpec, i);
      if (s->ends[0].connector == RIG_CONNECTOR_XLR3 && s->ends[1].connector == RIG_CONNECTOR_XLR3)
        g_assert_cmpint (s->ends[0].pins, ==, s->ends[1].pins);
    }
  rig_cable_types_clear (candidates);
}

/* The pins survive a save and a load; a file without them opens, the jacks
 * taking their pins from their direction. */
static void
test_pins_round_trip (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  const char *mixer = add (doc, "mixer-small", "Mixer");
  const char *pa = add (doc, "speaker-pa-active", "PA");

  rig_test_connect (doc, mixer, "main-l", pa, "xlr-in");
  rig_test_connect (doc, mixer, "main-r", pa, "link-out");
  rig_test_assert_round_trip (doc);
}

/* Every XLR jack of the catalog states its pins, outputs male and inputs
 * female (build-aux/catalog-xlr-pins.py adds what is missing). */
static void
test_catalog_states_xlr_pins (void)
{
  RigCatalog *cat = catalog ();
  guint n = 0;

  for (guint m = 0; m < rig_catalog_get_n_models (cat); m++)
    {
      const RigDeviceModel *model = rig_catalog_get_model (cat, m);
      for (guint j = 0; j < model->n_jacks; j++)
        {
          const RigJack *jack = &model->jacks[j];
          if (jack->connector != RIG_CONNECTOR_XLR3)
            continue;
          if (jack->pins == RIG_PINS_NONE)
            g_error ("%s %s: no pins (run build-aux/catalog-xlr-pins.py)", model->id, jack->id);
          if (jack->direction == RIG_DIRECTION_OUT)
            g_assert_cmpint (jack->pins, ==, RIG_PINS_MALE);
          if (jack->direction == RIG_DIRECTION_IN)
            g_assert_cmpint (jack->pins, ==, RIG_PINS_FEMALE);
          n++;
        }
    }
  g_assert_cmpuint (n, >, 0);
}

/* A TOSLINK run over 10 m (physics.md §2.5, §7.1): coaxial S/PDIF is
 * offered only when both devices have coaxial jacks; else a shorter run,
 * glass fibre or a repeater. */
static void
test_long_optical_offers_coaxial_only_where_both_have_it (void)
{
#define OPTICAL(from, fj, to, tj, metres)                                                          \
  "<cable id=\"c1\" number=\"X-001\" kind=\"cable\" from-device=\"" from "\" from-jack=\"" fj      \
  "\" to-device=\"" to "\" to-jack=\"" tj "\" length=\"" metres "\"><end side=\"from\" "           \
  "connector=\"toslink\" gender=\"plug\"/><end side=\"to\" connector=\"toslink\" "                 \
  "gender=\"plug\"/></cable>"
  g_autoptr (GPtrArray) tv = rig_test_check_rig (
      "<devices>" RIG_XML_DEV ("d1", "tv", "TV")
          RIG_XML_DEV ("d2", "soundbar", "Soundbar") "</devices><cables>" OPTICAL (
              "d1", "optical-out", "d2", "optical-in", "12") "</cables>");
  g_autoptr (GPtrArray) cd = rig_test_check_rig (
      "<devices>" RIG_XML_DEV ("d1", "cd-player", "CD")
          RIG_XML_DEV ("d2", "av-receiver", "Receiver") "</devices><cables>" OPTICAL (
              "d1", "optical-out", "d2", "optical-in", "12") "</cables>");
  g_autoptr (GPtrArray) short_run = rig_test_check_rig (
      "<devices>" RIG_XML_DEV ("d1", "tv", "TV")
          RIG_XML_DEV ("d2", "soundbar", "Soundbar") "</devices><cables>" OPTICAL (
              "d1", "optical-out", "d2", "optical-in", "8") "</cables>");
#undef OPTICAL
  const RigDiagnostic *d;

  d = find (tv, "signal.cable-length", "c1");
  g_assert_cmpint (d->severity, ==, RIG_SEVERITY_WARNING);
  assert_says (d->message, "12 m long, over 10 m");
  assert_says (d->fix, "glass-fibre");
  g_assert_null (strstr (d->fix, "coaxial"));

  d = find (cd, "signal.cable-length", "c1");
  assert_says (d->fix, "join CD coaxial digital out to Receiver coaxial digital in");

  g_assert_cmpuint (rig_test_count (short_run, "signal.cable-length"), ==, 0);
}

/* A female-female XLR cable between two outputs is itself the gender
 * changer: its fix asks for a standard cable, not for a changer; a standard
 * cable between two outputs still hears of one (physics.md §2.3). */
static void
test_xlr_changer_cable_is_not_offered_a_changer (void)
{
  /* Two PA speakers' link outputs (male pins), joined by an XLR cable with
   * female pins at one end and the pins given at the other. */
  static const char rig[] = "<devices>" RIG_XML_DEV ("d1", "pa-speaker-10", "PA A") RIG_XML_DEV (
      "d2", "pa-speaker-12", "PA B") "</devices><cables><cable id=\"c1\" number=\"X-001\" "
                                     "kind=\"cable\" from-device=\"d1\" "
                                     "from-jack=\"link-out\" to-device=\"d2\" "
                                     "to-jack=\"link-out\"><end side=\"from\" "
                                     "connector=\"xlr\" gender=\"plug\" pins=\"female\"/>"
                                     "<end side=\"to\" connector=\"xlr\" gender=\"plug\" "
                                     "pins=\"%s\"/></cable></cables>";
  g_autofree char *changer_rig = g_strdup_printf (rig, "female");
  g_autofree char *standard_rig = g_strdup_printf (rig, "male");
  g_autoptr (GPtrArray) changer = rig_test_check_rig (changer_rig);
  g_autoptr (GPtrArray) standard = rig_test_check_rig (standard_rig);
  const RigDiagnostic *d;

  d = find (changer, "connector.gender", "c1");
  g_assert_cmpint (d->severity, ==, RIG_SEVERITY_WARNING);
  assert_says (d->message, "female ends at both ends");
  assert_says (d->fix, "take this cable out");
  assert_says (d->fix, "standard cable (female to male)");
  g_assert_null (strstr (d->fix, "gender changer"));

  d = find (standard, "connector.gender", "c1");
  g_assert_cmpint (d->severity, ==, RIG_SEVERITY_ERROR);
  assert_says (d->fix, "gender changer would make the plugs fit");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/verdicts/cables/digital/optical-to-coaxial-takes-a-converter",
                   test_optical_to_coaxial_takes_a_converter);
  g_test_add_func ("/verdicts/cables/digital/optical-to-rca-cable-does-not-exist",
                   test_optical_to_rca_cable_does_not_exist);
  g_test_add_func ("/verdicts/cables/digital/pair-not-shown-compatible",
                   test_digital_pair_not_shown_compatible);
  g_test_add_func ("/verdicts/cables/digital/usb-to-analog-takes-a-dac",
                   test_usb_to_analog_takes_a_dac);
  g_test_add_func ("/verdicts/cables/digital/coaxial-into-analog-rca-fits-but-needs-a-dac",
                   test_coaxial_into_analog_rca_fits_but_needs_a_dac);
  g_test_add_func ("/verdicts/cables/exist/table", test_cables_that_exist);
  g_test_add_func ("/verdicts/cables/exist/chooser-offers-only-cables-that-exist",
                   test_chooser_offers_only_cables_that_exist);
  g_test_add_func ("/verdicts/cables/exist/chooser-optical-to-coaxial",
                   test_chooser_optical_to_coaxial);
  g_test_add_func ("/verdicts/cables/xlr/output-to-input-standard-cable",
                   test_xlr_output_to_input_standard_cable);
  g_test_add_func ("/verdicts/cables/xlr/output-to-output-is-male-to-male",
                   test_xlr_output_to_output_is_male_to_male);
  g_test_add_func ("/verdicts/cables/xlr/cable-turned-round", test_xlr_cable_turned_round);
  g_test_add_func ("/verdicts/cables/xlr/gender-changer-is-warned",
                   test_xlr_gender_changer_is_warned);
  g_test_add_func ("/verdicts/cables/xlr/pins-round-trip", test_pins_round_trip);
  g_test_add_func ("/verdicts/cables/xlr/catalog-states-pins", test_catalog_states_xlr_pins);
  g_test_add_func ("/verdicts/cables/length/long-optical-offers-coaxial-only-where-both-have-it",
                   test_long_optical_offers_coaxial_only_where_both_have_it);
  g_test_add_func ("/verdicts/cables/xlr/changer-cable-is-not-offered-a-changer",
                   test_xlr_changer_cable_is_not_offered_a_changer);

  return g_test_run ();
}
