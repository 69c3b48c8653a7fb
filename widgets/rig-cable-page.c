/* rig-cable-page.c: the inspector's page of one cable: its number, its ends,
 * its type (a choice of cables that fit and plausible wrong ones), length,
 * gauge and adapters.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-cable-page.h"
#include "rig-cable-types.h"
#include "rig-error.h"
#include "rig-hear-button.h"
#include "rig-inspector-text.h"
#include "rig-property-row.h"
#include "rig-wrap-bin.h"

struct _RigCablePage
{
  RigInspectorPage parent_instance;

  /* The template. */
  GtkWidget *title_label;
  GtkWidget *subtitle_label;
  RigFieldRow *number_row;
  GtkWidget *from_row;
  GtkWidget *to_row;
  RigFieldRow *type_row;
  GtkWidget *type_dropdown;
  GtkStringList *type_names;
  RigFieldRow *length_row;
  RigFieldRow *gauge_row;
  GtkWidget *adapters_list;
  GtkWidget *hear_button; /* "Hear it", for the cable's worst audible problem */

  GArray *candidates; /* RigCableSpec: the types the drop-down offers */
};

G_DEFINE_FINAL_TYPE (RigCablePage, rig_cable_page, RIG_TYPE_INSPECTOR_PAGE)

static RigCable *
current_cable (RigCablePage *self)
{
  RigInspectorPage *page = RIG_INSPECTOR_PAGE (self);
  RigDocument *document = rig_inspector_page_get_document (page);

  if (document == NULL)
    return NULL;
  return rig_document_find_cable (document, rig_inspector_page_get_object_id (page));
}

/* ---- the types' list --------------------------------------------------------------- */

/* The cable types in the drop-down's list: wrapped, the chosen one checked
 * (the button shows them on one line, cut short: see the template). */
static void
type_row_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  rig_wrap_label (GTK_LABEL (label));
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

/* ---- editing ------------------------------------------------------------------- */

