/* test-trace-view.c: a device's gain controls in the inspector and the
 * Trace view that follows them (issue #11).
 *
 * The control rows: a slider's drag is one undo step (the history sealed at
 * the gesture's end), a pad is a switch, the model's default is one click
 * away. The Trace view: an empty trace says so in words (true of a device
 * with nothing wired, whatever computes the trace); a change to the document
 * computes the trace again, so the chart follows a gain turned in the
 * inspector; the path chooser; a traced device deleted.
 *
 * A display test: run it under Xvfb (xvfb-run). With no display it fails.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <math.h>

#include "rig-control-row.h"
#include "rig-history.h"
#include "rig-inspector.h"
#include "rig-test-models.h"
#include "rig-test-widgets.h"
#include "rig-trace-view.h"

/* An amplifier with a volume knob (−80 to 0 dB, at −20), an input gain (0 to
 * +12 dB) and a −20 dB pad on its way from the aux input to the speakers. */
static RigDeviceModel *
amp_model (void)
{
  static RigDeviceModel *model;
  const char *const controls[] = { "volume", "gain", "pad", NULL };
  const RigControl volume = { "volume", "Volume", RIG_CONTROL_VOLUME, -80, 0, -20 };
  const RigControl gain = { "gain", "Input gain", RIG_CONTROL_GAIN, 0, 12, 0 };
  const RigControl pad = { "pad", "Input pad", RIG_CONTROL_PAD, -20, 0, 0 };
  RigJack j;
  g_autoptr (GError) error = NULL;

  if (model != NULL)
    return model;
  model = rig_device_model_new ("amp-controls", "Amplifier with controls", RIG_CATEGORY_AMPLIFIER);
  model->figures[RIG_FIGURE_POWER_SOURCE] = RIG_POWER_SOURCE_MAINS;
  rig_jack_init (&j);
  j.id = (char *) "in-aux";
  j.name = (char *) "Aux in";
  j.connector = RIG_CONNECTOR_RCA;
  j.gender = RIG_GENDER_SOCKET;
  j.direction = RIG_DIRECTION_IN;
  j.signal = RIG_SIGNAL_LINE_CONSUMER;
  j.channels = 2;
  j.clip_level = 2.0;
  rig_device_model_add_jack (model, &j);
  rig_jack_init (&j);
  j.id = (char *) "out-l";
  j.name = (char *) "Speaker out L";
  j.connector = RIG_CONNECTOR_SPEAKER_TERMINAL;
  j.gender = RIG_GENDER_SOCKET;
  j.direction = RIG_DIRECTION_OUT;
  j.signal = RIG_SIGNAL_SPEAKER;
  j.channels = 1;
  rig_device_model_add_jack (model, &j);
  rig_device_model_add_control (model, &volume);
  rig_device_model_add_control (model, &gain);
  rig_device_model_add_control (model, &pad);
  rig_device_model_add_route_full (model, "in-aux", "out-l", 26, controls);
  g_assert_true (rig_device_model_validate (model, &error));
  g_assert_no_error (error);
  return model;
}

typedef struct
{
  GtkWidget *window;
  RigInspector *inspector;
  RigTraceView *view;
  RigDocument *document;
  RigHistory *history;
  RigSelection *selection;
  char *amp;
} Fixture;

static void
fixture_setup (Fixture *fixture, gconstpointer data)
{
  RigCommand *add = rig_command_add_device (amp_model (), "Amplifier", 40, 40);
  g_autoptr (GError) error = NULL;
  const char *ids[2] = { NULL, NULL };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  fixture->document = rig_document_new ();
  fixture->history = rig_test_history (fixture->document);
  g_assert_true (rig_history_apply (fixture->history, add, &error));
  g_assert_no_error (error);
  fixture->amp = g_strdup (rig_command_get_created_id (add));
  rig_history_clear (fixture->history);

  fixture->selection = rig_selection_new ();
  fixture->inspector = RIG_INSPECTOR (rig_inspector_new ());
  rig_inspector_set_document (fixture->inspector, fixture->document, fixture->history,
                              fixture->selection);
  ids[0] = fixture->amp;
  rig_selection_set (fixture->selection, ids, NULL);
  fixture->view = RIG_TRACE_VIEW (rig_trace_view_new ());

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 800);
  gtk_widget_set_size_request (GTK_WIDGET (fixture->inspector), 360, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->inspector));
  gtk_widget_set_hexpand (GTK_WIDGET (fixture->view), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->view));
  gtk_window_set_child (GTK_WINDOW (fixture->window), box);
  gtk_window_present (GTK_WINDOW (fixture->window));
  rig_test_widgets_flush ();
}

