/* rig-xml-model.c: the <model> element (a device model and its jacks), read
 * with every attribute checked and written in a fixed order. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rig-error.h"
#include "rig-xml-private.h"

/* The jack's optional figures, in the order they are written. */
typedef struct
{
  const char *name;
  gsize offset;
} JackNumber;

static const JackNumber jack_numbers[] = {
  { "output-impedance", G_STRUCT_OFFSET (RigJack, output_impedance) },
  { "input-impedance", G_STRUCT_OFFSET (RigJack, input_impedance) },
  { "max-output-voltage", G_STRUCT_OFFSET (RigJack, max_output_voltage) },
  { "min-load", G_STRUCT_OFFSET (RigJack, min_load) },
  { "nominal-level", G_STRUCT_OFFSET (RigJack, nominal_level) },
  { "clip-level", G_STRUCT_OFFSET (RigJack, clip_level) },
  { "input-sensitivity", G_STRUCT_OFFSET (RigJack, input_sensitivity) },
  { "noise-level", G_STRUCT_OFFSET (RigJack, noise_level) },
};

static const JackNumber jack_power_numbers[] = {
  { "power-supplied-v", G_STRUCT_OFFSET (RigJack, power_supplied_v) },
  { "power-supplied-w", G_STRUCT_OFFSET (RigJack, power_supplied_w) },
  { "power-required-v", G_STRUCT_OFFSET (RigJack, power_required_v) },
  { "power-required-w", G_STRUCT_OFFSET (RigJack, power_required_w) },
};

#define JACK_NUMBER(jack, number) (*(double *) ((char *) (jack) + (number)->offset))

static int
enum_attribute (const xmlNode *node, const char *name, int (*from_nick) (const char *),
                int fallback)
{
  g_autofree char *value = rig_xml_get_token (node, name);
  int result;

  if (value == NULL)
    return fallback;
  result = from_nick (value);
  return result >= 0 ? result : fallback;
}

static double
number_attribute (const xmlNode *node, const char *name)
{
  g_autofree char *value = rig_xml_get_token (node, name);
  double number = NAN;

  if (value == NULL || !rig_xml_parse_double (value, &number))
    return NAN;
  return number;
}

static guint
count_attribute (const xmlNode *node, const char *name, guint fallback)
{
  g_autofree char *value = rig_xml_get_token (node, name);
  guint count;

  if (value == NULL || !_rig_xml_parse_count (value, &count))
    return fallback;
  return count;
}

static gboolean
read_jack (xmlNode *node, const char *display_name, RigJack *jack, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  if (!rig_xml_check_attributes (node, display_name, error))
    return FALSE;

  jack->id = rig_xml_get_token (node, "id");
  jack->name = rig_xml_get_string (node, "name");
  jack->connector = enum_attribute (node, "connector", rig_connector_from_nick, 0);
  jack->size = enum_attribute (node, "size", rig_phone_size_from_nick, RIG_PHONE_SIZE_NONE);
  jack->poles = enum_attribute (node, "poles", rig_poles_from_nick, RIG_POLES_NONE);
  jack->wiring = enum_attribute (node, "wiring", rig_wiring_from_nick, RIG_WIRING_NONE);
  jack->gender = enum_attribute (node, "gender", rig_gender_from_nick, 0);
  /* Absent: from the direction, where it is used (rig_jack_pins(), physics.md §2.3). */
  jack->pins = enum_attribute (node, "pins", rig_pins_from_nick, RIG_PINS_NONE);
  jack->direction = enum_attribute (node, "direction", rig_direction_from_nick, 0);
  jack->signal = enum_attribute (node, "signal", rig_signal_from_nick, 0);
  jack->channels = count_attribute (node, "channels", 1);
  for (guint i = 0; i < G_N_ELEMENTS (jack_numbers); i++)
    JACK_NUMBER (jack, &jack_numbers[i]) = number_attribute (node, jack_numbers[i].name);
  jack->phantom = enum_attribute (node, "phantom", rig_supply_from_nick, RIG_SUPPLY_NONE);
  jack->plugin_power = enum_attribute (node, "plugin-power", rig_supply_from_nick, RIG_SUPPLY_NONE);
  for (guint i = 0; i < G_N_ELEMENTS (jack_power_numbers); i++)
    JACK_NUMBER (jack, &jack_power_numbers[i])
        = number_attribute (node, jack_power_numbers[i].name);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (!rig_xml_is_element (child, "rating"))
        {
          rig_xml_set_not_allowed (error, display_name, child, "jack");
          return FALSE;
        }
      if (jack->n_ratings >= RIG_MAX_POWER_RATINGS)
        {
          rig_xml_set_error (error, RIG_ERROR_INVALID, display_name, child,
                             _ ("jack “%s” has more than %d power ratings."), jack->id,
                             RIG_MAX_POWER_RATINGS);
          return FALSE;
        }
      if (!rig_xml_check_attributes (child, display_name, error))
        return FALSE;
      jack->ratings[jack->n_ratings].load_ohms = number_attribute (child, "load");
      jack->ratings[jack->n_ratings].watts = number_attribute (child, "power");
      jack->n_ratings++;
    }

  if (!rig_jack_validate (jack, &local_error))
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, display_name, node, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Text of an element with surrounding white space removed; NULL if empty. */
static char *
stripped_text (const xmlNode *node)
{
  char *text = _rig_xml_strip_space (rig_xml_get_text (node));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* <description>, <keywords> or <figures>: each at most once. */
static gboolean
read_model_part (RigDeviceModel *model, xmlNode *child, const char *display_name, guint *seen_parts,
                 GError **error)
{
  static const char *const parts[] = { "description", "keywords", "figures" };
  guint part = 0;

  while (!rig_xml_is_element (child, parts[part]))
    part++;
  if (*seen_parts & (1u << part))
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, display_name, child,
                         _ ("model “%s” has more than one <%s>."), model->id,
                         (const char *) child->name);
      return FALSE;
    }
  *seen_parts |= 1u << part;
  if (!rig_xml_check_attributes (child, display_name, error))
    return FALSE;

  if (part == 0)
    {
      g_free (model->description);
      model->description = stripped_text (child);
    }
  else if (part == 1)
    {
      g_free (model->keywords);
      model->keywords = stripped_text (child);
    }
  else
    {
      for (guint f = 0; f < RIG_N_FIGURES; f++)
        if (f != RIG_FIGURE_POWER_SOURCE)
          model->figures[f] = number_attribute (child, rig_figure_to_nick (f));
    }
  return TRUE;
}

