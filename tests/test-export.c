/* test-export.c: wiring sheets and their PNG, SVG and PDF export.
 *
 * Every example rig exports to the three formats; the SVG parses (libxml2)
 * with the page's size and the drawing's elements; the PNG has the page's
 * size at its dpi and the error colour along an error cable (found through
 * rig_sheet_canvas_to_page()), nowhere on a clean rig's cables, and no colour
 * at all in greyscale; the PDF's text (pdftotext, poppler-utils) holds every
 * cable number of the schedule and every bill of materials line. A rig too
 * large for one page gives the pages the sheet says, with the table header
 * on each; a fixed scale tiles the diagram. Bad output paths fail with
 * RIG_ERROR_IO and leave no file behind. The schedule, BOM and problem rows,
 * and renumbering, are checked on their own. No display needed.
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>

#include "rig-catalog.h"
#include "rig-command.h"
#include "rig-error.h"
#include "rig-export.h"
#include "rig-text-cache.h"
#include "rig-format.h"
#include "rig-history.h"
#include "rig-layout.h"
#include "rig-painter.h"
#include "rig-renumber.h"
#include "rig-test-models.h"

static const char *const examples[] = {
  "car.rigwire",
  "home-studio.rigwire",
  "home-theater.rigwire",
  "lesson-aux-in-as-out.rigwire",
  "lesson-aux-power-speakers.rigwire",
  "lesson-aux-vs-headphone.rigwire",
  "lesson-headphone-amp-speakers.rigwire",
  "podcast-desk.rigwire",
};

/* ---- helpers ----------------------------------------------------------- */

static RigDocument *
load_example (const char *name)
{
  g_autofree char *path
      = g_test_build_filename (G_TEST_DIST, "..", "resources", "examples", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  RigDocument *doc = rig_format_load_file (file, rig_catalog_get_default (), &error);

  g_assert_no_error (error);
  return doc;
}

static char *
temp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("rigwire-test-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes @dir and the files in it. */
static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static guint
count_files (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (listing != NULL && g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

static void
options_for_test (RigSheetOptions *options)
{
  rig_sheet_options_init (options);
  options->date = "2026-01-02";
}

static void
export_ok (RigDocument *doc, const RigSheetOptions *options, const char *path,
           RigExportFormat format)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  g_assert_true (rig_export_file (doc, NULL, options, file, format, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* Runs a poppler tool; a missing tool fails the test (setup.sh installs it). */
static char *
run_tool (const char *const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                     &status, &error))
    g_error ("cannot run %s (build-aux/setup.sh installs poppler-utils): %s", argv[0],
             error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return g_steal_pointer (&out);
}

static char *
pdf_text (const char *path, int page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);

  if (page > 0)
    {
      const char *argv[] = { "pdftotext", "-layout", "-f", first, "-l", first, path, "-", NULL };
      return run_tool (argv);
    }
  else
    {
      const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
      return run_tool (argv);
    }
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

/* TRUE when a line of @text starts (after spaces) with @word, followed by a
 * space or the end of the line. */
static gboolean
has_line_starting (const char *text, const char *word)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *p = lines[i];
      gsize len = strlen (word);

      while (*p == ' ')
        p++;
      if (strncmp (p, word, len) == 0 && (p[len] == ' ' || p[len] == '\0'))
        return TRUE;
    }
  return FALSE;
}

/* TRUE when one line of @text holds @item and, after it, @count as a word. */
static gboolean
has_line_with (const char *text, const char *item, const char *count)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *word = g_strdup_printf (" %s ", count);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("%s ", lines[i]);
      const char *at = strstr (line, item);

      if (at != NULL && strstr (at + strlen (item), word) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* ---- every example, every format --------------------------------------- */

static void
check_png (const char *path, double width_pt, double height_pt, double dpi)
{
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, (int) ceil (width_pt * dpi / 72));
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, (int) ceil (height_pt * dpi / 72));
  cairo_surface_destroy (png);
}

static guint
count_elements (xmlNode *node, const char *name)
{
  guint n = 0;

  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0)
        n++;
      n += count_elements (node->children, name);
    }
  return n;
}

static void
check_svg (const char *path, double width_pt, double height_pt)
{
  xmlDoc *xml = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
  xmlNode *root;
  g_autofree char *expected_w = g_strdup_printf ("%gpt", width_pt);
  g_autofree char *expected_h = g_strdup_printf ("%gpt", height_pt);
  xmlChar *w, *h;

  g_assert_nonnull (xml);
  root = xmlDocGetRootElement (xml);
  g_assert_cmpstr ((const char *) root->name, ==, "svg");
  w = xmlGetProp (root, (const xmlChar *) "width");
  h = xmlGetProp (root, (const xmlChar *) "height");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod ((const char *) w, NULL), width_pt, 0.01);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod ((const char *) h, NULL), height_pt, 0.01);
  g_assert_true (g_str_has_suffix ((const char *) w, "pt"));
  /* Cards, cables, rules: paths; text: glyph symbols and their uses. */
  g_assert_cmpuint (count_elements (root, "path"), >, 100);
  g_assert_cmpuint (count_elements (root, "symbol"), >, 20);
  g_assert_cmpuint (count_elements (root, "use"), >, 200);
  xmlFree (w);
  xmlFree (h);
  xmlFreeDoc (xml);
}

