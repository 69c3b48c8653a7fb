/* rig-goals.c: judging an exercise's goals on a rig (rig-goals.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-goals.h"

/* At most this many problems are quoted in a sentence. */
#define MAX_QUOTED 3

void
rig_goal_result_free (RigGoalResult *result)
{
  if (result == NULL)
    return;
  g_free (result->title);
  g_free (result->sentence);
  g_free (result);
}

char *
rig_goal_result_to_string (const RigGoalResult *result)
{
  /* Translators: a goal's result: "Every listener gets signal: not met — Right
   * speaker gets no signal." The second %s is "met" or "not met". */
  return g_strdup_printf (_ ("%s: %s — %s"), result->title, result->met ? _ ("met") : _ ("not met"),
                          result->sentence);
}

guint
rig_goals_count_met (GPtrArray *results)
{
  guint n = 0;

  for (guint i = 0; results != NULL && i < results->len; i++)
    n += ((RigGoalResult *) g_ptr_array_index (results, i))->met;
  return n;
}

static const char *
device_name (RigDocument *document, const char *id)
{
  RigDevice *device = rig_document_find_device (document, id);

  if (device == NULL)
    return id;
  return device->label != NULL && *device->label != '\0'
             ? device->label
             : rig_device_model_get_display_name (device->model);
}

static const char *
cable_name (RigDocument *document, const char *id)
{
  RigCable *cable = rig_document_find_cable (document, id);

  return cable != NULL && cable->number != NULL && *cable->number != '\0' ? cable->number : id;
}

char *
rig_goal_describe (RigDocument *document, const RigGoal *goal)
{
  g_autofree char *codes = NULL;

  switch (goal->kind)
    {
      case RIG_GOAL_ALL_LISTENERS:
        return g_strdup (_ ("Every listener gets signal"));
      case RIG_GOAL_NO_ERRORS:
        return g_strdup (_ ("No errors"));
      case RIG_GOAL_NO_WARNINGS:
        return g_strdup (_ ("No errors or warnings"));
      case RIG_GOAL_MAX_ADAPTERS:
        return g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "At most %u adapter", "At most %u adapters", goal->count),
            goal->count);
      case RIG_GOAL_FORBID_CODES:
        codes = g_strjoinv (", ", goal->codes);
        /* Translators: %s is a list of problem codes: "connector.size, power.unpowered". */
        return g_strdup_printf (_ ("None of these problems: %s"), codes);
      case RIG_GOAL_REACHES:
        /* Translators: both are device names: "Phone reaches Bookshelf speaker". */
        return g_strdup_printf (_ ("%s reaches %s"), device_name (document, goal->from),
                                device_name (document, goal->to));
      case RIG_N_GOAL_KINDS:
      default:
        return g_strdup ("?");
    }
}

/* "A", "A and B", "A, B and C". */
static char *
join_names (GPtrArray *names)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == names->len ? _ (" and ") : ", ");
      g_string_append (out, g_ptr_array_index (names, i));
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_listener (const RigDevice *device)
{
  RigCategory c = device->model->category;

  return c == RIG_CATEGORY_PASSIVE_SPEAKER || c == RIG_CATEGORY_ACTIVE_SPEAKER
         || c == RIG_CATEGORY_HEADPHONES;
}

static gboolean
judge_listeners (RigDocument *document, char **sentence)
{
  g_autoptr (GPtrArray) silent = rig_goals_silent_listeners (document);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  guint n = 0;

  for (guint i = 0; i < rig_document_get_n_devices (document); i++)
    n += is_listener (rig_document_get_device (document, i));
  if (silent->len == 0)
    {
      *sentence
          = n == 0 ? g_strdup (_ ("The rig has no speakers or headphones."))
            : n == 1
                ? g_strdup (_ ("The listener gets signal."))
                : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "All %u listener gets signal.",
                                                "All %u listeners get signal.", n),
                                   n);
      return TRUE;
    }
  for (guint i = 0; i < silent->len; i++)
    g_ptr_array_add (names, (gpointer) device_name (document, g_ptr_array_index (silent, i)));
  joined = join_names (names);
  *sentence = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%s gets no signal.", "%s get no signal.", silent->len),
      joined);
  return FALSE;
}

