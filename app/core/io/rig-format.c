/* rig-format.c: loading .rigwire files (schemas/README.md); saving is in
 * rig-format-save.c. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rig-catalog-text.h"
#include "rig-document-private.h"
#include "rig-document-rules.h"
#include "rig-error.h"
#include "rig-file-state.h"
#include "rig-format-lesson.h"
#include "rig-format-private.h"
#include "rig-xml-private.h"

/* Loading ======================================================================= */

/* The file is read in one pass of the streaming parser (rig-xml-stream.c):
 * each event is checked against the schema (rig-xml-grammar.c), then read
 * into the document, so that no tree of the whole file is ever built. Only
 * a <model> is gathered into a small tree, for rig_xml_read_model(), which
 * catalogs share, and the <exercise>, for _rig_format_read_exercise()
 * (rig-format-exercise.c), with a stand-in <rig> of the devices and cables
 * that have a locked or given attribute. */

typedef enum
{
  SECTION_NONE,
  SECTION_METADATA,
  SECTION_MODELS,
  SECTION_DEVICES,
  SECTION_CABLES,
  SECTION_EXERCISE,
  SECTION_LESSON,
} Section;

typedef struct
{
  const char *display_name;
  RigCatalog *catalog;
  RigDocument *document;
  GHashTable *models;    /* id -> RigDeviceModel (ref), those embedded in the file */
  GHashTable *jack_uses; /* "device\njack" -> cable id (borrowed from the document) */
  RigXmlGrammar *grammar;
  GError *reader_error; /* the first problem reading, kept for the end */
  guint depth;          /* of the element being read; the root is 1 */
  Section section;      /* the child of <rig> being read */
  /* The metadata element being read, and its text. */
  char **text_slot;
  GString *text;
  char *metadata[4]; /* title, author, revision, notes */
  /* A <model> or the <exercise> being gathered, and where its next child
   * goes. */
  xmlNs *ns;
  xmlNode *model;
  xmlNode *model_parent;
  /* The stand-in <rig> of locked and given devices and cables, made when
   * the first comes; its <devices> and <cables>. */
  xmlNode *locks;
  xmlNode *lock_sections[2];
  /* A <device> or <cable> being read. */
  RigDevice *device;
  struct
  {
    RigCable *cable;   /* read into as its children come */
    char *jack_key[2]; /* "device\njack", as in jack_uses */
    long line;
    gboolean seen_ends[2];
  } cable;
} Loader;

static const char *const metadata_names[] = { "title", "author", "revision", "notes" };

static void
loader_clear_cable (Loader *loader)
{
  g_clear_pointer (&loader->cable.cable, rig_cable_free);
  for (guint i = 0; i < 2; i++)
    g_clear_pointer (&loader->cable.jack_key[i], g_free);
}

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->models, g_hash_table_unref);
  g_clear_pointer (&loader->jack_uses, g_hash_table_unref);
  g_clear_pointer (&loader->grammar, _rig_xml_grammar_free);
  g_clear_error (&loader->reader_error);
  g_clear_object (&loader->document);
  if (loader->text != NULL)
    g_string_free (g_steal_pointer (&loader->text), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (loader->metadata); i++)
    g_clear_pointer (&loader->metadata[i], g_free);
  g_clear_pointer (&loader->model, xmlFreeNode);
  g_clear_pointer (&loader->locks, xmlFreeNode);
  g_clear_pointer (&loader->ns, xmlFreeNs);
  g_clear_pointer (&loader->device, rig_device_free);
  loader_clear_cable (loader);
}

static RigDeviceModel *
loader_lookup_model (Loader *loader, const char *id)
{
  RigDeviceModel *model = g_hash_table_lookup (loader->models, id);

  if (model == NULL && loader->catalog != NULL)
    model = rig_catalog_lookup (loader->catalog, id);
  return model;
}

static const char *
unknown_model_reason (Loader *loader)
{
  return loader->catalog != NULL
             ? _ ("the file does not include it and the device catalog does not have it")
             : _ ("the file does not include it");
}

static gboolean
set_error (Loader *loader, GError **error, const RigXmlElement *element, const char *format, ...)
    G_GNUC_PRINTF (4, 5);

/* RIG_ERROR_INVALID "FILE:LINE: sentence" at @element. */
static gboolean
set_error (Loader *loader, GError **error, const RigXmlElement *element, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  _rig_xml_set_line_error (error, RIG_ERROR_INVALID, loader->display_name, element->line, "%s",
                           message);
  return FALSE;
}

