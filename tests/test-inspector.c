/* test-inspector.c: the inspector: what it shows for the selection, input
 * refused on the spot, one undoable command per edit, following undo.
 *
 * A display test: run it under Xvfb (xvfb-run). With no display it fails.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <math.h>

#include "rig-error.h"
#include "rig-format.h"
#include "rig-history.h"
#include "rig-inspector-page.h"
#include "rig-inspector.h"
#include "rig-test-models.h"
#include "rig-test-widgets.h"
#include "rig-tooltip.h"

static RigCatalog *catalog;

typedef struct
{
  GtkWidget *window;
  RigInspector *inspector;
  RigDocument *document;
  RigHistory *history;
  RigSelection *selection;
  RigValidator *validator;
  char *phone_cable; /* a phone's headset jack to the receiver's aux in */
} Fixture;

static void
apply (Fixture *fixture, RigCommand *command)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rig_history_apply (fixture->history, command, &error));
  g_assert_no_error (error);
}

/* The home theater example, plus a phone cabled to the receiver's aux in,
 * with an empty history. */
static void
fixture_setup (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  RigCommand *add_phone;
  RigCommand *add_cable;

  bytes = g_resources_lookup_data ("/io/github/rigwire/Rigwire/examples/home-theater.rigwire",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  fixture->document = rig_format_load_bytes (bytes, "home-theater.rigwire", catalog, &error);
  g_assert_no_error (error);
  fixture->history = rig_test_history (fixture->document);

  add_phone = rig_command_add_device (rig_catalog_lookup (catalog, "phone-ctia"), "Phone", 40, 40);
  apply (fixture, add_phone);
  /* d11: after the home theater's 10 devices (its power strip and outlet). */
  add_cable = rig_command_add_cable ("d11", "headset", "d2", "in-aux", NULL, NULL);
  g_assert_cmpstr (rig_document_get_device (fixture->document, 10)->id, ==, "d11");
  apply (fixture, add_cable);
  fixture->phone_cable = g_strdup (
      rig_document_get_cable (fixture->document, rig_document_get_n_cables (fixture->document) - 1)
          ->id);
  rig_history_clear (fixture->history);

  fixture->selection = rig_selection_new ();
  fixture->inspector = RIG_INSPECTOR (rig_inspector_new ());
  fixture->validator = rig_validator_new (fixture->document);
  rig_inspector_set_validator (fixture->inspector, fixture->validator);
  rig_inspector_set_document (fixture->inspector, fixture->document, fixture->history,
                              fixture->selection);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 800);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->inspector));
  gtk_window_present (GTK_WINDOW (fixture->window));
  rig_test_widgets_flush ();
}

static void
fixture_teardown (Fixture *fixture, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  rig_test_widgets_flush ();
  g_clear_object (&fixture->selection);
  g_clear_object (&fixture->validator);
  g_clear_object (&fixture->document);
  g_free (fixture->phone_cable);
}

/* The widget named @name on the page the inspector shows (it keeps others,
 * hidden). */
static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* The widget named @name once it is there: a device page makes its later
 * jack rows after its first frames, or (out of view) once the window has
 * been still for a moment. */
static GtkWidget *
wait_for (Fixture *fixture, const char *name)
{
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (10, tick_cb, NULL);
  GtkWidget *found;

  while ((found = rig_test_widgets_find (GTK_WIDGET (fixture->inspector), name)) == NULL
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  if (found == NULL)
    g_error ("the inspector shows no “%s”", name);
  return found;
}

static GtkWidget *
get (Fixture *fixture, const char *name)
{
  return wait_for (fixture, name);
}

static const char *
text_of (Fixture *fixture, const char *name)
{
  GtkWidget *widget = get (fixture, name);

  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  return gtk_editable_get_text (GTK_EDITABLE (widget));
}

/* Whether the row holding a field is shown. */
static gboolean
row_shown (Fixture *fixture, const char *name)
{
  GtkWidget *row = gtk_widget_get_ancestor (get (fixture, name), GTK_TYPE_LIST_BOX_ROW);

  g_assert_nonnull (row);
  return gtk_widget_get_visible (row);
}

static void
type_and_enter (Fixture *fixture, const char *name, const char *text)
{
  GtkWidget *entry = get (fixture, name);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
}

static void
select_device (Fixture *fixture, const char *id)
{
  const char *ids[] = { id, NULL };

  rig_selection_set (fixture->selection, ids, NULL);
}

static void
select_cable (Fixture *fixture, const char *id)
{
  const char *ids[] = { id, NULL };

  rig_selection_set (fixture->selection, NULL, ids);
}

/* The field shows @message under it, has the error style, and nothing was
 * applied. */
static void
assert_refused (Fixture *fixture, const char *name, const char *message, RigDocument *before)
{
  g_autofree char *error_name = g_strconcat (name, "-error", NULL);
  GtkWidget *error = get (fixture, error_name);

  g_assert_true (gtk_widget_has_css_class (get (fixture, name), "error"));
  g_assert_true (gtk_widget_get_visible (error));
  if (message != NULL)
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), ==, message);
  else
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), !=, "");
  g_assert_false (rig_history_can_undo (fixture->history));
  g_assert_true (rig_document_content_equal (fixture->document, before));
}

