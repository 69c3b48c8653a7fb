/* test-history-document.c: the rig document: lookups, copies, ids, cable
 * numbers and order. */
#include "config.h"

#include <math.h>

#include "rig-command.h"
#include "rig-document-private.h"
#include "rig-error.h"
#include "rig-format.h"
#include "rig-history.h"

#include "test-history-util.h"

/* ---- the document ------------------------------------------------------- */

static void
test_document_empty (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) models = rig_document_list_models (f->doc);
  g_autoptr (GPtrArray) out = g_ptr_array_new ();
  g_autofree char *d = rig_document_new_device_id (f->doc);
  g_autofree char *c = rig_document_new_cable_id (f->doc);
  g_autofree char *number = rig_document_new_cable_number (f->doc, "A");
  GPtrArray *none = rig_document_get_device_cables (f->doc, "d1");

  g_assert_cmpstr (rig_document_get_title (f->doc), ==, "");
  g_assert_cmpstr (rig_document_get_author (f->doc), ==, "");
  g_assert_cmpstr (rig_document_get_notes (f->doc), ==, "");
  g_assert_null (rig_document_get_file (f->doc));
  g_assert_cmpuint (rig_document_get_n_devices (f->doc), ==, 0);
  g_assert_cmpuint (rig_document_get_n_cables (f->doc), ==, 0);
  g_assert_null (rig_document_find_device (f->doc, "d1"));
  g_assert_cmpint (rig_document_device_index (f->doc, "d1"), ==, -1);
  g_assert_cmpint (rig_document_cable_index (f->doc, "c1"), ==, -1);
  g_assert_nonnull (none);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (rig_document_get_jack_cables (f->doc, "d1", "hp", out), ==, 0);
  g_assert_cmpuint (models->len, ==, 0);
  g_assert_cmpstr (d, ==, "d1");
  g_assert_cmpstr (c, ==, "c1");
  g_assert_cmpstr (number, ==, "A-001");

  g_assert_false (rig_history_is_modified (f->history));
  g_assert_false (rig_history_can_undo (f->history));
  g_assert_false (rig_history_can_redo (f->history));
  g_assert_null (rig_history_get_undo_label (f->history));
  g_assert_false (rig_history_undo (f->history));
  g_assert_false (rig_history_redo (f->history));
  g_assert_cmpuint (f->n_changed, ==, 0);
}

static void
test_document_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) file = g_file_new_for_path ("/tmp/den.rigwire");
  g_autoptr (GFile) same = g_file_new_for_path ("/tmp/den.rigwire");
  guint n_file = 0;

  g_signal_connect (f->doc, "notify::file", G_CALLBACK (on_notify), &n_file);
  rig_document_set_file (f->doc, file);
  g_assert_true (rig_document_get_file (f->doc) == file);
  rig_document_set_file (f->doc, same);
  g_assert_cmpuint (n_file, ==, 1);
  rig_document_set_file (f->doc, NULL);
  g_assert_null (rig_document_get_file (f->doc));
  g_assert_cmpuint (n_file, ==, 2);
  g_assert_false (rig_history_is_modified (f->history));
}

static void
test_document_lookups (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new ();
  GPtrArray *on_amp;
  RigCable *c2;

  build_stereo (f);
  check_indexes (f->doc);

  on_amp = rig_document_get_device_cables (f->doc, "d2");
  g_assert_cmpuint (on_amp->len, ==, 3);
  g_assert_cmpstr (((RigCable *) g_ptr_array_index (on_amp, 0))->id, ==, "c1");
  g_assert_cmpstr (((RigCable *) g_ptr_array_index (on_amp, 2))->id, ==, "c3");
  g_assert_cmpuint (rig_document_get_device_cables (f->doc, "d3")->len, ==, 1);

  g_assert_cmpuint (rig_document_get_jack_cables (f->doc, "d2", "spk-l", out), ==, 1);
  g_assert_cmpstr (((RigCable *) g_ptr_array_index (out, 0))->id, ==, "c2");
  g_assert_cmpuint (rig_document_get_jack_cables (f->doc, "d2", "mains", out), ==, 0);
  g_assert_cmpuint (out->len, ==, 1); /* appended to, never cleared */

  c2 = rig_document_find_cable (f->doc, "c2");
  g_assert_true (rig_document_cable_device (f->doc, c2, RIG_END_TO)
                 == rig_document_find_device (f->doc, "d3"));
  g_assert_cmpstr (rig_document_cable_jack (f->doc, c2, RIG_END_FROM)->id, ==, "spk-l");
  g_assert_cmpstr (rig_document_find_device (f->doc, "d2")->label, ==, "Amplifier 1");
}

