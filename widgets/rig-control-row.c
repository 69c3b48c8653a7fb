/* rig-control-row.c: a device's volume, gain or pad control in the
 * inspector (rig-control-row.h).
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rig-control-row.h"
#include "rig-inspector-text.h"
#include "rig-tooltip.h"
#include "rig-wrap-bin.h"
#include "rig-units.h"
#include "rig-wheel-guard.h"

#define STEP_DB 0.5
#define PAGE_DB 6.0

struct _RigControlRow
{
  GtkListBoxRow parent_instance;

  GtkWidget *title_label;
  GtkWidget *default_label;
  GtkWidget *reset_button;
  GtkAdjustment *adjustment; /* volume and gain */
  GtkWidget *scale;
  GtkWidget *spin;
  GtkWidget *toggle; /* pads */

  RigInspectorPage *page; /* borrowed: the page holds the row */
  char *device_id;
  char *control_id;
  gboolean applied; /* a change since the gesture began */
};

G_DEFINE_FINAL_TYPE (RigControlRow, rig_control_row, GTK_TYPE_LIST_BOX_ROW)

/* The device and its control, as the document holds them now. */
static const RigControl *
current_control (RigControlRow *self, RigDevice **device_out, int *index_out)
{
  RigDocument *document = rig_inspector_page_get_document (self->page);
  RigDevice *device
      = document != NULL ? rig_document_find_device (document, self->device_id) : NULL;
  int index
      = device != NULL ? rig_device_model_control_index (device->model, self->control_id) : -1;

  if (index < 0)
    return NULL;
  *device_out = device;
  *index_out = index;
  return &device->model->controls[index];
}

/* "+6", "−10", "0" dB. */
static char *
format_db (double db)
{
  g_autofree char *number = rig_units_db (fabs (db));

  if (fabs (db) < 0.05)
    return g_strdup ("0");
  return g_strconcat (db < 0 ? "−" : "+", number, NULL);
}

/* ---- editing ----------------------------------------------------------- */

static void
set_setting (RigControlRow *self, double value)
{
  const RigControl *control;
  RigDevice *device;
  int index;
  g_autoptr (GError) error = NULL;

  if (rig_inspector_page_is_updating (self->page))
    return;
  control = current_control (self, &device, &index);
  if (control == NULL)
    return;
  if (control->kind != RIG_CONTROL_PAD)
    value = CLAMP (round (value * 10) / 10, control->min_db, control->max_db);
  if (rig_inspector_same_number (rig_device_get_control_db (device, (guint) index), value))
    return;
  /* The model's own setting, chosen again, is no setting of the device's. */
  if (rig_inspector_same_number (control->default_db, value))
    value = NAN;
  if (rig_inspector_page_apply (
          self->page, rig_command_set_device_control (self->device_id, self->control_id, value),
          &error))
    self->applied = TRUE;
  else
    /* Only a device gone meanwhile refuses a clamped setting: show what is. */
    rig_control_row_refresh (self);
}

void
rig_control_row_end_gesture (RigControlRow *self)
{
  RigHistory *history;

  g_return_if_fail (RIG_IS_CONTROL_ROW (self));

  if (!self->applied)
    return;
  self->applied = FALSE;
  history = rig_inspector_page_get_history (self->page);
  if (history != NULL)
    rig_history_seal (history);
}

static void
value_changed_cb (GtkAdjustment *adjustment, RigControlRow *self)
{
  set_setting (self, gtk_adjustment_get_value (adjustment));
}

static void
toggle_active_cb (GtkSwitch *toggle, GParamSpec *pspec, RigControlRow *self)
{
  RigDevice *device;
  int index;
  const RigControl *control = current_control (self, &device, &index);

  if (control == NULL)
    return;
  /* On: the pad engaged, at its lowest. */
  set_setting (self, gtk_switch_get_active (toggle) ? control->min_db : control->max_db);
  rig_control_row_end_gesture (self);
}

static void
reset_clicked_cb (GtkButton *button, RigControlRow *self)
{
  RigDevice *device;
  int index;
  const RigControl *control = current_control (self, &device, &index);

  if (control != NULL)
    set_setting (self, control->default_db);
  rig_control_row_end_gesture (self);
}

/* A button or key let go anywhere in the row ends the gesture. */
static gboolean
row_event_cb (GtkEventControllerLegacy *controller, GdkEvent *event, RigControlRow *self)
{
  GdkEventType type = gdk_event_get_event_type (event);

  if (type == GDK_BUTTON_RELEASE || type == GDK_KEY_RELEASE || type == GDK_TOUCH_END
      || type == GDK_TOUCH_CANCEL)
    rig_control_row_end_gesture (self);
  return GDK_EVENT_PROPAGATE;
}

