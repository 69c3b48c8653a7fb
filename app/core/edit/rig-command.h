/* rig-command.h: edit commands, the only way a document changes.
 *
 * Build a command, then hand it to rig_history_apply(); the history owns it
 * from then on, applies it, and can undo and redo it. Each constructor copies
 * its arguments. Ids that name nothing make rig_history_apply() fail with
 * RIG_ERROR_NOT_FOUND and leave the document untouched.
 */
#pragma once

#include "rig-document.h"

G_BEGIN_DECLS

typedef struct _RigCommand RigCommand;

/* Adds a device; its id is chosen at first apply (read it back with
 * rig_command_get_created_id()), and kept on redo. @label NULL gives it a
 * label of its own at first apply (rig_document_new_device_label():
 * "Bookshelf speaker 3"), kept on redo. */
RigCommand *
rig_command_add_device (RigDeviceModel *model, const char *label, double x, double y);

/* Adds an existing device value (paste, duplicate); @device is copied, and its
 * id replaced if already used. */
RigCommand *
rig_command_insert_device (const RigDevice *device);

/* Removes devices and every cable on them. */
RigCommand *
rig_command_remove_devices (const char *const *device_ids);

/* Moves devices by (dx, dy). Consecutive moves of the same devices merge into
 * one undo step until the history is sealed (rig_history_seal()), so a drag
 * is one step. */
RigCommand *
rig_command_move_devices (const char *const *device_ids, double dx, double dy);

RigCommand *
rig_command_set_device_label (const char *device_id, const char *label);

/* Sets a figure override; NAN clears it. The value must pass
 * rig_figure_validate() or the apply fails with RIG_ERROR_INVALID. */
RigCommand *
rig_command_set_device_figure (const char *device_id, RigFigure figure, double value);

/* Sets a device's volume, gain or pad control (issue #11) to @value_db; NAN
 * returns it to the model's default. A value the control cannot take
 * (rig_control_accepts()) fails with RIG_ERROR_INVALID; consecutive settings
 * of one control merge into one undo step until the history is sealed. */
RigCommand *
rig_command_set_device_control (const char *device_id, const char *control_id, double value_db);

/* Adds a cable. @spec NULL picks rig_cable_spec_init_for_jacks(). @number NULL
 * takes the next free number for the prefix of the jacks joined. The id is
 * chosen at first apply (rig_command_get_created_id()). */
RigCommand *
rig_command_add_cable (const char *from_device, const char *from_jack, const char *to_device,
                       const char *to_jack, const RigCableSpec *spec, const char *number);

/* Adds an existing cable value (paste); the id is replaced if already used. */
RigCommand *
rig_command_insert_cable (const RigCable *cable);

RigCommand *
rig_command_remove_cables (const char *const *cable_ids);
RigCommand *
rig_command_set_cable_spec (const char *cable_id, const RigCableSpec *spec);
RigCommand *
rig_command_set_cable_number (const char *cable_id, const char *number);
/* Moves one end of a cable to another jack. */
RigCommand *
rig_command_reconnect_cable (const char *cable_id, RigEnd end, const char *device_id,
                             const char *jack_id);

/* NULL leaves a field as it is. */
RigCommand *
rig_command_set_metadata (const char *title, const char *author, const char *notes);
/* The rig's revision ("" for none). */
RigCommand *
rig_command_set_revision (const char *revision);
/* The rig's listening distance in metres (rig_document_get_listening_distance());
 * NAN unsets it. A value rig_figure_validate() refuses fails to apply. */
RigCommand *
rig_command_set_listening_distance (double metres);

/* Several commands as one undo step (paste, duplicate, rewire). Takes
 * ownership of the commands. Applied in order, undone in reverse. */
RigCommand *
rig_command_group (const char *label, RigCommand **commands, guint n_commands);

/* "Add Smartphone", "Move 3 devices", "Connect Phone to Amplifier"... */
const char *
rig_command_get_label (RigCommand *command);

/* For add/insert commands after their first apply: the new object's id. */
const char *
rig_command_get_created_id (RigCommand *command);

void
rig_command_free (RigCommand *command);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RigCommand, rig_command_free)

G_END_DECLS
