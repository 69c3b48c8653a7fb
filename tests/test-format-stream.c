/* test-format-stream.c: the schema's checks made while streaming
 * (rig-xml-grammar.c) and libxml2's RELAX NG validation against
 * schemas/rigwire.rng accept the same files.
 *
 * Every file of the test data, the examples, the built-in catalog and the
 * fuzz regressions, then variants of three rigs (each line deleted, doubled,
 * or swapped with the next; a set of hand-made breaks) go through both:
 * rig_xml_parse_untrusted() then rig_xml_validate_schema(), and
 * _rig_xml_validate_stream(). Both accept a file or both refuse it. */
#include "config.h"

#include <string.h>

#include "rig-error.h"
#include "rig-xml-private.h"

#include "test-format-util.h"

static guint n_accepted, n_refused;

/* Whether the tree parser and the RELAX NG schema accept @data. */
static gboolean
schema_accepts (const char *data, gsize len, GError **error)
{
  xmlDoc *doc = rig_xml_parse_untrusted (data, len, "x.rigwire", error);
  gboolean ok;

  if (doc == NULL)
    return FALSE;
  ok = rig_xml_validate_schema (doc, "x.rigwire", error);
  xmlFreeDoc (doc);
  return ok;
}

static void
assert_agree (const char *what, const char *data, gsize len)
{
  g_autoptr (GError) schema_error = NULL;
  g_autoptr (GError) stream_error = NULL;
  gboolean by_schema = schema_accepts (data, len, &schema_error);
  gboolean by_stream = _rig_xml_validate_stream (data, len, "x.rigwire", &stream_error);

  if (by_schema != by_stream)
    g_error ("%s: the schema %s it (%s), the streaming checks %s it (%s)\n%.*s", what,
             by_schema ? "accepts" : "refuses", schema_error ? schema_error->message : "",
             by_stream ? "accept" : "refuse", stream_error ? stream_error->message : "",
             (int) MIN (len, 4000), data);
  /* A refusal says where, as the tree's does. */
  if (!by_stream)
    {
      g_assert_nonnull (stream_error);
      g_assert_true (g_str_has_prefix (stream_error->message, "x.rigwire"));
    }
  if (by_stream)
    n_accepted++;
  else
    n_refused++;
}

static void
check_folder (const char *folder)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = g_dir_open (folder, 0, &error);
  const char *name;
  guint n = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *data = NULL;
      gsize len;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;
      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      assert_agree (path, data, len);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

static void
test_stream_agrees_on_files (void)
{
  static const char *const folders[] = {
    "tests/data/format",
    "resources/examples",
    "resources/devices",
    "tests/fuzz/regressions/rig-load",
  };
  const char *root = g_getenv ("RIGWIRE_SOURCE_DIR");

  g_assert_nonnull (root);
  n_accepted = n_refused = 0;
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *folder = g_build_filename (root, folders[i], NULL);

      check_folder (folder);
    }
  g_test_message ("%u files accepted, %u refused by both", n_accepted, n_refused);
  g_assert_cmpuint (n_accepted, >, 10);
  g_assert_cmpuint (n_refused, >, 5);
}

/* Each line of @text deleted, doubled and swapped with the next. */
static void
check_line_variants (const char *name, const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);

  for (guint i = 0; i < n; i++)
    for (guint kind = 0; kind < 3; kind++)
      {
        g_autoptr (GString) out = g_string_new (NULL);
        g_autofree char *what = NULL;

        if (kind == 2 && i + 1 >= n)
          continue;
        for (guint j = 0; j < n; j++)
          {
            const char *line = lines[j];

            if (kind == 0 && j == i)
              continue;
            if (kind == 2 && j == i)
              line = lines[i + 1];
            else if (kind == 2 && j == i + 1)
              line = lines[i];
            g_string_append (out, line);
            g_string_append_c (out, '\n');
            if (kind == 1 && j == i)
              g_string_append_printf (out, "%s\n", line);
          }
        what = g_strdup_printf ("%s, line %u %s", name, i + 1,
                                kind == 0   ? "deleted"
                                : kind == 1 ? "doubled"
                                            : "swapped");
        assert_agree (what, out->str, out->len);
      }
}

static void
test_stream_agrees_on_line_variants (void)
{
  static const char *const files[] = {
    "tests/data/format/full.rigwire",
    "resources/examples/home-studio.rigwire",
  };
  const char *root = g_getenv ("RIGWIRE_SOURCE_DIR");

  n_accepted = n_refused = 0;
  check_line_variants ("base rig", base_rig);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (root, files[i], NULL);
      g_autofree char *data = NULL;

      g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
      check_line_variants (files[i], data);
    }
  g_test_message ("%u variants accepted, %u refused by both", n_accepted, n_refused);
  g_assert_cmpuint (n_accepted, >, 50);
  g_assert_cmpuint (n_refused, >, 50);
}

