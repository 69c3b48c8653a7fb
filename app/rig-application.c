/* rig-application.c: the Rigwire GtkApplication: app actions, accelerators,
 * style, and one window per rig.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-application.h"
#include "rig-autosave.h"
#include "rig-cli-export.h"
#include "rig-cli.h"
#include "rig-format.h"
#include "rig-recent.h"
#include "rig-safe-file.h"
#include "rig-window.h"

#define RIG_RESOURCE_PATH "/io/github/rigwire/Rigwire"
#define RIG_WEBSITE "https://rigwire.github.io/"
/* The rig `rigwire --example` (and build-aux/run with no file) opens. */
#define RIG_DEFAULT_EXAMPLE "home-theater.rigwire"

struct _RigApplication
{
  AdwApplication parent_instance;

  /* What the command line asked for (rig-cli.h). */
  RigCliOptions options;
  /* --example was given to this (primary) instance. */
  gboolean open_example;
  /* Drafts left by a crash were looked for (once, at the first window). */
  gboolean recovery_checked;
};

G_DEFINE_FINAL_TYPE (RigApplication, rig_application, ADW_TYPE_APPLICATION)

static void
rig_application_offer_recovery (RigApplication *self, GtkWindow *parent);

static RigWindow *
rig_application_new_window (RigApplication *self)
{
  return rig_window_new (GTK_APPLICATION (self));
}

/* The hook for --example. */
static void
rig_application_open_example (RigApplication *self)
{
  RigWindow *window = rig_application_new_window (self);

  rig_window_open_example (window, RIG_DEFAULT_EXAMPLE);
  gtk_window_present (GTK_WINDOW (window));
  rig_application_offer_recovery (self, GTK_WINDOW (window));
}

static void
recovery_response_cb (GtkDialog *dialog, int response, gpointer user_data)
{
  RigApplication *self = RIG_APPLICATION (user_data);
  GPtrArray *drafts = g_object_get_data (G_OBJECT (dialog), "drafts");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  /* The window the question came over takes the first rig back when the
   * user has not started anything in it yet. */
  RigWindow *reuse = NULL;

  if (parent != NULL && RIG_IS_WINDOW (parent))
    {
      RigDocument *current = rig_window_get_document (RIG_WINDOW (parent));
      if (!rig_history_is_modified (rig_window_get_history (RIG_WINDOW (parent)))
          && rig_document_get_n_devices (current) == 0 && rig_document_get_file (current) == NULL)
        reuse = RIG_WINDOW (parent);
    }

  for (guint i = 0; i < drafts->len; i++)
    {
      RigDraft *draft = g_ptr_array_index (drafts, i);

      if (response == GTK_RESPONSE_ACCEPT)
        {
          g_autoptr (GError) error = NULL;
          RigWindow *window = reuse ? reuse : rig_application_new_window (self);

          /* A draft that cannot be read stays for next time. */
          if (!rig_window_restore_draft (window, draft, &error))
            {
              g_message ("Could not restore %s: %s", draft->title, error->message);
              if (window != reuse)
                gtk_window_destroy (GTK_WINDOW (window));
              continue;
            }
          reuse = NULL;
          gtk_window_present (GTK_WINDOW (window));
        }
      else if (response == GTK_RESPONSE_REJECT)
        {
          rig_draft_delete (draft);
        }
    }
  /* Closing the question any other way keeps the drafts for next time; they
   * are unlocked with the dialog. */
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* After a crash, the drafts of the rigs that had unsaved changes are still
 * there: offer them back, once, over the first window. Only drafts whose
 * owner is gone are listed (another Rigwire running keeps its own), and they
 * stay locked while the question is open. */
static void
rig_application_offer_recovery (RigApplication *self, GtkWindow *parent)
{
  g_autoptr (GFile) folder = NULL;
  g_autoptr (GPtrArray) drafts = NULL;
  g_autoptr (GString) names = g_string_new (NULL);
  GtkWidget *dialog;
  GtkWidget *button;

  if (self->recovery_checked)
    return;
  self->recovery_checked = TRUE;

  folder = rig_autosave_default_folder ();
  drafts = rig_autosave_list_drafts (folder);
  if (drafts->len == 0)
    return;

  for (guint i = 0; i < drafts->len; i++)
    g_string_append_printf (names, "\n• %s", ((RigDraft *) g_ptr_array_index (drafts, i))->title);

  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s",
                                   _ ("Restore unsaved changes?"));
  gtk_message_dialog_format_secondary_text (
      GTK_MESSAGE_DIALOG (dialog),
      ngettext ("Rigwire did not close properly. This rig had unsaved changes:%s",
                "Rigwire did not close properly. These rigs had unsaved changes:%s", drafts->len),
      names->str);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _ ("_Discard"), GTK_RESPONSE_REJECT);
  gtk_widget_add_css_class (button, "destructive-action");
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _ ("_Restore"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_object_set_data_full (G_OBJECT (dialog), "drafts", g_steal_pointer (&drafts),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (recovery_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr (GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Close rather than quit, so each window saves its state (and, later, may
   * ask about unsaved changes). The application quits with its last window. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
about_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *authors[] = { "The Rigwire contributors", NULL };

  /* clang-format off */
  gtk_show_about_dialog (gtk_application_get_active_window (app),
                         "program-name", _ ("Rigwire"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _ ("Plan the wiring of an audio rig and check it"),
                         "website", RIG_WEBSITE,
                         "copyright", "© 2026 The Rigwire contributors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         /* Translators: your names, one per line. */
                         "translator-credits", _ ("translator-credits"),
                         NULL);
  /* clang-format on */
}

static void
new_window_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RigWindow *window = rig_application_new_window (RIG_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
}

static void
shortcuts_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr (GtkBuilder) builder
      = gtk_builder_new_from_resource (RIG_RESOURCE_PATH "/ui/rig-shortcuts.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts"));
  GtkWindow *parent = gtk_application_get_active_window (app);

  if (parent != NULL)
    gtk_window_set_transient_for (shortcuts, parent);
  gtk_window_present (shortcuts);
}

static void
open_example_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  rig_application_open_example (RIG_APPLICATION (user_data));
}

static const GActionEntry app_entries[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "about", .activate = about_activated },
  { .name = "new-window", .activate = new_window_activated },
  { .name = "shortcuts", .activate = shortcuts_activated },
  /* --example, forwarded from a second instance to the primary one. */
  { .name = "open-example", .activate = open_example_activated },
};

