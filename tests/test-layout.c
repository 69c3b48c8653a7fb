/* test-layout.c: card, port and cable geometry, hit tests and the index.
 *
 * The index test applies seeded random edits through commands (and undo,
 * redo) and asserts after every one that the incrementally kept layout
 * equals a fresh layout of the same document, bucket by bucket (routes and
 * labels included: they are a function of the document), and that queries
 * of random rectangles find exactly what a brute-force scan finds.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-catalog.h"
#include "rig-command.h"
#include "rig-document-private.h"
#include "rig-history.h"
#include "rig-layout.h"
#include "rig-route.h"
#include "rig-test-models.h"

/* ---- helpers ------------------------------------------------------------ */

static RigDeviceModel *
model (const char *id)
{
  RigDeviceModel *m = rig_catalog_lookup (rig_catalog_get_default (), id);

  g_assert_nonnull (m);
  return m;
}

static char *
add_device (RigDocument *doc, const char *model_id, double x, double y)
{
  RigCommand *command = rig_command_add_device (model (model_id), NULL, x, y);
  g_autoptr (GError) error = NULL;

  g_assert_true (rig_history_apply (rig_test_history (doc), command, &error));
  g_assert_no_error (error);
  return g_strdup (rig_command_get_created_id (command));
}

static char *
connect (RigDocument *doc, const char *a, const char *ja, const char *b, const char *jb)
{
  RigCommand *command = rig_command_add_cable (a, ja, b, jb, NULL, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (rig_history_apply (rig_test_history (doc), command, &error));
  g_assert_no_error (error);
  return g_strdup (rig_command_get_created_id (command));
}

static void
move (RigDocument *doc, const char *id, double dx, double dy)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rig_history_apply (
      rig_test_history (doc), rig_command_move_devices ((const char *const[]){ id, NULL }, dx, dy),
      &error));
  g_assert_no_error (error);
  rig_history_seal (rig_test_history (doc));
}

static const RigRect everything = { -1e7, -1e7, 2e7, 2e7 };

static void
assert_same_as_fresh (RigLayout *layout)
{
  g_autoptr (RigLayout) fresh = rig_layout_new (rig_layout_get_document (layout));
  g_autofree char *a = rig_layout_dump_index (layout, &everything);
  g_autofree char *b = rig_layout_dump_index (fresh, &everything);

  g_assert_cmpstr (a, ==, b);
}

/* ---- geometry ----------------------------------------------------------- */

static void
test_card_geometry (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autofree char *avr = add_device (doc, "av-receiver", 100, 60);
  g_autoptr (RigLayout) layout = rig_layout_new (doc);
  RigDeviceModel *m = model ("av-receiver");
  RigRect card;
  guint n_in = 0, n_out = 0;
  double last_y = -1;

  g_assert_true (rig_layout_get_card_rect (layout, avr, &card));
  g_assert_cmpfloat (card.x, ==, 100);
  g_assert_cmpfloat (card.y, ==, 60);
  g_assert_cmpfloat (card.width, ==, RIG_LAYOUT_CARD_WIDTH);
  for (guint i = 0; i < m->n_jacks; i++)
    {
      if (m->jacks[i].direction == RIG_DIRECTION_IN)
        n_in++;
      else
        n_out++;
    }
  /* Header, one row per jack, padding. */
  g_assert_cmpfloat (card.height, ==,
                     RIG_LAYOUT_HEADER_HEIGHT + 6 + (n_in + n_out) * RIG_LAYOUT_ROW_HEIGHT + 8);

  /* Inputs first, on the left; then outputs on the right; rows go down. */
  for (guint i = 0; i < m->n_jacks; i++)
    {
      RigPortGeometry port;

      g_assert_true (rig_layout_get_port (layout, avr, m->jacks[i].id, &port));
      g_assert_true (port.jack == &m->jacks[i]);
      if (port.side == RIG_PORT_SIDE_LEFT)
        g_assert_cmpfloat (port.anchor.y, <,
                           card.y + RIG_LAYOUT_HEADER_HEIGHT + 6 + n_in * RIG_LAYOUT_ROW_HEIGHT);
      else
        g_assert_cmpfloat (port.anchor.y, >,
                           card.y + RIG_LAYOUT_HEADER_HEIGHT + 6 + n_in * RIG_LAYOUT_ROW_HEIGHT);
      if (port.side == RIG_PORT_SIDE_LEFT && last_y >= 0)
        g_assert_cmpfloat (port.anchor.y, >, last_y);
      if (port.side == RIG_PORT_SIDE_LEFT)
        last_y = port.anchor.y;
    }
  {
    RigPortGeometry none;
    g_assert_false (rig_layout_get_port (layout, avr, "no-such-jack", &none));
  }
  g_assert_false (rig_layout_get_card_rect (layout, "d999", &card));
}

/* Every catalog model: each port on the edge its direction says, glyphs
 * apart, labels inside the card. */