static void
check_pdf (const char *path, RigDocument *doc, RigSheet *sheet)
{
  g_autofree char *text = pdf_text (path, 0);
  g_autoptr (GPtrArray) schedule = rig_sheet_schedule_rows (doc, rig_sheet_get_validator (sheet));
  g_autoptr (GPtrArray) bom = rig_sheet_bom_rows (doc, rig_sheet_get_validator (sheet));

  g_assert_cmpuint (pdf_pages (path), ==, rig_sheet_get_n_pages (sheet));
  g_assert_nonnull (strstr (text, rig_document_get_title (doc)));
  g_assert_nonnull (strstr (text, "Cable schedule"));
  g_assert_nonnull (strstr (text, "Bill of materials"));
  for (guint i = 0; i < schedule->len; i++)
    {
      RigScheduleRow *row = g_ptr_array_index (schedule, i);

      if (!has_line_starting (text, row->number))
        g_error ("%s: cable %s is not in the PDF's text", path, row->number);
    }
  for (guint i = 0; i < bom->len; i++)
    {
      RigBomRow *row = g_ptr_array_index (bom, i);

      if (!has_line_with (text, row->item, row->count_text))
        g_error ("%s: BOM line “%s” × %s is not in the PDF's text", path, row->item,
                 row->count_text);
    }
  if (rig_validator_count (rig_sheet_get_validator (sheet), RIG_SEVERITY_ERROR) > 0)
    {
      g_assert_nonnull (strstr (text, "Problems and fixes"));
      g_assert_nonnull (strstr (text, "Fix: "));
    }
  else
    g_assert_null (strstr (text, "Problems and fixes"));
}

static void
test_example (gconstpointer data)
{
  const char *name = data;
  g_autoptr (RigDocument) doc = load_example (name);
  g_autofree char *dir = temp_dir ();
  g_autofree char *png = g_build_filename (dir, "sheet.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "sheet.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  RigSheetOptions options;
  g_autoptr (RigSheet) sheet = NULL;
  double w, h;

  options_for_test (&options);
  sheet = rig_sheet_new (doc, NULL, &options);
  rig_sheet_get_page_size (sheet, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 595.2756, 0.001);
  g_assert_cmpfloat_with_epsilon (h, 841.8898, 0.001);
  g_assert_cmpuint (rig_sheet_get_n_pages (sheet), >=, 1);

  export_ok (doc, &options, png, RIG_EXPORT_PNG);
  export_ok (doc, &options, svg, RIG_EXPORT_SVG);
  export_ok (doc, &options, pdf, RIG_EXPORT_PDF);
  g_assert_cmpuint (count_files (dir), ==, 3); /* no temporary file left */

  check_png (png, w, h, RIG_SHEET_DEFAULT_DPI);
  check_svg (svg, w, h);
  check_pdf (pdf, doc, sheet);
  remove_dir (dir);
}

/* ---- PNG pixels -------------------------------------------------------- */

static guint32
pixel (cairo_surface_t *png, int x, int y)
{
  const unsigned char *data = cairo_image_surface_get_data (png);
  int stride = cairo_image_surface_get_stride (png);

  if (x < 0 || y < 0 || x >= cairo_image_surface_get_width (png)
      || y >= cairo_image_surface_get_height (png))
    return 0xFFFFFF;
  return *(const guint32 *) (data + y * stride + x * 4) & 0xFFFFFF;
}

/* Whether @a is ink of colour @b over white paper, within @tolerance per
 * channel: @b itself, or @b covering half the pixel or more. A stroke about a
 * pixel wide (a cable of a wide rig fitted to the page) spreads over two
 * rows of pixels, neither of them all ink. */
static gboolean
near_ink (guint32 a, guint32 b, int tolerance)
{
  double dot = 0, norm = 0, cover;

  for (int shift = 0; shift <= 16; shift += 8)
    {
      int pa = 255 - (int) ((a >> shift) & 0xff), pb = 255 - (int) ((b >> shift) & 0xff);

      dot += pa * pb;
      norm += pb * pb;
    }
  cover = norm > 0 ? MIN (dot / norm, 1) : 1;
  if (cover < 0.5)
    return FALSE;
  for (int shift = 0; shift <= 16; shift += 8)
    {
      double ink = 255 - cover * (255 - (int) ((b >> shift) & 0xff));

      if (fabs ((int) ((a >> shift) & 0xff) - ink) > tolerance)
        return FALSE;
    }
  return TRUE;
}

/* How many of the sample points along a cable have ink of @colour within 2 px. */
static guint
colour_hits_along (RigSheet *sheet, RigDocument *doc, const char *cable_id, cairo_surface_t *png,
                   double dpi, guint32 colour)
{
  g_autoptr (RigLayout) layout = rig_layout_new (doc);
  guint hits = 0;
  for (guint i = 0; i < 20; i++)
    {
      double t = 0.08 + i * 0.017 + (i >= 10 ? 0.35 : 0); /* away from the label */
      RigPoint p;
      double px, py;
      gboolean hit = FALSE;

      g_assert_true (rig_layout_get_cable_point (layout, cable_id, t, &p));
      g_assert_true (rig_sheet_canvas_to_page (sheet, 0, p.x, p.y, &px, &py));
      px *= dpi / 72;
      py *= dpi / 72;
      for (int dy = -2; dy <= 2 && !hit; dy++)
        for (int dx = -2; dx <= 2 && !hit; dx++)
          hit = near_ink (pixel (png, (int) px + dx, (int) py + dy), colour, 24);
      hits += hit;
    }
  return hits;
}

static void
test_png_error_colour (void)
{
  g_autoptr (RigDocument) doc = load_example ("lesson-aux-power-speakers.rigwire");
  g_autoptr (RigValidator) validator = rig_validator_new (doc);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "lesson.png", NULL);
  g_autoptr (RigSheet) sheet = NULL;
  RigSheetOptions options;
  cairo_surface_t *png;
  guint hits;

  g_assert_cmpint (rig_validator_get_cable_status (validator, "c1"), ==, RIG_SEVERITY_ERROR);
  options_for_test (&options);
  sheet = rig_sheet_new (doc, validator, &options);
  export_ok (doc, &options, path, RIG_EXPORT_PNG);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);

  /* Dashed: most samples, not all, fall on ink. */
  hits = colour_hits_along (sheet, doc, "c1", png, RIG_SHEET_DEFAULT_DPI, RIG_PAINTER_COLOR_ERROR);
  g_assert_cmpuint (hits, >=, 8);
  cairo_surface_destroy (png);
  remove_dir (dir);
}

