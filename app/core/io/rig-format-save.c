/* rig-format-save.c: saving .rigwire files: the document as deterministic
 * XML, written atomically; and cleaning up after a save that was killed. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rig-error.h"
#include "rig-format-private.h"
#include "rig-xml.h"

/* ".NAME.rigwire-XXXXXX": NAME is the target's name without ".rigwire". */
#define TEMP_SUFFIX ".rigwire-"
#define TEMP_RANDOM_LENGTH 6
#define STALE_SECONDS 60

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
write_device (GString *out, const RigDevice *device)
{
  gboolean has_overrides = FALSE;

  rig_xml_start_element (out, 4, "device");
  rig_xml_append_attribute (out, "id", device->id);
  rig_xml_append_attribute (out, "model", device->model->id);
  rig_xml_append_attribute (out, "label", device->label ? device->label : "");
  rig_xml_append_number_attribute (out, "x", device->x);
  rig_xml_append_number_attribute (out, "y", device->y);

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
  if (end->plugs == 2)
    rig_xml_append_attribute (out, "plugs", "2");
  g_string_append (out, "/>\n");
}

static void
write_cable (GString *out, const RigCable *cable)
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
  g_string_append_printf (out, "<rig xmlns=\"%s\" format-version=\"%d\">\n", RIG_XML_NS,
                          RIG_FORMAT_VERSION);
  rig_xml_append_text_element (out, 2, "title", rig_document_get_title (document));
  rig_xml_append_text_element (out, 2, "author", rig_document_get_author (document));
  rig_xml_append_text_element (out, 2, "notes", rig_document_get_notes (document));

  write_models (out, document);

  n_devices = rig_document_get_n_devices (document);
  if (n_devices == 0)
    g_string_append (out, "  <devices/>\n");
  else
    {
      g_string_append (out, "  <devices>\n");
      for (guint i = 0; i < n_devices; i++)
        write_device (out, rig_document_get_device (document, i));
      g_string_append (out, "  </devices>\n");
    }

  n_cables = rig_document_get_n_cables (document);
  if (n_cables == 0)
    g_string_append (out, "  <cables/>\n");
  else
    {
      g_string_append (out, "  <cables>\n");
      for (guint i = 0; i < n_cables; i++)
        write_cable (out, rig_document_get_cable (document, i));
      g_string_append (out, "  </cables>\n");
    }

  g_string_append (out, "</rig>\n");
  return g_string_free_to_bytes (out);
}

static void
set_io_error (GError **error, const char *display_name, int saved_errno)
{
  g_set_error (error, RIG_ERROR, RIG_ERROR_IO, _ ("Could not save %s: %s."), display_name,
               g_strerror (saved_errno));
}

static gboolean
write_all (int fd, const char *data, gsize len)
{
  while (len > 0)
    {
      ssize_t written = write (fd, data, len);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += written;
      len -= (gsize) written;
    }
  return TRUE;
}

/* The temporary file's name for @basename: ".living.rigwire-XXXXXX" for
 * "living.rigwire", ".notes.xml.rigwire-XXXXXX" for "notes.xml". */
static char *
temp_template (const char *dir, const char *basename)
{
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  if (g_str_has_suffix (basename, ".rigwire") && strlen (basename) > strlen (".rigwire"))
    stem = g_strndup (basename, strlen (basename) - strlen (".rigwire"));
  else
    stem = g_strdup (basename);
  name = g_strdup_printf (".%s" TEMP_SUFFIX "XXXXXX", stem);
  return g_build_filename (dir, name, NULL);
}

