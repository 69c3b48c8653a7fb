/* rig-control.c: gain controls of device models. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rig-catalog-text.h"
#include "rig-control.h"
#include "rig-error.h"

static const char *const kind_nicks[RIG_N_CONTROL_KINDS] = { "volume", "gain", "pad" };

const char *
rig_control_kind_to_nick (RigControlKind kind)
{
  return (guint) kind < RIG_N_CONTROL_KINDS ? kind_nicks[kind] : NULL;
}

int
rig_control_kind_from_nick (const char *nick)
{
  for (guint i = 0; i < RIG_N_CONTROL_KINDS; i++)
    if (g_strcmp0 (nick, kind_nicks[i]) == 0)
      return (int) i;
  return -1;
}

void
rig_control_copy (RigControl *dest, const RigControl *src)
{
  *dest = *src;
  dest->id = g_strdup (src->id);
  dest->name = g_strdup (src->name);
}

void
rig_control_clear (RigControl *control)
{
  g_clear_pointer (&control->id, g_free);
  g_clear_pointer (&control->name, g_free);
}

gboolean
rig_control_equal (const RigControl *a, const RigControl *b)
{
  return g_strcmp0 (a->id, b->id) == 0 && g_strcmp0 (a->name, b->name) == 0 && a->kind == b->kind
         && a->min_db == b->min_db && a->max_db == b->max_db && a->default_db == b->default_db;
}

const char *
rig_control_get_display_name (const RigControl *control)
{
  if (control->name == NULL || *control->name == '\0')
    return control->id;
  return rig_catalog_text (control->name);
}

gboolean
rig_control_accepts (const RigControl *control, double setting_db)
{
  if (isnan (setting_db))
    return TRUE;
  if (control->kind == RIG_CONTROL_PAD)
    return setting_db == control->min_db || setting_db == control->max_db;
  return setting_db >= control->min_db && setting_db <= control->max_db;
}

static gboolean
in_range (double db)
{
  return isfinite (db) && db >= RIG_CONTROL_MIN_DB && db <= RIG_CONTROL_MAX_DB;
}

gboolean
rig_control_validate (const RigControl *control, GError **error)
{
  const char *id = control->id ? control->id : "?";

  if (control->id == NULL || *control->id == '\0')
    {
      g_set_error_literal (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("A control has no id."));
      return FALSE;
    }
  if ((guint) control->kind >= RIG_N_CONTROL_KINDS)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("Control “%s” has an unknown kind."),
                   id);
      return FALSE;
    }
  if (!in_range (control->min_db) || !in_range (control->max_db) || !in_range (control->default_db)
      || control->min_db > control->max_db || !rig_control_accepts (control, control->default_db))
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                   _ ("Control “%s” needs a range between −120 and 120 dB, lowest first, and a "
                      "default setting within it."),
                   id);
      return FALSE;
    }
  return TRUE;
}
