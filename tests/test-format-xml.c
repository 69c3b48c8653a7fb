/* test-format-xml.c: the XML under the .rigwire format: numbers, escaping,
 * safe parsing, the schema and the <model> element. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <fcntl.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rig-catalog.h"
#include "rig-document-private.h"
#include "rig-error.h"
#include "rig-format.h"
#include "rig-history.h"
#include "rig-xml.h"

#include "test-format-util.h"

/* Numbers ====================================================================== */

static void
test_number_append (void)
{
  static const struct
  {
    double value;
    const char *text;
  } cases[] = {
    { 8, "8" },
    { 0.5, "0.5" },
    { 1200, "1200" },
    { 47000, "47000" },
    { 0.05, "0.05" },
    { 6.35, "6.35" },
    { -40.5, "-40.5" },
    { 0.1 + 0.2, "0.3" },
    { 1.0 / 3.0, "0.333333" },
    { 2.0 / 3.0, "0.666667" },
    { 1234567, "1234570" },
    { 123456789, "123457000" },
    { 99999.96, "100000" },
    { 999999.5, "1000000" },
    { 1e-7, "0.0000001" },
    { 2.5e-5, "0.000025" },
    { 0.000123456789, "0.000123457" },
    { 1e6, "1000000" },
    { 1e20, "100000000000000000000" },
    { 1e30, "999999000000000000000000" },
    { -1e30, "-999999000000000000000000" },
    { 1e-30, "0.000000000000000001" },
    { -1e-30, "-0.000000000000000001" },
    { 0, "0" },
    { -0.0, "0" },
    { NAN, "0" },
    { INFINITY, "0" },
    { 87.5, "87.5" },
    { 230, "230" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GString) out = g_string_new (NULL);

      rig_xml_append_double (out, cases[i].value);
      g_assert_cmpstr (out->str, ==, cases[i].text);
    }
}

