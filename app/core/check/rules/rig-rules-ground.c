/* rig-rules-ground.c: signal.ground-loop (physics.md §7.3).
 *
 * A hum loop needs two or more references to earth or mains tied together
 * through audio grounds: two earthed devices (mains earth is then one path,
 * the audio cables another), or a device powered over a cable that also
 * carries a ground (USB speakers on a PC's port that also take its aux
 * output). One earthed device alone, or two cables to a device on battery or
 * a two-pin supply, make no loop: nothing drives current round it.
 *
 * The ground graph has a node per device (per jack on an isolating device)
 * and one for mains earth, joined to every earthed device; every cable but
 * Bluetooth, TOSLINK, IEC and those with an isolating adapter joins grounds.
 * The references are the edges to mains earth (a cycle through the earth
 * node uses two of them: two earthed devices) and the cables that carry power
 * from one device to another. An unbalanced analog cable closes a hum loop
 * when it lies on one simple cycle with a reference, that is when its block
 * (biconnected component) holds one (rig-bridges.c, O(V + E) for the
 * region).
 */
#include "config.h"

#include "rig-bridges.h"
#include "rig-rule-i18n.h"
#include "rig-rules.h"

static gboolean
carries_ground (const RigCabNode *cable)
{
  const RigCableSpec *spec = &cable->cable->spec;
  const RigJack *a, *b;

  /* A cable whose plugs cannot meet (RIG_CAB_UNFIT) touches nothing: it
   * carries no ground (physics.md §2.3). */
  if (cable->jack[0] < 0 || cable->jack[1] < 0 || spec->kind == RIG_CABLE_KIND_WIRELESS
      || (cable->flags & RIG_CAB_UNFIT))
    return FALSE;
  a = rig_dev_jack (cable->dev[0], cable->jack[0]);
  b = rig_dev_jack (cable->dev[1], cable->jack[1]);
  if (a->connector == RIG_CONNECTOR_TOSLINK || b->connector == RIG_CONNECTOR_TOSLINK
      || a->connector == RIG_CONNECTOR_BLUETOOTH || b->connector == RIG_CONNECTOR_BLUETOOTH
      || a->connector == RIG_CONNECTOR_IEC || b->connector == RIG_CONNECTOR_IEC)
    return FALSE;
  for (guint i = 0; i < spec->n_adapters; i++)
    if (spec->adapters[i].model->isolates_ground)
      return FALSE;
  return TRUE;
}

static gboolean
is_earthed (const RigDevNode *dev)
{
  return rig_device_get_power_source (dev->device) == RIG_POWER_SOURCE_MAINS
         && rig_device_get_figure (dev->device, RIG_FIGURE_EARTHED) == 1;
}

/* The ground node of a jack: one per device, one per jack on a device that
 * isolates its jacks from each other (a ground-loop isolator, a DI box with
 * its ground lift). @gbase: each device's first ground node, by position. */
static guint
ground_node (const guint *gbase, const RigDevNode *dev, int jack)
{
  return dev->device->model->isolates_ground ? gbase[dev->pos] + (guint) jack : gbase[dev->pos];
}

/* A cable over which one device powers another: the supply's return
 * current shares the ground it carries (physics.md §7.3). */
static gboolean
carries_power (const RigCabNode *cable)
{
  const RigJack *a = rig_dev_jack (cable->dev[0], cable->jack[0]);
  const RigJack *b = rig_dev_jack (cable->dev[1], cable->jack[1]);

  return (rig_jack_supplies_power (a) && rig_jack_requires_power (b))
         || (rig_jack_supplies_power (b) && rig_jack_requires_power (a));
}