static void
test_document_list_models (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) models = NULL;
  g_autoptr (RigDeviceModel) phone_again = NULL;
  g_autoptr (RigDevice) device = NULL;
  RigCableSpec spec;
  const char *const expected[] = { "adapter-35-635", "amp", "phone", "speaker" };

  build_stereo (f);
  rig_cable_spec_init (&spec, RIG_CABLE_KIND_CABLE);
  rig_cable_spec_add_adapter (&spec, f->c.adapter, RIG_END_TO);
  apply_ok (f, rig_command_set_cable_spec ("c1", &spec));
  rig_cable_spec_clear (&spec);

  /* An identical model in another instance (as a pasted device carries)
   * counts once. */
  phone_again = rig_device_model_new ("phone", "Smartphone", RIG_CATEGORY_SOURCE);
  for (guint i = 0; i < f->c.phone->n_jacks; i++)
    rig_device_model_add_jack (phone_again, &f->c.phone->jacks[i]);
  g_assert_true (rig_device_model_equal (phone_again, f->c.phone));
  device = rig_device_new ("d9", phone_again, NULL, 0, 0);
  apply_ok (f, rig_command_insert_device (device));

  models = rig_document_list_models (f->doc);
  g_assert_cmpuint (models->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (((RigDeviceModel *) g_ptr_array_index (models, i))->id, ==, expected[i]);
}

static void
test_document_copy_equal (Fixture *f, gconstpointer data)
{
  g_autoptr (RigDocument) copy = NULL;
  g_autoptr (RigDocument) empty = rig_document_new ();

  build_stereo (f);
  apply_ok (f, rig_command_set_metadata ("Den", "Sam", "Bring spare fuses."));
  copy = rig_document_copy (f->doc);
  g_assert_true (rig_document_content_equal (f->doc, copy));
  g_assert_true (rig_document_content_equal (copy, f->doc));
  g_assert_false (rig_document_content_equal (f->doc, empty));
  check_indexes (copy);

  /* Different in each part: metadata, a device, a cable, the order. */
  apply_ok (f, rig_command_set_metadata (NULL, NULL, "Bring spare fuses!"));
  g_assert_false (rig_document_content_equal (f->doc, copy));
  undo_ok (f);
  g_assert_true (rig_document_content_equal (f->doc, copy));

  apply_ok (f, rig_command_set_device_label ("d3", "Speaker Left"));
  g_assert_false (rig_document_content_equal (f->doc, copy));
  undo_ok (f);

  apply_ok (f, rig_command_set_cable_number ("c3", "S-009"));
  g_assert_false (rig_document_content_equal (f->doc, copy));
  undo_ok (f);
  g_assert_true (rig_document_content_equal (f->doc, copy));

  {
    const char *ids[] = { "d1", NULL };
    g_autoptr (RigDevice) phone = rig_device_copy (rig_document_find_device (f->doc, "d1"));
    apply_ok (f, rig_command_remove_devices (ids));
    apply_ok (f, rig_command_insert_device (phone)); /* same device, now last */
    g_assert_cmpint (rig_document_device_index (f->doc, "d1"), ==, 3);
    g_assert_false (rig_document_content_equal (f->doc, copy));
  }

  /* The copy's fresh ids do not collide with the original's. */
  {
    g_autofree char *id = rig_document_new_device_id (copy);
    g_assert_null (rig_document_find_device (copy, id));
    g_assert_cmpstr (id, ==, "d5");
  }
}

