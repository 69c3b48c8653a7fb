/* rig-rule-i18n.c: the translations of the rules' texts, looked up once per
 * check (rig-rule-i18n.h). */
#include "config.h"

#include "rig-rule-i18n.h"

/* msgid -> its translation, both borrowed (a translation lives as long as
 * its catalog), while the thread judges a region. */
static _Thread_local GHashTable *memo;
static _Thread_local guint depth;

const char *
rig_rule_gettext (const char *msgid)
{
  const char *text;

  if (memo == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  text = g_hash_table_lookup (memo, msgid);
  if (text == NULL)
    {
      text = g_dgettext (GETTEXT_PACKAGE, msgid);
      g_hash_table_insert (memo, (gpointer) msgid, (gpointer) text);
    }
  return text;
}

void
_rig_rule_gettext_begin (void)
{
  if (depth++ == 0)
    memo = g_hash_table_new (NULL, NULL);
}

void
_rig_rule_gettext_end (void)
{
  g_return_if_fail (depth > 0);
  if (--depth == 0)
    g_clear_pointer (&memo, g_hash_table_unref);
}
