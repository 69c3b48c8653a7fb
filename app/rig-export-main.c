/* rig-export-main.c: the entry point of rigwire-export, the headless
 * command line with --export: `rigwire` (main.c) hands it an export, with
 * the same arguments (rig-cli-export.h). It runs every other headless
 * command too, the same way, but never the editor.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "rig-cli-export.h"

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  status = rig_cli_main (argc, argv, rig_cli_export);
  if (status < 0)
    {
      g_printerr (_ ("rigwire-export: no command given: run rigwire\n"));
      return 2;
    }
  return status;
}
