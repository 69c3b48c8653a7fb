/* rig-rule-texts.c: what rules share: building a diagnostic, the words and
 * numbers of its texts, and a few facts about jacks and devices. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-levels.h"
#include "rig-rule-i18n.h"
#include "rig-rule.h"
#include "rig-units.h"

/* ------------------------------------------------------------------ */
/* Building diagnostics (private API, rig-rules-private.h)             */

void
rig_diag_init (RigDiagBuilder *builder)
{
  builder->cables = g_ptr_array_new ();
  builder->devices = g_ptr_array_new ();
  builder->jacks = g_ptr_array_new_with_free_func (g_free);
  builder->jack_devs = g_ptr_array_new ();
}

static void
add_unique (GPtrArray *array, gpointer item)
{
  for (guint i = 0; i < array->len; i++)
    if (g_ptr_array_index (array, i) == item)
      return;
  g_ptr_array_add (array, item);
}

void
rig_diag_add_cable (RigDiagBuilder *builder, RigCabNode *cable)
{
  add_unique (builder->cables, cable);
}

void
rig_diag_add_device (RigDiagBuilder *builder, RigDevNode *dev)
{
  add_unique (builder->devices, dev);
}

void
rig_diag_add_jack (RigDiagBuilder *builder, RigDevNode *dev, int jack)
{
  char *id;

  if (jack < 0 || (guint) jack >= dev->n_jacks)
    return;
  id = g_strconcat (dev->device->id, ":", rig_dev_jack (dev, jack)->id, NULL);
  for (guint i = 0; i < builder->jacks->len; i++)
    if (strcmp (g_ptr_array_index (builder->jacks, i), id) == 0)
      {
        g_free (id);
        return;
      }
  g_ptr_array_add (builder->jacks, id);
  g_ptr_array_add (builder->jack_devs, dev);
}

void
rig_diag_add_path (RigDiagBuilder *builder, GPtrArray *path)
{
  for (guint i = 0; path != NULL && i < path->len; i++)
    rig_diag_add_cable (builder, g_ptr_array_index (path, i));
}

void
rig_diag_add_link (RigDiagBuilder *builder, const RigLink *link)
{
  rig_diag_add_path (builder, link->path);
  rig_diag_add_jack (builder, link->sdev, link->sj);
  rig_diag_add_jack (builder, link->kdev, link->kj);
}

/* ------------------------------------------------------------------ */
/* Texts                                                               */

const char *
rig_text_label (const RigDevNode *dev)
{
  const char *label = dev->device->label;
  return label != NULL && *label != '\0' ? label
                                         : rig_device_model_get_display_name (dev->device->model);
}

char *
rig_text_jack (const RigDevNode *dev, int jack)
{
  const char *name;
  GString *out = g_string_new (rig_text_label (dev));

  if (jack < 0 || (guint) jack >= dev->n_jacks)
    return g_string_free (out, FALSE);
  name = rig_jack_get_display_name (rig_dev_jack (dev, jack));
  g_string_append_c (out, ' ');
  /* "Headphone out" reads "Phone headphone out"; "USB-C" and "CD in" keep
   * their capitals. */
  if (g_ascii_isupper (name[0]) && g_ascii_islower (name[1]))
    {
      g_string_append_c (out, g_ascii_tolower (name[0]));
      g_string_append (out, name + 1);
    }
  else
    g_string_append (out, name);
  return g_string_free (out, FALSE);
}

char *
rig_text_cable_title (const RigCabNode *cable)
{
  const char *number = cable->cable->number;

  if (g_strcmp0 (cable->cable->id, RIG_JUDGE_CABLE_ID) == 0)
    return g_strdup (_ ("New cable"));
  if (number == NULL || *number == '\0')
    number = cable->cable->id;
  /* Translators: a cable and its number, "Cable A-003". */
  return g_strdup_printf (_ ("Cable %s"), number);
}

/* Figures read the same here as everywhere else (rig-units.h). */
char *
rig_text_num (double value)
{
  return rig_units_number (value);
}

char *
rig_text_db (double db)
{
  return rig_units_db (db);
}

char *
rig_text_ohms (double ohms)
{
  return rig_units_ohms (ohms);
}

char *
rig_text_watts (double watts)
{
  return rig_units_watts (watts);
}

char *
rig_text_volts (double volts)
{
  return rig_units_volts (volts);
}

char *
rig_text_cable (const RigCabNode *cable)
{
  g_autofree char *title = rig_text_cable_title (cable);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  guint first = 0;

  if (cable->jack[0] >= 0 && cable->jack[1] >= 0)
    {
      const RigJack *j0 = rig_dev_jack (cable->dev[0], cable->jack[0]);
      const RigJack *j1 = rig_dev_jack (cable->dev[1], cable->jack[1]);
      if (j0->direction == RIG_DIRECTION_IN && rig_jack_is_output (j1))
        first = 1;
    }
  a = rig_text_jack (cable->dev[first], cable->jack[first]);
  b = rig_text_jack (cable->dev[1 - first], cable->jack[1 - first]);
  /* Translators: "Cable A-003: Phone headphone out → Speaker aux in". */
  return g_strdup_printf (_ ("%s: %s → %s"), title, a, b);
}

