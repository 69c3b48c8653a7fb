/* rig-application.h: the Rigwire application (an AdwApplication: the
 * desktop's dark style and high contrast are followed).
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RIG_TYPE_APPLICATION (rig_application_get_type ())
G_DECLARE_FINAL_TYPE (RigApplication, rig_application, RIG, APPLICATION, AdwApplication)

RigApplication *
rig_application_new (void);

/* Removes the temporary files killed saves and drafts left in the drafts
 * folder and in the folders of the recent rigs (those no running writer
 * holds); done at startup. */
void
rig_application_clean_stale_saves (void);

G_END_DECLS
