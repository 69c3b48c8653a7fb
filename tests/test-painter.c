/* test-painter.c: what the painter puts on a cairo surface.
 *
 * Renders rigs into image surfaces and reads pixels back: the status colour
 * along a cable's curve and nowhere else, the dashes of an error cable in
 * greyscale, culling to the visible rectangle, the excluded (dragged)
 * devices, and an SVG surface whose output parses.
 */
#include "config.h"

#include <cairo-svg.h>
#include <libxml/parser.h>
#include <math.h>
#include <string.h>

#include "rig-catalog.h"
#include "rig-command.h"
#include "rig-format.h"
#include "rig-history.h"
#include "rig-painter.h"
#include "rig-route.h"
#include "rig-test-models.h"
#include "rig-text-cache.h"

typedef struct
{
  RigDocument *doc;
  RigValidator *validator;
  RigLayout *layout;
  RigPainter *painter;
  char *phone, *speaker, *error_cable;
  cairo_surface_t *surface;
  double zoom, ox, oy;
} Scene;

static char *
apply_created (RigDocument *doc, RigCommand *command)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rig_history_apply (rig_test_history (doc), command, &error));
  g_assert_no_error (error);
  return g_strdup (rig_command_get_created_id (command));
}

/* The home theater example, plus a phone's headset jack wired straight to a
 * passive speaker: an error. */
static void
scene_init (Scene *s)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "examples",
                                                 "home-theater.rigwire", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  RigCatalog *catalog = rig_catalog_get_default ();

  memset (s, 0, sizeof *s);
  s->doc = rig_format_load_file (file, catalog, &error);
  g_assert_no_error (error);
  s->phone
      = apply_created (s->doc, rig_command_add_device (rig_catalog_lookup (catalog, "phone-ctia"),
                                                       "Phone", 40, 520));
  s->speaker = apply_created (
      s->doc,
      rig_command_add_device (rig_catalog_lookup (catalog, "speaker-bookshelf"), "Desk", 420, 760));
  s->error_cable = apply_created (
      s->doc, rig_command_add_cable (s->phone, "headset", s->speaker, "in", NULL, NULL));
  s->validator = rig_validator_new (s->doc);
  s->layout = rig_layout_new (s->doc);
  s->painter = rig_painter_new (s->layout);
  rig_painter_set_validator (s->painter, s->validator);
  g_assert_cmpint (rig_validator_get_cable_status (s->validator, s->error_cable), ==,
                   RIG_SEVERITY_ERROR);
  g_assert_cmpint (rig_validator_get_cable_status (s->validator, "c1"), ==, RIG_SEVERITY_NONE);
}

static void
scene_clear (Scene *s)
{
  g_clear_pointer (&s->surface, cairo_surface_destroy);
  g_clear_pointer (&s->painter, rig_painter_free);
  g_clear_object (&s->layout);
  g_clear_object (&s->validator);
  g_clear_object (&s->doc);
  g_free (s->phone);
  g_free (s->speaker);
  g_free (s->error_cable);
}

/* Renders the whole rig at @zoom (background included unless @bare), or only
 * what intersects @visible (canvas units, may be NULL). */
static void
scene_render (Scene *s, double zoom, const RigRect *visible, gboolean bare)
{
  RigRect bounds;
  cairo_t *cr;
  int w, h;

  g_assert_true (rig_layout_get_bounds (s->layout, &bounds));
  rig_rect_inflate (&bounds, 40, 40);
  g_clear_pointer (&s->surface, cairo_surface_destroy);
  w = (int) ceil (bounds.width * zoom);
  h = (int) ceil (bounds.height * zoom);
  s->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  s->zoom = zoom;
  s->ox = bounds.x;
  s->oy = bounds.y;
  cr = cairo_create (s->surface);
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -s->ox, -s->oy);
  if (!bare)
    rig_painter_draw_background (s->painter, cr, &bounds, zoom, 20);
  rig_painter_draw (s->painter, cr, visible != NULL ? visible : &bounds, zoom);
  cairo_destroy (cr);
  cairo_surface_flush (s->surface);
}

typedef struct
{
  int r, g, b, a;
} Px;

