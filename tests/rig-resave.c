/* rig-resave.c: a developer tool, not a test. Rewrites .rigwire files in the
 * canonical form Rigwire saves (models embedded, fixed order and numbers), so
 * hand-written example rigs round-trip byte for byte:
 *
 *   _build/tests/rig-resave resources/examples/NAME.rigwire...
 */
#include "config.h"

#include <stdio.h>

#include "rig-catalog.h"
#include "rig-format.h"

int
main (int argc, char *argv[])
{
  int status = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr (RigDocument) document = NULL;
      g_autoptr (GError) error = NULL;

      document = rig_format_load_file (file, rig_catalog_get_default (), &error);
      if (document == NULL || !rig_format_save_file (document, file, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          status = 1;
        }
    }
  return status;
}
