/* rig-xml.h: reading and writing the XML shared by .rigwire files and catalog
 * files: the <model> element, numbers, and safe parsing of untrusted bytes.
 * Writing itself is rig-xml-writer.h (included here).
 */
#pragma once

#include <libxml/tree.h>

#include "rig-device-model.h"
#include "rig-document-rules.h"
#include "rig-xml-writer.h"

G_BEGIN_DECLS

#define RIG_XML_NS "https://rigwire.github.io/ns/rigwire/1"

/* Caps for untrusted input. A file read into a tree (a catalog, by
 * rig_xml_parse_untrusted()) takes about 18 times its size in memory; a
 * rig, streamed (rig_format_load_bytes()), about a third of its size, so
 * it may be larger: 64 MiB holds some 170,000 devices with a cable each
 * (schemas/README.md). */
#define RIG_XML_MAX_BYTES (16 * 1024 * 1024)
#define RIG_XML_MAX_STREAM_BYTES (64 * 1024 * 1024)
#define RIG_XML_MAX_DEPTH 32
#define RIG_XML_MAX_ELEMENTS 1000000
/* Attributes of one element, and namespace declarations in one file: libxml2
 * checks each against those before it, so many would take minutes. */
#define RIG_XML_MAX_ATTRIBUTES 256
#define RIG_XML_MAX_NAMESPACES 64
/* Digits of a number (without leading zeros): what libxml2's xsd:decimal
 * holds. */
#define RIG_XML_MAX_DIGITS 24
/* Adapters on one cable: libxml2's schema validation takes time in the
 * square of their number. The editor keeps to the same cap. */
#define RIG_XML_MAX_ADAPTERS RIG_CABLE_MAX_ADAPTERS

/* Parses @data safely: refuses gzip data, a DOCTYPE or any entity declaration,
 * input over RIG_XML_MAX_BYTES; never loads DTDs or anything from the network,
 * never expands entities; caps depth and element counts, and (before libxml2
 * sees the bytes) attributes per element and namespace declarations. Reads
 * UTF-8, or UTF-16 and UCS-4 as their first bytes show; an encoding
 * declaration is ignored. Errors name @display_name and the line:
 * RIG_ERROR_NOT_XML (empty, not XML, not well-formed: "FILE:LINE: not
 * well-formed XML: ..."), RIG_ERROR_UNSAFE (gzip, DOCTYPE),
 * RIG_ERROR_TOO_LARGE (bytes, depth, element count, attributes). libxml2
 * prints nothing; its messages end up in @error. Linear in @len. */
xmlDoc *
rig_xml_parse_untrusted (const char *data, gsize len, const char *display_name, GError **error);

/* Validates @doc against the RELAX NG schema in the core GResource
 * (/io/github/rigwire/Rigwire/schemas/rigwire.rng); RIG_ERROR_SCHEMA with the
 * first problem's line and a readable sentence; RIG_ERROR_TOO_LARGE for a
 * cable of more than RIG_XML_MAX_ADAPTERS adapters. */
gboolean
rig_xml_validate_schema (xmlDoc *doc, const char *display_name, GError **error);

/* Call before a second thread reads files: sets up, on the calling thread,
 * what libxml2 and GLib would otherwise set up at their first use, racing
 * when two threads do it at once. GLib 2.74 builds its C locale at the first
 * number read, and the thread that waits for another doing so can find
 * errno set by the wait and take "1" for no number: a good file refused. */
void
rig_xml_prepare_threads (void);

/* A <model> element to a model (validated with rig_device_model_validate()).
 * Checks every attribute itself (it does not rely on the schema); problems are
 * RIG_ERROR_INVALID "FILE:LINE: sentence". Text of <description> and
 * <keywords> is stripped of white space at both ends. */
RigDeviceModel *
rig_xml_read_model (xmlNode *node, const char *display_name, GError **error);

/* Appends a <model> element, indented by @indent spaces, deterministic. */
void
rig_xml_write_model (GString *out, const RigDeviceModel *model, guint indent);

/* Reads an xsd:decimal ("8", "-0.5", ".5", "+3."; white space around it is
 * ignored; no exponent, no "inf" or "nan"). FALSE if @text is not one. */
gboolean
rig_xml_parse_double (const char *text, double *value);

/* Helpers for the readers of rig-format.c and rig-catalog.c. */

/* TRUE when @node is an element in RIG_XML_NS named @name (any name if NULL). */
gboolean
rig_xml_is_element (const xmlNode *node, const char *name);

/* An attribute (no namespace) as written, or NULL; free with g_free(). */
char *
rig_xml_get_string (const xmlNode *node, const char *name);
/* The same with XML white space stripped from both ends (ids, numbers, names
 * from a list). */
char *
rig_xml_get_token (const xmlNode *node, const char *name);
/* The text content of @node (never NULL). */
char *
rig_xml_get_text (const xmlNode *node);

/* Checks the attributes of a Rigwire element: none unknown, the required ones
 * present, every value of the right kind (numbers, ids, enumeration nicks).
 * RIG_ERROR_INVALID "FILE:LINE: unknown connector “x”." and the like. */
gboolean
rig_xml_check_attributes (const xmlNode *node, const char *display_name, GError **error);

/* Sets @error to "DISPLAY_NAME:LINE: message" (the line of @node if known). */
void
rig_xml_set_error (GError **error, int code, const char *display_name, const xmlNode *node,
                   const char *format, ...) G_GNUC_PRINTF (5, 6);

/* Sets RIG_ERROR_INVALID "DISPLAY_NAME:LINE: <NODE> is not allowed inside
 * <PARENT>." and returns FALSE. */
gboolean
rig_xml_set_not_allowed (GError **error, const char *display_name, const xmlNode *node,
                         const char *parent);

G_END_DECLS
