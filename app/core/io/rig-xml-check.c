/* rig-xml-check.c: what each attribute of a Rigwire element may hold. The
 * readers check every attribute themselves (they do not trust the schema), and
 * the same checks explain a schema failure better than libxml2 does. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rig-cable.h"
#include "rig-error.h"
#include "rig-exercise.h"
#include "rig-xml-private.h"

/* What each attribute may hold. */
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
  VALUE_MODEL_IDS, /* model ids separated by spaces, at least one */
  VALUE_ID_LIST,   /* device or cable ids, the same */
  VALUE_CODE_LIST, /* problem codes (connector.size), the same */
  VALUE_WHOLE,     /* xsd:nonNegativeInteger */
  /* Enumerations, in the order of enum_info[]. */
  VALUE_CONNECTOR,
  VALUE_PHONE_SIZE,
  VALUE_POLES,
  VALUE_WIRING,
  VALUE_GENDER,
  VALUE_PINS,
  VALUE_DIRECTION,
  VALUE_SIGNAL,
  VALUE_CATEGORY,
  VALUE_POWER_SOURCE,
  VALUE_SUPPLY,
  VALUE_CABLE_KIND,
  VALUE_FIGURE,
  VALUE_CONTROL_KIND,
  VALUE_GOAL_KIND,
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
  [VALUE_PINS - VALUE_CONNECTOR] = { rig_pins_from_nick, N_ ("pin gender"), FALSE },
  [VALUE_DIRECTION - VALUE_CONNECTOR] = { rig_direction_from_nick, N_ ("direction"), TRUE },
  [VALUE_SIGNAL - VALUE_CONNECTOR] = { rig_signal_from_nick, N_ ("signal"), TRUE },
  [VALUE_CATEGORY - VALUE_CONNECTOR] = { rig_category_from_nick, N_ ("category"), TRUE },
  [VALUE_POWER_SOURCE - VALUE_CONNECTOR]
  = { rig_power_source_from_nick, N_ ("power source"), TRUE },
  [VALUE_SUPPLY - VALUE_CONNECTOR]
  = { rig_supply_from_nick, N_ ("phantom or plug-in power setting"), FALSE },
  [VALUE_CABLE_KIND - VALUE_CONNECTOR] = { rig_cable_kind_from_nick, N_ ("cable kind"), TRUE },
  [VALUE_FIGURE - VALUE_CONNECTOR] = { rig_figure_from_nick, N_ ("figure"), TRUE },
  [VALUE_CONTROL_KIND - VALUE_CONNECTOR]
  = { rig_control_kind_from_nick, N_ ("control kind"), TRUE },
  [VALUE_GOAL_KIND - VALUE_CONNECTOR] = { rig_goal_kind_from_nick, N_ ("goal"), TRUE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (enum_info) == VALUE_GOAL_KIND - VALUE_CONNECTOR + 1);

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
  OPTIONAL ("listening-distance", VALUE_POSITIVE),
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
  OPTIONAL ("listening-distance", VALUE_POSITIVE),
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
  OPTIONAL ("pins", VALUE_PINS),
  REQUIRED ("direction", VALUE_DIRECTION),
  REQUIRED ("signal", VALUE_SIGNAL),
  OPTIONAL ("channels", VALUE_CHANNELS),
  OPTIONAL ("output-impedance", VALUE_POSITIVE),
  OPTIONAL ("input-impedance", VALUE_POSITIVE),
  OPTIONAL ("max-output-voltage", VALUE_POSITIVE),
  OPTIONAL ("min-load", VALUE_POSITIVE),
  OPTIONAL ("nominal-level", VALUE_POSITIVE),
  OPTIONAL ("clip-level", VALUE_POSITIVE),
  OPTIONAL ("input-sensitivity", VALUE_POSITIVE),
  OPTIONAL ("noise-level", VALUE_POSITIVE),
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
  OPTIONAL ("gain", VALUE_NUMBER),
  OPTIONAL ("controls", VALUE_MODEL_IDS),
  END_OF_ATTRIBUTES,
};

static const AttributeSpec device_attributes[] = {
  REQUIRED ("id", VALUE_OBJECT_ID),
  REQUIRED ("model", VALUE_MODEL_ID),
  REQUIRED ("label", VALUE_TEXT),
  REQUIRED ("x", VALUE_NUMBER),
  REQUIRED ("y", VALUE_NUMBER),
  OPTIONAL ("locked", VALUE_BOOLEAN),
  END_OF_ATTRIBUTES,
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
  OPTIONAL ("given", VALUE_BOOLEAN),
  OPTIONAL ("locked", VALUE_BOOLEAN),
  END_OF_ATTRIBUTES,
};

