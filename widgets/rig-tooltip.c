/* rig-tooltip.c: tooltips given when they are asked for. */
#include "config.h"

#include "rig-tooltip.h"

#define TEXT_KEY "rig-tooltip-text"
#define MARKUP_KEY "rig-tooltip-markup"

static gboolean
query_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                  gpointer user_data)
{
  const char *markup = g_object_get_data (G_OBJECT (widget), MARKUP_KEY);
  const char *text = g_object_get_data (G_OBJECT (widget), TEXT_KEY);

  if (markup != NULL)
    gtk_tooltip_set_markup (tooltip, markup);
  else if (text != NULL)
    gtk_tooltip_set_text (tooltip, text);
  return markup != NULL || text != NULL;
}

static void
set (GtkWidget *widget, const char *key, const char *value, const char *description)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_strcmp0 (g_object_get_data (G_OBJECT (widget), key), value) == 0)
    return;
  if (!g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, query_tooltip_cb, NULL))
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_object_set_data_full (G_OBJECT (widget), TEXT_KEY, NULL, NULL);
  g_object_set_data_full (G_OBJECT (widget), MARKUP_KEY, NULL, NULL);
  g_object_set_data_full (G_OBJECT (widget), key, g_strdup (value), g_free);
  gtk_widget_set_has_tooltip (widget, value != NULL);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

void
rig_tooltip_set_text (GtkWidget *widget, const char *text)
{
  set (widget, TEXT_KEY, text, text);
}

void
rig_tooltip_set_markup (GtkWidget *widget, const char *markup)
{
  g_autofree char *plain = NULL;

  if (markup != NULL && !pango_parse_markup (markup, -1, 0, NULL, &plain, NULL, NULL))
    plain = g_strdup (markup);
  set (widget, MARKUP_KEY, markup, plain);
}

const char *
rig_tooltip_get (GtkWidget *widget)
{
  const char *markup = g_object_get_data (G_OBJECT (widget), MARKUP_KEY);

  return markup != NULL ? markup : g_object_get_data (G_OBJECT (widget), TEXT_KEY);
}
