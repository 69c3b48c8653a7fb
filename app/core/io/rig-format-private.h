/* rig-format-private.h: shared by the loading and saving halves of the
 * .rigwire format. */
#pragma once

#include "rig-format.h"

G_BEGIN_DECLS

/* The name to show for @file in messages (its display basename). */
char *
_rig_format_file_display_name (GFile *file);

G_END_DECLS
