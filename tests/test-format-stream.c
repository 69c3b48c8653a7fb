/* test-format-stream.c: the schema's checks made while streaming
 * (rig-xml-grammar.c) and libxml2's RELAX NG validation against
 * schemas/rigwire.rng accept the same files.
 *
 * Every file of the test data, the examples, the built-in catalog and the
 * fuzz regressions, then variants of rigs (each line deleted, doubled, or
 * swapped with the next; a set of hand-made breaks), among them rigs with
 * levels, controls, settings and exercises, go through both:
 * rig_xml_parse_untrusted() then rig_xml_validate_schema(), and
 * _rig_xml_validate_stream(). Both accept a file or both refuse it. */
#include "config.h"

#include <string.h>

#include "rig-error.h"
#include "rig-xml-private.h"

#include "test-format-util.h"

static guint n_accepted, n_refused;

/* Levels, gain controls, route gains, settings, locks and an exercise of
 * every part, one thing a line. */
static const char exercise_rig[]
    = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<rig xmlns=\"" NS "\" format-version=\"1\">\n"
      "  <title>Levels</title>\n"
      "  <models>\n"
      "    <model id=\"pre\" name=\"Preamp\" category=\"converter\" power=\"battery\">\n"
      "      <jack id=\"in\" name=\"Mic in\" connector=\"xlr\" gender=\"socket\" "
      "direction=\"in\" signal=\"mic\" clip-level=\"2.45\"/>\n"
      "      <control id=\"gain\" name=\"Gain\" kind=\"gain\" min=\"0\" max=\"60\" "
      "default=\"40\"/>\n"
      "      <jack id=\"out\" name=\"Line out\" connector=\"xlr\" gender=\"socket\" "
      "direction=\"out\" signal=\"line-pro\" nominal-level=\"1.228\" noise-level=\"0.0001\"/>\n"
      "      <control id=\"pad\" name=\"Pad\" kind=\"pad\" min=\"-20\" max=\"0\" default=\"0\"/>\n"
      "      <route from=\"in\" to=\"out\" gain=\"6\" controls=\"pad gain\"/>\n"
      "      <jack id=\"amp-in\" name=\"Amp in\" connector=\"xlr\" gender=\"socket\" "
      "direction=\"in\" signal=\"line-pro\" input-sensitivity=\"0.775\"/>\n"
      "      <route from=\"amp-in\" to=\"out\"/>\n"
      "    </model>\n"
      "  </models>\n"
      "  <devices>\n"
      "    <device id=\"d1\" model=\"pre\" label=\"One\" x=\"0\" y=\"0\" locked=\"true\">\n"
      "      <override figure=\"power-source\" value=\"mains\"/>\n"
      "      <setting control=\"gain\" value=\"52.5\"/>\n"
      "      <setting control=\"pad\" value=\"-20\"/>\n"
      "    </device>\n"
      "    <device id=\"d2\" model=\"pre\" label=\"Two\" x=\"200\" y=\"0\" locked=\"false\"/>\n"
      "  </devices>\n"
      "  <cables>\n"
      "    <cable id=\"c1\" number=\"M-001\" kind=\"direct\" from-device=\"d1\" "
      "from-jack=\"out\" to-device=\"d2\" to-jack=\"amp-in\" given=\"true\" locked=\"true\"/>\n"
      "  </cables>\n"
      "  <exercise hide-verdicts=\"true\">\n"
      "    <task>Find the fault.</task>\n"
      "    <goal kind=\"no-errors\"/>\n"
      "    <goal kind=\"max-adapters\" count=\"2\"/>\n"
      "    <goal kind=\"forbid-codes\" codes=\"connector.size signal.input-to-input\"/>\n"
      "    <goal kind=\"reaches\" from=\"d1\" to=\"d2\"/>\n"
      "    <fault cables=\"c1\" codes=\"connector.size\"/>\n"
      "    <choices codes=\"connector.size signal.input-to-input\"/>\n"
      "    <marks cables=\"c1\" codes=\"connector.size\"/>\n"
      "  </exercise>\n"
      "</rig>\n";

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
    "resources/examples/fault-aux-in-as-out.rigwire",
    "resources/examples/lesson-aux-vs-headphone.rigwire",
  };
  const char *root = g_getenv ("RIGWIRE_SOURCE_DIR");

  n_accepted = n_refused = 0;
  check_line_variants ("base rig", base_rig);
  check_line_variants ("exercise rig", exercise_rig);
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

/* The same for levels, controls, settings, locks and exercises (from main's
 * levels and exercise branches). */
