/* rig-field-row.c: an editable row of the inspector.
 *
 * An entry remembers the text it last showed from the document, so a refresh
 * never replaces what the user is typing, and a commit (Enter, focus out)
 * does nothing when the text is unchanged. What the text means, and the
 * command it makes, is the page's business.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-field-row.h"
#include "rig-inspector-page.h"
#include "rig-tooltip.h"
#include "rig-wrap-bin.h"

struct _RigFieldRow
{
  GtkListBoxRow parent_instance;

  /* The template (its outer box is the row's child: GtkListBoxRow owns it). */
  GtkWidget *line;
  GtkWidget *texts;
  GtkWidget *title_label;
  GtkWidget *subtitle_label; /* "Model: 8 Ω" */
  GtkWidget *unit_label;
  GtkWidget *reset_button; /* shown for an overridden figure */
  GtkWidget *error_label;  /* the message under the field */

  GtkWidget *control; /* GtkEntry, GtkDropDown or GtkSwitch */
  gboolean control_below;
  GtkEventController *focus;
  GtkEventController *keys;

  RigInspectorPage *page; /* borrowed: the page holds the row */
  char *shown;            /* the text the entry last showed from the document */
  gboolean force;         /* the next refresh replaces the text (after a commit) */
  guint updating;         /* > 0 while the row sets the entry's text */
};

G_DEFINE_FINAL_TYPE (RigFieldRow, rig_field_row, GTK_TYPE_LIST_BOX_ROW)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_UNIT,
  PROP_CONTROL,
  PROP_CONTROL_BELOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_RESET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- errors and text ------------------------------------------------------------ */

void
rig_field_row_show_error (RigFieldRow *self, const char *message)
{
  gtk_widget_add_css_class (self->control, "error");
  gtk_label_set_text (GTK_LABEL (self->error_label), message);
  gtk_widget_set_visible (self->error_label, TRUE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->control), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->control),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

void
rig_field_row_clear_error (RigFieldRow *self)
{
  if (!gtk_widget_get_visible (self->error_label))
    return;
  gtk_widget_remove_css_class (self->control, "error");
  gtk_label_set_text (GTK_LABEL (self->error_label), "");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->control), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->control),
                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* When the value is the one already shown, the entry keeps whatever the user
 * has there (typing, or a refused value with its message); when it changed
 * (undo, another view), the entry follows unless the user is typing in it. */
void
rig_field_row_set_text (RigFieldRow *self, const char *text)
{
  GtkEditable *editable = GTK_EDITABLE (self->control);
  const char *current = gtk_editable_get_text (editable);
  gboolean typing;

  if (!self->force && self->shown != NULL && strcmp (self->shown, text) == 0)
    return;

  typing = (gtk_widget_get_state_flags (self->control) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0
           && self->shown != NULL && strcmp (current, self->shown) != 0;

  g_free (self->shown);
  self->shown = g_strdup (text);
  if (typing && !self->force)
    return;

  self->force = FALSE;
  if (strcmp (current, text) != 0)
    {
      self->updating++;
      gtk_editable_set_text (editable, text);
      self->updating--;
    }
  rig_field_row_clear_error (self);
}

gboolean
rig_field_row_is_edited (RigFieldRow *self)
{
  return GTK_IS_ENTRY (self->control) && self->shown != NULL
         && strcmp (gtk_editable_get_text (GTK_EDITABLE (self->control)), self->shown) != 0;
}

void
rig_field_row_expect_change (RigFieldRow *self)
{
  self->force = TRUE;
}

void
rig_field_row_show_model_value (RigFieldRow *self, const char *model_value)
{
  gtk_widget_set_visible (self->reset_button, model_value != NULL);
  gtk_widget_set_visible (self->subtitle_label, model_value != NULL);
  if (model_value != NULL)
    {
      /* Translators: under a changed figure: the catalog model's value. */
      g_autofree char *subtitle = g_strdup_printf (_ ("Model: %s"), model_value);
      g_autofree char *tooltip = g_strdup_printf (_ ("Use the model’s value (%s)"), model_value);

      gtk_label_set_text (GTK_LABEL (self->subtitle_label), subtitle);
      rig_tooltip_set_text (self->reset_button, tooltip);
    }
}

/* ---- committing ---------------------------------------------------------------- */

void
rig_field_row_commit (RigFieldRow *self, gboolean quiet)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  RigCommand *command;
  double value = NAN;

  if (self->updating > 0 || self->page == NULL
      || rig_inspector_page_get_document (self->page) == NULL)
    return;
  if (!rig_field_row_is_edited (self))
    {
      rig_field_row_clear_error (self);
      return;
    }

  if (!rig_inspector_page_check_field (self->page, self,
                                       gtk_editable_get_text (GTK_EDITABLE (self->control)), &value,
                                       &text, &error))
    {
      if (!quiet)
        rig_field_row_show_error (self, error->message);
      return;
    }

  command = rig_inspector_page_field_command (self->page, self, value, text);
  if (command == NULL)
    {
      /* Nothing to change: show the value as the document has it. */
      if (!quiet)
        {
          g_autofree char *shown = g_strdup (self->shown);
          self->force = TRUE;
          rig_field_row_set_text (self, shown);
        }
      return;
    }

  self->force = TRUE;
  if (!rig_inspector_page_apply (self->page, command, &error))
    {
      self->force = FALSE;
      if (!quiet)
        rig_field_row_show_error (self, error->message);
    }
}

