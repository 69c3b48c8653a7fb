/* test-lesson.c: guided lessons (issue #14): the <lesson> element's round
 * trip, files without one unchanged, malformed steps refused, and every
 * shipped lesson guided, with steps that point at parts of its own rig. */
#include "config.h"

#include "rig-error.h"
#include "rig-format.h"

#define EXAMPLES_PATH "/io/github/rigwire/Rigwire/examples/"
#define RIG_START                                                                                  \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                                   \
  "<rig xmlns=\"https://rigwire.github.io/ns/rigwire/1\" format-version=\"1\">\n"

static const char *const lessons[] = {
  "lesson-aux-power-speakers.rigwire",
  "lesson-aux-vs-headphone.rigwire",
  "lesson-aux-in-as-out.rigwire",
  "lesson-headphone-amp-speakers.rigwire",
};

static GBytes *
example_bytes (const char *name)
{
  g_autofree char *path = g_strconcat (EXAMPLES_PATH, name, NULL);
  g_autoptr (GError) error = NULL;
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return bytes;
}

static RigDocument *
load_text (const char *text, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));

  return rig_format_load_bytes (bytes, "test.rigwire", NULL, error);
}

/* Saved, loaded and saved again: the same lesson, the same bytes. */
static void
test_round_trip (void)
{
  const char *text
      = RIG_START "  <title>Steps</title>\n"
                  "  <lesson>\n"
                  "    <step title=\"Read &amp; look\" devices=\"d1 d2\">One &lt;two&gt; "
                  "“three”.</step>\n"
                  "    <step title=\"Fix\" cables=\"c1\">Four.</step>\n"
                  "    <step title=\"Nothing to point at\"></step>\n"
                  "  </lesson>\n"
                  "</rig>\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) doc = load_text (text, &error);
  g_autoptr (RigDocument) again = NULL;
  g_autoptr (GBytes) saved = NULL;
  g_autoptr (GBytes) saved_again = NULL;
  const RigLesson *lesson;
  const RigLessonStep *step;

  g_assert_no_error (error);
  lesson = rig_document_get_lesson (doc);
  g_assert_nonnull (lesson);
  g_assert_cmpuint (rig_lesson_get_n_steps (lesson), ==, 3);
  step = rig_lesson_get_step (lesson, 0);
  g_assert_cmpstr (step->title, ==, "Read & look");
  g_assert_cmpstr (step->text, ==, "One <two> “three”.");
  g_assert_cmpstrv (step->devices, ((const char *const[]){ "d1", "d2", NULL }));
  g_assert_cmpstrv (step->cables, ((const char *const[]){ NULL }));
  step = rig_lesson_get_step (lesson, 1);
  g_assert_cmpstrv (step->cables, ((const char *const[]){ "c1", NULL }));
  g_assert_cmpstr (rig_lesson_get_step (lesson, 2)->text, ==, "");

  saved = rig_format_save_bytes (doc);
  again = rig_format_load_bytes (saved, "saved.rigwire", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rig_lesson_equal (lesson, rig_document_get_lesson (again)));
  g_assert_true (rig_document_content_equal (doc, again));
  saved_again = rig_format_save_bytes (again);
  g_assert_true (g_bytes_equal (saved, saved_again));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (saved, NULL), -1,
                                  "    <step title=\"Read &amp; look\" devices=\"d1 d2\">One "
                                  "&lt;two&gt; “three”.</step>\n"));

  /* A copy of the document keeps its lesson; a changed step is unequal. */
  {
    g_autoptr (RigDocument) copy = rig_document_copy (doc);
    g_autoptr (RigLesson) changed = rig_lesson_copy (lesson);

    g_assert_true (rig_lesson_equal (lesson, rig_document_get_lesson (copy)));
    g_free (((RigLessonStep *) changed->steps->pdata[1])->text);
    ((RigLessonStep *) changed->steps->pdata[1])->text = g_strdup ("Five.");
    g_assert_false (rig_lesson_equal (lesson, changed));
  }
}

