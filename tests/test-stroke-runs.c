/* test-stroke-runs.c: the export's cheaper strokes draw what the plain ones
 * did: a line stroked in device space (rig_marks_stroke()), alike cables
 * stroked as one path (rig-painter-cables.c), with every cable still in the
 * colour of its verdict, and routes drawn with fewer points still inked
 * along their whole length. */
#include "config.h"

#include <cairo-svg.h>
#include <math.h>
#include <string.h>

#include "rig-catalog.h"
#include "rig-format.h"
#include "rig-marks.h"
#include "rig-painter-private.h"
#include "rig-route.h"

/* ---- pixels -------------------------------------------------------------- */

typedef struct
{
  guint inked;  /* pixels not white in either image */
  guint strong; /* pixels whose channels differ by more than 96 */
} Diff;

static Diff
diff_images (cairo_surface_t *a, cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  const guint8 *da = cairo_image_surface_get_data (a), *db = cairo_image_surface_get_data (b);
  Diff d = { 0, 0 };

  g_assert_cmpint (w, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (h, ==, cairo_image_surface_get_height (b));
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 va = *(const guint32 *) (const void *) (da + y * sa + x * 4);
        guint32 vb = *(const guint32 *) (const void *) (db + y * sb + x * 4);
        int most = 0;

        if ((va & 0xffffff) != 0xffffff || (vb & 0xffffff) != 0xffffff)
          d.inked++;
        for (int shift = 0; shift < 24; shift += 8)
          most = MAX (most, abs ((int) ((va >> shift) & 0xff) - (int) ((vb >> shift) & 0xff)));
        if (most > 96)
          d.strong++;
      }
  return d;
}

static cairo_surface_t *
white_image (int w, int h, cairo_t **cr)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);

  *cr = cairo_create (surface);
  cairo_set_source_rgb (*cr, 1, 1, 1);
  cairo_paint (*cr);
  return surface;
}

/* ---- device-space strokes ------------------------------------------------- */

/* A dashed polyline with round joins under a scale and a translation. */
static void
zigzag (cairo_t *cr, gboolean dashed)
{
  static const double dashes[] = { 30, 12 };

  cairo_translate (cr, 7.5, 3.25);
  cairo_scale (cr, 0.37, 0.37);
  cairo_new_path (cr);
  cairo_move_to (cr, 20, 20);
  for (int i = 1; i < 8; i++)
    cairo_line_to (cr, 20 + i * 60, i % 2 ? 300 : 40);
  cairo_set_line_width (cr, 9);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_source_rgb (cr, 0.8, 0.2, 0.1);
  if (dashed)
    cairo_set_dash (cr, dashes, 2, 5);
}

