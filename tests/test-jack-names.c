/* test-jack-names.c: a jack's name is never cut to look like another's
 * (issue #12).
 *
 * The painter fits the names of every card of every model in the built-in
 * catalog and in the examples: on one card no two names read alike, none is
 * empty, none is drawn below the smallest size, and each stays in its row.
 * The fitting itself, on names made by hand: a name that fits is kept, a
 * longer one is shrunk, then wrapped, and cut only where neither serves,
 * keeping the part that tells it apart from the card's other names. On the
 * sheet, the cable schedule wraps a long jack name instead of cutting it.
 */
#include "config.h"

#include <string.h>

#include "rig-catalog.h"
#include "rig-format.h"
#include "rig-jack-name-fit.h"
#include "rig-painter.h"
#include "rig-sheet-private.h"
#include "rig-test-models.h"

#define EXAMPLES_PATH "/io/github/rigwire/Rigwire/examples/"

/* ---- every card the painter draws -------------------------------------- */

typedef struct
{
  guint models, names, shrunk, wrapped, cut;
} Counts;

/* Checks the fitted names of a card of @model. */
static void
check_card (RigPainter *painter, RigDeviceModel *model, Counts *counts)
{
  const RigJackNameFit *fits = rig_painter_get_jack_names (painter, model);
  const RigCardShape *shape = rig_layout_get_shape (rig_painter_get_layout (painter), model);

  g_assert_nonnull (fits);
  counts->models++;
  for (guint i = 0; i < model->n_jacks; i++)
    {
      const RigJackNameFit *fit = &fits[i];
      const RigPortShape *ps = &shape->ports[i];

      counts->names++;
      counts->cut += fit->cut;
      counts->wrapped += fit->wrap_width > 0;
      counts->shrunk += fit->scale < 1.0;
      if (fit->text == NULL || *fit->text == '\0')
        g_error ("%s: jack %s shows no name", model->id, model->jacks[i].id);
      if (fit->scale < RIG_JACK_NAME_MIN_SCALE - 1e-9 || fit->scale > 1.0)
        g_error ("%s: jack %s's name is drawn at %g of its size", model->id, model->jacks[i].id,
                 fit->scale);
      /* Within its port's label: never over the next row or out of the card. */
      if (fit->width > ps->label.width + 0.01 || fit->height > ps->label.height + 0.01)
        g_error ("%s: jack %s's name \"%s\" takes %g x %g, its label %g x %g", model->id,
                 model->jacks[i].id, fit->text, fit->width, fit->height, ps->label.width,
                 ps->label.height);
      if (!fit->cut)
        g_assert_cmpstr (fit->text, ==, rig_jack_get_display_name (&model->jacks[i]));
      for (guint j = 0; j < i; j++)
        if (strcmp (fits[j].text, fit->text) == 0)
          g_error ("%s: jacks %s and %s both read \"%s\"", model->id, model->jacks[j].id,
                   model->jacks[i].id, fit->text);
    }
}

static RigPainter *
painter_new (RigDocument *doc)
{
  g_autoptr (RigLayout) layout = rig_layout_new (doc);

  return rig_painter_new (layout);
}

static void
test_catalog_cards (void)
{
  RigCatalog *catalog = rig_test_builtin_catalog ();
  g_autoptr (RigDocument) doc = rig_document_new ();
  RigPainter *painter = painter_new (doc);
  Counts counts = { 0 };

  g_assert_cmpuint (rig_catalog_get_n_models (catalog), >=, 150);
  for (guint i = 0; i < rig_catalog_get_n_models (catalog); i++)
    check_card (painter, rig_catalog_get_model (catalog, i), &counts);
  g_assert_cmpuint (counts.models, ==, rig_catalog_get_n_models (catalog));
  g_test_message ("%u names on %u cards: %u shrunk, %u wrapped, %u cut", counts.names,
                  counts.models, counts.shrunk, counts.wrapped, counts.cut);
  rig_painter_free (painter);
}

