/* rig-window-private.h: RigWindow's fields, shared by rig-window.c (the
 * document, files, title and window state) and rig-window-actions.c (the
 * editing, view, clipboard and export actions).
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rig-autosave.h"
#include "rig-canvas.h"
#include "rig-exercise-panel.h"
#include "rig-lesson-steps.h"
#include "rig-file-state.h"
#include "rig-first-frame.h"
#include "rig-inspector.h"
#include "rig-outline.h"
#include "rig-palette.h"
#include "rig-problems.h"
#include "rig-selection.h"
#include "rig-trace-view.h"
#include "rig-validator.h"
#include "rig-window.h"

G_BEGIN_DECLS

struct _RigWindow
{
  GtkApplicationWindow parent_instance;

  GSettings *settings;
  RigDocument *document;
  RigHistory *history; /* the document's undo steps and save point */
  guint zoom_label_idle;
  RigValidator *validator;
  RigSelection *selection;
  RigAutosave *autosave;
  char *example_title; /* the title of an example rig, which has no file */
  GtkFileChooserNative *open_dialog;
  GtkFileChooserNative *save_dialog;
  gboolean close_after_save; /* a save started from the unsaved-changes question */
  gboolean closing_confirmed;
  int inspector_width; /* the far panes' sizes, kept as the window resizes */
  int problems_height;
  gboolean placing_dividers;
  gboolean problems_were_compact;

  /* The editor's parts, made in code and put in the template's boxes. */
  RigCanvas *canvas;
  RigPalette *palette;
  RigInspector *inspector;
  RigProblems *problems;
  RigOutline *outline;  /* shares the side pane with the palette */
  GtkStack *side_stack; /* in palette_box: the palette or the outline */

  /* Template children. */
  GtkHeaderBar *header_bar;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkMenuButton *menu_button;
  GtkWidget *placeholder_label;
  GtkPaned *outer_paned;
  GtkPaned *inner_paned;
  GtkPaned *center_paned;
  GtkWidget *palette_box;
  GtkWidget *inspector_box;
  GtkWidget *problems_box;
  GtkOverlay *canvas_overlay;
  GtkWidget *problems_button;
  GtkImage *problems_icon;
  GtkLabel *problems_label;
  GtkLabel *zoom_label;
  GMenu *recent_section;

  /* A short message over the canvas (rig-window-notice.c). */
  GtkRevealer *notice_revealer;
  GtkLabel *notice_label;
  guint notice_timeout;

  /* The rig's file on disk (rig-window-disk.c). */
  RigFileState *disk_state; /* as loaded or last saved; NULL: no file */
  GFileMonitor *disk_monitor;
  RigFirstFrame *disk_watch;  /* starts the monitor after the first frame */
  RigFirstFrame *first_check; /* a rig's first check, after its first frame */
  guint disk_check_id;
  GtkInfoBar *disk_bar;
  GtkLabel *disk_label;
  GtkWidget *disk_reload_button;

  /* The Trace view's window (rig-window-trace.c), NULL until first asked. */
  GtkWidget *trace_window;

  /* The open rig's exercise (rig-window-exercise.c). */
  RigExercisePanel *exercise_panel; /* above the inspector */
  GtkWidget *hidden_label;          /* in the problems pane while verdicts are hidden */
  gboolean verdicts_hidden;
  RigLessonSteps *lesson_steps; /* a lesson's steps, above the exercise panel */
  /* A rig file read in the background (rig-window-open.c). */
  GCancellable *open_cancellable; /* NULL when none is read */
  GtkWidget *opening_box;         /* over the canvas: a spinner and the file's name */
  GtkSpinner *opening_spinner;
  GtkLabel *opening_label;
  guint opening_timeout;
  RigDocument *opening_document; /* the rig shown while it is read, watched for changes */
  gulong opening_changed_id;
  gboolean changed_while_opening;
};

/* rig-window-actions.c */
void
rig_window_class_install_editing_actions (GtkWidgetClass *widget_class);
void
rig_window_update_editing_actions (RigWindow *self);
void
rig_window_update_problems_button (RigWindow *self);
void
rig_window_set_problems_button_plain (RigWindow *self, const char *icon_name, const char *tooltip);
void
rig_window_update_zoom_label (RigWindow *self);

