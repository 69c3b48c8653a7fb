/* rig-hear-button.c: "Hear it", A/B (rig-hear-button.h). */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rig-hear-button.h"
#include "rig-inspector-page.h"
#include "rig-tooltip.h"
#include "rig-wav.h"

struct _RigHearButton
{
  GtkWidget parent_instance;

  GtkWidget *row; /* "Hear it:", then the two buttons */
  GtkWidget *title;
  GtkWidget *buttons[2];
  GtkWidget *icons[2];
  GtkWidget *status;

  RigDiagnostic *diagnostic; /* what it plays, or NULL */
  char *cable_id;            /* followed through the page's validator, or NULL */
  RigValidator *validator;   /* followed, for a cable */

  GtkMediaStream *stream; /* playing, or NULL */
  char *path;             /* the stream's temporary WAV file */
  int playing;            /* the version playing, or -1 */
  guint stop_idle;
};

G_DEFINE_FINAL_TYPE (RigHearButton, rig_hear_button, GTK_TYPE_WIDGET)

static void
set_status (RigHearButton *self, const char *text)
{
  gtk_label_set_text (GTK_LABEL (self->status), text != NULL ? text : "");
  gtk_widget_set_visible (self->status, text != NULL && *text != '\0');
}

static void
show_playing (RigHearButton *self)
{
  for (int v = 0; v < 2; v++)
    gtk_image_set_from_icon_name (GTK_IMAGE (self->icons[v]),
                                  self->playing == v ? "media-playback-stop-symbolic"
                                                     : "media-playback-start-symbolic");
}

void
rig_hear_button_stop (RigHearButton *self)
{
  g_return_if_fail (RIG_IS_HEAR_BUTTON (self));

  g_clear_handle_id (&self->stop_idle, g_source_remove);
  if (self->stream != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->stream, self);
      gtk_media_stream_pause (self->stream);
      g_clear_object (&self->stream);
    }
  if (self->path != NULL)
    {
      g_unlink (self->path);
      g_clear_pointer (&self->path, g_free);
    }
  self->playing = -1;
  show_playing (self);
}

static gboolean
stop_idle_cb (gpointer data)
{
  RigHearButton *self = data;

  self->stop_idle = 0;
  rig_hear_button_stop (self);
  return G_SOURCE_REMOVE;
}

/* The stream's own signals stop it later, outside their emission. */
static void
stop_soon (RigHearButton *self)
{
  if (self->stop_idle == 0)
    self->stop_idle = g_idle_add (stop_idle_cb, self);
}

static void
cannot_play (RigHearButton *self, const char *reason)
{
  g_autofree char *text = g_strdup_printf (_ ("No sound can be played here: %s"), reason);
  set_status (self, text);
}

static void
stream_error_cb (GtkMediaStream *stream, GParamSpec *pspec, RigHearButton *self)
{
  const GError *error = gtk_media_stream_get_error (stream);

  if (error == NULL)
    return;
  cannot_play (self, error->message);
  stop_soon (self);
}

static void
stream_ended_cb (GtkMediaStream *stream, GParamSpec *pspec, RigHearButton *self)
{
  if (gtk_media_stream_get_ended (stream))
    stop_soon (self);
}

/* The clip of @version in a new temporary WAV file, its path. */
static char *
write_clip (RigHearButton *self, RigHearVersion version, GError **error)
{
  g_autoptr (RigAudio) clip = rig_hear_render (&self->diagnostic->figures, version, 0);
  g_autoptr (GBytes) wav = NULL;
  g_autofree char *path = NULL;
  int fd;

  if (clip == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _ ("This problem has no sound of its own."));
      return NULL;
    }
  wav = rig_wav_encode (clip);
  fd = g_file_open_tmp ("rigwire-hear-XXXXXX.wav", &path, error);
  if (fd < 0)
    return NULL;
  close (fd);
  if (!g_file_set_contents (path, g_bytes_get_data (wav, NULL), g_bytes_get_size (wav), error))
    {
      g_unlink (path);
      return NULL;
    }
  return g_steal_pointer (&path);
}

