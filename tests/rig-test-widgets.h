/* rig-test-widgets.h: what the widget tests share (test-palette.c,
 * test-inspector.c, test-inspector-pages.c, test-trace-view.c).
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Inits the test framework and GTK. Without a display, adds "/@suite/display"
 * as a test that fails (display tests never skip) and returns FALSE: the
 * caller then only runs the tests. */
gboolean
rig_test_widgets_init (int *argc, char ***argv, const char *suite);

/* Iterates the main loop until nothing is pending. */
void
rig_test_widgets_flush (void);

/* The widget named @name in @root's tree (@root included), shown or not,
 * but not in a page a stack keeps out of view (not child-visible: the
 * inspector's kept pages, a GtkStack's other pages); NULL if there is none. */
GtkWidget *
rig_test_widgets_find (GtkWidget *root, const char *name);

/* As rig_test_widgets_find(), in pages kept out of view too. */
GtkWidget *
rig_test_widgets_find_any (GtkWidget *root, const char *name);

/* The first widget of @type in @root's tree (@root included), depth first,
 * in pages kept out of view too; NULL if there is none. */
GtkWidget *
rig_test_widgets_find_type (GtkWidget *root, GType type);

G_END_DECLS
