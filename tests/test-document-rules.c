/* test-document-rules.c: what a document may hold, and that every edit
 * command keeps to it, so the editor never makes a file it cannot read back
 * (rig-document-rules.h, rig-document-models.c). */
#include "config.h"

#include <math.h>

#include "rig-catalog.h"
#include "rig-document-rules.h"
#include "rig-error.h"
#include "rig-format.h"
#include "rig-fragment.h"
#include "rig-history.h"
#include "rig-test-models.h"

static RigDeviceModel *
make_model (const char *id, const char *name, const char *jack_id, RigConnector connector)
{
  RigDeviceModel *model = rig_device_model_new (id, name, RIG_CATEGORY_ACCESSORY);
  RigJack jack;

  rig_jack_init (&jack);
  jack.id = (char *) jack_id;
  jack.name = (char *) jack_id;
  jack.connector = connector;
  jack.gender = RIG_GENDER_SOCKET;
  jack.direction = RIG_DIRECTION_BOTH;
  jack.signal = RIG_SIGNAL_LINE_CONSUMER;
  jack.channels = 1;
  rig_device_model_add_jack (model, &jack);
  return model;
}

static const char *
add_device (RigHistory *history, RigDeviceModel *model, double x, double y)
{
  g_autoptr (GError) error = NULL;
  RigCommand *command = rig_command_add_device (model, NULL, x, y);

  g_assert_true (rig_history_apply (history, command, &error));
  g_assert_no_error (error);
  return rig_command_get_created_id (command);
}

/* Positions: finite, within the limit, for every command and the loader. */
static void
test_positions (void)
{
  g_autoptr (RigDocument) document = rig_document_new ();
  g_autoptr (RigHistory) history = rig_history_new (document);
  g_autoptr (RigDeviceModel) box = make_model ("box", "Box", "io", RIG_CONNECTOR_RCA);
  g_autoptr (GError) error = NULL;
  const char *ids[2] = { NULL, NULL };

  g_assert_true (rig_position_is_valid (0, 0));
  g_assert_true (rig_position_is_valid (-RIG_POSITION_LIMIT, RIG_POSITION_LIMIT));
  g_assert_false (rig_position_is_valid (RIG_POSITION_LIMIT * 1.001, 0));
  g_assert_false (rig_position_is_valid (0, NAN));
  g_assert_false (rig_position_is_valid (INFINITY, 0));

  g_assert_false (rig_history_apply (history, rig_command_add_device (box, NULL, 3e7, 0), &error));
  g_assert_error (error, RIG_ERROR, RIG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "off the canvas"));
  g_clear_error (&error);
  g_assert_cmpuint (rig_document_get_n_devices (document), ==, 0);

  ids[0] = add_device (history, box, RIG_POSITION_LIMIT - 10, 0);
  /* A move that would leave the canvas moves nothing. */
  g_assert_false (rig_history_apply (history, rig_command_move_devices (ids, 20, 0), &error));
  g_assert_error (error, RIG_ERROR, RIG_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpfloat (rig_document_get_device (document, 0)->x, ==, RIG_POSITION_LIMIT - 10);
  g_assert_true (rig_history_apply (history, rig_command_move_devices (ids, 10, 0), NULL));
  rig_test_assert_round_trip (document);

  /* The loader refuses what the commands refuse, with the line. */
  {
    static const char rig[]
        = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<rig xmlns=\"https://rigwire.github.io/ns/rigwire/1\" format-version=\"1\">\n"
          "  <models>\n"
          "    <model id=\"box\" name=\"Box\" category=\"accessory\">\n"
          "      <jack id=\"io\" name=\"io\" connector=\"rca\" gender=\"socket\" direction=\"both\""
          " signal=\"line-consumer\" channels=\"1\"/>\n"
          "    </model>\n"
          "  </models>\n"
          "  <devices>\n"
          "    <device id=\"d1\" model=\"box\" label=\"Box\" x=\"30000000\" y=\"0\"/>\n"
          "  </devices>\n"
          "</rig>\n";
    g_autoptr (GBytes) bytes = g_bytes_new_static (rig, sizeof rig - 1);
    g_autoptr (RigDocument) loaded = rig_format_load_bytes (bytes, "far.rigwire", NULL, &error);

    g_assert_null (loaded);
    g_assert_error (error, RIG_ERROR, RIG_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "far.rigwire:9:"));
    g_assert_nonnull (strstr (error->message, "off the canvas"));
  }
}

