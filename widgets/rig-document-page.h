/* rig-document-page.h: the inspector's page with nothing selected: the rig
 * itself, its title, author, revision, listening distance and notes, each
 * edit one undo step.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rig-inspector-page.h"

G_BEGIN_DECLS

#define RIG_TYPE_DOCUMENT_PAGE (rig_document_page_get_type ())
G_DECLARE_FINAL_TYPE (RigDocumentPage, rig_document_page, RIG, DOCUMENT_PAGE, RigInspectorPage)

/* The page of @document, edited through @history; either may be NULL. */
GtkWidget *
rig_document_page_new (RigDocument *document, RigHistory *history, RigSelection *selection);

/* Another document will show: the next refresh replaces every text the
 * page shows, text typed and not applied too (it was the old rig's). */
void
rig_document_page_forget (RigDocumentPage *self);

G_END_DECLS
