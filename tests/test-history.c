/* test-history.c: the rig document, the edit commands and undo/redo. */
#include "config.h"

#include <math.h>

#include "rig-command.h"
#include "rig-document-private.h"
#include "rig-error.h"
#include "rig-format.h"
#include "rig-history.h"

/* ---- a small catalog ---------------------------------------------------- */

typedef struct
{
  RigDeviceModel *phone;
  RigDeviceModel *amp;
  RigDeviceModel *speaker;
  RigDeviceModel *headphones;
  RigDeviceModel *dac;
  RigDeviceModel *strip;
  RigDeviceModel *adapter;
} Catalog;

static RigJack
plain_jack (const char *id, RigConnector connector, RigGender gender, RigDirection direction,
            RigSignal signal)
{
  RigJack jack;

  rig_jack_init (&jack);
  jack.id = (char *) id;
  jack.name = (char *) id;
  jack.connector = connector;
  jack.gender = gender;
  jack.direction = direction;
  jack.signal = signal;
  jack.channels = 2;
  return jack;
}

static RigJack
phone_jack (const char *id, RigWiring wiring, RigGender gender, RigDirection direction,
            RigSignal signal)
{
  RigJack jack = plain_jack (id, RIG_CONNECTOR_PHONE, gender, direction, signal);

  jack.size = RIG_PHONE_SIZE_3_5;
  jack.wiring = wiring;
  jack.poles = rig_wiring_poles (wiring);
  return jack;
}

static void
add (RigDeviceModel *model, RigJack jack)
{
  rig_device_model_add_jack (model, &jack);
}

static void
catalog_init (Catalog *c)
{
  RigJack spk;
  g_autoptr (GError) error = NULL;
  RigDeviceModel *all[7];

  c->phone = rig_device_model_new ("phone", "Smartphone", RIG_CATEGORY_SOURCE);
  add (c->phone, phone_jack ("hp", RIG_WIRING_HEADSET_CTIA, RIG_GENDER_SOCKET, RIG_DIRECTION_BOTH,
                             RIG_SIGNAL_HEADPHONE));
  add (c->phone, plain_jack ("usb", RIG_CONNECTOR_USB_C, RIG_GENDER_SOCKET, RIG_DIRECTION_BOTH,
                             RIG_SIGNAL_USB_AUDIO));

  c->amp = rig_device_model_new ("amp", "Amplifier", RIG_CATEGORY_AMPLIFIER);
  add (c->amp, phone_jack ("in", RIG_WIRING_STEREO, RIG_GENDER_SOCKET, RIG_DIRECTION_IN,
                           RIG_SIGNAL_LINE_CONSUMER));
  spk = plain_jack ("spk-l", RIG_CONNECTOR_SPEAKER_TERMINAL, RIG_GENDER_SOCKET, RIG_DIRECTION_OUT,
                    RIG_SIGNAL_SPEAKER);
  spk.channels = 1;
  spk.ratings[0] = (RigPowerRating){ 8, 50 };
  spk.n_ratings = 1;
  add (c->amp, spk);
  spk.id = spk.name = (char *) "spk-r";
  add (c->amp, spk);
  add (c->amp, plain_jack ("mains", RIG_CONNECTOR_IEC, RIG_GENDER_SOCKET, RIG_DIRECTION_IN,
                           RIG_SIGNAL_POWER));
  rig_device_model_add_route (c->amp, "in", "spk-l");
  rig_device_model_add_route (c->amp, "in", "spk-r");
  c->amp->figures[RIG_FIGURE_POWER_SOURCE] = RIG_POWER_SOURCE_MAINS;

  c->speaker = rig_device_model_new ("speaker", "Speaker", RIG_CATEGORY_PASSIVE_SPEAKER);
  spk = plain_jack ("in", RIG_CONNECTOR_SPEAKER_TERMINAL, RIG_GENDER_SOCKET, RIG_DIRECTION_IN,
                    RIG_SIGNAL_SPEAKER);
  spk.channels = 1;
  add (c->speaker, spk);
  c->speaker->figures[RIG_FIGURE_NOMINAL_IMPEDANCE] = 8;
  c->speaker->figures[RIG_FIGURE_POWER_HANDLING] = 60;

  c->headphones = rig_device_model_new ("headphones", "Headphones", RIG_CATEGORY_HEADPHONES);
  add (c->headphones, phone_jack ("plug", RIG_WIRING_STEREO, RIG_GENDER_PLUG, RIG_DIRECTION_IN,
                                  RIG_SIGNAL_HEADPHONE));
  c->headphones->figures[RIG_FIGURE_NOMINAL_IMPEDANCE] = 32;

  c->dac = rig_device_model_new ("dac", "USB DAC", RIG_CATEGORY_CONVERTER);
  add (c->dac, plain_jack ("usb", RIG_CONNECTOR_USB_C, RIG_GENDER_SOCKET, RIG_DIRECTION_IN,
                           RIG_SIGNAL_USB_AUDIO));
  add (c->dac, plain_jack ("out", RIG_CONNECTOR_RCA, RIG_GENDER_SOCKET, RIG_DIRECTION_OUT,
                           RIG_SIGNAL_LINE_CONSUMER));
  rig_device_model_add_route (c->dac, "usb", "out");

  c->strip = rig_device_model_new ("strip", "Power strip", RIG_CATEGORY_POWER);
  add (c->strip, plain_jack ("out1", RIG_CONNECTOR_IEC, RIG_GENDER_SOCKET, RIG_DIRECTION_OUT,
                             RIG_SIGNAL_POWER));
  add (c->strip, plain_jack ("out2", RIG_CONNECTOR_IEC, RIG_GENDER_SOCKET, RIG_DIRECTION_OUT,
                             RIG_SIGNAL_POWER));

  c->adapter
      = rig_device_model_new ("adapter-35-635", "3.5 mm to 6.35 mm adapter", RIG_CATEGORY_ADAPTER);

  all[0] = c->phone, all[1] = c->amp, all[2] = c->speaker, all[3] = c->headphones;
  all[4] = c->dac, all[5] = c->strip, all[6] = c->adapter;
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_assert_true (rig_device_model_validate (all[i], &error));
      g_assert_no_error (error);
    }
}

