/* rig-outline-connect.c: a device row's "Connect…" menu in the outline.
 *
 * The menu lists the device's jacks, each with its connector and whether it
 * is free; choosing a free one opens, from the same button, the Connect menu
 * the inspector shows for a jack (rig-connect-popover.c): the jacks a cable
 * could go to, each with its verdict, best first. So a cable is made from
 * the keyboard alone, as one undo step. The jack list is made when the menu
 * opens: it is always the rig as it is now.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-connect-popover.h"
#include "rig-outline-private.h"

typedef struct
{
  RigOutline *outline; /* holds the row that holds the button */
  GtkMenuButton *button;
  char *device_id;
  gboolean keep_popover; /* the next popup shows the Connect menu set for it */
} ConnectMenu;

typedef struct
{
  ConnectMenu *menu;
  GtkMenuButton *button; /* a reference: the row may go meanwhile */
  char *jack_id;
} JackChoice;

static void
connect_menu_free (gpointer data)
{
  ConnectMenu *menu = data;

  g_free (menu->device_id);
  g_free (menu);
}

/* The connector, and whether the jack is free: "3.5 mm TRRS (CTIA), free". */
static char *
jack_state (RigDocument *document, const RigDevice *device, const RigJack *jack, gboolean *free)
{
  g_autoptr (GPtrArray) cables = g_ptr_array_new ();
  g_autofree char *connector = rig_jack_describe_connector (jack);

  rig_document_get_jack_cables (document, device->id, jack->id, cables);
  /* Speaker terminals take several cables; other jacks one plug. */
  *free = cables->len == 0 || jack->connector == RIG_CONNECTOR_SPEAKER_TERMINAL;
  if (cables->len == 0)
    /* Translators: a jack with no cable, in the outline's Connect menu. */
    return g_strdup_printf (_ ("%s, free"), connector);
  /* Translators: a jack and the cable in it, in the outline's Connect menu. */
  return g_strdup_printf (_ ("%s, holds cable %s"), connector,
                          ((RigCable *) g_ptr_array_index (cables, 0))->number);
}

static GtkWidget *
jack_row (RigDocument *document, const RigDevice *device, const RigJack *jack)
{
  gboolean free = FALSE;
  g_autofree char *state = jack_state (document, device, jack, &free);
  g_autofree char *accessible = g_strdup_printf ("%s, %s", rig_jack_get_display_name (jack), state);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (rig_jack_get_display_name (jack));
  GtkWidget *detail = gtk_label_new (state);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), free);
  if (!free)
    gtk_widget_add_css_class (name, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "jack", g_strdup (jack->id), g_free);
  return row;
}

static void
connect_menu_closed_cb (GtkPopover *popover, ConnectMenu *menu)
{
  menu->keep_popover = FALSE;
}

static gboolean
open_connect_menu_idle (gpointer data)
{
  JackChoice *choice = data;
  ConnectMenu *menu = choice->menu;
  GtkWidget *popover;

  /* The row (and its menu) may have gone with its device meanwhile. */
  if (gtk_widget_get_root (GTK_WIDGET (choice->button)) != NULL
      && g_object_get_data (G_OBJECT (choice->button), "connect-menu") == menu)
    {
      popover = g_object_new (RIG_TYPE_CONNECT_POPOVER, NULL);
      rig_connect_popover_set_jack (RIG_CONNECT_POPOVER (popover),
                                    _rig_outline_get_context (menu->outline), menu->device_id,
                                    choice->jack_id);
      menu->keep_popover = TRUE;
      gtk_menu_button_set_popover (choice->button, popover);
      g_signal_connect (popover, "closed", G_CALLBACK (connect_menu_closed_cb), menu);
      gtk_menu_button_popup (choice->button);
    }
  g_object_unref (choice->button);
  g_free (choice->jack_id);
  g_free (choice);
  return G_SOURCE_REMOVE;
}

/* A jack chosen: its Connect menu opens once this menu has closed. */
static void
jack_activated_cb (GtkListBox *list, GtkListBoxRow *row, ConnectMenu *menu)
{
  JackChoice *choice = g_new0 (JackChoice, 1);

  choice->menu = menu;
  choice->button = g_object_ref (menu->button);
  choice->jack_id = g_strdup (g_object_get_data (G_OBJECT (row), "jack"));
  gtk_menu_button_popdown (menu->button);
  g_idle_add (open_connect_menu_idle, choice);
}

/* The menu of jacks, made each time it opens. */
static void
create_popup_cb (GtkMenuButton *button, gpointer data)
{
  ConnectMenu *menu = data;
  RigDocument *document
      = rig_inspector_page_get_document (_rig_outline_get_context (menu->outline));
  RigDevice *device
      = document != NULL ? rig_document_find_device (document, menu->device_id) : NULL;
  GtkWidget *popover, *scrolled, *list;
  g_autofree char *name = NULL;

  if (menu->keep_popover)
    {
      menu->keep_popover = FALSE;
      return;
    }
  if (device == NULL)
    return;
  list = gtk_list_box_new ();
  /* Translators: the accessible name of a device's jack list in the outline. */
  name = g_strdup_printf (_ ("Jacks of %s"), device->label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  for (guint i = 0; i < device->model->n_jacks; i++)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         jack_row (document, device, &device->model->jacks[i]));
  g_signal_connect (list, "row-activated", G_CALLBACK (jack_activated_cb), menu);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  gtk_menu_button_set_popover (button, popover);
}

GtkWidget *
_rig_outline_connect_button_new (RigOutline *self, const char *device_id)
{
  ConnectMenu *menu = g_new0 (ConnectMenu, 1);
  GtkWidget *button = gtk_menu_button_new ();

  menu->outline = self;
  menu->button = GTK_MENU_BUTTON (button);
  menu->device_id = g_strdup (device_id);
  g_object_set_data_full (G_OBJECT (button), "connect-menu", menu, connect_menu_free);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "list-add-symbolic");
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (button), FALSE);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _ ("Connect a cable…"));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_popup_cb, menu, NULL);
  return button;
}

void
_rig_outline_connect_button_set_label (GtkWidget *button, const char *device_label)
{
  /* Translators: the accessible name of a device's Connect button in the outline. */
  g_autofree char *name = g_strdup_printf (_ ("Connect %s…"), device_label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}
