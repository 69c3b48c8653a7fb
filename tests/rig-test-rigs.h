/* rig-test-rigs.h: for every rule code, a rig that raises it and its near
 * miss (tests/rig-test-rigs.c). */
#pragma once

#include "rig-test-models.h"

G_BEGIN_DECLS

/* Builds a case's rig on @doc: with @fixed FALSE, the rig that raises the
 * case's code on the returned object id; with @fixed TRUE, its near miss. */
typedef const char *(*RigTestBuildFunc) (RigDocument *doc, gboolean fixed);

typedef struct
{
  const char *path; /* "/rules/connector/poles/mic" */
  const char *code; /* "connector.poles" */
  RigSeverity severity;
  RigTestBuildFunc build;
} RigTestRuleCase;

/* Every case, by path. Static data. */
const RigTestRuleCase *
rig_test_rule_cases (guint *n_cases);
/* The case named after @code ("/rules/power/unpowered" for
 * "power.unpowered"), or NULL. */
const RigTestRuleCase *
rig_test_rule_case_for (const char *code);

G_END_DECLS
