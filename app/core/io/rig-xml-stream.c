/* rig-xml-stream.c: parsing untrusted bytes safely without building a tree.
 *
 * The same parser, options, caps and messages as rig_xml_parse_untrusted()
 * (rig-xml-parse.c), but libxml2's SAX2 events go to a handler instead of
 * into a DOM: each element with its attributes, its end, and its text. A
 * reader builds what it needs as the events come. After the handler's first
 * problem the parse goes on to the end with the caps alone (linear, and
 * cheap), so that a problem of the XML itself (not well-formed, over a cap)
 * is reported first, wherever it is, as when a tree is parsed and then
 * checked. */
#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <string.h>

#include "rig-error.h"
#include "rig-xml-private.h"

typedef struct
{
  const RigXmlStreamHandler *handler;
  gpointer handler_data;
  RigXmlGuard guard;
  GError *error;      /* the handler's first; no more calls to it after that */
  long markup_line;   /* where the last markup ended: where text after it starts */
  GArray *attributes; /* RigXmlAttribute, reused for every element */
  GString *values;    /* their values, NUL-terminated one after another */
} Stream;

static long
parser_line (xmlParserCtxtPtr ctxt)
{
  return ctxt->input != NULL ? ctxt->input->line : -1;
}

static void
stream_internal_subset (void *ctx, const xmlChar *name, const xmlChar *external_id,
                        const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  Stream *stream = ctxt->_private;

  _rig_xml_guard_doctype (&stream->guard, ctxt);
}

/* Copies an attribute value as libxml2 gives it to @out, NUL-terminated;
 * returns where it ends. Without entity substitution (never asked for),
 * libxml2 writes each '&' of a value (from "&amp;" or "&#38;") as "&#38;",
 * for the tree builder to decode; no other '&' can be there. */
static char *
copy_value (char *out, const char *value, gsize len)
{
  const char *end = value + len;
  const char *amp;

  while ((amp = memchr (value, '&', end - value)) != NULL)
    {
      memcpy (out, value, amp - value);
      out += amp - value;
      *out++ = '&';
      value = amp + 1;
      if (end - value >= 4 && memcmp (value, "#38;", 4) == 0)
        value += 4;
    }
  memcpy (out, value, end - value);
  out += end - value;
  *out++ = '\0';
  return out;
}

/* libxml2 gives each attribute as five pointers: local name, prefix, URI,
 * and the value's start and end (not NUL-terminated). */
static void
collect_attributes (Stream *stream, int n, const xmlChar **attributes)
{
  gsize size = 0;
  char *out;

  for (int i = 0; i < n; i++)
    size += attributes[5 * i + 4] - attributes[5 * i + 3] + 1;
  g_string_set_size (stream->values, size);
  g_array_set_size (stream->attributes, n);
  out = stream->values->str;
  for (int i = 0; i < n; i++)
    {
      const xmlChar **a = attributes + 5 * i;
      RigXmlAttribute *attribute = &g_array_index (stream->attributes, RigXmlAttribute, i);

      attribute->name = (const char *) a[0];
      attribute->value = out;
      attribute->foreign = a[2] != NULL;
      out = copy_value (out, (const char *) a[3], a[4] - a[3]);
    }
}

static void
stream_start_element (void *ctx, const xmlChar *localname, const xmlChar *prefix,
                      const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                      int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;
  Stream *stream = ctxt->_private;
  RigXmlElement element;

  if (!_rig_xml_guard_enter (&stream->guard, ctxt) || stream->error != NULL)
    return;
  collect_attributes (stream, nb_attributes, attributes);
  element.name = (const char *) localname;
  element.ns = (const char *) uri;
  element.line = parser_line (ctxt);
  element.n_attributes = stream->attributes->len;
  element.attributes = (const RigXmlAttribute *) (gpointer) stream->attributes->data;
  stream->markup_line = element.line;
  stream->handler->start (stream->handler_data, &element, &stream->error);
}

static void
stream_end_element (void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = ctx;
  Stream *stream = ctxt->_private;

  _rig_xml_guard_leave (&stream->guard);
  stream->markup_line = parser_line (ctxt);
  if (stream->error == NULL)
    stream->handler->end (stream->handler_data, &stream->error);
}

