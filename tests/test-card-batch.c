/* test-card-batch.c: cards far out, drawn in batches (rig-painter-far.c),
 * draw the very pixels they drew card by card, and fewer paths.
 *
 * Each rig is drawn twice at each zoom, batched and card by card (the
 * painter's private switch, _rig_painter_set_max_far_batch (1)), on an image
 * surface, as the PNG export and the canvas draw, and on a recording surface
 * played back onto an image, as the vector exports draw (their own choices
 * of joins and rims); the two images must be equal to the byte. Rigs: a
 * large grid of studio stations whose cards, far out, touch their
 * neighbours with their edges and badges; hand-made piles of overlapping
 * cards, cards touching edge to edge, selected and highlighted cards; with
 * errors, warnings and notes (every badge), in colour, greyscale and the dark
 * style, under a clip that cuts through cards as the sheet's diagram
 * does. */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <math.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rig-command.h"
#include "rig-history.h"
#include "rig-painter-private.h"
#include "rig-test-models.h"

/* A rig and the painter that draws it, which holds its layout and its
 * validator. */
typedef struct
{
  RigDocument *doc;
  RigPainter *painter;
  RigValidator *validator; /* the painter's */
  RigRect bounds;
} Rig;

static void
rig_init (Rig *r, RigDocument *doc)
{
  g_autoptr (RigLayout) layout = rig_layout_new (doc);
  g_autoptr (RigValidator) validator = rig_validator_new (doc);

  *r = (Rig){ .doc = doc, .painter = rig_painter_new (layout), .validator = validator };
  rig_painter_set_validator (r->painter, validator);
  g_assert_true (rig_layout_get_bounds (layout, &r->bounds));
}

static void
rig_clear (Rig *r)
{
  rig_painter_free (r->painter);
  g_object_unref (r->doc);
}

/* Moves device @i of @doc to (x, y). */
static void
place (RigDocument *doc, guint i, double x, double y)
{
  RigDevice *device = rig_document_get_device (doc, i);
  const char *ids[] = { device->id, NULL };

  if (x == device->x && y == device->y)
    return;
  g_assert_true (rig_history_apply (
      rig_test_history (doc), rig_command_move_devices (ids, x - device->x, y - device->y), NULL));
}

/* @n studio stations (rig_test_add_studio_station(): errors among them),
 * each with a tube amplifier driving a speaker (a warning on the
 * amplifier); @cols stations a row, each in two rows of six cards @dx and
 * @dy apart, as the benchmarks' generated rigs are. */
static RigDocument *
studio_grid (guint n, guint cols, double dx, double dy)
{
  RigDocument *doc = rig_document_new ();

  for (guint s = 0; s < n; s++)
    {
      rig_test_add_studio_station (doc, s);
      rig_test_connect (doc, rig_test_add (doc, "amp-tube", "Amplifier"), "spk-l",
                        rig_test_add (doc, "speaker-8", "Speaker"), "in");
    }
  for (guint i = 0; i < rig_document_get_n_devices (doc); i++)
    {
      guint s = i / 12, k = i % 12;

      place (doc, i, ((s % cols) * 6 + k / 2) * dx, ((s / cols) * 2 + k % 2) * dy);
    }
  return doc;
}

/* How many devices (or @cables) of @r show each status. */
static void
count_statuses (Rig *r, gboolean cables, guint counts[RIG_N_SEVERITIES])
{
  guint n = cables ? rig_document_get_n_cables (r->doc) : rig_document_get_n_devices (r->doc);

  memset (counts, 0, sizeof (guint) * RIG_N_SEVERITIES);
  for (guint i = 0; i < n; i++)
    {
      RigSeverity s = cables ? rig_validator_get_cable_status (
                          r->validator, rig_document_get_cable (r->doc, i)->id)
                             : rig_validator_get_device_status (
                                 r->validator, rig_document_get_device (r->doc, i)->id);

      counts[MIN ((guint) s, RIG_N_SEVERITIES - 1)]++;
    }
}

/* ---- drawing ------------------------------------------------------------- */

typedef struct
{
  double zoom;     /* the canvas's zoom: screen px a unit */
  double lod;      /* device px a screen px (the sheet's 300 dpi: 3.125) */
  gboolean replay; /* drawn on a recording surface, played back */
  gboolean clip;   /* clipped to a rectangle off the pixel grid */
  gboolean grey;   /* greyscale */
  gboolean dark;   /* the dark style */
  guint max_batch; /* 1: card by card; 0: batched */
  gboolean badges; /* the cables' badges batched on a recording surface too */
} Look;

