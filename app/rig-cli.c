/* rig-cli.c: the headless commands: --check, --list-rules, --export and
 * --version (rig-cli.h; the options are in rig-cli-options.c). */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rig-catalog.h"
#include "rig-cli-batch.h"
#include "rig-cli-grade.h"
#include "rig-cli.h"
#include "rig-diagnostic.h"
#include "rig-export.h"
#include "rig-format.h"
#include "rig-safe-file.h"
#include "rig-validator.h"

typedef struct
{
  char *display_name;
  GPtrArray *diagnostics; /* RigDiagnostic *, validator order; NULL if unreadable */
  GError *error;
} CheckedFile;

static void
checked_file_clear (CheckedFile *file)
{
  g_free (file->display_name);
  g_clear_pointer (&file->diagnostics, g_ptr_array_unref);
  g_clear_error (&file->error);
}

/* A save or export killed half-way leaves a hidden temporary file: tidy the
 * folder of each file the command line reads or writes (rig-safe-file.h). */
static void
clean_folder_of (GFile *file)
{
  g_autoptr (GFile) folder = g_file_get_parent (file);

  if (folder != NULL)
    rig_safe_file_clean_folder (folder);
}

typedef struct
{
  char **paths;
  CheckedFile *results;
} CheckBatch;

/* One file, on a worker thread (rig-cli-batch.h): writes only its slot.
 * The folders were cleaned before. */
static void
check_file (guint index, gpointer data)
{
  CheckBatch *batch = data;
  const char *path = batch->paths[index];
  CheckedFile *result = &batch->results[index];
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (RigDocument) document = NULL;

  result->display_name = g_strdup (path);
  document = rig_format_load_file (file, rig_catalog_get_default (), &result->error);
  if (document != NULL)
    result->diagnostics = rig_validator_check_full (document);
}

static guint
count_severity (GPtrArray *diagnostics, RigSeverity severity)
{
  guint n = 0;

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    n += ((RigDiagnostic *) g_ptr_array_index (diagnostics, i))->severity == severity;
  return n;
}

static void
print_text (CheckedFile *files, guint n_files, FILE *out, FILE *err)
{
  guint errors = 0, warnings = 0, infos = 0, unreadable = 0;

  for (guint i = 0; i < n_files; i++)
    {
      CheckedFile *file = &files[i];

      if (file->error != NULL)
        {
          fprintf (err, "%s: %s: %s\n", file->display_name, _ ("cannot read"),
                   file->error->message);
          unreadable++;
          continue;
        }
      for (guint j = 0; j < file->diagnostics->len; j++)
        {
          RigDiagnostic *d = g_ptr_array_index (file->diagnostics, j);
          fprintf (out, "%s: %s: [%s] %s\n", file->display_name, rig_severity_to_nick (d->severity),
                   d->code, d->message);
        }
      errors += count_severity (file->diagnostics, RIG_SEVERITY_ERROR);
      warnings += count_severity (file->diagnostics, RIG_SEVERITY_WARNING);
      infos += count_severity (file->diagnostics, RIG_SEVERITY_INFO);
    }

  fprintf (out,
           /* Translators: the summary line of `rigwire --check`. */
           _ ("%u %s checked: %u %s, %u %s, %u info"), n_files, ngettext ("file", "files", n_files),
           errors, ngettext ("error", "errors", errors), warnings,
           ngettext ("warning", "warnings", warnings), infos);
  if (unreadable > 0)
    fprintf (out, _ (", %u unreadable"), unreadable);
  fputc ('\n', out);
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
print_json (CheckedFile *files, guint n_files, FILE *out)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_files; i++)
    {
      CheckedFile *file = &files[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, file->display_name);
      if (file->error != NULL)
        {
          json_builder_set_member_name (builder, "error");
          json_builder_add_string_value (builder, file->error->message);
          json_builder_end_object (builder);
          continue;
        }
      json_builder_set_member_name (builder, "errors");
      json_builder_add_int_value (builder, count_severity (file->diagnostics, RIG_SEVERITY_ERROR));
      json_builder_set_member_name (builder, "warnings");
      json_builder_add_int_value (builder,
                                  count_severity (file->diagnostics, RIG_SEVERITY_WARNING));
      json_builder_set_member_name (builder, "info");
      json_builder_add_int_value (builder, count_severity (file->diagnostics, RIG_SEVERITY_INFO));
      json_builder_set_member_name (builder, "diagnostics");
      json_builder_begin_array (builder);
      for (guint j = 0; j < file->diagnostics->len; j++)
        {
          RigDiagnostic *d = g_ptr_array_index (file->diagnostics, j);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, d->code);
          json_builder_set_member_name (builder, "severity");
          json_builder_add_string_value (builder, rig_severity_to_nick (d->severity));
          json_builder_set_member_name (builder, "cables");
          json_builder_add_value (builder, strv_to_json (d->cables));
          json_builder_set_member_name (builder, "devices");
          json_builder_add_value (builder, strv_to_json (d->devices));
          json_builder_set_member_name (builder, "jacks");
          json_builder_add_value (builder, strv_to_json (d->jacks));
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, d->message);
          json_builder_set_member_name (builder, "why");
          json_builder_add_string_value (builder, d->why);
          json_builder_set_member_name (builder, "hear");
          json_builder_add_string_value (builder, d->hear);
          json_builder_set_member_name (builder, "fix");
          json_builder_add_string_value (builder, d->fix);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  fprintf (out, "%s\n", text);
}

