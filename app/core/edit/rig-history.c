/* rig-history.c: undo and redo.
 *
 * Two stacks of applied commands. The document's state is named by its
 * position: the number of steps on the undo stack. The save point is the
 * position that was saved, or -1 once that state cannot come back (it was on
 * a redo stack that an apply dropped, or the steps were cleared away). The
 * history holds its document through a weak reference: whoever edits a
 * document (the window, the command line, a test) makes its history and keeps
 * both. A GWeakRef, not a weak pointer: the window lets go of a rig on another
 * thread (rig-drop.h), and a history still held meanwhile must see it there or
 * gone, never half freed.
 */
#include "config.h"

#include "rig-command-private.h"
#include "rig-document-private.h"
#include "rig-error.h"
#include "rig-history.h"

struct _RigHistory
{
  GObject parent_instance;

  GWeakRef document;

  GPtrArray *undo_stack; /* RigCommand*, owned; top last */
  GPtrArray *redo_stack; /* RigCommand*, owned; top last */

  gint64 save_point; /* a position (undo_stack->len), or -1: unreachable */
  gboolean sealed;   /* the next move starts a new step */

  /* What was last notified, to notify only on change. */
  gboolean can_undo;
  gboolean can_redo;
  gboolean modified;
  char *undo_label;
  char *redo_label;
};

