/* rig-marks.c: the small marks the painter and the sheet share: connector
 * glyphs and their short names, status badges, rounded boxes, greys. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rig-marks.h"
#include "rig-painter.h"

/* ---- colours and shapes ------------------------------------------------ */

/* ---- colours ----------------------------------------------------------- */

void
rig_marks_set_rgb (cairo_t *cr, guint32 rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

/* The luminance of a colour, as a grey. */
guint32
rig_marks_grey (guint32 rgb)
{
  double l = 0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff);
  guint v = (guint) CLAMP (l + 0.5, 0, 255);

  return (v << 16) | (v << 8) | v;
}

/* ---- shapes ------------------------------------------------------------ */

void
rig_marks_rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* ---- strokes ----------------------------------------------------------- */

#define MAX_DASHES 8

static void
stroke_device (cairo_t *cr, gboolean preserve)
{
  cairo_matrix_t m;
  double dashes[MAX_DASHES], offset, width = cairo_get_line_width (cr);
  int n_dashes = cairo_get_dash_count (cr);

  cairo_get_matrix (cr, &m);
  if (m.xy != 0 || m.yx != 0 || m.xx != m.yy || !(m.xx > 0) || n_dashes > MAX_DASHES
      || (m.xx == 1 && m.x0 == 0 && m.y0 == 0))
    {
      if (preserve)
        cairo_stroke_preserve (cr);
      else
        cairo_stroke (cr);
      return;
    }
  cairo_get_dash (cr, dashes, &offset);
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_line_width (cr, width * m.xx);
  if (n_dashes > 0)
    {
      for (int i = 0; i < n_dashes; i++)
        dashes[i] *= m.xx;
      cairo_set_dash (cr, dashes, n_dashes, offset * m.xx);
    }
  /* The path is kept in device space: the new matrix does not move it. */
  if (preserve)
    cairo_stroke_preserve (cr);
  else
    cairo_stroke (cr);
  cairo_restore (cr);
}

void
rig_marks_stroke (cairo_t *cr)
{
  stroke_device (cr, FALSE);
}

void
rig_marks_stroke_preserve (cairo_t *cr)
{
  stroke_device (cr, TRUE);
}

/* ---- connectors -------------------------------------------------------- */

const char *
rig_painter_connector_short (const RigJack *jack)
{
  switch (jack->connector)
    {
      case RIG_CONNECTOR_PHONE:
        {
          static const char *const names[RIG_N_PHONE_SIZES][RIG_N_POLES] = {
            [RIG_PHONE_SIZE_2_5] = { "2.5 mm", "2.5 TS", "2.5 TRS", "2.5 TRRS", "2.5 TRRRS" },
            [RIG_PHONE_SIZE_3_5] = { "3.5 mm", "3.5 TS", "3.5 TRS", "3.5 TRRS", "3.5 TRRRS" },
            [RIG_PHONE_SIZE_4_4] = { "4.4 mm", "4.4 TS", "4.4 TRS", "4.4 TRRS", "4.4 TRRRS" },
            [RIG_PHONE_SIZE_6_35] = { "6.35 mm", "6.35 TS", "6.35 TRS", "6.35 TRRS", "6.35 TRRRS" },
          };
          if ((guint) jack->size < RIG_N_PHONE_SIZES && (guint) jack->poles < RIG_N_POLES
              && names[jack->size][jack->poles] != NULL)
            return names[jack->size][jack->poles];
          return _ ("Jack");
        }
      case RIG_CONNECTOR_RCA:
        return jack->channels == 2 ? "RCA ×2" : "RCA";
      case RIG_CONNECTOR_XLR3:
        return "XLR";
      case RIG_CONNECTOR_SPEAKER_TERMINAL:
        return _ ("Speaker");
      case RIG_CONNECTOR_SPEAKON:
        return "Speakon";
      case RIG_CONNECTOR_USB_A:
        return "USB-A";
      case RIG_CONNECTOR_USB_B:
        return "USB-B";
      case RIG_CONNECTOR_USB_MICRO_B:
        return "Micro-USB";
      case RIG_CONNECTOR_USB_C:
        return "USB-C";
      case RIG_CONNECTOR_TOSLINK:
        return _ ("Optical");
      case RIG_CONNECTOR_DC_BARREL:
        return "DC";
      case RIG_CONNECTOR_IEC:
        return _ ("Mains");
      case RIG_CONNECTOR_BLUETOOTH:
        return "Bluetooth";
      case RIG_N_CONNECTORS:
      default:
        return "?";
    }
}

