/* test-palette.c: the device palette: grouping, search, activation, dragging.
 *
 * A display test: run it under Xvfb (xvfb-run). With no display it fails.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "rig-test-models.h"
#include "rig-test-widgets.h"

#include "rig-palette-private.h"

static RigCatalog *catalog;

typedef struct
{
  GtkWidget *window;
  RigPalette *palette;
} Fixture;

static void
fixture_setup (Fixture *fixture, gconstpointer data)
{
  fixture->palette = RIG_PALETTE (rig_palette_new (catalog));
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 300, 700);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->palette));
  gtk_window_present (GTK_WINDOW (fixture->window));
  rig_test_widgets_flush ();
}

static void
fixture_teardown (Fixture *fixture, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  rig_test_widgets_flush ();
}

static gboolean
strv_contains (GStrv strv, const char *id)
{
  return g_strv_contains ((const char *const *) strv, id);
}

static void
assert_visible (Fixture *fixture, const char *const *kept, const char *const *dropped)
{
  g_auto (GStrv) ids = rig_palette_dup_visible_ids (fixture->palette);

  for (guint i = 0; kept != NULL && kept[i] != NULL; i++)
    {
      if (!strv_contains (ids, kept[i]))
        g_error ("filter “%s” drops %s", rig_palette_get_filter_text (fixture->palette), kept[i]);
    }
  for (guint i = 0; dropped != NULL && dropped[i] != NULL; i++)
    {
      if (strv_contains (ids, dropped[i]))
        g_error ("filter “%s” keeps %s", rig_palette_get_filter_text (fixture->palette),
                 dropped[i]);
    }
}

/* The headers a list shows for its visible models: one per category, each
 * category in one run of rows; without a search, in category order. */
static void
assert_headers_follow_models (Fixture *fixture)
{
  g_auto (GStrv) ids = rig_palette_dup_visible_ids (fixture->palette);
  g_auto (GStrv) headers = rig_palette_dup_visible_headers (fixture->palette);
  g_autoptr (GStrvBuilder) expected_builder = g_strv_builder_new ();
  g_auto (GStrv) expected = NULL;
  gboolean searching = rig_palette_get_filter_text (fixture->palette)[0] != '\0';
  gboolean seen[RIG_N_CATEGORIES] = { FALSE };
  int last = -1;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      RigDeviceModel *model = rig_catalog_lookup (catalog, ids[i]);

      g_assert_nonnull (model);
      if (!searching)
        g_assert_cmpint ((int) model->category, >=, last);
      if ((int) model->category != last)
        {
          g_assert_false (seen[model->category]);
          seen[model->category] = TRUE;
          g_strv_builder_add (expected_builder, rig_category_to_label (model->category));
        }
      last = (int) model->category;
    }
  expected = g_strv_builder_end (expected_builder);
  g_assert_cmpstrv (headers, expected);
}

/* Exact words and name prefixes rank first, and Enter places the best match:
 * "electric guitar" is the guitar, not the bass whose keywords say "guitar". */
static void
test_search_ranks (Fixture *fixture, gconstpointer data)
{
  g_auto (GStrv) ids = NULL;

  rig_palette_set_filter_text (fixture->palette, "electric guitar");
  ids = rig_palette_dup_visible_ids (fixture->palette);
  g_assert_cmpstr (ids[0], ==, "guitar-electric");
  g_assert_true (g_strv_contains ((const char *const *) ids, "bass-active"));
  assert_headers_follow_models (fixture);
  g_clear_pointer (&ids, g_strfreev);

  /* Equal matches in the name: the name the search covers more comes first
   * ("Electric guitar" before "Guitar combo amplifier"). */
  rig_palette_set_filter_text (fixture->palette, "guitar");
  ids = rig_palette_dup_visible_ids (fixture->palette);
  g_assert_cmpstr (ids[0], ==, "guitar-electric");
  assert_headers_follow_models (fixture);
  g_clear_pointer (&ids, g_strfreev);

  /* The search cleared: back to category order. */
  rig_palette_set_filter_text (fixture->palette, "");
  assert_headers_follow_models (fixture);
}