/* A copy of the attribute @name with white space stripped from both ends. */
static char *
get_token (const RigXmlElement *element, const char *name)
{
  const char *value = _rig_xml_element_get (element, name);

  return value != NULL ? _rig_xml_strip_space (g_strdup (value)) : NULL;
}

/* Copies of values made by token(), freed together. */
typedef struct
{
  char *strings[10];
} Copies;

static void
copies_clear (Copies *copies)
{
  for (guint i = 0; i < G_N_ELEMENTS (copies->strings); i++)
    g_free (copies->strings[i]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Copies, copies_clear)

/* The same, borrowed from @element while it lasts; copied into *@copy (to
 * free) only if it has white space to strip, which files seldom have: this
 * runs for most attributes read. */
static const char *
token (const RigXmlElement *element, const char *name, char **copy)
{
  const char *value = _rig_xml_element_get (element, name);
  gsize len;

  if (value == NULL || (len = strlen (value)) == 0
      || !(g_ascii_isspace (value[0]) || g_ascii_isspace (value[len - 1])))
    return value;
  *copy = _rig_xml_strip_space (g_strdup (value));
  return *copy;
}

/* <model> ======================================================================= */

/* The element as a node of a small tree, its line as libxml2 keeps it
 * (XML_PARSE_BIG_LINES): past 65,535, in an empty first text child, where
 * xmlGetLineNo() finds it. */
static xmlNode *
model_node_new (Loader *loader, const RigXmlElement *element)
{
  xmlNode *node;

  if (loader->ns == NULL)
    loader->ns = xmlNewNs (NULL, (const xmlChar *) RIG_XML_NS, NULL);
  node = xmlNewNode (loader->ns, (const xmlChar *) element->name);
  for (guint i = 0; i < element->n_attributes; i++)
    xmlNewProp (node, (const xmlChar *) element->attributes[i].name,
                (const xmlChar *) element->attributes[i].value);
  node->line = (unsigned short) CLAMP (element->line, 0, G_MAXUINT16);
  if (element->line >= G_MAXUINT16)
    {
      xmlNode *text = xmlAddChild (node, xmlNewTextLen ((const xmlChar *) "", 0));

      text->line = G_MAXUINT16;
      text->psvi = GSIZE_TO_POINTER ((gsize) element->line);
    }
  return node;
}

static void
model_start (Loader *loader, const RigXmlElement *element)
{
  xmlNode *node = model_node_new (loader, element);

  if (loader->model == NULL)
    loader->model = node;
  else
    xmlAddChild (loader->model_parent, node);
  loader->model_parent = node;
}

/* Whether the element that ends is the root of the tree being gathered;
 * else goes back to its parent. */
static gboolean
model_close (Loader *loader)
{
  if (loader->model_parent != loader->model)
    {
      loader->model_parent = loader->model_parent->parent;
      return FALSE;
    }
  return TRUE;
}

static gboolean
model_end (Loader *loader, GError **error)
{
  RigDeviceModel *model;

  if (!model_close (loader))
    return TRUE;
  model = rig_xml_read_model (loader->model, loader->display_name, error);
  if (model != NULL && g_hash_table_contains (loader->models, model->id))
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, loader->display_name, loader->model,
                         _ ("two models have the id “%s”."), model->id);
      g_clear_pointer (&model, rig_device_model_unref);
    }
  g_clear_pointer (&loader->model, xmlFreeNode);
  loader->model_parent = NULL;
  if (model == NULL)
    return FALSE;
  g_hash_table_insert (loader->models, model->id, model);
  return TRUE;
}

/* <exercise> ==================================================================== */

/* A <device> (@section 0) or <cable> (1) with a locked or given attribute,
 * into the stand-in <rig> that _rig_format_read_exercise() reads them from. */
static void
keep_lock (Loader *loader, const RigXmlElement *element, guint section)
{
  static const char *const section_names[] = { "devices", "cables" };

  if (_rig_xml_element_get (element, "locked") == NULL
      && (section == 0 || _rig_xml_element_get (element, "given") == NULL))
    return;
  if (loader->locks == NULL)
    {
      RigXmlElement rig = { "rig", RIG_XML_NS, 0, 0, NULL };

      loader->locks = model_node_new (loader, &rig);
    }
  if (loader->lock_sections[section] == NULL)
    {
      RigXmlElement part = { section_names[section], RIG_XML_NS, 0, 0, NULL };

      loader->lock_sections[section] = xmlAddChild (loader->locks, model_node_new (loader, &part));
    }
  xmlAddChild (loader->lock_sections[section], model_node_new (loader, element));
}

