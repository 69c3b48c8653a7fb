/* test-canvas.c: the rig diagram editor widget.
 *
 * A display test: run it under Xvfb (xvfb-run). With no display it fails.
 *
 * The canvas's own press, motion and release handlers (the ones its drag
 * gesture calls) are driven at widget coordinates through
 * rig-canvas-private.h, and the results read back from the document, its
 * history and the selection. Frames are rendered the way the window renders
 * them (the canvas's render nodes through the window's GSK renderer), so the
 * scene cache's incremental redraws can be compared with a fresh canvas.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "rig-canvas-private.h"
#include "rig-catalog.h"
#include "rig-format.h"
#include "rig-history.h"
#include "rig-test-models.h"

#define WIDTH 1000
#define HEIGHT 700

typedef struct
{
  GtkWidget *window;
  RigCanvas *canvas;
  RigDocument *doc;
  RigValidator *validator;
  RigSelection *selection;
} Fixture;

static void
test_no_display (void)
{
  g_test_fail_printf ("no display: run this test under Xvfb (xvfb-run -a meson test ...)");
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static RigDocument *
load_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "examples",
                                                 "home-theater.rigwire", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  RigDocument *doc = rig_format_load_file (file, rig_catalog_get_default (), &error);

  g_assert_no_error (error);
  return doc;
}

static void
show_canvas (Fixture *f, RigDocument *doc)
{
  gboolean timed_out = FALSE;
  guint id;

  f->window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (f->window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), WIDTH, HEIGHT);
  f->canvas = RIG_CANVAS (rig_canvas_new ());
  gtk_widget_set_size_request (GTK_WIDGET (f->canvas), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->canvas));
  f->doc = doc;
  f->validator = rig_validator_new (doc);
  f->selection = rig_selection_new ();
  rig_canvas_set_document (f->canvas, f->doc, rig_test_history (f->doc), f->validator,
                           f->selection);
  gtk_window_present (GTK_WINDOW (f->window));

  id = g_timeout_add_seconds (5, timeout_cb, &timed_out);
  while (gtk_widget_get_width (GTK_WIDGET (f->canvas)) != WIDTH && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->canvas)), ==, WIDTH);
  flush ();
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  show_canvas (f, load_example ());
  /* 100 %, with the rig's top-left corner near the widget's. */
  rig_canvas_test_set_view (f->canvas, 1.0, 0, 0);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  flush ();
  g_clear_object (&f->selection);
  g_clear_object (&f->validator);
  g_clear_object (&f->doc);
}

/* ---- helpers ------------------------------------------------------------ */

static void
to_widget (Fixture *f, double cx, double cy, double *wx, double *wy)
{
  rig_canvas_canvas_to_widget (f->canvas, cx, cy, wx, wy);
}

/* A point in a device's header (no port there). */
static void
header_point (Fixture *f, const char *device_id, double *wx, double *wy)
{
  RigRect card;

  g_assert_true (rig_layout_get_card_rect (rig_canvas_get_layout (f->canvas), device_id, &card));
  to_widget (f, card.x + card.width / 2, card.y + 16, wx, wy);
}

static void
port_point (Fixture *f, const char *device_id, const char *jack_id, double *wx, double *wy)
{
  RigPortGeometry port;

  g_assert_true (
      rig_layout_get_port (rig_canvas_get_layout (f->canvas), device_id, jack_id, &port));
  to_widget (f, port.anchor.x, port.anchor.y, wx, wy);
}

static void
click (Fixture *f, double x, double y, GdkModifierType state)
{
  rig_canvas_test_press (f->canvas, x, y, state);
  rig_canvas_test_release (f->canvas, x, y);
}

/* A drag in @steps motions. */
static void
drag (Fixture *f, double x0, double y0, double x1, double y1, guint steps, GdkModifierType state)
{
  rig_canvas_test_press (f->canvas, x0, y0, state);
  for (guint i = 1; i <= steps; i++)
    rig_canvas_test_motion (f->canvas, x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps);
  rig_canvas_test_release (f->canvas, x1, y1);
}

static char *
selection_string (RigSelection *selection)
{
  g_auto (GStrv) devices = rig_selection_get_devices (selection);
  g_auto (GStrv) cables = rig_selection_get_cables (selection);
  g_autofree char *d = g_strjoinv (",", devices);
  g_autofree char *c = g_strjoinv (",", cables);

  return g_strdup_printf ("%s|%s", d, c);
}

#define assert_selection(f, expected)                                                              \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *_s = selection_string ((f)->selection);                                       \
    g_assert_cmpstr (_s, ==, (expected));                                                          \
  }                                                                                                \
  G_STMT_END

static RigCable *
find_cable_between (RigDocument *doc, const char *from_dev, const char *from_jack,
                    const char *to_dev, const char *to_jack)
{
  for (guint i = 0; i < rig_document_get_n_cables (doc); i++)
    {
      RigCable *c = rig_document_get_cable (doc, i);
      if (g_strcmp0 (c->device[RIG_END_FROM], from_dev) == 0
          && g_strcmp0 (c->jack[RIG_END_FROM], from_jack) == 0
          && g_strcmp0 (c->device[RIG_END_TO], to_dev) == 0
          && g_strcmp0 (c->jack[RIG_END_TO], to_jack) == 0)
        return c;
    }
  return NULL;
}