static void
fixture_teardown (Fixture *fixture, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  rig_test_widgets_flush ();
  g_clear_object (&fixture->selection);
  g_clear_object (&fixture->document);
  g_free (fixture->amp);
}

static GtkWidget *
get (GtkWidget *root, const char *name)
{
  GtkWidget *widget = rig_test_widgets_find (root, name);

  if (widget == NULL)
    g_error ("no widget “%s”", name);
  return widget;
}

static double
setting (Fixture *fixture, const char *control_id)
{
  RigDevice *device = rig_document_find_device (fixture->document, fixture->amp);

  return rig_device_get_control_db (
      device, (guint) rig_device_model_control_index (device->model, control_id));
}

static RigControlRow *
row_of (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, RIG_TYPE_CONTROL_ROW);

  g_assert_nonnull (row);
  return RIG_CONTROL_ROW (row);
}

/* The device page shows one row per control, before the jacks, and the
 * Trace button. */
static void
test_rows_shown (Fixture *fixture, gconstpointer data)
{
  GtkWidget *inspector = GTK_WIDGET (fixture->inspector);
  GtkRange *scale = GTK_RANGE (get (inspector, "control-volume-scale"));
  GtkSpinButton *spin = GTK_SPIN_BUTTON (get (inspector, "control-volume-spin"));

  g_assert_cmpfloat (gtk_range_get_value (scale), ==, -20);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, -20);
  g_assert_cmpfloat (gtk_adjustment_get_lower (gtk_range_get_adjustment (scale)), ==, -80);
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_range_get_adjustment (scale)), ==, 0);
  g_assert_nonnull (get (inspector, "control-gain-scale"));
  g_assert_true (GTK_IS_SWITCH (get (inspector, "control-pad-switch")));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (get (inspector, "control-pad-switch"))));
  /* At its default, nothing to reset. */
  g_assert_false (gtk_widget_get_sensitive (get (inspector, "control-volume-reset")));
  g_assert_cmpstr (
      gtk_actionable_get_action_name (GTK_ACTIONABLE (get (inspector, "trace-button"))), ==,
      "win.trace");
}

/* A drag (many values, then the button let go) is one undo step; the next
 * drag is another. */
static void
test_drag_one_step (Fixture *fixture, gconstpointer data)
{
  GtkWidget *scale = get (GTK_WIDGET (fixture->inspector), "control-volume-scale");
  GtkRange *range = GTK_RANGE (scale);

  gtk_range_set_value (range, -15);
  gtk_range_set_value (range, -12.5);
  gtk_range_set_value (range, -10);
  g_assert_cmpfloat (setting (fixture, "volume"), ==, -10);
  rig_control_row_end_gesture (row_of (scale));

  gtk_range_set_value (range, -6);
  gtk_range_set_value (range, -3);
  rig_control_row_end_gesture (row_of (scale));
  g_assert_cmpfloat (setting (fixture, "volume"), ==, -3);
  g_assert_cmpstr (rig_history_get_undo_label (fixture->history), ==, "Set Volume of Amplifier");

  g_assert_true (rig_history_undo (fixture->history));
  g_assert_cmpfloat (setting (fixture, "volume"), ==, -10);
  rig_test_widgets_flush ();
  g_assert_cmpfloat (gtk_range_get_value (range), ==, -10);
  g_assert_true (
      gtk_widget_get_sensitive (get (GTK_WIDGET (fixture->inspector), "control-volume-reset")));
  g_assert_true (rig_history_undo (fixture->history));
  g_assert_cmpfloat (setting (fixture, "volume"), ==, -20);
  g_assert_false (rig_history_can_undo (fixture->history));
  rig_test_widgets_flush ();
  g_assert_cmpfloat (gtk_range_get_value (range), ==, -20);
}

/* The spin button sets the same setting; back at the default the device
 * keeps no setting of its own; the reset button goes back to it. */
