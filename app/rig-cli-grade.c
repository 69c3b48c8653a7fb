/* rig-cli-grade.c: rigwire --grade EXERCISE STUDENT… | FOLDER: each
 * student's goals and score, in text, JSON or CSV (rig-cli-grade.h). */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rig-catalog.h"
#include "rig-cli-batch.h"
#include "rig-cli-grade.h"
#include "rig-format.h"
#include "rig-goals.h"
#include "rig-validator.h"

typedef struct
{
  const char *path;     /* the students' list owns it */
  GError *error;        /* the file does not open */
  GPtrArray *tampering; /* char *: what differs from the exercise */
  GPtrArray *results;   /* RigGoalResult * */
} Graded;

typedef enum
{
  FORMAT_TEXT,
  FORMAT_JSON,
  FORMAT_CSV,
} Format;

typedef struct
{
  RigDocument *exercise_doc;
  const RigExercise *exercise;
  Graded *graded;
  char *cwd; /* the current folder, asked once, not once per student */

  /* The output, written student by student in order as they are graded
   * (rig_cli_batch_run_ordered()), on the calling thread only. */
  Format format;
  GPtrArray *titles; /* the exercise's goal titles */
  JsonBuilder *json; /* FORMAT_JSON: the "students" array so far */
  FILE *out, *err;
  guint passed, unreadable;
  int status;
} Grading;

static void
graded_clear (Graded *graded)
{
  g_clear_error (&graded->error);
  g_clear_pointer (&graded->tampering, g_ptr_array_unref);
  g_clear_pointer (&graded->results, g_ptr_array_unref);
}

static gboolean
graded_passed (const Graded *graded)
{
  return graded->error == NULL && graded->tampering->len == 0
         && rig_goals_count_met (graded->results) == graded->results->len;
}

static guint
graded_score (const Graded *graded)
{
  return graded->error != NULL || graded->tampering->len > 0
             ? 0
             : rig_goals_count_met (graded->results);
}

/* One student, on a worker thread: only this slot is written. The
 * exercise's document and exercise are shared by every worker and only read
 * (lookups by id, no lazy index). */
static void
grade_one (guint index, gpointer data)
{
  Grading *grading = data;
  Graded *graded = &grading->graded[index];
  g_autoptr (GFile) file = g_file_new_for_commandline_arg_and_cwd (graded->path, grading->cwd);
  g_autoptr (RigDocument) document = NULL;
  g_autoptr (GPtrArray) diagnostics = NULL;

  document = rig_format_load_file (file, rig_catalog_get_default (), &graded->error);
  if (document == NULL)
    return;
  graded->tampering = rig_goals_find_tampering (grading->exercise_doc, document);
  diagnostics = rig_validator_check_full (document);
  graded->results = rig_goals_evaluate (document, grading->exercise, diagnostics);
}

/* One student's lines of the text output. */
static void
print_text (Graded *g, guint n_goals, FILE *out, FILE *err)
{
  if (g->error != NULL)
    {
      fprintf (err, "%s: %s: %s\n", g->path, _ ("cannot read"), g->error->message);
      return;
    }
  for (guint j = 0; j < g->tampering->len; j++)
    fprintf (out, "%s: %s: %s\n", g->path, _ ("not the exercise"),
             (char *) g_ptr_array_index (g->tampering, j));
  for (guint j = 0; j < g->results->len; j++)
    {
      RigGoalResult *r = g_ptr_array_index (g->results, j);
      fprintf (out, "%s: %s: %s: %s\n", g->path, r->title, r->met ? _ ("met") : _ ("not met"),
               r->sentence);
    }
  /* Translators: a student's score: "student.rigwire: score 3/4". */
  fprintf (out, _ ("%s: score %u/%u%s\n"), g->path, graded_score (g), n_goals,
           g->tampering->len > 0 ? _ (" (not the exercise)") : "");
}

/* The last line of the text output. */
static void
print_text_summary (guint n, guint passed, guint unreadable, FILE *out)
{
  fprintf (out,
           /* Translators: the summary line of `rigwire --grade`. */
           _ ("%u %s graded: %u passed, %u failed"), n - unreadable,
           ngettext ("student", "students", n - unreadable), passed, n - unreadable - passed);
  if (unreadable > 0)
    fprintf (out, _ (", %u unreadable"), unreadable);
  fputc ('\n', out);
}

