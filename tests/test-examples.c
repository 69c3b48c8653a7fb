/* test-examples.c: the example and lesson rigs shipped in the GResource.
 * Each one loads, is in canonical saved form (load then save gives the same
 * bytes), and validates against the schema. */
#include "config.h"

#include "rig-catalog.h"
#include "rig-format.h"
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

  return g_test_run ();
}
