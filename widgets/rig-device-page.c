/* rig-device-page.c: the inspector's page of one device: its label, its
 * figures (only those that mean something for it) with reset buttons for
 * overrides, its power, and its jacks.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-control-row.h"
#include "rig-device-page.h"
#include "rig-error.h"
#include "rig-inspector-text.h"
#include "rig-jack-row.h"
#include "rig-palette.h"
#include "rig-property-row.h"
#include "rig-wrap-bin.h"

struct _RigDevicePage
{
  RigInspectorPage parent_instance;

  /* The template. */
  GtkWidget *icon;
  GtkWidget *title_label;
  GtkWidget *subtitle_label;
  GtkWidget *description_label;
  RigFieldRow *label_row;
  GtkWidget *model_row;
  GtkWidget *category_row;
  GtkWidget *figures_group;
  GtkWidget *power_group;
  RigFieldRow *impedance_row;
  RigFieldRow *handling_row;
  RigFieldRow *sensitivity_row;
  RigFieldRow *amp_power_row;
  RigFieldRow *listening_distance_row;
  RigFieldRow *power_source_row;
  GtkWidget *power_source_dropdown;
  RigFieldRow *battery_row;
  RigFieldRow *earthed_row;
  RigFieldRow *phantom_row;
  GtkWidget *jacks_list;
  GPtrArray *jack_rows;      /* RigJackRow *, in order; the list holds them */
  GtkWidget *no_jacks_row;   /* "None", made when first needed */
  guint jacks_bound;         /* rows before it show the device's jacks */
  guint jacks_tick;          /* waits for the page's next frame, */
  guint jacks_idle;          /* then binds the rest, a few per turn */
  guint jacks_quiet;         /* out of view: binds them all when the window is still */
  GtkAdjustment *jacks_view; /* ... or when they scroll into view */
  gulong jacks_view_id;
  GdkFrameClock *jacks_clock; /* says when the window paints */
  gulong jacks_paint_id;
  gint64 jacks_painted;      /* when it last painted, µs */
  GtkWidget *controls_group; /* volume, gain and pad controls; Trace (rig-control-row.h) */

  /* Each model is held (a ref) while the page keeps something made for it:
   * a freed model's address may be another's, in the next document. */
  RigDeviceModel *model;          /* whose words the page shows, or NULL */
  RigDeviceModel *controls_model; /* the one controls_group was made for */
  GHashTable *spare_controls;     /* RigDeviceModel * → its group, out of the page (both owned) */
  gconstpointer spare_document;   /* whose models those are (compared, never read) */

  RigFieldRow *figure_rows[RIG_N_FIGURES]; /* the rows above, by figure */
};

/* Jack rows made (or moved to another jack) with the page when they show,
 * and then per idle turn, each turn's rows laid out in a frame of their own:
 * a selection's frame must not wait for a receiver's thirty rows, nor the
 * frames after it for more than a few (#13). */
#define JACK_ROWS_AT_ONCE 6
#define JACK_ROWS_PER_TURN 3
/* Rows out of view are made once the window has drawn no frame for this
 * long (a drag that follows the press is not slowed by them), or as soon
 * as they scroll into view. */
#define QUIET_MS 250
/* Levels groups kept out of the page for the models shown before. */
#define SPARE_CONTROL_GROUPS 8

G_DEFINE_FINAL_TYPE (RigDevicePage, rig_device_page, RIG_TYPE_INSPECTOR_PAGE)

/* The power sources in the order the drop-down lists them. */
static const RigPowerSource power_source_order[] = {
  RIG_POWER_SOURCE_MAINS, RIG_POWER_SOURCE_USB,     RIG_POWER_SOURCE_BATTERY,
  RIG_POWER_SOURCE_DC,    RIG_POWER_SOURCE_PHANTOM, RIG_POWER_SOURCE_NONE,
};
G_STATIC_ASSERT (G_N_ELEMENTS (power_source_order) == RIG_N_POWER_SOURCES);

