/* rig-inspector.c: the inspector sidebar.
 *
 * A thin container: it shows one page (rig-document-page.c with nothing
 * selected, rig-device-page.c, rig-cable-page.c, rig-summary-page.c) for what the selection names,
 * makes a new page only when the selection names another object, and has the page refresh itself in
 * place when the document changes. Each page's static structure is a GtkBuilder template under
 * resources/ui/. The rig's page is kept while a selection hides it, and so is a device page per
 * model, which moves from device to device of its model: selecting is the most frequent thing
 * users do, and its frame must not wait for a page's hundred widgets made and thrown away, nor
 * for the text of a page laid out again (#13). While the window is still, the pages of the rig's
 * models are made ahead and laid out out of view (rig-inspector-stack.h, HACKING.md "Pages made
 * ahead").
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rig-cable-page.h"
#include "rig-device-page.h"
#include "rig-glyph-warm.h"
#include "rig-inspector.h"
#include "rig-inspector-stack.h"
#include "rig-document-page.h"
#include "rig-stillness.h"
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
  GtkWidget *pages;           /* in it: the page shown and kept pages (RigInspectorStack) */

  /* The current page. */
  PageKind kind;
  RigInspectorPage *page; /* borrowed: the scrolled window holds it */
  gboolean in_update;

  /* Kept while not shown, without a document (rig_inspector_page_set_context()). */
  GHashTable *device_pages;       /* RigDeviceModel * → RigInspectorPage *, both owned */
  GQueue device_order;            /* those pages, the one shown last first */
  RigInspectorPage *rig_page;     /* of self->document */
  guint prewarm_tick;             /* waits for the first frame, then */
  guint prewarm_idle;             /* makes device pages ahead while the window is still */
  guint first_idle;               /* makes the first at once */
  RigInspectorPage *made_ahead;   /* the last, until laid out (in device_pages) */
  RigInspectorPage *not_laid_out; /* made, held from its frame, until laid out */
  RigStillness stillness;         /* frames drawn, but those laying out pages ahead */
  GdkFrameClock *clock;           /* while realized */
  gulong painted_id;
};

/* Device pages kept, one per model: a press on a device of a model shown
 * before changes no jack row, no Levels row, no model's words. */
#define MAX_DEVICE_PAGES 12
/* Pages are made ahead once the window has drawn no frame for this long
 * (a drag, a scroll or an animation is not slowed by them). */
#define QUIET_MS 250
/* How often to look whether the window is still. */
#define PACE_MS 60

G_DEFINE_FINAL_TYPE (RigInspector, rig_inspector, GTK_TYPE_WIDGET)

/* ---- pages ------------------------------------------------------------------------ */

/* Whether @page is one the inspector keeps while it shows another. */
static gboolean
is_kept (RigInspector *self, RigInspectorPage *page)
{
  return page != NULL && (RIG_IS_DEVICE_PAGE (page) || page == self->rig_page);
}

