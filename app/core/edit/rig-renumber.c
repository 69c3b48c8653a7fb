/* rig-renumber.c: the Renumber Cables edit. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rig-renumber.h"

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
  g_autoptr (GPtrArray) commands = g_ptr_array_new ();

  g_return_val_if_fail (RIG_IS_DOCUMENT (doc), NULL);

  /* Prefix by prefix, in the order of RigCablePrefix (A, D, P, S). */
  for (RigCablePrefix p = 0; p < RIG_N_CABLE_PREFIXES; p++)
    {
      const char *letter = rig_cable_prefix_to_letter (p);
      g_autoptr (GPtrArray) numbered = g_ptr_array_new ();
      g_autoptr (GPtrArray) others = g_ptr_array_new ();
      guint next = 1;

      for (guint i = 0; i < rig_document_get_n_cables (doc); i++)
        {
          RigCable *cable = rig_document_get_cable (doc, i);

          if (rig_document_cable_prefix (doc, cable) != p)
            continue;
          g_ptr_array_add (number_has_prefix (cable->number, letter) ? numbered : others, cable);
        }
      g_ptr_array_sort (numbered, compare_numbered);
      g_ptr_array_extend_and_steal (numbered, g_steal_pointer (&others));
      for (guint i = 0; i < numbered->len; i++)
        {
          RigCable *cable = g_ptr_array_index (numbered, i);
          g_autofree char *number = g_strdup_printf ("%s-%03u", letter, next++);

          if (g_strcmp0 (cable->number, number) != 0)
            g_ptr_array_add (commands, rig_command_set_cable_number (cable->id, number));
        }
    }
  if (commands->len == 0)
    return NULL;
  return rig_command_group (_ ("Renumber Cables"), (RigCommand **) commands->pdata, commands->len);
}