static void
test_port_sides (void)
{
  RigCatalog *catalog = rig_catalog_get_default ();
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (RigLayout) layout = rig_layout_new (doc);

  g_assert_cmpuint (rig_catalog_get_n_models (catalog), >=, 70);
  for (guint i = 0; i < rig_catalog_get_n_models (catalog); i++)
    {
      RigDeviceModel *m = rig_catalog_get_model (catalog, i);
      const RigCardShape *shape = rig_layout_get_shape (layout, m);
      RigRect card = { 0, 0, shape->width, shape->height };

      g_assert_cmpuint (shape->n_ports, ==, m->n_jacks);
      g_assert_cmpfloat (shape->width, >=, RIG_LAYOUT_CARD_WIDTH);
      for (guint p = 0; p < shape->n_ports; p++)
        {
          const RigPortShape *ps = &shape->ports[p];
          const RigJack *jack = &m->jacks[p];
          RigRect label = ps->label;

          if (jack->signal == RIG_SIGNAL_POWER)
            {
              g_assert_cmpint (ps->side, ==, RIG_PORT_SIDE_BOTTOM);
              g_assert_cmpfloat (ps->anchor.y, ==, shape->height);
              g_assert_cmpfloat (ps->anchor.y, >, shape->band_top);
            }
          else if (jack->direction == RIG_DIRECTION_IN
                   /* two-way plugs of listeners and adapters face upstream */
                   || (jack->direction == RIG_DIRECTION_BOTH
                       && (m->category == RIG_CATEGORY_HEADPHONES
                           || m->category == RIG_CATEGORY_PASSIVE_SPEAKER
                           || m->category == RIG_CATEGORY_ACTIVE_SPEAKER
                           || (m->category == RIG_CATEGORY_ADAPTER
                               && jack->gender == RIG_GENDER_PLUG))))
            {
              g_assert_cmpint (ps->side, ==, RIG_PORT_SIDE_LEFT);
              g_assert_cmpfloat (ps->anchor.x, ==, 0);
            }
          else
            {
              g_assert_cmpint (ps->side, ==, RIG_PORT_SIDE_RIGHT);
              g_assert_cmpfloat (ps->anchor.x, ==, shape->width);
            }
          g_assert_cmpfloat (ps->anchor.y, >, shape->header_height);
          g_assert_true (rig_rect_contains_rect (&card, &label));
          g_assert_true (rig_rect_contains_point (&ps->glyph, ps->anchor.x, ps->anchor.y));
          for (guint q = 0; q < p; q++)
            {
              RigRect a = shape->ports[q].glyph, b = ps->glyph;
              rig_rect_inflate (&a, -0.5, -0.5);
              rig_rect_inflate (&b, -0.5, -0.5);
              g_assert_false (rig_rect_intersects (&a, &b));
            }
        }
    }
}

static void
test_cable_curve (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autofree char *tv = add_device (doc, "tv", 0, 0);
  g_autofree char *avr = add_device (doc, "av-receiver", 500, 200);
  g_autofree char *back = add_device (doc, "av-receiver", -600, 0);
  g_autofree char *c1 = connect (doc, tv, "optical-out", avr, "optical-in");
  g_autofree char *c2 = connect (doc, tv, "audio-out", back, "in-cd");
  g_autoptr (RigLayout) layout = rig_layout_new (doc);
  RigPortGeometry from, to;
  RigPoint c[4], label;
  const RigPoint *path;
  guint n_path;
  RigRect bounds;

  g_assert_true (rig_layout_get_port (layout, tv, "optical-out", &from));
  g_assert_true (rig_layout_get_port (layout, avr, "optical-in", &to));
  g_assert_true (rig_layout_get_cable_curve (layout, c1, c));
  /* From port to port, leaving each horizontally and outward. */
  g_assert_cmpfloat (c[0].x, ==, from.anchor.x);
  g_assert_cmpfloat (c[0].y, ==, from.anchor.y);
  g_assert_cmpfloat (c[3].x, ==, to.anchor.x);
  g_assert_cmpfloat (c[3].y, ==, to.anchor.y);
  g_assert_cmpfloat (c[1].y, ==, c[0].y);
  g_assert_cmpfloat (c[2].y, ==, c[3].y);
  g_assert_cmpfloat (c[1].x, >, c[0].x); /* right edge: out to the right */
  g_assert_cmpfloat (c[2].x, <, c[3].x); /* left edge: in from the left */

  /* The route joins the same anchors; the label sits on the route, and
   * both are inside the bounds. */
  g_assert_true (rig_layout_get_cable_path (layout, c1, &path, &n_path));
  g_assert_cmpuint (n_path, >=, 2);
  g_assert_cmpfloat (path[0].x, ==, from.anchor.x);
  g_assert_cmpfloat (path[0].y, ==, from.anchor.y);
  g_assert_cmpfloat (path[n_path - 1].x, ==, to.anchor.x);
  g_assert_cmpfloat (path[n_path - 1].y, ==, to.anchor.y);
  g_assert_cmpfloat (path[1].x, >, path[0].x); /* leaves to the right */
  g_assert_cmpfloat (path[1].y, ==, path[0].y);
  g_assert_true (rig_layout_get_cable_label_point (layout, c1, &label));
  g_assert_cmpfloat (rig_polyline_distance (path, n_path, label.x, label.y, NULL), <, 1e-6);
  g_assert_true (rig_layout_get_cable_bounds (layout, c1, &bounds));
  for (guint i = 0; i < n_path; i++)
    g_assert_true (rig_rect_contains_point (&bounds, path[i].x, path[i].y));
  g_assert_true (rig_rect_contains_point (&bounds, label.x, label.y));

  /* A cable going backwards still leaves both ports outward, further out. */
  g_assert_true (rig_layout_get_cable_curve (layout, c2, c));
  g_assert_cmpfloat (c[1].x, >, c[0].x + 60);
  g_assert_cmpfloat (c[2].x, <, c[3].x - 60);
}

