/* rig-rules-topology.c: nets, the signal graph, and the topology rules.
 *
 * topology.no-signal  (doc §7: "a speaker or headphone that no source reaches
 *                      plays nothing"; article 001: an input is a dead end)
 * topology.feedback   (doc §7: "an output routed back to its own device's
 *                      input can feed back")
 *
 * The signal graph has two vertices per jack: into the jack (2n) and out of
 * it (2n + 1). A device's route from jack F to jack T is an edge F-in -> T-out
 * (an amplifier's input to its speaker outputs, a DAC's USB to its line out);
 * a net joins each of its output endpoints to each of its other input
 * endpoints (out -> in). Passive adapters are inside nets, so signal walks
 * through them. Signal starts at origins: the outputs of sources,
 * instruments and microphones, and outputs no route feeds.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rig-rules-private.h"

#define IN_V(node) (2 * (node))
#define OUT_V(node) (2 * (node) + 1)

static guint
uf_find (guint *parent, guint x)
{
  while (parent[x] != x)
    {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
  return x;
}

static void
uf_union (guint *parent, guint a, guint b)
{
  a = uf_find (parent, a);
  b = uf_find (parent, b);
  if (a != b)
    parent[MAX (a, b)] = MIN (a, b);
}

static int
member_compare (gconstpointer a, gconstpointer b, gpointer data)
{
  const RigRegion *region = data;
  guint x = *(const guint *) a, y = *(const guint *) b;
  const RigDevNode *dx = region->node_dev[x], *dy = region->node_dev[y];
  int c;

  if (dx != dy && (c = rig_id_compare (dx->device->id, dy->device->id)) != 0)
    return c;
  return (int) (x - dx->base) - (int) (y - dy->base);
}

void
rig_region_sort_nodes (RigRegion *region, guint *nodes, guint n)
{
  if (n > 1)
    g_qsort_with_data (nodes, (gint) n, sizeof (guint), member_compare, region);
}

static int
cable_compare (gconstpointer a, gconstpointer b)
{
  const RigCabNode *x = *(RigCabNode *const *) a;
  const RigCabNode *y = *(RigCabNode *const *) b;
  return rig_id_compare (x->cable->id, y->cable->id);
}

void
rig_region_build_nets (RigRegion *region)
{
  guint n = region->n_nodes;
  guint *parent = g_new (guint, MAX (n, 1));
  guint8 *wired = g_new0 (guint8, MAX (n, 1));
  guint *root_net = g_new (guint, MAX (n, 1));
  guint *fill;

  for (guint i = 0; i < n; i++)
    {
      parent[i] = i;
      root_net[i] = RIG_NO_NET;
    }

  for (guint i = 0; i < region->cables->len; i++)
    {
      RigCabNode *cable = g_ptr_array_index (region->cables, i);
      guint a, b;

      if (cable->jack[0] < 0 || cable->jack[1] < 0)
        continue;
      a = rig_node_of (cable->dev[0], cable->jack[0]);
      b = rig_node_of (cable->dev[1], cable->jack[1]);
      wired[a] = wired[b] = 1;
      uf_union (parent, a, b);
    }

  /* Passive pass-through: an adapter's routes, a speaker's link terminals. */
  for (guint i = 0; i < region->devices->len; i++)
    {
      RigDevNode *dev = g_ptr_array_index (region->devices, i);
      const RigModelInfo *info = dev->info;

      for (guint r = 0; r < info->n_routes; r++)
        {
          int from = info->route_from[r], to = info->route_to[r];
          if (from < 0 || to < 0)
            continue;
          if ((info->jack_flags[from] | info->jack_flags[to]) & RIG_JACK_TRANSIT)
            uf_union (parent, rig_node_of (dev, from), rig_node_of (dev, to));
        }
    }

  /* A net is a set of joined jacks with at least one cable, numbered in
   * node order. */
  for (guint i = 0; i < n; i++)
    if (wired[i])
      wired[uf_find (parent, i)] |= 2;
  region->n_nets = 0;
  region->net_of = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      guint r = uf_find (parent, i);
      if (!(wired[r] & 2))
        {
          region->net_of[i] = RIG_NO_NET;
          continue;
        }
      if (root_net[r] == RIG_NO_NET)
        root_net[r] = region->n_nets++;
      region->net_of[i] = root_net[r];
    }

  region->nets = g_new0 (RigNet, MAX (region->n_nets, 1));
  for (guint i = 0; i < n; i++)
    if (region->net_of[i] != RIG_NO_NET)
      region->nets[region->net_of[i]].n_members++;
  for (guint i = 0; i < region->cables->len; i++)
    {
      RigCabNode *cable = g_ptr_array_index (region->cables, i);
      if (cable->jack[0] >= 0 && cable->jack[1] >= 0)
        region->nets[region->net_of[rig_node_of (cable->dev[0], cable->jack[0])]].n_cables++;
    }

  {
    guint m = 0, c = 0;
    for (guint k = 0; k < region->n_nets; k++)
      {
        RigNet *net = &region->nets[k];
        net->first = m;
        net->first_cable = c;
        m += net->n_members;
        c += net->n_cables;
        net->load = NAN;
      }
    region->members = g_new (guint, MAX (m, 1));
    region->net_cables = g_new (RigCabNode *, MAX (c, 1));
  }

  fill = g_new0 (guint, MAX (region->n_nets, 1));
  for (guint i = 0; i < n; i++)
    {
      guint k = region->net_of[i];
      if (k != RIG_NO_NET)
        region->members[region->nets[k].first + fill[k]++] = i;
    }
  memset (fill, 0, sizeof (guint) * MAX (region->n_nets, 1));
  for (guint i = 0; i < region->cables->len; i++)
    {
      RigCabNode *cable = g_ptr_array_index (region->cables, i);
      guint k;

      if (cable->jack[0] < 0 || cable->jack[1] < 0)
        continue;
      k = region->net_of[rig_node_of (cable->dev[0], cable->jack[0])];
      region->net_cables[region->nets[k].first_cable + fill[k]++] = cable;
    }

  /* Sorted by id, so that nothing depends on the order of insertion. */
  for (guint k = 0; k < region->n_nets; k++)
    {
      RigNet *net = &region->nets[k];
      guint *m = region->members + net->first;
      RigCabNode **c = region->net_cables + net->first_cable;

      /* Two members need no order: a sum of two terms is exact either way,
       * and the rules that list jacks sort their own lists. */
      if (net->n_members > 2)
        g_qsort_with_data (m, (gint) net->n_members, sizeof (guint), member_compare, region);
      if (net->n_cables == 2)
        {
          if (cable_compare (&c[0], &c[1]) > 0)
            {
              RigCabNode *t = c[0];
              c[0] = c[1];
              c[1] = t;
            }
        }
      else if (net->n_cables > 2)
        qsort (c, net->n_cables, sizeof (RigCabNode *),
               (int (*) (const void *, const void *)) cable_compare);
    }

  g_free (fill);
  g_free (parent);
  g_free (wired);
  g_free (root_net);
}

