/* rig-loudness.h: how loud a speaker or headphones play at the listener, and
 * the one level every rule aims at (doc/physics.md §5.1, §6.4).
 *
 * The target: music averaging 80 dB SPL at the listener with peaks 15 dB
 * above it, so peaks of 95 dB SPL. A rig is loud enough when its peaks reach
 * that without clipping; amplifier power, headphone drive and the loudness
 * of a speaker on the wrong output are all judged against it.
 */
#pragma once

#include "rig-rule.h"

G_BEGIN_DECLS

#define RIG_LOUDNESS_AVERAGE_DB 80.0 /* dB SPL, normal listening, averaged */
#define RIG_LOUDNESS_HEADROOM_DB 15.0
#define RIG_LOUDNESS_PEAK_DB (RIG_LOUDNESS_AVERAGE_DB + RIG_LOUDNESS_HEADROOM_DB)

/* The distance from @listener (a speaker or headphones) to its listener, in
 * metres: its own figure, else the rig's setting, else the default;
 * @assumed (may be NULL) is set TRUE when the default applies. */
double
rig_loudness_distance (const RigRegion *region, const RigDevNode *listener, gboolean *assumed);

/* dB SPL at @metres from a speaker of @sensitivity (dB SPL at 1 W / 1 m) fed
 * @watts: sensitivity + 10·log10(W) − 20·log10(d). */
double
rig_loudness_speaker_spl (double sensitivity, double watts, double metres);

/* The watts a speaker of @sensitivity needs for @spl at @metres. */
double
rig_loudness_speaker_watts (double sensitivity, double spl, double metres);

/* dB SPL from headphones of @sensitivity (dB SPL per mW) fed @watts. */
double
rig_loudness_headphone_spl (double sensitivity, double watts);

/* The power sum of several sound levels (two equal speakers: +3 dB). */
double
rig_loudness_sum (const double *spl, guint n);

/* The level each of @n equal speakers must make for their power sum to
 * reach the target peaks: RIG_LOUDNESS_PEAK_DB − 10·log10(n). */
double
rig_loudness_each_db (guint n);

/* "2.5 m" or "2.5 m (assumed: the rig sets no listening distance)". */
char *
rig_loudness_text_distance (double metres, gboolean assumed);

/* "peaks of 95 dB SPL (80 dB average, 15 dB headroom)", the target in words. */
char *
rig_loudness_text_target (void);

G_END_DECLS
