/* test-window-draw.c: what the window draws each frame (#13).
 *
 * GTK 4.8's cairo renderer, the one without a GPU, draws every node of the
 * window's tree in every frame, clipped to what changed but never skipped.
 * So the tree must hold nothing costly that is not seen: the palette's
 * rows far from its view are not drawn (rig-cull-bin.h), and every row of
 * it in the view is, as the palette scrolls, filters and is made; no
 * border has sides of different colours, which that renderer draws
 * through a mesh pattern, millions of instructions a row each frame. A
 * page laid out ahead has its labels' glyphs drawn once off screen
 * (rig-glyph-warm.h): those that would show, as laid out.
 *
 * A display test: run it under Xvfb (xvfb-run). With no display it fails.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "rig-application.h"
#include "rig-cull-bin.h"
#include "rig-glyph-warm.h"
#include "rig-palette-private.h"
#include "rig-test-app.h"
#include "rig-window-private.h"
#include "rig-window.h"

static RigApplication *app;

/* ---- render nodes ---------------------------------------------------------------- */

typedef struct
{
  GtkWidget *widget;
  GskRenderNode *node;
  gboolean taken;
} Capture;

/* Right after a frame, each widget drawn has its drawing of that frame. */
static void
capture_cb (GdkFrameClock *clock, Capture *capture)
{
  g_autoptr (GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot;

  if (capture->taken)
    return;
  paintable = gtk_widget_paintable_new (capture->widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (capture->widget),
                          gtk_widget_get_height (capture->widget));
  capture->node = gtk_snapshot_free_to_node (snapshot);
  capture->taken = TRUE;
}

static gboolean
captured (gpointer data)
{
  return ((Capture *) data)->taken;
}

/* The render node @widget draws in its window's next frame (a new
 * reference; NULL if nothing). */
static GskRenderNode *
draw_widget (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  Capture capture = { widget, NULL, FALSE };
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (capture_cb), &capture);
  /* Not @widget itself: a widget that does not redraw when it should keeps
   * its last drawing. */
  gtk_widget_queue_draw (GTK_WIDGET (gtk_widget_get_root (widget)));
  g_assert_true (rig_test_wait_for (captured, &capture, 5));
  g_signal_handler_disconnect (clock, id);
  return capture.node;
}

/* Calls @each on @node and every node under it. */
static void
walk_nodes (GskRenderNode *node, void (*each) (GskRenderNode *node, gpointer data), gpointer data)
{
  if (node == NULL)
    return;
  each (node, data);
  switch (gsk_render_node_get_node_type (node))
    {
      case GSK_CONTAINER_NODE:
        for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
          walk_nodes (gsk_container_node_get_child (node, i), each, data);
        break;
      case GSK_TRANSFORM_NODE:
        walk_nodes (gsk_transform_node_get_child (node), each, data);
        break;
      case GSK_CLIP_NODE:
        walk_nodes (gsk_clip_node_get_child (node), each, data);
        break;
      case GSK_ROUNDED_CLIP_NODE:
        walk_nodes (gsk_rounded_clip_node_get_child (node), each, data);
        break;
      case GSK_OPACITY_NODE:
        walk_nodes (gsk_opacity_node_get_child (node), each, data);
        break;
      case GSK_COLOR_MATRIX_NODE:
        walk_nodes (gsk_color_matrix_node_get_child (node), each, data);
        break;
      case GSK_SHADOW_NODE:
        walk_nodes (gsk_shadow_node_get_child (node), each, data);
        break;
      case GSK_DEBUG_NODE:
        walk_nodes (gsk_debug_node_get_child (node), each, data);
        break;
      case GSK_REPEAT_NODE:
        walk_nodes (gsk_repeat_node_get_child (node), each, data);
        break;
      case GSK_BLEND_NODE:
        walk_nodes (gsk_blend_node_get_bottom_child (node), each, data);
        walk_nodes (gsk_blend_node_get_top_child (node), each, data);
        break;
      case GSK_CROSS_FADE_NODE:
        walk_nodes (gsk_cross_fade_node_get_start_child (node), each, data);
        walk_nodes (gsk_cross_fade_node_get_end_child (node), each, data);
        break;
      case GSK_BLUR_NODE:
        walk_nodes (gsk_blur_node_get_child (node), each, data);
        break;
      default:
        break;
    }
}

