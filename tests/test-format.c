/* test-format.c: the .rigwire file format: numbers, escaping, the schema, the
 * <model> element, loading and saving rigs, and every kind of bad input. */
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

#define NS "https://rigwire.github.io/ns/rigwire/1"

/* Helpers ====================================================================== */

static void
assert_error (const GError *error, int code, const char *file_name, const char *phrase)
{
  g_assert_nonnull (error);
  g_test_message ("error: %s", error->message);
  g_assert_error (error, RIG_ERROR, code);
  if (file_name != NULL && !g_str_has_prefix (error->message, file_name))
    g_error ("“%s” does not start with the file name “%s”", error->message, file_name);
  if (phrase != NULL && strstr (error->message, phrase) == NULL)
    g_error ("“%s” does not say “%s”", error->message, phrase);
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "format", name, NULL);
}

static GBytes *
read_data (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr (GError) error = NULL;
  char *contents;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static RigDocument *
load_string (const char *xml, const char *name, RigCatalog *catalog, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return rig_format_load_bytes (bytes, name, catalog, error);
}

/* @text with @old replaced (exactly once) by @new. */
static char *
replace_once (const char *text, const char *old, const char *new)
{
  const char *at = strstr (text, old);
  GString *out;

  if (at == NULL)
    g_error ("“%s” is not in the text", old);
  g_assert_null (strstr (at + 1, old));
  out = g_string_new_len (text, at - text);
  g_string_append (out, new);
  g_string_append (out, at + strlen (old));
  return g_string_free (out, FALSE);
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_strndup (data, len);
}

/* Like g_assert_cmpstr, but names the first line that differs. */
static void
assert_same_lines (const char *actual, const char *expected)
{
  g_auto (GStrv) a = g_strsplit (actual, "\n", -1);
  g_auto (GStrv) b = g_strsplit (expected, "\n", -1);

  for (guint i = 0; a[i] != NULL || b[i] != NULL; i++)
    if (a[i] == NULL || b[i] == NULL || strcmp (a[i], b[i]) != 0)
      g_error ("line %u differs:\n  got:      %s\n  expected: %s", i + 1, a[i] ? a[i] : "(end)",
               b[i] ? b[i] : "(end)");
}

static char *
make_temp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("rigwire-format-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_chmod (path, 0700);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static guint
count_dir_entries (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* A small valid rig used by the bad-input tests, each of which breaks one thing. */
static const char base_rig[]
    = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<rig xmlns=\"" NS "\" format-version=\"1\">\n"
      "  <models>\n"
      "    <model id=\"amp\" name=\"Amplifier\" category=\"amplifier\" power=\"mains\">\n"
      "      <jack id=\"in\" name=\"Line in\" connector=\"rca\" gender=\"socket\" direction=\"in\" "
      "signal=\"line-consumer\" channels=\"2\"/>\n"
      "      <jack id=\"spk\" name=\"Speaker out\" connector=\"speaker-terminal\" "
      "gender=\"socket\" "
      "direction=\"out\" signal=\"speaker\" channels=\"1\">\n"
      "        <rating load=\"8\" power=\"20\"/>\n"
      "      </jack>\n"
      "      <route from=\"in\" to=\"spk\"/>\n"
      "    </model>\n"
      "    <model id=\"phone\" name=\"Phone\" category=\"source\" power=\"battery\">\n"
      "      <jack id=\"headset\" name=\"Headset\" connector=\"phone\" size=\"3.5\" poles=\"trrs\" "
      "wiring=\"headset-ctia\" gender=\"socket\" direction=\"both\" signal=\"headphone\" "
      "channels=\"2\"/>\n"
      "    </model>\n"
      "    <model id=\"speaker\" name=\"Speaker\" category=\"passive-speaker\">\n"
      "      <figures nominal-impedance=\"8\"/>\n"
      "      <jack id=\"terminals\" name=\"Terminals\" connector=\"speaker-terminal\" "
      "gender=\"socket\" direction=\"in\" signal=\"speaker\" channels=\"1\"/>\n"
      "    </model>\n"
      "  </models>\n"
      "  <devices>\n"
      "    <device id=\"d1\" model=\"phone\" label=\"Phone\" x=\"0\" y=\"0\"/>\n"
      "    <device id=\"d2\" model=\"amp\" label=\"Amp\" x=\"200\" y=\"0\"/>\n"
      "    <device id=\"d3\" model=\"speaker\" label=\"Left\" x=\"400\" y=\"0\"/>\n"
      "    <device id=\"d4\" model=\"speaker\" label=\"Right\" x=\"400\" y=\"200\"/>\n"
      "  </devices>\n"
      "  <cables>\n"
      "    <cable id=\"c1\" number=\"A-001\" kind=\"cable\" from-device=\"d1\" "
      "from-jack=\"headset\" "
      "to-device=\"d2\" to-jack=\"in\" conductors=\"3\">\n"
      "      <end side=\"from\" connector=\"phone\" size=\"3.5\" poles=\"trs\" gender=\"plug\"/>\n"
      "      <end side=\"to\" connector=\"rca\" gender=\"plug\" plugs=\"2\"/>\n"
      "    </cable>\n"
      "    <cable id=\"c2\" number=\"S-001\" kind=\"cable\" from-device=\"d2\" from-jack=\"spk\" "
      "to-device=\"d3\" to-jack=\"terminals\" gauge=\"16\">\n"
      "      <end side=\"from\" connector=\"speaker-terminal\" gender=\"plug\"/>\n"
      "      <end side=\"to\" connector=\"speaker-terminal\" gender=\"plug\"/>\n"
      "    </cable>\n"
      "  </cables>\n"
      "</rig>\n";

/* Loads base_rig with @old replaced by @new; expects failure. */
static void
assert_base_fails (const char *old, const char *new, int code, const char *phrase)
{
  g_autofree char *xml = replace_once (base_rig, old, new);
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) document = load_string (xml, "broken.rigwire", NULL, &error);

  g_assert_null (document);
  assert_error (error, code, "broken.rigwire:", phrase);
}

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

static RigDeviceModel *
build_full_model (void)
{
  RigDeviceModel *model
      = rig_device_model_new ("amp-2.x_full", "Amp “full” & <co>", RIG_CATEGORY_AMPLIFIER);
  RigJack jack;

  model->description = g_strdup ("Every field.\nTwo lines, a tab\there.");
  model->keywords = g_strdup ("amp hifi test");
  model->isolates_ground = TRUE;
  model->figures[RIG_FIGURE_NOMINAL_IMPEDANCE] = 8;
  model->figures[RIG_FIGURE_POWER_HANDLING] = 120;
  model->figures[RIG_FIGURE_SENSITIVITY] = 88.5;
  model->figures[RIG_FIGURE_AMP_POWER] = 50;
  model->figures[RIG_FIGURE_POWER_SOURCE] = RIG_POWER_SOURCE_MAINS;
  model->figures[RIG_FIGURE_BATTERY] = 0;
  model->figures[RIG_FIGURE_EARTHED] = 1;
  model->figures[RIG_FIGURE_PHANTOM_ON] = 1;

  rig_jack_init (&jack);
  jack.id = (char *) "mic-in";
  jack.name = (char *) "Mic in";
  jack.connector = RIG_CONNECTOR_XLR3;
  jack.gender = RIG_GENDER_SOCKET;
  jack.direction = RIG_DIRECTION_IN;
  jack.signal = RIG_SIGNAL_MIC;
  jack.input_impedance = 2000;
  jack.phantom = RIG_SUPPLY_SUPPLIES;
  rig_device_model_add_jack (model, &jack);

  rig_jack_init (&jack);
  jack.id = (char *) "phones";
  jack.name = (char *) "Phones\t\"out\"";
  jack.connector = RIG_CONNECTOR_PHONE;
  jack.size = RIG_PHONE_SIZE_4_4;
  jack.poles = RIG_POLES_TRRRS;
  jack.wiring = RIG_WIRING_BALANCED_STEREO;
  jack.gender = RIG_GENDER_SOCKET;
  jack.direction = RIG_DIRECTION_BOTH;
  jack.signal = RIG_SIGNAL_HEADPHONE;
  jack.channels = 2;
  jack.output_impedance = 0.5;
  jack.max_output_voltage = 8.25;
  jack.min_load = 16;
  jack.plugin_power = RIG_SUPPLY_REQUIRES;
  jack.ratings[0] = (RigPowerRating){ 32, 1.5 };
  jack.ratings[1] = (RigPowerRating){ 300, 0.25 };
  jack.n_ratings = 2;
  rig_device_model_add_jack (model, &jack);

  rig_jack_init (&jack);
  jack.id = (char *) "spk";
  jack.name = (char *) "Speaker";
  jack.connector = RIG_CONNECTOR_SPEAKER_TERMINAL;
  jack.gender = RIG_GENDER_SOCKET;
  jack.direction = RIG_DIRECTION_OUT;
  jack.signal = RIG_SIGNAL_SPEAKER;
  jack.output_impedance = 0.01;
  for (guint i = 0; i < RIG_MAX_POWER_RATINGS; i++)
    jack.ratings[i] = (RigPowerRating){ 16.0 / (1 << i), 25.0 * (1 << i) };
  jack.n_ratings = RIG_MAX_POWER_RATINGS;
  rig_device_model_add_jack (model, &jack);

  rig_jack_init (&jack);
  jack.id = (char *) "usb";
  jack.name = (char *) "USB";
  jack.connector = RIG_CONNECTOR_USB_C;
  jack.gender = RIG_GENDER_PLUG;
  jack.direction = RIG_DIRECTION_BOTH;
  jack.signal = RIG_SIGNAL_USB_AUDIO;
  jack.channels = 6;
  jack.power_supplied_v = 5;
  jack.power_supplied_w = 7.5;
  jack.power_required_v = 20;
  jack.power_required_w = 65;
  rig_device_model_add_jack (model, &jack);

  rig_device_model_add_route (model, "mic-in", "phones");
  rig_device_model_add_route (model, "usb", "spk");
  return model;
}

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

/* Rigs ========================================================================== */

/* The fixture is in canonical form: loading and saving it gives it back. */
static void
test_rig_canonical_fixture (void)
{
  g_autoptr (GBytes) fixture = read_data ("full.rigwire");
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) document = rig_format_load_bytes (fixture, "full.rigwire", NULL, &error);
  g_autoptr (GBytes) saved = NULL;
  g_autofree char *expected = bytes_to_string (fixture);
  g_autofree char *actual = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpuint (rig_document_get_n_devices (document), ==, 10);
  g_assert_cmpuint (rig_document_get_n_cables (document), ==, 8);
  g_assert_cmpstr (rig_document_get_title (document), ==, "Living room & “studio” <test>");
  g_assert_true (g_str_has_suffix (rig_document_get_notes (document), "\n\nÜnïcödé ✓"));
  g_assert_nonnull (strstr (rig_document_get_notes (document), "a CR here:\r and"));
  g_assert_cmpstr (rig_document_get_device (document, 1)->label, ==, "Amp \"main\"\ttab\nnewline");

  saved = rig_format_save_bytes (document);
  actual = bytes_to_string (saved);
  assert_same_lines (actual, expected);

  /* Fresh ids do not collide with d17. */
  {
    g_autofree char *id = rig_document_new_device_id (document);
    g_assert_null (rig_document_find_device (document, id));
    g_assert_cmpstr (id, !=, "d17");
  }
}

static RigDocument *
build_document (void)
{
  RigDocument *document = rig_document_new ();
  g_autoptr (RigDeviceModel) amp = build_full_model ();
  g_autoptr (RigDeviceModel) adapter = NULL;
  RigDevice *device;
  RigCableSpec spec;
  RigJack jack;

  adapter = rig_device_model_new ("xlr-adapter", "XLR adapter", RIG_CATEGORY_ADAPTER);
  rig_jack_init (&jack);
  jack.id = (char *) "a";
  jack.name = (char *) "A";
  jack.connector = RIG_CONNECTOR_XLR3;
  jack.gender = RIG_GENDER_PLUG;
  jack.direction = RIG_DIRECTION_BOTH;
  jack.signal = RIG_SIGNAL_MIC;
  rig_device_model_add_jack (adapter, &jack);

  _rig_document_set_metadata (document, "T <&> \"q\"", "Ünïcode author", "Line 1\r\nLine 2\n\t",
                              NULL);

  device = rig_device_new ("d1", amp, "First & <best>", 10.5, -20.25);
  device->overrides[RIG_FIGURE_POWER_SOURCE] = RIG_POWER_SOURCE_BATTERY;
  device->overrides[RIG_FIGURE_AMP_POWER] = 33.3333333;
  _rig_document_insert_device (document, device, G_MAXUINT, NULL);
  _rig_document_insert_device (document, rig_device_new ("d2", amp, "Second", 100, 100), G_MAXUINT,
                               NULL);
  _rig_document_insert_device (document, rig_device_new ("d10", amp, "", 1e-3, 1e5), 0, NULL);

  rig_cable_spec_init_for_jacks (&spec, rig_device_model_find_jack (amp, "phones"),
                                 rig_device_model_find_jack (amp, "phones"));
  spec.length_m = 2.5;
  rig_cable_spec_add_adapter (&spec, adapter, RIG_END_TO);
  rig_cable_spec_add_adapter (&spec, adapter, RIG_END_FROM);
  _rig_document_insert_cable (document,
                              rig_cable_new ("c1", "A-001", "d1", "phones", "d2", "phones", &spec),
                              G_MAXUINT, NULL);
  rig_cable_spec_clear (&spec);

  rig_cable_spec_init (&spec, RIG_CABLE_KIND_DIRECT);
  _rig_document_insert_cable (
      document, rig_cable_new ("c2", "D-001", "d1", "usb", "d10", "usb", &spec), G_MAXUINT, NULL);
  rig_cable_spec_clear (&spec);

  /* Two cables on one speaker terminal: allowed. */
  rig_cable_spec_init (&spec, RIG_CABLE_KIND_CABLE);
  spec.ends[0].connector = spec.ends[1].connector = RIG_CONNECTOR_SPEAKER_TERMINAL;
  spec.gauge_awg = 14;
  _rig_document_insert_cable (
      document, rig_cable_new ("c3", "S-001", "d1", "spk", "d2", "spk", &spec), G_MAXUINT, NULL);
  _rig_document_insert_cable (
      document, rig_cable_new ("c4", "S-002", "d1", "spk", "d10", "spk", &spec), G_MAXUINT, NULL);
  rig_cable_spec_clear (&spec);

  _rig_document_reserve_ids (document);
  return document;
}

static void
test_rig_round_trip (void)
{
  g_autoptr (RigDocument) document = build_document ();
  g_autoptr (GBytes) first = rig_format_save_bytes (document);
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) loaded = NULL;
  g_autoptr (RigDocument) reloaded = NULL;
  g_autoptr (GBytes) second = NULL;
  g_autoptr (GBytes) third = NULL;
  g_autofree char *text = bytes_to_string (first);
  xmlDoc *doc;

  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text,
                                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rig xmlns=\"" NS
                                   "\" format-version=\"1\">\n  <title>"));
  g_assert_true (g_str_has_suffix (text, "  </cables>\n</rig>\n"));
  g_assert_null (strchr (text, '\r'));
  /* d10 was inserted first: document order, not id order. */
  g_assert_true (strstr (text, "<device id=\"d10\"") < strstr (text, "<device id=\"d1\""));
  g_assert_nonnull (strstr (text, "<override figure=\"amp-power\" value=\"33.3333\"/>\n"
                                  "      <override figure=\"power-source\" value=\"battery\"/>"));
  /* The models, sorted by id. */
  g_assert_true (strstr (text, "<model id=\"amp-2.x_full\"") < strstr (text, "<model id=\"xlr"));

  doc = rig_xml_parse_untrusted (text, strlen (text), "saved.rigwire", &error);
  g_assert_no_error (error);
  g_assert_true (rig_xml_validate_schema (doc, "saved.rigwire", &error));
  g_assert_no_error (error);
  xmlFreeDoc (doc);

  loaded = rig_format_load_bytes (first, "saved.rigwire", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rig_document_get_notes (loaded), ==, "Line 1\r\nLine 2\n\t");
  g_assert_cmpstr (rig_document_get_title (loaded), ==, "T <&> \"q\"");
  second = rig_format_save_bytes (loaded);
  g_assert_true (g_bytes_equal (first, second));

  reloaded = rig_format_load_bytes (second, "saved.rigwire", NULL, &error);
  g_assert_no_error (error);
  third = rig_format_save_bytes (reloaded);
  g_assert_true (g_bytes_equal (second, third));
  g_assert_true (rig_document_content_equal (loaded, reloaded));
}

