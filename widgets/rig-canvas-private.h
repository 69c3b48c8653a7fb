/* rig-canvas-private.h: RigCanvas internals, shared by the canvas's files,
 * its tests and its benchmark.
 *
 * The canvas is a view (rig-canvas.c: the document, the selection and the
 * validator it follows, zoom and scrolling; rig-canvas-cache.c: the scene
 * cache, its damage and the frame; rig-canvas-highlight.c: the signal paths
 * of the selection) plus one file per tool or concern:
 *
 *   rig-canvas-gesture.c  the primary-button drag (press, motion, release:
 *                         hit tests, click selection, handing over to a
 *                         tool), hover, double-click
 *   rig-tool-move.c       moving the selected devices
 *   rig-tool-connect.c    pulling a cable out of a port or a cable's end,
 *                         with every port's verdict judged live
 *   rig-tool-rubber.c     rubber-band selection
 *   rig-tool-pan-zoom.c   middle-drag and Space+drag panning, scroll, pinch
 *   rig-tool-keyboard.c   Tab walking, nudging, Delete, Escape, Space
 *   rig-canvas-tooltip.c  tooltips of ports, cables and devices
 *   rig-canvas-drop.c     placing catalog models (dropped, or at the view centre)
 *
 * A tool has small entry points (begin, update, end, draw, cancel) that the
 * gesture handlers call. The rig_canvas_test_* entry points are the ones the
 * canvas's own controllers call, so tests drive exactly the code that real
 * input does, without synthesizing events (GTK 4 has no API for that).
 */
#pragma once

#include "rig-canvas.h"
#include "rig-first-frame.h"
#include "rig-layout.h"
#include "rig-painter.h"

G_BEGIN_DECLS

/* ---- for tests and the benchmark ---------------------------------------- */

/* Primary-button drag at widget coordinates (px). @state: the modifiers
 * held (GDK_SHIFT_MASK, GDK_CONTROL_MASK). */
void
rig_canvas_test_press (RigCanvas *self, double x, double y, GdkModifierType state);
void
rig_canvas_test_motion (RigCanvas *self, double x, double y);
void
rig_canvas_test_release (RigCanvas *self, double x, double y);
/* The pointer moves to (x, y) with no button held: the hover follows. */
void
rig_canvas_test_hover (RigCanvas *self, double x, double y);
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
  guint tiles_made;      /* tiles of the cache made to show (rig-canvas-tiles.c) */
} RigCanvasStats;

void
rig_canvas_get_stats (RigCanvas *self, RigCanvasStats *stats);

/* ---- the canvas's own files ---------------------------------------------- */

#define RIG_CANVAS_DRAG_THRESHOLD 3.0  /* px before a press becomes a drag */
#define RIG_CANVAS_PORT_TOLERANCE 5.0  /* px around a port glyph */
#define RIG_CANVAS_CABLE_TOLERANCE 5.0 /* px around a cable */

/* The gesture in progress. */
typedef enum
{
  RIG_CANVAS_MODE_NONE,
  RIG_CANVAS_MODE_PENDING_MOVE, /* pressed on a device, not moved yet */
  RIG_CANVAS_MODE_MOVE,
  RIG_CANVAS_MODE_CONNECT,
  RIG_CANVAS_MODE_RECONNECT,
  RIG_CANVAS_MODE_RUBBER,
  RIG_CANVAS_MODE_PAN,
  RIG_CANVAS_MODE_CABLE_CLICK, /* pressed on a cable end that may become a reconnect */
} RigCanvasMode;

struct _RigCanvas
{
  GtkWidget parent_instance;

  RigDocument *document;
  RigHistory *history; /* where edits go */
  RigValidator *validator;
  RigSelection *selection;
  RigLayout *layout;
  RigPainter *painter;
  gulong layout_changed_id;
  RigFirstFrame *finish_layout; /* routes the cables after the first frame */
  gulong statuses_id;
  gulong selection_id;

  double zoom;
  double ox, oy; /* the canvas point at the widget's top-left corner */
  gboolean snap;
  gboolean dark, high_contrast; /* the desktop's style (rig_canvas_set_style()) */
  gboolean show_paths;
  gboolean fit_pending;
  gboolean verdicts_hidden; /* cables and cards neutral (rig_canvas_set_verdicts_hidden()) */

  /* The scene cache (rig-canvas-cache.c). */
  cairo_surface_t *cache;
  cairo_surface_t *spare;
  int cache_w, cache_h, cache_scale;
  double cache_zoom, cache_ox, cache_oy;
  gboolean cache_full;   /* redraw all of it */
  GArray *damage;        /* cairo_rectangle_int_t: device px of the cache to redraw */
  GskRenderNode **tiles; /* the cache shown, row by row; NULL: made when next shown */
  int tile_cols, tile_rows;
  RigCanvasStats stats;

  /* What the painter was last told (for damage). */
  char **painted_sel_devices;
  char **painted_sel_cables;
  char **highlight_devices;
  char **highlight_cables;
  char *hover_device, *hover_jack, *hover_cable;

  /* The gesture in progress. */
  RigCanvasMode mode;
  double press_x, press_y; /* widget px */
  double last_x, last_y;
  GdkModifierType press_state;
  char *press_device; /* the device pressed on */
  gboolean select_only_on_release;
  char **floating;               /* devices being dragged */
  char **floating_cables;        /* cables on them */
  double grab_x, grab_y;         /* the pressed device's position at the press */
  char *from_device, *from_jack; /* connect: the port the cable leaves */
  RigPortSide from_side;
  RigPoint from_anchor;
  char *cable_id; /* reconnect: the cable, and which end moves */
  RigEnd cable_end;
  char *target_device, *target_jack;
  RigPoint pointer;     /* canvas units */
  GHashTable *verdicts; /* "device\x1fjack" -> severity + 1, per drag */
  double pan_ox, pan_oy;
  gboolean space_down;
  double zoom_start;