void
rig_painter_glyph_path (cairo_t *cr, RigConnector connector, double cx, double cy, double r)
{
  cairo_new_path (cr);
  switch (connector)
    {
      case RIG_CONNECTOR_PHONE:
      case RIG_CONNECTOR_RCA:
      case RIG_CONNECTOR_DC_BARREL:
      case RIG_CONNECTOR_BLUETOOTH:
        cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
        break;
      case RIG_CONNECTOR_XLR3:
        rig_marks_rounded_rect (cr, cx - r, cy - r, 2 * r, 2 * r, r * 0.45);
        break;
      case RIG_CONNECTOR_SPEAKON:
        for (guint i = 0; i < 8; i++)
          {
            double a = G_PI / 8 + i * G_PI / 4;
            double k = r / cos (G_PI / 8);
            if (i == 0)
              cairo_move_to (cr, cx + k * cos (a), cy + k * sin (a));
            else
              cairo_line_to (cr, cx + k * cos (a), cy + k * sin (a));
          }
        cairo_close_path (cr);
        break;
      case RIG_CONNECTOR_SPEAKER_TERMINAL:
        cairo_rectangle (cr, cx - r, cy - r * 0.75, 2 * r, 1.5 * r);
        break;
      case RIG_CONNECTOR_USB_A:
        cairo_rectangle (cr, cx - r, cy - r * 0.6, 2 * r, 1.2 * r);
        break;
      case RIG_CONNECTOR_USB_B:
        cairo_move_to (cr, cx - r * 0.85, cy + r * 0.85);
        cairo_line_to (cr, cx + r * 0.85, cy + r * 0.85);
        cairo_line_to (cr, cx + r * 0.85, cy - r * 0.35);
        cairo_line_to (cr, cx + r * 0.4, cy - r * 0.85);
        cairo_line_to (cr, cx - r * 0.4, cy - r * 0.85);
        cairo_line_to (cr, cx - r * 0.85, cy - r * 0.35);
        cairo_close_path (cr);
        break;
      case RIG_CONNECTOR_USB_MICRO_B:
        cairo_move_to (cr, cx - r, cy - r * 0.5);
        cairo_line_to (cr, cx + r, cy - r * 0.5);
        cairo_line_to (cr, cx + r * 0.6, cy + r * 0.5);
        cairo_line_to (cr, cx - r * 0.6, cy + r * 0.5);
        cairo_close_path (cr);
        break;
      case RIG_CONNECTOR_USB_C:
        rig_marks_rounded_rect (cr, cx - r, cy - r * 0.55, 2 * r, 1.1 * r, r * 0.55);
        break;
      case RIG_CONNECTOR_TOSLINK:
        cairo_move_to (cr, cx, cy - r * 1.1);
        cairo_line_to (cr, cx + r * 1.1, cy);
        cairo_line_to (cr, cx, cy + r * 1.1);
        cairo_line_to (cr, cx - r * 1.1, cy);
        cairo_close_path (cr);
        break;
      case RIG_CONNECTOR_IEC:
        cairo_move_to (cr, cx - r, cy - r * 0.7);
        cairo_line_to (cr, cx + r, cy - r * 0.7);
        cairo_line_to (cr, cx + r, cy + r * 0.2);
        cairo_line_to (cr, cx + r * 0.5, cy + r * 0.8);
        cairo_line_to (cr, cx - r * 0.5, cy + r * 0.8);
        cairo_line_to (cr, cx - r, cy + r * 0.2);
        cairo_close_path (cr);
        break;
      case RIG_N_CONNECTORS:
      default:
        cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
        break;
    }
}

