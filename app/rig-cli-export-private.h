/* rig-cli-export-private.h: what --export of one FILE (rig-cli-export.c)
 * and of many into a folder (rig-cli-export-many.c) share.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include "rig-export.h"
#include "rig-sheet.h"

G_BEGIN_DECLS

/* The line --export prints once a sheet of @n_pages is written as
 * @out_name in @format: how many pages the file holds. */
char *
rig_cli_export_summary (const char *out_name, RigExportFormat format, guint n_pages);

/* Whether --export=@out names a folder: it ends in "/", or is one. */
gboolean
rig_cli_export_is_folder (const char *out);

/* --export=FOLDER FILE...: each FILE's sheet (a folder among @files: each
 * .rigwire file's in it, rig_cli_batch_list_files()) in @format, with
 * @options, as FOLDER/NAME.EXT (NAME: FILE's name without .rigwire), made
 * on @jobs workers (rig-cli-batch.h), each reported in the order given: its
 * line on @out, or why it could not be read or written on @err. Refuses
 * (before writing any) two FILEs of the same NAME. Returns 0 when every sheet is
 * written, 2 otherwise (also when there is none to write). */
int
rig_cli_export_many (char **files, const char *folder, RigExportFormat format,
                     const RigSheetOptions *options, int jobs, FILE *out, FILE *err);

G_END_DECLS