static gboolean
read_model_jack (RigDeviceModel *model, xmlNode *child, const char *display_name, GError **error)
{
  RigJack jack;
  gboolean ok;

  rig_jack_init (&jack);
  ok = read_jack (child, display_name, &jack, error);
  if (ok && rig_device_model_find_jack (model, jack.id) != NULL)
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, display_name, child,
                         _ ("model “%s” has two jacks with the id “%s”."), model->id, jack.id);
      ok = FALSE;
    }
  if (ok)
    rig_device_model_add_jack (model, &jack);
  rig_jack_clear (&jack);
  return ok;
}

static gboolean
read_model_route (RigDeviceModel *model, xmlNode *child, const char *display_name, GError **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *controls = NULL;
  g_auto (GStrv) ids = NULL;

  if (!rig_xml_check_attributes (child, display_name, error))
    return FALSE;
  from = rig_xml_get_token (child, "from");
  to = rig_xml_get_token (child, "to");
  controls = rig_xml_get_token (child, "controls");
  if (controls != NULL)
    {
      guint n = 0;

      ids = g_strsplit_set (controls, " \t\n\r", -1);
      for (guint i = 0; ids[i] != NULL; i++) /* drop the empty ones of repeated spaces */
        if (*ids[i] != '\0')
          ids[n++] = ids[i];
        else
          g_free (ids[i]);
      ids[n] = NULL;
    }
  rig_device_model_add_route_full (model, from, to, number_attribute (child, "gain"),
                                   (const char *const *) ids);
  return TRUE;
}

/* <control id name kind min max default/> (issue #11). */
static gboolean
read_model_control (RigDeviceModel *model, xmlNode *child, const char *display_name, GError **error)
{
  RigControl control = { 0 };
  g_autoptr (GError) local_error = NULL;
  gboolean ok;

  if (!rig_xml_check_attributes (child, display_name, error))
    return FALSE;
  control.id = rig_xml_get_token (child, "id");
  control.name = rig_xml_get_string (child, "name");
  control.kind = enum_attribute (child, "kind", rig_control_kind_from_nick, 0);
  control.min_db = number_attribute (child, "min");
  control.max_db = number_attribute (child, "max");
  control.default_db = number_attribute (child, "default");
  ok = rig_control_validate (&control, &local_error);
  if (!ok)
    rig_xml_set_error (error, RIG_ERROR_INVALID, display_name, child, _ ("model “%s”: %s"),
                       model->id, local_error->message);
  else if (rig_device_model_find_control (model, control.id) != NULL)
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, display_name, child,
                         _ ("model “%s” has two controls with the id “%s”."), model->id,
                         control.id);
      ok = FALSE;
    }
  if (ok)
    rig_device_model_add_control (model, &control);
  rig_control_clear (&control);
  return ok;
}