static void
test_png_clean_rig (void)
{
  g_autoptr (RigDocument) doc = load_example ("home-theater.rigwire");
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "clean.png", NULL);
  g_autoptr (RigSheet) sheet = NULL;
  RigSheetOptions options;
  cairo_surface_t *png;

  options_for_test (&options);
  options.dpi = 100;
  sheet = rig_sheet_new (doc, NULL, &options);
  export_ok (doc, &options, path, RIG_EXPORT_PNG);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, (int) ceil (595.2756 * 100 / 72));
  for (guint i = 0; i < rig_document_get_n_cables (doc); i++)
    {
      RigCable *cable = rig_document_get_cable (doc, i);

      g_assert_cmpuint (
          colour_hits_along (sheet, doc, cable->id, png, 100, RIG_PAINTER_COLOR_ERROR), ==, 0);
      g_assert_cmpuint (
          colour_hits_along (sheet, doc, cable->id, png, 100, RIG_PAINTER_COLOR_NEUTRAL), >=, 10);
    }
  cairo_surface_destroy (png);
  remove_dir (dir);
}

static void
test_png_greyscale (void)
{
  g_autoptr (RigDocument) doc = load_example ("lesson-aux-vs-headphone.rigwire");
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "grey.png", NULL);
  RigSheetOptions options;
  cairo_surface_t *png;
  guint coloured = 0;

  options_for_test (&options);
  options.greyscale = TRUE;
  options.dpi = 72;
  export_ok (doc, &options, path, RIG_EXPORT_PNG);
  png = cairo_image_surface_create_from_png (path);
  for (int y = 0; y < cairo_image_surface_get_height (png); y++)
    for (int x = 0; x < cairo_image_surface_get_width (png); x++)
      {
        guint32 p = pixel (png, x, y);
        int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

        coloured += MAX (abs (r - g), MAX (abs (g - b), abs (r - b))) > 12;
      }
  g_assert_cmpuint (coloured, ==, 0);
  cairo_surface_destroy (png);
  remove_dir (dir);
}

/* ---- several pages ----------------------------------------------------- */

/* A long rig: @n phones each plugged into a powered speaker's aux in. */
static RigDocument *
long_rig (guint n)
{
  RigCatalog *catalog = rig_catalog_get_default ();
  RigDocument *doc = rig_document_new ();
  RigHistory *history = rig_test_history (doc);
  RigDeviceModel *phone = rig_catalog_lookup (catalog, "phone-ctia");
  /* Headphones: a listener that needs no power, so the rig has no problems. */
  RigDeviceModel *speaker = rig_catalog_lookup (catalog, "headphones-32");

  g_assert_nonnull (phone);
  g_assert_nonnull (speaker);
  g_assert_true (
      rig_history_apply (history, rig_command_set_metadata ("Long rig", "Tests", NULL), NULL));
  for (guint i = 0; i < n; i++)
    {
      RigCommand *a = rig_command_add_device (phone, NULL, 40, 40 + i * 160.0);
      RigCommand *b = rig_command_add_device (speaker, NULL, 500, 40 + i * 160.0);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autoptr (GError) error = NULL;

      g_assert_true (rig_history_apply (history, a, NULL));
      from = g_strdup (rig_command_get_created_id (a));
      g_assert_true (rig_history_apply (history, b, NULL));
      to = g_strdup (rig_command_get_created_id (b));
      g_assert_true (rig_history_apply (
          history, rig_command_add_cable (from, "headset", to, speaker->jacks[0].id, NULL, NULL),
          &error));
      g_assert_no_error (error);
    }
  return doc;
}

static void
test_multipage (void)
{
  g_autoptr (RigDocument) doc = long_rig (80);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "long.pdf", NULL);
  g_autoptr (RigSheet) sheet = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  RigSheetOptions options;
  guint n_pages, first, seen = 0;

  options_for_test (&options);
  sheet = rig_sheet_new (doc, NULL, &options);
  n_pages = rig_sheet_get_n_pages (sheet);
  first = (guint) rig_sheet_get_table_first_page (sheet, "schedule");
  rows = rig_sheet_schedule_rows (doc, NULL);
  g_assert_cmpuint (rows->len, ==, 80);

  /* The rig is tall: its diagram fills page 1, so the schedule starts on
   * page 2. An A4 page holds 841.9 - 2 × 36 (margins) - 18 (footer) - 24
   * (running header) = 727.9 pt, less 20 + 15 for the heading and the table
   * header: 30 rows of 23 pt. 80 rows: 30 + 30 + 20 on pages 2 to 4, and the
   * bill of materials fits under the last 20 (there are no problems). */
  g_assert_cmpint (rig_sheet_get_table_first_page (sheet, "schedule"), ==, 1);
  g_assert_cmpint (rig_sheet_get_table_first_page (sheet, "bom"), ==, 3);
  g_assert_cmpint (rig_sheet_get_table_first_page (sheet, "problems"), ==, -1);
  g_assert_cmpuint (n_pages, ==, 4);
  export_ok (doc, &options, path, RIG_EXPORT_PDF);
  g_assert_cmpuint (pdf_pages (path), ==, n_pages);

  /* Each page of the schedule has its heading and the table header, and
   * together they hold every row once, in order. */
  for (guint p = first; p < n_pages && seen < rows->len; p++)
    {
      guint on_page = seen;

      g_autofree char *text = pdf_text (path, (int) p + 1);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", p + 1, n_pages);

      g_assert_nonnull (strstr (text, footer));
      g_assert_nonnull (
          strstr (text, p == first ? "Cable schedule" : "Cable schedule (continued)"));
      g_assert_true (has_line_starting (text, "No."));
      g_assert_nonnull (strstr (text, "From"));
      g_assert_nonnull (strstr (text, "Adapters"));
      while (
          seen < rows->len
          && has_line_starting (text, ((RigScheduleRow *) g_ptr_array_index (rows, seen))->number))
        seen++;
      g_assert_cmpuint (seen - on_page, ==, p < 3 ? 30 : 20);
      if (p > first)
        g_assert_true (has_line_starting (text, "Long") || strstr (text, "Long rig") != NULL);
    }
  g_assert_cmpuint (seen, ==, rows->len);

  /* The diagram only is one page. */
  options.kind = RIG_SHEET_DIAGRAM_ONLY;
  g_clear_pointer (&sheet, rig_sheet_free);
  sheet = rig_sheet_new (doc, NULL, &options);
  g_assert_cmpuint (rig_sheet_get_n_pages (sheet), ==, 1);
  remove_dir (dir);
}

