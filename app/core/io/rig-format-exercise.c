/* rig-format-exercise.c: the exercise part of a .rigwire file
 * (schemas/rigwire.rng, "Exercises"; model/rig-exercise.h): reading the
 * <exercise> element and the locked and given attributes of <device> and
 * <cable>, and writing them back in canonical form.
 *
 * The loader (rig-format.c) reads devices and cables as always, then hands
 * the document and the <exercise> element here. Like the rest of the loader,
 * nothing here trusts the schema: every attribute is checked again.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rig-catalog-text.h"
#include "rig-document-private.h"
#include "rig-error.h"
#include "rig-format-lesson.h"
#include "rig-format-private.h"
#include "rig-xml-writer.h"
#include "rig-xml.h"

/* Reading ======================================================================= */

typedef struct
{
  const char *display_name;
  RigDocument *document;
  RigExercise *exercise;
} ExerciseReader;

/* The attributes each exercise element may have (all optional here: the
 * readers say what is missing). */
static const struct
{
  const char *element;
  const char *attributes[4];
} exercise_attributes[] = {
  { "exercise", { "hide-verdicts", NULL } },      { "task", { NULL } },
  { "goal", { "kind", "count", "codes", NULL } }, /* and from, to: below */
  { "fault", { "cables", "codes", NULL } },       { "choices", { "codes", NULL } },
  { "marks", { "cables", "codes", NULL } },
};

static gboolean
check_known_attributes (ExerciseReader *reader, xmlNode *node, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (exercise_attributes); i++)
    {
      if (!rig_xml_is_element (node, exercise_attributes[i].element))
        continue;
      for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
        {
          const char *name = (const char *) attr->name;
          gboolean known = attr->ns == NULL && rig_xml_is_element (node, "goal")
                           && (strcmp (name, "from") == 0 || strcmp (name, "to") == 0);

          for (guint j = 0; exercise_attributes[i].attributes[j] != NULL; j++)
            known
                = known
                  || (attr->ns == NULL && strcmp (name, exercise_attributes[i].attributes[j]) == 0);
          if (!known)
            {
              rig_xml_set_error (error, RIG_ERROR_INVALID, reader->display_name, node,
                                 _ ("<%s> has an unknown attribute “%s”."),
                                 exercise_attributes[i].element, name);
              return FALSE;
            }
        }
      return TRUE;
    }
  return rig_xml_set_not_allowed (error, reader->display_name, node, "exercise");
}

/* "true" or "false" (or absent: FALSE). */
static gboolean
read_boolean (ExerciseReader *reader, xmlNode *node, const char *name, gboolean *value,
              GError **error)
{
  g_autofree char *text = rig_xml_get_token (node, name);

  *value = g_strcmp0 (text, "true") == 0;
  if (text == NULL || *value || strcmp (text, "false") == 0)
    return TRUE;
  rig_xml_set_error (error, RIG_ERROR_INVALID, reader->display_name, node,
                     _ ("the “%s” attribute of <%s> must be true or false, not “%s”."), name,
                     (const char *) node->name, text);
  return FALSE;
}

static gboolean
is_code (const char *word)
{
  const char *dot = strchr (word, '.');

  if (dot == NULL || dot == word || dot[1] == '\0')
    return FALSE;
  for (const char *p = word; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-' || *p == '.'))
      return FALSE;
  return TRUE;
}

/* Device and cable ids: [A-Za-z0-9_.-]+. */
static gboolean
is_object_id (const char *word)
{
  if (word == NULL || *word == '\0')
    return FALSE;
  for (const char *p = word; *p != '\0'; p++)
    if (!(g_ascii_isalnum (*p) || *p == '.' || *p == '_' || *p == '-'))
      return FALSE;
  return TRUE;
}

/* A space-separated list of rule codes, or of cable ids (@cables), into
 * @field (sorted). The cables need not be in the rig: a student may have
 * deleted one that the answer key or their marks name. Absent: empty; @required: must
 * be there and not empty. */
static gboolean
read_list (ExerciseReader *reader, xmlNode *node, const char *name, gboolean cables,
           gboolean required, char ***field, GError **error)
{
  g_autofree char *text = rig_xml_get_token (node, name);
  g_auto (GStrv) words = NULL;

  words = text != NULL && *text != '\0' ? g_strsplit (text, " ", -1) : g_new0 (char *, 1);
  if (required && words[0] == NULL)
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, reader->display_name, node,
                         _ ("<%s> has no “%s” attribute."), (const char *) node->name, name);
      return FALSE;
    }
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (cables && !is_object_id (words[i]))
        {
          rig_xml_set_error (error, RIG_ERROR_INVALID, reader->display_name, node,
                             _ ("<%s> names “%s”, which is not a cable id such as c3."),
                             (const char *) node->name, words[i]);
          return FALSE;
        }
      if (!cables && !is_code (words[i]))
        {
          rig_xml_set_error (error, RIG_ERROR_INVALID, reader->display_name, node,
                             _ ("<%s> names “%s”, which is not a problem code such as "
                                "connector.size."),
                             (const char *) node->name, words[i]);
          return FALSE;
        }
    }
  rig_exercise_set_strv (field, (const char *const *) words);
  return TRUE;
}

