/* rig-xml.c: what every reader of Rigwire XML shares: libxml2 set-up, its
 * errors captured and reported as "FILE:LINE: sentence", element and attribute
 * access, and numbers as files hold them. Safe parsing is in rig-xml-parse.c,
 * attribute checks in rig-xml-check.c, the schema in rig-xml-schema.c, the
 * <model> element in rig-xml-model.c and writing in rig-xml-writer.c. */
#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "rig-error.h"
#include "rig-xml-private.h"

void
_rig_xml_ensure_libxml (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

void
rig_xml_prepare_threads (void)
{
  _rig_xml_ensure_libxml ();
  g_ascii_strtoull ("0", NULL, 10);
}

const char *
_rig_xml_safe_name (const char *display_name)
{
  return display_name != NULL ? display_name : _ ("(unnamed)");
}

/* Error helpers ============================================================== */

long
_rig_xml_node_line (const xmlNode *node)
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
    g_set_error (error, RIG_ERROR, code, "%s:%ld: %s", _rig_xml_safe_name (display_name), line,
                 message);
  else
    g_set_error (error, RIG_ERROR, code, "%s: %s", _rig_xml_safe_name (display_name), message);
}

void
_rig_xml_set_line_error (GError **error, int code, const char *display_name, long line,
                         const char *format, ...)
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
  set_line_error_valist (error, code, display_name, _rig_xml_node_line (node), format, args);
  va_end (args);
}

gboolean
rig_xml_set_not_allowed (GError **error, const char *display_name, const xmlNode *node,
                         const char *parent)
{
  rig_xml_set_error (error, RIG_ERROR_INVALID, display_name, node,
                     _ ("<%s> is not allowed inside <%s>."), (const char *) node->name, parent);
  return FALSE;
}

/* libxml2's errors ============================================================= */

void
_rig_xml_error_capture_clear (RigXmlErrorCapture *capture)
{
  for (guint i = 0; i < capture->n_errors; i++)
    {
      g_free (capture->errors[i].message);
      g_free (capture->errors[i].str1);
      g_free (capture->errors[i].str2);
    }
  capture->n_errors = 0;
}

void
_rig_xml_capture_error (void *data, xmlErrorPtr xml_error)
{
  RigXmlErrorCapture *capture = data;
  RigXmlCapturedError *captured;

  if (capture == NULL || xml_error == NULL || xml_error->level < XML_ERR_ERROR
      || capture->n_errors >= RIG_XML_MAX_CAPTURED_ERRORS)
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
void
_rig_xml_push_error_handlers (RigXmlSavedHandlers *saved, RigXmlErrorCapture *capture)
{
  saved->structured = xmlStructuredError;
  saved->structured_data = xmlStructuredErrorContext;
  saved->generic = xmlGenericError;
  saved->generic_data = xmlGenericErrorContext;
  xmlSetStructuredErrorFunc (capture, _rig_xml_capture_error);
  xmlSetGenericErrorFunc (NULL, ignore_generic_error);
}

void
_rig_xml_pop_error_handlers (const RigXmlSavedHandlers *saved)
{
  xmlSetStructuredErrorFunc (saved->structured_data, saved->structured);
  xmlSetGenericErrorFunc (saved->generic_data, saved->generic);
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

char *
_rig_xml_strip_space (char *text)
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

  return value != NULL ? _rig_xml_strip_space (value) : NULL;
}

char *
rig_xml_get_text (const xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *copy = g_strdup (content != NULL ? (const char *) content : "");

  xmlFree (content);
  return copy;
}

/* Numbers ====================================================================== */

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

gboolean
_rig_xml_parse_count (const char *text, guint *value)
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

gboolean
rig_xml_parse_double (const char *text, double *value)
{
  g_autofree char *copy = NULL;
  gsize len;
  double parsed;

  if (text == NULL)
    return FALSE;
  /* Copied only to strip white space, which files seldom have. */
  len = strlen (text);
  if (len > 0 && (is_xml_space (text[0]) || is_xml_space (text[len - 1])))
    text = copy = _rig_xml_strip_space (g_strdup (text));
  if (!is_decimal (text))
    return FALSE;
  parsed = g_ascii_strtod (text, NULL);
  if (!isfinite (parsed))
    return FALSE;
  if (parsed == 0)
    parsed = 0; /* no negative zero */
  if (value != NULL)
    *value = parsed;
  return TRUE;
}
