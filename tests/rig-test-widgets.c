/* rig-test-widgets.c: what the widget tests share (rig-test-widgets.h).
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rig-test-widgets.h"

static void
test_no_display (void)
{
  g_test_fail_printf ("no display: run this test under Xvfb (xvfb-run -a meson test ...)");
}

gboolean
rig_test_widgets_init (int *argc, char ***argv, const char *suite)
{
  g_autofree char *path = NULL;

  g_test_init (argc, argv, NULL);
  if (gtk_init_check ())
    return TRUE;
  path = g_strdup_printf ("/%s/display", suite);
  g_test_add_func (path, test_no_display);
  return FALSE;
}

void
rig_test_widgets_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWidget *
find (GtkWidget *root, const char *name, gboolean kept_too)
{
  if (!kept_too && !gtk_widget_get_child_visible (root))
    return NULL;
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, name, kept_too);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
rig_test_widgets_find (GtkWidget *root, const char *name)
{
  return find (root, name, FALSE);
}

GtkWidget *
rig_test_widgets_find_any (GtkWidget *root, const char *name)
{
  return find (root, name, TRUE);
}

GtkWidget *
rig_test_widgets_find_type (GtkWidget *root, GType type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rig_test_widgets_find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}
