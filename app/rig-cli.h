/* rig-cli.h: the headless command line (--check, --list-rules, --export).
 *
 * main.c hands argv here before any GTK code runs when rig_cli_wants() says
 * so, so these commands need no display.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when @argv asks for a headless command. */
gboolean
rig_cli_wants (int argc, char **argv);

/* Runs it; returns the process exit status (0 clean, 1 a rig has errors, 2 a
 * file cannot be read or the arguments are wrong). --export OUT FILE writes
 * FILE's wiring sheet (rig-export.h) and returns 0 once OUT is written (the
 * rig's problems are on the sheet), 2 when FILE cannot be read, OUT cannot
 * be written or its extension is not .png, .svg or .pdf, leaving no OUT. Output goes to @out and
 * @err (stdout and stderr in the program, memory streams in tests). */
int
rig_cli_run (int argc, char **argv, FILE *out, FILE *err);

G_END_DECLS