static void
test_all_models_grouped (Fixture *fixture, gconstpointer data)
{
  g_auto (GStrv) ids = rig_palette_dup_visible_ids (fixture->palette);
  g_auto (GStrv) headers = rig_palette_dup_visible_headers (fixture->palette);

  g_assert_cmpuint (g_strv_length (ids), ==, rig_catalog_get_n_models (catalog));
  g_assert_cmpuint (rig_catalog_get_n_models (catalog), >=, 150);
  g_assert_cmpstr (headers[0], ==, rig_category_to_label (RIG_CATEGORY_SOURCE));
  g_assert_cmpstr (headers[1], ==, rig_category_to_label (RIG_CATEGORY_AMPLIFIER));
  g_assert_true (strv_contains (headers, "Passive speakers"));
  g_assert_true (strv_contains (headers, "Microphones"));
  g_assert_true (strv_contains (headers, "Adapters and splitters"));
  assert_headers_follow_models (fixture);
}

static void
test_filter_xlr (Fixture *fixture, gconstpointer data)
{
  static const char *const kept[] = {
    "mic-dynamic",        "mic-condenser",      "mixer-small", "interface-2x2",
    "adapter-xlr-to-trs", "adapter-trs-to-xlr", NULL,
  };
  static const char *const dropped[] = {
    "phone-ctia", "phone-omtp", "phone-usb-c", "headphones-32", "speaker-bookshelf", "tv", NULL,
  };
  g_auto (GStrv) headers = NULL;

  rig_palette_set_filter_text (fixture->palette, "XLR");
  assert_visible (fixture, kept, dropped);
  assert_headers_follow_models (fixture);
  headers = rig_palette_dup_visible_headers (fixture->palette);
  g_assert_true (strv_contains (headers, "Microphones"));
  g_assert_false (strv_contains (headers, "Sources"));

  /* Case does not matter. */
  rig_palette_set_filter_text (fixture->palette, "xlr");
  assert_visible (fixture, kept, dropped);
}

static void
test_filter_speaker (Fixture *fixture, gconstpointer data)
{
  static const char *const kept[] = {
    "speaker-bookshelf", "speaker-tower",     "speaker-center", "subwoofer-passive",
    "speaker-car",       "speaker-pa-active", "studio-monitor", NULL,
  };
  static const char *const dropped[] = { "phone-ctia", "mic-dynamic", "headset-ctia", NULL };
  g_auto (GStrv) ids = NULL;

  rig_palette_set_filter_text (fixture->palette, "speaker");
  assert_visible (fixture, kept, dropped);
  assert_headers_follow_models (fixture);

  /* Every passive speaker of the catalog. */
  ids = rig_palette_dup_visible_ids (fixture->palette);
  for (guint i = 0; i < rig_catalog_get_n_models (catalog); i++)
    {
      RigDeviceModel *model = rig_catalog_get_model (catalog, i);

      if (model->category == RIG_CATEGORY_PASSIVE_SPEAKER)
        g_assert_true (strv_contains (ids, model->id));
    }
}