static void
test_spin_and_reset (Fixture *fixture, gconstpointer data)
{
  GtkWidget *inspector = GTK_WIDGET (fixture->inspector);
  GtkSpinButton *spin = GTK_SPIN_BUTTON (get (inspector, "control-gain-spin"));
  RigDevice *device;

  gtk_spin_button_set_value (spin, 6.5);
  rig_control_row_end_gesture (row_of (GTK_WIDGET (spin)));
  g_assert_cmpfloat (setting (fixture, "gain"), ==, 6.5);
  rig_test_widgets_flush ();
  g_assert_true (gtk_widget_get_sensitive (get (inspector, "control-gain-reset")));

  g_signal_emit_by_name (get (inspector, "control-gain-reset"), "clicked");
  rig_test_widgets_flush ();
  device = rig_document_find_device (fixture->document, fixture->amp);
  g_assert_true (isnan (device->settings[rig_device_model_control_index (device->model, "gain")]));
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (get (inspector, "control-gain-reset")));
  /* Two steps: the change and the reset. */
  g_assert_true (rig_history_undo (fixture->history));
  g_assert_cmpfloat (setting (fixture, "gain"), ==, 6.5);
  g_assert_true (rig_history_undo (fixture->history));
  g_assert_false (rig_history_can_undo (fixture->history));
}

/* A pad is a switch: on engages it at its lowest setting, one step. */
static void
test_pad_switch (Fixture *fixture, gconstpointer data)
{
  GtkSwitch *toggle = GTK_SWITCH (get (GTK_WIDGET (fixture->inspector), "control-pad-switch"));

  gtk_switch_set_active (toggle, TRUE);
  g_assert_cmpfloat (setting (fixture, "pad"), ==, -20);
  gtk_switch_set_active (toggle, FALSE);
  g_assert_cmpfloat (setting (fixture, "pad"), ==, 0);
  g_assert_true (rig_history_undo (fixture->history));
  g_assert_cmpfloat (setting (fixture, "pad"), ==, -20);
  rig_test_widgets_flush ();
  g_assert_true (gtk_switch_get_active (toggle));
  g_assert_true (rig_history_undo (fixture->history));
  g_assert_false (rig_history_can_undo (fixture->history));
  rig_test_widgets_flush ();
  g_assert_false (gtk_switch_get_active (toggle));
}

/* A device with nothing wired has no signal path through it, whatever
 * computes the trace: the view says so and draws no chart. */
static void
test_view_empty (Fixture *fixture, gconstpointer data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);

  g_assert_nonnull (rig_trace_view_get_status (fixture->view));
  rig_trace_view_set_object (fixture->view, fixture->document, fixture->amp);
  rig_test_widgets_flush ();
  g_assert_cmpuint (rig_trace_view_get_trace (fixture->view)->n_paths, ==, 0);
  g_assert_cmpstr (rig_trace_view_get_status (fixture->view), ==,
                   "No signal path passes through Amplifier.");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get (view, "trace-status"))), ==,
                   "No signal path passes through Amplifier.");
  g_assert_true (gtk_widget_get_visible (get (view, "trace-status")));
  g_assert_false (gtk_widget_get_visible (get (view, "trace-chart")));
  g_assert_false (gtk_widget_get_visible (get (view, "trace-paths")));
}

/* A trace built from the document as it is: the amplifier's aux input at
 * 0.316 V and its output after its route's gain; @data paths of it. */
static RigTrace *
hand_trace (RigDocument *document, const char *object_id, gpointer data)
{
  RigTrace *trace = rig_trace_new ();
  RigDevice *device = rig_document_find_device (document, object_id);
  guint n = GPOINTER_TO_UINT (data);

  if (device == NULL)
    return trace;
  for (guint p = 0; p < n; p++)
    {
      RigTracePath *path = rig_trace_add_path (trace, "phone", object_id);
      double gain = rig_device_route_gain_db (device, &device->model->routes[0]);
      RigTraceStage s;

      rig_trace_stage_init (&s);
      s.device_id = (char *) object_id;
      s.device_label = device->label;
      s.jack_name = (char *) (p == 0 ? "Aux in" : "Aux in (right)");
      s.is_input = TRUE;
      s.cable_number = (char *) "A-001";
      s.nominal_v = 0.316;
      s.peak_v = 1.0;
      s.clip_v = 2.0;
      s.headroom_db = 20 * log10 (2.0);
      rig_trace_path_add_stage (path, &s);
      s.jack_name = (char *) "Speaker out L";
      s.is_input = FALSE;
      s.cable_number = NULL;
      s.gain_db = gain;
      s.nominal_v = 0.316 * pow (10, gain / 20);
      s.peak_v = 1.0 * pow (10, gain / 20);
      s.clip_v = 28;
      rig_trace_path_add_stage (path, &s);
    }
  return trace;
}

static double
output_nominal (Fixture *fixture)
{
  const RigTrace *trace = rig_trace_view_get_trace (fixture->view);

  g_assert_cmpuint (trace->n_paths, >, 0);
  return trace->paths[0]->stages[1].nominal_v;
}

