/* rig-window.c: a Rigwire editor window: header bar, window actions, and the
 * window state kept in GSettings.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rig-autosave.h"
#include "rig-catalog.h"
#include "rig-error.h"
#include "rig-drop.h"
#include "rig-format.h"
#include "rig-history.h"
#include "rig-recent.h"
#include "rig-window-private.h"

G_DEFINE_FINAL_TYPE (RigWindow, rig_window, GTK_TYPE_APPLICATION_WINDOW)

/* The rig's name as the title shows it, without the modified mark, and the
 * folder it is in (or NULL). */
static char *
rig_window_display_name (RigWindow *self, char **folder)
{
  GFile *file = rig_document_get_file (self->document);
  char *name;

  if (folder != NULL)
    *folder = NULL;
  if (file != NULL)
    {
      g_autoptr (GFile) parent = g_file_get_parent (file);

      name = g_file_get_basename (file);
      if (parent != NULL && folder != NULL)
        *folder = g_file_get_parse_name (parent);
    }
  else if (self->example_title != NULL)
    {
      name = g_strdup (self->example_title);
      if (folder != NULL)
        *folder = g_strdup (_ ("Example"));
    }
  else
    name = g_strdup (_ ("Untitled Rig"));
  return name;
}

static void
rig_window_update_title (RigWindow *self)
{
  gboolean modified = rig_history_is_modified (self->history);
  g_autofree char *folder = NULL;
  g_autofree char *name = rig_window_display_name (self, &folder);
  g_autofree char *title = NULL;

  /* The modified mark, as gnome-text-editor shows it: a leading bullet. */
  title = modified ? g_strdup_printf ("• %s", name) : g_strdup (name);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, folder != NULL ? folder : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), folder != NULL);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

void
rig_window_update_placeholder (RigWindow *self)
{
  /* The hint shows on an empty rig only, and not under the spinner of a
   * file being opened. */
  gtk_widget_set_visible (
      self->placeholder_label,
      rig_document_get_n_devices (self->document) == 0
          && (self->opening_box == NULL || !gtk_widget_get_visible (self->opening_box)));
}

static void
rig_window_update_actions (RigWindow *self)
{
  RigHistory *history = self->history;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", rig_history_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", rig_history_can_redo (history));
  rig_window_update_editing_actions (self);
}

static void
document_changed_cb (RigDocument *document, const RigChange *change, RigWindow *self)
{
  /* Deleted objects leave the selection (the inspector then shows the rest). */
  rig_selection_prune (self->selection, document);
  rig_window_update_placeholder (self);
  rig_window_update_actions (self);
}

static void
statuses_changed_cb (RigValidator *validator, const char *const *cables, const char *const *devices,
                     RigWindow *self)
{
  rig_window_update_problems_button (self);
}

static void
document_notify_cb (GObject *document_or_history, GParamSpec *pspec, RigWindow *self)
{
  rig_window_update_title (self);
  rig_window_update_actions (self);
}

static gboolean
first_check_cb (gpointer data)
{
  RigWindow *self = data;

  rig_validator_check_pending (self->validator);
  return G_SOURCE_REMOVE;
}

/* Shows @document (transfer full) in the window, with @layout (a layout of
 * it made beforehand, or NULL). @state is what its file held when the rig
 * was read (NULL: what it holds now). The rig shown before is let go of on
 * another thread (rig-drop.h): freeing a big one took tens of ms. */
