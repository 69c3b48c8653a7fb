/* rig-cli-batch.c: many files on every core, results in order
 * (rig-cli-batch.h). */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "rig-cli-batch.h"
#include "rig-safe-file.h"
#include "rig-validator.h"
#include "rig-xml.h"

typedef struct
{
  guint n_items;
  gint next; /* the next index to take, atomically */
  RigCliBatchFunc func;
  RigCliBatchFunc release; /* or NULL */
  gpointer data;
  gint *finished;  /* per item: set (atomically) once func returned; or NULL */
  gint n_reported; /* the items before it are handed on, atomically */
} Batch;

/* One thread's part: the items it ran and has not released yet, in the
 * order it took them (so by index). */
typedef struct
{
  Batch *batch;
  GArray *held; /* guint */
  guint n_released;
} Worker;

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

/* The next item's index, or n_items when none is left. */
static guint
take (Batch *batch)
{
  guint index = (guint) g_atomic_int_add (&batch->next, 1);

  return MIN (index, batch->n_items);
}

static void
run_one (Batch *batch, guint index)
{
  batch->func (index, batch->data);
  /* A full barrier: whoever reads the flag set sees the item's results. */
  if (batch->finished != NULL)
    g_atomic_int_set (&batch->finished[index], 1);
}

/* What the workers share (the catalog, the rule registry, libxml2) is built
 * by the first that needs it, under its g_once, the others waiting for it
 * (rig-cli-batch.h). What would race is set up here, on the calling thread,
 * before they start (rig_xml_prepare_threads()). The validator's rules are
 * also built here, as before (cheap: an empty rig). */
static void
warm_up (void)
{
  g_autoptr (RigDocument) empty = rig_document_new ();
  g_autoptr (GPtrArray) diagnostics = NULL;

  rig_xml_prepare_threads ();
  diagnostics = rig_validator_check_full (empty);
}

/* A batch allocates and frees about as much for each file as for the one
 * before. glibc gives the top of a heap back to the kernel once 128 KiB of
 * it is free, and blocks of 128 KiB and more are mappings of their own,
 * given back when freed: for the next file the memory comes back as
 * zeroed pages, a fault each, and with more than one thread every giving
 * back stops the other cores to flush their address caches. Checking
 * 1,000 small rigs on 2 threads made 341 madvise() and 269 brk() calls,
 * and the threads spent 290 ms of CPU instead of the 250 one thread
 * spends. The batch keeps what it frees (up to TRIM_THRESHOLD at the top
 * of each heap) and takes blocks of up to MMAP_THRESHOLD from its heaps:
 * 2 threads then spend 245 ms. glibc's allocator only; memory a batch
 * keeps is memory it had in use at once, so its peak is unchanged. This
 * matters only where the programs run on glibc's allocator (a build
 * without mimalloc, app/meson.build); on mimalloc, mallopt() sets what no
 * one uses. */
#define TRIM_THRESHOLD (64 << 20)
#define MMAP_THRESHOLD (32 << 20) /* glibc's largest */

static void
keep_freed_memory (void)
{
#ifdef __GLIBC__
  mallopt (M_TRIM_THRESHOLD, TRIM_THRESHOLD);
  mallopt (M_MMAP_THRESHOLD, MMAP_THRESHOLD);
#endif
}

/* Runs @index on @worker's thread, and keeps it to release. */
static void
work_on (Worker *worker, guint index)
{
  run_one (worker->batch, index);
  if (worker->batch->release != NULL)
    g_array_append_val (worker->held, index);
}

/* Releases what @worker made for the items handed on below @reported. */
static void
release_reported (Worker *worker, guint reported)
{
  Batch *batch = worker->batch;

  for (; worker->n_released < worker->held->len; worker->n_released++)
    {
      guint index = g_array_index (worker->held, guint, worker->n_released);

      if (index >= reported)
        break;
      batch->release (index, batch->data);
    }
}

static gpointer
work (gpointer user_data)
{
  Worker *worker = user_data;
  Batch *batch = worker->batch;

  for (guint index = take (batch); index < batch->n_items; index = take (batch))
    {
      work_on (worker, index);
      release_reported (worker, (guint) g_atomic_int_get (&batch->n_reported));
    }
  return NULL;
}

