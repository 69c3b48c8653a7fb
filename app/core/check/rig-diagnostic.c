/* rig-diagnostic.c: diagnostics and the rule table. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rig-diagnostic.h"
#include "rig-rules-private.h"

static const struct
{
  const char *nick;
  const char *label;
} severity_info[] = {
  [RIG_SEVERITY_NONE] = { "none", N_ ("No problem") },
  [RIG_SEVERITY_INFO] = { "info", N_ ("Info") },
  [RIG_SEVERITY_WARNING] = { "warning", N_ ("Warning") },
  [RIG_SEVERITY_ERROR] = { "error", N_ ("Error") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (severity_info) == RIG_N_SEVERITIES);

const char *
rig_severity_to_nick (RigSeverity severity)
{
  return (guint) severity < RIG_N_SEVERITIES ? severity_info[severity].nick : NULL;
}

int
rig_severity_from_nick (const char *nick)
{
  for (guint i = 0; nick != NULL && i < RIG_N_SEVERITIES; i++)
    if (strcmp (severity_info[i].nick, nick) == 0)
      return (int) i;
  return -1;
}

const char *
rig_severity_to_label (RigSeverity severity)
{
  return (guint) severity < RIG_N_SEVERITIES ? _ (severity_info[severity].label) : NULL;
}

G_DEFINE_BOXED_TYPE (RigDiagnostic, rig_diagnostic, rig_diagnostic_ref, rig_diagnostic_unref)

static int
id_compare_indirect (const void *a, const void *b)
{
  return rig_id_compare (*(char *const *) a, *(char *const *) b);
}

/* Sorts and removes duplicates in place; returns the new count. */
static guint
normalize_ids (const char **ids, guint n)
{
  guint out = 0;

  if (n > 1)
    qsort (ids, n, sizeof (char *), id_compare_indirect);
  for (guint i = 0; i < n; i++)
    if (out == 0 || strcmp (ids[out - 1], ids[i]) != 0)
      ids[out++] = ids[i];
  return out;
}

/* A diagnostic is one block of memory: the struct, then the three id
 * arrays, then every string. The id arrays are sorted and deduplicated in
 * place; nothing passed in is kept. */
RigDiagnostic *
_rig_diagnostic_new (const char *code, RigSeverity severity, const char **cables, guint n_cables,
                     const char **devices, guint n_devices, const char **jacks, guint n_jacks,
                     const char *message, const char *why, const char *hear, const char *fix)
{
  const char *texts[4]
      = { message ? message : "", why ? why : "", hear ? hear : "", fix ? fix : "" };
  const char **lists[3] = { cables, devices, jacks };
  guint counts[3];
  gsize size, strings = 0;
  RigDiagnostic *d;
  char **slots;
  char *p;

  counts[0] = normalize_ids (cables, n_cables);
  counts[1] = normalize_ids (devices, n_devices);
  counts[2] = normalize_ids (jacks, n_jacks);
  for (guint l = 0; l < 3; l++)
    for (guint i = 0; i < counts[l]; i++)
      strings += strlen (lists[l][i]) + 1;
  for (guint t = 0; t < 4; t++)
    strings += strlen (texts[t]) + 1;
  size = sizeof (RigDiagnostic) + sizeof (char *) * (counts[0] + counts[1] + counts[2] + 3);

  d = g_malloc (size + strings);
  memset (d, 0, sizeof *d);
  g_atomic_ref_count_init (&d->ref_count);
  d->code = code;
  d->severity = severity;
  slots = (char **) (d + 1);
  p = (char *) d + size;
  for (guint l = 0; l < 3; l++)
    {
      char **array = slots;
      for (guint i = 0; i < counts[l]; i++)
        {
          gsize len = strlen (lists[l][i]) + 1;
          memcpy (p, lists[l][i], len);
          *slots++ = p;
          p += len;
        }
      *slots++ = NULL;
      if (l == 0)
        d->cables = array;
      else if (l == 1)
        d->devices = array;
      else
        d->jacks = array;
    }
  {
    char **fields[4] = { &d->message, &d->why, &d->hear, &d->fix };
    for (guint t = 0; t < 4; t++)
      {
        gsize len = strlen (texts[t]) + 1;
        memcpy (p, texts[t], len);
        *fields[t] = p;
        p += len;
      }
  }
  return d;
}