/* The children of <model>; @route_nodes gets the <route> elements in order. */
static gboolean
read_model_children (RigDeviceModel *model, xmlNode *node, const char *display_name,
                     GPtrArray *route_nodes, GError **error)
{
  guint seen_parts = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      gboolean ok;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (rig_xml_is_element (child, "description") || rig_xml_is_element (child, "keywords")
          || rig_xml_is_element (child, "figures"))
        ok = read_model_part (model, child, display_name, &seen_parts, error);
      else if (rig_xml_is_element (child, "jack"))
        ok = read_model_jack (model, child, display_name, error);
      else if (rig_xml_is_element (child, "control"))
        ok = read_model_control (model, child, display_name, error);
      else if (rig_xml_is_element (child, "route"))
        {
          ok = read_model_route (model, child, display_name, error);
          g_ptr_array_add (route_nodes, child);
        }
      else
        {
          rig_xml_set_not_allowed (error, display_name, child, "model");
          ok = FALSE;
        }
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

RigDeviceModel *
rig_xml_read_model (xmlNode *node, const char *display_name, GError **error)
{
  g_autoptr (RigDeviceModel) model = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GPtrArray) route_nodes = g_ptr_array_new ();
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *isolates = NULL;

  g_return_val_if_fail (node != NULL, NULL);

  if (!rig_xml_is_element (node, "model"))
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, display_name, node,
                         _ ("expected a <model> element, found <%s>."),
                         node->name ? (const char *) node->name : "?");
      return NULL;
    }
  if (!rig_xml_check_attributes (node, display_name, error))
    return NULL;

  id = rig_xml_get_token (node, "id");
  name = rig_xml_get_string (node, "name");
  model = rig_device_model_new (id, name,
                                enum_attribute (node, "category", rig_category_from_nick, 0));
  if (xmlHasNsProp (node, (const xmlChar *) "power", NULL) != NULL)
    model->figures[RIG_FIGURE_POWER_SOURCE]
        = enum_attribute (node, "power", rig_power_source_from_nick, RIG_POWER_SOURCE_NONE);
  isolates = rig_xml_get_token (node, "isolates-ground");
  model->isolates_ground = g_strcmp0 (isolates, "true") == 0;

  if (!read_model_children (model, node, display_name, route_nodes, error))
    return NULL;

  /* Routes may come before the jacks they name: check them at the end, here
   * to report the line of the <route>. */
  for (guint i = 0; i < model->n_routes; i++)
    {
      const char *missing = rig_device_model_route_missing_jack (model, i);

      if (missing != NULL)
        {
          rig_xml_set_error (error, RIG_ERROR_INVALID, display_name, route_nodes->pdata[i],
                             _ ("model “%s” routes signal through “%s”, which is not one of its "
                                "jacks."),
                             id, missing);
          return NULL;
        }
      for (guint c = 0; model->routes[i].controls && model->routes[i].controls[c]; c++)
        if (rig_device_model_control_index (model, model->routes[i].controls[c]) < 0)
          {
            rig_xml_set_error (error, RIG_ERROR_INVALID, display_name, route_nodes->pdata[i],
                               _ ("model “%s” sets a route's gain with “%s”, which is not one "
                                  "of its controls."),
                               id, model->routes[i].controls[c]);
            return NULL;
          }
    }

  if (!rig_device_model_validate (model, &local_error))
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, display_name, node, "%s", local_error->message);
      return NULL;
    }

  return g_steal_pointer (&model);
}

static gboolean
model_has_figures (const RigDeviceModel *model)
{
  for (guint f = 0; f < RIG_N_FIGURES; f++)
    if (f != RIG_FIGURE_POWER_SOURCE && rig_figure_is_set (model->figures[f]))
      return TRUE;
  return FALSE;
}

