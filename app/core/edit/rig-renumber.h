/* rig-renumber.h: one command that renumbers every cable of a rig. */
#pragma once

#include "rig-command.h"

G_BEGIN_DECLS

/* One undo step that renumbers every cable of @doc: the right prefix for what
 * it carries (rig_cable_number_prefix()), then 001, 002, ... per prefix in the
 * order of the current numbers (cables with no number or a wrong prefix after
 * the others, in document order), so gaps close and the order people know is
 * kept. NULL when every number is already so. Apply with rig_history_apply(). */
RigCommand *
rig_renumber_command (RigDocument *doc);

G_END_DECLS
