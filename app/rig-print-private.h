/* rig-print-private.h: rig-print.c's print operation, for tests. */
#pragma once

#include "rig-print.h"

G_BEGIN_DECLS

/* The print operation rig_print_rig() runs (a new reference): its pages are
 * laid out for the paper of the page setup in begin-print. Tests run it with
 * GTK_PRINT_OPERATION_ACTION_EXPORT and an export file name. */
GtkPrintOperation *
rig_print_operation_new (GtkWindow *parent, RigDocument *doc, RigValidator *validator);

G_END_DECLS
