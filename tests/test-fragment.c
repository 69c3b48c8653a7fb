/* test-fragment.c: copy, paste and duplicate through .rigwire fragments. */
#include "config.h"

#include "rig-error.h"
#include "rig-format.h"
#include "rig-fragment.h"
#include "rig-history.h"
#include "rig-test-models.h"

static RigDocument *
load_home_theater (void)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  RigDocument *document;

  bytes = g_resources_lookup_data ("/io/github/rigwire/Rigwire/examples/home-theater.rigwire",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  document = rig_format_load_bytes (bytes, "home-theater.rigwire", NULL, &error);
  g_assert_no_error (error);
  return document;
}

/* Receiver (d2) and front left speaker (d3): the speaker cable between them
 * comes along; the TV (d1) and its optical cable stay behind. */
static void
test_copy (void)
{
  g_autoptr (RigDocument) document = load_home_theater ();
  const char *ids[] = { "d3", "d2", "nonexistent", NULL };
  g_autoptr (GBytes) bytes = rig_fragment_copy (document, ids);
  g_autoptr (RigDocument) fragment = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (bytes);
  fragment = rig_format_load_bytes (bytes, "fragment", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rig_document_get_n_devices (fragment), ==, 2);
  /* Document order, not selection order. */
  g_assert_cmpstr (rig_document_get_device (fragment, 0)->id, ==, "d2");
  g_assert_cmpuint (rig_document_get_n_cables (fragment), ==, 1);
  g_assert_cmpstr (rig_document_get_cable (fragment, 0)->number, ==, "S-001");

  {
    const char *none[] = { "nonexistent", NULL };
    g_assert_null (rig_fragment_copy (document, none));
  }
}

static void
test_paste (void)
{
  g_autoptr (RigDocument) document = load_home_theater ();
  RigHistory *history = rig_test_history (document);
  const char *ids[] = { "d2", "d3", NULL };
  g_autoptr (GBytes) bytes = rig_fragment_copy (document, ids);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) new_ids = NULL;
  RigCommand *command;
  RigDevice *pasted_amp, *pasted_speaker;
  GPtrArray *cables;
  RigCable *cable;

  command = rig_fragment_paste_command (document, bytes, 20, 30, &new_ids, &error);
  g_assert_no_error (error);
  g_assert_nonnull (command);
  g_assert_cmpuint (g_strv_length (new_ids), ==, 2);
  g_assert_true (rig_history_apply (history, command, &error));
  g_assert_no_error (error);

  /* The home theater's 10 devices and 8 cables, its subwoofer's power strip
   * and wall outlet (2 devices, 2 cables), and the 2 pasted devices. */
  g_assert_cmpuint (rig_document_get_n_devices (document), ==, 12);
  g_assert_cmpuint (rig_document_get_n_cables (document), ==, 10);
  pasted_amp = rig_document_find_device (document, new_ids[0]);
  pasted_speaker = rig_document_find_device (document, new_ids[1]);
  g_assert_nonnull (pasted_amp);
  g_assert_nonnull (pasted_speaker);
  g_assert_cmpstr (pasted_amp->model->id, ==, "av-receiver");
  g_assert_cmpfloat (pasted_amp->x, ==, rig_document_find_device (document, "d2")->x + 20);
  g_assert_cmpfloat (pasted_amp->y, ==, rig_document_find_device (document, "d2")->y + 30);

  /* The pasted cable joins the pasted devices, with a fresh number. */
  cables = rig_document_get_device_cables (document, pasted_speaker->id);
  g_assert_cmpuint (cables->len, ==, 1);
  cable = g_ptr_array_index (cables, 0);
  g_assert_cmpstr (cable->device[RIG_END_FROM], ==, pasted_amp->id);
  g_assert_cmpstr (cable->jack[RIG_END_FROM], ==, "spk-fl");
  g_assert_cmpstr (cable->number, ==, "S-006");

  /* One undo step. */
  g_assert_cmpstr (rig_history_get_undo_label (history), ==, "Paste Devices");
  g_assert_true (rig_history_undo (history));
  g_assert_cmpuint (rig_document_get_n_devices (document), ==, 10);
  g_assert_cmpuint (rig_document_get_n_cables (document), ==, 9);
  g_assert_true (rig_history_redo (history));
  g_assert_nonnull (rig_document_find_device (document, new_ids[1]));
}

static void
test_paste_garbage (void)
{
  g_autoptr (RigDocument) document = load_home_theater ();
  g_autoptr (GBytes) bytes = g_bytes_new_static ("hello", 5);
  g_autoptr (GBytes) empty_rig = NULL;
  g_autoptr (RigDocument) empty = rig_document_new ();
  g_autoptr (GError) error = NULL;

  g_assert_null (rig_fragment_paste_command (document, bytes, 0, 0, NULL, &error));
  g_assert_error (error, RIG_ERROR, RIG_ERROR_NOT_XML);
  g_clear_error (&error);

  empty_rig = rig_format_save_bytes (empty);
  g_assert_null (rig_fragment_paste_command (document, empty_rig, 0, 0, NULL, &error));
  g_assert_error (error, RIG_ERROR, RIG_ERROR_INVALID);
  g_assert_cmpuint (rig_document_get_n_devices (document), ==, 10);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fragment/copy", test_copy);
  g_test_add_func ("/fragment/paste", test_paste);
  g_test_add_func ("/fragment/paste-garbage", test_paste_garbage);

  return g_test_run ();
}
