/* rig-property-row.c: a read-only row of the inspector.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rig-property-row.h"
#include "rig-wrap-bin.h"

struct _RigPropertyRow
{
  GtkListBoxRow parent_instance;

  GtkWidget *title_label;
  GtkWidget *value_label;
};

G_DEFINE_FINAL_TYPE (RigPropertyRow, rig_property_row, GTK_TYPE_LIST_BOX_ROW)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
rig_property_row_new (const char *title, const char *value)
{
  return g_object_new (RIG_TYPE_PROPERTY_ROW, "title", title, "value", value, NULL);
}

/* A screen reader reads the row as its title, described by its value. */
void
rig_property_row_set_title (RigPropertyRow *self, const char *title)
{
  g_return_if_fail (RIG_IS_PROPERTY_ROW (self));

  gtk_label_set_text (GTK_LABEL (self->title_label), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
rig_property_row_set_value (RigPropertyRow *self, const char *value)
{
  g_return_if_fail (RIG_IS_PROPERTY_ROW (self));

  gtk_label_set_text (GTK_LABEL (self->value_label), value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, value,
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

static void
rig_property_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RigPropertyRow *self = RIG_PROPERTY_ROW (object);

  switch (prop_id)
    {
      case PROP_TITLE:
        g_value_set_string (value, gtk_label_get_text (GTK_LABEL (self->title_label)));
        break;
      case PROP_VALUE:
        g_value_set_string (value, gtk_label_get_text (GTK_LABEL (self->value_label)));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rig_property_row_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  RigPropertyRow *self = RIG_PROPERTY_ROW (object);
  const char *text = g_value_get_string (value);

  switch (prop_id)
    {
      case PROP_TITLE:
        rig_property_row_set_title (self, text != NULL ? text : "");
        break;
      case PROP_VALUE:
        rig_property_row_set_value (self, text != NULL ? text : "");
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rig_property_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RIG_TYPE_PROPERTY_ROW);

  G_OBJECT_CLASS (rig_property_row_parent_class)->dispose (object);
}

static void
rig_property_row_class_init (RigPropertyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rig_property_row_get_property;
  object_class->set_property = rig_property_row_set_property;
  object_class->dispose = rig_property_row_dispose;

  properties[PROP_TITLE]
      = g_param_spec_string ("title", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VALUE]
      = g_param_spec_string ("value", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RIG_TYPE_WRAP_BIN);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rigwire/Rigwire/ui/rig-property-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RigPropertyRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RigPropertyRow, value_label);
}

static void
rig_property_row_init (RigPropertyRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
