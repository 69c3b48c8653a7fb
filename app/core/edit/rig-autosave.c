/* rig-autosave.c: drafts and crash recovery. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rig-autosave.h"
#include "rig-catalog.h"
#include "rig-format.h"
#include "rig-history.h"
#include "rig-safe-file.h"

#define DRAFT_GROUP "Draft"
/* The keys of DRAFT.draft. */
#define KEY_FILE "File"            /* the rig's file (a URI); absent for an unsaved rig */
#define KEY_TITLE "Title"          /* the rig's title */
#define KEY_WRITTEN "Written"      /* when the draft was written (ISO 8601, UTC) */
#define KEY_FILE_STATE "FileState" /* the file's state at load or last save (rig-file-state.h) */

struct _RigAutosave
{
  GObject parent_instance;

  RigHistory *history; /* says whether the document is modified */
  /* Weak: the autosave lives as long as its window. A GWeakRef, as the
   * window lets go of a rig on another thread (rig-drop.h). */
  GWeakRef document;
  GFile *folder;
  guint delay_seconds;
  guint timeout_id;
  char *name;               /* "draft-<random>", the basename of its files */
  int lock_fd;              /* DRAFT.lock, held while a draft is on disk; -1 */
  gboolean written;         /* a complete draft is on disk */
  RigFileState *file_state; /* the file's state at load or last save; NULL */

  /* A draft is written to disk on a worker thread (#13: syncing a big rig
   * to disk must not stall the editor); the rig is serialized before, on
   * the main thread, which alone touches the document. */
  gboolean writing;      /* a worker is writing a draft */
  gboolean write_again;  /* the rig changed meanwhile: write once more */
  gboolean discard_soon; /* discarded meanwhile: delete it when written */
  GMutex thread_lock;    /* guards thread_busy */
  GCond thread_done;
  gboolean thread_busy; /* the worker has not finished with the files */
};

G_DEFINE_FINAL_TYPE (RigAutosave, rig_autosave, G_TYPE_OBJECT)

static GFile *
child_file (GFile *folder, const char *name, const char *suffix)
{
  g_autofree char *basename = g_strconcat (name, suffix, NULL);
  return g_file_get_child (folder, basename);
}

static GFile *
draft_file (RigAutosave *self, const char *suffix)
{
  return child_file (self->folder, self->name, suffix);
}

/* Whether the file open at @fd is still in a folder: its owner may have
 * deleted the lock file between our open and our lock. */
static gboolean
still_linked (int fd)
{
  struct stat st;

  return fstat (fd, &st) == 0 && st.st_nlink > 0;
}

/* Opens (creating it) and locks the lock file of draft @name, without
 * waiting. flock() locks belong to an open file description, so this fails
 * while any other open of the file holds it, in another process or in this
 * one. It fails too when the file locked is no longer there: the owner
 * deleted its draft meanwhile. Returns the locked descriptor, or -1. */
static int
take_lock (GFile *folder, const char *name)
{
  g_autoptr (GFile) lock = child_file (folder, name, ".lock");
  const char *path = g_file_peek_path (lock);
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    return -1;
  if (flock (fd, LOCK_EX | LOCK_NB) != 0 || !still_linked (fd))
    {
      close (fd);
      return -1;
    }
  return fd;
}

/* Deletes draft @name's files, the key file first (then it is no draft),
 * and its lock file last, while still holding @lock_fd; then lets it go. */
static void
delete_draft_files (GFile *folder, const char *name, int lock_fd)
{
  static const char *const suffixes[] = { ".draft", ".rigwire", ".lock" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autoptr (GFile) file = child_file (folder, name, suffixes[i]);
      g_unlink (g_file_peek_path (file));
    }
  if (lock_fd >= 0)
    close (lock_fd);
}

static void
delete_files (RigAutosave *self)
{
  delete_draft_files (self->folder, self->name, self->lock_fd);
  self->lock_fd = -1;
  self->written = FALSE;
}

static gboolean
has_document (RigAutosave *self)
{
  g_autoptr (RigDocument) document = g_weak_ref_get (&self->document);

  return document != NULL;
}

