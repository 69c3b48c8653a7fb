/* test-catalog.c: catalog conformance. Every built-in model goes through the
 * same checks (as Dia's tests/test-objects.c runs every object type): it loads,
 * its jacks are consistent for its category, and it writes and reads back
 * unchanged. Plus the user folder: good files add models, broken ones are
 * reported by name and line and skipped. */
#include "config.h"

#include <glib/gstdio.h>

#include "rig-catalog.h"
#include "rig-error.h"
#include "rig-format.h"
#include "rig-test-models.h"
#include "rig-xml.h"

static void
test_builtin_loads (void)
{
  RigCatalog *catalog = rig_test_builtin_catalog ();

  /* The issue asks for at least 45 models. */
  g_assert_cmpuint (rig_catalog_get_n_models (catalog), >=, 45);
  for (guint i = 0; i < rig_catalog_get_n_models (catalog); i++)
    {
      RigDeviceModel *model = rig_catalog_get_model (catalog, i);
      g_autoptr (GError) error = NULL;

      if (!rig_device_model_validate (model, &error))
        g_error ("%s: %s", model->id, error->message);
      g_assert_true (rig_catalog_lookup (catalog, model->id) == model);
      g_assert_cmpuint (model->n_jacks, >, 0);
      g_assert_nonnull (model->description);
    }
}

