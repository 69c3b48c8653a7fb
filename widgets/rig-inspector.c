/* rig-inspector.c: the inspector sidebar.
 *
 * A thin container: it shows one page (rig-document-page.c with nothing
 * selected, rig-device-page.c, rig-cable-page.c, rig-summary-page.c) for what the selection names,
 * makes a new page only when the selection names another object, and has the page refresh itself in
 * place when the document changes. Each page's static structure is a GtkBuilder template under
 * resources/ui/. The device page is made once and moves from device to device, and the rig's
 * page is kept while a selection hides it: selecting is the most frequent thing users do, and
 * its frame must not wait for a page's hundred widgets made and thrown away (#13).
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rig-cable-page.h"
#include "rig-device-page.h"
#include "rig-inspector.h"
#include "rig-document-page.h"
#include "rig-summary-page.h"

typedef enum
{
  PAGE_NONE,
  PAGE_SUMMARY,
  PAGE_RIG,
  PAGE_DEVICE,
  PAGE_CABLE,
} PageKind;

struct _RigInspector
{
  GtkWidget parent_instance;

  RigDocument *document;
  RigHistory *history; /* where edits go */
  RigSelection *selection;
  RigValidator *validator; /* for the Connect menus' verdicts, or NULL */
  gulong document_changed_id;
  gulong selection_changed_id;

  GtkWidget *scrolled_window; /* the template's */
  GtkWidget *pages;           /* in it: the page shown; kept pages, hidden */

  /* The current page. */
  PageKind kind;
  RigInspectorPage *page; /* borrowed: the scrolled window holds it */
  gboolean in_update;

  /* Kept while not shown, without a document (rig_inspector_page_set_context()). */
  RigInspectorPage *device_page;
  RigInspectorPage *rig_page; /* of self->document */
  guint prewarm_tick;         /* waits for the first frame, then */
  guint prewarm_idle;         /* makes the device page while nothing else runs */
};

G_DEFINE_FINAL_TYPE (RigInspector, rig_inspector, GTK_TYPE_WIDGET)

/* ---- pages ------------------------------------------------------------------------ */

/* Whether @page is one the inspector keeps while it shows another. */
static gboolean
is_kept (RigInspector *self, RigInspectorPage *page)
{
  return page != NULL && (page == self->device_page || page == self->rig_page);
}

static void
clear_page (RigInspector *self)
{
  if (self->page != NULL)
    {
      /* Nothing the old page's widgets do while they go (a focused entry
       * losing its focus) reaches the document. A kept page lets go of it
       * until it shows again. */
      if (is_kept (self, self->page))
        {
          rig_inspector_page_set_context (self->page, NULL, NULL, NULL, NULL);
          gtk_widget_set_visible (GTK_WIDGET (self->page), FALSE);
        }
      else
        {
          rig_inspector_page_detach (self->page);
          gtk_box_remove (GTK_BOX (self->pages), GTK_WIDGET (self->page));
        }
      self->page = NULL;
    }
  self->kind = PAGE_NONE;
}

static void
drop_page (RigInspector *self, RigInspectorPage **page)
{
  if (*page == NULL)
    return;
  if (*page != self->page)
    rig_inspector_page_detach (*page);
  if (self->pages != NULL && gtk_widget_get_parent (GTK_WIDGET (*page)) == self->pages)
    {
      if (*page == self->page)
        self->page = NULL;
      gtk_box_remove (GTK_BOX (self->pages), GTK_WIDGET (*page));
    }
  g_clear_object (page);
}

/* Forgets the kept pages: the rig's for another document, both for good. */
static void
drop_kept_pages (RigInspector *self, gboolean all)
{
  drop_page (self, &self->rig_page);
  if (all)
    drop_page (self, &self->device_page);
}