static void
stream_characters (void *ctx, const xmlChar *text, int len)
{
  xmlParserCtxtPtr ctxt = ctx;
  Stream *stream = ctxt->_private;
  long line = stream->markup_line;

  /* The next chunk of the same text starts where this one ends. */
  stream->markup_line = parser_line (ctxt);
  if (stream->error == NULL)
    stream->handler->text (stream->handler_data, (const char *) text, (gsize) len, line,
                           &stream->error);
}

/* Comments and instructions are skipped; text after them starts there. */
static void
stream_comment (void *ctx, const xmlChar *value)
{
  xmlParserCtxtPtr ctxt = ctx;
  Stream *stream = ctxt->_private;

  stream->markup_line = parser_line (ctxt);
}

static void
stream_instruction (void *ctx, const xmlChar *target, const xmlChar *data)
{
  stream_comment (ctx, NULL);
}

/* Only the events above; nothing builds a tree, resolves an entity (the
 * predefined ones and character references come as text) or reads a DTD. */
static void
install_handlers (xmlParserCtxtPtr ctxt)
{
  xmlSAXHandler *sax = ctxt->sax;

  memset (sax, 0, sizeof *sax);
  sax->initialized = XML_SAX2_MAGIC;
  sax->internalSubset = stream_internal_subset;
  sax->startElementNs = stream_start_element;
  sax->endElementNs = stream_end_element;
  sax->characters = stream_characters;
  sax->ignorableWhitespace = stream_characters;
  sax->comment = stream_comment;
  sax->processingInstruction = stream_instruction;
}

gboolean
_rig_xml_stream (const char *data, gsize len, const char *display_name,
                 const RigXmlStreamHandler *handler, gpointer handler_data, GError **error)
{
  const char *name = _rig_xml_safe_name (display_name);
  RigXmlErrorCapture capture = { 0 };
  RigXmlSavedHandlers saved;
  Stream stream = { handler, handler_data };
  xmlParserCtxtPtr ctxt;
  gboolean well_formed, ok;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  _rig_xml_ensure_libxml ();
  if (!_rig_xml_check_bytes (data, len, RIG_XML_MAX_STREAM_BYTES, name, error))
    return FALSE;

  _rig_xml_push_error_handlers (&saved, &capture);
  ctxt = xmlCreateMemoryParserCtxt (data, (int) len);
  if (ctxt == NULL || ctxt->sax == NULL)
    {
      g_clear_pointer (&ctxt, xmlFreeParserCtxt);
      _rig_xml_pop_error_handlers (&saved);
      g_set_error (error, RIG_ERROR, RIG_ERROR_FAILED, _ ("%s could not be read: out of memory."),
                   name);
      return FALSE;
    }
  xmlCtxtUseOptions (ctxt, RIG_XML_PARSE_OPTIONS);
  install_handlers (ctxt);
  stream.attributes = g_array_new (FALSE, FALSE, sizeof (RigXmlAttribute));
  stream.values = g_string_sized_new (256);
  stream.markup_line = 1;
  ctxt->_private = &stream;

  xmlParseDocument (ctxt);

  well_formed = ctxt->wellFormed && !stream.guard.doctype && !stream.guard.too_deep
                && !stream.guard.too_many;
  if (ctxt->myDoc != NULL)
    xmlFreeDoc (ctxt->myDoc);
  ctxt->myDoc = NULL;
  ctxt->_private = NULL;
  xmlFreeParserCtxt (ctxt);
  _rig_xml_pop_error_handlers (&saved);

  /* What the parser finds comes first, wherever it is in the file, as when
   * a tree is parsed and then checked. */
  ok = _rig_xml_check_guard_and_errors (well_formed, &stream.guard, &capture, name, error);
  if (ok && stream.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&stream.error));
      ok = FALSE;
    }
  g_clear_error (&stream.error);

  g_array_unref (stream.attributes);
  g_string_free (stream.values, TRUE);
  _rig_xml_error_capture_clear (&capture);
  return ok;
}
