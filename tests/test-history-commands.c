/* test-history-commands.c: each edit command, applied, undone and redone. */
#include "config.h"

#include <math.h>

#include "rig-command.h"
#include "rig-document-private.h"
#include "rig-error.h"
#include "rig-format.h"
#include "rig-history.h"
#include "rig-test-models.h"

#include "test-history-util.h"

/* Checks the last change: exactly @flags, and exactly the comma-separated ids
 * in @devices and @cables (in any order). */
static void
check_change (Fixture *f, RigChangeFlags flags, const char *devices, const char *cables)
{
  g_auto (GStrv) d = g_strsplit (devices, ",", -1);
  g_auto (GStrv) c = g_strsplit (cables, ",", -1);
  guint n_d = devices[0] ? g_strv_length (d) : 0;
  guint n_c = cables[0] ? g_strv_length (c) : 0;

  g_assert_nonnull (f->last);
  g_assert_cmphex (f->last->flags, ==, flags);
  g_assert_cmpuint (f->last->devices->len, ==, n_d);
  g_assert_cmpuint (f->last->cables->len, ==, n_c);
  for (guint i = 0; i < n_d; i++)
    g_assert_true (rig_change_has_device (f->last, d[i]));
  for (guint i = 0; i < n_c; i++)
    g_assert_true (rig_change_has_cable (f->last, c[i]));
}

/* ---- each command ------------------------------------------------------- */

/* New devices get distinct labels: the model's short name and the next
 * number; renamed devices' numbers are taken too, other names do not count. */
static void
test_add_device_labels (Fixture *f, gconstpointer data)
{
  RigCommand *first = rig_command_add_device (f->c.phone, NULL, 0, 0);

  apply_ok (f, first);
  apply_ok (f, rig_command_add_device (f->c.phone, NULL, 0, 0));
  g_assert_cmpstr (rig_document_find_device (f->doc, "d1")->label, ==, "Smartphone 1");
  g_assert_cmpstr (rig_document_find_device (f->doc, "d2")->label, ==, "Smartphone 2");
  apply_ok (f, rig_command_set_device_label ("d2", "Smartphone 7"));
  apply_ok (f, rig_command_add_device (f->c.phone, "Smartphone 9b", 0, 0));
  apply_ok (f, rig_command_add_device (f->c.phone, NULL, 0, 0));
  g_assert_cmpstr (rig_document_find_device (f->doc, "d4")->label, ==, "Smartphone 8");
}

static void
test_add_device (Fixture *f, gconstpointer data)
{
  RigCommand *command = rig_command_add_device (f->c.phone, NULL, 10, 20);
  RigDevice *device;

  g_assert_cmpstr (rig_command_get_label (command), ==, "Add Smartphone");
  g_assert_null (rig_command_get_created_id (command));
  apply_ok (f, command);
  g_assert_cmpstr (rig_command_get_created_id (command), ==, "d1");
  check_change (f, RIG_CHANGE_DEVICES_ADDED, "d1", "");
  g_assert_cmpuint (rig_document_get_n_devices (f->doc), ==, 1);
  device = rig_document_get_device (f->doc, 0);
  g_assert_cmpstr (device->id, ==, "d1");
  /* The model's short name and a number: distinct from the next one's. */
  g_assert_cmpstr (device->label, ==, "Smartphone 1");
  g_assert_true (device->model == f->c.phone);
  g_assert_cmpfloat (device->x, ==, 10);
  g_assert_cmpfloat (device->y, ==, 20);
  g_assert_true (rig_history_can_undo (f->history));
  g_assert_cmpstr (rig_history_get_undo_label (f->history), ==, "Add Smartphone");

  undo_ok (f);
  check_change (f, RIG_CHANGE_DEVICES_REMOVED, "d1", "");
  g_assert_cmpuint (rig_document_get_n_devices (f->doc), ==, 0);
  g_assert_null (rig_document_find_device (f->doc, "d1"));
  g_assert_false (rig_history_can_undo (f->history));
  g_assert_cmpstr (rig_history_get_redo_label (f->history), ==, "Add Smartphone");

  /* Fresh ids are never reused, but the redo keeps its own. */
  g_free (rig_document_new_device_id (f->doc));
  redo_ok (f);
  check_change (f, RIG_CHANGE_DEVICES_ADDED, "d1", "");
  g_assert_cmpstr (rig_document_get_device (f->doc, 0)->id, ==, "d1");
  g_assert_cmpstr (rig_command_get_created_id (command), ==, "d1");
  g_assert_cmpstr (rig_document_get_device (f->doc, 0)->label, ==, "Smartphone 1");
  g_assert_false (rig_history_can_redo (f->history));

  command = apply_ok (f, rig_command_add_device (f->c.speaker, "Bookshelf L", 1, 2));
  g_assert_cmpstr (rig_command_get_label (command), ==, "Add Bookshelf L");
  g_assert_cmpstr (rig_command_get_created_id (command), ==, "d3");
  g_assert_cmpstr (rig_document_get_device (f->doc, 1)->label, ==, "Bookshelf L");
}

