/* rig-trace-view.c: the Trace view (rig-trace-view.h).
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rig-level-chart.h"
#include "rig-trace-view.h"

#define CHART_UNIT 1.3 /* text of about 11 px */
#define CHART_PAD 12.0

struct _RigTraceView
{
  GtkWidget parent_instance;

  GtkWidget *title_label;
  GtkWidget *path_label;    /* the one path's title */
  GtkWidget *path_dropdown; /* or a choice among several */
  GtkStringList *path_titles;
  GtkWidget *status_label;
  GtkWidget *area;

  RigDocument *document;
  char *object_id;
  char *object_name; /* as last seen, for when it is gone */
  RigTrace *trace;
  guint path;
  guint n_computed;
  guint recompute_idle;
  char *status;
  gboolean updating;

  RigTraceViewComputeFunc func;
  gpointer func_data;
  GDestroyNotify func_destroy;

  RigLevelChart *chart;
};

G_DEFINE_FINAL_TYPE (RigTraceView, rig_trace_view, GTK_TYPE_WIDGET)

static RigTrace *
compute_through (RigDocument *document, const char *object_id, gpointer user_data)
{
  return rig_trace_compute_through (document, object_id);
}

/* The object's name as users read it: a device's label, "cable A-001". */
static char *
object_name (RigTraceView *self)
{
  RigDevice *device = rig_document_find_device (self->document, self->object_id);
  RigCable *cable;

  if (device != NULL)
    return g_strdup (device->label);
  cable = rig_document_find_cable (self->document, self->object_id);
  if (cable == NULL)
    return NULL;
  if (cable->number != NULL && *cable->number != '\0')
    /* Translators: what the Trace view traces through: "cable A-001". */
    return g_strdup_printf (_ ("cable %s"), cable->number);
  return g_strdup (_ ("the cable"));
}

/* ---- showing ----------------------------------------------------------- */

/* What a screen reader reads for the chart: the path, and what clips. */
static void
describe_chart (RigTraceView *self, const RigTracePath *path)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *title = path != NULL ? rig_level_chart_path_title (path) : NULL;

  for (guint i = 0; path != NULL && i < path->n_stages; i++)
    {
      const RigTraceStage *s = &path->stages[i];
      g_autofree char *over = NULL;

      if (!rig_level_chart_stage_clips (s))
        continue;
      over = g_strdup_printf ("%.1f", -rig_level_chart_stage_headroom (s));
      /* Translators: read by screen readers for a stage of the level chart
       * that clips: "Recorder, Line in clips: 15.8 dB over. ". */
      g_string_append_printf (text, _ ("%s, %s clips: %s dB over. "), s->device_label, s->jack_name,
                              over);
    }
  if (path != NULL && text->len == 0)
    g_string_append (text, _ ("Nothing clips."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : _ ("Level chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
}

static void
show_paths (RigTraceView *self)
{
  guint n = self->trace != NULL ? self->trace->n_paths : 0;
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  gboolean same = g_list_model_get_n_items (G_LIST_MODEL (self->path_titles)) == n;

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (titles, rig_level_chart_path_title (self->trace->paths[i]));
      same = same
             && g_strcmp0 (gtk_string_list_get_string (self->path_titles, i),
                           g_ptr_array_index (titles, i))
                    == 0;
    }
  g_ptr_array_add (titles, NULL);
  if (self->path >= n)
    self->path = 0;

  self->updating = TRUE;
  if (!same)
    gtk_string_list_splice (self->path_titles, 0,
                            g_list_model_get_n_items (G_LIST_MODEL (self->path_titles)),
                            (const char *const *) titles->pdata);
  if (n > 0)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->path_dropdown), self->path);
  self->updating = FALSE;
  gtk_label_set_text (GTK_LABEL (self->path_label), n == 1 ? g_ptr_array_index (titles, 0) : "");
  gtk_widget_set_visible (self->path_label, n == 1);
  gtk_widget_set_visible (self->path_dropdown, n > 1);
}

