/* rig-cli-options.c: the command line's options, one table for the program
 * (GApplication) and the tests (rig_cli_run()). */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-cli.h"

void
rig_cli_options_clear (RigCliOptions *options)
{
  g_clear_pointer (&options->format, g_free);
  g_clear_pointer (&options->files, g_strfreev);
  g_clear_pointer (&options->export_out, g_free);
  g_clear_pointer (&options->page, g_free);
  g_clear_pointer (&options->scale, g_free);
  g_clear_pointer (&options->revision, g_free);
  g_clear_pointer (&options->grade, g_free);
  g_clear_pointer (&options->hear_out, g_free);
  g_clear_pointer (&options->cable, g_free);
}

#define MAIN_ENTRIES 16

/* The main group: the editor's options and the checks. @entries has room
 * for MAIN_ENTRIES. */
static void
main_entries (RigCliOptions *o, GOptionEntry *entries)
{
  const GOptionEntry table[] = {
    { "example", 0, 0, G_OPTION_ARG_NONE, &o->example, N_ ("Open the example rig in the editor"),
      NULL },
    { "check", 'c', 0, G_OPTION_ARG_NONE, &o->check,
      N_ ("Check each FILE, or each rig in a folder, and print its problems; no display needed"),
      NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &o->format,
      N_ ("Output of --check: text (the default) or json; of --grade: also csv; of --export "
          "to a folder: pdf (the default), svg or png"),
      N_ ("FORMAT") },
    { "list-rules", 0, 0, G_OPTION_ARG_NONE, &o->list_rules,
      N_ ("List every rule the checker applies"), NULL },
    { "export", 'e', 0, G_OPTION_ARG_FILENAME, &o->export_out,
      N_ ("Write FILE's wiring sheet to OUT: .png, .svg or .pdf; with OUT a folder, each FILE's "
          "into it (see --help-export)"),
      N_ ("OUT") },
    { "version", 'V', 0, G_OPTION_ARG_NONE, &o->version, N_ ("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->files, NULL, N_ ("[FILE…]") },
    { "trace", 0, 0, G_OPTION_ARG_NONE, &o->trace,
      N_ ("Trace the levels of each FILE from every source to every listener"), NULL },
    { NULL },
  };

  memcpy (entries, table, sizeof table);
}

/* The export group: how --export draws the sheet. @entries has room for 10. */
static void
export_entries (RigCliOptions *o, GOptionEntry *entries)
{
  const GOptionEntry table[] = {
    { "sheet", 0, 0, G_OPTION_ARG_NONE, &o->sheet,
      N_ ("Export the full sheet: diagram, schedule, materials, problems (the default)"), NULL },
    { "diagram-only", 0, 0, G_OPTION_ARG_NONE, &o->diagram_only,
      N_ ("Export the title block, diagram and legend only"), NULL },
    { "page", 0, 0, G_OPTION_ARG_STRING, &o->page, N_ ("Paper size: a4, letter or a3"),
      N_ ("SIZE") },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, &o->landscape, N_ ("Turn the page sideways"), NULL },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &o->scale,
      N_ ("Fit the diagram to its page (fit), or draw it at a percentage over several pages"),
      N_ ("fit|PERCENT") },
    { "greyscale", 0, 0, G_OPTION_ARG_NONE, &o->greyscale,
      N_ ("Black, white and greys, for black-and-white printers"), NULL },
    { "revision", 0, 0, G_OPTION_ARG_STRING, &o->revision,
      N_ ("The revision shown in the title block"), N_ ("TEXT") },
    { "dpi", 0, 0, G_OPTION_ARG_INT, &o->dpi, N_ ("Resolution of a PNG export (150)"), N_ ("N") },
    { "levels", 0, 0, G_OPTION_ARG_NONE, &o->levels,
      N_ ("Add pages with each signal path's level diagram (PDF)"), NULL },
    { NULL },
  };

  memcpy (entries, table, sizeof table);
}

static const char *
summary (void)
{
  return _ ("Plan audio rigs and check their wiring. With no option, FILEs open in the editor.");
}

