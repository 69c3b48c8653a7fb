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
#include "rig-format-private.h"
#include "rig-xml.h"

/* Loading ======================================================================= */

typedef struct
{
  const char *display_name;
  RigCatalog *catalog;
  RigDocument *document;
  GHashTable *models;    /* id -> RigDeviceModel (ref), those embedded in the file */
  GHashTable *jack_uses; /* "device\njack" -> cable id (borrowed from the document) */
} Loader;

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->models, g_hash_table_unref);
  g_clear_pointer (&loader->jack_uses, g_hash_table_unref);
  g_clear_object (&loader->document);
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
read_models (Loader *loader, xmlNode *section, GError **error)
{
  if (!rig_xml_check_attributes (section, loader->display_name, error))
    return FALSE;

  for (xmlNode *node = section->children; node != NULL; node = node->next)
    {
      RigDeviceModel *model;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      model = rig_xml_read_model (node, loader->display_name, error);
      if (model == NULL)
        return FALSE;
      if (g_hash_table_contains (loader->models, model->id))
        {
          rig_xml_set_error (error, RIG_ERROR_INVALID, loader->display_name, node,
                             _ ("two models have the id “%s”."), model->id);
          rig_device_model_unref (model);
          return FALSE;
        }
      g_hash_table_insert (loader->models, model->id, model);
    }
  return TRUE;
}

/* @node is a <@name> (not some other element inside <@parent>) with good
 * attributes. */
static gboolean
expect_element (Loader *loader, xmlNode *node, const char *name, const char *parent, GError **error)
{
  if (!rig_xml_is_element (node, name))
    return rig_xml_set_not_allowed (error, loader->display_name, node, parent);
  return rig_xml_check_attributes (node, loader->display_name, error);
}

static gboolean
read_override (Loader *loader, xmlNode *node, RigDevice *device, GError **error)
{
  g_autofree char *figure_nick = NULL;
  g_autofree char *value_text = NULL;
  g_autoptr (GError) local_error = NULL;
  RigFigure figure;
  double value;

  if (!rig_xml_check_attributes (node, loader->display_name, error))
    return FALSE;

  figure_nick = rig_xml_get_token (node, "figure");
  value_text = rig_xml_get_token (node, "value");
  figure = rig_figure_from_nick (figure_nick);
  if (figure == RIG_FIGURE_POWER_SOURCE)
    value = rig_power_source_from_nick (value_text);
  else if (!rig_xml_parse_double (value_text, &value))
    value = NAN; /* rig_xml_check_attributes() refused it already */

  if (rig_figure_is_set (device->overrides[figure]))
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, loader->display_name, node,
                         _ ("device “%s” overrides the figure “%s” twice."), device->id,
                         figure_nick);
      return FALSE;
    }
  if (!rig_figure_validate (figure, value, &local_error))
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, loader->display_name, node,
                         _ ("device “%s”: %s"), device->id, local_error->message);
      return FALSE;
    }
  device->overrides[figure] = value;
  return TRUE;
}

/* <setting control value/> (issue #11): a control of the device's model, set
 * within its range, once. */
static gboolean
read_setting (Loader *loader, xmlNode *node, RigDevice *device, GError **error)
{
  g_autofree char *control_id = NULL;
  g_autofree char *value_text = NULL;
  const RigControl *control;
  double value = NAN;
  int index;

  if (!rig_xml_check_attributes (node, loader->display_name, error))
    return FALSE;
  control_id = rig_xml_get_token (node, "control");
  value_text = rig_xml_get_token (node, "value");
  rig_xml_parse_double (value_text, &value);
  index = rig_device_model_control_index (device->model, control_id);
  if (index < 0)
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, loader->display_name, node,
                         _ ("device “%s” sets “%s”, which is not a control of its model “%s”."),
                         device->id, control_id, device->model->id);
      return FALSE;
    }
  control = &device->model->controls[index];
  if (device->settings != NULL && !isnan (device->settings[index]))
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, loader->display_name, node,
                         _ ("device “%s” sets the control “%s” twice."), device->id, control_id);
      return FALSE;
    }
  if (control->kind == RIG_CONTROL_PAD && !rig_control_accepts (control, value))
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, loader->display_name, node,
                         _ ("device “%s” sets the switch “%s” to %s dB: it is either %g dB or "
                            "%g dB."),
                         device->id, control_id, value_text, control->min_db, control->max_db);
      return FALSE;
    }
  if (!rig_control_accepts (control, value))
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, loader->display_name, node,
                         _ ("device “%s” sets “%s” to %s dB, outside its range of %g to %g dB."),
                         device->id, control_id, value_text, control->min_db, control->max_db);
      return FALSE;
    }
  device->settings[index] = value;
  return TRUE;
}

