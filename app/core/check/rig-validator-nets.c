/* rig-validator-nets.c: a region's nets and its signal graph.
 *
 * Nets: jacks joined by cables and by the plain-wire routes of passive
 * devices (union-find), members and cables sorted by id. A cable whose plugs
 * cannot meet their sockets (RIG_CAB_UNFIT) carries nothing and joins no net.
 * Headset jacks are judged per contact, from the plug that meets them
 * (physics.md §2.2, §3.1): a TRS plug grounds the mic contact.
 *
 * The signal graph has two vertices per jack: into the jack (2n) and out of
 * it (2n + 1). A device's route from jack F to jack T is an edge F-in -> T-out
 * (an amplifier's input to its speaker outputs, a DAC's USB to its line out);
 * a net joins each of its output endpoints to each of its other input
 * endpoints whose receiving contacts meet the output's sending ones
 * (out -> in, rig_region_in_contact()). Passive adapters are inside nets, so
 * signal walks through them. Signal starts at origins: the outputs of
 * sources, instruments and microphones, and outputs no route feeds.
 */
#include "config.h"

#include <string.h>

#define RIG_VALIDATOR_COMPILATION
#include "rig-validator-private.h"

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

/* Joins the jacks that cables and passive routes connect (union-find in
 * @parent); @wired: 1 for the jacks a cable plugs into. */
static void
nets_join (RigRegion *region, guint *parent, guint8 *wired)
{
  for (guint i = 0; i < region->cables->len; i++)
    {
      RigCabNode *cable = g_ptr_array_index (region->cables, i);
      guint a, b;

      if (cable->jack[0] < 0 || cable->jack[1] < 0 || (cable->flags & RIG_CAB_UNFIT))
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
}

/* Numbers the nets, in node order: a net is a set of joined jacks with at
 * least one cable. */
static void
nets_number (RigRegion *region, guint *parent, guint8 *wired)
{
  guint n = region->n_nodes;
  guint *root_net = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    root_net[i] = RIG_NO_NET;
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

  g_free (root_net);
}

/* Fills each net's members and cables. */
static void
nets_fill (RigRegion *region)
{
  guint n = region->n_nodes;
  guint *fill;

  region->nets = g_new0 (RigNet, MAX (region->n_nets, 1));
  for (guint i = 0; i < n; i++)
    if (region->net_of[i] != RIG_NO_NET)
      region->nets[region->net_of[i]].n_members++;
  for (guint i = 0; i < region->cables->len; i++)
    {
      RigCabNode *cable = g_ptr_array_index (region->cables, i);
      if (cable->jack[0] >= 0 && cable->jack[1] >= 0 && !(cable->flags & RIG_CAB_UNFIT))
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

      if (cable->jack[0] < 0 || cable->jack[1] < 0 || (cable->flags & RIG_CAB_UNFIT))
        continue;
      k = region->net_of[rig_node_of (cable->dev[0], cable->jack[0])];
      region->net_cables[region->nets[k].first_cable + fill[k]++] = cable;
    }

  g_free (fill);
}

/* Sorts each net's members and cables by id, so that nothing depends on the
 * order of insertion. */
static void
nets_sort (RigRegion *region)
{
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
          if (rig_cab_compare_by_id (&c[0], &c[1]) > 0)
            {
              RigCabNode *t = c[0];
              c[0] = c[1];
              c[1] = t;
            }
        }
      else if (net->n_cables > 2)
        qsort (c, net->n_cables, sizeof (RigCabNode *),
               (int (*) (const void *, const void *)) rig_cab_compare_by_id);
    }
}

gboolean
rig_jack_is_headset (const RigJack *jack)
{
  return jack->direction == RIG_DIRECTION_BOTH && jack->poles == RIG_POLES_TRRS
         && (jack->wiring == RIG_WIRING_HEADSET_CTIA || jack->wiring == RIG_WIRING_HEADSET_OMTP);
}

/* The poles of @jack of @model that faces @jack (same family and size, the
 * other gender), RIG_POLES_NONE if none does. */