static const struct
{
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.new-window", { "<Control>n", NULL } },
  { "app.shortcuts", { "<Control>question", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.copy", { "<Control>c", NULL } },
  { "win.cut", { "<Control>x", NULL } },
  { "win.paste", { "<Control>v", NULL } },
  { "win.duplicate", { "<Control>d", NULL } },
  { "win.select-all", { "<Control>a", NULL } },
  { "win.delete", { "Delete", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal" } },
  { "win.zoom-out", { "<Control>minus", NULL } },
  { "win.zoom-reset", { "<Control>0", NULL } },
  { "win.zoom-fit", { "<Control>1", NULL } },
  { "win.toggle-palette", { "F9", NULL } },
  { "win.show-inspector", { "<Control>i", NULL } },
  { "win.tidy-up", { "<Control><Shift>t", NULL } },
  { "win.rename", { "F2", NULL } },
  { "win.export::pdf", { "<Control><Shift>e", NULL } },
  { "win.find-device", { "<Control>f", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.show-outline", { "<Control>l", NULL } },
  { "win.next-pane", { "F6", NULL } },
  { "win.previous-pane", { "<Shift>F6", NULL } },
  { "win.check-wiring", { "<Control>Return", NULL } },
  { "win.lesson-previous", { "<Alt>Left", NULL } },
  { "win.lesson-next", { "<Alt>Right", NULL } },
};

static void
rig_application_load_style (void)
{
  g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RIG_RESOURCE_PATH "/ui/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* A save, export or draft killed half-way leaves a hidden temporary file
 * beside its file: at start, tidy the drafts folder and the folders of the
 * recent rigs. Only temporaries that no running writer holds go
 * (rig-safe-file.h). */
void
rig_application_clean_stale_saves (void)
{
  g_auto (GStrv) uris = rig_recent_dup_uris (G_MAXUINT);
  g_autoptr (GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GFile) drafts = rig_autosave_default_folder ();

  rig_safe_file_clean_folder (drafts);

  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_uri (uris[i]);
      g_autoptr (GFile) folder = g_file_get_parent (file);
      char *path = folder ? g_file_get_path (folder) : NULL;

      if (path == NULL || !g_hash_table_add (done, path))
        continue;
      rig_safe_file_clean_folder (folder);
    }
}

static void
rig_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (rig_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries),
                                   app);
  for (gsize i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), app_accels[i].action,
                                           app_accels[i].accels);

  gtk_window_set_default_icon_name (APP_ID);
  rig_application_load_style ();
  {
    g_autoptr (GSettings) settings = g_settings_new (APP_ID);

    rig_recent_migrate_settings (settings);
  }
  rig_application_clean_stale_saves ();
}

/* The files named on the command line, for g_application_open(). */
static GPtrArray *
command_line_files (RigApplication *self)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; self->options.files != NULL && self->options.files[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (self->options.files[i]));
  return files;
}

/* Headless commands run here, before GTK starts. The editor's own arguments
 * (files, --example) go to the primary instance, which may be another
 * process. */
static int
rig_application_handle_local_options (GApplication *app, GVariantDict *dict)
{
  RigApplication *self = RIG_APPLICATION (app);
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GError) error = NULL;
  int status = rig_cli_dispatch (&self->options, rig_cli_export, stdout, stderr);

  if (status >= 0)
    return status;
  if (!gtk_init_check ())
    {
      g_printerr (_ ("rigwire: no display to open the editor on. Without one, check a rig with\n"
                     "  rigwire --check FILE\n"
                     "or write its wiring sheet with\n"
                     "  rigwire --export OUT.pdf FILE\n"));
      return EXIT_FAILURE;
    }
  if (self->options.files == NULL && !self->options.example)
    return -1; /* activate: an empty window */

  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("rigwire: %s\n", error->message);
      return EXIT_FAILURE;
    }
  files = command_line_files (self);
  if (g_application_get_is_remote (app))
    {
      if (self->options.example)
        g_action_group_activate_action (G_ACTION_GROUP (app), "open-example", NULL);
      if (files->len > 0)
        g_application_open (app, (GFile **) files->pdata, (int) files->len, "");
      return EXIT_SUCCESS;
    }

  /* Here, in this process: the windows keep the application running. */
  self->open_example = self->options.example;
  if (files->len > 0)
    g_application_open (app, (GFile **) files->pdata, (int) files->len, "");
  else
    g_application_activate (app);
  return EXIT_SUCCESS;
}