/* A frame as the window makes it: RGBA bytes (WIDTH x HEIGHT x 4). */
static guchar *
render (Fixture *f)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (f->window));
  graphene_rect_t viewport = GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT);
  GskRenderNode *node;
  GdkTexture *texture;
  guchar *data = g_malloc (WIDTH * HEIGHT * 4);

  GTK_WIDGET_GET_CLASS (f->canvas)->snapshot (GTK_WIDGET (f->canvas), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &viewport);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, WIDTH);
  gdk_texture_download (texture, data, WIDTH * 4);
  g_object_unref (texture);
  gsk_render_node_unref (node);
  return data;
}

/* Cairo's ARGB32 in memory: B, G, R, A on little-endian machines. */
static void
rgb_at (const guchar *data, int x, int y, int *r, int *g, int *b)
{
  guint32 v = *(const guint32 *) (data + (y * WIDTH + x) * 4);

  *r = (v >> 16) & 0xff;
  *g = (v >> 8) & 0xff;
  *b = v & 0xff;
}

/* ---- selecting ---------------------------------------------------------- */

static void
test_select_click (Fixture *f, gconstpointer data)
{
  double x, y;
  RigPoint label;

  header_point (f, "d1", &x, &y);
  click (f, x, y, 0);
  assert_selection (f, "d1|");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->canvas)));

  header_point (f, "d2", &x, &y);
  click (f, x, y, GDK_SHIFT_MASK);
  assert_selection (f, "d1,d2|");

  header_point (f, "d1", &x, &y);
  click (f, x, y, GDK_CONTROL_MASK);
  assert_selection (f, "d2|");

  /* A cable by its number label. */
  g_assert_true (
      rig_layout_get_cable_label_point (rig_canvas_get_layout (f->canvas), "c1", &label));
  to_widget (f, label.x, label.y, &x, &y);
  click (f, x, y, 0);
  assert_selection (f, "|c1");

  /* Empty space clears. */
  to_widget (f, 600, 900, &x, &y);
  g_assert_null (rig_layout_device_at (rig_canvas_get_layout (f->canvas), 600, 900));
  click (f, x, y, 0);
  assert_selection (f, "|");
}

static void
test_rubber_band (Fixture *f, gconstpointer data)
{
  double x0, y0, x1, y1;

  /* Around the TV only. */
  to_widget (f, 10, 200, &x0, &y0);
  to_widget (f, 300, 480, &x1, &y1);
  drag (f, x0, y0, x1, y1, 6, 0);
  assert_selection (f, "d1|");

  /* Shift adds the speakers on the right. */
  to_widget (f, 700, 20, &x0, &y0);
  to_widget (f, 1000, 260, &x1, &y1);
  drag (f, x0, y0, x1, y1, 6, GDK_SHIFT_MASK);
  assert_selection (f, "d1,d3,d4|");

  /* A band that catches nothing, without Shift, clears. */
  to_widget (f, 10, 900, &x0, &y0);
  to_widget (f, 200, 1000, &x1, &y1);
  drag (f, x0, y0, x1, y1, 3, 0);
  assert_selection (f, "|");
}

/* ---- moving ------------------------------------------------------------- */

static void
test_move_drag (Fixture *f, gconstpointer data)
{
  RigHistory *history = rig_test_history (f->doc);
  RigDevice *tv = rig_document_find_device (f->doc, "d1");
  gboolean could_undo = rig_history_can_undo (history);
  double x, y;

  g_assert_cmpfloat (tv->x, ==, 40);
  g_assert_cmpfloat (tv->y, ==, 260);
  g_assert_true (rig_canvas_get_snap_to_grid (f->canvas));
  header_point (f, "d1", &x, &y);
  drag (f, x, y, x + 103, y + 47, 8, 0);
  /* Snapped to the 20-unit grid. */
  g_assert_cmpfloat (tv->x, ==, 140);
  g_assert_cmpfloat (tv->y, ==, 300);
  assert_selection (f, "d1|");

  /* One undo step for the whole drag. */
  g_assert_true (rig_history_undo (history));
  g_assert_cmpfloat (tv->x, ==, 40);
  g_assert_cmpfloat (tv->y, ==, 260);
  g_assert_cmpint (rig_history_can_undo (history), ==, could_undo);

  /* Without the grid, the exact distance; two selected devices move together. */
  rig_canvas_set_snap_to_grid (f->canvas, FALSE);
  rig_selection_set (f->selection, (const char *const[]){ "d1", "d8", NULL }, NULL);
  header_point (f, "d8", &x, &y);
  drag (f, x, y, x - 33, y + 7, 5, 0);
  g_assert_cmpfloat (tv->x, ==, 40 - 33);
  g_assert_cmpfloat (tv->y, ==, 260 + 7);
  g_assert_cmpfloat (rig_document_find_device (f->doc, "d8")->x, ==, 760 - 33);
  assert_selection (f, "d1,d8|");
  g_assert_true (rig_history_undo (history));
  g_assert_cmpfloat (tv->x, ==, 40);
  g_assert_cmpfloat (rig_document_find_device (f->doc, "d8")->x, ==, 760);

  /* Escape during a drag puts the device back. */
  header_point (f, "d1", &x, &y);
  rig_canvas_test_press (f->canvas, x, y, 0);
  rig_canvas_test_motion (f->canvas, x + 50, y + 50);
  rig_canvas_test_motion (f->canvas, x + 100, y + 90);
  g_assert_cmpfloat (tv->x, !=, 40);
  g_assert_true (rig_canvas_test_key (f->canvas, GDK_KEY_Escape, 0));
  g_assert_cmpfloat (tv->x, ==, 40);
  g_assert_cmpfloat (tv->y, ==, 260);
}