static void
show_status (RigTraceView *self, gboolean gone)
{
  g_clear_pointer (&self->status, g_free);
  if (self->document == NULL || self->object_id == NULL)
    self->status = g_strdup (_ ("Select a device or cable and choose Trace Signal."));
  else if (gone)
    /* Translators: the Trace view, when what it traced was deleted. */
    self->status = g_strdup_printf (_ ("%s is no longer in the rig."),
                                    self->object_name != NULL ? self->object_name : "?");
  else if (self->trace->n_paths == 0)
    /* Translators: the Trace view with nothing to show: "No signal path passes through Phone 1.".
     */
    self->status = g_strdup_printf (_ ("No signal path passes through %s."), self->object_name);
  gtk_label_set_text (GTK_LABEL (self->status_label), self->status != NULL ? self->status : "");
  gtk_widget_set_visible (self->status_label, self->status != NULL);
  gtk_widget_set_visible (self->area, self->status == NULL);
}

static void
recompute (RigTraceView *self)
{
  g_autofree char *name = NULL;
  gboolean gone = FALSE;

  g_clear_handle_id (&self->recompute_idle, g_source_remove);
  g_clear_pointer (&self->trace, rig_trace_free);
  if (self->document != NULL && self->object_id != NULL)
    {
      name = object_name (self);
      gone = name == NULL;
      if (name != NULL)
        {
          g_free (self->object_name);
          self->object_name = g_steal_pointer (&name);
        }
      self->trace = self->func (self->document, self->object_id, self->func_data);
      self->n_computed++;
    }
  if (self->trace == NULL)
    self->trace = rig_trace_new ();
  gtk_label_set_text (GTK_LABEL (self->title_label),
                      self->object_name != NULL ? self->object_name : "");
  show_paths (self);
  show_status (self, gone);
  describe_chart (self, self->trace->n_paths > 0 ? self->trace->paths[self->path] : NULL);
  gtk_widget_queue_draw (self->area);
}

static gboolean
recompute_idle_cb (gpointer user_data)
{
  RigTraceView *self = user_data;

  self->recompute_idle = 0;
  recompute (self);
  return G_SOURCE_REMOVE;
}

/* A drag changes the document many times a frame: compute once for them. */
static void
document_changed_cb (RigDocument *document, const RigChange *change, RigTraceView *self)
{
  if (self->recompute_idle == 0)
    self->recompute_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, recompute_idle_cb, self, NULL);
}

static void
draw_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  RigTraceView *self = user_data;
  const RigTracePath *path;

  if (self->trace == NULL || self->path >= self->trace->n_paths)
    return;
  path = self->trace->paths[self->path];
  rig_level_chart_draw_path (self->chart, cr, path, CHART_PAD, CHART_PAD, width - 2 * CHART_PAD,
                             height - 2 * CHART_PAD,
                             rig_level_chart_listening_distance (self->document, path));
}

static void
path_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, RigTraceView *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (!self->updating && selected != GTK_INVALID_LIST_POSITION)
    rig_trace_view_set_path (self, selected);
}

/* ---- public ------------------------------------------------------------ */

GtkWidget *
rig_trace_view_new (void)
{
  return g_object_new (RIG_TYPE_TRACE_VIEW, NULL);
}

void
rig_trace_view_set_object (RigTraceView *self, RigDocument *document, const char *object_id)
{
  g_return_if_fail (RIG_IS_TRACE_VIEW (self));
  g_return_if_fail (document == NULL || RIG_IS_DOCUMENT (document));

  if (self->document != document)
    {
      if (self->document != NULL)
        g_signal_handlers_disconnect_by_data (self->document, self);
      g_set_object (&self->document, document);
      if (document != NULL)
        g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, 0);
    }
  g_free (self->object_id);
  self->object_id = g_strdup (object_id);
  g_clear_pointer (&self->object_name, g_free);
  self->path = 0;
  recompute (self);
}

const char *
rig_trace_view_get_object (RigTraceView *self)
{
  g_return_val_if_fail (RIG_IS_TRACE_VIEW (self), NULL);
  return self->object_id;
}

void
rig_trace_view_set_compute_func (RigTraceView *self, RigTraceViewComputeFunc func,
                                 gpointer user_data, GDestroyNotify destroy)
{
  g_return_if_fail (RIG_IS_TRACE_VIEW (self));

  if (self->func_destroy != NULL)
    self->func_destroy (self->func_data);
  self->func = func != NULL ? func : compute_through;
  self->func_data = func != NULL ? user_data : NULL;
  self->func_destroy = func != NULL ? destroy : NULL;
  recompute (self);
}

void
rig_trace_view_set_style (RigTraceView *self, gboolean dark, gboolean high_contrast)
{
  g_return_if_fail (RIG_IS_TRACE_VIEW (self));
  rig_level_chart_set_style (self->chart, dark, high_contrast);
  gtk_widget_queue_draw (self->area);
}

