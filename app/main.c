/* main.c: the rigwire program's entry point.
 *
 * `rigwire` is linked without GTK: loading GTK, libadwaita and what they
 * need took 8.5 ms before main() ran, more than checking a small rig, and
 * every worker of `rigwire --check FOLDER/` waited for it (issue #13). The
 * options are parsed by a plain GApplication with the editor's own option
 * entries (rig-cli.h), so --help and every error read as before. A headless
 * command (--check, --grade, --trace...) runs here. --export, the one that
 * draws, is handed to rigwire-export (rig-export-main.c): cairo, pango and
 * what they need are about thirty libraries more, and mapping them took
 * 1.6 ms of every other command's start (rig-cli-export.h). Anything else
 * (the editor, --help) is handed to rigwire-editor (rig-editor-main.c), the
 * whole program. Either gets the same arguments, in this same process
 * (exec).
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "rig-cli.h"

#define EDITOR_NAME "rigwire-editor"
#define EXPORT_NAME "rigwire-export"

/* The program @name beside this one (in the build folder), else
 * @installed. */
static char *
program_path (const char *name, const char *installed)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (self);
      char *beside = g_build_filename (folder, name, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return beside;
      g_free (beside);
    }
  return g_strdup (installed);
}

static gboolean
asks_for_help (int argc, char *argv[])
{
  for (int i = 1; i < argc && strcmp (argv[i], "--") != 0; i++)
    if (strcmp (argv[i], "-h") == 0 || strcmp (argv[i], "-?") == 0
        || g_str_has_prefix (argv[i], "--help"))
      return TRUE;
  return FALSE;
}

int
main (int argc, char *argv[])
{
  g_autofree char *program = NULL;
  int status = -1;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* --help lists the editor's options as the editor's application has them:
   * the editor prints it. */
  if (!asks_for_help (argc, argv))
    status = rig_cli_main (argc, argv, NULL);
  if (status >= 0)
    return status;

  if (status == RIG_CLI_EXPORT_ELSEWHERE)
    program = program_path (EXPORT_NAME, RIG_EXPORT_PROGRAM);
  else
    program = program_path (EDITOR_NAME, RIG_EDITOR_PROGRAM);
  execv (program, argv);
  g_printerr (_ ("rigwire: cannot start %s: %s\n"), program, g_strerror (errno));
  return status == RIG_CLI_EXPORT_ELSEWHERE ? 2 : EXIT_FAILURE;
}