static gboolean
check_number (RigCablePage *self, const char *text, char **text_out, GError **error)
{
  RigDocument *document = rig_inspector_page_get_document (RIG_INSPECTOR_PAGE (self));
  g_autofree char *number = g_strstrip (g_strdup (text));
  RigCable *cable = current_cable (self);

  if (number[0] == '\0')
    {
      g_set_error_literal (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("A cable needs a number."));
      return FALSE;
    }
  for (guint i = 0; cable != NULL && i < rig_document_get_n_cables (document); i++)
    {
      RigCable *other = rig_document_get_cable (document, i);

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

static gboolean
rig_cable_page_check_field (RigInspectorPage *page, RigFieldRow *row, const char *text,
                            double *value, char **text_out, GError **error)
{
  static const char *const metres[] = { "metres", "meters", "m", NULL };
  static const char *const awg[] = { "AWG", NULL };
  RigCablePage *self = RIG_CABLE_PAGE (page);

  if (row == self->number_row)
    return check_number (self, text, text_out, error);
  if (row == self->length_row)
    return rig_inspector_parse_number (text, metres, value, error)
           && rig_inspector_validate_length (*value, error);
  g_assert (row == self->gauge_row);
  return rig_inspector_parse_number (text, awg, value, error)
         && rig_inspector_validate_gauge (*value, error);
}

static RigCommand *
rig_cable_page_field_command (RigInspectorPage *page, RigFieldRow *row, double value,
                              const char *text)
{
  RigCablePage *self = RIG_CABLE_PAGE (page);
  RigCable *cable = current_cable (self);
  gboolean length = row == self->length_row;
  RigCableSpec spec;
  RigCommand *command;

  if (cable == NULL)
    return NULL;
  if (row == self->number_row)
    {
      if (g_strcmp0 (cable->number, text) == 0)
        return NULL;
      return rig_command_set_cable_number (cable->id, text);
    }

  if (length ? rig_inspector_same_number (cable->spec.length_m, value)
             : rig_inspector_same_number (cable->spec.gauge_awg, value))
    return NULL;
  rig_cable_spec_copy (&spec, &cable->spec);
  if (length)
    spec.length_m = value;
  else
    spec.gauge_awg = value;
  command = rig_command_set_cable_spec (cable->id, &spec);
  rig_cable_spec_clear (&spec);
  return command;
}

static void
type_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, RigCablePage *self)
{
  RigInspectorPage *page = RIG_INSPECTOR_PAGE (self);
  RigCable *cable = current_cable (self);
  guint position = gtk_drop_down_get_selected (dropdown);
  const RigCableSpec *chosen;
  g_autoptr (GError) error = NULL;
  RigCableSpec spec;

  if (rig_inspector_page_is_updating (page) || cable == NULL || position >= self->candidates->len)
    return;
  chosen = &g_array_index (self->candidates, RigCableSpec, position);
  if (rig_cable_types_same (chosen, &cable->spec))
    return;

  /* The new type keeps the cable's length and adapters; gauge only applies
   * to speaker wire, where the cable's own is kept. */
  rig_cable_spec_copy (&spec, chosen);
  spec.length_m = spec.kind == RIG_CABLE_KIND_CABLE ? cable->spec.length_m : NAN;
  if (rig_figure_is_set (spec.gauge_awg) && rig_figure_is_set (cable->spec.gauge_awg))
    spec.gauge_awg = cable->spec.gauge_awg;
  for (guint i = 0; i < cable->spec.n_adapters; i++)
    rig_cable_spec_add_adapter (&spec, cable->spec.adapters[i].model, cable->spec.adapters[i].end);

  if (!rig_inspector_page_apply (page, rig_command_set_cable_spec (cable->id, &spec), &error))
    {
      rig_field_row_show_error (self->type_row, error->message);
      rig_inspector_page_refresh (page);
    }
  rig_cable_spec_clear (&spec);
}

/* ---- showing ------------------------------------------------------------------- */

/* "AV receiver · Front left speaker" */
static char *
describe_cable_end (RigDocument *document, const RigCable *cable, RigEnd end)
{
  RigDevice *device = rig_document_cable_device (document, cable, end);
  const RigJack *jack = rig_document_cable_jack (document, cable, end);

  if (device == NULL || jack == NULL)
    return g_strdup (_ ("(missing)"));
  /* Translators: a cable end: a device's label and one of its jacks. */
  return g_strdup_printf (_ ("%s · %s"), device->label, rig_jack_get_display_name (jack));
}

static GtkWidget *
new_dim_label (const char *text, gboolean caption)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  rig_wrap_label (GTK_LABEL (label));
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "dim-label");
  if (caption)
    gtk_widget_add_css_class (label, "caption");
  return label;
}

static void
add_adapter_row (RigCablePage *self, GtkWidget *child)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  gtk_list_box_append (GTK_LIST_BOX (self->adapters_list), row);
}

static void
refresh_adapters (RigCablePage *self, RigCable *cable)
{
  RigDocument *document = rig_inspector_page_get_document (RIG_INSPECTOR_PAGE (self));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->adapters_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->adapters_list), child);

  for (guint i = 0; i < cable->spec.n_adapters; i++)
    {
      const RigAdapter *adapter = &cable->spec.adapters[i];
      RigDevice *device = rig_document_cable_device (document, cable, adapter->end);
      g_autofree char *where = g_strdup_printf (
          adapter->end == RIG_END_FROM ? _ ("At the %s end (from)") : _ ("At the %s end (to)"),
          device != NULL ? device->label : "?");
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *name = gtk_label_new (rig_device_model_get_display_name (adapter->model));

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      rig_wrap_label (GTK_LABEL (name));
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), new_dim_label (where, TRUE));
      add_adapter_row (self, box);
    }
  if (cable->spec.n_adapters == 0)
    add_adapter_row (self, new_dim_label (_ ("No adapters"), FALSE));
}