/* Keyboard-only selection: Tab walks the devices then the cables in document
 * order (the home theater: 10 devices, 9 cables), Shift+Tab walks back,
 * Ctrl+Tab is left for moving the focus on. */
static void
test_tab_selects (Fixture *f, gconstpointer data)
{
  g_assert_true (rig_canvas_test_key (f->canvas, GDK_KEY_Tab, 0));
  assert_selection (f, "d1|");
  g_assert_true (rig_canvas_test_key (f->canvas, GDK_KEY_Tab, 0));
  assert_selection (f, "d2|");
  g_assert_true (rig_canvas_test_key (f->canvas, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  assert_selection (f, "d1|");
  g_assert_true (rig_canvas_test_key (f->canvas, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  assert_selection (f, "|c9"); /* wraps to the last cable */
  g_assert_true (rig_canvas_test_key (f->canvas, GDK_KEY_Tab, 0));
  assert_selection (f, "d1|");
  for (guint i = 0; i < 10; i++)
    g_assert_true (rig_canvas_test_key (f->canvas, GDK_KEY_Tab, 0));
  assert_selection (f, "|c1");
  g_assert_false (rig_canvas_test_key (f->canvas, GDK_KEY_Tab, GDK_CONTROL_MASK));
  assert_selection (f, "|c1");
}

static void
test_nudge (Fixture *f, gconstpointer data)
{
  RigDevice *d4 = rig_document_find_device (f->doc, "d4");
  double x, y;

  g_assert_false (rig_canvas_test_key (f->canvas, GDK_KEY_Right, 0)); /* nothing selected */
  header_point (f, "d4", &x, &y);
  click (f, x, y, 0);
  g_assert_true (rig_canvas_test_key (f->canvas, GDK_KEY_Right, 0));
  g_assert_cmpfloat (d4->x, ==, 760 + 20);
  g_assert_true (rig_canvas_test_key (f->canvas, GDK_KEY_Down, GDK_SHIFT_MASK));
  g_assert_cmpfloat (d4->y, ==, 160 + 1);
  g_assert_true (rig_canvas_test_key (f->canvas, GDK_KEY_Left, GDK_SHIFT_MASK));
  g_assert_cmpfloat (d4->x, ==, 760 + 19);
}

/* ---- connecting --------------------------------------------------------- */

static void
test_connect_drag (Fixture *f, gconstpointer data)
{
  RigHistory *history = rig_test_history (f->doc);
  guint n = rig_document_get_n_cables (f->doc);
  double x0, y0, x1, y1;
  RigCable *cable;
  g_autofree char *id = NULL;

  /* TV headphone out -> subwoofer line in. */
  port_point (f, "d1", "headphones", &x0, &y0);
  port_point (f, "d8", "line-in", &x1, &y1);
  drag (f, x0, y0, x1 + 2, y1 - 2, 10, 0);
  g_assert_cmpuint (rig_document_get_n_cables (f->doc), ==, n + 1);
  cable = find_cable_between (f->doc, "d1", "headphones", "d8", "line-in");
  g_assert_nonnull (cable);
  id = g_strdup (cable->id);
  {
    RigPoint curve[4];
    g_assert_true (rig_layout_get_cable_curve (rig_canvas_get_layout (f->canvas), id, curve));
  }

  /* One undo removes it. */
  g_assert_true (rig_history_undo (history));
  g_assert_cmpuint (rig_document_get_n_cables (f->doc), ==, n);
  g_assert_null (rig_document_find_cable (f->doc, id));

  /* Dragged from an input to an output, the cable still runs output -> input. */
  port_point (f, "d8", "line-in", &x0, &y0);
  port_point (f, "d1", "audio-out", &x1, &y1);
  drag (f, x0, y0, x1, y1, 10, 0);
  g_assert_nonnull (find_cable_between (f->doc, "d1", "audio-out", "d8", "line-in"));
  g_assert_true (rig_history_undo (history));

  /* Dropped on nothing: no cable. */
  port_point (f, "d1", "headphones", &x0, &y0);
  drag (f, x0, y0, x0 + 150, y0 + 300, 10, 0);
  g_assert_cmpuint (rig_document_get_n_cables (f->doc), ==, n);
}

static void
edit_refused_cb (RigCanvas *canvas, const char *message, char **out)
{
  g_free (*out);
  *out = g_strdup (message);
}

/* A cable dragged from a jack that already holds one (the TV's optical out,
 * D-001) makes no second cable, which the file could not hold; the canvas
 * says why, and while dragging every target shows as refused. */
static void
test_connect_occupied (Fixture *f, gconstpointer data)
{
  g_autofree char *refused = NULL;
  guint n = rig_document_get_n_cables (f->doc);
  double x0, y0, x1, y1;

  g_signal_connect (f->canvas, "edit-refused", G_CALLBACK (edit_refused_cb), &refused);
  g_assert_cmpint (
      rig_validator_judge_connection (f->validator, "d1", "optical-out", "d2", "coax-in"), ==,
      RIG_SEVERITY_ERROR);
  port_point (f, "d1", "optical-out", &x0, &y0);
  port_point (f, "d2", "coax-in", &x1, &y1);
  drag (f, x0, y0, x1, y1, 10, 0);
  g_assert_cmpuint (rig_document_get_n_cables (f->doc), ==, n);
  g_assert_null (find_cable_between (f->doc, "d1", "optical-out", "d2", "coax-in"));
  g_assert_nonnull (refused);
  g_assert_nonnull (strstr (refused, "already holds cable D-001"));
  g_signal_handlers_disconnect_by_data (f->canvas, &refused);
}

static void
test_reconnect_drag (Fixture *f, gconstpointer data)
{
  RigHistory *history = rig_test_history (f->doc);
  RigCable *c7 = rig_document_find_cable (f->doc, "c7");
  RigPoint end, p;
  double x0, y0, x1, y1;

  /* c7 runs from the receiver's sub pre-out to the subwoofer's LFE in.
   * Grab it on its curve 25 px before its TO end. */
  g_assert_cmpstr (c7->jack[RIG_END_TO], ==, "lfe-in");
  g_assert_true (rig_layout_get_cable_point (rig_canvas_get_layout (f->canvas), "c7", 1.0, &end));
  for (double t = 1.0; t > 0.5; t -= 0.001)
    {
      rig_layout_get_cable_point (rig_canvas_get_layout (f->canvas), "c7", t, &p);
      if (hypot (p.x - end.x, p.y - end.y) >= 25)
        break;
    }
  to_widget (f, p.x, p.y, &x0, &y0);
  port_point (f, "d8", "line-in", &x1, &y1);
  drag (f, x0, y0, x1, y1, 10, 0);
  c7 = rig_document_find_cable (f->doc, "c7");
  g_assert_cmpstr (c7->device[RIG_END_TO], ==, "d8");
  g_assert_cmpstr (c7->jack[RIG_END_TO], ==, "line-in");
  g_assert_cmpstr (c7->jack[RIG_END_FROM], ==, "sub-out");
  g_assert_true (rig_history_undo (history));
  c7 = rig_document_find_cable (f->doc, "c7");
  g_assert_cmpstr (c7->jack[RIG_END_TO], ==, "lfe-in");
}

/* ---- deleting ----------------------------------------------------------- */

static void
test_delete (Fixture *f, gconstpointer data)
{
  RigHistory *history = rig_test_history (f->doc);
  guint n_dev = rig_document_get_n_devices (f->doc), n_cab = rig_document_get_n_cables (f->doc);
  double x, y;
  RigPoint label;

  g_assert_false (rig_canvas_test_key (f->canvas, GDK_KEY_Delete, 0)); /* nothing selected */
  header_point (f, "d3", &x, &y);
  click (f, x, y, 0);
  g_assert_true (rig_canvas_test_key (f->canvas, GDK_KEY_Delete, 0));
  g_assert_null (rig_document_find_device (f->doc, "d3"));
  g_assert_null (rig_document_find_cable (f->doc, "c2")); /* its speaker cable */
  g_assert_cmpuint (rig_document_get_n_devices (f->doc), ==, n_dev - 1);
  assert_selection (f, "|");
  g_assert_true (rig_history_undo (history));
  g_assert_nonnull (rig_document_find_device (f->doc, "d3"));
  g_assert_nonnull (rig_document_find_cable (f->doc, "c2"));

  /* A cable alone. */
  g_assert_true (
      rig_layout_get_cable_label_point (rig_canvas_get_layout (f->canvas), "c3", &label));
  to_widget (f, label.x, label.y, &x, &y);
  click (f, x, y, 0);
  assert_selection (f, "|c3");
  g_assert_true (rig_canvas_test_key (f->canvas, GDK_KEY_BackSpace, 0));
  g_assert_null (rig_document_find_cable (f->doc, "c3"));
  g_assert_cmpuint (rig_document_get_n_cables (f->doc), ==, n_cab - 1);
  g_assert_cmpuint (rig_document_get_n_devices (f->doc), ==, n_dev);
}

/* ---- the view ----------------------------------------------------------- */

static void
assert_card_in_view (Fixture *f, const char *id)
{
  RigRect card;
  double x0, y0, x1, y1;

  g_assert_true (rig_layout_get_card_rect (rig_canvas_get_layout (f->canvas), id, &card));
  to_widget (f, card.x, card.y, &x0, &y0);
  to_widget (f, card.x + card.width, card.y + card.height, &x1, &y1);
  g_assert_cmpfloat (x0, >=, 0);
  g_assert_cmpfloat (y0, >=, 0);
  g_assert_cmpfloat (x1, <=, WIDTH);
  g_assert_cmpfloat (y1, <=, HEIGHT);
}

static void
test_zoom (Fixture *f, gconstpointer data)
{
  double ox, oy, cx, cy, cx2, cy2;

  rig_canvas_test_set_view (f->canvas, 3.0, 2000, 2000);
  rig_canvas_zoom_to_fit (f->canvas);
  g_assert_cmpfloat (rig_canvas_get_zoom (f->canvas), <=, 1.5);
  g_assert_cmpfloat (rig_canvas_get_zoom (f->canvas), >=, RIG_CANVAS_ZOOM_READABLE);
  if (rig_canvas_get_zoom (f->canvas) > RIG_CANVAS_ZOOM_READABLE)
    for (guint i = 0; i < rig_document_get_n_devices (f->doc); i++)
      assert_card_in_view (f, rig_document_get_device (f->doc, i)->id);
  else
    {
      /* Too big to read whole: it shows its top left, where the sources are. */
      RigRect bounds;
      double x, y;

      g_assert_true (rig_layout_get_bounds (rig_canvas_get_layout (f->canvas), &bounds));
      to_widget (f, bounds.x, bounds.y, &x, &y);
      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (x, <, 64);
      g_assert_cmpfloat (y, >=, 0);
    }

  /* Scroll to one device, far away and zoomed in. */
  rig_canvas_test_set_view (f->canvas, 2.0, -3000, -3000);
  rig_canvas_scroll_to (f->canvas, (const char *const[]){ "d8", NULL }, NULL);
  assert_card_in_view (f, "d8");
  g_assert_cmpfloat (rig_canvas_get_zoom (f->canvas), ==, 2.0);

  /* Ctrl+scroll zooms around the pointer. */
  rig_canvas_widget_to_canvas (f->canvas, 300, 200, &cx, &cy);
  rig_canvas_test_scroll (f->canvas, 300, 200, 0, -1, GDK_CONTROL_MASK);
  g_assert_cmpfloat (rig_canvas_get_zoom (f->canvas), >, 2.0);
  rig_canvas_widget_to_canvas (f->canvas, 300, 200, &cx2, &cy2);
  g_assert_cmpfloat (fabs (cx2 - cx), <, 1);
  g_assert_cmpfloat (fabs (cy2 - cy), <, 1);

  /* A plain scroll pans. */
  rig_canvas_test_set_view (f->canvas, 1.0, 0, 0);
  rig_canvas_test_scroll (f->canvas, 300, 200, 0, 2, 0);
  rig_canvas_get_origin (f->canvas, &ox, &oy);
  g_assert_cmpfloat (ox, ==, 0);
  g_assert_cmpfloat (oy, >, 0);

  rig_canvas_zoom_reset (f->canvas);
  g_assert_cmpfloat (rig_canvas_get_zoom (f->canvas), ==, 1.0);
  rig_canvas_zoom_in (f->canvas);
  g_assert_cmpfloat (rig_canvas_get_zoom (f->canvas), >, 1.0);
  rig_canvas_zoom_out (f->canvas);
  rig_canvas_zoom_out (f->canvas);
  g_assert_cmpfloat (rig_canvas_get_zoom (f->canvas), <, 1.0);
}

static void
test_space_pan (Fixture *f, gconstpointer data)
{
  double ox, oy, x, y;
  RigDevice *tv = rig_document_find_device (f->doc, "d1");

  /* Space held: a drag on a device pans instead of moving it. */
  header_point (f, "d1", &x, &y);
  g_assert_true (rig_canvas_test_key_press (f->canvas, GDK_KEY_space, 0));
  drag (f, x, y, x + 100, y + 50, 5, 0);
  rig_canvas_test_key_release (f->canvas, GDK_KEY_space, 0);
  g_assert_cmpfloat (tv->x, ==, 40);
  g_assert_cmpfloat (tv->y, ==, 260);
  rig_canvas_get_origin (f->canvas, &ox, &oy);
  g_assert_cmpfloat (ox, ==, -100);
  g_assert_cmpfloat (oy, ==, -50);

  /* Released: the same drag moves the device. */
  header_point (f, "d1", &x, &y);
  drag (f, x, y, x + 100, y + 40, 5, 0);
  g_assert_cmpfloat (tv->x, ==, 140);
}

/* ---- placing ------------------------------------------------------------ */

static void
test_drop (Fixture *f, gconstpointer data)
{
  guint n = rig_document_get_n_devices (f->doc);
  double cx, cy;
  RigDevice *hit;

  g_assert_false (rig_canvas_test_drop (f->canvas, "rigwire-model:no-such-model", 100, 600));
  g_assert_false (rig_canvas_test_drop (f->canvas, "phone-ctia", 100, 600));
  g_assert_cmpuint (rig_document_get_n_devices (f->doc), ==, n);

  g_assert_true (rig_canvas_test_drop (f->canvas, "rigwire-model:phone-ctia", 150, 640));
  g_assert_cmpuint (rig_document_get_n_devices (f->doc), ==, n + 1);
  rig_canvas_widget_to_canvas (f->canvas, 150, 640, &cx, &cy);
  hit = rig_layout_device_at (rig_canvas_get_layout (f->canvas), cx, cy);
  g_assert_nonnull (hit);
  g_assert_cmpstr (hit->model->id, ==, "phone-ctia");
  g_assert_true (rig_selection_has_device (f->selection, hit->id));
  /* One command. */
  g_assert_true (rig_history_undo (rig_test_history (f->doc)));
  g_assert_cmpuint (rig_document_get_n_devices (f->doc), ==, n);
}

static void
test_place_model (Fixture *f, gconstpointer data)
{
  RigDeviceModel *model = rig_catalog_lookup (rig_catalog_get_default (), "mixer-small");
  g_autofree char *id = NULL;
  RigRect card;
  double cx, cy;

  rig_canvas_test_set_view (f->canvas, 1.0, 2000, 2000);
  id = rig_canvas_place_model (f->canvas, model);
  g_assert_nonnull (id);
  g_assert_cmpstr (rig_document_find_device (f->doc, id)->model->id, ==, "mixer-small");
  rig_canvas_widget_to_canvas (f->canvas, WIDTH / 2.0, HEIGHT / 2.0, &cx, &cy);
  g_assert_true (rig_layout_get_card_rect (rig_canvas_get_layout (f->canvas), id, &card));
  g_assert_true (rig_rect_contains_point (&card, cx, cy));
  {
    g_autofree char *expected = g_strdup_printf ("%s|", id);
    assert_selection (f, expected);
  }
}

/* ---- tooltips ----------------------------------------------------------- */

static void
test_tooltips (Fixture *f, gconstpointer data)
{
  RigCatalog *catalog = rig_catalog_get_default ();
  RigHistory *history = rig_test_history (f->doc);
  RigCommand *command;
  g_autofree char *phone = NULL, *speaker = NULL, *cable = NULL, *text = NULL;
  g_autoptr (GPtrArray) diagnostics = NULL;
  RigPoint label;
  double x, y;

  port_point (f, "d1", "optical-out", &x, &y);
  text = rig_canvas_test_tooltip (f->canvas, x, y);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "Optical out"));
  g_assert_nonnull (strstr (text, "TOSLINK"));
  g_assert_nonnull (strstr (text, "D-001")); /* the cable on it */
  g_clear_pointer (&text, g_free);

  command = rig_command_add_device (rig_catalog_lookup (catalog, "phone-ctia"), "Phone", 40, 520);
  g_assert_true (rig_history_apply (history, command, NULL));
  phone = g_strdup (rig_command_get_created_id (command));
  command = rig_command_add_device (rig_catalog_lookup (catalog, "speaker-bookshelf"), "Desk", 420,
                                    760);
  g_assert_true (rig_history_apply (history, command, NULL));
  speaker = g_strdup (rig_command_get_created_id (command));
  command = rig_command_add_cable (phone, "headset", speaker, "in", NULL, NULL);
  g_assert_true (rig_history_apply (history, command, NULL));
  cable = g_strdup (rig_command_get_created_id (command));

  diagnostics = rig_validator_get_cable_diagnostics (f->validator, cable);
  g_assert_cmpuint (diagnostics->len, >, 0);
  g_assert_true (
      rig_layout_get_cable_label_point (rig_canvas_get_layout (f->canvas), cable, &label));
  to_widget (f, label.x, label.y, &x, &y);
  text = rig_canvas_test_tooltip (f->canvas, x, y);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, rig_document_find_cable (f->doc, cable)->number));
  g_assert_nonnull (strstr (text, ((RigDiagnostic *) g_ptr_array_index (diagnostics, 0))->message));
  g_clear_pointer (&text, g_free);

  text = rig_canvas_test_tooltip (f->canvas, 600, 690);
  g_assert_null (text);
}