static guint
power_source_position (RigPowerSource source)
{
  for (guint i = 0; i < G_N_ELEMENTS (power_source_order); i++)
    if (power_source_order[i] == source)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static RigDevice *
current_device (RigDevicePage *self)
{
  RigInspectorPage *page = RIG_INSPECTOR_PAGE (self);
  RigDocument *document = rig_inspector_page_get_document (page);

  if (document == NULL)
    return NULL;
  return rig_document_find_device (document, rig_inspector_page_get_object_id (page));
}

/* The figure a row edits, or RIG_N_FIGURES for the label. */
static RigFigure
row_figure (RigDevicePage *self, RigFieldRow *row)
{
  for (guint i = 0; i < RIG_N_FIGURES; i++)
    if (self->figure_rows[i] == row)
      return i;
  return RIG_N_FIGURES;
}

/* Whether a figure means something for this device: the device overrides
 * it, the model sets it or its category has it; a battery and an earthed plug
 * only for what runs on a battery or on mains. */
static gboolean
figure_is_relevant (const RigDevice *device, RigFigure figure)
{
  const RigDeviceModel *model = device->model;
  RigCategory category = model->category;
  RigPowerSource source = rig_device_get_power_source (device);

  if (rig_figure_is_set (device->overrides[figure]))
    return TRUE;

  switch (figure)
    {
      case RIG_FIGURE_NOMINAL_IMPEDANCE:
      case RIG_FIGURE_SENSITIVITY:
        return rig_figure_is_set (model->figures[figure])
               || category == RIG_CATEGORY_PASSIVE_SPEAKER || category == RIG_CATEGORY_HEADPHONES;
      case RIG_FIGURE_POWER_HANDLING:
        return rig_figure_is_set (model->figures[figure])
               || category == RIG_CATEGORY_PASSIVE_SPEAKER;
      case RIG_FIGURE_AMP_POWER:
        return rig_figure_is_set (model->figures[figure]) || category == RIG_CATEGORY_AMPLIFIER
               || category == RIG_CATEGORY_HEADPHONE_AMPLIFIER;
      case RIG_FIGURE_POWER_SOURCE:
        return source != RIG_POWER_SOURCE_NONE
               || (category != RIG_CATEGORY_PASSIVE_SPEAKER && category != RIG_CATEGORY_ADAPTER
                   && category != RIG_CATEGORY_ACCESSORY);
      case RIG_FIGURE_BATTERY:
        return source == RIG_POWER_SOURCE_BATTERY;
      case RIG_FIGURE_EARTHED:
        return source == RIG_POWER_SOURCE_MAINS;
      case RIG_FIGURE_LISTENING_DISTANCE:
        return category == RIG_CATEGORY_PASSIVE_SPEAKER || category == RIG_CATEGORY_ACTIVE_SPEAKER
               || category == RIG_CATEGORY_HEADPHONES;
      case RIG_FIGURE_PHANTOM_ON:
        if (rig_figure_is_set (model->figures[figure]))
          return TRUE;
        for (guint i = 0; i < model->n_jacks; i++)
          if (model->jacks[i].phantom == RIG_SUPPLY_SUPPLIES)
            return TRUE;
        return FALSE;
      case RIG_N_FIGURES:
      default:
        return FALSE;
    }
}

/* ---- editing ------------------------------------------------------------------- */

static gboolean
rig_device_page_check_field (RigInspectorPage *page, RigFieldRow *row, const char *text,
                             double *value, char **text_out, GError **error)
{
  RigDevicePage *self = RIG_DEVICE_PAGE (page);
  RigFigure figure = row_figure (self, row);

  if (row == self->label_row)
    {
      g_autofree char *label = g_strstrip (g_strdup (text));

      if (label[0] == '\0')
        {
          g_set_error_literal (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("A device needs a label."));
          return FALSE;
        }
      *text_out = g_steal_pointer (&label);
      return TRUE;
    }
  return rig_inspector_parse_number (text, rig_inspector_units_for_figure (figure), value, error)
         && rig_figure_validate (figure, *value, error);
}

static RigCommand *
rig_device_page_field_command (RigInspectorPage *page, RigFieldRow *row, double value,
                               const char *text)
{
  RigDevicePage *self = RIG_DEVICE_PAGE (page);
  RigDevice *device = current_device (self);
  RigFigure figure = row_figure (self, row);

  if (device == NULL)
    return NULL;
  if (row == self->label_row)
    {
      if (g_strcmp0 (device->label, text) == 0)
        return NULL;
      return rig_command_set_device_label (device->id, text);
    }
  /* The model's own value, typed again, is no override. */
  if (rig_inspector_same_number (device->model->figures[figure], value))
    value = NAN;
  if (rig_inspector_same_number (device->overrides[figure], value))
    return NULL;
  return rig_command_set_device_figure (device->id, figure, value);
}

static void
figure_reset_cb (RigFieldRow *row, RigDevicePage *self)
{
  RigDevice *device = current_device (self);
  RigFigure figure = row_figure (self, row);
  g_autoptr (GError) error = NULL;

  if (device == NULL || !rig_figure_is_set (device->overrides[figure]))
    return;
  rig_field_row_expect_change (row);
  if (!rig_inspector_page_apply (RIG_INSPECTOR_PAGE (self),
                                 rig_command_set_device_figure (device->id, figure, NAN), &error))
    rig_field_row_show_error (row, error->message);
}

/* Applies a figure chosen from a drop-down or a switch. */
static void
apply_figure (RigDevicePage *self, RigFieldRow *row, double value)
{
  RigInspectorPage *page = RIG_INSPECTOR_PAGE (self);
  RigDevice *device = current_device (self);
  RigFigure figure = row_figure (self, row);
  g_autoptr (GError) error = NULL;

  if (rig_inspector_page_is_updating (page) || device == NULL || figure == RIG_N_FIGURES)
    return;
  if (rig_inspector_same_number (rig_device_get_figure (device, figure), value))
    return;
  /* Choosing the model's own value again clears the override. */
  if (rig_inspector_same_number (device->model->figures[figure], value))
    value = NAN;
  if (!rig_inspector_page_apply (page, rig_command_set_device_figure (device->id, figure, value),
                                 &error))
    {
      rig_field_row_show_error (row, error->message);
      rig_inspector_page_refresh (page);
    }
}

static void
power_source_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, RigDevicePage *self)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (position < G_N_ELEMENTS (power_source_order))
    apply_figure (self, self->power_source_row, power_source_order[position]);
}

