/* rig-recent.c: the rigs opened lately, through GtkRecentManager. */
#include "config.h"

#include "rig-recent.h"

void
rig_recent_add (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) RIG_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "rigwire %u",
  };

  if (data.app_name == NULL)
    data.app_name = (char *) "Rigwire";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* A rig: our MIME type, or a .rigwire name from a list that knew no type. */
static gboolean
is_rig (GtkRecentInfo *info)
{
  return g_strcmp0 (gtk_recent_info_get_mime_type (info), RIG_MIME_TYPE) == 0
         || g_str_has_suffix (gtk_recent_info_get_uri (info), ".rigwire");
}

static int
newest_first (gconstpointer a, gconstpointer b)
{
  GtkRecentInfo *x = *(GtkRecentInfo **) a, *y = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (y), gtk_recent_info_get_modified (x));
}

GStrv
rig_recent_dup_uris (guint max)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr (GPtrArray) rigs = g_ptr_array_new ();
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (GList *l = items; l != NULL; l = l->next)
    if (is_rig (l->data)
        && (!gtk_recent_info_is_local (l->data) || gtk_recent_info_exists (l->data)))
      g_ptr_array_add (rigs, l->data);
  g_ptr_array_sort (rigs, newest_first);
  for (guint i = 0; i < rigs->len && i < max; i++)
    g_strv_builder_add (builder, gtk_recent_info_get_uri (g_ptr_array_index (rigs, i)));
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  return g_strv_builder_end (builder);
}

void
rig_recent_migrate_settings (GSettings *settings)
{
  g_auto (GStrv) uris = g_settings_get_strv (settings, "recent-files");
  guint n = g_strv_length (uris);

  if (n == 0)
    return;
  /* Oldest first, so the newest ends up newest. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr (GFile) file = g_file_new_for_uri (uris[i - 1]);

      rig_recent_add (file);
    }
  g_settings_reset (settings, "recent-files");
}
