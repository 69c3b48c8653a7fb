/* fuzz-catalog-load.c: any bytes as a user's catalog file. A broken file is
 * refused with an error; the catalog stays usable. */
#include "config.h"

#include "fuzz-common.h"
#include "rig-catalog.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = fuzz_bytes (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (RigCatalog) catalog = rig_catalog_new ();
  gboolean loaded;

  loaded = rig_catalog_load_bytes (catalog, bytes, "fuzz.xml", &error);
  g_assert (loaded == (error == NULL));
  for (guint i = 0; i < rig_catalog_get_n_models (catalog); i++)
    g_assert (rig_catalog_get_model (catalog, i) != NULL);
  return 0;
}
