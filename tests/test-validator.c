/* test-validator.c: the live validator.
 *
 * The property test applies seeded random edits through commands (and undo,
 * redo) and asserts after every one that the validator's incremental result
 * equals a full check, that every status is the worst of its object's
 * diagnostics, and that statuses-changed named exactly the objects whose
 * diagnostics changed.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-command.h"
#include "rig-test-models.h"

/* ---- helpers ------------------------------------------------------------ */

typedef struct
{
  GHashTable *cables; /* ids reported by statuses-changed */
  GHashTable *devices;
  guint emissions;
} Reported;

static void
on_statuses_changed (RigValidator *validator, const char *const *cables, const char *const *devices,
                     Reported *reported)
{
  reported->emissions++;
  for (guint i = 0; cables[i] != NULL; i++)
    g_hash_table_add (reported->cables, g_strdup (cables[i]));
  for (guint i = 0; devices[i] != NULL; i++)
    g_hash_table_add (reported->devices, g_strdup (devices[i]));
}

static void
reported_init (Reported *r)
{
  r->cables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->devices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->emissions = 0;
}

static void
reported_clear (Reported *r)
{
  g_hash_table_remove_all (r->cables);
  g_hash_table_remove_all (r->devices);
  r->emissions = 0;
}

static void
reported_free (Reported *r)
{
  g_hash_table_unref (r->cables);
  g_hash_table_unref (r->devices);
}

/* Per object, the concatenated texts of its diagnostics (in order). */
static GHashTable *
index_by_object (GPtrArray *diags, gboolean cables)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < diags->len; i++)
    {
      const RigDiagnostic *d = g_ptr_array_index (diags, i);
      char **ids = cables ? d->cables : d->devices;

      for (guint k = 0; ids[k] != NULL; k++)
        {
          const char *old = g_hash_table_lookup (map, ids[k]);
          g_autofree char *c = g_strjoinv (",", d->cables);
          g_autofree char *v = g_strjoinv (",", d->devices);
          g_autofree char *j = g_strjoinv (",", d->jacks);
          char *text = g_strdup_printf ("%s%s|%d|%s|%s|%s|%s|%s|%s|%s\n", old ? old : "", d->code,
                                        d->severity, c, v, j, d->message, d->why, d->hear, d->fix);
          g_hash_table_insert (map, g_strdup (ids[k]), text);
        }
    }
  return map;
}

static void
assert_changed_set (GHashTable *before, GHashTable *after, GHashTable *reported, const char *what)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (after, key)) != 0
        && !g_hash_table_contains (reported, key))
      g_error ("%s %s changed but was not reported", what, (char *) key);
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (before, key)) != 0
        && !g_hash_table_contains (reported, key))
      g_error ("%s %s changed but was not reported", what, (char *) key);
  g_hash_table_iter_init (&iter, reported);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_strcmp0 (g_hash_table_lookup (before, key), g_hash_table_lookup (after, key)) == 0)
      g_error ("%s %s was reported but did not change", what, (char *) key);
}

static void
raise_worst (GHashTable *worst, const char *id, RigSeverity severity)
{
  int old = GPOINTER_TO_INT (g_hash_table_lookup (worst, id));
  g_hash_table_insert (worst, (gpointer) id, GINT_TO_POINTER (MAX (old, (int) severity)));
}