/* The page for @kind and @id: a kept one shown again, or a new one. */
static GtkWidget *
make_page (RigInspector *self, PageKind kind, const char *id)
{
  switch (kind)
    {
      case PAGE_DEVICE:
        /* A kept page moves to the device once in view (show_page()). */
        if (self->device_page == NULL)
          self->device_page = g_object_ref_sink (RIG_INSPECTOR_PAGE (
              rig_device_page_new (self->document, self->history, self->selection, id)));
        return GTK_WIDGET (self->device_page);
      case PAGE_CABLE:
        return rig_cable_page_new (self->document, self->history, self->selection, id);
      case PAGE_RIG:
        if (self->rig_page == NULL)
          self->rig_page = g_object_ref_sink (RIG_INSPECTOR_PAGE (
              rig_document_page_new (self->document, self->history, self->selection)));
        else
          rig_inspector_page_set_context (self->rig_page, self->document, self->history,
                                          self->selection, NULL);
        return GTK_WIDGET (self->rig_page);
      case PAGE_SUMMARY:
      case PAGE_NONE:
      default:
        return rig_summary_page_new (self->document, self->selection);
    }
}

static void
show_page (RigInspector *self, PageKind kind, const char *id)
{
  GtkWidget *page;

  /* The device page moving to another device stays where it is. */
  if (kind == PAGE_DEVICE && self->page != NULL && self->page == self->device_page)
    {
      rig_device_page_show_device (RIG_DEVICE_PAGE (self->device_page), self->document,
                                   self->history, self->selection, id);
      rig_inspector_page_set_validator (self->page, self->validator);
      return;
    }
  clear_page (self);
  page = make_page (self, kind, id);
  self->kind = kind;
  self->page = RIG_INSPECTOR_PAGE (page);
  rig_inspector_page_set_validator (self->page, self->validator);
  /* A kept page shows again where it is: no widget of it is made, styled
   * or realized again. */
  if (gtk_widget_get_parent (page) != self->pages)
    gtk_box_append (GTK_BOX (self->pages), page);
  gtk_widget_set_visible (page, TRUE);
  /* In the view, the page knows which of its rows will show. */
  if (kind == PAGE_DEVICE && g_strcmp0 (rig_inspector_page_get_object_id (self->page), id) != 0)
    rig_device_page_show_device (RIG_DEVICE_PAGE (page), self->document, self->history,
                                 self->selection, id);
}

/* ---- the device page made ahead ---------------------------------------------- */

/* Makes the device page before the first selection, when the main loop has
 * nothing else to do: the first press on a device then moves a page. */
static gboolean
prewarm_idle_cb (gpointer data)
{
  RigInspector *self = data;

  self->prewarm_idle = 0;
  if (self->device_page != NULL || self->document == NULL
      || rig_document_get_n_devices (self->document) == 0)
    return G_SOURCE_REMOVE;
  self->device_page = g_object_ref_sink (
      RIG_INSPECTOR_PAGE (rig_device_page_new (self->document, self->history, self->selection,
                                               rig_document_get_device (self->document, 0)->id)));
  if (self->device_page != self->page)
    {
      rig_inspector_page_set_context (self->device_page, NULL, NULL, NULL, NULL);
      /* In the window already, hidden: styled and realized now. */
      gtk_widget_set_visible (GTK_WIDGET (self->device_page), FALSE);
      gtk_box_append (GTK_BOX (self->pages), GTK_WIDGET (self->device_page));
    }
  return G_SOURCE_REMOVE;
}

