/* rig-xml.c: safe parsing of untrusted XML, the RELAX NG schema, numbers,
 * escaping and the <model> element shared by .rigwire and catalog files. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "rig-cable.h"
#include "rig-error.h"
#include "rig-xml.h"

#define SCHEMA_RESOURCE "/io/github/rigwire/Rigwire/schemas/rigwire.rng"

/* Errors kept from one parse or validation run. */
#define MAX_CAPTURED_ERRORS 64

static void
ensure_libxml (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

static const char *
safe_name (const char *display_name)
{
  return display_name != NULL ? display_name : _ ("(unnamed)");
}

/* Error helpers ============================================================== */

static long
node_line (const xmlNode *node)
{
  return node != NULL ? xmlGetLineNo (node) : -1;
}

static void
set_line_error_valist (GError **error, int code, const char *display_name, long line,
                       const char *format, va_list args) G_GNUC_PRINTF (5, 0);

static void
set_line_error_valist (GError **error, int code, const char *display_name, long line,
                       const char *format, va_list args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  if (line > 0)
    g_set_error (error, RIG_ERROR, code, "%s:%ld: %s", safe_name (display_name), line, message);
  else
    g_set_error (error, RIG_ERROR, code, "%s: %s", safe_name (display_name), message);
}

static void
set_line_error (GError **error, int code, const char *display_name, long line, const char *format,
                ...) G_GNUC_PRINTF (5, 6);

static void
set_line_error (GError **error, int code, const char *display_name, long line, const char *format,
                ...)
{
  va_list args;

  va_start (args, format);
  set_line_error_valist (error, code, display_name, line, format, args);
  va_end (args);
}

void
rig_xml_set_error (GError **error, int code, const char *display_name, const xmlNode *node,
                   const char *format, ...)
{
  va_list args;

  va_start (args, format);
  set_line_error_valist (error, code, display_name, node_line (node), format, args);
  va_end (args);
}

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
} CapturedError;

typedef struct
{
  CapturedError errors[MAX_CAPTURED_ERRORS];
  guint n_errors;
} ErrorCapture;

static void
error_capture_clear (ErrorCapture *capture)
{
  for (guint i = 0; i < capture->n_errors; i++)
    {
      g_free (capture->errors[i].message);
      g_free (capture->errors[i].str1);
      g_free (capture->errors[i].str2);
    }
  capture->n_errors = 0;
}

static void
capture_structured_error (void *data, xmlErrorPtr xml_error)
{
  ErrorCapture *capture = data;
  CapturedError *captured;

  if (capture == NULL || xml_error == NULL || xml_error->level < XML_ERR_ERROR
      || capture->n_errors >= MAX_CAPTURED_ERRORS)
    return;

  captured = &capture->errors[capture->n_errors++];
  captured->domain = xml_error->domain;
  captured->code = xml_error->code;
  captured->line = xml_error->line;
  captured->node = xml_error->node;
  captured->message = g_strchomp (g_strdup (xml_error->message ? xml_error->message : ""));
  captured->str1 = g_strdup (xml_error->str1);
  captured->str2 = g_strdup (xml_error->str2);
  if (captured->line <= 0 && captured->node != NULL)
    captured->line = xmlGetLineNo (captured->node);
  /* Make sure what we show is valid UTF-8, whatever the input held. */
  if (!g_utf8_validate (captured->message, -1, NULL))
    {
      char *valid = g_utf8_make_valid (captured->message, -1);
      g_free (captured->message);
      captured->message = valid;
    }
}

static void
ignore_generic_error (void *data, const char *format, ...)
{
}

/* libxml2 reports through per-thread globals; route them to @capture (and
 * nothing to stderr) while we parse or validate, then put them back. */
typedef struct
{
  xmlStructuredErrorFunc structured;
  void *structured_data;
  xmlGenericErrorFunc generic;
  void *generic_data;
} SavedHandlers;

static void
push_error_handlers (SavedHandlers *saved, ErrorCapture *capture)
{
  saved->structured = xmlStructuredError;
  saved->structured_data = xmlStructuredErrorContext;
  saved->generic = xmlGenericError;
  saved->generic_data = xmlGenericErrorContext;
  xmlSetStructuredErrorFunc (capture, capture_structured_error);
  xmlSetGenericErrorFunc (NULL, ignore_generic_error);
}

static void
pop_error_handlers (const SavedHandlers *saved)
{
  xmlSetStructuredErrorFunc (saved->structured_data, saved->structured);
  xmlSetGenericErrorFunc (saved->generic_data, saved->generic);
}

/* Safe parsing ================================================================ */

/* Installed in the parser's SAX handler: stops the parse at a DOCTYPE (before
 * its internal subset, so no entity is ever declared) and at the depth and
 * element caps (before the tree grows). */
typedef struct
{
  startElementNsSAX2Func start_element;
  endElementNsSAX2Func end_element;
  guint depth;
  gulong n_elements;
  gboolean doctype;
  gboolean too_deep;
  gboolean too_many;
  long stop_line;
} ParseGuard;

static long
parser_line (xmlParserCtxtPtr ctxt)
{
  return ctxt->input != NULL ? ctxt->input->line : -1;
}

static void
guard_internal_subset (void *ctx, const xmlChar *name, const xmlChar *external_id,
                       const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  ParseGuard *guard = ctxt->_private;

  guard->doctype = TRUE;
  guard->stop_line = parser_line (ctxt);
  xmlStopParser (ctxt);
}

static void
guard_start_element (void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                     int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
                     int nb_defaulted, const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;
  ParseGuard *guard = ctxt->_private;

  guard->depth++;
  guard->n_elements++;
  if (guard->depth > RIG_XML_MAX_DEPTH)
    {
      guard->too_deep = TRUE;
      guard->stop_line = parser_line (ctxt);
      xmlStopParser (ctxt);
      return;
    }
  if (guard->n_elements > RIG_XML_MAX_ELEMENTS)
    {
      guard->too_many = TRUE;
      guard->stop_line = parser_line (ctxt);
      xmlStopParser (ctxt);
      return;
    }
  guard->start_element (ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                        nb_defaulted, attributes);
}

static void
guard_end_element (void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = ctx;
  ParseGuard *guard = ctxt->_private;

  if (guard->depth > 0)
    guard->depth--;
  guard->end_element (ctx, localname, prefix, uri);
}