static void
switch_active_cb (GtkSwitch *toggle, GParamSpec *pspec, RigDevicePage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (toggle), RIG_TYPE_FIELD_ROW);

  if (row != NULL)
    apply_figure (self, RIG_FIELD_ROW (row), gtk_switch_get_active (toggle) ? 1 : 0);
}

/* ---- showing ------------------------------------------------------------------- */

/* Shows a figure's value, and the model's when the device overrides it.
 * Returns whether the figure means something for the device. */
static gboolean
refresh_figure (RigDevicePage *self, RigDevice *device, RigFigure figure)
{
  RigInspectorPage *page = RIG_INSPECTOR_PAGE (self);
  RigFieldRow *row = self->figure_rows[figure];
  GtkWidget *control = rig_field_row_get_control (row);
  double value = rig_device_get_figure (device, figure);
  gboolean relevant = figure_is_relevant (device, figure);
  g_autofree char *model_value = NULL;

  gtk_widget_set_visible (GTK_WIDGET (row), relevant);
  if (GTK_IS_ENTRY (control))
    {
      g_autofree char *text = rig_inspector_format_number (value);
      rig_field_row_set_text (row, text);
    }
  else
    {
      rig_inspector_page_begin_update (page);
      if (GTK_IS_DROP_DOWN (control))
        gtk_drop_down_set_selected (GTK_DROP_DOWN (control),
                                    power_source_position (rig_device_get_power_source (device)));
      else
        gtk_switch_set_active (GTK_SWITCH (control), rig_figure_is_set (value) && value != 0);
      rig_inspector_page_end_update (page);
      rig_field_row_clear_error (row);
    }

  if (rig_figure_is_set (device->overrides[figure]))
    model_value = rig_inspector_describe_figure_value (figure, device->model->figures[figure]);
  rig_field_row_show_model_value (row, model_value);
  return relevant;
}

