/* rig-recent.h: the rigs opened lately, as the desktop knows them.
 *
 * Recent rigs live in GTK's recent manager (the desktop's recently-used
 * list, which file choosers and shells show too), not in our own settings.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RIG_RECENT_MAX 10
#define RIG_MIME_TYPE "application/x-rigwire+xml"

/* Records that @file was opened or saved. */
void
rig_recent_add (GFile *file);

/* The URIs of the rigs opened most recently that still exist, newest
 * first, at most @max. Free with g_strfreev(). */
GStrv
rig_recent_dup_uris (guint max);

/* Carries a list kept by older versions in GSettings ("recent-files") over
 * to the recent manager, once. */
void
rig_recent_migrate_settings (GSettings *settings);

G_END_DECLS
