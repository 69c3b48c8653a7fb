/* rig-format-lesson.h: the lesson part of a .rigwire file
 * (rig-format-lesson.c), called by the exercise part
 * (rig-format-exercise.c).
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/tree.h>

#include "rig-document.h"

G_BEGIN_DECLS

/* Reads the <lesson> element under @root, if any, into the document's
 * lesson. */
gboolean
_rig_format_read_lesson (RigDocument *document, xmlNode *root, const char *display_name,
                         GError **error);
/* The steps' titles and words in the user's language (built-in examples). */
void
_rig_format_translate_lesson (RigDocument *document);
/* Appends the <lesson> element, if the document has one. */
void
_rig_format_write_lesson (GString *out, RigDocument *document);

G_END_DECLS