static void
test_stream_agrees_on_exercise_breaks (void)
{
  static const char *const cases[][2] = {
    { "clip-level=\"2.45\"", "clip-level=\"0\"" },
    { "clip-level=\"2.45\"", "clip-level=\" 2.45 \"" },
    { "nominal-level=\"1.228\"", "nominal-level=\"loud\"" },
    { "input-sensitivity=\"0.775\"", "input-sensitivity=\"-1\"" },
    { "noise-level=\"0.0001\"", "noise-level=\"\"" },
    { "kind=\"gain\"", "kind=\"knob\"" },
    { "kind=\"gain\"", "kind=\" volume \"" },
    { "name=\"Gain\"", "name=\"\"" },
    { "default=\"40\"", "" },
    { "default=\"40\"", "default=\"40\" step=\"1\"" },
    { "min=\"0\"", "min=\"low\"" },
    { "<control id=\"gain\"", "<control id=\"Gain\"" },
    { "controls=\"pad gain\"", "controls=\"\"" },
    { "controls=\"pad gain\"", "controls=\"  pad\t\tgain \"" },
    { "controls=\"pad gain\"", "controls=\"pad Gain\"" },
    { "gain=\"6\"", "gain=\"-6.5\"" },
    { "gain=\"6\"", "gain=\"six\"" },
    { "<control id=\"pad\"", "<control id=\"pad\"><x/></control><control id=\"pad2\"" },
    { "<control id=\"pad\" name=\"Pad\" kind=\"pad\" min=\"-20\" max=\"0\" default=\"0\"/>",
      "<control id=\"pad\" name=\"Pad\" kind=\"pad\" min=\"-20\" max=\"0\" "
      "default=\"0\">x</control>" },
    { "<setting control=\"gain\" value=\"52.5\"/>", "<setting control=\"gain\"/>" },
    { "<setting control=\"gain\" value=\"52.5\"/>", "<setting value=\"52.5\"/>" },
    { "<setting control=\"gain\" value=\"52.5\"/>", "<setting control=\"gain\" value=\"x\"/>" },
    { "<setting control=\"gain\" value=\"52.5\"/>",
      "<setting control=\"gain\" value=\"52.5\" extra=\"1\"/>" },
    { "<setting control=\"gain\" value=\"52.5\"/>",
      "<setting control=\"gain\" value=\"52.5\"><b/></setting>" },
    { "<setting control=\"pad\" value=\"-20\"/>",
      "<override figure=\"sensitivity\" value=\"88\"/>" },
    { "<setting control=\"pad\" value=\"-20\"/>",
      "<setting control=\"pad\" value=\"-20\"/><override figure=\"sensitivity\" "
      "value=\"88\"/>" },
    { "locked=\"true\">", "locked=\"yes\">" },
    { "locked=\"true\">", "locked=\" true \">" },
    { "locked=\"false\"", "locked=\"\"" },
    { "given=\"true\"", "given=\"1\"" },
    { "given=\"true\"", "given=\"false\" xmlns:o=\"urn:o\" o:given=\"1\"" },
    { "  <exercise hide-verdicts=\"true\">", "  <exercise hide-verdicts=\"maybe\">" },
    { "  <exercise hide-verdicts=\"true\">", "  <exercise hide-verdicts=\"true\" x=\"1\">" },
    { "  <exercise hide-verdicts=\"true\">", "  <exercise>" },
    { "  </cables>\n", "  </cables>\n  <exercise/>\n" },
    { "  </cables>\n", "  </cables>\n  <notes>late</notes>\n" },
    { "  <cables>\n", "  <exercise/>\n  <cables>\n" },
    { "  </exercise>\n", "  </exercise>\n  <exercise/>\n" },
    { "  </exercise>\n", "  </exercise>\n  <models/>\n" },
    { "<task>Find the fault.</task>", "<task/>" },
    { "<task>Find the fault.</task>", "<task>a<b/></task>" },
    { "<task>Find the fault.</task>", "<task x=\"1\">t</task>" },
    { "<task>Find the fault.</task>", "<task>t</task><task>u</task>" },
    { "<task>Find the fault.</task>", "text<task>t</task>" },
    { "    <goal kind=\"no-errors\"/>\n", "" },
    { "    <goal kind=\"no-errors\"/>\n", "    <task>late</task>\n" },
    { "<goal kind=\"no-errors\"/>", "<goal kind=\" no-warnings \"/>" },
    { "<goal kind=\"no-errors\"/>", "<goal kind=\"all-listeners\"/>" },
    { "<goal kind=\"no-errors\"/>", "<goal kind=\"teleport\"/>" },
    { "<goal kind=\"no-errors\"/>", "<goal/>" },
    { "<goal kind=\"no-errors\"/>", "<goal kind=\"no-errors\" count=\"1\"/>" },
    { "<goal kind=\"no-errors\"/>", "<goal kind=\"no-errors\">x</goal>" },
    { "<goal kind=\"no-errors\"/>", "<goal kind=\"no-errors\"><task/></goal>" },
    { "count=\"2\"", "count=\"-1\"" },
    { "count=\"2\"", "count=\"-0\"" },
    { "count=\"2\"", "count=\"+2\"" },
    { "count=\"2\"", "count=\" 0 \"" },
    { "count=\"2\"", "count=\"2.0\"" },
    { "count=\"2\"", "count=\"99999999999999999999\"" },
    { "count=\"2\"", "count=\"\"" },
    { " count=\"2\"", "" },
    { " count=\"2\"", " count=\"2\" codes=\"a.b\"" },
    { "codes=\"connector.size signal.input-to-input\"/>\n    <goal",
      "codes=\"connector.size  signal.input-to-input \"/>\n    <goal" },
    { "codes=\"connector.size signal.input-to-input\"/>\n    <goal", "codes=\"\"/>\n    <goal" },
    { "codes=\"connector.size signal.input-to-input\"/>\n    <goal", "/>\n    <goal" },
    { "from=\"d1\" to=\"d2\"", "from=\"d1\"" },
    { "from=\"d1\" to=\"d2\"", "from=\"d1\" to=\"d 2\"" },
    { "from=\"d1\" to=\"d2\"", "from=\"d1\" to=\"gone_9.x\" count=\"1\"" },
    { "<fault cables=\"c1\" codes=\"connector.size\"/>", "" },
    { "<fault cables=\"c1\" codes=\"connector.size\"/>", "<fault cables=\"c1\"/>" },
    { "<fault cables=\"c1\" codes=\"connector.size\"/>",
      "<fault cables=\" c1\tc9 \" codes=\"connector.size\"/>" },
    { "<fault cables=\"c1\" codes=\"connector.size\"/>",
      "<fault cables=\"c1,c2\" codes=\"connector.size\"/>" },
    { "<fault cables=\"c1\" codes=\"connector.size\"/>",
      "<fault cables=\"c1\" codes=\"connector\"/>" },
    { "<fault cables=\"c1\" codes=\"connector.size\"/>",
      "<fault cables=\"c1\" codes=\"Connector.size\"/>" },
    { "<fault cables=\"c1\" codes=\"connector.size\"/>", "<fault cables=\"c1\" codes=\".size\"/>" },
    { "<fault cables=\"c1\" codes=\"connector.size\"/>",
      "<fault cables=\"c1\" codes=\"connector.\"/>" },
    { "<fault cables=\"c1\" codes=\"connector.size\"/>",
      "<fault cables=\"c1\" codes=\"a-1..b\"/>" },
    { "<fault cables=\"c1\" codes=\"connector.size\"/>",
      "<fault cables=\"c1\" codes=\"connector.size\"/><fault cables=\"c1\" codes=\"a.b\"/>" },
    { "<choices codes=\"connector.size signal.input-to-input\"/>", "<choices/>" },
    { "<choices codes=\"connector.size signal.input-to-input\"/>", "" },
    { "<marks cables=\"c1\" codes=\"connector.size\"/>", "<marks/>" },
    { "<marks cables=\"c1\" codes=\"connector.size\"/>", "<marks cables=\"\"/>" },
    { "<marks cables=\"c1\" codes=\"connector.size\"/>", "<marks codes=\"   \"/>" },
    { "<marks cables=\"c1\" codes=\"connector.size\"/>",
      "<marks cables=\"c1\" codes=\"connector.size\" kind=\"x\"/>" },
    { "    <marks cables=\"c1\" codes=\"connector.size\"/>\n",
      "    <marks cables=\"c1\" codes=\"connector.size\"/>\n    <fault cables=\"c1\" "
      "codes=\"a.b\"/>\n" },
    { "    <marks cables=\"c1\" codes=\"connector.size\"/>\n",
      "    <marks cables=\"c1\" codes=\"connector.size\"/>\n    <surprise/>\n" },
  };

  n_accepted = n_refused = 0;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *xml = replace_once (exercise_rig, cases[i][0], cases[i][1]);

      assert_agree (cases[i][1], xml, strlen (xml));
    }
  g_test_message ("%u breaks accepted, %u refused by both", n_accepted, n_refused);
  g_assert_cmpuint (n_accepted, >, 10);
  g_assert_cmpuint (n_refused, >, 40);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/stream/agrees-on-files", test_stream_agrees_on_files);
  g_test_add_func ("/format/stream/agrees-on-line-variants", test_stream_agrees_on_line_variants);
  g_test_add_func ("/format/stream/agrees-on-breaks", test_stream_agrees_on_breaks);
  g_test_add_func ("/format/stream/agrees-on-exercise-breaks",
                   test_stream_agrees_on_exercise_breaks);
  return g_test_run ();
}