static RigPoles
facing_poles (const RigDeviceModel *model, const RigJack *jack)
{
  for (guint j = 0; j < model->n_jacks; j++)
    {
      const RigJack *aj = &model->jacks[j];
      if (aj->connector == jack->connector && aj->gender != jack->gender
          && (aj->size == RIG_PHONE_SIZE_NONE || jack->size == RIG_PHONE_SIZE_NONE
              || aj->size == jack->size))
        return aj->poles;
    }
  return RIG_POLES_NONE;
}

/* The poles of the plug that meets the jack at @end of @cable (physics.md
 * §2.6: the first adapter at that end, else the cable's own plug, else, for
 * a captive plug, the far jack or its outermost adapter). A cable of fewer
 * than four conductors reads as TRS. */
static RigPoles
meeting_poles (const RigCabNode *cable, guint end)
{
  const RigCableSpec *spec = &cable->cable->spec;
  const RigJack *jack = rig_dev_jack (cable->dev[end], cable->jack[end]);
  const RigAdapter *far_adapter = NULL;

  for (guint i = 0; i < spec->n_adapters; i++)
    {
      if ((guint) spec->adapters[i].end == end)
        return facing_poles (spec->adapters[i].model, jack);
      far_adapter = &spec->adapters[i];
    }
  if (spec->kind == RIG_CABLE_KIND_DIRECT)
    return far_adapter != NULL ? facing_poles (far_adapter->model, jack)
                               : rig_dev_jack (cable->dev[1 - end], cable->jack[1 - end])->poles;
  if (spec->kind != RIG_CABLE_KIND_CABLE || spec->ends[end].connector != RIG_CONNECTOR_PHONE)
    return RIG_POLES_NONE;
  if (spec->conductors != 0 && spec->conductors < 4 && spec->ends[end].poles == RIG_POLES_TRRS)
    return RIG_POLES_TRS;
  return spec->ends[end].poles;
}

/* Sets RIG_NODE_MIC_LIVE on the headset jacks whose every plug has four
 * poles (physics.md §2.2: a TRS plug's sleeve spans the mic and ground
 * contacts), and RIG_NODE_UNPLUGGED on the jacks whose every cable is unfit
 * (§2.3, §2.6: nothing that cannot be plugged in carries signal). */
static void
nets_mark_contacts (RigRegion *region)
{
  guint8 *dead = g_new0 (guint8, MAX (region->n_nodes, 1));

  for (guint i = 0; i < region->cables->len; i++)
    {
      RigCabNode *cable = g_ptr_array_index (region->cables, i);

      if (cable->jack[0] < 0 || cable->jack[1] < 0)
        continue;
      for (guint end = 0; end < 2; end++)
        {
          guint node = rig_node_of (cable->dev[end], cable->jack[end]);

          if (cable->flags & RIG_CAB_UNFIT)
            {
              if (region->net_of[node] == RIG_NO_NET)
                region->node_flags[node] |= RIG_NODE_UNPLUGGED;
              continue;
            }
          if (!rig_jack_is_headset (rig_dev_jack (cable->dev[end], cable->jack[end])))
            continue;
          if (meeting_poles (cable, end) == RIG_POLES_TRRS && !dead[node])
            region->node_flags[node] |= RIG_NODE_MIC_LIVE;
          else
            {
              dead[node] = 1;
              region->node_flags[node] &= (guint8) ~RIG_NODE_MIC_LIVE;
            }
        }
    }
  g_free (dead);

  /* A jack cabled to an adapter's mic jack (a headset splitter's) meets
   * only the headset's mic contact. */
  for (guint i = 0; i < region->cables->len; i++)
    {
      RigCabNode *cable = g_ptr_array_index (region->cables, i);

      if (cable->jack[0] < 0 || cable->jack[1] < 0 || (cable->flags & RIG_CAB_UNFIT))
        continue;
      for (guint end = 0; end < 2; end++)
        {
          RigDevNode *a = cable->dev[end], *b = cable->dev[1 - end];
          if ((a->info->jack_flags[cable->jack[end]] & RIG_JACK_TRANSIT)
              && rig_dev_jack (a, cable->jack[end])->signal == RIG_SIGNAL_MIC
              && !(b->info->jack_flags[cable->jack[1 - end]] & RIG_JACK_TRANSIT))
            region->node_flags[rig_node_of (b, cable->jack[1 - end])] |= RIG_NODE_ON_MIC;
        }
    }

  /* A microphone on a net with a phone's headset socket is there for the
   * socket's mic contact (through a headset splitter or a TRS-to-TRRS
   * adapter): it sends on that contact only. */
  for (guint k = 0; k < region->n_nets; k++)
    {
      const RigNet *net = &region->nets[k];
      gboolean socket = FALSE;

      for (guint m = 0; m < net->n_members && !socket; m++)
        {
          guint node = region->members[net->first + m];
          socket = rig_jack_is_headset (rig_node_jack_spec (region, node))
                   && !(region->node_dev[node]->info->flags & RIG_MODEL_HEADSET)
                   && !(rig_node_jflags (region, node) & RIG_JACK_TRANSIT);
        }
      for (guint m = 0; m < net->n_members && socket; m++)
        {
          guint node = region->members[net->first + m];
          const RigJack *jack = rig_node_jack_spec (region, node);
          if (jack->direction == RIG_DIRECTION_OUT && jack->signal == RIG_SIGNAL_MIC)
            region->node_flags[node] |= RIG_NODE_ON_MIC;
        }
    }
}

