/* rig-geometry.c: prints where a rig's cards, ports and cable labels are on
 * the canvas (canvas units), as JSON, for the end-to-end test that drives the
 * real application with the mouse (tests/e2e-editor.py): each cable's route
 * ("path", a polyline as drawn) and its number's box ("label_box": x, y,
 * width, height). With --time, only how long the layout took, once, and
 * how long it takes to follow ten small moves of one device. */
#include "config.h"

#include <stdio.h>

#include "rig-command.h"
#include "rig-format.h"
#include "rig-history.h"
#include "rig-layout.h"

/* What the layout takes to follow one drag step of a device in the middle
 * of the rig: ten moves of 8 units, the slowest and the mean. */
static void
time_moves (RigDocument *document)
{
  guint n = rig_document_get_n_devices (document);
  g_autoptr (RigHistory) history = NULL;
  RigDevice *device;
  double worst = 0, total = 0;

  if (n == 0)
    return;
  history = rig_history_new (document);
  device = rig_document_get_device (document, n / 2);
  for (guint i = 0; i < 10; i++)
    {
      RigCommand *command
          = rig_command_move_devices ((const char *const[]){ device->id, NULL }, 8, 8);
      gint64 t = g_get_monotonic_time ();
      double ms;

      rig_history_apply (history, command, NULL);
      ms = (g_get_monotonic_time () - t) / 1000.0;
      worst = MAX (worst, ms);
      total += ms;
    }
  fprintf (stderr, "move step (layout follows): mean %.2f ms, worst %.2f ms\n", total / 10, worst);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (RigDocument) document = NULL;
  g_autoptr (RigLayout) layout = NULL;
  g_autoptr (GError) error = NULL;
  gboolean timing = argc == 3 && g_strcmp0 (argv[1], "--time") == 0;
  gint64 t0;

  if (timing)
    argv++, argc--;
  if (argc != 2)
    {
      fprintf (stderr, "usage: rig-geometry [--time] FILE.rigwire\n");
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  document = rig_format_load_file (file, NULL, &error);
  if (document == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  t0 = g_get_monotonic_time ();
  layout = rig_layout_new (document);
  if (timing)
    {
      /* One run, for a figure; not a benchmark. */
      fprintf (stderr, "layout: %u devices, %u cables, %.1f ms\n",
               rig_document_get_n_devices (document), rig_document_get_n_cables (document),
               (g_get_monotonic_time () - t0) / 1000.0);
      time_moves (document);
      return 0;
    }

  printf ("{\"devices\": {");
  for (guint i = 0; i < rig_document_get_n_devices (document); i++)
    {
      RigDevice *device = rig_document_get_device (document, i);
      const RigCardShape *shape = rig_layout_get_shape (layout, device->model);
      RigRect card;

      rig_layout_get_card_rect (layout, device->id, &card);
      printf ("%s\"%s\": {\"model\": \"%s\", \"x\": %g, \"y\": %g, \"width\": %g, "
              "\"height\": %g, \"header\": %g, \"ports\": {",
              i ? ", " : "", device->id, device->model->id, card.x, card.y, card.width, card.height,
              shape->header_height);
      for (guint j = 0; j < device->model->n_jacks; j++)
        {
          RigPortGeometry port;

          rig_layout_get_port (layout, device->id, device->model->jacks[j].id, &port);
          printf ("%s\"%s\": [%g, %g]", j ? ", " : "", device->model->jacks[j].id, port.anchor.x,
                  port.anchor.y);
        }
      printf ("}}");
    }
  printf ("}, \"cables\": {");
  for (guint i = 0; i < rig_document_get_n_cables (document); i++)
    {
      RigCable *cable = rig_document_get_cable (document, i);
      RigPoint label, quarter;
      const RigPoint *path;
      guint n_path;
      RigRect box;

      rig_layout_get_cable_label_point (layout, cable->id, &label);
      rig_layout_get_cable_label_box (layout, cable->id, &box);
      rig_layout_get_cable_point (layout, cable->id, 0.3, &quarter);
      rig_layout_get_cable_path (layout, cable->id, &path, &n_path);
      printf ("%s\"%s\": {\"number\": \"%s\", \"label\": [%g, %g], \"along\": [%g, %g], "
              "\"label_box\": [%g, %g, %g, %g], \"path\": [",
              i ? ", " : "", cable->id, cable->number, label.x, label.y, quarter.x, quarter.y,
              box.x, box.y, box.width, box.height);
      for (guint k = 0; k < n_path; k++)
        printf ("%s[%g, %g]", k ? ", " : "", path[k].x, path[k].y);
      printf ("]}");
    }
  printf ("}}\n");
  return 0;
}