/* The pixel at device px (x, y); alpha 0 outside the surface. */
static Px
pixel_px (Scene *s, int x, int y)
{
  int w = cairo_image_surface_get_width (s->surface);
  int h = cairo_image_surface_get_height (s->surface);
  const guint8 *data = cairo_image_surface_get_data (s->surface);
  guint32 v;
  Px p;

  if (x < 0 || y < 0 || x >= w || y >= h)
    return (Px){ 0, 0, 0, 0 };
  v = *(const guint32 *) (data + y * cairo_image_surface_get_stride (s->surface) + x * 4);
  p.a = (v >> 24) & 0xff;
  p.r = (v >> 16) & 0xff;
  p.g = (v >> 8) & 0xff;
  p.b = v & 0xff;
  return p;
}

/* The pixel at a canvas point. */
static Px
pixel (Scene *s, double cx, double cy)
{
  return pixel_px (s, (int) floor ((cx - s->ox) * s->zoom), (int) floor ((cy - s->oy) * s->zoom));
}

static gboolean
near_color (Px p, guint32 rgb, int tolerance)
{
  int dr = p.r - (int) ((rgb >> 16) & 0xff), dg = p.g - (int) ((rgb >> 8) & 0xff),
      db = p.b - (int) (rgb & 0xff);

  return p.a == 255 && abs (dr) <= tolerance && abs (dg) <= tolerance && abs (db) <= tolerance;
}

/* Whether any pixel within 1 px of a canvas point has the colour. */
static gboolean
color_near_point (Scene *s, double cx, double cy, guint32 rgb, int tolerance)
{
  int x = (int) floor ((cx - s->ox) * s->zoom), y = (int) floor ((cy - s->oy) * s->zoom);

  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      if (near_color (pixel_px (s, x + dx, y + dy), rgb, tolerance))
        return TRUE;
  return FALSE;
}

/* ---- tests -------------------------------------------------------------- */

static void
test_home_theater (void)
{
  Scene s;
  RigRect card, bounds;
  const RigPoint *c;
  guint n_c;
  RigPoint p;
  RigRect label_box;
  guint neutral = 0, samples = 0;

  scene_init (&s);
  scene_render (&s, 1.0, NULL, FALSE);

  /* Every card with rows has a white body below its header (above its band
   * of power jacks, if any). */
  for (guint i = 0; i < rig_document_get_n_devices (s.doc); i++)
    {
      RigDevice *d = rig_document_get_device (s.doc, i);
      gboolean rows = FALSE, band = FALSE;
      double bottom;

      for (guint j = 0; j < d->model->n_jacks; j++)
        if (rig_layout_jack_side (d->model, &d->model->jacks[j]) == RIG_PORT_SIDE_BOTTOM)
          band = TRUE;
        else
          rows = TRUE;
      if (!rows)
        continue;
      g_assert_true (rig_layout_get_card_rect (s.layout, d->id, &card));
      bottom = card.y + card.height - 3 - (band ? RIG_LAYOUT_BAND_HEIGHT : 0);
      g_assert_true (near_color (pixel (&s, card.x + card.width / 2, bottom), 0xFFFFFF, 0));
    }
  /* A cable with nothing to say is neutral grey along its route (away
   * from its label, which sits wherever it finds room). */
  g_assert_true (rig_layout_get_cable_path (s.layout, "c1", &c, &n_c));
  g_assert_true (rig_layout_get_cable_label_box (s.layout, "c1", &label_box));
  rig_rect_inflate (&label_box, 4, 4);
  for (guint i = 5; i <= 95; i++)
    {
      rig_polyline_point (c, n_c, i / 100.0, &p);
      if (rig_rect_contains_point (&label_box, p.x, p.y))
        continue;
      samples++;
      neutral += color_near_point (&s, p.x, p.y, RIG_PAINTER_COLOR_NEUTRAL, 24);
    }
  g_assert_cmpuint (samples, >=, 30);
  g_assert_cmpuint (neutral, >=, samples * 8 / 10);
  /* Empty canvas far from everything is the background colour. */
  g_assert_true (rig_layout_get_bounds (s.layout, &bounds));
  g_assert_true (
      near_color (pixel (&s, bounds.x - 30, bounds.y - 30), RIG_PAINTER_COLOR_BACKGROUND, 40));
  scene_clear (&s);
}

/* The dark style: dark cards on a dark background, neutral cables in the
 * dark neutral, the error cable still in its colour; back to light after. */