static void
test_tiles (void)
{
  g_autoptr (RigDocument) doc = load_example ("podcast-desk.rigwire");
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "tiles.pdf", NULL);
  g_autoptr (RigSheet) sheet = NULL;
  g_autoptr (RigLayout) layout = rig_layout_new (doc);
  g_autofree char *text = NULL;
  RigSheetOptions options;
  RigRect bounds;
  guint columns, rows, tiles;
  double x, y;

  options_for_test (&options);
  options.kind = RIG_SHEET_DIAGRAM_ONLY;
  options.scale = 1.0;
  sheet = rig_sheet_new (doc, NULL, &options);
  tiles = rig_sheet_get_n_diagram_pages (sheet, &columns, &rows);
  g_assert_cmpfloat_with_epsilon (rig_sheet_get_diagram_scale (sheet), 0.75, 1e-9);

  /* The podcast desk is about 1,900 units wide: at 100 % (0.75 pt a unit)
   * about 1,400 pt, three A4 portrait pages across. */
  g_assert_true (rig_layout_get_bounds (layout, &bounds));
  g_assert_cmpuint (columns, ==, 3);
  g_assert_cmpuint (rows, ==, 1);
  g_assert_cmpuint (tiles, ==, 3);
  g_assert_cmpuint (rig_sheet_get_n_pages (sheet), ==, 3);

  /* Every point of the rig is on some tile; a point in an overlap on two. */
  for (double fx = 0.05; fx < 1; fx += 0.1)
    {
      guint on = 0;

      for (guint p = 0; p < tiles; p++)
        on += rig_sheet_canvas_to_page (sheet, p, bounds.x + fx * bounds.width,
                                        bounds.y + bounds.height / 2, &x, &y);
      g_assert_cmpuint (on, >=, 1);
    }

  export_ok (doc, &options, path, RIG_EXPORT_PDF);
  g_assert_cmpuint (pdf_pages (path), ==, 3);
  text = pdf_text (path, 2);
  g_assert_nonnull (strstr (text, "Tile A2 of 3 × 1"));
  g_assert_nonnull (strstr (text, "A1"));
  g_assert_nonnull (strstr (text, "A3"));

  /* A full sheet puts its tables after the tiles. */
  options.kind = RIG_SHEET_FULL;
  g_clear_pointer (&sheet, rig_sheet_free);
  sheet = rig_sheet_new (doc, NULL, &options);
  g_assert_cmpint (rig_sheet_get_table_first_page (sheet, "schedule"), ==, 3);
  remove_dir (dir);
}

