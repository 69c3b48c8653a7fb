/* rig-cli-export.c: rigwire --export OUT FILE, FILE's wiring sheet as OUT
 * (rig-cli-export.h); with OUT a folder, rig-cli-export-many.c. */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "rig-catalog.h"
#include "rig-cli-export-private.h"
#include "rig-cli-export.h"
#include "rig-export.h"
#include "rig-format.h"
#include "rig-safe-file.h"
#include "rig-validator.h"

/* A save or export killed half-way leaves a hidden temporary file: tidy the
 * folder of each file the command line reads or writes (rig-safe-file.h). */
static void
clean_folder_of (GFile *file)
{
  g_autoptr (GFile) folder = g_file_get_parent (file);

  if (folder != NULL)
    rig_safe_file_clean_folder (folder);
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

char *
rig_cli_export_summary (const char *out_name, RigExportFormat format, guint n_pages)
{
  guint n_written = rig_export_format_n_pages (format, n_pages);

  if (n_written < n_pages)
    /* Translators: after exporting the first page of a longer sheet as PNG or SVG. */
    return g_strdup_printf (_ ("%s: page 1 of %u (export a .pdf for every page)\n"), out_name,
                            n_pages);
  return g_strdup_printf (ngettext ("%s: %u page\n", "%s: %u pages\n", n_written), out_name,
                          n_written);
}

gboolean
rig_cli_export_is_folder (const char *out)
{
  return g_str_has_suffix (out, G_DIR_SEPARATOR_S) || g_file_test (out, G_FILE_TEST_IS_DIR);
}

/* The format to write: to a folder, --format's (PDF by default); to a
 * file, the one its extension names. -1, with a message on @err, when there
 * is none or the arguments are wrong. */
static int
choose_format (RigCliOptions *args, gboolean to_folder, FILE *err)
{
  char **files = args->files;
  int format;

  if (to_folder)
    {
      format = args->format != NULL ? rig_export_format_from_nick (args->format) : RIG_EXPORT_PDF;
      if (format < 0)
        fprintf (
            err,
            _ ("rigwire: unknown --format “%s” for --export to a folder: use pdf, svg or png\n"),
            args->format);
      return format;
    }
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    fprintf (err, _ ("rigwire: --export needs exactly one FILE: rigwire --export OUT FILE, or a "
                     "folder for many: rigwire --export FOLDER/ FILE...\n"));
  else if (args->format != NULL)
    fprintf (err, _ ("rigwire: --format goes with --export to a folder; OUT's extension names "
                     "its format\n"));
  else if ((format = rig_export_format_for_name (args->export_out)) < 0)
    fprintf (err, _ ("rigwire: cannot tell the format of “%s”: end it with .png, .svg or .pdf\n"),
             args->export_out);
  else
    return format;
  return -1;
}

int
rig_cli_export (RigCliOptions *args, FILE *out, FILE *err)
{
  char **files = args->files;
  RigSheetOptions options;
  int format, page_size = RIG_PAGE_A4;
  g_autoptr (GFile) input = NULL;
  g_autoptr (GFile) output = NULL;
  g_autoptr (RigDocument) document = NULL;
  g_autoptr (RigValidator) validator = NULL;
  g_autoptr (RigSheet) sheet = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;
  gboolean to_folder = rig_cli_export_is_folder (args->export_out);

  format = choose_format (args, to_folder, err);
  if (format < 0)
    return 2;
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

  if (to_folder)
    return rig_cli_export_many (files, args->export_out, format, &options, args->jobs, out, err);

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

  summary = rig_cli_export_summary (args->export_out, format, rig_sheet_get_n_pages (sheet));
  fputs (summary, out);
  keep_until_exit (&sheet, &validator, &document);
  return 0;
}