static void
test_dark_style (void)
{
  Scene s;
  RigRect card, bounds;
  RigPoint p;
  guint neutral = 0;

  scene_init (&s);
  rig_painter_set_style (s.painter, TRUE, FALSE);
  scene_render (&s, 1.0, NULL, FALSE);
  g_assert_true (rig_layout_get_bounds (s.layout, &bounds));
  g_assert_true (
      near_color (pixel (&s, bounds.x - 30, bounds.y - 30), RIG_PAINTER_DARK_COLOR_BACKGROUND, 8));
  g_assert_true (rig_layout_get_card_rect (s.layout, "d1", &card));
  g_assert_true (near_color (pixel (&s, card.x + card.width / 2, card.y + card.height - 3),
                             RIG_PAINTER_DARK_COLOR_CARD, 8));
  for (guint i = 10; i <= 90; i += 5)
    {
      g_assert_true (rig_layout_get_cable_point (s.layout, "c1", i / 100.0, &p));
      neutral += color_near_point (&s, p.x, p.y, RIG_PAINTER_DARK_COLOR_NEUTRAL, 24);
    }
  g_assert_cmpuint (neutral, >=, 8);

  rig_painter_set_style (s.painter, FALSE, FALSE);
  scene_render (&s, 1.0, NULL, FALSE);
  g_assert_true (
      near_color (pixel (&s, bounds.x - 30, bounds.y - 30), RIG_PAINTER_COLOR_BACKGROUND, 8));
  scene_clear (&s);
}

static gboolean
is_error_color (Px p)
{
  /* Vermilion #D55E00, blended a little with white or grey at the edges. */
  return p.a == 255 && p.r > 170 && p.g > 60 && p.g < 125 && p.b < 60 && p.r - p.g > 90;
}

