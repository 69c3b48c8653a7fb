/* rig-autosave.h: drafts of modified rigs, and recovering them after a crash.
 *
 * A RigAutosave follows one document through its history. A few seconds after each change that
 * leaves the document modified it writes a draft into the drafts folder
 * (normally $XDG_DATA_HOME/rigwire/drafts): DRAFT.rigwire with the rig, and
 * DRAFT.draft, a key file naming the file the rig belongs to. When the
 * document is saved (no longer modified) or closed on purpose, the draft is
 * deleted. Drafts still there when Rigwire starts were left by a crash, and
 * rig_autosave_list_drafts() finds them so the user can restore them.
 */
#pragma once

#include "rig-history.h"

G_BEGIN_DECLS

#define RIG_TYPE_AUTOSAVE (rig_autosave_get_type ())
G_DECLARE_FINAL_TYPE (RigAutosave, rig_autosave, RIG, AUTOSAVE, GObject)

/* The default drafts folder. Free with g_object_unref(). */
GFile *
rig_autosave_default_folder (void);

/* Follows @history's document; a draft is written @delay_seconds after a
 * change that leaves it modified. */
RigAutosave *
rig_autosave_new (RigHistory *history, GFile *folder, guint delay_seconds);

/* Writes the draft now if a write is pending (before a risky operation, in
 * tests). Returns FALSE with @error when the draft cannot be written. */
gboolean
rig_autosave_flush (RigAutosave *self, GError **error);

/* Deletes the draft (the window closes on purpose). */
void
rig_autosave_discard (RigAutosave *self);

/* The draft's rig file, or NULL before the first write. */
GFile *
rig_autosave_get_draft (RigAutosave *self);

/* A draft found in a folder. */
typedef struct
{
  GFile *draft;          /* the DRAFT.rigwire file */
  GFile *original;       /* the rig's own file, or NULL for an unsaved rig */
  char *title;           /* the rig's title or file name, for a list shown to the user */
  GDateTime *written_at; /* when the draft was written */
} RigDraft;

void
rig_draft_free (RigDraft *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RigDraft, rig_draft_free)

/* Every draft in @folder, oldest first (an empty array when there are none). */
GPtrArray *
rig_autosave_list_drafts (GFile *folder);

/* Loads a draft as a document belonging to its original file, and deletes the
 * draft (the restored rig gets its own drafts from now on). It differs from
 * its file (or has none): the caller calls rig_history_forget_save_point() on
 * the history it makes for it. */
RigDocument *
rig_draft_restore (RigDraft *draft, GError **error);

/* Deletes a draft the user chose not to restore. */
void
rig_draft_delete (RigDraft *draft);

G_END_DECLS
