/* rig-document.h: a rig: metadata, device instances and cables.
 *
 * The document owns its devices and cables and keeps them in a stable order
 * (the order they are saved in). It changes only through edit commands applied
 * by a history (edit/rig-history.h), which whoever edits the document makes for
 * it; each command emits RigDocument::changed once.
 * Reading is free: the getters return borrowed pointers valid until the next
 * change.
 */
#pragma once

#include <gio/gio.h>

#include "rig-cable.h"
#include "rig-change.h"
#include "rig-device.h"
#include "rig-exercise.h"
#include "rig-lesson.h"

G_BEGIN_DECLS

#define RIG_TYPE_DOCUMENT (rig_document_get_type ())
G_DECLARE_FINAL_TYPE (RigDocument, rig_document, RIG, DOCUMENT, GObject)

RigDocument *
rig_document_new (void);

/* Metadata. Set through rig_command_set_metadata(). */
const char *
rig_document_get_title (RigDocument *self); /* never NULL, may be "" */
const char *
rig_document_get_author (RigDocument *self); /* never NULL */
const char *
rig_document_get_notes (RigDocument *self); /* never NULL */
/* The rig's revision, as its sheets print it ("B", "rev. 3"); never NULL,
 * "" when the rig has none. Set through rig_command_set_revision(). */
const char *
rig_document_get_revision (RigDocument *self);

/* The rig's listening distance in metres, from the speakers to the listener
 * (doc/physics.md §5.1): NAN when the rig does not set it (files from before
 * the setting), and the rules then assume RIG_DEFAULT_LISTENING_DISTANCE. A
 * speaker or headphones may override it (RIG_FIGURE_LISTENING_DISTANCE). Valid
 * values are those rig_figure_validate() accepts for that figure. Set through
 * _rig_document_set_listening_distance() (rig-document-private.h), which
 * records RIG_CHANGE_SETTINGS. */
#define RIG_DEFAULT_LISTENING_DISTANCE 2.5
double
rig_document_get_listening_distance (RigDocument *self);

/* The file the document was loaded from or saved to, or NULL. */
GFile *
rig_document_get_file (RigDocument *self);
void
rig_document_set_file (RigDocument *self, GFile *file);

guint
rig_document_get_n_devices (RigDocument *self);
RigDevice *
rig_document_get_device (RigDocument *self, guint index);
RigDevice *
rig_document_find_device (RigDocument *self, const char *id);
int
rig_document_device_index (RigDocument *self, const char *id); /* -1 if none */

guint
rig_document_get_n_cables (RigDocument *self);
RigCable *
rig_document_get_cable (RigDocument *self, guint index);
RigCable *
rig_document_find_cable (RigDocument *self, const char *id);
int
rig_document_cable_index (RigDocument *self, const char *id);

/* The cables with an end on @device_id (any jack), or on one jack. Returns a
 * borrowed array of RigCable* (do not modify), possibly empty, never NULL. */
GPtrArray *
rig_document_get_device_cables (RigDocument *self, const char *device_id);
/* Fills @out (RigCable*) with the cables on that jack; returns how many. */
guint
rig_document_get_jack_cables (RigDocument *self, const char *device_id, const char *jack_id,
                              GPtrArray *out);

/* The device at one end of a cable and the jack spec there. */
RigDevice *
rig_document_cable_device (RigDocument *self, const RigCable *cable, RigEnd end);
const RigJack *
rig_document_cable_jack (RigDocument *self, const RigCable *cable, RigEnd end);
/* The number prefix for @cable by the jacks it joins
 * (rig_cable_prefix_for_jacks()): ANALOG when one of them is gone. */
RigCablePrefix
rig_document_cable_prefix (RigDocument *self, const RigCable *cable);

/* Fresh ids and numbers, never used in this document before. */
char *
rig_document_new_device_id (RigDocument *self);
char *
rig_document_new_cable_id (RigDocument *self);
char *
rig_document_new_cable_number (RigDocument *self, const char *prefix); /* "A-004" */

/* The model with @id that a device or an adapter of the document uses
 * (borrowed), or NULL. Two different models never share an id in a document. */
RigDeviceModel *
rig_document_find_model (RigDocument *self, const char *id);

/* The model to use for @model in this document (a new reference): @model
 * itself when its id is free, the document's own when it holds an identical
 * one, else a copy under the first free id "ID-2", "ID-3", ... (or an
 * identical model already there under that id). Edit commands call it for
 * every model they bring in (rig-document-models.c). */
RigDeviceModel *
rig_document_resolve_model (RigDocument *self, RigDeviceModel *model);

/* The distinct device models the document uses (devices and cable adapters),
 * sorted by id. Borrowed references in a new array: free the array only. */
GPtrArray *
rig_document_list_models (RigDocument *self);

/* A document with the same content (not the same history). */
RigDocument *
rig_document_copy (RigDocument *self);

/* TRUE when metadata, devices and cables are equal, in the same order. */
gboolean
rig_document_content_equal (RigDocument *a, RigDocument *b);

/* The rig's exercise (rig-exercise.h), borrowed, or NULL for an ordinary
 * rig. Set through the exercise commands (edit/rig-command-exercise.h). */
const RigExercise *
rig_document_get_exercise (RigDocument *self);

/* The rig's guided steps (rig-lesson.h), borrowed, or NULL. Set when the
 * file is read. */
const RigLesson *
rig_document_get_lesson (RigDocument *self);

G_END_DECLS
