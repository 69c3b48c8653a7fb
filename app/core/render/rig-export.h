/* rig-export.h: a rig's wiring sheet as PNG, SVG or PDF.
 *
 * What each format holds:
 *   PDF  every page of the sheet (rig-sheet.h), with bookmarks to the diagram
 *        and each table, the title and author in its metadata, and real text
 *        (selectable, searchable, what pdftotext reads).
 *   PNG  the first page, at the options' dpi: the title block, the diagram and
 *        its legend (and, on a full sheet, the start of the schedule). One
 *        image is what a lab report or a wiki page takes; the whole sheet is
 *        the PDF.
 *   SVG  the first page, like PNG, sized in points. cairo 1.16 writes text as
 *        glyph outlines (<symbol>/<use>), so SVG text is not selectable; the
 *        PDF's is.
 * Use RIG_SHEET_DIAGRAM_ONLY for a picture of the diagram alone.
 *
 * Writing is atomic: the output goes to a temporary file in the target's
 * folder (".NAME-XXXXXX"), which is renamed over the target only once it is
 * complete; on any failure the target is untouched and the temporary file
 * removed. No display is needed.
 *
 * GTK-free.
 */
#pragma once

#include <gio/gio.h>

#include "rig-sheet.h"

G_BEGIN_DECLS

typedef enum
{
  RIG_EXPORT_PNG,
  RIG_EXPORT_SVG,
  RIG_EXPORT_PDF,
  RIG_N_EXPORT_FORMATS
} RigExportFormat;

/* "png", "svg", "pdf"; from_nick takes any case and returns -1 if unknown. */
const char *
rig_export_format_to_nick (RigExportFormat format);
int
rig_export_format_from_nick (const char *nick);
/* The format a file name's extension names (".PDF" too), or -1. */
int
rig_export_format_for_name (const char *file_name);
const char *
rig_export_format_to_label (RigExportFormat format); /* "PDF document" */
const char *
rig_export_format_to_mime_type (RigExportFormat format); /* "application/pdf" */

/* How many pages a file of @format holds for a sheet of @n_pages. */
guint
rig_export_format_n_pages (RigExportFormat format, guint n_pages);

/* Writes @sheet in @format to @out (not closed). */
gboolean
rig_export_sheet_to_stream (RigSheet *sheet, RigExportFormat format, GOutputStream *out,
                            GCancellable *cancellable, GError **error);

/* Writes @sheet in @format to @file, atomically (see above). */
gboolean
rig_export_sheet_to_file (RigSheet *sheet, RigExportFormat format, GFile *file, GError **error);

/* Lays out the sheet of @doc (rig_sheet_new(): @validator and @options may
 * be NULL) and writes it to @out, atomically. Refuses a dpi outside
 * RIG_SHEET_MIN_DPI..RIG_SHEET_MAX_DPI for PNG (RIG_ERROR_INVALID); a file
 * that cannot be written is RIG_ERROR_IO, with the file's name and why. */
gboolean
rig_export_file (RigDocument *doc, RigValidator *validator, const RigSheetOptions *options,
                 GFile *out, RigExportFormat format, GError **error);

/* The same, into memory. */
GBytes *
rig_export_bytes (RigDocument *doc, RigValidator *validator, const RigSheetOptions *options,
                  RigExportFormat format, GError **error);

G_END_DECLS
