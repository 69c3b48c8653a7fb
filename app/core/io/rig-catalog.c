/* rig-catalog.c: the device catalog. */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-catalog.h"
#include "rig-error.h"
#include "rig-xml.h"

#define DEVICES_RESOURCE_PATH "/io/github/rigwire/Rigwire/devices/"

struct _RigCatalog
{
  GObject parent_instance;

  GPtrArray *models;   /* RigDeviceModel*, in load order */
  GHashTable *by_id;   /* id -> index + 1 into models (GUINT_TO_POINTER) */
  GPtrArray *problems; /* GError* for files that failed */

  /* The default catalog reads the built-in and the user's models at its
   * first use, not when it is made: a file that includes every model it uses
   * (as Rigwire saves them) is read without them, and `rigwire --check` of
   * such files does not wait for them (issue #13). Set before the catalog is
   * shared, only read after. */
  gboolean load_defaults;
  gsize defaults_once;
};

static void
ensure_defaults (RigCatalog *self);

G_DEFINE_FINAL_TYPE (RigCatalog, rig_catalog, G_TYPE_OBJECT)

static void
rig_catalog_finalize (GObject *object)
{
  RigCatalog *self = RIG_CATALOG (object);

  g_clear_pointer (&self->models, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (rig_catalog_parent_class)->finalize (object);
}

static void
rig_catalog_class_init (RigCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rig_catalog_finalize;
}

static void
rig_catalog_init (RigCatalog *self)
{
  self->models = g_ptr_array_new_with_free_func ((GDestroyNotify) rig_device_model_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
}

RigCatalog *
rig_catalog_new (void)
{
  return g_object_new (RIG_TYPE_CATALOG, NULL);
}

static void
add_model (RigCatalog *self, RigDeviceModel *model)
{
  gpointer slot;

  slot = g_hash_table_lookup (self->by_id, model->id);
  if (slot != NULL)
    {
      /* A later model with the same id replaces the earlier one in place. */
      guint index = GPOINTER_TO_UINT (slot) - 1;
      RigDeviceModel *old = g_ptr_array_index (self->models, index);

      g_ptr_array_index (self->models, index) = rig_device_model_ref (model);
      /* replace, not insert: the key must be the new model's id string. */
      g_hash_table_replace (self->by_id, model->id, slot);
      rig_device_model_unref (old);
      return;
    }

  g_ptr_array_add (self->models, rig_device_model_ref (model));
  g_hash_table_insert (self->by_id, model->id, GUINT_TO_POINTER (self->models->len));
}

void
rig_catalog_add (RigCatalog *self, RigDeviceModel *model)
{
  g_return_if_fail (RIG_IS_CATALOG (self));
  g_return_if_fail (model != NULL);

  ensure_defaults (self);
  add_model (self, model);
}

/* @trusted: the built-in catalog, compiled into the program and checked
 * against the schema by test-format-xml; every attribute is still checked
 * as it is read (rig_xml_read_model()). Any other file is untrusted. */
static gboolean
load_bytes (RigCatalog *self, GBytes *bytes, const char *display_name, gboolean trusted,
            GError **error)
{
  g_autoptr (GPtrArray) models = NULL;
  g_autoptr (GHashTable) ids = NULL;
  xmlDoc *doc;
  xmlNode *root;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  gboolean ok = FALSE;

  g_return_val_if_fail (RIG_IS_CATALOG (self), FALSE);

  doc = rig_xml_parse_untrusted (data, len, display_name, error);
  if (doc == NULL)
    return FALSE;

  root = xmlDocGetRootElement (doc);
  if (root == NULL || root->ns == NULL || g_strcmp0 ((const char *) root->name, "catalog") != 0
      || g_strcmp0 ((const char *) root->ns->href, RIG_XML_NS) != 0)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_A_RIG,
                   _ ("%s is not a Rigwire device catalog: it should hold a <catalog> element "
                      "in the Rigwire namespace."),
                   display_name);
      goto out;
    }

  if (!trusted && !rig_xml_validate_schema (doc, display_name, error))
    goto out;

  /* Read every model before adding any, so a broken file adds nothing. */
  models = g_ptr_array_new_with_free_func ((GDestroyNotify) rig_device_model_unref);
  ids = g_hash_table_new (g_str_hash, g_str_equal); /* borrowed from the models */
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      RigDeviceModel *model;

      if (node->type != XML_ELEMENT_NODE || g_strcmp0 ((const char *) node->name, "model") != 0)
        continue;
      model = rig_xml_read_model (node, display_name, error);
      if (model == NULL)
        goto out;
      if (g_hash_table_contains (ids, model->id))
        {
          g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                       _ ("%s:%ld: the model id “%s” is used twice in this file."), display_name,
                       xmlGetLineNo (node), model->id);
          rig_device_model_unref (model);
          goto out;
        }
      g_hash_table_add (ids, model->id);
      g_ptr_array_add (models, model);
    }

  for (guint i = 0; i < models->len; i++)
    add_model (self, g_ptr_array_index (models, i));
  ok = TRUE;

out:
  xmlFreeDoc (doc);
  return ok;
}

gboolean
rig_catalog_load_bytes (RigCatalog *self, GBytes *bytes, const char *display_name, GError **error)
{
  g_return_val_if_fail (RIG_IS_CATALOG (self), FALSE);

  ensure_defaults (self);
  return load_bytes (self, bytes, display_name, FALSE, error);
}

