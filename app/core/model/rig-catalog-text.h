/* rig-catalog-text.h: the catalog's and the examples' texts in the user's
 * language.
 *
 * Model names, descriptions, keywords and jack names, and the titles and
 * notes of the examples, are written in English in the catalog XML and the
 * example rigs; po/its/ extracts them into the POT. Files keep these source
 * strings (a saved rig reads the same in every language), and what users read
 * goes through rig_catalog_text() at display.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @source translated in the application's text domain; @source itself (the
 * same pointer) when it has no translation, is NULL or is "" (the empty
 * string would otherwise fetch the catalog's header). */
const char *
rig_catalog_text (const char *source);

G_END_DECLS
