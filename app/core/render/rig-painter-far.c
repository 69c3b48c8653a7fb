/* rig-painter-far.c: the painter's cards far out (below
 * RIG_PAINTER_LOD_SIMPLE), where a card is a box, its header band and its
 * status badge, and thousands of them are in view.
 *
 * Painting order matters only where cards' pixels meet. Each card gets a
 * level, one above the highest of the cards before it (in drawing order)
 * whose pixels its own may touch: cards of a level never touch one another,
 * and a card comes after every earlier card it touches when the levels are
 * drawn in turn. A level's cards are drawn in batches, layer by layer
 * (every body and edge, then every band, then every part of every badge),
 * the parts of a layer inked alike as one path. Each pixel is then inked
 * by the parts of the cards that touch it in their order, as card by card:
 * on an image the pixels are the same (test-card-batch.c), and a vector
 * file holds the same shapes in fewer paths. Cards with a halo (selected,
 * highlighted: translucent) or near the clip's edge are drawn alone, in
 * their level.
 *
 * Far out on a large rig, a card's edge and badge reach its neighbours, so
 * levels hold a few dozen cards. On a vector file, where cards touch only
 * where their shapes overlap, levels hold more (_rig_painter_on_vector_file()): a
 * 10k-device sheet's SVG holds some 11,000 paths instead of 36,000.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-painter-private.h"

/* At most this many cards a batch (a bit of a guint64 each): a raster
 * surface fills very long paths more slowly than their pieces. */
#define BATCH_MAX 64

/* A card's layers: body and edge, header band, then the badge's parts. */
#define LAYERS (2 + BADGE_PARTS)

static double
edge_width (const Card *c, double zoom)
{
  return line_width (c->status == RIG_SEVERITY_NONE ? 1 : 3, 1, zoom);
}

static double
badge_radius (double zoom)
{
  return MAX (9, 3.5 / zoom);
}

/* The badge's centre on the card's header. */
static void
badge_centre (const Card *c, double *cx, double *cy)
{
  *cx = c->x + c->w - 14;
  *cy = c->y + 16;
}

