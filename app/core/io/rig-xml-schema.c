/* rig-xml-schema.c: validation against the RELAX NG schema in the core
 * GResource, with libxml2's messages turned into sentences. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <libxml/relaxng.h>

#include "rig-error.h"
#include "rig-xml-private.h"

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
  RigXmlErrorCapture capture = { 0 };
  RigXmlSavedHandlers saved;
  xmlRelaxNGParserCtxtPtr parser;
  gsize size;
  const char *text;

  _rig_xml_ensure_libxml ();

  bytes = g_resources_lookup_data (RIG_XML_SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                   &local_error);
  if (bytes == NULL)
    {
      cache->error = g_strdup (local_error->message);
      return cache;
    }
  text = g_bytes_get_data (bytes, &size);

  _rig_xml_push_error_handlers (&saved, &capture);
  parser = xmlRelaxNGNewMemParserCtxt (text, (int) size);
  xmlRelaxNGSetParserStructuredErrors (parser, _rig_xml_capture_error, &capture);
  cache->schema = xmlRelaxNGParse (parser);
  xmlRelaxNGFreeParserCtxt (parser);
  _rig_xml_pop_error_handlers (&saved);

  if (cache->schema == NULL)
    cache->error = g_strdup (capture.n_errors > 0 ? capture.errors[0].message : "?");
  _rig_xml_error_capture_clear (&capture);
  return cache;
}

static SchemaCache *
get_schema (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_schema, NULL);
}

/* A cable's ends: of kind "cable", its <end side="from"> and <end side="to">
 * first; then only adapters. libxml2 reports a wrong end as "the attributes
 * of <end> are not valid" (a missing one it reports well). */
static gboolean
diagnose_cable (const xmlNode *cable, const char *display_name, GError **error)
{
  static const char *const sides[] = { "from", "to" };
  g_autofree char *kind = rig_xml_get_token (cable, "kind");
  g_autofree char *id = rig_xml_get_token (cable, "id");
  guint n_ends = 0;

  for (const xmlNode *child = cable->children; child != NULL; child = child->next)
    {
      g_autofree char *side = NULL;

      if (!rig_xml_is_element (child, "end"))
        continue;
      side = rig_xml_get_token (child, "side");
      if (g_strcmp0 (kind, "cable") != 0)
        {
          _rig_xml_set_line_error (
              error, RIG_ERROR_SCHEMA, display_name, _rig_xml_node_line (child),
              _ ("cable “%s” is of kind “%s”, which has no <end> elements."), id, kind);
          return FALSE;
        }
      if (n_ends >= 2 || g_strcmp0 (side, sides[n_ends]) != 0
          || (child->prev != NULL && xmlPreviousElementSibling ((xmlNode *) child) != NULL
              && !rig_xml_is_element (xmlPreviousElementSibling ((xmlNode *) child), "end")))
        {
          _rig_xml_set_line_error (error, RIG_ERROR_SCHEMA, display_name,
                                   _rig_xml_node_line (child),
                                   _ ("cable “%s” must have one <end side=\"from\"> and then one "
                                      "<end side=\"to\">, before any <adapter>."),
                                   id);
          return FALSE;
        }
      n_ends++;
    }
  return TRUE;
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
          _rig_xml_set_line_error (
              error, RIG_ERROR_SCHEMA, display_name, _rig_xml_node_line (child),
              _ ("<%s> is not a Rigwire element (it is not in the Rigwire namespace)."),
              (const char *) child->name);
          return FALSE;
        }
      if (!_rig_xml_check_attributes_with_code (child, display_name, RIG_ERROR_SCHEMA, error))
        return FALSE;
      if (rig_xml_is_element (child, "cable") && !diagnose_cable (child, display_name, error))
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
describe_schema_error (const RigXmlCapturedError *captured)
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
        if (captured->node != NULL && captured->node->type == XML_ELEMENT_NODE)
          return g_strdup_printf (_ ("text is not allowed inside <%s>."),
                                  (const char *) captured->node->name);
        if (parent_name (captured->node) != NULL)
          return g_strdup_printf (_ ("text is not allowed inside <%s>."),
                                  parent_name (captured->node));
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

/* libxml2's RELAX NG validation takes time in the square of a cable's
 * children (its adapters follow a choice): refuse many before it starts. */
static gboolean
check_cable_sizes (const xmlNode *node, const char *display_name, GError **error)
{
  for (const xmlNode *child = node; child != NULL; child = child->next)
    {
      guint n_children = 0;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (!rig_xml_is_element (child, "cable"))
        {
          if (!check_cable_sizes (child->children, display_name, error))
            return FALSE;
          continue;
        }
      for (const xmlNode *part = child->children; part != NULL; part = part->next)
        if (part->type == XML_ELEMENT_NODE && ++n_children > RIG_XML_MAX_ADAPTERS + 2)
          {
            g_autofree char *id = rig_xml_get_token (child, "id");

            _rig_xml_set_line_error (error, RIG_ERROR_TOO_LARGE, display_name,
                                     _rig_xml_node_line (part),
                                     _ ("cable “%s” has more than %d adapters, more than Rigwire "
                                        "reads."),
                                     id != NULL ? id : "?", RIG_XML_MAX_ADAPTERS);
            return FALSE;
          }
    }
  return TRUE;
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
  RigXmlErrorCapture capture = { 0 };
  RigXmlSavedHandlers saved;
  xmlRelaxNGValidCtxtPtr validator;
  const RigXmlCapturedError *best = NULL;
  g_autofree char *sentence = NULL;
  int result;

  g_return_val_if_fail (doc != NULL, FALSE);

  if (cache->schema == NULL)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_FAILED,
                   _ ("Rigwire’s file format schema could not be loaded: %s"), cache->error);
      return FALSE;
    }

  if (!check_cable_sizes (xmlDocGetRootElement (doc), display_name, error))
    return FALSE;

  g_mutex_lock (&mutex);
  _rig_xml_push_error_handlers (&saved, &capture);
  validator = xmlRelaxNGNewValidCtxt (cache->schema);
  xmlRelaxNGSetValidStructuredErrors (validator, _rig_xml_capture_error, &capture);
  result = xmlRelaxNGValidateDoc (validator, doc);
  xmlRelaxNGFreeValidCtxt (validator);
  _rig_xml_pop_error_handlers (&saved);
  g_mutex_unlock (&mutex);

  if (result == 0)
    {
      _rig_xml_error_capture_clear (&capture);
      return TRUE;
    }

  /* First the precise attribute checks, in document order; then libxml2's
   * most specific message (they come in an odd order, some without a line). */
  if (!diagnose_attributes (xmlDocGetRootElement (doc), display_name, error))
    {
      _rig_xml_error_capture_clear (&capture);
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
      _rig_xml_set_line_error (error, RIG_ERROR_SCHEMA, display_name, best->line, "%s", sentence);
    }
  else
    {
      _rig_xml_set_line_error (error, RIG_ERROR_SCHEMA, display_name, -1,
                               _ ("does not follow the Rigwire file format."));
    }
  _rig_xml_error_capture_clear (&capture);
  return FALSE;
}