static void
test_document_ids (Fixture *f, gconstpointer data)
{
  const char *ids[] = { "d1", NULL };
  g_autoptr (RigDocument) loaded = rig_document_new ();
  g_autoptr (RigDeviceModel) model = NULL;
  char *id;

  /* A removed device's id is not handed out again. */
  g_assert_cmpstr (add_device (f, f->c.phone, NULL, 0, 0), ==, "d1");
  apply_ok (f, rig_command_remove_devices (ids));
  g_assert_cmpstr (add_device (f, f->c.phone, NULL, 0, 0), ==, "d2");
  id = rig_document_new_device_id (f->doc);
  g_assert_cmpstr (id, ==, "d3");
  g_free (id);
  id = rig_document_new_device_id (f->doc);
  g_assert_cmpstr (id, ==, "d4");
  g_free (id);

  /* As a loader fills a document: ids and numbers from a file. */
  model = rig_device_model_ref (f->c.amp);
  _rig_document_insert_device (loaded, rig_device_new ("d17", model, NULL, 0, 0), G_MAXUINT, NULL);
  _rig_document_insert_device (loaded, rig_device_new ("amp-x", model, NULL, 0, 0), G_MAXUINT,
                               NULL);
  _rig_document_insert_cable (
      loaded, rig_cable_new ("c41", "S-012", "d17", "spk-l", "amp-x", "in", NULL), G_MAXUINT, NULL);
  _rig_document_reserve_ids (loaded);
  id = rig_document_new_device_id (loaded);
  g_assert_cmpstr (id, ==, "d18");
  g_free (id);
  id = rig_document_new_cable_id (loaded);
  g_assert_cmpstr (id, ==, "c42");
  g_free (id);
  id = rig_document_new_cable_number (loaded, "S");
  g_assert_cmpstr (id, ==, "S-013");
  g_free (id);
}

static void
test_document_cable_numbers (Fixture *f, gconstpointer data)
{
  const char *ids[] = { "c5", NULL };
  RigCommand *command;
  RigCable *cable;
  char *number;

  g_assert_cmpstr (add_device (f, f->c.phone, NULL, 0, 0), ==, "d1");
  g_assert_cmpstr (add_device (f, f->c.amp, NULL, 0, 0), ==, "d2");
  g_assert_cmpstr (add_device (f, f->c.dac, NULL, 0, 0), ==, "d3");
  g_assert_cmpstr (add_device (f, f->c.strip, NULL, 0, 0), ==, "d4");
  /* More jacks: each takes one cable. */
  g_assert_cmpstr (add_device (f, f->c.amp, NULL, 0, 0), ==, "d5");
  g_assert_cmpstr (add_device (f, f->c.phone, NULL, 0, 0), ==, "d6");
  g_assert_cmpstr (add_device (f, f->c.amp, NULL, 0, 0), ==, "d7");

  /* Prefixes from what the jacks carry. */
  add_cable (f, "d1", "hp", "d2", "in");
  add_cable (f, "d1", "usb", "d3", "usb");
  add_cable (f, "d4", "out1", "d2", "mains");
  g_assert_cmpstr (rig_document_find_cable (f->doc, "c1")->number, ==, "A-001");
  g_assert_cmpstr (rig_document_find_cable (f->doc, "c2")->number, ==, "D-001");
  g_assert_cmpstr (rig_document_find_cable (f->doc, "c3")->number, ==, "P-001");

  /* The next number is above the highest, not the first gap. */
  apply_ok (f, rig_command_add_cable ("d3", "out", "d5", "in", NULL, "A-009"));
  add_cable (f, "d6", "hp", "d7", "in");
  g_assert_cmpstr (rig_document_find_cable (f->doc, "c5")->number, ==, "A-010");
  number = rig_document_new_cable_number (f->doc, "A");
  g_assert_cmpstr (number, ==, "A-011");
  g_free (number);
  number = rig_document_new_cable_number (f->doc, "S");
  g_assert_cmpstr (number, ==, "S-001");
  g_free (number);

  /* It follows the cables in the document: remove A-010 and it is free. */
  apply_ok (f, rig_command_remove_cables (ids));
  number = rig_document_new_cable_number (f->doc, "A");
  g_assert_cmpstr (number, ==, "A-010");
  g_free (number);
  undo_ok (f);

  /* Renumbering moves the highest too; more than three digits is fine. */
  apply_ok (f, rig_command_set_cable_number ("c1", "A-1000"));
  number = rig_document_new_cable_number (f->doc, "A");
  g_assert_cmpstr (number, ==, "A-1001");
  g_free (number);
  undo_ok (f);
  number = rig_document_new_cable_number (f->doc, "A");
  g_assert_cmpstr (number, ==, "A-011");
  g_free (number);

  /* A NULL number renumbers with a fresh one, kept on redo. */
  command = apply_ok (f, rig_command_set_cable_number ("c1", NULL));
  cable = rig_document_find_cable (f->doc, "c1");
  g_assert_cmpstr (cable->number, ==, "A-011");
  g_assert_cmpstr (rig_command_get_label (command), ==, "Renumber Cable A-001");
  undo_ok (f);
  g_assert_cmpstr (cable->number, ==, "A-001");
  redo_ok (f);
  g_assert_cmpstr (cable->number, ==, "A-011");

  /* Odd numbers are kept as they are and do not disturb the count. */
  apply_ok (f, rig_command_set_cable_number ("c2", "spare"));
  number = rig_document_new_cable_number (f->doc, "D");
  g_assert_cmpstr (number, ==, "D-001");
  g_free (number);
}

