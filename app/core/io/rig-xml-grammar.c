/* rig-xml-grammar.c: the checks of schemas/rigwire.rng, made on the events of
 * the streaming parser (rig-xml-stream.c) as they come, in time linear in the
 * file.
 *
 * The RELAX NG schema stays the published description of the format (and
 * the tests validate against it, tests/test-format-stream.c checking that
 * both accept the same files); this is the same grammar written out for a
 * reader that builds no tree. Each element's content is a sequence of
 * children in a fixed order ("rank"), each at most so many times; text only
 * where the schema has <text/> (white space is ignored elsewhere, as RELAX NG
 * ignores it); the attributes as rig-xml-check.c knows them (the precise
 * checks that explain a schema failure); and the rules the schema makes
 * across attributes and children: a cable of kind "cable" has an <end
 * side="from"> then an <end side="to"> before any <adapter>, other cables no
 * <end>; an <override> of "power-source" holds a power source, any other a
 * number (rig-xml-check.c); a <goal> has the attributes of its kind, count,
 * codes or from and to, and no other (check_goal()). Messages are those rig_xml_validate_schema()
 * gives, with the line. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rig-error.h"
#include "rig-xml-private.h"

/* No element of the format nests deeper: a deeper one is refused first. */
#define MAX_DEPTH 8

typedef struct
{
  const char *name;
  guint rank; /* children come in the order of their ranks */
  guint max;  /* at most so many of this rank; 0: any number */
} ChildSpec;

typedef enum
{
  CONTENT_EMPTY,    /* attributes only */
  CONTENT_TEXT,     /* text only */
  CONTENT_ELEMENTS, /* the children listed */
} ContentKind;

typedef struct
{
  const char *name;
  ContentKind kind;
  const ChildSpec *children; /* ends with a NULL name */
  const char *required;      /* a child it must have, or NULL */
} ContentSpec;

static const ChildSpec rig_children[] = {
  { "title", 0, 1 },  { "author", 1, 1 },  { "revision", 2, 1 }, { "notes", 3, 1 },
  { "models", 4, 1 }, { "devices", 5, 1 }, { "cables", 6, 1 },   { "exercise", 7, 1 },
  { "lesson", 8, 1 }, { NULL, 0, 0 },
};
static const ChildSpec catalog_children[] = { { "model", 0, 0 }, { NULL, 0, 0 } };
static const ChildSpec models_children[] = { { "model", 0, 0 }, { NULL, 0, 0 } };
static const ChildSpec devices_children[] = { { "device", 0, 0 }, { NULL, 0, 0 } };
static const ChildSpec cables_children[] = { { "cable", 0, 0 }, { NULL, 0, 0 } };
static const ChildSpec model_children[] = {
  { "description", 0, 1 }, { "keywords", 1, 1 }, { "figures", 2, 1 }, { "jack", 3, 0 },
  { "control", 3, 0 },     { "route", 3, 0 },    { NULL, 0, 0 },
};
/* At most four ratings (RIG_MAX_POWER_RATINGS). */
static const ChildSpec jack_children[] = { { "rating", 0, 4 }, { NULL, 0, 0 } };
static const ChildSpec device_children[] = {
  { "override", 0, 0 },
  { "setting", 1, 0 },
  { NULL, 0, 0 },
};
/* The order of ends and adapters is cable_child()'s. */
static const ChildSpec cable_children[] = { { "end", 0, 0 }, { "adapter", 0, 0 }, { NULL, 0, 0 } };
static const ChildSpec exercise_children[] = {
  { "task", 0, 1 },    { "goal", 1, 0 },  { "fault", 2, 1 },
  { "choices", 3, 1 }, { "marks", 4, 1 }, { NULL, 0, 0 },
};
static const ChildSpec lesson_children[] = { { "step", 0, 0 }, { NULL, 0, 0 } };
static const ChildSpec no_children[] = { { NULL, 0, 0 } };