G_DEFINE_FINAL_TYPE (RigHistory, rig_history, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static RigCommand *
stack_top (GPtrArray *stack)
{
  return stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;
}

static gint64
position (RigHistory *self)
{
  return self->undo_stack->len;
}

/* Notifies each property whose value differs from what was last notified. */
static void
update_state (RigHistory *self)
{
  gboolean can_undo = rig_history_can_undo (self);
  gboolean can_redo = rig_history_can_redo (self);
  gboolean modified = rig_history_is_modified (self);
  const char *undo_label = rig_history_get_undo_label (self);
  const char *redo_label = rig_history_get_redo_label (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  if (g_strcmp0 (undo_label, self->undo_label) != 0)
    {
      g_free (self->undo_label);
      self->undo_label = g_strdup (undo_label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
    }
  if (g_strcmp0 (redo_label, self->redo_label) != 0)
    {
      g_free (self->redo_label);
      self->redo_label = g_strdup (redo_label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
    }
  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* Forgets the redo stack; a save point on it can no longer be reached. */
static void
drop_redo (RigHistory *self)
{
  if (self->redo_stack->len == 0)
    return;
  if (self->save_point > position (self))
    self->save_point = -1;
  g_ptr_array_set_size (self->redo_stack, 0);
}

static void
rig_history_finalize (GObject *object)
{
  RigHistory *self = RIG_HISTORY (object);

  g_weak_ref_clear (&self->document);
  g_ptr_array_unref (self->redo_stack);
  g_ptr_array_unref (self->undo_stack);
  g_free (self->undo_label);
  g_free (self->redo_label);

  G_OBJECT_CLASS (rig_history_parent_class)->finalize (object);
}

static void
rig_history_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RigHistory *self = RIG_HISTORY (object);

  switch (prop_id)
    {
      case PROP_CAN_UNDO:
        g_value_set_boolean (value, rig_history_can_undo (self));
        break;
      case PROP_CAN_REDO:
        g_value_set_boolean (value, rig_history_can_redo (self));
        break;
      case PROP_UNDO_LABEL:
        g_value_set_string (value, rig_history_get_undo_label (self));
        break;
      case PROP_REDO_LABEL:
        g_value_set_string (value, rig_history_get_redo_label (self));
        break;
      case PROP_MODIFIED:
        g_value_set_boolean (value, rig_history_is_modified (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rig_history_class_init (RigHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = rig_history_finalize;
  object_class->get_property = rig_history_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, flags);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, flags);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rig_history_init (RigHistory *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) rig_command_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) rig_command_free);
  self->save_point = 0;
  self->sealed = TRUE;
}

RigHistory *
rig_history_new (RigDocument *document)
{
  RigHistory *self;

  g_return_val_if_fail (RIG_IS_DOCUMENT (document), NULL);

  self = g_object_new (RIG_TYPE_HISTORY, NULL);
  g_weak_ref_init (&self->document, document);
  return self;
}

RigDocument *
rig_history_get_document (RigHistory *self)
{
  RigDocument *document;

  g_return_val_if_fail (RIG_IS_HISTORY (self), NULL);
  /* Borrowed: whoever asks holds the document too, or it is gone. */
  document = g_weak_ref_get (&self->document);
  if (document != NULL)
    g_object_unref (document);
  return document;
}

gboolean
rig_history_apply (RigHistory *self, RigCommand *command, GError **error)
{
  g_autoptr (RigChange) change = NULL;
  g_autoptr (RigDocument) document = NULL;
  RigCommand *top;

  g_return_val_if_fail (RIG_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (command != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  document = g_weak_ref_get (&self->document);
  if (document == NULL)
    {
      rig_command_free (command);
      g_set_error_literal (error, RIG_ERROR, RIG_ERROR_FAILED, "The document is gone.");
      return FALSE;
    }

  change = rig_change_new ();
  if (!_rig_command_apply (command, document, change, error))
    {
      rig_command_free (command);
      return FALSE;
    }

  drop_redo (self);

  /* A drag is one step, but a step is never stretched past the save point:
   * the saved state must stay reachable by undo. */
  top = stack_top (self->undo_stack);
  if (!self->sealed && top != NULL && self->save_point != position (self)
      && _rig_command_merge (top, command))
    rig_command_free (command);
  else
    g_ptr_array_add (self->undo_stack, command);
  self->sealed = FALSE;

  _rig_document_emit_changed (document, change);
  update_state (self);
  return TRUE;
}

gboolean
rig_history_can_undo (RigHistory *self)
{
  g_return_val_if_fail (RIG_IS_HISTORY (self), FALSE);
  return self->undo_stack->len > 0;
}

gboolean
rig_history_can_redo (RigHistory *self)
{
  g_return_val_if_fail (RIG_IS_HISTORY (self), FALSE);
  return self->redo_stack->len > 0;
}

const char *
rig_history_get_undo_label (RigHistory *self)
{
  RigCommand *top;

  g_return_val_if_fail (RIG_IS_HISTORY (self), NULL);
  top = stack_top (self->undo_stack);
  return top != NULL ? rig_command_get_label (top) : NULL;
}

const char *
rig_history_get_redo_label (RigHistory *self)
{
  RigCommand *top;

  g_return_val_if_fail (RIG_IS_HISTORY (self), NULL);
  top = stack_top (self->redo_stack);
  return top != NULL ? rig_command_get_label (top) : NULL;
}

gboolean
rig_history_undo (RigHistory *self)
{
  g_autoptr (RigChange) change = NULL;
  g_autoptr (RigDocument) document = NULL;
  RigCommand *command;

  g_return_val_if_fail (RIG_IS_HISTORY (self), FALSE);

  if (self->undo_stack->len == 0 || (document = g_weak_ref_get (&self->document)) == NULL)
    return FALSE;

  command = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  change = rig_change_new ();
  _rig_command_revert (command, document, change);
  g_ptr_array_add (self->redo_stack, command);
  self->sealed = TRUE;

  _rig_document_emit_changed (document, change);
  update_state (self);
  return TRUE;
}

gboolean
rig_history_redo (RigHistory *self)
{
  g_autoptr (RigChange) change = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) document = NULL;
  RigCommand *command;

  g_return_val_if_fail (RIG_IS_HISTORY (self), FALSE);

  if (self->redo_stack->len == 0 || (document = g_weak_ref_get (&self->document)) == NULL)
    return FALSE;

  command = stack_top (self->redo_stack);
  change = rig_change_new ();
  if (!_rig_command_apply (command, document, change, &error))
    {
      /* Cannot happen while every change goes through the history: the
       * document is exactly as this command left it before its undo. */
      g_critical ("Cannot redo “%s”: %s", rig_command_get_label (command), error->message);
      drop_redo (self);
      update_state (self);
      return FALSE;
    }
  g_ptr_array_add (self->undo_stack,
                   g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1));
  self->sealed = TRUE;

  _rig_document_emit_changed (document, change);
  update_state (self);
  return TRUE;
}

void
rig_history_seal (RigHistory *self)
{
  g_return_if_fail (RIG_IS_HISTORY (self));
  self->sealed = TRUE;
}

void
rig_history_set_save_point (RigHistory *self)
{
  g_return_if_fail (RIG_IS_HISTORY (self));

  self->save_point = position (self);
  update_state (self);
}

void
rig_history_forget_save_point (RigHistory *self)
{
  g_return_if_fail (RIG_IS_HISTORY (self));

  self->save_point = -1;
  update_state (self);
}

gboolean
rig_history_is_modified (RigHistory *self)
{
  g_return_val_if_fail (RIG_IS_HISTORY (self), FALSE);
  return self->save_point != position (self);
}

void
rig_history_clear (RigHistory *self)
{
  gboolean modified;

  g_return_if_fail (RIG_IS_HISTORY (self));

  /* The document stays as it is, and so does whether it is modified. */
  modified = rig_history_is_modified (self);
  g_ptr_array_set_size (self->redo_stack, 0);
  g_ptr_array_set_size (self->undo_stack, 0);
  self->save_point = modified ? -1 : 0;
  self->sealed = TRUE;
  update_state (self);
}
