/* rig-command-group.c: moves (consecutive ones merge into one undo step) and
 * groups of commands applied as one step. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "rig-command-class.h"
#include "rig-command-private.h"
#include "rig-document-private.h"
#include "rig-document-rules.h"
#include "rig-error.h"

/* ---- move devices ------------------------------------------------- */

typedef struct
{
  double old_x, old_y;
  double new_x, new_y;
} Positions;

typedef struct
{
  RigCommand parent;
  GStrv ids; /* sorted: the same set gives the same array */
  double dx, dy;
  Positions *positions; /* per id, from the first apply (so redo is exact) */
} MoveDevices;

static gboolean
move_devices_apply (RigCommand *command, RigDocument *document, RigChange *change, GError **error)
{
  MoveDevices *self = (MoveDevices *) command;
  guint n = g_strv_length (self->ids);

  for (guint i = 0; i < n; i++)
    if (rig_document_find_device (document, self->ids[i]) == NULL)
      return _rig_command_device_not_found (error, self->ids[i]);
  if (!_rig_command_check_devices_unlocked (document, (const char *const *) self->ids, error))
    return FALSE;

  if (self->positions == NULL)
    {
      g_autofree Positions *positions = g_new (Positions, n);

      for (guint i = 0; i < n; i++)
        {
          RigDevice *device = rig_document_find_device (document, self->ids[i]);
          positions[i].old_x = device->x;
          positions[i].old_y = device->y;
          positions[i].new_x = device->x + self->dx;
          positions[i].new_y = device->y + self->dy;
          /* Nothing moves off the canvas (rig-document-rules.h). */
          if (!rig_position_check (positions[i].new_x, positions[i].new_y, error))
            return FALSE;
        }
      self->positions = g_steal_pointer (&positions);
    }

  for (guint i = 0; i < n; i++)
    _rig_document_move_device (document, rig_document_find_device (document, self->ids[i]),
                               self->positions[i].new_x, self->positions[i].new_y, change);
  return TRUE;
}

static void
move_devices_revert (RigCommand *command, RigDocument *document, RigChange *change)
{
  MoveDevices *self = (MoveDevices *) command;

  for (guint i = 0; self->ids[i] != NULL; i++)
    _rig_document_move_device (document, rig_document_find_device (document, self->ids[i]),
                               self->positions[i].old_x, self->positions[i].old_y, change);
}

static gboolean
move_devices_merge (RigCommand *command, RigCommand *next_command)
{
  MoveDevices *self = (MoveDevices *) command;
  MoveDevices *next = (MoveDevices *) next_command;
  guint n = g_strv_length (self->ids);

  if (self->positions == NULL || next->positions == NULL
      || !g_strv_equal ((const char *const *) self->ids, (const char *const *) next->ids))
    return FALSE;

  self->dx += next->dx;
  self->dy += next->dy;
  for (guint i = 0; i < n; i++)
    {
      self->positions[i].new_x = next->positions[i].new_x;
      self->positions[i].new_y = next->positions[i].new_y;
    }
  return TRUE;
}

static void
move_devices_free (RigCommand *command)
{
  MoveDevices *self = (MoveDevices *) command;

  g_strfreev (self->ids);
  g_free (self->positions);
}

static char *
move_devices_label (RigCommand *command, RigDocument *document)
{
  MoveDevices *self = (MoveDevices *) command;
  guint n = g_strv_length (self->ids);

  if (n == 1)
    /* Translators: an undo label; %s is a device name. */
    return g_strdup_printf (_ ("Move %s"), _rig_command_device_name (document, self->ids[0]));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Move %u Device", "Move %u Devices", n), n);
}

static const RigCommandClass move_devices_class = {
  "move-devices",     move_devices_apply, move_devices_revert,
  move_devices_merge, move_devices_free,  move_devices_label,
};

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

RigCommand *
rig_command_move_devices (const char *const *device_ids, double dx, double dy)
{
  MoveDevices *self = _rig_command_alloc (&move_devices_class, sizeof *self);

  self->ids = _rig_command_unique_ids (device_ids);
  qsort (self->ids, g_strv_length (self->ids), sizeof (char *), compare_strings);
  self->dx = dx;
  self->dy = dy;
  return _rig_command_init_label (&self->parent);
}

/* ---- group -------------------------------------------------------- */

typedef struct
{
  RigCommand parent;
  char *label; /* NULL: the only child's, or a generic one */
  RigCommand **children;
  guint n_children;
} Group;

static gboolean
group_apply (RigCommand *command, RigDocument *document, RigChange *change, GError **error)
{
  Group *self = (Group *) command;

  for (guint i = 0; i < self->n_children; i++)
    if (!_rig_command_apply (self->children[i], document, change, error))
      {
        /* Roll back what was applied: the document is as before. The caller
         * throws @change away. */
        for (guint j = i; j > 0; j--)
          _rig_command_revert (self->children[j - 1], document, NULL);
        return FALSE;
      }
  return TRUE;
}

static void
group_revert (RigCommand *command, RigDocument *document, RigChange *change)
{
  Group *self = (Group *) command;

  for (guint i = self->n_children; i > 0; i--)
    _rig_command_revert (self->children[i - 1], document, change);
}

static void
group_free (RigCommand *command)
{
  Group *self = (Group *) command;

  for (guint i = 0; i < self->n_children; i++)
    rig_command_free (self->children[i]);
  g_free (self->children);
  g_free (self->label);
}

static char *
group_label (RigCommand *command, RigDocument *document)
{
  Group *self = (Group *) command;

  if (self->label != NULL)
    return g_strdup (self->label);
  if (self->n_children == 1)
    return self->children[0]->klass->label (self->children[0], document);
  return g_strdup (_ ("Edit"));
}

static const RigCommandClass group_class = {
  "group", group_apply, group_revert, NULL, group_free, group_label,
};

RigCommand *
rig_command_group (const char *label, RigCommand **commands, guint n_commands)
{
  Group *self;

  g_return_val_if_fail (commands != NULL || n_commands == 0, NULL);

  self = _rig_command_alloc (&group_class, sizeof *self);
  self->label = g_strdup (label);
  self->children = g_new0 (RigCommand *, MAX (n_commands, 1));
  for (guint i = 0; i < n_commands; i++)
    if (commands[i] != NULL)
      self->children[self->n_children++] = commands[i];
  return _rig_command_init_label (&self->parent);
}
