/* test-lesson-steps.c: the guided lessons in the window (issue #14): a
 * lesson's steps show beside the rig, Next and Back (win.lesson-next,
 * win.lesson-previous) enter a step and select what it points at, and an
 * ordinary rig shows no steps.
 *
 * A display test: run it under Xvfb (xvfb-run). With no display it fails.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "rig-application.h"
#include "rig-test-app.h"
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

/* The selection is exactly @step's devices and cables. */
static void
assert_selected (RigWindow *window, const RigLessonStep *step)
{
  g_auto (GStrv) devices = rig_selection_get_devices (window->selection);
  g_auto (GStrv) cables = rig_selection_get_cables (window->selection);

  g_assert_cmpuint (g_strv_length (devices), ==, g_strv_length (step->devices));
  g_assert_cmpuint (g_strv_length (cables), ==, g_strv_length (step->cables));
  for (guint i = 0; step->devices[i] != NULL; i++)
    g_assert_true (rig_selection_has_device (window->selection, step->devices[i]));
  for (guint i = 0; step->cables[i] != NULL; i++)
    g_assert_true (rig_selection_has_cable (window->selection, step->cables[i]));
}

static void
activate (RigWindow *window, const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  rig_test_flush_main_loop ();
}

/* Next walks the steps to the end, selecting each one's parts; Back walks
 * back; neither goes past the ends. */
static void
test_next_selects_step (void)
{
  RigWindow *window = open_example ("lesson-aux-power-speakers.rigwire");
  const RigLesson *lesson = rig_document_get_lesson (window->document);
  RigLessonSteps *steps = window->lesson_steps;
  guint n;

  g_assert_nonnull (lesson);
  n = rig_lesson_get_n_steps (lesson);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (steps)));
  g_assert_true (gtk_widget_get_visible (
      gtk_widget_get_ancestor (GTK_WIDGET (steps), GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->exercise_panel)));
  g_assert_cmpuint (rig_lesson_steps_get_n_steps (steps), ==, n);
  g_assert_cmpuint (rig_lesson_steps_get_current (steps), ==, 0);
  /* Opening the lesson selects nothing yet. */
  g_assert_true (rig_selection_is_empty (window->selection));

  for (guint i = 1; i < n; i++)
    {
      activate (window, "win.lesson-next");
      g_assert_cmpuint (rig_lesson_steps_get_current (steps), ==, i);
      assert_selected (window, rig_lesson_get_step (lesson, i));
    }
  g_assert_false (rig_lesson_steps_next (steps));
  g_assert_cmpuint (rig_lesson_steps_get_current (steps), ==, n - 1);

  activate (window, "win.lesson-previous");
  g_assert_cmpuint (rig_lesson_steps_get_current (steps), ==, n - 2);
  assert_selected (window, rig_lesson_get_step (lesson, n - 2));
  rig_lesson_steps_go_to (steps, 0);
  assert_selected (window, rig_lesson_get_step (lesson, 0));
  g_assert_false (rig_lesson_steps_previous (steps));
  close_window (window);
}

/* A step's cable is selected on the canvas's own selection, and a deleted
 * part is left out rather than selected. */
static void
test_step_skips_missing_parts (void)
{
  RigWindow *window = open_example ("lesson-aux-in-as-out.rigwire");
  const RigLesson *lesson = rig_document_get_lesson (window->document);
  const RigLessonStep *first = rig_lesson_get_step (lesson, 0);

  g_assert_cmpstr (first->cables[0], ==, "c1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.select-all", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL));
  rig_test_flush_main_loop ();
  g_assert_null (rig_document_find_cable (window->document, "c1"));
  rig_lesson_steps_go_to (window->lesson_steps, 0);
  g_assert_true (rig_selection_is_empty (window->selection));
  close_window (window);
}

/* An ordinary rig: no steps, and the step actions do nothing. */
static void
test_ordinary_rig (void)
{
  RigWindow *window = open_example ("home-studio.rigwire");

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->lesson_steps)));
  g_assert_false (gtk_widget_get_visible (
      gtk_widget_get_ancestor (GTK_WIDGET (window->lesson_steps), GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_cmpuint (rig_lesson_steps_get_n_steps (window->lesson_steps), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lesson-next", NULL);
  rig_test_flush_main_loop ();
  g_assert_cmpuint (rig_lesson_steps_get_current (window->lesson_steps), ==, 0);
  g_assert_true (rig_selection_is_empty (window->selection));
  close_window (window);
}

int
main (int argc, char *argv[])
{
  int status;

  app = rig_test_app_init (&argc, &argv);
  if (app == NULL)
    {
      g_test_add_func ("/lesson-steps/display", rig_test_app_no_display);
      return g_test_run ();
    }
  g_test_add_func ("/lesson-steps/next-selects-step", test_next_selects_step);
  g_test_add_func ("/lesson-steps/missing-parts-left-out", test_step_skips_missing_parts);
  g_test_add_func ("/lesson-steps/ordinary-rig", test_ordinary_rig);
  status = g_test_run ();
  g_object_unref (app);
  return status;
}
