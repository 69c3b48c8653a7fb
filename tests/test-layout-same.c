/* test-layout-same.c: a layout kept up to date is the fresh layout, to the
 * bit (#13).
 *
 * The layout reuses what it can: an entry goes back into the index cells
 * it just left without looking them up, a rebuild places the labels with
 * every cable's order known, routes share their arrays from cable to
 * cable. None of that may show: after any edit (moves, new and deleted
 * cables and devices, new numbers, undo, redo), every card, route, corner,
 * label, bound and window of the layout that followed the edits has the
 * very bits of a layout made from scratch, and so does a deferred layout
 * that the edit finished; and a route found with reused arrays is the
 * route found with new ones.
 */
#include "config.h"

#include <string.h>

#include "rig-catalog.h"
#include "rig-command.h"
#include "rig-history.h"
#include "rig-layout-private.h"
#include "rig-route.h"
#include "rig-test-models.h"

static const char *const models[] = { "tv",          "av-receiver",   "speaker-bookshelf",
                                      "mixer-small", "interface-2x2", "amp-integrated",
                                      "phone-ctia",  "power-strip" };

static const RigRect everything = { -1e8, -1e8, 2e8, 2e8 };

static void
assert_same_rect (const RigRect *a, const RigRect *b, const char *what, const char *id)
{
  if (memcmp (a, b, sizeof *a) != 0)
    g_error ("%s of %s: %a %a %a %a, fresh %a %a %a %a", what, id, a->x, a->y, a->width, a->height,
             b->x, b->y, b->width, b->height);
}

/* Every geometry @layout gives equals @fresh's, bit for bit. */
static void
assert_same_bits (RigDocument *doc, RigLayout *layout, RigLayout *fresh)
{
  g_autofree char *index = rig_layout_dump_index (layout, &everything);
  g_autofree char *fresh_index = rig_layout_dump_index (fresh, &everything);
  RigRect a, b;

  for (guint i = 0; i < rig_document_get_n_devices (doc); i++)
    {
      const char *id = rig_document_get_device (doc, i)->id;

      g_assert_true (rig_layout_get_card_rect (layout, id, &a));
      g_assert_true (rig_layout_get_card_rect (fresh, id, &b));
      assert_same_rect (&a, &b, "card", id);
      g_assert_true (rig_layout_get_device_bounds (layout, id, &a));
      g_assert_true (rig_layout_get_device_bounds (fresh, id, &b));
      assert_same_rect (&a, &b, "device bounds", id);
    }
  for (guint i = 0; i < rig_document_get_n_cables (doc); i++)
    {
      const char *id = rig_document_get_cable (doc, i)->id;
      const RigPoint *pa, *pb;
      guint na, nb;
      RigPoint ca[4], cb[4], la, lb;

      g_assert_true (rig_layout_get_cable_path (layout, id, &pa, &na));
      g_assert_true (rig_layout_get_cable_path (fresh, id, &pb, &nb));
      g_assert_cmpuint (na, ==, nb);
      g_assert_cmpmem (pa, na * sizeof *pa, pb, nb * sizeof *pb);
      g_assert_true (rig_layout_get_cable_curve (layout, id, ca));
      g_assert_true (rig_layout_get_cable_curve (fresh, id, cb));
      g_assert_cmpmem (ca, sizeof ca, cb, sizeof cb);
      g_assert_true (rig_layout_get_cable_label_point (layout, id, &la));
      g_assert_true (rig_layout_get_cable_label_point (fresh, id, &lb));
      g_assert_cmpmem (&la, sizeof la, &lb, sizeof lb);
      g_assert_true (rig_layout_get_cable_label_box (layout, id, &a));
      g_assert_true (rig_layout_get_cable_label_box (fresh, id, &b));
      assert_same_rect (&a, &b, "label box", id);
      g_assert_true (rig_layout_get_cable_bounds (layout, id, &a));
      g_assert_true (rig_layout_get_cable_bounds (fresh, id, &b));
      assert_same_rect (&a, &b, "cable bounds", id);
      g_assert_true (_rig_layout_get_cable_window (layout, id, &a));
      g_assert_true (_rig_layout_get_cable_window (fresh, id, &b));
      assert_same_rect (&a, &b, "window", id);
    }
  g_assert_cmpint (rig_layout_get_bounds (layout, &a), ==, rig_layout_get_bounds (fresh, &b));
  assert_same_rect (&a, &b, "rig bounds", "the rig");
  g_assert_cmpuint (rig_layout_get_n_buckets (layout), ==, rig_layout_get_n_buckets (fresh));
  g_assert_cmpstr (index, ==, fresh_index);
}

static void
assert_same_as_fresh (RigDocument *doc, RigLayout *layout)
{
  g_autoptr (RigLayout) fresh = rig_layout_new (doc);

  assert_same_bits (doc, layout, fresh);
}

/* Cards close together in the cells of a grid, so that routes bend round
 * them and numbers crowd; cables between random jacks. */
