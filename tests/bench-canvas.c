/* bench-canvas.c: how smooth the editor is on big rigs, in real frames.
 *
 * A display benchmark (run it under Xvfb). For each size it runs itself
 * again in a new process (so each size's peak memory is its own), and that
 * process opens a generated rig of catalog models (ten devices per station,
 * five cables per station: two cable ends per device, as real rigs have) in
 * the application's own window at its default size, and measures frames as
 * users get them: from the input that causes a frame (a pointer press or
 * motion handed to the canvas's gesture handlers, a zoom, a scroll, an edit
 * applied) until GTK's frame clock has painted that frame (its after-paint
 * signal: the whole window snapshotted, rendered and copied to the display).
 *
 * Times are CPU time of the process (the figures are CPU medians;
 * waiting for the frame clock's next tick is not work). Prints one table:
 * per size, each kind of frame with its median, 95th percentile and worst;
 * start-up to the first frame of the window with the rig, in a process of
 * its own; and the peak memory (maximum resident set) of the size's process.
 * A window shows a rig before it checks it and routes its cables (HACKING.md,
 * "Shown first"): each first frame is followed by a row for the rest, to the
 * frame that shows the rig checked and routed, so that no work goes
 * unmeasured. "Open in the window" is File → Open in a window already shown.
 * The first press in a window pays for what GTK, Pango and the fonts do the
 * first time: it is timed in five new windows, each in a process of its own.
 * Figures only, no assertions. $RIG_BENCH_SIZES (e.g. "1000") picks sizes.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "rig-application.h"
#include "rig-bench.h"
#include "rig-canvas-private.h"
#include "rig-catalog.h"
#include "rig-drop.h"
#include "rig-format.h"
#include "rig-history.h"
#include "rig-layout.h"
#include "rig-test-app.h"
#include "rig-test-models.h"
#include "rig-window-private.h"

#define STEPS 60

#define CABLES_PER_STATION 10 /* 20 cable ends for 10 devices */

/* ---- the rig -------------------------------------------------------------- */

static void
add_station (RigDocument *doc, RigHistory *history, guint s, guint per_row, GRand *rand,
             GHashTable *used)
{
  RigCatalog *catalog = rig_catalog_get_default ();
  g_autofree char *ids[10] = { NULL };
  guint cables = 0;

  for (guint i = 0; i < 10; i++)
    {
      RigDeviceModel *model = rig_catalog_lookup (catalog, rig_bench_station[i]);
      g_autofree char *label = g_strdup_printf ("%s %u", model->name, s + 1);
      RigCommand *command;
      double x, y;

      rig_bench_station_position (s, per_row, i, &x, &y);
      command = rig_command_add_device (model, label, x, y);

      if (!rig_history_apply (history, command, NULL))
        g_error ("cannot add a device");
      ids[i] = g_strdup (rig_command_get_created_id (command));
    }
  for (guint attempt = 0; attempt < 400 && cables < CABLES_PER_STATION; attempt++)
    {
      guint a = g_rand_int_range (rand, 0, 8);
      guint b = (a / 2 + g_rand_int_range (rand, 1, 3)) * 2 + g_rand_int_range (rand, 0, 2);
      RigDevice *from, *to;
      int jf, jt;

      if (b > 9)
        continue;
      from = rig_document_find_device (doc, ids[a]);
      to = rig_document_find_device (doc, ids[b]);
      jf = rig_bench_pick_jack (from, TRUE, used, rand);
      jt = rig_bench_pick_jack (to, FALSE, used, rand);
      if (jf < 0 || jt < 0
          || !rig_history_apply (history,
                                 rig_command_add_cable (from->id, from->model->jacks[jf].id, to->id,
                                                        to->model->jacks[jt].id, NULL, NULL),
                                 NULL))
        continue;
      g_hash_table_add (used, g_strdup_printf ("%s:%s", from->id, from->model->jacks[jf].id));
      g_hash_table_add (used, g_strdup_printf ("%s:%s", to->id, to->model->jacks[jt].id));
      cables++;
    }
}

