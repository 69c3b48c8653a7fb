/* rig-cli-batch.h: running the command line's work on many files at once,
 * one worker thread per core, the results kept in the order given.
 *
 * The work for file i writes only to its own slot i of the caller's result
 * array, so the output is the same whatever the order the workers finish in.
 * The core is safe for this as long as each worker has its own documents:
 * the catalog, the schema and the rule registry are built once, each under
 * its own g_once by the first worker that needs it (the others wait for it),
 * and only read after. The workers start at once: the default catalog's
 * models are not read at all when every file includes its own.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How many workers to use: @jobs when it is 1 or more, else the
 * RIGWIRE_JOBS environment variable when it holds a whole number of 1 or
 * more, else the number of processors. Never more than @n_items (at least 1). */
guint
rig_cli_batch_jobs (int jobs, guint n_items);

typedef void (*RigCliBatchFunc) (guint index, gpointer data);

/* Calls @func (i, @data) once for every i below @n_items, on @n_jobs threads
 * (the calling thread among them), and returns when all are done. */
void
rig_cli_batch_run (guint n_items, guint n_jobs, RigCliBatchFunc func, gpointer data);

/* As rig_cli_batch_run(), and calls @done (i, @data) once for every i, in
 * order, on the calling thread: as soon as @func is done with 0 to i, between
 * the calling thread's own items, and the rest after the last. So the output
 * of the first files is written while the workers go on with the others, and
 * no worker ever waits for another's output.
 *
 * Then @release (i, @data), when not NULL, frees what @func made for item i
 * and @done left: on the thread that ran @func (i), at its next item, or on
 * the calling thread once every worker has finished. Memory goes back to the
 * thread that allocated it: with glibc, freeing a worker's blocks on another
 * thread takes the lock of that worker's heap while it allocates from it,
 * and on 2 cores the calling thread spent 5 % of a batch waiting there. */
void
rig_cli_batch_run_ordered (guint n_items, guint n_jobs, RigCliBatchFunc func, RigCliBatchFunc done,
                           RigCliBatchFunc release, gpointer data);

/* The files of a command that takes many (--check, --grade, --export to a
 * folder): each of @args as given, but a folder gives the .rigwire files in
 * it, sorted by name, not hidden ones, nor @leave_out when not NULL (the
 * exercise, for --grade). A NULL-terminated array of paths. */
GPtrArray *
rig_cli_batch_list_files (char **args, GFile *leave_out);

/* Cleans each distinct folder of @paths once (rig_safe_file_clean_folder()),
 * before files there are read by several workers. */
void
rig_cli_batch_clean_folders (char **paths, guint n_paths);

G_END_DECLS