static void
test_rig_empty (void)
{
  g_autoptr (RigDocument) document = rig_document_new ();
  g_autoptr (GBytes) bytes = rig_format_save_bytes (document);
  g_autofree char *text = bytes_to_string (bytes);
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) loaded = NULL;

  g_assert_cmpstr (text, ==,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<rig xmlns=\"" NS "\" format-version=\"1\">\n"
                   "  <models/>\n  <devices/>\n  <cables/>\n</rig>\n");
  loaded = rig_format_load_bytes (bytes, "empty.rigwire", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rig_document_get_n_devices (loaded), ==, 0);

  /* A hand-written file may leave the sections out. */
  g_clear_object (&loaded);
  loaded
      = load_string ("<rig xmlns=\"" NS "\" format-version=\"1\"/>", "bare.rigwire", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rig_document_get_title (loaded), ==, "");
}

/* A hand-written file may name catalog models without embedding them. */
static void
test_rig_catalog_models (void)
{
  g_autofree char *without_phone = NULL;
  g_autoptr (RigCatalog) catalog = rig_catalog_new ();
  g_autoptr (RigDeviceModel) phone
      = rig_device_model_new ("phone", "Catalog phone", RIG_CATEGORY_SOURCE);
  g_autoptr (RigDeviceModel) amp
      = rig_device_model_new ("amp", "Catalog amp", RIG_CATEGORY_AMPLIFIER);
  g_autoptr (RigDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  RigJack jack;
  const char *start, *end;

  rig_jack_init (&jack);
  jack.id = (char *) "headset";
  jack.name = (char *) "Headset";
  jack.connector = RIG_CONNECTOR_PHONE;
  jack.size = RIG_PHONE_SIZE_3_5;
  jack.poles = RIG_POLES_TRRS;
  jack.wiring = RIG_WIRING_HEADSET_CTIA;
  jack.direction = RIG_DIRECTION_BOTH;
  jack.signal = RIG_SIGNAL_HEADPHONE;
  rig_device_model_add_jack (phone, &jack);
  rig_catalog_add (catalog, phone);
  rig_catalog_add (catalog, amp);

  /* Cut the embedded phone model out of the base rig. */
  start = strstr (base_rig, "    <model id=\"phone\"");
  end = strstr (start, "</model>\n") + strlen ("</model>\n");
  without_phone = g_strdup_printf ("%.*s%s", (int) (start - base_rig), base_rig, end);

  document = load_string (without_phone, "hand.rigwire", NULL, &error);
  g_assert_null (document);
  assert_error (error, RIG_ERROR_INVALID, "hand.rigwire:", "unknown model “phone”");
  g_clear_error (&error);

  document = load_string (without_phone, "hand.rigwire", catalog, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rig_document_find_device (document, "d1")->model->name, ==, "Catalog phone");
  /* Embedded models come first: "amp" is in the file and in the catalog. */
  g_assert_cmpstr (rig_document_find_device (document, "d2")->model->name, ==, "Amplifier");
}

/* Bad input ====================================================================== */

static void
assert_file_fails (const char *name, int code, const char *phrase)
{
  g_autofree char *path = data_path (name);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) document = rig_format_load_file (file, NULL, &error);

  g_assert_null (document);
  assert_error (error, code, name, phrase);
}

