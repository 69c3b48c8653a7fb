/* rig-window-outline.c: the window's side pane, which shows either the
 * device catalog or the outline of the rig (RigOutline: every device and
 * cable as a list, for the keyboard and screen readers).
 *
 * win.show-outline (Ctrl+L, the header's outline button, the menu) is
 * stateful: on when the side pane shows the outline. Turning it on shows the
 * outline and moves the keyboard there; turning it off hides the pane and
 * gives the keyboard back to the canvas. F9 (win.toggle-palette) shows the
 * catalog in the same pane. Selecting rows selects on the canvas and brings
 * it into view; Enter on a row shows the inspector and moves the keyboard
 * into it.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-window-private.h"

#define PAGE_CATALOG "catalog"
#define PAGE_OUTLINE "outline"

gboolean
rig_window_outline_is_shown (RigWindow *self)
{
  return gtk_widget_get_visible (self->palette_box)
         && g_strcmp0 (gtk_stack_get_visible_child_name (self->side_stack), PAGE_OUTLINE) == 0;
}

void
rig_window_outline_show_catalog (RigWindow *self)
{
  gtk_stack_set_visible_child_name (self->side_stack, PAGE_CATALOG);
  gtk_widget_set_visible (self->palette_box, TRUE);
}

static void
update_state (RigWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "show-outline");
  gboolean shown = rig_window_outline_is_shown (self);
  g_autoptr (GVariant) state = action != NULL ? g_action_get_state (action) : NULL;

  if (state != NULL && g_variant_get_boolean (state) != shown)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (shown));
}

static void
show_outline_change_state_cb (GSimpleAction *action, GVariant *state, RigWindow *self)
{
  if (g_variant_get_boolean (state))
    {
      gtk_stack_set_visible_child_name (self->side_stack, PAGE_OUTLINE);
      gtk_widget_set_visible (self->palette_box, TRUE);
      rig_outline_focus (self->outline);
    }
  else if (rig_window_outline_is_shown (self))
    {
      gtk_widget_set_visible (self->palette_box, FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
    }
  update_state (self);
}

/* Enter on a row: the inspector shows the object; the keyboard goes there. */
static void
object_activated_cb (RigOutline *outline, const char *device_id, const char *cable_id,
                     RigWindow *self)
{
  if (!gtk_widget_get_visible (self->inspector_box))
    g_action_group_activate_action (G_ACTION_GROUP (self), "show-inspector", NULL);
  gtk_widget_child_focus (GTK_WIDGET (self->inspector), GTK_DIR_TAB_FORWARD);
}

/* Rows selected in the list: the canvas brings them into view. */
static void
objects_selected_cb (RigOutline *outline, RigWindow *self)
{
  g_auto (GStrv) devices = rig_selection_get_devices (self->selection);
  g_auto (GStrv) cables = rig_selection_get_cables (self->selection);

  if (devices[0] != NULL || cables[0] != NULL)
    rig_canvas_scroll_to (self->canvas, (const char *const *) devices,
                          (const char *const *) cables);
}

static void
side_changed_cb (GObject *object, GParamSpec *pspec, RigWindow *self)
{
  update_state (self);
}

void
rig_window_outline_build (RigWindow *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *heading = gtk_label_new (_ ("Outline"));
  g_autoptr (GSimpleAction) action = NULL;

  self->outline = RIG_OUTLINE (rig_outline_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->outline), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, 12);
  gtk_widget_set_margin_bottom (heading, 6);
  gtk_widget_set_margin_start (heading, 12);
  gtk_box_append (GTK_BOX (page), heading);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->outline));

  self->side_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->side_stack), TRUE);
  gtk_stack_add_titled (self->side_stack, GTK_WIDGET (self->palette), PAGE_CATALOG, _ ("Catalog"));
  gtk_stack_add_titled (self->side_stack, page, PAGE_OUTLINE, _ ("Outline"));
  gtk_box_append (GTK_BOX (self->palette_box), GTK_WIDGET (self->side_stack));

  g_signal_connect_object (self->outline, "object-activated", G_CALLBACK (object_activated_cb),
                           self, 0);
  g_signal_connect_object (self->outline, "objects-selected", G_CALLBACK (objects_selected_cb),
                           self, 0);
  g_signal_connect_object (self->side_stack, "notify::visible-child-name",
                           G_CALLBACK (side_changed_cb), self, 0);
  g_signal_connect_object (self->palette_box, "notify::visible", G_CALLBACK (side_changed_cb), self,
                           0);

  action = g_simple_action_new_stateful ("show-outline", NULL, g_variant_new_boolean (FALSE));
  g_signal_connect_object (action, "change-state", G_CALLBACK (show_outline_change_state_cb), self,
                           0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
}

void
rig_window_outline_set_document (RigWindow *self)
{
  rig_outline_set_document (self->outline, self->document, self->history, self->validator,
                            self->selection);
}