static int
list_rules (FILE *out)
{
  guint n_rules = 0;
  const RigRuleInfo *rules = rig_rules_list (&n_rules);
  int width = 0;

  for (guint i = 0; i < n_rules; i++)
    width = MAX (width, (int) strlen (rules[i].code));
  for (guint i = 0; i < n_rules; i++)
    fprintf (out, "%-*s  %-7s  %s\n", width, rules[i].code,
             rig_severity_to_nick (rules[i].severity), _ (rules[i].description));
  return 0;
}

/* --scale: "fit", or a percentage ("50", "50%"). */
static gboolean
parse_scale (const char *text, double *scale)
{
  g_autofree char *copy = NULL;
  char *end = NULL;
  double percent;

  if (text == NULL || g_ascii_strcasecmp (text, "fit") == 0)
    {
      *scale = RIG_SHEET_SCALE_FIT;
      return TRUE;
    }
  copy = g_strstrip (g_strdup (text));
  if (g_str_has_suffix (copy, "%"))
    copy[strlen (copy) - 1] = '\0';
  percent = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0' || !(percent >= RIG_SHEET_MIN_SCALE * 100)
      || !(percent <= RIG_SHEET_MAX_SCALE * 100))
    return FALSE;
  *scale = percent / 100;
  return TRUE;
}

/* Builds with AddressSanitizer free what an export made, so that its leak
 * check still sees every export's memory come back. */
#if defined(__SANITIZE_ADDRESS__)
#define FREE_EXPORTS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FREE_EXPORTS 1
#endif
#endif

/* Taking a rig of 10,000 devices apart piece by piece is about a twentieth
 * of its export, and the process usually exits right after: the last
 * export's sheet, validator and document stay reachable here until the next
 * export (the tests run several in one process) or the end of the process. */
static void
keep_until_exit (RigSheet **sheet, RigValidator **validator, RigDocument **document)
{
#ifndef FREE_EXPORTS
  static RigSheet *kept_sheet;
  static RigValidator *kept_validator;
  static RigDocument *kept_document;

  g_clear_pointer (&kept_sheet, rig_sheet_free);
  g_clear_object (&kept_validator);
  g_clear_object (&kept_document);
  kept_sheet = g_steal_pointer (sheet);
  kept_validator = g_steal_pointer (validator);
  kept_document = g_steal_pointer (document);
#else
  g_clear_pointer (sheet, rig_sheet_free);
  g_clear_object (validator);
  g_clear_object (document);
#endif
}

/* rigwire --export OUT FILE: the wiring sheet of FILE as OUT, in the format
 * OUT's extension names. Exit 0 written, 2 anything wrong (nothing written). */
