/* rig-format-save.c: saving .rigwire files: the document as deterministic
 * XML, written atomically (rig-safe-file.h). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rig-error.h"
#include "rig-format-private.h"
#include "rig-safe-file.h"
#include "rig-xml.h"

static int
compare_model_ids (gconstpointer a, gconstpointer b)
{
  const RigDeviceModel *model_a = *(RigDeviceModel *const *) a;
  const RigDeviceModel *model_b = *(RigDeviceModel *const *) b;

  return g_strcmp0 (model_a->id, model_b->id);
}

static void
write_models (GString *out, RigDocument *document)
{
  g_autoptr (GPtrArray) models = rig_document_list_models (document);
  const char *last_id = NULL;

  /* Sorted by id here too, and one model per id: two different models with
   * one id (a catalog model updated since the file was loaded) would make a
   * file that does not load. The first in the sorted order wins. */
  g_ptr_array_sort (models, compare_model_ids);

  if (models->len == 0)
    {
      g_string_append (out, "  <models/>\n");
      return;
    }
  g_string_append (out, "  <models>\n");
  for (guint i = 0; i < models->len; i++)
    {
      const RigDeviceModel *model = g_ptr_array_index (models, i);

      if (g_strcmp0 (model->id, last_id) == 0)
        continue;
      last_id = model->id;
      rig_xml_write_model (out, model, 4);
    }
  g_string_append (out, "  </models>\n");
}

static void
write_device (GString *out, RigDocument *document, const RigDevice *device)
{
  gboolean has_overrides = FALSE;

  rig_xml_start_element (out, 4, "device");
  rig_xml_append_attribute (out, "id", device->id);
  rig_xml_append_attribute (out, "model", device->model->id);
  rig_xml_append_attribute (out, "label", device->label ? device->label : "");
  rig_xml_append_number_attribute (out, "x", device->x);
  rig_xml_append_number_attribute (out, "y", device->y);
  _rig_format_write_lock (out, document, device->id, NULL);

  for (guint f = 0; f < RIG_N_FIGURES; f++)
    {
      double value = device->overrides[f];

      if (!rig_figure_is_set (value))
        continue;
      if (f == RIG_FIGURE_POWER_SOURCE && !(value >= 0 && value < RIG_N_POWER_SOURCES))
        continue;
      if (!has_overrides)
        g_string_append (out, ">\n");
      has_overrides = TRUE;
      rig_xml_start_element (out, 6, "override");
      rig_xml_append_attribute (out, "figure", rig_figure_to_nick (f));
      if (f == RIG_FIGURE_POWER_SOURCE)
        rig_xml_append_attribute (out, "value", rig_power_source_to_nick ((RigPowerSource) value));
      else
        rig_xml_append_number_attribute (out, "value", value);
      g_string_append (out, "/>\n");
    }
  for (guint i = 0; device->settings != NULL && i < device->model->n_controls; i++)
    {
      if (!rig_figure_is_set (device->settings[i]))
        continue;
      if (!has_overrides)
        g_string_append (out, ">\n");
      has_overrides = TRUE;
      rig_xml_start_element (out, 6, "setting");
      rig_xml_append_attribute (out, "control", device->model->controls[i].id);
      rig_xml_append_number_attribute (out, "value", device->settings[i]);
      g_string_append (out, "/>\n");
    }

  if (has_overrides)
    {
      rig_xml_end_element (out, 4, "device");
    }
  else
    {
      g_string_append (out, "/>\n");
    }
}

static void
write_cable_end (GString *out, const RigCableEnd *end, RigEnd side)
{
  rig_xml_start_element (out, 6, "end");
  rig_xml_append_attribute (out, "side", side == RIG_END_FROM ? "from" : "to");
  rig_xml_append_attribute (out, "connector", rig_connector_to_nick (end->connector));
  rig_xml_append_nick_attribute (out, "size", rig_phone_size_to_nick (end->size));
  rig_xml_append_nick_attribute (out, "poles", rig_poles_to_nick (end->poles));
  rig_xml_append_attribute (out, "gender", rig_gender_to_nick (end->gender));
  rig_xml_append_nick_attribute (out, "pins", rig_pins_to_nick (end->pins));
  if (end->plugs == 2)
    rig_xml_append_attribute (out, "plugs", "2");
  g_string_append (out, "/>\n");
}