RigDiagnostic *
rig_diagnostic_new_take (const char *code, RigSeverity severity, char **cables, char **devices,
                         char **jacks, char *message, char *why, char *hear, char *fix)
{
  guint nc = cables ? g_strv_length (cables) : 0;
  guint nd = devices ? g_strv_length (devices) : 0;
  guint nj = jacks ? g_strv_length (jacks) : 0;
  g_autofree const char **c = g_memdup2 (cables, sizeof (char *) * (nc + 1));
  g_autofree const char **v = g_memdup2 (devices, sizeof (char *) * (nd + 1));
  g_autofree const char **j = g_memdup2 (jacks, sizeof (char *) * (nj + 1));
  RigDiagnostic *d
      = _rig_diagnostic_new (code, severity, c, nc, v, nd, j, nj, message, why, hear, fix);

  g_strfreev (cables);
  g_strfreev (devices);
  g_strfreev (jacks);
  g_free (message);
  g_free (why);
  g_free (hear);
  g_free (fix);
  return d;
}

RigDiagnostic *
rig_diagnostic_ref (RigDiagnostic *diagnostic)
{
  g_return_val_if_fail (diagnostic != NULL, NULL);
  g_atomic_ref_count_inc (&diagnostic->ref_count);
  return diagnostic;
}

void
rig_diagnostic_unref (RigDiagnostic *diagnostic)
{
  g_return_if_fail (diagnostic != NULL);
  if (!g_atomic_ref_count_dec (&diagnostic->ref_count))
    return;
  g_free (diagnostic); /* one block: see _rig_diagnostic_new() */
}

const char *
rig_diagnostic_get_first_object (const RigDiagnostic *diagnostic)
{
  if (diagnostic->cables[0] != NULL)
    return diagnostic->cables[0];
  if (diagnostic->devices[0] != NULL)
    return diagnostic->devices[0];
  if (diagnostic->jacks[0] != NULL)
    return diagnostic->jacks[0];
  return "";
}

static gboolean
strv_contains (char **strv, const char *id)
{
  for (guint i = 0; id != NULL && strv[i] != NULL; i++)
    if (strcmp (strv[i], id) == 0)
      return TRUE;
  return FALSE;
}

gboolean
rig_diagnostic_concerns_cable (const RigDiagnostic *diagnostic, const char *cable_id)
{
  return strv_contains (diagnostic->cables, cable_id);
}

gboolean
rig_diagnostic_concerns_device (const RigDiagnostic *diagnostic, const char *device_id)
{
  return strv_contains (diagnostic->devices, device_id);
}

static int
strv_compare (char **a, char **b)
{
  guint i;

  for (i = 0; a[i] != NULL && b[i] != NULL; i++)
    {
      int c = rig_id_compare (a[i], b[i]);
      if (c != 0)
        return c;
    }
  if (a[i] == NULL && b[i] == NULL)
    return 0;
  return a[i] == NULL ? -1 : 1;
}

int
rig_diagnostic_compare (const RigDiagnostic *a, const RigDiagnostic *b)
{
  int c;

  if (a == b)
    return 0;
  if (a->severity != b->severity)
    return a->severity > b->severity ? -1 : 1;
  if ((c = strcmp (a->code, b->code)) != 0)
    return c;
  if ((c
       = rig_id_compare (rig_diagnostic_get_first_object (a), rig_diagnostic_get_first_object (b)))
      != 0)
    return c;
  if ((c = strv_compare (a->cables, b->cables)) != 0)
    return c;
  if ((c = strv_compare (a->devices, b->devices)) != 0)
    return c;
  if ((c = strv_compare (a->jacks, b->jacks)) != 0)
    return c;
  if ((c = strcmp (a->message, b->message)) != 0)
    return c;
  if ((c = strcmp (a->why, b->why)) != 0)
    return c;
  if ((c = strcmp (a->hear, b->hear)) != 0)
    return c;
  return strcmp (a->fix, b->fix);
}