/* Writes a rig of @n_devices to @path. */
static void
write_rig (guint n_devices, const char *path)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  RigHistory *history = rig_test_history (doc);
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_stations = n_devices / 10, per_row = MAX (1, (guint) ceil (sqrt (n_stations * 1.6)));
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;

  for (guint s = 0; s < n_stations; s++)
    add_station (doc, history, s, per_row, rand, used);
  file = g_file_new_for_path (path);
  if (!rig_format_save_file (doc, file, &error))
    g_error ("cannot save the rig: %s", error->message);
}

/* ---- frames --------------------------------------------------------------- */

static RigWindow *window;
static RigCanvas *canvas;
static guint frames_painted;

static void
after_paint_cb (GdkFrameClock *clock, gpointer user_data)
{
  frames_painted++;
}

static gboolean
frame_painted (gpointer data)
{
  return frames_painted > GPOINTER_TO_UINT (data);
}

/* Waits for the frame after @before to be painted; FALSE if none came. */
static gboolean
wait_frame (guint before)
{
  return rig_test_wait_for (frame_painted, GUINT_TO_POINTER (before), 1);
}

typedef struct
{
  const char *what;
  GArray *ms;
} Series;

static void
report (guint n_devices, const char *what, GArray *ms)
{
  if (ms->len == 0)
    {
      printf ("%8u  %-40s %9s\n", n_devices, what, "no frame");
      return;
    }
  g_array_sort (ms, rig_bench_compare_doubles);
  printf ("%8u  %-40s %9.1f %9.1f %9.1f %5u\n", n_devices, what,
          g_array_index (ms, double, ms->len / 2),
          g_array_index (ms, double, MIN (ms->len - 1, (guint) ceil (ms->len * 0.95) - 1)),
          g_array_index (ms, double, ms->len - 1), ms->len);
}

/* Runs @input (which must cause a frame), then waits for that frame to be
 * painted; appends the CPU time in between to @ms. */
#define TIME_FRAME(ms, input)                                                                      \
  G_STMT_START                                                                                     \
  {                                                                                                \
    guint before_ = frames_painted;                                                                \
    double t0_ = rig_bench_process_cpu_ms (), t_;                                                  \
    input;                                                                                         \
    if (wait_frame (before_))                                                                      \
      {                                                                                            \
        t_ = rig_bench_process_cpu_ms () - t0_;                                                    \
        g_array_append_val ((ms), t_);                                                             \
      }                                                                                            \
  }                                                                                                \
  G_STMT_END

static void
settle (void)
{
  guint before = frames_painted;

  gtk_widget_queue_draw (GTK_WIDGET (canvas));
  wait_frame (before);
  rig_test_flush_main_loop ();
}

/* The AV receiver nearest the centre of the view. */
static const char *
central_device (void)
{
  RigLayout *layout = rig_canvas_get_layout (canvas);
  int w = gtk_widget_get_width (GTK_WIDGET (canvas)),
      h = gtk_widget_get_height (GTK_WIDGET (canvas));
  g_autoptr (GPtrArray) devices = g_ptr_array_new ();
  const char *best = NULL;
  double best_d = G_MAXDOUBLE, cx, cy;
  RigRect probe;

  rig_canvas_widget_to_canvas (canvas, w / 2.0, h / 2.0, &cx, &cy);
  probe = (RigRect){ cx - 3000, cy - 3000, 6000, 6000 };
  rig_layout_query (layout, &probe, devices, NULL);
  for (guint i = 0; i < devices->len; i++)
    {
      RigDevice *d = g_ptr_array_index (devices, i);
      double dist = hypot (d->x - cx, d->y - cy);

      if (strcmp (d->model->id, "av-receiver") == 0 && dist < best_d)
        {
          best_d = dist;
          best = d->id;
        }
    }
  return best;
}