static gboolean
unbalanced_audio (const RigCabNode *cable)
{
  const RigJack *a = rig_dev_jack (cable->dev[0], cable->jack[0]);
  const RigJack *b = rig_dev_jack (cable->dev[1], cable->jack[1]);

  if (!rig_signal_is_analog (a->signal) || !rig_signal_is_analog (b->signal)
      || a->signal == RIG_SIGNAL_SPEAKER || b->signal == RIG_SIGNAL_SPEAKER)
    return FALSE;
  return !(rig_jack_is_balanced (a) && rig_jack_is_balanced (b));
}

typedef struct
{
  guint nv, earth;
  guint *gbase;      /* each device's first ground node, by position */
  RigDevNode **vdev; /* the device of each ground node, NULL for mains earth */
  GArray *eu, *ev;   /* guint: the ends of each edge */
  GPtrArray *ecable; /* RigCabNode * of each edge, NULL for a mains earth */
  guint *block;      /* the block of each edge */
  /* For the paths of the texts (ground_graph_index()): the edges at each
   * vertex v, adj[adj_start[v] .. adj_start[v + 1]), and those of each
   * block b, bedges[bstart[b] .. bstart[b + 1]), each in edge order. */
  guint *adj_start, *adj;
  guint *bstart, *bedges;
} GroundGraph;

/* A reference of edge @e: an earth edge or a power cable. */
static gboolean
is_reference (const GroundGraph *g, guint e)
{
  RigCabNode *cable = g_ptr_array_index (g->ecable, e);
  return cable == NULL || carries_power (cable);
}

static void
ground_graph_clear (GroundGraph *g)
{
  g_free (g->gbase);
  g_free (g->vdev);
  g_free (g->block);
  g_free (g->adj_start);
  g_free (g->adj);
  g_free (g->bstart);
  g_free (g->bedges);
  g_array_unref (g->eu);
  g_array_unref (g->ev);
  g_ptr_array_unref (g->ecable);
}

static void
ground_edge (GroundGraph *g, guint a, guint b, RigCabNode *cable)
{
  g_array_append_val (g->eu, a);
  g_array_append_val (g->ev, b);
  g_ptr_array_add (g->ecable, cable);
}

/* Builds the ground graph; FALSE (nothing to check) when no unbalanced
 * audio cable joins grounds. */