char *
rig_text_link (const RigLink *link)
{
  RigCabNode *last
      = link->path->len > 0 ? g_ptr_array_index (link->path, link->path->len - 1) : NULL;
  g_autofree char *title = last ? rig_text_cable_title (last) : g_strdup ("");
  g_autofree char *a = rig_text_jack (link->sdev, link->sj);
  g_autofree char *b = rig_text_jack (link->kdev, link->kj);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, _ ("%s: %s → %s"), title, a, b);
  if (link->transit != NULL && link->transit->len > 0)
    {
      GString *via = g_string_new (NULL);
      for (guint i = 0; i < link->transit->len; i++)
        {
          if (i > 0)
            g_string_append (via, ", ");
          g_string_append (via, rig_text_label (g_ptr_array_index (link->transit, i)));
        }
      /* Translators: appended to a cable's line, "…, through Splitter". */
      g_string_append_printf (out, _ (", through %s"), via->str);
      g_string_free (via, TRUE);
    }
  return g_string_free (out, FALSE);
}

const char *
rig_text_signal (RigSignal signal)
{
  switch (signal)
    {
      case RIG_SIGNAL_MIC:
        return _ ("mic level");
      case RIG_SIGNAL_INSTRUMENT:
        return _ ("instrument level");
      case RIG_SIGNAL_LINE_CONSUMER:
        return _ ("consumer line level");
      case RIG_SIGNAL_LINE_PRO:
        return _ ("pro line level");
      case RIG_SIGNAL_PHONO:
        return _ ("phono level");
      case RIG_SIGNAL_HEADPHONE:
        return _ ("headphone level");
      case RIG_SIGNAL_SPEAKER:
        return _ ("speaker level");
      case RIG_SIGNAL_SPDIF:
        return _ ("S/PDIF digital audio");
      case RIG_SIGNAL_USB_AUDIO:
        return _ ("USB digital audio");
      case RIG_SIGNAL_BLUETOOTH:
        return _ ("Bluetooth digital audio");
      case RIG_SIGNAL_POWER:
      case RIG_N_SIGNALS:
      default:
        return _ ("power");
    }
}

double
rig_signal_typical_volts (RigSignal signal)
{
  /* The nominal level of each class, from the one level table. */
  return rig_level_nominal_volts (signal);
}

gboolean
rig_dev_phantom_on (const RigDevNode *dev)
{
  return rig_device_get_figure (dev->device, RIG_FIGURE_PHANTOM_ON) == 1;
}

gboolean
rig_jack_is_balanced (const RigJack *jack)
{
  return jack->connector == RIG_CONNECTOR_XLR3 || jack->wiring == RIG_WIRING_BALANCED
         || jack->wiring == RIG_WIRING_BALANCED_STEREO
         || jack->wiring == RIG_WIRING_BALANCED_STEREO_2_5;
}

char *
rig_text_join_jacks (RigRegion *region, GArray *nodes)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < nodes->len; i++)
    {
      guint node = g_array_index (nodes, guint, i);
      g_autofree char *name = rig_text_jack (region->node_dev[node], rig_node_jack (region, node));
      if (i > 0)
        g_string_append (out, i + 1 == nodes->len ? _ (" and ") : ", ");
      g_string_append (out, name);
    }
  return g_string_free (out, FALSE);
}

void
rig_diag_emit_link_full (RigRegion *region, const RigLink *link, guint with, const char *code,
                         RigSeverity severity, const char *what, char *why, char *hear, char *fix)
{
  RigDiagBuilder b;
  g_autofree char *head = rig_text_link (link);

  rig_diag_init (&b);
  rig_diag_add_link (&b, link);
  if (with & RIG_DIAG_WITH_SOURCE)
    rig_diag_add_device (&b, link->sdev);
  if (with & RIG_DIAG_WITH_SINK)
    rig_diag_add_device (&b, link->kdev);
  /* Translators: a link's line, then what is wrong with it. */
  rig_diag_emit (region, &b, code, severity, g_strdup_printf (_ ("%s: %s"), head, what), why, hear,
                 fix);
}

void
rig_diag_emit_link (RigRegion *region, const RigLink *link, const char *code, RigSeverity severity,
                    const char *what, char *why, char *hear, char *fix)
{
  rig_diag_emit_link_full (region, link, 0, code, severity, what, why, hear, fix);
}

double
rig_speaker_impedance (const RigDevNode *dev, const RigJack *jack)
{
  double z = rig_device_get_figure (dev->device, RIG_FIGURE_NOMINAL_IMPEDANCE);

  if (!rig_figure_is_set (z))
    z = jack->input_impedance;
  return z;
}

int
rig_dev_compare_by_id (gconstpointer a, gconstpointer b)
{
  const RigDevNode *x = *(RigDevNode *const *) a;
  const RigDevNode *y = *(RigDevNode *const *) b;
  return rig_id_compare (x->device->id, y->device->id);
}

int
rig_cab_compare_by_id (gconstpointer a, gconstpointer b)
{
  const RigCabNode *x = *(RigCabNode *const *) a;
  const RigCabNode *y = *(RigCabNode *const *) b;
  return rig_id_compare (x->cable->id, y->cable->id);
}
