/* test-window-open.c: a rig file opened as the user opens one (the Open
 * dialog, the recent list, a drop) is read by a worker thread while the
 * window goes on (rig-window-open.c): the rig shown stays until the file is
 * read, and nothing the user did is ever replaced. A display test.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "rig-command.h"
#include "rig-test-app.h"
#include "rig-window-private.h"

static RigApplication *app;

typedef struct
{
  char *dir;
  char *path;
  char *bad_path;
  GFile *file;
  GFile *bad;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("rigwire-open-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "theater.rigwire", NULL);
  f->bad_path = g_build_filename (f->dir, "broken.rigwire", NULL);
  rig_test_write_example (f->path, "From the file");
  g_assert_true (g_file_set_contents (f->bad_path, "<rig>not a rig", -1, NULL));
  f->file = g_file_new_for_path (f->path);
  f->bad = g_file_new_for_path (f->bad_path);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Every window a test opened, and every dialog. */
  while (windows != NULL)
    {
      gtk_window_destroy (windows->data);
      windows = gtk_application_get_windows (GTK_APPLICATION (app));
    }
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (GTK_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (l->data);
  rig_test_flush_main_loop ();
  g_unlink (f->path);
  g_unlink (f->bad_path);
  g_rmdir (f->dir);
  g_object_unref (f->file);
  g_object_unref (f->bad);
  g_free (f->path);
  g_free (f->bad_path);
  g_free (f->dir);
}

static gboolean
done_opening (gpointer window)
{
  return !rig_window_is_opening (window);
}

static void
wait_opened (RigWindow *window)
{
  g_assert_true (rig_test_wait_for (done_opening, window, 20));
}

static gboolean
is_gone (gpointer pointer_to_window)
{
  return *(gpointer *) pointer_to_window == NULL;
}

static guint
n_windows (void)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
}

/* The window of @app other than @window, if there is one. */
static RigWindow *
other_window (RigWindow *window)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (l->data != window && RIG_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* The error dialog over @window, or NULL. */
static GtkMessageDialog *
error_dialog_over (RigWindow *window)
{
  GtkMessageDialog *found = NULL;

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (GTK_IS_MESSAGE_DIALOG (l->data)
        && gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
      found = l->data;
  return found;
}

static void
rename_rig (RigWindow *window, const char *title)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rig_history_apply (rig_window_get_history (window),
                                    rig_command_set_metadata (title, NULL, NULL), &error));
  g_assert_no_error (error);
}

/* An empty untouched window: the rig it shows stays while the file is read,
 * then the file's rig takes its place. */
static void
test_open_in_place (Fixture *f, gconstpointer data)
{
  RigWindow *window = rig_test_show_new_window (app);
  RigDocument *empty = rig_window_get_document (window);
  g_autofree char *name = NULL;

  rig_window_open_file_in_background (window, f->file);
  g_assert_true (rig_window_is_opening (window));
  g_assert_true (rig_window_get_document (window) == empty);
  /* What the spinner will say, once it shows. */
  name = g_strdup (gtk_label_get_text (window->opening_label));
  g_assert_nonnull (strstr (name, "theater.rigwire"));

  wait_opened (window);
  g_assert_true (rig_window_get_document (window) != empty);
  g_assert_cmpstr (rig_document_get_title (rig_window_get_document (window)), ==, "From the file");
  g_assert_true (g_file_equal (rig_window_get_file (window), f->file));
  g_assert_false (rig_history_is_modified (rig_window_get_history (window)));
  g_assert_false (gtk_widget_get_visible (window->opening_box));
  g_assert_cmpuint (n_windows (), ==, 1);
}

/* A window with work in it keeps it: the file opens in a new window. */
static void
test_open_beside_work (Fixture *f, gconstpointer data)
{
  RigWindow *window = rig_test_show_new_window (app);
  RigWindow *other;

  rename_rig (window, "Mine");
  rig_window_open_file_in_background (window, f->file);
  g_assert_false (rig_window_is_opening (window));
  other = other_window (window);
  g_assert_nonnull (other);
  /* The new window's empty rig is checked at once: its problems do not
   * say "Checking the rig…" while the file is read. */
  g_assert_true (rig_window_is_opening (other));
  g_assert_false (rig_validator_is_pending (other->validator));
  wait_opened (other);
  g_assert_cmpstr (rig_document_get_title (rig_window_get_document (window)), ==, "Mine");
  g_assert_true (rig_history_is_modified (rig_window_get_history (window)));
  g_assert_cmpstr (rig_document_get_title (rig_window_get_document (other)), ==, "From the file");
}