static void
draw_rig (Rig *r, cairo_t *cr, const Look *look)
{
  double k = look->zoom * look->lod;

  rig_painter_set_device_scale (r->painter, look->lod);
  rig_painter_set_greyscale (r->painter, look->grey);
  rig_painter_set_style (r->painter, look->dark, FALSE);
  _rig_painter_set_max_far_batch (r->painter, look->max_batch);
  _rig_painter_set_far_badges_replayed (r->painter, look->badges);
  if (look->clip)
    {
      /* Cuts through the first and last rows and columns of cards. */
      cairo_rectangle (cr, 0.37 * r->bounds.width * k / 10 + 3.3,
                       0.41 * r->bounds.height * k / 10 + 2.7, r->bounds.width * k * 0.83 + 0.41,
                       r->bounds.height * k * 0.87 + 0.29);
      cairo_clip (cr);
    }
  cairo_translate (cr, 4, 4);
  cairo_scale (cr, k, k);
  cairo_translate (cr, -r->bounds.x, -r->bounds.y);
  rig_painter_draw (r->painter, cr, &r->bounds, look->zoom);
}

static cairo_surface_t *
render (Rig *r, const Look *look)
{
  double k = look->zoom * look->lod;
  int w = (int) ceil (r->bounds.width * k) + 8, h = (int) ceil (r->bounds.height * k) + 8;
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create (image);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (look->replay)
    {
      cairo_surface_t *recording = cairo_recording_surface_create (
          CAIRO_CONTENT_COLOR_ALPHA, &(cairo_rectangle_t){ 0, 0, w, h });
      cairo_t *rc = cairo_create (recording);

      draw_rig (r, rc, look);
      cairo_destroy (rc);
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_surface_destroy (recording);
    }
  else
    draw_rig (r, cr, look);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}

typedef struct
{
  guint inked;  /* pixels not white in the first image */
  guint differ; /* pixels that differ */
  int most;     /* the largest difference of a channel */
} Diff;

static Diff
compare (cairo_surface_t *a, cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *da = cairo_image_surface_get_data (a), *db = cairo_image_surface_get_data (b);
  Diff d = { 0, 0, 0 };

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 va = *(const guint32 *) (const void *) (da + y * stride + x * 4) & 0xffffff;
        guint32 vb = *(const guint32 *) (const void *) (db + y * stride + x * 4) & 0xffffff;

        d.inked += va != 0xffffff;
        if (va == vb)
          continue;
        d.differ++;
        for (int shift = 0; shift < 24; shift += 8)
          d.most = MAX (d.most, abs ((int) ((va >> shift) & 0xff) - (int) ((vb >> shift) & 0xff)));
      }
  return d;
}

/* Draws @r batched and card by card at far zooms, in every way of @looks
 * (their max_batch set here), and asserts the same pixels: the very same on
 * an image. Played back from a recording, as a vector file is drawn, the
 * badges' curves of a batch make one path, whose edge pixels cairo's scan
 * converter smooths a level or two otherwise (rig-painter-far.c): there, at
 * most 8 levels of 255 in a channel, in at most 1 pixel in 500; a card drawn
 * out of order changes its neighbours' pixels by far more. */
