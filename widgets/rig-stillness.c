/* rig-stillness.c: whether a window is still, when some of its frames are
 * work done ahead (rig-stillness.h).
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rig-stillness.h"

void
rig_stillness_init (RigStillness *self, gint64 now)
{
  self->painted_at = now;
  self->own_frame = -1;
  self->own_at = 0;
}

void
rig_stillness_expect_own (RigStillness *self, gint64 frame)
{
  self->own_frame = frame;
}

void
rig_stillness_painted (RigStillness *self, gint64 frame, gint64 now)
{
  /* Counted by number alone, the frames after a page's took in the next
   * ones, whenever they came and whatever brought them: a press, a rig
   * shown (#13). The window looked still through them, and the next page
   * was made and laid out in the first frame of a rig opened. */
  gboolean own
      = self->own_frame >= 0
        && (frame == self->own_frame
            || (frame > self->own_frame && frame < self->own_frame + RIG_STILLNESS_OWN_FRAMES
                && now - self->own_at < RIG_STILLNESS_FOLLOW_US));

  if (own)
    self->own_at = now;
  else
    self->painted_at = now;
}

gboolean
rig_stillness_is_still (const RigStillness *self, gint64 now, gint64 quiet)
{
  return now - self->painted_at >= quiet;
}
