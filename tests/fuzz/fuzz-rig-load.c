/* fuzz-rig-load.c: any bytes as a .rigwire file. Loading must refuse bad
 * input with an error, never crash, leak or hang. */
#include "config.h"

#include "fuzz-common.h"
#include "rig-catalog.h"
#include "rig-format.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = fuzz_bytes (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) document = NULL;

  document = rig_format_load_bytes (bytes, "fuzz.rigwire", rig_catalog_get_default (), &error);
  g_assert ((document == NULL) != (error == NULL));
  return 0;
}
