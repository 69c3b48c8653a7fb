/* rig-catalog-text.c: the catalog's and the examples' texts in the user's
 * language. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "rig-catalog-text.h"

const char *
rig_catalog_text (const char *source)
{
  if (source == NULL || *source == '\0')
    return source;
  return g_dgettext (GETTEXT_PACKAGE, source);
}
