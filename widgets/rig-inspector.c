/* rig-inspector.c: the inspector sidebar.
 *
 * The inspector builds one page for the object it shows (a device, a cable,
 * or a summary) and rebuilds it only when the selection names another object.
 * Document changes refresh the fields in place. Every editable field is a
 * Field: it remembers the text it last showed, so a refresh never replaces
 * what the user is typing, and a commit (Enter, focus out) does nothing when
 * the text is unchanged.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-command.h"
#include "rig-error.h"
#include "rig-history.h"
#include "rig-inspector.h"
#include "rig-palette.h"

typedef enum
{
  PAGE_NONE,
  PAGE_SUMMARY,
  PAGE_DEVICE,
  PAGE_CABLE,
} PageKind;

typedef enum
{
  FIELD_DEVICE_LABEL,  /* GtkEntry */
  FIELD_FIGURE,        /* GtkEntry, a numeric RigFigure */
  FIELD_POWER_SOURCE,  /* GtkDropDown */
  FIELD_FIGURE_SWITCH, /* GtkSwitch, a 0/1 RigFigure */
  FIELD_CABLE_NUMBER,  /* GtkEntry */
  FIELD_CABLE_TYPE,    /* GtkDropDown of candidates */
  FIELD_CABLE_LENGTH,  /* GtkEntry */
  FIELD_CABLE_GAUGE,   /* GtkEntry */
} FieldKind;

typedef struct _Field Field;

struct _RigInspector
{
  GtkWidget parent_instance;

  RigDocument *document;
  RigHistory *history; /* where edits go */
  RigSelection *selection;
  RigValidator *validator; /* for the Connect menus' verdicts, or NULL */
  gulong document_changed_id;
  gulong selection_changed_id;

  GtkWidget *scrolled_window;

  /* The current page. */
  PageKind kind;
  char *object_id;   /* the device or cable shown */
  GPtrArray *fields; /* Field *, owned */
  guint updating;    /* > 0 while the inspector itself sets widget values */
  gboolean in_update;

  /* Parts of the current page refreshed in place (borrowed, or NULL). */
  GtkWidget *title_label;
  GtkWidget *subtitle_label;
  GtkWidget *figures_group;
  GtkWidget *power_group;
  GtkWidget *from_label;
  GtkWidget *to_label;
  GtkWidget *adapters_list;
  GtkWidget *summary_title;
  GtkWidget *summary_hint;

  /* The cable page's type choices. */
  GArray *candidates; /* RigCableSpec */
  GtkStringList *candidate_names;
};

G_DEFINE_FINAL_TYPE (RigInspector, rig_inspector, GTK_TYPE_WIDGET)

struct _Field
{
  RigInspector *self;
  FieldKind kind;
  RigFigure figure;

  GtkWidget *row;      /* the list box row, hidden when the field means nothing */
  GtkWidget *subtitle; /* "Model value: 8 Ω", or NULL */
  GtkWidget *control;  /* GtkEntry, GtkDropDown or GtkSwitch */
  GtkWidget *reset;    /* the reset button of an override, or NULL */
  GtkWidget *error;    /* the message under the field */
  GtkEventController *focus;
  GtkEventController *keys;

  char *shown;    /* the text the entry last showed from the document */
  gboolean force; /* the next refresh replaces the text (after a commit) */
};

static void
rig_inspector_update (RigInspector *self);

/* ---- formatting ------------------------------------------------------------ */

static char *
format_number (double value)
{
  if (!rig_figure_is_set (value))
    return g_strdup ("");
  return g_strdup_printf ("%g", value);
}

static char *
format_with_unit (double value, const char *unit)
{
  if (!rig_figure_is_set (value))
    return g_strdup (_ ("not set"));
  if (unit == NULL || unit[0] == '\0')
    return g_strdup_printf ("%g", value);
  return g_strdup_printf ("%g %s", value, unit);
}

static char *
format_ohms (double ohms)
{
  if (ohms >= 1000)
    return g_strdup_printf ("%g kΩ", ohms / 1000);
  return g_strdup_printf ("%g Ω", ohms);
}

static char *
format_watts (double watts)
{
  if (watts < 1)
    return g_strdup_printf ("%g mW", watts * 1000);
  return g_strdup_printf ("%g W", watts);
}

static const char *
figure_unit (RigFigure figure)
{
  const char *unit = rig_figure_unit (figure);

  return unit != NULL ? unit : "";
}

/* The text a figure shows when it is the model's own, for the subtitle. */
static char *
describe_figure_value (RigFigure figure, double value)
{
  if (!rig_figure_is_set (value))
    return g_strdup (_ ("not set"));
  switch (figure)
    {
      case RIG_FIGURE_POWER_SOURCE:
        return g_strdup (rig_power_source_to_label ((RigPowerSource) value));
      case RIG_FIGURE_BATTERY:
      case RIG_FIGURE_EARTHED:
      case RIG_FIGURE_PHANTOM_ON:
        return g_strdup (value != 0 ? _ ("yes") : _ ("no"));
      case RIG_FIGURE_NOMINAL_IMPEDANCE:
      case RIG_FIGURE_POWER_HANDLING:
      case RIG_FIGURE_SENSITIVITY:
      case RIG_FIGURE_AMP_POWER:
      case RIG_N_FIGURES:
      default:
        return format_with_unit (value, figure_unit (figure));
    }
}

/* ---- parsing ----------------------------------------------------------------- */

/* Reads a number, forgiving a decimal comma and a trailing unit ("8 Ω",
 * "8ohm", "3 m"). Empty text is NAN (unset). */
static gboolean
parse_number (const char *text, const char *const *units, double *value, GError **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_autofree char *folded = NULL;
  char *end = NULL;
  double parsed;

  if (copy[0] == '\0')
    {
      *value = NAN;
      return TRUE;
    }

  folded = g_utf8_casefold (copy, -1);
  for (guint i = 0; units != NULL && units[i] != NULL; i++)
    {
      g_autofree char *unit = g_utf8_casefold (units[i], -1);

      if (g_str_has_suffix (folded, unit) && strlen (folded) > strlen (unit))
        {
          folded[strlen (folded) - strlen (unit)] = '\0';
          g_strchomp (folded);
          break;
        }
    }
  g_strdelimit (folded, ",", '.');

  /* Only plain decimal numbers: no "nan", "inf" or hexadecimal. */
  for (const char *p = folded; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && strchr ("+-.e", *p) == NULL)
      goto not_a_number;

  parsed = g_ascii_strtod (folded, &end);
  if (end == folded || *end != '\0' || !isfinite (parsed))
    goto not_a_number;

  *value = parsed;
  return TRUE;

not_a_number:
  g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("“%s” is not a number."), copy);
  return FALSE;
}

static const char *const *
units_for_figure (RigFigure figure)
{
  static const char *const ohms[] = { "Ω", "ohms", "ohm", NULL };
  static const char *const watts[] = { "W", NULL };
  static const char *const decibels[] = { "dB SPL", "dB", NULL };

  switch (figure)
    {
      case RIG_FIGURE_NOMINAL_IMPEDANCE:
        return ohms;
      case RIG_FIGURE_POWER_HANDLING:
      case RIG_FIGURE_AMP_POWER:
        return watts;
      case RIG_FIGURE_SENSITIVITY:
        return decibels;
      case RIG_FIGURE_POWER_SOURCE:
      case RIG_FIGURE_BATTERY:
      case RIG_FIGURE_EARTHED:
      case RIG_FIGURE_PHANTOM_ON:
      case RIG_N_FIGURES:
      default:
        return NULL;
    }
}

static gboolean
validate_length (double metres, GError **error)
{
  if (rig_figure_is_set (metres) && (metres <= 0 || metres > 1000))
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                   _ ("A length must be more than 0 m and at most 1000 m; %g m is not "
                      "plausible."),
                   metres);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_gauge (double awg, GError **error)
{
  if (rig_figure_is_set (awg) && (awg < 10 || awg > 24))
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                   _ ("Speaker wire gauge must be between 10 and 24 AWG; %g AWG is not "
                      "plausible."),
                   awg);
      return FALSE;
    }
  return TRUE;
}

/* ---- the document ------------------------------------------------------------ */

static RigDevice *
current_device (RigInspector *self)
{
  if (self->kind != PAGE_DEVICE || self->document == NULL)
    return NULL;
  return rig_document_find_device (self->document, self->object_id);
}

static RigCable *
current_cable (RigInspector *self)
{
  if (self->kind != PAGE_CABLE || self->document == NULL)
    return NULL;
  return rig_document_find_cable (self->document, self->object_id);
}

static gboolean
apply_command (RigInspector *self, RigCommand *command, GError **error)
{
  return rig_history_apply (self->history, command, error);
}

/* "AV receiver · Front left speaker" */
static char *
describe_cable_end (RigInspector *self, const RigCable *cable, RigEnd end)
{
  RigDevice *device = rig_document_cable_device (self->document, cable, end);
  const RigJack *jack = rig_document_cable_jack (self->document, cable, end);

  if (device == NULL || jack == NULL)
    return g_strdup (_ ("(missing)"));
  /* Translators: a cable end: a device's label and one of its jacks. */
  return g_strdup_printf (_ ("%s · %s"), device->label, jack->name);
}

/* ---- fields: errors, text ------------------------------------------------------ */

