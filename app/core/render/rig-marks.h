/* rig-marks.h: the small marks the painter and the sheet share.
 *
 * The public ones (connector glyphs, status badges, connector short names)
 * are declared in rig-painter.h; these are the render layer's own helpers.
 * Colours are 0xRRGGBB.
 */
#pragma once

#include <cairo.h>

#include "rig-diagnostic.h"
#include "rig-types.h"

G_BEGIN_DECLS

void
rig_marks_set_rgb (cairo_t *cr, guint32 rgb);
/* The luminance of a colour, as a grey. */
guint32
rig_marks_grey (guint32 rgb);
/* A rectangle with corners of radius @r (at most half its shorter side), as a
 * new sub-path. */
void
rig_marks_rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r);

/* cairo_stroke() and cairo_stroke_preserve(), the same line drawn with the
 * path already in device space: under a uniform scale (no rotation, no
 * shear) the line width and dashes are scaled and the current transformation
 * set to the identity for the stroke alone. A vector surface then writes the
 * line's points as they are, without a transformation matrix of its own for
 * every stroke (cairo writes such matrices' small numbers slowly, and tens of
 * thousands of them make most of a large diagram's SVG or PDF). Any other
 * transformation: a plain stroke. */
void
rig_marks_stroke (cairo_t *cr);
void
rig_marks_stroke_preserve (cairo_t *cr);

/* A port glyph of radius @r centred on (cx, cy), in @ink: filled for a plug,
 * hollow for a socket; RCA and DC show a centre pin, a speaker terminal a
 * bar, Bluetooth a broken outline (@dashes) since nothing touches. The
 * outline is @line_width wide, pins @pin_width; hollow parts are @paper (the
 * card's colour). Leaves the source, line width and path as they end; save
 * @cr around it if that matters. */
void
rig_marks_glyph (cairo_t *cr, RigConnector connector, gboolean plug, double cx, double cy, double r,
                 guint32 ink, guint32 paper, double line_width, double pin_width,
                 const double dashes[2]);

/* The line of a status: dashed (@dash on, @space off) for an error, round
 * dots @dot_gap apart for a warning, solid otherwise. Sets the line cap. */
void
rig_marks_status_dash (cairo_t *cr, RigSeverity severity, double dash, double space,
                       double dot_gap);

/* A padlock of height @size centred on (cx, cy), in @ink: a part an
 * exercise locks in place. */
void
rig_marks_lock (cairo_t *cr, double cx, double cy, double size, guint32 ink);

/* A flag of height @size, its pole's foot at (x, y + @size / 2), in @ink:
 * a cable the student marks as faulty. */
void
rig_marks_flag (cairo_t *cr, double x, double y, double size, guint32 ink);

/* A status badge's outline (rig_painter_badge_path()) as a new sub-path of
 * the current path, so that many badges make one path. */
void
rig_marks_badge_outline (cairo_t *cr, RigSeverity severity, double cx, double cy, double r);

/* A badge's mark (rig_painter_badge_mark()) in pieces, drawn one after the
 * other: piece @piece's path added to @cr's (nothing added when @cr is
 * NULL), and how it is inked (stroked with line width @lw and round caps,
 * or filled), RIG_MARK_NONE past the last. */
typedef enum
{
  RIG_MARK_NONE,
  RIG_MARK_STROKE,
  RIG_MARK_FILL,
} RigMarkInk;

#define RIG_MARKS_BADGE_MARK_PIECES 2

RigMarkInk
rig_marks_badge_mark_piece (cairo_t *cr, RigSeverity severity, double cx, double cy, double r,
                            double lw, guint piece);

/* Whether piece @piece of the mark is a dot (the warning's, the note's,
 * filled): its centre (@x, @y) and @radius. */
gboolean
rig_marks_badge_mark_dot (RigSeverity severity, double cx, double cy, double r, double lw,
                          guint piece, double *x, double *y, double *radius);

G_END_DECLS
