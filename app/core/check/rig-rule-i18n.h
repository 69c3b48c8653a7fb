/* rig-rule-i18n.h: the translations of the rules' texts, looked up once per
 * check. For the rules and their texts (rig-rule-texts.c), instead of
 * <glib/gi18n.h>.
 *
 * A big rig's diagnostics repeat a few hundred patterns thousands of times,
 * and each gettext() call searches the message catalogs again (about 1,600
 * instructions, more than formatting the text). While a region is judged
 * (rig_region_judge()), _() keeps what gettext() answered for each msgid in
 * a table of the judging thread; outside a judgement it is gettext(). The
 * locale does not change during a judgement, so the texts are the same.
 */
#pragma once

#include <glib/gi18n.h>

G_BEGIN_DECLS

/* g_dgettext (GETTEXT_PACKAGE, @msgid), as <glib/gi18n.h>'s _() asks,
 * remembered until the judgement ends. */
const char *
rig_rule_gettext (const char *msgid) G_GNUC_FORMAT (1);

/* A judgement begins and ends; they nest. */
void
_rig_rule_gettext_begin (void);
void
_rig_rule_gettext_end (void);

#undef _
#define _(String) rig_rule_gettext (String)

G_END_DECLS
