/* rig-stillness.h: whether a window is still, when some of its frames are
 * work done ahead.
 *
 * The inspector makes pages ahead while the window is still (HACKING.md,
 * "Pages made ahead"), and has each laid out in a frame of its own. That
 * frame, and the one or two it brings about at once (the view's
 * adjustments), are not the window drawing for the user: they must not
 * hold the next page back. Any other frame is: an input, a redraw, a rig
 * shown. A RigStillness tells them apart by frame number and time, from
 * the frame clock's counter and the monotonic clock, so that it can be
 * tested without a window.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64 painted_at; /* the last frame that was not work done ahead, µs */
  gint64 own_frame;  /* the frame that does the work done ahead, or -1 */
  gint64 own_at;     /* when it, or the last frame it brought about, was painted */
} RigStillness;

/* The frames that can follow the frame of work done ahead as its own: its
 * own and two more... */
#define RIG_STILLNESS_OWN_FRAMES 3
/* ... when each comes this soon after the one before (the next ticks of the
 * frame clock). A frame later than that is another's. */
#define RIG_STILLNESS_FOLLOW_US (50 * G_TIME_SPAN_MILLISECOND)

/* Starts as if a frame was painted @now. */
void
rig_stillness_init (RigStillness *self, gint64 now);

/* The frame numbered @frame will do work ahead. */
void
rig_stillness_expect_own (RigStillness *self, gint64 frame);

/* The frame numbered @frame was painted @now. */
void
rig_stillness_painted (RigStillness *self, gint64 frame, gint64 now);

/* Whether no frame but work done ahead was painted in the @quiet µs before
 * @now. */
gboolean
rig_stillness_is_still (const RigStillness *self, gint64 now, gint64 quiet);

G_END_DECLS
