/* test-level-chart.c: the level chart (rig-level-chart.h) as pixels.
 *
 * Hand-built traces (the computation is tested with the rules): a phone's
 * headphone out into an amplifier's aux input, on to a speaker; and a mixer
 * at +4 dBu into a recorder's −10 dBV input, which clips. Each is drawn into
 * an image surface and read back: bars as tall as their levels on the dBu
 * scale, the clipping stage's bar striped in the error colour above its clip
 * line, the assumed figures hatched with their footnote, nothing outside
 * the box; then as PNG, SVG, and a wiring sheet's level page in PDF.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <math.h>
#include <string.h>

#include "rig-export.h"
#include "rig-level-chart.h"
#include "rig-levels.h"
#include "rig-painter.h"
#include "rig-sheet.h"

#define W 900
#define H 420
#define BOX_X 40.0
#define BOX_Y 30.0
#define BOX_W 820.0
#define BOX_H 360.0

#define NOMINAL_RGB 0x3584E4
#define PEAK_RGB 0x99C1F1

static void
add_stage (RigTracePath *path, const char *device_id, const char *label, const char *jack,
           gboolean input, const char *cable, double nominal, double peak, double clip,
           double noise, double gain, guint assumed)
{
  RigTraceStage s;

  rig_trace_stage_init (&s);
  s.device_id = (char *) device_id;
  s.device_label = (char *) label;
  s.jack_id = (char *) jack;
  s.jack_name = (char *) jack;
  s.is_input = input;
  s.cable_id = (char *) cable;
  s.cable_number = (char *) cable;
  s.nominal_v = nominal;
  s.peak_v = peak;
  s.clip_v = clip;
  s.noise_v = noise;
  s.gain_db = gain;
  if (clip > 0 && peak > 0)
    s.headroom_db = 20 * log10 (clip / peak);
  if (noise > 0 && nominal > 0)
    s.noise_margin_db = 20 * log10 (nominal / noise);
  s.assumed = assumed;
  rig_trace_path_add_stage (path, &s);
}

/* A phone (0.316 V nominal, 1 V peaks) into an amplifier's aux input (clips
 * at 2 V), +26 dB to the speaker: 92 dB SPL peaks. */
static RigTracePath *
add_phone_path (RigTrace *trace)
{
  RigTracePath *path = rig_trace_add_path (trace, "phone", "speaker");

  add_stage (path, "phone", "Phone 1", "Headphone out", FALSE, NULL, 0.316, 1.0, 1.0, NAN, 0, 0);
  add_stage (path, "amp", "Amplifier", "Aux in", TRUE, "A-001", 0.316, 1.0, 2.0, NAN, 0, 0);
  add_stage (path, "amp", "Amplifier", "Speaker out", FALSE, NULL, 6.3, 20.0, 28.0, 0.0005, 26, 0);
  add_stage (path, "speaker", "Left speaker", "Terminals", TRUE, "S-001", 6.3, 20.0, NAN, NAN, 0,
             0);
  path->spl_peak_db = 92;
  path->spl_nominal_db = 82;
  return path;
}

/* A mixer's +4 dBu main out (peaks +24 dBu) into a recorder's −10 dBV line
 * input, whose clipping point is assumed (+8.2 dBu): 15.8 dB over. */
static RigTracePath *
add_mixer_path (RigTrace *trace, guint assumed)
{
  RigTracePath *path = rig_trace_add_path (trace, "mixer", "recorder");

  add_stage (path, "mixer", "Mixer", "Main out", FALSE, NULL, 1.228, 12.3, 12.3, 0.0001, 0, 0);
  add_stage (path, "recorder", "Recorder", "Line in", TRUE, "A-002", 1.228, 12.3, 2.0, NAN, 0,
             assumed);
  return path;
}

static cairo_surface_t *
render (const RigTracePath *path, double distance)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (RigLevelChart) chart = rig_level_chart_new (1.3);

  rig_level_chart_draw_path (chart, cr, path, BOX_X, BOX_Y, BOX_W, BOX_H, distance);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
geometry (const RigTracePath *path, RigLevelChartGeometry *g)
{
  g_autoptr (RigLevelChart) chart = rig_level_chart_new (1.3);

  g_assert_true (rig_level_chart_get_geometry (chart, path, BOX_X, BOX_Y, BOX_W, BOX_H, g));
}