/* The key file that makes DRAFT.rigwire a draft. */
static GBytes *
draft_key_file (RigAutosave *self, RigDocument *document)
{
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format_iso8601 (now);
  GFile *original = rig_document_get_file (document);
  char *data;
  gsize length;

  if (original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (original);
      g_key_file_set_string (key_file, DRAFT_GROUP, KEY_FILE, uri);
    }
  if (original != NULL && self->file_state != NULL)
    {
      g_autofree char *state = rig_file_state_to_string (self->file_state);
      g_key_file_set_string (key_file, DRAFT_GROUP, KEY_FILE_STATE, state);
    }
  g_key_file_set_string (key_file, DRAFT_GROUP, KEY_TITLE, rig_document_get_title (document));
  g_key_file_set_string (key_file, DRAFT_GROUP, KEY_WRITTEN, now_text);
  data = g_key_file_to_data (key_file, &length, NULL);
  return g_bytes_new_take (data, length);
}

/* A draft on its way to disk: its two files and what they will hold. */
typedef struct
{
  GFile *rig, *info;
  GBytes *rig_bytes, *info_bytes;
} DraftWrite;

static void
draft_write_free (gpointer data)
{
  DraftWrite *w = data;

  g_clear_object (&w->rig);
  g_clear_object (&w->info);
  g_clear_pointer (&w->rig_bytes, g_bytes_unref);
  g_clear_pointer (&w->info_bytes, g_bytes_unref);
  g_free (w);
}

/* The rig first, then the key file that makes it a draft: a crash between
 * the two leaves a rig file no one lists, never a key file with no rig. */
static gboolean
draft_write_run (DraftWrite *w, GError **error)
{
  return rig_safe_file_write_bytes (w->rig, w->rig_bytes, error)
         && rig_safe_file_write_bytes (w->info, w->info_bytes, error);
}

/* Makes the folder, takes the lock, and serializes the rig and its key
 * file: what writing a draft needs from the main thread. */
static DraftWrite *
draft_write_prepare (RigAutosave *self, GError **error)
{
  g_autoptr (RigDocument) document = g_weak_ref_get (&self->document);
  DraftWrite *w;

  if (document == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, "The document is gone.");
      return NULL;
    }
  if (g_mkdir_with_parents (g_file_peek_path (self->folder), 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _ ("Could not create the drafts folder: %s"), g_strerror (errno));
      return NULL;
    }

  /* The lock before anything: a draft is never there unowned while its
   * owner lives. */
  if (self->lock_fd < 0)
    self->lock_fd = take_lock (self->folder, self->name);
  if (self->lock_fd < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY, _ ("Could not lock the draft %s"),
                   self->name);
      return NULL;
    }

  w = g_new0 (DraftWrite, 1);
  w->rig = draft_file (self, ".rigwire");
  w->info = draft_file (self, ".draft");
  w->rig_bytes = rig_format_save_bytes (document);
  w->info_bytes = draft_key_file (self, document);
  return w;
}

/* Waits until no worker is writing this autosave's files. */
static void
wait_for_worker (RigAutosave *self)
{
  g_mutex_lock (&self->thread_lock);
  while (self->thread_busy)
    g_cond_wait (&self->thread_done, &self->thread_lock);
  g_mutex_unlock (&self->thread_lock);
}

/* Writes a draft now, on this thread. */
static gboolean
write_draft (RigAutosave *self, GError **error)
{
  DraftWrite *w;
  gboolean ok;

  wait_for_worker (self);
  w = draft_write_prepare (self, error);
  if (w == NULL)
    return FALSE;
  ok = draft_write_run (w, error);
  draft_write_free (w);
  self->written |= ok;
  return ok;
}

static void
write_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  RigAutosave *self = source;
  GError *error = NULL;
  gboolean ok = draft_write_run (data, &error);

  g_mutex_lock (&self->thread_lock);
  self->thread_busy = FALSE;
  g_cond_broadcast (&self->thread_done);
  g_mutex_unlock (&self->thread_lock);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