static gboolean
field_is_entry (const Field *field)
{
  return field->kind == FIELD_DEVICE_LABEL || field->kind == FIELD_FIGURE
         || field->kind == FIELD_CABLE_NUMBER || field->kind == FIELD_CABLE_LENGTH
         || field->kind == FIELD_CABLE_GAUGE;
}

static void
field_show_error (Field *field, const char *message)
{
  gtk_widget_add_css_class (field->control, "error");
  gtk_label_set_text (GTK_LABEL (field->error), message);
  gtk_widget_set_visible (field->error, TRUE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (field->control), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->control),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

static void
field_clear_error (Field *field)
{
  if (!gtk_widget_get_visible (field->error))
    return;
  gtk_widget_remove_css_class (field->control, "error");
  gtk_label_set_text (GTK_LABEL (field->error), "");
  gtk_widget_set_visible (field->error, FALSE);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (field->control), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (field->control),
                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Shows @text from the document. When the value is the one already shown,
 * the entry keeps whatever the user has there (typing, or a refused value
 * with its message); when it changed (undo, another view), the entry follows
 * unless the user is typing in it. */
static void
field_set_text (Field *field, const char *text)
{
  GtkEditable *editable = GTK_EDITABLE (field->control);
  const char *current = gtk_editable_get_text (editable);
  gboolean typing;

  if (!field->force && field->shown != NULL && strcmp (field->shown, text) == 0)
    return;

  typing = (gtk_widget_get_state_flags (field->control) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0
           && field->shown != NULL && strcmp (current, field->shown) != 0;

  g_free (field->shown);
  field->shown = g_strdup (text);
  if (typing && !field->force)
    return;

  field->force = FALSE;
  if (strcmp (current, text) != 0)
    {
      field->self->updating++;
      gtk_editable_set_text (editable, text);
      field->self->updating--;
    }
  field_clear_error (field);
}

static gboolean
field_is_edited (const Field *field)
{
  return field_is_entry (field) && field->shown != NULL
         && strcmp (gtk_editable_get_text (GTK_EDITABLE (field->control)), field->shown) != 0;
}

/* ---- fields: committing -------------------------------------------------------- */

/* Checks an entry's text; on success sets @value (numbers) or @text_out. */
static gboolean
field_check (Field *field, const char *text, double *value, char **text_out, GError **error)
{
  RigInspector *self = field->self;

  switch (field->kind)
    {
      case FIELD_DEVICE_LABEL:
        {
          g_autofree char *label = g_strstrip (g_strdup (text));

          if (label[0] == '\0')
            {
              g_set_error_literal (error, RIG_ERROR, RIG_ERROR_INVALID,
                                   _ ("A device needs a label."));
              return FALSE;
            }
          *text_out = g_steal_pointer (&label);
          return TRUE;
        }
      case FIELD_CABLE_NUMBER:
        {
          g_autofree char *number = g_strstrip (g_strdup (text));
          RigCable *cable = current_cable (self);

          if (number[0] == '\0')
            {
              g_set_error_literal (error, RIG_ERROR, RIG_ERROR_INVALID,
                                   _ ("A cable needs a number."));
              return FALSE;
            }
          for (guint i = 0; cable != NULL && i < rig_document_get_n_cables (self->document); i++)
            {
              RigCable *other = rig_document_get_cable (self->document, i);

              if (other != cable && g_strcmp0 (other->number, number) == 0)
                {
                  g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                               _ ("Another cable already has the number “%s”."), number);
                  return FALSE;
                }
            }
          *text_out = g_steal_pointer (&number);
          return TRUE;
        }
      case FIELD_FIGURE:
        return parse_number (text, units_for_figure (field->figure), value, error)
               && rig_figure_validate (field->figure, *value, error);
      case FIELD_CABLE_LENGTH:
        {
          static const char *const metres[] = { "metres", "meters", "m", NULL };
          return parse_number (text, metres, value, error) && validate_length (*value, error);
        }
      case FIELD_CABLE_GAUGE:
        {
          static const char *const awg[] = { "AWG", NULL };
          return parse_number (text, awg, value, error) && validate_gauge (*value, error);
        }
      case FIELD_POWER_SOURCE:
      case FIELD_FIGURE_SWITCH:
      case FIELD_CABLE_TYPE:
      default:
        g_assert_not_reached ();
    }
}

static gboolean
same_number (double a, double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

/* The command an entry's checked value makes, or NULL when it changes
 * nothing. */
static RigCommand *
field_make_command (Field *field, double value, const char *text)
{
  RigInspector *self = field->self;

  switch (field->kind)
    {
      case FIELD_DEVICE_LABEL:
        {
          RigDevice *device = current_device (self);

          if (device == NULL || g_strcmp0 (device->label, text) == 0)
            return NULL;
          return rig_command_set_device_label (device->id, text);
        }
      case FIELD_FIGURE:
        {
          RigDevice *device = current_device (self);

          if (device == NULL)
            return NULL;
          /* The model's own value, typed again, is no override. */
          if (same_number (device->model->figures[field->figure], value))
            value = NAN;
          if (same_number (device->overrides[field->figure], value))
            return NULL;
          return rig_command_set_device_figure (device->id, field->figure, value);
        }
      case FIELD_CABLE_NUMBER:
        {
          RigCable *cable = current_cable (self);

          if (cable == NULL || g_strcmp0 (cable->number, text) == 0)
            return NULL;
          return rig_command_set_cable_number (cable->id, text);
        }
      case FIELD_CABLE_LENGTH:
      case FIELD_CABLE_GAUGE:
        {
          RigCable *cable = current_cable (self);
          RigCableSpec spec;
          RigCommand *command;

          if (cable == NULL)
            return NULL;
          if (field->kind == FIELD_CABLE_LENGTH ? same_number (cable->spec.length_m, value)
                                                : same_number (cable->spec.gauge_awg, value))
            return NULL;
          rig_cable_spec_copy (&spec, &cable->spec);
          if (field->kind == FIELD_CABLE_LENGTH)
            spec.length_m = value;
          else
            spec.gauge_awg = value;
          command = rig_command_set_cable_spec (cable->id, &spec);
          rig_cable_spec_clear (&spec);
          return command;
        }
      case FIELD_POWER_SOURCE:
      case FIELD_FIGURE_SWITCH:
      case FIELD_CABLE_TYPE:
      default:
        g_assert_not_reached ();
    }
}

/* Applies an entry's text: refuses it with a message, or applies one command.
 * @quiet: the page is going away; apply a good value, drop a bad one. */
static void
field_commit (Field *field, gboolean quiet)
{
  RigInspector *self = field->self;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  RigCommand *command;
  double value = NAN;

  if (self->updating > 0 || self->document == NULL)
    return;
  if (!field_is_edited (field))
    {
      field_clear_error (field);
      return;
    }

  if (!field_check (field, gtk_editable_get_text (GTK_EDITABLE (field->control)), &value, &text,
                    &error))
    {
      if (!quiet)
        field_show_error (field, error->message);
      return;
    }

  command = field_make_command (field, value, text);
  if (command == NULL)
    {
      /* Nothing to change: show the value as the document has it. */
      if (!quiet)
        {
          g_autofree char *shown = g_strdup (field->shown);
          field->force = TRUE;
          field_set_text (field, shown);
        }
      return;
    }

  field->force = TRUE;
  if (!apply_command (self, command, &error))
    {
      field->force = FALSE;
      if (!quiet)
        field_show_error (field, error->message);
    }
}

static void
entry_activate_cb (GtkEntry *entry, Field *field)
{
  field_commit (field, FALSE);
}

static void
entry_leave_cb (GtkEventControllerFocus *controller, Field *field)
{
  field_commit (field, FALSE);
}

/* While a refused value shows its message, fixing it clears the message. */
static void
entry_changed_cb (GtkEditable *editable, Field *field)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  double value;

  if (field->self->updating > 0 || !gtk_widget_get_visible (field->error))
    return;
  if (field_check (field, gtk_editable_get_text (editable), &value, &text, &error))
    field_clear_error (field);
  else
    gtk_label_set_text (GTK_LABEL (field->error), error->message);
}

/* Escape puts back the document's value. */
static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                      GdkModifierType state, Field *field)
{
  if (keyval != GDK_KEY_Escape || field->shown == NULL)
    return GDK_EVENT_PROPAGATE;
  if (!field_is_edited (field) && !gtk_widget_get_visible (field->error))
    return GDK_EVENT_PROPAGATE;

  field->self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (field->control), field->shown);
  field->self->updating--;
  gtk_editable_set_position (GTK_EDITABLE (field->control), -1);
  field_clear_error (field);
  return GDK_EVENT_STOP;
}

static void
reset_clicked_cb (GtkButton *button, Field *field)
{
  RigInspector *self = field->self;
  RigDevice *device = current_device (self);
  g_autoptr (GError) error = NULL;

  if (device == NULL || !rig_figure_is_set (device->overrides[field->figure]))
    return;
  field->force = TRUE;
  if (!apply_command (self, rig_command_set_device_figure (device->id, field->figure, NAN), &error))
    field_show_error (field, error->message);
}

/* ---- the power source and switches ---------------------------------------------- */

