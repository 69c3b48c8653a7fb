/* rig-window.c: a Rigwire editor window: header bar, window actions, and the
 * window state kept in GSettings.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-window.h"

struct _RigWindow
{
  GtkApplicationWindow parent_instance;

  GSettings *settings;
  GFile *file;
  GtkFileChooserNative *open_dialog;

  /* Template children. */
  GtkHeaderBar *header_bar;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkMenuButton *menu_button;
  GtkWidget *placeholder_label;
};

G_DEFINE_FINAL_TYPE (RigWindow, rig_window, GTK_TYPE_APPLICATION_WINDOW)

static void
rig_window_update_title (RigWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;

  if (self->file != NULL)
    {
      g_autoptr (GFile) parent = g_file_get_parent (self->file);

      name = g_file_get_basename (self->file);
      if (parent != NULL)
        folder = g_file_get_parse_name (parent);
    }
  else
    {
      name = g_strdup (_ ("Untitled Rig"));
    }

  gtk_label_set_label (self->title_label, name);
  gtk_label_set_label (self->subtitle_label, folder != NULL ? folder : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), folder != NULL);
  gtk_window_set_title (GTK_WINDOW (self), name);
}

/* Window state. */

static void
rig_window_restore_state (RigWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
rig_window_save_state (RigWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  g_settings_delay (self->settings);
  /* The default size follows the window's size while it is neither maximized
   * nor fullscreen: that is the size to restore. */
  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  g_settings_apply (self->settings);
}

/* Window actions. */

static void
close_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
undo_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  /* The history (undo/redo) arrives with the editor: it enables this action. */
}

static void
redo_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  /* The history (undo/redo) arrives with the editor: it enables this action. */
}

static void
open_response_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  RigWindow *self = RIG_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        rig_window_open_file (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->open_dialog);
}

static void
open_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RigWindow *self = RIG_WINDOW (widget);
  GtkFileChooser *chooser;
  g_autoptr (GtkFileFilter) rig_filter = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all_filter = gtk_file_filter_new ();

  if (self->open_dialog != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->open_dialog));
      return;
    }

  self->open_dialog = gtk_file_chooser_native_new (
      _ ("Open Rig"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->open_dialog);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->open_dialog), TRUE);

  gtk_file_filter_set_name (rig_filter, _ ("Rigwire rigs"));
  gtk_file_filter_add_pattern (rig_filter, "*.rigwire");
  gtk_file_filter_add_mime_type (rig_filter, "application/x-rigwire+xml");
  gtk_file_chooser_add_filter (chooser, rig_filter);

  gtk_file_filter_set_name (all_filter, _ ("All files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (chooser, all_filter);

  gtk_file_chooser_set_filter (chooser, rig_filter);

  if (self->file != NULL)
    {
      g_autoptr (GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }

  g_signal_connect (self->open_dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->open_dialog));
}

static void
save_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  /* Saving arrives with the file format: the action stays disabled until then. */
}

static void
save_as_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  /* Saving arrives with the file format: the action stays disabled until then. */
}

/* GObject and GtkWidget. */

static gboolean
rig_window_close_request (GtkWindow *window)
{
  rig_window_save_state (RIG_WINDOW (window));

  return GTK_WINDOW_CLASS (rig_window_parent_class)->close_request (window);
}

static void
rig_window_dispose (GObject *object)
{
  RigWindow *self = RIG_WINDOW (object);

  if (self->open_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->open_dialog, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->open_dialog));
      g_clear_object (&self->open_dialog);
    }

  /* No gtk_widget_dispose_template () here: in GTK 4.8 it unparents the
   * window's titlebar and child behind GtkWindow's back, and GtkWindow's own
   * dispose then unparents them again (two criticals at every close).
   * GtkWindow disposes its children itself. */

  G_OBJECT_CLASS (rig_window_parent_class)->dispose (object);
}

static void
rig_window_finalize (GObject *object)
{
  RigWindow *self = RIG_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (rig_window_parent_class)->finalize (object);
}

static void
rig_window_class_init (RigWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rig_window_dispose;
  object_class->finalize = rig_window_finalize;
  window_class->close_request = rig_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rigwire/Rigwire/ui/rig-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RigWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, RigWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RigWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, RigWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, RigWindow, placeholder_label);

  /* Accelerators are set by RigApplication (gtk_application_set_accels_for_action). */
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_activated);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_activated);
}

static void
rig_window_init (RigWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Nothing to undo, and nothing can be saved yet. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", FALSE);

  self->settings = g_settings_new (APP_ID);
  rig_window_restore_state (self);
  rig_window_update_title (self);
}

RigWindow *
rig_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (RIG_TYPE_WINDOW, "application", application, NULL);
}

void
rig_window_open_file (RigWindow *self, GFile *file)
{
  g_return_if_fail (RIG_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* FILE LOADING HOOK: read and validate the rig here once the file format
   * lands (report errors in the window). For now only the title follows. */
  g_set_object (&self->file, file);
  rig_window_update_title (self);
}

GFile *
rig_window_get_file (RigWindow *self)
{
  g_return_val_if_fail (RIG_IS_WINDOW (self), NULL);

  return self->file;
}
