/* rig-painter.c: the look of a rig, on any cairo_t.
 *
 * Three layers, so that cards hide the cables that pass behind them but no
 * cable number is ever hidden: cable strokes (neutral first, errors last, so
 * problems lie on top), then cards in document order, then cable labels and
 * badges. The objects come from the layout's spatial index for the visible
 * rectangle only.
 *
 * Text is laid out once per (font, width, string) by a RigTextCache, whose
 * PangoContext does no hinting, so a layout is valid at every zoom; drawing a
 * cached layout under the zoomed matrix only renders its glyphs. The marks
 * the sheet shares (glyphs, badges, connector names) are in rig-marks.c.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "rig-painter-private.h"

guint32
rig_painter_status_color (RigPainter *self, RigSeverity severity)
{
  if (self->greyscale)
    return severity == RIG_SEVERITY_NONE ? 0x777777 : 0x000000;
  switch (severity)
    {
      case RIG_SEVERITY_ERROR:
        return paint_color (self, RIG_PAINTER_COLOR_ERROR);
      case RIG_SEVERITY_WARNING:
        return paint_color (self, RIG_PAINTER_COLOR_WARNING);
      case RIG_SEVERITY_INFO:
        return paint_color (self, RIG_PAINTER_COLOR_INFO);
      case RIG_SEVERITY_NONE:
      case RIG_N_SEVERITIES:
      default:
        return paint_color (self, RIG_PAINTER_COLOR_NEUTRAL);
    }
}

/* The "fine" colour of a connect-drag verdict. */
guint32
_rig_painter_verdict_color (RigPainter *self, RigSeverity severity)
{
  if (severity == RIG_SEVERITY_NONE)
    return self->greyscale ? 0x000000 : RIG_PAINTER_COLOR_FINE;
  return rig_painter_status_color (self, severity);
}

static guint32
category_color (RigCategory category)
{
  switch (category)
    {
      case RIG_CATEGORY_SOURCE:
        return 0x3584E4;
      case RIG_CATEGORY_AMPLIFIER:
      case RIG_CATEGORY_HEADPHONE_AMPLIFIER:
        return 0x9141AC;
      case RIG_CATEGORY_PASSIVE_SPEAKER:
        return 0x986A44;
      case RIG_CATEGORY_ACTIVE_SPEAKER:
        return 0x63452C;
      case RIG_CATEGORY_HEADPHONES:
        return 0x2190A4;
      case RIG_CATEGORY_MICROPHONE:
        return 0xC061CB;
      case RIG_CATEGORY_INSTRUMENT:
        return 0xE5A50A;
      case RIG_CATEGORY_MIXER:
        return 0x613583;
      case RIG_CATEGORY_INTERFACE:
        return 0x1A5FB4;
      case RIG_CATEGORY_CONVERTER:
        return 0x1C8C8C;
      case RIG_CATEGORY_ADAPTER:
        return 0x77767B;
      case RIG_CATEGORY_ACCESSORY:
        return 0x9A9996;
      case RIG_CATEGORY_POWER:
      case RIG_N_CATEGORIES:
      default:
        return 0x3D3846;
    }
}

/* A colour mixed with the card's (white, or the dark style's card): @amount
 * of the colour. */
guint32
_rig_painter_tint (RigPainter *self, guint32 rgb, double amount)
{
  guint32 base = self->dark && !self->greyscale ? RIG_PAINTER_DARK_COLOR_CARD : 0xFFFFFF;
  guint32 out = 0;

  for (int shift = 16; shift >= 0; shift -= 8)
    {
      double c = (rgb >> shift) & 0xff, b = (base >> shift) & 0xff;

      out |= (guint32) (b + (c - b) * amount) << shift;
    }
  return out;
}

/* ---- construction ------------------------------------------------------ */

static GHashTable *
id_set_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
id_set_fill (GHashTable *set, const char *const *ids)
{
  g_hash_table_remove_all (set);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_hash_table_add (set, g_strdup (ids[i]));
}