static void
catalog_clear (Catalog *c)
{
  g_clear_pointer (&c->phone, rig_device_model_unref);
  g_clear_pointer (&c->amp, rig_device_model_unref);
  g_clear_pointer (&c->speaker, rig_device_model_unref);
  g_clear_pointer (&c->headphones, rig_device_model_unref);
  g_clear_pointer (&c->dac, rig_device_model_unref);
  g_clear_pointer (&c->strip, rig_device_model_unref);
  g_clear_pointer (&c->adapter, rig_device_model_unref);
}

/* ---- the fixture: a document, its history, and what it emitted ---------- */

typedef struct
{
  Catalog c;
  RigDocument *doc;
  RigHistory *history;
  guint n_changed;
  RigChange *last;      /* a copy of the last change emitted */
  char *undo_label;     /* the history's undo label as "changed" was emitted */
  guint n_modified;     /* notify::modified on the history */
  guint n_can_undo;
  guint n_can_redo;
  guint n_undo_label;
} Fixture;

static void
on_changed (RigDocument *doc, const RigChange *change, Fixture *f)
{
  g_assert_nonnull (change);
  f->n_changed++;
  g_clear_pointer (&f->last, rig_change_free);
  f->last = rig_change_new ();
  rig_change_merge (f->last, change);
  g_free (f->undo_label);
  f->undo_label = g_strdup (rig_history_get_undo_label (f->history));
}

static void
on_notify (GObject *object, GParamSpec *pspec, guint *counter)
{
  (*counter)++;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  catalog_init (&f->c);
  f->doc = rig_document_new ();
  f->history = rig_history_new (f->doc);
  g_assert_true (RIG_IS_HISTORY (f->history));
  g_assert_true (rig_history_get_document (f->history) == f->doc);
  g_assert_false (rig_history_is_modified (f->history));
  g_assert_false (rig_history_can_undo (f->history));
  g_signal_connect (f->doc, "changed", G_CALLBACK (on_changed), f);
  g_signal_connect (f->history, "notify::modified", G_CALLBACK (on_notify), &f->n_modified);
  g_signal_connect (f->history, "notify::can-undo", G_CALLBACK (on_notify), &f->n_can_undo);
  g_signal_connect (f->history, "notify::can-redo", G_CALLBACK (on_notify), &f->n_can_redo);
  g_signal_connect (f->history, "notify::undo-label", G_CALLBACK (on_notify), &f->n_undo_label);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  /* The test made both; both go, with every command. */
  g_object_add_weak_pointer (G_OBJECT (f->history), (gpointer *) &f->history);
  g_object_add_weak_pointer (G_OBJECT (f->doc), (gpointer *) &f->doc);
  g_object_unref (f->history);
  g_assert_null (f->history);
  g_object_unref (f->doc);
  g_assert_null (f->doc);
  g_clear_pointer (&f->last, rig_change_free);
  g_clear_pointer (&f->undo_label, g_free);
  catalog_clear (&f->c);
}

/* Applies a command that must succeed; exactly one "changed". Returns the
 * command (owned by the history; do not use it after a later merge). */
static RigCommand *
apply_ok (Fixture *f, RigCommand *command)
{
  g_autoptr (GError) error = NULL;
  guint before = f->n_changed;

  g_assert_true (rig_history_apply (f->history, command, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changed, ==, before + 1);
  return command;
}

/* Applies a command that must fail with @code, leaving everything as it was
 * and emitting nothing. */
static void
apply_fails (Fixture *f, RigCommand *command, RigErrorCode code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) before = rig_document_copy (f->doc);
  g_autofree char *undo_label = g_strdup (rig_history_get_undo_label (f->history));
  gboolean can_redo = rig_history_can_redo (f->history);
  gboolean modified = rig_history_is_modified (f->history);
  guint n_changed = f->n_changed;
  guint n_notified = f->n_modified + f->n_can_undo + f->n_can_redo + f->n_undo_label;

  g_assert_false (rig_history_apply (f->history, command, &error));
  g_assert_error (error, RIG_ERROR, (int) code);
  g_assert_cmpuint (f->n_changed, ==, n_changed);
  g_assert_true (rig_document_content_equal (before, f->doc));
  g_assert_cmpstr (rig_history_get_undo_label (f->history), ==, undo_label);
  g_assert_cmpint (rig_history_can_redo (f->history), ==, can_redo);
  g_assert_cmpint (rig_history_is_modified (f->history), ==, modified);
  g_assert_cmpuint (f->n_modified + f->n_can_undo + f->n_can_redo + f->n_undo_label, ==,
                    n_notified);
}

static void
undo_ok (Fixture *f)
{
  guint before = f->n_changed;

  g_assert_true (rig_history_undo (f->history));
  g_assert_cmpuint (f->n_changed, ==, before + 1);
}

static void
redo_ok (Fixture *f)
{
  guint before = f->n_changed;

  g_assert_true (rig_history_redo (f->history));
  g_assert_cmpuint (f->n_changed, ==, before + 1);
}

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

static const char *
add_device (Fixture *f, RigDeviceModel *model, const char *label, double x, double y)
{
  RigCommand *command = apply_ok (f, rig_command_add_device (model, label, x, y));

  g_assert_nonnull (rig_command_get_created_id (command));
  return rig_command_get_created_id (command);
}

static const char *
add_cable (Fixture *f, const char *from, const char *from_jack, const char *to, const char *to_jack)
{
  RigCommand *command
      = apply_ok (f, rig_command_add_cable (from, from_jack, to, to_jack, NULL, NULL));

  return rig_command_get_created_id (command);
}

/* A phone into an amplifier driving two speakers:
 * d1 phone, d2 amp, d3 speaker L, d4 speaker R;
 * c1 phone hp -> amp in (A-001), c2 amp spk-l -> d3 (S-001), c3 amp spk-r -> d4 (S-002). */