static gboolean
read_device (Loader *loader, xmlNode *node, GError **error)
{
  g_autofree char *id = NULL;
  g_autofree char *model_id = NULL;
  g_autofree char *label = NULL;
  g_autofree char *x_text = NULL;
  g_autofree char *y_text = NULL;
  g_autoptr (RigDevice) device = NULL;
  RigDeviceModel *model;
  double x = 0, y = 0;

  if (!expect_element (loader, node, "device", "devices", error))
    return FALSE;

  id = rig_xml_get_token (node, "id");
  model_id = rig_xml_get_token (node, "model");
  label = rig_xml_get_string (node, "label");
  x_text = rig_xml_get_token (node, "x");
  y_text = rig_xml_get_token (node, "y");
  rig_xml_parse_double (x_text, &x);
  rig_xml_parse_double (y_text, &y);

  if (rig_document_find_device (loader->document, id) != NULL)
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, loader->display_name, node,
                         _ ("two devices have the id “%s”."), id);
      return FALSE;
    }
  if (!rig_position_is_valid (x, y))
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, loader->display_name, node,
                         _ ("device “%s” is at (%s, %s), off the canvas: positions reach at "
                            "most %.0f units each way."),
                         id, x_text, y_text, RIG_POSITION_LIMIT);
      return FALSE;
    }

  model = loader_lookup_model (loader, model_id);
  if (model == NULL)
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, loader->display_name, node,
                         _ ("device “%s” uses an unknown model “%s”: %s."), id, model_id,
                         unknown_model_reason (loader));
      return FALSE;
    }

  device = rig_device_new (id, model, label, x, y);
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (rig_xml_is_element (child, "setting"))
        {
          if (!read_setting (loader, child, device, error))
            return FALSE;
          continue;
        }
      if (!rig_xml_is_element (child, "override"))
        {
          rig_xml_set_not_allowed (error, loader->display_name, child, "device");
          return FALSE;
        }
      if (!read_override (loader, child, device, error))
        return FALSE;
    }

  _rig_document_insert_device (loader->document, g_steal_pointer (&device), G_MAXUINT, NULL);
  return TRUE;
}

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
read_cable_end (Loader *loader, xmlNode *node, const char *cable_id, RigCableSpec *spec,
                gboolean seen[2], GError **error)
{
  g_autofree char *side_text = NULL;
  g_autofree char *connector = NULL;
  g_autofree char *size = NULL;
  g_autofree char *poles = NULL;
  g_autofree char *gender = NULL;
  g_autofree char *plugs = NULL;
  g_autofree char *pins = NULL;
  RigCableEnd *end;
  int side;

  if (!rig_xml_check_attributes (node, loader->display_name, error))
    return FALSE;

  side_text = rig_xml_get_token (node, "side");
  side = side_from_text (side_text);
  if (spec->kind != RIG_CABLE_KIND_CABLE)
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, loader->display_name, node,
                         _ ("cable “%s” is a %s connection, which has no <end> elements."),
                         cable_id, rig_cable_kind_to_nick (spec->kind));
      return FALSE;
    }
  if (seen[side])
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, loader->display_name, node,
                         _ ("cable “%s” has two “%s” ends."), cable_id, side_text);
      return FALSE;
    }
  seen[side] = TRUE;

  end = &spec->ends[side];
  connector = rig_xml_get_token (node, "connector");
  size = rig_xml_get_token (node, "size");
  poles = rig_xml_get_token (node, "poles");
  gender = rig_xml_get_token (node, "gender");
  plugs = rig_xml_get_token (node, "plugs");
  pins = rig_xml_get_token (node, "pins");
  end->connector = rig_connector_from_nick (connector);
  end->size = size != NULL ? rig_phone_size_from_nick (size) : RIG_PHONE_SIZE_NONE;
  end->poles = poles != NULL ? rig_poles_from_nick (poles) : RIG_POLES_NONE;
  end->gender = rig_gender_from_nick (gender);
  end->plugs = g_strcmp0 (plugs, "2") == 0 ? 2 : 1;
  /* Absent: a standard cable, worked out where it is judged (rig_cable_end_pins()). */
  end->pins = pins != NULL ? rig_pins_from_nick (pins) : RIG_PINS_NONE;
  if (end->pins != RIG_PINS_NONE && !rig_connector_has_pins (end->connector))
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, loader->display_name, node,
                         _ ("cable “%s”: only an XLR end has a pin gender (male or female)."),
                         cable_id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_adapter (Loader *loader, xmlNode *node, const char *cable_id, RigCableSpec *spec,
              GError **error)
{
  g_autofree char *model_id = NULL;
  g_autofree char *end = NULL;
  RigDeviceModel *model;

  if (!rig_xml_check_attributes (node, loader->display_name, error))
    return FALSE;

  model_id = rig_xml_get_token (node, "model");
  end = rig_xml_get_token (node, "end");
  model = loader_lookup_model (loader, model_id);
  if (model == NULL)
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, loader->display_name, node,
                         _ ("cable “%s” uses an unknown adapter model “%s”: %s."), cable_id,
                         model_id, unknown_model_reason (loader));
      return FALSE;
    }
  if (model->category != RIG_CATEGORY_ADAPTER)
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, loader->display_name, node,
                         _ ("cable “%s” lists “%s” as an adapter, but that model is not an "
                            "adapter (its category is %s)."),
                         cable_id, model_id, rig_category_to_nick (model->category));
      return FALSE;
    }
  rig_cable_spec_add_adapter (spec, model, side_from_text (end));
  return TRUE;
}

