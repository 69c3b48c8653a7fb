/* rig-legend.c: the wiring sheet's legend: what the sheet uses (statuses,
 * lines, cable number prefixes, connectors), flowed into rows and drawn
 * with small samples of the diagram's marks. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rig-marks.h"
#include "rig-sheet-private.h"

/* ---- the legend -------------------------------------------------------- */

static void
legend_add (RigSheet *self, LegendKind kind, int value, const char *label)
{
  LegendItem item = { kind, value, g_strdup (label), 0, 0, 0 };

  g_array_append_val (self->legend, item);
}

static void
legend_item_clear (LegendItem *item)
{
  g_free (item->label);
}

#define SAMPLE_W 22.0
#define LEGEND_ROW_H 12.0

static double
legend_item_width (RigSheet *self, const LegendItem *item)
{
  double tw = _rig_sheet_text_width (self, item->kind == LEGEND_GROUP ? F_LEGEND_BOLD : F_LEGEND,
                                     item->label);

  switch (item->kind)
    {
      case LEGEND_GROUP:
        return tw + 5;
      case LEGEND_CONNECTOR:
      case LEGEND_GENDER:
        return 12 + 3 + tw;
      case LEGEND_PREFIX:
        return 16 + 3 + tw;
      case LEGEND_STATUS:
      case LEGEND_WIRELESS:
      case LEGEND_SPEAKER:
      default:
        return SAMPLE_W + 4 + tw;
    }
}

/* What the sheet uses, so that the legend shows only that. */
typedef struct
{
  gboolean status[RIG_N_SEVERITIES];
  gboolean connectors[RIG_N_CONNECTORS];
  gboolean genders[RIG_N_GENDERS];
  gboolean wireless, speaker;
  gboolean prefix_a, prefix_s, prefix_d, prefix_p;
} Used;

/* Whether every status is in @used: then no more need be asked. */
static gboolean
all_statuses (const Used *used)
{
  for (guint s = 0; s < RIG_N_SEVERITIES; s++)
    if (!used->status[s])
      return FALSE;
  return TRUE;
}

static void
legend_collect (RigSheet *self, Used *used)
{
  gboolean statuses = FALSE;

  memset (used, 0, sizeof *used);
  used->status[RIG_SEVERITY_NONE] = TRUE;
  /* What needs a look-up by id (a status, a cable's jack) is asked until
   * it is known to be used: on a large rig, each look-up is a cache miss. */
  for (guint i = 0; i < rig_document_get_n_cables (self->doc); i++)
    {
      const RigCable *cable = rig_document_get_cable (self->doc, i);

      if (!statuses)
        {
          used->status[rig_validator_get_cable_status (self->validator, cable->id)] = TRUE;
          statuses = all_statuses (used);
        }
      used->wireless |= cable->spec.kind == RIG_CABLE_KIND_WIRELESS;
      if (!used->speaker)
        {
          const RigJack *jack = rig_document_cable_jack (self->doc, cable, RIG_END_FROM);

          used->speaker = jack != NULL && jack->signal == RIG_SIGNAL_SPEAKER;
        }
      if (cable->number != NULL && cable->number[0] != '\0' && cable->number[1] == '-')
        switch (cable->number[0])
          {
            case 'A':
              used->prefix_a = TRUE;
              break;
            case 'S':
              used->prefix_s = TRUE;
              break;
            case 'D':
              used->prefix_d = TRUE;
              break;
            case 'P':
              used->prefix_p = TRUE;
              break;
            default:
              break;
          }
    }
  for (guint i = 0; i < rig_document_get_n_devices (self->doc); i++)
    {
      const RigDevice *device = rig_document_get_device (self->doc, i);

      if (!statuses)
        {
          used->status[rig_validator_get_device_status (self->validator, device->id)] = TRUE;
          statuses = all_statuses (used);
        }
      for (guint j = 0; j < device->model->n_jacks; j++)
        {
          const RigJack *jack = &device->model->jacks[j];

          if ((guint) jack->connector < RIG_N_CONNECTORS)
            used->connectors[jack->connector] = TRUE;
          if ((guint) jack->gender < RIG_N_GENDERS)
            used->genders[jack->gender] = TRUE;
        }
    }
}