RigPainter *
rig_painter_new (RigLayout *layout)
{
  static const struct
  {
    double px;
    PangoWeight weight;
  } fonts[N_FONTS] = {
    [FONT_TITLE] = { 13, PANGO_WEIGHT_BOLD },  [FONT_SUBTITLE] = { 11, PANGO_WEIGHT_NORMAL },
    [FONT_PORT] = { 11, PANGO_WEIGHT_NORMAL }, [FONT_CONNECTOR] = { 9.5, PANGO_WEIGHT_NORMAL },
    [FONT_BAND] = { 10, PANGO_WEIGHT_NORMAL }, [FONT_NUMBER] = { 10, PANGO_WEIGHT_BOLD },
  };
  RigPainter *self;

  g_return_val_if_fail (RIG_IS_LAYOUT (layout), NULL);

  self = g_new0 (RigPainter, 1);
  self->layout = g_object_ref (layout);
  self->document = rig_layout_get_document (layout);
  self->lod_scale = 1.0;
  self->sel_devices = id_set_new ();
  self->sel_cables = id_set_new ();
  self->hl_devices = id_set_new ();
  self->hl_cables = id_set_new ();
  self->excluded = id_set_new ();
  self->devices = g_ptr_array_new ();
  self->cables = g_ptr_array_new ();
  self->cable_statuses = g_byte_array_new ();
  /* Canvas units are px at 96 dpi; labels never break lines. Jack names are
   * fitted to their cards once per model (rig-jack-name-fit.h). */
  self->texts = rig_text_cache_new (96, TEXT_CACHE_MAX);
  for (guint i = 0; i < N_FONTS; i++)
    rig_text_cache_set_font (self->texts, i, "Cantarell, Sans", fonts[i].px, fonts[i].weight,
                             RIG_TEXT_FONT_LABEL);
  self->names = rig_card_names_new (self->texts, FONT_PORT, FONT_BAND, FONT_CONNECTOR);
  return self;
}

void
rig_painter_free (RigPainter *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->validator);
  g_clear_object (&self->layout);
  g_hash_table_unref (self->sel_devices);
  g_hash_table_unref (self->sel_cables);
  g_hash_table_unref (self->hl_devices);
  g_hash_table_unref (self->hl_cables);
  g_hash_table_unref (self->excluded);
  rig_card_names_free (self->names);
  rig_text_cache_free (self->texts);
  g_ptr_array_unref (self->devices);
  g_ptr_array_unref (self->cables);
  g_byte_array_unref (self->cable_statuses);
  g_free (self->hover_device);
  g_free (self->hover_jack);
  g_free (self->hover_cable);
  g_free (self);
}

RigLayout *
rig_painter_get_layout (RigPainter *self)
{
  return self->layout;
}

RigDocument *
rig_painter_get_document (RigPainter *self)
{
  return self->document;
}

void
rig_painter_set_validator (RigPainter *self, RigValidator *validator)
{
  g_set_object (&self->validator, validator);
}

void
rig_painter_set_device_scale (RigPainter *self, double scale)
{
  self->lod_scale = scale > 0 ? scale : 1.0;
}

void
rig_painter_set_greyscale (RigPainter *self, gboolean greyscale)
{
  self->greyscale = !!greyscale;
}

void
rig_painter_set_style (RigPainter *self, gboolean dark, gboolean high_contrast)
{
  self->dark = !!dark;
  self->high_contrast = !!high_contrast;
}

gboolean
rig_painter_get_greyscale (RigPainter *self)
{
  return self->greyscale;
}

void
rig_painter_set_selection (RigPainter *self, const char *const *device_ids,
                           const char *const *cable_ids)
{
  id_set_fill (self->sel_devices, device_ids);
  id_set_fill (self->sel_cables, cable_ids);
}

gboolean
rig_painter_is_selected (RigPainter *self, const char *id, gboolean cable)
{
  return g_hash_table_contains (cable ? self->sel_cables : self->sel_devices, id);
}

void
rig_painter_set_highlight (RigPainter *self, const char *const *device_ids,
                           const char *const *cable_ids)
{
  id_set_fill (self->hl_devices, device_ids);
  id_set_fill (self->hl_cables, cable_ids);
}

void
rig_painter_set_hover (RigPainter *self, const char *device_id, const char *jack_id,
                       const char *cable_id)
{
  g_free (self->hover_device);
  g_free (self->hover_jack);
  g_free (self->hover_cable);
  self->hover_device = g_strdup (device_id);
  self->hover_jack = g_strdup (jack_id);
  self->hover_cable = g_strdup (cable_id);
}

void
rig_painter_set_port_func (RigPainter *self, RigPainterPortFunc func, gpointer user_data)
{
  self->port_func = func;
  self->port_data = user_data;
}

void
rig_painter_set_excluded (RigPainter *self, const char *const *device_ids)
{
  id_set_fill (self->excluded, device_ids);
}

gboolean
rig_painter_is_excluded_cable (RigPainter *self, const RigCable *cable)
{
  return g_hash_table_size (self->excluded) > 0
         && (g_hash_table_contains (self->excluded, cable->device[RIG_END_FROM])
             || g_hash_table_contains (self->excluded, cable->device[RIG_END_TO]));
}

double
rig_painter_margin (double zoom)
{
  return 10.0 + 6.0 / MAX (zoom, 1e-3);
}

/* ---- text -------------------------------------------------------------- */

/* A one-line label, ellipsized at @width (<= 0: as long as it takes). */
PangoLayout *
_rig_painter_text_layout (RigPainter *self, Font font, const char *text, double width,
                          PangoAlignment align)
{
  return rig_text_cache_layout (self->texts, font, text, width, 1, align);
}

