/* rig-exercise-answer.c: the student's answer to a find-the-fault exercise.
 *
 * In the exercise panel, under the goals: a check box per cable of the rig
 * ("Mark as faulty") and one per problem the exercise offers. Each change
 * is one rig_command_mark_faults() (one undo step), so the marks are saved
 * in the student's file and Check judges them. The boxes follow the
 * document: undo puts them back.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-command-exercise.h"
#include "rig-diagnostic.h"
#include "rig-exercise-answer.h"

struct _RigExerciseAnswer
{
  GtkWidget *box;        /* the whole section */
  GtkBox *cables;        /* GtkCheckButton per cable, "rig-id" data: the cable id */
  GtkBox *problems;      /* GtkCheckButton per offered code, "rig-id": the code */
  char **cable_ids;      /* the cables the boxes were made for */
  char **codes;          /* the problems offered */
  RigDocument *document; /* borrowed: the panel holds it */
  RigHistory *history;
  gboolean syncing;
};

static char **
ticked (GtkBox *box)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **strv;

  for (GtkWidget *b = gtk_widget_get_first_child (GTK_WIDGET (box)); b != NULL;
       b = gtk_widget_get_next_sibling (b))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (b)))
      g_strv_builder_add (builder, g_object_get_data (G_OBJECT (b), "rig-id"));
  strv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return strv;
}

static void
toggled_cb (GtkCheckButton *button, RigExerciseAnswer *self)
{
  g_auto (GStrv) cables = NULL;
  g_auto (GStrv) codes = NULL;
  g_autoptr (GError) error = NULL;

  if (self->syncing || self->history == NULL)
    return;
  cables = ticked (self->cables);
  codes = ticked (self->problems);
  if (!rig_history_apply (
          self->history,
          rig_command_mark_faults ((const char *const *) cables, (const char *const *) codes),
          &error))
    g_warning ("Marking the faults: %s", error->message);
}

/* "Cable A-001: Phone → Bookshelf speaker". */
static char *
cable_title (RigDocument *document, const RigCable *cable)
{
  const char *names[2];

  for (int end = 0; end < 2; end++)
    {
      RigDevice *device = rig_document_find_device (document, cable->device[end]);

      names[end] = device == NULL ? cable->device[end]
                   : device->label != NULL && *device->label != '\0'
                       ? device->label
                       : rig_device_model_get_display_name (device->model);
    }
  /* Translators: a cable the student may mark as faulty: "Cable A-001: Phone → Speaker" */
  return g_strdup_printf (_ ("Cable %s: %s → %s"), cable->number, names[0], names[1]);
}

static GtkWidget *
check_button (RigExerciseAnswer *self, const char *label, const char *id)
{
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *text = gtk_label_new (label);

  /* A wrapping label: a long cable or problem does not widen the pane. */
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), text);

  g_object_set_data_full (G_OBJECT (button), "rig-id", g_strdup (id), g_free);
  g_signal_connect (button, "toggled", G_CALLBACK (toggled_cb), self);
  return button;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* Makes the boxes again when the cables or the problems offered changed. */
static void
rebuild (RigExerciseAnswer *self, const RigExercise *exercise)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  g_auto (GStrv) ids = NULL;
  guint n = rig_document_get_n_cables (self->document);

  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, rig_document_get_cable (self->document, i)->id);
  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  if (self->cable_ids != NULL
      && g_strv_equal ((const char *const *) ids, (const char *const *) self->cable_ids)
      && g_strv_equal ((const char *const *) exercise->choices, (const char *const *) self->codes))
    return;

  clear_box (self->cables);
  clear_box (self->problems);
  for (guint i = 0; i < n; i++)
    {
      const RigCable *cable = rig_document_get_cable (self->document, i);
      g_autofree char *title = cable_title (self->document, cable);

      gtk_box_append (self->cables, check_button (self, title, cable->id));
    }
  for (guint i = 0; exercise->choices[i] != NULL; i++)
    {
      const RigRuleInfo *info = rig_rules_find (exercise->choices[i]);

      gtk_box_append (self->problems,
                      check_button (self,
                                    info != NULL ? _ (info->description) : exercise->choices[i],
                                    exercise->choices[i]));
    }
  g_strfreev (self->cable_ids);
  self->cable_ids = g_steal_pointer (&ids);
  g_strfreev (self->codes);
  self->codes = g_strdupv (exercise->choices);
}

/* The boxes as the document's marks say. */
static void
sync_box (GtkBox *box, char **marked)
{
  for (GtkWidget *b = gtk_widget_get_first_child (GTK_WIDGET (box)); b != NULL;
       b = gtk_widget_get_next_sibling (b))
    gtk_check_button_set_active (
        GTK_CHECK_BUTTON (b),
        rig_exercise_strv_has (marked, g_object_get_data (G_OBJECT (b), "rig-id")));
}

void
rig_exercise_answer_refresh (RigExerciseAnswer *self)
{
  const RigExercise *exercise
      = self->document != NULL ? rig_document_get_exercise (self->document) : NULL;
  gboolean shown = exercise != NULL && rig_exercise_is_find_fault (exercise);

  gtk_widget_set_visible (self->box, shown);
  if (!shown)
    return;
  rebuild (self, exercise);
  self->syncing = TRUE;
  sync_box (self->cables, exercise->marked_cables);
  sync_box (self->problems, exercise->marked_codes);
  self->syncing = FALSE;
}

void
rig_exercise_answer_set_document (RigExerciseAnswer *self, RigDocument *document,
                                  RigHistory *history)
{
  self->document = document;
  self->history = history;
  g_clear_pointer (&self->cable_ids, g_strfreev);
  g_clear_pointer (&self->codes, g_strfreev);
  rig_exercise_answer_refresh (self);
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

RigExerciseAnswer *
rig_exercise_answer_new (void)
{
  RigExerciseAnswer *self = g_new0 (RigExerciseAnswer, 1);
  GtkWidget *cables_heading = heading (_ ("Mark the faulty cables"));
  GtkWidget *problems_heading = heading (_ ("Name the problems"));

  self->box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  self->cables = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  self->problems = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->cables),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, cables_heading, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->problems),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, problems_heading, NULL, -1);
  gtk_box_append (GTK_BOX (self->box), cables_heading);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->cables));
  gtk_box_append (GTK_BOX (self->box), problems_heading);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->problems));
  gtk_widget_set_visible (self->box, FALSE);
  return self;
}

GtkWidget *
rig_exercise_answer_get_widget (RigExerciseAnswer *self)
{
  return self->box;
}

gboolean
rig_exercise_answer_toggle (RigExerciseAnswer *self, const char *id, gboolean problem)
{
  GtkBox *box = problem ? self->problems : self->cables;

  for (GtkWidget *b = gtk_widget_get_first_child (GTK_WIDGET (box)); b != NULL;
       b = gtk_widget_get_next_sibling (b))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (b), "rig-id"), id) == 0)
      {
        gtk_check_button_set_active (GTK_CHECK_BUTTON (b),
                                     !gtk_check_button_get_active (GTK_CHECK_BUTTON (b)));
        return TRUE;
      }
  return FALSE;
}

void
rig_exercise_answer_free (RigExerciseAnswer *self)
{
  g_strfreev (self->cable_ids);
  g_strfreev (self->codes);
  g_object_unref (self->box);
  g_free (self);
}
