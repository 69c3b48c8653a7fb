/* rig-cli-check.c: rigwire --check FILE... (rig-cli-check.h). */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rig-catalog.h"
#include "rig-cli-batch.h"
#include "rig-cli-check.h"
#include "rig-diagnostic.h"
#include "rig-format.h"
#include "rig-validator.h"

/* A file's report, made by the worker that checked it. */
typedef struct
{
  char *text;     /* its diagnostics' lines (text), or NULL */
  JsonNode *json; /* its object in "files" (--format=json), or NULL */
  char *error;    /* why it cannot be read, as a line for stderr (text) */
  guint errors, warnings, infos;
  gboolean unreadable;
} CheckedFile;

static void
checked_file_clear (CheckedFile *file)
{
  g_clear_pointer (&file->text, g_free);
  g_clear_pointer (&file->json, json_node_unref);
  g_clear_pointer (&file->error, g_free);
}

/* One run of --check. The workers write only their file's slot of
 * @results; the rest belongs to the calling thread, which reports each file
 * in order as soon as it and those before it are checked
 * (rig_cli_batch_run_ordered()). Each worker formats its own files'
 * reports, frees their documents and diagnostics itself, and frees each
 * report once it is written (release_file()): on 2 cores, freeing a
 * worker's blocks on the calling thread while that worker went on
 * contended for the worker's malloc arena, and keeping them all to print
 * and free at the end left that to one thread after the others had
 * finished. */
typedef struct
{
  char **paths;
  CheckedFile *results;
  FILE *out, *err;
  JsonBuilder *builder; /* --format=json: the "files" array so far; else NULL */
  guint errors, warnings, infos, unreadable;
  int status;
} CheckRun;

static guint
count_severity (GPtrArray *diagnostics, RigSeverity severity)
{
  guint n = 0;

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    n += ((RigDiagnostic *) g_ptr_array_index (diagnostics, i))->severity == severity;
  return n;
}

static char *
format_text (const char *path, GPtrArray *diagnostics)
{
  GString *text = g_string_new (NULL);

  for (guint j = 0; j < diagnostics->len; j++)
    {
      RigDiagnostic *d = g_ptr_array_index (diagnostics, j);

      g_string_append_printf (text, "%s: %s: [%s] %s\n", path, rig_severity_to_nick (d->severity),
                              d->code, d->message);
    }
  return g_string_free (text, FALSE);
}

static void
print_text_summary (CheckRun *run, guint n_files)
{
  fprintf (run->out,
           /* Translators: the summary line of `rigwire --check`. */
           _ ("%u %s checked: %u %s, %u %s, %u info"), n_files, ngettext ("file", "files", n_files),
           run->errors, ngettext ("error", "errors", run->errors), run->warnings,
           ngettext ("warning", "warnings", run->warnings), run->infos);
  if (run->unreadable > 0)
    fprintf (run->out, _ (", %u unreadable"), run->unreadable);
  fputc ('\n', run->out);
}

static JsonNode *
strv_to_json (char **strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  return json_node_init_array (json_node_alloc (), array);
}

