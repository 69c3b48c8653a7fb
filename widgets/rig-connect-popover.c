/* rig-connect-popover.c: a jack's "Connect…" menu in the inspector.
 *
 * The menu is filled when it opens: verdicts are worked out for what is in
 * the rig now.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-command.h"
#include "rig-connect-popover.h"

#define CONNECT_MAX_TARGETS 300

struct _RigConnectPopover
{
  GtkPopover parent_instance;

  GtkWidget *list; /* the template's list of jacks */

  RigInspectorPage *page; /* borrowed */
  char *device_id;
  char *jack_id;
};

G_DEFINE_FINAL_TYPE (RigConnectPopover, rig_connect_popover, GTK_TYPE_POPOVER)

typedef struct
{
  char *device_id;
  char *jack_id;
  RigSeverity verdict;
  guint order; /* document order, to keep ties stable */
} ConnectTarget;

static void
connect_target_clear (gpointer data)
{
  ConnectTarget *t = data;

  g_free (t->device_id);
  g_free (t->jack_id);
}

static int
compare_targets (gconstpointer a, gconstpointer b)
{
  const ConnectTarget *ta = a, *tb = b;

  if (ta->verdict != tb->verdict)
    return ta->verdict < tb->verdict ? -1 : 1;
  return ta->order < tb->order ? -1 : ta->order > tb->order;
}

/* A cable could go to @other: it is free (speaker terminals take several
 * cables). */
static gboolean
could_connect (RigDocument *document, RigDevice *device, const RigJack *other)
{
  g_autoptr (GPtrArray) cables = g_ptr_array_new ();

  if (rig_document_get_jack_cables (document, device->id, other->id, cables) > 0
      && other->connector != RIG_CONNECTOR_SPEAKER_TERMINAL)
    return FALSE;
  return TRUE;
}

/* The free jacks of the other devices, judged as the cable would run:
 * signal flows from an output to an input. Sets @n_possible to how many
 * there are; returns at most CONNECT_MAX_TARGETS of them, best first. */
static GArray *
collect_targets (RigConnectPopover *self, const RigJack *jack, guint *n_possible)
{
  RigDocument *document = rig_inspector_page_get_document (self->page);
  RigValidator *validator = rig_inspector_page_get_validator (self->page);
  GArray *targets = g_array_new (FALSE, FALSE, sizeof (ConnectTarget));

  g_array_set_clear_func (targets, connect_target_clear);
  *n_possible = 0;
  for (guint i = 0; i < rig_document_get_n_devices (document); i++)
    {
      RigDevice *other = rig_document_get_device (document, i);

      if (g_strcmp0 (other->id, self->device_id) == 0)
        continue;
      for (guint j = 0; j < other->model->n_jacks; j++)
        {
          const RigJack *candidate = &other->model->jacks[j];
          ConnectTarget target = { 0 };

          if (!could_connect (document, other, candidate))
            continue;
          (*n_possible)++;
          if (targets->len >= CONNECT_MAX_TARGETS)
            continue;
          target.device_id = g_strdup (other->id);
          target.jack_id = g_strdup (candidate->id);
          target.order = targets->len;
          target.verdict
              = validator == NULL ? RIG_SEVERITY_NONE
                : jack->direction == RIG_DIRECTION_IN
                    ? rig_validator_judge_connection (validator, other->id, candidate->id,
                                                      self->device_id, self->jack_id)
                    : rig_validator_judge_connection (validator, self->device_id, self->jack_id,
                                                      other->id, candidate->id);
          g_array_append_val (targets, target);
        }
    }
  g_array_sort (targets, compare_targets);
  return targets;
}

/* "Phone · Headset  3.5 mm TRRS (CTIA)  Fine" */
static void
add_target_row (RigConnectPopover *self, const ConnectTarget *t)
{
  RigDocument *document = rig_inspector_page_get_document (self->page);
  RigDevice *other = rig_document_find_device (document, t->device_id);
  const RigJack *candidate = rig_device_find_jack (other, t->jack_id);
  g_autofree char *connector = rig_jack_describe_connector (candidate);
  g_autofree char *text
      = g_strdup_printf ("%s · %s", other->label, rig_jack_get_display_name (candidate));
  g_autofree char *accessible = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name (
      t->verdict == RIG_SEVERITY_ERROR     ? "dialog-error-symbolic"
      : t->verdict == RIG_SEVERITY_WARNING ? "dialog-warning-symbolic"
                                           : "emblem-ok-symbolic");
  const char *verdict = t->verdict == RIG_SEVERITY_ERROR     ? _ ("Error")
                        : t->verdict == RIG_SEVERITY_WARNING ? _ ("Warning")
                                                             : _ ("Fine");
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *detail = gtk_label_new (connector);
  GtkWidget *word = gtk_label_new (verdict);
  GtkWidget *row;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (word, "caption");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_box_append (GTK_BOX (box), word);
  gtk_list_box_append (GTK_LIST_BOX (self->list), box);

  row = gtk_widget_get_last_child (self->list);
  accessible = g_strdup_printf ("%s, %s: %s", text, connector, verdict);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  /* What the row offers, for tests and for the row's own tooltip. */
  g_object_set_data_full (G_OBJECT (row), "target",
                          g_strdup_printf ("%s:%s", t->device_id, t->jack_id), g_free);
  g_object_set_data (G_OBJECT (row), "verdict", GUINT_TO_POINTER (t->verdict));
}

