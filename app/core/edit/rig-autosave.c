/* rig-autosave.c: drafts and crash recovery. */
#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rig-autosave.h"
#include "rig-catalog.h"
#include "rig-format.h"
#include "rig-history.h"

#define DRAFT_GROUP "Draft"

struct _RigAutosave
{
  GObject parent_instance;

  RigHistory *history;   /* says whether the document is modified */
  RigDocument *document; /* weak: the autosave lives as long as its window */
  GFile *folder;
  guint delay_seconds;
  guint timeout_id;
  char *name; /* "draft-<random>", the basename of both files */
  gboolean written;
};

G_DEFINE_FINAL_TYPE (RigAutosave, rig_autosave, G_TYPE_OBJECT)

static GFile *
draft_file (RigAutosave *self, const char *suffix)
{
  g_autofree char *basename = g_strconcat (self->name, suffix, NULL);
  return g_file_get_child (self->folder, basename);
}

static void
delete_files (RigAutosave *self)
{
  g_autoptr (GFile) rig = draft_file (self, ".rigwire");
  g_autoptr (GFile) info = draft_file (self, ".draft");

  g_file_delete (rig, NULL, NULL);
  g_file_delete (info, NULL, NULL);
  self->written = FALSE;
}

static gboolean
write_draft (RigAutosave *self, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autoptr (GFile) rig = draft_file (self, ".rigwire");
  g_autoptr (GFile) info = draft_file (self, ".draft");
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format_iso8601 (now);
  g_autofree char *rig_path = g_file_get_path (rig);
  g_autofree char *info_path = g_file_get_path (info);
  g_autofree char *info_data = NULL;
  GFile *original = rig_document_get_file (self->document);
  gsize info_len;

  if (g_mkdir_with_parents (g_file_peek_path (self->folder), 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _ ("Could not create the drafts folder: %s"), g_strerror (errno));
      return FALSE;
    }

  /* The rig first, then the key file that makes it a draft: a crash between
   * the two leaves a rig file no one lists, never a key file with no rig. */
  bytes = rig_format_save_bytes (self->document);
  if (!g_file_set_contents (rig_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            error))
    return FALSE;

  if (original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (original);
      g_key_file_set_string (key_file, DRAFT_GROUP, "File", uri);
    }
  g_key_file_set_string (key_file, DRAFT_GROUP, "Title", rig_document_get_title (self->document));
  g_key_file_set_string (key_file, DRAFT_GROUP, "Written", now_text);
  info_data = g_key_file_to_data (key_file, &info_len, NULL);
  if (!g_file_set_contents (info_path, info_data, info_len, error))
    return FALSE;

  self->written = TRUE;
  return TRUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  RigAutosave *self = RIG_AUTOSAVE (user_data);
  g_autoptr (GError) error = NULL;

  self->timeout_id = 0;
  if (self->document != NULL && rig_history_is_modified (self->history)
      && !write_draft (self, &error))
    g_message ("Could not write a draft of the rig: %s", error->message);
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
      if (self->written)
        delete_files (self);
    }
}

static void
rig_autosave_dispose (GObject *object)
{
  RigAutosave *self = RIG_AUTOSAVE (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_object_remove_weak_pointer (G_OBJECT (self->document), (gpointer *) &self->document);
      self->document = NULL;
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

  g_clear_object (&self->folder);
  g_free (self->name);

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
  self->document = document;
  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &self->document);
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

  if (self->timeout_id == 0)
    return TRUE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->document == NULL || !rig_history_is_modified (self->history))
    return TRUE;
  return write_draft (self, error);
}

void
rig_autosave_discard (RigAutosave *self)
{
  g_return_if_fail (RIG_IS_AUTOSAVE (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->written)
    delete_files (self);
}

GFile *
rig_autosave_get_draft (RigAutosave *self)
{
  g_return_val_if_fail (RIG_IS_AUTOSAVE (self), NULL);

  return self->written ? draft_file (self, ".rigwire") : NULL;
}

void
rig_draft_free (RigDraft *draft)
{
  if (draft == NULL)
    return;
  g_clear_object (&draft->draft);
  g_clear_object (&draft->original);
  g_free (draft->title);
  g_clear_pointer (&draft->written_at, g_date_time_unref);
  g_free (draft);
}

static int
compare_drafts (gconstpointer a, gconstpointer b)
{
  const RigDraft *da = *(RigDraft **) a;
  const RigDraft *db = *(RigDraft **) b;

  return g_date_time_compare (da->written_at, db->written_at);
}

/* Reads DRAFT.draft; NULL if it is not a draft with its rig beside it. */
static RigDraft *
read_draft (GFile *folder, const char *info_name)
{
  g_autoptr (GFile) info = g_file_get_child (folder, info_name);
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autofree char *stem = g_strndup (info_name, strlen (info_name) - strlen (".draft"));
  g_autofree char *rig_name = g_strconcat (stem, ".rigwire", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *written = NULL;
  g_autofree char *title = NULL;
  RigDraft *draft;

  if (!g_key_file_load_from_file (key_file, g_file_peek_path (info), G_KEY_FILE_NONE, NULL))
    return NULL;

  draft = g_new0 (RigDraft, 1);
  draft->draft = g_file_get_child (folder, rig_name);
  if (!g_file_query_exists (draft->draft, NULL))
    {
      rig_draft_free (draft);
      return NULL;
    }
  uri = g_key_file_get_string (key_file, DRAFT_GROUP, "File", NULL);
  if (uri != NULL)
    draft->original = g_file_new_for_uri (uri);
  written = g_key_file_get_string (key_file, DRAFT_GROUP, "Written", NULL);
  draft->written_at = written ? g_date_time_new_from_iso8601 (written, NULL) : NULL;
  if (draft->written_at == NULL)
    draft->written_at = g_date_time_new_from_unix_utc (0);
  title = g_key_file_get_string (key_file, DRAFT_GROUP, "Title", NULL);
  if (draft->original != NULL)
    draft->title = g_file_get_basename (draft->original);
  else if (title != NULL && *title != '\0')
    draft->title = g_steal_pointer (&title);
  else
    draft->title = g_strdup (_ ("Untitled Rig"));
  return draft;
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
          RigDraft *draft = read_draft (folder, name);
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
  g_autofree char *path = g_file_get_path (draft->draft);
  g_autofree char *stem = g_strndup (path, strlen (path) - strlen (".rigwire"));
  g_autofree char *info = g_strconcat (stem, ".draft", NULL);

  g_file_delete (draft->draft, NULL, NULL);
  g_unlink (info);
}

RigDocument *
rig_draft_restore (RigDraft *draft, GError **error)
{
  RigDocument *document;

  document = rig_format_load_file (draft->draft, rig_catalog_get_default (), error);
  if (document == NULL)
    return NULL;

  rig_document_set_file (document, draft->original);
  rig_draft_delete (draft);
  return document;
}