static void
test_filter_connectors (Fixture *fixture, gconstpointer data)
{
  static const char *const kept_35[] = {
    "phone-ctia", "headphones-32", "adapter-35-to-635", "laptop", "mic-lavalier", NULL,
  };
  static const char *const dropped_35[] = { "mic-dynamic", "speaker-bookshelf", NULL };
  static const char *const kept_optical[] = { "tv", "av-receiver", "dac-optical", NULL };
  static const char *const dropped_optical[] = { "phone-ctia", "mic-dynamic", NULL };
  static const char *const kept_trrs[] = { "phone-ctia", "headset-ctia", "headset-omtp", NULL };
  static const char *const dropped_trrs[] = { "headphones-32", "speaker-bookshelf", NULL };
  static const char *const kept_words[] = { "mic-usb", NULL };
  static const char *const dropped_words[] = { "mic-dynamic", "phone-ctia", NULL };

  rig_palette_set_filter_text (fixture->palette, "3.5");
  assert_visible (fixture, kept_35, dropped_35);
  assert_headers_follow_models (fixture);

  rig_palette_set_filter_text (fixture->palette, "optical");
  assert_visible (fixture, kept_optical, dropped_optical);

  rig_palette_set_filter_text (fixture->palette, "TRRS");
  assert_visible (fixture, kept_trrs, dropped_trrs);

  /* A search word starts a word: "mic" is not in "beyerdynamic". */
  rig_palette_set_filter_text (fixture->palette, "mic");
  assert_visible (fixture,
                  (const char *const[]){ "mic-dynamic", "desktop-pc", "headset-ctia", NULL },
                  (const char *const[]){ "headphones-600", "speaker-bookshelf", NULL });
  rig_palette_set_filter_text (fixture->palette, "usb-c");
  assert_visible (fixture, (const char *const[]){ "phone-ctia", "earbuds-usb-c", NULL },
                  (const char *const[]){ "mic-dynamic", "phone-omtp", NULL });

  /* Every word must match. */
  rig_palette_set_filter_text (fixture->palette, "  usb   microphone ");
  assert_visible (fixture, kept_words, dropped_words);

  /* A grown catalog keeps the first match of the searches the end-to-end
   * test types, and finds an instrument by two words. */
  {
    static const char *const searches[][2] = {
      { "Smartphone (3.5", "phone-ctia" },
      { "Bookshelf", "speaker-bookshelf" },
      { "Integrated stereo", "amp-integrated" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      {
        g_auto (GStrv) ids = NULL;

        rig_palette_set_filter_text (fixture->palette, searches[i][0]);
        ids = rig_palette_dup_visible_ids (fixture->palette);
        g_assert_cmpstr (ids[0], ==, searches[i][1]);
      }
    rig_palette_set_filter_text (fixture->palette, "electric guitar");
    assert_visible (fixture, (const char *const[]){ "guitar-electric", NULL },
                    (const char *const[]){ "keyboard", "mic-dynamic", NULL });
  }

  /* By category name. */
  rig_palette_set_filter_text (fixture->palette, "Headphone amplifiers");
  {
    g_auto (GStrv) headers = rig_palette_dup_visible_headers (fixture->palette);
    g_assert_cmpstrv (headers, ((const char *const[]){ "Headphone amplifiers", NULL }));
  }
}

static void
test_filter_empty_restores (Fixture *fixture, gconstpointer data)
{
  g_auto (GStrv) none = NULL;
  g_auto (GStrv) none_headers = NULL;
  g_auto (GStrv) all = NULL;
  g_auto (GStrv) all_headers = NULL;

  rig_palette_set_filter_text (fixture->palette, "no such device zzz");
  none = rig_palette_dup_visible_ids (fixture->palette);
  none_headers = rig_palette_dup_visible_headers (fixture->palette);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_cmpuint (g_strv_length (none_headers), ==, 0);

  rig_palette_set_filter_text (fixture->palette, "");
  all = rig_palette_dup_visible_ids (fixture->palette);
  all_headers = rig_palette_dup_visible_headers (fixture->palette);
  g_assert_cmpuint (g_strv_length (all), ==, rig_catalog_get_n_models (catalog));
  g_assert_true (strv_contains (all_headers, "Sources"));
  assert_headers_follow_models (fixture);

  rig_palette_set_filter_text (fixture->palette, "XLR");
  rig_palette_set_filter_text (fixture->palette, NULL);
  g_assert_cmpstr (rig_palette_get_filter_text (fixture->palette), ==, "");
  {
    g_auto (GStrv) again = rig_palette_dup_visible_ids (fixture->palette);
    g_assert_cmpstrv (again, all);
  }
}

/* The search entry filters too, after the user pauses typing. */
static void
test_filter_from_entry (Fixture *fixture, gconstpointer data)
{
  GtkWidget *entry = rig_palette_get_search_entry (fixture->palette);
  static const char *const kept[] = { "mic-dynamic", NULL };
  static const char *const dropped[] = { "phone-ctia", NULL };

  gtk_editable_set_text (GTK_EDITABLE (entry), "XLR");
  g_signal_emit_by_name (entry, "search-changed");
  assert_visible (fixture, kept, dropped);
}

static void
model_activated_cb (RigPalette *palette, RigDeviceModel *model, gpointer user_data)
{
  GPtrArray *activated = user_data;

  g_ptr_array_add (activated, rig_device_model_ref (model));
}

static GtkListBoxRow *
find_row (Fixture *fixture, const char *id)
{
  GtkListBox *list = rig_palette_get_list_box (fixture->palette);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_strcmp0 (rig_palette_row_get_model (row)->id, id) == 0)
      return row;
  return NULL;
}

static void
test_activation (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) activated
      = g_ptr_array_new_with_free_func ((GDestroyNotify) rig_device_model_unref);
  GtkListBox *list = rig_palette_get_list_box (fixture->palette);
  GtkListBoxRow *row = find_row (fixture, "speaker-bookshelf");
  g_auto (GStrv) ids = NULL;

  g_signal_connect (fixture->palette, "model-activated", G_CALLBACK (model_activated_cb),
                    activated);

  /* Enter or a double click on a row. */
  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_cmpuint (activated->len, ==, 1);
  g_assert_true (g_ptr_array_index (activated, 0)
                 == rig_catalog_lookup (catalog, "speaker-bookshelf"));

  /* Enter in the search entry places the first match. */
  rig_palette_set_filter_text (fixture->palette, "condenser");
  ids = rig_palette_dup_visible_ids (fixture->palette);
  g_assert_cmpstr (ids[0], ==, "mic-condenser");
  g_signal_emit_by_name (rig_palette_get_search_entry (fixture->palette), "activate");
  g_assert_cmpuint (activated->len, ==, 2);
  g_assert_cmpstr (((RigDeviceModel *) g_ptr_array_index (activated, 1))->id, ==, "mic-condenser");

  /* ... and nothing when nothing matches. */
  rig_palette_set_filter_text (fixture->palette, "zzz");
  g_signal_emit_by_name (rig_palette_get_search_entry (fixture->palette), "activate");
  g_assert_cmpuint (activated->len, ==, 2);

  /* Double click, not single click, activates: a single click starts drags. */
  g_assert_false (gtk_list_box_get_activate_on_single_click (list));
}

