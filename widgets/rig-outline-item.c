/* rig-outline-item.c: one device or cable of the outline, in words.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-outline-item.h"
#include "rig-palette.h"

#define CABLE_ICON "network-wired-symbolic"

struct _RigOutlineItem
{
  GObject parent_instance;

  RigOutlineKind kind;
  char *id;
  RigSeverity severity;
  const char *icon_name; /* static */
  char *title;
  char *detail;
  char *verdict;
  char *label;
  char *description;
};

G_DEFINE_FINAL_TYPE (RigOutlineItem, rig_outline_item, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The status word, lower case as it follows a comma in a sentence. */
static const char *
status_word (RigSeverity severity)
{
  switch (severity)
    {
      case RIG_SEVERITY_ERROR:
        /* Translators: a device's or a cable's verdict in the outline, "error: …" */
        return C_ ("verdict", "error");
      case RIG_SEVERITY_WARNING:
        return C_ ("verdict", "warning");
      case RIG_SEVERITY_INFO:
        return C_ ("verdict", "note");
      case RIG_SEVERITY_NONE:
      case RIG_N_SEVERITIES:
      default:
        /* Translators: the verdict of a device or a cable with no problem. */
        return C_ ("verdict", "OK");
    }
}

/* What a diagnostic says is wrong, without the names of the objects its
 * message starts with ("Cable A-001: Phone headset jack → Bookshelf speaker
 * terminals: passive speaker with no amplifier" gives "passive speaker with
 * no amplifier"): the row names them already. A message of another shape
 * is kept whole. */
static const char *
problem_words (const RigDiagnostic *diagnostic, const char *title)
{
  const char *text = diagnostic->message;
  const char *arrow;
  const char *colon;

  if (g_str_has_prefix (text, title) && g_str_has_prefix (text + strlen (title), ": "))
    text += strlen (title) + 2;
  arrow = strstr (text, "→");
  colon = arrow != NULL ? strstr (arrow, ": ") : NULL;
  if (colon != NULL && colon[2] != '\0')
    text = colon + 2;
  return text;
}

/* "OK", or "error: passive speaker with no amplifier", and for more than
 * one problem "…, and 2 more problems". */
static char *
make_verdict (GPtrArray *diagnostics, RigSeverity severity, const char *title)
{
  GString *text = g_string_new (status_word (severity));

  if (diagnostics->len > 0)
    g_string_append_printf (text, ": %s",
                            problem_words (g_ptr_array_index (diagnostics, 0), title));
  if (diagnostics->len > 1)
    /* Translators: after the first problem of a device or a cable in the outline. */
    g_string_append_printf (
        text, ngettext (", and %u more problem", ", and %u more problems", diagnostics->len - 1),
        diagnostics->len - 1);
  return g_string_free (text, FALSE);
}

/* Every problem with its fix, for the accessible description and the
 * row's tooltip. */
static char *
make_description (GPtrArray *diagnostics)
{
  GString *text = g_string_new (NULL);

  if (diagnostics->len == 0)
    g_string_append (text, _ ("No problems found."));
  for (guint i = 0; i < diagnostics->len; i++)
    {
      RigDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s: %s.", rig_severity_to_label (d->severity), d->message);
      if (d->fix != NULL && *d->fix != '\0')
        g_string_append_printf (text, " %s %s", _ ("Fix:"), d->fix);
    }
  return g_string_free (text, FALSE);
}

/* "Phone headset jack": the device's label, then its jack's name, which
 * starts in lower case where it is an ordinary word ("Headset jack") and
 * keeps its capitals where it is a name ("USB-C", "CD in"). */
static char *
jack_words (const RigDevice *device, const RigJack *jack)
{
  const char *name = rig_jack_get_display_name (jack);
  gunichar first = g_utf8_get_char (name);
  const char *rest = g_utf8_next_char (name);

  if (g_unichar_isupper (first) && *rest != '\0' && g_unichar_islower (g_utf8_get_char (rest)))
    {
      char lower[8] = { 0 };

      g_unichar_to_utf8 (g_unichar_tolower (first), lower);
      return g_strdup_printf ("%s %s%s", device->label, lower, rest);
    }
  return g_strdup_printf ("%s %s", device->label, name);
}

static gboolean
replace (char **field, char *value)
{
  gboolean changed = g_strcmp0 (*field, value) != 0;

  g_free (*field);
  *field = value;
  return changed;
}

static GPtrArray *
diagnostics_of (RigOutlineItem *self, RigValidator *validator)
{
  if (validator == NULL)
    return g_ptr_array_new ();
  return self->kind == RIG_OUTLINE_DEVICE
             ? rig_validator_get_device_diagnostics (validator, self->id)
             : rig_validator_get_cable_diagnostics (validator, self->id);
}

/* The texts of a device: title, detail, label. */
static gboolean
refresh_device (RigOutlineItem *self, RigDocument *document, const RigDevice *device,
                const char *verdict)
{
  guint n_cables = rig_document_get_device_cables (document, device->id)->len;
  const char *model = rig_device_model_get_display_name (device->model);
  g_autofree char *jacks = g_strdup_printf (
      ngettext ("%u jack", "%u jacks", device->model->n_jacks), device->model->n_jacks);
  g_autofree char *wired = g_strdup_printf (ngettext ("%u cable", "%u cables", n_cables), n_cables);
  gboolean changed = FALSE;

  self->icon_name = rig_palette_get_model_icon_name (device->model);
  changed |= replace (&self->title, g_strdup (device->label));
  /* Translators: a device's model and how many jacks and cables it has, in the outline. */
  changed |= replace (&self->detail, g_strdup_printf (_ ("%s · %s · %s"), model, jacks, wired));
  /* Translators: a device's accessible name in the outline: its label, its
   * model, "2 jacks", "1 cable", its verdict ("OK", "error: …"). */
  changed |= replace (&self->label, g_strdup_printf (_ ("Device %s, %s, %s, %s, %s"), device->label,
                                                     model, jacks, wired, verdict));
  return changed;
}

/* The texts of a cable: title, detail (its ends), label. */
static gboolean
refresh_cable (RigOutlineItem *self, RigDocument *document, const RigCable *cable,
               const char *verdict)
{
  RigDevice *from = rig_document_cable_device (document, cable, RIG_END_FROM);
  RigDevice *to = rig_document_cable_device (document, cable, RIG_END_TO);
  const RigJack *fj = rig_document_cable_jack (document, cable, RIG_END_FROM);
  const RigJack *tj = rig_document_cable_jack (document, cable, RIG_END_TO);
  g_autofree char *a = from != NULL && fj != NULL ? jack_words (from, fj) : g_strdup ("?");
  g_autofree char *b = to != NULL && tj != NULL ? jack_words (to, tj) : g_strdup ("?");
  gboolean changed = FALSE;

  self->icon_name = CABLE_ICON;
  /* Translators: a cable's ends in the outline, "Phone headset jack to Bookshelf speaker
   * terminals". */
  changed |= replace (&self->detail, g_strdup_printf (_ ("%s to %s"), a, b));
  /* Translators: a cable's accessible name in the outline: its title ("Cable A-001"),
   * its ends, its verdict ("OK", "error: …"). */
  changed |= replace (&self->label,
                      g_strdup_printf (_ ("%s, %s, %s"), self->title, self->detail, verdict));
  return changed;
}

static char *
cable_title (const RigCable *cable)
{
  /* Translators: a cable's name in the outline, "Cable A-001". */
  return g_strdup_printf (_ ("Cable %s"), *cable->number ? cable->number : cable->id);
}

void
rig_outline_item_refresh (RigOutlineItem *self, RigDocument *document, RigValidator *validator)
{
  RigDevice *device = NULL;
  RigCable *cable = NULL;
  g_autoptr (GPtrArray) diagnostics = NULL;
  g_autofree char *verdict = NULL;
  RigSeverity severity;
  gboolean changed = FALSE;

  g_return_if_fail (RIG_IS_OUTLINE_ITEM (self));
  g_return_if_fail (RIG_IS_DOCUMENT (document));

  if (self->kind == RIG_OUTLINE_DEVICE)
    device = rig_document_find_device (document, self->id);
  else
    cable = rig_document_find_cable (document, self->id);
  if (device == NULL && cable == NULL)
    return;

  if (cable != NULL)
    changed |= replace (&self->title, cable_title (cable));
  diagnostics = diagnostics_of (self, validator);
  severity = rig_diagnostics_worst (diagnostics);
  /* A rig just opened is shown before it is checked: not "OK" until it is. */
  if (validator != NULL && rig_validator_is_pending (validator))
    /* Translators: the verdict of a device or a cable while the rig is being checked. */
    verdict = g_strdup (C_ ("verdict", "checking…"));
  else
    verdict = make_verdict (diagnostics, severity, device != NULL ? device->label : self->title);
  if (device != NULL)
    changed |= refresh_device (self, document, device, verdict);
  else
    changed |= refresh_cable (self, document, cable, verdict);
  changed |= severity != self->severity;
  self->severity = severity;
  changed |= replace (&self->verdict, g_steal_pointer (&verdict));
  changed |= replace (&self->description, validator != NULL && rig_validator_is_pending (validator)
                                              ? g_strdup (_ ("Not checked yet."))
                                              : make_description (diagnostics));
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

RigOutlineItem *
rig_outline_item_new (RigOutlineKind kind, const char *id)
{
  RigOutlineItem *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (RIG_TYPE_OUTLINE_ITEM, NULL);
  self->kind = kind;
  self->id = g_strdup (id);
  self->icon_name = kind == RIG_OUTLINE_CABLE ? CABLE_ICON : "audio-x-generic-symbolic";
  return self;
}

RigOutlineKind
rig_outline_item_get_kind (RigOutlineItem *self)
{
  g_return_val_if_fail (RIG_IS_OUTLINE_ITEM (self), RIG_OUTLINE_DEVICE);
  return self->kind;
}

const char *
rig_outline_item_get_id (RigOutlineItem *self)
{
  g_return_val_if_fail (RIG_IS_OUTLINE_ITEM (self), NULL);
  return self->id;
}

const char *
rig_outline_item_get_title (RigOutlineItem *self)
{
  g_return_val_if_fail (RIG_IS_OUTLINE_ITEM (self), NULL);
  return self->title != NULL ? self->title : "";
}

const char *
rig_outline_item_get_detail (RigOutlineItem *self)
{
  g_return_val_if_fail (RIG_IS_OUTLINE_ITEM (self), NULL);
  return self->detail != NULL ? self->detail : "";
}

const char *
rig_outline_item_get_verdict (RigOutlineItem *self)
{
  g_return_val_if_fail (RIG_IS_OUTLINE_ITEM (self), NULL);
  return self->verdict != NULL ? self->verdict : "";
}

const char *
rig_outline_item_get_label (RigOutlineItem *self)
{
  g_return_val_if_fail (RIG_IS_OUTLINE_ITEM (self), NULL);
  return self->label != NULL ? self->label : "";
}

const char *
rig_outline_item_get_description (RigOutlineItem *self)
{
  g_return_val_if_fail (RIG_IS_OUTLINE_ITEM (self), NULL);
  return self->description != NULL ? self->description : "";
}

const char *
rig_outline_item_get_icon_name (RigOutlineItem *self)
{
  g_return_val_if_fail (RIG_IS_OUTLINE_ITEM (self), NULL);
  return self->icon_name;
}

RigSeverity
rig_outline_item_get_severity (RigOutlineItem *self)
{
  g_return_val_if_fail (RIG_IS_OUTLINE_ITEM (self), RIG_SEVERITY_NONE);
  return self->severity;
}

static void
rig_outline_item_finalize (GObject *object)
{
  RigOutlineItem *self = RIG_OUTLINE_ITEM (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->detail);
  g_free (self->verdict);
  g_free (self->label);
  g_free (self->description);

  G_OBJECT_CLASS (rig_outline_item_parent_class)->finalize (object);
}

static void
rig_outline_item_class_init (RigOutlineItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rig_outline_item_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
rig_outline_item_init (RigOutlineItem *self)
{
}
