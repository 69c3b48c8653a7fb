/* rig-window-disk.c: the open rig's file on disk.
 *
 * When the window loads or saves a rig it records the file's state (size,
 * modification time, content hash) and watches the file. When another program
 * changes it, an info bar over the canvas says so and offers to reload. Saving
 * over a file that changed since it was loaded asks first: Reload, Save As or
 * Save Anyway, as gnome-text-editor does, so an outside change is never
 * overwritten silently. A rig restored from a draft is tracked with the state
 * the draft recorded, so a change made while Rigwire was down shows at once.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-window-private.h"

/* File monitors report a save as several events; look once they settle. */
#define SETTLE_MS 200

#define RESPONSE_RELOAD RIG_WINDOW_DISK_RELOAD
#define RESPONSE_SAVE_AS RIG_WINDOW_DISK_SAVE_AS
#define RESPONSE_SAVE_ANYWAY RIG_WINDOW_DISK_SAVE_ANYWAY

static char *
display_name (GFile *file)
{
  return g_file_get_basename (file);
}

/* Whether the file now differs from what was loaded or saved. A file that
 * cannot be read now counts as changed. */
static gboolean
file_changed_on_disk (RigWindow *self, GFile *file)
{
  g_autoptr (RigFileState) now = NULL;

  if (self->disk_state == NULL)
    return FALSE;
  now = rig_file_state_query (file, NULL);
  return now == NULL || !rig_file_state_equal (now, self->disk_state);
}

static void
hide_bar (RigWindow *self)
{
  gtk_info_bar_set_revealed (self->disk_bar, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->disk_bar), FALSE);
}

static void
show_bar (RigWindow *self, GFile *file)
{
  g_autofree char *name = display_name (file);
  g_autoptr (RigFileState) now = rig_file_state_query (file, NULL);
  g_autofree char *text = NULL;
  gboolean gone = now != NULL && !rig_file_state_exists (now);

  if (gone)
    text = g_strdup_printf (_ ("“%s” was deleted or moved on disk. Save to write it again."), name);
  else
    text = g_strdup_printf (_ ("“%s” was changed by another program."), name);
  gtk_label_set_label (self->disk_label, text);
  gtk_widget_set_visible (self->disk_reload_button, !gone);
  gtk_button_set_label (GTK_BUTTON (self->disk_reload_button),
                        rig_history_is_modified (self->history) ? _ ("_Discard Changes and Reload")
                                                                : _ ("_Reload"));
  gtk_widget_set_visible (GTK_WIDGET (self->disk_bar), TRUE);
  gtk_info_bar_set_revealed (self->disk_bar, TRUE);
}

static gboolean
settle_cb (gpointer user_data)
{
  RigWindow *self = RIG_WINDOW (user_data);
  GFile *file = rig_document_get_file (self->document);

  self->disk_check_id = 0;
  if (file != NULL && file_changed_on_disk (self, file))
    show_bar (self, file);
  else
    hide_bar (self);
  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event,
                    RigWindow *self)
{
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;
  g_clear_handle_id (&self->disk_check_id, g_source_remove);
  self->disk_check_id = g_timeout_add (SETTLE_MS, settle_cb, self);
}

void
rig_window_disk_stop (RigWindow *self)
{
  g_clear_handle_id (&self->disk_check_id, g_source_remove);
  rig_first_frame_cancel (&self->disk_watch);
  if (self->disk_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->disk_monitor, self);
      g_file_monitor_cancel (self->disk_monitor);
      g_clear_object (&self->disk_monitor);
    }
  g_clear_pointer (&self->disk_state, rig_file_state_free);
  if (self->disk_bar != NULL)
    hide_bar (self);
}

static gboolean
watch_cb (gpointer data)
{
  RigWindow *self = data;
  GFile *file = rig_document_get_file (self->document);
  g_autoptr (GError) error = NULL;

  if (file == NULL)
    return G_SOURCE_REMOVE;
  self->disk_monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->disk_monitor == NULL)
    {
      /* Not every file system can be watched; saving still checks. */
      g_debug ("Cannot watch %s: %s", g_file_peek_path (file), error->message);
      return G_SOURCE_REMOVE;
    }
  g_signal_connect (self->disk_monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
  /* A change made before the watch began. */
  if (file_changed_on_disk (self, file))
    rig_window_disk_check_now (self);
  return G_SOURCE_REMOVE;
}