static void
rig_device_page_refresh (RigInspectorPage *page)
{
  RigDevicePage *self = RIG_DEVICE_PAGE (page);
  RigDevice *device = current_device (self);
  gboolean any_figure = FALSE;
  gboolean any_power = FALSE;

  if (device == NULL)
    return;
  gtk_label_set_text (GTK_LABEL (self->title_label), device->label);
  gtk_label_set_text (GTK_LABEL (self->subtitle_label),
                      rig_device_model_get_display_name (device->model));
  rig_field_row_set_text (self->label_row, device->label);

  for (guint i = 0; i < RIG_N_FIGURES; i++)
    {
      gboolean relevant = refresh_figure (self, device, i);

      if (GTK_IS_ENTRY (rig_field_row_get_control (self->figure_rows[i])))
        any_figure |= relevant;
      else
        any_power |= relevant;
    }

  gtk_widget_set_visible (self->figures_group, any_figure);
  gtk_widget_set_visible (self->power_group, any_power);

  if (self->controls_group != NULL)
    rig_control_group_refresh (self->controls_group);

  /* Which jacks hold a cable changes with every connection. */
  for (GtkWidget *row = gtk_widget_get_first_child (self->jacks_list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (RIG_IS_JACK_ROW (row))
      rig_jack_row_refresh (RIG_JACK_ROW (row));
}

/* Makes (or moves) the next @budget jack rows; G_SOURCE_REMOVE once every
 * jack has one. A row that shows its jack already costs nothing to move. */
static gboolean
bind_jack_rows (RigDevicePage *self, guint budget)
{
  RigInspectorPage *page = RIG_INSPECTOR_PAGE (self);
  RigDevice *device = current_device (self);
  guint made = 0;

  if (device == NULL)
    {
      self->jacks_idle = 0;
      return G_SOURCE_REMOVE;
    }
  for (; self->jacks_bound < device->model->n_jacks && made < budget; self->jacks_bound++)
    {
      const RigJack *jack = &device->model->jacks[self->jacks_bound];
      GtkWidget *row;

      if (self->jacks_bound < self->jack_rows->len)
        {
          row = g_ptr_array_index (self->jack_rows, self->jacks_bound);
          /* Visible: show_jacks() moved it already. */
          if (gtk_widget_get_visible (row))
            continue;
          rig_jack_row_set_jack (RIG_JACK_ROW (row), page, device->id, jack);
          gtk_widget_set_visible (row, TRUE);
        }
      else
        {
          row = rig_jack_row_new (page, device->id, jack);
          g_ptr_array_add (self->jack_rows, row);
          gtk_list_box_append (GTK_LIST_BOX (self->jacks_list), row);
        }
      made++;
    }
  if (self->jacks_bound < device->model->n_jacks)
    return G_SOURCE_CONTINUE;
  self->jacks_idle = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
add_jack_rows (gpointer data)
{
  return bind_jack_rows (data, JACK_ROWS_PER_TURN);
}

/* Whether the jacks' list will be in the inspector's view as the page is now,
 * or (no view yet) may be. Measures the page as its frame will (the sizes
 * stay for that frame). */
static gboolean
jacks_in_view (RigDevicePage *self)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  int width, page_height, group_height, unused;

  if (view == NULL || (width = gtk_widget_get_width (view)) <= 0)
    return TRUE;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (view));
  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_VERTICAL, width, &page_height, &unused,
                      NULL, NULL);
  gtk_widget_measure (gtk_widget_get_parent (self->jacks_list), GTK_ORIENTATION_VERTICAL, -1,
                      &group_height, &unused, NULL, NULL);
  /* The group ends the page, above its bottom padding. */
  return page_height - group_height - 48
         < gtk_adjustment_get_value (adjustment) + gtk_widget_get_height (view);
}

