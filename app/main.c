/* main.c: the rigwire program's entry point.
 *
 * `rigwire` is linked without GTK: loading GTK, libadwaita and what they
 * need took 8.5 ms before main() ran, more than checking a small rig, and
 * every worker of `rigwire --check FOLDER/` waited for it (issue #13). The
 * options are parsed by a plain GApplication with the editor's own option
 * entries (rig-cli.h), so --help and every error read as before. A headless
 * command (--check, --grade, --export...) runs here; anything else (the
 * editor, --help) is handed to rigwire-editor (rig-editor-main.c), the
 * whole program, with the same arguments, in this same process (exec).
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

typedef struct
{
  RigCliOptions options;
  gboolean editor; /* no headless command was asked for */
} Front;

static void
front_clear (Front *front)
{
  rig_cli_options_clear (&front->options);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Front, front_clear)

static int
handle_local_options (GApplication *app, GVariantDict *dict, Front *front)
{
  int status = rig_cli_dispatch (&front->options, stdout, stderr);

  if (status >= 0)
    return status;
  front->editor = TRUE;
  return EXIT_SUCCESS; /* stop here: the editor parses again */
}

/* rigwire-editor beside this program (in the build folder), else where it
 * is installed. */
static char *
editor_path (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (self);
      char *beside = g_build_filename (folder, EDITOR_NAME, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return beside;
      g_free (beside);
    }
  return g_strdup (RIG_EDITOR_PROGRAM);
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
  g_autofree char *editor = NULL;
  int status = EXIT_SUCCESS;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* --help lists the editor's options as the editor's application has them:
   * the editor prints it. */
  if (!asks_for_help (argc, argv))
    {
      g_auto (Front) front = { { 0 }, FALSE };
      g_autoptr (GApplication) app = g_application_new (APP_ID, G_APPLICATION_HANDLES_OPEN);

      rig_cli_options_add_to (&front.options, app);
      g_signal_connect (app, "handle-local-options", G_CALLBACK (handle_local_options), &front);
      status = g_application_run (app, argc, argv);
      if (!front.editor)
        return status;
    }

  editor = editor_path ();
  execv (editor, argv);
  g_printerr (_ ("rigwire: cannot start the editor, %s: %s\n"), editor, g_strerror (errno));
  return EXIT_FAILURE;
}
