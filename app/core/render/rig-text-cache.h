/* rig-text-cache.h: text laid out once, measured and drawn many times.
 *
 * The painter and the wiring sheet draw the same strings over and over
 * (device and jack names repeat on every cable row and every frame), so each
 * keeps one of these: a PangoContext that does no hinting, so that a layout
 * measured once is right at every zoom, on every surface and at every
 * resolution; a table of fonts; and a cache of layouts keyed by what a layout
 * depends on (font, width, lines, alignment, text). The cache empties itself
 * when it reaches its size limit, except for the layouts measured to be drawn
 * later (rig_text_cache_layout_kept()): a long table's rows are measured
 * when its pages are planned and drawn at the end, and laying them out twice
 * cost a 10,000-device sheet a third of its time.
 *
 * GTK-free: pango and pangocairo only.
 */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

#define RIG_TEXT_CACHE_MAX_FONTS 16

typedef enum
{
  RIG_TEXT_FONT_PLAIN = 0,
  RIG_TEXT_FONT_CONDENSED = 1 << 0,  /* semi-condensed stretch */
  RIG_TEXT_FONT_SPACED = 1 << 1,     /* half a point between letters: small capitals */
  RIG_TEXT_FONT_LABEL = 1 << 2,      /* one paragraph: line breaks are not followed */
  RIG_TEXT_FONT_NO_HYPHENS = 1 << 4, /* wrapped names break without a hyphen: a file name
                                       "hometheater.rigwire" never reads "rig-wire" */
  RIG_TEXT_FONT_MIDDLE = 1 << 3,     /* one line cut short in the middle: names that differ
                                        at the end ("Input 1", "Input 2") stay apart */
} RigTextFontFlags;

typedef struct _RigTextCache RigTextCache;

/* A cache for text at @resolution (dots per inch: 72 for points, 96 for
 * canvas units) that holds at most @max_layouts layouts. */
RigTextCache *
rig_text_cache_new (double resolution, guint max_layouts);
void
rig_text_cache_free (RigTextCache *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RigTextCache, rig_text_cache_free)

/* Font @font (0 .. RIG_TEXT_CACHE_MAX_FONTS - 1): @family a Pango family list,
 * @size in the cache's units. Set fonts before any layout uses them. */
void
rig_text_cache_set_font (RigTextCache *self, guint font, const char *family, double size,
                         PangoWeight weight, RigTextFontFlags flags);

/* A cached layout, owned by the cache (valid until the next call). @width <= 0:
 * no width (one unwrapped line). @lines: 1 a single line, ellipsized at
 * @width; N > 1 at most N wrapped lines, the last ellipsized; 0 as many
 * wrapped lines as it takes. */
PangoLayout *
rig_text_cache_layout (RigTextCache *self, guint font, const char *text, double width, int lines,
                       PangoAlignment align);

/* The same layout, measured now to be drawn later: kept whatever the size
 * limit until rig_text_cache_layout() returns it (it is then cached as any
 * other), or the cache is freed. */
PangoLayout *
rig_text_cache_layout_kept (RigTextCache *self, guint font, const char *text, double width,
                            int lines, PangoAlignment align);
/* A layout's logical size in the cache's units; either may be NULL. */
void
rig_text_size (PangoLayout *layout, double *width, double *height);

G_END_DECLS