/* The power sources in the order the drop-down lists them. */
static const RigPowerSource power_source_order[] = {
  RIG_POWER_SOURCE_MAINS, RIG_POWER_SOURCE_USB,     RIG_POWER_SOURCE_BATTERY,
  RIG_POWER_SOURCE_DC,    RIG_POWER_SOURCE_PHANTOM, RIG_POWER_SOURCE_NONE,
};
G_STATIC_ASSERT (G_N_ELEMENTS (power_source_order) == RIG_N_POWER_SOURCES);

static guint
power_source_position (RigPowerSource source)
{
  for (guint i = 0; i < G_N_ELEMENTS (power_source_order); i++)
    if (power_source_order[i] == source)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* Applies a figure chosen from a drop-down or a switch. */
static void
field_apply_figure (Field *field, double value)
{
  RigInspector *self = field->self;
  RigDevice *device = current_device (self);
  g_autoptr (GError) error = NULL;

  if (self->updating > 0 || device == NULL)
    return;
  if (same_number (rig_device_get_figure (device, field->figure), value))
    return;
  /* Choosing the model's own value again clears the override. */
  if (same_number (device->model->figures[field->figure], value))
    value = NAN;
  if (!apply_command (self, rig_command_set_device_figure (device->id, field->figure, value),
                      &error))
    {
      field_show_error (field, error->message);
      rig_inspector_update (self);
    }
}

static void
power_source_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, Field *field)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (position < G_N_ELEMENTS (power_source_order))
    field_apply_figure (field, power_source_order[position]);
}

static void
switch_active_cb (GtkSwitch *toggle, GParamSpec *pspec, Field *field)
{
  field_apply_figure (field, gtk_switch_get_active (toggle) ? 1 : 0);
}

/* ---- cable types --------------------------------------------------------------- */

static guint
spec_conductors (const RigCableSpec *spec)
{
  if (spec->ends[0].plugs == 2 && spec->ends[1].plugs == 2)
    return 4;
  return MAX (rig_connector_conductors (spec->ends[0].connector, spec->ends[0].poles),
              rig_connector_conductors (spec->ends[1].connector, spec->ends[1].poles));
}

static gboolean
cable_end_equal (const RigCableEnd *a, const RigCableEnd *b)
{
  return a->connector == b->connector && a->size == b->size && a->poles == b->poles
         && a->gender == b->gender && a->plugs == b->plugs;
}

/* The same kind of cable, whatever its length, gauge and adapters. */
static gboolean
spec_same_type (const RigCableSpec *a, const RigCableSpec *b)
{
  if (a->kind != b->kind)
    return FALSE;
  if (a->kind != RIG_CABLE_KIND_CABLE)
    return TRUE;
  return cable_end_equal (&a->ends[0], &b->ends[0]) && cable_end_equal (&a->ends[1], &b->ends[1])
         && a->conductors == b->conductors;
}

/* "3.5 mm TRS to 2 × RCA": the type alone. */
static char *
describe_type (const RigCableSpec *spec)
{
  RigCableSpec bare = *spec;

  bare.length_m = NAN;
  bare.gauge_awg = NAN;
  bare.adapters = NULL;
  bare.n_adapters = 0;
  return rig_cable_spec_describe (&bare);
}

static void
add_candidate (GArray *candidates, const RigCableSpec *spec)
{
  RigCableSpec copy;

  for (guint i = 0; i < candidates->len; i++)
    if (spec_same_type (&g_array_index (candidates, RigCableSpec, i), spec))
      return;
  rig_cable_spec_copy (&copy, spec);
  g_array_append_val (candidates, copy);
}

static gboolean
jack_is_speaker (const RigJack *jack)
{
  return jack->connector == RIG_CONNECTOR_SPEAKER_TERMINAL
         || jack->connector == RIG_CONNECTOR_SPEAKON || jack->signal == RIG_SIGNAL_SPEAKER;
}

/* The cables a student may pick for these jacks: the one that fits first,
 * then plausible wrong ones: a direct plug-in, 2-, 3- and 4-conductor phone
 * plugs, a single RCA plug for a pair, speaker wire. The cable's own type is
 * always among them. */
static void
build_candidates (GArray *candidates, const RigCableSpec *current, const RigJack *from,
                  const RigJack *to)
{
  RigCableSpec sensible;
  RigCableSpec spec;

  rig_cable_spec_init_for_jacks (&sensible, from, to);
  add_candidate (candidates, &sensible);

  if (from->gender != to->gender && from->connector != RIG_CONNECTOR_BLUETOOTH
      && to->connector != RIG_CONNECTOR_BLUETOOTH)
    {
      rig_cable_spec_init (&spec, RIG_CABLE_KIND_DIRECT);
      add_candidate (candidates, &spec);
    }

  if (sensible.kind == RIG_CABLE_KIND_CABLE)
    {
      static const RigPoles poles[] = { RIG_POLES_TS, RIG_POLES_TRS, RIG_POLES_TRRS };
      gboolean has_phone = sensible.ends[0].connector == RIG_CONNECTOR_PHONE
                           || sensible.ends[1].connector == RIG_CONNECTOR_PHONE;
      gboolean has_pair = sensible.ends[0].plugs == 2 || sensible.ends[1].plugs == 2;

      for (guint p = 0; has_phone && p < G_N_ELEMENTS (poles); p++)
        {
          spec = sensible;
          for (guint i = 0; i < 2; i++)
            if (spec.ends[i].connector == RIG_CONNECTOR_PHONE)
              spec.ends[i].poles = poles[p];
          spec.conductors = spec_conductors (&spec);
          add_candidate (candidates, &spec);
        }

      if (has_pair)
        {
          spec = sensible;
          for (guint i = 0; i < 2; i++)
            if (spec.ends[i].connector == RIG_CONNECTOR_RCA)
              spec.ends[i].plugs = 1;
          spec.conductors = spec_conductors (&spec);
          add_candidate (candidates, &spec);
        }
    }

  if (jack_is_speaker (from) || jack_is_speaker (to))
    {
      rig_cable_spec_init (&spec, RIG_CABLE_KIND_CABLE);
      for (guint i = 0; i < 2; i++)
        spec.ends[i].connector = RIG_CONNECTOR_SPEAKER_TERMINAL;
      spec.conductors = 2;
      spec.gauge_awg = 16;
      add_candidate (candidates, &spec);
    }

  add_candidate (candidates, current);
  rig_cable_spec_clear (&sensible);
}

static void
clear_candidates (RigInspector *self)
{
  for (guint i = 0; i < self->candidates->len; i++)
    rig_cable_spec_clear (&g_array_index (self->candidates, RigCableSpec, i));
  g_array_set_size (self->candidates, 0);
}

static void
cable_type_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, Field *field)
{
  RigInspector *self = field->self;
  RigCable *cable = current_cable (self);
  guint position = gtk_drop_down_get_selected (dropdown);
  const RigCableSpec *chosen;
  g_autoptr (GError) error = NULL;
  RigCableSpec spec;

  if (self->updating > 0 || cable == NULL || position >= self->candidates->len)
    return;
  chosen = &g_array_index (self->candidates, RigCableSpec, position);
  if (spec_same_type (chosen, &cable->spec))
    return;

  /* The new type keeps the cable's length and adapters; gauge only applies
   * to speaker wire, where the cable's own is kept. */
  rig_cable_spec_copy (&spec, chosen);
  spec.length_m = spec.kind == RIG_CABLE_KIND_CABLE ? cable->spec.length_m : NAN;
  if (rig_figure_is_set (spec.gauge_awg) && rig_figure_is_set (cable->spec.gauge_awg))
    spec.gauge_awg = cable->spec.gauge_awg;
  for (guint i = 0; i < cable->spec.n_adapters; i++)
    rig_cable_spec_add_adapter (&spec, cable->spec.adapters[i].model, cable->spec.adapters[i].end);

  if (!apply_command (self, rig_command_set_cable_spec (cable->id, &spec), &error))
    {
      field_show_error (field, error->message);
      rig_inspector_update (self);
    }
  rig_cable_spec_clear (&spec);
}

/* ---- building rows ------------------------------------------------------------- */

static GtkWidget *
add_group (GtkWidget *page, const char *title, GtkWidget **list_out)
{
  GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "rig-inspector-group-title");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  gtk_box_append (GTK_BOX (group), label);
  gtk_box_append (GTK_BOX (group), list);
  gtk_box_append (GTK_BOX (page), group);
  *list_out = list;
  return group;
}

static GtkWidget *
new_row (GtkWidget *list, GtkWidget *child, gboolean focusable)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, focusable);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static GtkWidget *
new_dim_label (const char *text, gboolean caption)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "dim-label");
  if (caption)
    gtk_widget_add_css_class (label, "caption");
  return label;
}

/* A read-only property: a dim title on the left, the value right-aligned. */
static GtkWidget *
add_property_row (GtkWidget *list, const char *title, const char *value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *value_label = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_widget_add_css_class (title_label, "dim-label");
  gtk_widget_set_valign (title_label, GTK_ALIGN_BASELINE);
  gtk_label_set_xalign (GTK_LABEL (value_label), 1);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (value_label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_selectable (GTK_LABEL (value_label), FALSE);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_widget_set_halign (value_label, GTK_ALIGN_END);
  gtk_widget_set_valign (value_label, GTK_ALIGN_BASELINE);

  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), value_label);
  new_row (list, box, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, value, -1);
  return value_label;
}

static void
field_free (gpointer data);

