/* rig-window-actions.c: RigWindow's editing, view, clipboard, export and
 * print actions.
 *
 * The accelerators (set by RigApplication) are window-wide, so Ctrl+C, Ctrl+V,
 * Ctrl+A, Delete and Ctrl+Z reach these actions even while the user types in
 * a text field; then the action is handed to the field (GtkText's own
 * clipboard.*, selection.* and text.* actions), so entries edit text as usual.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-command.h"
#include "rig-error.h"
#include "rig-export-dialog.h"
#include "rig-fragment.h"
#include "rig-history.h"
#include "rig-print.h"
#include "rig-renumber.h"
#include "rig-sheet.h"
#include "rig-tidy.h"
#include "rig-tooltip.h"
#include "rig-window-private.h"

#define RIGWIRE_MIME_TYPE "application/x-rigwire+xml"
#define PASTE_OFFSET 40.0 /* canvas units between a copy and its original */

/* The text field with the keyboard focus, if any. */
static GtkWidget *
focused_text (RigWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && GTK_IS_TEXT (focus))
    return focus;
  return NULL;
}

/* Hands an edit shortcut to a focused text field; TRUE if a text field has
 * the focus (whether or not it had anything to do). */
static gboolean
forward_to_text (RigWindow *self, const char *text_action)
{
  GtkWidget *text = focused_text (self);

  if (text == NULL)
    return FALSE;
  if (g_str_equal (text_action, "selection.delete"))
    {
      int start, end;

      /* Delete with nothing selected deletes the next character. */
      if (!gtk_editable_get_selection_bounds (GTK_EDITABLE (text), &start, &end))
        {
          g_signal_emit_by_name (text, "delete-from-cursor", GTK_DELETE_CHARS, 1);
          return TRUE;
        }
    }
  gtk_widget_activate_action (text, text_action, NULL);
  return TRUE;
}

/* Undo in a text field undoes typing while there is typing to undo; then
 * the rig's own history. */
static gboolean
forward_undo_to_text (RigWindow *self, const char *text_action)
{
  GtkWidget *text = focused_text (self);

  return text != NULL && gtk_widget_activate_action (text, text_action, NULL);
}

static void
apply (RigWindow *self, RigCommand *command)
{
  g_autoptr (GError) error = NULL;

  if (command == NULL || rig_history_apply (self->history, command, &error))
    return;
  /* A part an exercise locks: a notice that says why, not an error. */
  if (g_error_matches (error, RIG_ERROR, RIG_ERROR_LOCKED))
    rig_window_show_notice (self, error->message);
  else
    rig_window_show_error (self, _ ("The change could not be made"), error->message);
}

