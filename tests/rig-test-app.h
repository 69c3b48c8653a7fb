/* rig-test-app.h: helpers for the display tests of the application shell.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rig-application.h"
#include "rig-window.h"

G_BEGIN_DECLS

/* Inits GTK and the test framework and makes a local application that talks
 * to no session bus and to no other Rigwire. Returns NULL without a display
 * (the caller registers a test that fails: display tests never skip). */
RigApplication *
rig_test_app_init (int *argc, char ***argv);

/* A test that fails because there is no display. */
void
rig_test_app_no_display (void);

/* Iterates the main loop until nothing is pending. */
void
rig_test_flush_main_loop (void);

/* Iterates the main loop until @done (@data) is TRUE, for at most @seconds;
 * returns whether it became TRUE. */
gboolean
rig_test_wait_for (gboolean (*done) (gpointer data), gpointer data, guint seconds);

/* A new window of @app, presented and mapped. */
RigWindow *
rig_test_show_new_window (RigApplication *app);

/* The toplevel window whose widget name is @name, or NULL. */
GtkWindow *
rig_test_find_toplevel (const char *name);

/* The home theater example with @title, as its file would hold it. */
char *
rig_test_example_with_title (const char *title);

/* Waits for the dialog whose widget name is @name, answers @response, and
 * checks that it went. */
void
rig_test_answer_dialog (const char *name, int response);

/* Writes that example with @title to @path, as another program would. */
void
rig_test_write_example (const char *path, const char *title);

/* Whether the rig file at @path has the title @title. */
gboolean
rig_test_file_has_title (const char *path, const char *title);

/* Whether @window (a RigWindow) shows its changed-on-disk bar. */
gboolean
rig_test_disk_bar_revealed (gpointer window);

/* Whether @window (a RigWindow) has done what follows its first frame:
 * its rig checked and routed, its palette's rows all made. */
gboolean
rig_test_window_settled (gpointer window);

G_END_DECLS