/* An editable row: a dim title (and a subtitle), the control on the right (or
 * below when @control_below), a unit, a reset button, and a message line. */
static Field *
add_field (RigInspector *self, GtkWidget *list, FieldKind kind, RigFigure figure, const char *name,
           const char *title, GtkWidget *control, const char *unit, gboolean with_reset,
           gboolean control_below)
{
  Field *field = g_new0 (Field, 1);
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_label = gtk_label_new (title);
  g_autofree char *error_name = g_strconcat (name, "-error", NULL);

  field->self = self;
  field->kind = kind;
  field->figure = figure;
  field->control = control;
  gtk_widget_set_name (control, name);

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_widget_add_css_class (title_label, "dim-label");
  gtk_box_append (GTK_BOX (texts), title_label);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (texts, TRUE);
  if (kind == FIELD_FIGURE || kind == FIELD_POWER_SOURCE || kind == FIELD_FIGURE_SWITCH)
    {
      field->subtitle = new_dim_label ("", TRUE);
      gtk_widget_set_visible (field->subtitle, FALSE);
      gtk_box_append (GTK_BOX (texts), field->subtitle);
    }
  gtk_box_append (GTK_BOX (line), texts);

  gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
  if (control_below)
    gtk_widget_set_hexpand (control, TRUE);
  else
    gtk_box_append (GTK_BOX (line), control);

  if (unit != NULL && unit[0] != '\0')
    {
      GtkWidget *unit_label = gtk_label_new (unit);

      gtk_widget_add_css_class (unit_label, "dim-label");
      gtk_widget_add_css_class (unit_label, "rig-inspector-unit");
      gtk_label_set_xalign (GTK_LABEL (unit_label), 0);
      gtk_box_append (GTK_BOX (line), unit_label);
    }

  if (with_reset)
    {
      g_autofree char *reset_name = g_strconcat (name, "-reset", NULL);

      field->reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");
      gtk_widget_set_name (field->reset, reset_name);
      gtk_widget_add_css_class (field->reset, "flat");
      gtk_widget_add_css_class (field->reset, "circular");
      gtk_widget_set_valign (field->reset, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (field->reset, _ ("Use the model’s value"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->reset), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Use the model’s value"), -1);
      gtk_widget_set_visible (field->reset, FALSE);
      g_signal_connect (field->reset, "clicked", G_CALLBACK (reset_clicked_cb), field);
      gtk_box_append (GTK_BOX (line), field->reset);
    }

  gtk_box_append (GTK_BOX (outer), line);
  if (control_below)
    gtk_box_append (GTK_BOX (outer), control);

  field->error = gtk_label_new ("");
  gtk_widget_set_name (field->error, error_name);
  gtk_label_set_xalign (GTK_LABEL (field->error), 0);
  gtk_label_set_wrap (GTK_LABEL (field->error), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (field->error), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (field->error, "rig-inspector-error");
  gtk_widget_add_css_class (field->error, "caption");
  gtk_widget_set_visible (field->error, FALSE);
  gtk_box_append (GTK_BOX (outer), field->error);

  field->row = new_row (list, outer, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  if (GTK_IS_ENTRY (control))
    {
      gtk_entry_set_activates_default (GTK_ENTRY (control), FALSE);
      g_signal_connect (control, "activate", G_CALLBACK (entry_activate_cb), field);
      g_signal_connect (control, "changed", G_CALLBACK (entry_changed_cb), field);
      field->focus = gtk_event_controller_focus_new ();
      g_signal_connect (field->focus, "leave", G_CALLBACK (entry_leave_cb), field);
      gtk_widget_add_controller (control, field->focus);
      field->keys = gtk_event_controller_key_new ();
      g_signal_connect (field->keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), field);
      gtk_widget_add_controller (control, field->keys);
    }

  g_ptr_array_add (self->fields, field);
  return field;
}

static GtkWidget *
new_value_entry (int width_chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
  gtk_widget_add_css_class (entry, "rig-inspector-value");
  return entry;
}

static void
field_free (gpointer data)
{
  Field *field = data;

  g_free (field->shown);
  g_free (field);
}

/* Disconnects every handler of the page's fields, so nothing reaches a field
 * while its widgets go away. */
static void
disconnect_fields (RigInspector *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      g_signal_handlers_disconnect_by_data (field->control, field);
      if (field->reset != NULL)
        g_signal_handlers_disconnect_by_data (field->reset, field);
      if (field->focus != NULL)
        g_signal_handlers_disconnect_by_data (field->focus, field);
      if (field->keys != NULL)
        g_signal_handlers_disconnect_by_data (field->keys, field);
    }
}

/* ---- the header of a page ---------------------------------------------------------- */

static void
add_header (RigInspector *self, GtkWidget *page, const char *icon_name, const char *name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  g_autofree char *subtitle_name = g_strconcat (name, "-subtitle", NULL);

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 24);
  gtk_widget_add_css_class (icon, "rig-inspector-icon");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  self->title_label = gtk_label_new ("");
  gtk_widget_set_name (self->title_label, name);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->title_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (self->title_label), FALSE);
  gtk_widget_add_css_class (self->title_label, "title-3");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_label), GTK_ACCESSIBLE_PROPERTY_LEVEL,
                                  1, -1);

  self->subtitle_label = new_dim_label ("", FALSE);
  gtk_widget_set_name (self->subtitle_label, subtitle_name);

  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), self->title_label);
  gtk_box_append (GTK_BOX (texts), self->subtitle_label);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (page), box);
}

/* ---- the device page ------------------------------------------------------------- */

/* Whether a figure means something for this device: the device overrides
 * it, the model sets it or its category has it; a battery and an earthed plug
 * only for what runs on a battery or on mains. */
static gboolean
figure_is_relevant (const RigDevice *device, RigFigure figure)
{
  const RigDeviceModel *model = device->model;
  RigCategory category = model->category;
  RigPowerSource source = rig_device_get_power_source (device);

  if (rig_figure_is_set (device->overrides[figure]))
    return TRUE;

  switch (figure)
    {
      case RIG_FIGURE_NOMINAL_IMPEDANCE:
      case RIG_FIGURE_SENSITIVITY:
        return rig_figure_is_set (model->figures[figure])
               || category == RIG_CATEGORY_PASSIVE_SPEAKER || category == RIG_CATEGORY_HEADPHONES;
      case RIG_FIGURE_POWER_HANDLING:
        return rig_figure_is_set (model->figures[figure])
               || category == RIG_CATEGORY_PASSIVE_SPEAKER;
      case RIG_FIGURE_AMP_POWER:
        return rig_figure_is_set (model->figures[figure]) || category == RIG_CATEGORY_AMPLIFIER
               || category == RIG_CATEGORY_HEADPHONE_AMPLIFIER;
      case RIG_FIGURE_POWER_SOURCE:
        return source != RIG_POWER_SOURCE_NONE
               || (category != RIG_CATEGORY_PASSIVE_SPEAKER && category != RIG_CATEGORY_ADAPTER
                   && category != RIG_CATEGORY_ACCESSORY);
      case RIG_FIGURE_BATTERY:
        return source == RIG_POWER_SOURCE_BATTERY;
      case RIG_FIGURE_EARTHED:
        return source == RIG_POWER_SOURCE_MAINS;
      case RIG_FIGURE_PHANTOM_ON:
        if (rig_figure_is_set (model->figures[figure]))
          return TRUE;
        for (guint i = 0; i < model->n_jacks; i++)
          if (model->jacks[i].phantom == RIG_SUPPLY_SUPPLIES)
            return TRUE;
        return FALSE;
      case RIG_N_FIGURES:
      default:
        return FALSE;
    }
}

/* "Socket · Headphone level · Stereo" */
static char *
describe_jack_kind (const RigJack *jack)
{
  g_autofree char *connector = rig_jack_describe_connector (jack);
  g_autofree char *channels = NULL;

  if (jack->channels == 1)
    channels = g_strdup (_ ("mono"));
  else if (jack->channels == 2)
    channels = g_strdup (_ ("stereo"));
  else
    channels
        = g_strdup_printf (ngettext ("%u channel", "%u channels", jack->channels), jack->channels);

  if (jack->gender == RIG_GENDER_PLUG && jack->connector != RIG_CONNECTOR_BLUETOOTH)
    {
      g_autofree char *plug = NULL;

      /* Translators: a captive plug, "3.5 mm TRS plug". */
      plug = g_strdup_printf (_ ("%s plug"), connector);
      g_free (connector);
      connector = g_steal_pointer (&plug);
    }

  /* Translators: a jack: connector, signal, channels:
   * "3.5 mm TRRS (CTIA) · Headphone level · stereo". */
  return g_strdup_printf (_ ("%s · %s · %s"), connector, rig_signal_to_label (jack->signal),
                          channels);
}