static void
test_bad_not_xml (void)
{
  assert_file_fails ("not-xml.rigwire", RIG_ERROR_NOT_XML, "is not XML");
}

static void
test_bad_empty (void)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static ("", 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) document = rig_format_load_bytes (bytes, "empty.rigwire", NULL, &error);

  g_assert_null (document);
  assert_error (error, RIG_ERROR_NOT_XML, "empty.rigwire", "is empty");

  /* Only white space: no root element. */
  g_clear_error (&error);
  document = load_string ("  \n\n", "blank.rigwire", NULL, &error);
  g_assert_null (document);
  assert_error (error, RIG_ERROR_NOT_XML, "blank.rigwire", "is empty");
}

static void
test_bad_wrong_root (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) document = NULL;

  assert_file_fails ("wrong-root.rigwire", RIG_ERROR_NOT_A_RIG, "its root element is <catalog>");

  document
      = load_string ("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "picture.svg", NULL, &error);
  g_assert_null (document);
  assert_error (error, RIG_ERROR_NOT_A_RIG, "picture.svg", "its root element is <svg>");
}

static void
test_bad_wrong_namespace (void)
{
  assert_file_fails ("wrong-namespace.rigwire", RIG_ERROR_NOT_A_RIG, "namespace");
  assert_file_fails ("no-namespace.rigwire", RIG_ERROR_NOT_A_RIG, "has no namespace");
}

