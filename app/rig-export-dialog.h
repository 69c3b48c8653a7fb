/* rig-export-dialog.h: the Export ▸ PNG / SVG / PDF dialog.
 *
 * A modal window with the sheet's options (format, full sheet or diagram
 * only, paper, orientation, scale to fit or a fixed scale over several pages,
 * greyscale, PNG resolution, revision) and a live preview of the pages. Its
 * Export button asks where to save (GtkFileChooserNative) and writes the file
 * with rig_export_file() semantics (atomic); an error is shown in a message
 * dialog and the dialog stays open.
 */
#pragma once

#include <gtk/gtk.h>

#include "rig-document.h"
#include "rig-history.h"
#include "rig-validator.h"

G_BEGIN_DECLS

#define RIG_TYPE_EXPORT_DIALOG (rig_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RigExportDialog, rig_export_dialog, RIG, EXPORT_DIALOG, GtkWindow)

/* Opens the dialog for @doc, transient for @parent, with @format ("png",
 * "svg" or "pdf"; anything else: "pdf") chosen. The rig's title and author
 * are edited there through @history (NULL: shown only). @validator may be
 * NULL. */
void
rig_export_dialog_present (GtkWindow *parent, RigDocument *doc, RigHistory *history,
                           RigValidator *validator, const char *format);

G_END_DECLS
