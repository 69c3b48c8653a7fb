/* rig-xml.h: reading and writing the XML shared by .rigwire files and catalog
 * files: the <model> element, numbers, and safe parsing of untrusted bytes.
 */
#pragma once

#include <libxml/tree.h>

#include "rig-device-model.h"

G_BEGIN_DECLS

#define RIG_XML_NS "https://rigwire.github.io/ns/rigwire/1"

/* Caps for untrusted input. */
#define RIG_XML_MAX_BYTES (16 * 1024 * 1024)
#define RIG_XML_MAX_DEPTH 32
#define RIG_XML_MAX_ELEMENTS 1000000

/* Parses @data safely: refuses gzip data, a DOCTYPE or any entity declaration,
 * input over RIG_XML_MAX_BYTES; never loads DTDs or anything from the network,
 * never expands entities; caps depth and element counts. Errors name
 * @display_name and the line. */
xmlDoc *rig_xml_parse_untrusted (const char *data, gsize len, const char *display_name,
                                 GError **error);

/* Validates @doc against the RELAX NG schema in the core GResource
 * (/io/github/rigwire/Rigwire/schemas/rigwire.rng); RIG_ERROR_SCHEMA with the
 * first problem's line and a readable sentence. */
gboolean rig_xml_validate_schema (xmlDoc *doc, const char *display_name, GError **error);

/* A <model> element to a model (validated with rig_device_model_validate()). */
RigDeviceModel *rig_xml_read_model (xmlNode *node, const char *display_name, GError **error);

/* Appends a <model> element, indented by @indent spaces, deterministic. */
void rig_xml_write_model (GString *out, const RigDeviceModel *model, guint indent);

/* Numbers as files hold them: shortest form with up to 6 significant digits,
 * '.' as decimal point, no exponent for ordinary values ("8", "0.5", "1200"). */
void rig_xml_append_double (GString *out, double value);
gboolean rig_xml_parse_double (const char *text, double *value);

/* Appends @text escaped for an attribute value or element content. */
void rig_xml_append_escaped (GString *out, const char *text);

G_END_DECLS
