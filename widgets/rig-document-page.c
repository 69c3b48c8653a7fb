/* rig-document-page.c: the inspector's page with nothing selected: the rig
 * itself. Title, author, revision and the listening distance are field rows (Enter
 * or leaving the entry applies them); the notes are a text view applied when focus leaves it.
 * Each change is one rig_command_set_metadata() step, so undo takes back
 * one field at a time.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-document-page.h"
#include "rig-inspector-text.h"
#include "rig-property-row.h"
#include "rig-wrap-bin.h"

struct _RigDocumentPage
{
  RigInspectorPage parent_instance;

  GtkWidget *heading_label;
  RigFieldRow *title_row;
  RigFieldRow *author_row;
  RigFieldRow *revision_row;
  RigFieldRow *distance_row;
  GtkWidget *notes_view;
  GtkWidget *devices_row;
  GtkWidget *cables_row;

  char *notes_shown; /* what the notes view last took from the document */
};

G_DEFINE_FINAL_TYPE (RigDocumentPage, rig_document_page, RIG_TYPE_INSPECTOR_PAGE)

/* ---- editing ------------------------------------------------------------------- */

static gboolean
rig_document_page_check_field (RigInspectorPage *page, RigFieldRow *row, const char *text,
                               double *value, char **text_out, GError **error)
{
  RigFigure distance = RIG_FIGURE_LISTENING_DISTANCE;

  if (row == RIG_DOCUMENT_PAGE (page)->distance_row)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      /* Empty: back to the assumed distance. */
      if (stripped[0] == '\0')
        {
          *value = NAN;
          return TRUE;
        }
      return rig_inspector_parse_number (stripped, rig_inspector_units_for_figure (distance), value,
                                         error)
             && rig_figure_validate (distance, *value, error);
    }
  /* Any text is a title or an author, the empty one too; spaces around it
   * are not meant. */
  *text_out = g_strstrip (g_strdup (text));
  return TRUE;
}

static RigCommand *
rig_document_page_field_command (RigInspectorPage *page, RigFieldRow *row, double value,
                                 const char *text)
{
  RigDocumentPage *self = RIG_DOCUMENT_PAGE (page);
  RigDocument *document = rig_inspector_page_get_document (page);

  if (document == NULL)
    return NULL;
  if (row == self->distance_row)
    return rig_inspector_same_number (rig_document_get_listening_distance (document), value)
               ? NULL
               : rig_command_set_listening_distance (value);
  if (row == self->title_row)
    return g_strcmp0 (rig_document_get_title (document), text) == 0
               ? NULL
               : rig_command_set_metadata (text, NULL, NULL);
  if (row == self->author_row)
    return g_strcmp0 (rig_document_get_author (document), text) == 0
               ? NULL
               : rig_command_set_metadata (NULL, text, NULL);
  if (row == self->revision_row)
    return g_strcmp0 (rig_document_get_revision (document), text) == 0
               ? NULL
               : rig_command_set_revision (text);
  return NULL;
}

static char *
notes_text (RigDocumentPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Applies the notes as typed, if they differ from the document's. */
static void
commit_notes (RigDocumentPage *self)
{
  RigInspectorPage *page = RIG_INSPECTOR_PAGE (self);
  RigDocument *document = rig_inspector_page_get_document (page);
  g_autofree char *text = notes_text (self);
  g_autoptr (GError) error = NULL;

  if (document == NULL || rig_inspector_page_is_updating (page)
      || g_strcmp0 (rig_document_get_notes (document), text) == 0)
    return;
  if (!rig_inspector_page_apply (page, rig_command_set_metadata (NULL, NULL, text), &error))
    g_warning ("Could not change the notes: %s", error->message);
}

/* Notes typed but not applied when the page goes (a click on the canvas
 * selects a device, and the inspector swaps pages). */
static void
rig_document_page_flush (RigInspectorPage *page)
{
  commit_notes (RIG_DOCUMENT_PAGE (page));
}

static void
notes_leave_cb (GtkEventControllerFocus *controller, RigDocumentPage *self)
{
  commit_notes (self);
}

/* ---- showing ------------------------------------------------------------------- */

static void
show_notes (RigDocumentPage *self, const char *notes)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view));
  g_autofree char *typed = notes_text (self);

  /* Never replace what the user is typing: only text the view took from the
   * document (an undo, a load) is replaced. */
  if (g_strcmp0 (typed, self->notes_shown) != 0 && gtk_widget_has_focus (self->notes_view))
    return;
  if (g_strcmp0 (typed, notes) != 0)
    gtk_text_buffer_set_text (buffer, notes, -1);
  g_free (self->notes_shown);
  self->notes_shown = g_strdup (notes);
}

