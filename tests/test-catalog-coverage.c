/* test-catalog-coverage.c: the built-in catalog as products are (issue #10).
 * At least 150 models, one or more for every product the users plan (home
 * theater, studio, car, podcast, classroom), no two with one name, every
 * powered speaker with a power inlet, and every figure inside the range its
 * signal class has in the real world (physics.md §1, §4.1, §5, §6). */
#include "config.h"

#include "rig-catalog.h"
#include "rig-test-models.h"

/* ---- the products the users plan ----------------------------------------- */

/* The model's name and keywords hold this lower-case word. */
static gboolean
has_word (const RigDeviceModel *model, const char *word)
{
  g_autofree char *text
      = g_strdup_printf ("%s %s", model->name, model->keywords ? model->keywords : "");
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_auto (GStrv) words = g_strsplit_set (lower, " (),/", -1);

  return g_strv_contains ((const char *const *) words, word);
}

enum
{
  IN,
  OUT,
  ANY_DIRECTION,
};
#define ANY_CONNECTOR (-1)
#define MANY 99

/* Between min and max jacks of this signal (and connector) in this direction. */
typedef struct
{
  RigSignal signal;
  int connector;
  int direction;
  guint min, max;
} JackNeed;

static const struct
{
  const char *area;
  const char *product;
  RigCategory category;
  const char *words[4];
  int power; /* a RigPowerSource, or -1 for any */
  JackNeed needs[2];
} products[] = {
  { "home theater",
    "a soundbar with optical in (and HDMI ARC)",
    RIG_CATEGORY_ACTIVE_SPEAKER,
    { "soundbar", "arc" },
    -1,
    { { RIG_SIGNAL_SPDIF, RIG_CONNECTOR_TOSLINK, IN, 1, MANY } } },
  { "home theater",
    "a 5.1 receiver",
    RIG_CATEGORY_AMPLIFIER,
    { "5.1" },
    -1,
    { { RIG_SIGNAL_SPEAKER, ANY_CONNECTOR, OUT, 5, 5 } } },
  { "home theater",
    "a 7.1 receiver",
    RIG_CATEGORY_AMPLIFIER,
    { "7.1" },
    -1,
    { { RIG_SIGNAL_SPEAKER, ANY_CONNECTOR, OUT, 7, 7 } } },
  { "home theater", "a network streamer", RIG_CATEGORY_SOURCE, { "streamer" }, -1, { { 0 } } },
  { "home theater",
    "a DAC",
    RIG_CATEGORY_CONVERTER,
    { "dac" },
    -1,
    { { RIG_SIGNAL_LINE_CONSUMER, ANY_CONNECTOR, OUT, 1, MANY } } },
  { "home theater",
    "a phono stage",
    RIG_CATEGORY_CONVERTER,
    { NULL },
    -1,
    { { RIG_SIGNAL_PHONO, ANY_CONNECTOR, IN, 1, MANY },
      { RIG_SIGNAL_LINE_CONSUMER, ANY_CONNECTOR, OUT, 1, MANY } } },
  { "home theater",
    "a powered subwoofer with speaker-level inputs and a mains inlet",
    RIG_CATEGORY_ACTIVE_SPEAKER,
    { "subwoofer" },
    RIG_POWER_SOURCE_MAINS,
    { { RIG_SIGNAL_SPEAKER, RIG_CONNECTOR_SPEAKER_TERMINAL, IN, 1, MANY },
      { RIG_SIGNAL_POWER, RIG_CONNECTOR_IEC, IN, 1, 1 } } },
  { "studio",
    "an interface of 2 inputs",
    RIG_CATEGORY_INTERFACE,
    { NULL },
    -1,
    { { RIG_SIGNAL_MIC, RIG_CONNECTOR_XLR3, IN, 1, 1 },
      { RIG_SIGNAL_INSTRUMENT, ANY_CONNECTOR, IN, 1, 1 } } },
  { "studio",
    "an interface of 4 inputs",
    RIG_CATEGORY_INTERFACE,
    { NULL },
    -1,
    { { RIG_SIGNAL_MIC, RIG_CONNECTOR_XLR3, IN, 2, 2 },
      { RIG_SIGNAL_INSTRUMENT, ANY_CONNECTOR, IN, 2, 2 } } },
  { "studio",
    "an interface of 8 mic inputs",
    RIG_CATEGORY_INTERFACE,
    { NULL },
    -1,
    { { RIG_SIGNAL_MIC, RIG_CONNECTOR_XLR3, IN, 8, MANY } } },
  { "studio",
    "a studio monitor",
    RIG_CATEGORY_ACTIVE_SPEAKER,
    { "monitor" },
    -1,
    { { RIG_SIGNAL_LINE_PRO, ANY_CONNECTOR, IN, 1, MANY } } },
  { "studio",
    "a headphone amp with balanced inputs",
    RIG_CATEGORY_HEADPHONE_AMPLIFIER,
    { NULL },
    -1,
    { { RIG_SIGNAL_LINE_PRO, ANY_CONNECTOR, IN, 1, MANY } } },
  { "studio",
    "a DI box",
    RIG_CATEGORY_CONVERTER,
    { "di" },
    -1,
    { { RIG_SIGNAL_MIC, RIG_CONNECTOR_XLR3, OUT, 1, MANY } } },
  { "studio",
    "a mic preamp",
    RIG_CATEGORY_CONVERTER,
    { "preamp" },
    -1,
    { { RIG_SIGNAL_MIC, ANY_CONNECTOR, IN, 1, MANY },
      { RIG_SIGNAL_LINE_PRO, ANY_CONNECTOR, OUT, 1, MANY } } },
  { "studio",
    "a patch bay",
    RIG_CATEGORY_ACCESSORY,
    { "patch", "bay" },
    -1,
    { { RIG_SIGNAL_LINE_PRO, ANY_CONNECTOR, IN, 2, MANY } } },
  { "car",
    "a head unit with RCA pre-outs",
    RIG_CATEGORY_AMPLIFIER,
    { "car", "head", "unit" },
    -1,
    { { RIG_SIGNAL_LINE_CONSUMER, RIG_CONNECTOR_RCA, OUT, 1, MANY } } },
  { "car",
    "a 4-channel amplifier",
    RIG_CATEGORY_AMPLIFIER,
    { "car", "amplifier", "channel" },
    -1,
    { { RIG_SIGNAL_SPEAKER, ANY_CONNECTOR, OUT, 4, 4 } } },
  { "car",
    "a line output converter",
    RIG_CATEGORY_CONVERTER,
    { NULL },
    -1,
    { { RIG_SIGNAL_SPEAKER, ANY_CONNECTOR, IN, 1, MANY },
      { RIG_SIGNAL_LINE_CONSUMER, RIG_CONNECTOR_RCA, OUT, 1, MANY } } },
  { "podcast",
    "a USB/XLR microphone",
    RIG_CATEGORY_MICROPHONE,
    { NULL },
    -1,
    { { RIG_SIGNAL_MIC, RIG_CONNECTOR_XLR3, OUT, 1, MANY },
      { RIG_SIGNAL_USB_AUDIO, ANY_CONNECTOR, ANY_DIRECTION, 1, MANY } } },
  { "podcast",
    "a mixer with USB",
    RIG_CATEGORY_MIXER,
    { NULL },
    -1,
    { { RIG_SIGNAL_USB_AUDIO, ANY_CONNECTOR, ANY_DIRECTION, 1, MANY } } },
  { "podcast",
    "a headphone distribution amp",
    RIG_CATEGORY_HEADPHONE_AMPLIFIER,
    { NULL },
    -1,
    { { RIG_SIGNAL_HEADPHONE, ANY_CONNECTOR, OUT, 4, MANY } } },
  { "classroom", "a projector", RIG_CATEGORY_SOURCE, { "projector" }, -1, { { 0 } } },
  { "classroom",
    "a PA speaker with a mic input",
    RIG_CATEGORY_ACTIVE_SPEAKER,
    { "pa" },
    -1,
    { { RIG_SIGNAL_MIC, ANY_CONNECTOR, IN, 1, MANY } } },
  { "classroom",
    "a wireless mic system",
    RIG_CATEGORY_MICROPHONE,
    { "wireless", "system" },
    -1,
    { { 0 } } },
};