void
rig_window_update_editing_actions (RigWindow *self)
{
  gboolean any = !rig_selection_is_empty (self->selection);
  gboolean devices = rig_selection_get_n_devices (self->selection) > 0;

  /* Copy also serves the problems list, whatever the canvas selection. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cut", devices);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate", devices);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete", any);
}

/* The problems button with no count: @tooltip says why. */
void
rig_window_set_problems_button_plain (RigWindow *self, const char *icon_name, const char *tooltip)
{
  gtk_image_set_from_icon_name (self->problems_icon, icon_name);
  gtk_label_set_label (self->problems_label, "–");
  for (RigSeverity s = RIG_SEVERITY_INFO; s < RIG_N_SEVERITIES; s++)
    gtk_widget_remove_css_class (self->problems_button, rig_severity_to_nick (s));
  rig_tooltip_set_text (self->problems_button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problems_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  rig_window_panes_update_problems (self);
}

void
rig_window_update_problems_button (RigWindow *self)
{
  if (self->verdicts_hidden)
    {
      rig_window_exercise_update_problems_button (self);
      return;
    }
  if (rig_validator_is_pending (self->validator))
    {
      rig_window_set_problems_button_plain (self, "content-loading-symbolic",
                                            _ ("Checking the rig…"));
      return;
    }

  guint errors = rig_validator_count (self->validator, RIG_SEVERITY_ERROR);
  guint warnings = rig_validator_count (self->validator, RIG_SEVERITY_WARNING);
  guint infos = rig_validator_count (self->validator, RIG_SEVERITY_INFO);
  RigSeverity worst = errors     ? RIG_SEVERITY_ERROR
                      : warnings ? RIG_SEVERITY_WARNING
                      : infos    ? RIG_SEVERITY_INFO
                                 : RIG_SEVERITY_NONE;
  g_autofree char *count = g_strdup_printf ("%u", errors + warnings + infos);
  g_autofree char *tooltip = NULL;

  gtk_image_set_from_icon_name (self->problems_icon, rig_problems_severity_icon (worst));
  gtk_label_set_label (self->problems_label, count);
  for (RigSeverity s = RIG_SEVERITY_INFO; s < RIG_N_SEVERITIES; s++)
    gtk_widget_remove_css_class (self->problems_button, rig_severity_to_nick (s));
  if (worst != RIG_SEVERITY_NONE)
    gtk_widget_add_css_class (self->problems_button, rig_severity_to_nick (worst));

  /* Translators: the tooltip of the problems button: "2 errors, 1 warning, 0 notes" */
  tooltip = g_strdup_printf (
      _ ("Problems: %u %s, %u %s, %u %s"), errors, ngettext ("error", "errors", errors), warnings,
      ngettext ("warning", "warnings", warnings), infos, ngettext ("note", "notes", infos));
  rig_tooltip_set_text (self->problems_button, tooltip);
  rig_window_panes_update_problems (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problems_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

void
rig_window_update_zoom_label (RigWindow *self)
{
  g_autofree char *text = g_strdup_printf ("%.0f%%", rig_canvas_get_zoom (self->canvas) * 100);

  gtk_label_set_label (self->zoom_label, text);
}

/* Undo and redo: in a text field they are the field's own. */

static void
undo_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RigWindow *self = RIG_WINDOW (widget);

  if (!forward_undo_to_text (self, "text.undo"))
    rig_history_undo (self->history);
}

static void
redo_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RigWindow *self = RIG_WINDOW (widget);

  if (!forward_undo_to_text (self, "text.redo"))
    rig_history_redo (self->history);
}

/* Selection. */

static void
select_all_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RigWindow *self = RIG_WINDOW (widget);
  g_autoptr (GStrvBuilder) devices = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) cables = g_strv_builder_new ();
  g_auto (GStrv) device_ids = NULL;
  g_auto (GStrv) cable_ids = NULL;

  if (forward_to_text (self, "selection.select-all"))
    return;

  for (guint i = 0; i < rig_document_get_n_devices (self->document); i++)
    g_strv_builder_add (devices, rig_document_get_device (self->document, i)->id);
  for (guint i = 0; i < rig_document_get_n_cables (self->document); i++)
    g_strv_builder_add (cables, rig_document_get_cable (self->document, i)->id);
  device_ids = g_strv_builder_end (devices);
  cable_ids = g_strv_builder_end (cables);
  rig_selection_set (self->selection, (const char *const *) device_ids,
                     (const char *const *) cable_ids);
}

static RigCommand *
delete_selection_command (RigWindow *self)
{
  g_auto (GStrv) devices = rig_selection_get_devices (self->selection);
  g_auto (GStrv) cables = rig_selection_get_cables (self->selection);
  g_autoptr (GPtrArray) commands = g_ptr_array_new ();
  g_autoptr (GStrvBuilder) loose = g_strv_builder_new ();
  g_auto (GStrv) loose_cables = NULL;
  guint n = g_strv_length (devices) + g_strv_length (cables);

  /* Cables on deleted devices go with them; the others on their own. */
  for (guint i = 0; cables[i] != NULL; i++)
    {
      RigCable *cable = rig_document_find_cable (self->document, cables[i]);
      if (cable != NULL && !rig_selection_has_device (self->selection, cable->device[0])
          && !rig_selection_has_device (self->selection, cable->device[1]))
        g_strv_builder_add (loose, cables[i]);
    }
  loose_cables = g_strv_builder_end (loose);
  if (loose_cables[0] != NULL)
    g_ptr_array_add (commands, rig_command_remove_cables ((const char *const *) loose_cables));
  if (devices[0] != NULL)
    g_ptr_array_add (commands, rig_command_remove_devices ((const char *const *) devices));
  if (commands->len == 0)
    return NULL;
  if (commands->len == 1)
    return g_ptr_array_steal_index (commands, 0);
  {
    g_autofree char *label
        = g_strdup_printf (ngettext ("Delete %u Object", "Delete %u Objects", n), n);
    return rig_command_group (label, (RigCommand **) commands->pdata, commands->len);
  }
}

static void
delete_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RigWindow *self = RIG_WINDOW (widget);

  if (forward_to_text (self, "selection.delete"))
    return;
  apply (self, delete_selection_command (self));
}

