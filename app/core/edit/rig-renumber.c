/* rig-renumber.c: the Renumber Cables edit. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rig-renumber.h"

static const char *
cable_prefix (RigDocument *doc, const RigCable *cable)
{
  const RigJack *from = rig_document_cable_jack (doc, cable, RIG_END_FROM);
  const RigJack *to = rig_document_cable_jack (doc, cable, RIG_END_TO);

  return from != NULL && to != NULL ? rig_cable_number_prefix (from, to) : "A";
}

static gboolean
number_has_prefix (const char *number, const char *prefix)
{
  gsize len = strlen (prefix);

  return number != NULL && strncmp (number, prefix, len) == 0 && number[len] == '-'
         && g_ascii_isdigit (number[len + 1]);
}

static int
compare_numbered (gconstpointer a, gconstpointer b)
{
  const RigCable *x = *(RigCable *const *) a, *y = *(RigCable *const *) b;

  return rig_id_compare (x->number, y->number);
}

RigCommand *
rig_renumber_command (RigDocument *doc)
{
  static const char *const prefixes[] = { "A", "D", "P", "S" };
  g_autoptr (GPtrArray) commands = g_ptr_array_new ();

  g_return_val_if_fail (RIG_IS_DOCUMENT (doc), NULL);

  for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
    {
      g_autoptr (GPtrArray) numbered = g_ptr_array_new ();
      g_autoptr (GPtrArray) others = g_ptr_array_new ();
      guint next = 1;

      for (guint i = 0; i < rig_document_get_n_cables (doc); i++)
        {
          RigCable *cable = rig_document_get_cable (doc, i);

          if (strcmp (cable_prefix (doc, cable), prefixes[p]) != 0)
            continue;
          g_ptr_array_add (number_has_prefix (cable->number, prefixes[p]) ? numbered : others,
                           cable);
        }
      g_ptr_array_sort (numbered, compare_numbered);
      g_ptr_array_extend_and_steal (numbered, g_steal_pointer (&others));
      for (guint i = 0; i < numbered->len; i++)
        {
          RigCable *cable = g_ptr_array_index (numbered, i);
          g_autofree char *number = g_strdup_printf ("%s-%03u", prefixes[p], next++);

          if (g_strcmp0 (cable->number, number) != 0)
            g_ptr_array_add (commands, rig_command_set_cable_number (cable->id, number));
        }
    }
  if (commands->len == 0)
    return NULL;
  return rig_command_group (_ ("Renumber Cables"), (RigCommand **) commands->pdata, commands->len);
}
