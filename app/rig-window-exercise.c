/* rig-window-exercise.c: the window in student mode.
 *
 * When the open rig is an exercise (rig-exercise.h), the exercise panel
 * (rig-exercise-panel.c) shows above the inspector with its task, goals and
 * "Check my wiring" (win.check-wiring, Ctrl+Return). When the rig has a
 * lesson, its steps (rig-lesson-steps.c) show above it, with
 * win.lesson-previous and win.lesson-next (Alt+Left, Alt+Right).
 *
 * Hidden verdicts are one switch, verdicts_hidden, set here alone: while
 * the exercise hides verdicts and the rig has not been checked as it
 * stands, the canvas draws every part neutral (and judges no cable being
 * pulled), the problems pane says that verdicts are hidden, the outline and
 * the inspector get no validator and the problems button shows no count. A check shows them; the
 * next edit of the rig hides them again, so a student cannot fix by watching the colours and checks
 * again to see the verdicts of the new wiring.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-tooltip.h"
#include "rig-window-private.h"

static void
apply_verdicts (RigWindow *self)
{
  const RigExercise *exercise
      = self->document != NULL ? rig_document_get_exercise (self->document) : NULL;
  gboolean hidden = exercise != NULL && exercise->hide_verdicts
                    && !rig_exercise_panel_get_checked (self->exercise_panel);
  RigValidator *shown = hidden ? NULL : self->validator;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.check-wiring", exercise != NULL);
  if (hidden == self->verdicts_hidden)
    return;
  self->verdicts_hidden = hidden;
  rig_canvas_set_verdicts_hidden (self->canvas, hidden);
  gtk_widget_set_visible (GTK_WIDGET (self->problems), !hidden);
  gtk_widget_set_visible (self->hidden_label, hidden);
  rig_problems_set_validator (self->problems, shown);
  rig_inspector_set_validator (self->inspector, shown);
  rig_outline_set_document (self->outline, self->document, self->history, shown, self->selection);
  rig_window_update_problems_button (self);
}

static void
checked_cb (RigExercisePanel *panel, GParamSpec *pspec, RigWindow *self)
{
  apply_verdicts (self);
}

static void
document_changed_cb (RigDocument *document, const RigChange *change, RigWindow *self)
{
  apply_verdicts (self);
}

static void
lesson_step_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RigWindow *self = RIG_WINDOW (widget);

  if (g_str_equal (action_name, "win.lesson-next"))
    rig_lesson_steps_next (self->lesson_steps);
  else
    rig_lesson_steps_previous (self->lesson_steps);
}

/* The side panel shows while the exercise panel or the lesson steps do. */
static void
side_visible_cb (GtkWidget *panel, GParamSpec *pspec, GtkWidget *scrolled)
{
  RigWindow *self = RIG_WINDOW (gtk_widget_get_root (scrolled));

  if (self == NULL)
    return;
  gtk_widget_set_visible (scrolled,
                          gtk_widget_get_visible (GTK_WIDGET (self->exercise_panel))
                              || gtk_widget_get_visible (GTK_WIDGET (self->lesson_steps)));
}

static void
check_wiring_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RigWindow *self = RIG_WINDOW (widget);

  rig_exercise_panel_check (self->exercise_panel);
}

void
rig_window_class_install_exercise_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.check-wiring", NULL, check_wiring_activated);
  gtk_widget_class_install_action (widget_class, "win.lesson-next", NULL, lesson_step_activated);
  gtk_widget_class_install_action (widget_class, "win.lesson-previous", NULL,
                                   lesson_step_activated);
}

void
rig_window_exercise_build (RigWindow *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  GtkWidget *inspector = GTK_WIDGET (self->inspector);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  /* The panels above the inspector, a divider between them: a lesson's
   * steps, then an exercise's task and goals. */
  self->exercise_panel = RIG_EXERCISE_PANEL (rig_exercise_panel_new ());
  self->lesson_steps = RIG_LESSON_STEPS (rig_lesson_steps_new ());
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->lesson_steps));
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->exercise_panel));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), side);
  /* The scroller shows when a panel does (a rig with an exercise or a lesson). */
  gtk_widget_set_visible (scrolled, FALSE);
  g_signal_connect_object (self->exercise_panel, "notify::visible", G_CALLBACK (side_visible_cb),
                           scrolled, 0);
  g_signal_connect_object (self->lesson_steps, "notify::visible", G_CALLBACK (side_visible_cb),
                           scrolled, 0);
  g_object_ref (inspector);
  gtk_box_remove (GTK_BOX (self->inspector_box), inspector);
  gtk_paned_set_start_child (GTK_PANED (paned), scrolled);
  gtk_paned_set_end_child (GTK_PANED (paned), inspector);
  g_object_unref (inspector);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 420);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (self->inspector_box), paned);
  g_signal_connect_object (self->exercise_panel, "notify::checked", G_CALLBACK (checked_cb), self,
                           0);

  self->hidden_label = gtk_label_new (_ ("Verdicts are hidden until you check your wiring."));
  gtk_label_set_wrap (GTK_LABEL (self->hidden_label), TRUE);
  gtk_widget_add_css_class (self->hidden_label, "dim-label");
  gtk_widget_set_margin_top (self->hidden_label, 6);
  gtk_widget_set_margin_bottom (self->hidden_label, 6);
  gtk_widget_set_visible (self->hidden_label, FALSE);
  gtk_box_append (GTK_BOX (self->problems_box), self->hidden_label);
}

void
rig_window_exercise_set_document (RigWindow *self)
{
  /* The panes were just given the validator: verdicts shown. */
  self->verdicts_hidden = FALSE;
  rig_canvas_set_verdicts_hidden (self->canvas, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->problems), TRUE);
  gtk_widget_set_visible (self->hidden_label, FALSE);
  rig_exercise_panel_set_document (self->exercise_panel, self->validator, self->history);
  rig_lesson_steps_set_document (self->lesson_steps, self->document, self->selection, self->canvas);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lesson-next",
                                 rig_lesson_steps_get_n_steps (self->lesson_steps) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lesson-previous",
                                 rig_lesson_steps_get_n_steps (self->lesson_steps) > 0);
  g_signal_connect_object (self->document, "changed", G_CALLBACK (document_changed_cb), self, 0);
  apply_verdicts (self);
}

void
rig_window_exercise_update_problems_button (RigWindow *self)
{
  rig_window_set_problems_button_plain (self, "view-conceal-symbolic",
                                        _ ("Verdicts are hidden until you check your wiring"));
}