static gboolean
save_local (const char *target, GBytes *bytes, const char *display_name, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *basename = g_path_get_basename (target);
  g_autofree char *temp_path = temp_template (dir, basename);
  struct stat target_stat;
  gboolean target_exists;
  const char *data;
  gsize len;
  int fd, dir_fd;

  target_exists = stat (target, &target_stat) == 0;
  if (target_exists && S_ISDIR (target_stat.st_mode))
    {
      set_io_error (error, display_name, EISDIR);
      return FALSE;
    }

  /* Created 0666 less the umask, as a new file would be. */
  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_io_error (error, display_name, errno);
      return FALSE;
    }

  /* Keep the replaced file's group (and owner, for root); best effort: an
   * ordinary user can only give a file to one of their own groups. */
  if (target_exists)
    {
      G_GNUC_UNUSED int ignored = fchown (fd, target_stat.st_uid, target_stat.st_gid);
    }

  data = g_bytes_get_data (bytes, &len);
  if (!write_all (fd, data, len) || fsync (fd) != 0
      || (target_exists && fchmod (fd, target_stat.st_mode & 07777) != 0))
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (temp_path);
      set_io_error (error, display_name, saved_errno);
      return FALSE;
    }
  if (close (fd) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      set_io_error (error, display_name, saved_errno);
      return FALSE;
    }
  if (g_rename (temp_path, target) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      set_io_error (error, display_name, saved_errno);
      return FALSE;
    }

  /* Make the rename itself durable; some file systems cannot sync a folder,
   * which is not a failure of the save. */
  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}

gboolean
rig_format_save_file (RigDocument *document, GFile *file, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (RIG_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = _rig_format_file_display_name (file);
  bytes = rig_format_save_bytes (document);
  path = g_file_get_path (file);

  if (path != NULL)
    {
      g_autofree char *target = NULL;
      struct stat link_stat;

      /* Save through a symbolic link to the file it points at, rather than
       * replacing the link with a file. */
      if (lstat (path, &link_stat) == 0 && S_ISLNK (link_stat.st_mode))
        target = realpath (path, NULL);
      if (!save_local (target != NULL ? target : path, bytes, name, error))
        return FALSE;
    }
  else
    {
      /* Not a local file (a remote location without a FUSE path): GIO's own
       * replace, which also writes a temporary file and renames it. */
      g_autoptr (GError) local_error = NULL;
      gsize len;
      const char *data = g_bytes_get_data (bytes, &len);

      if (!g_file_replace_contents (file, data, len, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                                    &local_error))
        {
          g_set_error (error, RIG_ERROR, RIG_ERROR_IO, _ ("Could not save %s: %s"), name,
                       local_error->message);
          return FALSE;
        }
    }

  rig_document_set_file (document, file);
  return TRUE;
}

/* TRUE for ".NAME.rigwire-XXXXXX" with six letters or digits. */
static gboolean
is_temp_name (const char *name)
{
  gsize len = strlen (name);
  gsize suffix = strlen (TEMP_SUFFIX) + TEMP_RANDOM_LENGTH;

  if (name[0] != '.' || len < suffix + 2)
    return FALSE;
  if (strncmp (name + len - suffix, TEMP_SUFFIX, strlen (TEMP_SUFFIX)) != 0)
    return FALSE;
  for (gsize i = len - TEMP_RANDOM_LENGTH; i < len; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;
  return TRUE;
}

guint
rig_format_clean_stale_temporaries (GFile *dir)
{
  g_autofree char *path = NULL;
  g_autoptr (GDir) listing = NULL;
  const char *name;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint removed = 0;

  g_return_val_if_fail (G_IS_FILE (dir), 0);

  path = g_file_get_path (dir);
  if (path == NULL)
    return 0;
  listing = g_dir_open (path, 0, NULL);
  if (listing == NULL)
    return 0;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file_path = NULL;
      struct stat file_stat;

      if (!is_temp_name (name))
        continue;
      file_path = g_build_filename (path, name, NULL);
      if (lstat (file_path, &file_stat) != 0 || !S_ISREG (file_stat.st_mode))
        continue;
      if (now - (gint64) file_stat.st_mtime <= STALE_SECONDS)
        continue;
      if (g_unlink (file_path) == 0)
        removed++;
    }
  return removed;
}
