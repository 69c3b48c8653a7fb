/* rig-cull-bin.c: a bin that can leave its child undrawn (rig-cull-bin.h).
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rig-cull-bin.h"

struct _RigCullBin
{
  GtkWidget parent_instance;

  gboolean drawn;
};

G_DEFINE_FINAL_TYPE (RigCullBin, rig_cull_bin, GTK_TYPE_WIDGET)

static void
rig_cull_bin_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                      int *natural, int *minimum_baseline, int *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline,
                        natural_baseline);
}

static void
rig_cull_bin_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static GtkSizeRequestMode
rig_cull_bin_get_request_mode (GtkWidget *widget)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  return child != NULL ? gtk_widget_get_request_mode (child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
rig_cull_bin_compute_expand (GtkWidget *widget, gboolean *hexpand, gboolean *vexpand)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *hexpand = child != NULL && gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
  *vexpand = child != NULL && gtk_widget_compute_expand (child, GTK_ORIENTATION_VERTICAL);
}

static void
rig_cull_bin_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  RigCullBin *self = RIG_CULL_BIN (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (self->drawn && child != NULL)
    gtk_widget_snapshot_child (widget, child, snapshot);
}

static void
rig_cull_bin_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rig_cull_bin_parent_class)->dispose (object);
}

static void
rig_cull_bin_class_init (RigCullBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rig_cull_bin_dispose;
  widget_class->measure = rig_cull_bin_measure;
  widget_class->size_allocate = rig_cull_bin_size_allocate;
  widget_class->get_request_mode = rig_cull_bin_get_request_mode;
  widget_class->compute_expand = rig_cull_bin_compute_expand;
  widget_class->snapshot = rig_cull_bin_snapshot;
  gtk_widget_class_set_css_name (widget_class, "rig-cull-bin");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
rig_cull_bin_init (RigCullBin *self)
{
  self->drawn = TRUE;
}

GtkWidget *
rig_cull_bin_new (GtkWidget *child)
{
  GtkWidget *self = g_object_new (RIG_TYPE_CULL_BIN, NULL);

  if (child != NULL)
    gtk_widget_set_parent (child, self);
  return self;
}

void
rig_cull_bin_set_drawn (RigCullBin *self, gboolean drawn)
{
  g_return_if_fail (RIG_IS_CULL_BIN (self));

  drawn = !!drawn;
  if (self->drawn == drawn)
    return;
  self->drawn = drawn;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
rig_cull_bin_get_drawn (RigCullBin *self)
{
  g_return_val_if_fail (RIG_IS_CULL_BIN (self), FALSE);

  return self->drawn;
}
