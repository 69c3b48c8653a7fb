/* rig-painter-private.h: what the painter's files share (rig-painter.c
 * draws cards and the rest, rig-painter-cables.c cables). Not installed. */
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

  guint max_run; /* cables stroked as one path at most; 0: RUN_MAX */

  GPtrArray *devices; /* scratch arrays for queries */
  GPtrArray *cables;
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

/* rig-painter.c */
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

/* rig-painter-cables.c */
/* Strokes @cables, problems last (on top), in document order within a
 * status; reorders @cables so. */
void
_rig_painter_stroke_cables (RigPainter *self, cairo_t *cr, GPtrArray *cables, double zoom);
/* At most @max_run alike cables stroked as one path (0: the default; the
 * tests compare 1, a stroke a cable, with the default). */
void
_rig_painter_set_max_run (RigPainter *self, guint max_run);
/* A cable's number in its label, or its badge alone far out. */
void
_rig_painter_label_cable (RigPainter *self, cairo_t *cr, const RigCable *cable, double zoom);

G_END_DECLS