static void
test_bezier_bounds (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (3);

  for (guint n = 0; n < 500; n++)
    {
      RigPoint c[4], p;
      RigRect b;
      double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

      for (guint i = 0; i < 4; i++)
        c[i] = (RigPoint){ g_rand_double_range (rand, -500, 500),
                           g_rand_double_range (rand, -500, 500) };
      rig_bezier_bounds (c, &b);
      for (guint i = 0; i <= 2000; i++)
        {
          rig_bezier_point (c, i / 2000.0, &p);
          x0 = MIN (x0, p.x), y0 = MIN (y0, p.y), x1 = MAX (x1, p.x), y1 = MAX (y1, p.y);
        }
      /* Exact: the sampled extremes, to within the sampling step. */
      g_assert_cmpfloat (fabs (b.x - x0), <, 0.05);
      g_assert_cmpfloat (fabs (b.y - y0), <, 0.05);
      g_assert_cmpfloat (fabs (b.x + b.width - x1), <, 0.05);
      g_assert_cmpfloat (fabs (b.y + b.height - y1), <, 0.05);
      g_assert_cmpfloat (b.x, <=, x0 + 1e-9);
      g_assert_cmpfloat (b.x + b.width, >=, x1 - 1e-9);
    }
}

/* ---- hit tests ---------------------------------------------------------- */

static void
test_hit_device (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autofree char *a = add_device (doc, "tv", 0, 0);
  g_autofree char *b = add_device (doc, "tv", 100, 50); /* overlaps a, drawn above */
  g_autoptr (RigLayout) layout = rig_layout_new (doc);
  RigDevice *hit;

  hit = rig_layout_device_at (layout, 20, 20);
  g_assert_nonnull (hit);
  g_assert_cmpstr (hit->id, ==, a);
  hit = rig_layout_device_at (layout, 150, 60);
  g_assert_nonnull (hit);
  g_assert_cmpstr (hit->id, ==, b);
  g_assert_null (rig_layout_device_at (layout, -5, 20));
  g_assert_null (rig_layout_device_at (layout, 1000, 1000));
}

static void
test_hit_port (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autofree char *tv = add_device (doc, "tv", 0, 0);
  g_autoptr (RigLayout) layout = rig_layout_new (doc);
  RigPortGeometry port;
  const char *device, *jack;
  const double r = RIG_LAYOUT_PORT_RADIUS;

  g_assert_true (rig_layout_get_port (layout, tv, "audio-out", &port));
  g_assert_true (rig_layout_port_at (layout, port.anchor.x, port.anchor.y, 1, 4, &device, &jack));
  g_assert_cmpstr (device, ==, tv);
  g_assert_cmpstr (jack, ==, "audio-out");
  /* Within the glyph and the tolerance (4 px at zoom 1: 4 units). */
  g_assert_true (
      rig_layout_port_at (layout, port.anchor.x + r + 3.5, port.anchor.y, 1, 4, &device, &jack));
  g_assert_cmpstr (jack, ==, "audio-out");
  g_assert_false (
      rig_layout_port_at (layout, port.anchor.x + r + 5, port.anchor.y, 1, 4, &device, &jack));
  /* The tolerance is in screen px: zoomed out 4x it reaches 16 units. */
  g_assert_true (
      rig_layout_port_at (layout, port.anchor.x + r + 15, port.anchor.y, 0.25, 4, &device, &jack));
  /* Between two rows, the nearer port wins. */
  {
    RigPortGeometry next;
    g_assert_true (rig_layout_get_port (layout, tv, "optical-out", &next));
    g_assert_true (
        rig_layout_port_at (layout, next.anchor.x, next.anchor.y - 3, 1, 8, &device, &jack));
    g_assert_cmpstr (jack, ==, "optical-out");
  }
  /* The middle of the card is not a port. */
  g_assert_false (rig_layout_port_at (layout, 100, port.anchor.y, 1, 4, &device, &jack));
}