static void
write_cable (GString *out, RigDocument *document, const RigCable *cable)
{
  const RigCableSpec *spec = &cable->spec;
  gboolean has_ends = spec->kind == RIG_CABLE_KIND_CABLE;

  rig_xml_start_element (out, 4, "cable");
  rig_xml_append_attribute (out, "id", cable->id);
  rig_xml_append_attribute (out, "number", cable->number ? cable->number : "");
  rig_xml_append_attribute (out, "kind", rig_cable_kind_to_nick (spec->kind));
  rig_xml_append_attribute (out, "from-device", cable->device[RIG_END_FROM]);
  rig_xml_append_attribute (out, "from-jack", cable->jack[RIG_END_FROM]);
  rig_xml_append_attribute (out, "to-device", cable->device[RIG_END_TO]);
  rig_xml_append_attribute (out, "to-jack", cable->jack[RIG_END_TO]);
  if (spec->conductors > 0)
    rig_xml_append_count_attribute (out, "conductors", spec->conductors);
  if (rig_figure_is_set (spec->length_m))
    rig_xml_append_number_attribute (out, "length", spec->length_m);
  if (rig_figure_is_set (spec->gauge_awg))
    rig_xml_append_number_attribute (out, "gauge", spec->gauge_awg);
  _rig_format_write_lock (out, document, NULL, cable->id);

  if (!has_ends && spec->n_adapters == 0)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, ">\n");
  if (has_ends)
    {
      write_cable_end (out, &spec->ends[RIG_END_FROM], RIG_END_FROM);
      write_cable_end (out, &spec->ends[RIG_END_TO], RIG_END_TO);
    }
  for (guint i = 0; i < spec->n_adapters; i++)
    {
      rig_xml_start_element (out, 6, "adapter");
      rig_xml_append_attribute (out, "model", spec->adapters[i].model->id);
      rig_xml_append_attribute (out, "end", spec->adapters[i].end == RIG_END_FROM ? "from" : "to");
      g_string_append (out, "/>\n");
    }
  rig_xml_end_element (out, 4, "cable");
}

GBytes *
rig_format_save_bytes (RigDocument *document)
{
  GString *out;
  guint n_devices, n_cables;

  g_return_val_if_fail (RIG_IS_DOCUMENT (document), NULL);

  out = g_string_sized_new (4096);
  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (out, "<rig xmlns=\"%s\" format-version=\"%d\"", RIG_XML_NS,
                          RIG_FORMAT_VERSION);
  if (rig_figure_is_set (rig_document_get_listening_distance (document)))
    rig_xml_append_number_attribute (out, "listening-distance",
                                     rig_document_get_listening_distance (document));
  g_string_append (out, ">\n");
  rig_xml_append_text_element (out, 2, "title", rig_document_get_title (document));
  rig_xml_append_text_element (out, 2, "author", rig_document_get_author (document));
  rig_xml_append_text_element (out, 2, "revision", rig_document_get_revision (document));
  rig_xml_append_text_element (out, 2, "notes", rig_document_get_notes (document));

  write_models (out, document);

  n_devices = rig_document_get_n_devices (document);
  if (n_devices == 0)
    g_string_append (out, "  <devices/>\n");
  else
    {
      g_string_append (out, "  <devices>\n");
      for (guint i = 0; i < n_devices; i++)
        write_device (out, document, rig_document_get_device (document, i));
      g_string_append (out, "  </devices>\n");
    }

  n_cables = rig_document_get_n_cables (document);
  if (n_cables == 0)
    g_string_append (out, "  <cables/>\n");
  else
    {
      g_string_append (out, "  <cables>\n");
      for (guint i = 0; i < n_cables; i++)
        write_cable (out, document, rig_document_get_cable (document, i));
      g_string_append (out, "  </cables>\n");
    }

  _rig_format_write_exercise (out, document);
  g_string_append (out, "</rig>\n");
  return g_string_free_to_bytes (out);
}

gboolean
rig_format_save_file (RigDocument *document, GFile *file, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (RIG_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = _rig_format_file_display_name (file);
  bytes = rig_format_save_bytes (document);
  /* Through a locked temporary file renamed over the target: a killed save
   * leaves the old file whole (rig-safe-file.h). */
  if (!rig_safe_file_write_bytes (file, bytes, &local_error))
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_IO, _ ("Could not save %s: %s."), name,
                   local_error->message);
      return FALSE;
    }

  rig_document_set_file (document, file);
  return TRUE;
}
