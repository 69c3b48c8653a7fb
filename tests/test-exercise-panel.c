/* test-exercise-panel.c: the editor in student mode (issue #14): the
 * exercise panel's Check my wiring, hidden verdicts until a check, locked
 * devices refused on the canvas, and find-the-fault marks judged.
 *
 * A display test: run it under Xvfb (xvfb-run). With no display it fails.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "rig-application.h"
#include "rig-canvas-private.h"
#include "rig-command-exercise.h"
#include "rig-history.h"
#include "rig-painter.h"
#include "rig-test-app.h"
#include "rig-command.h"
#include "rig-window-private.h"
#include "rig-window.h"

static RigApplication *app;

static RigWindow *
open_example (const char *name)
{
  RigWindow *window = rig_test_show_new_window (app);

  g_assert_true (rig_window_open_example (window, name));
  rig_test_flush_main_loop ();
  return window;
}

static void
close_window (RigWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
}

static void
apply (RigWindow *window, RigCommand *command)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rig_history_apply (window->history, command, &error));
  g_assert_no_error (error);
}

/* Presses Check my wiring the way a student does (Ctrl+Return's action). */
static GPtrArray *
check (RigWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check-wiring", NULL));
  g_assert_true (rig_exercise_panel_get_checked (window->exercise_panel));
  return rig_exercise_panel_get_results (window->exercise_panel);
}

static RigSeverity
painted_status (RigWindow *window, const char *cable_id)
{
  RigPainter *painter = rig_canvas_get_painter (window->canvas);
  RigCable *cable = rig_document_find_cable (window->document, cable_id);

  g_assert_nonnull (cable);
  return rig_painter_get_cable_status (painter, cable);
}

/* An ordinary rig shows no panel; an exercise shows its task and goals,
 * a check shows goals not met, the intended cables then meet them all; an
 * edit makes the check stale. */
static void
test_check_goals (void)
{
  RigWindow *window = open_example ("exercise-power-speakers.rigwire");
  GPtrArray *results;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->exercise_panel)));
  g_assert_false (rig_exercise_panel_get_checked (window->exercise_panel));
  before = rig_exercise_panel_dup_text (window->exercise_panel);
  g_assert_nonnull (strstr (before, "Not checked yet"));

  results = check (window);
  g_assert_cmpuint (results->len, ==, 4);
  g_assert_cmpuint (rig_goals_count_met (results), <, results->len);
  after = rig_exercise_panel_dup_text (window->exercise_panel);
  g_assert_nonnull (strstr (after, "Every listener gets signal: not met"));
  /* A goal not met is explained: why, what you would hear, the fix. */
  g_assert_nonnull (strstr (after, "Why: "));
  g_assert_nonnull (strstr (after, "Fix: "));

  /* The intended wiring: phone to the amplifier, amplifier to the right
   * speaker. The edit makes the check stale. */
  apply (window, rig_command_add_cable ("d3", "headset", "d4", "in-aux", NULL, NULL));
  g_assert_false (rig_exercise_panel_get_checked (window->exercise_panel));
  apply (window, rig_command_add_cable ("d4", "spk-r", "d6", "in", NULL, NULL));
  results = check (window);
  g_assert_cmpuint (rig_goals_count_met (results), ==, results->len);
  g_clear_pointer (&after, g_free);
  after = rig_exercise_panel_dup_text (window->exercise_panel);
  g_assert_nonnull (strstr (after, "every goal is met"));
  close_window (window);

  window = open_example ("home-studio.rigwire");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->exercise_panel)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.check-wiring", NULL);
  g_assert_false (rig_exercise_panel_get_checked (window->exercise_panel));
  close_window (window);
}

/* A find-the-fault rig hides its verdicts: the canvas paints the faulty
 * cable neutral and the problems pane says why, until Check; the next edit
 * hides them again. */
static void
test_hidden_verdicts (void)
{
  RigWindow *window = open_example ("fault-power-speakers.rigwire");
  const char *codes[] = { "power.passive-unamplified", NULL };

  g_assert_true (rig_document_get_exercise (window->document)->hide_verdicts);
  g_assert_true (rig_canvas_get_verdicts_hidden (window->canvas));
  g_assert_cmpint (painted_status (window, "c1"), ==, RIG_SEVERITY_NONE);
  g_assert_cmpuint (rig_validator_get_cable_status (window->validator, "c1"), ==,
                    RIG_SEVERITY_ERROR);
  g_assert_true (gtk_widget_get_visible (window->hidden_label));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->problems)));
  g_assert_cmpuint (rig_problems_get_diagnostics (window->problems)->len, ==, 0);

  check (window);
  g_assert_false (rig_canvas_get_verdicts_hidden (window->canvas));
  g_assert_cmpint (painted_status (window, "c1"), ==, RIG_SEVERITY_ERROR);
  g_assert_false (gtk_widget_get_visible (window->hidden_label));
  g_assert_cmpuint (rig_problems_get_diagnostics (window->problems)->len, >, 0);

  /* An edit (here a mark) hides them again. */
  apply (window, rig_command_mark_faults ((const char *[]){ "c1", NULL }, codes));
  g_assert_true (rig_canvas_get_verdicts_hidden (window->canvas));
  g_assert_cmpint (painted_status (window, "c1"), ==, RIG_SEVERITY_NONE);
  close_window (window);
}