static RigDocument *
generate (GRand *rand, guint columns, guint rows, guint n_cables)
{
  RigDocument *doc = rig_document_new ();
  RigHistory *history = rig_test_history (doc);
  RigCatalog *catalog = rig_catalog_get_default ();

  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c < columns; c++)
      {
        RigDeviceModel *model = rig_catalog_lookup (
            catalog, models[g_rand_int_range (rand, 0, G_N_ELEMENTS (models))]);

        if (g_rand_int_range (rand, 0, 6) == 0)
          continue;
        g_assert_true (rig_history_apply (
            history,
            rig_command_add_device (model, NULL, c * 330.0 + g_rand_int_range (rand, 0, 60),
                                    r * 330.0 + g_rand_int_range (rand, 0, 60)),
            NULL));
      }
  for (guint i = 0; i < n_cables; i++)
    {
      guint n = rig_document_get_n_devices (doc);
      RigDevice *a = rig_document_get_device (doc, g_rand_int_range (rand, 0, n));
      RigDevice *b = rig_document_get_device (doc, g_rand_int_range (rand, 0, n));
      const RigJack *ja = &a->model->jacks[g_rand_int_range (rand, 0, a->model->n_jacks)];
      const RigJack *jb = &b->model->jacks[g_rand_int_range (rand, 0, b->model->n_jacks)];

      /* A refused cable (a jack in use) is simply not there. */
      rig_history_apply (history, rig_command_add_cable (a->id, ja->id, b->id, jb->id, NULL, NULL),
                         NULL);
    }
  rig_history_seal (history);
  return doc;
}

/* A longer or shorter number: a wider or narrower label. */
static RigCommand *
renumber (RigCable *cable, GRand *rand)
{
  g_autofree char *number = g_strdup_printf ("%0*d", g_rand_int_range (rand, 1, 9), 7);

  return rig_command_set_cable_number (cable->id, number);
}

/* One random edit of @doc through its history. */
static void
random_edit (RigDocument *doc, GRand *rand)
{
  RigHistory *history = rig_test_history (doc);
  RigCatalog *catalog = rig_catalog_get_default ();
  guint n_dev = rig_document_get_n_devices (doc);
  guint n_cab = rig_document_get_n_cables (doc);
  int what = g_rand_int_range (rand, 0, 12);
  RigDevice *d
      = n_dev > 0 ? rig_document_get_device (doc, g_rand_int_range (rand, 0, n_dev)) : NULL;
  RigDevice *b
      = n_dev > 0 ? rig_document_get_device (doc, g_rand_int_range (rand, 0, n_dev)) : NULL;
  RigCable *c = n_cab > 0 ? rig_document_get_cable (doc, g_rand_int_range (rand, 0, n_cab)) : NULL;
  RigCommand *command = NULL;

  if (c == NULL && (what == 5 || what >= 8))
    what = 4;
  if (d == NULL)
    what = 0;
  switch (what)
    {
      case 0:
        command = rig_command_add_device (
            rig_catalog_lookup (catalog, models[g_rand_int_range (rand, 0, G_N_ELEMENTS (models))]),
            NULL, g_rand_double_range (rand, -300, 2000), g_rand_double_range (rand, -300, 1700));
        break;
      case 1:
        /* A drag step. */
        command = rig_command_move_devices ((const char *const[]){ d->id, NULL }, 8, 8);
        break;
      case 2:
        command = rig_command_move_devices ((const char *const[]){ d->id, NULL },
                                            g_rand_double_range (rand, -400, 400),
                                            g_rand_double_range (rand, -400, 400));
        break;
      case 3:
        command = rig_command_remove_devices ((const char *const[]){ d->id, NULL });
        break;
      case 4:
        command = rig_command_add_cable (
            d->id, d->model->jacks[g_rand_int_range (rand, 0, d->model->n_jacks)].id, b->id,
            b->model->jacks[g_rand_int_range (rand, 0, b->model->n_jacks)].id, NULL, NULL);
        break;
      case 5:
        command = rig_command_remove_cables ((const char *const[]){ c->id, NULL });
        break;
      case 6:
        rig_history_undo (history);
        break;
      case 7:
        rig_history_redo (history);
        break;
      default:
        command = renumber (c, rand);
        break;
    }
  /* A refused command (a jack in use) changes nothing. */
  if (command != NULL)
    rig_history_apply (history, command, NULL);
  rig_history_seal (history);
}