static void
build_stereo (Fixture *f)
{
  g_assert_cmpstr (add_device (f, f->c.phone, "Phone", 0, 0), ==, "d1");
  g_assert_cmpstr (add_device (f, f->c.amp, NULL, 200, 0), ==, "d2");
  g_assert_cmpstr (add_device (f, f->c.speaker, "Speaker L", 400, -100), ==, "d3");
  g_assert_cmpstr (add_device (f, f->c.speaker, "Speaker R", 400, 100), ==, "d4");
  g_assert_cmpstr (add_cable (f, "d1", "hp", "d2", "in"), ==, "c1");
  g_assert_cmpstr (add_cable (f, "d2", "spk-l", "d3", "in"), ==, "c2");
  g_assert_cmpstr (add_cable (f, "d2", "spk-r", "d4", "in"), ==, "c3");
}

/* Each index against a plain scan of the document. */
static void
check_indexes (RigDocument *doc)
{
  guint n_devices = rig_document_get_n_devices (doc);
  guint n_cables = rig_document_get_n_cables (doc);

  for (guint i = 0; i < n_devices; i++)
    {
      RigDevice *device = rig_document_get_device (doc, i);
      GPtrArray *on_device = rig_document_get_device_cables (doc, device->id);
      guint k = 0;

      g_assert_true (rig_document_find_device (doc, device->id) == device);
      g_assert_cmpint (rig_document_device_index (doc, device->id), ==, i);

      /* Exactly the cables with an end on it, in document order. */
      for (guint j = 0; j < n_cables; j++)
        {
          RigCable *cable = rig_document_get_cable (doc, j);
          if (g_strcmp0 (cable->device[0], device->id) == 0
              || g_strcmp0 (cable->device[1], device->id) == 0)
            {
              g_assert_cmpuint (k, <, on_device->len);
              g_assert_true (g_ptr_array_index (on_device, k) == cable);
              k++;
            }
        }
      g_assert_cmpuint (k, ==, on_device->len);
    }

  for (guint i = 0; i < n_cables; i++)
    {
      RigCable *cable = rig_document_get_cable (doc, i);

      g_assert_true (rig_document_find_cable (doc, cable->id) == cable);
      g_assert_cmpint (rig_document_cable_index (doc, cable->id), ==, i);
      for (guint end = 0; end < 2; end++)
        {
          g_assert_nonnull (rig_document_cable_device (doc, cable, end));
          g_assert_nonnull (rig_document_cable_jack (doc, cable, end));
        }
    }
}

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
  g_assert_cmpstr (rig_document_find_device (f->doc, "d2")->label, ==, "Amplifier");
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

  /* Prefixes from what the jacks carry. */
  add_cable (f, "d1", "hp", "d2", "in");
  add_cable (f, "d1", "usb", "d3", "usb");
  add_cable (f, "d4", "out1", "d2", "mains");
  g_assert_cmpstr (rig_document_find_cable (f->doc, "c1")->number, ==, "A-001");
  g_assert_cmpstr (rig_document_find_cable (f->doc, "c2")->number, ==, "D-001");
  g_assert_cmpstr (rig_document_find_cable (f->doc, "c3")->number, ==, "P-001");

  /* The next number is above the highest, not the first gap. */
  apply_ok (f, rig_command_add_cable ("d3", "out", "d2", "in", NULL, "A-009"));
  add_cable (f, "d1", "hp", "d2", "in");
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
  add_cable (f, "d1", "usb", "d2", "in");   /* c4 */
  add_cable (f, "d2", "spk-l", "d4", "in"); /* c5 */
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
  g_assert_cmpstr (add_device (f, f->c.strip, NULL, 0, 0), ==, "d5");
  for (guint i = 0; i < 80; i++)
    add_cable (f, "d5", i % 2 ? "out1" : "out2", i % 3 ? "d2" : "d4", i % 3 ? "mains" : "in");
  add_cable (f, "d1", "hp", "d2", "in");
  g_clear_object (&start);
  start = rig_document_copy (f->doc);
  for (guint round = 0; round < 3; round++)
    {
      const char *strip[] = { "d5", NULL };

      apply_ok (f, rig_command_remove_devices (strip));
      g_assert_cmpuint (rig_document_get_n_cables (f->doc), ==, 6);
      undo_ok (f);
      check_indexes (f->doc);
      g_assert_true (rig_document_content_equal (f->doc, start));
    }
}

/* ---- each command ------------------------------------------------------- */

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
  g_assert_cmpstr (device->label, ==, "Smartphone");
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
  g_assert_cmpstr (rig_command_get_label (command), ==, "Delete Amplifier");
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
  g_assert_cmpstr (rig_history_get_undo_label (f->history), ==, "Connect Amplifier to Speaker R");
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
  g_assert_cmpstr (rig_command_get_label (command), ==, "Rename Amplifier");
  check_change (f, RIG_CHANGE_DEVICES_CHANGED, "d2", "");
  g_assert_cmpstr (amp->label, ==, "Stereo amp");
  undo_ok (f);
  check_change (f, RIG_CHANGE_DEVICES_CHANGED, "d2", "");
  g_assert_cmpstr (amp->label, ==, "Amplifier");
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
  g_assert_cmpstr (rig_command_get_label (command), ==, "Connect Phone to Amplifier");
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

  /* A given spec and number are used as they are. */
  rig_cable_spec_init (&custom, RIG_CABLE_KIND_DIRECT);
  custom.length_m = 0;
  command = apply_ok (f, rig_command_add_cable ("d1", "hp", "d3", "plug", &custom, "H-7"));
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
  g_assert_cmpstr (rig_command_get_label (command), ==, "Connect Amplifier to Speaker L");
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

  /* Both ends on one device (a loop) is listed once for it. */
  apply_ok (f, rig_command_reconnect_cable ("c2", RIG_END_TO, "d2", "in"));
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
  children[1] = rig_command_add_cable ("d1", "hp", "d5", "plug", NULL, NULL);
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
  g_assert_cmpstr (rig_document_find_cable (f->doc, "c4")->number, ==, "A-002");
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
  g_assert_cmpstr (rig_document_find_cable (f->doc, "c4")->number, ==, "A-002");
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
  g_assert_cmpstr (rig_history_get_undo_label (f->history), ==, "Connect Amplifier to Speaker R");
  g_assert_cmpstr (rig_document_find_device (f->doc, "d1")->label, ==, "Phone");
  redo_ok (f);
  g_assert_cmpstr (rig_document_find_device (f->doc, "d1")->label, ==, "Tablet");
}

