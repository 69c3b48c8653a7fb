/* rig-field-row.h: an editable row of the inspector: a title (and a
 * subtitle), a control (an entry, a drop-down or a switch) on the right or
 * below, a unit, a reset button and a message line for refused input.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _RigInspectorPage RigInspectorPage;

#define RIG_TYPE_FIELD_ROW (rig_field_row_get_type ())
G_DECLARE_FINAL_TYPE (RigFieldRow, rig_field_row, RIG, FIELD_ROW, GtkListBoxRow)

GtkWidget *
rig_field_row_get_control (RigFieldRow *self);
void
rig_field_row_set_title (RigFieldRow *self, const char *title);
void
rig_field_row_set_unit (RigFieldRow *self, const char *unit);

/* The page whose document an entry's text goes to (borrowed), or NULL: a row
 * with no page ignores its control, as while its page goes away. */
void
rig_field_row_set_page (RigFieldRow *self, RigInspectorPage *page);

/* Shows @text from the document in the entry, unless the user is typing
 * there something else than what it last showed. */
void
rig_field_row_set_text (RigFieldRow *self, const char *text);
/* Whether the entry holds text the document does not have. */
gboolean
rig_field_row_is_edited (RigFieldRow *self);
/* Checks the entry's text and applies it as one command, or shows why not.
 * @quiet: the page is going away: apply a good value, drop a bad one. */
void
rig_field_row_commit (RigFieldRow *self, gboolean quiet);
/* The next rig_field_row_set_text() replaces what the entry shows. */
void
rig_field_row_expect_change (RigFieldRow *self);

void
rig_field_row_show_error (RigFieldRow *self, const char *message);
void
rig_field_row_clear_error (RigFieldRow *self);

/* The model's own value of an overridden figure, under the title and in the
 * reset button's tooltip; NULL when not overridden (no subtitle, no reset). */
void
rig_field_row_show_model_value (RigFieldRow *self, const char *model_value);

G_END_DECLS
