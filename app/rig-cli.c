/* rig-cli.c: which headless command runs, and the smallest of them,
 * --list-rules and --version (rig-cli.h). The options are in
 * rig-cli-options.c, --check in rig-cli-check.c, --export in
 * rig-cli-export.c. */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "rig-cli-check.h"
#include "rig-cli-grade.h"
#include "rig-cli.h"
#include "rig-diagnostic.h"
#include "rig-validator.h"

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

int
rig_cli_dispatch (RigCliOptions *options, RigCliCommand export_command, FILE *out, FILE *err)
{
  guint n_files = options->files != NULL ? g_strv_length (options->files) : 0;

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
      if (export_command == NULL)
        return RIG_CLI_EXPORT_ELSEWHERE;
      return export_command (options, out, err);
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
  return rig_cli_check (options->files,
                        options->format != NULL && strcmp (options->format, "json") == 0,
                        options->jobs, out, err);
}
