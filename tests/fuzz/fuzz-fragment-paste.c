/* fuzz-fragment-paste.c: any bytes pasted into an example rig. A paste is
 * refused with an error or applied as one undo step; undoing it gives the
 * rig back exactly. */
#include "config.h"

#include "fuzz-common.h"
#include "rig-catalog.h"
#include "rig-format.h"
#include "rig-fragment.h"
#include "rig-history.h"

static RigDocument *
load_example (void);

/* Loaded once; each input pastes into a copy. */
static RigDocument *
example (void)
{
  static RigDocument *document;

  if (document == NULL)
    document = load_example ();
  return document;
}

static GBytes *
example_bytes (void)
{
  static GBytes *bytes;

  if (bytes == NULL)
    bytes = rig_format_save_bytes (example ());
  return bytes;
}

static RigDocument *
load_example (void)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  RigDocument *document;

  bytes = g_resources_lookup_data ("/io/github/rigwire/Rigwire/examples/home-studio.rigwire",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  document
      = rig_format_load_bytes (bytes, "home-studio.rigwire", rig_catalog_get_default (), &error);
  g_assert_no_error (error);
  return document;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (RigDocument) document = rig_document_copy (example ());
  g_autoptr (RigHistory) history = rig_history_new (document);
  g_autoptr (GBytes) bytes = fuzz_bytes (data, size);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) ids = NULL;
  RigCommand *command;

  command = rig_fragment_paste_command (document, bytes, 24, 24, &ids, &error);
  if (command == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }
  if (rig_history_apply (history, command, &error))
    {
      g_autoptr (GBytes) after = NULL;

      g_assert (rig_history_undo (history));
      after = rig_format_save_bytes (document);
      g_assert (g_bytes_equal (example_bytes (), after));
    }
  return 0;
}
