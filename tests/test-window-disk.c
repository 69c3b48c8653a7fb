/* test-window-disk.c: a rig's file changed on disk by another program.
 *
 * The window notices (an info bar offers to reload), and saving over the
 * outside change asks first. A display test: run it under Xvfb.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "rig-command.h"
#include "rig-test-app.h"
#include "rig-window-private.h"

static RigApplication *app;

typedef struct
{
  char *dir;
  char *path;
  GFile *file;
  RigWindow *window;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("rigwire-disk-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "theater.rigwire", NULL);
  f->file = g_file_new_for_path (f->path);
  rig_test_write_example (f->path, "Home theater");
  f->window = rig_test_show_new_window (app);
  g_assert_true (rig_window_open_file (f->window, f->file));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  rig_test_flush_main_loop ();
  g_unlink (f->path);
  g_rmdir (f->dir);
  g_object_unref (f->file);
  g_free (f->path);
  g_free (f->dir);
}

static void
rename_rig (Fixture *f, const char *title)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rig_history_apply (rig_window_get_history (f->window),
                                    rig_command_set_metadata (title, NULL, NULL), &error));
  g_assert_no_error (error);
}

static gboolean
window_done_opening (gpointer data)
{
  return !rig_window_is_opening (data);
}

/* Answers the conflict question that win.save raised. */
static void
answer_conflict (int response)
{
  rig_test_answer_dialog ("disk-conflict-dialog", response);
}

/* Another program saves the file: the bar says so, and Reload loads it. */
static void
test_changed_outside_reload (Fixture *f, gconstpointer data)
{
  g_assert_false (rig_test_disk_bar_revealed (f->window));
  rig_test_write_example (f->path, "Changed elsewhere");
  g_assert_true (rig_test_wait_for (rig_test_disk_bar_revealed, f->window, 10));
  g_assert_nonnull (strstr (gtk_label_get_label (f->window->disk_label), "another program"));
  g_assert_true (gtk_widget_get_visible (f->window->disk_reload_button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (f->window->disk_reload_button)), ==,
                   "_Reload");

  /* The file is read in the background: the rig stays until it is read. */
  gtk_info_bar_response (f->window->disk_bar, RIG_WINDOW_DISK_RELOAD);
  g_assert_true (rig_window_is_opening (f->window));
  g_assert_true (rig_test_wait_for (window_done_opening, f->window, 10));
  g_assert_cmpstr (rig_document_get_title (rig_window_get_document (f->window)), ==,
                   "Changed elsewhere");
  g_assert_false (rig_test_disk_bar_revealed (f->window));
  g_assert_false (rig_history_is_modified (rig_window_get_history (f->window)));
}

/* With unsaved changes the bar says that reloading discards them. */
static void
test_changed_outside_while_modified (Fixture *f, gconstpointer data)
{
  rename_rig (f, "Mine");
  rig_test_write_example (f->path, "Changed elsewhere");
  g_assert_true (rig_test_wait_for (rig_test_disk_bar_revealed, f->window, 10));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (f->window->disk_reload_button)), ==,
                   "_Discard Changes and Reload");
}

/* The file is deleted: the bar says so and offers no reload. */
static void
test_deleted_outside (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  g_assert_true (rig_test_wait_for (rig_test_disk_bar_revealed, f->window, 10));
  g_assert_nonnull (strstr (gtk_label_get_label (f->window->disk_label), "deleted or moved"));
  g_assert_false (gtk_widget_get_visible (f->window->disk_reload_button));
}

/* Saving over an outside change asks; Cancel writes nothing, Save Anyway
 * writes the rig. */
static void
test_save_over_outside_change (Fixture *f, gconstpointer data)
{

  rename_rig (f, "Mine");
  rig_test_write_example (f->path, "Changed elsewhere");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  answer_conflict (GTK_RESPONSE_CANCEL);
  g_assert_true (rig_test_file_has_title (f->path, "Changed elsewhere"));
  g_assert_true (rig_history_is_modified (rig_window_get_history (f->window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  answer_conflict (RIG_WINDOW_DISK_SAVE_ANYWAY);
  g_assert_true (rig_test_file_has_title (f->path, "Mine"));
  g_assert_false (rig_history_is_modified (rig_window_get_history (f->window)));

  /* The window's own save is not an outside change: saving again asks
   * nothing. */
  g_assert_false (rig_window_disk_has_changed (f->window));
}

/* ... and Reload takes the file's content instead. */
static void
test_save_conflict_reload (Fixture *f, gconstpointer data)
{
  rename_rig (f, "Mine");
  rig_test_write_example (f->path, "Changed elsewhere");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  answer_conflict (RIG_WINDOW_DISK_RELOAD);
  g_assert_true (rig_test_wait_for (window_done_opening, f->window, 10));
  g_assert_cmpstr (rig_document_get_title (rig_window_get_document (f->window)), ==,
                   "Changed elsewhere");
  g_assert_false (rig_history_is_modified (rig_window_get_history (f->window)));
}

/* Nothing changed outside: Save just saves. */
static void
test_save_without_conflict (Fixture *f, gconstpointer data)
{

  rename_rig (f, "Mine");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  rig_test_flush_main_loop ();
  g_assert_null (rig_test_find_toplevel ("disk-conflict-dialog"));
  g_assert_true (rig_test_file_has_title (f->path, "Mine"));
}

int
main (int argc, char *argv[])
{
  int status;

  app = rig_test_app_init (&argc, &argv);
  if (app == NULL)
    {
      g_test_add_func ("/window/disk/display", rig_test_app_no_display);
      return g_test_run ();
    }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/window/disk/changed-outside-reload", test_changed_outside_reload);
  ADD ("/window/disk/changed-outside-while-modified", test_changed_outside_while_modified);
  ADD ("/window/disk/deleted-outside", test_deleted_outside);
  ADD ("/window/disk/save-over-outside-change", test_save_over_outside_change);
  ADD ("/window/disk/save-conflict-reload", test_save_conflict_reload);
  ADD ("/window/disk/save-without-conflict", test_save_without_conflict);
#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
