/* rig-rules-topology.c: does signal reach, and does it come back round?
 *
 * topology.no-signal  (physics.md §7.4: a speaker or headphone that no
 *                      source reaches plays nothing; an input is a dead end;
 *                      a device not yet cabled is simply unwired)
 * topology.feedback   (physics.md §7.4: an output routed back to its own
 *                      device's input can feed back)
 *
 * Both read the region's signal graph (rig-rule.h): two vertices per jack,
 * into it (2n) and out of it (2n + 1).
 */
#include "config.h"

#include "rig-rule-i18n.h"
#include "rig-rules.h"

#define IN_V(node) (2 * (node))
#define OUT_V(node) (2 * (node) + 1)

/* ------------------------------------------------------------------ */
/* topology.no-signal                                                  */

static gboolean
plays_sound (const RigDevNode *dev)
{
  RigCategory c = rig_dev_category (dev);
  return c == RIG_CATEGORY_PASSIVE_SPEAKER || c == RIG_CATEGORY_ACTIVE_SPEAKER
         || c == RIG_CATEGORY_HEADPHONES;
}

/* The first device (by id) joined to one of @dev's audio inputs, or NULL;
 * @fed: whether an output of that device touches the input's contacts
 * (physics.md §3.1), so that @dev is wired and the gap lies upstream. */
static RigDevNode *
upstream_neighbour (RigRegion *region, RigDevNode *dev, gboolean *fed)
{
  RigDevNode *best = NULL;

  *fed = FALSE;
  for (guint j = 0; j < dev->n_jacks; j++)
    {
      guint node = rig_node_of (dev, (int) j);
      guint k = region->net_of[node];
      const RigNet *net;

      if (k == RIG_NO_NET || !rig_region_is_sink (region, node))
        continue;
      net = &region->nets[k];
      for (guint m = 0; m < net->n_members; m++)
        {
          guint member = region->members[net->first + m];
          RigDevNode *other = region->node_dev[member];
          gboolean touches = rig_region_in_contact (region, member, node);

          if (other == dev)
            continue;
          if (best == NULL || rig_id_compare (other->device->id, best->device->id) < 0)
            {
              best = other;
              *fed = touches;
            }
          else if (other == best && touches)
            *fed = TRUE;
        }
    }
  return best;
}

/* "Connect a source to …": the free audio inputs of @up, the device whose
 * output feeds the silent listener (a fix names only jacks the rig has). */
static char *
upstream_fix (RigDevNode *up, RigRegion *region)
{
  GString *fix = g_string_new (NULL);
  guint n = 0, shown = 0;

  for (guint j = 0; j < up->n_jacks; j++)
    {
      guint node = rig_node_of (up, (int) j);
      if ((up->info->jack_flags[j] & RIG_JACK_AUDIO)
          && !(up->info->jack_flags[j] & RIG_JACK_TRANSIT)
          && rig_jack_is_input (rig_dev_jack (up, (int) j)) && region->net_of[node] == RIG_NO_NET)
        n++;
    }
  if (n == 0)
    {
      g_string_append_printf (fix,
                              _ ("Feed %s from a source (a phone, a player, an instrument, a "
                                 "microphone) on one of its inputs."),
                              rig_text_label (up));
      return g_string_free (fix, FALSE);
    }
  g_string_append_printf (fix,
                          _ ("Connect a source (a phone, a player, an instrument, a microphone) "
                             "to an input of %s: "),
                          rig_text_label (up));
  for (guint j = 0; j < up->n_jacks && shown < 3; j++)
    {
      guint node = rig_node_of (up, (int) j);
      g_autofree char *name = NULL;
      if (!(up->info->jack_flags[j] & RIG_JACK_AUDIO)
          || (up->info->jack_flags[j] & RIG_JACK_TRANSIT)
          || !rig_jack_is_input (rig_dev_jack (up, (int) j)) || region->net_of[node] != RIG_NO_NET)
        continue;
      name = rig_text_jack (up, (int) j);
      if (shown > 0)
        g_string_append (fix, shown + 1 == MIN (n, 3) && n <= 3 ? _ (" or ") : ", ");
      g_string_append (fix, name);
      shown++;
    }
  g_string_append (fix, n > 3 ? _ (" or another of its inputs.") : ".");
  return g_string_free (fix, FALSE);
}

/* topology.no-signal (physics.md §7.4: "A speaker or headphone that no source reaches
 * plays nothing"). */
void
rig_rule_topology_no_signal (RigRegion *region, RigDevNode *dev)
{
  RigDiagBuilder b;
  RigDevNode *up;
  const char *label;
  char *why, *fix;
  gboolean has_input = FALSE, wired = FALSE, fed;

  if (!plays_sound (dev))
    return;
  label = rig_text_label (dev);

  for (guint j = 0; j < dev->n_jacks; j++)
    {
      guint node = rig_node_of (dev, (int) j);
      if (!rig_region_is_sink (region, node))
        continue;
      has_input = TRUE;
      if (region->reached[IN_V (node)])
        return;
      if (region->net_of[node] != RIG_NO_NET && region->nets[region->net_of[node]].n_cables > 0)
        wired = TRUE;
    }
  if (!has_input)
    return; /* nothing could ever reach it: not a listening device in this model */
  /* No cable on any of its audio inputs: not yet wired, which is where every
   * rig starts (a speaker charging from a phone over USB is no exception). */
  if (!wired)
    return;

  up = upstream_neighbour (region, dev, &fed);
  if (fed)
    why = g_strdup_printf (_ ("%s is connected to an output of %s, but nothing feeds %s: no "
                              "source (a phone, a player, an instrument, a microphone) reaches "
                              "its inputs."),
                           label, rig_text_label (up), rig_text_label (up));
  else if (up == NULL)
    why = g_strdup_printf (_ ("The inputs of %s are cabled, but following the cables back leads "
                              "to no source: nothing that makes sound feeds them."),
                           label);
  else
    why = g_strdup_printf (_ ("%s is connected to %s, but following the cables back leads to no "
                              "source: nothing that makes sound (a phone, a player, an "
                              "instrument, a microphone) feeds it. A cable between two inputs "
                              "carries nothing either."),
                           label, rig_text_label (up));

  if (fed)
    fix = upstream_fix (up, region);
  else
    switch (rig_dev_category (dev))
      {
        case RIG_CATEGORY_PASSIVE_SPEAKER:
          fix = g_strdup_printf (
              _ ("Connect %s to an amplifier's speaker output with speaker wire, "
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
          fix = g_strdup_printf (
              _ ("Connect a source's output (a phone's headphone out, a player's "
                 "line out) to the input of %s."),
              label);
          break;
      }

  rig_diag_init (&b);
  rig_diag_add_device (&b, dev);
  rig_diag_set_hear (region, RIG_HEAR_SILENCE, 0, 0);
  rig_diag_emit (region, &b, RIG_CODE_TOPOLOGY_NO_SIGNAL, RIG_SEVERITY_ERROR,
                 g_strdup_printf (_ ("%s: no sound source reaches it"), label), why,
                 g_strdup_printf (_ ("Silence from %s."), label), fix);
}

/* ------------------------------------------------------------------ */
/* topology.feedback: strongly connected parts of the signal graph      */

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
  g_ptr_array_sort (devices, rig_dev_compare_by_id);
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

/* topology.feedback (physics.md §7.4: "an output routed back to its own device's input
 * can feed back"): a strongly connected part of the signal graph (Tarjan),
 * so that a loop counts only when each device's routes carry it round (an
 * effects send and return are not a loop). */
void
rig_rule_topology_feedback (RigRegion *region)
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