static void
test_hit_cable (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autofree char *tv = add_device (doc, "tv", 0, 0);
  g_autofree char *avr = add_device (doc, "av-receiver", 600, 300);
  g_autofree char *c1 = connect (doc, tv, "optical-out", avr, "optical-in");
  g_autoptr (RigLayout) layout = rig_layout_new (doc);
  RigPoint p, a, b;
  RigCable *hit;
  double t, nx, ny, len;

  /* A point on the route, and the normal of the route there. */
  g_assert_true (rig_layout_get_cable_point (layout, c1, 0.3, &p));
  g_assert_true (rig_layout_get_cable_point (layout, c1, 0.29, &a));
  g_assert_true (rig_layout_get_cable_point (layout, c1, 0.31, &b));
  len = hypot (b.x - a.x, b.y - a.y);
  nx = -(b.y - a.y) / len;
  ny = (b.x - a.x) / len;
  hit = rig_layout_cable_at (layout, p.x + 3 * nx, p.y + 3 * ny, 1, 5, &t);
  g_assert_nonnull (hit);
  g_assert_cmpstr (hit->id, ==, c1);
  g_assert_cmpfloat (fabs (t - 0.3), <, 0.05);
  g_assert_null (rig_layout_cable_at (layout, p.x + 30 * nx, p.y + 30 * ny, 1, 5, NULL));
  /* Zoomed out, the same 5 px reach 50 units. */
  g_assert_nonnull (rig_layout_cable_at (layout, p.x + 30 * nx, p.y + 30 * ny, 0.1, 5, NULL));
}

static void
test_devices_in_rect (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autofree char *a = add_device (doc, "tv", 0, 0);
  g_autofree char *b = add_device (doc, "tv", 400, 0);
  g_autofree char *c = add_device (doc, "tv", 2000, 2000);
  g_autoptr (RigLayout) layout = rig_layout_new (doc);
  RigRect band = { -10, -10, 450, 50 };
  g_autoptr (GPtrArray) touching = rig_layout_devices_in_rect (layout, &band, FALSE);
  g_autoptr (GPtrArray) inside = NULL;

  g_assert_cmpuint (touching->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (touching, 0), ==, a);
  g_assert_cmpstr (g_ptr_array_index (touching, 1), ==, b);
  band = (RigRect){ -10, -10, 300, 400 };
  inside = rig_layout_devices_in_rect (layout, &band, TRUE);
  g_assert_cmpuint (inside->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (inside, 0), ==, a);
  (void) c;
}

static void
test_bounds (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (RigLayout) layout = rig_layout_new (doc);
  g_autofree char *a = NULL, *b = NULL;
  RigRect bounds, card;

  g_assert_false (rig_layout_get_bounds (layout, &bounds));
  a = add_device (doc, "tv", -100, -50);
  b = add_device (doc, "av-receiver", 900, 700);
  g_assert_true (rig_layout_get_bounds (layout, &bounds));
  g_assert_true (rig_layout_get_card_rect (layout, a, &card));
  g_assert_cmpfloat (bounds.x, ==, -100);
  g_assert_cmpfloat (bounds.y, ==, -50);
  g_assert_true (rig_layout_get_card_rect (layout, b, &card));
  g_assert_cmpfloat (bounds.x + bounds.width, ==, card.x + card.width);
  g_assert_cmpfloat (bounds.y + bounds.height, ==, card.y + card.height);
}

/* ---- the index ---------------------------------------------------------- */

typedef struct
{
  guint emissions;
  GArray *damage;
} Seen;

static void
on_changed (RigLayout *layout, const RigChange *change, const GArray *damage, Seen *seen)
{
  seen->emissions++;
  g_array_set_size (seen->damage, 0);
  g_array_append_vals (seen->damage, damage->data, damage->len);
}

static gboolean
damage_covers (GArray *damage, const RigRect *r)
{
  for (guint i = 0; i < damage->len; i++)
    if (rig_rect_contains_rect (&g_array_index (damage, RigRect, i), r))
      return TRUE;
  return FALSE;
}

/* A copy of a cable's route. */
static GArray *
route_of (RigLayout *layout, const char *cable)
{
  const RigPoint *path;
  guint n_path;
  GArray *copy = g_array_new (FALSE, FALSE, sizeof (RigPoint));

  g_assert_true (rig_layout_get_cable_path (layout, cable, &path, &n_path));
  g_array_append_vals (copy, path, n_path);
  return copy;
}

/* Every point of the route in some damaged rect. */
static gboolean
damage_covers_curve (GArray *damage, GArray *route)
{
  for (guint i = 0; i <= 200; i++)
    {
      RigPoint p;
      gboolean in = FALSE;

      rig_polyline_point ((const RigPoint *) route->data, route->len, i / 200.0, &p);
      for (guint k = 0; k < damage->len && !in; k++)
        {
          RigRect r = g_array_index (damage, RigRect, k);
          in = rig_rect_contains_point (&r, p.x, p.y);
        }
      if (!in)
        return FALSE;
    }
  return TRUE;
}