static gboolean
meets (const RigDeviceModel *model, const JackNeed *need)
{
  guint n = 0;

  if (need->max == 0)
    return TRUE;
  for (guint i = 0; i < model->n_jacks; i++)
    {
      const RigJack *jack = &model->jacks[i];

      if (jack->signal == need->signal
          && (need->connector == ANY_CONNECTOR || (int) jack->connector == need->connector)
          && (need->direction == ANY_DIRECTION
              || (int) jack->direction
                     == (need->direction == IN ? RIG_DIRECTION_IN : RIG_DIRECTION_OUT)))
        n++;
    }
  return n >= need->min && n <= need->max;
}

static gboolean
is_product (const RigDeviceModel *model, guint p)
{
  if (model->category != products[p].category)
    return FALSE;
  if (products[p].power >= 0 && model->figures[RIG_FIGURE_POWER_SOURCE] != products[p].power)
    return FALSE;
  for (guint w = 0; products[p].words[w] != NULL; w++)
    if (!has_word (model, products[p].words[w]))
      return FALSE;
  return meets (model, &products[p].needs[0]) && meets (model, &products[p].needs[1]);
}

static void
test_products (void)
{
  RigCatalog *catalog = rig_test_builtin_catalog ();

  g_assert_cmpuint (rig_catalog_get_n_models (catalog), >=, 150);
  for (guint p = 0; p < G_N_ELEMENTS (products); p++)
    {
      const char *found = NULL;

      for (guint i = 0; i < rig_catalog_get_n_models (catalog) && found == NULL; i++)
        if (is_product (rig_catalog_get_model (catalog, i), p))
          found = rig_catalog_get_model (catalog, i)->id;
      if (found == NULL)
        g_error ("%s: the catalog has no %s", products[p].area, products[p].product);
      g_test_message ("%s, %s: %s", products[p].area, products[p].product, found);
    }
}

