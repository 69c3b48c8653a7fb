/* rig-test-models.h: realistic device models built in code, and helpers to
 * build rigs through edit commands, for the core tests and benchmarks.
 *
 * The models follow the conventions of schemas/README.md: an RCA stereo pair
 * is one jack with 2 channels, one speaker-terminal jack per channel, a USB
 * port that powers things states power-supplied-v/w, a USB-powered device's
 * inlet power-required-v/w. Every chassis connector (XLR included) is a
 * "socket" (it receives a cable's connector); captive plugs (headphones,
 * dongles, adapters) are "plugs".
 */
#pragma once

#include "rig-cable.h"
#include "rig-catalog.h"
#include "rig-document.h"
#include "rig-history.h"
#include "rig-validator.h"

G_BEGIN_DECLS

/* A model by id (see rig-test-models.c for the list); the same pointer each
 * time, valid for the life of the program. Aborts on an unknown id. */
RigDeviceModel *
rig_test_model (const char *id);
/* Every model id, NULL-terminated (static). */
const char *const *
rig_test_model_ids (void);
/* The built-in device catalog, loaded once (aborts if it does not load). */
RigCatalog *
rig_test_builtin_catalog (void);

/* Adds a device of @model_id; returns its id (valid as long as @doc). */
const char *
rig_test_add (RigDocument *doc, const char *model_id, const char *label);
/* Connects two jacks with the cable rig_cable_spec_init_for_jacks() picks
 * (@spec NULL) or @spec; returns the cable id (valid as long as @doc). */
const char *
rig_test_connect (RigDocument *doc, const char *from_device, const char *from_jack,
                  const char *to_device, const char *to_jack);
const char *
rig_test_connect_spec (RigDocument *doc, const char *from_device, const char *from_jack,
                       const char *to_device, const char *to_jack, const RigCableSpec *spec);
void
rig_test_set_figure (RigDocument *doc, const char *device_id, RigFigure figure, double value);
void
rig_test_set_spec (RigDocument *doc, const char *cable_id, const RigCableSpec *spec);
void
rig_test_set_length (RigDocument *doc, const char *cable_id, double length_m);
void
rig_test_remove_cable (RigDocument *doc, const char *cable_id);

/* The history a test edits @doc through: made on first use and kept with the
 * document (the history holds the document weakly, so there is no cycle). In
 * the application the window makes and keeps it. */
RigHistory *
rig_test_history (RigDocument *doc);

/* Asserts that @doc saves, loads and saves again to the same bytes: the
 * editor never makes a file it cannot read back. */
void
rig_test_assert_round_trip (RigDocument *doc);

/* Cable specs. */
void
rig_test_spec_phone (RigCableSpec *spec, RigPhoneSize size_a, RigPoles poles_a, RigPhoneSize size_b,
                     RigPoles poles_b, guint conductors);
void
rig_test_spec_plain (RigCableSpec *spec, RigConnector a, RigConnector b);

/* Pieces of a rig's XML for rig_test_load_rig(): a device of a catalog
 * model; a captive plug into a socket; a cable with plugs of connectors
 * @fc and @tc at its ends; a DC cable. */
#define RIG_XML_DEV(id, model, label)                                                              \
  "<device id=\"" id "\" model=\"" model "\" label=\"" label "\" x=\"0\" y=\"0\"/>"
#define RIG_XML_DIRECT(id, fd, fj, td, tj)                                                         \
  "<cable id=\"" id "\" number=\"X-" id "\" kind=\"direct\" from-device=\"" fd                     \
  "\" from-jack=\"" fj "\" to-device=\"" td "\" to-jack=\"" tj "\"/>"
#define RIG_XML_PLUGS(id, fd, fj, fc, td, tj, tc)                                                  \
  "<cable id=\"" id "\" number=\"X-" id "\" kind=\"cable\" from-device=\"" fd "\" from-jack=\"" fj \
  "\" to-device=\"" td "\" to-jack=\"" tj "\"><end side=\"from\" connector=\"" fc                  \
  "\" gender=\"plug\"/><end side=\"to\" connector=\"" tc "\" gender=\"plug\"/></cable>"
#define RIG_XML_DC(id, fd, fj, td, tj) RIG_XML_PLUGS (id, fd, fj, "dc-barrel", td, tj, "dc-barrel")

/* A rig of the built-in catalog's models from the inside of a .rigwire file:
 * @body holds its <devices> and <cables> elements (aborts if it does not
 * load). */
RigDocument *
rig_test_load_rig (const char *body);

/* The example rig @name of resources/examples (from $RIGWIRE_SOURCE_DIR),
 * loaded with the built-in catalog (aborts if it does not load). */
RigDocument *
rig_test_load_example (const char *name);

/* A full check of the rig rig_test_load_rig() makes of @body (new array). */
GPtrArray *
rig_test_check_rig (const char *body);

/* A full check of @doc (new array). */
GPtrArray *
rig_test_check (RigDocument *doc);
/* The same, printed under the heading @what when RIG_TEST_DUMP is set in
 * the environment: what a verdict test saw, for writing and fixing it. */
GPtrArray *
rig_test_check_named (RigDocument *doc, const char *what);
/* The first diagnostic with @code that names @object (NULL: any), or NULL. */
const RigDiagnostic *
rig_test_find (GPtrArray *diags, const char *code, const char *object);
/* Whether @diags holds a diagnostic with @code that names @object (a cable,
 * device or "DEVICE:JACK" id; NULL: any). */
gboolean
rig_test_has (GPtrArray *diags, const char *code, const char *object);
/* The number of diagnostics with @code. */
guint
rig_test_count (GPtrArray *diags, const char *code);
/* Prints the diagnostics (for test failures and debugging). */
void
rig_test_dump (GPtrArray *diags);

/* Adds station @s of a home studio: a PC feeding an audio interface over
 * USB, two mics and a guitar into it, two monitors and headphones out of
 * it, and USB desk speakers fed through a ground-loop isolator; ten devices
 * and ten cables, none to another station. Some stations carry mistakes,
 * by @s: phantom power off (s % 3 == 2), a TS cable on balanced jacks
 * (s % 5 == 4), a long unbalanced cable (s % 7 == 6). */
void
rig_test_add_studio_station (RigDocument *doc, guint s);

G_END_DECLS
