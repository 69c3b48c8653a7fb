/* test-editor-random.c: the editor, driven at random through its own
 * gestures and actions, never makes a rig it cannot read back.
 *
 * A window opens the home studio example. Each step does one thing a user
 * does: places a catalog model (some under the id of a different model the
 * rig already holds: a user's catalog overrides a built-in model here), drags
 * a cable from one port to another on the canvas (occupied or not), drags a
 * device, nudges, selects and deletes or duplicates, undoes, redoes or
 * renumbers. After every step the rig saves, loads and saves again to the same
 * bytes. A display test: run it under Xvfb.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "rig-canvas-private.h"
#include "rig-catalog.h"
#include "rig-format.h"
#include "rig-layout.h"
#include "rig-test-app.h"
#include "rig-window-private.h"

static RigApplication *app;

/* A user's catalog file that gives the built-in "speaker-bookshelf" id to a
 * different speaker, as a user's own model or a newer release would. */
static const char user_catalog[]
    = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<catalog xmlns=\"https://rigwire.github.io/ns/rigwire/1\" format-version=\"1\">\n"
      "  <model id=\"speaker-bookshelf\" name=\"My bookshelf speaker (4 Ω)\" "
      "category=\"passive-speaker\" power=\"none\">\n"
      "    <figures nominal-impedance=\"4\" power-handling=\"40\" sensitivity=\"86\"/>\n"
      "    <jack id=\"in\" name=\"Speaker terminals\" connector=\"speaker-terminal\" "
      "gender=\"socket\" direction=\"in\" signal=\"speaker\" channels=\"1\" "
      "input-impedance=\"4\"/>\n"
      "  </model>\n"
      "</catalog>\n";

static void
assert_round_trip (RigDocument *document, guint step, const char *what)
{
  g_autoptr (GBytes) saved = rig_format_save_bytes (document);
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) loaded = rig_format_load_bytes (saved, "step.rigwire", NULL, &error);
  g_autoptr (GBytes) again = NULL;

  if (error != NULL)
    g_error ("step %u (%s): the rig no longer opens: %s", step, what, error->message);
  again = rig_format_save_bytes (loaded);
  g_assert_true (g_bytes_equal (saved, again));
}

static RigDevice *
random_device (RigDocument *document)
{
  guint n = rig_document_get_n_devices (document);

  return n > 0 ? rig_document_get_device (document, g_test_rand_int_range (0, n)) : NULL;
}

static void
drag (RigCanvas *canvas, double x0, double y0, double x1, double y1)
{
  rig_canvas_test_press (canvas, x0, y0, 0);
  for (guint i = 1; i <= 6; i++)
    rig_canvas_test_motion (canvas, x0 + (x1 - x0) * i / 6, y0 + (y1 - y0) * i / 6);
  rig_canvas_test_release (canvas, x1, y1);
}

/* A random port in view, in widget coordinates. */
static gboolean
random_port (RigCanvas *canvas, RigDocument *document, double *wx, double *wy)
{
  RigDevice *device = random_device (document);
  RigPortGeometry port;

  if (device == NULL || device->model->n_jacks == 0)
    return FALSE;
  if (!rig_layout_get_port (
          rig_canvas_get_layout (canvas), device->id,
          device->model->jacks[g_test_rand_int_range (0, device->model->n_jacks)].id, &port))
    return FALSE;
  rig_canvas_canvas_to_widget (canvas, port.anchor.x, port.anchor.y, wx, wy);
  return TRUE;
}

