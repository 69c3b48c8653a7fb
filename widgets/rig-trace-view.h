/* rig-trace-view.h: the Trace view (issue #11): the level diagram of the
 * signal paths through one device or cable, following edits live.
 *
 * The view computes the trace through its object (rig_trace_compute_through())
 * and draws the chosen path with the level chart (rig-level-chart.h), the
 * painter the sheet's level pages use; a drop-down chooses among the paths
 * when several pass through. Whenever the document changes it computes the
 * trace again and redraws, so turning a gain in the inspector moves the
 * bars. With no path it says so in words.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rig-document.h"
#include "rig-trace.h"

G_BEGIN_DECLS

#define RIG_TYPE_TRACE_VIEW (rig_trace_view_get_type ())
G_DECLARE_FINAL_TYPE (RigTraceView, rig_trace_view, RIG, TRACE_VIEW, GtkWidget)

/* Where the view's trace comes from: rig_trace_compute_through() unless set
 * (tests give hand-built traces). Returns a new trace. */
typedef RigTrace *(*RigTraceViewComputeFunc) (RigDocument *document, const char *object_id,
                                              gpointer user_data);

GtkWidget *
rig_trace_view_new (void);

/* Traces @object_id (a device's or a cable's id) of @document; either NULL
 * shows nothing. */
void
rig_trace_view_set_object (RigTraceView *self, RigDocument *document, const char *object_id);
const char *
rig_trace_view_get_object (RigTraceView *self);

void
rig_trace_view_set_compute_func (RigTraceView *self, RigTraceViewComputeFunc func,
                                 gpointer user_data, GDestroyNotify destroy);

/* The desktop's style for the chart. */
void
rig_trace_view_set_style (RigTraceView *self, gboolean dark, gboolean high_contrast);

/* The trace shown (owned by the view, replaced at every change), and how
 * many times it was computed. */
const RigTrace *
rig_trace_view_get_trace (RigTraceView *self);
guint
rig_trace_view_get_n_computed (RigTraceView *self);

/* The path drawn (an index into the trace's paths). */
guint
rig_trace_view_get_path (RigTraceView *self);
void
rig_trace_view_set_path (RigTraceView *self, guint path);

/* The sentence shown instead of a chart ("No signal path passes through
 * Phone 1."), or NULL while a chart is shown. */
const char *
rig_trace_view_get_status (RigTraceView *self);

G_END_DECLS
