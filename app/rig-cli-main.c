/* rig-cli-main.c: the front of the programs without GTK, `rigwire` and
 * rigwire-export (rig-cli.h). */
#include "config.h"

#include "rig-cli.h"

typedef struct
{
  RigCliOptions options;
  RigCliCommand export_command;
  int status; /* the command's, or -1 (the editor), or RIG_CLI_EXPORT_ELSEWHERE */
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
  front->status = rig_cli_dispatch (&front->options, front->export_command, stdout, stderr);
  /* Stop here either way: the editor or rigwire-export parses again. */
  return front->status >= 0 ? front->status : EXIT_SUCCESS;
}

int
rig_cli_main (int argc, char **argv, RigCliCommand export_command)
{
  g_auto (Front) front = { { 0 }, export_command, -1 };
  g_autoptr (GApplication) app = g_application_new (APP_ID, G_APPLICATION_HANDLES_OPEN);
  int status;

  rig_cli_options_add_to (&front.options, app);
  g_signal_connect (app, "handle-local-options", G_CALLBACK (handle_local_options), &front);
  status = g_application_run (app, argc, argv);
  /* An option that does not parse: GApplication has said so. */
  return front.status < 0 && status != EXIT_SUCCESS ? status : front.status;
}