static void
bench_drag (guint n, const char *device_id)
{
  g_autoptr (GArray) press = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) motion = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) release = g_array_new (FALSE, FALSE, sizeof (double));
  int w = gtk_widget_get_width (GTK_WIDGET (canvas)),
      h = gtk_widget_get_height (GTK_WIDGET (canvas));
  RigRect card;
  double x, y;

  rig_layout_get_card_rect (rig_canvas_get_layout (canvas), device_id, &card);
  rig_canvas_canvas_to_widget (canvas, card.x + card.width / 2, card.y + 10, &x, &y);
  settle ();
  TIME_FRAME (press, rig_canvas_test_press (canvas, x, y, 0));
  for (guint i = 1; i <= STEPS; i++)
    {
      RigDevice *device = rig_document_find_device (window->document, device_id);
      double dx = device->x, dy = device->y;

      guint before = frames_painted;
      double t0 = rig_bench_process_cpu_ms (), t;

      /* A motion that the grid snaps to where the card is causes no frame:
       * only the motions that move it are timed (waiting a second for a
       * frame that does not come would time the next unrelated one). */
      rig_canvas_test_motion (canvas, x + w / 3.0 * i / STEPS, y + h / 5.0 * i / STEPS);
      device = rig_document_find_device (window->document, device_id);
      if ((device->x != dx || device->y != dy) && wait_frame (before))
        {
          t = rig_bench_process_cpu_ms () - t0;
          g_array_append_val (motion, t);
        }
    }
  TIME_FRAME (release, rig_canvas_test_release (canvas, x + w / 3.0, y + h / 5.0));
  report (n, "drag: press frame", press);
  report (n, "drag: motion frames", motion);
  report (n, "drag: release frame", release);
  rig_history_undo (window->history);
  settle ();
}

/* A point of the view (widget px) where a press hits nothing; FALSE if none. */
static gboolean
empty_point (double *x, double *y)
{
  int w = gtk_widget_get_width (GTK_WIDGET (canvas)),
      h = gtk_widget_get_height (GTK_WIDGET (canvas));

  for (int py = h / 8; py < h; py += h / 8)
    for (int px = w / 8; px < w; px += w / 8)
      {
        RigCanvasHit hit;

        _rig_canvas_hit (canvas, px, py, TRUE, &hit);
        if (hit.device == NULL && hit.cable == NULL && hit.jack_id == NULL)
          {
            *x = px;
            *y = py;
            return TRUE;
          }
      }
  return FALSE;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* A press (and its release, untimed) at (x, y): one frame timed into @ms.
 * Then the window stays still for a while, as between a user's clicks (what
 * waits for that, such as rows out of view, is done then). */
static void
time_click (GArray *ms, double x, double y)
{
  settle ();
  TIME_FRAME (ms, rig_canvas_test_press (canvas, x, y, 0));
  rig_canvas_test_release (canvas, x, y);
  settle ();
  rig_test_wait_for (never, NULL, 1);
}

/* Selecting by a click, in rounds over devices in the view: a device while
 * nothing is selected (the inspector shows the device's page instead of the
 * rig's), another device (the page moves to it), then empty space (the
 * rig's page again). */
