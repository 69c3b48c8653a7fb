/* test-limits.c: files made to hang the loader are read or refused quickly,
 * with a message naming the file, the line and what is wrong.
 *
 * Each input is generated here (the big ones would be megabytes on disk).
 * Before the fixes they took: a model of 50,000 jacks about ten seconds (a
 * quadratic duplicate check), one element of 200,000 attributes minutes
 * (libxml2's duplicate check), and a 25-digit length was refused as a
 * missing <adapter>. Each test also fails if it takes more than 20 s, under
 * meson's 30 s timeout. */
#include "config.h"

#include <string.h>

#include "rig-catalog.h"
#include "rig-error.h"
#include "rig-format.h"
#include "rig-xml.h"

#include "test-format-util.h"

#define QUICK_SECONDS 20.0

static RigDocument *
load (const GString *xml, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (xml->str, xml->len);

  return rig_format_load_bytes (bytes, "gen.rigwire", NULL, error);
}

static void
assert_quick (GTimer *timer)
{
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, QUICK_SECONDS);
}

/* A rig with one model of @n_jacks jacks (the last one named @last_id), a
 * route between each pair of neighbours, and a device of it. */
static GString *
many_jacks_rig (guint n_jacks, const char *last_id)
{
  GString *xml = g_string_new ("<rig xmlns=\"" NS "\" format-version=\"1\">\n<models>\n"
                               "<model id=\"big\" name=\"Big\" category=\"mixer\">\n");

  for (guint i = 0; i < n_jacks; i++)
    {
      g_autofree char *id = i + 1 < n_jacks ? g_strdup_printf ("j%u", i) : g_strdup (last_id);

      g_string_append_printf (xml,
                              "<jack id=\"%s\" name=\"J\" connector=\"rca\" gender=\"socket\" "
                              "direction=\"%s\" signal=\"line-consumer\"/>\n",
                              id, i % 2 ? "out" : "in");
    }
  for (guint i = 0; i + 2 < n_jacks; i += 2)
    g_string_append_printf (xml, "<route from=\"j%u\" to=\"j%u\"/>\n", i, i + 1);
  g_string_append (xml, "</model>\n</models>\n<devices>\n"
                        "<device id=\"d1\" model=\"big\" label=\"\" x=\"0\" y=\"0\"/>\n"
                        "</devices>\n<cables/>\n</rig>\n");
  return xml;
}

static void
test_many_jacks (void)
{
  const guint n = 50000;
  g_autoptr (GTimer) timer = g_timer_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) good = many_jacks_rig (n, "last");
  g_autoptr (GString) twin = many_jacks_rig (n, "j0");
  g_autoptr (RigDocument) doc = load (good, &error);
  g_autoptr (RigDocument) refused = NULL;
  g_autofree char *line = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (rig_document_get_device (doc, 0)->model->n_jacks, ==, n);
  g_assert_nonnull (rig_device_model_find_jack (rig_document_get_device (doc, 0)->model, "last"));

  /* The twin is the last jack, on line n + 3. */
  refused = load (twin, &error);
  g_assert_null (refused);
  line = g_strdup_printf ("gen.rigwire:%u:", n + 3);
  assert_error (error, RIG_ERROR_INVALID, line, "two jacks with the id “j0”");
  assert_quick (timer);
}

static void
test_many_models (void)
{
  const guint n = 20000;
  g_autoptr (RigCatalog) catalog = rig_catalog_new ();
  g_autoptr (GTimer) timer = g_timer_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  GString *xml = g_string_new ("<catalog xmlns=\"" NS "\">\n");

  for (guint i = 0; i <= n; i++)
    g_string_append_printf (xml, "<model id=\"m%u\" name=\"M\" category=\"source\"/>\n",
                            i < n ? i : 7);
  g_string_append (xml, "</catalog>\n");
  bytes = g_string_free_to_bytes (xml);
  g_assert_false (rig_catalog_load_bytes (catalog, bytes, "gen.xml", &error));
  assert_error (error, RIG_ERROR_INVALID, "gen.xml:20002:", "the model id “m7” is used twice");
  g_assert_cmpuint (rig_catalog_get_n_models (catalog), ==, 0);
  assert_quick (timer);
}