static void
legend_add_items (RigSheet *self, const Used *used)
{
  legend_add (self, LEGEND_GROUP, 0, _ ("Status"));
  legend_add (self, LEGEND_STATUS, RIG_SEVERITY_NONE, _ ("No problem"));
  if (used->status[RIG_SEVERITY_ERROR])
    legend_add (self, LEGEND_STATUS, RIG_SEVERITY_ERROR, _ ("Error: no sound or damage"));
  if (used->status[RIG_SEVERITY_WARNING])
    legend_add (self, LEGEND_STATUS, RIG_SEVERITY_WARNING, _ ("Warning: works, badly"));
  if (used->status[RIG_SEVERITY_INFO])
    legend_add (self, LEGEND_STATUS, RIG_SEVERITY_INFO, _ ("Note"));
  if (used->speaker || used->wireless)
    legend_add (self, LEGEND_GROUP, 0, _ ("Lines"));
  if (used->speaker)
    legend_add (self, LEGEND_SPEAKER, 0, _ ("Speaker cable (heavier)"));
  if (used->wireless)
    legend_add (self, LEGEND_WIRELESS, 0, _ ("Bluetooth link (hollow)"));
  if (used->prefix_a || used->prefix_s || used->prefix_d || used->prefix_p)
    legend_add (self, LEGEND_GROUP, 0, _ ("Cable numbers"));
  if (used->prefix_a)
    legend_add (self, LEGEND_PREFIX, 'A', _ ("analog audio"));
  if (used->prefix_s)
    legend_add (self, LEGEND_PREFIX, 'S', _ ("speaker"));
  if (used->prefix_d)
    legend_add (self, LEGEND_PREFIX, 'D', _ ("digital"));
  if (used->prefix_p)
    legend_add (self, LEGEND_PREFIX, 'P', _ ("power"));
  legend_add (self, LEGEND_GROUP, 0, _ ("Connectors"));
  for (guint c = 0; c < RIG_N_CONNECTORS; c++)
    if (used->connectors[c])
      legend_add (self, LEGEND_CONNECTOR, (int) c, rig_connector_to_label (c));
  if (used->genders[RIG_GENDER_SOCKET])
    legend_add (self, LEGEND_GENDER, RIG_GENDER_SOCKET, _ ("hollow: socket"));
  if (used->genders[RIG_GENDER_PLUG])
    legend_add (self, LEGEND_GENDER, RIG_GENDER_PLUG, _ ("filled: captive plug"));
}

/* Flows the items into rows of @width: a group title never ends a row. */
static void
legend_flow (RigSheet *self, double width)
{
  double x = 0, y = 0;
  guint n_rows = 1;

  width -= self->legend_map_w;
  for (guint i = 0; i < self->legend->len; i++)
    {
      LegendItem *item = &g_array_index (self->legend, LegendItem, i);
      double w = legend_item_width (self, item);
      double need = w;
      double gap = item->kind == LEGEND_GROUP && i > 0 ? 16 : (i > 0 ? 9 : 0);

      if (item->kind == LEGEND_GROUP && i + 1 < self->legend->len)
        need += legend_item_width (self, &g_array_index (self->legend, LegendItem, i + 1));
      if (x > 0 && x + gap + need > width - 2 * LEGEND_PAD)
        {
          x = 0;
          y += LEGEND_ROW_H;
          n_rows++;
          gap = 0;
        }
      item->x = x + gap;
      item->y = y;
      item->w = w;
      x += gap + w;
    }
  self->legend_h = 2 * LEGEND_PAD + 7 + n_rows * LEGEND_ROW_H;
  if (self->legend_map_w > 0)
    self->legend_h = MAX (self->legend_h, 2 * LEGEND_PAD + 7 + self->tile_rows * 6.0 + 2);
}

/* Collects what the sheet uses, then flows it into rows of @width. */
void
_rig_sheet_legend_build (RigSheet *self, double width)
{
  Used used;

  self->legend = g_array_new (FALSE, FALSE, sizeof (LegendItem));
  g_array_set_clear_func (self->legend, (GDestroyNotify) legend_item_clear);
  if (self->empty)
    {
      self->legend_h = 0;
      return;
    }
  legend_collect (self, &used);
  legend_add_items (self, &used);
  legend_flow (self, width);
}

/* ---- drawing --------------------------------------------------------- */

/* A connector glyph as the painter draws a port. */
static void
draw_glyph (RigSheet *self, cairo_t *cr, RigConnector connector, gboolean plug, double cx,
            double cy, double r)
{
  const double dashes[2] = { r * 0.37, r * 0.27 };
  guint32 ink = 0x3D3846;

  cairo_save (cr);
  rig_marks_glyph (cr, connector, plug, cx, cy, r,
                   self->options.greyscale ? rig_marks_grey (ink) : ink, 0xFFFFFF, r * 0.25,
                   r * 0.2, dashes);
  cairo_restore (cr);
}

/* A short cable with a status's colour and dash pattern, as on the diagram. */
static void
draw_line_sample (RigSheet *self, cairo_t *cr, double x, double y, double w, double width,
                  RigSeverity severity, gboolean wireless)
{
  double k = MAX (self->scale, 0.45);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + w, y);
  _rig_sheet_set_ink (self, cr, rig_painter_status_color (self->painter, severity));
  cairo_set_line_width (cr, width);
  rig_marks_status_dash (cr, severity, 9 * k, 6 * k, width * 2.2);
  if (wireless)
    {
      cairo_set_line_width (cr, width * 1.6);
      cairo_stroke_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, width * 0.6);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
  if (severity != RIG_SEVERITY_NONE)
    _rig_sheet_draw_badge (self, cr, x + w / 2, y, 3.6, severity);
}