int
rig_diagnostic_compare_indirect (gconstpointer a, gconstpointer b)
{
  return rig_diagnostic_compare (*(RigDiagnostic *const *) a, *(RigDiagnostic *const *) b);
}

gboolean
rig_diagnostic_equal (const RigDiagnostic *a, const RigDiagnostic *b)
{
  return rig_diagnostic_compare (a, b) == 0;
}

RigSeverity
rig_diagnostics_worst (GPtrArray *diagnostics)
{
  RigSeverity worst = RIG_SEVERITY_NONE;

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      const RigDiagnostic *d = g_ptr_array_index (diagnostics, i);
      worst = MAX (worst, d->severity);
    }
  return worst;
}

/* The rule table, sorted by code. Each reference names the section of the
 * domain reference (audio-connections.md) that the rule applies. */
static const RigRuleInfo rules[] = {
  { RIG_CODE_CONNECTOR_FAMILY, RIG_SEVERITY_ERROR,
    N_ ("A plug and a socket of different connector families meet with no adapter."), "doc §2" },
  { RIG_CODE_CONNECTOR_GENDER, RIG_SEVERITY_ERROR,
    N_ ("Plug meets plug, or socket meets socket, with nothing between them to join them."),
    "doc §2" },
  { RIG_CODE_CONNECTOR_HEADSET_STANDARD, RIG_SEVERITY_WARNING,
    N_ ("A CTIA headset connector meets an OMTP one: ground and mic are swapped."),
    "doc §2 (TRRS headset, CTIA/OMTP)" },
  { RIG_CODE_CONNECTOR_POLES, RIG_SEVERITY_WARNING,
    N_ ("Phone plug and socket with different contacts: a channel or the mic is lost or shorted "
        "(information only for a TS plug on a balanced input)."),
    "doc §2 (what happens when pole counts differ)" },
  { RIG_CODE_CONNECTOR_SIZE, RIG_SEVERITY_ERROR,
    N_ ("Phone connectors of different sizes meet with no adapter."), "doc §2 (phone sizes)" },
  { RIG_CODE_IMPEDANCE_BELOW_MINIMUM_LOAD, RIG_SEVERITY_ERROR,
    N_ ("The speakers on an amplifier channel (in series or parallel) load it below its rated "
        "minimum."),
    "doc §6 (minimum load)" },
  { RIG_CODE_IMPEDANCE_BRIDGING, RIG_SEVERITY_WARNING,
    N_ ("An input impedance below 10 times the source's output impedance (an error below 1 "
        "time): level is lost."),
    "doc §6 (bridging)" },
  { RIG_CODE_IMPEDANCE_DAMPING, RIG_SEVERITY_WARNING,
    N_ ("An amplifier output impedance above 1/8 of the speaker's impedance."),
    "doc §6 (rule of eighths), article 002" },
  { RIG_CODE_IMPEDANCE_HEADPHONE_DRIVE, RIG_SEVERITY_WARNING,
    N_ ("The source cannot drive these headphones to a normal listening level (100 dB SPL)."),
    "doc §6 (headphone drive), article 003" },
  { RIG_CODE_IMPEDANCE_HEADPHONE_OUTPUT, RIG_SEVERITY_WARNING,
    N_ ("Headphone impedance below 8 times the source's output impedance."),
    "doc §6 (headphones, rule of eighths)" },
  { RIG_CODE_IMPEDANCE_PARALLEL_LOAD, RIG_SEVERITY_INFO,
    N_ ("A splitter or daisy chain puts loads in parallel and lowers the volume (a warning from "
        "3 dB)."),
    "doc §6 (splitters), article 001" },
  { RIG_CODE_POWER_AMP_OVERPOWERED, RIG_SEVERITY_WARNING,
    N_ ("The amplifier gives a speaker more than twice its continuous power rating."),
    "doc §5 (amplifier vs speaker power)" },
  { RIG_CODE_POWER_AMP_UNDERPOWERED, RIG_SEVERITY_WARNING,
    N_ ("The amplifier gives a speaker less than half its continuous power rating."),
    "doc §5 (amplifier vs speaker power), article 002" },
  { RIG_CODE_POWER_HEADPHONE_AMP_TO_SPEAKER, RIG_SEVERITY_ERROR,
    N_ ("A headphone amplifier drives a passive speaker."), "doc §5, article 002" },
  { RIG_CODE_POWER_NOT_A_POWER_SOURCE, RIG_SEVERITY_ERROR,
    N_ ("A power inlet is wired to an audio jack, which carries no power."),
    "doc §5, article 000" },
  { RIG_CODE_POWER_PASSIVE_UNAMPLIFIED, RIG_SEVERITY_ERROR,
    N_ ("A passive speaker is fed by something other than an amplifier's speaker output."),
    "doc §5, article 000" },
  { RIG_CODE_POWER_PHANTOM_MISSING, RIG_SEVERITY_ERROR,
    N_ ("A condenser (or electret) mic on an input that does not give it phantom (or plug-in) "
        "power."),
    "doc §5 (phantom power), article 000" },
  { RIG_CODE_POWER_PHANTOM_UNBALANCED, RIG_SEVERITY_WARNING,
    N_ ("Phantom power on an input that feeds an unbalanced adapter or source (an error for a "
        "ribbon mic)."),
    "doc §5 (phantom power)" },
  { RIG_CODE_POWER_UNPOWERED, RIG_SEVERITY_ERROR,
    N_ ("A device that needs power has none: no USB or DC supply connected, or no charged "
        "battery."),
    "doc §5 (active speakers need power)" },
  { RIG_CODE_POWER_USB_BUDGET, RIG_SEVERITY_WARNING,
    N_ ("Devices draw more power from a USB port than it supplies."), "doc §5 (USB bus power)" },
  { RIG_CODE_SIGNAL_BALANCE, RIG_SEVERITY_WARNING,
    N_ ("Balanced mono into a stereo input, or stereo into a balanced input."),
    "doc §2 (balanced and stereo TRS)" },
  { RIG_CODE_SIGNAL_BLUETOOTH_LATENCY, RIG_SEVERITY_INFO,
    N_ ("Bluetooth carries the sound of a TV or game: it lags the picture."),
    "doc §2 (Bluetooth), article 000" },
  { RIG_CODE_SIGNAL_CABLE_LENGTH, RIG_SEVERITY_WARNING,
    N_ ("A cable longer than its kind allows (unbalanced 5 m, USB 5 m, TOSLINK 10 m, balanced "
        "100 m, speaker wire over 5% of the load)."),
    "doc §7" },
  { RIG_CODE_SIGNAL_CHANNELS, RIG_SEVERITY_WARNING,
    N_ ("Stereo into mono, mono into stereo, or a two-conductor cable on a stereo link: a side "
        "is lost."),
    "doc §2" },
  { RIG_CODE_SIGNAL_DIGITAL_ANALOG, RIG_SEVERITY_ERROR,
    N_ ("A digital signal (S/PDIF, USB audio, Bluetooth) meets an analog jack with no "
        "converter."),
    "doc §7 (digital and analog do not mix)" },
  { RIG_CODE_SIGNAL_GROUND_LOOP, RIG_SEVERITY_WARNING,
    N_ ("An unbalanced audio cable closes a second ground path between earthed devices: hum."),
    "doc §7 (ground loops), article 000" },
  { RIG_CODE_SIGNAL_INPUT_TO_INPUT, RIG_SEVERITY_ERROR,
    N_ ("Inputs joined with no output: nothing drives the line."), "doc §3, article 001" },
  { RIG_CODE_SIGNAL_INSTRUMENT_INTO_LINE, RIG_SEVERITY_WARNING,
    N_ ("An instrument (Hi-Z) into a line input."), "doc §4" },
  { RIG_CODE_SIGNAL_LINE_INTO_MIC, RIG_SEVERITY_WARNING,
    N_ ("A line or headphone level signal into a mic input."), "doc §4" },
  { RIG_CODE_SIGNAL_LINE_INTO_PHONO, RIG_SEVERITY_WARNING,
    N_ ("A line level signal into a phono (turntable) input."), "doc §1, doc §2 (RCA)" },
  { RIG_CODE_SIGNAL_MIC_INTO_LINE, RIG_SEVERITY_WARNING,
    N_ ("A microphone into a line input, with no preamp."), "doc §4, article 001" },
  { RIG_CODE_SIGNAL_OUTPUT_TO_OUTPUT, RIG_SEVERITY_ERROR,
    N_ ("Outputs joined together: they fight, and can be damaged."), "doc §3, article 001" },
  { RIG_CODE_SIGNAL_PHONO_INTO_LINE, RIG_SEVERITY_WARNING,
    N_ ("A turntable into a line input with no phono preamp."), "doc §1, doc §2 (RCA)" },
  { RIG_CODE_SIGNAL_SPEAKER_INTO_LINE, RIG_SEVERITY_ERROR,
    N_ ("An amplifier's speaker output into a line, mic or headphone input, or into "
        "headphones."),
    "doc §4" },
  { RIG_CODE_TOPOLOGY_FEEDBACK, RIG_SEVERITY_WARNING,
    N_ ("A signal path leads from a device's output back to its own input."), "doc §7" },
  { RIG_CODE_TOPOLOGY_NO_SIGNAL, RIG_SEVERITY_ERROR,
    N_ ("A speaker or headphones that no source reaches through the rig."), "doc §7, article 001" },
};