static const char *
step (RigWindow *window, RigCanvas *canvas)
{
  RigDocument *document = rig_window_get_document (window);
  RigCatalog *catalog = rig_catalog_get_default ();
  double x0, y0, x1, y1;

  switch (g_test_rand_int_range (0, 10))
    {
      case 0:
        {
          RigDeviceModel *model = rig_catalog_get_model (
              catalog, g_test_rand_int_range (0, rig_catalog_get_n_models (catalog)));
          if (g_test_rand_bit ())
            model = rig_catalog_lookup (catalog, "speaker-bookshelf");
          g_free (rig_canvas_place_model (canvas, model));
          return "place a model";
        }
      case 1:
      case 2:
      case 3:
        if (random_port (canvas, document, &x0, &y0) && random_port (canvas, document, &x1, &y1))
          drag (canvas, x0, y0, x1, y1);
        return "drag a cable";
      case 4:
        {
          RigDevice *device = random_device (document);
          RigRect card;
          if (device != NULL
              && rig_layout_get_card_rect (rig_canvas_get_layout (canvas), device->id, &card))
            {
              rig_canvas_canvas_to_widget (canvas, card.x + card.width / 2, card.y + 12, &x0, &y0);
              drag (canvas, x0, y0, x0 + g_test_rand_double_range (-80, 80),
                    y0 + g_test_rand_double_range (-80, 80));
            }
          return "drag a device";
        }
      case 5:
        {
          RigDevice *device = random_device (document);
          if (device != NULL)
            rig_selection_set (window->selection, (const char *const[]){ device->id, NULL }, NULL);
          gtk_widget_activate_action (GTK_WIDGET (window),
                                      g_test_rand_bit () ? "win.duplicate" : "win.delete", NULL);
          return "duplicate or delete a device";
        }
      case 6:
        rig_canvas_test_key (canvas, GDK_KEY_Tab, 0);
        rig_canvas_test_key (canvas, g_test_rand_bit () ? GDK_KEY_Right : GDK_KEY_Down, 0);
        return "walk and nudge";
      case 7:
        gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
        return "undo";
      case 8:
        gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
        return "redo";
      default:
        gtk_widget_activate_action (GTK_WIDGET (window),
                                    g_test_rand_bit () ? "win.renumber-cables" : "win.select-all",
                                    NULL);
        return "renumber or select all";
    }
}

static void
test_random_editing (void)
{
  RigWindow *window = rig_test_show_new_window (app);
  RigCanvas *canvas = window->canvas;
  guint n_steps = g_test_slow () ? 2000 : 200;

  g_assert_true (rig_window_open_example (window, "home-studio.rigwire"));
  rig_canvas_test_set_view (canvas, 0.5, -40, -40);
  rig_test_flush_main_loop ();
  for (guint i = 0; i < n_steps; i++)
    {
      const char *what = step (window, canvas);

      rig_test_flush_main_loop ();
      assert_round_trip (rig_window_get_document (window), i, what);
    }
  g_test_message ("%u steps: %u devices, %u cables", n_steps,
                  rig_document_get_n_devices (rig_window_get_document (window)),
                  rig_document_get_n_cables (rig_window_get_document (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  rig_test_flush_main_loop ();
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autofree char *devices = NULL;
  g_autofree char *file = NULL;
  int status;

  /* A data folder of its own, with the user's catalog in it, before anything
   * loads the catalog. */
  data_home = g_build_filename (g_get_tmp_dir (), "rigwire-editor-random-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (data_home));
  devices = g_build_filename (data_home, "rigwire", "devices", NULL);
  g_assert_cmpint (g_mkdir_with_parents (devices, 0700), ==, 0);
  file = g_build_filename (devices, "mine.xml", NULL);
  g_assert_true (g_file_set_contents (file, user_catalog, -1, NULL));
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  app = rig_test_app_init (&argc, &argv);
  if (app == NULL)
    {
      g_test_add_func ("/editor/display", rig_test_app_no_display);
      return g_test_run ();
    }
  g_test_add_func ("/editor/random-editing", test_random_editing);
  status = g_test_run ();
  g_object_unref (app);

  g_unlink (file);
  g_rmdir (devices);
  {
    g_autofree char *rigwire = g_path_get_dirname (devices);
    g_autofree char *drafts = g_build_filename (rigwire, "drafts", NULL);
    g_rmdir (drafts);
    g_rmdir (rigwire);
  }
  g_rmdir (data_home);
  return status;
}