static void
test_insert_device (Fixture *f, gconstpointer data)
{
  g_autoptr (RigDevice) value = rig_device_new ("d1", f->c.speaker, "Sub", 5, 6);
  RigCommand *command;
  char *id;

  add_device (f, f->c.phone, NULL, 0, 0);

  /* "d1" is taken: a fresh id, everything else as given. */
  value->overrides[RIG_FIGURE_NOMINAL_IMPEDANCE] = 4;
  command = rig_command_insert_device (value);
  g_assert_cmpstr (rig_command_get_label (command), ==, "Add Sub");
  apply_ok (f, command);
  g_assert_cmpstr (rig_command_get_created_id (command), ==, "d2");
  check_change (f, RIG_CHANGE_DEVICES_ADDED, "d2", "");
  {
    RigDevice *added = rig_document_find_device (f->doc, "d2");
    g_assert_cmpstr (added->label, ==, "Sub");
    g_assert_cmpfloat (added->overrides[RIG_FIGURE_NOMINAL_IMPEDANCE], ==, 4);
    g_assert_cmpfloat (added->x, ==, 5);
    g_assert_true (added != value);
  }

  undo_ok (f);
  check_change (f, RIG_CHANGE_DEVICES_REMOVED, "d2", "");
  g_assert_cmpuint (rig_document_get_n_devices (f->doc), ==, 1);
  redo_ok (f);
  g_assert_nonnull (rig_document_find_device (f->doc, "d2"));

  /* A free id is kept, and later fresh ids go past it. */
  g_free (value->id);
  value->id = g_strdup ("d50");
  command = apply_ok (f, rig_command_insert_device (value));
  g_assert_cmpstr (rig_command_get_created_id (command), ==, "d50");
  id = rig_document_new_device_id (f->doc);
  g_assert_cmpstr (id, ==, "d51");
  g_free (id);
}

static void
test_remove_devices (Fixture *f, gconstpointer data)
{
  const char *amp[] = { "d2", NULL };
  const char *two[] = { "d4", "d1", "d4", NULL };
  g_autoptr (RigDocument) start = NULL;
  RigCommand *command;

  build_stereo (f);
  add_device (f, f->c.headphones, NULL, 0, 200); /* d5, no cables */
  start = rig_document_copy (f->doc);

  /* The amplifier takes all three cables with it. */
  command = rig_command_remove_devices (amp);
  g_assert_cmpstr (rig_command_get_label (command), ==, "Delete d2");
  apply_ok (f, command);
  g_assert_cmpstr (rig_command_get_label (command), ==, "Delete Amplifier 1");
  check_change (f, RIG_CHANGE_DEVICES_REMOVED | RIG_CHANGE_CABLES_REMOVED, "d2,d1,d3,d4",
                "c1,c2,c3");
  g_assert_cmpuint (rig_document_get_n_devices (f->doc), ==, 4);
  g_assert_cmpuint (rig_document_get_n_cables (f->doc), ==, 0);
  g_assert_null (rig_document_find_device (f->doc, "d2"));
  g_assert_cmpuint (rig_document_get_device_cables (f->doc, "d3")->len, ==, 0);
  check_indexes (f->doc);

  undo_ok (f);
  check_change (f, RIG_CHANGE_DEVICES_ADDED | RIG_CHANGE_CABLES_ADDED, "d2,d1,d3,d4", "c1,c2,c3");
  g_assert_true (rig_document_content_equal (f->doc, start));
  g_assert_cmpint (rig_document_device_index (f->doc, "d2"), ==, 1);
  g_assert_cmpuint (rig_document_get_device_cables (f->doc, "d2")->len, ==, 3);
  check_indexes (f->doc);

  redo_ok (f);
  g_assert_cmpuint (rig_document_get_n_cables (f->doc), ==, 0);
  undo_ok (f);
  g_assert_true (rig_document_content_equal (f->doc, start));

  /* Two devices out of the middle and the ends; repeats count once. Each
   * comes back where it was, and so does every cable. */
  command = apply_ok (f, rig_command_remove_devices (two));
  g_assert_cmpstr (rig_command_get_label (command), ==, "Delete 2 Devices");
  check_change (f, RIG_CHANGE_DEVICES_REMOVED | RIG_CHANGE_CABLES_REMOVED, "d1,d4,d2", "c1,c3");
  g_assert_cmpuint (rig_document_get_n_devices (f->doc), ==, 3);
  g_assert_cmpstr (rig_document_get_device (f->doc, 0)->id, ==, "d2");
  g_assert_cmpstr (rig_document_get_cable (f->doc, 0)->id, ==, "c2");
  check_indexes (f->doc);
  undo_ok (f);
  g_assert_true (rig_document_content_equal (f->doc, start));
  check_indexes (f->doc);
}

static void
test_move_devices (Fixture *f, gconstpointer data)
{
  const char *one[] = { "d1", NULL };
  const char *three[] = { "d1", "d2", "d3", NULL };
  RigCommand *command;
  RigDevice *phone, *amp;

  build_stereo (f);
  phone = rig_document_find_device (f->doc, "d1");
  amp = rig_document_find_device (f->doc, "d2");

  command = rig_command_move_devices (one, 5, -7);
  g_assert_cmpstr (rig_command_get_label (command), ==, "Move d1");
  apply_ok (f, command);
  g_assert_cmpstr (rig_command_get_label (command), ==, "Move Phone");
  check_change (f, RIG_CHANGE_DEVICES_MOVED, "d1", "");
  g_assert_cmpfloat (phone->x, ==, 5);
  g_assert_cmpfloat (phone->y, ==, -7);
  undo_ok (f);
  check_change (f, RIG_CHANGE_DEVICES_MOVED, "d1", "");
  g_assert_cmpfloat (phone->x, ==, 0);
  g_assert_cmpfloat (phone->y, ==, 0);
  redo_ok (f);
  g_assert_cmpfloat (phone->x, ==, 5);

  rig_history_seal (f->history);
  command = apply_ok (f, rig_command_move_devices (three, 0.1, 0.2));
  g_assert_cmpstr (rig_command_get_label (command), ==, "Move 3 Devices");
  check_change (f, RIG_CHANGE_DEVICES_MOVED, "d1,d2,d3", "");
  g_assert_cmpfloat (amp->x, ==, 200.1);
  undo_ok (f);
  g_assert_cmpfloat (amp->x, ==, 200);
  g_assert_cmpfloat (phone->x, ==, 5);
  g_assert_cmpstr (rig_history_get_undo_label (f->history), ==, "Move Phone");
}