static void
test_changed_signal (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autofree char *tv = add_device (doc, "tv", 0, 0);
  g_autofree char *avr = add_device (doc, "av-receiver", 500, 0);
  g_autofree char *cable = connect (doc, tv, "optical-out", avr, "optical-in");
  g_autoptr (RigLayout) layout = rig_layout_new (doc);
  Seen seen = { 0, g_array_new (FALSE, FALSE, sizeof (RigRect)) };
  RigRect before, after;
  g_autoptr (GArray) cable_before = NULL;
  g_autoptr (GArray) cable_after = NULL;

  g_signal_connect (layout, "changed", G_CALLBACK (on_changed), &seen);
  rig_layout_get_device_bounds (layout, tv, &before);
  cable_before = route_of (layout, cable);
  move (doc, tv, 0, 400);
  rig_layout_get_device_bounds (layout, tv, &after);
  cable_after = route_of (layout, cable);
  g_assert_cmpuint (seen.emissions, ==, 1);
  g_assert_cmpfloat (after.y, ==, before.y + 400);
  /* The damage covers where the device and its cable were and are. */
  g_assert_true (damage_covers (seen.damage, &before));
  g_assert_true (damage_covers (seen.damage, &after));
  g_assert_true (damage_covers_curve (seen.damage, cable_before));
  g_assert_true (damage_covers_curve (seen.damage, cable_after));

  /* A long diagonal cable is damaged along its curve, not as its whole
   * bounding box. */
  move (doc, tv, -4000, -3000);
  {
    g_autoptr (GArray) rects = g_array_new (FALSE, FALSE, sizeof (RigRect));
    RigRect bounds;
    double area = 0;

    g_assert_true (rig_layout_get_cable_damage (layout, cable, rects));
    g_assert_true (rig_layout_get_cable_bounds (layout, cable, &bounds));
    for (guint i = 0; i < rects->len; i++)
      area += g_array_index (rects, RigRect, i).width * g_array_index (rects, RigRect, i).height;
    g_assert_cmpfloat (area, <, 0.5 * bounds.width * bounds.height);
    g_array_unref (cable_after);
    cable_after = route_of (layout, cable);
    g_assert_true (damage_covers_curve (rects, cable_after));
  }
  g_array_unref (seen.damage);
}

/* Brute force: every object whose bounds meet @rect. */
static char *
brute_force (RigLayout *layout, const RigRect *rect)
{
  RigDocument *doc = rig_layout_get_document (layout);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < rig_document_get_n_devices (doc); i++)
    {
      RigDevice *d = rig_document_get_device (doc, i);
      RigRect b;
      rig_layout_get_device_bounds (layout, d->id, &b);
      if (rig_rect_intersects (&b, rect))
        g_string_append_printf (out, "d:%s ", d->id);
    }
  for (guint i = 0; i < rig_document_get_n_cables (doc); i++)
    {
      RigCable *c = rig_document_get_cable (doc, i);
      RigRect b;
      rig_layout_get_cable_bounds (layout, c->id, &b);
      if (rig_rect_intersects (&b, rect))
        g_string_append_printf (out, "c:%s ", c->id);
    }
  return g_string_free (out, FALSE);
}

static char *
queried (RigLayout *layout, const RigRect *rect)
{
  g_autoptr (GPtrArray) devices = g_ptr_array_new ();
  g_autoptr (GPtrArray) cables = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  rig_layout_query (layout, rect, devices, cables);
  for (guint i = 0; i < devices->len; i++)
    g_string_append_printf (out, "d:%s ", ((RigDevice *) g_ptr_array_index (devices, i))->id);
  for (guint i = 0; i < cables->len; i++)
    g_string_append_printf (out, "c:%s ", ((RigCable *) g_ptr_array_index (cables, i))->id);
  return g_string_free (out, FALSE);
}

static void
check_query (RigLayout *layout, const RigRect *rect)
{
  g_autofree char *expected = brute_force (layout, rect);
  g_autofree char *found = queried (layout, rect);
  g_auto (GStrv) exp_items = g_strsplit (expected, " ", -1);

  /* Everything found meets the rect... */
  {
    g_auto (GStrv) items = g_strsplit (found, " ", -1);
    for (guint i = 0; items[i] != NULL && *items[i]; i++)
      g_assert_true (g_strv_contains ((const char *const *) exp_items, items[i]));
  }
  /* ...every device that meets it is found... */
  for (guint i = 0; exp_items[i] != NULL; i++)
    if (g_str_has_prefix (exp_items[i], "d:"))
      {
        g_autofree char *needle = g_strdup_printf ("%s ", exp_items[i]);
        g_assert_nonnull (strstr (found, needle));
      }
  /* ...and so is every cable whose route passes through it. */
  {
    RigDocument *doc = rig_layout_get_document (layout);
    for (guint i = 0; i < rig_document_get_n_cables (doc); i++)
      {
        RigCable *c = rig_document_get_cable (doc, i);
        RigPoint p;
        gboolean through = FALSE;

        for (guint k = 0; k <= 100 && !through; k++)
          {
            rig_layout_get_cable_point (layout, c->id, k / 100.0, &p);
            through = rig_rect_contains_point (rect, p.x, p.y);
          }
        if (through)
          {
            g_autofree char *needle = g_strdup_printf ("c:%s ", c->id);
            g_assert_nonnull (strstr (found, needle));
          }
      }
  }
}

