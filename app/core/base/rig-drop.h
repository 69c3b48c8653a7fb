/* rig-drop.h: letting go of big data off the main thread.
 *
 * Freeing a big rig's objects (a 10,000-device document, its layout) takes
 * tens of milliseconds: when the editor replaces one rig by another, the
 * main thread hands its last references to a worker thread, which drops
 * them in the order given, and goes on drawing. Only for objects whose
 * finalizers touch nothing but their own data and GObject's thread-safe
 * bookkeeping (references, signal handlers, weak references): never a
 * widget, nor anything holding one.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Drops @object (a GObject; transfer full) on the worker thread, after
 * every object given before it. NULL is ignored. */
void
rig_drop_in_background (gpointer object);

/* Blocks until every object given so far has been dropped (for tests, and
 * before measuring memory). */
void
rig_drop_wait (void);

G_END_DECLS