/* Clipboard: a fragment of the rig as .rigwire XML, offered both under its
 * own MIME type and as plain text, so it pastes between windows and into
 * other programs. */

static GBytes *
copy_selection (RigWindow *self)
{
  g_auto (GStrv) devices = rig_selection_get_devices (self->selection);

  return rig_fragment_copy (self->document, (const char *const *) devices);
}

static void
put_on_clipboard (RigWindow *self, GBytes *fragment)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  GdkContentProvider *providers[2];
  g_autoptr (GdkContentProvider) union_provider = NULL;

  providers[0] = gdk_content_provider_new_for_bytes (RIGWIRE_MIME_TYPE, fragment);
  providers[1] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", fragment);
  union_provider = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (clipboard, union_provider);
}

static void
copy_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RigWindow *self = RIG_WINDOW (widget);
  g_autoptr (GBytes) fragment = NULL;

  if (forward_to_text (self, "clipboard.copy"))
    return;

  /* In the problems list, Copy takes the problem's explanation as text. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
    if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->problems)))
      {
        g_autofree char *text = rig_problems_dup_selected_text (self->problems);
        if (text != NULL)
          gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
        return;
      }
  }

  fragment = copy_selection (self);
  if (fragment != NULL)
    put_on_clipboard (self, fragment);
}

static void
cut_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RigWindow *self = RIG_WINDOW (widget);
  g_autoptr (GBytes) fragment = NULL;
  RigCommand *command;

  if (forward_to_text (self, "clipboard.cut"))
    return;
  fragment = copy_selection (self);
  if (fragment == NULL)
    return;
  put_on_clipboard (self, fragment);
  command = delete_selection_command (self);
  apply (self, command);
}

/* Pastes @fragment offset from where it was copied, and selects the copy. */
static void
rig_window_paste_fragment (RigWindow *self, GBytes *fragment, double offset)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) new_ids = NULL;
  RigCommand *command;

  command = rig_fragment_paste_command (self->document, fragment, offset, offset, &new_ids, &error);
  if (command == NULL)
    {
      rig_window_show_error (self, _ ("Nothing to paste"), error->message);
      return;
    }
  if (!rig_history_apply (self->history, command, &error))
    {
      rig_window_show_error (self, _ ("The devices could not be pasted"), error->message);
      return;
    }
  rig_selection_set (self->selection, (const char *const *) new_ids, NULL);
}

static void
paste_text_ready_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RigWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_autoptr (GBytes) bytes = NULL;

  if (text == NULL)
    return; /* an empty clipboard, or no text: nothing to say */
  bytes = g_bytes_new (text, strlen (text));
  rig_window_paste_fragment (self, bytes, PASTE_OFFSET);
}

static void
paste_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RigWindow *self = RIG_WINDOW (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  GdkContentProvider *local = gdk_clipboard_get_content (clipboard);

  if (forward_to_text (self, "clipboard.paste"))
    return;

  /* From this process: the bytes are right here. */
  if (local != NULL)
    {
      GValue value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_STRING);
      if (gdk_content_provider_get_value (local, &value, NULL))
        {
          const char *text = g_value_get_string (&value);
          g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
          rig_window_paste_fragment (self, bytes, PASTE_OFFSET);
          g_value_unset (&value);
          return;
        }
      g_value_unset (&value);
    }
  gdk_clipboard_read_text_async (clipboard, NULL, paste_text_ready_cb, g_object_ref (self));
}

static void
duplicate_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RigWindow *self = RIG_WINDOW (widget);
  g_autoptr (GBytes) fragment = copy_selection (self);

  if (fragment != NULL)
    rig_window_paste_fragment (self, fragment, PASTE_OFFSET / 2);
}

/* Cable numbers: fix every prefix and close the gaps, as one undo step. */
static void
renumber_cables_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RigWindow *self = RIG_WINDOW (widget);

  apply (self, rig_renumber_command (self->document));
}

/* Rename (F2): the selected device's label, in the inspector (shown if
 * hidden), ready to type over. */
static void
rename_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RigWindow *self = RIG_WINDOW (widget);

  if (rig_selection_get_n_devices (self->selection) != 1
      || rig_selection_get_n_cables (self->selection) != 0)
    {
      rig_window_show_notice (self, _ ("Select one device to rename it."));
      return;
    }
  if (!gtk_widget_get_visible (self->inspector_box))
    g_action_group_activate_action (G_ACTION_GROUP (self), "show-inspector", NULL);
  rig_inspector_focus_label (self->inspector);
}

