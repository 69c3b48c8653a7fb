/* rig-outline.c: the rig's devices and cables as a list for the keyboard and
 * screen readers.
 *
 * A GtkListBox bound to a RigOutlineModel: a row per item, made once and
 * refreshed in place when its item changes, so the keyboard focus stays on
 * a row whose verdict changes. The list box and its rows give the roles
 * (list, list item) and the selected state; each row gets its item's
 * accessible name and description.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-outline-private.h"
#include "rig-problems.h"
#include "rig-tooltip.h"

struct _RigOutline
{
  GtkWidget parent_instance;

  GtkWidget *scrolled;
  GtkListBox *list;

  RigOutlineModel *model;
  RigSelection *selection;
  RigInspectorPage *context; /* never shown: what the Connect menus work on */
  gboolean syncing;          /* the list follows the shared selection */
  gboolean shown;            /* mapped once: follows its document from then on */
};

G_DEFINE_FINAL_TYPE (RigOutline, rig_outline, GTK_TYPE_WIDGET)

enum
{
  OBJECT_ACTIVATED,
  OBJECTS_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The widgets of a row that change with its item. */
typedef struct
{
  GtkImage *kind_icon;
  GtkLabel *title;
  GtkLabel *detail;
  GtkLabel *verdict;
  GtkImage *status_icon;
} RowParts;

static RigOutlineItem *
row_item (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "item");
}

static void
set_severity_class (GtkWidget *widget, RigSeverity severity)
{
  for (RigSeverity s = RIG_SEVERITY_INFO; s < RIG_N_SEVERITIES; s++)
    gtk_widget_remove_css_class (widget, rig_severity_to_nick (s));
  if (severity != RIG_SEVERITY_NONE)
    gtk_widget_add_css_class (widget, rig_severity_to_nick (severity));
}

static void
update_row (GtkListBoxRow *row)
{
  RigOutlineItem *item = row_item (row);
  RowParts *parts = g_object_get_data (G_OBJECT (row), "parts");
  RigSeverity severity = rig_outline_item_get_severity (item);

  gtk_image_set_from_icon_name (parts->kind_icon, rig_outline_item_get_icon_name (item));
  gtk_label_set_label (parts->title, rig_outline_item_get_title (item));
  gtk_label_set_label (parts->detail, rig_outline_item_get_detail (item));
  gtk_label_set_label (parts->verdict, rig_outline_item_get_verdict (item));
  gtk_image_set_from_icon_name (parts->status_icon, rig_problems_severity_icon (severity));
  set_severity_class (GTK_WIDGET (parts->status_icon), severity);
  set_severity_class (GTK_WIDGET (parts->verdict), severity);
  rig_tooltip_set_text (GTK_WIDGET (row), rig_outline_item_get_description (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rig_outline_item_get_label (item), -1);
  if (g_object_get_data (G_OBJECT (row), "connect-button") != NULL)
    _rig_outline_connect_button_set_label (g_object_get_data (G_OBJECT (row), "connect-button"),
                                           rig_outline_item_get_title (item));
}

/* The side pane is narrow: texts wrap rather than lose their ends. */
static GtkWidget *
text_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* [kind icon] title           [Connect…]
 *             detail
 *             [status icon] verdict */
static GtkWidget *
create_row (gpointer data, gpointer user_data)
{
  RigOutline *self = user_data;
  RigOutlineItem *item = data;
  RowParts *parts = g_new0 (RowParts, 1);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *status = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  parts->kind_icon = GTK_IMAGE (gtk_image_new ());
  parts->title = GTK_LABEL (text_label ("heading"));
  parts->detail = GTK_LABEL (text_label ("dim-label"));
  parts->verdict = GTK_LABEL (text_label ("caption"));
  parts->status_icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_add_css_class (GTK_WIDGET (parts->detail), "caption");
  gtk_widget_set_valign (GTK_WIDGET (parts->kind_icon), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (parts->status_icon), GTK_ALIGN_START);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (status), GTK_WIDGET (parts->status_icon));
  gtk_box_append (GTK_BOX (status), GTK_WIDGET (parts->verdict));
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (parts->title));
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (parts->detail));
  gtk_box_append (GTK_BOX (texts), status);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (parts->kind_icon));
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_add_css_class (box, "rig-outline-row");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  g_object_set_data_full (G_OBJECT (row), "item", g_object_ref (item), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "parts", parts, g_free);
  if (rig_outline_item_get_kind (item) == RIG_OUTLINE_DEVICE)
    {
      GtkWidget *button = _rig_outline_connect_button_new (self, rig_outline_item_get_id (item));

      gtk_box_append (GTK_BOX (box), button);
      g_object_set_data (G_OBJECT (row), "connect-button", button);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  update_row (GTK_LIST_BOX_ROW (row));
  g_signal_connect_object (item, "changed", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);

  return row;
}

