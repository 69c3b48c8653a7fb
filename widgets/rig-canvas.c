/* rig-canvas.c: the rig diagram editor widget, as a view.
 *
 * A RigCanvas shows one document through the core painter: this file
 * follows the document (through its layout), the validator's statuses and
 * the selection, damaging what they change, and keeps the zoom and the
 * scroll position. The scene cache and the frame are in rig-canvas-cache.c;
 * the gestures and tools that edit, one file each, are listed in
 * rig-canvas-private.h. Every edit goes through a command and the
 * document's history; the canvas redraws from the signals, never from its
 * own edits.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rig-canvas-private.h"
#include "rig-history.h"

#define FIT_PADDING 32.0 /* px around the rig when zooming to fit */
#define ZOOM_STEP 1.25

G_DEFINE_FINAL_TYPE (RigCanvas, rig_canvas, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_ZOOM,
  PROP_SNAP_TO_GRID,
  PROP_SHOW_SIGNAL_PATHS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_OBJECT_ACTIVATED,
  SIGNAL_EDIT_REFUSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- coordinates ------------------------------------------------------- */

void
rig_canvas_widget_to_canvas (RigCanvas *self, double wx, double wy, double *cx, double *cy)
{
  *cx = self->ox + wx / self->zoom;
  *cy = self->oy + wy / self->zoom;
}

void
rig_canvas_canvas_to_widget (RigCanvas *self, double cx, double cy, double *wx, double *wy)
{
  *wx = (cx - self->ox) * self->zoom;
  *wy = (cy - self->oy) * self->zoom;
}

int
_rig_canvas_scale_factor (RigCanvas *self)
{
  return MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
}

/* Keeps the origin on the device-pixel grid, so that scrolling shifts the
 * cache by whole pixels and what it redraws matches what it keeps. */
void
_rig_canvas_set_origin (RigCanvas *self, double ox, double oy)
{
  double k = self->zoom * _rig_canvas_scale_factor (self);

  self->ox = round (ox * k) / k;
  self->oy = round (oy * k) / k;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Sets the zoom (clamped to its range) and the canvas point at the
 * widget's top-left corner. */
static void
set_view (RigCanvas *self, double zoom, double ox, double oy)
{
  zoom = CLAMP (zoom, RIG_CANVAS_ZOOM_MIN, RIG_CANVAS_ZOOM_MAX);
  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      _rig_canvas_invalidate_all (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  _rig_canvas_set_origin (self, ox, oy);
}

/* A device or a cable (the other id NULL) was double-clicked. */
void
_rig_canvas_activate (RigCanvas *self, const char *device_id, const char *cable_id)
{
  g_signal_emit (self, signals[SIGNAL_OBJECT_ACTIVATED], 0, device_id, cable_id);
}

/* Rounds a canvas point to the grid, if the canvas snaps to it. */
void
_rig_canvas_snap_point (RigCanvas *self, double *x, double *y)
{
  if (!self->snap)
    return;
  *x = round (*x / RIG_CANVAS_GRID) * RIG_CANVAS_GRID;
  *y = round (*y / RIG_CANVAS_GRID) * RIG_CANVAS_GRID;
}

/* Applies a tool's edit through the history; an edit the document refuses
 * (a second cable on a jack that takes one plug, a device dragged off the
 * canvas) changes nothing and is told to the user through
 * RigCanvas::edit-refused. */
void
_rig_canvas_apply (RigCanvas *self, RigCommand *command)
{
  g_autoptr (GError) error = NULL;

  if (!rig_history_apply (self->history, command, &error))
    g_signal_emit (self, signals[SIGNAL_EDIT_REFUSED], 0, error->message);
}

gboolean
_rig_canvas_strv_contains (char **strv, const char *s)
{
  return strv != NULL && s != NULL && g_strv_contains ((const char *const *) strv, s);
}

/* ---- following the document, the validator and the selection ---------- */

static void
update_accessible_now (RigCanvas *self)
{
  g_autofree char *text = NULL;

  if (self->document == NULL)
    text = g_strdup (_ ("No rig"));
  else if (self->validator != NULL && rig_validator_is_pending (self->validator))
    /* Translators: the canvas's description while a rig just opened is being checked */
    text = g_strdup_printf (_ ("%u devices, %u cables; checking…"),
                            rig_document_get_n_devices (self->document),
                            rig_document_get_n_cables (self->document));
  else if (self->validator != NULL && !self->verdicts_hidden)
    text = g_strdup_printf (_ ("%u devices, %u cables; %u errors, %u warnings"),
                            rig_document_get_n_devices (self->document),
                            rig_document_get_n_cables (self->document),
                            rig_validator_count (self->validator, RIG_SEVERITY_ERROR),
                            rig_validator_count (self->validator, RIG_SEVERITY_WARNING));
  else
    text
        = g_strdup_printf (_ ("%u devices, %u cables"), rig_document_get_n_devices (self->document),
                           rig_document_get_n_cables (self->document));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static gboolean
accessible_timeout_cb (gpointer data)
{
  RigCanvas *self = data;

  self->accessible_id = 0;
  update_accessible_now (self);
  return G_SOURCE_REMOVE;
}

/* The description counts problems, which costs a pass over every
 * diagnostic: once for a burst of edits, outside the frame. */
static void
update_accessible (RigCanvas *self)
{
  if (self->accessible_id == 0)
    self->accessible_id
        = g_timeout_add_full (G_PRIORITY_LOW, 300, accessible_timeout_cb, self, NULL);
}

static void
layout_changed_cb (RigLayout *layout, const RigChange *change, const GArray *damage,
                   RigCanvas *self)
{
  gboolean only_floating = FALSE;

  /* Moving the dragged devices touches nothing in the cache. */
  if (self->mode == RIG_CANVAS_MODE_MOVE && self->floating != NULL
      && (change->flags & ~RIG_CHANGE_DEVICES_MOVED) == 0)
    {
      only_floating = TRUE;
      for (guint i = 0; i < change->devices->len && only_floating; i++)
        only_floating
            = _rig_canvas_strv_contains (self->floating, g_ptr_array_index (change->devices, i));
    }

  /* An exercise's change (a student's mark, a lock) shows on cables and
   * cards without moving them: the layout damages nothing. */
  if ((change->flags & RIG_CHANGE_ALL)
      || ((change->flags & RIG_CHANGE_METADATA) && rig_document_get_exercise (self->document)))
    _rig_canvas_invalidate_all (self);
  else if (!only_floating)
    {
      if (damage->len > 2000)
        _rig_canvas_invalidate_all (self);
      else
        for (guint i = 0; i < damage->len; i++)
          _rig_canvas_damage_rect (self, &g_array_index (damage, RigRect, i));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (change->flags & (RIG_CHANGE_DEVICES_REMOVED | RIG_CHANGE_CABLES_REMOVED | RIG_CHANGE_ALL))
    rig_selection_prune (self->selection, self->document);
  if (change->flags & ~RIG_CHANGE_DEVICES_MOVED)
    {
      if (self->show_paths)
        _rig_canvas_update_highlight (self);
      update_accessible (self);
    }
}

static void
statuses_changed_cb (RigValidator *validator, char **cable_ids, char **device_ids, RigCanvas *self)
{
  _rig_canvas_damage_ids (self, (const char *const *) device_ids, (const char *const *) cable_ids);
  if (self->show_paths)
    _rig_canvas_update_highlight (self);
  update_accessible (self);
}

/* Tells the painter what is selected, damaging what changed. */
static void
sync_selection (RigCanvas *self)
{
  g_auto (GStrv) devices = rig_selection_get_devices (self->selection);
  g_auto (GStrv) cables = rig_selection_get_cables (self->selection);

  if (self->painter != NULL)
    rig_painter_set_selection (self->painter, (const char *const *) devices,
                               (const char *const *) cables);
  _rig_canvas_damage_swap (self, &self->painted_sel_devices, &self->painted_sel_cables,
                           g_steal_pointer (&devices), g_steal_pointer (&cables));
}

static void
selection_changed_cb (RigSelection *selection, RigCanvas *self)
{
  sync_selection (self);
  if (self->show_paths)
    _rig_canvas_update_highlight (self);
}

/* Zooms keeping the canvas point under widget point (wx, wy) in place. */
void
_rig_canvas_zoom_at (RigCanvas *self, double zoom, double wx, double wy)
{
  double cx, cy;

  zoom = CLAMP (zoom, RIG_CANVAS_ZOOM_MIN, RIG_CANVAS_ZOOM_MAX);
  if (zoom == self->zoom)
    return;
  rig_canvas_widget_to_canvas (self, wx, wy, &cx, &cy);
  set_view (self, zoom, cx - wx / zoom, cy - wy / zoom);
}

/* ---- the view ---------------------------------------------------------- */

/* Shows @r: zooms to fit it (with @zoom_out_only, only if it does not fit
 * now), but not below a readable zoom, where it shows @r's top left. */
static void
fit_rect (RigCanvas *self, const RigRect *r, gboolean zoom_out_only)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self)), h = gtk_widget_get_height (GTK_WIDGET (self));
  double zoom = self->zoom;
  double avail_w = MAX (w - 2 * FIT_PADDING, 16), avail_h = MAX (h - 2 * FIT_PADDING, 16);
  double fit = MIN (avail_w / MAX (r->width, 1), avail_h / MAX (r->height, 1));
  double x, y;

  if (!zoom_out_only || r->width * zoom > avail_w || r->height * zoom > avail_h)
    zoom = zoom_out_only ? MIN (zoom, fit) : MIN (fit, 1.5);
  /* Scrolling to objects keeps a zoom the user chose below the floor. */
  zoom = MAX (zoom, zoom_out_only ? MIN (self->zoom, RIG_CANVAS_ZOOM_READABLE)
                                  : RIG_CANVAS_ZOOM_READABLE);
  zoom = CLAMP (zoom, RIG_CANVAS_ZOOM_MIN, RIG_CANVAS_ZOOM_MAX);
  /* Centred along each axis where it fits, else from its top or left. */
  x = r->width * zoom <= avail_w ? r->x + r->width / 2 - w / 2.0 / zoom : r->x - FIT_PADDING / zoom;
  y = r->height * zoom <= avail_h ? r->y + r->height / 2 - h / 2.0 / zoom
                                  : r->y - FIT_PADDING / zoom;
  set_view (self, zoom, x, y);
}

void
rig_canvas_zoom_to_fit (RigCanvas *self)
{
  RigRect bounds;

  g_return_if_fail (RIG_IS_CANVAS (self));
  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    {
      self->fit_pending = TRUE;
      return;
    }
  self->fit_pending = FALSE;
  if (self->layout == NULL || !rig_layout_get_bounds (self->layout, &bounds))
    {
      rig_canvas_set_zoom (self, 1.0);
      _rig_canvas_set_origin (self, -FIT_PADDING, -FIT_PADDING);
      return;
    }
  fit_rect (self, &bounds, FALSE);
}

void
rig_canvas_scroll_to (RigCanvas *self, const char *const *device_ids, const char *const *cable_ids)
{
  RigRect all = { 0, 0, 0, 0 }, r;
  gboolean any = FALSE;

  g_return_if_fail (RIG_IS_CANVAS (self));
  if (self->layout == NULL)
    return;
  for (guint i = 0; device_ids != NULL && device_ids[i] != NULL; i++)
    if (rig_layout_get_card_rect (self->layout, device_ids[i], &r))
      {
        rig_rect_union (&all, &r, &all);
        any = TRUE;
      }
  for (guint i = 0; cable_ids != NULL && cable_ids[i] != NULL; i++)
    if (rig_layout_get_cable_bounds (self->layout, cable_ids[i], &r))
      {
        rig_rect_union (&all, &r, &all);
        any = TRUE;
      }
  if (any)
    fit_rect (self, &all, TRUE);
}

double
rig_canvas_get_zoom (RigCanvas *self)
{
  g_return_val_if_fail (RIG_IS_CANVAS (self), 1.0);
  return self->zoom;
}

void
rig_canvas_set_zoom (RigCanvas *self, double zoom)
{
  g_return_if_fail (RIG_IS_CANVAS (self));
  _rig_canvas_zoom_at (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                       gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
rig_canvas_zoom_in (RigCanvas *self)
{
  rig_canvas_set_zoom (self, self->zoom * ZOOM_STEP);
}

void
rig_canvas_zoom_out (RigCanvas *self)
{
  rig_canvas_set_zoom (self, self->zoom / ZOOM_STEP);
}

void
rig_canvas_zoom_reset (RigCanvas *self)
{
  rig_canvas_set_zoom (self, 1.0);
}

gboolean
rig_canvas_get_snap_to_grid (RigCanvas *self)
{
  g_return_val_if_fail (RIG_IS_CANVAS (self), FALSE);
  return self->snap;
}

void
rig_canvas_set_style (RigCanvas *self, gboolean dark, gboolean high_contrast)
{
  g_return_if_fail (RIG_IS_CANVAS (self));
  if (!!dark == self->dark && !!high_contrast == self->high_contrast)
    return;
  self->dark = !!dark;
  self->high_contrast = !!high_contrast;
  if (self->painter != NULL)
    rig_painter_set_style (self->painter, self->dark, self->high_contrast);
  _rig_canvas_invalidate_all (self);
}

void
rig_canvas_set_snap_to_grid (RigCanvas *self, gboolean snap)
{
  g_return_if_fail (RIG_IS_CANVAS (self));
  snap = !!snap;
  if (snap == self->snap)
    return;
  self->snap = snap;
  _rig_canvas_invalidate_all (self); /* the grid dots */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAP_TO_GRID]);
}

gboolean
rig_canvas_get_show_signal_paths (RigCanvas *self)
{
  g_return_val_if_fail (RIG_IS_CANVAS (self), FALSE);
  return self->show_paths;
}

void
rig_canvas_set_show_signal_paths (RigCanvas *self, gboolean show)
{
  g_return_if_fail (RIG_IS_CANVAS (self));
  show = !!show;
  if (show == self->show_paths)
    return;
  self->show_paths = show;
  _rig_canvas_update_highlight (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIGNAL_PATHS]);
}

/* ---- the document ------------------------------------------------------ */

static void
disconnect_document (RigCanvas *self)
{
  _rig_canvas_clear_gesture (self);
  rig_first_frame_cancel (&self->finish_layout);
  if (self->layout != NULL)
    g_clear_signal_handler (&self->layout_changed_id, self->layout);
  if (self->validator != NULL)
    g_clear_signal_handler (&self->statuses_id, self->validator);
  if (self->selection != NULL)
    g_clear_signal_handler (&self->selection_id, self->selection);
  g_clear_pointer (&self->painter, rig_painter_free);
  g_clear_object (&self->layout);
  g_clear_object (&self->validator);
  g_clear_object (&self->selection);
  g_clear_object (&self->document);
  g_clear_object (&self->history);
  g_clear_pointer (&self->painted_sel_devices, g_strfreev);
  g_clear_pointer (&self->painted_sel_cables, g_strfreev);
  g_clear_pointer (&self->highlight_devices, g_strfreev);
  g_clear_pointer (&self->highlight_cables, g_strfreev);
  g_clear_pointer (&self->hover_device, g_free);
  g_clear_pointer (&self->hover_jack, g_free);
  g_clear_pointer (&self->hover_cable, g_free);
}

static gboolean
finish_layout_cb (gpointer data)
{
  RigCanvas *self = data;

  rig_layout_finish (self->layout);
  return G_SOURCE_REMOVE;
}

void
rig_canvas_set_document (RigCanvas *self, RigDocument *document, RigHistory *history,
                         RigValidator *validator, RigSelection *selection)
{
  rig_canvas_set_document_with_layout (self, document, history, validator, selection, NULL);
}

void
rig_canvas_set_document_with_layout (RigCanvas *self, RigDocument *document, RigHistory *history,
                                     RigValidator *validator, RigSelection *selection,
                                     RigLayout *layout)
{
  g_return_if_fail (RIG_IS_CANVAS (self));
  g_return_if_fail (document == NULL || RIG_IS_DOCUMENT (document));
  g_return_if_fail (document == NULL || RIG_IS_HISTORY (history));
  g_return_if_fail (history == NULL || rig_history_get_document (history) == document);
  g_return_if_fail (layout == NULL || rig_layout_get_document (layout) == document);

  disconnect_document (self);
  self->selection = selection != NULL ? g_object_ref (selection) : rig_selection_new ();
  self->selection_id
      = g_signal_connect (self->selection, "changed", G_CALLBACK (selection_changed_cb), self);
  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->history = g_object_ref (history);
      /* Routing every cable of a big rig takes longer than drawing it: the
       * first frame shows them as plain curves, routed right after (#13). */
      self->layout = layout != NULL ? g_object_ref (layout) : rig_layout_new_deferred (document);
      self->finish_layout = rig_first_frame_run (GTK_WIDGET (self), finish_layout_cb, self);
      self->painter = rig_painter_new (self->layout);
      rig_painter_set_style (self->painter, self->dark, self->high_contrast);
      self->layout_changed_id
          = g_signal_connect (self->layout, "changed", G_CALLBACK (layout_changed_cb), self);
      if (validator != NULL)
        {
          self->validator = g_object_ref (validator);
          if (!self->verdicts_hidden)
            rig_painter_set_validator (self->painter, validator);
          self->statuses_id = g_signal_connect (validator, "statuses-changed",
                                                G_CALLBACK (statuses_changed_cb), self);
        }
      sync_selection (self);
      _rig_canvas_update_highlight (self);
    }
  update_accessible (self);
  _rig_canvas_invalidate_all (self);
  rig_canvas_zoom_to_fit (self);
}

