/* bench-canvas.c: how smooth the canvas is on big rigs.
 *
 * A display benchmark (run it under Xvfb). It opens a generated rig (1,000
 * devices and 2,000 cables, then 10,000 and 20,000) in a RigCanvas in a
 * 1400 x 900 window, and measures frames as the window would make them: the
 * canvas's snapshot (the frame's render nodes, which is where the canvas
 * draws) rendered by the window's own GSK renderer (cairo under Xvfb) into a
 * texture. A frame is timed from the input that causes it (a pointer motion
 * handed to the canvas's drag handler: the move command, the layout, the
 * validator and the damage it triggers) until its pixels exist.
 *
 * Prints, per rig and view (zoomed to fit, and zoomed in to 100 %):
 * - dragging one device across the view: median, 95th percentile and worst
 *   frame (the first frame of the drag, which redraws the view without the
 *   dragged device, is counted with the others);
 * - a new cable to its recoloured frame: rig_history_apply() of a new cable
 *   (the validator re-checks, statuses change) until the frame is rendered;
 * - an uncached frame for reference: the painter drawing the whole view.
 * Figures only, no assertions. The generated rig is saved to
 * $RIG_BENCH_SAVE (if set) to look at it.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rig-canvas-private.h"
#include "rig-catalog.h"
#include "rig-format.h"
#include "rig-history.h"
#include "rig-test-models.h"

#define WIDTH 1400
#define HEIGHT 900
#define STEPS 120

/* A "station" of ten devices in five columns of two, signal flowing left to
 * right: sources, a mixer and a PC, an interface and a receiver, amplifiers,
 * speakers. Twenty cables join each station's columns (two cable ends per
 * device on average, as in real rigs); stations are laid out in a grid. */
static const char *const station[10] = {
  "cd-player",      "tv",
  "mixer-small",    "desktop-pc",
  "interface-2x2",  "av-receiver",
  "amp-integrated", "amp-power",
  "studio-monitor", "speaker-pa-active",
};

typedef struct
{
  RigDocument *doc;
  GPtrArray *ids; /* device ids in station order */
} Rig;

static void
rig_clear (Rig *rig)
{
  g_clear_object (&rig->doc);
  g_clear_pointer (&rig->ids, g_ptr_array_unref);
}

/* Free output and input jacks of a device (signal jacks, not power). */
static int
pick_jack (RigDevice *device, gboolean output, GHashTable *used, GRand *rand)
{
  const RigDeviceModel *m = device->model;
  int candidates[32];
  guint n = 0;

  for (guint i = 0; i < m->n_jacks && n < G_N_ELEMENTS (candidates); i++)
    {
      const RigJack *j = &m->jacks[i];
      g_autofree char *key = NULL;

      if (j->signal == RIG_SIGNAL_POWER || j->connector == RIG_CONNECTOR_BLUETOOTH)
        continue;
      if (output ? !rig_jack_is_output (j) : !rig_jack_is_input (j))
        continue;
      key = g_strdup_printf ("%s:%s", device->id, j->id);
      if (g_hash_table_contains (used, key))
        continue;
      candidates[n++] = (int) i;
    }
  return n == 0 ? -1 : candidates[g_rand_int_range (rand, 0, (int) n)];
}

