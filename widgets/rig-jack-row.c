/* rig-jack-row.c: a jack in the inspector's device page.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-connect-popover.h"
#include "rig-inspector-text.h"
#include "rig-jack-row.h"

struct _RigJackRow
{
  GtkListBoxRow parent_instance;

  GtkWidget *name_label;
  GtkWidget *direction_label;
  GtkWidget *connect_button;
  GtkWidget *connect_popover;
  GtkWidget *kind_label;
  GtkWidget *figures_label;
};

G_DEFINE_FINAL_TYPE (RigJackRow, rig_jack_row, GTK_TYPE_LIST_BOX_ROW)

GtkWidget *
rig_jack_row_new (RigInspectorPage *page, const char *device_id, const RigJack *jack)
{
  RigJackRow *self = g_object_new (RIG_TYPE_JACK_ROW, NULL);
  const char *direction = rig_direction_to_label (jack->direction);
  g_autofree char *kind = rig_inspector_describe_jack_kind (jack);
  g_autofree char *figures = rig_inspector_describe_jack_figures (jack);
  g_autofree char *description = NULL;
  g_autofree char *tooltip = g_strdup_printf (_ ("Connect %s to…"), jack->name);
  g_autofree char *button_name = g_strconcat ("connect-", jack->id, NULL);

  gtk_label_set_text (GTK_LABEL (self->name_label), jack->name);
  gtk_label_set_text (GTK_LABEL (self->direction_label),
                      rig_inspector_direction_short_label (jack->direction));
  gtk_widget_set_tooltip_text (self->direction_label, direction);
  gtk_label_set_text (GTK_LABEL (self->kind_label), kind);
  gtk_label_set_text (GTK_LABEL (self->figures_label), figures);
  gtk_widget_set_visible (self->figures_label, figures[0] != '\0');

  gtk_widget_set_name (self->connect_button, button_name);
  gtk_widget_set_tooltip_text (self->connect_button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->connect_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  rig_connect_popover_set_jack (RIG_CONNECT_POPOVER (self->connect_popover), page, device_id,
                                jack->id);

  description = figures[0] != '\0' ? g_strdup_printf ("%s. %s. %s", direction, kind, figures)
                                   : g_strdup_printf ("%s. %s", direction, kind);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, jack->name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  return GTK_WIDGET (self);
}

static void
rig_jack_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RIG_TYPE_JACK_ROW);

  G_OBJECT_CLASS (rig_jack_row_parent_class)->dispose (object);
}

static void
rig_jack_row_class_init (RigJackRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rig_jack_row_dispose;

  g_type_ensure (RIG_TYPE_CONNECT_POPOVER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rigwire/Rigwire/ui/rig-jack-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RigJackRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, RigJackRow, direction_label);
  gtk_widget_class_bind_template_child (widget_class, RigJackRow, connect_button);
  gtk_widget_class_bind_template_child (widget_class, RigJackRow, connect_popover);
  gtk_widget_class_bind_template_child (widget_class, RigJackRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, RigJackRow, figures_label);
}

static void
rig_jack_row_init (RigJackRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