/* The jacks a cable joins: both exist, they are two, and neither is taken
 * by an earlier cable unless it takes several (rig-document-rules.h). */
static gboolean
check_cable_jacks (Loader *loader, xmlNode *node, const char *id, const char *device_id[2],
                   const char *jack_id[2], GError **error)
{
  const RigJack *jacks[2];

  for (guint i = 0; i < 2; i++)
    {
      RigDevice *device = rig_document_find_device (loader->document, device_id[i]);

      if (device == NULL)
        {
          rig_xml_set_error (error, RIG_ERROR_INVALID, loader->display_name, node,
                             _ ("cable “%s” ends at device “%s”, which is not in the file (a "
                                "dangling cable end)."),
                             id, device_id[i]);
          return FALSE;
        }
      jacks[i] = rig_device_find_jack (device, jack_id[i]);
      if (jacks[i] == NULL)
        {
          rig_xml_set_error (error, RIG_ERROR_INVALID, loader->display_name, node,
                             _ ("cable “%s” ends at jack “%s” of device “%s”, but its model “%s” "
                                "has no such jack."),
                             id, jack_id[i], device_id[i], device->model->id);
          return FALSE;
        }
    }

  if (g_strcmp0 (device_id[0], device_id[1]) == 0 && g_strcmp0 (jack_id[0], jack_id[1]) == 0)
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, loader->display_name, node,
                         _ ("cable “%s” has both ends on jack “%s” of device “%s”."), id,
                         jack_id[0], device_id[0]);
      return FALSE;
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *key = g_strconcat (device_id[i], "\n", jack_id[i], NULL);
      const char *other = g_hash_table_lookup (loader->jack_uses, key);

      if (other != NULL && !rig_jack_takes_several_cables (jacks[i]))
        {
          rig_xml_set_error (error, RIG_ERROR_INVALID, loader->display_name, node,
                             _ ("jack “%s” of device “%s” is used by two cables (%s and %s)."),
                             jack_id[i], device_id[i], other, id);
          return FALSE;
        }
    }
  return TRUE;
}

