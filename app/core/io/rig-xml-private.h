/* rig-xml-private.h: what the files of the XML layer share and nothing else
 * sees: libxml2 set-up, error capture, "FILE:LINE:" errors and the attribute
 * checks with a chosen error code. */
#pragma once

#include <libxml/xmlerror.h>

#include "rig-xml.h"

G_BEGIN_DECLS

#define RIG_XML_SCHEMA_RESOURCE "/io/github/rigwire/Rigwire/schemas/rigwire.rng"

/* Errors kept from one parse or validation run. */
#define RIG_XML_MAX_CAPTURED_ERRORS 64

/* libxml2's own error reports, captured instead of printed. */
typedef struct
{
  int domain;
  int code;
  long line;
  xmlNode *node; /* valid while the document lives; NULL if none */
  char *message;
  char *str1;
  char *str2;
} RigXmlCapturedError;

typedef struct
{
  RigXmlCapturedError errors[RIG_XML_MAX_CAPTURED_ERRORS];
  guint n_errors;
} RigXmlErrorCapture;

/* libxml2's reporting globals, kept while ours are in place. */
typedef struct
{
  xmlStructuredErrorFunc structured;
  void *structured_data;
  xmlGenericErrorFunc generic;
  void *generic_data;
} RigXmlSavedHandlers;

void
_rig_xml_ensure_libxml (void);
const char *
_rig_xml_safe_name (const char *display_name);
long
_rig_xml_node_line (const xmlNode *node);
void
_rig_xml_set_line_error (GError **error, int code, const char *display_name, long line,
                         const char *format, ...) G_GNUC_PRINTF (5, 6);

void
_rig_xml_error_capture_clear (RigXmlErrorCapture *capture);
void
_rig_xml_capture_error (void *data, xmlErrorPtr xml_error);
void
_rig_xml_push_error_handlers (RigXmlSavedHandlers *saved, RigXmlErrorCapture *capture);
void
_rig_xml_pop_error_handlers (const RigXmlSavedHandlers *saved);

/* Counts the attributes of every tag in the raw bytes and the namespace
 * declarations of the file (rig-xml-scan.c); RIG_ERROR_TOO_LARGE
 * "NAME:LINE: ..." when there are more than RIG_XML_MAX_ATTRIBUTES or
 * RIG_XML_MAX_NAMESPACES. */
gboolean
_rig_xml_check_markup (const char *data, gsize len, const char *name, GError **error);

/* Strips XML white space from both ends, in place; returns @text. */
char *
_rig_xml_strip_space (char *text);
/* A whole number >= 1 (xsd:positiveInteger, within guint). */
gboolean
_rig_xml_parse_count (const char *text, guint *value);

/* rig_xml_check_attributes() with the error code to report (RIG_ERROR_SCHEMA
 * when it explains a schema failure). */
gboolean
_rig_xml_check_attributes_with_code (const xmlNode *node, const char *display_name, int code,
                                     GError **error);

G_END_DECLS
