/* test-deferred.c: a rig drawn before it is checked and routed (#13).
 *
 * The editor makes a deferred validator and a deferred layout, so that the
 * first frame of a big rig comes before its check and its routes. These
 * prove that deferring changes nothing but the moment: until the check, no
 * verdict is given that a full check would not give (the per-object queries
 * answer as for an unchecked rig, the whole-rig ones check first), the
 * check reports every object it colours, an edit made before it is
 * included, and a finished layout is the layout made at once, on every
 * example rig.
 */
#include "config.h"

#include <string.h>

#include "rig-catalog.h"
#include "rig-format.h"
#include "rig-layout.h"
#include "rig-test-models.h"
#include "rig-validator.h"

static const char *const examples[] = {
  "car.rigwire",
  "home-studio.rigwire",
  "home-theater.rigwire",
  "podcast-desk.rigwire",
  "lesson-aux-vs-headphone.rigwire",
  "lesson-aux-power-speakers.rigwire",
  "fault-headphone-amp.rigwire",
};

typedef struct
{
  guint emissions;
  GHashTable *cables; /* ids reported */
  GHashTable *devices;
} Reports;

static void
statuses_changed_cb (RigValidator *validator, const char *const *cables, const char *const *devices,
                     Reports *reports)
{
  reports->emissions++;
  for (guint i = 0; cables[i] != NULL; i++)
    g_hash_table_add (reports->cables, g_strdup (cables[i]));
  for (guint i = 0; devices[i] != NULL; i++)
    g_hash_table_add (reports->devices, g_strdup (devices[i]));
}

/* @a and @b hold the same diagnostics, in the same order. */
static void
assert_same_diagnostics (GPtrArray *a, GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_true (rig_diagnostic_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)));
}

/* Every status and every object's diagnostics of @deferred equal @checked's. */
static void
assert_same_verdicts (RigDocument *doc, RigValidator *deferred, RigValidator *checked)
{
  g_autoptr (GPtrArray) all_a = rig_validator_get_diagnostics (deferred);
  g_autoptr (GPtrArray) all_b = rig_validator_get_diagnostics (checked);

  assert_same_diagnostics (all_a, all_b);
  for (guint i = 0; i < rig_document_get_n_cables (doc); i++)
    {
      const char *id = rig_document_get_cable (doc, i)->id;
      g_autoptr (GPtrArray) a = rig_validator_get_cable_diagnostics (deferred, id);
      g_autoptr (GPtrArray) b = rig_validator_get_cable_diagnostics (checked, id);

      g_assert_cmpint (rig_validator_get_cable_status (deferred, id), ==,
                       rig_validator_get_cable_status (checked, id));
      assert_same_diagnostics (a, b);
    }
  for (guint i = 0; i < rig_document_get_n_devices (doc); i++)
    {
      const char *id = rig_document_get_device (doc, i)->id;

      g_assert_cmpint (rig_validator_get_device_status (deferred, id), ==,
                       rig_validator_get_device_status (checked, id));
    }
}

