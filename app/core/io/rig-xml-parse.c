/* rig-xml-parse.c: parsing untrusted bytes safely: no DOCTYPE or entities,
 * nothing loaded from outside, caps on size, depth and element count. */
#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <string.h>

#include "rig-error.h"
#include "rig-xml-private.h"

/* Installed in the parser's SAX handler: stops the parse at a DOCTYPE (before
 * its internal subset, so no entity is ever declared) and at the depth and
 * element caps (before the tree grows). */
typedef struct
{
  startElementNsSAX2Func start_element;
  endElementNsSAX2Func end_element;
  RigXmlGuard guard;
} ParseGuard;

static long
parser_line (xmlParserCtxtPtr ctxt)
{
  return ctxt->input != NULL ? ctxt->input->line : -1;
}

void
_rig_xml_guard_doctype (RigXmlGuard *guard, void *parser_context)
{
  guard->doctype = TRUE;
  guard->stop_line = parser_line (parser_context);
  xmlStopParser (parser_context);
}

gboolean
_rig_xml_guard_enter (RigXmlGuard *guard, void *parser_context)
{
  guard->depth++;
  guard->n_elements++;
  if (guard->depth > RIG_XML_MAX_DEPTH)
    guard->too_deep = TRUE;
  else if (guard->n_elements > RIG_XML_MAX_ELEMENTS)
    guard->too_many = TRUE;
  else
    return TRUE;
  guard->stop_line = parser_line (parser_context);
  xmlStopParser (parser_context);
  return FALSE;
}

void
_rig_xml_guard_leave (RigXmlGuard *guard)
{
  if (guard->depth > 0)
    guard->depth--;
}

static void
guard_internal_subset (void *ctx, const xmlChar *name, const xmlChar *external_id,
                       const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  ParseGuard *guard = ctxt->_private;

  _rig_xml_guard_doctype (&guard->guard, ctxt);
}

static void
guard_start_element (void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                     int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
                     int nb_defaulted, const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;
  ParseGuard *guard = ctxt->_private;

  if (_rig_xml_guard_enter (&guard->guard, ctxt))
    guard->start_element (ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                          nb_defaulted, attributes);
}

static void
guard_end_element (void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = ctx;
  ParseGuard *guard = ctxt->_private;

  _rig_xml_guard_leave (&guard->guard);
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

gboolean
_rig_xml_check_bytes (const char *data, gsize len, gsize max_bytes, const char *name,
                      GError **error)
{
  if (is_blank (data, len))
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_XML,
                   _ ("%s is empty: it holds no XML, so it is not a Rigwire file."), name);
      return FALSE;
    }
  if (len >= 2 && (guchar) data[0] == 0x1f && (guchar) data[1] == 0x8b)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_UNSAFE,
                   _ ("%s is compressed (gzip); Rigwire reads only uncompressed XML files."), name);
      return FALSE;
    }
  if (len > max_bytes)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_TOO_LARGE,
                   _ ("%s is larger than %d MiB, the most Rigwire reads."), name,
                   (int) (max_bytes / (1024 * 1024)));
      return FALSE;
    }
  if (!looks_like_markup (data, len))
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_XML,
                   _ ("%s is not XML: it does not start with “<”, so it is not a Rigwire file."),
                   name);
      return FALSE;
    }
  return _rig_xml_check_markup (data, len, name, error);
}

