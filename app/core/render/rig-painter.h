/* rig-painter.h: draws a rig onto any cairo_t.
 *
 * One painter look for the canvas, PNG/SVG/PDF export and printing. It reads
 * geometry from a RigLayout, statuses from a RigValidator (optional), and
 * draws only what intersects the visible rectangle (found through the
 * layout's spatial index), with less detail when zoomed far out.
 *
 * Coordinates: the caller sets up @cr so that user space is canvas units
 * (cairo_scale (cr, zoom, zoom); cairo_translate (cr, -origin_x, -origin_y)),
 * and passes the zoom (screen px per unit) so that hairlines, dash patterns
 * and the level of detail follow what the reader sees.
 *
 * Status styles (colour-blind safe Okabe-Ito colours, and more than colour):
 *   error   vermilion #D55E00, cable DASHED, a round badge with a cross
 *   warning orange    #9A6700, cable DOTTED, a triangular badge with "!"
 *   info    blue      #0072B2, cable solid, a round badge with "i"
 *   none    dark neutral grey, solid, no badge.
 * A cable with nothing to say is neutral grey rather than green: on a rig of
 * hundreds of cables colour then means "read me", and errors and warnings
 * stand out instead of drowning in green. Bluish green #009E73 means "fine"
 * where a verdict was asked for: the ports a connect drag would accept.
 *
 * GTK-free: cairo, pango and pangocairo only.
 */
#pragma once

#include <cairo.h>

#include "rig-jack-name-fit.h"
#include "rig-layout.h"
#include "rig-validator.h"

G_BEGIN_DECLS

typedef struct _RigPainter RigPainter;

/* How a port is marked while a cable is being dragged from another port:
 * return TRUE and set @severity to what a cable to it would get
 * (RIG_SEVERITY_NONE: fine), or FALSE to leave the port unmarked. */
typedef gboolean (*RigPainterPortFunc) (const char *device_id, const char *jack_id,
                                        RigSeverity *severity, gpointer user_data);

/* Level-of-detail thresholds (zoom = screen px per canvas unit). */
#define RIG_PAINTER_LOD_PORT_TEXT 0.55 /* port names and connectors */
#define RIG_PAINTER_LOD_TITLE 0.3      /* device labels and model names */
#define RIG_PAINTER_LOD_GLYPHS 0.28    /* port glyphs, cable numbers */
#define RIG_PAINTER_LOD_SIMPLE 0.16    /* below: cards as plain boxes */

/* The colours, for widgets and tests that must agree with the drawing. */
#define RIG_PAINTER_COLOR_FINE 0x009E73
#define RIG_PAINTER_COLOR_WARNING 0x9A6700 /* Okabe-Ito orange, darkened to 4.5:1 */
#define RIG_PAINTER_COLOR_ERROR 0xD55E00
#define RIG_PAINTER_COLOR_INFO 0x0072B2
#define RIG_PAINTER_COLOR_NEUTRAL 0x5E5C64
#define RIG_PAINTER_COLOR_ACCENT 0x3584E4    /* selection */
#define RIG_PAINTER_COLOR_HIGHLIGHT 0xF6D32D /* signal paths */
#define RIG_PAINTER_COLOR_BACKGROUND 0xF6F5F4
/* The dark style's canvas (rig_painter_set_style()): status colours
 * lightened to keep 3:1 on its background, greys turned around. */
#define RIG_PAINTER_DARK_COLOR_BACKGROUND 0x1E1E1E
#define RIG_PAINTER_DARK_COLOR_CARD 0x303030
#define RIG_PAINTER_DARK_COLOR_ERROR 0xD55E00
#define RIG_PAINTER_DARK_COLOR_WARNING 0xE69F00
#define RIG_PAINTER_DARK_COLOR_INFO 0x56B4E9
#define RIG_PAINTER_DARK_COLOR_NEUTRAL 0x9A9996
#define RIG_PAINTER_DARK_COLOR_FINE 0x009E73

RigPainter *
rig_painter_new (RigLayout *layout);
void
rig_painter_free (RigPainter *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RigPainter, rig_painter_free)

RigLayout *
rig_painter_get_layout (RigPainter *self);
RigDocument *
rig_painter_get_document (RigPainter *self);

/* Where statuses come from; NULL draws every object neutral. */
void
rig_painter_set_validator (RigPainter *self, RigValidator *validator);
/* The status a cable is drawn with (RIG_SEVERITY_NONE: neutral). */
RigSeverity
rig_painter_get_cable_status (RigPainter *self, const RigCable *cable);
/* Device pixels per screen pixel (2 on a HiDPI screen, or for an export at
 * twice the resolution): text and glyphs that would be too small at @zoom
 * alone are still legible there, so the level of detail counts them. 1 by
 * default. Line widths and hairlines stay in screen pixels. */
void
rig_painter_set_device_scale (RigPainter *self, double scale);
/* Black, white and greys only, for printing: status still reads from the
 * dash patterns and badge shapes. */
