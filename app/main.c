/* main.c: the rigwire program's entry point.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "rig-application.h"
#include "rig-cli.h"

int
main (int argc, char *argv[])
{
  g_autoptr (RigApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The headless commands (--check, --list-rules) run before any
   * GtkApplication exists, so they need no display. */
  if (rig_cli_wants (argc, argv))
    return rig_cli_run (argc, argv, stdout, stderr);

  app = rig_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
