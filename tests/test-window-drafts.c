/* test-window-drafts.c: restoring drafts in a window, and drafts of two
 * running instances.
 *
 * A draft records the state its file had when the rig was loaded or last
 * saved. Restored over a file another program changed since, the window
 * shows the changed-on-disk bar at once and saving asks first; restored over
 * the same file, it just saves. A running window's draft is locked: a
 * listing of the same folder, which is what a second Rigwire sees, never
 * offers it. (flock() locks belong to an open file description, so a second
 * open in this process conflicts with the window's as another process's
 * would; tests/test-autosave.c checks it across two processes too.)
 *
 * A display test: run it under Xvfb.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "rig-catalog.h"
#include "rig-command.h"
#include "rig-format.h"
#include "rig-test-app.h"
#include "rig-window-private.h"

static RigApplication *app;

typedef struct
{
  char *dir;
  char *path;
  GFile *file;
  GFile *drafts;      /* the drafts folder every window uses */
  RigWindow *window;  /* the window under test, or NULL */
  GPtrArray *listing; /* the last listing of the drafts folder */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("rigwire-drafts-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "stage.rigwire", NULL);
  f->file = g_file_new_for_path (f->path);
  f->drafts = rig_autosave_default_folder ();
  rig_test_write_example (f->path, "Home theater");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->window != NULL)
    {
      rig_autosave_discard (f->window->autosave);
      gtk_window_destroy (GTK_WINDOW (f->window));
      rig_test_flush_main_loop ();
    }
  g_clear_pointer (&f->listing, g_ptr_array_unref);
  g_unlink (f->path);
  g_rmdir (f->dir);
  g_object_unref (f->drafts);
  g_object_unref (f->file);
  g_free (f->path);
  g_free (f->dir);
}

/* Lists the drafts folder (dropping the previous listing's locks) and
 * returns the draft of this test's file, or NULL. */
static RigDraft *
list_draft (Fixture *f)
{
  g_clear_pointer (&f->listing, g_ptr_array_unref);
  f->listing = rig_autosave_list_drafts (f->drafts);
  for (guint i = 0; i < f->listing->len; i++)
    {
      RigDraft *draft = g_ptr_array_index (f->listing, i);
      if (draft->original != NULL && g_file_equal (draft->original, f->file))
        return draft;
    }
  return NULL;
}

/* What a crashed Rigwire leaves: the rig loaded from the file (whose state
 * it recorded then), retitled @title, its draft written, its owner gone. */
static void
leave_draft (Fixture *f, const char *title)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) document
      = rig_format_load_file (f->file, rig_catalog_get_default (), &error);
  g_autoptr (RigHistory) history = rig_history_new (document);
  g_autoptr (RigFileState) state = rig_file_state_query (f->file, &error);
  g_autoptr (RigAutosave) autosave = rig_autosave_new (history, f->drafts, 600);

  g_assert_no_error (error);
  rig_autosave_set_file_state (autosave, state);
  g_assert_true (rig_history_apply (history, rig_command_set_metadata (title, NULL, NULL), &error));
  g_assert_true (rig_autosave_flush (autosave, &error));
  g_assert_no_error (error);
}

/* Restores the draft of this test's file into a new window. */
static void
restore (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  RigDraft *draft = list_draft (f);

  g_assert_nonnull (draft);
  f->window = rig_test_show_new_window (app);
  g_assert_true (rig_window_restore_draft (f->window, draft, &error));
  g_assert_no_error (error);
  g_assert_true (rig_history_is_modified (rig_window_get_history (f->window)));
  g_assert_true (g_file_equal (rig_window_get_file (f->window), f->file));
}

static void
save (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  rig_test_flush_main_loop ();
}

/* Restored over a file changed since: the bar at once, and Save asks. */
static void
test_restore_over_changed_file (Fixture *f, gconstpointer data)
{

  leave_draft (f, "Mine");
  rig_test_write_example (f->path, "Changed elsewhere");
  restore (f);
  g_assert_cmpstr (rig_document_get_title (rig_window_get_document (f->window)), ==, "Mine");

  /* Shown now, before any file monitor could say anything. */
  g_assert_true (rig_test_disk_bar_revealed (f->window));
  g_assert_nonnull (strstr (gtk_label_get_label (f->window->disk_label), "another program"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (f->window->disk_reload_button)), ==,
                   "_Discard Changes and Reload");

  /* The restoring window took the draft over: no one else lists it. */
  g_assert_null (list_draft (f));

  save (f);
  rig_test_answer_dialog ("disk-conflict-dialog", GTK_RESPONSE_CANCEL);
  g_assert_true (rig_test_file_has_title (f->path, "Changed elsewhere"));

  save (f);
  rig_test_answer_dialog ("disk-conflict-dialog", RIG_WINDOW_DISK_SAVE_ANYWAY);
  g_assert_true (rig_test_file_has_title (f->path, "Mine"));
  g_assert_false (rig_history_is_modified (rig_window_get_history (f->window)));
  g_assert_null (rig_autosave_get_draft (f->window->autosave)); /* saved: the draft went */
}

/* Restored over a file deleted since: the bar says so. */
static void
test_restore_over_deleted_file (Fixture *f, gconstpointer data)
{
  leave_draft (f, "Mine");
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  restore (f);
  g_assert_true (rig_test_disk_bar_revealed (f->window));
  g_assert_nonnull (strstr (gtk_label_get_label (f->window->disk_label), "deleted or moved"));
}

