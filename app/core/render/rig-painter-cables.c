/* rig-painter-cables.c: the painter's cables (rig-painter.c draws the rest):
 * their strokes in the colour of their verdict, their numbers and badges,
 * and the wire a connect-drag pulls. */
#include "config.h"

#include <string.h>

#include "rig-painter-private.h"

static RigSeverity
cable_status (RigPainter *self, const RigCable *cable)
{
  return self->validator != NULL ? rig_validator_get_cable_status (self->validator, cable->id)
                                 : RIG_SEVERITY_NONE;
}

RigSeverity
rig_painter_get_cable_status (RigPainter *self, const RigCable *cable)
{
  return cable_status (self, cable);
}

/* The signal a cable carries, from its FROM jack. */
static RigSignal
cable_signal (RigPainter *self, const RigCable *cable)
{
  const RigJack *jack = rig_document_cable_jack (self->document, cable, RIG_END_FROM);

  return jack != NULL ? jack->signal : RIG_SIGNAL_LINE_CONSUMER;
}

static double
cable_width (RigPainter *self, const RigCable *cable)
{
  switch (cable_signal (self, cable))
    {
      case RIG_SIGNAL_SPEAKER:
        return 3.2;
      case RIG_SIGNAL_POWER:
        return 2.0;
      case RIG_SIGNAL_MIC:
      case RIG_SIGNAL_INSTRUMENT:
      case RIG_SIGNAL_LINE_CONSUMER:
      case RIG_SIGNAL_LINE_PRO:
      case RIG_SIGNAL_PHONO:
      case RIG_SIGNAL_HEADPHONE:
      case RIG_SIGNAL_SPDIF:
      case RIG_SIGNAL_USB_AUDIO:
      case RIG_SIGNAL_BLUETOOTH:
      case RIG_N_SIGNALS:
      default:
        return 2.4;
    }
}

static void
curve_path (cairo_t *cr, const RigPoint c[4])
{
  cairo_new_path (cr);
  cairo_move_to (cr, c[0].x, c[0].y);
  cairo_curve_to (cr, c[1].x, c[1].y, c[2].x, c[2].y, c[3].x, c[3].y);
}

/* The squared distance from @q to the segment from @a to @b. */
static double
segment_distance2 (const RigPoint *q, const RigPoint *a, const RigPoint *b)
{
  double dx = b->x - a->x, dy = b->y - a->y, len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((q->x - a->x) * dx + (q->y - a->y) * dy) / len2 : 0;
  double ex, ey;

  t = CLAMP (t, 0, 1);
  ex = a->x + t * dx - q->x;
  ey = a->y + t * dy - q->y;
  return ex * ex + ey * ey;
}

/* At most this many points left out in a row (each is checked again
 * against every later segment). */
#define MAX_SKIPPED 24

/* A cable's route: a polyline whose rounded corners are flattened finely
 * enough to look round at any zoom the canvas allows. A point is left out
 * while every point left out since the last one drawn lies within
 * @tolerance (canvas units) of the straight line from that one to the next:
 * zoomed far out, a corner's dozen points fall within a fraction of a device
 * pixel of its two sides, and every point costs a vector file bytes and a
 * rasteriser work. */
static void
polyline_path (cairo_t *cr, const RigPoint *p, guint n, double tolerance)
{
  double t2 = tolerance * tolerance;
  guint last = 0;

  cairo_move_to (cr, p[0].x, p[0].y);
  for (guint i = 1; i + 1 < n; i++)
    {
      gboolean skip = i - last <= MAX_SKIPPED;

      for (guint j = last + 1; skip && j <= i; j++)
        skip = segment_distance2 (&p[j], &p[last], &p[i + 1]) < t2;
      if (skip)
        continue;
      cairo_line_to (cr, p[i].x, p[i].y);
      last = i;
    }
  if (n > 1)
    cairo_line_to (cr, p[n - 1].x, p[n - 1].y);
}

/* Cables drawn with one stroke each, alike and one after the other, are
 * stroked as one path: no casing lies between them and their ink is opaque,
 * so the pixels are the same (dashes restart at each cable's start, as
 * before), but a vector file holds far fewer paths. At most RUN_MAX cables
 * a path: a raster surface fills a path of thousands of cables more slowly
 * than its pieces (10k cables, PNG: 0.69 against 0.62 s of CPU), and a
 * vector file gains little from longer runs. */
#define RUN_MAX 64

typedef struct
{
  guint n; /* cables in the current path */
  guint32 rgb;
  double width;
  RigSeverity status;
} Run;

