/* test-window-first.c: a rig is shown first, then checked (#13).
 *
 * A window shows a rig before it checks it and routes its cables, and the
 * palette its first rows before the rest: until then the window says
 * "Checking the rig…" and never that the rig has no problems; right after
 * the first frame everything is checked, routed and listed, as if done at
 * once; an edit made before then is checked with the rest.
 *
 * A display test: run it under Xvfb (xvfb-run). With no display it fails.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "rig-application.h"
#include "rig-command.h"
#include "rig-history.h"
#include "rig-layout.h"
#include "rig-outline-item.h"
#include "rig-palette-private.h"
#include "rig-test-app.h"
#include "rig-tooltip.h"
#include "rig-window-private.h"
#include "rig-window.h"

static RigApplication *app;

static GFile *
example_file (const char *name)
{
  g_autofree char *path
      = g_build_filename (g_getenv ("RIGWIRE_SOURCE_DIR"), "resources", "examples", name, NULL);

  return g_file_new_for_path (path);
}

static guint
problems_in (RigValidator *validator)
{
  return rig_validator_count (validator, RIG_SEVERITY_ERROR)
         + rig_validator_count (validator, RIG_SEVERITY_WARNING)
         + rig_validator_count (validator, RIG_SEVERITY_INFO);
}

static void
test_shown_then_checked (void)
{
  RigWindow *window = RIG_WINDOW (rig_window_new (GTK_APPLICATION (app)));
  g_autoptr (GFile) file = example_file ("lesson-aux-vs-headphone.rigwire");
  g_autoptr (GError) error = NULL;
  g_autoptr (RigValidator) reference = NULL;
  const char *tooltip;

  g_assert_true (rig_window_load_file (window, file, &error));
  g_assert_no_error (error);
  /* Opened, not shown yet: nothing checked, and it says so. */
  g_assert_true (rig_validator_is_pending (window->validator));
  g_assert_true (rig_layout_is_provisional (rig_canvas_get_layout (window->canvas)));
  g_assert_cmpstr (rig_tooltip_get (window->problems_button), ==, "Checking the rig…");
  g_assert_cmpuint (rig_palette_get_n_rows_made (window->palette), <,
                    rig_palette_get_n_models (window->palette));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (rig_test_wait_for (rig_test_window_settled, window, 10));

  /* Then: the verdicts of a full check, counted on the button. */
  reference = rig_validator_new (window->document);
  g_assert_cmpuint (problems_in (reference), >, 0);
  g_assert_cmpuint (problems_in (window->validator), ==, problems_in (reference));
  tooltip = rig_tooltip_get (window->problems_button);
  g_assert_true (g_str_has_prefix (tooltip, "Problems: "));
  for (guint i = 0; i < rig_document_get_n_cables (window->document); i++)
    {
      const char *id = rig_document_get_cable (window->document, i)->id;

      g_assert_cmpint (rig_validator_get_cable_status (window->validator, id), ==,
                       rig_validator_get_cable_status (reference, id));
    }
  gtk_window_destroy (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
}

/* An edit before the first check (a device added as the window opens) is
 * checked along with the rest. */
static void
test_edit_before_check (void)
{
  RigWindow *window = RIG_WINDOW (rig_window_new (GTK_APPLICATION (app)));
  g_autoptr (GFile) file = example_file ("home-theater.rigwire");
  g_autoptr (RigValidator) reference = NULL;
  RigDevice *device;

  g_assert_true (rig_window_load_file (window, file, NULL));
  g_assert_true (rig_validator_is_pending (window->validator));
  device = rig_document_get_device (window->document, 0);
  g_assert_true (rig_history_apply (
      window->history, rig_command_move_devices ((const char *[]){ device->id, NULL }, 40, 40),
      NULL));
  g_assert_true (rig_history_apply (window->history,
                                    rig_command_remove_cables ((const char *[]){
                                        rig_document_get_cable (window->document, 0)->id, NULL }),
                                    NULL));
  g_assert_false (rig_validator_is_pending (window->validator));
  g_assert_false (rig_layout_is_provisional (rig_canvas_get_layout (window->canvas)));
  reference = rig_validator_new (window->document);
  g_assert_cmpuint (problems_in (window->validator), ==, problems_in (reference));
  gtk_window_destroy (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
}

static guint
count_verdicts (GListModel *model, const char *prefix)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (RigOutlineItem) item = g_list_model_get_item (model, i);

      n += g_str_has_prefix (rig_outline_item_get_verdict (item), prefix);
    }
  return n;
}

/* The outline, which screen readers read, says "checking…" until the check,
 * never "OK", then each object's own verdict. */
static void
test_outline_says_checking (void)
{
  RigWindow *window = rig_test_show_new_window (app);
  g_autoptr (GFile) file = example_file ("lesson-aux-vs-headphone.rigwire");
  GListModel *model;
  guint n;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-outline", NULL));
  rig_test_flush_main_loop ();
  g_assert_true (rig_window_load_file (window, file, NULL));
  model = rig_outline_get_model (window->outline);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (count_verdicts (model, "checking"), ==, n);
  g_assert_cmpuint (count_verdicts (model, "OK"), ==, 0);

  g_assert_true (rig_test_wait_for (rig_test_window_settled, window, 10));
  g_assert_cmpuint (count_verdicts (model, "checking"), ==, 0);
  g_assert_cmpuint (count_verdicts (model, "error"), >, 0);
  g_assert_cmpuint (count_verdicts (model, "OK"), >, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
}

/* The window watches its file from its first frame on; a change another
 * program made before that still shows. */
static void
test_change_before_watch_shows (void)
{
  RigWindow *window = RIG_WINDOW (rig_window_new (GTK_APPLICATION (app)));
  g_autofree char *dir = g_dir_make_tmp ("rigwire-test-first-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rig.rigwire", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  rig_test_write_example (path, "Before");
  g_assert_true (rig_window_load_file (window, file, NULL));
  g_assert_null (window->disk_monitor);
  /* A second later, so that the file's time differs too. */
  g_usleep (1100 * 1000);
  rig_test_write_example (path, "Changed elsewhere");
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (rig_test_wait_for (rig_test_window_settled, window, 10));
  g_assert_true (rig_test_wait_for (rig_test_disk_bar_revealed, window, 10));
  g_assert_nonnull (window->disk_monitor);

  gtk_window_destroy (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  app = rig_test_app_init (&argc, &argv);
  if (app == NULL)
    {
      g_test_add_func ("/window-first/no-display", rig_test_app_no_display);
      return g_test_run ();
    }
  g_test_add_func ("/window-first/shown-then-checked", test_shown_then_checked);
  g_test_add_func ("/window-first/edit-before-check", test_edit_before_check);
  g_test_add_func ("/window-first/change-before-watch-shows", test_change_before_watch_shows);
  g_test_add_func ("/window-first/outline-says-checking", test_outline_says_checking);
  return g_test_run ();
}