static void
assert_same (RigValidator *validator, RigDocument *doc, GPtrArray *full)
{
  g_autoptr (GPtrArray) live = rig_validator_get_diagnostics (validator);

  if (live->len != full->len)
    {
      for (guint i = 0; i < rig_document_get_n_cables (doc); i++)
        {
          RigCable *c = rig_document_get_cable (doc, i);
          g_printerr ("cable %s %s: %s:%s -> %s:%s\n", c->id, c->number, c->device[0], c->jack[0],
                      c->device[1], c->jack[1]);
        }
      g_printerr ("incremental (%u):\n", live->len);
      rig_test_dump (live);
      g_printerr ("full (%u):\n", full->len);
      rig_test_dump (full);
    }
  g_assert_cmpuint (live->len, ==, full->len);
  for (guint i = 0; i < full->len; i++)
    if (!rig_diagnostic_equal (live->pdata[i], full->pdata[i]))
      {
        g_autoptr (GPtrArray) a = g_ptr_array_new ();
        g_autoptr (GPtrArray) b = g_ptr_array_new ();
        g_ptr_array_add (a, live->pdata[i]);
        g_ptr_array_add (b, full->pdata[i]);
        g_printerr ("incremental:\n");
        rig_test_dump (a);
        g_printerr ("full:\n");
        rig_test_dump (b);
        g_assert_not_reached ();
      }

  /* The running counts by severity agree with the full check. */
  for (RigSeverity severity = RIG_SEVERITY_INFO; severity < RIG_N_SEVERITIES; severity++)
    {
      guint expected = 0;

      for (guint i = 0; i < full->len; i++)
        expected += ((RigDiagnostic *) full->pdata[i])->severity == severity;
      g_assert_cmpuint (rig_validator_count (validator, severity), ==, expected);
    }

  /* Statuses: the worst severity among the object's diagnostics. */
  {
    g_autoptr (GHashTable) worst_c = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr (GHashTable) worst_d = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint k = 0; k < full->len; k++)
      {
        const RigDiagnostic *d = full->pdata[k];
        for (guint i = 0; d->cables[i] != NULL; i++)
          raise_worst (worst_c, d->cables[i], d->severity);
        for (guint i = 0; d->devices[i] != NULL; i++)
          raise_worst (worst_d, d->devices[i], d->severity);
      }
    for (guint i = 0; i < rig_document_get_n_devices (doc); i++)
      {
        const char *id = rig_document_get_device (doc, i)->id;
        RigSeverity worst = GPOINTER_TO_INT (g_hash_table_lookup (worst_d, id));
        g_autoptr (GPtrArray) mine = rig_validator_get_device_diagnostics (validator, id);

        g_assert_cmpint (rig_validator_get_device_status (validator, id), ==, worst);
        g_assert_cmpint (rig_diagnostics_worst (mine), ==, worst);
      }
    for (guint i = 0; i < rig_document_get_n_cables (doc); i++)
      {
        const char *id = rig_document_get_cable (doc, i)->id;
        RigSeverity worst = GPOINTER_TO_INT (g_hash_table_lookup (worst_c, id));
        g_autoptr (GPtrArray) mine = rig_validator_get_cable_diagnostics (validator, id);

        g_assert_cmpint (rig_validator_get_cable_status (validator, id), ==, worst);
        g_assert_cmpint (rig_diagnostics_worst (mine), ==, worst);
      }
  }
}

/* ---- random edits ------------------------------------------------------- */

static const char *
random_device (RigDocument *doc, GRand *rand)
{
  guint n = rig_document_get_n_devices (doc);
  return n ? rig_document_get_device (doc, g_rand_int_range (rand, 0, n))->id : NULL;
}

static const char *
random_jack (RigDocument *doc, const char *device_id, GRand *rand)
{
  RigDevice *device = rig_document_find_device (doc, device_id);
  guint n = device->model->n_jacks;
  return n ? device->model->jacks[g_rand_int_range (rand, 0, n)].id : NULL;
}

static const char *
random_cable (RigDocument *doc, GRand *rand)
{
  guint n = rig_document_get_n_cables (doc);
  return n ? rig_document_get_cable (doc, g_rand_int_range (rand, 0, n))->id : NULL;
}

