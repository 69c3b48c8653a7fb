/* rig-rules-private.h: the validator's working data, shared by the rule files.
 *
 * The validator keeps an index of the rig (RigIndex): a node per device and
 * per cable, each device with a list of the cables on each of its jacks. A
 * check judges a *region*: a set of devices closed under cables (one or more
 * whole connected components). A full check is the region of every device;
 * after an edit, the region is the connected components of the devices the
 * change names, so that the incremental result equals a full check by
 * construction (every rule reads only objects connected by cables).
 *
 * Inside a region, jacks are numbered (node = device base + jack index) and
 * grouped into *nets*: jacks joined electrically by cables and by the routes
 * of passive pass-through devices (adapters, splitters, isolators, a passive
 * speaker's link terminals). A net's non-transit jacks are its endpoints; an
 * output endpoint and an input endpoint of one net form a *link*, the unit of
 * the level, direction, channel and impedance rules (doc §3, §4, §6).
 *
 * Every computation is independent of the order in which devices and cables
 * were added (members and cables of a net are sorted by id), so that the
 * texts and numbers of an incremental check equal those of a full one.
 */
#pragma once

#include "rig-diagnostic.h"
#include "rig-document.h"

G_BEGIN_DECLS

/* Rule codes (the rule table in rig-diagnostic.c describes each one). */
#define RIG_CODE_CONNECTOR_FAMILY "connector.family"
#define RIG_CODE_CONNECTOR_GENDER "connector.gender"
#define RIG_CODE_CONNECTOR_HEADSET_STANDARD "connector.headset-standard"
#define RIG_CODE_CONNECTOR_POLES "connector.poles"
#define RIG_CODE_CONNECTOR_SIZE "connector.size"
#define RIG_CODE_IMPEDANCE_BELOW_MINIMUM_LOAD "impedance.below-minimum-load"
#define RIG_CODE_IMPEDANCE_BRIDGING "impedance.bridging"
#define RIG_CODE_IMPEDANCE_DAMPING "impedance.damping"
#define RIG_CODE_IMPEDANCE_HEADPHONE_DRIVE "impedance.headphone-drive"
#define RIG_CODE_IMPEDANCE_HEADPHONE_OUTPUT "impedance.headphone-output"
#define RIG_CODE_IMPEDANCE_PARALLEL_LOAD "impedance.parallel-load"
#define RIG_CODE_POWER_AMP_OVERPOWERED "power.amp-overpowered"
#define RIG_CODE_POWER_AMP_UNDERPOWERED "power.amp-underpowered"
#define RIG_CODE_POWER_HEADPHONE_AMP_TO_SPEAKER "power.headphone-amp-to-speaker"
#define RIG_CODE_POWER_NOT_A_POWER_SOURCE "power.not-a-power-source"
#define RIG_CODE_POWER_PASSIVE_UNAMPLIFIED "power.passive-unamplified"
#define RIG_CODE_POWER_PHANTOM_MISSING "power.phantom-missing"
#define RIG_CODE_POWER_PHANTOM_UNBALANCED "power.phantom-unbalanced"
#define RIG_CODE_POWER_UNPOWERED "power.unpowered"
#define RIG_CODE_POWER_USB_BUDGET "power.usb-budget"
#define RIG_CODE_SIGNAL_BALANCE "signal.balance"
#define RIG_CODE_SIGNAL_BLUETOOTH_LATENCY "signal.bluetooth-latency"
#define RIG_CODE_SIGNAL_CABLE_LENGTH "signal.cable-length"
#define RIG_CODE_SIGNAL_CHANNELS "signal.channels"
#define RIG_CODE_SIGNAL_DIGITAL_ANALOG "signal.digital-analog"
#define RIG_CODE_SIGNAL_GROUND_LOOP "signal.ground-loop"
#define RIG_CODE_SIGNAL_INPUT_TO_INPUT "signal.input-to-input"
#define RIG_CODE_SIGNAL_INSTRUMENT_INTO_LINE "signal.instrument-into-line"
#define RIG_CODE_SIGNAL_LINE_INTO_MIC "signal.line-into-mic"
#define RIG_CODE_SIGNAL_LINE_INTO_PHONO "signal.line-into-phono"
#define RIG_CODE_SIGNAL_MIC_INTO_LINE "signal.mic-into-line"
#define RIG_CODE_SIGNAL_OUTPUT_TO_OUTPUT "signal.output-to-output"
#define RIG_CODE_SIGNAL_PHONO_INTO_LINE "signal.phono-into-line"
#define RIG_CODE_SIGNAL_SPEAKER_INTO_LINE "signal.speaker-into-line"
#define RIG_CODE_TOPOLOGY_FEEDBACK "topology.feedback"
#define RIG_CODE_TOPOLOGY_NO_SIGNAL "topology.no-signal"

