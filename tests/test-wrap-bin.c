/* test-wrap-bin.c: a RigWrapBin answers a width for any height by its
 * child's widths, where the wrapping label alone searches for the narrowest
 * width that fits the height; heights pass through unchanged.
 *
 * A display test: run it under Xvfb (xvfb-run). With no display it fails.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "rig-wrap-bin.h"

#define TEXT "Output impedance 0.05 Ω · Up to 28.3 V · Speaker level · mono"

static void
test_no_display (void)
{
  g_test_fail_printf ("no display: run this test under Xvfb (xvfb-run -a meson test ...)");
}

static void
test_widths_for_any_height (void)
{
  GtkWidget *label = gtk_label_new (TEXT);
  GtkWidget *bin;
  int free_min, free_nat, tall_min, tall_nat, bin_min, bin_nat, min, nat;
  int height, bin_height;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  g_object_ref_sink (label);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &free_min, &free_nat, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, free_min, &height, &nat, NULL, NULL);
  /* The label alone: at the height of its narrowest layout it must be that
   * narrow, not narrower, and no wider than the single line. */
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, height, &tall_min, &tall_nat, NULL, NULL);
  g_assert_cmpint (tall_nat, <, free_nat);

  bin = rig_wrap_bin_new (label);
  g_object_ref_sink (bin);
  g_assert_true (gtk_widget_get_parent (label) == bin);
  g_assert_cmpint (gtk_widget_get_request_mode (bin), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);
  gtk_widget_measure (bin, GTK_ORIENTATION_HORIZONTAL, height, &bin_min, &bin_nat, NULL, NULL);
  g_assert_cmpint (bin_min, ==, free_min);
  g_assert_cmpint (bin_nat, ==, free_nat);
  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, free_min, &bin_height, &nat, NULL, NULL);
  g_assert_cmpint (bin_height, ==, height);

  /* It expands as its child does. */
  g_assert_false (gtk_widget_compute_expand (bin, GTK_ORIENTATION_HORIZONTAL));
  gtk_widget_set_hexpand (label, TRUE);
  g_assert_true (gtk_widget_compute_expand (bin, GTK_ORIENTATION_HORIZONTAL));

  /* Nothing in it: no size. */
  gtk_widget_unparent (label);
  gtk_widget_measure (bin, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, 0);
  g_object_unref (bin);
  g_object_unref (label);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/wrap-bin/display", test_no_display);
      return g_test_run ();
    }
  g_test_add_func ("/wrap-bin/widths-for-any-height", test_widths_for_any_height);
  return g_test_run ();
}