/* The pixel at (x, y) as 0xAARRGGBB. */
static guint32
pixel (cairo_surface_t *surface, double x, double y)
{
  int ix = (int) floor (x), iy = (int) floor (y);
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));
  return *(const guint32 *) (data + iy * stride + ix * 4);
}

/* Whether an opaque pixel is within a few steps of @rgb. */
static gboolean
is_rgb (guint32 argb, guint32 rgb)
{
  if ((argb >> 24) != 0xff)
    return FALSE;
  for (int shift = 0; shift < 24; shift += 8)
    if (ABS ((int) ((argb >> shift) & 0xff) - (int) ((rgb >> shift) & 0xff)) > 6)
      return FALSE;
  return TRUE;
}

/* Whether any pixel of the row from x0 to x1 at y is @rgb. */
static gboolean
row_has (cairo_surface_t *surface, double x0, double x1, double y, guint32 rgb)
{
  for (double x = x0; x < x1; x += 1)
    if (is_rgb (pixel (surface, x, y), rgb))
      return TRUE;
  return FALSE;
}

static double
bar_centre (const RigLevelChartGeometry *g, guint stage)
{
  return rig_level_chart_geometry_bar_x (g, stage) + g->bar_width / 2;
}

/* A bar reaches its peak level on the scale, solid to its nominal level and
 * lighter above, with nothing over it. */
static void
test_bar_height (void)
{
  g_autoptr (RigTrace) trace = rig_trace_new ();
  RigTracePath *path = add_phone_path (trace);
  RigLevelChartGeometry g;
  cairo_surface_t *surface = render (path, 2.5);
  double x, peak_y, nominal_y, px_per_db;

  geometry (path, &g);
  px_per_db = g.plot_height / (g.top_dbu - g.bottom_dbu);
  g_assert_cmpfloat (px_per_db, >, 1.0);
  /* The scale: 10 dB apart is 10 dB of plot. */
  g_assert_cmpfloat_with_epsilon (rig_level_chart_geometry_y (&g, -10)
                                      - rig_level_chart_geometry_y (&g, 0),
                                  10 * px_per_db, 1e-9);

  /* Stage 1, the aux input: peaks +2.2 dBu, nominal −7.8 dBu. */
  x = bar_centre (&g, 1);
  peak_y = rig_level_chart_geometry_y (&g, rig_level_dbu (1.0));
  nominal_y = rig_level_chart_geometry_y (&g, rig_level_dbu (0.316));
  g_assert_true (is_rgb (pixel (surface, x, peak_y + 1.5), PEAK_RGB));
  g_assert_true (is_rgb (pixel (surface, x, nominal_y - 1.5), PEAK_RGB));
  g_assert_true (is_rgb (pixel (surface, x, nominal_y + 1.5), NOMINAL_RGB));
  g_assert_true (is_rgb (pixel (surface, x, g.plot_y + g.plot_height - 1.5), NOMINAL_RGB));
  g_assert_false (is_rgb (pixel (surface, x, peak_y - 2.5), PEAK_RGB));
  /* Its clip line at +8.2 dBu, above the bar: 6 dB of headroom. */
  g_assert_true (row_has (surface, x - g.column_width / 2 + 3, x + g.column_width / 2 - 3,
                          rig_level_chart_geometry_y (&g, rig_level_dbu (2.0)),
                          RIG_PAINTER_COLOR_ERROR));
  /* Stage 2, the amplifier's speaker out: peaks +28.2 dBu. */
  x = bar_centre (&g, 2);
  peak_y = rig_level_chart_geometry_y (&g, rig_level_dbu (20.0));
  g_assert_true (is_rgb (pixel (surface, x, peak_y + 1.5), PEAK_RGB));
  g_assert_false (is_rgb (pixel (surface, x, peak_y - 2.5), PEAK_RGB));
  cairo_surface_destroy (surface);
}

/* The mixer's peaks (+24 dBu) pass the recorder's input (+8.2 dBu): the bar
 * crosses the clip line there, in the error colour above it and in the peak
 * colour below; the stage that does not clip has no error colour. */