static void
rig_window_set_document_with_layout (RigWindow *self, RigDocument *document, RigLayout *layout,
                                     RigFileState *state)
{
  g_autoptr (GFile) drafts = rig_autosave_default_folder ();
  gpointer old_document = self->document != NULL ? g_object_ref (self->document) : NULL;
  gpointer old_validator = self->validator != NULL ? g_object_ref (self->validator) : NULL;
  gpointer old_layout = rig_canvas_get_layout (self->canvas);

  if (old_layout != NULL)
    g_object_ref (old_layout);
  rig_window_open_document_replaced (self);
  if (self->autosave != NULL)
    rig_autosave_discard (self->autosave);
  g_clear_object (&self->autosave);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->validator != NULL)
    g_signal_handlers_disconnect_by_data (self->validator, self);
  rig_selection_clear (self->selection);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->validator);
  g_clear_object (&self->history);
  g_clear_object (&self->document);
  self->document = document;
  self->history = rig_history_new (document);
  /* An empty rig (a new window, one waiting for a file read in the
   * background) is checked at once: nothing to wait for, and its list should
   * not say "Checking the rig…" while a big file is read. */
  self->validator = rig_document_get_n_devices (document) == 0
                        ? rig_validator_new (document)
                        : rig_validator_new_deferred (document);
  self->autosave = rig_autosave_new (self->history, drafts,
                                     g_settings_get_int (self->settings, "autosave-seconds"));

  g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, 0);
  g_signal_connect_object (self->history, "notify::modified", G_CALLBACK (document_notify_cb), self,
                           0);
  g_signal_connect_object (document, "notify::file", G_CALLBACK (document_notify_cb), self, 0);
  g_signal_connect_object (self->validator, "statuses-changed", G_CALLBACK (statuses_changed_cb),
                           self, 0);

  rig_canvas_set_document_with_layout (self->canvas, document, self->history, self->validator,
                                       self->selection, layout);
  /* A fresh rig starts with the keyboard on the canvas. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->canvas));
  rig_inspector_set_validator (self->inspector, self->validator);
  rig_inspector_set_document (self->inspector, document, self->history, self->selection);
  rig_problems_set_validator (self->problems, self->validator);
  rig_window_outline_set_document (self);
  rig_window_exercise_set_document (self);
  rig_window_update_problems_button (self);

  rig_window_disk_track (self, rig_document_get_file (document), state);
  rig_window_trace_set_document (self);

  rig_window_update_title (self);
  rig_window_update_placeholder (self);
  rig_window_update_actions (self);
  /* A big rig takes longer to check than to draw (#13): it is drawn first,
   * with "Checking the rig…" where its problems will be, and checked right
   * after. Whatever needs verdicts before then checks it first (an edit,
   * Check My Wiring, a connection preview): nothing answers unchecked. */
  rig_first_frame_cancel (&self->first_check);
  self->first_check = rig_first_frame_run (GTK_WIDGET (self), first_check_cb, self);

  /* Every part of the window has let go of the old rig: these are most
   * likely the last references. The layout and the validator first, as
   * they watch the document. */
  rig_drop_in_background (old_layout);
  rig_drop_in_background (old_validator);
  rig_drop_in_background (old_document);
}

static void
rig_window_set_document (RigWindow *self, RigDocument *document, RigFileState *state)
{
  rig_window_set_document_with_layout (self, document, NULL, state);
}

/* A modal message with one button; nothing in the window changes. */
void
rig_window_show_error (RigWindow *self, const char *primary, const char *secondary)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Recent files: the desktop's list (rig-recent.h), shown in the menu. */

static void
rig_window_update_recent_menu (RigWindow *self)
{
  g_auto (GStrv) uris = rig_recent_dup_uris (RIG_RECENT_MAX);

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_uri (uris[i]);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr (GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (uris[i]));
      g_menu_append_item (self->recent_section, item);
    }
  if (uris[0] == NULL)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (_ ("No Recent Rigs"), "win.no-recent");
      g_menu_append_item (self->recent_section, item);
    }
}

static void
open_recent_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RigWindow *self = RIG_WINDOW (widget);
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  rig_window_open_file_in_background (self, file);
}

static void
open_example_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RigWindow *self = RIG_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  /* Keep the rig in this window when it has work in it: open another. */
  if (rig_history_is_modified (self->history) || rig_document_get_n_devices (self->document) > 0)
    {
      RigWindow *other = rig_window_new (gtk_window_get_application (GTK_WINDOW (self)));
      rig_window_open_example (other, name);
      gtk_window_present (GTK_WINDOW (other));
      return;
    }
  rig_window_open_example (self, name);
}

/* Dropping .rigwire files on the window opens them. */
static gboolean
file_drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, RigWindow *self)
{
  GSList *files = g_value_get_boxed (value);

  for (GSList *l = files; l != NULL; l = l->next)
    rig_window_open_file_in_background (self, G_FILE (l->data));
  return files != NULL;
}

/* The editor's widgets (their own classes, made here so the template stays
 * a plain layout), and the signals that tie them together. */

static void
model_activated_cb (RigPalette *palette, RigDeviceModel *model, RigWindow *self)
{
  g_autofree char *id = rig_canvas_place_model (self->canvas, model);

  if (id != NULL)
    {
      const char *ids[] = { id, NULL };
      rig_selection_set (self->selection, ids, NULL);
      gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
    }
}