static gboolean
read_goal_device (ExerciseReader *reader, xmlNode *node, const char *name, char **id,
                  GError **error)
{
  /* The device need not be in the rig (the student may have deleted it):
   * the goal is then not met. */
  *id = rig_xml_get_token (node, name);
  if (is_object_id (*id))
    return TRUE;
  rig_xml_set_error (error, RIG_ERROR_INVALID, reader->display_name, node,
                     _ ("the “%s” attribute of <goal> must be a device id such as d2, not “%s”."),
                     name, *id ? *id : "");
  return FALSE;
}

static gboolean
read_goal (ExerciseReader *reader, xmlNode *node, GError **error)
{
  g_autofree char *kind_text = rig_xml_get_token (node, "kind");
  g_autofree char *count_text = NULL;
  g_autoptr (RigGoal) goal = NULL;
  int kind = rig_goal_kind_from_nick (kind_text);
  guint64 count;

  if (kind < 0)
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, reader->display_name, node,
                         _ ("unknown goal “%s”."), kind_text ? kind_text : "");
      return FALSE;
    }
  goal = rig_goal_new (kind);
  switch (goal->kind)
    {
      case RIG_GOAL_MAX_ADAPTERS:
        count_text = rig_xml_get_token (node, "count");
        if (count_text == NULL
            || !g_ascii_string_to_unsigned (count_text, 10, 0, G_MAXUINT, &count, NULL))
          {
            rig_xml_set_error (error, RIG_ERROR_INVALID, reader->display_name, node,
                               _ ("the “count” attribute of <goal> must be a whole number, not "
                                  "“%s”."),
                               count_text ? count_text : "");
            return FALSE;
          }
        goal->count = (guint) count;
        break;
      case RIG_GOAL_FORBID_CODES:
        if (!read_list (reader, node, "codes", FALSE, TRUE, &goal->codes, error))
          return FALSE;
        break;
      case RIG_GOAL_REACHES:
        if (!read_goal_device (reader, node, "from", &goal->from, error)
            || !read_goal_device (reader, node, "to", &goal->to, error))
          return FALSE;
        break;
      case RIG_GOAL_ALL_LISTENERS:
      case RIG_GOAL_NO_ERRORS:
      case RIG_GOAL_NO_WARNINGS:
      case RIG_N_GOAL_KINDS:
      default:
        break;
    }
  g_ptr_array_add (reader->exercise->goals, g_steal_pointer (&goal));
  return TRUE;
}

static gboolean
read_child (ExerciseReader *reader, xmlNode *node, GError **error)
{
  RigExercise *exercise = reader->exercise;

  if (!check_known_attributes (reader, node, error))
    return FALSE;
  if (rig_xml_is_element (node, "task"))
    {
      g_free (exercise->task);
      exercise->task = rig_xml_get_text (node);
      return TRUE;
    }
  if (rig_xml_is_element (node, "goal"))
    return read_goal (reader, node, error);
  if (rig_xml_is_element (node, "fault"))
    return read_list (reader, node, "cables", TRUE, TRUE, &exercise->fault_cables, error)
           && read_list (reader, node, "codes", FALSE, TRUE, &exercise->fault_codes, error);
  if (rig_xml_is_element (node, "choices"))
    return read_list (reader, node, "codes", FALSE, TRUE, &exercise->choices, error);
  if (rig_xml_is_element (node, "marks"))
    return read_list (reader, node, "cables", TRUE, FALSE, &exercise->marked_cables, error)
           && read_list (reader, node, "codes", FALSE, FALSE, &exercise->marked_codes, error);
  return rig_xml_set_not_allowed (error, reader->display_name, node, "exercise");
}

/* The locked and given attributes of the devices and cables under @root. */
static gboolean
read_locks (ExerciseReader *reader, xmlNode *root, GError **error)
{
  g_autoptr (GStrvBuilder) locked_devices = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) given = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) locked_cables = g_strv_builder_new ();

  for (xmlNode *section = root->children; section != NULL; section = section->next)
    {
      gboolean devices = rig_xml_is_element (section, "devices");

      if (!devices && !rig_xml_is_element (section, "cables"))
        continue;
      for (xmlNode *node = section->children; node != NULL; node = node->next)
        {
          g_autofree char *id = NULL;
          gboolean locked = FALSE, is_given = FALSE;

          if (node->type != XML_ELEMENT_NODE)
            continue;
          if (!read_boolean (reader, node, "locked", &locked, error)
              || (!devices && !read_boolean (reader, node, "given", &is_given, error)))
            return FALSE;
          if (!locked && !is_given)
            continue;
          id = rig_xml_get_token (node, "id");
          if (devices)
            g_strv_builder_add (locked_devices, id);
          else
            {
              g_strv_builder_add (given, id);
              if (locked)
                g_strv_builder_add (locked_cables, id);
            }
        }
    }
  g_strfreev (reader->exercise->locked_devices);
  reader->exercise->locked_devices = g_strv_builder_end (locked_devices);
  g_strfreev (reader->exercise->given_cables);
  reader->exercise->given_cables = g_strv_builder_end (given);
  g_strfreev (reader->exercise->locked_cables);
  reader->exercise->locked_cables = g_strv_builder_end (locked_cables);
  return TRUE;
}