static gboolean
is_blank (const char *data, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (!(data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
      return FALSE;
  return TRUE;
}

static gboolean
looks_like_markup (const char *data, gsize len)
{
  gsize i = 0;

  /* A UTF-8 byte order mark, then white space, then '<'. UTF-16 files start
   * with a BOM or a NUL byte: leave those to libxml2. */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  else if (len >= 2
           && ((guchar) data[0] == 0xfe || (guchar) data[0] == 0xff || data[0] == 0
               || data[1] == 0))
    return TRUE;
  while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
    i++;
  return i < len && data[i] == '<';
}

xmlDoc *
rig_xml_parse_untrusted (const char *data, gsize len, const char *display_name, GError **error)
{
  /* No NOENT (entities are never substituted), no DTDLOAD/DTDATTR/DTDVALID
   * (nothing external is read), no XINCLUDE, no HUGE (libxml2 keeps its own
   * limits). No NOBLANKS either: the readers skip white space between
   * elements themselves, and text content stays exactly as written. */
  const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_NOERROR
                      | XML_PARSE_NOWARNING;
  const char *name = safe_name (display_name);
  ErrorCapture capture = { 0 };
  SavedHandlers saved;
  ParseGuard guard = { 0 };
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc = NULL;
  gboolean well_formed;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  ensure_libxml ();

  if (is_blank (data, len))
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_XML,
                   _ ("%s is empty: it holds no XML, so it is not a Rigwire file."), name);
      return NULL;
    }
  if (len >= 2 && (guchar) data[0] == 0x1f && (guchar) data[1] == 0x8b)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_UNSAFE,
                   _ ("%s is compressed (gzip); Rigwire reads only uncompressed XML files."), name);
      return NULL;
    }
  if (len > RIG_XML_MAX_BYTES)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_TOO_LARGE,
                   _ ("%s is larger than %d MiB, the most Rigwire reads."), name,
                   RIG_XML_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!looks_like_markup (data, len))
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_XML,
                   _ ("%s is not XML: it does not start with “<”, so it is not a Rigwire file."),
                   name);
      return NULL;
    }

  push_error_handlers (&saved, &capture);

  ctxt = xmlCreateMemoryParserCtxt (data, (int) len);
  if (ctxt == NULL)
    {
      pop_error_handlers (&saved);
      error_capture_clear (&capture);
      g_set_error (error, RIG_ERROR, RIG_ERROR_FAILED, _ ("%s could not be read: out of memory."),
                   name);
      return NULL;
    }
  xmlCtxtUseOptions (ctxt, options);

  guard.start_element = ctxt->sax->startElementNs;
  guard.end_element = ctxt->sax->endElementNs;
  ctxt->sax->startElementNs = guard_start_element;
  ctxt->sax->endElementNs = guard_end_element;
  ctxt->sax->internalSubset = guard_internal_subset;
  ctxt->_private = &guard;

  xmlParseDocument (ctxt);

  doc = ctxt->myDoc;
  ctxt->myDoc = NULL;
  well_formed = ctxt->wellFormed && !guard.doctype && !guard.too_deep && !guard.too_many;
  ctxt->_private = NULL;
  xmlFreeParserCtxt (ctxt);

  pop_error_handlers (&saved);

  if (guard.doctype || (doc != NULL && (doc->intSubset != NULL || doc->extSubset != NULL)))
    {
      set_line_error (error, RIG_ERROR_UNSAFE, name, guard.stop_line,
                      _ ("contains a document type declaration (DOCTYPE), which Rigwire does not "
                         "accept."));
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (guard.too_deep)
    {
      set_line_error (error, RIG_ERROR_TOO_LARGE, name, guard.stop_line,
                      _ ("elements are nested more than %d deep, more than Rigwire reads."),
                      RIG_XML_MAX_DEPTH);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (guard.too_many)
    {
      set_line_error (error, RIG_ERROR_TOO_LARGE, name, guard.stop_line,
                      _ ("the file has more than %d elements, more than Rigwire reads."),
                      RIG_XML_MAX_ELEMENTS);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (!well_formed || doc == NULL)
    {
      if (capture.n_errors > 0)
        {
          const CapturedError *first = &capture.errors[0];

          /* libxml2's nesting limit, if it ever comes before ours. */
          if (strstr (first->message, "Excessive depth") != NULL)
            set_line_error (error, RIG_ERROR_TOO_LARGE, name, first->line,
                            _ ("elements are nested more than %d deep, more than Rigwire reads."),
                            RIG_XML_MAX_DEPTH);
          else
            set_line_error (error, RIG_ERROR_NOT_XML, name, first->line,
                            _ ("not well-formed XML: %s."), first->message);
        }
      else
        {
          g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_XML, _ ("%s is not well-formed XML."), name);
        }
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (xmlDocGetRootElement (doc) == NULL)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_XML, _ ("%s has no root element."), name);
      g_clear_pointer (&doc, xmlFreeDoc);
    }

  error_capture_clear (&capture);
  return doc;
}

/* Elements and attributes ====================================================== */

gboolean
rig_xml_is_element (const xmlNode *node, const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL
         && node->ns->href != NULL && strcmp ((const char *) node->ns->href, RIG_XML_NS) == 0
         && (name == NULL || strcmp ((const char *) node->name, name) == 0);
}