static void
assert_accepted (Fixture *fixture, const char *name)
{
  g_autofree char *error_name = g_strconcat (name, "-error", NULL);

  g_assert_false (gtk_widget_has_css_class (get (fixture, name), "error"));
  g_assert_false (gtk_widget_get_visible (get (fixture, error_name)));
}

/* Exactly one undo step since the history was cleared. */
static void
assert_one_step (Fixture *fixture)
{
  g_assert_true (rig_history_can_undo (fixture->history));
  g_assert_true (rig_history_undo (fixture->history));
  g_assert_false (rig_history_can_undo (fixture->history));
  g_assert_true (rig_history_redo (fixture->history));
}

static char *
figure_error (RigFigure figure, double value)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (rig_figure_validate (figure, value, &error));
  return g_strdup (error->message);
}

/* ---- the summary -------------------------------------------------------------- */

static void
test_summary (Fixture *fixture, gconstpointer data)
{
  const char *devices[] = { "d1", "d2", "d3", NULL };
  const char *cables[] = { "c1", "c2", NULL };

  /* Nothing selected: the rig's own page. */
  g_assert_cmpstr (text_of (fixture, "rig-heading"), ==, "Home theater");
  g_assert_null (rig_test_widgets_find (GTK_WIDGET (fixture->inspector), "summary-title"));

  rig_selection_set (fixture->selection, devices, cables);
  g_assert_cmpstr (text_of (fixture, "summary-title"), ==, "3 devices, 2 cables selected");
  g_assert_null (rig_test_widgets_find (GTK_WIDGET (fixture->inspector), "rig-heading"));

  rig_selection_set (fixture->selection, devices, NULL);
  g_assert_cmpstr (text_of (fixture, "summary-title"), ==, "3 devices selected");

  rig_selection_set (fixture->selection, (const char *[]){ "d1", NULL }, cables + 1);
  g_assert_cmpstr (text_of (fixture, "summary-title"), ==, "1 device, 1 cable selected");

  select_device (fixture, "d3");
  g_assert_cmpstr (text_of (fixture, "device-title"), ==, "Front left");
  g_assert_null (rig_test_widgets_find (GTK_WIDGET (fixture->inspector), "summary-title"));

  rig_selection_clear (fixture->selection);
  g_assert_cmpstr (text_of (fixture, "rig-heading"), ==, "Home theater");

  /* A removed device is no longer shown, and not counted. */
  select_device (fixture, "d3");
  apply (fixture, rig_command_remove_devices ((const char *[]){ "d3", NULL }));
  g_assert_cmpstr (text_of (fixture, "rig-heading"), ==, "Home theater");

  /* A selection naming a removed device and a present one shows the present one. */
  rig_selection_set (fixture->selection, (const char *[]){ "d3", "d4", NULL }, NULL);
  g_assert_cmpstr (text_of (fixture, "device-title"), ==, "Front right");

  /* No document at all. */
  rig_inspector_set_document (fixture->inspector, NULL, NULL, NULL);
  g_assert_cmpstr (text_of (fixture, "summary-title"), ==, "Nothing Selected");
}

static char *
notes_of (Fixture *fixture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (get (fixture, "rig-notes")));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The rig's title, author and notes are edited on its page, one undo step each. */
static void
test_rig_page_edits (Fixture *fixture, gconstpointer data)
{
  GtkTextBuffer *notes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (get (fixture, "rig-notes")));
  g_autofree char *shown = notes_of (fixture);

  g_assert_cmpstr (text_of (fixture, "rig-title"), ==, "Home theater");
  g_assert_cmpstr (text_of (fixture, "rig-author"), ==, "Rigwire examples");
  g_assert_cmpstr (shown, ==, rig_document_get_notes (fixture->document));

  type_and_enter (fixture, "rig-title", "  Living room 5.1  ");
  g_assert_cmpstr (rig_document_get_title (fixture->document), ==, "Living room 5.1");
  g_assert_cmpstr (text_of (fixture, "rig-heading"), ==, "Living room 5.1");
  assert_one_step (fixture);

  type_and_enter (fixture, "rig-author", "Ms Okafor");
  g_assert_cmpstr (rig_document_get_author (fixture->document), ==, "Ms Okafor");
  g_assert_cmpstr (rig_document_get_title (fixture->document), ==, "Living room 5.1");

  /* Notes typed, then the selection moves on: they are applied as one step. */
  gtk_text_buffer_set_text (notes, "Bring a 10 m optical cable.\nSub in the corner.", -1);
  select_device (fixture, "d3");
  g_assert_cmpstr (rig_document_get_notes (fixture->document), ==,
                   "Bring a 10 m optical cable.\nSub in the corner.");

  /* Undo takes back the notes, then the author; the page follows. */
  rig_selection_clear (fixture->selection);
  g_assert_true (rig_history_undo (fixture->history));
  g_clear_pointer (&shown, g_free);
  shown = notes_of (fixture);
  g_assert_cmpstr (shown, ==, rig_document_get_notes (fixture->document));
  g_assert_cmpstr (rig_document_get_author (fixture->document), ==, "Ms Okafor");
  g_assert_true (rig_history_undo (fixture->history));
  g_assert_cmpstr (text_of (fixture, "rig-author"), ==, "Rigwire examples");

  /* The revision: free text, one step, printed on the sheet. */
  type_and_enter (fixture, "rig-revision", "B");
  g_assert_cmpstr (rig_document_get_revision (fixture->document), ==, "B");
  g_assert_cmpstr (rig_history_get_undo_label (fixture->history), ==, "Change Revision");

  /* The listening distance: a number of metres, one step; a bad one is
   * refused on the spot; empty goes back to the assumed distance. */
  g_assert_cmpstr (text_of (fixture, "rig-listening-distance"), ==, "");
  type_and_enter (fixture, "rig-listening-distance", "4 m");
  g_assert_cmpfloat (rig_document_get_listening_distance (fixture->document), ==, 4);
  g_assert_cmpstr (rig_history_get_undo_label (fixture->history), ==, "Change Listening Distance");
  type_and_enter (fixture, "rig-listening-distance", "-2");
  g_assert_true (gtk_widget_has_css_class (get (fixture, "rig-listening-distance"), "error"));
  g_assert_cmpfloat (rig_document_get_listening_distance (fixture->document), ==, 4);
  type_and_enter (fixture, "rig-listening-distance", "");
  g_assert_true (isnan (rig_document_get_listening_distance (fixture->document)));
  g_assert_true (rig_history_undo (fixture->history));
  g_assert_cmpfloat (rig_document_get_listening_distance (fixture->document), ==, 4);
  g_assert_cmpstr (text_of (fixture, "rig-listening-distance"), ==, "4");

  /* An empty title is a rig without one: the heading says so. */
  type_and_enter (fixture, "rig-title", "");
  g_assert_cmpstr (rig_document_get_title (fixture->document), ==, "");
  g_assert_cmpstr (text_of (fixture, "rig-heading"), ==, "Untitled Rig");
}

