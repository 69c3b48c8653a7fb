/* rig-problems.h: the problems list at the bottom of the editor.
 *
 * Every diagnostic of the rig, errors first, each with its severity (icon and
 * word, not colour alone), its code and its message, and an expander with why,
 * what you would hear, and the fix. Follows the validator live. Activating a
 * row emits "diagnostic-activated" so the window can select the objects and
 * scroll the canvas to them.
 */
#pragma once

#include <gtk/gtk.h>

#include "rig-problem-row.h"
#include "rig-validator.h"

G_BEGIN_DECLS

#define RIG_TYPE_PROBLEMS (rig_problems_get_type ())
G_DECLARE_FINAL_TYPE (RigProblems, rig_problems, RIG, PROBLEMS, GtkWidget)

GtkWidget *
rig_problems_new (void);

/* Follows @validator (NULL: shows nothing). */
void
rig_problems_set_validator (RigProblems *self, RigValidator *validator);

/* The diagnostics shown, in order (borrowed). */
GPtrArray *
rig_problems_get_diagnostics (RigProblems *self);

/* The selected problem as plain text (severity, code, message, why, what you
 * would hear, fix) for the clipboard, or NULL when no row is selected. */
char *
rig_problems_dup_selected_text (RigProblems *self);

/* The row of @diagnostic (one of rig_problems_get_diagnostics()), or -1;
 * and activating a row as Enter on it does: for tests. */
int
rig_problems_find_row (RigProblems *self, const RigDiagnostic *diagnostic);
void
rig_problems_activate_row (RigProblems *self, guint position);

G_END_DECLS