static gboolean
ground_graph_build (RigRegion *region, GroundGraph *g)
{
  gboolean any_candidate = FALSE;

  g->gbase = g_new (guint, MAX (region->devices->len, 1));
  g->eu = g_array_new (FALSE, FALSE, sizeof (guint));
  g->ev = g_array_new (FALSE, FALSE, sizeof (guint));
  g->ecable = g_ptr_array_new ();
  g->block = NULL;
  g->vdev = NULL;
  g->adj_start = g->adj = g->bstart = g->bedges = NULL;
  g->nv = 0;
  for (guint i = 0; i < region->devices->len; i++)
    {
      RigDevNode *dev = g_ptr_array_index (region->devices, i);
      g->gbase[i] = g->nv;
      g->nv += dev->device->model->isolates_ground ? MAX (dev->n_jacks, 1) : 1;
    }
  g->earth = g->nv++;
  g->vdev = g_new0 (RigDevNode *, g->nv);
  for (guint i = 0; i < region->devices->len; i++)
    {
      RigDevNode *dev = g_ptr_array_index (region->devices, i);
      guint n = dev->device->model->isolates_ground ? MAX (dev->n_jacks, 1) : 1;
      for (guint k = 0; k < n; k++)
        g->vdev[g->gbase[i] + k] = dev;
    }

  for (guint i = 0; i < region->cables->len; i++)
    {
      RigCabNode *cable = g_ptr_array_index (region->cables, i);
      guint a, b;

      if (!carries_ground (cable))
        continue;
      a = ground_node (g->gbase, cable->dev[0], cable->jack[0]);
      b = ground_node (g->gbase, cable->dev[1], cable->jack[1]);
      if (a == b)
        continue;
      ground_edge (g, a, b, cable);
      if (unbalanced_audio (cable))
        any_candidate = TRUE;
    }
  if (!any_candidate)
    return FALSE;
  for (guint i = 0; i < region->devices->len; i++)
    {
      RigDevNode *dev = g_ptr_array_index (region->devices, i);
      if (dev->n_jacks > 0 && is_earthed (dev))
        ground_edge (g, g->gbase[i], g->earth, NULL);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The loop, for the texts                                             */

/* Lists the edges at each vertex and in each of the @nb blocks, in edge
 * order: the searches below visit them in the order a scan of every edge
 * would, without scanning every edge at every step. */
static void
ground_graph_index (GroundGraph *g, guint nb)
{
  const guint *eu = (const guint *) g->eu->data, *ev = (const guint *) g->ev->data;
  guint ne = g->eu->len;
  g_autofree guint *vfill = g_new0 (guint, g->nv + 1);
  g_autofree guint *bfill = g_new0 (guint, nb + 1);

  g->adj_start = g_new0 (guint, g->nv + 1);
  g->bstart = g_new0 (guint, nb + 1);
  for (guint e = 0; e < ne; e++)
    {
      g->adj_start[eu[e] + 1]++;
      if (ev[e] != eu[e])
        g->adj_start[ev[e] + 1]++;
      g->bstart[g->block[e] + 1]++;
    }
  for (guint v = 0; v < g->nv; v++)
    g->adj_start[v + 1] += g->adj_start[v];
  for (guint b = 0; b < nb; b++)
    g->bstart[b + 1] += g->bstart[b];
  g->adj = g_new (guint, MAX (g->adj_start[g->nv], 1));
  g->bedges = g_new (guint, MAX (ne, 1));
  for (guint e = 0; e < ne; e++)
    {
      g->adj[g->adj_start[eu[e]] + vfill[eu[e]]++] = e;
      if (ev[e] != eu[e])
        g->adj[g->adj_start[ev[e]] + vfill[ev[e]]++] = e;
      g->bedges[g->bstart[g->block[e]] + bfill[g->block[e]]++] = e;
    }
}

/* A shortest path from @from to @to over the edges of @block, avoiding edge
 * @skip and the vertices marked in @banned (@to excepted): the edges in
 * order, appended to @out; FALSE when there is none. */
static gboolean
block_path (const GroundGraph *g, guint block, guint from, guint to, guint skip,
            const guint8 *banned, GArray *out)
{
  const guint *eu = (const guint *) g->eu->data, *ev = (const guint *) g->ev->data;
  g_autofree guint *via = g_new (guint, g->nv); /* the edge a vertex was reached by */
  g_autofree guint *queue = g_new (guint, g->nv);
  guint head = 0, tail = 0;
  g_autoptr (GArray) rev = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint v = 0; v < g->nv; v++)
    via[v] = G_MAXUINT - 1;
  via[from] = G_MAXUINT;
  queue[tail++] = from;
  while (head < tail && via[to] == G_MAXUINT - 1)
    {
      guint v = queue[head++];
      for (guint k = g->adj_start[v]; k < g->adj_start[v + 1]; k++)
        {
          guint e = g->adj[k], w;
          if (e == skip || g->block[e] != block)
            continue;
          w = eu[e] == v ? ev[e] : eu[e];
          if (via[w] != G_MAXUINT - 1 || (w != to && banned[w]))
            continue;
          via[w] = e;
          queue[tail++] = w;
        }
    }
  if (from != to && via[to] == G_MAXUINT - 1)
    return FALSE;
  for (guint v = to; v != from;)
    {
      guint e = via[v];
      g_array_append_val (rev, e);
      v = eu[e] == v ? ev[e] : eu[e];
    }
  for (guint i = rev->len; i > 0; i--)
    g_array_append_val (out, g_array_index (rev, guint, i - 1));
  return TRUE;
}

/* The way back from @v to @u (the ends of edge @e) through @x, the edge @r
 * (none: G_MAXUINT) and @y: v → x, r, y → u, on distinct vertices. */
static gboolean
path_through (const GroundGraph *g, guint e, guint u, guint v, guint x, guint r, guint y,
              GArray *out)
{
  const guint *eu = (const guint *) g->eu->data, *ev = (const guint *) g->ev->data;
  g_autofree guint8 *banned = g_new0 (guint8, g->nv);

  g_array_set_size (out, 0);
  if (x == u || y == v)
    return FALSE;
  banned[u] = 1;
  if (!block_path (g, g->block[e], v, x, e, banned, out))
    return FALSE;
  banned[v] = 1;
  for (guint i = 0; i < out->len; i++)
    {
      guint k = g_array_index (out, guint, i);
      banned[eu[k]] = banned[ev[k]] = 1;
    }
  banned[u] = 0;
  if (r != G_MAXUINT)
    {
      if (banned[y])
        return FALSE;
      g_array_append_val (out, r);
    }
  return block_path (g, g->block[e], y, u, e, banned, out);
}

/* The way back from @v to @u that closes the loop of edge @e (edges in
 * order), through a reference where one can be found that way. */
static void
loop_path (const GroundGraph *g, guint e, guint u, guint v, GArray *out)
{
  const guint *eu = (const guint *) g->eu->data, *ev = (const guint *) g->ev->data;
  g_autofree guint8 *none = g_new0 (guint8, g->nv);
  gboolean earth_tried = FALSE;

  for (guint k = g->bstart[g->block[e]]; k < g->bstart[g->block[e] + 1]; k++)
    {
      guint r = g->bedges[k];

      if (r == e || !is_reference (g, r))
        continue;
      if (g_ptr_array_index (g->ecable, r) == NULL)
        {
          if (!earth_tried && path_through (g, e, u, v, g->earth, G_MAXUINT, g->earth, out))
            return;
          earth_tried = TRUE;
          continue;
        }
      if (path_through (g, e, u, v, eu[r], r, ev[r], out)
          || path_through (g, e, u, v, ev[r], r, eu[r], out))
        return;
    }
  g_array_set_size (out, 0);
  block_path (g, g->block[e], v, u, e, none, out);
}

/* "A", "A and B", "A, B and C" from labels. */
static char *
join_labels (GPtrArray *labels)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == labels->len ? _ (" and ") : ", ");
      g_string_append (out, g_ptr_array_index (labels, i));
    }
  return g_string_free (out, FALSE);
}

