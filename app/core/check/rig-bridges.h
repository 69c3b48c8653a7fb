/* rig-bridges.h: the bridges of an undirected multigraph, its
 * two-edge-connected parts and its blocks (for signal.ground-loop, physics.md §7.3).
 *
 * A graph is given as edges: edge e joins eu[e] and ev[e] (vertices below
 * n_vertices). Parallel edges are distinct edges, so two cables between the
 * same two devices are never bridges. Loops (eu[e] == ev[e]) are allowed and
 * never bridges.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets bridge[e] to 1 for every edge whose removal disconnects its ends, 0
 * for the others (Tarjan's algorithm, iterative, O(V + E)). */
void
rig_bridges_find (guint n_vertices, guint n_edges, const guint *eu, const guint *ev,
                  guint8 *bridge);

/* The two-edge-connected parts: part[v] is the smallest vertex of the part
 * of v, the vertices joined to it by edges that are not bridges. */
void
rig_bridges_parts (guint n_vertices, guint n_edges, const guint *eu, const guint *ev,
                   const guint8 *bridge, guint *part);

/* The blocks (biconnected components) of the graph: block[e] numbers the
 * block of edge e, from 0; returns the number of blocks. Two edges lie on
 * one simple cycle exactly when they are in the same block (a loop edge is
 * a block of its own). Tarjan's algorithm, iterative, O(V + E). */
guint
rig_bridges_blocks (guint n_vertices, guint n_edges, const guint *eu, const guint *ev,
                    guint *block);

G_END_DECLS