typedef struct
{
  guint borders;
  guint mixed; /* borders whose sides differ in colour */
  guint texts;
} NodeCount;

static void
count_node (GskRenderNode *node, gpointer data)
{
  NodeCount *count = data;

  if (gsk_render_node_get_node_type (node) == GSK_TEXT_NODE)
    count->texts++;
  if (gsk_render_node_get_node_type (node) == GSK_BORDER_NODE)
    {
      const GdkRGBA *colors = gsk_border_node_get_colors (node);

      count->borders++;
      if (!gdk_rgba_equal (&colors[0], &colors[1]) || !gdk_rgba_equal (&colors[0], &colors[2])
          || !gdk_rgba_equal (&colors[0], &colors[3]))
        count->mixed++;
    }
}

static NodeCount
count_nodes (GtkWidget *widget)
{
  GskRenderNode *node = draw_widget (widget);
  NodeCount count = { 0 };

  walk_nodes (node, count_node, &count);
  g_clear_pointer (&node, gsk_render_node_unref);
  return count;
}

/* ---- frames ---------------------------------------------------------------------- */

static void
painted_cb (GdkFrameClock *clock, guint *painted)
{
  (*painted)++;
}

static gboolean
painted_once (gpointer data)
{
  return *(guint *) data > 0;
}

/* Returns once @widget's window has painted two frames more: whatever was
 * changed before is laid out and drawn, and what that frame changed. */
static void
wait_frames (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint painted = 0;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  for (guint i = 0; i < 2; i++)
    {
      painted = 0;
      gtk_widget_queue_draw (GTK_WIDGET (gtk_widget_get_root (widget)));
      g_assert_true (rig_test_wait_for (painted_once, &painted, 5));
    }
  g_signal_handler_disconnect (clock, id);
  rig_test_flush_main_loop ();
}

/* ---- a window on an example ------------------------------------------------------- */

static RigWindow *
open_example (const char *name)
{
  RigWindow *window = RIG_WINDOW (rig_window_new (GTK_APPLICATION (app)));
  g_autofree char *path
      = g_build_filename (g_getenv ("RIGWIRE_SOURCE_DIR"), "resources", "examples", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  g_assert_true (rig_window_load_file (window, file, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (rig_test_wait_for (rig_test_window_settled, window, 10));
  wait_frames (GTK_WIDGET (window));
  return window;
}

/* ---- borders ---------------------------------------------------------------------- */

/* The rig's page, then a device page with its jack rows, then a cable's. */
static void
test_borders_one_colour (void)
{
  RigWindow *window = open_example ("home-studio.rigwire");
  RigDocument *doc = window->document;
  const char *device[] = { rig_document_get_device (doc, 0)->id, NULL };
  const char *cable[] = { rig_document_get_cable (doc, 0)->id, NULL };
  NodeCount count;

  count = count_nodes (GTK_WIDGET (window));
  g_assert_cmpuint (count.borders, >, 0);
  g_assert_cmpuint (count.mixed, ==, 0);

  rig_selection_set (window->selection, device, NULL);
  wait_frames (GTK_WIDGET (window));
  count = count_nodes (GTK_WIDGET (window->inspector));
  /* The jack rows' separators are borders. */
  g_assert_cmpuint (count.borders, >=, 3);
  g_assert_cmpuint (count.mixed, ==, 0);

  rig_selection_set (window->selection, NULL, cable);
  wait_frames (GTK_WIDGET (window));
  count = count_nodes (GTK_WIDGET (window));
  g_assert_cmpuint (count.mixed, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
}

/* ---- the palette's rows --------------------------------------------------------- */

/* Each row of the palette in its view is drawn; each row more than two
 * views' heights from it is not. Returns how many rows are drawn. */
static guint
assert_rows_near_view_drawn (RigPalette *palette)
{
  GtkWidget *list = GTK_WIDGET (rig_palette_get_list_box (palette));
  GtkWidget *view = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (view));
  double top = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  guint in_view = 0, far = 0, drawn = 0;

  g_assert_cmpfloat (page, >, 100);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *bin;
      graphene_rect_t b;

      if (!GTK_IS_LIST_BOX_ROW (row) || !gtk_widget_get_child_visible (row))
        continue;
      bin = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      g_assert_true (RIG_IS_CULL_BIN (bin));
      g_assert_true (gtk_widget_compute_bounds (row, list, &b));
      if (rig_cull_bin_get_drawn (RIG_CULL_BIN (bin)))
        drawn++;
      if (b.origin.y < top + page && b.origin.y + b.size.height > top)
        {
          if (!rig_cull_bin_get_drawn (RIG_CULL_BIN (bin)))
            g_error ("a row in the view (y %.0f, view %.0f to %.0f) is not drawn", b.origin.y, top,
                     top + page);
          in_view++;
        }
      else if (b.origin.y > top + 3 * page || b.origin.y + b.size.height < top - 2 * page)
        {
          if (rig_cull_bin_get_drawn (RIG_CULL_BIN (bin)))
            g_error ("a row far from the view (y %.0f, view %.0f to %.0f) is drawn", b.origin.y,
                     top, top + page);
          far++;
        }
    }
  g_assert_cmpuint (in_view, >, 0);
  return drawn;
}

static void
scroll_palette (RigPalette *palette, double fraction)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (rig_palette_get_list_box (palette)),
                                             GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (view));

  gtk_adjustment_set_value (adjustment, (gtk_adjustment_get_upper (adjustment)
                                         - gtk_adjustment_get_page_size (adjustment))
                                            * fraction);
  wait_frames (view);
}

