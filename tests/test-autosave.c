/* test-autosave.c: drafts of modified rigs, and restoring them after a crash.
 * The crash is real: a child process edits a rig and is killed with SIGKILL
 * while its draft is written; the parent then finds and restores the draft. */
#include "config.h"

#include <signal.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "rig-autosave.h"
#include "rig-command.h"
#include "rig-format.h"
#include "rig-history.h"
#include "rig-test-models.h"

static char *folder_path;

static RigDocument *
load_example (void)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  RigDocument *document;

  bytes = g_resources_lookup_data ("/io/github/rigwire/Rigwire/examples/home-theater.rigwire",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  document = rig_format_load_bytes (bytes, "home-theater.rigwire", NULL, &error);
  g_assert_no_error (error);
  return document;
}

static void
rename_rig (RigDocument *document, const char *title)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rig_history_apply (rig_test_history (document),
                                    rig_command_set_metadata (title, NULL, NULL), &error));
  g_assert_no_error (error);
}

static GFile *
fresh_folder (const char *name)
{
  g_autofree char *path = g_build_filename (folder_path, name, NULL);
  return g_file_new_for_path (path);
}

/* A change schedules a draft; the timer writes it; a save deletes it. */
static void
test_draft_follows_changes (void)
{
  g_autoptr (RigDocument) document = load_example ();
  g_autoptr (GFile) folder = fresh_folder ("follows");
  g_autoptr (RigAutosave) autosave = rig_autosave_new (rig_test_history (document), folder, 1);
  g_autoptr (GFile) draft = NULL;
  g_autoptr (GPtrArray) drafts = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *target = g_build_filename (folder_path, "follows.rigwire", NULL);
  g_autoptr (GFile) target_file = g_file_new_for_path (target);
  gint64 deadline;

  g_assert_null (rig_autosave_get_draft (autosave));
  rename_rig (document, "Work in progress");

  /* Written by the timer, a second later (bounded wait, no timing assert). */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (rig_autosave_get_draft (autosave) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  draft = rig_autosave_get_draft (autosave);
  g_assert_nonnull (draft);
  g_assert_true (g_file_query_exists (draft, NULL));

  drafts = rig_autosave_list_drafts (folder);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (((RigDraft *) g_ptr_array_index (drafts, 0))->title, ==, "Work in progress");

  /* Saving makes the file hold everything: the draft goes. */
  g_assert_true (rig_format_save_file (document, target_file, &error));
  g_assert_no_error (error);
  rig_history_set_save_point (rig_test_history (document));
  g_assert_false (g_file_query_exists (draft, NULL));
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = rig_autosave_list_drafts (folder);
  g_assert_cmpuint (drafts->len, ==, 0);
  g_unlink (target);
}

static void
test_discard (void)
{
  g_autoptr (RigDocument) document = load_example ();
  g_autoptr (GFile) folder = fresh_folder ("discard");
  g_autoptr (RigAutosave) autosave = rig_autosave_new (rig_test_history (document), folder, 600);
  g_autoptr (GPtrArray) drafts = NULL;
  g_autoptr (GError) error = NULL;

  rename_rig (document, "Scratch");
  g_assert_true (rig_autosave_flush (autosave, &error));
  g_assert_no_error (error);
  drafts = rig_autosave_list_drafts (folder);
  g_assert_cmpuint (drafts->len, ==, 1);

  rig_autosave_discard (autosave);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = rig_autosave_list_drafts (folder);
  g_assert_cmpuint (drafts->len, ==, 0);
}

/* Runs in the child: open a rig that has a file, edit it, let the draft be
 * written, then die at once, as a crash would. */
static void
crash_child (void)
{
  g_autoptr (RigDocument) document = load_example ();
  g_autoptr (GFile) folder = fresh_folder ("crash");
  g_autoptr (GFile) original = g_file_new_for_path ("/home/student/living-room.rigwire");
  RigAutosave *autosave;
  g_autoptr (GError) error = NULL;

  rig_document_set_file (document, original);
  autosave = rig_autosave_new (rig_test_history (document), folder, 600);
  rename_rig (document, "Crashed while editing");
  g_assert_true (rig_history_apply (rig_test_history (document),
                                    rig_command_remove_cables ((const char *[]){ "c3", NULL }),
                                    &error));
  g_assert_true (rig_autosave_flush (autosave, &error));
  kill (getpid (), SIGKILL);
}

static void
test_crash_and_restore (void)
{
  g_autoptr (GFile) folder = fresh_folder ("crash");
  g_autoptr (GPtrArray) drafts = NULL;
  g_autoptr (RigDocument) restored = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) after = NULL;
  RigDraft *draft;

  if (g_test_subprocess ())
    {
      crash_child ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed (); /* killed */

  drafts = rig_autosave_list_drafts (folder);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (draft->title, ==, "living-room.rigwire");
  g_assert_nonnull (draft->original);
  g_assert_cmpstr (g_file_peek_path (draft->original), ==, "/home/student/living-room.rigwire");

  restored = rig_draft_restore (draft, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rig_document_get_title (restored), ==, "Crashed while editing");
  g_assert_cmpuint (rig_document_get_n_cables (restored), ==, 6);
  g_assert_null (rig_document_find_cable (restored, "c3"));
  g_assert_true (g_file_equal (rig_document_get_file (restored), draft->original));

  /* Restoring takes the draft away. */
  after = rig_autosave_list_drafts (folder);
  g_assert_cmpuint (after->len, ==, 0);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* The crash child is a fresh process: it finds the folder by name. */
  folder_path = g_strdup (g_getenv ("RIGWIRE_TEST_AUTOSAVE_DIR"));
  if (folder_path == NULL)
    {
      folder_path = g_dir_make_tmp ("rigwire-autosave-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv ("RIGWIRE_TEST_AUTOSAVE_DIR", folder_path, TRUE);
    }

  g_test_add_func ("/autosave/draft-follows-changes", test_draft_follows_changes);
  g_test_add_func ("/autosave/discard", test_discard);
  g_test_add_func ("/autosave/crash-and-restore", test_crash_and_restore);

  status = g_test_run ();
  if (!g_test_subprocess ())
    remove_tree (folder_path);
  g_free (folder_path);
  return status;
}
