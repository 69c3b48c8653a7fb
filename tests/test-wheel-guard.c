/* test-wheel-guard.c: a slider or spin button takes the mouse wheel only
 * once focused (rig-wheel-guard.h). Real wheel turns, sent by xdotool to
 * the test's X server, over a control in a scrolled page.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <unistd.h>

#include "rig-test-widgets.h"
#include "rig-wheel-guard.h"

typedef struct
{
  GtkWidget *window;
  GtkWidget *scrolled;
  GtkWidget *scale;
  GtkWidget *spin;
  GtkWidget *entry; /* somewhere else for the focus */
  char *title;
} Page;

/* @control's middle in @page's window's coordinates. */
static graphene_point_t
middle_of (Page *page, GtkWidget *control)
{
  graphene_point_t at;

  g_assert_true (
      gtk_widget_compute_point (control, page->window,
                                &GRAPHENE_POINT_INIT (gtk_widget_get_width (control) / 2.0,
                                                      gtk_widget_get_height (control) / 2.0),
                                &at));
  return at;
}

static gboolean
in_view (Page *page, GtkWidget *control)
{
  graphene_point_t at = middle_of (page, control);

  return at.y > 0 && at.y < gtk_widget_get_height (page->window);
}

/* A window with a page taller than its view: an entry, a space, a slider
 * and a spin button on one adjustment, and more space; the page scrolled
 * so that the controls are in the middle of the view. @guarded: whether
 * the controls are guarded. */
static void
page_init (Page *page, gboolean guarded)
{
  static guint count;
  GtkAdjustment *level = gtk_adjustment_new (-20, -80, 12, 0.5, 6, 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkAdjustment *vadjustment;

  page->title = g_strdup_printf ("rigwire-wheel-guard-%d-%u", (int) getpid (), ++count);
  page->window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (page->window), page->title);
  gtk_window_set_default_size (GTK_WINDOW (page->window), 300, 300);
  page->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (page->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  /* Wheel turns scroll at once, not in an animation. */
  gtk_scrolled_window_set_kinetic_scrolling (GTK_SCROLLED_WINDOW (page->scrolled), FALSE);
  page->entry = gtk_entry_new ();
  gtk_box_append (GTK_BOX (box), page->entry);
  {
    GtkWidget *space = gtk_label_new ("above");

    gtk_widget_set_size_request (space, -1, 600);
    gtk_box_append (GTK_BOX (box), space);
  }
  page->scale = gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, level);
  gtk_widget_set_size_request (page->scale, -1, 40);
  gtk_box_append (GTK_BOX (box), page->scale);
  page->spin = gtk_spin_button_new (level, 0.5, 1);
  gtk_widget_set_halign (page->spin, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), page->spin);
  {
    GtkWidget *space = gtk_label_new ("below");

    gtk_widget_set_size_request (space, -1, 600);
    gtk_box_append (GTK_BOX (box), space);
  }
  if (guarded)
    {
      rig_wheel_guard_attach (page->scale);
      rig_wheel_guard_attach (page->spin);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (page->scrolled), box);
  /* The focus moved to the entry leaves the page where it is. */
  gtk_viewport_set_scroll_to_focus (
      GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (page->scrolled))), FALSE);
  gtk_window_set_child (GTK_WINDOW (page->window), page->scrolled);
  gtk_window_present (GTK_WINDOW (page->window));
  while (!gtk_widget_get_mapped (page->scale) || gtk_widget_get_height (page->scale) == 0)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_grab_focus (page->entry);
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page->scrolled));
  gtk_adjustment_set_value (vadjustment, 600 + 40 - 150);
  /* Until the page is laid out where it is scrolled to. */
  while (!in_view (page, page->scale))
    g_main_context_iteration (NULL, TRUE);
  rig_test_widgets_flush ();
}

static void
page_clear (Page *page)
{
  gtk_window_destroy (GTK_WINDOW (page->window));
  rig_test_widgets_flush ();
  g_clear_pointer (&page->title, g_free);
}

static double
level_of (Page *page)
{
  return gtk_range_get_value (GTK_RANGE (page->scale));
}

static double
scrolled_to (Page *page)
{
  return gtk_adjustment_get_value (
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page->scrolled)));
}

