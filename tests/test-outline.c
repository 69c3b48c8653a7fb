/* test-outline.c: the outline (widgets/rig-outline.c) through GTK's
 * accessibility API, as a screen reader finds it: roles, names,
 * descriptions with the verdicts, the selected state; it follows edits,
 * shares the canvas's selection, and makes a cable from the keyboard; and
 * in the window, Ctrl+L's action shows it and F9's gives the pane back to
 * the catalog.
 *
 * Runs with GTK_A11Y=test (tests/meson.build): GTK's test accessibility
 * backend keeps every property where gtk_test_accessible_*() reads it.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "rig-canvas.h"
#include "rig-command.h"
#include "rig-connect-popover.h"
#include "rig-format.h"
#include "rig-outline.h"
#include "rig-test-app.h"
#include "rig-test-models.h"

static RigApplication *app;

/* A property's value as assistive technologies read it:
 * gtk_test_accessible_check_property() gives the value it finds when it
 * differs from the one asked, and no property ever holds "\x01". */
static char *
accessible_text (gpointer widget, GtkAccessibleProperty property)
{
  char *value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, "\x01");

  g_assert_nonnull (value);
  return value;
}

static gboolean
is_selected_for_at (gpointer widget)
{
  /* check_state() gives NULL when the state has the value asked. */
  g_autofree char *differs = gtk_test_accessible_check_state (GTK_ACCESSIBLE (widget),
                                                              GTK_ACCESSIBLE_STATE_SELECTED, TRUE);
  return differs == NULL;
}

/* An outline, with a canvas sharing its selection, in a window. */
typedef struct
{
  RigDocument *document;
  RigHistory *history;
  RigValidator *validator;
  RigSelection *selection;
  GtkWidget *window;
  RigOutline *outline;
  RigCanvas *canvas;
} Fixture;

static void
fixture_show (Fixture *f, RigDocument *document)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  f->document = document;
  f->history = g_object_ref (rig_test_history (document));
  f->validator = rig_validator_new (document);
  f->selection = rig_selection_new ();
  f->window = gtk_window_new ();
  f->outline = RIG_OUTLINE (rig_outline_new ());
  f->canvas = RIG_CANVAS (rig_canvas_new ());
  gtk_widget_set_size_request (GTK_WIDGET (f->outline), 300, 600);
  gtk_widget_set_size_request (GTK_WIDGET (f->canvas), 600, 600);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->outline));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->canvas));
  gtk_window_set_child (GTK_WINDOW (f->window), box);
  rig_canvas_set_document (f->canvas, document, f->history, f->validator, f->selection);
  rig_outline_set_document (f->outline, document, f->history, f->validator, f->selection);
  gtk_window_present (GTK_WINDOW (f->window));
  rig_test_flush_main_loop ();
}

static void
fixture_clear (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  rig_test_flush_main_loop ();
  g_clear_object (&f->selection);
  g_clear_object (&f->validator);
  g_clear_object (&f->history);
  g_clear_object (&f->document);
}

/* An example rig as the program ships it (resources/examples/). */
static RigDocument *
load_example (const char *name)
{
  g_autoptr (GFile) file = g_file_new_build_filename (g_getenv ("RIGWIRE_SOURCE_DIR"), "resources",
                                                      "examples", name, NULL);
  g_autoptr (GError) error = NULL;
  RigDocument *document = rig_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static guint
count_rows (RigOutline *outline)
{
  guint n = 0;

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (rig_outline_get_list_box (outline)));
       w != NULL; w = gtk_widget_get_next_sibling (w))
    n += GTK_IS_LIST_BOX_ROW (w) && gtk_widget_get_child_visible (w);
  return n;
}

static void
apply (Fixture *f, RigCommand *command)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rig_history_apply (f->history, command, &error));
  g_assert_no_error (error);
}

/* The lesson about aux and headphone jacks: every device and cable has a
 * row, read as a list of list items, each named with its verdict. */
