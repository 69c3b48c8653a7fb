/* rig-tool-keyboard.c: the canvas's keyboard.
 *
 * Tab and Shift+Tab walk the selection through the devices, then the
 * cables; the arrow keys nudge the selected devices one grid step (Shift: one
 * unit); Delete and BackSpace remove the selection; Escape cancels the drag
 * in progress; holding Space makes a primary drag pan; in a find-the-fault
 * exercise M marks the selected cables as faulty, or unmarks them.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-canvas-private.h"
#include "rig-command-exercise.h"

/* Delete: the selected devices and cables go, in one undo step. */
static void
delete_selection (RigCanvas *self)
{
  g_auto (GStrv) devices = rig_selection_get_devices (self->selection);
  g_auto (GStrv) cables = rig_selection_get_cables (self->selection);
  g_autoptr (GPtrArray) loose = g_ptr_array_new ();
  RigCommand *commands[2];
  guint n = 0;

  /* Cables on deleted devices go with them. */
  for (guint i = 0; cables[i] != NULL; i++)
    {
      RigCable *cable = rig_document_find_cable (self->document, cables[i]);
      if (cable != NULL && !_rig_canvas_strv_contains (devices, cable->device[RIG_END_FROM])
          && !_rig_canvas_strv_contains (devices, cable->device[RIG_END_TO]))
        g_ptr_array_add (loose, cables[i]);
    }
  g_ptr_array_add (loose, NULL);
  if (loose->len > 1)
    commands[n++] = rig_command_remove_cables ((const char *const *) loose->pdata);
  if (devices[0] != NULL)
    commands[n++] = rig_command_remove_devices ((const char *const *) devices);
  if (n == 0)
    return;
  rig_selection_clear (self->selection);
  _rig_canvas_apply (self, n == 1 ? commands[0] : rig_command_group (_ ("Delete"), commands, n));
}

/* Keyboard selection: Tab and Shift+Tab walk through the devices, then the
 * cables, in document order, and bring each into view; Ctrl+Tab leaves the
 * canvas (as in a text view). */
static gboolean
select_next_object (RigCanvas *self, gboolean backward)
{
  guint n_devices, n_cables, n, current = G_MAXUINT, next;
  const char *device = rig_selection_get_single_device (self->selection);
  const char *cable = rig_selection_get_single_cable (self->selection);

  if (self->document == NULL)
    return FALSE;
  n_devices = rig_document_get_n_devices (self->document);
  n_cables = rig_document_get_n_cables (self->document);
  n = n_devices + n_cables;
  if (n == 0)
    return FALSE;

  if (device != NULL && rig_document_device_index (self->document, device) >= 0)
    current = rig_document_device_index (self->document, device);
  else if (cable != NULL && rig_document_cable_index (self->document, cable) >= 0)
    current = n_devices + rig_document_cable_index (self->document, cable);

  if (current == G_MAXUINT)
    next = backward ? n - 1 : 0;
  else
    next = backward ? (current + n - 1) % n : (current + 1) % n;

  if (next < n_devices)
    {
      const char *ids[] = { rig_document_get_device (self->document, next)->id, NULL };
      rig_selection_set (self->selection, ids, NULL);
      rig_canvas_scroll_to (self, ids, NULL);
    }
  else
    {
      const char *ids[] = { rig_document_get_cable (self->document, next - n_devices)->id, NULL };
      rig_selection_set (self->selection, NULL, ids);
      rig_canvas_scroll_to (self, NULL, ids);
    }
  return TRUE;
}

/* The arrow keys move the selected devices by (dx, dy), one command a
 * press. */
static gboolean
nudge (RigCanvas *self, double dx, double dy)
{
  g_auto (GStrv) ids = NULL;

  if (self->document == NULL || rig_selection_get_n_devices (self->selection) == 0
      || self->mode != RIG_CANVAS_MODE_NONE)
    return FALSE;
  ids = rig_selection_get_devices (self->selection);
  _rig_canvas_apply (self, rig_command_move_devices ((const char *const *) ids, dx, dy));
  return TRUE;
}

/* M: the selected cables' "faulty" marks turn over, one command (the
 * problems named stay). */
