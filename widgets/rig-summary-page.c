/* rig-summary-page.c: the inspector's page when it shows no single device or
 * cable. Nothing selected and several things selected look alike: an icon,
 * a title and a hint.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-summary-page.h"

struct _RigSummaryPage
{
  RigInspectorPage parent_instance;

  GtkWidget *title_label;
  GtkWidget *hint_label;
};

G_DEFINE_FINAL_TYPE (RigSummaryPage, rig_summary_page, RIG_TYPE_INSPECTOR_PAGE)

/* How many of the selected devices and cables the document has (the
 * selection may still name removed ones until it is pruned). */
static void
count_selected (RigSummaryPage *self, guint *n_devices, guint *n_cables)
{
  RigDocument *document = rig_inspector_page_get_document (RIG_INSPECTOR_PAGE (self));
  RigSelection *selection = rig_inspector_page_get_selection (RIG_INSPECTOR_PAGE (self));
  g_auto (GStrv) devices = NULL;
  g_auto (GStrv) cables = NULL;

  *n_devices = *n_cables = 0;
  if (selection == NULL || document == NULL)
    return;
  devices = rig_selection_get_devices (selection);
  cables = rig_selection_get_cables (selection);
  for (guint i = 0; devices[i] != NULL; i++)
    *n_devices += rig_document_find_device (document, devices[i]) != NULL;
  for (guint i = 0; cables[i] != NULL; i++)
    *n_cables += rig_document_find_cable (document, cables[i]) != NULL;
}

static void
rig_summary_page_refresh (RigInspectorPage *page)
{
  RigSummaryPage *self = RIG_SUMMARY_PAGE (page);
  guint n_devices, n_cables;
  g_autofree char *devices = NULL;
  g_autofree char *cables = NULL;
  g_autofree char *title = NULL;

  count_selected (self, &n_devices, &n_cables);
  if (n_devices == 0 && n_cables == 0)
    {
      gtk_label_set_text (GTK_LABEL (self->title_label), _ ("Nothing Selected"));
      gtk_label_set_text (GTK_LABEL (self->hint_label),
                          _ ("Select a device or a cable to see its details."));
      return;
    }

  devices = g_strdup_printf (ngettext ("%u device", "%u devices", n_devices), n_devices);
  cables = g_strdup_printf (ngettext ("%u cable", "%u cables", n_cables), n_cables);
  if (n_devices > 0 && n_cables > 0)
    /* Translators: "3 devices, 2 cables selected". */
    title = g_strdup_printf (_ ("%s, %s selected"), devices, cables);
  else
    /* Translators: "3 devices selected". */
    title = g_strdup_printf (_ ("%s selected"), n_devices > 0 ? devices : cables);
  gtk_label_set_text (GTK_LABEL (self->title_label), title);
  gtk_label_set_text (GTK_LABEL (self->hint_label),
                      _ ("Select a single device or cable to see and edit its details."));
}

GtkWidget *
rig_summary_page_new (RigDocument *document, RigSelection *selection)
{
  RigSummaryPage *self = g_object_new (RIG_TYPE_SUMMARY_PAGE, NULL);

  rig_inspector_page_set_context (RIG_INSPECTOR_PAGE (self), document, NULL, selection, NULL);
  return GTK_WIDGET (self);
}

static void
rig_summary_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RIG_TYPE_SUMMARY_PAGE);

  G_OBJECT_CLASS (rig_summary_page_parent_class)->dispose (object);
}

static void
rig_summary_page_class_init (RigSummaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RigInspectorPageClass *page_class = RIG_INSPECTOR_PAGE_CLASS (klass);

  object_class->dispose = rig_summary_page_dispose;
  page_class->refresh = rig_summary_page_refresh;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rigwire/Rigwire/ui/rig-summary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RigSummaryPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RigSummaryPage, hint_label);
}

static void
rig_summary_page_init (RigSummaryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
