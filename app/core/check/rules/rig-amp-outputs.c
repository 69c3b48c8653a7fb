/* rig-amp-outputs.c: what an amplifier's speaker outputs drive.
 *
 * For each speaker output of a device with a known, finite load, the
 * voltage it gives at that load (from its power rating) is shared among the
 * speakers on its net, through speaker adapters wired in series
 * (physics.md §5.1, §6.2). The power, damping and minimum-load rules each
 * walk the outputs with their own function.
 */
#include "config.h"

#include <math.h>

#include "rig-rules.h"

typedef struct
{
  RigAmpOutput out;
  RigAmpSpeakerFunc speaker;
  gpointer data;
} AmpWalk;

/* Shares the voltage @volts on @net among its speakers (physics.md §6.2),
 * calling the walk's speaker function for each. */
static void
distribute (RigRegion *region, AmpWalk *w, guint net_id, guint entry, double volts,
            GPtrArray *prefix, int depth)
{
  const RigNet *net = &region->nets[net_id];

  if (depth > 8)
    return;
  for (guint m = 0; m < net->n_members; m++)
    {
      guint node = region->members[net->first + m];
      RigDevNode *dev = region->node_dev[node];
      int j = rig_node_jack (region, node);
      g_autoptr (GPtrArray) here = NULL;
      g_autoptr (GPtrArray) path = NULL;

      if (!rig_region_is_speaker_load (region, node))
        continue;
      here = rig_region_net_path (region, entry, node);
      path = g_ptr_array_new ();
      for (guint i = 0; prefix != NULL && i < prefix->len; i++)
        g_ptr_array_add (path, prefix->pdata[i]);
      for (guint i = 0; i < here->len; i++)
        g_ptr_array_add (path, here->pdata[i]);
      for (guint i = 0; i < path->len; i++)
        if (!g_ptr_array_find (w->out.cables, path->pdata[i], NULL))
          g_ptr_array_add (w->out.cables, path->pdata[i]);

      if (dev->info->flags & RIG_MODEL_SERIES)
        {
          double total = 0;
          gboolean ok = TRUE;
          for (guint r = 0; r < dev->info->n_routes; r++)
            {
              guint out_net;
              double zl;
              if (dev->info->route_from[r] != j || dev->info->route_to[r] < 0)
                continue;
              out_net = region->net_of[rig_node_of (dev, dev->info->route_to[r])];
              zl = out_net == RIG_NO_NET ? INFINITY : rig_region_net_load (region, out_net);
              if (!isfinite (zl))
                ok = FALSE;
              else
                total += zl;
            }
          if (!ok || total <= 0)
            continue;
          for (guint r = 0; r < dev->info->n_routes; r++)
            {
              guint out_node, out_net;
              if (dev->info->route_from[r] != j || dev->info->route_to[r] < 0)
                continue;
              out_node = rig_node_of (dev, dev->info->route_to[r]);
              out_net = region->net_of[out_node];
              distribute (region, w, out_net, out_node,
                          volts * rig_region_net_load (region, out_net) / total, path, depth + 1);
            }
          continue;
        }

      {
        double z = rig_speaker_impedance (dev, rig_dev_jack (dev, j));
        if (!rig_figure_is_set (z) || z <= 0)
          continue;
        if (!g_ptr_array_find (w->out.speakers, dev, NULL))
          g_ptr_array_add (w->out.speakers, dev);
        if (w->speaker != NULL)
          w->speaker (region, &w->out, dev, j, path, z, volts, w->data);
      }
    }
}

void
rig_amp_outputs_foreach (RigRegion *region, RigDevNode *dev, RigAmpSpeakerFunc speaker,
                         RigAmpOutputFunc output, gpointer data)
{
  /* Most devices have no speaker output: nothing to look at. */
  if (!(dev->info->flags & RIG_MODEL_AMP))
    return;
  for (guint j = 0; j < dev->n_jacks; j++)
    {
      const RigJack *jack = rig_dev_jack (dev, (int) j);
      guint node = rig_node_of (dev, (int) j);
      guint net = region->net_of[node];
      AmpWalk w = { { 0 }, speaker, data };
      double power, volts = NAN;

      if (jack->signal != RIG_SIGNAL_SPEAKER || !rig_jack_is_output (jack)
          || (dev->info->jack_flags[j] & RIG_JACK_TRANSIT) || net == RIG_NO_NET)
        continue;
      w.out.load = rig_region_net_load (region, net);
      if (!isfinite (w.out.load) || w.out.load <= 0)
        continue;

      w.out.amp = dev;
      w.out.amp_jack = (int) j;
      w.out.zout = jack->output_impedance;
      w.out.min_load = jack->min_load;
      w.out.speakers = g_ptr_array_new ();
      w.out.cables = g_ptr_array_new ();
      w.out.too_low = rig_figure_is_set (jack->min_load) && w.out.load < jack->min_load * 0.999;
      power = rig_device_jack_power_at_load (dev->device, jack, w.out.load);
      if (rig_figure_is_set (power))
        volts = sqrt (power * w.out.load);
      distribute (region, &w, net, node, volts, NULL, 0);
      g_ptr_array_sort (w.out.speakers, rig_dev_compare_by_id);
      if (output != NULL)
        output (region, &w.out, data);
      g_ptr_array_unref (w.out.speakers);
      g_ptr_array_unref (w.out.cables);
    }
}
