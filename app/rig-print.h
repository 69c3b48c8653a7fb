/* rig-print.h: printing a rig's wiring sheet.
 *
 * A GtkPrintOperation that prints the pages of rig-sheet.h, laid out for the
 * paper chosen in the print dialog (its size and orientation), so a printed
 * sheet is the same as an exported PDF. The print dialog has a "Wiring
 * sheet" tab: full sheet or diagram only, and greyscale-friendly marks. The
 * print settings and page setup are kept for the rest of the session.
 */
#pragma once

#include <gtk/gtk.h>

#include "rig-document.h"
#include "rig-validator.h"

G_BEGIN_DECLS

/* Opens the print dialog for @doc's sheet. @validator may be NULL. Returns at
 * once; errors are shown in a message dialog on @parent. */
void
rig_print_rig (GtkWindow *parent, RigDocument *doc, RigValidator *validator);

G_END_DECLS