char *
rig_xml_get_string (const xmlNode *node, const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static gboolean
is_xml_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Strips XML white space from both ends, in place. */
static char *
strip_xml_space (char *text)
{
  char *start = text;
  gsize len;

  while (is_xml_space (*start))
    start++;
  len = strlen (start);
  while (len > 0 && is_xml_space (start[len - 1]))
    len--;
  memmove (text, start, len);
  text[len] = '\0';
  return text;
}

char *
rig_xml_get_token (const xmlNode *node, const char *name)
{
  char *value = rig_xml_get_string (node, name);

  return value != NULL ? strip_xml_space (value) : NULL;
}

char *
rig_xml_get_text (const xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *copy = g_strdup (content != NULL ? (const char *) content : "");

  xmlFree (content);
  return copy;
}

/* What each attribute may hold, for the checks the readers make (they do not
 * trust the schema) and for readable messages when the schema fails. */
typedef enum
{
  VALUE_TEXT,      /* anything */
  VALUE_NAME,      /* not empty */
  VALUE_NUMBER,    /* a decimal */
  VALUE_POSITIVE,  /* a decimal > 0 */
  VALUE_COUNT,     /* a whole number >= 1 */
  VALUE_CHANNELS,  /* 1 to 16 */
  VALUE_PLUGS,     /* 1 or 2 */
  VALUE_MODEL_ID,  /* [a-z0-9][a-z0-9._-]* (models and jacks) */
  VALUE_OBJECT_ID, /* [A-Za-z0-9_.-]+ (devices and cables) */
  VALUE_BOOLEAN,   /* true, false */
  VALUE_FLAG,      /* 0, 1 */
  VALUE_SIDE,      /* from, to */
  VALUE_OVERRIDE,  /* <override value>: a number, or a power source */
  /* Enumerations, in the order of enum_info[]. */
  VALUE_CONNECTOR,
  VALUE_PHONE_SIZE,
  VALUE_POLES,
  VALUE_WIRING,
  VALUE_GENDER,
  VALUE_DIRECTION,
  VALUE_SIGNAL,
  VALUE_CATEGORY,
  VALUE_POWER_SOURCE,
  VALUE_SUPPLY,
  VALUE_CABLE_KIND,
  VALUE_FIGURE,
} ValueType;

typedef struct
{
  int (*from_nick) (const char *nick);
  const char *noun;
  gboolean none_allowed; /* "none" is a nick but files leave the attribute out */
} EnumInfo;

static const EnumInfo enum_info[] = {
  [VALUE_CONNECTOR - VALUE_CONNECTOR] = { rig_connector_from_nick, N_ ("connector"), FALSE },
  [VALUE_PHONE_SIZE - VALUE_CONNECTOR] = { rig_phone_size_from_nick, N_ ("phone size"), FALSE },
  [VALUE_POLES - VALUE_CONNECTOR] = { rig_poles_from_nick, N_ ("pole count"), FALSE },
  [VALUE_WIRING - VALUE_CONNECTOR] = { rig_wiring_from_nick, N_ ("wiring"), FALSE },
  [VALUE_GENDER - VALUE_CONNECTOR] = { rig_gender_from_nick, N_ ("gender"), TRUE },
  [VALUE_DIRECTION - VALUE_CONNECTOR] = { rig_direction_from_nick, N_ ("direction"), TRUE },
  [VALUE_SIGNAL - VALUE_CONNECTOR] = { rig_signal_from_nick, N_ ("signal"), TRUE },
  [VALUE_CATEGORY - VALUE_CONNECTOR] = { rig_category_from_nick, N_ ("category"), TRUE },
  [VALUE_POWER_SOURCE - VALUE_CONNECTOR]
  = { rig_power_source_from_nick, N_ ("power source"), TRUE },
  [VALUE_SUPPLY - VALUE_CONNECTOR]
  = { rig_supply_from_nick, N_ ("phantom or plug-in power setting"), FALSE },
  [VALUE_CABLE_KIND - VALUE_CONNECTOR] = { rig_cable_kind_from_nick, N_ ("cable kind"), TRUE },
  [VALUE_FIGURE - VALUE_CONNECTOR] = { rig_figure_from_nick, N_ ("figure"), TRUE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (enum_info) == VALUE_FIGURE - VALUE_CONNECTOR + 1);

typedef struct
{
  const char *name;
  ValueType type;
  gboolean required;
} AttributeSpec;

typedef struct
{
  const char *element;
  const AttributeSpec *attributes;
} ElementSpec;

#define REQUIRED(name, type)                                                                       \
  {                                                                                                \
    name, type, TRUE                                                                               \
  }
#define OPTIONAL(name, type)                                                                       \
  {                                                                                                \
    name, type, FALSE                                                                              \
  }
#define END_OF_ATTRIBUTES                                                                          \
  {                                                                                                \
    NULL, VALUE_TEXT, FALSE                                                                        \
  }

static const AttributeSpec no_attributes[] = { END_OF_ATTRIBUTES };

static const AttributeSpec rig_attributes[] = {
  REQUIRED ("format-version", VALUE_COUNT),
  END_OF_ATTRIBUTES,
};

static const AttributeSpec catalog_attributes[] = {
  OPTIONAL ("format-version", VALUE_COUNT),
  END_OF_ATTRIBUTES,
};

static const AttributeSpec model_attributes[] = {
  REQUIRED ("id", VALUE_MODEL_ID),
  REQUIRED ("name", VALUE_NAME),
  REQUIRED ("category", VALUE_CATEGORY),
  OPTIONAL ("power", VALUE_POWER_SOURCE),
  OPTIONAL ("isolates-ground", VALUE_BOOLEAN),
  END_OF_ATTRIBUTES,
};

static const AttributeSpec figures_attributes[] = {
  OPTIONAL ("nominal-impedance", VALUE_POSITIVE),
  OPTIONAL ("power-handling", VALUE_POSITIVE),
  OPTIONAL ("sensitivity", VALUE_NUMBER),
  OPTIONAL ("amp-power", VALUE_POSITIVE),
  OPTIONAL ("battery", VALUE_FLAG),
  OPTIONAL ("earthed", VALUE_FLAG),
  OPTIONAL ("phantom-on", VALUE_FLAG),
  END_OF_ATTRIBUTES,
};

static const AttributeSpec jack_attributes[] = {
  REQUIRED ("id", VALUE_MODEL_ID),
  REQUIRED ("name", VALUE_NAME),
  REQUIRED ("connector", VALUE_CONNECTOR),
  OPTIONAL ("size", VALUE_PHONE_SIZE),
  OPTIONAL ("poles", VALUE_POLES),
  OPTIONAL ("wiring", VALUE_WIRING),
  REQUIRED ("gender", VALUE_GENDER),
  REQUIRED ("direction", VALUE_DIRECTION),
  REQUIRED ("signal", VALUE_SIGNAL),
  OPTIONAL ("channels", VALUE_CHANNELS),
  OPTIONAL ("output-impedance", VALUE_POSITIVE),
  OPTIONAL ("input-impedance", VALUE_POSITIVE),
  OPTIONAL ("max-output-voltage", VALUE_POSITIVE),
  OPTIONAL ("min-load", VALUE_POSITIVE),
  OPTIONAL ("phantom", VALUE_SUPPLY),
  OPTIONAL ("plugin-power", VALUE_SUPPLY),
  OPTIONAL ("power-supplied-v", VALUE_POSITIVE),
  OPTIONAL ("power-supplied-w", VALUE_POSITIVE),
  OPTIONAL ("power-required-v", VALUE_POSITIVE),
  OPTIONAL ("power-required-w", VALUE_POSITIVE),
  END_OF_ATTRIBUTES,
};

static const AttributeSpec rating_attributes[] = {
  REQUIRED ("load", VALUE_POSITIVE),
  REQUIRED ("power", VALUE_POSITIVE),
  END_OF_ATTRIBUTES,
};

static const AttributeSpec route_attributes[] = {
  REQUIRED ("from", VALUE_MODEL_ID),
  REQUIRED ("to", VALUE_MODEL_ID),
  END_OF_ATTRIBUTES,
};

static const AttributeSpec device_attributes[] = {
  REQUIRED ("id", VALUE_OBJECT_ID), REQUIRED ("model", VALUE_MODEL_ID),
  REQUIRED ("label", VALUE_TEXT),   REQUIRED ("x", VALUE_NUMBER),
  REQUIRED ("y", VALUE_NUMBER),     END_OF_ATTRIBUTES,
};

static const AttributeSpec override_attributes[] = {
  REQUIRED ("figure", VALUE_FIGURE),
  REQUIRED ("value", VALUE_OVERRIDE),
  END_OF_ATTRIBUTES,
};

static const AttributeSpec cable_attributes[] = {
  REQUIRED ("id", VALUE_OBJECT_ID),
  REQUIRED ("number", VALUE_TEXT),
  REQUIRED ("kind", VALUE_CABLE_KIND),
  REQUIRED ("from-device", VALUE_OBJECT_ID),
  REQUIRED ("from-jack", VALUE_MODEL_ID),
  REQUIRED ("to-device", VALUE_OBJECT_ID),
  REQUIRED ("to-jack", VALUE_MODEL_ID),
  OPTIONAL ("conductors", VALUE_COUNT),
  OPTIONAL ("length", VALUE_POSITIVE),
  OPTIONAL ("gauge", VALUE_NUMBER),
  END_OF_ATTRIBUTES,
};

static const AttributeSpec end_attributes[] = {
  REQUIRED ("side", VALUE_SIDE),
  REQUIRED ("connector", VALUE_CONNECTOR),
  OPTIONAL ("size", VALUE_PHONE_SIZE),
  OPTIONAL ("poles", VALUE_POLES),
  REQUIRED ("gender", VALUE_GENDER),
  OPTIONAL ("plugs", VALUE_PLUGS),
  END_OF_ATTRIBUTES,
};

static const AttributeSpec adapter_attributes[] = {
  REQUIRED ("model", VALUE_MODEL_ID),
  REQUIRED ("end", VALUE_SIDE),
  END_OF_ATTRIBUTES,
};

static const ElementSpec element_specs[] = {
  { "rig", rig_attributes },           { "catalog", catalog_attributes },
  { "title", no_attributes },          { "author", no_attributes },
  { "notes", no_attributes },          { "models", no_attributes },
  { "devices", no_attributes },        { "cables", no_attributes },
  { "model", model_attributes },       { "description", no_attributes },
  { "keywords", no_attributes },       { "figures", figures_attributes },
  { "jack", jack_attributes },         { "rating", rating_attributes },
  { "route", route_attributes },       { "device", device_attributes },
  { "override", override_attributes }, { "cable", cable_attributes },
  { "end", end_attributes },           { "adapter", adapter_attributes },
};

static const ElementSpec *
find_element_spec (const xmlNode *node)
{
  for (guint i = 0; i < G_N_ELEMENTS (element_specs); i++)
    if (strcmp ((const char *) node->name, element_specs[i].element) == 0)
      return &element_specs[i];
  return NULL;
}

static gboolean
is_decimal (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE;

  if (*p == '+' || *p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    {
      p++;
      digits = TRUE;
    }
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        {
          p++;
          digits = TRUE;
        }
    }
  return digits && *p == '\0';
}

/* A whole number >= 1 (xsd:positiveInteger, within guint). */
static gboolean
parse_count (const char *text, guint *value)
{
  guint64 parsed;

  if (*text == '+')
    text++;
  if (!g_ascii_isdigit (*text)
      || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT, &parsed, NULL))
    return FALSE;
  *value = (guint) parsed;
  return TRUE;
}

static gboolean
is_model_id (const char *text)
{
  if (!(g_ascii_islower (*text) || g_ascii_isdigit (*text)))
    return FALSE;
  for (const char *p = text + 1; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '.' || *p == '_' || *p == '-'))
      return FALSE;
  return TRUE;
}

