/* rig-sheet-rows.c: what the wiring sheet's tables hold: the cable
 * schedule, the problems and the bill of materials, as rows of text. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rig-sheet-private.h"
#include "rig-units.h"

/* ---- rows: the cable schedule ------------------------------------------ */

static const char *
device_label (const RigDevice *device)
{
  if (device == NULL)
    return "?";
  if (device->label != NULL && *device->label != '\0')
    return device->label;
  return rig_device_model_get_display_name (device->model);
}

char *
_rig_sheet_format_length (double metres)
{
  return rig_units_metres (metres);
}

/* "3.5 mm TRS", "2 × RCA", "XLR", with " socket" for an extension end. */
static char *
describe_end (const RigCableEnd *end)
{
  g_autofree char *base = NULL;

  if (end->connector == RIG_CONNECTOR_PHONE)
    base = g_strdup_printf ("%s %s", rig_phone_size_to_label (end->size),
                            rig_poles_to_label (end->poles));
  else if (end->plugs == 2)
    /* Translators: a pair of plugs, like "2 × RCA". */
    base = g_strdup_printf (_ ("2 × %s"), rig_connector_to_label (end->connector));
  else
    base = g_strdup (rig_connector_to_label (end->connector));
  if (end->gender == RIG_GENDER_SOCKET)
    /* Translators: a cable end that is a socket (an extension cable). */
    return g_strdup_printf (_ ("%s socket"), base);
  return g_steal_pointer (&base);
}

static gboolean
is_speaker_wire (const RigCableSpec *spec)
{
  return spec->ends[0].connector == RIG_CONNECTOR_SPEAKER_TERMINAL
         && spec->ends[1].connector == RIG_CONNECTOR_SPEAKER_TERMINAL;
}

/* The cable's type: "3.5 mm TRS to 2 × RCA", "XLR cable", "Speaker wire",
 * "Plugged in directly". @canonical puts the two ends in a fixed order, so a
 * cable reads the same whichever way round it is wired (for the BOM). */
static char *
cable_type (const RigCableSpec *spec, gboolean canonical)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  switch (spec->kind)
    {
      case RIG_CABLE_KIND_DIRECT:
        return g_strdup (_ ("Plugged in directly"));
      case RIG_CABLE_KIND_WIRELESS:
        return g_strdup (_ ("Bluetooth link"));
      case RIG_CABLE_KIND_CABLE:
      case RIG_N_CABLE_KINDS:
      default:
        break;
    }
  if (is_speaker_wire (spec))
    return g_strdup (_ ("Speaker wire"));
  a = describe_end (&spec->ends[0]);
  b = describe_end (&spec->ends[1]);
  if (strcmp (a, b) == 0)
    /* Translators: a cable with the same connector at both ends: "XLR cable". */
    return g_strdup_printf (_ ("%s cable"), a);
  if (canonical && g_utf8_collate (a, b) > 0)
    return g_strdup_printf (_ ("%s to %s"), b, a);
  return g_strdup_printf (_ ("%s to %s"), a, b);
}

static char *
conductors_text (guint conductors)
{
  if (conductors == 0)
    return g_strdup ("");
  return g_strdup_printf (ngettext ("%u conductor", "%u conductors", conductors), conductors);
}

static void
schedule_row_free (RigScheduleRow *row)
{
  g_free (row->number);
  g_free (row->from_device);
  g_free (row->from_jack);
  g_free (row->to_device);
  g_free (row->to_jack);
  g_free (row->cable_type);
  g_free (row->cable_detail);
  g_free (row->length);
  g_free (row->gauge);
  g_free (row->adapters);
  g_free (row->status_label);
  g_free (row->problems);
  g_free (row);
}

const char *
_rig_sheet_severity_label (RigSeverity severity)
{
  return severity == RIG_SEVERITY_NONE ? _ ("OK") : rig_severity_to_label (severity);
}

static int
compare_schedule_rows (gconstpointer a, gconstpointer b)
{
  const RigScheduleRow *x = *(RigScheduleRow *const *) a;
  const RigScheduleRow *y = *(RigScheduleRow *const *) b;
  const char *nx = x->cable->number, *ny = y->cable->number;
  gboolean hx = nx != NULL && *nx != '\0', hy = ny != NULL && *ny != '\0';

  if (hx != hy)
    return hx ? -1 : 1;
  if (hx)
    {
      int cmp = rig_id_compare (nx, ny);
      if (cmp != 0)
        return cmp;
    }
  return rig_id_compare (x->cable->id, y->cable->id);
}