void
_rig_painter_draw_card_far (RigPainter *self, cairo_t *cr, const Card *c, double zoom)
{
  double x = c->x, y = c->y, w = c->w, h = c->h, cx, cy;

  if (c->selected || c->highlighted)
    {
      double m = 4 / zoom;
      cairo_rectangle (cr, x - m, y - m, w + 2 * m, h + 2 * m);
      set_rgba (
          cr,
          paint_color (self, c->selected ? RIG_PAINTER_COLOR_ACCENT : RIG_PAINTER_COLOR_HIGHLIGHT),
          0.8);
      cairo_fill (cr);
    }
  cairo_rectangle (cr, x, y, w, h);
  rig_marks_set_rgb (cr, paint_color (self, 0xFFFFFF));
  cairo_fill_preserve (cr);
  rig_marks_set_rgb (cr, c->edge);
  cairo_set_line_width (cr, edge_width (c, zoom));
  /* A few px: on an image, where the round and the mitred corner differ by
   * a fraction of a pixel, a mitred box is stroked as rectangles, much more
   * cheaply (the 10k diagram's PNG, 22 ms of 640). */
  if (on_image (cr))
    cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  rig_marks_stroke (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_rectangle (cr, x, y, w, c->hh);
  rig_marks_set_rgb (cr, _rig_painter_tint (self, c->cat, 0.45));
  cairo_fill (cr);
  badge_centre (c, &cx, &cy);
  _rig_painter_draw_badge (self, cr, cx, cy, badge_radius (zoom), c->status, zoom);
}

/* Layer @layer of card @c as _rig_painter_draw_card_far() draws it (not
 * selected nor highlighted): its path added to @cr's (when @cr is not
 * NULL) and its @ink; FALSE when the card has no such layer. */
static gboolean
card_layer (RigPainter *self, cairo_t *cr, const Card *c, double zoom, gboolean image, guint layer,
            Ink *ink)
{
  double cx, cy;

  switch (layer)
    {
      case 0:
        /* Filled white, then its edge stroked: a vector file writes the
         * box once, filled and stroked. */
        *ink = (Ink){ .stroke = TRUE,
                      .under = TRUE,
                      .under_rgb = paint_color (self, 0xFFFFFF),
                      .rgb = c->edge,
                      .width = edge_width (c, zoom),
                      .join = image ? CAIRO_LINE_JOIN_MITER : CAIRO_LINE_JOIN_ROUND };
        break;
      case 1:
        *ink = (Ink){ .stroke = FALSE, .rgb = _rig_painter_tint (self, c->cat, 0.45) };
        if (cr != NULL)
          cairo_rectangle (cr, c->x, c->y, c->w, c->hh);
        return TRUE;
      default:
        badge_centre (c, &cx, &cy);
        return _rig_painter_badge_part (self, cr, cx, cy, badge_radius (zoom), c->status, zoom,
                                        image, layer - 2, ink);
    }
  if (cr != NULL)
    cairo_rectangle (cr, c->x, c->y, c->w, c->h);
  return TRUE;
}

/* The rectangle out of which card @c inks nothing, and then @px user units
 * more round it. */
void
_rig_painter_far_card_bounds (const Card *c, double zoom, double px, RigRect *out)
{
  double half = edge_width (c, zoom) / 2;
  double x0 = c->x - half, y0 = c->y - half, x1 = c->x + c->w + half, y1 = c->y + c->h + half;

  if (c->selected || c->highlighted)
    {
      /* The halo, 4 px round the card. */
      half = MAX (half, 4 / zoom);
      x0 = c->x - half, y0 = c->y - half, x1 = c->x + c->w + half, y1 = c->y + c->h + half;
    }

  if (c->status != RIG_SEVERITY_NONE)
    {
      /* The warning's triangle reaches 1.1 radii sideways and up, the rim
       * 0.175 radii further. */
      double r = badge_radius (zoom) * 1.3, cx, cy;

      badge_centre (c, &cx, &cy);
      x0 = MIN (x0, cx - r);
      y0 = MIN (y0, cy - r);
      x1 = MAX (x1, cx + r);
      y1 = MAX (y1, cy + r);
    }
  px *= 1.01;
  *out = (RigRect){ x0 - px, y0 - px, x1 - x0 + 2 * px, y1 - y0 + 2 * px };
}

/* The layers whose alike parts share a path (a bit each) on @cr's surface.
 * On an image, boxes alone (bodies, edges and bands), which cairo
 * composites exactly whatever else is in the path: the pixels are those of
 * card by card. Curves (badges) are not: cairo's scan converter steps
 * through a row of pixels where any edge of the path starts or ends more
 * finely than through others, so a badge's edge pixels would change by a
 * level or two with the badges beside it. A vector file holds the same
 * shapes either way (how a viewer smooths their edges is its own); but PDF
 * and PostScript write a lone box as four numbers ("re") and boxes that
 * share a path as moves and lines, eight. There, the bands are each a path
 * of their own (drawn colour after colour: draw_batch()), which writes
 * fewer numbers; a body and its edge, filled white and stroked, are
 * written as a box and its two colours, ten numbers, or eight in a shared
 * path: everything else shares. On the 10k diagram's PDF this takes 2.5 %
 * fewer instructions than bands and boxes alone and card by card, and
 * 2.7 % fewer than everything shared. */
static guint
shared_layers (cairo_t *cr)
{
  const guint boxes = (1 << 0) | (1 << 1);

  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
      case CAIRO_SURFACE_TYPE_IMAGE:
        return boxes;
      case CAIRO_SURFACE_TYPE_PDF:
      case CAIRO_SURFACE_TYPE_PS:
        return ~(guint) (1 << 1);
      default:
        return ~0u;
    }
}

/* Paints each card of @cards set in @todo whose @inks equal @ink, each
 * as a path of its own, and clears them from @todo. */
static void
paint_alike (RigPainter *self, cairo_t *cr, Card *const *cards, guint n, double zoom,
             gboolean image, guint layer, const Ink *inks, const Ink *ink, guint64 *todo)
{
  for (guint i = (guint) __builtin_ctzll (*todo); i < n; i++)
    if ((*todo >> i) & 1 && _rig_painter_ink_equal (&inks[i], ink))
      {
        Ink same;

        cairo_new_path (cr);
        card_layer (self, cr, cards[i], zoom, image, layer, &same);
        _rig_painter_ink (cr, ink);
        *todo &= ~(G_GUINT64_CONSTANT (1) << i);
      }
}

/* Draws @n (at most BATCH_MAX) cards none of which touches another, layer
 * by layer, the alike parts of each layer in @shared (shared_layers()) as
 * one path (in the order of their first card). As none touches another,
 * their order within a layer is free: the parts of a layer not shared are
 * drawn alike after alike, each as a path of its own, so that a vector
 * file, which writes a colour when it changes, writes it a few times a
 * batch instead of once a card. */
static void
draw_batch (RigPainter *self, cairo_t *cr, Card *const *cards, guint n, double zoom, guint shared)
{
  gboolean image = on_image (cr);

  cairo_save (cr);
  for (guint layer = 0; layer < LAYERS; layer++)
    {
      Ink inks[BATCH_MAX];
      guint64 todo = 0;
      gboolean merge = (shared >> layer) & 1;

      for (guint i = 0; i < n; i++)
        if (card_layer (self, NULL, cards[i], zoom, image, layer, &inks[i]))
          todo |= G_GUINT64_CONSTANT (1) << i;
      while (todo != 0)
        {
          guint first = (guint) __builtin_ctzll (todo);
          Ink ink = inks[first];

          if (!merge)
            {
              paint_alike (self, cr, cards, n, zoom, image, layer, inks, &ink, &todo);
              continue;
            }
          cairo_new_path (cr);
          for (guint i = first; i < n; i++)
            if ((todo >> i) & 1 && _rig_painter_ink_equal (&inks[i], &ink))
              {
                card_layer (self, cr, cards[i], zoom, image, layer, &inks[i]);
                todo &= ~(G_GUINT64_CONSTANT (1) << i);
              }
          _rig_painter_ink (cr, &ink);
        }
    }
  cairo_restore (cr);
}