static RigCommand *
random_command (RigDocument *doc, GRand *rand, gboolean *undo, gboolean *redo)
{
  const char *const *models = rig_test_model_ids ();
  guint n_models = g_strv_length ((char **) models);
  int pick = g_rand_int_range (rand, 0, 100);
  const char *a, *b, *cable;

  *undo = *redo = FALSE;
  if (rig_document_get_n_devices (doc) < 3 || pick < 18)
    return rig_command_add_device (rig_test_model (models[g_rand_int_range (rand, 0, n_models)]),
                                   NULL, g_rand_double_range (rand, 0, 500),
                                   g_rand_double_range (rand, 0, 500));
  if (pick < 45)
    {
      a = random_device (doc, rand);
      b = random_device (doc, rand);
      return rig_command_add_cable (a, random_jack (doc, a, rand), b, random_jack (doc, b, rand),
                                    NULL, NULL);
    }
  if (pick < 52)
    {
      const char *ids[] = { random_device (doc, rand), NULL };
      return rig_command_remove_devices (ids);
    }
  if (pick < 60 && (cable = random_cable (doc, rand)) != NULL)
    {
      const char *ids[] = { cable, NULL };
      return rig_command_remove_cables (ids);
    }
  if (pick < 70)
    {
      static const RigFigure figures[]
          = { RIG_FIGURE_PHANTOM_ON, RIG_FIGURE_BATTERY,        RIG_FIGURE_EARTHED,
              RIG_FIGURE_AMP_POWER,  RIG_FIGURE_POWER_HANDLING, RIG_FIGURE_NOMINAL_IMPEDANCE };
      RigFigure f = figures[g_rand_int_range (rand, 0, G_N_ELEMENTS (figures))];
      double value;

      switch (f)
        {
          case RIG_FIGURE_AMP_POWER:
          case RIG_FIGURE_POWER_HANDLING:
            value = g_rand_int_range (rand, 1, 40) * 5;
            break;
          case RIG_FIGURE_NOMINAL_IMPEDANCE:
            value = 1 << g_rand_int_range (rand, 1, 6);
            break;
          default:
            value = g_rand_int_range (rand, 0, 2);
            break;
        }
      if (g_rand_int_range (rand, 0, 6) == 0)
        value = NAN;
      return rig_command_set_device_figure (random_device (doc, rand), f, value);
    }
  if (pick < 76 && (cable = random_cable (doc, rand)) != NULL)
    {
      a = random_device (doc, rand);
      return rig_command_reconnect_cable (cable, g_rand_boolean (rand) ? RIG_END_FROM : RIG_END_TO,
                                          a, random_jack (doc, a, rand));
    }
  if (pick < 82 && (cable = random_cable (doc, rand)) != NULL)
    {
      RigCableSpec spec;
      RigCommand *command;

      rig_cable_spec_copy (&spec, &rig_document_find_cable (doc, cable)->spec);
      switch (g_rand_int_range (rand, 0, 4))
        {
          case 0:
            spec.length_m = g_rand_int_range (rand, 1, 30);
            break;
          case 1:
            spec.gauge_awg = 10 + 2 * g_rand_int_range (rand, 0, 5);
            break;
          case 2:
            spec.conductors = g_rand_int_range (rand, 2, 5);
            break;
          default:
            if (spec.kind == RIG_CABLE_KIND_CABLE && spec.ends[0].connector == RIG_CONNECTOR_PHONE)
              spec.ends[0].poles = 1 + g_rand_int_range (rand, 0, 3);
            break;
        }
      command = rig_command_set_cable_spec (cable, &spec);
      rig_cable_spec_clear (&spec);
      return command;
    }
  if (pick < 86)
    {
      g_autofree char *label = g_strdup_printf ("Thing %d", g_rand_int_range (rand, 0, 99));
      return rig_command_set_device_label (random_device (doc, rand), label);
    }
  if (pick < 89)
    {
      const char *ids[] = { random_device (doc, rand), NULL };
      return rig_command_move_devices (ids, 10, 10);
    }
  if (pick < 96)
    *undo = TRUE;
  else
    *redo = TRUE;
  return NULL;
}

static void
run_property (guint32 seed, guint steps)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (RigValidator) validator = rig_validator_new (doc);
  RigHistory *history = rig_test_history (doc);
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr (GPtrArray) previous = rig_validator_check_full (doc);
  Reported reported;
  guint applied = 0;

  reported_init (&reported);
  g_signal_connect (validator, "statuses-changed", G_CALLBACK (on_statuses_changed), &reported);

  for (guint step = 0; step < steps; step++)
    {
      gboolean undo, redo;
      RigCommand *command = random_command (doc, rand, &undo, &redo);
      g_autoptr (GPtrArray) full = NULL;
      g_autoptr (GHashTable) before_c = NULL;
      g_autoptr (GHashTable) before_d = NULL;
      g_autoptr (GHashTable) after_c = NULL;
      g_autoptr (GHashTable) after_d = NULL;

      reported_clear (&reported);
      if (command != NULL)
        {
          if (rig_history_apply (history, command, NULL))
            applied++;
        }
      else if (undo)
        rig_history_undo (history);
      else if (redo)
        rig_history_redo (history);

      full = rig_validator_check_full (doc);
      assert_same (validator, doc, full);

      before_c = index_by_object (previous, TRUE);
      before_d = index_by_object (previous, FALSE);
      after_c = index_by_object (full, TRUE);
      after_d = index_by_object (full, FALSE);
      assert_changed_set (before_c, after_c, reported.cables, "cable");
      assert_changed_set (before_d, after_d, reported.devices, "device");

      g_ptr_array_unref (previous);
      previous = g_ptr_array_ref (full);
    }

  g_assert_cmpuint (applied, >, steps / 2);
  reported_free (&reported);
}