/* The whole <exercise> is in: read it, and the locks, as the tree loader
 * did once the devices and cables were in. */
static gboolean
exercise_end (Loader *loader, GError **error)
{
  RigXmlElement rig = { "rig", RIG_XML_NS, 0, 0, NULL };
  gboolean ok;

  if (!model_close (loader))
    return TRUE;
  if (loader->locks == NULL)
    loader->locks = model_node_new (loader, &rig);
  ok = _rig_format_read_exercise (loader->document, loader->locks, loader->model,
                                  loader->display_name, error);
  g_clear_pointer (&loader->model, xmlFreeNode);
  loader->model_parent = NULL;
  return ok;
}

/* <lesson> ====================================================================== */

/* The whole <lesson> is in: read it from a stand-in <rig> that holds it. */
static gboolean
lesson_end (Loader *loader, GError **error)
{
  RigXmlElement rig = { "rig", RIG_XML_NS, 0, 0, NULL };
  xmlNode *root;
  gboolean ok;

  if (!model_close (loader))
    return TRUE;
  root = model_node_new (loader, &rig);
  xmlAddChild (root, g_steal_pointer (&loader->model));
  loader->model_parent = NULL;
  ok = _rig_format_read_lesson (loader->document, root, loader->display_name, error);
  xmlFreeNode (root);
  return ok;
}

/* <device> ====================================================================== */

static gboolean
read_override (Loader *loader, const RigXmlElement *element, RigDevice *device, GError **error)
{
  g_auto (Copies) copies = { { NULL } };
  const char *figure_nick = token (element, "figure", &copies.strings[0]);
  const char *value_text = token (element, "value", &copies.strings[1]);
  g_autoptr (GError) local_error = NULL;
  RigFigure figure;
  double value;

  figure = rig_figure_from_nick (figure_nick);
  if (figure == RIG_FIGURE_POWER_SOURCE)
    value = rig_power_source_from_nick (value_text);
  else if (!rig_xml_parse_double (value_text, &value))
    value = NAN; /* the grammar refused it already */

  if (rig_figure_is_set (device->overrides[figure]))
    return set_error (loader, error, element, _ ("device “%s” overrides the figure “%s” twice."),
                      device->id, figure_nick);
  if (!rig_figure_validate (figure, value, &local_error))
    return set_error (loader, error, element, _ ("device “%s”: %s"), device->id,
                      local_error->message);
  device->overrides[figure] = value;
  return TRUE;
}

/* <setting control value/> (issue #11): a control of the device's model, set
 * within its range, once. */
static gboolean
read_setting (Loader *loader, const RigXmlElement *element, RigDevice *device, GError **error)
{
  g_auto (Copies) copies = { { NULL } };
  const char *control_id = token (element, "control", &copies.strings[0]);
  const char *value_text = token (element, "value", &copies.strings[1]);
  const RigControl *control;
  double value = NAN;
  int index;

  rig_xml_parse_double (value_text, &value);
  index = rig_device_model_control_index (device->model, control_id);
  if (index < 0)
    return set_error (loader, error, element,
                      _ ("device “%s” sets “%s”, which is not a control of its model “%s”."),
                      device->id, control_id, device->model->id);
  control = &device->model->controls[index];
  if (device->settings != NULL && !isnan (device->settings[index]))
    return set_error (loader, error, element, _ ("device “%s” sets the control “%s” twice."),
                      device->id, control_id);
  if (control->kind == RIG_CONTROL_PAD && !rig_control_accepts (control, value))
    return set_error (loader, error, element,
                      _ ("device “%s” sets the switch “%s” to %s dB: it is either %g dB or "
                         "%g dB."),
                      device->id, control_id, value_text, control->min_db, control->max_db);
  if (!rig_control_accepts (control, value))
    return set_error (loader, error, element,
                      _ ("device “%s” sets “%s” to %s dB, outside its range of %g to %g dB."),
                      device->id, control_id, value_text, control->min_db, control->max_db);
  device->settings[index] = value;
  return TRUE;
}