static void
test_number_parse (void)
{
  static const struct
  {
    const char *text;
    double value;
  } good[] = {
    { "8", 8 },  { "0.5", 0.5 }, { "-12", -12 },       { "+3", 3 }, { ".5", 0.5 },
    { "5.", 5 }, { " 7 ", 7 },   { "\n1.25\t", 1.25 }, { "-0", 0 }, { "007", 7 },
  };
  static const char *const bad[] = {
    "", " ", ".", "-", "1e3", "1E3", "inf", "nan", "0x10", "1,5", "1.2.3", "12abc", "+-1", "1 2",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      double value = NAN;

      g_assert_true (rig_xml_parse_double (good[i].text, &value));
      g_assert_cmpfloat (value, ==, good[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      double value = 42;

      if (rig_xml_parse_double (bad[i], &value))
        g_error ("“%s” parsed as %g", bad[i], value);
    }
  g_assert_false (rig_xml_parse_double (NULL, NULL));
}

/* Writing, reading and writing again gives the same text, for any value. */
static void
test_number_round_trip (void)
{
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 20000; i++)
    {
      double value = g_rand_double_range (rand, -1, 1) * pow (10, g_rand_int_range (rand, -20, 26));
      g_autoptr (GString) first = g_string_new (NULL);
      g_autoptr (GString) second = g_string_new (NULL);
      double parsed;

      rig_xml_append_double (first, value);
      g_assert_true (rig_xml_parse_double (first->str, &parsed));
      rig_xml_append_double (second, parsed);
      g_assert_cmpstr (first->str, ==, second->str);
      g_assert_null (strchr (first->str, 'e'));
      /* Within 6 significant digits, for values the writer does not clamp. */
      if (fabs (value) >= 1e-18 && fabs (value) < 9.99999e23)
        g_assert_cmpfloat (fabs (parsed - value), <=, fabs (value) * 5e-6);
    }
  g_rand_free (rand);
}

static void
test_escape (void)
{
  g_autoptr (GString) attribute = g_string_new (NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  const char *input = "a&b<c>d\"e'f\tg\nh\ri\x01j\x1fk✓";

  rig_xml_append_escaped (attribute, input);
  g_assert_cmpstr (attribute->str, ==, "a&amp;b&lt;c&gt;d&quot;e'f&#9;g&#10;h&#13;ijk✓");
  rig_xml_append_escaped_text (text, input);
  g_assert_cmpstr (text->str, ==, "a&amp;b&lt;c&gt;d\"e'f\tg\nh&#13;ijk✓");

  /* Invalid UTF-8 becomes U+FFFD; U+FFFE and U+FFFF are dropped. */
  g_string_truncate (attribute, 0);
  rig_xml_append_escaped (attribute, "x\xff"
                                     "y\xef\xbf\xbe"
                                     "z");
  g_assert_cmpstr (attribute->str, ==, "x\xef\xbf\xbdyz");
}

/* Safe parsing ================================================================= */

static void
test_parse_good (void)
{
  g_autoptr (GError) error = NULL;
  xmlDoc *doc = rig_xml_parse_untrusted (base_rig, strlen (base_rig), "base.rigwire", &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_true (rig_xml_is_element (xmlDocGetRootElement (doc), "rig"));
  xmlFreeDoc (doc);
}

static void
test_parse_depth (void)
{
  GString *xml = g_string_new ("<rig xmlns=\"" NS "\" format-version=\"1\">");
  g_autoptr (GError) error = NULL;
  xmlDoc *doc;

  /* 32 levels are fine for the parser (the schema refuses them later). */
  for (guint i = 1; i < RIG_XML_MAX_DEPTH; i++)
    g_string_append (xml, "<a>");
  for (guint i = 1; i < RIG_XML_MAX_DEPTH; i++)
    g_string_append (xml, "</a>");
  g_string_append (xml, "</rig>");
  doc = rig_xml_parse_untrusted (xml->str, xml->len, "deep.rigwire", &error);
  g_assert_no_error (error);
  xmlFreeDoc (doc);
  g_string_free (xml, TRUE);

  /* Far deeper than libxml2's own limit (256), too. */
  for (guint depth = RIG_XML_MAX_DEPTH + 1; depth <= 10000; depth = depth * 10)
    {
      g_autoptr (GError) deep_error = NULL;

      xml = g_string_new ("<rig xmlns=\"" NS "\" format-version=\"1\">\n");
      for (guint i = 1; i < depth; i++)
        g_string_append (xml, "<a>");
      for (guint i = 1; i < depth; i++)
        g_string_append (xml, "</a>");
      g_string_append (xml, "</rig>");
      doc = rig_xml_parse_untrusted (xml->str, xml->len, "deep.rigwire", &deep_error);
      g_assert_null (doc);
      assert_error (deep_error, RIG_ERROR_TOO_LARGE, "deep.rigwire:2:", "nested more than 32");
      g_string_free (xml, TRUE);
    }
}

/* Encoding declarations are ignored: bytes that are not UTF-8 say so. */
static void
test_parse_not_utf8 (void)
{
  static const char latin1[] = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                               "<rig xmlns=\"" NS "\" format-version=\"1\">\n"
                               "<title>Caf\xe9</title>\n</rig>\n";
  g_autoptr (GError) error = NULL;
  xmlDoc *doc = rig_xml_parse_untrusted (latin1, strlen (latin1), "latin1.rigwire", &error);

  g_assert_null (doc);
  assert_error (error, RIG_ERROR_NOT_XML, "latin1.rigwire:3:",
                "the file is not UTF-8 text; Rigwire reads files saved as UTF-8 (or UTF-16).");
}

static void
test_parse_too_many_elements (void)
{
  GString *xml = g_string_new ("<rig xmlns=\"" NS "\" format-version=\"1\">\n");
  g_autoptr (GError) error = NULL;
  xmlDoc *doc;

  for (guint i = 0; i < RIG_XML_MAX_ELEMENTS; i++)
    g_string_append (xml, "<a/>");
  g_string_append (xml, "</rig>");
  g_assert_cmpuint (xml->len, <, RIG_XML_MAX_BYTES);
  doc = rig_xml_parse_untrusted (xml->str, xml->len, "many.rigwire", &error);
  g_assert_null (doc);
  assert_error (error, RIG_ERROR_TOO_LARGE, "many.rigwire:", "more than 1000000 elements");
  g_string_free (xml, TRUE);
}

/* libxml2 must print nothing: a forked child runs a bad parse, and its stderr
 * is checked to be empty. */
static void
test_parse_silent (void)
{
  if (g_test_subprocess ())
    {
      static const char *const inputs[] = {
        "<rig><unclosed></rig>",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE x SYSTEM \"http://example.com/x.dtd\"><x/>",
        "<rig xmlns=\"" NS "\" format-version=\"1\"><title>&undefined;</title></rig>",
        "<rig xmlns=\"" NS "\" format-version=\"1\"><bogus/></rig>",
      };

      for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
        {
          g_autoptr (GError) error = NULL;
          xmlDoc *doc = rig_xml_parse_untrusted (inputs[i], strlen (inputs[i]), "x", &error);

          if (doc != NULL)
            {
              g_clear_error (&error);
              rig_xml_validate_schema (doc, "x", &error);
              xmlFreeDoc (doc);
            }
          g_assert_nonnull (error);
        }
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

/* The schema ==================================================================== */

static xmlDoc *
read_schema (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_resources_lookup_data (
      "/io/github/rigwire/Rigwire/schemas/rigwire.rng", G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  gsize len;
  const char *data;
  xmlDoc *doc;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &len);
  doc = xmlReadMemory (data, (int) len, "rigwire.rng", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  return doc;
}

static gboolean
rng_is (const xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

static char *
rng_attribute (const xmlNode *node, const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* Every <value> under @node, into @values. */
static void
collect_values (const xmlNode *node, GPtrArray *values)
{
  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (rng_is (child, "value"))
        {
          xmlChar *text = xmlNodeGetContent (child);
          g_ptr_array_add (values, g_strdup ((const char *) text));
          xmlFree (text);
        }
      else if (child->type == XML_ELEMENT_NODE)
        collect_values (child, values);
    }
}

/* The values of every <attribute name="@name"> under @node, into @values. */
static void
collect_attribute_values (const xmlNode *node, const char *name, GPtrArray *values)
{
  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (rng_is (child, "attribute"))
        {
          g_autofree char *own = rng_attribute (child, "name");
          if (g_strcmp0 (own, name) == 0)
            collect_values (child, values);
        }
      else if (child->type == XML_ELEMENT_NODE)
        collect_attribute_values (child, name, values);
    }
}

/* The first element named @element whose @attribute is @value. */
static const xmlNode *
find_rng_node (const xmlNode *node, const char *element, const char *attribute, const char *value)
{
  for (const xmlNode *child = node; child != NULL; child = child->next)
    {
      const xmlNode *found;

      if (rng_is (child, element))
        {
          g_autofree char *own = rng_attribute (child, attribute);
          if (g_strcmp0 (own, value) == 0)
            return child;
        }
      if (child->type == XML_ELEMENT_NODE
          && (found = find_rng_node (child->children, element, attribute, value)) != NULL)
        return found;
    }
  return NULL;
}

static void
assert_values (GPtrArray *values, const char *what, const char *(*to_nick) (int), int n,
               gboolean skip_none)
{
  guint expected = 0;

  for (int i = 0; i < n; i++)
    {
      const char *nick = to_nick (i);

      if (skip_none && strcmp (nick, "none") == 0)
        continue;
      expected++;
      if (!g_ptr_array_find_with_equal_func (values, nick, g_str_equal, NULL))
        g_error ("the schema's %s list lacks “%s”", what, nick);
    }
  if (values->len != expected)
    g_error ("the schema's %s list has %u values, the C table %u", what, values->len, expected);
}

#define ENUM_CHECK(define, prefix, n, skip_none)                                                   \
  {                                                                                                \
    g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);                        \
    const xmlNode *node = find_rng_node (root, "define", "name", define);                          \
    g_assert_nonnull (node);                                                                       \
    collect_values (node, values);                                                                 \
    assert_values (values, define, (const char *(*) (int) ) rig_##prefix##_to_nick, n, skip_none); \
  }

static void
test_schema_enumerations (void)
{
  xmlDoc *doc = read_schema ();
  const xmlNode *root = xmlDocGetRootElement (doc);

  ENUM_CHECK ("connector", connector, RIG_N_CONNECTORS, FALSE);
  ENUM_CHECK ("phone-size", phone_size, RIG_N_PHONE_SIZES, TRUE);
  ENUM_CHECK ("poles", poles, RIG_N_POLES, TRUE);
  ENUM_CHECK ("wiring", wiring, RIG_N_WIRINGS, TRUE);
  ENUM_CHECK ("gender", gender, RIG_N_GENDERS, FALSE);
  ENUM_CHECK ("pins", pins, RIG_N_PINS, TRUE);
  ENUM_CHECK ("direction", direction, RIG_N_DIRECTIONS, FALSE);
  ENUM_CHECK ("signal", signal, RIG_N_SIGNALS, FALSE);
  ENUM_CHECK ("category", category, RIG_N_CATEGORIES, FALSE);
  ENUM_CHECK ("power-source", power_source, RIG_N_POWER_SOURCES, FALSE);
  ENUM_CHECK ("supply", supply, RIG_N_SUPPLIES, TRUE);

  /* Figures: <override figure> takes every figure (power-source on its own),
   * <figures> has one attribute per figure but power-source. */
  {
    g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
    const xmlNode *figures;
    guint n_attributes = 0;

    /* <override figure="power-source"> has its own group. */
    collect_values (find_rng_node (root, "define", "name", "override"), values);
    g_assert_cmpuint (values->len, ==, 1);
    g_assert_cmpstr (values->pdata[0], ==, rig_figure_to_nick (RIG_FIGURE_POWER_SOURCE));
    g_ptr_array_set_size (values, 0);
    collect_values (find_rng_node (root, "define", "name", "number-figure"), values);
    g_ptr_array_add (values, g_strdup ("power-source"));
    assert_values (values, "figure", (const char *(*) (int) ) rig_figure_to_nick, RIG_N_FIGURES,
                   FALSE);

    figures = find_rng_node (root, "element", "name", "figures");
    g_assert_nonnull (figures);
    for (int f = 0; f < RIG_N_FIGURES; f++)
      {
        gboolean present
            = find_rng_node (figures->children, "attribute", "name", rig_figure_to_nick (f))
              != NULL;
        g_assert_true (present == (f != RIG_FIGURE_POWER_SOURCE));
        n_attributes += present;
      }
    g_assert_cmpuint (n_attributes, ==, RIG_N_FIGURES - 1);
  }

  /* Cable kinds: the values of the cable's kind attributes. */
  {
    g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
    const xmlNode *cable = find_rng_node (root, "element", "name", "cable");

    g_assert_nonnull (cable);
    collect_attribute_values (cable, "kind", values);
    assert_values (values, "cable kind", (const char *(*) (int) ) rig_cable_kind_to_nick,
                   RIG_N_CABLE_KINDS, FALSE);
  }

  xmlFreeDoc (doc);
}

static void
test_schema_validates_base (void)
{
  g_autoptr (GError) error = NULL;
  xmlDoc *doc = rig_xml_parse_untrusted (base_rig, strlen (base_rig), "base.rigwire", &error);

  g_assert_no_error (error);
  g_assert_true (rig_xml_validate_schema (doc, "base.rigwire", &error));
  g_assert_no_error (error);
  xmlFreeDoc (doc);
}

/* Schema failures say what is wrong, with the line. */
static void
test_schema_messages (void)
{
  static const struct
  {
    const char *old;
    const char *new;
    const char *phrase;
  } cases[] = {
    { "connector=\"rca\" gender=\"socket\"", "connector=\"banana\" gender=\"socket\"",
      ":5: unknown connector “banana”" },
    { "name=\"Line in\" ", "", ":5: <jack> has no “name” attribute" },
    { "channels=\"2\"/>\n    </model>", "channels=\"17\"/>\n    </model>",
      "must be a whole number from 1 to 16" },
    { "x=\"200\"", "x=\"2e2\"", ":21: the “x” attribute of <device> must be a number" },
    { "<models>", "<models colour=\"red\">", ":3: <models> has an unknown attribute “colour”" },
    { "<route from=\"in\" to=\"spk\"/>", "<router/>", ":9: unknown element <router>" },
    { "  </devices>\n", "  </devices>\n  <devices/>\n",
      ":25: <devices> is not allowed here inside <rig>" },
    { "<models>", "<models><device id=\"d0\" model=\"m\" label=\"\" x=\"0\" y=\"0\"/>",
      ":3: <device> is not allowed here inside <models>" },
    { "kind=\"cable\" from-device=\"d1\"", "kind=\"cabel\" from-device=\"d1\"",
      "unknown cable kind “cabel”" },
    { "      <end side=\"to\" connector=\"rca\" gender=\"plug\" plugs=\"2\"/>\n", "",
      ":26: <cable> lacks a required <end> element" },
    { "<device id=\"d1\"", "<device id=\"d 1\"", "must be an id of letters" },
    { "category=\"source\"", "category=\"toaster\"", ":11: unknown category “toaster”" },
    /* libxml2 says "the attributes of <end> are not valid". */
    { "<end side=\"to\" connector=\"rca\"", "<end side=\"from\" connector=\"rca\"",
      ":28: cable “c1” must have one <end side=\"from\"> and then one <end side=\"to\">" },
    /* libxml2 says "lacks a required <adapter> element". */
    { "conductors=\"3\"", "conductors=\"3\" length=\"0.0000000000000000000000001\"",
      ":26: the “length” attribute of <cable> is “0.00000000000000…”, not a number Rigwire can "
      "use (at most 24 digits)." },
    { "  <devices>\n", "  <devices>\n  hello\n", ":19: text is not allowed inside <devices>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *xml = replace_once (base_rig, cases[i].old, cases[i].new);
      g_autoptr (GError) error = NULL;
      xmlDoc *doc = rig_xml_parse_untrusted (xml, strlen (xml), "bad.rigwire", &error);

      g_assert_no_error (error);
      g_assert_false (rig_xml_validate_schema (doc, "bad.rigwire", &error));
      assert_error (error, RIG_ERROR_SCHEMA, "bad.rigwire:", cases[i].phrase);
      xmlFreeDoc (doc);
    }
}

/* Every catalog file compiled into the core resource follows the schema and
 * reads without error. */
static void
test_schema_builtin_catalog (void)
{
  const char *base = "/io/github/rigwire/Rigwire/devices/";
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) names
      = g_resources_enumerate_children (base, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  guint n_models = 0;

  g_assert_no_error (error);
  g_assert_nonnull (names);
  g_assert_cmpuint (g_strv_length (names), >, 0);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (base, names[i], NULL);
      g_autoptr (GBytes) bytes
          = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      gsize len;
      const char *data;
      xmlDoc *doc;
      xmlNode *root;

      g_assert_no_error (error);
      data = g_bytes_get_data (bytes, &len);
      doc = rig_xml_parse_untrusted (data, len, names[i], &error);
      g_assert_no_error (error);
      if (!rig_xml_validate_schema (doc, names[i], &error))
        g_error ("%s", error->message);
      root = xmlDocGetRootElement (doc);
      g_assert_true (rig_xml_is_element (root, "catalog"));
      for (xmlNode *node = root->children; node != NULL; node = node->next)
        {
          g_autoptr (RigDeviceModel) model = NULL;
          g_autoptr (GString) out = g_string_new (NULL);

          if (node->type != XML_ELEMENT_NODE)
            continue;
          model = rig_xml_read_model (node, names[i], &error);
          if (model == NULL)
            g_error ("%s", error->message);
          rig_xml_write_model (out, model, 2);
          n_models++;
        }
      xmlFreeDoc (doc);
    }
  g_test_message ("%u catalog files, %u models", g_strv_length (names), n_models);
  g_assert_cmpuint (n_models, >, 0);
}

/* <model> ======================================================================= */

static xmlDoc *
parse_catalog (const char *models_xml, GError **error)
{
  g_autofree char *xml = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<catalog xmlns=\"" NS "\">\n%s</catalog>\n",
                                          models_xml);

  return rig_xml_parse_untrusted (xml, strlen (xml), "models.xml", error);
}

static void
test_model_round_trip (void)
{
  g_autoptr (RigDeviceModel) model = build_full_model ();
  g_autoptr (RigDeviceModel) read = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GString) again = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  xmlDoc *doc;
  xmlNode *node;

  g_assert_true (rig_device_model_validate (model, &error));
  rig_xml_write_model (out, model, 2);
  g_test_message ("%s", out->str);
  g_assert_true (g_str_has_prefix (out->str, "  <model id=\"amp-2.x_full\" name=\"Amp “full” "
                                             "&amp; &lt;co&gt;\" category=\"amplifier\" "
                                             "power=\"mains\" isolates-ground=\"true\">\n"));
  g_assert_nonnull (strstr (out->str, "<figures nominal-impedance=\"8\" power-handling=\"120\" "
                                      "sensitivity=\"88.5\" amp-power=\"50\" battery=\"0\" "
                                      "earthed=\"1\" phantom-on=\"1\"/>"));
  g_assert_nonnull (strstr (out->str, "wiring=\"balanced-stereo\""));

  doc = parse_catalog (out->str, &error);
  g_assert_no_error (error);
  g_assert_true (rig_xml_validate_schema (doc, "models.xml", &error));
  g_assert_no_error (error);

  node = xmlDocGetRootElement (doc)->children;
  while (node->type != XML_ELEMENT_NODE)
    node = node->next;
  read = rig_xml_read_model (node, "models.xml", &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_true (rig_device_model_equal (model, read));

  rig_xml_write_model (again, read, 2);
  g_assert_cmpstr (out->str, ==, again->str);
  xmlFreeDoc (doc);
}

static void
test_model_minimal (void)
{
  g_autoptr (RigDeviceModel) model = rig_device_model_new ("box", "Box", RIG_CATEGORY_ACCESSORY);
  g_autoptr (GString) out = g_string_new (NULL);

  rig_xml_write_model (out, model, 0);
  g_assert_cmpstr (out->str, ==, "<model id=\"box\" name=\"Box\" category=\"accessory\"/>\n");
}

/* The reader does not rely on the schema: it checks every value itself. */
static void
test_model_reader_checks (void)
{
  static const struct
  {
    const char *xml;
    const char *phrase;
  } cases[] = {
    { "<model id=\"m\" name=\"M\" category=\"source\">\n"
      "<jack id=\"j\" name=\"J\" connector=\"banana\" gender=\"socket\" direction=\"in\" "
      "signal=\"mic\"/></model>\n",
      "models.xml:4: unknown connector “banana”" },
    { "<model id=\"m\" name=\"M\" category=\"source\">\n"
      "<jack id=\"j\" name=\"J\" connector=\"phone\" gender=\"socket\" direction=\"in\" "
      "signal=\"mic\"/></model>\n",
      "models.xml:4: Phone jack “j” needs a size" },
    { "<model id=\"m\" name=\"M\" category=\"source\">\n"
      "<jack id=\"j\" name=\"J\" connector=\"rca\" gender=\"socket\" direction=\"in\" "
      "signal=\"mic\"/>\n<jack id=\"j\" name=\"K\" connector=\"rca\" gender=\"socket\" "
      "direction=\"in\" signal=\"mic\"/></model>\n",
      "models.xml:5: model “m” has two jacks with the id “j”" },
    { "<model id=\"m\" name=\"M\" category=\"source\">\n<route from=\"a\" to=\"b\"/></model>\n",
      "models.xml:4: model “m” routes signal through “a”" },
    { "<model id=\"m\" name=\"M\" category=\"source\">\n<figures sensitivity=\"200\"/></model>\n",
      "models.xml:3: Device model “m”: A sensitivity must be between" },
    { "<model id=\"m\" name=\"M\" category=\"stove\"/>\n", "models.xml:3: unknown category" },
    { "<model id=\"M\" name=\"M\" category=\"source\"/>\n", "must be an id of lower-case" },
    { "<model id=\"m\" category=\"source\"/>\n", "<model> has no “name” attribute" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RigDeviceModel) model = NULL;
      xmlDoc *doc = parse_catalog (cases[i].xml, &error);
      xmlNode *node;

      g_assert_no_error (error);
      node = xmlDocGetRootElement (doc)->children;
      while (node->type != XML_ELEMENT_NODE)
        node = node->next;
      model = rig_xml_read_model (node, "models.xml", &error);
      g_assert_null (model);
      assert_error (error, RIG_ERROR_INVALID, "models.xml:", cases[i].phrase);
      xmlFreeDoc (doc);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/number/append", test_number_append);
  g_test_add_func ("/format/number/parse", test_number_parse);
  g_test_add_func ("/format/number/round-trip", test_number_round_trip);
  g_test_add_func ("/format/escape", test_escape);

  g_test_add_func ("/format/parse/good", test_parse_good);
  g_test_add_func ("/format/parse/depth", test_parse_depth);
  g_test_add_func ("/format/parse/too-many-elements", test_parse_too_many_elements);
  g_test_add_func ("/format/parse/not-utf8", test_parse_not_utf8);
  g_test_add_func ("/format/parse/silent", test_parse_silent);

  g_test_add_func ("/format/schema/enumerations", test_schema_enumerations);
  g_test_add_func ("/format/schema/validates", test_schema_validates_base);
  g_test_add_func ("/format/schema/messages", test_schema_messages);
  g_test_add_func ("/format/schema/builtin-catalog", test_schema_builtin_catalog);

  g_test_add_func ("/format/model/round-trip", test_model_round_trip);
  g_test_add_func ("/format/model/minimal", test_model_minimal);
  g_test_add_func ("/format/model/reader-checks", test_model_reader_checks);

  return g_test_run ();
}