/* Rigs without a lesson have none and save without one, byte for byte. */
static void
test_old_files_unchanged (void)
{
  const char *names[] = { "home-studio.rigwire", "car.rigwire", "exercise-power-speakers.rigwire" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (GBytes) bytes = example_bytes (names[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (RigDocument) doc = rig_format_load_bytes (bytes, names[i], NULL, &error);
      g_autoptr (GBytes) saved = NULL;

      g_assert_no_error (error);
      g_assert_null (rig_document_get_lesson (doc));
      saved = rig_format_save_bytes (doc);
      g_assert_true (g_bytes_equal (bytes, saved));
      g_assert_null (g_strstr_len (g_bytes_get_data (saved, NULL), -1, "<lesson"));
    }
}

static void
test_refusals (void)
{
  const char *bad[] = {
    "<lesson><step>No title.</step></lesson>",
    "<lesson><step title=\"\">Empty title.</step></lesson>",
    "<lesson><step title=\"T\" devices=\"d1  d2\">Two spaces.</step></lesson>",
    "<lesson><step title=\"T\" cables=\"c#1\">Not an id.</step></lesson>",
    "<lesson><step title=\"T\" colour=\"red\">Unknown attribute.</step></lesson>",
    "<lesson><task>Not a step.</task></lesson>",
    "<lesson kind=\"x\"/>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strconcat (RIG_START, bad[i], "\n</rig>\n", NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (RigDocument) doc = load_text (text, &error);

      g_assert_null (doc);
      g_assert_nonnull (error);
    }
}

static gboolean
has_device (RigDocument *doc, const char *id)
{
  for (guint i = 0; i < rig_document_get_n_devices (doc); i++)
    if (g_strcmp0 (rig_document_get_device (doc, i)->id, id) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_cable (RigDocument *doc, const char *id)
{
  for (guint i = 0; i < rig_document_get_n_cables (doc); i++)
    if (g_strcmp0 (rig_document_get_cable (doc, i)->id, id) == 0)
      return TRUE;
  return FALSE;
}

/* Each shipped lesson: 3 to 5 steps with words, each pointing at parts
 * that are in its rig, at least one a cable; saved as it ships. */
static void
test_shipped_lessons (gconstpointer data)
{
  const char *name = data;
  g_autoptr (GBytes) bytes = example_bytes (name);
  g_autoptr (GError) error = NULL;
  g_autoptr (RigDocument) doc = rig_format_load_bytes (bytes, name, NULL, &error);
  g_autoptr (GBytes) saved = NULL;
  const RigLesson *lesson;
  gboolean any_cable = FALSE;

  g_assert_no_error (error);
  lesson = rig_document_get_lesson (doc);
  g_assert_nonnull (lesson);
  g_assert_cmpuint (rig_lesson_get_n_steps (lesson), >=, 3);
  g_assert_cmpuint (rig_lesson_get_n_steps (lesson), <=, 5);
  for (guint i = 0; i < rig_lesson_get_n_steps (lesson); i++)
    {
      const RigLessonStep *step = rig_lesson_get_step (lesson, i);

      g_assert_cmpuint (strlen (step->title), >, 0);
      g_assert_cmpuint (strlen (step->text), >, 20);
      g_assert_true (step->devices[0] != NULL || step->cables[0] != NULL);
      for (guint j = 0; step->devices[j] != NULL; j++)
        g_assert_true (has_device (doc, step->devices[j]));
      for (guint j = 0; step->cables[j] != NULL; j++)
        g_assert_true (has_cable (doc, step->cables[j]));
      any_cable = any_cable || step->cables[0] != NULL;
    }
  g_assert_true (any_cable);
  saved = rig_format_save_bytes (doc);
  g_assert_true (g_bytes_equal (bytes, saved));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lesson/format/round-trip", test_round_trip);
  g_test_add_func ("/lesson/format/old-files-unchanged", test_old_files_unchanged);
  g_test_add_func ("/lesson/format/refusals", test_refusals);
  for (guint i = 0; i < G_N_ELEMENTS (lessons); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lesson/shipped/%s", lessons[i]);
      g_test_add_data_func (path, lessons[i], test_shipped_lessons);
    }
  return g_test_run ();
}
