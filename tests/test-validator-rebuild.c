/* test-validator-rebuild.c: a re-check of the whole rig after an edit.
 *
 * A change of the rig's settings (the listening distance) makes the
 * validator build its index again and check everything. These prove that
 * such a rebuild gives every object the verdicts a new validator gives, that
 * every status is the worst of its object's diagnostics, and that
 * statuses-changed names exactly the objects whose diagnostics changed, on
 * every example rig.
 */
#include "config.h"

#include <math.h>

#include "rig-command.h"
#include "rig-history.h"
#include "rig-test-models.h"
#include "rig-validator.h"

static const char *const examples[] = {
  "home-theater.rigwire",
  "fault-power-speakers.rigwire",
  "car.rigwire",
  "lesson-headphone-amp-speakers.rigwire",
  "podcast-desk.rigwire",
  "fault-headphone-amp.rigwire",
  "home-studio.rigwire",
  "lesson-aux-power-speakers.rigwire",
  "lesson-aux-vs-headphone.rigwire",
};

/* Listening distances, m; NAN unsets it. */
static const double distances[] = { 0.3, 12, 400, NAN, 2 };

/* What statuses-changed named since it was last cleared. */
typedef struct
{
  guint emissions;
  GHashTable *named[2]; /* ids: [0] the cables, [1] the devices */
} Named;

static void
on_named (RigValidator *validator, char **cables, char **devices, Named *named)
{
  char **lists[2] = { cables, devices };

  named->emissions++;
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (char **id = lists[l]; *id != NULL; id++)
      g_hash_table_add (named->named[l], g_strdup (*id));
}

static gboolean
same_diagnostics (GPtrArray *a, GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!rig_diagnostic_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

/* What @validator says of each object of @doc: id -> its diagnostics. */
static void
take_verdicts (RigValidator *validator, RigDocument *doc, GHashTable *cables, GHashTable *devices)
{
  g_hash_table_remove_all (cables);
  g_hash_table_remove_all (devices);
  for (guint i = 0; i < rig_document_get_n_cables (doc); i++)
    {
      const char *id = rig_document_get_cable (doc, i)->id;
      g_hash_table_insert (cables, g_strdup (id),
                           rig_validator_get_cable_diagnostics (validator, id));
    }
  for (guint i = 0; i < rig_document_get_n_devices (doc); i++)
    {
      const char *id = rig_document_get_device (doc, i)->id;
      g_hash_table_insert (devices, g_strdup (id),
                           rig_validator_get_device_diagnostics (validator, id));
    }
}

static GHashTable *
verdicts_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) g_ptr_array_unref);
}

/* The objects of @after whose diagnostics differ from @before's are those
 * @reported names, and no other; returns how many. */
static guint
assert_reported_changes (GHashTable *before, GHashTable *after, GHashTable *reported)
{
  GHashTableIter iter;
  gpointer key, value;
  guint changed = 0;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gboolean differs = !same_diagnostics (g_hash_table_lookup (before, key), value);

      if (differs != g_hash_table_contains (reported, key))
        g_error ("%s: %s but %s", (const char *) key, differs ? "changed" : "unchanged",
                 differs ? "not reported" : "reported");
      changed += differs;
    }
  g_assert_cmpuint (g_hash_table_size (reported), ==, changed);
  return changed;
}

/* Every status is the worst of the object's diagnostics, and every object
 * has the diagnostics a new validator of @doc gives it. */
static void
assert_as_new (RigValidator *validator, RigDocument *doc, GHashTable *cables, GHashTable *devices)
{
  g_autoptr (RigValidator) fresh = rig_validator_new (doc);
  g_autoptr (GHashTable) fresh_cables = verdicts_new ();
  g_autoptr (GHashTable) fresh_devices = verdicts_new ();
  GHashTableIter iter;
  gpointer key, value;

  take_verdicts (fresh, doc, fresh_cables, fresh_devices);
  g_hash_table_iter_init (&iter, cables);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_assert_true (same_diagnostics (value, g_hash_table_lookup (fresh_cables, key)));
      g_assert_cmpint (rig_validator_get_cable_status (validator, key), ==,
                       rig_diagnostics_worst (value));
    }
  g_hash_table_iter_init (&iter, devices);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_assert_true (same_diagnostics (value, g_hash_table_lookup (fresh_devices, key)));
      g_assert_cmpint (rig_validator_get_device_status (validator, key), ==,
                       rig_diagnostics_worst (value));
    }
}

/* A settings change re-checks the whole rig: what statuses-changed names
 * is exactly what changed, and the result is a new validator's. */
static void
test_rebuild_reports_exactly_what_changed (void)
{
  guint changed = 0;

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr (RigDocument) doc = rig_test_load_example (examples[e]);
      RigHistory *history = rig_test_history (doc);
      g_autoptr (RigValidator) validator = rig_validator_new (doc);
      g_autoptr (GHashTable) before_c = verdicts_new ();
      g_autoptr (GHashTable) before_d = verdicts_new ();
      g_autoptr (GHashTable) after_c = verdicts_new ();
      g_autoptr (GHashTable) after_d = verdicts_new ();
      Named named = { 0,
                      { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                        g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) } };

      g_signal_connect (validator, "statuses-changed", G_CALLBACK (on_named), &named);
      for (guint i = 0; i < G_N_ELEMENTS (distances); i++)
        {
          g_autoptr (GError) error = NULL;

          take_verdicts (validator, doc, before_c, before_d);
          named.emissions = 0;
          for (guint l = 0; l < G_N_ELEMENTS (named.named); l++)
            g_hash_table_remove_all (named.named[l]);
          g_assert_true (rig_history_apply (
              history, rig_command_set_listening_distance (distances[i]), &error));
          g_assert_no_error (error);
          take_verdicts (validator, doc, after_c, after_d);

          g_assert_cmpuint (named.emissions, <=, 1);
          changed += assert_reported_changes (before_c, after_c, named.named[0]);
          changed += assert_reported_changes (before_d, after_d, named.named[1]);
          g_assert_cmpuint (named.emissions, ==,
                            g_hash_table_size (named.named[0]) + g_hash_table_size (named.named[1])
                                > 0);
          assert_as_new (validator, doc, after_c, after_d);
        }
      g_signal_handlers_disconnect_by_data (validator, &named);
      for (guint l = 0; l < G_N_ELEMENTS (named.named); l++)
        g_hash_table_unref (named.named[l]);
    }
  /* The distances change some verdict (loudness at the listener), or this
   * proves nothing about the objects that change. */
  g_assert_cmpuint (changed, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/validator-rebuild/reports-exactly-what-changed",
                   test_rebuild_reports_exactly_what_changed);
  return g_test_run ();
}
