/* rig-window-panes.c: the window's side panes and how much room they take.
 *
 * The canvas gets the room the panes leave. The inspector (right) and the
 * problems list (below the canvas) keep their size as the window resizes; a
 * divider the user drags sets the new size, which is saved. Each can be
 * hidden (win.show-inspector, win.show-problems: stateful actions, so the
 * header buttons and the shortcuts agree); the choice is also the default of
 * the next window. With nothing to report the problems list takes only the
 * height of its one-line message, and gets its size back when problems come.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rig-window-private.h"

/* A divider's width is at most this, in every theme we know. */
#define DIVIDER_SLACK 8

static int *
far_size (RigWindow *self, GtkPaned *paned)
{
  return paned == self->inner_paned ? &self->inspector_width : &self->problems_height;
}

/* The paned's length along its orientation. */
static int
paned_length (RigWindow *self, GtkPaned *paned)
{
  return paned == self->inner_paned ? gtk_widget_get_width (GTK_WIDGET (paned))
                                    : gtk_widget_get_height (GTK_WIDGET (paned));
}

/* The divider's length along the paned (a pixel or a few, by the theme):
 * the far pane's size kept is its own, without the divider. */
static int
divider_length (GtkPaned *paned)
{
  GtkWidget *start = gtk_paned_get_start_child (paned);
  GtkWidget *end = gtk_paned_get_end_child (paned);
  int length = 0;

  /* Measured, not allocated: the first placing comes before it is. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (paned)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != start && child != end && gtk_widget_get_visible (child))
      gtk_widget_measure (child, gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)), -1,
                          &length, NULL, NULL, NULL);
  return length;
}

/* The problems list has nothing to show: it takes only its minimum height. */
static gboolean
problems_compact (RigWindow *self)
{
  guint n = 0;

  if (self->validator == NULL || rig_validator_is_pending (self->validator))
    return FALSE;
  for (RigSeverity s = RIG_SEVERITY_INFO; s < RIG_N_SEVERITIES; s++)
    n += rig_validator_count (self->validator, s);
  return n == 0;
}

/* The far pane's minimum length, for the paned's breadth. */
static int
far_minimum (GtkPaned *paned)
{
  GtkWidget *far = gtk_paned_get_end_child (paned);
  GtkOrientation orientation = gtk_orientable_get_orientation (GTK_ORIENTABLE (paned));
  int minimum = 0;

  if (far == NULL || !gtk_widget_get_visible (far))
    return 0;
  gtk_widget_measure (far, orientation,
                      orientation == GTK_ORIENTATION_HORIZONTAL
                          ? gtk_widget_get_height (GTK_WIDGET (paned))
                          : gtk_widget_get_width (GTK_WIDGET (paned)),
                      &minimum, NULL, NULL, NULL);
  return minimum;
}

/* Puts a divider where the far pane keeps its size (or, for an empty
 * problems list, its minimum); never more than two thirds of the window for
 * a side pane. */
static void
place_divider (RigWindow *self, GtkPaned *paned)
{
  int length = paned_length (self, paned);
  int divider = divider_length (paned);
  int position;

  if (length <= 0)
    return;
  if (paned == self->center_paned && problems_compact (self))
    {
      int minimum = 0;

      gtk_widget_measure (gtk_paned_get_end_child (paned), GTK_ORIENTATION_VERTICAL,
                          gtk_widget_get_width (GTK_WIDGET (paned)), &minimum, NULL, NULL, NULL);
      position = length - minimum;
    }
  else
    position = MAX (length - *far_size (self, paned) - divider, length / 3);
  /* Never less than the far pane's minimum: a device page with a Levels
   * group needs more width than the rig's page, and GtkPaned put a child
   * it had no room for past its own end, where the window cut it. */
  position = MIN (position, length - far_minimum (paned) - divider);
  if (position == gtk_paned_get_position (paned))
    return;
  self->placing_dividers = TRUE;
  gtk_paned_set_position (paned, position);
  self->placing_dividers = FALSE;
}

static void
paned_max_position_cb (GtkPaned *paned, GParamSpec *pspec, RigWindow *self)
{
  place_divider (self, paned);
}

static void
paned_position_cb (GtkPaned *paned, GParamSpec *pspec, RigWindow *self)
{
  int length = paned_length (self, paned);
  GtkWidget *far = gtk_paned_get_end_child (paned);
  int size, minimum;

  /* Only a divider the user drags, on a pane that shows and has room to
   * choose, sets the size to keep. */
  if (self->placing_dividers || length <= 0 || !gtk_widget_get_visible (far))
    return;
  if (paned == self->center_paned && problems_compact (self))
    return;
  /* Nor does GtkPaned making room for a page wider than the size kept: the
   * pane at its minimum and the divider (a few pixels, by the theme). */
  size = length - gtk_paned_get_position (paned) - divider_length (paned);
  minimum = far_minimum (paned);
  if (minimum > *far_size (self, paned) && size <= minimum + DIVIDER_SLACK)
    return;
  *far_size (self, paned) = size;
}

void
rig_window_panes_update_problems (RigWindow *self)
{
  gboolean compact = problems_compact (self);

  if (compact == self->problems_were_compact)
    return;
  self->problems_were_compact = compact;
  place_divider (self, self->center_paned);
}

/* ---- showing and hiding ------------------------------------------------------ */

static GtkWidget *
pane_of (RigWindow *self, const char *key)
{
  return g_str_equal (key, "show-inspector") ? self->inspector_box : self->problems_box;
}

static void
show_pane_change_state_cb (GSimpleAction *action, GVariant *state, RigWindow *self)
{
  const char *key = g_action_get_name (G_ACTION (action));
  gboolean show = g_variant_get_boolean (state);

  g_simple_action_set_state (action, state);
  gtk_widget_set_visible (pane_of (self, key), show);
  g_settings_set_boolean (self->settings, key, show);
  if (!show && gtk_widget_get_focus_child (pane_of (self, key)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

void
rig_window_panes_init (RigWindow *self)
{
  static const char *const keys[] = { "show-inspector", "show-problems" };

  self->inspector_width = g_settings_get_int (self->settings, "inspector-width");
  self->problems_height = g_settings_get_int (self->settings, "problems-height");
  for (guint i = 0; i < 2; i++)
    {
      GtkPaned *paned = i == 0 ? self->inner_paned : self->center_paned;

      g_signal_connect_object (paned, "notify::max-position", G_CALLBACK (paned_max_position_cb),
                               self, 0);
      g_signal_connect_object (paned, "notify::position", G_CALLBACK (paned_position_cb), self, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      gboolean show = g_settings_get_boolean (self->settings, keys[i]);
      g_autoptr (GSimpleAction) action
          = g_simple_action_new_stateful (keys[i], NULL, g_variant_new_boolean (show));

      gtk_widget_set_visible (pane_of (self, keys[i]), show);
      g_signal_connect_object (action, "change-state", G_CALLBACK (show_pane_change_state_cb), self,
                               0);
      g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
    }
}

void
rig_window_panes_save (RigWindow *self)
{
  g_settings_set_int (self->settings, "inspector-width", self->inspector_width);
  g_settings_set_int (self->settings, "problems-height", self->problems_height);
}

/* ---- F6: the keyboard from pane to pane ---------------------------------------- */

/* The panes in the order F6 visits them: the side pane (catalog or
 * outline), the canvas, the inspector, the problems list. */
static GtkWidget *
pane_at (RigWindow *self, guint index)
{
  GtkWidget *panes[]
      = { self->palette_box, GTK_WIDGET (self->canvas), self->inspector_box, self->problems_box };

  return panes[index];
}

#define N_PANES 4

static void
focus_pane (RigWindow *self, GtkWidget *pane)
{
  if (pane == self->palette_box && rig_window_outline_is_shown (self))
    rig_outline_focus (self->outline);
  else if (pane == self->palette_box)
    rig_palette_focus_search (self->palette);
  else if (pane == GTK_WIDGET (self->canvas))
    gtk_widget_grab_focus (pane);
  else
    gtk_widget_child_focus (pane, GTK_DIR_TAB_FORWARD);
}

/* Moves the keyboard to the next (or the previous) pane that shows. */
void
rig_window_panes_focus_next (RigWindow *self, gboolean backward)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  guint current = 0;

  for (guint i = 0; i < N_PANES; i++)
    if (focus != NULL
        && (focus == pane_at (self, i) || gtk_widget_is_ancestor (focus, pane_at (self, i))))
      current = i;
  for (guint step = 1; step <= N_PANES; step++)
    {
      guint next = (current + (backward ? N_PANES - step : step)) % N_PANES;

      if (gtk_widget_is_drawable (pane_at (self, next)))
        {
          focus_pane (self, pane_at (self, next));
          return;
        }
    }
}
