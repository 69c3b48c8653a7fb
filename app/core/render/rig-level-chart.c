/* rig-level-chart.c: a signal path's level diagram (rig-level-chart.h).
 *
 * Levels are drawn in dBu (physics.md §4.1: dBu = 20·log10(V / 0.775 V),
 * dBV = 20·log10(V / 1 V), so 0 dBV = +2.2 dBu). */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "rig-colors.h"
#include "rig-level-chart.h"
#include "rig-levels.h"
#include "rig-marks.h"
#include "rig-painter.h"
#include "rig-text-cache.h"
#include "rig-units.h"

/* Base sizes, in units before the chart's unit scales them. */
#define AXIS_W 40.0
#define TOP_PAD 20.0
#define END_W 104.0
#define GAP 4.0
#define BADGE_R 5.5
#define MIN_PLOT 24.0
#define TEXT_CACHE_MAX 2000

/* Light-style colours (rig-colors.c maps them for the dark style). */
#define INK 0x2E2E33
#define INK_SOFT 0x77767B
#define GRID 0xDEDDDA
#define AXIS 0x9A9996
#define NOMINAL RIG_PAINTER_COLOR_ACCENT
#define PEAK 0x99C1F1
#define PEAK_DARK 0x2A4F7A
#define NOISE 0xC0BFBC
#define CARD 0xFFFFFF

typedef enum
{
  F_LABEL,
  F_SMALL,
  F_BIG,
  N_FONTS
} Font;

struct _RigLevelChart
{
  RigTextCache *texts;
  double unit;
  gboolean dark, high_contrast, greyscale;
};

RigLevelChart *
rig_level_chart_new (double unit)
{
  RigLevelChart *self = g_new0 (RigLevelChart, 1);
  const char *sans = "Cantarell, DejaVu Sans, Sans";

  self->unit = unit > 0 ? unit : 1;
  /* Sizes are given in the caller's units, so the resolution is only Pango's
   * conversion: 72 makes one unit one point. */
  self->texts = rig_text_cache_new (72, TEXT_CACHE_MAX);
  rig_text_cache_set_font (self->texts, F_LABEL, sans, 8.5 * self->unit, PANGO_WEIGHT_BOLD,
                           RIG_TEXT_FONT_LABEL);
  rig_text_cache_set_font (self->texts, F_SMALL, sans, 7.5 * self->unit, PANGO_WEIGHT_NORMAL,
                           RIG_TEXT_FONT_LABEL);
  rig_text_cache_set_font (self->texts, F_BIG, sans, 12 * self->unit, PANGO_WEIGHT_BOLD,
                           RIG_TEXT_FONT_LABEL);
  return self;
}

void
rig_level_chart_free (RigLevelChart *self)
{
  if (self == NULL)
    return;
  rig_text_cache_free (self->texts);
  g_free (self);
}

void
rig_level_chart_set_style (RigLevelChart *self, gboolean dark, gboolean high_contrast)
{
  self->dark = dark;
  self->high_contrast = high_contrast;
}

void
rig_level_chart_set_greyscale (RigLevelChart *self, gboolean greyscale)
{
  self->greyscale = greyscale;
}

/* ---- colours and text -------------------------------------------------- */