static gboolean
is_object_id (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!(g_ascii_isalnum (*p) || *p == '.' || *p == '_' || *p == '-'))
      return FALSE;
  return TRUE;
}

/* NULL if @raw suits @type, else a sentence saying what is wrong. */
static char *
check_value (const xmlNode *node, const char *attribute, ValueType type, const char *raw)
{
  const char *element = (const char *) node->name;
  g_autofree char *value = strip_xml_space (g_strdup (raw));
  double number;
  guint count;

  switch (type)
    {
      case VALUE_TEXT:
        return NULL;
      case VALUE_NAME:
        if (*raw == '\0')
          return g_strdup_printf (_ ("<%s> has an empty “%s” attribute."), element, attribute);
        return NULL;
      case VALUE_NUMBER:
        if (!rig_xml_parse_double (value, &number))
          return g_strdup_printf (
              _ ("the “%s” attribute of <%s> must be a number such as 8 or 0.5, "
                 "not “%s”."),
              attribute, element, raw);
        return NULL;
      case VALUE_POSITIVE:
        if (!rig_xml_parse_double (value, &number) || !(number > 0))
          return g_strdup_printf (_ ("the “%s” attribute of <%s> must be a number greater than 0, "
                                     "not “%s”."),
                                  attribute, element, raw);
        return NULL;
      case VALUE_COUNT:
        if (!parse_count (value, &count))
          return g_strdup_printf (_ ("the “%s” attribute of <%s> must be a whole number of 1 or "
                                     "more, not “%s”."),
                                  attribute, element, raw);
        return NULL;
      case VALUE_CHANNELS:
        if (!parse_count (value, &count) || count > 16)
          return g_strdup_printf (_ ("the “%s” attribute of <%s> must be a whole number from 1 to "
                                     "16, not “%s”."),
                                  attribute, element, raw);
        return NULL;
      case VALUE_PLUGS:
        if (!parse_count (value, &count) || count > 2)
          return g_strdup_printf (_ ("the “%s” attribute of <%s> must be 1 or 2, not “%s”."),
                                  attribute, element, raw);
        return NULL;
      case VALUE_MODEL_ID:
        if (!is_model_id (value))
          return g_strdup_printf (_ ("the “%s” attribute of <%s> must be an id of lower-case "
                                     "letters, digits and dashes, not “%s”."),
                                  attribute, element, raw);
        return NULL;
      case VALUE_OBJECT_ID:
        if (!is_object_id (value))
          return g_strdup_printf (_ ("the “%s” attribute of <%s> must be an id of letters, digits, "
                                     "dots, dashes and underscores, not “%s”."),
                                  attribute, element, raw);
        return NULL;
      case VALUE_BOOLEAN:
        if (strcmp (value, "true") != 0 && strcmp (value, "false") != 0)
          return g_strdup_printf (_ ("the “%s” attribute of <%s> must be true or false, not “%s”."),
                                  attribute, element, raw);
        return NULL;
      case VALUE_FLAG:
        if (strcmp (value, "0") != 0 && strcmp (value, "1") != 0)
          return g_strdup_printf (_ ("the “%s” attribute of <%s> must be 1 (yes) or 0 (no), not "
                                     "“%s”."),
                                  attribute, element, raw);
        return NULL;
      case VALUE_SIDE:
        if (strcmp (value, "from") != 0 && strcmp (value, "to") != 0)
          return g_strdup_printf (_ ("the “%s” attribute of <%s> must be from or to, not “%s”."),
                                  attribute, element, raw);
        return NULL;
      case VALUE_OVERRIDE:
        {
          g_autofree char *figure = rig_xml_get_token (node, "figure");

          if (g_strcmp0 (figure, rig_figure_to_nick (RIG_FIGURE_POWER_SOURCE)) == 0)
            return check_value (node, attribute, VALUE_POWER_SOURCE, raw);
          return check_value (node, attribute, VALUE_NUMBER, raw);
        }
      case VALUE_CONNECTOR:
      case VALUE_PHONE_SIZE:
      case VALUE_POLES:
      case VALUE_WIRING:
      case VALUE_GENDER:
      case VALUE_DIRECTION:
      case VALUE_SIGNAL:
      case VALUE_CATEGORY:
      case VALUE_POWER_SOURCE:
      case VALUE_SUPPLY:
      case VALUE_CABLE_KIND:
      case VALUE_FIGURE:
      default:
        {
          const EnumInfo *info = &enum_info[type - VALUE_CONNECTOR];

          if (info->from_nick (value) < 0 || (!info->none_allowed && strcmp (value, "none") == 0))
            return g_strdup_printf (_ ("unknown %s “%s”."), _ (info->noun), raw);
          return NULL;
        }
    }
}

