/* rig-export-dialog-private.h: RigExportDialog's internals, for tests. */
#pragma once

#include "rig-export-dialog.h"
#include "rig-export.h"
#include "rig-sheet.h"

G_BEGIN_DECLS

RigExportDialog *
rig_export_dialog_new (GtkWindow *parent, RigDocument *doc, RigHistory *history,
                       RigValidator *validator, const char *format);

/* What the Export button does once a file is chosen. */
gboolean
rig_export_dialog_export_to (RigExportDialog *self, GFile *file, GError **error);

RigExportFormat
rig_export_dialog_get_format (RigExportDialog *self);
/* The sheet the preview shows (rebuilt when an option changes). */
RigSheet *
rig_export_dialog_get_sheet (RigExportDialog *self);
/* The page the preview shows (0-based). */
guint
rig_export_dialog_get_preview_page (RigExportDialog *self);
/* How many times the preview has drawn. */
guint
rig_export_dialog_get_preview_draws (RigExportDialog *self);

/* The option widgets, by name: "format" (GtkDropDown), "full", "diagram-only",
 * "portrait", "landscape", "fit", "fixed", "greyscale", "levels" (GtkCheckButton),
 * "paper" (GtkDropDown), "scale", "dpi" (GtkSpinButton), "revision"
 * (GtkEntry), "preview" (GtkDrawingArea), "previous-page", "next-page",
 * "export" (GtkButton), "summary" (GtkLabel). */
GtkWidget *
rig_export_dialog_get_widget (RigExportDialog *self, const char *name);

G_END_DECLS