static void
assert_same_pixels (Rig *r, const char *what, const Look *looks, guint n_looks)
{
  for (guint i = 0; i < n_looks; i++)
    {
      Look batched = looks[i], single = looks[i];
      cairo_surface_t *a, *b;
      Diff d;

      g_assert_cmpfloat (batched.zoom * batched.lod, <, RIG_PAINTER_LOD_SIMPLE);
      batched.max_batch = 0;
      single.max_batch = 1;
      a = render (r, &single);
      b = render (r, &batched);
      d = compare (a, b);
      if (batched.replay ? d.most > 8 || d.differ > d.inked / 500 : d.differ > 0)
        g_error ("%s at zoom %g (%g px a px, %s%s%s%s): %u of %u inked pixels differ, by up to %d",
                 what, batched.zoom, batched.lod, batched.replay ? "replayed" : "image",
                 batched.clip ? ", clipped" : "", batched.grey ? ", greyscale" : "",
                 batched.dark ? ", dark" : "", d.differ, d.inked, d.most);
      g_assert_cmpuint (d.inked, >, 100);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

/* Every card of @r, drawn alone in each way of @looks, inks nothing out of
 * its bounds (rig-painter-far.c): on a vector file, levels are made of
 * those bounds alone, with no pixel round them to spare. Drawn 64 times
 * larger, so that cairo's rounding of the ink out to whole units is less
 * than a 64th. */
static void
assert_ink_within_bounds (Rig *r, const char *what, const Look *looks, guint n_looks)
{
  const double k = 64;

  for (guint l = 0; l < n_looks; l++)
    {
      rig_painter_set_device_scale (r->painter, looks[l].lod);
      rig_painter_set_greyscale (r->painter, looks[l].grey);
      rig_painter_set_style (r->painter, looks[l].dark, FALSE);
      for (guint i = 0; i < rig_document_get_n_devices (r->doc); i++)
        {
          cairo_surface_t *recording
              = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
          cairo_t *cr = cairo_create (recording);
          double x, y, w, h, zoom = looks[l].zoom;
          RigRect bounds;
          Card c;

          _rig_painter_card_init (r->painter, rig_document_get_device (r->doc, i), &c);
          cairo_scale (cr, k, k);
          _rig_painter_draw_card_far (r->painter, cr, &c, zoom);
          cairo_destroy (cr);
          cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
          cairo_surface_destroy (recording);
          _rig_painter_far_card_bounds (&c, zoom, 0, &bounds);
          if (x / k < bounds.x - 1 / k || y / k < bounds.y - 1 / k
              || (x + w) / k > bounds.x + bounds.width + 1 / k
              || (y + h) / k > bounds.y + bounds.height + 1 / k)
            g_error ("%s, card %u at zoom %g: inks %g,%g %gx%g, out of its bounds %g,%g %gx%g",
                     what, i, zoom, x / k, y / k, w / k, h / k, bounds.x, bounds.y, bounds.width,
                     bounds.height);
        }
    }
}

/* Zooms and ways to draw: a simple badge (a few px) and the full one (the
 * sheet's 300 dpi), on images and replayed, clipped or not. */
static const Look looks[] = {
  { .zoom = 0.04, .lod = 1 },
  { .zoom = 0.09, .lod = 1, .clip = TRUE },
  { .zoom = 0.15, .lod = 1, .replay = TRUE },
  { .zoom = 0.012, .lod = 3.125, .clip = TRUE },
  { .zoom = 0.0103, .lod = 3.125, .clip = TRUE },
  { .zoom = 0.0077, .lod = 3.125 },
  { .zoom = 0.0103, .lod = 3.125, .replay = TRUE, .clip = TRUE },
  { .zoom = 0.0077, .lod = 3.125, .replay = TRUE },
  { .zoom = 0.03, .lod = 3.125, .replay = TRUE },
  { .zoom = 0.03, .lod = 3.125, .replay = TRUE, .clip = TRUE },
  { .zoom = 0.045, .lod = 3.125 },
  { .zoom = 0.02, .lod = 3.125, .grey = TRUE },
  { .zoom = 0.05, .lod = 2, .replay = TRUE, .grey = TRUE },
  { .zoom = 0.07, .lod = 1, .dark = TRUE, .clip = TRUE },
  { .zoom = 0.03, .lod = 3.125, .replay = TRUE, .dark = TRUE },
};

/* ---- tests ------------------------------------------------------------- */

/* A large rig, as the benchmarks generate, far out: its cards, edges and
 * badges touch their neighbours', so batches skip and interleave. */
static void
test_large_rig_draws_as_card_by_card (void)
{
  guint counts[RIG_N_SEVERITIES];
  Rig r;

  rig_init (&r, studio_grid (40, 6, 300, 420));
  count_statuses (&r, FALSE, counts);
  /* Every badge a card shows: errors and warnings (no rule puts a note on
   * a device; notes are on cables: test_far_badges_draw_as_one_by_one()). */
  g_assert_cmpuint (counts[RIG_SEVERITY_ERROR], >, 0);
  g_assert_cmpuint (counts[RIG_SEVERITY_WARNING], >, 0);
  g_assert_cmpuint (counts[RIG_SEVERITY_NONE], >, 0);
  assert_same_pixels (&r, "480 devices", looks, G_N_ELEMENTS (looks));
  assert_ink_within_bounds (&r, "480 devices", looks, G_N_ELEMENTS (looks));
  rig_clear (&r);
}

/* Far out, the cables' badges, which a vector file gets in batches
 * (rig-painter-badges.c), drawn so on a recording surface and played back,
 * against badge by badge. Far out, a badge is a few px wide whatever the
 * zoom, and the badges of a large rig overlap: where one is drawn out of
 * its order, it covers another's rim or mark, a hundred levels and more
 * apart (all badges in one level: 255). The discs of a batch make one
 * path, whose edges cairo smooths a few levels otherwise (as the cards'
 * badges: assert_same_pixels()), and a batch the clip cuts is composited
 * otherwise where the clip does not reach: on a vector file, both are the
 * viewer's. So the clipped look is one far enough out that a badge is its
 * body alone (up to 5 levels apart); where the clip cuts a batch of thin
 * marks, the difference reaches tens of levels on one compiler's build
 * and not on another's. */
static void
test_far_badges_draw_as_one_by_one (void)
{
  static const Look far[] = {
    { .zoom = 0.0103, .lod = 3.125, .replay = TRUE, .clip = TRUE },
    { .zoom = 0.0077, .lod = 3.125, .replay = TRUE },
    { .zoom = 0.03, .lod = 3.125, .replay = TRUE },
    { .zoom = 0.05, .lod = 2, .replay = TRUE, .grey = TRUE },
    { .zoom = 0.03, .lod = 3.125, .replay = TRUE, .dark = TRUE },
  };
  guint counts[RIG_N_SEVERITIES];
  Rig r;

  rig_init (&r, studio_grid (40, 6, 300, 420));
  count_statuses (&r, TRUE, counts);
  g_assert_cmpuint (counts[RIG_SEVERITY_ERROR], >, 0);
  g_assert_cmpuint (counts[RIG_SEVERITY_WARNING], >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (far); i++)
    {
      Look batched = far[i], single = far[i];
      cairo_surface_t *a, *b;
      Diff d;

      batched.badges = TRUE;
      single.max_batch = 1;
      a = render (&r, &single);
      b = render (&r, &batched);
      d = compare (a, b);
      g_test_message ("zoom %g: %u of %u inked pixels differ, by up to %d", batched.zoom, d.differ,
                      d.inked, d.most);
      g_assert_cmpuint (d.inked, >, 100);
      g_assert_cmpint (d.most, <=, 16);
      g_assert_cmpuint (d.differ, <=, d.inked / 100);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
  rig_clear (&r);
}

/* Cards in piles (each over the one before, offset a little), cards edge to
 * edge, one exactly over another, and cards apart; some selected, some on
 * a highlighted signal path. */
static void
test_overlapping_cards_draw_as_card_by_card (void)
{
  const char *selected[4] = { NULL }, *highlighted[4] = { NULL };
  RigDocument *doc = rig_document_new ();
  guint n;
  Rig r;

  for (guint s = 0; s < 6; s++)
    rig_test_add_studio_station (doc, s);
  n = rig_document_get_n_devices (doc);
  for (guint i = 0; i < n; i++)
    {
      guint group = i % 6;
      double x = (i / 6) * 900.0, y = group * 700.0;

      switch (group)
        {
          case 0: /* a pile: each card over the one before */
            place (doc, i, 40 * (i / 6), 30 * (i / 6) + y);
            break;
          case 1: /* edge to edge: 260 units apart, and the cards' widths */
            place (doc, i, (i / 6) * 260.0, y);
            break;
          case 2: /* two by two, exactly over one another */
            place (doc, i, (i / 12) * 900.0, y);
            break;
          case 3: /* badges over their neighbours' bodies */
            place (doc, i, (i / 6) * 215.0, y + (i / 6 % 2) * 60);
            break;
          default: /* apart */
            place (doc, i, x, y);
            break;
        }
    }
  /* Edge to edge, exactly: each card's left side on the one before's right. */
  for (guint i = 7; i < n; i += 6)
    {
      RigDevice *before = rig_document_get_device (doc, i - 6);
      const RigCardShape *shape = NULL;
      RigLayout *layout = rig_layout_new (doc);

      shape = rig_layout_get_shape (layout, before->model);
      place (doc, i, before->x + shape->width, before->y);
      g_object_unref (layout);
    }
  selected[0] = rig_document_get_device (doc, 6)->id;  /* in the pile */
  selected[1] = rig_document_get_device (doc, 25)->id; /* edge to edge */
  highlighted[0] = rig_document_get_device (doc, 12)->id;
  highlighted[1] = rig_document_get_device (doc, 31)->id;
  highlighted[2] = rig_document_get_device (doc, 10)->id;

  rig_init (&r, doc);
  assert_same_pixels (&r, "hand-made", looks, G_N_ELEMENTS (looks));
  rig_painter_set_selection (r.painter, selected, NULL);
  rig_painter_set_highlight (r.painter, highlighted, NULL);
  assert_same_pixels (&r, "hand-made, selected", looks, G_N_ELEMENTS (looks));
  assert_ink_within_bounds (&r, "hand-made, selected", looks, G_N_ELEMENTS (looks));
  rig_clear (&r);
}

/* The SVG of @r at @zoom (as the sheet draws: 300 dpi), batched or card by
 * card: how many paths it holds. */
static guint
svg_paths (Rig *r, double zoom, guint max_batch)
{
  Look look = { .zoom = zoom, .lod = 3.125, .max_batch = max_batch, .clip = TRUE };
  double k = zoom * look.lod;
  g_autofree char *dir = g_dir_make_tmp ("card-batch-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rig.svg", NULL);
  g_autofree char *text = NULL;
  cairo_surface_t *svg
      = cairo_svg_surface_create (path, r->bounds.width * k + 8, r->bounds.height * k + 8);
  cairo_t *cr = cairo_create (svg);
  guint n = 0;

  draw_rig (r, cr, &look);
  cairo_destroy (cr);
  cairo_surface_finish (svg);
  g_assert_cmpint (cairo_surface_status (svg), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (svg);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_remove (path);
  g_rmdir (dir);
  for (const char *p = text; (p = strstr (p, "<path")) != NULL; p++)
    n++;
  return n;
}

/* Far out, a large rig's SVG holds fewer paths batched: a path per layer
 * and colour of a batch instead of two to four a card. Its cables are the
 * same either way. */
static void
test_svg_holds_fewer_paths (void)
{
  guint n_devices, batched, single;
  Rig r;

  rig_init (&r, studio_grid (40, 6, 300, 420));
  n_devices = rig_document_get_n_devices (r.doc);
  for (guint z = 0; z < 2; z++)
    {
      double zoom = z == 0 ? 0.012 : 0.04;

      batched = svg_paths (&r, zoom, 0);
      single = svg_paths (&r, zoom, 1);
      g_test_message ("zoom %g: %u paths batched, %u card by card", zoom, batched, single);
      /* A card: its body, filled and stroked; its band; its badge. */
      g_assert_cmpuint (single, >=, 2 * n_devices);
      /* A fifth fewer where, as at a 10k rig's size on a sheet, every card's
       * edge and badge touch its neighbours', so that each card follows
       * those before it; half as many at least where they keep apart. */
      if (zoom > 0.03)
        g_assert_cmpuint (batched * 2, <=, single);
      else
        g_assert_cmpuint (batched * 5, <=, single * 4);
    }
  rig_clear (&r);
}

static cairo_status_t
write_stream (void *closure, const unsigned char *data, unsigned int length)
{
  return g_output_stream_write_all (closure, data, length, NULL, NULL, NULL)
             ? CAIRO_STATUS_SUCCESS
             : CAIRO_STATUS_WRITE_ERROR;
}

/* @data inflated (zlib), as a string; NULL if it is not deflated. */
static char *
inflate (const char *data, gsize size)
{
  g_autoptr (GZlibDecompressor) zlib = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  g_autoptr (GInputStream) raw = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr (GInputStream) in = g_converter_input_stream_new (raw, G_CONVERTER (zlib));
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();

  if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, NULL) < 0)
    return NULL;
  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
}

/* The first @word in [@from, @to), which may hold nul bytes; NULL if none. */
static const char *
find (const char *from, const char *to, const char *word)
{
  gsize n = strlen (word);

  for (const char *p = from; p + n <= to; p++)
    if (memcmp (p, word, n) == 0)
      return p;
  return NULL;
}

/* The page content of @r's PDF at @zoom (as the sheet draws: 300 dpi),
 * batched or card by card, inflated: its largest stream. */
static char *
pdf_content (Rig *r, double zoom, guint max_batch)
{
  Look look = { .zoom = zoom, .lod = 3.125, .max_batch = max_batch, .clip = TRUE };
  double k = zoom * look.lod;
  g_autoptr (GOutputStream) pdf = g_memory_output_stream_new_resizable ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (
      write_stream, pdf, r->bounds.width * k + 8, r->bounds.height * k + 8);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (GBytes) bytes = NULL;
  const char *data, *at;
  gsize size;
  char *best = NULL;

  draw_rig (r, cr, &look);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (g_output_stream_close (pdf, NULL, NULL));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (pdf));
  data = g_bytes_get_data (bytes, &size);
  /* Each stream's data lies between "stream\n" and "\nendstream". */
  for (at = data; (at = find (at, data + size, "stream\n")) != NULL;)
    {
      const char *end = find (at, data + size, "\nendstream");
      g_autofree char *text = NULL;

      if (end == NULL)
        break;
      text = inflate (at + 7, end - (at + 7));
      if (text != NULL && (best == NULL || strlen (text) > strlen (best)))
        {
          g_free (best);
          best = g_steal_pointer (&text);
        }
      at = end + 10;
    }
  g_assert_nonnull (best);
  return best;
}

/* How many numbers @content writes, how many colours (rg, RG) it sets and
 * how many paths it paints (f, S, B). */
typedef struct
{
  guint numbers, colours, paints;
} Operands;

static Operands
count_operands (const char *content)
{
  static const char *const paints[] = { "f", "S", "B", "f*", "B*", NULL };
  g_auto (GStrv) words = g_strsplit_set (content, " \n", -1);
  Operands count = { 0 };

  for (guint i = 0; words[i] != NULL; i++)
    if (g_ascii_isdigit (words[i][0]) || words[i][0] == '-' || words[i][0] == '.')
      count.numbers++;
    else if (strcmp (words[i], "rg") == 0 || strcmp (words[i], "RG") == 0)
      count.colours++;
    else if (g_strv_contains (paints, words[i]))
      count.paints++;
  return count;
}

/* Far out, a large rig's PDF paints fewer paths batched, sets a colour a
 * few times a batch instead of two or three times a card, and writes fewer
 * numbers: a PDF's time goes mostly to its operations and their numbers. */
static void
test_pdf_writes_less (void)
{
  guint n_devices;
  Rig r;

  rig_init (&r, studio_grid (40, 6, 300, 420));
  n_devices = rig_document_get_n_devices (r.doc);
  for (guint z = 0; z < 2; z++)
    {
      double zoom = z == 0 ? 0.012 : 0.04;
      g_autofree char *batched = pdf_content (&r, zoom, 0);
      g_autofree char *single = pdf_content (&r, zoom, 1);
      Operands b = count_operands (batched), s = count_operands (single);

      g_test_message ("zoom %g: %u numbers, %u colours, %u paints batched; %u, %u, %u card by "
                      "card",
                      zoom, b.numbers, b.colours, b.paints, s.numbers, s.colours, s.paints);
      /* Card by card: a body filled and stroked (its fill and edge colours)
       * and its band; the badges. */
      g_assert_cmpuint (s.paints, >=, 2 * n_devices);
      g_assert_cmpuint (s.colours, >=, 2 * n_devices);
      g_assert_cmpuint (b.paints * 4, <=, s.paints * 3);
      g_assert_cmpuint (b.colours * 2, <=, s.colours);
      g_assert_cmpuint (b.numbers * 20, <=, s.numbers * 19);
    }
  rig_clear (&r);
}

/* Timings (-m perf): batched and card by card, on an image and on a
 * recording surface. */
static void
test_perf (void)
{
  Rig r;

  if (!g_test_perf ())
    {
      g_test_skip ("timings with -m perf");
      return;
    }
  rig_init (&r, studio_grid (300, 22, 300, 420));
  for (guint replay = 0; replay <= 1; replay++)
    for (guint max = 0; max <= 1; max++)
      {
        Look look
            = { .zoom = 0.01, .lod = 3.125, .replay = replay, .clip = TRUE, .max_batch = max };
        double best = G_MAXDOUBLE;

        for (guint i = 0; i < 5; i++)
          {
            gint64 t = g_get_monotonic_time ();

            cairo_surface_destroy (render (&r, &look));
            best = MIN (best, (g_get_monotonic_time () - t) / 1000.0);
          }
        g_test_minimized_result (best, "%s, %s: %.1f ms", replay ? "replayed" : "image",
                                 max ? "card by card" : "batched", best);
      }
  rig_clear (&r);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/card-batch/large-rig-draws-as-card-by-card",
                   test_large_rig_draws_as_card_by_card);
  g_test_add_func ("/card-batch/overlapping-cards-draw-as-card-by-card",
                   test_overlapping_cards_draw_as_card_by_card);
  g_test_add_func ("/card-batch/svg-holds-fewer-paths", test_svg_holds_fewer_paths);
  g_test_add_func ("/card-batch/far-badges-draw-as-one-by-one", test_far_badges_draw_as_one_by_one);
  g_test_add_func ("/card-batch/pdf-writes-less", test_pdf_writes_less);
  g_test_add_func ("/card-batch/perf", test_perf);
  return g_test_run ();
}