static gboolean
device_start (Loader *loader, const RigXmlElement *element, GError **error)
{
  g_auto (Copies) copies = { { NULL } };
  const char *id = token (element, "id", &copies.strings[0]);
  const char *model_id = token (element, "model", &copies.strings[1]);
  const char *x_text = token (element, "x", &copies.strings[2]);
  const char *y_text = token (element, "y", &copies.strings[3]);
  RigDeviceModel *model;
  double x = 0, y = 0;

  rig_xml_parse_double (x_text, &x);
  rig_xml_parse_double (y_text, &y);

  if (rig_document_find_device (loader->document, id) != NULL)
    return set_error (loader, error, element, _ ("two devices have the id “%s”."), id);
  if (!rig_position_is_valid (x, y))
    return set_error (loader, error, element,
                      _ ("device “%s” is at (%s, %s), off the canvas: positions reach at "
                         "most %.0f units each way."),
                      id, x_text, y_text, RIG_POSITION_LIMIT);

  model = loader_lookup_model (loader, model_id);
  if (model == NULL)
    return set_error (loader, error, element, _ ("device “%s” uses an unknown model “%s”: %s."), id,
                      model_id, unknown_model_reason (loader));

  loader->device = rig_device_new (id, model, _rig_xml_element_get (element, "label"), x, y);
  keep_lock (loader, element, 0);
  return TRUE;
}

static void
device_end (Loader *loader)
{
  _rig_document_insert_device (loader->document, g_steal_pointer (&loader->device), G_MAXUINT,
                               NULL);
}

/* <cable> ======================================================================= */

static int
side_from_text (const char *text)
{
  if (g_strcmp0 (text, "from") == 0)
    return RIG_END_FROM;
  if (g_strcmp0 (text, "to") == 0)
    return RIG_END_TO;
  return -1;
}

static gboolean
read_cable_end (Loader *loader, const RigXmlElement *element, GError **error)
{
  g_auto (Copies) copies = { { NULL } };
  const char *side_text = token (element, "side", &copies.strings[0]);
  const char *connector = token (element, "connector", &copies.strings[1]);
  const char *size = token (element, "size", &copies.strings[2]);
  const char *poles = token (element, "poles", &copies.strings[3]);
  const char *gender = token (element, "gender", &copies.strings[4]);
  const char *plugs = token (element, "plugs", &copies.strings[5]);
  const char *pins = token (element, "pins", &copies.strings[6]);
  const char *cable_id = loader->cable.cable->id;
  RigCableSpec *spec = &loader->cable.cable->spec;
  RigCableEnd *end;
  int side = side_from_text (side_text);

  if (spec->kind != RIG_CABLE_KIND_CABLE)
    return set_error (loader, error, element,
                      _ ("cable “%s” is a %s connection, which has no <end> elements."), cable_id,
                      rig_cable_kind_to_nick (spec->kind));
  if (loader->cable.seen_ends[side])
    return set_error (loader, error, element, _ ("cable “%s” has two “%s” ends."), cable_id,
                      side_text);
  loader->cable.seen_ends[side] = TRUE;

  end = &spec->ends[side];
  end->connector = rig_connector_from_nick (connector);
  end->size = size != NULL ? rig_phone_size_from_nick (size) : RIG_PHONE_SIZE_NONE;
  end->poles = poles != NULL ? rig_poles_from_nick (poles) : RIG_POLES_NONE;
  end->gender = rig_gender_from_nick (gender);
  end->plugs = g_strcmp0 (plugs, "2") == 0 ? 2 : 1;
  /* Absent: a standard cable, worked out where it is judged (rig_cable_end_pins()). */
  end->pins = pins != NULL ? rig_pins_from_nick (pins) : RIG_PINS_NONE;
  if (end->pins != RIG_PINS_NONE && !rig_connector_has_pins (end->connector))
    return set_error (loader, error, element,
                      _ ("cable “%s”: only an XLR end has a pin gender (male or female)."),
                      cable_id);
  return TRUE;
}

static gboolean
read_adapter (Loader *loader, const RigXmlElement *element, GError **error)
{
  g_auto (Copies) copies = { { NULL } };
  const char *model_id = token (element, "model", &copies.strings[0]);
  const char *end = token (element, "end", &copies.strings[1]);
  const char *cable_id = loader->cable.cable->id;
  RigDeviceModel *model = loader_lookup_model (loader, model_id);

  if (model == NULL)
    return set_error (loader, error, element,
                      _ ("cable “%s” uses an unknown adapter model “%s”: %s."), cable_id, model_id,
                      unknown_model_reason (loader));
  if (model->category != RIG_CATEGORY_ADAPTER)
    return set_error (loader, error, element,
                      _ ("cable “%s” lists “%s” as an adapter, but that model is not an "
                         "adapter (its category is %s)."),
                      cable_id, model_id, rig_category_to_nick (model->category));
  rig_cable_spec_add_adapter (&loader->cable.cable->spec, model, side_from_text (end));
  return TRUE;
}