static gboolean
jacks_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  RigDevicePage *self = RIG_DEVICE_PAGE (widget);

  /* Called as the frame begins: the idle runs once it is painted. */
  self->jacks_tick = 0;
  self->jacks_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, add_jack_rows, self, NULL);
  return G_SOURCE_REMOVE;
}

static void
cancel_jack_rows (RigDevicePage *self)
{
  if (self->jacks_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->jacks_tick);
  self->jacks_tick = 0;
  g_clear_handle_id (&self->jacks_idle, g_source_remove);
  g_clear_handle_id (&self->jacks_quiet, g_source_remove);
  if (self->jacks_view != NULL)
    {
      g_clear_signal_handler (&self->jacks_view_id, self->jacks_view);
      g_clear_object (&self->jacks_view);
    }
  if (self->jacks_clock != NULL)
    {
      /* A window's frame clock drops its handlers when it is unrealized. */
      if (g_signal_handler_is_connected (self->jacks_clock, self->jacks_paint_id))
        g_signal_handler_disconnect (self->jacks_clock, self->jacks_paint_id);
      self->jacks_paint_id = 0;
      g_clear_object (&self->jacks_clock);
    }
}

/* Makes every row left, now. */
static void
bind_all_jack_rows (RigDevicePage *self)
{
  cancel_jack_rows (self);
  bind_jack_rows (self, G_MAXUINT);
}

static void
painted_cb (GdkFrameClock *clock, RigDevicePage *self)
{
  self->jacks_painted = g_get_monotonic_time ();
}

static gboolean
quiet_cb (gpointer data)
{
  RigDevicePage *self = data;

  /* Frames still coming (a drag, a scroll, an animation): later. */
  if (g_get_monotonic_time () - self->jacks_painted < QUIET_MS * 1000)
    return G_SOURCE_CONTINUE;
  self->jacks_quiet = 0;
  bind_all_jack_rows (self);
  return G_SOURCE_REMOVE;
}

static void
view_changed_cb (GtkAdjustment *adjustment, RigDevicePage *self)
{
  if (jacks_in_view (self))
    bind_all_jack_rows (self);
}

/* The rows out of view: made when the window is still, or in view. */
static void
bind_jack_rows_when_quiet (RigDevicePage *self)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  self->jacks_painted = g_get_monotonic_time ();
  self->jacks_quiet = g_timeout_add (QUIET_MS, quiet_cb, self);
  if (clock != NULL)
    {
      self->jacks_clock = g_object_ref (clock);
      self->jacks_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), self);
    }
  if (view != NULL)
    {
      self->jacks_view
          = g_object_ref (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (view)));
      self->jacks_view_id = g_signal_connect (self->jacks_view, "value-changed",
                                              G_CALLBACK (view_changed_cb), self);
    }
}

/* Has the jack rows show @device's jacks: the rows that show the same jack
 * already (another device of the same model, or of @before, a model equal
 * to it) at once, a few more now, the rest after the frame; rows left over
 * wait, hidden, for a bigger model. */
