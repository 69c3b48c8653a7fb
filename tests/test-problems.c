/* test-problems.c: the problems list follows the validator live. */
#include "config.h"

#include <gtk/gtk.h>

#include "rig-command.h"
#include "rig-format.h"
#include "rig-history.h"
#include "rig-problems.h"
#include "rig-test-models.h"

static RigDocument *
load_example (const char *name)
{
  g_autofree char *path = g_strconcat ("/io/github/rigwire/Rigwire/examples/", name, NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  RigDocument *document;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  document = rig_format_load_bytes (bytes, name, NULL, &error);
  g_assert_no_error (error);
  return document;
}

/* The list view inside the problems widget. */
static GtkListView *
find_list (GtkWidget *problems)
{
  for (GtkWidget *w = gtk_widget_get_first_child (problems); w; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      {
        GtkWidget *list = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (w));

        g_assert_true (GTK_IS_LIST_VIEW (list));
        return GTK_LIST_VIEW (list);
      }
  g_assert_not_reached ();
}

/* The label that says the list is empty, and why. */
static GtkLabel *
find_label (GtkWidget *problems)
{
  for (GtkWidget *w = gtk_widget_get_first_child (problems); w; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_LABEL (w))
      return GTK_LABEL (w);
  g_assert_not_reached ();
}

/* The rows the list holds (its model's items: the view makes widgets for
 * those in sight). */
static guint
count_rows (GtkWidget *problems)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (find_list (problems))));
}

static gpointer
row_item (GtkWidget *problems, guint position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (find_list (problems)));
  gpointer item = g_list_model_get_item (model, position);

  g_object_unref (item); /* the model keeps it */
  return item;
}

static void
on_activated (RigProblems *problems, RigDiagnostic *diagnostic, RigDiagnostic **out)
{
  *out = rig_diagnostic_ref (diagnostic);
}

static void
test_follows_edits (void)
{
  g_autoptr (RigDocument) document = load_example ("lesson-aux-vs-headphone.rigwire");
  g_autoptr (RigValidator) validator = rig_validator_new (document);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *problems = rig_problems_new ();
  GPtrArray *shown;
  g_autoptr (RigDiagnostic) activated = NULL;
  g_autoptr (GError) error = NULL;
  guint before;

  gtk_window_set_child (GTK_WINDOW (window), problems);
  rig_problems_set_validator (RIG_PROBLEMS (problems), validator);
  gtk_window_present (GTK_WINDOW (window));

  shown = rig_problems_get_diagnostics (RIG_PROBLEMS (problems));
  before = shown->len;
  g_assert_cmpuint (before, ==,
                    rig_validator_count (validator, RIG_SEVERITY_ERROR)
                        + rig_validator_count (validator, RIG_SEVERITY_WARNING)
                        + rig_validator_count (validator, RIG_SEVERITY_INFO));
  g_assert_cmpuint (before, >, 1);
  g_assert_cmpuint (count_rows (problems), ==, before);
  /* Errors first. */
  g_assert_cmpint (((RigDiagnostic *) g_ptr_array_index (shown, 0))->severity, ==,
                   RIG_SEVERITY_ERROR);

  /* Activating a row hands its diagnostic to the window. */
  g_signal_connect (problems, "diagnostic-activated", G_CALLBACK (on_activated), &activated);
  rig_problems_activate_row (RIG_PROBLEMS (problems), 0);
  g_assert_nonnull (activated);
  g_assert_cmpstr (activated->code, ==, "connector.size");

  /* Fixing the rig empties the list at once: remove every cable. */
  {
    g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
    g_auto (GStrv) ids = NULL;

    for (guint i = 0; i < rig_document_get_n_cables (document); i++)
      g_strv_builder_add (builder, rig_document_get_cable (document, i)->id);
    ids = g_strv_builder_end (builder);
    g_assert_true (rig_history_apply (rig_test_history (document),
                                      rig_command_remove_cables ((const char *const *) ids),
                                      &error));
    g_assert_no_error (error);
  }
  shown = rig_problems_get_diagnostics (RIG_PROBLEMS (problems));
  g_assert_cmpuint (shown->len, ==, rig_validator_get_diagnostics (validator)->len);

  /* Undo brings them back. */
  g_assert_true (rig_history_undo (rig_test_history (document)));
  shown = rig_problems_get_diagnostics (RIG_PROBLEMS (problems));
  g_assert_cmpuint (shown->len, ==, before);
  g_assert_cmpuint (count_rows (problems), ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An edit re-checks one part of the rig: the rows of problems it did not
 * touch stay as they were (the same items, an open explanation stays open),
 * and only what came or went is added or removed. */
static void
test_edits_in_place (void)
{
  g_autoptr (RigDocument) document = load_example ("lesson-aux-vs-headphone.rigwire");
  g_autoptr (RigValidator) validator = rig_validator_new (document);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *problems = rig_problems_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) kept = g_ptr_array_new ();
  GPtrArray *shown;
  const RigCable *cable;
  guint before;

  gtk_window_set_child (GTK_WINDOW (window), problems);
  rig_problems_set_validator (RIG_PROBLEMS (problems), validator);
  gtk_window_present (GTK_WINDOW (window));
  shown = rig_problems_get_diagnostics (RIG_PROBLEMS (problems));
  before = shown->len;
  g_assert_cmpuint (before, >, 1);

  /* Remove one cable: its problems go, the others' items stay the same. */
  cable = NULL;
  for (guint i = 0; i < shown->len && cable == NULL; i++)
    {
      RigDiagnostic *d = g_ptr_array_index (shown, i);

      if (d->cables[0] != NULL)
        cable = rig_document_find_cable (document, d->cables[0]);
    }
  g_assert_nonnull (cable);
  for (guint i = 0; i < shown->len; i++)
    if (!rig_diagnostic_concerns_cable (g_ptr_array_index (shown, i), cable->id))
      g_ptr_array_add (kept, row_item (problems, i));
  g_assert_cmpuint (kept->len, >, 0);
  g_assert_true (rig_history_apply (
      rig_test_history (document),
      rig_command_remove_cables ((const char *const[]){ cable->id, NULL }), &error));
  g_assert_no_error (error);
  shown = rig_problems_get_diagnostics (RIG_PROBLEMS (problems));
  g_assert_cmpuint (count_rows (problems), ==, shown->len);
  g_assert_cmpuint (shown->len, <, before);
  for (guint i = 0; i < kept->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < count_rows (problems) && !found; j++)
        found = row_item (problems, j) == g_ptr_array_index (kept, i);
      g_assert_true (found);
    }

  /* Undo: back to as many rows, in the validator's order. */
  g_assert_true (rig_history_undo (rig_test_history (document)));
  shown = rig_problems_get_diagnostics (RIG_PROBLEMS (problems));
  g_assert_cmpuint (shown->len, ==, before);
  g_assert_cmpuint (count_rows (problems), ==, before);
  for (guint i = 0; i < shown->len; i++)
    g_assert_true (rig_problem_item_get_diagnostic (row_item (problems, i))
                   == g_ptr_array_index (shown, i));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_clean_rig (void)
{
  g_autoptr (RigDocument) document = load_example ("car.rigwire");
  g_autoptr (RigValidator) validator = rig_validator_new (document);
  GtkWidget *problems = g_object_ref_sink (rig_problems_new ());

  rig_problems_set_validator (RIG_PROBLEMS (problems), validator);
  g_assert_cmpuint (rig_problems_get_diagnostics (RIG_PROBLEMS (problems))->len, ==, 0);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_first_child (problems)));
  g_object_unref (problems);
}

