/* rig-glyph-warm.h: the glyphs of a widget's labels, drawn once off
 * screen.
 *
 * The first time a glyph is drawn in a font and size, cairo loads it from
 * the font file, runs its hinting program and rasterizes it, about 0.1
 * million instructions a glyph; drawn again, it is copied from cairo's
 * cache. A device page made ahead (rig-inspector.c) is laid out out of
 * view but never drawn, so the first press on a device showed a page
 * whose headings and captions held glyphs never drawn before: 66 of them,
 * a fifth of that frame's CPU (#13). Drawing the page's labels once, while
 * the window is still, loads them in the same caches the window draws
 * from (the labels' own fonts).
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Draws the text of every label in @root's tree that is laid out (has a
 * size) and would show once @root does, as laid out, into a scratch image.
 * Returns how many labels it drew. */
guint
rig_glyph_warm (GtkWidget *root);

G_END_DECLS