/* ---- selection, both ways ------------------------------------------------- */

static gboolean
row_in_selection (RigOutline *self, GtkListBoxRow *row)
{
  RigOutlineItem *item = row_item (row);
  const char *id = rig_outline_item_get_id (item);

  return rig_outline_item_get_kind (item) == RIG_OUTLINE_DEVICE
             ? rig_selection_has_device (self->selection, id)
             : rig_selection_has_cable (self->selection, id);
}

static void
follow_selection (RigOutline *self)
{
  if (self->selection == NULL)
    return;
  self->syncing = TRUE;
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (self->list)); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    {
      GtkListBoxRow *row;

      if (!GTK_IS_LIST_BOX_ROW (w) || row_item (GTK_LIST_BOX_ROW (w)) == NULL)
        continue;
      row = GTK_LIST_BOX_ROW (w);
      if (row_in_selection (self, row) != gtk_list_box_row_is_selected (row))
        {
          if (gtk_list_box_row_is_selected (row))
            gtk_list_box_unselect_row (self->list, row);
          else
            gtk_list_box_select_row (self->list, row);
        }
    }
  self->syncing = FALSE;
}

/* Scrolls the list just enough to show @row. */
static void
scroll_to_row (RigOutline *self, GtkListBoxRow *row)
{
  GtkAdjustment *adjustment
      = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double height = gtk_widget_get_height (GTK_WIDGET (row));
  double x, y;

  if (!gtk_widget_translate_coordinates (GTK_WIDGET (row), GTK_WIDGET (self->list), 0, 0, &x, &y))
    return;
  if (y < value)
    gtk_adjustment_set_value (adjustment, y);
  else if (y + height > value + page)
    gtk_adjustment_set_value (adjustment, y + height - page);
}

/* Selected elsewhere (the canvas): the rows follow, and the first comes
 * into view. */
static void
selection_changed_cb (RigSelection *selection, RigOutline *self)
{
  g_autoptr (GList) rows = NULL;

  if (self->syncing)
    return;
  follow_selection (self);
  rows = gtk_list_box_get_selected_rows (self->list);
  if (rows != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    scroll_to_row (self, rows->data);
}

static void
selected_rows_changed_cb (GtkListBox *list, RigOutline *self)
{
  g_autoptr (GStrvBuilder) devices = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) cables = g_strv_builder_new ();
  g_autoptr (GList) rows = NULL;
  g_auto (GStrv) device_ids = NULL;
  g_auto (GStrv) cable_ids = NULL;

  if (self->syncing || self->selection == NULL)
    return;
  rows = gtk_list_box_get_selected_rows (list);
  for (GList *l = rows; l != NULL; l = l->next)
    {
      RigOutlineItem *item = row_item (l->data);

      if (item == NULL)
        continue;
      g_strv_builder_add (rig_outline_item_get_kind (item) == RIG_OUTLINE_DEVICE ? devices : cables,
                          rig_outline_item_get_id (item));
    }
  device_ids = g_strv_builder_end (devices);
  cable_ids = g_strv_builder_end (cables);
  self->syncing = TRUE;
  rig_selection_set (self->selection, (const char *const *) device_ids,
                     (const char *const *) cable_ids);
  self->syncing = FALSE;
  /* The selection may hold what the list cannot show: follow it exactly. */
  follow_selection (self);
  g_signal_emit (self, signals[OBJECTS_SELECTED], 0);
}

static void
row_activated_cb (GtkListBox *list, GtkListBoxRow *row, RigOutline *self)
{
  RigOutlineItem *item = row_item (row);
  const char *id;

  if (item == NULL)
    return;
  id = rig_outline_item_get_id (item);
  if (rig_outline_item_get_kind (item) == RIG_OUTLINE_DEVICE)
    g_signal_emit (self, signals[OBJECT_ACTIVATED], 0, id, NULL);
  else
    g_signal_emit (self, signals[OBJECT_ACTIVATED], 0, NULL, id);
}

/* After rows come and go: new rows take their selection; when the row with
 * the keyboard focus went (its object was deleted), the focus goes to the
 * row now in its place, so the keyboard is never lost. */
static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, RigOutline *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  guint n = g_list_model_get_n_items (model);

  if (added > 0)
    follow_selection (self);
  /* A removed row may still be the window's focus, out of the window. */
  if (removed > 0 && n > 0 && root != NULL && (focus == NULL || gtk_widget_get_root (focus) == NULL)
      && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, (int) MIN (position, n - 1));

      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

/* Shift+F10 or the Menu key on a device row opens its Connect menu. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, RigOutline *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkMenuButton *button;

  if (!(keyval == GDK_KEY_Menu || (keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK))))
    return FALSE;
  if (focus == NULL || !GTK_IS_LIST_BOX_ROW (focus))
    return FALSE;
  button = rig_outline_row_get_connect_button (GTK_LIST_BOX_ROW (focus));
  if (button == NULL)
    return FALSE;
  gtk_menu_button_popup (button);
  return TRUE;
}

/* ---- public ------------------------------------------------------------- */