/* <title> with @n attributes made by @format (one %u). */
static GString *
many_attributes (guint n, const char *format)
{
  GString *xml = g_string_new ("<rig xmlns=\"" NS "\" format-version=\"1\">\n<title");

  for (guint i = 0; i < n; i++)
    {
      g_string_append_c (xml, ' ');
      g_string_append_printf (xml, format, i);
    }
  g_string_append (xml, "/>\n</rig>\n");
  return xml;
}

static void
assert_parse_refused (const char *data, gsize len, const char *where, const char *phrase)
{
  g_autoptr (GError) error = NULL;
  xmlDoc *doc = rig_xml_parse_untrusted (data, len, "gen.rigwire", &error);

  g_assert_null (doc);
  assert_error (error, RIG_ERROR_TOO_LARGE, where, phrase);
}

static void
assert_parses (const GString *xml)
{
  g_autoptr (GError) error = NULL;
  xmlDoc *doc = rig_xml_parse_untrusted (xml->str, xml->len, "gen.rigwire", &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  xmlFreeDoc (doc);
}

static void
test_many_attributes (void)
{
  g_autoptr (GTimer) timer = g_timer_new ();
  g_autoptr (GString) huge = many_attributes (200000, "a%u=\"\"");
  g_autoptr (GString) at_cap = many_attributes (RIG_XML_MAX_ATTRIBUTES, "a%u=\"\"");
  g_autoptr (GString) over_cap = many_attributes (RIG_XML_MAX_ATTRIBUTES + 1, "a%u=''");
  /* A '>' inside a value does not end the tag. */
  g_autoptr (GString) quoted = many_attributes (300, "a%u=\">\"");
  g_autoptr (GString) utf16 = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) doc = NULL;
  g_autofree char *wide = NULL;
  gsize wide_len;

  assert_parse_refused (huge->str, huge->len, "gen.rigwire:2:",
                        "<title> has more than 256 attributes, more than Rigwire reads");
  assert_parse_refused (over_cap->str, over_cap->len, "gen.rigwire:2:", "more than 256");
  assert_parse_refused (quoted->str, quoted->len, "gen.rigwire:2:", "more than 256");
  assert_parses (at_cap);

  /* UTF-16, as libxml2 reads it from the byte order mark. */
  utf16 = g_string_new ("\xef\xbb\xbf");
  g_string_append_len (utf16, huge->str, huge->len);
  wide = g_convert (utf16->str, utf16->len, "UTF-16LE", "UTF-8", NULL, &wide_len, &error);
  g_assert_no_error (error);
  assert_parse_refused (wide, wide_len, "gen.rigwire:2:", "<title> has more than 256");

  /* A whole rig: refused before the schema. */
  doc = load (huge, &error);
  g_assert_null (doc);
  assert_error (error, RIG_ERROR_TOO_LARGE, "gen.rigwire:2:", "<title> has more than 256");
  assert_quick (timer);
}

/* Equal signs in text, comments and values are not attributes. */
static void
test_equal_signs (void)
{
  g_autoptr (GString) xml = g_string_new ("<rig xmlns=\"" NS "\" format-version=\"1\">\n<notes>");
  g_autoptr (GString) declarations = g_string_new ("<rig xmlns=\"" NS "\" format-version=\"1\">");

  for (guint i = 0; i < 1000; i++)
    g_string_append (xml, "a=b ");
  g_string_append (xml, "</notes>\n<!-- don't ");
  for (guint i = 0; i < 1000; i++)
    g_string_append (xml, "a=b ");
  g_string_append (xml, "' -->\n<title x='");
  for (guint i = 0; i < 1000; i++)
    g_string_append (xml, "a=b ");
  g_string_append (xml, "'/>\n</rig>\n");
  assert_parses (xml);

  /* Namespace declarations, each searched for every element, are capped. */
  for (guint i = 0; i <= RIG_XML_MAX_NAMESPACES; i++)
    g_string_append_printf (declarations, "<a xmlns:p%u=\"urn:x\">", i);
  assert_parse_refused (declarations->str, declarations->len,
                        "gen.rigwire:1:", "more than 64 XML namespaces");
}

