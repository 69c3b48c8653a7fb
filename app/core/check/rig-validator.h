/* rig-validator.h: keeps a document's diagnostics current.
 *
 * A RigValidator watches one RigDocument. It checks the whole rig when it is
 * created (and when a change replaces the whole document), then after each
 * edit re-checks only the part of the rig the change can affect: the
 * connected components (devices joined by cables) of the devices and cables
 * the change names. The result always equals a full check
 * (rig_validator_check_full()); tests/test-validator.c asserts it over random
 * edits.
 *
 * Statuses: every cable and device has the worst severity among the
 * diagnostics that concern it (RIG_SEVERITY_NONE when there are none).
 *
 * Signals:
 *   statuses-changed (RigValidator *self, const char *const *cable_ids,
 *                     const char *const *device_ids)
 *     after a re-check, with the ids of the cables and devices whose
 *     diagnostics changed (including removed objects that had diagnostics),
 *     each array sorted by id; not emitted when nothing changed.
 */
#pragma once

#include <glib-object.h>

#include "rig-diagnostic.h"
#include "rig-document.h"

G_BEGIN_DECLS

#define RIG_TYPE_VALIDATOR (rig_validator_get_type ())
G_DECLARE_FINAL_TYPE (RigValidator, rig_validator, RIG, VALIDATOR, GObject)

/* Checks @doc at once and follows its RigDocument::changed signal. */
RigValidator *
rig_validator_new (RigDocument *doc);
/* Follows @doc but checks nothing until rig_validator_check_pending(), the
 * first change of @doc, or the first query that needs the whole rig
 * (rig_validator_get_diagnostics(), _count(), _judge_connection(),
 * _signal_paths()); that first check emits statuses-changed with every
 * object that has diagnostics (even with none). Until then the per-object queries (statuses and
 * diagnostics of one cable or device) answer as for a rig with no
 * problems: so an editor can draw a big rig before checking it, and colour
 * it when the check has run (#13). */
RigValidator *
rig_validator_new_deferred (RigDocument *doc);
/* TRUE while a deferred validator has not checked its document yet. */
gboolean
rig_validator_is_pending (RigValidator *self);
/* Runs a deferred validator's first check, if it has not run. */
void
rig_validator_check_pending (RigValidator *self);
RigDocument *
rig_validator_get_document (RigValidator *self);

/* Every current diagnostic, sorted (rig_diagnostic_compare(): errors first,
 * then by code, then by first object id). A reference to an array that
 * never changes (a later check makes another): read it, do not modify it.
 * A rig's 14,000 diagnostics are not copied for each reader of each edit. */
GPtrArray *
rig_validator_get_diagnostics (RigValidator *self);
/* How many current diagnostics have @severity. */
guint
rig_validator_count (RigValidator *self, RigSeverity severity);

RigSeverity
rig_validator_get_cable_status (RigValidator *self, const char *cable_id);
RigSeverity
rig_validator_get_device_status (RigValidator *self, const char *device_id);
/* The diagnostics that concern one object, sorted; a new array holding
 * references, empty for an unknown id. */
GPtrArray *
rig_validator_get_cable_diagnostics (RigValidator *self, const char *cable_id);
GPtrArray *
rig_validator_get_device_diagnostics (RigValidator *self, const char *device_id);

/* The worst severity the diagnostics concerning a would-be cable between two
 * jacks would have (its cable picked by rig_cable_spec_init_for_jacks()),
 * with everything it would change in its part of the rig (a second speaker
 * dropping the load below the minimum, a ground loop it would close). The
 * document is not modified and no signal is emitted. RIG_SEVERITY_NONE for
 * unknown ids; RIG_SEVERITY_ERROR where the document would refuse the cable
 * (a jack that holds one already, rig-document-rules.h). For the editor's
 * drag preview and the Connect menus. */
RigSeverity
rig_validator_judge_connection (RigValidator *self, const char *from_device, const char *from_jack,
                                const char *to_device, const char *to_jack);

/* The ids of the cables that @device_id's signal travels through, following
 * each device's routes downstream; for a device with no outputs (a speaker),
 * the cables its signal comes through. Sorted; free with g_strfreev(). */
char **
rig_validator_signal_paths (RigValidator *self, const char *device_id);

/* A fresh check of the whole of @doc, independent of any validator: a new
 * array of new diagnostics, sorted. For the command line and the tests. */
GPtrArray *
rig_validator_check_full (RigDocument *doc);

G_END_DECLS
