/* test-routing.c: cables route around cards and their numbers sit clear.
 *
 * For every example rig shipped in the GResource and for seeded generated
 * rigs (cards scattered over a grid, cables between random jacks), and again
 * after moving cards about: no route enters a card (a route starts and ends
 * on its ports' edges and leaves them outward), no number's box covers a
 * card, a port or another number's box. The one exception is a number with
 * no room on its route: when the stretch between the two cards is shorter
 * than the number, it cannot sit on the cable clear of both.
 */
#include "config.h"

#include <math.h>

#include "rig-catalog.h"
#include "rig-command.h"
#include "rig-format.h"
#include "rig-history.h"
#include "rig-layout.h"
#include "rig-route.h"
#include "rig-test-models.h"

#define EXAMPLES_PATH "/io/github/rigwire/Rigwire/examples/"

/* A card with its port glyphs, which straddle its edges. */
static RigRect
card_with_ports (RigLayout *layout, const RigDevice *device)
{
  RigRect r;

  g_assert_true (rig_layout_get_card_rect (layout, device->id, &r));
  rig_rect_inflate (&r, RIG_LAYOUT_PORT_RADIUS, RIG_LAYOUT_PORT_RADIUS);
  return r;
}

/* Whether the route has any stretch outside every card (with its ports)
 * as long as @length: room for a label. */
static gboolean
has_room (RigLayout *layout, const RigPoint *path, guint n, double length)
{
  RigDocument *doc = rig_layout_get_document (layout);
  double run = 0;

  for (guint k = 0; k <= 400; k++)
    {
      RigPoint p;
      gboolean inside = FALSE;

      rig_polyline_point (path, n, k / 400.0, &p);
      for (guint d = 0; d < rig_document_get_n_devices (doc) && !inside; d++)
        {
          RigRect r = card_with_ports (layout, rig_document_get_device (doc, d));
          inside = rig_rect_contains_point (&r, p.x, p.y);
        }
      run = inside ? 0 : run + rig_polyline_length (path, n) / 400.0;
      if (run >= length)
        return TRUE;
    }
  return FALSE;
}

/* Asserts the routes and labels of every cable; returns how many labels had
 * no room. */
static guint
check_rig (RigLayout *layout, const char *what)
{
  RigDocument *doc = rig_layout_get_document (layout);
  guint n_dev = rig_document_get_n_devices (doc), n_cab = rig_document_get_n_cables (doc);
  guint no_room = 0;

  for (guint i = 0; i < n_cab; i++)
    {
      RigCable *cable = rig_document_get_cable (doc, i);
      const RigPoint *path;
      guint n;
      RigRect box;
      gboolean roomy;

      g_assert_true (rig_layout_get_cable_path (layout, cable->id, &path, &n));
      g_assert_true (rig_layout_get_cable_label_box (layout, cable->id, &box));
      roomy = has_room (layout, path, n, box.width);
      if (!roomy)
        no_room++;
      for (guint d = 0; d < n_dev; d++)
        {
          RigDevice *device = rig_document_get_device (doc, d);
          RigRect card, ports = card_with_ports (layout, device);

          g_assert_true (rig_layout_get_card_rect (layout, device->id, &card));
          /* Half a unit of slack for rounding. */
          rig_rect_inflate (&card, -0.5, -0.5);
          if (rig_polyline_crosses_rect (path, n, &card))
            g_error ("%s: cable %s runs through card %s", what, cable->id, device->id);
          if (roomy && rig_rect_intersects (&box, &ports))
            g_error ("%s: the number of cable %s covers card %s", what, cable->id, device->id);
        }
      for (guint j = 0; j < i; j++)
        {
          RigCable *other = rig_document_get_cable (doc, j);
          RigRect other_box;

          g_assert_true (rig_layout_get_cable_label_box (layout, other->id, &other_box));
          if (roomy && rig_rect_intersects (&box, &other_box))
            g_error ("%s: the numbers of cables %s and %s overlap", what, cable->id, other->id);
        }
    }
  return no_room;
}

static void
test_examples (void)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) names
      = g_resources_enumerate_children (EXAMPLES_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (EXAMPLES_PATH, names[i], NULL);
      g_autoptr (GBytes) bytes
          = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      g_autoptr (RigDocument) doc = NULL;
      g_autoptr (RigLayout) layout = NULL;
      guint no_room;

      g_assert_no_error (error);
      doc = rig_format_load_bytes (bytes, names[i], NULL, &error);
      g_assert_no_error (error);
      layout = rig_layout_new (doc);
      no_room = check_rig (layout, names[i]);
      /* The examples leave room for every number (generated rigs may not). */
      if (no_room > 0)
        g_error ("%s: %u numbers without room on their cable", names[i], no_room);
    }
}

static const char *const models[] = { "tv",          "av-receiver",   "speaker-bookshelf",
                                      "mixer-small", "interface-2x2", "amp-integrated",
                                      "phone-ctia",  "power-strip" };

/* Cards in the cells of a grid (one in most cells, at a random place in
 * it), cables between random jacks. */