/* The jack's key figures, "Output 1 Ω · Up to 1 V · 30 mW into 32 Ω". */
static char *
describe_jack_figures (const RigJack *jack)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (rig_figure_is_set (jack->output_impedance))
    {
      g_autofree char *ohms = format_ohms (jack->output_impedance);
      g_ptr_array_add (parts, g_strdup_printf (_ ("Output impedance %s"), ohms));
    }
  if (rig_figure_is_set (jack->input_impedance))
    {
      g_autofree char *ohms = format_ohms (jack->input_impedance);
      g_ptr_array_add (parts, g_strdup_printf (_ ("Input impedance %s"), ohms));
    }
  if (rig_figure_is_set (jack->max_output_voltage))
    g_ptr_array_add (parts, g_strdup_printf (_ ("Up to %g V"), jack->max_output_voltage));
  if (jack->n_ratings > 0)
    {
      GString *ratings = g_string_new (NULL);

      for (guint i = 0; i < jack->n_ratings; i++)
        {
          g_autofree char *watts = format_watts (jack->ratings[i].watts);
          g_autofree char *ohms = format_ohms (jack->ratings[i].load_ohms);

          if (i > 0)
            g_string_append (ratings, ", ");
          /* Translators: an amplifier rating, "100 W into 8 Ω". */
          g_string_append_printf (ratings, _ ("%s into %s"), watts, ohms);
        }
      g_ptr_array_add (parts, g_string_free (ratings, FALSE));
    }
  if (rig_figure_is_set (jack->min_load))
    {
      g_autofree char *ohms = format_ohms (jack->min_load);
      g_ptr_array_add (parts, g_strdup_printf (_ ("Minimum load %s"), ohms));
    }
  if (jack->phantom == RIG_SUPPLY_SUPPLIES)
    g_ptr_array_add (parts, g_strdup (_ ("Phantom power (48 V)")));
  else if (jack->phantom == RIG_SUPPLY_REQUIRES)
    g_ptr_array_add (parts, g_strdup (_ ("Needs phantom power")));
  if (jack->plugin_power == RIG_SUPPLY_SUPPLIES)
    g_ptr_array_add (parts, g_strdup (_ ("Plug-in power")));
  else if (jack->plugin_power == RIG_SUPPLY_REQUIRES)
    g_ptr_array_add (parts, g_strdup (_ ("Needs plug-in power")));
  if (rig_jack_supplies_power (jack))
    {
      if (rig_figure_is_set (jack->power_supplied_w))
        g_ptr_array_add (parts, g_strdup_printf (_ ("Supplies %g V, %g W"), jack->power_supplied_v,
                                                 jack->power_supplied_w));
      else
        g_ptr_array_add (parts, g_strdup_printf (_ ("Supplies %g V"), jack->power_supplied_v));
    }
  if (rig_jack_requires_power (jack))
    {
      if (rig_figure_is_set (jack->power_required_w))
        g_ptr_array_add (parts, g_strdup_printf (_ ("Needs %g V, %g W"), jack->power_required_v,
                                                 jack->power_required_w));
      else
        g_ptr_array_add (parts, g_strdup_printf (_ ("Needs %g V"), jack->power_required_v));
    }

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static const char *
direction_short_label (RigDirection direction)
{
  switch (direction)
    {
      case RIG_DIRECTION_IN:
        /* Translators: a jack's direction, short. */
        return C_ ("jack", "In");
      case RIG_DIRECTION_OUT:
        return C_ ("jack", "Out");
      case RIG_DIRECTION_BOTH:
      case RIG_N_DIRECTIONS:
      default:
        return C_ ("jack", "In/Out");
    }
}

/* ---- connecting from the keyboard ---------------------------------------------- */

/* Each jack row has a "Connect…" menu: the other jacks a cable could go to,
 * each with the verdict the validator would give (best first), so a rig can
 * be wired without a mouse or with a screen reader. */

#define CONNECT_MAX_TARGETS 300

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

/* A cable could go from @jack to @other: opposite or two-way directions, and
 * @other free (speaker terminals take several cables). */
static gboolean
could_connect (RigInspector *self, RigDevice *device, const RigJack *other)
{
  g_autoptr (GPtrArray) cables = g_ptr_array_new ();

  if (rig_document_get_jack_cables (self->document, device->id, other->id, cables) > 0
      && other->connector != RIG_CONNECTOR_SPEAKER_TERMINAL)
    return FALSE;
  return TRUE;
}

static void
connect_row_activated_cb (GtkListBox *list, GtkListBoxRow *row, RigInspector *self)
{
  GArray *targets = g_object_get_data (G_OBJECT (list), "targets");
  const char *device_id = g_object_get_data (G_OBJECT (list), "device");
  const char *jack_id = g_object_get_data (G_OBJECT (list), "jack");
  int index = gtk_list_box_row_get_index (row);
  RigDevice *device = rig_document_find_device (self->document, device_id);
  const RigJack *jack = device ? rig_device_find_jack (device, jack_id) : NULL;
  ConnectTarget *target;
  g_autoptr (GError) error = NULL;
  RigCommand *command;

  if (jack == NULL || index < 0 || (guint) index >= targets->len)
    return;
  target = &g_array_index (targets, ConnectTarget, index);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER)));

  /* Signal flows from an output to an input: an input row connects from
   * the chosen jack. */
  if (jack->direction == RIG_DIRECTION_IN)
    command = rig_command_add_cable (target->device_id, target->jack_id, device_id, jack_id, NULL,
                                     NULL);
  else
    command = rig_command_add_cable (device_id, jack_id, target->device_id, target->jack_id, NULL,
                                     NULL);
  if (!rig_history_apply (self->history, command, &error))
    g_message ("Cannot connect: %s", error->message);
}

/* Fills the menu when it opens: verdicts are worked out for what is in the
 * rig now. */
static void
connect_popover_show_cb (GtkPopover *popover, RigInspector *self)
{
  const char *device_id = g_object_get_data (G_OBJECT (popover), "device");
  const char *jack_id = g_object_get_data (G_OBJECT (popover), "jack");
  RigDevice *device = rig_document_find_device (self->document, device_id);
  const RigJack *jack = device ? rig_device_find_jack (device, jack_id) : NULL;
  GArray *targets = g_array_new (FALSE, FALSE, sizeof (ConnectTarget));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  guint n_possible = 0;

  g_array_set_clear_func (targets, connect_target_clear);
  if (jack != NULL)
    for (guint i = 0; i < rig_document_get_n_devices (self->document); i++)
      {
        RigDevice *other = rig_document_get_device (self->document, i);

        if (g_strcmp0 (other->id, device_id) == 0)
          continue;
        for (guint j = 0; j < other->model->n_jacks; j++)
          {
            const RigJack *candidate = &other->model->jacks[j];
            ConnectTarget target = { 0 };

            if (!could_connect (self, other, candidate))
              continue;
            n_possible++;
            if (targets->len >= CONNECT_MAX_TARGETS)
              continue;
            target.device_id = g_strdup (other->id);
            target.jack_id = g_strdup (candidate->id);
            target.order = targets->len;
            target.verdict = self->validator == NULL ? RIG_SEVERITY_NONE
                             : jack->direction == RIG_DIRECTION_IN
                                 ? rig_validator_judge_connection (
                                     self->validator, other->id, candidate->id, device_id, jack_id)
                                 : rig_validator_judge_connection (
                                     self->validator, device_id, jack_id, other->id, candidate->id);
            g_array_append_val (targets, target);
          }
      }
  g_array_sort (targets, compare_targets);

  for (guint i = 0; i < targets->len; i++)
    {
      ConnectTarget *t = &g_array_index (targets, ConnectTarget, i);
      RigDevice *other = rig_document_find_device (self->document, t->device_id);
      const RigJack *candidate = rig_device_find_jack (other, t->jack_id);
      g_autofree char *connector = rig_jack_describe_connector (candidate);
      g_autofree char *text = g_strdup_printf ("%s · %s", other->label, candidate->name);
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
      gtk_list_box_append (GTK_LIST_BOX (list), box);
      accessible = g_strdup_printf ("%s, %s: %s", text, connector, verdict);
      {
        GtkWidget *row = gtk_widget_get_last_child (list);

        gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        accessible, -1);
        /* What the row offers, for tests and for the row's own tooltip. */
        g_object_set_data_full (G_OBJECT (row), "target",
                                g_strdup_printf ("%s:%s", t->device_id, t->jack_id), g_free);
        g_object_set_data (G_OBJECT (row), "verdict", GUINT_TO_POINTER (t->verdict));
      }
    }
  if (targets->len == 0)
    {
      GtkWidget *none = gtk_label_new (_ ("No free jack to connect to"));
      gtk_widget_add_css_class (none, "dim-label");
      gtk_list_box_append (GTK_LIST_BOX (list), none);
    }
  else if (n_possible > targets->len)
    {
      g_autofree char *more
          = g_strdup_printf (_ ("The first %u of %u jacks"), targets->len, n_possible);
      GtkWidget *label = gtk_label_new (more);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_append (GTK_LIST_BOX (list), label);
    }

  g_object_set_data_full (G_OBJECT (list), "targets", targets, (GDestroyNotify) g_array_unref);
  g_object_set_data_full (G_OBJECT (list), "device", g_strdup (device_id), g_free);
  g_object_set_data_full (G_OBJECT (list), "jack", g_strdup (jack_id), g_free);
  g_signal_connect (list, "row-activated", G_CALLBACK (connect_row_activated_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Jacks to connect to"), -1);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_popover_set_child (popover, scrolled);
}

static GtkWidget *
new_connect_button (RigInspector *self, const char *device_id, const RigJack *jack)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  g_autofree char *tooltip = g_strdup_printf (_ ("Connect %s to…"), jack->name);

  g_autofree char *name = g_strconcat ("connect-", jack->id, NULL);

  gtk_widget_set_name (button, name);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "list-add-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  g_object_set_data_full (G_OBJECT (popover), "device", g_strdup (device_id), g_free);
  g_object_set_data_full (G_OBJECT (popover), "jack", g_strdup (jack->id), g_free);
  g_signal_connect (popover, "show", G_CALLBACK (connect_popover_show_cb), self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  return button;
}

static void
add_jack_row (RigInspector *self, GtkWidget *list, const char *device_id, const RigJack *jack)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name = gtk_label_new (jack->name);
  GtkWidget *direction = gtk_label_new (direction_short_label (jack->direction));
  g_autofree char *kind = describe_jack_kind (jack);
  g_autofree char *figures = describe_jack_figures (jack);
  g_autofree char *description = NULL;
  GtkWidget *row;

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (direction, "rig-inspector-pill");
  gtk_widget_add_css_class (direction, "caption");
  gtk_widget_set_valign (direction, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (direction, rig_direction_to_label (jack->direction));
  gtk_box_append (GTK_BOX (line), name);
  gtk_box_append (GTK_BOX (line), direction);
  gtk_box_append (GTK_BOX (line), new_connect_button (self, device_id, jack));
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), new_dim_label (kind, TRUE));
  if (figures[0] != '\0')
    gtk_box_append (GTK_BOX (box), new_dim_label (figures, TRUE));

  row = new_row (list, box, TRUE);
  description = figures[0] != '\0'
                    ? g_strdup_printf ("%s. %s. %s", rig_direction_to_label (jack->direction), kind,
                                       figures)
                    : g_strdup_printf ("%s. %s", rig_direction_to_label (jack->direction), kind);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, jack->name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static void
