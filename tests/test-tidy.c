/* test-tidy.c: Tidy Up lays a rig out by signal flow (rig-tidy.h). */
#include "config.h"

#include <gio/gio.h>
#include <math.h>

#include "rig-catalog.h"
#include "rig-command.h"
#include "rig-format.h"
#include "rig-history.h"
#include "rig-test-models.h"
#include "rig-tidy.h"

static RigDocument *
load_example (const char *name)
{
  g_autofree char *path = g_strconcat ("/io/github/rigwire/Rigwire/examples/", name, NULL);
  g_autoptr (GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
  g_autoptr (GError) error = NULL;
  RigDocument *doc;

  g_assert_nonnull (bytes);
  doc = rig_format_load_bytes (bytes, name, rig_catalog_get_default (), &error);
  g_assert_no_error (error);
  return doc;
}

/* Moves every device where Tidy Up says, as one step; returns how many moved. */
static guint
tidy (RigDocument *doc, RigHistory *history)
{
  g_autoptr (RigLayout) layout = rig_layout_new (doc);
  g_autoptr (GHashTable) positions = rig_tidy_positions (layout);
  g_autoptr (GPtrArray) moves = g_ptr_array_new ();

  g_assert_cmpuint (g_hash_table_size (positions), ==, rig_document_get_n_devices (doc));
  for (guint i = 0; i < rig_document_get_n_devices (doc); i++)
    {
      RigDevice *device = rig_document_get_device (doc, i);
      const RigPoint *to = g_hash_table_lookup (positions, device->id);
      const char *ids[] = { device->id, NULL };

      g_assert_nonnull (to);
      g_assert_cmpfloat (fmod (to->x, 20), ==, 0);
      g_assert_cmpfloat (fmod (to->y, 20), ==, 0);
      if (to->x == device->x && to->y == device->y)
        continue;
      g_ptr_array_add (moves, rig_command_move_devices (ids, to->x - device->x, to->y - device->y));
    }
  /* As the window does: one undo step. */
  if (moves->len > 0)
    g_assert_true (rig_history_apply (
        history, rig_command_group ("Tidy Up", (RigCommand **) moves->pdata, moves->len), NULL));
  return moves->len;
}

static gboolean
overlap (const RigRect *a, const RigRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height
         && b->y < a->y + a->height;
}

/* Sources left of what they feed, no cards on each other, power gear in a
 * row under the rest, and a second Tidy Up moves nothing. */
static void
assert_tidy (RigDocument *doc)
{
  g_autoptr (RigLayout) layout = rig_layout_new (doc);
  double lowest_signal = -G_MAXDOUBLE, highest_power = G_MAXDOUBLE;
  guint n = rig_document_get_n_devices (doc);

  for (guint i = 0; i < n; i++)
    {
      RigDevice *a = rig_document_get_device (doc, i);
      RigRect ra;

      g_assert_true (rig_layout_get_card_rect (layout, a->id, &ra));
      if (a->model->category == RIG_CATEGORY_POWER)
        highest_power = MIN (highest_power, ra.y);
      else
        lowest_signal = MAX (lowest_signal, ra.y + ra.height);
      for (guint j = i + 1; j < n; j++)
        {
          RigRect rb;

          g_assert_true (
              rig_layout_get_card_rect (layout, rig_document_get_device (doc, j)->id, &rb));
          if (overlap (&ra, &rb))
            g_error ("%s and %s overlap", a->id, rig_document_get_device (doc, j)->id);
        }
    }
  if (highest_power < G_MAXDOUBLE && lowest_signal > -G_MAXDOUBLE)
    g_assert_cmpfloat (highest_power, >, lowest_signal);

  for (guint i = 0; i < rig_document_get_n_cables (doc); i++)
    {
      const RigCable *cable = rig_document_get_cable (doc, i);
      const RigJack *from = rig_document_cable_jack (doc, cable, RIG_END_FROM);
      const RigJack *to = rig_document_cable_jack (doc, cable, RIG_END_TO);
      RigDevice *a = rig_document_cable_device (doc, cable, RIG_END_FROM);
      RigDevice *b = rig_document_cable_device (doc, cable, RIG_END_TO);

      if (from->signal == RIG_SIGNAL_POWER || from->direction != RIG_DIRECTION_OUT
          || to->direction != RIG_DIRECTION_IN)
        continue;
      if (!(a->x < b->x))
        g_error ("cable %s: %s (x %g) feeds %s (x %g) but is not left of it", cable->id, a->id,
                 a->x, b->id, b->x);
    }
}

/* A layout that followed the moves (as the canvas's does) agrees with a
 * fresh one: every cable ends at its ports. */
static void
assert_cables_follow (RigDocument *doc, RigLayout *live)
{
  for (guint i = 0; i < rig_document_get_n_cables (doc); i++)
    {
      const RigCable *cable = rig_document_get_cable (doc, i);
      RigPoint curve[4];
      RigPortGeometry from, to;

      g_assert_true (rig_layout_get_cable_curve (live, cable->id, curve));
      g_assert_true (rig_layout_get_port (live, cable->device[0], cable->jack[0], &from));
      g_assert_true (rig_layout_get_port (live, cable->device[1], cable->jack[1], &to));
      if (fabs (curve[0].x - from.anchor.x) > 0.5 || fabs (curve[0].y - from.anchor.y) > 0.5
          || fabs (curve[3].x - to.anchor.x) > 0.5 || fabs (curve[3].y - to.anchor.y) > 0.5)
        g_error ("cable %s does not follow its devices", cable->id);
    }
}

static void
test_examples (void)
{
  static const char *const names[]
      = { "home-theater.rigwire", "home-studio.rigwire", "podcast-desk.rigwire", "car.rigwire" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (RigDocument) doc = load_example (names[i]);
      RigHistory *history = rig_test_history (doc);
      g_autoptr (RigDocument) before = rig_document_copy (doc);

      g_autoptr (RigLayout) live = rig_layout_new (doc);

      g_test_message ("%s", names[i]);
      tidy (doc, history);
      assert_tidy (doc);
      assert_cables_follow (doc, live);
      g_assert_cmpuint (tidy (doc, history), ==, 0);
      while (rig_history_undo (history))
        ;
      g_assert_true (rig_document_content_equal (doc, before));
    }
}

/* A feedback loop (a mixer's send through an effect back into it) lays out
 * without hanging, everything placed once. */
static void
test_feedback_loop (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  RigHistory *history = rig_test_history (doc);
  const char *mixer = rig_test_add (doc, "mixer", "Mixer");
  const char *amp = rig_test_add (doc, "amp-integrated", "Amp");

  rig_test_connect (doc, mixer, "main-l", amp, "in-cd");
  rig_test_connect (doc, amp, "pre-out", mixer, "line-3");
  tidy (doc, history);
  g_assert_cmpuint (tidy (doc, history), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tidy/examples", test_examples);
  g_test_add_func ("/tidy/feedback-loop", test_feedback_loop);
  return g_test_run ();
}
