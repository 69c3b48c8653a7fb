/* test-hear-button.c: "Hear it" in the problems list and on a cable's
 * inspector page, and playing that never hangs: it plays and ends, or says
 * why it cannot (run twice: with the media backend there is, and with
 * GTK_MEDIA=none, as on a machine with no media support). */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <stdlib.h>
#include <string.h>

#include "rig-catalog.h"
#include "rig-format.h"
#include "rig-hear-button.h"
#include "rig-inspector.h"
#include "rig-problems.h"
#include "rig-test-models.h"

/* An example rig, read from the source tree. */
static void
flush_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Every RigHearButton under @root, in order. */
static void
collect_buttons (GtkWidget *root, GPtrArray *out)
{
  if (RIG_IS_HEAR_BUTTON (root))
    g_ptr_array_add (out, root);
  /* A closed expander keeps its child out of the tree. */
  if (GTK_IS_EXPANDER (root) && !gtk_expander_get_expanded (GTK_EXPANDER (root)))
    collect_buttons (gtk_expander_get_child (GTK_EXPANDER (root)), out);
  for (GtkWidget *w = gtk_widget_get_first_child (root); w; w = gtk_widget_get_next_sibling (w))
    collect_buttons (w, out);
}

/* Opens every row's explanation, as a click on its expander does: a row
 * makes its explanation, buttons included, when it is first opened. */
static void
open_rows (GtkWidget *root)
{
  if (GTK_IS_EXPANDER (root))
    gtk_expander_set_expanded (GTK_EXPANDER (root), TRUE);
  for (GtkWidget *w = gtk_widget_get_first_child (root); w; w = gtk_widget_get_next_sibling (w))
    open_rows (w);
}

static const char *
cable_id_of (RigDocument *document, const char *number)
{
  for (guint i = 0; i < rig_document_get_n_cables (document); i++)
    if (g_strcmp0 (rig_document_get_cable (document, i)->number, number) == 0)
      return rig_document_get_cable (document, i)->id;
  g_assert_not_reached ();
}

static void
test_problems_rows_hear_their_own_problem (void)
{
  g_autoptr (RigDocument) document = rig_test_load_example ("lesson-aux-vs-headphone.rigwire");
  g_autoptr (RigValidator) validator = rig_validator_new (document);
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *problems = rig_problems_new ();
  GPtrArray *shown;

  gtk_window_set_child (GTK_WINDOW (window), problems);
  rig_problems_set_validator (RIG_PROBLEMS (problems), validator);
  gtk_window_present (GTK_WINDOW (window));
  flush_main_loop ();

  shown = rig_problems_get_diagnostics (RIG_PROBLEMS (problems));
  open_rows (problems);
  flush_main_loop ();
  collect_buttons (problems, buttons);
  /* A row each; only a problem with a sound shows its buttons. */
  g_assert_cmpuint (buttons->len, ==, shown->len);
  g_assert_cmpuint (shown->len, ==, 2);
  for (guint i = 0; i < shown->len; i++)
    {
      RigDiagnostic *d = g_ptr_array_index (shown, i);
      RigHearButton *b = g_ptr_array_index (buttons, i);
      gboolean sound = rig_hear_has_sound (&d->figures);

      g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (b)), ==, sound);
      g_assert_true (rig_hear_button_get_diagnostic (b) == (sound ? d : NULL));
    }
  g_assert_cmpstr (((RigDiagnostic *) g_ptr_array_index (shown, 0))->code, ==, "connector.size");
  g_assert_false (gtk_widget_get_visible (g_ptr_array_index (buttons, 0)));
  g_assert_true (gtk_widget_get_visible (g_ptr_array_index (buttons, 1)));

  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();
}

static void
test_cable_page_hears_the_selected_cable (void)
{
  g_autoptr (RigDocument) document = rig_test_load_example ("lesson-aux-vs-headphone.rigwire");
  RigHistory *history = rig_test_history (document); /* the document keeps it */
  g_autoptr (RigValidator) validator = rig_validator_new (document);
  g_autoptr (RigSelection) selection = rig_selection_new ();
  GtkWidget *inspector = rig_inspector_new ();
  GtkWidget *window = gtk_window_new ();
  const char *headset = cable_id_of (document, "A-002");
  const char *too_big = cable_id_of (document, "A-001");
  const char *fine = cable_id_of (document, "A-003");
  struct
  {
    const char *cable;
    const char *code; /* NULL: no sound, the widget hidden */
  } cases[] = { { headset, "connector.headset-standard" }, { too_big, NULL }, { fine, NULL } };

  rig_inspector_set_validator (RIG_INSPECTOR (inspector), validator);
  rig_inspector_set_document (RIG_INSPECTOR (inspector), document, history, selection);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 800);
  gtk_window_set_child (GTK_WINDOW (window), inspector);
  gtk_window_present (GTK_WINDOW (window));
  flush_main_loop ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *ids[] = { cases[i].cable, NULL };
      g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
      RigHearButton *b;

      rig_selection_set (selection, NULL, ids);
      flush_main_loop ();
      collect_buttons (inspector, buttons);
      g_assert_cmpuint (buttons->len, ==, 1);
      b = g_ptr_array_index (buttons, 0);
      g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (b)), ==, cases[i].code != NULL);
      if (cases[i].code != NULL)
        {
          g_assert_nonnull (rig_hear_button_get_diagnostic (b));
          g_assert_cmpstr (rig_hear_button_get_diagnostic (b)->code, ==, cases[i].code);
          g_assert_true (
              rig_diagnostic_concerns_cable (rig_hear_button_get_diagnostic (b), cases[i].cable));
        }
      else
        g_assert_null (rig_hear_button_get_diagnostic (b));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();
}