/* The id given to the would-be cable of rig_validator_judge_connection();
 * never a valid document id. */
#define RIG_JUDGE_CABLE_ID "(new)"

#define RIG_NO_NET G_MAXUINT

/* ------------------------------------------------------------------ */
/* What a device model is, for the rules (computed once per model).    */

typedef enum
{
  RIG_JACK_AUDIO = 1 << 0,        /* carries audio (signal is not POWER) */
  RIG_JACK_TRANSIT = 1 << 1,      /* passive pass-through: joins its net, never an endpoint */
  RIG_JACK_ORIGIN = 1 << 2,       /* an output where signal starts (a source's output) */
  RIG_JACK_ROUTE_TARGET = 1 << 3, /* some route leads to it */
  RIG_JACK_BALANCED = 1 << 4,     /* XLR, balanced TRS, balanced stereo */
} RigJackFlags;

typedef enum
{
  RIG_MODEL_SERIES = 1 << 0,  /* speaker adapter that wires its outputs in series (keyword) */
  RIG_MODEL_VIDEO = 1 << 1,   /* a TV, console, projector: picture to keep in sync */
  RIG_MODEL_RIBBON = 1 << 2,  /* a ribbon mic: phantom can damage it */
  RIG_MODEL_HEADSET = 1 << 3, /* headphones or mic: a headset plug sends mic, receives audio */
  RIG_MODEL_TRANSIT = 1 << 4, /* an adapter whose routes are plain wires */
} RigModelFlags;

typedef struct
{
  RigDeviceModel *model; /* a reference */
  guint flags;           /* RigModelFlags */
  guint8 *jack_flags;    /* RigJackFlags per jack */
  guint n_routes;
  int *route_from; /* jack indices, -1 when a route names no jack */
  int *route_to;
} RigModelInfo;

/* ------------------------------------------------------------------ */
/* The index                                                           */

typedef struct _RigDevNode RigDevNode;
typedef struct _RigCabNode RigCabNode;
typedef struct _RigCabLink RigCabLink;
typedef struct _RigIndex RigIndex;

struct _RigCabLink
{
  RigCabNode *cable;
  RigCabLink *prev, *next;
};

typedef enum
{
  RIG_CAB_POLES_ISSUE = 1 << 0, /* connector.poles raised: contacts lost at a plug */
  RIG_CAB_LINKED = 1 << 1,      /* in its devices' jack lists */
} RigCabFlags;

struct _RigCabNode
{
  RigCable *cable; /* owned when the index owns its objects */
  RigDevNode *dev[2];
  int jack[2];        /* jack index on dev[i]'s model, -1 if the id names none */
  RigCabLink link[2]; /* membership of the list of (dev[i], jack[i]) */
  GPtrArray *diags;   /* RigDiagnostic * that concern this cable (validator only) */
  RigSeverity status;
  guint mark;  /* region collection */
  guint flags; /* RigCabFlags (scratch, per check) */
  guint index; /* position in the region's cable array */
};

typedef enum
{
  RIG_DEV_POWER_EXPLAINED = 1 << 0, /* power.not-a-power-source already names its inlet */
} RigDevFlags;

struct _RigDevNode
{
  RigDevice *device; /* owned when the index owns its objects */
  RigModelInfo *info;
  guint n_jacks;
  RigCabLink **heads; /* n_jacks + 1 lists; the last holds cables on unknown jacks */
  GPtrArray *diags;
  RigSeverity status;
  guint mark;
  guint base;  /* first node of this device in the region */
  guint pos;   /* position in the region's device array */
  guint flags; /* RigDevFlags (scratch) */
};

struct _RigIndex
{
  gboolean owns;         /* devices and cables are copies owned by the index */
  GHashTable *devices;   /* id -> RigDevNode */
  GHashTable *cables;    /* id -> RigCabNode */
  GHashTable *models;    /* RigDeviceModel * -> RigModelInfo */
  RigDevNode *recent[2]; /* the last devices looked up for a cable, a cheap cache */
  /* A one-off index (rig_index_fill_pooled()): nodes in arrays, no tables. */
  RigDevNode *dev_pool;
  guint n_dev_pool;
  RigCabNode *cab_pool;
  guint n_cab_pool;
  RigCabLink **head_pool;
  guint epoch;
};