/* ---- drawing ------------------------------------------------------------ */

/* After edits, selection changes, a drag and a scroll, the canvas's cached
 * frame equals the frame of a fresh canvas with the same view. */
static void
test_incremental_frame (Fixture *f, gconstpointer data)
{
  Fixture fresh = { 0 };
  g_autofree guchar *a = NULL;
  g_autofree guchar *b = NULL;
  RigCanvasStats before, after;
  RigHistory *history = rig_test_history (f->doc);
  double x, y, ox, oy;
  guint differ = 0;

  rig_canvas_test_set_view (f->canvas, 0.8, -20, -10);
  g_free (render (f));
  rig_canvas_get_stats (f->canvas, &before);

  header_point (f, "d5", &x, &y);
  drag (f, x, y, x - 130, y + 75, 6, 0);
  g_free (render (f));
  rig_selection_set (f->selection, (const char *const[]){ "d2", NULL },
                     (const char *const[]){ "c4", NULL });
  g_free (render (f));
  g_assert_true (rig_history_apply (
      history, rig_command_add_cable ("d1", "headphones", "d6", "in", NULL, NULL), NULL));
  g_free (render (f));
  rig_canvas_test_scroll (f->canvas, 10, 10, 0.3, 0.45, 0);
  g_free (render (f));
  header_point (f, "d7", &x, &y);
  drag (f, x, y, x + 40, y - 60, 4, 0);
  a = render (f);
  rig_canvas_get_stats (f->canvas, &after);
  /* The edits were redrawn in parts, not as whole frames. */
  g_assert_cmpuint (after.full_renders, ==, before.full_renders);
  g_assert_cmpuint (after.partial_renders, >, before.partial_renders);
  g_assert_cmpuint (after.scrolls, >, before.scrolls);

  fresh.doc = g_object_ref (f->doc);
  show_canvas (&fresh, fresh.doc);
  g_clear_object (&fresh.selection);
  fresh.selection = g_object_ref (f->selection);
  rig_canvas_set_document (fresh.canvas, fresh.doc, rig_test_history (fresh.doc), f->validator,
                           f->selection);
  /* Drawn at once, not after a first frame of plain curves. */
  rig_layout_finish (rig_canvas_get_layout (fresh.canvas));
  rig_canvas_get_origin (f->canvas, &ox, &oy);
  rig_canvas_test_set_view (fresh.canvas, rig_canvas_get_zoom (f->canvas), ox, oy);
  b = render (&fresh);

  /* Equal but for anti-aliasing: cairo tessellates a stroke cut by a clip
   * (a redrawn part) or drawn at another whole-pixel offset (a scroll) a
   * hair differently, which moves edge pixels by a few levels. A stale
   * part of the cache (a card or cable left behind) differs by far more. */
  for (int yy = 0; yy < HEIGHT; yy++)
    for (int xx = 0; xx < WIDTH; xx++)
      {
        int r1, g1, b1, r2, g2, b2, d;
        rgb_at (a, xx, yy, &r1, &g1, &b1);
        rgb_at (b, xx, yy, &r2, &g2, &b2);
        d = MAX (abs (r1 - r2), MAX (abs (g1 - g2), abs (b1 - b2)));
        differ += d > 0;
        if (d > 32)
          g_test_message ("frames differ at %d,%d: %d %d %d vs %d %d %d", xx, yy, r1, g1, b1, r2,
                          g2, b2);
        g_assert_cmpint (d, <=, 32);
      }
  g_assert_cmpuint (differ, <, 200);
  fixture_teardown (&fresh, NULL);
}