static const AttributeSpec end_attributes[] = {
  REQUIRED ("side", VALUE_SIDE),       REQUIRED ("connector", VALUE_CONNECTOR),
  OPTIONAL ("size", VALUE_PHONE_SIZE), OPTIONAL ("poles", VALUE_POLES),
  REQUIRED ("gender", VALUE_GENDER),   OPTIONAL ("pins", VALUE_PINS),
  OPTIONAL ("plugs", VALUE_PLUGS),     END_OF_ATTRIBUTES,
};

static const AttributeSpec adapter_attributes[] = {
  REQUIRED ("model", VALUE_MODEL_ID),
  REQUIRED ("end", VALUE_SIDE),
  END_OF_ATTRIBUTES,
};

static const AttributeSpec control_attributes[] = {
  REQUIRED ("id", VALUE_MODEL_ID),
  REQUIRED ("name", VALUE_NAME),
  REQUIRED ("kind", VALUE_CONTROL_KIND),
  REQUIRED ("min", VALUE_NUMBER),
  REQUIRED ("max", VALUE_NUMBER),
  REQUIRED ("default", VALUE_NUMBER),
  END_OF_ATTRIBUTES,
};

static const AttributeSpec setting_attributes[] = {
  REQUIRED ("control", VALUE_MODEL_ID),
  REQUIRED ("value", VALUE_NUMBER),
  END_OF_ATTRIBUTES,
};

/* The exercise (schemas/rigwire.rng, "Exercises"). Which of a goal's
 * attributes its kind takes is rig-xml-grammar.c's to check. */
static const AttributeSpec exercise_attributes[] = {
  OPTIONAL ("hide-verdicts", VALUE_BOOLEAN),
  END_OF_ATTRIBUTES,
};

static const AttributeSpec goal_attributes[] = {
  REQUIRED ("kind", VALUE_GOAL_KIND),  OPTIONAL ("count", VALUE_WHOLE),
  OPTIONAL ("codes", VALUE_CODE_LIST), OPTIONAL ("from", VALUE_OBJECT_ID),
  OPTIONAL ("to", VALUE_OBJECT_ID),    END_OF_ATTRIBUTES,
};

static const AttributeSpec fault_attributes[] = {
  REQUIRED ("cables", VALUE_ID_LIST),
  REQUIRED ("codes", VALUE_CODE_LIST),
  END_OF_ATTRIBUTES,
};

static const AttributeSpec choices_attributes[] = {
  REQUIRED ("codes", VALUE_CODE_LIST),
  END_OF_ATTRIBUTES,
};

static const AttributeSpec marks_attributes[] = {
  OPTIONAL ("cables", VALUE_ID_LIST),
  OPTIONAL ("codes", VALUE_CODE_LIST),
  END_OF_ATTRIBUTES,
};

/* The lesson's steps (schemas/rigwire.rng, "Lessons"). */
static const AttributeSpec step_attributes[] = {
  REQUIRED ("title", VALUE_TEXT),
  OPTIONAL ("devices", VALUE_ID_LIST),
  OPTIONAL ("cables", VALUE_ID_LIST),
  END_OF_ATTRIBUTES,
};

static const ElementSpec element_specs[] = {
  { "rig", rig_attributes },         { "catalog", catalog_attributes },
  { "title", no_attributes },        { "author", no_attributes },
  { "revision", no_attributes },     { "notes", no_attributes },
  { "models", no_attributes },       { "devices", no_attributes },
  { "cables", no_attributes },       { "model", model_attributes },
  { "description", no_attributes },  { "keywords", no_attributes },
  { "figures", figures_attributes }, { "jack", jack_attributes },
  { "rating", rating_attributes },   { "route", route_attributes },
  { "device", device_attributes },   { "override", override_attributes },
  { "cable", cable_attributes },     { "end", end_attributes },
  { "adapter", adapter_attributes }, { "control", control_attributes },
  { "setting", setting_attributes }, { "exercise", exercise_attributes },
  { "task", no_attributes },         { "goal", goal_attributes },
  { "fault", fault_attributes },     { "choices", choices_attributes },
  { "marks", marks_attributes },     { "lesson", no_attributes },
  { "step", step_attributes },
};

static const ElementSpec *
find_element_spec (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (element_specs); i++)
    if (name[0] == element_specs[i].element[0] && strcmp (name, element_specs[i].element) == 0)
      return &element_specs[i];
  return NULL;
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

/* @raw for a message: the first 16 characters and "…" if it is longer. */
static char *
shorten (const char *raw)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (raw, 21) <= 20)
    return g_strdup (raw);
  start = g_strndup (raw, g_utf8_offset_to_pointer (raw, 16) - raw);
  return g_strconcat (start, "…", NULL);
}

