/* rig-colors.h: the canvas's colours in the desktop's styles.
 *
 * The painter draws with light-style colours (rig-painter.h); the dark
 * style and high contrast map them here: the greys turned around or pushed
 * to black and white, status colours lightened on dark to keep their
 * contrast. Sheets never map: paper stays light.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @rgb (a light-style colour) as the @dark and @high_contrast style draws it. */
guint32
rig_colors_for_style (guint32 rgb, gboolean dark, gboolean high_contrast);

G_END_DECLS