static gboolean
is_endpoint_source (const RigRegion *region, guint node)
{
  guint8 f = rig_node_jflags (region, node);
  return (f & RIG_JACK_AUDIO) && !(f & RIG_JACK_TRANSIT)
         && rig_jack_is_output (rig_node_jack_spec (region, node));
}

static gboolean
is_endpoint_sink (const RigRegion *region, guint node)
{
  guint8 f = rig_node_jflags (region, node);
  return (f & RIG_JACK_AUDIO) && !(f & RIG_JACK_TRANSIT)
         && rig_jack_is_input (rig_node_jack_spec (region, node));
}

/* Calls @edge for every edge; shared by the counting and filling passes. */
typedef void (*EdgeFunc) (guint from, guint to, gpointer data);

static void
foreach_edge (RigRegion *region, EdgeFunc edge, gpointer data)
{
  for (guint i = 0; i < region->devices->len; i++)
    {
      RigDevNode *dev = g_ptr_array_index (region->devices, i);
      const RigModelInfo *info = dev->info;

      for (guint r = 0; r < info->n_routes; r++)
        {
          int from = info->route_from[r], to = info->route_to[r];
          guint8 ff, tf;

          if (from < 0 || to < 0)
            continue;
          ff = info->jack_flags[from];
          tf = info->jack_flags[to];
          if ((ff & RIG_JACK_AUDIO) && (tf & RIG_JACK_AUDIO) && !(ff & RIG_JACK_TRANSIT)
              && !(tf & RIG_JACK_TRANSIT))
            edge (IN_V (rig_node_of (dev, from)), OUT_V (rig_node_of (dev, to)), data);
        }
    }

  for (guint k = 0; k < region->n_nets; k++)
    {
      const RigNet *net = &region->nets[k];

      for (guint a = 0; a < net->n_members; a++)
        {
          guint s = region->members[net->first + a];
          if (!is_endpoint_source (region, s))
            continue;
          for (guint b = 0; b < net->n_members; b++)
            {
              guint t = region->members[net->first + b];
              if (t != s && is_endpoint_sink (region, t))
                edge (OUT_V (s), IN_V (t), data);
            }
        }
    }
}