static void
rig_document_page_refresh (RigInspectorPage *page)
{
  RigDocumentPage *self = RIG_DOCUMENT_PAGE (page);
  RigDocument *document = rig_inspector_page_get_document (page);
  const char *title;
  char count[32];

  if (document == NULL)
    return;
  title = rig_document_get_title (document);
  gtk_label_set_text (GTK_LABEL (self->heading_label),
                      title[0] != '\0' ? title : _ ("Untitled Rig"));
  rig_field_row_set_text (self->title_row, title);
  rig_field_row_set_text (self->author_row, rig_document_get_author (document));
  rig_field_row_set_text (self->revision_row, rig_document_get_revision (document));
  {
    double metres = rig_document_get_listening_distance (document);
    g_autofree char *text
        = rig_figure_is_set (metres) ? rig_inspector_format_number (metres) : g_strdup ("");

    rig_field_row_set_text (self->distance_row, text);
  }
  show_notes (self, rig_document_get_notes (document));
  g_snprintf (count, sizeof count, "%u", rig_document_get_n_devices (document));
  rig_property_row_set_value (RIG_PROPERTY_ROW (self->devices_row), count);
  g_snprintf (count, sizeof count, "%u", rig_document_get_n_cables (document));
  rig_property_row_set_value (RIG_PROPERTY_ROW (self->cables_row), count);
}

GtkWidget *
rig_document_page_new (RigDocument *document, RigHistory *history, RigSelection *selection)
{
  RigDocumentPage *self = g_object_new (RIG_TYPE_DOCUMENT_PAGE, NULL);

  rig_inspector_page_set_context (RIG_INSPECTOR_PAGE (self), document, history, selection, NULL);
  return GTK_WIDGET (self);
}

void
rig_document_page_forget (RigDocumentPage *self)
{
  g_return_if_fail (RIG_IS_DOCUMENT_PAGE (self));

  rig_field_row_expect_change (self->title_row);
  rig_field_row_expect_change (self->author_row);
  rig_field_row_expect_change (self->revision_row);
  rig_field_row_expect_change (self->distance_row);
  /* As if the view had taken what it holds from the document. */
  g_free (self->notes_shown);
  self->notes_shown = notes_text (self);
}

static void
rig_document_page_dispose (GObject *object)
{
  RigDocumentPage *self = RIG_DOCUMENT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), RIG_TYPE_DOCUMENT_PAGE);
  g_clear_pointer (&self->notes_shown, g_free);

  G_OBJECT_CLASS (rig_document_page_parent_class)->dispose (object);
}

static void
rig_document_page_class_init (RigDocumentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RigInspectorPageClass *page_class = RIG_INSPECTOR_PAGE_CLASS (klass);

  object_class->dispose = rig_document_page_dispose;
  page_class->refresh = rig_document_page_refresh;
  page_class->check_field = rig_document_page_check_field;
  page_class->field_command = rig_document_page_field_command;
  page_class->flush = rig_document_page_flush;

  g_type_ensure (RIG_TYPE_FIELD_ROW);
  g_type_ensure (RIG_TYPE_PROPERTY_ROW);
  g_type_ensure (RIG_TYPE_WRAP_BIN);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/rigwire/Rigwire/ui/rig-document-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RigDocumentPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, RigDocumentPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, RigDocumentPage, author_row);
  gtk_widget_class_bind_template_child (widget_class, RigDocumentPage, revision_row);
  gtk_widget_class_bind_template_child (widget_class, RigDocumentPage, distance_row);
  gtk_widget_class_bind_template_child (widget_class, RigDocumentPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, RigDocumentPage, devices_row);
  gtk_widget_class_bind_template_child (widget_class, RigDocumentPage, cables_row);
}

static void
rig_document_page_init (RigDocumentPage *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  rig_inspector_page_add_field (RIG_INSPECTOR_PAGE (self), self->title_row);
  rig_inspector_page_add_field (RIG_INSPECTOR_PAGE (self), self->author_row);
  rig_inspector_page_add_field (RIG_INSPECTOR_PAGE (self), self->revision_row);
  rig_inspector_page_add_field (RIG_INSPECTOR_PAGE (self), self->distance_row);
  rig_field_row_set_unit (self->distance_row, "m");
  {
    GtkWidget *entry = rig_field_row_get_control (self->distance_row);
    g_autofree char *fallback = rig_inspector_format_number (RIG_DEFAULT_LISTENING_DISTANCE);
    g_autofree char *tooltip = g_strdup_printf (
        _ ("How far the listeners sit from the speakers: loudness is judged there. Empty: %s m, "
           "assumed. A speaker or headphones may set their own."),
        fallback);

    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), fallback);
    gtk_widget_set_tooltip_text (entry, tooltip);
  }

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (notes_leave_cb), self);
  gtk_widget_add_controller (self->notes_view, focus);
}
