/* rig-editor-main.c: the entry point of rigwire-editor, the whole program
 * with GTK: the editor, and every command line option too. `rigwire`
 * (main.c) runs the headless commands itself and hands everything else to
 * this program, with the same arguments.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "rig-application.h"

int
main (int argc, char *argv[])
{
  g_autoptr (RigApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The headless commands (--check, --export...) run in the application's
   * handle-local-options, before GTK is initialised: they need no display. */
  app = rig_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