static void
test_error_cable (void)
{
  Scene s;
  const RigPoint *c;
  guint n_c;
  RigPoint p;
  RigRect allowed[3], label_box;
  guint on_curve = 0, samples = 0, stray = 0, total = 0;
  int w, h;

  scene_init (&s);
  scene_render (&s, 1.0, NULL, FALSE);
  g_assert_true (rig_layout_get_cable_path (s.layout, s.error_cable, &c, &n_c));

  /* Along the curve (not at its label), the dashes show vermilion. */
  for (guint i = 4; i <= 96; i++)
    {
      if (i > 40 && i < 60)
        continue;
      rig_polyline_point (c, n_c, i / 100.0, &p);
      samples++;
      on_curve += color_near_point (&s, p.x, p.y, RIG_PAINTER_COLOR_ERROR, 40);
    }
  g_assert_cmpuint (on_curve, >=, samples / 3);

  /* And nowhere but on the cable and the two devices it makes faulty. */
  g_assert_true (rig_layout_get_cable_bounds (s.layout, s.error_cable, &allowed[0]));
  g_assert_true (rig_layout_get_device_bounds (s.layout, s.phone, &allowed[1]));
  g_assert_true (rig_layout_get_device_bounds (s.layout, s.speaker, &allowed[2]));
  w = cairo_image_surface_get_width (s.surface);
  h = cairo_image_surface_get_height (s.surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (is_error_color (pixel_px (&s, x, y)))
        {
          double cx = s.ox + (x + 0.5) / s.zoom, cy = s.oy + (y + 0.5) / s.zoom;
          gboolean ok = FALSE;

          total++;
          for (guint k = 0; k < G_N_ELEMENTS (allowed); k++)
            ok = ok || rig_rect_contains_point (&allowed[k], cx, cy);
          stray += !ok;
        }
  g_assert_cmpuint (total, >, 100);
  g_assert_cmpuint (stray, ==, 0);

  /* The label has the error badge: vermilion left of the number. */
  g_assert_true (rig_layout_get_cable_label_point (s.layout, s.error_cable, &p));
  label_box
      = (RigRect){ p.x - RIG_LAYOUT_LABEL_HALF_WIDTH, p.y - 8, RIG_LAYOUT_LABEL_HALF_WIDTH, 16 };
  {
    guint badge = 0;
    for (double y = label_box.y; y < label_box.y + label_box.height; y += 1)
      for (double x = label_box.x; x < label_box.x + label_box.width; x += 1)
        badge += is_error_color (pixel (&s, x, y));
    g_assert_cmpuint (badge, >, 40);
  }
  scene_clear (&s);
}

/* Ink (dark) or paper (light) along a route: the number of changes. */
static guint
count_transitions (Scene *s, const RigPoint *c, guint n_c, double t0, double t1, guint *ink_samples)
{
  int state = -1;
  guint transitions = 0, run = 0;
  const guint steps = 3000;

  *ink_samples = 0;
  for (guint i = 0; i <= steps; i++)
    {
      double t = t0 + (t1 - t0) * i / steps;
      RigPoint p;
      Px px;
      int luma, now;

      rig_polyline_point (c, n_c, t, &p);
      px = pixel (s, p.x, p.y);
      luma = (px.r * 2126 + px.g * 7152 + px.b * 722) / 10000;
      if (luma < 140)
        now = 1;
      else if (luma > 200)
        now = 0;
      else
        continue; /* an anti-aliased edge */
      *ink_samples += now;
      if (now != state)
        {
          if (state != -1 && run >= 3)
            transitions++;
          state = now;
          run = 0;
        }
      run++;
    }
  return transitions;
}

static void
test_greyscale_dashed (void)
{
  Scene s;
  const RigPoint *c;
  guint n_c;
  guint transitions, ink;
  int w, h;

  scene_init (&s);
  rig_painter_set_greyscale (s.painter, TRUE);
  g_assert_true (rig_painter_get_greyscale (s.painter));
  scene_render (&s, 2.0, NULL, FALSE);

  /* Every pixel is a grey. */
  w = cairo_image_surface_get_width (s.surface);
  h = cairo_image_surface_get_height (s.surface);
  for (int y = 0; y < h; y += 1)
    for (int x = 0; x < w; x += 1)
      {
        Px p = pixel_px (&s, x, y);
        g_assert_cmpint (abs (p.r - p.g), <=, 1);
        g_assert_cmpint (abs (p.g - p.b), <=, 1);
      }

  /* The error cable is dashed: ink and gaps alternate along it. */
  g_assert_true (rig_layout_get_cable_path (s.layout, s.error_cable, &c, &n_c));
  transitions = count_transitions (&s, c, n_c, 0.08, 0.4, &ink);
  g_assert_cmpuint (transitions, >=, 8);
  g_assert_cmpuint (ink, >, 0);

  /* A cable with nothing to say is solid: no gaps. */
  g_assert_true (rig_layout_get_cable_path (s.layout, "c7", &c, &n_c));
  g_assert_cmpint (rig_validator_get_cable_status (s.validator, "c7"), ==, RIG_SEVERITY_NONE);
  transitions = count_transitions (&s, c, n_c, 0.1, 0.38, &ink);
  g_assert_cmpuint (transitions, ==, 0);
  g_assert_cmpuint (ink, >, 100);

  /* In colour the same cable has gaps too (dashes are not only for print). */
  rig_painter_set_greyscale (s.painter, FALSE);
  scene_render (&s, 2.0, NULL, FALSE);
  g_assert_true (rig_layout_get_cable_path (s.layout, s.error_cable, &c, &n_c));
  {
    int state = -1;
    guint changes = 0, run = 0;

    for (guint i = 0; i <= 3000; i++)
      {
        RigPoint p;
        Px px;
        int now;

        rig_polyline_point (c, n_c, 0.08 + 0.32 * i / 3000, &p);
        px = pixel (&s, p.x, p.y);
        if (is_error_color (px))
          now = 1;
        else if (px.r > 200 && px.g > 200 && px.b > 200)
          now = 0;
        else
          continue;
        if (now != state)
          {
            if (state != -1 && run >= 3)
              changes++;
            state = now;
            run = 0;
          }
        run++;
      }
    g_assert_cmpuint (changes, >=, 8);
  }
  scene_clear (&s);
}

/* Only what meets the visible rectangle is drawn. */
static void
test_culling (void)
{
  Scene s;
  RigRect tv, avr;

  scene_init (&s);
  g_assert_true (rig_layout_get_card_rect (s.layout, "d1", &tv));
  g_assert_true (rig_layout_get_card_rect (s.layout, "d2", &avr));
  scene_render (&s, 1.0, &tv, TRUE);
  /* The TV is drawn; the receiver, off to the right, is not. */
  g_assert_true (near_color (pixel (&s, tv.x + tv.width / 2, tv.y + tv.height - 3), 0xFFFFFF, 0));
  g_assert_cmpint (pixel (&s, avr.x + avr.width - 30, avr.y + avr.height - 3).a, ==, 0);
  g_assert_cmpint (pixel (&s, avr.x + avr.width - 30, avr.y + 30).a, ==, 0);
  scene_clear (&s);
}

/* Excluded (dragged) devices and their cables are left out of a draw, and
 * drawn by rig_painter_draw_objects(). */
static void
test_excluded (void)
{
  Scene s;
  RigRect card;
  const RigPoint *c;
  guint n_c;
  RigPoint p;
  g_autoptr (GPtrArray) devices = g_ptr_array_new ();
  g_autoptr (GPtrArray) cables = g_ptr_array_new ();
  cairo_t *cr;

  scene_init (&s);
  rig_painter_set_excluded (s.painter, (const char *const[]){ s.speaker, NULL });
  g_assert_true (
      rig_painter_is_excluded_cable (s.painter, rig_document_find_cable (s.doc, s.error_cable)));
  scene_render (&s, 1.0, NULL, TRUE);
  g_assert_true (rig_layout_get_card_rect (s.layout, s.speaker, &card));
  g_assert_cmpint (pixel (&s, card.x + card.width / 2, card.y + card.height - 3).a, ==, 0);
  g_assert_true (rig_layout_get_cable_path (s.layout, s.error_cable, &c, &n_c));
  rig_polyline_point (c, n_c, 0.25, &p);
  g_assert_false (color_near_point (&s, p.x, p.y, RIG_PAINTER_COLOR_ERROR, 40));

  g_ptr_array_add (devices, rig_document_find_device (s.doc, s.speaker));
  g_ptr_array_add (cables, rig_document_find_cable (s.doc, s.error_cable));
  cr = cairo_create (s.surface);
  cairo_scale (cr, s.zoom, s.zoom);
  cairo_translate (cr, -s.ox, -s.oy);
  rig_painter_draw_objects (s.painter, cr, devices, cables, s.zoom);
  cairo_destroy (cr);
  cairo_surface_flush (s.surface);
  g_assert_true (
      near_color (pixel (&s, card.x + card.width / 2, card.y + card.height - 3), 0xFFFFFF, 0));
  scene_clear (&s);
}

static void
test_selection (void)
{
  Scene s;
  RigRect card;

  scene_init (&s);
  g_assert_true (rig_layout_get_card_rect (s.layout, "d5", &card));
  scene_render (&s, 1.0, NULL, FALSE);
  g_assert_false (
      color_near_point (&s, card.x - 3, card.y + card.height / 2, RIG_PAINTER_COLOR_ACCENT, 30));
  rig_painter_set_selection (s.painter, (const char *const[]){ "d5", NULL }, NULL);
  g_assert_true (rig_painter_is_selected (s.painter, "d5", FALSE));
  scene_render (&s, 1.0, NULL, FALSE);
  g_assert_true (
      color_near_point (&s, card.x - 3.5, card.y + card.height / 2, RIG_PAINTER_COLOR_ACCENT, 30));
  scene_clear (&s);
}

/* Far out and close in, cards are still drawn (level of detail). */
static void
test_zoom_levels (void)
{
  const double zooms[] = { 0.05, 0.12, 0.25, 0.5, 1.0, 2.5 };
  Scene s;
  RigRect card;

  scene_init (&s);
  g_assert_true (rig_layout_get_card_rect (s.layout, "d2", &card));
  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      scene_render (&s, zooms[i], NULL, TRUE);
      g_assert_cmpint (pixel (&s, card.x + card.width / 2, card.y + card.height * 0.75).a, ==, 255);
    }
  scene_clear (&s);
}