typedef struct
{
  guint *fwd_count, *rev_count;
  guint *fwd, *rev;
} EdgeFill;

static void
count_edge (guint from, guint to, gpointer data)
{
  EdgeFill *f = data;
  f->fwd_count[from]++;
  f->rev_count[to]++;
}

static void
fill_edge (guint from, guint to, gpointer data)
{
  EdgeFill *f = data;
  f->fwd[f->fwd_count[from]++] = to;
  f->rev[f->rev_count[to]++] = from;
}

void
rig_region_build_graph (RigRegion *region)
{
  guint nv = 2 * region->n_nodes;
  EdgeFill f;
  guint total = 0;
  g_autofree guint *queue = NULL;
  guint qh = 0, qt = 0;

  region->fwd_start = g_new0 (guint, nv + 1);
  region->rev_start = g_new0 (guint, nv + 1);
  f.fwd_count = g_new0 (guint, nv + 1);
  f.rev_count = g_new0 (guint, nv + 1);
  foreach_edge (region, count_edge, &f);
  for (guint v = 0; v < nv; v++)
    {
      region->fwd_start[v + 1] = region->fwd_start[v] + f.fwd_count[v];
      region->rev_start[v + 1] = region->rev_start[v] + f.rev_count[v];
    }
  total = region->fwd_start[nv];
  region->fwd = g_new (guint, MAX (total, 1));
  region->rev = g_new (guint, MAX (total, 1));
  memcpy (f.fwd_count, region->fwd_start, sizeof (guint) * (nv + 1));
  memcpy (f.rev_count, region->rev_start, sizeof (guint) * (nv + 1));
  f.fwd = region->fwd;
  f.rev = region->rev;
  foreach_edge (region, fill_edge, &f);
  g_free (f.fwd_count);
  g_free (f.rev_count);

  /* Where signal arrives: breadth-first from every origin. */
  region->reached = g_new0 (guint8, MAX (nv, 1));
  region->vvisit = g_new0 (guint, MAX (nv, 1));
  queue = g_new (guint, MAX (nv, 1));
  for (guint node = 0; node < region->n_nodes; node++)
    if (rig_node_jflags (region, node) & RIG_JACK_ORIGIN)
      {
        region->reached[OUT_V (node)] = 1;
        queue[qt++] = OUT_V (node);
      }
  while (qh < qt)
    {
      guint v = queue[qh++];
      for (guint e = region->fwd_start[v]; e < region->fwd_start[v + 1]; e++)
        {
          guint w = region->fwd[e];
          if (!region->reached[w])
            {
              region->reached[w] = 1;
              queue[qt++] = w;
            }
        }
    }
}

gboolean
rig_region_upstream_has (RigRegion *region, guint vertex, guint flag)
{
  guint epoch = ++region->vvisit_epoch;
  g_autoptr (GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));
  guint head = 0;

  region->vvisit[vertex] = epoch;
  g_array_append_val (queue, vertex);
  while (head < queue->len)
    {
      guint v = g_array_index (queue, guint, head++);
      if (region->node_dev[v / 2]->info->flags & flag)
        return TRUE;
      /* Inside a device, signal goes from an out vertex back to its jack's
       * in vertex only through routes; walk the reverse edges. */
      for (guint e = region->rev_start[v]; e < region->rev_start[v + 1]; e++)
        {
          guint w = region->rev[e];
          if (region->vvisit[w] != epoch)
            {
              region->vvisit[w] = epoch;
              g_array_append_val (queue, w);
            }
        }
    }
  return FALSE;
}