static void
test_page_sizes (void)
{
  g_autoptr (RigDocument) doc = load_example ("car.rigwire");
  const struct
  {
    RigPageSize size;
    gboolean landscape;
    double w, h;
  } cases[] = {
    { RIG_PAGE_A4, FALSE, 595.2756, 841.8898 },
    { RIG_PAGE_A4, TRUE, 841.8898, 595.2756 },
    { RIG_PAGE_LETTER, FALSE, 612, 792 },
    { RIG_PAGE_A3, TRUE, 1190.5512, 841.8898 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RigSheetOptions options;
      g_autoptr (RigSheet) sheet = NULL;
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GError) error = NULL;
      double w, h;

      options_for_test (&options);
      options.page_size = cases[i].size;
      options.landscape = cases[i].landscape;
      sheet = rig_sheet_new (doc, NULL, &options);
      rig_sheet_get_page_size (sheet, &w, &h);
      g_assert_cmpfloat_with_epsilon (w, cases[i].w, 0.001);
      g_assert_cmpfloat_with_epsilon (h, cases[i].h, 0.001);

      options.dpi = 36;
      bytes = rig_export_bytes (doc, NULL, &options, RIG_EXPORT_PNG, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
    }
  g_assert_cmpint (rig_page_size_from_nick ("Letter"), ==, RIG_PAGE_LETTER);
  g_assert_cmpint (rig_page_size_from_nick ("b5"), ==, -1);
  g_assert_cmpstr (rig_page_size_to_nick (RIG_PAGE_A3), ==, "a3");
}

/* ---- errors: nothing left behind --------------------------------------- */

static void
export_fails (RigDocument *doc, const char *path, RigExportFormat format, int code)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  RigSheetOptions options;

  options_for_test (&options);
  g_assert_false (rig_export_file (doc, NULL, &options, file, format, &error));
  g_assert_error (error, RIG_ERROR, code);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_bad_paths (void)
{
  g_autoptr (RigDocument) doc = load_example ("car.rigwire");
  g_autofree char *dir = temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "sheet.pdf", NULL);
  g_autofree char *folder = g_build_filename (dir, "a-folder.pdf", NULL);
  g_autofree char *file = g_build_filename (dir, "a-file", NULL);
  g_autofree char *under_file = g_build_filename (dir, "a-file", "sheet.svg", NULL);
  g_autofree char *kept = g_build_filename (dir, "kept.png", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  RigSheetOptions options;
  g_autoptr (GFile) kept_file = g_file_new_for_path (kept);

  /* A folder that does not exist. */
  export_fails (doc, missing, RIG_EXPORT_PDF, RIG_ERROR_IO);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* A read-only place (even root cannot create files in /proc). */
  export_fails (doc, "/proc/rigwire-test-sheet.pdf", RIG_EXPORT_PDF, RIG_ERROR_IO);
  g_assert_false (g_file_test ("/proc/rigwire-test-sheet.pdf", G_FILE_TEST_EXISTS));

  /* A target that is a folder, and a "folder" that is a file: the rename or
   * the temporary file fails, and nothing is left beside them. */
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  export_fails (doc, folder, RIG_EXPORT_PDF, RIG_ERROR_IO);
  export_fails (doc, under_file, RIG_EXPORT_SVG, RIG_ERROR_IO);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_files (dir), ==, 2);

  /* A PNG resolution out of range changes nothing: an existing file stays. */
  g_assert_true (g_file_set_contents (kept, "old", 3, NULL));
  options_for_test (&options);
  options.dpi = 5000;
  g_assert_false (rig_export_file (doc, NULL, &options, kept_file, RIG_EXPORT_PNG, &error));
  g_assert_error (error, RIG_ERROR, RIG_ERROR_INVALID);
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (count_files (dir), ==, 3);

  /* Over an existing file, a good export replaces it whole. */
  g_clear_error (&error);
  options.dpi = 50;
  g_assert_true (rig_export_file (doc, NULL, &options, kept_file, RIG_EXPORT_PNG, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_true (memcmp (contents, "\x89PNG", 4) == 0);
  g_assert_cmpuint (count_files (dir), ==, 3);

  g_rmdir (folder);
  remove_dir (dir);
}

static void
test_format_names (void)
{
  g_assert_cmpint (rig_export_format_for_name ("sheet.png"), ==, RIG_EXPORT_PNG);
  g_assert_cmpint (rig_export_format_for_name ("/a/b/Sheet.SVG"), ==, RIG_EXPORT_SVG);
  g_assert_cmpint (rig_export_format_for_name ("x.tar.pdf"), ==, RIG_EXPORT_PDF);
  g_assert_cmpint (rig_export_format_for_name ("sheet.jpg"), ==, -1);
  g_assert_cmpint (rig_export_format_for_name ("pdf"), ==, -1);
  g_assert_cmpint (rig_export_format_for_name (".pdf"), ==, -1);
  g_assert_cmpint (rig_export_format_for_name ("dir.pdf/sheet"), ==, -1);
  g_assert_cmpstr (rig_export_format_to_mime_type (RIG_EXPORT_SVG), ==, "image/svg+xml");
  g_assert_cmpuint (rig_export_format_n_pages (RIG_EXPORT_PNG, 5), ==, 1);
  g_assert_cmpuint (rig_export_format_n_pages (RIG_EXPORT_PDF, 5), ==, 5);
}

/* The nicks are GEnum types' (generated by mkenums): every value has one,
 * the wrappers agree with the types, and parsing ignores case. */
static void
test_enum_nicks (void)
{
  g_autoptr (GEnumClass) formats = g_type_class_ref (RIG_TYPE_EXPORT_FORMAT);
  g_autoptr (GEnumClass) sizes = g_type_class_ref (RIG_TYPE_PAGE_SIZE);

  g_assert_cmpuint (formats->n_values, ==, RIG_N_EXPORT_FORMATS);
  g_assert_cmpuint (sizes->n_values, ==, RIG_N_PAGE_SIZES);
  for (guint i = 0; i < RIG_N_EXPORT_FORMATS; i++)
    {
      const char *nick = rig_export_format_to_nick (i);
      g_autofree char *upper = g_ascii_strup (nick, -1);

      g_assert_cmpstr (nick, ==, g_enum_get_value (formats, (int) i)->value_nick);
      g_assert_cmpint (rig_export_format_from_nick (nick), ==, (int) i);
      g_assert_cmpint (rig_export_format_from_nick (upper), ==, (int) i);
    }
  for (guint i = 0; i < RIG_N_PAGE_SIZES; i++)
    {
      const char *nick = rig_page_size_to_nick (i);

      g_assert_cmpstr (nick, ==, g_enum_get_value (sizes, (int) i)->value_nick);
      g_assert_cmpint (rig_page_size_from_nick (nick), ==, (int) i);
    }
  g_assert_cmpstr (rig_export_format_to_nick (RIG_EXPORT_PNG), ==, "png");
  g_assert_cmpstr (rig_export_format_to_nick (RIG_EXPORT_SVG), ==, "svg");
  g_assert_cmpstr (rig_export_format_to_nick (RIG_EXPORT_PDF), ==, "pdf");
  g_assert_cmpint (rig_export_format_from_nick ("Pdf"), ==, RIG_EXPORT_PDF);
  g_assert_cmpint (rig_export_format_from_nick ("jpeg"), ==, -1);
  g_assert_cmpint (rig_export_format_from_nick (""), ==, -1);
  g_assert_cmpint (rig_export_format_from_nick (NULL), ==, -1);
  g_assert_cmpstr (rig_page_size_to_nick (RIG_PAGE_A4), ==, "a4");
  g_assert_cmpstr (rig_page_size_to_nick (RIG_PAGE_LETTER), ==, "letter");
  g_assert_cmpint (rig_page_size_from_nick ("A4"), ==, RIG_PAGE_A4);
  g_assert_cmpint (rig_page_size_from_nick (NULL), ==, -1);
}

/* ---- rows -------------------------------------------------------------- */

static void
test_schedule_rows (void)
{
  g_autoptr (RigDocument) doc = load_example ("home-theater.rigwire");
  g_autoptr (GPtrArray) rows = rig_sheet_schedule_rows (doc, NULL);
  const char *const numbers[]
      = { "A-001", "D-001", "P-001", "P-002", "S-001", "S-002", "S-003", "S-004", "S-005" };
  RigScheduleRow *row;

  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (numbers));
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (((RigScheduleRow *) g_ptr_array_index (rows, i))->number, ==, numbers[i]);

  row = g_ptr_array_index (rows, 4);
  g_assert_cmpstr (row->from_device, ==, "AV receiver");
  g_assert_cmpstr (row->from_jack, ==, "Front left speaker");
  g_assert_cmpstr (row->to_device, ==, "Front left");
  g_assert_cmpstr (row->cable_type, ==, "Speaker wire");
  g_assert_cmpstr (row->cable_detail, ==, "2 conductors");
  g_assert_cmpstr (row->length, ==, "3 m");
  g_assert_cmpstr (row->gauge, ==, "16 AWG");
  g_assert_cmpstr (row->adapters, ==, "—");
  g_assert_cmpint (row->status, ==, RIG_SEVERITY_NONE);
  g_assert_cmpstr (row->status_label, ==, "OK");

  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row->cable_type, ==, "Optical (TOSLINK) cable");
  g_assert_cmpstr (row->gauge, ==, "—");
}