/* Every model validates and says what it is; no two share an id or a name
 * (the palette lists them by name). */
static void
test_models_distinct (void)
{
  RigCatalog *catalog = rig_test_builtin_catalog ();
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < rig_catalog_get_n_models (catalog); i++)
    {
      RigDeviceModel *model = rig_catalog_get_model (catalog, i);
      g_autoptr (GError) error = NULL;

      if (!rig_device_model_validate (model, &error))
        g_error ("%s: %s", model->id, error->message);
      if (g_hash_table_contains (names, model->name))
        g_error ("%s: the name “%s” is used twice", model->id, model->name);
      g_hash_table_add (names, model->name);
      g_assert_nonnull (model->description);
      g_assert_nonnull (model->keywords);
      g_assert_cmpuint (strlen (model->description), >, 20);
    }
}

/* ---- power inlets ---------------------------------------------------------- */

static gboolean
has_inlet (const RigDeviceModel *model, RigPowerSource source)
{
  for (guint i = 0; i < model->n_jacks; i++)
    {
      const RigJack *jack = &model->jacks[i];

      if (!rig_jack_requires_power (jack) || !rig_jack_is_input (jack))
        continue;
      switch (source)
        {
          case RIG_POWER_SOURCE_MAINS:
            /* Universal 100-240 V: a draw but no voltage (physics.md §5.4). */
            if (jack->connector == RIG_CONNECTOR_IEC && jack->signal == RIG_SIGNAL_POWER
                && rig_figure_is_set (jack->power_required_w)
                && !rig_figure_is_set (jack->power_required_v))
              return TRUE;
            break;
          case RIG_POWER_SOURCE_DC:
            if (jack->connector == RIG_CONNECTOR_DC_BARREL
                && rig_figure_is_set (jack->power_required_v)
                && rig_figure_is_set (jack->power_required_w))
              return TRUE;
            break;
          case RIG_POWER_SOURCE_USB:
            if (rig_connector_is_usb (jack->connector) && jack->power_required_v == 5)
              return TRUE;
            break;
          case RIG_POWER_SOURCE_NONE:
          case RIG_POWER_SOURCE_BATTERY:
          case RIG_POWER_SOURCE_PHANTOM:
          case RIG_N_POWER_SOURCES:
          default:
            return TRUE;
        }
    }
  return source == RIG_POWER_SOURCE_BATTERY;
}

/* Every active speaker, monitor and powered subwoofer is plugged in through
 * an inlet for its power source, or carries a battery (physics.md §5.3,
 * §5.4); so is every DC-powered device. */