/* The user edits the rig while the file is read: the edit stays, and the
 * file opens in a new window. */
static void
test_edit_while_reading (Fixture *f, gconstpointer data)
{
  RigWindow *window = rig_test_show_new_window (app);
  RigWindow *other;

  rig_window_open_file_in_background (window, f->file);
  g_assert_true (rig_window_is_opening (window));
  /* No main loop has run: the file cannot have been shown yet. */
  rename_rig (window, "Typed meanwhile");
  wait_opened (window);
  rig_test_flush_main_loop ();

  g_assert_cmpstr (rig_document_get_title (rig_window_get_document (window)), ==,
                   "Typed meanwhile");
  other = other_window (window);
  g_assert_nonnull (other);
  g_assert_cmpstr (rig_document_get_title (rig_window_get_document (other)), ==, "From the file");
}

/* An example opened while the file is read takes the window: the file
 * opens beside it. */
static void
test_example_while_reading (Fixture *f, gconstpointer data)
{
  RigWindow *window = rig_test_show_new_window (app);
  RigWindow *other;

  rig_window_open_file_in_background (window, f->file);
  g_assert_true (rig_window_open_example (window, "home-theater.rigwire"));
  wait_opened (window);
  rig_test_flush_main_loop ();

  g_assert_null (rig_window_get_file (window));
  g_assert_cmpuint (rig_document_get_n_devices (rig_window_get_document (window)), >, 0);
  other = other_window (window);
  g_assert_nonnull (other);
  g_assert_true (g_file_equal (rig_window_get_file (other), f->file));
}

/* A broken file: the window keeps its rig, and a dialog says why. */
static void
test_broken_file (Fixture *f, gconstpointer data)
{
  RigWindow *window = rig_test_show_new_window (app);
  RigDocument *empty = rig_window_get_document (window);
  GtkMessageDialog *dialog;

  rig_window_open_file_in_background (window, f->bad);
  wait_opened (window);
  g_assert_true (rig_window_get_document (window) == empty);
  g_assert_null (rig_window_get_file (window));
  dialog = error_dialog_over (window);
  g_assert_nonnull (dialog);
  g_assert_false (gtk_widget_get_visible (window->opening_box));
}

/* A broken file opened from a window with work: the window made for it
 * goes, and the dialog shows over the window the user opened it from. */
static void
test_broken_file_beside_work (Fixture *f, gconstpointer data)
{
  RigWindow *window = rig_test_show_new_window (app);
  RigWindow *other;

  rename_rig (window, "Mine");
  rig_window_open_file_in_background (window, f->bad);
  other = other_window (window);
  g_assert_nonnull (other);
  g_object_add_weak_pointer (G_OBJECT (other), (gpointer *) &other);
  g_assert_true (rig_test_wait_for (is_gone, &other, 20));
  rig_test_flush_main_loop ();

  g_assert_cmpuint (n_windows (), ==, 1);
  g_assert_nonnull (error_dialog_over (window));
  g_assert_cmpstr (rig_document_get_title (rig_window_get_document (window)), ==, "Mine");
}

/* The window is closed while its file is read: nothing opens, nothing
 * breaks. */
static void
test_close_while_reading (Fixture *f, gconstpointer data)
{
  RigWindow *window = rig_test_show_new_window (app);

  rig_window_open_file_in_background (window, f->file);
  gtk_window_destroy (GTK_WINDOW (window));
  /* The worker's answer comes back to a closed window. */
  g_usleep (200 * 1000);
  rig_test_flush_main_loop ();
  g_assert_cmpuint (n_windows (), ==, 0);
}

int
main (int argc, char *argv[])
{
  int status;

  app = rig_test_app_init (&argc, &argv);
  if (app == NULL)
    {
      g_test_add_func ("/window-open/display", rig_test_app_no_display);
      return g_test_run ();
    }

#define ADD(path, func)                                                                            \
  g_test_add ("/window-open/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("in-place", test_open_in_place);
  ADD ("beside-work", test_open_beside_work);
  ADD ("edit-while-reading", test_edit_while_reading);
  ADD ("example-while-reading", test_example_while_reading);
  ADD ("broken-file", test_broken_file);
  ADD ("broken-file-beside-work", test_broken_file_beside_work);
  ADD ("close-while-reading", test_close_while_reading);
#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