static void
show_jacks (RigDevicePage *self, RigDevice *device, const RigDeviceModel *before)
{
  const RigDeviceModel *model = device->model;

  cancel_jack_rows (self);
  for (guint i = 0; i < self->jack_rows->len; i++)
    {
      RigJackRow *row = g_ptr_array_index (self->jack_rows, i);
      gboolean same = i < model->n_jacks
                      && (rig_jack_row_shows (row, &model->jacks[i])
                          || (before != NULL && rig_jack_row_shows (row, &before->jacks[i])));

      rig_jack_row_set_jack (row, RIG_INSPECTOR_PAGE (self), device->id,
                             same ? &model->jacks[i] : NULL);
      gtk_widget_set_visible (GTK_WIDGET (row), same);
    }
  self->jacks_bound = 0;
  /* A few rows with the page if they will show; the rest (all, out of view)
   * after the frame that shows the page: an idle added now could run before
   * that frame is laid out, and make it wait for every row. */
  if (!jacks_in_view (self))
    bind_jack_rows_when_quiet (self);
  else if (bind_jack_rows (self, JACK_ROWS_AT_ONCE) == G_SOURCE_CONTINUE)
    self->jacks_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), jacks_tick_cb, NULL, NULL);

  if (model->n_jacks == 0 && self->no_jacks_row == NULL)
    {
      self->no_jacks_row = rig_property_row_new (_ ("None"), "");
      gtk_list_box_append (GTK_LIST_BOX (self->jacks_list), self->no_jacks_row);
    }
  if (self->no_jacks_row != NULL)
    gtk_widget_set_visible (self->no_jacks_row, model->n_jacks == 0);
}

/* What stays while the page shows devices of one model: its words, its
 * controls. @alike: the model is equal to the one shown before (the same,
 * or another file's copy of it), whose words the page shows already. */
static void
show_model (RigDevicePage *self, RigDevice *device, gboolean alike)
{
  const RigDeviceModel *model = device->model;

  if (model == self->model)
    return;
  g_clear_pointer (&self->model, rig_device_model_unref);
  self->model = rig_device_model_ref ((RigDeviceModel *) model);
  if (alike)
    return;
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), rig_palette_get_model_icon_name (model));
  gtk_label_set_text (GTK_LABEL (self->description_label),
                      model->description != NULL ? rig_device_model_get_display_description (model)
                                                 : "");
  gtk_widget_set_visible (self->description_label, model->description != NULL);
  rig_property_row_set_value (RIG_PROPERTY_ROW (self->model_row),
                              rig_device_model_get_display_name (model));
  rig_property_row_set_value (RIG_PROPERTY_ROW (self->category_row),
                              rig_category_to_label (model->category));
}

/* Takes the Levels group out of the page, kept for a device of its model:
 * made again, its rows would cost a press that comes back to the model. */
static void
put_controls_aside (RigDevicePage *self)
{
  if (self->controls_group == NULL)
    return;
  if (g_hash_table_size (self->spare_controls) >= SPARE_CONTROL_GROUPS)
    g_hash_table_remove_all (self->spare_controls);
  g_hash_table_insert (self->spare_controls, g_steal_pointer (&self->controls_model),
                       g_object_ref (self->controls_group));
  gtk_widget_unparent (self->controls_group);
  self->controls_group = NULL;
}

/* The Levels group: the same rows for another device of its model. */
static void
show_controls (RigDevicePage *self, RigDevice *device)
{
  GtkWidget *group;

  /* A Levels group serves any model with the same controls (a row finds
   * its control by id in the model of the device it shows), or none (the
   * heading and the Trace button alone): another file's copy of a model
   * has the same. */
  if (self->controls_group != NULL
      && rig_device_model_same_controls (self->controls_model, device->model))
    {
      rig_control_group_set_device (self->controls_group, device->id);
      if (self->controls_model != device->model)
        {
          rig_device_model_unref (self->controls_model);
          self->controls_model = rig_device_model_ref (device->model);
        }
      return;
    }
  put_controls_aside (self);
  g_clear_pointer (&self->controls_model, rig_device_model_unref);
  if (g_hash_table_steal_extended (self->spare_controls, device->model,
                                   (gpointer *) &self->controls_model, (gpointer *) &group))
    rig_control_group_set_device (group, device->id);
  else
    {
      group = g_object_ref_sink (rig_control_group_new (RIG_INSPECTOR_PAGE (self), device->id));
      self->controls_model = rig_device_model_ref (device->model);
    }
  self->controls_group = group;
  /* The controls go before the jacks. */
  gtk_widget_insert_before (self->controls_group, GTK_WIDGET (self),
                            gtk_widget_get_parent (self->jacks_list));
  g_object_unref (group);
}

