/* rig-file-state.c: size, modification time and content hash of a file. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rig-error.h"
#include "rig-file-state.h"

struct _RigFileState
{
  gboolean exists;
  guint64 size;
  gint64 mtime_usec;
  char *sha256; /* hex; NULL when the file does not exist */
};

#define QUERY_ATTRIBUTES                                                                           \
  G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE                                \
                                 "," G_FILE_ATTRIBUTE_TIME_MODIFIED                                \
                                 "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC

RigFileState *
rig_file_state_new_missing (void)
{
  return g_new0 (RigFileState, 1);
}

RigFileState *
rig_file_state_new (GBytes *contents, GFileInfo *info)
{
  RigFileState *self;
  gsize length;
  const guchar *data;

  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE_INFO (info), NULL);

  data = g_bytes_get_data (contents, &length);
  self = g_new0 (RigFileState, 1);
  self->exists = TRUE;
  self->size = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_STANDARD_SIZE);
  self->mtime_usec
      = (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED)
            * G_USEC_PER_SEC
        + g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
  self->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
  return self;
}

RigFileState *
rig_file_state_query (GFile *file, GError **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GBytes) contents = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, QUERY_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return rig_file_state_new_missing ();
  name = g_file_get_parse_name (file);
  if (info == NULL)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_IO, _ ("Could not read %s: %s"), name,
                   local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_IO, _ ("%s is not a regular file."), name);
      return NULL;
    }
  contents = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (contents == NULL)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_IO, _ ("Could not read %s: %s"), name,
                   local_error->message);
      return NULL;
    }
  return rig_file_state_new (contents, info);
}

RigFileState *
rig_file_state_copy (const RigFileState *self)
{
  RigFileState *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->sha256 = g_strdup (self->sha256);
  return copy;
}

void
rig_file_state_free (RigFileState *self)
{
  if (self == NULL)
    return;
  g_free (self->sha256);
  g_free (self);
}

gboolean
rig_file_state_equal (const RigFileState *a, const RigFileState *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (!a->exists || !b->exists)
    return a->exists == b->exists;
  return a->size == b->size && a->mtime_usec == b->mtime_usec
         && g_strcmp0 (a->sha256, b->sha256) == 0;
}

gboolean
rig_file_state_exists (const RigFileState *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->exists;
}

char *
rig_file_state_to_string (const RigFileState *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (!self->exists)
    return g_strdup ("missing");
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GINT64_FORMAT ":%s", self->size,
                          self->mtime_usec, self->sha256);
}

static gboolean
is_sha256_hex (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

RigFileState *
rig_file_state_from_string (const char *text)
{
  g_auto (GStrv) parts = NULL;
  guint64 size, mtime;
  RigFileState *self;

  if (text == NULL)
    return NULL;
  if (g_str_equal (text, "missing"))
    return rig_file_state_new_missing ();
  parts = g_strsplit (text, ":", -1);
  if (g_strv_length (parts) != 3
      || !g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXUINT64, &size, NULL)
      || !g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXINT64, &mtime, NULL)
      || !is_sha256_hex (parts[2]))
    return NULL;
  self = g_new0 (RigFileState, 1);
  self->exists = TRUE;
  self->size = size;
  self->mtime_usec = (gint64) mtime;
  self->sha256 = g_strdup (parts[2]);
  return self;
}