static void
rig_application_activate (GApplication *app)
{
  RigApplication *self = RIG_APPLICATION (app);

  if (self->open_example)
    {
      self->open_example = FALSE;
      rig_application_open_example (self);
      return;
    }

  RigWindow *window = rig_application_new_window (self);
  gtk_window_present (GTK_WINDOW (window));
  rig_application_offer_recovery (self, GTK_WINDOW (window));
}

/* A file named on the command line that does not open: a message of its
 * own, with no empty window behind it. */
static void
show_open_error (RigApplication *self, GFile *file, const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *dialog = gtk_message_dialog_new (NULL, 0, GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                              _ ("“%s” could not be opened"), name);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_set_title (GTK_WINDOW (dialog), _ ("Rigwire"));
  gtk_widget_set_name (dialog, "open-error-dialog");
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rig_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  RigApplication *self = RIG_APPLICATION (app);
  gboolean offered = FALSE;

  for (int i = 0; i < n_files; i++)
    {
      RigWindow *window = rig_application_new_window (self);
      g_autoptr (GError) error = NULL;

      if (!rig_window_load_file (window, files[i], &error))
        {
          gtk_window_destroy (GTK_WINDOW (window));
          show_open_error (self, files[i], error);
          continue;
        }
      gtk_window_present (GTK_WINDOW (window));
      if (!offered)
        rig_application_offer_recovery (self, GTK_WINDOW (window));
      offered = TRUE;
    }

  if (self->open_example)
    {
      self->open_example = FALSE;
      rig_application_open_example (self);
    }
}

static void
rig_application_finalize (GObject *object)
{
  rig_cli_options_clear (&RIG_APPLICATION (object)->options);

  G_OBJECT_CLASS (rig_application_parent_class)->finalize (object);
}

static void
rig_application_class_init (RigApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = rig_application_finalize;
  app_class->startup = rig_application_startup;
  app_class->handle_local_options = rig_application_handle_local_options;
  app_class->activate = rig_application_activate;
  app_class->open = rig_application_open;
}

static void
rig_application_init (RigApplication *self)
{
  rig_cli_options_add_to (&self->options, G_APPLICATION (self));
}

RigApplication *
rig_application_new (void)
{
  /* clang-format off */
  return g_object_new (RIG_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RIG_RESOURCE_PATH,
                       NULL);
  /* clang-format on */
}
