/* test-validator-scale.c: a big rig gets the verdicts its parts get alone.
 *
 * The validator checks a whole rig in batches of connected components
 * (about 4,096 jacks each), and the level rules walk the signal paths of a
 * batch. Whatever the batching, a station of a big rig must get exactly the
 * verdicts it gets as a rig of its own: the same problems, in the same
 * words, on the same devices. Proved on a rig of 6,000 devices (several
 * batches) against each of its 600 stations alone.
 */
#include "config.h"

#include <string.h>

#include "rig-test-models.h"
#include "rig-validator.h"

#define N_STATIONS 600
#define STATION 10

/* The verdicts about one station's devices and cables, as text without
 * ids: "severity code: message | why | hear | fix", with cable numbers
 * ("A-017", which differ from rig to rig) as "#". */
static GPtrArray *
station_verdicts (GPtrArray *diags, RigDocument *doc, guint first_device)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GRegex) number = g_regex_new ("\\b[A-Z]-[0-9]{3,}\\b", 0, 0, NULL);
  g_autoptr (GHashTable) mine = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < STATION; i++)
    g_hash_table_add (mine, rig_document_get_device (doc, first_device + i)->id);
  for (guint i = 0; i < diags->len; i++)
    {
      RigDiagnostic *d = g_ptr_array_index (diags, i);
      gboolean concerns = FALSE;

      for (guint k = 0; d->devices[k] != NULL && !concerns; k++)
        concerns = g_hash_table_contains (mine, d->devices[k]);
      if (concerns)
        {
          g_autofree char *text = g_strdup_printf ("%d %s: %s | %s | %s | %s", d->severity, d->code,
                                                   d->message, d->why ? d->why : "",
                                                   d->hear ? d->hear : "", d->fix ? d->fix : "");

          g_ptr_array_add (out, g_regex_replace_literal (number, text, -1, 0, "#", 0, NULL));
        }
    }
  return out;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static void
test_big_rig_judged_as_its_parts (void)
{
  g_autoptr (RigDocument) big = rig_document_new ();
  g_autoptr (GPtrArray) all = NULL;
  guint with_problems = 0;

  for (guint s = 0; s < N_STATIONS; s++)
    rig_test_add_studio_station (big, s);
  g_assert_cmpuint (rig_document_get_n_devices (big), ==, N_STATIONS * STATION);
  all = rig_validator_check_full (big);

  for (guint s = 0; s < N_STATIONS; s++)
    {
      g_autoptr (RigDocument) alone = rig_document_new ();
      g_autoptr (GPtrArray) diags = NULL;
      g_autoptr (GPtrArray) expected = NULL;
      g_autoptr (GPtrArray) got = NULL;

      rig_test_add_studio_station (alone, s);
      diags = rig_validator_check_full (alone);
      expected = station_verdicts (diags, alone, 0);
      got = station_verdicts (all, big, s * STATION);
      g_ptr_array_sort (expected, compare_strings);
      g_ptr_array_sort (got, compare_strings);
      if (got->len != expected->len)
        g_test_message ("station %u: %u verdicts in the big rig, %u alone", s, got->len,
                        expected->len);
      g_assert_cmpuint (got->len, ==, expected->len);
      for (guint i = 0; i < got->len; i++)
        g_assert_cmpstr (g_ptr_array_index (got, i), ==, g_ptr_array_index (expected, i));
      with_problems += expected->len > 0;
    }
  /* The stations' deliberate mistakes are found: the comparison is not
   * between two empty lists. */
  g_assert_cmpuint (with_problems, >=, N_STATIONS / 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/validator-scale/big-rig-judged-as-its-parts",
                   test_big_rig_judged_as_its_parts);
  return g_test_run ();
}
