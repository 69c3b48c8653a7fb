/* rig-diagnostic.c: a diagnostic, an immutable value. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rig-diagnostic.h"
#include "rig-rule.h"

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