static const char *
result_kind (const RigGoalResult *r)
{
  return r->kind == RIG_GOAL_RESULT_FIND_FAULT ? "find-fault"
                                               : rig_goal_kind_to_nick (r->goal->kind);
}

static void
json_student (JsonBuilder *b, Graded *g, guint n_goals)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, g->path);
  if (g->error != NULL)
    {
      json_builder_set_member_name (b, "error");
      json_builder_add_string_value (b, g->error->message);
      json_builder_end_object (b);
      return;
    }
  json_builder_set_member_name (b, "score");
  json_builder_add_int_value (b, graded_score (g));
  json_builder_set_member_name (b, "total");
  json_builder_add_int_value (b, n_goals);
  json_builder_set_member_name (b, "passed");
  json_builder_add_boolean_value (b, graded_passed (g));
  json_builder_set_member_name (b, "tampering");
  json_builder_begin_array (b);
  for (guint j = 0; j < g->tampering->len; j++)
    json_builder_add_string_value (b, g_ptr_array_index (g->tampering, j));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "goals");
  json_builder_begin_array (b);
  for (guint j = 0; j < g->results->len; j++)
    {
      RigGoalResult *r = g_ptr_array_index (g->results, j);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, result_kind (r));
      json_builder_set_member_name (b, "goal");
      json_builder_add_string_value (b, r->title);
      json_builder_set_member_name (b, "met");
      json_builder_add_boolean_value (b, r->met);
      json_builder_set_member_name (b, "sentence");
      json_builder_add_string_value (b, r->sentence);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* The JSON output up to the students, who are added one by one
 * (json_student()). */
static JsonBuilder *
json_begin (const char *exercise_path)
{
  JsonBuilder *b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "exercise");
  json_builder_add_string_value (b, exercise_path);
  json_builder_set_member_name (b, "students");
  json_builder_begin_array (b);
  return b;
}

static void
json_end (JsonBuilder *b, FILE *out)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  fprintf (out, "%s\n", text);
}

/* A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line
 * break. */
static void
csv_field (FILE *out, const char *text, gboolean last)
{
  if (strpbrk (text, ",\"\r\n") != NULL)
    {
      fputc ('"', out);
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            fputc ('"', out);
          fputc (*p, out);
        }
      fputc ('"', out);
    }
  else
    fputs (text, out);
  fputs (last ? "\r\n" : ",", out);
}

/* The CSV header: file, status, score, total, then the exercise's goal
 * titles. */
static void
print_csv_header (GPtrArray *titles, FILE *out)
{
  csv_field (out, "file", FALSE);
  csv_field (out, "status", FALSE);
  csv_field (out, "score", FALSE);
  csv_field (out, "total", titles->len == 0);
  for (guint j = 0; j < titles->len; j++)
    csv_field (out, g_ptr_array_index (titles, j), j + 1 == titles->len);
}

/* One student's row: file, status, score, total, then met/not met per
 * goal. */
static void
print_csv (Graded *g, GPtrArray *titles, FILE *out)
{
  g_autofree char *score = g_strdup_printf ("%u", graded_score (g));
  g_autofree char *total = g_strdup_printf ("%u", titles->len);
  const char *status = g->error != NULL        ? "unreadable"
                       : g->tampering->len > 0 ? "tampered"
                       : graded_passed (g)     ? "passed"
                                               : "failed";

  csv_field (out, g->path, FALSE);
  csv_field (out, status, FALSE);
  csv_field (out, score, FALSE);
  csv_field (out, total, titles->len == 0);
  for (guint j = 0; j < titles->len; j++)
    {
      RigGoalResult *r
          = g->results != NULL && j < g->results->len ? g_ptr_array_index (g->results, j) : NULL;
      csv_field (out, r == NULL ? "" : r->met ? "met" : "not met", j + 1 == titles->len);
    }
}

/* Student @index is graded, and so are all before: write it out and count
 * it (on the calling thread, while the workers go on). */