/* Draws @layout with its top-left corner at (x, y). */
void
_rig_painter_show_text (cairo_t *cr, PangoLayout *layout, double x, double y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* The dash pattern of a status, in canvas units (at least a few px on screen). */
void
_rig_painter_set_status_dash (cairo_t *cr, RigSeverity severity, double width, double zoom)
{
  double px = 1.0 / zoom;

  rig_marks_status_dash (cr, severity, MAX (9.0, 7 * px), MAX (6.0, 5 * px),
                         MAX (width * 2.2, 5 * px));
}

void
_rig_painter_ink (cairo_t *cr, const Ink *ink)
{
  if (!ink->stroke)
    {
      rig_marks_set_rgb (cr, ink->rgb);
      cairo_fill (cr);
      return;
    }
  if (ink->under)
    {
      rig_marks_set_rgb (cr, ink->under_rgb);
      cairo_fill_preserve (cr);
    }
  rig_marks_set_rgb (cr, ink->rgb);
  cairo_set_line_width (cr, ink->width);
  cairo_set_line_join (cr, ink->join);
  if (ink->set_cap)
    cairo_set_line_cap (cr, ink->cap);
  if (ink->solid)
    cairo_set_dash (cr, NULL, 0, 0);
  rig_marks_stroke (cr);
}

gboolean
_rig_painter_ink_equal (const Ink *a, const Ink *b)
{
  if (a->stroke != b->stroke || a->rgb != b->rgb)
    return FALSE;
  return !a->stroke
         || (a->under == b->under && (!a->under || a->under_rgb == b->under_rgb)
             && a->width == b->width && a->join == b->join && a->set_cap == b->set_cap
             && (!a->set_cap || a->cap == b->cap) && a->solid == b->solid);
}

static void
badge_ink (Ink *ink, gboolean stroke, guint32 rgb, double width)
{
  *ink = (Ink){
    .stroke = stroke, .rgb = rgb, .width = width, .join = CAIRO_LINE_JOIN_ROUND, .solid = TRUE
  };
}

/* A status badge centred on (cx, cy): a disc with a cross (error), a
 * triangle with "!" (warning), a disc with "i" (info). The shape carries the
 * status without colour. A white rim keeps it readable over cables and
 * cards, except where it is only a few px on screen: then the shape alone
 * (disc or triangle) still tells the status apart, and the rim and mark
 * would not be seen. */
/* A disc of radius @r centred on (cx, cy), where @ink fills @rgb: on a
 * vector file, a round dot (a stroke as wide as the disc along a line of no
 * length, which PDF, PostScript and SVG draw as a disc: four numbers where
 * the arc takes 26; most of a large rig's badges far out); on an image,
 * the arc, whose pixels the image exports have always had. */
static void
badge_disc (cairo_t *cr, Ink *ink, gboolean image, guint32 rgb, double cx, double cy, double r)
{
  if (image)
    {
      badge_ink (ink, FALSE, rgb, 0);
      if (cr != NULL)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
        }
      return;
    }
  badge_ink (ink, TRUE, rgb, 2 * r);
  ink->set_cap = TRUE;
  ink->cap = CAIRO_LINE_CAP_ROUND;
  if (cr != NULL)
    {
      cairo_move_to (cr, cx, cy);
      cairo_line_to (cr, cx, cy);
    }
}

gboolean
_rig_painter_badge_part (RigPainter *self, cairo_t *cr, double cx, double cy, double r,
                         RigSeverity severity, double zoom, gboolean image, guint part, Ink *ink)
{
  gboolean grey = self->greyscale && severity != RIG_SEVERITY_ERROR;
  guint32 mark = grey ? 0x000000 : severity == RIG_SEVERITY_WARNING ? 0x1E1E1E : 0xFFFFFF;
  double lw = r * 0.26;

  if (severity == RIG_SEVERITY_NONE || part >= BADGE_PARTS)
    return FALSE;
  if (r * zoom * self->lod_scale < 5.5 && part != 1)
    return FALSE;
  switch (part)
    {
      case 0:
        /* The rim. Round a disc only the rim's outer half shows: a
         * larger disc under it, more cheaply filled on an image and
         * written to a file than a stroke round the disc. */
        if (severity != RIG_SEVERITY_WARNING)
          {
            badge_disc (cr, ink, image, paint_color (self, 0xFFFFFF), cx, cy, r * 1.175);
            return TRUE;
          }
        badge_ink (ink, TRUE, paint_color (self, 0xFFFFFF), r * 0.35);
        ink->set_cap = FALSE;
        break;
      case 1:
        {
          guint32 body = grey && r * zoom * self->lod_scale >= 5.5
                             ? paint_color (self, 0xFFFFFF)
                             : rig_painter_status_color (self, severity);

          if (severity != RIG_SEVERITY_WARNING)
            {
              badge_disc (cr, ink, image, body, cx, cy, r);
              return TRUE;
            }
          badge_ink (ink, FALSE, body, 0);
        }
        break;
      case 2:
        if (!grey)
          return FALSE;
        badge_ink (ink, TRUE, 0x000000, r * 0.18);
        ink->set_cap = FALSE;
        break;
      default:
        {
          double x, y, radius;

          if (rig_marks_badge_mark_dot (severity, cx, cy, r, lw, part - 3, &x, &y, &radius))
            {
              badge_disc (cr, ink, image, mark, x, y, radius);
              return TRUE;
            }
        }
        switch (rig_marks_badge_mark_piece (cr, severity, cx, cy, r, lw, part - 3))
          {
            case RIG_MARK_STROKE:
              badge_ink (ink, TRUE, mark, lw);
              ink->set_cap = TRUE;
              ink->cap = CAIRO_LINE_CAP_ROUND;
              return TRUE;
            case RIG_MARK_FILL:
              badge_ink (ink, FALSE, mark, 0);
              return TRUE;
            case RIG_MARK_NONE:
            default:
              return FALSE;
          }
    }
  if (cr != NULL)
    rig_marks_badge_outline (cr, severity, cx, cy, r);
  return TRUE;
}