static void
test_long_numbers (void)
{
  static const struct
  {
    const char *old, *new;
    const char *phrase; /* NULL: the file is read */
    int code; /* RIG_ERROR_SCHEMA, unless the schema allows it and the reader refuses it */
  } cases[] = {
    { "conductors=\"3\"", "conductors=\"3\" length=\"1111111111111111111111111\"",
      ":26: the “length” attribute of <cable> is “1111111111111111…”, not a number Rigwire can "
      "use (at most 24 digits).",
      RIG_ERROR_SCHEMA },
    { "x=\"200\"", "x=\"1.000000000000000000000000\"",
      ":21: the “x” attribute of <device> is “1.00000000000000…”, not a number Rigwire can use "
      "(at most 24 digits).",
      RIG_ERROR_SCHEMA },
    { "conductors=\"3\"", "conductors=\"99999999999\"",
      ":26: the “conductors” attribute of <cable> is “99999999999”, more than Rigwire can count",
      RIG_ERROR_INVALID },
    { "conductors=\"3\"", "conductors=\"3\" length=\"111111111111111111111111\"", NULL, 0 },
    { "x=\"200\"", "x=\"00000000000000000000000000200.00000000000000000000\"", NULL, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = replace_once (base_rig, cases[i].old, cases[i].new);
      g_autoptr (GString) xml = g_string_new (text);
      g_autoptr (GError) error = NULL;
      g_autoptr (RigDocument) doc = load (xml, &error);

      if (cases[i].phrase == NULL)
        {
          g_assert_no_error (error);
          g_assert_nonnull (doc);
          continue;
        }
      g_assert_null (doc);
      assert_error (error, cases[i].code, "gen.rigwire:", cases[i].phrase);
    }
}

/* base_rig with an adapter model and @n adapters on cable c1. */
static GString *
adapters_rig (guint n)
{
  g_autofree char *with_model = replace_once (
      base_rig, "  </models>",
      "    <model id=\"ad\" name=\"Adapter\" category=\"adapter\">\n"
      "      <jack id=\"p\" name=\"P\" connector=\"rca\" gender=\"plug\" direction=\"both\" "
      "signal=\"line-consumer\"/>\n"
      "      <jack id=\"s\" name=\"S\" connector=\"rca\" gender=\"socket\" direction=\"both\" "
      "signal=\"line-consumer\"/>\n"
      "    </model>\n  </models>");
  const char *cable_end = strstr (with_model, "    </cable>");
  GString *xml = g_string_new_len (with_model, cable_end - with_model);

  for (guint i = 0; i < n; i++)
    g_string_append (xml, "      <adapter model=\"ad\" end=\"to\"/>\n");
  g_string_append (xml, cable_end);
  return xml;
}

/* libxml2's schema validation takes time in the square of a cable's
 * adapters: 100,000 took 9 s. */
static void
test_many_adapters (void)
{
  g_autoptr (GTimer) timer = g_timer_new ();
  g_autoptr (GString) many = adapters_rig (100000);
  g_autoptr (GString) at_cap = adapters_rig (RIG_XML_MAX_ADAPTERS);
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) refused = load (many, &error);
  g_autoptr (RigDocument) doc = NULL;

  g_assert_null (refused);
  assert_error (error, RIG_ERROR_TOO_LARGE,
                "gen.rigwire:", "cable “c1” has more than 64 adapters, more than Rigwire reads.");
  g_clear_error (&error);
  doc = load (at_cap, &error);
  g_assert_true (doc != NULL || !g_error_matches (error, RIG_ERROR, RIG_ERROR_TOO_LARGE));
  assert_quick (timer);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limits/model/many-jacks", test_many_jacks);
  g_test_add_func ("/limits/catalog/many-models", test_many_models);
  g_test_add_func ("/limits/parse/many-attributes", test_many_attributes);
  g_test_add_func ("/limits/parse/equal-signs", test_equal_signs);
  g_test_add_func ("/limits/schema/long-numbers", test_long_numbers);
  g_test_add_func ("/limits/schema/many-adapters", test_many_adapters);

  return g_test_run ();
}