/* The examples carry their own models (the home studio's interface names
 * two inputs "Line/instrument in 1 (TRS)" and "… 2 (TRS)"). */
static void
test_example_cards (void)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) names
      = g_resources_enumerate_children (EXAMPLES_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  Counts counts = { 0 };

  g_assert_no_error (error);
  for (guint n = 0; names[n] != NULL; n++)
    {
      g_autofree char *path = g_strconcat (EXAMPLES_PATH, names[n], NULL);
      g_autoptr (GBytes) bytes = g_resources_lookup_data (path, 0, &error);
      g_autoptr (RigDocument) doc = NULL;
      RigPainter *painter;

      g_assert_no_error (error);
      doc = rig_format_load_bytes (bytes, names[n], NULL, &error);
      g_assert_no_error (error);
      painter = painter_new (doc);
      for (guint i = 0; i < rig_document_get_n_devices (doc); i++)
        check_card (painter, rig_document_get_device (doc, i)->model, &counts);
      rig_painter_free (painter);
    }
  g_assert_cmpuint (counts.models, >, 10);
  g_test_message ("%u names on %u cards: %u shrunk, %u wrapped, %u cut", counts.names,
                  counts.models, counts.shrunk, counts.wrapped, counts.cut);
}

/* ---- the sheet's schedule ---------------------------------------------- */

/* The home studio, its interface's mic inputs renamed @name 1 and @name 2. */
static RigDocument *
home_studio (const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes
      = g_resources_lookup_data (EXAMPLES_PATH "home-studio.rigwire", 0, &error);
  g_autoptr (GString) xml = NULL;
  g_autoptr (GBytes) renamed = NULL;
  RigDocument *doc;

  g_assert_no_error (error);
  xml = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  for (guint i = 1; i <= 2; i++)
    {
      g_autofree char *from = g_strdup_printf ("name=\"Mic in %u (XLR)\"", i);
      g_autofree char *to = g_strdup_printf ("name=\"%s %u\"", name, i);

      g_assert_cmpuint (g_string_replace (xml, from, to, 1), ==, 1);
    }
  renamed = g_bytes_new (xml->str, xml->len);
  doc = rig_format_load_bytes (renamed, "home-studio.rigwire", NULL, &error);
  g_assert_no_error (error);
  return doc;
}

/* The schedule rows' heights: a row whose jack's name is longer than its
 * column takes the lines the name needs; the others keep their height. */
static void
test_schedule_wraps (void)
{
  const char *long_name = "Mic in (XLR and 6.35 mm combo socket, 48 V phantom power)";
  g_autoptr (RigDocument) plain = home_studio ("Mic in");
  g_autoptr (RigDocument) wrapped = home_studio (long_name);
  RigSheetOptions options;
  g_autoptr (RigSheet) plain_sheet = NULL;
  g_autoptr (RigSheet) sheet = NULL;
  guint n_tall = 0;

  rig_sheet_options_init (&options);
  plain_sheet = rig_sheet_new (plain, NULL, &options);
  for (guint i = 0; i < plain_sheet->schedule->len; i++)
    g_assert_cmpfloat (_rig_sheet_row_height (plain_sheet, TABLE_SCHEDULE, i), ==, SCHEDULE_ROW_H);

  sheet = rig_sheet_new (wrapped, NULL, &options);
  for (guint i = 0; i < sheet->schedule->len; i++)
    {
      const RigScheduleRow *row = g_ptr_array_index (sheet->schedule, i);
      double h = _rig_sheet_row_height (sheet, TABLE_SCHEDULE, i);

      if (g_str_has_prefix (row->to_jack, "Mic in (XLR"))
        {
          g_assert_cmpfloat (h, >, SCHEDULE_ROW_H + 4);
          n_tall++;
        }
      else
        g_assert_cmpfloat (h, ==, SCHEDULE_ROW_H);
    }
  g_assert_cmpuint (n_tall, ==, 2);
}

/* ---- the fitting, on names made by hand -------------------------------- */

#define FONT 0