void
_rig_painter_draw_badge (RigPainter *self, cairo_t *cr, double cx, double cy, double r,
                         RigSeverity severity, double zoom)
{
  gboolean image = on_image (cr);

  if (severity == RIG_SEVERITY_NONE)
    return;
  cairo_save (cr);
  for (guint part = 0; part < BADGE_PARTS; part++)
    {
      Ink ink;

      cairo_new_path (cr);
      if (_rig_painter_badge_part (self, cr, cx, cy, r, severity, zoom, image, part, &ink))
        _rig_painter_ink (cr, &ink);
    }
  cairo_restore (cr);
}

/* A port glyph: filled for a plug, hollow for a socket; RCA and DC show a
 * centre pin, Bluetooth a broken outline (no contact). */
static void
draw_glyph (RigPainter *self, cairo_t *cr, const RigJack *jack, double cx, double cy, double zoom)
{
  static const double dashes[2] = { 2.2, 1.6 };

  rig_marks_glyph (cr, jack->connector, jack->gender == RIG_GENDER_PLUG, cx, cy,
                   RIG_LAYOUT_PORT_RADIUS, paint_color (self, 0x3D3846),
                   paint_color (self, 0xFFFFFF), line_width (1.5, 1, zoom),
                   line_width (1.2, 0.8, zoom), dashes);
}

/* A small arrow inside the card, centred on (x, y), pointing along (dx, dy):
 * into the card for inputs, out of it for outputs; a pair pointing both
 * ways for both-direction jacks. */
static void
arrow_head (cairo_t *cr, double tip_x, double tip_y, double dx, double dy)
{
  const double len = 3.6, half = 2.9;

  cairo_move_to (cr, tip_x, tip_y);
  cairo_line_to (cr, tip_x - dx * len - dy * half, tip_y - dy * len + dx * half);
  cairo_line_to (cr, tip_x - dx * len + dy * half, tip_y - dy * len - dx * half);
  cairo_close_path (cr);
}

static void
draw_direction (RigPainter *self, cairo_t *cr, RigDirection direction, double x, double y,
                double dx, double dy)
{
  cairo_new_path (cr);
  rig_marks_set_rgb (cr, paint_color (self, 0x9A9996));
  if (direction == RIG_DIRECTION_BOTH)
    {
      arrow_head (cr, x + dx * 4.4, y + dy * 4.4, dx, dy);
      arrow_head (cr, x - dx * 4.4, y - dy * 4.4, -dx, -dy);
    }
  else
    arrow_head (cr, x + dx * 1.8, y + dy * 1.8, dx, dy);
  cairo_fill (cr);
}

/* ---- background -------------------------------------------------------- */

void
rig_painter_draw_background (RigPainter *self, cairo_t *cr, const RigRect *visible, double zoom,
                             double grid)
{
  cairo_save (cr);
  rig_marks_set_rgb (cr, paint_color (self, RIG_PAINTER_COLOR_BACKGROUND));
  cairo_rectangle (cr, visible->x, visible->y, visible->width, visible->height);
  cairo_fill (cr);

  if (grid > 0)
    {
      double step = grid;
      double dot = 1.6 / zoom;

      /* Fewer dots when they would crowd: every 5th line, then none. */
      if (step * zoom < 10)
        step *= 5;
      if (step * zoom >= 10)
        {
          double x0 = floor (visible->x / step) * step;
          double y0 = floor (visible->y / step) * step;

          rig_marks_set_rgb (cr, paint_color (self, 0xD0CFCC));
          for (double y = y0; y <= visible->y + visible->height; y += step)
            for (double x = x0; x <= visible->x + visible->width; x += step)
              cairo_rectangle (cr, x - dot / 2, y - dot / 2, dot, dot);
          cairo_fill (cr);
        }
    }
  cairo_restore (cr);
}

