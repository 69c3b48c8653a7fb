/* rig-canvas.h: the rig diagram editor.
 *
 * A RigCanvas shows one document through the core painter and edits it only
 * through commands applied by the document's history: click to select
 * (Shift adds, Ctrl toggles), rubber band on empty space, drag devices (one
 * undo step per drag), drag from a port to another port to connect them,
 * drag a cable's end (near its port) to another port to reconnect it, Delete
 * removes the selection, arrow keys nudge it (one grid step; Shift: one unit).
 * Ctrl+scroll and pinch zoom, scroll pans, and so do middle-drag and
 * Space+drag. Catalog models dropped as "rigwire-model:ID" strings are placed
 * where they are dropped.
 *
 * Properties: zoom (double), snap-to-grid (gboolean), show-signal-paths
 * (gboolean: highlight the signal paths of the selected devices).
 *
 * Signals:
 *   object-activated (RigCanvas *self, const char *device_id, const char *cable_id)
 *     a device or a cable was double-clicked (the other id is NULL).
 *   edit-refused (RigCanvas *self, const char *message)
 *     an edit made on the canvas broke the document's rules and changed
 *     nothing; @message says why.
 */
#pragma once

#include <gtk/gtk.h>

#include "rig-document.h"
#include "rig-history.h"
#include "rig-layout.h"
#include "rig-selection.h"
#include "rig-validator.h"

G_BEGIN_DECLS

#define RIG_CANVAS_GRID 20.0 /* canvas units */
#define RIG_CANVAS_ZOOM_MIN 0.02
#define RIG_CANVAS_ZOOM_MAX 4.0
/* Zoom to fit goes no lower: jack names (11 px) still read at 8 px. A rig
 * too big for the view at this zoom shows its top left (the sources: signal
 * flows left to right), and the rest is a scroll away. */
#define RIG_CANVAS_ZOOM_READABLE 0.75

#define RIG_TYPE_CANVAS (rig_canvas_get_type ())
G_DECLARE_FINAL_TYPE (RigCanvas, rig_canvas, RIG, CANVAS, GtkWidget)

GtkWidget *
rig_canvas_new (void);

/* Shows @document (NULL: nothing), with statuses from @validator (may be
 * NULL) and the window's shared @selection (may be NULL: the canvas keeps its
 * own). Zooms to fit the rig. */
void
rig_canvas_set_document (RigCanvas *self, RigDocument *document, RigHistory *history,
                         RigValidator *validator, RigSelection *selection);
/* The same, with @layout, a layout of @document made beforehand (by
 * rig_layout_new_deferred(), e.g. on the thread that read the file), or
 * NULL to make one here. */
void
rig_canvas_set_document_with_layout (RigCanvas *self, RigDocument *document, RigHistory *history,
                                     RigValidator *validator, RigSelection *selection,
                                     RigLayout *layout);
RigDocument *
rig_canvas_get_document (RigCanvas *self);
RigSelection *
rig_canvas_get_selection (RigCanvas *self);

double
rig_canvas_get_zoom (RigCanvas *self);
/* Zooms around the centre of the view, clamped to the zoom range. */
void
rig_canvas_set_zoom (RigCanvas *self, double zoom);
void
rig_canvas_zoom_in (RigCanvas *self);
void
rig_canvas_zoom_out (RigCanvas *self);
void
rig_canvas_zoom_reset (RigCanvas *self);
void
rig_canvas_zoom_to_fit (RigCanvas *self);

gboolean
rig_canvas_get_snap_to_grid (RigCanvas *self);
void
rig_canvas_set_snap_to_grid (RigCanvas *self, gboolean snap);
gboolean
rig_canvas_get_show_signal_paths (RigCanvas *self);
void
rig_canvas_set_show_signal_paths (RigCanvas *self, gboolean show);

/* Adds a device of @model at the centre of the view (one command) and
 * selects it. Returns its id (a new string), or NULL if there is no
 * document or the command failed. */
char *
rig_canvas_place_model (RigCanvas *self, RigDeviceModel *model);

/* Scrolls (and zooms out if needed) so that these devices and cables are in
 * view, centred. Either array may be NULL. */
void
rig_canvas_scroll_to (RigCanvas *self, const char *const *device_ids, const char *const *cable_ids);

/* Converts between widget coordinates (px) and canvas units. */
void
rig_canvas_widget_to_canvas (RigCanvas *self, double wx, double wy, double *cx, double *cy);
void
rig_canvas_canvas_to_widget (RigCanvas *self, double cx, double cy, double *wx, double *wy);

/* Draws in the desktop's style: a dark palette, high contrast. */
void
rig_canvas_set_style (RigCanvas *self, gboolean dark, gboolean high_contrast);

/* The layout the canvas draws (owned by the canvas), or NULL with no
 * document: where every card and cable is. */
RigLayout *
rig_canvas_get_layout (RigCanvas *self);

/* Draws every cable and device neutral (no status colours, badges or
 * patterns) and leaves verdicts out of tooltips, while an exercise hides
 * them; the validator keeps working behind. */
void
rig_canvas_set_verdicts_hidden (RigCanvas *self, gboolean hidden);
gboolean
rig_canvas_get_verdicts_hidden (RigCanvas *self);

G_END_DECLS
