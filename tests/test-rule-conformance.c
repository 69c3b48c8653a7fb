/* test-rule-conformance.c: every registered rule, through one conformance
 * test (as Dia's tests/test-objects.c runs every object type).
 *
 * For each row of the rule registry (rig_rules_list()), the pair of rigs
 * named after its code (rig-test-rigs.c: "/rules/power/unpowered" for
 * power.unpowered): the firing rig must raise the code on the object the
 * builder names (a cable, a device or a jack), with the row's default severity or a documented
 * grade of it; the near miss, the smallest change that puts the rig right, must not raise the code
 * at all. A registered code with no such pair fails, so a new rule comes with its two rigs. The row
 * itself must be well formed: its family is its code's prefix, its scope one of the five, its
 * reference the physics.md section it names, its description one translatable sentence.
 */
#include "config.h"

#include <string.h>

#include "rig-test-rigs.h"

static const char *const families[]
    = { "connector", "signal", "power", "impedance", "topology", NULL };
static const char *const scopes[] = { "cable", "net", "link", "device", "region", NULL };

/* The row describes itself properly. */
static void
check_row (const RigRuleInfo *rule)
{
  g_autofree char *family = g_strndup (rule->code, strcspn (rule->code, "."));
  g_autofree char *reference = g_strconcat ("physics.md §", rule->section, NULL);
  const char *description = rule->description;

  g_assert_true (g_strv_contains (families, rule->family));
  g_assert_cmpstr (rule->family, ==, family);
  g_assert_true (g_strv_contains (scopes, rule->scope));
  g_assert_cmpint (rule->severity, >, RIG_SEVERITY_NONE);
  g_assert_cmpint (rule->severity, <, RIG_N_SEVERITIES);
  /* "6.1": a section of doc/physics.md, §1 to §7. */
  g_assert_true (g_ascii_isdigit (rule->section[0]) && rule->section[0] >= '1'
                 && rule->section[0] <= '7');
  g_assert_true (rule->section[1] == '\0' || rule->section[1] == '.');
  g_assert_cmpstr (rule->reference, ==, reference);
  g_assert_nonnull (description);
  g_assert_true (g_ascii_isupper (description[0]));
  g_assert_true (g_str_has_suffix (description, "."));
  g_assert_null (strchr (description, '\n'));
  g_assert_null (strstr (description, "article"));
  g_assert_null (strstr (description, "doc §"));
}

/* The diagnostics of @code in a rig. */
static GPtrArray *
diagnostics_of (GPtrArray *diags, const char *code)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < diags->len; i++)
    {
      RigDiagnostic *d = g_ptr_array_index (diags, i);
      if (g_str_equal (d->code, code))
        g_ptr_array_add (found, d);
    }
  return found;
}

static void
test_rule (gconstpointer data)
{
  const RigRuleInfo *rule = data;
  const RigTestRuleCase *pair = rig_test_rule_case_for (rule->code);

  check_row (rule);
  if (pair == NULL)
    g_test_message ("%s has no firing rig and near miss in rig-test-rigs.c "
                    "(a case named /rules/%s)",
                    rule->code, rule->code);
  g_assert_nonnull (pair);

  /* It fires, on the named object, graded as the case says (the default
   * severity unless the rule documents a grade). */
  {
    g_autoptr (RigDocument) doc = rig_document_new ();
    const char *object = pair->build (doc, FALSE);
    g_autoptr (GPtrArray) diags = rig_test_check (doc);
    g_autoptr (GPtrArray) fired = diagnostics_of (diags, rule->code);
    gboolean on_object = rig_test_has (diags, rule->code, object);

    g_assert_nonnull (object);
    g_assert_cmpuint (fired->len, >, 0);
    if (!on_object)
      {
        g_printerr ("%s: expected %s on %s\n", pair->path, rule->code, object);
        rig_test_dump (diags);
      }
    g_assert_true (on_object);
    g_assert_cmpint (((RigDiagnostic *) fired->pdata[0])->severity, ==, pair->severity);
  }

  /* The near miss raises nothing of the kind. */
  {
    g_autoptr (RigDocument) doc = rig_document_new ();
    g_autoptr (GPtrArray) diags = NULL;
    g_autoptr (GPtrArray) fired = NULL;

    pair->build (doc, TRUE);
    diags = rig_test_check (doc);
    fired = diagnostics_of (diags, rule->code);
    if (fired->len > 0)
      {
        g_printerr ("%s: the near miss raised %s\n", pair->path, rule->code);
        rig_test_dump (diags);
      }
    g_assert_cmpuint (fired->len, ==, 0);
  }
}

/* Every code is registered once, and the rules list is the registry's. */
static void
test_registry (void)
{
  guint n;
  const RigRuleInfo *rules = rig_rules_list (&n);
  g_autoptr (GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (g_hash_table_add (codes, (gpointer) rules[i].code));
      g_assert_true (rig_rules_find (rules[i].code) == &rules[i]);
    }
}

int
main (int argc, char **argv)
{
  guint n;
  const RigRuleInfo *rules = rig_rules_list (&n);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rule-conformance/registry", test_registry);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("/rule-conformance/%s", rules[i].code);
      g_test_add_data_func (path, &rules[i], test_rule);
    }
  return g_test_run ();
}
