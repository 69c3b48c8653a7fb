/* test-bridges.c: bridges, two-edge-connected parts and blocks of small
 * hand-made multigraphs (rig-bridges.c, the heart of signal.ground-loop). */
#include "config.h"

#include "rig-bridges.h"

typedef struct
{
  guint nv, ne;
  const guint *eu, *ev;
} Graph;

/* Runs both functions on @g and checks them against @bridges (one flag per
 * edge) and @parts (the expected part of every vertex). */
static void
check_graph (const Graph *g, const guint8 *bridges, const guint *parts)
{
  g_autofree guint8 *bridge = g_new (guint8, MAX (g->ne, 1));
  g_autofree guint *part = g_new (guint, MAX (g->nv, 1));

  rig_bridges_find (g->nv, g->ne, g->eu, g->ev, bridge);
  for (guint e = 0; e < g->ne; e++)
    {
      if (bridge[e] != bridges[e])
        g_test_message ("edge %u (%u-%u): bridge %u, expected %u", e, g->eu[e], g->ev[e], bridge[e],
                        bridges[e]);
      g_assert_cmpuint (bridge[e], ==, bridges[e]);
    }
  rig_bridges_parts (g->nv, g->ne, g->eu, g->ev, bridge, part);
  for (guint v = 0; v < g->nv; v++)
    g_assert_cmpuint (part[v], ==, parts[v]);
}

/* A path 0-1-2-3: every edge is a bridge, every vertex its own part. */
static void
test_path (void)
{
  static const guint eu[] = { 0, 1, 2 }, ev[] = { 1, 2, 3 };
  static const guint8 bridges[] = { 1, 1, 1 };
  static const guint parts[] = { 0, 1, 2, 3 };
  Graph g = { 4, 3, eu, ev };

  check_graph (&g, bridges, parts);
}

/* A triangle 0-1-2 with a tail 2-3: the tail alone is a bridge. */
static void
test_triangle_with_tail (void)
{
  static const guint eu[] = { 0, 1, 2, 2 }, ev[] = { 1, 2, 0, 3 };
  static const guint8 bridges[] = { 0, 0, 0, 1 };
  static const guint parts[] = { 0, 0, 0, 3 };
  Graph g = { 4, 4, eu, ev };

  check_graph (&g, bridges, parts);
}

/* Two cables between the same two devices are two edges: a loop, not a
 * bridge (a PC powering USB speakers that also take its aux output). */
static void
test_parallel_edges (void)
{
  static const guint eu[] = { 0, 1, 1 }, ev[] = { 1, 0, 2 };
  static const guint8 bridges[] = { 0, 0, 1 };
  static const guint parts[] = { 0, 0, 2 };
  Graph g = { 3, 3, eu, ev };

  check_graph (&g, bridges, parts);
}

/* Two triangles joined by one edge (2-3), and a vertex with no edge: the
 * joining edge is the only bridge. */
static void
test_two_cycles (void)
{
  static const guint eu[] = { 0, 1, 2, 2, 3, 4, 5 }, ev[] = { 1, 2, 0, 3, 4, 5, 3 };
  static const guint8 bridges[] = { 0, 0, 0, 1, 0, 0, 0 };
  static const guint parts[] = { 0, 0, 0, 3, 3, 3, 6 };
  Graph g = { 7, 7, eu, ev };

  check_graph (&g, bridges, parts);
}

/* Mains earth as a hub: devices 1 and 2 both earthed (edges to 0) and joined
 * by a cable close a loop; device 3 hangs on device 2 by a single cable. */
static void
test_earth_hub (void)
{
  static const guint eu[] = { 1, 2, 1, 2 }, ev[] = { 0, 0, 2, 3 };
  static const guint8 bridges[] = { 0, 0, 0, 1 };
  static const guint parts[] = { 0, 0, 0, 3 };
  Graph g = { 4, 4, eu, ev };

  check_graph (&g, bridges, parts);
}

/* A self-loop is never a bridge and joins nothing; no edges at all is fine. */
static void
test_degenerate (void)
{
  static const guint eu[] = { 0, 0 }, ev[] = { 0, 1 };
  static const guint8 bridges[] = { 0, 1 };
  static const guint parts[] = { 0, 1 };
  Graph g = { 2, 2, eu, ev };
  Graph empty = { 3, 0, NULL, NULL };
  static const guint empty_parts[] = { 0, 1, 2 };

  check_graph (&g, bridges, parts);
  check_graph (&empty, NULL, empty_parts);
}

/* A long chain closed into a ring, deep enough that a recursive search
 * would be at risk: no bridges, one part. */
static void
test_long_ring (void)
{
  const guint n = 100000;
  g_autofree guint *eu = g_new (guint, n);
  g_autofree guint *ev = g_new (guint, n);
  g_autofree guint8 *bridges = g_new0 (guint8, n);
  g_autofree guint *parts = g_new0 (guint, n);
  Graph g = { n, n, eu, ev };

  for (guint i = 0; i < n; i++)
    {
      eu[i] = i;
      ev[i] = (i + 1) % n;
    }
  check_graph (&g, bridges, parts);
}

/* Blocks: two triangles sharing vertex 2 (a figure eight) are two blocks,
 * since no simple cycle takes an edge of each; two parallel edges and a
 * loop edge. A hum loop through one triangle cannot use an earth reference
 * in the other (physics.md §7.3). */
static void
test_blocks (void)
{
  static const guint eu[] = { 0, 1, 2, 2, 3, 4, 5, 5, 6 };
  static const guint ev[] = { 1, 2, 0, 3, 4, 2, 6, 6, 6 };
  guint block[G_N_ELEMENTS (eu)];
  guint nb = rig_bridges_blocks (7, G_N_ELEMENTS (eu), eu, ev, block);

  g_assert_cmpuint (nb, ==, 4);
  g_assert_cmpuint (block[0], ==, block[1]);
  g_assert_cmpuint (block[1], ==, block[2]);
  g_assert_cmpuint (block[3], ==, block[4]);
  g_assert_cmpuint (block[4], ==, block[5]);
  g_assert_cmpuint (block[0], !=, block[3]);
  g_assert_cmpuint (block[6], ==, block[7]);
  g_assert_cmpuint (block[6], !=, block[0]);
  g_assert_cmpuint (block[8], !=, block[6]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bridges/path", test_path);
  g_test_add_func ("/bridges/triangle-with-tail", test_triangle_with_tail);
  g_test_add_func ("/bridges/parallel-edges", test_parallel_edges);
  g_test_add_func ("/bridges/two-cycles", test_two_cycles);
  g_test_add_func ("/bridges/earth-hub", test_earth_hub);
  g_test_add_func ("/bridges/degenerate", test_degenerate);
  g_test_add_func ("/bridges/long-ring", test_long_ring);
  g_test_add_func ("/bridges/blocks", test_blocks);
  return g_test_run ();
}