static void
diagnostic_activated_cb (RigProblems *problems, RigDiagnostic *diagnostic, RigWindow *self)
{
  const char *const *devices = (const char *const *) diagnostic->devices;
  const char *const *cables = (const char *const *) diagnostic->cables;

  /* A cable problem selects its cables; a device problem its devices. */
  if (cables[0] != NULL)
    rig_selection_set (self->selection, NULL, cables);
  else
    rig_selection_set (self->selection, devices, NULL);
  rig_canvas_scroll_to (self->canvas, devices, cables);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static gboolean
update_zoom_label_idle (gpointer user_data)
{
  RigWindow *self = RIG_WINDOW (user_data);

  self->zoom_label_idle = 0;
  rig_window_update_zoom_label (self);
  return G_SOURCE_REMOVE;
}

static void
canvas_zoom_cb (RigCanvas *canvas, GParamSpec *pspec, RigWindow *self)
{
  /* The canvas zooms to fit while it is being allocated; changing the label
   * then would resize the header bar in the middle of the window's
   * allocation (GTK warns that it snapshots it without one). */
  if (self->zoom_label_idle == 0)
    self->zoom_label_idle = g_idle_add (update_zoom_label_idle, self);
}

static void
selection_changed_cb (RigSelection *selection, RigWindow *self)
{
  rig_window_update_editing_actions (self);
}

/* The canvas draws in the desktop's style, as libadwaita styles the rest. */
static void
style_changed_cb (AdwStyleManager *manager, GParamSpec *pspec, RigWindow *self)
{
  rig_canvas_set_style (self->canvas, adw_style_manager_get_dark (manager),
                        adw_style_manager_get_high_contrast (manager));
}

static void
rig_window_build_editor (RigWindow *self)
{
  GtkDropTarget *drop;

  self->canvas = RIG_CANVAS (rig_canvas_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->canvas), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->canvas), TRUE);
  gtk_overlay_set_child (self->canvas_overlay, GTK_WIDGET (self->canvas));
  gtk_overlay_add_overlay (self->canvas_overlay, rig_window_disk_build_bar (self));
  gtk_overlay_add_overlay (self->canvas_overlay, rig_window_notice_build (self));
  gtk_overlay_add_overlay (self->canvas_overlay, rig_window_open_build (self));
  g_signal_connect_object (self->canvas, "notify::zoom", G_CALLBACK (canvas_zoom_cb), self, 0);
  g_settings_bind (self->settings, "snap-to-grid", self->canvas, "snap-to-grid",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-signal-paths", self->canvas, "show-signal-paths",
                   G_SETTINGS_BIND_DEFAULT);
  {
    AdwStyleManager *style = adw_style_manager_get_default ();

    g_signal_connect_object (style, "notify::dark", G_CALLBACK (style_changed_cb), self, 0);
    g_signal_connect_object (style, "notify::high-contrast", G_CALLBACK (style_changed_cb), self,
                             0);
    style_changed_cb (style, NULL, self);
  }

  self->palette = RIG_PALETTE (rig_palette_new (rig_catalog_get_default ()));
  gtk_widget_set_vexpand (GTK_WIDGET (self->palette), TRUE);
  rig_window_outline_build (self);
  g_signal_connect_object (self->palette, "model-activated", G_CALLBACK (model_activated_cb), self,
                           0);

  self->inspector = RIG_INSPECTOR (rig_inspector_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->inspector), TRUE);
  gtk_box_append (GTK_BOX (self->inspector_box), GTK_WIDGET (self->inspector));

  self->problems = RIG_PROBLEMS (rig_problems_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->problems), TRUE);
  gtk_box_append (GTK_BOX (self->problems_box), GTK_WIDGET (self->problems));
  g_signal_connect_object (self->problems, "diagnostic-activated",
                           G_CALLBACK (diagnostic_activated_cb), self, 0);
  rig_window_exercise_build (self);

  g_signal_connect_object (self->selection, "changed", G_CALLBACK (selection_changed_cb), self, 0);

  /* View options: stateful actions mirroring the canvas's properties. */
  {
    g_autoptr (GSimpleActionGroup) view = g_simple_action_group_new ();
    g_autoptr (GPropertyAction) snap
        = g_property_action_new ("snap-to-grid", self->canvas, "snap-to-grid");
    g_autoptr (GPropertyAction) paths
        = g_property_action_new ("show-signal-paths", self->canvas, "show-signal-paths");

    g_action_map_add_action (G_ACTION_MAP (view), G_ACTION (snap));
    g_action_map_add_action (G_ACTION_MAP (view), G_ACTION (paths));
    gtk_widget_insert_action_group (GTK_WIDGET (self), "view", G_ACTION_GROUP (view));
  }

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (file_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

/* Window state. */

static void
rig_window_restore_state (RigWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  gtk_paned_set_position (self->outer_paned, g_settings_get_int (self->settings, "palette-width"));
  rig_window_panes_init (self);
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
  if (gtk_widget_get_visible (self->palette_box))
    g_settings_set_int (self->settings, "palette-width",
                        gtk_paned_get_position (self->outer_paned));
  rig_window_panes_save (self);
  g_settings_apply (self->settings);
}

/* Window actions. */

static void
close_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
open_response_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  RigWindow *self = RIG_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        rig_window_open_file_in_background (self, file);
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

  if (rig_document_get_file (self->document) != NULL)
    {
      g_autoptr (GFile) folder = g_file_get_parent (rig_document_get_file (self->document));

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }

  g_signal_connect (self->open_dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->open_dialog));
}

