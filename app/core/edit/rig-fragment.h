/* rig-fragment.h: part of a rig as .rigwire XML, for copy, cut, paste and
 * duplicate. A fragment is an ordinary .rigwire document holding the chosen
 * devices and the cables between them, with the models they use, so it can
 * travel through the clipboard between windows (and other programs see XML).
 */
#pragma once

#include "rig-command.h"

G_BEGIN_DECLS

/* The devices named and every cable whose two ends are among them, as
 * .rigwire XML. Unknown ids are ignored. NULL when nothing would be copied. */
GBytes *
rig_fragment_copy (RigDocument *document, const char *const *device_ids);

/* A command that pastes @fragment into @document, offset by (@dx, @dy):
 * devices get fresh ids, cables fresh ids and numbers, joined as in the
 * fragment. @new_device_ids (may be NULL) receives the ids the devices will
 * have, for selecting them after the paste. NULL with @error set when the
 * bytes are not a readable rig, or hold no devices. */
RigCommand *
rig_fragment_paste_command (RigDocument *document, GBytes *fragment, double dx, double dy,
                            char ***new_device_ids, GError **error);

G_END_DECLS
