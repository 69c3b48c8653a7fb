/* rig-autosave.h: drafts of modified rigs, and recovering them after a crash.
 *
 * A RigAutosave follows one document through its history. A few seconds after each change that
 * leaves the document modified it writes a draft into the drafts folder
 * (normally $XDG_DATA_HOME/rigwire/drafts): DRAFT.rigwire with the rig, and
 * DRAFT.draft, a key file naming the file the rig belongs to and the state
 * that file had when it was loaded or last saved. Both are written through
 * rig-safe-file, the key file last: a draft is complete once its key file is
 * there. When the document is saved (no longer modified) or closed on
 * purpose, the draft is deleted.
 *
 * A draft belongs to the running Rigwire that writes it. Each draft has a
 * lock file, DRAFT.lock, that its owner holds (an exclusive flock()) from
 * before the first write until the draft is deleted or the owner dies; the
 * kernel releases the lock of a process that dies, whatever kills it.
 * rig_autosave_list_drafts() returns only the drafts whose lock it can take:
 * those whose owner is gone, left by a crash. It keeps them locked while the
 * RigDraft lives, so no other Rigwire offers, restores or deletes them
 * meanwhile, and rig_autosave_adopt() hands a restored draft, lock and all,
 * to the autosave of the restored rig.
 *
 * A lock per draft rather than per running instance: the lock file's name
 * ties it to its draft with nothing to record, a draft can change hands
 * alone (restoring one draft of a dead instance leaves its others free), and
 * a draft and its lock come and go together.
 */
#pragma once

#include "rig-file-state.h"
#include "rig-history.h"

G_BEGIN_DECLS

#define RIG_TYPE_AUTOSAVE (rig_autosave_get_type ())
G_DECLARE_FINAL_TYPE (RigAutosave, rig_autosave, RIG, AUTOSAVE, GObject)

/* The default drafts folder. Free with g_object_unref(). */
GFile *
rig_autosave_default_folder (void);

/* Follows @history's document; a draft is written @delay_seconds after a
 * change that leaves it modified: the rig is serialized on the calling
 * thread, and its files written and synced to disk on a worker, so that a
 * big rig's draft does not stall the editor. A save or a discard that comes
 * while a draft is being written deletes it once written. */
RigAutosave *
rig_autosave_new (RigHistory *history, GFile *folder, guint delay_seconds);

/* Writes the draft now, on this thread, if a write is pending or under way
 * (before a risky operation, in tests); waits for a worker's write first.
 * Returns FALSE with @error when the draft cannot be written. */
gboolean
rig_autosave_flush (RigAutosave *self, GError **error);

/* TRUE while a worker writes a draft (until its result is back on the
 * main thread). */
gboolean
rig_autosave_is_writing (RigAutosave *self);

/* Deletes the draft (the window closes on purpose). */
void
rig_autosave_discard (RigAutosave *self);

/* The draft's rig file, or NULL before the first write. */
GFile *
rig_autosave_get_draft (RigAutosave *self);

/* The state the document's file had when it was loaded or last saved (the
 * window's record, see rig-file-state.h), kept in the draft so that a
 * restored draft knows whether its file changed since. NULL: no file, or a
 * state not known. Copied; takes effect at the next write. */
void
rig_autosave_set_file_state (RigAutosave *self, const RigFileState *state);

/* A draft found in a folder. */
typedef struct
{
  GFile *draft;          /* the DRAFT.rigwire file */
  GFile *original;       /* the rig's own file, or NULL for an unsaved rig */
  char *title;           /* the rig's title or file name, for a list shown to the user */
  GDateTime *written_at; /* when the draft was written */
  /* The state of @original when it was loaded or last saved, as the draft
   * recorded it; NULL for a draft that recorded none (older drafts). */
  RigFileState *file_state;

  /*< private >*/
  char *name;  /* "draft-<random>", the basename of its files */
  int lock_fd; /* its lock, held while the RigDraft lives; -1 once adopted or deleted */
} RigDraft;

void
rig_draft_free (RigDraft *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RigDraft, rig_draft_free)

/* Every draft in @folder whose owner is gone, oldest first (an empty array
 * when there are none). Each is locked until it is freed, adopted or
 * deleted: no other process lists it meanwhile. A live Rigwire's drafts
 * (this process's too) are never listed. */
GPtrArray *
rig_autosave_list_drafts (GFile *folder);

/* Loads a draft as a document belonging to its original file. The draft
 * stays on disk, still locked by @draft: hand it to the autosave that
 * follows the restored document with rig_autosave_adopt(), so that it is
 * there until the rig is saved, even if this process crashes too. The rig
 * differs from its file (or has none): the caller calls
 * rig_history_forget_save_point() on the history it makes for it. */
RigDocument *
rig_draft_restore (RigDraft *draft, GError **error);

/* Makes @draft (listed, and restored into @self's document) @self's own
 * draft: its files and its lock pass to @self, which writes over it from now
 * on and deletes it when the rig is saved or closed. @self must have written
 * no draft of its own. */
void
rig_autosave_adopt (RigAutosave *self, RigDraft *draft);

/* Deletes a listed draft the user chose not to restore (nothing when it was
 * adopted). */
void
rig_draft_delete (RigDraft *draft);

G_END_DECLS