static void
test_document_order (Fixture *f, gconstpointer data)
{
  g_autoptr (RigDocument) start = NULL;

  /* Cables put back again and again at the same place (undoing a removal)
   * keep the per-device lists in document order, long after the order keys
   * between two neighbours run out. */
  build_stereo (f);
  /* Speaker terminals take several cables; every other jack one. */
  add_cable (f, "d1", "usb", "d2", "spk-r"); /* c4 */
  add_cable (f, "d2", "spk-l", "d4", "in");  /* c5 */
  start = rig_document_copy (f->doc);
  for (guint round = 0; round < 100; round++)
    {
      const char *first[] = { rig_document_get_cable (f->doc, 0)->id, NULL };
      const char *middle[] = { rig_document_get_cable (f->doc, 2)->id, "c4", NULL };
      const char *device[] = { round % 2 ? "d3" : "d1", NULL };

      apply_ok (f, rig_command_remove_cables (first));
      undo_ok (f);
      apply_ok (f, rig_command_remove_cables (middle));
      undo_ok (f);
      apply_ok (f, rig_command_remove_devices (device));
      undo_ok (f);
      check_indexes (f->doc);
    }
  g_assert_true (rig_document_content_equal (f->doc, start));
  g_assert_cmpuint (rig_document_get_device_cables (f->doc, "d2")->len, ==, 5);

  /* A device with many cables, all next to each other, put back between
   * two others: each one goes between the one before and the same next. */
  g_assert_cmpstr (add_device (f, f->c.speaker, NULL, 0, 0), ==, "d5");
  for (guint i = 0; i < 80; i++)
    add_cable (f, "d5", "in", i % 3 ? "d2" : "d4", i % 3 ? (i % 2 ? "spk-l" : "spk-r") : "in");
  add_cable (f, "d3", "in", "d2", "spk-l");
  g_clear_object (&start);
  start = rig_document_copy (f->doc);
  for (guint round = 0; round < 3; round++)
    {
      const char *many[] = { "d5", NULL };

      apply_ok (f, rig_command_remove_devices (many));
      g_assert_cmpuint (rig_document_get_n_cables (f->doc), ==, 6);
      undo_ok (f);
      check_indexes (f->doc);
      g_assert_true (rig_document_content_equal (f->doc, start));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func)                                                                            \
  g_test_add ("/history/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("document/empty", test_document_empty);
  ADD ("document/file", test_document_file);
  ADD ("document/lookups", test_document_lookups);
  ADD ("document/list-models", test_document_list_models);
  ADD ("document/copy-equal", test_document_copy_equal);
  ADD ("document/ids", test_document_ids);
  ADD ("document/cable-numbers", test_document_cable_numbers);
  ADD ("document/order", test_document_order);
#undef ADD

  return g_test_run ();
}