static gboolean
load_file (RigCatalog *self, GFile *file, GError **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr (GError) local_error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_IO, _ ("Could not read %s: %s"), name,
                   local_error->message);
      return FALSE;
    }
  /* A pipe, a device or a socket would block the read, or never end. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_IO, _ ("%s is not a regular file."), name);
      return FALSE;
    }
  if (g_file_info_get_size (info) > RIG_XML_MAX_BYTES)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_TOO_LARGE,
                   _ ("%s is too large for a device catalog (over %d MiB)."), name,
                   RIG_XML_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_IO, _ ("Could not read %s: %s"), name,
                   local_error->message);
      return FALSE;
    }
  return load_bytes (self, bytes, name, FALSE, error);
}

gboolean
rig_catalog_load_file (RigCatalog *self, GFile *file, GError **error)
{
  g_return_val_if_fail (RIG_IS_CATALOG (self), FALSE);

  ensure_defaults (self);
  return load_file (self, file, error);
}

static gboolean
load_builtin (RigCatalog *self, GError **error)
{
  g_auto (GStrv) names = NULL;
  g_autoptr (GError) local_error = NULL;

  names = g_resources_enumerate_children (DEVICES_RESOURCE_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                          &local_error);
  if (names == NULL)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_NOT_FOUND,
                   _ ("The built-in device catalog is missing: %s"), local_error->message);
      return FALSE;
    }

  g_qsort_with_data (names, g_strv_length (names), sizeof (char *), (GCompareDataFunc) g_strcmp0,
                     NULL);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (DEVICES_RESOURCE_PATH, names[i], NULL);
      g_autoptr (GBytes) bytes = NULL;

      if (!g_str_has_suffix (names[i], ".xml"))
        continue;
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      /* Checked against the schema when it is built, not each time it starts. */
      if (bytes == NULL || !load_bytes (self, bytes, names[i], TRUE, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
rig_catalog_load_builtin (RigCatalog *self, GError **error)
{
  g_return_val_if_fail (RIG_IS_CATALOG (self), FALSE);

  ensure_defaults (self);
  return load_builtin (self, error);
}

static int
compare_file_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (g_file_info_get_name (*(GFileInfo **) a),
                    g_file_info_get_name (*(GFileInfo **) b));
}

static guint
load_directory (RigCatalog *self, GFile *dir)
{
  g_autoptr (GFileEnumerator) enumerator = NULL;
  g_autoptr (GPtrArray) infos = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  guint failures = 0;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (
      dir, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
      G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (enumerator == NULL)
    {
      /* No folder of user models is the ordinary case. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_autofree char *path = g_file_get_path (dir);
          g_ptr_array_add (self->problems, g_error_new (RIG_ERROR, RIG_ERROR_IO,
                                                        _ ("Could not read the folder %s: %s"),
                                                        path, error->message));
          failures++;
        }
      return failures;
    }

  while ((info = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR
          && g_str_has_suffix (g_file_info_get_name (info), ".xml"))
        g_ptr_array_add (infos, info);
      else
        g_object_unref (info);
    }
  g_ptr_array_sort (infos, compare_file_names);

  for (guint i = 0; i < infos->len; i++)
    {
      g_autoptr (GFile) file = g_file_get_child (dir, g_file_info_get_name (infos->pdata[i]));
      GError *file_error = NULL;

      if (!load_file (self, file, &file_error))
        {
          g_message ("Skipping device file: %s", file_error->message);
          g_ptr_array_add (self->problems, file_error);
          failures++;
        }
    }
  return failures;
}

guint
rig_catalog_load_directory (RigCatalog *self, GFile *dir)
{
  g_return_val_if_fail (RIG_IS_CATALOG (self), 0);

  ensure_defaults (self);
  return load_directory (self, dir);
}

GPtrArray *
rig_catalog_get_problems (RigCatalog *self)
{
  g_return_val_if_fail (RIG_IS_CATALOG (self), NULL);

  ensure_defaults (self);
  return self->problems;
}

/* The default catalog's models, once, by whichever thread uses it first
 * (the others wait for them). */
static void
ensure_defaults (RigCatalog *self)
{
  if (!self->load_defaults || !g_once_init_enter (&self->defaults_once))
    return;

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GFile) user_dir
        = g_file_new_build_filename (g_get_user_data_dir (), "rigwire", "devices", NULL);

    /* The built-in catalog ships with the program: a failure is a bug,
     * reported loudly by the tests, but never fatal here. */
    if (!load_builtin (self, &error))
      g_critical ("Built-in device catalog: %s", error->message);
    load_directory (self, user_dir);
  }
  g_once_init_leave (&self->defaults_once, 1);
}

RigCatalog *
rig_catalog_get_default (void)
{
  static gsize catalog_once;
  static RigCatalog *catalog;

  if (g_once_init_enter (&catalog_once))
    {
      RigCatalog *new_catalog = rig_catalog_new ();

      /* Its models come at its first use (ensure_defaults()). */
      new_catalog->load_defaults = TRUE;
      catalog = new_catalog;
      g_once_init_leave (&catalog_once, 1);
    }
  return catalog;
}

RigDeviceModel *
rig_catalog_lookup (RigCatalog *self, const char *id)
{
  gpointer slot;

  g_return_val_if_fail (RIG_IS_CATALOG (self), NULL);
  ensure_defaults (self);
  slot = id ? g_hash_table_lookup (self->by_id, id) : NULL;
  return slot ? g_ptr_array_index (self->models, GPOINTER_TO_UINT (slot) - 1) : NULL;
}

guint
rig_catalog_get_n_models (RigCatalog *self)
{
  g_return_val_if_fail (RIG_IS_CATALOG (self), 0);
  ensure_defaults (self);
  return self->models->len;
}

RigDeviceModel *
rig_catalog_get_model (RigCatalog *self, guint index)
{
  g_return_val_if_fail (RIG_IS_CATALOG (self), NULL);
  ensure_defaults (self);
  g_return_val_if_fail (index < self->models->len, NULL);
  return g_ptr_array_index (self->models, index);
}