/* ---- devices ------------------------------------------------------------------ */

static void
test_device_shows (Fixture *fixture, gconstpointer data)
{
  select_device (fixture, "d3");
  g_assert_cmpstr (text_of (fixture, "device-title"), ==, "Front left");
  g_assert_cmpstr (text_of (fixture, "device-title-subtitle"), ==,
                   "Bookshelf speaker (8 Ω, passive)");
  g_assert_cmpstr (text_of (fixture, "device-label"), ==, "Front left");
  g_assert_cmpstr (text_of (fixture, "figure-nominal-impedance"), ==, "8");
  g_assert_cmpstr (text_of (fixture, "figure-power-handling"), ==, "50");
  g_assert_cmpstr (text_of (fixture, "figure-sensitivity"), ==, "87");
  g_assert_true (row_shown (fixture, "figure-nominal-impedance"));
  g_assert_false (row_shown (fixture, "figure-amp-power"));
  /* A passive speaker needs no power: no power settings. */
  g_assert_false (row_shown (fixture, "figure-power-source"));
  g_assert_false (gtk_widget_get_visible (get (fixture, "figure-nominal-impedance-reset")));

  /* An amplifier: its power per channel and its mains plug. */
  select_device (fixture, "d2");
  g_assert_cmpstr (text_of (fixture, "device-title"), ==, "AV receiver");
  g_assert_cmpstr (text_of (fixture, "figure-amp-power"), ==, "100");
  g_assert_true (row_shown (fixture, "figure-amp-power"));
  g_assert_false (row_shown (fixture, "figure-nominal-impedance"));
  g_assert_true (row_shown (fixture, "figure-power-source"));
  g_assert_cmpstr (
      gtk_string_object_get_string (GTK_STRING_OBJECT (
          gtk_drop_down_get_selected_item (GTK_DROP_DOWN (get (fixture, "figure-power-source"))))),
      ==, "Mains");
  g_assert_true (row_shown (fixture, "figure-earthed"));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (get (fixture, "figure-earthed"))));
  g_assert_false (row_shown (fixture, "figure-battery"));
  g_assert_false (row_shown (fixture, "figure-phantom-on"));

  /* A phone runs on its battery. */
  select_device (fixture, "d11");
  g_assert_true (row_shown (fixture, "figure-battery"));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (get (fixture, "figure-battery"))));
  g_assert_false (row_shown (fixture, "figure-earthed"));
}

static void
test_figure_refused (Fixture *fixture, gconstpointer data)
{
  g_autoptr (RigDocument) before = rig_document_copy (fixture->document);
  g_autofree char *negative = figure_error (RIG_FIGURE_NOMINAL_IMPEDANCE, -8);
  g_autofree char *absurd = figure_error (RIG_FIGURE_NOMINAL_IMPEDANCE, 1e9);
  g_autofree char *zero = figure_error (RIG_FIGURE_NOMINAL_IMPEDANCE, 0);

  select_device (fixture, "d3");

  type_and_enter (fixture, "figure-nominal-impedance", "abc");
  assert_refused (fixture, "figure-nominal-impedance", "“abc” is not a number.", before);

  type_and_enter (fixture, "figure-nominal-impedance", "-8");
  assert_refused (fixture, "figure-nominal-impedance", negative, before);

  type_and_enter (fixture, "figure-nominal-impedance", "1e9");
  assert_refused (fixture, "figure-nominal-impedance", absurd, before);

  type_and_enter (fixture, "figure-nominal-impedance", "0");
  assert_refused (fixture, "figure-nominal-impedance", zero, before);

  type_and_enter (fixture, "figure-nominal-impedance", "nan");
  assert_refused (fixture, "figure-nominal-impedance", "“nan” is not a number.", before);

  type_and_enter (fixture, "figure-nominal-impedance", "inf");
  assert_refused (fixture, "figure-nominal-impedance", NULL, before);

  type_and_enter (fixture, "figure-sensitivity", "300");
  assert_refused (fixture, "figure-sensitivity", NULL, before);
  /* The refused text stays for the user to fix. */
  g_assert_cmpstr (text_of (fixture, "figure-sensitivity"), ==, "300");

  /* Fixing the text clears the message before it is applied. */
  gtk_editable_set_text (GTK_EDITABLE (get (fixture, "figure-nominal-impedance")), "4");
  assert_accepted (fixture, "figure-nominal-impedance");
  g_assert_false (rig_history_can_undo (fixture->history));
}

