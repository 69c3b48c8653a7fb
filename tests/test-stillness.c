/* test-stillness.c: which frames keep a window from being still while the
 * inspector lays pages out ahead (rig-stillness.h, issue #13).
 *
 * Frame numbers and times are made up here, as the frame clock and the
 * monotonic clock would give them: a page's own frame and the frames it
 * brings about at once do not count; any frame that comes later does,
 * whatever its number.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rig-stillness.h"

#define MS G_TIME_SPAN_MILLISECOND
#define QUIET (250 * MS)
/* A frame clock's tick at 60 Hz. */
#define TICK (17 * MS)

/* Nothing drawn for the quiet time: still; a frame: not. */
static void
test_quiet (void)
{
  RigStillness still;
  gint64 t = 1000 * MS;

  rig_stillness_init (&still, t);
  g_assert_false (rig_stillness_is_still (&still, t + QUIET - 1, QUIET));
  g_assert_true (rig_stillness_is_still (&still, t + QUIET, QUIET));
  rig_stillness_painted (&still, 1, t + QUIET);
  g_assert_false (rig_stillness_is_still (&still, t + QUIET + 100 * MS, QUIET));
}

/* A page's frame and the two it brings about on the next ticks are its
 * own: the window is as still after them as before. */
static void
test_own_frames (void)
{
  RigStillness still;
  gint64 t = 1000 * MS;

  rig_stillness_init (&still, t);
  t += QUIET;
  rig_stillness_expect_own (&still, 10);
  for (gint64 frame = 10; frame < 10 + RIG_STILLNESS_OWN_FRAMES; frame++, t += TICK)
    rig_stillness_painted (&still, frame, t);
  g_assert_true (rig_stillness_is_still (&still, t, QUIET));
  /* A fourth is not the page's. */
  rig_stillness_painted (&still, 10 + RIG_STILLNESS_OWN_FRAMES, t);
  g_assert_false (rig_stillness_is_still (&still, t + TICK, QUIET));
}

/* The frame after a page's, but a moment later (a press, a redraw, a rig
 * shown): the window drew for the user. Before, either of the two frames
 * after a page's counted as its own however late it came. */
static void
test_later_frame_counts (void)
{
  RigStillness still;
  gint64 t = 1000 * MS;

  rig_stillness_init (&still, t);
  t += QUIET;
  rig_stillness_expect_own (&still, 10);
  rig_stillness_painted (&still, 10, t);
  t += 100 * MS;
  rig_stillness_painted (&still, 11, t);
  g_assert_false (rig_stillness_is_still (&still, t + 60 * MS, QUIET));
  g_assert_true (rig_stillness_is_still (&still, t + QUIET, QUIET));
}

/* No page's frame expected: every frame counts, the first ones too
 * (counted by number, a new window's frames 0 to 2 were a page's). */
static void
test_no_own_frame (void)
{
  RigStillness still;
  gint64 t = 1000 * MS;

  rig_stillness_init (&still, 0);
  g_assert_true (rig_stillness_is_still (&still, t, QUIET));
  rig_stillness_painted (&still, 0, t);
  g_assert_false (rig_stillness_is_still (&still, t + TICK, QUIET));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stillness/quiet", test_quiet);
  g_test_add_func ("/stillness/own-frames", test_own_frames);
  g_test_add_func ("/stillness/later-frame-counts", test_later_frame_counts);
  g_test_add_func ("/stillness/no-own-frame", test_no_own_frame);
  return g_test_run ();
}