/* ---- the history -------------------------------------------------------- */

static void
test_history_labels (Fixture *f, gconstpointer data)
{
  g_autofree char *label = NULL;
  guint n_undo_label;

  g_assert_null (rig_history_get_undo_label (f->history));
  g_assert_null (rig_history_get_redo_label (f->history));
  add_device (f, f->c.phone, NULL, 0, 0);
  add_device (f, f->c.amp, NULL, 0, 0);
  g_assert_cmpuint (f->n_can_undo, ==, 1);
  g_assert_cmpuint (f->n_undo_label, ==, 2);
  g_object_get (f->history, "undo-label", &label, NULL);
  g_assert_cmpstr (label, ==, "Add Amplifier");

  undo_ok (f);
  g_assert_cmpstr (rig_history_get_undo_label (f->history), ==, "Add Smartphone");
  g_assert_cmpstr (rig_history_get_redo_label (f->history), ==, "Add Amplifier");
  g_assert_cmpuint (f->n_can_redo, ==, 1);
  undo_ok (f);
  g_assert_null (rig_history_get_undo_label (f->history));
  g_assert_false (rig_history_undo (f->history));
  g_assert_cmpuint (f->n_can_undo, ==, 2);
  redo_ok (f);
  redo_ok (f);
  g_assert_false (rig_history_redo (f->history));
  g_assert_cmpuint (f->n_can_redo, ==, 2);

  /* A new apply drops what could be redone. */
  undo_ok (f);
  add_device (f, f->c.speaker, NULL, 0, 0);
  g_assert_false (rig_history_can_redo (f->history));
  g_assert_null (rig_history_get_redo_label (f->history));
  g_assert_cmpuint (f->n_can_redo, ==, 4);

  /* Same label again: no notification. */
  n_undo_label = f->n_undo_label;
  add_device (f, f->c.speaker, NULL, 0, 0);
  g_assert_cmpuint (f->n_undo_label, ==, n_undo_label);

  rig_history_clear (f->history);
  g_assert_false (rig_history_can_undo (f->history));
  g_assert_null (rig_history_get_undo_label (f->history));
  g_assert_cmpuint (rig_document_get_n_devices (f->doc), ==, 3);
}

static void
test_history_save_point (Fixture *f, gconstpointer data)
{
  gboolean modified = TRUE;

  g_assert_false (rig_history_is_modified (f->history));
  g_object_get (f->history, "modified", &modified, NULL);
  g_assert_false (modified);

  add_device (f, f->c.phone, NULL, 0, 0);
  g_assert_true (rig_history_is_modified (f->history));
  g_assert_true (rig_history_is_modified (f->history));
  g_object_get (f->history, "modified", &modified, NULL);
  g_assert_true (modified);
  g_assert_cmpuint (f->n_modified, ==, 1);

  /* Still modified: no new notification. */
  add_device (f, f->c.amp, NULL, 0, 0);
  g_assert_cmpuint (f->n_modified, ==, 1);

  rig_history_set_save_point (f->history);
  g_assert_false (rig_history_is_modified (f->history));
  g_assert_cmpuint (f->n_modified, ==, 2);
  rig_history_set_save_point (f->history);
  g_assert_cmpuint (f->n_modified, ==, 2);

  /* Away from the save point and back, either way. */
  undo_ok (f);
  g_assert_true (rig_history_is_modified (f->history));
  undo_ok (f);
  g_assert_true (rig_history_is_modified (f->history));
  g_assert_cmpuint (f->n_modified, ==, 3);
  redo_ok (f);
  redo_ok (f);
  g_assert_false (rig_history_is_modified (f->history));
  g_assert_cmpuint (f->n_modified, ==, 4);
  add_device (f, f->c.speaker, NULL, 0, 0);
  g_assert_true (rig_history_is_modified (f->history));
  undo_ok (f);
  g_assert_false (rig_history_is_modified (f->history));
  g_assert_cmpuint (f->n_modified, ==, 6);

  /* A failed apply changes nothing here either. */
  apply_fails (f, rig_command_set_device_label ("d9", "x"), RIG_ERROR_NOT_FOUND);
  g_assert_false (rig_history_is_modified (f->history));

  /* The saved state sat on the redo stack that this apply drops: it can
   * never come back. */
  undo_ok (f);
  add_device (f, f->c.headphones, NULL, 0, 0);
  g_assert_true (rig_history_is_modified (f->history));
  undo_ok (f);
  g_assert_true (rig_history_is_modified (f->history));
  undo_ok (f);
  g_assert_true (rig_history_is_modified (f->history));
  redo_ok (f);
  redo_ok (f);
  g_assert_true (rig_history_is_modified (f->history));

  /* Clearing keeps the state; saving after it is clean. */
  rig_history_clear (f->history);
  g_assert_true (rig_history_is_modified (f->history));
  rig_history_set_save_point (f->history);
  g_assert_false (rig_history_is_modified (f->history));
  rig_history_clear (f->history);
  g_assert_false (rig_history_is_modified (f->history));
  add_device (f, f->c.headphones, NULL, 0, 0);
  undo_ok (f);
  g_assert_false (rig_history_is_modified (f->history));
}

static void
test_history_emission (Fixture *f, gconstpointer data)
{
  /* A "changed" handler sees the history already updated. */
  add_device (f, f->c.phone, NULL, 0, 0);
  g_assert_cmpstr (f->undo_label, ==, "Add Smartphone");
  add_device (f, f->c.amp, NULL, 0, 0);
  g_assert_cmpstr (f->undo_label, ==, "Add Amplifier");
  undo_ok (f);
  g_assert_cmpstr (f->undo_label, ==, "Add Smartphone");
  undo_ok (f);
  g_assert_null (f->undo_label);
  redo_ok (f);
  g_assert_cmpstr (f->undo_label, ==, "Add Smartphone");
  g_assert_cmpuint (f->n_changed, ==, 5);

  /* Saving, sealing and clearing are not changes. */
  rig_history_set_save_point (f->history);
  rig_history_seal (f->history);
  rig_history_clear (f->history);
  g_assert_cmpuint (f->n_changed, ==, 5);
}