static void
test_schedule_problems (void)
{
  g_autoptr (RigDocument) doc = load_example ("lesson-aux-vs-headphone.rigwire");
  g_autoptr (RigValidator) validator = rig_validator_new (doc);
  g_autoptr (GPtrArray) rows = rig_sheet_schedule_rows (doc, validator);
  g_autoptr (GPtrArray) problems = rig_sheet_problem_rows (validator);
  RigScheduleRow *first = g_ptr_array_index (rows, 0);

  /* Two problems: the headphones are loud enough on the phone (physics.md §6.4). */
  g_assert_cmpuint (problems->len, ==, 2);
  for (guint i = 0; i < problems->len; i++)
    g_assert_cmpuint (((RigProblemRow *) g_ptr_array_index (problems, i))->number, ==, i + 1);
  /* A-001 has the error (problem 1). */
  g_assert_cmpstr (first->number, ==, "A-001");
  g_assert_cmpint (first->status, ==, RIG_SEVERITY_ERROR);
  g_assert_cmpstr (first->status_label, ==, "Error");
  g_assert_cmpstr (first->problems, ==, "1");
  g_assert_cmpstr (first->cable_type, ==, "Plugged in directly");
}

static const RigBomRow *
find_bom (GPtrArray *rows, RigBomSection section, const char *item)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const RigBomRow *row = g_ptr_array_index (rows, i);

      if (row->section == section && strcmp (row->item, item) == 0)
        return row;
    }
  return NULL;
}

/* A cable marked as an error is not on the shopping list: it is listed apart,
 * by number, with its first error; a correct cable of the same rig is bought. */
static void
test_bom_not_to_buy (void)
{
  g_autoptr (RigDocument) doc = load_example ("lesson-aux-in-as-out.rigwire");
  g_autoptr (RigValidator) validator = rig_validator_new (doc);
  g_autoptr (GPtrArray) rows = rig_sheet_bom_rows (doc, validator);
  g_autoptr (GPtrArray) unjudged = rig_sheet_bom_rows (doc, NULL);
  guint to_fix = 0, cables = 0, cables_unjudged = 0, errors = 0, error_cables = 0;

  /* Errors on real cables and on direct plug-ins are both listed to fix;
   * only real cables would have been bought. */
  for (guint i = 0; i < rig_document_get_n_cables (doc); i++)
    {
      const RigCable *cable = rig_document_get_cable (doc, i);

      if (rig_validator_get_cable_status (validator, cable->id) != RIG_SEVERITY_ERROR)
        continue;
      errors++;
      error_cables += cable->spec.kind == RIG_CABLE_KIND_CABLE;
    }
  g_assert_cmpuint (errors, >, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      const RigBomRow *row = g_ptr_array_index (rows, i);

      if (row->section == RIG_BOM_TO_FIX)
        {
          g_autofree char *line = rig_bom_row_to_string (row);

          to_fix += row->count;
          g_assert_true (g_str_has_prefix (row->item, "A-001: "));
          g_assert_nonnull (strstr (row->detail, "inputs joined"));
          g_assert_nonnull (strstr (line, "inputs joined"));
        }
      else if (row->section == RIG_BOM_CABLES)
        cables += row->count;
    }
  for (guint i = 0; i < unjudged->len; i++)
    {
      const RigBomRow *row = g_ptr_array_index (unjudged, i);

      g_assert_cmpint (row->section, !=, RIG_BOM_TO_FIX);
      if (row->section == RIG_BOM_CABLES)
        cables_unjudged += row->count;
    }
  g_assert_cmpuint (to_fix, ==, errors);
  g_assert_cmpuint (cables + error_cables, ==, cables_unjudged);
}

/* The title block prints the rig's own revision, unless the export asks for
 * another. */
static void
test_revision_from_rig (void)
{
  g_autoptr (RigDocument) doc = load_example ("car.rigwire");
  RigHistory *history = rig_test_history (doc);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "car.pdf", NULL);
  RigSheetOptions options;

  g_assert_true (rig_history_apply (history, rig_command_set_revision ("R7"), NULL));
  options_for_test (&options);
  export_ok (doc, &options, path, RIG_EXPORT_PDF);
  {
    g_autofree char *text = pdf_text (path, 0);

    g_assert_nonnull (strstr (text, "R7"));
  }
  options.revision = "R8";
  export_ok (doc, &options, path, RIG_EXPORT_PDF);
  {
    g_autofree char *text = pdf_text (path, 0);

    g_assert_nonnull (strstr (text, "R8"));
    g_assert_null (strstr (text, "R7"));
  }
  remove_dir (dir);
}