/* Find the fault through the panel's boxes: each tick is one undo step;
 * a wrong cable is wrong, the right cable and problem is right. */
static void
test_find_the_fault (void)
{
  RigWindow *window = open_example ("fault-power-speakers.rigwire");
  const RigExercise *exercise;
  GPtrArray *results;

  g_assert_true (rig_exercise_panel_toggle_mark (window->exercise_panel, "c2", FALSE));
  g_assert_true (
      rig_exercise_panel_toggle_mark (window->exercise_panel, "power.passive-unamplified", TRUE));
  exercise = rig_document_get_exercise (window->document);
  g_assert_cmpstr (exercise->marked_cables[0], ==, "c2");
  g_assert_cmpstr (exercise->marked_codes[0], ==, "power.passive-unamplified");
  results = check (window);
  g_assert_cmpint (((RigGoalResult *) results->pdata[0])->kind, ==, RIG_GOAL_RESULT_FIND_FAULT);
  g_assert_false (((RigGoalResult *) results->pdata[0])->met);

  /* Untick the wrong cable, tick the right one. */
  g_assert_true (rig_exercise_panel_toggle_mark (window->exercise_panel, "c2", FALSE));
  g_assert_true (rig_exercise_panel_toggle_mark (window->exercise_panel, "c1", FALSE));
  results = check (window);
  g_assert_true (((RigGoalResult *) results->pdata[0])->met);

  /* M on the canvas turns the selected cable's mark over, one undo step. */
  rig_selection_set (window->selection, NULL, (const char *const[]){ "c3", NULL });
  g_assert_true (rig_canvas_test_key (window->canvas, GDK_KEY_m, 0));
  exercise = rig_document_get_exercise (window->document);
  g_assert_true (rig_exercise_strv_has (exercise->marked_cables, "c3"));
  g_assert_true (rig_exercise_strv_has (exercise->marked_cables, "c1"));
  g_assert_true (rig_canvas_test_key (window->canvas, GDK_KEY_m, 0));
  exercise = rig_document_get_exercise (window->document);
  g_assert_false (rig_exercise_strv_has (exercise->marked_cables, "c3"));
  rig_history_undo (window->history);
  rig_history_undo (window->history);

  /* Undo gives the last tick back, and the box follows. */
  rig_history_undo (window->history);
  exercise = rig_document_get_exercise (window->document);
  g_assert_null (exercise->marked_cables[0]);
  g_assert_false (rig_exercise_panel_toggle_mark (window->exercise_panel, "c99", FALSE));
  close_window (window);
}

/* Dragging a locked device moves nothing and leaves no undo step; the
 * canvas says why. */
static void
test_locked_drag_refused (void)
{
  RigWindow *window = open_example ("exercise-power-speakers.rigwire");
  RigDevice *phone = rig_document_find_device (window->document, "d3");
  double x = phone->x, y = phone->y;
  double wx, wy;

  g_assert_false (rig_history_can_undo (window->history));
  rig_canvas_canvas_to_widget (window->canvas, x + 20, y + 10, &wx, &wy);
  rig_canvas_test_press (window->canvas, wx, wy, 0);
  rig_canvas_test_motion (window->canvas, wx + 60, wy + 40);
  rig_canvas_test_motion (window->canvas, wx + 120, wy + 80);
  rig_canvas_test_release (window->canvas, wx + 120, wy + 80);
  rig_test_flush_main_loop ();
  phone = rig_document_find_device (window->document, "d3");
  g_assert_cmpfloat (phone->x, ==, x);
  g_assert_cmpfloat (phone->y, ==, y);
  g_assert_false (rig_history_can_undo (window->history));
  g_assert_true (gtk_revealer_get_reveal_child (window->notice_revealer));
  g_assert_nonnull (strstr (gtk_label_get_label (window->notice_label), "Phone"));
  close_window (window);
}

int
main (int argc, char *argv[])
{
  int status;

  app = rig_test_app_init (&argc, &argv);
  if (app == NULL)
    {
      g_test_add_func ("/exercise-panel/display", rig_test_app_no_display);
      return g_test_run ();
    }
  g_test_add_func ("/exercise-panel/check-goals", test_check_goals);
  g_test_add_func ("/exercise-panel/hidden-verdicts-until-check", test_hidden_verdicts);
  g_test_add_func ("/exercise-panel/find-the-fault", test_find_the_fault);
  g_test_add_func ("/exercise-panel/locked-drag-refused", test_locked_drag_refused);
  status = g_test_run ();
  g_object_unref (app);
  return status;
}