static cairo_status_t
write_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
test_svg (void)
{
  Scene s;
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *svg;
  cairo_t *cr;
  RigRect bounds;
  xmlDocPtr xml;
  xmlNodePtr root;

  scene_init (&s);
  g_assert_true (rig_layout_get_bounds (s.layout, &bounds));
  svg = cairo_svg_surface_create_for_stream (write_bytes, bytes, bounds.width, bounds.height);
  cr = cairo_create (svg);
  cairo_translate (cr, -bounds.x, -bounds.y);
  rig_painter_draw_background (s.painter, cr, &bounds, 1.0, 0);
  rig_painter_draw (s.painter, cr, &bounds, 1.0);
  cairo_destroy (cr);
  cairo_surface_finish (svg);
  g_assert_cmpint (cairo_surface_status (svg), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (svg);

  g_assert_cmpuint (bytes->len, >, 1000);
  xml = xmlReadMemory ((const char *) bytes->data, (int) bytes->len, "rig.svg", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (xml);
  root = xmlDocGetRootElement (xml);
  g_assert_nonnull (root);
  g_assert_cmpstr ((const char *) root->name, ==, "svg");
  xmlFreeDoc (xml);
  scene_clear (&s);
}

static void
test_connector_short (void)
{
  RigDeviceModel *phone = rig_catalog_lookup (rig_catalog_get_default (), "phone-ctia");
  RigDeviceModel *tv = rig_catalog_lookup (rig_catalog_get_default (), "tv");

  g_assert_cmpstr (rig_painter_connector_short (rig_device_model_find_jack (phone, "headset")), ==,
                   "3.5 TRRS");
  g_assert_cmpstr (rig_painter_connector_short (rig_device_model_find_jack (tv, "audio-out")), ==,
                   "RCA ×2");
  g_assert_cmpstr (rig_painter_connector_short (rig_device_model_find_jack (tv, "optical-out")), ==,
                   "Optical");
}

/* The text cache the painter and the sheet share: one layout per key, and
 * the modes a layout is built in. */
static void
test_text_cache (void)
{
  g_autoptr (RigTextCache) cache = rig_text_cache_new (72, 16);
  PangoLayout *one, *again, *narrow, *wrapped, *label;
  double w, h, wrapped_h;

  rig_text_cache_set_font (cache, 0, "Sans", 10, PANGO_WEIGHT_NORMAL, RIG_TEXT_FONT_PLAIN);
  rig_text_cache_set_font (cache, 1, "Sans", 10, PANGO_WEIGHT_NORMAL, RIG_TEXT_FONT_LABEL);

  one = rig_text_cache_layout (cache, 0, "Speaker wire", -1, 1, PANGO_ALIGN_LEFT);
  again = rig_text_cache_layout (cache, 0, "Speaker wire", -1, 1, PANGO_ALIGN_LEFT);
  g_assert_true (one == again);
  rig_text_size (one, &w, &h);
  g_assert_cmpfloat (w, >, 20);
  g_assert_cmpfloat (h, >, 5);

  /* One ellipsized line at a width; as many lines as it takes with 0. */
  narrow = rig_text_cache_layout (cache, 0, "Speaker wire", 20, 1, PANGO_ALIGN_LEFT);
  g_assert_true (narrow != one);
  g_assert_true (pango_layout_is_ellipsized (narrow));
  g_assert_cmpint (pango_layout_get_line_count (narrow), ==, 1);
  wrapped = rig_text_cache_layout (cache, 0, "Speaker wire", 20, 0, PANGO_ALIGN_LEFT);
  rig_text_size (wrapped, NULL, &wrapped_h);
  g_assert_cmpint (pango_layout_get_line_count (wrapped), >, 1);
  g_assert_cmpfloat (wrapped_h, >, h);

  /* A label font keeps a line break in one line; a plain font follows it. */
  label = rig_text_cache_layout (cache, 1, "Left\nRight", -1, 1, PANGO_ALIGN_LEFT);
  g_assert_cmpint (pango_layout_get_line_count (label), ==, 1);
  one = rig_text_cache_layout (cache, 0, "Left\nRight", -1, 1, PANGO_ALIGN_LEFT);
  g_assert_cmpint (pango_layout_get_line_count (one), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/painter/home-theater", test_home_theater);
  g_test_add_func ("/painter/dark-style", test_dark_style);
  g_test_add_func ("/painter/error-cable", test_error_cable);
  g_test_add_func ("/painter/greyscale-dashed", test_greyscale_dashed);
  g_test_add_func ("/painter/culling", test_culling);
  g_test_add_func ("/painter/excluded", test_excluded);
  g_test_add_func ("/painter/selection", test_selection);
  g_test_add_func ("/painter/zoom-levels", test_zoom_levels);
  g_test_add_func ("/painter/svg", test_svg);
  g_test_add_func ("/painter/connector-short", test_connector_short);
  g_test_add_func ("/painter/text-cache", test_text_cache);

  return g_test_run ();
}