static void
test_check_reports_every_verdict (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr (RigDocument) doc = rig_test_load_example (examples[e]);
      g_autoptr (RigValidator) deferred = rig_validator_new_deferred (doc);
      g_autoptr (RigValidator) checked = rig_validator_new (doc);
      Reports reports = { 0, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                          g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
      guint faulty = 0;

      g_test_message ("%s", examples[e]);
      g_signal_connect (deferred, "statuses-changed", G_CALLBACK (statuses_changed_cb), &reports);
      g_assert_true (rig_validator_is_pending (deferred));
      /* Before the check: nothing judged, nothing said. */
      for (guint i = 0; i < rig_document_get_n_cables (doc); i++)
        {
          const char *id = rig_document_get_cable (doc, i)->id;
          g_autoptr (GPtrArray) none = rig_validator_get_cable_diagnostics (deferred, id);

          g_assert_cmpint (rig_validator_get_cable_status (deferred, id), ==, RIG_SEVERITY_NONE);
          g_assert_cmpuint (none->len, ==, 0);
          faulty += rig_validator_get_cable_status (checked, id) != RIG_SEVERITY_NONE;
        }
      g_assert_true (rig_validator_is_pending (deferred));
      g_assert_cmpuint (reports.emissions, ==, 0);

      rig_validator_check_pending (deferred);
      g_assert_false (rig_validator_is_pending (deferred));
      /* One report, naming every object that now has a verdict. */
      g_assert_cmpuint (reports.emissions, ==, 1);
      g_assert_cmpuint (g_hash_table_size (reports.cables), ==, faulty);
      for (guint i = 0; i < rig_document_get_n_cables (doc); i++)
        {
          const char *id = rig_document_get_cable (doc, i)->id;

          g_assert_cmpint (g_hash_table_contains (reports.cables, id), ==,
                           rig_validator_get_cable_status (checked, id) != RIG_SEVERITY_NONE);
        }
      for (guint i = 0; i < rig_document_get_n_devices (doc); i++)
        {
          const char *id = rig_document_get_device (doc, i)->id;
          g_autoptr (GPtrArray) d = rig_validator_get_device_diagnostics (checked, id);

          g_assert_cmpint (g_hash_table_contains (reports.devices, id), ==, d->len > 0);
        }
      assert_same_verdicts (doc, deferred, checked);
      /* A second call checks nothing again. */
      rig_validator_check_pending (deferred);
      g_assert_cmpuint (reports.emissions, ==, 1);
      g_hash_table_unref (reports.cables);
      g_hash_table_unref (reports.devices);
    }
}

/* A rig with no problems still says it has been checked. */
static void
test_clean_rig_reports_its_check (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (RigValidator) deferred = rig_validator_new_deferred (doc);
  Reports reports = { 0, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };

  g_signal_connect (deferred, "statuses-changed", G_CALLBACK (statuses_changed_cb), &reports);
  rig_validator_check_pending (deferred);
  g_assert_cmpuint (reports.emissions, ==, 1);
  g_assert_cmpuint (g_hash_table_size (reports.cables), ==, 0);
  g_hash_table_unref (reports.cables);
  g_hash_table_unref (reports.devices);
}

/* Whatever needs the whole rig's verdicts checks it first. */
static void
test_whole_rig_queries_check_first (void)
{
  g_autoptr (RigDocument) doc = rig_test_load_example ("fault-headphone-amp.rigwire");
  g_autoptr (RigValidator) checked = rig_validator_new (doc);
  g_autoptr (RigValidator) by_count = rig_validator_new_deferred (doc);
  g_autoptr (RigValidator) by_list = rig_validator_new_deferred (doc);
  g_autoptr (GPtrArray) all = NULL;
  guint errors = rig_validator_count (checked, RIG_SEVERITY_ERROR)
                 + rig_validator_count (checked, RIG_SEVERITY_WARNING);

  g_assert_cmpuint (errors, >, 0);
  g_assert_cmpuint (rig_validator_count (by_count, RIG_SEVERITY_ERROR)
                        + rig_validator_count (by_count, RIG_SEVERITY_WARNING),
                    ==, errors);
  g_assert_false (rig_validator_is_pending (by_count));
  all = rig_validator_get_diagnostics (by_list);
  g_assert_false (rig_validator_is_pending (by_list));
  g_assert_cmpuint (all->len, >, 0);
  assert_same_verdicts (doc, by_list, checked);
}

/* An edit before the check is in it. */
static void
test_edit_before_check_is_checked (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr (RigDocument) doc = rig_test_load_example (examples[e]);
      g_autoptr (RigValidator) deferred = rig_validator_new_deferred (doc);
      g_autoptr (RigValidator) checked = NULL;
      g_autofree char *id = NULL;

      /* An exercise's given cables cannot be removed. */
      if (rig_document_get_n_cables (doc) == 0 || rig_document_get_exercise (doc) != NULL)
        continue;
      id = g_strdup (rig_document_get_cable (doc, 0)->id);
      rig_test_remove_cable (doc, id);
      g_assert_false (rig_validator_is_pending (deferred));
      checked = rig_validator_new (doc);
      assert_same_verdicts (doc, deferred, checked);
    }
}

static void
count_changed_cb (RigLayout *layout, const RigChange *change, const GArray *damage, guint *n)
{
  g_assert_true (change->flags & RIG_CHANGE_ALL);
  g_assert_cmpuint (damage->len, >, 0);
  (*n)++;
}