static void
test_figure_applies (Fixture *fixture, gconstpointer data)
{
  RigDevice *device;

  select_device (fixture, "d3");
  type_and_enter (fixture, "figure-nominal-impedance", "6");
  assert_accepted (fixture, "figure-nominal-impedance");
  device = rig_document_find_device (fixture->document, "d3");
  g_assert_cmpfloat (device->overrides[RIG_FIGURE_NOMINAL_IMPEDANCE], ==, 6);
  g_assert_cmpstr (rig_history_get_undo_label (fixture->history), ==,
                   "Change Impedance of Front left");
  g_assert_true (gtk_widget_get_visible (get (fixture, "figure-nominal-impedance-reset")));
  g_assert_cmpstr (text_of (fixture, "figure-nominal-impedance"), ==, "6");
  assert_one_step (fixture);

  /* Undo restores the model's value, and the field follows. */
  g_assert_true (rig_history_undo (fixture->history));
  device = rig_document_find_device (fixture->document, "d3");
  g_assert_false (rig_figure_is_set (device->overrides[RIG_FIGURE_NOMINAL_IMPEDANCE]));
  g_assert_cmpstr (text_of (fixture, "figure-nominal-impedance"), ==, "8");
  g_assert_false (gtk_widget_get_visible (get (fixture, "figure-nominal-impedance-reset")));
  g_assert_true (rig_history_redo (fixture->history));
  g_assert_cmpstr (text_of (fixture, "figure-nominal-impedance"), ==, "6");

  /* Enter again on the same text applies nothing more. */
  g_signal_emit_by_name (get (fixture, "figure-nominal-impedance"), "activate");
  assert_one_step (fixture);

  /* Typing the model's own value clears the override. */
  type_and_enter (fixture, "figure-nominal-impedance", "8 Ω");
  device = rig_document_find_device (fixture->document, "d3");
  g_assert_false (rig_figure_is_set (device->overrides[RIG_FIGURE_NOMINAL_IMPEDANCE]));
  g_assert_cmpstr (rig_history_get_undo_label (fixture->history), ==,
                   "Reset Impedance of Front left");
  g_assert_cmpstr (text_of (fixture, "figure-nominal-impedance"), ==, "8");
  g_assert_false (gtk_widget_get_visible (get (fixture, "figure-nominal-impedance-reset")));
  g_assert_true (rig_history_undo (fixture->history));
  g_assert_cmpstr (text_of (fixture, "figure-nominal-impedance"), ==, "6");

  /* A unit and a decimal comma are understood. */
  type_and_enter (fixture, "figure-power-handling", "62,5 W");
  device = rig_document_find_device (fixture->document, "d3");
  g_assert_cmpfloat (device->overrides[RIG_FIGURE_POWER_HANDLING], ==, 62.5);
  g_assert_cmpstr (text_of (fixture, "figure-power-handling"), ==, "62.5");
}

static void
test_figure_reset (Fixture *fixture, gconstpointer data)
{
  RigDevice *device;

  select_device (fixture, "d3");
  type_and_enter (fixture, "figure-nominal-impedance", "4");
  rig_history_clear (fixture->history);

  g_signal_emit_by_name (get (fixture, "figure-nominal-impedance-reset"), "clicked");
  device = rig_document_find_device (fixture->document, "d3");
  g_assert_false (rig_figure_is_set (device->overrides[RIG_FIGURE_NOMINAL_IMPEDANCE]));
  g_assert_cmpstr (text_of (fixture, "figure-nominal-impedance"), ==, "8");
  g_assert_false (gtk_widget_get_visible (get (fixture, "figure-nominal-impedance-reset")));
  g_assert_cmpstr (rig_history_get_undo_label (fixture->history), ==,
                   "Reset Impedance of Front left");
  assert_one_step (fixture);

  /* Emptying the field is a reset too. */
  g_assert_true (rig_history_undo (fixture->history));
  g_assert_cmpstr (text_of (fixture, "figure-nominal-impedance"), ==, "4");
  rig_history_clear (fixture->history);
  type_and_enter (fixture, "figure-nominal-impedance", "");
  device = rig_document_find_device (fixture->document, "d3");
  g_assert_false (rig_figure_is_set (device->overrides[RIG_FIGURE_NOMINAL_IMPEDANCE]));
  g_assert_cmpstr (text_of (fixture, "figure-nominal-impedance"), ==, "8");
  assert_one_step (fixture);
}

static void
select_item (GtkDropDown *dropdown, const char *text)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }
  g_error ("no “%s” to choose", text);
}