static void
add_label (GPtrArray *labels, const RigDevNode *dev)
{
  const char *label = rig_text_label (dev);

  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (g_ptr_array_index (labels, i), label))
      return;
  g_ptr_array_add (labels, (gpointer) label);
}

/* What a loop is made of, for the texts. */
typedef struct
{
  GString *walk;        /* "PC → Cable A-001 → Amp → mains earth → PC" */
  GPtrArray *earthed;   /* const char *, labels of the earthed devices on it */
  RigCabNode *power;    /* a cable on it that powers a device, or NULL */
  RigDevNode *supplier; /* the device powering through it */
} LoopWords;

static void
loop_words_init (LoopWords *w, const GroundGraph *g, guint e, guint u, guint v, GArray *path)
{
  const guint *eu = (const guint *) g->eu->data, *ev = (const guint *) g->ev->data;
  guint at = v;
  g_autofree char *title = rig_text_cable_title (g_ptr_array_index (g->ecable, e));

  w->walk = g_string_new (NULL);
  w->earthed = g_ptr_array_new ();
  w->power = NULL;
  w->supplier = NULL;
  g_string_append_printf (w->walk, "%s → %s → %s", rig_text_label (g->vdev[u]), title,
                          rig_text_label (g->vdev[v]));
  for (guint i = 0; i < path->len; i++)
    {
      guint k = g_array_index (path, guint, i);
      RigCabNode *c = g_ptr_array_index (g->ecable, k);
      guint next = eu[k] == at ? ev[k] : eu[k];

      if (c == NULL)
        add_label (w->earthed, g->vdev[at == g->earth ? next : at]);
      else
        {
          g_autofree char *t = rig_text_cable_title (c);
          g_string_append_printf (w->walk, " → %s", t);
          if (w->power == NULL && carries_power (c))
            {
              w->power = c;
              w->supplier = rig_jack_supplies_power (rig_dev_jack (c->dev[0], c->jack[0]))
                                ? c->dev[0]
                                : c->dev[1];
            }
        }
      g_string_append_printf (
          w->walk, " → %s", next == g->earth ? _ ("mains earth") : rig_text_label (g->vdev[next]));
      at = next;
    }
}

