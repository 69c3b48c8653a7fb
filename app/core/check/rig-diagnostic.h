/* rig-diagnostic.h: what the validator says about a rig.
 *
 * A RigDiagnostic is an immutable, reference-counted value: a stable rule
 * code ("power.passive-unamplified"), a severity, the objects it concerns
 * and four sentences for people: a one-line message naming the objects, and
 * for a learner why it happens (with this rig's own numbers), what you would
 * hear, and how to fix it.
 *
 * The rule registry (rig_rules_list()) names every code the validator can
 * raise, with its family, default severity and a one-line description (for
 * `--list-rules` and the help pages). Each rule follows a section of the
 * project's physics notes, doc/physics.md ("physics.md §6.1").
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  RIG_SEVERITY_NONE,    /* no diagnostic: the status of an object with nothing to say */
  RIG_SEVERITY_INFO,    /* worth knowing */
  RIG_SEVERITY_WARNING, /* it works, badly */
  RIG_SEVERITY_ERROR,   /* no sound, or damage */
  RIG_N_SEVERITIES
} RigSeverity;

/* "none", "info", "warning", "error". */
const char *
rig_severity_to_nick (RigSeverity severity);
int
rig_severity_from_nick (const char *nick); /* -1 if unknown */
const char *
rig_severity_to_label (RigSeverity severity); /* translated: "Error" */

/* What a problem sounds like, in figures a clip can be rendered from (the
 * "Hear it" player, app/core/audio/). The rules whose numbers say it set
 * them (rig_diag_set_hear()); RIG_HEAR_NONE: nothing to play. */
typedef enum
{
  RIG_HEAR_NONE,
  RIG_HEAR_CHANNEL_LOST, /* value[0]: the channel lost, 0 left, 1 right */
  RIG_HEAR_DIFFERENCE,   /* L − R: value[0] +1 alike on both sides (a balanced input),
                          * −1 with the right side inverted (a headset's ground swapped) */
  RIG_HEAR_INVERTED,     /* the mono sum on the left, an inverted copy on the right */
  RIG_HEAR_HUM,          /* value[0]: mains Hz (0: the listener's), value[1]: its level, dBFS */
  RIG_HEAR_LEVEL,        /* value[0]: dB against the level the right rig reaches */
  RIG_HEAR_CLIP,         /* value[0]: dB the peaks go over the input's clipping point */
  RIG_HEAR_LOWPASS,      /* value[0]: the corner frequency of a first-order low-pass, Hz */
  RIG_HEAR_SILENCE,      /* nothing at all */
  RIG_HEAR_DELAY,        /* value[0]: seconds late against the picture */
  RIG_N_HEAR_KINDS
} RigHearKind;

typedef struct
{
  RigHearKind kind;
  double value[2];
} RigHearFigures;

typedef struct _RigDiagnostic RigDiagnostic;

struct _RigDiagnostic
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public, read-only >*/
  const char *code; /* static: "connector.size" */
  RigSeverity severity;

  /* The objects concerned, each sorted by id (natural order: d2 < d10), each
   * a NULL-terminated array, possibly empty, never NULL. A cable-local
   * diagnostic names its cable and the two jacks; a device diagnostic names
   * the device (and its jack when one is at fault). */
  char **cables;  /* cable ids: "c3" */
  char **devices; /* device ids: "d1" */
  char **jacks;   /* "DEVICE:JACK": "d1:headset" */

  char *message; /* one line naming the objects: "Cable A-003: Phone headphone out → ..." */
  char *why;     /* why it happens, with this rig's numbers */
  char *hear;    /* what you would hear */
  char *fix;     /* a concrete step */

  RigHearFigures figures; /* what it sounds like, from the rule's numbers */
};

GType
rig_diagnostic_get_type (void) G_GNUC_CONST;
#define RIG_TYPE_DIAGNOSTIC (rig_diagnostic_get_type ())

/* Takes ownership of the strings and arrays (any array may be NULL: empty).
 * The arrays are sorted here. @code must be a static string. */
RigDiagnostic *
rig_diagnostic_new_take (const char *code, RigSeverity severity, char **cables, char **devices,
                         char **jacks, char *message, char *why, char *hear, char *fix);
RigDiagnostic *
rig_diagnostic_ref (RigDiagnostic *diagnostic);
void
rig_diagnostic_unref (RigDiagnostic *diagnostic);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RigDiagnostic, rig_diagnostic_unref)

/* The id used to sort: the first cable, else the first device, else the
 * first jack; "" for none. */
const char *
rig_diagnostic_get_first_object (const RigDiagnostic *diagnostic);

gboolean
rig_diagnostic_concerns_cable (const RigDiagnostic *diagnostic, const char *cable_id);
gboolean
rig_diagnostic_concerns_device (const RigDiagnostic *diagnostic, const char *device_id);

/* Same code, severity, objects and texts. */
gboolean
rig_diagnostic_equal (const RigDiagnostic *a, const RigDiagnostic *b);

/* The validator's order: errors first (severity descending), then by code,
 * then by first object id (natural order), then by every other field, so that
 * the order is total and deterministic. A GCompareFunc on RigDiagnostic *. */
int
rig_diagnostic_compare (const RigDiagnostic *a, const RigDiagnostic *b);
/* For g_ptr_array_sort() on an array of RigDiagnostic *. */
int
rig_diagnostic_compare_indirect (gconstpointer a, gconstpointer b);

/* The worst severity in an array of RigDiagnostic * (NONE for NULL or empty). */
RigSeverity
rig_diagnostics_worst (GPtrArray *diagnostics);

/* A rule, as the registry describes it. */
typedef struct
{
  const char *code;        /* "power.passive-unamplified" */
  RigSeverity severity;    /* the default; a diagnostic may be graded up or down (documented) */
  const char *description; /* untranslated (N_), one line; translate with _() */
  const char *reference;   /* "physics.md §5.1": where the physics is written down */
  const char *family;      /* "connector", "signal", "power", "impedance" or "topology" */
  const char *scope;       /* what it judges: "cable", "net", "link", "device" or "region" */
  const char *section;     /* the section of doc/physics.md: "5.1" */
} RigRuleInfo;

/* Every rule, sorted by code. Static data, do not free. */
const RigRuleInfo *
rig_rules_list (guint *n_rules);
/* NULL if no rule has @code. */
const RigRuleInfo *
rig_rules_find (const char *code);

G_END_DECLS