static void
test_move_merge (Fixture *f, gconstpointer data)
{
  const char *ab[] = { "d1", "d2", NULL };
  const char *ba[] = { "d2", "d1", NULL };
  const char *a[] = { "d1", NULL };
  g_autoptr (RigDocument) start = NULL;
  RigDevice *phone;

  build_stereo (f);
  rig_history_seal (f->history);
  start = rig_document_copy (f->doc);
  phone = rig_document_find_device (f->doc, "d1");

  /* A drag: many small moves of the same set, in any order, are one step. */
  for (guint i = 0; i < 10; i++)
    apply_ok (f, rig_command_move_devices (i % 2 ? ab : ba, 0.1, 1));
  g_assert_cmpfloat_with_epsilon (phone->x, 1, 1e-9);
  g_assert_cmpfloat (phone->y, ==, 10);
  g_assert_cmpstr (rig_history_get_undo_label (f->history), ==, "Move 2 Devices");
  undo_ok (f);
  g_assert_true (rig_document_content_equal (f->doc, start));
  g_assert_cmpstr (rig_history_get_undo_label (f->history), ==, "Connect Amplifier 1 to Speaker R");
  redo_ok (f);
  g_assert_cmpfloat (phone->y, ==, 10);
  undo_ok (f);

  /* Sealed: the next move is a step of its own. */
  apply_ok (f, rig_command_move_devices (a, 1, 0));
  rig_history_seal (f->history);
  apply_ok (f, rig_command_move_devices (a, 1, 0));
  /* Another set does not merge either. */
  apply_ok (f, rig_command_move_devices (ab, 1, 0));
  g_assert_cmpfloat (phone->x, ==, 3);
  undo_ok (f);
  g_assert_cmpfloat (phone->x, ==, 2);
  undo_ok (f);
  g_assert_cmpfloat (phone->x, ==, 1);
  undo_ok (f);
  g_assert_true (rig_document_content_equal (f->doc, start));

  /* Nor does a move after another command. */
  apply_ok (f, rig_command_move_devices (a, 1, 0));
  apply_ok (f, rig_command_set_device_label ("d1", "Pocket phone"));
  apply_ok (f, rig_command_move_devices (a, 1, 0));
  undo_ok (f);
  g_assert_cmpstr (rig_history_get_undo_label (f->history), ==, "Rename Phone");
  undo_ok (f);
  undo_ok (f);
  g_assert_true (rig_document_content_equal (f->doc, start));

  /* Nor across the save point: the saved state stays reachable. */
  apply_ok (f, rig_command_move_devices (a, 1, 0));
  rig_history_set_save_point (f->history);
  apply_ok (f, rig_command_move_devices (a, 1, 0));
  g_assert_true (rig_history_is_modified (f->history));
  apply_ok (f, rig_command_move_devices (a, 1, 0)); /* merges with the one before */
  g_assert_cmpfloat (phone->x, ==, 3);
  undo_ok (f);
  g_assert_cmpfloat (phone->x, ==, 1);
  g_assert_false (rig_history_is_modified (f->history));
  undo_ok (f);
  g_assert_true (rig_document_content_equal (f->doc, start));
  g_assert_true (rig_history_is_modified (f->history));
}

static void
test_set_device_label (Fixture *f, gconstpointer data)
{
  RigCommand *command;
  RigDevice *amp;

  build_stereo (f);
  amp = rig_document_find_device (f->doc, "d2");

  command = apply_ok (f, rig_command_set_device_label ("d2", "Stereo amp"));
  g_assert_cmpstr (rig_command_get_label (command), ==, "Rename Amplifier 1");
  check_change (f, RIG_CHANGE_DEVICES_CHANGED, "d2", "");
  g_assert_cmpstr (amp->label, ==, "Stereo amp");
  undo_ok (f);
  check_change (f, RIG_CHANGE_DEVICES_CHANGED, "d2", "");
  g_assert_cmpstr (amp->label, ==, "Amplifier 1");
  redo_ok (f);
  g_assert_cmpstr (amp->label, ==, "Stereo amp");

  /* NULL goes back to the model's name. */
  apply_ok (f, rig_command_set_device_label ("d1", NULL));
  g_assert_cmpstr (rig_document_find_device (f->doc, "d1")->label, ==, "Smartphone");
  undo_ok (f);
  g_assert_cmpstr (rig_document_find_device (f->doc, "d1")->label, ==, "Phone");

  apply_fails (f, rig_command_set_device_label ("d99", "Ghost"), RIG_ERROR_NOT_FOUND);
}