/* The rows a frame draws: the palette's texts, few of all its rows'. */
static void
test_palette_draws_rows_near_view (void)
{
  RigWindow *window = open_example ("home-theater.rigwire");
  RigPalette *palette = window->palette;
  guint n_models = rig_palette_get_n_models (palette), drawn;
  GtkWidget *last;
  NodeCount count;

  /* Enough models that some are far from the view. */
  g_assert_cmpuint (n_models, >, 60);
  drawn = assert_rows_near_view_drawn (palette);
  g_assert_cmpuint (drawn, <, n_models / 2);
  /* Two labels a model, at most, for the rows drawn; the headers' besides. */
  count = count_nodes (GTK_WIDGET (rig_palette_get_list_box (palette)));
  g_assert_cmpuint (count.texts, <, 2 * drawn + 40);

  /* Scrolled to the middle and to the end, a view's height at once. */
  scroll_palette (palette, 0.5);
  assert_rows_near_view_drawn (palette);
  scroll_palette (palette, 1.0);
  assert_rows_near_view_drawn (palette);
  count = count_nodes (GTK_WIDGET (rig_palette_get_list_box (palette)));
  g_assert_cmpuint (count.texts, >, 0);

  /* A search moves the matches to the top, which was far from the view. */
  rig_palette_set_filter_text (palette, "xlr");
  wait_frames (GTK_WIDGET (palette));
  assert_rows_near_view_drawn (palette);
  rig_palette_set_filter_text (palette, "");
  wait_frames (GTK_WIDGET (palette));
  assert_rows_near_view_drawn (palette);
  scroll_palette (palette, 0.0);
  assert_rows_near_view_drawn (palette);

  /* The keyboard: End moves the focus to the last row, far below, which
   * the list scrolls to. */
  last = gtk_widget_get_last_child (GTK_WIDGET (rig_palette_get_list_box (palette)));
  while (last != NULL && !GTK_IS_LIST_BOX_ROW (last))
    last = gtk_widget_get_prev_sibling (last);
  g_assert_nonnull (last);
  g_assert_false (
      rig_cull_bin_get_drawn (RIG_CULL_BIN (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (last)))));
  gtk_widget_grab_focus (
      gtk_widget_get_first_child (GTK_WIDGET (rig_palette_get_list_box (palette))));
  g_signal_emit_by_name (rig_palette_get_list_box (palette), "move-cursor",
                         GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE, FALSE);
  wait_frames (GTK_WIDGET (palette));
  g_assert_true (gtk_widget_has_focus (last));
  g_assert_true (
      rig_cull_bin_get_drawn (RIG_CULL_BIN (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (last)))));
  assert_rows_near_view_drawn (palette);

  gtk_window_destroy (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
}

