/* test-window.c: the application shell: RigApplication and RigWindow.
 *
 * A display test: run it under Xvfb (xvfb-run). With no display it fails.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "rig-application.h"
#include "rig-autosave.h"
#include "rig-canvas-private.h"
#include "rig-command.h"
#include "rig-history.h"
#include "rig-layout.h"
#include "rig-recent.h"
#include "rig-safe-file.h"
#include "rig-test-app.h"
#include "rig-window-private.h"
#include "rig-window.h"

static RigApplication *app;

static gboolean
class_has_action (GType type, const char *name)
{
  GtkWidgetClass *widget_class = g_type_class_ref (type);
  GType owner;
  const char *action_name;
  const GVariantType *parameter_type;
  const char *property_name;
  gboolean found = FALSE;

  for (guint i = 0; gtk_widget_class_query_action (widget_class, i, &owner, &action_name,
                                                   &parameter_type, &property_name);
       i++)
    {
      if (g_strcmp0 (action_name, name) == 0)
        {
          found = TRUE;
          break;
        }
    }

  g_type_class_unref (widget_class);
  return found;
}

static void
assert_accel (const char *action, const char *accel)
{
  g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

  g_assert_nonnull (accels);
  g_assert_true (g_strv_contains ((const char *const *) accels, accel));
}

static void
test_window_shows (void)
{
  RigWindow *window;
  GtkWidget *titlebar;

  window = rig_test_show_new_window (app);

  titlebar = gtk_window_get_titlebar (GTK_WINDOW (window));
  g_assert_nonnull (titlebar);
  g_assert_true (GTK_IS_HEADER_BAR (titlebar));
  g_assert_true (gtk_widget_get_mapped (titlebar));
  g_assert_cmpstr (gtk_window_get_icon_name (GTK_WINDOW (window)), ==, APP_ID);
  g_assert_nonnull (gtk_window_get_child (GTK_WINDOW (window)));
  g_assert_true (gtk_application_get_windows (GTK_APPLICATION (app))->data == window);

  gtk_window_destroy (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
}

static void
test_window_actions (void)
{
  static const char *const actions[]
      = { "win.close", "win.undo", "win.redo", "win.open", "win.save", "win.save-as" };

  for (gsize i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_test_message ("action %s", actions[i]);
      g_assert_true (class_has_action (RIG_TYPE_WINDOW, actions[i]));
    }
}

static void
test_app_actions (void)
{
  static const char *const actions[] = { "quit", "about", "new-window", "shortcuts" };

  for (gsize i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), actions[i]));

  assert_accel ("app.quit", "<Control>q");
  assert_accel ("app.new-window", "<Control>n");
  assert_accel ("app.shortcuts", "<Control>question");
  assert_accel ("win.close", "<Control>w");
  assert_accel ("win.undo", "<Control>z");
  assert_accel ("win.redo", "<Shift><Control>z");
  assert_accel ("win.open", "<Control>o");
  assert_accel ("win.save", "<Control>s");
  assert_accel ("win.save-as", "<Shift><Control>s");
}

static void
test_window_size_from_settings (void)
{
  g_autoptr (GSettings) settings = NULL;
  RigWindow *window;
  int width, height;

  settings = g_settings_new (APP_ID);
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  window = rig_test_show_new_window (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, g_settings_get_int (settings, "window-width"));
  g_assert_cmpint (height, ==, g_settings_get_int (settings, "window-height"));
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  /* Closing the window saves its size. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  rig_test_flush_main_loop ();
  gtk_window_close (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* The inspector and the problems list hide and show through stateful actions
 * (so the header's toggle buttons and Ctrl+I agree), and the choice is the
 * next window's default. An empty problems list takes one line; problems
 * give it back its kept height. */