/* The digits of a decimal (rig_xml_parse_double() accepts it) as the schema
 * counts them: those of the whole part without leading zeros, and every
 * digit of the fraction. */
static gsize
count_digits (const char *decimal)
{
  const char *p = decimal;
  gsize n = 0;

  if (*p == '+' || *p == '-')
    p++;
  while (*p == '0')
    p++;
  for (; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      n++;
  return n;
}

static char *
too_many_digits (const char *attribute, const char *element, const char *shown)
{
  return g_strdup_printf (_ ("the “%s” attribute of <%s> is “%s”, not a number Rigwire can use "
                             "(at most %d digits)."),
                          attribute, element, shown, RIG_XML_MAX_DIGITS);
}

/* The schema takes any positiveInteger; the reader, what a guint holds. */
static char *
too_large_count (const char *attribute, const char *element, const char *shown,
                 gboolean *reader_only)
{
  *reader_only = TRUE;
  return g_strdup_printf (_ ("the “%s” attribute of <%s> is “%s”, more than Rigwire can "
                             "count (at most %u)."),
                          attribute, element, shown, G_MAXUINT);
}

/* Plain digits, but more than a count can hold. */
static gboolean
is_too_large_count (const char *text)
{
  guint count;

  if (*text == '+')
    text++;
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  while (*text == '0' && text[1] != '\0')
    text++;
  return strcmp (text, "0") != 0 && !_rig_xml_parse_count (text, &count);
}

/* A problem code, family.name: [a-z0-9-]+\.[a-z0-9.-]+ */
static gboolean
is_code (const char *text)
{
  const char *dot = strchr (text, '.');

  if (dot == NULL || dot == text || dot[1] == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-' || *p == '.'))
      return FALSE;
  return TRUE;
}

/* xsd:nonNegativeInteger, white space stripped: digits, signed + or, for
 * zero, -. Any size (the reader refuses what it cannot hold). */
static gboolean
is_whole (const char *text)
{
  gboolean negative = *text == '-';

  if (*text == '+' || *text == '-')
    text++;
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) || (negative && *p != '0'))
      return FALSE;
  return TRUE;
}

/* Words separated by white space: -1 if there is none, 0 if @is_word
 * refuses one, 1 if all pass. */
static int
check_words (const char *value, gboolean (*is_word) (const char *text))
{
  g_auto (GStrv) words = g_strsplit_set (value, " \t\n\r", -1);
  int result = -1;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        if (!is_word (words[i]))
          return 0;
        result = 1;
      }
  return result;
}