static gboolean
check_attributes (const xmlNode *node, const char *display_name, int code, GError **error)
{
  const ElementSpec *spec = find_element_spec (node);

  if (spec == NULL)
    {
      set_line_error (error, code, display_name, node_line (node), _ ("unknown element <%s>."),
                      (const char *) node->name);
      return FALSE;
    }

  /* Attributes the element does not have. */
  for (const xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      gboolean known = FALSE;

      for (const AttributeSpec *a = spec->attributes; a->name != NULL && attr->ns == NULL; a++)
        if (strcmp (a->name, (const char *) attr->name) == 0)
          known = TRUE;
      if (!known)
        {
          set_line_error (error, code, display_name, node_line (node),
                          _ ("<%s> has an unknown attribute “%s”."), spec->element,
                          (const char *) attr->name);
          return FALSE;
        }
    }

  for (const AttributeSpec *a = spec->attributes; a->name != NULL; a++)
    {
      g_autofree char *raw = rig_xml_get_string (node, a->name);
      g_autofree char *problem = NULL;

      if (raw == NULL)
        {
          if (a->required)
            {
              set_line_error (error, code, display_name, node_line (node),
                              _ ("<%s> has no “%s” attribute."), spec->element, a->name);
              return FALSE;
            }
          continue;
        }
      problem = check_value (node, a->name, a->type, raw);
      if (problem != NULL)
        {
          set_line_error (error, code, display_name, node_line (node), "%s", problem);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
rig_xml_check_attributes (const xmlNode *node, const char *display_name, GError **error)
{
  return check_attributes (node, display_name, RIG_ERROR_INVALID, error);
}

/* Schema ======================================================================= */

typedef struct
{
  xmlRelaxNGPtr schema;
  char *error;
} SchemaCache;

static gpointer
load_schema (gpointer data)
{
  SchemaCache *cache = g_new0 (SchemaCache, 1);
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  ErrorCapture capture = { 0 };
  SavedHandlers saved;
  xmlRelaxNGParserCtxtPtr parser;
  gsize size;
  const char *text;

  ensure_libxml ();

  bytes = g_resources_lookup_data (SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      cache->error = g_strdup (local_error->message);
      return cache;
    }
  text = g_bytes_get_data (bytes, &size);

  push_error_handlers (&saved, &capture);
  parser = xmlRelaxNGNewMemParserCtxt (text, (int) size);
  xmlRelaxNGSetParserStructuredErrors (parser, capture_structured_error, &capture);
  cache->schema = xmlRelaxNGParse (parser);
  xmlRelaxNGFreeParserCtxt (parser);
  pop_error_handlers (&saved);

  if (cache->schema == NULL)
    cache->error = g_strdup (capture.n_errors > 0 ? capture.errors[0].message : "?");
  error_capture_clear (&capture);
  return cache;
}

static SchemaCache *
get_schema (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_schema, NULL);
}

/* The first problem in document order that the attribute checks find, to
 * explain a schema failure better than libxml2 does. */
static gboolean
diagnose_attributes (const xmlNode *node, const char *display_name, GError **error)
{
  for (const xmlNode *child = node; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (!rig_xml_is_element (child, NULL))
        {
          set_line_error (error, RIG_ERROR_SCHEMA, display_name, node_line (child),
                          _ ("<%s> is not a Rigwire element (it is not in the Rigwire namespace)."),
                          (const char *) child->name);
          return FALSE;
        }
      if (!check_attributes (child, display_name, RIG_ERROR_SCHEMA, error))
        return FALSE;
      if (!diagnose_attributes (child->children, display_name, error))
        return FALSE;
    }
  return TRUE;
}

static const char *
parent_name (const xmlNode *node)
{
  if (node != NULL && node->parent != NULL && node->parent->type == XML_ELEMENT_NODE)
    return (const char *) node->parent->name;
  return NULL;
}

/* libxml2's RELAX NG messages, as sentences. */
static char *
describe_schema_error (const CapturedError *captured)
{
  const char *str1 = captured->str1 ? captured->str1 : "?";
  const char *str2 = captured->str2 ? captured->str2 : "?";

  switch (captured->code)
    {
      case XML_RELAXNG_ERR_ELEMWRONG:
        if (parent_name (captured->node) != NULL)
          return g_strdup_printf (_ ("<%s> is not allowed here inside <%s>."), str1,
                                  parent_name (captured->node));
        return g_strdup_printf (_ ("<%s> is not allowed here."), str1);
      case XML_RELAXNG_ERR_EXTRACONTENT:
        return g_strdup_printf (_ ("<%s> has unexpected content: <%s>."), str1, str2);
      case XML_RELAXNG_ERR_NOELEM:
        if (captured->node != NULL && captured->node->type == XML_ELEMENT_NODE)
          return g_strdup_printf (_ ("<%s> lacks a required <%s> element."),
                                  (const char *) captured->node->name, str1);
        return g_strdup_printf (_ ("a required <%s> element is missing."), str1);
      case XML_RELAXNG_ERR_INVALIDATTR:
        return g_strdup_printf (_ ("<%s> has an unknown or invalid attribute “%s”."), str2, str1);
      case XML_RELAXNG_ERR_NOTELEM:
      case XML_RELAXNG_ERR_TEXTWRONG:
        return g_strdup_printf (_ ("text is not allowed here."));
      case XML_RELAXNG_ERR_ATTRVALID:
        return g_strdup_printf (_ ("the attributes of <%s> are not valid."), str1);
      case XML_RELAXNG_ERR_CONTENTVALID:
        return g_strdup_printf (_ ("the content of <%s> is not valid."), str1);
      case XML_RELAXNG_ERR_ELEMNAME:
        return g_strdup_printf (_ ("expected <%s>, found <%s>."), str1, str2);
      case XML_RELAXNG_ERR_TYPEVAL:
        return g_strdup_printf (_ ("“%s” is not a valid %s."), str2, str1);
      default:
        return g_strdup_printf (_ ("does not follow the Rigwire file format: %s."),
                                captured->message);
    }
}

static gboolean
is_generic_schema_error (int code)
{
  return code == XML_RELAXNG_ERR_ATTRVALID || code == XML_RELAXNG_ERR_CONTENTVALID;
}

gboolean
rig_xml_validate_schema (xmlDoc *doc, const char *display_name, GError **error)
{
  static GMutex mutex;
  SchemaCache *cache = get_schema ();
  ErrorCapture capture = { 0 };
  SavedHandlers saved;
  xmlRelaxNGValidCtxtPtr validator;
  const CapturedError *best = NULL;
  g_autofree char *sentence = NULL;
  int result;

  g_return_val_if_fail (doc != NULL, FALSE);

  if (cache->schema == NULL)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_FAILED,
                   _ ("Rigwire’s file format schema could not be loaded: %s"), cache->error);
      return FALSE;
    }

  g_mutex_lock (&mutex);
  push_error_handlers (&saved, &capture);
  validator = xmlRelaxNGNewValidCtxt (cache->schema);
  xmlRelaxNGSetValidStructuredErrors (validator, capture_structured_error, &capture);
  result = xmlRelaxNGValidateDoc (validator, doc);
  xmlRelaxNGFreeValidCtxt (validator);
  pop_error_handlers (&saved);
  g_mutex_unlock (&mutex);

  if (result == 0)
    {
      error_capture_clear (&capture);
      return TRUE;
    }

  /* First the precise attribute checks, in document order; then libxml2's
   * most specific message (they come in an odd order, some without a line). */
  if (!diagnose_attributes (xmlDocGetRootElement (doc), display_name, error))
    {
      error_capture_clear (&capture);
      return FALSE;
    }

  for (guint i = 0; i < capture.n_errors && best == NULL; i++)
    if (!is_generic_schema_error (capture.errors[i].code) && capture.errors[i].line > 0)
      best = &capture.errors[i];
  for (guint i = 0; i < capture.n_errors && best == NULL; i++)
    if (capture.errors[i].line > 0)
      best = &capture.errors[i];
  if (best == NULL && capture.n_errors > 0)
    best = &capture.errors[0];

  if (best != NULL)
    {
      sentence = describe_schema_error (best);
      set_line_error (error, RIG_ERROR_SCHEMA, display_name, best->line, "%s", sentence);
    }
  else
    {
      set_line_error (error, RIG_ERROR_SCHEMA, display_name, -1,
                      _ ("does not follow the Rigwire file format."));
    }
  error_capture_clear (&capture);
  return FALSE;
}