static void
bench_press (guint n)
{
  g_autoptr (GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) another = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) empty = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GPtrArray) devices = g_ptr_array_new ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);
  int w = gtk_widget_get_width (GTK_WIDGET (canvas)),
      h = gtk_widget_get_height (GTK_WIDGET (canvas));
  double ex, ey;
  RigRect view;

  rig_canvas_widget_to_canvas (canvas, 0, 0, &view.x, &view.y);
  view.width = w / rig_canvas_get_zoom (canvas);
  view.height = h / rig_canvas_get_zoom (canvas);
  rig_layout_query (rig_canvas_get_layout (canvas), &view, devices, NULL);
  if (!empty_point (&ex, &ey))
    return;
  for (guint i = 0; devices->len >= 2 && i < 12; i++)
    {
      double xy[2][2];

      guint picked[2];

      picked[0] = g_rand_int_range (rand, 0, devices->len);
      picked[1] = (picked[0] + g_rand_int_range (rand, 1, devices->len)) % devices->len;
      for (guint k = 0; k < 2; k++)
        {
          RigDevice *d = g_ptr_array_index (devices, picked[k]);
          RigRect card;

          rig_layout_get_card_rect (rig_canvas_get_layout (canvas), d->id, &card);
          rig_canvas_canvas_to_widget (canvas, card.x + card.width / 2, card.y + 10, &xy[k][0],
                                       &xy[k][1]);
        }
      time_click (first, xy[0][0], xy[0][1]);
      time_click (another, xy[1][0], xy[1][1]);
      time_click (empty, ex, ey);
    }
  report (n, "press: a device, nothing selected", first);
  report (n, "press: another device", another);
  report (n, "press: empty space (deselect)", empty);
}

static void
bench_new_cable (guint n)
{
  g_autoptr (GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  RigDocument *doc = window->document;
  int w = gtk_widget_get_width (GTK_WIDGET (canvas)),
      h = gtk_widget_get_height (GTK_WIDGET (canvas));
  g_autoptr (GPtrArray) devices = g_ptr_array_new ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  g_autoptr (GPtrArray) busy = g_ptr_array_new ();
  RigRect view;
  guint tries = 0;

  rig_canvas_widget_to_canvas (canvas, 0, 0, &view.x, &view.y);
  view.width = w / rig_canvas_get_zoom (canvas);
  view.height = h / rig_canvas_get_zoom (canvas);
  rig_layout_query (rig_canvas_get_layout (canvas), &view, devices, NULL);
  while (devices->len >= 2 && ms->len < 20 && tries++ < 4000)
    {
      RigDevice *a = g_ptr_array_index (devices, g_rand_int_range (rand, 0, devices->len));
      RigDevice *b = g_ptr_array_index (devices, g_rand_int_range (rand, 0, devices->len));
      const RigJack *ja = &a->model->jacks[g_rand_int_range (rand, 0, a->model->n_jacks)];
      const RigJack *jb = &b->model->jacks[g_rand_int_range (rand, 0, b->model->n_jacks)];
      gboolean ok = FALSE;

      if (a == b || !rig_jack_is_output (ja) || !rig_jack_is_input (jb)
          || rig_document_get_jack_cables (doc, a->id, ja->id, busy) > 0
          || rig_document_get_jack_cables (doc, b->id, jb->id, busy) > 0)
        continue;
      settle ();
      TIME_FRAME (ms, ok = rig_history_apply (
                          window->history,
                          rig_command_add_cable (a->id, ja->id, b->id, jb->id, NULL, NULL), NULL));
      if (ok)
        {
          rig_history_undo (window->history);
          settle ();
        }
    }
  report (n, "new cable -> recoloured frame", ms);
}

/* The pointer onto a port of a device in the view (it lights up, with its
 * cable), then off into empty space: the frames a user gets moving the
 * mouse over the rig. */
static void
bench_hover (guint n)
{
  g_autoptr (GArray) onto = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) off = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GPtrArray) devices = g_ptr_array_new ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (13);
  RigLayout *layout = rig_canvas_get_layout (canvas);
  double ex, ey;
  RigRect view;

  rig_canvas_widget_to_canvas (canvas, 0, 0, &view.x, &view.y);
  view.width = gtk_widget_get_width (GTK_WIDGET (canvas)) / rig_canvas_get_zoom (canvas);
  view.height = gtk_widget_get_height (GTK_WIDGET (canvas)) / rig_canvas_get_zoom (canvas);
  rig_layout_query (layout, &view, devices, NULL);
  if (devices->len == 0 || !empty_point (&ex, &ey))
    return;
  for (guint i = 0; i < 20; i++)
    {
      RigDevice *d = g_ptr_array_index (devices, g_rand_int_range (rand, 0, devices->len));
      RigPortGeometry port;
      double x, y;

      if (d->model->n_jacks == 0
          || !rig_layout_get_port (layout, d->id, d->model->jacks[0].id, &port))
        continue;
      rig_canvas_canvas_to_widget (canvas, port.anchor.x, port.anchor.y, &x, &y);
      settle ();
      TIME_FRAME (onto, rig_canvas_test_hover (canvas, x, y));
      settle ();
      TIME_FRAME (off, rig_canvas_test_hover (canvas, ex, ey));
    }
  report (n, "hover: onto a port", onto);
  report (n, "hover: off it", off);
}