static void
test_window_panes (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  RigWindow *window = rig_test_show_new_window (app);
  g_autoptr (GVariant) state = NULL;
  int empty_height, problems_height;

  assert_accel ("win.show-inspector", "<Control>i");
  g_assert_true (gtk_widget_get_visible (window->inspector_box));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-inspector", NULL);
  rig_test_flush_main_loop ();
  g_assert_false (gtk_widget_get_visible (window->inspector_box));
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "show-inspector");
  g_assert_false (g_variant_get_boolean (state));
  g_assert_false (g_settings_get_boolean (settings, "show-inspector"));

  /* A new window follows the last choice; showing it again works. */
  {
    RigWindow *second = rig_test_show_new_window (app);

    g_assert_false (gtk_widget_get_visible (second->inspector_box));
    g_action_group_activate_action (G_ACTION_GROUP (second), "show-inspector", NULL);
    g_assert_true (gtk_widget_get_visible (second->inspector_box));
    gtk_window_destroy (GTK_WINDOW (second));
  }
  g_assert_true (g_settings_get_boolean (settings, "show-inspector"));

  /* An empty rig has no problems: the list is one line high. */
  g_assert_true (gtk_widget_get_visible (window->problems_box));
  empty_height = gtk_widget_get_height (window->problems_box);
  g_assert_cmpint (empty_height, >, 0);
  g_assert_cmpint (empty_height, <, 60);

  /* Two inputs joined: an error, and the list gets its height back. */
  {
    RigCatalog *catalog = rig_catalog_get_default ();
    g_autoptr (GError) error = NULL;

    g_assert_true (rig_history_apply (
        window->history,
        rig_command_add_device (rig_catalog_lookup (catalog, "speaker-bluetooth"), "Speaker", 0, 0),
        &error));
    g_assert_true (rig_history_apply (
        window->history,
        rig_command_add_device (rig_catalog_lookup (catalog, "headphones-32"), "Phones", 300, 0),
        &error));
    g_assert_true (rig_history_apply (
        window->history, rig_command_add_cable ("d1", "aux-in", "d2", "plug", NULL, NULL), &error));
    g_assert_no_error (error);
  }
  rig_test_flush_main_loop ();
  problems_height = gtk_widget_get_height (window->problems_box);
  g_assert_cmpint (problems_height, >=, 150);

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-problems", NULL);
  g_assert_false (gtk_widget_get_visible (window->problems_box));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-problems", NULL);
  g_assert_true (gtk_widget_get_visible (window->problems_box));

  gtk_window_destroy (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
  g_settings_reset (settings, "show-inspector");
  g_settings_reset (settings, "show-problems");
}

/* Whether the inspector is as wide as it needs, inside the window: its
 * width, or -1. */
static int
inspector_fits (RigWindow *window)
{
  graphene_rect_t bounds;
  int minimum = 0;

  gtk_widget_measure (window->inspector_box, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL,
                      NULL);
  if (gtk_widget_get_width (window->inspector_box) < minimum
      || !gtk_widget_compute_bounds (window->inspector_box, GTK_WIDGET (window->inner_paned),
                                     &bounds)
      || bounds.origin.x + bounds.size.width
             > gtk_widget_get_width (GTK_WIDGET (window->inner_paned)))
    return -1;
  return gtk_widget_get_width (window->inspector_box);
}

typedef struct
{
  RigWindow *window;
  int width;
} InspectorWidth;

static gboolean
inspector_is (gpointer data)
{
  InspectorWidth *want = data;

  return inspector_fits (want->window) == want->width;
}

/* The inspector is never narrower than the page it shows: kept at a width
 * the user chose narrower than any page (150 pixels), it is as wide as the
 * rig's page, widens for a device page that needs more, inside the window,
 * and goes back after; the width kept stays the user's. Before, GtkPaned
 * put a page it had no room for past the window's right edge, where its
 * side was cut. */