static void
graded_done (guint index, gpointer data)
{
  Grading *grading = data;
  Graded *g = &grading->graded[index];

  if (grading->format == FORMAT_JSON)
    json_student (grading->json, g, grading->titles->len);
  else if (grading->format == FORMAT_CSV)
    print_csv (g, grading->titles, grading->out);
  else
    print_text (g, grading->titles->len, grading->out, grading->err);

  if (g->error != NULL)
    {
      grading->unreadable++;
      grading->status = 2;
    }
  else if (graded_passed (g))
    grading->passed++;
  else if (grading->status == 0)
    grading->status = 1;
}

/* Student @index is written out: free the grading, on the thread that
 * graded. */
static void
graded_release (guint index, gpointer data)
{
  Grading *grading = data;

  graded_clear (&grading->graded[index]);
}

/* The exercise's goal titles, in the order the results come. */
static GPtrArray *
goal_titles (RigDocument *document, const RigExercise *exercise)
{
  g_autoptr (GPtrArray) results = rig_goals_evaluate (document, exercise, NULL);
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < results->len; i++)
    g_ptr_array_add (titles, g_strdup (((RigGoalResult *) results->pdata[i])->title));
  return titles;
}

static RigDocument *
load_exercise (const char *path, FILE *err)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) document = NULL;

  document = rig_format_load_file (file, rig_catalog_get_default (), &error);
  if (document == NULL)
    {
      fprintf (err, "%s: %s: %s\n", path, _ ("cannot read"), error->message);
      return NULL;
    }
  if (rig_document_get_exercise (document) == NULL)
    {
      fprintf (err, _ ("%s: not an exercise: it has no task and no goals\n"), path);
      return NULL;
    }
  return g_steal_pointer (&document);
}

int
rig_cli_grade (const char *exercise_path, char **files, const char *format, int jobs, FILE *out,
               FILE *err)
{
  g_autoptr (RigDocument) exercise_doc = NULL;
  g_autoptr (GFile) exercise_file = g_file_new_for_commandline_arg (exercise_path);
  g_autoptr (GPtrArray) paths = NULL;
  g_autoptr (GPtrArray) titles = NULL;
  g_autoptr (JsonBuilder) json = NULL;
  g_autofree Graded *graded = NULL;
  g_autofree char *cwd = NULL;
  Grading grading = { 0 };

  if (format != NULL && strcmp (format, "text") != 0 && strcmp (format, "json") != 0
      && strcmp (format, "csv") != 0)
    {
      fprintf (err, _ ("rigwire: unknown --format “%s”: use text, json or csv\n"), format);
      return 2;
    }
  if (files == NULL || files[0] == NULL)
    {
      fprintf (err, _ ("rigwire: --grade needs the students’ files or a folder of them\n"));
      return 2;
    }
  exercise_doc = load_exercise (exercise_path, err);
  if (exercise_doc == NULL)
    return 2;

  paths = rig_cli_batch_list_files (files, exercise_file);
  if (paths->len == 0)
    {
      fprintf (err, _ ("rigwire: --grade found no students’ .rigwire files to grade\n"));
      return 2;
    }
  rig_cli_batch_clean_folders ((char **) paths->pdata, paths->len);
  graded = g_new0 (Graded, MAX (paths->len, 1));
  for (guint i = 0; i < paths->len; i++)
    graded[i].path = g_ptr_array_index (paths, i);
  grading.exercise_doc = exercise_doc;
  grading.exercise = rig_document_get_exercise (exercise_doc);
  grading.graded = graded;
  grading.cwd = cwd = g_get_current_dir ();
  grading.titles = titles = goal_titles (exercise_doc, grading.exercise);
  grading.format = format == NULL                 ? FORMAT_TEXT
                   : strcmp (format, "json") == 0 ? FORMAT_JSON
                   : strcmp (format, "csv") == 0  ? FORMAT_CSV
                                                  : FORMAT_TEXT;
  grading.out = out;
  grading.err = err;
  if (grading.format == FORMAT_JSON)
    grading.json = json = json_begin (exercise_path);
  else if (grading.format == FORMAT_CSV)
    print_csv_header (titles, out);

  rig_cli_batch_run_ordered (paths->len, rig_cli_batch_jobs (jobs, paths->len), grade_one,
                             graded_done, graded_release, &grading);

  if (grading.format == FORMAT_JSON)
    json_end (json, out);
  else if (grading.format == FORMAT_TEXT)
    print_text_summary (paths->len, grading.passed, grading.unreadable, out);
  return grading.status;
}