static void
test_set_device_figure (Fixture *f, gconstpointer data)
{
  RigCommand *command;
  RigDevice *speaker;

  build_stereo (f);
  speaker = rig_document_find_device (f->doc, "d3");

  command = apply_ok (f, rig_command_set_device_figure ("d3", RIG_FIGURE_NOMINAL_IMPEDANCE, 4));
  g_assert_cmpstr (rig_command_get_label (command), ==, "Change Impedance of Speaker L");
  check_change (f, RIG_CHANGE_DEVICES_CHANGED, "d3", "");
  g_assert_cmpfloat (speaker->overrides[RIG_FIGURE_NOMINAL_IMPEDANCE], ==, 4);
  g_assert_cmpfloat (rig_device_get_figure (speaker, RIG_FIGURE_NOMINAL_IMPEDANCE), ==, 4);
  undo_ok (f);
  check_change (f, RIG_CHANGE_DEVICES_CHANGED, "d3", "");
  g_assert_true (isnan (speaker->overrides[RIG_FIGURE_NOMINAL_IMPEDANCE]));
  g_assert_cmpfloat (rig_device_get_figure (speaker, RIG_FIGURE_NOMINAL_IMPEDANCE), ==, 8);
  redo_ok (f);
  g_assert_cmpfloat (speaker->overrides[RIG_FIGURE_NOMINAL_IMPEDANCE], ==, 4);

  /* NAN clears the override. */
  command = apply_ok (f, rig_command_set_device_figure ("d3", RIG_FIGURE_NOMINAL_IMPEDANCE, NAN));
  g_assert_cmpstr (rig_command_get_label (command), ==, "Reset Impedance of Speaker L");
  g_assert_true (isnan (speaker->overrides[RIG_FIGURE_NOMINAL_IMPEDANCE]));
  undo_ok (f);
  g_assert_cmpfloat (speaker->overrides[RIG_FIGURE_NOMINAL_IMPEDANCE], ==, 4);

  /* Implausible values are refused. */
  apply_fails (f, rig_command_set_device_figure ("d3", RIG_FIGURE_NOMINAL_IMPEDANCE, -8),
               RIG_ERROR_INVALID);
  apply_fails (f, rig_command_set_device_figure ("d2", RIG_FIGURE_BATTERY, 0.5), RIG_ERROR_INVALID);
  apply_fails (f, rig_command_set_device_figure ("d2", RIG_FIGURE_AMP_POWER, INFINITY),
               RIG_ERROR_INVALID);
  apply_fails (f, rig_command_set_device_figure ("d9", RIG_FIGURE_AMP_POWER, 20),
               RIG_ERROR_NOT_FOUND);
  apply_fails (f, rig_command_set_device_figure ("d3", RIG_N_FIGURES, NAN), RIG_ERROR_INVALID);
  g_assert_cmpfloat (speaker->overrides[RIG_FIGURE_NOMINAL_IMPEDANCE], ==, 4);
}

static void
test_add_cable (Fixture *f, gconstpointer data)
{
  RigCommand *command;
  RigCable *cable;
  RigCableSpec expected, custom;

  add_device (f, f->c.phone, "Phone", 0, 0);
  add_device (f, f->c.amp, NULL, 0, 0);
  add_device (f, f->c.headphones, NULL, 0, 0);

  command = rig_command_add_cable ("d1", "hp", "d2", "in", NULL, NULL);
  g_assert_cmpstr (rig_command_get_label (command), ==, "Connect d1 to d2");
  apply_ok (f, command);
  g_assert_cmpstr (rig_command_get_label (command), ==, "Connect Phone to Amplifier 1");
  g_assert_cmpstr (rig_command_get_created_id (command), ==, "c1");
  check_change (f, RIG_CHANGE_CABLES_ADDED, "d1,d2", "c1");

  cable = rig_document_find_cable (f->doc, "c1");
  g_assert_cmpstr (cable->number, ==, "A-001");
  g_assert_cmpstr (cable->device[RIG_END_FROM], ==, "d1");
  g_assert_cmpstr (cable->jack[RIG_END_FROM], ==, "hp");
  g_assert_cmpstr (cable->device[RIG_END_TO], ==, "d2");
  g_assert_cmpstr (cable->jack[RIG_END_TO], ==, "in");
  rig_cable_spec_init_for_jacks (&expected, rig_device_model_find_jack (f->c.phone, "hp"),
                                 rig_device_model_find_jack (f->c.amp, "in"));
  g_assert_true (rig_cable_spec_equal (&cable->spec, &expected));
  rig_cable_spec_clear (&expected);
  g_assert_cmpuint (rig_document_get_device_cables (f->doc, "d1")->len, ==, 1);

  undo_ok (f);
  check_change (f, RIG_CHANGE_CABLES_REMOVED, "d1,d2", "c1");
  g_assert_cmpuint (rig_document_get_n_cables (f->doc), ==, 0);
  g_assert_cmpuint (rig_document_get_device_cables (f->doc, "d1")->len, ==, 0);
  redo_ok (f);
  check_change (f, RIG_CHANGE_CABLES_ADDED, "d1,d2", "c1");
  g_assert_cmpstr (rig_document_get_cable (f->doc, 0)->id, ==, "c1");
  g_assert_cmpstr (rig_document_get_cable (f->doc, 0)->number, ==, "A-001");

  /* A jack that takes one plug holds one cable (rig-document-rules.h): the
   * loader refuses a file with two, so no command may make one. */
  apply_fails (f, rig_command_add_cable ("d1", "hp", "d3", "plug", NULL, NULL), RIG_ERROR_OCCUPIED);
  apply_fails (f, rig_command_add_cable ("d3", "plug", "d2", "in", NULL, NULL), RIG_ERROR_OCCUPIED);
  /* Nor may a cable join a jack to itself. */
  apply_fails (f, rig_command_add_cable ("d3", "plug", "d3", "plug", NULL, NULL),
               RIG_ERROR_INVALID);

  /* A given spec and number are used as they are. */
  add_device (f, f->c.phone, "Second phone", 0, 0);
  rig_cable_spec_init (&custom, RIG_CABLE_KIND_DIRECT);
  custom.length_m = 0;
  command = apply_ok (f, rig_command_add_cable ("d4", "hp", "d3", "plug", &custom, "H-7"));
  cable = rig_document_find_cable (f->doc, rig_command_get_created_id (command));
  g_assert_cmpstr (cable->number, ==, "H-7");
  g_assert_true (rig_cable_spec_equal (&cable->spec, &custom));
  rig_cable_spec_clear (&custom);

  /* Ends that do not exist. */
  apply_fails (f, rig_command_add_cable ("d9", "hp", "d2", "in", NULL, NULL), RIG_ERROR_NOT_FOUND);
  apply_fails (f, rig_command_add_cable ("d1", "hp", "d9", "in", NULL, NULL), RIG_ERROR_NOT_FOUND);
  apply_fails (f, rig_command_add_cable ("d1", "aux", "d2", "in", NULL, NULL), RIG_ERROR_NOT_FOUND);
  apply_fails (f, rig_command_add_cable ("d1", "hp", "d2", "spk-x", NULL, NULL),
               RIG_ERROR_NOT_FOUND);
  apply_fails (f, rig_command_add_cable ("d1", "hp", "d2", NULL, NULL, NULL), RIG_ERROR_NOT_FOUND);
  check_indexes (f->doc);
}

