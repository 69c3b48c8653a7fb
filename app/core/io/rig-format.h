/* rig-format.h: the .rigwire file format (schemas/rigwire.rng).
 *
 * Loading treats every file as untrusted (rig-xml.h). Saving is deterministic
 * (load then save gives the same bytes) and atomic.
 */
#pragma once

#include "rig-catalog.h"
#include "rig-document.h"
#include "rig-file-state.h"

G_BEGIN_DECLS

#define RIG_FORMAT_VERSION 1

/* Models embedded in the file are used first; @catalog (may be NULL) supplies
 * models a hand-written file names without embedding. Every failure sets a
 * RIG_ERROR with the file name, the line where known and a plain sentence. */
RigDocument *
rig_format_load_bytes (GBytes *bytes, const char *display_name, RigCatalog *catalog,
                       GError **error);

/* Gives a rig loaded from one of the built-in examples its title and notes in
 * the user's language (rig-catalog-text.h), without a change to undo; the
 * models translate at display as everywhere. Only for the examples: a user's
 * own rig keeps the words its author wrote. */
void
rig_format_translate_example (RigDocument *document);
RigDocument *
rig_format_load_file (GFile *file, RigCatalog *catalog, GError **error);
/* The same, and sets @state (transfer full) to the state of the bytes it
 * read (rig-file-state.h), to notice later changes made by others. */
RigDocument *
rig_format_load_file_with_state (GFile *file, RigCatalog *catalog, RigFileState **state,
                                 GError **error);

/* The document as .rigwire XML (UTF-8, deterministic). */
GBytes *
rig_format_save_bytes (RigDocument *document);

/* Writes atomically: a temporary file in the same folder, fsync, rename over
 * the target, keeping the target's permissions. On failure the target is
 * untouched and no temporary file is left. Sets the document's file; the
 * caller marks its history's save point. */
gboolean
rig_format_save_file (RigDocument *document, GFile *file, GError **error);

G_END_DECLS
