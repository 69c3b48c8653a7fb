/* rig-wrap-bin.c: a box for wrapping text beside other widgets
 * (rig-wrap-bin.h).
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rig-wrap-bin.h"

struct _RigWrapBin
{
  GtkWidget parent_instance;
};

static void
rig_wrap_bin_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RigWrapBin, rig_wrap_bin, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      rig_wrap_bin_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

static void
rig_wrap_bin_add_child (GtkBuildable *buildable, GtkBuilder *builder, GObject *child,
                        const char *type)
{
  if (GTK_IS_WIDGET (child) && gtk_widget_get_first_child (GTK_WIDGET (buildable)) == NULL)
    gtk_widget_set_parent (GTK_WIDGET (child), GTK_WIDGET (buildable));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
rig_wrap_bin_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = rig_wrap_bin_add_child;
}

static void
rig_wrap_bin_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                      int *natural, int *minimum_baseline, int *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child == NULL || !gtk_widget_should_layout (child))
    return;
  /* Widths for any height; heights for the width given. */
  gtk_widget_measure (child, orientation, orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
rig_wrap_bin_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

/* Expands as its child does. */
static void
rig_wrap_bin_compute_expand (GtkWidget *widget, gboolean *hexpand, gboolean *vexpand)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *hexpand = child != NULL && gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
  *vexpand = child != NULL && gtk_widget_compute_expand (child, GTK_ORIENTATION_VERTICAL);
}

static GtkSizeRequestMode
rig_wrap_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rig_wrap_bin_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rig_wrap_bin_parent_class)->dispose (object);
}

static void
rig_wrap_bin_class_init (RigWrapBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rig_wrap_bin_dispose;
  widget_class->measure = rig_wrap_bin_measure;
  widget_class->size_allocate = rig_wrap_bin_size_allocate;
  widget_class->get_request_mode = rig_wrap_bin_get_request_mode;
  widget_class->compute_expand = rig_wrap_bin_compute_expand;
  gtk_widget_class_set_css_name (widget_class, "rig-wrap-bin");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
rig_wrap_bin_init (RigWrapBin *self)
{
}

GtkWidget *
rig_wrap_bin_new (GtkWidget *child)
{
  GtkWidget *self = g_object_new (RIG_TYPE_WRAP_BIN, NULL);

  if (child != NULL)
    gtk_widget_set_parent (child, self);
  return self;
}

void
rig_wrap_label (GtkLabel *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_width_chars (label, RIG_WRAP_MIN_CHARS);
  if (gtk_label_get_max_width_chars (label) < 0)
    gtk_label_set_max_width_chars (label, RIG_WRAP_MAX_CHARS);
}