static void
test_drag_content (Fixture *fixture, gconstpointer data)
{
  RigDeviceModel *model = rig_catalog_lookup (catalog, "mic-dynamic");
  g_autoptr (GdkContentProvider) provider = rig_palette_create_content_provider (model);
  g_autoptr (GdkContentFormats) formats = gdk_content_provider_ref_formats (provider);
  g_autoptr (GError) error = NULL;
  g_auto (GValue) value = G_VALUE_INIT;
  GtkListBoxRow *row = find_row (fixture, "mic-dynamic");
  g_autoptr (GListModel) controllers = NULL;
  gboolean has_drag_source = FALSE;

  g_assert_true (gdk_content_formats_contain_gtype (formats, G_TYPE_STRING));
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (provider, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_value_get_string (&value), ==, "rigwire-model:mic-dynamic");
  g_assert_true (g_str_has_prefix (g_value_get_string (&value), RIG_PALETTE_DRAG_PREFIX));

  /* Every row can be dragged, copying. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (row));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DRAG_SOURCE (controller))
        {
          has_drag_source = TRUE;
          g_assert_true (gtk_drag_source_get_actions (GTK_DRAG_SOURCE (controller))
                         & GDK_ACTION_COPY);
        }
    }
  g_assert_true (has_drag_source);
}

static void
test_rows_described (Fixture *fixture, gconstpointer data)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  for (guint i = 0; i < rig_catalog_get_n_models (catalog); i++)
    {
      RigDeviceModel *model = rig_catalog_get_model (catalog, i);
      const char *icon = rig_palette_get_model_icon_name (model);

      if (!gtk_icon_theme_has_icon (theme, icon))
        g_error ("%s: no icon %s in the theme", model->id, icon);
      g_assert_nonnull (find_row (fixture, model->id));
    }
}

static void
test_focus_search (Fixture *fixture, gconstpointer data)
{
  GtkWidget *entry = rig_palette_get_search_entry (fixture->palette);
  GtkWidget *focus;

  rig_palette_set_filter_text (fixture->palette, "xlr");
  rig_palette_focus_search (fixture->palette);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

int
main (int argc, char *argv[])
{
  if (!rig_test_widgets_init (&argc, &argv, "palette"))
    return g_test_run ();

  catalog = rig_test_builtin_catalog ();

#define ADD(path, func)                                                                            \
  g_test_add ("/palette/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("grouped", test_all_models_grouped);
  ADD ("filter/xlr", test_filter_xlr);
  ADD ("filter/speaker", test_filter_speaker);
  ADD ("filter/connectors", test_filter_connectors);
  ADD ("filter/empty-restores", test_filter_empty_restores);
  ADD ("filter/from-entry", test_filter_from_entry);
  ADD ("activation", test_activation);
  ADD ("search-ranks", test_search_ranks);
  ADD ("drag-content", test_drag_content);
  ADD ("rows-described", test_rows_described);
  ADD ("focus-search", test_focus_search);
#undef ADD

  return g_test_run ();
}
