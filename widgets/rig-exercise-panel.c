/* rig-exercise-panel.c: the task, the goals and "Check my wiring".
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-exercise-answer.h"
#include "rig-exercise-panel.h"

#define MAX_EXPLAINED 3 /* diagnostics explained under one goal */

struct _RigExercisePanel
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkLabel *task_label;
  GtkLabel *status_label;
  GtkBox *goals_box;
  GtkWidget *check_button;
  RigExerciseAnswer *answer; /* find the fault: the student's marks */

  RigValidator *validator;
  RigDocument *document;
  RigHistory *history;
  gulong changed_id;
  GPtrArray *results;  /* RigGoalResult *; NULL: not checked since the last change */
  RigExercise *judged; /* the exercise @results borrow their goals from */
};

G_DEFINE_FINAL_TYPE (RigExercisePanel, rig_exercise_panel, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CHECKED,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static GtkWidget *
wrapped_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Whether @d explains why @result is not met. */
static gboolean
explains (RigDocument *document, const RigGoalResult *result, const RigDiagnostic *d)
{
  const RigExercise *exercise = rig_document_get_exercise (document);
  const RigGoal *goal = result->goal;

  if (result->kind == RIG_GOAL_RESULT_FIND_FAULT)
    {
      for (guint i = 0; exercise != NULL && exercise->fault_cables[i] != NULL; i++)
        if (rig_diagnostic_concerns_cable (d, exercise->fault_cables[i]))
          return TRUE;
      return FALSE;
    }
  switch (goal->kind)
    {
      case RIG_GOAL_NO_WARNINGS:
        return d->severity >= RIG_SEVERITY_WARNING;
      case RIG_GOAL_FORBID_CODES:
        return g_strv_contains ((const char *const *) goal->codes, d->code);
      case RIG_GOAL_REACHES:
        return d->severity == RIG_SEVERITY_ERROR
               && (rig_diagnostic_concerns_device (d, goal->from)
                   || rig_diagnostic_concerns_device (d, goal->to));
      case RIG_GOAL_MAX_ADAPTERS:
        return FALSE;
      case RIG_GOAL_ALL_LISTENERS:
      case RIG_GOAL_NO_ERRORS:
      default:
        return d->severity == RIG_SEVERITY_ERROR;
    }
}

static void
append_explanation (GtkBox *box, const RigDiagnostic *d)
{
  g_autofree char *why = NULL, *hear = NULL, *fix = NULL;

  gtk_box_append (box, wrapped_label (d->message, "heading"));
  if (d->why != NULL && *d->why != '\0')
    {
      /* Translators: under a goal not met: why a problem happens */
      why = g_strdup_printf (_ ("Why: %s"), d->why);
      gtk_box_append (box, wrapped_label (why, NULL));
    }
  if (d->hear != NULL && *d->hear != '\0')
    {
      hear = g_strdup_printf (_ ("What you would hear: %s"), d->hear);
      gtk_box_append (box, wrapped_label (hear, NULL));
    }
  if (d->fix != NULL && *d->fix != '\0')
    {
      fix = g_strdup_printf (_ ("Fix: %s"), d->fix);
      gtk_box_append (box, wrapped_label (fix, NULL));
    }
}

/* One goal: a mark (met, not met, not checked: an icon and a word, never
 * colour alone), its title, and after a check its sentence and the
 * explanations of a goal not met. */
static GtkWidget *
goal_row (RigExercisePanel *self, const char *title, const RigGoalResult *result,
          GPtrArray *diagnostics)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *icon;
  g_autofree char *heading = NULL;
  guint explained = 0;

  if (result == NULL)
    icon = gtk_image_new_from_icon_name ("radio-symbolic");
  else
    icon = gtk_image_new_from_icon_name (result->met ? "emblem-ok-symbolic"
                                                     : "dialog-error-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  if (result != NULL)
    gtk_widget_add_css_class (icon, result->met ? "success" : "error");
  gtk_box_append (GTK_BOX (row), icon);

  if (result == NULL)
    heading = g_strdup (title);
  else if (result->met)
    /* Translators: a goal of an exercise after a check: "Every listener gets signal: met" */
    heading = g_strdup_printf (_ ("%s: met"), title);
  else
    heading = g_strdup_printf (_ ("%s: not met"), title);
  gtk_box_append (GTK_BOX (text), wrapped_label (heading, result != NULL ? "heading" : NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  if (result != NULL && result->sentence != NULL && *result->sentence != '\0')
    gtk_box_append (GTK_BOX (text), wrapped_label (result->sentence, NULL));
  for (guint i = 0; result != NULL && !result->met && diagnostics != NULL && i < diagnostics->len
                    && explained < MAX_EXPLAINED;
       i++)
    {
      RigDiagnostic *d = g_ptr_array_index (diagnostics, i);
      GtkWidget *more;

      if (!explains (self->document, result, d))
        continue;
      more = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_add_css_class (more, "dim-label");
      gtk_widget_set_margin_top (more, 4);
      append_explanation (GTK_BOX (more), d);
      gtk_box_append (GTK_BOX (text), more);
      explained++;
    }
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (row), text);
  return row;
}

static void
clear_goals (RigExercisePanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->goals_box))) != NULL)
    gtk_box_remove (self->goals_box, child);
}