/* Up to MAX_QUOTED messages of @diagnostics that @keep accepts. */
static char *
quote_problems (GPtrArray *diagnostics, gboolean (*keep) (const RigDiagnostic *, gconstpointer),
                gconstpointer data, guint *n_kept)
{
  GString *out = g_string_new (NULL);
  guint quoted = 0;

  *n_kept = 0;
  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      const RigDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (!keep (d, data))
        continue;
      (*n_kept)++;
      if (quoted++ >= MAX_QUOTED)
        continue;
      g_string_append_printf (out, " [%s] %s", d->code, d->message);
    }
  if (quoted > MAX_QUOTED)
    /* Translators: after the problems a goal quotes; %u is how many more. */
    g_string_append_printf (out, _ (" (and %u more)"), quoted - MAX_QUOTED);
  return g_string_free (out, FALSE);
}

static gboolean
keep_at_least (const RigDiagnostic *d, gconstpointer data)
{
  return d->severity >= GPOINTER_TO_UINT (data);
}

static gboolean
keep_codes (const RigDiagnostic *d, gconstpointer data)
{
  return g_strv_contains ((const char *const *) data, d->code);
}

static gboolean
judge_severity (GPtrArray *diagnostics, RigSeverity at_least, char **sentence)
{
  guint n;
  g_autofree char *quoted
      = quote_problems (diagnostics, keep_at_least, GUINT_TO_POINTER (at_least), &n);

  if (n == 0)
    {
      *sentence = g_strdup (at_least == RIG_SEVERITY_ERROR
                                ? _ ("The checker finds no error.")
                                : _ ("The checker finds no error and no warning."));
      return TRUE;
    }
  *sentence = g_strdup_printf (
      at_least == RIG_SEVERITY_ERROR
          ? g_dngettext (GETTEXT_PACKAGE, "%u error:%s", "%u errors:%s", n)
          : g_dngettext (GETTEXT_PACKAGE, "%u error or warning:%s", "%u errors and warnings:%s", n),
      n, quoted);
  return FALSE;
}

static gboolean
judge_adapters (RigDocument *document, guint most, char **sentence)
{
  guint on_cables = 0, devices = 0, n;

  for (guint i = 0; i < rig_document_get_n_cables (document); i++)
    on_cables += rig_document_get_cable (document, i)->spec.n_adapters;
  for (guint i = 0; i < rig_document_get_n_devices (document); i++)
    devices += rig_document_get_device (document, i)->model->category == RIG_CATEGORY_ADAPTER;
  n = on_cables + devices;
  if (n <= most)
    {
      *sentence = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "The rig uses %u adapter.", "The rig uses %u adapters.", n),
          n);
      return TRUE;
    }
  /* Translators: "The rig uses 3 adapters (2 on cables, 1 as a device), 1 more than allowed." */
  *sentence = g_strdup_printf (_ ("The rig uses %u adapters (%u on cables, %u as devices), %u more "
                                  "than allowed."),
                               n, on_cables, devices, n - most);
  return FALSE;
}

static gboolean
judge_codes (GPtrArray *diagnostics, char **codes, char **sentence)
{
  guint n;
  g_autofree char *quoted = quote_problems (diagnostics, keep_codes, codes, &n);

  if (n == 0)
    {
      *sentence = g_strdup (_ ("None of them is found."));
      return TRUE;
    }
  *sentence = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u is found:%s", "%u are found:%s", n), n, quoted);
  return FALSE;
}

static gboolean
judge_reaches (RigDocument *document, const RigGoal *goal, char **sentence)
{
  const char *from = device_name (document, goal->from), *to = device_name (document, goal->to);

  if (rig_document_find_device (document, goal->from) == NULL
      || rig_document_find_device (document, goal->to) == NULL)
    {
      *sentence = g_strdup_printf (
          _ ("The rig no longer has the device “%s”."),
          rig_document_find_device (document, goal->from) == NULL ? goal->from : goal->to);
      return FALSE;
    }
  if (rig_goals_signal_reaches (document, goal->from, goal->to))
    {
      *sentence = g_strdup_printf (_ ("The signal of %s arrives at %s."), from, to);
      return TRUE;
    }
  *sentence = g_strdup_printf (_ ("The signal of %s does not arrive at %s: follow the cables from "
                                  "its outputs."),
                               from, to);
  return FALSE;
}

