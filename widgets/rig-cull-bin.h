/* rig-cull-bin.h: a bin that can leave its child undrawn.
 *
 * GTK 4.8's cairo renderer (the one GTK falls back to without a GPU: a
 * virtual machine, a remote session, Xvfb) draws every node of the
 * window's tree in every frame, clipped to what changed but never
 * skipped. The palette's rows out of view (an icon converted afresh and two
 * labels each, 170-odd rows) were more than half of a small frame's CPU,
 * a pointer moving onto a port on the canvas (#13). A long list puts each
 * row's content in a RigCullBin and sets it drawn only while the row is
 * near the view: measured, laid out, focused and read by screen readers as
 * before, only not drawn.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RIG_TYPE_CULL_BIN (rig_cull_bin_get_type ())
G_DECLARE_FINAL_TYPE (RigCullBin, rig_cull_bin, RIG, CULL_BIN, GtkWidget)

/* A bin holding @child, drawn. */
GtkWidget *
rig_cull_bin_new (GtkWidget *child);

/* Whether the child is drawn; setting it queues a draw when it changes. */
void
rig_cull_bin_set_drawn (RigCullBin *self, gboolean drawn);

gboolean
rig_cull_bin_get_drawn (RigCullBin *self);

G_END_DECLS