static void
test_insert_cable (Fixture *f, gconstpointer data)
{
  g_autoptr (RigCable) value = NULL;
  RigCommand *command;
  RigCable *cable;

  build_stereo (f);

  /* Pasting c2: the id is taken, so a fresh one; the number is kept. */
  value = rig_cable_copy (rig_document_find_cable (f->doc, "c2"));
  value->spec.length_m = 3;
  command = rig_command_insert_cable (value);
  g_assert_cmpstr (rig_command_get_label (command), ==, "Connect d2 to d3");
  apply_ok (f, command);
  g_assert_cmpstr (rig_command_get_label (command), ==, "Connect Amplifier 1 to Speaker L");
  g_assert_cmpstr (rig_command_get_created_id (command), ==, "c4");
  check_change (f, RIG_CHANGE_CABLES_ADDED, "d2,d3", "c4");
  cable = rig_document_get_cable (f->doc, 3);
  g_assert_cmpstr (cable->id, ==, "c4");
  g_assert_cmpstr (cable->number, ==, "S-001");
  g_assert_cmpfloat (cable->spec.length_m, ==, 3);
  g_assert_cmpuint (rig_document_get_device_cables (f->doc, "d3")->len, ==, 2);
  undo_ok (f);
  check_change (f, RIG_CHANGE_CABLES_REMOVED, "d2,d3", "c4");
  g_assert_cmpuint (rig_document_get_n_cables (f->doc), ==, 3);
  redo_ok (f);
  g_assert_cmpstr (rig_document_get_cable (f->doc, 3)->id, ==, "c4");

  /* A free id is kept; no number takes a fresh one. */
  g_free (value->id);
  value->id = g_strdup ("c20");
  g_clear_pointer (&value->number, g_free);
  command = apply_ok (f, rig_command_insert_cable (value));
  g_assert_cmpstr (rig_command_get_created_id (command), ==, "c20");
  g_assert_cmpstr (rig_document_find_cable (f->doc, "c20")->number, ==, "S-003");
  add_cable (f, "d1", "usb", "d2", "mains");
  g_assert_nonnull (rig_document_find_cable (f->doc, "c21"));

  /* Ends that do not exist. */
  g_free (value->device[RIG_END_TO]);
  value->device[RIG_END_TO] = g_strdup ("d42");
  apply_fails (f, rig_command_insert_cable (value), RIG_ERROR_NOT_FOUND);
  g_free (value->device[RIG_END_TO]);
  value->device[RIG_END_TO] = g_strdup ("d3");
  g_free (value->jack[RIG_END_FROM]);
  value->jack[RIG_END_FROM] = g_strdup ("nope");
  apply_fails (f, rig_command_insert_cable (value), RIG_ERROR_NOT_FOUND);
  check_indexes (f->doc);
}

static void
test_remove_cables (Fixture *f, gconstpointer data)
{
  const char *one[] = { "c2", NULL };
  const char *two[] = { "c3", "c1", NULL };
  const char *bad[] = { "c1", "c9", NULL };
  g_autoptr (RigDocument) start = NULL;
  RigCommand *command;

  build_stereo (f);
  start = rig_document_copy (f->doc);

  command = rig_command_remove_cables (one);
  g_assert_cmpstr (rig_command_get_label (command), ==, "Delete Cable");
  apply_ok (f, command);
  g_assert_cmpstr (rig_command_get_label (command), ==, "Delete Cable S-001");
  check_change (f, RIG_CHANGE_CABLES_REMOVED, "d2,d3", "c2");
  g_assert_cmpuint (rig_document_get_n_cables (f->doc), ==, 2);
  g_assert_cmpuint (rig_document_get_n_devices (f->doc), ==, 4);
  g_assert_cmpuint (rig_document_get_device_cables (f->doc, "d3")->len, ==, 0);
  check_indexes (f->doc);
  undo_ok (f);
  check_change (f, RIG_CHANGE_CABLES_ADDED, "d2,d3", "c2");
  g_assert_true (rig_document_content_equal (f->doc, start));
  check_indexes (f->doc);

  command = apply_ok (f, rig_command_remove_cables (two));
  g_assert_cmpstr (rig_command_get_label (command), ==, "Delete 2 Cables");
  check_change (f, RIG_CHANGE_CABLES_REMOVED, "d1,d2,d4", "c1,c3");
  g_assert_cmpuint (rig_document_get_n_cables (f->doc), ==, 1);
  undo_ok (f);
  g_assert_true (rig_document_content_equal (f->doc, start));
  check_indexes (f->doc);
  redo_ok (f);
  g_assert_cmpstr (rig_document_get_cable (f->doc, 0)->id, ==, "c2");
  undo_ok (f);

  /* One unknown id: nothing is removed. */
  apply_fails (f, rig_command_remove_cables (bad), RIG_ERROR_NOT_FOUND);
  g_assert_cmpuint (rig_document_get_n_cables (f->doc), ==, 3);
}