void
rig_marks_glyph (cairo_t *cr, RigConnector connector, gboolean plug, double cx, double cy, double r,
                 guint32 ink, guint32 paper, double line_width, double pin_width,
                 const double dashes[2])
{
  rig_painter_glyph_path (cr, connector, cx, cy, r);
  if (plug)
    rig_marks_set_rgb (cr, ink);
  else
    rig_marks_set_rgb (cr, paper);
  cairo_fill_preserve (cr);
  rig_marks_set_rgb (cr, ink);
  cairo_set_line_width (cr, line_width);
  if (connector == RIG_CONNECTOR_BLUETOOTH)
    {
      cairo_set_dash (cr, dashes, 2, 0);
      rig_marks_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else
    rig_marks_stroke (cr);

  if (connector == RIG_CONNECTOR_RCA || connector == RIG_CONNECTOR_DC_BARREL)
    {
      cairo_arc (cr, cx, cy, connector == RIG_CONNECTOR_RCA ? r * 0.38 : r * 0.5, 0, 2 * G_PI);
      if (plug)
        rig_marks_set_rgb (cr, paper);
      else
        rig_marks_set_rgb (cr, ink);
      if (connector == RIG_CONNECTOR_RCA)
        cairo_fill (cr);
      else
        {
          cairo_set_line_width (cr, pin_width);
          rig_marks_stroke (cr);
        }
    }
  else if (connector == RIG_CONNECTOR_SPEAKER_TERMINAL)
    {
      cairo_move_to (cr, cx, cy - r * 0.75);
      cairo_line_to (cr, cx, cy + r * 0.75);
      if (plug)
        rig_marks_set_rgb (cr, paper);
      else
        rig_marks_set_rgb (cr, ink);
      cairo_set_line_width (cr, pin_width);
      rig_marks_stroke (cr);
    }
}

/* ---- statuses ---------------------------------------------------------- */

void
rig_marks_status_dash (cairo_t *cr, RigSeverity severity, double dash, double space, double dot_gap)
{
  switch (severity)
    {
      case RIG_SEVERITY_ERROR:
        {
          double dashes[] = { dash, space };
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
          cairo_set_dash (cr, dashes, 2, 0);
        }
        break;
      case RIG_SEVERITY_WARNING:
        {
          /* Round dots: a zero-length dash with round caps. */
          double dashes[] = { 0, dot_gap };
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_set_dash (cr, dashes, 2, 0);
        }
        break;
      case RIG_SEVERITY_INFO:
      case RIG_SEVERITY_NONE:
      case RIG_N_SEVERITIES:
      default:
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_dash (cr, NULL, 0, 0);
        break;
    }
}

/* ---- status badges ----------------------------------------------------- */

void
rig_marks_badge_outline (cairo_t *cr, RigSeverity severity, double cx, double cy, double r)
{
  cairo_new_sub_path (cr);
  if (severity == RIG_SEVERITY_WARNING)
    {
      double h = r * 1.9, top = cy - h * 0.58;

      cairo_move_to (cr, cx, top);
      cairo_line_to (cr, cx + r * 1.1, top + h);
      cairo_line_to (cr, cx - r * 1.1, top + h);
      cairo_close_path (cr);
    }
  else
    cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
}

void
rig_painter_badge_path (cairo_t *cr, RigSeverity severity, double cx, double cy, double r)
{
  cairo_new_path (cr);
  rig_marks_badge_outline (cr, severity, cx, cy, r);
}

gboolean
rig_marks_badge_mark_dot (RigSeverity severity, double cx, double cy, double r, double lw,
                          guint piece, double *x, double *y, double *radius)
{
  *x = cx;
  *radius = lw * 0.6;
  switch (severity)
    {
      case RIG_SEVERITY_WARNING:
        *y = cy + r * 0.55;
        return piece == 1;
      case RIG_SEVERITY_INFO:
        *y = cy - r * 0.45;
        return piece == 0;
      case RIG_SEVERITY_ERROR:
      case RIG_SEVERITY_NONE:
      case RIG_N_SEVERITIES:
      default:
        return FALSE;
    }
}

/* The arc of the mark's dot (rig_marks_badge_mark_dot()). */
static void
dot_path (cairo_t *cr, RigSeverity severity, double cx, double cy, double r, double lw, guint piece)
{
  double x, y, radius;

  if (!rig_marks_badge_mark_dot (severity, cx, cy, r, lw, piece, &x, &y, &radius))
    return;
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
}

RigMarkInk
rig_marks_badge_mark_piece (cairo_t *cr, RigSeverity severity, double cx, double cy, double r,
                            double lw, guint piece)
{
  switch (severity)
    {
      case RIG_SEVERITY_ERROR:
        if (piece > 0)
          return RIG_MARK_NONE;
        if (cr != NULL)
          {
            double d = r * 0.42;

            cairo_move_to (cr, cx - d, cy - d);
            cairo_line_to (cr, cx + d, cy + d);
            cairo_move_to (cr, cx + d, cy - d);
            cairo_line_to (cr, cx - d, cy + d);
          }
        return RIG_MARK_STROKE;
      case RIG_SEVERITY_WARNING:
        /* The bar, then the dot. */
        if (piece > 1)
          return RIG_MARK_NONE;
        if (cr != NULL && piece == 0)
          {
            cairo_move_to (cr, cx, cy - r * 0.45);
            cairo_line_to (cr, cx, cy + r * 0.18);
          }
        else if (cr != NULL)
          dot_path (cr, severity, cx, cy, r, lw, piece);
        return piece == 0 ? RIG_MARK_STROKE : RIG_MARK_FILL;
      case RIG_SEVERITY_INFO:
      case RIG_SEVERITY_NONE:
      case RIG_N_SEVERITIES:
      default:
        /* The dot, then the bar. */
        if (piece > 1)
          return RIG_MARK_NONE;
        if (cr != NULL && piece == 0)
          dot_path (cr, severity, cx, cy, r, lw, piece);
        else if (cr != NULL)
          {
            cairo_move_to (cr, cx, cy - r * 0.05);
            cairo_line_to (cr, cx, cy + r * 0.5);
          }
        return piece == 0 ? RIG_MARK_FILL : RIG_MARK_STROKE;
    }
}

void
rig_painter_badge_mark (cairo_t *cr, RigSeverity severity, double cx, double cy, double r,
                        double lw)
{
  cairo_set_line_width (cr, lw);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint piece = 0; piece < RIG_MARKS_BADGE_MARK_PIECES; piece++)
    switch (rig_marks_badge_mark_piece (cr, severity, cx, cy, r, lw, piece))
      {
        case RIG_MARK_STROKE:
          rig_marks_stroke (cr);
          break;
        case RIG_MARK_FILL:
          cairo_fill (cr);
          break;
        case RIG_MARK_NONE:
        default:
          break;
      }
}