void
rig_painter_set_greyscale (RigPainter *self, gboolean greyscale);
/* The desktop's style, for the canvas: a dark palette, and in high contrast
 * text and edges in black (or white on dark). Sheets never set it: paper
 * stays light. */
void
rig_painter_set_style (RigPainter *self, gboolean dark, gboolean high_contrast);
gboolean
rig_painter_get_greyscale (RigPainter *self);

/* The selected objects (copied; either may be NULL). */
void
rig_painter_set_selection (RigPainter *self, const char *const *device_ids,
                           const char *const *cable_ids);
gboolean
rig_painter_is_selected (RigPainter *self, const char *id, gboolean cable);
/* Objects to highlight: the signal paths of the selection (copied). */
void
rig_painter_set_highlight (RigPainter *self, const char *const *device_ids,
                           const char *const *cable_ids);
/* The hovered port (both NULL: none) and cable (NULL: none). */
void
rig_painter_set_hover (RigPainter *self, const char *device_id, const char *jack_id,
                       const char *cable_id);
/* Marks every port with @func while a cable is being dragged (NULL: none). */
void
rig_painter_set_port_func (RigPainter *self, RigPainterPortFunc func, gpointer user_data);

/* Devices (and every cable on them) that rig_painter_draw() leaves out: the
 * canvas draws what is being dragged on top of a cached picture of the rest.
 * Copied; NULL or empty: none. */
void
rig_painter_set_excluded (RigPainter *self, const char *const *device_ids);
gboolean
rig_painter_is_excluded_cable (RigPainter *self, const RigCable *cable);

/* The canvas background: a flat colour and, when @grid > 0, dots every
 * @grid units (left out when they would be too dense to read). */
void
rig_painter_draw_background (RigPainter *self, cairo_t *cr, const RigRect *visible, double zoom,
                             double grid);

/* Draws every device and cable whose drawing intersects @visible (canvas
 * units), but the excluded ones: cables, then cards, then cable labels. */
void
rig_painter_draw (RigPainter *self, cairo_t *cr, const RigRect *visible, double zoom);

/* Draws the given devices (RigDevice*) and cables (RigCable*), in that
 * order of layers, whether excluded or not (the dragged part of the rig). */
void
rig_painter_draw_objects (RigPainter *self, cairo_t *cr, GPtrArray *devices, GPtrArray *cables,
                          double zoom);

/* Only the verdict marks of @func on the ports in @visible, over a drawing
 * made without them (the canvas draws them over its cached picture). */
void
rig_painter_draw_port_marks (RigPainter *self, cairo_t *cr, const RigRect *visible, double zoom,
                             RigPainterPortFunc func, gpointer user_data);

/* The cable being dragged out of a port: @status < 0 while it is over no
 * port, else the RigSeverity a cable there would have. */
void
rig_painter_draw_wire (RigPainter *self, cairo_t *cr, const RigPoint curve[4], int status,
                       double zoom);
/* The rubber band selection rectangle. */
void
rig_painter_draw_rubber_band (RigPainter *self, cairo_t *cr, const RigRect *rect, double zoom);

/* How far beyond an object's layout bounds its drawing may reach at @zoom
 * (hairlines and badges keep a minimum size on screen). */
double
rig_painter_margin (double zoom);

/* ---- marks the sheet shares (defined in rig-marks.c) ---- */

/* The short connector text drawn beside a port: "3.5 TRRS", "RCA ×2",
 * "XLR", "Speaker", "USB-C", "Optical". Static, do not free. The long form
 * (tooltips) is rig_jack_describe_connector(). */
const char *
rig_painter_connector_short (const RigJack *jack);

/* The outline of a port glyph centred on (cx, cy) with radius @r, a distinct
 * shape per connector family (the canvas's ports, the sheet's legend). A new
 * path; fill or stroke it. */
void
rig_painter_glyph_path (cairo_t *cr, RigConnector connector, double cx, double cy, double r);

/* A status badge's outline (a new path): a triangle for a warning, a disc
 * otherwise; and its mark (cross, "!", "i") stroked in the current source
 * with line width @lw. The canvas and the sheet fill them their own way. */
void
rig_painter_badge_path (cairo_t *cr, RigSeverity severity, double cx, double cy, double r);
void
rig_painter_badge_mark (cairo_t *cr, RigSeverity severity, double cx, double cy, double r,
                        double lw);

/* The drawing colour of a status (0xRRGGBB) in the current mode. */
guint32
rig_painter_status_color (RigPainter *self, RigSeverity severity);

/* The names of the jacks of a card of @model as the painter draws them,
 * fitted to the card (rig-jack-name-fit.h): model->n_jacks fits, in canvas
 * units, owned by the painter. */
const RigJackNameFit *
rig_painter_get_jack_names (RigPainter *self, RigDeviceModel *model);

G_END_DECLS
