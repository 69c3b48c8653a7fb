/* fuzz-roundtrip.c: whatever loads must save, load again and save the same
 * bytes. The editor may only write what it can read back. */
#include "config.h"

#include "fuzz-common.h"
#include "rig-catalog.h"
#include "rig-format.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = fuzz_bytes (data, size);
  g_autoptr (RigDocument) first = NULL;
  g_autoptr (RigDocument) second = NULL;
  g_autoptr (GBytes) saved = NULL;
  g_autoptr (GBytes) saved_again = NULL;
  g_autoptr (GError) error = NULL;

  first = rig_format_load_bytes (bytes, "fuzz.rigwire", rig_catalog_get_default (), &error);
  if (first == NULL)
    return 0;
  saved = rig_format_save_bytes (first);
  second = rig_format_load_bytes (saved, "saved.rigwire", rig_catalog_get_default (), &error);
  if (second == NULL)
    g_error ("a loaded rig saved into a file that does not load: %s", error->message);
  saved_again = rig_format_save_bytes (second);
  g_assert (g_bytes_equal (saved, saved_again));
  return 0;
}