static void
test_clipping_stage (void)
{
  g_autoptr (RigTrace) trace = rig_trace_new ();
  RigTracePath *path = add_mixer_path (trace, 0);
  RigLevelChartGeometry g;
  cairo_surface_t *surface = render (path, NAN);
  double x, clip_y, peak_y, left, right;

  geometry (path, &g);
  x = bar_centre (&g, 1);
  left = rig_level_chart_geometry_bar_x (&g, 1);
  right = left + g.bar_width;
  clip_y = rig_level_chart_geometry_y (&g, rig_level_dbu (2.0));
  peak_y = rig_level_chart_geometry_y (&g, rig_level_dbu (12.3));
  g_assert_true (rig_level_chart_stage_clips (&path->stages[1]));
  g_assert_cmpfloat (peak_y, <, clip_y - 10);

  /* The clip line, dashed across the column beside the bar. */
  g_assert_true (
      row_has (surface, right + 1, x + g.column_width / 2 - 2, clip_y, RIG_PAINTER_COLOR_ERROR));
  /* Over it, the bar is striped in the error colour up to the peaks. */
  g_assert_true (row_has (surface, left + 1, right - 1, clip_y - 3, RIG_PAINTER_COLOR_ERROR));
  g_assert_true (row_has (surface, left + 1, right - 1, peak_y + 2, RIG_PAINTER_COLOR_ERROR));
  g_assert_true (row_has (surface, left + 1, right - 1, peak_y + 2, 0xFFFFFF));
  /* Under it, the peaks' colour. */
  g_assert_true (is_rgb (pixel (surface, x, clip_y + 3), PEAK_RGB));
  /* The badge over the bar: error colour above the peaks. */
  g_assert_true (row_has (surface, x - 6, x + 6, peak_y - 4, RIG_PAINTER_COLOR_ERROR)
                 || row_has (surface, x - 6, x + 6, peak_y - 8, RIG_PAINTER_COLOR_ERROR));

  /* The mixer's own bar (an output at its most) is not in the error colour. */
  x = bar_centre (&g, 0);
  left = rig_level_chart_geometry_bar_x (&g, 0);
  for (double y = peak_y + 1; y < g.plot_y + g.plot_height - 1; y += 2)
    g_assert_false (
        row_has (surface, left + 1, left + g.bar_width - 1, y, RIG_PAINTER_COLOR_ERROR));
  cairo_surface_destroy (surface);
}

static guint
count_differences (cairo_surface_t *a, cairo_surface_t *b, double x0, double y0, double x1,
                   double y1)
{
  guint n = 0;

  for (double y = y0; y < y1; y += 1)
    for (double x = x0; x < x1; x += 1)
      n += pixel (a, x, y) != pixel (b, x, y);
  return n;
}

/* Assumed figures are hatched, and the footnote says what assumed means. */
static void
test_assumed_marked (void)
{
  g_autoptr (RigTrace) plain = rig_trace_new ();
  g_autoptr (RigTrace) assumed = rig_trace_new ();
  RigTracePath *p = add_mixer_path (plain, 0);
  RigTracePath *a = add_mixer_path (assumed, RIG_TRACE_ASSUMED_NOMINAL | RIG_TRACE_ASSUMED_PEAK
                                                 | RIG_TRACE_ASSUMED_CLIP);
  cairo_surface_t *sp = render (p, NAN), *sa = render (a, NAN);
  RigLevelChartGeometry g;
  double left, clip_y;

  geometry (p, &g);
  left = rig_level_chart_geometry_bar_x (&g, 1);
  clip_y = rig_level_chart_geometry_y (&g, rig_level_dbu (2.0));
  /* The bar's lower part (not the stripes of clipping) is hatched. */
  g_assert_cmpuint (
      count_differences (sp, sa, left, clip_y + 4, left + g.bar_width, g.plot_y + g.plot_height), >,
      20);
  /* The unassumed stage is the same. */
  g_assert_cmpuint (count_differences (sp, sa, rig_level_chart_geometry_bar_x (&g, 0), g.plot_y,
                                       rig_level_chart_geometry_bar_x (&g, 0) + g.bar_width,
                                       g.plot_y + g.plot_height),
                    ==, 0);
  /* The footnote, in the legend line under the labels. */
  g_assert_cmpuint (count_differences (sp, sa, BOX_X + BOX_W / 2, BOX_Y + BOX_H - 16, BOX_X + BOX_W,
                                       BOX_Y + BOX_H),
                    >, 20);
  cairo_surface_destroy (sp);
  cairo_surface_destroy (sa);
}