static void
test_bad_newer_version (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) document = NULL;

  assert_file_fails ("newer-version.rigwire", RIG_ERROR_NEWER_VERSION,
                     "newer-version.rigwire was written by a newer version of Rigwire (format 2); "
                     "this version reads format 1. Update Rigwire to open it.");

  document = load_string ("<rig xmlns=\"" NS "\" format-version=\"12345678901234567890\"/>",
                          "future.rigwire", NULL, &error);
  assert_error (error, RIG_ERROR_NEWER_VERSION, "future.rigwire", "format 12345678901234567890");
  g_clear_error (&error);

  document = load_string ("<rig xmlns=\"" NS "\" format-version=\"one\"/>", "word.rigwire", NULL,
                          &error);
  assert_error (error, RIG_ERROR_SCHEMA, "word.rigwire:1:", "must be a whole number");
  g_clear_error (&error);

  document
      = load_string ("<rig xmlns=\"" NS "\" format-version=\"0\"/>", "zero.rigwire", NULL, &error);
  assert_error (error, RIG_ERROR_SCHEMA, "zero.rigwire:1:", "1 or more");
  g_clear_error (&error);

  document = load_string ("<rig xmlns=\"" NS "\"/>", "none.rigwire", NULL, &error);
  assert_error (error, RIG_ERROR_SCHEMA, "none.rigwire:1:", "has no “format-version” attribute");
}