static void
test_power_and_switches (Fixture *fixture, gconstpointer data)
{
  GtkDropDown *source;
  RigDevice *device;
  guint n;

  select_device (fixture, "d2");
  source = GTK_DROP_DOWN (get (fixture, "figure-power-source"));
  n = g_list_model_get_n_items (gtk_drop_down_get_model (source));
  g_assert_cmpuint (n, ==, RIG_N_POWER_SOURCES);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkStringObject) item
          = g_list_model_get_item (gtk_drop_down_get_model (source), i);

      if (g_strcmp0 (gtk_string_object_get_string (item), "USB") == 0)
        gtk_drop_down_set_selected (source, i);
    }
  device = rig_document_find_device (fixture->document, "d2");
  g_assert_cmpint (rig_device_get_power_source (device), ==, RIG_POWER_SOURCE_USB);
  g_assert_true (gtk_widget_get_visible (get (fixture, "figure-power-source-reset")));
  /* Not on mains any more: the earthed switch means nothing. */
  g_assert_false (row_shown (fixture, "figure-earthed"));
  assert_one_step (fixture);

  g_assert_true (rig_history_undo (fixture->history));
  g_assert_cmpstr (
      gtk_string_object_get_string (GTK_STRING_OBJECT (gtk_drop_down_get_selected_item (source))),
      ==, "Mains");
  g_assert_true (row_shown (fixture, "figure-earthed"));
  rig_history_clear (fixture->history);

  gtk_switch_set_active (GTK_SWITCH (get (fixture, "figure-earthed")), FALSE);
  device = rig_document_find_device (fixture->document, "d2");
  g_assert_cmpfloat (device->overrides[RIG_FIGURE_EARTHED], ==, 0);
  assert_one_step (fixture);
  g_assert_true (rig_history_undo (fixture->history));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (get (fixture, "figure-earthed"))));

  /* Choosing the model's own power source again clears the override. */
  select_item (source, "Battery");
  select_item (source, "Mains");
  device = rig_document_find_device (fixture->document, "d2");
  g_assert_false (rig_figure_is_set (device->overrides[RIG_FIGURE_POWER_SOURCE]));
  g_assert_false (gtk_widget_get_visible (get (fixture, "figure-power-source-reset")));
}

static void
test_label (Fixture *fixture, gconstpointer data)
{
  g_autoptr (RigDocument) before = rig_document_copy (fixture->document);

  select_device (fixture, "d3");
  type_and_enter (fixture, "device-label", "   ");
  assert_refused (fixture, "device-label", "A device needs a label.", before);

  type_and_enter (fixture, "device-label", "  Front L ");
  assert_accepted (fixture, "device-label");
  g_assert_cmpstr (rig_document_find_device (fixture->document, "d3")->label, ==, "Front L");
  g_assert_cmpstr (text_of (fixture, "device-title"), ==, "Front L");
  g_assert_cmpstr (text_of (fixture, "device-label"), ==, "Front L");
  assert_one_step (fixture);

  g_assert_true (rig_history_undo (fixture->history));
  g_assert_cmpstr (text_of (fixture, "device-label"), ==, "Front left");
  g_assert_cmpstr (text_of (fixture, "device-title"), ==, "Front left");
}

/* A document change never replaces what the user is typing. */
static void
test_typing_kept (Fixture *fixture, gconstpointer data)
{
  GtkWidget *entry;
  RigDevice *device;

  select_device (fixture, "d3");
  entry = get (fixture, "figure-nominal-impedance");
  gtk_widget_grab_focus (entry);
  g_assert_true (gtk_widget_get_state_flags (entry) & GTK_STATE_FLAG_FOCUS_WITHIN);
  gtk_editable_set_text (GTK_EDITABLE (entry), "12");

  /* Another device changes; then this very figure changes elsewhere. */
  apply (fixture, rig_command_set_device_label ("d4", "Front R"));
  g_assert_cmpstr (text_of (fixture, "figure-nominal-impedance"), ==, "12");
  apply (fixture, rig_command_set_device_figure ("d3", RIG_FIGURE_NOMINAL_IMPEDANCE, 4));
  g_assert_cmpstr (text_of (fixture, "figure-nominal-impedance"), ==, "12");
  g_assert_true (gtk_widget_get_visible (get (fixture, "figure-nominal-impedance-reset")));

  /* Enter applies what was typed. */
  g_signal_emit_by_name (entry, "activate");
  device = rig_document_find_device (fixture->document, "d3");
  g_assert_cmpfloat (device->overrides[RIG_FIGURE_NOMINAL_IMPEDANCE], ==, 12);
}

/* What was typed but not entered is applied when the selection moves on. */
static void
test_selection_change_commits (Fixture *fixture, gconstpointer data)
{
  RigDevice *device;

  select_device (fixture, "d3");
  gtk_editable_set_text (GTK_EDITABLE (get (fixture, "figure-nominal-impedance")), "4");
  select_device (fixture, "d4");
  g_assert_cmpstr (text_of (fixture, "device-title"), ==, "Front right");
  device = rig_document_find_device (fixture->document, "d3");
  g_assert_cmpfloat (device->overrides[RIG_FIGURE_NOMINAL_IMPEDANCE], ==, 4);
  assert_one_step (fixture);

  /* A refused value is dropped. */
  gtk_editable_set_text (GTK_EDITABLE (get (fixture, "figure-nominal-impedance")), "-1");
  select_device (fixture, "d5");
  device = rig_document_find_device (fixture->document, "d4");
  g_assert_false (rig_figure_is_set (device->overrides[RIG_FIGURE_NOMINAL_IMPEDANCE]));
  assert_one_step (fixture);
}