/* The chart draws inside its box and nowhere else, and draws in it. */
static void
test_inside_box (void)
{
  g_autoptr (RigTrace) trace = rig_trace_new ();
  RigTracePath *paths[2] = { add_phone_path (trace), add_mixer_path (trace, ~0u) };

  for (guint p = 0; p < G_N_ELEMENTS (paths); p++)
    {
      cairo_surface_t *surface = render (paths[p], 2.5);
      guint inside = 0;

      for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
          {
            gboolean in = x >= BOX_X && x < BOX_X + BOX_W && y >= BOX_Y && y < BOX_Y + BOX_H;
            guint32 argb = pixel (surface, x, y);

            if (!in)
              g_assert_cmphex (argb, ==, 0);
            else
              inside += argb != 0;
          }
      g_assert_cmpuint (inside, >, 5000);
      cairo_surface_destroy (surface);
    }
}

/* A whole trace: each path in its share of the box, one under the other,
 * titled, and nothing outside the box. */
static void
test_draw_trace (void)
{
  g_autoptr (RigTrace) trace = rig_trace_new ();
  g_autoptr (RigLevelChart) chart = rig_level_chart_new (1);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (surface);
  guint top = 0, bottom = 0;

  add_phone_path (trace);
  add_mixer_path (trace, 0);
  rig_level_chart_draw_trace (chart, cr, trace, NULL, BOX_X, BOX_Y, BOX_W, BOX_H);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      {
        gboolean in = x >= BOX_X && x < BOX_X + BOX_W && y >= BOX_Y && y < BOX_Y + BOX_H;
        guint32 argb = pixel (surface, x, y);

        if (!in)
          g_assert_cmphex (argb, ==, 0);
        else if (is_rgb (argb, NOMINAL_RGB))
          *(y < BOX_Y + BOX_H / 2 ? &top : &bottom) += 1;
      }
  /* Both paths' bars. */
  g_assert_cmpuint (top, >, 500);
  g_assert_cmpuint (bottom, >, 500);
  cairo_surface_destroy (surface);
}

/* A path with no stage, or a box too small, draws nothing. */
static void
test_nothing_to_draw (void)
{
  g_autoptr (RigTrace) trace = rig_trace_new ();
  RigTracePath *empty = rig_trace_add_path (trace, "a", "b");
  RigTracePath *phone = add_phone_path (trace);
  g_autoptr (RigLevelChart) chart = rig_level_chart_new (1);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40, 40);
  cairo_t *cr = cairo_create (surface);
  RigLevelChartGeometry g;

  g_assert_false (rig_level_chart_get_geometry (chart, empty, 0, 0, 800, 400, &g));
  g_assert_false (rig_level_chart_get_geometry (chart, phone, 0, 0, 40, 40, &g));
  rig_level_chart_draw_path (chart, cr, empty, 0, 0, 40, 40, NAN);
  rig_level_chart_draw_path (chart, cr, phone, 0, 0, 40, 40, NAN);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (int y = 0; y < 40; y++)
    for (int x = 0; x < 40; x++)
      g_assert_cmphex (pixel (surface, x, y), ==, 0);
  cairo_surface_destroy (surface);
}

/* What clips: peaks past an input's clipping point or past an output's
 * most (an amplifier driven past its power); not without a clip figure. */
static void
test_stage_clips (void)
{
  RigTraceStage s;

  rig_trace_stage_init (&s);
  s.is_input = TRUE;
  s.peak_v = 12.3;
  g_assert_false (rig_level_chart_stage_clips (&s));
  g_assert_true (isnan (rig_level_chart_stage_headroom (&s)));
  s.clip_v = 2.0;
  g_assert_true (rig_level_chart_stage_clips (&s));
  g_assert_cmpfloat_with_epsilon (rig_level_chart_stage_headroom (&s), -15.78, 0.01);
  s.is_input = FALSE;
  g_assert_true (rig_level_chart_stage_clips (&s));
  s.clip_v = 12.3;
  g_assert_false (rig_level_chart_stage_clips (&s));
  s.headroom_db = 3;
  g_assert_cmpfloat (rig_level_chart_stage_headroom (&s), ==, 3);
}