static void
clear_page (RigInspector *self)
{
  if (self->page != NULL)
    {
      /* Nothing the old page's widgets do while they go (a focused entry
       * losing its focus) reaches the document. A kept page lets go of it,
       * and of its validator, until it shows again: a rig let go of is
       * freed whole. */
      if (is_kept (self, self->page))
        {
          rig_inspector_page_set_context (self->page, NULL, NULL, NULL, NULL);
          rig_inspector_page_set_validator (self->page, NULL);
          rig_inspector_stack_show (RIG_INSPECTOR_STACK (self->pages), NULL);
        }
      else
        {
          rig_inspector_page_detach (self->page);
          rig_inspector_stack_remove (RIG_INSPECTOR_STACK (self->pages), GTK_WIDGET (self->page));
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
      rig_inspector_stack_remove (RIG_INSPECTOR_STACK (self->pages), GTK_WIDGET (*page));
    }
  g_clear_object (page);
}

/* Forgets the kept pages for good. */
static void
drop_kept_pages (RigInspector *self)
{
  drop_page (self, &self->rig_page);
  while (!g_queue_is_empty (&self->device_order))
    {
      /* The table holds a reference of its own. */
      RigInspectorPage *page = g_object_ref (g_queue_pop_head (&self->device_order));

      drop_page (self, &page);
    }
  if (self->device_pages != NULL)
    g_hash_table_remove_all (self->device_pages);
  self->made_ahead = NULL;
  self->not_laid_out = NULL;
}

/* The model whose page @page is in device_pages, or NULL. */
static RigDeviceModel *
model_of_page (RigInspector *self, RigInspectorPage *page)
{
  GHashTableIter iter;
  gpointer model, value;

  g_hash_table_iter_init (&iter, self->device_pages);
  while (g_hash_table_iter_next (&iter, &model, &value))
    if (value == page)
      return model;
  return NULL;
}

/* Takes @page (kept) from its model, to move it to another: returns the
 * table's reference on it. */
static RigInspectorPage *
take_page (RigInspector *self, RigInspectorPage *page)
{
  g_object_ref (page);
  g_queue_remove (&self->device_order, page);
  g_hash_table_remove (self->device_pages, model_of_page (self, page));
  return page;
}

/* The device page for @model's devices: kept from before; else a kept page
 * moved to @model (the one shown longest ago: moving a page costs a press
 * less than making one, and the model it leaves gets a page again when the
 * window is still); else a new one. */
static RigInspectorPage *
device_page_for (RigInspector *self, RigDeviceModel *model, const char *id)
{
  RigInspectorPage *page = g_hash_table_lookup (self->device_pages, model);

  if (page == NULL)
    {
      RigInspectorPage *oldest = g_queue_peek_tail (&self->device_order);

      if (oldest != NULL && oldest != self->page)
        page = take_page (self, oldest);
      else
        page = g_object_ref_sink (RIG_INSPECTOR_PAGE (
            rig_device_page_new (self->document, self->history, self->selection, id)));
      g_hash_table_insert (self->device_pages, rig_device_model_ref (model), page);
    }
  else
    g_queue_remove (&self->device_order, page);
  g_queue_push_head (&self->device_order, page);
  return page;
}

/* Another document: each kept page of a model it has under the same id
 * (another file of the same models, the same file opened again) is its
 * page now. Moved to that model's devices, the page changes no text where
 * the models say the same. */
static void
rekey_device_pages (RigInspector *self)
{
  g_autoptr (GPtrArray) pages = g_ptr_array_new ();
  g_autoptr (GPtrArray) models = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer model, page;

  g_hash_table_iter_init (&iter, self->device_pages);
  while (g_hash_table_iter_next (&iter, &model, &page))
    {
      RigDeviceModel *same
          = rig_document_find_model (self->document, ((RigDeviceModel *) model)->id);

      if (same != NULL && same != model && !g_hash_table_contains (self->device_pages, same))
        {
          g_ptr_array_add (pages, g_object_ref (page));
          g_ptr_array_add (models, same);
          g_hash_table_iter_remove (&iter);
        }
    }
  for (guint i = 0; i < pages->len; i++)
    g_hash_table_insert (self->device_pages, rig_device_model_ref (models->pdata[i]),
                         pages->pdata[i]);
}

/* A page made ahead and waiting for its frame would be laid out in a frame
 * that is the user's (a rig's first, a page shown), and one made before
 * the wait would be too: it waits for the window to be still again. */
static void
hold_made_ahead (RigInspector *self)
{
  if (self->made_ahead != NULL
      && rig_inspector_stack_cancel_ahead (RIG_INSPECTOR_STACK (self->pages),
                                           GTK_WIDGET (self->made_ahead))
      && self->not_laid_out == NULL)
    self->not_laid_out = self->made_ahead;
  self->made_ahead = NULL;
}

/* The page for @kind and @id: a kept one shown again, or a new one. */
static GtkWidget *
make_page (RigInspector *self, PageKind kind, const char *id)
{
  switch (kind)
    {
      case PAGE_DEVICE:
        /* A kept page moves to the device once in view (show_page()). */
        return GTK_WIDGET (
            device_page_for (self, rig_document_find_device (self->document, id)->model, id));
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

  /* The frame that shows it is the user's: nothing is made ahead until
   * the window is still again after it. */
  hold_made_ahead (self);
  rig_stillness_init (&self->stillness, g_get_monotonic_time ());

  /* The device page moving to another device of its model stays where it
   * is. */
  if (kind == PAGE_DEVICE && self->page != NULL && RIG_IS_DEVICE_PAGE (self->page)
      && g_hash_table_lookup (self->device_pages,
                              rig_document_find_device (self->document, id)->model)
             == self->page)
    {
      rig_device_page_show_device (RIG_DEVICE_PAGE (self->page), self->document, self->history,
                                   self->selection, id);
      rig_inspector_page_set_validator (self->page, self->validator);
      return;
    }
  clear_page (self);
  page = make_page (self, kind, id);
  /* Shown, it is laid out as the page shown. */
  if (page == GTK_WIDGET (self->not_laid_out))
    self->not_laid_out = NULL;
  self->kind = kind;
  self->page = RIG_INSPECTOR_PAGE (page);
  rig_inspector_page_set_validator (self->page, self->validator);
  /* A kept page shows again where it is: no widget of it is made, styled
   * or realized again. */
  if (gtk_widget_get_parent (page) != self->pages)
    rig_inspector_stack_add (RIG_INSPECTOR_STACK (self->pages), page);
  rig_inspector_stack_show (RIG_INSPECTOR_STACK (self->pages), page);
  /* In the view, the page knows which of its rows will show. */
  if (kind == PAGE_DEVICE && g_strcmp0 (rig_inspector_page_get_object_id (self->page), id) != 0)
    rig_device_page_show_device (RIG_DEVICE_PAGE (page), self->document, self->history,
                                 self->selection, id);
}

/* ---- device pages made ahead --------------------------------------------------- */

/* A kept page whose model the document has no device of, not shown: the
 * one to move to a model it has. NULL if none. */
static RigInspectorPage *
stale_page (RigInspector *self, GHashTable *models)
{
  for (GList *l = self->device_order.tail; l != NULL; l = l->prev)
    if (l->data != self->page && !g_hash_table_contains (models, model_of_page (self, l->data)))
      return l->data;
  return NULL;
}

/* The first device of the model with the most devices that has no page
 * yet, or NULL; sets *@reuse to a stale page to move to it, if the
 * inspector keeps as many pages as it may. */
static RigDevice *
next_to_make (RigInspector *self, RigInspectorPage **reuse)
{
  g_autoptr (GHashTable) models = g_hash_table_new (NULL, NULL); /* model → count */
  g_autoptr (GHashTable) first = g_hash_table_new (NULL, NULL);  /* model → device */
  RigDevice *best = NULL;
  guint best_count = 0;

  *reuse = NULL;
  for (guint i = 0; i < rig_document_get_n_devices (self->document); i++)
    {
      RigDevice *device = rig_document_get_device (self->document, i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (models, device->model)) + 1;

      g_hash_table_insert (models, device->model, GUINT_TO_POINTER (count));
      if (count == 1)
        g_hash_table_insert (first, device->model, device);
      if (count > best_count && !g_hash_table_contains (self->device_pages, device->model))
        {
          best = g_hash_table_lookup (first, device->model);
          best_count = count;
        }
    }
  if (best != NULL && g_queue_get_length (&self->device_order) >= MAX_DEVICE_PAGES
      && (*reuse = stale_page (self, models)) == NULL)
    return NULL;
  return best;
}

/* Has @page laid out in the next frame, which (with the few it brings
 * about) does not count as the window drawing: the pages made ahead follow
 * one another while it stays still. */
static void
lay_out_ahead (RigInspector *self, RigInspectorPage *page)
{
  rig_inspector_stack_lay_out_ahead (RIG_INSPECTOR_STACK (self->pages), GTK_WIDGET (page));
  self->made_ahead = page;
  if (self->clock != NULL)
    rig_stillness_expect_own (&self->stillness,
                              gdk_frame_clock_get_frame_counter (self->clock) + 1);
}

static void
painted_cb (GdkFrameClock *clock, RigInspector *self)
{
  rig_stillness_painted (&self->stillness, gdk_frame_clock_get_frame_counter (clock),
                         g_get_monotonic_time ());
}

/* Makes (or moves) the page of the document's most common model that has
 * none, with every jack's row, and has it laid out in the next frame: the
 * first press on a device of that model then only shows it. One page per
 * call, while the window is still; but, @first, the first page of a new
 * inspector at once and laid out in the next frame, still or not. That is
 * just after the window first shows its rig, before a hand can press, while
 * the rig is checked on another thread; waiting for the window to be still
 * (the check's frame comes later), a press within about half a second of
 * the rig showing paid that page's layout (#13). G_SOURCE_REMOVE once each
 * model has its page. */
static gboolean
make_ahead (RigInspector *self, gboolean first)
{
  RigInspectorStack *stack = RIG_INSPECTOR_STACK (self->pages);
  gboolean still = rig_stillness_is_still (&self->stillness, g_get_monotonic_time (),
                                           QUIET_MS * G_TIME_SPAN_MILLISECOND);
  RigInspectorPage *page = NULL;
  RigDevice *device;

  if (self->made_ahead != NULL
      && rig_inspector_stack_is_waiting (stack, (GtkWidget *) self->made_ahead))
    return G_SOURCE_CONTINUE;
  /* Laid out: its glyphs are drawn once, so that the page's first frame
   * does not load them. */
  if (self->made_ahead != NULL && still)
    rig_glyph_warm (GTK_WIDGET (self->made_ahead));
  self->made_ahead = NULL;
  if (!still && !g_queue_is_empty (&self->device_order))
    return G_SOURCE_CONTINUE;
  /* The page shown first: its rows out of view wait for the window to be
   * still too, and the frames that lay pages out would keep them waiting. */
  if (self->page != NULL && RIG_IS_DEVICE_PAGE (self->page)
      && rig_device_page_has_jacks_waiting (RIG_DEVICE_PAGE (self->page)))
    return G_SOURCE_CONTINUE;
  if (still && self->not_laid_out != NULL)
    {
      lay_out_ahead (self, g_steal_pointer (&self->not_laid_out));
      return G_SOURCE_CONTINUE;
    }
  device = self->document != NULL ? next_to_make (self, &page) : NULL;
  if (device == NULL)
    {
      self->prewarm_idle = 0;
      return G_SOURCE_REMOVE;
    }
  if (page != NULL)
    {
      take_page (self, page);
      rig_device_page_show_device (RIG_DEVICE_PAGE (page), self->document, self->history,
                                   self->selection, device->id);
    }
  else
    page = g_object_ref_sink (RIG_INSPECTOR_PAGE (
        rig_device_page_new (self->document, self->history, self->selection, device->id)));
  g_hash_table_insert (self->device_pages, rig_device_model_ref (device->model), page);
  /* Shown last: a press on a model with no page moves the oldest. */
  g_queue_push_tail (&self->device_order, page);
  rig_device_page_bind_all_jacks (RIG_DEVICE_PAGE (page));
  rig_inspector_page_set_validator (page, self->validator);
  rig_inspector_page_refresh (page);
  rig_inspector_page_set_context (page, NULL, NULL, NULL, NULL);
  rig_inspector_page_set_validator (page, NULL);
  if (gtk_widget_get_parent (GTK_WIDGET (page)) != self->pages)
    rig_inspector_stack_add (stack, GTK_WIDGET (page));
  if (still || first)
    lay_out_ahead (self, page);
  else
    self->not_laid_out = page;
  return G_SOURCE_CONTINUE;
}

static gboolean
make_ahead_cb (gpointer data)
{
  return make_ahead (data, FALSE);
}

static gboolean
make_first_cb (gpointer data)
{
  RigInspector *self = data;
  guint timer = self->prewarm_idle;

  self->first_idle = 0;
  /* Nothing to make: the timer goes too (make_ahead() forgot it). */
  if (timer != 0 && g_queue_is_empty (&self->device_order)
      && make_ahead (self, TRUE) == G_SOURCE_REMOVE)
    g_source_remove (timer);
  return G_SOURCE_REMOVE;
}

static gboolean
prewarm_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  RigInspector *self = RIG_INSPECTOR (widget);

  self->prewarm_tick = 0;
  if (self->prewarm_idle == 0)
    {
      /* The first page now (in an idle turn after this frame), the others
       * when the window is still. */
      self->first_idle = g_idle_add_full (G_PRIORITY_LOW, make_first_cb, self, NULL);
      /* Below input and frames: a look that falls due as an input comes
       * waits for that input's frame. */
      self->prewarm_idle = g_timeout_add_full (G_PRIORITY_LOW, PACE_MS, make_ahead_cb, self, NULL);
    }
  return G_SOURCE_REMOVE;
}

/* After the frame that shows the document first. */
static void
schedule_prewarm (RigInspector *self)
{
  /* Not once disposed. */
  if (self->pages != NULL && self->prewarm_tick == 0 && self->prewarm_idle == 0)
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

/* A row's separator is a border whose four sides have the one colour, all
 * but the bottom 0 wide: GTK 4.8's cairo renderer draws a border whose sides
 * differ in colour (a bottom border alone leaves the others currentColor)
 * through a mesh pattern, about 4 million instructions a row in every frame
 * (#13, tests/test-window-draw.c). */
static const char inspector_css[]
    = "rig-inspector .rig-inspector-page { padding: 18px 12px 24px 12px; }\n"
      "rig-inspector list.boxed-list { background-color: @theme_base_color;"
      "  border-radius: 10px; border: 1px solid alpha(@borders, 0.6);"
      "  box-shadow: 0 1px 2px alpha(black, 0.05); }\n"
      "rig-inspector list.boxed-list > row { padding: 8px 12px; min-height: 36px;"
      "  border: 0 solid alpha(@borders, 0.45); border-bottom-width: 1px; }\n"
      "rig-inspector list.boxed-list > row:first-child {"
      "  border-top-left-radius: 10px; border-top-right-radius: 10px; }\n"
      "rig-inspector list.boxed-list > row:last-child { border-bottom-width: 0;"
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
  g_clear_handle_id (&self->first_idle, g_source_remove);
  if (self->scrolled_window != NULL)
    clear_page (self);
  drop_kept_pages (self);
  g_clear_pointer (&self->device_pages, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), RIG_TYPE_INSPECTOR);
  self->scrolled_window = NULL;
  self->pages = NULL;

  G_OBJECT_CLASS (rig_inspector_parent_class)->dispose (object);
}