/* The jacks a cable joins: both exist, they are two, and neither is taken
 * by an earlier cable unless it takes several (rig-document-rules.h). */
static gboolean
check_cable_jacks (Loader *loader, const RigXmlElement *element, GError **error)
{
  const char *id = loader->cable.cable->id;
  char *const *device_id = loader->cable.cable->device;
  char *const *jack_id = loader->cable.cable->jack;
  const RigJack *jacks[2];

  for (guint i = 0; i < 2; i++)
    {
      RigDevice *device = rig_document_find_device (loader->document, device_id[i]);

      if (device == NULL)
        return set_error (loader, error, element,
                          _ ("cable “%s” ends at device “%s”, which is not in the file (a "
                             "dangling cable end)."),
                          id, device_id[i]);
      jacks[i] = rig_device_find_jack (device, jack_id[i]);
      if (jacks[i] == NULL)
        return set_error (loader, error, element,
                          _ ("cable “%s” ends at jack “%s” of device “%s”, but its model “%s” "
                             "has no such jack."),
                          id, jack_id[i], device_id[i], device->model->id);
    }

  if (g_strcmp0 (device_id[0], device_id[1]) == 0 && g_strcmp0 (jack_id[0], jack_id[1]) == 0)
    return set_error (loader, error, element,
                      _ ("cable “%s” has both ends on jack “%s” of device “%s”."), id, jack_id[0],
                      device_id[0]);
  for (guint i = 0; i < 2; i++)
    {
      char *key = loader->cable.jack_key[i] = g_strconcat (device_id[i], "\n", jack_id[i], NULL);
      const char *other = g_hash_table_lookup (loader->jack_uses, key);

      if (other != NULL && !rig_jack_takes_several_cables (jacks[i]))
        return set_error (loader, error, element,
                          _ ("jack “%s” of device “%s” is used by two cables (%s and %s)."),
                          jack_id[i], device_id[i], other, id);
    }
  return TRUE;
}

static gboolean
cable_start (Loader *loader, const RigXmlElement *element, GError **error)
{
  g_auto (Copies) copies = { { NULL } };
  const char *kind_text = token (element, "kind", &copies.strings[0]);
  const char *conductors = token (element, "conductors", &copies.strings[1]);
  const char *length = token (element, "length", &copies.strings[2]);
  const char *gauge = token (element, "gauge", &copies.strings[3]);
  RigCable *cable;
  RigCableSpec *spec;

  /* The ids and the spec as read so far; the ends and adapters fill it in. */
  cable = loader->cable.cable = rig_cable_new (
      token (element, "id", &copies.strings[4]), _rig_xml_element_get (element, "number"),
      token (element, "from-device", &copies.strings[5]),
      token (element, "from-jack", &copies.strings[6]),
      token (element, "to-device", &copies.strings[7]),
      token (element, "to-jack", &copies.strings[8]), NULL);
  spec = &cable->spec;
  rig_cable_spec_init (spec, rig_cable_kind_from_nick (kind_text));
  loader->cable.line = element->line;
  loader->cable.seen_ends[0] = loader->cable.seen_ends[1] = FALSE;

  if (rig_document_find_cable (loader->document, cable->id) != NULL)
    return set_error (loader, error, element, _ ("two cables have the id “%s”."), cable->id);
  if (!check_cable_jacks (loader, element, error))
    return FALSE;
  keep_lock (loader, element, 1);

  if (conductors != NULL)
    spec->conductors
        = (guint) g_ascii_strtoull (conductors[0] == '+' ? conductors + 1 : conductors, NULL, 10);
  if (length != NULL)
    rig_xml_parse_double (length, &spec->length_m);
  if (gauge != NULL)
    rig_xml_parse_double (gauge, &spec->gauge_awg);
  return TRUE;
}

static gboolean
cable_end (Loader *loader, GError **error)
{
  RigXmlElement element = { "cable", NULL, loader->cable.line, 0, NULL };
  RigCable *cable = loader->cable.cable;

  if (cable->spec.kind == RIG_CABLE_KIND_CABLE
      && !(loader->cable.seen_ends[RIG_END_FROM] && loader->cable.seen_ends[RIG_END_TO]))
    return set_error (loader, error, &element,
                      _ ("cable “%s” needs an <end> element for each side (from and to)."),
                      cable->id);

  _rig_document_insert_cable (loader->document, g_steal_pointer (&loader->cable.cable), G_MAXUINT,
                              NULL);
  for (guint i = 0; i < 2; i++)
    if (!g_hash_table_contains (loader->jack_uses, loader->cable.jack_key[i]))
      g_hash_table_insert (loader->jack_uses, g_steal_pointer (&loader->cable.jack_key[i]),
                           cable->id);
  loader_clear_cable (loader);
  return TRUE;
}

