/* rig-format-lesson.c: the lesson part of a .rigwire file
 * (schemas/rigwire.rng, "Lessons"; model/rig-lesson.h): reading the
 * <lesson> element and its <step>s, and writing them back in canonical
 * form, after <exercise>.
 *
 * The exercise reader (rig-format-exercise.c) hands the <rig> element here,
 * so the loader needs no more than to let <lesson> through. Nothing here
 * trusts the schema: every attribute is checked again. The ids a step
 * names need not be in the rig (the reader may have deleted one): the
 * window points at those that are.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rig-catalog-text.h"
#include "rig-document-private.h"
#include "rig-error.h"
#include "rig-format-lesson.h"
#include "rig-xml-writer.h"
#include "rig-xml.h"

/* Reading ======================================================================= */

static gboolean
check_step_attributes (xmlNode *node, const char *display_name, GError **error)
{
  static const char *const known[] = { "title", "devices", "cables", NULL };

  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (attr->ns != NULL || !g_strv_contains (known, (const char *) attr->name))
      {
        rig_xml_set_error (error, RIG_ERROR_INVALID, display_name, node,
                           _ ("<step> has an unknown attribute “%s”."), (const char *) attr->name);
        return FALSE;
      }
  return TRUE;
}

/* The ids of attribute @name ([A-Za-z0-9_.-]+, separated by spaces). */
static char **
read_ids (xmlNode *node, const char *name, const char *display_name, GError **error)
{
  g_autofree char *text = rig_xml_get_token (node, name);
  g_auto (GStrv) words = NULL;

  words = text != NULL && *text != '\0' ? g_strsplit (text, " ", -1) : g_new0 (char *, 1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean valid = words[i][0] != '\0';

      for (const char *p = words[i]; *p != '\0'; p++)
        valid = valid && (g_ascii_isalnum (*p) || *p == '.' || *p == '_' || *p == '-');
      if (!valid)
        {
          rig_xml_set_error (error, RIG_ERROR_INVALID, display_name, node,
                             _ ("<step> names “%s”, which is not an id such as d2 or c3."),
                             words[i]);
          return NULL;
        }
    }
  return g_steal_pointer (&words);
}

static gboolean
read_step (RigLesson *lesson, xmlNode *node, const char *display_name, GError **error)
{
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) devices = NULL;
  g_auto (GStrv) cables = NULL;

  if (!rig_xml_is_element (node, "step"))
    return rig_xml_set_not_allowed (error, display_name, node, "lesson");
  if (!check_step_attributes (node, display_name, error))
    return FALSE;
  title = rig_xml_get_string (node, "title");
  if (title == NULL || *title == '\0')
    {
      rig_xml_set_error (error, RIG_ERROR_INVALID, display_name, node,
                         _ ("<step> has no “title” attribute."));
      return FALSE;
    }
  devices = read_ids (node, "devices", display_name, error);
  if (devices == NULL)
    return FALSE;
  cables = read_ids (node, "cables", display_name, error);
  if (cables == NULL)
    return FALSE;
  text = rig_xml_get_text (node);
  rig_lesson_add_step (lesson, rig_lesson_step_new (title, text, (const char *const *) devices,
                                                    (const char *const *) cables));
  return TRUE;
}

gboolean
_rig_format_read_lesson (RigDocument *document, xmlNode *root, const char *display_name,
                         GError **error)
{
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autoptr (RigLesson) lesson = NULL;

      if (!rig_xml_is_element (node, "lesson"))
        continue;
      if (node->properties != NULL)
        {
          rig_xml_set_error (error, RIG_ERROR_INVALID, display_name, node,
                             _ ("<lesson> has an unknown attribute “%s”."),
                             (const char *) node->properties->name);
          return FALSE;
        }
      lesson = rig_lesson_new ();
      for (xmlNode *child = node->children; child != NULL; child = child->next)
        if (child->type == XML_ELEMENT_NODE && !read_step (lesson, child, display_name, error))
          return FALSE;
      _rig_document_set_lesson (document, lesson, NULL);
    }
  return TRUE;
}

void
_rig_format_translate_lesson (RigDocument *document)
{
  const RigLesson *lesson = rig_document_get_lesson (document);
  g_autoptr (RigLesson) translated = NULL;

  if (lesson == NULL)
    return;
  translated = rig_lesson_copy (lesson);
  for (guint i = 0; i < translated->steps->len; i++)
    {
      RigLessonStep *step = g_ptr_array_index (translated->steps, i);
      char *title = g_strdup (rig_catalog_text (step->title));
      char *text = g_strdup (rig_catalog_text (step->text));

      g_free (step->title);
      step->title = title;
      g_free (step->text);
      step->text = text;
    }
  _rig_document_set_lesson (document, translated, NULL);
}

/* Writing ======================================================================= */

static void
append_ids (GString *out, const char *name, char **ids)
{
  g_autofree char *joined = NULL;

  if (ids[0] == NULL)
    return;
  joined = g_strjoinv (" ", ids);
  rig_xml_append_attribute (out, name, joined);
}

void
_rig_format_write_lesson (GString *out, RigDocument *document)
{
  const RigLesson *lesson = rig_document_get_lesson (document);

  if (lesson == NULL)
    return;
  if (lesson->steps->len == 0)
    {
      g_string_append (out, "  <lesson/>\n");
      return;
    }
  g_string_append (out, "  <lesson>\n");
  for (guint i = 0; i < lesson->steps->len; i++)
    {
      const RigLessonStep *step = g_ptr_array_index (lesson->steps, i);

      rig_xml_start_element (out, 4, "step");
      rig_xml_append_attribute (out, "title", step->title);
      append_ids (out, "devices", step->devices);
      append_ids (out, "cables", step->cables);
      g_string_append_c (out, '>');
      rig_xml_append_escaped_text (out, step->text);
      g_string_append (out, "</step>\n");
    }
  rig_xml_end_element (out, 2, "lesson");
}