/* The lists and whole numbers of routes and exercises. */
static char *
check_list (const char *attribute, const char *element, ValueType type, const char *value,
            const char *raw)
{
  int words;

  if (type == VALUE_WHOLE)
    return is_whole (value) ? NULL
                            : g_strdup_printf (_ ("the “%s” attribute of <%s> must be a whole "
                                                  "number of 0 or more, not “%s”."),
                                               attribute, element, raw);
  words = check_words (value, type == VALUE_MODEL_IDS ? is_model_id
                              : type == VALUE_ID_LIST ? is_object_id
                                                      : is_code);
  if (words < 0)
    return g_strdup_printf (_ ("<%s> has an empty “%s” attribute."), element, attribute);
  if (words > 0)
    return NULL;
  if (type == VALUE_MODEL_IDS)
    return g_strdup_printf (_ ("the “%s” attribute of <%s> must list ids of lower-case "
                               "letters, digits and dashes, separated by spaces, not “%s”."),
                            attribute, element, raw);
  if (type == VALUE_ID_LIST)
    return g_strdup_printf (_ ("the “%s” attribute of <%s> must list ids of letters, digits, "
                               "dots, dashes and underscores, separated by spaces, not “%s”."),
                            attribute, element, raw);
  return g_strdup_printf (_ ("the “%s” attribute of <%s> must list problem codes such as "
                             "connector.size, separated by spaces, not “%s”."),
                          attribute, element, raw);
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The value as written, shortened for a message (kept in *@slot). */
static const char *
shown (char **slot, const char *raw_value)
{
  g_free (*slot);
  *slot = shorten (raw_value);
  return *slot;
}

/* @raw without white space at either end: @raw itself when it has none
 * (nothing to free), else a copy in *@copy. */
static const char *
stripped (const char *raw, char **copy)
{
  gsize len = strlen (raw);

  if (len == 0 || (!is_space (raw[0]) && !is_space (raw[len - 1])))
    return raw;
  *copy = _rig_xml_strip_space (g_strdup (raw));
  return *copy;
}

/* NULL if @raw_value suits @type, else a sentence saying what is wrong.
 * Allocates nothing for a good value: it runs for every attribute read. */
static char *
check_value (const RigXmlElement *node, const char *attribute, ValueType type,
             const char *raw_value, gboolean *reader_only)
{
  const char *element = node->name;
  g_autofree char *copy = NULL;
  const char *value = stripped (raw_value, &copy);
  g_autofree char *raw = NULL;
  double number;
  guint count;

  switch (type)
    {
      case VALUE_TEXT:
      case VALUE_NAME: /* any text; a name not empty */
        return type == VALUE_TEXT || *raw_value != '\0'
                   ? NULL
                   : g_strdup_printf (_ ("<%s> has an empty “%s” attribute."), element, attribute);
      case VALUE_NUMBER:
        if (rig_xml_parse_double (value, &number) && count_digits (value) > RIG_XML_MAX_DIGITS)
          return too_many_digits (attribute, element, shown (&raw, raw_value));
        if (!rig_xml_parse_double (value, &number))
          return g_strdup_printf (_ ("the “%s” attribute of <%s> must be a number such as 8 or "
                                     "0.5, not “%s”."),
                                  attribute, element, shown (&raw, raw_value));
        return NULL;
      case VALUE_POSITIVE:
        if (rig_xml_parse_double (value, &number) && count_digits (value) > RIG_XML_MAX_DIGITS)
          return too_many_digits (attribute, element, shown (&raw, raw_value));
        if (!rig_xml_parse_double (value, &number) || !(number > 0))
          return g_strdup_printf (_ ("the “%s” attribute of <%s> must be a number greater than 0, "
                                     "not “%s”."),
                                  attribute, element, shown (&raw, raw_value));
        return NULL;
      case VALUE_COUNT:
        if (is_too_large_count (value))
          return too_large_count (attribute, element, shown (&raw, raw_value), reader_only);
        if (!_rig_xml_parse_count (value, &count))
          return g_strdup_printf (_ ("the “%s” attribute of <%s> must be a whole number of 1 or "
                                     "more, not “%s”."),
                                  attribute, element, shown (&raw, raw_value));
        return NULL;
      case VALUE_CHANNELS:
        if (!_rig_xml_parse_count (value, &count) || count > 16)
          return g_strdup_printf (_ ("the “%s” attribute of <%s> must be a whole number from 1 to "
                                     "16, not “%s”."),
                                  attribute, element, shown (&raw, raw_value));
        return NULL;
      case VALUE_PLUGS:
        if (!_rig_xml_parse_count (value, &count) || count > 2)
          return g_strdup_printf (_ ("the “%s” attribute of <%s> must be 1 or 2, not “%s”."),
                                  attribute, element, shown (&raw, raw_value));
        return NULL;
      case VALUE_MODEL_ID:
        if (!is_model_id (value))
          return g_strdup_printf (_ ("the “%s” attribute of <%s> must be an id of lower-case "
                                     "letters, digits and dashes, not “%s”."),
                                  attribute, element, shown (&raw, raw_value));
        return NULL;
      case VALUE_OBJECT_ID:
        if (!is_object_id (value))
          return g_strdup_printf (_ ("the “%s” attribute of <%s> must be an id of letters, digits, "
                                     "dots, dashes and underscores, not “%s”."),
                                  attribute, element, shown (&raw, raw_value));
        return NULL;
      case VALUE_BOOLEAN:
        if (strcmp (value, "true") != 0 && strcmp (value, "false") != 0)
          return g_strdup_printf (_ ("the “%s” attribute of <%s> must be true or false, not “%s”."),
                                  attribute, element, shown (&raw, raw_value));
        return NULL;
      case VALUE_FLAG:
        if (strcmp (value, "0") != 0 && strcmp (value, "1") != 0)
          return g_strdup_printf (_ ("the “%s” attribute of <%s> must be 1 (yes) or 0 (no), not "
                                     "“%s”."),
                                  attribute, element, shown (&raw, raw_value));
        return NULL;
      case VALUE_SIDE:
        if (strcmp (value, "from") != 0 && strcmp (value, "to") != 0)
          return g_strdup_printf (_ ("the “%s” attribute of <%s> must be from or to, not “%s”."),
                                  attribute, element, shown (&raw, raw_value));
        return NULL;
      case VALUE_OVERRIDE:
        {
          const char *figure_raw = _rig_xml_element_get (node, "figure");
          g_autofree char *figure_copy = NULL;
          const char *figure = figure_raw != NULL ? stripped (figure_raw, &figure_copy) : NULL;

          if (g_strcmp0 (figure, rig_figure_to_nick (RIG_FIGURE_POWER_SOURCE)) == 0)
            return check_value (node, attribute, VALUE_POWER_SOURCE, raw_value, reader_only);
          return check_value (node, attribute, VALUE_NUMBER, raw_value, reader_only);
        }
      case VALUE_MODEL_IDS:
      case VALUE_ID_LIST:
      case VALUE_CODE_LIST:
      case VALUE_WHOLE:
        return check_list (attribute, element, type, value, shown (&raw, raw_value));
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
      case VALUE_CONTROL_KIND:
      case VALUE_GOAL_KIND:
      default:
        {
          const EnumInfo *info = &enum_info[type - VALUE_CONNECTOR];

          if (info->from_nick (value) < 0 || (!info->none_allowed && strcmp (value, "none") == 0))
            return g_strdup_printf (_ ("unknown %s “%s”."), _ (info->noun),
                                    shown (&raw, raw_value));
          return NULL;
        }
    }
}

const char *
_rig_xml_element_get (const RigXmlElement *element, const char *name)
{
  for (guint i = 0; i < element->n_attributes; i++)
    if (!element->attributes[i].foreign && element->attributes[i].name[0] == name[0]
        && strcmp (element->attributes[i].name, name) == 0)
      return element->attributes[i].value;
  return NULL;
}

/* Names compared first by their first letter: this runs for every
 * attribute of every element read. */
static inline gboolean
same_name (const char *a, const char *b)
{
  return a[0] == b[0] && strcmp (a, b) == 0;
}

gboolean
_rig_xml_check_element (const RigXmlElement *node, const char *display_name, int code,
                        GError **error)
{
  const ElementSpec *spec = find_element_spec (node->name);
  const char *values[32] = { NULL };

  if (spec == NULL)
    {
      _rig_xml_set_line_error (error, code, display_name, node->line, _ ("unknown element <%s>."),
                               node->name);
      return FALSE;
    }

  /* Attributes the element does not have; the value of each it has. */
  for (guint i = 0; i < node->n_attributes; i++)
    {
      const RigXmlAttribute *attr = &node->attributes[i];
      const AttributeSpec *known = NULL;

      for (const AttributeSpec *a = spec->attributes; a->name != NULL && !attr->foreign; a++)
        if (same_name (a->name, attr->name))
          known = a;
      if (known == NULL)
        {
          _rig_xml_set_line_error (error, code, display_name, node->line,
                                   _ ("<%s> has an unknown attribute “%s”."), spec->element,
                                   attr->name);
          return FALSE;
        }
      g_assert ((gsize) (known - spec->attributes) < G_N_ELEMENTS (values));
      values[known - spec->attributes] = attr->value;
    }

  for (const AttributeSpec *a = spec->attributes; a->name != NULL; a++)
    {
      const char *raw = values[a - spec->attributes];
      g_autofree char *problem = NULL;
      gboolean reader_only = FALSE;

      if (raw == NULL)
        {
          if (a->required)
            {
              _rig_xml_set_line_error (error, code, display_name, node->line,
                                       _ ("<%s> has no “%s” attribute."), spec->element, a->name);
              return FALSE;
            }
          continue;
        }
      problem = check_value (node, a->name, a->type, raw, &reader_only);
      if (problem != NULL)
        {
          _rig_xml_set_line_error (error, reader_only ? RIG_ERROR_INVALID : code, display_name,
                                   node->line, "%s", problem);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
_rig_xml_check_attributes_with_code (const xmlNode *node, const char *display_name, int code,
                                     GError **error)
{
  g_autoptr (GArray) attributes = g_array_new (FALSE, FALSE, sizeof (RigXmlAttribute));
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (xmlFree);
  RigXmlElement element = { (const char *) node->name, NULL, _rig_xml_node_line (node), 0, NULL };

  for (const xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      xmlChar *value = xmlNodeGetContent ((const xmlNode *) attr);
      RigXmlAttribute attribute = { (const char *) attr->name,
                                    value != NULL ? (const char *) value : "", attr->ns != NULL };

      g_ptr_array_add (values, value);
      g_array_append_val (attributes, attribute);
    }
  element.n_attributes = attributes->len;
  element.attributes = (const RigXmlAttribute *) (gpointer) attributes->data;
  return _rig_xml_check_element (&element, display_name, code, error);
}

gboolean
rig_xml_check_attributes (const xmlNode *node, const char *display_name, GError **error)
{
  return _rig_xml_check_attributes_with_code (node, display_name, RIG_ERROR_INVALID, error);
}
