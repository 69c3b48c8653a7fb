/* rig-first-frame.h: work that waits until a widget's first frame is shown.
 *
 * Opening a big rig should show it at once (#13): what the first frame does
 * not need (the first full check, the palette's rows below the fold) runs
 * right after that frame has been painted. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _RigFirstFrame RigFirstFrame;

/* Calls @func (@data) once, from an idle handler: after the first frame
 * that @widget's window paints while @widget is mapped; or, if @widget is
 * not mapped by the time the main loop is first idle, then. The caller
 * cancels it (rig_first_frame_cancel()) before @widget or @data go away. */
RigFirstFrame *
rig_first_frame_run (GtkWidget *widget, GSourceFunc func, gpointer data);

/* Cancels *@handle if it has not run, and sets it to NULL. */
void
rig_first_frame_cancel (RigFirstFrame **handle);

G_END_DECLS