/* One plug per jack, but for speaker terminals; a cable never joins a jack
 * to itself; a reconnected end goes only to a free jack. */
static void
test_one_plug_per_jack (void)
{
  g_autoptr (RigDocument) document = rig_document_new ();
  g_autoptr (RigHistory) history = rig_history_new (document);
  g_autoptr (RigDeviceModel) box = make_model ("box", "Box", "io", RIG_CONNECTOR_RCA);
  g_autoptr (RigDeviceModel) post
      = make_model ("post", "Speaker", "in", RIG_CONNECTOR_SPEAKER_TERMINAL);
  g_autoptr (GError) error = NULL;
  RigCommand *first;
  const char *a = add_device (history, box, 0, 0);
  const char *b = add_device (history, box, 200, 0);
  const char *c = add_device (history, box, 400, 0);
  const char *s = add_device (history, post, 600, 0);

  first = rig_command_add_cable (a, "io", b, "io", NULL, NULL);
  g_assert_true (rig_history_apply (history, first, NULL));
  g_assert_nonnull (rig_document_jack_occupant (document, a, "io", NULL));
  g_assert_null (
      rig_document_jack_occupant (document, a, "io", rig_command_get_created_id (first)));

  g_assert_false (
      rig_history_apply (history, rig_command_add_cable (c, "io", a, "io", NULL, NULL), &error));
  g_assert_error (error, RIG_ERROR, RIG_ERROR_OCCUPIED);
  g_assert_nonnull (strstr (error->message, "already holds cable A-001"));
  g_clear_error (&error);
  g_assert_cmpuint (rig_document_get_n_cables (document), ==, 1);

  /* Reconnecting the occupant's own end to where it is is no conflict;
   * moving another cable's end onto it is. */
  g_assert_true (
      rig_history_apply (history, rig_command_add_cable (c, "io", s, "in", NULL, NULL), NULL));
  g_assert_false (rig_history_apply (
      history, rig_command_reconnect_cable ("c2", RIG_END_FROM, b, "io"), &error));
  g_assert_error (error, RIG_ERROR, RIG_ERROR_OCCUPIED);
  g_clear_error (&error);

  /* Speaker terminals take several wires (a second speaker, bi-wiring). */
  g_assert_null (rig_document_jack_occupant (document, s, "in", NULL));
  {
    const char *d = add_device (history, box, 800, 0);
    g_assert_true (
        rig_history_apply (history, rig_command_add_cable (d, "io", s, "in", NULL, NULL), NULL));
  }
  rig_test_assert_round_trip (document);
}

/* A cable takes at most RIG_CABLE_MAX_ADAPTERS adapters, as the loader
 * reads at most that many. */