/* Restored over the file as it was: no bar, Save just saves and the draft
 * goes. */
static void
test_restore_over_same_file (Fixture *f, gconstpointer data)
{

  leave_draft (f, "Mine");
  restore (f);
  g_assert_false (rig_test_disk_bar_revealed (f->window));
  g_assert_nonnull (rig_autosave_get_draft (f->window->autosave));

  save (f);
  g_assert_null (rig_test_find_toplevel ("disk-conflict-dialog"));
  g_assert_true (rig_test_file_has_title (f->path, "Mine"));
  g_assert_null (rig_autosave_get_draft (f->window->autosave));
  g_assert_null (list_draft (f));
}

/* The path of the key file beside the draft's rig file @draft. */
static char *
key_file_path (GFile *draft)
{
  g_autofree char *rig_path = g_file_get_path (draft);
  g_autofree char *stem = g_strndup (rig_path, strlen (rig_path) - strlen (".rigwire"));

  return g_strconcat (stem, ".draft", NULL);
}

/* Removes the FileState key from the draft of this test's file, as a draft
 * written before drafts recorded it. */
static void
forget_recorded_state (Fixture *f)
{
  g_autofree char *info = key_file_path (list_draft (f)->draft);
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (g_key_file_load_from_file (key_file, info, G_KEY_FILE_NONE, &error));
  g_assert_true (g_key_file_remove_key (key_file, "Draft", "FileState", &error));
  g_assert_true (g_key_file_save_to_file (key_file, info, &error));
  g_assert_no_error (error);
}

/* An older draft recorded no state: the file is unknown. No bar; Save asks
 * while the file exists, and just saves when it does not. */
static void
test_restore_without_state (Fixture *f, gconstpointer data)
{

  leave_draft (f, "Mine");
  forget_recorded_state (f);
  restore (f);
  g_assert_false (rig_test_disk_bar_revealed (f->window));

  save (f);
  rig_test_answer_dialog ("disk-conflict-dialog", RIG_WINDOW_DISK_SAVE_ANYWAY);
  g_assert_true (rig_test_file_has_title (f->path, "Mine"));
}

static void
test_restore_without_state_no_file (Fixture *f, gconstpointer data)
{
  leave_draft (f, "Mine");
  forget_recorded_state (f);
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  restore (f);
  g_assert_false (rig_test_disk_bar_revealed (f->window));

  save (f);
  g_assert_null (rig_test_find_toplevel ("disk-conflict-dialog"));
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

/* The FileState a draft records is the one the window recorded at load. */
static void
assert_draft_records_load_state (Fixture *f, GFile *draft)
{
  g_autofree char *info = key_file_path (draft);
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autofree char *recorded = NULL;
  g_autofree char *expected = rig_file_state_to_string (f->window->disk_state);

  g_assert_true (g_key_file_load_from_file (key_file, info, G_KEY_FILE_NONE, NULL));
  recorded = g_key_file_get_string (key_file, "Draft", "FileState", NULL);
  g_assert_cmpstr (recorded, ==, expected);
}

static gboolean
is_null (gpointer pointer)
{
  return *(gpointer *) pointer == NULL;
}

/* Two instances: the window's draft is live, so a listing of the same
 * folder (the second instance's view) offers none of it, before or after
 * another draft is written; when the window goes without closing (a crash),
 * the next listing offers it. */
static void
test_two_instances (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) draft = NULL;
  RigAutosave *autosave;
  RigDraft *listed;

  f->window = rig_test_show_new_window (app);
  g_assert_true (rig_window_open_file (f->window, f->file));
  g_assert_true (rig_history_apply (rig_window_get_history (f->window),
                                    rig_command_set_metadata ("Live", NULL, NULL), &error));
  g_assert_true (rig_autosave_flush (f->window->autosave, &error));
  g_assert_no_error (error);
  draft = rig_autosave_get_draft (f->window->autosave);
  g_assert_nonnull (draft);
  assert_draft_records_load_state (f, draft);

  g_assert_null (list_draft (f));
  for (guint i = 0; i < f->listing->len; i++)
    g_assert_false (g_file_equal (((RigDraft *) g_ptr_array_index (f->listing, i))->draft, draft));
  g_assert_true (g_file_query_exists (draft, NULL));

  /* The first instance goes without closing the window: its draft stays,
   * unlocked once the window's autosave is gone. */
  autosave = f->window->autosave;
  g_object_add_weak_pointer (G_OBJECT (autosave), (gpointer *) &autosave);
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  g_assert_true (rig_test_wait_for (is_null, &autosave, 5));
  listed = list_draft (f);
  g_assert_nonnull (listed);
  g_assert_true (g_file_equal (listed->draft, draft));
  rig_draft_delete (listed);
  g_assert_false (g_file_query_exists (draft, NULL));
}

int
main (int argc, char *argv[])
{
  int status;

  app = rig_test_app_init (&argc, &argv);
  if (app == NULL)
    {
      g_test_add_func ("/window/drafts/display", rig_test_app_no_display);
      return g_test_run ();
    }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/window/drafts/restore-over-changed-file", test_restore_over_changed_file);
  ADD ("/window/drafts/restore-over-deleted-file", test_restore_over_deleted_file);
  ADD ("/window/drafts/restore-over-same-file", test_restore_over_same_file);
  ADD ("/window/drafts/restore-without-state", test_restore_without_state);
  ADD ("/window/drafts/restore-without-state-no-file", test_restore_without_state_no_file);
  ADD ("/window/drafts/two-instances", test_two_instances);
#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
