/* rig-inspector-stack.h: the inspector's pages, one shown, the others kept
 * and, when asked, laid out ahead.
 *
 * The inspector keeps pages it will show again (the rig's page, a device
 * page per model) as children of a RigInspectorStack. Only the shown page
 * is measured for the stack's size, mapped and drawn. A kept page is not
 * drawn, not mapped and hidden from assistive technologies, but stays in the
 * window, styled: showing it again makes no widget and styles none.
 *
 * A page marked to be laid out ahead (rig_inspector_stack_lay_out_ahead())
 * is measured and allocated at the shown page's width in the next frame, as
 * if shown: its text is shaped and its sizes are known then, when the
 * window is still, rather than in the frame of the press that shows it
 * (#13). Only marked pages, once each: a kept page is not laid out again
 * while the inspector is resized.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RIG_TYPE_INSPECTOR_STACK (rig_inspector_stack_get_type ())
G_DECLARE_FINAL_TYPE (RigInspectorStack, rig_inspector_stack, RIG, INSPECTOR_STACK, GtkWidget)

GtkWidget *
rig_inspector_stack_new (void);

/* Adds @page, kept (not shown). */
void
rig_inspector_stack_add (RigInspectorStack *self, GtkWidget *page);

/* Removes @page; if it was shown, none is. */
void
rig_inspector_stack_remove (RigInspectorStack *self, GtkWidget *page);

/* Shows @page (a child), or none (NULL); the page shown before is kept. */
void
rig_inspector_stack_show (RigInspectorStack *self, GtkWidget *page);

/* Has @page (a kept child) laid out in the next frame at the shown page's
 * width. */
void
rig_inspector_stack_lay_out_ahead (RigInspectorStack *self, GtkWidget *page);

/* Unmarks @page: it is not laid out ahead. TRUE if it was marked and not
 * laid out yet. */
gboolean
rig_inspector_stack_cancel_ahead (RigInspectorStack *self, GtkWidget *page);

/* Whether @page is marked and not laid out yet. */
gboolean
rig_inspector_stack_is_waiting (RigInspectorStack *self, GtkWidget *page);

G_END_DECLS