static const ContentSpec content_specs[] = {
  { "rig", CONTENT_ELEMENTS, rig_children, NULL },
  { "catalog", CONTENT_ELEMENTS, catalog_children, "model" },
  { "title", CONTENT_TEXT, no_children, NULL },
  { "author", CONTENT_TEXT, no_children, NULL },
  { "revision", CONTENT_TEXT, no_children, NULL },
  { "notes", CONTENT_TEXT, no_children, NULL },
  { "models", CONTENT_ELEMENTS, models_children, NULL },
  { "devices", CONTENT_ELEMENTS, devices_children, NULL },
  { "cables", CONTENT_ELEMENTS, cables_children, NULL },
  { "model", CONTENT_ELEMENTS, model_children, NULL },
  { "description", CONTENT_TEXT, no_children, NULL },
  { "keywords", CONTENT_TEXT, no_children, NULL },
  { "figures", CONTENT_EMPTY, no_children, NULL },
  { "jack", CONTENT_ELEMENTS, jack_children, NULL },
  { "rating", CONTENT_EMPTY, no_children, NULL },
  { "route", CONTENT_EMPTY, no_children, NULL },
  { "device", CONTENT_ELEMENTS, device_children, NULL },
  { "override", CONTENT_EMPTY, no_children, NULL },
  { "cable", CONTENT_ELEMENTS, cable_children, NULL },
  { "end", CONTENT_EMPTY, no_children, NULL },
  { "adapter", CONTENT_EMPTY, no_children, NULL },
  { "control", CONTENT_EMPTY, no_children, NULL },
  { "setting", CONTENT_EMPTY, no_children, NULL },
  { "exercise", CONTENT_ELEMENTS, exercise_children, NULL },
  { "task", CONTENT_TEXT, no_children, NULL },
  { "goal", CONTENT_EMPTY, no_children, NULL },
  { "fault", CONTENT_EMPTY, no_children, NULL },
  { "choices", CONTENT_EMPTY, no_children, NULL },
  { "marks", CONTENT_EMPTY, no_children, NULL },
  { "lesson", CONTENT_ELEMENTS, lesson_children, NULL },
  { "step", CONTENT_TEXT, no_children, NULL },
};

typedef struct
{
  const ContentSpec *spec;
  long line;
  guint rank;    /* of the last child */
  guint at_rank; /* children of that rank so far */
  guint n_children;
  gboolean has_required;
  /* A <cable>: */
  gboolean needs_ends; /* of kind "cable" */
  guint n_ends;
  gboolean has_adapter;
  GString *id;   /* for messages; kept from one cable to the next */
  GString *kind; /* the same */
} Frame;

struct _RigXmlGrammar
{
  char *display_name;
  /* Where what the schema allows and the reader does not goes (the first
   * such problem), or NULL to pass it. */
  GError **reader_error;
  Frame frames[MAX_DEPTH];
  guint depth;
};

RigXmlGrammar *
_rig_xml_grammar_new (const char *display_name)
{
  RigXmlGrammar *grammar = g_new0 (RigXmlGrammar, 1);

  grammar->display_name = g_strdup (_rig_xml_safe_name (display_name));
  return grammar;
}

/* The value of the attribute @name of @element, stripped, into *@out. */
static void
set_token (GString **out, const RigXmlElement *element, const char *name)
{
  const char *value = _rig_xml_element_get (element, name);

  if (*out == NULL)
    *out = g_string_new (NULL);
  g_string_assign (*out, value != NULL ? value : "");
  _rig_xml_strip_space ((*out)->str);
  g_string_set_size (*out, strlen ((*out)->str));
}

void
_rig_xml_grammar_set_reader_error (RigXmlGrammar *grammar, GError **reader_error)
{
  grammar->reader_error = reader_error;
}

void
_rig_xml_grammar_free (RigXmlGrammar *grammar)
{
  if (grammar == NULL)
    return;
  for (guint i = 0; i < MAX_DEPTH; i++)
    {
      if (grammar->frames[i].id != NULL)
        g_string_free (grammar->frames[i].id, TRUE);
      if (grammar->frames[i].kind != NULL)
        g_string_free (grammar->frames[i].kind, TRUE);
    }
  g_free (grammar->display_name);
  g_free (grammar);
}

static const ContentSpec *
find_content_spec (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (content_specs); i++)
    if (name[0] == content_specs[i].name[0] && strcmp (name, content_specs[i].name) == 0)
      return &content_specs[i];
  return NULL;
}

static gboolean
fail (RigXmlGrammar *grammar, GError **error, long line, const char *format, ...)
    G_GNUC_PRINTF (4, 5);