static void
generate (Rig *rig, guint n_devices)
{
  RigCatalog *catalog = rig_catalog_get_default ();
  RigHistory *history;
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_stations = n_devices / 10, per_row = (guint) ceil (sqrt (n_stations * 1.6));

  rig->doc = rig_document_new ();
  rig->ids = g_ptr_array_new_with_free_func (g_free);
  history = rig_test_history (rig->doc);

  for (guint s = 0; s < n_stations; s++)
    {
      double sx = (s % per_row) * 1700.0, sy = (s / per_row) * 1000.0;
      const char *ids[10];
      guint cables = 0;

      for (guint i = 0; i < 10; i++)
        {
          RigDeviceModel *model = rig_catalog_lookup (catalog, station[i]);
          g_autofree char *label = g_strdup_printf ("%s %u", model->name, s + 1);
          RigCommand *command;

          command
              = rig_command_add_device (model, label, sx + (i / 2) * 300.0, sy + (i % 2) * 420.0);
          if (!rig_history_apply (history, command, NULL))
            g_error ("cannot add a device");
          g_ptr_array_add (rig->ids, g_strdup (rig_command_get_created_id (command)));
          ids[i] = g_ptr_array_index (rig->ids, rig->ids->len - 1);
        }
      for (guint attempt = 0; attempt < 400 && cables < 20; attempt++)
        {
          guint a = g_rand_int_range (rand, 0, 8);
          guint b_col = a / 2 + g_rand_int_range (rand, 1, 3);
          guint b = b_col * 2 + g_rand_int_range (rand, 0, 2);
          RigDevice *from, *to;
          int jf, jt;

          if (b > 9)
            continue;
          from = rig_document_find_device (rig->doc, ids[a]);
          to = rig_document_find_device (rig->doc, ids[b]);
          jf = pick_jack (from, TRUE, used, rand);
          jt = pick_jack (to, FALSE, used, rand);
          if (jf < 0 || jt < 0)
            continue;
          if (!rig_history_apply (history,
                                  rig_command_add_cable (from->id, from->model->jacks[jf].id,
                                                         to->id, to->model->jacks[jt].id, NULL,
                                                         NULL),
                                  NULL))
            continue;
          g_hash_table_add (used, g_strdup_printf ("%s:%s", from->id, from->model->jacks[jf].id));
          g_hash_table_add (used, g_strdup_printf ("%s:%s", to->id, to->model->jacks[jt].id));
          cables++;
        }
    }
  rig_history_clear (history);
}

/* ---- frames ------------------------------------------------------------ */

static GtkWidget *window;
static RigCanvas *canvas;

static void
flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* One frame as the window makes it: the canvas's render nodes, rendered by
 * the window's renderer. */