static void
test_bad_doctype (void)
{
  assert_file_fails ("doctype-external.rigwire", RIG_ERROR_UNSAFE,
                     "doctype-external.rigwire:2: contains a document type declaration (DOCTYPE), "
                     "which Rigwire does not accept");
}

static void
test_bad_billion_laughs (void)
{
  gint64 start = g_get_monotonic_time ();

  assert_file_fails ("billion-laughs.rigwire", RIG_ERROR_UNSAFE, "document type declaration");
  /* Refused before any entity is even declared. */
  g_test_message ("refused in %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - start);
}

static void
test_bad_gzip (void)
{
  g_autoptr (GZlibCompressor) compressor
      = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr (GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr (GOutputStream) gzip = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (RigDocument) document = NULL;

  g_output_stream_write_all (gzip, base_rig, strlen (base_rig), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (gzip, NULL, &error);
  g_assert_no_error (error);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  g_assert_cmphex (((const guint8 *) g_bytes_get_data (bytes, NULL))[0], ==, 0x1f);

  document = rig_format_load_bytes (bytes, "packed.rigwire", NULL, &error);
  g_assert_null (document);
  assert_error (error, RIG_ERROR_UNSAFE, "packed.rigwire", "compressed (gzip)");
}

static void
test_bad_truncated (void)
{
  g_autoptr (GBytes) fixture = read_data ("full.rigwire");
  g_autoptr (GBytes) half = g_bytes_new_from_bytes (fixture, 0, g_bytes_get_size (fixture) / 2);
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) document = rig_format_load_bytes (half, "cut.rigwire", NULL, &error);

  g_assert_null (document);
  assert_error (error, RIG_ERROR_NOT_XML, "cut.rigwire:", "not well-formed XML: ");
}

static void
test_bad_oversize (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.rigwire", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) document = NULL;
  gsize size = RIG_XML_MAX_BYTES + 1;
  char *data = g_malloc (size);

  /* A valid start, then a long comment. */
  memset (data, ' ', size);
  memcpy (data, "<rig xmlns=\"" NS "\" format-version=\"1\"><!--",
          strlen ("<rig xmlns=\"" NS "\" format-version="
                  "\"1\"><!--"));
  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);

  document = rig_format_load_file (file, NULL, &error);
  g_assert_null (document);
  assert_error (error, RIG_ERROR_TOO_LARGE, "huge.rigwire", "larger than 16 MiB");

  /* The bytes entry point has the same cap. */
  g_clear_error (&error);
  {
    g_autoptr (GBytes) bytes = g_bytes_new_take (data, size);
    document = rig_format_load_bytes (bytes, "huge.rigwire", NULL, &error);
    g_assert_null (document);
    assert_error (error, RIG_ERROR_TOO_LARGE, "huge.rigwire", "larger than 16 MiB");
  }
  remove_tree (dir);
}

static void
test_bad_too_deep (void)
{
  GString *xml = g_string_new ("<rig xmlns=\"" NS "\" format-version=\"1\">\n<notes>\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) document = NULL;

  for (guint i = 0; i < 40; i++)
    g_string_append (xml, "<b>");
  for (guint i = 0; i < 40; i++)
    g_string_append (xml, "</b>");
  g_string_append (xml, "</notes></rig>");
  document = load_string (xml->str, "deep.rigwire", NULL, &error);
  g_assert_null (document);
  assert_error (error, RIG_ERROR_TOO_LARGE, "deep.rigwire:3:", "nested more than 32 deep");
  g_string_free (xml, TRUE);
}

static void
test_bad_dangling_end (void)
{
  assert_base_fails ("to-device=\"d3\"", "to-device=\"d9\"", RIG_ERROR_INVALID,
                     ":30: cable “c2” ends at device “d9”, which is not in the file (a dangling "
                     "cable end)");
}

static void
test_bad_duplicate_ids (void)
{
  assert_base_fails ("<device id=\"d2\"", "<device id=\"d1\"", RIG_ERROR_INVALID,
                     ":21: two devices have the id “d1”");
  assert_base_fails ("<cable id=\"c2\"", "<cable id=\"c1\"", RIG_ERROR_INVALID,
                     ":30: two cables have the id “c1”");
  assert_base_fails ("<model id=\"speaker\"", "<model id=\"phone\"", RIG_ERROR_INVALID,
                     ":14: two models have the id “phone”");
}

static void
test_bad_unknown_connector (void)
{
  /* The schema sees it first in a rig file... */
  assert_base_fails ("connector=\"speaker-terminal\" gender=\"socket\" direction=\"in\"",
                     "connector=\"banana\" gender=\"socket\" direction=\"in\"", RIG_ERROR_SCHEMA,
                     ":16: unknown connector “banana”");
  /* ...also on a cable end. */
  assert_base_fails ("<end side=\"to\" connector=\"rca\"", "<end side=\"to\" connector=\"RCA\"",
                     RIG_ERROR_SCHEMA, ":28: unknown connector “RCA”");
}

static void
test_bad_unknown_model (void)
{
  assert_base_fails ("model=\"amp\"", "model=\"amp-9000\"", RIG_ERROR_INVALID,
                     ":21: device “d2” uses an unknown model “amp-9000”");
}

static void
test_bad_jack_used_twice (void)
{
  g_autofree char *xml = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) document = NULL;

  /* A second cable into the amp's RCA input. */
  xml = replace_once (base_rig, "  </cables>\n",
                      "    <cable id=\"c7\" number=\"A-002\" kind=\"direct\" from-device=\"d1\" "
                      "from-jack=\"headset\" to-device=\"d3\" to-jack=\"terminals\"/>\n"
                      "  </cables>\n");
  document = load_string (xml, "twice.rigwire", NULL, &error);
  g_assert_null (document);
  assert_error (error, RIG_ERROR_INVALID, "twice.rigwire:34:",
                "jack “headset” of device “d1” is used by two cables (c1 and c7)");
  g_clear_error (&error);
  g_free (xml);

  /* Speaker terminals take several wires: a second speaker in parallel. */
  xml = replace_once (base_rig, "  </cables>\n",
                      "    <cable id=\"c3\" number=\"S-002\" kind=\"cable\" from-device=\"d2\" "
                      "from-jack=\"spk\" to-device=\"d4\" to-jack=\"terminals\">\n"
                      "      <end side=\"from\" connector=\"speaker-terminal\" gender=\"plug\"/>\n"
                      "      <end side=\"to\" connector=\"speaker-terminal\" gender=\"plug\"/>\n"
                      "    </cable>\n"
                      "  </cables>\n");
  document = load_string (xml, "parallel.rigwire", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rig_document_get_n_cables (document), ==, 3);
}

static void
test_bad_missing_jack (void)
{
  assert_base_fails ("to-jack=\"terminals\"", "to-jack=\"terminal\"", RIG_ERROR_INVALID,
                     ":30: cable “c2” ends at jack “terminal” of device “d3”, but its model "
                     "“speaker” has no such jack");
}

static void
test_bad_adapter (void)
{
  assert_base_fails ("    </cable>\n    <cable id=\"c2\"",
                     "      <adapter model=\"speaker\" end=\"to\"/>\n    </cable>\n    <cable "
                     "id=\"c2\"",
                     RIG_ERROR_INVALID,
                     ":29: cable “c1” lists “speaker” as an adapter, but that model is not an "
                     "adapter");
  assert_base_fails ("    </cable>\n    <cable id=\"c2\"",
                     "      <adapter model=\"nowhere\" end=\"to\"/>\n    </cable>\n    <cable "
                     "id=\"c2\"",
                     RIG_ERROR_INVALID, ":29: cable “c1” uses an unknown adapter model “nowhere”");
}

static void
test_bad_figures (void)
{
  assert_base_fails ("label=\"Left\" x=\"400\" y=\"0\"/>",
                     "label=\"Left\" x=\"400\" y=\"0\">\n"
                     "      <override figure=\"nominal-impedance\" value=\"0.1\"/>\n"
                     "    </device>",
                     RIG_ERROR_INVALID, ":23: device “d3”: An impedance must be between");
  assert_base_fails ("label=\"Left\" x=\"400\" y=\"0\"/>",
                     "label=\"Left\" x=\"400\" y=\"0\">\n"
                     "      <override figure=\"battery\" value=\"1\"/>\n"
                     "      <override figure=\"battery\" value=\"0\"/>\n"
                     "    </device>",
                     RIG_ERROR_INVALID, ":24: device “d3” overrides the figure “battery” twice");
  assert_base_fails ("label=\"Left\" x=\"400\" y=\"0\"/>",
                     "label=\"Left\" x=\"400\" y=\"0\">\n"
                     "      <override figure=\"power-source\" value=\"solar\"/>\n"
                     "    </device>",
                     RIG_ERROR_SCHEMA, ":23: unknown power source “solar”");
}

static void
test_bad_binary (void)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
  g_autoptr (GBytes) bytes = g_bytes_new_static (png, sizeof png);
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) document = rig_format_load_bytes (bytes, "photo.png", NULL, &error);

  g_assert_null (document);
  assert_error (error, RIG_ERROR_NOT_XML, "photo.png", NULL);

  g_clear_error (&error);
  document = load_string ("<rig xmlns=\"" NS "\" format-version=\"1\"><title>&nbsp;</title></rig>",
                          "entity.rigwire", NULL, &error);
  g_assert_null (document);
  assert_error (error, RIG_ERROR_NOT_XML, "entity.rigwire:1: not well-formed XML: ", "nbsp");
}

