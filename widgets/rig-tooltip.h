/* rig-tooltip.h: tooltips that cost nothing until they are shown.
 *
 * gtk_widget_set_tooltip_text() asks the display where the pointer is each
 * time a visible widget's tooltip is set (a round trip to the X server), so
 * rows that set tooltips as they are made or refreshed made selecting a
 * device with thirty jacks take 60 ms (#13). These keep the text on the
 * widget and hand it over in GtkWidget::query-tooltip, when the pointer
 * rests there; the text is also the widget's accessible description, as a
 * tooltip is to screen readers. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Sets or (NULL) clears @widget's tooltip text. */
void
rig_tooltip_set_text (GtkWidget *widget, const char *text);

/* Sets or (NULL) clears @widget's tooltip as Pango markup. */
void
rig_tooltip_set_markup (GtkWidget *widget, const char *markup);

/* The tooltip @widget will show (its text, or its markup), or NULL. */
const char *
rig_tooltip_get (GtkWidget *widget);

G_END_DECLS