static RigSeverity
device_status (RigPainter *self, const RigDevice *device)
{
  return self->validator != NULL ? rig_validator_get_device_status (self->validator, device->id)
                                 : RIG_SEVERITY_NONE;
}

/* ---- cards ------------------------------------------------------------- */

/* The verdict on a would-be cable at a port: a coloured ring with the status
 * dash pattern; an error also crosses the glyph. */
static void
draw_verdict (RigPainter *self, cairo_t *cr, double cx, double cy, RigSeverity verdict, double zoom)
{
  const double r = RIG_LAYOUT_PORT_RADIUS;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, r + 3.5, 0, 2 * G_PI);
  rig_marks_set_rgb (cr, _rig_painter_verdict_color (self, verdict));
  cairo_set_line_width (cr, line_width (3, 1.5, zoom));
  if (verdict == RIG_SEVERITY_ERROR || verdict == RIG_SEVERITY_WARNING)
    {
      double dashes[] = { verdict == RIG_SEVERITY_ERROR ? 3.5 : 0.01, 2.6 };
      cairo_set_line_cap (cr, verdict == RIG_SEVERITY_ERROR ? CAIRO_LINE_CAP_BUTT
                                                            : CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dashes, 2, 0);
    }
  rig_marks_stroke (cr);
  if (verdict == RIG_SEVERITY_ERROR)
    {
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, line_width (2, 1, zoom));
      cairo_move_to (cr, cx - r * 0.7, cy - r * 0.7);
      cairo_line_to (cr, cx + r * 0.7, cy + r * 0.7);
      cairo_move_to (cr, cx + r * 0.7, cy - r * 0.7);
      cairo_line_to (cr, cx - r * 0.7, cy + r * 0.7);
      rig_marks_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_port_mark (RigPainter *self, cairo_t *cr, const char *device_id, const RigJack *jack,
                double cx, double cy, double zoom)
{
  RigSeverity verdict;
  const double r = RIG_LAYOUT_PORT_RADIUS;

  if (self->hover_device != NULL && self->hover_jack != NULL
      && strcmp (self->hover_device, device_id) == 0 && strcmp (self->hover_jack, jack->id) == 0)
    {
      cairo_new_path (cr);
      cairo_arc (cr, cx, cy, r + 4, 0, 2 * G_PI);
      set_rgba (cr, paint_color (self, RIG_PAINTER_COLOR_ACCENT), 0.35);
      cairo_fill (cr);
    }
  if (self->port_func != NULL && self->port_func (device_id, jack->id, &verdict, self->port_data))
    draw_verdict (self, cr, cx, cy, verdict, zoom);
}

/* Too small to read: the port's label as grey bars the length of its text
 * ("greeking"), so a card still shows its rows. */
static void
greek_port (RigPainter *self, cairo_t *cr, const RigJack *jack, const RigPortShape *ps, double x,
            double y)
{
  double lx = x + ps->label.x, ly = y + ps->label.y, lw = ps->label.width;
  double cw = MIN (g_utf8_strlen (rig_painter_connector_short (jack), -1) * 5.0, lw / 3);
  double nw = MIN (g_utf8_strlen (rig_jack_get_display_name (jack), -1) * 6.0, lw - cw - 10);
  double cy = ly + ps->label.height / 2;

  rig_marks_set_rgb (cr, paint_color (self, 0xC0BFBC));
  switch (ps->side)
    {
      case RIG_PORT_SIDE_LEFT:
        cairo_rectangle (cr, lx, cy - 2.5, nw, 5);
        break;
      case RIG_PORT_SIDE_RIGHT:
        cairo_rectangle (cr, lx + lw - nw, cy - 2.5, nw, 5);
        break;
      case RIG_PORT_SIDE_BOTTOM:
      default:
        nw = MIN (g_utf8_strlen (rig_jack_get_display_name (jack), -1) * 5.5, lw);
        cairo_rectangle (cr, lx + (lw - nw) / 2, ly + 4, nw, 5);
        break;
    }
  cairo_fill (cr);
  if (ps->side != RIG_PORT_SIDE_BOTTOM)
    {
      rig_marks_set_rgb (cr, paint_color (self, 0xDEDDDA));
      cairo_rectangle (cr, ps->side == RIG_PORT_SIDE_LEFT ? lx + lw - cw : lx, cy - 2, cw, 4);
      cairo_fill (cr);
    }
}

const RigJackNameFit *
rig_painter_get_jack_names (RigPainter *self, RigDeviceModel *model)
{
  g_return_val_if_fail (self != NULL && model != NULL, NULL);
  return rig_card_names_get (self->names, model, rig_layout_get_shape (self->layout, model));
}