/* Shows the exercise's goals, judged (@diagnostics: the rig's) or not. */
static void
show_goals (RigExercisePanel *self, GPtrArray *diagnostics)
{
  const RigExercise *exercise
      = self->document != NULL ? rig_document_get_exercise (self->document) : NULL;

  clear_goals (self);
  if (exercise == NULL)
    return;
  if (self->results != NULL)
    {
      for (guint i = 0; i < self->results->len; i++)
        {
          RigGoalResult *r = g_ptr_array_index (self->results, i);

          gtk_box_append (self->goals_box, goal_row (self, r->title, r, diagnostics));
        }
      return;
    }
  if (rig_exercise_is_find_fault (exercise))
    gtk_box_append (self->goals_box,
                    goal_row (self, _ ("Mark the faulty cables and name the problem"), NULL, NULL));
  for (guint i = 0; i < exercise->goals->len; i++)
    {
      g_autofree char *title
          = rig_goal_describe (self->document, g_ptr_array_index (exercise->goals, i));

      gtk_box_append (self->goals_box, goal_row (self, title, NULL, NULL));
    }
}

static void
set_results (RigExercisePanel *self, GPtrArray *results, RigExercise *judged)
{
  gboolean was = self->results != NULL;

  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->judged, rig_exercise_free);
  self->results = results;
  self->judged = judged;
  if (was != (results != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CHECKED]);
}

/* The rig as it stands: the task, the goals unchecked. */
static void
refresh (RigExercisePanel *self, gboolean changed)
{
  const RigExercise *exercise
      = self->document != NULL ? rig_document_get_exercise (self->document) : NULL;
  gboolean was_checked = self->results != NULL;

  set_results (self, NULL, NULL);
  rig_exercise_answer_refresh (self->answer);
  gtk_widget_set_visible (GTK_WIDGET (self), exercise != NULL);
  if (exercise == NULL)
    {
      clear_goals (self);
      return;
    }
  gtk_label_set_label (self->task_label, *exercise->task != '\0'
                                             ? exercise->task
                                             : _ ("Wire the rig so that it meets the goals."));
  gtk_label_set_label (self->status_label,
                       changed && was_checked
                           ? _ ("You changed the rig since your last check.")
                           : _ ("Not checked yet: press Check my wiring when you are done."));
  show_goals (self, NULL);
}

static void
document_changed_cb (RigDocument *document, const RigChange *change, RigExercisePanel *self)
{
  refresh (self, TRUE);
}

void
rig_exercise_panel_check (RigExercisePanel *self)
{
  const RigExercise *exercise;
  g_autoptr (GPtrArray) diagnostics = NULL;
  RigExercise *judged;
  GPtrArray *results;
  g_autofree char *status = NULL;
  guint met;

  g_return_if_fail (RIG_IS_EXERCISE_PANEL (self));

  if (self->document == NULL || (exercise = rig_document_get_exercise (self->document)) == NULL)
    return;
  diagnostics = rig_validator_get_diagnostics (self->validator);
  judged = rig_exercise_copy (exercise);
  results = rig_goals_evaluate (self->document, judged, diagnostics);
  set_results (self, results, judged);
  met = rig_goals_count_met (results);
  if (met == results->len)
    status = g_strdup (_ ("Well done: every goal is met."));
  else
    /* Translators: after "Check my wiring": "2 of 3 goals met" */
    status = g_strdup_printf (ngettext ("%u of %u goal met.", "%u of %u goals met.", results->len),
                              met, results->len);
  gtk_label_set_label (self->status_label, status);
  show_goals (self, diagnostics);
}

static void
check_clicked_cb (GtkButton *button, RigExercisePanel *self)
{
  rig_exercise_panel_check (self);
}