void
rig_region_build_nets (RigRegion *region)
{
  guint n = region->n_nodes;
  guint *parent = g_new (guint, MAX (n, 1));
  guint8 *wired = g_new0 (guint8, MAX (n, 1));

  rig_region_judge_fit (region);
  for (guint i = 0; i < n; i++)
    parent[i] = i;
  nets_join (region, parent, wired);
  nets_number (region, parent, wired);
  nets_fill (region);
  nets_sort (region);
  nets_mark_contacts (region);
  g_free (parent);
  g_free (wired);
}

static guint
contacts_of (const RigRegion *region, guint node)
{
  guint8 f = rig_node_jflags (region, node);
  const RigJack *jack = rig_node_jack_spec (region, node);
  gboolean live = (region->node_flags[node] & RIG_NODE_MIC_LIVE) != 0;
  guint c = 0;

  if (!(f & RIG_JACK_AUDIO) || (f & RIG_JACK_TRANSIT)
      || (region->node_flags[node] & RIG_NODE_UNPLUGGED))
    return 0;
  if (rig_jack_is_headset (jack))
    {
      if (region->node_dev[node]->info->flags & RIG_MODEL_HEADSET)
        return RIG_CONTACT_RECV_MAIN | (live ? RIG_CONTACT_SEND_MIC : 0);
      return RIG_CONTACT_SEND_MAIN | (live ? RIG_CONTACT_RECV_MIC : 0);
    }
  if (region->node_flags[node] & RIG_NODE_ON_MIC)
    return (rig_jack_is_output (jack) ? RIG_CONTACT_SEND_MIC : 0)
           | (rig_jack_is_input (jack) ? RIG_CONTACT_RECV_MIC : 0);
  if (rig_jack_is_output (jack))
    c |= RIG_CONTACT_SEND_MAIN | (jack->signal == RIG_SIGNAL_MIC ? RIG_CONTACT_SEND_MIC : 0);
  if (rig_jack_is_input (jack))
    c |= RIG_CONTACT_RECV_MAIN;
  return c;
}

void
rig_region_fill_contacts (RigRegion *region)
{
  RigRegionPrivate *priv = RIG_REGION_PRIVATE (region);
  guint8 *contacts = g_new (guint8, MAX (region->n_nodes, 1));

  /* Computed afresh, not read back from a former fill. */
  g_clear_pointer (&priv->contacts, g_free);
  for (guint node = 0; node < region->n_nodes; node++)
    contacts[node] = (guint8) contacts_of (region, node);
  priv->contacts = contacts;
}

guint
rig_region_contacts (const RigRegion *region, guint node)
{
  const guint8 *contacts = RIG_REGION_PRIVATE (region)->contacts;

  return contacts != NULL ? contacts[node] : contacts_of (region, node);
}

gboolean
rig_region_in_contact (const RigRegion *region, guint src, guint snk)
{
  guint s = rig_region_contacts (region, src), k = rig_region_contacts (region, snk);

  return src != snk
         && (((s & RIG_CONTACT_SEND_MAIN) && (k & RIG_CONTACT_RECV_MAIN))
             || ((s & RIG_CONTACT_SEND_MIC) && (k & RIG_CONTACT_RECV_MIC)));
}