/* A cable found by the index must really be near: its flattened curve or
 * label in the cells of the query. The converse is what brute_force checks:
 * nothing whose bounds meet the rect is missed... except long cables whose
 * bounds meet the rect but whose curve does not come near it. */
static void
assert_queries (RigLayout *layout, GRand *rand)
{
  for (guint q = 0; q < 20; q++)
    {
      RigRect rect
          = { g_rand_double_range (rand, -800, 3000), g_rand_double_range (rand, -800, 3000),
              g_rand_double_range (rand, 1, 1500), g_rand_double_range (rand, 1, 1500) };

      check_query (layout, &rect);
    }
}

static const char *const random_models[]
    = { "tv",          "av-receiver", "speaker-bookshelf", "mixer-small",
        "power-strip", "phone-ctia",  "interface-2x2",     "amp-integrated" };

static void
test_index_random_edits (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (RigLayout) layout = rig_layout_new (doc);
  RigHistory *history = rig_test_history (doc);
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);

  for (guint step = 0; step < 400; step++)
    {
      guint n_dev = rig_document_get_n_devices (doc);
      guint n_cab = rig_document_get_n_cables (doc);
      int what = g_rand_int_range (rand, 0, 10);

      if (n_dev < 4 || what == 0)
        {
          g_autofree char *id = add_device (
              doc, random_models[g_rand_int_range (rand, 0, G_N_ELEMENTS (random_models))],
              g_rand_double_range (rand, -500, 2500), g_rand_double_range (rand, -500, 2500));
        }
      else if (what <= 3)
        {
          RigDevice *d = rig_document_get_device (doc, g_rand_int_range (rand, 0, n_dev));
          move (doc, d->id, g_rand_double_range (rand, -700, 700),
                g_rand_double_range (rand, -700, 700));
        }
      else if (what <= 5)
        {
          RigDevice *a = rig_document_get_device (doc, g_rand_int_range (rand, 0, n_dev));
          RigDevice *b = rig_document_get_device (doc, g_rand_int_range (rand, 0, n_dev));
          const RigJack *ja = &a->model->jacks[g_rand_int_range (rand, 0, a->model->n_jacks)];
          const RigJack *jb = &b->model->jacks[g_rand_int_range (rand, 0, b->model->n_jacks)];

          rig_history_apply (
              history, rig_command_add_cable (a->id, ja->id, b->id, jb->id, NULL, NULL), NULL);
        }
      else if (what == 6 && n_cab > 0)
        {
          RigCable *c = rig_document_get_cable (doc, g_rand_int_range (rand, 0, n_cab));
          RigDevice *d = rig_document_get_device (doc, g_rand_int_range (rand, 0, n_dev));
          const RigJack *j = &d->model->jacks[g_rand_int_range (rand, 0, d->model->n_jacks)];

          rig_history_apply (
              history,
              rig_command_reconnect_cable (c->id, g_rand_int_range (rand, 0, 2), d->id, j->id),
              NULL);
        }
      else if (what == 7)
        {
          RigDevice *d = rig_document_get_device (doc, g_rand_int_range (rand, 0, n_dev));
          g_assert_true (rig_history_apply (
              history, rig_command_remove_devices ((const char *const[]){ d->id, NULL }), NULL));
        }
      else if (what == 8)
        rig_history_undo (history);
      else
        rig_history_redo (history);

      assert_same_as_fresh (layout);
      if (step % 10 == 0)
        assert_queries (layout, rand);
    }
}

/* The undo of a removal brings a device back; the layout must point at the
 * restored device, not the removed one. */
static void
test_index_undo (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autofree char *tv = add_device (doc, "tv", 0, 0);
  g_autofree char *avr = add_device (doc, "av-receiver", 500, 0);
  g_autofree char *cable = connect (doc, tv, "optical-out", avr, "optical-in");
  g_autoptr (RigLayout) layout = rig_layout_new (doc);
  RigHistory *history = rig_test_history (doc);
  RigDevice *hit;
  RigRect r;

  g_assert_true (rig_history_apply (
      history, rig_command_remove_devices ((const char *const[]){ tv, NULL }), NULL));
  g_assert_null (rig_layout_device_at (layout, 20, 20));
  g_assert_false (rig_layout_get_cable_bounds (layout, cable, &r));
  assert_same_as_fresh (layout);
  g_assert_true (rig_history_undo (history));
  hit = rig_layout_device_at (layout, 20, 20);
  g_assert_nonnull (hit);
  g_assert_true (hit == rig_document_find_device (doc, tv));
  g_assert_true (rig_layout_get_cable_bounds (layout, cable, &r));
  assert_same_as_fresh (layout);
  move (doc, avr, 100, 100);
  g_assert_true (rig_history_undo (history));
  assert_same_as_fresh (layout);
}