static void
test_set_cable_spec (Fixture *f, gconstpointer data)
{
  RigCableSpec spec, before;
  RigCommand *command;
  RigCable *cable;

  build_stereo (f);
  cable = rig_document_find_cable (f->doc, "c2");
  rig_cable_spec_copy (&before, &cable->spec);

  rig_cable_spec_copy (&spec, &cable->spec);
  spec.length_m = 2.5;
  spec.gauge_awg = 14;
  rig_cable_spec_add_adapter (&spec, f->c.adapter, RIG_END_FROM);
  command = apply_ok (f, rig_command_set_cable_spec ("c2", &spec));
  g_assert_cmpstr (rig_command_get_label (command), ==, "Change Cable S-001");
  check_change (f, RIG_CHANGE_CABLES_CHANGED, "d2,d3", "c2");
  g_assert_true (rig_cable_spec_equal (&cable->spec, &spec));
  g_assert_cmpuint (cable->spec.n_adapters, ==, 1);

  undo_ok (f);
  check_change (f, RIG_CHANGE_CABLES_CHANGED, "d2,d3", "c2");
  g_assert_true (rig_cable_spec_equal (&cable->spec, &before));
  redo_ok (f);
  g_assert_true (rig_cable_spec_equal (&cable->spec, &spec));

  apply_fails (f, rig_command_set_cable_spec ("c7", &spec), RIG_ERROR_NOT_FOUND);
  rig_cable_spec_clear (&spec);
  rig_cable_spec_clear (&before);
}

static void
test_set_cable_number (Fixture *f, gconstpointer data)
{
  RigCommand *command;
  RigCable *cable;

  build_stereo (f);
  cable = rig_document_find_cable (f->doc, "c1");

  command = apply_ok (f, rig_command_set_cable_number ("c1", "A-007"));
  g_assert_cmpstr (rig_command_get_label (command), ==, "Renumber Cable A-001");
  check_change (f, RIG_CHANGE_CABLES_CHANGED, "d1,d2", "c1");
  g_assert_cmpstr (cable->number, ==, "A-007");
  undo_ok (f);
  check_change (f, RIG_CHANGE_CABLES_CHANGED, "d1,d2", "c1");
  g_assert_cmpstr (cable->number, ==, "A-001");
  redo_ok (f);
  g_assert_cmpstr (cable->number, ==, "A-007");

  apply_fails (f, rig_command_set_cable_number ("c0", "A-002"), RIG_ERROR_NOT_FOUND);
}

static void
test_reconnect_cable (Fixture *f, gconstpointer data)
{
  g_autoptr (RigDocument) start = NULL;
  g_autoptr (GPtrArray) out = g_ptr_array_new ();
  RigCommand *command;
  RigCable *cable;

  build_stereo (f);
  add_device (f, f->c.speaker, "Centre", 400, 0); /* d5 */
  start = rig_document_copy (f->doc);
  cable = rig_document_find_cable (f->doc, "c2");

  /* Speaker L's cable moves to the centre speaker. */
  command = apply_ok (f, rig_command_reconnect_cable ("c2", RIG_END_TO, "d5", "in"));
  g_assert_cmpstr (rig_command_get_label (command), ==, "Reconnect Cable S-001");
  check_change (f, RIG_CHANGE_CABLES_CHANGED, "d2,d3,d5", "c2");
  g_assert_cmpstr (cable->device[RIG_END_TO], ==, "d5");
  g_assert_cmpuint (rig_document_get_device_cables (f->doc, "d3")->len, ==, 0);
  g_assert_cmpuint (rig_document_get_device_cables (f->doc, "d5")->len, ==, 1);
  g_assert_cmpuint (rig_document_get_jack_cables (f->doc, "d5", "in", out), ==, 1);
  check_indexes (f->doc);

  undo_ok (f);
  check_change (f, RIG_CHANGE_CABLES_CHANGED, "d2,d3,d5", "c2");
  g_assert_true (rig_document_content_equal (f->doc, start));
  g_assert_cmpuint (rig_document_get_device_cables (f->doc, "d5")->len, ==, 0);
  check_indexes (f->doc);

  /* The other end, to another jack of the same device. */
  apply_ok (f, rig_command_reconnect_cable ("c2", RIG_END_FROM, "d2", "spk-r"));
  check_change (f, RIG_CHANGE_CABLES_CHANGED, "d2,d3", "c2");
  g_assert_cmpuint (rig_document_get_jack_cables (f->doc, "d2", "spk-r", out), ==, 2);
  g_assert_cmpuint (rig_document_get_device_cables (f->doc, "d2")->len, ==, 3);
  undo_ok (f);
  g_assert_true (rig_document_content_equal (f->doc, start));

  /* Not to a jack that holds another cable (the amplifier's input). */
  apply_fails (f, rig_command_reconnect_cable ("c2", RIG_END_TO, "d2", "in"), RIG_ERROR_OCCUPIED);

  /* Both ends on one device (a loop) is listed once for it. */
  apply_ok (f, rig_command_reconnect_cable ("c2", RIG_END_TO, "d2", "mains"));
  g_assert_cmpuint (rig_document_get_device_cables (f->doc, "d2")->len, ==, 3);
  check_indexes (f->doc);
  undo_ok (f);
  check_indexes (f->doc);

  apply_fails (f, rig_command_reconnect_cable ("c2", RIG_END_TO, "d8", "in"), RIG_ERROR_NOT_FOUND);
  apply_fails (f, rig_command_reconnect_cable ("c2", RIG_END_TO, "d5", "out"), RIG_ERROR_NOT_FOUND);
  apply_fails (f, rig_command_reconnect_cable ("c8", RIG_END_TO, "d5", "in"), RIG_ERROR_NOT_FOUND);
  apply_fails (f, rig_command_reconnect_cable ("c2", 2, "d5", "in"), RIG_ERROR_INVALID);
}