/* The root ====================================================================== */

static gboolean
check_root_name (const RigXmlElement *root, const char *display_name, GError **error)
{
  if (root->ns == NULL || strcmp (root->ns, RIG_XML_NS) != 0)
    {
      if (strcmp (root->name, "rig") != 0)
        g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_A_RIG,
                     _ ("%s is not a Rigwire rig: its root element is <%s>."), display_name,
                     root->name);
      else if (root->ns == NULL)
        g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_A_RIG,
                     _ ("%s is not a Rigwire rig: its <rig> element has no namespace (Rigwire "
                        "rigs use the namespace %s)."),
                     display_name, RIG_XML_NS);
      else
        g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_A_RIG,
                     _ ("%s is not a Rigwire rig: its <rig> element is in the namespace %s, not "
                        "in Rigwire’s namespace %s."),
                     display_name, root->ns, RIG_XML_NS);
      return FALSE;
    }
  if (strcmp (root->name, "rig") != 0)
    {
      if (strcmp (root->name, "catalog") == 0)
        g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_A_RIG,
                     _ ("%s is not a Rigwire rig: its root element is <catalog> (it is a device "
                        "catalog)."),
                     display_name);
      else
        g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_A_RIG,
                     _ ("%s is not a Rigwire rig: its root element is <%s>."), display_name,
                     root->name);
      return FALSE;
    }
  return TRUE;
}

/* The root element and its format-version, before the schema's checks, so
 * that a file from a newer Rigwire says so rather than failing them. */
static gboolean
check_root (const RigXmlElement *root, const char *display_name, GError **error)
{
  g_autofree char *version = NULL;
  const char *p;

  if (!check_root_name (root, display_name, error))
    return FALSE;

  version = get_token (root, "format-version");
  if (version == NULL)
    {
      _rig_xml_set_line_error (error, RIG_ERROR_SCHEMA, display_name, root->line,
                               _ ("<rig> has no “format-version” attribute."));
      return FALSE;
    }
  p = version[0] == '+' ? version + 1 : version;
  for (const char *q = p; *q != '\0'; q++)
    if (!g_ascii_isdigit (*q))
      p = NULL;
  if (p == NULL || *p == '\0')
    {
      _rig_xml_set_line_error (error, RIG_ERROR_SCHEMA, display_name, root->line,
                               _ ("the “format-version” attribute of <rig> must be a whole "
                                  "number, not “%s”."),
                               version);
      return FALSE;
    }
  while (*p == '0' && p[1] != '\0')
    p++;
  /* Compare as text so that any number of digits works. */
  if (strlen (p) > 1 || *p > '0' + RIG_FORMAT_VERSION)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_NEWER_VERSION,
                   _ ("%s was written by a newer version of Rigwire (format %s); this version "
                      "reads format %d. Update Rigwire to open it."),
                   display_name, p, RIG_FORMAT_VERSION);
      return FALSE;
    }
  if (*p == '0')
    {
      _rig_xml_set_line_error (error, RIG_ERROR_SCHEMA, display_name, root->line,
                               _ ("the “format-version” attribute of <rig> must be 1 or more, "
                                  "not “%s”."),
                               version);
      return FALSE;
    }
  return TRUE;
}

G_STATIC_ASSERT (RIG_FORMAT_VERSION >= 1 && RIG_FORMAT_VERSION <= 9);

/* The rig's optional listening distance (doc/physics.md §5.1); a file
 * without one keeps it unset, and the rules assume the default. */
static gboolean
read_listening_distance (Loader *loader, const RigXmlElement *root, GError **error)
{
  g_autofree char *text = get_token (root, "listening-distance");
  g_autoptr (GError) local_error = NULL;
  double metres = NAN;

  if (text == NULL)
    return TRUE;
  if (!rig_xml_parse_double (text, &metres)
      || !rig_figure_validate (RIG_FIGURE_LISTENING_DISTANCE, metres, &local_error))
    return set_error (loader, error, root, _ ("the listening distance of <rig> is not valid: %s"),
                      local_error != NULL ? local_error->message : text);
  _rig_document_set_listening_distance (loader->document, metres, NULL);
  return TRUE;
}

/* The events of the stream ======================================================== */