/* The cable's own figures and its <end> and <adapter> children into @spec
 * (initialised by the caller, cleared by the caller). */
static gboolean
read_cable_spec (Loader *loader, xmlNode *node, const char *id, RigCableSpec *spec, GError **error)
{
  g_autofree char *conductors = rig_xml_get_token (node, "conductors");
  g_autofree char *length = rig_xml_get_token (node, "length");
  g_autofree char *gauge = rig_xml_get_token (node, "gauge");
  gboolean seen_ends[2] = { FALSE, FALSE };

  if (conductors != NULL)
    spec->conductors
        = (guint) g_ascii_strtoull (conductors[0] == '+' ? conductors + 1 : conductors, NULL, 10);
  if (length != NULL)
    rig_xml_parse_double (length, &spec->length_m);
  if (gauge != NULL)
    rig_xml_parse_double (gauge, &spec->gauge_awg);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      gboolean ok;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (rig_xml_is_element (child, "end"))
        ok = read_cable_end (loader, child, id, spec, seen_ends, error);
      else if (rig_xml_is_element (child, "adapter"))
        ok = read_adapter (loader, child, id, spec, error);
      else
        {
          rig_xml_set_not_allowed (error, loader->display_name, child, "cable");
          ok = FALSE;
        }
      if (!ok)
        return FALSE;
    }
  if (spec->kind == RIG_CABLE_KIND_CABLE && !(seen_ends[RIG_END_FROM] && seen_ends[RIG_END_TO]))
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, loader->display_name, node,
                         _ ("cable “%s” needs an <end> element for each side (from and to)."), id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_cable (Loader *loader, xmlNode *node, GError **error)
{
  g_autofree char *id = NULL;
  g_autofree char *number = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *from_device = NULL;
  g_autofree char *from_jack = NULL;
  g_autofree char *to_device = NULL;
  g_autofree char *to_jack = NULL;
  const char *device_id[2];
  const char *jack_id[2];
  RigCableSpec spec;
  RigCable *cable;

  if (!expect_element (loader, node, "cable", "cables", error))
    return FALSE;

  id = rig_xml_get_token (node, "id");
  number = rig_xml_get_string (node, "number");
  kind_text = rig_xml_get_token (node, "kind");

  if (rig_document_find_cable (loader->document, id) != NULL)
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, loader->display_name, node,
                         _ ("two cables have the id “%s”."), id);
      return FALSE;
    }

  device_id[RIG_END_FROM] = from_device = rig_xml_get_token (node, "from-device");
  jack_id[RIG_END_FROM] = from_jack = rig_xml_get_token (node, "from-jack");
  device_id[RIG_END_TO] = to_device = rig_xml_get_token (node, "to-device");
  jack_id[RIG_END_TO] = to_jack = rig_xml_get_token (node, "to-jack");
  if (!check_cable_jacks (loader, node, id, device_id, jack_id, error))
    return FALSE;

  rig_cable_spec_init (&spec, rig_cable_kind_from_nick (kind_text));
  if (!read_cable_spec (loader, node, id, &spec, error))
    {
      rig_cable_spec_clear (&spec);
      return FALSE;
    }

  cable = rig_cable_new (id, number, device_id[0], jack_id[0], device_id[1], jack_id[1], &spec);
  rig_cable_spec_clear (&spec);
  _rig_document_insert_cable (loader->document, cable, G_MAXUINT, NULL);

  for (guint i = 0; i < 2; i++)
    {
      char *key = g_strconcat (device_id[i], "\n", jack_id[i], NULL);

      if (g_hash_table_contains (loader->jack_uses, key))
        g_free (key);
      else
        g_hash_table_insert (loader->jack_uses, key, cable->id);
    }
  return TRUE;
}