/* Saves to @file; on failure tells the user and keeps everything as it was. */
gboolean
rig_window_save_to (RigWindow *self, GFile *file)
{
  g_autoptr (GError) error = NULL;

  if (!rig_format_save_file (self->document, file, &error))
    {
      rig_window_show_error (self, _ ("The rig could not be saved"), error->message);
      return FALSE;
    }
  rig_history_set_save_point (self->history);
  rig_window_disk_track (self, file, NULL);
  g_clear_pointer (&self->example_title, g_free);
  rig_window_update_title (self);
  rig_recent_add (file);
  return TRUE;
}

static void
save_response_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  RigWindow *self = RIG_WINDOW (user_data);
  gboolean saved = FALSE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr (GFile) file = NULL;
      g_autofree char *name = chosen ? g_file_get_basename (chosen) : NULL;

      /* Add the extension people forget, so the file opens with Rigwire. */
      if (name != NULL && !g_str_has_suffix (name, ".rigwire"))
        {
          g_autoptr (GFile) parent = g_file_get_parent (chosen);
          g_autofree char *with_suffix = g_strconcat (name, ".rigwire", NULL);
          file = g_file_get_child (parent, with_suffix);
        }
      else if (chosen != NULL)
        file = g_object_ref (chosen);

      if (file != NULL)
        saved = rig_window_save_to (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->save_dialog);

  if (saved && self->close_after_save)
    {
      self->closing_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  self->close_after_save = FALSE;
}

void
rig_window_save_as (RigWindow *self)
{
  GtkFileChooser *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GFile *file = rig_document_get_file (self->document);

  if (self->save_dialog != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_dialog));
      return;
    }

  self->save_dialog = gtk_file_chooser_native_new (
      _ ("Save Rig"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->save_dialog);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->save_dialog), TRUE);
  gtk_file_filter_set_name (filter, _ ("Rigwire rigs"));
  gtk_file_filter_add_pattern (filter, "*.rigwire");
  gtk_file_chooser_add_filter (chooser, filter);

  if (file != NULL)
    gtk_file_chooser_set_file (chooser, file, NULL);
  else
    {
      const char *title = rig_document_get_title (self->document);
      g_autofree char *name = g_strconcat (*title ? title : _ ("Untitled Rig"), ".rigwire", NULL);
      gtk_file_chooser_set_current_name (chooser, name);
    }

  g_signal_connect (self->save_dialog, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_dialog));
}

static void
save_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RigWindow *self = RIG_WINDOW (widget);
  GFile *file = rig_document_get_file (self->document);

  if (file == NULL)
    rig_window_save_as (self);
  else if (rig_window_disk_has_changed (self))
    rig_window_disk_ask_conflict (self);
  else
    rig_window_save_to (self, file);
}

static void
save_as_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rig_window_save_as (RIG_WINDOW (widget));
}

/* Unsaved changes: Save / Discard / Cancel. */

enum
{
  RESPONSE_DISCARD = 1,
  RESPONSE_SAVE = 2,
};