gboolean
rig_hear_button_play (RigHearButton *self, RigHearVersion version, GError **error)
{
  g_autoptr (GError) local = NULL;
  const GError *stream_error;

  g_return_val_if_fail (RIG_IS_HEAR_BUTTON (self), FALSE);

  rig_hear_button_stop (self);
  set_status (self, NULL);
  if (self->diagnostic == NULL || (self->path = write_clip (self, version, &local)) == NULL)
    {
      if (local == NULL)
        g_set_error_literal (&local, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _ ("This problem has no sound of its own."));
      cannot_play (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  self->stream = gtk_media_file_new_for_filename (self->path);
  /* Without a media backend the stream fails at once. */
  stream_error = gtk_media_stream_get_error (self->stream);
  if (stream_error != NULL)
    {
      cannot_play (self, stream_error->message);
      g_propagate_error (error, g_error_copy (stream_error));
      rig_hear_button_stop (self);
      return FALSE;
    }
  g_signal_connect (self->stream, "notify::error", G_CALLBACK (stream_error_cb), self);
  g_signal_connect (self->stream, "notify::ended", G_CALLBACK (stream_ended_cb), self);
  gtk_media_stream_play (self->stream);
  self->playing = version;
  show_playing (self);
  return TRUE;
}

static void
clicked_cb (GtkButton *button, RigHearButton *self)
{
  RigHearVersion version
      = GTK_WIDGET (button) == self->buttons[0] ? RIG_HEAR_AS_WIRED : RIG_HEAR_WIRED_RIGHT;

  if (self->playing == (int) version)
    rig_hear_button_stop (self);
  else
    rig_hear_button_play (self, version, NULL);
}

static gboolean
same_sound (const RigDiagnostic *a, const RigDiagnostic *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return rig_diagnostic_equal (a, b) && memcmp (&a->figures, &b->figures, sizeof a->figures) == 0;
}

void
rig_hear_button_set_diagnostic (RigHearButton *self, RigDiagnostic *diagnostic)
{
  g_autofree char *what = NULL;
  g_autofree char *tip = NULL;

  g_return_if_fail (RIG_IS_HEAR_BUTTON (self));

  if (diagnostic != NULL && !rig_hear_has_sound (&diagnostic->figures))
    diagnostic = NULL;
  if (same_sound (self->diagnostic, diagnostic))
    return;
  rig_hear_button_stop (self);
  set_status (self, NULL);
  g_clear_pointer (&self->diagnostic, rig_diagnostic_unref);
  if (diagnostic != NULL)
    self->diagnostic = rig_diagnostic_ref (diagnostic);
  gtk_widget_set_visible (GTK_WIDGET (self), diagnostic != NULL);
  if (diagnostic == NULL)
    return;
  what = rig_hear_describe (&diagnostic->figures, 0);
  /* Translators: the tooltip of "As wired"; %s says what the clip sounds like. */
  tip = g_strdup_printf (_ ("Play a short band loop as this rig plays it: %s"), what);
  rig_tooltip_set_text (self->buttons[0], tip);
}

RigDiagnostic *
rig_hear_button_get_diagnostic (RigHearButton *self)
{
  g_return_val_if_fail (RIG_IS_HEAR_BUTTON (self), NULL);
  return self->diagnostic;
}

int
rig_hear_button_get_playing (RigHearButton *self)
{
  g_return_val_if_fail (RIG_IS_HEAR_BUTTON (self), -1);
  return self->playing;
}

const char *
rig_hear_button_get_status (RigHearButton *self)
{
  g_return_val_if_fail (RIG_IS_HEAR_BUTTON (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->status));
}

void
rig_hear_button_set_stacked (RigHearButton *self, gboolean stacked)
{
  g_return_if_fail (RIG_IS_HEAR_BUTTON (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->row),
                                  stacked ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_spacing (GTK_BOX (self->row), stacked ? 8 : 6);
  gtk_label_set_text (GTK_LABEL (self->title), stacked ? _ ("Hear It") : _ ("Hear it:"));
  if (stacked)
    gtk_widget_add_css_class (self->title, "rig-inspector-group-title");
  else
    gtk_widget_remove_css_class (self->title, "rig-inspector-group-title");
}

/* ---- following a cable ----------------------------------------------------------- */

static void
follow_cable (RigHearButton *self);

static void
statuses_changed_cb (RigValidator *validator, const char *const *cables, const char *const *devices,
                     RigHearButton *self)
{
  follow_cable (self);
}

static void
set_validator (RigHearButton *self, RigValidator *validator)
{
  if (self->validator == validator)
    return;
  if (self->validator != NULL)
    g_signal_handlers_disconnect_by_data (self->validator, self);
  g_set_object (&self->validator, validator);
  if (validator != NULL)
    g_signal_connect (validator, "statuses-changed", G_CALLBACK (statuses_changed_cb), self);
}

static void
follow_cable (RigHearButton *self)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), RIG_TYPE_INSPECTOR_PAGE);
  g_autoptr (GPtrArray) diagnostics = NULL;

  if (self->cable_id == NULL)
    return;
  set_validator (self, page != NULL && gtk_widget_get_root (GTK_WIDGET (self)) != NULL
                           ? rig_inspector_page_get_validator (RIG_INSPECTOR_PAGE (page))
                           : NULL);
  if (self->validator != NULL)
    diagnostics = rig_validator_get_cable_diagnostics (self->validator, self->cable_id);
  rig_hear_button_set_diagnostic (
      self, (RigDiagnostic *) rig_hear_find_for_cable (diagnostics, self->cable_id));
}