  double motion_x, motion_y; /* the pointer, for zooming around it */
  guint accessible_id;       /* a pending update of the accessible description */
  GtkGesture *drag;
};

/* rig-canvas.c: the view. */
int
_rig_canvas_scale_factor (RigCanvas *self);
void
_rig_canvas_set_origin (RigCanvas *self, double ox, double oy);
void
_rig_canvas_zoom_at (RigCanvas *self, double zoom, double wx, double wy);
void
_rig_canvas_snap_point (RigCanvas *self, double *x, double *y);
void
_rig_canvas_apply (RigCanvas *self, RigCommand *command);
void
_rig_canvas_activate (RigCanvas *self, const char *device_id, const char *cable_id);
gboolean
_rig_canvas_strv_contains (char **strv, const char *s);

/* rig-canvas-tiles.c: the scene cache shown as tiles. */
void
_rig_canvas_tiles_reset (RigCanvas *self, int w, int h);
void
_rig_canvas_tiles_free (RigCanvas *self);
void
_rig_canvas_tiles_invalidate (RigCanvas *self, const cairo_rectangle_int_t *px);
void
_rig_canvas_tiles_snapshot (RigCanvas *self, GtkSnapshot *snapshot);

/* rig-canvas-cache.c: the scene cache and the frame. */
void
_rig_canvas_invalidate_all (RigCanvas *self);
void
_rig_canvas_damage_rect (RigCanvas *self, const RigRect *r);
void
_rig_canvas_damage_device (RigCanvas *self, const char *id);
void
_rig_canvas_damage_cable (RigCanvas *self, const char *id);
void
_rig_canvas_damage_device_and_cables (RigCanvas *self, const char *id);
void
_rig_canvas_damage_ids (RigCanvas *self, const char *const *devices, const char *const *cables);
void
_rig_canvas_damage_swap (RigCanvas *self, char ***devices, char ***cables, char **new_devices,
                         char **new_cables);
void
_rig_canvas_snapshot (GtkWidget *widget, GtkSnapshot *snapshot);

/* rig-canvas-highlight.c: the signal paths of the selection. */
void
_rig_canvas_update_highlight (RigCanvas *self);

/* rig-canvas-gesture.c: the pointer. */

/* What lies under a widget point: a port (if @ports, and where ports are
 * drawn), else a device, else a cable; the rest NULL. */
typedef struct
{
  const char *device_id, *jack_id; /* a port */
  RigDevice *device;
  RigCable *cable;
} RigCanvasHit;

gboolean
_rig_canvas_port_at (RigCanvas *self, double cx, double cy, double tolerance,
                     const char **device_id, const char **jack_id);
void
_rig_canvas_hit (RigCanvas *self, double wx, double wy, gboolean ports, RigCanvasHit *hit);
void
_rig_canvas_set_hover (RigCanvas *self, const char *device, const char *jack, const char *cable);
void
_rig_canvas_clear_gesture (RigCanvas *self);
void
_rig_canvas_cancel_gesture (RigCanvas *self);
void
_rig_canvas_add_drag_gesture (RigCanvas *self);
void
_rig_canvas_add_click_gesture (RigCanvas *self);
void
_rig_canvas_add_motion_controller (RigCanvas *self);

/* rig-tool-move.c */
void
_rig_canvas_move_press (RigCanvas *self, RigDevice *device);
void
_rig_canvas_move_update (RigCanvas *self, double x, double y);
void
_rig_canvas_move_end (RigCanvas *self);
void
_rig_canvas_move_cancel (RigCanvas *self);
void
_rig_canvas_move_clear (RigCanvas *self);
void
_rig_canvas_move_draw (RigCanvas *self, cairo_t *cr);
gboolean
_rig_canvas_move_bounds (RigCanvas *self, RigRect *bounds);

/* rig-tool-connect.c */
void
_rig_canvas_connect_begin (RigCanvas *self, const char *device_id, const char *jack_id);
void
_rig_canvas_connect_press_cable (RigCanvas *self, RigCable *cable, double cx, double cy);
void
_rig_canvas_connect_update (RigCanvas *self, double cx, double cy);
void
_rig_canvas_connect_end (RigCanvas *self);
void
_rig_canvas_connect_clear (RigCanvas *self);
void
_rig_canvas_connect_draw (RigCanvas *self, cairo_t *cr, int width, int height);

/* rig-tool-rubber.c */
void
_rig_canvas_rubber_begin (RigCanvas *self, gboolean extend);
void
_rig_canvas_rubber_end (RigCanvas *self);
void
_rig_canvas_rubber_draw (RigCanvas *self, cairo_t *cr);

/* rig-tool-pan-zoom.c */
void
_rig_canvas_pan_begin (RigCanvas *self);
void
_rig_canvas_pan_update (RigCanvas *self, double dx, double dy);
void
_rig_canvas_add_pan_gesture (RigCanvas *self);
void
_rig_canvas_add_zoom_controllers (RigCanvas *self);

/* rig-tool-keyboard.c */
void
_rig_canvas_add_key_controller (RigCanvas *self);

/* rig-canvas-drop.c */
void
_rig_canvas_add_drop_target (RigCanvas *self);

/* rig-canvas-tooltip.c */
gboolean
_rig_canvas_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip);

G_END_DECLS