static int
id_compare_indirect (gconstpointer a, gconstpointer b)
{
  return rig_id_compare (*(const char *const *) a, *(const char *const *) b);
}

static void
add_net_cables (RigRegion *region, guint net, GPtrArray *out)
{
  const RigNet *n;

  if (net == RIG_NO_NET)
    return;
  n = &region->nets[net];
  for (guint c = 0; c < n->n_cables; c++)
    {
      RigCabNode *cable = region->net_cables[n->first_cable + c];
      if (!g_ptr_array_find (out, cable, NULL))
        g_ptr_array_add (out, cable);
    }
}

GPtrArray *
rig_region_signal_paths (RigRegion *region, RigDevNode *dev)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();
  g_autoptr (GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));
  GPtrArray *ids = g_ptr_array_new ();
  guint epoch = ++region->vvisit_epoch;
  gboolean downstream = FALSE;
  guint head = 0;

  for (guint j = 0; j < dev->n_jacks; j++)
    if (is_endpoint_source (region, rig_node_of (dev, (int) j)))
      downstream = TRUE;

  for (guint j = 0; j < dev->n_jacks; j++)
    {
      guint node = rig_node_of (dev, (int) j);
      guint v;

      if (downstream ? !is_endpoint_source (region, node) : !is_endpoint_sink (region, node))
        continue;
      v = downstream ? OUT_V (node) : IN_V (node);
      region->vvisit[v] = epoch;
      g_array_append_val (queue, v);
    }

  while (head < queue->len)
    {
      guint v = g_array_index (queue, guint, head++);
      const guint *start = downstream ? region->fwd_start : region->rev_start;
      const guint *edges = downstream ? region->fwd : region->rev;

      /* Leaving by an output (downstream) or arriving at an input
       * (upstream): the signal crosses that jack's net. */
      if ((v & 1) == (downstream ? 1u : 0u))
        add_net_cables (region, region->net_of[v / 2], found);
      for (guint e = start[v]; e < start[v + 1]; e++)
        {
          guint w = edges[e];
          if (region->vvisit[w] != epoch)
            {
              region->vvisit[w] = epoch;
              g_array_append_val (queue, w);
            }
        }
    }

  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (ids, ((RigCabNode *) g_ptr_array_index (found, i))->cable->id);
  g_ptr_array_sort (ids, id_compare_indirect);
  return ids;
}

/* ------------------------------------------------------------------ */
/* topology.no-signal                                                  */

static gboolean
plays_sound (const RigDevNode *dev)
{
  RigCategory c = rig_dev_category (dev);
  return c == RIG_CATEGORY_PASSIVE_SPEAKER || c == RIG_CATEGORY_ACTIVE_SPEAKER
         || c == RIG_CATEGORY_HEADPHONES;
}

/* The first device (by id) joined to one of @dev's audio inputs, or NULL. */
static RigDevNode *
upstream_neighbour (RigRegion *region, RigDevNode *dev)
{
  RigDevNode *best = NULL;

  for (guint j = 0; j < dev->n_jacks; j++)
    {
      guint node = rig_node_of (dev, (int) j);
      guint k = region->net_of[node];
      const RigNet *net;

      if (k == RIG_NO_NET || !is_endpoint_sink (region, node))
        continue;
      net = &region->nets[k];
      for (guint m = 0; m < net->n_members; m++)
        {
          RigDevNode *other = region->node_dev[region->members[net->first + m]];
          if (other != dev
              && (best == NULL || rig_id_compare (other->device->id, best->device->id) < 0))
            best = other;
        }
    }
  return best;
}

/* topology.no-signal (doc §7: "A speaker or headphone that no source reaches
 * plays nothing"). */
