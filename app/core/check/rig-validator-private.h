/* rig-validator-private.h: the validator's own bookkeeping, for
 * rig-validator*.c only (rules see rig-rule.h).
 *
 * The validator keeps an index of the rig (RigIndex): an entry per device
 * and per cable, each device with a list of the cables on each of its jacks.
 * A check judges a region (rig-rule.h): a full check is the region of every
 * device; after an edit, the region is the connected components of the
 * devices the change names, so that the incremental result equals a full
 * check by construction (every rule reads only objects connected by cables).
 *
 * An entry starts with the node the rules see (RigDevNode, RigCabNode), so
 * that a node pointer converts to its entry and back.
 */
#pragma once

/* Rules see rig-rule.h only; the validator's files say who they are. */
#ifndef RIG_VALIDATOR_COMPILATION
#error "rig-validator-private.h is for rig-validator*.c only"
#endif

#include "rig-rule.h"

G_BEGIN_DECLS

typedef struct _RigDevEntry RigDevEntry;
typedef struct _RigCabEntry RigCabEntry;
typedef struct _RigCabLink RigCabLink;
typedef struct _RigIndex RigIndex;

struct _RigCabLink
{
  RigCabEntry *cable;
  RigCabLink *prev, *next;
};

struct _RigCabEntry
{
  RigCabNode node;    /* first: what the rules see */
  RigCabLink link[2]; /* membership of the list of (dev[i], jack[i]) */
  gboolean linked;    /* in its devices' jack lists */
  GPtrArray *diags;   /* RigDiagnostic * that concern this cable */
  RigSeverity status;
  guint mark; /* region collection */
};

struct _RigDevEntry
{
  RigDevNode node;    /* first: what the rules see */
  RigCabLink **heads; /* n_jacks + 1 lists; the last holds cables on unknown jacks */
  GPtrArray *diags;
  RigSeverity status;
  guint mark;
};

#define RIG_DEV_ENTRY(n) ((RigDevEntry *) (n))
#define RIG_CAB_ENTRY(n) ((RigCabEntry *) (n))
/* The device entry at end @end of a cable entry. */
#define RIG_CAB_DEV(c, end) RIG_DEV_ENTRY ((c)->node.dev[(end)])

struct _RigIndex
{
  gboolean owns;          /* devices and cables are copies owned by the index */
  GHashTable *devices;    /* id -> RigDevEntry */
  GHashTable *cables;     /* id -> RigCabEntry */
  GHashTable *models;     /* RigDeviceModel * -> RigModelInfo */
  RigDevEntry *recent[2]; /* the last devices looked up for a cable, a cheap cache */
  /* A one-off index (rig_index_fill_pooled()): entries in arrays, no tables. */
  RigDevEntry *dev_pool;
  guint n_dev_pool;
  RigCabEntry *cab_pool;
  guint n_cab_pool;
  RigCabLink **head_pool;
  guint epoch;
  double listening_distance; /* the document's, for the regions (NAN: unset) */
};

RigIndex *
rig_index_new (gboolean owns);
void
rig_index_free (RigIndex *index);
/* Builds an index of every device and cable of @doc; @devices and @cables
 * (if not NULL) get the entries made, in the document's order. */
void
rig_index_fill (RigIndex *index, RigDocument *doc, GPtrArray *devices, GPtrArray *cables);
/* A borrowed, read-only index of @doc for one full check: entries in
 * arrays, no hash tables. Fills @devices and @cables with every entry. */
void
rig_index_fill_pooled (RigIndex *index, RigDocument *doc, GPtrArray *devices, GPtrArray *cables);
RigModelInfo *
rig_index_model_info (RigIndex *index, RigDeviceModel *model);
/* Takes @device (owned or borrowed as the index says). */
RigDevEntry *
rig_index_add_device (RigIndex *index, RigDevice *device);
/* Replaces the device value of @entry (takes @device). */
void
rig_index_replace_device (RigIndex *index, RigDevEntry *entry, RigDevice *device);
void
rig_index_remove_device (RigIndex *index, RigDevEntry *entry);
/* Takes @cable; NULL if an end names no device of the index. @in_table
 * FALSE leaves it out of the hash table (the judge's temporary cable). */