/* Offers the types that fit the cable's jacks now, the cable's own chosen. */
static void
refresh_type (RigCablePage *self, RigCable *cable)
{
  RigInspectorPage *page = RIG_INSPECTOR_PAGE (self);
  RigDocument *document = rig_inspector_page_get_document (page);
  const RigJack *from = rig_document_cable_jack (document, cable, RIG_END_FROM);
  const RigJack *to = rig_document_cable_jack (document, cable, RIG_END_TO);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) names = NULL;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->type_names));
  gboolean same = TRUE;
  guint selected = GTK_INVALID_LIST_POSITION;

  rig_cable_types_clear (self->candidates);
  if (from != NULL && to != NULL)
    rig_cable_types_build (self->candidates, &cable->spec, from, to);
  else
    rig_cable_types_add (self->candidates, &cable->spec);

  for (guint i = 0; i < self->candidates->len; i++)
    {
      const RigCableSpec *spec = &g_array_index (self->candidates, RigCableSpec, i);
      g_autofree char *name = rig_cable_types_describe (spec);

      /* Only the cable's own type can be one that is not made (an old file's). */
      if (!rig_cable_spec_exists (spec))
        {
          char *marked = g_strdup_printf (_ ("%s (no such cable)"), name);
          g_free (name);
          name = marked;
        }
      g_strv_builder_add (builder, name);
      if (rig_cable_types_same (spec, &cable->spec))
        selected = i;
    }
  names = g_strv_builder_end (builder);

  same = n_old == g_strv_length (names);
  for (guint i = 0; same && i < n_old; i++)
    same = g_strcmp0 (gtk_string_list_get_string (self->type_names, i), names[i]) == 0;

  rig_inspector_page_begin_update (page);
  if (!same)
    gtk_string_list_splice (self->type_names, 0, n_old, (const char *const *) names);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->type_dropdown), selected);
  rig_inspector_page_end_update (page);
  gtk_widget_set_sensitive (self->type_dropdown, self->candidates->len > 1);
  gtk_widget_set_tooltip_text (self->type_dropdown,
                               selected < self->candidates->len ? names[selected] : NULL);
  rig_field_row_clear_error (self->type_row);
}

static void
rig_cable_page_refresh (RigInspectorPage *page)
{
  RigCablePage *self = RIG_CABLE_PAGE (page);
  RigDocument *document = rig_inspector_page_get_document (page);
  RigCable *cable = current_cable (self);
  g_autofree char *title = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *ends = NULL;
  g_autofree char *length = NULL;
  g_autofree char *gauge = NULL;
  gboolean speaker_wire = FALSE;

  if (cable == NULL)
    return;
  title = g_strdup_printf (_ ("Cable %s"), cable->number);
  from = describe_cable_end (document, cable, RIG_END_FROM);
  to = describe_cable_end (document, cable, RIG_END_TO);
  /* Translators: a cable's ends, "Phone · Headset jack → Amplifier · Aux in". */
  ends = g_strdup_printf (_ ("%s → %s"), from, to);
  length = rig_inspector_format_number (cable->spec.length_m);
  gauge = rig_inspector_format_number (cable->spec.gauge_awg);
  for (guint i = 0; i < 2; i++)
    speaker_wire |= cable->spec.kind == RIG_CABLE_KIND_CABLE
                    && (cable->spec.ends[i].connector == RIG_CONNECTOR_SPEAKER_TERMINAL
                        || cable->spec.ends[i].connector == RIG_CONNECTOR_SPEAKON);

  gtk_label_set_text (GTK_LABEL (self->title_label), title);
  gtk_label_set_text (GTK_LABEL (self->subtitle_label), ends);
  rig_property_row_set_value (RIG_PROPERTY_ROW (self->from_row), from);
  rig_property_row_set_value (RIG_PROPERTY_ROW (self->to_row), to);

  rig_field_row_set_text (self->number_row, cable->number != NULL ? cable->number : "");
  refresh_type (self, cable);
  gtk_widget_set_visible (GTK_WIDGET (self->length_row), cable->spec.kind == RIG_CABLE_KIND_CABLE);
  rig_field_row_set_text (self->length_row, length);
  gtk_widget_set_visible (GTK_WIDGET (self->gauge_row),
                          speaker_wire || rig_figure_is_set (cable->spec.gauge_awg));
  rig_field_row_set_text (self->gauge_row, gauge);

  refresh_adapters (self, cable);
  rig_hear_button_set_cable (RIG_HEAR_BUTTON (self->hear_button), cable->id);
}

