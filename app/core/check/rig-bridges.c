/* rig-bridges.c: bridges, two-edge-connected parts and blocks of a
 * multigraph. */
#include "config.h"

#include "rig-bridges.h"

/* The graph in CSR form: the edges around vertex v are adj_*[start[v] ..
 * start[v + 1]]. */
typedef struct
{
  guint *start;
  guint *adj_v; /* the other end */
  guint *adj_e; /* the edge */
} Adjacency;

static void
adjacency_init (Adjacency *g, guint nv, guint ne, const guint *eu, const guint *ev)
{
  guint *fill;

  g->start = g_new0 (guint, nv + 1);
  for (guint e = 0; e < ne; e++)
    {
      g->start[eu[e] + 1]++;
      g->start[ev[e] + 1]++;
    }
  for (guint v = 0; v < nv; v++)
    g->start[v + 1] += g->start[v];
  g->adj_v = g_new (guint, MAX (2 * ne, 1));
  g->adj_e = g_new (guint, MAX (2 * ne, 1));
  fill = g_memdup2 (g->start, sizeof (guint) * (nv + 1));
  for (guint e = 0; e < ne; e++)
    {
      g->adj_v[fill[eu[e]]] = ev[e];
      g->adj_e[fill[eu[e]]++] = e;
      g->adj_v[fill[ev[e]]] = eu[e];
      g->adj_e[fill[ev[e]]++] = e;
    }
  g_free (fill);
}

static void
adjacency_clear (Adjacency *g)
{
  g_free (g->start);
  g_free (g->adj_v);
  g_free (g->adj_e);
}

/* A bridge is an edge that is a block on its own (a loop edge is one too,
 * but never a bridge). */
void
rig_bridges_find (guint nv, guint ne, const guint *eu, const guint *ev, guint8 *bridge)
{
  guint *block = g_new (guint, MAX (ne, 1));
  guint nb = rig_bridges_blocks (nv, ne, eu, ev, block);
  guint *size = g_new0 (guint, MAX (nb, 1));

  for (guint e = 0; e < ne; e++)
    size[block[e]]++;
  for (guint e = 0; e < ne; e++)
    bridge[e] = eu[e] != ev[e] && size[block[e]] == 1;
  g_free (size);
  g_free (block);
}

static guint
find_root (guint *parent, guint x)
{
  while (parent[x] != x)
    x = parent[x] = parent[parent[x]];
  return x;
}

void
rig_bridges_parts (guint nv, guint ne, const guint *eu, const guint *ev, const guint8 *bridge,
                   guint *part)
{
  for (guint v = 0; v < nv; v++)
    part[v] = v;
  for (guint e = 0; e < ne; e++)
    if (!bridge[e])
      {
        guint a = find_root (part, eu[e]), b = find_root (part, ev[e]);
        if (a != b)
          part[MAX (a, b)] = MIN (a, b);
      }
  for (guint v = 0; v < nv; v++)
    part[v] = find_root (part, v);
}

/* Assigns @nb to the edges on the edge stack down to @until (included). */
static void
pop_block (guint *es, guint *esp, guint until, guint nb, guint *block)
{
  guint e;

  do
    {
      e = es[--*esp];
      block[e] = nb;
    }
  while (e != until);
}

guint
rig_bridges_blocks (guint nv, guint ne, const guint *eu, const guint *ev, guint *block)
{
  Adjacency g;
  guint *disc = g_new0 (guint, MAX (nv, 1));
  guint *low = g_new0 (guint, MAX (nv, 1));
  guint *st_v = g_new (guint, MAX (nv, 1));
  guint *st_e = g_new (guint, MAX (nv, 1));
  guint *st_it = g_new (guint, MAX (nv, 1));
  guint *es = g_new (guint, MAX (ne, 1)); /* the edges of the blocks being built */
  guint timer = 1, nb = 0, esp = 0;

  adjacency_init (&g, nv, ne, eu, ev);
  for (guint e = 0; e < ne; e++)
    if (eu[e] == ev[e])
      block[e] = nb++;
  for (guint root = 0; root < nv; root++)
    {
      guint sp = 0;

      if (disc[root] != 0 || g.start[root] == g.start[root + 1])
        continue;
      disc[root] = low[root] = timer++;
      st_v[sp] = root;
      st_e[sp] = G_MAXUINT;
      st_it[sp++] = g.start[root];
      while (sp > 0)
        {
          guint v = st_v[sp - 1];

          if (st_it[sp - 1] < g.start[v + 1])
            {
              guint k = st_it[sp - 1]++;
              guint w = g.adj_v[k], e = g.adj_e[k];

              if (e == st_e[sp - 1] || w == v)
                continue;
              if (disc[w] == 0)
                {
                  es[esp++] = e;
                  disc[w] = low[w] = timer++;
                  st_v[sp] = w;
                  st_e[sp] = e;
                  st_it[sp++] = g.start[w];
                }
              else if (disc[w] < disc[v])
                {
                  es[esp++] = e; /* a back edge, met first from below */
                  low[v] = MIN (low[v], disc[w]);
                }
              continue;
            }
          sp--;
          if (sp > 0)
            {
              guint p = st_v[sp - 1];
              low[p] = MIN (low[p], low[v]);
              if (low[v] >= disc[p])
                pop_block (es, &esp, st_e[sp], nb++, block);
            }
        }
    }

  adjacency_clear (&g);
  g_free (disc);
  g_free (low);
  g_free (st_v);
  g_free (st_e);
  g_free (st_it);
  g_free (es);
  return nb;
}
