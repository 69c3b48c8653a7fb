/* rig-safe-file.c: atomic writes through locked temporary files. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>

#include "rig-safe-file.h"

#define TEMP_SUFFIX ".rigwire-tmp"
#define RANDOM_LENGTH 6

struct _RigSafeFile
{
  char *target;    /* the file's path (through symbolic links) */
  char *temp_path; /* ".NAME.XXXXXX.rigwire-tmp" beside it */
  int fd;          /* the temporary file, locked */
  GOutputStream *stream;
};

static gboolean
set_errno_error (GError **error, int saved_errno)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
  return FALSE;
}

/* Whether @fd is still the file at @path: a cleaner may have removed a
 * temporary file between its creation and its lock. */
static gboolean
fd_is_path (int fd, const char *path)
{
  struct stat by_fd, by_path;

  return fstat (fd, &by_fd) == 0 && stat (path, &by_path) == 0 && by_fd.st_dev == by_path.st_dev
         && by_fd.st_ino == by_path.st_ino;
}

/* Creates and locks the temporary file for @target. */
static int
create_locked (const char *target, char **temp_path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *basename = g_path_get_basename (target);

  for (guint attempt = 0; attempt < 8; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.XXXXXX" TEMP_SUFFIX, basename);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      /* 0666 less the umask, as a new file would be. */
      int fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0666);

      if (fd < 0)
        {
          set_errno_error (error, errno);
          return -1;
        }
      if (flock (fd, LOCK_EX) == 0 && fd_is_path (fd, path))
        {
          *temp_path = g_steal_pointer (&path);
          return fd;
        }
      close (fd);
    }
  set_errno_error (error, EAGAIN);
  return -1;
}

RigSafeFile *
rig_safe_file_open (GFile *target, GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *resolved = NULL;
  struct stat st;
  RigSafeFile *self;
  char *temp_path = NULL;
  int fd;

  g_return_val_if_fail (G_IS_FILE (target), NULL);

  path = g_file_get_path (target);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not a local file");
      return NULL;
    }
  /* Write through a symbolic link to the file it points at, rather than
   * replacing the link with a file. */
  if (lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    resolved = realpath (path, NULL);
  if (resolved != NULL)
    {
      g_free (path);
      path = g_steal_pointer (&resolved);
    }
  if (stat (path, &st) == 0 && S_ISDIR (st.st_mode))
    {
      set_errno_error (error, EISDIR);
      return NULL;
    }

  fd = create_locked (path, &temp_path, error);
  if (fd < 0)
    return NULL;
  self = g_new0 (RigSafeFile, 1);
  self->target = g_steal_pointer (&path);
  self->temp_path = temp_path;
  self->fd = fd;
  self->stream = g_unix_output_stream_new (fd, FALSE);
  return self;
}

GOutputStream *
rig_safe_file_get_stream (RigSafeFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->stream;
}

static void
safe_file_free (RigSafeFile *self)
{
  g_clear_object (&self->stream);
  if (self->fd >= 0)
    close (self->fd); /* releases the lock */
  g_free (self->target);
  g_free (self->temp_path);
  g_free (self);
}

void
rig_safe_file_abort (RigSafeFile *self)
{
  g_return_if_fail (self != NULL);

  g_unlink (self->temp_path);
  safe_file_free (self);
}

/* The target's group (and owner, for root) and mode; best effort for the
 * owner, since an ordinary user can only give a file to their own groups. */
static gboolean
copy_target_permissions (RigSafeFile *self)
{
  struct stat st;

  if (stat (self->target, &st) != 0)
    return TRUE; /* a new file keeps 0666 less the umask */
  {
    G_GNUC_UNUSED int ignored = fchown (self->fd, st.st_uid, st.st_gid);
  }
  return fchmod (self->fd, st.st_mode & 07777) == 0;
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* Some file systems cannot sync a folder: not a failure of the write. */
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
}

gboolean
rig_safe_file_commit (RigSafeFile *self, GError **error)
{
  int saved_errno = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!g_output_stream_flush (self->stream, NULL, error))
    {
      rig_safe_file_abort (self);
      return FALSE;
    }
  if ((fsync (self->fd) != 0 && errno != EINVAL && errno != EROFS)
      || !copy_target_permissions (self))
    saved_errno = errno;
  /* Renamed while still locked: once it has the target's name it is no
   * longer a temporary file, and no cleaner may take it. */
  else if (g_rename (self->temp_path, self->target) != 0)
    saved_errno = errno;
  if (saved_errno != 0)
    {
      rig_safe_file_abort (self);
      return set_errno_error (error, saved_errno);
    }
  sync_folder (self->target);
  safe_file_free (self);
  return TRUE;
}

gboolean
rig_safe_file_write_bytes (GFile *file, GBytes *bytes, GError **error)
{
  RigSafeFile *self;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!g_file_is_native (file) || g_file_peek_path (file) == NULL)
    /* A remote location: GIO's replace, which also goes through a temporary
     * file where the backend can. */
    return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                                    error);
  self = rig_safe_file_open (file, error);
  if (self == NULL)
    return FALSE;
  if (!g_output_stream_write_all (self->stream, data, length, NULL, NULL, error))
    {
      rig_safe_file_abort (self);
      return FALSE;
    }
  return rig_safe_file_commit (self, error);
}

gboolean
rig_safe_file_is_temporary (const char *basename)
{
  gsize len, suffix = strlen (TEMP_SUFFIX);
  const char *random;

  g_return_val_if_fail (basename != NULL, FALSE);

  len = strlen (basename);
  /* "." + at least one character + "." + six + suffix */
  if (basename[0] != '.' || len < 1 + 1 + 1 + RANDOM_LENGTH + suffix
      || strcmp (basename + len - suffix, TEMP_SUFFIX) != 0)
    return FALSE;
  random = basename + len - suffix - RANDOM_LENGTH;
  if (random[-1] != '.')
    return FALSE;
  for (guint i = 0; i < RANDOM_LENGTH; i++)
    if (!g_ascii_isalnum (random[i]))
      return FALSE;
  return TRUE;
}

/* Removes @path if no writer holds it. */
static gboolean
remove_if_abandoned (const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  struct stat st;
  gboolean removed = FALSE;

  if (fd < 0)
    return FALSE;
  /* Only regular files, and only when the lock can be had: a live writer
   * holds it until its rename. */
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && flock (fd, LOCK_EX | LOCK_NB) == 0
      && fd_is_path (fd, path))
    removed = g_unlink (path) == 0;
  close (fd);
  return removed;
}

guint
rig_safe_file_clean_folder (GFile *folder)
{
  g_autoptr (GDir) listing = NULL;
  const char *path, *name;
  guint removed = 0;

  g_return_val_if_fail (G_IS_FILE (folder), 0);

  path = g_file_peek_path (folder);
  if (path == NULL || (listing = g_dir_open (path, 0, NULL)) == NULL)
    return 0;
  while ((name = g_dir_read_name (listing)) != NULL)
    if (rig_safe_file_is_temporary (name))
      {
        g_autofree char *file_path = g_build_filename (path, name, NULL);
        removed += remove_if_abandoned (file_path);
      }
  return removed;
}