static void
test_incremental_equals_full (void)
{
  guint steps = g_test_slow () ? 1000 : 400;

  for (guint32 seed = 1; seed <= 8; seed++)
    {
      if (g_test_verbose ())
        g_test_message ("seed %u", seed);
      run_property (seed, steps);
    }
}

/* ---- statuses, sorting, preview, paths ---------------------------------- */

static void
test_statuses (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (RigValidator) validator = rig_validator_new (doc);
  const char *phone = rig_test_add (doc, "phone-ctia", "Phone");
  const char *active = rig_test_add (doc, "speaker-active", "Speaker");
  const char *passive = rig_test_add (doc, "speaker-8", "Bookshelf");
  const char *good = rig_test_connect (doc, phone, "headset", active, "aux-in");
  RigCableSpec spec;
  const char *bad;
  g_autoptr (GPtrArray) mine = NULL;

  g_assert_cmpint (rig_validator_get_cable_status (validator, good), ==, RIG_SEVERITY_NONE);
  g_assert_cmpint (rig_validator_get_device_status (validator, active), ==, RIG_SEVERITY_NONE);
  /* A lone passive speaker is not wired yet: no verdict (physics.md §7.4). */
  g_assert_cmpint (rig_validator_get_device_status (validator, passive), ==, RIG_SEVERITY_NONE);

  rig_test_spec_plain (&spec, RIG_CONNECTOR_PHONE, RIG_CONNECTOR_SPEAKER_TERMINAL);
  spec.ends[0].size = RIG_PHONE_SIZE_3_5;
  spec.ends[0].poles = RIG_POLES_TRS;
  bad = rig_test_connect_spec (doc, rig_test_add (doc, "phone-ctia", "Phone 2"), "headset", passive,
                               "in", &spec);
  g_assert_cmpint (rig_validator_get_cable_status (validator, bad), ==, RIG_SEVERITY_ERROR);
  mine = rig_validator_get_cable_diagnostics (validator, bad);
  g_assert_cmpuint (mine->len, ==, 1);
  g_assert_cmpstr (((RigDiagnostic *) mine->pdata[0])->code, ==, "power.passive-unamplified");
  g_assert_cmpuint (rig_validator_count (validator, RIG_SEVERITY_ERROR), ==, 1);
  g_assert_cmpint (rig_validator_get_cable_status (validator, "nonesuch"), ==, RIG_SEVERITY_NONE);
  g_assert_cmpint (rig_validator_get_device_status (validator, NULL), ==, RIG_SEVERITY_NONE);

  /* Undo the bad cable: the error goes, statuses follow. */
  g_assert_true (rig_history_undo (rig_test_history (doc)));
  g_assert_cmpint (rig_validator_get_cable_status (validator, bad), ==, RIG_SEVERITY_NONE);
  g_assert_cmpint (rig_validator_get_device_status (validator, passive), ==, RIG_SEVERITY_NONE);
}

