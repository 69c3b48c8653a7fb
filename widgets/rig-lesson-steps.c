/* rig-lesson-steps.c: a guided lesson's steps (rig-lesson-steps.h).
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-lesson-steps.h"

struct _RigLessonSteps
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkListBox *list;
  GtkLabel *counter_label;
  GtkLabel *title_label;
  GtkLabel *text_label;
  GtkWidget *back_button;
  GtkWidget *next_button;

  RigLesson *lesson; /* a copy of the document's; NULL: none */
  guint current;
  gboolean updating; /* selecting a row from code, not the user */
  RigDocument *document;
  RigSelection *selection;
  RigCanvas *canvas;
};

G_DEFINE_FINAL_TYPE (RigLessonSteps, rig_lesson_steps, GTK_TYPE_WIDGET)

static GtkWidget *
wrapped_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Those of @ids still in the rig (devices or cables). */
static char **
present_ids (RigLessonSteps *self, char **ids, gboolean devices)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    if (devices ? rig_document_find_device (self->document, ids[i]) != NULL
                : rig_document_find_cable (self->document, ids[i]) != NULL)
      g_strv_builder_add (builder, ids[i]);
  return g_strv_builder_end (builder);
}

static void
show_step (RigLessonSteps *self)
{
  const RigLessonStep *step = rig_lesson_get_step (self->lesson, self->current);
  guint n = rig_lesson_get_n_steps (self->lesson);
  g_autofree char *counter = g_strdup_printf (_ ("Step %u of %u"), self->current + 1, n);

  gtk_label_set_label (self->counter_label, counter);
  gtk_label_set_label (self->title_label, step->title);
  gtk_label_set_label (self->text_label, step->text);
  gtk_widget_set_sensitive (self->back_button, self->current > 0);
  gtk_widget_set_sensitive (self->next_button, self->current + 1 < n);
  self->updating = TRUE;
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, self->current));
  self->updating = FALSE;
}

void
rig_lesson_steps_go_to (RigLessonSteps *self, guint index)
{
  const RigLessonStep *step;
  g_auto (GStrv) devices = NULL;
  g_auto (GStrv) cables = NULL;

  g_return_if_fail (RIG_IS_LESSON_STEPS (self));
  g_return_if_fail (index < rig_lesson_get_n_steps (self->lesson));

  self->current = index;
  show_step (self);
  step = rig_lesson_get_step (self->lesson, index);
  devices = present_ids (self, step->devices, TRUE);
  cables = present_ids (self, step->cables, FALSE);
  if (self->selection != NULL)
    rig_selection_set (self->selection, (const char *const *) devices,
                       (const char *const *) cables);
  if (self->canvas != NULL && (devices[0] != NULL || cables[0] != NULL))
    rig_canvas_scroll_to (self->canvas, (const char *const *) devices,
                          (const char *const *) cables);
}

gboolean
rig_lesson_steps_next (RigLessonSteps *self)
{
  g_return_val_if_fail (RIG_IS_LESSON_STEPS (self), FALSE);

  if (self->current + 1 >= rig_lesson_get_n_steps (self->lesson))
    return FALSE;
  rig_lesson_steps_go_to (self, self->current + 1);
  return TRUE;
}

gboolean
rig_lesson_steps_previous (RigLessonSteps *self)
{
  g_return_val_if_fail (RIG_IS_LESSON_STEPS (self), FALSE);

  if (self->current == 0 || self->lesson == NULL)
    return FALSE;
  rig_lesson_steps_go_to (self, self->current - 1);
  return TRUE;
}

guint
rig_lesson_steps_get_n_steps (RigLessonSteps *self)
{
  g_return_val_if_fail (RIG_IS_LESSON_STEPS (self), 0);
  return rig_lesson_get_n_steps (self->lesson);
}

guint
rig_lesson_steps_get_current (RigLessonSteps *self)
{
  g_return_val_if_fail (RIG_IS_LESSON_STEPS (self), 0);
  return self->current;
}

