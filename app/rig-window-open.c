/* rig-window-open.c: opening a rig file in the background.
 *
 * Reading a big rig takes a while (the file of 10,000 devices, about 80 ms;
 * of 100,000, most of a second): a worker thread reads it, so the window
 * keeps drawing and answering meanwhile. The rig shown stays as it is until
 * the new one is read; after a moment a spinner over the canvas says which
 * file is being opened.
 *
 * Nothing the user did is replaced: a file opens in this window only when
 * it holds an untouched empty rig (or the file is this window's own, read
 * again from the disk bar); otherwise, or when the user changes the rig
 * while the file is read, it opens in a new window. If the file cannot be
 * read, what was shown stays and a dialog says why.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-catalog.h"
#include "rig-format.h"
#include "rig-layout.h"
#include "rig-safe-file.h"
#include "rig-window-private.h"
#include "rig-xml.h"

/* A file read this fast shows no spinner (it would only flicker). */
#define SPINNER_DELAY_MS 150

typedef struct
{
  GFile *file;
  RigDocument *document; /* read by the worker */
  RigLayout *layout;     /* its cards and plain curves, also made by the worker */
  RigFileState *state;
  gboolean fresh;  /* the window was made for this file: it goes if the file cannot be read */
  GWeakRef origin; /* the window the user opened it from, which tells a failure */
} OpenJob;

static void
open_job_free (gpointer data)
{
  OpenJob *job = data;

  g_object_unref (job->file);
  g_clear_object (&job->layout);
  g_clear_object (&job->document);
  g_clear_pointer (&job->state, rig_file_state_free);
  g_weak_ref_clear (&job->origin);
  g_free (job);
}

RigDocument *
rig_window_read_file (GFile *file, RigFileState **state, GError **error)
{
  g_autoptr (GFile) folder = g_file_get_parent (file);

  /* A save or export killed half-way leaves a hidden temporary file beside
   * the rig: tidy such leftovers now. */
  if (folder != NULL)
    rig_safe_file_clean_folder (folder);
  return rig_format_load_file_with_state (file, rig_catalog_get_default (), state, error);
}

static void
open_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  OpenJob *job = task_data;
  GError *error = NULL;

  job->document = rig_window_read_file (job->file, &job->state, &error);
  if (job->document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* The layout is geometry only (no widget, no font): the canvas takes it
   * as made, and the main thread does not wait for its cards and curves. */
  job->layout = rig_layout_new_deferred (job->document);
  g_task_return_boolean (task, TRUE);
}

static gboolean
spinner_timeout_cb (gpointer user_data)
{
  RigWindow *self = RIG_WINDOW (user_data);

  self->opening_timeout = 0;
  gtk_widget_set_visible (self->opening_box, TRUE);
  gtk_spinner_start (self->opening_spinner);
  rig_window_update_placeholder (self);
  return G_SOURCE_REMOVE;
}

static void
document_changed_cb (RigDocument *document, gpointer change, RigWindow *self)
{
  self->changed_while_opening = TRUE;
}

static void
stop_watching_document (RigWindow *self)
{
  if (self->opening_document != NULL)
    g_clear_signal_handler (&self->opening_changed_id, self->opening_document);
  g_clear_object (&self->opening_document);
}

/* The window waits for no file any more. */
static void
stop_waiting (RigWindow *self)
{
  g_clear_handle_id (&self->opening_timeout, g_source_remove);
  stop_watching_document (self);
  g_clear_object (&self->open_cancellable);
  if (self->opening_box != NULL)
    {
      gtk_spinner_stop (self->opening_spinner);
      gtk_widget_set_visible (self->opening_box, FALSE);
      rig_window_update_placeholder (self);
    }
}