/* The canvas's render node as the window takes it. */
static GskRenderNode *
canvas_node (Fixture *f)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  GTK_WIDGET_GET_CLASS (f->canvas)->snapshot (GTK_WIDGET (f->canvas), snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

/* How many of @a's children are the very nodes of @b's (the same tile,
 * kept); both are the canvas's container of tiles. */
static guint
same_children (GskRenderNode *a, GskRenderNode *b)
{
  guint n = 0;

  g_assert_cmpint (gsk_render_node_get_node_type (a), ==, GSK_CONTAINER_NODE);
  g_assert_cmpint (gsk_render_node_get_node_type (b), ==, GSK_CONTAINER_NODE);
  for (guint i = 0; i < gsk_container_node_get_n_children (a); i++)
    n += i < gsk_container_node_get_n_children (b)
         && gsk_container_node_get_child (a, i) == gsk_container_node_get_child (b, i);
  return n;
}

/* The frame shows the cache as tiles kept from frame to frame: a frame
 * with nothing changed is made of the same nodes (GTK repaints nothing), a
 * selected card makes again only the tiles under it, and a scroll all of
 * them. What the tiles show is checked by incremental-equals-fresh. */
static void
test_tiles_kept (Fixture *f, gconstpointer data)
{
  GskRenderNode *first, *again, *selected, *scrolled;
  RigCanvasStats s0, s1, s2;
  guint n_tiles, made, centre;
  RigRect card;
  double cx, cy;

  rig_canvas_test_set_view (f->canvas, 1.0, 0, 0);
  g_free (render (f));
  first = canvas_node (f);
  n_tiles = gsk_container_node_get_n_children (first);
  /* 1000 x 700 px in tiles of 256: 4 x 3. */
  g_assert_cmpuint (n_tiles, ==, 12);
  rig_canvas_get_stats (f->canvas, &s0);

  again = canvas_node (f);
  rig_canvas_get_stats (f->canvas, &s1);
  g_assert_cmpuint (s1.tiles_made, ==, s0.tiles_made);
  g_assert_cmpuint (same_children (again, first), ==, n_tiles);

  g_assert_true (rig_layout_get_card_rect (rig_canvas_get_layout (f->canvas), "d2", &card));
  rig_selection_set (f->selection, (const char *const[]){ "d2", NULL }, NULL);
  selected = canvas_node (f);
  rig_canvas_get_stats (f->canvas, &s2);
  /* The tiles under the card and its cables, made again; the others kept. */
  made = s2.tiles_made - s1.tiles_made;
  g_assert_cmpuint (made, >=, 1);
  g_assert_cmpuint (made, <, n_tiles);
  g_assert_cmpuint (same_children (selected, again), ==, n_tiles - made);
  to_widget (f, card.x + card.width / 2, card.y + card.height / 2, &cx, &cy);
  centre = (guint) (floor (cy / 256) * 4 + floor (cx / 256));
  g_assert_true (gsk_container_node_get_child (selected, centre)
                 != gsk_container_node_get_child (again, centre));

  rig_canvas_test_set_view (f->canvas, 1.0, 30, 20);
  scrolled = canvas_node (f);
  g_assert_cmpuint (same_children (scrolled, selected), ==, 0);

  gsk_render_node_unref (first);
  gsk_render_node_unref (again);
  gsk_render_node_unref (selected);
  gsk_render_node_unref (scrolled);
}

/* During a drag, the dragged devices and their cables are drawn over the
 * tiles in a node of their own area (what GTK repaints each frame): all
 * they ink is within it. Two devices far apart, with their cables. */
static void
test_drag_frame (Fixture *f, gconstpointer data)
{
  GskRenderNode *node, *moving;
  graphene_rect_t bounds;
  cairo_surface_t *recording;
  cairo_t *cr;
  double x, y, ix, iy, iw, ih, ox, oy, zoom = rig_canvas_get_zoom (f->canvas);
  guint n;

  rig_canvas_set_snap_to_grid (f->canvas, FALSE);
  rig_selection_set (f->selection, (const char *const[]){ "d1", "d8", NULL }, NULL);
  g_free (render (f));
  header_point (f, "d1", &x, &y);
  rig_canvas_test_press (f->canvas, x, y, 0);
  for (guint i = 1; i <= 6; i++)
    rig_canvas_test_motion (f->canvas, x + 12 * i, y + 9 * i);

  node = canvas_node (f);
  n = gsk_container_node_get_n_children (node);
  moving = gsk_container_node_get_child (node, n - 1);
  g_assert_cmpint (gsk_render_node_get_node_type (moving), ==, GSK_CAIRO_NODE);
  gsk_render_node_get_bounds (moving, &bounds);
  /* Not the whole view: the two cards and the cables on them. */
  g_assert_cmpfloat (bounds.size.width * bounds.size.height, <, 0.9 * WIDTH * HEIGHT);

  /* What the drag draws, unclipped, in widget px. */
  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);
  rig_canvas_get_origin (f->canvas, &ox, &oy);
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -ox, -oy);
  _rig_canvas_move_draw (f->canvas, cr);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &ix, &iy, &iw, &ih);
  cairo_surface_destroy (recording);
  g_test_message ("drawn %g,%g %gx%g; node %g,%g %gx%g", ix, iy, iw, ih, bounds.origin.x,
                  bounds.origin.y, bounds.size.width, bounds.size.height);
  /* Within the view, where the node is cut. */
  iw = MIN (ix + iw, WIDTH) - MAX (ix, 0);
  ih = MIN (iy + ih, HEIGHT) - MAX (iy, 0);
  ix = MAX (ix, 0);
  iy = MAX (iy, 0);
  g_assert_cmpfloat (iw * ih, >, 0);
  g_assert_cmpfloat (ix, >=, bounds.origin.x);
  g_assert_cmpfloat (iy, >=, bounds.origin.y);
  g_assert_cmpfloat (ix + iw, <=, bounds.origin.x + bounds.size.width);
  g_assert_cmpfloat (iy + ih, <=, bounds.origin.y + bounds.size.height);

  rig_canvas_test_release (f->canvas, x + 72, y + 54);
  gsk_render_node_unref (node);
}