static void
test_set_metadata (Fixture *f, gconstpointer data)
{
  RigCommand *command;

  command = apply_ok (f, rig_command_set_metadata ("Den", NULL, NULL));
  g_assert_cmpstr (rig_command_get_label (command), ==, "Change Title");
  check_change (f, RIG_CHANGE_METADATA, "", "");
  g_assert_cmpstr (rig_document_get_title (f->doc), ==, "Den");

  command = apply_ok (f, rig_command_set_metadata (NULL, "Sam", "Spare fuses"));
  g_assert_cmpstr (rig_command_get_label (command), ==, "Change Rig Details");
  g_assert_cmpstr (rig_document_get_title (f->doc), ==, "Den");
  g_assert_cmpstr (rig_document_get_author (f->doc), ==, "Sam");
  g_assert_cmpstr (rig_document_get_notes (f->doc), ==, "Spare fuses");

  undo_ok (f);
  check_change (f, RIG_CHANGE_METADATA, "", "");
  g_assert_cmpstr (rig_document_get_title (f->doc), ==, "Den");
  g_assert_cmpstr (rig_document_get_author (f->doc), ==, "");
  g_assert_cmpstr (rig_document_get_notes (f->doc), ==, "");
  undo_ok (f);
  g_assert_cmpstr (rig_document_get_title (f->doc), ==, "");
  redo_ok (f);
  redo_ok (f);
  g_assert_cmpstr (rig_document_get_notes (f->doc), ==, "Spare fuses");

  command = apply_ok (f, rig_command_set_metadata (NULL, NULL, ""));
  g_assert_cmpstr (rig_command_get_label (command), ==, "Change Notes");
  g_assert_cmpstr (rig_document_get_notes (f->doc), ==, "");
  command = apply_ok (f, rig_command_set_metadata (NULL, "Alex", NULL));
  g_assert_cmpstr (rig_command_get_label (command), ==, "Change Author");

  /* The revision: its own step, leaving the rest. */
  command = apply_ok (f, rig_command_set_revision ("C"));
  g_assert_cmpstr (rig_command_get_label (command), ==, "Change Revision");
  check_change (f, RIG_CHANGE_METADATA, "", "");
  g_assert_cmpstr (rig_document_get_revision (f->doc), ==, "C");
  g_assert_cmpstr (rig_document_get_author (f->doc), ==, "Alex");
  undo_ok (f);
  g_assert_cmpstr (rig_document_get_revision (f->doc), ==, "");
  redo_ok (f);
  rig_test_assert_round_trip (f->doc);
}

/* The rig's listening distance: set, unset (NAN), undone to what it was; a
 * distance no rig can have is refused and changes nothing. */
static void
test_set_listening_distance (Fixture *f, gconstpointer data)
{
  RigCommand *command;

  g_assert_true (isnan (rig_document_get_listening_distance (f->doc)));
  command = apply_ok (f, rig_command_set_listening_distance (3.5));
  g_assert_cmpstr (rig_command_get_label (command), ==, "Change Listening Distance");
  check_change (f, RIG_CHANGE_SETTINGS, "", "");
  g_assert_cmpfloat (rig_document_get_listening_distance (f->doc), ==, 3.5);
  apply_ok (f, rig_command_set_listening_distance (NAN));
  g_assert_true (isnan (rig_document_get_listening_distance (f->doc)));
  undo_ok (f);
  g_assert_cmpfloat (rig_document_get_listening_distance (f->doc), ==, 3.5);
  undo_ok (f);
  g_assert_true (isnan (rig_document_get_listening_distance (f->doc)));
  redo_ok (f);
  g_assert_cmpfloat (rig_document_get_listening_distance (f->doc), ==, 3.5);

  apply_fails (f, rig_command_set_listening_distance (-1), RIG_ERROR_INVALID);
  apply_fails (f, rig_command_set_listening_distance (INFINITY), RIG_ERROR_INVALID);
  g_assert_cmpfloat (rig_document_get_listening_distance (f->doc), ==, 3.5);
  rig_test_assert_round_trip (f->doc);
}

static void
test_group (Fixture *f, gconstpointer data)
{
  const char *speakers[] = { "d3", "d4", NULL };
  g_autoptr (RigDocument) start = NULL;
  RigCommand *children[4];
  RigCommand *command;

  build_stereo (f);
  start = rig_document_copy (f->doc);

  /* Add headphones, plug them in, move the speakers: one step. */
  children[0] = rig_command_add_device (f->c.headphones, "Cans", 0, 300);
  /* (The phone's headset jack already holds c1: its USB port is free.) */
  children[1] = rig_command_add_cable ("d1", "usb", "d5", "plug", NULL, NULL);
  children[2] = rig_command_move_devices (speakers, 10, 0);
  children[3] = rig_command_set_metadata ("Desk", NULL, NULL);
  command = apply_ok (f, rig_command_group ("Set Up Desk", children, 4));
  g_assert_cmpstr (rig_command_get_label (command), ==, "Set Up Desk");
  g_assert_cmpstr (rig_command_get_created_id (children[0]), ==, "d5");
  g_assert_cmpstr (rig_command_get_label (children[1]), ==, "Connect Phone to Cans");
  check_change (f,
                RIG_CHANGE_DEVICES_ADDED | RIG_CHANGE_CABLES_ADDED | RIG_CHANGE_DEVICES_MOVED
                    | RIG_CHANGE_METADATA,
                "d5,d1,d3,d4", "c4");
  g_assert_cmpuint (rig_document_get_n_devices (f->doc), ==, 5);
  g_assert_cmpuint (rig_document_get_n_cables (f->doc), ==, 4);
  g_assert_cmpstr (rig_document_find_cable (f->doc, "c4")->number, ==, "D-001");
  g_assert_cmpstr (rig_document_get_title (f->doc), ==, "Desk");

  undo_ok (f);
  check_change (f,
                RIG_CHANGE_DEVICES_REMOVED | RIG_CHANGE_CABLES_REMOVED | RIG_CHANGE_DEVICES_MOVED
                    | RIG_CHANGE_METADATA,
                "d5,d1,d3,d4", "c4");
  g_assert_true (rig_document_content_equal (f->doc, start));
  g_assert_cmpstr (rig_history_get_redo_label (f->history), ==, "Set Up Desk");
  redo_ok (f);
  g_assert_cmpstr (rig_document_find_device (f->doc, "d5")->label, ==, "Cans");
  g_assert_cmpstr (rig_document_find_cable (f->doc, "c4")->number, ==, "D-001");
  undo_ok (f);

  /* Without a label: the only child's, or a generic one. */
  children[0] = rig_command_set_device_label ("d1", "Tablet");
  command = apply_ok (f, rig_command_group (NULL, children, 1));
  g_assert_cmpstr (rig_command_get_label (command), ==, "Rename Phone");
  children[0] = rig_command_set_device_label ("d1", "Laptop");
  children[1] = rig_command_set_device_label ("d2", "Receiver");
  command = apply_ok (f, rig_command_group (NULL, children, 2));
  g_assert_cmpstr (rig_command_get_label (command), ==, "Edit");
  undo_ok (f);
  undo_ok (f);
  g_assert_true (rig_document_content_equal (f->doc, start));
}