static void
entry_activate_cb (GtkEntry *entry, RigFieldRow *self)
{
  rig_field_row_commit (self, FALSE);
}

static void
entry_leave_cb (GtkEventControllerFocus *controller, RigFieldRow *self)
{
  rig_field_row_commit (self, FALSE);
}

/* While a refused value shows its message, fixing it clears the message. */
static void
entry_changed_cb (GtkEditable *editable, RigFieldRow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  double value;

  if (self->updating > 0 || self->page == NULL || !gtk_widget_get_visible (self->error_label))
    return;
  if (rig_inspector_page_check_field (self->page, self, gtk_editable_get_text (editable), &value,
                                      &text, &error))
    rig_field_row_clear_error (self);
  else
    gtk_label_set_text (GTK_LABEL (self->error_label), error->message);
}

/* Escape puts back the document's value. */
static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                      GdkModifierType state, RigFieldRow *self)
{
  if (keyval != GDK_KEY_Escape || self->shown == NULL || self->page == NULL)
    return GDK_EVENT_PROPAGATE;
  if (!rig_field_row_is_edited (self) && !gtk_widget_get_visible (self->error_label))
    return GDK_EVENT_PROPAGATE;

  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->control), self->shown);
  self->updating--;
  gtk_editable_set_position (GTK_EDITABLE (self->control), -1);
  rig_field_row_clear_error (self);
  return GDK_EVENT_STOP;
}

static void
reset_clicked_cb (GtkButton *button, RigFieldRow *self)
{
  if (self->page != NULL)
    g_signal_emit (self, signals[SIGNAL_RESET], 0);
}

/* ---- the control ------------------------------------------------------------------ */

static void
update_accessible_label (RigFieldRow *self)
{
  if (self->control != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->control), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_label_get_text (GTK_LABEL (self->title_label)), -1);
}

/* Right of the title, or below it (a wide drop-down). */
static void
place_control (RigFieldRow *self)
{
  GtkWidget *control = self->control;

  if (control == NULL)
    return;
  /* Alone on its line, the title wraps from a width (rig-wrap-bin.h);
   * beside the control, that width would widen its column. */
  gtk_label_set_width_chars (GTK_LABEL (self->title_label),
                             self->control_below ? RIG_WRAP_MIN_CHARS : -1);
  gtk_label_set_max_width_chars (GTK_LABEL (self->title_label),
                                 self->control_below ? RIG_WRAP_MAX_CHARS : -1);
  g_object_ref (control);
  if (gtk_widget_get_parent (control) != NULL)
    gtk_box_remove (GTK_BOX (gtk_widget_get_parent (control)), control);
  if (self->control_below)
    gtk_widget_set_hexpand (control, TRUE);
  if (self->control_below)
    gtk_box_insert_child_after (GTK_BOX (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self))),
                                control, self->line);
  else
    gtk_box_insert_child_after (GTK_BOX (self->line), control, gtk_widget_get_parent (self->texts));
  g_object_unref (control);
}

