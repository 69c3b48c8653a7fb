/* rig-rule.h: what a rule sees of a rig, and the rule registry.
 *
 * A check judges a *region*: a set of devices closed under cables (one or
 * more whole connected components). Inside a region, jacks are numbered
 * (node = device base + jack index) and grouped into *nets*: jacks joined
 * electrically by cables and by the routes of passive pass-through devices
 * (adapters, splitters, isolators, a passive speaker's link terminals). A
 * net's non-transit jacks are its endpoints; an output endpoint and an input
 * endpoint of one net whose contacts meet (a phone's headset socket sends on
 * tip and ring, receives on its mic contact: physics.md §3.1) form a *link*,
 * the unit of the level, direction, channel and impedance rules (physics.md
 * §3, §4, §6). A cable whose plugs cannot meet joins no net.
 *
 * A rule is a function and one row of the registry (rig-rule-registry.c):
 * its code, family, default severity, scope (what it is called with), the
 * section of doc/physics.md it follows and a one-line description. The
 * validator calls each row's function on every object of the row's scope,
 * scope by scope: cables, then each net (its net rules and its links, in
 * registry order), then devices, then the whole region. A rule reads the
 * region and emits diagnostics with rig_diag_emit(); it sees nothing of the
 * validator's index or incremental state (rig-validator-private.h).
 *
 * Every computation is independent of the order in which devices and cables
 * were added (members and cables of a net are sorted by id), so that the
 * texts and numbers of an incremental check equal those of a full one.
 */
#pragma once

#include "rig-diagnostic.h"
#include "rig-document.h"

G_BEGIN_DECLS

/* Rule codes (the registry describes each one). */
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
#define RIG_CODE_POWER_SUPPLY_BUDGET "power.supply-budget"
#define RIG_CODE_POWER_SUPPLY_VOLTAGE "power.supply-voltage"
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
#define RIG_CODE_SIGNAL_CLIPPING "signal.clipping"
#define RIG_CODE_SIGNAL_LEVEL_MISMATCH "signal.level-mismatch"

#define RIG_NO_NET G_MAXUINT

/* The id given to the would-be cable of rig_validator_judge_connection();
 * never a valid document id. */
#define RIG_JUDGE_CABLE_ID "(new)"

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
  RIG_MODEL_AMP = 1 << 5,     /* a speaker output of its own (rig_amp_outputs_foreach()) */
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
/* Devices and cables of a region                                      */

typedef struct _RigDevNode RigDevNode;
typedef struct _RigCabNode RigCabNode;

typedef enum
{
  RIG_DEV_POWER_EXPLAINED = 1 << 0, /* power.not-a-power-source already names its inlet */
} RigDevFlags;

/* A device as the rules see it. (The validator keeps its own bookkeeping
 * around it, in rig-validator-private.h.) */
struct _RigDevNode
{
  RigDevice *device;
  RigModelInfo *info;
  guint n_jacks;
  guint base;  /* first node of this device in the region */
  guint pos;   /* position in the region's device array */
  guint flags; /* RigDevFlags, facts about the region (reset per check) */
};

typedef enum
{
  RIG_CAB_POLES_ISSUE = 1 << 0, /* connector.poles raised: contacts lost at a plug */
  RIG_CAB_UNFIT = 1 << 1,       /* a plug cannot meet its socket (marked by connector.size
                                 * for what connector.family, .size and .gender report):
                                 * the cable carries nothing, joins no net */
} RigCabFlags;

struct _RigCabNode
{
  RigCable *cable;
  RigDevNode *dev[2];
  int jack[2]; /* jack index on dev[i]'s model, -1 if the id names none */
  guint flags; /* RigCabFlags (reset per check) */
  guint index; /* position in the region's cable array */
};

/* For sorting arrays of RigDevNode * or RigCabNode * by id (natural order). */
int
rig_dev_compare_by_id (gconstpointer a, gconstpointer b);
int
rig_cab_compare_by_id (gconstpointer a, gconstpointer b);

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
  RIG_NODE_POWERED = 1 << 0,   /* a power-requiring jack whose net has a supplier */
  RIG_NODE_MIC_LIVE = 1 << 1,  /* a TRRS headset jack whose mic contact a 4-pole plug meets
                                * (physics.md §2.2, §3.1); unset, a TRS plug grounds it */
  RIG_NODE_UNPLUGGED = 1 << 2, /* every cable on the jack is RIG_CAB_UNFIT: it carries
                                * nothing, neither sends nor receives */
  RIG_NODE_ON_MIC = 1 << 3,    /* on a headset's mic contact only: a mic-level output on
                                * a net with a headset socket, or a jack cabled to an
                                * adapter's mic jack (a headset splitter's) */
} RigNodeFlags;

typedef struct _RigRegion RigRegion;

/* What the rules read of a region (the validator's scratch and results are
 * private to it). */
struct _RigRegion
{
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