/* Finding what is in a small view of a big rig visits that part only. */
static void
test_index_scale (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (RigLayout) layout = NULL;
  g_autoptr (GPtrArray) devices = g_ptr_array_new ();
  RigRect view = { 1000, 1000, 700, 500 };

  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *id = add_device (doc, "tv", (i % 60) * 300.0, (i / 60) * 240.0);
    }
  layout = rig_layout_new (doc);
  rig_layout_query (layout, &view, devices, NULL);
  /* The devices whose bounds meet a 700 x 500 view of a 300 x 240 grid. */
  g_assert_cmpuint (devices->len, >=, 6);
  g_assert_cmpuint (devices->len, <=, 16);
  {
    g_autofree char *expected = brute_force (layout, &view);
    g_autofree char *found = queried (layout, &view);
    g_assert_cmpstr (found, ==, expected);
  }
  /* Buckets: at most one per 256-unit cell the rig covers. */
  {
    RigRect b;
    g_assert_true (rig_layout_get_bounds (layout, &b));
    g_assert_cmpuint (rig_layout_get_n_buckets (layout), <=,
                      (guint) ((ceil (b.width / 256) + 2) * (ceil (b.height / 256) + 2)));
  }
}

/* What the single grid of 256-unit cells found (the index before levels):
 * bounds that meet @rect, and a cable only if one of up to 16 runs of its
 * route's points (their box inflated by the margin) or its label box shares
 * a cell with @rect. */
static gint64
grid_cell (double v)
{
  return (gint64) CLAMP (floor (v / 256.0), -1073741823.0, 1073741823.0);
}

static gboolean
single_grid_finds_cable (RigLayout *layout, const char *id, const RigRect *rect)
{
  const RigPoint *path;
  guint n, n_pieces;
  RigRect bounds, pieces[17];
  gint64 qx0 = grid_cell (rect->x), qy0 = grid_cell (rect->y);
  gint64 qx1 = grid_cell (rect->x + rect->width), qy1 = grid_cell (rect->y + rect->height);

  rig_layout_get_cable_path (layout, id, &path, &n);
  rig_layout_get_cable_bounds (layout, id, &bounds);
  if (!rig_rect_intersects (&bounds, rect))
    return FALSE;
  n_pieces = MIN (16, n - 1);
  for (guint i = 0; i < n_pieces; i++)
    {
      guint first = i * (n - 1) / n_pieces, last = (i + 1) * (n - 1) / n_pieces;

      rig_polyline_bounds (path + first, last - first + 1, &pieces[i]);
      rig_rect_inflate (&pieces[i], RIG_LAYOUT_CABLE_MARGIN, RIG_LAYOUT_CABLE_MARGIN);
    }
  rig_layout_get_cable_label_box (layout, id, &pieces[n_pieces]);
  for (guint i = 0; i <= n_pieces; i++)
    {
      gint64 x0 = grid_cell (pieces[i].x), y0 = grid_cell (pieces[i].y);
      gint64 x1 = grid_cell (pieces[i].x + pieces[i].width);
      gint64 y1 = grid_cell (pieces[i].y + pieces[i].height);

      if (x0 <= qx1 && qx0 <= x1 && y0 <= qy1 && qy0 <= y1)
        return TRUE;
    }
  return FALSE;
}

/* The index finds exactly what the single grid found. */
static void
assert_as_single_grid (RigLayout *layout, const RigRect *rect)
{
  RigDocument *doc = rig_layout_get_document (layout);
  g_autoptr (GPtrArray) cables = g_ptr_array_new ();
  GString *expected = g_string_new (NULL);
  GString *found = g_string_new (NULL);

  rig_layout_query (layout, rect, NULL, cables);
  for (guint i = 0; i < cables->len; i++)
    g_string_append_printf (found, "%s ", ((RigCable *) g_ptr_array_index (cables, i))->id);
  for (guint i = 0; i < rig_document_get_n_cables (doc); i++)
    if (single_grid_finds_cable (layout, rig_document_get_cable (doc, i)->id, rect))
      g_string_append_printf (expected, "%s ", rig_document_get_cable (doc, i)->id);
  g_assert_cmpstr (found->str, ==, expected->str);
  g_string_free (expected, TRUE);
  g_string_free (found, TRUE);
  check_query (layout, rect);
}

/* Coordinates far out (the loader allows +-1e6; more only through the API):
 * each cable and device takes a bounded number of buckets, and queries find
 * what the single grid found. A cable across 1e6 units used to take a
 * million cells; across 2e9, the program never finished. */