/* Verdicts hidden (an exercise's, until the student checks): the painter
 * gets no validator, so cables and cards are drawn neutral, with no badge
 * or pattern; tooltips leave the problems out. */
void
rig_canvas_set_verdicts_hidden (RigCanvas *self, gboolean hidden)
{
  g_return_if_fail (RIG_IS_CANVAS (self));

  hidden = !!hidden;
  if (self->verdicts_hidden == hidden)
    return;
  self->verdicts_hidden = hidden;
  if (self->painter != NULL)
    rig_painter_set_validator (self->painter, hidden ? NULL : self->validator);
  update_accessible (self);
  _rig_canvas_invalidate_all (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
rig_canvas_get_verdicts_hidden (RigCanvas *self)
{
  g_return_val_if_fail (RIG_IS_CANVAS (self), FALSE);
  return self->verdicts_hidden;
}

RigDocument *
rig_canvas_get_document (RigCanvas *self)
{
  g_return_val_if_fail (RIG_IS_CANVAS (self), NULL);
  return self->document;
}

RigSelection *
rig_canvas_get_selection (RigCanvas *self)
{
  g_return_val_if_fail (RIG_IS_CANVAS (self), NULL);
  return self->selection;
}

RigLayout *
rig_canvas_get_layout (RigCanvas *self)
{
  return self->layout;
}

RigPainter *
rig_canvas_get_painter (RigCanvas *self)
{
  return self->painter;
}

void
rig_canvas_get_origin (RigCanvas *self, double *x, double *y)
{
  *x = self->ox;
  *y = self->oy;
}

void
rig_canvas_test_set_view (RigCanvas *self, double zoom, double x, double y)
{
  set_view (self, zoom, x, y);
}

/* ---- GObject and GtkWidget --------------------------------------------- */

static void
rig_canvas_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  RigCanvas *self = RIG_CANVAS (widget);

  if (self->fit_pending && width > 0 && height > 0)
    rig_canvas_zoom_to_fit (self);
}

static void
rig_canvas_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                    int *natural, int *minimum_baseline, int *natural_baseline)
{
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 600;
}

