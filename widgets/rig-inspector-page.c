/* rig-inspector-page.c: what every page of the inspector shares.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rig-inspector-page.h"

typedef struct
{
  RigDocument *document;
  RigHistory *history; /* where edits go */
  RigSelection *selection;
  RigValidator *validator; /* for the Connect menus' verdicts, or NULL */
  char *object_id;         /* the device or cable shown, or NULL */
  GPtrArray *fields;       /* RigFieldRow *, owned */
  guint updating;
} RigInspectorPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (RigInspectorPage, rig_inspector_page, GTK_TYPE_WIDGET)

#define PRIV(self) ((RigInspectorPagePrivate *) rig_inspector_page_get_instance_private (self))

void
rig_inspector_page_set_context (RigInspectorPage *self, RigDocument *document, RigHistory *history,
                                RigSelection *selection, const char *object_id)
{
  RigInspectorPagePrivate *priv = PRIV (self);

  g_return_if_fail (RIG_IS_INSPECTOR_PAGE (self));

  g_set_object (&priv->document, document);
  g_set_object (&priv->history, history);
  g_set_object (&priv->selection, selection);
  g_free (priv->object_id);
  priv->object_id = g_strdup (object_id);
}

void
rig_inspector_page_set_validator (RigInspectorPage *self, RigValidator *validator)
{
  g_return_if_fail (RIG_IS_INSPECTOR_PAGE (self));

  g_set_object (&PRIV (self)->validator, validator);
}

void
rig_inspector_page_flush (RigInspectorPage *self)
{
  RigInspectorPagePrivate *priv = PRIV (self);
  g_autoptr (GPtrArray) edited = g_ptr_array_new ();

  g_return_if_fail (RIG_IS_INSPECTOR_PAGE (self));

  for (guint i = 0; i < priv->fields->len; i++)
    if (rig_field_row_is_edited (g_ptr_array_index (priv->fields, i)))
      g_ptr_array_add (edited, g_ptr_array_index (priv->fields, i));
  for (guint i = 0; i < edited->len; i++)
    rig_field_row_commit (g_ptr_array_index (edited, i), TRUE);
  if (RIG_INSPECTOR_PAGE_GET_CLASS (self)->flush != NULL)
    RIG_INSPECTOR_PAGE_GET_CLASS (self)->flush (self);
}

void
rig_inspector_page_detach (RigInspectorPage *self)
{
  RigInspectorPagePrivate *priv = PRIV (self);

  g_return_if_fail (RIG_IS_INSPECTOR_PAGE (self));

  for (guint i = 0; i < priv->fields->len; i++)
    rig_field_row_set_page (g_ptr_array_index (priv->fields, i), NULL);
  g_ptr_array_set_size (priv->fields, 0);
  g_clear_object (&priv->document);
  g_clear_object (&priv->history);
  g_clear_object (&priv->selection);
  g_clear_object (&priv->validator);
}

void
rig_inspector_page_refresh (RigInspectorPage *self)
{
  g_return_if_fail (RIG_IS_INSPECTOR_PAGE (self));

  if (RIG_INSPECTOR_PAGE_GET_CLASS (self)->refresh != NULL)
    RIG_INSPECTOR_PAGE_GET_CLASS (self)->refresh (self);
}

RigDocument *
rig_inspector_page_get_document (RigInspectorPage *self)
{
  g_return_val_if_fail (RIG_IS_INSPECTOR_PAGE (self), NULL);

  return PRIV (self)->document;
}

RigSelection *
rig_inspector_page_get_selection (RigInspectorPage *self)
{
  g_return_val_if_fail (RIG_IS_INSPECTOR_PAGE (self), NULL);

  return PRIV (self)->selection;
}

RigValidator *
rig_inspector_page_get_validator (RigInspectorPage *self)
{
  g_return_val_if_fail (RIG_IS_INSPECTOR_PAGE (self), NULL);

  return PRIV (self)->validator;
}

const char *
rig_inspector_page_get_object_id (RigInspectorPage *self)
{
  g_return_val_if_fail (RIG_IS_INSPECTOR_PAGE (self), NULL);

  return PRIV (self)->object_id;
}

RigHistory *
rig_inspector_page_get_history (RigInspectorPage *self)
{
  g_return_val_if_fail (RIG_IS_INSPECTOR_PAGE (self), NULL);

  return PRIV (self)->history;
}

gboolean
rig_inspector_page_apply (RigInspectorPage *self, RigCommand *command, GError **error)
{
  RigInspectorPagePrivate *priv = PRIV (self);

  g_return_val_if_fail (RIG_IS_INSPECTOR_PAGE (self), FALSE);
  g_return_val_if_fail (priv->history != NULL, FALSE);

  return rig_history_apply (priv->history, command, error);
}

void
rig_inspector_page_add_field (RigInspectorPage *self, RigFieldRow *row)
{
  g_return_if_fail (RIG_IS_INSPECTOR_PAGE (self));

  rig_field_row_set_page (row, self);
  g_ptr_array_add (PRIV (self)->fields, g_object_ref (row));
}

gboolean
rig_inspector_page_check_field (RigInspectorPage *self, RigFieldRow *row, const char *text,
                                double *value, char **text_out, GError **error)
{
  g_return_val_if_fail (RIG_IS_INSPECTOR_PAGE (self), FALSE);

  return RIG_INSPECTOR_PAGE_GET_CLASS (self)->check_field (self, row, text, value, text_out, error);
}

RigCommand *
rig_inspector_page_field_command (RigInspectorPage *self, RigFieldRow *row, double value,
                                  const char *text)
{
  g_return_val_if_fail (RIG_IS_INSPECTOR_PAGE (self), NULL);

  if (PRIV (self)->document == NULL)
    return NULL;
  return RIG_INSPECTOR_PAGE_GET_CLASS (self)->field_command (self, row, value, text);
}

void
rig_inspector_page_begin_update (RigInspectorPage *self)
{
  PRIV (self)->updating++;
}

void
rig_inspector_page_end_update (RigInspectorPage *self)
{
  g_return_if_fail (PRIV (self)->updating > 0);

  PRIV (self)->updating--;
}

gboolean
rig_inspector_page_is_updating (RigInspectorPage *self)
{
  return PRIV (self)->updating > 0;
}

static void
rig_inspector_page_dispose (GObject *object)
{
  RigInspectorPage *self = RIG_INSPECTOR_PAGE (object);
  GtkWidget *child;

  rig_inspector_page_detach (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rig_inspector_page_parent_class)->dispose (object);
}

static void
rig_inspector_page_finalize (GObject *object)
{
  RigInspectorPagePrivate *priv = PRIV (RIG_INSPECTOR_PAGE (object));

  g_ptr_array_unref (priv->fields);
  g_free (priv->object_id);

  G_OBJECT_CLASS (rig_inspector_page_parent_class)->finalize (object);
}

static void
rig_inspector_page_class_init (RigInspectorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rig_inspector_page_dispose;
  object_class->finalize = rig_inspector_page_finalize;

  /* A column of groups, styled and read as the vertical box it was. */
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
rig_inspector_page_init (RigInspectorPage *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  PRIV (self)->fields = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 18);
  gtk_widget_add_css_class (GTK_WIDGET (self), "rig-inspector-page");
}
