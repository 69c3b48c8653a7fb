/* rig-rules-ground.c: signal.ground-loop (physics.md §7.3).
 *
 * Two earthed devices joined by an unbalanced audio cable and another ground
 * path (both on mains earth, or a PC powering USB speakers that also take its
 * aux output) hum.
 *
 * The ground graph has a node per device (per jack on an isolating device)
 * and one for mains earth, joined to every earthed device; every cable but
 * Bluetooth, TOSLINK, IEC and those with an isolating adapter joins grounds.
 * An unbalanced analog cable closes a loop when it is not a bridge of that
 * graph and its two-edge-connected part holds an earthed device
 * (rig-bridges.c, O(V + E) for the region).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-bridges.h"
#include "rig-rules.h"

static gboolean
carries_ground (const RigCabNode *cable)
{
  const RigCableSpec *spec = &cable->cable->spec;
  const RigJack *a, *b;

  if (cable->jack[0] < 0 || cable->jack[1] < 0 || spec->kind == RIG_CABLE_KIND_WIRELESS)
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
  GArray *eu, *ev;   /* guint: the ends of each edge */
  GPtrArray *ecable; /* RigCabNode * of each edge, NULL for a mains earth */
} GroundGraph;

static void
ground_graph_clear (GroundGraph *g)
{
  g_free (g->gbase);
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
  g->nv = 0;
  for (guint i = 0; i < region->devices->len; i++)
    {
      RigDevNode *dev = g_ptr_array_index (region->devices, i);
      g->gbase[i] = g->nv;
      g->nv += dev->device->model->isolates_ground ? MAX (dev->n_jacks, 1) : 1;
    }
  g->earth = g->nv++;

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

/* The other path, when it is a second cable between the same two ground
 * nodes as edge @e: the one of smallest id. */
static RigCabNode *
parallel_cable (const GroundGraph *g, guint e)
{
  const guint *eu = (const guint *) g->eu->data, *ev = (const guint *) g->ev->data;
  RigCabNode *cable = g_ptr_array_index (g->ecable, e);
  RigCabNode *other = NULL;

  for (guint k = 0; k < g->eu->len; k++)
    {
      RigCabNode *c = g_ptr_array_index (g->ecable, k);

      if (c == NULL || c == cable
          || !((eu[k] == eu[e] && ev[k] == ev[e]) || (eu[k] == ev[e] && ev[k] == eu[e])))
        continue;
      if (other == NULL || rig_id_compare (c->cable->id, other->cable->id) < 0)
        other = c;
    }
  return other;
}

static void
report_loop (RigRegion *region, RigCabNode *cable, RigCabNode *other)
{
  RigDevNode *da = cable->dev[0], *db = cable->dev[1];
  RigDiagBuilder b;
  g_autofree char *head = NULL;
  char *why;

  /* In the order the signal flows. */
  if (rig_dev_jack (da, cable->jack[0])->direction == RIG_DIRECTION_IN
      && rig_jack_is_output (rig_dev_jack (db, cable->jack[1])))
    {
      RigDevNode *t = da;
      da = db;
      db = t;
    }

  if (is_earthed (da) && is_earthed (db))
    why = g_strdup_printf (_ ("%s and %s are both earthed through their mains plugs, and "
                              "this unbalanced cable joins their grounds a second time: the "
                              "two paths make a loop that picks up mains hum."),
                           rig_text_label (da), rig_text_label (db));
  else if (other != NULL)
    {
      g_autofree char *ot = rig_text_cable_title (other);
      why = g_strdup_printf (_ ("%s and %s already share a ground through %s; this "
                                "unbalanced cable is a second path, and the loop they make "
                                "picks up hum (a PC powering USB speakers that "
                                "also take its aux output)."),
                             rig_text_label (da), rig_text_label (db), ot);
    }
  else
    why = g_strdup_printf (_ ("%s and %s already share a ground through other cables and "
                              "mains earth; this unbalanced cable is a second path, and the "
                              "loop picks up hum."),
                           rig_text_label (da), rig_text_label (db));

  head = rig_text_cable (cable);
  rig_diag_init (&b);
  rig_diag_add_cable (&b, cable);
  rig_diag_add_jack (&b, cable->dev[0], cable->jack[0]);
  rig_diag_add_jack (&b, cable->dev[1], cable->jack[1]);
  rig_diag_emit (
      region, &b, RIG_CODE_SIGNAL_GROUND_LOOP, RIG_SEVERITY_WARNING,
      g_strdup_printf (_ ("%s: ground loop"), head), why,
      g_strdup (_ ("A steady 50 or 60 Hz hum or buzz, often with whine and clicks from the "
                   "computer.")),
      g_strdup_printf (_ ("Put a ground-loop isolator on this cable (%s → isolator → %s), "
                          "or use balanced connections, or power both from one source."),
                       rig_text_label (da), rig_text_label (db)));
}

void
rig_rule_signal_ground_loop (RigRegion *region)
{
  GroundGraph g;
  guint ne;
  g_autofree guint8 *bridge = NULL;
  g_autofree guint *part = NULL;
  g_autofree guint8 *earthed_part = NULL;

  if (!ground_graph_build (region, &g))
    {
      ground_graph_clear (&g);
      return;
    }
  ne = g.eu->len;
  bridge = g_new (guint8, MAX (ne, 1));
  part = g_new (guint, g.nv);
  earthed_part = g_new0 (guint8, g.nv);
  rig_bridges_find (g.nv, ne, (guint *) g.eu->data, (guint *) g.ev->data, bridge);
  /* A two-edge-connected part with earth in it makes a hum loop. */
  rig_bridges_parts (g.nv, ne, (guint *) g.eu->data, (guint *) g.ev->data, bridge, part);
  for (guint i = 0; i < region->devices->len; i++)
    {
      RigDevNode *dev = g_ptr_array_index (region->devices, i);
      if (dev->n_jacks > 0 && is_earthed (dev))
        earthed_part[part[g.gbase[i]]] = 1;
    }

  for (guint e = 0; e < ne; e++)
    {
      RigCabNode *cable = g_ptr_array_index (g.ecable, e);

      if (cable == NULL || bridge[e] || !unbalanced_audio (cable)
          || !earthed_part[part[g_array_index (g.eu, guint, e)]])
        continue;
      report_loop (region, cable, parallel_cable (&g, e));
    }
  ground_graph_clear (&g);
}