static const char *
description (void)
{
  return _ ("Examples:\n"
            "  rigwire studio.rigwire                  open a rig in the editor\n"
            "  rigwire --check *.rigwire               check rigs, one problem per line\n"
            "  rigwire --check --format=json rig.rigwire\n"
            "  rigwire --export sheet.pdf rig.rigwire  write a rig's wiring sheet\n"
            "  rigwire --export sheets/ class/         each rig's sheet into a folder\n"
            "  rigwire --grade task.rigwire class/     grade a folder of students' rigs\n"
            "\n"
            "--check exits with 0 when no rig has errors, 1 when one has, 2 when a file\n"
            "cannot be read or an argument is wrong. --export exits with 0 once every sheet\n"
            "is written, 2 otherwise. --grade exits with 0 when every student meets every\n"
            "goal, 1 when one does not, 2 when a file cannot be read.");
}

static GOptionGroup *
export_group (RigCliOptions *o)
{
  GOptionEntry entries[10];
  GOptionGroup *group = g_option_group_new ("export", _ ("Wiring sheet options (with --export):"),
                                            _ ("Show the wiring sheet export options"), NULL, NULL);

  export_entries (o, entries);
  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  return group;
}

/* The grading group: --grade and the workers for many files. */
static GOptionGroup *
grade_group (RigCliOptions *o)
{
  const GOptionEntry entries[] = {
    { "grade", 0, 0, G_OPTION_ARG_FILENAME, &o->grade,
      N_ ("Grade students' FILEs (or a folder of them) against the EXERCISE: each goal and a "
          "score"),
      N_ ("EXERCISE") },
    { "jobs", 0, 0, G_OPTION_ARG_INT, &o->jobs,
      N_ ("Check, grade or export N files at a time (default: one per processor)"), N_ ("N") },
    { NULL },
  };
  GOptionGroup *group = g_option_group_new ("grade", _ ("Grading and many-file options:"),
                                            _ ("Show the grading options"), NULL, NULL);

  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  return group;
}

void
rig_cli_options_add_to (RigCliOptions *options, GApplication *app)
{
  GOptionEntry entries[MAIN_ENTRIES];

  main_entries (options, entries);
  g_application_add_main_option_entries (app, entries);
  g_application_add_option_group (app, export_group (options));
  g_application_add_option_group (app, grade_group (options));
  g_application_add_option_group (app, rig_cli_hear_group (options));
  g_application_set_option_context_summary (app, summary ());
  g_application_set_option_context_description (app, description ());
}

int
rig_cli_run (int argc, char **argv, RigCliCommand export_command, FILE *out, FILE *err)
{
  g_auto (RigCliOptions) options = { 0 };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = g_new0 (char *, argc + 1);
  GOptionEntry entries[MAIN_ENTRIES];

  main_entries (&options, entries);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_group (context, export_group (&options));
  g_option_context_add_group (context, grade_group (&options));
  g_option_context_add_group (context, rig_cli_hear_group (&options));
  g_option_context_set_summary (context, summary ());
  g_option_context_set_description (context, description ());
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      fprintf (err, "rigwire: %s\n", error->message);
      return 2;
    }
  return rig_cli_dispatch (&options, export_command, out, err);
}

/* The hear group: --hear OUT renders a cable's problem as a WAV file. */
GOptionGroup *
rig_cli_hear_group (RigCliOptions *o)
{
  const GOptionEntry entries[] = {
    { "hear", 0, 0, G_OPTION_ARG_FILENAME, &o->hear_out,
      N_ ("Write what a cable's problem sounds like to OUT, a .wav file; no display needed"),
      N_ ("OUT") },
    { "cable", 0, 0, G_OPTION_ARG_STRING, &o->cable,
      N_ ("The cable to hear, by its number (A-003) or id"), N_ ("NUMBER") },
    { "reference", 0, 0, G_OPTION_ARG_NONE, &o->reference,
      N_ ("Write the same clip as the right wiring plays it instead"), NULL },
    { NULL },
  };
  GOptionGroup *group = g_option_group_new ("hear", _ ("Hearing a problem (with --hear):"),
                                            _ ("Show the options of --hear"), NULL, NULL);

  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  return group;
}