static gboolean
has_jack (const RigDeviceModel *model, gboolean (*match) (const RigJack *))
{
  for (guint i = 0; i < model->n_jacks; i++)
    if (match (&model->jacks[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_speaker_output (const RigJack *jack)
{
  return jack->signal == RIG_SIGNAL_SPEAKER && rig_jack_is_output (jack);
}

static gboolean
is_speaker_input (const RigJack *jack)
{
  return jack->signal == RIG_SIGNAL_SPEAKER && rig_jack_is_input (jack);
}

static gboolean
is_headphone_input (const RigJack *jack)
{
  return jack->signal == RIG_SIGNAL_HEADPHONE && rig_jack_is_input (jack);
}

/* Headphones take headphone-level audio, or digital audio they convert
 * themselves (USB-C earbuds, Bluetooth headphones). */
static gboolean
is_headphone_input_or_digital (const RigJack *jack)
{
  return is_headphone_input (jack)
         || (rig_signal_is_digital (jack->signal) && rig_jack_is_input (jack));
}

static gboolean
is_audio_input (const RigJack *jack)
{
  return jack->signal != RIG_SIGNAL_POWER && rig_jack_is_input (jack);
}

/* What each category must carry for the validator to judge it. */
static void
check_category (const RigDeviceModel *model)
{
  const double *f = model->figures;

  switch (model->category)
    {
      case RIG_CATEGORY_AMPLIFIER:
        g_assert_true (has_jack (model, is_speaker_output));
        for (guint i = 0; i < model->n_jacks; i++)
          if (is_speaker_output (&model->jacks[i]))
            {
              const RigJack *jack = &model->jacks[i];
              g_assert_cmpuint (jack->n_ratings, >, 0);
              g_assert_true (rig_figure_is_set (jack->min_load));
              g_assert_true (rig_figure_is_set (jack->output_impedance));
            }
        g_assert_cmpuint (model->n_routes, >, 0);
        break;
      case RIG_CATEGORY_PASSIVE_SPEAKER:
        g_assert_true (has_jack (model, is_speaker_input));
        g_assert_true (rig_figure_is_set (f[RIG_FIGURE_NOMINAL_IMPEDANCE]));
        g_assert_true (rig_figure_is_set (f[RIG_FIGURE_POWER_HANDLING]));
        g_assert_true (rig_figure_is_set (f[RIG_FIGURE_SENSITIVITY]));
        g_assert_true (!rig_figure_is_set (f[RIG_FIGURE_POWER_SOURCE])
                       || f[RIG_FIGURE_POWER_SOURCE] == RIG_POWER_SOURCE_NONE);
        break;
      case RIG_CATEGORY_ACTIVE_SPEAKER:
        g_assert_true (has_jack (model, is_audio_input));
        g_assert_true (rig_figure_is_set (f[RIG_FIGURE_POWER_SOURCE]));
        g_assert_cmpfloat (f[RIG_FIGURE_POWER_SOURCE], !=, RIG_POWER_SOURCE_NONE);
        break;
      case RIG_CATEGORY_HEADPHONES:
        g_assert_true (has_jack (model, is_headphone_input_or_digital));
        /* The drive rules need both figures wherever an analog amp drives them. */
        if (has_jack (model, is_headphone_input))
          {
            g_assert_true (rig_figure_is_set (f[RIG_FIGURE_NOMINAL_IMPEDANCE]));
            g_assert_true (rig_figure_is_set (f[RIG_FIGURE_SENSITIVITY]));
          }
        break;
      case RIG_CATEGORY_ADAPTER:
        g_assert_cmpuint (model->n_jacks, >=, 2);
        g_assert_cmpuint (model->n_routes, >, 0);
        break;
      case RIG_CATEGORY_HEADPHONE_AMPLIFIER:
        g_assert_false (has_jack (model, is_speaker_output));
        g_assert_cmpuint (model->n_routes, >, 0);
        break;
      case RIG_CATEGORY_SOURCE:
      case RIG_CATEGORY_MICROPHONE:
      case RIG_CATEGORY_INSTRUMENT:
      case RIG_CATEGORY_MIXER:
      case RIG_CATEGORY_INTERFACE:
      case RIG_CATEGORY_CONVERTER:
      case RIG_CATEGORY_ACCESSORY:
      case RIG_CATEGORY_POWER:
      case RIG_N_CATEGORIES:
      default:
        break;
    }

  /* Devices that need power say how they get it. */
  if (f[RIG_FIGURE_POWER_SOURCE] == RIG_POWER_SOURCE_BATTERY)
    g_assert_true (rig_figure_is_set (f[RIG_FIGURE_BATTERY]));
  if (f[RIG_FIGURE_POWER_SOURCE] == RIG_POWER_SOURCE_USB)
    {
      gboolean found = FALSE;
      for (guint i = 0; i < model->n_jacks; i++)
        found |= rig_connector_is_usb (model->jacks[i].connector)
                 && rig_jack_requires_power (&model->jacks[i]);
      g_assert_true (found);
    }
}

static void
test_categories (void)
{
  RigCatalog *catalog = rig_test_builtin_catalog ();
  guint per_category[RIG_N_CATEGORIES] = { 0 };

  for (guint i = 0; i < rig_catalog_get_n_models (catalog); i++)
    {
      RigDeviceModel *model = rig_catalog_get_model (catalog, i);

      g_test_message ("checking %s", model->id);
      check_category (model);
      per_category[model->category]++;
    }
  for (guint c = 0; c < RIG_N_CATEGORIES; c++)
    if (c != RIG_CATEGORY_ACCESSORY)
      {
        g_test_message ("%s: %u", rig_category_to_nick (c), per_category[c]);
        g_assert_cmpuint (per_category[c], >, 0);
      }
}

/* The connectors and wirings physics.md §2 describes are all in the catalog. */
static void
test_coverage (void)
{
  RigCatalog *catalog = rig_test_builtin_catalog ();
  gboolean wiring_seen[RIG_N_WIRINGS] = { FALSE };
  gboolean size_seen[RIG_N_PHONE_SIZES] = { FALSE };
  gboolean connector_seen[RIG_N_CONNECTORS] = { FALSE };
  gboolean isolator = FALSE, phantom_mic = FALSE, plugin_mic = FALSE;

  for (guint i = 0; i < rig_catalog_get_n_models (catalog); i++)
    {
      RigDeviceModel *model = rig_catalog_get_model (catalog, i);

      isolator |= model->isolates_ground;
      for (guint j = 0; j < model->n_jacks; j++)
        {
          const RigJack *jack = &model->jacks[j];
          wiring_seen[jack->wiring] = TRUE;
          size_seen[jack->size] = TRUE;
          connector_seen[jack->connector] = TRUE;
          phantom_mic |= jack->phantom == RIG_SUPPLY_REQUIRES;
          plugin_mic |= jack->plugin_power == RIG_SUPPLY_REQUIRES;
        }
    }

  for (guint w = RIG_WIRING_MONO; w < RIG_N_WIRINGS; w++)
    if (w != RIG_WIRING_INSERT && w != RIG_WIRING_BALANCED_STEREO_2_5)
      {
        g_test_message ("wiring %s", rig_wiring_to_nick (w));
        g_assert_true (wiring_seen[w]);
      }
  g_assert_true (size_seen[RIG_PHONE_SIZE_3_5]);
  g_assert_true (size_seen[RIG_PHONE_SIZE_4_4]);
  g_assert_true (size_seen[RIG_PHONE_SIZE_6_35]);
  for (guint c = 0; c < RIG_N_CONNECTORS; c++)
    if (c != RIG_CONNECTOR_SPEAKON && c != RIG_CONNECTOR_USB_MICRO_B)
      {
        g_test_message ("connector %s", rig_connector_to_nick (c));
        g_assert_true (connector_seen[c]);
      }
  g_assert_true (isolator);
  g_assert_true (phantom_mic);
  g_assert_true (plugin_mic);
}

/* Every model writes to XML and reads back equal, and the written element is
 * schema-valid inside a catalog. */
static void
test_write_read (void)
{
  RigCatalog *catalog = rig_test_builtin_catalog ();

  for (guint i = 0; i < rig_catalog_get_n_models (catalog); i++)
    {
      RigDeviceModel *model = rig_catalog_get_model (catalog, i);
      g_autoptr (GString) xml = g_string_new ("<catalog xmlns=\"" RIG_XML_NS "\">\n");
      g_autoptr (RigCatalog) reread = rig_catalog_new ();
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GError) error = NULL;

      rig_xml_write_model (xml, model, 2);
      g_string_append (xml, "</catalog>\n");
      bytes = g_bytes_new (xml->str, xml->len);
      if (!rig_catalog_load_bytes (reread, bytes, model->id, &error))
        g_error ("%s: %s\n%s", model->id, error->message, xml->str);
      g_assert_cmpuint (rig_catalog_get_n_models (reread), ==, 1);
      g_assert_true (rig_device_model_equal (model, rig_catalog_get_model (reread, 0)));
    }
}

static const char good_user_file[]
    = "<catalog xmlns=\"" RIG_XML_NS "\">\n"
      "  <model id=\"my-speaker\" name=\"My speaker\" category=\"passive-speaker\">\n"
      "    <description>A home-made speaker.</description>\n"
      "    <figures nominal-impedance=\"6\" power-handling=\"40\" sensitivity=\"86\"/>\n"
      "    <jack id=\"in\" name=\"Speaker in\" connector=\"speaker-terminal\" gender=\"socket\"\n"
      "          direction=\"in\" signal=\"speaker\"/>\n"
      "  </model>\n"
      "</catalog>\n";

static const char broken_user_file[]
    = "<catalog xmlns=\"" RIG_XML_NS "\">\n"
      "  <model id=\"broken\" name=\"Broken\" category=\"source\">\n"
      "    <jack id=\"out\" name=\"Out\" connector=\"phone\" gender=\"socket\"\n"
      "          direction=\"out\" signal=\"line-consumer\"\n"
      "</catalog>\n";

static void
test_user_folder (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("rigwire-catalog-XXXXXX", &error);
  g_autoptr (GFile) dir = NULL;
  g_autoptr (RigCatalog) catalog = rig_catalog_new ();
  GPtrArray *problems;
  const GError *problem;
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  RigDeviceModel *model;

  g_assert_no_error (error);
  dir = g_file_new_for_path (tmp);
  good = g_build_filename (tmp, "a-good.xml", NULL);
  bad = g_build_filename (tmp, "b-broken.xml", NULL);
  g_assert_true (g_file_set_contents (good, good_user_file, -1, NULL));
  g_assert_true (g_file_set_contents (bad, broken_user_file, -1, NULL));

  g_assert_true (rig_catalog_load_builtin (catalog, NULL));
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "*b-broken.xml*");
  g_assert_cmpuint (rig_catalog_load_directory (catalog, dir), ==, 1);
  g_test_assert_expected_messages ();

  model = rig_catalog_lookup (catalog, "my-speaker");
  g_assert_nonnull (model);
  g_assert_cmpfloat (model->figures[RIG_FIGURE_NOMINAL_IMPEDANCE], ==, 6);
  g_assert_null (rig_catalog_lookup (catalog, "broken"));

  problems = rig_catalog_get_problems (catalog);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_nonnull (strstr (problem->message, "b-broken.xml:"));

  /* A missing folder is no problem at all. */
  {
    g_autoptr (GFile) missing = g_file_get_child (dir, "no-such-folder");
    g_assert_cmpuint (rig_catalog_load_directory (catalog, missing), ==, 0);
    g_assert_cmpuint (problems->len, ==, 1);
  }

  g_unlink (good);
  g_unlink (bad);
  g_rmdir (tmp);
}

static void
test_user_replaces_builtin (void)
{
  g_autoptr (RigCatalog) catalog = rig_catalog_new ();
  RigDeviceModel *first;
  g_autoptr (RigDeviceModel) replacement = NULL;
  guint n;

  g_assert_true (rig_catalog_load_builtin (catalog, NULL));
  n = rig_catalog_get_n_models (catalog);
  first = rig_catalog_get_model (catalog, 0);
  replacement = rig_device_model_new (first->id, "Replacement", first->category);
  rig_catalog_add (catalog, replacement);

  g_assert_cmpuint (rig_catalog_get_n_models (catalog), ==, n);
  g_assert_true (rig_catalog_lookup (catalog, replacement->id) == replacement);
  g_assert_true (rig_catalog_get_model (catalog, 0) == replacement);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/builtin/loads", test_builtin_loads);
  g_test_add_func ("/catalog/builtin/categories", test_categories);
  g_test_add_func ("/catalog/builtin/coverage", test_coverage);
  g_test_add_func ("/catalog/builtin/write-read", test_write_read);
  g_test_add_func ("/catalog/user/folder", test_user_folder);
  g_test_add_func ("/catalog/user/replaces-builtin", test_user_replaces_builtin);

  return g_test_run ();
}
