/* test-rules.c: every rule code has a rig that raises it and a near miss (the
 * same rig with the fix applied) that must not, asserted by code and by the
 * id of the object concerned.
 *
 * Each case builds its rig through edit commands. With @fixed FALSE it must
 * raise the case's code on the returned object id, with the case's severity;
 * with @fixed TRUE, no diagnostic with that code may appear at all.
 *
 * The rigs are in rig-test-rigs.c, shared with test-rule-conformance.c.
 *
 * RIG_TEST_DUMP=1 prints every rig's diagnostics, to read the texts.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rig-test-rigs.h"

typedef RigTestRuleCase Case;

static void
run_case (gconstpointer data)
{
  const Case *c = data;

  for (int fixed = 0; fixed < 2; fixed++)
    {
      g_autoptr (RigDocument) doc = rig_document_new ();
      g_autoptr (RigValidator) validator = NULL;
      g_autoptr (GPtrArray) diags = NULL;
      g_autoptr (GPtrArray) live = NULL;
      const char *object = c->build (doc, fixed);
      gboolean ok;

      diags = rig_test_check (doc);
      if (g_getenv ("RIG_TEST_DUMP") != NULL)
        {
          g_printerr ("==== %s (%s)\n", c->path, fixed ? "near miss" : "raise");
          rig_test_dump (diags);
        }
      if (!fixed)
        {
          const RigDiagnostic *found = NULL;
          g_assert_nonnull (object);
          ok = rig_test_has (diags, c->code, object);
          for (guint i = 0; ok && i < diags->len; i++)
            {
              const RigDiagnostic *d = g_ptr_array_index (diags, i);
              if (g_str_equal (d->code, c->code) && found == NULL)
                found = d;
            }
          if (!ok || found->severity != c->severity)
            {
              g_printerr ("%s: expected %s on %s\n", c->path, c->code, object);
              rig_test_dump (diags);
            }
          g_assert_true (ok);
          g_assert_cmpstr (rig_severity_to_nick (found->severity), ==,
                           rig_severity_to_nick (c->severity));
          /* Every diagnostic speaks to a learner. */
          for (guint i = 0; i < diags->len; i++)
            {
              const RigDiagnostic *d = g_ptr_array_index (diags, i);
              g_assert_nonnull (rig_rules_find (d->code));
              g_assert_cmpstr (d->message, !=, "");
              g_assert_cmpstr (d->why, !=, "");
              g_assert_cmpstr (d->hear, !=, "");
              g_assert_cmpstr (d->fix, !=, "");
              g_assert_null (strchr (d->message, '\n'));
            }
        }
      else
        {
          ok = !rig_test_has (diags, c->code, NULL);
          if (!ok)
            {
              g_printerr ("%s: near miss raised %s\n", c->path, c->code);
              rig_test_dump (diags);
            }
          g_assert_true (ok);
        }

      /* A validator built on the same document agrees. */
      validator = rig_validator_new (doc);
      live = rig_validator_get_diagnostics (validator);
      g_assert_cmpuint (live->len, ==, diags->len);
      for (guint i = 0; i < diags->len; i++)
        g_assert_true (rig_diagnostic_equal (live->pdata[i], diags->pdata[i]));
    }
}

static void
test_every_code_has_a_case (void)
{
  guint n_cases;
  const Case *cases = rig_test_rule_cases (&n_cases);
  guint n;
  const RigRuleInfo *rules = rig_rules_list (&n);

  g_assert_cmpuint (n, >=, 36);
  for (guint i = 0; i < n; i++)
    {
      gboolean covered = FALSE;
      if (i > 0)
        g_assert_cmpint (strcmp (rules[i - 1].code, rules[i].code), <, 0);
      g_assert_cmpint (rules[i].severity, >, RIG_SEVERITY_NONE);
      g_assert_nonnull (rules[i].description);
      g_assert_nonnull (rules[i].reference);
      g_assert_true (rig_rules_find (rules[i].code) == &rules[i]);
      for (guint c = 0; c < n_cases; c++)
        if (g_str_equal (cases[c].code, rules[i].code))
          covered = TRUE;
      if (!covered)
        g_printerr ("no case for %s\n", rules[i].code);
      g_assert_true (covered);
    }
  g_assert_null (rig_rules_find ("no.such-rule"));
}

