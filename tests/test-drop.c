/* test-drop.c: big objects let go of on another thread (rig-drop.h): each
 * is finalized there, in the order given, and rig_drop_wait() returns once
 * all are. */
#include "config.h"

#include <glib-object.h>

#include "rig-drop.h"

typedef struct
{
  GMutex lock;
  GPtrArray *order;   /* the objects' names, as they were finalized */
  GPtrArray *threads; /* the thread each was finalized on */
} Log;

static Log log_;

static void
finalized_cb (gpointer name, GObject *where_the_object_was)
{
  g_mutex_lock (&log_.lock);
  g_ptr_array_add (log_.order, name);
  g_ptr_array_add (log_.threads, g_thread_self ());
  g_mutex_unlock (&log_.lock);
}

static GObject *
logged_object (const char *name)
{
  GObject *object = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_weak_ref (object, finalized_cb, (gpointer) name);
  return object;
}

static void
test_drop_elsewhere_in_order (void)
{
  static const char *const names[] = { "layout", "validator", "document" };

  log_.order = g_ptr_array_new ();
  log_.threads = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    rig_drop_in_background (logged_object (names[i]));
  rig_drop_in_background (NULL);
  rig_drop_wait ();

  g_assert_cmpuint (log_.order->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (g_ptr_array_index (log_.order, i), ==, names[i]);
      g_assert_true (g_ptr_array_index (log_.threads, i) != g_thread_self ());
    }
  g_ptr_array_unref (log_.order);
  g_ptr_array_unref (log_.threads);
}

/* An object someone else still holds is only unreferenced: it lives on. */
static void
test_drop_shared (void)
{
  GObject *object = g_object_new (G_TYPE_OBJECT, NULL);
  GObject *watch = object;

  g_object_add_weak_pointer (object, (gpointer *) &watch);
  rig_drop_in_background (g_object_ref (object));
  rig_drop_wait ();
  g_assert_nonnull (watch);
  g_object_unref (object);
  g_assert_null (watch);
}

/* Nothing queued: the wait returns. */
static void
test_wait_empty (void)
{
  rig_drop_wait ();
  rig_drop_wait ();
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_mutex_init (&log_.lock);
  g_test_add_func ("/drop/elsewhere-in-order", test_drop_elsewhere_in_order);
  g_test_add_func ("/drop/shared", test_drop_shared);
  g_test_add_func ("/drop/wait-empty", test_wait_empty);
  return g_test_run ();
}
