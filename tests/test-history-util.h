/* test-history-util.h: the small catalog and the fixture (a document, its
 * history and what it emitted) shared by the test-history-*.c programs. */
#pragma once

#include "rig-command.h"
#include "rig-error.h"
#include "rig-history.h"

/* The small catalog: a phone, an amplifier, a speaker, headphones, a DAC, a
 * power strip and an adapter. */
typedef struct
{
  RigDeviceModel *phone;
  RigDeviceModel *amp;
  RigDeviceModel *speaker;
  RigDeviceModel *headphones;
  RigDeviceModel *dac;
  RigDeviceModel *strip;
  RigDeviceModel *adapter;
  /* Same ids, other content: a user's model or a newer release of a
   * built-in one, which must not take the place of the one in the rig. */
  RigDeviceModel *amp_variant;
  RigDeviceModel *adapter_variant;
} Catalog;

/* The fixture: a document, its history, and what it emitted. */
typedef struct
{
  Catalog c;
  RigDocument *doc;
  RigHistory *history;
  guint n_changed;
  RigChange *last;  /* a copy of the last change emitted */
  char *undo_label; /* the history's undo label as "changed" was emitted */
  guint n_modified; /* notify::modified on the history */
  guint n_can_undo;
  guint n_can_redo;
  guint n_undo_label;
} Fixture;

void
on_notify (GObject *object, GParamSpec *pspec, guint *counter);

void
fixture_set_up (Fixture *f, gconstpointer data);

void
fixture_tear_down (Fixture *f, gconstpointer data);

/* Applies a command that must succeed; exactly one "changed". Returns the
 * command (owned by the history; do not use it after a later merge). */
RigCommand *
apply_ok (Fixture *f, RigCommand *command);

/* Applies a command that must fail with @code, leaving everything as it was
 * and emitting nothing. */
void
apply_fails (Fixture *f, RigCommand *command, RigErrorCode code);

void
undo_ok (Fixture *f);

void
redo_ok (Fixture *f);

const char *
add_device (Fixture *f, RigDeviceModel *model, const char *label, double x, double y);

const char *
add_cable (Fixture *f, const char *from, const char *from_jack, const char *to,
           const char *to_jack);

/* A phone into an amplifier driving two speakers:
 * d1 phone, d2 amp, d3 speaker L, d4 speaker R;
 * c1 phone hp -> amp in, c2 amp spk-l -> d3 (S-001), c3 amp spk-r -> d4 (S-002). */
void
build_stereo (Fixture *f);

/* Each index against a plain scan of the document. */
void
check_indexes (RigDocument *doc);