RigCabEntry *
rig_index_add_cable (RigIndex *index, RigCable *cable, gboolean in_table);
void
rig_index_remove_cable (RigIndex *index, RigCabEntry *entry, gboolean in_table);

/* Collects the connected components of @seeds (RigDevEntry *) into a
 * region's device and cable arrays. */
void
rig_index_collect (RigIndex *index, GPtrArray *seeds, GPtrArray *devices, GPtrArray *cables);

/* Calls @func with batches of whole connected components of the devices in
 * @all (each batch about @max_jacks jacks); @func takes the two arrays. */
typedef void (*RigBatchFunc) (RigIndex *index, GPtrArray *devices, GPtrArray *cables,
                              gpointer data);
void
rig_index_foreach_batch (RigIndex *index, GPtrArray *all, guint max_jacks, RigBatchFunc func,
                         gpointer data);

/* Iterates the cables on one jack of a device entry (jack == n_jacks: the
 * cables on unknown jacks). */
#define RIG_FOREACH_JACK_CABLE(dev, jack, var)                                                     \
  for (RigCabLink *var##_l = (dev)->heads[(jack)]; var##_l != NULL; var##_l = var##_l->next)       \
    for (RigCabEntry *var = var##_l->cable; var != NULL; var = NULL)

/* ------------------------------------------------------------------ */
/* A region's private state                                            */

typedef struct
{
  RigRegion pub; /* first: what the rules see */
  RigIndex *index;
  gboolean fit_known; /* the connector rules have marked the unfit cables */

  /* Per node, rig_region_contacts() as the nets leave it (they set the
   * node flags it reads): filled by rig_region_fill_contacts(). */
  guint8 *contacts;

  guint *vvisit; /* per signal-graph vertex, search epochs */
  guint vvisit_epoch;

  /* Scratch for searches inside nets. */
  guint *visit;
  guint visit_epoch;
  guint *parent_node;
  RigCabNode **parent_cable;
  GArray *queue;        /* guint, for rig_region_net_path_into() */
  GPtrArray *link_path; /* reused by each link */
  GPtrArray *link_transit;

  /* Results. */
  GPtrArray *out;           /* RigDiagnostic * (owned refs) */
  gboolean attach;          /* record which entries each diagnostic concerns */
  GPtrArray *attach_dev;    /* pairs: RigDevEntry *, RigDiagnostic * */
  GPtrArray *attach_cab;    /* pairs: RigCabEntry *, RigDiagnostic * */
  RigHearFigures hear;      /* for the next diagnostic (rig_diag_set_hear()) */
  GHashTable *number_texts; /* rig_region_number_text(): NumberKey * -> char * */

  /* The region's level traces (rig-trace-private.h), made when first
   * asked for: RigRegionTrace *, open ends included, as set and at max. */
  gpointer trace, trace_at_max;
} RigRegionPrivate;

#define RIG_REGION_PRIVATE(r) ((RigRegionPrivate *) (r))

/* A region over the devices collected in @devices (closed under cables) and
 * @cables (entries). Takes both arrays. */
RigRegion *
rig_region_new (RigIndex *index, GPtrArray *devices, GPtrArray *cables, gboolean attach);
void
rig_region_free (RigRegion *region);
/* The diagnostics found (RigDiagnostic *, owned by the region). */
GPtrArray *
rig_region_get_diagnostics (RigRegion *region);

/* Builds nets and the signal graph (rig-validator-nets.c). The nets leave
 * out the cables the connector rules find unfit (RIG_CAB_UNFIT); they are
 * run first if rig_region_judge_fit() has not been. */
void
rig_region_build_nets (RigRegion *region);
void
rig_region_build_graph (RigRegion *region);
/* Computes every node's contacts once (rig_region_build_graph() does, the
 * nets built): rig_region_contacts() reads them from then on. */
void
rig_region_fill_contacts (RigRegion *region);
/* The cables the signal of @dev travels through: sorted ids, borrowed. */
GPtrArray *
rig_region_signal_paths (RigRegion *region, RigDevNode *dev);

/* Runs every registered rule over the region (rig-validator-judge.c). */
void
rig_region_judge (RigRegion *region);
/* Runs the connector rules over every cable, which mark the cables whose
 * plugs cannot meet (RIG_CAB_UNFIT); once per region. */
void
rig_region_judge_fit (RigRegion *region);

G_END_DECLS