static gboolean
prewarm_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  RigInspector *self = RIG_INSPECTOR (widget);

  self->prewarm_tick = 0;
  if (self->prewarm_idle == 0)
    self->prewarm_idle = g_idle_add_full (G_PRIORITY_LOW, prewarm_idle_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

/* After the frame that shows the document first. */
static void
schedule_prewarm (RigInspector *self)
{
  if (self->device_page == NULL && self->prewarm_tick == 0 && self->prewarm_idle == 0)
    self->prewarm_tick
        = gtk_widget_add_tick_callback (GTK_WIDGET (self), prewarm_tick_cb, NULL, NULL);
}

/* How many of the objects @ids names the document still has (the selection
 * may name removed ones until it is pruned); stops counting at two. */
static guint
count_existing (RigInspector *self, GStrv ids, gboolean cables, const char **last)
{
  guint n = 0;

  for (guint i = 0; ids[i] != NULL && n < 2; i++)
    if (cables ? rig_document_find_cable (self->document, ids[i]) != NULL
               : rig_document_find_device (self->document, ids[i]) != NULL)
      {
        *last = ids[i];
        n++;
      }
  return n;
}

/* What the selection names: nothing (the rig's own page), one device, one
 * cable, or else a summary. Sets @id_out (free it) to the one object's id. */
static PageKind
selected_object (RigInspector *self, char **id_out)
{
  g_auto (GStrv) devices = NULL;
  g_auto (GStrv) cables = NULL;
  const char *device = NULL, *cable = NULL;
  guint n_devices, n_cables;

  *id_out = NULL;
  if (self->document == NULL)
    return PAGE_SUMMARY;
  if (self->selection == NULL)
    return PAGE_RIG;
  devices = rig_selection_get_devices (self->selection);
  cables = rig_selection_get_cables (self->selection);
  n_devices = count_existing (self, devices, FALSE, &device);
  n_cables = count_existing (self, cables, TRUE, &cable);
  if (n_devices == 0 && n_cables == 0)
    return PAGE_RIG;
  if (n_devices == 1 && n_cables == 0)
    {
      *id_out = g_strdup (device);
      return PAGE_DEVICE;
    }
  if (n_cables == 1 && n_devices == 0)
    {
      *id_out = g_strdup (cable);
      return PAGE_CABLE;
    }
  return PAGE_SUMMARY;
}

/* Shows what the selection names, making a page only for another object. */
static void
rig_inspector_update (RigInspector *self)
{
  g_autofree char *id = NULL;
  PageKind kind;

  /* A commit made while switching pages changes the document: the page being
   * made reads it fresh. */
  if (self->in_update)
    return;
  self->in_update = TRUE;

  kind = selected_object (self, &id);
  if (self->page == NULL || kind != self->kind
      || g_strcmp0 (id, rig_inspector_page_get_object_id (self->page)) != 0)
    {
      /* Edits typed on the old page go to the document first. */
      if (self->page != NULL)
        rig_inspector_page_flush (self->page);
      show_page (self, kind, id);
    }
  rig_inspector_page_refresh (self->page);

  self->in_update = FALSE;
}

static void
document_changed_cb (RigDocument *document, RigChange *change, RigInspector *self)
{
  rig_inspector_update (self);
}

static void
selection_changed_cb (RigSelection *selection, RigInspector *self)
{
  rig_inspector_update (self);
}

/* ---- style ---------------------------------------------------------------------- */

static const char inspector_css[]
    = "rig-inspector .rig-inspector-page { padding: 18px 12px 24px 12px; }\n"
      "rig-inspector list.boxed-list { background-color: @theme_base_color;"
      "  border-radius: 10px; border: 1px solid alpha(@borders, 0.6);"
      "  box-shadow: 0 1px 2px alpha(black, 0.05); }\n"
      "rig-inspector list.boxed-list > row { padding: 8px 12px; min-height: 36px;"
      "  border-bottom: 1px solid alpha(@borders, 0.45); }\n"
      "rig-inspector list.boxed-list > row:first-child {"
      "  border-top-left-radius: 10px; border-top-right-radius: 10px; }\n"
      "rig-inspector list.boxed-list > row:last-child { border-bottom: none;"
      "  border-bottom-left-radius: 10px; border-bottom-right-radius: 10px; }\n"
      "rig-inspector list.boxed-list > row:hover { background-color: transparent; }\n"
      "rig-inspector .rig-inspector-group-title { margin: 0 4px; }\n"
      "rig-inspector .rig-inspector-description { margin: -6px 2px 0 2px; }\n"
      "rig-inspector .rig-inspector-icon { padding: 8px; border-radius: 10px;"
      "  background-color: alpha(currentColor, 0.08); }\n"
      "rig-inspector .rig-inspector-error { color: @error_color; }\n"
      "rig-inspector .rig-inspector-unit { min-width: 2.2em; }\n"
      "rig-inspector .rig-inspector-pill { padding: 1px 8px; border-radius: 9px;"
      "  background-color: alpha(currentColor, 0.08); }\n"
      "rig-inspector .rig-inspector-summary { margin: 24px; }\n";

static void
ensure_style (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr (GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "rig-inspector-css") != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, inspector_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "rig-inspector-css", g_steal_pointer (&provider),
                          g_object_unref);
}

/* ---- the object ------------------------------------------------------------------- */

static void
disconnect_document (RigInspector *self)
{
  if (self->document != NULL)
    g_clear_signal_handler (&self->document_changed_id, self->document);
  if (self->selection != NULL)
    g_clear_signal_handler (&self->selection_changed_id, self->selection);
  g_clear_object (&self->document);
  g_clear_object (&self->history);
  g_clear_object (&self->selection);
}