/* Numbers ====================================================================== */

gboolean
rig_xml_parse_double (const char *text, double *value)
{
  g_autofree char *copy = NULL;
  double parsed;

  if (text == NULL)
    return FALSE;
  copy = strip_xml_space (g_strdup (text));
  if (!is_decimal (copy))
    return FALSE;
  parsed = g_ascii_strtod (copy, NULL);
  if (!isfinite (parsed))
    return FALSE;
  if (parsed == 0)
    parsed = 0; /* no negative zero */
  if (value != NULL)
    *value = parsed;
  return TRUE;
}

/* Plain decimals have room for 24 digits in libxml2's xsd:decimal: magnitudes
 * from 1e-18 to just under 1e24 fit with 6 significant digits. */
#define SMALLEST_WRITTEN 1e-18
#define LARGEST_WRITTEN "999999000000000000000000"

void
rig_xml_append_double (GString *out, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char digits[8];
  const char *p;
  gsize n_digits = 0;
  int exponent;

  /* Files never hold NAN or infinities: callers leave unset figures out. */
  if (!isfinite (value) || value == 0)
    {
      g_string_append_c (out, '0');
      return;
    }
  if (fabs (value) < SMALLEST_WRITTEN)
    value = copysign (SMALLEST_WRITTEN, value);

  /* "-d.ddddde+XX": six significant digits, correctly rounded. */
  g_ascii_formatd (buffer, sizeof buffer, "%.5e", value);
  p = buffer;
  if (*p == '-')
    {
      g_string_append_c (out, '-');
      p++;
    }
  for (; *p != 'e' && *p != '\0'; p++)
    if (g_ascii_isdigit (*p) && n_digits < 6)
      digits[n_digits++] = *p;
  exponent = (*p == 'e') ? (int) g_ascii_strtoll (p + 1, NULL, 10) : 0;
  while (n_digits > 1 && digits[n_digits - 1] == '0')
    n_digits--;
  digits[n_digits] = '\0';

  if (exponent >= 24)
    {
      g_string_append (out, LARGEST_WRITTEN);
      return;
    }

  if (exponent >= 0)
    {
      /* Integer part: digits[0..exponent], padded with zeros. */
      for (int i = 0; i <= exponent; i++)
        g_string_append_c (out, (gsize) i < n_digits ? digits[i] : '0');
      if (n_digits > (gsize) exponent + 1)
        {
          g_string_append_c (out, '.');
          g_string_append (out, digits + exponent + 1);
        }
    }
  else
    {
      g_string_append (out, "0.");
      for (int i = 0; i < -exponent - 1; i++)
        g_string_append_c (out, '0');
      g_string_append (out, digits);
    }
}

/* Escaping ===================================================================== */

static void
append_escaped (GString *out, const char *text, gboolean attribute)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
          case '&':
            g_string_append (out, "&amp;");
            break;
          case '<':
            g_string_append (out, "&lt;");
            break;
          case '>':
            g_string_append (out, "&gt;");
            break;
          case '"':
            g_string_append (out, attribute ? "&quot;" : "\"");
            break;
          case '\t':
            g_string_append (out, attribute ? "&#9;" : "\t");
            break;
          case '\n':
            g_string_append (out, attribute ? "&#10;" : "\n");
            break;
          case '\r':
            /* A parser turns a literal CR (and CR LF) into LF. */
            g_string_append (out, "&#13;");
            break;
          default:
            /* Characters XML 1.0 forbids cannot be written even as references:
             * drop them. */
            if (c < 0x20 || c == 0xfffe || c == 0xffff)
              break;
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
            break;
        }
    }
}

void
rig_xml_append_escaped (GString *out, const char *text)
{
  append_escaped (out, text, TRUE);
}

void
rig_xml_append_escaped_text (GString *out, const char *text)
{
  append_escaped (out, text, FALSE);
}

static void
append_attribute (GString *out, const char *name, const char *value)
{
  g_string_append_printf (out, " %s=\"", name);
  rig_xml_append_escaped (out, value);
  g_string_append_c (out, '"');
}

static void
append_number_attribute (GString *out, const char *name, double value)
{
  g_string_append_printf (out, " %s=\"", name);
  rig_xml_append_double (out, value);
  g_string_append_c (out, '"');
}

static void
append_indent (GString *out, guint indent)
{
  for (guint i = 0; i < indent; i++)
    g_string_append_c (out, ' ');
}

/* <model> ======================================================================= */

/* The jack's optional figures, in the order they are written. */
typedef struct
{
  const char *name;
  gsize offset;
} JackNumber;

static const JackNumber jack_numbers[] = {
  { "output-impedance", G_STRUCT_OFFSET (RigJack, output_impedance) },
  { "input-impedance", G_STRUCT_OFFSET (RigJack, input_impedance) },
  { "max-output-voltage", G_STRUCT_OFFSET (RigJack, max_output_voltage) },
  { "min-load", G_STRUCT_OFFSET (RigJack, min_load) },
};

static const JackNumber jack_power_numbers[] = {
  { "power-supplied-v", G_STRUCT_OFFSET (RigJack, power_supplied_v) },
  { "power-supplied-w", G_STRUCT_OFFSET (RigJack, power_supplied_w) },
  { "power-required-v", G_STRUCT_OFFSET (RigJack, power_required_v) },
  { "power-required-w", G_STRUCT_OFFSET (RigJack, power_required_w) },
};