gboolean
_rig_xml_check_guard_and_errors (gboolean well_formed, const RigXmlGuard *guard,
                                 const RigXmlErrorCapture *capture, const char *name,
                                 GError **error)
{
  if (guard->doctype)
    {
      _rig_xml_set_line_error (error, RIG_ERROR_UNSAFE, name, guard->stop_line,
                               _ ("contains a document type declaration (DOCTYPE), which Rigwire "
                                  "does not accept."));
      return FALSE;
    }
  if (guard->too_deep)
    {
      _rig_xml_set_line_error (
          error, RIG_ERROR_TOO_LARGE, name, guard->stop_line,
          _ ("elements are nested more than %d deep, more than Rigwire reads."), RIG_XML_MAX_DEPTH);
      return FALSE;
    }
  if (guard->too_many)
    {
      _rig_xml_set_line_error (error, RIG_ERROR_TOO_LARGE, name, guard->stop_line,
                               _ ("the file has more than %d elements, more than Rigwire reads."),
                               RIG_XML_MAX_ELEMENTS);
      return FALSE;
    }
  if (!well_formed)
    {
      if (capture->n_errors > 0)
        {
          const RigXmlCapturedError *first = &capture->errors[0];

          /* libxml2's nesting limit, if it ever comes before ours. */
          if (strstr (first->message, "Excessive depth") != NULL)
            _rig_xml_set_line_error (error, RIG_ERROR_TOO_LARGE, name, first->line,
                                     _ ("elements are nested more than %d deep, more than "
                                        "Rigwire reads."),
                                     RIG_XML_MAX_DEPTH);
          /* Encoding declarations are ignored (see the options below). */
          else if (strstr (first->message, "not proper UTF-8") != NULL)
            _rig_xml_set_line_error (error, RIG_ERROR_NOT_XML, name, first->line,
                                     _ ("the file is not UTF-8 text; Rigwire reads files saved "
                                        "as UTF-8 (or UTF-16)."));
          else
            _rig_xml_set_line_error (error, RIG_ERROR_NOT_XML, name, first->line,
                                     _ ("not well-formed XML: %s."), first->message);
        }
      else
        {
          g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_XML, _ ("%s is not well-formed XML."), name);
        }
      return FALSE;
    }
  return TRUE;
}

/* Sets @error and returns FALSE if the parse stopped at a guard or found the
 * input not well-formed, or if the document has no root element. */
static gboolean
check_parse (xmlDoc *doc, gboolean well_formed, ParseGuard *guard,
             const RigXmlErrorCapture *capture, const char *name, GError **error)
{
  if (doc != NULL && (doc->intSubset != NULL || doc->extSubset != NULL))
    guard->guard.doctype = TRUE;
  if (!_rig_xml_check_guard_and_errors (well_formed && doc != NULL, &guard->guard, capture, name,
                                        error))
    return FALSE;
  if (xmlDocGetRootElement (doc) == NULL)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_XML, _ ("%s has no root element."), name);
      return FALSE;
    }
  return TRUE;
}

xmlDoc *
rig_xml_parse_untrusted (const char *data, gsize len, const char *display_name, GError **error)
{
  /* No NOENT (entities are never substituted), no DTDLOAD/DTDATTR/DTDVALID
   * (nothing external is read), no XINCLUDE, no HUGE (libxml2 keeps its own
   * limits). No NOBLANKS either: the readers skip white space between
   * elements themselves, and text content stays exactly as written.
   * IGNORE_ENC: the bytes are UTF-8, or UTF-16 or UCS-4 as their first bytes
   * show, never what a declaration claims, so that rig-xml-scan.c sees the
   * characters libxml2 will parse. */
  const int options = RIG_XML_PARSE_OPTIONS;
  const char *name = _rig_xml_safe_name (display_name);
  RigXmlErrorCapture capture = { 0 };
  RigXmlSavedHandlers saved;
  ParseGuard guard = { 0 };
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc = NULL;
  gboolean well_formed;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  _rig_xml_ensure_libxml ();

  if (!_rig_xml_check_bytes (data, len, RIG_XML_MAX_BYTES, name, error))
    return NULL;

  _rig_xml_push_error_handlers (&saved, &capture);

  ctxt = xmlCreateMemoryParserCtxt (data, (int) len);
  if (ctxt == NULL)
    {
      _rig_xml_pop_error_handlers (&saved);
      _rig_xml_error_capture_clear (&capture);
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
  well_formed
      = ctxt->wellFormed && !guard.guard.doctype && !guard.guard.too_deep && !guard.guard.too_many;
  ctxt->_private = NULL;
  xmlFreeParserCtxt (ctxt);

  _rig_xml_pop_error_handlers (&saved);

  if (!check_parse (doc, well_formed, &guard, &capture, name, error))
    g_clear_pointer (&doc, xmlFreeDoc);

  _rig_xml_error_capture_clear (&capture);
  return doc;
}