/* Breaks of one rule each, and near misses the schema allows. */
static void
test_stream_agrees_on_breaks (void)
{
  static const char *const cases[][2] = {
    { "<title>", "<title><b/>" }, /* fixed below: needs its end */
    { "  <models>\n", "  <title>T</title>\n  <models>\n" },
    { "  <models>\n", "  <notes>N</notes>\n  <models>\n" },
    { "  <models>\n", "  <notes>N</notes>\n  <title>T</title>\n  <models>\n" },
    { "  <models>\n", "  <!-- a comment -->\n  <?pi here?>\n  <models>\n" },
    { "  <models>\n", "  <models>\n  \n" },
    { "  <devices>\n", "  <devices>\n  x\n" },
    { "  <devices>\n", "  <devices>\n  &#32;\n" },
    { "  <devices>\n", "  <devices>\n  &#65;\n" },
    { "<rating load=\"8\" power=\"20\"/>", "<rating load=\"8\" power=\"20\"> </rating>" },
    { "<rating load=\"8\" power=\"20\"/>", "<rating load=\"8\" power=\"20\">x</rating>" },
    { "<rating load=\"8\" power=\"20\"/>",
      "<rating load=\"8\" power=\"20\"/><rating load=\"4\" power=\"30\"/>"
      "<rating load=\"2\" power=\"40\"/><rating load=\"1\" power=\"50\"/>" },
    { "<rating load=\"8\" power=\"20\"/>",
      "<rating load=\"8\" power=\"20\"/><rating load=\"4\" power=\"30\"/>"
      "<rating load=\"2\" power=\"40\"/><rating load=\"1\" power=\"50\"/>"
      "<rating load=\"1\" power=\"60\"/>" },
    { "<route from=\"in\" to=\"spk\"/>",
      "<route from=\"in\" to=\"spk\"/><jack id=\"x\" name=\"X\" "
      "connector=\"rca\" gender=\"socket\" direction=\"in\" signal=\"line-consumer\"/>" },
    { "<figures nominal-impedance=\"8\"/>", "<figures nominal-impedance=\"8\"/><figures/>" },
    { "<figures nominal-impedance=\"8\"/>", "<description>d</description><figures/>" },
    { "<figures nominal-impedance=\"8\"/>", "<figures/><description>d</description>" },
    { "<figures nominal-impedance=\"8\"/>", "<keywords>k</keywords><description>d</description>" },
    { "x=\"200\"", "x=\" 200 \"" },
    { "x=\"200\"", "x=\"+200.\"" },
    { "x=\"200\"", "x=\"\"" },
    { "kind=\"cable\" from-device=\"d1\"", "kind=\" cable \" from-device=\"d1\"" },
    { "kind=\"cable\" from-device=\"d2\"", "kind=\"direct\" from-device=\"d2\"" },
    { "conductors=\"3\"", "conductors=\"99999999999\"" },
    { "conductors=\"3\"", "conductors=\"0\"" },
    { "conductors=\"3\"", "conductors=\"3\" xml:lang=\"en\"" },
    { "conductors=\"3\"", "conductors=\"3\" xmlns:o=\"urn:o\" o:x=\"1\"" },
    { "<end side=\"to\" connector=\"rca\" gender=\"plug\" plugs=\"2\"/>",
      "<end side=\"to\" connector=\"rca\" gender=\"plug\" plugs=\"2\"/>"
      "<adapter model=\"amp\" end=\"to\"/>" },
    { "<end side=\"to\" connector=\"rca\" gender=\"plug\" plugs=\"2\"/>",
      "<adapter model=\"amp\" end=\"to\"/>"
      "<end side=\"to\" connector=\"rca\" gender=\"plug\" plugs=\"2\"/>" },
    { "  </cables>\n", "    <o:x xmlns:o=\"urn:o\"/>\n  </cables>\n" },
    { "<device id=\"d4\" model=\"speaker\" label=\"Right\" x=\"400\" y=\"200\"/>",
      "<device id=\"d4\" model=\"speaker\" label=\"Right\" x=\"400\" y=\"200\">"
      "<override figure=\"power-source\" value=\"mains\"/>"
      "<override figure=\"sensitivity\" value=\"88\"/></device>" },
    { "<device id=\"d4\" model=\"speaker\" label=\"Right\" x=\"400\" y=\"200\"/>",
      "<device id=\"d4\" model=\"speaker\" label=\"Right\" x=\"400\" y=\"200\">"
      "<override figure=\"power-source\" value=\"8\"/></device>" },
    { "<device id=\"d4\" model=\"speaker\" label=\"Right\" x=\"400\" y=\"200\"/>",
      "<device id=\"d4\" model=\"speaker\" label=\"Right\" x=\"400\" y=\"200\">"
      "<override figure=\"sensitivity\" value=\"mains\"/></device>" },
  };

  n_accepted = n_refused = 0;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *xml = NULL;

      if (i == 0)
        xml = replace_once (base_rig, "  <models>\n", "  <title>a<b/>c</title>\n  <models>\n");
      else
        xml = replace_once (base_rig, cases[i][0], cases[i][1]);
      assert_agree (cases[i][1], xml, strlen (xml));
    }
  g_test_message ("%u breaks accepted, %u refused by both", n_accepted, n_refused);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/stream/agrees-on-files", test_stream_agrees_on_files);
  g_test_add_func ("/format/stream/agrees-on-line-variants", test_stream_agrees_on_line_variants);
  g_test_add_func ("/format/stream/agrees-on-breaks", test_stream_agrees_on_breaks);
  return g_test_run ();
}