static void
test_power_inlets (void)
{
  RigCatalog *catalog = rig_test_builtin_catalog ();

  for (guint i = 0; i < rig_catalog_get_n_models (catalog); i++)
    {
      RigDeviceModel *model = rig_catalog_get_model (catalog, i);
      RigPowerSource source = (RigPowerSource) model->figures[RIG_FIGURE_POWER_SOURCE];

      if (model->category != RIG_CATEGORY_ACTIVE_SPEAKER && source != RIG_POWER_SOURCE_DC)
        continue;
      if (source == RIG_POWER_SOURCE_BATTERY)
        g_assert_cmpfloat (model->figures[RIG_FIGURE_BATTERY], ==, 1);
      if (has_inlet (model, source))
        continue;
      g_error ("%s is powered (%s) but has no inlet for it", model->id,
               rig_power_source_to_nick (source));
    }
}

/* ---- figures inside their class's range ---------------------------------- */

static void
assert_range (const RigDeviceModel *model, const RigJack *jack, const char *what, double value,
              double lo, double hi)
{
  if (!rig_figure_is_set (value))
    return;
  if (value < lo || value > hi)
    g_error ("%s, jack %s: %s %g is outside %g to %g", model->id, jack->id, what, value, lo, hi);
}

/* Output impedance and maximum voltage of each class's outputs, input
 * impedance of its inputs (physics.md §1, §4.1; "max" is a clipping or
 * full-scale level, so it sits above the nominal level). */
static const struct
{
  RigSignal signal;
  double out_z_lo, out_z_hi, volts_lo, volts_hi, in_z_lo, in_z_hi;
} ranges[] = {
  /* Mics 150-600 Ω, electrets and wireless receivers up to 1 kΩ; inputs 1.5-3 kΩ
   * (2.2 kΩ plug-in power bias). A DI's or a booster's output tops the range. */
  { RIG_SIGNAL_MIC, 50, 2000, 0.001, 0.2, 1000, 10000 },
  { RIG_SIGNAL_PHONO, 100, 5000, 0.001, 0.05, 22000, 100000 },
  /* Passive pickups 7-50 kΩ, active ones and pedals about 1 kΩ; Hi-Z inputs
   * 470 kΩ-1 MΩ, a passive DI about 140 kΩ. */
  { RIG_SIGNAL_INSTRUMENT, 100, 50000, 0.05, 2, 100000, 10000000 },
  { RIG_SIGNAL_LINE_CONSUMER, 10, 2000, 0.5, 10, 5000, 200000 },
  { RIG_SIGNAL_LINE_PRO, 10, 2000, 1.228, 25, 5000, 100000 },
  /* Headphone outputs 0.1-24 Ω, receivers' resistors up to 470 Ω. */
  { RIG_SIGNAL_HEADPHONE, 0.05, 600, 0.3, 25, 8, 600 },
  /* Speaker outputs are stiff; speaker-level inputs are the speakers (2-16 Ω)
   * or the high-level inputs of subwoofers and converters (checked below). */
  { RIG_SIGNAL_SPEAKER, 0.001, 1, 2, 100, 2, 100000 },
};

/* Power into a load from an output of this open-circuit voltage and output
 * impedance: a rating may not claim more (physics.md §5.2, §6.1). */
static double
deliverable (const RigJack *jack, double load)
{
  double z = rig_figure_is_set (jack->output_impedance) ? jack->output_impedance : 0;
  double v = jack->max_output_voltage * load / (load + z);

  return v * v / load;
}

