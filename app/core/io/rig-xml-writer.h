/* rig-xml-writer.h: the one XML writer of Rigwire files (.rigwire and
 * catalogs): numbers, escaping, attributes and elements. Output is
 * deterministic: the same values always give the same bytes. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Numbers as files hold them: shortest form with up to 6 significant digits,
 * '.' as decimal point, no exponent for ordinary values ("8", "0.5", "1200").
 * Never an exponent at all: the schema's xsd:decimal has none, and libxml2's
 * has room for 24 digits, so magnitudes below 1e-18 are written as ±1e-18
 * ("0.000000000000000001") and those of 1e24 or more as ±999999e18. NAN and
 * infinities (which callers leave out) are written as "0". */
void
rig_xml_append_double (GString *out, double value);
/* Appends @text escaped for an attribute value or element content: & < > "
 * as entities; tab, line feed and carriage return as character references
 * (so attribute values keep them). Characters XML 1.0 forbids (other C0
 * controls, U+FFFE, U+FFFF) are dropped; invalid UTF-8 becomes U+FFFD. */
void
rig_xml_append_escaped (GString *out, const char *text);
/* The same for element content, where tab and line feed stay literal. */
void
rig_xml_append_escaped_text (GString *out, const char *text);

/* @indent spaces. */
void
rig_xml_append_indent (GString *out, guint indent);
/* ' NAME="VALUE"', the value escaped. */
void
rig_xml_append_attribute (GString *out, const char *name, const char *value);
/* ' NAME="NUMBER"' as rig_xml_append_double() writes it. */
void
rig_xml_append_number_attribute (GString *out, const char *name, double value);
/* ' NAME="NICK"' for an enumeration's file name; nothing for NULL (an
 * invalid value) or "none" (files leave such attributes out). */
void
rig_xml_append_nick_attribute (GString *out, const char *name, const char *nick);
/* ' NAME="COUNT"' for whole numbers. */
void
rig_xml_append_count_attribute (GString *out, const char *name, guint value);
/* @indent spaces and "<NAME": attributes and then "/>\n" or ">\n" follow. */
void
rig_xml_start_element (GString *out, guint indent, const char *name);
/* @indent spaces and "</NAME>\n". */
void
rig_xml_end_element (GString *out, guint indent, const char *name);
/* "<NAME>TEXT</NAME>\n" indented, with TEXT escaped as element content;
 * nothing when @text is NULL or empty. */
void
rig_xml_append_text_element (GString *out, guint indent, const char *name, const char *text);

G_END_DECLS