gboolean
rig_region_is_source (const RigRegion *region, guint node)
{
  return (rig_region_contacts (region, node) & (RIG_CONTACT_SEND_MAIN | RIG_CONTACT_SEND_MIC)) != 0;
}

gboolean
rig_region_is_sink (const RigRegion *region, guint node)
{
  return (rig_region_contacts (region, node) & (RIG_CONTACT_RECV_MAIN | RIG_CONTACT_RECV_MIC)) != 0;
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
          if (!rig_region_is_source (region, s))
            continue;
          for (guint b = 0; b < net->n_members; b++)
            {
              guint t = region->members[net->first + b];
              if (rig_region_in_contact (region, s, t))
                edge (OUT_V (s), IN_V (t), data);
            }
        }
    }
}

typedef struct
{
  guint *fwd_count, *rev_count;
  guint *edges; /* n_edges pairs (from, to), in the order found */
  guint n_edges, edges_allocated;
} EdgeFill;

static void
count_edge (guint from, guint to, gpointer data)
{
  EdgeFill *f = data;

  f->fwd_count[from]++;
  f->rev_count[to]++;
  if (f->n_edges == f->edges_allocated)
    {
      f->edges_allocated = MAX (64, 2 * f->edges_allocated);
      f->edges = g_renew (guint, f->edges, 2 * f->edges_allocated);
    }
  f->edges[2 * f->n_edges] = from;
  f->edges[2 * f->n_edges + 1] = to;
  f->n_edges++;
}

void
rig_region_build_graph (RigRegion *region)
{
  guint nv = 2 * region->n_nodes;
  EdgeFill f = { 0 };
  guint total = 0;
  g_autofree guint *queue = NULL;
  guint qh = 0, qt = 0;

  region->fwd_start = g_new0 (guint, nv + 1);
  region->rev_start = g_new0 (guint, nv + 1);
  f.fwd_count = g_new0 (guint, nv + 1);
  f.rev_count = g_new0 (guint, nv + 1);
  rig_region_fill_contacts (region);
  /* One walk over the edges lists them; the lists are filled from that. */
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
  for (guint i = 0; i < f.n_edges; i++)
    {
      guint from = f.edges[2 * i], to = f.edges[2 * i + 1];

      region->fwd[f.fwd_count[from]++] = to;
      region->rev[f.rev_count[to]++] = from;
    }
  g_free (f.edges);
  g_free (f.fwd_count);
  g_free (f.rev_count);

  /* Where signal arrives: breadth-first from every origin. */
  region->reached = g_new0 (guint8, MAX (nv, 1));
  RIG_REGION_PRIVATE (region)->vvisit = g_new0 (guint, MAX (nv, 1));
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
  guint *vvisit = RIG_REGION_PRIVATE (region)->vvisit;
  guint epoch = ++RIG_REGION_PRIVATE (region)->vvisit_epoch;
  g_autoptr (GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));
  guint head = 0;

  vvisit[vertex] = epoch;
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
          if (vvisit[w] != epoch)
            {
              vvisit[w] = epoch;
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
  guint *vvisit = RIG_REGION_PRIVATE (region)->vvisit;
  guint epoch = ++RIG_REGION_PRIVATE (region)->vvisit_epoch;
  gboolean downstream = FALSE;
  guint head = 0;

  for (guint j = 0; j < dev->n_jacks; j++)
    if (rig_region_is_source (region, rig_node_of (dev, (int) j)))
      downstream = TRUE;

  for (guint j = 0; j < dev->n_jacks; j++)
    {
      guint node = rig_node_of (dev, (int) j);
      guint v;

      if (downstream ? !rig_region_is_source (region, node) : !rig_region_is_sink (region, node))
        continue;
      v = downstream ? OUT_V (node) : IN_V (node);
      vvisit[v] = epoch;
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
          if (vvisit[w] != epoch)
            {
              vvisit[w] = epoch;
              g_array_append_val (queue, w);
            }
        }
    }

  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (ids, ((RigCabNode *) g_ptr_array_index (found, i))->cable->id);
  g_ptr_array_sort (ids, id_compare_indirect);
  return ids;
}