/* A new error cable shows in the next frame in vermilion. */
static void
test_live_status (Fixture *f, gconstpointer data)
{
  RigCatalog *catalog = rig_catalog_get_default ();
  RigHistory *history = rig_test_history (f->doc);
  RigCommand *command;
  g_autofree char *phone = NULL, *cable = NULL;
  g_autofree guchar *frame = NULL;
  RigPoint p;
  guint vermilion = 0;

  command = rig_command_add_device (rig_catalog_lookup (catalog, "phone-ctia"), "Phone", 40, 480);
  g_assert_true (rig_history_apply (history, command, NULL));
  phone = g_strdup (rig_command_get_created_id (command));
  g_free (render (f));

  command = rig_command_add_cable (phone, "headset", "d6", "in", NULL, NULL);
  g_assert_true (rig_history_apply (history, command, NULL));
  cable = g_strdup (rig_command_get_created_id (command));
  g_assert_cmpint (rig_validator_get_cable_status (f->validator, cable), ==, RIG_SEVERITY_ERROR);
  frame = render (f);
  for (guint i = 5; i <= 40; i++)
    {
      double wx, wy;
      int r, g, b;

      g_assert_true (
          rig_layout_get_cable_point (rig_canvas_get_layout (f->canvas), cable, i / 100.0, &p));
      to_widget (f, p.x, p.y, &wx, &wy);
      if (wx < 1 || wy < 1 || wx >= WIDTH - 1 || wy >= HEIGHT - 1)
        continue;
      rgb_at (frame, (int) wx, (int) wy, &r, &g, &b);
      vermilion += (r > 170 && g > 60 && g < 125 && b < 60);
    }
  g_assert_cmpuint (vermilion, >=, 8);
}