const RigRuleInfo *
rig_rules_list (guint *n_rules)
{
  if (n_rules != NULL)
    *n_rules = G_N_ELEMENTS (rules);
  return rules;
}

const RigRuleInfo *
rig_rules_find (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (rules); i++)
    if (strcmp (rules[i].code, code) == 0)
      return &rules[i];
  return NULL;
}

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

void
rig_diag_emit (RigRegion *region, RigDiagBuilder *builder, const char *code, RigSeverity severity,
               char *message, char *why, char *hear, char *fix)
{
  const char **cables, **devices;
  RigDiagnostic *d;

  /* Every diagnostic names a cable or a device, so that the validator can
   * find it again (a link's path is never empty, but be safe). */
  if (builder->cables->len == 0 && builder->devices->len == 0)
    for (guint i = 0; i < builder->jack_devs->len; i++)
      rig_diag_add_device (builder, g_ptr_array_index (builder->jack_devs, i));

  cables = g_newa (const char *, builder->cables->len + 1);
  devices = g_newa (const char *, builder->devices->len + 1);
  for (guint i = 0; i < builder->cables->len; i++)
    cables[i] = ((RigCabNode *) g_ptr_array_index (builder->cables, i))->cable->id;
  for (guint i = 0; i < builder->devices->len; i++)
    devices[i] = ((RigDevNode *) g_ptr_array_index (builder->devices, i))->device->id;

  d = _rig_diagnostic_new (code, severity, cables, builder->cables->len, devices,
                           builder->devices->len, (const char **) builder->jacks->pdata,
                           builder->jacks->len, message, why, hear, fix);
  g_free (message);
  g_free (why);
  g_free (hear);
  g_free (fix);
  g_ptr_array_add (region->out, d);

  if (region->attach)
    {
      for (guint i = 0; i < builder->cables->len; i++)
        {
          g_ptr_array_add (region->attach_cab, g_ptr_array_index (builder->cables, i));
          g_ptr_array_add (region->attach_cab, d);
        }
      for (guint i = 0; i < builder->devices->len; i++)
        {
          g_ptr_array_add (region->attach_dev, g_ptr_array_index (builder->devices, i));
          g_ptr_array_add (region->attach_dev, d);
        }
    }

  g_ptr_array_unref (builder->cables);
  g_ptr_array_unref (builder->devices);
  g_ptr_array_unref (builder->jacks);
  g_ptr_array_unref (builder->jack_devs);
  builder->cables = builder->devices = builder->jacks = builder->jack_devs = NULL;
}

