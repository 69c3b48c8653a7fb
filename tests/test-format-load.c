/* test-format-load.c: loading and saving rigs in canonical form, and every
 * kind of bad input. */
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
  gsize size = RIG_XML_MAX_STREAM_BYTES + 1;
  char *data = g_malloc (size);
  g_autofree char *phrase
      = g_strdup_printf ("larger than %d MiB", RIG_XML_MAX_STREAM_BYTES / (1024 * 1024));

  /* A valid start, then a long comment. */
  memset (data, ' ', size);
  memcpy (data, "<rig xmlns=\"" NS "\" format-version=\"1\"><!--",
          strlen ("<rig xmlns=\"" NS "\" format-version="
                  "\"1\"><!--"));
  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);

  document = rig_format_load_file (file, NULL, &error);
  g_assert_null (document);
  assert_error (error, RIG_ERROR_TOO_LARGE, "huge.rigwire", phrase);

  /* The bytes entry point has the same cap. */
  g_clear_error (&error);
  {
    g_autoptr (GBytes) bytes = g_bytes_new_take (data, size);
    document = rig_format_load_bytes (bytes, "huge.rigwire", NULL, &error);
    g_assert_null (document);
    assert_error (error, RIG_ERROR_TOO_LARGE, "huge.rigwire", phrase);
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

/* XLR pin gender (physics.md §2.3) ============================================== */

static const char pins_rig[]
    = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<rig xmlns=\"" NS "\" format-version=\"1\">\n"
      "  <models>\n"
      "    <model id=\"desk\" name=\"Desk\" category=\"mixer\" power=\"mains\">\n"
      "      <jack id=\"in\" name=\"Mic in\" connector=\"xlr\" gender=\"socket\" "
      "direction=\"in\" signal=\"mic\" channels=\"1\"/>\n"
      "    </model>\n"
      "    <model id=\"mic\" name=\"Mic\" category=\"microphone\" power=\"none\">\n"
      "      <jack id=\"out\" name=\"XLR out\" connector=\"xlr\" gender=\"socket\" pins=\"male\" "
      "direction=\"out\" signal=\"mic\" channels=\"1\"/>\n"
      "    </model>\n"
      "  </models>\n"
      "  <devices>\n"
      "    <device id=\"d1\" model=\"mic\" label=\"Mic\" x=\"0\" y=\"0\"/>\n"
      "    <device id=\"d2\" model=\"desk\" label=\"Desk\" x=\"0\" y=\"0\"/>\n"
      "  </devices>\n"
      "  <cables>\n"
      "    <cable id=\"c1\" number=\"A-001\" kind=\"cable\" from-device=\"d1\" from-jack=\"out\" "
      "to-device=\"d2\" to-jack=\"in\">\n"
      "      <end side=\"from\" connector=\"xlr\" gender=\"plug\" pins=\"female\"/>\n"
      "      <end side=\"to\" connector=\"xlr\" gender=\"plug\"/>\n"
      "    </cable>\n"
      "  </cables>\n"
      "</rig>\n";

/* Pins on jacks and cable ends are read and written back; a jack or an end
 * that does not state them stays so (an old file saves unchanged), and the
 * jack's pins come from its direction. */
static void
test_rig_xlr_pins (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) document = load_string (pins_rig, "pins.rigwire", NULL, &error);
  g_autoptr (RigDocument) again = NULL;
  g_autoptr (GBytes) first = NULL;
  g_autoptr (GBytes) second = NULL;
  g_autofree char *text = NULL;
  const RigJack *in, *out;
  RigCable *cable;
  xmlDoc *doc;

  g_assert_no_error (error);
  out = rig_device_model_find_jack (rig_document_find_device (document, "d1")->model, "out");
  in = rig_device_model_find_jack (rig_document_find_device (document, "d2")->model, "in");
  g_assert_cmpint (out->pins, ==, RIG_PINS_MALE);
  g_assert_cmpint (in->pins, ==, RIG_PINS_NONE);
  g_assert_cmpint (rig_jack_pins (in), ==, RIG_PINS_FEMALE);
  cable = rig_document_find_cable (document, "c1");
  g_assert_cmpint (cable->spec.ends[RIG_END_FROM].pins, ==, RIG_PINS_FEMALE);
  g_assert_cmpint (cable->spec.ends[RIG_END_TO].pins, ==, RIG_PINS_NONE);

  first = rig_format_save_bytes (document);
  text = bytes_to_string (first);
  assert_same_lines (text, pins_rig);
  doc = rig_xml_parse_untrusted (text, strlen (text), "pins.rigwire", &error);
  g_assert_no_error (error);
  g_assert_true (rig_xml_validate_schema (doc, "pins.rigwire", &error));
  g_assert_no_error (error);
  xmlFreeDoc (doc);

  again = rig_format_load_bytes (first, "pins.rigwire", NULL, &error);
  g_assert_no_error (error);
  second = rig_format_save_bytes (again);
  g_assert_true (g_bytes_equal (first, second));
}

static void
test_bad_pins (void)
{
  g_autofree char *on_phone = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) document = NULL;

  /* Not a pin gender: the schema refuses it. */
  on_phone = replace_once (pins_rig, "pins=\"male\"", "pins=\"both\"");
  document = load_string (on_phone, "pins.rigwire", NULL, &error);
  g_assert_null (document);
  g_assert_error (error, RIG_ERROR, RIG_ERROR_SCHEMA);
  g_clear_error (&error);
  g_clear_pointer (&on_phone, g_free);

  /* Only XLR has pin gender, on jacks and on cable ends. */
  on_phone = replace_once (pins_rig, "connector=\"xlr\" gender=\"socket\" pins=\"male\"",
                           "connector=\"rca\" gender=\"socket\" pins=\"male\"");
  document = load_string (on_phone, "pins.rigwire", NULL, &error);
  g_assert_null (document);
  assert_error (error, RIG_ERROR_INVALID, "pins.rigwire:", "only XLR connectors have a pin gender");
  g_clear_error (&error);
  g_clear_pointer (&on_phone, g_free);

  on_phone = replace_once (pins_rig, "connector=\"xlr\" gender=\"plug\" pins=\"female\"",
                           "connector=\"rca\" gender=\"plug\" pins=\"female\"");
  document = load_string (on_phone, "pins.rigwire", NULL, &error);
  g_assert_null (document);
  assert_error (error, RIG_ERROR_INVALID, "pins.rigwire:", "only an XLR end has a pin gender");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

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
  g_test_add_func ("/format/rig/xlr-pins", test_rig_xlr_pins);
  g_test_add_func ("/format/bad/pins", test_bad_pins);

  return g_test_run ();
}