#define JACK_NUMBER(jack, number) (*(double *) ((char *) (jack) + (number)->offset))

static int
enum_attribute (const xmlNode *node, const char *name, int (*from_nick) (const char *),
                int fallback)
{
  g_autofree char *value = rig_xml_get_token (node, name);
  int result;

  if (value == NULL)
    return fallback;
  result = from_nick (value);
  return result >= 0 ? result : fallback;
}

static double
number_attribute (const xmlNode *node, const char *name)
{
  g_autofree char *value = rig_xml_get_token (node, name);
  double number = NAN;

  if (value == NULL || !rig_xml_parse_double (value, &number))
    return NAN;
  return number;
}

static guint
count_attribute (const xmlNode *node, const char *name, guint fallback)
{
  g_autofree char *value = rig_xml_get_token (node, name);
  guint count;

  if (value == NULL || !parse_count (value, &count))
    return fallback;
  return count;
}

static gboolean
read_jack (xmlNode *node, const char *display_name, RigJack *jack, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  if (!rig_xml_check_attributes (node, display_name, error))
    return FALSE;

  jack->id = rig_xml_get_token (node, "id");
  jack->name = rig_xml_get_string (node, "name");
  jack->connector = enum_attribute (node, "connector", rig_connector_from_nick, 0);
  jack->size = enum_attribute (node, "size", rig_phone_size_from_nick, RIG_PHONE_SIZE_NONE);
  jack->poles = enum_attribute (node, "poles", rig_poles_from_nick, RIG_POLES_NONE);
  jack->wiring = enum_attribute (node, "wiring", rig_wiring_from_nick, RIG_WIRING_NONE);
  jack->gender = enum_attribute (node, "gender", rig_gender_from_nick, 0);
  jack->direction = enum_attribute (node, "direction", rig_direction_from_nick, 0);
  jack->signal = enum_attribute (node, "signal", rig_signal_from_nick, 0);
  jack->channels = count_attribute (node, "channels", 1);
  for (guint i = 0; i < G_N_ELEMENTS (jack_numbers); i++)
    JACK_NUMBER (jack, &jack_numbers[i]) = number_attribute (node, jack_numbers[i].name);
  jack->phantom = enum_attribute (node, "phantom", rig_supply_from_nick, RIG_SUPPLY_NONE);
  jack->plugin_power = enum_attribute (node, "plugin-power", rig_supply_from_nick, RIG_SUPPLY_NONE);
  for (guint i = 0; i < G_N_ELEMENTS (jack_power_numbers); i++)
    JACK_NUMBER (jack, &jack_power_numbers[i])
        = number_attribute (node, jack_power_numbers[i].name);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (!rig_xml_is_element (child, "rating"))
        {
          rig_xml_set_error (error, RIG_ERROR_INVALID, display_name, child,
                             _ ("<%s> is not allowed inside <jack>."), (const char *) child->name);
          return FALSE;
        }
      if (jack->n_ratings >= RIG_MAX_POWER_RATINGS)
        {
          rig_xml_set_error (error, RIG_ERROR_INVALID, display_name, child,
                             _ ("jack “%s” has more than %d power ratings."), jack->id,
                             RIG_MAX_POWER_RATINGS);
          return FALSE;
        }
      if (!rig_xml_check_attributes (child, display_name, error))
        return FALSE;
      jack->ratings[jack->n_ratings].load_ohms = number_attribute (child, "load");
      jack->ratings[jack->n_ratings].watts = number_attribute (child, "power");
      jack->n_ratings++;
    }

  if (!rig_jack_validate (jack, &local_error))
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, display_name, node, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Text of an element with surrounding white space removed; NULL if empty. */
static char *
stripped_text (const xmlNode *node)
{
  char *text = strip_xml_space (rig_xml_get_text (node));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

RigDeviceModel *
rig_xml_read_model (xmlNode *node, const char *display_name, GError **error)
{
  g_autoptr (RigDeviceModel) model = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GPtrArray) route_nodes = g_ptr_array_new ();
  g_autoptr (GPtrArray) jack_nodes = g_ptr_array_new ();
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *isolates = NULL;
  gboolean seen_description = FALSE, seen_keywords = FALSE, seen_figures = FALSE;

  g_return_val_if_fail (node != NULL, NULL);

  if (!rig_xml_is_element (node, "model"))
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, display_name, node,
                         _ ("expected a <model> element, found <%s>."),
                         node->name ? (const char *) node->name : "?");
      return NULL;
    }
  if (!rig_xml_check_attributes (node, display_name, error))
    return NULL;

  id = rig_xml_get_token (node, "id");
  name = rig_xml_get_string (node, "name");
  model = rig_device_model_new (id, name,
                                enum_attribute (node, "category", rig_category_from_nick, 0));
  if (xmlHasNsProp (node, (const xmlChar *) "power", NULL) != NULL)
    model->figures[RIG_FIGURE_POWER_SOURCE]
        = enum_attribute (node, "power", rig_power_source_from_nick, RIG_POWER_SOURCE_NONE);
  isolates = rig_xml_get_token (node, "isolates-ground");
  model->isolates_ground = g_strcmp0 (isolates, "true") == 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      gboolean *seen = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (rig_xml_is_element (child, "description"))
        seen = &seen_description;
      else if (rig_xml_is_element (child, "keywords"))
        seen = &seen_keywords;
      else if (rig_xml_is_element (child, "figures"))
        seen = &seen_figures;
      if (seen != NULL)
        {
          if (*seen)
            {
              rig_xml_set_error (error, RIG_ERROR_INVALID, display_name, child,
                                 _ ("model “%s” has more than one <%s>."), id,
                                 (const char *) child->name);
              return NULL;
            }
          *seen = TRUE;
          if (!rig_xml_check_attributes (child, display_name, error))
            return NULL;
        }

      if (rig_xml_is_element (child, "description"))
        {
          g_free (model->description);
          model->description = stripped_text (child);
        }
      else if (rig_xml_is_element (child, "keywords"))
        {
          g_free (model->keywords);
          model->keywords = stripped_text (child);
        }
      else if (rig_xml_is_element (child, "figures"))
        {
          for (guint f = 0; f < RIG_N_FIGURES; f++)
            if (f != RIG_FIGURE_POWER_SOURCE)
              model->figures[f] = number_attribute (child, rig_figure_to_nick (f));
        }
      else if (rig_xml_is_element (child, "jack"))
        {
          RigJack jack;
          gboolean ok;

          rig_jack_init (&jack);
          ok = read_jack (child, display_name, &jack, error);
          if (ok)
            {
              for (guint i = 0; i < model->n_jacks; i++)
                if (strcmp (model->jacks[i].id, jack.id) == 0)
                  {
                    rig_xml_set_error (error, RIG_ERROR_INVALID, display_name, child,
                                       _ ("model “%s” has two jacks with the id “%s”."), id,
                                       jack.id);
                    ok = FALSE;
                    break;
                  }
            }
          if (ok)
            {
              rig_device_model_add_jack (model, &jack);
              g_ptr_array_add (jack_nodes, child);
            }
          rig_jack_clear (&jack);
          if (!ok)
            return NULL;
        }
      else if (rig_xml_is_element (child, "route"))
        {
          g_autofree char *from = NULL;
          g_autofree char *to = NULL;

          if (!rig_xml_check_attributes (child, display_name, error))
            return NULL;
          from = rig_xml_get_token (child, "from");
          to = rig_xml_get_token (child, "to");
          rig_device_model_add_route (model, from, to);
          g_ptr_array_add (route_nodes, child);
        }
      else
        {
          rig_xml_set_error (error, RIG_ERROR_INVALID, display_name, child,
                             _ ("<%s> is not allowed inside <model>."), (const char *) child->name);
          return NULL;
        }
    }

  /* Routes may come before the jacks they name: check them at the end. */
  for (guint i = 0; i < model->n_routes; i++)
    {
      const RigRoute *route = &model->routes[i];
      const char *missing = NULL;

      if (rig_device_model_find_jack (model, route->from_jack) == NULL)
        missing = route->from_jack;
      else if (rig_device_model_find_jack (model, route->to_jack) == NULL)
        missing = route->to_jack;
      if (missing != NULL)
        {
          rig_xml_set_error (error, RIG_ERROR_INVALID, display_name, route_nodes->pdata[i],
                             _ ("model “%s” routes signal through “%s”, which is not one of its "
                                "jacks."),
                             id, missing);
          return NULL;
        }
    }

  if (!rig_device_model_validate (model, &local_error))
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, display_name, node, "%s", local_error->message);
      return NULL;
    }

  return g_steal_pointer (&model);
}