static void
test_roles_names_descriptions (void)
{
  Fixture f = { 0 };
  GtkListBoxRow *cable_row, *device_row;
  g_autofree char *cable_name = NULL;
  g_autofree char *cable_description = NULL;
  g_autofree char *device_name = NULL;
  g_autofree char *device_description = NULL;
  g_autofree char *connect_name = NULL;
  g_autofree char *list_name = NULL;
  RigCable *a001 = NULL;

  fixture_show (&f, load_example ("lesson-aux-vs-headphone.rigwire"));
  for (guint i = 0; i < rig_document_get_n_cables (f.document); i++)
    if (g_str_equal (rig_document_get_cable (f.document, i)->number, "A-001"))
      a001 = rig_document_get_cable (f.document, i);
  g_assert_nonnull (a001);

  g_assert_true (gtk_test_accessible_has_role (
      GTK_ACCESSIBLE (rig_outline_get_list_box (f.outline)), GTK_ACCESSIBLE_ROLE_LIST));
  list_name = accessible_text (rig_outline_get_list_box (f.outline), GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_assert_cmpstr (list_name, ==, "Devices and cables");
  g_assert_cmpuint (count_rows (f.outline), ==,
                    rig_document_get_n_devices (f.document)
                        + rig_document_get_n_cables (f.document));
  g_assert_cmpuint (g_list_model_get_n_items (rig_outline_get_model (f.outline)), ==,
                    count_rows (f.outline));

  /* A cable with an error: its number, its ends, the verdict in words. */
  cable_row = rig_outline_find_row (f.outline, RIG_OUTLINE_CABLE, a001->id);
  g_assert_nonnull (cable_row);
  g_assert_true (
      gtk_test_accessible_has_role (GTK_ACCESSIBLE (cable_row), GTK_ACCESSIBLE_ROLE_LIST_ITEM));
  cable_name = accessible_text (cable_row, GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_assert_cmpstr (cable_name, ==,
                   "Cable A-001, Phone headset jack to Studio headphones headphone plug, "
                   "error: 6.35 mm plug meets 3.5 mm socket at Phone");
  cable_description = accessible_text (cable_row, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_assert_true (g_str_has_prefix (cable_description, "Error: Cable A-001: "));
  g_assert_nonnull (strstr (cable_description, "Fix: "));
  g_assert_null (rig_outline_row_get_connect_button (cable_row));

  /* A device: its label, model, jacks, cables and verdict. */
  device_row = rig_outline_find_row (f.outline, RIG_OUTLINE_DEVICE, a001->device[RIG_END_FROM]);
  g_assert_true (
      gtk_test_accessible_has_role (GTK_ACCESSIBLE (device_row), GTK_ACCESSIBLE_ROLE_LIST_ITEM));
  device_name = accessible_text (device_row, GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_assert_cmpstr (device_name, ==,
                   "Device Phone, Smartphone (3.5 mm headset jack), 3 jacks, 1 cable, OK");
  device_description = accessible_text (device_row, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_assert_cmpstr (device_description, ==, "No problems found.");
  connect_name = accessible_text (rig_outline_row_get_connect_button (device_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_assert_cmpstr (connect_name, ==, "Connect Phone…");

  fixture_clear (&f);
}

/* A cable made, fixed, undone, removed: rows come and go and their names
 * and descriptions follow; a row whose verdict changes is the same row. */
static void
test_follows_edits (void)
{
  Fixture f = { 0 };
  RigDocument *document = rig_document_new ();
  const char *phone = rig_test_add (document, "phone-ctia", "Phone");
  const char *speakers = rig_test_add (document, "speaker-active", "Speakers");
  RigCableSpec wrong, right;
  RigCommand *command;
  const char *cable;
  GtkListBoxRow *row, *device_row;
  g_autofree char *error_name = NULL;
  g_autofree char *error_description = NULL;
  g_autofree char *fixed_name = NULL;
  g_autofree char *fixed_description = NULL;
  g_autofree char *undone_name = NULL;
  g_autofree char *renamed = NULL;
  g_autofree char *device_name = NULL;

  fixture_show (&f, document);
  g_assert_cmpuint (count_rows (f.outline), ==, 2);

  /* A 6.35 mm plug on a 3.5 mm socket: a row appears with the error. */
  rig_test_spec_phone (&wrong, RIG_PHONE_SIZE_3_5, RIG_POLES_TRS, RIG_PHONE_SIZE_6_35,
                       RIG_POLES_TRS, 3);
  command = rig_command_add_cable (phone, "headset", speakers, "aux-in", &wrong, "A-001");
  apply (&f, command);
  cable = rig_document_get_cable (document, 0)->id;
  g_assert_cmpuint (count_rows (f.outline), ==, 3);
  row = rig_outline_find_row (f.outline, RIG_OUTLINE_CABLE, cable);
  g_assert_nonnull (row);
  error_name = accessible_text (row, GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_assert_true (g_str_has_prefix (error_name,
                                   "Cable A-001, Phone headphone out to Speakers aux in, "
                                   "error: "));
  error_description = accessible_text (row, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_assert_true (g_str_has_prefix (error_description, "Error: "));
  device_row = rig_outline_find_row (f.outline, RIG_OUTLINE_DEVICE, phone);
  device_name = accessible_text (device_row, GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_assert_nonnull (strstr (device_name, ", 1 cable, "));

  /* Fixed with the right plugs: the same row says so. */
  rig_test_spec_phone (&right, RIG_PHONE_SIZE_3_5, RIG_POLES_TRS, RIG_PHONE_SIZE_3_5, RIG_POLES_TRS,
                       3);
  apply (&f, rig_command_set_cable_spec (cable, &right));
  g_assert_true (rig_outline_find_row (f.outline, RIG_OUTLINE_CABLE, cable) == row);
  fixed_name = accessible_text (row, GTK_ACCESSIBLE_PROPERTY_LABEL);
  fixed_description = accessible_text (row, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_assert_null (strstr (fixed_name, "error"));
  g_assert_cmpstr (fixed_description, !=, error_description);
  g_assert_null (strstr (fixed_description, "Error: "));

  /* Undone: the error is back, in the same row. */
  rig_history_undo (f.history);
  g_assert_true (rig_outline_find_row (f.outline, RIG_OUTLINE_CABLE, cable) == row);
  undone_name = accessible_text (row, GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_assert_cmpstr (undone_name, ==, error_name);

  /* A device renamed: its row and its cable's row say the new name. */
  apply (&f, rig_command_set_device_label (phone, "Pocket phone"));
  renamed = accessible_text (row, GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_assert_true (g_str_has_prefix (renamed, "Cable A-001, Pocket phone headphone out to "));
  g_free (device_name);
  device_name = accessible_text (device_row, GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_assert_true (g_str_has_prefix (device_name, "Device Pocket phone, "));

  /* The cable removed, then its removal undone. */
  {
    const char *ids[] = { cable, NULL };
    apply (&f, rig_command_remove_cables (ids));
  }
  g_assert_cmpuint (count_rows (f.outline), ==, 2);
  g_assert_null (rig_outline_find_row (f.outline, RIG_OUTLINE_CABLE, cable));
  rig_history_undo (f.history);
  g_assert_cmpuint (count_rows (f.outline), ==, 3);
  row = rig_outline_find_row (f.outline, RIG_OUTLINE_CABLE, cable);
  g_free (undone_name);
  undone_name = accessible_text (row, GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_assert_true (g_str_has_prefix (undone_name, "Cable A-001, Pocket phone headphone out"));
  g_assert_nonnull (strstr (undone_name, "error: "));

  fixture_clear (&f);
}

static void
count_signal (gpointer instance, guint *count)
{
  (*count)++;
}

/* The list's selection is the canvas's, both ways, and the selected state
 * is what a screen reader reads. */
static void
test_selection_both_ways (void)
{
  Fixture f = { 0 };
  RigDocument *document = rig_document_new ();
  const char *phone = rig_test_add (document, "phone-ctia", "Phone");
  const char *speakers = rig_test_add (document, "speaker-active", "Speakers");
  const char *cable = rig_test_connect (document, phone, "headset", speakers, "aux-in");
  GtkListBoxRow *phone_row, *cable_row;
  RigSelection *canvas_selection;
  guint user_selections = 0;

  fixture_show (&f, document);
  canvas_selection = rig_canvas_get_selection (f.canvas);
  g_signal_connect (f.outline, "objects-selected", G_CALLBACK (count_signal), &user_selections);
  phone_row = rig_outline_find_row (f.outline, RIG_OUTLINE_DEVICE, phone);
  cable_row = rig_outline_find_row (f.outline, RIG_OUTLINE_CABLE, cable);
  g_assert_false (is_selected_for_at (phone_row));

  /* A row selected in the list: selected on the canvas. */
  gtk_list_box_select_row (rig_outline_get_list_box (f.outline), cable_row);
  g_assert_true (rig_selection_has_cable (canvas_selection, cable));
  g_assert_cmpuint (rig_selection_get_n_devices (canvas_selection), ==, 0);
  g_assert_true (is_selected_for_at (cable_row));
  g_assert_cmpuint (user_selections, ==, 1);

  /* Selected on the canvas: the list follows, and says nothing back. */
  {
    const char *ids[] = { phone, NULL };
    rig_selection_set (canvas_selection, ids, NULL);
  }
  g_assert_true (is_selected_for_at (phone_row));
  g_assert_false (is_selected_for_at (cable_row));
  g_assert_true (gtk_list_box_row_is_selected (phone_row));
  g_assert_cmpuint (user_selections, ==, 1);

  /* A selected object deleted: its row goes, and that is no choice of the user's. */
  gtk_list_box_select_row (rig_outline_get_list_box (f.outline), cable_row);
  g_assert_cmpuint (user_selections, ==, 2);
  {
    const char *ids[] = { cable, NULL };
    apply (&f, rig_command_remove_cables (ids));
  }
  g_assert_cmpuint (user_selections, ==, 2);
  rig_history_undo (f.history);

  /* Cleared on the canvas: nothing selected in the list. */
  rig_selection_clear (canvas_selection);
  g_assert_false (is_selected_for_at (phone_row));
  {
    g_autoptr (GList) rows = gtk_list_box_get_selected_rows (rig_outline_get_list_box (f.outline));
    g_assert_null (rows);
  }

  fixture_clear (&f);
}

static gboolean
connect_menu_open (gpointer button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  return RIG_IS_CONNECT_POPOVER (popover) && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* The list box inside a popover. */
static GtkListBox *
popover_list (GtkPopover *popover)
{
  GtkWidget *w = GTK_WIDGET (popover);

  while (w != NULL && !GTK_IS_LIST_BOX (w))
    {
      if (GTK_IS_POPOVER (w))
        w = gtk_popover_get_child (GTK_POPOVER (w));
      else if (GTK_IS_SCROLLED_WINDOW (w))
        w = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (w));
      else if (GTK_IS_VIEWPORT (w))
        w = gtk_viewport_get_child (GTK_VIEWPORT (w));
      else
        w = gtk_widget_get_first_child (w);
    }
  g_assert_nonnull (w);
  return GTK_LIST_BOX (w);
}

static GtkListBoxRow *
row_with_data (GtkListBox *list, const char *key, const char *value)
{
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (list)); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (w), key), value) == 0)
      return GTK_LIST_BOX_ROW (w);
  g_assert_not_reached ();
}

/* Connect… on a device row: its jacks, then the jacks a cable could go to;
 * choosing one makes the cable, one undo step, and its row appears. */
static void
test_connect_from_row (void)
{
  Fixture f = { 0 };
  RigDocument *document = rig_document_new ();
  const char *phone = rig_test_add (document, "phone-ctia", "Phone");
  const char *speakers = rig_test_add (document, "speaker-active", "Speakers");
  g_autofree char *target = g_strconcat (speakers, ":aux-in", NULL);
  GtkMenuButton *button;
  GtkListBox *jacks;
  GtkListBoxRow *headset;
  g_autofree char *headset_name = NULL;
  RigCable *cable;

  fixture_show (&f, document);
  button = rig_outline_row_get_connect_button (
      rig_outline_find_row (f.outline, RIG_OUTLINE_DEVICE, phone));
  gtk_menu_button_popup (button);
  jacks = popover_list (gtk_menu_button_get_popover (button));
  headset = row_with_data (jacks, "jack", "headset");
  headset_name = accessible_text (headset, GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_assert_true (g_str_has_prefix (headset_name, "Headphone out, "));
  g_assert_true (g_str_has_suffix (headset_name, ", free"));

  gtk_widget_activate (GTK_WIDGET (headset));
  g_assert_true (rig_test_wait_for (connect_menu_open, button, 5));
  gtk_widget_activate (GTK_WIDGET (
      row_with_data (popover_list (gtk_menu_button_get_popover (button)), "target", target)));
  rig_test_flush_main_loop ();

  g_assert_cmpuint (rig_document_get_n_cables (document), ==, 1);
  cable = rig_document_get_cable (document, 0);
  g_assert_cmpstr (cable->device[RIG_END_FROM], ==, phone);
  g_assert_cmpstr (cable->jack[RIG_END_FROM], ==, "headset");
  g_assert_cmpstr (cable->device[RIG_END_TO], ==, speakers);
  g_assert_nonnull (rig_outline_find_row (f.outline, RIG_OUTLINE_CABLE, cable->id));
  g_assert_cmpuint (count_rows (f.outline), ==, 3);

  /* The jack holds the cable now, and the menu says so. */
  gtk_menu_button_popup (button);
  g_free (headset_name);
  headset_name = accessible_text (
      row_with_data (popover_list (gtk_menu_button_get_popover (button)), "jack", "headset"),
      GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_assert_true (g_str_has_suffix (headset_name, ", holds cable A-001"));
  gtk_menu_button_popdown (button);

  /* One undo step takes it away. */
  rig_history_undo (f.history);
  g_assert_cmpuint (rig_document_get_n_cables (document), ==, 0);
  g_assert_cmpuint (count_rows (f.outline), ==, 2);

  fixture_clear (&f);
}

/* The row with the keyboard focus deleted: the focus goes to the row now in
 * its place, not nowhere. */
static void
test_focus_survives_deletion (void)
{
  Fixture f = { 0 };
  RigDocument *document = rig_document_new ();
  const char *first = rig_test_add (document, "phone-ctia", "Phone");
  const char *second = rig_test_add (document, "speaker-active", "Speakers");
  GtkListBoxRow *second_row;

  fixture_show (&f, document);
  gtk_widget_grab_focus (GTK_WIDGET (rig_outline_find_row (f.outline, RIG_OUTLINE_DEVICE, first)));
  second_row = rig_outline_find_row (f.outline, RIG_OUTLINE_DEVICE, second);
  {
    const char *ids[] = { first, NULL };
    apply (&f, rig_command_remove_devices (ids));
  }
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (second_row)));

  fixture_clear (&f);
}

static gboolean
window_outline_shown (RigWindow *window)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (window), "show-outline");
  g_autoptr (GVariant) state = g_action_get_state (action);

  return g_variant_get_boolean (state);
}

static RigOutline *
find_outline (GtkWidget *widget)
{
  if (RIG_IS_OUTLINE (widget))
    return RIG_OUTLINE (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      RigOutline *found = find_outline (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* In the window: win.show-outline (Ctrl+L) shows the outline of the rig
 * and puts the keyboard on it; F6 leaves it for the canvas and Shift+F6
 * comes back; F9's action gives the pane to the catalog. */
static void
test_window_shows_outline (void)
{
  RigWindow *window = rig_test_show_new_window (app);
  RigOutline *outline;
  RigDocument *document;
  GtkWidget *focus;

  g_assert_true (rig_window_open_example (window, "lesson-aux-power-speakers.rigwire"));
  g_assert_false (window_outline_shown (window));
  outline = find_outline (GTK_WIDGET (window));
  g_assert_nonnull (outline);
  /* Never shown yet: no rows made. */
  g_assert_cmpuint (g_list_model_get_n_items (rig_outline_get_model (outline)), ==, 0);
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-outline", NULL);
  rig_test_flush_main_loop ();
  g_assert_true (window_outline_shown (window));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (outline)));
  document = rig_window_get_document (window);
  g_assert_cmpuint (count_rows (outline), ==,
                    rig_document_get_n_devices (document) + rig_document_get_n_cables (document));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (outline)));

  /* F6 and Shift+F6: from the outline to the canvas and back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-pane", NULL));
  g_assert_true (RIG_IS_CANVAS (gtk_root_get_focus (GTK_ROOT (window))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-pane", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus)
                 && gtk_widget_is_ancestor (focus, GTK_WIDGET (outline)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-palette", NULL));
  rig_test_flush_main_loop ();
  g_assert_false (window_outline_shown (window));
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (outline)));

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-outline", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-outline", NULL);
  rig_test_flush_main_loop ();
  g_assert_false (window_outline_shown (window));

  gtk_window_destroy (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
}

int
main (int argc, char *argv[])
{
  app = rig_test_app_init (&argc, &argv);
  if (app == NULL)
    {
      g_test_add_func ("/outline/display", rig_test_app_no_display);
      return g_test_run ();
    }
  g_test_add_func ("/outline/roles-names-descriptions", test_roles_names_descriptions);
  g_test_add_func ("/outline/follows-edits", test_follows_edits);
  g_test_add_func ("/outline/selection-both-ways", test_selection_both_ways);
  g_test_add_func ("/outline/connect-from-row", test_connect_from_row);
  g_test_add_func ("/outline/focus-survives-deletion", test_focus_survives_deletion);
  g_test_add_func ("/outline/window-shows-outline", test_window_shows_outline);
  return g_test_run ();
}