static void
unsaved_response_cb (GtkDialog *dialog, int response, gpointer user_data)
{
  RigWindow *self = RIG_WINDOW (user_data);

  /* The window may close below, while the dialog is still being answered:
   * the dialog must not point at it by then. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));

  switch (response)
    {
      case RESPONSE_DISCARD:
        self->closing_confirmed = TRUE;
        gtk_window_close (GTK_WINDOW (self));
        break;
      case RESPONSE_SAVE:
        if (rig_document_get_file (self->document) != NULL && rig_window_disk_has_changed (self))
          {
            self->close_after_save = TRUE;
            rig_window_disk_ask_conflict (self);
          }
        else if (rig_document_get_file (self->document) != NULL)
          {
            if (rig_window_save_to (self, rig_document_get_file (self->document)))
              {
                self->closing_confirmed = TRUE;
                gtk_window_close (GTK_WINDOW (self));
              }
          }
        else
          {
            self->close_after_save = TRUE;
            rig_window_save_as (self);
          }
        break;
      default:
        break;
    }
}

static void
rig_window_ask_unsaved (RigWindow *self)
{
  g_autofree char *name = rig_window_display_name (self, NULL);
  GtkWidget *dialog;
  GtkWidget *button;

  /* The rig's name, not the title: no modified mark in the question. */
  dialog = gtk_message_dialog_new (
      GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT, GTK_MESSAGE_QUESTION,
      GTK_BUTTONS_NONE, _ ("Save changes to “%s” before closing?"), name);
  gtk_widget_set_name (dialog, "unsaved-dialog");
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _ ("If you don’t save, your changes will be lost."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _ ("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _ ("_Discard"), RESPONSE_DISCARD);
  gtk_widget_add_css_class (button, "destructive-action");
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _ ("_Save"), RESPONSE_SAVE);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), RESPONSE_SAVE);
  g_signal_connect (dialog, "response", G_CALLBACK (unsaved_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject and GtkWidget. */

static gboolean
rig_window_close_request (GtkWindow *window)
{
  RigWindow *self = RIG_WINDOW (window);

  if (rig_history_is_modified (self->history) && !self->closing_confirmed)
    {
      rig_window_ask_unsaved (self);
      return TRUE; /* stay open until the question is answered */
    }

  /* Closing on purpose: nothing to recover later. */
  rig_autosave_discard (self->autosave);

  rig_window_save_state (self);

  return GTK_WINDOW_CLASS (rig_window_parent_class)->close_request (window);
}

static void
rig_window_dispose (GObject *object)
{
  RigWindow *self = RIG_WINDOW (object);

  g_clear_handle_id (&self->zoom_label_idle, g_source_remove);
  rig_window_open_dispose (self);
  rig_first_frame_cancel (&self->first_check);
  rig_window_notice_dispose (self);
  rig_window_disk_stop (self);
  rig_window_trace_dispose (self);
  if (self->open_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->open_dialog, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->open_dialog));
      g_clear_object (&self->open_dialog);
    }
  if (self->save_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->save_dialog, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->save_dialog));
      g_clear_object (&self->save_dialog);
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
  g_clear_object (&self->autosave);
  g_clear_object (&self->validator);
  g_clear_object (&self->history);
  g_clear_object (&self->document);
  g_clear_object (&self->selection);
  g_free (self->example_title);

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
  gtk_widget_class_bind_template_child (widget_class, RigWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, RigWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, RigWindow, center_paned);
  gtk_widget_class_bind_template_child (widget_class, RigWindow, palette_box);
  gtk_widget_class_bind_template_child (widget_class, RigWindow, inspector_box);
  gtk_widget_class_bind_template_child (widget_class, RigWindow, problems_box);
  gtk_widget_class_bind_template_child (widget_class, RigWindow, canvas_overlay);
  gtk_widget_class_bind_template_child (widget_class, RigWindow, problems_button);
  gtk_widget_class_bind_template_child (widget_class, RigWindow, problems_icon);
  gtk_widget_class_bind_template_child (widget_class, RigWindow, problems_label);
  gtk_widget_class_bind_template_child (widget_class, RigWindow, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, RigWindow, recent_section);

  /* Accelerators are set by RigApplication (gtk_application_set_accels_for_action). */
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_activated);
  gtk_widget_class_install_action (widget_class, "win.open-example", "s", open_example_activated);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_activated);
  rig_window_class_install_editing_actions (widget_class);
  rig_window_class_install_trace_action (widget_class);
  rig_window_class_install_exercise_actions (widget_class);
}