/* Draws @cards level by level, a level's cards in batches of at most @max,
 * those @alone one by one. */
static void
draw_levels (RigPainter *self, cairo_t *cr, Card *cards, const gboolean *alone, guint n,
             const RigRect *bounds, guint max, double zoom)
{
  guint shared = shared_layers (cr);
  g_autofree guint *level = g_new (guint, n);
  g_autofree guint *start = NULL;
  g_autofree Card **order = g_new (Card *, n);
  guint top = _rig_painter_assign_levels (bounds, n, level), i = 0;

  /* A counting sort by level, in drawing order within a level, those drawn
   * alone first. */
  start = g_new0 (guint, top + 1);
  for (guint k = 0; k < n; k++)
    start[level[k] + 1]++;
  for (guint l = 1; l <= top; l++)
    start[l] += start[l - 1];
  for (guint pass = 0; pass < 2; pass++)
    for (guint k = 0; k < n; k++)
      if (alone[k] == (pass == 0))
        order[start[level[k]]++] = &cards[k];
  /* start[l] is now where level l ends. */
  for (guint l = 0; l < top; l++)
    while (i < start[l])
      {
        guint len = 1;

        if (alone[order[i] - cards])
          _rig_painter_draw_card_far (self, cr, order[i], zoom);
        else
          {
            len = MIN (max, start[l] - i);
            draw_batch (self, cr, order + i, len, zoom, shared);
          }
        i += len;
      }
}

void
_rig_painter_set_max_far_batch (RigPainter *self, guint max_batch)
{
  self->max_far_batch = max_batch;
}

void
_rig_painter_set_far_badges_replayed (RigPainter *self, gboolean replayed)
{
  self->far_badges_replayed = replayed;
}

/* The rectangle within which @cr draws, in user units: its clip's extents
 * (rounded out to whole pixels by cairo), less a device pixel (@px) round
 * them, within which a rectangular clip leaves everything. */
static void
clip_box (cairo_t *cr, double px, RigRect *box)
{
  double x0, y0, x1, y1;

  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  *box = (RigRect){ x0 + px, y0 + px, x1 - x0 - 2 * px, y1 - y0 - 2 * px };
}

/* Whether card @c is drawn alone: with its halo, which is translucent, or
 * clipped, or within a pixel of the clip (@clip, clip_box()): cairo
 * composites a path its clip cuts otherwise than one the clip leaves whole,
 * even where the clip does not reach, so a batch must be left whole as each
 * of its cards is. The operation's extents, rounded out to whole pixels,
 * must be within the clip: a batch's are within the rectangle round its
 * cards', so within a clip of one rectangle (the sheet's diagram, the
 * canvas's tile) when every card's are. */
static gboolean
drawn_alone (const Card *c, const RigRect *bounds, const RigRect *clip, double zoom, double px)
{
  RigRect r = *bounds;

  if (c->selected || c->highlighted)
    return TRUE;
  rig_rect_inflate (&r, px + edge_width (c, zoom) / 4, px + edge_width (c, zoom) / 4);
  return !rig_rect_contains_rect (clip, &r);
}

void
_rig_painter_draw_far_cards (RigPainter *self, cairo_t *cr, GPtrArray *devices, double zoom)
{
  guint max = self->max_far_batch > 0 ? MIN (self->max_far_batch, BATCH_MAX) : BATCH_MAX;
  guint n = devices->len;
  g_autofree Card *cards = g_new (Card, MAX (n, 1));
  g_autofree RigRect *bounds = g_new (RigRect, MAX (n, 1));
  g_autofree gboolean *alone = g_new (gboolean, MAX (n, 1));
  double px = _rig_painter_device_pixel (cr);
  gboolean vector = _rig_painter_on_vector_file (cr);
  RigRect clip;

  clip_box (cr, px, &clip);
  for (guint i = 0; i < n; i++)
    {
      _rig_painter_card_init (self, g_ptr_array_index (devices, i), &cards[i]);
      if (max == 1)
        _rig_painter_draw_card_far (self, cr, &cards[i], zoom);
      else
        {
          _rig_painter_far_card_bounds (&cards[i], zoom, px, &bounds[i]);
          alone[i] = drawn_alone (&cards[i], &bounds[i], &clip, zoom, px);
          if (vector)
            _rig_painter_far_card_bounds (&cards[i], zoom, 0, &bounds[i]);
        }
    }
  if (max > 1 && n > 0)
    draw_levels (self, cr, cards, alone, n, bounds, max, zoom);
}
