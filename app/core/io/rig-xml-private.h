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

/* Elements as the streaming reader (rig-xml-stream.c) hands them out ======== */

typedef struct
{
  const char *name;  /* local name */
  const char *value; /* NUL-terminated, as libxml2 normalised it */
  gboolean foreign;  /* the attribute has a namespace */
} RigXmlAttribute;

typedef struct
{
  const char *name; /* local name */
  const char *ns;   /* namespace URI, or NULL */
  long line;        /* of its start tag */
  guint n_attributes;
  const RigXmlAttribute *attributes;
} RigXmlElement;

/* The value of the attribute @name (no namespace) of @element, or NULL. */
const char *
_rig_xml_element_get (const RigXmlElement *element, const char *name);
/* The element's attributes as rig_xml_check_attributes() checks them;
 * problems are reported with @code, except those the schema allows and the
 * reader does not (a count over G_MAXUINT): RIG_ERROR_INVALID. */
gboolean
_rig_xml_check_element (const RigXmlElement *element, const char *display_name, int code,
                        GError **error);

/* Safe parsing, shared by the tree parser (rig-xml-parse.c) and the streaming
 * one (rig-xml-stream.c) ===================================================== */

/* The options both parse with (rig-xml-parse.c says why). */
#define RIG_XML_PARSE_OPTIONS                                                                      \
  (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_NOERROR                   \
   | XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC)

/* The parse stopped at a DOCTYPE, or at the depth or element caps. */
typedef struct
{
  guint depth;
  gulong n_elements;
  gboolean doctype;
  gboolean too_deep;
  gboolean too_many;
  long stop_line;
} RigXmlGuard;

/* The checks on the raw bytes before libxml2 sees them: empty, gzip, over
 * @max_bytes, not markup, too many attributes or namespaces. */
gboolean
_rig_xml_check_bytes (const char *data, gsize len, gsize max_bytes, const char *name,
                      GError **error);
/* Counts an element that starts; FALSE (and the parser stopped) when it
 * goes past a cap. */
gboolean
_rig_xml_guard_enter (RigXmlGuard *guard, void *parser_context);
void
_rig_xml_guard_leave (RigXmlGuard *guard);
/* Stops the parser at a DOCTYPE (before its internal subset). */
void
_rig_xml_guard_doctype (RigXmlGuard *guard, void *parser_context);
/* FALSE with @error set when the parse stopped at a guard or the input is
 * not well-formed. */
gboolean
_rig_xml_check_guard_and_errors (gboolean well_formed, const RigXmlGuard *guard,
                                 const RigXmlErrorCapture *capture, const char *name,
                                 GError **error);

/* Streaming ==================================================================== */

/* What the streaming parser calls; each returns FALSE with @error set to
 * stop. @line of text is where it starts. */
typedef struct
{
  gboolean (*start) (gpointer data, const RigXmlElement *element, GError **error);
  gboolean (*end) (gpointer data, GError **error);
  gboolean (*text) (gpointer data, const char *text, gsize len, long line, GError **error);
} RigXmlStreamHandler;

/* Parses @data as rig_xml_parse_untrusted() does (same checks, caps and
 * messages, but RIG_XML_MAX_STREAM_BYTES), without building a tree: hands
 * each element, its end and its text to @handler, until it returns FALSE.
 * FALSE with @error set on the parser's first problem (not well-formed,
 * over a cap), or else the handler's: the same precedence as parsing a
 * tree, then checking it. */
gboolean
_rig_xml_stream (const char *data, gsize len, const char *display_name,
                 const RigXmlStreamHandler *handler, gpointer handler_data, GError **error);

/* The schema's checks made while streaming (rig-xml-grammar.c) ============= */

typedef struct _RigXmlGrammar RigXmlGrammar;

RigXmlGrammar *
_rig_xml_grammar_new (const char *display_name);
void
_rig_xml_grammar_free (RigXmlGrammar *grammar);
/* A problem the schema allows and the reader does not (a count over
 * G_MAXUINT) is no failure of the grammar: it goes to *@reader_error if that
 * is still empty, or nowhere with NULL (the default). */
void
_rig_xml_grammar_set_reader_error (RigXmlGrammar *grammar, GError **reader_error);
/* Each event of the stream, in order: RIG_ERROR_SCHEMA (or
 * RIG_ERROR_TOO_LARGE for a cable of too many adapters) with the line and a
 * sentence, as rig_xml_validate_schema() says it. */
gboolean
_rig_xml_grammar_start (RigXmlGrammar *grammar, const RigXmlElement *element, GError **error);
gboolean
_rig_xml_grammar_end (RigXmlGrammar *grammar, GError **error);
gboolean
_rig_xml_grammar_text (RigXmlGrammar *grammar, const char *text, gsize len, long line,
                       GError **error);

/* Whether @data follows the schema, checked while streaming: what
 * rig_xml_parse_untrusted() and rig_xml_validate_schema() accept together. */
gboolean
_rig_xml_validate_stream (const char *data, gsize len, const char *display_name, GError **error);

G_END_DECLS