static void
set_ink (RigLevelChart *self, cairo_t *cr, guint32 rgb, double alpha)
{
  guint32 c;

  if (self->greyscale)
    c = rig_marks_grey (rgb);
  else if (rgb == PEAK && self->dark)
    c = PEAK_DARK;
  else
    c = rig_colors_for_style (rgb, self->dark, self->high_contrast);
  cairo_set_source_rgba (cr, ((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0,
                         (c & 0xff) / 255.0, alpha);
}

static PangoLayout *
text (RigLevelChart *self, Font font, const char *str, double width, PangoAlignment align)
{
  return rig_text_cache_layout (self->texts, font, str, width, 1, align);
}

static double
text_height (RigLevelChart *self, Font font)
{
  double h;

  rig_text_size (text (self, font, "Ag", -1, PANGO_ALIGN_LEFT), NULL, &h);
  return h;
}

static double
text_width (RigLevelChart *self, Font font, const char *str)
{
  double w;

  rig_text_size (text (self, font, str, -1, PANGO_ALIGN_LEFT), &w, NULL);
  return w;
}

/* Draws one line of text in the box from (x, y) @width wide (<= 0: as wide
 * as it is), aligned in it. */
static void
put (RigLevelChart *self, cairo_t *cr, Font font, guint32 ink, const char *str, double x, double y,
     double width, PangoAlignment align)
{
  if (str == NULL || *str == '\0')
    return;
  set_ink (self, cr, ink, 1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, text (self, font, str, width, align));
}

/* A level in dB with its sign: "+4", "−7.8", "0". */
static char *
signed_db (double db)
{
  char buf[32];

  /* Unknown, or a digital stage (no voltage to speak of). */
  if (!isfinite (db))
    return g_strdup ("?");
  g_snprintf (buf, sizeof buf, "%.1f", fabs (db));
  if (g_str_has_suffix (buf, ".0"))
    buf[strlen (buf) - 2] = '\0';
  if (strcmp (buf, "0") == 0)
    return g_strdup ("0");
  return g_strconcat (db < 0 ? "−" : "+", buf, NULL);
}

static double
dbu (double volts)
{
  return volts > 0 ? rig_level_dbu (volts) : NAN;
}

/* ---- geometry ---------------------------------------------------------- */

gboolean
rig_level_chart_stage_clips (const RigTraceStage *stage)
{
  if (!(stage->clip_v > 0) || !(stage->peak_v > 0))
    return FALSE;
  return stage->peak_v > stage->clip_v * (1 + 1e-9);
}

double
rig_level_chart_stage_headroom (const RigTraceStage *stage)
{
  if (isfinite (stage->headroom_db))
    return stage->headroom_db;
  if (stage->clip_v > 0 && stage->peak_v > 0)
    return 20 * log10 (stage->clip_v / stage->peak_v);
  return NAN;
}

static void
widen (double value, double *lo, double *hi)
{
  if (isfinite (value))
    {
      *lo = MIN (*lo, value);
      *hi = MAX (*hi, value);
    }
}

/* The scale: every level of the path, rounded out to 10 dB with room above
 * the highest for its badge, at least 30 dB tall. */
static void
scale_range (const RigTracePath *path, double *top, double *bottom)
{
  double lo = INFINITY, hi = -INFINITY;

  for (guint i = 0; i < path->n_stages; i++)
    {
      const RigTraceStage *s = &path->stages[i];

      widen (dbu (s->nominal_v), &lo, &hi);
      widen (dbu (s->peak_v), &lo, &hi);
      widen (dbu (s->clip_v), &lo, &hi);
      widen (dbu (s->noise_v), &lo, &hi);
    }
  if (!isfinite (lo))
    {
      lo = -40;
      hi = 20;
    }
  *top = ceil ((hi + 4) / 10) * 10;
  *bottom = floor ((lo - 6) / 10) * 10;
  if (*top - *bottom < 30)
    *bottom = *top - 30;
}

static double
label_rows_height (RigLevelChart *self)
{
  return GAP * self->unit + text_height (self, F_SMALL) * 2 + text_height (self, F_LABEL);
}

static double
legend_height (RigLevelChart *self)
{
  return text_height (self, F_SMALL) + 2 * GAP * self->unit;
}

static gboolean
has_loudness (const RigTracePath *path)
{
  return isfinite (path->spl_peak_db) || isfinite (path->spl_nominal_db);
}

gboolean
rig_level_chart_get_geometry (RigLevelChart *self, const RigTracePath *path, double x, double y,
                              double width, double height, RigLevelChartGeometry *geometry)
{
  RigLevelChartGeometry g = { 0 };
  double u = self->unit;
  double end_w = has_loudness (path) ? END_W * u : GAP * u;

  g_return_val_if_fail (self != NULL && path != NULL && geometry != NULL, FALSE);

  g.n_stages = path->n_stages;
  g.plot_x = x + AXIS_W * u;
  g.plot_y = y + TOP_PAD * u;
  g.plot_width = width - AXIS_W * u - end_w;
  g.plot_height = height - TOP_PAD * u - label_rows_height (self) - legend_height (self);
  scale_range (path, &g.top_dbu, &g.bottom_dbu);
  if (g.n_stages > 0)
    {
      g.column_width = g.plot_width / g.n_stages;
      g.bar_width = MIN (g.column_width * 0.4, 36 * u);
    }
  *geometry = g;
  return g.n_stages > 0 && g.plot_width >= MIN_PLOT * u && g.plot_height >= MIN_PLOT * u;
}

double
rig_level_chart_geometry_y (const RigLevelChartGeometry *g, double level_dbu)
{
  return g->plot_y + (g->top_dbu - level_dbu) / (g->top_dbu - g->bottom_dbu) * g->plot_height;
}

double
rig_level_chart_geometry_bar_x (const RigLevelChartGeometry *g, guint stage)
{
  return g->plot_x + (stage + 0.5) * g->column_width - g->bar_width / 2;
}

/* A level's height, kept inside the plot. */
static double
plot_y (const RigLevelChartGeometry *g, double level_dbu)
{
  return CLAMP (rig_level_chart_geometry_y (g, level_dbu), g->plot_y, g->plot_y + g->plot_height);
}

/* ---- the scale --------------------------------------------------------- */

static void
draw_axis (RigLevelChart *self, cairo_t *cr, const RigLevelChartGeometry *g)
{
  double u = self->unit, step = g->top_dbu - g->bottom_dbu > 80 ? 20 : 10;
  double th = text_height (self, F_SMALL);

  cairo_set_line_width (cr, 0.6 * u);
  for (double level = floor (g->top_dbu / step) * step; level >= g->bottom_dbu - 0.01;
       level -= step)
    {
      double ly = round (rig_level_chart_geometry_y (g, level)) + 0.5;
      g_autofree char *label = signed_db (level);

      set_ink (self, cr, level == 0 ? AXIS : GRID, 1);
      cairo_move_to (cr, g->plot_x, ly);
      cairo_line_to (cr, g->plot_x + g->plot_width, ly);
      cairo_stroke (cr);
      put (self, cr, F_SMALL, INK_SOFT, label, g->plot_x - AXIS_W * u, ly - th / 2,
           (AXIS_W - GAP) * u, PANGO_ALIGN_RIGHT);
    }
  put (self, cr, F_SMALL, INK_SOFT, "dBu", g->plot_x - AXIS_W * u, g->plot_y - TOP_PAD * u,
       (AXIS_W - GAP) * u, PANGO_ALIGN_RIGHT);
  set_ink (self, cr, AXIS, 1);
  cairo_move_to (cr, g->plot_x + 0.5, g->plot_y);
  cairo_line_to (cr, g->plot_x + 0.5, g->plot_y + g->plot_height);
  cairo_stroke (cr);
}

/* ---- one stage --------------------------------------------------------- */

/* Diagonal lines over the current path (kept), @gap apart. */
static void
stripes (RigLevelChart *self, cairo_t *cr, double x, double y, double w, double h, double gap,
         double line_width)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_new_path (cr);
  for (double d = -h; d < w; d += gap)
    {
      cairo_move_to (cr, x + d, y + h);
      cairo_line_to (cr, x + d + h, y);
    }
  cairo_set_line_width (cr, line_width * self->unit);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The bar: solid to the nominal level, lighter to the peaks, striped in the
 * error colour over the clipping point; hatched where assumed. */
static void
draw_bar (RigLevelChart *self, cairo_t *cr, const RigLevelChartGeometry *g, guint i,
          const RigTraceStage *s)
{
  double u = self->unit, bx = rig_level_chart_geometry_bar_x (g, i), bw = g->bar_width;
  double base = g->plot_y + g->plot_height;
  double nominal = dbu (s->nominal_v), peak = dbu (s->peak_v);
  double top = isfinite (peak) ? plot_y (g, peak) : isfinite (nominal) ? plot_y (g, nominal) : base;
  double ny = isfinite (nominal) ? plot_y (g, nominal) : base;

  if (top >= base)
    return;
  set_ink (self, cr, PEAK, 1);
  cairo_rectangle (cr, bx, top, bw, ny - top);
  cairo_fill (cr);
  set_ink (self, cr, NOMINAL, 1);
  cairo_rectangle (cr, bx, ny, bw, base - ny);
  cairo_fill (cr);

  if (s->assumed & (RIG_TRACE_ASSUMED_NOMINAL | RIG_TRACE_ASSUMED_PEAK | RIG_TRACE_ASSUMED_GAIN))
    {
      static const double dash[] = { 3, 2 };
      double d[2] = { dash[0] * u, dash[1] * u };

      set_ink (self, cr, CARD, 0.75);
      stripes (self, cr, bx, top, bw, base - top, 4.5 * u, 1.2);
      set_ink (self, cr, INK, 1);
      cairo_set_dash (cr, d, 2, 0);
      cairo_set_line_width (cr, 0.8 * u);
      cairo_rectangle (cr, bx + 0.4 * u, top + 0.4 * u, bw - 0.8 * u, base - top - 0.8 * u);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  if (rig_level_chart_stage_clips (s))
    {
      double cy = plot_y (g, dbu (s->clip_v));

      set_ink (self, cr, RIG_PAINTER_COLOR_ERROR, 1);
      cairo_rectangle (cr, bx, top, bw, cy - top);
      cairo_fill (cr);
      set_ink (self, cr, CARD, 1);
      stripes (self, cr, bx, top, bw, cy - top, 5 * u, 1.6);
    }
}

/* An input's clipping point (dashed, with its headroom) or an output's
 * most (dotted), across the column. */
static void
draw_clip_line (RigLevelChart *self, cairo_t *cr, const RigLevelChartGeometry *g, guint i,
                const RigTraceStage *s)
{
  double u = self->unit, cx0 = g->plot_x + i * g->column_width + 2 * u;
  double cw = g->column_width - 4 * u, level = dbu (s->clip_v), ly,
         th = text_height (self, F_SMALL);
  double dash[2];
  g_autofree char *value = signed_db (level);
  g_autofree char *label = NULL;
  double headroom = rig_level_chart_stage_headroom (s);
  const char *star = (s->assumed & RIG_TRACE_ASSUMED_CLIP) ? "*" : "";

  if (!isfinite (level) || level > g->top_dbu || level < g->bottom_dbu)
    return;
  ly = rig_level_chart_geometry_y (g, level);
  dash[0] = (s->is_input ? 5 : 1.2) * u;
  dash[1] = (s->is_input ? 3 : 2.4) * u;
  cairo_set_dash (cr, dash, 2, 0);
  cairo_set_line_width (cr, (s->is_input ? 1.6 : 1.2) * u);
  set_ink (self, cr, s->is_input ? RIG_PAINTER_COLOR_ERROR : INK_SOFT, 1);
  cairo_move_to (cr, cx0, ly);
  cairo_line_to (cr, cx0 + cw, ly);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  if (!s->is_input && rig_level_chart_stage_clips (s))
    {
      g_autofree char *over = rig_units_db (-headroom);
      /* Translators: on the level chart, an output's most and by how much
       * the signal would pass it: "max +31 · 3.2 dB over". */
      label = g_strdup_printf (_ ("max %s%s · %s dB over"), value, star, over);
    }
  else if (!s->is_input)
    /* Translators: an output's most, on the level chart: "max +8.2". */
    label = g_strdup_printf (_ ("max %s%s"), value, star);
  else if (isfinite (headroom) && headroom < 0)
    {
      g_autofree char *over = rig_units_db (-headroom);
      /* Translators: on the level chart, where an input clips and by how
       * much its peaks pass it: "clips +6 · 3.5 dB over". */
      label = g_strdup_printf (_ ("clips %s%s · %s dB over"), value, star, over);
    }
  else if (isfinite (headroom))
    {
      g_autofree char *room = rig_units_db (headroom);
      /* Translators: on the level chart, where an input clips and the
       * headroom its peaks leave: "clips +6 · 4 dB headroom". */
      label = g_strdup_printf (_ ("clips %s%s · %s dB headroom"), value, star, room);
    }
  else
    label = g_strdup_printf (_ ("clips %s%s"), value, star);
  /* Beside the bar when there is room, else across it; on a plate, legible
   * over grid lines and bars. */
  {
    double lw = MIN (text_width (self, F_SMALL, label) + 6 * u, cw);
    double bar_right = rig_level_chart_geometry_bar_x (g, i) + g->bar_width + 2 * u;
    double lx = cx0 + cw - bar_right >= lw ? bar_right : cx0 + (cw - lw) / 2;

    set_ink (self, cr, CARD, 0.85);
    rig_marks_rounded_rect (cr, lx, ly - th - 1.5 * u, lw, th, 2 * u);
    cairo_fill (cr);
    put (self, cr, F_SMALL, s->is_input ? INK : INK_SOFT, label, lx + 3 * u, ly - th - 1.5 * u,
         lw - 6 * u + 1, PANGO_ALIGN_CENTER);
  }
}

static void
draw_noise (RigLevelChart *self, cairo_t *cr, const RigLevelChartGeometry *g, guint i,
            const RigTraceStage *s)
{
  double level = dbu (s->noise_v), base = g->plot_y + g->plot_height, ny;

  if (!isfinite (level) || level <= g->bottom_dbu)
    return;
  ny = plot_y (g, level);
  set_ink (self, cr, NOISE, 0.55);
  cairo_rectangle (cr, g->plot_x + i * g->column_width + 1, ny, g->column_width - 2, base - ny);
  cairo_fill (cr);
}

/* The error badge over a stage that clips, and the peak level over the bar. */
static void
draw_bar_top (RigLevelChart *self, cairo_t *cr, const RigLevelChartGeometry *g, guint i,
              const RigTraceStage *s)
{
  double u = self->unit, cx = rig_level_chart_geometry_bar_x (g, i) + g->bar_width / 2;
  double peak = dbu (s->peak_v), top, r = BADGE_R * u;

  if (!isfinite (peak) || !rig_level_chart_stage_clips (s))
    return;
  top = plot_y (g, peak);
  cairo_save (cr);
  rig_painter_badge_path (cr, RIG_SEVERITY_ERROR, cx, top - r - 2 * u, r);
  set_ink (self, cr, RIG_PAINTER_COLOR_ERROR, 1);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  rig_painter_badge_mark (cr, RIG_SEVERITY_ERROR, cx, top - r - 2 * u, r, r * 0.28);
  cairo_restore (cr);
}

/* ---- labels under the columns ------------------------------------------ */

/* "−7.8 / +8.2": nominal and peak level, starred where assumed. */
static char *
levels_text (const RigTraceStage *s)
{
  g_autofree char *nominal = signed_db (dbu (s->nominal_v));
  g_autofree char *peak = signed_db (dbu (s->peak_v));

  return g_strdup_printf ("%s%s / %s%s", nominal,
                          (s->assumed & RIG_TRACE_ASSUMED_NOMINAL) ? "*" : "", peak,
                          (s->assumed & RIG_TRACE_ASSUMED_PEAK) ? "*" : "");
}

/* A pill on the boundary between two columns: a cable's number, or the gain
 * through a device. */
static void
boundary_pill (RigLevelChart *self, cairo_t *cr, const RigLevelChartGeometry *g, guint i,
               const char *str, gboolean cable)
{
  double u = self->unit, th = text_height (self, F_SMALL);
  double w = MIN (text_width (self, F_SMALL, str) + 8 * u, g->column_width * 0.9);
  double bx = g->plot_x + i * g->column_width - w / 2;
  double by = g->plot_y + g->plot_height - th - 4 * u;

  set_ink (self, cr, CARD, 1);
  rig_marks_rounded_rect (cr, bx, by, w, th + 2 * u, cable ? 2 * u : (th + 2 * u) / 2);
  cairo_fill_preserve (cr);
  set_ink (self, cr, cable ? INK : AXIS, 1);
  cairo_set_line_width (cr, 0.7 * u);
  cairo_stroke (cr);
  put (self, cr, F_SMALL, cable ? INK : INK_SOFT, str, bx + 3 * u, by + 1 * u, w - 6 * u,
       PANGO_ALIGN_CENTER);
}

static void
draw_labels (RigLevelChart *self, cairo_t *cr, const RigLevelChartGeometry *g,
             const RigTracePath *path)
{
  double u = self->unit, ys = g->plot_y + g->plot_height + GAP * u;
  double th = text_height (self, F_SMALL), tl = text_height (self, F_LABEL);
  guint first = 0;

  for (guint i = 0; i < path->n_stages; i++)
    {
      const RigTraceStage *s = &path->stages[i];
      double cx = g->plot_x + i * g->column_width;
      g_autofree char *levels = levels_text (s);

      put (self, cr, F_SMALL, INK_SOFT, s->jack_name, cx + 2 * u, ys, g->column_width - 4 * u,
           PANGO_ALIGN_CENTER);
      put (self, cr, F_SMALL, INK_SOFT, levels, cx + 2 * u, ys + th + tl, g->column_width - 4 * u,
           PANGO_ALIGN_CENTER);
      /* A device's label across its columns, when the next column is
       * another device's. */
      if (i + 1 == path->n_stages || g_strcmp0 (path->stages[i + 1].device_id, s->device_id) != 0)
        {
          double gx = g->plot_x + first * g->column_width;
          double gw = (i + 1 - first) * g->column_width;

          put (self, cr, F_LABEL, INK, s->device_label, gx + 2 * u, ys + th, gw - 4 * u,
               PANGO_ALIGN_CENTER);
          first = i + 1;
        }
      if (i > 0 && s->cable_number != NULL)
        boundary_pill (self, cr, g, i, s->cable_number, TRUE);
      else if (i > 0 && isfinite (s->gain_db) && fabs (s->gain_db) >= 0.05)
        {
          g_autofree char *gain = signed_db (s->gain_db);
          g_autofree char *pill = g_strdup_printf ("%s dB", gain);

          boundary_pill (self, cr, g, i, pill, FALSE);
        }
    }
}

/* ---- the listener and the legend --------------------------------------- */

static void
draw_loudness (RigLevelChart *self, cairo_t *cr, const RigLevelChartGeometry *g,
               const RigTracePath *path, double distance)
{
  double u = self->unit, x = g->plot_x + g->plot_width + 2 * GAP * u, w = (END_W - 3 * GAP) * u;
  double y = g->plot_y + g->plot_height * 0.3, th = text_height (self, F_SMALL);
  g_autofree char *peak = rig_units_db (path->spl_peak_db);
  g_autofree char *nominal = rig_units_db (path->spl_nominal_db);
  g_autofree char *big = NULL;
  g_autofree char *where = NULL;
  g_autofree char *average = NULL;

  if (!has_loudness (path))
    return;
  /* Translators: loudness at the listener on the level chart. */
  big = g_strdup_printf (_ ("%s dB SPL"), isfinite (path->spl_peak_db) ? peak : nominal);
  if (isfinite (distance))
    {
      g_autofree char *m = rig_units_metres (distance);
      /* Translators: under "92 dB SPL": "peaks at 2.5 m" from the speaker. */
      where = g_strdup_printf (isfinite (path->spl_peak_db) ? _ ("peaks at %s") : _ ("at %s"), m);
    }
  else
    where = g_strdup (isfinite (path->spl_peak_db) ? _ ("peaks at the listener")
                                                   : _ ("at the listener"));
  if (isfinite (path->spl_peak_db) && isfinite (path->spl_nominal_db))
    /* Translators: under "92 dB SPL peaks at 2.5 m" on the level chart. */
    average = g_strdup_printf (_ ("%s dB SPL nominal"), nominal);

  set_ink (self, cr, AXIS, 1);
  cairo_set_line_width (cr, 0.8 * u);
  cairo_move_to (cr, x - GAP * u, g->plot_y);
  cairo_line_to (cr, x - GAP * u, g->plot_y + g->plot_height);
  cairo_stroke (cr);
  put (self, cr, F_SMALL, INK_SOFT, _ ("Listener"), x, g->plot_y, w, PANGO_ALIGN_LEFT);
  put (self, cr, F_BIG, INK, big, x, y, w, PANGO_ALIGN_LEFT);
  y += text_height (self, F_BIG);
  put (self, cr, F_SMALL, INK, where, x, y, w, PANGO_ALIGN_LEFT);
  put (self, cr, F_SMALL, INK_SOFT, average, x, y + th, w, PANGO_ALIGN_LEFT);
}

/* One legend sample and its words; returns the x after them. */
static double
legend_item (RigLevelChart *self, cairo_t *cr, double x, double y, int kind, const char *label)
{
  double u = self->unit, th = text_height (self, F_SMALL), s = th * 0.8, sy = y + (th - s) / 2;

  switch (kind)
    {
      case 0: /* nominal */
      case 1: /* peaks */
      case 3: /* noise */
        set_ink (self, cr, kind == 0 ? NOMINAL : kind == 1 ? PEAK : NOISE, kind == 3 ? 0.55 : 1);
        cairo_rectangle (cr, x, sy, s, s);
        cairo_fill (cr);
        break;
      case 2: /* clips */
        {
          double dash[2] = { 3 * u, 2 * u };

          set_ink (self, cr, RIG_PAINTER_COLOR_ERROR, 1);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_set_line_width (cr, 1.6 * u);
          cairo_move_to (cr, x, y + th / 2);
          cairo_line_to (cr, x + 2 * s, y + th / 2);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          s *= 2;
        }
        break;
      default:
        s = -GAP * u;
        break;
    }
  put (self, cr, F_SMALL, INK_SOFT, label, x + s + GAP * u, y, -1, PANGO_ALIGN_LEFT);
  return x + s + 2 * GAP * u + text_width (self, F_SMALL, label) + 2 * GAP * u;
}

static void
draw_legend (RigLevelChart *self, cairo_t *cr, const RigLevelChartGeometry *g,
             const RigTracePath *path, double y)
{
  double x = g->plot_x;
  guint assumed = 0;
  gboolean noise = FALSE;

  for (guint i = 0; i < path->n_stages; i++)
    {
      assumed |= path->stages[i].assumed;
      noise |= isfinite (dbu (path->stages[i].noise_v));
    }
  x = legend_item (self, cr, x, y, 0, _ ("Nominal"));
  x = legend_item (self, cr, x, y, 1, _ ("Peaks"));
  x = legend_item (self, cr, x, y, 2, _ ("Input clips"));
  if (noise)
    x = legend_item (self, cr, x, y, 3, _ ("Noise floor"));
  x = legend_item (self, cr, x, y, -1, _ ("0 dBV = +2.2 dBu"));
  if (assumed != 0)
    legend_item (self, cr, x, y, -1,
                 _ ("* Assumed: a typical figure for its kind of signal, not the device’s own"));
}

/* ---- the chart --------------------------------------------------------- */

void
rig_level_chart_draw_path (RigLevelChart *self, cairo_t *cr, const RigTracePath *path, double x,
                           double y, double width, double height, double listening_distance)
{
  RigLevelChartGeometry g;

  g_return_if_fail (self != NULL && cr != NULL && path != NULL);

  if (!rig_level_chart_get_geometry (self, path, x, y, width, height, &g))
    return;
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint i = 0; i < path->n_stages; i++)
    draw_noise (self, cr, &g, i, &path->stages[i]);
  draw_axis (self, cr, &g);
  for (guint i = 0; i < path->n_stages; i++)
    draw_bar (self, cr, &g, i, &path->stages[i]);
  for (guint i = 0; i < path->n_stages; i++)
    {
      draw_clip_line (self, cr, &g, i, &path->stages[i]);
      draw_bar_top (self, cr, &g, i, &path->stages[i]);
    }
  draw_labels (self, cr, &g, path);
  draw_loudness (self, cr, &g, path, listening_distance);
  draw_legend (self, cr, &g, path, y + height - legend_height (self) + GAP * self->unit);
  cairo_restore (cr);
}

void
rig_level_chart_draw_trace (RigLevelChart *self, cairo_t *cr, const RigTrace *trace,
                            RigDocument *document, double x, double y, double width, double height)
{
  double th, each;

  g_return_if_fail (self != NULL && cr != NULL && trace != NULL);
  if (trace->n_paths == 0)
    return;
  th = text_height (self, F_LABEL) + GAP * self->unit;
  each = height / trace->n_paths;
  for (guint i = 0; i < trace->n_paths; i++)
    {
      const RigTracePath *path = trace->paths[i];
      g_autofree char *title = rig_level_chart_path_title (path);
      double py = y + i * each;

      cairo_save (cr);
      cairo_rectangle (cr, x, py, width, each);
      cairo_clip (cr);
      put (self, cr, F_LABEL, INK, title, x, py, width, PANGO_ALIGN_LEFT);
      cairo_restore (cr);
      rig_level_chart_draw_path (
          self, cr, path, x, py + th, width, each - th - GAP * self->unit,
          document != NULL ? rig_level_chart_listening_distance (document, path) : NAN);
    }
}

char *
rig_level_chart_path_title (const RigTracePath *path)
{
  const char *from, *to;

  if (path->n_stages == 0)
    return g_strdup ("");
  from = path->stages[0].device_label;
  to = path->stages[path->n_stages - 1].device_label;
  /* Translators: a signal path's title: "Phone → Left speaker". */
  return g_strdup_printf (_ ("%s → %s"), from != NULL ? from : "?", to != NULL ? to : "?");
}

double
rig_level_chart_listening_distance (RigDocument *document, const RigTracePath *path)
{
  RigDevice *listener;
  double own, rig;

  g_return_val_if_fail (RIG_IS_DOCUMENT (document) && path != NULL, NAN);

  listener = rig_document_find_device (document, path->listener_device_id);
  if (listener == NULL || listener->model->category == RIG_CATEGORY_HEADPHONES)
    return NAN;
  own = rig_device_get_figure (listener, RIG_FIGURE_LISTENING_DISTANCE);
  if (rig_figure_is_set (own) && own > 0)
    return own;
  rig = rig_document_get_listening_distance (document);
  if (rig_figure_is_set (rig) && rig > 0)
    return rig;
  return RIG_DEFAULT_LISTENING_DISTANCE;
}