static gboolean
read_section (Loader *loader, xmlNode *section,
              gboolean (*read_child) (Loader *, xmlNode *, GError **), GError **error)
{
  if (!rig_xml_check_attributes (section, loader->display_name, error))
    return FALSE;
  for (xmlNode *node = section->children; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE && !read_child (loader, node, error))
      return FALSE;
  return TRUE;
}

/* The root element and its format-version, before the schema, so that a file
 * from a newer Rigwire says so rather than failing validation. */
static gboolean
check_root (xmlNode *root, const char *display_name, GError **error)
{
  g_autofree char *version = NULL;
  const char *p;

  if (root->ns == NULL || g_strcmp0 ((const char *) root->ns->href, RIG_XML_NS) != 0)
    {
      if (strcmp ((const char *) root->name, "rig") != 0)
        g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_A_RIG,
                     _ ("%s is not a Rigwire rig: its root element is <%s>."), display_name,
                     (const char *) root->name);
      else if (root->ns == NULL)
        g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_A_RIG,
                     _ ("%s is not a Rigwire rig: its <rig> element has no namespace (Rigwire "
                        "rigs use the namespace %s)."),
                     display_name, RIG_XML_NS);
      else
        g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_A_RIG,
                     _ ("%s is not a Rigwire rig: its <rig> element is in the namespace %s, not "
                        "in Rigwire’s namespace %s."),
                     display_name, (const char *) root->ns->href, RIG_XML_NS);
      return FALSE;
    }
  if (strcmp ((const char *) root->name, "rig") != 0)
    {
      if (strcmp ((const char *) root->name, "catalog") == 0)
        g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_A_RIG,
                     _ ("%s is not a Rigwire rig: its root element is <catalog> (it is a device "
                        "catalog)."),
                     display_name);
      else
        g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_A_RIG,
                     _ ("%s is not a Rigwire rig: its root element is <%s>."), display_name,
                     (const char *) root->name);
      return FALSE;
    }

  version = rig_xml_get_token (root, "format-version");
  if (version == NULL)
    {
      rig_xml_set_error (error, RIG_ERROR_SCHEMA, display_name, root,
                         _ ("<rig> has no “format-version” attribute."));
      return FALSE;
    }
  p = version[0] == '+' ? version + 1 : version;
  for (const char *q = p; *q != '\0'; q++)
    if (!g_ascii_isdigit (*q))
      p = NULL;
  if (p == NULL || *p == '\0')
    {
      rig_xml_set_error (error, RIG_ERROR_SCHEMA, display_name, root,
                         _ ("the “format-version” attribute of <rig> must be a whole number, not "
                            "“%s”."),
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
      rig_xml_set_error (error, RIG_ERROR_SCHEMA, display_name, root,
                         _ ("the “format-version” attribute of <rig> must be 1 or more, not "
                            "“%s”."),
                         version);
      return FALSE;
    }
  return TRUE;
}

G_STATIC_ASSERT (RIG_FORMAT_VERSION >= 1 && RIG_FORMAT_VERSION <= 9);

/* The rig's optional listening distance (doc/physics.md §5.1); a file
 * without one keeps it unset, and the rules assume the default. */
static gboolean
read_listening_distance (Loader *loader, xmlNode *root, GError **error)
{
  g_autofree char *text = rig_xml_get_token (root, "listening-distance");
  g_autoptr (GError) local_error = NULL;
  double metres = NAN;

  if (text == NULL)
    return TRUE;
  if (!rig_xml_parse_double (text, &metres)
      || !rig_figure_validate (RIG_FIGURE_LISTENING_DISTANCE, metres, &local_error))
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, loader->display_name, root,
                         _ ("the listening distance of <rig> is not valid: %s"),
                         local_error != NULL ? local_error->message : text);
      return FALSE;
    }
  _rig_document_set_listening_distance (loader->document, metres, NULL);
  return TRUE;
}