void
rig_exercise_panel_set_document (RigExercisePanel *self, RigValidator *validator,
                                 RigHistory *history)
{
  g_return_if_fail (RIG_IS_EXERCISE_PANEL (self));
  g_return_if_fail (validator == NULL || RIG_IS_HISTORY (history));

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);
  g_set_object (&self->validator, validator);
  g_clear_object (&self->history);
  if (validator != NULL)
    self->history = g_object_ref (history);
  if (validator != NULL)
    {
      self->document = g_object_ref (rig_validator_get_document (validator));
      self->changed_id
          = g_signal_connect (self->document, "changed", G_CALLBACK (document_changed_cb), self);
    }
  rig_exercise_answer_set_document (self->answer, self->document, self->history);
  refresh (self, FALSE);
}

gboolean
rig_exercise_panel_toggle_mark (RigExercisePanel *self, const char *id, gboolean problem)
{
  g_return_val_if_fail (RIG_IS_EXERCISE_PANEL (self), FALSE);
  return rig_exercise_answer_toggle (self->answer, id, problem);
}

gboolean
rig_exercise_panel_get_checked (RigExercisePanel *self)
{
  g_return_val_if_fail (RIG_IS_EXERCISE_PANEL (self), FALSE);
  return self->results != NULL;
}

GPtrArray *
rig_exercise_panel_get_results (RigExercisePanel *self)
{
  g_return_val_if_fail (RIG_IS_EXERCISE_PANEL (self), NULL);
  return self->results;
}

/* The text of every label under @widget, one a line. */
static void
append_labels (GString *text, GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append_printf (text, "\n%s", gtk_label_get_label (GTK_LABEL (widget)));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_labels (text, child);
}

char *
rig_exercise_panel_dup_text (RigExercisePanel *self)
{
  GString *text;

  g_return_val_if_fail (RIG_IS_EXERCISE_PANEL (self), NULL);
  text = g_string_new (gtk_label_get_label (self->status_label));
  append_labels (text, GTK_WIDGET (self->goals_box));
  return g_string_free (text, FALSE);
}

static void
rig_exercise_panel_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RigExercisePanel *self = RIG_EXERCISE_PANEL (object);

  switch (prop_id)
    {
      case PROP_CHECKED:
        g_value_set_boolean (value, self->results != NULL);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rig_exercise_panel_dispose (GObject *object)
{
  RigExercisePanel *self = RIG_EXERCISE_PANEL (object);

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);
  g_clear_object (&self->validator);
  g_clear_object (&self->history);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->judged, rig_exercise_free);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->answer, rig_exercise_answer_free);
  G_OBJECT_CLASS (rig_exercise_panel_parent_class)->dispose (object);
}

static void
rig_exercise_panel_class_init (RigExercisePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rig_exercise_panel_dispose;
  object_class->get_property = rig_exercise_panel_get_property;
  props[PROP_CHECKED] = g_param_spec_boolean ("checked", NULL, NULL, FALSE,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "exercise-panel");
}

static void
rig_exercise_panel_init (RigExercisePanel *self)
{
  GtkWidget *heading = gtk_label_new (_ ("Exercise"));
  GtkWidget *goals_heading = gtk_label_new (_ ("Goals"));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_margin_top (self->box, 12);
  gtk_widget_set_margin_bottom (self->box, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_box_append (GTK_BOX (self->box), heading);
  self->task_label = GTK_LABEL (wrapped_label ("", NULL));
  gtk_label_set_selectable (self->task_label, TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->task_label));

  self->check_button = gtk_button_new_with_mnemonic (_ ("_Check My Wiring"));
  gtk_widget_add_css_class (self->check_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->check_button, _ ("Check My Wiring (Ctrl+Return)"));
  gtk_widget_set_halign (self->check_button, GTK_ALIGN_START);
  g_signal_connect (self->check_button, "clicked", G_CALLBACK (check_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->box), self->check_button);
  self->status_label = GTK_LABEL (wrapped_label ("", "dim-label"));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->status_label));
  gtk_label_set_xalign (GTK_LABEL (goals_heading), 0);
  gtk_widget_add_css_class (goals_heading, "heading");
  gtk_box_append (GTK_BOX (self->box), goals_heading);
  self->goals_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 8));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->goals_box));
  self->answer = rig_exercise_answer_new ();
  gtk_box_append (GTK_BOX (self->box), rig_exercise_answer_get_widget (self->answer));

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
rig_exercise_panel_new (void)
{
  return g_object_new (RIG_TYPE_EXERCISE_PANEL, NULL);
}
