/* rig-problem-row.h: one row of the problems list: the item the list's model
 * holds (a diagnostic and whether its explanation is open) and the factory
 * that makes and recycles the rows shown. A GtkListView makes rows for the
 * items in view only, so a rig with thousands of problems costs a screenful
 * of widgets per frame (#13). */
#pragma once

#include <gtk/gtk.h>

#include "rig-diagnostic.h"

G_BEGIN_DECLS

#define RIG_TYPE_PROBLEM_ITEM (rig_problem_item_get_type ())
G_DECLARE_FINAL_TYPE (RigProblemItem, rig_problem_item, RIG, PROBLEM_ITEM, GObject)

RigProblemItem *
rig_problem_item_new (RigDiagnostic *diagnostic);
RigDiagnostic *
rig_problem_item_get_diagnostic (RigProblemItem *self);

/* Makes rows: an expander whose title is the severity (icon and word), the
 * message and the code, and whose body explains why, what you would hear
 * and the fix. Whether a row is open stays with its item as rows are
 * recycled. */
GtkListItemFactory *
rig_problem_row_factory_new (void);

/* The item of the row that holds @widget (a row's child or a descendant), or
 * NULL. */
RigProblemItem *
rig_problem_row_get_item (GtkWidget *widget);

/* The icon name of a severity (the words: rig_severity_to_label()). */
const char *
rig_problems_severity_icon (RigSeverity severity);

G_END_DECLS