void
rig_marks_lock (cairo_t *cr, double cx, double cy, double size, guint32 ink)
{
  double bw = size * 0.8, bh = size * 0.55; /* the body */
  double top = cy + size / 2 - bh;

  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  rig_marks_set_rgb (cr, ink);
  rig_marks_rounded_rect (cr, cx - bw / 2, top, bw, bh, size * 0.08);
  cairo_fill (cr);
  /* The shackle: an arch over the body. */
  cairo_set_line_width (cr, size * 0.13);
  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, top - size * 0.05, bw * 0.3, G_PI, 2 * G_PI);
  cairo_line_to (cr, cx + bw * 0.3, top);
  cairo_move_to (cr, cx - bw * 0.3, top);
  cairo_line_to (cr, cx - bw * 0.3, top - size * 0.05);
  rig_marks_stroke (cr);
  cairo_restore (cr);
}

void
rig_marks_flag (cairo_t *cr, double x, double y, double size, guint32 ink)
{
  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  rig_marks_set_rgb (cr, ink);
  cairo_set_line_width (cr, size * 0.12);
  cairo_move_to (cr, x, y + size / 2);
  cairo_line_to (cr, x, y - size / 2);
  rig_marks_stroke (cr);
  cairo_move_to (cr, x, y - size / 2);
  cairo_line_to (cr, x + size * 0.7, y - size * 0.25);
  cairo_line_to (cr, x, y);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}