static gboolean
toggle_fault_marks (RigCanvas *self)
{
  const RigExercise *exercise
      = self->document != NULL ? rig_document_get_exercise (self->document) : NULL;
  g_auto (GStrv) selected = NULL;
  g_autoptr (GPtrArray) marks = NULL;

  if (exercise == NULL || !rig_exercise_is_find_fault (exercise)
      || rig_selection_get_n_cables (self->selection) == 0 || self->mode != RIG_CANVAS_MODE_NONE)
    return FALSE;
  selected = rig_selection_get_cables (self->selection);
  marks = g_ptr_array_new ();
  for (guint i = 0; exercise->marked_cables[i] != NULL; i++)
    if (!g_strv_contains ((const char *const *) selected, exercise->marked_cables[i]))
      g_ptr_array_add (marks, exercise->marked_cables[i]);
  for (guint i = 0; selected[i] != NULL; i++)
    if (!rig_exercise_strv_has (exercise->marked_cables, selected[i]))
      g_ptr_array_add (marks, selected[i]);
  g_ptr_array_add (marks, NULL);
  _rig_canvas_apply (self, rig_command_mark_faults ((const char *const *) marks->pdata,
                                                    (const char *const *) exercise->marked_codes));
  return TRUE;
}

static gboolean
key (RigCanvas *self, guint keyval, GdkModifierType state)
{
  double step = (state & GDK_SHIFT_MASK) ? 1.0 : RIG_CANVAS_GRID;
  double dx = 0, dy = 0;

  switch (keyval)
    {
      case GDK_KEY_Tab:
      case GDK_KEY_KP_Tab:
      case GDK_KEY_ISO_Left_Tab:
        if ((state & GDK_CONTROL_MASK) || self->mode != RIG_CANVAS_MODE_NONE)
          return FALSE;
        return select_next_object (self,
                                   keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK));
      case GDK_KEY_space:
        self->space_down = TRUE;
        if (self->mode == RIG_CANVAS_MODE_NONE)
          gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
        return TRUE;
      case GDK_KEY_Escape:
        if (self->mode != RIG_CANVAS_MODE_NONE)
          {
            _rig_canvas_cancel_gesture (self);
            return TRUE;
          }
        return FALSE;
      case GDK_KEY_m:
      case GDK_KEY_M:
        if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
          return FALSE;
        return toggle_fault_marks (self);
      case GDK_KEY_Delete:
      case GDK_KEY_KP_Delete:
      case GDK_KEY_BackSpace:
        if (self->document == NULL || rig_selection_is_empty (self->selection))
          return FALSE;
        delete_selection (self);
        return TRUE;
      case GDK_KEY_Left:
      case GDK_KEY_KP_Left:
        dx = -step;
        break;
      case GDK_KEY_Right:
      case GDK_KEY_KP_Right:
        dx = step;
        break;
      case GDK_KEY_Up:
      case GDK_KEY_KP_Up:
        dy = -step;
        break;
      case GDK_KEY_Down:
      case GDK_KEY_KP_Down:
        dy = step;
        break;
      default:
        return FALSE;
    }

  return nudge (self, dx, dy);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, RigCanvas *self)
{
  return key (self, keyval, state);
}

static void
key_released_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                 GdkModifierType state, RigCanvas *self)
{
  if (keyval == GDK_KEY_space)
    {
      self->space_down = FALSE;
      if (self->mode == RIG_CANVAS_MODE_NONE)
        gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
    }
}

gboolean
rig_canvas_test_key_press (RigCanvas *self, guint keyval, GdkModifierType state)
{
  g_return_val_if_fail (RIG_IS_CANVAS (self), FALSE);
  return key (self, keyval, state);
}

void
rig_canvas_test_key_release (RigCanvas *self, guint keyval, GdkModifierType state)
{
  g_return_if_fail (RIG_IS_CANVAS (self));
  key_released_cb (NULL, keyval, 0, state, self);
}

gboolean
rig_canvas_test_key (RigCanvas *self, guint keyval, GdkModifierType state)
{
  gboolean handled = rig_canvas_test_key_press (self, keyval, state);

  rig_canvas_test_key_release (self, keyval, state);
  return handled;
}

void
_rig_canvas_add_key_controller (RigCanvas *self)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  g_signal_connect (controller, "key-released", G_CALLBACK (key_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