void
rig_window_disk_track (RigWindow *self, GFile *file, RigFileState *state)
{
  rig_window_disk_stop (self);
  if (file != NULL)
    self->disk_state
        = state != NULL ? rig_file_state_copy (state) : rig_file_state_query (file, NULL);
  /* A draft records what the file was, to tell later whether it changed. */
  if (self->autosave != NULL)
    rig_autosave_set_file_state (self->autosave, self->disk_state);
  /* Watching begins after the first frame (it asks the kernel to watch the
   * whole folder, which takes a while where it holds many files). */
  if (file != NULL)
    self->disk_watch = rig_first_frame_run (GTK_WIDGET (self), watch_cb, self);
}

void
rig_window_disk_check_now (RigWindow *self)
{
  g_clear_handle_id (&self->disk_check_id, g_source_remove);
  settle_cb (self);
}

gboolean
rig_window_disk_has_changed (RigWindow *self)
{
  GFile *file = rig_document_get_file (self->document);

  return file != NULL && file_changed_on_disk (self, file);
}

static void
reload (RigWindow *self)
{
  g_autoptr (GFile) file = NULL;

  if (rig_document_get_file (self->document) == NULL)
    return;
  file = g_object_ref (rig_document_get_file (self->document));
  /* On failure the rig stays as it is, and the bar says why it is there. */
  rig_window_reload_in_background (self, file);
}

static void
bar_response_cb (GtkInfoBar *bar, int response, RigWindow *self)
{
  if (response == RESPONSE_RELOAD)
    reload (self);
  else
    hide_bar (self);
}

GtkWidget *
rig_window_disk_build_bar (RigWindow *self)
{
  GtkWidget *bar = gtk_info_bar_new ();

  self->disk_bar = GTK_INFO_BAR (bar);
  gtk_info_bar_set_message_type (self->disk_bar, GTK_MESSAGE_WARNING);
  gtk_info_bar_set_show_close_button (self->disk_bar, TRUE);
  self->disk_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->disk_label, TRUE);
  gtk_label_set_xalign (self->disk_label, 0);
  gtk_info_bar_add_child (self->disk_bar, GTK_WIDGET (self->disk_label));
  self->disk_reload_button
      = gtk_info_bar_add_button (self->disk_bar, _ ("_Reload"), RESPONSE_RELOAD);
  gtk_widget_set_valign (bar, GTK_ALIGN_START);
  g_signal_connect (bar, "response", G_CALLBACK (bar_response_cb), self);
  hide_bar (self);
  return bar;
}

/* Saving over a file that changed on disk: ask. */

static void
conflict_response_cb (GtkDialog *dialog, int response, RigWindow *self)
{
  gboolean close_after_save = self->close_after_save;

  /* Save Anyway may close the window below, while the dialog is still being
   * answered: the dialog must not point at it by then. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  switch (response)
    {
      case RESPONSE_RELOAD:
        self->close_after_save = FALSE;
        reload (self);
        break;
      case RESPONSE_SAVE_AS:
        rig_window_save_as (self);
        break;
      case RESPONSE_SAVE_ANYWAY:
        if (rig_window_save_to (self, rig_document_get_file (self->document)) && close_after_save)
          {
            self->closing_confirmed = TRUE;
            gtk_window_close (GTK_WINDOW (self));
          }
        self->close_after_save = FALSE;
        break;
      default:
        self->close_after_save = FALSE;
        break;
    }
}

void
rig_window_disk_ask_conflict (RigWindow *self)
{
  g_autofree char *name = display_name (rig_document_get_file (self->document));
  GtkWidget *dialog;
  GtkWidget *button;

  dialog = gtk_message_dialog_new (
      GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT, GTK_MESSAGE_WARNING,
      GTK_BUTTONS_NONE, _ ("“%s” changed on disk since you opened it"), name);
  gtk_message_dialog_format_secondary_text (
      GTK_MESSAGE_DIALOG (dialog), "%s",
      _ ("Another program saved it. Saving now replaces what it wrote with your rig; reloading "
         "replaces your rig with the file’s content. Save As keeps both."));
  gtk_widget_set_name (dialog, "disk-conflict-dialog");
  gtk_dialog_add_button (GTK_DIALOG (dialog), _ ("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _ ("_Reload"), RESPONSE_RELOAD);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _ ("Save _As…"), RESPONSE_SAVE_AS);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _ ("Save _Anyway"), RESPONSE_SAVE_ANYWAY);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), RESPONSE_SAVE_AS);
  g_signal_connect (dialog, "response", G_CALLBACK (conflict_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}
