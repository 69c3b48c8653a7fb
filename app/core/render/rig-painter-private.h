/* rig-painter-private.h: what the painter's files share (rig-painter.c
 * draws cards and the rest, rig-painter-far.c cards far out,
 * rig-painter-cables.c cables). Not installed. */
#pragma once

#include <pango/pangocairo.h>

#include "rig-colors.h"
#include "rig-card-names.h"
#include "rig-marks.h"
#include "rig-painter.h"
#include "rig-text-cache.h"

G_BEGIN_DECLS

#define TEXT_CACHE_MAX 60000
#define CARD_RADIUS 8.0
#define BADGE_RADIUS 7.5

typedef enum
{
  FONT_TITLE,
  FONT_SUBTITLE,
  FONT_PORT,
  FONT_CONNECTOR,
  FONT_BAND,
  FONT_NUMBER,
  N_FONTS
} Font;

struct _RigPainter
{
  RigLayout *layout;
  RigDocument *document; /* the layout's */
  RigValidator *validator;
  gboolean greyscale;
  gboolean dark, high_contrast; /* the canvas follows the desktop's style */

  GHashTable *sel_devices; /* owned ids */
  GHashTable *sel_cables;
  GHashTable *hl_devices;
  GHashTable *hl_cables;
  GHashTable *excluded;

  char *hover_device;
  char *hover_jack;
  char *hover_cable;

  RigPainterPortFunc port_func;
  gpointer port_data;

  double lod_scale; /* device px per screen px, for the level of detail */

  RigTextCache *texts;
  RigCardNames *names; /* the jack names of each model's cards, fitted */

  guint max_run;                /* cables stroked as one path at most; 0: RUN_MAX */
  guint max_far_batch;          /* far cards drawn as one batch at most; 0: the default */
  gboolean far_badges_replayed; /* far badges batched on recording surfaces too */

  GPtrArray *devices; /* scratch arrays for queries */
  GPtrArray *cables;
  GByteArray *cable_statuses; /* the status of each of @cables, once stroked */
};

static inline void
set_rgba (cairo_t *cr, guint32 rgb, double alpha)
{
  cairo_set_source_rgba (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0, alpha);
}

static inline guint32
paint_color (RigPainter *self, guint32 rgb)
{
  if (self->greyscale)
    return rig_marks_grey (rgb);
  return rig_colors_for_style (rgb, self->dark, self->high_contrast);
}

/* A line width of @units canvas units, but never thinner than @min_px on screen. */
static inline double
line_width (double units, double min_px, double zoom)
{
  return MAX (units, min_px / zoom);
}

/* Whether @cr draws pixels: where a cheaper equivalent of a shape differs by
 * a fraction of a pixel. Vector files, which a viewer may zoom, keep the
 * exact shape. */
static inline gboolean
on_image (cairo_t *cr)
{
  return cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE;
}

/* How a part of a drawing is inked: filled or stroked in an opaque colour.
 * Parts inked alike can share one path. */
typedef struct
{
  gboolean stroke;
  guint32 rgb;
  /* Strokes only: */
  gboolean under; /* filled with @under_rgb first */
  guint32 under_rgb;
  double width;
  cairo_line_join_t join;
  gboolean set_cap; /* FALSE: the current line cap */
  cairo_line_cap_t cap;
  gboolean solid; /* no dashes (FALSE: the current ones) */
} Ink;

/* What a card's drawing depends on. */
typedef struct
{
  const RigCardShape *shape;
  RigSeverity status;
  guint32 cat, edge; /* the category's colour, the edge's */
  gboolean selected, highlighted;
  double x, y, w, h, hh; /* hh: the header band's height */
} Card;

/* The parts of a status badge, drawn in this order: its rim, its body, its
 * outline (greyscale), then the pieces of its mark. */
#define BADGE_PARTS (3 + RIG_MARKS_BADGE_MARK_PIECES)

/* rig-painter.c */
void
_rig_painter_ink (cairo_t *cr, const Ink *ink);
gboolean
_rig_painter_ink_equal (const Ink *a, const Ink *b);
guint32
_rig_painter_tint (RigPainter *self, guint32 rgb, double amount);
void
_rig_painter_card_init (RigPainter *self, const RigDevice *device, Card *card);
/* Part @part of a badge (BADGE_PARTS): its path added to @cr's (when @cr is
 * not NULL) and its @ink; FALSE when the badge has no such part. @image: it
 * is drawn on an image surface. */