/* A rig opened after another: until its check, the list shows "Checking
 * the rig…" and none of the old rig's problems (its rows wait, hidden, in
 * the store); after the check, the new rig's rows alone. */
static void
test_next_rig_pending (void)
{
  g_autoptr (RigDocument) first = load_example ("lesson-aux-vs-headphone.rigwire");
  g_autoptr (RigDocument) second = load_example ("car.rigwire");
  g_autoptr (RigValidator) checked = rig_validator_new (first);
  g_autoptr (RigValidator) pending = rig_validator_new_deferred (second);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *problems = rig_problems_new ();
  GtkWidget *scrolled;

  gtk_window_set_child (GTK_WINDOW (window), problems);
  rig_problems_set_validator (RIG_PROBLEMS (problems), checked);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpuint (rig_problems_get_diagnostics (RIG_PROBLEMS (problems))->len, >, 0);
  scrolled = gtk_widget_get_parent (GTK_WIDGET (find_list (problems)));
  g_assert_true (gtk_widget_get_visible (scrolled));

  rig_problems_set_validator (RIG_PROBLEMS (problems), pending);
  g_assert_true (rig_validator_is_pending (pending));
  g_assert_cmpuint (rig_problems_get_diagnostics (RIG_PROBLEMS (problems))->len, ==, 0);
  g_assert_false (gtk_widget_get_visible (scrolled));
  g_assert_cmpstr (gtk_label_get_label (find_label (problems)), ==, "Checking the rig…");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (find_label (problems))));

  /* The car rig has no problems: the old rows go when it is checked. */
  rig_validator_check_pending (pending);
  g_assert_false (rig_validator_is_pending (pending));
  g_assert_cmpuint (rig_problems_get_diagnostics (RIG_PROBLEMS (problems))->len, ==, 0);
  g_assert_cmpuint (count_rows (problems), ==, 0);
  g_assert_false (gtk_widget_get_visible (scrolled));

  /* And back to a rig with problems: its rows, all of them. */
  rig_problems_set_validator (RIG_PROBLEMS (problems), checked);
  g_assert_cmpuint (count_rows (problems), ==,
                    rig_problems_get_diagnostics (RIG_PROBLEMS (problems))->len);
  g_assert_true (gtk_widget_get_visible (scrolled));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_no_display (void)
{
  g_test_fail_printf ("no display: widget tests need one (build-aux/test runs them under Xvfb)");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/problems/display", test_no_display);
      return g_test_run ();
    }
  g_test_add_func ("/problems/follows-edits", test_follows_edits);
  g_test_add_func ("/problems/edits-in-place", test_edits_in_place);
  g_test_add_func ("/problems/clean-rig", test_clean_rig);
  g_test_add_func ("/problems/next-rig-pending", test_next_rig_pending);
  return g_test_run ();
}