build_device_page (RigInspector *self, GtkWidget *page, RigDevice *device)
{
  static const RigFigure sound_figures[] = {
    RIG_FIGURE_NOMINAL_IMPEDANCE,
    RIG_FIGURE_POWER_HANDLING,
    RIG_FIGURE_SENSITIVITY,
    RIG_FIGURE_AMP_POWER,
  };
  static const RigFigure switch_figures[] = {
    RIG_FIGURE_BATTERY,
    RIG_FIGURE_EARTHED,
    RIG_FIGURE_PHANTOM_ON,
  };
  const RigDeviceModel *model = device->model;
  GtkWidget *list;
  Field *field;

  add_header (self, page, rig_palette_get_model_icon_name (model), "device-title");
  if (model->description != NULL)
    {
      GtkWidget *description = new_dim_label (model->description, FALSE);

      gtk_widget_add_css_class (description, "rig-inspector-description");
      gtk_box_append (GTK_BOX (page), description);
    }

  add_group (page, _ ("Device"), &list);
  field = add_field (self, list, FIELD_DEVICE_LABEL, 0, "device-label", _ ("Label"),
                     gtk_entry_new (), NULL, FALSE, FALSE);
  gtk_widget_set_hexpand (field->control, TRUE);
  add_property_row (list, _ ("Model"), model->name);
  add_property_row (list, _ ("Category"), rig_category_to_label (model->category));

  self->figures_group = add_group (page, _ ("Specifications"), &list);
  for (guint i = 0; i < G_N_ELEMENTS (sound_figures); i++)
    {
      RigFigure figure = sound_figures[i];
      g_autofree char *name = g_strconcat ("figure-", rig_figure_to_nick (figure), NULL);
      field = add_field (self, list, FIELD_FIGURE, figure, name, rig_figure_to_label (figure),
                         new_value_entry (6), figure_unit (figure), TRUE, FALSE);
      gtk_entry_set_placeholder_text (GTK_ENTRY (field->control), _ ("none"));
    }

  self->power_group = add_group (page, _ ("Power"), &list);
  {
    g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
    g_autofree char *name
        = g_strconcat ("figure-", rig_figure_to_nick (RIG_FIGURE_POWER_SOURCE), NULL);
    GtkWidget *dropdown;

    for (guint i = 0; i < G_N_ELEMENTS (power_source_order); i++)
      gtk_string_list_append (names, rig_power_source_to_label (power_source_order[i]));
    dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
    field = add_field (self, list, FIELD_POWER_SOURCE, RIG_FIGURE_POWER_SOURCE, name,
                       rig_figure_to_label (RIG_FIGURE_POWER_SOURCE), dropdown, NULL, TRUE, FALSE);
    g_signal_connect (dropdown, "notify::selected", G_CALLBACK (power_source_selected_cb), field);
  }
  for (guint i = 0; i < G_N_ELEMENTS (switch_figures); i++)
    {
      RigFigure figure = switch_figures[i];
      g_autofree char *name = g_strconcat ("figure-", rig_figure_to_nick (figure), NULL);
      field = add_field (self, list, FIELD_FIGURE_SWITCH, figure, name,
                         rig_figure_to_label (figure), gtk_switch_new (), NULL, TRUE, FALSE);
      g_signal_connect (field->control, "notify::active", G_CALLBACK (switch_active_cb), field);
    }

  add_group (page, _ ("Jacks"), &list);
  for (guint i = 0; i < model->n_jacks; i++)
    add_jack_row (self, list, device->id, &model->jacks[i]);
  if (model->n_jacks == 0)
    add_property_row (list, _ ("None"), "");
}

static void
refresh_device_page (RigInspector *self, RigDevice *device)
{
  gboolean any_figure = FALSE;
  gboolean any_power = FALSE;

  gtk_label_set_text (GTK_LABEL (self->title_label), device->label);
  gtk_label_set_text (GTK_LABEL (self->subtitle_label), device->model->name);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      double value;
      gboolean overridden;
      gboolean relevant;

      if (field->kind == FIELD_DEVICE_LABEL)
        {
          field_set_text (field, device->label);
          continue;
        }

      value = rig_device_get_figure (device, field->figure);
      overridden = rig_figure_is_set (device->overrides[field->figure]);
      relevant = figure_is_relevant (device, field->figure);
      gtk_widget_set_visible (field->row, relevant);
      if (field->kind == FIELD_FIGURE)
        any_figure |= relevant;
      else
        any_power |= relevant;

      self->updating++;
      switch (field->kind)
        {
          case FIELD_FIGURE:
            {
              g_autofree char *text = format_number (value);
              self->updating--;
              field_set_text (field, text);
              self->updating++;
              break;
            }
          case FIELD_POWER_SOURCE:
            gtk_drop_down_set_selected (
                GTK_DROP_DOWN (field->control),
                power_source_position (rig_device_get_power_source (device)));
            break;
          case FIELD_FIGURE_SWITCH:
            gtk_switch_set_active (GTK_SWITCH (field->control),
                                   rig_figure_is_set (value) && value != 0);
            break;
          case FIELD_DEVICE_LABEL:
          case FIELD_CABLE_NUMBER:
          case FIELD_CABLE_TYPE:
          case FIELD_CABLE_LENGTH:
          case FIELD_CABLE_GAUGE:
          default:
            break;
        }
      self->updating--;

      if (field->kind != FIELD_FIGURE)
        field_clear_error (field);

      gtk_widget_set_visible (field->reset, overridden);
      gtk_widget_set_visible (field->subtitle, overridden);
      if (overridden)
        {
          g_autofree char *model_value
              = describe_figure_value (field->figure, device->model->figures[field->figure]);
          g_autofree char *subtitle = NULL;
          g_autofree char *tooltip = NULL;

          /* Translators: under a changed figure: the catalog model's value. */
          subtitle = g_strdup_printf (_ ("Model: %s"), model_value);
          gtk_label_set_text (GTK_LABEL (field->subtitle), subtitle);
          tooltip = g_strdup_printf (_ ("Use the model’s value (%s)"), model_value);
          gtk_widget_set_tooltip_text (field->reset, tooltip);
        }
    }

  gtk_widget_set_visible (self->figures_group, any_figure);
  gtk_widget_set_visible (self->power_group, any_power);
}

/* ---- the cable page ------------------------------------------------------------ */

/* The cable types in the drop-down's button: one line, cut short. */
static void
type_button_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_list_item_set_child (item, label);
}

static void
type_button_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      string != NULL ? gtk_string_object_get_string (string) : "");
}

/* The cable types in the drop-down's list: wrapped, the chosen one checked. */
static void
type_row_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
type_row_update_check (GtkListItem *item, GtkDropDown *dropdown)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  gtk_widget_set_opacity (
      gtk_widget_get_last_child (box),
      gtk_list_item_get_position (item) == gtk_drop_down_get_selected (dropdown) ? 1 : 0);
}

static void
type_row_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, GtkListItem *item)
{
  type_row_update_check (item, dropdown);
}

static void
type_row_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, GtkDropDown *dropdown)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)),
                      string != NULL ? gtk_string_object_get_string (string) : "");
  type_row_update_check (item, dropdown);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (type_row_selected_cb), item,
                           0);
}

static void
type_row_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, GtkDropDown *dropdown)
{
  g_signal_handlers_disconnect_by_func (dropdown, type_row_selected_cb, item);
}