static void
focus_leave_cb (GtkEventControllerFocus *controller, RigControlRow *self)
{
  rig_control_row_end_gesture (self);
}

/* ---- showing ----------------------------------------------------------- */

void
rig_control_row_refresh (RigControlRow *self)
{
  const RigControl *control;
  RigDevice *device;
  int index;
  double value;

  g_return_if_fail (RIG_IS_CONTROL_ROW (self));

  control = current_control (self, &device, &index);
  if (control == NULL)
    return;
  value = rig_device_get_control_db (device, (guint) index);
  rig_inspector_page_begin_update (self->page);
  if (self->toggle != NULL)
    gtk_switch_set_active (GTK_SWITCH (self->toggle), value == control->min_db);
  else
    gtk_adjustment_set_value (self->adjustment, value);
  rig_inspector_page_end_update (self->page);
  /* Kept in place (not hidden) so the row does not reflow as it changes. */
  gtk_widget_set_sensitive (self->reset_button,
                            !rig_inspector_same_number (value, control->default_db));
}

/* "Default: −10 dB, from −60 to 0 dB"; a pad: "−20 dB when on". */
static char *
describe (const RigControl *control)
{
  g_autofree char *def = format_db (control->default_db);
  g_autofree char *lo = format_db (control->min_db);
  g_autofree char *hi = format_db (control->max_db);

  if (control->kind == RIG_CONTROL_PAD)
    /* Translators: under a pad switch in the inspector. */
    return g_strdup_printf (_ ("%s dB when on; off by default"), lo);
  /* Translators: under a volume or gain control in the inspector. */
  return g_strdup_printf (_ ("Default %s dB · from %s to %s dB"), def, lo, hi);
}

/* The slider, and beside it the spin button and its unit, on a line of
 * their own below the title: beside the title, they made the row as wide as
 * its longest word and 200 pixels more ("Headphones", 285 in all), wider
 * than the inspector's default width. */
static void
build_slider (RigControlRow *self, const RigControl *control, const char *name, GtkWidget *box)
{
  g_autofree char *scale_name = g_strdup_printf ("control-%s-scale", control->id);
  g_autofree char *spin_name = g_strdup_printf ("control-%s-spin", control->id);
  /* Translators: the accessible name of a control's spin button: "Master volume, dB". */
  g_autofree char *spin_label = g_strdup_printf (_ ("%s, dB"), name);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *unit = gtk_label_new (_ ("dB"));

  self->adjustment = gtk_adjustment_new (control->default_db, control->min_db, control->max_db,
                                         STEP_DB, PAGE_DB, 0);
  self->scale = gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, self->adjustment);
  gtk_widget_set_name (self->scale, scale_name);
  gtk_scale_set_draw_value (GTK_SCALE (self->scale), FALSE);
  gtk_scale_add_mark (GTK_SCALE (self->scale), control->default_db, GTK_POS_BOTTOM, NULL);
  gtk_widget_set_hexpand (self->scale, TRUE);
  /* The wheel scrolls the page past it until it is focused. */
  rig_wheel_guard_attach (self->scale);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_box_append (GTK_BOX (line), self->scale);

  self->spin = gtk_spin_button_new (self->adjustment, STEP_DB, 1);
  gtk_widget_set_name (self->spin, spin_name);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (self->spin), TRUE);
  /* "-80.0": the spin buttons of every row as wide, and so their sliders. */
  gtk_editable_set_width_chars (GTK_EDITABLE (self->spin), 5);
  gtk_widget_set_valign (self->spin, GTK_ALIGN_CENTER);
  rig_wheel_guard_attach (self->spin);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spin_label, -1);
  gtk_box_append (GTK_BOX (line), self->spin);
  gtk_widget_add_css_class (unit, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (unit), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (line), unit);
  gtk_box_append (GTK_BOX (box), line);
  g_signal_connect_object (self->adjustment, "value-changed", G_CALLBACK (value_changed_cb), self,
                           0);
}