static void
test_device_space_same_pixels (void)
{
  for (int dashed = 0; dashed <= 1; dashed++)
    {
      cairo_t *ca, *cb;
      cairo_surface_t *a = white_image (200, 130, &ca), *b = white_image (200, 130, &cb);
      Diff d;

      zigzag (ca, dashed);
      cairo_stroke (ca);
      zigzag (cb, dashed);
      rig_marks_stroke_preserve (cb);
      /* The path survives a preserving stroke; the state is as it was. */
      g_assert_true (cairo_has_current_point (cb));
      g_assert_cmpfloat (cairo_get_line_width (cb), ==, 9);
      g_assert_cmpint (cairo_get_dash_count (cb), ==, dashed ? 2 : 0);
      cairo_new_path (cb);
      cairo_destroy (ca);
      cairo_destroy (cb);
      cairo_surface_flush (a);
      cairo_surface_flush (b);

      d = diff_images (a, b);
      g_assert_cmpuint (d.inked, >, 500);
      g_assert_cmpuint (d.strong, <=, d.inked / 100);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

static cairo_status_t
write_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
test_device_space_svg_has_no_transform (void)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *svg = cairo_svg_surface_create_for_stream (write_bytes, bytes, 200, 130);
  cairo_t *cr = cairo_create (svg);
  g_autofree char *text = NULL;

  zigzag (cr, TRUE);
  rig_marks_stroke (cr);
  cairo_destroy (cr);
  cairo_surface_finish (svg);
  g_assert_cmpint (cairo_surface_status (svg), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (svg);

  text = g_strndup ((const char *) bytes->data, bytes->len);
  g_assert_nonnull (strstr (text, "<path"));
  g_assert_null (strstr (text, "transform="));
  /* 9 units at 0.37 a unit; the dashes scaled alike. */
  g_assert_nonnull (strstr (text, "stroke-width:3.33"));
  g_assert_nonnull (strstr (text, "stroke-dasharray:11.1,4.44"));
}

/* ---- cables as runs --------------------------------------------------------- */

typedef struct
{
  RigDocument *doc;
  RigValidator *validator;
  RigLayout *layout;
  RigPainter *painter;
  RigRect bounds;
} Rig;

static void
rig_open (Rig *r, const char *name)
{
  g_autofree char *path
      = g_test_build_filename (G_TEST_DIST, "..", "resources", "examples", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  r->doc = rig_format_load_file (file, rig_catalog_get_default (), &error);
  g_assert_no_error (error);
  r->validator = rig_validator_new (r->doc);
  r->layout = rig_layout_new (r->doc);
  r->painter = rig_painter_new (r->layout);
  rig_painter_set_validator (r->painter, r->validator);
  g_assert_true (rig_layout_get_bounds (r->layout, &r->bounds));
}

static void
rig_close (Rig *r)
{
  g_clear_pointer (&r->painter, rig_painter_free);
  g_clear_object (&r->layout);
  g_clear_object (&r->validator);
  g_clear_object (&r->doc);
}

/* The rig at @zoom, its cables at most @max_run a stroke. */
static cairo_surface_t *
render (Rig *r, double zoom, guint max_run)
{
  cairo_t *cr;
  cairo_surface_t *surface = white_image ((int) ceil (r->bounds.width * zoom) + 2,
                                          (int) ceil (r->bounds.height * zoom) + 2, &cr);

  _rig_painter_set_max_run (r->painter, max_run);
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -r->bounds.x, -r->bounds.y);
  rig_painter_draw (r->painter, cr, &r->bounds, zoom);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Far out (no casings between cables: below 0.4 px a unit), where cables
 * run together, and closer in, where each has its casing: every example
 * draws the same as cable by cable, problems in their colours included. */
static void
test_examples_draw_as_cable_by_cable (void)
{
  g_autofree char *folder
      = g_test_build_filename (G_TEST_DIST, "..", "resources", "examples", NULL);
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n_rigs = 0, n_problem_cables = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      static const double zooms[] = { 0.12, 0.3, 0.6 };
      Rig r;

      if (!g_str_has_suffix (name, ".rigwire"))
        continue;
      rig_open (&r, name);
      for (guint i = 0; i < rig_document_get_n_cables (r.doc); i++)
        if (rig_validator_get_cable_status (r.validator, rig_document_get_cable (r.doc, i)->id)
            != RIG_SEVERITY_NONE)
          n_problem_cables++;
      for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
        {
          cairo_surface_t *runs = render (&r, zooms[z], 0);
          cairo_surface_t *single = render (&r, zooms[z], 1);
          Diff d = diff_images (runs, single);

          if (d.strong > d.inked / 200)
            g_error ("%s at %g: %u of %u inked pixels differ", name, zooms[z], d.strong, d.inked);
          cairo_surface_destroy (runs);
          cairo_surface_destroy (single);
        }
      rig_close (&r);
      n_rigs++;
    }
  g_assert_cmpuint (n_rigs, >=, 5);
  /* Some of them show problems, so verdict colours were compared too. */
  g_assert_cmpuint (n_problem_cables, >, 0);
}

/* Whether any pixel within 1 px of device point (x, y) is not white. */
static gboolean
inked_near (cairo_surface_t *image, double x, double y)
{
  int w = cairo_image_surface_get_width (image), h = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  const guint8 *data = cairo_image_surface_get_data (image);

  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      {
        int px = (int) floor (x) + dx, py = (int) floor (y) + dy;

        if (px >= 0 && py >= 0 && px < w && py < h
            && (*(const guint32 *) (const void *) (data + py * stride + px * 4) & 0xffffff)
                   != 0xffffff)
          return TRUE;
      }
  return FALSE;
}

/* The points of a route left out where they lie within a fraction of a
 * pixel of the line drawn: each cable, drawn alone, still inks its whole
 * route, its rounded corners included, far out and close in. */
static void
test_cables_ink_their_routes (void)
{
  static const double zooms[] = { 0.3, 1, 3 };
  Rig r;

  rig_open (&r, "podcast-desk.rigwire");
  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    for (guint i = 0; i < rig_document_get_n_cables (r.doc); i++)
      {
        RigCable *cable = rig_document_get_cable (r.doc, i);
        g_autoptr (GPtrArray) cables = g_ptr_array_new ();
        const RigPoint *path;
        RigRect label;
        guint n_path, missed = 0;
        double zoom = zooms[z];
        cairo_t *cr;
        cairo_surface_t *image;

        g_assert_true (rig_layout_get_cable_path (r.layout, cable->id, &path, &n_path));
        /* The number's white label covers the route where it sits. */
        if (!rig_layout_get_cable_label_box (r.layout, cable->id, &label))
          label = (RigRect){ 0, 0, 0, 0 };
        image = white_image ((int) ceil (r.bounds.width * zoom) + 2,
                             (int) ceil (r.bounds.height * zoom) + 2, &cr);
        g_ptr_array_add (cables, cable);
        cairo_scale (cr, zoom, zoom);
        cairo_translate (cr, -r.bounds.x, -r.bounds.y);
        rig_painter_draw_objects (r.painter, cr, NULL, cables, zoom);
        cairo_destroy (cr);
        cairo_surface_flush (image);
        /* Every route point, corners' included, and points between them. */
        for (guint k = 0; k < n_path + 201; k++)
          {
            RigPoint q = k < n_path ? path[k] : (RigPoint){ 0, 0 };

            if (k >= n_path)
              rig_polyline_point (path, n_path, (k - n_path) / 200.0, &q);
            if (!rig_rect_contains_point (&label, q.x, q.y))
              missed += !inked_near (image, (q.x - r.bounds.x) * zoom, (q.y - r.bounds.y) * zoom);
          }
        if (missed > 0)
          g_error ("%s at %g: %u points of its route without ink", cable->id, zoom, missed);
        cairo_surface_destroy (image);
      }
  rig_close (&r);
}

static guint
count (const char *text, const char *what)
{
  guint n = 0;

  for (const char *p = strstr (text, what); p != NULL; p = strstr (p + 1, what))
    n++;
  return n;
}

static char *
svg_of (Rig *r, double zoom, guint max_run)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *svg = cairo_svg_surface_create_for_stream (
      write_bytes, bytes, r->bounds.width * zoom, r->bounds.height * zoom);
  cairo_t *cr = cairo_create (svg);

  _rig_painter_set_max_run (r->painter, max_run);
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -r->bounds.x, -r->bounds.y);
  rig_painter_draw (r->painter, cr, &r->bounds, zoom);
  cairo_destroy (cr);
  cairo_surface_finish (svg);
  g_assert_cmpint (cairo_surface_status (svg), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (svg);
  return g_strndup ((const char *) bytes->data, bytes->len);
}

/* Far out, a run of alike cables is one SVG path; closer in, each cable
 * keeps its own casing and stroke. */
static void
test_svg_holds_a_path_a_run (void)
{
  Rig r;
  guint n_cables;
  g_autofree char *far_runs = NULL, *far_single = NULL, *near_runs = NULL, *near_single = NULL;

  rig_open (&r, "podcast-desk.rigwire");
  n_cables = rig_document_get_n_cables (r.doc);
  g_assert_cmpuint (n_cables, >=, 10);
  far_runs = svg_of (&r, 0.3, 0);
  far_single = svg_of (&r, 0.3, 1);
  near_runs = svg_of (&r, 1.0, 0);
  near_single = svg_of (&r, 1.0, 1);
  /* Fewer paths by most of the cables (a run per status and width). */
  g_assert_cmpuint (count (far_runs, "<path") + n_cables / 2, <=, count (far_single, "<path"));
  g_assert_cmpuint (count (near_runs, "<path"), ==, count (near_single, "<path"));
  rig_close (&r);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stroke-runs/device-space-stroke-draws-the-same-pixels",
                   test_device_space_same_pixels);
  g_test_add_func ("/stroke-runs/device-space-stroke-writes-no-svg-transform",
                   test_device_space_svg_has_no_transform);
  g_test_add_func ("/stroke-runs/examples-draw-as-cable-by-cable",
                   test_examples_draw_as_cable_by_cable);
  g_test_add_func ("/stroke-runs/svg-holds-a-path-a-run", test_svg_holds_a_path_a_run);
  g_test_add_func ("/stroke-runs/cables-ink-their-routes", test_cables_ink_their_routes);
  return g_test_run ();
}
