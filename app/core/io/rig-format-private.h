/* rig-format-private.h: shared by the loading and saving halves of the
 * .rigwire format. */
#pragma once

#include <libxml/tree.h>

#include "rig-format.h"

G_BEGIN_DECLS

/* The name to show for @file in messages (its display basename). */
char *
_rig_format_file_display_name (GFile *file);

/* The exercise part of a file (rig-format-exercise.c). Reads @node, the
 * <exercise> element under @root (NULL: an ordinary rig, nothing to do), and
 * the locked and given attributes of the devices and cables under @root,
 * into the document's exercise. */
gboolean
_rig_format_read_exercise (RigDocument *document, xmlNode *root, xmlNode *node,
                           const char *display_name, GError **error);
/* The exercise's task in the user's language (built-in examples only). */
void
_rig_format_translate_exercise (RigDocument *document);
/* Appends the locked (and given) attributes of one device or cable. */
void
_rig_format_write_lock (GString *out, RigDocument *document, const char *device_id,
                        const char *cable_id);
/* Appends the <exercise> element, if the document has one. */
void
_rig_format_write_exercise (GString *out, RigDocument *document);

G_END_DECLS
