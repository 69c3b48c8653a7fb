/* test-autosave.c: drafts of modified rigs, and restoring them after a crash.
 * The crash is real: a child process edits a rig and is killed with SIGKILL
 * while its draft is written; the parent then finds and restores the draft.
 *
 * Drafts are locked with flock(), whose locks belong to an open file
 * description: a second open of a lock file in this process conflicts with
 * the first as another process's would, so a listing here sees what another
 * Rigwire would see. One test also checks it across two real processes. */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "rig-autosave.h"
#include "rig-command.h"
#include "rig-format.h"
#include "rig-history.h"
#include "rig-safe-file.h"
#include "rig-test-models.h"

/* A recorded state, as a draft stores it. */
#define STATE_TEXT                                                                                 \
  "1234:1700000000123456:"                                                                         \
  "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

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

  /* Its owner lives: no listing offers it (owner-gone tests the rest). */
  drafts = rig_autosave_list_drafts (folder);
  g_assert_cmpuint (drafts->len, ==, 0);

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

/* How many files @folder holds, hidden ones too. */
static guint
count_files (GFile *folder)
{
  g_autoptr (GDir) dir = g_dir_open (g_file_peek_path (folder), 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static gboolean
folder_has (GFile *folder, const char *name)
{
  g_autoptr (GFile) child = g_file_get_child (folder, name);
  return g_file_query_exists (child, NULL);
}

static void
test_discard (void)
{
  g_autoptr (RigDocument) document = load_example ();
  g_autoptr (GFile) folder = fresh_folder ("discard");
  g_autoptr (RigAutosave) autosave = rig_autosave_new (rig_test_history (document), folder, 600);
  g_autoptr (GPtrArray) drafts = NULL;
  g_autoptr (GError) error = NULL;

  g_autoptr (GFile) draft = NULL;

  rename_rig (document, "Scratch");
  g_assert_true (rig_autosave_flush (autosave, &error));
  g_assert_no_error (error);
  draft = rig_autosave_get_draft (autosave);
  g_assert_nonnull (draft);
  g_assert_cmpuint (count_files (folder), ==, 3); /* rig, key file, lock */

  rig_autosave_discard (autosave);
  g_assert_false (g_file_query_exists (draft, NULL));
  g_assert_cmpuint (count_files (folder), ==, 0);
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

  g_autoptr (RigFileState) state = rig_file_state_from_string (STATE_TEXT);

  rig_document_set_file (document, original);
  autosave = rig_autosave_new (rig_test_history (document), folder, 600);
  rig_autosave_set_file_state (autosave, state);
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
  {
    g_autoptr (RigFileState) state = rig_file_state_from_string (STATE_TEXT);
    g_assert_nonnull (draft->file_state);
    g_assert_true (rig_file_state_equal (draft->file_state, state));
  }

  restored = rig_draft_restore (draft, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rig_document_get_title (restored), ==, "Crashed while editing");
  g_assert_cmpuint (rig_document_get_n_cables (restored), ==,
                    8); /* the home theater's 9 cables, less c3 */
  g_assert_null (rig_document_find_cable (restored, "c3"));
  g_assert_true (g_file_equal (rig_document_get_file (restored), draft->original));

  /* Restoring takes the draft over: no one else lists it. */
  after = rig_autosave_list_drafts (folder);
  g_assert_cmpuint (after->len, ==, 0);
}

/* An autosave with a draft written, of the example rig with file @path,
 * recording @state. */
static RigAutosave *
autosave_with_draft (RigDocument *document, GFile *folder, const char *path, const char *state)
{
  g_autoptr (GFile) original = g_file_new_for_path (path);
  g_autoptr (RigFileState) recorded = rig_file_state_from_string (state);
  g_autoptr (GError) error = NULL;
  RigAutosave *autosave;

  rig_document_set_file (document, original);
  autosave = rig_autosave_new (rig_test_history (document), folder, 600);
  rig_autosave_set_file_state (autosave, recorded);
  rename_rig (document, "Mine");
  g_assert_true (rig_autosave_flush (autosave, &error));
  g_assert_no_error (error);
  return autosave;
}

/* A draft is listed once its owner is gone, is held by whoever listed it,
 * passes with its lock and its recorded state to the autosave that adopts
 * it, and is left again when that one goes. */
static void
test_owner_gone (void)
{
  g_autoptr (RigDocument) document = load_example ();
  g_autoptr (GFile) folder = fresh_folder ("owner-gone");
  g_autoptr (RigAutosave) autosave = NULL;
  g_autoptr (RigAutosave) adopter = NULL;
  g_autoptr (GPtrArray) drafts = NULL;
  g_autoptr (GPtrArray) other = NULL;
  g_autoptr (RigDocument) restored = NULL;
  g_autoptr (RigFileState) state = rig_file_state_from_string (STATE_TEXT);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  RigDraft *draft;

  autosave = autosave_with_draft (document, folder, "/srv/rigs/stage.rigwire", STATE_TEXT);
  name = g_file_get_basename (rig_autosave_get_draft (autosave));
  drafts = rig_autosave_list_drafts (folder);
  g_assert_cmpuint (drafts->len, ==, 0);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  /* The owner goes without deleting it (as a crash would). */
  g_clear_object (&autosave);
  drafts = rig_autosave_list_drafts (folder);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (draft->title, ==, "stage.rigwire");
  g_assert_nonnull (draft->file_state);
  g_assert_true (rig_file_state_equal (draft->file_state, state));

  /* While this listing holds it, another sees nothing and cannot delete it. */
  other = rig_autosave_list_drafts (folder);
  g_assert_cmpuint (other->len, ==, 0);

  restored = rig_draft_restore (draft, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rig_document_get_title (restored), ==, "Mine");
  adopter = rig_autosave_new (rig_test_history (restored), folder, 600);
  rig_autosave_adopt (adopter, draft);
  rig_draft_delete (draft); /* adopted: no longer the listing's to delete */
  g_clear_pointer (&drafts, g_ptr_array_unref);
  g_assert_true (folder_has (folder, name));
  drafts = rig_autosave_list_drafts (folder);
  g_assert_cmpuint (drafts->len, ==, 0);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  /* The adopter writes over the same draft, keeping the recorded state. */
  rename_rig (restored, "Mine, again");
  g_assert_true (rig_autosave_flush (adopter, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (folder), ==, 3);
  g_clear_object (&adopter);
  drafts = rig_autosave_list_drafts (folder);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);
  g_assert_true (rig_file_state_equal (draft->file_state, state));
  g_clear_object (&restored);
  restored = rig_draft_restore (draft, &error);
  g_assert_cmpstr (rig_document_get_title (restored), ==, "Mine, again");

  /* Deleting a listed draft removes its three files. */
  rig_draft_delete (draft);
  g_assert_cmpuint (count_files (folder), ==, 0);
}

/* Another process lists the folder while this one's draft is live: it sees
 * nothing, and the draft stays. */
static void
test_other_process (void)
{
  g_autoptr (GFile) folder = fresh_folder ("other-process");
  g_autoptr (RigDocument) document = NULL;
  g_autoptr (RigAutosave) autosave = NULL;
  g_autoptr (GPtrArray) drafts = NULL;

  if (g_test_subprocess ())
    {
      drafts = rig_autosave_list_drafts (folder);
      g_assert_cmpuint (drafts->len, ==, 0);
      g_assert_cmpuint (count_files (folder), ==, 3);
      return;
    }
  document = load_example ();
  autosave = autosave_with_draft (document, folder, "/srv/rigs/live.rigwire", STATE_TEXT);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_assert_true (g_file_query_exists (rig_autosave_get_draft (autosave), NULL));

  /* Once it is gone, the next process sees it. */
  g_clear_object (&autosave);
  drafts = rig_autosave_list_drafts (folder);
  g_assert_cmpuint (drafts->len, ==, 1);
  rig_draft_delete (g_ptr_array_index (drafts, 0));
}

/* Drafts go through rig-safe-file: no temporary file is left, and a killed
 * writer's leftover is cleaned without touching the drafts. */
static void
test_safe_writes (void)
{
  g_autoptr (RigDocument) document = load_example ();
  g_autoptr (GFile) folder = fresh_folder ("safe");
  g_autoptr (RigAutosave) autosave = NULL;
  g_autoptr (GFile) leftover = NULL;
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autofree char *name = NULL;
  g_autofree char *info = NULL;
  g_autofree char *state = NULL;

  autosave = autosave_with_draft (document, folder, "/srv/rigs/safe.rigwire", STATE_TEXT);
  g_assert_cmpuint (count_files (folder), ==, 3);

  /* The key file's keys. */
  name = g_file_get_basename (rig_autosave_get_draft (autosave));
  info = g_build_filename (g_file_peek_path (folder), name, NULL);
  strcpy (info + strlen (info) - strlen (".rigwire"), ".draft");
  g_assert_true (g_key_file_load_from_file (key_file, info, G_KEY_FILE_NONE, NULL));
  state = g_key_file_get_string (key_file, "Draft", "FileState", NULL);
  g_assert_cmpstr (state, ==, STATE_TEXT);
  g_assert_true (g_key_file_has_key (key_file, "Draft", "File", NULL));
  g_assert_true (g_key_file_has_key (key_file, "Draft", "Title", NULL));
  g_assert_true (g_key_file_has_key (key_file, "Draft", "Written", NULL));

  leftover = g_file_get_child (folder, ".draft-0000.draft.Ab12Cd.rigwire-tmp");
  g_assert_true (g_file_replace_contents (leftover, "[Dr", 3, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                          NULL, NULL));
  g_assert_cmpuint (rig_safe_file_clean_folder (folder), ==, 1);
  g_assert_cmpuint (count_files (folder), ==, 3);
  rig_autosave_discard (autosave);
}

/* A draft written before drafts recorded the file's state still lists, with
 * no state; so does one whose state does not parse. */
static void
test_draft_without_state (void)
{
  g_autoptr (GFile) folder = fresh_folder ("no-state");
  const char *states[] = { NULL, "not a state" };

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_autoptr (GKeyFile) key_file = g_key_file_new ();
      g_autoptr (GFile) rig = g_file_get_child (folder, "draft-00000000000000aa.rigwire");
      g_autoptr (GFile) info = g_file_get_child (folder, "draft-00000000000000aa.draft");
      g_autoptr (GPtrArray) drafts = NULL;
      g_autoptr (GError) error = NULL;
      RigDraft *draft;

      g_mkdir_with_parents (g_file_peek_path (folder), 0700);
      g_key_file_set_string (key_file, "Draft", "File", "file:///srv/rigs/old.rigwire");
      g_key_file_set_string (key_file, "Draft", "Title", "Old");
      g_key_file_set_string (key_file, "Draft", "Written", "2025-01-02T03:04:05Z");
      if (states[i] != NULL)
        g_key_file_set_string (key_file, "Draft", "FileState", states[i]);
      g_assert_true (g_key_file_save_to_file (key_file, g_file_peek_path (info), &error));
      g_assert_true (g_file_replace_contents (rig, "<rig/>", 6, NULL, FALSE, G_FILE_CREATE_NONE,
                                              NULL, NULL, &error));
      g_assert_no_error (error);

      drafts = rig_autosave_list_drafts (folder);
      g_assert_cmpuint (drafts->len, ==, 1);
      draft = g_ptr_array_index (drafts, 0);
      g_assert_cmpstr (draft->title, ==, "old.rigwire");
      g_assert_null (draft->file_state);
      rig_draft_delete (draft);
      g_assert_cmpuint (count_files (folder), ==, 0);
    }
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

/* Runs the main loop until @autosave is (@writing) or is no longer writing
 * a draft. When its timer has handed a draft to its worker, the worker's
 * result comes back in a later iteration (a source it adds is not
 * dispatched in the iteration that added it): so when this returns with
 * @writing, the draft is on its way and not done, whatever the machine. */
static void
wait_for_writing (RigAutosave *autosave, gboolean writing)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (rig_autosave_is_writing (autosave) != writing && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (rig_autosave_is_writing (autosave), ==, writing);
}

/* Drafts are written on a worker; a save or a discard that comes while
 * one is being written leaves no draft behind once it is done, and a
 * change that comes meanwhile is written after it. */
static void
test_saved_while_writing (void)
{
  g_autoptr (RigDocument) document = load_example ();
  g_autoptr (GFile) folder = fresh_folder ("saved-while-writing");
  RigHistory *history = rig_test_history (document);
  g_autoptr (RigAutosave) autosave = rig_autosave_new (history, folder, 1);

  rename_rig (document, "Being written");
  wait_for_writing (autosave, TRUE);
  rig_history_set_save_point (history);
  g_assert_true (rig_autosave_is_writing (autosave));
  wait_for_writing (autosave, FALSE);
  g_assert_null (rig_autosave_get_draft (autosave));
  g_assert_cmpuint (count_files (folder), ==, 0);
}

static void
test_discarded_while_writing (void)
{
  g_autoptr (RigDocument) document = load_example ();
  g_autoptr (GFile) folder = fresh_folder ("discarded-while-writing");
  g_autoptr (RigAutosave) autosave = rig_autosave_new (rig_test_history (document), folder, 1);

  rename_rig (document, "Thrown away");
  wait_for_writing (autosave, TRUE);
  rig_autosave_discard (autosave);
  wait_for_writing (autosave, FALSE);
  g_assert_null (rig_autosave_get_draft (autosave));
  g_assert_cmpuint (count_files (folder), ==, 0);
}

static void
test_changed_while_writing (void)
{
  g_autoptr (RigDocument) document = load_example ();
  g_autoptr (GFile) folder = fresh_folder ("changed-while-writing");
  g_autoptr (RigAutosave) autosave = rig_autosave_new (rig_test_history (document), folder, 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) draft = NULL;
  gint64 deadline;

  rename_rig (document, "First");
  wait_for_writing (autosave, TRUE);
  rename_rig (document, "Second");
  /* The first draft, then the second: the last one on disk is "Second". */
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      g_clear_object (&draft);
      g_main_context_iteration (NULL, TRUE);
      if (rig_autosave_is_writing (autosave) || rig_autosave_get_draft (autosave) == NULL)
        continue;
      draft = rig_format_load_file (rig_autosave_get_draft (autosave), rig_catalog_get_default (),
                                    &error);
      g_assert_no_error (error);
      if (g_strcmp0 (rig_document_get_title (draft), "Second") == 0)
        break;
    }
  g_assert_nonnull (draft);
  g_assert_cmpstr (rig_document_get_title (draft), ==, "Second");
  rig_autosave_discard (autosave);
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
  g_test_add_func ("/autosave/owner-gone", test_owner_gone);
  g_test_add_func ("/autosave/other-process", test_other_process);
  g_test_add_func ("/autosave/safe-writes", test_safe_writes);
  g_test_add_func ("/autosave/draft-without-state", test_draft_without_state);
  g_test_add_func ("/autosave/saved-while-writing", test_saved_while_writing);
  g_test_add_func ("/autosave/discarded-while-writing", test_discarded_while_writing);
  g_test_add_func ("/autosave/changed-while-writing", test_changed_while_writing);

  status = g_test_run ();
  if (!g_test_subprocess ())
    remove_tree (folder_path);
  g_free (folder_path);
  return status;
}
