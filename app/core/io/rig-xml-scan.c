/* rig-xml-scan.c: a look at the raw bytes before libxml2 parses them.
 *
 * libxml2 2.9 checks the attributes of a start tag (and the namespaces in
 * scope) for duplicates by comparing each with all before it, so one element
 * with 200,000 attributes takes minutes. This scan counts them first, in one
 * pass over any bytes, and refuses a file with too many.
 *
 * The count must never be lower than what libxml2 will parse, whatever the
 * bytes and however libxml2 recovers from errors, so it assumes little: every
 * '<' may start a tag (even inside a comment, CDATA or an instruction, which
 * libxml2 may leave early on a bad character), and every '=' outside quotes
 * up to the tag's closing '>' (or the next '<', which no attribute value may
 * hold) may end an attribute name. Quotes are followed the way libxml2
 * follows them; it refuses a stray quote, so it can never see a '>' as quoted
 * where this scan does not. Each file is scanned as bytes and, when its first
 * bytes say UTF-16 or UCS-4 (libxml2 decodes by that alone: the parser
 * ignores encoding declarations), as units of that width too. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rig-error.h"
#include "rig-xml-private.h"

/* The input as units of 1, 2 or 4 bytes; an ASCII character is a unit whose
 * byte @low holds it and whose other bytes are zero. */
typedef struct
{
  const guchar *data;
  gsize n_units;
  guint width;
  guint low;
} Units;

#define NOT_ASCII 0x80

/* The scan runs over every byte of every file: its functions are inlined
 * with the unit's width as a constant, so that the common case, bytes, is a
 * plain loop. */
G_ALWAYS_INLINE static inline int
unit_at (const Units *u, gsize i, guint width)
{
  const guchar *p = u->data + i * width;

  if (width == 1)
    return p[0];
  for (guint b = 0; b < width; b++)
    if (b != u->low && p[b] != 0)
      return NOT_ASCII;
  return p[u->low];
}

