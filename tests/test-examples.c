/* test-examples.c: the example and lesson rigs shipped in the GResource.
 * Each one loads, is in canonical saved form (load then save gives the same
 * bytes), and validates against the schema. */
#include "config.h"

#include "rig-catalog.h"
#include "rig-format.h"
#include "rig-validator.h"
#include "rig-xml.h"

#define EXAMPLES_PATH "/io/github/rigwire/Rigwire/examples/"

static GBytes *
example_bytes (const char *name)
{
  g_autofree char *path = g_strconcat (EXAMPLES_PATH, name, NULL);
  g_autoptr (GError) error = NULL;
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return bytes;
}

static void
test_example_round_trip (gconstpointer data)
{
  const char *name = data;
  g_autoptr (GBytes) bytes = example_bytes (name);
  g_autoptr (GBytes) saved = NULL;
  g_autoptr (RigDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  xmlDoc *doc;

  /* No catalog: an example must carry every model it uses. */
  document = rig_format_load_bytes (bytes, name, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpuint (rig_document_get_n_devices (document), >, 0);
  g_assert_cmpstr (rig_document_get_title (document), !=, "");

  saved = rig_format_save_bytes (document);
  if (!g_bytes_equal (bytes, saved))
    g_error ("%s is not in canonical saved form: run _build/tests/rig-resave on it", name);

  doc = rig_xml_parse_untrusted (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), name,
                                 &error);
  g_assert_no_error (error);
  g_assert_true (rig_xml_validate_schema (doc, name, &error));
  g_assert_no_error (error);
  xmlFreeDoc (doc);
}

/* What each example must raise, exactly: "code@objects", where objects are
 * the diagnostic's cables, or its devices when it names no cable. The correct
 * rigs must check clean; each lesson shows its article's mistake (issue:
 * "Tests assert each example's exact set of codes"). */
static const struct
{
  const char *name;
  const char *expected[6];
} expected_codes[] = {
  { "car.rigwire", { NULL } },
  { "home-studio.rigwire", { NULL } },
  { "home-theater.rigwire", { NULL } },
  { "podcast-desk.rigwire", { NULL } },
  { "lesson-aux-power-speakers.rigwire", { "power.passive-unamplified@c1", NULL } },
  { "lesson-aux-in-as-out.rigwire",
    { "signal.input-to-input@c1", "topology.no-signal@d1", "topology.no-signal@d2", NULL } },
  { "lesson-headphone-amp-speakers.rigwire", { "power.headphone-amp-to-speaker@c2", NULL } },
  { "lesson-aux-vs-headphone.rigwire",
    { "connector.size@c1", "connector.headset-standard@c2", NULL } },
  /* Exercises (issue #14): the unwired ones raise nothing yet but for the
   * speaker whose given cable leads to an amplifier nothing feeds; the
   * find-the-fault ones raise their lesson's mistake. */
  { "exercise-aux-in-as-out.rigwire", { NULL } },
  { "exercise-aux-vs-headphone.rigwire", { NULL } },
  { "exercise-headphone-amp-speakers.rigwire", { NULL } },
  { "exercise-power-speakers.rigwire", { "topology.no-signal@d5", NULL } },
  { "fault-aux-in-as-out.rigwire",
    { "signal.input-to-input@c1", "topology.no-signal@d1", "topology.no-signal@d2", NULL } },
  { "fault-aux-vs-headphone.rigwire",
    { "connector.size@c1", "connector.headset-standard@c2", NULL } },
  { "fault-headphone-amp.rigwire", { "power.headphone-amp-to-speaker@c2", NULL } },
  { "fault-power-speakers.rigwire", { "power.passive-unamplified@c1", NULL } },
};

static void
test_example_codes (gconstpointer data)
{
  guint index = GPOINTER_TO_UINT (data);
  const char *name = expected_codes[index].name;
  const char *const *expected = expected_codes[index].expected;
  g_autoptr (GBytes) bytes = example_bytes (name);
  g_autoptr (RigDocument) document = NULL;
  g_autoptr (GPtrArray) diagnostics = NULL;
  g_autoptr (GError) error = NULL;
  guint n_expected = g_strv_length ((char **) expected);

  document = rig_format_load_bytes (bytes, name, NULL, &error);
  g_assert_no_error (error);
  diagnostics = rig_validator_check_full (document);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      RigDiagnostic *d = g_ptr_array_index (diagnostics, i);
      char **objects = d->cables[0] != NULL ? d->cables : d->devices;
      g_autofree char *joined = g_strjoinv (",", objects);
      g_autofree char *got = g_strdup_printf ("%s@%s", d->code, joined);

      if (i >= n_expected || g_strcmp0 (got, expected[i]) != 0)
        g_error ("%s: diagnostic %u is %s (%s), expected %s", name, i, got, d->message,
                 i < n_expected ? expected[i] : "nothing more");
    }
  g_assert_cmpuint (diagnostics->len, ==, n_expected);
}

int
main (int argc, char *argv[])
{
  g_auto (GStrv) names = NULL;
  g_autoptr (GError) error = NULL;

  g_test_init (&argc, &argv, NULL);

  names = g_resources_enumerate_children (EXAMPLES_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (names);
  g_assert_cmpuint (g_strv_length (names), >, 0);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/examples/round-trip/%s", names[i]);
      g_test_add_data_func (path, names[i], test_example_round_trip);
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected_codes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/examples/codes/%s", expected_codes[i].name);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_example_codes);
    }
  /* Every shipped example has its expected codes listed above. */
  g_assert_cmpuint (g_strv_length (names), ==, G_N_ELEMENTS (expected_codes));

  return g_test_run ();
}