/* cable id -> "1, 4": the numbers of the problems that concern each cable. */
static GHashTable *
problem_refs (GPtrArray *problems)
{
  GHashTable *refs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      RigProblemRow *p = g_ptr_array_index (problems, i);

      for (guint j = 0; p->diagnostic->cables[j] != NULL; j++)
        {
          GString *s = g_hash_table_lookup (refs, p->diagnostic->cables[j]);

          if (s == NULL)
            {
              s = g_string_new (NULL);
              g_hash_table_insert (refs, p->diagnostic->cables[j], s);
            }
          if (s->len > 0)
            g_string_append (s, ", ");
          g_string_append_printf (s, "%u", p->number);
        }
    }
  return refs;
}

static void
free_refs (GHashTable *refs)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, refs);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_string_free (value, TRUE);
  g_hash_table_unref (refs);
}

GPtrArray *
_rig_sheet_schedule_rows_with (RigDocument *doc, RigValidator *validator, GPtrArray *problems)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) schedule_row_free);
  GHashTable *refs = problem_refs (problems);
  guint n = rig_document_get_n_cables (doc);

  g_ptr_array_set_size (rows, 0);
  for (guint i = 0; i < n; i++)
    {
      const RigCable *cable = rig_document_get_cable (doc, i);
      const RigCableSpec *spec = &cable->spec;
      RigScheduleRow *row = g_new0 (RigScheduleRow, 1);
      const RigDevice *from = rig_document_cable_device (doc, cable, RIG_END_FROM);
      const RigDevice *to = rig_document_cable_device (doc, cable, RIG_END_TO);
      const RigJack *from_jack = rig_document_cable_jack (doc, cable, RIG_END_FROM);
      const RigJack *to_jack = rig_document_cable_jack (doc, cable, RIG_END_TO);
      GString *adapters = g_string_new (NULL);
      GString *detail = g_string_new (NULL);
      GString *refs_text = g_hash_table_lookup (refs, cable->id);

      row->cable = cable;
      row->number
          = g_strdup (cable->number != NULL && *cable->number != '\0' ? cable->number : "—");
      row->from_device = g_strdup (device_label (from));
      row->from_jack = g_strdup (from_jack != NULL ? rig_jack_get_display_name (from_jack)
                                                   : cable->jack[RIG_END_FROM]);
      row->to_device = g_strdup (device_label (to));
      row->to_jack = g_strdup (to_jack != NULL ? rig_jack_get_display_name (to_jack)
                                               : cable->jack[RIG_END_TO]);
      row->cable_type = cable_type (spec, FALSE);
      if (spec->kind == RIG_CABLE_KIND_CABLE)
        {
          g_autofree char *conductors = conductors_text (spec->conductors);

          g_string_append (detail, conductors);
          if (spec->ends[0].gender == RIG_GENDER_SOCKET
              || spec->ends[1].gender == RIG_GENDER_SOCKET)
            {
              if (detail->len > 0)
                g_string_append (detail, ", ");
              g_string_append (detail, _ ("extension"));
            }
        }
      row->cable_detail = g_string_free (detail, FALSE);
      row->length = rig_figure_is_set (spec->length_m) ? _rig_sheet_format_length (spec->length_m)
                                                       : g_strdup ("—");
      row->gauge = rig_figure_is_set (spec->gauge_awg)
                       /* Translators: a wire gauge, "16 AWG". */
                       ? g_strdup_printf (_ ("%g AWG"), spec->gauge_awg)
                       : g_strdup ("—");
      for (guint a = 0; a < spec->n_adapters; a++)
        {
          const RigAdapter *adapter = &spec->adapters[a];

          if (adapters->len > 0)
            g_string_append (adapters, ", ");
          /* Translators: an adapter and the device at whose end it goes. */
          g_string_append_printf (adapters, _ ("%s (at %s)"),
                                  rig_device_model_get_display_name (adapter->model),
                                  device_label (adapter->end == RIG_END_FROM ? from : to));
        }
      row->adapters = adapters->len > 0 ? g_string_free (adapters, FALSE)
                                        : (g_string_free (adapters, TRUE), g_strdup ("—"));
      row->status = validator != NULL ? rig_validator_get_cable_status (validator, cable->id)
                                      : RIG_SEVERITY_NONE;
      row->status_label = g_strdup (_rig_sheet_severity_label (row->status));
      row->problems = g_strdup (refs_text != NULL ? refs_text->str : "");
      g_ptr_array_add (rows, row);
    }
  g_ptr_array_sort (rows, compare_schedule_rows);
  free_refs (refs);
  return rows;
}