gboolean
_rig_painter_badge_part (RigPainter *self, cairo_t *cr, double cx, double cy, double r,
                         RigSeverity severity, double zoom, gboolean image, guint part, Ink *ink);
guint32
_rig_painter_verdict_color (RigPainter *self, RigSeverity severity);
PangoLayout *
_rig_painter_text_layout (RigPainter *self, Font font, const char *text, double width,
                          PangoAlignment align);
void
_rig_painter_show_text (cairo_t *cr, PangoLayout *layout, double x, double y);
void
_rig_painter_set_status_dash (cairo_t *cr, RigSeverity severity, double width, double zoom);
void
_rig_painter_draw_badge (RigPainter *self, cairo_t *cr, double cx, double cy, double r,
                         RigSeverity severity, double zoom);

/* rig-painter-far.c */
/* Far out (below RIG_PAINTER_LOD_SIMPLE): a card as a box, its header band
 * and its status badge, alone. */
void
_rig_painter_draw_card_far (RigPainter *self, cairo_t *cr, const Card *c, double zoom);
/* The rectangle out of which far card @c inks nothing, and then @px user
 * units more round it. */
void
_rig_painter_far_card_bounds (const Card *c, double zoom, double px, RigRect *out);
/* Draws @devices far out, in order: the same pixels as card by card, in
 * fewer paths. */
void
_rig_painter_draw_far_cards (RigPainter *self, cairo_t *cr, GPtrArray *devices, double zoom);
/* At most @max_batch cards drawn together (0: the default; the tests
 * compare 1, card by card, with the default; 1 also draws the cables'
 * badges far out one by one). */
void
_rig_painter_set_max_far_batch (RigPainter *self, guint max_batch);

/* The cables' badges far out drawn in batches on a recording surface too,
 * as on a vector file (_rig_painter_draw_far_badges()): the tests play
 * them back onto pixels. */
void
_rig_painter_set_far_badges_replayed (RigPainter *self, gboolean replayed);

/* rig-painter-levels.c */
/* Each of @n shapes' level (@bounds: what each may ink): above that of
 * every shape before it whose bounds its own touch, 0 if none. Returns how
 * many levels there are. */
guint
_rig_painter_assign_levels (const RigRect *bounds, guint n, guint *level);
/* The length in user units of a device pixel at most (along any
 * direction). */
double
_rig_painter_device_pixel (cairo_t *cr);
/* Whether @cr writes a vector file (PDF, PostScript, SVG). There, shapes
 * touch only where they overlap: the pixel round each shape, which on an
 * image keeps a shape after every earlier one whose pixels its own share,
 * is left out of its bounds, and levels hold more (the 10k diagram's SVG,
 * 11,106 paths instead of 15,621). Shapes that overlap keep their order;
 * those a hair apart may change theirs, which changes how a viewer smooths
 * the pixel between them, as any zoom of the file does. A recording
 * surface is played back onto pixels: not a file. */
gboolean
_rig_painter_on_vector_file (cairo_t *cr);

/* rig-painter-badges.c */
/* Far out (below RIG_PAINTER_LOD_GLYPHS), on anything but an image: the
 * badges of @cables (@statuses: each one's), in batches whose alike parts
 * share paths, in the order of @cables where they touch. */
void
_rig_painter_draw_far_badges (RigPainter *self, cairo_t *cr, GPtrArray *cables,
                              const guint8 *statuses, double zoom);

/* rig-painter-cables.c */
/* Strokes @cables, problems last (on top), in document order within a
 * status; reorders @cables so, and sets @statuses to their statuses, in
 * that order (each asked of the validator once). */
void
_rig_painter_stroke_cables (RigPainter *self, cairo_t *cr, GPtrArray *cables, GByteArray *statuses,
                            double zoom);
/* At most @max_run alike cables stroked as one path (0: the default; the
 * tests compare 1, a stroke a cable, with the default). */
void
_rig_painter_set_max_run (RigPainter *self, guint max_run);
/* A cable's number in its label, or its badge alone far out; @status is
 * the cable's. */
void
_rig_painter_label_cable (RigPainter *self, cairo_t *cr, const RigCable *cable, RigSeverity status,
                          double zoom);

G_END_DECLS
