/* rig-painter-badges.c: the cables' status badges far out, drawn in
 * batches on vector files.
 *
 * Far out, a cable's label is its status badge alone, and a large rig's
 * sheet has thousands. Drawn badge by badge, each is four or five paths
 * (rim, body, the pieces of its mark), each with its colour and line
 * width: on the 10k diagram's PDF, some 5,000 paths. Here the badges are
 * given levels (rig-painter-levels.c): badges of a level never touch, so
 * each of their parts may be drawn for all the level's badges at once,
 * alike parts (the same severity) sharing one path, and a badge still
 * comes after every earlier badge it touches. Only on vector files: on an
 * image, and on a recording surface played back onto one, cairo's scan
 * converter smooths a disc's edge a level or two otherwise with other
 * discs in its path (rig-painter-far.c, shared_layers()); on a vector file
 * the smoothing is the viewer's own. (The tests batch them on recording
 * surfaces too: _rig_painter_set_far_badges_replayed().)
 */
#include "config.h"

#include "rig-painter-private.h"

typedef struct
{
  double x, y;
  RigSeverity status;
} Badge;

/* The badges of a level, part by part, each severity's as one path. */
static void
draw_level (RigPainter *self, cairo_t *cr, const Badge *const *badges, guint n, double r,
            double zoom)
{
  for (guint part = 0; part < BADGE_PARTS; part++)
    for (guint severity = RIG_SEVERITY_INFO; severity < RIG_N_SEVERITIES; severity++)
      {
        gboolean any = FALSE;
        Ink ink;

        cairo_new_path (cr);
        for (guint i = 0; i < n; i++)
          if (badges[i]->status == severity)
            any |= _rig_painter_badge_part (self, cr, badges[i]->x, badges[i]->y, r, severity, zoom,
                                            FALSE, part, &ink);
        if (any)
          _rig_painter_ink (cr, &ink);
      }
}

void
_rig_painter_draw_far_badges (RigPainter *self, cairo_t *cr, GPtrArray *cables,
                              const guint8 *statuses, double zoom)
{
  /* As _rig_painter_label_cable() draws them, alone. */
  double r = MAX (BADGE_RADIUS, 3.5 / zoom);
  /* A badge inks nothing beyond 1.3 radii of its centre (a warning's
   * triangle reaches 1.1 radii, its rim 0.175 more: as a far card's
   * badge), and on a recording surface, played back onto pixels (the
   * tests), a device pixel more. */
  double reach = r * 1.3 + (_rig_painter_on_vector_file (cr) ? 0 : _rig_painter_device_pixel (cr));
  g_autoptr (GArray) badges = g_array_sized_new (FALSE, FALSE, sizeof (Badge), cables->len);
  g_autofree RigRect *bounds = NULL;
  g_autofree guint *level = NULL, *start = NULL;
  g_autofree const Badge **order = NULL;
  guint n, top;

  for (guint i = 0; i < cables->len; i++)
    {
      const RigCable *cable = g_ptr_array_index (cables, i);
      Badge badge = { .status = statuses[i] };
      RigPoint p;

      if (badge.status != RIG_SEVERITY_NONE
          && rig_layout_get_cable_label_point (self->layout, cable->id, &p))
        {
          badge.x = p.x;
          badge.y = p.y;
          g_array_append_val (badges, badge);
        }
    }
  n = badges->len;
  if (n == 0)
    return;
  bounds = g_new (RigRect, n);
  for (guint i = 0; i < n; i++)
    {
      const Badge *b = &g_array_index (badges, Badge, i);

      bounds[i] = (RigRect){ b->x - reach, b->y - reach, 2 * reach, 2 * reach };
    }
  level = g_new (guint, n);
  top = _rig_painter_assign_levels (bounds, n, level);

  /* A counting sort by level, in drawing order within a level. */
  start = g_new0 (guint, top + 1);
  order = g_new (const Badge *, n);
  for (guint i = 0; i < n; i++)
    start[level[i] + 1]++;
  for (guint l = 1; l <= top; l++)
    start[l] += start[l - 1];
  for (guint i = 0; i < n; i++)
    order[start[level[i]]++] = &g_array_index (badges, Badge, i);

  cairo_save (cr);
  for (guint l = 0, first = 0; l < top; first = start[l], l++)
    draw_level (self, cr, order + first, start[l] - first, r, zoom);
  cairo_restore (cr);
}