RigIndex *
rig_index_new (gboolean owns);
void
rig_index_free (RigIndex *index);
/* Builds an index of every device and cable of @doc. */
void
rig_index_fill (RigIndex *index, RigDocument *doc);
/* A borrowed, read-only index of @doc for one full check: nodes in arrays,
 * no hash tables. Fills @devices and @cables with every node. */
void
rig_index_fill_pooled (RigIndex *index, RigDocument *doc, GPtrArray *devices, GPtrArray *cables);
RigModelInfo *
rig_index_model_info (RigIndex *index, RigDeviceModel *model);
/* Takes @device (owned or borrowed as the index says). */
RigDevNode *
rig_index_add_device (RigIndex *index, RigDevice *device);
/* Replaces the device value of @node (takes @device). */
void
rig_index_replace_device (RigIndex *index, RigDevNode *node, RigDevice *device);
void
rig_index_remove_device (RigIndex *index, RigDevNode *node);
/* Takes @cable; NULL if an end names no device of the index. @link FALSE
 * leaves it out of the hash table (the judge's temporary cable). */
RigCabNode *
rig_index_add_cable (RigIndex *index, RigCable *cable, gboolean in_table);
void
rig_index_remove_cable (RigIndex *index, RigCabNode *node, gboolean in_table);

