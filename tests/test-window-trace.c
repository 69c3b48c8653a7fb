/* test-window-trace.c: the application's ways to the levels (issue #11).
 * The window's Trace action: Ctrl+T on the selected device opens the Trace
 * view on it, in a window of the application's; with nothing selected it
 * opens nothing; another rig in the window leaves the view tracing nothing.
 * The export dialog's level diagrams option adds the level pages.
 *
 * A display test: run it under Xvfb (xvfb-run). With no display it fails.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "rig-application.h"
#include "rig-catalog.h"
#include "rig-command.h"
#include "rig-export-dialog-private.h"
#include "rig-history.h"
#include "rig-test-app.h"
#include "rig-window-private.h"
#include "rig-window.h"

static RigApplication *app;

/* A phone added to the home theater, wired to nothing: no signal path
 * passes through it, whatever computes the trace. */
static char *
add_lone_phone (RigWindow *window)
{
  RigCommand *add = rig_command_add_device (
      rig_catalog_lookup (rig_catalog_get_default (), "phone-ctia"), "Lone phone", 900, 900);
  g_autoptr (GError) error = NULL;

  g_assert_true (rig_history_apply (rig_window_get_history (window), add, &error));
  g_assert_no_error (error);
  return g_strdup (rig_command_get_created_id (add));
}

static void
test_trace_action (void)
{
  RigWindow *window = rig_test_show_new_window (app);
  g_autofree char *phone = NULL;
  g_auto (GStrv) accels = NULL;
  RigTraceView *view;
  GtkWidget *toplevel;

  g_assert_true (rig_window_open_example (window, "home-theater.rigwire"));
  phone = add_lone_phone (window);

  /* Nothing selected: nothing to trace. */
  rig_selection_clear (window->selection);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.trace", NULL));
  rig_test_flush_main_loop ();
  g_assert_null (rig_window_get_trace_view (window));

  rig_selection_set (window->selection, (const char *[]){ phone, NULL }, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.trace", NULL));
  rig_test_flush_main_loop ();
  view = rig_window_get_trace_view (window);
  g_assert_nonnull (view);
  g_assert_cmpstr (rig_trace_view_get_object (view), ==, phone);
  g_assert_cmpstr (rig_trace_view_get_status (view), ==,
                   "No signal path passes through Lone phone.");
  toplevel = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (view)));
  g_assert_true (gtk_widget_get_visible (toplevel));
  g_assert_true (gtk_window_get_application (GTK_WINDOW (toplevel)) == GTK_APPLICATION (app));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (window));

  /* Asked again on a cable, the same window traces it. */
  rig_selection_set (
      window->selection, NULL,
      (const char *[]){ rig_document_get_cable (rig_window_get_document (window), 0)->id, NULL });
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.trace", NULL));
  rig_test_flush_main_loop ();
  g_assert_true (rig_window_get_trace_view (window) == view);
  g_assert_cmpstr (rig_trace_view_get_object (view), ==,
                   rig_document_get_cable (rig_window_get_document (window), 0)->id);

  /* Another rig: the view traces nothing of it. */
  g_assert_true (rig_window_open_example (window, "car.rigwire"));
  rig_test_flush_main_loop ();
  g_assert_null (rig_trace_view_get_object (view));
  g_assert_nonnull (rig_trace_view_get_status (view));

  gtk_window_destroy (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

/* The export dialog's option adds the level page to the sheet it previews. */
static void
test_export_dialog_levels (void)
{
  RigWindow *window = rig_test_show_new_window (app);
  RigExportDialog *dialog;
  GtkCheckButton *levels;
  guint pages;

  g_assert_true (rig_window_open_example (window, "home-theater.rigwire"));
  dialog = rig_export_dialog_new (GTK_WINDOW (window), rig_window_get_document (window), NULL, NULL,
                                  "pdf");
  levels = GTK_CHECK_BUTTON (rig_export_dialog_get_widget (dialog, "levels"));
  g_assert_false (gtk_check_button_get_active (levels));
  g_assert_false (rig_sheet_get_options (rig_export_dialog_get_sheet (dialog))->levels);
  pages = rig_sheet_get_n_pages (rig_export_dialog_get_sheet (dialog));
  gtk_check_button_set_active (levels, TRUE);
  rig_test_flush_main_loop ();
  g_assert_true (rig_sheet_get_options (rig_export_dialog_get_sheet (dialog))->levels);
  g_assert_cmpuint (rig_sheet_get_n_pages (rig_export_dialog_get_sheet (dialog)), >, pages);
  gtk_check_button_set_active (levels, FALSE);
  rig_test_flush_main_loop ();
  g_assert_cmpuint (rig_sheet_get_n_pages (rig_export_dialog_get_sheet (dialog)), ==, pages);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
}

int
main (int argc, char *argv[])
{
  int status;

  app = rig_test_app_init (&argc, &argv);
  if (app == NULL)
    {
      g_test_add_func ("/app/display", rig_test_app_no_display);
      return g_test_run ();
    }

  g_test_add_func ("/app/window/trace", test_trace_action);
  g_test_add_func ("/app/export-dialog/level-pages", test_export_dialog_levels);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
