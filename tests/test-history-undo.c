/* test-history-undo.c: the history (labels, the save point, what it emits),
 * a rig at scale and the random property test of undo and redo. */
#include "config.h"

#include <math.h>

#include "rig-command.h"
#include "rig-document-private.h"
#include "rig-document-rules.h"
#include "rig-error.h"
#include "rig-format.h"
#include "rig-history.h"
#include "rig-test-models.h"

#include "test-history-util.h"

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

/* Jacks the commands of one group already chose ("DEVICE\nJACK"): a group's
 * children are made before any is applied. */
static GHashTable *reserved_ends;

/* A random jack where one more cable may end (rig-document-rules.h), and
 * that this group has not chosen yet; FALSE if none was found. */
static gboolean
random_free_end (RigDocument *doc, const char **device_id, const char **jack_id)
{
  for (guint attempt = 0; attempt < 50; attempt++)
    {
      RigDevice *device = random_device (doc);
      const char *jack = random_jack (device);
      g_autofree char *key = g_strconcat (device->id, "\n", jack, NULL);

      if (rig_document_jack_occupant (doc, device->id, jack, NULL) != NULL
          || g_hash_table_contains (reserved_ends, key))
        continue;
      if (!rig_jack_takes_several_cables (rig_device_find_jack (device, jack)))
        g_hash_table_add (reserved_ends, g_steal_pointer (&key));
      *device_id = device->id;
      *jack_id = jack;
      return TRUE;
    }
  return FALSE;
}

/* Two different free ends for a new cable. */
static gboolean
random_free_ends (RigDocument *doc, const char *device[2], const char *jack[2])
{
  if (!random_free_end (doc, &device[0], &jack[0]))
    return FALSE;
  for (guint attempt = 0; attempt < 10; attempt++)
    if (random_free_end (doc, &device[1], &jack[1])
        && (g_strcmp0 (device[0], device[1]) != 0 || g_strcmp0 (jack[0], jack[1]) != 0))
      return TRUE;
  return FALSE;
}

static RigDeviceModel *
random_model (Catalog *c)
{
  RigDeviceModel *models[]
      = { c->phone, c->amp, c->speaker, c->headphones, c->dac, c->strip, c->amp_variant };

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
    rig_cable_spec_add_adapter (spec, g_test_rand_bit () ? c->adapter : c->adapter_variant,
                                g_test_rand_bit () ? RIG_END_TO : RIG_END_FROM);
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
  if (reserved_ends == NULL)
    reserved_ends = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!in_group)
    g_hash_table_remove_all (reserved_ends);
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
          const char *device[2], *jack[2];
          RigCableSpec spec;
          RigCommand *command;
          g_autofree char *number = NULL;

          /* Every jack taken: a device brings new ones. */
          if (!random_free_ends (doc, device, jack))
            return rig_command_add_device (random_model (&f->c), NULL, 0, 0);
          if (g_test_rand_int_range (0, 4) == 0)
            number = g_strdup_printf ("X-%03d", g_test_rand_int_range (1, 30));
          if (g_test_rand_int_range (0, 3) > 0)
            return rig_command_add_cable (device[0], jack[0], device[1], jack[1], NULL, number);
          random_spec (&spec, &f->c);
          command = rig_command_add_cable (device[0], jack[0], device[1], jack[1], &spec, number);
          rig_cable_spec_clear (&spec);
          return command;
        }
      case KIND_INSERT_CABLE:
        {
          g_autoptr (RigCable) cable = rig_cable_copy (random_cable (doc));
          const char *device[2], *jack[2];

          /* A copy of a cable, between free jacks. */
          if (!random_free_ends (doc, device, jack))
            return rig_command_add_device (random_model (&f->c), NULL, 0, 0);
          for (guint end = 0; end < 2; end++)
            {
              g_free (cable->device[end]);
              g_free (cable->jack[end]);
              cable->device[end] = g_strdup (device[end]);
              cable->jack[end] = g_strdup (jack[end]);
            }
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
          RigCable *cable = random_cable (doc);
          RigEnd end = g_test_rand_int_range (0, 2);
          const char *device, *jack;

          /* To a free jack that is not the cable's other end. */
          if (!random_free_end (doc, &device, &jack)
              || (g_strcmp0 (device, cable->device[1 - end]) == 0
                  && g_strcmp0 (jack, cable->jack[1 - end]) == 0))
            return rig_command_set_cable_number (cable->id, NULL);
          return rig_command_reconnect_cable (cable->id, end, device, jack);
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
  add_cable (f, "d5", "out", "d3", "in");
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
      /* A second cable on a jack that takes one plug is refused. */
      if (g_test_rand_int_range (0, 10) == 0)
        {
          RigCable *taken = rig_document_get_n_cables (f->doc) > 0 ? random_cable (f->doc) : NULL;
          RigDevice *device = taken ? rig_document_find_device (f->doc, taken->device[0]) : NULL;
          const RigJack *jack = device ? rig_device_find_jack (device, taken->jack[0]) : NULL;
          const char *device_id, *jack_id;

          if (jack != NULL && !rig_jack_takes_several_cables (jack)
              && random_free_end (f->doc, &device_id, &jack_id))
            apply_fails (f,
                         rig_command_add_cable (taken->device[0], taken->jack[0], device_id,
                                                jack_id, NULL, NULL),
                         RIG_ERROR_OCCUPIED);
          g_hash_table_remove_all (reserved_ends);
        }

      /* Moves merge when nothing sealed the step, the set is the same and
       * the step is not the saved one. */
      expect_merge
          = is_move && prev_move_set != NULL
            && g_strv_equal ((const char *const *) move_set, (const char *const *) prev_move_set)
            && !sealed && save_step != (gint64) steps;
      apply_ok (f, command);
      check_change_covers (before, f->doc, f->last);
      /* The editor never makes a file it cannot read back. */
      rig_test_assert_round_trip (f->doc);
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

  ADD ("labels", test_history_labels);
  ADD ("save-point", test_history_save_point);
  ADD ("emission", test_history_emission);
  ADD ("scale", test_scale);
  ADD ("random", test_random);
#undef ADD
  g_test_add_func ("/history/outlives-document", history_outlives_document);

  return g_test_run ();
}
