/* rig-nick.c: a GEnum value and its nick. */
#include "config.h"

#include "rig-nick.h"

const char *
rig_nick_from_value (GType type, int value, const char *fallback)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (type);
  const GEnumValue *v = g_enum_get_value (klass, value);

  /* The nicks of a static enum type live as long as the program. */
  return v != NULL ? v->value_nick : fallback;
}

int
rig_nick_to_value (GType type, const char *nick)
{
  g_autoptr (GEnumClass) klass = NULL;

  if (nick == NULL)
    return -1;
  klass = g_type_class_ref (type);
  for (guint i = 0; i < klass->n_values; i++)
    if (g_ascii_strcasecmp (nick, klass->values[i].value_nick) == 0)
      return klass->values[i].value;
  return -1;
}