static void
loop_words_clear (LoopWords *w)
{
  g_string_free (w->walk, TRUE);
  g_ptr_array_unref (w->earthed);
}

/* TRUE if @dev has a balanced jack that is an output (@out) or an input. */
static gboolean
has_balanced (const RigDevNode *dev, gboolean out)
{
  for (guint j = 0; j < dev->n_jacks; j++)
    {
      const RigJack *jack = rig_dev_jack (dev, (int) j);
      if (rig_signal_is_analog (jack->signal) && jack->signal != RIG_SIGNAL_SPEAKER
          && rig_jack_is_balanced (jack)
          && (out ? rig_jack_is_output (jack) : rig_jack_is_input (jack)))
        return TRUE;
    }
  return FALSE;
}

static char *
loop_why (const LoopWords *w)
{
  GString *why = g_string_new (NULL);

  g_string_append_printf (why, _ ("This unbalanced cable closes a ground loop: %s."), w->walk->str);
  if (w->earthed->len >= 2)
    {
      g_autofree char *names = join_labels (w->earthed);
      g_string_append_printf (why, " ");
      g_string_append_printf (why,
                              _ ("%s are earthed through their mains plugs, so the mains earth "
                                 "joins their grounds a second time, and small voltage "
                                 "differences between the earth points drive current round the "
                                 "loop, through this cable's shield and into the signal."),
                              names);
    }
  if (w->power != NULL)
    {
      g_autofree char *t = rig_text_cable_title (w->power);
      RigDevNode *powered = w->power->dev[0] == w->supplier ? w->power->dev[1] : w->power->dev[0];
      g_string_append_printf (why, " ");
      g_string_append_printf (why,
                              _ ("%s powers %s through %s, whose ground also carries the "
                                 "supply's return current; this cable's shield is a second "
                                 "path for it, so the supply's noise lands in the signal."),
                              rig_text_label (w->supplier), rig_text_label (powered), t);
    }
  return g_string_free (why, FALSE);
}

/* What the loop makes heard, from the references it has (physics.md §7.3):
 * mains earth twice, or a supply on mains, drives a 50 or 60 Hz hum; a
 * supply's return current alone carries its own whine and clicks. */
static char *
loop_hear (const LoopWords *w)
{
  gboolean mains
      = w->earthed->len >= 2
        || (w->power != NULL
            && rig_device_get_power_source (w->supplier->device) == RIG_POWER_SOURCE_MAINS);

  if (w->power == NULL)
    return g_strdup (_ ("A steady 50 or 60 Hz hum or buzz."));
  if (mains)
    return g_strdup_printf (_ ("A steady 50 or 60 Hz hum or buzz, with whine and clicks from %s "
                               "as it works."),
                            rig_text_label (w->supplier));
  return g_strdup_printf (_ ("Whine, clicks and buzz that follow what %s is doing (its processor, "
                             "its disk, its screen): the noise of its supply's return current. "
                             "%s is not on mains and nothing on this loop is earthed twice, so "
                             "no mains hum."),
                          rig_text_label (w->supplier), rig_text_label (w->supplier));
}