/* Pans by a third of the view, right then down, to areas not drawn yet. */
static void
bench_pan (guint n)
{
  g_autoptr (GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  int w = gtk_widget_get_width (GTK_WIDGET (canvas)),
      h = gtk_widget_get_height (GTK_WIDGET (canvas));

  for (guint i = 0; i < 20; i++)
    {
      double zoom = rig_canvas_get_zoom (canvas), ox, oy;

      rig_canvas_get_origin (canvas, &ox, &oy);
      settle ();
      TIME_FRAME (ms, rig_canvas_test_set_view (canvas, zoom, ox + (i % 2 ? 0 : w / 3.0 / zoom),
                                                oy + (i % 2 ? h / 3.0 / zoom : 0)));
    }
  report (n, "pan frame (a third of the view)", ms);
}

/* The floor: a frame of the canvas with nothing changed (its cached view
 * copied, the rest of the window as it was). */
static void
bench_redraw (guint n)
{
  g_autoptr (GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < 20; i++)
    {
      settle ();
      TIME_FRAME (ms, gtk_widget_queue_draw (GTK_WIDGET (canvas)));
    }
  report (n, "redraw frame, nothing changed", ms);
}

static void
bench_zoom (guint n)
{
  g_autoptr (GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < 12; i++)
    {
      double zoom = rig_canvas_get_zoom (canvas);

      settle ();
      TIME_FRAME (ms, rig_canvas_set_zoom (canvas, i % 2 ? zoom / 1.25 : zoom * 1.25));
    }
  report (n, "zoom frame (x1.25 in and out)", ms);
}

static RigWindow *
open_window (RigApplication *app, const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  RigWindow *self = RIG_WINDOW (rig_window_new (GTK_APPLICATION (app)));

  if (!rig_window_load_file (self, file, &error))
    g_error ("cannot open the rig: %s", error->message);
  gtk_widget_realize (GTK_WIDGET (self));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  return self;
}

/* TRUE once the window's rig is checked and its cables routed: what the
 * window does right after its first frame (rig-first-frame.h). */
static gboolean
rig_finished (gpointer data)
{
  return !rig_validator_is_pending (window->validator)
         && !rig_layout_is_provisional (rig_canvas_get_layout (canvas));
}

/* From the first frame of a rig to the frame that shows it checked and
 * routed; appends the CPU time to @ms. */
static void
time_finish (GArray *ms)
{
  double t0 = rig_bench_process_cpu_ms (), t;
  guint before;

  if (!rig_test_wait_for (rig_finished, NULL, 30))
    return;
  before = frames_painted;
  if (wait_frame (before) && ms != NULL)
    {
      t = rig_bench_process_cpu_ms () - t0;
      g_array_append_val (ms, t);
    }
}

/* Opens the rig again in the window that shows it (File → Open): from the
 * call to the first frame of the rig, then to its checked frame. */
static void
bench_open (guint n, const char *path)
{
  g_autoptr (GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) load = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) done = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GFile) file = g_file_new_for_path (path);

  for (guint i = 0; i < 5; i++)
    {
      guint before;
      double t0, t1, t2;

      settle ();
      before = frames_painted;
      t0 = rig_bench_process_cpu_ms ();
      if (!rig_window_load_file (window, file, NULL))
        g_error ("cannot open the rig again");
      /* The old rig is freed on another thread (rig-drop.h): counted here,
       * not in the frame. */
      rig_drop_wait ();
      t1 = rig_bench_process_cpu_ms ();
      if (!wait_frame (before))
        continue;
      t2 = rig_bench_process_cpu_ms ();
      g_array_append_vals (first, &(double){ t2 - t0 }, 1);
      g_array_append_vals (load, &(double){ t1 - t0 }, 1);
      g_array_append_vals (paint, &(double){ t2 - t1 }, 1);
      time_finish (done);
      rig_test_flush_main_loop ();
    }
  report (n, "open in the window: first frame", first);
  report (n, "  of which: read, drop the old, set up", load);
  report (n, "  of which: the frame (nothing cached)", paint);
  report (n, "open in the window: checked, routed", done);
}