/* Saving ========================================================================== */

static void
test_save_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "rig.rigwire", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (RigDocument) document = build_document ();
  g_autoptr (RigDocument) loaded = NULL;
  g_autoptr (GBytes) expected = rig_format_save_bytes (document);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  struct stat st;
  mode_t mask = umask (022);

  umask (mask);

  /* A new file: 0666 less the umask. */
  g_assert_true (rig_format_save_file (document, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (rig_document_get_file (document), file));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~mask);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpmem (contents, len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);

  /* Over an existing file: its permissions stay. */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (rig_format_save_file (document, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);

  /* And it loads, naming its file. */
  loaded = rig_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (rig_document_get_file (loaded), file));
  {
    g_autoptr (GBytes) again = rig_format_save_bytes (loaded);
    g_assert_true (g_bytes_equal (again, expected));
  }

  remove_tree (dir);
}

static void
test_save_through_symlink (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *target = g_build_filename (dir, "real.rigwire", NULL);
  g_autofree char *link = g_build_filename (dir, "link.rigwire", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (link);
  g_autoptr (RigDocument) document = build_document ();
  g_autoptr (GError) error = NULL;

  g_file_set_contents (target, "old", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (symlink ("real.rigwire", link), ==, 0);
  g_assert_true (rig_format_save_file (document, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpuint (count_dir_entries (dir), ==, 2);
  remove_tree (dir);
}

static void
test_save_missing_dir (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "no", "such", "folder", "rig.rigwire", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (RigDocument) document = build_document ();
  g_autoptr (GError) error = NULL;

  g_assert_false (rig_format_save_file (document, file, &error));
  assert_error (error, RIG_ERROR_IO, NULL, "rig.rigwire");
  g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
  g_assert_null (rig_document_get_file (document));
  g_assert_cmpuint (count_dir_entries (dir), ==, 0);
  remove_tree (dir);
}

/* A failure half way through writing (here: the file size limit) leaves the
 * old file as it was and no temporary file. This works as root too. */
static void
test_save_write_failure (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = make_temp_dir ();
      g_autofree char *path = g_build_filename (dir, "rig.rigwire", NULL);
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autoptr (RigDocument) document = build_document ();
      g_autoptr (GError) error = NULL;
      g_autofree char *contents = NULL;
      struct rlimit limit = { 100, 100 };

      g_file_set_contents (path, "old contents", -1, &error);
      g_assert_no_error (error);
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (rig_format_save_file (document, file, &error));
      assert_error (error, RIG_ERROR_IO, NULL, "Could not save rig.rigwire");
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "old contents");
      g_assert_cmpuint (count_dir_entries (dir), ==, 1);
      g_assert_null (rig_document_get_file (document));
      remove_tree (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* An unwritable folder: the save fails, the old file stays, no temporary file
 * is left. Root writes anywhere, so under root the child process that saves
 * drops to the "nobody" user first. */
static char *
unwritable_dir_path (pid_t parent)
{
  g_autofree char *name = g_strdup_printf ("rigwire-format-unwritable-%d", (int) parent);

  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static void
test_save_unwritable_dir (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr (GFile) file = NULL;
      g_autoptr (RigDocument) document = build_document ();
      g_autoptr (GError) error = NULL;

      dir = unwritable_dir_path (getppid ());
      path = g_build_filename (dir, "rig.rigwire", NULL);
      file = g_file_new_for_path (path);
      if (geteuid () == 0)
        {
          g_assert_cmpint (setgid (65534), ==, 0);
          g_assert_cmpint (setuid (65534), ==, 0);
        }
      g_assert_false (rig_format_save_file (document, file, &error));
      assert_error (error, RIG_ERROR_IO, NULL, "Could not save rig.rigwire");
      g_assert_nonnull (strstr (error->message, g_strerror (EACCES)));
      return;
    }

  dir = unwritable_dir_path (getpid ());
  path = g_build_filename (dir, "rig.rigwire", NULL);
  remove_tree (dir);
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old contents");
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);
  remove_tree (dir);
  g_test_trap_assert_passed ();
}

static void
set_age (const char *path, gint64 seconds)
{
  struct timespec times[2];

  clock_gettime (CLOCK_REALTIME, &times[0]);
  times[0].tv_sec -= seconds;
  times[1] = times[0];
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

static void
test_clean_stale_temporaries (void)
{
  static const struct
  {
    const char *name;
    gint64 age;
    gboolean removed;
  } files[] = {
    { ".x.rigwire-ABC123", 3600, TRUE },  { ".living room.rigwire-a1B2c3", 120, TRUE },
    { ".y.rigwire-DEF456", 5, FALSE },    /* a save in progress */
    { "x.rigwire", 3600, FALSE },         /* the rig itself */
    { ".x.rigwire-AB", 3600, FALSE },     /* not the pattern */
    { ".x.rigwire-ABC12!", 3600, FALSE }, /* not the pattern */
    { ".x.rigwire", 3600, FALSE },        /* not the pattern */
  };
  g_autofree char *dir = make_temp_dir ();
  g_autoptr (GFile) folder = g_file_new_for_path (dir);
  guint expected = 0;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);

      g_assert_true (g_file_set_contents (path, "x", -1, NULL));
      set_age (path, files[i].age);
      expected += files[i].removed;
    }

  g_assert_cmpuint (rig_format_clean_stale_temporaries (folder), ==, expected);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS) == !files[i].removed);
    }

  /* A folder that is not there is no problem. */
  {
    g_autoptr (GFile) missing = g_file_get_child (folder, "missing");
    g_assert_cmpuint (rig_format_clean_stale_temporaries (missing), ==, 0);
  }
  remove_tree (dir);
}