static void
write_jack (GString *out, const RigJack *jack, guint indent)
{
  rig_xml_start_element (out, indent, "jack");
  rig_xml_append_attribute (out, "id", jack->id);
  rig_xml_append_attribute (out, "name", jack->name);
  rig_xml_append_attribute (out, "connector", rig_connector_to_nick (jack->connector));
  rig_xml_append_nick_attribute (out, "size", rig_phone_size_to_nick (jack->size));
  rig_xml_append_nick_attribute (out, "poles", rig_poles_to_nick (jack->poles));
  rig_xml_append_nick_attribute (out, "wiring", rig_wiring_to_nick (jack->wiring));
  rig_xml_append_attribute (out, "gender", rig_gender_to_nick (jack->gender));
  rig_xml_append_nick_attribute (out, "pins", rig_pins_to_nick (jack->pins));
  rig_xml_append_attribute (out, "direction", rig_direction_to_nick (jack->direction));
  rig_xml_append_attribute (out, "signal", rig_signal_to_nick (jack->signal));
  rig_xml_append_count_attribute (out, "channels", jack->channels);
  for (guint i = 0; i < G_N_ELEMENTS (jack_numbers); i++)
    if (rig_figure_is_set (JACK_NUMBER (jack, &jack_numbers[i])))
      rig_xml_append_number_attribute (out, jack_numbers[i].name,
                                       JACK_NUMBER (jack, &jack_numbers[i]));
  rig_xml_append_nick_attribute (out, "phantom", rig_supply_to_nick (jack->phantom));
  rig_xml_append_nick_attribute (out, "plugin-power", rig_supply_to_nick (jack->plugin_power));
  for (guint i = 0; i < G_N_ELEMENTS (jack_power_numbers); i++)
    if (rig_figure_is_set (JACK_NUMBER (jack, &jack_power_numbers[i])))
      rig_xml_append_number_attribute (out, jack_power_numbers[i].name,
                                       JACK_NUMBER (jack, &jack_power_numbers[i]));

  if (jack->n_ratings == 0)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, ">\n");
  for (guint i = 0; i < jack->n_ratings && i < RIG_MAX_POWER_RATINGS; i++)
    {
      rig_xml_start_element (out, indent + 2, "rating");
      rig_xml_append_number_attribute (out, "load", jack->ratings[i].load_ohms);
      rig_xml_append_number_attribute (out, "power", jack->ratings[i].watts);
      g_string_append (out, "/>\n");
    }
  rig_xml_end_element (out, indent, "jack");
}

static void
write_control (GString *out, const RigControl *control, guint indent)
{
  rig_xml_start_element (out, indent, "control");
  rig_xml_append_attribute (out, "id", control->id);
  rig_xml_append_attribute (out, "name", control->name ? control->name : control->id);
  rig_xml_append_attribute (out, "kind", rig_control_kind_to_nick (control->kind));
  rig_xml_append_number_attribute (out, "min", control->min_db);
  rig_xml_append_number_attribute (out, "max", control->max_db);
  rig_xml_append_number_attribute (out, "default", control->default_db);
  g_string_append (out, "/>\n");
}

void
rig_xml_write_model (GString *out, const RigDeviceModel *model, guint indent)
{
  double power = model->figures[RIG_FIGURE_POWER_SOURCE];
  gboolean has_description = model->description != NULL && *model->description != '\0';
  gboolean has_keywords = model->keywords != NULL && *model->keywords != '\0';

  rig_xml_start_element (out, indent, "model");
  rig_xml_append_attribute (out, "id", model->id);
  rig_xml_append_attribute (out, "name", model->name);
  rig_xml_append_attribute (out, "category", rig_category_to_nick (model->category));
  if (rig_figure_is_set (power) && power >= 0 && power < RIG_N_POWER_SOURCES)
    rig_xml_append_attribute (out, "power", rig_power_source_to_nick ((RigPowerSource) power));
  if (model->isolates_ground)
    rig_xml_append_attribute (out, "isolates-ground", "true");

  if (!has_description && !has_keywords && !model_has_figures (model) && model->n_jacks == 0
      && model->n_routes == 0 && model->n_controls == 0)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, ">\n");

  rig_xml_append_text_element (out, indent + 2, "description", model->description);
  rig_xml_append_text_element (out, indent + 2, "keywords", model->keywords);
  if (model_has_figures (model))
    {
      rig_xml_start_element (out, indent + 2, "figures");
      for (guint f = 0; f < RIG_N_FIGURES; f++)
        if (f != RIG_FIGURE_POWER_SOURCE && rig_figure_is_set (model->figures[f]))
          rig_xml_append_number_attribute (out, rig_figure_to_nick (f), model->figures[f]);
      g_string_append (out, "/>\n");
    }
  for (guint i = 0; i < model->n_jacks; i++)
    write_jack (out, &model->jacks[i], indent + 2);
  for (guint i = 0; i < model->n_controls; i++)
    write_control (out, &model->controls[i], indent + 2);
  for (guint i = 0; i < model->n_routes; i++)
    {
      const RigRoute *route = &model->routes[i];

      rig_xml_start_element (out, indent + 2, "route");
      rig_xml_append_attribute (out, "from", route->from_jack);
      rig_xml_append_attribute (out, "to", route->to_jack);
      if (rig_figure_is_set (route->gain_db))
        rig_xml_append_number_attribute (out, "gain", route->gain_db);
      if (route->controls != NULL && route->controls[0] != NULL)
        {
          g_autofree char *ids = g_strjoinv (" ", route->controls);

          rig_xml_append_attribute (out, "controls", ids);
        }
      g_string_append (out, "/>\n");
    }
  rig_xml_end_element (out, indent, "model");
}