GPtrArray *
rig_sheet_schedule_rows (RigDocument *doc, RigValidator *validator)
{
  g_autoptr (GPtrArray) problems = NULL;

  g_return_val_if_fail (RIG_IS_DOCUMENT (doc), NULL);
  problems = rig_sheet_problem_rows (validator);
  return _rig_sheet_schedule_rows_with (doc, validator, problems);
}

/* ---- rows: problems ---------------------------------------------------- */

static void
problem_row_free (RigProblemRow *row)
{
  rig_diagnostic_unref (row->diagnostic);
  g_free (row);
}

GPtrArray *
rig_sheet_problem_rows (RigValidator *validator)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_row_free);
  g_autoptr (GPtrArray) diagnostics = NULL;

  if (validator == NULL)
    return rows;
  diagnostics = rig_validator_get_diagnostics (validator);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      RigProblemRow *row = g_new0 (RigProblemRow, 1);

      row->number = i + 1;
      row->diagnostic = rig_diagnostic_ref (g_ptr_array_index (diagnostics, i));
      g_ptr_array_add (rows, row);
    }
  return rows;
}

/* ---- rows: bill of materials ------------------------------------------- */

static void
bom_row_free (RigBomRow *row)
{
  g_free (row->item);
  g_free (row->detail);
  g_free (row->count_text);
  g_free (row->length_text);
  g_free (row);
}

typedef struct
{
  RigBomRow *row;
  GArray *lengths; /* double, cables only */
} BomEntry;

static BomEntry *
bom_entry (GHashTable *entries, RigBomSection section, const char *item, const char *detail)
{
  g_autofree char *key = g_strdup_printf ("%d|%s", section, item);
  BomEntry *entry = g_hash_table_lookup (entries, key);

  if (entry == NULL)
    {
      entry = g_new0 (BomEntry, 1);
      entry->row = g_new0 (RigBomRow, 1);
      entry->row->section = section;
      entry->row->item = g_strdup (item);
      entry->row->detail = g_strdup (detail != NULL ? detail : "");
      if (section == RIG_BOM_CABLES)
        entry->lengths = g_array_new (FALSE, FALSE, sizeof (double));
      g_hash_table_insert (entries, g_steal_pointer (&key), entry);
    }
  entry->row->count++;
  return entry;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* "3 × 3 m, 2 × 6 m" from the stated lengths. */
static char *
lengths_breakdown (GArray *lengths, guint unmeasured)
{
  GString *s = g_string_new (NULL);
  guint groups = 0;

  g_array_sort (lengths, compare_doubles);
  for (guint i = 0; i < lengths->len;)
    {
      double l = g_array_index (lengths, double, i);
      g_autofree char *text = _rig_sheet_format_length (l);
      guint j = i;

      while (j < lengths->len && fabs (g_array_index (lengths, double, j) - l) < 1e-9)
        j++;
      if (groups == 6)
        {
          g_string_append (s, ", …");
          break;
        }
      if (s->len > 0)
        g_string_append (s, ", ");
      /* Translators: how many cables of one length: "3 × 2 m". */
      g_string_append_printf (s, _ ("%u × %s"), j - i, text);
      groups++;
      i = j;
    }
  if (unmeasured > 0)
    {
      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append_printf (
          s, ngettext ("%u of unstated length", "%u of unstated length", unmeasured), unmeasured);
    }
  return g_string_free (s, FALSE);
}

static int
compare_bom_rows (gconstpointer a, gconstpointer b)
{
  const RigBomRow *x = *(RigBomRow *const *) a;
  const RigBomRow *y = *(RigBomRow *const *) b;

  if (x->section != y->section)
    return (int) x->section - (int) y->section;
  /* Cables to fix by number, the way people count ("A-2" before "A-10"). */
  if (x->section == RIG_BOM_TO_FIX)
    return rig_id_compare (x->item, y->item);
  return g_utf8_collate (x->item, y->item);
}

static void
bom_entry_free (BomEntry *entry)
{
  if (entry->row != NULL)
    bom_row_free (entry->row);
  if (entry->lengths != NULL)
    g_array_unref (entry->lengths);
  g_free (entry);
}

/* The row of a cable not to buy: its type, and why not. */
static void
bom_to_fix (GHashTable *entries, RigValidator *validator, const RigCable *cable)
{
  g_autoptr (GPtrArray) diagnostics = rig_validator_get_cable_diagnostics (validator, cable->id);
  g_autofree char *type = cable_type (&cable->spec, TRUE);
  g_autofree char *key = g_strdup_printf ("%s\x1f%s", cable->number, type);
  const char *problem = "";
  BomEntry *entry;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const RigDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      if (diagnostic->severity == RIG_SEVERITY_ERROR)
        {
          problem = diagnostic->message;
          break;
        }
    }
  entry = bom_entry (entries, RIG_BOM_TO_FIX, key, problem);
  g_free (entry->row->item);
  entry->row->item = g_strdup_printf ("%s: %s", cable->number, type);
}