static void
check_jack_figures (const RigDeviceModel *model, const RigJack *jack)
{
  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      if (ranges[r].signal != jack->signal)
        continue;
      if (jack->direction == RIG_DIRECTION_OUT)
        {
          assert_range (model, jack, "output impedance", jack->output_impedance, ranges[r].out_z_lo,
                        ranges[r].out_z_hi);
          assert_range (model, jack, "maximum voltage", jack->max_output_voltage,
                        ranges[r].volts_lo, ranges[r].volts_hi);
        }
      if (jack->direction == RIG_DIRECTION_IN)
        assert_range (model, jack, "input impedance", jack->input_impedance, ranges[r].in_z_lo,
                      ranges[r].in_z_hi);
    }

  /* A speaker's own terminals are 2-16 Ω; a high-level input bridges. */
  if (jack->signal == RIG_SIGNAL_SPEAKER && jack->direction == RIG_DIRECTION_IN)
    {
      if (model->category == RIG_CATEGORY_PASSIVE_SPEAKER)
        assert_range (model, jack, "speaker impedance", jack->input_impedance, 2, 16);
      else
        assert_range (model, jack, "speaker-level input impedance", jack->input_impedance, 50,
                      100000);
    }
  if (jack->signal == RIG_SIGNAL_SPEAKER && jack->direction == RIG_DIRECTION_OUT)
    assert_range (model, jack, "minimum load", jack->min_load, 1, 16);

  for (guint r = 0; r < jack->n_ratings; r++)
    {
      const RigPowerRating *rating = &jack->ratings[r];

      g_assert_true (rig_figure_is_set (jack->max_output_voltage));
      if (rating->watts > 1.05 * deliverable (jack, rating->load_ohms))
        g_error ("%s, jack %s: %g W into %g ohms needs more than %g V", model->id, jack->id,
                 rating->watts, rating->load_ohms, jack->max_output_voltage);
    }

  /* Supplies: USB is 5 V; DC adapters and mains stay in their ranges. */
  if (rig_connector_is_usb (jack->connector))
    {
      if (rig_figure_is_set (jack->power_supplied_v))
        g_assert_cmpfloat (jack->power_supplied_v, ==, 5);
      if (rig_figure_is_set (jack->power_required_v))
        g_assert_cmpfloat (jack->power_required_v, ==, 5);
    }
  assert_range (model, jack, "supplied volts", jack->power_supplied_v, 1.5, 240);
  assert_range (model, jack, "required volts", jack->power_required_v, 1.5, 48);
  assert_range (model, jack, "required watts", jack->power_required_w, 0.05, 2000);
}

static void
check_model_figures (const RigDeviceModel *model)
{
  const double *f = model->figures;

  switch (model->category)
    {
      case RIG_CATEGORY_PASSIVE_SPEAKER:
        /* dB SPL at 1 W/1 m (physics.md §5.1). */
        g_assert_cmpfloat_with_epsilon (f[RIG_FIGURE_SENSITIVITY], 90, 10);
        g_assert_cmpfloat (f[RIG_FIGURE_NOMINAL_IMPEDANCE], >=, 2);
        g_assert_cmpfloat (f[RIG_FIGURE_NOMINAL_IMPEDANCE], <=, 16);
        g_assert_cmpfloat (f[RIG_FIGURE_POWER_HANDLING], >=, 5);
        g_assert_cmpfloat (f[RIG_FIGURE_POWER_HANDLING], <=, 2000);
        break;
      case RIG_CATEGORY_HEADPHONES:
        /* dB SPL per mW (physics.md §6.4); the plug's impedance is the
         * headphones' nominal impedance. */
        if (!rig_figure_is_set (f[RIG_FIGURE_SENSITIVITY]))
          break;
        g_assert_cmpfloat (f[RIG_FIGURE_SENSITIVITY], >=, 85);
        g_assert_cmpfloat (f[RIG_FIGURE_SENSITIVITY], <=, 125);
        for (guint i = 0; i < model->n_jacks; i++)
          if (model->jacks[i].signal == RIG_SIGNAL_HEADPHONE
              && rig_figure_is_set (model->jacks[i].input_impedance))
            g_assert_cmpfloat (model->jacks[i].input_impedance, ==,
                               f[RIG_FIGURE_NOMINAL_IMPEDANCE]);
        break;
      case RIG_CATEGORY_AMPLIFIER:
        /* amp-power is the first rating of the speaker outputs. */
        for (guint i = 0; i < model->n_jacks; i++)
          if (model->jacks[i].signal == RIG_SIGNAL_SPEAKER && model->jacks[i].n_ratings > 0)
            {
              g_assert_cmpfloat (f[RIG_FIGURE_AMP_POWER], ==, model->jacks[i].ratings[0].watts);
              break;
            }
        break;
      case RIG_CATEGORY_SOURCE:
      case RIG_CATEGORY_HEADPHONE_AMPLIFIER:
      case RIG_CATEGORY_ACTIVE_SPEAKER:
      case RIG_CATEGORY_MICROPHONE:
      case RIG_CATEGORY_INSTRUMENT:
      case RIG_CATEGORY_MIXER:
      case RIG_CATEGORY_INTERFACE:
      case RIG_CATEGORY_CONVERTER:
      case RIG_CATEGORY_ADAPTER:
      case RIG_CATEGORY_ACCESSORY:
      case RIG_CATEGORY_POWER:
      case RIG_N_CATEGORIES:
      default:
        break;
    }
}