static char *
loop_fix (const LoopWords *w, RigDevNode *da, RigDevNode *db)
{
  GString *fix = g_string_new (NULL);

  g_string_append_printf (fix, _ ("Put a ground-loop isolator on this cable (%s → isolator → %s)"),
                          rig_text_label (da), rig_text_label (db));
  if (has_balanced (da, TRUE) && has_balanced (db, FALSE))
    g_string_append_printf (fix,
                            _ (", or join the balanced output of %s to the balanced input "
                               "of %s with a balanced cable"),
                            rig_text_label (da), rig_text_label (db));
  if (w->power != NULL)
    {
      RigDevNode *powered = w->power->dev[0] == w->supplier ? w->power->dev[1] : w->power->dev[0];
      g_string_append_printf (fix, _ (", or power %s from a separate charger instead of %s"),
                              rig_text_label (powered), rig_text_label (w->supplier));
    }
  else if (w->earthed->len >= 2)
    g_string_append (fix, _ (", or plug them into one power strip (never remove a mains "
                             "earth)"));
  g_string_append (fix, ".");
  return g_string_free (fix, FALSE);
}

static void
report_loop (RigRegion *region, const GroundGraph *g, guint e)
{
  RigCabNode *cable = g_ptr_array_index (g->ecable, e);
  RigDevNode *da = cable->dev[0], *db = cable->dev[1];
  guint u = g_array_index (g->eu, guint, e), v = g_array_index (g->ev, guint, e);
  g_autoptr (GArray) path = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *head = NULL;
  LoopWords w;
  RigDiagBuilder b;

  /* In the order the signal flows. */
  if (rig_dev_jack (da, cable->jack[0])->direction == RIG_DIRECTION_IN
      && rig_jack_is_output (rig_dev_jack (db, cable->jack[1])))
    {
      RigDevNode *t = da;
      guint tv = u;
      da = db;
      db = t;
      u = v;
      v = tv;
    }
  loop_path (g, e, u, v, path);
  loop_words_init (&w, g, e, u, v, path);

  head = rig_text_cable (cable);
  rig_diag_init (&b);
  rig_diag_add_cable (&b, cable);
  rig_diag_add_jack (&b, cable->dev[0], cable->jack[0]);
  rig_diag_add_jack (&b, cable->dev[1], cable->jack[1]);
  if (w.power == NULL || w.earthed->len >= 2
      || rig_device_get_power_source (w.supplier->device) == RIG_POWER_SOURCE_MAINS)
    rig_diag_set_hear (region, RIG_HEAR_HUM, 0, -36); /* mains hum, as loop_hear() says */
  rig_diag_emit (region, &b, RIG_CODE_SIGNAL_GROUND_LOOP, RIG_SEVERITY_WARNING,
                 g_strdup_printf (_ ("%s: ground loop"), head), loop_why (&w), loop_hear (&w),
                 loop_fix (&w, da, db));
  loop_words_clear (&w);
}

void
rig_rule_signal_ground_loop (RigRegion *region)
{
  GroundGraph g;
  guint ne, nb;
  g_autofree guint8 *has_reference = NULL;

  if (!ground_graph_build (region, &g))
    {
      ground_graph_clear (&g);
      return;
    }
  ne = g.eu->len;
  g.block = g_new (guint, MAX (ne, 1));
  nb = rig_bridges_blocks (g.nv, ne, (guint *) g.eu->data, (guint *) g.ev->data, g.block);
  /* A block with a reference in it: every cable in it lies on a cycle with
   * that reference. */
  has_reference = g_new0 (guint8, MAX (nb, 1));
  for (guint e = 0; e < ne; e++)
    if (is_reference (&g, e))
      has_reference[g.block[e]] = 1;

  for (guint e = 0; e < ne; e++)
    {
      RigCabNode *cable = g_ptr_array_index (g.ecable, e);

      if (cable == NULL || !unbalanced_audio (cable) || !has_reference[g.block[e]])
        continue;
      if (g.adj == NULL)
        ground_graph_index (&g, nb);
      report_loop (region, &g, e);
    }
  ground_graph_clear (&g);
}