static void
test_accessible (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (f->canvas)), ==,
                   GTK_ACCESSIBLE_ROLE_GROUP);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f->canvas)));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/canvas/display", test_no_display);
      return g_test_run ();
    }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/canvas/select/click", test_select_click);
  ADD ("/canvas/select/rubber-band", test_rubber_band);
  ADD ("/canvas/move/drag", test_move_drag);
  ADD ("/canvas/move/nudge", test_nudge);
  ADD ("/canvas/select/tab", test_tab_selects);
  ADD ("/canvas/connect/drag", test_connect_drag);
  ADD ("/canvas/connect/occupied", test_connect_occupied);
  ADD ("/canvas/connect/reconnect", test_reconnect_drag);
  ADD ("/canvas/delete", test_delete);
  ADD ("/canvas/view/zoom", test_zoom);
  ADD ("/canvas/view/space-pan", test_space_pan);
  ADD ("/canvas/place/drop", test_drop);
  ADD ("/canvas/place/model", test_place_model);
  ADD ("/canvas/tooltips", test_tooltips);
  ADD ("/canvas/draw/incremental-equals-fresh", test_incremental_frame);
  ADD ("/canvas/draw/live-status", test_live_status);
  ADD ("/canvas/draw/tiles-kept", test_tiles_kept);
  ADD ("/canvas/draw/drag-frame", test_drag_frame);
  ADD ("/canvas/accessible", test_accessible);
#undef ADD

  return g_test_run ();
}