static void
render_frame (void)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  GskRenderNode *node;
  GdkTexture *texture;
  graphene_rect_t viewport = GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT);

  GTK_WIDGET_GET_CLASS (canvas)->snapshot (GTK_WIDGET (canvas), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node, &viewport);
  g_object_unref (texture);
  gsk_render_node_unref (node);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what, GArray *ms)
{
  double sum = 0;

  g_array_sort (ms, compare_doubles);
  for (guint i = 0; i < ms->len; i++)
    sum += g_array_index (ms, double, i);
  printf ("  %-44s median %6.2f ms   p95 %6.2f ms   max %6.2f ms   mean %6.2f ms  (n=%u)\n", what,
          g_array_index (ms, double, ms->len / 2),
          g_array_index (ms, double, (guint) (ms->len * 0.95)),
          g_array_index (ms, double, ms->len - 1), sum / ms->len, ms->len);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The AV receiver nearest the centre of the view (the same kind of card in
 * every rig, so that rigs of different sizes are compared fairly). */
static const char *
central_device (Rig *rig)
{
  RigLayout *layout = rig_canvas_get_layout (canvas);
  double cx, cy;
  RigRect probe;
  g_autoptr (GPtrArray) devices = g_ptr_array_new ();
  const char *best = NULL;
  double best_d = G_MAXDOUBLE;

  rig_canvas_widget_to_canvas (canvas, WIDTH / 2.0, HEIGHT / 2.0, &cx, &cy);
  probe = (RigRect){ cx - 2000, cy - 2000, 4000, 4000 };
  rig_layout_query (layout, &probe, devices, NULL);
  for (guint i = 0; i < devices->len; i++)
    {
      RigDevice *d = g_ptr_array_index (devices, i);
      double dist = hypot (d->x - cx, d->y - cy);
      if (strcmp (d->model->id, "av-receiver") != 0)
        continue;
      if (dist < best_d)
        {
          best_d = dist;
          best = d->id;
        }
    }
  return best;
}

/* Drags @device_id by (dx, dy) px in STEPS motions; one frame per motion. */
static void
bench_drag (const char *what, const char *device_id, double dx, double dy)
{
  g_autoptr (GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  RigLayout *layout = rig_canvas_get_layout (canvas);
  RigRect card;
  double x, y, t0, t1, t;
  RigCanvasStats before, after;

  rig_layout_get_card_rect (layout, device_id, &card);
  rig_canvas_canvas_to_widget (canvas, card.x + card.width / 2, card.y + 20, &x, &y);
  render_frame ();
  rig_canvas_get_stats (canvas, &before);

  t0 = now_ms ();
  rig_canvas_test_press (canvas, x, y, 0);
  render_frame ();
  for (guint i = 1; i <= STEPS; i++)
    {
      t0 = now_ms ();
      rig_canvas_test_motion (canvas, x + dx * i / STEPS, y + dy * i / STEPS);
      render_frame ();
      t = now_ms () - t0;
      g_array_append_val (ms, t);
    }
  t0 = now_ms ();
  rig_canvas_test_release (canvas, x + dx, y + dy);
  t1 = now_ms ();
  render_frame ();
  t = now_ms () - t0;
  rig_canvas_get_stats (canvas, &after);
  report (what, ms);
  printf ("  %-44s %6.2f ms   (release %.2f ms; cache: %u full, %u partial redraws in the drag, "
          "%.0f kpx)\n",
          "  drop frame (device back into the cache)", t, t1 - t0,
          after.full_renders - before.full_renders, after.partial_renders - before.partial_renders,
          (after.rendered_px - before.rendered_px) / 1000);
  rig_history_undo (rig_test_history (rig_canvas_get_document (canvas)));
  render_frame ();
}

/* New cables between devices in view, each timed to its rendered frame. */
static void
bench_new_cable (const char *what, Rig *rig)
{
  g_autoptr (GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) apply_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  RigDocument *doc = rig_canvas_get_document (canvas);
  RigHistory *history = rig_test_history (doc);
  RigLayout *layout = rig_canvas_get_layout (canvas);
  g_autoptr (GPtrArray) devices = g_ptr_array_new ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  RigRect view;
  guint done = 0, tries = 0;

  rig_canvas_widget_to_canvas (canvas, 0, 0, &view.x, &view.y);
  view.width = WIDTH / rig_canvas_get_zoom (canvas);
  view.height = HEIGHT / rig_canvas_get_zoom (canvas);
  rig_layout_query (layout, &view, devices, NULL);
  if (devices->len < 2)
    return;

  while (done < 40 && tries++ < 4000)
    {
      RigDevice *a = g_ptr_array_index (devices, g_rand_int_range (rand, 0, devices->len));
      RigDevice *b = g_ptr_array_index (devices, g_rand_int_range (rand, 0, devices->len));
      int ja = g_rand_int_range (rand, 0, a->model->n_jacks);
      int jb = g_rand_int_range (rand, 0, b->model->n_jacks);
      double t0, t1, t;

      if (a == b || !rig_jack_is_output (&a->model->jacks[ja])
          || !rig_jack_is_input (&b->model->jacks[jb]))
        continue;
      render_frame ();
      t0 = now_ms ();
      if (!rig_history_apply (history,
                              rig_command_add_cable (a->id, a->model->jacks[ja].id, b->id,
                                                     b->model->jacks[jb].id, NULL, NULL),
                              NULL))
        continue;
      t1 = now_ms ();
      render_frame ();
      t = now_ms () - t0;
      g_array_append_val (ms, t);
      t1 -= t0;
      g_array_append_val (apply_ms, t1);
      t -= t1;
      g_array_append_val (frame_ms, t);
      rig_history_undo (history);
      done++;
    }
  render_frame ();
  if (ms->len > 0)
    {
      report (what, ms);
      report ("  of which the edit (document, validator)", apply_ms);
      report ("  and the frame (damaged parts redrawn)", frame_ms);
    }
}

/* Pulls a cable from the receiver's first output to a free input of another
 * device in view: the first frame (every port in view judged and marked),
 * then the frames of the pull. */
static void
bench_connect (const char *what, const char *device_id)
{
  g_autoptr (GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  RigLayout *layout = rig_canvas_get_layout (canvas);
  RigDocument *doc = rig_canvas_get_document (canvas);
  RigDevice *from = rig_document_find_device (doc, device_id);
  g_autoptr (GPtrArray) devices = g_ptr_array_new ();
  RigPortGeometry a, b;
  RigRect view;
  double x0, y0, x1, y1, t0, first, t;
  gboolean found = FALSE;

  for (guint i = 0; i < from->model->n_jacks && !found; i++)
    if (rig_jack_is_output (&from->model->jacks[i])
        && from->model->jacks[i].signal != RIG_SIGNAL_POWER)
      found = rig_layout_get_port (layout, from->id, from->model->jacks[i].id, &a);
  rig_canvas_widget_to_canvas (canvas, 0, 0, &view.x, &view.y);
  view.width = WIDTH / rig_canvas_get_zoom (canvas);
  view.height = HEIGHT / rig_canvas_get_zoom (canvas);
  rig_layout_query (layout, &view, devices, NULL);
  found = FALSE;
  for (guint i = 0; i < devices->len && !found; i++)
    {
      RigDevice *d = g_ptr_array_index (devices, i);
      if (d == from || d->x < from->x)
        continue;
      for (guint j = 0; j < d->model->n_jacks && !found; j++)
        if (d->model->jacks[j].direction == RIG_DIRECTION_IN)
          found = rig_layout_get_port (layout, d->id, d->model->jacks[j].id, &b)
                  && rig_rect_contains_point (&view, b.anchor.x, b.anchor.y);
    }
  if (!found)
    return;
  rig_canvas_canvas_to_widget (canvas, a.anchor.x, a.anchor.y, &x0, &y0);
  rig_canvas_canvas_to_widget (canvas, b.anchor.x, b.anchor.y, &x1, &y1);
  render_frame ();
  t0 = now_ms ();
  rig_canvas_test_press (canvas, x0, y0, 0);
  render_frame ();
  first = now_ms () - t0;
  for (guint i = 1; i <= 60; i++)
    {
      t0 = now_ms ();
      rig_canvas_test_motion (canvas, x0 + (x1 - x0) * i / 60, y0 + (y1 - y0) * i / 60);
      render_frame ();
      t = now_ms () - t0;
      g_array_append_val (ms, t);
    }
  t0 = now_ms ();
  rig_canvas_test_release (canvas, x1, y1);
  render_frame ();
  t = now_ms () - t0;
  report (what, ms);
  printf ("  %-44s %6.2f ms   (every port in view judged)\n", "  first frame of the pull", first);
  printf ("  %-44s %6.2f ms\n", "  drop frame (cable added, marks cleared)", t);
  rig_history_undo (rig_test_history (doc));
  render_frame ();
}

/* The whole view drawn by the painter with no cache, for reference. */
static void
bench_uncached (const char *what)
{
  g_autoptr (GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  RigPainter *painter = rig_canvas_get_painter (canvas);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  double zoom = rig_canvas_get_zoom (canvas), ox, oy;

  rig_canvas_get_origin (canvas, &ox, &oy);
  for (guint i = 0; i < 7; i++)
    {
      cairo_t *cr = cairo_create (surface);
      RigRect view = { ox, oy, WIDTH / zoom, HEIGHT / zoom };
      double t0 = now_ms (), t;

      cairo_scale (cr, zoom, zoom);
      cairo_translate (cr, -ox, -oy);
      rig_painter_draw_background (painter, cr, &view, zoom, RIG_CANVAS_GRID);
      rig_painter_draw (painter, cr, &view, zoom);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      t = now_ms () - t0;
      g_array_append_val (ms, t);
    }
  cairo_surface_destroy (surface);
  report (what, ms);
}

static void
run (guint n_devices)
{
  Rig rig = { 0 };
  g_autoptr (RigValidator) validator = NULL;
  g_autoptr (RigSelection) selection = rig_selection_new ();
  const char *env = g_getenv ("RIG_BENCH_SAVE");
  double t0 = now_ms ();
  const char *device;
  g_autofree char *device_id = NULL;

  generate (&rig, n_devices);
  printf ("\nRig: %u devices, %u cables (generated in %.0f ms)\n",
          rig_document_get_n_devices (rig.doc), rig_document_get_n_cables (rig.doc),
          now_ms () - t0);
  if (env != NULL && *env != '\0')
    {
      g_autoptr (GFile) file = g_file_new_for_path (env);
      g_autofree char *name = g_strdup_printf ("%s-%u.rigwire", env, n_devices);
      g_autoptr (GFile) named = g_file_new_for_path (name);
      rig_format_save_file (rig.doc, named, NULL);
    }
  t0 = now_ms ();
  validator = rig_validator_new (rig.doc);
  printf ("  validator: %.0f ms, %u errors, %u warnings\n", now_ms () - t0,
          rig_validator_count (validator, RIG_SEVERITY_ERROR),
          rig_validator_count (validator, RIG_SEVERITY_WARNING));

  rig_canvas_set_document (canvas, rig.doc, rig_test_history (rig.doc), validator, selection);
  rig_canvas_zoom_to_fit (canvas);
  flush ();
  render_frame ();
  printf ("  zoomed to fit: zoom %.3f\n", rig_canvas_get_zoom (canvas));

  /* Zoomed to fit: drag a central device a third of the way across. */
  device = central_device (&rig);
  device_id = g_strdup (device);
  bench_uncached ("uncached frame, zoomed to fit (reference)");
  bench_drag ("drag frame, zoomed to fit", device_id, WIDTH / 3.0, HEIGHT / 5.0);
  bench_new_cable ("new cable -> recoloured frame, zoomed to fit", &rig);

  /* Zoomed in: the receiver of the first station at 100 %, dragged across
   * the view. The first stations of every rig are the same (one seeded
   * generator), so rigs of different sizes show the same view here. */
  g_free (device_id);
  device_id = g_strdup (g_ptr_array_index (rig.ids, 5));
  g_assert (strcmp (rig_document_find_device (rig.doc, device_id)->model->id, "av-receiver") == 0);
  rig_canvas_set_zoom (canvas, 1.0);
  rig_canvas_scroll_to (canvas, (const char *const[]){ device_id, NULL }, NULL);
  render_frame ();
  bench_uncached ("uncached frame, 100 % (reference)");
  bench_drag ("drag frame, 100 %", device_id, WIDTH / 2.0, HEIGHT / 4.0);
  bench_new_cable ("new cable -> recoloured frame, 100 %", &rig);
  bench_connect ("connect drag frame, 100 %", device_id);

  rig_canvas_set_document (canvas, NULL, NULL, NULL, NULL);
  rig_clear (&rig);
}

int
main (int argc, char **argv)
{
  guint sizes[] = { 1000, 10000 };
  gint64 deadline;

  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-canvas: no display (run it under Xvfb)\n");
      return 1;
    }
  window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  canvas = RIG_CANVAS (rig_canvas_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (canvas));
  /* The canvas gets its size even on a smaller screen (xvfb-run's default
   * is 640 x 480). */
  gtk_widget_set_size_request (GTK_WIDGET (canvas), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (gtk_widget_get_width (GTK_WIDGET (canvas)) != WIDTH && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  flush ();
  if (gtk_widget_get_width (GTK_WIDGET (canvas)) != WIDTH
      || gtk_widget_get_height (GTK_WIDGET (canvas)) != HEIGHT)
    {
      fprintf (stderr, "bench-canvas: the canvas is %d x %d px, not %d x %d\n",
               gtk_widget_get_width (GTK_WIDGET (canvas)),
               gtk_widget_get_height (GTK_WIDGET (canvas)), WIDTH, HEIGHT);
      return 1;
    }

  printf ("Canvas benchmark: %d x %d px, renderer %s, %d cores\n", WIDTH, HEIGHT,
          G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))),
          g_get_num_processors ());
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    if (argc < 2 || (guint) atoi (argv[1]) == sizes[i])
      run (sizes[i]);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