static RigGoalResult *
judge_goal (RigDocument *document, const RigGoal *goal, GPtrArray *diagnostics)
{
  RigGoalResult *result = g_new0 (RigGoalResult, 1);

  result->kind = RIG_GOAL_RESULT_GOAL;
  result->goal = goal;
  result->title = rig_goal_describe (document, goal);
  switch (goal->kind)
    {
      case RIG_GOAL_ALL_LISTENERS:
        result->met = judge_listeners (document, &result->sentence);
        break;
      case RIG_GOAL_NO_ERRORS:
        result->met = judge_severity (diagnostics, RIG_SEVERITY_ERROR, &result->sentence);
        break;
      case RIG_GOAL_NO_WARNINGS:
        result->met = judge_severity (diagnostics, RIG_SEVERITY_WARNING, &result->sentence);
        break;
      case RIG_GOAL_MAX_ADAPTERS:
        result->met = judge_adapters (document, goal->count, &result->sentence);
        break;
      case RIG_GOAL_FORBID_CODES:
        result->met = judge_codes (diagnostics, goal->codes, &result->sentence);
        break;
      case RIG_GOAL_REACHES:
        result->met = judge_reaches (document, goal, &result->sentence);
        break;
      case RIG_N_GOAL_KINDS:
      default:
        result->sentence = g_strdup ("?");
        break;
    }
  return result;
}

/* How many of @marked are not in @key. */
static guint
count_missing (char **marked, char **key)
{
  guint n = 0;

  for (guint i = 0; marked[i] != NULL; i++)
    n += !rig_exercise_strv_has (key, marked[i]);
  return n;
}

/* The student's marks (in @marks, their own file's exercise) against the
 * answer key of @key. */
static RigGoalResult *
judge_marks (RigDocument *document, const RigExercise *key, const RigExercise *marks)
{
  RigGoalResult *result = g_new0 (RigGoalResult, 1);
  char **cables = marks != NULL ? marks->marked_cables : NULL;
  char **codes = marks != NULL ? marks->marked_codes : NULL;
  static char *none[] = { NULL };
  GString *out = g_string_new (NULL);
  guint wrong_cables, missed_cables, wrong_codes, missed_codes;

  cables = cables != NULL ? cables : none;
  codes = codes != NULL ? codes : none;
  wrong_cables = count_missing (cables, key->fault_cables);
  missed_cables = count_missing (key->fault_cables, cables);
  wrong_codes = count_missing (codes, key->fault_codes);
  missed_codes = count_missing (key->fault_codes, codes);

  result->kind = RIG_GOAL_RESULT_FIND_FAULT;
  result->title = g_strdup (_ ("Find the fault"));
  result->met = wrong_cables + missed_cables + wrong_codes + missed_codes == 0;
  if (result->met)
    g_string_append (out, _ ("Right: the marked cables are the faulty ones, and the problem is "
                             "named."));
  if (cables[0] == NULL)
    g_string_append (out, _ ("No cable is marked as faulty."));
  for (guint i = 0; cables[i] != NULL; i++)
    if (!rig_exercise_strv_has (key->fault_cables, cables[i]))
      g_string_append_printf (out, _ ("%sCable %s is not faulty."), out->len ? " " : "",
                              cable_name (document, cables[i]));
  if (missed_cables > 0 && cables[0] != NULL)
    g_string_append_printf (out,
                            g_dngettext (GETTEXT_PACKAGE, "%s%u faulty cable is not marked.",
                                         "%s%u faulty cables are not marked.", missed_cables),
                            out->len ? " " : "", missed_cables);
  if (codes[0] == NULL)
    g_string_append_printf (out, _ ("%sNo problem is named."), out->len ? " " : "");
  else if (wrong_codes + missed_codes > 0)
    g_string_append_printf (out, _ ("%sThe problem named is not the one the fault causes."),
                            out->len ? " " : "");
  result->sentence = g_string_free (out, FALSE);
  return result;
}

GPtrArray *
rig_goals_evaluate (RigDocument *document, const RigExercise *exercise, GPtrArray *diagnostics)
{
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) rig_goal_result_free);

  g_return_val_if_fail (RIG_IS_DOCUMENT (document), results);
  if (exercise == NULL)
    return results;
  if (rig_exercise_is_find_fault (exercise))
    g_ptr_array_add (results,
                     judge_marks (document, exercise, rig_document_get_exercise (document)));
  for (guint i = 0; i < exercise->goals->len; i++)
    g_ptr_array_add (results,
                     judge_goal (document, g_ptr_array_index (exercise->goals, i), diagnostics));
  return results;
}
