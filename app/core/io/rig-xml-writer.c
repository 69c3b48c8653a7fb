/* rig-xml-writer.c: the one XML writer of .rigwire and catalog files:
 * numbers, escaping, attributes, indentation and elements, deterministic so
 * that the same document always gives the same bytes. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-xml-writer.h"

/* Numbers ====================================================================== */

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

/* Attributes and elements ======================================================= */

void
rig_xml_append_indent (GString *out, guint indent)
{
  for (guint i = 0; i < indent; i++)
    g_string_append_c (out, ' ');
}

void
rig_xml_append_attribute (GString *out, const char *name, const char *value)
{
  g_string_append_printf (out, " %s=\"", name);
  rig_xml_append_escaped (out, value);
  g_string_append_c (out, '"');
}

void
rig_xml_append_number_attribute (GString *out, const char *name, double value)
{
  g_string_append_printf (out, " %s=\"", name);
  rig_xml_append_double (out, value);
  g_string_append_c (out, '"');
}

void
rig_xml_append_count_attribute (GString *out, const char *name, guint value)
{
  g_string_append_printf (out, " %s=\"%u\"", name, value);
}

void
rig_xml_append_nick_attribute (GString *out, const char *name, const char *nick)
{
  if (nick != NULL && strcmp (nick, "none") != 0)
    rig_xml_append_attribute (out, name, nick);
}

void
rig_xml_start_element (GString *out, guint indent, const char *name)
{
  rig_xml_append_indent (out, indent);
  g_string_append_printf (out, "<%s", name);
}

void
rig_xml_end_element (GString *out, guint indent, const char *name)
{
  rig_xml_append_indent (out, indent);
  g_string_append_printf (out, "</%s>\n", name);
}

void
rig_xml_append_text_element (GString *out, guint indent, const char *name, const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  rig_xml_append_indent (out, indent);
  g_string_append_printf (out, "<%s>", name);
  rig_xml_append_escaped_text (out, text);
  g_string_append_printf (out, "</%s>\n", name);
}