/* The temporary file a save uses is in the same folder, hidden, and matches
 * what the cleanup looks for: watch the folder while saving. */
static void
test_temp_name_pattern (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "studio.rigwire", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) folder = g_file_new_for_path (dir);
  g_autoptr (RigDocument) document = build_document ();
  g_autoptr (GError) error = NULL;
  g_autofree char *temp_name = NULL;
  char buffer[4096] __attribute__ ((aligned (__alignof__(struct inotify_event))));
  int watch = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  ssize_t len;

  g_assert_cmpint (watch, >=, 0);
  g_assert_cmpint (inotify_add_watch (watch, dir, IN_CREATE), >=, 0);
  g_assert_true (rig_format_save_file (document, file, &error));
  g_assert_no_error (error);

  len = read (watch, buffer, sizeof buffer);
  g_assert_cmpint (len, >, 0);
  for (char *p = buffer; p < buffer + len && temp_name == NULL;)
    {
      const struct inotify_event *event = (const struct inotify_event *) p;

      if (event->len > 0 && g_str_has_prefix (event->name, ".studio.rigwire-"))
        temp_name = g_strdup (event->name);
      p += sizeof (struct inotify_event) + event->len;
    }
  close (watch);
  g_assert_nonnull (temp_name);
  g_assert_cmpuint (strlen (temp_name), ==, strlen (".studio.rigwire-XXXXXX"));
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);

  /* A temporary file of that name, left by a killed save, is cleaned up. */
  {
    g_autofree char *temp_path = g_build_filename (dir, temp_name, NULL);

    g_assert_true (g_file_set_contents (temp_path, "<rig", -1, NULL));
    set_age (temp_path, 600);
    g_assert_cmpuint (rig_format_clean_stale_temporaries (folder), ==, 1);
    g_assert_false (g_file_test (temp_path, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  }
  remove_tree (dir);
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
  g_test_add_func ("/format/parse/silent", test_parse_silent);

  g_test_add_func ("/format/schema/enumerations", test_schema_enumerations);
  g_test_add_func ("/format/schema/validates", test_schema_validates_base);
  g_test_add_func ("/format/schema/messages", test_schema_messages);
  g_test_add_func ("/format/schema/builtin-catalog", test_schema_builtin_catalog);

  g_test_add_func ("/format/model/round-trip", test_model_round_trip);
  g_test_add_func ("/format/model/minimal", test_model_minimal);
  g_test_add_func ("/format/model/reader-checks", test_model_reader_checks);

  g_test_add_func ("/format/rig/canonical-fixture", test_rig_canonical_fixture);
  g_test_add_func ("/format/rig/round-trip", test_rig_round_trip);
  g_test_add_func ("/format/rig/empty", test_rig_empty);
  g_test_add_func ("/format/rig/catalog-models", test_rig_catalog_models);

  g_test_add_func ("/format/bad/not-xml", test_bad_not_xml);
  g_test_add_func ("/format/bad/empty", test_bad_empty);
  g_test_add_func ("/format/bad/binary", test_bad_binary);
  g_test_add_func ("/format/bad/wrong-root", test_bad_wrong_root);
  g_test_add_func ("/format/bad/wrong-namespace", test_bad_wrong_namespace);
  g_test_add_func ("/format/bad/newer-version", test_bad_newer_version);
  g_test_add_func ("/format/bad/doctype", test_bad_doctype);
  g_test_add_func ("/format/bad/billion-laughs", test_bad_billion_laughs);
  g_test_add_func ("/format/bad/gzip", test_bad_gzip);
  g_test_add_func ("/format/bad/truncated", test_bad_truncated);
  g_test_add_func ("/format/bad/oversize", test_bad_oversize);
  g_test_add_func ("/format/bad/too-deep", test_bad_too_deep);
  g_test_add_func ("/format/bad/dangling-end", test_bad_dangling_end);
  g_test_add_func ("/format/bad/duplicate-ids", test_bad_duplicate_ids);
  g_test_add_func ("/format/bad/unknown-connector", test_bad_unknown_connector);
  g_test_add_func ("/format/bad/unknown-model", test_bad_unknown_model);
  g_test_add_func ("/format/bad/jack-used-twice", test_bad_jack_used_twice);
  g_test_add_func ("/format/bad/missing-jack", test_bad_missing_jack);
  g_test_add_func ("/format/bad/adapter", test_bad_adapter);
  g_test_add_func ("/format/bad/figures", test_bad_figures);

  g_test_add_func ("/format/save/file", test_save_file);
  g_test_add_func ("/format/save/through-symlink", test_save_through_symlink);
  g_test_add_func ("/format/save/missing-dir", test_save_missing_dir);
  g_test_add_func ("/format/save/write-failure", test_save_write_failure);
  g_test_add_func ("/format/save/unwritable-dir", test_save_unwritable_dir);
  g_test_add_func ("/format/save/temp-name", test_temp_name_pattern);
  g_test_add_func ("/format/clean-stale-temporaries", test_clean_stale_temporaries);

  return g_test_run ();
}