static void
test_window_inspector_fits_its_page (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  RigWindow *window;
  const char *ids[] = { "d1", NULL };
  InspectorWidth want = { NULL, 0 };
  int rig_page;

  g_settings_set_int (settings, "inspector-width", 150);
  window = rig_test_show_new_window (app);
  g_assert_true (rig_history_apply (
      window->history,
      rig_command_add_device (rig_catalog_lookup (rig_catalog_get_default (), "interface-2x2"),
                              "Interface", 0, 0),
      NULL));
  rig_test_flush_main_loop ();
  rig_page = inspector_fits (window);
  g_assert_cmpint (rig_page, >, 150);
  want.window = window;

  /* The device page needs more; laid out in the frames that follow. */
  rig_selection_set (window->selection, ids, NULL);
  rig_test_flush_main_loop ();
  gtk_widget_measure (window->inspector_box, GTK_ORIENTATION_HORIZONTAL, -1, &want.width, NULL,
                      NULL, NULL);
  g_assert_cmpint (want.width, >, rig_page);
  g_assert_true (rig_test_wait_for (inspector_is, &want, 5));

  rig_selection_clear (window->selection);
  want.width = rig_page;
  g_assert_true (rig_test_wait_for (inspector_is, &want, 5));

  gtk_window_destroy (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
  g_assert_cmpint (g_settings_get_int (settings, "inspector-width"), ==, 150);
  g_settings_reset (settings, "inspector-width");
}

static gboolean
inspector_has_width (gpointer data)
{
  InspectorWidth *want = data;

  return gtk_widget_get_width (want->window->inspector_box) == want->width;
}

/* The inspector is as wide as the width kept, not a pixel less: the size
 * kept is the pane's own, the divider apart (it was 299 pixels for 300). */
static void
test_window_inspector_width_kept (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  InspectorWidth want = { NULL, 0 };

  for (guint i = 0; i < 2; i++)
    {
      if (i == 1)
        g_settings_set_int (settings, "inspector-width", 260);
      want.window = rig_test_show_new_window (app);
      want.width = g_settings_get_int (settings, "inspector-width");
      g_assert_true (rig_test_wait_for (inspector_has_width, &want, 5));
      gtk_window_destroy (GTK_WINDOW (want.window));
      rig_test_flush_main_loop ();
      g_assert_cmpint (g_settings_get_int (settings, "inspector-width"), ==, want.width);
    }
  g_settings_reset (settings, "inspector-width");
}

/* The window opens a real rig, saves it, undoes, and keeps its rig when a
 * file cannot be read. */
static void
test_window_open_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rigwire-window-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *bad_path = NULL;
  g_autofree char *stale_path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFile) bad = NULL;
  g_autoptr (GBytes) example = NULL;
  RigDocument *document;
  RigWindow *window;

  g_assert_no_error (error);
  path = g_build_filename (dir, "Living room.rigwire", NULL);
  bad_path = g_build_filename (dir, "broken.rigwire", NULL);
  example = g_resources_lookup_data ("/io/github/rigwire/Rigwire/examples/home-theater.rigwire",
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (example, NULL),
                                      g_bytes_get_size (example), NULL));
  g_assert_true (g_file_set_contents (bad_path, "<rig>not a rig", -1, NULL));
  /* What a save killed half-way leaves behind. */
  stale_path = g_build_filename (dir, ".Living room.rigwire.a1B2c3.rigwire-tmp", NULL);
  g_assert_true (g_file_set_contents (stale_path, "<rig", -1, NULL));
  file = g_file_new_for_path (path);
  bad = g_file_new_for_path (bad_path);

  window = rig_test_show_new_window (app);
  g_assert_null (rig_window_get_file (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Untitled Rig");

  g_assert_true (rig_window_open_file (window, file));
  g_assert_true (g_file_equal (rig_window_get_file (window), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Living room.rigwire");
  g_assert_false (g_file_test (stale_path, G_FILE_TEST_EXISTS));
  document = rig_window_get_document (window);
  g_assert_cmpuint (rig_document_get_n_devices (document), ==, 10);

  /* An edit marks the title; undo through the window action clears it. */
  g_assert_true (rig_history_apply (rig_window_get_history (window),
                                    rig_command_set_metadata ("Renamed", NULL, NULL), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Living room.rigwire");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (rig_document_get_title (document), ==, "Home theater");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Living room.rigwire");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (rig_document_get_title (document), ==, "Renamed");

  /* Ctrl+S saves to the same file and clears the mark. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Living room.rigwire");
  {
    g_autofree char *saved = NULL;
    g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
    g_assert_nonnull (strstr (saved, "<title>Renamed</title>"));
  }

  /* A broken file is refused; the window keeps the rig it had. */
  g_assert_false (rig_window_open_file (window, bad));
  g_assert_true (rig_window_get_document (window) == document);
  g_assert_true (g_file_equal (rig_window_get_file (window), file));

  gtk_window_destroy (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
  g_unlink (path);
  g_unlink (bad_path);
  g_rmdir (dir);
}

/* Renumber Cables gives every cable the right prefix and closes the gaps, as
 * one undo step. */
static void
test_window_renumber_cables (void)
{
  RigWindow *window = rig_test_show_new_window (app);
  RigDocument *document;
  RigHistory *history;
  g_autoptr (GError) error = NULL;

  g_assert_true (rig_window_open_example (window, "home-theater.rigwire"));
  document = rig_window_get_document (window);
  history = rig_window_get_history (window);
  g_assert_true (rig_history_apply (history, rig_command_set_cable_number ("c2", "X-17"), &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.renumber-cables", NULL));
  /* The speaker cable takes its S- prefix back, after the other speaker
   * cables, with no gap. */
  g_assert_cmpstr (rig_document_find_cable (document, "c2")->number, ==, "S-005");
  g_assert_cmpstr (rig_document_find_cable (document, "c3")->number, ==, "S-001");
  g_assert_true (rig_history_undo (history));
  g_assert_cmpstr (rig_document_find_cable (document, "c2")->number, ==, "X-17");

  gtk_window_destroy (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
}

/* Recent rigs are the desktop's: a saved rig is in GtkRecentManager with our
 * MIME type, newest first in the menu's list; a list older versions kept in
 * GSettings is carried over once. */
static void
test_recent_rigs (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rigwire-recent-XXXXXX", &error);
  g_autofree char *old = g_build_filename (dir, "old.rigwire", NULL);
  g_autofree char *saved = g_build_filename (dir, "saved.rigwire", NULL);
  g_autofree char *old_uri = g_filename_to_uri (old, NULL, NULL);
  g_autofree char *saved_uri = g_filename_to_uri (saved, NULL, NULL);
  g_autoptr (GFile) saved_file = g_file_new_for_path (saved);
  const char *legacy[] = { old_uri, NULL };
  RigWindow *window = rig_test_show_new_window (app);
  g_auto (GStrv) uris = NULL;
  GtkRecentInfo *info;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (old, "<rig/>", -1, NULL));
  g_settings_set_strv (settings, "recent-files", legacy);
  rig_recent_migrate_settings (settings);
  {
    g_auto (GStrv) left = g_settings_get_strv (settings, "recent-files");

    g_assert_cmpuint (g_strv_length (left), ==, 0);
  }

  g_usleep (1100 * 1000); /* recent items are dated to the second */
  g_assert_true (rig_window_save_to (window, saved_file));
  info = gtk_recent_manager_lookup_item (gtk_recent_manager_get_default (), saved_uri, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_recent_info_get_mime_type (info), ==, RIG_MIME_TYPE);
  gtk_recent_info_unref (info);

  uris = rig_recent_dup_uris (RIG_RECENT_MAX);
  g_assert_cmpstr (uris[0], ==, saved_uri);
  g_assert_cmpstr (uris[1], ==, old_uri);

  /* A rig that is gone is not offered. */
  g_unlink (old);
  g_clear_pointer (&uris, g_strfreev);
  uris = rig_recent_dup_uris (RIG_RECENT_MAX);
  g_assert_false (g_strv_contains ((const char *const *) uris, old_uri));

  gtk_window_destroy (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
  gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), saved_uri, NULL);
  gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), old_uri, NULL);
  g_unlink (saved);
  g_rmdir (dir);
}

/* At the next start, a save killed half-way is tidied in the folders of the
 * recent rigs, and a draft killed half-way in the drafts folder: its
 * temporary file, and nothing else (not a save under way, not a look-alike
 * name, not a draft). */
static void
test_clean_stale_saves (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rigwire-stale-XXXXXX", &error);
  g_autofree char *rig = g_build_filename (dir, "desk.rigwire", NULL);
  g_autofree char *left = g_build_filename (dir, ".desk.rigwire.Zz9Yy8.rigwire-tmp", NULL);
  g_autofree char *backup = g_build_filename (dir, ".desk.rigwire-backup", NULL);
  g_autofree char *other = g_build_filename (dir, "other.rigwire", NULL);
  g_autoptr (GFile) other_file = g_file_new_for_path (other);
  g_autoptr (GFile) rig_file = g_file_new_for_path (rig);
  g_autoptr (GFile) drafts = rig_autosave_default_folder ();
  g_autofree char *draft_left
      = g_build_filename (g_file_peek_path (drafts), ".draft-00aa.draft.Qq7Rr6.rigwire-tmp", NULL);
  g_autofree char *draft_kept
      = g_build_filename (g_file_peek_path (drafts), "draft-00aa.rigwire", NULL);
  RigSafeFile *live;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (g_file_peek_path (drafts), 0700), ==, 0);
  g_assert_true (g_file_set_contents (draft_left, "[Dra", -1, NULL));
  g_assert_true (g_file_set_contents (draft_kept, "<rig/>", -1, NULL));
  g_assert_true (g_file_set_contents (rig, "<rig/>", -1, NULL));
  g_assert_true (g_file_set_contents (left, "<ri", -1, NULL));
  g_assert_true (g_file_set_contents (backup, "mine", -1, NULL));
  live = rig_safe_file_open (other_file, &error); /* a save under way */
  g_assert_no_error (error);
  rig_recent_add (rig_file);

  rig_application_clean_stale_saves ();
  g_assert_false (g_file_test (draft_left, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (draft_kept, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (left, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (rig, G_FILE_TEST_EXISTS));
  g_assert_true (rig_safe_file_commit (live, &error)); /* its temporary file was kept */
  g_assert_no_error (error);
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));

  g_unlink (draft_kept);
  g_unlink (other);
  g_unlink (backup);
  g_unlink (rig);
  g_rmdir (dir);
}

/* A cable dragged onto the canvas where the rig cannot take it changes
 * nothing, and a notice over the canvas says why. */
static void
test_window_refused_edit_notice (void)
{
  RigWindow *window = rig_test_show_new_window (app);
  RigCanvas *canvas;
  RigPortGeometry from, to;
  double x0, y0, x1, y1;
  guint n_cables;

  g_assert_true (rig_window_open_example (window, "home-theater.rigwire"));
  canvas = window->canvas;
  rig_canvas_test_set_view (canvas, 0.5, 0, 0);
  rig_test_flush_main_loop ();
  n_cables = rig_document_get_n_cables (rig_window_get_document (window));
  g_assert_false (gtk_revealer_get_reveal_child (window->notice_revealer));

  /* The TV's optical out already holds D-001. */
  g_assert_true (rig_layout_get_port (rig_canvas_get_layout (canvas), "d1", "optical-out", &from));
  g_assert_true (rig_layout_get_port (rig_canvas_get_layout (canvas), "d2", "coax-in", &to));
  rig_canvas_canvas_to_widget (canvas, from.anchor.x, from.anchor.y, &x0, &y0);
  rig_canvas_canvas_to_widget (canvas, to.anchor.x, to.anchor.y, &x1, &y1);
  rig_canvas_test_press (canvas, x0, y0, 0);
  rig_canvas_test_motion (canvas, (x0 + x1) / 2, (y0 + y1) / 2);
  rig_canvas_test_motion (canvas, x1, y1);
  rig_canvas_test_release (canvas, x1, y1);
  rig_test_flush_main_loop ();

  g_assert_cmpuint (rig_document_get_n_cables (rig_window_get_document (window)), ==, n_cables);
  g_assert_true (gtk_revealer_get_reveal_child (window->notice_revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (window->notice_label), "D-001"));

  gtk_window_destroy (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
}

static guint
count_rig_windows (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    n += RIG_IS_WINDOW (l->data) && gtk_widget_get_visible (l->data);
  return n;
}

/* A bad file named on the command line: its own error message, and no empty
 * Untitled window beside it. */
static void
test_open_bad_file_from_command_line (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rigwire-bad-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "broken.rigwire", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GFile *files[] = { file };
  guint before = count_rig_windows ();
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (path, "<rig>not a rig", -1, NULL));
  g_application_open (G_APPLICATION (app), files, 1, "");
  rig_test_flush_main_loop ();
  g_assert_cmpuint (count_rig_windows (), ==, before);
  dialog = rig_test_find_toplevel ("open-error-dialog");
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);
  rig_test_flush_main_loop ();
  g_unlink (path);
  g_rmdir (dir);
}

/* The close question names the rig without the title's modified mark. */
static void
test_unsaved_question_names_the_rig (void)
{
  RigWindow *window = rig_test_show_new_window (app);
  g_autoptr (GError) error = NULL;
  GtkWindow *dialog;
  g_autofree char *text = NULL;

  g_assert_true (rig_history_apply (rig_window_get_history (window),
                                    rig_command_set_metadata ("Desk", NULL, NULL), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Untitled Rig");
  gtk_window_close (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
  dialog = rig_test_find_toplevel ("unsaved-dialog");
  g_assert_nonnull (dialog);
  g_object_get (dialog, "text", &text, NULL);
  g_assert_cmpstr (text, ==, "Save changes to “Untitled Rig” before closing?");
  gtk_dialog_response (GTK_DIALOG (dialog), 1 /* discard */);
  rig_test_flush_main_loop ();
}

static void
test_window_open_example (void)
{
  RigWindow *window = rig_test_show_new_window (app);

  g_assert_true (rig_window_open_example (window, "home-theater.rigwire"));
  g_assert_null (rig_window_get_file (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Home theater");
  g_assert_cmpuint (rig_document_get_n_cables (rig_window_get_document (window)), ==, 9);

  gtk_window_destroy (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
}

/* Tidy Up from the menu: one undo step (Ctrl+Shift+T), and a second one
 * finds the rig already tidy. */
static void
test_window_tidy_up (void)
{
  RigWindow *window = rig_test_show_new_window (app);
  g_autoptr (RigDocument) before = NULL;

  assert_accel ("win.tidy-up", "<Shift><Control>t");
  g_assert_true (rig_window_open_example (window, "home-theater.rigwire"));
  before = rig_document_copy (rig_window_get_document (window));
  rig_test_flush_main_loop ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tidy-up", NULL));
  g_assert_cmpstr (rig_history_get_undo_label (window->history), ==, "Tidy Up");
  g_assert_false (rig_document_content_equal (rig_window_get_document (window), before));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tidy-up", NULL));
  g_assert_true (rig_history_undo (window->history));
  g_assert_true (rig_document_content_equal (rig_window_get_document (window), before));

  gtk_window_destroy (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
}

/* F2 puts the keyboard in the selected device's label, showing the
 * inspector if it was hidden; with no single device it only says why. */
static void
test_window_rename (void)
{
  RigWindow *window = rig_test_show_new_window (app);
  GtkWidget *focus;

  assert_accel ("win.rename", "F2");
  g_assert_true (rig_window_open_example (window, "home-theater.rigwire"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-inspector", NULL);
  g_assert_false (gtk_widget_get_visible (window->inspector_box));
  rig_selection_set (window->selection, (const char *[]){ "d3", NULL }, NULL);
  rig_test_flush_main_loop ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rename", NULL));
  rig_test_flush_main_loop ();
  g_assert_true (gtk_widget_get_visible (window->inspector_box));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) != NULL || GTK_IS_ENTRY (focus));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==,
                   rig_document_find_device (rig_window_get_document (window), "d3")->label);

  gtk_window_destroy (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
  {
    g_autoptr (GSettings) settings = g_settings_new (APP_ID);
    g_settings_reset (settings, "show-inspector");
  }
}

int
main (int argc, char *argv[])
{
  int status;

  app = rig_test_app_init (&argc, &argv);
  if (app == NULL)
    {
      g_test_add_func ("/app/display", rig_test_app_no_display);
      return g_test_run ();
    }

  g_test_add_func ("/app/window/shows", test_window_shows);
  g_test_add_func ("/app/window/actions", test_window_actions);
  g_test_add_func ("/app/application/actions", test_app_actions);
  g_test_add_func ("/app/window/size-from-settings", test_window_size_from_settings);
  g_test_add_func ("/app/window/panes", test_window_panes);
  g_test_add_func ("/app/window/inspector-fits-its-page", test_window_inspector_fits_its_page);
  g_test_add_func ("/app/window/inspector-width-kept", test_window_inspector_width_kept);
  g_test_add_func ("/app/window/open-file", test_window_open_file);
  g_test_add_func ("/app/window/open-example", test_window_open_example);
  g_test_add_func ("/app/window/tidy-up", test_window_tidy_up);
  g_test_add_func ("/app/window/rename", test_window_rename);
  g_test_add_func ("/app/window/refused-edit-notice", test_window_refused_edit_notice);
  g_test_add_func ("/app/open-bad-file", test_open_bad_file_from_command_line);
  g_test_add_func ("/app/window/unsaved-question", test_unsaved_question_names_the_rig);
  g_test_add_func ("/app/window/renumber-cables", test_window_renumber_cables);
  g_test_add_func ("/app/clean-stale-saves", test_clean_stale_saves);
  g_test_add_func ("/app/recent-rigs", test_recent_rigs);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