/* Tidy Up: the rig laid out by signal flow (rig-tidy.h), one move per device
 * that moves, as one undo step; NULL when everything is in place. */
static RigCommand *
tidy_up_command (RigWindow *self)
{
  g_autoptr (GHashTable) positions = rig_tidy_positions (rig_canvas_get_layout (self->canvas));
  g_autoptr (GPtrArray) moves = g_ptr_array_new ();

  for (guint i = 0; i < rig_document_get_n_devices (self->document); i++)
    {
      RigDevice *device = rig_document_get_device (self->document, i);
      const RigPoint *to = g_hash_table_lookup (positions, device->id);
      const char *ids[] = { device->id, NULL };

      if (to != NULL && (to->x != device->x || to->y != device->y))
        g_ptr_array_add (moves,
                         rig_command_move_devices (ids, to->x - device->x, to->y - device->y));
    }
  if (moves->len == 0)
    return NULL;
  return rig_command_group (_ ("Tidy Up"), (RigCommand **) moves->pdata, moves->len);
}

static void
tidy_up_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RigWindow *self = RIG_WINDOW (widget);
  RigCommand *command = tidy_up_command (self);

  if (command == NULL)
    {
      rig_window_show_notice (self, _ ("The rig is already tidy."));
      return;
    }
  apply (self, command);
  rig_canvas_zoom_to_fit (self->canvas);
}

/* View. */

static void
zoom_in_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rig_canvas_zoom_in (RIG_WINDOW (widget)->canvas);
}

static void
zoom_out_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rig_canvas_zoom_out (RIG_WINDOW (widget)->canvas);
}

static void
zoom_reset_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rig_canvas_zoom_reset (RIG_WINDOW (widget)->canvas);
}

static void
zoom_fit_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rig_canvas_zoom_to_fit (RIG_WINDOW (widget)->canvas);
}

static void
toggle_palette_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RigWindow *self = RIG_WINDOW (widget);
  /* The pane may show the outline: then F9 shows the catalog in it. */
  gboolean show = !gtk_widget_get_visible (self->palette_box) || rig_window_outline_is_shown (self);

  if (show)
    {
      rig_window_outline_show_catalog (self);
      rig_palette_focus_search (self->palette);
    }
  else
    {
      gtk_widget_set_visible (self->palette_box, FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
    }
}

static void
focus_pane_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rig_window_panes_focus_next (RIG_WINDOW (widget), g_str_equal (action_name, "win.previous-pane"));
}

static void
find_device_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RigWindow *self = RIG_WINDOW (widget);

  rig_window_outline_show_catalog (self);
  rig_palette_focus_search (self->palette);
}

/* Export and print (the wiring sheets). */

static void
export_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RigWindow *self = RIG_WINDOW (widget);

  rig_export_dialog_present (GTK_WINDOW (self), self->document, self->history, self->validator,
                             g_variant_get_string (parameter, NULL));
}

static void
print_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RigWindow *self = RIG_WINDOW (widget);

  rig_print_rig (GTK_WINDOW (self), self->document, self->validator);
}

void
rig_window_class_install_editing_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_activated);
  gtk_widget_class_install_action (widget_class, "win.select-all", NULL, select_all_activated);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "win.copy", NULL, copy_activated);
  gtk_widget_class_install_action (widget_class, "win.cut", NULL, cut_activated);
  gtk_widget_class_install_action (widget_class, "win.paste", NULL, paste_activated);
  gtk_widget_class_install_action (widget_class, "win.duplicate", NULL, duplicate_activated);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_activated);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_activated);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_reset_activated);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_fit_activated);
  gtk_widget_class_install_action (widget_class, "win.toggle-palette", NULL,
                                   toggle_palette_activated);
  gtk_widget_class_install_action (widget_class, "win.find-device", NULL, find_device_activated);
  gtk_widget_class_install_action (widget_class, "win.renumber-cables", NULL,
                                   renumber_cables_activated);
  gtk_widget_class_install_action (widget_class, "win.tidy-up", NULL, tidy_up_activated);
  gtk_widget_class_install_action (widget_class, "win.rename", NULL, rename_activated);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_activated);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "win.next-pane", NULL, focus_pane_activated);
  gtk_widget_class_install_action (widget_class, "win.previous-pane", NULL, focus_pane_activated);
}