static RigDocument *
load_doc (xmlDoc *doc, const char *display_name, RigCatalog *catalog, GError **error)
{
  Loader loader = { 0 };
  xmlNode *root = xmlDocGetRootElement (doc);
  RigDocument *document;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *revision = NULL;
  g_autofree char *notes = NULL;
  xmlNode *exercise = NULL;

  if (!check_root (root, display_name, error))
    return NULL;
  if (!rig_xml_validate_schema (doc, display_name, error))
    return NULL;
  if (!rig_xml_check_attributes (root, display_name, error))
    return NULL;

  loader.display_name = display_name;
  loader.catalog = catalog;
  loader.document = rig_document_new ();
  loader.models = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) rig_device_model_unref);
  loader.jack_uses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Models first, wherever they are, since devices and cables name them. */
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    if (rig_xml_is_element (node, "models") && !read_models (&loader, node, error))
      goto fail;

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE || rig_xml_is_element (node, "models"))
        continue;
      if (rig_xml_is_element (node, "title") || rig_xml_is_element (node, "author")
          || rig_xml_is_element (node, "revision") || rig_xml_is_element (node, "notes"))
        {
          char **slot = rig_xml_is_element (node, "title")      ? &title
                        : rig_xml_is_element (node, "author")   ? &author
                        : rig_xml_is_element (node, "revision") ? &revision
                                                                : &notes;
          if (!rig_xml_check_attributes (node, display_name, error))
            goto fail;
          g_free (*slot);
          *slot = rig_xml_get_text (node);
        }
      else if (rig_xml_is_element (node, "devices"))
        {
          if (!read_section (&loader, node, read_device, error))
            goto fail;
        }
      else if (rig_xml_is_element (node, "cables"))
        {
          /* Devices come first in a valid file; a cable naming a later device
           * is reported as dangling. */
          if (!read_section (&loader, node, read_cable, error))
            goto fail;
        }
      else if (rig_xml_is_element (node, "exercise"))
        exercise = node; /* read once the devices and cables are in */
      else if (rig_xml_is_element (node, "lesson"))
        continue; /* read with the exercise (rig-format-lesson.c) */
      else
        {
          rig_xml_set_not_allowed (error, display_name, node, "rig");
          goto fail;
        }
    }
  if (!_rig_format_read_exercise (loader.document, root, exercise, display_name, error))
    goto fail;

  _rig_document_set_metadata (loader.document, title ? title : "", author ? author : "",
                              notes ? notes : "", NULL);
  _rig_document_set_revision (loader.document, revision ? revision : "", NULL);
  if (!read_listening_distance (&loader, root, error))
    goto fail;
  _rig_document_reserve_ids (loader.document);

  document = g_steal_pointer (&loader.document);
  loader_clear (&loader);
  return document;

fail:
  loader_clear (&loader);
  return NULL;
}

RigDocument *
rig_format_load_bytes (GBytes *bytes, const char *display_name, RigCatalog *catalog, GError **error)
{
  const char *name = display_name != NULL ? display_name : _ ("(unnamed)");
  RigDocument *document;
  const char *data;
  gsize len;
  xmlDoc *doc;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (catalog == NULL || RIG_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  doc = rig_xml_parse_untrusted (data != NULL ? data : "", len, name, error);
  if (doc == NULL)
    return NULL;
  document = load_doc (doc, name, catalog, error);
  xmlFreeDoc (doc);
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
                   local_error->message);
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
      && g_file_info_get_size (info) > RIG_XML_MAX_BYTES)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_TOO_LARGE,
                   _ ("%s is larger than %d MiB, the most Rigwire reads."), name,
                   RIG_XML_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  stream = g_file_read (file, NULL, &local_error);
  if (stream != NULL)
    {
      g_autoptr (GByteArray) data = g_byte_array_new ();
      g_autofree guint8 *buffer = g_malloc (64 * 1024);

      while (data->len <= RIG_XML_MAX_BYTES)
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
                   local_error->message);
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
