/* rig-cli.h: the command line: its options, and the headless commands
 * (--check, --list-rules, --export, --version).
 *
 * Every option is a GOptionEntry of RigApplication, parsed by GApplication
 * (so --help lists them all) into a RigCliOptions. The application's
 * handle-local-options runs rig_cli_dispatch() first: a headless command runs
 * there, before GTK is initialised, so it needs no display. Only the editor's
 * options (--example, files to open) reach GTK.
 */
#pragma once

#include <gio/gio.h>
#include <stdio.h>

G_BEGIN_DECLS

typedef struct
{
  /* Editor and checking. */
  gboolean example;
  gboolean version;
  gboolean check;
  gboolean list_rules;
  char *format; /* --format of --check: "text" or "json" */
  char **files; /* the FILE arguments, as given */

  /* --export OUT and its group. */
  char *export_out;
  gboolean sheet, diagram_only, landscape, greyscale;
  char *page, *scale, *revision;
  int dpi;

  /* --grade EXERCISE (rig-cli-grade.h) and --jobs, the workers for many
   * files (rig-cli-batch.h; 0: every core). */
  char *grade;
  int jobs;
  gboolean levels; /* --levels: the level diagrams' pages (issue #11) */
  /* --trace (rig-cli-trace.c). */
  gboolean trace;
  /* --hear OUT and its group (rig-cli-hear.c). */
  char *hear_out;
  char *cable; /* a cable's number ("A-003") or id */
  gboolean reference;
} RigCliOptions;

void
rig_cli_options_clear (RigCliOptions *options);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RigCliOptions, rig_cli_options_clear)

/* Adds every option to @app, parsed into @options (which must outlive the
 * parse): the main group (editor and checking) and the export group, with
 * the summary and examples --help prints. */
void
rig_cli_options_add_to (RigCliOptions *options, GApplication *app);

/* A headless command: its exit status, its output on @out and @err. */
typedef int (*RigCliCommand) (RigCliOptions *options, FILE *out, FILE *err);

/* rig_cli_dispatch()'s answer when @options ask for --export and the
 * program has no export command linked (rig-cli-export.h). */
#define RIG_CLI_EXPORT_ELSEWHERE (-2)

/* Runs the headless command @options asks for and returns the process exit
 * status (0 clean, 1 a rig has errors, 2 a file cannot be read or the
 * arguments are wrong); -1 when @options asks for none (open the editor).
 * --export runs @export_command (rig_cli_export()), or when that is NULL
 * returns RIG_CLI_EXPORT_ELSEWHERE. Output goes to @out and @err (stdout and
 * stderr in the program, memory streams in tests). */
int
rig_cli_dispatch (RigCliOptions *options, RigCliCommand export_command, FILE *out, FILE *err);

/* --trace FILE…: each rig's level trace, text or --format=json; exit status
 * as --check (rig-cli-trace.c). */
int
rig_cli_trace (RigCliOptions *options, FILE *out, FILE *err);

/* Parses @argv with the same options as the program and dispatches it
 * (rig_cli_dispatch()): the headless command line without an application,
 * for tests. Returns 2 for arguments that do not parse, -1 when no headless
 * command is asked for. */
int
rig_cli_run (int argc, char **argv, RigCliCommand export_command, FILE *out, FILE *err);

/* The front of the programs without GTK (main.c, rig-export-main.c): parses
 * @argv with the editor's options in a plain GApplication (so every error
 * reads as the editor's) and runs the headless command they ask for on
 * stdout and stderr (rig_cli_dispatch()). Returns its exit status, -1 when
 * none is asked for, or RIG_CLI_EXPORT_ELSEWHERE. */
int
rig_cli_main (int argc, char **argv, RigCliCommand export_command);

/* The hear group's options (--hear, --cable, --reference), parsed into
 * @options. */
GOptionGroup *
rig_cli_hear_group (RigCliOptions *options);

/* --hear OUT --cable NUMBER FILE: writes what the cable's worst audible
 * problem sounds like as a WAV file (16-bit stereo, 48 kHz), or with
 * --reference the same clip as the right rig plays it. Returns 0 once OUT is
 * written, 2 when an argument is wrong, FILE cannot be read, it has no such
 * cable, the cable has no problem with a sound, or OUT cannot be written
 * (leaving no OUT). */
int
rig_cli_hear (RigCliOptions *options, FILE *out, FILE *err);

G_END_DECLS