/* An element at depth 2 (a child of <rig>). */
static void
section_start (Loader *loader, const RigXmlElement *element)
{
  loader->section = SECTION_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (metadata_names); i++)
    if (strcmp (element->name, metadata_names[i]) == 0)
      {
        loader->section = SECTION_METADATA;
        loader->text_slot = &loader->metadata[i];
        g_string_truncate (loader->text, 0);
      }
  if (strcmp (element->name, "models") == 0)
    loader->section = SECTION_MODELS;
  else if (strcmp (element->name, "devices") == 0)
    loader->section = SECTION_DEVICES;
  else if (strcmp (element->name, "cables") == 0)
    loader->section = SECTION_CABLES;
  else if (strcmp (element->name, "exercise") == 0)
    {
      loader->section = SECTION_EXERCISE;
      model_start (loader, element);
    }
  else if (strcmp (element->name, "lesson") == 0)
    {
      loader->section = SECTION_LESSON;
      model_start (loader, element);
    }
}

static gboolean
read_start (Loader *loader, const RigXmlElement *element, GError **error)
{
  Section section = loader->section;

  loader->depth++;
  if (loader->depth == 1)
    return read_listening_distance (loader, element, error);
  if (loader->depth == 2)
    section_start (loader, element);
  else if (section == SECTION_MODELS || section == SECTION_EXERCISE || section == SECTION_LESSON)
    model_start (loader, element);
  else if (section == SECTION_DEVICES)
    {
      if (loader->depth == 3)
        return device_start (loader, element, error);
      if (strcmp (element->name, "setting") == 0)
        return read_setting (loader, element, loader->device, error);
      return read_override (loader, element, loader->device, error);
    }
  else if (section == SECTION_CABLES)
    {
      if (loader->depth == 3)
        return cable_start (loader, element, error);
      if (strcmp (element->name, "end") == 0)
        return read_cable_end (loader, element, error);
      return read_adapter (loader, element, error);
    }
  return TRUE;
}

static gboolean
read_end (Loader *loader, GError **error)
{
  Section section = loader->section;
  guint depth = loader->depth--;

  if (depth == 2 && loader->text_slot != NULL)
    {
      g_free (*loader->text_slot);
      *loader->text_slot = g_strndup (loader->text->str, loader->text->len);
      loader->text_slot = NULL;
    }
  if (depth == 2 && section == SECTION_EXERCISE)
    {
      loader->section = SECTION_NONE;
      return exercise_end (loader, error);
    }
  if (depth == 2 && section == SECTION_LESSON)
    {
      loader->section = SECTION_NONE;
      return lesson_end (loader, error);
    }
  if (depth == 2)
    loader->section = SECTION_NONE;
  else if (section == SECTION_MODELS)
    return model_end (loader, error);
  else if (section == SECTION_EXERCISE || section == SECTION_LESSON)
    model_close (loader);
  else if (section == SECTION_DEVICES && depth == 3)
    device_end (loader);
  else if (section == SECTION_CABLES && depth == 3)
    return cable_end (loader, error);
  return TRUE;
}

/* Each event goes to the grammar, whose problems stop the reading, then to
 * the reader, whose problems are kept for the end: the schema's problems
 * come first, wherever they are in the file, as when a tree was validated
 * and then read. */
static gboolean
load_start (gpointer data, const RigXmlElement *element, GError **error)
{
  Loader *loader = data;

  if (loader->depth == 0 && loader->reader_error == NULL
      && !check_root (element, loader->display_name, error))
    return FALSE;
  if (!_rig_xml_grammar_start (loader->grammar, element, error))
    return FALSE;
  if (loader->reader_error == NULL)
    read_start (loader, element, &loader->reader_error);
  return TRUE;
}

static gboolean
load_end (gpointer data, GError **error)
{
  Loader *loader = data;

  if (!_rig_xml_grammar_end (loader->grammar, error))
    return FALSE;
  if (loader->reader_error == NULL)
    read_end (loader, &loader->reader_error);
  return TRUE;
}

static gboolean
load_text (gpointer data, const char *text, gsize len, long line, GError **error)
{
  Loader *loader = data;

  if (!_rig_xml_grammar_text (loader->grammar, text, len, line, error))
    return FALSE;
  if (loader->reader_error != NULL)
    return TRUE;
  if (loader->text_slot != NULL)
    g_string_append_len (loader->text, text, (gssize) len);
  else if (loader->model != NULL)
    xmlAddChild (loader->model_parent, xmlNewTextLen ((const xmlChar *) text, (int) len));
  return TRUE;
}