static void
check_no_signal (RigRegion *region, RigDevNode *dev)
{
  RigDiagBuilder b;
  RigDevNode *up;
  const char *label = rig_text_label (dev);
  char *why, *fix;
  gboolean has_input = FALSE;

  for (guint j = 0; j < dev->n_jacks; j++)
    {
      guint node = rig_node_of (dev, (int) j);
      if (!is_endpoint_sink (region, node))
        continue;
      has_input = TRUE;
      if (region->reached[IN_V (node)])
        return;
    }
  if (!has_input)
    return; /* nothing could ever reach it: not a listening device in this model */

  up = upstream_neighbour (region, dev);
  if (up == NULL)
    why = g_strdup_printf (_ ("Nothing is connected to the inputs of %s, so no signal can reach "
                              "it."),
                           label);
  else
    why = g_strdup_printf (_ ("%s is connected to %s, but following the cables back leads to no "
                              "source: nothing that makes sound (a phone, a player, an "
                              "instrument, a microphone) feeds it. A cable between two inputs "
                              "carries nothing either."),
                           label, rig_text_label (up));

  switch (rig_dev_category (dev))
    {
      case RIG_CATEGORY_PASSIVE_SPEAKER:
        fix = g_strdup_printf (_ ("Connect %s to an amplifier's speaker output with speaker wire, "
                                  "and a source (a phone, a player) to the amplifier's input."),
                               label);
        break;
      case RIG_CATEGORY_HEADPHONES:
        fix = g_strdup_printf (_ ("Plug %s into a headphone output: a phone, a laptop or a "
                                  "headphone amplifier that a source feeds."),
                               label);
        break;
      case RIG_CATEGORY_ACTIVE_SPEAKER:
      default:
        fix = g_strdup_printf (_ ("Connect a source's output (a phone's headphone out, a player's "
                                  "line out) to the input of %s."),
                               label);
        break;
    }

  rig_diag_init (&b);
  rig_diag_add_device (&b, dev);
  rig_diag_emit (region, &b, RIG_CODE_TOPOLOGY_NO_SIGNAL, RIG_SEVERITY_ERROR,
                 g_strdup_printf (_ ("%s: no sound source reaches it"), label), why,
                 g_strdup_printf (_ ("Silence from %s."), label), fix);
}

/* ------------------------------------------------------------------ */
/* topology.feedback: strongly connected parts of the signal graph      */

static int
dev_compare (gconstpointer a, gconstpointer b)
{
  const RigDevNode *x = *(RigDevNode *const *) a;
  const RigDevNode *y = *(RigDevNode *const *) b;
  return rig_id_compare (x->device->id, y->device->id);
}

static void
report_loop (RigRegion *region, const guint *vertices, guint n, const guint *scc_of, guint scc)
{
  g_autoptr (GPtrArray) devices = g_ptr_array_new ();
  g_autoptr (GPtrArray) cables = g_ptr_array_new ();
  GString *names = g_string_new (NULL);
  RigDiagBuilder b;
  RigCabNode *first_cable = NULL;
  g_autofree char *first_title = NULL;

  for (guint i = 0; i < n; i++)
    {
      guint v = vertices[i];
      RigDevNode *dev = region->node_dev[v / 2];

      if (!g_ptr_array_find (devices, dev, NULL))
        g_ptr_array_add (devices, dev);
      if (!(v & 1))
        continue;
      for (guint e = region->fwd_start[v]; e < region->fwd_start[v + 1]; e++)
        {
          guint w = region->fwd[e];
          g_autoptr (GPtrArray) path = NULL;

          if (scc_of[w] != scc || (w & 1))
            continue;
          path = rig_region_net_path (region, v / 2, w / 2);
          for (guint p = 0; p < path->len; p++)
            if (!g_ptr_array_find (cables, path->pdata[p], NULL))
              g_ptr_array_add (cables, path->pdata[p]);
        }
    }
  g_ptr_array_sort (devices, dev_compare);
  for (guint i = 0; i < cables->len; i++)
    {
      RigCabNode *c = g_ptr_array_index (cables, i);
      if (first_cable == NULL || rig_id_compare (c->cable->id, first_cable->cable->id) < 0)
        first_cable = c;
    }
  for (guint i = 0; i < devices->len; i++)
    {
      if (i > 0)
        g_string_append (names, i + 1 == devices->len ? _ (" and ") : ", ");
      g_string_append (names, rig_text_label (devices->pdata[i]));
    }
  first_title = first_cable ? rig_text_cable_title (first_cable) : g_strdup (_ ("one cable"));

  rig_diag_init (&b);
  for (guint i = 0; i < devices->len; i++)
    rig_diag_add_device (&b, devices->pdata[i]);
  rig_diag_add_path (&b, cables);
  rig_diag_emit (
      region, &b, RIG_CODE_TOPOLOGY_FEEDBACK, RIG_SEVERITY_WARNING,
      g_strdup_printf (_ ("Feedback loop through %s"), names->str),
      g_strdup_printf (_ ("The signal leaving %s comes back into its own input through the "
                          "cables of this loop, and each device passes it on again: it goes "
                          "round and round, louder each time the gain is above one."),
                       rig_text_label (devices->pdata[0])),
      g_strdup (_ ("A rising howl or squeal as soon as the level is turned up, which can damage "
                   "speakers and ears.")),
      g_strdup_printf (_ ("Break the loop: unplug %s, or send the returning signal to an input "
                          "that is not routed back to the output that feeds the loop."),
                       first_title));
  g_string_free (names, TRUE);
}