static gboolean
is_blank (int c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

typedef struct
{
  gsize line;       /* where the tag starts */
  gboolean xmlns;   /* too many namespace declarations in the file */
  char element[41]; /* the tag's name, if it is short and ASCII */
} ScanProblem;

/* Whether the name starting at unit @start is "xmlns" or "xmlns:...". */
static gboolean
is_xmlns (const Units *u, gsize start, gsize end, guint width)
{
  static const char xmlns[] = "xmlns";

  if (end - start < 5)
    return FALSE;
  for (guint k = 0; k < 5; k++)
    if (unit_at (u, start + k, width) != xmlns[k])
      return FALSE;
  return end - start == 5 || unit_at (u, start + 5, width) == ':';
}

/* Scans one tag from the '<' at @i; returns where the content after it
 * starts (after its '>', or at the next '<'). */
G_ALWAYS_INLINE static inline gsize
scan_tag (const Units *u, gsize i, gsize *line, guint *n_attributes, guint *n_xmlns, guint width)
{
  int quote = 0;
  gsize word_start = 0, word_end = 0;
  gboolean in_word = FALSE;

  *n_attributes = 0;
  for (i++; i < u->n_units; i++)
    {
      int c = unit_at (u, i, width);

      if (c == '\n')
        (*line)++;
      if (c == '<')
        return i;
      if (quote != 0)
        {
          if (c == quote)
            quote = 0;
          continue;
        }
      if (c == '>')
        return i + 1;
      if (c == '"' || c == '\'')
        {
          quote = c;
          in_word = FALSE;
        }
      else if (c == '=')
        {
          (*n_attributes)++;
          if (word_end > word_start && is_xmlns (u, word_start, word_end, width))
            (*n_xmlns)++;
          in_word = FALSE;
          word_start = word_end = 0;
        }
      else if (is_blank (c))
        in_word = FALSE;
      else
        {
          if (!in_word)
            word_start = i;
          in_word = TRUE;
          word_end = i + 1;
        }
    }
  return i;
}

/* The name after the '<' at @i into @out (empty unless it is ASCII and
 * short). */
static void
tag_name (const Units *u, gsize i, char out[41])
{
  guint n = 0;

  for (i++; i < u->n_units && n < 40; i++)
    {
      int c = unit_at (u, i, u->width);

      if (is_blank (c) || c == '>' || c == '/' || c == '<')
        break;
      if (c < 0x21 || c >= 0x7f || c == '"' || c == '\'')
        {
          n = 0;
          break;
        }
      out[n++] = (char) c;
    }
  if (n == 40)
    n = 0;
  out[n] = '\0';
}

G_ALWAYS_INLINE static inline gboolean
scan_units_of (const Units *u, ScanProblem *problem, guint width)
{
  gsize line = 1;
  guint n_xmlns = 0;
  gsize i = 0;

  while (i < u->n_units)
    {
      int c = unit_at (u, i, width);
      gsize tag_line = line, tag_start = i;
      guint n_attributes;

      if (c != '<')
        {
          if (c == '\n')
            line++;
          i++;
          continue;
        }
      i = scan_tag (u, i, &line, &n_attributes, &n_xmlns, width);
      if (n_attributes > RIG_XML_MAX_ATTRIBUTES || n_xmlns > RIG_XML_MAX_NAMESPACES)
        {
          problem->line = tag_line;
          tag_name (u, tag_start, problem->element);
          problem->xmlns = n_xmlns > RIG_XML_MAX_NAMESPACES;
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
scan_units (const Units *u, ScanProblem *problem)
{
  if (u->width == 1)
    return scan_units_of (u, problem, 1);
  return scan_units_of (u, problem, u->width);
}

/* The wider units libxml2 decodes @data as, from its first four bytes (as
 * xmlDetectCharEncoding() does); FALSE for bytes. */
static gboolean
detect_wide_units (const guchar *data, gsize len, Units *u)
{
  static const struct
  {
    guchar bytes[4];
    guint n_bytes, width, low, skip;
  } patterns[] = {
    { { 0, 0, 0, '<' }, 4, 4, 3, 0 },     /* UCS-4 BE */
    { { '<', 0, 0, 0 }, 4, 4, 0, 0 },     /* UCS-4 LE */
    { { 0, 0, '<', 0 }, 4, 4, 2, 0 },     /* UCS-4 2143 */
    { { 0, '<', 0, 0 }, 4, 4, 1, 0 },     /* UCS-4 3412 */
    { { 0, '<', 0, '?' }, 4, 2, 1, 0 },   /* UTF-16 BE */
    { { '<', 0, '?', 0 }, 4, 2, 0, 0 },   /* UTF-16 LE */
    { { 0xfe, 0xff, 0, 0 }, 2, 2, 1, 2 }, /* UTF-16 BE, byte order mark */
    { { 0xff, 0xfe, 0, 0 }, 2, 2, 0, 2 }, /* UTF-16 LE, byte order mark */
  };

  for (guint p = 0; p < G_N_ELEMENTS (patterns); p++)
    if (len >= patterns[p].n_bytes && memcmp (data, patterns[p].bytes, patterns[p].n_bytes) == 0)
      {
        u->data = data + patterns[p].skip;
        u->width = patterns[p].width;
        u->low = patterns[p].low;
        u->n_units = (len - patterns[p].skip) / u->width;
        return TRUE;
      }
  return FALSE;
}

gboolean
_rig_xml_check_markup (const char *data, gsize len, const char *name, GError **error)
{
  Units bytes = { (const guchar *) data, len, 1, 0 };
  Units wide;
  ScanProblem problem = { 0 };

  /* The units libxml2 decodes first: their names make better messages. */
  if ((!detect_wide_units ((const guchar *) data, len, &wide) || scan_units (&wide, &problem))
      && scan_units (&bytes, &problem))
    return TRUE;

  if (problem.xmlns)
    _rig_xml_set_line_error (error, RIG_ERROR_TOO_LARGE, name, (long) problem.line,
                             _ ("the file declares more than %d XML namespaces, more than "
                                "Rigwire reads."),
                             RIG_XML_MAX_NAMESPACES);
  else if (problem.element[0] != '\0')
    _rig_xml_set_line_error (error, RIG_ERROR_TOO_LARGE, name, (long) problem.line,
                             _ ("<%s> has more than %d attributes, more than Rigwire reads."),
                             problem.element, RIG_XML_MAX_ATTRIBUTES);
  else
    _rig_xml_set_line_error (error, RIG_ERROR_TOO_LARGE, name, (long) problem.line,
                             _ ("an element has more than %d attributes, more than Rigwire "
                                "reads."),
                             RIG_XML_MAX_ATTRIBUTES);
  return FALSE;
}