const RigTrace *
rig_trace_view_get_trace (RigTraceView *self)
{
  g_return_val_if_fail (RIG_IS_TRACE_VIEW (self), NULL);
  return self->trace;
}

guint
rig_trace_view_get_n_computed (RigTraceView *self)
{
  g_return_val_if_fail (RIG_IS_TRACE_VIEW (self), 0);
  return self->n_computed;
}

guint
rig_trace_view_get_path (RigTraceView *self)
{
  g_return_val_if_fail (RIG_IS_TRACE_VIEW (self), 0);
  return self->path;
}

void
rig_trace_view_set_path (RigTraceView *self, guint path)
{
  g_return_if_fail (RIG_IS_TRACE_VIEW (self));

  if (self->trace == NULL || path >= self->trace->n_paths || path == self->path)
    return;
  self->path = path;
  show_paths (self);
  describe_chart (self, self->trace->paths[path]);
  gtk_widget_queue_draw (self->area);
}

const char *
rig_trace_view_get_status (RigTraceView *self)
{
  g_return_val_if_fail (RIG_IS_TRACE_VIEW (self), NULL);
  return self->status;
}

/* ---- the object -------------------------------------------------------- */

static void
rig_trace_view_dispose (GObject *object)
{
  RigTraceView *self = RIG_TRACE_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->recompute_idle, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  if (self->func_destroy != NULL)
    self->func_destroy (self->func_data);
  self->func_destroy = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (rig_trace_view_parent_class)->dispose (object);
}

static void
rig_trace_view_finalize (GObject *object)
{
  RigTraceView *self = RIG_TRACE_VIEW (object);

  g_clear_pointer (&self->trace, rig_trace_free);
  g_clear_pointer (&self->chart, rig_level_chart_free);
  g_clear_object (&self->path_titles);
  g_free (self->object_id);
  g_free (self->object_name);
  g_free (self->status);
  G_OBJECT_CLASS (rig_trace_view_parent_class)->finalize (object);
}

static void
rig_trace_view_class_init (RigTraceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rig_trace_view_dispose;
  object_class->finalize = rig_trace_view_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rig-trace-view");
}

static GtkWidget *
build_header (RigTraceView *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  self->title_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_widget_add_css_class (self->title_label, "title-3");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_label), GTK_ACCESSIBLE_PROPERTY_LEVEL,
                                  1, -1);
  gtk_box_append (GTK_BOX (titles), self->title_label);
  self->path_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->path_label), 0);
  gtk_widget_add_css_class (self->path_label, "dim-label");
  gtk_box_append (GTK_BOX (titles), self->path_label);
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (header), titles);

  self->path_titles = gtk_string_list_new (NULL);
  self->path_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->path_titles)), NULL);
  gtk_widget_set_name (self->path_dropdown, "trace-paths");
  gtk_widget_set_valign (self->path_dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->path_dropdown, _ ("The signal path to show"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->path_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Signal path"), -1);
  g_signal_connect (self->path_dropdown, "notify::selected", G_CALLBACK (path_selected_cb), self);
  gtk_box_append (GTK_BOX (header), self->path_dropdown);
  return header;
}

static void
rig_trace_view_init (RigTraceView *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *header;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  self->func = compute_through;
  self->chart = rig_level_chart_new (CHART_UNIT);

  header = build_header (self);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_parent (header, GTK_WIDGET (self));

  self->status_label = gtk_label_new (NULL);
  gtk_widget_set_name (self->status_label, "trace-status");
  gtk_label_set_wrap (GTK_LABEL (self->status_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->status_label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_vexpand (self->status_label, TRUE);
  gtk_widget_add_css_class (self->status_label, "title-4");
  gtk_widget_add_css_class (self->status_label, "dim-label");
  gtk_widget_set_parent (self->status_label, GTK_WIDGET (self));

  self->area = gtk_drawing_area_new ();
  gtk_widget_set_name (self->area, "trace-chart");
  gtk_widget_set_vexpand (self->area, TRUE);
  gtk_widget_set_hexpand (self->area, TRUE);
  gtk_widget_set_size_request (self->area, 480, 320);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Level chart"), -1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_cb, self, NULL);
  gtk_widget_set_parent (self->area, GTK_WIDGET (self));

  recompute (self);
}