static void
scale_factor_cb (RigCanvas *self, GParamSpec *pspec, gpointer data)
{
  _rig_canvas_invalidate_all (self);
}

static void
rig_canvas_dispose (GObject *object)
{
  RigCanvas *self = RIG_CANVAS (object);

  disconnect_document (self);
  g_clear_handle_id (&self->accessible_id, g_source_remove);
  g_clear_pointer (&self->cache, cairo_surface_destroy);
  g_clear_pointer (&self->spare, cairo_surface_destroy);
  _rig_canvas_tiles_free (self);
  G_OBJECT_CLASS (rig_canvas_parent_class)->dispose (object);
}

static void
rig_canvas_finalize (GObject *object)
{
  RigCanvas *self = RIG_CANVAS (object);

  g_array_unref (self->damage);
  G_OBJECT_CLASS (rig_canvas_parent_class)->finalize (object);
}

static void
rig_canvas_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RigCanvas *self = RIG_CANVAS (object);

  switch (prop_id)
    {
      case PROP_ZOOM:
        g_value_set_double (value, self->zoom);
        break;
      case PROP_SNAP_TO_GRID:
        g_value_set_boolean (value, self->snap);
        break;
      case PROP_SHOW_SIGNAL_PATHS:
        g_value_set_boolean (value, self->show_paths);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rig_canvas_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RigCanvas *self = RIG_CANVAS (object);

  switch (prop_id)
    {
      case PROP_ZOOM:
        rig_canvas_set_zoom (self, g_value_get_double (value));
        break;
      case PROP_SNAP_TO_GRID:
        rig_canvas_set_snap_to_grid (self, g_value_get_boolean (value));
        break;
      case PROP_SHOW_SIGNAL_PATHS:
        rig_canvas_set_show_signal_paths (self, g_value_get_boolean (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rig_canvas_class_init (RigCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rig_canvas_dispose;
  object_class->finalize = rig_canvas_finalize;
  object_class->get_property = rig_canvas_get_property;
  object_class->set_property = rig_canvas_set_property;

  widget_class->snapshot = _rig_canvas_snapshot;
  widget_class->measure = rig_canvas_measure;
  widget_class->size_allocate = rig_canvas_size_allocate;
  widget_class->query_tooltip = _rig_canvas_query_tooltip;

  properties[PROP_ZOOM]
      = g_param_spec_double ("zoom", NULL, NULL, RIG_CANVAS_ZOOM_MIN, RIG_CANVAS_ZOOM_MAX, 1.0,
                             G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SNAP_TO_GRID]
      = g_param_spec_boolean ("snap-to-grid", NULL, NULL, TRUE,
                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_SIGNAL_PATHS]
      = g_param_spec_boolean ("show-signal-paths", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RigCanvas::object-activated:
   * @device_id: (nullable): the device double-clicked
   * @cable_id: (nullable): the cable double-clicked
   */
  signals[SIGNAL_OBJECT_ACTIVATED]
      = g_signal_new ("object-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                      NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * RigCanvas::edit-refused:
   * @message: why, in words for the user
   *
   * An edit made on the canvas was refused by the document's rules and
   * changed nothing.
   */
  signals[SIGNAL_EDIT_REFUSED]
      = g_signal_new ("edit-refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "rigcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rig_canvas_init (RigCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->zoom = 1.0;
  self->snap = TRUE;
  self->damage = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_int_t));
  self->cache_full = TRUE;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);

  /* In this order: each sees an event before the ones added after it. */
  _rig_canvas_add_drag_gesture (self);
  _rig_canvas_add_pan_gesture (self);
  _rig_canvas_add_click_gesture (self);
  _rig_canvas_add_zoom_controllers (self);
  _rig_canvas_add_motion_controller (self);
  _rig_canvas_add_key_controller (self);
  _rig_canvas_add_drop_target (self);

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_cb), NULL);

  self->selection = rig_selection_new ();
  self->selection_id
      = g_signal_connect (self->selection, "changed", G_CALLBACK (selection_changed_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Rig diagram"), -1);
  update_accessible_now (self);
}

GtkWidget *
rig_canvas_new (void)
{
  return g_object_new (RIG_TYPE_CANVAS, NULL);
}