/* Another document's groups will not show again: room for this one's. */
static void
forget_other_document (RigDevicePage *self, RigDocument *document)
{
  if (self->spare_document == document)
    return;
  g_hash_table_remove_all (self->spare_controls);
  self->spare_document = document;
}

void
rig_device_page_show_device (RigDevicePage *self, RigDocument *document, RigHistory *history,
                             RigSelection *selection, const char *device_id)
{
  /* Held until the rows are moved: they tell jacks apart by address. */
  g_autoptr (RigDeviceModel) before
      = self->model != NULL ? rig_device_model_ref (self->model) : NULL;
  RigDevice *device;
  gboolean alike;

  g_return_if_fail (RIG_IS_DEVICE_PAGE (self));

  rig_inspector_page_set_context (RIG_INSPECTOR_PAGE (self), document, history, selection,
                                  device_id);
  device = current_device (self);
  g_return_if_fail (device != NULL);
  forget_other_document (self, document);
  /* Another file of the same models (opened again, or the next student's):
   * each has its own copy of a model, equal to the one the page shows. */
  alike = before != NULL && rig_device_model_equal (before, device->model);

  /* Whatever the entries hold was for the device shown before. */
  rig_field_row_expect_change (self->label_row);
  for (guint i = 0; i < RIG_N_FIGURES; i++)
    if (GTK_IS_ENTRY (rig_field_row_get_control (self->figure_rows[i])))
      rig_field_row_expect_change (self->figure_rows[i]);

  show_model (self, device, alike);
  show_controls (self, device);
  /* What shows above the jacks decides whether they are in view. */
  rig_device_page_refresh (RIG_INSPECTOR_PAGE (self));
  show_jacks (self, device, alike ? before : NULL);
}

void
rig_device_page_bind_all_jacks (RigDevicePage *self)
{
  g_return_if_fail (RIG_IS_DEVICE_PAGE (self));

  bind_all_jack_rows (self);
}

gboolean
rig_device_page_has_jacks_waiting (RigDevicePage *self)
{
  g_return_val_if_fail (RIG_IS_DEVICE_PAGE (self), FALSE);

  return self->jacks_tick != 0 || self->jacks_idle != 0 || self->jacks_quiet != 0;
}

GtkWidget *
rig_device_page_new (RigDocument *document, RigHistory *history, RigSelection *selection,
                     const char *device_id)
{
  RigDevicePage *self = g_object_new (RIG_TYPE_DEVICE_PAGE, NULL);

  rig_device_page_show_device (self, document, history, selection, device_id);
  return GTK_WIDGET (self);
}

/* ---- the object ------------------------------------------------------------------- */

static void
rig_device_page_dispose (GObject *object)
{
  RigDevicePage *self = RIG_DEVICE_PAGE (object);

  cancel_jack_rows (self);
  g_clear_pointer (&self->jack_rows, g_ptr_array_unref);
  g_clear_pointer (&self->spare_controls, g_hash_table_unref);
  g_clear_pointer (&self->model, rig_device_model_unref);
  g_clear_pointer (&self->controls_model, rig_device_model_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), RIG_TYPE_DEVICE_PAGE);

  G_OBJECT_CLASS (rig_device_page_parent_class)->dispose (object);
}