static void
add_note_row (RigConnectPopover *self, const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_append (GTK_LIST_BOX (self->list), label);
}

static void
fill (RigConnectPopover *self)
{
  RigDocument *document;
  RigDevice *device;
  const RigJack *jack;
  GArray *targets;
  GtkWidget *child;
  guint n_possible = 0;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  g_object_set_data (G_OBJECT (self->list), "targets", NULL);
  if (self->page == NULL || (document = rig_inspector_page_get_document (self->page)) == NULL)
    return;

  device = rig_document_find_device (document, self->device_id);
  jack = device != NULL ? rig_device_find_jack (device, self->jack_id) : NULL;
  if (jack != NULL)
    targets = collect_targets (self, jack, &n_possible);
  else
    targets = g_array_new (FALSE, FALSE, sizeof (ConnectTarget));

  for (guint i = 0; i < targets->len; i++)
    add_target_row (self, &g_array_index (targets, ConnectTarget, i));
  if (targets->len == 0)
    add_note_row (self, _ ("No free jack to connect to"));
  else if (n_possible > targets->len)
    {
      g_autofree char *more
          = g_strdup_printf (_ ("The first %u of %u jacks"), targets->len, n_possible);
      add_note_row (self, more);
    }
  g_object_set_data_full (G_OBJECT (self->list), "targets", targets,
                          (GDestroyNotify) g_array_unref);
}

/* Adds a cable between the menu's jack and the chosen one, from the output
 * to the input: an input row connects from the chosen jack. */
static void
row_activated_cb (GtkListBox *list, GtkListBoxRow *row, RigConnectPopover *self)
{
  GArray *targets = g_object_get_data (G_OBJECT (list), "targets");
  int index = gtk_list_box_row_get_index (row);
  RigDocument *document;
  RigDevice *device;
  const RigJack *jack;
  ConnectTarget *target;
  g_autoptr (GError) error = NULL;
  RigCommand *command;

  if (self->page == NULL || (document = rig_inspector_page_get_document (self->page)) == NULL)
    return;
  device = rig_document_find_device (document, self->device_id);
  jack = device != NULL ? rig_device_find_jack (device, self->jack_id) : NULL;
  if (jack == NULL || targets == NULL || index < 0 || (guint) index >= targets->len)
    return;
  target = &g_array_index (targets, ConnectTarget, index);
  gtk_popover_popdown (GTK_POPOVER (self));

  if (jack->direction == RIG_DIRECTION_IN)
    command = rig_command_add_cable (target->device_id, target->jack_id, self->device_id,
                                     self->jack_id, NULL, NULL);
  else
    command = rig_command_add_cable (self->device_id, self->jack_id, target->device_id,
                                     target->jack_id, NULL, NULL);
  if (!rig_inspector_page_apply (self->page, command, &error))
    g_message ("Cannot connect: %s", error->message);
}

void
rig_connect_popover_set_jack (RigConnectPopover *self, RigInspectorPage *page,
                              const char *device_id, const char *jack_id)
{
  g_return_if_fail (RIG_IS_CONNECT_POPOVER (self));

  self->page = page;
  g_free (self->device_id);
  self->device_id = g_strdup (device_id);
  g_free (self->jack_id);
  self->jack_id = g_strdup (jack_id);
}

/* The menu opens with nothing in it focused (Tab or an arrow key enters the
 * list), and is filled once open. */
static void
rig_connect_popover_show (GtkWidget *widget)
{
  RigConnectPopover *self = RIG_CONNECT_POPOVER (widget);
  GtkWidget *child = gtk_popover_get_child (GTK_POPOVER (self));

  gtk_widget_set_can_focus (child, FALSE);
  GTK_WIDGET_CLASS (rig_connect_popover_parent_class)->show (widget);
  gtk_widget_set_can_focus (child, TRUE);

  fill (self);
}

static void
rig_connect_popover_dispose (GObject *object)
{
  RigConnectPopover *self = RIG_CONNECT_POPOVER (object);

  self->page = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), RIG_TYPE_CONNECT_POPOVER);

  G_OBJECT_CLASS (rig_connect_popover_parent_class)->dispose (object);
}

static void
rig_connect_popover_finalize (GObject *object)
{
  RigConnectPopover *self = RIG_CONNECT_POPOVER (object);

  g_free (self->device_id);
  g_free (self->jack_id);

  G_OBJECT_CLASS (rig_connect_popover_parent_class)->finalize (object);
}

static void
rig_connect_popover_class_init (RigConnectPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rig_connect_popover_dispose;
  object_class->finalize = rig_connect_popover_finalize;
  widget_class->show = rig_connect_popover_show;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/rigwire/Rigwire/ui/rig-connect-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, RigConnectPopover, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
rig_connect_popover_init (RigConnectPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