static gboolean
fail (RigXmlGrammar *grammar, GError **error, long line, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  _rig_xml_set_line_error (error, RIG_ERROR_SCHEMA, grammar->display_name, line, "%s", message);
  return FALSE;
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Whether the attribute @name of @element is @expected, white space at
 * either end aside. */
static gboolean
token_is (const RigXmlElement *element, const char *name, const char *expected)
{
  const char *value = _rig_xml_element_get (element, name);
  gsize len = strlen (expected);

  if (value == NULL)
    return FALSE;
  while (is_space (*value))
    value++;
  if (strncmp (value, expected, len) != 0)
    return FALSE;
  for (value += len; is_space (*value); value++)
    ;
  return *value == '\0';
}

/* A child of a <cable> (its attributes are known good): ends, then adapters
 * (rig-xml-schema.c says it the same way). */
static gboolean
cable_child (RigXmlGrammar *grammar, Frame *cable, const RigXmlElement *element, GError **error)
{
  static const char *const sides[] = { "from", "to" };

  if (strcmp (element->name, "end") == 0)
    {
      if (!cable->needs_ends)
        return fail (grammar, error, element->line,
                     _ ("cable “%s” is of kind “%s”, which has no <end> elements."), cable->id->str,
                     cable->kind->str);
      if (cable->n_ends >= 2 || !token_is (element, "side", sides[cable->n_ends])
          || cable->has_adapter)
        return fail (grammar, error, element->line,
                     _ ("cable “%s” must have one <end side=\"from\"> and then one <end "
                        "side=\"to\">, before any <adapter>."),
                     cable->id->str);
      cable->n_ends++;
      return TRUE;
    }
  if (cable->n_children > RIG_XML_MAX_ADAPTERS + 2)
    {
      _rig_xml_set_line_error (error, RIG_ERROR_TOO_LARGE, grammar->display_name, element->line,
                               _ ("cable “%s” has more than %d adapters, more than Rigwire "
                                  "reads."),
                               cable->id->str, RIG_XML_MAX_ADAPTERS);
      return FALSE;
    }
  if (cable->needs_ends && cable->n_ends < 2)
    return fail (grammar, error, element->line,
                 _ ("cable “%s” must have one <end side=\"from\"> and then one <end "
                    "side=\"to\">, before any <adapter>."),
                 cable->id->str);
  cable->has_adapter = TRUE;
  return TRUE;
}

/* Which of a <goal>'s attributes its kind takes, and needs (the schema's
 * choice of groups): count, codes, from and to. */
static gboolean
check_goal (RigXmlGrammar *grammar, const RigXmlElement *element, GError **error)
{
  static const char *const optional[] = { "count", "codes", "from", "to" };
  static const struct
  {
    const char *kind;
    const char *takes[2];
  } kinds[] = {
    { "max-adapters", { "count", NULL } },
    { "forbid-codes", { "codes", NULL } },
    { "reaches", { "from", "to" } },
  };
  const char *const *takes = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (token_is (element, "kind", kinds[i].kind))
      takes = kinds[i].takes;
  for (guint i = 0; i < G_N_ELEMENTS (optional); i++)
    {
      gboolean taken
          = takes != NULL
            && (g_strcmp0 (takes[0], optional[i]) == 0 || g_strcmp0 (takes[1], optional[i]) == 0);
      gboolean present = _rig_xml_element_get (element, optional[i]) != NULL;

      if (taken && !present)
        return fail (grammar, error, element->line, _ ("<%s> has no “%s” attribute."),
                     element->name, optional[i]);
      if (present && !taken)
        return fail (grammar, error, element->line,
                     _ ("a goal of kind “%s” takes no “%s” attribute."),
                     _rig_xml_element_get (element, "kind"), optional[i]);
    }
  return TRUE;
}

/* Whether @element may come next inside @parent, by rank and count. */
static gboolean
place_child (RigXmlGrammar *grammar, Frame *parent, const RigXmlElement *element, GError **error)
{
  const ChildSpec *child = NULL;

  for (const ChildSpec *c = parent->spec->children; c->name != NULL; c++)
    if (c->name[0] == element->name[0] && strcmp (c->name, element->name) == 0)
      child = c;
  parent->n_children++;
  if (child != NULL && parent->n_children > 1 && child->rank == parent->rank)
    parent->at_rank++;
  else if (child != NULL && (parent->n_children == 1 || child->rank > parent->rank))
    {
      parent->rank = child->rank;
      parent->at_rank = 1;
    }
  else
    child = NULL; /* comes too late */
  if (child == NULL || (child->max != 0 && parent->at_rank > child->max))
    return fail (grammar, error, element->line, _ ("<%s> is not allowed here inside <%s>."),
                 element->name, parent->spec->name);
  if (parent->spec->required != NULL && strcmp (parent->spec->required, element->name) == 0)
    parent->has_required = TRUE;
  return TRUE;
}

/* What a new <cable> frame needs from its attributes. */
static void
start_cable (Frame *frame, const RigXmlElement *element)
{
  set_token (&frame->id, element, "id");
  set_token (&frame->kind, element, "kind");
  frame->needs_ends = strcmp (frame->kind->str, "cable") == 0;
}

static gboolean
check_attributes (RigXmlGrammar *grammar, const RigXmlElement *element, GError **error)
{
  GError *local_error = NULL;

  if (_rig_xml_check_element (element, grammar->display_name, RIG_ERROR_SCHEMA, &local_error))
    return TRUE;
  if (g_error_matches (local_error, RIG_ERROR, RIG_ERROR_INVALID))
    {
      if (grammar->reader_error != NULL && *grammar->reader_error == NULL)
        g_propagate_error (grammar->reader_error, local_error);
      else
        g_error_free (local_error);
      return TRUE;
    }
  g_propagate_error (error, local_error);
  return FALSE;
}

gboolean
_rig_xml_grammar_start (RigXmlGrammar *grammar, const RigXmlElement *element, GError **error)
{
  Frame *parent = grammar->depth > 0 ? &grammar->frames[grammar->depth - 1] : NULL;
  const ContentSpec *spec;
  Frame *frame;

  if (element->ns == NULL || strcmp (element->ns, RIG_XML_NS) != 0)
    return fail (grammar, error, element->line,
                 _ ("<%s> is not a Rigwire element (it is not in the Rigwire namespace)."),
                 element->name);
  spec = find_content_spec (element->name);
  if (spec == NULL)
    return fail (grammar, error, element->line, _ ("unknown element <%s>."), element->name);
  if (parent == NULL && strcmp (element->name, "rig") != 0
      && strcmp (element->name, "catalog") != 0)
    return fail (grammar, error, element->line, _ ("<%s> is not allowed here."), element->name);
  if (parent != NULL && parent->spec->kind != CONTENT_ELEMENTS)
    return fail (grammar, error, element->line, _ ("<%s> is not allowed here inside <%s>."),
                 element->name, parent->spec->name);
  if (parent != NULL && !place_child (grammar, parent, element, error))
    return FALSE;
  if (!check_attributes (grammar, element, error))
    return FALSE;
  if (parent != NULL && strcmp (parent->spec->name, "cable") == 0
      && !cable_child (grammar, parent, element, error))
    return FALSE;
  if (strcmp (element->name, "goal") == 0 && !check_goal (grammar, element, error))
    return FALSE;
  /* Deeper than the format goes: place_child() refused it already. */
  g_assert (grammar->depth < MAX_DEPTH);

  frame = &grammar->frames[grammar->depth++];
  frame->spec = spec;
  frame->rank = frame->at_rank = frame->n_children = 0;
  frame->has_required = frame->needs_ends = frame->has_adapter = FALSE;
  frame->n_ends = 0;
  frame->line = element->line;
  if (strcmp (element->name, "cable") == 0)
    start_cable (frame, element);
  return TRUE;
}

gboolean
_rig_xml_grammar_end (RigXmlGrammar *grammar, GError **error)
{
  Frame *frame;
  gboolean ok = TRUE;

  g_return_val_if_fail (grammar->depth > 0, FALSE);
  frame = &grammar->frames[grammar->depth - 1];
  if (frame->spec->required != NULL && !frame->has_required)
    ok = fail (grammar, error, frame->line, _ ("<%s> lacks a required <%s> element."),
               frame->spec->name, frame->spec->required);
  else if (frame->needs_ends && frame->n_ends < 2)
    ok = fail (grammar, error, frame->line, _ ("<%s> lacks a required <%s> element."),
               frame->spec->name, "end");
  grammar->depth--;
  return ok;
}

gboolean
_rig_xml_grammar_text (RigXmlGrammar *grammar, const char *text, gsize len, long line,
                       GError **error)
{
  const Frame *frame = grammar->depth > 0 ? &grammar->frames[grammar->depth - 1] : NULL;

  if (frame == NULL || frame->spec->kind == CONTENT_TEXT)
    return TRUE;
  for (gsize i = 0; i < len; i++)
    if (!is_space (text[i]))
      return fail (grammar, error, line, _ ("text is not allowed inside <%s>."), frame->spec->name);
  return TRUE;
}

/* Validating alone ============================================================ */

static gboolean
validate_start (gpointer data, const RigXmlElement *element, GError **error)
{
  return _rig_xml_grammar_start (data, element, error);
}

static gboolean
validate_end (gpointer data, GError **error)
{
  return _rig_xml_grammar_end (data, error);
}

static gboolean
validate_text (gpointer data, const char *text, gsize len, long line, GError **error)
{
  return _rig_xml_grammar_text (data, text, len, line, error);
}

gboolean
_rig_xml_validate_stream (const char *data, gsize len, const char *display_name, GError **error)
{
  static const RigXmlStreamHandler handler = { validate_start, validate_end, validate_text };
  RigXmlGrammar *grammar = _rig_xml_grammar_new (display_name);
  gboolean ok;

  ok = _rig_xml_stream (data, len, display_name, &handler, grammar, error);

  _rig_xml_grammar_free (grammar);
  return ok;
}