RigDocument *
rig_format_load_bytes (GBytes *bytes, const char *display_name, RigCatalog *catalog, GError **error)
{
  static const RigXmlStreamHandler handler = { load_start, load_end, load_text };
  const char *name = display_name != NULL ? display_name : _ ("(unnamed)");
  Loader loader = { 0 };
  RigDocument *document = NULL;
  const char *data;
  gsize len;
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (catalog == NULL || RIG_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  loader.display_name = name;
  loader.catalog = catalog;
  loader.document = rig_document_new ();
  loader.models = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) rig_device_model_unref);
  loader.jack_uses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader.grammar = _rig_xml_grammar_new (name);
  _rig_xml_grammar_set_reader_error (loader.grammar, &loader.reader_error);
  loader.text = g_string_new (NULL);

  ok = _rig_xml_stream (data != NULL ? data : "", len, name, &handler, &loader, error);
  if (ok && loader.reader_error != NULL)
    g_propagate_error (error, g_steal_pointer (&loader.reader_error));
  else if (ok)
    {
      char **m = loader.metadata;

      _rig_document_set_metadata (loader.document, m[0] ? m[0] : "", m[1] ? m[1] : "",
                                  m[3] ? m[3] : "", NULL);
      _rig_document_set_revision (loader.document, m[2] ? m[2] : "", NULL);
      _rig_document_reserve_ids (loader.document);
      document = g_steal_pointer (&loader.document);
    }
  loader_clear (&loader);
  return document;
}

char *
_rig_format_file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_parse_name (file);
  return g_filename_display_name (basename);
}

RigDocument *
rig_format_load_file (GFile *file, RigCatalog *catalog, GError **error)
{
  return rig_format_load_file_with_state (file, catalog, NULL, error);
}

/* Why a file could not be opened or read. GIO's own sentence repeats the
 * path ("Error opening file /x.rigwire: No such file or directory"), so the
 * usual two reasons are said plainly. */
static const char *
io_reason (const GError *io_error)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return _ ("there is no such file.");
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return _ ("you are not allowed to read it.");
  return io_error->message;
}

RigDocument *
rig_format_load_file_with_state (GFile *file, RigCatalog *catalog, RigFileState **state,
                                 GError **error)
{
  g_autofree char *name = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;
  RigDocument *document;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = _rig_format_file_display_name (file);

  /* Read at most one byte over the cap, whatever the file's size says (it
   * may grow while we read, or be a pipe). */
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE
                                                           "," G_FILE_ATTRIBUTE_TIME_MODIFIED
                                                           "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_IO, _ ("Could not open %s: %s"), name,
                   io_reason (local_error));
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_IO, _ ("Could not open %s: it is a folder."), name);
      return NULL;
    }
  /* A pipe, a device or a socket would block the read, or never end. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_IO, _ ("%s is not a regular file."), name);
      return NULL;
    }
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE)
      && g_file_info_get_size (info) > RIG_XML_MAX_STREAM_BYTES)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_TOO_LARGE,
                   _ ("%s is larger than %d MiB, the most Rigwire reads."), name,
                   RIG_XML_MAX_STREAM_BYTES / (1024 * 1024));
      return NULL;
    }

  stream = g_file_read (file, NULL, &local_error);
  if (stream != NULL)
    {
      g_autoptr (GByteArray) data = g_byte_array_new ();
      g_autofree guint8 *buffer = g_malloc (64 * 1024);

      while (data->len <= RIG_XML_MAX_STREAM_BYTES)
        {
          gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 64 * 1024, NULL,
                                          &local_error);
          if (n <= 0)
            break;
          g_byte_array_append (data, buffer, (guint) n);
        }
      bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));
    }
  if (local_error != NULL)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_IO, _ ("Could not read %s: %s"), name,
                   io_reason (local_error));
      return NULL;
    }

  document = rig_format_load_bytes (bytes, name, catalog, error);
  if (document != NULL)
    rig_document_set_file (document, file);
  /* The state of the very bytes that were read: an outside change made
   * after this is noticed, and the file need not be read twice. */
  if (document != NULL && state != NULL)
    *state = rig_file_state_new (bytes, info);
  return document;
}

void
rig_format_translate_example (RigDocument *document)
{
  g_autofree char *title = NULL;
  g_autofree char *notes = NULL;

  g_return_if_fail (RIG_IS_DOCUMENT (document));

  title = g_strdup (rig_catalog_text (rig_document_get_title (document)));
  notes = g_strdup (rig_catalog_text (rig_document_get_notes (document)));
  _rig_document_set_metadata (document, title, NULL, notes, NULL);
  _rig_format_translate_exercise (document);
}