/* ------------------------------------------------------------------ */
/* Texts                                                               */

const char *
rig_text_label (const RigDevNode *dev)
{
  const char *label = dev->device->label;
  return label != NULL && *label != '\0' ? label : dev->device->model->name;
}

char *
rig_text_jack (const RigDevNode *dev, int jack)
{
  const char *name;
  GString *out = g_string_new (rig_text_label (dev));

  if (jack < 0 || (guint) jack >= dev->n_jacks)
    return g_string_free (out, FALSE);
  name = rig_dev_jack (dev, jack)->name;
  if (name == NULL || *name == '\0')
    name = rig_dev_jack (dev, jack)->id;
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

static char *
trim_zeros (char *text)
{
  char *dot = strchr (text, '.');

  if (dot == NULL)
    dot = strchr (text, ',');
  if (dot != NULL)
    {
      char *end = text + strlen (text) - 1;
      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot)
        *end = '\0';
    }
  return text;
}

char *
rig_text_num (double value)
{
  double a = fabs (value);

  if (isnan (value))
    return g_strdup ("?");
  if (isinf (value))
    return g_strdup ("∞");
  if (a >= 100 || a == 0)
    return g_strdup_printf ("%.0f", value);
  if (a >= 10)
    return trim_zeros (g_strdup_printf ("%.1f", value));
  if (a >= 0.1)
    return trim_zeros (g_strdup_printf ("%.2f", value));
  return trim_zeros (g_strdup_printf ("%.2g", value));
}