static gboolean
done_opening (gpointer data)
{
  return !rig_window_is_opening (window);
}

/* Opens the rig again as the user does (the Open dialog: read by a worker
 * thread, rig-window-open.c): the main thread's CPU from the call to the
 * rig's first frame (what the window is held for), and the other threads'
 * (reading the new rig, freeing the old, rig-drop.h). */
static void
bench_open_background (guint n, const char *path)
{
  g_autoptr (GArray) main_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) worker_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GFile) file = g_file_new_for_path (path);

  for (guint i = 0; i < 5; i++)
    {
      guint before;
      double t0, p0, t1, p1;

      settle ();
      t0 = rig_bench_thread_cpu_ms ();
      p0 = rig_bench_process_cpu_ms ();
      rig_window_reload_in_background (window, file);
      if (!rig_test_wait_for (done_opening, NULL, 30))
        g_error ("cannot open the rig again in the background");
      before = frames_painted;
      if (!wait_frame (before))
        continue;
      t1 = rig_bench_thread_cpu_ms ();
      rig_drop_wait ();
      p1 = rig_bench_process_cpu_ms ();
      g_array_append_vals (main_ms, &(double){ t1 - t0 }, 1);
      g_array_append_vals (worker_ms, &(double){ (p1 - p0) - (t1 - t0) }, 1);
      time_finish (NULL);
      rig_test_flush_main_loop ();
    }
  report (n, "open in background: main thread to frame", main_ms);
  report (n, "  other threads: read new, free old", worker_ms);
}

/* The child for one size: start-up, then every kind of frame. */
static int
run_frames (RigApplication *app, guint n, const char *path)
{
  g_autoptr (GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) done = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) fit = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *device_id = NULL;

  TIME_FRAME (first, {
    window = open_window (app, path);
    canvas = window->canvas;
    gtk_window_present (GTK_WINDOW (window));
  });
  time_finish (done);
  rig_test_flush_main_loop ();
  report (n, "new window: first frame", first);
  report (n, "new window: checked, routed frame", done);
  bench_open (n, path);
  bench_open_background (n, path);
  TIME_FRAME (fit, rig_canvas_zoom_to_fit (canvas));
  report (n, "zoom to fit frame", fit);
  printf ("%8u  %-40s %dx%d px at %.0f %%, %u devices, %u cables\n", n, "(view)",
          gtk_widget_get_width (GTK_WIDGET (canvas)), gtk_widget_get_height (GTK_WIDGET (canvas)),
          rig_canvas_get_zoom (canvas) * 100, rig_document_get_n_devices (window->document),
          rig_document_get_n_cables (window->document));
  bench_redraw (n);
  device_id = g_strdup (central_device ());
  if (device_id != NULL)
    bench_drag (n, device_id);
  bench_press (n);
  bench_new_cable (n);
  bench_hover (n);
  bench_pan (n);
  bench_zoom (n);
  printf ("%8u  %-40s %9ld kB\n", n, "peak memory (max RSS)", rig_bench_peak_rss_kb ());
  return 0;
}

