/* rig-cli-check.h: rigwire --check FILE..., the validator's verdicts on
 * many files (check/rig-validator.h), on every core (rig-cli-batch.h). */
#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

/* Checks each of @files (a folder among them: the .rigwire files in it,
 * rig_cli_batch_list_files()) on @jobs workers (rig_cli_batch_jobs()) and prints
 * their diagnostics in the order given, each file's as soon as it and those
 * before it are checked: a line per diagnostic and a summary line, or with
 * @json one JSON document at the end. A file that cannot be read is
 * reported on @err (text) or in the JSON, and the others are still checked.
 * Returns 0 when no rig has an error, 1 when one has, 2 when a file cannot
 * be read or there is none to check. */
int
rig_cli_check (char **files, gboolean json, int jobs, FILE *out, FILE *err);

G_END_DECLS