static RigTextCache *
texts_new (void)
{
  RigTextCache *texts = rig_text_cache_new (96, 1000);

  rig_text_cache_set_font (texts, FONT, "Cantarell, Sans", 11, PANGO_WEIGHT_NORMAL,
                           RIG_TEXT_FONT_LABEL);
  return texts;
}

/* The natural size of @text on one line. */
static void
natural (RigTextCache *texts, const char *text, double *width, double *height)
{
  rig_text_size (rig_text_cache_layout (texts, FONT, text, -1, 1, PANGO_ALIGN_LEFT), width, height);
}

/* Fits @names, each into a room @width_factor times its natural width and
 * @lines lines tall. */
static RigJackNameFit *
fit_names (RigTextCache *texts, const char *const *names, guint n, double width_factor,
           double lines)
{
  g_autofree RigJackNameRoom *rooms = g_new (RigJackNameRoom, n);

  for (guint i = 0; i < n; i++)
    {
      double w, h;

      natural (texts, names[i], &w, &h);
      rooms[i] = (RigJackNameRoom){ FONT, w * width_factor, h * lines };
    }
  return rig_jack_name_fit_card (texts, names, rooms, n);
}

static void
assert_distinct (const RigJackNameFit *fits, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_assert_nonnull (fits[i].text);
      g_assert_cmpstr (fits[i].text, !=, "");
      g_assert_cmpfloat (fits[i].scale, >=, RIG_JACK_NAME_MIN_SCALE - 1e-9);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (fits[i].text, !=, fits[j].text);
    }
}

static const char *const interface_inputs[] = {
  "Line/instrument in 1 (TRS)",
  "Line/instrument in 2 (TRS)",
};

static void
test_fit_kept (void)
{
  g_autoptr (RigTextCache) texts = texts_new ();
  const char *const names[] = { "Line in" };
  RigJackNameFit *fits = fit_names (texts, names, 1, 1.01, 1);

  g_assert_cmpstr (fits[0].text, ==, "Line in");
  g_assert_cmpfloat (fits[0].scale, ==, 1.0);
  g_assert_cmpfloat (fits[0].wrap_width, <=, 0);
  g_assert_false (fits[0].cut);
  rig_jack_name_fits_free (fits, 1);
}

static void
test_fit_shrunk (void)
{
  g_autoptr (RigTextCache) texts = texts_new ();
  RigJackNameFit *fits = fit_names (texts, interface_inputs, 2, 0.9, 1);
  double w;

  natural (texts, interface_inputs[0], &w, NULL);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpstr (fits[i].text, ==, interface_inputs[i]);
      g_assert_cmpfloat_with_epsilon (fits[i].scale, 0.9, 0.01);
      g_assert_cmpfloat (fits[i].wrap_width, <=, 0);
      g_assert_cmpfloat (fits[i].width, <=, w * 0.9 + 0.01);
      g_assert_false (fits[i].cut);
    }
  rig_jack_name_fits_free (fits, 2);
}

static void
test_fit_wrapped (void)
{
  g_autoptr (RigTextCache) texts = texts_new ();
  RigJackNameFit *fits = fit_names (texts, interface_inputs, 2, 0.65, 2);
  double w, h;

  natural (texts, interface_inputs[0], &w, &h);
  for (guint i = 0; i < 2; i++)
    {
      /* Two lines at the largest scale that takes, within the room. */
      g_assert_cmpstr (fits[i].text, ==, interface_inputs[i]);
      g_assert_cmpfloat (fits[i].wrap_width, >, 0);
      g_assert_cmpfloat (fits[i].height, >, 1.5 * h * fits[i].scale);
      g_assert_cmpfloat (fits[i].height, <=, 2 * h + 0.01);
      g_assert_cmpfloat (fits[i].width, <=, w * 0.65 + 0.01);
      g_assert_false (fits[i].cut);
    }
  assert_distinct (fits, 2);
  rig_jack_name_fits_free (fits, 2);
}