void
rig_hear_button_set_cable (RigHearButton *self, const char *cable_id)
{
  g_return_if_fail (RIG_IS_HEAR_BUTTON (self));

  if (g_strcmp0 (self->cable_id, cable_id) != 0)
    {
      g_free (self->cable_id);
      self->cable_id = g_strdup (cable_id);
    }
  follow_cable (self);
}

/* ---- the object ------------------------------------------------------------------- */

static void
rig_hear_button_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rig_hear_button_parent_class)->root (widget);
  follow_cable (RIG_HEAR_BUTTON (widget));
}

static void
rig_hear_button_unroot (GtkWidget *widget)
{
  RigHearButton *self = RIG_HEAR_BUTTON (widget);

  rig_hear_button_stop (self);
  if (self->cable_id != NULL)
    set_validator (self, NULL);
  GTK_WIDGET_CLASS (rig_hear_button_parent_class)->unroot (widget);
}

static void
rig_hear_button_dispose (GObject *object)
{
  RigHearButton *self = RIG_HEAR_BUTTON (object);

  rig_hear_button_stop (self);
  set_validator (self, NULL);
  g_clear_pointer (&self->diagnostic, rig_diagnostic_unref);
  g_clear_pointer (&self->cable_id, g_free);
  g_clear_pointer (&self->row, gtk_widget_unparent);
  g_clear_pointer (&self->status, gtk_widget_unparent);

  G_OBJECT_CLASS (rig_hear_button_parent_class)->dispose (object);
}

static void
rig_hear_button_class_init (RigHearButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rig_hear_button_dispose;
  widget_class->root = rig_hear_button_root;
  widget_class->unroot = rig_hear_button_unroot;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "righearbutton");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
version_button (RigHearButton *self, int version, const char *text, const char *tooltip)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);

  self->icons[version] = gtk_image_new_from_icon_name ("media-playback-start-symbolic");
  gtk_box_append (GTK_BOX (box), self->icons[version]);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  rig_tooltip_set_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_signal_connect (button, "clicked", G_CALLBACK (clicked_cb), self);
  self->buttons[version] = button;
  return button;
}

static void
rig_hear_button_init (RigHearButton *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *title = gtk_label_new (_ ("Hear it:"));
  GtkWidget *pair = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->playing = -1;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);

  self->row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  self->title = title;
  gtk_box_append (GTK_BOX (self->row), title);
  gtk_box_append (GTK_BOX (pair),
                  version_button (self, RIG_HEAR_AS_WIRED, _ ("As wired"),
                                  _ ("Play a short band loop as this rig plays it")));
  gtk_box_append (GTK_BOX (pair),
                  version_button (self, RIG_HEAR_WIRED_RIGHT, _ ("Wired right"),
                                  _ ("Play the same loop as the right wiring plays it")));
  gtk_box_append (GTK_BOX (self->row), pair);
  gtk_widget_set_parent (self->row, GTK_WIDGET (self));

  self->status = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->status), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->status), 0);
  gtk_widget_add_css_class (self->status, "dim-label");
  gtk_widget_set_visible (self->status, FALSE);
  gtk_widget_set_parent (self->status, GTK_WIDGET (self));

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
rig_hear_button_new (void)
{
  return g_object_new (RIG_TYPE_HEAR_BUTTON, NULL);
}