static void
build_cable_page (RigInspector *self, GtkWidget *page, RigCable *cable)
{
  GtkWidget *list;
  Field *field;
  GtkWidget *dropdown;
  GtkListItemFactory *factory;

  add_header (self, page, "insert-link-symbolic", "cable-title");

  add_group (page, _ ("Cable"), &list);
  field = add_field (self, list, FIELD_CABLE_NUMBER, 0, "cable-number", _ ("Number"),
                     new_value_entry (8), NULL, FALSE, FALSE);
  self->from_label = add_property_row (list, _ ("From"), "");
  self->to_label = add_property_row (list, _ ("To"), "");

  add_group (page, _ ("Type"), &list);
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->candidate_names)), NULL);
  /* Long cable names are cut short in the button and wrap in the list. */
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (type_button_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (type_button_bind_cb), NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (dropdown), factory);
  g_object_unref (factory);
  /* The list's items live in the drop-down's popover: they never outlive it. */
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (type_row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (type_row_bind_cb), dropdown);
  g_signal_connect (factory, "unbind", G_CALLBACK (type_row_unbind_cb), dropdown);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (dropdown), factory);
  g_object_unref (factory);
  field = add_field (self, list, FIELD_CABLE_TYPE, 0, "cable-type", _ ("Cable type"), dropdown,
                     NULL, FALSE, TRUE);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (cable_type_selected_cb), field);
  field = add_field (self, list, FIELD_CABLE_LENGTH, 0, "cable-length", _ ("Length"),
                     new_value_entry (6), "m", FALSE, FALSE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (field->control), _ ("none"));
  field = add_field (self, list, FIELD_CABLE_GAUGE, 0, "cable-gauge", _ ("Wire gauge"),
                     new_value_entry (6), "AWG", FALSE, FALSE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (field->control), _ ("none"));

  add_group (page, _ ("Adapters"), &self->adapters_list);
  gtk_widget_set_name (self->adapters_list, "cable-adapters");
}

static void
refresh_adapters (RigInspector *self, RigCable *cable)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->adapters_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->adapters_list), child);

  for (guint i = 0; i < cable->spec.n_adapters; i++)
    {
      const RigAdapter *adapter = &cable->spec.adapters[i];
      RigDevice *device = rig_document_cable_device (self->document, cable, adapter->end);
      g_autofree char *where = g_strdup_printf (
          adapter->end == RIG_END_FROM ? _ ("At the %s end (from)") : _ ("At the %s end (to)"),
          device != NULL ? device->label : "?");
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *name = gtk_label_new (adapter->model->name);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), new_dim_label (where, TRUE));
      new_row (self->adapters_list, box, TRUE);
    }
  if (cable->spec.n_adapters == 0)
    {
      GtkWidget *none = new_dim_label (_ ("No adapters"), FALSE);

      new_row (self->adapters_list, none, TRUE);
    }
}

static void
refresh_cable_type (RigInspector *self, Field *field, RigCable *cable)
{
  const RigJack *from = rig_document_cable_jack (self->document, cable, RIG_END_FROM);
  const RigJack *to = rig_document_cable_jack (self->document, cable, RIG_END_TO);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) names = NULL;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->candidate_names));
  gboolean same = TRUE;
  guint selected = GTK_INVALID_LIST_POSITION;

  clear_candidates (self);
  if (from != NULL && to != NULL)
    build_candidates (self->candidates, &cable->spec, from, to);
  else
    add_candidate (self->candidates, &cable->spec);

  for (guint i = 0; i < self->candidates->len; i++)
    {
      const RigCableSpec *spec = &g_array_index (self->candidates, RigCableSpec, i);
      g_autofree char *name = describe_type (spec);

      g_strv_builder_add (builder, name);
      if (spec_same_type (spec, &cable->spec))
        selected = i;
    }
  names = g_strv_builder_end (builder);

  same = n_old == g_strv_length (names);
  for (guint i = 0; same && i < n_old; i++)
    same = g_strcmp0 (gtk_string_list_get_string (self->candidate_names, i), names[i]) == 0;

  self->updating++;
  if (!same)
    gtk_string_list_splice (self->candidate_names, 0, n_old, (const char *const *) names);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (field->control), selected);
  self->updating--;
  gtk_widget_set_sensitive (field->control, self->candidates->len > 1);
  gtk_widget_set_tooltip_text (field->control,
                               selected < self->candidates->len ? names[selected] : NULL);
  field_clear_error (field);
}

static void
refresh_cable_page (RigInspector *self, RigCable *cable)
{
  g_autofree char *title = g_strdup_printf (_ ("Cable %s"), cable->number);
  g_autofree char *from = describe_cable_end (self, cable, RIG_END_FROM);
  g_autofree char *to = describe_cable_end (self, cable, RIG_END_TO);
  /* Translators: a cable's ends, "Phone · Headset jack → Amplifier · Aux in". */
  g_autofree char *ends = g_strdup_printf (_ ("%s → %s"), from, to);
  gboolean speaker_wire = FALSE;

  for (guint i = 0; i < 2; i++)
    speaker_wire |= cable->spec.kind == RIG_CABLE_KIND_CABLE
                    && (cable->spec.ends[i].connector == RIG_CONNECTOR_SPEAKER_TERMINAL
                        || cable->spec.ends[i].connector == RIG_CONNECTOR_SPEAKON);

  gtk_label_set_text (GTK_LABEL (self->title_label), title);
  gtk_label_set_text (GTK_LABEL (self->subtitle_label), ends);
  gtk_label_set_text (GTK_LABEL (self->from_label), from);
  gtk_label_set_text (GTK_LABEL (self->to_label), to);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      switch (field->kind)
        {
          case FIELD_CABLE_NUMBER:
            field_set_text (field, cable->number != NULL ? cable->number : "");
            break;
          case FIELD_CABLE_TYPE:
            refresh_cable_type (self, field, cable);
            break;
          case FIELD_CABLE_LENGTH:
            {
              g_autofree char *text = format_number (cable->spec.length_m);
              gtk_widget_set_visible (field->row, cable->spec.kind == RIG_CABLE_KIND_CABLE);
              field_set_text (field, text);
              break;
            }
          case FIELD_CABLE_GAUGE:
            {
              g_autofree char *text = format_number (cable->spec.gauge_awg);
              gtk_widget_set_visible (field->row,
                                      speaker_wire || rig_figure_is_set (cable->spec.gauge_awg));
              field_set_text (field, text);
              break;
            }
          case FIELD_DEVICE_LABEL:
          case FIELD_FIGURE:
          case FIELD_POWER_SOURCE:
          case FIELD_FIGURE_SWITCH:
          default:
            break;
        }
    }

  refresh_adapters (self, cable);
}

/* ---- the summary page ------------------------------------------------------------ */

static void
build_summary_page (RigInspector *self, GtkWidget *page)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("edit-select-all-symbolic");

  gtk_widget_set_vexpand (box, TRUE);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, "rig-inspector-summary");

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 64);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  self->summary_title = gtk_label_new ("");
  gtk_widget_set_name (self->summary_title, "summary-title");
  gtk_label_set_wrap (GTK_LABEL (self->summary_title), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->summary_title), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->summary_title, "title-3");

  self->summary_hint = gtk_label_new ("");
  gtk_widget_set_name (self->summary_hint, "summary-hint");
  gtk_label_set_wrap (GTK_LABEL (self->summary_hint), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->summary_hint), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->summary_hint, "dim-label");

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), self->summary_title);
  gtk_box_append (GTK_BOX (box), self->summary_hint);
  gtk_box_append (GTK_BOX (page), box);
}

/* How many of the selected devices and cables the document has (the
 * selection may still name removed ones until it is pruned). */
static void
count_selected (RigInspector *self, guint *n_devices, guint *n_cables)
{
  g_auto (GStrv) devices = NULL;
  g_auto (GStrv) cables = NULL;

  *n_devices = *n_cables = 0;
  if (self->selection == NULL || self->document == NULL)
    return;
  devices = rig_selection_get_devices (self->selection);
  cables = rig_selection_get_cables (self->selection);
  for (guint i = 0; devices[i] != NULL; i++)
    *n_devices += rig_document_find_device (self->document, devices[i]) != NULL;
  for (guint i = 0; cables[i] != NULL; i++)
    *n_cables += rig_document_find_cable (self->document, cables[i]) != NULL;
}

static void
refresh_summary_page (RigInspector *self)
{
  guint n_devices, n_cables;
  g_autofree char *devices = NULL;
  g_autofree char *cables = NULL;
  g_autofree char *title = NULL;

  count_selected (self, &n_devices, &n_cables);
  if (n_devices == 0 && n_cables == 0)
    {
      gtk_label_set_text (GTK_LABEL (self->summary_title), _ ("Nothing Selected"));
      gtk_label_set_text (GTK_LABEL (self->summary_hint),
                          _ ("Select a device or a cable to see its details."));
      return;
    }

  devices = g_strdup_printf (ngettext ("%u device", "%u devices", n_devices), n_devices);
  cables = g_strdup_printf (ngettext ("%u cable", "%u cables", n_cables), n_cables);
  if (n_devices > 0 && n_cables > 0)
    /* Translators: "3 devices, 2 cables selected". */
    title = g_strdup_printf (_ ("%s, %s selected"), devices, cables);
  else
    /* Translators: "3 devices selected". */
    title = g_strdup_printf (_ ("%s selected"), n_devices > 0 ? devices : cables);
  gtk_label_set_text (GTK_LABEL (self->summary_title), title);
  gtk_label_set_text (GTK_LABEL (self->summary_hint),
                      _ ("Select a single device or cable to see and edit its details."));
}

