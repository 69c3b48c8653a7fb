/* rig-cli-batch.c: many files on every core, results in order
 * (rig-cli-batch.h). */
#include "config.h"

#include <gio/gio.h>

#include "rig-catalog.h"
#include "rig-cli-batch.h"
#include "rig-safe-file.h"
#include "rig-validator.h"

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

/* What every worker reads and nobody writes after: built once, here, before
 * the workers start (each is also guarded by its own g_once). */
static void
warm_up (void)
{
  g_autoptr (RigDocument) empty = rig_document_new ();
  g_autoptr (GPtrArray) diagnostics = NULL;

  rig_catalog_get_default ();
  diagnostics = rig_validator_check_full (empty);
}

void
rig_cli_batch_run (guint n_items, guint n_jobs, void (*func) (guint index, gpointer data),
                   gpointer data)
{
  Batch batch = { n_items, 0, func, data };
  g_autoptr (GPtrArray) threads = g_ptr_array_new ();

  g_return_if_fail (n_items < G_MAXINT);
  warm_up ();
  for (guint i = 1; i < n_jobs && i < n_items; i++)
    g_ptr_array_add (threads, g_thread_new ("rigwire-batch", worker, &batch));
  worker (&batch);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
}

void
rig_cli_batch_clean_folders (char **paths, guint n_paths)
{
  g_autoptr (GHashTable) seen
      = g_hash_table_new_full (g_file_hash, (GEqualFunc) g_file_equal, g_object_unref, NULL);

  for (guint i = 0; i < n_paths; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (paths[i]);
      GFile *folder = g_file_get_parent (file);

      if (folder == NULL)
        continue;
      if (g_hash_table_add (seen, folder))
        rig_safe_file_clean_folder (folder);
    }
}