static gboolean
pause_over (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

/* The first press in a new window, on the AV receiver nearest the centre
 * of the view, zoomed to fit, once the rig is checked and routed: what
 * GTK, Pango and the fonts do for the first time (the device page's text
 * shaped, glyphs loaded) is in it. At once, or after RIG_BENCH_PAUSE_MS
 * of the window standing still, as a user's hand takes (the inspector
 * makes pages ahead meanwhile). Prints its CPU ms for the parent. */
static int
run_first_press (RigApplication *app, guint n, const char *path)
{
  const char *pause = g_getenv ("RIG_BENCH_PAUSE_MS");
  g_autoptr (GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  const char *device_id;
  guint before = frames_painted;
  RigRect card;
  double x, y;

  window = open_window (app, path);
  canvas = window->canvas;
  gtk_window_present (GTK_WINDOW (window));
  if (!wait_frame (before))
    return 1;
  time_finish (NULL);
  TIME_FRAME (ms, rig_canvas_zoom_to_fit (canvas));
  settle ();
  device_id = central_device ();
  if (device_id == NULL
      || !rig_layout_get_card_rect (rig_canvas_get_layout (canvas), device_id, &card))
    return 1;
  rig_canvas_canvas_to_widget (canvas, card.x + card.width / 2, card.y + 10, &x, &y);
  if (pause != NULL)
    {
      gint64 end = g_get_monotonic_time () + g_ascii_strtoll (pause, NULL, 10) * 1000;

      rig_test_wait_for (pause_over, &end, 60);
    }
  g_array_set_size (ms, 0);
  TIME_FRAME (ms, rig_canvas_test_press (canvas, x, y, 0));
  rig_canvas_test_release (canvas, x, y);
  if (ms->len == 0)
    return 1;
  printf ("%.3f\n", g_array_index (ms, double, 0));
  return 0;
}

/* Start-up to the first frame, as CPU time of a fresh process: everything
 * from exec (linking, GTK, the catalog, the file) to the painted frame. */
static int
run_startup (RigApplication *app, guint n, const char *path)
{
  struct rusage usage;
  guint before = frames_painted;

  g_autoptr (GArray) done = g_array_new (FALSE, FALSE, sizeof (double));

  window = open_window (app, path);
  canvas = window->canvas;
  gtk_window_present (GTK_WINDOW (window));
  if (!wait_frame (before))
    return 1;
  getrusage (RUSAGE_SELF, &usage);
  printf ("%8u  %-40s %9.1f ms CPU\n", n, "start-up to first frame",
          usage.ru_utime.tv_sec * 1e3 + usage.ru_utime.tv_usec / 1e3 + usage.ru_stime.tv_sec * 1e3
              + usage.ru_stime.tv_usec / 1e3);
  /* What follows the first frame: the check and the routes, and the frame
   * that shows them (rig-first-frame.h). */
  time_finish (done);
  if (done->len > 0)
    printf ("%8u  %-40s %9.1f ms CPU\n", n, "  then to the checked, routed frame",
            g_array_index (done, double, 0));
  return 0;
}

/* The environment of a child run of this program: @mode, for @n devices,
 * on the rig at @path. */
static GStrv
child_environ (const char *mode, guint n, const char *path)
{
  g_autofree char *size = g_strdup_printf ("%u", n);
  GStrv envp = g_get_environ ();

  envp = g_environ_setenv (envp, "RIG_BENCH_CHILD", mode, TRUE);
  envp = g_environ_setenv (envp, "RIG_BENCH_SIZE", size, TRUE);
  envp = g_environ_setenv (envp, "RIG_BENCH_FILE", path, TRUE);
  return g_environ_unsetenv (envp, "G_MESSAGES_DEBUG");
}

/* The first press in a new window (run_first_press()), each in a process
 * of its own: cold each time, as a window is once; at once, or after
 * @pause_ms of the window standing still. */
#define FIRST_PRESS_RUNS 5

static void
bench_first_press (const char *self, guint n, const char *path, guint pause_ms)
{
  g_autoptr (GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  const char *argv[] = { self, NULL };
  g_auto (GStrv) envp = child_environ ("first-press", n, path);
  g_autofree char *pause = g_strdup_printf ("%u", pause_ms);
  g_autofree char *what = pause_ms == 0
                              ? g_strdup ("first press in a new window (cold)")
                              : g_strdup_printf ("  the same after %u ms still", pause_ms);

  if (pause_ms > 0)
    envp = g_environ_setenv (envp, "RIG_BENCH_PAUSE_MS", pause, TRUE);

  for (guint i = 0; i < FIRST_PRESS_RUNS; i++)
    {
      g_autofree char *out = NULL;
      int status = 0;

      if (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL, &out,
                        NULL, &status, NULL)
          && g_spawn_check_wait_status (status, NULL) && out != NULL)
        {
          double v = g_ascii_strtod (out, NULL);

          g_array_append_val (ms, v);
        }
    }
  report (n, what, ms);
}

static void
spawn_child (const char *self, const char *mode, guint n, const char *path)
{
  const char *argv[] = { self, NULL };
  g_auto (GStrv) envp = child_environ (mode, n, path);
  g_autoptr (GError) error = NULL;
  int status = 0;

  fflush (stdout);
  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL, NULL,
                     NULL, &status, &error)
      || !g_spawn_check_wait_status (status, NULL))
    printf ("%8u  %-40s failed%s%s\n", n, mode, error ? ": " : "", error ? error->message : "");
}

