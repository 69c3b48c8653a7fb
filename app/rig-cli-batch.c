/* rig-cli-batch.c: many files on every core, results in order
 * (rig-cli-batch.h). */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "rig-cli-batch.h"
#include "rig-safe-file.h"

typedef struct
{
  guint n_items;
  gint next; /* the next index to take, atomically */
  void (*func) (guint index, gpointer data);
  gpointer data;
} Batch;

guint
rig_cli_batch_jobs (int jobs, guint n_items)
{
  const char *env = g_getenv ("RIGWIRE_JOBS");
  guint64 value;
  guint n = (guint) MAX (g_get_num_processors (), 1);

  if (jobs >= 1)
    n = (guint) jobs;
  else if (env != NULL && g_ascii_string_to_unsigned (env, 10, 1, 1024, &value, NULL))
    n = (guint) value;
  return MAX (MIN (n, n_items), 1);
}

static gpointer
worker (gpointer user_data)
{
  Batch *batch = user_data;

  for (;;)
    {
      guint index = (guint) g_atomic_int_add (&batch->next, 1);

      if (index >= batch->n_items)
        return NULL;
      batch->func (index, batch->data);
    }
}

void
rig_cli_batch_run (guint n_items, guint n_jobs, void (*func) (guint index, gpointer data),
                   gpointer data)
{
  Batch batch = { n_items, 0, func, data };
  g_autoptr (GPtrArray) threads = g_ptr_array_new ();

  g_return_if_fail (n_items < G_MAXINT);
  /* Nothing to build first: what the workers share (the catalog, the rule
   * registry, libxml2) is built by the first that needs it, the others
   * waiting for it (rig-cli-batch.h). */
  for (guint i = 1; i < n_jobs && i < n_items; i++)
    g_ptr_array_add (threads, g_thread_new ("rigwire-batch", worker, &batch));
  worker (&batch);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
}

void
rig_cli_batch_clean_folders (char **paths, guint n_paths)
{
  /* Most paths share a folder: compare the folders' names as written first
   * (cheap), and make a GFile (which asks for the current folder each time
   * for a relative path) only for each name not seen yet. A path that ends
   * in "/", "." or ".." names a folder whose parent is not its dirname: it
   * always gets its GFile. */
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) seen
      = g_hash_table_new_full (g_file_hash, (GEqualFunc) g_file_equal, g_object_unref, NULL);

  for (guint i = 0; i < n_paths; i++)
    {
      g_autofree char *base = g_path_get_basename (paths[i]);
      g_autoptr (GFile) file = NULL;
      GFile *folder;

      if (!g_str_has_suffix (paths[i], G_DIR_SEPARATOR_S) && strcmp (base, ".") != 0
          && strcmp (base, "..") != 0 && !g_hash_table_add (names, g_path_get_dirname (paths[i])))
        continue;
      file = g_file_new_for_commandline_arg (paths[i]);
      folder = g_file_get_parent (file);
      if (folder == NULL)
        continue;
      if (g_hash_table_add (seen, folder))
        rig_safe_file_clean_folder (folder);
    }
}
