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

static guint
count_rows (GtkWidget *problems)
{
  GtkWidget *list = NULL;
  guint n = 0;

  /* problems > scrolled window > viewport > list box */
  for (GtkWidget *w = gtk_widget_get_first_child (problems); w; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      list = gtk_widget_get_first_child (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (w)));
  g_assert_true (GTK_IS_LIST_BOX (list));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
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
  GtkWidget *first_row;
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
  first_row = gtk_widget_get_first_child (
      gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (gtk_widget_get_last_child (problems))));
  first_row = gtk_widget_get_first_child (first_row);
  g_signal_emit_by_name (gtk_widget_get_parent (first_row), "row-activated", first_row);
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
  g_test_add_func ("/problems/clean-rig", test_clean_rig);
  return g_test_run ();
}