static void
history_outlives_document (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (RigHistory) history = rig_history_new (doc);
  g_autoptr (RigDeviceModel) model = rig_device_model_new ("box", "Box", RIG_CATEGORY_ACCESSORY);
  g_autoptr (GError) error = NULL;

  g_assert_true (rig_history_apply (history, rig_command_add_device (model, NULL, 0, 0), NULL));
  g_clear_object (&doc);
  /* The history's pointer to its document is weak: no crash, no effect. */
  g_assert_false (rig_history_undo (history));
  g_assert_false (rig_history_apply (history, rig_command_add_device (model, NULL, 0, 0), &error));
  g_assert_error (error, RIG_ERROR, RIG_ERROR_FAILED);
}

/* ---- a rig at scale ----------------------------------------------------- */

static void
test_scale (Fixture *f, gconstpointer data)
{
  const guint n_devices = 10000, n_cables = 20000;
  g_autoptr (RigDocument) start = NULL;
  g_autoptr (GPtrArray) out = g_ptr_array_new ();
  g_auto (GStrv) ids = g_new0 (char *, 6);
  RigCommand *command;

  /* Built as a loader would, then edited through the history. */
  for (guint i = 0; i < n_devices; i++)
    {
      g_autofree char *id = g_strdup_printf ("d%u", i + 1);
      _rig_document_insert_device (f->doc, rig_device_new (id, f->c.amp, NULL, i, i), G_MAXUINT,
                                   NULL);
    }
  for (guint i = 0; i < n_cables; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i + 1);
      g_autofree char *from = g_strdup_printf ("d%u", i % n_devices + 1);
      g_autofree char *to = g_strdup_printf ("d%u", (i * 7 + 3) % n_devices + 1);
      g_autofree char *number = g_strdup_printf ("S-%03u", i + 1);
      _rig_document_insert_cable (f->doc, rig_cable_new (id, number, from, "spk-l", to, "in", NULL),
                                  G_MAXUINT, NULL);
    }
  _rig_document_reserve_ids (f->doc);
  start = rig_document_copy (f->doc);

  /* Lookups by id, from the hash indexes. */
  g_assert_cmpint (rig_document_device_index (f->doc, "d9999"), ==, 9998);
  g_assert_cmpint (rig_document_cable_index (f->doc, "c19999"), ==, 19998);
  g_assert_cmpuint (rig_document_get_device_cables (f->doc, "d5000")->len, ==, 4);
  g_assert_cmpuint (rig_document_get_jack_cables (f->doc, "d5000", "in", out), ==, 2);
  {
    g_autofree char *number = rig_document_new_cable_number (f->doc, "S");
    g_assert_cmpstr (number, ==, "S-20001");
  }

  /* Remove devices spread over the rig with their cables, then undo. */
  for (guint i = 0; i < 5; i++)
    ids[i] = g_strdup_printf ("d%u", 1 + i * 2003);
  command = apply_ok (f, rig_command_remove_devices ((const char *const *) ids));
  g_assert_cmpuint (rig_document_get_n_devices (f->doc), ==, n_devices - 5);
  g_assert_cmpuint (f->last->cables->len, ==,
                    rig_document_get_n_cables (start) - rig_document_get_n_cables (f->doc));
  g_assert_cmpstr (rig_command_get_label (command), ==, "Delete 5 Devices");
  add_device (f, f->c.speaker, NULL, 0, 0);
  g_assert_nonnull (rig_document_find_device (f->doc, "d10001"));
  undo_ok (f);
  undo_ok (f);
  g_assert_true (rig_document_content_equal (f->doc, start));
  g_assert_cmpint (rig_document_device_index (f->doc, "d2004"), ==, 2003);
  g_assert_cmpint (rig_document_cable_index (f->doc, "c20000"), ==, 19999);
  g_assert_cmpuint (rig_document_get_device_cables (f->doc, "d1")->len, ==, 4);
  if (g_test_slow ())
    check_indexes (f->doc);
}

/* ---- the random property test ------------------------------------------- */

static RigDevice *
random_device (RigDocument *doc)
{
  return rig_document_get_device (doc, g_test_rand_int_range (0, rig_document_get_n_devices (doc)));
}

static RigCable *
random_cable (RigDocument *doc)
{
  return rig_document_get_cable (doc, g_test_rand_int_range (0, rig_document_get_n_cables (doc)));
}

static const char *
random_jack (RigDevice *device)
{
  return device->model->jacks[g_test_rand_int_range (0, device->model->n_jacks)].id;
}

static RigDeviceModel *
random_model (Catalog *c)
{
  RigDeviceModel *models[] = { c->phone, c->amp, c->speaker, c->headphones, c->dac, c->strip };

  return models[g_test_rand_int_range (0, G_N_ELEMENTS (models))];
}

/* 1 to 3 distinct device ids. */
static GStrv
random_device_ids (RigDocument *doc)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  guint n = MIN ((guint) g_test_rand_int_range (1, 4), rig_document_get_n_devices (doc));
  guint first = g_test_rand_int_range (0, rig_document_get_n_devices (doc));

  for (guint i = 0; i < n; i++)
    g_strv_builder_add (
        builder,
        rig_document_get_device (doc, (first + i * 3) % rig_document_get_n_devices (doc))->id);
  return g_strv_builder_end (builder);
}

static GStrv
random_cable_ids (RigDocument *doc)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  guint n = MIN ((guint) g_test_rand_int_range (1, 3), rig_document_get_n_cables (doc));
  guint first = g_test_rand_int_range (0, rig_document_get_n_cables (doc));

  for (guint i = 0; i < n; i++)
    g_strv_builder_add (
        builder,
        rig_document_get_cable (doc, (first + i * 5) % rig_document_get_n_cables (doc))->id);
  return g_strv_builder_end (builder);
}

