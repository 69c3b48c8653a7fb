/* rig-cli-trace.c: rigwire --trace FILE… [--format=json]: each path of each
 * rig from a source to a listener, stage by stage, with its levels in volts,
 * dBu and dBV and the headroom left before each input clips (issue #11,
 * physics.md §9). Exit status as --check: 0 no rig has errors, 1 one has, 2 a
 * file cannot be read. The JSON follows schemas/trace-output.schema.json. */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rig-catalog.h"
#include "rig-cli.h"
#include "rig-diagnostic.h"
#include "rig-format.h"
#include "rig-levels.h"
#include "rig-trace.h"
#include "rig-validator.h"

typedef struct
{
  const char *path;
  RigTrace *trace; /* NULL if unreadable */
  guint errors;
  GError *error;
} TracedFile;

static void
trace_file (const char *path, TracedFile *result)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (RigDocument) document = NULL;
  g_autoptr (GPtrArray) diagnostics = NULL;

  result->path = path;
  document = rig_format_load_file (file, rig_catalog_get_default (), &result->error);
  if (document == NULL)
    return;
  result->trace = rig_trace_compute (document);
  diagnostics = rig_validator_check_full (document);
  for (guint i = 0; i < diagnostics->len; i++)
    if (((RigDiagnostic *) diagnostics->pdata[i])->severity == RIG_SEVERITY_ERROR)
      result->errors++;
}

/* "0.316 V (−10.0 dBV, −7.8 dBu)" or "?" */
static char *
level_text (double volts)
{
  if (!isfinite (volts) || volts <= 0)
    return g_strdup ("?");
  return g_strdup_printf (_ ("%.3g V (%+.1f dBV, %+.1f dBu)"), volts, rig_level_dbv (volts),
                          rig_level_dbu (volts));
}

static void
print_stage (const RigTraceStage *stage, FILE *out)
{
  g_autofree char *nominal = level_text (stage->nominal_v);
  g_autofree char *peak = level_text (stage->peak_v);

  if (stage->is_input && stage->cable_number != NULL)
    fprintf (out, _ ("  → cable %s"), stage->cable_number);
  else if (stage->is_input)
    fputs ("  →", out);
  else
    fputs ("   ", out);
  fprintf (out, " %s %s %s: %s %s, %s %s", stage->device_label, stage->jack_name,
           stage->is_input ? _ ("(in)") : _ ("(out)"), _ ("nominal"), nominal, _ ("peak"), peak);
  if (isfinite (stage->gain_db) && stage->gain_db != 0)
    fprintf (out, _ (", gain %+.1f dB"), stage->gain_db);
  if (isfinite (stage->headroom_db) && stage->is_input)
    fprintf (out, _ (", headroom %+.1f dB before it clips"), stage->headroom_db);
  else if (isfinite (stage->headroom_db) && stage->headroom_db < 0)
    fprintf (out, _ (", %.1f dB over what the output can give: it clips"), -stage->headroom_db);
  if (isfinite (stage->noise_margin_db))
    fprintf (out, _ (", %.1f dB above the noise"), stage->noise_margin_db);
  if (stage->assumed != 0)
    fputs (_ (" (some figures assumed)"), out);
  fputc ('\n', out);
}

static void
print_text (TracedFile *files, guint n, FILE *out, FILE *err)
{
  guint paths = 0;

  for (guint i = 0; i < n; i++)
    {
      if (files[i].trace == NULL)
        {
          fprintf (err, "%s: %s: %s\n", files[i].path, _ ("cannot read"), files[i].error->message);
          continue;
        }
      for (guint p = 0; p < files[i].trace->n_paths; p++)
        {
          const RigTracePath *path = files[i].trace->paths[p];

          fprintf (out, _ ("%s: path %u: %s → %s\n"), files[i].path, p + 1,
                   path->stages[0].device_label, path->stages[path->n_stages - 1].device_label);
          for (guint s = 0; s < path->n_stages; s++)
            print_stage (&path->stages[s], out);
          if (isfinite (path->spl_nominal_db))
            fprintf (out,
                     _ ("   loudness at the listener: %.1f dB SPL average, %.1f dB SPL peaks\n"),
                     path->spl_nominal_db, path->spl_peak_db);
        }
      paths += files[i].trace->n_paths;
    }
  fprintf (out, _ ("%u %s traced: %u %s\n"), n, ngettext ("file", "files", n), paths,
           ngettext ("path", "paths", paths));
}