/* ---- cables ---------------------------------------------------------------------- */

static void
test_cable_shows (Fixture *fixture, gconstpointer data)
{
  select_cable (fixture, "c2");
  g_assert_cmpstr (text_of (fixture, "cable-title"), ==, "Cable S-001");
  g_assert_cmpstr (text_of (fixture, "cable-title-subtitle"), ==,
                   "AV receiver · Front left speaker → Front left · Speaker terminals");
  g_assert_cmpstr (text_of (fixture, "cable-number"), ==, "S-001");
  g_assert_cmpstr (text_of (fixture, "cable-length"), ==, "3");
  g_assert_true (row_shown (fixture, "cable-gauge"));
  g_assert_cmpstr (text_of (fixture, "cable-gauge"), ==, "16");

  /* An RCA cable has no gauge. */
  select_cable (fixture, "c7");
  g_assert_cmpstr (text_of (fixture, "cable-number"), ==, "A-001");
  g_assert_false (row_shown (fixture, "cable-gauge"));
}

static guint
find_type (GtkDropDown *dropdown, const char *name)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), name) == 0)
        return i;
    }
  g_error ("no cable type “%s”", name);
}

static void
test_cable_type (Fixture *fixture, gconstpointer data)
{
  GtkDropDown *types;
  RigCable *cable;

  select_cable (fixture, fixture->phone_cable);
  types = GTK_DROP_DOWN (get (fixture, "cable-type"));
  /* The cable that fits, and plausible wrong ones. */
  g_assert_cmpuint (gtk_drop_down_get_selected (types), ==,
                    find_type (types, "3.5 mm TRS to 2 × RCA"));
  find_type (types, "3.5 mm TS to 2 × RCA, 2 conductors");
  find_type (types, "3.5 mm TRRS to 2 × RCA");
  find_type (types, "3.5 mm TRS to RCA");

  type_and_enter (fixture, "cable-length", "1.5");
  rig_history_clear (fixture->history);

  gtk_drop_down_set_selected (types, find_type (types, "3.5 mm TRRS to 2 × RCA"));
  cable = rig_document_find_cable (fixture->document, fixture->phone_cable);
  g_assert_cmpint (cable->spec.ends[RIG_END_FROM].poles, ==, RIG_POLES_TRRS);
  g_assert_cmpuint (cable->spec.conductors, ==, 4);
  /* The length stays. */
  g_assert_cmpfloat (cable->spec.length_m, ==, 1.5);
  assert_one_step (fixture);

  g_assert_true (rig_history_undo (fixture->history));
  cable = rig_document_find_cable (fixture->document, fixture->phone_cable);
  g_assert_cmpint (cable->spec.ends[RIG_END_FROM].poles, ==, RIG_POLES_TRS);
  g_assert_cmpuint (gtk_drop_down_get_selected (types), ==,
                    find_type (types, "3.5 mm TRS to 2 × RCA"));

  /* Speaker wire offers the right gauge, and keeps a chosen one. */
  select_cable (fixture, "c2");
  types = GTK_DROP_DOWN (get (fixture, "cable-type"));
  g_assert_cmpuint (gtk_drop_down_get_selected (types), ==, find_type (types, "Speaker wire"));
}

static void
test_cable_length_and_gauge (Fixture *fixture, gconstpointer data)
{
  g_autoptr (RigDocument) before = rig_document_copy (fixture->document);
  static const char *const bad_lengths[] = { "0", "-1", "2000", "abc", "3 km", NULL };
  RigCable *cable;

  select_cable (fixture, "c2");
  for (guint i = 0; bad_lengths[i] != NULL; i++)
    {
      type_and_enter (fixture, "cable-length", bad_lengths[i]);
      assert_refused (fixture, "cable-length", NULL, before);
    }
  type_and_enter (fixture, "cable-gauge", "30");
  assert_refused (fixture, "cable-gauge", NULL, before);
  type_and_enter (fixture, "cable-gauge", "8");
  assert_refused (fixture, "cable-gauge", NULL, before);

  type_and_enter (fixture, "cable-length", "2.5 m");
  assert_accepted (fixture, "cable-length");
  cable = rig_document_find_cable (fixture->document, "c2");
  g_assert_cmpfloat (cable->spec.length_m, ==, 2.5);
  assert_one_step (fixture);
  g_assert_true (rig_history_undo (fixture->history));
  g_assert_cmpstr (text_of (fixture, "cable-length"), ==, "3");
  rig_history_clear (fixture->history);

  type_and_enter (fixture, "cable-gauge", "14");
  cable = rig_document_find_cable (fixture->document, "c2");
  g_assert_cmpfloat (cable->spec.gauge_awg, ==, 14);
  assert_one_step (fixture);
}