static RigDocument *
generate (GRand *rand, guint columns, guint rows, guint n_cables)
{
  RigDocument *doc = rig_document_new ();
  RigHistory *history = rig_test_history (doc);
  RigCatalog *catalog = rig_catalog_get_default ();
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c < columns; c++)
      {
        RigDeviceModel *model = rig_catalog_lookup (
            catalog, models[g_rand_int_range (rand, 0, G_N_ELEMENTS (models))]);
        RigCommand *command;

        if (g_rand_int_range (rand, 0, 5) == 0)
          continue;
        command = rig_command_add_device (model, NULL, c * 560.0 + g_rand_int_range (rand, 0, 100),
                                          r * 480.0 + g_rand_int_range (rand, 0, 80));
        g_assert_true (rig_history_apply (history, command, NULL));
        g_ptr_array_add (ids, g_strdup (rig_command_get_created_id (command)));
      }
  for (guint i = 0; i < n_cables && ids->len > 1; i++)
    {
      RigDevice *a = rig_document_find_device (
          doc, g_ptr_array_index (ids, g_rand_int_range (rand, 0, ids->len)));
      RigDevice *b = rig_document_find_device (
          doc, g_ptr_array_index (ids, g_rand_int_range (rand, 0, ids->len)));
      const RigJack *ja = &a->model->jacks[g_rand_int_range (rand, 0, a->model->n_jacks)];
      const RigJack *jb = &b->model->jacks[g_rand_int_range (rand, 0, b->model->n_jacks)];

      /* A refused cable (a jack in use) is simply not there. */
      rig_history_apply (history, rig_command_add_cable (a->id, ja->id, b->id, jb->id, NULL, NULL),
                         NULL);
    }
  return doc;
}

static void
test_generated (void)
{
  for (guint seed = 1; seed <= 6; seed++)
    {
      g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr (RigDocument) doc = generate (rand, 6, 4, 30);
      g_autoptr (RigLayout) layout = rig_layout_new (doc);
      g_autofree char *what = g_strdup_printf ("generated rig %u", seed);

      g_assert_cmpuint (rig_document_get_n_cables (doc), >, 5);
      check_rig (layout, what);
    }
}

/* Moving cards about: the routes that were in the way follow, as do the
 * moved cards' own; the layout kept incrementally stays clear. */
static void
test_moves (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  g_autoptr (RigDocument) doc = generate (rand, 5, 4, 24);
  g_autoptr (RigLayout) layout = rig_layout_new (doc);
  RigHistory *history = rig_test_history (doc);

  for (guint step = 0; step < 40; step++)
    {
      RigDevice *d = rig_document_get_device (
          doc, g_rand_int_range (rand, 0, rig_document_get_n_devices (doc)));
      /* Moves to free places of the grid only, so that cards never overlap:
       * a row below the rig, one column per step. */
      double x = (step % 10) * 560.0, y = 4 * 480.0 + (step / 10) * 480.0;
      g_autofree char *what = g_strdup_printf ("move %u", step);

      if (step % 3 == 2)
        g_assert_true (rig_history_undo (history));
      else
        g_assert_true (rig_history_apply (
            history,
            rig_command_move_devices ((const char *const[]){ d->id, NULL }, x - d->x, y - d->y),
            NULL));
      check_rig (layout, what);
    }
}

/* The first jack of @device drawn on @side. */
static const char *
jack_on (RigDocument *doc, const char *device, RigPortSide side)
{
  RigDeviceModel *m = rig_document_find_device (doc, device)->model;

  for (guint i = 0; i < m->n_jacks; i++)
    if (rig_layout_jack_side (m, &m->jacks[i]) == side)
      return m->jacks[i].id;
  g_assert_not_reached ();
}

/* A cable between two cards with a third straight between them goes around
 * it, in few bends, and its number sits clear. */
static void
test_around (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  RigHistory *history = rig_test_history (doc);
  RigCatalog *catalog = rig_catalog_get_default ();
  char *ids[3] = { NULL };
  g_autofree char *cable = NULL;
  RigCommand *command;
  const RigPoint *path;
  guint n, bends = 0;
  g_autoptr (RigLayout) layout = NULL;

  for (guint i = 0; i < 3; i++)
    {
      command = rig_command_add_device (rig_catalog_lookup (catalog, "amp-integrated"), NULL,
                                        i * 400.0, 0);
      g_assert_true (rig_history_apply (history, command, NULL));
      ids[i] = g_strdup (rig_command_get_created_id (command));
    }
  command = rig_command_add_cable (ids[0], jack_on (doc, ids[0], RIG_PORT_SIDE_RIGHT), ids[2],
                                   jack_on (doc, ids[2], RIG_PORT_SIDE_LEFT), NULL, NULL);
  g_assert_true (rig_history_apply (history, command, NULL));
  cable = g_strdup (rig_command_get_created_id (command));
  layout = rig_layout_new (doc);
  g_assert_true (rig_layout_get_cable_path (layout, cable, &path, &n));
  g_assert_cmpuint (check_rig (layout, "around"), ==, 0);
  for (guint k = 1; k + 1 < n; k++)
    {
      double cross = (path[k].x - path[k - 1].x) * (path[k + 1].y - path[k].y)
                     - (path[k].y - path[k - 1].y) * (path[k + 1].x - path[k].x);
      bends += fabs (cross) > 1e-3;
    }
  /* Four rounded corners at most, each flattened into a few pieces. */
  g_assert_cmpuint (bends, >, 0);
  g_assert_cmpuint (bends, <=, 4 * 7);
  for (guint i = 0; i < 3; i++)
    g_free (ids[i]);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/routing/examples", test_examples);
  g_test_add_func ("/routing/generated", test_generated);
  g_test_add_func ("/routing/moves", test_moves);
  g_test_add_func ("/routing/around", test_around);
  return g_test_run ();
}