static void
run_flush (cairo_t *cr, Run *run, double zoom)
{
  if (run->n == 0)
    return;
  rig_marks_set_rgb (cr, run->rgb);
  cairo_set_line_width (cr, run->width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  _rig_painter_set_status_dash (cr, run->status, run->width, zoom);
  rig_marks_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  run->n = 0;
}

/* Adds a cable drawn with a single stroke to @run. */
static void
run_add (RigPainter *self, cairo_t *cr, Run *run, RigSeverity status, double w, double zoom)
{
  guint32 rgb = rig_painter_status_color (self, status);

  if (run->n >= (self->max_run > 0 ? self->max_run : RUN_MAX)
      || (run->n > 0 && (run->rgb != rgb || run->width != w || run->status != status)))
    run_flush (cr, run, zoom);
  run->rgb = rgb;
  run->width = w;
  run->status = status;
  run->n++;
}

static void
stroke_cable (RigPainter *self, cairo_t *cr, const RigCable *cable, RigSeverity status, double zoom,
              Run *run)
{
  const RigPoint *path;
  guint n_path;
  double w = line_width (cable_width (self, cable), 1.0, zoom);
  /* Sets looked into only when they hold something: each look hashes the
   * id, for every cable of a large rig. */
  gboolean selected = g_hash_table_size (self->sel_cables) > 0
                      && g_hash_table_contains (self->sel_cables, cable->id);
  gboolean hovered = self->hover_cable != NULL && strcmp (self->hover_cable, cable->id) == 0;
  gboolean highlighted = g_hash_table_size (self->hl_cables) > 0
                         && g_hash_table_contains (self->hl_cables, cable->id);
  /* A light casing separates cables where they cross. */
  gboolean casing = zoom * self->lod_scale >= 0.4;
  gboolean hollow = cable->spec.kind == RIG_CABLE_KIND_WIRELESS && status != RIG_SEVERITY_WARNING;
  /* A quarter of a device pixel. */
  double tolerance = 0.25 / (zoom * self->lod_scale);

  if (!rig_layout_get_cable_path (self->layout, cable->id, &path, &n_path) || n_path < 2)
    return;

  if (!selected && !hovered && !highlighted && !casing && !hollow)
    {
      run_add (self, cr, run, status, w, zoom);
      polyline_path (cr, path, n_path, tolerance);
      return;
    }
  run_flush (cr, run, zoom);
  cairo_new_path (cr);
  polyline_path (cr, path, n_path, tolerance);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (highlighted)
    {
      set_rgba (cr, paint_color (self, RIG_PAINTER_COLOR_HIGHLIGHT), self->greyscale ? 0.5 : 0.8);
      cairo_set_line_width (cr, w + line_width (9, 5, zoom));
      rig_marks_stroke_preserve (cr);
    }
  if (selected || hovered)
    {
      set_rgba (cr, paint_color (self, RIG_PAINTER_COLOR_ACCENT), selected ? 0.38 : 0.18);
      cairo_set_line_width (cr, w + line_width (8, 4, zoom));
      rig_marks_stroke_preserve (cr);
    }
  if (casing)
    {
      set_rgba (cr, paint_color (self, 0xFFFFFF), 0.9);
      cairo_set_line_width (cr, w + 3);
      rig_marks_stroke_preserve (cr);
    }

  rig_marks_set_rgb (cr, rig_painter_status_color (self, status));
  cairo_set_line_width (cr, w);
  _rig_painter_set_status_dash (cr, status, w, zoom);
  if (hollow)
    {
      /* A wireless link is a hollow line: no copper. */
      cairo_set_line_width (cr, w * 1.6);
      rig_marks_stroke_preserve (cr);
      rig_marks_set_rgb (cr, paint_color (self, 0xFFFFFF));
      cairo_set_line_width (cr, w * 0.6);
    }
  rig_marks_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* The cables the student marks as faulty (a find-the-fault exercise). */
static char **
exercise_marks (RigPainter *self)
{
  const RigExercise *exercise = rig_document_get_exercise (rig_painter_get_document (self));

  return exercise != NULL ? exercise->marked_cables : NULL;
}

void
_rig_painter_label_cable (RigPainter *self, cairo_t *cr, const RigCable *cable, RigSeverity status,
                          double zoom)
{
  RigPoint p;
  double badge_r;

  if (!rig_layout_get_cable_label_point (self->layout, cable->id, &p))
    return;

  if (zoom * self->lod_scale >= RIG_PAINTER_LOD_GLYPHS && cable->number != NULL
      && *cable->number != '\0')
    {
      PangoLayout *layout
          = _rig_painter_text_layout (self, FONT_NUMBER, cable->number, -1, PANGO_ALIGN_LEFT);
      double tw, th, w, h = 16;
      guint32 edge = status == RIG_SEVERITY_NONE ? paint_color (self, 0xC0BFBC)
                                                 : rig_painter_status_color (self, status);
      gboolean selected = g_hash_table_contains (self->sel_cables, cable->id);

      rig_text_size (layout, &tw, &th);
      w = tw + 12;
      if (selected)
        {
          rig_marks_rounded_rect (cr, p.x - w / 2 - 2.5, p.y - h / 2 - 2.5, w + 5, h + 5,
                                  h / 2 + 2.5);
          set_rgba (cr, paint_color (self, RIG_PAINTER_COLOR_ACCENT), 0.45);
          cairo_fill (cr);
        }
      rig_marks_rounded_rect (cr, p.x - w / 2, p.y - h / 2, w, h, h / 2);
      rig_marks_set_rgb (cr, paint_color (self, 0xFFFFFF));
      cairo_fill_preserve (cr);
      rig_marks_set_rgb (cr, edge);
      cairo_set_line_width (cr, line_width (status == RIG_SEVERITY_NONE ? 1 : 1.5, 1, zoom));
      rig_marks_stroke (cr);
      rig_marks_set_rgb (cr, paint_color (self, 0x241F31));
      _rig_painter_show_text (cr, layout, p.x - tw / 2, p.y - th / 2);
      badge_r = BADGE_RADIUS;
      _rig_painter_draw_badge (self, cr, p.x - w / 2 - badge_r * 0.55, p.y, badge_r, status, zoom);
      /* Marked faulty by the student (find the fault): a flag after it. */
      if (rig_exercise_strv_has (exercise_marks (self), cable->id))
        rig_marks_flag (cr, p.x + w / 2 + 4, p.y, 14, paint_color (self, 0x241F31));
    }
  else if (status != RIG_SEVERITY_NONE)
    {
      /* Far out: the badge alone, at a size that stays visible. */
      badge_r = MAX (BADGE_RADIUS, 3.5 / zoom);
      _rig_painter_draw_badge (self, cr, p.x, p.y, badge_r, status, zoom);
    }
}

/* Problems on top: @cables by status, in document order within a status
 * (a counting sort, each cable's status asked once), and each one's status
 * into @statuses, in the new order. */
static void
order_by_status (RigPainter *self, GPtrArray *cables, GByteArray *statuses)
{
  guint start[RIG_N_SEVERITIES + 1] = { 0 };
  g_autofree guint8 *rank = g_new (guint8, cables->len);
  g_autofree gpointer *sorted = g_new (gpointer, cables->len);

  for (guint i = 0; i < cables->len; i++)
    {
      rank[i]
          = MIN ((guint) cable_status (self, g_ptr_array_index (cables, i)), RIG_N_SEVERITIES - 1);
      start[rank[i] + 1]++;
    }
  for (guint r = 1; r <= RIG_N_SEVERITIES; r++)
    start[r] += start[r - 1];
  for (guint i = 0; i < cables->len; i++)
    {
      statuses->data[start[rank[i]]] = rank[i];
      sorted[start[rank[i]]++] = g_ptr_array_index (cables, i);
    }
  memcpy (cables->pdata, sorted, cables->len * sizeof (gpointer));
}

void
_rig_painter_set_max_run (RigPainter *self, guint max_run)
{
  self->max_run = max_run;
}

void
_rig_painter_stroke_cables (RigPainter *self, cairo_t *cr, GPtrArray *cables, GByteArray *statuses,
                            double zoom)
{
  Run run = { 0 };

  g_byte_array_set_size (statuses, cables->len);
  if (cables->len > 0 && self->validator != NULL)
    order_by_status (self, cables, statuses);
  else if (cables->len > 0)
    memset (statuses->data, RIG_SEVERITY_NONE, cables->len);
  cairo_new_path (cr);
  for (guint i = 0; i < cables->len; i++)
    stroke_cable (self, cr, g_ptr_array_index (cables, i), statuses->data[i], zoom, &run);
  run_flush (cr, &run, zoom);
  cairo_new_path (cr);
}

void
rig_painter_draw_wire (RigPainter *self, cairo_t *cr, const RigPoint curve[4], int status,
                       double zoom)
{
  double w = line_width (2.4, 1.2, zoom);

  cairo_save (cr);
  curve_path (cr, curve);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  set_rgba (cr, paint_color (self, 0xFFFFFF), 0.9);
  cairo_set_line_width (cr, w + 3);
  rig_marks_stroke_preserve (cr);
  if (status < 0)
    {
      double dashes[] = { 6, 4 };
      rig_marks_set_rgb (cr, paint_color (self, RIG_PAINTER_COLOR_ACCENT));
      cairo_set_dash (cr, dashes, 2, 0);
    }
  else
    {
      rig_marks_set_rgb (cr, _rig_painter_verdict_color (self, (RigSeverity) status));
      _rig_painter_set_status_dash (cr, (RigSeverity) status, w, zoom);
    }
  cairo_set_line_width (cr, w);
  rig_marks_stroke (cr);
  cairo_new_path (cr);
  cairo_arc (cr, curve[3].x, curve[3].y, line_width (3.5, 2.5, zoom), 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_restore (cr);
}
