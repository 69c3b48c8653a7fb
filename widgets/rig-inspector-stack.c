/* rig-inspector-stack.c: the inspector's pages, one shown, the others kept
 * and, when asked, laid out ahead (rig-inspector-stack.h).
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rig-inspector-stack.h"

struct _RigInspectorStack
{
  GtkWidget parent_instance;

  GtkWidget *shown;  /* a child, or NULL */
  GHashTable *ahead; /* children to lay out in the next allocation */
};

G_DEFINE_FINAL_TYPE (RigInspectorStack, rig_inspector_stack, GTK_TYPE_WIDGET)

static void
keep (GtkWidget *page)
{
  gtk_widget_set_child_visible (page, FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
}

void
rig_inspector_stack_add (RigInspectorStack *self, GtkWidget *page)
{
  g_return_if_fail (RIG_IS_INSPECTOR_STACK (self));
  g_return_if_fail (gtk_widget_get_parent (page) == NULL);

  keep (page);
  gtk_widget_set_parent (page, GTK_WIDGET (self));
}

void
rig_inspector_stack_remove (RigInspectorStack *self, GtkWidget *page)
{
  g_return_if_fail (RIG_IS_INSPECTOR_STACK (self));
  g_return_if_fail (gtk_widget_get_parent (page) == GTK_WIDGET (self));

  if (self->shown == page)
    self->shown = NULL;
  g_hash_table_remove (self->ahead, page);
  gtk_widget_unparent (page);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
rig_inspector_stack_show (RigInspectorStack *self, GtkWidget *page)
{
  g_return_if_fail (RIG_IS_INSPECTOR_STACK (self));
  g_return_if_fail (page == NULL || gtk_widget_get_parent (page) == GTK_WIDGET (self));

  if (self->shown == page)
    return;
  if (self->shown != NULL)
    keep (self->shown);
  self->shown = page;
  if (page != NULL)
    {
      g_hash_table_remove (self->ahead, page);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_STATE_HIDDEN);
      gtk_widget_set_child_visible (page, TRUE);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
rig_inspector_stack_lay_out_ahead (RigInspectorStack *self, GtkWidget *page)
{
  g_return_if_fail (RIG_IS_INSPECTOR_STACK (self));
  g_return_if_fail (gtk_widget_get_parent (page) == GTK_WIDGET (self));

  if (page == self->shown)
    return;
  g_hash_table_add (self->ahead, page);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

gboolean
rig_inspector_stack_cancel_ahead (RigInspectorStack *self, GtkWidget *page)
{
  g_return_val_if_fail (RIG_IS_INSPECTOR_STACK (self), FALSE);

  return g_hash_table_remove (self->ahead, page);
}

gboolean
rig_inspector_stack_is_waiting (RigInspectorStack *self, GtkWidget *page)
{
  g_return_val_if_fail (RIG_IS_INSPECTOR_STACK (self), FALSE);

  return g_hash_table_contains (self->ahead, page);
}

static void
rig_inspector_stack_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                             int *minimum, int *natural, int *minimum_baseline,
                             int *natural_baseline)
{
  RigInspectorStack *self = RIG_INSPECTOR_STACK (widget);

  if (self->shown != NULL && gtk_widget_should_layout (self->shown))
    gtk_widget_measure (self->shown, orientation, for_size, minimum, natural, NULL, NULL);
}

/* Lays out the text of every label in @widget's tree at its allocated
 * width, as drawing it would: measuring lays out copies of a label's text
 * (at each width asked), and the label's own is laid out when first drawn. */
static void
lay_out_labels (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      PangoRectangle logical;

      pango_layout_get_pixel_extents (gtk_label_get_layout (GTK_LABEL (widget)), NULL, &logical);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    lay_out_labels (child);
}

/* Lays out a kept page as it would be shown at @width: its sizes cached,
 * its labels' text laid out. Not drawn: it is not mapped. */
static void
lay_out (GtkWidget *page, int width)
{
  int minimum, natural;

  if (!gtk_widget_should_layout (page))
    return;
  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  width = MAX (width, minimum);
  gtk_widget_measure (page, GTK_ORIENTATION_VERTICAL, width, &minimum, &natural, NULL, NULL);
  gtk_widget_allocate (page, width, natural, -1, NULL);
  lay_out_labels (page);
}

static void
rig_inspector_stack_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  RigInspectorStack *self = RIG_INSPECTOR_STACK (widget);
  GHashTableIter iter;
  gpointer page;

  if (self->shown != NULL && gtk_widget_should_layout (self->shown))
    gtk_widget_allocate (self->shown, width, height, baseline, NULL);
  g_hash_table_iter_init (&iter, self->ahead);
  while (g_hash_table_iter_next (&iter, &page, NULL))
    {
      lay_out (page, width);
      g_hash_table_iter_remove (&iter);
    }
}

static GtkSizeRequestMode
rig_inspector_stack_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rig_inspector_stack_dispose (GObject *object)
{
  RigInspectorStack *self = RIG_INSPECTOR_STACK (object);
  GtkWidget *child;

  self->shown = NULL;
  if (self->ahead != NULL)
    g_hash_table_remove_all (self->ahead);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rig_inspector_stack_parent_class)->dispose (object);
}

static void
rig_inspector_stack_finalize (GObject *object)
{
  RigInspectorStack *self = RIG_INSPECTOR_STACK (object);

  g_clear_pointer (&self->ahead, g_hash_table_unref);

  G_OBJECT_CLASS (rig_inspector_stack_parent_class)->finalize (object);
}

static void
rig_inspector_stack_class_init (RigInspectorStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rig_inspector_stack_dispose;
  object_class->finalize = rig_inspector_stack_finalize;
  widget_class->measure = rig_inspector_stack_measure;
  widget_class->size_allocate = rig_inspector_stack_size_allocate;
  widget_class->get_request_mode = rig_inspector_stack_get_request_mode;
  gtk_widget_class_set_css_name (widget_class, "rig-inspector-stack");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
rig_inspector_stack_init (RigInspectorStack *self)
{
  self->ahead = g_hash_table_new (NULL, NULL);
}

GtkWidget *
rig_inspector_stack_new (void)
{
  return g_object_new (RIG_TYPE_INSPECTOR_STACK, NULL);
}