/* How many clips wait in the temporary folder. */
static guint
count_clips (void)
{
  g_autoptr (GDir) dir = g_dir_open (g_get_tmp_dir (), 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_prefix (name, "rigwire-hear-") && g_str_has_suffix (name, ".wav");
  return n;
}

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_playing_ends_or_says_why (void)
{
  g_autoptr (RigDocument) document = rig_test_load_example ("lesson-aux-power-speakers.rigwire");
  g_autoptr (GPtrArray) diagnostics = rig_validator_check_full (document);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *hear = rig_hear_button_new ();
  RigHearButton *b = RIG_HEAR_BUTTON (hear);
  gboolean no_media = g_strcmp0 (g_getenv ("GTK_MEDIA"), "none") == 0;
  g_autoptr (GError) error = NULL;
  guint clips = count_clips ();
  gboolean timed_out = FALSE;
  guint timeout;
  gboolean playing;

  g_assert_cmpuint (diagnostics->len, >, 0);
  rig_hear_button_set_diagnostic (b, g_ptr_array_index (diagnostics, 0));
  gtk_window_set_child (GTK_WINDOW (window), hear);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (hear));
  g_assert_cmpstr (rig_hear_button_get_status (b), ==, "");

  playing = rig_hear_button_play (b, RIG_HEAR_AS_WIRED, &error);
  g_test_message ("play: %s; %s", playing ? "playing" : "refused",
                  error ? error->message : "no error");
  if (no_media)
    {
      /* No media support: it says so at once, and plays nothing. */
      g_assert_false (playing);
      g_assert_nonnull (error);
      g_assert_cmpint (rig_hear_button_get_playing (b), ==, -1);
      g_assert_true (g_str_has_prefix (rig_hear_button_get_status (b), "No sound can be played"));
      g_assert_cmpuint (count_clips (), ==, clips);
    }
  if (playing)
    g_assert_cmpint (rig_hear_button_get_playing (b), ==, RIG_HEAR_AS_WIRED);

  /* Whatever there is to play it on, the clip ends (or fails) in its own
   * 5 seconds and some: nothing hangs. */
  timeout = g_timeout_add_seconds (20, timed_out_cb, &timed_out);
  while (rig_hear_button_get_playing (b) != -1 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  g_test_message ("after: %s", rig_hear_button_get_status (b));
  g_assert_false (timed_out);
  g_assert_cmpint (rig_hear_button_get_playing (b), ==, -1);
  g_assert_cmpuint (count_clips (), ==, clips);

  /* The other version, stopped by hand. */
  g_clear_error (&error);
  if (rig_hear_button_play (b, RIG_HEAR_WIRED_RIGHT, &error))
    {
      g_assert_cmpint (rig_hear_button_get_playing (b), ==, RIG_HEAR_WIRED_RIGHT);
      rig_hear_button_stop (b);
    }
  g_assert_cmpint (rig_hear_button_get_playing (b), ==, -1);
  g_assert_cmpuint (count_clips (), ==, clips);

  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();
}

int
main (int argc, char **argv)
{
  char tmp[] = "/tmp/rigwire-test-hear-XXXXXX";
  int status;

  /* Clips are counted in the temporary folder: one of its own, so that
   * the other tests' clips (run at the same time) do not count. Set before
   * anything asks GLib for it (g_get_tmp_dir() keeps the first answer). */
  if (mkdtemp (tmp) == NULL)
    g_error ("cannot make a temporary folder");
  g_setenv ("TMPDIR", tmp, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hear-button/problems-rows-hear-their-own-problem",
                   test_problems_rows_hear_their_own_problem);
  g_test_add_func ("/hear-button/cable-page-hears-the-selected-cable",
                   test_cable_page_hears_the_selected_cable);
  g_test_add_func ("/hear-button/playing-ends-or-says-why", test_playing_ends_or_says_why);
  status = g_test_run ();
  g_rmdir (tmp);
  return status;
}