/* One line only, too narrow even shrunk: cut, keeping what tells the two
 * apart ("Line/instr… in 1 (TRS)"), not cut at the end (both would read
 * "Line/instrument in …"). */
static void
test_fit_cut_apart (void)
{
  g_autoptr (RigTextCache) texts = texts_new ();
  RigJackNameFit *fits = fit_names (texts, interface_inputs, 2, 0.6, 1);

  assert_distinct (fits, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *tail = g_strdup_printf ("in %u (TRS)", i + 1);

      g_assert_true (fits[i].cut);
      g_assert_nonnull (strstr (fits[i].text, "…"));
      g_assert_true (g_str_has_prefix (fits[i].text, "Line"));
      g_assert_true (g_str_has_suffix (fits[i].text, tail));
      g_assert_cmpfloat (fits[i].wrap_width, <=, 0);
    }
  rig_jack_name_fits_free (fits, 2);
}

/* Long names that share a long start, and one that stands alone: each keeps
 * the word that tells it apart; the lone one is cut at its end. */
static void
test_fit_shared_prefix (void)
{
  g_autoptr (RigTextCache) texts = texts_new ();
  const char *const names[] = {
    "Balanced headphone output, left channel",
    "Balanced headphone output, right channel",
    "Balanced headphone output (4.4 mm Pentaconn)",
    "Thunderbolt and USB-C computer port",
    "Line in",
  };
  const char *const keys[] = { "left", "right", "4.4", "Thunderbolt", "Line in" };
  RigJackNameRoom rooms[G_N_ELEMENTS (names)];
  RigJackNameFit *fits;
  double w;

  /* Every room as wide as 60 % of the first name, one line. */
  natural (texts, names[0], &w, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    rooms[i] = (RigJackNameRoom){ FONT, w * 0.6, 14 };
  fits = rig_jack_name_fit_card (texts, names, rooms, G_N_ELEMENTS (names));
  assert_distinct (fits, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (strstr (fits[i].text, keys[i]) == NULL)
        g_error ("\"%s\" shows as \"%s\", without \"%s\"", names[i], fits[i].text, keys[i]);
      g_assert_cmpfloat (fits[i].width, <=, w * 0.6 + 0.01);
    }
  g_assert_true (fits[0].cut && fits[1].cut && fits[2].cut && fits[3].cut);
  g_assert_true (g_str_has_suffix (fits[3].text, "…"));
  g_assert_cmpstr (fits[4].text, ==, "Line in");
  g_assert_false (fits[4].cut);
  rig_jack_name_fits_free (fits, G_N_ELEMENTS (names));
}

/* A room narrower than any word still shows something of each name, and
 * the two apart. */
static void
test_fit_narrow (void)
{
  g_autoptr (RigTextCache) texts = texts_new ();
  RigJackNameRoom rooms[2] = { { FONT, 12, 14 }, { FONT, 12, 14 } };
  RigJackNameFit *fits = rig_jack_name_fit_card (texts, interface_inputs, rooms, 2);

  assert_distinct (fits, 2);
  g_assert_true (fits[0].cut && fits[1].cut);
  rig_jack_name_fits_free (fits, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jack-names/catalog-cards-read-apart", test_catalog_cards);
  g_test_add_func ("/jack-names/example-cards-read-apart", test_example_cards);
  g_test_add_func ("/jack-names/sheet/schedule-wraps-long-names", test_schedule_wraps);
  g_test_add_func ("/jack-names/fit/kept-when-it-fits", test_fit_kept);
  g_test_add_func ("/jack-names/fit/shrunk-within-limits", test_fit_shrunk);
  g_test_add_func ("/jack-names/fit/wrapped-onto-two-lines", test_fit_wrapped);
  g_test_add_func ("/jack-names/fit/cut-keeps-what-tells-apart", test_fit_cut_apart);
  g_test_add_func ("/jack-names/fit/shared-prefix-elided", test_fit_shared_prefix);
  g_test_add_func ("/jack-names/fit/narrow-room-still-apart", test_fit_narrow);
  return g_test_run ();
}