static void
rig_inspector_dispose (GObject *object)
{
  RigInspector *self = RIG_INSPECTOR (object);

  disconnect_document (self);
  if (self->prewarm_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->prewarm_tick);
  self->prewarm_tick = 0;
  g_clear_handle_id (&self->prewarm_idle, g_source_remove);
  if (self->scrolled_window != NULL)
    clear_page (self);
  drop_kept_pages (self, TRUE);
  gtk_widget_dispose_template (GTK_WIDGET (self), RIG_TYPE_INSPECTOR);
  self->scrolled_window = NULL;
  self->pages = NULL;

  G_OBJECT_CLASS (rig_inspector_parent_class)->dispose (object);
}

static void
rig_inspector_finalize (GObject *object)
{
  RigInspector *self = RIG_INSPECTOR (object);

  g_clear_object (&self->validator);

  G_OBJECT_CLASS (rig_inspector_parent_class)->finalize (object);
}

static void
rig_inspector_class_init (RigInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rig_inspector_dispose;
  object_class->finalize = rig_inspector_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rig-inspector");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rigwire/Rigwire/ui/rig-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, RigInspector, scrolled_window);
}

static void
rig_inspector_init (RigInspector *self)
{
  ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The pages stay in one column, the one shown visible, rather than each
   * given to the scrolled window in turn: it would make (and realize, and
   * style) a viewport each time, and the page itself again. */
  self->pages = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled_window), self->pages);

  rig_inspector_update (self);
}

GtkWidget *
rig_inspector_new (void)
{
  return g_object_new (RIG_TYPE_INSPECTOR, NULL);
}

void
rig_inspector_set_validator (RigInspector *self, RigValidator *validator)
{
  g_return_if_fail (RIG_IS_INSPECTOR (self));

  g_set_object (&self->validator, validator);
  if (self->page != NULL)
    rig_inspector_page_set_validator (self->page, validator);
}

void
rig_inspector_set_document (RigInspector *self, RigDocument *document, RigHistory *history,
                            RigSelection *selection)
{
  g_return_if_fail (RIG_IS_INSPECTOR (self));
  g_return_if_fail (document == NULL || RIG_IS_DOCUMENT (document));
  g_return_if_fail (document == NULL || RIG_IS_HISTORY (history));
  g_return_if_fail (selection == NULL || RIG_IS_SELECTION (selection));

  if (document == self->document && selection == self->selection)
    return;

  /* Edits typed for the old document go to it. */
  if (!self->in_update && self->page != NULL)
    {
      self->in_update = TRUE;
      rig_inspector_page_flush (self->page);
      self->in_update = FALSE;
    }
  clear_page (self);
  drop_kept_pages (self, FALSE);
  disconnect_document (self);

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->history = g_object_ref (history);
      self->document_changed_id
          = g_signal_connect (document, "changed", G_CALLBACK (document_changed_cb), self);
      schedule_prewarm (self);
    }
  if (selection != NULL)
    {
      self->selection = g_object_ref (selection);
      self->selection_changed_id
          = g_signal_connect (selection, "changed", G_CALLBACK (selection_changed_cb), self);
    }

  rig_inspector_update (self);
}

RigDocument *
rig_inspector_get_document (RigInspector *self)
{
  g_return_val_if_fail (RIG_IS_INSPECTOR (self), NULL);

  return self->document;
}

RigSelection *
rig_inspector_get_selection (RigInspector *self)
{
  g_return_val_if_fail (RIG_IS_INSPECTOR (self), NULL);

  return self->selection;
}

static GtkWidget *
find_named (GtkWidget *root, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
rig_inspector_focus_label (RigInspector *self)
{
  GtkWidget *entry;

  g_return_val_if_fail (RIG_IS_INSPECTOR (self), FALSE);

  rig_inspector_update (self);
  if (self->page == NULL || self->kind != PAGE_DEVICE)
    return FALSE;
  entry = find_named (GTK_WIDGET (self->page), "device-label");
  if (entry == NULL || !gtk_widget_grab_focus (entry))
    return FALSE;
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
  return TRUE;
}