start_writing (RigAutosave *self);

static void
write_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RigAutosave *self = RIG_AUTOSAVE (source);
  g_autoptr (GError) error = NULL;

  self->writing = FALSE;
  if (g_task_propagate_boolean (G_TASK (result), &error))
    self->written = TRUE;
  else
    g_message ("Could not write a draft of the rig: %s", error->message);
  if (self->history == NULL)
    return; /* its window went: the draft stays, as at finalize */
  /* Discarded, or saved, while it was written: it goes now. */
  if (self->discard_soon || !rig_history_is_modified (self->history))
    {
      self->discard_soon = self->write_again = FALSE;
      delete_files (self);
      return;
    }
  if (self->write_again)
    {
      self->write_again = FALSE;
      start_writing (self);
    }
}

/* Serializes the rig here and writes it on a worker thread. */
static void
start_writing (RigAutosave *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GTask) task = NULL;
  DraftWrite *w;

  if (self->writing)
    {
      self->write_again = TRUE;
      return;
    }
  if (!has_document (self) || !rig_history_is_modified (self->history))
    return;
  w = draft_write_prepare (self, &error);
  if (w == NULL)
    {
      g_message ("Could not write a draft of the rig: %s", error->message);
      return;
    }
  self->writing = TRUE;
  self->thread_busy = TRUE;
  task = g_task_new (self, NULL, write_done_cb, NULL);
  g_task_set_source_tag (task, start_writing);
  g_task_set_task_data (task, w, draft_write_free);
  g_task_run_in_thread (task, write_thread);
}

static gboolean
timeout_cb (gpointer user_data)
{
  RigAutosave *self = RIG_AUTOSAVE (user_data);

  self->timeout_id = 0;
  start_writing (self);
  return G_SOURCE_REMOVE;
}

static void
document_changed_cb (RigDocument *document, const RigChange *change, RigAutosave *self)
{
  if (self->timeout_id == 0)
    self->timeout_id = g_timeout_add_seconds (self->delay_seconds, timeout_cb, self);
}

static void
history_notify_modified_cb (RigHistory *history, GParamSpec *pspec, RigAutosave *self)
{
  /* Saved (or undone back to the save point): the file has it all. */
  if (!rig_history_is_modified (history))
    {
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      /* A draft being written goes when it is done (write_done_cb()). */
      if (!self->writing && (self->written || self->lock_fd >= 0))
        delete_files (self);
    }
}

static void
rig_autosave_dispose (GObject *object)
{
  RigAutosave *self = RIG_AUTOSAVE (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  {
    g_autoptr (RigDocument) document = g_weak_ref_get (&self->document);

    if (document != NULL)
      g_signal_handlers_disconnect_by_data (document, self);
    g_weak_ref_set (&self->document, NULL);
  }
  if (self->history != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->history, self);
      g_clear_object (&self->history);
    }

  G_OBJECT_CLASS (rig_autosave_parent_class)->dispose (object);
}

static void
rig_autosave_finalize (GObject *object)
{
  RigAutosave *self = RIG_AUTOSAVE (object);

  /* Not deleted on purpose: the draft stays, for whoever lists drafts next. */
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_clear_pointer (&self->file_state, rig_file_state_free);
  g_clear_object (&self->folder);
  g_weak_ref_clear (&self->document);
  g_free (self->name);
  g_mutex_clear (&self->thread_lock);
  g_cond_clear (&self->thread_done);

  G_OBJECT_CLASS (rig_autosave_parent_class)->finalize (object);
}

static void
rig_autosave_class_init (RigAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rig_autosave_dispose;
  object_class->finalize = rig_autosave_finalize;
}

static void
rig_autosave_init (RigAutosave *self)
{
  self->name = g_strdup_printf ("draft-%08x%08x", g_random_int (), g_random_int ());
  self->lock_fd = -1;
  g_mutex_init (&self->thread_lock);
  g_cond_init (&self->thread_done);
}

GFile *
rig_autosave_default_folder (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "rigwire", "drafts", NULL);
}