/* topology.feedback (doc §7: "an output routed back to its own device's input
 * can feed back"): a strongly connected part of the signal graph (Tarjan),
 * so that a loop counts only when each device's routes carry it round (an
 * effects send and return are not a loop). */
static void
check_feedback (RigRegion *region)
{
  guint nv = 2 * region->n_nodes;
  const guint unset = G_MAXUINT;
  guint *index_of, *low, *stack, *cs_v, *cs_e, *scc_of;
  guint8 *on_stack;
  guint counter = 0, sp = 0, csp = 0, n_scc = 0;

  if (nv == 0 || region->fwd_start[nv] == 0)
    return;
  index_of = g_new (guint, nv);
  low = g_new (guint, nv);
  stack = g_new (guint, nv);
  cs_v = g_new (guint, nv);
  cs_e = g_new (guint, nv);
  scc_of = g_new (guint, nv);
  on_stack = g_new0 (guint8, nv);
  for (guint v = 0; v < nv; v++)
    {
      index_of[v] = unset;
      scc_of[v] = unset;
    }

  for (guint root = 0; root < nv; root++)
    {
      if (index_of[root] != unset || region->fwd_start[root + 1] == region->fwd_start[root])
        continue;
      index_of[root] = low[root] = counter++;
      stack[sp++] = root;
      on_stack[root] = 1;
      cs_v[csp] = root;
      cs_e[csp++] = region->fwd_start[root];

      while (csp > 0)
        {
          guint u = cs_v[csp - 1];

          if (cs_e[csp - 1] < region->fwd_start[u + 1])
            {
              guint w = region->fwd[cs_e[csp - 1]++];
              if (index_of[w] == unset)
                {
                  index_of[w] = low[w] = counter++;
                  stack[sp++] = w;
                  on_stack[w] = 1;
                  cs_v[csp] = w;
                  cs_e[csp++] = region->fwd_start[w];
                }
              else if (on_stack[w])
                low[u] = MIN (low[u], index_of[w]);
              continue;
            }

          csp--;
          if (csp > 0)
            low[cs_v[csp - 1]] = MIN (low[cs_v[csp - 1]], low[u]);
          if (low[u] == index_of[u])
            {
              guint start = sp;
              do
                {
                  start--;
                  on_stack[stack[start]] = 0;
                  scc_of[stack[start]] = n_scc;
                }
              while (stack[start] != u);
              if (sp - start > 1)
                report_loop (region, stack + start, sp - start, scc_of, n_scc);
              n_scc++;
              sp = start;
            }
        }
    }

  g_free (index_of);
  g_free (low);
  g_free (stack);
  g_free (cs_v);
  g_free (cs_e);
  g_free (scc_of);
  g_free (on_stack);
}

void
rig_rules_topology (RigRegion *region)
{
  for (guint i = 0; i < region->devices->len; i++)
    {
      RigDevNode *dev = g_ptr_array_index (region->devices, i);
      if (plays_sound (dev))
        check_no_signal (region, dev);
    }
  check_feedback (region);
}
