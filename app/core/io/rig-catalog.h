/* rig-catalog.h: the device catalog.
 *
 * The built-in models are XML files compiled into the core GResource under
 * /io/github/rigwire/Rigwire/devices/. Users add models as
 * $XDG_DATA_HOME/rigwire/devices/ (every .xml file), loaded after the built-in ones; a user
 * model with a built-in id replaces it. A broken user file is reported (file
 * name and line) and skipped, never fatal.
 *
 * Catalog files: <catalog xmlns="https://rigwire.github.io/ns/rigwire/1"> with
 * <model> children, the same <model> element a .rigwire file embeds (see
 * schemas/rigwire.rng).
 */
#pragma once

#include <gio/gio.h>

#include "rig-device-model.h"

G_BEGIN_DECLS

#define RIG_TYPE_CATALOG (rig_catalog_get_type ())
G_DECLARE_FINAL_TYPE (RigCatalog, rig_catalog, RIG, CATALOG, GObject)

RigCatalog *
rig_catalog_new (void);

/* The built-in models and the user's, loaded once, at the catalog's first
 * use (any of the functions below; safe from several threads); problems with
 * user files are logged with g_message() then and kept in
 * rig_catalog_get_problems(). Never NULL. */
RigCatalog *
rig_catalog_get_default (void);

gboolean
rig_catalog_load_builtin (RigCatalog *self, GError **error);
/* Loads one catalog file's models. On error nothing of that file is added. */
gboolean
rig_catalog_load_file (RigCatalog *self, GFile *file, GError **error);
gboolean
rig_catalog_load_bytes (RigCatalog *self, GBytes *bytes, const char *display_name, GError **error);
/* Every *.xml in @dir, in name order; a missing folder is not a problem. Each
 * broken file is recorded in the problems list and skipped. Returns how many
 * files failed. */
guint
rig_catalog_load_directory (RigCatalog *self, GFile *dir);

/* GErrors for the user files that failed to load (borrowed). */
GPtrArray *
rig_catalog_get_problems (RigCatalog *self);

/* Adds (or replaces by id) one model. */
void
rig_catalog_add (RigCatalog *self, RigDeviceModel *model);

RigDeviceModel *
rig_catalog_lookup (RigCatalog *self, const char *id); /* borrowed, or NULL */
guint
rig_catalog_get_n_models (RigCatalog *self);
RigDeviceModel *
rig_catalog_get_model (RigCatalog *self, guint index); /* load order */

G_END_DECLS
