/* rig-glyph-warm.c: the glyphs of a widget's labels, drawn once off
 * screen (rig-glyph-warm.h).
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rig-glyph-warm.h"

/* Adds the labels laid out in @widget's tree to @labels, and grows
 * @width and @height to hold the largest. */
static void
collect (GtkWidget *widget, GPtrArray *labels, int *width, int *height)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget)
      || gtk_widget_get_opacity (widget) == 0)
    return;
  if (GTK_IS_LABEL (widget) && gtk_widget_get_width (widget) > 0)
    {
      g_ptr_array_add (labels, widget);
      *width = MAX (*width, gtk_widget_get_width (widget));
      *height = MAX (*height, gtk_widget_get_height (widget));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, labels, width, height);
}

guint
rig_glyph_warm (GtkWidget *root)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  int width = 0, height = 0, scale;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (GTK_IS_WIDGET (root), 0);

  /* @root itself may be kept out of view (a page made ahead). */
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, labels, &width, &height);
  if (labels->len == 0)
    return 0;
  /* Every label drawn at the corner: a glyph outside the image would be
   * left out before it is loaded. As the window's: 32-bit colour, at the
   * window's scale (a glyph at another scale is another glyph). */
  scale = gtk_widget_get_scale_factor (root);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  for (guint i = 0; i < labels->len; i++)
    {
      cairo_move_to (cr, 0, 0);
      pango_cairo_show_layout (cr, gtk_label_get_layout (labels->pdata[i]));
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return labels->len;
}