static void
test_sorting (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (RigValidator) validator = NULL;
  g_autoptr (GPtrArray) diags = NULL;
  const char *amp, *tt;

  /* Many problems at once. */
  amp = rig_test_add (doc, "amp-integrated", "Amp");
  tt = rig_test_add (doc, "turntable", "Turntable");
  rig_test_connect (doc, tt, "out", amp, "in-cd");
  /* Listeners wired to a splitter or an amplifier that nothing feeds (an
   * unwired one gets no verdict). */
  for (int i = 0; i < 12; i++)
    {
      const char *l = rig_test_add (doc, i % 2 ? "speaker-8" : "headphones-32", NULL);
      if (i % 2)
        rig_test_connect (doc, rig_test_add (doc, "amp-tube", NULL), "spk-l", l, "in");
      else
        rig_test_connect (doc, rig_test_add (doc, "splitter", NULL), "a", l, "plug");
    }
  rig_test_connect (doc, rig_test_add (doc, "pc", "PC"), "line-out", amp, "aux-in");
  rig_test_connect (doc, rig_test_add (doc, "tv", "TV"), "bt",
                    rig_test_add (doc, "bt-headphones", "BT"), "bt");
  validator = rig_validator_new (doc);
  diags = rig_validator_get_diagnostics (validator);
  g_assert_cmpuint (diags->len, >, 10);
  for (guint i = 1; i < diags->len; i++)
    {
      const RigDiagnostic *a = diags->pdata[i - 1], *b = diags->pdata[i];
      g_assert_cmpint (a->severity, >=, b->severity);
      if (a->severity == b->severity)
        {
          g_assert_cmpint (strcmp (a->code, b->code), <=, 0);
          if (strcmp (a->code, b->code) == 0)
            g_assert_cmpint (rig_id_compare (rig_diagnostic_get_first_object (a),
                                             rig_diagnostic_get_first_object (b)),
                             <=, 0);
        }
      g_assert_cmpint (rig_diagnostic_compare (a, b), <, 0);
    }
  /* Natural order of ids: d2 before d10. */
  g_assert_cmpint (rig_id_compare ("d2", "d10"), <, 0);
  g_assert_cmpint (rig_id_compare ("A-010", "A-009"), >, 0);
  g_assert_cmpint (rig_id_compare ("d01", "d1"), !=, 0);
  g_assert_cmpint (rig_id_compare ("c1", "c1"), ==, 0);
  g_assert_cmpint (rig_id_compare ("d1:in", "d1"), >, 0);
}

/* The list a reader holds stays as it was read: a re-check makes another.
 * What the re-check left alone is the very same diagnostic in both. */
static void
test_list_kept (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (RigValidator) validator = rig_validator_new (doc);
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GPtrArray) copy = NULL;
  const char *amp = rig_test_add (doc, "amp-integrated", "Amp");
  guint shared = 0;

  for (int i = 0; i < 6; i++)
    rig_test_connect (doc, rig_test_add (doc, "amp-tube", NULL), "spk-l",
                      rig_test_add (doc, "speaker-8", NULL), "in");
  before = rig_validator_get_diagnostics (validator);
  g_assert_cmpuint (before->len, >, 0);
  /* What it held (its own references keep them). */
  copy = g_ptr_array_new ();
  for (guint i = 0; i < before->len; i++)
    g_ptr_array_add (copy, before->pdata[i]);

  /* A new problem, elsewhere in the rig. */
  rig_test_connect (doc, rig_test_add (doc, "turntable", "Turntable"), "out", amp, "in-cd");
  after = rig_validator_get_diagnostics (validator);
  g_assert_true (after != before);
  g_assert_cmpuint (after->len, >, before->len);
  g_assert_cmpuint (before->len, ==, copy->len);
  for (guint i = 0; i < copy->len; i++)
    g_assert_true (before->pdata[i] == copy->pdata[i]);
  for (guint i = 0; i < after->len; i++)
    for (guint k = 0; k < before->len; k++)
      shared += after->pdata[i] == before->pdata[k];
  g_assert_cmpuint (shared, ==, before->len);
}

static void
count_emission (RigValidator *validator, const char *const *cables, const char *const *devices,
                guint *count)
{
  (*count)++;
}

