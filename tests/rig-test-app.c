/* rig-test-app.c: helpers for the display tests of the application shell.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rig-test-app.h"
#include "rig-layout.h"
#include "rig-palette-private.h"
#include "rig-window-private.h"

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
  g_application_set_flags (G_APPLICATION (app), g_application_get_flags (G_APPLICATION (app))
                                                    | G_APPLICATION_NON_UNIQUE);
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

char *
rig_test_example_with_title (const char *title)
{
  g_autoptr (GBytes) bytes
      = g_resources_lookup_data ("/io/github/rigwire/Rigwire/examples/home-theater.rigwire",
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *tag = g_strdup_printf ("<title>%s</title>", title);
  g_auto (GStrv) parts = g_strsplit (text, "<title>Home theater</title>", 2);

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  return g_strjoin (tag, parts[0], parts[1], NULL);
}

static gboolean
toplevel_shown (gpointer name)
{
  return rig_test_find_toplevel (name) != NULL;
}

void
rig_test_answer_dialog (const char *name, int response)
{
  GtkWindow *dialog;

  g_assert_true (rig_test_wait_for (toplevel_shown, (gpointer) name, 5));
  dialog = rig_test_find_toplevel (name);
  gtk_dialog_response (GTK_DIALOG (dialog), response);
  rig_test_flush_main_loop ();
  g_assert_null (rig_test_find_toplevel (name));
}

void
rig_test_write_example (const char *path, const char *title)
{
  g_autofree char *text = rig_test_example_with_title (title);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

gboolean
rig_test_file_has_title (const char *path, const char *title)
{
  g_autofree char *contents = NULL;
  g_autofree char *tag = g_strdup_printf ("<title>%s</title>", title);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return strstr (contents, tag) != NULL;
}

gboolean
rig_test_disk_bar_revealed (gpointer window)
{
  RigWindow *self = RIG_WINDOW (window);

  return gtk_widget_get_visible (GTK_WIDGET (self->disk_bar))
         && gtk_info_bar_get_revealed (self->disk_bar);
}

gboolean
rig_test_window_settled (gpointer window)
{
  RigWindow *self = RIG_WINDOW (window);

  return !rig_validator_is_pending (self->validator)
         && !rig_layout_is_provisional (rig_canvas_get_layout (self->canvas))
         && rig_palette_get_n_rows_made (self->palette) == rig_palette_get_n_models (self->palette);
}