static void
draw_port (RigPainter *self, cairo_t *cr, const RigDevice *device, const RigCardShape *shape,
           guint index, double zoom)
{
  const RigPortShape *ps = &shape->ports[index];
  const RigJack *jack = &device->model->jacks[index];
  double x = device->x, y = device->y;
  double ax = x + ps->anchor.x, ay = y + ps->anchor.y;

  if (zoom * self->lod_scale >= RIG_PAINTER_LOD_PORT_TEXT)
    {
      const RigJackNameFit *name = &rig_card_names_get (self->names, device->model, shape)[index];
      double cw, ch, lx = x + ps->label.x, ly = y + ps->label.y;
      double lw = ps->label.width, lh = ps->label.height;
      PangoLayout *cl;
      RigRect room;

      rig_card_names_room (self->names, jack, ps, &room, &cl);
      rig_text_size (cl, &cw, &ch);
      rig_marks_set_rgb (cr, paint_color (self, 0x2E2E33));
      switch (ps->side)
        {
          case RIG_PORT_SIDE_LEFT:
          case RIG_PORT_SIDE_RIGHT:
            rig_jack_name_fit_show (
                cr, self->texts, FONT_PORT, name, x + room.x, ly + (lh - name->height) / 2,
                room.width, ps->side == RIG_PORT_SIDE_LEFT ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
            rig_marks_set_rgb (cr, paint_color (self, 0x77767B));
            _rig_painter_show_text (cr, cl, ps->side == RIG_PORT_SIDE_LEFT ? lx + lw - cw : lx,
                                    ly + (lh - ch) / 2 + 0.5);
            if (ps->side == RIG_PORT_SIDE_LEFT)
              draw_direction (self, cr, jack->direction, ax + 12, ay, 1, 0);
            else
              draw_direction (self, cr, jack->direction, ax - 12, ay,
                              jack->direction == RIG_DIRECTION_IN ? -1 : 1, 0);
            break;
          case RIG_PORT_SIDE_BOTTOM:
          default:
            rig_jack_name_fit_show (cr, self->texts, FONT_BAND, name, lx, ly, lw,
                                    PANGO_ALIGN_CENTER);
            rig_marks_set_rgb (cr, paint_color (self, 0x77767B));
            _rig_painter_show_text (cr, cl, lx, ly + name->height - 0.5);
            draw_direction (self, cr, jack->direction, ax + 13, ay - 4, 0,
                            jack->direction == RIG_DIRECTION_IN ? -1 : 1);
            break;
        }
    }
  else if (zoom * self->lod_scale >= RIG_PAINTER_LOD_GLYPHS)
    greek_port (self, cr, jack, ps, x, y);
  if (zoom * self->lod_scale >= RIG_PAINTER_LOD_GLYPHS)
    {
      draw_glyph (self, cr, jack, ax, ay, zoom);
      draw_port_mark (self, cr, device->id, jack, ax, ay, zoom);
    }
}

/* Halos (signal path, then selection) or a soft shadow. */
static void
draw_card_halo (RigPainter *self, cairo_t *cr, const Card *c, double zoom)
{
  double x = c->x, y = c->y, w = c->w, h = c->h;

  if (c->highlighted)
    {
      rig_marks_rounded_rect (cr, x - 5, y - 5, w + 10, h + 10, CARD_RADIUS + 5);
      set_rgba (cr, paint_color (self, RIG_PAINTER_COLOR_HIGHLIGHT), self->greyscale ? 0.5 : 0.8);
      cairo_fill (cr);
    }
  if (c->selected)
    {
      rig_marks_rounded_rect (cr, x - 4, y - 4, w + 8, h + 8, CARD_RADIUS + 4);
      set_rgba (cr, paint_color (self, RIG_PAINTER_COLOR_ACCENT), 0.25);
      cairo_fill_preserve (cr);
      rig_marks_set_rgb (cr, paint_color (self, RIG_PAINTER_COLOR_ACCENT));
      cairo_set_line_width (cr, line_width (2, 1.5, zoom));
      rig_marks_stroke (cr);
    }
  else if (zoom * self->lod_scale >= 0.5)
    {
      rig_marks_rounded_rect (cr, x - 0.5, y + 1, w + 1, h + 1.5, CARD_RADIUS + 0.5);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.07);
      cairo_fill (cr);
      rig_marks_rounded_rect (cr, x - 1.5, y + 1.5, w + 3, h + 3.5, CARD_RADIUS + 1.5);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.04);
      cairo_fill (cr);
    }
}

/* The body, its header band and bottom band, and the edge: neutral, or the
 * status colour (dashed for an error, dotted for a warning, as on cables). */