static int
export_rig (RigCliOptions *args, char **files, FILE *out, FILE *err)
{
  RigSheetOptions options;
  int format, page_size = RIG_PAGE_A4;
  g_autoptr (GFile) input = NULL;
  g_autoptr (GFile) output = NULL;
  g_autoptr (RigDocument) document = NULL;
  g_autoptr (RigValidator) validator = NULL;
  g_autoptr (RigSheet) sheet = NULL;
  g_autoptr (GError) error = NULL;
  guint n_pages, n_written;

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      fprintf (err, _ ("rigwire: --export needs exactly one FILE: rigwire --export OUT FILE\n"));
      return 2;
    }
  format = rig_export_format_for_name (args->export_out);
  if (format < 0)
    {
      fprintf (err, _ ("rigwire: cannot tell the format of “%s”: end it with .png, .svg or .pdf\n"),
               args->export_out);
      return 2;
    }
  if (args->sheet && args->diagram_only)
    {
      fprintf (err, _ ("rigwire: use --sheet or --diagram-only, not both\n"));
      return 2;
    }
  if (args->page != NULL && (page_size = rig_page_size_from_nick (args->page)) < 0)
    {
      fprintf (err, _ ("rigwire: unknown --page “%s”: use a4, letter or a3\n"), args->page);
      return 2;
    }
  if (args->dpi != 0 && (args->dpi < RIG_SHEET_MIN_DPI || args->dpi > RIG_SHEET_MAX_DPI))
    {
      fprintf (err, _ ("rigwire: --dpi=%d is out of range: use %g to %g\n"), args->dpi,
               RIG_SHEET_MIN_DPI, RIG_SHEET_MAX_DPI);
      return 2;
    }

  rig_sheet_options_init (&options);
  options.kind = args->diagram_only ? RIG_SHEET_DIAGRAM_ONLY : RIG_SHEET_FULL;
  options.page_size = page_size;
  options.landscape = args->landscape;
  options.greyscale = args->greyscale;
  options.revision = args->revision;
  options.levels = args->levels;
  if (args->dpi != 0)
    options.dpi = args->dpi;
  if (!parse_scale (args->scale, &options.scale))
    {
      fprintf (err, _ ("rigwire: unknown --scale “%s”: use fit or a percentage from %g to %g\n"),
               args->scale, RIG_SHEET_MIN_SCALE * 100, RIG_SHEET_MAX_SCALE * 100);
      return 2;
    }

  input = g_file_new_for_commandline_arg (files[0]);
  output = g_file_new_for_commandline_arg (args->export_out);
  clean_folder_of (input);
  clean_folder_of (output);
  document = rig_format_load_file (input, rig_catalog_get_default (), &error);
  if (document == NULL)
    {
      fprintf (err, "%s: %s: %s\n", files[0], _ ("cannot read"), error->message);
      return 2;
    }
  validator = rig_validator_new (document);
  sheet = rig_sheet_new (document, validator, &options);
  if (!rig_export_sheet_to_file (sheet, format, output, &error))
    {
      fprintf (err, "rigwire: %s\n", error->message);
      return 2;
    }

  n_pages = rig_sheet_get_n_pages (sheet);
  n_written = rig_export_format_n_pages (format, n_pages);
  if (n_written < n_pages)
    /* Translators: after exporting the first page of a longer sheet as PNG or SVG. */
    fprintf (out, _ ("%s: page 1 of %u (export a .pdf for every page)\n"), args->export_out,
             n_pages);
  else
    fprintf (out, ngettext ("%s: %u page\n", "%s: %u pages\n", n_written), args->export_out,
             n_written);
  keep_until_exit (&sheet, &validator, &document);
  return 0;
}

int
rig_cli_dispatch (RigCliOptions *options, FILE *out, FILE *err)
{
  g_autofree CheckedFile *checked = NULL;
  guint n_files = options->files != NULL ? g_strv_length (options->files) : 0;
  gboolean json;
  int status = 0;

  if (options->version)
    {
      fprintf (out, "rigwire %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (options->list_rules)
    return list_rules (out);
  if (options->grade != NULL)
    {
      if (options->check || options->export_out != NULL)
        {
          fprintf (err, _ ("rigwire: use --grade alone, not with --check or --export\n"));
          return 2;
        }
      return rig_cli_grade (options->grade, options->files, options->format, options->jobs, out,
                            err);
    }
  if (options->hear_out != NULL || options->cable != NULL || options->reference)
    return rig_cli_hear (options, out, err);
  if (options->export_out != NULL)
    {
      if (options->check)
        {
          fprintf (err, _ ("rigwire: use --check or --export, not both\n"));
          return 2;
        }
      return export_rig (options, options->files, out, err);
    }
  if (options->trace)
    return rig_cli_trace (options, out, err);
  if (!options->check)
    {
      if (options->format != NULL)
        {
          fprintf (err, _ ("rigwire: --format goes with --check\n"));
          return 2;
        }
      return -1;
    }

  if (options->format != NULL && strcmp (options->format, "text") != 0
      && strcmp (options->format, "json") != 0)
    {
      fprintf (err, _ ("rigwire: unknown --format “%s”: use text or json\n"), options->format);
      return 2;
    }
  if (n_files == 0)
    {
      fprintf (err, _ ("rigwire: --check needs at least one FILE\n"));
      return 2;
    }
  json = options->format != NULL && strcmp (options->format, "json") == 0;

  checked = g_new0 (CheckedFile, n_files);
  rig_cli_batch_clean_folders (options->files, n_files);
  {
    CheckBatch batch = { options->files, checked };
    rig_cli_batch_run (n_files, rig_cli_batch_jobs (options->jobs, n_files), check_file, &batch);
  }
  for (guint i = 0; i < n_files; i++)
    {
      if (checked[i].error != NULL)
        status = 2;
      else if (status == 0 && count_severity (checked[i].diagnostics, RIG_SEVERITY_ERROR) > 0)
        status = 1;
    }

  if (json)
    print_json (checked, n_files, out);
  else
    print_text (checked, n_files, out, err);

  for (guint i = 0; i < n_files; i++)
    checked_file_clear (&checked[i]);
  return status;
}