/* Iterates the cables on one jack (jack == n_jacks: cables on unknown jacks). */
#define RIG_FOREACH_JACK_CABLE(dev, jack, var)                                                     \
  for (RigCabLink *var##_l = (dev)->heads[(jack)]; var##_l != NULL; var##_l = var##_l->next)       \
    for (RigCabNode *var = var##_l->cable; var != NULL; var = NULL)

/* The end of @cable at (dev, jack): 0 or 1 (0 if neither). */
static inline guint
rig_cab_end_at (const RigCabNode *cable, const RigDevNode *dev, int jack)
{
  return (cable->dev[1] == dev && cable->jack[1] == jack
          && !(cable->dev[0] == dev && cable->jack[0] == jack))
             ? 1
             : 0;
}

static inline const RigJack *
rig_dev_jack (const RigDevNode *dev, int jack)
{
  return &dev->device->model->jacks[jack];
}

static inline RigCategory
rig_dev_category (const RigDevNode *dev)
{
  return dev->device->model->category;
}

/* ------------------------------------------------------------------ */
/* A region and its nets                                               */

typedef struct
{
  guint first, n_members;      /* into region->members */
  guint first_cable, n_cables; /* into region->net_cables */
  double load;                 /* speaker load of the net, Ω (NAN unknown, INFINITY open) */
  guint8 load_state;           /* 0 not computed, 1 computing, 2 done */
} RigNet;

typedef enum
{
  RIG_NODE_POWERED = 1 << 0, /* a power-requiring jack whose net has a supplier */
} RigNodeFlags;

typedef struct _RigRegion RigRegion;

struct _RigRegion
{
  RigIndex *index;
  GPtrArray *devices; /* RigDevNode * */
  GPtrArray *cables;  /* RigCabNode * */

  guint n_nodes;         /* jacks */
  RigDevNode **node_dev; /* node -> device */
  guint8 *node_flags;    /* RigNodeFlags */
  guint *net_of;         /* node -> net or RIG_NO_NET */
  RigNet *nets;
  guint n_nets;
  guint *members;          /* nodes, net by net, each net sorted by (device id, jack) */
  RigCabNode **net_cables; /* cables, net by net, each net sorted by id */

  /* The directed signal graph: 2 vertices per jack (2n: into the jack,
   * 2n + 1: out of it), edges from routes and from net links. CSR. */
  guint *fwd_start, *fwd;
  guint *rev_start, *rev;
  guint8 *reached; /* per vertex: signal from some origin arrives */
  guint *vvisit;   /* per vertex, search epochs */
  guint vvisit_epoch;

  /* Scratch for searches. */
  guint *visit;
  guint visit_epoch;
  guint *parent_node;
  RigCabNode **parent_cable;
  GArray *queue;        /* guint, for rig_region_net_path_into() */
  GPtrArray *link_path; /* reused by each link */
  GPtrArray *link_transit;

  /* Results. */
  GPtrArray *out;        /* RigDiagnostic * (owned refs) */
  gboolean attach;       /* record which nodes each diagnostic concerns */
  GPtrArray *attach_dev; /* pairs: RigDevNode *, RigDiagnostic * */
  GPtrArray *attach_cab; /* pairs: RigCabNode *, RigDiagnostic * */
};

static inline int
rig_node_jack (const RigRegion *region, guint node)
{
  return (int) (node - region->node_dev[node]->base);
}

static inline guint
rig_node_of (const RigDevNode *dev, int jack)
{
  return dev->base + (guint) jack;
}

static inline const RigJack *
rig_node_jack_spec (const RigRegion *region, guint node)
{
  return rig_dev_jack (region->node_dev[node], rig_node_jack (region, node));
}

static inline guint8
rig_node_jflags (const RigRegion *region, guint node)
{
  const RigDevNode *dev = region->node_dev[node];
  return dev->info->jack_flags[node - dev->base];
}

/* A region over the devices collected in @devices (closed under cables) and
 * @cables. Takes both arrays. */
RigRegion *
rig_region_new (RigIndex *index, GPtrArray *devices, GPtrArray *cables, gboolean attach);
void
rig_region_free (RigRegion *region);
/* Runs every rule over the region, appending to region->out. */
void
rig_region_judge (RigRegion *region);

/* Collects the connected components of @seeds (RigDevNode *) into a region's
 * device and cable arrays. */
void
rig_index_collect (RigIndex *index, GPtrArray *seeds, GPtrArray *devices, GPtrArray *cables);

/* Calls @func with batches of whole connected components of the devices in
 * @all (each batch about @max_jacks jacks); @func takes the two arrays. */
typedef void (*RigBatchFunc) (RigIndex *index, GPtrArray *devices, GPtrArray *cables,
                              gpointer data);
void
rig_index_foreach_batch (RigIndex *index, GPtrArray *all, guint max_jacks, RigBatchFunc func,
                         gpointer data);

/* A new search epoch for region->visit. */
guint
rig_region_new_visit (RigRegion *region);

/* The cables joining @from and @to inside their net (from the @from side),
 * in order; empty if they are the same node or not joined. Deterministic. */
GPtrArray *
rig_region_net_path (RigRegion *region, guint from, guint to);
/* The same, appended to @out. */
void
rig_region_net_path_into (RigRegion *region, guint from, guint to, GPtrArray *out);

/* Sorts nodes by (device id, jack index). */
void
rig_region_sort_nodes (RigRegion *region, guint *nodes, guint n);

/* Builds nets and the signal graph (rig-rules-topology.c). */
void
rig_region_build_nets (RigRegion *region);
void
rig_region_build_graph (RigRegion *region);
/* The cables the signal of @dev travels through (rig-rules-topology.c):
 * sorted ids, borrowed strings. */
GPtrArray *
rig_region_signal_paths (RigRegion *region, RigDevNode *dev);
/* TRUE if some vertex upstream of @vertex (or it) belongs to a device of
 * model flag @flag. */
gboolean
rig_region_upstream_has (RigRegion *region, guint vertex, guint flag);

/* ------------------------------------------------------------------ */
/* A link: an output endpoint and an input endpoint of one net          */

typedef struct
{
  RigRegion *region;
  guint net;
  guint src, snk; /* nodes */
  RigDevNode *sdev, *kdev;
  int sj, kj;
  const RigJack *sjack, *kjack;
  RigSignal sclass, kclass;   /* the signal class as a source / as a sink */
  guint schannels, kchannels; /* channels as a source / as a sink */
  GPtrArray *path;            /* RigCabNode *, source to sink */
  GPtrArray *transit;         /* transit RigDevNode * on the path (adapters), by id */
  gboolean class_issue;       /* a level/kind rule fired: skip the impedance rules */
} RigLink;

/* ------------------------------------------------------------------ */
/* Building diagnostics                                                */

typedef struct
{
  GPtrArray *cables;    /* RigCabNode * */
  GPtrArray *devices;   /* RigDevNode * */
  GPtrArray *jacks;     /* char * "DEVICE:JACK", owned */
  GPtrArray *jack_devs; /* RigDevNode * of each jack */
} RigDiagBuilder;

/* A diagnostic in one block; sorts the id arrays in place, keeps nothing. */
RigDiagnostic *
_rig_diagnostic_new (const char *code, RigSeverity severity, const char **cables, guint n_cables,
                     const char **devices, guint n_devices, const char **jacks, guint n_jacks,
                     const char *message, const char *why, const char *hear, const char *fix);

void
rig_diag_init (RigDiagBuilder *builder);
void
rig_diag_add_cable (RigDiagBuilder *builder, RigCabNode *cable);
void
rig_diag_add_device (RigDiagBuilder *builder, RigDevNode *dev);
void
rig_diag_add_jack (RigDiagBuilder *builder, RigDevNode *dev, int jack);
void
rig_diag_add_path (RigDiagBuilder *builder, GPtrArray *path);
/* Adds the link's path cables and its two jacks. */
void
rig_diag_add_link (RigDiagBuilder *builder, const RigLink *link);
/* Creates the diagnostic (taking the strings), adds it to region->out,
 * clears the builder. */
void
rig_diag_emit (RigRegion *region, RigDiagBuilder *builder, const char *code, RigSeverity severity,
               char *message, char *why, char *hear, char *fix);

/* Texts. Each returns a new string. */
char *
rig_text_jack (const RigDevNode *dev, int jack); /* "Phone headphone out" */
char *
rig_text_cable_title (const RigCabNode *cable); /* "Cable A-003" */
char *
rig_text_num (double value); /* "12.6", "0.32", "1" */
char *
rig_text_ohms (double ohms); /* "8 Ω", "47 kΩ" */
char *
rig_text_db (double db); /* "3.5" (one decimal) */
char *
rig_text_watts (double watts); /* "20 W", "0.5 W" */
char *
rig_text_volts (double volts); /* "12.6 V", "10 mV" */
/* "Cable A-003: Phone headphone out → Bookshelf L speaker in" with ", through
 * Splitter" when the link passes adapters. */
char *
rig_text_link (const RigLink *link);
/* "Cable A-003: Phone headphone out → Speaker aux in" in signal order when
 * one end is an output, else from → to. */
char *
rig_text_cable (const RigCabNode *cable);
/* A device's label. */
const char *
rig_text_label (const RigDevNode *dev);

/* Typical figures of a signal class (doc §1), used in explanations when a
 * jack does not state its own. */
double
rig_signal_typical_volts (RigSignal signal);

/* The device's phantom switch (RIG_FIGURE_PHANTOM_ON); unset reads as off,
 * as mixers ship (doc §5: phantom is supplied by inputs "that have it
 * switched on"). */
gboolean
rig_dev_phantom_on (const RigDevNode *dev);
gboolean
rig_jack_is_balanced (const RigJack *jack);

/* ------------------------------------------------------------------ */
/* The rules, by family                                                */

/* rig-rules-connector.c: per cable. */
void
rig_rules_connector_cable (RigRegion *region, RigCabNode *cable);

/* rig-rules-signal.c */
void
rig_rules_signal_cable (RigRegion *region, RigCabNode *cable); /* cable length */
void
rig_rules_signal_net (RigRegion *region, guint net); /* direction */
void
rig_rules_signal_link (RigRegion *region, RigLink *link); /* level, kind, channels */
void
rig_rules_signal_ground_loops (RigRegion *region);

/* rig-rules-power.c */
void
rig_rules_power_net (RigRegion *region, guint net); /* supplies, budget, inlets */
void
rig_rules_power_link (RigRegion *region, RigLink *link); /* passive, phantom */
void
rig_rules_power_device (RigRegion *region, RigDevNode *dev); /* unpowered */
/* Amplifier power against a speaker's rating, called by the impedance rules
 * with the speaker's share of the amplifier's power. */
void
rig_rules_power_amp_speaker (RigRegion *region, RigDevNode *amp, int amp_jack, RigDevNode *speaker,
                             int speaker_jack, GPtrArray *path, double load_ohms,
                             double speaker_watts);

/* rig-rules-impedance.c */
double
rig_region_net_load (RigRegion *region, guint net);
void
rig_rules_impedance_link (RigRegion *region, RigLink *link);
void
rig_rules_impedance_net (RigRegion *region, guint net); /* parallel load, wire */
void
rig_rules_impedance_device (RigRegion *region, RigDevNode *dev); /* amplifier outputs */

/* rig-rules-topology.c */
void
rig_rules_topology (RigRegion *region); /* no-signal, feedback */

G_END_DECLS