static void
test_cable_number (Fixture *fixture, gconstpointer data)
{
  g_autoptr (RigDocument) before = rig_document_copy (fixture->document);

  select_cable (fixture, "c2");
  type_and_enter (fixture, "cable-number", "");
  assert_refused (fixture, "cable-number", "A cable needs a number.", before);
  type_and_enter (fixture, "cable-number", "S-002");
  assert_refused (fixture, "cable-number", "Another cable already has the number “S-002”.", before);

  type_and_enter (fixture, "cable-number", "S-100");
  assert_accepted (fixture, "cable-number");
  g_assert_cmpstr (rig_document_find_cable (fixture->document, "c2")->number, ==, "S-100");
  g_assert_cmpstr (text_of (fixture, "cable-title"), ==, "Cable S-100");
  assert_one_step (fixture);
  g_assert_true (rig_history_undo (fixture->history));
  g_assert_cmpstr (text_of (fixture, "cable-number"), ==, "S-001");
}

static GtkWidget *
find_list_box (GtkWidget *root)
{
  return rig_test_widgets_find_type (root, GTK_TYPE_LIST_BOX);
}

/* A jack that holds a cable says which, and has no Connect menu: a second
 * cable there could not be saved. Freed, it offers the menu again. */
static void
test_device_occupied_jack (Fixture *fixture, gconstpointer data)
{
  GtkWidget *button;
  const char *cable_ids[] = { "c1", NULL };

  rig_selection_set (fixture->selection, (const char *const[]){ "d1", NULL }, NULL);
  rig_test_widgets_flush ();
  button = get (fixture, "connect-optical-out");
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_nonnull (strstr (rig_tooltip_get (button), "holds cable D-001"));
  g_assert_true (gtk_widget_get_sensitive (get (fixture, "connect-headphones")));

  g_assert_true (rig_history_apply (fixture->history, rig_command_remove_cables (cable_ids), NULL));
  rig_test_widgets_flush ();
  g_assert_true (gtk_widget_get_sensitive (get (fixture, "connect-optical-out")));
  g_assert_true (rig_history_undo (fixture->history));
  rig_test_widgets_flush ();
  g_assert_false (gtk_widget_get_sensitive (get (fixture, "connect-optical-out")));
}

/* Keyboard-only wiring: a jack's "Connect…" menu lists the free jacks, best
 * verdict first, and choosing one adds the cable as one undo step, output
 * to input whichever end it was opened from. */
static void
test_device_connect_menu (Fixture *fixture, gconstpointer data)
{
  GtkWidget *button, *popover, *list, *first;
  GArray *targets;
  const char *first_target;
  guint n_cables = rig_document_get_n_cables (fixture->document);
  RigCable *cable;

  /* The powered subwoofer's free stereo line input. */
  rig_selection_set (fixture->selection, (const char *const[]){ "d8", NULL }, NULL);
  rig_test_widgets_flush ();
  button = get (fixture, "connect-line-in");
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  rig_test_widgets_flush ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  list = find_list_box (popover);
  g_assert_nonnull (list);
  targets = g_object_get_data (G_OBJECT (list), "targets");
  g_assert_nonnull (targets);
  g_assert_cmpuint (targets->len, >, 3);

  /* Sorted by verdict; the TV's headphone out is fine, the phone's USB-C is
   * not (digital into an analog input). Jacks already in use are left out. */
  {
    gboolean tv_fine = FALSE, usb_error = FALSE, used_offered = FALSE;
    guint previous = RIG_SEVERITY_NONE;

    for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
         row = gtk_widget_get_next_sibling (row))
      {
        const char *target = g_object_get_data (G_OBJECT (row), "target");
        guint verdict = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "verdict"));

        if (target == NULL)
          continue;
        g_assert_cmpuint (previous, <=, verdict);
        previous = verdict;
        tv_fine |= g_str_equal (target, "d1:headphones") && verdict == RIG_SEVERITY_NONE;
        usb_error |= g_str_equal (target, "d11:usb") && verdict == RIG_SEVERITY_ERROR;
        used_offered |= g_str_equal (target, "d1:optical-out");
      }
    g_assert_true (tv_fine);
    g_assert_true (usb_error);
    g_assert_false (used_offered);
  }

  /* Choose the first (a fine one): one new cable, from the output. */
  first = gtk_widget_get_first_child (list);
  first_target = g_object_get_data (G_OBJECT (first), "target");
  g_assert_cmpuint (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (first), "verdict")), ==,
                    RIG_SEVERITY_NONE);
  g_signal_emit_by_name (list, "row-activated", first);
  rig_test_widgets_flush ();
  g_assert_cmpuint (rig_document_get_n_cables (fixture->document), ==, n_cables + 1);
  cable = rig_document_get_cable (fixture->document, n_cables);
  g_assert_cmpstr (cable->device[RIG_END_TO], ==, "d8");
  g_assert_cmpstr (cable->jack[RIG_END_TO], ==, "line-in");
  g_assert_true (g_str_has_prefix (first_target, cable->device[RIG_END_FROM]));
  g_assert_cmpint (rig_validator_get_cable_status (fixture->validator, cable->id), ==,
                   RIG_SEVERITY_NONE);
  g_assert_true (rig_history_undo (fixture->history));
  g_assert_cmpuint (rig_document_get_n_cables (fixture->document), ==, n_cables);
}

/* The device page moves from device to device (#13): a second receiver with
 * its own label, amplifier power, volume and cables shows its own values in
 * the same widgets, and nothing of the first; and back, after a device of
 * another model and the rig's page, the first shows its own again. */
