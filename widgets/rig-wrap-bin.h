/* rig-wrap-bin.h: a box for wrapping text beside other widgets.
 *
 * A horizontal GtkBox, as it allocates, asks each child how wide it must be
 * at the box's height; a wrapping GtkLabel answers by laying its text out
 * at width after width (a binary search), and a page of such rows spent
 * most of a selection's frame shaping text (#13). A RigWrapBin holds one
 * child (a wrapping label, or a vertical box of them) and answers that
 * question by the child's widths for any height, as a height-for-width
 * widget means: the narrowest it can be and its width on one line. Heights
 * and allocation pass through unchanged.
 *
 * GTK asks the same of any widget aligned other than to fill, as it
 * allocates it; a vertical box so asked asks each of its labels. So a
 * wrapping label, and each box between it and its bin, fills its place,
 * and the alignment goes on the bin: a title and subtitle centred beside a
 * switch are a box in a bin set to valign center. A right-aligned value
 * fills its bin with xalign 1. /inspector-pages/no-width-for-a-height
 * checks every page.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RIG_TYPE_WRAP_BIN (rig_wrap_bin_get_type ())
G_DECLARE_FINAL_TYPE (RigWrapBin, rig_wrap_bin, RIG, WRAP_BIN, GtkWidget)

/* A bin holding @child (in a .ui file: <child> of a RigWrapBin). */
GtkWidget *
rig_wrap_bin_new (GtkWidget *child);

/* A wrapping label's width in characters: at least RIG_WRAP_MIN_CHARS (its
 * minimum width), at most RIG_WRAP_MAX_CHARS (its natural width). GTK
 * measures a wrapping label's minimum width by laying it out at its
 * width-chars, and with none at width 0, where Pango breaks every word
 * into letters and shapes each piece: three shapings of four in the frame
 * of a device page shown for another model (#13). For sentences on lines
 * of their own (descriptions, captions, a jack's figures); the inspector's
 * .ui files set the same two properties on theirs. Not for a short name
 * beside a control (a field's title): its column would widen to 12
 * characters. */
#define RIG_WRAP_MIN_CHARS 12
#define RIG_WRAP_MAX_CHARS 60

/* Makes @label wrap, RIG_WRAP_MIN_CHARS wide at least, and at most
 * RIG_WRAP_MAX_CHARS unless it has a maximum already. */
void
rig_wrap_label (GtkLabel *label);

G_END_DECLS
