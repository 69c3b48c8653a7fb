/* rig-validator-judge.c: runs the registered rules over a region.
 *
 * The registry (rig-rule-registry.c) lists each rule with its scope; the
 * judge calls each row on every object of its scope: cables (the connector
 * rules first, before the nets are built, since a cable whose plugs cannot
 * meet joins no net), then each net with its links, then devices, then the
 * region as a whole. A link exists only where the contacts its output sends
 * on meet the contacts its input receives on (physics.md §3.1).
 */
#include "config.h"

#include <string.h>

#define RIG_VALIDATOR_COMPILATION
#include "rig-rule-i18n.h"
#include "rig-validator-private.h"

/* Source and sink roles of a jack (physics.md §2.2: a TRRS headset socket sends
 * stereo and receives the mic; the headset's plug the other way round). */
static void
link_roles (RigDevNode *dev, int j, RigSignal *as_source, RigSignal *as_sink, guint *source_ch,
            guint *sink_ch)
{
  const RigJack *jack = rig_dev_jack (dev, j);
  gboolean headset
      = jack->direction == RIG_DIRECTION_BOTH
        && (jack->wiring == RIG_WIRING_HEADSET_CTIA || jack->wiring == RIG_WIRING_HEADSET_OMTP);

  *as_source = *as_sink = jack->signal;
  *source_ch = *sink_ch = MAX (jack->channels, 1);
  if (!headset)
    return;
  if (dev->info->flags & RIG_MODEL_HEADSET)
    {
      *as_source = RIG_SIGNAL_MIC;
      *source_ch = 1;
      if (*as_sink == RIG_SIGNAL_MIC)
        *as_sink = RIG_SIGNAL_HEADPHONE;
    }
  else
    {
      *as_sink = RIG_SIGNAL_MIC;
      *sink_ch = 1;
      if (*as_source == RIG_SIGNAL_MIC)
        *as_source = RIG_SIGNAL_HEADPHONE;
    }
}

/* Fills @link for the output endpoint @src and the input endpoint @snk of
 * @net; its path and transit arrays are the region's, reused. */
static void
link_init (RigLink *link, RigRegion *region, guint net, guint src, guint snk)
{
  RigRegionPrivate *priv = RIG_REGION_PRIVATE (region);
  RigSignal unused;
  guint unused_ch;

  memset (link, 0, sizeof (*link));
  link->region = region;
  link->net = net;
  link->src = src;
  link->snk = snk;
  link->sdev = region->node_dev[src];
  link->kdev = region->node_dev[snk];
  link->sj = rig_node_jack (region, src);
  link->kj = rig_node_jack (region, snk);
  link->sjack = rig_dev_jack (link->sdev, link->sj);
  link->kjack = rig_dev_jack (link->kdev, link->kj);
  link_roles (link->sdev, link->sj, &link->sclass, &unused, &link->schannels, &unused_ch);
  link_roles (link->kdev, link->kj, &unused, &link->kclass, &unused_ch, &link->kchannels);
  if (priv->link_path == NULL)
    {
      priv->link_path = g_ptr_array_new ();
      priv->link_transit = g_ptr_array_new ();
    }
  link->path = priv->link_path;
  link->transit = priv->link_transit;
  g_ptr_array_set_size (link->path, 0);
  g_ptr_array_set_size (link->transit, 0);
  rig_region_net_path_into (region, src, snk, link->path);
  for (guint i = 0; i < link->path->len; i++)
    {
      RigCabNode *cable = g_ptr_array_index (link->path, i);
      for (guint end = 0; end < 2; end++)
        if (cable->jack[end] >= 0
            && (cable->dev[end]->info->jack_flags[cable->jack[end]] & RIG_JACK_TRANSIT)
            && !g_ptr_array_find (link->transit, cable->dev[end], NULL))
          g_ptr_array_add (link->transit, cable->dev[end]);
    }
  if (link->transit->len > 1)
    g_ptr_array_sort (link->transit, rig_dev_compare_by_id);
}

/* Runs the link rules rules[0 .. n - 1] on every output endpoint of @net
 * with every other input endpoint. */
static void
judge_links (RigRegion *region, guint net, const RigRule *rules, guint n)
{
  const RigNet *nt = &region->nets[net];

  for (guint a = 0; a < nt->n_members; a++)
    {
      guint src = region->members[nt->first + a];

      if (!rig_region_is_source (region, src))
        continue;
      for (guint b = 0; b < nt->n_members; b++)
        {
          guint snk = region->members[nt->first + b];
          RigLink link;

          if (!rig_region_in_contact (region, src, snk))
            continue;
          link_init (&link, region, net, src, snk);
          for (guint r = 0; r < n; r++)
            rules[r].check.link (region, &link);
        }
    }
}