int
main (int argc, char **argv)
{
  const char *child = g_getenv ("RIG_BENCH_CHILD");
  const char *sizes_env = g_getenv ("RIG_BENCH_SIZES");
  g_auto (GStrv) sizes = g_strsplit (sizes_env ? sizes_env : "0 1000 10000", " ", -1);
  RigApplication *app;

  if (child != NULL)
    {
      guint n = (guint) atoi (g_getenv ("RIG_BENCH_SIZE"));
      const char *path = g_getenv ("RIG_BENCH_FILE");

      /* As rig_test_app_init(), without the test framework's output. */
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/rigwire-test-bus", TRUE);
      if (!gtk_init_check ())
        return 1;
      if (strcmp (child, "write") == 0)
        {
          write_rig (n, path);
          return 0;
        }
      app = rig_application_new ();
      g_application_set_flags (G_APPLICATION (app), g_application_get_flags (G_APPLICATION (app))
                                                        | G_APPLICATION_NON_UNIQUE);
      if (!g_application_register (G_APPLICATION (app), NULL, NULL))
        return 1;
      if (strcmp (child, "first-press") == 0)
        return run_first_press (app, n, path);
      return strcmp (child, "startup") == 0 ? run_startup (app, n, path)
                                            : run_frames (app, n, path);
    }

  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-canvas: no display (run it under Xvfb)\n");
      return 1;
    }
  printf ("Canvas benchmark: the editor's window at its default size, frames through GTK's frame\n"
          "clock, CPU ms from the input to the painted frame; %d cores. Rigs of catalog models,\n"
          "two cable ends per device; each size in its own process.\n\n",
          g_get_num_processors ());
  printf ("%8s  %-40s %9s %9s %9s %5s\n", "devices", "frame", "median", "p95", "max", "n");
  for (guint i = 0; sizes[i] != NULL; i++)
    {
      guint n = (guint) atoi (sizes[i]);
      g_autofree char *path
          = g_build_filename (g_get_tmp_dir (), "rigwire-bench-canvas-XXXXXX.rigwire", NULL);
      int fd = g_mkstemp (path);

      if (fd < 0)
        continue;
      close (fd);
      spawn_child (argv[0], "write", n, path);
      spawn_child (argv[0], "startup", n, path);
      if (n > 0)
        {
          spawn_child (argv[0], "frames", n, path);
          bench_first_press (argv[0], n, path, 0);
          bench_first_press (argv[0], n, path, 1000);
        }
      g_unlink (path);
    }
  return 0;
}