/* rig-window-panes.c */
void
rig_window_panes_init (RigWindow *self);
void
rig_window_panes_save (RigWindow *self);
/* The problems list takes its kept height, or only a line when empty. */
void
rig_window_panes_update_problems (RigWindow *self);
/* F6 and Shift+F6: the keyboard to the next or the previous pane shown. */
void
rig_window_panes_focus_next (RigWindow *self, gboolean backward);

/* rig-window.c */
void
rig_window_show_error (RigWindow *self, const char *primary, const char *secondary);

gboolean
rig_window_save_to (RigWindow *self, GFile *file);
void
rig_window_save_as (RigWindow *self);

/* The empty rig's hint, shown when it is empty and no file is being opened. */
void
rig_window_update_placeholder (RigWindow *self);
/* Shows @document (transfer full), read from @file with @state, as a file
 * opened: the recent list, zoomed to fit. @layout: a layout of @document
 * made beforehand (rig_layout_new_deferred()), or NULL. */
void
rig_window_adopt_file (RigWindow *self, GFile *file, RigDocument *document, RigLayout *layout,
                       RigFileState *state);

/* rig-window-open.c */
/* Reads the rig in @file (tidying the leftovers of killed saves beside it
 * first); touches no window, so any thread may call it. */
RigDocument *
rig_window_read_file (GFile *file, RigFileState **state, GError **error);
GtkWidget *
rig_window_open_build (RigWindow *self);
void
rig_window_open_dispose (RigWindow *self);
/* Reads @file again into this window, replacing its rig (the disk bar's
 * Reload), in the background. */
void
rig_window_reload_in_background (RigWindow *self, GFile *file);
/* The window's rig was replaced while a file is read for it. */
void
rig_window_open_document_replaced (RigWindow *self);

/* rig-window-notice.c */
GtkWidget *
rig_window_notice_build (RigWindow *self);
/* Shows @message over the canvas for a few seconds. */
void
rig_window_show_notice (RigWindow *self, const char *message);
void
rig_window_notice_dispose (RigWindow *self);

/* rig-window-disk.c */

/* The answers of the info bar and of the save conflict question. */
enum
{
  RIG_WINDOW_DISK_RELOAD = 1,
  RIG_WINDOW_DISK_SAVE_AS = 2,
  RIG_WINDOW_DISK_SAVE_ANYWAY = 3,
};

GtkWidget *
rig_window_disk_build_bar (RigWindow *self);
/* Records @file's state (@state, or the file's state now when NULL) and
 * watches it; NULL @file stops watching. */
void
rig_window_disk_track (RigWindow *self, GFile *file, RigFileState *state);
void
rig_window_disk_stop (RigWindow *self);
/* Shows the changed-on-disk bar now if the file differs from the state
 * recorded (a restored draft's file), hides it if not. */
void
rig_window_disk_check_now (RigWindow *self);
gboolean
rig_window_disk_has_changed (RigWindow *self);
/* Asks Reload / Save As / Save Anyway / Cancel (close_after_save is kept). */
void
rig_window_disk_ask_conflict (RigWindow *self);

/* rig-window-outline.c */
/* Puts the palette and the outline in the side pane; adds win.show-outline. */
void
rig_window_outline_build (RigWindow *self);
void
rig_window_outline_set_document (RigWindow *self);
gboolean
rig_window_outline_is_shown (RigWindow *self);
/* Shows the side pane with the catalog in it. */
void
rig_window_outline_show_catalog (RigWindow *self);

/* rig-window-trace.c */
void
rig_window_class_install_trace_action (GtkWidgetClass *widget_class);
/* The Trace view's window follows the window's document. */
void
rig_window_trace_set_document (RigWindow *self);
void
rig_window_trace_dispose (RigWindow *self);
/* The Trace view, NULL until the window first showed it. */
RigTraceView *
rig_window_get_trace_view (RigWindow *self);

/* rig-window-exercise.c */
/* Puts the exercise panel above the inspector; adds win.check-wiring. */
void
rig_window_exercise_build (RigWindow *self);
void
rig_window_class_install_exercise_actions (GtkWidgetClass *widget_class);
void
rig_window_exercise_set_document (RigWindow *self);
/* The problems button while verdicts are hidden: no count, no colour. */
void
rig_window_exercise_update_problems_button (RigWindow *self);

G_END_DECLS