static void
random_figure (RigFigure *figure, double *value)
{
  static const struct
  {
    RigFigure figure;
    double value;
  } choices[] = {
    { RIG_FIGURE_NOMINAL_IMPEDANCE, 4 },
    { RIG_FIGURE_NOMINAL_IMPEDANCE, 6.5 },
    { RIG_FIGURE_NOMINAL_IMPEDANCE, NAN },
    { RIG_FIGURE_POWER_HANDLING, 120 },
    { RIG_FIGURE_SENSITIVITY, 88.5 },
    { RIG_FIGURE_AMP_POWER, 35 },
    { RIG_FIGURE_POWER_SOURCE, 3 },
    { RIG_FIGURE_BATTERY, 1 },
    { RIG_FIGURE_EARTHED, 0 },
    { RIG_FIGURE_PHANTOM_ON, 1 },
    { RIG_FIGURE_PHANTOM_ON, NAN },
  };
  guint i = g_test_rand_int_range (0, G_N_ELEMENTS (choices));

  *figure = choices[i].figure;
  *value = choices[i].value;
}

static void
random_spec (RigCableSpec *spec, Catalog *c)
{
  rig_cable_spec_init (spec, g_test_rand_int_range (0, RIG_N_CABLE_KINDS));
  spec->ends[0].connector = g_test_rand_int_range (0, RIG_N_CONNECTORS);
  spec->ends[1].connector = g_test_rand_int_range (0, RIG_N_CONNECTORS);
  spec->conductors = g_test_rand_int_range (0, 5);
  if (g_test_rand_bit ())
    spec->length_m = g_test_rand_double_range (0.1, 20);
  if (g_test_rand_int_range (0, 4) == 0)
    rig_cable_spec_add_adapter (spec, c->adapter, g_test_rand_bit () ? RIG_END_TO : RIG_END_FROM);
}

typedef enum
{
  KIND_ADD_DEVICE,
  KIND_INSERT_DEVICE,
  KIND_REMOVE_DEVICES,
  KIND_MOVE_DEVICES,
  KIND_SET_LABEL,
  KIND_SET_FIGURE,
  KIND_ADD_CABLE,
  KIND_INSERT_CABLE,
  KIND_REMOVE_CABLES,
  KIND_SET_SPEC,
  KIND_SET_NUMBER,
  KIND_RECONNECT,
  KIND_METADATA,
  KIND_GROUP,
  N_KINDS
} Kind;

/* A random command that is valid on @doc. Groups only hold kinds that remove
 * nothing, so that every child stays valid after the ones before it.
 * @last_move is the device set of the previous move, reused now and then so
 * that moves merge. */