/* Per net, in registry order: each net rule, and each run of link rules
 * over every link of the net. The steps are found once: a step is a net
 * rule (@count 0) or a run of @count link rules, from @first. */
static void
judge_nets (RigRegion *region, const RigRule *rules, guint n_rules)
{
  guint *first = g_newa (guint, n_rules + 1), *count = g_newa (guint, n_rules + 1);
  guint n_steps = 0;

  for (guint r = 0; r < n_rules;)
    {
      guint run = 0;

      if (rules[r].scope == RIG_RULE_SCOPE_NET)
        {
          first[n_steps] = r;
          count[n_steps++] = 0;
        }
      while (r + run < n_rules && rules[r + run].scope == RIG_RULE_SCOPE_LINK)
        run++;
      if (run > 0)
        {
          first[n_steps] = r;
          count[n_steps++] = run;
        }
      r += MAX (run, 1);
    }

  for (guint net = 0; net < region->n_nets; net++)
    for (guint k = 0; k < n_steps; k++)
      if (count[k] == 0)
        rules[first[k]].check.net (region, net);
      else
        judge_links (region, net, rules + first[k], count[k]);
}

/* Whether @rule is a connector rule: those run on every cable before the
 * nets are built. */
static gboolean
is_fit_rule (const RigRule *rule)
{
  return rule->scope == RIG_RULE_SCOPE_CABLE && g_str_equal (rule->info.family, "connector");
}

/* The indexes of the cable rules that are (@fit) or are not connector
 * rules, in registry order, into @out; returns how many. */
static guint
cable_rules (const RigRule *rules, guint n_rules, gboolean fit, guint *out)
{
  guint n = 0;

  for (guint r = 0; r < n_rules; r++)
    if (rules[r].scope == RIG_RULE_SCOPE_CABLE && is_fit_rule (&rules[r]) == fit)
      out[n++] = r;
  return n;
}

void
rig_region_judge_fit (RigRegion *region)
{
  guint n_rules, n_fit;
  const RigRule *rules = rig_rule_registry (&n_rules);
  guint *fit = g_newa (guint, n_rules + 1);

  if (RIG_REGION_PRIVATE (region)->fit_known)
    return;
  RIG_REGION_PRIVATE (region)->fit_known = TRUE;
  n_fit = cable_rules (rules, n_rules, TRUE, fit);
  for (guint i = 0; i < region->cables->len; i++)
    {
      RigCabNode *cable = g_ptr_array_index (region->cables, i);
      if (cable->jack[0] < 0 || cable->jack[1] < 0)
        continue;
      for (guint k = 0; k < n_fit; k++)
        rules[fit[k]].check.cable (region, cable);
    }
}

void
rig_region_judge (RigRegion *region)
{
  guint n_rules, n_other;
  const RigRule *rules = rig_rule_registry (&n_rules);
  guint *other = g_newa (guint, n_rules + 1);

  _rig_rule_gettext_begin ();
  /* The connector rules first: a cable they find unfit (RIG_CAB_UNFIT)
   * joins no net, and the other cable rules pass it by (physics.md §2.3,
   * §2.6: what cannot be plugged in carries nothing). */
  rig_region_judge_fit (region);
  rig_region_build_nets (region);
  rig_region_build_graph (region);

  n_other = cable_rules (rules, n_rules, FALSE, other);
  for (guint i = 0; i < region->cables->len; i++)
    {
      RigCabNode *cable = g_ptr_array_index (region->cables, i);
      if (cable->jack[0] < 0 || cable->jack[1] < 0 || (cable->flags & RIG_CAB_UNFIT))
        continue;
      for (guint k = 0; k < n_other; k++)
        rules[other[k]].check.cable (region, cable);
    }

  judge_nets (region, rules, n_rules);

  for (guint r = 0; r < n_rules; r++)
    if (rules[r].scope == RIG_RULE_SCOPE_DEVICE)
      for (guint i = 0; i < region->devices->len; i++)
        rules[r].check.device (region, g_ptr_array_index (region->devices, i));

  for (guint r = 0; r < n_rules; r++)
    if (rules[r].scope == RIG_RULE_SCOPE_REGION)
      rules[r].check.region (region);
  _rig_rule_gettext_end ();
}