/* How many glyphs the first line of @text has more than characters, when
 * wrapped at @width in font 0 of @cache: 1 where a hyphen was put in. */
static int
first_line_extra_glyphs (RigTextCache *cache, const char *text, double width)
{
  PangoLayout *layout = rig_text_cache_layout (cache, 0, text, width, 2, PANGO_ALIGN_LEFT);
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);
  int glyphs = 0;

  g_assert_cmpint (pango_layout_get_line_count (layout), ==, 2);
  for (GSList *run = line->runs; run != NULL; run = run->next)
    glyphs += ((PangoGlyphItem *) run->data)->glyphs->num_glyphs;
  return glyphs - (int) g_utf8_strlen (text + line->start_index, line->length);
}

/* A file name too long for its cell of the title block wraps without a
 * hyphen: "hometheater.rig-wire" is not the file's name. */
static void
test_file_name_not_hyphenated (void)
{
  RigTextCache *plain = rig_text_cache_new (72, 16);
  RigTextCache *names = rig_text_cache_new (72, 16);
  const char *name = "hometheater.rigwire";
  guint hyphenated = 0;

  rig_text_cache_set_font (plain, 0, "Sans", 8, PANGO_WEIGHT_NORMAL, RIG_TEXT_FONT_PLAIN);
  rig_text_cache_set_font (names, 0, "Sans", 8, PANGO_WEIGHT_NORMAL, RIG_TEXT_FONT_NO_HYPHENS);
  /* At widths where Pango would put a hyphen into the name, the sheet's
   * values break it without one. */
  for (double width = 50; width <= 80; width += 2)
    if (first_line_extra_glyphs (plain, name, width) == 1)
      {
        hyphenated++;
        g_assert_cmpint (first_line_extra_glyphs (names, name, width), ==, 0);
      }
  g_assert_cmpuint (hyphenated, >, 0);
  rig_text_cache_free (plain);
  rig_text_cache_free (names);
}

static void
test_bom_rows (void)
{
  g_autoptr (RigDocument) doc = load_example ("home-theater.rigwire");
  g_autoptr (GPtrArray) rows = rig_sheet_bom_rows (doc, NULL);
  const RigBomRow *row;
  g_autofree char *line = NULL;

  row = find_bom (rows, RIG_BOM_DEVICES, "Bookshelf speaker (8 Ω, passive)");
  g_assert_nonnull (row);
  g_assert_cmpuint (row->count, ==, 4);
  g_assert_cmpstr (row->length_text, ==, "");

  row = find_bom (rows, RIG_BOM_CABLES, "Speaker wire, 16 AWG");
  g_assert_nonnull (row);
  g_assert_cmpuint (row->count, ==, 5);
  g_assert_cmpfloat_with_epsilon (row->total_length_m, 20, 1e-9);
  g_assert_cmpstr (row->length_text, ==, "20 m");
  g_assert_cmpstr (row->detail, ==, "1 × 2 m, 2 × 3 m, 2 × 6 m");
  line = rig_bom_row_to_string (row);
  g_assert_cmpstr (line, ==, "Speaker wire, 16 AWG — 5 — 20 m");

  /* Sections in order, items sorted within each. */
  for (guint i = 1; i < rows->len; i++)
    {
      const RigBomRow *a = g_ptr_array_index (rows, i - 1), *b = g_ptr_array_index (rows, i);

      g_assert_true (a->section < b->section
                     || (a->section == b->section && g_utf8_collate (a->item, b->item) <= 0));
    }
}

/* The same cable wired either way round is one BOM line; an unstated length
 * is counted as such; adapters are listed to buy. */
static void
test_bom_grouping (void)
{
  g_autoptr (RigDocument) doc = load_example ("lesson-aux-vs-headphone.rigwire");
  RigCatalog *catalog = rig_catalog_get_default ();
  RigHistory *history = rig_test_history (doc);
  RigDeviceModel *iface = rig_catalog_lookup (catalog, "interface-2x2");
  RigDeviceModel *mic = rig_catalog_lookup (catalog, "mic-dynamic");
  RigDeviceModel *mixer = rig_catalog_lookup (catalog, "mixer-small");
  RigCommand *add_iface = rig_command_add_device (iface, NULL, 0, 900);
  RigCommand *add_mic = rig_command_add_device (mic, NULL, 0, 1200);
  RigCommand *add_mixer = rig_command_add_device (mixer, NULL, 400, 1200);
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *iface_id = NULL;
  g_autofree char *mic_id = NULL;
  g_autofree char *mixer_id = NULL;
  const RigBomRow *row;
  RigCableSpec spec;

  g_assert_true (rig_history_apply (history, add_iface, NULL));
  iface_id = g_strdup (rig_command_get_created_id (add_iface));
  g_assert_true (rig_history_apply (history, add_mic, NULL));
  mic_id = g_strdup (rig_command_get_created_id (add_mic));
  g_assert_true (rig_history_apply (history, add_mixer, NULL));
  mixer_id = g_strdup (rig_command_get_created_id (add_mixer));

  /* XLR cables: one 2 m, one unstated, with a TRS adapter on one. */
  rig_cable_spec_init (&spec, RIG_CABLE_KIND_CABLE);
  for (guint e = 0; e < 2; e++)
    {
      spec.ends[e].connector = RIG_CONNECTOR_XLR3;
      spec.ends[e].gender = RIG_GENDER_PLUG;
      spec.ends[e].plugs = 1;
    }
  spec.conductors = 3;
  spec.length_m = 2;
  g_assert_true (rig_history_apply (
      history, rig_command_add_cable (mic_id, "out", iface_id, "in-1", &spec, NULL), NULL));
  spec.length_m = NAN;
  rig_cable_spec_add_adapter (&spec, rig_catalog_lookup (catalog, "adapter-xlr-to-trs"),
                              RIG_END_TO);
  g_assert_true (rig_history_apply (
      history, rig_command_add_cable (mixer_id, "main-l", iface_id, "in-2", &spec, NULL), NULL));
  rig_cable_spec_clear (&spec);

  rows = rig_sheet_bom_rows (doc, NULL);
  row = find_bom (rows, RIG_BOM_CABLES, "XLR cable, 3 conductors");
  g_assert_nonnull (row);
  g_assert_cmpuint (row->count, ==, 2);
  g_assert_cmpuint (row->unmeasured, ==, 1);
  g_assert_cmpstr (row->length_text, ==, "2 m + 1 unmeasured");
  g_assert_cmpstr (row->detail, ==, "1 × 2 m, 1 of unstated length");
  row = find_bom (rows, RIG_BOM_ADAPTERS, rig_catalog_lookup (catalog, "adapter-xlr-to-trs")->name);
  g_assert_nonnull (row);
  g_assert_cmpuint (row->count, ==, 1);
  /* The lesson's direct plug-ins buy nothing. */
  g_assert_null (find_bom (rows, RIG_BOM_CABLES, "Plugged in directly"));
}

