/* rig-jack-row.c: a jack in the inspector's device page.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-connect-popover.h"
#include "rig-document-rules.h"
#include "rig-inspector-text.h"
#include "rig-jack-row.h"
#include "rig-tooltip.h"
#include "rig-wrap-bin.h"

struct _RigJackRow
{
  GtkListBoxRow parent_instance;

  GtkWidget *name_label;
  GtkWidget *direction_label;
  GtkWidget *connect_button;
  GtkWidget *connect_popover;
  GtkWidget *kind_label;
  GtkWidget *figures_label;
  GtkWidget *occupied_label;

  RigInspectorPage *page; /* borrowed: the page holds the row */
  char *device_id;
  char *jack_id;
  char *jack_name;
  const RigJack *jack; /* the model's, whose words the row shows; or NULL */
};

G_DEFINE_FINAL_TYPE (RigJackRow, rig_jack_row, GTK_TYPE_LIST_BOX_ROW)

/* Shows @jack's own words: what stays while the row shows that jack. */
static void
show_jack (RigJackRow *self, const RigJack *jack)
{
  const char *direction = rig_direction_to_label (jack->direction);
  g_autofree char *kind = rig_inspector_describe_jack_kind (jack);
  g_autofree char *figures = rig_inspector_describe_jack_figures (jack);
  g_autofree char *description = NULL;
  const char *jack_name = rig_jack_get_display_name (jack);
  g_autofree char *tooltip = g_strdup_printf (_ ("Connect %s to…"), jack_name);
  g_autofree char *button_name = g_strconcat ("connect-", jack->id, NULL);

  gtk_label_set_text (GTK_LABEL (self->name_label), jack_name);
  gtk_label_set_text (GTK_LABEL (self->direction_label),
                      rig_inspector_direction_short_label (jack->direction));
  rig_tooltip_set_text (self->direction_label, direction);
  gtk_label_set_text (GTK_LABEL (self->kind_label), kind);
  gtk_label_set_text (GTK_LABEL (self->figures_label), figures);
  gtk_widget_set_visible (self->figures_label, figures[0] != '\0');

  gtk_widget_set_name (self->connect_button, button_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->connect_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);

  description = figures[0] != '\0' ? g_strdup_printf ("%s. %s. %s", direction, kind, figures)
                                   : g_strdup_printf ("%s. %s", direction, kind);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, jack_name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);

  g_free (self->jack_id);
  self->jack_id = g_strdup (jack->id);
  g_free (self->jack_name);
  self->jack_name = g_strdup (jack_name);
  self->jack = jack;
}

void
rig_jack_row_set_jack (RigJackRow *self, RigInspectorPage *page, const char *device_id,
                       const RigJack *jack)
{
  g_return_if_fail (RIG_IS_JACK_ROW (self));

  /* A row moved to the same jack of another device of its model only
   * changes what it says of cables (#13). */
  if (jack != NULL && jack != self->jack)
    show_jack (self, jack);
  else if (jack == NULL)
    {
      gtk_widget_set_name (self->connect_button, NULL);
      g_clear_pointer (&self->jack_id, g_free);
      self->jack = NULL;
    }
  self->page = page;
  g_free (self->device_id);
  self->device_id = g_strdup (device_id);
  rig_connect_popover_set_jack (RIG_CONNECT_POPOVER (self->connect_popover), page, device_id,
                                self->jack_id);
  if (jack != NULL)
    rig_jack_row_refresh (self);
}

gboolean
rig_jack_row_shows (RigJackRow *self, const RigJack *jack)
{
  g_return_val_if_fail (RIG_IS_JACK_ROW (self), FALSE);

  return self->jack == jack;
}

GtkWidget *
rig_jack_row_new (RigInspectorPage *page, const char *device_id, const RigJack *jack)
{
  RigJackRow *self = g_object_new (RIG_TYPE_JACK_ROW, NULL);

  rig_jack_row_set_jack (self, page, device_id, jack);
  return GTK_WIDGET (self);
}

void
rig_jack_row_refresh (RigJackRow *self)
{
  RigDocument *document = rig_inspector_page_get_document (self->page);
  RigCable *occupant = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *pill = NULL;

  g_return_if_fail (RIG_IS_JACK_ROW (self));

  if (self->jack_id == NULL)
    return;
  if (document != NULL)
    occupant = rig_document_jack_occupant (document, self->device_id, self->jack_id, NULL);
  gtk_widget_set_visible (self->occupied_label, occupant != NULL);
  gtk_widget_set_sensitive (self->connect_button, occupant == NULL);
  if (occupant == NULL)
    {
      tooltip = g_strdup_printf (_ ("Connect %s to…"), self->jack_name);
      rig_tooltip_set_text (self->connect_button, tooltip);
      return;
    }
  /* Translators: a jack that holds a cable; %s is the cable's number. */
  pill = g_strdup_printf (_ ("In use: %s"), occupant->number);
  gtk_label_set_text (GTK_LABEL (self->occupied_label), pill);
  tooltip = g_strdup_printf (_ ("%s holds cable %s: a jack takes one plug. Delete that cable or "
                                "drag its end to another jack first."),
                             self->jack_name, occupant->number);
  rig_tooltip_set_text (self->connect_button, tooltip);
  rig_tooltip_set_text (self->occupied_label, tooltip);
}

static void
rig_jack_row_dispose (GObject *object)
{
  RigJackRow *self = RIG_JACK_ROW (object);

  g_clear_pointer (&self->device_id, g_free);
  g_clear_pointer (&self->jack_id, g_free);
  g_clear_pointer (&self->jack_name, g_free);
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
  g_type_ensure (RIG_TYPE_WRAP_BIN);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rigwire/Rigwire/ui/rig-jack-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RigJackRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, RigJackRow, direction_label);
  gtk_widget_class_bind_template_child (widget_class, RigJackRow, connect_button);
  gtk_widget_class_bind_template_child (widget_class, RigJackRow, connect_popover);
  gtk_widget_class_bind_template_child (widget_class, RigJackRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, RigJackRow, figures_label);
  gtk_widget_class_bind_template_child (widget_class, RigJackRow, occupied_label);
}

static void
rig_jack_row_init (RigJackRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