static void
build (RigControlRow *self, const RigControl *control)
{
  const char *name = rig_control_get_display_name (control);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *reset_name = g_strdup_printf ("control-%s-reset", control->id);
  g_autofree char *caption = describe (control);
  /* Translators: the tooltip of a control's reset button: "Back to the default of Master volume".
   */
  g_autofree char *reset_tip = g_strdup_printf (_ ("Back to the default of %s"), name);

  self->title_label = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->title_label), TRUE);
  gtk_widget_set_hexpand (self->title_label, TRUE);
  gtk_box_append (GTK_BOX (line), rig_wrap_bin_new (self->title_label));

  self->reset_button = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  gtk_widget_set_name (self->reset_button, reset_name);
  gtk_widget_add_css_class (self->reset_button, "flat");
  gtk_widget_set_valign (self->reset_button, GTK_ALIGN_CENTER);
  rig_tooltip_set_text (self->reset_button, reset_tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reset_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, reset_tip, -1);
  g_signal_connect (self->reset_button, "clicked", G_CALLBACK (reset_clicked_cb), self);
  gtk_box_append (GTK_BOX (line), self->reset_button);
  gtk_box_append (GTK_BOX (box), line);

  if (control->kind == RIG_CONTROL_PAD)
    {
      g_autofree char *switch_name = g_strdup_printf ("control-%s-switch", control->id);

      self->toggle = gtk_switch_new ();
      gtk_widget_set_name (self->toggle, switch_name);
      gtk_widget_set_valign (self->toggle, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      gtk_box_append (GTK_BOX (line), self->toggle);
      g_signal_connect (self->toggle, "notify::active", G_CALLBACK (toggle_active_cb), self);
    }
  else
    build_slider (self, control, name, box);

  self->default_label = gtk_label_new (caption);
  gtk_label_set_xalign (GTK_LABEL (self->default_label), 0);
  rig_wrap_label (GTK_LABEL (self->default_label));
  gtk_widget_add_css_class (self->default_label, "dim-label");
  gtk_widget_add_css_class (self->default_label, "caption");
  gtk_box_append (GTK_BOX (box), self->default_label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, caption, -1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
}

GtkWidget *
rig_control_row_new (RigInspectorPage *page, const char *device_id, guint index)
{
  RigControlRow *self = g_object_new (RIG_TYPE_CONTROL_ROW, NULL);
  RigDocument *document = rig_inspector_page_get_document (page);
  RigDevice *device = rig_document_find_device (document, device_id);

  g_return_val_if_fail (device != NULL && index < device->model->n_controls, GTK_WIDGET (self));

  self->page = page;
  self->device_id = g_strdup (device_id);
  self->control_id = g_strdup (device->model->controls[index].id);
  build (self, &device->model->controls[index]);
  rig_control_row_refresh (self);
  return GTK_WIDGET (self);
}

/* ---- the group --------------------------------------------------------- */

GtkWidget *
rig_control_group_new (RigInspectorPage *page, const char *device_id)
{
  RigDevice *device = rig_document_find_device (rig_inspector_page_get_document (page), device_id);
  GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *heading = gtk_label_new (_ ("Levels"));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *trace = gtk_button_new_with_mnemonic (_ ("_Trace Signal"));

  g_return_val_if_fail (device != NULL, group);

  gtk_widget_set_name (group, "controls-group");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "rig-inspector-group-title");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (group), heading);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_name (list, "controls-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Levels"), -1);
  for (guint i = 0; i < device->model->n_controls; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), rig_control_row_new (page, device_id, i));
  gtk_widget_set_visible (list, device->model->n_controls > 0);
  gtk_box_append (GTK_BOX (group), list);

  gtk_widget_set_name (trace, "trace-button");
  gtk_widget_set_halign (trace, GTK_ALIGN_START);
  rig_tooltip_set_text (trace, _ ("Follow the signal through this device: the level at "
                                  "every jack, where it clips, how loud it plays"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (trace), "win.trace");
  gtk_box_append (GTK_BOX (group), trace);
  return group;
}

void
rig_control_group_refresh (GtkWidget *group)
{
  GtkWidget *list = gtk_widget_get_next_sibling (gtk_widget_get_first_child (group));

  g_return_if_fail (GTK_IS_LIST_BOX (list));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (RIG_IS_CONTROL_ROW (row))
      rig_control_row_refresh (RIG_CONTROL_ROW (row));
}

void
rig_control_group_set_device (GtkWidget *group, const char *device_id)
{
  GtkWidget *list = gtk_widget_get_next_sibling (gtk_widget_get_first_child (group));

  g_return_if_fail (GTK_IS_LIST_BOX (list));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (RIG_IS_CONTROL_ROW (row))
      {
        RigControlRow *self = RIG_CONTROL_ROW (row);

        rig_control_row_end_gesture (self);
        g_free (self->device_id);
        self->device_id = g_strdup (device_id);
      }
}

/* ---- the object -------------------------------------------------------- */

static void
rig_control_row_finalize (GObject *object)
{
  RigControlRow *self = RIG_CONTROL_ROW (object);

  g_free (self->device_id);
  g_free (self->control_id);
  G_OBJECT_CLASS (rig_control_row_parent_class)->finalize (object);
}

static void
rig_control_row_class_init (RigControlRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rig_control_row_finalize;
}

static void
rig_control_row_init (RigControlRow *self)
{
  GtkEventController *legacy = gtk_event_controller_legacy_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect (legacy, "event", G_CALLBACK (row_event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), legacy);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}