GtkWidget *
rig_cable_page_new (RigDocument *document, RigHistory *history, RigSelection *selection,
                    const char *cable_id)
{
  RigCablePage *self = g_object_new (RIG_TYPE_CABLE_PAGE, NULL);

  rig_inspector_page_set_context (RIG_INSPECTOR_PAGE (self), document, history, selection,
                                  cable_id);
  return GTK_WIDGET (self);
}

/* ---- the object ------------------------------------------------------------------- */

static void
rig_cable_page_dispose (GObject *object)
{
  g_clear_pointer (&RIG_CABLE_PAGE (object)->hear_button, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (object), RIG_TYPE_CABLE_PAGE);

  G_OBJECT_CLASS (rig_cable_page_parent_class)->dispose (object);
}

static void
rig_cable_page_finalize (GObject *object)
{
  RigCablePage *self = RIG_CABLE_PAGE (object);

  rig_cable_types_clear (self->candidates);
  g_array_unref (self->candidates);

  G_OBJECT_CLASS (rig_cable_page_parent_class)->finalize (object);
}

static void
rig_cable_page_class_init (RigCablePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RigInspectorPageClass *page_class = RIG_INSPECTOR_PAGE_CLASS (klass);

  object_class->dispose = rig_cable_page_dispose;
  object_class->finalize = rig_cable_page_finalize;
  page_class->refresh = rig_cable_page_refresh;
  page_class->check_field = rig_cable_page_check_field;
  page_class->field_command = rig_cable_page_field_command;

  g_type_ensure (RIG_TYPE_FIELD_ROW);
  g_type_ensure (RIG_TYPE_PROPERTY_ROW);
  g_type_ensure (RIG_TYPE_WRAP_BIN);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rigwire/Rigwire/ui/rig-cable-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RigCablePage, name)
  BIND (title_label);
  BIND (subtitle_label);
  BIND (number_row);
  BIND (from_row);
  BIND (to_row);
  BIND (type_row);
  BIND (type_dropdown);
  BIND (type_names);
  BIND (length_row);
  BIND (gauge_row);
  BIND (adapters_list);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, type_selected_cb);
}

static void
rig_cable_page_init (RigCablePage *self)
{
  RigInspectorPage *page = RIG_INSPECTOR_PAGE (self);
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->candidates = g_array_new (FALSE, FALSE, sizeof (RigCableSpec));
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The list's items live in the drop-down's popover: they never outlive it. */
  g_signal_connect (factory, "setup", G_CALLBACK (type_row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (type_row_bind_cb), self->type_dropdown);
  g_signal_connect (factory, "unbind", G_CALLBACK (type_row_unbind_cb), self->type_dropdown);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (self->type_dropdown), factory);

  rig_inspector_page_add_field (page, self->number_row);
  rig_inspector_page_add_field (page, self->type_row);
  rig_inspector_page_add_field (page, self->length_row);
  rig_inspector_page_add_field (page, self->gauge_row);

  self->hear_button = rig_hear_button_new ();
  rig_hear_button_set_stacked (RIG_HEAR_BUTTON (self->hear_button), TRUE);
  gtk_widget_set_parent (self->hear_button, GTK_WIDGET (self));
}
