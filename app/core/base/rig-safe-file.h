/* rig-safe-file.h: writing a file that is either the old one or the new one.
 *
 * Everything Rigwire writes beside a user's file (a save, an export) or in
 * its data folder (drafts) goes through a temporary file in the same folder,
 * named by one pattern, ".NAME.XXXXXX.rigwire-tmp" (six letters or digits),
 * then is synced and renamed over the target. A writer holds an exclusive
 * flock() on its temporary file while it writes, so a temporary file that
 * matches the pattern exactly and that nobody holds is a leftover of a
 * killed writer: rig_safe_file_clean_folder() removes those, and nothing else.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _RigSafeFile RigSafeFile;

/* Starts writing @target (a local file; a symbolic link is written through
 * to the file it points at). The stream writes the temporary file. NULL with
 * @error (G_IO_ERROR, the system's reason) when it cannot be created. */
RigSafeFile *
rig_safe_file_open (GFile *target, GError **error);

GOutputStream *
rig_safe_file_get_stream (RigSafeFile *self);

/* Syncs the temporary file, gives it the target's permissions and group (or
 * 0666 less the umask for a new file), and renames it over the target.
 * Frees @self. On failure the target is untouched and the temporary file is
 * gone. */
gboolean
rig_safe_file_commit (RigSafeFile *self, GError **error);

/* Forgets what was written: removes the temporary file. Frees @self. */
void
rig_safe_file_abort (RigSafeFile *self);

/* Writes @bytes to @file as above. Files that have no local path go through
 * GIO's replace instead. */
gboolean
rig_safe_file_write_bytes (GFile *file, GBytes *bytes, GError **error);

/* TRUE for a name of the temporary files' pattern, exactly. */
gboolean
rig_safe_file_is_temporary (const char *basename);

/* Removes the temporary files in @folder that no writer holds. Returns how
 * many it removed. */
guint
rig_safe_file_clean_folder (GFile *folder);

G_END_DECLS