static void
rig_device_page_class_init (RigDevicePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RigInspectorPageClass *page_class = RIG_INSPECTOR_PAGE_CLASS (klass);

  object_class->dispose = rig_device_page_dispose;
  page_class->refresh = rig_device_page_refresh;
  page_class->check_field = rig_device_page_check_field;
  page_class->field_command = rig_device_page_field_command;

  g_type_ensure (RIG_TYPE_FIELD_ROW);
  g_type_ensure (RIG_TYPE_PROPERTY_ROW);
  g_type_ensure (RIG_TYPE_WRAP_BIN);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rigwire/Rigwire/ui/rig-device-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RigDevicePage, name)
  BIND (icon);
  BIND (title_label);
  BIND (subtitle_label);
  BIND (description_label);
  BIND (label_row);
  BIND (model_row);
  BIND (category_row);
  BIND (figures_group);
  BIND (power_group);
  BIND (impedance_row);
  BIND (handling_row);
  BIND (sensitivity_row);
  BIND (amp_power_row);
  BIND (listening_distance_row);
  BIND (power_source_row);
  BIND (power_source_dropdown);
  BIND (battery_row);
  BIND (earthed_row);
  BIND (phantom_row);
  BIND (jacks_list);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, figure_reset_cb);
  gtk_widget_class_bind_template_callback (widget_class, power_source_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, switch_active_cb);
}

static void
source_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
source_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkStringObject *source = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (source));
}

static GtkListItemFactory *
source_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (source_setup_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (source_bind_cb), NULL);
  return factory;
}

/* The power source's button shortens its choice ("Phantom or plug-in…")
 * when the inspector is narrow; its list shows every choice whole. Sized to
 * its longest choice, the button made the page 311 pixels wide, wider than
 * the inspector's default width. */
static void
set_source_factories (GtkDropDown *dropdown)
{
  g_autoptr (GtkListItemFactory) button = source_factory (TRUE);
  g_autoptr (GtkListItemFactory) list = source_factory (FALSE);

  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
}

static void
rig_device_page_init (RigDevicePage *self)
{
  g_autoptr (GtkStringList) sources = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->jack_rows = g_ptr_array_new ();
  self->spare_controls
      = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) rig_device_model_unref, g_object_unref);

  self->figure_rows[RIG_FIGURE_NOMINAL_IMPEDANCE] = self->impedance_row;
  self->figure_rows[RIG_FIGURE_POWER_HANDLING] = self->handling_row;
  self->figure_rows[RIG_FIGURE_SENSITIVITY] = self->sensitivity_row;
  self->figure_rows[RIG_FIGURE_AMP_POWER] = self->amp_power_row;
  self->figure_rows[RIG_FIGURE_LISTENING_DISTANCE] = self->listening_distance_row;
  self->figure_rows[RIG_FIGURE_POWER_SOURCE] = self->power_source_row;
  self->figure_rows[RIG_FIGURE_BATTERY] = self->battery_row;
  self->figure_rows[RIG_FIGURE_EARTHED] = self->earthed_row;
  self->figure_rows[RIG_FIGURE_PHANTOM_ON] = self->phantom_row;

  /* Titles and units are the model's own words for its figures. */
  rig_inspector_page_add_field (RIG_INSPECTOR_PAGE (self), self->label_row);
  for (guint i = 0; i < RIG_N_FIGURES; i++)
    {
      g_assert (self->figure_rows[i] != NULL);
      rig_field_row_set_title (self->figure_rows[i], rig_figure_to_label (i));
      if (GTK_IS_ENTRY (rig_field_row_get_control (self->figure_rows[i])))
        rig_field_row_set_unit (self->figure_rows[i], rig_inspector_figure_unit (i));
      rig_inspector_page_add_field (RIG_INSPECTOR_PAGE (self), self->figure_rows[i]);
    }

  rig_inspector_page_begin_update (RIG_INSPECTOR_PAGE (self));
  for (guint i = 0; i < G_N_ELEMENTS (power_source_order); i++)
    gtk_string_list_append (sources, rig_power_source_to_label (power_source_order[i]));
  set_source_factories (GTK_DROP_DOWN (self->power_source_dropdown));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->power_source_dropdown), G_LIST_MODEL (sources));
  rig_inspector_page_end_update (RIG_INSPECTOR_PAGE (self));
}