static void
test_group_rollback (Fixture *f, gconstpointer data)
{
  const char *amp[] = { "d2", NULL };
  g_autoptr (RigDocument) start = NULL;
  RigCommand *children[5];
  RigCommand *inner[2];
  RigCommand *command;

  build_stereo (f);
  apply_ok (f, rig_command_set_metadata ("Den", NULL, NULL));
  undo_ok (f); /* leaves something to redo */
  start = rig_document_copy (f->doc);

  /* The fourth child fails: the three before it are reverted, in reverse,
   * including a removal that took cables away. */
  children[0] = rig_command_add_device (f->c.speaker, NULL, 0, 0);
  children[1] = rig_command_set_device_label ("d1", "Tablet");
  children[2] = rig_command_remove_devices (amp);
  children[3] = rig_command_set_device_figure ("d3", RIG_FIGURE_NOMINAL_IMPEDANCE, -1);
  children[4] = rig_command_set_metadata ("Never", NULL, NULL);
  apply_fails (f, rig_command_group ("Broken", children, 5), RIG_ERROR_INVALID);
  g_assert_true (rig_document_content_equal (f->doc, start));
  check_indexes (f->doc);
  g_assert_cmpstr (rig_history_get_redo_label (f->history), ==, "Change Title");

  /* Nested: an inner group that fails rolls back the outer one too. */
  inner[0] = rig_command_set_device_label ("d3", "Left");
  inner[1] = rig_command_add_cable ("d1", "hp", "d42", "in", NULL, NULL);
  children[0] = rig_command_move_devices (amp, 3, 3);
  children[1] = rig_command_group (NULL, inner, 2);
  apply_fails (f, rig_command_group ("Nested", children, 2), RIG_ERROR_NOT_FOUND);
  g_assert_true (rig_document_content_equal (f->doc, start));

  /* An empty group is a step that changes nothing. */
  command = apply_ok (f, rig_command_group ("Nothing", NULL, 0));
  g_assert_cmphex (f->last->flags, ==, 0);
  g_assert_cmpstr (rig_command_get_label (command), ==, "Nothing");
  g_assert_false (rig_history_can_redo (f->history));
}

static void
test_failed_apply (Fixture *f, gconstpointer data)
{
  const char *some_unknown[] = { "d1", "d77", NULL };
  const char *unknown_cables[] = { "c9", NULL };
  RigCableSpec spec;

  build_stereo (f);
  apply_ok (f, rig_command_set_device_label ("d1", "Tablet"));
  undo_ok (f);

  /* Every failure keeps the document, the redo step, and emits nothing. */
  apply_fails (f, rig_command_remove_devices (some_unknown), RIG_ERROR_NOT_FOUND);
  apply_fails (f, rig_command_move_devices (some_unknown, 1, 1), RIG_ERROR_NOT_FOUND);
  apply_fails (f, rig_command_remove_cables (unknown_cables), RIG_ERROR_NOT_FOUND);
  apply_fails (f, rig_command_set_device_label ("x", "y"), RIG_ERROR_NOT_FOUND);
  rig_cable_spec_init (&spec, RIG_CABLE_KIND_CABLE);
  apply_fails (f, rig_command_set_cable_spec ("c9", &spec), RIG_ERROR_NOT_FOUND);
  rig_cable_spec_clear (&spec);
  g_assert_cmpstr (rig_history_get_redo_label (f->history), ==, "Rename Phone");
  g_assert_cmpstr (rig_history_get_undo_label (f->history), ==, "Connect Amplifier 1 to Speaker R");
  g_assert_cmpstr (rig_document_find_device (f->doc, "d1")->label, ==, "Phone");
  redo_ok (f);
  g_assert_cmpstr (rig_document_find_device (f->doc, "d1")->label, ==, "Tablet");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func)                                                                            \
  g_test_add ("/history/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("command/add-device", test_add_device);
  ADD ("command/add-device-labels", test_add_device_labels);
  ADD ("command/set-listening-distance", test_set_listening_distance);
  ADD ("command/insert-device", test_insert_device);
  ADD ("command/remove-devices", test_remove_devices);
  ADD ("command/move-devices", test_move_devices);
  ADD ("command/move-merge", test_move_merge);
  ADD ("command/set-device-label", test_set_device_label);
  ADD ("command/set-device-figure", test_set_device_figure);
  ADD ("command/add-cable", test_add_cable);
  ADD ("command/insert-cable", test_insert_cable);
  ADD ("command/remove-cables", test_remove_cables);
  ADD ("command/set-cable-spec", test_set_cable_spec);
  ADD ("command/set-cable-number", test_set_cable_number);
  ADD ("command/reconnect-cable", test_reconnect_cable);
  ADD ("command/set-metadata", test_set_metadata);
  ADD ("command/group", test_group);
  ADD ("command/group-rollback", test_group_rollback);
  ADD ("command/failed-apply", test_failed_apply);
#undef ADD

  return g_test_run ();
}