static void
test_edits_give_the_fresh_layout (void)
{
  for (guint seed = 1; seed <= 3; seed++)
    {
      g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr (RigDocument) doc = generate (rand, 6, 5, 70);
      g_autoptr (RigLayout) layout = rig_layout_new (doc);

      g_test_message ("seed %u: %u devices, %u cables", seed, rig_document_get_n_devices (doc),
                      rig_document_get_n_cables (doc));
      g_assert_cmpuint (rig_document_get_n_cables (doc), >, 30);
      assert_same_as_fresh (doc, layout);
      for (guint step = 0; step < 80; step++)
        {
          /* Now and then a deferred layout, which the edit finishes. */
          g_autoptr (RigLayout) deferred = step % 16 == 0 ? rig_layout_new_deferred (doc) : NULL;

          random_edit (doc, rand);
          assert_same_as_fresh (doc, layout);
          if (deferred != NULL)
            {
              /* A refused edit (a jack in use, nothing to redo) changes
               * nothing, and finishes nothing. */
              if (rig_layout_is_provisional (deferred))
                rig_layout_finish (deferred);
              assert_same_bits (doc, deferred, layout);
            }
        }
    }
}

static void
test_examples_after_edits (void)
{
  static const char *const examples[]
      = { "home-studio.rigwire", "home-theater.rigwire", "podcast-desk.rigwire", "car.rigwire" };

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr (RigDocument) doc = rig_test_load_example (examples[e]);
      g_autoptr (RigLayout) layout = rig_layout_new (doc);
      g_autoptr (RigLayout) deferred = rig_layout_new_deferred (doc);
      g_autoptr (GRand) rand = g_rand_new_with_seed (e + 100);

      g_test_message ("%s", examples[e]);
      rig_layout_finish (deferred);
      assert_same_bits (doc, deferred, layout);
      for (guint step = 0; step < 30; step++)
        {
          random_edit (doc, rand);
          assert_same_as_fresh (doc, layout);
        }
      assert_same_bits (doc, deferred, layout);
    }
}

/* A route between two cards among others, all random. */
static void
random_problem (GRand *rand, GArray *obstacles, RigRect *window, RigRouteEnd ends[2])
{
  guint n = g_rand_int_range (rand, 0, 70);
  RigRect cards[2];

  g_array_set_size (obstacles, 0);
  for (guint e = 0; e < 2; e++)
    {
      double height = g_rand_double_range (rand, 60, 300);

      cards[e] = (RigRect){ e * g_rand_double_range (rand, -200, 1600),
                            g_rand_double_range (rand, -600, 600), 200, height };
      ends[e].side = e == 0 ? RIG_PORT_SIDE_RIGHT : RIG_PORT_SIDE_LEFT;
      ends[e].anchor = (RigPoint){ cards[e].x + (e == 0 ? cards[e].width : 0),
                                   cards[e].y + g_rand_double_range (rand, 50, height - 5) };
      ends[e].card = cards[e];
      rig_rect_inflate (&ends[e].card, 14, 14);
      ends[e].lane = g_rand_double_range (rand, -31.5, 31.5);
      g_array_append_val (obstacles, ends[e].card);
    }
  rig_rect_union (&ends[0].card, &ends[1].card, window);
  rig_rect_inflate (window, g_rand_boolean (rand) ? 160 : 560, 160);
  for (guint k = 0; k < n; k++)
    {
      RigRect r = { g_rand_double_range (rand, window->x, window->x + window->width),
                    g_rand_double_range (rand, window->y, window->y + window->height),
                    g_rand_double_range (rand, 20, 260), g_rand_double_range (rand, 20, 300) };

      g_array_append_val (obstacles, r);
    }
}

static void
test_reused_route_arrays (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  g_autoptr (GArray) obstacles = g_array_new (FALSE, FALSE, sizeof (RigRect));
  g_autoptr (GArray) fresh = g_array_new (FALSE, FALSE, sizeof (RigPoint));
  g_autoptr (GArray) reused = g_array_new (FALSE, FALSE, sizeof (RigPoint));
  RigRouteScratch *scratch = rig_route_scratch_new ();
  guint found = 0;

  for (guint i = 0; i < 600; i++)
    {
      RigRect window;
      RigRouteEnd ends[2];
      gboolean a, b;

      random_problem (rand, obstacles, &window, ends);
      g_array_set_size (fresh, 0);
      g_array_set_size (reused, 0);
      a = rig_route_find ((const RigRect *) obstacles->data, obstacles->len, &window, &ends[0],
                          &ends[1], fresh);
      b = rig_route_find_with (scratch, (const RigRect *) obstacles->data, obstacles->len, &window,
                               &ends[0], &ends[1], reused);
      g_assert_cmpint (a, ==, b);
      g_assert_cmpmem (fresh->data, fresh->len * sizeof (RigPoint), reused->data,
                       reused->len * sizeof (RigPoint));
      found += a;
    }
  /* Most problems have a route, some have none. */
  g_assert_cmpuint (found, >, 150);
  g_assert_cmpuint (found, <, 600);
  rig_route_scratch_free (scratch);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/layout-same/edits-give-the-fresh-layout", test_edits_give_the_fresh_layout);
  g_test_add_func ("/layout-same/examples-after-edits", test_examples_after_edits);
  g_test_add_func ("/layout-same/reused-route-arrays", test_reused_route_arrays);
  return g_test_run ();
}