/* The texts use this rig's own numbers (issue #10: the power the phone gives
 * the speaker and the SPL it makes). */
static void
test_texts_use_numbers (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (GPtrArray) diags = NULL;
  const char *cable;
  const RigDiagnostic *d = NULL;

  cable = rig_test_rule_case_for ("power.passive-unamplified")->build (doc, FALSE);
  rig_test_set_figure (doc, "d2", RIG_FIGURE_POWER_HANDLING, 20);
  diags = rig_test_check (doc);
  for (guint i = 0; i < diags->len; i++)
    if (g_str_equal (((RigDiagnostic *) diags->pdata[i])->code, "power.passive-unamplified"))
      d = diags->pdata[i];
  g_assert_nonnull (d);
  g_assert_true (rig_diagnostic_concerns_cable (d, cable));
  {
    g_autofree char *line
        = g_strdup_printf ("Cable %s: Phone headphone out → Bookshelf L speaker in",
                           rig_document_find_cable (doc, cable)->number);
    g_assert_nonnull (strstr (d->message, line));
  }
  /* Physics.md §5.1: the phone's 1 V into 8 Ω (through its 1 Ω) is 98.8 mW,
   * 76.9 dB SPL at 1 m on an 87 dB speaker: what it gives, not a rating. */
  g_assert_nonnull (strstr (d->why, "1 V"));
  g_assert_nonnull (strstr (d->why, "98.8 mW"));
  g_assert_nonnull (strstr (d->why, "76.9 dB SPL at 1 m"));
  g_assert_nonnull (strstr (d->fix, "amplifier"));
  g_assert_cmpstr (d->jacks[0], ==, "d1:headset");
  g_assert_cmpstr (d->jacks[1], ==, "d2:in");
}

static void
test_bridging_loss (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (GPtrArray) diags = NULL;

  rig_test_rule_case_for ("impedance.bridging")->build (doc, FALSE);
  diags = rig_test_check (doc);
  for (guint i = 0; i < diags->len; i++)
    {
      const RigDiagnostic *d = diags->pdata[i];
      if (!g_str_equal (d->code, "impedance.bridging"))
        continue;
      /* 10 kΩ after 5 kΩ: 20·log10(10/15) = -3.5 dB. */
      g_assert_nonnull (strstr (d->message, "3.5 dB"));
      return;
    }
  g_assert_not_reached ();
}

static void
test_headphone_drive_numbers (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (GPtrArray) diags = NULL;

  rig_test_rule_case_for ("impedance.headphone-drive")->build (doc, FALSE);
  diags = rig_test_check (doc);
  for (guint i = 0; i < diags->len; i++)
    {
      const RigDiagnostic *d = diags->pdata[i];
      if (!g_str_equal (d->code, "impedance.headphone-drive"))
        continue;
      /* 90 dB/mW: 3.16 mW for peaks of 95 dB (physics.md §6.4),
       * sqrt(0.00316 × 600) = 1.38 V > 1 V. */
      g_assert_nonnull (strstr (d->why, "3.16 mW"));
      g_assert_nonnull (strstr (d->why, "1.38 V"));
      return;
    }
  g_assert_not_reached ();
}

int
main (int argc, char **argv)
{
  guint n_cases;
  const Case *cases = rig_test_rule_cases (&n_cases);

  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < n_cases; i++)
    g_test_add_data_func (cases[i].path, &cases[i], run_case);
  g_test_add_func ("/rules/table/every-code-has-a-case", test_every_code_has_a_case);
  g_test_add_func ("/rules/texts/numbers", test_texts_use_numbers);
  g_test_add_func ("/rules/texts/bridging-loss", test_bridging_loss);
  g_test_add_func ("/rules/texts/headphone-drive", test_headphone_drive_numbers);
  return g_test_run ();
}