static void
set_control (RigFieldRow *self, GtkWidget *control)
{
  const char *name = gtk_widget_get_name (control);
  g_autofree char *error_name = g_strconcat (name, "-error", NULL);
  g_autofree char *reset_name = g_strconcat (name, "-reset", NULL);

  g_return_if_fail (self->control == NULL);

  self->control = control;
  gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
  gtk_widget_set_name (self->error_label, error_name);
  gtk_widget_set_name (self->reset_button, reset_name);
  place_control (self);
  update_accessible_label (self);

  if (GTK_IS_ENTRY (control))
    {
      gtk_entry_set_activates_default (GTK_ENTRY (control), FALSE);
      g_signal_connect (control, "activate", G_CALLBACK (entry_activate_cb), self);
      g_signal_connect (control, "changed", G_CALLBACK (entry_changed_cb), self);
      self->focus = gtk_event_controller_focus_new ();
      g_signal_connect (self->focus, "leave", G_CALLBACK (entry_leave_cb), self);
      gtk_widget_add_controller (control, self->focus);
      self->keys = gtk_event_controller_key_new ();
      g_signal_connect (self->keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
      gtk_widget_add_controller (control, self->keys);
    }
}

GtkWidget *
rig_field_row_get_control (RigFieldRow *self)
{
  g_return_val_if_fail (RIG_IS_FIELD_ROW (self), NULL);

  return self->control;
}

void
rig_field_row_set_title (RigFieldRow *self, const char *title)
{
  g_return_if_fail (RIG_IS_FIELD_ROW (self));

  gtk_label_set_text (GTK_LABEL (self->title_label), title);
  update_accessible_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
rig_field_row_set_unit (RigFieldRow *self, const char *unit)
{
  g_return_if_fail (RIG_IS_FIELD_ROW (self));

  gtk_label_set_text (GTK_LABEL (self->unit_label), unit != NULL ? unit : "");
  gtk_widget_set_visible (self->unit_label, unit != NULL && unit[0] != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

void
rig_field_row_set_page (RigFieldRow *self, RigInspectorPage *page)
{
  g_return_if_fail (RIG_IS_FIELD_ROW (self));

  self->page = page;
}

/* ---- the object ------------------------------------------------------------------- */

static void
rig_field_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RigFieldRow *self = RIG_FIELD_ROW (object);

  switch (prop_id)
    {
      case PROP_TITLE:
        g_value_set_string (value, gtk_label_get_text (GTK_LABEL (self->title_label)));
        break;
      case PROP_UNIT:
        g_value_set_string (value, gtk_label_get_text (GTK_LABEL (self->unit_label)));
        break;
      case PROP_CONTROL:
        g_value_set_object (value, self->control);
        break;
      case PROP_CONTROL_BELOW:
        g_value_set_boolean (value, self->control_below);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rig_field_row_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RigFieldRow *self = RIG_FIELD_ROW (object);

  switch (prop_id)
    {
      case PROP_TITLE:
        rig_field_row_set_title (self, g_value_get_string (value));
        break;
      case PROP_UNIT:
        rig_field_row_set_unit (self, g_value_get_string (value));
        break;
      case PROP_CONTROL:
        set_control (self, g_value_get_object (value));
        break;
      case PROP_CONTROL_BELOW:
        self->control_below = g_value_get_boolean (value);
        place_control (self);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rig_field_row_dispose (GObject *object)
{
  RigFieldRow *self = RIG_FIELD_ROW (object);

  self->page = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), RIG_TYPE_FIELD_ROW);
  self->control = NULL;
  self->focus = NULL;
  self->keys = NULL;

  G_OBJECT_CLASS (rig_field_row_parent_class)->dispose (object);
}

static void
rig_field_row_finalize (GObject *object)
{
  RigFieldRow *self = RIG_FIELD_ROW (object);

  g_free (self->shown);

  G_OBJECT_CLASS (rig_field_row_parent_class)->finalize (object);
}

static void
rig_field_row_class_init (RigFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rig_field_row_get_property;
  object_class->set_property = rig_field_row_set_property;
  object_class->dispose = rig_field_row_dispose;
  object_class->finalize = rig_field_row_finalize;

  properties[PROP_TITLE]
      = g_param_spec_string ("title", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UNIT]
      = g_param_spec_string ("unit", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Set once, from the template. */
  properties[PROP_CONTROL]
      = g_param_spec_object ("control", NULL, NULL, GTK_TYPE_WIDGET,
                             G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CONTROL_BELOW]
      = g_param_spec_boolean ("control-below", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The reset button was clicked: the figure goes back to the model's. */
  signals[SIGNAL_RESET] = g_signal_new ("reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (RIG_TYPE_WRAP_BIN);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rigwire/Rigwire/ui/rig-field-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RigFieldRow, line);
  gtk_widget_class_bind_template_child (widget_class, RigFieldRow, texts);
  gtk_widget_class_bind_template_child (widget_class, RigFieldRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RigFieldRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, RigFieldRow, unit_label);
  gtk_widget_class_bind_template_child (widget_class, RigFieldRow, reset_button);
  gtk_widget_class_bind_template_child (widget_class, RigFieldRow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, reset_clicked_cb);
}

static void
rig_field_row_init (RigFieldRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* On demand: a tooltip set as the row is made asks the X server where the
   * pointer is (#13). */
  rig_tooltip_set_text (self->reset_button, _ ("Use the model’s value"));
}
