/* rig-test-app.c: helpers for the display tests of the application shell.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rig-test-app.h"

void
rig_test_app_no_display (void)
{
  g_test_fail_printf ("no display: run this test under Xvfb (xvfb-run -a meson test ...)");
}

RigApplication *
rig_test_app_init (int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;
  RigApplication *app;

  g_test_init (argc, argv, NULL);
  /* No session bus: the test neither talks to a running session nor makes
   * D-Bus autolaunch a bus daemon; GApplication then runs as a local instance. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/rigwire-test-bus", TRUE);
  if (!gtk_init_check ())
    return NULL;

  app = rig_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

void
rig_test_flush_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
rig_test_wait_for (gboolean (*done) (gpointer data), gpointer data, guint seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return done (data);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

RigWindow *
rig_test_show_new_window (RigApplication *app)
{
  RigWindow *window = rig_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (rig_test_wait_for (is_mapped, window, 5));
  return window;
}

GtkWindow *
rig_test_find_toplevel (const char *name)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (g_strcmp0 (gtk_widget_get_name (l->data), name) == 0)
      return l->data;
  return NULL;
}
