/* rig-canvas-drop.c: placing catalog models on the canvas.
 *
 * A catalog model dropped on the canvas as a "rigwire-model:ID" string (the
 * palette's drag) is placed where it is dropped; rig_canvas_place_model()
 * places one at the centre of the view. Either way one command adds the
 * device, which becomes the selection.
 */
#include "config.h"

#include <string.h>

#include "rig-canvas-private.h"
#include "rig-catalog.h"

#define MODEL_PREFIX "rigwire-model:"

/* Adds a device of @model with its card centred on (cx, cy); selects it. */
static char *
place_at (RigCanvas *self, RigDeviceModel *model, double cx, double cy)
{
  const RigCardShape *shape;
  RigCommand *command;
  g_autoptr (GError) error = NULL;
  double x, y;
  char *id;

  if (self->document == NULL || model == NULL)
    return NULL;
  shape = rig_layout_get_shape (self->layout, model);
  x = cx - shape->width / 2;
  y = cy - shape->header_height / 2;
  _rig_canvas_snap_point (self, &x, &y);
  /* Do not land exactly on another card's corner: cascade. */
  for (guint i = 0; i < 50; i++)
    {
      RigDevice *other = rig_layout_device_at (self->layout, x + 1, y + 1);
      if (other == NULL || other->x != x || other->y != y)
        break;
      x += RIG_CANVAS_GRID;
      y += RIG_CANVAS_GRID;
    }

  command = rig_command_add_device (model, NULL, x, y);
  if (!rig_history_apply (self->history, command, &error))
    {
      g_debug ("Cannot place %s: %s", model->id, error->message);
      return NULL;
    }
  id = g_strdup (rig_command_get_created_id (command));
  rig_selection_set (self->selection, (const char *const[]){ id, NULL }, NULL);
  return id;
}

char *
rig_canvas_place_model (RigCanvas *self, RigDeviceModel *model)
{
  double cx, cy;

  g_return_val_if_fail (RIG_IS_CANVAS (self), NULL);
  g_return_val_if_fail (model != NULL, NULL);
  rig_canvas_widget_to_canvas (self, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0, &cx, &cy);
  return place_at (self, model, cx, cy);
}

static gboolean
drop (RigCanvas *self, const char *value, double x, double y)
{
  RigDeviceModel *model;
  g_autofree char *id = NULL;
  double cx, cy;

  if (self->document == NULL || value == NULL || !g_str_has_prefix (value, MODEL_PREFIX))
    return FALSE;
  model = rig_catalog_lookup (rig_catalog_get_default (), value + strlen (MODEL_PREFIX));
  if (model == NULL)
    return FALSE;
  rig_canvas_widget_to_canvas (self, x, y, &cx, &cy);
  id = place_at (self, model, cx, cy);
  if (id != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  return id != NULL;
}

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, RigCanvas *self)
{
  return G_VALUE_HOLDS_STRING (value) && drop (self, g_value_get_string (value), x, y);
}

gboolean
rig_canvas_test_drop (RigCanvas *self, const char *value, double x, double y)
{
  g_return_val_if_fail (RIG_IS_CANVAS (self), FALSE);
  return drop (self, value, x, y);
}

void
_rig_canvas_add_drop_target (RigCanvas *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
