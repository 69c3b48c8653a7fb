/* rig-cli-hear.c: --hear OUT --cable NUMBER FILE, a cable's problem as a
 * WAV file, without a display (rig-cli.h; the clips are rig-hear.h's). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rig-catalog.h"
#include "rig-cli.h"
#include "rig-format.h"
#include "rig-hear.h"
#include "rig-validator.h"
#include "rig-wav.h"

/* The cable whose number or id is @name, or NULL. */
static RigCable *
find_cable (RigDocument *document, const char *name)
{
  RigCable *cable = rig_document_find_cable (document, name);

  for (guint i = 0; cable == NULL && i < rig_document_get_n_cables (document); i++)
    {
      RigCable *c = rig_document_get_cable (document, i);
      if (c->number != NULL && g_ascii_strcasecmp (c->number, name) == 0)
        cable = c;
    }
  return cable;
}

static gboolean
hear_arguments_ok (RigCliOptions *options, FILE *err)
{
  guint n_files = options->files != NULL ? g_strv_length (options->files) : 0;

  if (options->check || options->export_out != NULL || options->format != NULL)
    {
      fprintf (err, _ ("rigwire: use --hear alone, not with --check, --format or --export\n"));
      return FALSE;
    }
  if (options->hear_out == NULL)
    {
      fprintf (err, _ ("rigwire: --cable and --reference go with --hear OUT\n"));
      return FALSE;
    }
  if (options->cable == NULL || n_files != 1)
    {
      fprintf (err, _ ("rigwire: --hear needs --cable NUMBER and one FILE\n"));
      return FALSE;
    }
  if (!g_str_has_suffix (options->hear_out, ".wav")
      && !g_str_has_suffix (options->hear_out, ".WAV"))
    {
      fprintf (err, _ ("rigwire: --hear writes a .wav file, not “%s”\n"), options->hear_out);
      return FALSE;
    }
  return TRUE;
}

int
rig_cli_hear (RigCliOptions *options, FILE *out, FILE *err)
{
  g_autoptr (GFile) input = NULL;
  g_autoptr (GFile) output = NULL;
  g_autoptr (RigDocument) document = NULL;
  g_autoptr (GPtrArray) diagnostics = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RigAudio) clip = NULL;
  g_autofree char *what = NULL;
  const RigDiagnostic *problem;
  RigCable *cable;
  double mains_hz = rig_hear_local_mains_hz ();

  if (!hear_arguments_ok (options, err))
    return 2;
  input = g_file_new_for_commandline_arg (options->files[0]);
  output = g_file_new_for_commandline_arg (options->hear_out);
  document = rig_format_load_file (input, rig_catalog_get_default (), &error);
  if (document == NULL)
    {
      fprintf (err, "%s: %s: %s\n", options->files[0], _ ("cannot read"), error->message);
      return 2;
    }
  cable = find_cable (document, options->cable);
  if (cable == NULL)
    {
      fprintf (err, _ ("%s: no cable “%s”\n"), options->files[0], options->cable);
      return 2;
    }
  diagnostics = rig_validator_check_full (document);
  problem = rig_hear_find_for_cable (diagnostics, cable->id);
  if (problem == NULL)
    {
      fprintf (err, _ ("%s: cable %s has no problem you would hear: nothing written\n"),
               options->files[0], options->cable);
      return 2;
    }

  clip = rig_hear_render (&problem->figures,
                          options->reference ? RIG_HEAR_WIRED_RIGHT : RIG_HEAR_AS_WIRED, mains_hz);
  if (!rig_wav_write (clip, output, &error))
    {
      fprintf (err, "rigwire: %s\n", error->message);
      return 2;
    }
  what = rig_hear_describe (&problem->figures, mains_hz);
  if (options->reference)
    /* Translators: OUT.wav, then the problem's rule code. */
    fprintf (out, _ ("%s: wired right, for comparison with [%s] (%.1f s)\n"), options->hear_out,
             problem->code, (double) clip->n_frames / clip->rate);
  else
    /* Translators: OUT.wav, the problem's rule code, then what the clip sounds like. */
    fprintf (out, _ ("%s: as wired, [%s] %s (%.1f s)\n"), options->hear_out, problem->code, what,
             (double) clip->n_frames / clip->rate);
  return 0;
}