static void
add_member (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_json_diagnostic (JsonBuilder *builder, RigDiagnostic *d)
{
  json_builder_begin_object (builder);
  add_member (builder, "code", d->code);
  add_member (builder, "severity", rig_severity_to_nick (d->severity));
  json_builder_set_member_name (builder, "cables");
  json_builder_add_value (builder, strv_to_json (d->cables));
  json_builder_set_member_name (builder, "devices");
  json_builder_add_value (builder, strv_to_json (d->devices));
  json_builder_set_member_name (builder, "jacks");
  json_builder_add_value (builder, strv_to_json (d->jacks));
  add_member (builder, "message", d->message);
  add_member (builder, "why", d->why);
  add_member (builder, "hear", d->hear);
  add_member (builder, "fix", d->fix);
  json_builder_end_object (builder);
}

/* The file's object in "files": its diagnostics, or @error. */
static JsonNode *
file_to_json (const char *path, GPtrArray *diagnostics, const GError *error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_member (builder, "file", path);
  if (error != NULL)
    {
      add_member (builder, "error", error->message);
      json_builder_end_object (builder);
      return json_builder_get_root (builder);
    }
  json_builder_set_member_name (builder, "errors");
  json_builder_add_int_value (builder, count_severity (diagnostics, RIG_SEVERITY_ERROR));
  json_builder_set_member_name (builder, "warnings");
  json_builder_add_int_value (builder, count_severity (diagnostics, RIG_SEVERITY_WARNING));
  json_builder_set_member_name (builder, "info");
  json_builder_add_int_value (builder, count_severity (diagnostics, RIG_SEVERITY_INFO));
  json_builder_set_member_name (builder, "diagnostics");
  json_builder_begin_array (builder);
  for (guint j = 0; j < diagnostics->len; j++)
    add_json_diagnostic (builder, g_ptr_array_index (diagnostics, j));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* One file, on a worker thread (rig-cli-batch.h): writes only its slot.
 * The folders were cleaned before. */
static void
check_file (guint index, gpointer data)
{
  CheckRun *run = data;
  const char *path = run->paths[index];
  CheckedFile *result = &run->results[index];
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (RigDocument) document = NULL;
  g_autoptr (GPtrArray) diagnostics = NULL;
  g_autoptr (GError) error = NULL;

  document = rig_format_load_file (file, rig_catalog_get_default (), &error);
  if (document == NULL)
    {
      result->unreadable = TRUE;
      if (run->builder != NULL)
        result->json = file_to_json (path, NULL, error);
      else
        result->error = g_strdup_printf ("%s: %s: %s\n", path, _ ("cannot read"), error->message);
      return;
    }
  diagnostics = rig_validator_check_full (document);
  result->errors = count_severity (diagnostics, RIG_SEVERITY_ERROR);
  result->warnings = count_severity (diagnostics, RIG_SEVERITY_WARNING);
  result->infos = count_severity (diagnostics, RIG_SEVERITY_INFO);
  if (run->builder != NULL)
    result->json = file_to_json (path, diagnostics, NULL);
  else
    result->text = format_text (path, diagnostics);
}

static void
print_json (CheckRun *run)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_end_array (run->builder);
  json_builder_end_object (run->builder);
  root = json_builder_get_root (run->builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  fprintf (run->out, "%s\n", text);
}

/* File @index is checked, and every one before it reported: report it, on
 * the calling thread. */
static void
report_file (guint index, gpointer data)
{
  CheckRun *run = data;
  CheckedFile *file = &run->results[index];

  if (file->unreadable)
    {
      run->status = 2;
      run->unreadable++;
    }
  else if (run->status == 0 && file->errors > 0)
    run->status = 1;
  run->errors += file->errors;
  run->warnings += file->warnings;
  run->infos += file->infos;
  if (file->json != NULL)
    json_builder_add_value (run->builder, g_steal_pointer (&file->json));
  if (file->text != NULL)
    fputs (file->text, run->out);
  if (file->error != NULL)
    fputs (file->error, run->err);
}

/* File @index is reported: free its report, on the thread that made it. */
static void
release_file (guint index, gpointer data)
{
  CheckRun *run = data;

  checked_file_clear (&run->results[index]);
}

int
rig_cli_check (char **args, gboolean json, int jobs, FILE *out, FILE *err)
{
  g_autoptr (GPtrArray) paths = rig_cli_batch_list_files (args, NULL);
  char **files = (char **) paths->pdata;
  guint n_files = paths->len;
  g_autofree CheckedFile *results = g_new0 (CheckedFile, MAX (n_files, 1));
  g_autoptr (JsonBuilder) builder = json ? json_builder_new () : NULL;
  CheckRun run = { files, results, out, err, builder, 0, 0, 0, 0, 0 };

  if (n_files == 0)
    {
      fprintf (err, _ ("rigwire: --check found no .rigwire files to check\n"));
      return 2;
    }
  if (builder != NULL)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "files");
      json_builder_begin_array (builder);
    }
  rig_cli_batch_clean_folders (files, n_files);
  rig_cli_batch_run_ordered (n_files, rig_cli_batch_jobs (jobs, n_files), check_file, report_file,
                             release_file, &run);
  if (builder != NULL)
    print_json (&run);
  else
    print_text_summary (&run, n_files);
  return run.status;
}