static void
test_titles (void)
{
  g_autoptr (RigTrace) trace = rig_trace_new ();
  g_autofree char *title = rig_level_chart_path_title (add_phone_path (trace));

  g_assert_cmpstr (title, ==, "Phone 1 → Left speaker");
}

/* The chart as a PNG file reads back with its bars where they were drawn. */
static void
test_png (void)
{
  g_autoptr (RigTrace) trace = rig_trace_new ();
  RigTracePath *path = add_mixer_path (trace, 0);
  g_autofree char *dir = g_dir_make_tmp ("level-chart-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "chart.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  cairo_surface_t *back;
  cairo_t *cr = cairo_create (surface);
  g_autoptr (RigLevelChart) chart = rig_level_chart_new (1.3);
  RigLevelChartGeometry g;
  double clip_y, left;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  rig_level_chart_draw_path (chart, cr, path, BOX_X, BOX_Y, BOX_W, BOX_H, NAN);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, file), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  back = cairo_image_surface_create_from_png (file);
  g_assert_cmpint (cairo_surface_status (back), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (back), ==, W);
  geometry (path, &g);
  left = rig_level_chart_geometry_bar_x (&g, 1);
  clip_y = rig_level_chart_geometry_y (&g, rig_level_dbu (2.0));
  g_assert_true (
      row_has (back, left + 1, left + g.bar_width - 1, clip_y - 3, RIG_PAINTER_COLOR_ERROR));
  g_assert_true (is_rgb (pixel (back, left + g.bar_width / 2, clip_y + 3), PEAK_RGB));
  g_assert_true (is_rgb (pixel (back, 5, 5), 0xFFFFFF));
  cairo_surface_destroy (back);
  g_unlink (file);
  g_rmdir (dir);
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* As SVG (cairo 1.16 writes text as glyph outlines): it parses, has the
 * chart's size, and draws the clip line in the error colour. */
static void
test_svg (void)
{
  g_autoptr (RigTrace) trace = rig_trace_new ();
  RigTracePath *path = add_mixer_path (trace, 0);
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autoptr (RigLevelChart) chart = rig_level_chart_new (0.85);
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, 600, 300);
  cairo_t *cr = cairo_create (surface);
  xmlDocPtr xml;
  g_autofree char *text = NULL;

  rig_level_chart_draw_path (chart, cr, path, 0, 0, 600, 300, NAN);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  xml = xmlReadMemory ((const char *) bytes->data, (int) bytes->len, "chart.svg", NULL,
                       XML_PARSE_NONET);
  g_assert_nonnull (xml);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (xml)->name, ==, "svg");
  xmlFreeDoc (xml);
  text = g_strndup ((const char *) bytes->data, bytes->len);
  g_assert_nonnull (strstr (text, "width=\"600pt\""));
  /* #D55E00 */
  g_assert_nonnull (strstr (text, "rgb(83.529412%,36.862745%,0%)"));
  g_assert_nonnull (strstr (text, "stroke-dasharray"));
}

static char *
pdf_text (const char *path, int page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftotext", "-f", first, "-l", first, path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    g_error ("cannot run pdftotext (build-aux/setup.sh installs poppler-utils): %s",
             error->message);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* Exports @sheet as PDF and returns the text of its last page. */