/* ---- the bin ---------------------------------------------------------------------- */

/* Not drawn, a bin's child leaves nothing in the window's next frame; drawn
 * again, it is back: setting it redraws (GTK keeps each widget's last
 * drawing until then). It is measured the same either way. */
static void
test_cull_bin (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *label = gtk_label_new ("Headphone out");
  GtkWidget *bin = rig_cull_bin_new (label);
  int drawn_width, culled_width;

  gtk_window_set_child (GTK_WINDOW (window), bin);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (window);
  g_assert_true (rig_cull_bin_get_drawn (RIG_CULL_BIN (bin)));
  g_assert_cmpuint (count_nodes (bin).texts, ==, 1);
  gtk_widget_measure (bin, GTK_ORIENTATION_HORIZONTAL, -1, &drawn_width, NULL, NULL, NULL);

  rig_cull_bin_set_drawn (RIG_CULL_BIN (bin), FALSE);
  wait_frames (window);
  g_assert_cmpuint (count_nodes (bin).texts, ==, 0);
  gtk_widget_measure (bin, GTK_ORIENTATION_HORIZONTAL, -1, &culled_width, NULL, NULL, NULL);
  g_assert_cmpint (culled_width, ==, drawn_width);
  g_assert_cmpint (gtk_widget_get_width (label), >, 0);

  rig_cull_bin_set_drawn (RIG_CULL_BIN (bin), TRUE);
  wait_frames (window);
  g_assert_cmpuint (count_nodes (bin).texts, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
}

/* The labels whose glyphs are drawn ahead: those laid out that would
 * show once their root does, the root itself shown or not. */
static void
test_glyph_warm (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new ("Audio interface");
  GtkWidget *hidden = gtk_label_new ("Hidden");
  GtkWidget *clear = gtk_label_new ("Transparent");
  GtkWidget *kept = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *later;

  gtk_widget_add_css_class (heading, "title-3");
  gtk_box_append (GTK_BOX (page), heading);
  gtk_widget_set_visible (hidden, FALSE);
  gtk_box_append (GTK_BOX (page), hidden);
  gtk_widget_set_opacity (clear, 0);
  gtk_box_append (GTK_BOX (page), clear);
  gtk_box_append (GTK_BOX (kept), gtk_label_new ("In a part kept out of view"));
  gtk_widget_set_child_visible (kept, FALSE);
  gtk_box_append (GTK_BOX (page), kept);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (window);
  g_assert_cmpuint (rig_glyph_warm (page), ==, 1);

  /* A label not laid out yet has no glyphs placed. */
  later = gtk_label_new ("Line out L");
  gtk_box_append (GTK_BOX (page), later);
  g_assert_cmpuint (rig_glyph_warm (page), ==, 1);
  wait_frames (window);
  g_assert_cmpuint (rig_glyph_warm (page), ==, 2);

  /* The root kept out of view (a page made ahead): its labels count. */
  gtk_widget_set_child_visible (page, FALSE);
  g_assert_cmpuint (rig_glyph_warm (page), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
}

int
main (int argc, char **argv)
{
  app = rig_test_app_init (&argc, &argv);
  if (app == NULL)
    {
      g_test_add_func ("/window-draw/no-display", rig_test_app_no_display);
      return g_test_run ();
    }
  g_test_add_func ("/window-draw/cull-bin", test_cull_bin);
  g_test_add_func ("/window-draw/glyph-warm", test_glyph_warm);
  g_test_add_func ("/window-draw/borders-one-colour", test_borders_one_colour);
  g_test_add_func ("/window-draw/palette-draws-rows-near-view", test_palette_draws_rows_near_view);
  return g_test_run ();
}