static void
tell_failure (RigWindow *self, OpenJob *job, const GError *error)
{
  g_autoptr (RigWindow) origin = g_weak_ref_get (&job->origin);
  RigWindow *teller = origin != NULL && origin != self ? origin : self;

  rig_window_show_error (teller, _ ("The rig could not be opened"), error->message);
  if (job->fresh && teller != self)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
opened_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RigWindow *self = RIG_WINDOW (source);
  OpenJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Cancelled: the window was closed, or another file took its place. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      stop_waiting (self);
      tell_failure (self, job, error);
      return;
    }
  if (self->changed_while_opening)
    {
      RigWindow *other = rig_window_new (gtk_window_get_application (GTK_WINDOW (self)));

      stop_waiting (self);
      rig_window_adopt_file (other, job->file, g_steal_pointer (&job->document), job->layout,
                             job->state);
      gtk_window_present (GTK_WINDOW (other));
      return;
    }
  stop_waiting (self);
  rig_window_adopt_file (self, job->file, g_steal_pointer (&job->document), job->layout,
                         job->state);
}

static void
open_here (RigWindow *self, GFile *file, RigWindow *origin)
{
  OpenJob *job = g_new0 (OpenJob, 1);
  g_autoptr (GTask) task = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = g_strdup_printf (_ ("Opening “%s”…"), name);

  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  stop_waiting (self);

  job->file = g_object_ref (file);
  job->fresh = origin != NULL;
  g_weak_ref_init (&job->origin, origin);
  self->open_cancellable = g_cancellable_new ();
  self->changed_while_opening = FALSE;
  self->opening_document = g_object_ref (self->document);
  self->opening_changed_id
      = g_signal_connect (self->document, "changed", G_CALLBACK (document_changed_cb), self);
  gtk_label_set_text (self->opening_label, text);
  self->opening_timeout = g_timeout_add (SPINNER_DELAY_MS, spinner_timeout_cb, self);

  /* GLib reads its C locale at its first number: do that here, not in two
   * threads at once (rig-xml.h). */
  rig_xml_prepare_threads ();
  task = g_task_new (self, self->open_cancellable, opened_cb, NULL);
  g_task_set_source_tag (task, open_here);
  g_task_set_task_data (task, job, open_job_free);
  g_task_run_in_thread (task, open_thread);
}

void
rig_window_open_file_in_background (RigWindow *self, GFile *file)
{
  g_return_if_fail (RIG_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (rig_window_is_opening (self) || rig_history_is_modified (self->history)
      || rig_document_get_n_devices (self->document) > 0
      || rig_document_get_file (self->document) != NULL)
    {
      RigWindow *other = rig_window_new (gtk_window_get_application (GTK_WINDOW (self)));

      open_here (other, file, self);
      gtk_window_present (GTK_WINDOW (other));
      return;
    }
  open_here (self, file, NULL);
}

void
rig_window_reload_in_background (RigWindow *self, GFile *file)
{
  g_return_if_fail (RIG_IS_WINDOW (self));

  open_here (self, file, NULL);
}

void
rig_window_open_document_replaced (RigWindow *self)
{
  if (self->open_cancellable == NULL)
    return;
  /* Another rig took the window's place (an example, a draft): the file
   * read meanwhile opens beside it. */
  self->changed_while_opening = TRUE;
  stop_watching_document (self);
}

gboolean
rig_window_is_opening (RigWindow *self)
{
  g_return_val_if_fail (RIG_IS_WINDOW (self), FALSE);

  return self->open_cancellable != NULL;
}

GtkWidget *
rig_window_open_build (RigWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->opening_spinner = GTK_SPINNER (gtk_spinner_new ());
  self->opening_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->opening_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (self->opening_label, 50);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->opening_spinner));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->opening_label));
  gtk_widget_add_css_class (box, "app-notification");
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_can_target (box, FALSE);
  gtk_widget_set_visible (box, FALSE);
  self->opening_box = box;
  return box;
}

void
rig_window_open_dispose (RigWindow *self)
{
  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  g_clear_handle_id (&self->opening_timeout, g_source_remove);
  stop_watching_document (self);
  g_clear_object (&self->open_cancellable);
  self->opening_box = NULL;
}