RigAutosave *
rig_autosave_new (RigHistory *history, GFile *folder, guint delay_seconds)
{
  RigAutosave *self;
  RigDocument *document;

  g_return_val_if_fail (RIG_IS_HISTORY (history), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  document = rig_history_get_document (history);
  g_return_val_if_fail (RIG_IS_DOCUMENT (document), NULL);

  self = g_object_new (RIG_TYPE_AUTOSAVE, NULL);
  self->history = g_object_ref (history);
  g_weak_ref_init (&self->document, document);
  self->folder = g_object_ref (folder);
  self->delay_seconds = MAX (delay_seconds, 1);
  g_signal_connect (document, "changed", G_CALLBACK (document_changed_cb), self);
  g_signal_connect (history, "notify::modified", G_CALLBACK (history_notify_modified_cb), self);
  return self;
}

gboolean
rig_autosave_flush (RigAutosave *self, GError **error)
{
  g_return_val_if_fail (RIG_IS_AUTOSAVE (self), FALSE);

  if (self->timeout_id == 0 && !self->writing)
    return TRUE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!has_document (self) || !rig_history_is_modified (self->history))
    {
      wait_for_worker (self);
      return TRUE;
    }
  /* What a worker writes now may be older than the rig: write it here. */
  self->write_again = FALSE;
  return write_draft (self, error);
}

gboolean
rig_autosave_is_writing (RigAutosave *self)
{
  g_return_val_if_fail (RIG_IS_AUTOSAVE (self), FALSE);

  return self->writing;
}