/* Turning the volume in the inspector computes the trace again: the output's
 * level follows, and the chart is shown. */
static void
test_view_follows_edits (Fixture *fixture, gconstpointer data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  GtkRange *scale = GTK_RANGE (get (GTK_WIDGET (fixture->inspector), "control-volume-scale"));
  guint computed;
  double before;

  rig_trace_view_set_object (fixture->view, fixture->document, fixture->amp);
  rig_trace_view_set_compute_func (fixture->view, hand_trace, GUINT_TO_POINTER (1), NULL);
  rig_test_widgets_flush ();
  g_assert_null (rig_trace_view_get_status (fixture->view));
  g_assert_true (gtk_widget_get_visible (get (view, "trace-chart")));
  g_assert_false (gtk_widget_get_visible (get (view, "trace-paths")));
  before = output_nominal (fixture);
  /* 26 dB fixed, volume −20, gain 0, pad 0: +6 dB. */
  g_assert_cmpfloat_with_epsilon (before, 0.316 * pow (10, 6 / 20.0), 1e-9);

  computed = rig_trace_view_get_n_computed (fixture->view);
  gtk_range_set_value (scale, -10);
  gtk_range_set_value (scale, -8);
  rig_test_widgets_flush ();
  /* A burst of changes computes once. */
  g_assert_cmpuint (rig_trace_view_get_n_computed (fixture->view), ==, computed + 1);
  g_assert_cmpfloat_with_epsilon (output_nominal (fixture), before * pow (10, 12 / 20.0), 1e-9);

  g_assert_true (rig_history_undo (fixture->history));
  rig_test_widgets_flush ();
  g_assert_cmpfloat_with_epsilon (output_nominal (fixture), before, 1e-9);
}

/* Several paths: a drop-down chooses which to draw, and the choice stays as
 * the rig changes. */
static void
test_view_paths (Fixture *fixture, gconstpointer data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  GtkDropDown *paths;

  rig_trace_view_set_compute_func (fixture->view, hand_trace, GUINT_TO_POINTER (2), NULL);
  rig_trace_view_set_object (fixture->view, fixture->document, fixture->amp);
  rig_test_widgets_flush ();
  paths = GTK_DROP_DOWN (get (view, "trace-paths"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (paths)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (paths)), ==, 2);
  gtk_drop_down_set_selected (paths, 1);
  g_assert_cmpuint (rig_trace_view_get_path (fixture->view), ==, 1);

  gtk_range_set_value (GTK_RANGE (get (GTK_WIDGET (fixture->inspector), "control-volume-scale")),
                       -5);
  rig_test_widgets_flush ();
  g_assert_cmpuint (rig_trace_view_get_path (fixture->view), ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (paths), ==, 1);
}

/* The traced device deleted: the view says it is gone, by its name. */
static void
test_view_object_deleted (Fixture *fixture, gconstpointer data)
{
  const char *ids[2] = { fixture->amp, NULL };
  g_autoptr (GError) error = NULL;

  rig_trace_view_set_compute_func (fixture->view, hand_trace, GUINT_TO_POINTER (1), NULL);
  rig_trace_view_set_object (fixture->view, fixture->document, fixture->amp);
  g_assert_true (rig_history_apply (fixture->history, rig_command_remove_devices (ids), &error));
  g_assert_no_error (error);
  rig_test_widgets_flush ();
  g_assert_cmpstr (rig_trace_view_get_status (fixture->view), ==,
                   "Amplifier is no longer in the rig.");
  g_assert_true (rig_history_undo (fixture->history));
  rig_test_widgets_flush ();
  g_assert_null (rig_trace_view_get_status (fixture->view));
}

int
main (int argc, char *argv[])
{
  if (!rig_test_widgets_init (&argc, &argv, "trace-view"))
    return g_test_run ();

#define ADD(path, func)                                                                            \
  g_test_add ("/trace-view/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("controls/rows-shown", test_rows_shown);
  ADD ("controls/drag-is-one-undo-step", test_drag_one_step);
  ADD ("controls/spin-and-reset", test_spin_and_reset);
  ADD ("controls/pad-switch", test_pad_switch);
  ADD ("view/empty-says-so", test_view_empty);
  ADD ("view/follows-edits", test_view_follows_edits);
  ADD ("view/path-chooser", test_view_paths);
  ADD ("view/object-deleted", test_view_object_deleted);
#undef ADD
  return g_test_run ();
}