gboolean
_rig_format_read_exercise (RigDocument *document, xmlNode *root, xmlNode *node,
                           const char *display_name, GError **error)
{
  ExerciseReader reader = { display_name, document, NULL };
  g_autoptr (RigExercise) exercise = rig_exercise_new ();

  /* The guided steps, with or without an exercise. */
  if (!_rig_format_read_lesson (document, root, display_name, error))
    return FALSE;
  /* An ordinary rig: devices and cables cannot be locked without an
   * exercise, and such attributes are not kept. */
  if (node == NULL)
    return TRUE;

  reader.exercise = exercise;
  if (!check_known_attributes (&reader, node, error)
      || !read_boolean (&reader, node, "hide-verdicts", &exercise->hide_verdicts, error)
      || !read_locks (&reader, root, error))
    return FALSE;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && !read_child (&reader, child, error))
      return FALSE;

  rig_exercise_normalize (exercise);
  _rig_document_set_exercise (document, exercise, NULL);
  return TRUE;
}

void
_rig_format_translate_exercise (RigDocument *document)
{
  const RigExercise *exercise = rig_document_get_exercise (document);
  g_autoptr (RigExercise) translated = NULL;

  _rig_format_translate_lesson (document);
  if (exercise == NULL || exercise->task[0] == '\0')
    return;
  translated = rig_exercise_copy (exercise);
  g_free (translated->task);
  translated->task = g_strdup (rig_catalog_text (exercise->task));
  _rig_document_set_exercise (document, translated, NULL);
}

/* Writing ======================================================================= */

void
_rig_format_write_lock (GString *out, RigDocument *document, const char *device_id,
                        const char *cable_id)
{
  const RigExercise *exercise = rig_document_get_exercise (document);

  if (exercise == NULL)
    return;
  if (device_id != NULL && rig_exercise_device_is_locked (exercise, device_id))
    rig_xml_append_attribute (out, "locked", "true");
  if (cable_id != NULL && rig_exercise_cable_is_given (exercise, cable_id))
    rig_xml_append_attribute (out, "given", "true");
  if (cable_id != NULL && rig_exercise_cable_is_locked (exercise, cable_id))
    rig_xml_append_attribute (out, "locked", "true");
}

/* A list attribute, left out when empty. */
static void
append_list (GString *out, const char *name, char **strv)
{
  g_autofree char *joined = NULL;

  if (strv == NULL || strv[0] == NULL)
    return;
  joined = g_strjoinv (" ", strv);
  rig_xml_append_attribute (out, name, joined);
}

static void
write_goal (GString *out, const RigGoal *goal)
{
  rig_xml_start_element (out, 4, "goal");
  rig_xml_append_attribute (out, "kind", rig_goal_kind_to_nick (goal->kind));
  if (goal->kind == RIG_GOAL_MAX_ADAPTERS)
    g_string_append_printf (out, " count=\"%u\"", goal->count);
  if (goal->kind == RIG_GOAL_FORBID_CODES)
    append_list (out, "codes", goal->codes);
  if (goal->kind == RIG_GOAL_REACHES)
    {
      rig_xml_append_attribute (out, "from", goal->from);
      rig_xml_append_attribute (out, "to", goal->to);
    }
  g_string_append (out, "/>\n");
}

void
_rig_format_write_exercise (GString *out, RigDocument *document)
{
  const RigExercise *exercise = rig_document_get_exercise (document);

  if (exercise == NULL)
    {
      _rig_format_write_lesson (out, document);
      return;
    }
  rig_xml_start_element (out, 2, "exercise");
  if (exercise->hide_verdicts)
    rig_xml_append_attribute (out, "hide-verdicts", "true");
  g_string_append (out, ">\n");
  rig_xml_append_text_element (out, 4, "task", exercise->task);
  for (guint i = 0; i < exercise->goals->len; i++)
    write_goal (out, g_ptr_array_index (exercise->goals, i));
  if (exercise->fault_cables[0] != NULL)
    {
      rig_xml_start_element (out, 4, "fault");
      append_list (out, "cables", exercise->fault_cables);
      append_list (out, "codes", exercise->fault_codes);
      g_string_append (out, "/>\n");
    }
  if (exercise->choices[0] != NULL)
    {
      rig_xml_start_element (out, 4, "choices");
      append_list (out, "codes", exercise->choices);
      g_string_append (out, "/>\n");
    }
  if (exercise->marked_cables[0] != NULL || exercise->marked_codes[0] != NULL)
    {
      rig_xml_start_element (out, 4, "marks");
      append_list (out, "cables", exercise->marked_cables);
      append_list (out, "codes", exercise->marked_codes);
      g_string_append (out, "/>\n");
    }
  rig_xml_end_element (out, 2, "exercise");
  _rig_format_write_lesson (out, document);
}