static void
test_figures_in_range (void)
{
  RigCatalog *catalog = rig_test_builtin_catalog ();

  for (guint i = 0; i < rig_catalog_get_n_models (catalog); i++)
    {
      RigDeviceModel *model = rig_catalog_get_model (catalog, i);

      g_test_message ("checking %s", model->id);
      check_model_figures (model);
      for (guint j = 0; j < model->n_jacks; j++)
        check_jack_figures (model, &model->jacks[j]);
    }
}

/* The figures issue #10 corrected stay corrected. */
static void
test_figures_as_products_are (void)
{
  RigCatalog *catalog = rig_test_builtin_catalog ();
  RigDeviceModel *model;
  int j;

  /* 300 Ω hi-fi headphones: about 97 dB SPL/mW. */
  model = rig_catalog_lookup (catalog, "headphones-300");
  g_assert_cmpfloat_with_epsilon (model->figures[RIG_FIGURE_SENSITIVITY], 97, 1);

  /* A PC's mic socket: mono, with plug-in power. */
  model = rig_catalog_lookup (catalog, "desktop-pc");
  j = rig_device_model_jack_index (model, "mic-in");
  g_assert_cmpuint (model->jacks[j].channels, ==, 1);
  g_assert_cmpint (model->jacks[j].plugin_power, ==, RIG_SUPPLY_SUPPLIES);

  /* Electret lavaliers on plug-in power, never phantom, as TRS and TRRS. */
  for (guint k = 0; k < 2; k++)
    {
      const RigJack *plug;

      model = rig_catalog_lookup (catalog, k == 0 ? "mic-lavalier" : "mic-lavalier-trrs");
      g_assert_nonnull (model);
      plug = &model->jacks[rig_device_model_jack_index (model, "plug")];
      g_assert_cmpint (plug->plugin_power, ==, RIG_SUPPLY_REQUIRES);
      g_assert_cmpint (plug->phantom, ==, RIG_SUPPLY_NONE);
      g_assert_cmpint (plug->poles, ==, k == 0 ? RIG_POLES_TRS : RIG_POLES_TRRS);
    }

  /* Every Hi-Z instrument input is an unbalanced TS jack. */
  for (guint i = 0; i < rig_catalog_get_n_models (catalog); i++)
    {
      model = rig_catalog_get_model (catalog, i);
      for (guint k = 0; k < model->n_jacks; k++)
        if (model->jacks[k].signal == RIG_SIGNAL_INSTRUMENT
            && model->jacks[k].direction == RIG_DIRECTION_IN)
          {
            g_test_message ("%s %s", model->id, model->jacks[k].id);
            g_assert_cmpint (model->jacks[k].poles, ==, RIG_POLES_TS);
            g_assert_cmpint (model->jacks[k].wiring, ==, RIG_WIRING_MONO);
          }
    }

  /* Receivers and integrated amps feed their headphone sockets through
   * resistors of 100-470 Ω (physics.md §6.4). */
  for (guint k = 0; k < 2; k++)
    {
      model = rig_catalog_lookup (catalog, k == 0 ? "av-receiver" : "amp-integrated");
      j = rig_device_model_jack_index (model, "headphones");
      g_assert_cmpfloat (model->jacks[j].output_impedance, >=, 100);
      g_assert_cmpfloat (model->jacks[j].output_impedance, <=, 470);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog-coverage/products", test_products);
  g_test_add_func ("/catalog-coverage/models-distinct", test_models_distinct);
  g_test_add_func ("/catalog-coverage/power-inlets", test_power_inlets);
  g_test_add_func ("/catalog-coverage/figures-in-range", test_figures_in_range);
  g_test_add_func ("/catalog-coverage/figures-as-products-are", test_figures_as_products_are);

  return g_test_run ();
}