static void
test_renumber (void)
{
  g_autoptr (RigDocument) doc = load_example ("home-theater.rigwire");
  RigHistory *history = rig_test_history (doc);
  RigCommand *command;
  g_autoptr (GError) error = NULL;

  g_assert_null (rig_renumber_command (doc)); /* already in order */

  /* Gaps, a wrong prefix and a cable with no number. */
  g_assert_true (rig_history_apply (history, rig_command_set_cable_number ("c3", "S-009"), NULL));
  g_assert_true (rig_history_apply (history, rig_command_set_cable_number ("c7", "X-1"), NULL));
  g_assert_true (rig_history_apply (history, rig_command_set_cable_number ("c1", "S-004"), NULL));
  g_assert_cmpstr (rig_document_find_cable (doc, "c1")->number, ==, "S-004");

  command = rig_renumber_command (doc);
  g_assert_nonnull (command);
  g_assert_true (rig_history_apply (history, command, &error));
  g_assert_no_error (error);
  /* Speaker wires keep their order (c2 S-001, c4 S-003, c5 S-004, c6 S-005,
   * c3 S-009), closing the gaps. */
  g_assert_cmpstr (rig_document_find_cable (doc, "c2")->number, ==, "S-001");
  g_assert_cmpstr (rig_document_find_cable (doc, "c4")->number, ==, "S-002");
  g_assert_cmpstr (rig_document_find_cable (doc, "c5")->number, ==, "S-003");
  g_assert_cmpstr (rig_document_find_cable (doc, "c6")->number, ==, "S-004");
  g_assert_cmpstr (rig_document_find_cable (doc, "c3")->number, ==, "S-005");
  g_assert_cmpstr (rig_document_find_cable (doc, "c1")->number, ==, "D-001");
  g_assert_cmpstr (rig_document_find_cable (doc, "c7")->number, ==, "A-001");
  g_assert_null (rig_renumber_command (doc));

  /* One undo step. */
  g_assert_true (rig_history_undo (history));
  g_assert_cmpstr (rig_document_find_cable (doc, "c1")->number, ==, "S-004");
}

/* An empty rig still makes a sheet: the title block and a note. */
static void
test_empty_rig (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GBytes) svg = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RigSheet) sheet = rig_sheet_new (doc, NULL, NULL);

  g_assert_cmpuint (rig_sheet_get_n_pages (sheet), ==, 1);
  g_assert_false (rig_sheet_canvas_to_page (sheet, 0, 0, 0, NULL, NULL));
  pdf = rig_export_bytes (doc, NULL, NULL, RIG_EXPORT_PDF, &error);
  g_assert_no_error (error);
  svg = rig_export_bytes (doc, NULL, NULL, RIG_EXPORT_SVG, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 1000);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *path = g_strdup_printf ("/export/example/%s", examples[i]);
      g_test_add_data_func (path, examples[i], test_example);
    }
  g_test_add_func ("/export/png/error-colour", test_png_error_colour);
  g_test_add_func ("/export/png/clean-rig", test_png_clean_rig);
  g_test_add_func ("/export/png/greyscale", test_png_greyscale);
  g_test_add_func ("/export/pdf/multipage", test_multipage);
  g_test_add_func ("/export/tiles", test_tiles);
  g_test_add_func ("/export/page-sizes", test_page_sizes);
  g_test_add_func ("/export/bad-paths", test_bad_paths);
  g_test_add_func ("/export/format-names", test_format_names);
  g_test_add_func ("/export/enum-nicks", test_enum_nicks);
  g_test_add_func ("/export/schedule/rows", test_schedule_rows);
  g_test_add_func ("/export/schedule/problems", test_schedule_problems);
  g_test_add_func ("/export/bom/rows", test_bom_rows);
  g_test_add_func ("/export/bom/not-to-buy", test_bom_not_to_buy);
  g_test_add_func ("/export/revision-from-rig", test_revision_from_rig);
  g_test_add_func ("/export/file-name-not-hyphenated", test_file_name_not_hyphenated);
  g_test_add_func ("/export/bom/grouping", test_bom_grouping);
  g_test_add_func ("/export/renumber", test_renumber);
  g_test_add_func ("/export/empty-rig", test_empty_rig);

  return g_test_run ();
}
