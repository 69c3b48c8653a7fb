/* rig-drop.c: letting go of big data off the main thread (rig-drop.h).
 *
 * One worker thread, made at the first drop, takes the objects in order
 * from a queue and unrefs each. rig_drop_wait() queues a marker and waits
 * for the worker to reach it.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rig-drop.h"

typedef struct
{
  GMutex lock;
  GCond reached;
  gboolean done;
} Marker;

static GAsyncQueue *queue;
/* The marker's tag: an object pointer is never this. */
static char marker_tag;

static gpointer
worker (gpointer data)
{
  for (;;)
    {
      gpointer item = g_async_queue_pop (queue);

      if (item == &marker_tag)
        {
          Marker *marker = g_async_queue_pop (queue);

          g_mutex_lock (&marker->lock);
          marker->done = TRUE;
          g_cond_signal (&marker->reached);
          g_mutex_unlock (&marker->lock);
          continue;
        }
      g_object_unref (item);
    }
  return NULL;
}

static void
ensure_worker (void)
{
  static gsize started;

  if (g_once_init_enter (&started))
    {
      queue = g_async_queue_new ();
      /* It runs as long as the process: nothing joins it. */
      g_thread_unref (g_thread_new ("rigwire-drop", worker, NULL));
      g_once_init_leave (&started, 1);
    }
}

void
rig_drop_in_background (gpointer object)
{
  if (object == NULL)
    return;
  g_return_if_fail (G_IS_OBJECT (object));

  ensure_worker ();
  g_async_queue_push (queue, object);
}

void
rig_drop_wait (void)
{
  Marker marker = { 0 };

  ensure_worker ();
  g_mutex_init (&marker.lock);
  g_cond_init (&marker.reached);
  /* The tag and its marker go in together, so the worker pops them as a
   * pair. */
  g_async_queue_lock (queue);
  g_async_queue_push_unlocked (queue, &marker_tag);
  g_async_queue_push_unlocked (queue, &marker);
  g_async_queue_unlock (queue);

  g_mutex_lock (&marker.lock);
  while (!marker.done)
    g_cond_wait (&marker.reached, &marker.lock);
  g_mutex_unlock (&marker.lock);
  g_mutex_clear (&marker.lock);
  g_cond_clear (&marker.reached);
}