static void
draw_tile_map (RigSheet *self, cairo_t *cr, const Block *b, const Block *diagram)
{
  double cell = MIN (9.0, (self->legend_map_w - 12) / self->tile_cols);
  double ch = 6.0, x0 = b->x + b->w - self->legend_map_w + 6, y0 = b->y + LEGEND_PAD + 7;

  cairo_save (cr);
  for (guint r = 0; r < self->tile_rows; r++)
    for (guint c = 0; c < self->tile_cols; c++)
      {
        cairo_rectangle (cr, x0 + c * cell, y0 + r * ch, cell - 1, ch - 1);
        if (diagram != NULL && c == diagram->tile_col && r == diagram->tile_row)
          _rig_sheet_set_ink (self, cr, RULE_DARK);
        else
          _rig_sheet_set_ink (self, cr, RULE_LIGHT);
        cairo_fill (cr);
      }
  cairo_restore (cr);
}

void
_rig_sheet_draw_legend (RigSheet *self, cairo_t *cr, const Block *b, const Block *diagram)
{
  g_autofree char *caps = g_utf8_strup (_ ("Legend"), -1);
  double x0 = b->x + LEGEND_PAD, y0 = b->y + LEGEND_PAD + 7;

  cairo_save (cr);
  rig_marks_rounded_rect (cr, b->x, b->y, b->w, b->h, 2);
  _rig_sheet_set_ink (self, cr, 0xFAFAF9);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 0.5);
  _rig_sheet_set_ink (self, cr, RULE);
  cairo_stroke (cr);
  _rig_sheet_put (self, cr, F_CAPS, INK_FAINT, caps, x0, b->y + 4, 100, 1, PANGO_ALIGN_LEFT);
  {
    /* Translators: the diagram's scale in the legend, "Scale 57 %"; 100 % is
     * the canvas at 100 %. */
    g_autofree char *scale = g_strdup_printf (_ ("Scale %.0f %%"), self->scale / PT_PER_UNIT * 100);
    g_autofree char *scale_caps = g_utf8_strup (scale, -1);

    _rig_sheet_put (self, cr, F_CAPS, INK_FAINT, scale_caps,
                    b->x + b->w - LEGEND_PAD - self->legend_map_w - 100, b->y + 4, 100, 1,
                    PANGO_ALIGN_RIGHT);
  }
  if (self->legend_map_w > 0)
    {
      g_autofree char *map = g_utf8_strup (_ ("Tiles"), -1);

      _rig_sheet_put (self, cr, F_CAPS, INK_FAINT, map, b->x + b->w - self->legend_map_w + 6,
                      b->y + 4, self->legend_map_w, 1, PANGO_ALIGN_LEFT);
      draw_tile_map (self, cr, b, diagram);
    }

  for (guint i = 0; i < self->legend->len; i++)
    {
      const LegendItem *item = &g_array_index (self->legend, LegendItem, i);
      double x = x0 + item->x, y = y0 + item->y, cy = y + 4.6;
      double tx = x;

      switch (item->kind)
        {
          case LEGEND_GROUP:
            _rig_sheet_put (self, cr, F_LEGEND_BOLD, INK, item->label, x, y, -1, 1,
                            PANGO_ALIGN_LEFT);
            continue;
          case LEGEND_STATUS:
            draw_line_sample (self, cr, x + 1, cy, SAMPLE_W - 2, 1.8, item->value, FALSE);
            tx = x + SAMPLE_W + 4;
            break;
          case LEGEND_SPEAKER:
            draw_line_sample (self, cr, x + 1, cy, SAMPLE_W - 2, 2.6, RIG_SEVERITY_NONE, FALSE);
            tx = x + SAMPLE_W + 4;
            break;
          case LEGEND_WIRELESS:
            draw_line_sample (self, cr, x + 1, cy, SAMPLE_W - 2, 1.8, RIG_SEVERITY_NONE, TRUE);
            tx = x + SAMPLE_W + 4;
            break;
          case LEGEND_PREFIX:
            {
              char prefix[3] = { (char) item->value, '-', '\0' };

              rig_marks_rounded_rect (cr, x, cy - 4.2, 16, 8.4, 4.2);
              cairo_set_source_rgb (cr, 1, 1, 1);
              cairo_fill_preserve (cr);
              _rig_sheet_set_ink (self, cr, RULE);
              cairo_set_line_width (cr, 0.6);
              cairo_stroke (cr);
              _rig_sheet_put (self, cr, F_LEGEND_BOLD, INK, prefix, x, y, 16, 1,
                              PANGO_ALIGN_CENTER);
              tx = x + 19;
            }
            break;
          case LEGEND_CONNECTOR:
            draw_glyph (self, cr, item->value, FALSE, x + 5, cy, 3.8);
            tx = x + 12 + 3;
            break;
          case LEGEND_GENDER:
          default:
            draw_glyph (self, cr, RIG_CONNECTOR_PHONE, item->value == RIG_GENDER_PLUG, x + 5, cy,
                        3.8);
            tx = x + 12 + 3;
            break;
        }
      _rig_sheet_put (self, cr, F_LEGEND, INK_SOFT, item->label, tx, y, -1, 1, PANGO_ALIGN_LEFT);
    }
  cairo_restore (cr);
}
