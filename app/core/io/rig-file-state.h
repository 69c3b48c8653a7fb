/* rig-file-state.h: what a file on disk was like, to notice outside changes.
 *
 * The window records the state of a rig's file when it loads or saves it; a
 * draft records it too. Before saving over the file, and when a file monitor
 * or a restored draft says something happened, the recorded state is
 * compared with the file's state now: a different size, modification time or
 * content (SHA-256) means someone else changed it, and the user is asked.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _RigFileState RigFileState;

/* The state of @file now: NULL with @error set when it cannot be read (a
 * missing file is a state: "does not exist"). Reads the whole file to hash it;
 * refuses what is not a regular file. */
RigFileState *
rig_file_state_query (GFile *file, GError **error);

/* The state of a file whose content is @contents, with the size and
 * modification time of @info (G_FILE_ATTRIBUTE_STANDARD_SIZE and
 * G_FILE_ATTRIBUTE_TIME_MODIFIED with _USEC), as the loader saw it. */
RigFileState *
rig_file_state_new (GBytes *contents, GFileInfo *info);

/* A state for a file that does not exist. */
RigFileState *
rig_file_state_new_missing (void);

RigFileState *
rig_file_state_copy (const RigFileState *self);
void
rig_file_state_free (RigFileState *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RigFileState, rig_file_state_free)

gboolean
rig_file_state_equal (const RigFileState *a, const RigFileState *b);
gboolean
rig_file_state_exists (const RigFileState *self);

/* As a string, to keep in a draft's key file ("missing", or
 * "SIZE:MTIME_USEC:SHA256"), and back (NULL for a string that is not one). */
char *
rig_file_state_to_string (const RigFileState *self);
RigFileState *
rig_file_state_from_string (const char *text);

G_END_DECLS