static void
test_index_far (void)
{
  static const RigPoint places[] = {
    { 0, 0 },      { 1e6, 1e6 },  { -1e6, 1e6 }, { 1e6, -1e6 }, { 1e9, 1e9 },    { -1e9, -1e9 },
    { 1e9, -1e9 }, { -1e9, 1e9 }, { 300, 0 },    { 5e4, 2e3 },  { 1e12, -1e12 }, { -1e15, 1e15 },
  };
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (RigLayout) layout = NULL;
  g_autoptr (GTimer) timer = g_timer_new ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (5);
  RigDeviceModel *tv = model ("tv");
  const RigRect all = { -3e15, -3e15, 6e15, 6e15 };
  guint n_cables = 0;

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_autofree char *id = g_strdup_printf ("d%u", i);
      _rig_document_insert_device (doc, rig_device_new (id, tv, NULL, places[i].x, places[i].y),
                                   G_MAXUINT, NULL);
    }
  /* Every device to every other, jack by jack. */
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    for (guint j = 0; j < G_N_ELEMENTS (places); j++)
      if (i != j)
        {
          g_autofree char *id = g_strdup_printf ("c%u", n_cables);
          g_autofree char *a = g_strdup_printf ("d%u", i);
          g_autofree char *b = g_strdup_printf ("d%u", j);
          _rig_document_insert_cable (doc,
                                      rig_cable_new (id, id, a, tv->jacks[j % tv->n_jacks].id, b,
                                                     tv->jacks[i % tv->n_jacks].id, NULL),
                                      G_MAXUINT, NULL);
          n_cables++;
        }
  layout = rig_layout_new (doc);
  g_assert_cmpuint (rig_layout_get_n_buckets (layout), <=,
                    256 * (n_cables + G_N_ELEMENTS (places)));
  assert_same_as_fresh (layout);
  {
    /* Near cables on the finest grid, far ones on coarser ones, the
     * farthest in the list of huge entries. */
    g_autofree char *dump = rig_layout_dump_index (layout, &all);
    g_assert_nonnull (strstr (dump, "\ncell 0 "));
    g_assert_nonnull (strstr (dump, "\ncell 2 "));
    /* (Routes are straight runs: the longest sit on level 4 or 5.) */
    g_assert_true (strstr (dump, "\ncell 4 ") != NULL || strstr (dump, "\ncell 5 ") != NULL);
    g_assert_nonnull (strstr (dump, "\nhuge: "));
  }

  /* Around each device, tiny and huge rects, and random ones at every scale. */
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      RigRect near = { places[i].x - 100, places[i].y - 100, 400, 400 };
      RigRect dot = { places[i].x + 5, places[i].y + 5, 0, 0 };
      assert_as_single_grid (layout, &near);
      assert_as_single_grid (layout, &dot);
    }
  assert_as_single_grid (layout, &all);
  for (guint q = 0; q < 200; q++)
    {
      double scale = pow (10, g_rand_double_range (rand, 2, 15.5));
      RigRect rect
          = { g_rand_double_range (rand, -scale, scale), g_rand_double_range (rand, -scale, scale),
              g_rand_double_range (rand, 0, scale / 10),
              g_rand_double_range (rand, 0, scale / 10) };
      assert_as_single_grid (layout, &rect);
    }

  /* Moving a device far out and back keeps the index as a fresh one. */
  for (guint step = 0; step < 4; step++)
    {
      g_autoptr (RigChange) change = rig_change_new ();
      RigDevice *d = rig_document_find_device (doc, "d8");
      double far = step % 2 ? 300 : (step ? -1e9 : 1e9);

      _rig_document_move_device (doc, d, far, -far, change);
      _rig_document_emit_changed (doc, change);
      assert_same_as_fresh (layout);
      assert_as_single_grid (layout, &(RigRect){ far - 50, -far - 50, 300, 300 });
    }
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 20.0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout/card/geometry", test_card_geometry);
  g_test_add_func ("/layout/card/port-sides", test_port_sides);
  g_test_add_func ("/layout/cable/curve", test_cable_curve);
  g_test_add_func ("/layout/cable/bezier-bounds", test_bezier_bounds);
  g_test_add_func ("/layout/hit/device", test_hit_device);
  g_test_add_func ("/layout/hit/port", test_hit_port);
  g_test_add_func ("/layout/hit/cable", test_hit_cable);
  g_test_add_func ("/layout/hit/rubber-band", test_devices_in_rect);
  g_test_add_func ("/layout/bounds", test_bounds);
  g_test_add_func ("/layout/index/changed-signal", test_changed_signal);
  g_test_add_func ("/layout/index/random-edits", test_index_random_edits);
  g_test_add_func ("/layout/index/undo", test_index_undo);
  g_test_add_func ("/layout/index/scale", test_index_scale);
  g_test_add_func ("/layout/index/far", test_index_far);

  return g_test_run ();
}
