/* rig-nick.h: a GEnum value and its nick, the word the command line and
 * file names use ("a4", "pdf"). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nick of @value in enum @type; @fallback when @type has no such value. */
const char *
rig_nick_from_value (GType type, int value, const char *fallback);
/* The value whose nick is @nick in any case ("PDF", "Letter"); -1 when none
 * is, or @nick is NULL. */
int
rig_nick_to_value (GType type, const char *nick);

G_END_DECLS