/* ---- pages ------------------------------------------------------------------------ */

/* Applies what the user typed but did not commit, before the page goes. */
static void
flush_edits (RigInspector *self)
{
  g_autoptr (GPtrArray) edited = g_ptr_array_new ();

  for (guint i = 0; i < self->fields->len; i++)
    if (field_is_edited (g_ptr_array_index (self->fields, i)))
      g_ptr_array_add (edited, g_ptr_array_index (self->fields, i));
  for (guint i = 0; i < edited->len; i++)
    field_commit (g_ptr_array_index (edited, i), TRUE);
}

static void
clear_page (RigInspector *self)
{
  disconnect_fields (self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled_window), NULL);
  g_ptr_array_set_size (self->fields, 0);
  clear_candidates (self);
  self->title_label = NULL;
  self->subtitle_label = NULL;
  self->figures_group = NULL;
  self->power_group = NULL;
  self->from_label = NULL;
  self->to_label = NULL;
  self->adapters_list = NULL;
  self->summary_title = NULL;
  self->summary_hint = NULL;
  self->kind = PAGE_NONE;
  g_clear_pointer (&self->object_id, g_free);
}

static void
build_page (RigInspector *self, PageKind kind, const char *id)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  clear_page (self);
  self->kind = kind;
  self->object_id = g_strdup (id);

  gtk_widget_add_css_class (page, "rig-inspector-page");
  switch (kind)
    {
      case PAGE_DEVICE:
        build_device_page (self, page, rig_document_find_device (self->document, id));
        break;
      case PAGE_CABLE:
        build_cable_page (self, page, rig_document_find_cable (self->document, id));
        break;
      case PAGE_SUMMARY:
      case PAGE_NONE:
      default:
        build_summary_page (self, page);
        break;
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled_window), page);
}

/* Shows what the selection names, rebuilding the page only for another object. */
static void
rig_inspector_update (RigInspector *self)
{
  PageKind kind = PAGE_SUMMARY;
  const char *id = NULL;

  /* A commit made while switching pages changes the document: the page being
   * built reads it fresh. */
  if (self->in_update)
    return;
  self->in_update = TRUE;

  if (self->document != NULL && self->selection != NULL)
    {
      guint n_devices = rig_selection_get_n_devices (self->selection);
      guint n_cables = rig_selection_get_n_cables (self->selection);

      if (n_devices == 1 && n_cables == 0)
        {
          id = rig_selection_get_single_device (self->selection);
          if (id != NULL && rig_document_find_device (self->document, id) != NULL)
            kind = PAGE_DEVICE;
        }
      else if (n_cables == 1 && n_devices == 0)
        {
          id = rig_selection_get_single_cable (self->selection);
          if (id != NULL && rig_document_find_cable (self->document, id) != NULL)
            kind = PAGE_CABLE;
        }
    }
  if (kind == PAGE_SUMMARY)
    id = NULL;

  if (kind != self->kind || g_strcmp0 (id, self->object_id) != 0)
    {
      g_autofree char *new_id = g_strdup (id);

      flush_edits (self);
      build_page (self, kind, new_id);
    }

  switch (self->kind)
    {
      case PAGE_DEVICE:
        refresh_device_page (self, current_device (self));
        break;
      case PAGE_CABLE:
        refresh_cable_page (self, current_cable (self));
        break;
      case PAGE_SUMMARY:
      case PAGE_NONE:
      default:
        refresh_summary_page (self);
        break;
    }

  self->in_update = FALSE;
}

static void
document_changed_cb (RigDocument *document, RigChange *change, RigInspector *self)
{
  rig_inspector_update (self);
}

static void
selection_changed_cb (RigSelection *selection, RigInspector *self)
{
  rig_inspector_update (self);
}

/* ---- style ---------------------------------------------------------------------- */

static const char inspector_css[]
    = "rig-inspector .rig-inspector-page { padding: 18px 12px 24px 12px; }\n"
      "rig-inspector list.boxed-list { background-color: @theme_base_color;"
      "  border-radius: 10px; border: 1px solid alpha(@borders, 0.6);"
      "  box-shadow: 0 1px 2px alpha(black, 0.05); }\n"
      "rig-inspector list.boxed-list > row { padding: 8px 12px; min-height: 36px;"
      "  border-bottom: 1px solid alpha(@borders, 0.45); }\n"
      "rig-inspector list.boxed-list > row:first-child {"
      "  border-top-left-radius: 10px; border-top-right-radius: 10px; }\n"
      "rig-inspector list.boxed-list > row:last-child { border-bottom: none;"
      "  border-bottom-left-radius: 10px; border-bottom-right-radius: 10px; }\n"
      "rig-inspector list.boxed-list > row:hover { background-color: transparent; }\n"
      "rig-inspector .rig-inspector-group-title { margin: 0 4px; }\n"
      "rig-inspector .rig-inspector-description { margin: -6px 2px 0 2px; }\n"
      "rig-inspector .rig-inspector-icon { padding: 8px; border-radius: 10px;"
      "  background-color: alpha(currentColor, 0.08); }\n"
      "rig-inspector .rig-inspector-error { color: @error_color; }\n"
      "rig-inspector .rig-inspector-unit { min-width: 2.2em; }\n"
      "rig-inspector .rig-inspector-pill { padding: 1px 8px; border-radius: 9px;"
      "  background-color: alpha(currentColor, 0.08); }\n"
      "rig-inspector .rig-inspector-summary { margin: 24px; }\n";

static void
ensure_style (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr (GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "rig-inspector-css") != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, inspector_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "rig-inspector-css", g_steal_pointer (&provider),
                          g_object_unref);
}

/* ---- the object ------------------------------------------------------------------- */

static void
disconnect_document (RigInspector *self)
{
  if (self->document != NULL)
    g_clear_signal_handler (&self->document_changed_id, self->document);
  if (self->selection != NULL)
    g_clear_signal_handler (&self->selection_changed_id, self->selection);
  g_clear_object (&self->document);
  g_clear_object (&self->history);
  g_clear_object (&self->selection);
}

static void
rig_inspector_dispose (GObject *object)
{
  RigInspector *self = RIG_INSPECTOR (object);

  disconnect_document (self);
  if (self->scrolled_window != NULL)
    {
      clear_page (self);
      gtk_widget_unparent (self->scrolled_window);
      self->scrolled_window = NULL;
    }

  G_OBJECT_CLASS (rig_inspector_parent_class)->dispose (object);
}

static void
rig_inspector_finalize (GObject *object)
{
  RigInspector *self = RIG_INSPECTOR (object);

  g_ptr_array_unref (self->fields);
  clear_candidates (self);
  g_array_unref (self->candidates);
  g_clear_object (&self->candidate_names);
  g_clear_object (&self->validator);
  g_free (self->object_id);

  G_OBJECT_CLASS (rig_inspector_parent_class)->finalize (object);
}

static void
rig_inspector_class_init (RigInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rig_inspector_dispose;
  object_class->finalize = rig_inspector_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rig-inspector");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rig_inspector_init (RigInspector *self)
{
  ensure_style ();

  self->fields = g_ptr_array_new_with_free_func (field_free);
  self->candidates = g_array_new (FALSE, FALSE, sizeof (RigCableSpec));
  self->candidate_names = gtk_string_list_new (NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Inspector"), -1);

  self->scrolled_window = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled_window), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scrolled_window, GTK_WIDGET (self));

  rig_inspector_update (self);
}

GtkWidget *
rig_inspector_new (void)
{
  return g_object_new (RIG_TYPE_INSPECTOR, NULL);
}

void
rig_inspector_set_validator (RigInspector *self, RigValidator *validator)
{
  g_return_if_fail (RIG_IS_INSPECTOR (self));

  g_set_object (&self->validator, validator);
}

void
rig_inspector_set_document (RigInspector *self, RigDocument *document, RigHistory *history,
                            RigSelection *selection)
{
  g_return_if_fail (RIG_IS_INSPECTOR (self));
  g_return_if_fail (document == NULL || RIG_IS_DOCUMENT (document));
  g_return_if_fail (document == NULL || RIG_IS_HISTORY (history));
  g_return_if_fail (selection == NULL || RIG_IS_SELECTION (selection));

  if (document == self->document && selection == self->selection)
    return;

  /* Edits typed for the old document go to it. */
  if (!self->in_update)
    {
      self->in_update = TRUE;
      flush_edits (self);
      self->in_update = FALSE;
    }
  clear_page (self);
  disconnect_document (self);

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->history = g_object_ref (history);
      self->document_changed_id
          = g_signal_connect (document, "changed", G_CALLBACK (document_changed_cb), self);
    }
  if (selection != NULL)
    {
      self->selection = g_object_ref (selection);
      self->selection_changed_id
          = g_signal_connect (selection, "changed", G_CALLBACK (selection_changed_cb), self);
    }

  rig_inspector_update (self);
}

RigDocument *
rig_inspector_get_document (RigInspector *self)
{
  g_return_val_if_fail (RIG_IS_INSPECTOR (self), NULL);

  return self->document;
}

RigSelection *
rig_inspector_get_selection (RigInspector *self)
{
  g_return_val_if_fail (RIG_IS_INSPECTOR (self), NULL);

  return self->selection;
}