char *
rig_text_db (double db)
{
  if (isnan (db))
    return g_strdup ("?");
  return trim_zeros (g_strdup_printf ("%.1f", db));
}

char *
rig_text_ohms (double ohms)
{
  g_autofree char *n = NULL;

  if (ohms >= 1e6)
    {
      n = rig_text_num (ohms / 1e6);
      return g_strdup_printf ("%s MΩ", n);
    }
  if (ohms >= 1000)
    {
      n = rig_text_num (ohms / 1000);
      return g_strdup_printf ("%s kΩ", n);
    }
  n = rig_text_num (ohms);
  return g_strdup_printf ("%s Ω", n);
}

char *
rig_text_watts (double watts)
{
  g_autofree char *n = NULL;

  if (watts < 1)
    {
      n = rig_text_num (watts * 1000);
      return g_strdup_printf ("%s mW", n);
    }
  n = rig_text_num (watts);
  return g_strdup_printf ("%s W", n);
}

char *
rig_text_volts (double volts)
{
  g_autofree char *n = NULL;

  if (volts < 0.1)
    {
      n = rig_text_num (volts * 1000);
      return g_strdup_printf ("%s mV", n);
    }
  n = rig_text_num (volts);
  return g_strdup_printf ("%s V", n);
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

double
rig_signal_typical_volts (RigSignal signal)
{
  /* Doc §1, the nominal level of each class (V RMS). */
  switch (signal)
    {
      case RIG_SIGNAL_MIC:
        return 0.005; /* 1-10 mV */
      case RIG_SIGNAL_INSTRUMENT:
        return 0.3; /* -20 to 0 dBV */
      case RIG_SIGNAL_LINE_CONSUMER:
        return 0.316; /* -10 dBV */
      case RIG_SIGNAL_LINE_PRO:
        return 1.228; /* +4 dBu */
      case RIG_SIGNAL_PHONO:
        return 0.005; /* a moving-magnet cartridge, about 5 mV */
      case RIG_SIGNAL_HEADPHONE:
        return 1.0; /* phones: 0.1-2 V; article 000: about 1 V */
      case RIG_SIGNAL_SPEAKER:
        return 20.0; /* 3-30 V+ */
      case RIG_SIGNAL_SPDIF:
      case RIG_SIGNAL_USB_AUDIO:
      case RIG_SIGNAL_BLUETOOTH:
      case RIG_SIGNAL_POWER:
      case RIG_N_SIGNALS:
      default:
        return NAN;
    }
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