static void
rig_inspector_realize (GtkWidget *widget)
{
  RigInspector *self = RIG_INSPECTOR (widget);

  GTK_WIDGET_CLASS (rig_inspector_parent_class)->realize (widget);
  self->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  self->painted_id = g_signal_connect (self->clock, "after-paint", G_CALLBACK (painted_cb), self);
}

static void
rig_inspector_unrealize (GtkWidget *widget)
{
  RigInspector *self = RIG_INSPECTOR (widget);

  if (self->clock != NULL)
    {
      /* A window's frame clock may have dropped its handlers already. */
      if (g_signal_handler_is_connected (self->clock, self->painted_id))
        g_signal_handler_disconnect (self->clock, self->painted_id);
      self->painted_id = 0;
      g_clear_object (&self->clock);
    }
  GTK_WIDGET_CLASS (rig_inspector_parent_class)->unrealize (widget);
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
  widget_class->realize = rig_inspector_realize;
  widget_class->unrealize = rig_inspector_unrealize;

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
  /* As if still for long: nothing was drawn yet. */
  rig_stillness_init (&self->stillness, 0);
  self->device_pages
      = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) rig_device_model_unref, g_object_unref);
  /* The pages stay in one column, the one shown visible, rather than each
   * given to the scrolled window in turn: it would make (and realize, and
   * style) a viewport each time, and the page itself again. */
  self->pages = rig_inspector_stack_new ();
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
  /* The rig's page shows the new rig: only the texts that differ are
   * shaped again, not the page's every label (#13). */
  if (self->rig_page != NULL)
    rig_document_page_forget (RIG_DOCUMENT_PAGE (self->rig_page));
  disconnect_document (self);
  /* The document's first frames are the user's (#13). */
  hold_made_ahead (self);
  rig_stillness_init (&self->stillness, g_get_monotonic_time ());

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->history = g_object_ref (history);
      self->document_changed_id
          = g_signal_connect (document, "changed", G_CALLBACK (document_changed_cb), self);
      rekey_device_pages (self);
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