static gboolean
model_has_figures (const RigDeviceModel *model)
{
  for (guint f = 0; f < RIG_N_FIGURES; f++)
    if (f != RIG_FIGURE_POWER_SOURCE && rig_figure_is_set (model->figures[f]))
      return TRUE;
  return FALSE;
}

static void
write_jack (GString *out, const RigJack *jack, guint indent)
{
  append_indent (out, indent);
  g_string_append (out, "<jack");
  append_attribute (out, "id", jack->id);
  append_attribute (out, "name", jack->name);
  append_attribute (out, "connector", rig_connector_to_nick (jack->connector));
  if (jack->size != RIG_PHONE_SIZE_NONE && rig_phone_size_to_nick (jack->size) != NULL)
    append_attribute (out, "size", rig_phone_size_to_nick (jack->size));
  if (jack->poles != RIG_POLES_NONE && rig_poles_to_nick (jack->poles) != NULL)
    append_attribute (out, "poles", rig_poles_to_nick (jack->poles));
  if (jack->wiring != RIG_WIRING_NONE && rig_wiring_to_nick (jack->wiring) != NULL)
    append_attribute (out, "wiring", rig_wiring_to_nick (jack->wiring));
  append_attribute (out, "gender", rig_gender_to_nick (jack->gender));
  append_attribute (out, "direction", rig_direction_to_nick (jack->direction));
  append_attribute (out, "signal", rig_signal_to_nick (jack->signal));
  g_string_append_printf (out, " channels=\"%u\"", jack->channels);
  for (guint i = 0; i < G_N_ELEMENTS (jack_numbers); i++)
    if (rig_figure_is_set (JACK_NUMBER (jack, &jack_numbers[i])))
      append_number_attribute (out, jack_numbers[i].name, JACK_NUMBER (jack, &jack_numbers[i]));
  if (jack->phantom != RIG_SUPPLY_NONE && rig_supply_to_nick (jack->phantom) != NULL)
    append_attribute (out, "phantom", rig_supply_to_nick (jack->phantom));
  if (jack->plugin_power != RIG_SUPPLY_NONE && rig_supply_to_nick (jack->plugin_power) != NULL)
    append_attribute (out, "plugin-power", rig_supply_to_nick (jack->plugin_power));
  for (guint i = 0; i < G_N_ELEMENTS (jack_power_numbers); i++)
    if (rig_figure_is_set (JACK_NUMBER (jack, &jack_power_numbers[i])))
      append_number_attribute (out, jack_power_numbers[i].name,
                               JACK_NUMBER (jack, &jack_power_numbers[i]));

  if (jack->n_ratings == 0)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, ">\n");
  for (guint i = 0; i < jack->n_ratings && i < RIG_MAX_POWER_RATINGS; i++)
    {
      append_indent (out, indent + 2);
      g_string_append (out, "<rating");
      append_number_attribute (out, "load", jack->ratings[i].load_ohms);
      append_number_attribute (out, "power", jack->ratings[i].watts);
      g_string_append (out, "/>\n");
    }
  append_indent (out, indent);
  g_string_append (out, "</jack>\n");
}

void
rig_xml_write_model (GString *out, const RigDeviceModel *model, guint indent)
{
  double power = model->figures[RIG_FIGURE_POWER_SOURCE];
  gboolean has_description = model->description != NULL && *model->description != '\0';
  gboolean has_keywords = model->keywords != NULL && *model->keywords != '\0';

  append_indent (out, indent);
  g_string_append (out, "<model");
  append_attribute (out, "id", model->id);
  append_attribute (out, "name", model->name);
  append_attribute (out, "category", rig_category_to_nick (model->category));
  if (rig_figure_is_set (power) && power >= 0 && power < RIG_N_POWER_SOURCES)
    append_attribute (out, "power", rig_power_source_to_nick ((RigPowerSource) power));
  if (model->isolates_ground)
    append_attribute (out, "isolates-ground", "true");

  if (!has_description && !has_keywords && !model_has_figures (model) && model->n_jacks == 0
      && model->n_routes == 0)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, ">\n");

  if (has_description)
    {
      append_indent (out, indent + 2);
      g_string_append (out, "<description>");
      rig_xml_append_escaped_text (out, model->description);
      g_string_append (out, "</description>\n");
    }
  if (has_keywords)
    {
      append_indent (out, indent + 2);
      g_string_append (out, "<keywords>");
      rig_xml_append_escaped_text (out, model->keywords);
      g_string_append (out, "</keywords>\n");
    }
  if (model_has_figures (model))
    {
      append_indent (out, indent + 2);
      g_string_append (out, "<figures");
      for (guint f = 0; f < RIG_N_FIGURES; f++)
        if (f != RIG_FIGURE_POWER_SOURCE && rig_figure_is_set (model->figures[f]))
          append_number_attribute (out, rig_figure_to_nick (f), model->figures[f]);
      g_string_append (out, "/>\n");
    }
  for (guint i = 0; i < model->n_jacks; i++)
    write_jack (out, &model->jacks[i], indent + 2);
  for (guint i = 0; i < model->n_routes; i++)
    {
      append_indent (out, indent + 2);
      g_string_append (out, "<route");
      append_attribute (out, "from", model->routes[i].from_jack);
      append_attribute (out, "to", model->routes[i].to_jack);
      g_string_append (out, "/>\n");
    }

  append_indent (out, indent);
  g_string_append (out, "</model>\n");
}