/* Every cable of @a has the path and number place it has in @b. */
static void
assert_same_layout (RigDocument *doc, RigLayout *a, RigLayout *b)
{
  for (guint i = 0; i < rig_document_get_n_cables (doc); i++)
    {
      const char *id = rig_document_get_cable (doc, i)->id;
      const RigPoint *pa, *pb;
      guint na, nb;
      RigPoint la, lb;

      g_assert_true (rig_layout_get_cable_path (a, id, &pa, &na));
      g_assert_true (rig_layout_get_cable_path (b, id, &pb, &nb));
      g_assert_cmpuint (na, ==, nb);
      g_assert_cmpmem (pa, na * sizeof *pa, pb, nb * sizeof *pb);
      g_assert_true (rig_layout_get_cable_label_point (a, id, &la));
      g_assert_true (rig_layout_get_cable_label_point (b, id, &lb));
      g_assert_cmpfloat (la.x, ==, lb.x);
      g_assert_cmpfloat (la.y, ==, lb.y);
    }
}

static void
test_finished_layout_is_the_layout (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr (RigDocument) doc = rig_test_load_example (examples[e]);
      g_autoptr (RigLayout) deferred = rig_layout_new_deferred (doc);
      g_autoptr (RigLayout) at_once = rig_layout_new (doc);
      guint changes = 0;

      g_test_message ("%s", examples[e]);
      g_assert_true (rig_layout_is_provisional (deferred));
      g_assert_false (rig_layout_is_provisional (at_once));
      /* Until finished, a cable is its plain curve, from port to port. */
      for (guint i = 0; i < rig_document_get_n_cables (doc); i++)
        {
          RigCable *cable = rig_document_get_cable (doc, i);
          RigPortGeometry from, to;
          const RigPoint *p;
          guint n;

          g_assert_true (rig_layout_get_cable_path (deferred, cable->id, &p, &n));
          g_assert_true (rig_layout_get_port (deferred, cable->device[RIG_END_FROM],
                                              cable->jack[RIG_END_FROM], &from));
          g_assert_true (rig_layout_get_port (deferred, cable->device[RIG_END_TO],
                                              cable->jack[RIG_END_TO], &to));
          g_assert_cmpfloat_with_epsilon (p[0].x, from.anchor.x, 1e-9);
          g_assert_cmpfloat_with_epsilon (p[0].y, from.anchor.y, 1e-9);
          g_assert_cmpfloat_with_epsilon (p[n - 1].x, to.anchor.x, 1e-9);
          g_assert_cmpfloat_with_epsilon (p[n - 1].y, to.anchor.y, 1e-9);
        }
      g_signal_connect (deferred, "changed", G_CALLBACK (count_changed_cb), &changes);
      rig_layout_finish (deferred);
      g_assert_false (rig_layout_is_provisional (deferred));
      g_assert_cmpuint (changes, ==, 1);
      assert_same_layout (doc, deferred, at_once);
      rig_layout_finish (deferred);
      g_assert_cmpuint (changes, ==, 1);
    }
}

static void
test_edit_finishes_the_layout (void)
{
  g_autoptr (RigDocument) doc = rig_test_load_example ("home-theater.rigwire");
  g_autoptr (RigLayout) deferred = rig_layout_new_deferred (doc);
  g_autoptr (RigLayout) at_once = NULL;
  g_autofree char *id = g_strdup (rig_document_get_cable (doc, 0)->id);

  rig_test_remove_cable (doc, id);
  g_assert_false (rig_layout_is_provisional (deferred));
  at_once = rig_layout_new (doc);
  assert_same_layout (doc, deferred, at_once);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/deferred/check-reports-every-verdict", test_check_reports_every_verdict);
  g_test_add_func ("/deferred/clean-rig-reports-its-check", test_clean_rig_reports_its_check);
  g_test_add_func ("/deferred/whole-rig-queries-check-first", test_whole_rig_queries_check_first);
  g_test_add_func ("/deferred/edit-before-check-is-checked", test_edit_before_check_is_checked);
  g_test_add_func ("/deferred/finished-layout-is-the-layout", test_finished_layout_is_the_layout);
  g_test_add_func ("/deferred/edit-finishes-the-layout", test_edit_finishes_the_layout);
  return g_test_run ();
}
