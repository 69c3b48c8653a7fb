/* rig-cli-export-many.c: rigwire --export=FOLDER FILE..., each FILE's
 * wiring sheet on every core (rig-cli-export-private.h).
 *
 * A teacher prints the class's sheets, or a studio its rooms': one sheet
 * per file into a folder, as many at a time as there are cores, each
 * reported in the order given (rig-cli-batch.h). The drawing is safe on
 * several threads: each sheet has its own Pango context, from its thread's
 * own font map (pango_cairo_font_map_get_default()), and its own cairo
 * surface.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "rig-catalog.h"
#include "rig-cli-batch.h"
#include "rig-cli-export-private.h"
#include "rig-format.h"
#include "rig-safe-file.h"
#include "rig-validator.h"

/* A file's outcome, made by the worker that exported it. */
typedef struct
{
  char *target; /* FOLDER/NAME.EXT */
  char *line;   /* for stdout once written, or NULL */
  char *error;  /* for stderr when not, or NULL */
} ExportedFile;

/* One run. The workers write only their file's slot of @results; the
 * calling thread reports them in order (rig_cli_batch_run_ordered()). */
typedef struct
{
  char **paths;
  ExportedFile *results;
  RigExportFormat format;
  const RigSheetOptions *options;
  FILE *out, *err;
  int status;
} ExportRun;

/* FOLDER/NAME.EXT for @path: its name without ".rigwire". */
static char *
target_for (const char *folder, const char *path, RigExportFormat format)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = NULL;

  if (g_str_has_suffix (base, ".rigwire") && strlen (base) > strlen (".rigwire"))
    base[strlen (base) - strlen (".rigwire")] = '\0';
  name = g_strconcat (base, ".", rig_export_format_to_nick (format), NULL);
  return g_build_filename (folder, name, NULL);
}

static void
export_file (guint index, gpointer data)
{
  ExportRun *run = data;
  ExportedFile *result = &run->results[index];
  const char *path = run->paths[index];
  g_autoptr (GFile) input = g_file_new_for_commandline_arg (path);
  g_autoptr (GFile) output = g_file_new_for_path (result->target);
  g_autoptr (RigDocument) document = NULL;
  g_autoptr (RigValidator) validator = NULL;
  g_autoptr (GError) error = NULL;
  RigSheet *sheet;

  document = rig_format_load_file (input, rig_catalog_get_default (), &error);
  if (document == NULL)
    {
      result->error = g_strdup_printf ("%s: %s: %s\n", path, _ ("cannot read"), error->message);
      return;
    }
  validator = rig_validator_new (document);
  sheet = rig_sheet_new (document, validator, run->options);
  if (rig_export_sheet_to_file (sheet, run->format, output, &error))
    result->line
        = rig_cli_export_summary (result->target, run->format, rig_sheet_get_n_pages (sheet));
  else
    result->error = g_strdup_printf ("%s: %s\n", path, error->message);
  rig_sheet_free (sheet);
}

/* File @index is exported, and every one before it reported: report it. */
static void
report_file (guint index, gpointer data)
{
  ExportRun *run = data;
  ExportedFile *result = &run->results[index];

  if (result->line != NULL)
    fputs (result->line, run->out);
  if (result->error != NULL)
    {
      fputs (result->error, run->err);
      run->status = 2;
    }
}

/* Reported: free its lines, on the thread that made them. */
static void
release_file (guint index, gpointer data)
{
  ExportRun *run = data;

  g_clear_pointer (&run->results[index].line, g_free);
  g_clear_pointer (&run->results[index].error, g_free);
}

/* Each FILE's target, in @run's results; FALSE (with a message on @err)
 * when two FILEs would be written to the same one. */
static gboolean
name_targets (ExportRun *run, guint n_files, const char *folder)
{
  g_autoptr (GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n_files; i++)
    {
      const char *other;

      run->results[i].target = target_for (folder, run->paths[i], run->format);
      other = g_hash_table_lookup (taken, run->results[i].target);
      if (other != NULL)
        {
          fprintf (run->err, _ ("rigwire: “%s” and “%s” would both be written to “%s”\n"), other,
                   run->paths[i], run->results[i].target);
          return FALSE;
        }
      g_hash_table_insert (taken, run->results[i].target, run->paths[i]);
    }
  return TRUE;
}

/* The folder, made if missing; FALSE (with a message on @err) when it
 * cannot be. */
static gboolean
make_folder (const char *folder, FILE *err)
{
  g_autoptr (GFile) file = g_file_new_for_path (folder);

  if (g_mkdir_with_parents (folder, 0777) != 0)
    {
      int saved = errno;

      fprintf (err, _ ("rigwire: cannot make the folder “%s”: %s\n"), folder, g_strerror (saved));
      return FALSE;
    }
  rig_safe_file_clean_folder (file);
  return TRUE;
}

/* Fontconfig's configuration is read once, here, before the workers each
 * make their own font map from it. */
static void
load_fonts (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  PangoFontDescription *description = pango_font_description_from_string ("Sans 10");
  PangoFont *font = pango_context_load_font (context, description);

  g_clear_object (&font);
  pango_font_description_free (description);
  g_object_unref (context);
}

int
rig_cli_export_many (char **args, const char *folder, RigExportFormat format,
                     const RigSheetOptions *options, int jobs, FILE *out, FILE *err)
{
  g_autoptr (GPtrArray) paths = rig_cli_batch_list_files (args, NULL);
  char **files = (char **) paths->pdata;
  guint n_files = paths->len;
  g_autofree ExportedFile *results = g_new0 (ExportedFile, MAX (n_files, 1));
  ExportRun run = { files, results, format, options, out, err, 0 };
  gboolean named;

  if (args == NULL || args[0] == NULL)
    {
      fprintf (err, _ ("rigwire: --export needs at least one FILE\n"));
      return 2;
    }
  if (n_files == 0)
    {
      fprintf (err, _ ("rigwire: --export found no .rigwire files to export\n"));
      return 2;
    }
  named = name_targets (&run, n_files, folder);
  if (named && make_folder (folder, err))
    {
      rig_cli_batch_clean_folders (files, n_files);
      load_fonts ();
      rig_cli_batch_run_ordered (n_files, rig_cli_batch_jobs (jobs, n_files), export_file,
                                 report_file, release_file, &run);
    }
  else
    run.status = 2;
  for (guint i = 0; i < n_files; i++)
    g_free (results[i].target);
  return run.status;
}