static void
row_selected_cb (GtkListBox *list, GtkListBoxRow *row, RigLessonSteps *self)
{
  if (row != NULL && !self->updating && self->lesson != NULL)
    rig_lesson_steps_go_to (self, (guint) gtk_list_box_row_get_index (row));
}

static void
back_clicked_cb (GtkButton *button, RigLessonSteps *self)
{
  rig_lesson_steps_previous (self);
}

static void
next_clicked_cb (GtkButton *button, RigLessonSteps *self)
{
  rig_lesson_steps_next (self);
}

static void
fill_list (RigLessonSteps *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < rig_lesson_get_n_steps (self->lesson); i++)
    {
      const RigLessonStep *step = rig_lesson_get_step (self->lesson, i);
      g_autofree char *text = g_strdup_printf ("%u. %s", i + 1, step->title);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_top (label, 3);
      gtk_widget_set_margin_bottom (label, 3);
      gtk_widget_set_margin_start (label, 6);
      gtk_list_box_append (self->list, label);
    }
}

void
rig_lesson_steps_set_document (RigLessonSteps *self, RigDocument *document, RigSelection *selection,
                               RigCanvas *canvas)
{
  const RigLesson *lesson;

  g_return_if_fail (RIG_IS_LESSON_STEPS (self));

  g_set_object (&self->document, document);
  g_set_object (&self->selection, selection);
  g_set_object (&self->canvas, canvas);
  lesson = document != NULL ? rig_document_get_lesson (document) : NULL;
  g_clear_pointer (&self->lesson, rig_lesson_free);
  if (rig_lesson_get_n_steps (lesson) > 0)
    self->lesson = rig_lesson_copy (lesson);
  self->current = 0;
  fill_list (self);
  gtk_widget_set_visible (GTK_WIDGET (self), self->lesson != NULL);
  if (self->lesson != NULL)
    show_step (self);
}

static void
rig_lesson_steps_dispose (GObject *object)
{
  RigLessonSteps *self = RIG_LESSON_STEPS (object);

  g_clear_pointer (&self->lesson, rig_lesson_free);
  g_clear_object (&self->document);
  g_clear_object (&self->selection);
  g_clear_object (&self->canvas);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (rig_lesson_steps_parent_class)->dispose (object);
}

static void
rig_lesson_steps_class_init (RigLessonStepsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rig_lesson_steps_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
nav_button (const char *icon, const char *label, const char *tooltip)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name (icon));
  gtk_box_append (GTK_BOX (content), gtk_label_new (label));
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
  gtk_widget_set_hexpand (button, TRUE);
  return button;
}

static void
rig_lesson_steps_init (RigLessonSteps *self)
{
  GtkWidget *heading = gtk_label_new (_ ("Lesson"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_margin_top (self->box, 12);
  gtk_widget_set_margin_bottom (self->box, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_box_append (GTK_BOX (self->box), heading);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Lesson steps"), -1);
  g_signal_connect (self->list, "row-selected", G_CALLBACK (row_selected_cb), self);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->list));

  self->counter_label = GTK_LABEL (wrapped_label ("dim-label"));
  gtk_widget_set_margin_top (GTK_WIDGET (self->counter_label), 6);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->counter_label));
  self->title_label = GTK_LABEL (wrapped_label ("heading"));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->title_label));
  self->text_label = GTK_LABEL (wrapped_label (NULL));
  gtk_label_set_selectable (self->text_label, TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->text_label));

  self->back_button
      = nav_button ("go-previous-symbolic", _ ("Back"), _ ("Previous step (Alt+Left)"));
  self->next_button = nav_button ("go-next-symbolic", _ ("Next"), _ ("Next step (Alt+Right)"));
  g_signal_connect (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self);
  g_signal_connect (self->next_button, "clicked", G_CALLBACK (next_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->back_button);
  gtk_box_append (GTK_BOX (buttons), self->next_button);
  gtk_box_append (GTK_BOX (self->box), buttons);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Lesson"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
rig_lesson_steps_new (void)
{
  return g_object_new (RIG_TYPE_LESSON_STEPS, NULL);
}