void
rig_autosave_discard (RigAutosave *self)
{
  g_return_if_fail (RIG_IS_AUTOSAVE (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->writing)
    self->discard_soon = TRUE;
  else if (self->written || self->lock_fd >= 0)
    delete_files (self);
}

GFile *
rig_autosave_get_draft (RigAutosave *self)
{
  g_return_val_if_fail (RIG_IS_AUTOSAVE (self), NULL);

  return self->written ? draft_file (self, ".rigwire") : NULL;
}

void
rig_autosave_set_file_state (RigAutosave *self, const RigFileState *state)
{
  g_return_if_fail (RIG_IS_AUTOSAVE (self));

  g_clear_pointer (&self->file_state, rig_file_state_free);
  if (state != NULL)
    self->file_state = rig_file_state_copy (state);
}

void
rig_autosave_adopt (RigAutosave *self, RigDraft *draft)
{
  g_return_if_fail (RIG_IS_AUTOSAVE (self));
  g_return_if_fail (draft != NULL && draft->lock_fd >= 0);
  g_return_if_fail (!self->written && self->lock_fd < 0);

  g_free (self->name);
  self->name = g_strdup (draft->name);
  self->lock_fd = draft->lock_fd;
  draft->lock_fd = -1;
  self->written = TRUE;
  /* The draft records the state its file had; so does the next write,
   * unless the window says otherwise. */
  rig_autosave_set_file_state (self, draft->file_state);
  g_clear_object (&self->folder);
  self->folder = g_file_get_parent (draft->draft);
}

void
rig_draft_free (RigDraft *draft)
{
  if (draft == NULL)
    return;
  if (draft->lock_fd >= 0)
    close (draft->lock_fd); /* not restored: free for the next start */
  g_clear_object (&draft->draft);
  g_clear_object (&draft->original);
  g_free (draft->title);
  g_clear_pointer (&draft->written_at, g_date_time_unref);
  g_clear_pointer (&draft->file_state, rig_file_state_free);
  g_free (draft->name);
  g_free (draft);
}

static int
compare_drafts (gconstpointer a, gconstpointer b)
{
  const RigDraft *da = *(RigDraft **) a;
  const RigDraft *db = *(RigDraft **) b;

  return g_date_time_compare (da->written_at, db->written_at);
}

/* Fills @draft from its key file; FALSE if it is not a draft with its rig
 * beside it. */
static gboolean
read_key_file (RigDraft *draft, GFile *folder)
{
  g_autoptr (GFile) info = child_file (folder, draft->name, ".draft");
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autofree char *uri = NULL;
  g_autofree char *written = NULL;
  g_autofree char *title = NULL;
  g_autofree char *state = NULL;

  if (!g_key_file_load_from_file (key_file, g_file_peek_path (info), G_KEY_FILE_NONE, NULL))
    return FALSE;
  draft->draft = child_file (folder, draft->name, ".rigwire");
  if (!g_file_query_exists (draft->draft, NULL))
    return FALSE;

  uri = g_key_file_get_string (key_file, DRAFT_GROUP, KEY_FILE, NULL);
  if (uri != NULL)
    draft->original = g_file_new_for_uri (uri);
  /* A state that does not parse is no state: the file counts as unknown. */
  state = g_key_file_get_string (key_file, DRAFT_GROUP, KEY_FILE_STATE, NULL);
  if (draft->original != NULL)
    draft->file_state = rig_file_state_from_string (state);
  written = g_key_file_get_string (key_file, DRAFT_GROUP, KEY_WRITTEN, NULL);
  draft->written_at = written ? g_date_time_new_from_iso8601 (written, NULL) : NULL;
  if (draft->written_at == NULL)
    draft->written_at = g_date_time_new_from_unix_utc (0);
  title = g_key_file_get_string (key_file, DRAFT_GROUP, KEY_TITLE, NULL);
  if (draft->original != NULL)
    draft->title = g_file_get_basename (draft->original);
  else if (title != NULL && *title != '\0')
    draft->title = g_steal_pointer (&title);
  else
    draft->title = g_strdup (_ ("Untitled Rig"));
  return TRUE;
}

/* Takes the draft whose key file is @info_name when its owner is gone; NULL
 * when it is owned (or is not a complete draft). */
static RigDraft *
take_draft (GFile *folder, const char *info_name)
{
  g_autoptr (RigDraft) draft = g_new0 (RigDraft, 1);
  g_autoptr (GFile) info = NULL;

  draft->name = g_strndup (info_name, strlen (info_name) - strlen (".draft"));
  draft->lock_fd = take_lock (folder, draft->name);
  if (draft->lock_fd < 0)
    return NULL;
  /* Read only once locked: before, the owner may have been deleting it. */
  if (read_key_file (draft, folder))
    return g_steal_pointer (&draft);

  /* Its owner deleted it while we looked (or it was never complete): the
   * lock file may be one this look made; it goes if the key file is gone. */
  info = child_file (folder, draft->name, ".draft");
  if (!g_file_query_exists (info, NULL))
    {
      g_autoptr (GFile) lock = child_file (folder, draft->name, ".lock");
      g_unlink (g_file_peek_path (lock));
    }
  return NULL;
}

GPtrArray *
rig_autosave_list_drafts (GFile *folder)
{
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) rig_draft_free);
  g_autoptr (GFileEnumerator) enumerator = NULL;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (enumerator == NULL)
    return drafts;

  while ((info = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_str_has_prefix (name, "draft-") && g_str_has_suffix (name, ".draft"))
        {
          RigDraft *draft = take_draft (folder, name);
          if (draft != NULL)
            g_ptr_array_add (drafts, draft);
        }
      g_object_unref (info);
    }
  g_ptr_array_sort (drafts, compare_drafts);
  return drafts;
}

void
rig_draft_delete (RigDraft *draft)
{
  g_autoptr (GFile) folder = NULL;

  g_return_if_fail (draft != NULL);

  /* Only a draft this process holds: never a live one, nor an adopted one. */
  if (draft->lock_fd < 0)
    return;
  folder = g_file_get_parent (draft->draft);
  delete_draft_files (folder, draft->name, draft->lock_fd);
  draft->lock_fd = -1;
}

RigDocument *
rig_draft_restore (RigDraft *draft, GError **error)
{
  RigDocument *document;

  g_return_val_if_fail (draft != NULL, NULL);

  document = rig_format_load_file (draft->draft, rig_catalog_get_default (), error);
  if (document == NULL)
    return NULL;

  rig_document_set_file (document, draft->original);
  return document;
}
