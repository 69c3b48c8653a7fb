/* test-badge-disc.c: a status badge's discs (its rim, its body, the dot of
 * its mark) on a vector file are round dots, and draw the discs an image
 * gets.
 *
 * On a vector file (PDF, PostScript, SVG) the painter writes a disc as a
 * stroke as wide as the disc along a line of no length, with round caps
 * (rig-painter.c, badge_disc()), which those formats draw as a disc: four
 * numbers instead of an arc's 26. A recording surface takes the same path
 * as a vector file; played back onto an image, each badge must cover the
 * pixels its arcs cover when drawn straight onto an image, at every size,
 * far out (the body alone) and near (rim, body and mark), in colour and in
 * greyscale. A badge's SVG must hold its discs as dots: no curve.
 */
#include "config.h"

#include <cairo-svg.h>
#include <math.h>
#include <string.h>

#include "rig-painter-private.h"

#define SIZE 160

typedef struct
{
  RigDocument *doc;
  RigLayout *layout;
  RigPainter *painter;
} Painter;

static void
painter_init (Painter *p, gboolean greyscale)
{
  p->doc = rig_document_new ();
  p->layout = rig_layout_new (p->doc);
  p->painter = rig_painter_new (p->layout);
  rig_painter_set_greyscale (p->painter, greyscale);
}

static void
painter_clear (Painter *p)
{
  rig_painter_free (p->painter);
  g_object_unref (p->layout);
  g_object_unref (p->doc);
}

/* A badge of radius @r (device px) at the centre of @cr's SIZE square. */
static void
draw (Painter *p, cairo_t *cr, RigSeverity severity, double r, double zoom)
{
  cairo_set_source_rgb (cr, 0.5, 0.6, 0.7);
  cairo_paint (cr);
  cairo_scale (cr, zoom, zoom);
  _rig_painter_draw_badge (p->painter, cr, SIZE / 2.0 / zoom, SIZE / 2.0 / zoom, r / zoom, severity,
                           zoom);
}

static cairo_surface_t *
straight_on_image (Painter *p, RigSeverity severity, double r, double zoom)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, SIZE, SIZE);
  cairo_t *cr = cairo_create (image);

  draw (p, cr, severity, r, zoom);
  cairo_destroy (cr);
  return image;
}

/* Drawn on a recording surface, as a vector file is, played back onto an
 * image. */
static cairo_surface_t *
replayed (Painter *p, RigSeverity severity, double r, double zoom)
{
  cairo_rectangle_t extents = { 0, 0, SIZE, SIZE };
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, SIZE, SIZE);
  cairo_t *cr = cairo_create (recording);

  draw (p, cr, severity, r, zoom);
  cairo_destroy (cr);
  cr = cairo_create (image);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (recording);
  return image;
}

/* Compares two images channel by channel: the largest difference, and the
 * sums of each's channels (how much ink each holds). */
static guint
largest_difference (cairo_surface_t *a, cairo_surface_t *b, double *sum_a, double *sum_b)
{
  const guchar *pa, *pb;
  int stride = cairo_image_surface_get_stride (a);
  guint most = 0;

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  pa = cairo_image_surface_get_data (a);
  pb = cairo_image_surface_get_data (b);
  *sum_a = *sum_b = 0;
  for (int y = 0; y < SIZE; y++)
    for (int x = 0; x < SIZE * 4; x++)
      {
        guint va = pa[y * stride + x], vb = pb[y * stride + x];

        if (x % 4 == 3)
          continue; /* RGB24: no alpha */
        most = MAX (most, va > vb ? va - vb : vb - va);
        *sum_a += va;
        *sum_b += vb;
      }
  return most;
}

static void
test_dot_draws_the_disc (void)
{
  static const RigSeverity severities[]
      = { RIG_SEVERITY_ERROR, RIG_SEVERITY_INFO, RIG_SEVERITY_WARNING };
  /* Far out (below 5.5 px: the body alone) and near. */
  static const double radii[] = { 1.5, 3, 5, 9, 14, 30, 60 };

  for (guint grey = 0; grey < 2; grey++)
    {
      Painter p;

      painter_init (&p, grey);
      for (guint s = 0; s < G_N_ELEMENTS (severities); s++)
        for (guint i = 0; i < G_N_ELEMENTS (radii); i++)
          {
            /* Drawn at a quarter: the painter's units are not pixels. */
            double zoom = 0.25, sum_a, sum_b;
            cairo_surface_t *a = straight_on_image (&p, severities[s], radii[i], zoom);
            cairo_surface_t *b = replayed (&p, severities[s], radii[i], zoom);
            guint most = largest_difference (a, b, &sum_a, &sum_b);

            g_test_message ("grey %u, severity %d, r %g px: largest difference %u, ink %.0f "
                            "against %.0f",
                            grey, severities[s], radii[i], most, sum_a, sum_b);
            /* The same shapes: the same ink within a few edge pixels'
             * smoothing, and no pixel in or out that the other has not. */
            g_assert_cmpfloat (fabs (sum_a - sum_b), <=, 0.002 * sum_a);
            g_assert_cmpuint (most, <=, 64);
            cairo_surface_destroy (a);
            cairo_surface_destroy (b);
          }
      painter_clear (&p);
    }
}

static cairo_status_t
append (void *closure, const unsigned char *data, unsigned int length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A badge's SVG, near (with its rim and mark): its discs (an error's and a
 * note's body and rim, the dot of a warning's or a note's mark) are dots;
 * no curve anywhere. */
static void
test_svg_holds_dots (void)
{
  static const RigSeverity severities[]
      = { RIG_SEVERITY_ERROR, RIG_SEVERITY_INFO, RIG_SEVERITY_WARNING };

  for (guint i = 0; i < G_N_ELEMENTS (severities); i++)
    {
      g_autoptr (GString) svg_text = g_string_new (NULL);
      cairo_surface_t *svg = cairo_svg_surface_create_for_stream (append, svg_text, SIZE, SIZE);
      cairo_t *cr = cairo_create (svg);
      Painter p;

      painter_init (&p, FALSE);
      draw (&p, cr, severities[i], 30, 1);
      cairo_destroy (cr);
      cairo_surface_finish (svg);
      cairo_surface_destroy (svg);
      painter_clear (&p);

      g_assert_nonnull (strstr (svg_text->str, "stroke-linecap:round"));
      g_assert_null (strstr (svg_text->str, " C "));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/badge-disc/dot-draws-the-disc", test_dot_draws_the_disc);
  g_test_add_func ("/badge-disc/svg-holds-dots", test_svg_holds_dots);
  return g_test_run ();
}
