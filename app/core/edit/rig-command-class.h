/* rig-command-class.h: between the command base (rig-command.c) and the
 * command families (rig-command-*.c); nothing else includes it.
 *
 * A command kind is a struct that starts with a RigCommand, and a
 * RigCommandClass (its vtable). A constructor allocates it with
 * _rig_command_alloc(), fills it in and returns _rig_command_init_label().
 */
#pragma once

#include "rig-command.h"

G_BEGIN_DECLS

typedef struct _RigCommandClass RigCommandClass;

struct _RigCommandClass
{
  const char *name;
  gboolean (*apply) (RigCommand *command, RigDocument *document, RigChange *change, GError **error);
  void (*revert) (RigCommand *command, RigDocument *document, RigChange *change);
  /* NULL when the kind never merges. */
  gboolean (*merge) (RigCommand *command, RigCommand *next);
  void (*free) (RigCommand *command); /* NULL when the command owns nothing */
  /* The undo label; @document is NULL before the first apply, else the
   * document as it is just before that apply. */
  char *(*label) (RigCommand *command, RigDocument *document);
};

struct _RigCommand
{
  const RigCommandClass *klass;
  char *label;
  char *created_id;
  gboolean applied; /* at least once */
};

/* Called by each constructor: a zeroed command of @size bytes. */
gpointer
_rig_command_alloc (const RigCommandClass *klass, gsize size);
/* Called by each constructor once its fields are set. */
RigCommand *
_rig_command_init_label (RigCommand *command);

/* RIG_ERROR_NOT_FOUND errors; each returns FALSE. */
gboolean
_rig_command_device_not_found (GError **error, const char *id);
gboolean
_rig_command_cable_not_found (GError **error, const char *id);
gboolean
_rig_command_jack_not_found (GError **error, const RigDevice *device, const char *jack_id);

/* The device and jack at one end of a cable to be, or an error. */
gboolean
_rig_command_lookup_end (RigDocument *document, const char *device_id, const char *jack_id,
                         RigDevice **device, const RigJack **jack, GError **error);

/* For labels: a device's label (its id if it is not in @document, which may
 * be NULL), a cable's number (NULL if none). */
/* Both ends of a cable (@cable_id, or NULL for a new one) as the document's
 * rules want them (rig-document-rules.h): the jacks exist, they are two, and
 * each is free. */
gboolean
_rig_command_check_ends (RigDocument *document, const char *cable_id, const char *const device[2],
                         const char *const jack[2], GError **error);
/* Makes each adapter of @spec use the model the document should use for it
 * (rig_document_resolve_model()). */
void
_rig_command_resolve_spec (RigDocument *document, RigCableSpec *spec);

const char *
_rig_command_device_name (RigDocument *document, const char *id);
const char *
_rig_command_cable_number (RigDocument *document, const char *id);

/* A copy of @ids without repeats, in first-seen order. */
GStrv
_rig_command_unique_ids (const char *const *ids);

/* A removed object and where it was. */
typedef struct
{
  guint index;
  gpointer object;
} RigRemoved;

/* For sorting RigRemoved highest index first. */
int
_rig_command_compare_removed_descending (gconstpointer a, gconstpointer b);
/* An empty array of RigRemoved. */
GArray *
_rig_command_removed_new (void);
/* Removes @cables (RigCable*, each once) from the document, highest index
 * first, and records them in @removed (highest first), owned. */
void
_rig_command_take_cables (RigDocument *document, GPtrArray *cables, GArray *removed,
                          RigChange *change);
/* Puts back what _rig_command_take_cables() removed, lowest index first. */
void
_rig_command_restore_cables (RigDocument *document, GArray *removed, RigChange *change);
/* Frees @removed and the objects still in it. */
void
_rig_command_free_removed (GArray *removed, GDestroyNotify free_func);

/* RIG_ERROR_LOCKED, with a sentence naming the part, when the document's
 * exercise locks one of @device_ids, one of @cables (RigCable *), or the
 * cable @cable_id (rig-command-exercise.c). */
gboolean
_rig_command_check_devices_unlocked (RigDocument *document, const char *const *device_ids,
                                     GError **error);
gboolean
_rig_command_check_cables_unlocked (RigDocument *document, GPtrArray *cables, GError **error);
gboolean
_rig_command_check_cable_unlocked (RigDocument *document, const char *cable_id, GError **error);

G_END_DECLS