static void
test_device_page_moves (Fixture *fixture, gconstpointer data)
{
  RigCommand *add = rig_command_add_device (rig_catalog_lookup (catalog, "av-receiver"),
                                            "Second receiver", 400, 400);
  g_autofree char *second = NULL;
  GtkWidget *entry, *spin;

  apply (fixture, add);
  second = g_strdup (rig_command_get_created_id (add));
  apply (fixture, rig_command_set_device_figure (second, RIG_FIGURE_AMP_POWER, 60));
  apply (fixture, rig_command_set_device_control (second, "volume", -35));

  /* The first receiver, with a figure refused on its page. */
  select_device (fixture, "d2");
  rig_test_widgets_flush ();
  entry = get (fixture, "device-label");
  spin = get (fixture, "control-volume-spin");
  type_and_enter (fixture, "figure-amp-power", "-5");
  g_assert_true (gtk_widget_get_visible (get (fixture, "figure-amp-power-error")));
  g_assert_false (gtk_widget_get_sensitive (wait_for (fixture, "connect-in-aux")));

  select_device (fixture, second);
  rig_test_widgets_flush ();
  /* The same widgets, now the second receiver's. */
  g_assert_true (get (fixture, "device-label") == entry);
  g_assert_true (get (fixture, "control-volume-spin") == spin);
  g_assert_cmpstr (text_of (fixture, "device-title"), ==, "Second receiver");
  g_assert_cmpstr (text_of (fixture, "device-label"), ==, "Second receiver");
  g_assert_cmpstr (text_of (fixture, "figure-amp-power"), ==, "60");
  assert_accepted (fixture, "figure-amp-power");
  g_assert_true (gtk_widget_get_visible (get (fixture, "figure-amp-power-reset")));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, -35);
  g_assert_true (gtk_widget_get_sensitive (get (fixture, "control-volume-reset")));
  /* Its aux in is free: the first's holds the phone's cable. */
  g_assert_true (gtk_widget_get_sensitive (wait_for (fixture, "connect-in-aux")));
  g_assert_nonnull (strstr (rig_tooltip_get (wait_for (fixture, "connect-in-aux")), "Connect"));

  /* Its page edits it, not the first. */
  type_and_enter (fixture, "device-label", "Zone 2");
  g_assert_cmpstr (rig_document_find_device (fixture->document, second)->label, ==, "Zone 2");
  g_assert_cmpstr (rig_document_find_device (fixture->document, "d2")->label, ==, "AV receiver");

  /* A speaker (another model), the rig, then the first receiver again. */
  select_device (fixture, "d3");
  rig_test_widgets_flush ();
  g_assert_cmpstr (text_of (fixture, "device-title-subtitle"), ==,
                   "Bookshelf speaker (8 Ω, passive)");
  g_assert_null (rig_test_widgets_find (GTK_WIDGET (fixture->inspector), "control-volume-spin"));
  g_assert_null (rig_test_widgets_find (GTK_WIDGET (fixture->inspector), "connect-in-aux"));
  rig_selection_set (fixture->selection, NULL, NULL);
  rig_test_widgets_flush ();
  g_assert_null (rig_test_widgets_find (GTK_WIDGET (fixture->inspector), "device-label"));
  select_device (fixture, "d2");
  rig_test_widgets_flush ();
  g_assert_cmpstr (text_of (fixture, "device-label"), ==, "AV receiver");
  g_assert_cmpstr (text_of (fixture, "figure-amp-power"), ==, "100");
  g_assert_false (gtk_widget_get_visible (get (fixture, "figure-amp-power-reset")));
  g_assert_cmpfloat (
      gtk_spin_button_get_value (GTK_SPIN_BUTTON (get (fixture, "control-volume-spin"))), ==, -20);
  g_assert_false (gtk_widget_get_sensitive (wait_for (fixture, "connect-in-aux")));
  g_assert_true (gtk_widget_get_visible (
      gtk_widget_get_ancestor (wait_for (fixture, "connect-headphones"), GTK_TYPE_LIST_BOX_ROW)));
}

int
main (int argc, char *argv[])
{
  if (!rig_test_widgets_init (&argc, &argv, "inspector"))
    return g_test_run ();

  catalog = rig_test_builtin_catalog ();

#define ADD(path, func)                                                                            \
  g_test_add ("/inspector/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("summary", test_summary);
  ADD ("device/shows", test_device_shows);
  ADD ("device/figure-refused", test_figure_refused);
  ADD ("device/figure-applies", test_figure_applies);
  ADD ("device/figure-reset", test_figure_reset);
  ADD ("device/power-and-switches", test_power_and_switches);
  ADD ("device/label", test_label);
  ADD ("device/typing-kept", test_typing_kept);
  ADD ("device/selection-change-commits", test_selection_change_commits);
  ADD ("rig/edits", test_rig_page_edits);
  ADD ("device/connect-menu", test_device_connect_menu);
  ADD ("device/occupied-jack", test_device_occupied_jack);
  ADD ("device/page-moves", test_device_page_moves);
  ADD ("cable/shows", test_cable_shows);
  ADD ("cable/type", test_cable_type);
  ADD ("cable/length-and-gauge", test_cable_length_and_gauge);
  ADD ("cable/number", test_cable_number);
#undef ADD

  return g_test_run ();
}