static void
test_adapters_capped (void)
{
  g_autoptr (RigDocument) document = rig_document_new ();
  g_autoptr (RigHistory) history = rig_history_new (document);
  g_autoptr (RigDeviceModel) box = make_model ("box", "Box", "io", RIG_CONNECTOR_RCA);
  g_autoptr (RigDeviceModel) adapter
      = rig_device_model_new ("coupler", "Coupler", RIG_CATEGORY_ADAPTER);
  g_autoptr (GError) error = NULL;
  RigCableSpec spec;
  const char *a = add_device (history, box, 0, 0);
  const char *b = add_device (history, box, 200, 0);

  rig_cable_spec_init (&spec, RIG_CABLE_KIND_CABLE);
  for (guint i = 0; i <= RIG_CABLE_MAX_ADAPTERS; i++)
    rig_cable_spec_add_adapter (&spec, adapter, RIG_END_TO);
  g_assert_false (
      rig_history_apply (history, rig_command_add_cable (a, "io", b, "io", &spec, NULL), &error));
  g_assert_error (error, RIG_ERROR, RIG_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_true (
      rig_history_apply (history, rig_command_add_cable (a, "io", b, "io", NULL, NULL), NULL));
  g_assert_false (rig_history_apply (history, rig_command_set_cable_spec ("c1", &spec), &error));
  g_assert_error (error, RIG_ERROR, RIG_ERROR_TOO_LARGE);
  rig_cable_spec_clear (&spec);
  rig_test_assert_round_trip (document);
}

/* A model whose id is taken by a different model gets the next free id;
 * an identical one is shared; the file reopens whatever the catalog holds. */
static void
test_model_ids (void)
{
  g_autoptr (RigDocument) document = rig_document_new ();
  g_autoptr (RigHistory) history = rig_history_new (document);
  g_autoptr (RigDeviceModel) old = make_model ("mixer", "Mixer", "in", RIG_CONNECTOR_RCA);
  g_autoptr (RigDeviceModel) same = make_model ("mixer", "Mixer", "in", RIG_CONNECTOR_RCA);
  g_autoptr (RigDeviceModel) changed = make_model ("mixer", "Mixer", "line", RIG_CONNECTOR_XLR3);
  g_autoptr (RigDeviceModel) changed_again
      = make_model ("mixer", "Mixer", "line", RIG_CONNECTOR_XLR3);
  g_autoptr (GBytes) saved = NULL;
  g_autoptr (RigDocument) loaded = NULL;
  g_autoptr (GError) error = NULL;
  const char *d1, *d2, *d3, *d4;

  d1 = add_device (history, old, 0, 0);
  d2 = add_device (history, same, 100, 0);
  d3 = add_device (history, changed, 200, 0);
  d4 = add_device (history, changed_again, 300, 0);

  g_assert_true (rig_document_find_device (document, d1)->model
                 == rig_document_find_device (document, d2)->model);
  g_assert_cmpstr (rig_document_find_device (document, d3)->model->id, ==, "mixer-2");
  g_assert_true (rig_document_find_device (document, d3)->model
                 == rig_document_find_device (document, d4)->model);
  g_assert_nonnull (rig_device_find_jack (rig_document_find_device (document, d3), "line"));
  /* Each device keeps its own jacks through a save and a load. */
  rig_test_assert_round_trip (document);
  saved = rig_format_save_bytes (document);
  loaded = rig_format_load_bytes (saved, "mixers.rigwire", rig_catalog_get_default (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (rig_device_find_jack (rig_document_find_device (loaded, d1), "in"));
  g_assert_nonnull (rig_device_find_jack (rig_document_find_device (loaded, d3), "line"));

  /* Undo takes the renamed model out with its devices; redo brings the
   * same id back. */
  g_assert_true (rig_history_undo (history));
  g_assert_true (rig_history_undo (history));
  g_assert_null (rig_document_find_model (document, "mixer-2"));
  g_assert_true (rig_history_redo (history));
  g_assert_cmpstr (rig_document_find_device (document, d3)->model->id, ==, "mixer-2");
}

/* Pasting a fragment whose model id names a different model here: the
 * pasted devices keep their own model, under a new id. */
static void
test_paste_clashing_model (void)
{
  g_autoptr (RigDocument) document = rig_document_new ();
  g_autoptr (RigHistory) history = rig_history_new (document);
  g_autoptr (RigDocument) other = rig_document_new ();
  g_autoptr (RigHistory) other_history = rig_history_new (other);
  g_autoptr (RigDeviceModel) here = make_model ("box", "Box", "in", RIG_CONNECTOR_RCA);
  g_autoptr (RigDeviceModel) there = make_model ("box", "Box", "out", RIG_CONNECTOR_TOSLINK);
  g_autoptr (GBytes) fragment = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) new_ids = NULL;
  const char *copied[2] = { NULL, NULL };
  RigCommand *paste;

  add_device (history, here, 0, 0);
  copied[0] = add_device (other_history, there, 0, 0);
  fragment = rig_fragment_copy (other, copied);
  paste = rig_fragment_paste_command (document, fragment, 40, 40, &new_ids, &error);
  g_assert_no_error (error);
  g_assert_true (rig_history_apply (history, paste, &error));
  g_assert_no_error (error);
  g_assert_nonnull (rig_device_find_jack (rig_document_find_device (document, new_ids[0]), "out"));
  g_assert_cmpstr (rig_document_find_device (document, new_ids[0])->model->id, ==, "box-2");
  rig_test_assert_round_trip (document);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document-rules/positions", test_positions);
  g_test_add_func ("/document-rules/one-plug-per-jack", test_one_plug_per_jack);
  g_test_add_func ("/document-rules/adapters-capped", test_adapters_capped);
  g_test_add_func ("/document-rules/model-ids", test_model_ids);
  g_test_add_func ("/document-rules/paste-clashing-model", test_paste_clashing_model);
  return g_test_run ();
}
