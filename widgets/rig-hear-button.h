/* rig-hear-button.h: "Hear it": a problem's "What you would hear", played.
 *
 * Two buttons, "As wired" (A) and "Wired right" (B), play the problem's clip
 * (rig-hear.h: the band loop through a model of the fault, from the rule's
 * own figures) and the same clip without the fault, through GTK's media
 * stream (GtkMediaFile, the GStreamer backend). The clip goes to a temporary
 * WAV file, removed when playing stops. Where no sound can be played (no
 * media backend, no audio device) a short message says so under the buttons;
 * nothing blocks and nothing fails loudly. The widget hides itself while it
 * has no problem with a sound.
 */
#pragma once

#include <gtk/gtk.h>

#include "rig-hear.h"

G_BEGIN_DECLS

#define RIG_TYPE_HEAR_BUTTON (rig_hear_button_get_type ())
G_DECLARE_FINAL_TYPE (RigHearButton, rig_hear_button, RIG, HEAR_BUTTON, GtkWidget)

GtkWidget *
rig_hear_button_new (void);

/* Plays @diagnostic's sound (NULL, or one with none: the widget hides). */
void
rig_hear_button_set_diagnostic (RigHearButton *self, RigDiagnostic *diagnostic);

/* Follows the worst audible problem of cable @cable_id, as the validator of
 * the inspector page the widget is on reports it (rig_hear_find_for_cable()),
 * updated after each re-check while the widget is shown. */
void
rig_hear_button_set_cable (RigHearButton *self, const char *cable_id);

/* With @stacked, "Hear It" is a heading above the buttons (for a narrow
 * pane), else "Hear it:" is at their left. */
void
rig_hear_button_set_stacked (RigHearButton *self, gboolean stacked);

/* The diagnostic it plays, or NULL (borrowed). */
RigDiagnostic *
rig_hear_button_get_diagnostic (RigHearButton *self);

/* Starts playing @version (stopping what plays); FALSE with @error when it
 * cannot, which the widget also shows. */
gboolean
rig_hear_button_play (RigHearButton *self, RigHearVersion version, GError **error);

/* Stops playing, if it does. */
void
rig_hear_button_stop (RigHearButton *self);

/* The version playing, or -1. */
int
rig_hear_button_get_playing (RigHearButton *self);

/* The message under the buttons ("" when none). */
const char *
rig_hear_button_get_status (RigHearButton *self);

G_END_DECLS
