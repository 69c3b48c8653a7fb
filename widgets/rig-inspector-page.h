/* rig-inspector-page.h: what every page of the inspector shares: the
 * document it shows and edits, the object it shows, its editable rows.
 *
 * The inspector makes one page for the object it shows (a device, a cable,
 * or a summary of the selection) and refreshes it in place as the document
 * changes. A page's static structure is a GtkBuilder template.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rig-command.h"
#include "rig-document.h"
#include "rig-field-row.h"
#include "rig-history.h"
#include "rig-selection.h"
#include "rig-validator.h"

G_BEGIN_DECLS

#define RIG_TYPE_INSPECTOR_PAGE (rig_inspector_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (RigInspectorPage, rig_inspector_page, RIG, INSPECTOR_PAGE, GtkWidget)

struct _RigInspectorPageClass
{
  GtkWidgetClass parent_class;

  /* Shows the document as it is now; called after every change. */
  void (*refresh) (RigInspectorPage *self);
  /* Checks an entry's text; on success sets @value (numbers) or @text_out. */
  gboolean (*check_field) (RigInspectorPage *self, RigFieldRow *row, const char *text,
                           double *value, char **text_out, GError **error);
  /* The command a checked value makes, or NULL when it changes nothing. */
  RigCommand *(*field_command) (RigInspectorPage *self, RigFieldRow *row, double value,
                                const char *text);
  /* Applies what the page's own controls hold but not yet applied (field
   * rows are flushed for every page); optional. */
  void (*flush) (RigInspectorPage *self);
};

/* Shows @object_id (NULL for a summary) of @document; all may be NULL. */
void
rig_inspector_page_set_context (RigInspectorPage *self, RigDocument *document, RigHistory *history,
                                RigSelection *selection, const char *object_id);
void
rig_inspector_page_set_validator (RigInspectorPage *self, RigValidator *validator);

/* Applies what was typed but not committed, before the page goes. */
void
rig_inspector_page_flush (RigInspectorPage *self);
/* Lets go of the document: nothing the page's widgets do while they go
 * away reaches it. */
void
rig_inspector_page_detach (RigInspectorPage *self);
void
rig_inspector_page_refresh (RigInspectorPage *self);

RigDocument *
rig_inspector_page_get_document (RigInspectorPage *self);
RigSelection *
rig_inspector_page_get_selection (RigInspectorPage *self);
RigValidator *
rig_inspector_page_get_validator (RigInspectorPage *self);
const char *
rig_inspector_page_get_object_id (RigInspectorPage *self);
/* Where the page's edits go: a control ends its gesture with
 * rig_history_seal() so that a drag is one undo step. */
RigHistory *
rig_inspector_page_get_history (RigInspectorPage *self);

/* Applies @command (taking it) as one undo step. */
gboolean
rig_inspector_page_apply (RigInspectorPage *self, RigCommand *command, GError **error);

/* For subclasses: an editable row of the page (bound from the template). */
void
rig_inspector_page_add_field (RigInspectorPage *self, RigFieldRow *row);
gboolean
rig_inspector_page_check_field (RigInspectorPage *self, RigFieldRow *row, const char *text,
                                double *value, char **text_out, GError **error);
RigCommand *
rig_inspector_page_field_command (RigInspectorPage *self, RigFieldRow *row, double value,
                                  const char *text);

/* While > 0, the page itself sets its widgets' values: their handlers do
 * nothing. */
void
rig_inspector_page_begin_update (RigInspectorPage *self);
void
rig_inspector_page_end_update (RigInspectorPage *self);
gboolean
rig_inspector_page_is_updating (RigInspectorPage *self);

G_END_DECLS