static void
rig_window_init (RigWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->selection = rig_selection_new ();
  rig_window_build_editor (self);
  rig_window_restore_state (self);
  rig_window_update_recent_menu (self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (rig_window_update_recent_menu), self, G_CONNECT_SWAPPED);
  rig_window_set_document (self, rig_document_new (), NULL);
}

RigWindow *
rig_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (RIG_TYPE_WINDOW, "application", application, NULL);
}

gboolean
rig_window_load_file (RigWindow *self, GFile *file, GError **error)
{
  g_autoptr (RigFileState) state = NULL;
  RigDocument *document;

  g_return_val_if_fail (RIG_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* On failure the rig shown so far stays as it was. */
  document = rig_window_read_file (file, &state, error);
  if (document == NULL)
    return FALSE;
  rig_window_adopt_file (self, file, document, NULL, state);
  return TRUE;
}

void
rig_window_adopt_file (RigWindow *self, GFile *file, RigDocument *document, RigLayout *layout,
                       RigFileState *state)
{
  g_clear_pointer (&self->example_title, g_free);
  rig_window_set_document_with_layout (self, document, layout, state);
  rig_recent_add (file);
  rig_canvas_zoom_to_fit (self->canvas);
}

gboolean
rig_window_open_file (RigWindow *self, GFile *file)
{
  g_autoptr (GError) error = NULL;

  if (rig_window_load_file (self, file, &error))
    return TRUE;
  rig_window_show_error (self, _ ("The rig could not be opened"), error->message);
  return FALSE;
}

gboolean
rig_window_open_example (RigWindow *self, const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  RigDocument *document = NULL;

  g_return_val_if_fail (RIG_IS_WINDOW (self), FALSE);

  path = g_strconcat ("/io/github/rigwire/Rigwire/examples/", name, NULL);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    document = rig_format_load_bytes (bytes, name, rig_catalog_get_default (), &error);
  if (document == NULL)
    {
      rig_window_show_error (self, _ ("The example could not be opened"), error->message);
      return FALSE;
    }

  rig_format_translate_example (document);
  g_free (self->example_title);
  self->example_title
      = g_strdup (*rig_document_get_title (document) ? rig_document_get_title (document) : name);
  rig_window_set_document (self, document, NULL);
  rig_canvas_zoom_to_fit (self->canvas);
  return TRUE;
}

gboolean
rig_window_restore_draft (RigWindow *self, RigDraft *draft, GError **error)
{
  g_autoptr (RigDocument) document = NULL;
  g_autoptr (RigFileState) unknown = NULL;
  RigFileState *state = draft->file_state;
  gboolean recorded = state != NULL; /* adopting the draft takes its state */

  g_return_val_if_fail (RIG_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  document = rig_draft_restore (draft, error);
  if (document == NULL)
    return FALSE;
  /* Track the file as the draft knew it: if another program changed it
   * since, the bar says so now and saving asks first. An older draft
   * recorded no state: what the file held is unknown, so saving over it asks
   * first whenever it exists. */
  if (state == NULL)
    state = unknown = rig_file_state_new_missing ();
  g_clear_pointer (&self->example_title, g_free);
  rig_window_set_document (self, g_object_ref (document), state);
  /* It differs from its file (or has none) until the user saves it. */
  rig_history_forget_save_point (self->history);
  /* The draft is this window's now: it stays until the rig is saved or
   * closed, so a second crash loses nothing either. */
  rig_autosave_adopt (self->autosave, draft);

  if (rig_document_get_file (self->document) == NULL)
    return TRUE;
  if (recorded)
    rig_window_disk_check_now (self);
  else
    rig_autosave_set_file_state (self->autosave, NULL);
  return TRUE;
}

RigDocument *
rig_window_get_document (RigWindow *self)
{
  g_return_val_if_fail (RIG_IS_WINDOW (self), NULL);

  return self->document;
}

RigHistory *
rig_window_get_history (RigWindow *self)
{
  g_return_val_if_fail (RIG_IS_WINDOW (self), NULL);

  return self->history;
}

GFile *
rig_window_get_file (RigWindow *self)
{
  g_return_val_if_fail (RIG_IS_WINDOW (self), NULL);

  return rig_document_get_file (self->document);
}