static void
test_judge_connection (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (RigValidator) validator = rig_validator_new (doc);
  const char *phone = rig_test_add (doc, "phone-ctia", "Phone");
  const char *amp = rig_test_add (doc, "amp-integrated", "Amp");
  const char *spk = rig_test_add (doc, "speaker-8", "Bookshelf");
  const char *omtp = rig_test_add (doc, "headset-omtp", "Headset");
  const char *third = rig_test_add (doc, "speaker-8", "Third");
  const char *phone2 = rig_test_add (doc, "phone-ctia", "Phone 2");
  const char *right = rig_test_add (doc, "speaker-8", "Right");
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  guint emissions = 0;
  guint n_cables;

  rig_test_connect (doc, phone, "headset", amp, "aux-in");
  rig_test_connect (doc, amp, "spk-l", spk, "in");
  rig_test_connect (doc, amp, "spk-l", rig_test_add (doc, "speaker-8", "Second"), "in");
  before = rig_validator_get_diagnostics (validator);
  n_cables = rig_document_get_n_cables (doc);
  g_signal_connect (validator, "statuses-changed", G_CALLBACK (count_emission), &emissions);

  /* A phone straight into a passive speaker: no sound. */
  g_assert_cmpint (rig_validator_judge_connection (validator, phone, "headset", spk, "in"), ==,
                   RIG_SEVERITY_ERROR);
  /* The right cable. */
  g_assert_cmpint (rig_validator_judge_connection (validator, amp, "spk-r", right, "in"), ==,
                   RIG_SEVERITY_NONE);
  /* Both amplifier channels into one speaker: outputs joined. */
  g_assert_cmpint (rig_validator_judge_connection (validator, amp, "spk-r", spk, "in"), ==,
                   RIG_SEVERITY_ERROR);
  /* A third 8 Ω speaker on a 4 Ω amplifier channel. */
  g_assert_cmpint (rig_validator_judge_connection (validator, amp, "spk-l", third, "in"), ==,
                   RIG_SEVERITY_ERROR);
  /* CTIA against OMTP: a warning. */
  g_assert_cmpint (rig_validator_judge_connection (validator, omtp, "plug", phone2, "headset"), ==,
                   RIG_SEVERITY_WARNING);
  g_assert_cmpint (rig_validator_judge_connection (validator, "nope", "x", spk, "in"), ==,
                   RIG_SEVERITY_NONE);
  g_assert_cmpint (rig_validator_judge_connection (validator, phone, "nope", spk, "in"), ==,
                   RIG_SEVERITY_NONE);

  /* Nothing changed: document, diagnostics, no signal. */
  g_assert_cmpuint (rig_document_get_n_cables (doc), ==, n_cables);
  after = rig_validator_get_diagnostics (validator);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    g_assert_true (rig_diagnostic_equal (after->pdata[i], before->pdata[i]));
  {
    g_autoptr (GPtrArray) full = rig_validator_check_full (doc);
    assert_same (validator, doc, full);
  }
  g_assert_cmpuint (emissions, ==, 0);
}

static void
test_signal_paths (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (RigValidator) validator = rig_validator_new (doc);
  const char *phone = rig_test_add (doc, "phone-ctia", "Phone");
  const char *amp = rig_test_add (doc, "amp-integrated", "Amp");
  const char *l = rig_test_add (doc, "speaker-8", "Left");
  const char *r = rig_test_add (doc, "speaker-8", "Right");
  const char *tt = rig_test_add (doc, "turntable", "Turntable");
  const char *c1 = rig_test_connect (doc, phone, "headset", amp, "aux-in");
  const char *c2 = rig_test_connect (doc, amp, "spk-l", l, "in");
  const char *c3 = rig_test_connect (doc, amp, "spk-r", r, "in");
  g_auto (GStrv) from_phone = NULL;
  g_auto (GStrv) to_left = NULL;
  g_auto (GStrv) from_tt = NULL;
  g_auto (GStrv) unknown = NULL;

  from_phone = rig_validator_signal_paths (validator, phone);
  g_assert_cmpuint (g_strv_length (from_phone), ==, 3);
  g_assert_cmpstr (from_phone[0], ==, c1);
  g_assert_cmpstr (from_phone[1], ==, c2);
  g_assert_cmpstr (from_phone[2], ==, c3);

  /* A speaker: where its signal comes from. */
  to_left = rig_validator_signal_paths (validator, l);
  g_assert_cmpuint (g_strv_length (to_left), ==, 2);
  g_assert_cmpstr (to_left[0], ==, c1);
  g_assert_cmpstr (to_left[1], ==, c2);

  from_tt = rig_validator_signal_paths (validator, tt);
  g_assert_cmpuint (g_strv_length (from_tt), ==, 0);
  unknown = rig_validator_signal_paths (validator, "nope");
  g_assert_cmpuint (g_strv_length (unknown), ==, 0);
}