/* Runs xdotool with @args (NULL-terminated); fails the test if it fails. */
static void
xdotool (const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, g_strdup ("xdotool"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("xdotool %s: %s", first, error->message);
}

/* Turns the wheel down by one notch over the middle of @control, then
 * waits until the page scrolled or the level changed (or 5 s passed). */
static void
wheel_over (Page *page, GtkWidget *control)
{
  g_autofree char *window_id = NULL;
  g_autofree char *x = NULL, *y = NULL;
  graphene_point_t at = middle_of (page, control);
  double surface_x, surface_y, level = level_of (page), scrolled = scrolled_to (page);
  gint64 end;

  g_assert_true (in_view (page, control));
  gtk_native_get_surface_transform (GTK_NATIVE (page->window), &surface_x, &surface_y);
  x = g_strdup_printf ("%d", (int) (at.x + surface_x));
  y = g_strdup_printf ("%d", (int) (at.y + surface_y));
  {
    g_autofree char *out = NULL;
    const char *argv[] = { "xdotool", "search", "--name", page->title, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                                 NULL, NULL, NULL));
    g_assert_nonnull (out);
    window_id = g_strstrip (g_strdup (out));
    g_assert_cmpstr (window_id, !=, "");
  }
  xdotool ("mousemove", "--window", window_id, x, y, NULL);
  rig_test_widgets_flush ();
  xdotool ("click", "5", NULL);
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (level_of (page) == level && scrolled_to (page) == scrolled
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  rig_test_widgets_flush ();
}

/* Unguarded, a wheel turn over a slider changes it (GTK's own way): what
 * the guard is for, and proof that the wheel turns reach the controls. */
static void
test_unguarded (void)
{
  Page page = { 0 };

  page_init (&page, FALSE);
  wheel_over (&page, page.scale);
  g_assert_cmpfloat (level_of (&page), !=, -20);
  page_clear (&page);
}

/* A guarded control not focused: the wheel scrolls the page, the level
 * stays. */
static void
test_unfocused_scrolls (gconstpointer data)
{
  const char *which = data;
  Page page = { 0 };
  double scrolled;

  page_init (&page, TRUE);
  scrolled = scrolled_to (&page);
  wheel_over (&page, g_str_equal (which, "scale") ? page.scale : page.spin);
  g_assert_cmpfloat (level_of (&page), ==, -20);
  g_assert_cmpfloat (scrolled_to (&page), >, scrolled);
  page_clear (&page);
}

/* Focused (a click, a drag, the keyboard), it takes the wheel as before;
 * and leaves it again when the focus goes. */
static void
test_focused_changes (gconstpointer data)
{
  const char *which = data;
  Page page = { 0 };
  GtkWidget *control;
  double scrolled, level;

  page_init (&page, TRUE);
  control = g_str_equal (which, "scale") ? page.scale : page.spin;
  g_assert_true (gtk_widget_grab_focus (control));
  rig_test_widgets_flush ();
  scrolled = scrolled_to (&page);
  wheel_over (&page, control);
  level = level_of (&page);
  g_assert_cmpfloat (level, !=, -20);
  g_assert_cmpfloat (scrolled_to (&page), ==, scrolled);

  g_assert_true (gtk_widget_grab_focus (page.entry));
  rig_test_widgets_flush ();
  scrolled = scrolled_to (&page);
  wheel_over (&page, control);
  g_assert_cmpfloat (level_of (&page), ==, level);
  g_assert_cmpfloat (scrolled_to (&page), >, scrolled);
  page_clear (&page);
}

int
main (int argc, char **argv)
{
  if (!rig_test_widgets_init (&argc, &argv, "wheel-guard"))
    return g_test_run ();
  g_test_add_func ("/wheel-guard/unguarded-slider-takes-the-wheel", test_unguarded);
  g_test_add_data_func ("/wheel-guard/unfocused-slider-scrolls", "scale", test_unfocused_scrolls);
  g_test_add_data_func ("/wheel-guard/unfocused-spin-scrolls", "spin", test_unfocused_scrolls);
  g_test_add_data_func ("/wheel-guard/focused-slider-changes", "scale", test_focused_changes);
  g_test_add_data_func ("/wheel-guard/focused-spin-changes", "spin", test_focused_changes);
  return g_test_run ();
}
