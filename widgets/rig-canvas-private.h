/* rig-canvas-private.h: RigCanvas internals for its tests and benchmark.
 *
 * The press, motion and release entry points are the ones the canvas's own
 * drag gesture calls, so tests drive exactly the code that real input does,
 * without synthesizing events (GTK 4 has no API for that).
 */
#pragma once

#include "rig-canvas.h"
#include "rig-layout.h"
#include "rig-painter.h"

G_BEGIN_DECLS

/* Primary-button drag at widget coordinates (px). @state: the modifiers
 * held (GDK_SHIFT_MASK, GDK_CONTROL_MASK). */
void
rig_canvas_test_press (RigCanvas *self, double x, double y, GdkModifierType state);
void
rig_canvas_test_motion (RigCanvas *self, double x, double y);
void
rig_canvas_test_release (RigCanvas *self, double x, double y);
/* A key press (and its release) as the canvas's key controller sees it;
 * returns whether the canvas handled the press. */
gboolean
rig_canvas_test_key (RigCanvas *self, guint keyval, GdkModifierType state);
gboolean
rig_canvas_test_key_press (RigCanvas *self, guint keyval, GdkModifierType state);
void
rig_canvas_test_key_release (RigCanvas *self, guint keyval, GdkModifierType state);
/* A scroll step as the scroll controller sees it (wheel units). */
void
rig_canvas_test_scroll (RigCanvas *self, double x, double y, double dx, double dy,
                        GdkModifierType state);
/* A drop of @value (a string) at (x, y); returns whether it was accepted. */
gboolean
rig_canvas_test_drop (RigCanvas *self, const char *value, double x, double y);
/* The tooltip text the canvas would show at (x, y), or NULL. */
char *
rig_canvas_test_tooltip (RigCanvas *self, double x, double y);

RigLayout *
rig_canvas_get_layout (RigCanvas *self);
RigPainter *
rig_canvas_get_painter (RigCanvas *self);
void
rig_canvas_get_origin (RigCanvas *self, double *x, double *y);
/* Sets the zoom and the canvas point at the widget's top-left corner. */
void
rig_canvas_test_set_view (RigCanvas *self, double zoom, double x, double y);

/* What the scene cache did since the canvas was created. */
typedef struct
{
  guint frames;          /* snapshots */
  guint full_renders;    /* the whole view redrawn into the cache */
  guint partial_renders; /* damaged parts redrawn */
  guint scrolls;         /* the cache shifted and its new strips drawn */
  double rendered_px;    /* the area (device px) redrawn into the cache */
} RigCanvasStats;

void
rig_canvas_get_stats (RigCanvas *self, RigCanvasStats *stats);

G_END_DECLS