static void
test_statuses_changed (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (RigValidator) validator = rig_validator_new (doc);
  Reported reported;
  const char *phone = rig_test_add (doc, "phone-ctia", "Phone");
  const char *spk = rig_test_add (doc, "speaker-usb", "USB speakers");
  const char *laptop = rig_test_add (doc, "laptop", "Laptop");
  const char *cable;
  const char *ids[2] = { NULL, NULL };

  reported_init (&reported);
  g_signal_connect (validator, "statuses-changed", G_CALLBACK (on_statuses_changed), &reported);

  /* Power the speakers: their power.unpowered goes. */
  cable = rig_test_connect (doc, laptop, "usb-a", spk, "usb-power");
  g_assert_cmpuint (reported.emissions, ==, 1);
  g_assert_true (g_hash_table_contains (reported.devices, spk));
  g_assert_false (g_hash_table_contains (reported.cables, cable)); /* it has none */

  /* Moving a device changes nothing. */
  reported_clear (&reported);
  ids[0] = phone;
  g_assert_true (
      rig_history_apply (rig_test_history (doc), rig_command_move_devices (ids, 5, 5), NULL));
  g_assert_cmpuint (reported.emissions, ==, 0);

  /* Renaming a device rewrites the messages that name it (a speaker wired
   * to an amplifier that nothing feeds; an unwired one has none). */
  {
    const char *passive = rig_test_add (doc, "speaker-8", "Bookshelf");
    rig_test_connect (doc, rig_test_add (doc, "amp-integrated", "Amp"), "spk-l", passive, "in");
    reported_clear (&reported);
    g_assert_true (rig_history_apply (
        rig_test_history (doc), rig_command_set_device_label (passive, "Desk speaker"), NULL));
    g_assert_cmpuint (reported.emissions, ==, 1);
    g_assert_true (g_hash_table_contains (reported.devices, passive));
  }
  reported_free (&reported);
}

static void
test_document_replaced (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (RigValidator) validator = rig_validator_new (doc);
  const char *spk;

  /* Remove everything in one group and redo it: big changes stay exact. */
  spk = rig_test_add (doc, "speaker-8", "Bookshelf");
  rig_test_connect (doc, rig_test_add (doc, "amp-tube", "Idle amp"), "spk-l", spk, "in");
  rig_test_connect (doc, rig_test_add (doc, "phone-ctia", "Phone"), "headset",
                    rig_test_add (doc, "amp-integrated", "Amp"), "aux-in");
  g_assert_cmpint (rig_validator_get_device_status (validator, spk), ==, RIG_SEVERITY_ERROR);
  while (rig_history_undo (rig_test_history (doc)))
    ;
  {
    g_autoptr (GPtrArray) none = rig_validator_get_diagnostics (validator);
    g_assert_cmpuint (none->len, ==, 0);
  }
  while (rig_history_redo (rig_test_history (doc)))
    ;
  {
    g_autoptr (GPtrArray) full = rig_validator_check_full (doc);
    assert_same (validator, doc, full);
  }
}

/* A change that replaces the whole document (a load into an open window)
 * rebuilds everything and reports only what differs. */
static void
test_change_all (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (RigValidator) validator = rig_validator_new (doc);
  g_autoptr (RigChange) change = rig_change_new ();
  Reported reported;
  const char *spk = rig_test_add (doc, "speaker-8", "Bookshelf");

  rig_test_connect (doc, rig_test_add (doc, "amp-tube", "Idle amp"), "spk-l", spk, "in");
  rig_test_connect (doc, rig_test_add (doc, "phone-ctia", "Phone"), "headset",
                    rig_test_add (doc, "amp-integrated", "Amp"), "aux-in");
  reported_init (&reported);
  g_signal_connect (validator, "statuses-changed", G_CALLBACK (on_statuses_changed), &reported);

  change->flags = RIG_CHANGE_ALL;
  g_signal_emit_by_name (doc, "changed", change);
  g_assert_cmpuint (reported.emissions, ==, 0);
  g_assert_cmpint (rig_validator_get_device_status (validator, spk), ==, RIG_SEVERITY_ERROR);
  {
    g_autoptr (GPtrArray) full = rig_validator_check_full (doc);
    assert_same (validator, doc, full);
  }
  reported_free (&reported);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validator/incremental-equals-full", test_incremental_equals_full);
  g_test_add_func ("/validator/statuses", test_statuses);
  g_test_add_func ("/validator/statuses-changed", test_statuses_changed);
  g_test_add_func ("/validator/sorting", test_sorting);
  g_test_add_func ("/validator/list-kept", test_list_kept);
  g_test_add_func ("/validator/judge-connection", test_judge_connection);
  g_test_add_func ("/validator/signal-paths", test_signal_paths);
  g_test_add_func ("/validator/undo-redo-all", test_document_replaced);
  g_test_add_func ("/validator/change-all", test_change_all);
  return g_test_run ();
}