static RigCommand *
random_command (Fixture *f, Kind kind, gboolean in_group, GStrv *last_move, gboolean *is_move)
{
  RigDocument *doc = f->doc;
  guint n_devices = rig_document_get_n_devices (doc);
  guint n_cables = rig_document_get_n_cables (doc);
  g_autofree char *label = NULL;

  *is_move = FALSE;
  if (n_devices < 2)
    kind = KIND_ADD_DEVICE;
  if (n_cables == 0
      && (kind == KIND_INSERT_CABLE || kind == KIND_REMOVE_CABLES || kind == KIND_SET_SPEC
          || kind == KIND_SET_NUMBER || kind == KIND_RECONNECT))
    kind = KIND_ADD_CABLE;
  if (n_devices > 40 && kind == KIND_ADD_DEVICE && !in_group)
    kind = KIND_REMOVE_DEVICES;

  switch (kind)
    {
      case KIND_ADD_DEVICE:
        if (g_test_rand_bit ())
          label = g_strdup_printf ("Box %d", g_test_rand_int_range (0, 100));
        return rig_command_add_device (random_model (&f->c), label,
                                       g_test_rand_double_range (-500, 500),
                                       g_test_rand_double_range (-500, 500));
      case KIND_INSERT_DEVICE:
        {
          g_autoptr (RigDevice) device = rig_device_copy (random_device (doc));
          switch (g_test_rand_int_range (0, 3))
            {
              case 0: /* keeps its id: taken, so replaced */
                break;
              case 1:
                g_clear_pointer (&device->id, g_free);
                break;
              default:
                g_free (device->id);
                device->id = g_strdup_printf ("d%d", g_test_rand_int_range (1, 400));
                break;
            }
          device->x += 20;
          return rig_command_insert_device (device);
        }
      case KIND_REMOVE_DEVICES:
        {
          g_auto (GStrv) ids = random_device_ids (doc);
          return rig_command_remove_devices ((const char *const *) ids);
        }
      case KIND_MOVE_DEVICES:
        {
          RigCommand *command;
          *is_move = TRUE;
          if (*last_move == NULL || g_test_rand_int_range (0, 3) == 0)
            {
              g_strfreev (*last_move);
              *last_move = random_device_ids (doc);
            }
          command = rig_command_move_devices ((const char *const *) *last_move,
                                              g_test_rand_double_range (-10, 10),
                                              g_test_rand_double_range (-10, 10));
          return command;
        }
      case KIND_SET_LABEL:
        if (g_test_rand_int_range (0, 4) > 0)
          label = g_strdup_printf ("Unit %d", g_test_rand_int_range (0, 1000));
        return rig_command_set_device_label (random_device (doc)->id, label);
      case KIND_SET_FIGURE:
        {
          RigFigure figure;
          double value;
          random_figure (&figure, &value);
          return rig_command_set_device_figure (random_device (doc)->id, figure, value);
        }
      case KIND_ADD_CABLE:
        {
          RigDevice *from = random_device (doc), *to = random_device (doc);
          RigCableSpec spec;
          RigCommand *command;
          g_autofree char *number = NULL;

          if (g_test_rand_int_range (0, 4) == 0)
            number = g_strdup_printf ("X-%03d", g_test_rand_int_range (1, 30));
          if (g_test_rand_int_range (0, 3) > 0)
            return rig_command_add_cable (from->id, random_jack (from), to->id, random_jack (to),
                                          NULL, number);
          random_spec (&spec, &f->c);
          command = rig_command_add_cable (from->id, random_jack (from), to->id, random_jack (to),
                                           &spec, number);
          rig_cable_spec_clear (&spec);
          return command;
        }
      case KIND_INSERT_CABLE:
        {
          g_autoptr (RigCable) cable = rig_cable_copy (random_cable (doc));
          if (g_test_rand_bit ())
            g_clear_pointer (&cable->number, g_free);
          if (g_test_rand_bit ())
            {
              g_free (cable->id);
              cable->id = g_strdup_printf ("c%d", g_test_rand_int_range (1, 600));
            }
          return rig_command_insert_cable (cable);
        }
      case KIND_REMOVE_CABLES:
        {
          g_auto (GStrv) ids = random_cable_ids (doc);
          return rig_command_remove_cables ((const char *const *) ids);
        }
      case KIND_SET_SPEC:
        {
          RigCableSpec spec;
          RigCommand *command;
          random_spec (&spec, &f->c);
          command = rig_command_set_cable_spec (random_cable (doc)->id, &spec);
          rig_cable_spec_clear (&spec);
          return command;
        }
      case KIND_SET_NUMBER:
        if (g_test_rand_bit ())
          label = g_strdup_printf ("A-%03d", g_test_rand_int_range (1, 50));
        return rig_command_set_cable_number (random_cable (doc)->id, label);
      case KIND_RECONNECT:
        {
          RigDevice *device = random_device (doc);
          return rig_command_reconnect_cable (random_cable (doc)->id, g_test_rand_int_range (0, 2),
                                              device->id, random_jack (device));
        }
      case KIND_METADATA:
        {
          g_autofree char *title = g_test_rand_bit ()
                                       ? g_strdup_printf ("Rig %d", g_test_rand_int_range (0, 9))
                                       : NULL;
          g_autofree char *notes = g_test_rand_bit () ? g_strdup ("Notes") : NULL;
          return rig_command_set_metadata (title, g_test_rand_bit () ? "Sam" : NULL, notes);
        }
      case KIND_GROUP:
      case N_KINDS:
      default:
        {
          static const Kind safe[] = { KIND_ADD_DEVICE, KIND_MOVE_DEVICES, KIND_SET_LABEL,
                                       KIND_SET_FIGURE, KIND_ADD_CABLE,    KIND_METADATA };
          RigCommand *children[3];
          guint n = g_test_rand_int_range (1, 4);
          g_auto (GStrv) own_move = NULL;
          gboolean ignored;

          for (guint i = 0; i < n; i++)
            children[i] = random_command (f, safe[g_test_rand_int_range (0, G_N_ELEMENTS (safe))],
                                          TRUE, &own_move, &ignored);
          return rig_command_group (g_test_rand_bit () ? "Paste" : NULL, children, n);
        }
    }
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* @ids as a set: sorted, without repeats. */
static GStrv
id_set (GStrv ids)
{
  guint n = g_strv_length (ids), k = 0;
  GStrv set = g_new0 (char *, n + 1);
  g_autofree char **sorted = g_memdup2 (ids, sizeof (char *) * n);

  qsort (sorted, n, sizeof (char *), compare_strings);
  for (guint i = 0; i < n; i++)
    if (k == 0 || strcmp (set[k - 1], sorted[i]) != 0)
      set[k++] = g_strdup (sorted[i]);
  return set;
}

/* A kind of command, weighted so that the rig grows cables and drags. */
static Kind
random_kind (void)
{
  static const guint weights[N_KINDS] = {
    [KIND_ADD_DEVICE] = 2,   [KIND_INSERT_DEVICE] = 1, [KIND_REMOVE_DEVICES] = 1,
    [KIND_MOVE_DEVICES] = 4, [KIND_SET_LABEL] = 1,     [KIND_SET_FIGURE] = 1,
    [KIND_ADD_CABLE] = 4,    [KIND_INSERT_CABLE] = 1,  [KIND_REMOVE_CABLES] = 1,
    [KIND_SET_SPEC] = 1,     [KIND_SET_NUMBER] = 1,    [KIND_RECONNECT] = 1,
    [KIND_METADATA] = 1,     [KIND_GROUP] = 1,
  };
  guint total = 0, pick;

  for (guint i = 0; i < N_KINDS; i++)
    total += weights[i];
  pick = g_test_rand_int_range (0, total);
  for (guint i = 0; i < N_KINDS; i++)
    {
      if (pick < weights[i])
        return i;
      pick -= weights[i];
    }
  g_assert_not_reached ();
}

/* Everything that differs between @before and @after is named in @change. */
static void
check_change_covers (RigDocument *before, RigDocument *after, const RigChange *change)
{
  RigDocument *docs[2] = { before, after };

  if (g_strcmp0 (rig_document_get_title (before), rig_document_get_title (after)) != 0
      || g_strcmp0 (rig_document_get_author (before), rig_document_get_author (after)) != 0
      || g_strcmp0 (rig_document_get_notes (before), rig_document_get_notes (after)) != 0)
    g_assert_true (change->flags & RIG_CHANGE_METADATA);

  for (guint side = 0; side < 2; side++)
    {
      RigDocument *doc = docs[side], *other = docs[1 - side];

      for (guint i = 0; i < rig_document_get_n_devices (doc); i++)
        {
          RigDevice *device = rig_document_get_device (doc, i);
          RigDevice *there = rig_document_find_device (other, device->id);
          if (there == NULL || !rig_device_equal (device, there))
            g_assert_true (rig_change_has_device (change, device->id));
        }
      for (guint i = 0; i < rig_document_get_n_cables (doc); i++)
        {
          RigCable *cable = rig_document_get_cable (doc, i);
          RigCable *there = rig_document_find_cable (other, cable->id);
          if (there == NULL || !rig_cable_equal (cable, there))
            {
              g_assert_true (rig_change_has_cable (change, cable->id));
              g_assert_true (rig_change_has_device (change, cable->device[0]));
              g_assert_true (rig_change_has_device (change, cable->device[1]));
              g_assert_true (change->flags
                             & (RIG_CHANGE_CABLES_ADDED | RIG_CHANGE_CABLES_REMOVED
                                | RIG_CHANGE_CABLES_CHANGED));
            }
        }
    }
}

static void
test_random (Fixture *f, gconstpointer data)
{
  const guint n_commands = 300;
  g_autoptr (GPtrArray) snapshots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GBytes) start_bytes = NULL;
  g_autoptr (GBytes) end_bytes = NULL;
  g_auto (GStrv) last_move = NULL;
  g_auto (GStrv) prev_move_set = NULL;
  gboolean sealed = TRUE;
  guint steps = 0, merges = 0;
  gint64 save_step = 0;
  guint position;

  /* A start document with some of everything. */
  build_stereo (f);
  add_device (f, f->c.dac, NULL, 50, 50);
  add_device (f, f->c.strip, NULL, -50, 50);
  add_cable (f, "d5", "out", "d2", "in");
  add_cable (f, "d6", "out1", "d2", "mains");
  apply_ok (f, rig_command_set_metadata ("Start", "Tester", ""));
  rig_history_clear (f->history);
  rig_history_set_save_point (f->history);
  g_ptr_array_add (snapshots, rig_document_copy (f->doc));
  start_bytes = rig_format_save_bytes (f->doc);

  for (guint i = 0; i < n_commands; i++)
    {
      g_autoptr (RigDocument) before = rig_document_copy (f->doc);
      Kind kind = random_kind ();
      gboolean is_move;
      RigCommand *command = random_command (f, kind, FALSE, &last_move, &is_move);
      g_auto (GStrv) move_set = is_move ? id_set (last_move) : NULL;
      gboolean expect_merge;

      /* Now and then: the end of a drag, a save, a command that must fail. */
      if (g_test_rand_int_range (0, 4) == 0)
        {
          rig_history_seal (f->history);
          sealed = TRUE;
        }
      if (g_test_rand_int_range (0, 25) == 0)
        {
          rig_history_set_save_point (f->history);
          save_step = steps;
        }
      if (g_test_rand_int_range (0, 20) == 0)
        apply_fails (f, rig_command_set_device_label ("nowhere", "x"), RIG_ERROR_NOT_FOUND);

      /* Moves merge when nothing sealed the step, the set is the same and
       * the step is not the saved one. */
      expect_merge
          = is_move && prev_move_set != NULL
            && g_strv_equal ((const char *const *) move_set, (const char *const *) prev_move_set)
            && !sealed && save_step != (gint64) steps;
      apply_ok (f, command);
      check_change_covers (before, f->doc, f->last);
      if (expect_merge)
        {
          merges++;
          g_ptr_array_remove_index (snapshots, steps);
          g_ptr_array_add (snapshots, rig_document_copy (f->doc));
        }
      else
        {
          steps++;
          g_ptr_array_add (snapshots, rig_document_copy (f->doc));
        }
      g_strfreev (prev_move_set);
      prev_move_set = g_steal_pointer (&move_set);
      sealed = FALSE;
      if (!is_move)
        g_clear_pointer (&last_move, g_strfreev);
      g_assert_cmpint (rig_history_is_modified (f->history), ==, save_step != (gint64) steps);
      check_indexes (f->doc);
    }
  g_assert_cmpuint (snapshots->len, ==, steps + 1);
  g_test_message ("%u steps, %u merged moves, %u devices, %u cables", steps, merges,
                  rig_document_get_n_devices (f->doc), rig_document_get_n_cables (f->doc));

  end_bytes = rig_format_save_bytes (f->doc);

  /* Undo everything: the start document, and nothing more to undo. */
  for (guint i = steps; i > 0; i--)
    {
      g_autoptr (RigDocument) before = rig_document_copy (f->doc);
      undo_ok (f);
      check_change_covers (before, f->doc, f->last);
      g_assert_cmpint (rig_history_is_modified (f->history), ==, save_step != (gint64) i - 1);
    }
  g_assert_false (rig_history_can_undo (f->history));
  g_assert_true (rig_document_content_equal (f->doc, g_ptr_array_index (snapshots, 0)));
  check_indexes (f->doc);
  /* ... down to the bytes of the saved file. */
  {
    g_autoptr (GBytes) bytes = rig_format_save_bytes (f->doc);
    g_assert_true (g_bytes_equal (bytes, start_bytes));
  }

  /* Redo everything: the end document. */
  for (guint i = 0; i < steps; i++)
    {
      g_autoptr (RigDocument) before = rig_document_copy (f->doc);
      redo_ok (f);
      check_change_covers (before, f->doc, f->last);
    }
  g_assert_false (rig_history_can_redo (f->history));
  g_assert_true (rig_document_content_equal (f->doc, g_ptr_array_index (snapshots, steps)));
  check_indexes (f->doc);
  {
    g_autoptr (GBytes) bytes = rig_format_save_bytes (f->doc);
    g_assert_true (g_bytes_equal (bytes, end_bytes));
  }

  /* Wander to random points in the history: each looks as it did then. */
  position = steps;
  for (guint i = 0; i < 20; i++)
    {
      guint target = g_test_rand_int_range (0, steps + 1);

      while (position > target)
        {
          undo_ok (f);
          position--;
        }
      while (position < target)
        {
          redo_ok (f);
          position++;
        }
      g_assert_true (rig_document_content_equal (f->doc, g_ptr_array_index (snapshots, target)));
      g_assert_cmpint (rig_history_is_modified (f->history), ==, save_step != (gint64) target);
      check_indexes (f->doc);
      {
        g_autoptr (GBytes) bytes = rig_format_save_bytes (f->doc);
        g_autoptr (GBytes) then = rig_format_save_bytes (g_ptr_array_index (snapshots, target));
        g_assert_true (g_bytes_equal (bytes, then));
      }
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
  ADD ("command/add-device", test_add_device);
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
  ADD ("labels", test_history_labels);
  ADD ("save-point", test_history_save_point);
  ADD ("emission", test_history_emission);
  ADD ("scale", test_scale);
  ADD ("random", test_random);
#undef ADD
  g_test_add_func ("/history/outlives-document", history_outlives_document);

  return g_test_run ();
}