static void
add_number (JsonBuilder *b, const char *name, double value)
{
  json_builder_set_member_name (b, name);
  if (isfinite (value))
    json_builder_add_double_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_level (JsonBuilder *b, const char *name, double volts)
{
  json_builder_set_member_name (b, name);
  if (!isfinite (volts) || volts <= 0)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  add_number (b, "volts", volts);
  add_number (b, "dbv", rig_level_dbv (volts));
  add_number (b, "dbu", rig_level_dbu (volts));
  json_builder_end_object (b);
}

static void
add_assumed (JsonBuilder *b, guint assumed)
{
  static const char *const names[] = { "nominal", "peak", "clip", "gain", "noise" };

  json_builder_set_member_name (b, "assumed");
  json_builder_begin_array (b);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (assumed & (1u << i))
      json_builder_add_string_value (b, names[i]);
  json_builder_end_array (b);
}

static void
add_stage (JsonBuilder *b, const RigTraceStage *stage)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "device");
  json_builder_add_string_value (b, stage->device_id);
  json_builder_set_member_name (b, "label");
  json_builder_add_string_value (b, stage->device_label);
  json_builder_set_member_name (b, "jack");
  json_builder_add_string_value (b, stage->jack_id);
  json_builder_set_member_name (b, "direction");
  json_builder_add_string_value (b, stage->is_input ? "in" : "out");
  json_builder_set_member_name (b, "cable");
  if (stage->cable_id != NULL)
    json_builder_add_string_value (b, stage->cable_id);
  else
    json_builder_add_null_value (b);
  add_level (b, "nominal", stage->nominal_v);
  add_level (b, "peak", stage->peak_v);
  add_level (b, "clip", stage->clip_v);
  add_level (b, "noise", stage->noise_v);
  add_number (b, "gain_db", stage->gain_db);
  add_number (b, "headroom_db", stage->headroom_db);
  add_number (b, "noise_margin_db", stage->noise_margin_db);
  add_assumed (b, stage->assumed);
  json_builder_end_object (b);
}

static void
add_file (JsonBuilder *b, const TracedFile *file)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, file->path);
  if (file->trace == NULL)
    {
      json_builder_set_member_name (b, "error");
      json_builder_add_string_value (b, file->error->message);
      json_builder_end_object (b);
      return;
    }
  json_builder_set_member_name (b, "paths");
  json_builder_begin_array (b);
  for (guint p = 0; p < file->trace->n_paths; p++)
    {
      const RigTracePath *path = file->trace->paths[p];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "source");
      json_builder_add_string_value (b, path->source_device_id);
      json_builder_set_member_name (b, "listener");
      json_builder_add_string_value (b, path->listener_device_id);
      add_number (b, "spl_nominal_db", path->spl_nominal_db);
      add_number (b, "spl_peak_db", path->spl_peak_db);
      json_builder_set_member_name (b, "stages");
      json_builder_begin_array (b);
      for (guint s = 0; s < path->n_stages; s++)
        add_stage (b, &path->stages[s]);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
print_json (TracedFile *files, guint n, FILE *out)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "files");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    add_file (b, &files[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  fprintf (out, "%s\n", text);
}

int
rig_cli_trace (RigCliOptions *options, FILE *out, FILE *err)
{
  guint n = options->files != NULL ? g_strv_length (options->files) : 0;
  g_autofree TracedFile *files = NULL;
  gboolean json;
  int status = 0;

  if (options->check || options->export_out != NULL)
    {
      fprintf (err, _ ("rigwire: use --trace alone, not with --check or --export\n"));
      return 2;
    }
  if (options->format != NULL && g_strcmp0 (options->format, "text") != 0
      && g_strcmp0 (options->format, "json") != 0)
    {
      fprintf (err, _ ("rigwire: unknown --format “%s”: use text or json\n"), options->format);
      return 2;
    }
  if (n == 0)
    {
      fprintf (err, _ ("rigwire: --trace needs at least one FILE\n"));
      return 2;
    }
  json = g_strcmp0 (options->format, "json") == 0;
  files = g_new0 (TracedFile, n);
  for (guint i = 0; i < n; i++)
    {
      trace_file (options->files[i], &files[i]);
      if (files[i].trace == NULL)
        status = 2;
      else if (status == 0 && files[i].errors > 0)
        status = 1;
    }
  if (json)
    print_json (files, n, out);
  else
    print_text (files, n, out, err);
  for (guint i = 0; i < n; i++)
    {
      rig_trace_free (files[i].trace);
      g_clear_error (&files[i].error);
    }
  return status;
}