void
rig_outline_set_document (RigOutline *self, RigDocument *document, RigHistory *history,
                          RigValidator *validator, RigSelection *selection)
{
  g_return_if_fail (RIG_IS_OUTLINE (self));

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  rig_inspector_page_set_context (self->context, document, history, selection, NULL);
  rig_inspector_page_set_validator (self->context, validator);
  if (selection != NULL)
    g_signal_connect_object (selection, "changed", G_CALLBACK (selection_changed_cb), self, 0);
  if (self->shown)
    rig_outline_model_set_document (self->model, document, validator);
  follow_selection (self);
}

GListModel *
rig_outline_get_model (RigOutline *self)
{
  g_return_val_if_fail (RIG_IS_OUTLINE (self), NULL);
  return G_LIST_MODEL (self->model);
}

void
rig_outline_focus (RigOutline *self)
{
  g_autoptr (GList) rows = NULL;
  GtkListBoxRow *row;

  g_return_if_fail (RIG_IS_OUTLINE (self));

  rows = gtk_list_box_get_selected_rows (self->list);
  row = rows != NULL ? rows->data : gtk_list_box_get_row_at_index (self->list, 0);
  if (row != NULL && gtk_widget_grab_focus (GTK_WIDGET (row)))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->list));
}

GtkListBox *
rig_outline_get_list_box (RigOutline *self)
{
  g_return_val_if_fail (RIG_IS_OUTLINE (self), NULL);
  return self->list;
}

GtkListBoxRow *
rig_outline_find_row (RigOutline *self, RigOutlineKind kind, const char *id)
{
  int at;

  g_return_val_if_fail (RIG_IS_OUTLINE (self), NULL);

  at = rig_outline_model_find (self->model, kind, id);
  return at < 0 ? NULL : gtk_list_box_get_row_at_index (self->list, at);
}

GtkMenuButton *
rig_outline_row_get_connect_button (GtkListBoxRow *row)
{
  g_return_val_if_fail (GTK_IS_LIST_BOX_ROW (row), NULL);
  return g_object_get_data (G_OBJECT (row), "connect-button");
}

RigInspectorPage *
_rig_outline_get_context (RigOutline *self)
{
  return self->context;
}

GtkWidget *
rig_outline_new (void)
{
  return g_object_new (RIG_TYPE_OUTLINE, NULL);
}

/* ---- GObject ------------------------------------------------------------ */

static gboolean
rig_outline_grab_focus (GtkWidget *widget)
{
  rig_outline_focus (RIG_OUTLINE (widget));
  return TRUE;
}

/* A rig's rows are made when the outline is first shown: an outline the
 * user never opens costs a big rig nothing. */
static void
rig_outline_map (GtkWidget *widget)
{
  RigOutline *self = RIG_OUTLINE (widget);

  GTK_WIDGET_CLASS (rig_outline_parent_class)->map (widget);
  if (self->shown)
    return;
  self->shown = TRUE;
  rig_outline_model_set_document (self->model, rig_inspector_page_get_document (self->context),
                                  rig_inspector_page_get_validator (self->context));
}

static void
rig_outline_dispose (GObject *object)
{
  RigOutline *self = RIG_OUTLINE (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  self->list = NULL;
  g_clear_object (&self->selection);
  if (self->context != NULL)
    rig_inspector_page_detach (self->context);
  g_clear_object (&self->context);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (rig_outline_parent_class)->dispose (object);
}

static void
rig_outline_class_init (RigOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rig_outline_dispose;
  widget_class->grab_focus = rig_outline_grab_focus;
  widget_class->map = rig_outline_map;

  signals[OBJECT_ACTIVATED]
      = g_signal_new ("object-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                      NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[OBJECTS_SELECTED] = g_signal_new ("objects-selected", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rig-outline");
}

static void
rig_outline_init (RigOutline *self)
{
  GtkWidget *placeholder = gtk_label_new (_ ("No devices yet"));
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->model = rig_outline_model_new ();
  self->context = g_object_ref_sink (g_object_new (RIG_TYPE_INSPECTOR_PAGE, NULL));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_MULTIPLE);
  gtk_list_box_set_activate_on_single_click (self->list, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Devices and cables"), -1);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 24);
  gtk_list_box_set_placeholder (self->list, placeholder);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->model), create_row, self, NULL);
  g_signal_connect (self->list, "selected-rows-changed", G_CALLBACK (selected_rows_changed_cb),
                    self);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect_after (self->model, "items-changed", G_CALLBACK (items_changed_cb), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->list));
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
}