GPtrArray *
rig_sheet_bom_rows (RigDocument *doc, RigValidator *validator)
{
  g_autoptr (GHashTable) entries = NULL;
  GPtrArray *rows;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (RIG_IS_DOCUMENT (doc), NULL);

  entries
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) bom_entry_free);
  for (guint i = 0; i < rig_document_get_n_devices (doc); i++)
    {
      const RigDevice *device = rig_document_get_device (doc, i);

      bom_entry (entries, RIG_BOM_DEVICES, rig_device_model_get_display_name (device->model),
                 rig_category_to_label (device->model->category));
    }
  for (guint i = 0; i < rig_document_get_n_cables (doc); i++)
    {
      const RigCable *cable = rig_document_get_cable (doc, i);
      const RigCableSpec *spec = &cable->spec;

      if (validator != NULL
          && rig_validator_get_cable_status (validator, cable->id) == RIG_SEVERITY_ERROR)
        {
          bom_to_fix (entries, validator, cable);
          continue;
        }
      if (spec->kind == RIG_CABLE_KIND_CABLE)
        {
          g_autofree char *type = cable_type (spec, TRUE);
          GString *item = g_string_new (type);
          BomEntry *entry;

          if (rig_figure_is_set (spec->gauge_awg))
            g_string_append_printf (item, _ (", %g AWG"), spec->gauge_awg);
          if (spec->conductors > 0 && !(is_speaker_wire (spec) && spec->conductors == 2))
            {
              g_autofree char *conductors = conductors_text (spec->conductors);
              g_string_append_printf (item, ", %s", conductors);
            }
          entry = bom_entry (entries, RIG_BOM_CABLES, item->str, NULL);
          g_string_free (item, TRUE);
          if (rig_figure_is_set (spec->length_m))
            {
              g_array_append_val (entry->lengths, spec->length_m);
              entry->row->total_length_m += spec->length_m;
            }
          else
            entry->row->unmeasured++;
        }
      for (guint a = 0; a < spec->n_adapters; a++)
        bom_entry (entries, RIG_BOM_ADAPTERS,
                   rig_device_model_get_display_name (spec->adapters[a].model), NULL);
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bom_row_free);
  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      BomEntry *entry = value;
      RigBomRow *row = g_steal_pointer (&entry->row);

      row->count_text = g_strdup_printf ("%u", row->count);
      if (row->section == RIG_BOM_CABLES)
        {
          g_free (row->detail);
          row->detail = lengths_breakdown (entry->lengths, row->unmeasured);
          if (entry->lengths->len == 0)
            row->length_text = g_strdup ("—");
          else
            {
              g_autofree char *total = _rig_sheet_format_length (row->total_length_m);

              if (row->unmeasured > 0)
                /* Translators: a total length and how many cables it leaves out. */
                row->length_text
                    = g_strdup_printf (_ ("%s + %u unmeasured"), total, row->unmeasured);
              else
                row->length_text = g_steal_pointer (&total);
            }
        }
      else
        row->length_text = g_strdup ("");
      g_ptr_array_add (rows, row);
    }
  g_ptr_array_sort (rows, compare_bom_rows);
  return rows;
}

char *
rig_bom_row_to_string (const RigBomRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);
  if (row->section == RIG_BOM_CABLES)
    return g_strdup_printf ("%s — %s — %s", row->item, row->count_text, row->length_text);
  if (row->section == RIG_BOM_TO_FIX)
    return g_strdup_printf ("%s — %s", row->item, row->detail);
  return g_strdup_printf ("%s — %s", row->item, row->count_text);
}
