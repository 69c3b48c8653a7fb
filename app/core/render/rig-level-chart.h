/* rig-level-chart.h: a signal path's level diagram (issue #11), drawn onto
 * any cairo_t: the chart engineers draw by hand for gain staging.
 *
 * The stages of a path (rig-trace.h) stand left to right, each a column: a
 * bar up to its nominal level, lighter up to its peaks, on a dBu scale (the
 * axis on the left; the legend notes 0 dBV = +2.2 dBu). An input's clipping
 * point is a dashed line across its column with the headroom written on it;
 * an output's most is a dotted line. The noise floor, where known, is a grey
 * band from the bottom. A stage whose peaks pass its clipping point shows the
 * part over it striped in the error colour, with the error badge over the
 * bar: status never reads from colour alone. Figures the trace assumed are
 * hatched and starred, with a footnote. Under the columns: each jack's name,
 * its device's label across that device's columns, the levels in numbers;
 * between two devices the cable's number, inside a device its gain. At the
 * end, how loud the path plays at the listener.
 *
 * The Trace view, the wiring sheet's level pages and their PNG, SVG and PDF
 * all draw through this one painter. Text is measured with Pango once
 * (rig-text-cache.h). Coordinates are whatever the caller's user space is
 * (pixels on screen, points on a sheet); sizes scale with the chart's unit.
 *
 * GTK-free: cairo, pango and pangocairo only.
 */
#pragma once

#include <cairo.h>

#include "rig-document.h"
#include "rig-trace.h"

G_BEGIN_DECLS

typedef struct _RigLevelChart RigLevelChart;

/* A chart whose text and marks are @unit times their base size (1: text of
 * about 9 units; the screen uses 1.3 pixels, a sheet 0.85 points). */
RigLevelChart *
rig_level_chart_new (double unit);
void
rig_level_chart_free (RigLevelChart *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RigLevelChart, rig_level_chart_free)

/* The desktop's style (the Trace view); sheets keep the light default. */
void
rig_level_chart_set_style (RigLevelChart *self, gboolean dark, gboolean high_contrast);
/* Black, white and greys only (greyscale sheets): the stripes, dashes,
 * badges and hatching still tell every status. */
void
rig_level_chart_set_greyscale (RigLevelChart *self, gboolean greyscale);

/* Where a path's chart puts things inside its box, for callers and tests
 * that must agree with the drawing. */
typedef struct
{
  double plot_x, plot_y, plot_width, plot_height; /* the area of the bars */
  double top_dbu, bottom_dbu;                     /* the scale at the plot's top and bottom */
  double column_width;                            /* one column per stage */
  double bar_width;
  guint n_stages;
} RigLevelChartGeometry;

/* The geometry of @path's chart in the box (@x, @y, @width, @height);
 * FALSE (and nothing to draw) when the path has no stage or the box is too
 * small for a chart. */
gboolean
rig_level_chart_get_geometry (RigLevelChart *self, const RigTracePath *path, double x, double y,
                              double width, double height, RigLevelChartGeometry *geometry);
/* The height of @dbu on the scale (not clamped to the plot). */
double
rig_level_chart_geometry_y (const RigLevelChartGeometry *geometry, double dbu);
/* The left edge of stage @stage's bar. */
double
rig_level_chart_geometry_bar_x (const RigLevelChartGeometry *geometry, guint stage);

/* Draws @path's chart inside the box (and nothing outside it). The loudness
 * at the listener is written "at @listening_distance m" (NAN: "at the
 * listener"; see rig_level_chart_listening_distance()). */
void
rig_level_chart_draw_path (RigLevelChart *self, cairo_t *cr, const RigTracePath *path, double x,
                           double y, double width, double height, double listening_distance);

/* Draws every path of @trace, one under the other with its title, sharing
 * the box's height. */
void
rig_level_chart_draw_trace (RigLevelChart *self, cairo_t *cr, const RigTrace *trace,
                            RigDocument *document, double x, double y, double width, double height);

/* "Phone 1 → Left speaker": the first stage's device to the last's. */
char *
rig_level_chart_path_title (const RigTracePath *path);

/* How far the listener of @path sits from it (m): the listener's own
 * figure, else the rig's listening distance, else the default; NAN for
 * headphones (they play at the ears) or when the listener is not found. */
double
rig_level_chart_listening_distance (RigDocument *document, const RigTracePath *path);

/* Whether a stage clips: its peaks pass an input's clipping point, or an
 * output's most (an amplifier driven past its power). */
gboolean
rig_level_chart_stage_clips (const RigTraceStage *stage);
/* The stage's headroom (dB, negative when it clips): the trace's, else from
 * its figures; NAN without them. */
double
rig_level_chart_stage_headroom (const RigTraceStage *stage);

G_END_DECLS