static void
draw_card_body (RigPainter *self, cairo_t *cr, const Card *c, double zoom)
{
  const RigCardShape *shape = c->shape;
  double x = c->x, y = c->y, w = c->w, h = c->h, hh = c->hh;

  rig_marks_rounded_rect (cr, x, y, w, h, CARD_RADIUS);
  rig_marks_set_rgb (cr, paint_color (self, 0xFFFFFF));
  cairo_fill_preserve (cr);
  cairo_save (cr);
  cairo_clip (cr);
  cairo_rectangle (cr, x, y, w, hh);
  rig_marks_set_rgb (cr, _rig_painter_tint (self, c->cat, 0.13));
  cairo_fill (cr);
  cairo_rectangle (cr, x, y, w, 4);
  rig_marks_set_rgb (cr, c->cat);
  cairo_fill (cr);
  rig_marks_set_rgb (cr, paint_color (self, 0xDEDDDA));
  cairo_rectangle (cr, x, y + hh - 0.5, w, line_width (1, 1, zoom));
  cairo_fill (cr);
  if (shape->n_bottom > 0)
    {
      cairo_rectangle (cr, x, y + shape->band_top, w, h - shape->band_top);
      rig_marks_set_rgb (cr, paint_color (self, 0xF6F5F4));
      cairo_fill (cr);
      rig_marks_set_rgb (cr, paint_color (self, 0xDEDDDA));
      cairo_rectangle (cr, x, y + shape->band_top, w, line_width (1, 1, zoom));
      cairo_fill (cr);
    }
  cairo_restore (cr);

  rig_marks_rounded_rect (cr, x, y, w, h, CARD_RADIUS);
  rig_marks_set_rgb (cr, c->edge);
  if (c->status == RIG_SEVERITY_NONE)
    cairo_set_line_width (cr, line_width (1, 1, zoom));
  else
    {
      cairo_set_line_width (cr, line_width (2.2, 1.2, zoom));
      if (self->greyscale)
        _rig_painter_set_status_dash (cr, c->status, 2.2, zoom);
    }
  rig_marks_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

void
_rig_painter_card_init (RigPainter *self, const RigDevice *device, Card *card)
{
  const RigCardShape *shape = rig_layout_get_shape (self->layout, device->model);
  RigSeverity status = device_status (self, device);

  *card = (Card){
    .shape = shape,
    .status = status,
    .cat = paint_color (self, category_color (device->model->category)),
    .edge = status == RIG_SEVERITY_NONE ? paint_color (self, 0xC0BFBC)
                                        : rig_painter_status_color (self, status),
    /* Sets looked into only when they hold something (see stroke_cable()). */
    .selected = g_hash_table_size (self->sel_devices) > 0
                && g_hash_table_contains (self->sel_devices, device->id),
    .highlighted = g_hash_table_size (self->hl_devices) > 0
                   && g_hash_table_contains (self->hl_devices, device->id),
    .x = device->x,
    .y = device->y,
    .w = shape->width,
    .h = shape->height,
    .hh = shape->header_height,
  };
}

/* Closer in: the card with its title, badge, lock and ports. */
static void
draw_card (RigPainter *self, cairo_t *cr, const RigDevice *device, double zoom)
{
  const RigCardShape *shape = rig_layout_get_shape (self->layout, device->model);
  gboolean locked = rig_exercise_device_is_locked (
      rig_document_get_exercise (rig_painter_get_document (self)), device->id);
  RigSeverity status;
  Card c;

  _rig_painter_card_init (self, device, &c);
  status = c.status;
  draw_card_halo (self, cr, &c, zoom);
  draw_card_body (self, cr, &c, zoom);

  /* Title and model. */
  if (zoom * self->lod_scale >= RIG_PAINTER_LOD_TITLE)
    {
      double tw = c.w - 24 - (status != RIG_SEVERITY_NONE ? 20 : 0) - (locked ? 18 : 0);
      PangoLayout *title = _rig_painter_text_layout (
          self, FONT_TITLE,
          device->label ? device->label : rig_device_model_get_display_name (device->model), tw,
          PANGO_ALIGN_LEFT);
      PangoLayout *model = _rig_painter_text_layout (
          self, FONT_SUBTITLE, rig_device_model_get_display_name (device->model), c.w - 24,
          PANGO_ALIGN_LEFT);

      rig_marks_set_rgb (cr, paint_color (self, 0x1E1E1E));
      _rig_painter_show_text (cr, title, c.x + 12, c.y + 9);
      rig_marks_set_rgb (cr, paint_color (self, 0x5E5C64));
      _rig_painter_show_text (cr, model, c.x + 12, c.y + 27);
    }
  if (status != RIG_SEVERITY_NONE)
    _rig_painter_draw_badge (self, cr, c.x + c.w - 16, c.y + 18, 8.5, status, zoom);
  /* A locked part of an exercise: a padlock, left of the badge. */
  if (locked)
    rig_marks_lock (cr, c.x + c.w - (status != RIG_SEVERITY_NONE ? 36 : 16), c.y + 18, 11,
                    paint_color (self, 0x5E5C64));

  for (guint i = 0; i < shape->n_ports; i++)
    draw_port (self, cr, device, shape, i, zoom);
}

/* ---- drawing ----------------------------------------------------------- */

static void
draw_layers (RigPainter *self, cairo_t *cr, GPtrArray *devices, GPtrArray *cables, double zoom)
{
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  _rig_painter_stroke_cables (self, cr, cables, self->cable_statuses, zoom);
  if (zoom * self->lod_scale < RIG_PAINTER_LOD_SIMPLE)
    _rig_painter_draw_far_cards (self, cr, devices, zoom);
  else
    for (guint i = 0; i < devices->len; i++)
      draw_card (self, cr, g_ptr_array_index (devices, i), zoom);
  if (zoom * self->lod_scale < RIG_PAINTER_LOD_GLYPHS && self->max_far_batch != 1
      && (_rig_painter_on_vector_file (cr) || (self->far_badges_replayed && !on_image (cr))))
    _rig_painter_draw_far_badges (self, cr, cables, self->cable_statuses->data, zoom);
  else if (zoom * self->lod_scale >= RIG_PAINTER_LOD_SIMPLE || self->validator != NULL)
    for (guint i = 0; i < cables->len; i++)
      _rig_painter_label_cable (self, cr, g_ptr_array_index (cables, i),
                                self->cable_statuses->data[i], zoom);
  cairo_restore (cr);
}

void
rig_painter_draw (RigPainter *self, cairo_t *cr, const RigRect *visible, double zoom)
{
  RigRect area = *visible;
  double m = rig_painter_margin (zoom);

  g_return_if_fail (self != NULL && cr != NULL && visible != NULL);
  zoom = MAX (zoom, 1e-3);

  rig_rect_inflate (&area, m, m);
  rig_layout_query (self->layout, &area, self->devices, self->cables);
  if (g_hash_table_size (self->excluded) > 0)
    {
      guint n = 0;

      for (guint i = 0; i < self->devices->len; i++)
        {
          RigDevice *d = g_ptr_array_index (self->devices, i);
          if (!g_hash_table_contains (self->excluded, d->id))
            g_ptr_array_index (self->devices, n++) = d;
        }
      g_ptr_array_set_size (self->devices, n);
      n = 0;
      for (guint i = 0; i < self->cables->len; i++)
        {
          RigCable *c = g_ptr_array_index (self->cables, i);
          if (!rig_painter_is_excluded_cable (self, c))
            g_ptr_array_index (self->cables, n++) = c;
        }
      g_ptr_array_set_size (self->cables, n);
    }
  draw_layers (self, cr, self->devices, self->cables, zoom);
}

void
rig_painter_draw_objects (RigPainter *self, cairo_t *cr, GPtrArray *devices, GPtrArray *cables,
                          double zoom)
{
  g_autoptr (GPtrArray) dev = g_ptr_array_new ();
  g_autoptr (GPtrArray) cab = g_ptr_array_new ();

  g_return_if_fail (self != NULL && cr != NULL);
  for (guint i = 0; devices != NULL && i < devices->len; i++)
    g_ptr_array_add (dev, g_ptr_array_index (devices, i));
  for (guint i = 0; cables != NULL && i < cables->len; i++)
    g_ptr_array_add (cab, g_ptr_array_index (cables, i));
  draw_layers (self, cr, dev, cab, MAX (zoom, 1e-3));
}

void
rig_painter_draw_port_marks (RigPainter *self, cairo_t *cr, const RigRect *visible, double zoom,
                             RigPainterPortFunc func, gpointer user_data)
{
  RigRect area = *visible;
  double m = rig_painter_margin (zoom);

  g_return_if_fail (self != NULL && cr != NULL && func != NULL);
  if (zoom * self->lod_scale < RIG_PAINTER_LOD_GLYPHS)
    return;
  rig_rect_inflate (&area, m, m);
  rig_layout_query (self->layout, &area, self->devices, NULL);
  for (guint i = 0; i < self->devices->len; i++)
    {
      RigDevice *device = g_ptr_array_index (self->devices, i);
      const RigCardShape *shape = rig_layout_get_shape (self->layout, device->model);

      for (guint p = 0; p < shape->n_ports; p++)
        {
          RigSeverity verdict;
          double cx = device->x + shape->ports[p].anchor.x,
                 cy = device->y + shape->ports[p].anchor.y;

          if (rig_rect_contains_point (&area, cx, cy)
              && func (device->id, device->model->jacks[p].id, &verdict, user_data))
            draw_verdict (self, cr, cx, cy, verdict, zoom);
        }
    }
}

void
rig_painter_draw_rubber_band (RigPainter *self, cairo_t *cr, const RigRect *rect, double zoom)
{
  cairo_save (cr);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  set_rgba (cr, paint_color (self, RIG_PAINTER_COLOR_ACCENT), 0.12);
  cairo_fill_preserve (cr);
  rig_marks_set_rgb (cr, paint_color (self, RIG_PAINTER_COLOR_ACCENT));
  cairo_set_line_width (cr, 1.0 / zoom);
  rig_marks_stroke (cr);
  cairo_restore (cr);
}
