/* rig-summary-page.h: the inspector's page when it shows no single device or
 * cable: "Nothing Selected", or how many devices and cables are selected.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rig-inspector-page.h"

G_BEGIN_DECLS

#define RIG_TYPE_SUMMARY_PAGE (rig_summary_page_get_type ())
G_DECLARE_FINAL_TYPE (RigSummaryPage, rig_summary_page, RIG, SUMMARY_PAGE, RigInspectorPage)

/* A summary of @selection in @document; either may be NULL. */
GtkWidget *
rig_summary_page_new (RigDocument *document, RigSelection *selection);

G_END_DECLS