static char *
last_page_text (RigSheet *sheet)
{
  g_autofree char *dir = g_dir_make_tmp ("level-sheet-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "levels.pdf", NULL);
  g_autoptr (GFile) out = g_file_new_for_path (file);
  g_autoptr (GError) error = NULL;
  char *text;

  g_assert_true (rig_export_sheet_to_file (sheet, RIG_EXPORT_PDF, out, &error));
  g_assert_no_error (error);
  text = pdf_text (file, (int) rig_sheet_get_n_pages (sheet));
  g_unlink (file);
  g_rmdir (dir);
  return text;
}

/* A wiring sheet with level pages: a page after the sheet's own, titled,
 * with each path's stages by name and the loudness at the listener, as the
 * PDF's text. Without the option, no such page. */
static void
test_sheet_level_pages (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (RigTrace) trace = rig_trace_new ();
  g_autoptr (RigSheet) plain = NULL;
  g_autoptr (RigSheet) sheet = NULL;
  g_autofree char *text = NULL;
  RigSheetOptions options;

  add_phone_path (trace);
  add_mixer_path (trace, RIG_TRACE_ASSUMED_CLIP);
  rig_sheet_options_init (&options);
  options.date = "2026-01-01";
  plain = rig_sheet_new (doc, NULL, &options);
  options.levels = TRUE;
  options.levels_trace = trace;
  sheet = rig_sheet_new (doc, NULL, &options);
  g_assert_cmpuint (rig_sheet_get_n_pages (sheet), ==, rig_sheet_get_n_pages (plain) + 1);

  text = last_page_text (sheet);
  g_assert_nonnull (strstr (text, "Signal levels"));
  g_assert_nonnull (strstr (text, "Phone 1 → Left speaker"));
  g_assert_nonnull (strstr (text, "Aux in"));
  g_assert_nonnull (strstr (text, "A-001"));
  g_assert_nonnull (strstr (text, "Recorder"));
  g_assert_nonnull (strstr (text, "92 dB SPL"));
  g_assert_nonnull (strstr (text, "15.8 dB over"));
  g_assert_nonnull (strstr (text, "Page 2 of 2"));
}

/* With no path to show, the level page says so. */
static void
test_sheet_level_pages_empty (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (RigTrace) trace = rig_trace_new ();
  g_autoptr (RigSheet) sheet = NULL;
  g_autofree char *text = NULL;
  RigSheetOptions options;

  rig_sheet_options_init (&options);
  options.levels = TRUE;
  options.levels_trace = trace;
  sheet = rig_sheet_new (doc, NULL, &options);
  text = last_page_text (sheet);
  g_assert_nonnull (strstr (text, "No signal path runs from a source to a listener"));
}

/* Many paths flow over several level pages, two to a page, each page
 * headed. */
static void
test_sheet_level_pages_flow (void)
{
  g_autoptr (RigDocument) doc = rig_document_new ();
  g_autoptr (RigTrace) trace = rig_trace_new ();
  g_autoptr (RigSheet) plain = rig_sheet_new (doc, NULL, NULL);
  g_autoptr (RigSheet) sheet = NULL;
  g_autofree char *text = NULL;
  RigSheetOptions options;

  for (guint i = 0; i < 5; i++)
    add_phone_path (trace);
  rig_sheet_options_init (&options);
  options.levels = TRUE;
  options.levels_trace = trace;
  sheet = rig_sheet_new (doc, NULL, &options);
  g_assert_cmpuint (rig_sheet_get_n_pages (sheet), ==, rig_sheet_get_n_pages (plain) + 3);
  text = last_page_text (sheet);
  g_assert_nonnull (strstr (text, "Signal levels (continued)"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/level-chart/bar-height-follows-dbu-scale", test_bar_height);
  g_test_add_func ("/level-chart/clipping-stage-crosses-clip-line", test_clipping_stage);
  g_test_add_func ("/level-chart/assumed-figures-hatched-with-footnote", test_assumed_marked);
  g_test_add_func ("/level-chart/draws-only-inside-its-box", test_inside_box);
  g_test_add_func ("/level-chart/draw-trace-stacks-paths", test_draw_trace);
  g_test_add_func ("/level-chart/nothing-to-draw", test_nothing_to_draw);
  g_test_add_func ("/level-chart/stage-clips", test_stage_clips);
  g_test_add_func ("/level-chart/path-title", test_titles);
  g_test_add_func ("/level-chart/png-reads-back", test_png);
  g_test_add_func ("/level-chart/svg-parses-with-clip-line", test_svg);
  g_test_add_func ("/level-chart/sheet-level-pages", test_sheet_level_pages);
  g_test_add_func ("/level-chart/sheet-level-pages-empty", test_sheet_level_pages_empty);
  g_test_add_func ("/level-chart/sheet-level-pages-flow", test_sheet_level_pages_flow);
  return g_test_run ();
}