/* Hands on the items finished, in order, up to the first that is not. */
static void
hand_on (Batch *batch, RigCliBatchFunc done, gboolean all)
{
  guint n = (guint) batch->n_reported;

  while (n < batch->n_items && (all || g_atomic_int_get (&batch->finished[n])))
    done (n++, batch->data);
  /* A full barrier: a worker that reads it may release them. */
  g_atomic_int_set (&batch->n_reported, (gint) n);
}

void
rig_cli_batch_run_ordered (guint n_items, guint n_jobs, RigCliBatchFunc func, RigCliBatchFunc done,
                           RigCliBatchFunc release, gpointer data)
{
  Batch batch = { n_items, 0, func, done != NULL ? release : NULL, data, NULL, 0 };
  guint n_workers = MAX (MIN (n_jobs, n_items), 1);
  g_autofree Worker *workers = g_new0 (Worker, n_workers);
  g_autofree GThread **threads = g_new0 (GThread *, n_workers);
  Worker *self = &workers[0];

  g_return_if_fail (n_items < G_MAXINT);
  if (done != NULL)
    batch.finished = g_new0 (gint, MAX (n_items, 1));
  for (guint i = 0; i < n_workers; i++)
    {
      workers[i].batch = &batch;
      workers[i].held = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  if (n_items > 1)
    keep_freed_memory ();
  if (n_workers > 1)
    warm_up ();
  for (guint i = 1; i < n_workers; i++)
    threads[i] = g_thread_new ("rigwire-batch", work, &workers[i]);

  /* This thread works too, and between its items hands on the finished ones
   * in order; it never waits for another worker until none is left. */
  for (guint index = take (&batch); index < n_items; index = take (&batch))
    {
      work_on (self, index);
      if (done != NULL)
        hand_on (&batch, done, FALSE);
      release_reported (self, (guint) batch.n_reported);
    }
  for (guint i = 1; i < n_workers; i++)
    g_thread_join (threads[i]);
  if (done != NULL)
    hand_on (&batch, done, TRUE);
  /* What the workers could not release before they ran out of items. */
  for (guint i = 0; i < n_workers; i++)
    {
      release_reported (&workers[i], n_items);
      g_array_unref (workers[i].held);
    }
  g_free (batch.finished);
}

void
rig_cli_batch_run (guint n_items, guint n_jobs, RigCliBatchFunc func, gpointer data)
{
  rig_cli_batch_run_ordered (n_items, n_jobs, func, NULL, NULL, data);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Adds the .rigwire files of @folder (as the user wrote it, @path) to
 * @paths, sorted by name, but not @leave_name when @leave_out is @folder. */
static void
add_folder_files (GPtrArray *paths, const char *path, GDir *dir, gboolean leave_out,
                  const char *leave_name)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".rigwire") && name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint j = 0; j < names->len; j++)
    if (!leave_out || strcmp (names->pdata[j], leave_name) != 0)
      g_ptr_array_add (paths, g_build_filename (path, names->pdata[j], NULL));
}

/* One opendir() per argument and nothing more for a file (it fails on
 * anything but a folder): --check of 1,000 files runs this before any worker
 * starts (issue #13). A GFile only for a folder, to compare it with
 * @leave_out's. */
GPtrArray *
rig_cli_batch_list_files (char **args, GFile *leave_out)
{
  GPtrArray *paths = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  g_autoptr (GFile) leave_folder = leave_out != NULL ? g_file_get_parent (leave_out) : NULL;
  g_autofree char *leave_name = leave_out != NULL ? g_file_get_basename (leave_out) : NULL;

  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    {
      g_autoptr (GDir) dir = NULL;
      g_autoptr (GFile) folder = NULL;

      if ((dir = g_dir_open (args[i], 0, NULL)) == NULL)
        {
          g_ptr_array_add (paths, g_strdup (args[i]));
          continue;
        }
      if (leave_folder != NULL)
        folder = g_file_new_for_path (args[i]);
      add_folder_files (paths, args[i], dir, folder != NULL && g_file_equal (folder, leave_folder),
                        leave_name);
    }
  return paths;
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
