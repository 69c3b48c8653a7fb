/* test-history-util.c: see test-history-util.h. */
#include "config.h"

#include <math.h>

#include "rig-command.h"
#include "rig-document-private.h"
#include "rig-error.h"
#include "rig-format.h"
#include "rig-history.h"

#include "test-history-util.h"

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

  c->amp_variant = rig_device_model_new ("amp", "Amplifier (new release)", RIG_CATEGORY_AMPLIFIER);
  for (guint i = 0; i < c->amp->n_jacks; i++)
    if (g_strcmp0 (c->amp->jacks[i].id, "mains") != 0)
      add (c->amp_variant, c->amp->jacks[i]);
  rig_device_model_add_route (c->amp_variant, "in", "spk-l");
  c->adapter_variant = rig_device_model_new ("adapter-35-635", "3.5 mm to 6.35 mm adapter (gold)",
                                             RIG_CATEGORY_ADAPTER);

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
  g_clear_pointer (&c->amp_variant, rig_device_model_unref);
  g_clear_pointer (&c->adapter_variant, rig_device_model_unref);
}

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

void
on_notify (GObject *object, GParamSpec *pspec, guint *counter)
{
  (*counter)++;
}

void
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

void
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
RigCommand *
apply_ok (Fixture *f, RigCommand *command)
{
  g_autoptr (GError) error = NULL;
  guint before = f->n_changed;
  gboolean ok;

  ok = rig_history_apply (f->history, command, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (f->n_changed, ==, before + 1);
  return command;
}

/* Applies a command that must fail with @code, leaving everything as it was
 * and emitting nothing. */
void
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

void
undo_ok (Fixture *f)
{
  guint before = f->n_changed;

  g_assert_true (rig_history_undo (f->history));
  g_assert_cmpuint (f->n_changed, ==, before + 1);
}

void
redo_ok (Fixture *f)
{
  guint before = f->n_changed;

  g_assert_true (rig_history_redo (f->history));
  g_assert_cmpuint (f->n_changed, ==, before + 1);
}

const char *
add_device (Fixture *f, RigDeviceModel *model, const char *label, double x, double y)
{
  RigCommand *command = apply_ok (f, rig_command_add_device (model, label, x, y));

  g_assert_nonnull (rig_command_get_created_id (command));
  return rig_command_get_created_id (command);
}

const char *
add_cable (Fixture *f, const char *from, const char *from_jack, const char *to, const char *to_jack)
{
  RigCommand *command
      = apply_ok (f, rig_command_add_cable (from, from_jack, to, to_jack, NULL, NULL));

  return rig_command_get_created_id (command);
}

/* A phone into an amplifier driving two speakers:
 * d1 phone, d2 amp, d3 speaker L, d4 speaker R;
 * c1 phone hp -> amp in (A-001), c2 amp spk-l -> d3 (S-001), c3 amp spk-r -> d4 (S-002). */
void
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
void
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
