/* rig-command-private.h: between the history and the commands.
 *
 * The history (rig-history.c) applies, reverts and merges commands through
 * these; nothing else may.
 */
#pragma once

#include "rig-command.h"

G_BEGIN_DECLS

/* Applies @command to @document, recording what changed in @change. On failure
 * the document is exactly as before and @error is set. The first successful
 * apply chooses the ids of new objects and the command's final label; later
 * applies (redo) reuse them. */
gboolean
_rig_command_apply (RigCommand *command, RigDocument *document, RigChange *change, GError **error);
/* Undoes the last apply of @command; the document must be as that apply left it. */
void
_rig_command_revert (RigCommand *command, RigDocument *document, RigChange *change);
/* Folds @next (just applied, after @command) into @command when both are moves
 * of the same devices; returns TRUE if merged (the caller then frees @next). */
gboolean
_rig_command_merge (RigCommand *command, RigCommand *next);

G_END_DECLS