  double listening_distance; /* m, the rig's setting; NAN: unset (default assumed) */
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

/* TRUE if some vertex upstream of @vertex (or it) belongs to a device of
 * model flag @flag. */
gboolean
rig_region_upstream_has (RigRegion *region, guint vertex, guint flag);

/* The speaker load of a net (physics.md §6.2): NAN if a speaker's impedance
 * is unknown, INFINITY with no speaker. Cached per check. */
double
rig_region_net_load (RigRegion *region, guint net);

/* An audio endpoint of a net (not a transit jack) that sends signal
 * (source) or takes it (sink) on some of its contacts (rig_region_contacts());
 * a two-way jack is both, a headset socket whose mic contact a TRS plug
 * grounds only a source. */
gboolean
rig_region_is_source (const RigRegion *region, guint node);
gboolean
rig_region_is_sink (const RigRegion *region, guint node);

/* What an endpoint's contacts do in its net (physics.md §3.1): a phone's
 * headset socket sends on tip and ring 1 (main) and receives on its mic
 * contact while a 4-pole plug meets it; a headset's plug receives on main and
 * sends on the mic contact; other jacks send and receive on main, and a
 * mic-level output may also reach a headset socket's mic contact. */
typedef enum
{
  RIG_CONTACT_SEND_MAIN = 1 << 0,
  RIG_CONTACT_SEND_MIC = 1 << 1,
  RIG_CONTACT_RECV_MAIN = 1 << 2,
  RIG_CONTACT_RECV_MIC = 1 << 3,
} RigContacts;

guint
rig_region_contacts (const RigRegion *region, guint node);
/* Whether the contacts @src sends on meet the contacts @snk receives on. */
gboolean
rig_region_in_contact (const RigRegion *region, guint src, guint snk);

/* A TRRS headset jack (CTIA or OMTP) that sends and receives. */
gboolean
rig_jack_is_headset (const RigJack *jack);

/* A non-transit speaker input: a load on a speaker net. */
gboolean
rig_region_is_speaker_load (const RigRegion *region, guint node);

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
} RigLink;

/* ------------------------------------------------------------------ */
/* The registry                                                        */

typedef enum
{
  RIG_RULE_SCOPE_CABLE,  /* each cable whose two jacks are known */
  RIG_RULE_SCOPE_NET,    /* each net */
  RIG_RULE_SCOPE_LINK,   /* each output endpoint with each input endpoint of a net */
  RIG_RULE_SCOPE_DEVICE, /* each device */
  RIG_RULE_SCOPE_REGION, /* the whole region once */
} RigRuleScope;

typedef struct
{
  RigRuleInfo info; /* code, severity, description, reference, family, scope, section */
  RigRuleScope scope;
  union
  {
    void (*cable) (RigRegion *region, RigCabNode *cable);
    void (*net) (RigRegion *region, guint net);
    void (*link) (RigRegion *region, const RigLink *link);
    void (*device) (RigRegion *region, RigDevNode *dev);
    void (*region) (RigRegion *region);
  } check;
} RigRule;

/* Every rule, in the order the validator runs them (see the registry). */
const RigRule *
rig_rule_registry (guint *n_rules);

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
/* Creates the diagnostic (taking the strings), hands it to the validator,
 * clears the builder. */
void
rig_diag_emit (RigRegion *region, RigDiagBuilder *builder, const char *code, RigSeverity severity,
               char *message, char *why, char *hear, char *fix);
/* A diagnostic on a link: "HEAD: @what" with the link's cables and jacks.
 * Takes @why, @hear and @fix. */
void
rig_diag_emit_link (RigRegion *region, const RigLink *link, const char *code, RigSeverity severity,
                    const char *what, char *why, char *hear, char *fix);
/* The same, naming the link's source device and/or its sink device too. */
typedef enum
{
  RIG_DIAG_WITH_SOURCE = 1 << 0,
  RIG_DIAG_WITH_SINK = 1 << 1,
} RigDiagWith;

void
rig_diag_emit_link_full (RigRegion *region, const RigLink *link, guint with, const char *code,
                         RigSeverity severity, const char *what, char *why, char *hear, char *fix);

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
/* A signal class in words, lower case: "headphone level", "S/PDIF digital
 * audio" (static, translated). */
const char *
rig_text_signal (RigSignal signal);
/* A device's label. */
const char *
rig_text_label (const RigDevNode *dev);
/* "A, B and C" from @nodes (guint). */
char *
rig_text_join_jacks (RigRegion *region, GArray *nodes);

/* Typical figures of a signal class (physics.md §1), used in explanations
 * when a jack does not state its own. */
double
rig_signal_typical_volts (RigSignal signal);

/* The device's phantom switch (RIG_FIGURE_PHANTOM_ON); unset reads as off,
 * as mixers ship (physics.md §5.5: phantom is supplied by inputs "that have
 * it switched on"). */
gboolean
rig_dev_phantom_on (const RigDevNode *dev);
gboolean
rig_jack_is_balanced (const RigJack *jack);
/* A speaker's impedance: its nominal figure, else its jack's input
 * impedance (may be unset). */
double
rig_speaker_impedance (const RigDevNode *dev, const RigJack *jack);

/* What the next diagnostic emitted on @region sounds like (its figures,
 * rig-diagnostic.h), from the rule's own numbers: the next rig_diag_emit()
 * takes them. */
void
rig_diag_set_hear (RigRegion *region, RigHearKind kind, double value0, double value1);

/* The text @make gives for @value ("2 V (+8.2 dBu)"), made once per region
 * and function: a big rig's diagnostics repeat a few dozen levels
 * thousands of times. Borrowed: valid as long as the region. @make must
 * depend on nothing but @value (and the locale, which a check does not
 * change). */
typedef char *(*RigNumberTextFunc) (double value);
const char *
rig_region_number_text (RigRegion *region, RigNumberTextFunc make, double value);

G_END_DECLS
